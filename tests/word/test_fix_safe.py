"""`check --fix` refuses what would harm, on small generated documents: one test per harm people saw on the
fixed pages of documents kehoach never saw (issue 20, item 3), each failing when that harm is back.

- a fix that creates a finding the original did not have is withdrawn ("Nơi nhận:" made 13 pt and upright
  after a false "signer" reading);
- a larger size for one element of a tabbed header line (agency name and Tiêu ngữ side by side) only when that
  element still fits its tab stop's room, and never for a range spanning the tab;
- a correction whose line is laid out again (a piece of a printed line changes) where it was not about
  wrapping is withdrawn;
- never bold on a ký hiệu ("/BC-UBND"), no format inside a table of the content;
- a page number added in a section whose header distance is 0 gets 10 mm (not 3 mm from the paper's edge)."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from generator.nd30.check import check_document
from generator.nd30.check.base import Fix
from generator.nd30.fix import fix_docx, pages
from generator.word import read_docx
from tests.word.docx_factory import make_docx, p, r, sect, tbl, tc, tr
from tests.word.test_fix_damage import finding, inject

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def run(text: str, size: float = 13, *, b: bool = False, i: bool = False) -> str:
    rpr = ('<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>'
           + ("<w:b/>" if b else "") + ("<w:i/>" if i else "") + f'<w:sz w:val="{round(size * 2)}"/>'
           + f'<w:szCs w:val="{round(size * 2)}"/>')
    return r(text, rpr)


def tab(size: float = 13) -> str:
    return f'<w:r><w:rPr><w:sz w:val="{round(size * 2)}"/></w:rPr><w:tab/></w:r>'


def report_docx(path: Path, *, motto_tab: int = 6500, motto_size: float = 13, number: list[str] | None = None,
                extra: str = "", header_mm: int | None = None) -> Path:
    """A one-page Báo cáo whose header is typed with tabs: agency and Quốc hiệu, agency and Tiêu ngữ, number
    and date side by side; "Nơi nhận:" and the signer's title on one tabbed line."""
    tabs = f'<w:tabs><w:tab w:val="center" w:pos="1800"/><w:tab w:val="center" w:pos="{motto_tab}"/></w:tabs>'
    just = '<w:jc w:val="both"/><w:ind w:firstLine="567"/><w:spacing w:before="120" w:after="0"/>'
    sign = '<w:tabs><w:tab w:val="center" w:pos="6500"/></w:tabs>'
    number = number or ["Số: 12/BC-SNV"]
    body = "".join([
        p(tab(), run("UBND TỈNH LÂM ĐỒNG"), tab(), run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", b=True), ppr=tabs),
        p(tab(), run("SỞ NỘI VỤ", b=True), tab(motto_size), run("Độc lập - Tự do - Hạnh phúc", motto_size, b=True),
          ppr=tabs),
        p(tab(), *[run(x) if x != "\t" else tab() for x in number], tab(),
          run("Lâm Đồng, ngày 05 tháng 3 năm 2026", 14, i=True), ppr=tabs),
        p(run("BÁO CÁO", 14, b=True), ppr='<w:jc w:val="center"/>'),
        p(run("Kết quả công tác cải cách hành chính quý I năm 2026", 14, b=True), ppr='<w:jc w:val="center"/>'),
        p(run("Thực hiện kế hoạch của Ủy ban nhân dân tỉnh, Sở Nội vụ báo cáo kết quả công tác cải cách hành "
              "chính quý I năm 2026 như sau:", 14), ppr=just),
        p(run("I. KẾT QUẢ THỰC HIỆN", 14, b=True), ppr=just),
        p(run("Trong quý, Sở đã hoàn thành các nhiệm vụ được giao đúng tiến độ, bảo đảm chất lượng.", 14), ppr=just),
        extra,
        p(run("Tiếp tục triển khai các nhiệm vụ còn lại theo kế hoạch đã được phê duyệt./.", 14), ppr=just),
        p(run("Nơi nhận:", 12, b=True, i=True), tab(), run("GIÁM ĐỐC", 14, b=True), ppr=sign),
        p(run("- UBND tỉnh;", 11)),
        p(run("- Lưu: VT, NV.", 11)),
        p(tab(), run("Nguyễn Văn An", 14, b=True), ppr=sign),
        sect(),
    ])
    out = make_docx(path, body)
    if header_mm is not None:  # LibreOffice's .doc → .docx writes w:header="0"
        with zipfile.ZipFile(out) as z:
            parts = {n: z.read(n) for n in z.namelist()}
        parts["word/document.xml"] = parts["word/document.xml"].replace(
            b'w:header="720"', f'w:header="{round(header_mm * 1440 / 25.4)}"'.encode())
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in parts.items():
                z.writestr(name, data)
    return out


def para(path: Path, starts: str):
    return next(q for q in read_docx(path).value.paragraphs() if q.text.lstrip("\t").startswith(starts))


def looks(path: Path, starts: str, piece: str) -> set[tuple]:
    """(bold, italic, size) of the runs holding `piece` in the paragraph starting with `starts`."""
    return {(bool(x.bold), bool(x.italic), x.size_pt) for x in para(path, starts).runs
            if x.text.strip() and x.text in piece}


@pytest.fixture
def no_layout(monkeypatch):
    """No LibreOffice layout (fast): corrections are judged by the re-check and the guards."""
    monkeypatch.setattr(pages, "can_render", lambda: False)


def _keys(path: Path) -> set[tuple]:
    return {(f.rule, f.detail.paragraph) for f in check_document(read_docx(path).value).findings}


def test_fix_that_creates_a_finding_is_withdrawn(tmp_path, no_layout, monkeypatch):
    """A false "signer" reading of the tabbed "Nơi nhận:\tGIÁM ĐỐC" line made "Nơi nhận:" 13 pt and upright;
    the fixed file's own check then reported "Nơi nhận:". The correction is withdrawn, and said. (The check
    no longer misreads that line (fix5): the misreading's finding is planted.)"""
    source = report_docx(tmp_path / "bc.docx")
    line = para(source, "Nơi nhận")
    inject(monkeypatch, finding("signer.style", line.index,
                                Fix("format", line.index, 0, len("Nơi nhận:"), size=13.0, bold=True, italic=False)))
    report = fix_docx(source, tmp_path / "fixed.docx")
    fixed = tmp_path / "fixed.docx"
    assert looks(fixed, "Nơi nhận", "Nơi nhận:") == {(True, True, 12.0)}
    assert not _keys(fixed) - _keys(source)
    assert any("rút lại" in m.text and "bản gốc không có" in m.text for m in report.refused)


def test_larger_tieu_ngu_on_a_tabbed_line_must_still_fit_its_tab_stop(tmp_path, no_layout):
    """"Độc lập - Tự do - Hạnh phúc" at 12 pt, centred on a tab stop near the right margin: at 14 pt it no longer
    fits and "Hạnh phúc" would drop onto a line of its own. Left as it is, with the reason."""
    source = report_docx(tmp_path / "bc.docx", motto_tab=7470, motto_size=12)
    report = fix_docx(source, tmp_path / "fixed.docx")
    assert looks(tmp_path / "fixed.docx", "SỞ NỘI VỤ", "Độc lập - Tự do - Hạnh phúc") == {(True, False, 12.0)}
    assert looks(tmp_path / "fixed.docx", "SỞ NỘI VỤ", "SỞ NỘI VỤ") == {(True, False, 13.0)}
    assert any("Tab" in m.text and "không còn vừa" in m.text for m in report.refused)


def test_size_fix_spanning_the_tab_of_a_mixed_line_is_refused(tmp_path, no_layout, monkeypatch):
    """A size fix over the whole tabbed line (agency name and Tiêu ngữ) would grow the agency name past 13."""
    source = report_docx(tmp_path / "bc.docx")
    line = para(source, "SỞ NỘI VỤ")
    inject(monkeypatch, finding("motto.size", line.index, Fix("format", line.index, 1, len(line.text), size=14.0)))
    report = fix_docx(source, tmp_path / "fixed.docx")
    assert looks(tmp_path / "fixed.docx", "SỞ NỘI VỤ", "SỞ NỘI VỤ") == {(True, False, 13.0)}
    assert any("từng thành phần" in m.text for m in report.refused)


# the layout of the header line before and after a larger Tiêu ngữ, as pdftotext -layout prints them
_BEFORE = ("       UBND TỈNH LÂM ĐỒNG                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
           "          SỞ NỘI VỤ                          Độc lập - Tự do - Hạnh phúc\n")
_AFTER = ("       UBND TỈNH LÂM ĐỒNG                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
          "          SỞ NỘI VỤ                          Độc lập - Tự do -\n"
          "                                             Hạnh phúc\n")


def test_correction_whose_line_is_laid_out_again_is_withdrawn(tmp_path, monkeypatch):
    """The pages hold the same words, but the Tiêu ngữ's line broke in two: the size correction that did it is
    withdrawn (the fix is made again without it), and said."""
    source = report_docx(tmp_path / "bc.docx", motto_size=12)
    monkeypatch.setattr(pages, "can_render", lambda: True)
    monkeypatch.setattr(pages, "page_words", lambda path, **_: [pages.Page(_BEFORE if Path(path) == source or
                                                                      _grown(path) is False else _AFTER)])
    report = fix_docx(source, tmp_path / "fixed.docx")
    assert looks(tmp_path / "fixed.docx", "SỞ NỘI VỤ", "Độc lập - Tự do - Hạnh phúc") == {(True, False, 12.0)}
    assert any("dàn lại" in m.text and "rút lại" in m.text for m in report.refused)


def _grown(path) -> bool:
    """The Tiêu ngữ of this file is no longer 12 pt (the layout stub's view of it)."""
    return looks(Path(path), "SỞ NỘI VỤ", "Độc lập - Tự do - Hạnh phúc") != {(True, False, 12.0)}


def test_bold_is_never_added_to_a_ky_hieu(tmp_path, no_layout, monkeypatch):
    """"Số:\t/BC-SNV" (number left blank): "/BC-SNV" taken for an agency line must not be made bold."""
    source = report_docx(tmp_path / "bc.docx", number=["Số:", "\t", "/BC-SNV"])
    line = para(source, "Số:")
    start = line.text.index("/BC-SNV")
    inject(monkeypatch, finding("issuer.style", line.index, Fix("format", line.index, start, start + 7, bold=True)))
    report = fix_docx(source, tmp_path / "fixed.docx")
    assert looks(tmp_path / "fixed.docx", "Số:", "/BC-SNV") == {(False, False, 13.0)}
    assert any("ký hiệu" in m.text for m in report.refused)


def test_no_bold_inside_a_table_of_the_content(tmp_path, no_layout, monkeypatch):
    """A name in an attached list taken for a heading is not made bold."""
    names = tbl(tr(tc(p(run("STT", 13, b=True))), tc(p(run("Họ và tên", 13, b=True)))),
                tr(tc(p(run("1", 13))), tc(p(run("Trần Thị Bình", 13)))), grid=[1000, 4000])
    source = report_docx(tmp_path / "bc.docx", extra=names)
    name = para(source, "Trần Thị Bình")
    inject(monkeypatch, finding("heading.style", name.index, Fix("format", name.index, 0, len(name.text), bold=True)))
    report = fix_docx(source, tmp_path / "fixed.docx")
    assert looks(tmp_path / "fixed.docx", "Trần Thị Bình", "Trần Thị Bình") == {(False, False, 13.0)}
    assert any("bảng của nội dung" in m.text for m in report.refused)


def _header_distance(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    return root.find(f".//{W}sectPr/{W}pgMar").get(f"{W}header")


def test_page_number_added_where_the_header_distance_is_0_gets_10_mm(tmp_path, no_layout, monkeypatch):
    """LibreOffice's .doc → .docx writes a header distance of 0: the added page number printed 3 mm from the
    paper's edge. 10 mm (inside ND30's 20–25 mm top margin), said."""
    source = report_docx(tmp_path / "bc.docx", header_mm=0)
    inject(monkeypatch, finding("pagenum.missing", 0, Fix("page_number", section=0, page_number_size=13.0)))
    report = fix_docx(source, tmp_path / "fixed.docx")
    assert _header_distance(tmp_path / "fixed.docx") == "567"
    assert any("10 mm" in m.text for m in report.changed)


def test_header_distance_the_drafter_set_is_kept(tmp_path, no_layout, monkeypatch):
    source = report_docx(tmp_path / "bc.docx", header_mm=12)
    inject(monkeypatch, finding("pagenum.missing", 0, Fix("page_number", section=0, page_number_size=13.0)))
    fix_docx(source, tmp_path / "fixed.docx")
    assert _header_distance(tmp_path / "fixed.docx") == str(round(12 * 1440 / 25.4))


def test_columns_side_by_side_shifting_vertically_are_not_a_changed_line():
    """Nơi nhận on the left, the signature on the right: when the left column's lines get smaller, pdftotext
    prints them beside other lines of the right column; no piece of a line changed. A wrapped line did."""
    before = pages.Page("Nơi nhận:                         GIÁM ĐỐC\n- UBND tỉnh;\n- Lưu: VT, NV.      (đã ký)\n")
    shifted = pages.Page("Nơi nhận:                         GIÁM ĐỐC\n- UBND tỉnh;        (đã ký)\n- Lưu: VT, NV.\n")
    wrapped = pages.Page("Nơi nhận:                         GIÁM\nĐỐC\n- UBND tỉnh;\n- Lưu: VT, NV.      (đã ký)\n")
    assert pages.changed_pieces([before], [shifted]) == []
    [(page, pieces, _)] = pages.changed_pieces([before], [wrapped])
    assert page == 1 and sorted(pieces) == [("GIÁM",), ("GIÁM", "ĐỐC"), ("ĐỐC",)]


def test_size_of_one_element_of_a_tabbed_line_is_not_set_on_the_style(tmp_path, no_layout, monkeypatch):
    """Three paragraphs take their size from one style and the rule asks each to change: the style would be
    changed, and with it the element of the tabbed line no rule asked about ("Ghi chú:")."""
    def styled(*runs):
        return p(*runs, style="BodyJustified")

    extra = (styled(r("Nội dung thứ nhất của báo cáo.")) + styled(r("Nội dung thứ hai của báo cáo."))
             + styled(r("Ghi chú:"), "<w:r><w:tab/></w:r>", r("nội dung ghi chú.")))
    source = report_docx(tmp_path / "bc.docx", extra=extra)
    found = []
    for starts in ("Nội dung thứ nhất", "Nội dung thứ hai", "Ghi chú:"):
        q = para(source, starts)
        start = q.text.index("\t") + 1 if "\t" in q.text else 0
        found.append(finding("body.size", q.index, Fix("format", q.index, start, len(q.text), size=13.0)))
    inject(monkeypatch, *found)
    fix_docx(source, tmp_path / "fixed.docx")
    assert looks(tmp_path / "fixed.docx", "Ghi chú:", "Ghi chú:") == {(False, False, 14.0)}
    assert looks(tmp_path / "fixed.docx", "Ghi chú:", "nội dung ghi chú.") == {(False, False, 13.0)}


def test_a_rewrapped_line_of_running_text_is_not_blamed_on_a_date_sharing_one_word(tmp_path):
    """A new font rewraps "… (tăng 0,22 điểm so với / năm 2025)." of running text; its piece "năm 2025" is not
    the corrected date line's "… năm 2026" (with numbers dropped it was the lone word "năm", which the date line
    also holds, and the date correction was withdrawn for a rewrap it did not cause). Numbers count by value:
    the date line's "tháng 03" is "tháng 3"."""
    from types import SimpleNamespace

    from generator.nd30.fix import rewrapped_lines

    just = '<w:jc w:val="both"/>'
    source = report_docx(tmp_path / "bc.docx", extra=p(run("Chỉ số đạt 5,7/10 điểm (tăng 0,22 điểm so với năm "
                                                           "2025).", 14), ppr=just))
    doc = read_docx(source).value
    date = para(source, "Số:").index
    fixer = SimpleNamespace(allowed=SimpleNamespace(looks={date: None}, edits={}), risks={"font"})
    before = pages.Page("  Lâm Đồng, ngày 05 tháng 03 năm 2026\n   Chỉ số đạt 5,7/10 điểm (tăng 0,22 điểm so với\n"
                        "năm 2025).\n")
    after = pages.Page("  Lâm Đồng, ngày 05 tháng 3 năm 2026\n   Chỉ số đạt 5,7/10 điểm (tăng 0,22 điểm\n"
                       "so với năm 2025).\n")
    assert rewrapped_lines(doc, fixer, [before], [after]) is None
    wrapped = pages.Page("  Lâm Đồng, ngày 05 tháng 3 năm\n2026\n   Chỉ số đạt 5,7/10 điểm (tăng 0,22 điểm so với\n"
                         "năm 2025).\n")
    assert set(rewrapped_lines(doc, fixer, [before], [wrapped])) == {date}  # the date's own line: withdrawn


def test_a_line_split_at_a_wider_gap_is_not_a_rewrapped_line():
    """FR6-TB01: the blank number "Số:  /TB-ĐT" set 12 → 13 pt prints "Số:   /TB-ĐT", a gap of three spaces that
    splits the piece "Số TB ĐT" in two; the line holds the same words in the same order: no rewrap (every
    correction of the header was withdrawn for it). A piece that moves to another line is still a change."""
    before = pages.Page("      Số:  /TB-ĐT                 Đà Nẵng, ngày      tháng 5 năm 2023\n")
    wider = pages.Page("      Số:   /TB-ĐT                Đà Nẵng, ngày      tháng 5 năm 2023\n")
    assert pages.changed_pieces([before], [wider]) == []
    assert pages.changed_pieces([wider], [before]) == []  # a gap closing up joins the pieces back: no change
    wrapped = pages.Page("      Số:                         Đà Nẵng, ngày      tháng 5 năm 2023\n/TB-ĐT\n")
    [(page, pieces, _)] = pages.changed_pieces([before], [wrapped])
    assert page == 1 and ("TB", "ĐT") in pieces


def test_check_marks_fixable_only_what_fix_would_try(tmp_path):
    """FR6-TB01: `check` marked "[sửa được bằng --fix]" corrections --fix then refused. A correction the guards
    refuse before trying (a Nơi nhận punctuation on the signer's line) is not offered; one they allow is."""
    from generator.nd30.fix.guards import promised

    source = report_docx(tmp_path / "bc.docx")
    doc = read_docx(source).value
    signer, item = para(source, "Nguyễn Văn An"), para(source, "- UBND tỉnh;")
    refused = finding("recipients.punctuation", signer.index, Fix("text", signer.index, 14, 14, text=";"))
    allowed = finding("recipients.size", item.index, Fix("format", item.index, 0, len(item.text), size=11.0))
    kept = promised(doc, [refused, allowed])
    assert [f.detail.fixable for f in kept] == [False, True]
    assert [f.text for f in kept] == [refused.text, allowed.text]  # the findings themselves stay


@pytest.mark.parametrize("motto_tab, fits", [(7200, True), (7470, False)])
def test_a_tieu_ngu_on_a_centred_tab_grows_while_it_fits_twice_the_distance_to_the_nearer_edge(tmp_path, no_layout,
                                                                                              motto_tab, fits):
    """"Độc lập - Tự do - Hạnh phúc" at 12 pt centred on a tab stop at 360 pt of a 453,5 pt line: a centred text may
    spread 93,5 pt each side, 187 pt in all, and at 14 pt it is 175 pt wide: made 14 pt, said. At 373,5 pt (160 pt of
    room) it would wrap: left 12 pt, with the reason (fresh mutant f-tab-room-half, batch 8, gave a centred stop
    half that room; it was killed only by an 82-second layout test)."""
    source = report_docx(tmp_path / "bc.docx", motto_tab=motto_tab, motto_size=12)
    report = fix_docx(source, tmp_path / "fixed.docx")
    motto = "Độc lập - Tự do - Hạnh phúc"
    sizes = {x.size_pt for x in para(tmp_path / "fixed.docx", "SỞ NỘI VỤ").runs if x.text == motto}
    said = [str(m) for m in report.changed if motto in str(m)]
    told = [m.text for m in report.refused if motto in m.text]
    if fits:
        assert (sizes, said, told) == ({14.0}, [f"phần 1, đoạn 2: cỡ chữ 14 — “{motto}”"], [])
    else:
        assert (sizes, said) == ({12.0}, []) and len(told) == 1
        assert told[0].startswith(f"ở cỡ 14 “{motto}” không còn vừa chỗ của nó trên dòng")


def _with_appendix(path: Path, *, start: int | None, footer: str = "") -> Path:
    """A one-section Báo cáo (report_docx) followed by an appendix in a section of its own, numbered from `start`
    (None: its pages go on counting), no page header anywhere; `footer`: the text of the appendix's page footer."""
    source = report_docx(path.with_name("base.docx"))
    with zipfile.ZipFile(source) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    xml = parts["word/document.xml"].decode()
    head, tail = xml.rsplit("<w:sectPr", 1)
    first = "<w:sectPr" + tail.split("</w:body>")[0]
    last = sect(start=start)
    if footer:  # the appendix's own
        last = last.replace("<w:sectPr>", '<w:sectPr><w:footerReference w:type="default" r:id="rIdF1"/>', 1)
    appendix = f"<w:p><w:pPr>{first}</w:pPr></w:p>" + "".join([
        p(run("Phụ lục", 14, b=True), ppr='<w:jc w:val="center"/>'),
        p(run("DANH SÁCH CÁC NHIỆM VỤ", 14, b=True), ppr='<w:jc w:val="center"/>'),
        p(run("(Kèm theo Báo cáo số 12/BC-SNV ngày 05 tháng 3 năm 2026 của Sở Nội vụ)", 14, i=True),
          ppr='<w:jc w:val="center"/>'),
        p(run("1. Rà soát thủ tục hành chính.", 14)),
        last])
    parts["word/document.xml"] = (head + appendix + "</w:body></w:document>").encode()
    if footer:
        parts["word/footer_kh.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr xmlns:w="{W[1:-1]}">'
            f'<w:p><w:r><w:t>{footer}</w:t></w:r></w:p></w:ftr>').encode()
        parts["word/_rels/document.xml.rels"] = parts["word/_rels/document.xml.rels"].replace(
            b"</Relationships>", b'<Relationship Id="rIdF1" Type="http://schemas.openxmlformats.org/officeDocument/'
            b'2006/relationships/footer" Target="footer_kh.xml"/></Relationships>')
        parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
            b"</Types>", b'<Override PartName="/word/footer_kh.xml" ContentType="application/vnd.openxmlformats-'
            b'officedocument.wordprocessingml.footer+xml"/></Types>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return path


@pytest.mark.parametrize("start, hidden", [(1, [True, True]), (None, [True, False])])
def test_a_page_number_added_is_not_printed_on_an_appendix_first_page_numbered_from_1(tmp_path, no_layout,
                                                                                       monkeypatch, start, hidden):
    """FR15-QD01: the page number --fix adds to the decision's section is inherited by its appendix, a section
    numbered from 1 of its own that had no number; its first page printed "1" where it printed nothing. Its first
    page shows no number (as before, and as ND30 hides a first page's number); an appendix whose pages go on
    counting keeps showing its number on every page."""
    source = _with_appendix(tmp_path / "bc.docx", start=start)
    inject(monkeypatch, finding("pagenum.missing", 0, Fix("page_number", section=0, page_number_size=13.0)))
    report = fix_docx(source, tmp_path / "fixed.docx")
    assert [s.title_page for s in read_docx(tmp_path / "fixed.docx").value.sections] == hidden
    assert any(m.where == "phần 2" and "trang đầu khác" in m.text for m in report.changed) is hidden[1]


def test_an_appendix_first_page_keeps_its_footer_when_its_number_is_hidden(tmp_path, no_layout, monkeypatch):
    """Hiding the added number on the appendix's first page ("trang đầu khác") would also hide the footer it
    prints there (it has no first-page footer): the appendix is given a page header of its own, empty, so it
    prints as before: its footer, no number."""
    source = _with_appendix(tmp_path / "bc.docx", start=1, footer="Mẫu BM.01")
    inject(monkeypatch, finding("pagenum.missing", 0, Fix("page_number", section=0, page_number_size=13.0)))
    report = fix_docx(source, tmp_path / "fixed.docx")
    fixed = read_docx(tmp_path / "fixed.docx").value
    assert [s.title_page for s in fixed.sections] == [True, False]
    with zipfile.ZipFile(tmp_path / "fixed.docx") as z:
        root = etree.fromstring(z.read("word/document.xml"))
        sects = root.findall(f".//{W}sectPr")
        own = [r for r in sects[1].findall(f"{W}headerReference") if r.get(f"{W}type") == "default"]
        assert len(own) == 1
        rels = etree.fromstring(z.read("word/_rels/document.xml.rels"))
        target = next(x.get("Target") for x in rels if x.get("Id") == own[0].get(
            "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"))
        assert "PAGE" not in z.read("word/" + target).decode()
    assert any(m.where == "phần 2" for m in report.changed)
