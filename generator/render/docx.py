"""The KH-UBND .docx: docxtpl fills the template's fixed parts (header, title, signature, Nơi nhận);
the body is a sub-document of styled paragraphs; appendix sections and tables are built in code
(Jinja must stay away from section breaks)."""
from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import jinja2
from docx.opc.pkgwriter import PackageWriter
from jinja2.exceptions import SecurityError
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import Pt
from docxtpl import DocxTemplate, RichText
from lxml import etree

from generator import nd30

from generator.render import ooxml
from generator.render.context import Context, Para, Table
from generator.nd30 import LANDSCAPE_TEXT_W, MARGIN, PORTRAIT_TEXT_W, RULE_RATIO, sizes_for
from generator.core.errors import TemplateError
from generator.render.record import embed
from generator.render.sandbox import Sandbox
from generator.render.sources import SourceTags
from generator.render.templates import read_template
from generator.core.text import decimal, text_width_pt
from generator.core.units import cm_to_mm, pt_to_twips
from generator.core.zipnorm import write_zip

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
CORE_PROPERTY_MAX = 255


def _xml(element) -> str:
    return etree.tostring(element, encoding="unicode")


def _property(text: str) -> str:
    """Core properties hold at most 255 characters (the document itself prints the full text)."""
    return text if len(text) <= CORE_PROPERTY_MAX else text[:CORE_PROPERTY_MAX - 1] + "…"


MARK = "\u2063"
_MARKED = re.compile(MARK + r"(\d+)" + MARK)


class _Verbatim:
    """Plan strings stood in for by markers while the template renders, then put back as written."""

    def __init__(self) -> None:
        self.values: list[str] = []

    def mark(self, text: str) -> str:
        self.values.append(text)
        return f"{MARK}{len(self.values) - 1}{MARK}"

    def put_back(self, root) -> None:
        for t in list(root.iter(qn("w:t"))):
            if t.text and MARK in t.text:
                self._replace(t)

    def _replace(self, t) -> None:
        pieces = _MARKED.split(t.text)  # literal, index, literal, index, ...
        text = "".join(p if i % 2 == 0 else self.values[int(p)] for i, p in enumerate(pieces))
        if "\t" not in text and "\n" not in text:
            t.text = text
            return
        # tabs and line breaks the drafter wrote become Word's tab and break elements
        parent, at = t.getparent(), t.getparent().index(t)
        parent.remove(t)
        for part in re.split(r"(\t|\n)", text):
            if part == "\t":
                node = ooxml.el("w:tab")
            elif part == "\n":
                node = ooxml.el("w:br")
            elif part:
                node = ooxml.el("w:t", {"xml:space": "preserve"})
                node.text = part
            else:
                continue
            parent.insert(at, node)
            at += 1


def _render_sandboxed(tpl: DocxTemplate, context: dict, template: Path) -> None:
    """A template comes from a province or a pull request: it is rendered in Jinja's immutable
    sandbox, with no globals but the names kehoach passes."""
    env = Sandbox(autoescape=True, undefined=jinja2.StrictUndefined)
    env.globals.clear()
    try:
        tpl.render(context, jinja_env=env, autoescape=True)
    except SecurityError:
        where = _offending_paragraph(tpl, context, env)
        raise TemplateError(f"{template}: mẫu Word có lệnh Jinja bị chặn vì không an toàn{where}; mẫu chỉ được "
                            f"dùng các biến: {', '.join(sorted(context))}") from None
    except jinja2.UndefinedError as exc:
        raise TemplateError(f"{template}: mẫu dùng biến không có ({_undefined_name(exc)}); các biến có: "
                            f"{', '.join(sorted(context))}") from None
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"{template}: lỗi cú pháp Jinja trong mẫu Word (dòng {exc.lineno} của "
                            f"document.xml)") from None
    except jinja2.TemplateError:
        raise TemplateError(f"{template}: mẫu Word có lệnh Jinja không chạy được") from None
    except Exception:  # the template's own expressions can raise anything (e.g. 1/0)
        raise TemplateError(f"{template}: mẫu Word có lệnh Jinja không chạy được") from None


def _undefined_name(exc: jinja2.UndefinedError) -> str:
    found = re.search(r"'([^']+)' is undefined", exc.message or "")
    return f"'{found.group(1)}'" if found else "một biến không có"


