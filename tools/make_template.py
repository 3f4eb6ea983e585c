"""Regenerate generator/templates/kehoach.docx, the default Word template (ND30, size pair 14).

A province may restyle its own copy in Word (fonts, spacing, column widths, static text) and pass it
with `kehoach build --template`. The renderer relies only on the style names below and on the
placeholders; everything else in the template is the province's to change.

Run: python tools/make_template.py
"""
from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator import nd30

from generator.render import ooxml
from generator.nd30 import FONT, MARGIN  # noqa: E402

CENTER, JUSTIFY, LEFT = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.LEFT

# name: (ND30 element for size and look, alignment, first-line indent mm, space before pt, space after pt,
# keep with next). Sizes (pair 14) and bold/italic come from generator/nd30/rules.py, which `kehoach check` uses too.
LAYOUT = {
    "KH Noi dung": ("body", JUSTIFY, nd30.BODY_FIRST_LINE_KEHOACH_MM, 6, 0, False),
    "KH Can cu": ("legal", JUSTIFY, nd30.BODY_FIRST_LINE_KEHOACH_MM, 6, 0, False),
    "KH Muc": ("section", JUSTIFY, nd30.BODY_FIRST_LINE_KEHOACH_MM, 6, 0, True),
    "KH Khoan": ("heading", JUSTIFY, nd30.BODY_FIRST_LINE_KEHOACH_MM, 6, 0, True),
    "KH Co quan chu quan": ("superior", CENTER, 0, 0, 0, False),
    "KH Co quan": ("agency", CENTER, 0, 0, 0, False),
    "KH So": ("number", CENTER, 0, 0, 0, False),
    "KH Quoc hieu": ("national", CENTER, 0, 0, 0, False),
    "KH Tieu ngu": ("motto", CENTER, 0, 0, 0, False),
    "KH Dia danh": ("date", CENTER, 0, 0, 0, False),
    "KH Ten loai": ("doc_type", CENTER, 0, 24, 0, True),
    "KH Trich yeu": ("title", CENTER, 0, 0, 0, True),
    "KH Ke co quan": ("rule", CENTER, 0, 2, 0, False),
    "KH Ke tieu ngu": ("rule", CENTER, 0, 2, 0, False),
    "KH Ke trich yeu": ("rule", CENTER, 0, 2, 12, False),
    "KH Noi nhan": ("recipients_label", LEFT, 0, 0, 0, False),
    "KH Noi nhan muc": ("recipients", LEFT, 0, 0, 0, False),
    "KH Chuc vu": ("authority", CENTER, 0, 0, 0, True),
    "KH Nguoi ky": ("signer_name", CENTER, 0, 0, 0, False),
    "KH Phu luc": ("appendix_label", CENTER, 0, 0, 0, True),
    "KH Ten phu luc": ("appendix_title", CENTER, 0, 0, 0, True),
    "KH Kem theo": ("attached", CENTER, 0, 0, 0, True),
    "KH Ke phu luc": ("rule", CENTER, 0, 2, 12, True),
    "KH Bang": ("table", LEFT, 0, 2, 2, False),
    "KH Bang tieu de": ("table_header", CENTER, 0, 2, 2, False),
    "KH So trang": ("page_number", CENTER, 0, 0, 0, False),
}
# the element whose size a style takes, where it differs from its look
SIZE_OF = {"legal": "body", "section": "body", "heading": "body", "superior": "agency", "authority": "signer",
           "signer_name": "signer", "attached": "appendix_title", "table_header": "table"}
RULE_SIZE = 2  # a rule paragraph is only as tall as its border needs


def _style_values(element: str) -> tuple[float, bool, bool]:
    if element == "rule":
        return RULE_SIZE, False, False
    look = nd30.LOOK[element]
    return nd30.sizes_for(14)[SIZE_OF.get(element, element)], bool(look.bold), bool(look.italic)


STYLES = {name: (*_style_values(element), align, indent, before, after, keep)
          for name, (element, align, indent, before, after, keep) in LAYOUT.items()}
RULES = {"KH Ke co quan", "KH Ke tieu ngu", "KH Ke trich yeu", "KH Ke phu luc"}


