"""List labels computed from numbering.xml as Word shows them."""
from __future__ import annotations

from generator.word import read_docx
from generator.word.numbering import format_number

from tests.word.docx_factory import OFFICE_LISTS, abstract, lvl, make_docx, num, numbering_xml, p


def test_office_list_labels_match_word(rich):
    paragraphs = list(rich.value.paragraphs())
    got = [(q.text, q.list_label) for q in paragraphs[: len(OFFICE_LISTS)]]
    assert got == [(text, label) for _, text, label in OFFICE_LISTS]


def test_label_is_not_part_of_text_and_keeps_num_and_level(rich):
    roman = next(q for q in rich.value.paragraphs() if q.text == "NỘI DUNG")
    assert (roman.list_label, roman.num_id, roman.ilvl, roman.list_suffix) == ("II.", "1", 0, "\t")
    assert roman.full_text == "II.\tNỘI DUNG"
    spaced = next(q for q in rich.value.paragraphs() if q.text == "Số có số 0")
    assert spaced.full_text == "09. Số có số 0"


def test_heading_style_numbering_and_levels(rich):
    heads = [(q.text, q.heading_level, q.list_label) for q in rich.value.paragraphs() if q.heading_level]
    assert heads[:6] == [("Mục đích", 1, "1."), ("Tiểu mục một", 2, "1.1."), ("Tiểu mục hai", 2, "1.2."),
                         ("Phần hai", 1, "2."), ("Tiểu mục ba", 2, "2.1."), ("Không đánh số", 1, None)]
    assert ("Tiêu đề cấp ba theo outlineLvl", 3, None) in heads


def test_numbering_level_indent_applies_between_style_and_direct(rich):
    roman = next(q for q in rich.value.paragraphs() if q.text == "MỤC ĐÍCH, YÊU CẦU")
    assert (roman.indent_left_pt, roman.indent_first_line_pt) == (36.0, -18.0)


def test_parent_level_never_used_shows_zero_like_word(tmp_path):
    numbering = numbering_xml([abstract(1, [lvl(0, "decimal", "%1."), lvl(1, "decimal", "%1.%2.")])], [num(1, 1)])
    doc = make_docx(tmp_path / "x.docx", p("con trước cha", num=(1, 1)) + p("cha", num=(1, 0))
                    + p("con", num=(1, 1)), numbering=numbering)
    labels = [q.list_label for q in read_docx(doc).value.paragraphs()]
    assert labels == ["0.1.", "1.", "1.1."]


def test_unknown_num_id_is_reported_not_raised(tmp_path):
    doc = make_docx(tmp_path / "x.docx", p("mồ côi", num=(42, 0)))
    result = read_docx(doc)
    para = next(result.value.paragraphs())
    assert para.list_label is None and para.text == "mồ côi"
    assert any("numId=42" in m.text for m in result.messages)


def test_restart_through_new_num_with_start_override(tmp_path):
    numbering = numbering_xml([abstract(1, [lvl(0, "lowerLetter", "%1)")])], [num(1, 1), num(2, 1, {0: 1})])
    body = p("a", num=(1, 0)) + p("b", num=(1, 0)) + p("lại a", num=(2, 0)) + p("tiếp b", num=(2, 0))
    labels = [q.list_label for q in read_docx(make_docx(tmp_path / "x.docx", body, numbering=numbering)).value.paragraphs()]
    assert labels == ["a)", "b)", "a)", "b)"]


def test_format_number():
    assert [format_number(n, "upperRoman") for n in (1, 4, 9, 14, 40, 1999)] == ["I", "IV", "IX", "XIV", "XL", "MCMXCIX"]
    assert [format_number(n, "lowerLetter") for n in (1, 26, 27, 53)] == ["a", "z", "aa", "aaa"]
    assert format_number(3, "decimalZero") == "03" and format_number(12, "decimalZero") == "12"
    assert format_number(5, "none") == ""


def test_hostile_start_values_give_short_labels(tmp_path):
    numbering = numbering_xml([abstract(1, [lvl(0, "upperLetter", "%1.", start=10**9)]),
                               abstract(2, [lvl(0, "upperRoman", "%1.", start=10**6)])], [num(1, 1), num(2, 2)])
    doc = make_docx(tmp_path / "x.docx", p("a", num=(1, 0)) + p("b", num=(2, 0)), numbering=numbering)
    assert [q.list_label for q in read_docx(doc).value.paragraphs()] == ["1000000000.", "1000000."]
    assert format_number(27 * 26, "upperLetter") == "Z" * 27


def _labels_with_restart(tmp_path, restart):
    levels = [lvl(0, "decimal", "%1."), lvl(1, "decimal", "%1.%2."), lvl(2, "lowerLetter", "%3)", restart=restart)]
    numbering = numbering_xml([abstract(1, levels)], [num(1, 1)])
    order = [0, 1, 2, 2, 2, 1, 2, 0, 1, 2, 0, 2]
    body = "".join(p(f"đoạn {i}", num=(1, level)) for i, level in enumerate(order))
    doc = make_docx(tmp_path / f"restart-{restart}.docx", body, numbering=numbering)
    return [q.list_label for q in read_docx(doc).value.paragraphs()]


def test_level_restarts_at_its_parent_as_word_shows(tmp_path):
    """Issue 23: a level restarting at its parent (w:lvlRestart = 2, the 1-based parent level) reads "a)"
    after each "1.2.", where a bug read "d)". Without lvlRestart, any shallower level restarts it too."""
    parent = ["1.", "1.1.", "a)", "b)", "c)", "1.2.", "a)", "2.", "2.1.", "a)", "3.", "a)"]
    assert _labels_with_restart(tmp_path, 2) == parent
    assert _labels_with_restart(tmp_path, None) == parent


def test_level_restarting_only_at_the_top_level_or_never(tmp_path):
    # lvlRestart = 1: only a use of level 1 ("1.", "2.") restarts the letters; "1.2." does not
    assert _labels_with_restart(tmp_path, 1) == ["1.", "1.1.", "a)", "b)", "c)", "1.2.", "d)", "2.", "2.1.", "a)",
                                                 "3.", "a)"]
    # lvlRestart = 0: never restarted
    assert _labels_with_restart(tmp_path, 0) == ["1.", "1.1.", "a)", "b)", "c)", "1.2.", "d)", "2.", "2.1.", "e)",
                                                 "3.", "f)"]


def test_restart_through_new_num_with_its_own_level_override(tmp_path):
    """A second list on the same abstract list, whose w:num carries a w:lvlOverride with its own w:lvl (start
    1), starts again at '1.' as the override says, not '4.' (fresh mutant f3-level-override-no-restart)."""
    numbering = numbering_xml([abstract(1, [lvl(0, "decimal", "%1.")])],
                              [num(1, 1), num(2, 1, lvl_override={0: lvl(0, "decimal", "%1.", start=1)})])
    body = "".join(p(text, num=(n, 0)) for text, n in [("một", 1), ("hai", 1), ("ba", 1), ("lại một", 2),
                                                        ("lại hai", 2)])
    labels = [q.list_label for q in read_docx(make_docx(tmp_path / "x.docx", body, numbering=numbering)).value.paragraphs()]
    assert labels == ["1.", "2.", "3.", "1.", "2."]
