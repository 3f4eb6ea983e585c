"""`kehoach check`: kehoach's own builds are compliant (no findings), and a build made to break exactly one
ND30 rule (mutated with lxml) is reported with that rule, at the right paragraph."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from generator.render.build import build_plan
from generator.nd30.check import check_docx, grouped
from generator.nd30.rules import RULE, RULES
from tests.conftest import PLANS

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def q(tag: str) -> str:
    prefix, name = tag.split(":")
    return f"{{{W}}}{name}"


def docx_of(built, stem: str) -> Path:
    return next(f for f in built[stem].files if f.suffix == ".docx")


def rules_of(path: Path) -> set[str]:
    return {f.rule for f in check_docx(path).findings}


# ---------------------------------------------------------------- compliant documents


@pytest.mark.parametrize("stem", [p.stem for p in PLANS] + ["sample"])
def test_kehoach_builds_have_no_findings(built, stem):
    result = check_docx(docx_of(built, stem))
    assert [(f.rule, f.where, f.text) for f in result.findings] == []
    assert result.size_pair == 14


def test_size_pair_13_build_has_no_findings(plan_copy, tmp_path):
    path = plan_copy(lambda t: t.replace("appendices:\n", "layout:\n  size_pair: 13\nappendices:\n", 1))
    out = build_plan(path, tmp_path / "out").files[0]
    result = check_docx(out)
    assert [(f.rule, f.text) for f in result.findings] == []
    assert result.size_pair == 13


def test_draft_build_has_no_findings(plan_copy, tmp_path):
    """A draft keeps the number and date blank for the Văn thư: that is not an error."""
    def draft(text):
        return text.replace("document:\n  number: 5\n  date: 2021-03-05\n", "document:\n  code: KH\n", 1)
    out = build_plan(plan_copy(draft), tmp_path / "out").files[0]
    assert [(f.rule, f.text) for f in check_docx(out).findings] == []


# ---------------------------------------------------------------- one broken rule at a time


class Doc:
    """The parts of a .docx as lxml trees, to break one rule and save a copy."""

    def __init__(self, path: Path):
        self.zip = zipfile.ZipFile(path)
        self.parts = {n: self.zip.read(n) for n in self.zip.namelist()}
        self.trees: dict[str, etree._Element] = {}

    def xml(self, name: str = "word/document.xml"):
        if name not in self.trees:
            self.trees[name] = etree.fromstring(self.parts[name])
        return self.trees[name]

    def paragraphs(self):
        return list(self.xml().iter(q("w:p")))

    def para(self, starts: str):
        """The first body paragraph whose text starts with `starts`."""
        for p in self.paragraphs():
            if text_of(p).startswith(starts):
                return p
        raise AssertionError(f"no paragraph starts with {starts!r}")

    def styled(self, style_id: str):
        return [p for p in self.paragraphs() if p.find("w:pPr/w:pStyle[@w:val='%s']" % style_id, NS) is not None]

    def sections(self):
        return list(self.xml().iter(q("w:sectPr")))

    def save(self, path: Path) -> Path:
        for name, tree in self.trees.items():
            self.parts[name] = etree.tostring(tree, xml_declaration=True, encoding="UTF-8", standalone=True)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in self.parts.items():
                z.writestr(name, data)
        path.write_bytes(buffer.getvalue())
        return path


def text_of(p) -> str:
    return "".join(t.text or "" for t in p.iter(q("w:t")))


def set_text(p, old: str, new: str) -> None:
    for t in p.iter(q("w:t")):
        if old in (t.text or ""):
            t.text = t.text.replace(old, new)
            return
    raise AssertionError(f"{old!r} not in {text_of(p)!r}")


def run_props(p, *children: str, **attrs) -> None:
    """Direct run formatting on every run of the paragraph (e.g. 'w:b' with val 0)."""
    for r in p.iter(q("w:r")):
        rpr = r.find(q("w:rPr"))
        if rpr is None:
            rpr = etree.SubElement(r, q("w:rPr"))
            r.insert(0, rpr)
        for tag in children:
            for old in rpr.findall(q(tag)):
                rpr.remove(old)
            node = etree.SubElement(rpr, q(tag))
            for k, v in attrs.get(tag.split(":")[1], {}).items():
                node.set(q(f"w:{k}"), str(v))


def ppr_child(p, tag: str, **attrs):
    ppr = p.find(q("w:pPr"))
    if ppr is None:
        ppr = etree.Element(q("w:pPr"))
        p.insert(0, ppr)
    for old in ppr.findall(q(tag)):
        ppr.remove(old)
    node = etree.SubElement(ppr, q(tag))
    for k, v in attrs.items():
        node.set(q(f"w:{k}"), str(v))
    # keep sectPr last, as Word wants
    sect = ppr.find(q("w:sectPr"))
    if sect is not None:
        ppr.remove(sect)
        ppr.append(sect)
    return node


def remove(node) -> None:
    node.getparent().remove(node)


def no_border(p) -> None:
    bdr = ppr_child(p, "w:pBdr")
    etree.SubElement(bdr, q("w:bottom")).set(q("w:val"), "nil")


def last_body(d: Doc):
    return d.para("Trên đây là Kế hoạch")


def first_appendix_table(d: Doc):
    return [t for t in d.xml().iter(q("w:tbl"))][2]


def header_part(d: Doc, with_page: bool = True) -> str:
    for name in d.parts:
        if name.startswith("word/header") and (b"PAGE" in d.parts[name]) == with_page:
            return name
    raise AssertionError("no such header part")


def page_paragraph(d: Doc):
    root = d.xml(header_part(d))
    return next(p for p in root.iter(q("w:p")) if "PAGE" in "".join(t.text or "" for t in p.iter(q("w:instrText"))))


def clear_text(p) -> None:
    for t in p.iter(q("w:t")):
        t.text = ""


def as_decision_without_enacting_line(d: Doc) -> None:
    """The plan made a decision ("QUYẾT ĐỊNH", "…/QĐ-UBND") whose text opens with "Điều 1." without the line
    "QUYẾT ĐỊNH:" before it."""
    set_text(d.para("KẾ HOẠCH"), "KẾ HOẠCH", "QUYẾT ĐỊNH")
    set_text(d.para("Số: 05"), "KH-", "QĐ-")
    set_text(d.para("Kinh phí thực hiện Kế hoạch"), "Kinh phí", "Điều 1. Kinh phí")


def move_date_up(d: Doc) -> None:
    """The date leaves the row of the number: it goes under the Tiêu ngữ rule, in the row above."""
    date = d.para("Quảng Nam, ngày")
    cell = date.getparent()
    d.styled("KHKetieungu")[0].addnext(date)
    cell.append(etree.fromstring(f'<w:p xmlns:w="{W}"/>'))


def recipients_below_signature(d: Doc) -> None:
    """Nơi nhận taken out of the signature table and typed under it (an anti-pattern of some tools)."""
    label = d.para("Nơi nhận")
    cell = label.getparent()
    table = cell.getparent().getparent()
    moved = [p for p in cell.findall(q("w:p"))]
    for p in reversed(moved):
        table.addnext(p)
    cell.append(etree.fromstring(f'<w:p xmlns:w="{W}"/>'))


def landscape_first_section(d: Doc) -> None:
    size = d.sections()[0].find(q("w:pgSz"))
    size.set(q("w:w"), "16838")
    size.set(q("w:h"), "11906")
    size.set(q("w:orient"), "landscape")


MUTATIONS = {
    # rule: (mutation of sample.docx, text the finding's excerpt starts with, other rules it may bring)
    "page.size": (lambda d: d.sections()[-1].find(q("w:pgSz")).set(q("w:w"), "12240"), None, set()),
    "page.margins": (lambda d: d.sections()[0].find(q("w:pgMar")).set(q("w:left"), "1440"), None, set()),
    "font.family": (lambda d: run_props(d.para("Ký tự đặc biệt"), "w:rFonts",
                                        rFonts={"ascii": "Arial", "hAnsi": "Arial"}), "Ký tự đặc biệt", set()),
    "font.color": (lambda d: run_props(d.para("Ký tự đặc biệt"), "w:color", color={"val": "FF0000"}), "Ký tự đặc biệt",
                   set()),
    "font.size-pair": (lambda d: run_props(d.para("CỘNG HÒA"), "w:sz", sz={"val": 24}), "CỘNG HÒA", set()),
    "national.text": (lambda d: set_text(d.para("CỘNG HÒA"), "HÒA", "HOÀ"), "CỘNG HOÀ", set()),
    "national.style": (lambda d: run_props(d.para("CỘNG HÒA"), "w:b", b={"val": 0}), "CỘNG HÒA", set()),
    "motto.text": (lambda d: set_text(d.para("Độc lập"), "Độc lập - Tự do", "Độc lập – Tự do"), "Độc lập", set()),
    "motto.rule": (lambda d: no_border(d.styled("KHKetieungu")[0]), "Độc lập", set()),
    "issuer.rule": (lambda d: ppr_child(d.styled("KHKecoquan")[0], "w:ind", left=200, right=200), "", set()),
    "rule.typed": (lambda d: (d.styled("KHKetrichyeu")[0].append(etree.fromstring(
        f'<w:r xmlns:w="{W}"><w:t>______________</w:t></w:r>')), no_border(d.styled("KHKetrichyeu")[0])), "____",
        set()),
    "number.form": (lambda d: set_text(d.para("Số: 05"), "05", "5"), "Số: 5/KH-UBND", set()),
    "date.form": (lambda d: set_text(d.para("Quảng Nam, ngày"), "tháng 3", "tháng 03"), "Quảng Nam, ngày 05", set()),
    "date.style": (lambda d: run_props(d.para("Quảng Nam, ngày"), "w:i", i={"val": 0}), "Quảng Nam", set()),
    "issuer.style": (lambda d: run_props(d.para("ỦY BAN NHÂN DÂN"), "w:b", b={"val": 0}), "TỈNH QUẢNG NAM", set()),
    "doctype.style": (lambda d: run_props(d.para("KẾ HOẠCH"), "w:b", b={"val": 0}), "KẾ HOẠCH", set()),
    "body.bases": (lambda d: [run_props(p, "w:i", i={"val": 0}) for p in d.paragraphs()
                              if text_of(p).startswith("Căn cứ")], "Căn cứ", set()),
    "enacting.line": (as_decision_without_enacting_line, "Điều 1. Kinh phí", {"heading.sequence"}),
    "title.style": (lambda d: run_props(d.para("Cải thiện Chỉ số PAPI"), "w:b", b={"val": 0}), "Cải thiện", set()),
    "title.rule": (lambda d: no_border(d.styled("KHKetrichyeu")[0]), "Cải thiện", set()),
    "heading.sequence": (lambda d: set_text(d.para("II. CHỈ TIÊU"), "II.", "III."), "III. CHỈ TIÊU", set()),
    "heading.style": (lambda d: set_text(d.para("I. MỤC ĐÍCH"), "MỤC ĐÍCH, YÊU CẦU", "Mục đích, yêu cầu"),
                      "I. Mục đích", set()),
    "heading.numbering": (lambda d: set_text(d.para("a) Các nhiệm vụ"), "a)", "f)"), "f) Các nhiệm vụ", set()),
    "body.justify": (lambda d: ppr_child(d.para("Kinh phí thực hiện Kế hoạch"), "w:jc", val="left"), "Kinh phí", set()),
    "body.indent": (lambda d: ppr_child(d.para("Kinh phí thực hiện Kế hoạch"), "w:ind", firstLine=0), "Kinh phí",
                    set()),
    "body.size": (lambda d: run_props(d.para("Kinh phí thực hiện Kế hoạch"), "w:sz", sz={"val": 24}), "Kinh phí",
                  set()),
    "closing.mark": (lambda d: set_text(last_body(d), "./.", "."), "Trên đây", set()),
    "recipients.label": (lambda d: set_text(d.para("Nơi nhận"), "Nơi nhận:", "Nơi nhận"), "Nơi nhận", set()),
    "recipients.punctuation": (lambda d: set_text(d.para("- Các Sở"), "ngành;", "ngành,"), "- Các Sở", set()),
    "recipients.archive": (lambda d: d.para("- Lưu").addnext(d.para("- Các Sở")), "- Lưu",
                           {"recipients.punctuation"}),
    "recipients.size": (lambda d: run_props(d.para("- Các Sở"), "w:sz", sz={"val": 26}), "- Các Sở", set()),
    "signer.style": (lambda d: run_props(d.para("Hồ Quang Bửu"), "w:b", b={"val": 0}), "Hồ Quang Bửu", set()),
    "signer.authority": (lambda d: set_text(d.para("TM. ỦY BAN"), "TM. ", "T/M "), "T/M ỦY BAN", set()),
    "pagenum.first": (lambda d: remove(d.sections()[0].find(q("w:titlePg"))), None, set()),
    "pagenum.missing": (lambda d: [remove(r) for s in d.sections() for r in s.findall(q("w:headerReference"))],
                        None, set()),
    "appendix.label": (lambda d: set_text(d.para("Phụ lục I"), "Phụ lục I", "PHỤ LỤC I"), "PHỤ LỤC I", set()),
    "appendix.attached": (lambda d: remove(d.para("(Kèm theo")), "Phụ lục I", set()),
    "appendix.page-numbers": (lambda d: remove(d.sections()[1].find(q("w:pgNumType"))), "Phụ lục I", set()),
    # the section break between the two appendices removed: Phụ lục II shares Phụ lục I's section
    "appendix.section": (lambda d: remove(d.para("Phụ lục II").getprevious().find("w:pPr/w:sectPr", NS)),
                         "Phụ lục II", set()),
    "date.missing": (lambda d: clear_text(d.para("Quảng Nam, ngày")), None, set()),
    "date.position": (move_date_up, "Quảng Nam, ngày", set()),
    "date.size": (lambda d: run_props(d.para("Quảng Nam, ngày"), "w:sz", sz={"val": 24}), "Quảng Nam", set()),
    "doctype.missing": (lambda d: set_text(d.para("KẾ HOẠCH"), "KẾ HOẠCH", "KẾ HOẠCH NĂM 2021"), None,
                        {"body.justify", "body.indent", "body.spacing"}),
    "doctype.size": (lambda d: run_props(d.para("KẾ HOẠCH"), "w:sz", sz={"val": 32}), "KẾ HOẠCH", set()),
    "issuer.missing": (lambda d: clear_text(d.para("ỦY BAN NHÂN DÂN")), None, set()),
    "issuer.size": (lambda d: run_props(d.para("ỦY BAN NHÂN DÂN"), "w:sz", sz={"val": 28}), "ỦY BAN NHÂN DÂN",
                    {"issuer.rule"}),
    "motto.missing": (lambda d: clear_text(d.para("Độc lập")), None, set()),
    "motto.position": (lambda d: d.para("CỘNG HÒA").addprevious(d.para("Độc lập")), "Độc lập", {"motto.rule"}),
    "motto.size": (lambda d: run_props(d.para("Độc lập"), "w:sz", sz={"val": 24}), "Độc lập", set()),
    "motto.style": (lambda d: run_props(d.para("Độc lập"), "w:b", b={"val": 0}), "Độc lập", set()),
    "national.missing": (lambda d: clear_text(d.para("CỘNG HÒA")), None, set()),
    "national.size": (lambda d: run_props(d.para("CỘNG HÒA"), "w:sz", sz={"val": 28}), "CỘNG HÒA", set()),
    "number.missing": (lambda d: clear_text(d.para("Số: 05")), None, set()),
    "number.size": (lambda d: run_props(d.para("Số: 05"), "w:sz", sz={"val": 28}), "Số: 05", set()),
    "number.style": (lambda d: run_props(d.para("Số: 05"), "w:b"), "Số: 05", set()),
    "page.orientation": (landscape_first_section, None, {"title.rule"}),
    "pagenum.position": (lambda d: ppr_child(page_paragraph(d), "w:jc", val="left"), None, set()),
    "pagenum.size": (lambda d: run_props(page_paragraph(d), "w:sz", sz={"val": 20}), None, set()),
    "recipients.items": (lambda d: set_text(d.para("- Các Sở"), "- Các Sở", "Các Sở"), "Các Sở", set()),
    "recipients.missing": (lambda d: clear_text(d.para("Nơi nhận")), None, set()),
    "recipients.position": (recipients_below_signature, "Nơi nhận", set()),
    "signer.missing": (lambda d: [clear_text(d.para(t)) for t in ("TM. ỦY BAN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH",
                                                                  "Hồ Quang Bửu")], None, set()),
    "signer.name": (lambda d: set_text(d.para("Hồ Quang Bửu"), "Hồ", "TS. Hồ"), "TS. Hồ", set()),
    "signer.size": (lambda d: run_props(d.para("Hồ Quang Bửu"), "w:sz", sz={"val": 24}), "Hồ Quang Bửu", set()),
    "title.missing": (lambda d: clear_text(d.para("Cải thiện Chỉ số PAPI")), "KẾ HOẠCH", set()),
    "title.size": (lambda d: run_props(d.para("Cải thiện Chỉ số PAPI"), "w:sz", sz={"val": 32}), "Cải thiện",
                   {"title.rule"}),
    "appendix.title": (lambda d: set_text(d.para("CÁC NỘI DUNG"), "CÁC NỘI DUNG CÔNG VIỆC CỤ THỂ",
                                          "Các nội dung công việc cụ thể"), "Các nội dung", set()),
    "body.italic": (lambda d: run_props(d.para("Kinh phí thực hiện Kế hoạch"), "w:i"), "Kinh phí", set()),
    "body.spacing": (lambda d: ppr_child(d.para("Kinh phí thực hiện Kế hoạch"), "w:spacing", before=0, after=0),
                     "Kinh phí", set()),
    "body.line-spacing": (lambda d: ppr_child(d.para("Kinh phí thực hiện Kế hoạch"), "w:spacing", before=120,
                                              line=480, lineRule="auto"), "Kinh phí", set()),
}


@pytest.fixture(scope="module")
def sample_docx(tmp_path_factory):
    from tests.conftest import SAMPLE

    return build_plan(SAMPLE, tmp_path_factory.mktemp("sample")).files[0]


@pytest.mark.parametrize("rule", sorted(MUTATIONS))
def test_each_rule_reported_on_a_document_that_breaks_it(sample_docx, tmp_path, rule):
    mutate, excerpt, allowed = MUTATIONS[rule]
    doc = Doc(sample_docx)
    mutate(doc)
    broken = doc.save(tmp_path / f"{rule}.docx")
    findings = check_docx(broken).findings
    rules = {f.rule for f in findings}
    assert rule in rules, [(f.rule, f.text) for f in findings]
    assert rules <= set(RULES)
    # a correction only for a rule declared fixable (--fix applies no other)
    assert all(RULE[f.rule].fixable for f in findings if f.detail.fixable), [f.rule for f in findings]
    assert rules - allowed - {rule} == set(), [(f.rule, f.text) for f in findings]
    mine = [f for f in findings if f.rule == rule]
    assert all(f.text and f.ref for f in mine)
    if excerpt is not None:
        assert any(f.excerpt.startswith(excerpt) for f in mine), [(f.excerpt, f.text) for f in mine]
        assert all(f.detail.paragraph is not None for f in mine if f.excerpt)


def test_findings_name_the_section_and_paragraph(sample_docx, tmp_path):
    doc = Doc(sample_docx)
    set_text(doc.para("Quảng Nam, ngày"), "tháng 3", "tháng 03")
    finding = next(f for f in check_docx(doc.save(tmp_path / "d.docx")).findings if f.rule == "date.form")
    assert finding.where == "phần 1, đoạn 7"  # the date cell is the 7th paragraph (header table included)
    assert "tháng 3 không thêm số 0" in finding.text
    assert finding.detail.fixable and finding.level == "error"


def test_repeated_findings_are_summed_up_for_reading(sample_docx, tmp_path):
    doc = Doc(sample_docx)
    for p in doc.styled("KHNoidung"):  # set right: a one-line paragraph set left prints as justified (FR10-KH01)
        if text_of(p).strip():
            ppr_child(p, "w:jc", val="right")
    findings = [f for f in check_docx(doc.save(tmp_path / "j.docx")).findings if f.rule == "body.justify"]
    assert len(findings) > 10
    shown = [f for f in grouped(findings) if f.rule == "body.justify"]
    assert len(shown) == 4 and shown[-1].detail.more == len(findings) - 4
    assert f"và {len(findings) - 4} chỗ khác" in shown[-1].text


# ---------------------------------------------------------------- office-style documents (tests/office)

OFFICE_PLAN = "quang-nam-papi-2020"
# What each office habit breaks (tests/office/make_office.py); everything else in them follows ND30 and must
# not be reported: Quốc hiệu, Tiêu ngữ, agency, number, date, title, body, Nơi nhận, signature, fonts, margins.
OFFICE_FINDINGS = {
    # Word numbering and Heading styles: page-number paragraph with a second, misplaced pPr (not centred),
    # headings without the 6 pt spacing, appendix numbering not restarted, 
    "drafter": {"pagenum.position", "body.spacing", "appendix.page-numbers"},
    # typed header: rules as underscores, "PHỤ LỤC" in capitals, no page numbers
    "van-thu": {"pagenum.missing", "rule.typed", "appendix.label", "appendix.page-numbers"},
    # header table with drawn line shapes (accepted), points numbered "2.1."
    "van-thu-table": {"pagenum.missing", "heading.numbering", "appendix.page-numbers"},
}
# every habit puts the appendix's table straight under its "(Kèm theo …)" line, without the short line of
# Phụ lục III Mẫu 2.1, as the real office drafts KH01 and BC01 do: a warning (appendix.attached)
for _found in OFFICE_FINDINGS.values():
    _found.add("appendix.attached")


@pytest.fixture(scope="module")
def office_files(tmp_path_factory):
    from tests.conftest import ROOT
    from tests.office.make_office import make_office_docx

    out = tmp_path_factory.mktemp("office-check")
    plan = ROOT / "plans" / f"{OFFICE_PLAN}.yaml"
    files = {style: make_office_docx(plan, out / f"{style}.docx", style) for style in OFFICE_FINDINGS}
    files["van-thu.draft"] = make_office_docx(plan, out / "van-thu.draft.docx", "van-thu", draft=True)
    return files


@pytest.mark.parametrize("style", [*OFFICE_FINDINGS, "van-thu.draft"])
def test_office_documents_report_only_what_they_break(office_files, style):
    findings = check_docx(office_files[style]).findings
    assert {f.rule for f in findings} == OFFICE_FINDINGS[style.split(".")[0]], \
        [(f.rule, f.where, f.text) for f in findings]


def test_office_findings_are_located(office_files):
    findings = check_docx(office_files["van-thu"]).findings
    typed = [f for f in findings if f.rule == "rule.typed"]
    assert [f.excerpt for f in typed] == ["________________________", "__________", "______________"]
    assert "Tiêu ngữ" in typed[0].text and "tên cơ quan" in typed[1].text and "trích yếu" in typed[2].text
    label = next(f for f in findings if f.rule == "appendix.label")
    assert label.excerpt == "PHỤ LỤC" and "“Phụ lục”" in label.text and label.detail.section == 1
    numbering = [f for f in check_docx(office_files["van-thu-table"]).findings if f.rule == "heading.numbering"]
    assert [f.excerpt[:5] for f in numbering] == ["2.1. ", "2.2. "]


def test_every_rule_is_catalogued_and_broken_by_a_test():
    """The rules module lists what `check` reports; each of them has a document made to break it above."""
    assert set(MUTATIONS) == set(RULES)
    import re

    folder = Path(__file__).resolve().parents[2] / "generator" / "nd30" / "check"
    source = "\n".join(path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.py")))
    used = set(re.findall(r'"([a-z]+\.[a-z-]+)"', source))
    used |= {f"{k}.rule" for k in ("motto", "issuer", "title")}
    assert used - {"hình vẽ"} <= set(RULES), used - set(RULES)
    # each declared once, in the module of its part, with its name and citation
    declared = re.findall(r'Rule\("([a-z]+\.[a-z-]+)"', source)
    assert sorted(declared) == sorted(RULES)
    assert all(rule.id == key and rule.name == RULES[key] and rule.ref for key, rule in RULE.items())


def test_office_document_resaved_by_libreoffice_reports_the_same(office_resaved):
    """LibreOffice rewrites styles, numbering and tables its own way: the findings stay those of the hand."""
    findings = check_docx(office_resaved(OFFICE_PLAN, "van-thu")).findings
    assert {f.rule for f in findings} == OFFICE_FINDINGS["van-thu"], [(f.rule, f.text) for f in findings]


def test_draft_with_known_month_has_no_findings(plan_copy, tmp_path):
    def draft(text):
        return text.replace("document:\n  number: 5\n  date: 2021-03-05\n", "document:\n  code: KH\n  month: 3\n", 1)
    out = build_plan(plan_copy(draft), tmp_path / "out").files[0]
    from generator.word import read_docx

    texts = [p.text for p in read_docx(out).value.paragraphs()]
    assert "Quảng Nam, ngày      tháng 3 năm 2021" in texts
    assert [(f.rule, f.text) for f in check_docx(out).findings] == []


def test_font_in_page_header_is_reported_by_section(sample_docx, tmp_path):
    doc = Doc(sample_docx)
    root = doc.xml(header_part(doc))
    for r in root.iter(q("w:r")):
        run_props(r.getparent(), "w:rFonts", rFonts={"ascii": "Arial", "hAnsi": "Arial"})
        break
    findings = [f for f in check_docx(doc.save(tmp_path / "h.docx")).findings]
    assert [(f.rule, f.detail.section, f.detail.paragraph) for f in findings] == [("font.family", 0, None)]
    assert "đầu/chân trang" in findings[0].text and findings[0].detail.fixable


@pytest.mark.parametrize("twips,reported", [(320, False), (300, True)])
def test_exact_line_spacing_is_reported_only_well_below_a_single_line(built, tmp_path, twips, reported):
    """Body lines set "exactly 16 pt" at 14 pt (Word's single line is about 16,1 pt) are within ND30's single
    to 1,5 lines: `check` finds nothing; "exactly 15 pt" is reported on each line so set (fresh mutant
    f5-exact-spacing-below-single)."""
    doc = Doc(docx_of(built, "sample"))
    body = [p for p in doc.styled("KHNoidung") if text_of(p).strip()][:3]
    for p in body:
        spacing = p.find("w:pPr/w:spacing", NS)
        if spacing is None:
            spacing = ppr_child(p, "w:spacing")
        spacing.set(q("w:line"), str(twips))
        spacing.set(q("w:lineRule"), "exact")
    result = check_docx(doc.save(tmp_path / "exact.docx"))
    spacing = [f.text for f in result.findings if "khoảng cách dòng" in f.text]
    if reported:
        assert len(spacing) == 3 and all("phải từ dòng đơn đến 1,5 dòng" in t for t in spacing), spacing
    else:
        assert [(f.rule, f.text) for f in result.findings] == []
