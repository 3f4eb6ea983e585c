"""The appendix workbook: one sheet per appendix table, exactly the rows of the .docx appendix."""
from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from copy import copy
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.writer.excel import ExcelWriter
from openpyxl.cell.cell import MergedCell
from openpyxl.styles import Alignment, Border
from openpyxl.styles.cell_style import StyleArray
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.merge import MergedCellRange
from openpyxl.utils import get_column_letter

from generator.render.context import Context, Row, Table
from generator.core.errors import TemplateError
from generator.render.templates import read_template
from generator.core.zipnorm import normalise_zip

STYLES = ("KH Phu luc", "KH Ten phu luc", "KH Kem theo", "KH Bang tieu de", "KH Nhom", "KH O")
CM_TO_CHARS = 4.7  # widths count the "0" of the default font (phuluc.xlsx: Times New Roman 12): 4.7 a cm
HEADER_ROW = 5  # rows 1-3: label, title, "(Kèm theo ...)"; row 4 blank
FIXED_TIME = dt.datetime(2000, 1, 1)


def render_xlsx(ctx: Context, template: Path) -> bytes | None:
    if not ctx.tables:
        return None
    data = read_template(template, "Excel")
    try:
        wb = load_workbook(io.BytesIO(data))
    except Exception:  # openpyxl raises many kinds on a damaged file
        raise TemplateError(f"{template}: không mở được mẫu Excel (tệp hỏng hoặc không phải .xlsx)") from None
    names = {s if isinstance(s, str) else s.name for s in wb.named_styles}
    missing = [s for s in STYLES if s not in names]
    if missing:
        raise TemplateError(f"{template}: mẫu Excel thiếu các kiểu ô (cell style): {', '.join(missing)}")
    model = wb.worksheets[0]
    for table in ctx.tables:
        ws = wb.copy_worksheet(model)
        ws.title = _sheet_title(table, wb)
        for row in ws.iter_rows():
            for cell in row:
                cell.value = None
        _fill(ws, table)
    wb.remove(model)
    wb.properties.creator = wb.properties.lastModifiedBy = ctx.plan.issuer.full_name
    wb.properties.title = f"Phụ lục Kế hoạch: {' '.join(ctx.title_lines)}"
    # Workbook.save, but into an uncompressed zip: normalise_zip compresses each part once (the save
    # time openpyxl would stamp is replaced by a fixed one there anyway)
    wb.properties.modified = FIXED_TIME
    buffer = io.BytesIO()
    ExcelWriter(wb, zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED, allowZip64=True)).save()
    return normalise_zip(buffer.getvalue(), fix=_fixed_times)


def _sheet_title(table: Table, wb) -> str:
    title = table.label.replace("Phụ lục", "PL").strip() or "PL"
    title = re.sub(r"[\[\]:*?/\\]", "", title)[:31]
    base, n = title, 2
    while title in wb.sheetnames:
        title = f"{base} ({n})"
        n += 1
    return title


