"""What `check --fix` says of a correction it makes or refuses (fixnotes, 2026-12-07): each sentence reached by a
run on a small synthetic document, and the file read back."""
from __future__ import annotations

import pytest

from tests.test_cli import run
from tests.word.test_check import Doc, q, run_props, text_of
from tests.word.test_fix import sample_docx  # noqa: F401  (fixture)

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _date_run_shared(sample_docx, tmp_path):
    """The sample's date line set upright (date.style asks italic) in one run that also holds "Kèm theo" before a gap
    of spaces: the date is a piece of its own (split at the gap), its run is not."""
    doc = Doc(sample_docx)
    p = doc.para("Quảng Nam, ngày")
    run_props(p, "w:i", i={"val": 0})
    runs = list(p.iter(q("w:r")))
    assert len(runs) == 1
    t = runs[0].find(q("w:t"))
    t.text = "Kèm theo     " + t.text
    t.set(XML_SPACE, "preserve")
    return doc.save(tmp_path / "shared-run.docx")


def _date_paragraph(path):
    p = Doc(path).para("Kèm theo")
    runs = list(p.iter(q("w:r")))
    return text_of(p), [(text_of(r), r.find(q("w:rPr")).find(q("w:i")).get(q("w:val"))) for r in runs]


def test_fix_refuses_to_format_a_piece_of_a_run_and_leaves_the_run(sample_docx, tmp_path):
    """The italic asked for the date cannot be set on its run without setting "Kèm theo" italic too: --fix says so
    (the refusal of runs.py) and the paragraph's text and its one run stay as they were."""
    source = _date_run_shared(sample_docx, tmp_path)
    before = _date_paragraph(source)
    assert before == ("Kèm theo     Quảng Nam, ngày 05 tháng 3 năm 2021",
                      [("Kèm theo     Quảng Nam, ngày 05 tháng 3 năm 2021", "0")])
    done = run("check", "--fix", source, "-o", tmp_path / "fixed.docx")
    out = done.stdout + done.stderr
    assert done.returncode == 1, out  # a finding is left for the drafter
    assert ("không tự sửa: phần 1, đoạn 7: [địa danh, ngày tháng in nghiêng, canh giữa] đoạn chữ cần sửa chỉ là một "
            "phần của đoạn định dạng (run); sửa trong Word — “Quảng Nam, ngày 05 tháng 3 năm 2021”") in out, out
    assert "(0 chỗ đã sửa;" in out, out
    assert _date_paragraph(tmp_path / "fixed.docx") == before


def test_the_note_of_a_typed_rule_replaced_by_a_border_says_the_length_drawn(sample_docx, tmp_path):
    """Underscores alone under the trích yếu become a paragraph border: the note says its length as the note of a
    drawn line does ("… nét liền dài 44 mm" on FR-QD01, said without a length before), the length of the border
    between the indents --fix wrote, as check reads the fixed file."""
    import re

    from generator.nd30.check.base import Checker
    from generator.word import read_docx
    from tests.word.test_fix import broken

    source = broken(sample_docx, tmp_path, "rule.typed")
    done = run("check", "--fix", source, "-o", tmp_path / "fixed.docx")
    out = done.stdout + done.stderr
    said = re.findall(r"đường kẻ gõ bằng dấu gạch thay bằng đường kẻ nét liền(?: dài (\d+) mm)?", out)
    assert len(said) == 1 and said[0], out
    had = {p.index for p in read_docx(source).value.paragraphs() if p.border_bottom}
    doc = read_docx(tmp_path / "fixed.docx").value
    ck = Checker(doc)
    [rule] = [p for p in doc.paragraphs() if p.border_bottom and p.index not in had]
    drawn = ck.width_available(rule) - rule.indent_left_pt - (rule.indent_right_pt or 0)
    assert int(said[0]) == round(drawn / 72 * 25.4) and 20 <= int(said[0]) <= 80, (said, drawn)


