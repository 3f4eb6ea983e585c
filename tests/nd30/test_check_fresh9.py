"""False findings and misses seen on the ninth fresh set (issue 20, FR9-*: Hà Tĩnh reports and plans), each on a
small document made here with contents of our own: appendices labelled "Phụ lục 1: <TÊN>" run into their title; a
"(Kèm theo …)" line naming no issuing body; notes after "- Lưu: …" and beside a recipient are no recipients; a
boxed "DỰ THẢO" is no agency name; a first line placed by tabs starts where Word puts it; "T.M", a signer's post under
his name, a Mục title closed by a colon, a skipped "5.2." and a Tờ trình's "V/v". The real files are held in
tests/real/test_judged_check.py."""
from __future__ import annotations

from generator.nd30.check import check_docx
from generator.nd30.fix import fix_docx
from generator.word.convert import read_word
from tests.nd30.test_check_fresh6 import at, notice, notice_header, plain, tail
from tests.nd30.test_check_types import B, BODY, CENTER, I, SZ14, body, centred
from tests.word.docx_factory import make_docx, p, r, sect, tbl, tc, tr

SZ11 = '<w:sz w:val="22"/>'
ATTACHED = "(Kèm theo Thông báo số 15/TB-ĐHX ngày 02/12/2024 của Trường Đại học XYZ)"


def run_in_appendix(n: int, attached: str = ATTACHED, *, own_section: bool = True) -> list[str]:
    """An appendix labelled "Phụ lục n: TÊN …" on one line, its "(Kèm theo …)" line and a table; the paragraph
    before it closes the previous section (own_section) or only breaks the page."""
    brk = p(r("Hết phần trước."), ppr=sect()) if own_section else p(r("", extra='<w:br w:type="page"/>'))
    return [brk, centred(f"Phụ lục {n}:  KẾT QUẢ THỰC HIỆN CHỈ TIÊU SỐ {n}"), p(r(attached, I + SZ14), ppr=CENTER),
            tbl(tr(tc(plain("1")), tc(plain("Chỉ tiêu"))), grid=[2000, 2000])]


def test_run_in_arabic_appendix_labels_are_appendices(tmp_path):
    """FR9-BC02: four of five appendices labelled "Phụ lục 1: KẾT QUẢ …" (run into the title, an Arabic number)
    were not seen at all: no label, page-number or "(Kèm theo …)" finding; each is one now, its label told."""
    ending = [tail()] + run_in_appendix(1) + run_in_appendix(2) + run_in_appendix(3, own_section=False)
    result = check_docx(notice(tmp_path / "tb.docx", [body("Nhà trường gửi kèm các phụ lục./.")], ending=ending,
                               numbered=True))
    for n, roman in ((1, "I"), (2, "II"), (3, "III")):
        found = at(result, f"Phụ lục {n}:")
        assert any(f"gõ “Phụ lục {roman}” thành một dòng riêng" in m for m in found["appendix.label"]), found
    assert "appendix.page-numbers" in at(result, "Phụ lục 1:")  # its own section, numbering carried on
    assert "appendix.page-numbers" in at(result, "Phụ lục 2:")
    assert "appendix.section" in at(result, "Phụ lục 3:")  # shares Phụ lục 2's section
    # a sentence of the body naming an appendix is no label
    result = check_docx(notice(tmp_path / "body.docx", [body("Phụ lục 1: KẾT QUẢ THỰC HIỆN được gửi kèm theo./.")]))
    assert not any(f.rule.startswith("appendix.") for f in result.findings)


def test_fix_restarts_the_page_numbers_of_each_run_in_appendix(tmp_path):
    """FR9-BC02: --fix restarted only the appendix it saw; each appendix in a section of its own restarts at 1."""
    ending = [tail()] + run_in_appendix(1) + run_in_appendix(2)
    source = notice(tmp_path / "tb.docx", [body("Nhà trường gửi kèm các phụ lục./.")], ending=ending)
    fix_docx(source, tmp_path / "fixed.docx")
    doc = read_word(tmp_path / "fixed.docx").value
    assert [s.page_number_start for s in doc.sections][1:] == [1, 1]


def test_attached_line_names_its_issuing_body(tmp_path):
    """FR9-BC02: "(Kèm theo Báo cáo /BC-STTTT ngày /01/2017)" names no issuing body after "của" (Mẫu 2.1)."""
    def told(line: str) -> bool:
        ending = [tail()] + run_in_appendix(1, line)
        result = check_docx(notice(tmp_path / "tb.docx", [body("Nhà trường gửi kèm phụ lục./.")], ending=ending))
        return any("cơ quan ban hành" in f.text for f in result.findings if f.rule == "appendix.attached")

    assert told("(Kèm theo Thông báo số 15/TB-ĐHX ngày 02/12/2024)")
    assert not told(ATTACHED)


def tail_with(lines: list[str]) -> str:
    left = tc(p(r("Nơi nhận:", B + I + '<w:sz w:val="24"/>')) + "".join(p(r(x, SZ11)) for x in lines), width=4600)
    right = tc(centred("KT. HIỆU TRƯỞNG") + centred("PHÓ HIỆU TRƯỞNG") + centred("Nguyễn Văn An"), width=4600)
    return tbl(tr(left, right), grid=[4600, 4600], style=None)


