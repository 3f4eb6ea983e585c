"""False findings and misses seen on the third fresh set (issue 20, FR3-*: a Tờ trình, a Báo cáo, a Thông báo of
other bodies), each on a small document of its own: the gap between paragraphs is what the paragraph above leaves
plus what this one asks; a one-line paragraph shows its left indent; an indent made of spaces is measured; "PHẦN
THỨ HAI" restarts the numbering; a trích yếu line with a regular comma is still bold. The real files are held in
tests/real/test_judged_check.py."""
from __future__ import annotations

from lxml import etree

from generator.nd30 import zones
from generator.nd30.check import check_docx
from generator.nd30.labels import SCOPE_HEADING
from generator.word import read_docx
from generator.word.model import Paragraph, Run
from tests.word.test_check import Doc, q
from tests.word.test_fix import sample_docx  # noqa: F401  (fixture)


def _set(p, tag: str, **attrs) -> None:
    ppr = p.find(q("w:pPr"))
    el = ppr.find(q(f"w:{tag}"))
    if el is None:
        el = etree.SubElement(ppr, q(f"w:{tag}"))
    for k, v in attrs.items():
        el.set(q(f"w:{k}"), v)


def _findings(doc: Doc, path, rule: str) -> dict[int, str]:
    source = doc.save(path)
    return {f.detail.paragraph: f.text for f in check_docx(source).findings if f.rule == rule}


def _body_pair(doc: Doc):
    """Two body paragraphs one right under the other."""
    body = doc.styled("KHNoidung")
    return next((a, b) for a, b in zip(body, body[1:]) if b.getprevious() is a)


def _index_of(path, starts: str) -> int:
    return next(p.index for p in read_docx(path).value.paragraphs() if p.text.startswith(starts))


def test_gap_counts_the_space_after_the_paragraph_above(sample_docx, tmp_path):
    """FR3-BC01: 11 false "khoảng cách giữa các đoạn 0 pt" under paragraphs that end with 6 pt after."""
    doc = Doc(sample_docx)
    above, p = _body_pair(doc)
    _set(above, "spacing", before="0", after="120")
    _set(p, "spacing", before="0", after="0")
    saved = doc.save(tmp_path / "gap.docx")
    at = _index_of(saved, "".join(p.itertext())[:20])
    assert at not in _findings(doc, tmp_path / "gap.docx", "body.spacing")
    _set(above, "spacing", before="0", after="0")  # nothing after the one above, nothing before this one: no gap
    assert at in _findings(doc, tmp_path / "nogap.docx", "body.spacing")


def test_gap_of_four_and_a_half_points_under_a_paragraph_without_space_after(sample_docx, tmp_path):
    """FR3-CV01: 4.5 pt before, 6 pt after, under a paragraph with 0 after: 4.5 pt on the page (was missed)."""
    doc = Doc(sample_docx)
    above, p = _body_pair(doc)
    _set(above, "spacing", before="0", after="0")
    _set(p, "spacing", before="90", after="120")
    saved = doc.save(tmp_path / "small.docx")
    at = _index_of(saved, "".join(p.itertext())[:20])
    assert "4,5 pt" in _findings(doc, tmp_path / "small.docx", "body.spacing")[at]


def test_one_line_paragraph_shows_its_left_indent(sample_docx, tmp_path):
    """FR3-BC01: khoản titles set 12.7 mm left (no first-line indent) print 12.7 mm in: not "0,0 mm"."""
    doc = Doc(sample_docx)
    _, p = _body_pair(doc)
    for t in p.iter(q("w:t")):
        t.text = ""
    next(p.iter(q("w:t"))).text = "3. Lĩnh vực Bảo trợ xã hội"
    _set(p, "ind", left="720", firstLine="0")
    saved = doc.save(tmp_path / "left.docx")
    at = _index_of(saved, "3. Lĩnh vực Bảo trợ")
    assert at not in _findings(doc, tmp_path / "left.docx", "body.indent")
    _set(p, "ind", left="0", firstLine="0")
    assert "0,0 mm" in _findings(doc, tmp_path / "none.docx", "body.indent")[at]


def test_indent_made_of_spaces_is_measured(sample_docx, tmp_path):
    """FR3-TTR01: first lines pushed about a centimetre in with eight or nine spaces are indented on the page;
    four spaces are not enough, and the message says it is spaces."""
    doc = Doc(sample_docx)
    _, p = _body_pair(doc)
    _set(p, "ind", left="0", firstLine="0")
    first = next(t for t in p.iter(q("w:t")) if t.text)
    words = first.text.lstrip()
    first.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    first.text = " " * 9 + words
    saved = doc.save(tmp_path / "nine.docx")
    at = _index_of(saved, " " * 9 + words[:10])
    assert at not in _findings(doc, tmp_path / "nine.docx", "body.indent")
    first.text = " " * 4 + words
    message = _findings(doc, tmp_path / "four.docx", "body.indent")[at]
    assert "bằng dấu cách" in message and "khoảng 5 mm" in message


def test_phan_thu_hai_restarts_the_numbering():
    """FR3-BC01: "1." after "PHẦN THỨ HAI" was "sai thứ tự: phải là 9."."""
    assert SCOPE_HEADING.match("PHẦN THỨ HAI") and SCOPE_HEADING.match("Phần thứ nhất")
    assert not SCOPE_HEADING.match("PHẦN MỀM quản lý")


