"""What `check --fix` will not do although a rule carries a correction: the reasons are said to the drafter.

- a rule that cites practice, not the decree, proves nothing wrong: its table corrections are left;
- a Nơi nhận correction only on a Nơi nhận line ("- …"): never on a signature line taken for one, never a
  ";" on the "- Lưu" line, never on a line whose item goes on in the next line (a wrapped recipient);
- a larger size only where a line placed on its own (centred, or pushed with spaces) still fits: a date
  placed with spaces must not wrap (running text may wrap); on a line that sets several elements side by
  side with tabs (the agency name and the Tiêu ngữ), only on one element at a time, and only when that
  element still fits the room its tab stop gives it;
- never bold on a số, ký hiệu ("/BC-UBND": ND30 sets it upright, not bold), and no size, bold or italic inside
  a table of the content (an attached list): only the tables that lay out the header or the signature.
Margins are guarded where they are changed (page.py), and every correction that may reflow the text is
kept only when the pages hold the same words as before (fix/__init__.py, pages.py). Lines are recognised and
measured as they print (`seen`: composed, no invisible characters), as `check` reads them; offsets stay on the
paragraph's own text."""
from __future__ import annotations

import re
from dataclasses import replace

from generator.core.messages import Message
from generator.core.text import decimal, seen, shorten, text_width_pt
from generator.core.units import PT_PER_MM
from generator.nd30.check.base import Checker, segments
from generator.nd30.rules import RULE


def promised(doc, findings: list[Message]) -> list[Message]:
    """The findings as `check` tells them, without the correction of those --fix refuses before trying (the
    reasons above): `check` marks nothing "có thể sửa bằng --fix" that --fix is sure to leave for a person
    (FR6-TB01). `doc` is the document checked (`CheckResult.document`)."""
    if doc is None or not any(f.detail.fix is not None for f in findings):
        return findings
    ck = Checker(doc)
    return [replace(f, detail=replace(f.detail, fix=None))
            if f.detail.fix is not None and (not RULE[f.rule].fixable or refusal(ck, f) is not None) else f
            for f in findings]


def refusal(ck: Checker, found: Message) -> str | None:
    fix = found.detail.fix
    rule = RULE[found.rule]
    if not rule.ref.startswith("PL"):
        return "quy định theo thực tế, không phải của Nghị định 30: để người soạn quyết định"
    if fix.paragraph is None:
        return None
    p = ck.paras[ck.order[fix.paragraph]] if fix.paragraph in ck.order else None  # not a scan per finding
    if p is None:
        return "không tìm lại được đoạn văn"
    if found.rule.startswith("recipients."):
        text = seen(p.text).strip()  # read as it prints (offsets stay on p.text)
        if not text.startswith("-") and not text.startswith("Nơi nhận"):
            return "dòng này không bắt đầu bằng “-” nên có thể không phải một nơi nhận (dòng chữ ký?)"
        if fix.kind == "text":
            if re.match(r"^-\s*Lưu\b", text) and (fix.text or "") != ".":
                return "dòng “- Lưu …” kết thúc bằng dấu chấm, không sửa thành dấu khác"
            nxt = ck.next_in_container(p)
            after = seen(nxt.text).strip() if nxt is not None else ""
            if after and not after.startswith("-") and not after.startswith("Nơi nhận"):
                return "nơi nhận này còn tiếp ở dòng sau (một nơi nhận viết trên hai dòng)"
    if fix.kind == "format":
        why = _format_refusal(ck, p, fix)
        if why is not None:
            return why
    if fix.kind == "format" and fix.size is not None and (p.in_shape or p.framed):
        why = _box_room(p, fix.size)
        if why is not None:
            return why
    placed = p.alignment != "both" or p.text.startswith("  ")  # a line set where it is, not running text
    if fix.kind == "format" and fix.size is not None and placed and "\t" not in p.text:
        if _wraps_at(ck, p, fix.size):
            return f"ở cỡ {decimal(fix.size)} dòng chữ không còn vừa một dòng (bị xuống dòng)"
    if fix.kind == "format" and fix.size is not None:
        why = _into_margin(ck, p, fix.size)
        if why is not None:
            return why
    return None


_SYMBOL = re.compile(r"/\s*[A-ZĐ][A-ZĐ0-9]*(-[A-ZĐ0-9]+)+")  # "/BC-UBND", "/QĐ-UBND": a ký hiệu
# what only the header's or the signature's table holds (a table of the content holds none of it)
_LAYOUT = re.compile(r"^(CỘNG HÒA|CỘNG HOÀ|Độc lập|ĐỘC LẬP|Nơi nhận|Số\s*:|TM\.|T/M|KT\.|TL\.|TUQ\.|Q\.\s)|, ngày\b")


