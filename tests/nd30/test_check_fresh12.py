"""False findings and misses seen on the twelfth fresh set (issue 20, FR12-*: a hospital's decisions, ten of them in one
file; a Thủ tướng's decision; a Thông tư; a provincial office's programme; a province's công văn and Thông báo
templates), each on a small document made here with contents of our own: several complete decisions one after
another in one file; a Nơi nhận whose dashes are a Word list's labels; a QĐ cá biệt's "Điều 1. Nay đồng ý cho ông:
…"; a greeting banner between the header and the type line; a khoản leading into its points; a form's blanks for the
number and the date; a công văn template whose number is a merge field; "Chương 1."; "(V/v …)" in a Thông báo;
"-Như Điều 3;". The real files are held in tests/real/test_judged_check.py."""
from __future__ import annotations

from generator.nd30.check import check_docx, several
from generator.nd30.doctypes import identify
from tests.nd30.test_check_fresh6 import at, notice, notice_header
from tests.nd30.test_check_types import B, I, SZ14, body, centred, header, tail
from generator.word import read_docx
from tests.word.docx_factory import abstract, lvl, make_docx, num, numbering_xml, p, r, sect, tbl, tc, tr


def one_decision(number: str, person: str, lines: int = 14) -> list[str]:
    """A hospital's decision on one page: its header, type line, trích yếu, căn cứ, Điều 1–2, Nơi nhận, signature."""
    return [header(number), centred("QUYẾT ĐỊNH"), centred(f"Về việc chấm dứt hợp đồng lao động của {person}"),
            centred("GIÁM ĐỐC BỆNH VIỆN ĐA KHOA TỈNH"),
            body("Căn cứ Bộ luật Lao động ngày 20 tháng 11 năm 2019;", I + SZ14),
            body(f"Xét đơn xin nghỉ việc của {person};", I + SZ14),
            body("Theo đề nghị của Trưởng phòng Tổ chức cán bộ.", I + SZ14), centred("QUYẾT ĐỊNH:"),
            body(f"Điều 1. Chấm dứt hợp đồng lao động đối với {person} kể từ ngày 03 tháng 02 năm 2025.")]\
        + [body(f"{k}. Bàn giao công việc, hồ sơ và tài sản được giao thứ {k} cho phòng Tổ chức cán bộ trước "
                "khi nghỉ việc theo quy định.") for k in range(1, lines + 1)]\
        + [body("Điều 2. Quyết định này có hiệu lực kể từ ngày ký./."), tail("KT. GIÁM ĐỐC")]


def test_several_decisions_in_one_file_are_each_a_decision_QD01(tmp_path):
    """FR12-QD01: ten one-page decisions in one file were read as one: the later ones' type lines and trích yếu as
    body text, their "Điều 1" told to become "Điều 3", their italic "Xét đơn …" told to be upright, and a page number
    asked; the later headers went unjudged. Each is a decision of its own now."""
    blocks = one_decision("Số: 12/QĐ-BV", "ông Nguyễn Văn An") + one_decision("Số : 13/QĐ-BV", "bà Trần Thị Bình")
    result = check_docx(make_docx(tmp_path / "qd.docx", "".join(blocks) + sect()))
    later = [f for f in result.findings if f.detail.paragraph is not None and f.detail.paragraph > 40]
    assert not [f for f in later if f.rule.startswith("body.") and f.excerpt.startswith(("QUYẾT ĐỊNH", "Về việc"))]
    assert not [f for f in later if f.rule == "body.italic"]
    assert "heading.sequence" not in {f.rule for f in result.findings}
    assert "pagenum.missing" not in {f.rule for f in result.findings}
    # the second decision's header is judged as a header: its "Số :" is told, the first's "Số:" is not
    assert "number.form" in at(result, "Số : 13") and "number.form" not in at(result, "Số: 12")


