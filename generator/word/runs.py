"""The inside of a paragraph: runs and their text (tabs, breaks, symbols), fields (the shown result is
kept, the field code is not), tracked insertions and deletions, foot/endnote references, math, and the
drawings anchored in runs. The result goes into a ParaState; paragraphs.py makes the Paragraph."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from generator.word.anchors import Anchors, bookmark_name, sdt_tag
from generator.word.drawings import read_drawing
from generator.word.model import Note, Run
from generator.word.numbering import symbol_char
from generator.word.styles import parse_rpr
from generator.word.walk import Walk
from generator.word.xml import MC_NS, W_NS, attr, child, choose_alternate, split_tag
from generator.core.text import shorten

M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
_FORMATS_MAX = 4096  # distinct run formats remembered per part read
_W_R, _W_T, _RPR = f"{{{W_NS}}}r", f"{{{W_NS}}}t", f"{{{W_NS}}}rPr"
PASS_THROUGH = {"hyperlink", "smartTag", "customXml", "dir", "bdo", "fldSimple"}
CHANGE_KINDS = {"ins": "ins", "del": "del", "moveTo": "ins", "moveFrom": "del"}
IGNORED_INLINE = {"proofErr", "permStart", "permEnd", "bookmarkEnd", "lastRenderedPageBreak", "pPr",
                  "customXmlInsRangeStart", "customXmlInsRangeEnd", "customXmlDelRangeStart",
                  "customXmlDelRangeEnd", "moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart",
                  "moveToRangeEnd", "noProof", "rPr", "annotationRef", "separator", "continuationSeparator",
                  "footnoteRef", "endnoteRef", "softHyphen", "dayShort", "monthShort", "yearShort",
                  "dayLong", "monthLong", "yearLong", "sectPr", "tblPr", "trPr", "tcPr"}


class ParaState:
    """A paragraph while its content is read (a plain class: one is made per paragraph)."""

    __slots__ = ("index", "where", "runs", "bookmarks", "tags", "comment_ids", "fields", "shapes", "drawings")

    def __init__(self, index: int, where: str):
        self.index = index
        self.where = where
        self.runs: list[Run] = []
        self.bookmarks: list[str] = []
        self.tags: list[str] = []
        self.comment_ids: list[str] = []
        self.fields: dict[str, bool] = {}
        self.shapes: list = []  # txbxContent elements, read after the paragraph
        self.drawings: list = []


@dataclass(frozen=True)
class _Change:
    """The tracked change the content being read sits in."""

    change: str | None = None
    author: str | None = None
    date: str | None = None


_OUTSIDE = _Change()  # content in no tracked change (never changed: each change read makes its own _Change)


@dataclass
class _Field:
    instr: list[str] = field(default_factory=list)
    result: bool = False


def _field_name(instr: str) -> str:
    words = instr.strip().split()
    return words[0].upper() if words else ""


class Inline:
    """Reads the inline content of the paragraphs of one walk. Complex fields (fldChar) can run on
    from one paragraph into the next, so their stack lives here, not in the paragraph."""

    def __init__(self, walk: Walk, anchors: Anchors, footnotes: dict | None = None, endnotes: dict | None = None):
        self.walk = walk
        self.anchors = anchors
        self.footnotes = footnotes or {}
        self.endnotes = endnotes or {}
        self._fields: list[_Field] = []
        # (paragraph's run properties, the run's w:rPr as written) → (its character style, its properties): most
        # runs of a document are formatted alike, and the rPr of each was parsed and merged again (issue 22)
        self._formats: dict[tuple, tuple[str | None, dict]] = {}

    def read(self, p, state: ParaState, para_rpr: dict) -> None:
        self._inline(p, state, _OUTSIDE, para_rpr)
        if self._fields and not all(f.result for f in self._fields):
            # a field code never reaches past its paragraph; an unfinished one would hide the rest of the
            # document, so it is closed here and reported
            self._fields = [f for f in self._fields if f.result]
            self.walk.warn("trường (field) không có phần kết thúc; phần sau của văn bản vẫn được đọc", state.where)

    def _inline(self, node, state: ParaState, ctx: _Change, para_rpr: dict) -> None:
        walk = self.walk
        for c in node:
            tag = c.tag
            if tag == _W_R:  # (most children: a run; compared without the split's look-up)
                self._run(c, state, ctx, para_rpr)
                continue
            space, name = split_tag(tag)
            if space == MC_NS and name == "AlternateContent":
                chosen = choose_alternate(c)
                if chosen is not None:
                    self._inline(chosen, state, ctx, para_rpr)
                continue
            if space == M_NS:
                text = "".join(t.text or "" for t in c.iter(f"{{{M_NS}}}t"))
                walk.warn("có công thức toán (OMML); chỉ giữ phần chữ", state.where, "info")
                if text:
                    self._add_run(state, Run(text=text, change=ctx.change, change_author=ctx.author,
                                             change_date=ctx.date))
                continue
            if space != W_NS:
                continue
            if name == "r":
                self._run(c, state, ctx, para_rpr)
            elif name in IGNORED_INLINE:  # (asked before the rarer names: the paragraph's pPr, proofErr, bookmarkEnd)
                continue
            elif name in CHANGE_KINDS:
                kind = CHANGE_KINDS[name]
                inner = _Change(kind, attr(c, "author"), attr(c, "date"))
                before = len(state.runs)
                self._inline(c, state, inner, para_rpr)
                text = "".join(r.text for r in state.runs[before:])
                walk.change(name, inner.author, inner.date, text, state.index, state.where)
            elif name in PASS_THROUGH:
                if name == "fldSimple":
                    fname = _field_name(attr(c, "instr") or "")
                    if fname:
                        state.fields[fname] = True
                self._inline(c, state, ctx, para_rpr)
            elif name == "sdt":
                tag = sdt_tag(c)
                if tag and tag not in state.tags:
                    state.tags.append(tag)
                content = child(c, "sdtContent")
                if content is not None:
                    self._inline(content, state, ctx, para_rpr)
            elif name == "bookmarkStart":
                bm = bookmark_name(c)
                if bm:
                    state.bookmarks.append(bm)
            elif name == "commentRangeStart":
                self.anchors.open_comment(attr(c, "id"), state)
            elif name == "commentRangeEnd":
                self.anchors.close_comment(attr(c, "id"))
            else:
                walk.unknown(name, state.where)

    def _add_run(self, state: ParaState, run: Run) -> None:
        state.runs.append(run)
        if run.change != "del" and self.anchors.any_open:
            self.anchors.covered_text(run.text)

    def _run(self, r, state: ParaState, ctx: _Change, para_rpr: dict) -> None:
        walk = self.walk
        # the schema puts rPr first: that child is looked at (and kept, for the scan below) before any scan
        rpr_node = r[0] if len(r) else None
        if rpr_node is not None and rpr_node.tag != _RPR:
            rpr_node = child(r, "rPr")
        # para_rpr is one of the styles' cached dicts, alive for the whole read: its id names it
        key = (id(para_rpr), None if rpr_node is None else _rpr_key(rpr_node))
        known = self._formats.get(key)
        if known is None:
            direct = parse_rpr(rpr_node, walk.styles.theme_fonts)
            props = dict(para_rpr)
            if direct.get("style"):
                props.update(walk.styles.character_rpr(direct.get("style")))
            props.update(direct)
            # what every Run of this format says (made once, not per run)
            looks = {"bold": bool(props.get("bold")), "italic": bool(props.get("italic")),
                     "underline": bool(props.get("underline")), "size_pt": props.get("size"),
                     "font": props.get("font"), "caps": bool(props.get("caps")), "style_id": direct.get("style"),
                     "color": props.get("color"), "highlight": props.get("highlight")}
            known = (props, looks, bool(props.get("vanish")),
                     rpr_node is not None and child(rpr_node, "rPrChange") is not None)
            if len(self._formats) < _FORMATS_MAX:
                self._formats[key] = known
        if known[3]:
            rc = child(rpr_node, "rPrChange")
            walk.change("rPr", attr(rc, "author"), attr(rc, "date"), "", state.index, state.where)
        parts: list[str] = []
        fields = self._fields
        for c in r:
            if c is rpr_node:  # (read above; an rPr adds nothing to the text)
                continue
            tag = c.tag
            if tag == _W_T and not fields:  # (most children: the text of a run outside any field)
                parts.append(c.text or "")
                continue
            space, name = split_tag(tag)
            if space == MC_NS and name == "AlternateContent":
                chosen = choose_alternate(c)
                if chosen is not None:
                    for inner in chosen:
                        self._drawing(inner, state)
                continue
            if name == "fldChar":
                self._field_char(attr(c, "fldCharType"), state)
                continue
            if name == "instrText":
                if fields and not fields[-1].result:
                    fields[-1].instr.append(c.text or "")
                continue
            if fields and not all(f.result for f in fields):
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
                    walk.warn(f"ký hiệu (w:sym) không đọc được: {code!r}", state.where, "info")
            elif name == "commentReference":
                self.anchors.reference_comment(attr(c, "id"), state)
            elif name in ("footnoteReference", "endnoteReference"):
                self._note(c, name, state)
            elif name in ("drawing", "pict", "object"):
                self._flush(parts, state, ctx, known)
                self._drawing(c, state)
            elif name in IGNORED_INLINE or name in ("rPr",):
                continue
            else:
                walk.unknown(name, state.where)
        self._flush(parts, state, ctx, known)

    def _flush(self, parts: list[str], state: ParaState, ctx: _Change, known: tuple) -> None:
        """The text gathered so far as one Run (in the run's format `known`: `_run`'s), or a message when hidden."""
        if parts:
            text = "".join(parts)
            parts.clear()
            props, looks, vanish, _ = known
            if vanish:
                self.walk.warn(f"chữ ẩn (hidden) không được đưa vào nội dung: “{shorten(text, 60)}”", state.where,
                               "info")
                return
            self._add_run(state, Run(text=text, fonts=_fonts_drawn(text, props), change=ctx.change,
                                     change_author=ctx.author, change_date=ctx.date, **looks))

    def _field_char(self, kind: str | None, state: ParaState) -> None:
        """fldChar begin / separate / end: the field's name is known once its code is complete."""
        if kind == "begin":
            self._fields.append(_Field())
        elif kind == "separate" and self._fields:
            top = self._fields[-1]
            top.result = True
            fname = _field_name("".join(top.instr))
            if fname:
                state.fields[fname] = True
        elif kind == "end" and self._fields:
            top = self._fields.pop()
            if not top.result:
                fname = _field_name("".join(top.instr))
                if fname:
                    state.fields[fname] = True

    def _note(self, c, name: str, state: ParaState) -> None:
        kind = "footnote" if name.startswith("foot") else "endnote"
        nid = attr(c, "id") or ""
        text = (self.footnotes if kind == "footnote" else self.endnotes).get(nid, "")
        self.walk.notes.append(Note(kind, nid, text, state.index))
        self.walk.warn(f"có {'chú thích chân trang' if kind == 'footnote' else 'chú thích cuối'}: "
                       f"“{shorten(text, 80)}”", state.where, "info")

    def _drawing(self, node, state: ParaState) -> None:
        found = read_drawing(node, self.walk.here(state.where))
        drawing, boxes = found.value
        state.drawings.append(drawing)
        state.shapes.extend(boxes)
        self.walk.messages.extend(found.messages)