def _fill(ws, table: Table) -> None:
    ncols = len(table.columns)
    styled = _Styler()
    merge = _Merger(ws)
    last = get_column_letter(ncols)
    for r, (text, style) in enumerate(((table.label, "KH Phu luc"), (table.title, "KH Ten phu luc"),
                                       (table.attached_to, "KH Kem theo")), start=1):
        styled(_put(ws, r, 1, text), style)
        merge(r, 1, r, ncols)
    ws.row_dimensions[2].height = 36
    ws.row_dimensions[3].height = 36
    for c, column in enumerate(table.columns, start=1):
        ws.column_dimensions[get_column_letter(c)].width = round(column.width_cm * CM_TO_CHARS, 1)
    headers = table.header_rows()
    merges = []  # (first row, first column, last row, last column)
    for row_no, header in enumerate(headers, start=HEADER_ROW):
        for c, cell_spec in enumerate(header.cells, start=1):
            hidden = cell_spec.merge == "continue" or cell_spec.span == 0
            styled(_put(ws, row_no, c, None if hidden else cell_spec.text), "KH Bang tieu de")
            if cell_spec.span > 1 or cell_spec.merge == "restart":
                merges.append((row_no, c, row_no + len(headers) - 1 if cell_spec.merge else row_no,
                               c + cell_spec.span - 1))
        ws.row_dimensions[row_no].height = _row_height(header, table, bold=True)
    for cells in merges:
        merge(*cells)
    top = HEADER_ROW + len(headers) - 1  # the last header row
    row_no = top
    across: list[tuple[int, int, int]] = []  # (row, first column, last column) of cells spanning columns
    for row in table.rows:
        row_no += 1
        if row.kind == "group":
            ws.row_dimensions[row_no].height = _row_height(row, table)
            for c, cell_spec in enumerate(row.cells, start=1):
                styled(_put(ws, row_no, c, _value(cell_spec.text)), "KH Nhom")
            first = row.span_from + 1
            for c in range(first + 1, ncols + 1):
                styled(ws.cell(row=row_no, column=c), "KH Nhom")
            if first < ncols:
                merge(row_no, first, row_no, ncols)
            if table.columns[0].key == "stt" and row.span_from > 0:
                styled(ws.cell(row=row_no, column=1), "KH Nhom", "center")
            continue
        style = "KH Nhom" if row.bold else "KH O"
        for c, (cell_spec, column) in enumerate(zip(row.cells, table.columns), start=1):
            hidden = cell_spec.merge == "continue" or cell_spec.span == 0
            cell = _put(ws, row_no, c, None if hidden else
                        cell_spec.value if cell_spec.value is not None else _value(cell_spec.text))
            styled(cell, style, column.align if column.align != "left" else None)
            if cell_spec.value is not None and not hidden:
                cell.number_format = number_format(cell_spec.value)
            if cell_spec.span > 1 and cell_spec.merge == "":
                across.append((row_no, c, c + cell_spec.span - 1))
        ws.row_dimensions[row_no].height = _row_height(row, table)
    for row_at, first_column, last_column in across:  # after the cells are written: merged ones are read-only
        merge(row_at, first_column, row_at, last_column)
    for column, first, last_row in vertical_runs(table):
        width = max(1, table.rows[first].cells[column].span)  # a merge across columns and rows
        merge(top + 1 + first, column + 1, top + 1 + last_row, column + width)
    ws.freeze_panes = ws.cell(row=top + 1, column=1)
    ws.print_title_rows = f"{HEADER_ROW}:{top}"
    ws.print_area = f"A1:{last}{row_no}"


LINE_PT = 15.75  # one line of 12 pt Times New Roman
CHARS_PER_WIDTH = 1.15  # Excel width units count '0' of the default font; Times is narrower


