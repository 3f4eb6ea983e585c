"""The ND30 rules module: the predicates `kehoach check` judges by, and the values the renderer uses."""
import datetime as dt

import pytest

from generator import nd30
from generator.render.context import MARGIN, sizes_for
from generator.nd30 import issue_date


@pytest.mark.parametrize("text, ok", [
    ("Quảng Nam, ngày 05 tháng 3 năm 2021", True),
    ("Hà Nội, ngày 05 tháng 01 năm 2020", True),
    ("Thành phố Hồ Chí Minh, ngày 29 tháng 12 năm 2019", True),
    ("Quảng Nam, ngày      tháng      năm 2021", True),  # a draft
    ("Lào Cai, ngày 07 tháng 06 năm 2021", False),  # month 6 padded
    ("Quảng Nam, ngày 5 tháng 3 năm 2021", False),  # day 5 not padded
    ("Hà Nội, ngày 15 tháng 1 năm 2020", False),  # month 1 not padded
    ("quảng Nam, ngày 15 tháng 3 năm 2020", False),  # place not capitalised
    ("Quảng Nam ngày 15 tháng 3 năm 2020", False),  # no comma
])
def test_date_form(text, ok):
    assert (nd30.date_check(text).problems == []) is ok


@pytest.mark.parametrize("year", ["202", "20210"])
def test_date_year_must_have_four_digits(year):
    assert nd30.date_check(f"Hà Nội, ngày 05 tháng 3 năm {year}").problems == ["năm phải đủ 4 chữ số"]


def test_date_fix_pads_only_what_nd30_pads():
    assert nd30.date_check("Lào Cai, ngày 7 tháng 06 năm 2021").fixed == "Lào Cai, ngày 07 tháng 6 năm 2021"
    assert nd30.date_check("Hà Nội, ngày 5 tháng 2 năm 2020").fixed == "Hà Nội, ngày 05 tháng 02 năm 2020"
    # a place problem is not a padding problem: no automatic fix
    assert nd30.date_check("quảng Nam, ngày 5 tháng 3 năm 2020").fixed is None


def test_renderer_dates_follow_the_rule():
    for month in range(1, 13):
        for day in (1, 9, 10, 28):
            text = "Quảng Nam, " + issue_date(dt.date(2021, month, day), 2021)
            assert nd30.date_check(text).problems == [], text


@pytest.mark.parametrize("text, problems", [
    ("Số: 05/KH-UBND", 0), ("Số:      /KH-UBND", 0), ("Số: 4055/KH-UBND", 0),
    ("Số: 5/KH-UBND", 1), ("Số 05/KH-UBND", 1), ("Số: 05/QĐ-UBND", 1), ("Số: 05/KH - UBND", 1),
])
def test_number_line(text, problems):
    assert len(nd30.number_problems(text)) == problems


def test_margins_and_page():
    assert all(nd30.margin_ok(side, value) for side, value in MARGIN.items())
    assert not nd30.margin_ok("left", 25.4) and not nd30.margin_ok("right", 25.4)
    assert nd30.clamp_margin("left", 25.4) == 30.0 and nd30.clamp_margin("top", 30) == 25.0
    assert nd30.page_size_ok(210, 297) and nd30.page_size_ok(297, 210) and not nd30.page_size_ok(215.9, 279.4)


def test_size_pairs_are_consistent():
    for pair in nd30.SIZE_PAIRS:
        sizes = sizes_for(pair)
        assert nd30.pair_from(sizes["national"], sizes["motto"]) == pair
        for element, (low, high) in nd30.SIZE_RANGE.items():
            if element in sizes:
                assert low <= sizes[element] <= high, (pair, element)


def test_labels_and_sequences():
    assert nd30.label_of("IV.") == ("roman", 4)
    assert nd30.label_of("12.") == ("arabic", 12)
    assert nd30.label_of("đ)") == ("letter", 5) and nd30.label_of("f)") == ("letter", 0)
    assert nd30.label_of("2.3.") == ("dotted", 3)
    assert nd30.split_label("I.\tMỤC ĐÍCH") == ("I.", "MỤC ĐÍCH")
    assert nd30.split_label("Ủy ban nhân dân") == ("", "Ủy ban nhân dân")
    assert [nd30.point_label(n) for n in range(1, 7)] == ["a)", "b)", "c)", "d)", "đ)", "e)"]


def test_appendix_labels():
    assert nd30.appendix_label(1, 1) == "Phụ lục"
    assert [nd30.appendix_label(i, 3) for i in (1, 2, 3)] == ["Phụ lục I", "Phụ lục II", "Phụ lục III"]
    assert nd30.is_appendix_label("PHỤ LỤC 01") and nd30.is_appendix_label("Phụ lục")
    assert not nd30.is_appendix_label("Phụ lục kèm theo Kế hoạch này gồm các nhiệm vụ cụ thể")


