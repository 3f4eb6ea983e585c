"""The fix's damage measure (tests/real/measure_fix.py, printed.py) must not call harm what the page shows intact
(fixharm, 2026-12-07): two "harms" it reported on judged documents were its own misreadings, seen on the pages.

- FR9-BC02: after font.family the numbers of headings "2.1.", "3.1." … print in Times New Roman (DejaVu Sans
  before), narrower, so the tab after them leaves a wider gap; pdftotext -layout split "2.1." from "Ưu điểm" and a
  piece of numbers alone was left out: read as "the number vanished".
- FR-QD01: a typed "_______" under a centred title became a drawn rule (44 mm) that prints; the measure looked for
  it where the first word of the line above went, and new margins had rewrapped that word ("2010") to the end
  of the line before: it looked 100 pt off to the right and found "no line (0 mm)".
"""
from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path

REAL = Path(__file__).resolve().parents[1] / "real"


def _load(name: str):
    sys.path.insert(0, str(REAL))  # measure_fix imports printed beside it
    spec = importlib.util.spec_from_file_location(f"{name}_fixharm", REAL / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_heading_number_set_apart_by_a_wider_tab_gap_is_not_lost_BC02():
    mf = _load("measure_fix")
    before = [Counter(mf.pieces("        2. Đánh giá ưu, khuyết điểm:\n        2.1. Ưu điểm\n"))]
    after = [Counter(mf.pieces("       2. Đánh giá ưu, khuyết điểm:\n       2.1.   Ưu điểm\n"))]
    assert before == after
    assert not mf.line_harm(before, after, [({"Ưu", "điểm"}, False)], reflow=True)
    # a number that really went is still seen, and a page number alone is still no piece
    gone = [Counter(mf.pieces("       Ưu điểm\n                                      1\n"))]
    assert mf.line_harm(before, gone, [({"Ưu", "điểm"}, False)], reflow=True)
    assert mf.pieces("                                      12\n") == []


class _Blank:
    """A fixed page with one horizontal line of ink (points = pixels at 72 dpi)."""

    def __init__(self, x0: int, x1: int, y: int, width: int = 612, height: int = 792):
        pixels = bytearray(b"\xff" * width * height)
        pixels[y * width + x0: y * width + x1] = b"\x00" * (x1 - x0)
        printed = _load("printed")
        self.page = printed.Page(width, height, bytes(pixels))


def _line(words: str, x: float, y: float, step: float = 30.0):
    return [(w, x + k * step, y, x + k * step + step - 6, y + 14) for k, w in enumerate(words.split())]


def test_a_drawn_rule_is_looked_for_under_the_middle_of_a_rewrapped_centred_line_QD01():
    printed = _load("printed")
    # original: a centred line "2010 của Ủy ban nhân dân" and the typed rule under its middle
    wa = _line("năm", 400, 230) + _line("2010 của Ủy ban nhân dân", 216, 244) + [("_______", 297, 262, 346, 276)]
    # fixed: "2010" went up to the end of the line before; the rest, centred again, moved 15 pt right
    wb = _line("năm 2010", 400, 230) + _line("của Ủy ban nhân dân", 231, 244)
    drawn = _Blank(250, 375, 268).page  # the drawn rule (44 mm), under the line's middle
    assert printed.rules([wa], [wb], [drawn]) == []
    nothing = _Blank(0, 1, 700).page
    assert printed.rules([wa], [wb], [nothing])  # no line there at all: still harm


def test_a_blank_last_page_gone_is_no_page_of_the_text_lost_TTR01():
    """FR3-TTR01: the original's page 2 is blank (empty paragraphs run over); with the national line 13 pt they fit on
    page 1 and the fixed file prints one page, every word where it was: not "2 → 1 pages"."""
    mf = _load("measure_fix")
    text = Counter({"TỜ": 1, "TRÌNH": 1})
    assert mf._printed_pages([text, Counter()]) == mf._printed_pages([text]) == [text]
    assert len(mf._printed_pages([text, Counter({"Chủ": 1, "tịch": 1})])) == 2  # a page of words still counts


def test_two_columns_of_one_line_set_further_apart_are_no_line_broken_TB01():
    """FR5-TB01: the header's first line “CỤC ĐƯỜNG THỦY NỘI ĐỊA VIỆT NAM   CÔNG HÒA …” printed the same after the
    motto grew to 13 pt; pdftotext's gap between its two columns grew to 3 spaces and measure_fix read the line as
    broken ("xuống dòng") and rewrapped. A line really broken (FR15-QD03's “… VIỆT / NAM”) is still harm."""
    mf = _load("measure_fix")
    left, right = "CỤC ĐƯỜNG THỦY NỘI ĐỊA VIỆT NAM", "CÔNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    before_text, after_text = f"   {left}  {right}\n", f"   {left}     {right}\n"
    a, b = [Counter(mf.pieces(before_text))], [Counter(mf.pieces(after_text))]
    rows_a = [[r for r in (mf.pieces(line) for line in before_text.splitlines()) if len(r) > 1]]
    rows_b = [[r for r in (mf.pieces(line) for line in after_text.splitlines()) if len(r) > 1]]
    placed = [set(left.split()) | set(right.split())]
    assert mf.broken_lines(a, b, placed)  # as read before
    a2, b2 = mf.unsplit(a, b, rows_a, rows_b)
    assert not mf.broken_lines(a2, b2, placed) and not mf.line_harm(a2, b2, [(placed[0], False)], reflow=False)
    broken = "   CÔNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT\n   NAM\n"
    c = [Counter(mf.pieces(broken))]
    a3, c3 = mf.unsplit([Counter(mf.pieces(f"   {right}\n"))], c, [[]], [[]])
    assert mf.broken_lines(a3, c3, [set(right.split())])


def test_a_footnote_rewrapped_by_the_new_font_is_running_text_BC01():
    """BC01 (shared): font.family rewrapped the footnote on page 12 (“… Chất lượng, Chế biến và / Phát triển …” →
    “… Chế biến và Phát / triển …”); the measure knew no paragraph holding its words and called the line harm. A
    footnote is running text: `measure` counts its words among the paragraphs a new font may rewrap."""
    import inspect

    mf = _load("measure_fix")
    assert "original_doc.notes" in inspect.getsource(mf.measure)
    note = ({"Trồng", "trọt", "Chế", "biến", "và", "Phát", "triển", "thị", "trường"}, True)
    before = [Counter({("Trồng", "trọt", "Chế", "biến", "và"): 1, ("Phát", "triển", "thị", "trường"): 1})]
    after = [Counter({("Trồng", "trọt", "Chế", "biến", "và", "Phát"): 1, ("triển", "thị", "trường"): 1})]
    assert mf.line_harm(before, after, [], reflow=True)  # as it was read: no paragraph owned the footnote's words
    assert not mf.line_harm(before, after, [note], reflow=True)


def test_a_table_number_set_on_another_line_of_its_row_is_not_new_BC01():
    """BC01 page 35 after font.family: the row number “4.2.” printed on the line of “phần)” (the last words of its
    cell's text), on a line of its own with “% 95,99” before; keeping numbers with the words after them read
    “4 2 phần” as a new line. The number prints on the original page on its own: no harm. One that prints nowhere
    before is still seen."""
    mf = _load("measure_fix")
    orig = " 4.2.                 %     95,99\n         phần)\n"
    fixed = " 4.2.    phần)\n                      %     95,99\n"
    loose_a, loose_b = [], []
    a, b = [Counter(mf.pieces(orig, loose_a))], [Counter(mf.pieces(fixed, loose_b))]
    assert mf.line_harm(a, b, [], reflow=True)
    a2, b2 = mf.unnumbered(a, b, [Counter(loose_a)], [Counter(loose_b)])
    assert not mf.line_harm(a2, b2, [], reflow=True)
    a3, b3 = mf.unnumbered(a, b, [Counter()], [Counter()])
    assert mf.line_harm(a3, b3, [], reflow=True)
