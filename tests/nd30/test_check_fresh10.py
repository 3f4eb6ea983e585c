"""False findings, misses and --fix damage seen on the tenth fresh set (issue 20, FR10-*: Hà Tĩnh plans, decisions, a
Công điện, a Thông cáo báo chí, a Chương trình công tác), each on a small document made here with contents of our own:
"- Gửi:" and "+ Bản …" lines after "- Lưu"; "1.Vị trí", "Điều 1.Công nhận", "Điểu 18" and a khoản run on into the
one before; one-line paragraphs set left; a Công điện's "… điện:" address; a type line with a qualifier ("KẾ HOẠCH
HÀNH ĐỘNG", "THÔNG CÁO BÁO CHÍ") without a number; TCVN3 text in a ".VnTime" font. The real files are held in
tests/real/test_judged_check.py."""
from __future__ import annotations

from generator.nd30.check import check_docx
from generator.nd30.doctypes import identify
from generator.nd30.fix import fix_docx
from generator.word.convert import read_word
from tests.nd30.test_check_fresh6 import at, notice
from tests.nd30.test_check_fresh9 import tail_with
from tests.nd30.test_check_types import B, CENTER, I, SZ14, body, centred, header, tail
from tests.word.docx_factory import make_docx, p, r, sect

LEFT = '<w:jc w:val="left"/><w:ind w:firstLine="567"/><w:spacing w:before="120" w:after="0"/>'


def test_transmission_lines_after_the_archive_line_are_no_recipients(tmp_path):
    """FR10-KH01, FR10-CD01: "- Gửi:" and "+ Bản giấy/ĐT: …" after "- Lưu: VT, KGVX1." made the Lưu line end in
    ";" and the "+" lines start with "-". They are how the copies go out: the Lưu line still ends the list with
    "." and is told to be last; "- Lưu: VT, XD;" there is told to end with "." (FR10-QD01)."""
    def check(lines):
        return check_docx(notice(tmp_path / "tb.docx", [body("Nhà trường thông báo./.")], ending=[tail_with(lines)]))

    result = check(["- Các khoa;", "- Lưu: VT, ĐT.", "- Gửi:", "+ Bản giấy: Thành phần không nhận điện tử;",
                    "+ Bản ĐT: Các thành phần khác."])
    assert "recipients.punctuation" not in at(result, "- Lưu")
    assert "recipients.archive" in at(result, "- Lưu")
    assert at(result, "+ Bản") == {} and at(result, "- Gửi") == {}
    result = check(["- Các khoa;", "- Lưu: VT, ĐT;", "- Gửi: VB giấy và điện tử."])
    assert any("“.”" in m for m in at(result, "- Lưu").get("recipients.punctuation", []))


def test_a_note_after_the_items_mark_moves_the_mark_after_it(tmp_path):
    """FR10-CTR01: "- Các Tổ CV/VP; (để theo dõi)" was fixed to "…; (để theo dõi);"; the mark goes after the note."""
    source = notice(tmp_path / "tb.docx", [body("Nhà trường thông báo./.")],
                    ending=[tail_with(["- Các Tổ CV/VP; (để theo dõi)", "- Lưu: VT, ĐT."])])
    fix_docx(source, tmp_path / "fixed.docx")
    texts = [q.text for q in read_word(tmp_path / "fixed.docx").value.paragraphs()]
    assert "- Các Tổ CV/VP (để theo dõi);" in texts, texts


def decision(path, lines: list[str]):
    blocks = [header("Số: 12/QĐ-UBND"), centred("QUYẾT ĐỊNH"), centred("Về việc bảo vệ môi trường"),
              centred("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"),
              body("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;", I + SZ14),
              body("Theo đề nghị của Giám đốc Sở Nội vụ.", I + SZ14), centred("QUYẾT ĐỊNH:")]
    blocks += [body(x) for x in lines] + [body("Quyết định này có hiệu lực kể từ ngày ký./."), tail("TM. ỦY BAN NHÂN DÂN")]
    return make_docx(path, "".join(blocks) + sect())


def test_numbers_typed_without_a_space_and_a_misspelt_dieu_keep_the_sequence(tmp_path):
    """FR10-QD01/QD02: "Điều 1.Công nhận", "1.Vị trí", "Điểu 18." and "… có.4. Phải có …" (a khoản run on into the
    one before) were not read as numbered, so the next number was said to skip and would be renumbered wrong."""
    result = check_docx(decision(tmp_path / "qd.docx", [
        "Điều 1.Công nhận đô thị loại V.", "Điều 2. Yêu cầu về vị trí", "1.Vị trí phải phù hợp quy hoạch.",
        "2. Vị trí phải có nguồn nước sạch.", "3. Cơ sở phải có hàng rào.4. Phải có nơi chứa chất thải.",
        "5. Không được phép xả thải.", "Điểu 3. Bảo vệ môi trường trong nuôi trồng", "1. Hoạt động nuôi trồng.",
        "Điều 4. Tổ chức thực hiện", "1. Các sở thực hiện.", "3. Các huyện thực hiện."]))
    sequence = [(f.excerpt, f.text) for f in result.findings if f.rule == "heading.sequence"]
    assert [e[:2] for e, _ in sequence] == ["3."], sequence  # the true skip is still told


def test_a_one_line_paragraph_set_left_prints_as_justified(tmp_path):
    """FR10-KH01/QD02: one-line paragraphs set left were asked to be justified; a line that does not wrap prints
    the same. A left paragraph that wraps is still told."""
    result = check_docx(notice(tmp_path / "tb.docx", [
        p(r("- Ngân sách tỉnh: 2.476,5 triệu đồng;", SZ14), ppr=LEFT),
        p(r("Nhà trường đề nghị các khoa, phòng và trung tâm trực thuộc rà soát danh sách giáo viên chủ nhiệm, "
            "báo cáo về Phòng Đào tạo trước ngày 15 tháng 12 năm 2024 để tổng hợp./.", SZ14), ppr=LEFT)]))
    assert "body.justify" not in at(result, "- Ngân sách")
    assert "body.justify" in at(result, "Nhà trường đề nghị")


