"""`kehoach check` at the edges of its rules and message by message: kehoach's build of the sample, changed in
one place, gets exactly the finding (rule, level, words) that place deserves, and what is within a rule gets
none. (Kept apart from test_check.py so the two files run on different workers.)"""
from __future__ import annotations

import pytest

from generator.nd30.check import check_docx
from tests.word.test_check import (Doc, docx_of, header_part, ppr_child, q, remove, run_props, sample_docx,  # noqa: F401
                                   set_text, text_of)


# ---------------------------------------------------------------- boundaries of the rules (issue 23)


def _findings_after(sample_docx, tmp_path, mutate, name, rule):
    doc = Doc(sample_docx)
    mutate(doc)
    return [f.text for f in check_docx(doc.save(tmp_path / f"{name}.docx")).findings if f.rule == rule]


@pytest.mark.parametrize("number,ok", [("01", True), ("1", False), ("09", True), ("9", False), ("10", True),
                                       ("99", True), ("100", True)])
def test_number_is_padded_below_ten_only(sample_docx, tmp_path, number, ok):
    """ND30 PL I §II.3: 'với những số nhỏ hơn 10 phải ghi thêm số 0 phía trước' — 9 is padded, 10 is not."""
    found = _findings_after(sample_docx, tmp_path, lambda d: set_text(d.para("Số: 05"), "05", number),
                            f"so-{number}", "number.form")
    assert found == ([] if ok else [f"Số, ký hiệu: số nhỏ hơn 10 phải thêm số 0 phía trước (“0{number}”)"])


@pytest.mark.parametrize("day,month,problem", [
    ("31", "12", None), ("01", "01", None), ("09", "02", None), ("10", "10", None), ("30", "4", None),
    ("29", "02", "không có ngày 29 tháng 2 năm 2021"), ("31", "4", "không có ngày 31 tháng 4 năm 2021"),
    ("1", "3", "ngày 1 viết “01”"), ("9", "3", "ngày 9 viết “09”"), ("05", "2", "tháng 2 viết “02”"),
    ("05", "03", "tháng 3 không thêm số 0"), ("010", "3", "ngày viết “10”"),
    ("32", "3", "ngày hoặc tháng không hợp lệ"), ("05", "13", "ngày hoặc tháng không hợp lệ"),
    ("00", "3", "ngày hoặc tháng không hợp lệ"),
])
def test_issue_date_rules_at_their_boundaries(sample_docx, tmp_path, day, month, problem):
    """ND30 §II.4.b: days 1–9 and months 1, 2 padded, nothing else; a day the calendar has not is wrong
    ('ngày 31 tháng 12' was once reported invalid)."""
    found = _findings_after(sample_docx, tmp_path, lambda d: set_text(d.para("Quảng Nam, ngày"), "ngày 05 tháng 3",
                                                                      f"ngày {day} tháng {month}"),
                            f"ngay-{day}-{month}", "date.form")
    if problem is None:
        assert found == []
    else:
        assert len(found) == 1 and problem in found[0], found


@pytest.mark.parametrize("twips,ok", [(567, True), (720, True), (600, True), (0, False), (520, False),
                                      (780, False), (850, False)])
def test_first_line_indent_of_1_cm_or_1_27_cm_is_allowed(sample_docx, tmp_path, twips, ok):
    """ND30 PL I §II.6.e: 'lùi vào 1 cm hoặc 1,27 cm' — both are right (12.7 mm was once reported wrong while
    the message said it was allowed); 0,6 mm either side is Word's rounding."""
    found = _findings_after(sample_docx, tmp_path, lambda d: ppr_child(d.para("Kinh phí thực hiện Kế hoạch"),
                                                                       "w:ind", firstLine=twips),
                            f"indent-{twips}", "body.indent")
    assert (found == []) == ok, found
    if not ok:
        assert "phải lùi vào 10 mm hoặc 12,7 mm" in found[0]


# ---------------------------------------------------------------- Nơi nhận and signature, message by message


def _label_and_item_on_one_line(d: Doc) -> None:
    set_text(d.para("Nơi nhận"), "Nơi nhận:", "Nơi nhận: - Thường trực Tỉnh ủy (b/c);")


