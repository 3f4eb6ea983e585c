"""Faults missed on the sixteenth fresh set (FR16-QD01, a group's Quyết định), each on a small document made here with
contents of our own: page 1's number in its first-page footer and none on the later pages, "Điều 1:" typed with a colon
and underlined, the last căn cứ closed by ";", a paragraph hung 15 mm whose text a tab brings to the hanging indent.
The real file is held in tests/real/test_judged_check.py."""
from __future__ import annotations

from generator.nd30.check import check_docx
from generator.nd30.check import pagenum
from generator.nd30.check.base import Checker
from generator.nd30.fix import fix_docx
from generator.word import read_docx
from generator.word.model import Document, Paragraph, Run, Section
from tests.nd30.test_check_behaviour import A4, page_para
from tests.nd30.test_check_types import B, I, SZ14, body, centred, header, tail
from tests.word.docx_factory import CT_BASE, NSDECL, PAGE_FIELD, REL_BASE, make_docx, p, r

U = '<w:u w:val="single"/>'
PAGE_BREAK = p(r("", extra='<w:br w:type="page"/>'))


def pagenum_found(**sec) -> list[tuple[str, str, bool]]:
    ck = Checker(Document(blocks=[Paragraph(index=0, runs=[Run("Nội dung")])], sections=[Section(0, **A4, **sec)]))
    pagenum.check_page_numbers(ck, [])
    return sorted((f.rule, f.level, f.detail.fix is not None) for f in ck.findings)


def test_a_number_on_page_one_only_is_told_on_page_one_and_missing_after_it_FR16():
    """FR16-QD01: "trang đầu khác" on, the only PAGE field in the first-page footer: page 1 prints "1", pages 2–12 print
    none. Only the footer's place was told; page 1's number and the later pages' lack of one are faults of their own."""
    assert pagenum_found(title_page=True, footers={"first": [page_para(1)]}) == [
        ("pagenum.first", "error", True), ("pagenum.missing", "error", True), ("pagenum.position", "error", False)]
    # the same number in the first-page header: no footer to tell, page 1 and the later pages still are
    assert pagenum_found(title_page=True, headers={"first": [page_para(1)]}) == [
        ("pagenum.first", "error", True), ("pagenum.missing", "error", True)]


def test_a_footer_number_on_every_page_is_told_on_page_one_without_a_fix():
    """Without "trang đầu khác" the default footer's number prints on page 1 too (PL I §I.7: none there); --fix leaves
    it (moving a number that every page shows is the drafter's), so the finding carries no correction. With a first
    page of its own and no number on it, nothing is said of page 1."""
    assert pagenum_found(title_page=False, footers={"default": [page_para(1)]}) == [
        ("pagenum.first", "error", False), ("pagenum.position", "error", False)]
    assert pagenum_found(title_page=True, footers={"default": [page_para(1)]}) == [("pagenum.position", "error", False)]
    assert pagenum_found(title_page=True, headers={"default": [page_para(1)]}) == []


def decision(path, dieu: list[str], last_basis: str = "Theo đề nghị của Giám đốc Sở Nội vụ.", *, footers=False,
             extra: list[str] = ()):
    blocks = [header("Số: 12/QĐ-UBND"), centred("QUYẾT ĐỊNH"), centred("Về việc thành lập Tổ công tác"),
              centred("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"),
              body("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;", I + SZ14),
              body(last_basis, I + SZ14), centred("QUYẾT ĐỊNH:")] + dieu + list(extra) + [tail("TM. ỦY BAN NHÂN DÂN")]
    if not footers:
        return make_docx(path, "".join(blocks) + _sect(""))
    number = p(PAGE_FIELD, ppr='<w:jc w:val="right"/>')
    footer = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr {NSDECL}>{number}</w:ftr>'.encode()
    refs = '<w:footerReference w:type="first" r:id="rIdF1"/>'
    return make_docx(path, "".join(blocks) + _sect(refs), extra_parts={"word/footer_first.xml": footer},
                     extra_rels=[("rIdF1", f"{REL_BASE}/footer", "footer_first.xml")],
                     extra_types=f'<Override PartName="/word/footer_first.xml" ContentType="{CT_BASE}.footer+xml"/>')


def _sect(refs: str) -> str:
    return (f'<w:sectPr>{refs}<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" '
            'w:left="1701" w:header="720" w:footer="720" w:gutter="0"/><w:titlePg/></w:sectPr>')


ARTICLES = [body("Điều 1. Thành lập Tổ công tác", B + SZ14), body("Tổ công tác gồm các thành viên theo danh sách."),
            body("Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.", B + SZ14)]


