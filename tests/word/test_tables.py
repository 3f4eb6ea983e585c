"""Tables (tables.py): grid, spans, vMerge, header rows, nested tables, legacy merges, row changes."""
from __future__ import annotations

from generator.word import read_docx

from tests.word.docx_factory import make_docx


def test_table_structure_spans_and_headers(rich):
    table = rich.value.tables[0]
    assert (table.index, table.grid, table.borders, table.style_id, table.section) == (0, [35.0, 200.0, 100.0], True, "TableGrid", 0)
    head, group, a, b, c = table.rows
    assert head.is_header and head.cant_split and not a.is_header
    assert [cell.text for cell in head.cells] == ["STT", "Nội dung", "Cơ quan"]
    assert (group.cells[0].grid_span, group.cells[0].shading, group.cells[0].text) == (3, "D9D9D9", "Nhóm 1: Công khai")
    assert a.cells[1].text == "Việc A dòng 1\nViệc A dòng 2" and len(a.cells[1].paragraphs) == 2
    assert (a.cells[2].v_merge, a.cells[2].row_span, a.cells[2].col) == ("restart", 2, 2)
    assert (b.cells[2].v_merge, b.cells[2].text, b.cells[2].col) == ("continue", "", 2)
    assert c.cells[1].text == "Có bảng lồng\nlồng 1\nlồng 2\n"  # nested table flattened into its cell
    assert any("bảng lồng" in m.text and m.where == "bảng 1, hàng 5, ô 2" for m in rich.messages)
    assert head.cells[0].width == 35.0 and a.cells[0].width == 100.0


def test_legacy_horizontal_merge_and_grid_before(tmp_path):
    from tests.word.docx_factory import tbl, tc, tr
    merged = tc("gộp") .replace("<w:tcPr>", '<w:tcPr><w:hMerge w:val="restart"/>')
    cont = tc("").replace("<w:tcPr>", '<w:tcPr><w:hMerge/>')
    shifted = tr(tc("b")).replace("<w:tr>", '<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>')
    doc = make_docx(tmp_path / "x.docx", tbl(tr(merged, cont), shifted, grid=[1000, 1000]))
    result = read_docx(doc)
    first, second = result.value.tables[0].rows
    assert [c.text for c in first.cells] == ["gộp", ""]
    assert second.cells[0].col == 1
    assert any("hMerge" in m.text for m in result.messages)


def test_row_change_where(rich):
    row_change = next(c for c in rich.value.changes if c.kind == "rowIns")
    assert row_change.where == "bảng 1, hàng 5"


def test_a_merge_continued_with_val_continue_as_libreoffice_writes_it(tmp_path):
    """LibreOffice writes a vertically merged cell's lower parts <w:vMerge w:val="continue"/>: they continue
    the merge above (one cell two rows high), they do not start a new one (fresh mutant
    f5-vmerge-continue-restarts: the import then counted the merged dimension twice)."""
    from tests.word.docx_factory import tbl, tc, tr
    top = tc("Công khai").replace("<w:tcPr>", '<w:tcPr><w:vMerge w:val="restart"/>')
    below = tc("").replace("<w:tcPr>", '<w:tcPr><w:vMerge w:val="continue"/>')
    doc = make_docx(tmp_path / "x.docx", tbl(tr(top, tc("a")), tr(below, tc("b")), grid=[1000, 1000]))
    first, second = read_docx(doc).value.tables[0].rows
    assert (first.cells[0].v_merge, first.cells[0].row_span, first.cells[0].text) == ("restart", 2, "Công khai")
    assert (second.cells[0].v_merge, second.cells[0].text) == ("continue", "")


def test_two_merged_blocks_stacked_in_one_column_are_two_cells(tmp_path):
    """A column holding two vertically merged blocks one right under the other ('Nhóm 1' over two rows, then
    'Nhóm 2' over two rows, as a task table merges its dimension column): each is one cell two rows high, the
    second starting where it restarts (fresh mutant w-stacked-vmerge-joined read one cell four rows high)."""
    from tests.word.docx_factory import tbl, tc, tr
    rows = [tr(tc("Nhóm 1", vmerge="restart"), tc("a")), tr(tc("", vmerge="continue"), tc("b")),
            tr(tc("Nhóm 2", vmerge="restart"), tc("c")), tr(tc("", vmerge="continue"), tc("d"))]
    table = read_docx(make_docx(tmp_path / "x.docx", tbl(*rows, grid=[1000, 1000]))).value.tables[0]
    assert [(r.cells[0].v_merge, r.cells[0].row_span, r.cells[0].text) for r in table.rows] == [
        ("restart", 2, "Nhóm 1"), ("continue", 1, ""), ("restart", 2, "Nhóm 2"), ("continue", 1, "")]
