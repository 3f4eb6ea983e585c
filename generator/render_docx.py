"""The KH-UBND .docx: docxtpl fills the template's fixed parts (header, title, signature, Nơi nhận);
the body is a sub-document of styled paragraphs; appendix sections and tables are built in code
(Jinja must stay away from section breaks)."""
from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import jinja2
from docx.oxml.ns import qn
from docx.shared import Pt
from docxtpl import DocxTemplate, RichText
from lxml import etree

from . import nd30, ooxml
from .context import Context, Para, Table
from .nd30 import LANDSCAPE_TEXT_W, MARGIN, PORTRAIT_TEXT_W, RULE_RATIO
from .errors import TemplateError
from .text import text_width_pt
from .zipnorm import normalise_zip

BODY_STYLE = {
    "legal": "KH Can cu", "text": "KH Noi dung", "closing": "KH Noi dung", "section": "KH Muc",
    "heading": "KH Khoan", "clause": "KH Noi dung", "point": "KH Noi dung", "bullet": "KH Noi dung",
    "sub_bullet": "KH Noi dung",
}
STYLE_SIZE = {
    "KH Noi dung": "body", "KH Can cu": "body", "KH Muc": "body", "KH Khoan": "body",
    "KH Co quan chu quan": "agency", "KH Co quan": "agency", "KH So": "number", "KH Quoc hieu": "national",
    "KH Tieu ngu": "motto", "KH Dia danh": "date", "KH Ten loai": "doc_type", "KH Trich yeu": "title",
    "KH Noi nhan": "recipients_label", "KH Noi nhan muc": "recipients", "KH Chuc vu": "signer",
    "KH Nguoi ky": "signer", "KH Phu luc": "appendix_label", "KH Ten phu luc": "appendix_title",
    "KH Kem theo": "appendix_title", "KH Bang": "table", "KH Bang tieu de": "table", "KH So trang": "page_number",
}
BODY_MARKER = "\u2063kehoach-body\u2063"  # invisible separators: cannot occur in a template by accident
CELL_MARGIN_TWIPS = 57


def _xml(element) -> str:
    return etree.tostring(element, encoding="unicode")


def _rich(runs: list) -> RichText:
    rich = RichText()
    rich.xml = "".join(_xml(r) for r in runs)
    return rich


def render_docx(ctx: Context, template: Path) -> bytes:
    if not template.is_file():
        raise TemplateError(f"{template}: không tìm thấy tệp mẫu Word")
    try:
        tpl = DocxTemplate(str(template))
        tpl.init_docx()
    except Exception as exc:  # python-docx raises many kinds on a damaged or non-docx file
        raise TemplateError(f"{template}: không mở được mẫu Word ({type(exc).__name__}: {exc})") from None
    styles = {s.name for s in tpl.docx.styles}
    missing = sorted((set(BODY_STYLE.values()) | set(STYLE_SIZE)) - styles)
    if missing:
        raise TemplateError(f"{template}: mẫu Word thiếu các kiểu (style): {', '.join(missing)}")
    style_ids = {s.name: s.style_id for s in tpl.docx.styles}

    issuer_runs = []
    for i, line in enumerate(ctx.issuer_superior + ctx.issuer_name):
        superior = i < len(ctx.issuer_superior)
        issuer_runs.append(ooxml.run(("\n" if i else "") + line, bold=not superior))
    context = {
        "issuer": _rich(issuer_runs),
        "number_line": ctx.number_line,
        "place_date": ctx.place_date,
        "doc_type": ctx.doc_type,
        "title": _rich([ooxml.run("\n".join(ctx.title_lines))]),
        "body": BODY_MARKER,
        "recipients": ctx.recipients,
        "signer_lines": ctx.signer_lines,
        "signer_name": ctx.signer_name,
    }
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    try:
        tpl.render(context, jinja_env=env, autoescape=True)
    except jinja2.UndefinedError as exc:
        raise TemplateError(f"{template}: mẫu dùng biến không có ({exc.message}); các biến có: "
                            f"{', '.join(sorted(context))}") from None
    except jinja2.TemplateError as exc:
        raise TemplateError(f"{template}: lỗi cú pháp Jinja trong mẫu Word ({exc})") from None

    doc = tpl.docx
    _insert_body(doc, ctx, style_ids, template)
    _apply_sizes(doc, ctx.sizes)
    _size_rules(doc, ctx)
    _append_appendices(doc, ctx, style_ids)
    _fix_properties(doc, ctx)
    buffer = io.BytesIO()
    doc.save(buffer)
    return normalise_zip(buffer.getvalue())