def _format_refusal(ck: Checker, p, fix) -> str | None:
    piece = p.text[fix.start:fix.end]
    if "\t" in piece.strip() or "\n" in piece.strip():
        return ("dòng này đặt nhiều thành phần cạnh nhau (cách bằng Tab hoặc xuống dòng): định dạng chỉ sửa được "
                "cho từng thành phần, không cho cả dòng; hãy sửa trong Word")
    if fix.bold and _SYMBOL.search(seen(piece)):
        return "đây là số, ký hiệu của văn bản: Nghị định 30 trình bày chữ đứng, không in đậm; không tự in đậm"
    cell = ck.cell_of.get(p.index)
    if cell is not None and id(cell[0]) not in _layout_tables(ck):
        return ("đoạn chữ nằm trong một bảng của nội dung (không phải bảng tiêu đề hay bảng chữ ký): định dạng "
                "trong bảng để người soạn quyết định")
    if fix.size is not None and "\t" in p.text.strip():
        why = _tab_room(ck, p, fix)
        if why is not None:
            return why
    return None


def _layout_tables(ck: Checker) -> set[int]:
    """ids of the tables that lay out the header or the signature (found once per checker, not per finding)."""
    found = getattr(ck, "_fix_layout_tables", None)
    if found is None:
        found = {id(ck.cell_of[q.index][0]) for q in ck.paras
                 if q.index in ck.cell_of and _LAYOUT.search(seen(q.text).strip())}
        ck._fix_layout_tables = found
    return found


def _tab_room(ck: Checker, p, fix) -> str | None:
    """A larger size for one element of a tabbed line: it must still fit the room its tab stop gives it
    (a centred stop: twice the distance to the nearer edge; a left stop: up to the next stop or the edge)."""
    old_size = next((r.size_pt for r in p.runs if r.text.strip() and r.size_pt), None)
    if old_size is None or fix.size <= old_size:
        return None
    piece = p.text[fix.start:fix.end]
    width = ck.width_available(p) - (p.indent_left_pt or 0) - (p.indent_right_pt or 0)
    tabs_before = p.text[:fix.start].count("\t")
    stops = sorted((pos, align) for align, pos in p.tab_stops if align != "clear")
    if tabs_before == 0:
        nxt = stops[0][0] if stops else width
        room = nxt
    elif tabs_before <= len(stops):
        pos, align = stops[tabs_before - 1]
        after = stops[tabs_before][0] if tabs_before < len(stops) else width
        room = {"center": 2 * min(pos, width - pos), "right": pos}.get(align, after - pos)
    else:
        room = 0.0
    seg = next((g for g in segments(p) if g.start <= fix.start < g.end), None)
    style = "bold" if seg is not None and seg.bold else ("italic" if seg is not None and seg.italic else "regular")
    if text_width_pt(seen(piece).strip(), fix.size, style) * 1.02 > room:
        return (f"ở cỡ {decimal(fix.size)} “{shorten(piece, 40)}” không còn vừa chỗ của nó trên dòng (các phần của dòng "
                "cách nhau bằng Tab): chữ sẽ bị đẩy xuống dòng; hãy sửa trong Word")
    return None


def kept_together(fixer, todo: list[Message]) -> list[Message]:
    """The size corrections of one element left when one of its lines cannot grow in its box: an agency name
    whose first line stays 10 pt while the next goes 12 would print in two sizes (FR11-CTR01)."""
    held = {m.rule for m in fixer.refused if m.text.startswith(BOX_REFUSAL)}
    keep = []
    for found in todo:
        fix = found.detail.fix
        if found.rule in held and fix.kind == "format" and fix.size is not None:
            fixer.refuse(f"{BOX_REFUSAL}: một dòng khác của cùng thành phần không sửa được cỡ chữ vì không vừa khung; "
                         "các dòng giữ cùng một cỡ — hãy sửa trong Word", found)
        else:
            keep.append(found)
    return keep


BOX_REFUSAL = "đoạn chữ nằm trong khung (text box)"
# the widths of text_width_pt are the serif font's; a line drawn in a box of fixed size must fit with this much to
# spare, or it is not proved to fit (another font substituted, kerning, a bold accent)
BOX_SPARE = 1.05


