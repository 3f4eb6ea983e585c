"""Hand-run third hostile campaign of issue 22 (not part of the test suite): every file of
tests/word/hostile_third.py is given to `check`, `check --fix -o`, `import -o` and `import --onto PLAN -o`, each
a fresh process limited and measured as bench/hostile_office.py does (same verdicts: TB, EN, NOLOC, TMP, HALF,
LONG, SLOW, FAT, RCn). For `import --onto` the plan's changed lines are printed too, to be judged against
the family's EXPECT (lost or wrong text is read there, not counted).

    .venv/bin/python bench/hostile_third.py [--only tracked-] [--commands onto]
"""
from __future__ import annotations

import argparse
import difflib
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.hostile_office import attempt, built_seed, word_commands  # noqa: E402
from tests.word import hostile_third as fam  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", default="")
    parser.add_argument("--commands", default="check,fix,import,onto")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="h3-") as tmp:
        folder = Path(tmp)
        plan, base = built_seed(folder, {"PYTHONPATH": str(ROOT), "PATH": ""})
        files = folder / "files"
        files.mkdir()
        commands = word_commands(plan)
        paths = []
        for name, make in fam.FAMILIES.items():
            if args.only and args.only not in name:
                continue
            made = make(base, files)
            paths.extend(made if isinstance(made, list) else [made])
        totals: dict[str, int] = {}
        print(f"{'file':28} {'cmd':6} {'rc':>3} {'cpu s':>6} {'MB':>5}  verdict  answer", flush=True)
        for path in paths:
            for key in args.commands.split(","):
                got, marks, out = attempt(commands, key, path, folder)
                for mark in marks:
                    totals[mark] = totals.get(mark, 0) + 1
                lines = [x for x in got["said"].splitlines() if x.strip()]
                first = next((x for x in lines if "lỗi" in x or "←" in x), lines[0] if lines else "")
                print(f"{path.name[:28]:28} {key:6} {got['rc']:3} {got['cpu']:6.1f} {got['peak']:5.0f}  "
                      f"{','.join(marks) or 'ok':8} {first.replace(str(folder), '…')[:150]}", flush=True)
                if key == "onto" and (out / "onto.yaml").exists():
                    diff = difflib.unified_diff(plan.read_text(encoding="utf-8").splitlines(),
                                                (out / "onto.yaml").read_text(encoding="utf-8").splitlines(), n=0,
                                                lineterm="")
                    for line in list(diff)[2:]:
                        if not line.startswith("@@"):
                            print(f"{'':30}plan {line[:160]}")
                if key == "onto":
                    for x in lines[1:12]:
                        print(f"{'':30}| {x.replace(str(folder), '…')[:160]}")
        print(f"\n{len(paths)} files; failures by kind: {totals}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
