"""A sentence cut in two by a hard return: its second half typed as a paragraph of its own ("… xã Thủ Sỹ," /
"huyện Tiên Lữ, tỉnh Hưng Yên.", FR23-GGT01; "… cho đến việc thanh" / "lý thiết bị cũ …", FR21-QD03). It prints as
the wrapped lines of the sentence above; the paragraph rules (first-line indent, space before) do not apply to it:
indenting it or spacing it off would tear the sentence apart. Finding, not judging: nothing here reports."""
from __future__ import annotations

from generator.core.text import text_width_pt
from generator.core.units import PT_PER_MM
from generator.nd30.check.base import Checker, segments
from generator.nd30.labels import split_label
from generator.word.model import Paragraph

_SENTENCE_END = ".;:!?…)”\"'/"
_FILLED = 0.6  # the line above reaches past this share of the line: it was cut where it wrapped, not a short title


def continues_sentence(ck: Checker, p: Paragraph) -> bool:
    """`p` goes on with the sentence of the paragraph right above it: that one ends without a sentence's mark (on
    a word or a comma) and fills most of a line, both print in one look (size, bold, italic), and `p` opens with
    no label and in lower case, or, after a word, in a capital on a line set left of where the paragraph above
    starts (a name carried over as a wrapped line: "… cho đồng chí" / "Vũ Văn Tính tại địa chỉ trên/.")."""
    at = ck.order[p.index]
    if at == 0 or p.list_label:
        return False
    above = ck.paras[at - 1]
    text, before = p.text.strip(), above.text.rstrip()
    if not text or not before or ck.cell_of.get(above.index) != ck.cell_of.get(p.index) or above.section != p.section:
        return False
    if before[-1] in _SENTENCE_END or not (before[-1].isalnum() or before[-1] == ","):
        return False
    if not text[0].isalpha() or split_label(text)[0] or not _one_look(above, p) or not _filled(ck, above):
        return False
    if text[0].islower():
        return True
    return before[-1].isalpha() and _start_pt(ck, p) + 2 * PT_PER_MM < _start_pt(ck, above)


def _one_look(above: Paragraph, p: Paragraph) -> bool:
    last, first = next(iter(segments(above)[-1:]), None), next(iter(segments(p)), None)
    return last is not None and first is not None and last.size == first.size and last.bold == first.bold \
        and last.italic == first.italic


def _filled(ck: Checker, p: Paragraph) -> bool:
    """The paragraph reaches past `_FILLED` of its line (a wrapped one's last line is not measured: word wrap
    leaves it anywhere)."""
    size = next((r.size_pt for r in p.runs if r.text.strip() and r.size_pt), None) or 14.0
    width = ck.width_available(p) - (p.indent_left_pt or 0) - (p.indent_right_pt or 0)
    if width <= 0:
        return False
    used = text_width_pt(" ".join(p.text.split()), size) + max(0.0, ck.first_line_indent(p))
    return used >= _FILLED * width


def _start_pt(ck: Checker, p: Paragraph) -> float:
    return ck.first_line_indent(p) + (p.indent_left_pt or 0.0)
