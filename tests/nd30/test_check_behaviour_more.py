"""`check`, rule by rule (continued from tests/nd30/test_check_behaviour.py): the page, the rules under the header
blocks, the header's lines, appendices, the body's spacing — each rule's id, level and instruction on both sides of
its boundary, on small documents made in memory."""
from __future__ import annotations

import pytest

from generator.nd30.check import check_docx
from generator.nd30.check.base import Checker
from generator.word.model import Document, Paragraph, Run, Section
from tests.nd30.test_check_behaviour import A4, DATE, MOTTO, NATIONAL, NUMBER, SZ13, found, plan, tail
from tests.nd30.test_check_types import B, CENTER, I, SZ14, body, centred, header
from tests.word.docx_factory import make_docx, p, r, sect, tbl, tc, tr


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
    assert found(result, "body.spacing") == (  # "5,9": the Vietnamese decimal comma
        [("warning", f"khoảng cách giữa các đoạn {told} pt, tối thiểu 6 pt: đặt Spacing Before (Trước) 6 pt trong "
                     "Paragraph")] if told else [])


@pytest.mark.parametrize("line,warned", [(240, False), (360, False), (480, True)])
def test_line_spacing_from_single_to_one_and_a_half_else_warned(tmp_path, line, warned):
    blocks = [body("I. MỤC ĐÍCH", B + SZ14), spaced(120, line), body("Các cơ quan triển khai thực hiện./.")]
    result = check_docx(plan(tmp_path / "k.docx", blocks=blocks))
    assert found(result, "body.line-spacing") == ([("warning", "khoảng cách dòng phải từ dòng đơn đến 1,5 dòng: đặt "
                                                    "Line spacing trong Paragraph")] if warned else [])


@pytest.mark.parametrize("line", [240, 360])
def test_line_spacing_typed_without_a_rule_is_lines_and_not_warned(tmp_path, line):
    """A w:spacing with w:line and no w:lineRule (as some converters write it) is a multiple of lines by ECMA-376:
    240 is single, 360 is 1.5 lines, both within ND30's range; no false "khoảng cách dòng" warning."""
    spacing = f'<w:spacing w:before="120" w:after="0" w:line="{line}"/>'
    para = p(r("Nâng cao chất lượng phục vụ người dân và doanh nghiệp.", SZ14),
             ppr=f'<w:jc w:val="both"/><w:ind w:firstLine="567"/>{spacing}')
    blocks = [body("I. MỤC ĐÍCH", B + SZ14), para, body("Các cơ quan triển khai thực hiện./.")]
    assert found(check_docx(plan(tmp_path / "k.docx", blocks=blocks)), "body.line-spacing") == []


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


def test_a_motto_rule_of_another_length_than_the_motto_is_warned_with_both_lengths(tmp_path):
    """A bottom border across the whole column (97 mm) under a 60 mm Tiêu ngữ: a warning naming both lengths; one
    indented to about the motto's length is right."""
    def ruled(indent: int) -> str:
        return p("", ppr='<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="auto"/></w:pBdr>'
                         f'<w:ind w:left="{indent}" w:right="{indent}"/>')

    def motto_rule(indent: int) -> list[tuple[str, str]]:
        return found(check_docx(plan(tmp_path / f"r{indent}.docx", right=[NATIONAL, MOTTO, ruled(indent), DATE])),
                     "motto.rule")

    assert motto_rule(0) == [("warning", "đường kẻ dưới Tiêu ngữ dài khoảng 97 mm, phải bằng độ dài dòng chữ (khoảng "
                                         "60 mm)")]
    assert motto_rule(1000) == []


FORM = ("biểu mẫu gửi kèm sau chữ ký không có dòng “Phụ lục” và dòng “(Kèm theo …)”: gõ “Phụ lục” (đánh số La Mã khi "
        "có từ hai phụ lục) thành một dòng riêng, in đậm, canh giữa, phía trên tên biểu mẫu, và dòng “(Kèm theo … số … "
        "ngày … của …)” dưới tên")


def test_a_form_sent_after_the_signature_without_its_labels_is_told_to_add_them(tmp_path):
    """A form under a Quốc hiệu of its own after the signature ("ĐƠN ĐĂNG KÝ THAM GIA") is an appendix typed without
    its "Phụ lục" and "(Kèm theo …)" lines: an error naming both; with "Mẫu số 01" above it, it is a numbered form."""
    def form(path, above: list[str]):
        lines = above + [centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", B + SZ13), MOTTO, p(""),
                         centred("ĐƠN ĐĂNG KÝ THAM GIA"), body("Họ và tên người đăng ký: ..............")]
        return plan(path, ending=tail() + "".join(lines))

    assert found(check_docx(form(tmp_path / "a.docx", [])), "appendix.label") == [("error", FORM)]
    assert found(check_docx(form(tmp_path / "b.docx", [centred("Mẫu số 01", I + SZ14)])), "appendix.label") == []
