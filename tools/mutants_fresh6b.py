"""Fresh batch 6b (issue 23, deliverable 2): the 28 spare mutants of batch 6 (`SPARE` in
tools/mutants_fresh6.py), written by helper mut6 from generator/** and the user documentation only and
committed in 8229c0b before any mutant was run. Taken verbatim (imported, not copied), not edited.
See tools/mutants_fresh6b.md.

    KEHOACH_SHARED=/work/shared PYTHONPATH=$PWD python tools/mutate.py --batch tools/mutants_fresh6b.py \
        --pytest "<selection> -n0" NAMES...
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from mutants_fresh6 import SPARE  # noqa: E402

MUTANTS = list(SPARE)