def test_notes_after_the_archive_line_and_beside_an_item_are_no_recipients(tmp_path):
    """FR9-KH01: "Gửi: VB điện tử và VB giấy." after "- Lưu: …" was told to start with "-", the Lưu line to end in
    ";", and "Báo cáo" typed beside a recipient after a gap to end in ";" (--fix appended it). The Lưu line still
    ends the list: the note after it is told there, and "VT/UBND" is not the form "VT, <đơn vị>"."""
    source = notice(tmp_path / "tb.docx", [body("Nhà trường thông báo./.")], ending=[tail_with(
        ["- Các khoa;", "- Sở Tài chính, Sở Nội vụ;       Báo cáo", "- Lưu: VT/ĐT.", "Gửi: VB điện tử và VB giấy."])])
    result = check_docx(source)
    assert at(result, "Gửi: VB") == {}
    assert "recipients.punctuation" not in at(result, "- Sở Tài chính")
    archive = at(result, "- Lưu")
    assert "recipients.punctuation" not in archive
    assert any("dòng cuối cùng" in m for m in archive["recipients.archive"])
    assert any("phải có dạng" in m for m in archive["recipients.archive"])
    fix_docx(source, tmp_path / "fixed.docx")
    texts = [q.text for q in read_word(tmp_path / "fixed.docx").value.paragraphs()]
    assert "- Sở Tài chính, Sở Nội vụ;       Báo cáo" in texts and "Gửi: VB điện tử và VB giấy." in texts


def boxed(text: str) -> str:
    """A paragraph anchoring a text box that holds `text` (a draft's "DỰ THẢO" mark)."""
    box = (f'<w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml" style="width:80pt;height:24pt">'
           f'<v:textbox><w:txbxContent><w:p><w:pPr>{CENTER}</w:pPr><w:r><w:rPr>{B}{SZ14}</w:rPr><w:t>{text}</w:t>'
           '</w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>')
    return f"<w:p><w:pPr>{CENTER}</w:pPr>{box}</w:p>"


def test_a_boxed_draft_mark_is_not_the_agency_name(tmp_path):
    """FR9-KH02: a boxed "DỰ THẢO" above the type line was read as the agency name: a rule asked under it, its
    14 pt told to be 12–13 (and --fix shrank it)."""
    path = make_docx(tmp_path / "tb.docx", "".join([notice_header(), boxed("DỰ THẢO"), centred("THÔNG BÁO"),
                             centred("Về việc phân công giáo viên chủ nhiệm"), p(""),
                             body("Nhà trường thông báo./."), tail()]) + sect())
    result = check_docx(path)
    assert [f for f in result.findings if f.excerpt.startswith("DỰ THẢO")] == []


def test_a_first_line_placed_with_tabs_starts_where_word_puts_it(tmp_path):
    """FR9-KH02: " \\t1.3. …" (a space, then a tab to the 35.45 pt stop) was read as 0 mm where 12.5 mm prints;
    FR9-BC01: "\\t\\t- …" with stops at 40.5 pt (left) and 232.45 pt (centre) was stated 82 mm: the long text after
    the second tab cannot centre there and starts where the tab began, 14.3 mm in."""
    tabs = '<w:tabs><w:tab w:val="left" w:pos="709"/><w:tab w:val="left" w:pos="993"/></w:tabs>'
    two = '<w:tabs><w:tab w:val="left" w:pos="810"/><w:tab w:val="center" w:pos="4649"/></w:tabs>'
    plain_body = '<w:jc w:val="both"/><w:spacing w:before="120" w:after="0"/>'
    text = "Tăng cường chỉ đạo công tác thông tin, tuyên truyền về ứng dụng công nghệ thông tin trong cơ quan nhà nước."
    result = check_docx(notice(tmp_path / "tb.docx", [
        body("Nhà trường thông báo như sau:"),
        p(r(" \t" + text, SZ14), ppr=tabs + plain_body),
        p(r("\t\t- " + text, SZ14), ppr=two + plain_body),
        body("Thông báo này có hiệu lực kể từ ngày ký./.")]))
    assert "body.indent" not in at(result, "Tăng cường")  # 12.5 mm: 1.25 cm within what ND30 allows
    [message] = at(result, "- Tăng cường")["body.indent"]
    assert "14,3 mm" in message


def signer_tail(lines: list[str]) -> str:
    left = tc(p(r("Nơi nhận:", B + I + '<w:sz w:val="24"/>')) + p(r("- Các khoa;", SZ11))
              + p(r("- Lưu: VT, ĐT.", SZ11)), width=4600)
    right = tc("".join(centred(x) for x in lines), width=4600)
    return tbl(tr(left, right), grid=[4600, 4600], style=None)


