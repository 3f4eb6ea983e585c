"""`kehoach check --fix`: each fixable rule, broken alone in a kehoach build, is repaired so the output re-checks
clean with the same words; hostile files are refused; nothing is written when a fix would change the words."""
from __future__ import annotations

import pytest

from generator.core.errors import WordFileError
from generator.word import read_docx
from generator.nd30.check import check_docx
from generator.nd30.fix import FixError, fix_docx, words
from generator.nd30.fix.xml import CharMap
from generator.nd30.rules import RULE
from tests.word.test_check import MUTATIONS, Doc, q, run_props, set_text

FIXABLE = ["page.margins", "font.family", "font.size-pair", "national.style", "date.form", "date.style",
           "doctype.style", "recipients.punctuation", "recipients.size", "signer.style", "pagenum.first",
           "pagenum.missing", "appendix.page-numbers", "rule.typed",
           "body.size", "motto.rule"]
NOT_FIXABLE = ["number.form", "heading.sequence", "appendix.label", "closing.mark", "page.size", "motto.text"]


@pytest.fixture(scope="module")
def sample_docx(tmp_path_factory):
    from generator.render.build import build_plan
    from tests.conftest import SAMPLE

    return build_plan(SAMPLE, tmp_path_factory.mktemp("sample")).files[0]


def _narrow_left(doc) -> None:
    """Left 25.4 mm, right 19.6 mm: left 30 and right 15 keep the text area, so nothing reflows."""
    mar = doc.sections()[0].find(q("w:pgMar"))
    mar.set(q("w:left"), "1440")
    mar.set(q("w:right"), "1111")


# a margin fix that would reflow the text is made only when every page keeps its words (test_fix_damage.py)
LOCAL = {"page.margins": _narrow_left}


def broken(sample_docx, tmp_path, rule):
    doc = Doc(sample_docx)
    (LOCAL.get(rule) or MUTATIONS[rule][0])(doc)
    return doc.save(tmp_path / f"{rule}.docx")


# what --fix says it did, for each fixable rule broken alone in the sample (the sentences a user reads)
FIX_SAYS = {
    "page.margins": ["phần 1: lề trái 30 mm, phải 15 mm"],
    "font.size-pair": ["phần 1, đoạn 3: cỡ chữ 13 — “CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM”"],
    "national.style": ["phần 1, đoạn 3: chữ đậm, chữ đứng — “CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM”"],
    "date.form": ["phần 1, đoạn 7: “Quảng Nam, ngày 05 tháng 03 năm 2021” → “Quảng Nam, ngày 05 tháng 3 năm 2021”"],
    "doctype.style": ["phần 1, đoạn 8: chữ đậm, chữ đứng — “KẾ HOẠCH”"],
    "recipients.punctuation": ["phần 1, đoạn 42: “- Các Sở, Ban, ngành,” → “- Các Sở, Ban, ngành;”"],
    "recipients.size": ["phần 1, đoạn 42: cỡ chữ 11 — “- Các Sở, Ban, ngành;”"],
    "signer.style": ["phần 1, đoạn 52: chữ đậm, chữ đứng — “Hồ Quang Bửu”"],
    "pagenum.missing": ["phần 1: thêm số trang (trường PAGE) canh giữa ở lề trên, cỡ 14"],
    "appendix.page-numbers": ["phần 2: số trang phụ lục đánh lại từ 1"],
    "body.size": ["phần 1, đoạn 38: cỡ chữ 14 — “Kinh phí thực hiện Kế hoạch được bố trí trong dự toán ngân …”"],
}


