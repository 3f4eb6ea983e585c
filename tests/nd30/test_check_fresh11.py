"""False findings and misses seen on the eleventh fresh set (issue 20, FR11-*: a university faculty's Thông báo, a
"Giấy đề nghị" typed as a công văn, a ceremony's Chương trình), each on a small document made here with contents of
our own: a headline "THÔNG BÁO …" under a faculty's header with no number; Kính gửi recipients in a bulleted Word
list; signing captions set side by side with tabs; "(V/v …)" under a made-up type line; a letter opening with
"Căn cứ …"; content that ends in a table; a one-page document whose header sits in floating text boxes. The real
files are held in tests/real/test_judged_check.py; the --fix harms in tests/word/test_fix_boxes.py and
tests/word/test_fix_damage.py."""
from __future__ import annotations

from generator.nd30.check import check_docx
from generator.nd30.doctypes import identify
from tests.nd30.test_check_fresh6 import at, notice
from tests.nd30.test_check_types import B, CENTER, I, SZ14, body, centred, header, tail
from tests.word.docx_factory import abstract, lvl, make_docx, num, numbering_xml, p, r, sect, tbl, tc, tr

BODY_PPR = '<w:jc w:val="both"/><w:spacing w:before="120" w:after="0"/>'
FACULTY = ["TRƯỜNG ĐẠI HỌC XYZ", "KHOA CÔNG NGHỆ THÔNG TIN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
           "Độc lập - Tự do - Hạnh phúc"]


def test_a_headline_notice_under_a_faculty_header_is_an_nd30_notice():
    """FR11-TB02: "THÔNG BÁO NỘP BÁO CÁO THỰC TẬP" under the faculty's name and the Quốc hiệu, with no number and no
    date, was refused as not ND30; its missing number is a fault of a Thông báo."""
    found = identify(FACULTY + ["THÔNG BÁO NỘP BÁO CÁO THỰC TẬP", "(KHÓA 05 VÀ 15)", "Nội dung báo cáo:"])
    assert found.governed and found.type.words == "Thông báo" and found.line == "THÔNG BÁO NỘP BÁO CÁO THỰC TẬP"


def test_headlines_that_are_no_nd30_document_stay_refused():
    """An official's weekly paper under his section's field of work (FR3-BC02), a programme joined to its cost
    estimate (FR9-CTR01), a working record under the Quốc hiệu alone (FR11-BB01)."""
    weekly = identify(["PHÒNG VĂN HÓA - XÃ HỘI", "CẢI CÁCH HÀNH CHÍNH, KHOA HỌC CÔNG NGHỆ", *FACULTY[2:],
                       "BÁO CÁO CÔNG TÁC TUẦN 02 THÁNG 6 NĂM 2026"])
    joined = identify(["SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "TRUNG TÂM CÔNG NGHỆ THÔNG TIN", *FACULTY[2:],
                       "CHƯƠNG TRÌNH VÀ DỰ TOÁN KINH PHÍ ĐÀO TẠO"])
    record = identify(FACULTY[2:] + ["Gia Lai, ngày 20 tháng 9 năm 2012", "BIÊN BẢN LÀM VIỆC"])
    assert not weekly.governed and not joined.governed and not record.governed


def test_the_headline_is_the_type_line_and_its_subject_is_told_to_go_under_it(tmp_path):
    head = tbl(tr(tc(centred("TRƯỜNG ĐẠI HỌC XYZ", '<w:sz w:val="24"/>') + centred("KHOA CÔNG NGHỆ THÔNG TIN"),
                     width=4600),
                  tc(centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", B + '<w:sz w:val="26"/>')
                     + centred("Độc lập - Tự do - Hạnh phúc"), width=4600)), grid=[4600, 4600], style=None)
    source = make_docx(tmp_path / "tb.docx", head + centred("THÔNG BÁO NỘP BÁO CÁO THỰC TẬP", B + '<w:sz w:val="36"/>')
                       + centred("(KHÓA 05 VÀ 15)", B + '<w:sz w:val="36"/>')
                       + body("Sinh viên nộp báo cáo thực tập tại văn phòng khoa trước ngày 25/5./.") + tail("TM. KHOA")
                       + sect())
    result = check_docx(source)
    headline = at(result, "THÔNG BÁO NỘP")
    assert "title.missing" in headline and "doctype.size" in headline and "doctype.missing" not in headline
    assert {"number.missing", "date.missing"} <= {f.rule for f in result.findings}
    assert not at(result, "(KHÓA 05")  # the headline's second line is not body text


