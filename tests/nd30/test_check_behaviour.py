"""`check`, rule by rule, asserted by what the user sees: the rule, its level (an error makes `check` exit 1, a
warning does not) and the instruction, on both sides of each boundary. Small documents made in memory (the
reader's model or tests/word/docx_factory.py), no LibreOffice. Started from the survivors of fresh batch 7b."""
from __future__ import annotations

import pytest

from generator.nd30.check import check_docx
from generator.nd30.check import pagenum
from generator.nd30.check.base import Checker
from generator.word.model import Document, Paragraph, Run, Section
from tests.nd30.test_check_types import B, CENTER, I, SZ14, body, centred, header
from tests.word.docx_factory import make_docx, p, r, sect, tbl, tc, tr

A4 = dict(page_width_mm=210.0, page_height_mm=297.0, margin_top_mm=20.0, margin_bottom_mm=20.0, margin_left_mm=30.0,
          margin_right_mm=15.0)


def found(result, rule: str) -> list[tuple[str, str]]:
    return [(f.level, f.text) for f in result.findings if f.rule == rule]


def tail(archive: str = "- Lưu: VT, NC.", authority: str = "TM. ỦY BAN NHÂN DÂN") -> str:
    left = tc(p(r("Nơi nhận:", B + I + '<w:sz w:val="24"/>')) + p(r("- Như Điều 3;", '<w:sz w:val="22"/>'))
              + p(r(archive, '<w:sz w:val="22"/>')), width=4600)
    right = tc(centred(authority) + centred("CHỦ TỊCH") + centred("Nguyễn Văn An"), width=4600)
    return tbl(tr(left, right), grid=[4600, 4600], style=None)


def decision(path, *, enacting_ppr: str = CENTER, archive: str = "- Lưu: VT, NC.") -> object:
    blocks = [header("Số: 12/QĐ-UBND"), centred("QUYẾT ĐỊNH"), centred("Về việc thành lập Tổ công tác"),
              centred("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"),
              body("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;", I + SZ14),
              body("Theo đề nghị của Giám đốc Sở Nội vụ.", I + SZ14), p(r("QUYẾT ĐỊNH:", B + SZ14), ppr=enacting_ppr),
              body("Điều 1. Thành lập Tổ công tác theo danh sách kèm theo."),
              body("Điều 2. Quyết định này có hiệu lực kể từ ngày ký./."), tail(archive)]
    return make_docx(path, "".join(blocks) + sect())


# ---------------------------------------------------------------- page numbers (PL I §I.7)

def page_para(index: int, **kw) -> Paragraph:
    return Paragraph(index=index, runs=[Run("2", size_pt=14.0)], has_field={"PAGE": True}, alignment="center", **kw)


def pagenum_found(**sec) -> list[tuple[str, str, str]]:
    ck = Checker(Document(blocks=[Paragraph(index=0, runs=[Run("Nội dung")])],
                          sections=[Section(0, title_page=True, **A4, **sec)]))
    pagenum.check_page_numbers(ck, [])
    return [(f.rule, f.level, f.text) for f in ck.findings]


FOOTER = "số trang đặt ở chân trang; ND30 quy định đặt canh giữa trong phần lề trên"


def test_a_page_number_only_in_the_footer_is_an_error_and_beside_one_in_the_header_a_warning():
    """Fresh mutant check-pagenum-footer-level: a number only at the foot of the page is the one number the
    document has, in the wrong place: an error (exit 1), not "missing" as well; a second number in the footer
    beside the right one in the header is a warning."""
    assert pagenum_found(footers={"default": [page_para(1)]}) == [("pagenum.position", "error", FOOTER)]
    assert pagenum_found(headers={"default": [page_para(1)]}, footers={"default": [page_para(2)]}) == [
        ("pagenum.position", "warning", FOOTER)]
    assert pagenum_found(headers={"default": [page_para(1)]}) == []
    assert pagenum_found() == [("pagenum.missing", "error", "không có số trang (trường PAGE) canh giữa ở lề trên")]


