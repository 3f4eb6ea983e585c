"""Drawings (drawings.py): DrawingML and VML shapes, rules and pictures."""
from __future__ import annotations

from generator.word import read_docx

from tests.word.docx_factory import make_docx, p, r


def test_drawn_rules_and_pictures_are_described(tmp_path):
    dml_line = ('<w:r><w:drawing><wp:anchor><wp:extent cx="1905000" cy="0"/><a:graphic><a:graphicData '
                'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:spPr>'
                '<a:prstGeom prst="line"/></wps:spPr></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>')
    vml_line = '<w:r><w:pict><v:line from="60pt,5pt" to="230pt,5pt"/></w:pict></w:r>'
    picture = ('<w:r><w:drawing><wp:inline><wp:extent cx="635000" cy="317500"/><a:graphic><a:graphicData>'
               '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:blipFill>'
               '<a:blip r:embed="rId9"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>')
    result = read_docx(make_docx(tmp_path / "x.docx", p(r("Độc lập"), dml_line) + p(vml_line) + p(picture)))
    first, second, third = (q.drawings for q in result.value.paragraphs())
    assert [(d.kind, d.width_pt, d.height_pt) for d in first] == [("line", 150.0, 0.0)]
    assert [(d.kind, d.width_pt, d.offset_pt) for d in second] == [("line", 170.0, 60.0)]
    assert [(d.kind, d.width_pt, d.height_pt) for d in third] == [("image", 50.0, 25.0)]
    assert [m.level for m in result.messages] == ["info", "info", "info"]


def test_a_rule_drawn_as_a_path_or_a_group_of_paths_is_a_line(tmp_path):
    """FR4-TB01: the rules under the agency and the Tiêu ngữ are inline groups holding one straight path each, and
    the trích yếu's rule a floating path; they were read as a "group" and a "shape", so the lines were "missing"."""
    path = ('<wps:wsp><wps:spPr><a:custGeom><a:pathLst><a:path w="876300"><a:moveTo><a:pt x="0" y="0"/></a:moveTo>'
            '<a:lnTo><a:pt x="876300" y="0"/></a:lnTo></a:path></a:pathLst></a:custGeom></wps:spPr></wps:wsp>')
    box = ('<wps:wsp><wps:spPr><a:custGeom><a:pathLst><a:path><a:moveTo><a:pt x="0" y="0"/></a:moveTo><a:lnTo>'
           '<a:pt x="9" y="0"/></a:lnTo><a:lnTo><a:pt x="9" y="9"/></a:lnTo></a:path></a:pathLst></a:custGeom>'
           '</wps:spPr></wps:wsp>')

    def drawing(inner: str, group: bool, place: str = "inline") -> str:
        data = "wordprocessingGroup" if group else "wordprocessingShape"
        body = f'<wpg:wgp xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup">{inner}</wpg:wgp>' \
            if group else inner
        pos = '<wp:positionV relativeFrom="paragraph"><wp:posOffset>50800</wp:posOffset></wp:positionV>' \
            '<wp:wrapTopAndBottom/>' if place == "anchor" else ""
        return (f'<w:r><w:drawing><wp:{place}>{pos}<wp:extent cx="876300" cy="9525"/><a:graphic><a:graphicData '
                f'uri="http://schemas.microsoft.com/office/word/2010/{data}">{body}</a:graphicData></a:graphic>'
                f'</wp:{place}></w:drawing></w:r>')

    body = p(drawing(path, True)) + p(drawing(path, False, "anchor")) + p(drawing(box, True)) + p(drawing(box, False))
    result = read_docx(make_docx(tmp_path / "x.docx", body))
    kinds = [[(d.kind, d.width_pt, d.top_pt) for d in q.drawings] for q in result.value.paragraphs()]
    assert kinds == [[("line", 69.0, None)], [("line", 69.0, 4.0)], [("group", 69.0, None)], [("shape", 69.0, None)]]
    assert [d.wrap for q in result.value.paragraphs() for d in q.drawings] == [None, "topAndBottom", None, None]


def test_a_floating_line_knows_how_far_below_its_paragraph_top_it_is(tmp_path):
    vml = ('<w:r><w:pict><v:line style="position:absolute;mso-position-vertical-relative:text" from="45pt,.15pt" '
           'to="117pt,.15pt"/></w:pict></w:r>')
    result = read_docx(make_docx(tmp_path / "x.docx", p(r("Số: 12/SCT-CN"), vml)))
    assert [(d.kind, d.width_pt, d.top_pt) for d in next(result.value.paragraphs()).drawings] == [("line", 72.0, 0.15)]
