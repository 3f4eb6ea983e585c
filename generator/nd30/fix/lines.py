"""Corrections of the drawn lines (check/lines.py): typed underscores become a solid rule of the right
length, a bottom border ("rule") or, sharing a line with other text, a drawn VML line ("rule_shape")."""
from __future__ import annotations

from lxml import etree

from generator.core.messages import Message
from generator.core.units import TWIPS_PER_PT
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
    side = str(round((fix.indent_pt or 0) * TWIPS_PER_PT))
    ordered_child(ppr, "ind", PPR_ORDER, {"left": side, "right": side, "firstLine": "0"})
    ordered_child(ppr, "jc", PPR_ORDER, {"val": "center"})
    # its spacing is kept: the empty paragraph keeps its place and the text under it does not move
    fx.note("đường kẻ gõ bằng dấu gạch thay bằng đường kẻ nét liền", found.where, found)
    return True


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
    # width / 72 * 25.4, not width * MM_PER_PT: the two round 180 pt apart (63.5 → 64 mm, 63.4999… → 63 mm)
    fx.note(f"đường kẻ gõ bằng dấu gạch thay bằng đường kẻ nét liền dài {width / 72 * 25.4:.0f} mm", found.where,
            found)
    return True


FIXES = {"rule": fix_rule, "rule_shape": fix_rule_shape}