@pytest.mark.parametrize("rule", [r for r in FIXABLE if r != "motto.rule"])
def test_fix_repairs_the_rule_and_keeps_every_word(sample_docx, tmp_path, rule):
    source = broken(sample_docx, tmp_path, rule)
    assert RULE[rule].fixable
    assert any(f.rule == rule and f.detail.fixable for f in check_docx(source).findings)
    report = fix_docx(source, tmp_path / "fixed.docx")
    assert report.changed, rule
    assert [(f.rule, f.text) for f in report.left] == []  # the output, read back and checked again
    assert words(read_docx(tmp_path / "fixed.docx").value) == words(read_docx(source).value)
    if rule in FIX_SAYS:  # and says exactly what it did
        assert [str(line) for line in report.changed] == FIX_SAYS[rule]
    if rule == "page.margins":
        # left 25,4 mm → 30 mm (the range's low end); right 19,6 mm is inside (15–20) but gives the text width
        # back: 15 mm; top and bottom untouched
        mar = Doc(tmp_path / "fixed.docx").sections()[0].find(q("w:pgMar"))
        assert (round(int(mar.get(q("w:left"))) / 56.7), round(int(mar.get(q("w:right"))) / 56.7)) == (30, 15)
        before = Doc(sample_docx).sections()[0].find(q("w:pgMar"))
        assert [mar.get(q(f"w:{k}")) for k in ("top", "bottom")] == [before.get(q(f"w:{k}")) for k in ("top", "bottom")]


def test_every_kind_of_fix_has_its_function():
    from typing import get_args

    from generator.nd30.check.base import FixKind
    from generator.nd30.fix import FIXES

    assert set(FIXES) == set(get_args(FixKind))


def test_missing_drawn_rule_is_not_invented(sample_docx, tmp_path):
    """A rule that is simply missing needs a person (where, how long): --fix leaves it and says so."""
    source = broken(sample_docx, tmp_path, "motto.rule")
    report = fix_docx(source, tmp_path / "fixed.docx")
    assert [f.rule for f in report.left] == ["motto.rule"]


@pytest.mark.parametrize("rule", NOT_FIXABLE)
def test_wording_problems_are_left_for_a_person(sample_docx, tmp_path, rule):
    source = broken(sample_docx, tmp_path, rule)
    report = fix_docx(source, tmp_path / "fixed.docx")
    assert rule in {f.rule for f in report.left}
    before = read_docx(source).value
    after = read_docx(tmp_path / "fixed.docx").value
    assert [p.text for p in after.paragraphs()] == [p.text for p in before.paragraphs()]


def test_date_fix_pads_only_the_digits(sample_docx, tmp_path):
    doc = Doc(sample_docx)
    set_text(doc.para("Quảng Nam, ngày"), "ngày 05 tháng 3", "ngày 5 tháng 03")
    source = doc.save(tmp_path / "d.docx")
    report = fix_docx(source, tmp_path / "fixed.docx")
    texts = [p.text for p in read_docx(tmp_path / "fixed.docx").value.paragraphs()]
    assert "Quảng Nam, ngày 05 tháng 3 năm 2021" in texts
    assert any("“Quảng Nam, ngày 5 tháng 03 năm 2021” → “Quảng Nam, ngày 05 tháng 3 năm 2021”" in line
               for line in map(str, report.changed)), report.changed


def test_recipient_punctuation_fix_changes_only_the_last_mark(sample_docx, tmp_path):
    doc = Doc(sample_docx)
    set_text(doc.para("- Các Sở"), "ngành;", "ngành")
    set_text(doc.para("- Lưu"), "(02).", "(02);")
    report = fix_docx(doc.save(tmp_path / "r.docx"), tmp_path / "fixed.docx")
    texts = [p.text for p in read_docx(tmp_path / "fixed.docx").value.paragraphs()]
    assert "- Các Sở, Ban, ngành;" in texts and "- Lưu: VT, NCKS (02)." in texts
    assert len(report.changed) == 2 and report.left == []


def test_several_rules_at_once(sample_docx, tmp_path):
    doc = Doc(sample_docx)
    for rule in ("date.form", "page.margins", "font.family", "body.size", "pagenum.first", "rule.typed"):
        MUTATIONS[rule][0](doc)
    source = doc.save(tmp_path / "many.docx")
    assert len({f.rule for f in check_docx(source).findings}) == 6
    report = fix_docx(source, tmp_path / "fixed.docx")
    assert report.left == [] and len(report.changed) >= 6


