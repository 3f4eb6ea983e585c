"""Hand-run fourth hostile campaign of issue 22 (not part of the test suite): every file of
tests/word/hostile_fourth.py is given to `check`, `check --fix -o`, `import -o` and `import --onto PLAN -o`,
each a fresh process limited and measured as bench/hostile_office.py does (same verdicts: TB, EN, NOLOC, TMP,
HALF, LONG, SLOW, FAT, RCn), and three more read from the outputs:

- LOSTn (import): n words of the document's text (w:t, tracked deletions left out) found nowhere in the
  imported YAML, beyond those the untouched build already loses;
- WRONG (onto): a pair of EXPECT not in the plan (the new text missing), or, for a file without EXPECT, the
  plan's texts changed;
- INVIS: an invisible character (format, private use, unassigned, variation selector) written into a YAML
  that the input plan did not hold.

    .venv/bin/python bench/hostile_fourth.py [--only astral] [--commands onto]
    .venv/bin/python bench/hostile_fourth.py --plans      # tests/workflow/hostile_plans_fourth.py: validate,
                                                          # build, rollover, diff and import --onto of each plan
"""
from __future__ import annotations

import argparse
import collections
import re
import shutil
import sys
import tempfile
import unicodedata
import zipfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.hostile_office import attempt, built_seed, run, verdicts, word_commands  # noqa: E402
from tests.word import hostile_fourth as fam  # noqa: E402
from tests.workflow.hostile_plans_fourth import plan_strings, plans as hostile_plans  # noqa: E402


strings = plan_strings  # every string of a plan file (tests/workflow/hostile_plans_fourth.py)


def words(text: str) -> collections.Counter:
    return collections.Counter(re.findall(r"\w+", unicodedata.normalize("NFC", text).lower()))


def doc_words(docx: Path) -> collections.Counter:
    with zipfile.ZipFile(docx) as zf:
        xml = zf.read("word/document.xml").decode("utf-8", "replace")
    # a word cut into runs (proofErr, bookmarks, page-break marks between) is one word: runs joined within
    # their paragraph, paragraphs apart; a drop cap's letter joins the paragraph after it
    texts = []
    for p in re.findall(r"<w:p[ >].*?</w:p>", xml, flags=re.S):
        text = "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", p))
        texts.append(text + ("" if re.search(r'w:dropCap="(drop|margin)"', p) else " "))
    return words("".join(texts))


def invisible(text: str) -> set[str]:
    """Characters that print nothing, but for the joiners and presentation selectors of emoji (they print)."""
    from generator.core.text import joins_emoji

    return {c for i, c in enumerate(text) if (unicodedata.category(c) in ("Cf", "Co", "Cn") or
                                              0xFE00 <= ord(c) <= 0xFE0F or 0xE0100 <= ord(c) <= 0xE01EF)
            and not joins_emoji(text, i) and not (c in "\ufe0e\ufe0f" and i and ord(text[i - 1]) > 0x2000)}


