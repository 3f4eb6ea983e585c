"""Runs (runs.py): tracked changes, fields, hidden text, objects in runs, unknown inline elements."""
from __future__ import annotations

from generator.word import read_docx

from tests.word.docx_factory import make_docx, p, r


def _para(result, text):
    return next(q for q in result.value.paragraphs() if q.text.startswith(text))


def test_tracked_changes_accepted_and_rejected_views(rich):
    q = _para(rich, "Tăng")
    assert q.text == "Tăng mạnh kết thúc"
    assert q.original_text == "Tăng cũ kết thúc"
    ins = next(run for run in q.runs if run.change == "ins")
    assert (ins.text, ins.change_author, ins.change_date) == ("mạnh ", "Nguyễn Văn A", "2024-05-01T08:00:00Z")
    changes = [(c.kind, c.author, c.text, c.paragraph_index) for c in rich.value.changes]
    assert ("ins", "Nguyễn Văn A", "mạnh ", q.index) in changes
    assert ("del", "Trần Thị B", "cũ ", q.index) in changes


def test_text_moved_with_tracked_changes_is_read_once_in_its_new_place(tmp_path):
    """A reviewer dragged a sentence to another paragraph with "Track Changes" on: read as accepted it is
    in its new place only, read as rejected in its old place only — never twice."""
    mark = 'w:author="Nguyễn Văn A" w:date="2024-05-01T08:00:00Z"'
    moved_from = p(r("Đầu. "), f'<w:moveFrom w:id="1" {mark}>' + r("Câu chuyển. ") + "</w:moveFrom>", r("Cuối."))
    moved_to = p(r("Đoạn hai. "), f'<w:moveTo w:id="2" {mark}>' + r("Câu chuyển.") + "</w:moveTo>")
    paras = list(read_docx(make_docx(tmp_path / "move.docx", moved_from + moved_to)).value.paragraphs())
    assert [q.text for q in paras] == ["Đầu. Cuối.", "Đoạn hai. Câu chuyển."]
    assert [q.original_text for q in paras] == ["Đầu. Câu chuyển. Cuối.", "Đoạn hai. "]


def test_fields_keep_results_and_are_named(rich):
    q = _para(rich, "liên kết")
    assert q.text == "liên kết trang 29"  # hyperlink text, PAGE result "2", NUMPAGES result "9"; no field codes
    assert q.has_field == {"PAGE": True, "NUMPAGES": True}


def test_nested_field_codes_hidden_results_kept_and_broken_field_contained(tmp_path):
    def fld(kind):
        return r("", extra=f'<w:fldChar w:fldCharType="{kind}"/>')

    def instr(text):
        return r("", extra=f'<w:instrText xml:space="preserve">{text}</w:instrText>')

    nested = p(r("Xem "), fld("begin"), instr(" IF "), fld("begin"), instr(" PAGE "), fld("separate"), r("1"),
               fld("end"), instr(' = 1 "đầu" "sau" '), fld("separate"), r("đầu"), fld("end"), r(" hết"))
    broken = p(r("A "), fld("begin"), instr(" REF x "))
    after = p("Đoạn sau vẫn đọc được")
    result = read_docx(make_docx(tmp_path / "x.docx", nested + broken + after))
    texts = [q.text for q in result.value.paragraphs()]
    assert texts == ["Xem đầu hết", "A ", "Đoạn sau vẫn đọc được"]
    assert next(result.value.paragraphs()).has_field == {"IF": True, "PAGE": True}
    assert any("không có phần kết thúc" in m.text and m.where == "đoạn 2" for m in result.messages)


def test_images_equations_hidden_text_and_unknown_elements_become_messages(tmp_path):
    image = ('<w:r><w:drawing><wp:inline><a:graphic><a:graphicData><a:blip r:embed="rIdImg"/>'
             '</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>')
    body = (p(r("ảnh "), image) + p(r("ẩn", "<w:vanish/>"), r("hiện"))
            + '<w:p><w:r><w:t>a</w:t></w:r><w:fooBar/></w:p>'
            + '<w:p><w:r><w:object><v:shape/></w:object></w:r></w:p>')
    result = read_docx(make_docx(tmp_path / "x.docx", body))
    texts = [q.text for q in result.value.paragraphs()]
    assert texts == ["ảnh ", "hiện", "a", ""]
    messages = " | ".join(str(m) for m in result.messages)
    assert "đoạn 1: có hình ảnh" in messages
    assert "chữ ẩn" in messages and "“ẩn”" in messages
    assert "w:fooBar" in messages
    assert "đoạn 4: có đối tượng nhúng (OLE)" in messages


def test_a_non_breaking_hyphen_reads_as_a_hyphen(tmp_path):
    """Word's non-breaking hyphen (w:noBreakHyphen, typed Ctrl+Shift+-) is a "-" in the text kehoach reads:
    "Bà Rịa-Vũng Tàu", never "Bà RịaVũng Tàu" (fresh mutant w-nobreak-hyphen)."""
    doc = make_docx(tmp_path / "h.docx", p(r("Bà Rịa", extra="<w:noBreakHyphen/>"), r("Vũng Tàu")))
    assert next(read_docx(doc).value.paragraphs()).text == "Bà Rịa-Vũng Tàu"


def test_text_hidden_through_its_style_is_not_read(tmp_path):
    """Hidden text is left out of what kehoach reads, with the same 'chữ ẩn' note, whether the run says
    w:vanish itself or its character style or paragraph style does (fresh mutant w-hidden-by-style-read read
    a style's hidden text as visible)."""
    from tests.word.docx_factory import STYLES

    styles = STYLES.replace(
        "</w:styles>",
        '<w:style w:type="character" w:styleId="AnChu"><w:name w:val="Ẩn chữ"/><w:rPr><w:vanish/></w:rPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="AnDoan"><w:name w:val="Ẩn đoạn"/><w:basedOn w:val="Normal"/>'
        '<w:rPr><w:vanish/></w:rPr></w:style></w:styles>')
    body = (p(r("Hiện "), r("ghi chú ẩn ", '<w:rStyle w:val="AnChu"/>'), r("cuối."))
            + p(r("đoạn ẩn"), style="AnDoan") + p(r("Đoạn sau.")))
    result = read_docx(make_docx(tmp_path / "x.docx", body, styles=styles))
    assert [q.text for q in result.value.paragraphs()] == ["Hiện cuối.", "", "Đoạn sau."]
    messages = " | ".join(str(m) for m in result.messages)
    assert "chữ ẩn" in messages and "“ghi chú ẩn" in messages and "“đoạn ẩn”" in messages