def test_a_cong_dien_address_and_its_recipients_are_no_body(tmp_path):
    """FR10-CD01: "CHỦ TỊCH UỶ BAN NHÂN DÂN TỈNH điện:" and the indented "- Thủ trưởng …" lines under it (Mẫu 1.8)
    were read as body paragraphs and asked for indent, justification and spacing."""
    ind = '<w:ind w:left="1440"/>'
    blocks = [header("Số: 05/CĐ-UBND"), centred("CÔNG ĐIỆN"), centred("Về việc bảo đảm trật tự an toàn giao thông"),
              p(""), centred("CHỦ TỊCH UỶ BAN NHÂN DÂN TỈNH điện:", SZ14), p(""),
              p(r("- Thủ trưởng các Sở, ban, ngành cấp tỉnh;", SZ14), ppr=ind),
              p(r("- Chủ tịch UBND các huyện, thành phố.", SZ14), ppr=ind),
              body("Để bảo đảm trật tự an toàn giao thông, Chủ tịch UBND tỉnh yêu cầu các đơn vị thực hiện./."),
              tail("KT. CHỦ TỊCH")]
    result = check_docx(make_docx(tmp_path / "cd.docx", "".join(blocks) + sect()))
    assert at(result, "CHỦ TỊCH UỶ BAN") == {} and at(result, "- Thủ trưởng") == {} and at(result, "- Chủ tịch UBND") == {}


def test_a_type_line_with_a_qualifier_is_the_type_line_even_without_a_number():
    """FR10-TC01/CTR01: "THÔNG CÁO BÁO CHÍ", "CHƯƠNG TRÌNH CÔNG TÁC THÁNG 3 NĂM 2018" with no number were refused as
    not ND30; "BÁO CÁO CÔNG TÁC TUẦN …" of one official's own paper (FR3-BC02) still is."""
    head = ["ỦY BAN NHÂN DÂN", "TỈNH HÀ TĨNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert identify(head + ["THÔNG CÁO BÁO CHÍ", "Về khắc phục hậu quả bão"]).type.abbr == "TC"
    assert identify(head + ["CHƯƠNG TRÌNH CÔNG TÁC THÁNG 3 NĂM 2018", "CỦA ỦY BAN NHÂN DÂN TỈNH"]).type.abbr == "CTr"
    # FR3-BC02's header names a section and the official's field of work, no issuer (since FR11-TB02, a headline under
    # an agency block that names its issuer and the Quốc hiệu is an ND30 document: tests/nd30/test_check_fresh11.py)
    weekly = identify(["PHÒNG VĂN HÓA - XÃ HỘI", "CẢI CÁCH HÀNH CHÍNH, KHOA HỌC CÔNG NGHỆ"] + head[2:]
                      + ["BÁO CÁO CÔNG TÁC TUẦN 02 THÁNG 6 NĂM 2026"])
    assert not weekly.governed and "không có số, ký hiệu và tên loại" not in weekly.sentence()
    assert "BÁO CÁO CÔNG TÁC TUẦN" in weekly.sentence()


def test_a_plan_with_a_qualified_type_line_has_its_type_line_and_trich_yeu(tmp_path):
    """FR10-KH02: "KẾ HOẠCH HÀNH ĐỘNG" was not found as the type line: "không thấy dòng tên loại" and the centred
    bold trích yếu read as a body paragraph."""
    blocks = [header("Số: 122/KH-UBND"), centred("KẾ HOẠCH HÀNH ĐỘNG"),
              centred("Thực hiện Nghị quyết số 05-NQ/TU về tăng cường lãnh đạo công tác bảo vệ môi trường"), p(""),
              body("Ủy ban nhân dân tỉnh ban hành Kế hoạch hành động như sau./."), tail("TM. ỦY BAN NHÂN DÂN")]
    result = check_docx(make_docx(tmp_path / "kh.docx", "".join(blocks) + sect()))
    assert not [f for f in result.findings if f.rule in ("doctype.missing", "doctype.style")]
    assert not [rule for rule in at(result, "Thực hiện Nghị quyết") if rule.startswith("body.")]


def test_fix_leaves_tcvn3_text_in_its_vn_font_and_says_to_convert_it(tmp_path):
    """FR10-QD01: a Nơi nhận line in TCVN3 code with a .VnTime font ("Chñ tÞch" is "Chủ tịch") was set in Times New
    Roman by --fix, printing the Latin-1 signs. The fonts are left alone and the finding says to convert with Unikey."""
    vn = '<w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/><w:sz w:val="22"/>'
    ending = [tail_with(["- Các khoa;", "- Lưu: VT, ĐT."]), p(r("- Chñ tÞch, c¸c PCT UBND tØnh;", vn))]
    source = notice(tmp_path / "tb.docx", [body("Nhà trường thông báo./.")], ending=ending)
    font = [f for f in check_docx(source).findings if f.rule == "font.family" and ".VnTime" in f.text]
    assert font and "TCVN3" in font[0].text and "Unikey" in font[0].text
    fix_docx(source, tmp_path / "fixed.docx")
    doc = read_word(tmp_path / "fixed.docx").value
    legacy = next(q for q in doc.paragraphs() if q.text.startswith("- Chñ"))
    assert all(run.font == ".VnTime" for run in legacy.runs if run.text.strip())
