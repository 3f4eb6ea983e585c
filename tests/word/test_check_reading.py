"""`check` reads what Word shows: a look by the share of characters that carry it, the headers and footers the
section prints, a drawn line where it is drawn, a leading tab as an indent, a page number centred by a centre tab
stop, and line breaks as lines. Each rule on a small document of its own, then on the real document (tune side)
where the false alarm was seen."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.nd30.check import check_docx, check_document
from generator.nd30.check import pagenum
from generator.nd30.check.base import Checker, segments
from generator.word import read_docx
from generator.word.model import Cell, Document, Drawing, Paragraph, Row, Run, Section, Table
from tests.word.test_check import Doc, q, run_props
from tests.word.test_fix import sample_docx  # noqa: F401  (fixture)

A4 = dict(page_width_mm=210.0, page_height_mm=297.0, margin_top_mm=20.0, margin_bottom_mm=20.0, margin_left_mm=30.0,
          margin_right_mm=15.0)
MIDDLE_PT = (210 - 30 - 15) / 25.4 * 72 / 2  # the middle of an ND30 A4 text line, from the left margin


def shared_docs() -> Path:
    here = Path(__file__).resolve().parents[2]
    for cand in (os.environ.get("KEHOACH_SHARED"), here.parent / "shared"):
        if cand and (Path(cand) / "real-docs").is_dir():
            return Path(cand) / "real-docs"
    raise AssertionError("thiếu thư mục tài liệu thật ../shared/real-docs (hoặc đặt KEHOACH_SHARED)")


def para(index: int, *runs: Run, **kw) -> Paragraph:
    return Paragraph(index=index, runs=list(runs), **kw)


# ---------------------------------------------------------------- the look of a line, by its characters


def test_a_small_italic_aside_leaves_the_line_upright():
    p = para(0, Run("Ủy ban nhân dân tỉnh đã ban hành Kế hoạch số 12 về cải cách hành chính "), Run("(cũ)", italic=True),
             Run(" và giao các sở thực hiện.", italic=False))
    seg = segments(p)[0]
    assert seg.italic is False and seg.share("italic") < 0.1


def test_a_line_mostly_in_italic_is_italic():
    p = para(0, Run("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;", italic=True),
             Run(" (sửa đổi)"))
    assert segments(p)[0].italic is True


def test_bold_by_share_too():
    p = para(0, Run("Điều 3. ", bold=True), Run("Tổ chức và hoạt động của Hội đồng trong nhiệm kỳ"))
    assert segments(p)[0].bold is False
    assert segments(para(0, Run("TM. ỦY BAN NHÂN DÂN", bold=True), Run(" "), Run("x")))[0].bold is True


def test_italic_aside_in_a_body_paragraph_is_not_reported(sample_docx, tmp_path):
    """107 false "nội dung trình bày kiểu chữ đứng" on asides "(cũ)", "(lần 2)" and quotations."""
    doc = Doc(sample_docx)
    body = doc.styled("KHNoidung")[0]
    run = next(body.iter(q("w:r")))
    from copy import deepcopy

    aside = deepcopy(run)
    for t in aside.iter(q("w:t")):
        t.text = ""
    next(aside.iter(q("w:t"))).text = " (cũ)"
    run.addnext(aside)
    run_props(aside, "w:i")
    source = doc.save(tmp_path / "aside.docx")
    assert "body.italic" not in {f.rule for f in check_docx(source).findings}
    run_props(body, "w:i")  # the whole paragraph in italic is a fault
    source = doc.save(tmp_path / "italic.docx")
    assert "body.italic" in {f.rule for f in check_docx(source).findings}


def test_italic_run_in_label_is_not_italic_body_KH03(sample_docx, tmp_path):
    """KH03: "+ Đối với các cơ quan chuyên môn …:" in italic, then the item upright, was "nội dung trình bày
    kiểu chữ đứng" because the label held most of the letters; the label is set aside, the text after it
    decides. The same line wholly in italic is still reported."""
    from copy import deepcopy

    from lxml import etree

    doc = Doc(sample_docx)
    body = doc.styled("KHNoidung")[0]
    runs = list(body.iter(q("w:r")))
    for r in runs[1:]:
        r.getparent().remove(r)
    label, item = runs[0], deepcopy(runs[0])
    label.addnext(item)
    for r, text in ((label, "+ Đối với các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh và Ban Quản lý các khu:"),
                    (item, " Có kết quả đạt loại Tốt.")):
        for t in list(r.iter(q("w:t")))[1:]:
            r.remove(t)
        next(r.iter(q("w:t"))).text = text
    rpr = label.find(q("w:rPr"))
    if rpr is None:
        rpr = etree.Element(q("w:rPr"))
        label.insert(0, rpr)
    etree.SubElement(rpr, q("w:i"))
    index = next(p.index for p in read_docx(doc.save(tmp_path / "a.docx")).value.paragraphs()
                 if p.text.startswith("+ Đối với"))
    hits = lambda path: [f for f in check_docx(path).findings if f.rule == "body.italic"  # noqa: E731
                         and f.detail.paragraph == index]
    assert hits(doc.save(tmp_path / "label.docx")) == []
    run_props(body, "w:i")
    assert len(hits(doc.save(tmp_path / "italic.docx"))) == 1

def test_words_at_a_smaller_size_inside_a_body_line_CV04(sample_docx, tmp_path):
    """CV04: "tổng hợp./." at 12 pt ending a 14 pt body line was not reported (a line of mixed sizes was
    skipped); the words and their size are named. Two letters (a footnote mark) are left alone."""
    from copy import deepcopy

    from lxml import etree

    def with_tail(text: str, name: str):
        doc = Doc(sample_docx)
        body = doc.styled("KHNoidung")[0]
        runs = list(body.iter(q("w:r")))
        tail = deepcopy(runs[-1])
        for t in list(tail.iter(q("w:t")))[1:]:
            tail.remove(t)
        next(tail.iter(q("w:t"))).text = text
        rpr = tail.find(q("w:rPr"))
        if rpr is None:
            rpr = etree.Element(q("w:rPr"))
            tail.insert(0, rpr)
        for old in rpr.findall(q("w:sz")):
            rpr.remove(old)
        etree.SubElement(rpr, q("w:sz")).set(q("w:val"), "24")
        runs[-1].addnext(tail)
        source = doc.save(tmp_path / f"{name}.docx")
        index = next(p.index for p in read_docx(source).value.paragraphs() if p.style_id == "KHNoidung")
        return source, index, [f.text for f in check_docx(source).findings
                               if f.rule == "body.size" and f.detail.paragraph == index]

    source, index, found = with_tail(" tổng hợp./.", "small-words")
    assert len(found) == 1 and "cỡ chữ 12 ở “tổng hợp./.”" in found[0], found
    assert with_tail("1)", "small-mark")[2] == []
    # --fix sets the words at the size of the rest of the line, and only them
    from generator.nd30.fix import fix_docx

    report = fix_docx(source, tmp_path / "fixed.docx")
    before = next(p for p in read_docx(source).value.paragraphs() if p.index == index)
    after = next(p for p in read_docx(tmp_path / "fixed.docx").value.paragraphs() if p.index == index)
    assert after.text == before.text and report.refused == []
    assert {r.size_pt for r in after.runs if r.text.strip()} == {r.size_pt for r in before.runs[:-1] if r.text.strip()}

def test_line_breaks_inside_a_paragraph_are_lines():
    p = para(0, Run("Nơi nhận:\n- Như trên;"), Run("\n- Lưu: VT, NC.", bold=False))
    assert [s.text for s in segments(p)] == ["Nơi nhận:", "- Như trên;", "- Lưu: VT, NC."]


# ---------------------------------------------------------------- headers and footers as the section prints them


def page_para(index: int, text: str = "2", **kw) -> Paragraph:
    return para(index, Run(text, size_pt=14.0), has_field={"PAGE": True}, **kw)


def pagenum_rules(sections: list[Section], settings: dict | None = None) -> list[str]:
    doc = Document(blocks=[para(0, Run("Nội dung"))], sections=sections, settings=settings or {})
    ck = Checker(doc)
    pagenum.check_page_numbers(ck, [])
    return [f.rule for f in ck.findings]


def test_unused_even_page_footer_is_not_read():
    """The even-page footer prints only when even and odd pages differ (KH03, TB01)."""
    sec = Section(0, title_page=True, headers={"default": [page_para(1, alignment="center")]},
                  footers={"even": [page_para(2, alignment="center")]}, **A4)
    assert pagenum_rules([sec]) == []
    assert pagenum_rules([sec], {"even_and_odd_headers": True}) == ["pagenum.position"]


def test_first_page_header_counts_only_with_a_title_page():
    first = {"first": [para(3, Run(""))]}
    on = Section(0, title_page=True, headers={"default": [page_para(1, alignment="center")], **first}, **A4)
    off = Section(0, title_page=False, headers={"default": [page_para(1, alignment="center")], **first}, **A4)
    assert pagenum_rules([on]) == [] and pagenum_rules([off]) == ["pagenum.first"]


def test_page_number_centred_by_a_centre_tab_stop():
    """A page number after a tab that ends on a centre stop in the middle of the line is centred (KH03)."""
    sec = Section(0, title_page=True, **A4)
    tabbed = page_para(1, "\t2", alignment="left", tab_stops=[("center", MIDDLE_PT), ("right", 2 * MIDDLE_PT)])
    off = page_para(1, "\t2", alignment="left", tab_stops=[("center", MIDDLE_PT / 2)])
    doc = Document(blocks=[para(0, Run("x"))], sections=[sec])
    ck = Checker(doc)
    assert pagenum.centred(ck, sec, tabbed) and not pagenum.centred(ck, sec, off)
    assert pagenum_rules([Section(0, title_page=True, headers={"default": [tabbed]}, **A4)]) == []



def test_a_full_single_page_shows_no_page_number_TTR01():
    """TTR01: a one-page Tờ trình filling 97% of its page was told "không có số trang" (the one-page estimate
    stopped at 85%); page 1 never shows a number (PL I §I.7). A page and a tenth is two pages."""
    area = (297 - 20 - 20) / 25.4 * 72

    def rules(fill: float) -> list[str]:
        each = fill * area / 10  # ten one-line paragraphs of 14 pt (16.1 pt a line) share the height
        blocks = [para(i, Run("Nội dung", size_pt=14.0), space_after_pt=each - 14 * 1.15) for i in range(10)]
        ck = Checker(Document(blocks=blocks, sections=[Section(0, **A4)]))
        pagenum.check_page_numbers(ck, [])
        return [f.rule for f in ck.findings]

    assert rules(0.97) == []
    assert rules(1.1) == ["pagenum.missing"]

# ---------------------------------------------------------------- a leading tab is an indent


def test_leading_tab_is_an_indent_by_the_tab_stop():
    doc = Document(blocks=[], sections=[Section(0, **A4)], settings={"default_tab_stop_pt": 36.0})
    ck = Checker(doc)
    at_zero = para(0, Run("\tĐến thời điểm ngày 10/12/2025"), tab_stops=[("left", 0.0)])
    custom = para(1, Run("\tĐến thời điểm"), tab_stops=[("left", 28.35)])
    plain = para(2, Run("Đến thời điểm"), indent_first_line_pt=28.35)
    assert ck.first_line_indent(at_zero) == pytest.approx(36.0)  # a stop at 0 is passed: the default stop
    assert ck.first_line_indent(custom) == pytest.approx(28.35)
    assert ck.first_line_indent(plain) == pytest.approx(28.35)


def test_leading_tab_indent_is_not_reported(sample_docx, tmp_path):
    """45 false "thụt đầu dòng 0,0 mm" on paragraphs indented by a leading tab (BC01)."""
    from lxml import etree

    doc = Doc(sample_docx)
    body = doc.styled("KHNoidung")[0]
    ppr = body.find(q("w:pPr"))
    ind = etree.SubElement(ppr, q("w:ind"))
    ind.set(q("w:firstLine"), "0")
    source = doc.save(tmp_path / "no-indent.docx")
    index = next(p.index for p in read_docx(source).value.paragraphs() if p.style_id == "KHNoidung")
    assert any(f.rule == "body.indent" and f.detail.paragraph == index for f in check_docx(source).findings)
    run = next(body.iter(q("w:r")))
    tab = etree.Element(q("w:r"))
    etree.SubElement(tab, q("w:tab"))
    run.addprevious(tab)
    source = doc.save(tmp_path / "tab.docx")
    assert not any(f.rule == "body.indent" and f.detail.paragraph == index for f in check_docx(source).findings)


# ---------------------------------------------------------------- a drawn line where it is drawn


def test_line_anchored_in_the_cell_below_counts_under_the_block():
    national = para(0, Run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True))
    motto = para(1, Run("Độc lập - Tự do - Hạnh phúc", bold=True))
    anchor = para(3, Run("\t"), drawings=[Drawing("line", 167.0, 0.0)])
    date = para(4, Run("Lâm Đồng, ngày 5 tháng 3 năm 2026", italic=True))
    number = para(2, Run("Số: 12/BC-UBND"))
    table = Table(0, [Row([Cell([para(9, Run("ỦY BAN"))], col=0), Cell([national, motto], col=1)]),
                      Row([Cell([number], col=0), Cell([anchor, date], col=1)])])
    ck = Checker(Document(blocks=[table], sections=[Section(0, **A4)]))
    assert [p.index for p in ck.below(motto)] == [3]
    assert 3 in ck.shapes


def test_line_floating_at_the_top_of_the_number_line_is_the_rule_above_it():
    """FR4: the lines under the agency and the Tiêu ngữ are floating lines anchored in the number and date
    paragraphs of the row below, drawn at their very top; the rules were reported missing. A line drawn lower
    in that paragraph (under its own text) is not the rule above it."""
    agency = para(0, Run("SỞ CÔNG THƯƠNG", bold=True))
    motto = para(1, Run("Độc lập - Tự do - Hạnh phúc", bold=True))
    number = para(2, Run("Số:   /SCT-CN"), drawings=[Drawing("line", 72.0, 0.0, top_pt=0.15)])
    date = para(3, Run("Lào Cai, ngày   tháng 5 năm 2026", italic=True), drawings=[Drawing("line", 166.0, 0.0, top_pt=19.3)])
    table = Table(0, [Row([Cell([agency], col=0), Cell([motto], col=1)]),
                      Row([Cell([number], col=0), Cell([date], col=1)])])
    ck = Checker(Document(blocks=[table], sections=[Section(0, **A4)]))
    assert [p.index for p in ck.below(agency)] == [2]
    assert ck.below(motto) == []


def test_line_floating_above_the_next_line_of_text_is_the_rule_under_the_block_TT01():
    """FR18-TT01: the rule under the Quy định's "(Ban hành kèm theo …)" line is anchored in "Chương I" two lines down,
    drawn 13.7 pt above that paragraph's top, in the blank line between them: "thiếu đường kẻ" was said. A line drawn
    lower in that paragraph (under its own text) is not the rule above it."""
    def below(top: float) -> list[int]:
        attached = para(0, Run("(Ban hành kèm theo Thông tư số 12/2017/TT-BGDĐT)", italic=True), alignment="center")
        chapter = para(2, Run("Chương I", bold=True), alignment="center",
                       drawings=[Drawing("line", 121.6, 0.0, top_pt=top)])
        ck = Checker(Document(blocks=[attached, para(1, Run("")), chapter], sections=[Section(0, **A4)]))
        return [p.index for p in ck.below(attached)]

    assert below(-13.7) == [1, 2]
    assert below(20.0) == [1]


def test_real_line_anchored_below_the_motto_is_found_BC01():
    """BC01: the Tiêu ngữ's line is anchored in the first paragraph of the cell below; it was "missing"."""
    findings = check_document(read_docx(shared_docs() / "BC01_bc-cchc-2025.docx").value).findings
    assert "motto.rule" not in {f.rule for f in findings}