# ---------------------------------------------------------------- the archive line (PL I §II.9.d)

ARCHIVE_FORM = "dòng lưu phải có dạng “- Lưu: VT, <đơn vị soạn thảo>.”"


@pytest.mark.parametrize("archive,warned", [
    ("- Lưu: VT, NC.", False), ("- Lưu: VT.", False), ("- Lưu: VT", False),  # nothing after VT (mutant 7b)
    ("- Lưu: VT (02).", False),
    ("- Lưu VT, NC.", True), ("- Lưu: VT/UBND.", True), ("- Lưu: Văn thư.", True), ("- Lưu: NC.", True),
])
def test_the_archive_line_is_lu_vt_closed_by_a_mark_or_the_end_of_the_line(tmp_path, archive, warned):
    result = check_docx(decision(tmp_path / "qd.docx", archive=archive))
    assert [x for x in found(result, "recipients.archive") if x[1] == ARCHIVE_FORM] == (
        [("warning", ARCHIVE_FORM)] if warned else [])


# ---------------------------------------------------------------- the enacting line of a decision (Mẫu 1.2)

ENACT = "dòng “QUYẾT ĐỊNH:” in đậm, canh giữa: chọn dòng, bấm Ctrl+B và Ctrl+E"


@pytest.mark.parametrize("ppr,told", [
    (CENTER, []), ("", []),  # centred, or no alignment of its own under a centred style
    ('<w:jc w:val="left"/>', [("error", ENACT)]), ('<w:jc w:val="both"/>', [("error", ENACT)]),
    ('<w:jc w:val="right"/>', [("error", ENACT)]),
])
def test_the_enacting_line_of_a_decision_is_centred(tmp_path, ppr, told):
    """Fresh mutant check-enacting-align: a "QUYẾT ĐỊNH:" set left (or justified) was not reported."""
    assert found(check_docx(decision(tmp_path / "qd.docx", enacting_ppr=ppr)), "enacting.line") == told


# ---------------------------------------------------------------- numbering restarts in each Chương (PL I §II.6.c)

SEQUENCE = "heading.sequence"


def chapters(path, second_chapter: str) -> object:
    """A plan in two Chương, each with its mục I., II."""
    heading = centred(second_chapter)
    blocks = [header("Số: 05/KH-UBND"), centred("KẾ HOẠCH"), centred("Thực hiện công tác cải cách hành chính"), p(""),
              centred("Chương I"), body("I. MỤC ĐÍCH", B + SZ14), body("Nâng cao chất lượng phục vụ."),
              body("II. YÊU CẦU", B + SZ14), body("Bảo đảm đúng tiến độ."),
              heading, body("I. NHIỆM VỤ", B + SZ14), body("Rà soát thủ tục hành chính."),
              body("II. TỔ CHỨC THỰC HIỆN", B + SZ14), body("Các cơ quan triển khai thực hiện./."),
              tail()]
    return make_docx(path, "".join(blocks) + sect())


@pytest.mark.parametrize("heading", ["Chương II", "CHƯƠNG II", "Phần II", "Mục 2"])
def test_each_chuong_starts_its_muc_again_at_i(tmp_path, heading):
    """Fresh mutant check-scope-restart-roman: the "I." after a centred "Chương II" (a frame line, not body text) is
    the first mục of that Chương, not out of order; under a centred line that opens no scope it is."""
    assert found(check_docx(chapters(tmp_path / "kh.docx", heading)), SEQUENCE) == []
    assert found(check_docx(chapters(tmp_path / "kh2.docx", "NỘI DUNG")), SEQUENCE) == [
        ("error", "mục “I.” sai thứ tự: theo thứ tự phải là “III.”")]


# ---------------------------------------------------------------- rules no test had fired (planted by checkbeh)

SZ13 = '<w:sz w:val="26"/>'


NATIONAL = centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", B + '<w:sz w:val="26"/>')
MOTTO = centred("Độc lập - Tự do - Hạnh phúc", B + SZ14)
DATE = centred("Lâm Đồng, ngày 05 tháng 3 năm 2026", I + SZ14)
NUMBER = centred("Số: 05/KH-UBND", '<w:sz w:val="26"/>')


