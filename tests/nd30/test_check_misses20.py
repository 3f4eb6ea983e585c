"""Faults the judges listed as missed (tests/real/judgements, `missed:`), each on a document made here with contents of
our own: a căn cứ closed by "." before the last one (FR5-HD01), a space between the number and its "/" (FR5-CV02)."""
from __future__ import annotations

from generator.nd30 import grammar
from generator.nd30.check import check_docx
from tests.nd30.test_check_types import I, SZ14, body, centred, header, tail
from tests.word.docx_factory import make_docx, sect


def decision(path, bases: list[str]):
    blocks = [header("Số: 12/QĐ-UBND"), centred("QUYẾT ĐỊNH"), centred("Về việc thành lập Tổ công tác"),
              centred("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"), *[body(b, I + SZ14) for b in bases],
              centred("QUYẾT ĐỊNH:"), body("Điều 1. Thành lập Tổ công tác theo danh sách kèm theo."),
              body("Điều 2. Quyết định này có hiệu lực kể từ ngày ký./."), tail("TM. ỦY BAN NHÂN DÂN")]
    return make_docx(path, "".join(blocks) + sect())


def test_a_basis_closed_by_a_full_stop_before_the_last_is_told_FR5_HD01(tmp_path):
    path = decision(tmp_path / "qd.docx", ["Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025.",
                                           "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020;",
                                           "Theo đề nghị của Giám đốc Sở Nội vụ."])
    found = [(f.excerpt[:20], f.text) for f in check_docx(path).findings if f.rule == "body.bases"]
    assert found == [("Căn cứ Luật Tổ chức ", "mỗi căn cứ kết thúc bằng dấu chấm phẩy “;”, không phải dấu chấm: sửa dấu "
                                              "cuối dòng")]


def test_bases_closed_as_the_model_are_not_told(tmp_path):
    path = decision(tmp_path / "qd.docx", ["Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
                                           "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020;",
                                           "Theo đề nghị của Giám đốc Sở Nội vụ."])
    assert [f.text for f in check_docx(path).findings if f.rule == "body.bases"] == []


def test_a_space_between_the_number_and_its_slash_is_told_FR5_CV02():
    assert grammar.number_problems("Số: 2276 /VP-TH", "", "Công văn") == [
        "không có dấu cách giữa số và dấu “/”: viết “Số: 2276/…”"]
    assert grammar.number_problems("Số: 2276/VP-TH", "", "Công văn") == []
    assert grammar.number_problems("Số:      /QĐ-UBND", "QĐ", "Quyết định") == []  # a blank number: a draft


def test_a_muc_title_in_lower_case_whose_colon_is_not_bold_is_told_FR7_BC01(tmp_path):
    """FR7-BC01's "II. Diễn biến cụ thể:": every letter bold, the colon not (its sibling "I. Tình hình chung:", bold
    throughout, was told to be in capitals; this one was not)."""
    from tests.word.docx_factory import p, r
    from tests.nd30.test_check_types import B

    just = '<w:jc w:val="both"/><w:ind w:firstLine="567"/><w:spacing w:before="120" w:after="0"/>'
    blocks = [header("Số: 12/BC-UBND"), centred("BÁO CÁO"),
              centred("Tình hình giá cả thị trường quý I năm 2026"),
              p(r("I. Tình hình chung:", B + SZ14), ppr=just),
              body("Giá cả thị trường trong quý tương đối ổn định, không có biến động lớn."),
              p(r("II", B + SZ14), r(". Diễn biến cụ thể", B + SZ14), r(":", SZ14), ppr=just),
              body("Chỉ số giá tiêu dùng tăng nhẹ so với quý trước./."), tail("TM. ỦY BAN NHÂN DÂN")]
    path = make_docx(tmp_path / "bc.docx", "".join(blocks) + sect())
    told = [f.excerpt for f in check_docx(path).findings if f.rule == "heading.style" and "in hoa" in f.text]
    assert told == ["I. Tình hình chung:", "II. Diễn biến cụ thể:"], told


def test_khoan_and_points_numbered_with_a_slash_are_told_FR5_TB01(tmp_path):
    """FR5-TB01's "1/ Thời gian chuyển: …", "2/ …", "a/ Văn phòng khoa:": PL I §II.6.d numbers khoản "1." and
    điểm "a)". A fraction ("1/2 số thành viên") is no label."""
    blocks = [header("Số: 12/QĐ-UBND"), centred("QUYẾT ĐỊNH"), centred("Về việc thành lập Tổ công tác"),
              centred("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"),
              body("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;", I + SZ14),
              body("Theo đề nghị của Giám đốc Sở Nội vụ.", I + SZ14), centred("QUYẾT ĐỊNH:"),
              body("Điều 1. Thành lập Tổ công tác như sau:"), body("1/ Thời gian làm việc: từ ngày 14 tháng 4 năm 2026."),
              body("2/ Địa điểm làm việc gồm:"), body("a/ Văn phòng Sở;"), body("b/ Phòng họp số 2."),
              body("1/2 số thành viên là công chức của Sở."),
              body("Điều 2. Quyết định này có hiệu lực kể từ ngày ký./."), tail("TM. ỦY BAN NHÂN DÂN")]
    path = make_docx(tmp_path / "qd.docx", "".join(blocks) + sect())
    told = [f.text for f in check_docx(path).findings if f.rule == "heading.numbering"]
    assert told == ["khoản đánh “1/”; ND30 đánh khoản 1., 2., 3.…", "khoản đánh “2/”; ND30 đánh khoản 1., 2., 3.…",
                    "điểm đánh “a/”; ND30 đánh điểm a), b), c)…", "điểm đánh “b/”; ND30 đánh điểm a), b), c)…"], told
