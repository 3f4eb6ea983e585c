"""One paragraph: its properties resolved as Word resolves them (style chain, table style, list level,
direct formatting), its list label, heading level, tracked paragraph-mark changes and section break,
then its content (runs.py) and the paragraphs of the text boxes anchored in it."""
from __future__ import annotations

from generator.word.anchors import Anchors, dedupe
from generator.word.drawings import box_widths, inside_other_txbx
from generator.word.model import Paragraph
from generator.word.runs import CHANGE_KINDS, Inline, ParaState
from generator.word.styles import parse_ppr
from generator.word.walk import Walk
from generator.core.units import twips_to_pt
from generator.word.xml import attr, child, some_children, twips, w

_MARK_KINDS = tuple((kind, w(kind)) for kind in ("ins", "del", "moveTo", "moveFrom"))
_MARK_TAGS = tuple(tag for _, tag in _MARK_KINDS)
_PPRS_MAX = 4096  # distinct paragraph formats remembered per walk
_NO_PPR = ("no pPr",)  # the key of a paragraph without properties (no tuple of _scan's is this one)
_PSTYLE, _SECTPR, _FRAMEPR, _RPR, _PPRCHANGE, _PPR = (w(t) for t in ("pStyle", "sectPr", "framePr", "rPr", "pPrChange",
                                                                      "pPr"))


def where_paragraph(index: int, cell_where: str | None) -> str:
    base = f"đoạn {index + 1}"
    return f"{base} ({cell_where})" if cell_where else base


