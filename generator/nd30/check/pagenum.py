"""Page numbers (PL I §I.7): a PAGE field centred in the top margin, none on the first page, 13–14 pt; an
appendix's section numbers its own pages.

Read as Word prints them: only the headers and footers the section shows (the first-page ones when "trang
đầu khác" is on, the even-page ones when even and odd pages differ), and a number is centred when the
paragraph is, or when tabs bring it to a centre tab stop in the middle of the line."""
from __future__ import annotations

import math

from generator.core.text import decimal, text_width_pt
from generator.core.units import PT_PER_MM
from generator.nd30.check.base import Checker, Fix, Rule
from generator.word.model import Paragraph, Section, Table

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


def _lines_pt(p: Paragraph, width: float) -> float:
    """About how tall a paragraph's lines print (by the width of its text), its spacing aside."""
    runs = [r for r in p.runs if r.text.strip()]
    size = next((r.size_pt for r in runs if r.size_pt), None) or 13.0
    lines = sum(max(1, math.ceil(text_width_pt(part, size) / max(width, 1.0))) for part in p.text.split("\n"))
    rule, value = p.line_spacing or ("auto", 1.0)
    line = size * 1.15 * value if rule == "auto" else max(value, size * 1.15 if rule == "atLeast" else 0)
    return lines * line


class _Stack:
    """Paragraphs piled down a page: the gap between two is the first's space after and the second's space
    before added up when the document says so (`spacing_added`), else the larger of the two, as Word's HTML
    paragraph spacing and LibreOffice lay them out."""

    def __init__(self, added: bool):
        self.added, self.total, self.after = added, 0.0, 0.0

    def paragraph(self, p: Paragraph, width: float) -> None:
        before = p.space_before_pt or 0.0
        self.total += (self.after + before if self.added else max(self.after, before)) + _lines_pt(p, width)
        self.after = p.space_after_pt or 0.0

    def block(self, height: float) -> None:
        """A table: the space after the paragraph above it stays, none is shared with the table."""
        self.total += self.after + height
        self.after = 0.0

    def end(self) -> float:
        return self.total + self.after


def _cell_pt(ck: Checker, paras: list[Paragraph], width: float) -> float:
    stack = _Stack(bool(ck.doc.settings.get("spacing_added")))
    for p in paras:
        stack.paragraph(p, width)
    return stack.end()


def one_page(ck: Checker, section: int | None = None, span: range | None = None) -> bool:
    """The document prints on one page: one section, no page break, and its paragraphs and tables (estimated
    line by line) fit in the page's text area. On one page no number shows (PL I §I.7). The estimate errs by
    about a tenth either way (a full page: 98% estimated, 97% printed; two pages: 1.6 for 1.8), so a page
    estimated full is one page, and a second page of a few lines may be taken for none. `section`: that section
    alone prints on one page (FR15-QD01: a one-page decision, then its one-page appendix in a section of its own).
    `span`: those blocks alone (a letter and the form attached after it, each on its page: FR26-CV01)."""
    if section is None and len(ck.doc.sections) != 1 or sum(1 for p in ck.paras if p.text.strip()) < 8:
        return False  # several sections, or too little text to be a whole document: the count is not guessed
    sec = ck.doc.sections[section or 0]
    if not (sec.page_height_mm and sec.margin_top_mm is not None and sec.margin_bottom_mm is not None):
        return False
    area = (sec.page_height_mm - sec.margin_top_mm - sec.margin_bottom_mm) * PT_PER_MM
    if not (sec.page_width_mm and sec.margin_left_mm is not None and sec.margin_right_mm is not None):
        return False
    width = (sec.page_width_mm - sec.margin_left_mm - sec.margin_right_mm) * PT_PER_MM
    stack = _Stack(bool(ck.doc.settings.get("spacing_added")))
    text_ends = 0.0  # the height down to the last line with text: empty lines after it spill onto a blank page
    blocks = [b for k, b in enumerate(ck.doc.blocks) if (section is None or b.section == section)
              and (span is None or k in span)]
    last = max((k for k, b in enumerate(blocks) if _printed(b)), default=-1)
    for k, block in enumerate(blocks):
        if isinstance(block, Table):
            stack.block(sum(max((_cell_pt(ck, cell.paragraphs, (cell.width or width) - 11) for cell in row.cells),
                                default=0.0) for row in block.rows))
        else:
            # a page break with text after it starts a second page; one after the last text only opens a blank
            # page, with nothing to number (FR8-CV02: its last note ends in a page break)
            if block.page_break_before and k <= last or "\f" in block.text and (
                    k < last or block.text[block.text.rindex("\f"):].strip()):
                return False
            if block.page_break_before:
                break  # what follows prints on that blank page: it fills nothing of the first
            if not block.in_shape:  # a floating text box's lines take no room in the text's flow (FR11-CTR01's
                # header: two boxes of three lines each over the first paragraph); one set above and below the text
                # pushes it down by its height
                stack.paragraph(block, width - (block.indent_left_pt or 0) - (block.indent_right_pt or 0))
            stack.total += sum(d.height_pt or 0.0 for d in block.drawings if d.wrap == "topAndBottom")
        if _printed(block):
            text_ends = stack.total
        if not isinstance(block, Table) and "\f" in block.text:
            break
    total = stack.end()
    if section is None and span is None and ck.doc.saved_pages == 1 and total <= 1.3 * area:
        return True  # a page and a bit by the estimate, one page by the count its editor saved (FR28-CV02, FR22-CV02)
    # a page of empty lines after the text prints blank, with nothing to number (FR3-TTR01: the text ends at 91% of
    # the page, its trailing empty lines spill over); the text itself must then fit with room to spare, the estimate
    # erring by a few percent (FR5-QD01's text, estimated at 98%, puts its signer's name on a second page)
    return total <= area or text_ends <= 0.95 * area