SIGNATURE_CASES = {
    # case: (mutation, rule, level, the finding's text starts with)
    "label-and-item-on-one-line": (_label_and_item_on_one_line, "recipients.label", "error",
                                   "“Nơi nhận:” phải trên một dòng riêng"),
    "label-underlined": (lambda d: run_props(d.para("Nơi nhận"), "w:u", u={"val": "single"}), "recipients.label",
                         "error", "“Nơi nhận:” không gạch chân"),
    "no-archive-line": (lambda d: remove(d.para("- Lưu")), "recipients.archive", "error",
                        "dòng cuối của Nơi nhận phải là “- Lưu: VT, …”"),
    "archive-without-vt": (lambda d: set_text(d.para("- Lưu"), "VT, NCKS", "NCKS"), "recipients.archive", "warning",
                           "dòng lưu phải có dạng “- Lưu: VT, <đơn vị soạn thảo>.”"),
    "drafter-by-given-name": (lambda d: set_text(d.para("- Lưu"), "NCKS (02)", "NC.Châu"), "recipients.archive",
                              "warning", "ký hiệu người soạn thảo “Châu” là tên viết thường"),
    "items-bold": (lambda d: run_props(d.para("- Các Sở"), "w:b"), "recipients.items", "error",
                   "danh sách nơi nhận trình bày chữ đứng, không đậm"),
    "items-centred": (lambda d: ppr_child(d.para("- Các Sở"), "w:jc", val="center"), "recipients.items", "warning",
                      "danh sách nơi nhận sát lề trái, không canh giữa"),
    "kt-without-title-below": (lambda d: remove(d.para("PHÓ CHỦ TỊCH")), "signer.authority", "warning",
                               "sau “KT. …” phải có dòng chức vụ của người ký"),
    "no-name": (lambda d: set_text(d.para("Hồ Quang Bửu"), "Hồ Quang Bửu", "(Đã ký)"), "signer.name", "warning",
                "thiếu họ tên người ký"),
    "authority-with-dots-inside": (lambda d: set_text(d.para("TM. ỦY BAN"), "TM. ", "T.M. "), "signer.authority",
                                   "error", "viết tắt quyền hạn đúng “TM.”, “KT.”"),
    # fresh mutant f3-pgs-title-missed: each học hàm, học vị before the signer's name is an error
    "name-after-pgs": (lambda d: set_text(d.para("Hồ Quang Bửu"), "Hồ", "PGS. Hồ"), "signer.name", "error",
                       "không ghi học hàm, học vị trước họ tên người ký"),
    "name-after-gs": (lambda d: set_text(d.para("Hồ Quang Bửu"), "Hồ", "GS. Hồ"), "signer.name", "error",
                      "không ghi học hàm, học vị trước họ tên người ký"),
    "name-after-ths": (lambda d: set_text(d.para("Hồ Quang Bửu"), "Hồ", "ThS. Hồ"), "signer.name", "error",
                       "không ghi học hàm, học vị trước họ tên người ký"),
    # fresh mutant f3-national-variant-error: the Quốc hiệu's words with the old tone placement ("HOÀ") is a
    # warning (exit 0), a wrong word an error
    "national-old-tone-placement": (lambda d: set_text(d.para("CỘNG HÒA"), "HÒA", "HOÀ"), "national.text",
                                    "warning", "Quốc hiệu phải viết đúng"),
    "national-wrong-word": (lambda d: set_text(d.para("CỘNG HÒA"), "CHỦ NGHĨA", "CHỦ NGHỈA"), "national.text",
                            "error", "Quốc hiệu phải viết đúng"),
    # fresh mutant g-recipients-italic-ok (batch 4): italic items were let through, only bold ones reported
    "items-italic": (lambda d: run_props(d.para("- Các Sở"), "w:i"), "recipients.items", "error",
                     "danh sách nơi nhận trình bày chữ đứng, không đậm"),
}


@pytest.mark.parametrize("case", sorted(SIGNATURE_CASES))
def test_each_recipients_and_signature_finding_says_what_to_do(sample_docx, tmp_path, case):
    mutate, rule, level, start = SIGNATURE_CASES[case]
    doc = Doc(sample_docx)
    mutate(doc)
    findings = check_docx(doc.save(tmp_path / f"{case}.docx")).findings
    mine = [(f.level, f.text) for f in findings if f.rule == rule and start in f.text]
    assert len(mine) == 1 and mine[0][0] == level, [(f.rule, f.level, f.text) for f in findings]