def _offending_paragraph(tpl: DocxTemplate, context: dict, env) -> str:
    """' ở đoạn N: «…»' for the first template paragraph whose Jinja tags the sandbox refuses."""
    document = tpl.docx.element
    for n, p in enumerate(document.iter(qn("w:p")), start=1):
        text = "".join(t.text or "" for t in p.iter(qn("w:t")))
        for tag in re.findall(r"\{\{.*?\}\}|\{%.*?%\}", text):
            expr = re.sub(r"^\{[{%]-?\s*[prc]?\s|^\{[{%]-?", "", tag)
            expr = re.sub(r"-?[}%]\}$", "", expr)
            try:
                str(env.compile_expression(expr, undefined_to_none=False)(**context))  # the sandbox raises when it is used
            except SecurityError:
                return f" ở đoạn {n}: «{tag[:60]}»"
            except Exception:
                continue
    return ""


def _rich(runs: list) -> RichText:
    rich = RichText()
    rich.xml = "".join(_xml(r) for r in runs)
    return rich


def render_docx(ctx: Context, template: Path, record: str | None = None) -> bytes:
    """`record`: the plan's YAML text, kept in the package for `import --onto` (render/record.py)."""
    tpl = DocxTemplate(io.BytesIO(read_template(template, "Word")))
    try:
        tpl.init_docx()
    except Exception:  # python-docx raises many kinds on a damaged or non-docx file
        raise TemplateError(f"{template}: không mở được mẫu Word (tệp hỏng hoặc không phải .docx)") from None
    style_ids = {s.name: s.style_id for s in tpl.docx.styles}  # one pass: python-docx makes an object per style
    styles = set(style_ids)
    missing = sorted((set(BODY_STYLE.values()) | set(STYLE_SIZE)) - styles)
    if missing:
        raise TemplateError(f"{template}: mẫu Word thiếu các kiểu (style): {', '.join(missing)}")

    # Plan text never passes through Jinja or docxtpl (which rewrites "{_{" and the like in all it
    # renders): the template gets markers, and the text is put in after rendering.
    verbatim = _Verbatim()
    issuer_runs = []
    for i, line in enumerate(ctx.issuer_superior + ctx.issuer_name):
        superior = i < len(ctx.issuer_superior)
        issuer_runs.append(ooxml.run(("\n" if i else "") + verbatim.mark(line), bold=not superior))
    context = {
        "issuer": _rich(issuer_runs),
        "number_line": verbatim.mark(ctx.number_line),
        "place_date": verbatim.mark(ctx.place_date),
        "doc_type": verbatim.mark(ctx.doc_type),
        "title": _rich([ooxml.run("\n".join(verbatim.mark(line) for line in ctx.title_lines))]),
        "body": BODY_MARKER,
        "recipients": [verbatim.mark(line) for line in ctx.recipients],
        "signer_lines": [verbatim.mark(line) for line in ctx.signer_lines],
        "signer_name": verbatim.mark(ctx.signer_name),
    }
    _render_sandboxed(tpl, context, template)

    doc = tpl.docx
    verbatim.put_back(doc.element.body)
    marks = _Bookmarks(SourceTags(ctx))
    _insert_body(doc, ctx, style_ids, template, marks)
    sizes = _apply_sizes(doc, ctx.sizes, template)
    names = _StyleNames(doc)
    _size_rules(doc, names, ctx, sizes)
    _mark_fixed(doc, names, marks)
    rows = _append_appendices(doc, ctx, style_ids, marks)
    _fix_properties(doc, ctx)
    entries = _spliced(_saved_parts(doc), rows)
    return write_zip(embed(entries, record) if record is not None else entries)


