"""Read the generated .docx back and check ND30 layout, styles and content."""
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt
from lxml import etree

from generator import nd30
from generator.render.build import build_plan
from generator.core.text import text_width_pt
from tests.conftest import PLANS, SAMPLE
from tests.dump import check_golden, dump_docx

GOLDEN = Path(__file__).parent / "golden"
MM = 1440 / 25.4


def docx_of(built, stem):
    return next(f for f in built[stem].files if f.suffix == ".docx")


def sections(doc_path):
    doc = Document(str(doc_path))
    return [s for s in doc.element.body.iter(qn("w:sectPr"))]


@pytest.mark.parametrize("stem", [p.stem for p in PLANS] + ["sample"])
def test_golden_content(built, stem):
    """Normalised document content (paragraph styles and text, table cells, sections)."""
    check_golden(GOLDEN / f"{stem}.docx.txt", dump_docx(docx_of(built, stem)))


def test_page_setup_of_every_section(built):
    sects = sections(docx_of(built, "sample"))
    assert len(sects) == 3  # body, Phụ lục I (landscape), Phụ lục II (portrait)
    sizes = [(int(s.find(qn("w:pgSz")).get(qn("w:w"))), int(s.find(qn("w:pgSz")).get(qn("w:h")))) for s in sects]
    assert sizes == [(11906, 16838), (16838, 11906), (11906, 16838)]
    assert sects[1].find(qn("w:pgSz")).get(qn("w:orient")) == "landscape"
    for sect in sects:
        mar = sect.find(qn("w:pgMar"))
        for side in ("top", "bottom", "left", "right"):
            assert nd30.margin_ok(side, int(mar.get(qn(f"w:{side}"))) / MM), side
        assert sect.find(qn("w:titlePg")) is not None
    assert sects[0].find(qn("w:pgNumType")) is None
    assert all(s.find(qn("w:pgNumType")).get(qn("w:start")) == "1" for s in sects[1:])


def test_page_number_field_in_header_not_on_first_page(built):
    doc = Document(str(docx_of(built, "sample")))
    section = doc.sections[0]
    assert section.different_first_page_header_footer
    header_xml = section.header._element.xml
    assert "PAGE" in header_xml and "fldChar" in header_xml
    # ND30: centred in the top margin; the paragraph's own alignment wins over its style's
    number = next(p for p in section.header.paragraphs if "PAGE" in p._p.xml)
    shown = number.alignment if number.alignment is not None else number.style.paragraph_format.alignment
    assert shown == WD_ALIGN_PARAGRAPH.CENTER
    assert "PAGE" not in section.first_page_header._element.xml


# style: (ND30 element of its size, ND30 element of its look); the values come from generator/nd30/rules.py,
# the module `kehoach check` judges documents by
STYLE_ELEMENTS = {
    "KH Quoc hieu": ("national", "national"), "KH Tieu ngu": ("motto", "motto"), "KH Co quan": ("agency", "agency"),
    "KH So": ("number", "number"), "KH Dia danh": ("date", "date"), "KH Ten loai": ("doc_type", "doc_type"),
    "KH Trich yeu": ("title", "title"), "KH Noi dung": ("body", "body"), "KH Muc": ("body", "section"),
    "KH Khoan": ("body", "heading"), "KH Noi nhan": ("recipients_label", "recipients_label"),
    "KH Noi nhan muc": ("recipients", "recipients"), "KH Chuc vu": ("signer", "authority"),
    "KH Nguoi ky": ("signer", "signer_name"), "KH Phu luc": ("appendix_label", "appendix_label"),
    "KH Kem theo": ("appendix_title", "attached"), "KH So trang": ("page_number", "page_number"),
}


def test_styles_follow_nd30(built):
    doc = Document(str(docx_of(built, "sample")))
    sizes = nd30.sizes_for(14)
    for name, (size_of, look_of) in STYLE_ELEMENTS.items():
        style, look = doc.styles[name], nd30.LOOK[look_of]
        assert style.font.size == Pt(sizes[size_of]), name
        assert bool(style.font.bold) == look.bold, name
        assert bool(style.font.italic) == look.italic, name
        assert style.font.name == nd30.FONT, name
    body = doc.styles["KH Noi dung"].paragraph_format
    assert body.alignment == 3 and nd30.first_line_ok(body.first_line_indent.mm)
    assert body.space_before >= Pt(nd30.BODY_MIN_SPACING_PT)