def test_hostile_file_is_refused_and_nothing_written(tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)  # OLE: encrypted .docx or old .doc
    out = tmp_path / "out.docx"
    with pytest.raises(WordFileError):
        fix_docx(bad, out)
    assert not out.exists() and list(tmp_path.iterdir()) == [bad]


def test_a_fix_that_would_change_words_writes_nothing(sample_docx, tmp_path, monkeypatch):
    source = broken(sample_docx, tmp_path, "date.form")
    out = tmp_path / "fixed.docx"
    out.write_bytes(b"old result")
    real = CharMap.replace

    def sloppy(self, start, end, new):  # a bug that would also change a word
        return real(self, start, end, new + " Hà Nội")

    monkeypatch.setattr(CharMap, "replace", sloppy)
    with pytest.raises(FixError, match="chữ bị thay đổi"):
        fix_docx(source, out)
    assert out.read_bytes() == b"old result"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["date.form.docx", "fixed.docx"]


# ---------------------------------------------------------------- office-style documents

from tests.word.test_check import OFFICE_FINDINGS, office_files  # noqa: E402, F401

# appendix.attached: no line under the appendix's "(Kèm theo …)" line (Mẫu 2.1); --fix does not draw it
OFFICE_LEFT = {"drafter": {"body.spacing", "appendix.attached"}, "van-thu": {"appendix.label", "appendix.attached"},
               "van-thu-table": {"heading.numbering", "appendix.attached"}}


@pytest.mark.parametrize("style", sorted(OFFICE_LEFT))
def test_office_documents_fixed_keep_their_words(office_files, tmp_path, style):
    from tests.office.make_office import recall, truth_words
    from tests.office.make_office import words as truth_split

    source = office_files[style]
    out = tmp_path / f"{style}.fixed.docx"
    report = fix_docx(source, out)
    assert [f.rule for f in report.left if f.detail.fixable] == []  # everything --fix may do, it did
    assert {f.rule for f in report.left} == OFFICE_LEFT[style]
    assert report.refused == []
    before, after = read_docx(source).value, read_docx(out).value
    assert words(after) == words(before)
    expected = truth_words(source)
    found_before = truth_split("\n".join(p.text for p in before.paragraphs()))
    found_after = truth_split("\n".join(p.text for p in after.paragraphs()))
    assert recall(expected, found_after) == recall(expected, found_before) > 0.97


@pytest.fixture(scope="module")
def fixed_van_thu(office_files, tmp_path_factory):
    """The office file with a typed header, fixed once for the tests that read the result."""
    out = tmp_path_factory.mktemp("fixed-van-thu")
    return fix_docx(office_files["van-thu"], out / "van-thu.fixed.docx")


@pytest.fixture(scope="module")
def fixed_van_thu_pdf(fixed_van_thu):
    from generator.render.pdf import docx_to_pdf

    return docx_to_pdf(fixed_van_thu.out, fixed_van_thu.out.parent)


def test_fixed_office_document_renders_page_numbers_and_no_underscores(fixed_van_thu_pdf):
    import subprocess

    pages = subprocess.run(["pdftotext", "-layout", str(fixed_van_thu_pdf), "-"], capture_output=True, text=True,
                           timeout=60, check=True).stdout.split("\f")
    assert "___" not in pages[0] and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in pages[0]
    assert pages[0].split()[0] != "1"  # no number on page 1
    assert pages[1].split()[0] == "2"  # centred "2" at the top of page 2


def test_font_in_page_header_is_fixed(sample_docx, tmp_path):
    from tests.word.test_check import header_part

    doc = Doc(sample_docx)
    root = doc.xml(header_part(doc))
    run_props(next(root.iter(q("w:r"))).getparent(), "w:rFonts", rFonts={"ascii": "Arial", "hAnsi": "Arial"})
    source = doc.save(tmp_path / "h.docx")
    report = fix_docx(source, tmp_path / "fixed.docx")
    assert report.left == [] and any("phông chữ Times New Roman" in str(line) for line in report.changed)


