"""Corrections of the drawn lines (check/lines.py): typed underscores become a solid rule of the right
length, a bottom border ("rule") or, sharing a line with other text, a drawn VML line ("rule_shape")."""
from __future__ import annotations

from lxml import etree

from generator.core.messages import Message
from generator.core.units import PT_PER_MM, TWIPS_PER_PT
from generator.nd30.check import Fix
from generator.nd30.fix.fixer import Fixer
from generator.nd30.fix.xml import PPR_ORDER, ordered_child, props
from generator.word.xml import V_NS, w


def fix_rule(fx: Fixer, fix: Fix, found: Message) -> bool:
    """A paragraph of underscores only: emptied, with a bottom border indented to the rule's length."""
    p, chars = fx.xml_paragraph(fix.paragraph)
    if p is None or chars.text.strip().strip("_-—– ") != "":
        return False
    if not fx.risk("rule", found):  # the line's height changes: the text below may move
        return False
    for r in list(chars.runs_between(0, len(chars.text))):
        r.getparent().remove(r)
    fx.allowed.text(fix.paragraph, 0, len(chars.text), "")
    ppr = props(p, "pPr")
    bdr = ordered_child(ppr, "pBdr", PPR_ORDER)
    bottom = etree.SubElement(bdr, w("bottom"))
    for key, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "000000")):
        bottom.set(w(key), value)
    side, length = _kept_length(fx, fix)
    twips = str(round(side * TWIPS_PER_PT))
    ordered_child(ppr, "ind", PPR_ORDER, {"left": twips, "right": twips, "firstLine": "0"})
    ordered_child(ppr, "jc", PPR_ORDER, {"val": "center"})
    # its spacing is kept: the empty paragraph keeps its place and the text under it does not move
    fx.note(_drawn(length), found.where, found)
    return True


def _kept_length(fx: Fixer, fix: Fix) -> tuple[float, float | None]:
    """The border's indent on each side and the length it then draws: the length check computed (Fix.width_pt),
    kept when the margins corrected earlier in this pass (a section's corrections come first) widened or narrowed
    the text area the border spans (FR-QD01: right margin set to 20 mm). A paragraph in a table or a box is
    measured on its cell or box, which the margins do not change."""
    side, length = fix.indent_pt or 0.0, fix.width_pt
    q = fx.reader_paragraphs.get(fix.paragraph)
    if length is None or q is None or q.in_table or q.in_shape or q.framed or q.box_width_pt \
            or q.section >= len(fx.doc.sections):
        return side, length
    before = fx.doc.sections[q.section]
    sect = fx.section(q.section)
    mar = sect.find(w("pgMar")) if sect is not None else None
    if mar is None or before.margin_left_mm is None or before.margin_right_mm is None:
        return side, length
    try:
        now = sum(abs(int(mar.get(w(a)) or mar.get(w(b)) or 0)) for a, b in (("left", "start"), ("right", "end")))
    except ValueError:
        return side, length
    grown = (before.margin_left_mm + before.margin_right_mm) * PT_PER_MM - now / TWIPS_PER_PT
    if abs(grown) < 0.2:  # the margins as read (rounded to 0,01 mm): not changed
        return side, length
    kept = max(0.0, round(side + grown / 2, 1))
    return kept, length + grown - 2 * (kept - side)


def fix_rule_shape(fx: Fixer, fix: Fix, found: Message) -> bool:
    """Underscores that share a line with other text (a header set with tabs): a drawn line (VML) of the
    right length, centred on the tab stop that centred the underscores, anchored at the paragraph start."""
    p, chars = fx.xml_paragraph(fix.paragraph)
    if p is None:
        return False
    runs = chars.runs_between(fix.start, fix.end)
    if not runs or any("".join(t.text or "" for t in r.iter(w("t"))).strip("_ ") or r.find(w("tab")) is not None
                       for r in runs):
        return False  # a run holds more than the underscores
    ids = {id(r) for r in runs}
    span = [k for k, r in enumerate(chars.run_of) if id(r) in ids]
    for r in runs:
        r.getparent().remove(r)
    fx.allowed.text(fix.paragraph, span[0], span[-1] + 1, "")
    x, width = fix.indent_pt or 0.0, fix.width_pt or 0.0
    run = etree.Element(w("r"))
    pict = etree.SubElement(run, w("pict"))
    line = etree.SubElement(pict, f"{{{V_NS}}}line", nsmap={"v": V_NS})
    line.set("from", f"{x:.1f}pt,4pt")
    line.set("to", f"{x + width:.1f}pt,4pt")
    line.set("strokeweight", "0.75pt")
    line.set("style", "position:absolute;mso-position-horizontal-relative:char;"
                      "mso-position-vertical-relative:line;z-index:251659264")
    ppr = p.find(w("pPr"))
    if ppr is not None:
        ppr.addnext(run)
    else:
        p.insert(0, run)
    fx.note(_drawn(width), found.where, found)
    return True


def _drawn(width_pt: float | None) -> str:
    """The note of either correction, with the length check computed for the line (Fix.width_pt)."""
    said = "đường kẻ gõ bằng dấu gạch thay bằng đường kẻ nét liền"
    if width_pt is None:
        return said
    # width / 72 * 25.4, not width * MM_PER_PT: the two round 180 pt apart (63.5 → 64 mm, 63.4999… → 63 mm)
    return f"{said} dài {width_pt / 72 * 25.4:.0f} mm"


FIXES = {"rule": fix_rule, "rule_shape": fix_rule_shape}
