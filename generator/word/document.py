"""The body walk: paragraphs, runs, tables, sections, tracked changes, bookmarks, content controls,
comment anchors, fields, text boxes. Input is parsed XML (from package.py); output is the neutral tree of
model.py plus Messages for what was seen but not represented. No I/O here."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from generator.core.errors import WordFileError
from generator.word.comments import CommentBody
from generator.word.model import Cell, Change, Comment, Drawing, Message, Note, Paragraph, Row, Run, Section, Table
from generator.word.numbering import Numberer, symbol_char
from generator.word.styles import Styles, borders_on, parse_ppr, parse_rpr
from generator.word.xml import MC_NS, R_NS, W_NS, attr, child, local, ns, on_off, to_int, twips, val, w

MM_PER_TWIP = 25.4 / 1440
MAX_COLUMNS = 63  # Word's limit; a larger gridSpan is clamped so consumers can iterate spans safely
_PASS_THROUGH = {"hyperlink", "smartTag", "customXml", "dir", "bdo", "fldSimple"}
_CHANGE_KINDS = {"ins": "ins", "del": "del", "moveTo": "ins", "moveFrom": "del"}
_IGNORED_INLINE = {"proofErr", "permStart", "permEnd", "bookmarkEnd", "lastRenderedPageBreak", "pPr",
                   "customXmlInsRangeStart", "customXmlInsRangeEnd", "customXmlDelRangeStart",
                   "customXmlDelRangeEnd", "moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart",
                   "moveToRangeEnd", "noProof", "rPr", "annotationRef", "separator", "continuationSeparator",
                   "footnoteRef", "endnoteRef", "softHyphen", "dayShort", "monthShort", "yearShort",
                   "dayLong", "monthLong", "yearLong", "sectPr", "tblPr", "trPr", "tcPr"}


@dataclass
class _Ctx:
    change: str | None = None
    author: str | None = None
    date: str | None = None


@dataclass
class _Field:
    instr: list[str] = field(default_factory=list)
    result: bool = False


@dataclass
class _ParaState:
    index: int
    where: str
    runs: list[Run] = field(default_factory=list)
    bookmarks: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    comment_ids: list[str] = field(default_factory=list)
    fields: dict[str, bool] = field(default_factory=dict)
    shapes: list = field(default_factory=list)  # txbxContent elements, read after the paragraph
    drawings: list = field(default_factory=list)


def _field_name(instr: str) -> str:
    words = instr.strip().split()
    return words[0].upper() if words else ""


def _twips_mm(value: str | None) -> float | None:
    t = twips(value)
    return None if t is None else round(abs(t) * MM_PER_TWIP, 2)


class Walker:
    def __init__(self, styles: Styles, numberer: Numberer, comments: dict[str, CommentBody],
                 load_part: Callable[[str], object] | None = None, footnotes: dict | None = None,
                 endnotes: dict | None = None, where_prefix: str = "", max_paragraphs: int = 200_000,
                 source: str = ""):
        self.styles = styles
        self.numberer = numberer
        self.comment_bodies = comments
        self.load_part = load_part
        self.footnotes = footnotes or {}
        self.endnotes = endnotes or {}
        self.where_prefix = where_prefix
        self.source = source  # the file, for errors
        self.max_paragraphs = max_paragraphs  # bounds time on a document that is small zipped, huge inside
        self.messages: list[Message] = []
        self.changes: list[Change] = []
        self.notes: list[Note] = []
        self.section = 0
        self.raw_sections: list = []
        self._para_index = 0
        self._table_index = 0
        self._tags: list[str] = []
        self._pending_bookmarks: list[str] = []
        self._open_comments: dict[str, dict] = {}
        self._comment_anchors: dict[str, dict] = {}
        self._fields: list[_Field] = []
        self._para: _ParaState | None = None
        self._seen_unknown: set[str] = set()
        self._table_props = None  # table style properties for the cell being read
        self._table_style: tuple | None = None  # (style id, first-row formatting on)

    # -- messages and changes ---------------------------------------------------------------------
    def change(self, kind: str, author: str | None, date: str | None, text: str, index: int, where: str) -> None:
        in_header = bool(self.where_prefix)
        self.changes.append(Change(kind, author, date, text, -1 if in_header else index, self.where_prefix + where))

    def warn(self, text: str, where: str, level: str = "warning") -> None:
        self.messages.append(Message(level, text, self.where_prefix + where))

    def _where_para(self, index: int, cell_where: str | None) -> str:
        base = f"đoạn {index + 1}"
        return f"{base} ({cell_where})" if cell_where else base

    # -- blocks ---------------------------------------------------------------------------------
    def body(self, body) -> list:
        blocks: list = []
        self._blocks(body, blocks, cell_where=None)
        return blocks

    def _blocks(self, container, sink: list, cell_where: str | None) -> None:
        for node in container:
            name = local(node.tag)
            space = ns(node.tag)
            if space == MC_NS and name == "AlternateContent":
                chosen = _choose_alternate(node)
                if chosen is not None:
                    self._blocks(chosen, sink, cell_where)
                continue
            if space != W_NS:
                continue
            if name == "p":
                sink.extend(self.paragraph(node, cell_where))
            elif name == "tbl":
                if cell_where is None:
                    sink.append(self.table(node))
                else:
                    self.warn("bảng lồng trong ô bảng: các đoạn của nó được đưa vào ô chứa nó", cell_where)
                    nested = self.table(node, nested=True, outer_where=cell_where)
                    sink.extend(nested.paragraphs())
            elif name == "sdt":
                tag = _sdt_tag(node)
                if tag:
                    self._tags.append(tag)
                content = child(node, "sdtContent")
                if content is not None:
                    self._blocks(content, sink, cell_where)
                if tag:
                    self._tags.pop()
            elif name in ("customXml", "ins", "del", "moveTo", "moveFrom", "smartTag"):
                self._blocks(node, sink, cell_where)
            elif name == "bookmarkStart":
                bm = attr(node, "name")
                if bm and not bm.startswith("_GoBack"):
                    self._pending_bookmarks.append(bm)
            elif name == "commentRangeStart":
                self._open_comment(attr(node, "id"))
            elif name == "commentRangeEnd":
                self._close_comment(attr(node, "id"))
            elif name == "sectPr":
                if cell_where is None:
                    self.raw_sections.append(node)
            elif name == "altChunk":
                self.warn("có nội dung nhúng (altChunk) từ tệp khác; không đọc được phần này",
                          cell_where or f"sau đoạn {self._para_index}")
            elif name in ("bookmarkEnd", "proofErr", "permStart", "permEnd", "tblPr", "tblGrid", "sdtPr", "tcPr",
                          "sdtEndPr", "moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart",
                          "moveToRangeEnd"):
                continue
            else:
                self._unknown(name, cell_where or f"sau đoạn {self._para_index}")

    def _unknown(self, name: str, where: str) -> None:
        if name not in self._seen_unknown:
            self._seen_unknown.add(name)
            self.warn(f"gặp phần tử Word chưa hỗ trợ (w:{name}); nội dung của nó có thể không được đọc", where)

    # -- comments -------------------------------------------------------------------------------
    def _open_comment(self, cid: str | None) -> None:
        if cid is None:
            return
        anchor = self._comment_anchors.setdefault(cid, {"paras": [], "text": []})
        self._open_comments[cid] = anchor
        if self._para is not None:
            if self._para.index not in anchor["paras"]:
                anchor["paras"].append(self._para.index)
            if cid not in self._para.comment_ids:
                self._para.comment_ids.append(cid)

    def _close_comment(self, cid: str | None) -> None:
        if cid is not None:
            self._open_comments.pop(cid, None)

    def _reference_comment(self, cid: str | None) -> None:
        if cid is None:
            return
        anchor = self._comment_anchors.setdefault(cid, {"paras": [], "text": []})
        if self._para is not None:
            if self._para.index not in anchor["paras"]:
                anchor["paras"].append(self._para.index)
            if cid not in self._para.comment_ids:
                self._para.comment_ids.append(cid)

    def comments(self) -> list[Comment]:
        out = []
        for cid, body in self.comment_bodies.items():
            anchor = self._comment_anchors.get(cid, {"paras": [], "text": []})
            out.append(Comment(cid, body.author, body.date, body.text, list(anchor["paras"]),
                               "".join(anchor["text"]).strip("\n"), body.initials, body.parent_id, body.done))
        return out

    # -- paragraphs -----------------------------------------------------------------------------
    def paragraph(self, p, cell_where: str | None, in_shape: bool = False) -> list[Paragraph]:
        index = self._para_index
        self._para_index += 1
        if self._para_index > self.max_paragraphs:
            raise WordFileError(f"{self.source}: văn bản có quá nhiều đoạn (hơn {self.max_paragraphs}); tệp bất thường nên không "
                                "được đọc hết")
        where = self._where_para(index, cell_where)
        state = _ParaState(index, where)
        state.bookmarks.extend(self._pending_bookmarks)
        self._pending_bookmarks.clear()
        outer, self._para = self._para, state
        for cid, anchor in self._open_comments.items():
            if anchor["paras"] and anchor["text"]:
                anchor["text"].append("\n")
            anchor["paras"].append(index)
            state.comment_ids.append(cid)

        ppr = child(p, "pPr")
        direct = parse_ppr(ppr)
        style_id = val(ppr, "pStyle") or self.styles.default_paragraph
        if style_id and self.styles.get(style_id) is None and val(ppr, "pStyle"):
            self._unknown_style(style_id, where)
        resolved = dict(self.styles.paragraph_ppr(style_id, self._table_props))

        # numbering: direct numPr wins; ilvl alone inherits numId from the style
        s_num, s_ilvl, s_owner = self.styles.style_numbering(style_id)
        num_id, ilvl = direct.get("num_id"), direct.get("ilvl")
        from_style = False
        if num_id is None and s_num is not None:
            num_id, from_style = s_num, True
            if ilvl is None:
                ilvl = s_ilvl
        label = None
        if num_id is not None and num_id != "0":
            if ilvl is None:
                ilvl = (self.numberer.level_for_style(num_id, s_owner or style_id) if from_style else None) or 0
            label = self.numberer.next_label(num_id, ilvl)
            if label is None and self.numberer.levels(num_id) is None:
                self.warn(f"đánh số danh sách trỏ tới numId={num_id} không có trong numbering.xml; "
                          "bỏ qua số thứ tự", where)
            if label is not None:
                resolved.update(label.level.ppr)
        for key, value in direct.items():
            if key != "tabs":
                resolved[key] = value
        if "tabs" in direct:
            tabs = {pos: al for al, pos in resolved.get("tabs", [])}
            for al, pos in direct["tabs"]:
                if al == "clear":
                    tabs.pop(pos, None)
                else:
                    tabs[pos] = al
            resolved["tabs"] = [(al, pos) for pos, al in sorted(tabs.items())]

        heading = None
        outline = direct.get("outline_level")
        if outline is not None:
            heading = outline + 1 if 0 <= outline < 9 else None
        else:
            heading = self.styles.heading_level(style_id)

        mark_change = None
        mark_rpr = child(ppr, "rPr")
        if mark_rpr is not None:
            for kind in ("ins", "del", "moveTo", "moveFrom"):
                node = child(mark_rpr, kind)
                if node is not None:
                    mark_change = _CHANGE_KINDS[kind]
                    self.change("paraIns" if mark_change == "ins" else "paraDel",
                                attr(node, "author"), attr(node, "date"), "", index, where)
                    break
        ppr_change = child(ppr, "pPrChange")
        if ppr_change is not None:
            self.change("pPr", attr(ppr_change, "author"), attr(ppr_change, "date"), "", index, where)

        para_rpr = self.styles.paragraph_rpr(style_id, self._table_props)
        self._inline(p, state, _Ctx(), para_rpr)
        if self._fields and not all(f.result for f in self._fields):
            # a field code never reaches past its paragraph; an unfinished one would hide the rest of the
            # document, so it is closed here and reported
            self._fields = [f for f in self._fields if f.result]
            self.warn("trường (field) không có phần kết thúc; phần sau của văn bản vẫn được đọc", where)

        if ppr is not None and child(ppr, "sectPr") is not None and cell_where is None and not in_shape:
            section = self.section
            self.raw_sections.append(child(ppr, "sectPr"))
            self.section += 1
        else:
            section = self.section

        visible = [r for r in state.runs if r.change != "del" and r.text.strip()]

        def uniform(attr_name):
            values = {getattr(r, attr_name) for r in visible}
            return values.pop() if len(values) == 1 else None

        paragraph = Paragraph(
            index=index, runs=state.runs, style_id=style_id, style_name=self.styles.name(style_id),
            heading_level=heading, list_label=label.text if label else None,
            num_id=num_id if label else None, ilvl=ilvl if label else None,
            alignment=resolved.get("alignment"), indent_left_pt=resolved.get("indent_left"),
            indent_right_pt=resolved.get("indent_right"), indent_first_line_pt=resolved.get("first_line"),
            space_before_pt=resolved.get("space_before"), space_after_pt=resolved.get("space_after"),
            line_spacing=resolved.get("line_spacing"),
            bold=uniform("bold"), italic=uniform("italic"), size_pt=uniform("size_pt"), font=uniform("font"),
            border_bottom=bool(resolved.get("border_bottom")), border_top=bool(resolved.get("border_top")),
            page_break_before=bool(resolved.get("page_break_before")), keep_next=bool(resolved.get("keep_next")),
            keep_lines=bool(resolved.get("keep_lines")), section=section,
            in_table=cell_where is not None, in_shape=in_shape,
            bookmarks=state.bookmarks, tags=_dedupe(self._tags + state.tags), comment_ids=state.comment_ids,
            has_field=state.fields, mark_change=mark_change,
            list_suffix=label.suffix if label else None, tab_stops=resolved.get("tabs", []),
            drawings=state.drawings, where=self.where_prefix + where,
        )
        self._para = outer
        out = [paragraph]
        for content in state.shapes:
            for inner in content.iter(w("p")):
                if _inside_other_txbx(inner, content):
                    continue
                out.extend(self.paragraph(inner, cell_where, in_shape=True))
        return out

    def _unknown_style(self, style_id: str, where: str) -> None:
        key = "style:" + style_id
        if key not in self._seen_unknown:
            self._seen_unknown.add(key)
            self.warn(f"kiểu đoạn “{style_id}” không có trong styles.xml; dùng kiểu mặc định", where, "info")

    # -- inline content -------------------------------------------------------------------------
    def _inline(self, node, state: _ParaState, ctx: _Ctx, para_rpr: dict) -> None:
        for c in node:
            name = local(c.tag)
            space = ns(c.tag)
            if space == MC_NS and name == "AlternateContent":
                chosen = _choose_alternate(c)
                if chosen is not None:
                    self._inline(chosen, state, ctx, para_rpr)
                continue
            if space == "http://schemas.openxmlformats.org/officeDocument/2006/math":
                text = "".join(t.text or "" for t in c.iter("{http://schemas.openxmlformats.org/officeDocument/2006/math}t"))
                self.warn("có công thức toán (OMML); chỉ giữ phần chữ", state.where, "info")
                if text:
                    self._add_run(state, Run(text=text, change=ctx.change, change_author=ctx.author,
                                             change_date=ctx.date))
                continue
            if space != W_NS:
                continue
            if name == "r":
                self._run(c, state, ctx, para_rpr)
            elif name in _CHANGE_KINDS:
                kind = _CHANGE_KINDS[name]
                inner = _Ctx(kind, attr(c, "author"), attr(c, "date"))
                before = len(state.runs)
                self._inline(c, state, inner, para_rpr)
                text = "".join(r.text for r in state.runs[before:])
                self.change(name, inner.author, inner.date, text, state.index, state.where)
            elif name in _PASS_THROUGH:
                if name == "fldSimple":
                    fname = _field_name(attr(c, "instr") or "")
                    if fname:
                        state.fields[fname] = True
                self._inline(c, state, ctx, para_rpr)
            elif name == "sdt":
                tag = _sdt_tag(c)
                if tag and tag not in state.tags:
                    state.tags.append(tag)
                content = child(c, "sdtContent")
                if content is not None:
                    self._inline(content, state, ctx, para_rpr)
            elif name == "bookmarkStart":
                bm = attr(c, "name")
                if bm and not bm.startswith("_GoBack"):
                    state.bookmarks.append(bm)
            elif name == "commentRangeStart":
                self._open_comment(attr(c, "id"))
            elif name == "commentRangeEnd":
                self._close_comment(attr(c, "id"))
            elif name in _IGNORED_INLINE:
                continue
            else:
                self._unknown(name, state.where)

    def _add_run(self, state: _ParaState, run: Run) -> None:
        state.runs.append(run)
        if run.change != "del" and self._open_comments:
            for anchor in self._open_comments.values():
                anchor["text"].append(run.text)

    def _run(self, r, state: _ParaState, ctx: _Ctx, para_rpr: dict) -> None:
        rpr_node = child(r, "rPr")
        direct = parse_rpr(rpr_node, self.styles.theme_fonts)
        char_style = direct.get("style")
        props = dict(para_rpr)
        if char_style:
            props.update(self.styles.character_rpr(char_style))
        props.update(direct)
        if rpr_node is not None and child(rpr_node, "rPrChange") is not None:
            rc = child(rpr_node, "rPrChange")
            self.change("rPr", attr(rc, "author"), attr(rc, "date"), "", state.index, state.where)
        parts: list[str] = []

        def flush():
            if parts:
                text = "".join(parts)
                parts.clear()
                if props.get("vanish"):
                    self.warn(f"chữ ẩn (hidden) không được đưa vào nội dung: “{text[:60]}”", state.where, "info")
                    return
                self._add_run(state, Run(
                    text=text, bold=bool(props.get("bold")), italic=bool(props.get("italic")),
                    underline=bool(props.get("underline")), size_pt=props.get("size"), font=props.get("font"),
                    caps=bool(props.get("caps")), change=ctx.change, change_author=ctx.author,
                    change_date=ctx.date, style_id=char_style))

        for c in r:
            name = local(c.tag)
            if ns(c.tag) == MC_NS and name == "AlternateContent":
                chosen = _choose_alternate(c)
                if chosen is not None:
                    for inner in chosen:
                        self._run_object(inner, local(inner.tag), state)
                continue
            if name == "fldChar":
                kind = attr(c, "fldCharType")
                if kind == "begin":
                    self._fields.append(_Field())
                elif kind == "separate" and self._fields:
                    top = self._fields[-1]
                    top.result = True
                    fname = _field_name("".join(top.instr))
                    if fname and self._para is not None:
                        self._para.fields[fname] = True
                elif kind == "end" and self._fields:
                    top = self._fields.pop()
                    if not top.result:
                        fname = _field_name("".join(top.instr))
                        if fname and self._para is not None:
                            self._para.fields[fname] = True
                continue
            if name == "instrText":
                if self._fields and not self._fields[-1].result:
                    self._fields[-1].instr.append(c.text or "")
                continue
            if self._fields and not all(f.result for f in self._fields):
                continue  # field code (of this field or of one it is nested in), not a shown result
            if name in ("t", "delText"):
                parts.append(c.text or "")
            elif name in ("tab", "ptab"):
                parts.append("\t")
            elif name == "br":
                parts.append("\f" if attr(c, "type") == "page" else "\n")
            elif name == "cr":
                parts.append("\n")
            elif name == "noBreakHyphen":
                parts.append("-")
            elif name == "sym":
                code = attr(c, "char") or ""
                try:
                    parts.append(symbol_char(chr(int(code, 16)), attr(c, "font")))
                except ValueError:
                    self.warn(f"ký hiệu (w:sym) không đọc được: {code!r}", state.where, "info")
            elif name == "commentReference":
                self._reference_comment(attr(c, "id"))
            elif name in ("footnoteReference", "endnoteReference"):
                kind = "footnote" if name.startswith("foot") else "endnote"
                nid = attr(c, "id") or ""
                text = (self.footnotes if kind == "footnote" else self.endnotes).get(nid, "")
                self.notes.append(Note(kind, nid, text, state.index))
                self.warn(f"có {'chú thích chân trang' if kind == 'footnote' else 'chú thích cuối'}: "
                          f"“{text[:80]}”", state.where, "info")
            elif name in ("drawing", "pict", "object"):
                flush()
                self._run_object(c, name, state)
            elif name in _IGNORED_INLINE or name in ("rPr",):
                continue
            else:
                self._unknown(name, state.where)
        flush()

    def _run_object(self, node, name: str, state: _ParaState) -> None:
        boxes = [b for b in node.iter(w("txbxContent")) if not _inside_other_txbx(b, node)]
        drawing = _describe_drawing(node, bool(boxes))
        state.drawings.append(drawing)
        if boxes:
            state.shapes.extend(boxes)
            self.warn("có khung văn bản/hình vẽ chứa chữ; chữ được đọc thành các đoạn riêng (in_shape)",
                      state.where, "info")
            return
        if drawing.kind == "ole":
            self.warn("có đối tượng nhúng (OLE); không đọc được nội dung của nó", state.where)
        elif drawing.kind == "image":
            self.warn("có hình ảnh; hình ảnh không được đọc", state.where, "info")
        elif drawing.kind == "chart":
            self.warn("có biểu đồ; biểu đồ không được đọc", state.where)
        elif drawing.kind == "line":
            self.warn("có đường kẻ vẽ bằng hình (shape)", state.where, "info")
        else:
            self.warn("có hình vẽ (shape) không chứa chữ; bỏ qua", state.where, "info")

    # -- tables ---------------------------------------------------------------------------------
    def table(self, tbl, nested: bool = False, outer_where: str | None = None) -> Table:
        tindex = self._table_index
        if not nested:
            self._table_index += 1
        tname = f"bảng {tindex + 1}" if not nested else f"bảng lồng trong {outer_where}"
        tblpr = child(tbl, "tblPr")
        style_id = val(tblpr, "tblStyle") or self.styles.default_table
        borders = borders_on(child(tblpr, "tblBorders"))
        if borders is None:
            borders = self.styles.table_borders(style_id)
        grid = []
        tg = child(tbl, "tblGrid")
        if tg is not None:
            grid = [round((twips(attr(g, "w")) or 0) / 20, 2) for g in tg if local(g.tag) == "gridCol"]
        table_tags = list(self._tags)
        raw_rows: list[dict] = []
        outer_style = self._table_style
        self._table_style = (style_id, _first_row_on(child(tblpr, "tblLook")))
        try:
            self._rows(tbl, raw_rows, tname, [])
        finally:
            self._table_style = outer_style
        rows = _finish_rows(raw_rows)
        if any(c.get("h_merge") for r in raw_rows for c in r["cells"]):
            self.warn("bảng dùng kiểu gộp ô ngang cũ (hMerge); các ô được giữ riêng", tname, "info")
        return Table(index=tindex, rows=rows, grid=grid, section=self.section, style_id=style_id,
                     borders=bool(borders), alignment={"start": "left", "end": "right"}.get(
                         val(tblpr, "jc") or "", val(tblpr, "jc")), tags=table_tags)

    def _rows(self, container, raw_rows: list, tname: str, tags: list[str]) -> None:
        pending_bm: list[str] = []
        for node in container:
            name = local(node.tag)
            if ns(node.tag) == MC_NS and name == "AlternateContent":
                chosen = _choose_alternate(node)
                if chosen is not None:
                    self._rows(chosen, raw_rows, tname, tags)
                continue
            if name == "tr":
                raw_rows.append(self._row(node, tname, len(raw_rows), tags, pending_bm))
                pending_bm = []
            elif name == "sdt":
                tag = _sdt_tag(node)
                content = child(node, "sdtContent")
                if content is not None:
                    if tag:
                        self._tags.append(tag)
                    self._rows(content, raw_rows, tname, tags + ([tag] if tag else []))
                    if tag:
                        self._tags.pop()
            elif name in ("customXml", "ins", "del"):
                self._rows(node, raw_rows, tname, tags)
            elif name == "bookmarkStart":
                bm = attr(node, "name")
                if bm and not bm.startswith("_GoBack"):
                    pending_bm.append(bm)
            elif name == "commentRangeStart":
                self._open_comment(attr(node, "id"))
            elif name == "commentRangeEnd":
                self._close_comment(attr(node, "id"))

    def _row(self, tr, tname: str, rindex: int, tags: list[str], bookmarks: list[str]) -> dict:
        trpr = child(tr, "trPr")
        row = {"cells": [], "tags": list(tags), "bookmarks": list(bookmarks),
               "is_header": child(trpr, "tblHeader") is not None and on_off(child(trpr, "tblHeader")),
               "cant_split": child(trpr, "cantSplit") is not None and on_off(child(trpr, "cantSplit")),
               "inserted": False, "deleted": False, "height": None}
        h = child(trpr, "trHeight")
        if h is not None and twips(attr(h, "val")) is not None:
            row["height"] = round(twips(attr(h, "val")) / 20, 2)
        for kind, key in (("ins", "inserted"), ("del", "deleted")):
            node = child(trpr, kind)
            if node is not None:
                row[key] = True
                self.change("rowIns" if kind == "ins" else "rowDel", attr(node, "author"), attr(node, "date"),
                            "", self._para_index, f"{tname}, hàng {rindex + 1}")
        col = to_int(val(child(tr, "tblPrEx"), "gridBefore") or val(trpr, "gridBefore"), 0) or 0
        row["grid_before"] = col
        self._cells(tr, row, tname, rindex, col, [])
        return row

    def _cells(self, container, row: dict, tname: str, rindex: int, col: int, tags: list[str]) -> int:
        for node in container:
            name = local(node.tag)
            if name == "tc":
                col = self._cell(node, row, tname, rindex, col, tags)
            elif name == "sdt":
                tag = _sdt_tag(node)
                content = child(node, "sdtContent")
                if content is not None:
                    if tag:
                        self._tags.append(tag)
                    col = self._cells(content, row, tname, rindex, col, tags + ([tag] if tag else []))
                    if tag:
                        self._tags.pop()
            elif name == "customXml":
                col = self._cells(node, row, tname, rindex, col, tags)
            elif name == "bookmarkStart":
                bm = attr(node, "name")
                if bm and not bm.startswith("_GoBack"):
                    row["bookmarks"].append(bm)
            elif name == "commentRangeStart":
                self._open_comment(attr(node, "id"))
            elif name == "commentRangeEnd":
                self._close_comment(attr(node, "id"))
        return col

    def _cell(self, tc, row: dict, tname: str, rindex: int, col: int, tags: list[str]) -> int:
        tcpr = child(tc, "tcPr")
        span = min(MAX_COLUMNS, max(1, to_int(val(tcpr, "gridSpan"), 1) or 1))
        vm = child(tcpr, "vMerge")
        v_merge = None if vm is None else ("restart" if attr(vm, "val") == "restart" else "continue")
        hm = child(tcpr, "hMerge")
        shd = child(tcpr, "shd")
        fill = attr(shd, "fill") if shd is not None else None
        width = None
        tcw = child(tcpr, "tcW")
        if tcw is not None and attr(tcw, "type", "dxa") == "dxa" and twips(attr(tcw, "w")) is not None:
            width = round(twips(attr(tcw, "w")) / 20, 2)
        where = f"{tname}, hàng {rindex + 1}, ô {len(row['cells']) + 1}"
        paragraphs: list = []
        outer_props = self._table_props
        if self._table_style is not None:
            style_id, first_row = self._table_style
            conditions = ("firstRow",) if first_row and rindex == 0 else ()
            self._table_props = self.styles.table_props(style_id, conditions)
        try:
            self._blocks(tc, paragraphs, cell_where=where)
        finally:
            self._table_props = outer_props
        bookmarks = _dedupe([b for p in paragraphs for b in p.bookmarks])
        row["cells"].append({"paragraphs": paragraphs, "grid_span": span, "v_merge": v_merge, "col": col,
                             "tags": list(tags), "bookmarks": bookmarks,
                             "shading": None if fill in (None, "auto") else fill, "width": width,
                             "h_merge": hm is not None})
        row["bookmarks"].extend(b for b in bookmarks if b not in row["bookmarks"])
        return col + span

    # -- sections -------------------------------------------------------------------------------
    def sections(self, header_reader: Callable[[str, str], list[Paragraph]] | None) -> list[Section]:
        nodes = self.raw_sections or [None]
        out: list[Section] = []
        prev_headers: dict[str, list[Paragraph]] = {}
        prev_footers: dict[str, list[Paragraph]] = {}
        for i, sp in enumerate(nodes):
            pgsz = child(sp, "pgSz")
            mar = child(sp, "pgMar")
            width = _twips_mm(attr(pgsz, "w")) if pgsz is not None else None
            height = _twips_mm(attr(pgsz, "h")) if pgsz is not None else None
            orient = attr(pgsz, "orient") if pgsz is not None else None
            if orient not in ("portrait", "landscape"):
                orient = "landscape" if width and height and width > height else "portrait"
            headers, footers = dict(prev_headers), dict(prev_footers)
            if sp is not None and header_reader is not None:
                for ref in sp:
                    kind = local(ref.tag)
                    if kind in ("headerReference", "footerReference"):
                        rid = ref.get(f"{{{R_NS}}}id")
                        htype = attr(ref, "type", "default")
                        target = headers if kind == "headerReference" else footers
                        if rid:
                            label = "đầu trang" if kind == "headerReference" else "chân trang"
                            target[htype] = header_reader(rid, f"{label} ({htype}) mục {i + 1}: ")
            prev_headers, prev_footers = headers, footers
            pgnum = child(sp, "pgNumType")
            start = to_int(attr(pgnum, "start")) if pgnum is not None else None
            title = child(sp, "titlePg")
            out.append(Section(
                index=i, page_width_mm=width, page_height_mm=height, orientation=orient,
                margin_top_mm=_twips_mm(attr(mar, "top")) if mar is not None else None,
                margin_bottom_mm=_twips_mm(attr(mar, "bottom")) if mar is not None else None,
                margin_left_mm=_twips_mm(attr(mar, "left", attr(mar, "start"))) if mar is not None else None,
                margin_right_mm=_twips_mm(attr(mar, "right", attr(mar, "end"))) if mar is not None else None,
                header_mm=_twips_mm(attr(mar, "header")) if mar is not None else None,
                footer_mm=_twips_mm(attr(mar, "footer")) if mar is not None else None,
                title_page=title is not None and on_off(title),
                page_number_start=start, page_number_format=attr(pgnum, "fmt") if pgnum is not None else None,
                headers=headers, footers=footers, break_type=val(sp, "type", "nextPage") or "nextPage",
            ))
        return out


EMU_PER_PT = 12700
_VML_UNITS = {"pt": 1.0, "in": 72.0, "cm": 72 / 2.54, "mm": 72 / 25.4, "px": 0.75, "pc": 12.0, "emu": 1 / 12700}


def _vml_length(text: str | None) -> float | None:
    if not text:
        return None
    text = text.strip().lower()
    for unit, factor in _VML_UNITS.items():
        if text.endswith(unit):
            try:
                return float(text[: -len(unit)]) * factor
            except ValueError:
                return None
    try:
        return float(text) * 0.75  # bare VML numbers are pixels
    except ValueError:
        return None


def _vml_point(text: str | None) -> tuple[float | None, float | None]:
    parts = (text or "").split(",")
    if len(parts) != 2:
        return None, None
    return _vml_length(parts[0]), _vml_length(parts[1])


def _vml_style(style: str | None) -> dict[str, str]:
    out = {}
    for item in (style or "").split(";"):
        if ":" in item:
            key, value = item.split(":", 1)
            out[key.strip().lower()] = value.strip()
    return out


def _describe_drawing(node, has_text: bool) -> Drawing:
    """What a w:drawing / w:pict / w:object is, and its size, from DrawingML or VML."""
    names = {local(n.tag) for n in node.iter()}
    if local(node.tag) == "object" or "OLEObject" in names:
        return Drawing("ole", has_text=has_text)
    if local(node.tag) == "drawing":
        extent = next((n for n in node.iter() if local(n.tag) == "extent"), None)
        width = height = None
        if extent is not None:
            try:
                width = round(int(extent.get("cx", "0")) / EMU_PER_PT, 2)
                height = round(int(extent.get("cy", "0")) / EMU_PER_PT, 2)
            except ValueError:
                pass
        geometry = next((n.get("prst") for n in node.iter() if local(n.tag) == "prstGeom"), None)
        if "chart" in names:
            kind = "chart"
        elif "wgp" in names or "grpSp" in names:
            kind = "group"
        elif "blip" in names or "pic" in names:
            kind = "image"
        elif geometry in ("line", "straightConnector1") or "cxnSp" in names:
            kind = "line"
        else:
            kind = "shape"
        return Drawing(kind, width, height, has_text)
    # VML (w:pict): Word 2003-2007 and LibreOffice's fallback
    for n in node.iter():
        name = local(n.tag)
        if name == "line":
            (x1, _), (x2, _) = _vml_point(n.get("from")), _vml_point(n.get("to"))
            width = round(abs(x2 - x1), 2) if x1 is not None and x2 is not None else None
            return Drawing("line", width, 0.0, has_text, offset_pt=x1)
        if name in ("shape", "rect", "roundrect", "oval", "polyline"):
            style = _vml_style(n.get("style"))
            width, height = _vml_length(style.get("width")), _vml_length(style.get("height"))
            if "imagedata" in names:
                return Drawing("image", width, height, has_text)
            connector = n.get("{urn:schemas-microsoft-com:office:office}connectortype") or (
                n.get("type") or "").endswith("_x0000_t32")
            return Drawing("line" if connector else "shape", width, height, has_text)
    return Drawing("image" if "imagedata" in names else "shape", has_text=has_text)


def _finish_rows(raw_rows: list[dict]) -> list[Row]:
    # row_span of a vMerge restart cell = 1 + the continue cells directly below it in the same grid column
    spans: dict[tuple[int, int], int] = {}
    by_col = [{c["col"]: c for c in r["cells"]} for r in raw_rows]
    for ri, r in enumerate(raw_rows):
        for c in r["cells"]:
            if c["v_merge"] == "restart":
                n = 1
                while ri + n < len(raw_rows):
                    below = by_col[ri + n].get(c["col"])
                    if below is None or below["v_merge"] != "continue":
                        break
                    n += 1
                spans[(ri, c["col"])] = n
    rows = []
    for ri, r in enumerate(raw_rows):
        cells = [Cell(paragraphs=c["paragraphs"], grid_span=c["grid_span"], v_merge=c["v_merge"],
                      row_span=spans.get((ri, c["col"]), 1), col=c["col"], tags=c["tags"],
                      bookmarks=c["bookmarks"], shading=c["shading"], width=c["width"]) for c in r["cells"]]
        rows.append(Row(cells=cells, is_header=r["is_header"], cant_split=r["cant_split"], tags=r["tags"],
                        bookmarks=r["bookmarks"], deleted=r["deleted"], inserted=r["inserted"],
                        height_pt=r["height"]))
    return rows


def _first_row_on(look) -> bool:
    """w:tblLook: firstRow attribute (Word 2010+) or the bit 0x0020 of the older hex val."""
    if look is None:
        return False
    first = attr(look, "firstRow")
    if first is not None:
        return first.lower() in ("1", "true", "on")
    try:
        return bool(int(attr(look, "val") or "0", 16) & 0x0020)
    except ValueError:
        return False


def _sdt_tag(sdt) -> str | None:
    pr = child(sdt, "sdtPr")
    if pr is None:
        return None
    return val(pr, "tag") or val(pr, "alias")


def _dedupe(items: list[str]) -> list[str]:
    seen, out = set(), []
    for item in items:
        if item not in seen:
            seen.add(item)
            out.append(item)
    return out


def _choose_alternate(node):
    """mc:AlternateContent: the first Choice (Word's modern form), else the Fallback; never both, or the
    text of a text box would be read twice."""
    for c in node:
        if local(c.tag) == "Choice":
            return c
    for c in node:
        if local(c.tag) == "Fallback":
            return c
    return None


def _inside_other_txbx(node, root) -> bool:
    parent = node.getparent()
    while parent is not None and parent is not root:
        if local(parent.tag) == "txbxContent":
            return True
        if ns(parent.tag) == MC_NS and local(parent.tag) == "Fallback":
            return True
        parent = parent.getparent()
    return False