def _box_room(p, size: float) -> str | None:
    """A larger size in a text box or a frame of fixed width: every line must still fit the width the box leaves a
    centred line (not under a neighbouring box) with BOX_SPARE to spare; a box of unknown width proves nothing.
    A box keeps its size when its text grows: a line that no longer fits is cut or hidden (FR11-CTR01)."""
    old_size = next((r.size_pt for r in p.runs if r.text.strip() and r.size_pt), None)
    if old_size is not None and size <= old_size:
        return None
    if p.framed and p.box_width_pt is None:  # a frame as wide as its text grows with it
        return None
    room = p.box_clear_pt
    if room is None:
        return (f"{BOX_REFUSAL} không đo được chiều rộng: ở cỡ {decimal(size)} chữ có thể tràn ra "
                "ngoài khung; hãy sửa trong Word")
    room -= (p.indent_left_pt or 0) + (p.indent_right_pt or 0) + max(0.0, p.indent_first_line_pt or 0)
    style = "bold" if p.bold else ("italic" if p.italic else "regular")
    for line in seen(p.text).split("\n"):
        if text_width_pt(line.strip(), size, style) * BOX_SPARE > room:
            return (f"{BOX_REFUSAL}, chỗ cho dòng chữ rộng {room / 72 * 25.4:.0f} mm: ở cỡ {decimal(size)} "
                    f"“{shorten(line, 40)}” không còn vừa khung (chữ bị cắt hoặc bị che); hãy nới khung rồi sửa "
                    "cỡ chữ trong Word")
    return None


def _into_margin(ck: Checker, p, size: float) -> str | None:
    """A larger size on a centred line whose indents reach past the text area (a negative indent): the line grows on
    both sides of its centre and prints further into the page's margin, nearer the paper's edge (FR5-CV03: the trích
    yếu, indented 12,5 mm into a 22,5 mm left margin, went from 19,8 to 15,9 mm from the paper's edge at 13 pt).
    A paragraph of the page only: a cell's or a box's edges are not the page's margin."""
    old_size = next((r.size_pt for r in p.runs if r.text.strip() and r.size_pt), None)
    if old_size is None or size <= old_size or p.alignment != "center" or p.in_table or p.in_shape or p.framed:
        return None
    width = ck.width_available(p)
    left, right = p.indent_left_pt or 0.0, width - (p.indent_right_pt or 0.0)
    if left >= 0 and right <= width:
        return None
    style = "bold" if p.bold else ("italic" if p.italic else "regular")
    for k, line in enumerate(seen(p.text).split("\n")):
        start = left + (p.indent_first_line_pt or 0.0 if k == 0 else 0.0)
        centre, room = (start + right) / 2, right - start
        old, new = text_width_pt(line.strip(), old_size, style), text_width_pt(line.strip(), size, style)
        if not line.strip() or new > room:  # a line that wraps fills its room at any size
            continue
        for side, was, now in (("trái", centre - old / 2, centre - new / 2), ("phải", width - centre - old / 2,
                                                                              width - centre - new / 2)):
            if now < 0 and now < was - 0.1:  # printed in the margin, further than before
                # the indent as written, not a distance estimated from the font's widths (a condensed run, FR5-CV03)
                reach = -start if side == "trái" else right - width
                return (f"dòng chữ canh giữa có thụt lề {side} âm {decimal(round(reach / PT_PER_MM, 1))} mm (lấn ra lề "
                        f"{side} của trang): ở cỡ {decimal(size)} “{shorten(line, 40)}” rộng ra hai bên và in lấn sâu "
                        f"hơn vào lề {side}, gần mép giấy hơn; hãy đặt lại thụt lề (Paragraph › Indentation) rồi sửa "
                        "cỡ chữ trong Word")
    return None


def _wraps_at(ck: Checker, p, size: float) -> bool:
    """The paragraph's lines fit their width now, and one would not at `size`."""
    room = ck.width_available(p) - (p.indent_left_pt or 0) - (p.indent_right_pt or 0) \
        - max(0.0, p.indent_first_line_pt or 0)
    old_size = next((r.size_pt for r in p.runs if r.text.strip() and r.size_pt), None)
    if old_size is None or size <= old_size:
        return False
    style = "bold" if p.bold else ("italic" if p.italic else "regular")
    for line in seen(p.text).split("\n"):
        if text_width_pt(line, old_size, style) <= room < text_width_pt(line, size, style) * 1.02:
            return True
    return False