def test_rules_text_and_recipients():
    assert nd30.is_national("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")  # same words, old accent placement
    assert nd30.motto_ok(nd30.MOTTO) and not nd30.motto_ok("Độc lập – Tự do – Hạnh phúc")
    assert nd30.is_typed_rule("____________") and not nd30.is_typed_rule("Số: 05/KH-UBND")
    assert nd30.recipient_item_fixed("- Sở Nội vụ,", last=False) == "- Sở Nội vụ;"
    assert nd30.recipient_item_fixed("- Lưu: VT, NC;", last=True) == "- Lưu: VT, NC."
    assert nd30.recipient_item_fixed("Sở Nội vụ", last=False) is None
    assert nd30.closing("Đề nghị các cơ quan thực hiện.") == "Đề nghị các cơ quan thực hiện./."


# ---------------------------------------------------------------- the label grammar at its edges (issue 23)

from generator.nd30 import labels  # noqa: E402


@pytest.mark.parametrize("label,ilvl,kind", [
    ("I.", None, ("section", 0)), ("XXXIX.", None, ("section", 0)), ("1.", None, ("clause", 1)),
    ("99.", None, ("clause", 1)), ("1.1.", None, ("clause", 2)), ("1.1", None, ("clause", 2)),
    ("1.1.1.", None, ("clause", 3)), ("a)", None, ("clause", 2)), ("đ)", None, ("clause", 2)),
    ("(1)", None, ("clause", 3)), ("-", None, ("bullet", 0)), ("–", None, ("bullet", 0)), ("+", None, ("plus", 0)),
    ("•", 0, ("bullet", 0)), ("•", 1, ("plus", 0)), ("\uf0b7", 2, ("plus", 0)), ("", None, ("text", 0)),
    ("100.", None, ("text", 0)),
])
def test_what_each_label_makes_of_its_paragraph(label, ilvl, kind):
    assert labels.label_kind(label, ilvl) == kind


@pytest.mark.parametrize("text,heading,read", [
    ("I. MỤC ĐÍCH, YÊU CẦU", None, ("section", 0, "I.", "MỤC ĐÍCH, YÊU CẦU")),
    ("I.", None, ("text", 0, "", "I.")),                       # a lone "I." is no label
    ("1.\tMục đích", None, ("clause", 1, "1.", "Mục đích")),
    ("a) Các nhiệm vụ", None, ("clause", 2, "a)", "Các nhiệm vụ")),
    ("1.250 tỷ đồng", None, ("text", 0, "", "1.250 tỷ đồng")),  # a number, not a label
    ("Mục đích", 1, ("section", 0, "", "Mục đích")),             # Heading 1 makes a section
    ("1. Mục đích", 1, ("section", 0, "1.", "Mục đích")),        # even one typed "1." (offices do)
    ("- Gạch", 1, ("bullet", 0, "-", "Gạch")),                   # a bullet stays a bullet
    ("Mục tiêu chung", 2, ("clause", 1, "", "Mục tiêu chung")),  # Heading 2 makes a clause
    ("Đối với cấp tỉnh", 3, ("clause", 2, "", "Đối với cấp tỉnh")),
    ("Đoạn thường", None, ("text", 0, "", "Đoạn thường")),
])
def test_reading_a_paragraphs_label(text, heading, read):
    assert labels.read_label(text, heading=heading) == read


def test_points_use_the_23_vietnamese_letters_then_numbers():
    assert labels.POINT_LETTERS == "abcdđeghiklmnopqrstuvxy"
    assert [labels.point_label(n) for n in (1, 5, 6, 23, 24)] == ["a)", "đ)", "e)", "y)", "(24)"]
    assert labels.label_of("y)") == ("letter", 23) and labels.label_of("g)") == ("letter", 7)
    assert labels.label_of("XXXIX.") == ("roman", 39) and labels.label_of("IIII.") is None


@pytest.mark.parametrize("text,numbered", [
    ("I. Mục", True), ("1. Nội dung", True), ("1.2. Nội dung", True), ("a) Điểm", True), ("- Gạch", True),
    ("+ Cộng", True), ("1.250 tỷ đồng", False), ("-Gạch", False), ("Năm 2021.", False), ("Ý kiến", False),
])
def test_hand_numbering_that_validate_warns_about(text, numbered):
    assert bool(labels.HAND_NUMBER.match(text)) is numbered


@pytest.mark.parametrize("text,ok", [
    ("Độc lập - Tự do - Hạnh phúc", True), ("Độc lập  -  Tự do  -  Hạnh phúc", True),  # spacing is not wording
    ("Độc lập – Tự do – Hạnh phúc", False), ("Độc lập-Tự do-Hạnh phúc", False), ("độc lập - tự do - hạnh phúc", False),
])
def test_motto_wording(text, ok):
    assert nd30.motto_ok(text) is ok and nd30.is_motto_like(text)


@pytest.mark.parametrize("text,typed", [("___", True), ("  ______  ", True), ("__", False), ("-----", True),
                                        ("----", False), ("— — —", False), ("", False), ("Độc lập___", False),
                                        ("––––", True), ("–––", True), ("—–—", True), ("––", False), ("–-–", False)])