def test_size_pair_13(plan_copy, tmp_path):
    path = plan_copy(lambda t: t.replace("appendices:\n", "layout:\n  size_pair: 13\nappendices:\n", 1))
    doc = Document(str(build_plan(path, tmp_path / "out").files[0]))
    assert doc.styles["KH Quoc hieu"].font.size == Pt(12)
    assert doc.styles["KH Tieu ngu"].font.size == Pt(13)
    assert doc.styles["KH Dia danh"].font.size == Pt(13)
    assert doc.styles["KH Noi dung"].font.size == Pt(13)
    assert doc.styles["KH Noi nhan muc"].font.size == Pt(11)


def test_header_table_layout_and_date(built):
    doc = Document(str(docx_of(built, "quang-nam-papi-2020")))
    header = doc.tables[0]
    assert header.cell(1, 0).text == "Số: 4055/KH-UBND"
    assert header.cell(1, 1).text == "Quảng Nam, ngày 20 tháng 7 năm 2020"
    assert nd30.date_check(header.cell(1, 1).text).problems == []
    assert nd30.number_problems(header.cell(1, 0).text) == []
    assert [p.text for p in header.cell(0, 0).paragraphs][0] == "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NAM"
    # Quốc hiệu never wraps: its column is wider than the measured line
    right = int(header._tbl.tblGrid.findall(qn("w:gridCol"))[1].get(qn("w:w")))
    needed = text_width_pt(nd30.NATIONAL, 13, "bold") * 20 + 2 * 57
    assert right > needed
    borders = header._tbl.tblPr.find(qn("w:tblBorders"))
    assert {b.get(qn("w:val")) for b in borders} == {"nil"}
    assert doc.paragraphs[0].text == "KẾ HOẠCH"


def test_superior_agency_line_is_not_bold_and_the_issuer_name_is(plan_from, tmp_path):
    """ND30: the line of the superior agency (in capitals, above) is regular, the issuing agency's name bold."""
    def edit(data):
        data["issuer"]["superior"] = ["UBND TỈNH QUẢNG NAM"]
        data["issuer"]["name"] = ["SỞ NỘI VỤ"]
    plan_from(edit)
    result = build_plan(tmp_path / "plan.yaml", tmp_path / "out")
    doc = Document(str(next(f for f in result.files if f.suffix == ".docx")))
    para = doc.tables[0].cell(0, 0).paragraphs[0]
    shown = [(r.text.strip(), para.style.font.bold if r.bold is None else r.bold) for r in para.runs if r.text.strip()]
    assert shown == [("UBND TỈNH QUẢNG NAM", False), ("SỞ NỘI VỤ", True)]


def test_rules_are_drawn_borders_sized_to_the_text(built):
    doc = Document(str(docx_of(built, "sample")))
    rules = {}
    for p in doc.element.body.iter(qn("w:p")):
        ps = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        if ps is not None and ps.get(qn("w:val")) in ("KHKecoquan", "KHKetieungu", "KHKetrichyeu", "KHKephuluc"):
            ind = p.find(f"{qn('w:pPr')}/{qn('w:ind')}")
            rules.setdefault(ps.get(qn("w:val")), []).append((int(ind.get(qn("w:left"))),
                                                                int(ind.get(qn("w:right")))))
    style = doc.styles["KH Ke tieu ngu"].element
    assert style.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:bottom')}").get(qn("w:val")) == "single"
    motto_cell = 103 * MM - 2 * 57
    left, right = rules["KHKetieungu"][0]
    motto = text_width_pt(nd30.MOTTO, 14, "bold") * 20
    assert abs((motto_cell - left - right) - motto) < 30
    assert nd30.motto_rule_ok(motto_cell - left - right, motto)
    left, right = rules["KHKecoquan"][0]
    agency = text_width_pt("TỈNH QUẢNG NAM", 13, "bold") * 20
    assert agency / 3 <= (62 * MM - 2 * 57) - left - right <= agency / 2
    assert nd30.rule_ratio_ok((62 * MM - 2 * 57) - left - right, agency)
    assert len(rules["KHKephuluc"]) == 2 and "KHKetrichyeu" in rules
    assert "____" not in dump_docx(docx_of(built, "sample"))


