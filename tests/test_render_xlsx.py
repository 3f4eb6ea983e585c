"""Read the .xlsx appendix back: same rows as the .docx, merged cells, print setup."""
from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator.render.context import build_context
from generator.plan.validate import load_plan
from tests.conftest import PLANS
from tests.dump import check_golden, dump_xlsx

GOLDEN = Path(__file__).parent / "golden"


def xlsx_of(built, stem):
    return next(f for f in built[stem].files if f.suffix == ".xlsx")


@pytest.mark.parametrize("stem", [p.stem for p in PLANS] + ["sample"])
def test_golden_cells(built, stem):
    check_golden(GOLDEN / f"{stem}.xlsx.txt", dump_xlsx(xlsx_of(built, stem)))


@pytest.mark.parametrize("stem", ["quang-nam-papi-2020", "hung-yen-papi-2021"])
def test_rows_match_the_tasks_and_the_docx_table(built, stem):
    plan = load_plan(next(p for p in PLANS if p.stem == stem))[0]
    table = build_context(plan).tables[0]
    ws = load_workbook(xlsx_of(built, stem)).worksheets[0]
    body = list(ws.iter_rows(min_row=6, values_only=True))
    assert len(body) == len(table.rows)
    groups = [r for r in table.rows if r.kind == "group"]
    assert len(body) - len(groups) == len(plan.tasks)
    assert ws.cell(row=5, column=1).value == table.columns[0].header
    assert ws.cell(row=1, column=1).value == "Phụ lục"


def test_print_area_covers_every_row_and_column(built):
    for stem, result in built.items():
        wb = load_workbook(xlsx_of(built, stem))
        for ws in wb.worksheets:
            last = ws.cell(row=ws.max_row, column=ws.max_column).coordinate
            # openpyxl reads it back as "'sheet'!$A$1:$G$42"
            area = ws.print_area.split("!")[-1].replace("$", "")
            assert area == f"A1:{last}", (stem, ws.title)
            assert any(ws.cell(row=ws.max_row, column=c).value for c in range(1, ws.max_column + 1))



def test_group_rows_and_titles_are_merged(built):
    ws = load_workbook(xlsx_of(built, "quang-nam-papi-2020")).worksheets[0]
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {"A1:G1", "A2:G2", "A3:G3", "B6:G6"} <= merged
    assert ws["B6"].value == "Chỉ số “Tham gia của người dân ở cấp cơ sở”" and ws["A6"].value == "I"
    group_rows = [r for r in merged if r.startswith("B") and r.split(":")[1].startswith("G")]
    assert len(group_rows) == 8


def test_vertical_merges_for_dimension_columns(built):
    ws = load_workbook(xlsx_of(built, "hung-yen-papi-2021")).worksheets[0]
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert "A6:A9" in merged and "B6:B9" in merged  # 4 tasks of "Tham gia của người dân"


def test_print_setup_and_fonts(built):
    wb = load_workbook(xlsx_of(built, "sample"))
    assert wb.sheetnames == ["PL I", "PL II"]
    ws = wb["PL I"]
    assert ws.page_setup.orientation == "landscape"
    assert str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == "$5:$5"
    assert ws.freeze_panes == "A6"
    cell = ws["B9"]
    assert cell.font.name == "Times New Roman" and cell.alignment.wrap_text
    assert cell.value == "Công khai danh sách hộ nghèo.\n1.1. Niêm yết tại trụ sở UBND cấp xã & nhà văn hóa <thôn>."
    assert ws.column_dimensions["B"].width > ws.column_dimensions["A"].width


def test_row_heights_follow_the_wrapped_text(built):
    ws = load_workbook(xlsx_of(built, "quang-nam-papi-2020")).worksheets[0]
    group, long_task = ws.row_dimensions[6].height, ws.row_dimensions[7].height
    assert group and long_task and long_task > 4 * group  # task I.1 has three long paragraphs
    assert ws.row_dimensions[5].height >= 2 * 15.75       # "Đơn vị chủ trì theo dõi" wraps


def test_numbers_are_stored_as_numbers_with_a_decimal_comma_format(built):
    ws = load_workbook(xlsx_of(built, "sample")).worksheets[1]
    row = next(r for r in ws.iter_rows() if r[1].value == "Quản trị môi trường")
    target = row[4]
    assert target.data_type == "n" and target.value == 4
    assert target.number_format == "[$-42A]#,##0.0"  # shows "4,0", the precision the drafter wrote
    assert row[3].value == 3.87 and row[3].number_format == "[$-42A]#,##0.00"