def ends_page(blocks: list) -> bool:
    """The last printed block is followed, before anything else prints, by a page break."""
    for block in reversed(blocks):
        if isinstance(block, Table) or block.text.replace("\f", "").strip() or block.drawings:
            return False
        if "\f" in block.text:
            return True
    return False


def _printed(block: Paragraph | Table) -> bool:
    """A table, or a paragraph with text or a drawing: something a page shows."""
    return isinstance(block, Table) or bool(block.text.strip()) or bool(block.drawings)


def _numbered(sec: Section, kinds: set[str]) -> bool:
    """A PAGE field in one of the section's headers or footers of these kinds."""
    return any(p.has_field.get("PAGE") for parts in (sec.headers, sec.footers) for kind, group in parts.items()
               if kind in kinds for p in group)


def check_page_numbers(ck: Checker, appendices: list[Paragraph], appendix_file: bool = False,
                       form: range | None = None) -> None:
    """`appendix_file`: the file is an appendix of its own, numbered from its first page (PL I §III.1.đ).
    `form`: the blocks of a form attached after the signature, which numbers its pages as its own (§III.1.đ)."""
    if not ck.doc.sections:
        return
    if one_page(ck) or form is not None and len(form) and ends_page(ck.doc.blocks[:form.start]) \
            and one_page(ck, span=range(form.start)) and one_page(ck, span=form):  # no number is asked; one printed on the only page is told (FR18-CV01's "1" at the foot)
        sec = ck.doc.sections[0]
        first_kinds = {"first"} if sec.title_page else {"default"}
        if not appendix_file and _numbered(sec, first_kinds):
            place = "chân trang" if any(p.has_field.get("PAGE") for kind in first_kinds
                                        for p in sec.footers.get(kind, [])) else "đầu trang"
            ck.add(PAGENUM_FIRST, f"văn bản một trang có số trang ở {place}; trang thứ nhất không đánh số: xoá trường số "
                   f"trang (PAGE) ở {place}", section=0)
        return
    appendix_sections = {p.section for p in appendices}
    size = ck.sizes["page_number"]
    told_sizes: set[float] = set()  # the wrong sizes told: a later section's same header is not told again
    for sec in ck.doc.sections:
        if sec.index > 0 and sec.index not in appendix_sections:
            _later_sizes(ck, sec, told_sizes)
            continue
        shown = ck.shown_kinds(sec)
        page = [p for p in sec.headers.get("default", []) if p.has_field.get("PAGE")]
        in_footer = [p for kind, group in sec.footers.items() if kind in shown for p in group
                     if p.has_field.get("PAGE")]
        fix = Fix("page_number", section=sec.index, page_number_size=size)
        # the pages after the first show the default (and even-page) header and footer; page 1 the first-page ones
        # when "trang đầu khác" is on (FR16-QD01: its only number in the first-page footer, pages 2–12 without one)
        later_kinds = shown - {"first"} if sec.title_page else shown
        numbered_later = _numbered(sec, later_kinds)
        first_kinds = {"first"} if sec.title_page else {"default"}
        first_page = sec.index == 0 and not appendix_file and _numbered(sec, first_kinds)
        if first_page and not page:  # with a number in the default header, said below with that header's fix
            place = "chân trang" if any(p.has_field.get("PAGE") for kind in first_kinds
                                        for p in sec.footers.get(kind, [])) else "đầu trang"
            ck.add(PAGENUM_FIRST, f"trang thứ nhất có số trang ở {place}; trang thứ nhất không đánh số: xoá số trang ở "
                   f"{place} của trang đầu (trang đầu khác: Layout › Page Setup › Layout › “Different first page”)", section=0,
                   fix=fix if not numbered_later else None)  # a number on every page: moved by hand with the rest
        if in_footer:
            ck.add(PAGENUM_POSITION, "số trang đặt ở chân trang; ND30 quy định đặt canh giữa trong phần lề trên",
                   section=sec.index, level="error" if not page else "warning")
        if not page:
            if not numbered_later and not (len(ck.doc.sections) > 1 and (sec.index == 0 or sec.page_number_start == 1)
                                           and one_page(ck, sec.index)):
                # a number in the footer of the later pages is misplaced (said above), not missing; a section of one
                # page whose page is a page 1 shows no number (PL I §I.7): none is missing there
                ck.add(PAGENUM_MISSING, "chỉ trang thứ nhất có số trang; từ trang thứ hai không có số trang (trường "
                       "PAGE) canh giữa ở lề trên" if _numbered(sec, {"first"}) else "không có số trang (trường PAGE) canh giữa ở lề "
                       "trên", section=sec.index, fix=fix)
            continue
        # a number in a frame (a text box Word positions itself, centred in the old .doc way) is not judged:
        # its place on the page is the frame's, which the reader does not know
        if not all(centred(ck, sec, p) or p.in_shape for p in page):
            ck.add(PAGENUM_POSITION, "số trang phải canh giữa theo chiều ngang ở lề trên", section=sec.index, fix=fix)
        for p in page:
            if p.size_pt is not None and not 13 <= p.size_pt <= 14:
                told_sizes.add(p.size_pt)
                ck.add(PAGENUM_SIZE, f"số trang cỡ chữ {decimal(p.size_pt)}, phải từ 13 đến 14", section=sec.index, fix=fix)
        if first_page:
            ck.add(PAGENUM_FIRST, "không hiển thị số trang ở trang thứ nhất (bật “trang đầu khác”)", section=0,
                   fix=fix)


def _later_sizes(ck: Checker, sec: Section, told: set[float]) -> None:
    """The size of the numbers a later section of the document prints in its own headers, the first page's too: its
    first page is not page 1 of the document ("trang đầu khác" of a section that starts on page 2 shows its first-page
    header there, 9 pt in FR20-KH03). A size told already for an earlier section is not told again. No correction is
    offered: the section's own header may hold more than its number (a text box, FR20-KH03's), set by hand."""
    kinds = ck.shown_kinds(sec)
    for p in (p for kind, group in sec.headers.items() if kind in kinds for p in group if p.has_field.get("PAGE")):
        if p.size_pt is not None and not 13 <= p.size_pt <= 14 and p.size_pt not in told:
            told.add(p.size_pt)
            ck.add(PAGENUM_SIZE, f"số trang cỡ chữ {decimal(p.size_pt)}, phải từ 13 đến 14 (phần {sec.index + 1} của văn "
                   "bản): chọn số trang ở đầu trang của phần này và đặt cỡ chữ 13 hoặc 14", section=sec.index)