def test_a_border_drawn_with_new_margins_keeps_the_length_said(sample_docx, tmp_path):
    """The same rule with the left margin 29 mm, which --fix sets to 30 mm in the same pass: the text area the border
    spans narrows 1 mm, and its indents with it, so the border draws the length check computed and the note says
    (FR-QD01: the right margin corrected, the border 0,8 mm longer than said)."""
    import re

    from generator.nd30.check.base import Checker
    from generator.word import read_docx
    from tests.word.test_fix import broken

    doc = Doc(broken(sample_docx, tmp_path, "rule.typed"))
    doc.sections()[0].find(q("w:pgMar")).set(q("w:left"), "1644")
    source = doc.save(tmp_path / "left-29.docx")
    alone = re.search(r"nét liền dài (\d+) mm", run("check", "--fix", broken(sample_docx, tmp_path, "rule.typed"),
                                                    "-o", tmp_path / "alone.docx").stdout).group(1)
    done = run("check", "--fix", source, "-o", tmp_path / "fixed.docx")
    out = done.stdout + done.stderr
    assert "lề trái 30 mm" in out, out
    said = re.search(r"nét liền dài (\d+) mm", out).group(1)
    had = {p.index for p in read_docx(source).value.paragraphs() if p.border_bottom}
    fixed = read_docx(tmp_path / "fixed.docx").value
    assert fixed.sections[0].margin_left_mm == pytest.approx(30, abs=0.05)
    [rule] = [p for p in fixed.paragraphs() if p.border_bottom and p.index not in had]
    drawn = Checker(fixed).width_available(rule) - rule.indent_left_pt - rule.indent_right_pt
    assert said == alone and int(said) == round(drawn / 72 * 25.4), (said, alone, drawn)


def _centred_into_the_margin(sample_docx, tmp_path, left: int, name: str):
    """A body paragraph of the sample made a short centred line at 12 pt (body.size asks 14) with a left indent of
    `left` twips and a right indent of 4871 (FR5-CV03's trích yếu: -709, in the page's left margin)."""
    doc = Doc(sample_docx)
    p = doc.para("Kinh phí thực hiện Kế hoạch")
    ts = list(p.iter(q("w:t")))
    ts[0].text = "Về việc thực hiện trình tự đề nghị"
    for t in ts[1:]:
        t.text = ""
    run_props(p, "w:sz", sz={"val": 24})
    ppr = p.find(q("w:pPr"))
    for tag in ("w:ind", "w:jc"):
        for old in ppr.findall(q(tag)):
            ppr.remove(old)
    ppr.append(ppr.makeelement(q("w:ind"), {q("w:left"): str(left), q("w:right"): "4871", q("w:firstLine"): "0"}))
    ppr.append(ppr.makeelement(q("w:jc"), {q("w:val"): "center"}))
    return doc.save(tmp_path / f"{name}.docx")


def test_a_centred_line_indented_into_the_margin_is_not_made_larger(sample_docx, tmp_path):
    """FR5-CV03: the trích yếu, centred between a left indent of -12,5 mm and a right one of 86 mm, set from 11 to
    13 pt by body.size, grew on both sides of its centre and printed 15,9 mm from the paper's edge (19,8 before). The
    size is given up and said; the run keeps its size. The same line indented from the margin (0) is corrected."""
    import re

    source = _centred_into_the_margin(sample_docx, tmp_path, -709, "into")
    done = run("check", "--fix", source, "-o", tmp_path / "fixed.docx")
    out = done.stdout + done.stderr
    assert re.search(r"không tự sửa: phần 1, đoạn \d+: \[[^]]+\] dòng chữ canh giữa có thụt lề trái âm 12,5 mm \(lấn "
                     r"ra lề trái của trang\): ở cỡ 14 “Về việc thực hiện trình tự đề nghị” rộng ra hai bên và in lấn "
                     r"sâu hơn vào lề trái, gần mép giấy hơn; hãy đặt lại thụt lề", out), out
    p = Doc(tmp_path / "fixed.docx").para("Về việc thực hiện trình tự")
    assert {s.get(q("w:val")) for s in p.iter(q("w:sz"))} == {"24"}
    inside = _centred_into_the_margin(sample_docx, tmp_path, 0, "inside")
    done = run("check", "--fix", inside, "-o", tmp_path / "fixed-inside.docx")
    assert "cỡ chữ 14 — “Về việc thực hiện trình tự đề nghị”" in done.stdout, done.stdout


def test_a_space_put_after_a_recipients_dash_is_said_with_the_word_after_it(sample_docx, tmp_path):
    """FR20-KH01 (judge20): --fix put the missing space after a Nơi nhận dash and said “-” → “-” (the space it added was
    cut off the end of what it showed). It says the dash with the word after it, before and after."""
    from generator.nd30.fix import fix_docx
    from tests.word.test_check import set_text

    doc = Doc(sample_docx)
    set_text(doc.para("- Các Sở, Ban, ngành"), "- Các Sở", "-Các Sở")
    source = doc.save(tmp_path / "dash.docx")
    said = [str(line) for line in fix_docx(source, tmp_path / "fixed.docx").changed]
    assert [s for s in said if "“-Các" in s] == ["phần 1, đoạn 42: “-Các” → “- Các”"]
    assert text_of(Doc(tmp_path / "fixed.docx").para("- Các Sở, Ban, ngành")).startswith("- Các Sở, Ban, ngành")
