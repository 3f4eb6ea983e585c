"""Formatting resolved through docDefaults → basedOn chain → paragraph style → character style → direct."""
from __future__ import annotations

import pytest

from generator.word import read_docx

from tests.word.docx_factory import make_docx, p, r


def _para(result, text):
    return next(q for q in result.value.paragraphs() if q.text.startswith(text))


def test_style_chain_and_doc_defaults(rich):
    body = _para(rich, "Căn cứ")
    assert body.style_id == "BodyJustified" and body.style_name == "Body Justified"
    assert body.alignment == "both"
    assert body.indent_first_line_pt == 28.35
    assert (body.space_before_pt, body.space_after_pt, body.line_spacing) == (6.0, 0.0, ("exact", 18.0))
    normal = _para(rich, "Sau dấu thân")
    # docDefaults only: theme minor font, 11 pt, spacing after 8 pt, line 259/240
    assert (normal.font, normal.size_pt, normal.space_after_pt, normal.line_spacing) == ("Calibri", 11.0, 8.0, ("auto", 1.079))


def test_run_formatting_direct_character_style_and_chain(rich):
    runs = {run.text: run for run in _para(rich, "Căn cứ").runs}
    assert runs["Căn cứ "].bold is False and runs["Căn cứ "].font == "Times New Roman" and runs["Căn cứ "].size_pt == 14.0
    assert runs["Luật"].bold is True
    assert runs[" Tổ chức"].bold is True and runs[" Tổ chức"].style_id == "Strong"
    emph = runs["chính quyền"]
    assert (emph.bold, emph.italic) == (True, True)  # Emph is based on Strong
    direct = runs["địa phương"]
    assert (direct.font, direct.size_pt, direct.underline, direct.caps) == ("Arial", 13.0, True, True)
    assert runs["\t"].text == "\t" and runs["\n"].text == "\n"
    assert runs["_______"].text == "_______"  # typed underscores are text, kept as typed


def test_paragraph_direct_formatting_and_uniform_run_values(rich):
    q = _para(rich, "Quốc hiệu")
    assert (q.alignment, q.bold, q.size_pt, q.border_bottom, q.space_before_pt) == ("center", True, 13.0, True, 0.0)
    mixed = _para(rich, "Căn cứ")
    assert mixed.bold is None  # mixed bold and regular runs


def test_tab_stops_resolved(rich):
    q = _para(rich, "Số:")
    assert q.tab_stops == [("center", 85.05), ("right", 453.6)]
    assert q.text == "Số: \tQuảng Nam, ngày"


def test_heading_by_builtin_name_and_based_on_overrides_parent(tmp_path):
    doc = make_docx(tmp_path / "x.docx", p("H2", style="Heading2") + p("thường", style="ListPara"))
    h2, lp = list(read_docx(doc).value.paragraphs())
    assert (h2.heading_level, h2.bold, h2.italic, h2.keep_next) == (2, True, True, True)
    assert (lp.indent_left_pt, lp.indent_first_line_pt, lp.alignment, lp.font) == (36.0, 28.35, "both", "Times New Roman")


def test_package_without_styles_or_theme_still_reads(tmp_path):
    doc = make_docx(tmp_path / "x.docx", p(r("trơn", "<w:b/>"), ppr='<w:jc w:val="right"/>'), styles=None, theme=False)
    result = read_docx(doc)
    para = next(result.value.paragraphs())
    assert (para.text, para.bold, para.alignment, para.style_id, para.font) == ("trơn", True, "right", None, None)


def test_unknown_style_is_reported(tmp_path):
    doc = make_docx(tmp_path / "x.docx", p("x", style="KhongCo"))
    result = read_docx(doc)
    assert any("KhongCo" in m.text for m in result.messages)
    assert next(result.value.paragraphs()).text == "x"


def test_cyclic_and_very_deep_based_on_chains_end(tmp_path):
    from tests.word.docx_factory import NSDECL

    chain = "".join(f'<w:style w:type="paragraph" w:styleId="S{i}"><w:name w:val="S{i}"/><w:basedOn w:val="S{i + 1}"/>'
                    f'<w:pPr><w:ind w:left="{i}"/></w:pPr></w:style>' for i in range(500))
    cycle = ('<w:style w:type="paragraph" w:styleId="A"><w:basedOn w:val="B"/><w:rPr><w:b/></w:rPr></w:style>'
             '<w:style w:type="paragraph" w:styleId="B"><w:basedOn w:val="A"/><w:rPr><w:i/></w:rPr></w:style>')
    styles = f'<?xml version="1.0" encoding="UTF-8"?><w:styles {NSDECL}>{chain}{cycle}</w:styles>'
    doc = make_docx(tmp_path / "x.docx", p("sâu", style="S0") + p("vòng", style="A"), styles=styles)
    deep, cyclic = read_docx(doc).value.paragraphs()
    assert deep.indent_left_pt == 0.0 and deep.text == "sâu"
    assert (cyclic.bold, cyclic.italic) == (True, True)