def _row_height(row: Row, table: Table, bold: bool = False) -> float:
    """Excel and LibreOffice do not grow rows for wrapped text written by a program: set the height
    from the text, so every line is visible on screen and on paper."""
    lines = 1
    widths = [c.width_cm * CM_TO_CHARS * CHARS_PER_WIDTH for c in table.columns]
    for i, cell in enumerate(row.cells):
        if cell.merge == "continue":
            continue
        if cell.span == 0:
            continue
        span_width = (sum(widths[i:]) if row.kind == "group" and i == row.span_from
                      else sum(widths[i:i + max(1, cell.span)]))
        capacity = max(1, int(span_width * (0.85 if bold else 1)) - 2)
        lines = max(lines, sum(-(-max(1, len(line)) // capacity) for line in cell.lines))
    return round(lines * LINE_PT + 4, 2)


def vertical_runs(table: Table) -> list[tuple[int, int, int]]:
    """(column, first row, last row) of every vertical merge, row indices into table.rows."""
    runs, started = [], {}
    for i, row in enumerate(table.rows):
        cells = row.cells if row.kind == "data" else ()
        if row.kind != "data":
            runs += [(c, start, i - 1) for c, start in started.items()]
            started = {}
        for c, cell in enumerate(cells):
            if cell.merge == "continue":
                continue
            if c in started:
                runs.append((c, started.pop(c), i - 1))
            if cell.merge == "restart":
                started[c] = i
    runs += [(c, start, len(table.rows) - 1) for c, start in started.items()]
    return sorted(runs)


class _Styler:
    """Cells of one format share one style array. Looking a named style and a new Alignment up for
    every cell costs ~10x more; the first cell of each format goes through openpyxl's own API, so the
    workbook's style tables come out exactly the same."""

    def __init__(self):
        self.arrays: dict[tuple[str, str | None], object] = {}

    def __call__(self, cell, style: str, align: str | None = None) -> None:
        array = self.arrays.get((style, align))
        if array is None:
            cell.style = style
            if align is not None:
                current = cell.alignment
                cell.alignment = Alignment(horizontal=align, vertical=current.vertical,
                                           wrap_text=current.wrap_text)
            self.arrays[(style, align)] = copy(cell._style)
        else:
            cell._style = copy(array)


class _Merger:
    """`ws.merge_cells`, with the borders of the merged range's edge cells looked up once per kind.

    openpyxl gives every edge cell of a merged range the start cell's border on that edge
    (MergedCellRange.format): a new Border added to the cell's and looked up in the workbook's border
    list, ~15 ms a build. The result depends only on the cell's border before, the edge and the start
    cell's border, so it is worked out once for each of these and reused: the border list and every
    cell's border come out exactly as openpyxl makes them."""

    EDGES = ("top", "left", "right", "bottom")  # openpyxl's order, which decides the border list's order

    def __init__(self, ws):
        self.ws = ws
        self.after: dict[tuple[int, str, int], int] = {}  # (border id before, edge, start's border id) -> id

    def __call__(self, min_row: int, min_col: int, max_row: int, max_col: int) -> None:
        ws = self.ws
        mcr = MergedCellRange(ws, CellRange(min_col=min_col, min_row=min_row, max_col=max_col, max_row=max_row).coord)
        ws.merged_cells.add(mcr)
        cells = mcr.cells
        next(cells)  # the start cell keeps its value and style
        for row, col in cells:
            ws._cells[row, col] = MergedCell(ws, row, col)
        start = mcr.start_cell
        for edge in self.EDGES:
            start_id = _styles(start).borderId
            side = getattr(start.border, edge)
            if side and side.style is None:
                continue
            for coord in getattr(mcr, edge):
                cell = ws._cells[coord]
                key = (_styles(cell).borderId, edge, start_id)
                border_id = self.after.get(key)
                if border_id is None:
                    cell.border += Border(**{edge: side})
                    self.after[key] = cell._style.borderId
                else:
                    _styles(cell).borderId = border_id
        protection, protection_id = copy(start.protection), None  # every cell gets the start's, as in openpyxl
        for coord in mcr.cells:
            cell = ws._cells[coord]
            if protection_id is None:
                cell.protection = protection
                protection_id = cell._style.protectionId
            else:
                _styles(cell).protectionId = protection_id


def _styles(cell):
    """The cell's style array, made as openpyxl makes it when a style is first set (a new cell has none)."""
    if not cell._style:
        cell._style = StyleArray()
    return cell._style


# A spreadsheet application decodes "_x000D_" (and any _xHHHH_) in stored text; "_x005F_" is
# the escape for the underscore itself, so the drafter's text is shown as written.
_OOXML_ESCAPE = re.compile(r"_(x[0-9A-Fa-f]{4}_)")


def _put(ws, row: int, column: int, value):
    """Write a value as data: text is always stored as text, never as a formula ("=1+1",
    "=HYPERLINK(...)") or an escape sequence."""
    cell = ws.cell(row=row, column=column)
    if isinstance(value, str):
        cell.value = _OOXML_ESCAPE.sub(r"_x005F_\1", value)
        cell.data_type = "s"
    else:
        cell.value = value
    return cell


def number_format(value) -> str:
    """The drafter's precision ('4,0' stays one decimal), thousands grouped; the Vietnamese locale
    tag makes spreadsheet applications show a decimal comma ('8,5')."""
    places = max(0, -value.as_tuple().exponent) if isinstance(value, Decimal) and value.is_finite() else 0
    return "[$-42A]#,##0" + ("." + "0" * places if places else "")


def _value(text: str):
    return text if text != "" else None


_MODIFIED = re.compile(rb"<dcterms:modified([^>]*)>[^<]*</dcterms:modified>")
_CREATED = re.compile(rb"<dcterms:created([^>]*)>[^<]*</dcterms:created>")


def _fixed_times(name: str, data: bytes) -> bytes:
    """openpyxl stamps the save time into docProps/core.xml; builds must be reproducible."""
    if name != "docProps/core.xml":
        return data
    data = _MODIFIED.sub(rb"<dcterms:modified\1>2000-01-01T00:00:00Z</dcterms:modified>", data)
    return _CREATED.sub(rb"<dcterms:created\1>2000-01-01T00:00:00Z</dcterms:created>", data)
