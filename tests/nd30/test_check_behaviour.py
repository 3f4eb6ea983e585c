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
    ((("ỦY BAN NHÂN DÂN", I), ("TỈNH LÂM ĐỒNG", B)), [
        ("error", "tên cơ quan chủ quản phải chữ đứng: chọn dòng và bỏ nghiêng (Ctrl+I)")]),
    ((("ỦY BAN NHÂN DÂN", ""), ("TỈNH LÂM ĐỒNG", B)), []),  # a line above the bold name is its superior's, upright
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


# ---------------------------------------------------------------- the page (PL I §I.5–6)

def page_found(*sections: Section) -> list[tuple[str, str, str]]:
    from generator.nd30.check.page import check_sections

    ck = Checker(Document(blocks=[Paragraph(index=0, runs=[Run("Nội dung")])], sections=list(sections)))
    check_sections(ck)
    return [(f.rule, f.level, f.text) for f in ck.findings]


def a4(index: int = 0, **changed) -> Section:
    return Section(index, **{**A4, **changed})


MARGINS_HOW = ": đặt lại trong Layout › Margins › Custom Margins"


@pytest.mark.parametrize("side,value,told", [
    ("top", 20.0, None), ("top", 25.0, None), ("top", 19.7, None), ("top", 25.3, None),  # within Word's rounding
    ("top", 19.6, "lề trên 19,6 mm (phải 20–25 mm)"), ("top", 25.4, "lề trên 25,4 mm (phải 20–25 mm)"),
    ("bottom", 18.0, "lề dưới 18,0 mm (phải 20–25 mm)"),
    ("left", 30.0, None), ("left", 35.0, None), ("left", 29.0, "lề trái 29,0 mm (phải 30–35 mm)"),
    ("left", 36.0, "lề trái 36,0 mm (phải 30–35 mm)"),
    ("right", 15.0, None), ("right", 20.0, None), ("right", 25.0, "lề phải 25,0 mm (phải 15–20 mm)"),
    ("right", None, "lề phải không ghi mm (phải 15–20 mm)"),
])
def test_each_margin_within_its_range_exact_ends_included(side, value, told):
    assert page_found(a4(**{f"margin_{side}_mm": value})) == (
        [("page.margins", "error", told + MARGINS_HOW)] if told else [])


def test_two_margins_out_are_one_finding_naming_both():
    assert page_found(a4(margin_left_mm=25.0, margin_right_mm=25.0)) == [
        ("page.margins", "error", "lề trái 25,0 mm (phải 30–35 mm); lề phải 25,0 mm (phải 15–20 mm)" + MARGINS_HOW)]


def test_the_paper_is_a4_and_the_first_page_upright():
    letter = a4(page_width_mm=216.0, page_height_mm=279.0)
    assert page_found(letter) == [("page.size", "error", "khổ giấy 216 × 279 mm, ND30 quy định khổ A4 (210 × 297 mm): "
                                   "trong Word chọn Layout › Size › A4")]
    wide = {**A4, "page_width_mm": 297.0, "page_height_mm": 210.0}
    assert page_found(Section(0, orientation="landscape", **wide)) == [
        ("page.orientation", "error", "trang đầu văn bản phải theo chiều dài khổ A4 (trang đứng): Layout › "
                                      "Orientation › Portrait")]
    # an appendix's own section may lie landscape
    assert page_found(a4(), Section(1, orientation="landscape", **wide)) == []