def test_table_style_paragraph_props_and_first_row_formatting(tmp_path):
    from tests.word.docx_factory import STYLES, tbl, tc, tr

    table_style = ('<w:style w:type="table" w:styleId="KhBang"><w:name w:val="KH Bảng"/><w:basedOn w:val="TableGrid"/>'
                   '<w:pPr><w:spacing w:after="0"/><w:jc w:val="center"/></w:pPr><w:rPr><w:sz w:val="26"/></w:rPr>'
                   '<w:tblStylePr w:type="firstRow"><w:rPr><w:b/></w:rPr></w:tblStylePr></w:style>')
    styles = STYLES.replace("</w:styles>", table_style + "</w:styles>")

    def table(look: str) -> str:
        return tbl(tr(tc("Tiêu đề"), tc("Cột")), tr(tc("dữ liệu"), tc(p("trái", ppr='<w:jc w:val="left"/>'))),
                   grid=[2000, 2000], style="KhBang", borders=look)

    doc = make_docx(tmp_path / "x.docx", table('<w:tblLook w:val="04A0" w:firstRow="1"/>')
                    + table('<w:tblLook w:val="0000"/>') + p("ngoài bảng"), styles=styles)
    result = read_docx(doc)
    on, off = result.value.tables
    head, body = on.rows
    assert [(q.text, q.bold, q.size_pt, q.alignment, q.space_after_pt) for c in head.cells for q in c.paragraphs] == [
        ("Tiêu đề", True, 13.0, "center", 0.0), ("Cột", True, 13.0, "center", 0.0)]
    assert [(q.bold, q.alignment) for c in body.cells for q in c.paragraphs] == [(False, "center"), (False, "left")]
    assert off.rows[0].cells[0].paragraphs[0].bold is False and on.borders
    outside = list(result.value.paragraphs())[-1]
    assert (outside.size_pt, outside.space_after_pt, outside.alignment) == (11.0, 8.0, None)


@pytest.mark.parametrize("value,bold", [(None, True), ("1", True), ("true", True), ("on", True), ("0", False),
                                        ("false", False), ("off", False), ("none", False)])
def test_on_off_values_of_a_run_property(tmp_path, value, bold):
    """w:b with no value, '1', 'true', 'on' is on; '0', 'false', 'off', 'none' is off (and turns off a bold
    paragraph style's bold)."""
    from tests.word.docx_factory import make_docx, p, r

    attr = f' w:val="{value}"' if value is not None else ""
    doc = make_docx(tmp_path / "b.docx", p(r("chữ", f"<w:b{attr}/><w:i{attr}/><w:caps{attr}/>")))
    run = next(read_docx(doc).value.paragraphs()).runs[0]
    assert (run.bold, run.italic, run.caps) == (bold, bold, bold)


@pytest.mark.parametrize("half_points,size", [("28", 14.0), ("27", 13.5), ("26", 13.0), ("2", 1.0)])
def test_sizes_are_half_points(tmp_path, half_points, size):
    from tests.word.docx_factory import make_docx, p, r

    doc = make_docx(tmp_path / "s.docx", p(r("chữ", f'<w:sz w:val="{half_points}"/>')))
    assert next(read_docx(doc).value.paragraphs()).runs[0].size_pt == size