def test_fix_takes_page_ones_number_out_of_the_first_page_footer_FR16(tmp_path):
    """FR16-QD01's number sat in the first-page footer: --fix put a number in the later pages' header and turned on
    "trang đầu khác", but dropped a first page's number from its header only, so page 1 kept its "1"."""
    source = decision(tmp_path / "qd.docx", ARTICLES, footers=True, extra=[PAGE_BREAK, body("Trang hai của quyết định.")])
    rules = {f.rule for f in check_docx(source).findings}
    assert {"pagenum.first", "pagenum.missing"} <= rules
    out = tmp_path / "fixed.docx"
    fix_docx(source, out)
    rules = {f.rule for f in check_docx(out).findings}
    assert not {"pagenum.first", "pagenum.missing"} & rules, rules
    sec = read_docx(out).value.sections[0]
    assert not any(q.has_field.get("PAGE") for q in sec.footers.get("first", []))
    assert any(q.has_field.get("PAGE") for q in sec.headers.get("default", []))


def heading_style(result) -> list[str]:
    return [f.text for f in result.findings if f.rule == "heading.style"]


def test_an_article_typed_with_a_colon_and_underlined_is_told_FR16(tmp_path):
    """FR16-QD01: "Điều 1: Thành lập Ban dự án …", "Điều 1" bold underlined, the colon after it: PL I §II.6.c writes
    "Điều 1." with a full stop, bold. The label grammar took the colon as a full stop and said nothing."""
    dieu = [p(r("Điều 1:", B + SZ14 + U), r(" Thành lập Tổ công tác", B + SZ14),
              ppr='<w:jc w:val="both"/><w:ind w:firstLine="567"/><w:spacing w:before="120"/>'),
            body("Tổ công tác gồm các thành viên theo danh sách."),
            body("Điều 2: Quyết định này có hiệu lực kể từ ngày ký./.", B + SZ14)]
    assert heading_style(check_docx(decision(tmp_path / "qd.docx", dieu))) == [
        "“Điều 1:” phải viết “Điều 1.” (số thứ tự và dấu chấm, in đậm, không gạch chân): sửa dấu “:” sau số thành dấu "
        "chấm “.” và bỏ gạch chân (Ctrl+U)",
        "“Điều 2:” phải viết “Điều 2.” (số thứ tự và dấu chấm, in đậm, không gạch chân): sửa dấu “:” sau số thành dấu "
        "chấm “.”"]
    assert heading_style(check_docx(decision(tmp_path / "ok.docx", ARTICLES))) == []


def bases(result) -> list[str]:
    return [f.text for f in result.findings if f.rule == "body.bases"]


def test_the_last_basis_closed_by_a_semicolon_is_told_FR16(tmp_path):
    """FR16-QD01's four căn cứ all end with ";", the last one right above "QUYẾT ĐỊNH": PL I §II.6.a ends the last one
    with "."; only a final "," was told."""
    result = check_docx(decision(tmp_path / "qd.docx", ARTICLES, "Theo đề nghị của Giám đốc Sở Nội vụ;"))
    assert bases(result) == ["dòng cuối của phần căn cứ kết thúc bằng dấu chấm “.”, không phải dấu chấm phẩy: sửa dấu "
                             "cuối dòng"]
    assert bases(check_docx(decision(tmp_path / "ok.docx", ARTICLES))) == []


HUNG = '<w:jc w:val="both"/><w:ind w:left="851" w:hanging="851"/><w:spacing w:before="120"/>'


def test_a_tab_under_a_hanging_indent_goes_to_the_indent_FR16(tmp_path):
    """FR16-QD01's Điều 1 text, "\\tThành lập Ban dự án …" under a 15 mm hanging indent, prints 15 mm in on every
    line (Word and LibreOffice: the hanging indent is the first stop, the 12.7 mm default stop before it is passed
    over); the reader sent the tab to 12.7 mm and took the paragraph for a right first-line indent."""
    dieu = [body("Điều 1. Thành lập Tổ công tác", B + SZ14),
            p(r("", SZ14, extra="<w:tab/>"), r("Tổ công tác gồm các thành viên theo danh sách kèm theo, làm việc theo "
                                              "chế độ kiêm nhiệm và tự giải thể khi hoàn thành nhiệm vụ được giao.", SZ14),
              ppr=HUNG),
            body("Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.", B + SZ14)]
    result = check_docx(decision(tmp_path / "qd.docx", dieu))
    assert [f.text for f in result.findings if f.rule == "body.indent"] == [
        "dòng đầu bắt đầu cách lề trái 15,0 mm (cả đoạn lùi vào 15,0 mm), phải lùi vào 10 mm hoặc 12,7 mm: đặt "
        "Paragraph › Indentation › Left 0 và Special › First line 1 cm"]