def test_trich_yeu_line_with_a_regular_comma_is_bold():
    """FR3-BC01: the trích yếu's second line, bold but for ", ", was read as body text (3 false findings)."""
    line = Paragraph(index=0, runs=[Run("năm 2026 và phương hướng", bold=True), Run(", "),
                                    Run("nhiệm vụ tháng 7 năm 2026", bold=True)], alignment="center")
    assert zones._letters_bold(line)
    assert not zones._letters_bold(Paragraph(index=0, runs=[Run("năm 2026", bold=True), Run(" và phương hướng")]))


def test_a_table_caption_in_italic_is_not_body_text():
    """FR3-BC01: "Bảng 01: Tình hình khám bệnh …" in bold italic was "nội dung trình bày kiểu chữ đứng"."""
    from generator.nd30.check.body import _is_note

    assert _is_note(Paragraph(index=0, runs=[Run("Bảng 01: Tình hình khám bệnh, chữa bệnh", italic=True)]))
    assert _is_note(Paragraph(index=0, runs=[Run("Biểu số 2. Kết quả", italic=True)]))
    assert not _is_note(Paragraph(index=0, runs=[Run("Bảng lương được áp dụng từ ngày 01/7.")]))


def test_a_line_filling_its_cell_prints_centred():
    """FR3-BC01: a Quốc hiệu justified in a cell just wide enough for it was "phải canh giữa"."""
    from generator.core.text import text_width_pt
    from generator.nd30.check.base import CELL_MARGIN_PT, Checker
    from generator.word.model import Cell, Document, Row, Section, Table

    words = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    national = Paragraph(index=0, runs=[Run(words, bold=True, size_pt=13.0)], alignment="both")
    short = Paragraph(index=1, runs=[Run("CỘNG HÒA", bold=True, size_pt=13.0)], alignment="both")
    cell = Cell([national, short], col=0, width=text_width_pt(words, 13.0, "bold") / 0.95 + 2 * CELL_MARGIN_PT)
    doc = Document(blocks=[Table(0, [Row([cell])])], sections=[Section(0, page_width_mm=210.0, margin_left_mm=30.0,
                                                                       margin_right_mm=15.0)])
    ck = Checker(doc)
    assert ck.prints_centred(national) and not ck.prints_centred(short)


def test_signature_typed_as_two_centred_paragraphs_is_found():
    """FR3-CT01: "BỘ TRƯỞNG" and the signer's name as two centred bold paragraphs after the body (no table, no Nơi
    nhận) were "không thấy quyền hạn, chức vụ và họ tên người ký"."""
    from generator.nd30.check.base import Checker
    from generator.nd30.check.locate import signature_lines
    from generator.word.model import Document, Section

    paras = [Paragraph(index=0, runs=[Run("c) Chủ tịch Ủy ban nhân dân các tỉnh chỉ đạo triển khai thực hiện./.")],
                       alignment="both"),
             Paragraph(index=1, runs=[Run("\u00a0")]),
             Paragraph(index=2, runs=[Run("BỘ TRƯỞNG", bold=True)], alignment="center", bold=True),
             Paragraph(index=3, runs=[Run("Lê Doãn Hợp", bold=True)], alignment="center", bold=True),
             Paragraph(index=4, runs=[Run("\u00a0")])]
    ck = Checker(Document(blocks=paras, sections=[Section(0)]))
    assert [p.text for p in signature_lines(ck, None, [], 0, len(paras), len(paras))] == ["BỘ TRƯỞNG", "Lê Doãn Hợp"]


def test_a_legal_database_headline_number_and_date_are_not_the_trich_yeu():
    """FR3-CT01: "CỦA BỘ … SỐ 07/2008/CT-BTTTT" and "NGÀY 30 THÁNG 12 NĂM 2008" under "CHỈ THỊ" were judged as the
    trích yếu (size, capitals); a trích yếu citing a number stays one."""
    from generator.nd30.check.locate import _HEADLINE_FACT

    assert _HEADLINE_FACT.match("CỦA BỘ THÔNG TIN VÀ TRUYỀN THÔNG SỐ 07/2008/CT-BTTTT")
    assert _HEADLINE_FACT.match("NGÀY 30 THÁNG 12 NĂM 2008")
    assert not _HEADLINE_FACT.match("Về việc triển khai Quyết định số 12/QĐ-UBND")
    assert not _HEADLINE_FACT.match("VỀ ĐẨY MẠNH SỬ DỤNG PHẦN MỀM MÃ NGUỒN MỞ")


def test_an_empty_line_above_is_the_gap_between_paragraphs(sample_docx, tmp_path):
    """A body paragraph with 0 pt before and after, under an empty paragraph typed as the gap, is not warned
    'khoảng cách giữa các đoạn 0 pt' (fresh mutant f3-spacing-after-blank-line); without the empty line it is."""
    doc = Doc(sample_docx)
    above, p = _body_pair(doc)
    _set(above, "spacing", before="0", after="0")
    _set(p, "spacing", before="0", after="0")
    blank = etree.SubElement(etree.Element(q("w:body")), q("w:p"))
    above.addnext(blank)
    saved = doc.save(tmp_path / "blank.docx")
    at = _index_of(saved, "".join(p.itertext())[:20])
    assert at not in _findings(doc, tmp_path / "blank.docx", "body.spacing")
    blank.getparent().remove(blank)
    saved = doc.save(tmp_path / "noblank.docx")
    at = _index_of(saved, "".join(p.itertext())[:20])
    assert at in _findings(doc, tmp_path / "noblank.docx", "body.spacing")