def test_a_quy_che_under_its_own_header_or_a_form_of_another_type_is_no_second_document(tmp_path):
    """A file holds a second document only when a later header prints the Quốc hiệu, a number and a type line of the
    first's type, and both end with a Nơi nhận: a Quy chế issued with the decision under a header of its own (no
    number) and a form of another type attached after the signature stay parts of the one decision."""
    def documents(name: str, blocks: list[str]) -> int:
        return len(several.documents(read_docx(make_docx(tmp_path / name, "".join(blocks) + sect())).value))

    first = one_decision("Số: 12/QĐ-BV", "ông An", lines=1)
    assert documents("two.docx", first + one_decision("Số: 13/QĐ-BV", "bà Bình", lines=1)) == 2
    no_number = [header("")] + [centred("QUY CHẾ"), centred("Làm việc của Bệnh viện"), body("Điều 1. Phạm vi."),
                                 tail("KT. GIÁM ĐỐC")]
    assert documents("qc.docx", first + no_number) == 1
    form = [header("Số: …/BC-BV"), centred("BÁO CÁO"), centred("Kết quả công tác"), body("Nội dung …"),
            tail("KT. GIÁM ĐỐC")]
    assert documents("form.docx", first + form) == 1
    unfinished = one_decision("Số: 13/QĐ-BV", "bà Bình", lines=1)[:-1]  # no Nơi nhận, no signature: a draft's start
    assert documents("draft.docx", first + unfinished) == 1


BULLETS = numbering_xml([abstract(1, [lvl(0, "bullet", "-", left=360, hanging=360)])], [num(1, 1)])


def listed(text: str) -> str:
    return p(r(text, '<w:sz w:val="22"/>'), ppr='<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>')


def test_a_recipients_dash_drawn_by_a_word_list_is_the_dash_QD04(tmp_path):
    """FR12-QD04: nineteen recipients whose "-" is their Word list's label were told to start with a dash; "-Như Điều
    3;" typed without a space after its dash was missed (FR12-QD02, QD03)."""
    left = tc(p(r("Nơi nhận:", B + I + '<w:sz w:val="24"/>')) + listed("Ban Bí thư Trung ương Đảng;")
              + listed("Thủ tướng, các Phó Thủ tướng Chính phủ;") + p(r("-Như Điều 3;", '<w:sz w:val="22"/>'))
              + listed("Lưu: VT, V.III."), width=4600)
    right = tc(centred("KT. THỦ TƯỚNG") + centred("PHÓ THỦ TƯỚNG") + centred("Nguyễn Văn An"), width=4600)
    blocks = one_decision("Số: 12/QĐ-TTg", "ông An", lines=2)[:-1] + [tbl(tr(left, right), grid=[4600, 4600],
                                                                          style=None)]
    result = check_docx(make_docx(tmp_path / "qd.docx", "".join(blocks) + sect(), numbering=BULLETS))
    dash = "mỗi nơi nhận bắt đầu bằng gạch đầu dòng “-”"
    assert not [f for f in result.findings if f.text == dash]
    assert "recipients.archive" not in at(result, "Lưu: VT")
    [spaced] = at(result, "-Như Điều 3")["recipients.items"]
    assert "dấu cách" in spaced


def test_a_decisions_dieu_1_that_decides_is_no_title_QD01(tmp_path):
    """FR12-QD01–QD03: "Điều 1. Nay đồng ý cho ông: …", "Điều 1. Nâng bậc lương cho ông: …" and "Điều 1. Bổ nhiệm …
    đối với" (going on in the next paragraph), "Điều 1." bold and the rest upright, were told to be bold in full."""
    def dieu(text: str) -> str:
        head, rest = text.split(". ", 1)
        return p(r(head + ". ", B + SZ14), r(rest, SZ14), ppr='<w:jc w:val="both"/><w:ind w:firstLine="567"/>'
                 '<w:spacing w:before="120" w:after="0"/>')
    blocks = [header("Số: 12/QĐ-BV"), centred("QUYẾT ĐỊNH"), centred("Về việc nâng bậc lương"),
              body("Căn cứ Bộ luật Lao động ngày 20 tháng 11 năm 2019.", I + SZ14), centred("QUYẾT ĐỊNH:"),
              dieu("Điều 1. Nay đồng ý cho ông: Nguyễn Văn An"), dieu("Điều 2. Nâng bậc lương cho ông: Trần Văn Bình"),
              dieu("Điều 3. Bổ nhiệm vào chức danh nghề nghiệp và xếp lương đối với"),
              body("Ông Lê Văn Cường, sinh ngày 02/9/2000."), dieu("Điều 4. Tổ chức thực hiện"),
              body("Quyết định này có hiệu lực kể từ ngày ký./."), tail("KT. GIÁM ĐỐC")]
    result = check_docx(make_docx(tmp_path / "qd.docx", "".join(blocks) + sect()))
    for start in ("Điều 1.", "Điều 2.", "Điều 3."):
        assert "heading.style" not in at(result, start), start
    assert "heading.style" in at(result, "Điều 4.")  # a title, upright: still told


