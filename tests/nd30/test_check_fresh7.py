"""False findings seen on the seventh fresh set (issue 20, FR7-*: decisions, plans and reports of provincial bodies),
each on a small document made here with contents of our own: "(Đính kèm Kế hoạch số …)" is the appendix's "(Kèm
theo …)" line; "Theo Phụ lục 1 đính kèm" is a note; a khoản number printed regular is not told to unbold for a bold
figure further on; a table after the Nơi nhận and signature table (an attached file's box) is not a recipient; a
decision's thẩm quyền line under a trích yếu in capitals is not the trích yếu; a part "B." restarts the khoản. The
real files are held in tests/real/test_judged_check.py."""
from __future__ import annotations

from generator.nd30.check import check_docx
from tests.nd30.test_check_fresh6 import SZ13, at, notice, plain, tail
from tests.nd30.test_check_types import B, CENTER, I, SZ14, body, centred, header
from tests.word.docx_factory import make_docx, p, r, sect, tbl, tc, tr


def appendix(attached: str) -> list[str]:
    return [p(r(""), ppr="<w:pageBreakBefore/>"), centred("Phụ lục"), centred("DANH SÁCH CÁC TRƯỜNG"),
            p(r(attached, I + SZ14), ppr=CENTER), tbl(tr(tc(plain("1")), tc(plain("Trường A"))), grid=[2000, 2000])]


def test_dinh_kem_is_the_attached_line(tmp_path):
    """FR7-KH01: "(Đính kèm Kế hoạch số …)" under the appendix's name was "thiếu dòng (Kèm theo …)"."""
    def missing(line: str) -> bool:
        result = check_docx(notice(tmp_path / "tb.docx", [body("Nhà trường thông báo danh sách kèm theo./.")],
                                   ending=[tail()] + appendix(line)))
        return any(f.rule == "appendix.attached" and "thiếu dòng" in f.text for f in result.findings)

    assert not missing("(Đính kèm Thông báo số 15/TB-ĐHX ngày 02/12/2024 của Trường Đại học XYZ)")
    assert missing("Danh sách do Phòng Đào tạo lập ngày 02/12/2024")


def test_a_line_pointing_at_an_appendix_is_a_note(tmp_path):
    """FR7-QD01: the italic "Theo Phụ lục 1 đính kèm" after a list was asked to be upright as running text."""
    result = check_docx(notice(tmp_path / "tb.docx", [
        body("Tổng số viên chức đủ điều kiện là 120 người."), body("Theo Phụ lục 1 đính kèm", I + SZ14),
        body("Các đơn vị thông báo đến viên chức được biết.", I + SZ14), body("Thông báo này có hiệu lực./.")]))
    assert "body.italic" not in at(result, "Theo Phụ lục 1")
    assert "body.italic" in at(result, "Các đơn vị thông báo")


def test_a_khoan_number_printed_regular_is_not_told_to_unbold(tmp_path):
    """FR7-QD01: "2. Tổng số viên chức … là 82" with only the figure bold: "bỏ in đậm ở số “2.”" was wrong."""
    result = check_docx(notice(tmp_path / "tb.docx", [
        body("Nhà trường thông báo kết quả như sau."),
        p(r("1. Tổng số hồ sơ tiếp nhận trong đợt xét thăng hạng chức danh nghề nghiệp năm nay là ", SZ14),
          r("5", B + SZ14), r(" hồ sơ.", SZ14),
          ppr='<w:jc w:val="both"/><w:ind w:firstLine="567"/><w:spacing w:before="120"/>'),
        p(r("2.", B + SZ14), r(" Tổng số hồ sơ đủ điều kiện là 1.300 hồ sơ.", SZ14),
          ppr='<w:jc w:val="both"/><w:ind w:firstLine="567"/><w:spacing w:before="120"/>'),
        body("Thông báo này có hiệu lực kể từ ngày ký./.")]))
    assert "heading.style" not in at(result, "1. Tổng số hồ sơ tiếp nhận")
    assert any("bỏ in đậm" in m for m in at(result, "2. Tổng số hồ sơ đủ")["heading.style"])


