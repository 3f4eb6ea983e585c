"""--fix inside text boxes (FR11-CTR01): a header set in two side-by-side text boxes, the agency name at 10 pt.
A size grown in a box of fixed width must still fit what the box shows of it (not under the neighbouring
box); a typed rule replaced by a border is measured on the box, not on the page."""
from __future__ import annotations

from generator.nd30.check import check_document
from generator.nd30.check.base import Checker
from generator.nd30.fix import fix_docx
from generator.nd30.fix.guards import refusal
from generator.word import read_docx
from tests.word.docx_factory import make_docx, p, r, sect

EMU_PT = 12700
B10 = '<w:b/><w:sz w:val="20"/><w:szCs w:val="20"/>'
B13 = '<w:b/><w:sz w:val="26"/><w:szCs w:val="26"/>'
CENTRE = '<w:jc w:val="center"/>'


def box(x_pt: float, width_pt: float, inner: str, z: int) -> str:
    """A floating DrawingML text box placed `x_pt` from the column, `width_pt` wide, default insets (7.2 pt)."""
    x, cx = round(x_pt * EMU_PT), round(width_pt * EMU_PT)
    return ('<w:r><w:drawing><wp:anchor behindDoc="0" distT="0" distB="0" distL="0" distR="0" simplePos="0" locked="0" '
            f'layoutInCell="0" allowOverlap="1" relativeHeight="{z}"><wp:simplePos x="0" y="0"/>'
            f'<wp:positionH relativeFrom="column"><wp:posOffset>{x}</wp:posOffset></wp:positionH>'
            '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
            f'<wp:extent cx="{cx}" cy="{80 * EMU_PT}"/><wp:wrapNone/><wp:docPr id="{z}" name="Frame{z}"/>'
            '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
            f'<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{80 * EMU_PT}"/>'
            '</a:xfrm><a:prstGeom prst="rect"/><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill></wps:spPr>'
            f'<wps:txbx><w:txbxContent>{inner}</w:txbxContent></wps:txbx><wps:bodyPr><a:noAutofit/></wps:bodyPr>'
            '</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>')


def header_in_boxes(path, *, left_x: float = -15, right_x: float = 260, width: float = 300,
                    school: str = "TRƯỜNG ĐẠI HỌC CÔNG NGHIỆP THỰC PHẨM", box_ppr: str = ""):
    """CTR01's header: two 300 pt boxes anchored in the first paragraph, the right one over the left one's end."""
    left = (p(r("BỘ CÔNG THƯƠNG", B10), ppr=CENTRE + box_ppr) + p(r(school, B10), ppr=CENTRE + box_ppr)
            + p(r("THÀNH PHỐ HỒ CHÍ MINH", B10), ppr=CENTRE + box_ppr))
    right = (p(r("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", '<w:b/><w:sz w:val="24"/>'), ppr=CENTRE)
             + p(r("Độc lập - Tự do - Hạnh phúc", B13), ppr=CENTRE)
             + p(r("-------------", '<w:b/><w:sz w:val="24"/>'), ppr=CENTRE))
    body = (f"<w:p>{box(left_x, width, left, 2)}{box(right_x, width, right, 3)}</w:p>"
            + p(r("Số: 12/TB-ĐHCNTP", '<w:sz w:val="26"/>'), ppr=CENTRE)
            + p(r("Thành phố Hồ Chí Minh, ngày 15 tháng 6 năm 2016", '<w:i/><w:sz w:val="28"/>'), ppr=CENTRE)
            + p(r("THÔNG BÁO", '<w:b/><w:sz w:val="28"/>'), ppr=CENTRE)
            + p(r("Về việc tổ chức lễ tốt nghiệp", '<w:b/><w:sz w:val="28"/>'), ppr=CENTRE)
            + p(r("Nhà trường thông báo lịch tổ chức lễ tốt nghiệp đợt 2 năm 2016 như sau./.", '<w:sz w:val="28"/>'),
                ppr='<w:jc w:val="both"/><w:ind w:firstLine="567"/>')
            + p(r("HIỆU TRƯỞNG", '<w:b/><w:sz w:val="28"/>'), ppr=CENTRE)
            + p(r("Nguyễn Văn An", '<w:b/><w:sz w:val="28"/>'), ppr=CENTRE)
            + sect(left=1701, right=1134, top=1134, bottom=1134))
    return make_docx(path, body)


