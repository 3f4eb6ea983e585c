"""Fresh mutants, batch 7b: the SPARE list of tools/mutants_fresh7.py, written at the same time and with the
same care as batch 7, kept unrun for a later measurement.

    python tools/mutate.py --batch tools/mutants_fresh7b.py --pytest "<selection> -n0" NAMES..."""
from __future__ import annotations

import runpy
from pathlib import Path

MUTANTS = list(runpy.run_path(str(Path(__file__).resolve().parent / "mutants_fresh7.py"))["SPARE"])
