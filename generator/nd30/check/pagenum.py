"""Page numbers (PL I §I.7): a PAGE field centred in the top margin, none on the first page, 13–14 pt; an
appendix's section numbers its own pages.

Read as Word prints them: only the headers and footers the section shows (the first-page ones when "trang
đầu khác" is on, the even-page ones when even and odd pages differ), and a number is centred when the
paragraph is, or when tabs bring it to a centre tab stop in the middle of the line."""
from __future__ import annotations

from generator.core.units import PT_PER_MM
from generator.nd30.check.base import Checker, Fix, Rule
from generator.word.model import Paragraph, Section

PAGENUM_MISSING = Rule("pagenum.missing", "có số trang", "PL I §I.7", fixable=True)
PAGENUM_POSITION = Rule("pagenum.position", "số trang giữa lề trên", "PL I §I.7", fixable=True)
PAGENUM_FIRST = Rule("pagenum.first", "không số trang ở trang đầu", "PL I §I.7", fixable=True)
PAGENUM_SIZE = Rule("pagenum.size", "cỡ chữ số trang", "PL I §I.7", fixable=True)
RULES = (PAGENUM_MISSING, PAGENUM_POSITION, PAGENUM_FIRST, PAGENUM_SIZE)


def centred(ck: Checker, sec: Section, p: Paragraph) -> bool:
    """The page number sits in the middle of the line: a centred paragraph, or one whose number follows tabs
    that end on a centre tab stop near the middle of the text area (within 10 mm)."""
    if p.alignment == "center":
        return True
    text = p.text
    lead = len(text) - len(text.lstrip("\t"))
    if not lead or "\t" in text[lead:].strip() or p.alignment not in (None, "left", "both"):
        return False
    stops = sorted((at, al) for al, at in p.tab_stops if al != "clear" and at > (p.indent_left_pt or 0) + 0.01)
    if len(stops) < lead or stops[lead - 1][1] != "center":
        return False
    if not sec.page_width_mm or sec.margin_left_mm is None or sec.margin_right_mm is None:
        return False
    middle = (sec.page_width_mm - sec.margin_left_mm - sec.margin_right_mm) * PT_PER_MM / 2
    return abs(stops[lead - 1][0] - middle) <= 10 * PT_PER_MM


def check_page_numbers(ck: Checker, appendices: list[Paragraph]) -> None:
    if not ck.doc.sections:
        return
    appendix_sections = {p.section for p in appendices}
    size = ck.sizes["page_number"]
    for sec in ck.doc.sections:
        if sec.index > 0 and sec.index not in appendix_sections:
            continue
        shown = ck.shown_kinds(sec)
        page = [p for p in sec.headers.get("default", []) if p.has_field.get("PAGE")]
        in_footer = [p for kind, group in sec.footers.items() if kind in shown for p in group
                     if p.has_field.get("PAGE")]
        fix = Fix("page_number", section=sec.index, page_number_size=size)
        if in_footer:
            ck.add(PAGENUM_POSITION, "số trang đặt ở chân trang; ND30 quy định đặt canh giữa trong phần lề trên",
                   section=sec.index, level="error" if not page else "warning")
        if not page:
            if sec.index == 0 or not in_footer:
                ck.add(PAGENUM_MISSING, "không có số trang (trường PAGE) canh giữa ở lề trên", section=sec.index,
                       fix=fix if not in_footer else None)
            continue
        if not all(centred(ck, sec, p) for p in page):
            ck.add(PAGENUM_POSITION, "số trang phải canh giữa theo chiều ngang ở lề trên", section=sec.index, fix=fix)
        for p in page:
            if p.size_pt is not None and not 13 <= p.size_pt <= 14:
                ck.add(PAGENUM_SIZE, f"số trang cỡ chữ {p.size_pt:g}, phải từ 13 đến 14", section=sec.index, fix=fix)
        if sec.index == 0:
            first = [p for p in sec.headers.get("first", []) if p.has_field.get("PAGE")]
            if not sec.title_page or first:
                ck.add(PAGENUM_FIRST, "không hiển thị số trang ở trang thứ nhất (bật “trang đầu khác”)", section=0,
                       fix=fix)
