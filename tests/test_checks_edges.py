"""Plan warnings at their edges (issue 23, batch 7: a paragraph closed by ':' before an appendix reference was
warned as an unfinished sentence): which ends of a paragraph count as a finished sentence, and the warning's
exact advice when one does not."""
from __future__ import annotations

import pytest

UNFINISHED = "đoạn chưa hết câu ngay trước câu dẫn phụ lục"


def _before_the_appendix(text):
    return lambda data: data["sections"][2]["content"].insert(0, text)


def _unfinished(plan_from, edit):
    _, warnings = plan_from(edit)
    return [(w.field, w.text) for w in warnings if w.text.startswith(UNFINISHED)]


@pytest.mark.parametrize("end", [".", ";", ":", "!", "?", "…", ")", ":   "])
def test_a_paragraph_ending_a_sentence_or_leading_into_the_reference_is_not_warned(plan_from, end):
    assert _unfinished(plan_from, _before_the_appendix(f"Các nhiệm vụ cụ thể của năm như sau{end}")) == []


@pytest.mark.parametrize("end", ["", ",", " -", "("])
def test_a_paragraph_left_unfinished_before_an_appendix_reference_is_warned_with_its_fix(plan_from, end):
    text = f"Các nhiệm vụ cụ thể như sau{end}"
    assert _unfinished(plan_from, _before_the_appendix(text)) == [(
        "sections[2].content[0]",
        "đoạn chưa hết câu ngay trước câu dẫn phụ lục, câu dẫn sẽ in thành một dòng riêng; hãy viết đoạn này vào "
        f"câu dẫn: {{appendix: nhiem-vu, before: '{text.strip()} (chi tiết tại', after: 'kèm theo).'}}, hoặc kết "
        "thúc đoạn bằng dấu chấm")]


def test_only_the_paragraph_right_before_the_reference_is_judged(plan_from):
    def edit(data):
        content = data["sections"][2]["content"]
        content.insert(0, "Một đoạn chưa hết câu")  # followed by another paragraph, not by the reference
        content.insert(1, "Các nhiệm vụ cụ thể như sau:")
    assert _unfinished(plan_from, edit) == []
    # the reference first in its section has nothing before it
    assert _unfinished(plan_from, lambda data: None) == []
