"""The office-style test files are what they claim: they open, carry every word of the plan, their
truth matches what Word shows, and each style has the structure it is named after."""
from __future__ import annotations

import re
import zipfile

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree

from generator.plan.validate import load_plan
from tests.office.make_office import PLANS, STYLES, recall, truth_paragraphs, truth_words, words

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TYPED_LABEL = re.compile(r"^\s*(?:[IVXLC]+\.|\d+(?:\.\d+)*\.|[a-zđ]\)|\(\d+\)|[-+])[ \t]")


def _numbering(document) -> dict[str, dict[int, tuple[str, str]]]:
    """numId -> ilvl -> (numFmt, lvlText), from numbering.xml."""
    root = document.part.numbering_part.element
    abstract = {a.get(qn("w:abstractNumId")): {int(lvl.get(qn("w:ilvl"))): (
        lvl.find(qn("w:numFmt")).get(qn("w:val")), lvl.find(qn("w:lvlText")).get(qn("w:val")))
        for lvl in a.findall(qn("w:lvl"))} for a in root.findall(qn("w:abstractNum"))}
    return {n.get(qn("w:numId")): abstract[n.find(qn("w:abstractNumId")).get(qn("w:val"))]
            for n in root.findall(qn("w:num"))}


def _format(fmt: str, n: int) -> str:
    if fmt == "decimal":
        return str(n)
    if fmt == "lowerLetter":
        return "abcdefghijklmnopqrstuvwxyz"[n - 1]
    if fmt == "upperRoman":
        from generator.nd30.labels import roman
        return roman(n)
    raise AssertionError(f"unexpected numFmt {fmt}")


def shown_paragraphs(path) -> list[str]:
    """Every paragraph of the main story in order (table cells included), as Word shows it: list
    labels computed from numbering.xml, tabs and line breaks as spaces."""
    document = docx.Document(str(path))
    numbering = _numbering(document)
    counters: dict[str, list[int]] = {}
    out = []
    for p in document.element.body.iter(qn("w:p")):
        text = "".join(" " if node.tag in (W + "tab", W + "br") else (node.text or "")
                       for node in p.iter(W + "t", W + "tab", W + "br"))
        num = p.find(f"{W}pPr/{W}numPr")
        if num is not None:
            nid, ilvl = num.find(W + "numId").get(qn("w:val")), int(num.find(W + "ilvl").get(qn("w:val")))
            count = counters.setdefault(nid, [0] * 9)
            count[ilvl] += 1
            count[ilvl + 1:] = [0] * (8 - ilvl)
            fmt, pattern = numbering[nid][ilvl]
            label = pattern if fmt == "bullet" else re.sub(
                r"%(\d)", lambda m: _format(numbering[nid][int(m.group(1)) - 1][0], count[int(m.group(1)) - 1]),
                pattern)
            text = f"{label} {text}"
        out.append(text)
    return out


CASES = [(p.stem, style, draft) for p in PLANS for style in STYLES for draft in (False, True)]


@pytest.mark.parametrize("stem,style,draft", CASES)
def test_truth_is_what_word_shows(office_docs, stem, style, draft):
    path = office_docs[(stem, style, draft)]
    shown = [w for p in shown_paragraphs(path) for w in words(p)]
    assert shown == truth_words(path)


@pytest.mark.parametrize("stem,style", [(p.stem, s) for p in PLANS for s in STYLES])
def test_every_word_of_the_plan_is_there(office_docs, stem, style):
    path = office_docs[(stem, style, False)]
    plan, _ = load_plan(PLANS[[p.stem for p in PLANS].index(stem)])
    text = " ".join(" ".join(p.split()) for p in shown_paragraphs(path))
    assert " ".join(plan.title.split()) in text
    for task in plan.tasks:
        for line in task.content.split("\n"):
            assert " ".join(line.split()) in text, line
    for section in plan.sections:
        assert section.title.upper() in text
    assert plan.signer.name in text


def test_draft_has_blank_number_and_date(office_docs):
    shown = shown_paragraphs(office_docs[("quang-nam-papi-2020", "van-thu", True)])
    assert any(re.fullmatch(r"\s*Số: {3,}/KH-UBND\s+Quảng Nam, ngày {3,}tháng {3,}năm 2020", p) for p in shown), shown[:8]
    assert not any("4055" in p for p in shown)
    final = shown_paragraphs(office_docs[("quang-nam-papi-2020", "van-thu", False)])
    assert any("Số: 4055/KH-UBND" in p and "ngày 20 tháng 7 năm 2020" in p for p in final)