def plan(path, *, agency=(("ỦY BAN NHÂN DÂN", B), ("TỈNH LÂM ĐỒNG", B)), motto_rpr: str = B + SZ14,
         blocks: list[str] | None = None, ending: str | None = None, right: list[str] | None = None,
         number: str = NUMBER, title: list[str] | None = None) -> object:
    """A short Kế hoạch: its header (the agency's lines as given, each (text, run properties); the right column's
    lines `right`), type line and trích yếu (`title`), `blocks` as its body (two mục by default) and its Nơi nhận
    and signature table (`ending`)."""
    left = tc("".join(centred(text, rpr + '<w:sz w:val="26"/>') for text, rpr in agency) + number, width=3600)
    right = right if right is not None else [NATIONAL, centred("Độc lập - Tự do - Hạnh phúc", motto_rpr), DATE]
    head = tbl(tr(left, tc("".join(right), width=5700)), grid=[3600, 5700], style=None)
    blocks = blocks if blocks is not None else [body("I. MỤC ĐÍCH", B + SZ14), body("Nâng cao chất lượng phục vụ."),
                                                body("II. TỔ CHỨC THỰC HIỆN", B + SZ14),
                                                body("Các cơ quan triển khai thực hiện./.")]
    title = title if title is not None else [centred("KẾ HOẠCH"), centred("Thực hiện công tác cải cách hành chính")]
    return make_docx(path, "".join([head] + title + [p("")] + blocks
                                   + [ending if ending is not None else tail()]) + sect())


BOLD_ALL = "tên cơ quan ban hành phải in đậm (cả các dòng)"


@pytest.mark.parametrize("agency,told", [
    ((("ỦY BAN NHÂN DÂN", B), ("TỈNH LÂM ĐỒNG", B)), []),
    ((("ỦY BAN NHÂN DÂN", ""), ("TỈNH LÂM ĐỒNG", "")), [("error", "tên cơ quan ban hành phải in đậm: chọn dòng và bấm Ctrl+B")]),
    ((("ỦY BAN NHÂN DÂN", B), ("TỈNH LÂM ĐỒNG", "")), [("error", BOLD_ALL)]),
    ((("TẬP ĐOÀN ĐIỆN LỰC VIỆT NAM", I), ("TỔNG CÔNG TY ĐIỆN LỰC MIỀN BẮC", B)), [
        ("error", "tên cơ quan chủ quản phải chữ đứng: chọn dòng và bỏ nghiêng (Ctrl+I)")]),
    # a line above the bold name is its superior's, upright
    ((("TẬP ĐOÀN ĐIỆN LỰC VIỆT NAM", ""), ("TỔNG CÔNG TY ĐIỆN LỰC MIỀN BẮC", B)), []),
    # but "ỦY BAN NHÂN DÂN" over "TỈNH …" is one body's name on two lines, bold on both (FR22-TB01)
    ((("ỦY BAN NHÂN DÂN", ""), ("TỈNH LÂM ĐỒNG", B)), [("error", BOLD_ALL)]),
    ((("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", ""), ("SỞ NỘI VỤ", B)), []),
    ((("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", B), ("SỞ NỘI VỤ", B)), [
        ("error", "tên cơ quan chủ quản (dòng trên) chữ đứng, không in đậm: chọn dòng, bỏ đậm (Ctrl+B)")]),
])
def test_the_issuer_is_bold_on_every_line_and_its_superior_upright(tmp_path, agency, told):
    assert found(check_docx(plan(tmp_path / "kh.docx", agency=agency)), "issuer.style") == told


def test_an_underlined_motto_in_place_of_its_rule_is_warned(tmp_path):
    assert found(check_docx(plan(tmp_path / "u.docx", motto_rpr=B + SZ14 + '<w:u w:val="single"/>')), "motto.rule") == [
        ("warning", "gạch chân chữ Tiêu ngữ thay cho đường kẻ ngang bên dưới")]
    assert found(check_docx(plan(tmp_path / "n.docx")), "motto.rule") == [
        ("error", "thiếu đường kẻ ngang, nét liền dưới Tiêu ngữ")]