def plan_campaign(only: str) -> None:
    """Every hostile plan through validate, build, rollover, diff (with the seed) and import --onto (with the
    seed's build, which records the seed: the plan is read against it). WRONG: a plan `validate` refuses that
    another command accepted (exit 0)."""
    with tempfile.TemporaryDirectory(prefix="h4p-") as tmp:
        folder = Path(tmp)
        seed, base = built_seed(folder, {"PYTHONPATH": str(ROOT), "PATH": ""})
        totals: dict[str, int] = {}
        worst = (0.0, "")
        print(f"{'plan':22} {'cmd':9} {'rc':>3} {'cpu s':>6} {'MB':>5}  verdict  answer", flush=True)
        for name, data in hostile_plans(seed.read_text(encoding="utf-8")).items():
            if only not in name:
                continue
            refused = None
            for key in ("validate", "build", "rollover", "diff", "onto"):
                out = folder / "out"
                shutil.rmtree(out, ignore_errors=True)
                out.mkdir()
                plan = out / name
                plan.write_bytes(data)
                argv = {"validate": ["validate", plan], "build": ["build", plan, "-o", out / "b"],
                        "rollover": ["rollover", plan, "-o", out / "next.yaml"], "diff": ["diff", seed, plan],
                        "onto": ["import", "--onto", plan, base, "-o", out / "onto.yaml"]}[key]
                got = run([str(a) for a in argv], out, False, folder)
                # diff says an invalid plan with exit 2 (documented), the others with 1
                marks = verdicts(got["said"], 1 if key == "diff" and got["rc"] == 2 else got["rc"], name, folder, "")
                if key == "validate":
                    refused = got["rc"] != 0
                elif refused and got["rc"] == 0:
                    marks.append("WRONG")
                if (out / "pwned.txt").exists() or (folder / "pwned.txt").exists():
                    marks.append("PWNED")
                if got["cpu"] > worst[0]:
                    worst = (got["cpu"], f"{name} {key}")
                for mark in marks:
                    totals[mark] = totals.get(mark, 0) + 1
                lines = [x for x in got["said"].splitlines() if x.strip()]
                first = next((x for x in lines if "lỗi" in x), lines[0] if lines else "")
                print(f"{name[:22]:22} {key:9} {got['rc']:3} {got['cpu']:6.1f} {got['peak']:5.0f}  "
                      f"{','.join(marks) or 'ok':8} {first.replace(str(folder), '…')[:140]}", flush=True)
        print(f"\nfailures by kind: {totals}; worst CPU {worst[0]:.1f} s ({worst[1]})")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", default="")
    parser.add_argument("--commands", default="check,fix,import,onto")
    parser.add_argument("--plans", action="store_true")
    args = parser.parse_args()
    if args.plans:
        plan_campaign(args.only)
        return 0
    with tempfile.TemporaryDirectory(prefix="h4-") as tmp:
        folder = Path(tmp)
        plan, base = built_seed(folder, {"PYTHONPATH": str(ROOT), "PATH": ""})
        plan_text = plan.read_text(encoding="utf-8")
        plan_strings = sorted(strings(plan))
        files = folder / "files"
        files.mkdir()
        commands = word_commands(plan)
        # what the untouched build already loses in `import`: not counted against a hostile file
        out = folder / "out"
        out.mkdir()
        run(["import", str(base), "-o", str(out / "plan.yaml")], out, False, folder)
        base_lost = doc_words(base) - words("\n".join(strings(out / "plan.yaml")))
        shutil.rmtree(out)
        paths = []
        for name, make in fam.FAMILIES.items():
            if args.only and args.only not in name:
                continue
            made = make(base, files)
            paths.extend(made if isinstance(made, list) else [made])
        totals: dict[str, int] = {}
        worst = {"cpu": (0.0, ""), "peak": (0.0, "")}
        print(f"{'file':28} {'cmd':6} {'rc':>3} {'cpu s':>6} {'MB':>5}  verdict  answer", flush=True)
        for path in paths:
            for key in args.commands.split(","):
                got, marks, out = attempt(commands, key, path, folder)
                for what in ("cpu", "peak"):
                    if got[what] > worst[what][0]:
                        worst[what] = (got[what], f"{path.name} {key}")
                made = out / ("plan.yaml" if key == "import" else "onto.yaml")
                notes = []
                if key in ("import", "onto") and made.exists():
                    texts = strings(made)
                    extra = invisible(made.read_text(encoding="utf-8")) - invisible(plan_text)
                    if extra:
                        marks.append("INVIS")
                        notes.append("invisible " + " ".join(f"U+{ord(c):04X}" for c in sorted(extra)))
                    if key == "import":
                        lost = (doc_words(path) - words("\n".join(texts))) - base_lost
                        if sum(lost.values()):
                            marks.append(f"LOST{sum(lost.values())}")
                            notes.append("lost " + " ".join(w for w, _ in lost.most_common(12)))
                    else:
                        joined = "\n".join(texts)
                        expect = fam.EXPECT.get(path.name)
                        if expect is None:
                            if sorted(texts) != plan_strings:
                                marks.append("WRONG")
                                gone = set(plan_strings) - set(texts)
                                notes.append(f"plan changed: {len(gone)} texts, e.g. {sorted(gone)[:1]!r:.160}")
                        else:
                            for old, new in expect:
                                ok = (new in joined) if new else (old not in joined)
                                if not ok:
                                    marks.append("WRONG")
                                    notes.append(f"missing {new[:70]!r}" if new else f"still there {old[:60]!r}")
                elif key == "onto" and fam.EXPECT.get(path.name):
                    marks.append("WRONG")
                    notes.append("nothing written")
                for mark in marks:
                    kind = re.sub(r"\d+$", "", mark)
                    totals[kind] = totals.get(kind, 0) + 1
                lines = [x for x in got["said"].splitlines() if x.strip()]
                first = next((x for x in lines if "lỗi" in x or "←" in x), lines[0] if lines else "")
                print(f"{path.name[:28]:28} {key:6} {got['rc']:3} {got['cpu']:6.1f} {got['peak']:5.0f}  "
                      f"{','.join(marks) or 'ok':8} {first.replace(str(folder), '…')[:150]}", flush=True)
                for note in notes:
                    print(f"{'':30}! {note[:200]}")
                if key == "onto":
                    for x in lines[1:8]:
                        print(f"{'':30}| {x.replace(str(folder), '…')[:160]}")
        print(f"\n{len(paths)} files; failures by kind: {totals}")
        print(f"worst CPU {worst['cpu'][0]:.1f} s ({worst['cpu'][1]}), worst peak {worst['peak'][0]:.0f} MB "
              f"({worst['peak'][1]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