APPENDIX_CASES = {
    "label-with-arabic-number": (lambda d: set_text(d.para("Phụ lục II"), "Phụ lục II", "Phụ lục 2"), "appendix.label",
                                 "error", "có từ hai phụ lục trở lên thì đánh số La Mã: “Phụ lục II”"),
    "labels-out-of-order": (lambda d: set_text(d.para("Phụ lục II"), "Phụ lục II", "Phụ lục III"), "appendix.label",
                            "error", "theo thứ tự phải là “Phụ lục II”"),
    "label-not-bold": (lambda d: run_props(d.para("Phụ lục I"), "w:b", b={"val": 0}), "appendix.label", "error",
                       "“Phụ lục” phải in đậm"),
    "attached-without-bracket": (lambda d: set_text(d.para("(Kèm theo"), "Quảng Nam)", "Quảng Nam"),
                                 "appendix.attached", "error", "dòng “(Kèm theo …)” đặt trong ngoặc đơn"),
    "attached-without-number-and-date": (lambda d: set_text(d.para("(Kèm theo"), "số 05/KH-UBND ngày 05 tháng 3 năm 2021 ",
                                                            ""),
                                         "appendix.attached", "warning", "ghi số, ký hiệu, ngày ban hành"),
    "attached-without-number": (lambda d: set_text(d.para("(Kèm theo"), "số 05/KH-UBND ", ""),
                                "appendix.attached", "warning", "ghi số, ký hiệu, ngày ban hành"),
    "doctype-in-lower-case": (lambda d: set_text(d.para("KẾ HOẠCH"), "KẾ HOẠCH", "Kế hoạch"), "doctype.style", "error",
                              "tên loại phải viết in hoa “KẾ HOẠCH”"),
}


@pytest.mark.parametrize("case", sorted(APPENDIX_CASES))
def test_each_appendix_and_type_line_finding_says_what_to_do(sample_docx, tmp_path, case):
    mutate, rule, level, start = APPENDIX_CASES[case]
    doc = Doc(sample_docx)
    mutate(doc)
    findings = check_docx(doc.save(tmp_path / f"{case}.docx")).findings
    mine = [(f.level, f.text) for f in findings if f.rule == rule and start in f.text]
    assert len(mine) == 1 and mine[0][0] == level, [(f.rule, f.level, f.text) for f in findings]


def test_a_single_appendix_is_plain_phu_luc(built, tmp_path):
    """One appendix: "Phụ lục" without a number; "Phụ lục I" there is a warning, "PHỤ LỤC" an error."""
    source = docx_of(built, "quang-nam-papi-2020")
    for typed, level in (("Phụ lục I", "warning"), ("PHỤ LỤC", "error")):
        doc = Doc(source)
        label = next(p for p in doc.paragraphs() if text_of(p) == "Phụ lục")
        set_text(label, "Phụ lục", typed)
        findings = [f for f in check_docx(doc.save(tmp_path / "one.docx")).findings if f.rule == "appendix.label"]
        assert [f.level for f in findings] == [level], [(f.level, f.text) for f in findings]


def _articles(*numbers):
    """The three khoản of section IV typed as articles 'Điều n.' (as a decision's text would be)."""
    def mutate(d: Doc) -> None:
        for old, n in zip(("1. Sở Nội vụ", "2. Sở Thông tin", "3. Kinh phí"), numbers):
            set_text(d.para(old), old.split(" ", 1)[0], f"Điều {n}.")
    return mutate