UNMARKED = ("Cong hoa xa hoi chu nghia Viet Nam. Uy ban nhan dan tinh ve viec thuc hien ke hoach cua tinh va cac "
            "so ban nganh ngay thang nam gui cac co quan thuc hien theo doi va bao cao ket qua thuc hien.")


def test_a_text_typed_without_its_marks_is_told_to_be_typed_again():
    """One finding for the whole document (every line of it is concerned), an error; a text of fewer than 200
    letters is not judged, and one with its marks is not told."""
    from generator.nd30.check.page import check_diacritics

    def told(*texts: str) -> list[tuple[str, str, str]]:
        ck = Checker(Document(blocks=[Paragraph(index=k, runs=[Run(t)]) for k, t in enumerate(texts)],
                              sections=[Section(0, **A4)]))
        check_diacritics(ck)
        return [(f.rule, f.level, f.text) for f in ck.findings]

    assert told("CONG HOA XA HOI CHU NGHIA VIET NAM", UNMARKED, UNMARKED) == [
        ("font.family", "error", "văn bản gõ tiếng Việt không dấu: gõ lại toàn bộ bằng chữ có dấu (bảng mã Unicode, "
         "phông Times New Roman)")]
    assert told(UNMARKED[:150]) == []  # too little text to judge
    assert told("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Ủy ban nhân dân tỉnh về việc thực hiện kế hoạch của tỉnh và "
                "các sở ban ngành, gửi các cơ quan thực hiện theo dõi và báo cáo kết quả thực hiện." * 3) == []


def ending(left: str, right: str) -> str:
    return tbl(tr(tc(left, width=4600), tc(right, width=4600)), grid=[4600, 4600], style=None)


LABEL = p(r("Nơi nhận:", B + I + '<w:sz w:val="24"/>'))


def test_a_recipients_label_with_no_line_under_it_is_told_so(tmp_path):
    sign = centred("TM. ỦY BAN NHÂN DÂN") + centred("CHỦ TỊCH") + centred("Nguyễn Văn An")
    result = check_docx(plan(tmp_path / "k.docx", ending=ending(LABEL, sign)))
    assert found(result, "recipients.items") == [("error", "không thấy danh sách nơi nhận dưới “Nơi nhận:”")]


def test_a_signature_without_its_authority_and_post_is_told_to_add_them(tmp_path):
    items = p(r("- Như trên;", '<w:sz w:val="22"/>')) + p(r("- Lưu: VT, NC.", '<w:sz w:val="22"/>'))
    result = check_docx(plan(tmp_path / "k.docx", ending=ending(LABEL + items, centred("Nguyễn Văn An"))))
    assert found(result, "signer.authority") == [
        ("error", "thiếu quyền hạn, chức vụ người ký (chữ in hoa, ví dụ “TM. ỦY BAN NHÂN DÂN”)")]
    assert found(result, "signer.name") == []


def chapter_plan(path, *, align: str = CENTER, sizes=("28",) * 4) -> object:
    """A plan in two Chương, each heading centred (or as `align` says for "Chương II") with its name under it, the
    four lines at the sizes given (half-points)."""
    def line(text, size, ppr=CENTER):
        return p(r(text, B + f'<w:sz w:val="{size}"/>'), ppr=ppr)
    blocks = [line("Chương I", sizes[0]), line("QUY ĐỊNH CHUNG", sizes[1]), body("1. Phạm vi áp dụng trong tỉnh."),
              line("Chương II", sizes[2], align), line("TỔ CHỨC THỰC HIỆN", sizes[3]),
              body("1. Các cơ quan triển khai thực hiện./.")]
    return plan(path, blocks=blocks)


@pytest.mark.parametrize("align,told", [(CENTER, []), ('<w:jc w:val="left"/>', True), ("", True),
                                        ('<w:jc w:val="both"/>', True)])
