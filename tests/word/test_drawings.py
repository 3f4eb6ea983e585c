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
