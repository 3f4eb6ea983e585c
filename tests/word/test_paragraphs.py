"""Paragraphs (paragraphs.py): tracked paragraph marks, where messages point, page breaks, text boxes."""
from __future__ import annotations


def _para(result, text):
    return next(q for q in result.value.paragraphs() if q.text.startswith(text))


def test_inserted_paragraph_and_row_are_marked(rich):
    new = _para(rich, "Đoạn mới chèn")
    assert new.mark_change == "ins" and new.original_text == ""
    kinds = {c.kind for c in rich.value.changes}
    assert {"paraIns", "rowIns"} <= kinds
    table = rich.value.tables[0]
    assert [row.inserted for row in table.rows] == [False, False, False, False, True]


def test_paragraph_where_names_table_cells(rich):
    cell_para = next(q for q in rich.value.paragraphs() if q.text == "Việc B")
    assert cell_para.where == f"đoạn {cell_para.index + 1} (bảng 1, hàng 4, ô 2)"
    assert next(rich.value.paragraphs()).where == "đoạn 1"
    header = rich.value.sections[0].headers["default"][0]
    assert header.where == "đầu trang (default) mục 1: đoạn 1"


def test_page_break_and_text_box(rich):
    assert _para(rich, "Trước ngắt").text == "Trước ngắt\fsau ngắt"
    boxed = [q for q in rich.value.paragraphs() if q.in_shape]
    assert [q.text for q in boxed] == ["Chữ trong hộp"]  # Choice read, Fallback (same text) not read twice
    assert boxed[0].index == _para(rich, "Neo hộp").index + 1
    assert any("khung văn bản" in m.text and m.where == f"đoạn {boxed[0].index}" for m in rich.messages)


def test_a_drop_cap_is_marked_and_joins_its_paragraph_as_printed(tmp_path):
    """Insert › Drop Cap keeps the letter in a framed paragraph of its own (w:framePr w:dropCap); Word prints
    it at the start of the next paragraph. The reader marks it; the text as printed (seen.joined_document,
    joined_texts, accepted or not) has one paragraph 'Theo…', not 'T' and 'heo…' (issue 22, fourth campaign)."""
    from generator.word import read_docx
    from generator.word.seen import joined_document, joined_texts
    from tests.word.docx_factory import make_docx, p, r, sect

    frame = '<w:framePr w:dropCap="{}" w:lines="3" w:wrap="around" w:vAnchor="text" w:hAnchor="text"/>'
    body = (p(r("T"), ppr=frame.format("drop")) + p(r("heo kết quả công bố.")) + p(r("Đ"), ppr=frame.format("margin"))
            + p(r("ồng ý.")) + p(r("Khung thường"), ppr='<w:framePr w:w="3000" w:wrap="around"/>')
            + p(r("X"), ppr=frame.format("none")) + p(r("Sau.")) + sect())
    doc = read_docx(make_docx(tmp_path / "drop.docx", body)).value
    assert [q.drop_cap for q in doc.paragraphs()] == [True, False, True, False, False, False, False]
    assert [q.text for q in joined_document(doc).paragraphs()] == [
        "Theo kết quả công bố.", "Đồng ý.", "Khung thường", "X", "Sau."]
    for accepted in (True, False):
        assert joined_texts(doc, accepted) == {0: "", 1: "Theo kết quả công bố.", 2: "", 3: "Đồng ý."}


def test_an_outline_level_set_on_the_paragraph_reads_as_the_heading_of_that_level(tmp_path):
    """Word's Paragraph › Outline level "Level 1" (w:outlineLvl 0) set on a paragraph makes it a heading as
    "Heading 1" does: read as level 1, "Level 2" as 2 … "Level 9" (8) as 9; "Body Text" (9) makes even a Heading 1
    paragraph body text (fresh mutant w-outline-level read Level 1 as no heading, Level 2 as 1: import made
    "KINH PHÍ THỰC HIỆN" set Level 1 a line of the part above instead of a part of its own)."""
    from generator.word import read_docx
    from tests.word.docx_factory import make_docx, p, r, sect

    def level(n: int) -> str:
        return f'<w:outlineLvl w:val="{n}"/>'

    body = (p(r("Style Heading 1"), style="Heading1") + p(r("Level 1"), ppr=level(0)) + p(r("Level 2"), ppr=level(1))
            + p(r("Style Heading 2"), style="Heading2") + p(r("Level 9"), ppr=level(8))
            + p(r("Heading 1 as body text"), style="Heading1", ppr=level(9)) + p(r("Plain")) + sect())
    doc = read_docx(make_docx(tmp_path / "outline.docx", body)).value
    assert [(q.text, q.heading_level) for q in doc.paragraphs()] == [
        ("Style Heading 1", 1), ("Level 1", 1), ("Level 2", 2), ("Style Heading 2", 2), ("Level 9", 9),
        ("Heading 1 as body text", None), ("Plain", None)]