def test_a_chuong_heading_is_centred(tmp_path, align, told):
    result = check_docx(chapter_plan(tmp_path / "k.docx", align=align))
    assert [x for x in found(result, "heading.style") if "Chương" in x[1]] == (
        [("error", "tiêu đề “Chương II” phải canh giữa: chọn dòng và bấm Ctrl+E")] if told else [])


def test_the_headings_of_parts_and_chapters_are_one_size(tmp_path):
    """The Chương lines and the names under them print at one size (PL I §V, chú thích): one at 13 among 14s is
    told the size of the others; four lines at one size, or no clear size, say nothing."""
    result = check_docx(chapter_plan(tmp_path / "a.docx", sizes=("28", "28", "28", "26")))
    assert found(result, "font.size-pair") == [
        ("error", "cỡ chữ 13 khác cỡ 14 của các tiêu đề phần, chương, mục khác: đặt cỡ chữ 14")]
    assert found(check_docx(chapter_plan(tmp_path / "b.docx")), "font.size-pair") == []
    assert found(check_docx(chapter_plan(tmp_path / "c.docx", sizes=("28", "26", "28", "26"))), "font.size-pair") == []


# ---------------------------------------------------------------- parts missing: each told where it goes

@pytest.mark.parametrize("right,number,rule,told", [
    ([MOTTO, DATE], NUMBER, "national.missing",
     "không thấy Quốc hiệu “CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM”: gõ dòng này ở góc trên bên phải, in hoa, đậm"),
    ([NATIONAL, DATE], NUMBER, "motto.missing",
     "không thấy Tiêu ngữ “Độc lập - Tự do - Hạnh phúc”: gõ dòng này dưới Quốc hiệu, in thường, đậm"),
    ([NATIONAL, MOTTO], NUMBER, "date.missing",
     "không thấy dòng địa danh và ngày tháng “…, ngày … tháng … năm …”: gõ dòng này dưới Tiêu ngữ, in nghiêng"),
    ([NATIONAL, MOTTO, DATE], "", "number.missing",
     "không thấy dòng số, ký hiệu “Số: …/KH-…”: gõ dòng số, ký hiệu dưới tên cơ quan ban hành"),
])
def test_a_missing_header_line_is_an_error_that_says_where_to_type_it(tmp_path, right, number, rule, told):
    result = check_docx(plan(tmp_path / "k.docx", right=right, number=number))
    assert found(result, rule) == [("error", told)]
    assert found(check_docx(plan(tmp_path / "whole.docx")), rule) == []


def test_a_motto_above_the_national_title_is_told_to_swap_them(tmp_path):
    swapped = check_docx(plan(tmp_path / "k.docx", right=[MOTTO, NATIONAL, DATE]))
    assert found(swapped, "motto.position") == [("error", "Tiêu ngữ phải ở dưới Quốc hiệu: đổi chỗ hai dòng")]
    assert found(check_docx(plan(tmp_path / "ok.docx")), "motto.position") == []


def test_a_type_line_without_its_trich_yeu_is_told_to_add_one(tmp_path):
    result = check_docx(plan(tmp_path / "k.docx", title=[centred("KẾ HOẠCH")]))
    assert found(result, "title.missing") == [
        ("error", "không thấy trích yếu nội dung ngay dưới tên loại: gõ một dòng tóm tắt nội dung, đậm, canh giữa, "
                  "dưới dòng tên loại")]
    assert found(check_docx(plan(tmp_path / "ok.docx")), "title.missing") == []


@pytest.mark.parametrize("subject,warned", [("V/v thực hiện công tác cải cách hành chính", True),
                                            ("(V/v thực hiện công tác cải cách hành chính)", True),
                                            ("Về việc thực hiện công tác cải cách hành chính", False)])
def test_the_trich_yeu_of_a_plan_does_not_open_with_v_v(tmp_path, subject, warned):
    result = check_docx(plan(tmp_path / "k.docx", title=[centred("KẾ HOẠCH"), centred(subject)]))
    assert [x for x in found(result, "title.style") if "V/v" in x[1]] == ([
        ("warning", "trích yếu của kế hoạch không mở đầu bằng “V/v” (chỉ trích yếu công văn có “V/v”): viết thẳng "
                    "nội dung dưới tên loại")] if warned else [])