def test_recipients_block(built):
    doc = Document(str(docx_of(built, "sample")))
    sign = doc.tables[1]
    left = [(p.style.name, p.text) for p in sign.cell(0, 0).paragraphs]
    assert left[0] == ("KH Noi nhan", "Nơi nhận:")
    items = [t for s, t in left[1:]]
    assert all(s == "KH Noi nhan muc" for s, _ in left[1:])
    assert all(t.startswith("- ") and t.endswith(";") for t in items[:-1])
    assert items[-1] == "- Lưu: VT, NCKS (02)."
    assert all(nd30.recipient_item_fixed(t, i == len(items) - 1) == t for i, t in enumerate(items))
    assert nd30.ARCHIVE_RE.match(items[-1])
    right = [p.text for p in sign.cell(0, 1).paragraphs if p.text]
    assert right == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Hồ Quang Bửu"]


def test_appendix_tables_repeat_header_and_never_split_rows(built):
    doc = Document(str(docx_of(built, "quang-nam-papi-2020")))
    table = doc.tables[-1]._tbl
    rows = table.findall(qn("w:tr"))
    assert rows[0].find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
    assert all(r.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None for r in rows)
    assert table.find(f"{qn('w:tblPr')}/{qn('w:tblLayout')}").get(qn("w:type")) == "fixed"
    spans = [r for r in rows if r.find(f".//{qn('w:gridSpan')}") is not None]
    assert len(spans) == 8  # one merged group row per PAPI dimension
    grid = sum(int(c.get(qn("w:w"))) for c in table.find(qn("w:tblGrid")))
    assert grid <= round((297 - 45) * MM) + 5


def test_special_characters_survive_exactly(built):
    text = dump_docx(docx_of(built, "sample"))
    assert 'Ký tự đặc biệt: A & B <x> "trích" \'nháy\' {a} {{ b }} {% c %} phải giữ nguyên.' in text
    assert "nhà văn hóa <thôn>" in text and "Sở TT&TT" in text


def test_same_plan_twice_gives_identical_bytes(tmp_path):
    a = build_plan(SAMPLE, tmp_path / "a")
    b = build_plan(SAMPLE, tmp_path / "b")
    for fa, fb in zip(a.files, b.files):
        assert fa.read_bytes() == fb.read_bytes(), fa.name


# ---------------------------------------------------------------- untrusted templates, verbatim text

def _template_with(tmp_path, snippet: str) -> Path:
    """The default template with `snippet` typed into the paragraph holding the signer's name."""
    import zipfile

    from generator.render.templates import default_template

    src = default_template("kehoach.docx")
    out = tmp_path / "mau-tinh.docx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "word/document.xml":
                data = data.replace(b"{{ signer_name }}", b"{{ signer_name }}" + snippet.encode())
            zout.writestr(info, data)
    return out


@pytest.mark.parametrize("attack", [
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "{{ signer_name.__class__.__mro__[1].__subclasses__() }}",
    "{{ ''.__class__.__mro__ }}",
    "{{ lipsum.__globals__['os'].popen('id').read() }}",
])
def test_template_cannot_run_code(tmp_path, attack):
    from generator.core.errors import TemplateError

    template = _template_with(tmp_path, attack)
    with pytest.raises(TemplateError) as exc:
        build_plan(SAMPLE, tmp_path / "out", docx_template=template)
    message = str(exc.value)
    assert str(template) in message
    assert "không an toàn" in message or "biến không có" in message
    assert "uid=" not in message
    assert not (tmp_path / "out" / "sample").exists()


def test_blocked_template_construct_names_the_paragraph(tmp_path):
    from generator.core.errors import TemplateError

    template = _template_with(tmp_path, "{{ signer_name.__class__ }}")
    with pytest.raises(TemplateError) as exc:
        build_plan(SAMPLE, tmp_path / "out", docx_template=template)
    assert "không an toàn ở đoạn" in str(exc.value)
    assert "«{{ signer_name.__class__ }}»" in str(exc.value)


def test_template_filters_still_work_in_the_sandbox(tmp_path):
    template = _template_with(tmp_path, " ({{ signer_name | length > 0 }})")
    result = build_plan(SAMPLE, tmp_path / "out", docx_template=template)
    doc = Document(str(docx_of({"s": result}, "s")))
    text = "\n".join(p.text for t in doc.tables for r in t.rows for c in r.cells for p in c.paragraphs)
    assert "(True)" in text


