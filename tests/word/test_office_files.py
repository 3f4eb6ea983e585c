"""Office-style Word files of the seed plans (tests/office/make_office.py: typed numbering with direct
formatting, tab-aligned or table headers, drawn and typed rules, Word list numbering with Heading styles,
merged group rows, multi-paragraph cells, landscape appendices) read back word for word, labels included."""
from __future__ import annotations

import pytest

from generator.word import read_docx
from tests.office.make_office import PLANS, STYLES, truth_paragraphs, words


def _norm(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("plan", [p.stem for p in PLANS])
@pytest.mark.parametrize("style", STYLES)
def test_every_visible_word_in_order(office_docx, plan, style):
    path = office_docx(plan, style)
    result = read_docx(path)
    ours = [w for p in result.value.paragraphs() for w in words(p.full_text)]
    truth = [w for t in truth_paragraphs(path) for w in words(t)]
    assert ours == truth
    assert all(m.level == "info" or "hình vẽ" in m.text for m in result.messages)


@pytest.mark.parametrize("plan", [p.stem for p in PLANS])
def test_drafter_labels_computed_like_word(office_docx, plan):
    path = office_docx(plan, "drafter")
    result = read_docx(path)
    ours = [_norm(p.full_text) for p in result.value.paragraphs() if words(p.full_text)]
    assert ours == [_norm(t) for t in truth_paragraphs(path) if words(t)]
    headings = [p for p in result.value.paragraphs() if p.heading_level]
    assert headings and all(p.list_label for p in headings if p.heading_level == 1)


def test_draft_blanks_read_as_typed(office_docx):
    result = read_docx(office_docx(PLANS[0].stem, "van-thu", draft=True))
    number = next(p for p in result.value.paragraphs() if p.text.lstrip().startswith("Số:"))
    assert "/KH-" in number.text and not any(ch.isdigit() for ch in number.text.split("/KH-")[0])


def test_rules_drawn_as_line_shapes_have_their_length(office_docx):
    result = read_docx(office_docx(PLANS[0].stem, "van-thu-table"))
    lines = [d for p in result.value.paragraphs() for d in p.drawings if d.kind == "line"]
    assert len(lines) >= 2 and all(d.width_pt and d.width_pt > 30 for d in lines)
