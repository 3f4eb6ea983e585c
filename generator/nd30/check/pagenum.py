"""Page numbers (PL I §I.7): a PAGE field centred in the top margin, none on the first page, 13–14 pt; an
appendix's section numbers its own pages."""
from __future__ import annotations

from generator.nd30.check.base import Checker, Fix, Rule
from generator.word.model import Paragraph

PAGENUM_MISSING = Rule("pagenum.missing", "có số trang", "PL I §I.7", fixable=True)
PAGENUM_POSITION = Rule("pagenum.position", "số trang giữa lề trên", "PL I §I.7", fixable=True)
PAGENUM_FIRST = Rule("pagenum.first", "không số trang ở trang đầu", "PL I §I.7", fixable=True)
PAGENUM_SIZE = Rule("pagenum.size", "cỡ chữ số trang", "PL I §I.7", fixable=True)
RULES = (PAGENUM_MISSING, PAGENUM_POSITION, PAGENUM_FIRST, PAGENUM_SIZE)


def check_page_numbers(ck: Checker, appendices: list[Paragraph]) -> None:
    if not ck.doc.sections:
        return
    appendix_sections = {p.section for p in appendices}
    size = ck.sizes["page_number"]
    for sec in ck.doc.sections:
        if sec.index > 0 and sec.index not in appendix_sections:
            continue
        page = [p for p in sec.headers.get("default", []) if p.has_field.get("PAGE")]
        in_footer = [p for group in sec.footers.values() for p in group if p.has_field.get("PAGE")]
        fix = Fix("page_number", section=sec.index, page_number_size=size)
        if in_footer:
            ck.add(PAGENUM_POSITION, "số trang đặt ở chân trang; ND30 quy định đặt canh giữa trong phần lề trên",
                   section=sec.index, level="error" if not page else "warning")
        if not page:
            if sec.index == 0 or not in_footer:
                ck.add(PAGENUM_MISSING, "không có số trang (trường PAGE) canh giữa ở lề trên", section=sec.index,
                       fix=fix if not in_footer else None)
            continue
        if any(p.alignment != "center" for p in page):
            ck.add(PAGENUM_POSITION, "số trang phải canh giữa theo chiều ngang ở lề trên", section=sec.index, fix=fix)
        for p in page:
            if p.size_pt is not None and not 13 <= p.size_pt <= 14:
                ck.add(PAGENUM_SIZE, f"số trang cỡ chữ {p.size_pt:g}, phải từ 13 đến 14", section=sec.index, fix=fix)
        if sec.index == 0:
            first = [p for p in sec.headers.get("first", []) if p.has_field.get("PAGE")]
            if not sec.title_page or first:
                ck.add(PAGENUM_FIRST, "không hiển thị số trang ở trang thứ nhất (bật “trang đầu khác”)", section=0,
                       fix=fix)
