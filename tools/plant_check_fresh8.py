"""Plant check for tools/mutants_fresh8.py: every old text occurs exactly once in its file (at the tree this
runs in) and the mutated file still compiles. Exit 1 when any mutant cannot be planted."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools.mutants_fresh8 import MUTANTS  # noqa: E402


def main() -> int:
    bad = 0
    names = [mu.name for mu in MUTANTS]
    dupes = {n for n in names if names.count(n) > 1}
    if dupes:
        print("duplicate names:", ", ".join(sorted(dupes)))
        bad += 1
    for mu in MUTANTS:
        text = (ROOT / mu.path).read_text(encoding="utf-8")
        problems = []
        for old, new in mu.edits:
            n = text.count(old)
            if n != 1:
                problems.append(f"old text occurs {n} times: {old[:60]!r}")
                continue
            if old == new:
                problems.append("old == new")
            text = text.replace(old, new)
        if not problems:
            try:
                compile(text, mu.path, "exec")
            except SyntaxError as exc:
                problems.append(f"does not compile: {exc}")
        if problems:
            bad += 1
            print(f"FAIL {mu.name} ({mu.path}): " + "; ".join(problems))
    print(f"{len(MUTANTS)} mutants, {len(MUTANTS) - bad} plantable, {bad} not")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
