"""The type of a document, as a văn thư reads it from its first lines (ND30 Phụ lục III §I)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.nd30.check import check_docx
from generator.nd30.doctypes import LETTER, PLAN, identify
from generator.word import read_docx

# the shared folder beside the repository, or $KEHOACH_SHARED (as tests/real/measure.py finds it)
SHARED = Path(os.environ.get("KEHOACH_SHARED") or Path(__file__).resolve().parents[3] / "shared") / "real-docs"


def lines(*texts: str) -> list[str]:
    return list(texts)


@pytest.mark.parametrize("head, words, how", [
    (lines("ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG", "Số: /KH-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "KẾ HOẠCH",
           "Cải cách hành chính"), "Kế hoạch", "tên loại"),
    (lines("Số: 12/QĐ-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "QUYẾT ĐỊNH\nVề việc thành lập Hội đồng"),
     "Quyết định", "tên loại"),
    (lines("Số: 12/QĐ-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), "Quyết định", "ký hiệu"),
    (lines("Số: 35/UBND-VX", "V/v góp ý dự thảo", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), "Công văn", "V/v"),
    (lines("BO TAI CHINH", "So:      /BTC-TCCB", "V/v cu dai dien", "CONG HOA XA HOI CHU NGHIA VIET NAM"),
     "Công văn", "V/v"),
    (lines("Số: 05/TTr-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "TỜ TRÌNH"), "Tờ trình", "tên loại"),
    # a Tờ trình's abbreviation is "TTr" (Phụ lục III §I), not "TT" (fresh mutant f5-to-trinh-abbreviation)
    (lines("Số: 12/TTr-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), "Tờ trình", "ký hiệu"),
])
def test_type_from_type_line_symbol_or_subject(head, words, how):
    found = identify(head)
    assert (found.sentence(), found.how, found.governed) == (words, how, True)


@pytest.mark.parametrize("symbol, words", [
    ("Số: 12/HD-SNV", "Hướng dẫn"), ("Số: 12/HĐ-SNV", "Hợp đồng"), ("Số: 12/DA-SNV", "Dự án"),
    ("Số: 12/ĐA-SNV", "Đề án"), ("So: 12/QD-UBND", "Quyết định")])
def test_a_symbol_names_its_type_as_typed(symbol, words):
    """FR8-CV02: "HD-" (Hướng dẫn, Phụ lục III §I) was read as Hợp đồng ("HĐ-") once the marks were dropped; a
    symbol typed without marks ("QD-") is still read."""
    assert identify([symbol, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]).sentence() == words


def test_a_letter_numbered_with_a_type_code_is_a_letter():
    """FR8-CV02: "Số: …/HD-BTCD" over "V/v hướng dẫn người khiếu nại" and no type line is a công văn (Mẫu 1.5);
    its type line was asked for."""
    found = identify(["BAN TIẾP CÔNG DÂN", "Số: …/HD-BTCD", "V/v hướng dẫn người khiếu nại",
                      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"])
    assert (found.type, found.how) == (LETTER, "V/v")


def test_a_sentence_naming_a_type_is_not_a_type_line():
    found = identify(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 12/UBND-VX", "Thực hiện Kế hoạch số 5/KH-UBND"])
    assert found.type is LETTER


@pytest.mark.parametrize("head, start", [
    (["THAM LUẬN", "Xây dựng mô hình thôn không ma túy", "Kính thưa: Đồng chí Thủ tướng!"], "văn bản không có số"),
    (["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "TỜ KHAI ĐĂNG KÝ KHAI SINH",
      "Kính gửi: Ủy ban nhân dân"], "văn bản không có số"),
    (["HUYỆN UỶ ĐỒNG VĂN", "ĐẢNG UỶ XÃ LŨNG CÚ", "Số      -QC/ĐU", "ĐẢNG CỘNG SẢN VIỆT NAM", "QUY CHẾ"],
     "văn bản của Đảng"),
    (["BCH ĐOÀN XÃ PHÚC THỊNH", "***", "Số:   - KH/ĐTN", "ĐOÀN TNCS HỒ CHÍ MINH", "KẾ HOẠCH"],
     "văn bản của Đoàn TNCS Hồ Chí Minh"),
    (["TỈNH ĐOÀN QUẢNG NAM", "***", "ĐOÀN THANH NIÊN CỘNG SẢN HỒ CHÍ MINH", "Số: 12-KH/TĐTN", "KẾ HOẠCH"],
     "văn bản của Đoàn TNCS Hồ Chí Minh"),
])
def test_speeches_forms_and_party_documents_are_not_governed(head, start):
    found = identify(head)
    assert not found.governed and found.type is None and found.sentence().startswith(start)


def test_only_the_first_lines_are_read():
    assert identify(["THAM LUẬN"] + ["lời"] * 60 + ["KẾ HOẠCH"]).governed is False


def test_built_plans_are_plans(built):
    for result in built.values():
        docx = next(f for f in result.files if f.suffix == ".docx")
        assert identify(p.text for p in read_docx(docx).value.paragraphs()).type is PLAN, docx.name


@pytest.mark.parametrize("name, words", [
    ("KH01_kh-cchc-2026-2030.docx", "Kế hoạch"), ("QD01_qd-hoidong-atvsld.docx", "Quyết định"),
    ("CV01_cv-ykien-dieule-hoi.docx", "Công văn"), ("BC01_bc-cchc-2025.docx", "Báo cáo"),
    ("TB01_tbkl-son-hai.docx", "Thông báo"), ("TTR01_ttr-xa-khong-matuy.docx", "Tờ trình"),
    ("GOV01_nd30-2020-decree.docx", "Nghị định"), ("GEN02_cv-tra-loi-bxd-tool.docx", "Công văn"),
])
def test_real_documents(name, words):
    assert SHARED.is_dir(), f"thiếu thư mục tài liệu thật {SHARED} (../shared/real-docs bên cạnh kho)"
    doc = read_docx(SHARED / name).value
    assert identify(p.text for p in doc.paragraphs()).sentence() == words


# ND30 Phụ lục III §I: every type and its abbreviation in the number's symbol, as the decree writes them (and
# the legal documents and the permit the same offices meet); written here, not read from the code, so a
# code given to two types is caught
ABBREVIATIONS = [
    ("NQ", "Nghị quyết"), ("QĐ", "Quyết định"), ("CT", "Chỉ thị"), ("QC", "Quy chế"), ("QyĐ", "Quy định"),
    ("TC", "Thông cáo"), ("TB", "Thông báo"), ("HD", "Hướng dẫn"), ("CTr", "Chương trình"), ("KH", "Kế hoạch"),
    ("PA", "Phương án"), ("ĐA", "Đề án"), ("DA", "Dự án"), ("BC", "Báo cáo"), ("BB", "Biên bản"),
    ("TTr", "Tờ trình"), ("HĐ", "Hợp đồng"), ("CĐ", "Công điện"), ("BGN", "Bản ghi nhớ"),
    ("BTT", "Bản thỏa thuận"), ("GUQ", "Giấy ủy quyền"), ("GM", "Giấy mời"), ("GGT", "Giấy giới thiệu"),
    ("GNP", "Giấy nghỉ phép"), ("PG", "Phiếu gửi"), ("PC", "Phiếu chuyển"), ("PB", "Phiếu báo"),
    ("NĐ", "Nghị định"), ("TT", "Thông tư"), ("GP", "Giấy phép"),
]


@pytest.mark.parametrize("abbr, words", ABBREVIATIONS, ids=[a for a, _ in ABBREVIATIONS])
def test_every_symbol_names_its_own_type(abbr, words):
    """With no type line, "Số: 4055/CT-UBND" is a Chỉ thị and "…/CTr-UBND" a Chương trình: codes that differ
    only by a letter (CT/CTr, TT/TTr, QĐ/QyĐ, HD/HĐ) each name their own type (fresh mutant
    f6-doctype-ct-clash gave "CT" to Chương trình too, and a Chỉ thị was judged as a Chương trình)."""
    found = identify(["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG", f"Số: 4055/{abbr}-UBND",
                      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"])
    assert (found.sentence(), found.how) == (words, "ký hiệu")


def test_no_two_types_share_a_symbol():
    from generator.nd30.doctypes import TYPES

    codes = [t.abbr for t in TYPES if t.abbr]
    assert sorted(codes) == sorted(a for a, _ in ABBREVIATIONS)


@pytest.mark.parametrize("symbol, type_line", [("CT", "CHỈ THỊ"), ("CTr", "CHƯƠNG TRÌNH"), ("TT", "THÔNG TƯ"),
                                                ("TTr", "TỜ TRÌNH")])
def test_check_asks_for_the_type_line_of_the_type_the_symbol_names(built, tmp_path, symbol, type_line):
    """`kehoach check` of a document whose type line was left out asks for the line of the type its number
    names: "Số: 05/CT-UBND" → "không thấy dòng tên loại “CHỈ THỊ”" (fresh mutant f6-doctype-ct-clash asked
    for "CHƯƠNG TRÌNH")."""
    from tests.word.test_check import Doc, docx_of, set_text

    doc = Doc(docx_of(built, "sample"))
    set_text(doc.para("KẾ HOẠCH"), "KẾ HOẠCH", "")
    set_text(doc.para("Số: 05/KH-UBND"), "KH-", f"{symbol}-")
    result = check_docx(doc.save(tmp_path / f"{symbol}.docx"))
    missing = [f.text for f in result.findings if f.rule == "doctype.missing"]
    assert len(missing) == 1 and missing[0].startswith(f"không thấy dòng tên loại “{type_line}”"), missing


@pytest.mark.parametrize("head", [
    ["ĐẢNG CỘNG SẢN VIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 12/KH-UBND", "KẾ HOẠCH"],
    ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 12/KH-UBND", "ĐẢNG CỘNG SẢN VIỆT NAM", "KẾ HOẠCH"],
], ids=["party-line-first", "party-line-after"])
def test_a_state_document_naming_the_party_is_still_governed(head):
    """The Quốc hiệu makes it a state document whatever else its first lines say: a line "ĐẢNG CỘNG SẢN VIỆT
    NAM" (a joint plan, a quoted name) does not make it a party document (fresh mutant f6-doctype-party);
    without the Quốc hiệu it is one (test_speeches_forms_and_party_documents_are_not_governed)."""
    found = identify(head)
    assert (found.governed, found.sentence(), found.how) == (True, "Kế hoạch", "tên loại")


def test_check_reports_the_errors_of_a_state_document_that_names_the_party(built, tmp_path):
    """`kehoach check` of a plan with a line "ĐẢNG CỘNG SẢN VIỆT NAM": its errors are reported (exit 1), never
    "không kiểm tra thể thức: đây là văn bản của Đảng" with exit 0 (fresh mutant f6-doctype-party)."""
    from tests.test_cli import run
    from tests.word.test_check import Doc, docx_of, set_text

    doc = Doc(docx_of(built, "sample"))
    set_text(doc.para("Căn cứ Luật"), "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
             "ĐẢNG CỘNG SẢN VIỆT NAM")
    set_text(doc.para("Quảng Nam, ngày"), "tháng 3", "tháng 03")
    path = doc.save(tmp_path / "dang.docx")
    done = run("check", path)
    assert done.returncode == 1 and "không kiểm tra thể thức" not in done.stdout, done.stdout
    assert "Ngày tháng: tháng 3 không thêm số 0 (viết “3”)" in done.stdout


def test_a_type_name_typed_in_lower_case_is_not_the_type_line():
    """ND30 prints the type line in capitals: "Kế hoạch" alone on its line, under a "QĐ-" number, is a line of
    text, not the type line, so check reads the document as the Quyết định its symbol says (and asks for the
    "QUYẾT ĐỊNH" line) instead of a Kế hoạch with a wrong symbol."""
    found = identify(["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NAM", "Số: 4055/QĐ-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                      "Kế hoạch", "Nâng cao chỉ số hiệu quả quản trị và hành chính công"])
    assert (found.sentence(), found.how) == ("Quyết định", "ký hiệu")


def test_a_state_document_naming_the_youth_union_is_governed():
    """A UBND plan that names "Đoàn TNCS Hồ Chí Minh" under its Quốc hiệu is still the Kế hoạch ND30 governs: only
    the Youth Union's own form (its name in the Quốc hiệu's place, no Quốc hiệu) is not (FR24-EXT01)."""
    found = identify(["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NAM", "Số: 12/KH-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                      "Độc lập - Tự do - Hạnh phúc", "ĐOÀN TNCS HỒ CHÍ MINH", "KẾ HOẠCH"])
    assert (found.governed, found.sentence()) == (True, "Kế hoạch")