class _Bookmarks:
    """Puts the source tags (generator/render/sources.py) into the document as bookmarks, numbered in
    document order so that two builds stay byte-identical."""

    def __init__(self, tags: SourceTags | None):
        self.tags = tags
        self.next_id = 0

    def name(self, where: tuple) -> str | None:
        return self.tags.at(*where) if self.tags is not None else None

    def mark(self, paragraph_el, *where) -> None:
        name = self.name(where)
        if name is not None:
            ooxml.add_bookmark(paragraph_el, self.next_id, name)
            self.next_id += 1

    def xml(self, *wheres) -> tuple[str, str]:
        """Bookmark starts and ends (markup) for the tags at these positions, for string-built XML:
        the same elements add_bookmark writes."""
        starts, ends = [], []
        for where in wheres:
            name = self.name(where)
            if name is not None:
                starts.append(f'<w:bookmarkStart w:id="{self.next_id}" w:name="{name}"/>')
                ends.append(f'<w:bookmarkEnd w:id="{self.next_id}"/>')
                self.next_id += 1
        return "".join(starts), "".join(reversed(ends))


def _insert_body(doc, ctx: Context, style_ids: dict[str, str], template: Path, marks: _Bookmarks) -> None:
    """The template's `{{ body }}` paragraph is replaced by the body paragraphs (built in code, so
    that numbering and styles never depend on Jinja loops)."""
    holders = [p for p in doc.element.body.iter(qn("w:p"))
               if BODY_MARKER in "".join(t.text or "" for t in p.iter(qn("w:t")))]
    if len(holders) != 1:
        raise TemplateError(f"{template}: mẫu Word phải có đúng một đoạn chỉ chứa {{{{ body }}}} "
                            f"(tìm thấy {len(holders)})")
    holder = holders[0]
    for i, para in enumerate(ctx.body):
        element = _body_paragraph(para, style_ids)
        marks.mark(element, "body", i)
        holder.addprevious(element)
    holder.getparent().remove(holder)


def _body_paragraph(para: Para, style_ids: dict[str, str]):
    style = style_ids[BODY_STYLE[para.kind]]
    # the closing sentence stays on the page of the signature block
    extra = ([ooxml.el("w:keepNext"), ooxml.el("w:spacing", {"w:after": pt_to_twips(12)})] if para.kind == "closing"
             else None)
    return ooxml.paragraph(style, [ooxml.run(para.full)], ppr_extra=extra)


# ND30 size limits by role (nd30.SIZE_RANGE); appendix tables are not regulated
ND30_SIZES = {**nd30.SIZE_RANGE, "table": (10.0, 14.0)}
ROLE_VI = {
    "national": "Quốc hiệu", "motto": "Tiêu ngữ", "agency": "tên cơ quan", "number": "số, ký hiệu",
    "date": "địa danh, ngày tháng", "doc_type": "tên loại", "title": "trích yếu", "body": "nội dung văn bản",
    "signer": "chức vụ, họ tên người ký", "recipients_label": "chữ 'Nơi nhận'", "recipients": "các dòng Nơi nhận",
    "page_number": "số trang", "appendix_label": "dòng 'Phụ lục'", "appendix_title": "tên phụ lục, dòng Kèm theo",
    "table": "bảng phụ lục",
}
UNTOUCHED = sizes_for(14)  # the sizes of the shipped template (tools/make_template.py)


def _apply_sizes(doc, sizes: dict[str, float], template: Path) -> dict[str, float]:
    """ND30 sizes come in a consistent pair (13/14 or 12/13); the plan chooses the pair for every
    style the template left as shipped. A size the province set in its own template is kept when
    ND30 allows it and refused otherwise (never reset silently). Returns the sizes in effect."""
    effective = dict(sizes)
    refused = []
    for style in doc.styles:
        key = STYLE_SIZE.get(style.name)
        if key is None:
            continue
        current = style.font.size.pt if style.font.size is not None else None
        if current is None or current == UNTOUCHED[key]:
            style.font.size = Pt(sizes[key])
            continue
        low, high = ND30_SIZES[key]
        if low <= current <= high:
            effective[key] = current
        else:
            limit = f"{decimal(low)}" if low == high else f"{decimal(low)}–{decimal(high)}"
            refused.append(f"kiểu '{style.name}' ({ROLE_VI[key]}) cỡ chữ {decimal(current)} nằm ngoài giới hạn của "
                           f"Nghị định 30 ({limit})")
    if refused:
        raise TemplateError(f"{template}: " + "; ".join(refused) + ". Hãy sửa các kiểu này trong mẫu Word "
                            "(xem kehoach huong-dan mau-word).")
    return effective


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