def _insert_body(doc, ctx: Context, style_ids: dict[str, str], template: Path) -> None:
    """The template's `{{ body }}` paragraph is replaced by the body paragraphs (built in code, so
    that numbering and styles never depend on Jinja loops)."""
    holders = [p for p in doc.element.body.iter(qn("w:p"))
               if BODY_MARKER in "".join(t.text or "" for t in p.iter(qn("w:t")))]
    if len(holders) != 1:
        raise TemplateError(f"{template}: mẫu Word phải có đúng một đoạn chỉ chứa {{{{ body }}}} "
                            f"(tìm thấy {len(holders)})")
    holder = holders[0]
    for para in ctx.body:
        holder.addprevious(_body_paragraph(para, style_ids))
    holder.getparent().remove(holder)


def _body_paragraph(para: Para, style_ids: dict[str, str]):
    style = style_ids[BODY_STYLE[para.kind]]
    # the closing sentence stays on the page of the signature block
    extra = ([ooxml.el("w:keepNext"), ooxml.el("w:spacing", {"w:after": 240})] if para.kind == "closing"
             else None)
    return ooxml.paragraph(style, [ooxml.run(para.full)], ppr_extra=extra)


def _apply_sizes(doc, sizes: dict[str, float]) -> None:
    """ND30 sizes come in a consistent pair (13/14 or 12/13); the plan chooses the pair."""
    for style in doc.styles:
        key = STYLE_SIZE.get(style.name)
        if key is None:
            continue
        style.font.size = Pt(sizes[key])


def _cell_width(paragraph_el) -> int | None:
    tc = paragraph_el.getparent()
    while tc is not None and tc.tag != qn("w:tc"):
        tc = tc.getparent()
    if tc is None:
        return None
    tcw = tc.find(f"{qn('w:tcPr')}/{qn('w:tcW')}")
    return int(tcw.get(qn("w:w"))) - 2 * CELL_MARGIN_TWIPS if tcw is not None else None


def _set_rule(paragraph_el, rule_twips: float, available_twips: int) -> None:
    side = max(0, round((available_twips - rule_twips) / 2))
    ppr = paragraph_el.get_or_add_pPr()
    for old in ppr.findall(qn("w:ind")):
        ppr.remove(old)
    ppr.append(ooxml.el("w:ind", {"w:left": side, "w:right": side, "w:firstLine": 0}))
    ooxml.order_ppr(ppr)


def _twips(points: float) -> float:
    return points * 20


def _size_rules(doc, ctx: Context) -> None:
    """Rules are bottom borders; their length is set through indents computed from the measured text
    (Tiêu ngữ: its full width; agency name and trích yếu: RULE_RATIO of the line above)."""
    page_text = ooxml.mm(PORTRAIT_TEXT_W)
    sizes = ctx.sizes
    motto = _text_of_style(doc, "KH Tieu ngu") or nd30.MOTTO
    agency = max((text_width_pt(line, sizes["agency"], "bold") for line in ctx.issuer_name), default=0)
    title = max(text_width_pt(line, sizes["title"], "bold") for line in ctx.title_lines)
    lengths = {
        "KH Ke co quan": _twips(agency) * RULE_RATIO,
        "KH Ke tieu ngu": _twips(text_width_pt(motto, sizes["motto"], "bold")),
        "KH Ke trich yeu": min(_twips(title), page_text) * RULE_RATIO,
    }
    for p in doc.element.body.iter(qn("w:p")):
        name = _style_name(doc, p)
        if name in lengths:
            _set_rule(p, lengths[name], _cell_width(p) or page_text)


def _style_name(doc, paragraph_el) -> str | None:
    style = paragraph_el.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return doc.styles.get_by_id(style.get(qn("w:val")), 1).name if style is not None else None


def _text_of_style(doc, style_name: str) -> str:
    for p in doc.element.body.iter(qn("w:p")):
        if _style_name(doc, p) == style_name:
            return "".join(t.text or "" for t in p.iter(qn("w:t")))
    return ""


# ---------------------------------------------------------------- appendices


def _append_appendices(doc, ctx: Context, style_ids: dict[str, str]) -> None:
    if not ctx.tables:
        return
    body = doc.element.body
    main_sect = body.find(qn("w:sectPr"))
    body.remove(main_sect)
    previous = main_sect
    title_page = not ctx.plan.layout.appendix_first_page_number
    for table in ctx.tables:
        # the paragraph that ends the previous section carries that section's properties
        body.append(_section_break(previous, style_ids))
        for element in _appendix_elements(table, ctx, style_ids):
            body.append(element)
        previous = ooxml.section_properties(
            landscape=table.landscape, margins_mm=MARGIN, restart_numbering=True, title_page=title_page)
    # a document cannot end on a table: a one-point paragraph closes the last appendix
    end = _section_break(previous, style_ids)
    end.find(qn("w:pPr")).remove(previous)
    body.append(end)
    body.append(previous)


def _section_break(sect_pr, style_ids: dict[str, str]):
    p = ooxml.paragraph(style_ids["KH Noi dung"])
    ppr = p.find(qn("w:pPr"))
    ppr.append(ooxml.el("w:spacing", {"w:before": 0, "w:after": 0, "w:line": 20, "w:lineRule": "exact"}))
    ppr.append(sect_pr)
    ooxml.order_ppr(ppr)
    return p