def test_top_border_of_the_empty_paragraph_under_the_agency_is_its_line_GEN02():
    """GEN02 (a docx library's output): the line under "BO TAI CHINH" is the top border of the empty
    paragraph right under it; it was "thiếu đường kẻ", while the page shows a (too short) line."""
    from generator.nd30.check import lines

    def rules(top: bool, indent: float) -> list[str]:
        agency = para(0, Run("BỘ TÀI CHÍNH", bold=True, size_pt=13.0), alignment="center")
        rule = para(1, Run(""), border_top=top, indent_left_pt=indent, indent_right_pt=indent)
        table = Table(0, [Row([Cell([agency, rule, para(2, Run("Số: 12/BTC-TCCB"))], col=0, width=175.0)])])
        ck = Checker(Document(blocks=[table], sections=[Section(0, **A4)]))
        lines.check_rule(ck, segments(agency)[0], "agency", [])
        return [f"{f.rule}@{f.detail.paragraph}" for f in ck.findings]

    assert rules(False, 60.0) == ["issuer.rule@0"]  # missing: said at the name
    assert rules(True, 60.0) == []  # a third of the name or more: right
    assert rules(True, 75.0) == ["issuer.rule@1"]  # too short: said at the line


def test_appendix_without_a_line_under_its_attached_line_KH01(sample_docx, tmp_path):
    """KH01: no line under "(Ban hành kèm theo Kế hoạch số …)" went unreported; Phụ lục III Mẫu 2.1 draws a
    short one (PL I §III.1.e). kehoach's build draws it as a bordered empty paragraph: kept, nothing said."""
    def lines(doc, name):
        return [f.text for f in check_docx(doc.save(tmp_path / f"{name}.docx")).findings
                if f.rule == "appendix.attached" and "đường kẻ" in f.text]

    doc = Doc(sample_docx)
    assert lines(doc, "built") == []
    rules = doc.styled("KHKephuluc")
    assert len(rules) == 2
    for p in rules:
        p.getparent().remove(p)
    assert len(lines(doc, "no-line")) == 2