def test_font_fix_sets_the_font_word_uses_for_vietnamese_letters(sample_docx, tmp_path):
    """Word draws "ệ", "ư", "đ" in the hAnsi font and plain ASCII in the ascii one: a run in Arial fixed to
    Times New Roman has both (and the complex-script, East Asian slots) in Times New Roman in the file written,
    never Vietnamese letters left in Arial (fresh mutant f-font-ascii-only)."""
    source = broken(sample_docx, tmp_path, "font.family")
    fix_docx(source, tmp_path / "fixed.docx")
    fixed = Doc(tmp_path / "fixed.docx")
    run = next(r for r in fixed.para("Ký tự đặc biệt").iter(q("w:r")) if r.find(q("w:rPr")) is not None)
    fonts = run.find(q("w:rPr")).find(q("w:rFonts"))
    assert {k: fonts.get(q(f"w:{k}")) for k in ("ascii", "hAnsi", "cs", "eastAsia")} == dict.fromkeys(
        ("ascii", "hAnsi", "cs", "eastAsia"), "Times New Roman")
    assert not [v for name in fixed.parts if name.startswith("word/") and name.endswith(".xml")
                for v in fixed.xml(name).iter(q("w:rFonts")) if "Arial" in v.attrib.values()]


def test_damaged_documents_never_crash_check_or_fix(sample_docx, office_files, tmp_path):
    """Paragraphs, runs, rows, cells and properties cut at random (fixed seed): findings or a refusal,
    never an exception."""
    import random

    from generator.core.errors import KehoachError
    from tests.word.test_check import q

    rng = random.Random(30)
    sources = [sample_docx, office_files["van-thu"], office_files["drafter"]]
    tags = {q(t) for t in ("w:p", "w:tbl", "w:r", "w:tr", "w:tc", "w:sectPr", "w:pPr", "w:rPr")}
    for i in range(9):
        doc = Doc(sources[i % 3])
        nodes = [n for n in doc.xml().find(q("w:body")).iter() if n.tag in tags]
        for node in rng.sample(nodes, rng.randint(1, 30)):
            if node.getparent() is not None and node.getparent().getparent() is not None:
                node.getparent().remove(node)
        path = doc.save(tmp_path / f"damaged{i}.docx")
        result = check_docx(path)
        for finding in result.findings:  # each finding names a known rule and says what is wrong
            assert finding.rule in RULE and finding.text.strip() and finding.level in ("error", "warning")
        out = tmp_path / f"fixed{i}.docx"
        try:
            report = fix_docx(path, out)
        except KehoachError as refused:
            assert str(refused).strip() and not out.exists()  # a reason, and never a half-written file
            continue
        if report.untouched:
            assert not out.exists()
            continue
        # what was written has every word of the damaged file, and re-checks to what the report says is left
        assert words(read_docx(out).value) == words(read_docx(path).value)
        assert {(m.rule, m.text) for m in report.left} <= {(m.rule, m.text) for m in check_docx(out).findings}


