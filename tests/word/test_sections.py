"""Sections (sections.py): page size, margins, orientation, headers and their changes."""
from __future__ import annotations

from generator.word import read_docx

from tests.word.docx_factory import make_docx, p, r


def test_sections_margins_orientation_headers(rich):
    first, second = rich.value.sections
    assert (first.page_width_mm, first.page_height_mm, first.orientation) == (210.01, 297.0, "portrait")
    assert (first.margin_top_mm, first.margin_bottom_mm, first.margin_left_mm, first.margin_right_mm) == (20.0, 20.0, 30.0, 20.0)
    assert first.title_page and not second.title_page
    assert [q.text for q in first.headers["default"]] == ["Trang 2"]
    assert first.headers["default"][0].has_field == {"PAGE": True}
    assert first.headers["default"][0].alignment == "center"
    assert [q.text for q in first.headers["first"]] == [""]
    assert second.orientation == "landscape" and second.page_width_mm == 297.0 and second.page_number_start == 1
    assert second.headers == first.headers  # a section without its own headers inherits the previous ones
    sections = {q.text: q.section for q in rich.value.paragraphs()}
    assert sections["Cuối mục một"] == 0 and sections["Phụ lục"] == 1 and sections["Hết"] == 1
    appendix = rich.value.tables[1]
    assert appendix.section == 1 and appendix.borders is False


def test_changes_carry_where_and_header_changes_are_listed_once(tmp_path):
    from tests.word.docx_factory import sect

    header = p(r("Trang "), '<w:ins w:id="7" w:author="C" w:date="2024-02-02T00:00:00Z">' + r("mới") + "</w:ins>")
    body = (p("Mục một", ppr=sect(header_refs={"default": "rIdH1"}))
            + '<w:p><w:ins w:id="8" w:author="D" w:date="2024-02-03T00:00:00Z"><w:r><w:t>thêm</w:t></w:r></w:ins></w:p>'
            + sect(header_refs={"default": "rIdH1"}))
    result = read_docx(make_docx(tmp_path / "x.docx", body, headers={"rIdH1": header}))
    changes = [(c.kind, c.author, c.text, c.paragraph_index, c.where) for c in result.value.changes]
    assert changes == [("ins", "D", "thêm", 1, "đoạn 2"),
                       ("ins", "C", "mới", -1, "đầu trang (default) mục 1: đoạn 1")]
    first, second = result.value.sections
    assert [q.text for q in first.headers["default"]] == [q.text for q in second.headers["default"]] == ["Trang mới"]