def test_score_total_with_a_missing_value_is_blank_in_the_workbook(tmp_path):
    """The .xlsx total row says what the .docx says: a column with a missing top value has no total (an empty
    cell, not a partial sum), the complete columns are numbers."""
    import yaml

    from generator.render.build import build_plan
    from tests.conftest import SAMPLE

    data = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    del data["targets"][2]["baseline"]
    path = tmp_path / "plan.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    xlsx = next(f for f in build_plan(path, tmp_path / "out").files if f.suffix == ".xlsx")
    total = next(line for line in dump_xlsx(xlsx).splitlines() if "Tổng cộng" in line)
    assert total == "|  | Tổng cộng | n:20 |  | n:9,7 |  |"


def _whole_index_scores(tmp_path):
    """The sample with its score appendix over the whole PAPI index (index row, fields, criteria) and a
    grouped header (two header rows), built."""
    import yaml

    from generator.render.build import build_plan
    from tests.conftest import SAMPLE

    data = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    appendix = next(a for a in data["appendices"] if a["id"] == "diem")
    appendix["criteria"] = ["papi"]
    appendix.pop("leads", None)
    appendix["header_groups"] = [{"span": 3}, {"text": "Điểm số", "span": 2}, {"span": 1}]
    path = tmp_path / "plan.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    return build_plan(path, tmp_path / "out").files


def test_a_grouped_header_repeats_both_its_rows_on_every_printed_page(tmp_path):
    """An appendix whose header has a group row ('Điểm số' over two columns) repeats both header rows on each
    printed page, so page 2 still shows 'STT', 'Tiêu chí', … (fresh mutant f3-xlsx-print-titles-one-row)."""
    xlsx = next(f for f in _whole_index_scores(tmp_path) if f.suffix == ".xlsx")
    ws = load_workbook(xlsx)["PL II"]
    assert [c.value for c in ws[5]][:3] == ["STT", "Tiêu chí", "Điểm tối đa"]
    assert ws.print_title_rows == "$5:$6"


def test_score_appendix_bolds_the_index_row_only(tmp_path):
    """In the score appendix of a whole index, the index row 'I' is bold, its fields '1', '2', … and their
    criteria '1.1', … are not, in the .xlsx and in the .docx (fresh mutant f3-score-fields-bold)."""
    import docx

    files = _whole_index_scores(tmp_path)
    ws = load_workbook(next(f for f in files if f.suffix == ".xlsx"))["PL II"]
    bold = {r[0].value: (r[0].font.b, r[1].font.b) for r in ws.iter_rows(min_row=7) if r[0].value in ("I", "1", "1.1", "2")}
    assert bold == {"I": (True, True), "1": (False, False), "1.1": (False, False), "2": (False, False)}
    table = docx.Document(str(next(f for f in files if f.suffix == ".docx"))).tables[-1]
    in_docx = {}
    for row in table.rows:
        label, name = row.cells[0].text.strip(), row.cells[1]
        if label in ("I", "1", "1.1"):
            in_docx[label] = any(run.bold for p in name.paragraphs for run in p.runs)
    assert in_docx == {"I": True, "1": False, "1.1": False}


def test_score_appendix_numbers_criteria_under_their_field(tmp_path):
    """In the score appendix of a whole index the criteria under field 1 are '1.1', '1.2', … in the .xlsx and
    the .docx, never a second '1', '2' (fresh mutant f3-score-child-labels)."""
    import docx

    files = _whole_index_scores(tmp_path)
    ws = load_workbook(next(f for f in files if f.suffix == ".xlsx"))["PL II"]
    labels = [r[0].value for r in ws.iter_rows(min_row=7) if r[0].value]
    assert labels[:8] == ["I", "1", "1.1", "1.2", "1.3", "1.4", "2", "2.1"], labels
    table = docx.Document(str(next(f for f in files if f.suffix == ".docx"))).tables[-1]
    in_docx = [row.cells[0].text.strip() for row in table.rows]
    at = in_docx.index("I")
    assert in_docx[at:at + 8] == ["I", "1", "1.1", "1.2", "1.3", "1.4", "2", "2.1"], in_docx