JINJA_LIKE = "{_{ a }_} {_% b %_} {{ c }} {% d %} {# e #} & <f> \"g\" 'h'"


def test_plan_text_comes_out_as_written_in_every_templated_part(tmp_path, plan_copy):
    def edit(text):
        text = text.replace("title: Cải thiện Chỉ số PAPI tỉnh Quảng Nam năm 2021",
                            f"title: 'Cải thiện {JINJA_LIKE.replace(chr(39), chr(39) * 2)}'")
        text = text.replace("  name: Hồ Quang Bửu", "  name: 'Hồ Quang Bửu {_{x}_}'")
        text = text.replace("  - text: Thường trực Tỉnh ủy", "  - text: 'Thường trực Tỉnh ủy {_% y %_} & <z>'")
        text = text.replace("  full_name: Ủy ban nhân dân tỉnh Quảng Nam",
                            "  full_name: 'Ủy ban nhân dân tỉnh Quảng Nam {_{w}_}'")
        text = text.replace("    - TỈNH QUẢNG NAM", "    - 'TỈNH QUẢNG NAM {_{v}_}'")
        text = text.replace("    - NCKS", "    - 'NCKS {_%u%_}'")
        return text

    path = plan_copy(edit)
    result = build_plan(path, tmp_path / "out")
    doc = Document(str(result.out_dir / "plan.docx"))
    texts = [p.text for p in doc.paragraphs] + [p.text for t in doc.tables for row in t.rows
                                                for c in row.cells for p in c.paragraphs]
    joined = "\n".join(texts)
    for expected in (f"Cải thiện {JINJA_LIKE}", "Hồ Quang Bửu {_{x}_}", "Thường trực Tỉnh ủy {_% y %_} & <z>",
                     "TỈNH QUẢNG NAM {_{V}_}", "NCKS {_%u%_}"):  # issuer lines print in capitals
        assert expected in joined, expected
    recipients = (result.out_dir / "plan-noi-nhan.txt").read_text(encoding="utf-8")
    assert "Thường trực Tỉnh ủy {_% y %_} & <z>" in recipients and "NCKS {_%u%_}" in recipients
    assert doc.core_properties.title == f"Kế hoạch: Cải thiện {JINJA_LIKE}"


def test_long_values_are_printed_in_full_and_cut_only_in_properties(tmp_path, plan_copy):
    long_title = "Cải thiện chỉ số " + "rất dài " * 40
    long_name = "Ủy ban nhân dân tỉnh " + "Quảng Nam " * 30
    path = plan_copy(lambda t: t.replace("title: Cải thiện Chỉ số PAPI tỉnh Quảng Nam năm 2021",
                                         f"title: {long_title.strip()}")
                     .replace("  full_name: Ủy ban nhân dân tỉnh Quảng Nam", f"  full_name: {long_name.strip()}"))
    result = build_plan(path, tmp_path / "out")
    doc = Document(str(result.out_dir / "plan.docx"))
    assert any(long_title.strip() in p.text.replace("\n", " ") for p in doc.paragraphs + [
        p for t in doc.tables for r in t.rows for c in r.cells for p in c.paragraphs])
    assert len(doc.core_properties.title) == 255 and doc.core_properties.title.endswith("…")
    assert len(doc.core_properties.author) == 255


def test_tabs_and_line_breaks_in_templated_text_become_word_elements(tmp_path, plan_copy):
    path = plan_copy(lambda t: t.replace("  name: Hồ Quang Bửu", '  name: "Hồ Quang\\tBửu"'))
    result = build_plan(path, tmp_path / "out")
    import zipfile
    with zipfile.ZipFile(result.out_dir / "plan.docx") as z:
        xml = z.read("word/document.xml").decode()
    assert "Hồ Quang</w:t><w:tab/><w:t xml:space=\"preserve\">Bửu" in xml