def test_signer_block_faults(tmp_path):
    """FR9-BC01, FR9-KH02: "T.M BAN CHỈ ĐẠO" (for "TM.") and the signer's post printed under his name were not told;
    a block ending with the name is fine."""
    result = check_docx(notice(tmp_path / "tb.docx", [body("Nhà trường thông báo./.")], ending=[signer_tail(
        ["T.M BAN CHỈ ĐẠO", "CƠ QUAN THƯỜNG TRỰC", "Phan Văn An", "GIÁM ĐỐC SỞ"])]))
    assert "signer.authority" in at(result, "T.M BAN")
    assert any("dưới họ tên" in m for m in at(result, "GIÁM ĐỐC SỞ")["signer.name"])
    result = check_docx(notice(tmp_path / "ok.docx", [body("Nhà trường thông báo./.")], ending=[signer_tail(
        ["TM. BAN CHỈ ĐẠO", "TRƯỞNG BAN", "Phan Văn An"])]))
    assert not any(f.rule.startswith("signer.") for f in result.findings)


def test_muc_titles_and_decimal_items(tmp_path):
    """FR9-BC01: a bold Mục title in lower case closed by a colon, or over 150 characters, was not told to be in
    capitals; FR9-BC02: "5.3." after "5.1." (5.2 skipped) was not told."""
    bold = B + SZ14
    long = "III. Đánh giá việc thực hiện " + "các nội dung của kế hoạch ứng dụng công nghệ thông tin " * 3
    result = check_docx(notice(tmp_path / "tb.docx", [
        p(r("I. Hoạt động của Ban chỉ đạo và Tổ giúp việc:", bold), ppr=BODY),
        body("Ban chỉ đạo đã họp định kỳ."),
        p(r("II. KẾT QUẢ", bold), ppr=BODY), body("Kết quả đạt được như sau."),
        p(r(long, bold), ppr=BODY), body("Việc thực hiện đạt yêu cầu."),
        p(r("1. Điều chỉnh quy hoạch", bold), ppr=BODY),
        body("5.1. Điều chỉnh, xây dựng các quy hoạch."), body("5.3. Giữ nguyên các quy hoạch còn lại./.")]))
    assert "heading.style" in at(result, "I. Hoạt động")
    assert "heading.style" in at(result, "III. Đánh giá")
    assert any("“5.2.”" in m for m in at(result, "5.3.")["heading.sequence"])
    assert "heading.sequence" not in at(result, "5.1.")


def test_a_to_trinh_subject_does_not_open_with_vv(tmp_path):
    """FR9-TTR01: a Tờ trình's trích yếu "V/v đề nghị …" (a công văn's form) was not told."""
    def findings(subject: str) -> dict:
        path = make_docx(tmp_path / "ttr.docx", "".join([
            notice_header(number="Số: 15/TTr-ĐHX"),
            centred("TỜ TRÌNH"), centred(subject), p(""), body("Nhà trường kính trình phê duyệt./."), tail()]) + sect())
        return at(check_docx(path), subject[:10])

    assert any("V/v" in m for m in findings("V/v đề nghị phê duyệt dự án").get("title.style", []))
    assert not any("V/v" in m for m in findings("Đề nghị phê duyệt dự án").get("title.style", []))


def test_a_quoc_hieu_as_wide_as_its_cell_prints_centred(tmp_path):
    """FR9-BC01: the bold 13 pt Quốc hiệu with no alignment in a cell about 5% narrower than the width table gives it
    prints on one line filling the cell: "Quốc hiệu phải canh giữa" was told. A short line at the left still is."""
    def national_style(text: str) -> list[str]:
        left = tc(plain("UBND TỈNH HÀ TĨNH") + plain("BAN CHỈ ĐẠO CNTT", B + '<w:sz w:val="26"/>', CENTER)
                  + plain("Số: 15/BC-BCĐ", '<w:sz w:val="26"/>', CENTER), width=3900)
        right = tc(plain(text, B + '<w:sz w:val="26"/>') + plain("Độc lập - Tự do - Hạnh phúc", B + SZ14, CENTER)
                   + plain("Hà Tĩnh, ngày 02 tháng 12 năm 2024", I + SZ14, CENTER), width=5400)
        path = make_docx(tmp_path / "bc.docx", "".join([
            tbl(tr(left, right), grid=[3900, 5400], style=None), centred("BÁO CÁO"), centred("Tổng kết năm 2024"),
            p(""), body("Ban Chỉ đạo báo cáo như sau./."), tail()]) + sect())
        return [f.text for f in check_docx(path).findings if f.rule == "national.style"]

    assert not any("canh giữa" in m for m in national_style("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))


def test_a_note_under_the_signature_table_is_no_recipient(tmp_path):
    """The same family as FR9-KH01's "Gửi: …": a "Ghi chú: …" paragraph under the Nơi nhận and signature table was read
    as a further recipient, and "- Lưu: …" told to move down below it."""
    result = check_docx(notice(tmp_path / "tb.docx", [body("Nhà trường thông báo./.")], ending=[
        signer_tail(["TM. BAN CHỈ ĐẠO", "TRƯỞNG BAN", "Phan Văn An"]),
        p(r("Ghi chú: Gửi bản điện tử qua hệ thống quản lý văn bản."))]))
    assert not any(f.rule.startswith("recipients.") for f in result.findings), result.findings