BODY_CASES = {
    # the numbering restarts under each new mục: without "II." the next "1." is out of order
    "no-new-scope": (lambda d: set_text(d.para("II. CHỈ TIÊU"), "II. ", ""), "heading.sequence",
                     "khoản “1.” sai thứ tự: theo thứ tự phải là “3.”"),
    "clause-repeated": (lambda d: set_text(d.para("2. Yêu cầu"), "2.", "1."), "heading.sequence",
                        "khoản “1.” lặp lại: theo thứ tự phải là “2.”"),
    "clause-skipped": (lambda d: set_text(d.para("2. Yêu cầu"), "2.", "3."), "heading.sequence",
                       "khoản “3.” bị bỏ qua số thứ tự: theo thứ tự phải là “2.”"),
    "article-repeated": (_articles(1, 2, 2), "heading.sequence", "“Điều 2” lặp lại: theo thứ tự phải là “Điều 3”"),
    "article-skipped": (_articles(1, 2, 4), "heading.sequence",
                        "“Điều 4” bị bỏ qua số thứ tự: theo thứ tự phải là “Điều 3”"),
    "point-numbered-with-dots": (lambda d: set_text(d.para("a) Các nhiệm vụ"), "a)", "2.1."), "heading.numbering",
                                 "điểm đánh số “2.1.”"),
    "point-bold": (lambda d: run_props(d.para("a) Các nhiệm vụ"), "w:b"), "heading.style",
                   "điểm a), b), c)… trình bày chữ đứng"),
    "section-not-bold": (lambda d: run_props(d.para("II. CHỈ TIÊU"), "w:b", b={"val": 0}), "heading.style",
                         "tiêu đề mục (I., II., …) phải in đậm"),
    "titled-clause-not-bold": (lambda d: run_props(d.para("1. Mục đích"), "w:b", b={"val": 0}), "heading.style",
                               "tiêu đề khoản “1. Mục đích” phải in đậm"),
    "basis-ending-with-a-comma": (lambda d: set_text(d.para("Căn cứ Luật"), "2015;", "2015,"), "body.bases",
                                  "mỗi căn cứ kết thúc bằng dấu chấm phẩy “;”"),
    "spacing-just-below-6-pt": (lambda d: ppr_child(d.para("Kinh phí thực hiện Kế hoạch"), "w:spacing", before=100,
                                                    after=0), "body.spacing", "khoảng cách giữa các đoạn 5 pt"),
}


@pytest.mark.parametrize("case", sorted(BODY_CASES))
def test_each_body_finding_says_what_to_do(sample_docx, tmp_path, case):
    mutate, rule, start = BODY_CASES[case]
    doc = Doc(sample_docx)
    mutate(doc)
    findings = check_docx(doc.save(tmp_path / f"{case}.docx")).findings
    assert [f.rule for f in findings if start in f.text] == [rule], [(f.rule, f.text) for f in findings]


