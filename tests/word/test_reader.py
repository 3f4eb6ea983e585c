"""kehoach's own output read back: same texts as an independent reader (python-docx), right tables and
sections. import/check build on this."""
from __future__ import annotations

import pytest
from docx import Document as DocxDocument
from docx.table import _Cell
from docx.text.paragraph import Paragraph as DocxParagraph

from generator.word import read_docx


def _python_docx_texts(path) -> list[str]:
    out: list[str] = []

    def walk(container):
        for block in container.iter_inner_content():
            if isinstance(block, DocxParagraph):
                out.append(block.text)
            else:
                for row in block.rows:
                    for tc in row._tr.tc_lst:
                        walk(_Cell(tc, block))

    walk(DocxDocument(str(path)))
    return out


@pytest.fixture(scope="module")
def kehoach_docs(built):
    return {stem: (result.files[0], read_docx(result.files[0])) for stem, result in built.items()}


def test_texts_equal_python_docx_in_order(kehoach_docs):
    for stem, (path, result) in kehoach_docs.items():
        ours = [p.text.replace("\f", "\n") for p in result.value.paragraphs()]
        assert ours == _python_docx_texts(path), stem
        assert result.messages == [], stem


def test_sections_follow_nd30(kehoach_docs):
    for stem, (_, result) in kehoach_docs.items():
        body, appendix = result.value.sections[0], result.value.sections[-1]
        assert (body.page_width_mm, body.page_height_mm) == (pytest.approx(210, abs=0.1), pytest.approx(297, abs=0.1))
        assert (body.margin_top_mm, body.margin_bottom_mm, body.margin_left_mm) == (20.0, 20.0, 30.0), stem
        assert body.margin_right_mm == pytest.approx(15, abs=0.05)
        assert body.title_page and body.headers["default"][0].has_field == {"PAGE": True}
        assert [p.text for p in body.headers["first"]] in ([""], [])
        assert len(result.value.sections) >= 2 and appendix.index == len(result.value.sections) - 1