def _size_rules(doc, names: _StyleNames, ctx: Context, sizes: dict[str, float]) -> None:
    """Rules are bottom borders; their length is set through indents computed from the measured text
    (Tiêu ngữ: its full width; agency name and trích yếu: RULE_RATIO of the line above)."""
    page_text = ooxml.mm(PORTRAIT_TEXT_W)
    motto = _text_of_style(doc, names, "KH Tieu ngu") or nd30.MOTTO
    agency = max((text_width_pt(line, sizes["agency"], "bold") for line in ctx.issuer_name), default=0)
    title = max(text_width_pt(line, sizes["title"], "bold") for line in ctx.title_lines)
    lengths = {
        "KH Ke co quan": pt_to_twips(agency) * RULE_RATIO,
        "KH Ke tieu ngu": pt_to_twips(text_width_pt(motto, sizes["motto"], "bold")),
        "KH Ke trich yeu": min(pt_to_twips(title), page_text) * RULE_RATIO,
    }
    for p in doc.element.body.iter(qn("w:p")):
        name = names.of(p)
        if name in lengths:
            _set_rule(p, lengths[name], _cell_width(p) or page_text)


class _StyleNames:
    """Paragraph style names by id, read once per document (python-docx's get_by_id runs an XPath
    query per call), with get_by_id's fallback for an unknown id: the default paragraph style."""

    def __init__(self, doc):
        self.ids = {s.style_id: s.name for s in doc.styles if s.type == WD_STYLE_TYPE.PARAGRAPH}
        default = doc.styles.default(WD_STYLE_TYPE.PARAGRAPH)
        self.default = default.name if default is not None else None
        # asked of every paragraph, several times: the names made once (qn splits and looks up its prefix)
        self._path, self._val = f"{qn('w:pPr')}/{qn('w:pStyle')}", qn("w:val")

    def of(self, paragraph_el) -> str | None:
        style = paragraph_el.find(self._path)
        if style is None:
            return None
        found = self.ids.get(style.get(self._val))
        return found if found is not None else self.default


def _text_of_style(doc, names: _StyleNames, style_name: str) -> str:
    for p in doc.element.body.iter(qn("w:p")):
        if names.of(p) == style_name:
            return "".join(t.text or "" for t in p.iter(qn("w:t")))
    return ""


# ---------------------------------------------------------------- appendices


FIXED_STYLES = {"KH Trich yeu": "title", "KH Nguoi ky": "signer"}


def _mark_fixed(doc, names: _StyleNames, marks: _Bookmarks) -> None:
    """The template's paragraphs that print one plan value (trích yếu, signer's name)."""
    for p in doc.element.body.iter(qn("w:p")):
        name = FIXED_STYLES.get(names.of(p))
        if name is not None and "".join(t.text or "" for t in p.iter(qn("w:t"))).strip():
            marks.mark(p, "fixed", name)


def _append_appendices(doc, ctx: Context, style_ids: dict[str, str], marks: _Bookmarks) -> dict[bytes, list[bytes]]:
    """Appendix sections; returns the XML of each table's rows by the placeholder it goes in."""
    rows: dict[bytes, list[bytes]] = {}
    if not ctx.tables:
        return rows
    body = doc.element.body
    main_sect = body.find(qn("w:sectPr"))
    body.remove(main_sect)
    previous = main_sect
    title_page = not ctx.plan.layout.appendix_first_page_number
    for t, table in enumerate(ctx.tables):
        # the paragraph that ends the previous section carries that section's properties
        body.append(_section_break(previous, style_ids))
        for element in _appendix_elements(table, t, ctx, style_ids, rows, marks):
            body.append(element)
        previous = ooxml.section_properties(
            landscape=table.landscape, margins_mm=MARGIN, restart_numbering=True, title_page=title_page)
    # a document cannot end on a table: a one-point paragraph closes the last appendix
    end = _section_break(previous, style_ids)
    end.find(qn("w:pPr")).remove(previous)
    body.append(end)
    body.append(previous)
    return rows


def _section_break(sect_pr, style_ids: dict[str, str]):
    p = ooxml.paragraph(style_ids["KH Noi dung"])
    ppr = p.find(qn("w:pPr"))
    ppr.append(ooxml.el("w:spacing", {"w:before": 0, "w:after": 0, "w:line": pt_to_twips(1), "w:lineRule": "exact"}))
    ppr.append(sect_pr)
    ooxml.order_ppr(ppr)
    return p


