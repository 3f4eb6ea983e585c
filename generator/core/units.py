"""Lengths and sizes, in one place: OOXML writes twips (1/20 pt), half-points (font sizes) and EMU
(drawings); ND30 speaks in millimetres and points; plans give table columns in centimetres.

The conversions are written once here so that the reader (word/) and the renderers (render/) agree;
each keeps the exact arithmetic the call sites had, so outputs do not move by a rounding step."""
from __future__ import annotations

PT_PER_MM = 72 / 25.4
MM_PER_PT = 25.4 / 72
MM_PER_CM = 10
TWIPS_PER_PT = 20
TWIPS_PER_MM = 1440 / 25.4
MM_PER_TWIP = 25.4 / 1440
HALF_POINTS_PER_PT = 2
EMU_PER_PT = 12700
AUTO_LINE = 240  # w:spacing w:line with lineRule="auto" counts 240ths of a line
# VML lengths ("12pt", "3.5cm") in points; a bare VML number is in pixels
VML_PT = {"pt": 1.0, "in": 72.0, "cm": 72 / 2.54, "mm": 72 / 25.4, "px": 0.75, "pc": 12.0, "emu": 1 / 12700}
PT_PER_PX = VML_PT["px"]
# ST_TwipsMeasure's suffixed forms (Strict) in twips
TWIPS_PER_UNIT = (("pt", 20.0), ("mm", 1440 / 25.4), ("cm", 1440 / 2.54), ("in", 1440.0))


def twips_to_pt(twips: float) -> float:
    return twips / TWIPS_PER_PT


def pt_to_twips(points: float) -> float:
    return points * TWIPS_PER_PT


def twips_to_mm(twips: float) -> float:
    return twips * MM_PER_TWIP


def mm_to_twips(mm: float) -> int:
    """A length in millimetres as OOXML's whole twips (page size, margins, column widths)."""
    return round(mm * TWIPS_PER_MM)


def cm_to_mm(cm: float) -> float:
    return cm * MM_PER_CM


def emu_to_pt(emu: int) -> float:
    return emu / EMU_PER_PT


def half_points_to_pt(half_points: float) -> float:
    """w:sz's value (half-points) as a font size in points."""
    return half_points / HALF_POINTS_PER_PT


def half_points(size_pt: float) -> str:
    """w:sz's value for a font size in points."""
    return str(round(size_pt * HALF_POINTS_PER_PT))
