"""The hand-written scripts kehoach is measured against (bench/run.py), and the checks that they
make the same files as kehoach.

- docx baseline: a docxtpl template cut from kehoach's own output for the plan: every appendix
  table keeps its properties and header row, and its rows become one `{%tr for row in tN %}` loop
  (cells and lines as Jinja loops, the way a script writer would write them). Rendering it with the
  appendix rows gives the same document.xml as kehoach (`same_docx` checks every part, and every
  element, attribute and text of document.xml).
- job baseline: the same .docx plus the same .xlsx written cell by cell with openpyxl from the
  shipped Excel template, the straightforward way (`same_xlsx` checks every part).

The scripts get their rows ready-made from kehoach's context (not timed), so they are measured on
rendering and saving alone: a fair baseline errs on the side of flattering the competitor.
"""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import jinja2
from docxtpl import DocxTemplate
from lxml import etree
from openpyxl import load_workbook
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


# ---------------------------------------------------------------- docx


ROW_LOOP = (
    '<w:tr><w:tc><w:p><w:r><w:t>{%tr for row in TABLE %}</w:t></w:r></w:p></w:tc></w:tr>'
    '<w:tr><w:trPr><w:cantSplit/></w:trPr>'
    '{% for c in row.cells %}<w:tc><w:tcPr><w:tcW w:w="{{ c.w }}" w:type="dxa"/>'
    '{% if c.span %}<w:gridSpan w:val="{{ c.span }}"/>{% endif %}'
    '{% if c.vm == "restart" %}<w:vMerge w:val="restart"/>{% elif c.vm %}<w:vMerge/>{% endif %}'
    '<w:vAlign w:val="{{ c.va }}"/></w:tcPr>'
    '{% for line in c.lines %}<w:p><w:pPr><w:pStyle w:val="STYLE"/>{% if row.keep %}<w:keepNext/>{% endif %}'
    '<w:jc w:val="{{ c.jc }}"/></w:pPr>{% if loop.first %}{{ c.bs|safe }}{% endif %}'
    '{% if line %}<w:r>{% if row.bold %}<w:rPr><w:b/></w:rPr>{% endif %}'
    '<w:t xml:space="preserve">{{ line }}</w:t></w:r>{% endif %}'
    '{% if loop.first %}{{ c.be|safe }}{% endif %}</w:p>{% endfor %}'
    '</w:tc>{% endfor %}</w:tr>'
    '<w:tr><w:tc><w:p><w:r><w:t>{%tr endfor %}</w:t></w:r></w:p></w:tc></w:tr>'
)


def _is_appendix_table(tbl) -> bool:
    first = tbl.find(_w("tr"))
    return first is not None and first.find(f"{_w('trPr')}/{_w('tblHeader')}") is not None


def _bookmarks(tc) -> tuple[str, str]:
    """The source-tag bookmarks kehoach puts in a cell's first paragraph (starts, ends), as markup:
    a script making the same document gets them with its data."""
    p = tc.find(_w("p"))
    starts = "".join(f'<w:bookmarkStart w:id="{b.get(_w("id"))}" w:name="{b.get(_w("name"))}"/>'
                     for b in p.findall(_w("bookmarkStart")))
    ends = "".join(f'<w:bookmarkEnd w:id="{b.get(_w("id"))}"/>' for b in p.findall(_w("bookmarkEnd")))
    return starts, ends


def cut_template(kehoach_docx: bytes, path: Path) -> tuple[Path, list[list[list[tuple[str, str]]]]]:
    """kehoach's .docx with each appendix table's rows (all but the header) replaced by a loop; and the
    bookmarks of every cell of those rows, by table, row and cell."""
    marks = []
    with zipfile.ZipFile(io.BytesIO(kehoach_docx)) as src:
        root = etree.fromstring(src.read("word/document.xml"))
        body = root.find(_w("body"))
        style = None
        for k, tbl in enumerate(t for t in body.iter(_w("tbl")) if _is_appendix_table(t)):
            rows = tbl.findall(_w("tr"))
            if style is None and len(rows) > 1:
                style = rows[1].find(f".//{_w('pStyle')}").get(_w("val"))
            marks.append([[_bookmarks(tc) for tc in tr.findall(_w("tc"))] for tr in rows[1:]])
            for tr in rows[1:]:
                tbl.remove(tr)
            marker = etree.SubElement(tbl, _w("tr"))
            marker.text = f"@@ROWS-{k}@@"
        xml = etree.tostring(root, encoding="UTF-8", xml_declaration=True, standalone=True).decode("utf-8")
        if re.search(r"\{[{%#]", xml):
            raise ValueError("the plan's own text contains Jinja delimiters: it cannot be a static template")
        xml = re.sub(r"<w:tr>@@ROWS-(\d+)@@</w:tr>",
                     lambda m: ROW_LOOP.replace("TABLE", f"t{m.group(1)}").replace("STYLE", style or ""), xml)
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
            for info in src.infolist():
                data = xml.encode("utf-8") if info.filename == "word/document.xml" else src.read(info.filename)
                dst.writestr(info, data)
    return path, marks