def _reference_rows(table, style_ids):
    """The rows built element by element with ooxml's builders (the way the fast string path was
    checked to match): header row, group rows, data rows."""
    from generator.render import ooxml

    widths = [ooxml.mm(c.width_cm * 10) for c in table.columns]

    def tc(lines, width, *, style, align, bold=None, span=1, merge="", keep=False):
        props = [ooxml.el("w:tcW", {"w:w": width, "w:type": "dxa"})]
        if span > 1:
            props.append(ooxml.el("w:gridSpan", {"w:val": span}))
        if merge:
            props.append(ooxml.el("w:vMerge", {"w:val": "restart"} if merge == "restart" else {}))
        props.append(ooxml.el("w:vAlign", {"w:val": "center" if align == "center" else "top"}))
        extra = [ooxml.el("w:keepNext")] if keep else None
        paragraphs = [ooxml.paragraph(style, [ooxml.run(line, bold=bold)] if line else [], align=align,
                                      ppr_extra=extra) for line in (lines if merge != "continue" else ("",))]
        return ooxml.el("w:tc", children=[ooxml.el("w:tcPr", children=props), *paragraphs])

    def tr(cells, header=False):
        props = [ooxml.el("w:cantSplit")] + ([ooxml.el("w:tblHeader")] if header else [])
        return ooxml.el("w:tr", children=[ooxml.el("w:trPr", children=props), *cells])

    tbl = ooxml.el("w:tbl")
    tbl.append(tr([tc((c.header,), w, style=style_ids["KH Bang tieu de"], align="center")
                   for c, w in zip(table.columns, widths)], header=True))
    for row in table.rows:
        if row.kind == "group":
            cells = [tc(cell.lines, sum(widths[i:i + (len(widths) - i if i == row.span_from else 1)]),
                        style=style_ids["KH Bang"], bold=True, keep=True,
                        span=len(widths) - i if i == row.span_from else 1,
                        align="center" if table.columns[i].key == "stt" and i != row.span_from else "left")
                     for i, cell in enumerate(row.cells)]
        else:
            cells = [tc(cell.lines, w, style=style_ids["KH Bang"], align=col.align,
                        bold=True if row.bold else None, merge=cell.merge)
                     for cell, col, w in zip(row.cells, table.columns, widths)]
        tbl.append(tr(cells))
    return etree.tostring(tbl, encoding="unicode")


def test_table_rows_are_the_markup_the_element_builders_make():
    """The appendix rows are written as a string (speed); they must be exactly what lxml writes for
    the elements ooxml would build, escapes, line breaks, merges and spans included."""
    from generator.render.context import Cell, Column, Row, Table
    from generator.render.docx import _Bookmarks, _table_xml

    columns = [Column("stt", "STT", 1.2, "center", fixed=True), Column("content", "Nội dung & <việc>", 6, "justify"),
               Column("lead", "Chủ trì", 3), Column("value", "Giá trị", 2, "right")]
    rows = [
        Row("group", (Cell(("I",)), Cell(('Nhóm "A" & <B>',))), span_from=1, bold=True),
        Row("data", (Cell(("1",), "restart"), Cell(("dòng 1", "", "a\nb", "x\ry", " cách  ")), Cell(("Sở 'TT&TT'",)),
                     Cell(("4,5",)))),
        Row("data", (Cell(("",), "continue"), Cell(("]]> {{ b }} {% c %}",)), Cell(()), Cell(("",)))),
        Row("group", (Cell(("Toàn bộ\tbảng",)),), span_from=0, bold=True),
        Row("total", (Cell(("",)), Cell(("Tổng",)), Cell(("",)), Cell(("9,0",))), bold=True),
    ]
    table = Table("t", "Phụ lục", "TIÊU ĐỀ", "(Kèm theo)", True, columns, rows)
    style_ids = {"KH Bang": "KHBang", "KH Bang tieu de": "KHBangtieude"}
    spliced: dict[bytes, list[bytes]] = {}
    tbl = _table_xml(table, 0, style_ids, spliced, _Bookmarks(None))
    (placeholder, chunks), = spliced.items()
    xml = b"".join(chunks).decode("utf-8")
    assert tbl[-1].tag == qn("w:" + placeholder.decode()[3:-2])
    reference = _reference_rows(table, style_ids)
    assert reference.startswith("<w:tbl xmlns:w=") and reference.endswith("</w:tbl>")
    assert xml == reference[reference.index(">") + 1:-len("</w:tbl>")]
    texts = [t.text for t in etree.fromstring(reference[:reference.index(">") + 1] + xml + "</w:tbl>").iter(qn("w:t"))]
    assert "x\ry" in texts and "]]> {{ b }} {% c %}" in texts and " cách  " in texts


# ---------------------------------------------------------------- the province's style sizes (ND30)


