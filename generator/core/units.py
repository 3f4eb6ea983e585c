"""Lengths and sizes, in one place: OOXML writes twips (1/20 pt), half-points (font sizes) and EMU
(drawings); ND30 speaks in millimetres and points."""
from __future__ import annotations

PT_PER_MM = 72 / 25.4
MM_PER_PT = 25.4 / 72
TWIPS_PER_PT = 20
TWIPS_PER_MM = 1440 / 25.4
MM_PER_TWIP = 25.4 / 1440
EMU_PER_PT = 12700
# VML lengths ("12pt", "3.5cm") in points
VML_PT = {"pt": 1.0, "in": 72.0, "cm": 72 / 2.54, "mm": 72 / 25.4, "px": 0.75, "pc": 12.0, "emu": 1 / 12700}
# ST_TwipsMeasure's suffixed forms (Strict) in twips
TWIPS_PER_UNIT = (("pt", 20.0), ("mm", 1440 / 25.4), ("cm", 1440 / 2.54), ("in", 1440.0))


def twips_to_pt(twips: float) -> float:
    return twips / TWIPS_PER_PT


def half_points(size_pt: float) -> str:
    """w:sz's value for a font size in points."""
    return str(round(size_pt * 2))