def test_typed_rule_needs_three_underscores_or_en_dashes_or_five_hyphens(text, typed):
    # en/em dashes join into one stroke: four of them are the short rule under FR2-TT02's agency name
    assert nd30.is_typed_rule(text) is typed


@pytest.mark.parametrize("text,last,fixed", [
    ("- Sở Nội vụ", False, "- Sở Nội vụ;"), ("- Sở Nội vụ,", False, "- Sở Nội vụ;"), ("- Sở Nội vụ.", False, "- Sở Nội vụ;"),
    ("- Sở Nội vụ;", False, "- Sở Nội vụ;"), ("- Lưu: VT, NC;", True, "- Lưu: VT, NC."), ("- Lưu: VT.", True, "- Lưu: VT."),
    ("Sở Nội vụ", False, None),  # no dash: a person decides
])
def test_recipient_line_endings(text, last, fixed):
    assert nd30.recipient_item_fixed(text, last) == fixed


def test_closing_mark_is_added_once():
    assert nd30.closing("Trên đây là Kế hoạch") == "Trên đây là Kế hoạch./."
    assert nd30.closing("Trên đây là Kế hoạch.") == "Trên đây là Kế hoạch./."
    assert nd30.closing("Trên đây là Kế hoạch./.  ") == "Trên đây là Kế hoạch./."


@pytest.mark.parametrize("text,label", [("Phụ lục", True), ("PHỤ LỤC I", True), ("Phụ lục 01", True),
                                        ("Phụ lục kèm theo", False), ("Phụ lục I: Danh mục nhiệm vụ", False)])
def test_appendix_label_alone_on_its_line(text, label):
    assert nd30.is_appendix_label(text) is label


def test_number_line_symbol_and_draft():
    assert nd30.number_problems("Số:      /KH-UBND") == []        # a draft's blank number
    assert nd30.number_problems("Số: 10/KH-UBND") == []
    assert nd30.number_problems("Số: 01/KH-UBND") == []
    assert nd30.number_problems("Số: 09/kh-UBND") != []            # symbol in capitals
    assert nd30.number_problems("Số: 09/KH-UBND", doc_abbr="QĐ") != []  # a decision's symbol is QĐ


@pytest.mark.parametrize("side,low,high", [("top", 20, 25), ("bottom", 20, 25), ("left", 30, 35), ("right", 15, 20)])
def test_margins_at_the_ends_of_their_ranges(side, low, high):
    """PL I §I.3: each side's range, ends included (0,3 mm for twips rounding), clamped to the nearest end."""
    assert nd30.margin_ok(side, low) and nd30.margin_ok(side, high)
    assert nd30.margin_ok(side, low - 0.3) and nd30.margin_ok(side, high + 0.3)
    assert not nd30.margin_ok(side, low - 0.5) and not nd30.margin_ok(side, high + 0.5)
    assert not nd30.margin_ok(side, None)
    assert nd30.clamp_margin(side, low - 5) == low and nd30.clamp_margin(side, high + 5) == high
    assert nd30.clamp_margin(side, (low + high) / 2) == (low + high) / 2


def test_page_size_a4_either_way_within_a_millimetre():
    assert nd30.page_size_ok(210, 297) and nd30.page_size_ok(297, 210)
    assert nd30.page_size_ok(211, 296) and not nd30.page_size_ok(211.5, 297) and not nd30.page_size_ok(210, None)


@pytest.mark.parametrize("national,motto,pair", [(13, 14, 14), (12, 13, 13), (None, 14, 14), (13, None, 14),
                                                 (12, None, 13), (14, 15, None), (None, None, None)])
def test_size_pair_named_by_the_motto_else_the_national_title(national, motto, pair):
    assert nd30.pair_from(national, motto) == pair


@pytest.mark.parametrize("spacing,ok", [(("auto", 1.0), True), (("auto", 1.5), True), (("auto", 1.6), False),
                                        (("auto", 0.9), False), (("exact", 16.1), True), (("exact", 14.0), False),
                                        (("exact", 24.6), True), (("exact", 25.5), False), (None, True),
                                        # "exactly 16 pt" at 14 pt, a hair under Word's single line (16,1 pt):
                                        # accepted (fresh mutant f5-exact-spacing-below-single)
                                        (("exact", 16.0), True), (("exact", 15.2), False)])
def test_body_line_spacing_single_to_one_and_a_half(spacing, ok):
    assert nd30.line_spacing_ok(spacing, 14.0) is ok


@pytest.mark.parametrize("ratio,agency_ok,motto_ok", [(1 / 3, True, False), (1 / 2, True, False), (0.25, False, False),
                                                      (0.6, False, False), (0.85, False, True), (1.0, False, True),
                                                      (1.15, False, True), (1.2, False, False)])
def test_rule_lengths(ratio, agency_ok, motto_ok):
    """Agency and trích yếu rules 1/3–1/2 of the text (5 % slack for measured widths); the motto's as long
    as the motto (0,85–1,15)."""
    assert nd30.rule_ratio_ok(100 * ratio, 100) is agency_ok
    assert nd30.motto_rule_ok(100 * ratio, 100) is motto_ok