@pytest.mark.parametrize("stem", [p.stem for p in PLANS])
def test_drafter_numbering_is_word_numbering(office_docs, stem):
    path = office_docs[(stem, "drafter", False)]
    document = docx.Document(str(path))
    numbered = [p for p in document.paragraphs if p._p.pPr is not None and p._p.pPr.numPr is not None]
    styles = {p.style.name for p in numbered}
    assert {"Heading 1", "Heading 2"} <= styles
    assert not [p.text for p in numbered if TYPED_LABEL.match(p.text)]
    # no paragraph anywhere types its own label
    assert not [p.text for p in document.paragraphs if TYPED_LABEL.match(p.text)]
    formats = {fmt for levels in _numbering(document).values() for fmt, _ in levels.values()}
    assert {"upperRoman", "decimal", "lowerLetter", "bullet"} <= formats
    sections = [p for p in numbered if p.style.name == "Heading 1"]
    plan, _ = load_plan(PLANS[[p.stem for p in PLANS].index(stem)])
    assert [p.text for p in sections] == [s.title.upper() for s in plan.sections]
    shown = shown_paragraphs(path)
    assert "I. " + plan.sections[0].title.upper() in shown
    # the page header numbers pages from page 2
    sect = document.sections[0]
    assert sect.different_first_page_header_footer
    assert "PAGE" in etree.tostring(sect.header._element, encoding="unicode")


@pytest.mark.parametrize("stem", [p.stem for p in PLANS])
def test_van_thu_is_typed_and_direct(office_docs, stem):
    path = office_docs[(stem, "van-thu", False)]
    document = docx.Document(str(path))
    assert {p.style.name for p in document.paragraphs} == {"Normal"}
    with zipfile.ZipFile(path) as z:
        xml = z.read("word/document.xml").decode()
    assert "<w:numPr>" not in xml
    runs = [r for p in document.paragraphs for r in p.runs if r.text.strip()]
    assert all(r.font.name == "Times New Roman" and r.font.size is not None for r in runs)
    labelled = [p.text for p in document.paragraphs if TYPED_LABEL.match(p.text)]
    assert any("\t" in t[:6] for t in labelled) and any(" " == t[len(t.split()[0])] for t in labelled)
    assert any(t.startswith("I. ") or t.startswith("I.\t") for t in labelled)
    assert "____" in xml and "PHỤ LỤC" in xml


def test_appendix_tables_merge_like_an_office(office_docs):
    # Quảng Nam 2020: group rows span the table; Hưng Yên 2021: dimension cells merge downwards
    groups = docx.Document(str(office_docs[("quang-nam-papi-2020", "van-thu", False)]))
    table = groups.tables[-1]
    spans = table._tbl.xpath(".//w:gridSpan")
    assert spans and all(int(s.get(qn("w:val"))) == len(table.columns) - 1 for s in spans)
    assert table.rows[0].cells[1].text == "Nội dung công việc"
    merges = docx.Document(str(office_docs[("hung-yen-papi-2021", "van-thu-table", False)]))
    tbl = merges.tables[-1]._tbl
    assert tbl.xpath(".//w:vMerge[@w:val='restart']") and tbl.xpath(".//w:vMerge[not(@w:val)]")
    multi = [tc for tc in tbl.xpath(".//w:tc") if len(tc.xpath("./w:p")) > 1]
    assert multi  # agencies one per paragraph
    assert tbl.xpath(".//w:tr[1]//w:t")[0].text == "STT"
    sects = merges.element.body.xpath(".//w:sectPr/w:pgSz")
    assert any(s.get(qn("w:orient")) == "landscape" for s in sects)


def test_van_thu_table_header_and_drawn_rules(office_docs):
    document = docx.Document(str(office_docs[("quang-nam-papi-2020", "van-thu-table", False)]))
    header = document.tables[0]
    assert "Số: 4055/KH-UBND" in header.cell(0, 0).text and "CỘNG HÒA" in header.cell(0, 1).text
    assert len(list(document.element.body.iter("{urn:schemas-microsoft-com:vml}line"))) >= 3
    shown = shown_paragraphs(office_docs[("quang-nam-papi-2020", "van-thu-table", False)])
    assert any(re.match(r"\d+\.\d+\.[ \t]", p) for p in shown)  # points numbered 1.1.
    assert "Phụ lục" in shown


def test_recall_counts_multiplicity():
    assert recall(["a", "a", "b"], ["a", "b"]) == pytest.approx(2 / 3)
    assert recall([], ["x"]) == 1.0
    assert words("I.\tMỤC ĐÍCH, ___ yêu cầu") == ["i", "mục", "đích", "yêu", "cầu"]


def test_resaved_by_libreoffice_keeps_the_text(office_resaved):
    path = office_resaved("quang-nam-par-sipas-2022", "drafter")
    document = docx.Document(str(path))
    assert document.paragraphs
    shown = [w for p in shown_paragraphs(path) for w in words(p)]
    assert recall(truth_words(path), shown) >= 0.99
    assert truth_paragraphs(path)
