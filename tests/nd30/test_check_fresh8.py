"""False findings and misses seen on the eighth fresh set (issue 20, FR8-*: a Sở's and its province's 2023 drafts,
a university's Thông báo and Kế hoạch, a công văn template), each on a small document made here with contents of our
own. The real files are held in tests/real/test_judged_check.py."""
from __future__ import annotations

from generator.nd30.check import check_docx
from generator.nd30.check.base import Checker
from generator.word.model import Document, Paragraph, Run, Section
from generator.nd30.grammar import date_check, number_problems
from tests.nd30.test_check_fresh6 import at, notice, notice_header, tail
from tests.nd30.test_check_fresh9 import tail_with
from tests.nd30.test_check_types import B, CENTER, I, SZ14, body, centred
from tests.word.docx_factory import make_docx, p, r, sect, tbl, tc, tr

LONG = ("Biên bản hoặc giấy chứng nhận giám định y khoa do Hội đồng giám định y khoa có thẩm quyền cấp cho sinh viên "
        "đang theo học tại trường trong năm học này")


def listed(text: str, left: int, first: int = 0) -> str:
    """A list line set off by a left indent (twips) and a first-line indent (negative: hanging)."""
    ind = f'<w:ind w:left="{left}" w:firstLine="{first}"/>' if first >= 0 else \
        f'<w:ind w:left="{left}" w:hanging="{-first}"/>'
    return p(r(text, SZ14), ppr=f'<w:jc w:val="both"/>{ind}<w:spacing w:before="120" w:after="0"/>')


def test_a_wrapped_line_set_in_by_its_left_indent_starts_there(tmp_path):
    """FR8-TB02: "- Biên bản …" over two lines, 20 mm left and no first-line indent, prints 20 mm in; it was told
    "thụt đầu dòng 0,0 mm" and to set a first line (which would push it to 30 mm). Where it starts is said, and
    the left indent to clear; a hanging line hung back to 10 mm from the margin is where ND30 wants it."""
    result = check_docx(notice(tmp_path / "tb.docx", [
        body("Sinh viên nộp các giấy tờ sau:"),
        listed("- " + LONG + ";", 1134),
        listed("- Đơn " + LONG + ";", 1418, -260),
        listed("- Giấy " + LONG + ".", 1134, -567),
        body("Nhà trường thông báo để sinh viên biết và thực hiện./.")]))
    [message] = at(result, "- Biên bản")["body.indent"]
    assert "cách lề trái 20,0 mm" in message and "Left 0" in message
    [message] = at(result, "- Đơn")["body.indent"]
    assert "cách lề trái 20,4 mm (cả đoạn lùi vào 25,0 mm)" in message
    assert "body.indent" not in at(result, "- Giấy")  # 20 mm left hung back 10 mm: its first line is 10 mm in


def test_an_italic_numbered_or_starred_title_is_no_italic_body(tmp_path):
    """FR8-BC01: "2.1. Thực hiện …" in bold italic over its text, and FR8-TTR01: "* Theo quy định tại Thông tư …"
    in italic over the block it introduces, were told to be set upright as running text. A sentence in italic still
    is told, and so is a short unmarked line (FR6-TB01's "Mẫu đơn tại file đính kèm", judged true)."""
    result = check_docx(notice(tmp_path / "tb.docx", [
        body("2. Kết quả thực hiện", B + SZ14),
        body("2.1. Thực hiện các tiêu chí về nông thôn mới", B + I + SZ14),
        body("Đến nay toàn tỉnh đã hoàn thành các tiêu chí về thông tin và truyền thông."),
        body("* Theo quy định tại Thông tư số 03/2023/TT-BTC", I + SZ14),
        body("Các mức chi được xây dựng theo quy định hiện hành của Trung ương."),
        body("2.2. Các xã đã hoàn thành các tiêu chí về thông tin và truyền thông.", I + SZ14),
        body("Mẫu đơn tại file đính kèm", I + SZ14),
        body("Nhà trường thông báo để các đơn vị biết và thực hiện./.")]))
    assert "body.italic" not in at(result, "2.1.")
    assert "body.italic" not in at(result, "* Theo quy định")
    assert "body.italic" in at(result, "2.2.")
    assert "body.italic" in at(result, "Mẫu đơn")


def test_a_recipient_left_open_by_a_comma_goes_on_in_the_next_line(tmp_path):
    """FR8-TTR01: "- Các Sở: Tài chính, Tư pháp," then "Khoa học và Công nghệ;" (a new paragraph, no indent, a capital)
    was told to end with ";" and its second line to start with "-". A line closed by neither is still told."""
    result = check_docx(notice(tmp_path / "tb.docx", [body("Nhà trường thông báo./.")], ending=[tail_with(
        ["- Các khoa;", "- Các Sở: Tài chính, Tư pháp,", "Khoa học và Công nghệ;", "- Phòng Đào tạo", "Phòng Tài vụ;",
         "- Lưu: VT, ĐT."])]))
    assert at(result, "- Các Sở") == {} and at(result, "Khoa học") == {}
    assert "recipients.punctuation" in at(result, "- Phòng Đào tạo")
    assert "recipients.items" in at(result, "Phòng Tài vụ")