def test_header_table_signature_and_task_table(kehoach_docs):
    path, result = kehoach_docs["hung-yen-papi-2021"]
    doc = result.value
    header, signature, tasks = doc.tables[:3]
    assert header.rows[0].cells[0].text.startswith("ỦY BAN NHÂN DÂN") and not header.borders
    assert header.rows[0].cells[1].text.startswith("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert signature.rows[0].cells[0].text.startswith("Nơi nhận:")
    assert tasks.section == len(doc.sections) - 1 and doc.sections[-1].orientation == "landscape"
    assert tasks.borders and tasks.rows[0].is_header and all(row.cant_split for row in tasks.rows)
    assert [c.text for c in tasks.rows[0].cells][:2] == ["TT", "Chỉ số nội dung"]
    title = next(p for p in doc.paragraphs() if p.text == "KẾ HOẠCH")
    assert (title.alignment, title.bold, title.size_pt, title.font) == ("center", True, 14.0, "Times New Roman")
    heading = next(p for p in doc.paragraphs() if p.text.startswith("I. MỤC ĐÍCH"))
    assert heading.bold and heading.list_label is None  # kehoach types its numbering as text
    assert doc.core["title"].startswith("Kế hoạch")


def test_python_docx_default_template_lists_headings_and_merges(tmp_path):
    """Word's own default template (as shipped in python-docx): built-in heading names, list styles whose
    numbering comes from the style's numPr, merges made the python-docx way."""
    from docx import Document as NewDocument
    from docx.shared import Pt

    doc = NewDocument()
    doc.add_heading("Tiêu đề", 0)
    doc.add_heading("Mục một", 1)
    doc.add_paragraph("Điểm một", style="List Number")
    doc.add_paragraph("Điểm hai", style="List Number")
    doc.add_paragraph("Chấm", style="List Bullet")
    doc.add_heading("Mục hai", 2)
    run = doc.add_paragraph().add_run("đậm")
    run.bold, run.font.size = True, Pt(13)
    table = doc.add_table(rows=2, cols=3)
    table.style = "Table Grid"
    table.cell(0, 0).merge(table.cell(0, 1)).text = "gộp ngang"
    table.cell(0, 2).merge(table.cell(1, 2)).text = "gộp dọc"
    doc.save(tmp_path / "pd.docx")

    result = read_docx(tmp_path / "pd.docx")
    assert result.messages == []
    got = [(p.text, p.style_name, p.heading_level, p.list_label) for p in result.value.blocks[:7]]
    assert got == [("Tiêu đề", "Title", None, None), ("Mục một", "heading 1", 1, None),
                   ("Điểm một", "List Number", None, "1."), ("Điểm hai", "List Number", None, "2."),
                   ("Chấm", "List Bullet", None, "•"), ("Mục hai", "heading 2", 2, None), ("đậm", "Normal", None, None)]
    assert (result.value.blocks[6].bold, result.value.blocks[6].size_pt) == (True, 13.0)
    first, second = result.value.tables[0].rows
    assert [(c.col, c.grid_span, c.v_merge, c.row_span, c.text) for c in first.cells] == [
        (0, 2, None, 1, "gộp ngang"), (2, 1, "restart", 2, "gộp dọc")]
    assert [(c.col, c.v_merge) for c in second.cells] == [(0, None), (1, None), (2, "continue")]
    assert result.value.tables[0].borders


def test_settings_read(tmp_path):
    from tests.word.docx_factory import NSDECL, REL_BASE, make_docx, p

    settings = (f'<?xml version="1.0" encoding="UTF-8"?><w:settings {NSDECL}><w:trackRevisions/>'
                '<w:defaultTabStop w:val="720"/><w:evenAndOddHeaders w:val="0"/></w:settings>')
    doc = make_docx(tmp_path / "s.docx", p("x"), extra_parts={"word/settings.xml": settings},
                    extra_rels=[("rIdSet", f"{REL_BASE}/settings", "settings.xml")])
    assert read_docx(doc).value.settings == {"even_and_odd_headers": False, "track_revisions": True,
                                             "update_fields": False, "spacing_added": False,
                                             "default_tab_stop_pt": 36.0}
    assert read_docx(make_docx(tmp_path / "n.docx", p("x"))).value.settings["track_revisions"] is False


def test_paragraph_spacing_adds_up_only_when_the_compat_setting_says_so(tmp_path):
    """FR8-CV02: without "Don't use HTML paragraph auto spacing" the gap between two paragraphs is the larger of the
    space after and the space before (LibreOffice prints its 6 pt / 12 pt paragraphs 12 pt apart, not 18); the
    setting, read from w:compat, makes them add up."""
    from tests.word.docx_factory import NSDECL, REL_BASE, make_docx, p

    def settings_of(compat: str) -> dict:
        xml = f'<?xml version="1.0" encoding="UTF-8"?><w:settings {NSDECL}><w:compat>{compat}</w:compat></w:settings>'
        doc = make_docx(tmp_path / "c.docx", p("x"), extra_parts={"word/settings.xml": xml},
                        extra_rels=[("rIdSet", f"{REL_BASE}/settings", "settings.xml")])
        return read_docx(doc).value.settings

    assert settings_of("<w:doNotUseHTMLParagraphAutoSpacing/>")["spacing_added"] is True
    assert settings_of('<w:doNotUseHTMLParagraphAutoSpacing w:val="0"/>')["spacing_added"] is False
    assert settings_of("<w:useFELayout/>")["spacing_added"] is False


def test_the_fast_model_constructor_equals_the_dataclass_one_and_refuses_what_it_cannot_do():
    """word/model's Run, Paragraph, Cell and Row are filled in one __dict__ update (issue 23, the reader's cost): the
    objects must equal, hash and print as the stock frozen dataclass's; a class with __post_init__ it would skip is
    refused at import, never silently half-made."""
    import dataclasses

    import pytest as _pytest

    from generator.word.model import Run, _direct_init

    @dataclasses.dataclass(frozen=True)
    class Stock:
        text: str
        bold: bool | None = None
        tags: list = dataclasses.field(default_factory=list)

    Fast = _direct_init(dataclasses.dataclass(frozen=True)(type("Fast", (), {
        "__annotations__": {"text": "str", "bold": "bool | None", "tags": "list"},
        "bold": None, "tags": dataclasses.field(default_factory=list)})))
    a, b = Stock("x", True), Fast("x", True)
    assert (a.text, a.bold, a.tags) == (b.text, b.bold, b.tags) and b.tags is not Fast("y").tags
    assert Fast("x", True) == Fast("x", True) and hash(Fast("x", True, ())) == hash(Fast("x", True, ()))
    with _pytest.raises(dataclasses.FrozenInstanceError):
        b.text = "y"
    assert Run("a") == Run("a") and repr(Run("a")).startswith("Run(text='a'")

    @dataclasses.dataclass(frozen=True)
    class Checked:
        n: int

        def __post_init__(self):
            raise ValueError

    with _pytest.raises(TypeError, match="__post_init__"):
        _direct_init(Checked)