def test_a_decision_without_its_enacting_line_is_told_to_type_it_before_dieu_1(tmp_path):
    from tests.nd30.test_check_types import decision as full_decision

    result = check_docx(full_decision(tmp_path / "qd.docx", enacting=False))
    assert found(result, "enacting.line") == [
        ("error", "không thấy dòng “QUYẾT ĐỊNH:” trước Điều 1: gõ “QUYẾT ĐỊNH:” thành một dòng riêng sau phần căn cứ, "
                  "in hoa, đậm, canh giữa")]
    assert found(check_docx(full_decision(tmp_path / "ok.docx")), "enacting.line") == []


# ---------------------------------------------------------------- the signature block's odd shapes (PL I §II.7)

ITEMS = LABEL + p(r("- Như trên;", '<w:sz w:val="22"/>')) + p(r("- Lưu: VT, NC.", '<w:sz w:val="22"/>'))


def test_a_signature_of_a_bodys_name_alone_is_told_who_signs(tmp_path):
    result = check_docx(plan(tmp_path / "k.docx", ending=ending(ITEMS, centred("ỦY BAN NHÂN DÂN TỈNH"))))
    assert found(result, "signer.missing") == [
        ("error", "khối chữ ký chỉ có tên “ỦY BAN NHÂN DÂN TỈNH”, không có người ký: ghi quyền hạn (TM. …), chức vụ và "
                  "họ tên người ký")]


def test_a_collective_body_signing_by_its_name_is_told_to_write_tm(tmp_path):
    sign = centred("BAN TỔ CHỨC") + centred("Nguyễn Văn An")
    result = check_docx(plan(tmp_path / "k.docx", ending=ending(ITEMS, sign)))
    assert found(result, "signer.authority") == [
        ("error", "“BAN TỔ CHỨC” là tên tập thể: ký thay mặt tập thể ghi “TM.” trước tên và chức vụ người ký ở dòng "
                  "dưới (ví dụ “TM. BAN TỔ CHỨC” / “TRƯỞNG BAN”)")]
    sign = centred("TM. BAN TỔ CHỨC") + centred("TRƯỞNG BAN") + centred("Nguyễn Văn An")
    assert found(check_docx(plan(tmp_path / "ok.docx", ending=ending(ITEMS, sign))), "signer.authority") == []


def test_a_line_typed_at_two_sizes_is_told_the_one_size_to_set(tmp_path):
    """The signer's name at 14 pt with its last word at 13: one error naming the size to set (the top of the range
    when the pair does not fix it); the whole name at 14 is not reported."""
    mixed = p(r("Nguyễn Văn", B + SZ14), r(" An", B + '<w:sz w:val="26"/>'), ppr=CENTER)
    sign = centred("TM. ỦY BAN NHÂN DÂN") + centred("CHỦ TỊCH")
    result = check_docx(plan(tmp_path / "k.docx", ending=ending(ITEMS, sign + mixed)))
    assert found(result, "signer.size") == [
        ("error", "Họ tên người ký: cỡ chữ không đồng nhất trong cùng một dòng (phải là 14)")]
    whole = check_docx(plan(tmp_path / "ok.docx", ending=ending(ITEMS, sign + centred("Nguyễn Văn An"))))
    assert found(whole, "signer.size") == []


def test_a_recipients_list_typed_under_the_signature_is_warned_to_go_beside_it(tmp_path):
    sign = centred("TM. ỦY BAN NHÂN DÂN") + centred("CHỦ TỊCH") + centred("Nguyễn Văn An")
    result = check_docx(plan(tmp_path / "k.docx", ending=sign + ITEMS))
    assert found(result, "recipients.position") == [
        ("warning", "“Nơi nhận” phải ở bên trái, ngang hàng với dòng quyền hạn, chức vụ người ký (không đặt dưới chữ ký)")]
    assert found(check_docx(plan(tmp_path / "ok.docx")), "recipients.position") == []