def _rpr_key(rpr) -> tuple | bytes:
    """What names a w:rPr as written, for the formats remembered: its attributes and, per child, tag and attributes
    (all that parse_rpr reads of it: never a text), when its children are plain elements without children (nearly
    every rPr); else the serialised XML (rPrChange, comments). A tuple is ~3x cheaper than `etree.tostring` and
    never equals the bytes (issue 23)."""
    parts = [tuple(rpr.items())]
    for c in rpr:
        tag = c.tag
        if len(c) or not isinstance(tag, str):
            return etree.tostring(rpr, with_tail=False)
        parts.append((tag, tuple(c.items())))
    return tuple(parts)


# a character drawn (not a space: \s is str.isspace) that is ASCII, or that is not
_ASCII_INK = re.compile("[^\\s\x80-\U0010ffff]")
_OTHER_INK = re.compile("[^\\s\x00-\x7f]")


def _fonts_drawn(text: str, props: dict) -> tuple[str, ...]:
    """The fonts Word draws the run's characters in: the ascii font for ASCII characters, the hAnsi font for
    the others (Vietnamese letters with marks), when the two differ."""
    font, hansi = props.get("font"), props.get("font_hansi") or props.get("font")
    if text.isascii():  # (most runs: one pass in C instead of a generator over every character)
        return (font,) if font and text and not text.isspace() else ()
    drawn = []
    if font and _ASCII_INK.search(text):
        drawn.append(font)
    if hansi and hansi not in drawn and _OTHER_INK.search(text):
        drawn.append(hansi)
    return tuple(drawn)