BULLETS = numbering_xml([abstract(1, [lvl(0, "bullet", "-", left=1800, hanging=360)])], [num(1, 1)])


def letter(path, blocks: list[str]):
    return make_docx(path, header("Số: 06/UBND-VP") + "".join(blocks) + sect(), numbering=BULLETS)


def bullet(text: str) -> str:
    return p(r(text, SZ14), ppr='<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:jc w:val="both"/>')


def test_bulleted_recipients_and_tabbed_captions_are_no_body_GDN01(tmp_path):
    """FR11-GDN01: the two "Kính gửi" recipients in a bulleted list were told their indent; the row of signing
    captions ("Khoa … / Khoa … / Người đề nghị", set with tabs) was the last body paragraph: "./." was asked
    after it, not after "Trân trọng cảm ơn."; "(V/v mời giảng)" under a made-up type line was not seen as the
    trích yếu; the letter's opening "Căn cứ …" sentence was told to be italic (a letter has no căn cứ block)."""
    captions = p(r("\tKhoa Quản lý môn học\tKhoa Kế toán\tNgười đề nghị", SZ14),
                 ppr='<w:tabs><w:tab w:val="center" w:pos="1400"/><w:tab w:val="center" w:pos="5300"/>'
                     '<w:tab w:val="center" w:pos="8100"/></w:tabs><w:jc w:val="both"/>')
    source = letter(tmp_path / "cv.docx", [
        centred("GIẤY ĐỀ NGHỊ"), centred("(V/v mời giảng)", I + '<w:sz w:val="26"/>'),
        p(r("Kính gửi:", SZ14), ppr='<w:ind w:firstLine="720"/>'), bullet("Khoa Lý luận chính trị"),
        bullet("Khoa Khoa học cơ bản"),
        body("Căn cứ vào kế hoạch đào tạo học kỳ hè năm học 2015-2016.", SZ14),
        body("Khoa đề nghị hai khoa hỗ trợ phân công giảng dạy các học phần hè.", SZ14),
        body("Trân trọng cảm ơn.", SZ14), captions,
        p(r("Nơi nhận:", B + I + '<w:sz w:val="24"/>')), p(r("- Như trên;", '<w:sz w:val="22"/>')),
        p(r("- Lưu: VT, KCNTT.", '<w:sz w:val="22"/>'))])
    result = check_docx(source)
    assert not at(result, "Khoa Lý luận") and not at(result, "Khoa Khoa học")
    assert not at(result, "Khoa Quản lý môn học")
    assert "closing.mark" in at(result, "Trân trọng cảm ơn")
    assert "title.missing" not in {f.rule for f in result.findings}
    assert "body.bases" not in at(result, "Căn cứ vào kế hoạch")


def test_content_that_ends_in_a_table_is_closed_after_the_table_CTR01(tmp_path):
    """FR11-CTR01: "./." was asked after "Nội dung chương trình", the lead line of the programme's table; the
    content ends with the table's last row."""
    table = tbl(tr(tc(body("TT")), tc(body("Nội dung")), tc(body("Thời gian"))),
                tr(tc(body("1")), tc(body("Khai mạc")), tc(body("8h00"))),
                tr(tc(body("2")), tc(body("Bế mạc")), tc(body("10h30"))), grid=[1000, 5000, 3000])
    result = check_docx(notice(tmp_path / "ctr.docx", [body("Nội dung chương trình"), table]))
    assert "closing.mark" not in at(result, "Nội dung chương trình")
    assert "closing.mark" in at(result, "10h30")
    closed = tbl(tr(tc(body("TT")), tc(body("Nội dung"))), tr(tc(body("1")), tc(body("Bế mạc./."))),
                 grid=[1000, 8000])
    assert "closing.mark" not in {f.rule for f in check_docx(notice(tmp_path / "ok.docx", [
        body("Nội dung chương trình"), closed])).findings}


def test_a_space_before_the_colon_of_the_number_is_told_TB01(tmp_path):
    """FR11-TB01: "Số : 09/TB-KCNTT". (Its date printed 3 mm under the Số line in the same header row is left: the
    lines' heights in a cell are estimated too roughly to tell it from level lines, see tests/real/README.md.)"""
    from tests.nd30.test_check_fresh6 import notice_header

    blocks = [body("Nhà trường thông báo./.")]
    spaced = check_docx(notice(tmp_path / "a.docx", blocks, header=notice_header(number="Số : 15/TB-ĐHX")))
    assert any("trước dấu hai chấm" in m for m in at(spaced, "Số :").get("number.form", []))
    level = check_docx(notice(tmp_path / "b.docx", blocks, header=notice_header()))
    assert "number.form" not in at(level, "Số:")