def _template_sized(tmp_path, sizes: dict) -> Path:
    from generator.render.templates import default_template

    doc = Document(str(default_template("kehoach.docx")))
    for style, size in sizes.items():
        doc.styles[style].font.size = Pt(size)
    out = tmp_path / "mau-tinh.docx"
    doc.save(str(out))
    return out


def test_template_style_sizes_within_nd30_are_honoured(tmp_path):
    template = _template_sized(tmp_path, {"KH Noi dung": 13, "KH Tieu ngu": 13})
    doc = Document(str(build_plan(SAMPLE, tmp_path / "out", docx_template=template).files[0]))
    assert doc.styles["KH Noi dung"].font.size == Pt(13)  # the province's choice, not reset to 14
    assert doc.styles["KH Tieu ngu"].font.size == Pt(13)
    assert doc.styles["KH Can cu"].font.size == Pt(14)  # untouched styles follow the plan's size pair


def test_template_style_sizes_outside_nd30_are_refused_clearly(tmp_path):
    from generator.core.errors import TemplateError

    template = _template_sized(tmp_path, {"KH Noi dung": 12, "KH Noi nhan muc": 12})
    with pytest.raises(TemplateError) as exc:
        build_plan(SAMPLE, tmp_path / "out", docx_template=template)
    message = str(exc.value)
    assert "mau-tinh.docx: " in message
    assert "kiểu 'KH Noi dung' (nội dung văn bản) cỡ chữ 12 nằm ngoài giới hạn của Nghị định 30 (13–14)" in message
    assert "kiểu 'KH Noi nhan muc' (các dòng Nơi nhận) cỡ chữ 12 nằm ngoài giới hạn của Nghị định 30 (11)" in message
    assert not (tmp_path / "out" / "sample").exists()  # nothing half-written


@pytest.mark.parametrize("pair, province_template, size", [(13, False, 11.0), (14, True, 12.0)])
def test_appendix_tables_print_at_the_size_of_the_plans_pair(tmp_path, plan_copy, pair, province_template, size):
    """The appendix tables' text (header row and cells) prints at the table size of the plan's pair: 11 pt with
    `layout: {size_pair: 13}` and the shipped template (its 12 pt table styles are the untouched default), 12 pt
    with the 14 pair and a province template whose 'KH Bang' styles set no size (fresh mutant nd-table-size-13
    took 13 pt for the 14 pair: the 12/13 plan's tables stayed at 12 pt, the province's came out at 13 pt)."""
    from generator.render.templates import default_template
    from generator.word import read_docx

    path = plan_copy(lambda t: t.replace("appendices:\n", f"layout:\n  size_pair: {pair}\nappendices:\n", 1))
    template = None
    if province_template:
        doc = Document(str(default_template("kehoach.docx")))
        for style in ("KH Bang", "KH Bang tieu de"):
            doc.styles[style].font.size = None
        template = tmp_path / "mau-tinh.docx"
        doc.save(str(template))
    docx = next(f for f in build_plan(path, tmp_path / "out", docx_template=template).files if f.suffix == ".docx")
    tables = read_docx(docx).value.tables[2:]  # after the header's and the signature's: the two appendices
    printed = {(p.style_name, r.size_pt) for t in tables for row in t.rows for cell in row.cells
               for p in cell.paragraphs for r in p.runs if r.text.strip()}
    assert printed == {("KH Bang tieu de", size), ("KH Bang", size)}


def test_every_kh_style_is_documented_in_vietnamese():
    from generator.render.docx import BODY_STYLE, STYLE_SIZE
    from generator.render.templates import default_template
    from tests.conftest import ROOT

    doc_text = (ROOT / "generator" / "docs" / "mau-word.md").read_text(encoding="utf-8")
    shipped = {s.name for s in Document(str(default_template("kehoach.docx"))).styles if s.name.startswith("KH ")}
    for name in shipped | set(STYLE_SIZE) | set(BODY_STYLE.values()):
        assert f"| `{name}` |" in doc_text, name


def test_every_appendix_table_repeats_its_header_and_keeps_rows_whole(built):
    # short tables too: a one-row table is where "repeat only when long" would hide
    checked = 0
    for stem, result in built.items():
        doc = Document(str(docx_of(built, stem)))
        tables = doc.tables[2:]  # header and signature tables come first
        assert tables, stem
        for table in tables:
            rows = table._tbl.findall(qn("w:tr"))
            assert rows[0].find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None, (stem, len(rows))
            assert all(r.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is None for r in rows[1:]), stem
            assert all(r.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None for r in rows), (stem, len(rows))
            checked += 1
    assert min(len(t.rows) for stem in built for t in Document(str(docx_of(built, stem))).tables[2:]) <= 3
    assert checked >= 5