def test_a_table_after_the_tail_table_is_not_a_recipient(tmp_path):
    """FR7-QD02: the box of the attached file ("FILE ĐƯỢC ĐÍNH KÈM THEO VĂN BẢN") after the Nơi nhận and signature
    table was read as a further recipient: "- Lưu: …" told to be last and to end in ";"."""
    box = tbl(tr(tc(centred("FILE ĐƯỢC ĐÍNH KÈM THEO VĂN BẢN"), width=9000)), grid=[9000])
    result = check_docx(notice(tmp_path / "tb.docx", [body("Nhà trường thông báo việc phân công./.")],
                               ending=[tail(), p(r("")), box]))
    assert at(result, "FILE ĐƯỢC ĐÍNH KÈM") == {}
    assert at(result, "- Lưu: VT, ĐT.") == {}


def test_the_authority_line_under_a_trich_yeu_in_capitals_is_not_the_trich_yeu(tmp_path):
    """FR7-QD02: "QUYẾT ĐỊNH / SỬA ĐỔI … CỦA ỦY BAN NHÂN DÂN TỈNH VĨNH LONG / ỦY BAN NHÂN DÂN TỈNH VĨNH LONG": the last
    line is the decision's thẩm quyền, not the trích yếu's second line (told "phải trình bày chữ in thường"). A trích
    yếu line ending on "CỦA" goes on with the agency's name on the next line."""
    def decision(title: list[str]) -> str:
        return make_docx(tmp_path / "qd.docx", "".join(
            [header("Số: 25/QĐ-UBND"), centred("QUYẾT ĐỊNH")] + [centred(t) for t in title]
            + [centred("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"),
               body("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;", I + SZ14),
               centred("QUYẾT ĐỊNH:"), body("Điều 1. Sửa đổi khoản 2 Điều 3 của Quy định kèm theo.", B + SZ14),
               body("Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.", SZ14), tail()]) + sect())

    result = check_docx(decision(["SỬA ĐỔI MỘT SỐ ĐIỀU CỦA QUY ĐỊNH BẢNG GIÁ ĐẤT TRÊN ĐỊA BÀN TỈNH LÂM ĐỒNG"]))
    assert not any(rule.startswith("title.") for rule in at(result, "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"))
    assert "title.rule" in at(result, "SỬA ĐỔI MỘT SỐ ĐIỀU")  # no rule under the trích yếu: told on its own line
    result = check_docx(decision(["BAN HÀNH QUY CHẾ LÀM VIỆC CỦA", "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"]))
    [rule] = [f for f in result.findings if f.rule == "title.rule"]
    assert rule.detail.paragraph == 8  # under "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG" (the trích yếu's second line, ¶9)


def test_a_part_of_a_report_restarts_its_khoan(tmp_path):
    """FR7-BC01: khoản "1." under part "B. Công tác chỉ đạo …" was told to be "11."; mục "V." is still a mục."""
    result = check_docx(notice(tmp_path / "tb.docx", [
        body("A. Tình hình thị trường:", B + SZ14), body("1. Giá lương thực ổn định trong tháng."),
        body("2. Giá vật tư nông nghiệp tăng nhẹ."), body("B. Công tác chỉ đạo quản lý giá:", B + SZ14),
        body("1. Báo cáo Ủy ban nhân dân tỉnh việc bình ổn giá."), body("2. Tham gia góp ý dự thảo văn bản."),
        body("I. KẾT QUẢ", B + SZ14), body("Các đơn vị thực hiện tốt."), body("V. KIẾN NGHỊ", B + SZ14),
        body("Không có kiến nghị./.")]))
    assert "heading.sequence" not in at(result, "1. Báo cáo Ủy ban")
    assert "heading.sequence" in at(result, "V. KIẾN NGHỊ")  # I. then V.: mục II.–IV. skipped


def test_khoan_may_run_on_through_the_parts(tmp_path):
    """FR6-TB02: khoản "1."–"14." run on through parts "A." and "B.": "4." under part B. is right, not "1."."""
    result = check_docx(notice(tmp_path / "tb.docx", [
        body("A. Công tác chủ nhiệm lớp.", B + SZ14), body("1. Quản lý việc tổ chức họp lớp."),
        body("2. Nắm lý lịch trích ngang của sinh viên."), body("3. Quản lý tình hình học tập của sinh viên."),
        body("B. Công tác cố vấn học tập.", B + SZ14), body("4. Tư vấn cho sinh viên về học tập."),
        body("5. Theo dõi kết quả học tập của sinh viên./.")]))
    assert "heading.sequence" not in {f.rule for f in result.findings}