def test_typed_motto_rule_is_drawn_as_long_as_the_motto_and_a_wrong_length_is_noticed(fixed_van_thu, tmp_path):
    """Issue 23: --fix drew the Tiêu ngữ rule of a tab-set header 24 mm long and its own re-check did not
    notice (a paragraph holding two drawn lines was never measured). The drawn motto rule is as long as the
    motto (ND30 PL I §II.1.b), the agency's 1/3–1/2 of its name; a wrong length is reported."""
    import re as _re

    from generator.core.text import text_width_pt
    from generator.core.units import PT_PER_MM

    report, out = fixed_van_thu, fixed_van_thu.out
    assert "motto.rule" not in {f.rule for f in report.left}
    doc = read_docx(out).value
    rules = next(p for p in doc.paragraphs() if sum(d.kind == "line" for d in p.drawings) == 2)
    agency_line, motto_line = sorted((d for d in rules.drawings if d.kind == "line"), key=lambda d: d.offset_pt)
    motto = text_width_pt("Độc lập - Tự do - Hạnh phúc", 14, "bold")
    assert 0.85 <= motto_line.width_pt / motto <= 1.15, motto_line.width_pt / PT_PER_MM
    agency = text_width_pt("TỈNH QUẢNG NAM", 13, "bold")
    assert agency / 3 - 1 <= agency_line.width_pt <= agency / 2 + 1, agency_line.width_pt / PT_PER_MM

    # the motto's line shortened to 24 mm (its start kept), then the agency's lengthened: each is reported
    for which, rule in ((1, "motto.rule"), (0, "issuer.rule")):
        d = Doc(out)
        lines = list(d.xml().iter("{urn:schemas-microsoft-com:vml}line"))
        assert len(lines) == 2
        line = lines[which]
        start = float(_re.match(r"([\d.]+)pt", line.get("from")).group(1))
        line.set("to", f"{start + (24 if which else 45) * PT_PER_MM:.1f}pt,4pt")
        found = check_docx(d.save(tmp_path / f"wrong-{which}.docx")).findings
        assert [f.rule for f in found if f.rule in ("motto.rule", "issuer.rule")] == [rule], \
            [(f.rule, f.text) for f in found]


def test_the_report_says_the_length_of_each_rule_drawn(office_files, fixed_van_thu):
    """"đường kẻ … nét liền dài 60 mm": the length said is the length drawn, one line per rule (fresh mutant
    g-fix-rule-length-unit, batch 4, said "6 mm" for 60 mm: centimetres named as millimetres), a drawn line's or a
    paragraph border's (between the indents --fix wrote, as check reads them)."""
    import re as _re

    from generator.nd30.check.base import Checker

    said = sorted(int(m.group(1)) for line in map(str, fixed_van_thu.changed)
                  if (m := _re.search(r"nét liền dài (\d+) mm", line)))
    doc = read_docx(fixed_van_thu.out).value
    rules = next(p for p in doc.paragraphs() if sum(d.kind == "line" for d in p.drawings) == 2)
    drawn = [round(d.width_pt / 72 * 25.4) for d in rules.drawings if d.kind == "line"]
    had = {p.index for p in read_docx(office_files["van-thu"]).value.paragraphs() if p.border_bottom}
    ck = Checker(doc)
    drawn = sorted(drawn + [round((ck.width_available(p) - (p.indent_left_pt or 0) - (p.indent_right_pt or 0))
                                  / 72 * 25.4) for p in doc.paragraphs() if p.border_bottom and p.index not in had])
    assert said == drawn and all(n >= 10 for n in said), (said, drawn)


def test_font_fix_takes_away_the_theme_fonts_word_would_draw_instead(sample_docx, tmp_path):
    """A paragraph drawn in the theme's font (w:asciiTheme, w:hAnsiTheme, no font name): --fix writes Times New
    Roman and removes every theme attribute, since Word draws a run in its theme font whenever one is given,
    whatever explicit font is written beside it (ECMA-376 17.3.2.26): a w:hAnsiTheme left behind would keep
    every Vietnamese letter with a mark ("ệ", "ư", "đ") in the theme font (fresh mutant f6-fix-theme-hansi)."""
    doc = Doc(sample_docx)
    run_props(doc.para("Ký tự đặc biệt"), "w:rFonts", rFonts={"asciiTheme": "minorHAnsi", "hAnsiTheme": "minorHAnsi"})
    source = doc.save(tmp_path / "theme.docx")
    assert any(f.rule == "font.family" for f in check_docx(source).findings)
    report = fix_docx(source, tmp_path / "fixed.docx")
    assert any("phông chữ Times New Roman" in str(line) for line in report.changed)
    fixed = Doc(tmp_path / "fixed.docx")
    themed = [dict(f.attrib) for f in fixed.para("Ký tự đặc biệt").iter(q("w:rFonts"))
              if any(k.lower().endswith("theme") for k in f.attrib)]
    assert themed == []
    assert not [f for f in check_docx(tmp_path / "fixed.docx").findings if f.rule == "font.family"]