def test_a_greeting_banner_over_the_type_line_is_no_issuer_CTR01(tmp_path):
    """FR12-CTR01: "CHÚC MỪNG NĂM MỚI" in 20 pt bold between the header and the type line was read as the issuer's
    name (told its size and missing rule; --fix shrank it to 13 pt)."""
    banner = centred("CHÚC MỪNG NĂM MỚI", B + '<w:sz w:val="40"/>')
    blocks = [body("Nhà trường thông báo lịch nghỉ Tết./.")]
    result = check_docx(notice(tmp_path / "tb.docx", blocks, header=notice_header() + banner))
    plain = check_docx(notice(tmp_path / "plain.docx", blocks))
    assert not [f for f in at(result, "CHÚC MỪNG") if f.startswith("issuer.")]

    def issuer(res) -> list[tuple]:
        return [(f.rule, f.excerpt, f.text) for f in res.findings if f.rule.startswith("issuer.")]
    assert issuer(result) == issuer(plain)  # the school's name is the issuer, told the same with or without it


def test_a_khoan_leading_into_its_points_is_no_title_TT01(tmp_path):
    """FR12-TT01: "2. Người bị thương không thuộc quy định tại Khoản 1 Điều này" over its points a), b) was told to
    be bold as a khoản title."""
    blocks = [header("Số: 12/QĐ-UBND"), centred("QUYẾT ĐỊNH"), centred("Về việc ban hành quy định thủ tục"),
              body("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025.", I + SZ14),
              centred("QUYẾT ĐỊNH:"), body("Điều 1. Thủ tục giải quyết chế độ", B + SZ14),
              body("1. Người bị thương khi làm nhiệm vụ do cơ quan quản lý hướng dẫn cụ thể."),
              body("2. Người bị thương không thuộc quy định tại Khoản 1 Điều này"),
              body("a) Cơ quan quản lý lập hồ sơ;"), body("b) Ủy ban nhân dân cấp xã xác nhận."),
              body("3. Hồ sơ lưu trữ"), body("Quyết định này có hiệu lực kể từ ngày ký./."), tail("TM. ỦY BAN NHÂN DÂN")]
    result = check_docx(make_docx(tmp_path / "qd.docx", "".join(blocks) + sect()))
    assert "heading.style" not in at(result, "2. Người bị thương")
    assert "heading.style" in at(result, "3. Hồ sơ lưu trữ")  # a title left upright: still told


def test_a_forms_blanks_for_number_and_date_are_read_TB01(tmp_path):
    """FR12-TB01: "Số: ………./………(3)" was told to take the form "05/TB-UBND" and "..., Ngày    tháng    năm" was not
    read as the date line ("thiếu dòng ngày tháng"); the capital "Ngày" was missed."""
    left = tc(centred("ỦY BAN NHÂN DÂN TỈNH", B + '<w:sz w:val="26"/>') + centred("Số: ………./………(3)", '<w:sz w:val="26"/>'),
              width=4600)
    right = tc(centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", B + '<w:sz w:val="26"/>')
               + centred("Độc lập - Tự do - Hạnh phúc", B + SZ14) + centred("..., Ngày    tháng    năm      ", I + SZ14),
               width=4600)
    result = check_docx(notice(tmp_path / "tb.docx", [body("Cơ quan thông báo việc thụ lý đơn./.")],
                               header=tbl(tr(left, right), grid=[4600, 4600], style=None)))
    rules = {f.rule for f in result.findings}
    assert "number.form" not in rules and "date.missing" not in rules
    [capital] = at(result, "..., Ngày")["date.form"]
    assert "viết thường" in capital


def test_a_notice_with_a_v_v_line_under_its_number_is_told_TB01(tmp_path):
    """FR12-TB01: a Thông báo with its own type line and trích yếu carried a công văn's "(V/v …)" under its number."""
    left = tc(centred("ỦY BAN NHÂN DÂN TỈNH", B + '<w:sz w:val="26"/>') + centred("Số: 15/TB-UBND", '<w:sz w:val="26"/>')
              + centred("(V/v thụ lý giải quyết khiếu nại)", '<w:sz w:val="24"/>'), width=4600)
    right = tc(centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", B + '<w:sz w:val="26"/>')
               + centred("Độc lập - Tự do - Hạnh phúc", B + SZ14)
               + centred("Phú Thọ, ngày 05 tháng 3 năm 2026", I + SZ14), width=4600)
    result = check_docx(notice(tmp_path / "tb.docx", [body("Cơ quan thông báo việc thụ lý đơn./.")],
                               header=tbl(tr(left, right), grid=[4600, 4600], style=None)))
    [told] = at(result, "(V/v thụ lý")["title.style"]
    assert "chỉ công văn có" in told
    plain = check_docx(notice(tmp_path / "ok.docx", [body("Cơ quan thông báo việc thụ lý đơn./.")]))
    assert "title.style" not in {f.rule for f in plain.findings}