def set_fonts(rpr_parent) -> None:
    rpr = rpr_parent.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = ooxml.el("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        rpr.append(ooxml.el("w:lang", {"w:val": "vi-VN", "w:eastAsia": "vi-VN", "w:bidi": "ar-SA"}))


def make_styles(doc) -> None:
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(14)
    set_fonts(normal.element)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    for name, (size, bold, italic, align, indent, before, after, keep) in STYLES.items():
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.quick_style = True
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.bold = bold
        style.font.italic = italic
        set_fonts(style.element)
        fmt = style.paragraph_format
        fmt.alignment = align
        fmt.first_line_indent = Mm(indent) if indent else Pt(0)
        fmt.space_before = Pt(before)
        fmt.space_after = Pt(after)
        fmt.keep_with_next = keep
        if name in RULES:
            # the rule itself: a bottom border whose length the renderer sets through the indents
            fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
            ppr = style.element.get_or_add_pPr()
            ppr.append(ooxml.el("w:pBdr", children=[ooxml.el(
                "w:bottom", {"w:val": "single", "w:sz": 6, "w:space": 1, "w:color": "000000"})]))
        elif name in ("KH Noi dung", "KH Can cu", "KH Muc", "KH Khoan"):
            fmt.line_spacing = 1.1
        else:
            fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
        if name == "KH Noi nhan muc":
            fmt.left_indent = Mm(2.5)
            fmt.first_line_indent = Mm(-2.5)  # wrapped lines continue under the text, not the dash
        ooxml.order_ppr(style.element.get_or_add_pPr())


def borderless(table, widths_mm: list[float]) -> None:
    tbl = table._tbl
    tblpr = tbl.tblPr
    for tag in ("w:tblStyle", "w:tblW", "w:tblBorders", "w:tblLayout", "w:tblCellMar", "w:tblInd", "w:jc",
                "w:tblLook"):
        for old in tblpr.findall(qn(tag)):
            tblpr.remove(old)
    tblpr.append(ooxml.el("w:tblW", {"w:w": ooxml.mm(sum(widths_mm)), "w:type": "dxa"}))
    tblpr.append(ooxml.el("w:jc", {"w:val": "center"}))
    tblpr.append(ooxml.el("w:tblBorders", children=[
        ooxml.el(f"w:{side}", {"w:val": "nil"}) for side in ("top", "left", "bottom", "right", "insideH", "insideV")]))
    tblpr.append(ooxml.el("w:tblLayout", {"w:type": "fixed"}))
    tblpr.append(ooxml.el("w:tblCellMar", children=[
        ooxml.el("w:left", {"w:w": 57, "w:type": "dxa"}), ooxml.el("w:right", {"w:w": 57, "w:type": "dxa"})]))
    tblpr.append(ooxml.el("w:tblLook", {"w:val": "0000"}))
    grid = tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), widths_mm):
        col.set(qn("w:w"), str(ooxml.mm(width)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm):
            ooxml.set_cell_width(cell._tc, ooxml.mm(width))
        trpr = row._tr.get_or_add_trPr()
        trpr.append(ooxml.el("w:cantSplit"))


def fill(cell, paragraphs: list[tuple[str, str]]) -> None:
    first = True
    for style, text in paragraphs:
        p = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        p.style = cell.part.document.styles[style]
        if text:
            p.add_run(text)


def make_xlsx() -> Path:
    """generator/templates/phuluc.xlsx: named cell styles and print setup that the .xlsx renderer applies."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, NamedStyle, Side
    from openpyxl.utils.indexed_list import IndexedList

    thin = Side(style="thin", color="000000")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    wb = Workbook()
    # the workbook's default font (the "Normal" style's, font 0) is what Excel and LibreOffice measure a column's width
    # in (the width of its digit "0"): Times New Roman 12, as the cells, so render/xlsx.CM_TO_CHARS holds (openpyxl
    # starts from Calibri 11, whose narrower digit made every column about 13 % narrower than the plan says)
    wb._fonts = IndexedList([Font(name=FONT, size=12)] + list(wb._fonts)[1:])
    ws = wb.active
    ws.title = "Mẫu"
    samples = [
        ("KH Phu luc", Font(name=FONT, size=14, bold=True), Alignment(horizontal="center", vertical="center"), None,
         "Phụ lục"),
        ("KH Ten phu luc", Font(name=FONT, size=14, bold=True),
         Alignment(horizontal="center", vertical="center", wrap_text=True), None, "TÊN PHỤ LỤC"),
        ("KH Kem theo", Font(name=FONT, size=13, italic=True),
         Alignment(horizontal="center", vertical="center", wrap_text=True), None, "(Kèm theo Kế hoạch số ...)"),
        ("KH Bang tieu de", Font(name=FONT, size=12, bold=True),
         Alignment(horizontal="center", vertical="center", wrap_text=True), box, "Tiêu đề cột"),
        ("KH Nhom", Font(name=FONT, size=12, bold=True),
         Alignment(horizontal="left", vertical="center", wrap_text=True), box, "Dòng nhóm"),
        ("KH O", Font(name=FONT, size=12), Alignment(horizontal="left", vertical="top", wrap_text=True), box,
         "Ô dữ liệu"),
    ]
    for row, (name, font, align, border, text) in enumerate(samples, start=1):
        style = NamedStyle(name=name, font=font, alignment=align)
        if border is not None:
            style.border = border
        wb.add_named_style(style)
        cell = ws.cell(row=row, column=1, value=text)
        cell.style = name
    ws.column_dimensions["A"].width = 40
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left, ws.page_margins.right = 30 / 25.4, 15 / 25.4
    ws.page_margins.top = ws.page_margins.bottom = 20 / 25.4
    ws.print_options.horizontalCentered = True
    wb.properties.creator = "kehoach"
    out = ROOT / "generator" / "templates" / "phuluc.xlsx"
    wb.save(out)
    return out


def main() -> None:
    print(make_xlsx())
    doc = Document()
    make_styles(doc)
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.top_margin, sec.bottom_margin = Mm(MARGIN["top"]), Mm(MARGIN["bottom"])
    sec.left_margin, sec.right_margin = Mm(MARGIN["left"]), Mm(MARGIN["right"])
    sec.header_distance = sec.footer_distance = Mm(nd30.HEADER_DISTANCE_MM)
    sec.different_first_page_header_footer = True
    header_p = sec.header.paragraphs[0]
    header_p.style = doc.styles["KH So trang"]
    for r in ooxml.page_number_field():
        header_p._p.append(r)
    sec.first_page_header.paragraphs[0].style = doc.styles["KH So trang"]

    body = doc.element.body
    for p in list(body.iterchildren(qn("w:p"))):
        body.remove(p)

    header = doc.add_table(rows=2, cols=2)
    borderless(header, [62, 103])
    fill(header.cell(0, 0), [("KH Co quan", "{{r issuer }}"), ("KH Ke co quan", "")])
    fill(header.cell(0, 1), [("KH Quoc hieu", nd30.NATIONAL), ("KH Tieu ngu", nd30.MOTTO), ("KH Ke tieu ngu", "")])
    fill(header.cell(1, 0), [("KH So", "{{ number_line }}")])
    fill(header.cell(1, 1), [("KH Dia danh", "{{ place_date }}")])
    for cell in (header.cell(1, 0), header.cell(1, 1)):
        # same exact line height in both cells keeps "Số:" and the date on one baseline
        fmt = cell.paragraphs[0].paragraph_format
        fmt.space_before = Pt(6)
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(17)

    doc.add_paragraph("{{ doc_type }}", style="KH Ten loai")
    doc.add_paragraph("{{r title }}", style="KH Trich yeu")
    doc.add_paragraph("", style="KH Ke trich yeu")
    doc.add_paragraph("{{ body }}", style="KH Noi dung")

    sign = doc.add_table(rows=1, cols=2)
    borderless(sign, [72, 93])
    fill(sign.cell(0, 0), [("KH Noi nhan", nd30.RECIPIENTS_LABEL), ("KH Noi nhan muc", "{%p for line in recipients %}"),
                           ("KH Noi nhan muc", "{{ line }}"), ("KH Noi nhan muc", "{%p endfor %}")])
    fill(sign.cell(0, 1), [("KH Chuc vu", "{%p for line in signer_lines %}"), ("KH Chuc vu", "{{ line }}"),
                           ("KH Chuc vu", "{%p endfor %}"), ("KH Chuc vu", ""), ("KH Chuc vu", ""),
                           ("KH Chuc vu", ""), ("KH Chuc vu", ""), ("KH Nguoi ky", "{{ signer_name }}")])
    # Nơi nhận and the authority line share the top line of the row (ND30 §II.9.d): no space before
    # either; the gap above the block is the closing paragraph's space after.

    core = doc.core_properties
    core.author = core.last_modified_by = "kehoach"
    core.title = "Mẫu Kế hoạch (Nghị định 30/2020/NĐ-CP)"
    out = ROOT / "generator" / "templates" / "kehoach.docx"
    doc.save(out)
    print(out)


if __name__ == "__main__":
    main()