@pytest.mark.parametrize("ppr,expected", [
    ('<w:jc w:val="both"/>', {"alignment": "both"}), ('<w:jc w:val="distribute"/>', {"alignment": "both"}),
    ('<w:jc w:val="start"/>', {"alignment": "left"}), ('<w:jc w:val="end"/>', {"alignment": "right"}),
    ('<w:ind w:left="567" w:firstLine="567"/>', {"indent_left_pt": 28.35, "indent_first_line_pt": 28.35}),
    ('<w:ind w:start="720" w:hanging="360"/>', {"indent_left_pt": 36.0, "indent_first_line_pt": -18.0}),
    ('<w:ind w:firstLine="720" w:hanging="360"/>', {"indent_first_line_pt": -18.0}),  # hanging wins
    ('<w:spacing w:before="120" w:after="0" w:line="360" w:lineRule="auto"/>',
     {"space_before_pt": 6.0, "space_after_pt": 0.0, "line_spacing": ("auto", 1.5)}),
    ('<w:spacing w:line="320" w:lineRule="exact"/>', {"line_spacing": ("exact", 16.0)}),
])
def test_paragraph_properties_as_word_means_them(tmp_path, ppr, expected):
    from tests.word.docx_factory import make_docx, p

    doc = make_docx(tmp_path / "p.docx", p("Đoạn", ppr=ppr))
    para = next(read_docx(doc).value.paragraphs())
    assert {k: getattr(para, k) for k in expected} == expected


@pytest.mark.parametrize("line,lines", [("360", 1.5), ("240", 1.0), ("276", 1.15)])
def test_a_line_spacing_without_a_rule_is_a_multiple_of_single_lines(tmp_path, line, lines):
    """ECMA-376 §17.3.1.33: w:lineRule defaults to "auto", so w:line is in 240ths of a line, not twips of an exact
    height; Word shows line="360" alone as 1.5 lines (fresh mutant f12-linerule-default read it as 18 pt exact)."""
    doc = make_docx(tmp_path / "p.docx", p("Đoạn", ppr=f'<w:spacing w:before="120" w:line="{line}"/>'))
    assert next(read_docx(doc).value.paragraphs()).line_spacing == ("auto", lines)


def test_a_runs_own_formatting_wins_over_its_character_style(tmp_path):
    """A run in the bold "Strong" character style but with its own w:b w:val="0", italic and 13 pt reads as
    the run says: not bold, italic, 13 pt (fresh mutant w-char-style-wins)."""
    rpr = '<w:rStyle w:val="Strong"/><w:b w:val="0"/><w:i/><w:sz w:val="26"/>'
    doc = make_docx(tmp_path / "c.docx", p(r("chữ", rpr)))
    run = next(read_docx(doc).value.paragraphs()).runs[0]
    assert (run.style_id, run.bold, run.italic, run.size_pt) == ("Strong", False, True, 13.0)


@pytest.mark.parametrize("value,underlined", [(None, False), ("single", True), ("double", True), ("none", False),
                                              ("0", False), ("false", False)])
def test_underline_values_of_a_run(tmp_path, value, underlined):
    """w:u 'single', 'double' is underlined; 'none' (what Word writes to remove a style's underline), '0', 'false'
    is not — check must not report underlining that is not there (fresh mutant w-underline-none). With no value
    ("<w:u w:color="000000"/>", every run of FR10-TC01) nothing is drawn: LibreOffice prints no line, and its
    drawn rules under the agency and the Tiêu ngữ were told to be "underlined" words."""
    attr = f' w:val="{value}"' if value is not None else ' w:color="000000"'
    doc = make_docx(tmp_path / "u.docx", p(r("chữ", f"<w:u{attr}/>")))
    assert next(read_docx(doc).value.paragraphs()).runs[0].underline is underlined


@pytest.mark.parametrize("fonts, drawn", [
    ('w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:hAnsiTheme="minorHAnsi"', ("Times New Roman", "Calibri")),
    ('w:ascii="Times New Roman" w:asciiTheme="majorHAnsi" w:hAnsi="Times New Roman"', ("Calibri Light", "Times New Roman")),
    ('w:ascii="Times New Roman" w:hAnsi="Times New Roman"', ("Times New Roman",)),
], ids=["hansi-theme", "ascii-theme", "no-theme"])
def test_a_theme_font_wins_over_the_font_named_beside_it(tmp_path, fonts, drawn):
    """Word draws a run in its theme font when the run gives one, whatever explicit font is written beside it
    (ECMA-376 17.3.2.26: the explicit attribute is ignored): "Việt Nam" with w:hAnsi Times New Roman and
    w:hAnsiTheme minorHAnsi prints "V", "i", "t", "N", "a", "m" in Times New Roman and "ệ" in Calibri, so check
    must read it so."""
    doc = read_docx(make_docx(tmp_path / "t.docx", p(r("Việt Nam", f"<w:rFonts {fonts}/>"))))
    (run,) = _para(doc, "Việt Nam").runs
    assert run.fonts == drawn