def docx_rows(ctx, marks) -> dict[str, list[dict]]:
    """The appendix rows as plain data for the template: what a script would prepare."""
    from generator.render import ooxml

    out = {}
    for k, table in enumerate(ctx.tables):
        widths = [ooxml.mm(c.width_cm * 10) for c in table.columns]
        rows = []
        for r, row in enumerate(table.rows):
            cells = []
            if row.kind == "group":
                for i, cell in enumerate(row.cells):
                    span = len(widths) - i if i == row.span_from else 1
                    center = table.columns[i].key == "stt" and span == 1
                    cells.append({"w": sum(widths[i:i + span]), "span": span if span > 1 else 0, "vm": "",
                                  "va": "center" if center else "top", "jc": "center" if center else "left",
                                  "lines": cell.lines})
                rows.append({"cells": cells, "keep": True, "bold": True})
            else:
                for c, (cell, column, width) in enumerate(zip(row.cells, table.columns, widths)):
                    if cell.span == 0:  # covered by a cell spanning from the left
                        continue
                    align = column.align
                    cells.append({"w": sum(widths[c:c + cell.span]), "span": cell.span if cell.span > 1 else 0,
                                  "vm": cell.merge, "va": "center" if align == "center" else "top",
                                  "jc": {"justify": "both"}.get(align, align),
                                  "lines": cell.lines if cell.merge != "continue" else ("",)})
                rows.append({"cells": cells, "keep": False, "bold": row.bold})
            for cell, (starts, ends) in zip(cells, marks[k][r]):
                cell["bs"], cell["be"] = starts, ends
        out[f"t{k}"] = rows
    return out


def render_docx(template: Path, rows: dict[str, list[dict]]) -> bytes:
    tpl = DocxTemplate(str(template))
    tpl.render(rows, jinja_env=jinja2.Environment(autoescape=True), autoescape=True)
    buffer = io.BytesIO()
    tpl.save(buffer)
    return buffer.getvalue()


def _elements(xml: bytes) -> list[tuple]:
    """Every element of a part in document order: tag, attributes, text, tail."""
    root = etree.fromstring(xml)
    return [(e.tag, sorted(e.attrib.items()), (e.text or "").strip() if len(e) else (e.text or ""),
             (e.tail or "").strip()) for e in root.iter()]


def same_docx(a: bytes, b: bytes) -> list[str]:
    """Differences between two .docx: parts, then every element of every XML part (metadata
    parts included, so core properties must match too)."""
    with zipfile.ZipFile(io.BytesIO(a)) as za, zipfile.ZipFile(io.BytesIO(b)) as zb:
        names_a, names_b = sorted(za.namelist()), sorted(zb.namelist())
        if names_a != names_b:
            return [f"parts differ: {sorted(set(names_a) ^ set(names_b))}"]
        problems = []
        for name in names_a:
            da, db = za.read(name), zb.read(name)
            if da == db:
                continue
            if not name.endswith((".xml", ".rels")):
                problems.append(f"{name}: bytes differ")
                continue
            ea, eb = _elements(da), _elements(db)
            if ea != eb:
                first = next((i for i, (x, y) in enumerate(zip(ea, eb)) if x != y), min(len(ea), len(eb)))
                problems.append(f"{name}: element {first} of {len(ea)}/{len(eb)} differs: "
                                f"{ea[first] if first < len(ea) else '-'} vs {eb[first] if first < len(eb) else '-'}")
        return problems


# ---------------------------------------------------------------- xlsx


HEADER_ROW = 5
OOXML_ESCAPE = re.compile(r"_(x[0-9A-Fa-f]{4}_)")