def test_font_fix_keeps_a_page_footer_line_placed_with_spaces_FR15_QD02(sample_docx, tmp_path):
    """FR15-QD02's footer "BM.03. ĐĐ.01.A2 ⟨100 spaces⟩ Ban hành ngày 03/07/2017" in Calibri Light: in Times New Roman
    its letters are narrower, "Ban" fits at the end of the first line and the line wraps elsewhere (the spaces, not
    a tab, place the words). A page header or footer line placed with spaces keeps its font, refused and said; the
    rest of the document is given Times New Roman, and the finding left is the footer's alone."""
    from lxml import etree

    from tests.word.test_check import header_part

    doc = Doc(sample_docx)
    root = doc.xml(header_part(doc))
    spaced = etree.SubElement(root, q("w:p"))
    for text in ("Mẫu BM.03", " " * 60, "Ban hành ngày 03/07/2017"):
        r = etree.SubElement(spaced, q("w:r"))
        etree.SubElement(etree.SubElement(r, q("w:rPr")), q("w:rFonts")).attrib.update(
            {q("w:ascii"): "Arial", q("w:hAnsi"): "Arial"})
        t = etree.SubElement(r, q("w:t"))
        t.text = text
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    run_props(doc.para("Ký tự đặc biệt"), "w:rFonts", rFonts={"ascii": "Arial", "hAnsi": "Arial"})
    source = doc.save(tmp_path / "spaced.docx")
    report = fix_docx(source, tmp_path / "fixed.docx")
    assert any("phông chữ Times New Roman" in str(line) for line in report.changed)
    assert [m.text for m in report.refused if m.rule == "font.family"] == [
        "phông chữ ở đầu/chân trang không sửa tự động: dòng “Mẫu BM.03 … Ban hành ngày 03/07/2017” đặt chữ vào chỗ bằng "
        "dấu cách; với Times New Roman chữ hẹp lại nên dòng sẽ ngắt khác đi: hãy thay dãy dấu cách bằng phím Tab rồi "
        "đặt phông Times New Roman trong Word"]
    fixed = Doc(tmp_path / "fixed.docx")
    kept = [f.get(q("w:ascii")) for p in fixed.xml(header_part(fixed)).iter(q("w:p"))
            if "Ban hành" in "".join(t.text or "" for t in p.iter(q("w:t"))) for f in p.iter(q("w:rFonts"))]
    assert kept == ["Arial"] * 3
    body = next(r for r in fixed.para("Ký tự đặc biệt").iter(q("w:r")) if r.find(q("w:rPr")) is not None)
    assert body.find(q("w:rPr")).find(q("w:rFonts")).get(q("w:ascii")) == "Times New Roman"
    assert [(f.rule, f.detail.paragraph) for f in report.left] == [("font.family", None)]


@pytest.mark.parametrize("typed, said", [(",", "ngành,"), (".,", "ngành.,"), (".;", "ngành.;")])
def test_a_short_mark_corrected_is_shown_with_the_words_before_it(sample_docx, tmp_path, typed, said):
    """A recipient's end mark of one or two characters (",", ".," typed twice) is said with the words before it on
    both sides of the arrow, so the drafter finds the line (fresh mutants, batch 13: a two-character mark was shown
    bare, “.,” → “- Các Sở, Ban, ngành;”)."""
    doc = Doc(sample_docx)
    set_text(doc.para("- Các Sở"), "ngành;", "ngành" + typed)
    source = doc.save(tmp_path / "marks.docx")
    report = fix_docx(source, tmp_path / "fixed.docx")
    assert [str(line) for line in report.changed] == [f"phần 1, đoạn 42: “- Các Sở, Ban, {said}” → “- Các Sở, Ban, ngành;”"]