def _appendix_elements(table: Table, t: int, ctx: Context, style_ids: dict[str, str], rows: dict[bytes, list[bytes]],
                       marks: _Bookmarks) -> list:
    text_w = ooxml.mm(LANDSCAPE_TEXT_W if table.landscape else PORTRAIT_TEXT_W)
    title_w = pt_to_twips(text_width_pt(table.title, ctx.sizes["appendix_title"], "bold"))
    rule = ooxml.paragraph(style_ids["KH Ke phu luc"])
    _set_rule(rule, min(title_w, text_w) * RULE_RATIO * nd30.APPENDIX_RULE_SHARE, text_w)
    title = ooxml.paragraph(style_ids["KH Ten phu luc"], [ooxml.run(table.title)])
    marks.mark(title, "title", t)
    return [
        ooxml.paragraph(style_ids["KH Phu luc"], [ooxml.run(table.label)]),
        title,
        ooxml.paragraph(style_ids["KH Kem theo"], [ooxml.run(table.attached_to)]),
        rule,
        _table_xml(table, t, style_ids, rows, marks),
    ]


def _table_xml(table: Table, t: int, style_ids: dict[str, str], rows: dict[bytes, list[bytes]], marks: _Bookmarks):
    widths = [ooxml.mm(cm_to_mm(c.width_cm)) for c in table.columns]
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
    # The rows are written as one XML string, spliced into document.xml when it is saved (in place of
    # an empty placeholder element): building tens of thousands of elements through python-docx costs
    # ~10x more, and even parsing the string costs more than the rest of the build. The markup is what
    # lxml writes for the elements ooxml.paragraph/run would build, in the same order with the same
    # attributes and escapes, so the document is byte for byte the same (bench/fingerprint.py).
    out: list[str] = []
    add = out.append
    chunks: list[bytes] = []
    cell_props: dict[tuple, str] = {}
    para_props: dict[tuple, str] = {}

    def tc(lines, width, *, style, align, bold=None, span=1, merge="", keep=False, tags=("", "")) -> None:
        """`tags`: bookmark starts and ends around the first paragraph's content (source tags: a
        row's and a cell's sit in the cell's first paragraph; bookmarks directly in w:tr are legal
        but LibreOffice drops them)."""
        key = (width, span, merge, align)
        props = cell_props.get(key)
        if props is None:
            props = (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>'
                     + (f'<w:gridSpan w:val="{span}"/>' if span > 1 else "")
                     + ('<w:vMerge w:val="restart"/>' if merge == "restart" else "<w:vMerge/>" if merge else "")
                     + f'<w:vAlign w:val="{table.valign or ("center" if align == "center" else "top")}"/></w:tcPr>')
            cell_props[key] = props
        add(props)
        pkey = (style, align, keep)
        ppr = para_props.get(pkey)
        if ppr is None:
            ppr = (f'<w:p><w:pPr><w:pStyle w:val="{_attr(style)}"/>' + ("<w:keepNext/>" if keep else "")
                   + f'<w:jc w:val="{_attr({"justify": "both"}.get(align, align))}"/></w:pPr>')
            para_props[pkey] = ppr
        run = "<w:r><w:rPr><w:b/></w:rPr>" if bold else "<w:r>"
        for i, line in enumerate(lines if merge != "continue" else ("",)):
            add(ppr)
            if i == 0:
                add(tags[0])
            if line:
                add(run)
                add(_run_text(line))
                add("</w:r>")
            if i == 0:
                add(tags[1])
            add("</w:p>")
        add("</w:tc>")

    for header in table.header_rows():  # repeated on every page
        add("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>")
        for c, cell in enumerate(header.cells):
            if cell.span:  # 0: covered by a group's text from the left
                tc(cell.lines, sum(widths[c:c + cell.span]), style=header_style, align="center", span=cell.span,
                   merge=cell.merge)
        add("</w:tr>")
    for r, row in enumerate(table.rows):
        add("<w:tr><w:trPr><w:cantSplit/></w:trPr>")

        def tags(c: int) -> tuple[str, str]:
            return marks.xml(*((("row", t, r),) if c == 0 else ()), ("cell", t, r, c))

        if row.kind == "group":
            for i, cell in enumerate(row.cells):
                span = len(widths) - i if i == row.span_from else 1
                # keepNext: a group row never ends a page away from its first task
                tc(cell.lines, sum(widths[i:i + span]), style=cell_style, bold=True, span=span,
                   align="center" if table.columns[i].key == "stt" and span == 1 else "left", keep=True,
                   tags=tags(i))
        else:
            for c, (cell, column, width) in enumerate(zip(row.cells, table.columns, widths)):
                if cell.span == 0:  # covered by a cell spanning from the left
                    continue
                tc(cell.lines, sum(widths[c:c + cell.span]), style=cell_style, align=column.align, bold=row.bold,
                   merge=cell.merge, span=cell.span, tags=tags(c))
        add("</w:tr>")
        # encoded row by row: one string for a 10,000-task table would be ~50 MB (UCS-2) before encoding
        chunks.append("".join(out).encode("utf-8"))
        out.clear()
    placeholder = f"kehoachRows{len(rows)}"
    etree.SubElement(tbl, qn(f"w:{placeholder}"))
    chunks.append("".join(out).encode("utf-8"))
    rows[f"<w:{placeholder}/>".encode()] = chunks
    return tbl


