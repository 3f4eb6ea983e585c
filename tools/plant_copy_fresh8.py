"""plant_copy_fresh8.py NAME DEST: copy the tracked files of this tree to DEST and plant mutant NAME of
tools/mutants_fresh8.py there ("none": no mutant), to show a survivor's difference by running the CLI in both
copies (PYTHONPATH=DEST python -m generator …)."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools.mutants_fresh8 import MUTANTS  # noqa: E402


def main() -> int:
    name, dest = sys.argv[1], Path(sys.argv[2])
    if dest.exists():
        shutil.rmtree(dest)
    listed = subprocess.run(["git", "-C", str(ROOT), "ls-files", "-z"], capture_output=True, check=True).stdout
    for raw in filter(None, listed.split(b"\0")):
        rel = raw.decode()
        src = ROOT / rel
        if src.is_file() and not src.is_symlink():
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / rel)
    if name != "none":
        mutant = next(mu for mu in MUTANTS if mu.name == name)
        text = (dest / mutant.path).read_text(encoding="utf-8")
        for old, new in mutant.edits:
            assert text.count(old) == 1, old
            text = text.replace(old, new)
        (dest / mutant.path).write_text(text, encoding="utf-8")
    print(dest)
    return 0


if __name__ == "__main__":
    sys.exit(main())