def _appendix_elements(table: Table, ctx: Context, style_ids: dict[str, str]) -> list:
    text_w = ooxml.mm(LANDSCAPE_TEXT_W if table.landscape else PORTRAIT_TEXT_W)
    title_w = _twips(text_width_pt(table.title, ctx.sizes["appendix_title"], "bold"))
    rule = ooxml.paragraph(style_ids["KH Ke phu luc"])
    _set_rule(rule, min(title_w, text_w) * RULE_RATIO * nd30.APPENDIX_RULE_SHARE, text_w)
    return [
        ooxml.paragraph(style_ids["KH Phu luc"], [ooxml.run(table.label)]),
        ooxml.paragraph(style_ids["KH Ten phu luc"], [ooxml.run(table.title)]),
        ooxml.paragraph(style_ids["KH Kem theo"], [ooxml.run(table.attached_to)]),
        rule,
        _table_xml(table, style_ids),
    ]


def _table_xml(table: Table, style_ids: dict[str, str]):
    widths = [ooxml.mm(c.width_cm * 10) for c in table.columns]
    border = {"w:val": "single", "w:sz": 4, "w:space": 0, "w:color": "000000"}
    tbl = ooxml.el("w:tbl", children=[ooxml.el("w:tblPr", children=[
        ooxml.el("w:tblW", {"w:w": sum(widths), "w:type": "dxa"}),
        ooxml.el("w:jc", {"w:val": "center"}),
        ooxml.el("w:tblBorders", children=[ooxml.el(f"w:{s}", border) for s in
                                           ("top", "left", "bottom", "right", "insideH", "insideV")]),
        ooxml.el("w:tblLayout", {"w:type": "fixed"}),
        ooxml.el("w:tblCellMar", children=[ooxml.el("w:left", {"w:w": CELL_MARGIN_TWIPS, "w:type": "dxa"}),
                                           ooxml.el("w:right", {"w:w": CELL_MARGIN_TWIPS, "w:type": "dxa"})]),
        ooxml.el("w:tblLook", {"w:val": "0000", "w:firstRow": 0, "w:lastRow": 0, "w:firstColumn": 0,
                               "w:lastColumn": 0, "w:noHBand": 1, "w:noVBand": 1}),
    ]), ooxml.el("w:tblGrid", children=[ooxml.el("w:gridCol", {"w:w": w}) for w in widths])])
    header_style, cell_style = style_ids["KH Bang tieu de"], style_ids["KH Bang"]

    def tc(lines, width, *, style, align, bold=None, span=1, merge="", keep=False):
        props = [ooxml.el("w:tcW", {"w:w": width, "w:type": "dxa"})]
        if span > 1:
            props.append(ooxml.el("w:gridSpan", {"w:val": span}))
        if merge:
            props.append(ooxml.el("w:vMerge", {"w:val": "restart"} if merge == "restart" else {}))
        props.append(ooxml.el("w:vAlign", {"w:val": "center" if align == "center" else "top"}))
        extra = [ooxml.el("w:keepNext")] if keep else None
        paragraphs = [ooxml.paragraph(style, [ooxml.run(line, bold=bold)] if line else [], align=align,
                                      ppr_extra=extra)
                      for line in (lines if merge != "continue" else ("",))]
        return ooxml.el("w:tc", children=[ooxml.el("w:tcPr", children=props), *paragraphs])

    def tr(cells, *, header=False):
        props = [ooxml.el("w:cantSplit")]
        if header:
            props.append(ooxml.el("w:tblHeader"))
        return ooxml.el("w:tr", children=[ooxml.el("w:trPr", children=props), *cells])

    tbl.append(tr([tc((c.header,), w, style=header_style, align="center") for c, w in zip(table.columns, widths)],
                  header=True))
    for row in table.rows:
        cells = []
        if row.kind == "group":
            for i, cell in enumerate(row.cells):
                span = len(widths) - i if i == row.span_from else 1
                # keepNext: a group row never ends a page away from its first task
                cells.append(tc(cell.lines, sum(widths[i:i + span]), style=cell_style, bold=True, span=span,
                                align="center" if table.columns[i].key == "stt" and span == 1 else "left",
                                keep=True))
        else:
            for cell, column, width in zip(row.cells, table.columns, widths):
                cells.append(tc(cell.lines, width, style=cell_style, align=column.align,
                                bold=True if row.bold else None, merge=cell.merge))
        tbl.append(tr(cells))
    return tbl


def _fix_properties(doc, ctx: Context) -> None:
    """Fixed metadata so that two builds of the same plan are byte-identical."""
    plan = ctx.plan
    stamp = dt.datetime.combine(plan.document.date or dt.date(plan.year, 1, 1), dt.time())
    core = doc.core_properties
    core.author = core.last_modified_by = plan.issuer.full_name
    core.title = f"Kế hoạch: {' '.join(ctx.title_lines)}"
    core.created = core.modified = stamp
    core.revision = 1