def paragraph(doc, text):
    return next(q for q in doc.paragraphs() if q.text == text)


def test_text_box_width_and_what_a_neighbour_leaves_of_it_are_read(tmp_path):
    doc = read_docx(header_in_boxes(tmp_path / "boxes.docx")).value
    school = paragraph(doc, "TRƯỜNG ĐẠI HỌC CÔNG NGHIỆP THỰC PHẨM")
    motto = paragraph(doc, "Độc lập - Tự do - Hạnh phúc")
    assert school.in_shape and school.box_width_pt == 300 - 14.4
    # the right box starts 275 pt into the left one (at 260 against -15): a centred line keeps 2 × (260 - 135)
    assert school.box_clear_pt == 2 * (260 - (-15 + 150))
    assert motto.box_width_pt == 300 - 14.4
    assert Checker(doc).width_available(school) == 300 - 14.4  # the box's, not the page's 160 mm


def test_agency_name_does_not_grow_under_the_neighbouring_box_CTR01(tmp_path, monkeypatch):
    """10 → 12 pt: the name (276 pt at 12) fits the 285.6 pt box but runs under the right box from 250 pt on."""
    from generator.nd30.fix import pages

    monkeypatch.setattr(pages, "can_render", lambda: False)  # the guards alone, no layout compared
    source = header_in_boxes(tmp_path / "boxes.docx")
    doc = read_docx(source).value
    found = [f for f in check_document(doc).findings if f.rule == "issuer.size" and f.detail.fix is not None]
    assert {f.excerpt for f in found} >= {"TRƯỜNG ĐẠI HỌC CÔNG NGHIỆP THỰC PHẨM"}
    ck = Checker(doc)
    why = {f.excerpt: refusal(ck, f) for f in found}
    assert "không còn vừa khung" in why["TRƯỜNG ĐẠI HỌC CÔNG NGHIỆP THỰC PHẨM"]
    assert why["BỘ CÔNG THƯƠNG"] is None  # 12 pt of a short line fits
    report = fix_docx(source, tmp_path / "fixed.docx")
    fixed = read_docx(tmp_path / "fixed.docx").value
    # the name keeps one size: its lines are left together when one of them cannot grow
    assert {paragraph(fixed, t).runs[0].size_pt for t in ("BỘ CÔNG THƯƠNG", "TRƯỜNG ĐẠI HỌC CÔNG NGHIỆP THỰC PHẨM",
                                                           "THÀNH PHỐ HỒ CHÍ MINH")} == {10.0}
    assert sum(m.rule == "issuer.size" for m in report.refused) == 3


def test_short_agency_name_may_grow_when_the_boxes_do_not_overlap(tmp_path):
    doc = read_docx(header_in_boxes(tmp_path / "apart.docx", right_x=300, width=280,
                                    school="TRƯỜNG ĐẠI HỌC VĂN LANG")).value
    assert paragraph(doc, "TRƯỜNG ĐẠI HỌC VĂN LANG").box_clear_pt == 280 - 14.4
    found = [f for f in check_document(doc).findings if f.rule == "issuer.size" and f.detail.fix is not None]
    ck = Checker(doc)
    assert found and all(refusal(ck, f) is None for f in found)


def test_typed_rule_in_a_text_box_is_measured_on_the_box_CTR01(tmp_path):
    """The border's indents came from the page (65.7 mm each side) and left it no width in a 106 mm box."""
    doc = read_docx(header_in_boxes(tmp_path / "boxes.docx")).value
    typed = next(f for f in check_document(doc).findings if f.rule == "rule.typed")
    side = typed.detail.fix.indent_pt
    border = (300 - 14.4) - 2 * side  # the box less its insets
    assert border > 100  # about the motto's length (ND30: as long as the Tiêu ngữ), not ~0


def test_lines_in_floating_text_boxes_take_no_room_on_the_page_CTR01(tmp_path):
    """A one-page programme was told to number its pages: the six lines of its two header boxes were counted as
    lines of the page's text (here each box line is spaced 250 pt apart: counted so, the page would be full)."""
    from generator.nd30.check import pagenum

    source = header_in_boxes(tmp_path / "boxes.docx", box_ppr='<w:spacing w:before="5000"/>')
    doc = read_docx(source).value
    assert pagenum.one_page(Checker(doc))
    assert "pagenum.missing" not in {f.rule for f in check_document(doc).findings}
