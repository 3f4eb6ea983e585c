"""The same document after a LibreOffice round trip (how LibreOffice writes lists, fields, comments,
tracked changes, merged cells and sections) reads to the same tree; and an old .doc is converted and read."""
from __future__ import annotations

import pytest

from generator.core.errors import WordFileError
from generator.word import convert_doc, read_docx

from tests.word.docx_factory import OFFICE_LISTS

# LibreOffice 7.x drops w:isLgl and w:lvlRestart when it saves, so its own file numbers these differently
LO_DROPS = {"Pháp lý con", "Con không khởi động lại"}
# and it rewrites a Symbol-font bullet (U+F0B7, •) as Wingdings "l", which Word draws as ●
LO_BULLET = {"Dấu chấm tròn": "●"}


@pytest.fixture(scope="module")
def resaved(rich_docx, tmp_path_factory):
    return read_docx(convert_doc(rich_docx, tmp_path_factory.mktemp("lo"), target="docx"))


@pytest.fixture(scope="module")
def old_doc(rich_docx, tmp_path_factory):
    return convert_doc(rich_docx, tmp_path_factory.mktemp("lo-doc"), target="doc")


@pytest.fixture(scope="module")
def rendered_lines(rich_docx, tmp_path_factory):
    """The text LibreOffice lays out for the rich document (its own numbering engine), line by line."""
    from pypdf import PdfReader

    from generator.render.pdf import docx_to_pdf

    pdf = docx_to_pdf(rich_docx, tmp_path_factory.mktemp("lo-pdf"))
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    return [" ".join(line.split()) for line in text.splitlines()]


def test_labels_match_what_libreoffice_draws(rendered_lines):
    """An independent engine: the labels LibreOffice prints for the same file are the ones we compute
    (except where LibreOffice does not implement Word's isLgl/lvlRestart)."""
    expected = [f"{label} {text}" for _, text, label in OFFICE_LISTS
                if label and text not in LO_DROPS and label not in ("•",)]
    drawn = [line for line in rendered_lines if line in expected]
    assert drawn == expected


def _by_text(result):
    found = {}
    for p in result.value.paragraphs():
        found.setdefault(p.text, p)  # first occurrence
    return found


def test_list_labels_survive_libreoffice(resaved):
    paragraphs = _by_text(resaved)
    for _, text, label in OFFICE_LISTS:
        if text not in LO_DROPS:
            assert paragraphs[text].list_label == LO_BULLET.get(text, label), text
    assert paragraphs["Mục đích"].heading_level == 1 and paragraphs["Tiểu mục một"].heading_level == 2


def test_texts_survive_libreoffice(rich, resaved):
    def words(result):
        return " ".join(p.text for p in result.value.paragraphs()).replace("\f", " ").split()

    ours = words(rich)
    theirs = words(resaved)
    # field results are recomputed by LibreOffice (page count); everything else is the same words
    assert [w for w in theirs if not w.isdigit()] == [w for w in ours if not w.isdigit()]


def test_tracked_changes_and_comments_survive_libreoffice(resaved):
    paragraphs = _by_text(resaved)
    q = paragraphs["Tăng mạnh kết thúc"]
    assert q.original_text == "Tăng cũ kết thúc"
    kinds = {(c.kind, c.author, c.text) for c in resaved.value.changes}
    assert {("ins", "Nguyễn Văn A", "mạnh "), ("del", "Trần Thị B", "cũ "), ("paraIns", "Nguyễn Văn A", "")} <= kinds
    comments = {c.id: c for c in resaved.value.comments}
    assert len(comments) == 2
    by_author = {c.author: c for c in comments.values()}
    assert by_author["Lãnh đạo UBND"].anchor_text == "đạt 43 điểm"
    assert by_author["Sở Nội vụ"].text == "Dòng một\nDòng hai"
    assert by_author["Sở Nội vụ"].anchor_text == " trở lên\nđoạn sau"


def test_bookmarks_survive_libreoffice_but_content_control_tags_do_not(resaved):
    paragraphs = _by_text(resaved)
    assert paragraphs["Nhiệm vụ có dấu"].bookmarks == ["task-1"]
    assert paragraphs["Sau dấu thân"].bookmarks == ["sec-2"]
    # LibreOffice 7.x keeps a block content control's alias but not its w:tag, and drops a tag-only
    # inline one: source tags meant to survive a LibreOffice save must be bookmarks.
    assert "plan.tasks[0]" not in paragraphs["Nhiệm vụ trong điều khiển"].tags
    assert paragraphs["Đạt 45 điểm"].tags == []


def test_tables_and_sections_survive_libreoffice(resaved):
    table = resaved.value.tables[0]
    assert table.rows[0].is_header and table.rows[0].cant_split
    assert table.rows[1].cells[0].grid_span == 3 and table.rows[1].cells[0].shading == "D9D9D9"
    assert (table.rows[2].cells[2].v_merge, table.rows[2].cells[2].row_span) == ("restart", 2)
    assert table.rows[2].cells[1].text == "Việc A dòng 1\nViệc A dòng 2"
    first, second = resaved.value.sections
    assert first.title_page and first.orientation == "portrait"
    assert (first.margin_left_mm, first.margin_top_mm) == (30.0, 20.0)
    assert first.headers["default"][0].has_field == {"PAGE": True}
    assert second.orientation == "landscape" and second.page_number_start == 1


def test_old_doc_is_refused_by_the_reader_and_converted(old_doc, tmp_path):
    with pytest.raises(WordFileError, match=r"\.doc"):
        read_docx(old_doc)
    converted = read_docx(convert_doc(old_doc, tmp_path))
    paragraphs = _by_text(converted)
    assert paragraphs["MỤC ĐÍCH, YÊU CẦU"].list_label == "I."
    assert paragraphs["Cụ thể hóa"].list_label == "a)"
    assert paragraphs["Tăng mạnh kết thúc"].original_text == "Tăng cũ kết thúc"
    assert converted.value.sections[-1].orientation == "landscape"


def test_a_doc_cut_to_its_header_is_said_damaged(old_doc, tmp_path):
    """A .doc cut to its first 512 bytes (the OLE header alone): LibreOffice ends with 0 and writes nothing,
    and kehoach said "LibreOffice không chuyển được tệp sang .docx (mã lỗi 0)" (issue 22, second campaign)."""
    from tests.word.hostile_office_lo import broken_doc

    header_only = next(p for p in broken_doc(old_doc, tmp_path) if p.name == "doc-header-only.doc")
    with pytest.raises(WordFileError, match="bị hỏng, bị cắt cụt, có mật khẩu") as caught:
        convert_doc(header_only, tmp_path / "out")
    assert "mã lỗi 0" not in str(caught.value) and "doc-header-only.doc" in str(caught.value)