def test_a_tab_after_so_keeps_the_number_line_whole():
    """FR4-BC01: "Số:\t/BC-UBND" (a tab after "Số:") was no number line: the number was "missing" and its symbol,
    in capitals, was read as a line of the agency name and asked to be bold (and --fix made it bold)."""
    from generator.nd30.check.headerlines import header_lines

    agency = para(0, Run("ỦY BAN NHÂN DÂN", bold=False))
    number = para(1, Run("Số: "), Run("\t"), Run("     /BC-UBND"))
    lines = header_lines([agency, number])
    assert lines.number is not None and lines.number.text.split() == ["Số:", "/BC-UBND"]
    assert (lines.number.start, lines.number.end) == (0, len(number.text))
    assert [s.text for s in lines.issuer] == ["ỦY BAN NHÂN DÂN"]


def test_a_khoan_with_a_bold_run_in_title_keeps_its_bold_number():
    """FR4-TTR01: "1. Địa điểm nổ mìn: Tại Gói thầu 11 …", number and run-in title bold, the text upright, was told
    "khoản không có tiêu đề …: bỏ in đậm ở số"; a khoản whose number alone is bold still is."""
    from generator.nd30.check.body import check_khoan_look

    def khoan(*runs: Run) -> list[str]:
        p = para(0, *runs)
        ck = Checker(Document(blocks=[p], sections=[Section(0, **A4)]))
        check_khoan_look(ck, p, "1.", p.text[2:])
        return [f.rule for f in ck.findings]

    text = ("Tại Gói thầu 11: xây dựng, cung cấp lắp đặt thiết bị, vận hành chạy thử và chuyển giao công nghệ công "
            "trình cấp nước sạch các xã trên địa bàn huyện, theo Quyết định số 19/QĐ-UBND ngày 01/4/2024.")
    assert khoan(Run("1. ", bold=True), Run("Địa điểm nổ mìn:", bold=True), Run(" " + text)) == []
    assert khoan(Run("1. ", bold=True), Run(text)) == ["heading.style"]