class Paragraphs:
    def __init__(self, walk: Walk, anchors: Anchors, inline: Inline):
        self.walk = walk
        self.anchors = anchors
        self.inline = inline
        # what parse_ppr made of each pPr, by what it reads of it: most paragraphs of a document are formatted alike,
        # and the key costs a third to a half of the parse (issue 23). The dict is shared: nothing changes it
        self._pprs: dict[tuple, dict] = {}
        # what a paragraph's pPr (by the same key, or none) and the table style in force make of it (`_format`): one
        # resolution per format, not per paragraph; a list label is still counted per paragraph (issue 23)
        self._looks: dict[tuple, tuple[dict, dict, bool, dict]] = {}

    def read(self, p, cell_where: str | None, in_shape: bool = False,
             box: tuple[float | None, float | None] = (None, None)) -> list[Paragraph]:
        """The paragraph, then those of its text boxes (in_shape; `box`: the width their box gives them)."""
        walk = self.walk
        index = walk.next_paragraph()
        where = where_paragraph(index, cell_where)
        state = ParaState(index, where)
        self.anchors.enter_paragraph(state)

        ppr = p[0] if len(p) else None  # the schema puts pPr first: that child is looked at before any scan
        if ppr is not None and ppr.tag != _PPR:
            ppr = child(p, "pPr")
        key, kids = _scan(ppr)  # kids: the pPr's children, looked up below by tag
        table = walk.table_props
        look_key = (_NO_PPR if ppr is None else key, table.key if table is not None else "")
        known = self._looks.get(look_key) if look_key[0] is not None else None
        if known is None:
            known = self._format(ppr, key, kids, table, where)
            if look_key[0] is not None and len(self._looks) < _PPRS_MAX:
                self._looks[look_key] = known
        look, para_rpr, numbered, direct = known
        if numbered:  # a list paragraph: its label is counted here, in document order
            look = self._numbered(look, direct, table, where)

        mark_change = self._mark_changes(kids, index, where) if _RPR in kids or _PPRCHANGE in kids else None
        self.inline.read(p, state, para_rpr)

        sect = kids.get(_SECTPR)
        if sect is not None and cell_where is None and not in_shape:
            section = walk.section
            walk.raw_sections.append(sect)
            walk.section += 1
        else:
            section = walk.section

        frame = kids.get(_FRAMEPR)
        if frame is not None and not in_shape:
            width = twips(attr(frame, "w")) if attr(frame, "w") else None
            box = (twips_to_pt(width),) * 2 if width else (None, None)  # w absent: as wide as its text

        visible = [r for r in state.runs if r.change != "del" and r.text.strip()]
        if len(visible) == 1:  # (most paragraphs: its one run's look)
            only = visible[0]
            bold, italic, size_pt, font = only.bold, only.italic, only.size_pt, only.font
        else:
            bold, italic, size_pt, font = (_uniform(visible, name) for name in ("bold", "italic", "size_pt", "font"))
        paragraph = Paragraph(
            index=index, runs=state.runs, **look, bold=bold, italic=italic, size_pt=size_pt, font=font,
            section=section, in_table=cell_where is not None, in_shape=in_shape, box_width_pt=box[0],
            box_clear_pt=box[1], framed=frame is not None,
            bookmarks=state.bookmarks, tags=dedupe(self.anchors.tags + state.tags) if self.anchors.tags or state.tags
            else [], comment_ids=state.comment_ids,
            has_field=state.fields, mark_change=mark_change, drawings=state.drawings,
            drop_cap=frame is not None and attr(frame, "dropCap") in ("drop", "margin"), where=walk.where_prefix + where,
        )
        if not state.shapes:
            return [paragraph]
        out = [paragraph]
        for content, box in zip(state.shapes, box_widths(state.shapes)):
            for inner in content.iter(w("p")):
                if inside_other_txbx(inner, content):
                    continue
                out.extend(self.read(inner, cell_where, in_shape=True, box=box))
        return out

    def _format(self, ppr, key: tuple | None, kids: dict, table, where: str) -> tuple[dict, dict, bool, dict]:
        """What a paragraph's properties and the table style in force give every paragraph so formatted: (the
        Paragraph's fields but those of a list label, the run properties of its style, whether it is a list
        paragraph — `_numbered` then counts its label —, its own properties)."""
        styles = self.walk.styles
        direct = self._direct(ppr, key)
        named = attr(kids.get(_PSTYLE), "val")
        style_id = named or styles.default_paragraph
        if style_id and styles.get(style_id) is None and named:
            self.walk.unknown_style(style_id, where)
        num_id = direct.get("num_id")
        if num_id is None:  # (as _list_label finds it)
            num_id = styles.style_numbering(style_id)[0]
        resolved = dict(styles.paragraph_ppr(style_id, table))
        _apply_direct(resolved, direct)
        outline = direct.get("outline_level")
        if outline is not None:
            heading = outline + 1 if 0 <= outline < 9 else None
        else:
            heading = styles.heading_level(style_id)
        look = _fields(resolved, {"style_id": style_id, "style_name": styles.name(style_id), "heading_level": heading,
                                  "list_label": None, "num_id": None, "ilvl": None, "list_suffix": None})
        return look, styles.paragraph_rpr(style_id, table), num_id is not None and num_id != "0", direct

    def _numbered(self, look: dict, direct: dict, table, where: str) -> dict:
        """The fields of a list paragraph (`look`: `_format`'s) with its label, counted now; the label's level
        properties under the paragraph's own."""
        style_id = look["style_id"]
        resolved = dict(self.walk.styles.paragraph_ppr(style_id, table))
        label, num_id, ilvl = self._list_label(direct, style_id, resolved, where)
        if label is None:
            return look
        _apply_direct(resolved, direct)
        return _fields(resolved, {"style_id": style_id, "style_name": look["style_name"],
                                  "heading_level": look["heading_level"], "list_label": label.text, "num_id": num_id,
                                  "ilvl": ilvl, "list_suffix": label.suffix})

    def _direct(self, ppr, key: tuple | None) -> dict:
        """The paragraph's own properties (`parse_ppr`), remembered by `key` (`_scan`'s)."""
        if key is None:
            return parse_ppr(ppr)
        found = self._pprs.get(key)
        if found is None:
            found = parse_ppr(ppr)
            if len(self._pprs) < _PPRS_MAX:
                self._pprs[key] = found
        return found

    def _list_label(self, direct: dict, style_id: str | None, resolved: dict, where: str):
        """(label, numId, ilvl): direct numPr wins; ilvl alone inherits numId from the style. The level's
        own paragraph properties go into `resolved` (under the direct ones, applied after)."""
        styles, numberer = self.walk.styles, self.walk.numberer
        s_num, s_ilvl, s_owner = styles.style_numbering(style_id)
        num_id, ilvl = direct.get("num_id"), direct.get("ilvl")
        from_style = False
        if num_id is None and s_num is not None:
            num_id, from_style = s_num, True
            if ilvl is None:
                ilvl = s_ilvl
        label = None
        if num_id is not None and num_id != "0":
            if ilvl is None:
                ilvl = (numberer.level_for_style(num_id, s_owner or style_id) if from_style else None) or 0
            label = numberer.next_label(num_id, ilvl)
            if label is None and numberer.levels(num_id) is None:
                self.walk.warn(f"đánh số danh sách trỏ tới numId={num_id} không có trong numbering.xml; "
                               "bỏ qua số thứ tự", where)
            if label is not None:
                resolved.update(label.level.ppr)
        return label, num_id, ilvl

    def _mark_changes(self, kids: dict, index: int, where: str) -> str | None:
        """Tracked changes of the paragraph itself (`kids`: its pPr's children by tag): its mark inserted or
        deleted, its properties changed."""
        mark_change = None
        mark_rpr = kids.get(_RPR)
        if mark_rpr is not None:
            marks = some_children(mark_rpr, _MARK_TAGS)  # one scan of the mark's rPr (lxml skips its formatting)
            for kind, tag in _MARK_KINDS:
                node = marks.get(tag)
                if node is not None:
                    mark_change = CHANGE_KINDS[kind]
                    self.walk.change("paraIns" if mark_change == "ins" else "paraDel",
                                     attr(node, "author"), attr(node, "date"), "", index, where)
                    break
        ppr_change = kids.get(_PPRCHANGE)
        if ppr_change is not None:
            self.walk.change("pPr", attr(ppr_change, "author"), attr(ppr_change, "date"), "", index, where)
        return mark_change