def test_a_letters_symbol_may_open_with_a_long_agency_abbreviation():
    """FR8-CV01: a letter's "Số: /STTTT-BCVTCNTT" (a Sở's five-letter abbreviation, capitals, a hyphen) was told to be
    in capitals with hyphens; a type code stays at most four letters in mixed case, and lower case is still told."""
    assert number_problems("Số:      /STTTT-BCVTCNTT", "", "Công văn") == []
    assert number_problems("Số: 12/BTTTT-KHTC", "", "Công văn") == []
    assert number_problems("Số: 12/Stttt-BCVT", "", "Công văn") != []
    assert number_problems("Số: 12/STTTT-BCVT", "BC", "Báo cáo") == ["ký hiệu của Báo cáo bắt đầu bằng “BC-” (đang là "
                                                                      "“STTTT-”)"]


def test_a_date_left_blank_with_dots_is_a_blank():
    """FR8-CV02: a template's "Bắc Ninh, ngày … tháng … năm …" (the blanks of PL III's Mẫu) was told its form; blanks of
    spaces were already read so. A date that is wrong around its blanks still is told."""
    assert date_check("Bắc Ninh, ngày … tháng … năm …").problems == []
    assert date_check("Bắc Ninh, ngày ... tháng ... năm 2023").problems == []
    assert date_check("Bắc Ninh, ngày … tháng 3 năm 2023.").problems != []
    assert date_check("bắc Ninh, ngày … tháng … năm …").problems == ["chữ cái đầu của địa danh phải viết hoa"]


def test_a_page_break_after_the_last_text_opens_only_a_blank_page():
    """FR8-CV02: its last note ends in a page break, so a blank page follows; the break was taken for a second page
    of text and a page number asked. A break with text after it still makes a second page."""
    from generator.nd30.check.pagenum import one_page

    def page(texts: list[str]) -> Checker:
        paras = [Paragraph(index=k, runs=[Run(t, size_pt=13.0)], alignment="both") for k, t in enumerate(texts)]
        return Checker(Document(blocks=paras, sections=[Section(0, page_width_mm=210.0, page_height_mm=297.0,
                                                                margin_top_mm=20.0, margin_bottom_mm=20.0,
                                                                margin_left_mm=30.0, margin_right_mm=15.0)]))

    lines = [f"Dòng thứ {k} của văn bản." for k in range(20)]
    assert one_page(page(lines + ["(3) Tên cơ quan có thẩm quyền giải quyết.\f", "", ""]))
    assert one_page(page(lines + ["Ghi chú.", "\f"]))
    assert not one_page(page(lines + ["Hết trang một.\f", "Trang hai có chữ."]))
    assert not one_page(page(lines + ["Hết trang một.\fTrang hai có chữ."]))


def in_box(*paras: str) -> str:
    """A paragraph anchoring a text box that holds `paras` (w:p elements)."""
    return (f'<w:p><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml" style="width:200pt;height:90pt">'
            f'<v:textbox><w:txbxContent>{"".join(paras)}</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>')


def test_a_signature_in_the_text_box_before_a_boxed_recipients_list_is_the_signature(tmp_path):
    """FR8-TB02: the signer's block and the Nơi nhận are two text boxes at the foot of the page, the signer's first
    in the file: "không thấy … người ký" was reported. Found now, and the boxed Nơi nhận is not told to be "below
    the signature" (where a box prints is its own placing, not the file's order)."""
    sz11, sz12 = '<w:sz w:val="22"/>', '<w:sz w:val="24"/>'
    signer = in_box(centred("HIỆU TRƯỞNG"), centred("(Đã ký)", I + SZ14), centred("Nguyễn Văn An"))
    recipients = in_box(p(r("Nơi nhận:", B + I + sz12)), p(r("- Các khoa;", sz11)), p(r("- Lưu: VT, ĐT.", sz11)))
    result = check_docx(notice(tmp_path / "tb.docx", [body("Nhà trường thông báo để sinh viên biết và thực hiện./.")],
                               ending=[signer, recipients]))
    rules = {f.rule for f in result.findings}
    assert "signer.missing" not in rules and "recipients.position" not in rules, rules
    # the boxed lines are read as the signature: a block with no name under it is told so
    result = check_docx(notice(tmp_path / "caps.docx", [body("Nhà trường thông báo để sinh viên biết./.")], ending=[
        in_box(centred("HIỆU TRƯỞNG"), centred("(Đã ký)", I + SZ14)), recipients]))
    assert "signer.name" in {f.rule for f in result.findings}


