"""Word list numbers read as Word prints them, at the edges (issue 23, batch 7: a decimalZero list starting at 0
was read "0." where Word prints "00."): each number format at 0, 9, 10; a start value; isLgl; a restart in a new
num. Small documents built in memory, read with read_docx (no LibreOffice)."""
from __future__ import annotations

import pytest

from generator.word import read_docx
from generator.word.numbering import format_number
from tests.word.docx_factory import abstract, lvl, make_docx, num, numbering_xml, p


def _labels(tmp_path, levels, order, nums=None):
    numbering = numbering_xml([abstract(1, levels)], nums or [num(1, 1)])
    body = "".join(p(f"đoạn {i}", num=(n, level)) for i, (n, level) in enumerate(order))
    doc = make_docx(tmp_path / "list.docx", body, numbering=numbering)
    return [q.list_label for q in read_docx(doc).value.paragraphs()]


@pytest.mark.parametrize("start,expected", [
    (0, ["00.", "01.", "02."]),  # Word prints "00." for 0 (mutant 7 read "0.")
    (8, ["08.", "09.", "10."]),  # two digits below ten, none added from ten
    (1, ["01.", "02.", "03."]),
    (99, ["99.", "100.", "101."]),
])
def test_a_decimal_zero_list_reads_as_word_prints_it(tmp_path, start, expected):
    assert _labels(tmp_path, [lvl(0, "decimalZero", "%1.", start=start)], [(1, 0)] * 3) == expected


@pytest.mark.parametrize("n,fmt,shown", [
    (0, "decimalZero", "00"), (9, "decimalZero", "09"), (10, "decimalZero", "10"),
    (0, "decimal", "0"), (10, "decimal", "10"),
    (1, "upperRoman", "I"), (9, "upperRoman", "IX"), (10, "upperRoman", "X"), (4, "lowerRoman", "iv"),
    (1, "lowerLetter", "a"), (26, "lowerLetter", "z"), (27, "upperLetter", "AA"),
    (3, "decimalEnclosedParen", "(3)"), (3, "decimalEnclosedFullstop", "3."),
    (0, "vietnameseCounting", "không"), (9, "vietnameseCounting", "chín"), (10, "vietnameseCounting", "10"),
    (7, "none", ""),
])
def test_each_number_format_at_its_edges(n, fmt, shown):
    assert format_number(n, fmt) == shown


def test_a_decimal_zero_level_under_a_legal_numbering_prints_plain_digits(tmp_path):
    """isLgl: the parents' numbers are printed as plain decimals ("1.3."), the level's own keeps its format."""
    levels = [lvl(0, "upperRoman", "%1."), lvl(1, "decimalZero", "%1.%2.", is_lgl=True)]
    assert _labels(tmp_path, levels, [(1, 0), (1, 1), (1, 1)]) == ["I.", "1.01.", "1.02."]


def test_a_new_num_with_a_start_override_restarts_at_its_value_even_at_zero(tmp_path):
    nums = [num(1, 1), num(2, 1, {0: 0})]
    assert _labels(tmp_path, [lvl(0, "decimalZero", "%1.")], [(1, 0), (1, 0), (2, 0), (2, 0)], nums) == [
        "01.", "02.", "00.", "01."]