def _fields(resolved: dict, out: dict) -> dict:
    """`out` with the Paragraph's fields that its resolved properties give."""
    get = resolved.get
    out.update(alignment=get("alignment"), indent_left_pt=get("indent_left"), indent_right_pt=get("indent_right"),
               indent_first_line_pt=get("first_line"), space_before_pt=get("space_before"),
               space_after_pt=get("space_after"), line_spacing=get("line_spacing"),
               border_bottom=bool(get("border_bottom")), border_top=bool(get("border_top")),
               page_break_before=bool(get("page_break_before")), keep_next=bool(get("keep_next")),
               keep_lines=bool(get("keep_lines")), tab_stops=get("tabs", []))
    return out


def _uniform(visible: list, name: str):
    """The one value of a run attribute over the visible runs, or None when they differ (or there are none)."""
    values = {getattr(r, name) for r in visible}
    return values.pop() if len(values) == 1 else None


def _scan(ppr) -> tuple[tuple | None, dict]:
    """One pass over a pPr's children: (all that parse_ppr reads of it — its children but the mark's rPr, never read
    there, each by tag and attributes, with theirs (tabs, numPr, pBdr) likewise; None when one goes deeper or there
    is no pPr: then it is not remembered —, its children by tag, the first of each as `children` gives them)."""
    parts: list | None = []
    kids: dict = {}
    for c in [] if ppr is None else ppr:
        tag = c.tag
        if tag not in kids:
            kids[tag] = c
        if parts is None or tag == _RPR:
            continue
        if len(c):
            inner = []
            for g in c:
                if len(g):
                    parts = None
                    break
                inner.append((g.tag, tuple(g.items())))
            else:
                parts.append((tag, tuple(c.items()), tuple(inner)))
        else:
            parts.append((tag, tuple(c.items())))
    return (None if parts is None or ppr is None else tuple(parts)), kids


def _apply_direct(resolved: dict, direct: dict) -> None:
    """Direct paragraph properties over the style's; tab stops merge (w:tab val="clear" removes one)."""
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