def test_formulas_and_the_text_beside_a_figure_are_not_body_paragraphs():
    """FR4-TTR01: a centred formula line holding an equation picture, a formula placed with tabs, and the note and
    caption wrapped beside a floating figure got indent, justify and spacing findings; running text after the
    figure still gets them."""
    from generator.nd30.check.body import check_body

    text = "Khi nổ mìn sẽ tạo ra sóng ứng suất lan truyền trong lòng đất gây rạn nứt công trình ở gần vị trí nổ."
    body = dict(alignment="both", indent_first_line_pt=36.0, space_before_pt=6.0)
    figure = Drawing("image", 278.5, 160.7, top_pt=0.8, wrap="square")
    paras = [para(0, Run(text), **body),
             para(1, Run("Rc = Kc.Q; m"), alignment="center", drawings=[Drawing("image", 11.0, 12.5)], space_before_pt=6.0),
             para(2, Run("\t\t\tWqư = 5/7, Wmax = 0,7 m."), alignment="both", space_before_pt=6.0),
             para(3, Run("Ghi chú:"), alignment="both", indent_first_line_pt=35.0, drawings=[figure],
                  line_spacing=("auto", 1.3)),
             para(4, Run("- Mỗi tấm lưới B40 được đè bởi 04 bao cát tại 04 góc, tại miệng lỗ khoan đè thêm 01 bao cát "
                         "trên miệng lỗ mìn. Mỗi bao cát có thể tích 0,021m3 ≈ 40kg."), line_spacing=("auto", 1.3)),
             para(5, Run("           Sơ đồ che phủ miệng lỗ mìn"), line_spacing=("auto", 1.3)),
             para(6, Run(text * 3), alignment="left", indent_first_line_pt=36.0, space_before_pt=3.0)]
    ck = Checker(Document(blocks=paras, sections=[Section(0, **A4)]))
    check_body(ck, 0, len(paras))
    found = {(f.rule, f.detail.paragraph) for f in ck.findings if f.rule.startswith("body.")}
    assert not {i for _, i in found} & {0, 1, 2, 3, 4, 5}, found
    assert {("body.justify", 6), ("body.spacing", 6)} <= found