def test_an_appendix_in_the_documents_own_section_is_told_to_start_a_new_one(tmp_path):
    appendix = [centred("PHỤ LỤC".capitalize()), centred("DANH MỤC NHIỆM VỤ"),
                p(r("(Kèm theo Kế hoạch số 05/KH-UBND ngày 05/3/2026 của UBND tỉnh Lâm Đồng)", I + SZ14), ppr=CENTER)]
    result = check_docx(plan(tmp_path / "k.docx", ending=tail() + "".join(appendix)))
    assert found(result, "appendix.section") == [
        ("error", "phụ lục phải bắt đầu một phần (section) riêng, sang trang mới: đặt con trỏ trước “Phụ lục”, chọn "
                  "Layout › Breaks › Next Page")]


def test_a_date_line_outside_the_size_pair_of_the_header_is_an_error(tmp_path):
    """The Quốc hiệu at 13 and the Tiêu ngữ at 14 make the pair 13/14: the date line, 13–14 by itself, is 14 in that
    pair (PL I §V, chú thích); at 13 it is an error naming the size."""
    date13 = centred("Lâm Đồng, ngày 05 tháng 3 năm 2026", I + '<w:sz w:val="26"/>')
    result = check_docx(plan(tmp_path / "k.docx", right=[NATIONAL, MOTTO, date13]))
    assert [x for x in found(result, "font.size-pair") if x[1].startswith("Địa danh")] == [
        ("error", "Địa danh, ngày tháng: cỡ chữ 13 không cùng cặp cỡ chữ của văn bản (cặp 14: phải là 14)")]
    assert found(check_docx(plan(tmp_path / "ok.docx")), "font.size-pair") == []


def test_a_page_number_in_the_header_is_centred_13_to_14_pt_and_not_on_page_1():
    def number(size: float = 14.0, alignment: str | None = "center") -> Paragraph:
        return Paragraph(index=1, runs=[Run("2", size_pt=size)], has_field={"PAGE": True}, alignment=alignment,
                         size_pt=size)

    assert pagenum_found(headers={"default": [number(alignment="left")]}) == [
        ("pagenum.position", "error", "số trang phải canh giữa theo chiều ngang ở lề trên")]
    assert pagenum_found(headers={"default": [number(alignment="right")]})[0][:2] == ("pagenum.position", "error")
    assert pagenum_found(headers={"default": [number(12.0)]}) == [
        ("pagenum.size", "error", "số trang cỡ chữ 12, phải từ 13 đến 14")]
    assert pagenum_found(headers={"default": [number(12.5)]})[0][:2] == ("pagenum.size", "error")
    assert pagenum_found(headers={"default": [number(14.5)]})[0][:2] == ("pagenum.size", "error")
    assert pagenum_found(headers={"default": [number(13.0)]}) == []
    assert pagenum_found(headers={"default": [number(14.0)]}) == []
    ck = Checker(Document(blocks=[Paragraph(index=0, runs=[Run("Nội dung")])],
                          sections=[Section(0, title_page=False, headers={"default": [number()]}, **A4)]))
    pagenum.check_page_numbers(ck, [])
    assert [(f.rule, f.level, f.text) for f in ck.findings] == [
        ("pagenum.first", "error", "không hiển thị số trang ở trang thứ nhất (bật “trang đầu khác”)")]


def test_a_plan_without_its_type_line_is_told_to_type_it(tmp_path):
    result = check_docx(plan(tmp_path / "k.docx", title=[centred("Thực hiện công tác cải cách hành chính")]))
    assert found(result, "doctype.missing") == [
        ("error", "không thấy dòng tên loại “KẾ HOẠCH”: gõ “KẾ HOẠCH” thành một dòng riêng, in hoa, đậm, canh giữa, "
                  "dưới phần đầu văn bản")]
    assert found(check_docx(plan(tmp_path / "ok.docx")), "doctype.missing") == []