def _appendix_title_on_two_lines(d: Doc) -> None:
    """Phụ lục I's title typed as two paragraphs (a long name broken by Enter): the "(Kèm theo …)" line is
    then the third line under the label, still within the three checked (fresh mutant c-attached-window)."""
    import copy

    title = d.para("Phụ lục I").getnext()
    words = text_of(title).split()
    second = copy.deepcopy(title)
    for p, text in ((title, " ".join(words[:len(words) // 2])), (second, " ".join(words[len(words) // 2:]))):
        ts = list(p.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"))
        for t in ts:
            t.text = ""
        ts[0].text = text
    title.addnext(second)
    assert text_of(second.getnext()).startswith("(Kèm theo")


@pytest.mark.parametrize("mutate", [
    lambda d: ppr_child(d.para("Kinh phí thực hiện Kế hoạch"), "w:spacing", before=120, after=0),  # exactly 6 pt
    lambda d: run_props(d.para("Căn cứ Luật"), "w:i", i={"val": 0}),  # one basis of two upright: not most
    _articles(1, 2, 3),
    _appendix_title_on_two_lines,
    # "At least 12 pt" under 14 pt text prints single-spaced (Word grows the line to fit): within the rule
    # (fresh mutant g-atleast-spacing, batch 4, reported it as outside "single to 1,5 lines")
    lambda d: ppr_child(d.para("Kinh phí thực hiện Kế hoạch"), "w:spacing", before=120, after=0, line=240,
                        lineRule="atLeast"),
], ids=["spacing-exactly-6-pt", "half-the-bases-upright", "articles-in-order", "appendix-title-on-two-lines",
        "line-spacing-at-least-12-pt"])
def test_what_is_within_the_rules_is_not_reported(sample_docx, tmp_path, mutate):
    doc = Doc(sample_docx)
    mutate(doc)
    findings = check_docx(doc.save(tmp_path / "ok.docx")).findings
    assert [(f.rule, f.text) for f in findings] == []


@pytest.mark.parametrize("fonts,reported", [
    ({"ascii": "Times New Roman", "hAnsi": "Arial"}, True),  # "í", "ự", "ệ" drawn in Arial
    ({"ascii": "Arial", "hAnsi": "Times New Roman"}, True),  # "K", "n", "h" drawn in Arial
    ({"ascii": "Times New Roman", "hAnsi": "Times New Roman"}, False),
], ids=["letters-with-marks-in-arial", "plain-letters-in-arial", "both-times"])
def test_a_font_any_letter_of_a_run_is_drawn_in_is_checked(sample_docx, tmp_path, fonts, reported):
    """Word draws a run's ASCII letters in its ascii font and the Vietnamese letters with marks in its hAnsi
    font: either one not Times New Roman is reported (found with fresh mutant f-font-ascii-only: a run
    whose hAnsi font was Arial passed check)."""
    found = _findings_after(sample_docx, tmp_path, lambda d: run_props(d.para("Kinh phí thực hiện"), "w:rFonts",
                                                                       rFonts=fonts), "fonts", "font.family")
    assert [("“Arial”" in text) for text in found] == ([True] if reported else [])


# ---------------------------------------------------------------- page numbers


def test_a_page_number_shown_in_the_first_page_header_is_reported(sample_docx, tmp_path):
    """"Trang đầu khác" is on but its own header prints the PAGE field: page 1 shows a number, which ND30
    (PL I §I.7) forbids — reported though the setting looks right."""
    def page_in_first_header(d: Doc) -> None:
        first = header_part(d, with_page=False)
        d.parts[first] = d.parts[header_part(d)]
    found = _findings_after(sample_docx, tmp_path, page_in_first_header, "page-on-first", "pagenum.first")
    assert found == ["không hiển thị số trang ở trang thứ nhất (bật “trang đầu khác”)"]


# ---------------------------------------------------------------- fresh mutants, batch 4


def test_a_legal_documents_year_group_in_the_number_line_is_not_reported(sample_docx, tmp_path):
    """"Số: 15/2021/KH-UBND": the year group of the law on legal documents is no part of the symbol (fresh
    mutant g-number-year-group reported it as a symbol not in capitals)."""
    found = _findings_after(sample_docx, tmp_path, lambda d: set_text(d.para("Số: 05"), "05/", "15/2021/"),
                            "so-nam", "number.form")
    assert found == []


def test_a_margin_is_said_with_a_decimal_comma(sample_docx, tmp_path):
    """Numbers the drafter reads are Vietnamese: "lề trái 25,4 mm", never "25.4 mm" (fresh mutant
    g-margin-decimal-point)."""
    def left_margin_one_inch(d: Doc) -> None:
        d.sections()[0].find(q("w:pgMar")).set(q("w:left"), "1440")
    found = _findings_after(sample_docx, tmp_path, left_margin_one_inch, "le-trai", "page.margins")
    assert len(found) == 1 and found[0].startswith("lề trái 25,4 mm (phải 30–35 mm)"), found


def test_a_font_finding_counts_the_other_paragraphs_exactly(sample_docx, tmp_path):
    """Arial in three paragraphs: one finding at the first, "(và 2 đoạn khác)" for the others (fresh mutant
    g-font-more-count said 3)."""
    def arial_in_three(d: Doc) -> None:
        for start in ("Kinh phí thực hiện", "Căn cứ Luật", "Trên đây là Kế hoạch"):
            run_props(d.para(start), "w:rFonts", rFonts={"ascii": "Arial", "hAnsi": "Arial"})
    found = _findings_after(sample_docx, tmp_path, arial_in_three, "arial-3", "font.family")
    assert len(found) == 1 and "(và 2 đoạn khác)" in found[0], found


@pytest.mark.parametrize("half_points,size", [(24, 13), (32, 14)])
def test_a_size_out_of_its_range_is_fixed_to_the_nearest_end(sample_docx, tmp_path, half_points, size):
    """The signer's name at 12 pt is brought to 13, at 16 pt to 14: the nearest end of 13–14, so --fix changes
    no more than it must (fresh mutant g-size-fix-wrong-end wrote 14 and 13)."""
    doc = Doc(sample_docx)
    run_props(doc.para("Hồ Quang Bửu"), "w:sz", "w:szCs", sz={"val": half_points}, szCs={"val": half_points})
    found = [f for f in check_docx(doc.save(tmp_path / f"ten-{half_points}.docx")).findings if f.rule == "signer.size"]
    assert [(f.detail.fix.kind, f.detail.fix.size) for f in found] == [("format", size)], [f.text for f in found]


# ---------------------------------------------------------------- fresh mutants, batch 6


@pytest.mark.parametrize("typed", ["XÃ HỘI  CHỦ", "VIỆT NAM ", " CỘNG HÒA", "XÃ HỘI\u00a0CHỦ"],
                         ids=["double-space", "trailing-space", "leading-space", "no-break-space"])
def test_a_national_title_that_prints_the_same_is_not_reported(sample_docx, tmp_path, typed):
    """"CỘNG HÒA XÃ HỘI  CHỦ NGHĨA VIỆT NAM" (two spaces typed, a space left at the end) prints as the Quốc hiệu:
    no finding (fresh mutant f6-check-national-spaces warned "Quốc hiệu phải viết đúng …"); two words run
    together are an error."""
    old = typed.replace("\u00a0", " ").replace("  ", " ").strip()
    found = _findings_after(sample_docx, tmp_path, lambda d: set_text(d.para("CỘNG HÒA"), old, typed),
                            "quoc-hieu", "national.text")
    assert found == []


def test_a_national_title_with_two_words_run_together_is_an_error(sample_docx, tmp_path):
    doc = Doc(sample_docx)
    set_text(doc.para("CỘNG HÒA"), "XÃ HỘI ", "XÃ HỘI")
    found = [(f.level, f.text) for f in check_docx(doc.save(tmp_path / "dinh.docx")).findings
             if f.rule == "national.text"]
    assert found == [("error", "Quốc hiệu phải viết đúng “CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM”")]


def _points(first: str, second: str):
    def mutate(d: Doc) -> None:
        set_text(d.para("(1) Đối với"), "(1)", first)
        set_text(d.para("(2) Đối với"), "(2)", second)
    return mutate


@pytest.mark.parametrize("first, second, expected", [
    ("2.1.", "2.4.", "2.2."), ("2.1.", "2.3.", "2.2."), ("2.3.", "2.7.", "2.4."), ("2.1.1.", "2.1.4.", "2.1.2."),
    ("2.1.", "2.2.", None), ("2.2.", "2.1.", None), ("2.1.", "3.4.", None),
], ids=["two-skipped", "one-skipped", "from-2.3", "three-levels", "in-order", "back", "other-clause"])
def test_a_skipped_dotted_point_is_told_the_number_expected(sample_docx, tmp_path, first, second, expected):
    """After "2.1." comes "2.4.": check names the number that should be there, "2.2." (the one after the last
    seen, at any depth), not "2.3." (fresh mutant f6-check-dotted-shown); in order, going back (a list
    started again) or under another clause nothing is told."""
    found = _findings_after(sample_docx, tmp_path, _points(first, second), "diem", "heading.sequence")
    assert found == ([] if expected is None else
                     [f"điểm “{second}” bị bỏ qua số thứ tự: theo thứ tự phải là “{expected}”"])


@pytest.mark.parametrize("old, new, finding", [
    ("III. ", "V. ", "mục “V.” bị bỏ qua số thứ tự: theo thứ tự phải là “III.”"),
    ("2. ", "4. ", "khoản “4.” bị bỏ qua số thứ tự: theo thứ tự phải là “2.”"),
    ("a) ", "c) ", "điểm “c)” bị bỏ qua số thứ tự: theo thứ tự phải là “a)”"),
], ids=["section", "clause", "point"])
def test_a_skipped_number_is_told_the_number_expected_in_every_scope(sample_docx, tmp_path, old, new, finding):
    starts = {"III. ": "III. NHIỆM VỤ", "2. ": "2. Yêu cầu", "a) ": "a) Các nhiệm vụ"}[old]
    found = _findings_after(sample_docx, tmp_path, lambda d: set_text(d.para(starts), old, new), "so", "heading.sequence")
    assert found[:1] == [finding], found
