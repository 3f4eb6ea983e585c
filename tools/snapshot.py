"""Behaviour snapshot: every command run on a fixed corpus, with its exit code, what it printed and a
digest of what it wrote. A refactor must not change a line of it:

    .venv/bin/python tools/snapshot.py > before.txt      # on the old tree (--tree PATH)
    .venv/bin/python tools/snapshot.py | diff before.txt -

Commands run as users run them (`python -m generator …`) in a scratch folder, so messages name files
by the relative names a user typed; the scratch path itself is replaced by <TMP>.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "real-docs"


def digest(path: Path) -> str:
    data = path.read_bytes()
    if path.suffix in (".docx", ".xlsx"):
        try:
            with zipfile.ZipFile(path) as z:
                data = b"".join(n.encode() + z.read(n) for n in sorted(z.namelist()))
        except zipfile.BadZipFile:
            pass
    return hashlib.sha256(data).hexdigest()[:16]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tree", default=str(ROOT), help="the source tree to run (default: this one)")
    ap.add_argument("--only", default="", help="run only cases whose name contains this")
    ap.add_argument("--compare", metavar="BEFORE", help="compare with an earlier snapshot (its cases that ran now); "
                    "exit 1 and print the differing cases when any differs")
    args = ap.parse_args()
    if args.compare:
        import contextlib
        import difflib
        import io

        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            main_run(args)
        now, before = cases(buf.getvalue()), cases(Path(args.compare).read_text(encoding="utf-8"))
        differ = [name for name in now if before.get(name) != now[name]]
        for name in differ:
            sys.stdout.writelines(difflib.unified_diff(before.get(name, "").splitlines(True), now[name].splitlines(True),
                                                       f"before: {name}", f"now: {name}"))
        print(f"snapshot: {len(now)} cases, {len(differ)} differ")
        return 1 if differ else 0
    return main_run(args)


TIMING = re.compile(r"\(\d+,\d+ giây\)")


def cases(text: str) -> dict[str, str]:
    text = TIMING.sub("(… giây)", text)  # an earlier snapshot may hold raw timings
    out: dict[str, str] = {}
    name = None
    for line in text.splitlines(True):
        if line.startswith("## "):
            name = line[3:].rsplit(": rc=", 1)[0]
            out[name] = ""
        if name is not None:
            out[name] += line
    return out


def main_run(args) -> int:
    tree = Path(args.tree).resolve()
    env = dict(os.environ, PYTHONPATH=str(tree), COLUMNS="100", KEHOACH_NO_PROGRESS="1")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory(prefix="kh-snap-") as tmpdir:
        tmp = Path(tmpdir)
        for d in ("plans", "bad", "docs", "data"):
            (tmp / d).mkdir()
        for p in sorted((ROOT / "plans").glob("*.yaml")):
            shutil.copy(p, tmp / "plans" / p.name)
        for p in sorted((ROOT / "tests" / "data").glob("*.yaml")):
            shutil.copy(p, tmp / "data" / p.name)
        for p in sorted((ROOT / "tests" / "bad").glob("*.yaml")):
            shutil.copy(p, tmp / "bad" / p.name)
        if SHARED.is_dir():
            for p in sorted(SHARED.iterdir()):
                if p.suffix in (".docx", ".doc"):
                    shutil.copy(p, tmp / "docs" / p.name)
        (tmp / "schema").mkdir()
        shutil.copy(ROOT / "schema" / "kehoach.schema.json", tmp / "schema")

        def run(name: str, *argv: str, outputs: tuple[str, ...] = ()) -> None:
            if args.only and args.only not in name:
                return
            proc = subprocess.run([sys.executable, "-m", "generator", *argv], cwd=tmp, env=env,
                                  capture_output=True, text=True, timeout=600)
            print(f"## {name}: rc={proc.returncode}")
            for stream, text in (("out", proc.stdout), ("err", proc.stderr)):
                for line in TIMING.sub("(… giây)", text.replace(str(tmp), "<TMP>")).splitlines():
                    print(f"  {stream}| {line}")
            for pattern in outputs:
                for f in sorted(tmp.glob(pattern)):
                    if f.is_file():
                        print(f"  file {f.relative_to(tmp)} {digest(f)}")

        plans = [f"plans/{p.name}" for p in sorted((tmp / "plans").glob("*.yaml"))]
        data = [f"data/{p.name}" for p in sorted((tmp / "data").glob("*.yaml"))]
        bad = [f"bad/{p.name}" for p in sorted((tmp / "bad").glob("*.yaml"))]
        docs = [f"docs/{p.name}" for p in sorted((tmp / "docs").iterdir())]
        run("help", "--help")
        for cmd in ("build", "check", "diff", "import", "init", "rollover", "schema", "validate", "watch"):
            run(f"help {cmd}", cmd, "--help")
        for p in plans + data + bad:
            run(f"validate {p}", "validate", p)
            run(f"validate json {p}", "validate", "--format", "json", p)
        for p in plans + data:
            run(f"build {p}", "build", p, "-o", "out", outputs=(f"out/{Path(p).stem}/*",))
        run("build bad", "build", *bad[:3], "-o", "outbad", outputs=("outbad/*/*",))
        run("schema", "schema", "-o", "s.json", outputs=("s.json",))
        run("init", "init", "--province", "Tuyên Quang", "--year", "2026", "--indices", "papi,par", "-o",
            "plans-init/tq.yaml", outputs=("plans-init/*",))
        for p in plans:
            stem = Path(p).stem
            run(f"rollover {p}", "rollover", p, "-o", f"roll/{stem}.yaml", outputs=(f"roll/{stem}.yaml",))
        run("diff", "diff", plans[0], f"roll/{Path(plans[0]).stem}.yaml")
        run("diff md", "diff", "--format", "markdown", plans[1], f"roll/{Path(plans[1]).stem}.yaml")
        run("diff json", "diff", "--format", "json", plans[2], plans[2])
        for p in plans + data:
            built = f"out/{Path(p).stem}/{Path(p).stem}.docx"
            run(f"check built {p}", "check", built)
            run(f"import built {p}", "import", built, "-o", f"imp/{Path(p).stem}.yaml",
                outputs=(f"imp/{Path(p).stem}.yaml",))
            run(f"onto built {p}", "import", "--onto", p, built, "-o", f"onto/{Path(p).stem}.yaml",
                outputs=(f"onto/{Path(p).stem}.yaml",))
        for d in docs:
            stem = Path(d).stem
            run(f"check {d}", "check", "--all", d)
            run(f"check json {d}", "check", "--format", "json", d)
            run(f"fix {d}", "check", "--fix", d, "-o", f"fixed/{stem}.docx", outputs=(f"fixed/{stem}.docx",))
            run(f"import {d}", "import", d, "-o", f"impdocs/{stem}.yaml", outputs=(f"impdocs/{stem}.yaml",))
    return 0


if __name__ == "__main__":
    sys.exit(main())
