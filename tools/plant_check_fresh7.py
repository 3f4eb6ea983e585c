"""Plant check for tools/mutants_fresh7.py: every old text occurs exactly once in its file, and the
mutated file still compiles. Exit 1 on any failure.

    python tools/plant_check_fresh7.py"""
from __future__ import annotations

import runpy
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))


def main() -> int:
    batch = runpy.run_path(str(ROOT / "tools" / "mutants_fresh7.py"))
    bad = 0
    names: set[str] = set()
    for group in ("MUTANTS", "SPARE"):
        for mu in batch[group]:
            if mu.name in names:
                print(f"{group} {mu.name}: name used twice")
                bad += 1
            names.add(mu.name)
            path = ROOT / mu.path
            text = path.read_text(encoding="utf-8")
            for old, new in mu.edits:
                count = text.count(old)
                if count != 1:
                    print(f"{group} {mu.name}: old text occurs {count} times in {mu.path}")
                    bad += 1
                    break
                if old == new:
                    print(f"{group} {mu.name}: edit changes nothing")
                    bad += 1
                text = text.replace(old, new, 1)
            else:
                try:
                    compile(text, str(path), "exec")
                except SyntaxError as exc:
                    print(f"{group} {mu.name}: mutated file does not compile: {exc}")
                    bad += 1
    print(f"{len(names)} mutants ({len(batch['MUTANTS'])} MUTANTS, {len(batch['SPARE'])} SPARE), {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