def test_the_rule_under_a_wrapped_trich_yeu_is_measured_on_its_longest_line(tmp_path):
    """FR8-BC01: a trích yếu of one paragraph printing on three lines (157, 152 and 95 mm) with a 31 mm rule under
    it: the rule was measured on the last, shorter line and let pass. 1/3–1/2 of the line is of the longest
    (PL I §II.5.b); the leniency for a name wrapped in a narrow cell (FR5-HD01) is the agency's."""
    title = ("Báo cáo tổng kết năm năm 2019-2023 và đề xuất kế hoạch năm 2024-2025 triển khai các nội dung về thông "
             "tin và truyền thông trong Chương trình mục tiêu quốc gia về xây dựng nông thôn mới tại địa phương")

    def told(rule_pt: int) -> bool:
        line = f'<w:r><w:pict><v:line from="0,40pt" to="{rule_pt}pt,40pt"/></w:pict></w:r>'
        path = make_docx(tmp_path / f"bc{rule_pt}.docx", "".join([
            notice_header(), centred("THÔNG BÁO"), p(r(title, B + SZ14), line, ppr=CENTER), p(""),
            body("Nhà trường thông báo để các đơn vị biết./."), tail()]) + sect())
        return "title.rule" in {f.rule for f in check_docx(path).findings}

    assert told(113)  # 40 mm under lines of about 155, 163 and 118 mm: 1/3 of the last one only
    assert not told(200)  # about 70 mm: 0.43 of the longest line


def test_a_bold_muc_title_naming_who_is_granted_is_a_title(tmp_path):
    """FR8-TB02 (missed): "I. Đối tượng được miễn, giảm học phí" in bold and lower case was read as a numbered
    sentence ("được" as its verb), so its case was not told, while "III. Thời gian, …" was. A numbered sentence in
    bold that leads into its list still is no title."""
    result = check_docx(notice(tmp_path / "tb.docx", [
        body("Nhà trường thông báo như sau:"),
        body("I. Đối tượng được miễn, giảm học phí", B + SZ14),
        body("Sinh viên thuộc diện chính sách được miễn học phí theo quy định."),
        body("II. Các khoản chi phí học tập là các khoản sau", B + SZ14),
        body("Nhà trường thông báo để sinh viên biết và thực hiện./.")]))
    assert any("in hoa" in m for m in at(result, "I. Đối tượng").get("heading.style", []))
    assert not any("in hoa" in m for m in at(result, "II. Các khoản").get("heading.style", []))


def test_an_abbreviated_place_in_the_date_line_is_told():
    """FR8-TB02 (missed, as FR3-TB01's "Tp.HCM"): "Tp. Hồ Chí Minh, ngày 12 tháng 5 năm 2020" abbreviates the place,
    which PL I §II.4.a names in full; a place merely starting with those letters is not told."""
    for line in ("Tp. Hồ Chí Minh, ngày 12 tháng 5 năm 2020", "TP.HCM, ngày 12 tháng 5 năm 2020",
                 "Tx. Điện Bàn, ngày 12 tháng 5 năm 2020"):
        assert any("viết đầy đủ" in m for m in date_check(line).problems), line
    assert date_check("Thành phố Hồ Chí Minh, ngày 12 tháng 5 năm 2020").problems == []
    assert date_check("Tuy Hòa, ngày 12 tháng 5 năm 2020").problems == []


def test_a_tm_line_with_no_post_under_it_is_told(tmp_path):
    """FR8-TTR01 (missed): "TM. ỦY BAN NHÂN DÂN" then the blank for the signature, with no "CHỦ TỊCH" line (PL I
    §II.7.a), was not told; only the missing name was. Under "TM. …" with its post it is not told."""
    def told(lines: list[str]) -> bool:
        right = tc("".join(centred(x) for x in lines), width=4600)
        left = tc(p(r("Nơi nhận:", B + I + '<w:sz w:val="24"/>')) + p(r("- Các khoa;", '<w:sz w:val="22"/>'))
                  + p(r("- Lưu: VT, ĐT.", '<w:sz w:val="22"/>')), width=4600)
        result = check_docx(notice(tmp_path / f"tb{len(lines)}.docx", [body("Nhà trường thông báo./.")],
                                   ending=[tbl(tr(left, right), grid=[4600, 4600], style=None)]))
        return any("phải có dòng chức vụ" in f.text for f in result.findings if f.rule == "signer.authority")

    assert told(["TM. HỘI ĐỒNG TRƯỜNG"])
    assert not told(["TM. HỘI ĐỒNG TRƯỜNG", "CHỦ TỊCH", "Nguyễn Văn An"])