def _escape(text: str) -> str:
    """Text as lxml serialises it (a CR as a character reference, so that it reads back as CR)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def _attr(value: str) -> str:
    return (_escape(value).replace('"', "&quot;").replace("\t", "&#9;").replace("\n", "&#10;"))


def _run_text(text: str) -> str:
    """The inside of ooxml.run(text): newlines become line breaks."""
    return "<w:br/>".join(f'<w:t xml:space="preserve">{_escape(part)}</w:t>' for part in text.split("\n"))


class _Parts:
    """Stands in for python-docx's zip writer: collects the parts in the order it writes them (its zip
    would compress every part once more, only to be rewritten with fixed timestamps)."""

    def __init__(self):
        self.entries: list[tuple[str, bytes]] = []

    def write(self, pack_uri, blob: bytes) -> None:
        self.entries.append((pack_uri.membername, blob))


def _saved_parts(doc) -> list[tuple[str, bytes]]:
    """What Document.save writes (OpcPackage.save through PackageWriter.write), as (name, bytes)."""
    package = doc.part.package
    parts = package.parts
    for part in parts:
        part.before_marshal()
    out = _Parts()
    PackageWriter._write_content_types_stream(out, parts)
    PackageWriter._write_pkg_rels(out, package.rels)
    PackageWriter._write_parts(out, parts)
    return out.entries


_PLACEHOLDER = re.compile(rb"<w:kehoachRows\d+/>")


def _spliced(entries: list[tuple[str, bytes]], rows: dict[bytes, list[bytes]]) -> list[tuple[str, bytes]]:
    out = []
    for name, data in entries:
        if name == "word/document.xml" and rows:
            # one sweep puts every table's rows at its placeholder's first place (a partition and a copy of the
            # whole document per table was quadratic: 3,000 appendix tables took `import` 15 s; issue 22)
            pieces, done = [], 0
            for found in _PLACEHOLDER.finditer(data):
                chunks = rows.pop(found.group(), None)
                if chunks is None:
                    continue
                pieces.append(data[done:found.start()])
                pieces.extend(chunks)
                done = found.end()
            if rows:
                raise AssertionError(f"appendix placeholder {next(iter(rows))!r} missing from document.xml")
            pieces.append(data[done:])
            data = b"".join(pieces)
            del pieces
        out.append((name, data))
    return out


def _fix_properties(doc, ctx: Context) -> None:
    """Fixed metadata so that two builds of the same plan are byte-identical."""
    plan = ctx.plan
    stamp = dt.datetime.combine(plan.document.date or dt.date(plan.year, 1, 1), dt.time())
    core = doc.core_properties
    core.author = core.last_modified_by = _property(plan.issuer.full_name)
    core.title = _property(f"Kế hoạch: {' '.join(ctx.title_lines)}")
    core.created = core.modified = stamp
    core.revision = 1