def test_closing_sentence_keeps_with_the_signature_block(built):
    """The closing '… ./.' paragraph keeps with the next (the Nơi nhận and signature table), so the
    signature never starts a page alone (issue 23)."""
    doc = Document(str(docx_of(built, "sample")))
    body = doc.element.body
    closing = [p for p in body.iter(qn("w:p")) if "".join(t.text or "" for t in p.iter(qn("w:t"))).endswith("./.")]
    assert len(closing) == 1
    ppr = closing[0].find(qn("w:pPr"))
    keep = ppr.find(qn("w:keepNext")) if ppr is not None else None
    assert keep is not None and keep.get(qn("w:val")) in (None, "1", "true", "on")
    # and what follows it is the signature table
    assert closing[0].getnext().tag == qn("w:tbl")
    assert "Nơi nhận" in "".join(t.text or "" for t in closing[0].getnext().iter(qn("w:t")))


def test_closing_sentence_is_followed_by_a_12_pt_gap_before_the_signature_block(built):
    """The printed page leaves a full line (12 pt) between "Trên đây là Kế hoạch … ./." and the Nơi nhận /
    signature block, so the signature does not crowd the last sentence."""
    body = Document(str(docx_of(built, "sample"))).element.body
    closing = next(p for p in body.iter(qn("w:p")) if "".join(t.text or "" for t in p.iter(qn("w:t"))).endswith("./."))
    spacing = closing.find(qn("w:pPr")).find(qn("w:spacing"))
    assert spacing is not None and int(spacing.get(qn("w:after"))) == 240  # twips: 12 pt


def test_a_final_mark_typed_in_a_legal_basis_or_recipient_is_printed_once(plan_copy, tmp_path):
    """In the .docx and in the Nơi nhận list (.txt): '… năm 2015;' and '- Các Sở, Ban, ngành;', never '.;'."""
    path = plan_copy(lambda t: t.replace("ngày 19 tháng 6 năm 2015\n", "ngày 19 tháng 6 năm 2015.\n")
                     .replace("  - text: Các Sở, Ban, ngành\n", "  - text: Các Sở, Ban, ngành.\n"))
    files = build_plan(path, tmp_path / "out").files
    docx = next(f for f in files if f.suffix == ".docx")
    paragraphs = [p.text for p in Document(str(docx)).paragraphs]
    assert "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;" in paragraphs
    table_text = [p.text for t in Document(str(docx)).tables for c in t._cells for p in c.paragraphs]
    assert "- Các Sở, Ban, ngành;" in table_text
    txt = next(f for f in files if f.suffix == ".txt").read_text(encoding="utf-8")
    assert "- Các Sở, Ban, ngành;\n" in txt and ".;" not in txt
    assert not any(".;" in p or ";;" in p for p in paragraphs + table_text)


@pytest.mark.parametrize("extra,whole", [(0, True), (1, False)])
def test_the_title_property_is_cut_only_past_255_characters(plan_copy, tmp_path, extra, whole):
    """The document's Title property ("Kế hoạch: <trích yếu>", shown in Word's File › Info) holds 255 characters:
    a title that fits is kept whole, one more character is cut with "…" (fresh mutant g-core-title-cut cut the
    one that fitted)."""
    old = "title: Cải thiện Chỉ số PAPI tỉnh Quảng Nam năm 2021"
    title = "Cải thiện Chỉ số hiệu quả quản trị và hành chính công tỉnh Quảng Nam năm 2021 gắn với "
    title += "a" * (255 - len("Kế hoạch: ") - len(title) + extra)
    path = plan_copy(lambda t: t.replace(old, "title: " + title))
    assert path.read_text(encoding="utf-8").count(title) == 1
    docx = next(f for f in build_plan(path, tmp_path / "out").files if f.suffix == ".docx")
    shown = Document(str(docx)).core_properties.title
    if whole:
        assert shown == "Kế hoạch: " + title and len(shown) == 255
    else:
        assert len(shown) == 255 and shown.endswith("…") and ("Kế hoạch: " + title).startswith(shown[:-1])
