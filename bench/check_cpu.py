"""CPU of `read_docx` + `check_document` on every judged real document (tests/real/judgements/*.yaml), in one
process, and every finding it gives, to prove a speed-up changes no output (issue 23):

    .venv/bin/python bench/check_cpu.py --json /tmp/before.json           # on the old tree: CPU per document
    .venv/bin/python bench/check_cpu.py --json /tmp/after.json && cmp /tmp/before.json /tmp/after.json
    .venv/bin/python bench/check_cpu.py --profile /tmp/check.prof          # cProfile of read+check, all documents

The files are found as tools/measure_check.py finds them (`docx_of`); .doc files are converted with LibreOffice
once, into a cache outside the timing (`--cache`, default a folder in the temp directory). The JSON holds, per
document, the type identified, the size pair, the reader's notes and every finding as `check --format json` gives
it plus its correction (`Fix`). CPU is `time.process_time()` of read+check, the best of `--repeat` rounds, after one untimed warm-up
(imports).
"""
from __future__ import annotations

import argparse
import gc
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def documents(cache: Path) -> list[tuple[str, Path]]:
    """(key, .docx) of every judged document found; .doc converted into `cache` (once: kept there)."""
    sys.path.insert(0, str(ROOT / "tools"))
    from measure_check import JUDGED, docx_of, judgement

    out = []
    for yml in sorted(JUDGED.glob("*.yaml")):
        key = yml.stem.split("_")[0]
        j = judgement(key)
        done = sorted((cache / key).glob("*/*.docx")) if (cache / key).is_dir() else []
        path = done[0] if done else docx_of(key, j, cache / key)
        if path is None:
            print(f"{key}: not found", file=sys.stderr)
            continue
        out.append((key, path))
    return out


def _forget_texts() -> None:
    """Empty the texts the checker remembers (`generator.core.text.remembered`), so that each document is timed as
    `kehoach check` on it alone would be (one document's lines do not speed up the next's)."""
    import functools

    from generator.core import text

    limit = getattr(text, "TEXTS_REMEMBERED", None)  # (absent from a tree before issue 23)
    for f in gc.get_objects() if limit else ():
        if isinstance(f, functools._lru_cache_wrapper) and f.cache_parameters()["maxsize"] == limit:
            f.cache_clear()


def run(path: Path) -> tuple[dict, float]:
    """What read+check says of one file, and its CPU seconds."""
    from generator.core.errors import KehoachError
    from generator.nd30.check import check_document, finding_dict
    from generator.word.reader import read_docx

    _forget_texts()
    gc.collect()
    start = time.process_time()
    try:
        read = read_docx(path)
        result = check_document(read.value, read.messages)
    except KehoachError as exc:
        cpu = time.process_time() - start
        return {"refused": [p.text for p in exc.problems]}, cpu
    cpu = time.process_time() - start
    ident = result.identified
    said = {"identified": None if ident is None else repr(ident), "pair": result.size_pair,
            "messages": [[m.level, m.where, m.text] for m in result.messages],
            "findings": [{**finding_dict(f), "where": f.where, "fix": repr(f.detail.fix)} for f in result.findings]}
    return said, cpu


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", type=Path, help="write every document's findings here")
    ap.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "kehoach-check-cpu",
                    help="where .doc files are converted (kept between runs)")
    ap.add_argument("--repeat", type=int, default=1, help="rounds; the best CPU of each document is kept")
    ap.add_argument("--profile", type=Path, help="cProfile read+check of all documents into this file")
    ap.add_argument("--only", default="", help="only documents whose key contains this")
    args = ap.parse_args(argv)
    docs = [(k, p) for k, p in documents(args.cache) if args.only in k]
    if args.profile:
        import cProfile

        prof = cProfile.Profile()
        prof.enable()
        for _, path in docs:
            run(path)
        prof.disable()
        prof.dump_stats(str(args.profile))
        return 0
    for _, path in docs:  # warm-up, untimed: the modules imported at first use
        if "findings" in run(path)[0]:
            break
    said: dict[str, dict] = {}
    cpu: dict[str, float] = {}
    for _ in range(args.repeat):
        for key, path in docs:
            said[key], t = run(path)
            cpu[key] = min(cpu.get(key, t), t)
    if args.json:
        args.json.write_text(json.dumps(said, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    for key in sorted(cpu, key=cpu.get, reverse=True):
        print(f"{key:<14} {cpu[key]:7.3f} s")
    print(f"{'total':<14} {sum(cpu.values()):7.3f} s  ({len(cpu)} documents)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