@pytest.mark.parametrize("right,rule,told", [
    ([centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", '<w:sz w:val="26"/>'), MOTTO, DATE], "national.style",
     "Quốc hiệu phải trình bày chữ đậm"),
    ([NATIONAL, centred("Độc lập - Tự do - Hạnh phúc", B + I + SZ14), DATE], "motto.style",
     "Tiêu ngữ phải trình bày chữ đứng (không nghiêng)"),
    ([NATIONAL, MOTTO, centred("Lâm Đồng, ngày 05 tháng 3 năm 2026", SZ14)], "date.style",
     "Địa danh, ngày tháng phải trình bày chữ nghiêng"),
    ([NATIONAL, MOTTO, DATE], "national.style", None),
])
def test_each_header_line_has_its_look(tmp_path, right, rule, told):
    result = check_docx(plan(tmp_path / "k.docx", right=right))
    assert [x for x in found(result, rule) if "trình bày" in x[1]] == ([("error", told)] if told else [])


LEFT = '<w:jc w:val="left"/>'


def test_a_header_line_set_left_is_warned_and_a_trich_yeu_set_left_is_an_error(tmp_path):
    """The number set left of its column prints off centre: a warning; the Quốc hiệu set left but filling its column
    prints centred all the same: nothing; the trích yếu set left is an error."""
    number = p(r("Số: 05/KH-UBND", '<w:sz w:val="26"/>'), ppr=LEFT)
    assert found(check_docx(plan(tmp_path / "n.docx", number=number)), "number.style") == [
        ("warning", "Số, ký hiệu phải canh giữa")]
    national = p(r("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", B + '<w:sz w:val="26"/>'), ppr=LEFT)
    assert found(check_docx(plan(tmp_path / "q.docx", right=[national, MOTTO, DATE])), "national.style") == []
    title = [centred("KẾ HOẠCH"), p(r("Thực hiện công tác cải cách hành chính", B + SZ14), ppr=LEFT)]
    assert found(check_docx(plan(tmp_path / "t.docx", title=title)), "title.style") == [
        ("error", "Trích yếu phải canh giữa")]
    whole = check_docx(plan(tmp_path / "ok.docx"))
    assert not {"number.style", "national.style", "title.style"} & {f.rule for f in whole.findings}


# ---------------------------------------------------------------- the rules under the header blocks (PL I §II.1–5)

TYPED = "đường kẻ dưới {} gõ bằng dấu gạch; ND30 quy định đường kẻ ngang, nét liền"


@pytest.mark.parametrize("typed", ["___________", "-----", "———"])
def test_a_rule_typed_with_underscores_or_dashes_is_told_to_be_drawn(tmp_path, typed):
    under_motto = [NATIONAL, MOTTO, centred(typed, B + SZ14), DATE]
    result = check_docx(plan(tmp_path / "m.docx", right=under_motto))
    assert found(result, "rule.typed") == [("error", TYPED.format("Tiêu ngữ"))]
    assert found(result, "motto.rule") == []  # the line is there, typed: not "missing" as well
    title = [centred("KẾ HOẠCH"), centred("Thực hiện công tác cải cách hành chính"), centred(typed, B + SZ14)]
    result = check_docx(plan(tmp_path / "t.docx", title=title))
    assert found(result, "rule.typed") == [("error", TYPED.format("trích yếu"))]
    assert found(result, "title.rule") == []


def test_four_hyphens_are_no_rule_and_the_missing_rule_is_reported(tmp_path):
    title = [centred("KẾ HOẠCH"), centred("Thực hiện công tác cải cách hành chính"), centred("----", B + SZ14)]
    result = check_docx(plan(tmp_path / "t.docx", title=title))
    assert found(result, "rule.typed") == []
    assert found(result, "title.rule") == [("error", "thiếu đường kẻ ngang, nét liền dưới trích yếu")]


def test_the_number_and_the_date_side_by_side_in_one_header_row_and_not_in_the_row_below(tmp_path):
    agency = centred("ỦY BAN NHÂN DÂN", B + '<w:sz w:val="26"/>') + centred("TỈNH LÂM ĐỒNG", B + '<w:sz w:val="26"/>')
    top = tr(tc(agency + NUMBER, width=3600), tc(NATIONAL + MOTTO, width=5700))
    below = tr(tc(p(""), width=3600), tc(DATE, width=5700))
    head = tbl(top, below, grid=[3600, 5700], style=None)
    blocks = [head, centred("KẾ HOẠCH"), centred("Thực hiện công tác cải cách hành chính"), p(""),
              body("I. MỤC ĐÍCH", B + SZ14), body("Các cơ quan triển khai thực hiện./."), tail()]
    result = check_docx(make_docx(tmp_path / "k.docx", "".join(blocks) + sect()))
    assert found(result, "date.position") == [
        ("warning", "số, ký hiệu và ngày tháng phải trên cùng một dòng: đặt hai dòng vào cùng một hàng của bảng đầu "
                    "văn bản")]
    assert found(check_docx(plan(tmp_path / "ok.docx")), "date.position") == []


MOTTO_TEXT = ("Tiêu ngữ phải viết đúng “Độc lập - Tự do - Hạnh phúc” (gạch nối “-” có cách chữ hai bên, viết hoa chữ đầu "
              "mỗi cụm)")


@pytest.mark.parametrize("typed,wrong", [
    ("Độc lập - Tự do - Hạnh phúc", False), ("Độc lập  -  Tự do - Hạnh phúc", False),  # spaces print the same
    ("Độc lập-Tự do-Hạnh phúc", True), ("Độc lập - Tự do - Hạnh Phúc", True), ("Độc lập - tự do - hạnh phúc", True),
    ("Độc lập, Tự do, Hạnh phúc", True),
])
def test_the_motto_is_worded_as_nd30_writes_it(tmp_path, typed, wrong):
    result = check_docx(plan(tmp_path / "k.docx", right=[NATIONAL, centred(typed, B + SZ14), DATE]))
    assert found(result, "motto.text") == ([("error", MOTTO_TEXT)] if wrong else [])


ATTACHED = p(r("(Kèm theo Kế hoạch số 05/KH-UBND ngày 05/3/2026 của UBND tỉnh Lâm Đồng)", I + SZ14), ppr=CENTER)


def with_appendix(path, lines: list[str]) -> object:
    """The short plan, then a section of its own (page numbers from 1) holding one appendix made of `lines`."""
    blocks = [centred("KẾ HOẠCH"), centred("Thực hiện công tác cải cách hành chính"), p(""),
              body("I. MỤC ĐÍCH", B + SZ14), body("Các cơ quan triển khai thực hiện theo Phụ lục kèm theo./."), tail(),
              p("", ppr=sect())]
    left = tc(centred("ỦY BAN NHÂN DÂN", B + SZ13) + centred("TỈNH LÂM ĐỒNG", B + SZ13) + NUMBER, width=3600)
    head = tbl(tr(left, tc(NATIONAL + MOTTO + DATE, width=5700)), grid=[3600, 5700], style=None)
    return make_docx(path, head + "".join(blocks + lines) + sect(start=1))


def test_an_appendix_title_under_no_label_is_told_to_add_the_label(tmp_path):
    bare = check_docx(with_appendix(tmp_path / "a.docx", [centred("DANH MỤC NHIỆM VỤ"), ATTACHED]))
    assert found(bare, "appendix.label") == [
        ("error", "thiếu dòng “Phụ lục” trên tên phụ lục: gõ “Phụ lục” thành một dòng riêng, in đậm, canh giữa, phía "
                  "trên tên phụ lục")]
    labelled = check_docx(with_appendix(tmp_path / "b.docx", [centred("Phụ lục"), centred("DANH MỤC NHIỆM VỤ"), ATTACHED]))
    assert found(labelled, "appendix.label") == []


@pytest.mark.parametrize("text,told", [("%1.", ["a.", "b."]), ("%1)", [])])
def test_points_of_a_word_list_lettered_a_dot_are_told_to_use_a_bracket(tmp_path, text, told):
    from tests.word.docx_factory import abstract, lvl, num, numbering_xml

    letters = numbering_xml([abstract(1, [lvl(0, "lowerLetter", text)])], [num(1, 1)])
    ppr = '<w:jc w:val="both"/><w:ind w:firstLine="567"/><w:spacing w:before="120" w:after="0"/>'
    points = [p(r(words, SZ14), ppr=ppr, num=(1, 0)) for words in ("Rà soát thủ tục;", "Công khai kết quả.")]
    left = tc(centred("ỦY BAN NHÂN DÂN", B + SZ13) + centred("TỈNH LÂM ĐỒNG", B + SZ13) + NUMBER, width=3600)
    head = tbl(tr(left, tc(NATIONAL + MOTTO + DATE, width=5700)), grid=[3600, 5700], style=None)
    blocks = [head, centred("KẾ HOẠCH"), centred("Thực hiện công tác cải cách hành chính"), p(""),
              body("I. NHIỆM VỤ", B + SZ14), body("1. Cải cách thủ tục hành chính:")] + points + [
              body("Các cơ quan triển khai thực hiện./."), tail()]
    result = check_docx(make_docx(tmp_path / "k.docx", "".join(blocks) + sect(), numbering=letters))
    assert found(result, "heading.numbering") == [
        ("error", f"điểm đánh “{x}”; ND30 đánh điểm a), b), c)…") for x in told]


UNDER_ATTACHED = ("thiếu đường kẻ ngang, nét liền dưới dòng “(Kèm theo …)”: vẽ một đường ngắn canh giữa dưới dòng "
                  "này")
RULED = p("", ppr='<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="auto"/></w:pBdr>'
                  '<w:ind w:left="3000" w:right="3000"/>')


def test_an_appendix_label_is_bold_and_its_attached_line_has_a_line_under_it(tmp_path):
    plain = p(r("Phụ lục", SZ14), ppr=CENTER)
    result = check_docx(with_appendix(tmp_path / "a.docx", [plain, centred("DANH MỤC NHIỆM VỤ"), ATTACHED, RULED]))
    assert found(result, "appendix.label") == [("error", "“Phụ lục” phải in đậm")]
    assert found(result, "appendix.attached") == []
    bare = check_docx(with_appendix(tmp_path / "b.docx", [centred("Phụ lục"), centred("DANH MỤC NHIỆM VỤ"), ATTACHED]))
    assert found(bare, "appendix.attached") == [("warning", UNDER_ATTACHED)]


def test_an_appendix_without_its_attached_line_is_told_the_line_for_the_documents_type(tmp_path):
    result = check_docx(with_appendix(tmp_path / "a.docx", [centred("Phụ lục"), centred("DANH MỤC NHIỆM VỤ"),
                                                            body("Nội dung phụ lục thứ nhất.")]))
    assert found(result, "appendix.attached") == [
        ("error", "thiếu dòng “(Kèm theo Kế hoạch số …/KH-… ngày … của …)” dưới tên phụ lục: gõ dòng này, in nghiêng, "
                  "canh giữa")]


def test_a_letter_without_its_v_v_line_under_the_number_is_told_to_type_it(tmp_path):
    def letter(path, subject: list[str]):
        blocks = [header("Số: 06/UBND-VP")] + subject + [
            centred("Kính gửi: Sở Nội vụ tỉnh Lâm Đồng", SZ14), body("Ủy ban nhân dân tỉnh đề nghị Sở Nội vụ báo cáo "
                                                                     "kết quả cải cách hành chính năm 2025./."), tail()]
        return make_docx(path, "".join(blocks) + sect())

    result = check_docx(letter(tmp_path / "cv.docx", []))
    assert found(result, "title.missing") == [
        ("error", "công văn không thấy trích yếu “V/v …” dưới số, ký hiệu: gõ dòng “V/v <nội dung>” ngay dưới dòng "
                  "số, ký hiệu, canh giữa")]
    assert found(check_docx(letter(tmp_path / "ok.docx", [centred("V/v báo cáo cải cách hành chính", SZ13)])),
                 "title.missing") == []


def test_text_typed_in_tcvn3_is_one_finding_telling_to_convert_before_changing_the_font():
    """"Chñ tÞch" in .VnTime is "Chủ tịch" in the old code: setting Times New Roman would print the signs, so it is
    told to be converted first, once for the document; a run in .VnTime holding Unicode letters ("Chủ tịch") is only a
    wrong font."""
    from generator.nd30.check.page import check_fonts

    def told(*runs: Run) -> list[tuple[str, str, str]]:
        ck = Checker(Document(blocks=[Paragraph(index=k, runs=[x]) for k, x in enumerate(runs)],
                              sections=[Section(0, **A4)]))
        check_fonts(ck)
        return [(f.rule, f.level, f.text) for f in ck.findings]

    legacy = Run("Chñ tÞch", font=".VnTime", fonts=(".VnTime",))
    assert told(legacy, legacy) == [
        ("font.family", "error", "chữ gõ theo bảng mã TCVN3 (phông “.VnTime”) ở 2 chỗ trong 2 đoạn, ND30 quy định Times "
         "New Roman bảng mã Unicode: chuyển sang Unicode bằng công cụ chuyển mã của Unikey (nguồn TCVN3, đích Unicode) "
         "rồi mới đặt phông Times New Roman; đổi phông ngay sẽ làm hỏng dấu tiếng Việt")]
    unicode = Run("Chủ tịch", font=".VnTime", fonts=(".VnTime",))
    assert [x[2].split(",")[0] for x in told(unicode)] == ["phông chữ “.VnTime”"]
    assert told(Run("Chủ tịch", font="Times New Roman", fonts=("Times New Roman",))) == []
    arial = Run("Chủ tịch", font="Arial", fonts=("Arial",))
    assert told(arial, arial) == [("font.family", "error", "phông chữ “Arial”, ND30 quy định Times New Roman (và 1 đoạn "
                                   "khác): chọn đoạn chữ (Ctrl+A cho cả văn bản) và đặt phông Times New Roman")]


# ---------------------------------------------------------------- the body's spacing (PL I §II.6.e): warnings

def spaced(before: int, line: int | None = None) -> str:
    spacing = f'<w:spacing w:before="{before}" w:after="0"' + (f' w:line="{line}" w:lineRule="auto"' if line else "") + "/>"
    return p(r("Nâng cao chất lượng phục vụ người dân và doanh nghiệp.", SZ14),
             ppr=f'<w:jc w:val="both"/><w:ind w:firstLine="567"/>{spacing}')


@pytest.mark.parametrize("before,told", [(120, None), (140, None), (118, "5,9"), (100, "5"), (0, "0")])
def test_paragraphs_are_at_least_6_pt_apart_else_warned(tmp_path, before, told):
    blocks = [body("I. MỤC ĐÍCH", B + SZ14), spaced(before), body("Các cơ quan triển khai thực hiện./.")]
    result = check_docx(plan(tmp_path / "k.docx", blocks=blocks))
    # the decimal mark of "5,9" is not judged here: `check` still prints "5.9" (told to the lead)
    assert [(lvl, text.replace(".", ",", 1)) for lvl, text in found(result, "body.spacing")] == (
        [("warning", f"khoảng cách giữa các đoạn {told} pt, tối thiểu 6 pt: đặt Spacing Before (Trước) 6 pt trong "
                     "Paragraph")] if told else [])


@pytest.mark.parametrize("line,warned", [(240, False), (360, False), (480, True)])
def test_line_spacing_from_single_to_one_and_a_half_else_warned(tmp_path, line, warned):
    blocks = [body("I. MỤC ĐÍCH", B + SZ14), spaced(120, line), body("Các cơ quan triển khai thực hiện./.")]
    result = check_docx(plan(tmp_path / "k.docx", blocks=blocks))
    assert found(result, "body.line-spacing") == ([("warning", "khoảng cách dòng phải từ dòng đơn đến 1,5 dòng: đặt "
                                                    "Line spacing trong Paragraph")] if warned else [])


def test_a_header_without_the_issuers_name_is_told_to_type_it(tmp_path):
    result = check_docx(plan(tmp_path / "k.docx", agency=()))
    assert found(result, "issuer.missing") == [
        ("error", "không thấy tên cơ quan ban hành: gõ tên cơ quan ở góc trên bên trái, chữ in hoa, đậm")]
    assert found(check_docx(plan(tmp_path / "ok.docx")), "issuer.missing") == []


def test_a_date_pushed_aside_with_spaces_is_a_warning(tmp_path):
    """The date typed with 70 spaces before it prints right of the Quốc hiệu's middle: a warning (the estimate is good
    to a few millimetres), exit 0; 44 spaces leave it under the Quốc hiệu."""
    from tests.nd30.test_check_open import _press_release

    def date_style(lead: int) -> list[tuple[str, str]]:
        path = _press_release(tmp_path / f"tc{lead}.docx", " " * lead + "Lâm Đồng, ngày 25 tháng 9 năm 2017",
                              [centred("ỦY BAN NHÂN DÂN TỈNH", B + SZ14)])
        return [(lvl, text) for lvl, text in found(check_docx(path), "date.style") if "dưới Quốc hiệu" in text]

    [(level, text)] = date_style(70)
    assert level == "warning" and "đang lệch về bên phải" in text
    assert date_style(44) == []


def test_a_rule_typed_under_no_header_block_is_told_to_be_drawn(tmp_path):
    number = NUMBER + centred("__________", SZ13)  # under the number line, which has no rule of its own
    result = check_docx(plan(tmp_path / "k.docx", number=number))
    assert ("error", "đường kẻ gõ bằng dấu gạch; ND30 quy định đường kẻ ngang nét liền (vẽ)") in found(result, "rule.typed")