def xlsx_rows(ctx) -> list[dict]:
    """Per appendix: the cells, merges and sizes a script would write (computed with kehoach's own
    helpers, so the two workbooks can be compared part by part)."""
    from generator.render.context import Cell, Row
    from generator.render.xlsx import CM_TO_CHARS, _row_height, _sheet_title, number_format, vertical_runs

    class Names:
        sheetnames: list[str] = []

    sheets = []
    for table in ctx.tables:
        ncols = len(table.columns)
        title = _sheet_title(table, Names)
        Names.sheetnames = Names.sheetnames + [title]
        cells, merges, across, heights = [], [], [], {2: 36, 3: 36}
        last = get_column_letter(ncols)
        for r, (text, style) in enumerate(((table.label, "KH Phu luc"), (table.title, "KH Ten phu luc"),
                                           (table.attached_to, "KH Kem theo")), start=1):
            cells.append((r, 1, text, style, None, None))
            merges.append(f"A{r}:{last}{r}")
        for c, column in enumerate(table.columns, start=1):
            cells.append((HEADER_ROW, c, column.header, "KH Bang tieu de", None, None))
        header = Row("data", tuple(Cell((c.header,)) for c in table.columns))
        heights[HEADER_ROW] = _row_height(header, table, bold=True)
        row_no = HEADER_ROW
        for row in table.rows:
            row_no += 1
            heights[row_no] = _row_height(row, table)
            if row.kind == "group":
                first = row.span_from + 1
                for c, spec in enumerate(row.cells, start=1):
                    align = "center" if c == 1 and table.columns[0].key == "stt" and row.span_from > 0 else None
                    cells.append((row_no, c, spec.text or None, "KH Nhom", align, None))
                for c in range(first + 1, ncols + 1):
                    cells.append((row_no, c, None, "KH Nhom", None, None))
                if first < ncols:
                    merges.append(f"{get_column_letter(first)}{row_no}:{last}{row_no}")
                continue
            for c, (spec, column) in enumerate(zip(row.cells, table.columns), start=1):
                hidden = spec.merge == "continue" or spec.span == 0
                value = None if hidden else spec.value if spec.value is not None else (spec.text or None)
                fmt = number_format(spec.value) if spec.value is not None and not hidden else None
                cells.append((row_no, c, value, "KH Nhom" if row.bold else "KH O",
                              column.align if column.align != "left" else None, fmt))
                if spec.span > 1 and spec.merge == "":
                    across.append(f"{get_column_letter(c)}{row_no}:{get_column_letter(c + spec.span - 1)}{row_no}")
        merges += across
        for column, first_row, last_row in vertical_runs(table):
            width = max(1, table.rows[first_row].cells[column].span)
            merges.append(f"{get_column_letter(column + 1)}{HEADER_ROW + 1 + first_row}:"
                          f"{get_column_letter(column + width)}{HEADER_ROW + 1 + last_row}")
        sheets.append({"title": title, "cells": cells, "merges": merges, "heights": heights,
                       "widths": {get_column_letter(c): round(col.width_cm * CM_TO_CHARS, 1)
                                  for c, col in enumerate(table.columns, start=1)},
                       "area": f"A1:{last}{row_no}"})
    return sheets


def render_xlsx(template: Path, sheets: list[dict], creator: str, title: str) -> bytes:
    wb = load_workbook(template)
    model = wb.worksheets[0]
    for sheet in sheets:
        ws = wb.copy_worksheet(model)
        ws.title = sheet["title"]
        for row in ws.iter_rows():
            for cell in row:
                cell.value = None
        for r, c, value, style, align, fmt in sheet["cells"]:
            cell = ws.cell(row=r, column=c)
            if isinstance(value, str):  # text stays text: never a formula, never an _xHHHH_ escape
                cell.value = OOXML_ESCAPE.sub(r"_x005F_\1", value)
                cell.data_type = "s"
            else:
                cell.value = value
            cell.style = style
            if align:
                current = cell.alignment
                cell.alignment = Alignment(horizontal=align, vertical=current.vertical,
                                           wrap_text=current.wrap_text)
            if fmt:
                cell.number_format = fmt
        for r, height in sheet["heights"].items():
            ws.row_dimensions[r].height = height
        for letter, width in sheet["widths"].items():
            ws.column_dimensions[letter].width = width
        for cells in sheet["merges"]:
            ws.merge_cells(cells)
        ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=1)
        ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
        ws.print_area = sheet["area"]
    wb.remove(model)
    wb.properties.creator = wb.properties.lastModifiedBy = creator
    wb.properties.title = title
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


_TIMES = re.compile(rb"<dcterms:(created|modified)([^>]*)>[^<]*</dcterms:")


def same_xlsx(a: bytes, b: bytes) -> list[str]:
    """Differences between two .xlsx, part by part (save times aside)."""
    with zipfile.ZipFile(io.BytesIO(a)) as za, zipfile.ZipFile(io.BytesIO(b)) as zb:
        names_a, names_b = sorted(za.namelist()), sorted(zb.namelist())
        if names_a != names_b:
            return [f"parts differ: {sorted(set(names_a) ^ set(names_b))}"]
        problems = []
        for name in names_a:
            da, db = za.read(name), zb.read(name)
            if name == "docProps/core.xml":
                da, db = _TIMES.sub(rb"<dcterms:\1\2></dcterms:", da), _TIMES.sub(rb"<dcterms:\1\2></dcterms:", db)
            if da != db:
                problems.append(f"{name}: differs")
        return problems