def test_mục_and_khoản_titles_one_point_smaller_than_the_text_are_told():
    """FR4-KH01/TTR01: "I. MỤC ĐÍCH, YÊU CẦU" and the run-in "1. Thời gian:" at 13 pt in a 14 pt text were not
    reported; a khoản whose number alone is bold has no title to size, and titles at the text's size are right."""
    from generator.nd30.check.body import check_body

    text = "Sở Công Thương tổ chức huấn luyện, kiểm tra kỹ thuật an toàn cho người quản lý vật liệu nổ công nghiệp."
    body = dict(alignment="both", indent_first_line_pt=36.0, space_before_pt=6.0)
    paras = [para(0, Run("I. MỤC ĐÍCH, YÊU CẦU", bold=True, size_pt=13.0), **body),
             para(1, Run(text, size_pt=14.0), **body),
             para(2, Run("1. Thời gian:", bold=True, size_pt=13.0), Run(" 1,5 ngày, từ thứ Hai.", size_pt=14.0), **body),
             para(3, Run("2. ", bold=True, size_pt=14.0), Run(text, size_pt=14.0), **body),
             para(4, Run("3. Địa điểm:", bold=True, size_pt=14.0), Run(" trụ sở Sở Công Thương.", size_pt=14.0), **body),
             para(5, Run("II. TỔ CHỨC THỰC HIỆN", bold=True, size_pt=14.0), **body),
             para(6, Run(text, size_pt=14.0), **body), para(7, Run(text + "/.", size_pt=14.0), **body)]
    ck = Checker(Document(blocks=paras, sections=[Section(0, **A4)]))
    check_body(ck, 0, len(paras))
    sized = sorted(f.detail.paragraph for f in ck.findings if f.rule == "heading.style" and "cỡ chữ 13" in f.text)
    assert sized == [0, 2], [(f.rule, f.detail.paragraph, f.text) for f in ck.findings]
