import datetime as dt
from decimal import Decimal

import pytest

from generator.core.text import decimal, number, text_width_pt
from generator.nd30.labels import roman
from generator.nd30 import issue_date


@pytest.mark.parametrize("value, expected", [
    (Decimal("44.33"), "44,33"), (Decimal("4.0"), "4,0"), (Decimal("0.22"), "0,22"), (1250000, "1.250.000"),
    (Decimal("1234.5"), "1.234,5"), (10, "10"), (Decimal("86.57"), "86,57"),
])
def test_numbers_use_vietnamese_separators_and_keep_written_precision(value, expected):
    assert number(value) == expected


@pytest.mark.parametrize("date, expected", [
    (dt.date(2020, 7, 20), "ngày 20 tháng 7 năm 2020"),
    (dt.date(2021, 3, 5), "ngày 05 tháng 3 năm 2021"),
    (dt.date(2021, 1, 9), "ngày 09 tháng 01 năm 2021"),
    (dt.date(2021, 2, 28), "ngày 28 tháng 02 năm 2021"),
    (dt.date(2021, 12, 10), "ngày 10 tháng 12 năm 2021"),
])
def test_issue_date_pads_days_below_10_and_months_1_2_only(date, expected):
    assert issue_date(date, date.year) == expected


def test_draft_date_leaves_blanks_for_the_clerk():
    assert issue_date(None, 2021) == "ngày      tháng      năm 2021"


def test_roman():
    assert [roman(n) for n in (1, 4, 8, 9, 14)] == ["I", "IV", "VIII", "IX", "XIV"]


def test_text_width_of_national_title_is_measured_not_guessed():
    width_mm = text_width_pt("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, "bold") * 25.4 / 72
    assert 85 < width_mm < 100
    assert text_width_pt("Tỉnh Quảng Nam", 13, "bold") > text_width_pt("Tỉnh Quảng Nam", 13, "regular")


def test_numbers_are_formatted_as_babel_formats_them_for_vietnamese():
    """number() groups and marks decimals by hand (babel and its locale data cost a third of the
    start-up of `validate`); it must give babel's strings, the drafter's precision kept."""
    import random

    from babel.numbers import format_decimal

    def babel(value):
        if isinstance(value, Decimal):
            places = max(0, -value.as_tuple().exponent)
            return format_decimal(value, format="#,##0" + ("." + "0" * places if places else ""), locale="vi")
        return format_decimal(value, format="#,##0", locale="vi")

    rng = random.Random(11)
    values = [0, 7, -1000, 1250000, 10**15, Decimal("0"), Decimal("-0"), Decimal("4.0"), Decimal("44.33"),
              Decimal("-4.5"), Decimal("1E+3"), Decimal("0.0001"), Decimal("99999999.99"), Decimal("1E+20")]
    values += [Decimal(rng.randint(-10**9, 10**9)).scaleb(rng.randint(-6, 4)) for _ in range(2000)]
    values += [rng.randint(-10**12, 10**12) for _ in range(500)]
    assert [number(v) for v in values] == [babel(v) for v in values]
    assert (number(Decimal("4.0")), number(Decimal("44.33")), number(1250000)) == ("4,0", "44,33", "1.250.000")


def test_invisible_is_every_format_character_and_nothing_else():
    """The regex of invisible characters (fast, in C) is exactly Unicode category Cf of this Python's tables."""
    import unicodedata

    from generator.core.text import invisible

    wrong = [hex(c) for c in range(0x110000) if invisible(chr(c)) != (unicodedata.category(chr(c)) == "Cf")]
    assert wrong == []


def test_seen_composes_and_drops_what_prints_nothing():
    import unicodedata

    from generator.core.text import seen

    assert seen(unicodedata.normalize("NFD", "KẾ HOẠCH")) == "KẾ HOẠCH"
    assert seen("S\u200bố\u00ad:\ufeff 05/\u2060KH-\u200dUBND") == "Số: 05/KH-UBND"
    text = "Cộng hòa"
    assert seen(text) is text  # composed text without invisible characters is returned as it is


@pytest.mark.parametrize("typed", ["Đồng Tháp", "dong-thap", "ĐỒNG THÁP", "Dong Thap"])
def test_names_typed_with_or_without_marks_meet_and_d_bar_is_d(typed):
    """'Đ' folds to 'd', so a name typed without marks ("DOC LAP", "Dong Thap") meets the one typed with
    them; dropping it would fold "Đồng Tháp" to "ong thap" (fresh mutant f5-ascii-key-drops-d)."""
    from generator.core.text import ascii_key

    assert ascii_key(typed) == "dong thap"


@pytest.mark.parametrize("emoji", ["👨\u200d👩\u200d👧", "❤\ufe0f\u200d🔥", "👍🏽\u200d👍"])
def test_a_joiner_that_makes_one_emoji_of_two_prints_and_is_kept(emoji):
    """A reviewer's '👨‍👩‍👧' reached the plan as '👨👩👧' (three people): the zero-width joiner between
    pictographs prints (one emoji), so the text as read keeps it; between letters it still goes (fourth
    campaign of issue 22)."""
    from generator.core.text import seen
    from generator.word.seen import read_form

    assert seen(f"giao {emoji}.") == f"giao {emoji}."
    assert seen(f"a\u200db {emoji}\u200d") == f"ab {emoji}"
    read, starts, ends = read_form(f"x\u200b {emoji}.")  # another invisible character: read piece by piece
    assert read == f"x {emoji}."
    assert len(starts) == len(read) + 1 and len(ends) == len(read)


@pytest.mark.parametrize("value,expected", [(12.5, "12,5"), (14.0, "14"), (0.25, "0,25"), (25.4, "25,4"), (30, "30")])
def test_sizes_and_lengths_in_messages_use_the_vietnamese_decimal_comma(value, expected):
    assert decimal(value) == expected


@pytest.mark.parametrize("text,width,expected", [
    ("Theo phân công tại Quyết định số 1737/QĐ-UBND ngày 17/10/2025 của Chủ tịch UBND tỉnh", 60,
     "Theo phân công tại Quyết định số 1737/QĐ-UBND ngày…"),
    ("ngắn", 60, "ngắn"),
    ("  hai   khoảng  trắng ", 60, "hai khoảng trắng"),
    ("một, hai, ba, bốn", 10, "một, hai…"),
    ("Chữkhôngcókhoảngtrắngnào", 10, "Chữkhôngc…"),
])
def test_a_quote_in_a_message_is_cut_between_words(text, width, expected):
    """A quote cut inside a word printed “ngày 17/10/202” for “ngày 17/10/2025” (import's TODO list): a date
    the drafter never wrote. Quotes are cut between words and marked “…”; one long word is cut as it must."""
    from generator.core.text import shorten

    assert shorten(text, width) == expected
    assert len(shorten(text, width)) <= width
