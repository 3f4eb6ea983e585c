"""Causes left open in FR5, FR8 and FR10 (strict xfails in tests/real/test_judged_check.py), fixed by helper fixopen:
each test fails without its fix, on a small synthetic document."""
from __future__ import annotations

from generator.nd30.check.base import Checker
from generator.nd30.check.pagenum import one_page
from generator.word.model import Document, Paragraph, Run, Section


def _a4(paras: list[Paragraph], **settings) -> Checker:
    return Checker(Document(blocks=paras, sections=[Section(0, page_width_mm=210.0, page_height_mm=297.0,
                                                            margin_top_mm=20.0, margin_bottom_mm=20.0,
                                                            margin_left_mm=30.0, margin_right_mm=15.0)],
                            settings=settings))


def test_space_after_and_space_before_share_the_gap_unless_the_file_adds_them():
    """FR8-CV02 (and FR5-TB01): paragraphs 6 pt before and 12 pt after print 12 pt apart, the larger of the two, as
    LibreOffice lays out a Word file without "Don't use HTML paragraph auto spacing"; the estimate added them
    up and put a one-page letter at 108% of its page. 25 one-line paragraphs: about 93% of the page shared, 113%
    added up."""
    def spaced(**settings) -> Checker:
        return _a4([Paragraph(index=k, runs=[Run(f"Dòng thứ {k} của văn bản.", size_pt=13.0)], alignment="both",
                              space_before_pt=6.0, space_after_pt=12.0) for k in range(25)], **settings)

    assert one_page(spaced())
    assert one_page(spaced(spacing_added=False))
    assert not one_page(spaced(spacing_added=True))


def test_lines_after_a_page_break_that_ends_the_text_fill_nothing_of_the_first_page():
    """FR8-CV02: the last note ends in a page break and an empty paragraph follows it on the blank second page; that
    empty line was counted into page 1 and tipped a full page (98%) over. Without the break the empty line spills
    over and the text, at 98%, is too close to the edge to call it one page (FR5-QD01)."""
    def lines(texts: list[str]) -> Checker:
        return _a4([Paragraph(index=k, runs=[Run(t, size_pt=13.0)], alignment="both") for k, t in enumerate(texts)])

    text = [f"Dòng thứ {k} của văn bản." for k in range(47)]
    assert one_page(lines(text + ["Ghi chú cuối.\f", ""]))
    assert not one_page(lines(text + ["Ghi chú cuối.", ""]))