def test_a_collective_body_signing_by_its_name_alone_is_told_TM_CTR01(tmp_path):
    """FR11-CTR01 signed "BAN TỔ CHỨC" alone: ND30 writes "TM." before a collective's name and the post under it."""
    def ending(*lines: str) -> str:
        left = tc(p(r("Nơi nhận:", B + I + '<w:sz w:val="24"/>')) + p(r("- Lưu: VT, ĐT.", '<w:sz w:val="22"/>')),
                  width=4600)
        return tbl(tr(left, tc("".join(centred(x) for x in lines), width=4600)), grid=[4600, 4600], style=None)

    alone = check_docx(notice(tmp_path / "a.docx", [body("Nhà trường thông báo./.")], ending=[ending("BAN TỔ CHỨC")]))
    assert any("TM." in m for m in at(alone, "BAN TỔ CHỨC").get("signer.missing", []))  # nobody signs: told once
    named = check_docx(notice(tmp_path / "n.docx", [body("Nhà trường thông báo./.")],
                              ending=[ending("BAN TỔ CHỨC", "Nguyễn Văn An")]))
    assert any("tên tập thể" in m for m in at(named, "BAN TỔ CHỨC").get("signer.authority", []))
    signed = check_docx(notice(tmp_path / "b.docx", [body("Nhà trường thông báo./.")],
                               ending=[ending("TM. BAN TỔ CHỨC", "TRƯỞNG BAN", "Nguyễn Văn An")]))
    assert not any("tên tập thể" in f.text for f in signed.findings)


def test_points_numbered_a_dot_by_a_word_list_are_told_TB02(tmp_path):
    """FR11-TB02's điểm were a Word list numbered "a.", "b.", "c.": ND30 writes "a)", "b)", "c)"."""
    letters = numbering_xml([abstract(1, [lvl(0, "lowerLetter", "%1.", left=720, hanging=360)])], [num(1, 1)])
    point = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>' + BODY_PPR
    source = make_docx(tmp_path / "tb.docx", "".join([
        header("Số: 12/TB-UBND"), centred("THÔNG BÁO"), centred("Về việc nộp báo cáo"),
        body("Sinh viên nộp báo cáo theo các cách sau:"), p(r("Nộp tại văn phòng khoa;", SZ14), ppr=point),
        p(r("Nộp qua thư điện tử./.", SZ14), ppr=point), tail("TM. ỦY BAN NHÂN DÂN")]) + sect(), numbering=letters)
    assert any("“a.”" in m for m in at(check_docx(source), "Nộp tại văn phòng").get("heading.numbering", []))


def test_a_made_up_type_line_over_a_letters_v_v_is_told_GDN01(tmp_path):
    """FR11-GDN01 (left open by fix11, fixed by fix12): "GIẤY ĐỀ NGHỊ" in 19 pt bold over "(V/v mời giảng)" is a type
    line the công văn gave itself; no type of Điều 7, and a công văn has none (Mẫu 1.5). A centred line in lower case
    there is not told."""
    def made_up(name: str, line: str) -> dict[str, list[str]]:
        source = letter(tmp_path / name, [centred(line, B + '<w:sz w:val="38"/>'),
                                          centred("(V/v mời giảng)", I + '<w:sz w:val="26"/>'),
                                          p(r("Kính gửi: Khoa Lý luận chính trị.", SZ14)),
                                          body("Khoa đề nghị hỗ trợ phân công giảng dạy các học phần hè./.", SZ14),
                                          p(r("Nơi nhận:", B + I + '<w:sz w:val="24"/>')),
                                          p(r("- Như trên;", '<w:sz w:val="22"/>')),
                                          p(r("- Lưu: VT, KCNTT.", '<w:sz w:val="22"/>'))])
        return at(check_docx(source), line[:10])
    [told] = made_up("gdn.docx", "GIẤY ĐỀ NGHỊ")["doctype.size"]
    assert "công văn không có dòng tên loại" in told and "cỡ chữ 19" in told
    assert "doctype.size" not in made_up("lower.docx", "Giấy đề nghị")
