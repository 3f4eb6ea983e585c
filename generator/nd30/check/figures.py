"""What the body holds that is not running text although it sits among it: a displayed formula, the pieces of a
formula built of small paragraphs, the lines wrapped beside a floating picture (check/body.py leaves them out of
the rules of running text)."""
from __future__ import annotations

import re

from generator.nd30.check.base import Checker
from generator.core.text import text_width_pt
from generator.word.model import Paragraph


def displayed(p: Paragraph) -> bool:
    """A displayed formula: a short centred line holding an equation object or picture, or a short line
    placed with two or more tabs ("\t\t\tW = 5/7, Wmax = 0,7 m.")."""
    text = p.text.strip()
    if len(text) > 40:
        return False
    if p.alignment == "center" and any(d.kind in ("image", "ole") and d.top_pt is None for d in p.drawings):
        return True
    return p.text.startswith("\t\t") and "\t" not in text


_MATH = re.compile(r"[=+<>≤≥×÷∑Σ\uf000-\uf0ff]")


def formula_piece(p: Paragraph) -> bool:
    """One line of a formula built of small paragraphs set in with spaces or tabs (FR19-QC02's "N", "Σ rᵢ . nᵢ",
    "i = 1", "R =" over a drawn fraction bar): no word of three letters or more, and a mathematical sign or a lone
    letter or two. Not running text."""
    text = p.text.strip()
    if not text or len(text) > 20 or not p.text[:1].isspace() or re.search(r"[^\W\d_]{3,}", text):
        return False
    return bool(_MATH.search(text)) or len(re.sub(r"\W", "", text)) <= 2 and not re.match(r"^\w{1,2}[.)]$", text)


def beside_figures(ck: Checker, start: int, end: int) -> set[int]:
    """Paragraphs printed beside a floating picture with text wrapped around it: the anchoring one and those
    starting within the picture's height, their lines as wide as the room left beside it (an estimate)."""
    out: set[int] = set()
    for i in range(start, end):
        p = ck.paras[i]
        figs = [d for d in p.drawings if d.kind in ("image", "group", "chart")
                and d.wrap in ("square", "tight", "through") and d.width_pt and d.height_pt]
        if not figs:
            continue
        fig = max(figs, key=lambda d: d.width_pt)
        room = ck.width_available(p) - fig.width_pt - 18.0  # 9 pt of wrapping distance on each side (Word's default)
        if room < 72.0:
            continue  # no line fits beside it: the text runs above and below
        y = 0.0
        for q in ck.paras[i:end]:
            if y >= (fig.top_pt or 0.0) + fig.height_pt:
                break
            out.add(q.index)
            size = next((r.size_pt for r in q.runs if r.text.strip() and r.size_pt), None) or 14.0
            rule, value = q.line_spacing or ("auto", 1.0)
            line = value if rule != "auto" else 1.15 * size * value
            lines = max(1, -(-int(text_width_pt(" ".join(q.text.split()), size)) // int(room)))
            y += lines * line + (q.space_before_pt or 0.0) + (q.space_after_pt or 0.0)
    return out