def test_merging_gives_every_cell_the_border_openpyxl_merge_cells_gives():
    """render/xlsx.py's _Merger reuses the border worked out for an edge cell; openpyxl's own
    merge_cells, on the same sheet, must come out the same: border list, border and protection of
    every cell (overlapping edges, cells with and without a style, a start cell without a border)."""
    from openpyxl import Workbook
    from openpyxl.styles import Border, Side

    from generator.render.xlsx import _Merger

    ranges = [(1, 1, 1, 4), (2, 1, 4, 1), (2, 2, 2, 4), (3, 2, 5, 3), (6, 1, 6, 2), (7, 1, 9, 3), (10, 2, 10, 4)]

    def sheet():
        wb = Workbook()
        ws = wb.active
        thin, thick = Side(style="thin"), Side(style="thick", color="FF0000")
        for row in range(1, 11):
            for col in range(1, 5):
                if (row + col) % 3:
                    ws.cell(row=row, column=col).border = Border(left=thin, top=thick if row % 2 else thin,
                                                                 bottom=thin if col < 3 else None)
        ws.cell(row=10, column=2).border = Border()
        return wb, ws

    ours_wb, ours = sheet()
    merge = _Merger(ours)
    for cells in ranges:
        merge(*cells)
    theirs_wb, theirs = sheet()
    for r1, c1, r2, c2 in ranges:
        theirs.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)

    assert list(ours_wb._borders) == list(theirs_wb._borders) and len(ours_wb._borders) > 3
    assert list(ours_wb._protections) == list(theirs_wb._protections)
    assert sorted(ours._cells) == sorted(theirs._cells)
    for at, cell in theirs._cells.items():
        mine = ours._cells[at]
        assert type(mine) is type(cell), at
        assert (mine._style.borderId, mine._style.protectionId) == (cell._style.borderId, cell._style.protectionId), at
    assert [str(r) for r in ours.merged_cells.ranges] == [str(r) for r in theirs.merged_cells.ranges]


def test_a_row_is_as_tall_as_the_wrapped_lines_of_its_tallest_cell():
    """Each wrapped line of a cell takes 15.75 pt (12 pt Times New Roman) and the row 4 pt more for the cell's
    margins, or its last line is clipped on screen and on paper (fresh mutant render-xlsx-row-height). A 10 cm
    column holds 52 characters a line: 52 is one line, 53 wraps onto a second."""
    from generator.render.model import Cell, Column, Row, Table
    from generator.render.xlsx import _row_height

    table = Table("t", "Phụ lục", "BẢNG", "", False, [Column("a", "A", 10.0), Column("b", "B", 2.0)])

    def height(*lines: str) -> float:
        return _row_height(Row("data", (Cell(tuple(lines)), Cell(("x",)))), table)

    assert height("x" * 52) == 19.75
    assert height("x" * 53) == 35.5
    assert height("x" * 104) == 35.5
    assert height("x" * 105) == 51.25
    assert height("một", "hai", "ba") == 51.25  # three lines typed one under the other
    assert height("") == 19.75


def test_columns_are_as_wide_as_the_plan_says_and_rows_tall_enough_for_their_text(built):
    """The workbook's columns are the plan's widths (the .docx table's): Excel counts a width in characters,
    about 4.7 a centimetre at 12 pt Times New Roman, so the 6.91 cm "Nhiệm vụ trọng tâm" column is about 32.5
    wide and the seven columns together the 25.2 cm of the landscape page's text. A row is then tall enough for
    every wrapped line of its cells at those widths (15.75 pt a line), or its last lines are cut on screen and
    on paper (fresh mutant f12-xlsx-col-unit: widths from cm × 2.54, columns about half as wide)."""
    from openpyxl.utils import get_column_letter

    table = build_context(load_plan(next(p for p in PLANS if p.stem == "quang-nam-papi-2020"))[0]).tables[0]
    ws = load_workbook(xlsx_of(built, "quang-nam-papi-2020")).worksheets[0]
    widths = [ws.column_dimensions[get_column_letter(c)].width for c in range(1, len(table.columns) + 1)]
    assert table.columns[1].header == "Nhiệm vụ trọng tâm" and table.columns[1].width_cm == 6.91
    assert widths[1] == pytest.approx(32.5, abs=0.5)
    assert sum(widths) / 4.7 == pytest.approx(25.2, abs=0.3)
    for row in range(6, ws.max_row + 1):
        lines = max(sum(-(-max(1, len(line)) // int(width * 1.2)) for line in str(ws.cell(row, c).value).split("\n"))
                    for c, width in enumerate(widths, start=1)
                    if ws.cell(row, c).value is not None and ws.cell(row, c).coordinate not in ws.merged_cells)
        assert ws.row_dimensions[row].height >= lines * 15.75, (row, lines)


def test_columns_are_measured_in_the_digit_of_times_new_roman_12(built):
    """Excel and LibreOffice count a column's width in the digit "0" of the workbook's default font (the Normal
    style's, the first font of styles.xml), not of the cells' font: with openpyxl's Calibri 11 there, every column
    printed about 13 % narrower than the plan says (a 6.91 cm column 6.0 cm wide), so the rows, sized for the
    plan's widths, cut the text that wrapped once more. The default font is the cells' Times New Roman 12."""
    import re
    import zipfile

    with zipfile.ZipFile(xlsx_of(built, "quang-nam-papi-2020")) as z:
        styles = z.read("xl/styles.xml").decode("utf-8")
    first = re.search(r"<fonts[^>]*>\s*<font>(.*?)</font>", styles, re.S).group(1)
    assert re.search(r'<name val="Times New Roman"\s*/>', first) and re.search(r'<sz val="12"\s*/>', first), first