def test_a_letter_template_whose_number_is_a_merge_field_is_checked_CV01(tmp_path):
    """FR12-CV01: "Số: ${KH}" over "V/v xử lý ${VV}" was refused as not ND30; it is a công văn template: checked,
    its merge fields taken as blanks (the number, the date, "${KG};" under "Kính gửi:", the signer "${LD}")."""
    lines = ["ỦY BAN NHÂN DÂN", "TỈNH PHÚ THỌ", "Số: ${KH}", "V/v xử lý ${VV}", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
             "Độc lập – Tự do – Hạnh phúc", "Phú Thọ, ngày ${D} tháng ${M} năm ${Y}", "Kính gửi: ${KG};"]
    found = identify(lines)
    assert found.governed and found.type.words == "Công văn"
    assert not identify(lines[:2] + ["Số: ${KH}"] + lines[4:6]).governed  # no V/v: no type told, refused as before
    left = tc(centred("ỦY BAN NHÂN DÂN", B + '<w:sz w:val="26"/>') + centred("Số: ${KH}", '<w:sz w:val="26"/>')
              + centred("V/v xử lý ${VV}", '<w:sz w:val="24"/>'), width=4600)
    right = tc(centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", B + '<w:sz w:val="26"/>')
               + centred("Độc lập - Tự do - Hạnh phúc", B + SZ14)
               + centred("Phú Thọ, ngày ${D} tháng ${M} năm ${Y}", I + SZ14), width=4600)
    sign = tbl(tr(tc(p(r("Nơi nhận:", B + I + '<w:sz w:val="24"/>')) + p(r("- Như trên;", '<w:sz w:val="22"/>'))
                     + p(r("- Lưu: VT.", '<w:sz w:val="22"/>')), width=4600),
                  tc(centred("${NGKY}", B + '<w:sz w:val="26"/>') + centred("${LD}"), width=4600)),
               grid=[4600, 4600], style=None)
    source = make_docx(tmp_path / "cv.docx", "".join([
        tbl(tr(left, right), grid=[4600, 4600], style=None), p(r("Kính gửi:", SZ14), ppr='<w:ind w:firstLine="720"/>'),
        p(r("${KG};", SZ14), ppr='<w:ind w:left="3360"/>'), body("${ND0}"), body("Đề nghị các cơ quan thực hiện./."),
        sign]) + sect())
    result = check_docx(source)
    assert result.identified.governed
    rules = {f.rule for f in result.findings}
    assert not rules & {"number.missing", "number.form", "date.form", "signer.missing", "signer.style"}
    assert not at(result, "${KG}")


def test_a_chapter_numbered_in_arabic_numerals_is_told_QD05(tmp_path):
    """FR12-QD05: "Chương 1.", "Chương 2." were missed; ND30 numbers Phần and Chương with Roman numerals."""
    blocks = [header("Số: 12/QĐ-UBND"), centred("QUYẾT ĐỊNH"), centred("Về việc ban hành quy chế"),
              body("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025.", I + SZ14),
              centred("QUYẾT ĐỊNH:"), centred("Chương 1."), centred("QUY ĐỊNH CHUNG"),
              body("Điều 1. Phạm vi điều chỉnh", B + SZ14), body("Quy chế này quy định việc phát ngôn."),
              centred("Chương II"), centred("ĐIỀU KHOẢN THI HÀNH"), body("Điều 2. Hiệu lực", B + SZ14),
              body("Quyết định này có hiệu lực kể từ ngày ký./."), tail("TM. ỦY BAN NHÂN DÂN")]
    result = check_docx(make_docx(tmp_path / "qd.docx", "".join(blocks) + sect()))
    [told] = at(result, "Chương 1.")["heading.numbering"]
    assert "“Chương I”" in told
    assert "heading.numbering" not in at(result, "Chương II")
