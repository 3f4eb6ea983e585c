"""Tables: the grid, rows (header, can't split, tracked insertion/deletion, height), cells (gridSpan,
vMerge turned into row spans, shading, width), the table style's first-row formatting for the cells'
paragraphs, and the content controls and bookmarks around rows and cells. A cell's content is read by
the block walk (document.py), handed in as `blocks`."""
from __future__ import annotations

from typing import Callable

from generator.core.units import twips_to_pt
from generator.word.anchors import Anchors, bookmark_name, dedupe, sdt_tag
from generator.word.model import Cell, Row, Table
from generator.word.styles import borders_on
from generator.word.walk import Walk
from generator.word.xml import (MC_NS, attr, child, choose_alternate, local, on_off, some_children, split_tag, to_int,
                                twips, val, w)

_GRID_SPAN, _V_MERGE, _H_MERGE, _SHD, _TCW = (w(t) for t in ("gridSpan", "vMerge", "hMerge", "shd", "tcW"))
_TBL_HEADER, _CANT_SPLIT, _TR_HEIGHT = (w(t) for t in ("tblHeader", "cantSplit", "trHeight"))
_CELL_TAGS = (_GRID_SPAN, _V_MERGE, _H_MERGE, _SHD, _TCW)
_ROW_TAGS = (_TBL_HEADER, _CANT_SPLIT, _TR_HEIGHT, w("ins"), w("del"))
MAX_COLUMNS = 63  # Word's limit; a larger gridSpan is clamped so consumers can iterate spans safely

# (container, sink, cell_where): reads the blocks of a cell into sink
Blocks = Callable[[object, list, str], None]


class Tables:
    def __init__(self, walk: Walk, anchors: Anchors, blocks: Blocks):
        self.walk = walk
        self.anchors = anchors
        self.blocks = blocks

    def read(self, tbl, nested: bool = False, outer_where: str | None = None) -> Table:
        walk = self.walk
        tindex = walk.table_index
        if not nested:
            walk.table_index += 1
        tname = f"bảng {tindex + 1}" if not nested else f"bảng lồng trong {outer_where}"
        tblpr = child(tbl, "tblPr")
        style_id = val(tblpr, "tblStyle") or walk.styles.default_table
        borders = borders_on(child(tblpr, "tblBorders"))
        if borders is None:
            borders = walk.styles.table_borders(style_id)
        grid = []
        tg = child(tbl, "tblGrid")
        if tg is not None:
            grid = [round(twips_to_pt(twips(attr(g, "w")) or 0), 2) for g in tg if local(g.tag) == "gridCol"]
        table_tags = list(self.anchors.tags)
        raw_rows: list[dict] = []
        outer_style = walk.table_style
        walk.table_style = (style_id, _first_row_on(child(tblpr, "tblLook")))
        try:
            self._rows(tbl, raw_rows, tname, [])
        finally:
            walk.table_style = outer_style
        rows = finish_rows(raw_rows)
        if any(c.get("h_merge") for r in raw_rows for c in r["cells"]):
            walk.warn("bảng dùng kiểu gộp ô ngang cũ (hMerge); các ô được giữ riêng", tname, "info")
        return Table(index=tindex, rows=rows, grid=grid, section=walk.section, style_id=style_id,
                     borders=bool(borders), alignment={"start": "left", "end": "right"}.get(
                         val(tblpr, "jc") or "", val(tblpr, "jc")), tags=table_tags, indent_pt=_indent(tblpr))

    def _inside_control(self, sdt, tags: list[str], walk):
        """Walk a content control's content with its tag open (a tag names what the renderer put there);
        None when the control has no content."""
        tag = sdt_tag(sdt)
        content = child(sdt, "sdtContent")
        if content is None:
            return None
        if tag:
            self.anchors.tags.append(tag)
        try:
            return walk(content, tags + ([tag] if tag else []))
        finally:
            if tag:
                self.anchors.tags.pop()

    def _rows(self, container, raw_rows: list, tname: str, tags: list[str]) -> None:
        pending_bm: list[str] = []
        for node in container:
            space, name = split_tag(node.tag)
            if space == MC_NS and name == "AlternateContent":
                chosen = choose_alternate(node)
                if chosen is not None:
                    self._rows(chosen, raw_rows, tname, tags)
                continue
            if name == "tr":
                raw_rows.append(self._row(node, tname, len(raw_rows), tags, pending_bm))
                pending_bm = []
            elif name == "sdt":
                self._inside_control(node, tags, lambda content, inner: self._rows(content, raw_rows, tname, inner))
            elif name in ("customXml", "ins", "del"):
                self._rows(node, raw_rows, tname, tags)
            elif name == "bookmarkStart":
                bm = bookmark_name(node)
                if bm:
                    pending_bm.append(bm)
            elif name == "commentRangeStart":
                self.anchors.open_comment(attr(node, "id"))
            elif name == "commentRangeEnd":
                self.anchors.close_comment(attr(node, "id"))

    def _row(self, tr, tname: str, rindex: int, tags: list[str], bookmarks: list[str]) -> dict:
        trpr = child(tr, "trPr")
        kids = some_children(trpr, _ROW_TAGS)  # the trPr's children read here by tag, first of each
        header, cant_split = kids.get(_TBL_HEADER), kids.get(_CANT_SPLIT)
        row = {"cells": [], "tags": list(tags), "bookmarks": list(bookmarks),
               "is_header": header is not None and on_off(header),
               "cant_split": cant_split is not None and on_off(cant_split),
               "inserted": False, "deleted": False, "height": None}
        h = kids.get(_TR_HEIGHT)
        height = twips(attr(h, "val")) if h is not None else None
        if height is not None:
            row["height"] = round(twips_to_pt(height), 2)
        for kind, key in (("ins", "inserted"), ("del", "deleted")):
            node = kids.get(w(kind))
            if node is not None:
                row[key] = True
                self.walk.change("rowIns" if kind == "ins" else "rowDel", attr(node, "author"), attr(node, "date"),
                                 "", self.walk.para_index, f"{tname}, hàng {rindex + 1}")
        col = to_int(val(child(tr, "tblPrEx"), "gridBefore") or val(trpr, "gridBefore"), 0) or 0
        row["grid_before"] = col
        self._cells(tr, row, tname, rindex, col, [])
        return row

    def _cells(self, container, row: dict, tname: str, rindex: int, col: int, tags: list[str]) -> int:
        for node in container:
            name = split_tag(node.tag)[1]
            if name == "tc":
                col = self._cell(node, row, tname, rindex, col, tags)
            elif name == "sdt":
                walked = self._inside_control(node, tags, lambda content, inner, at=col:
                                              self._cells(content, row, tname, rindex, at, inner))
                col = col if walked is None else walked
            elif name == "customXml":
                col = self._cells(node, row, tname, rindex, col, tags)
            elif name == "bookmarkStart":
                bm = bookmark_name(node)
                if bm:
                    row["bookmarks"].append(bm)
            elif name == "commentRangeStart":
                self.anchors.open_comment(attr(node, "id"))
            elif name == "commentRangeEnd":
                self.anchors.close_comment(attr(node, "id"))
        return col

    def _cell(self, tc, row: dict, tname: str, rindex: int, col: int, tags: list[str]) -> int:
        walk = self.walk
        tcpr = some_children(child(tc, "tcPr"), _CELL_TAGS)  # those of its children read here, by tag
        span = min(MAX_COLUMNS, max(1, to_int(attr(tcpr.get(_GRID_SPAN), "val"), 1) or 1))
        vm = tcpr.get(_V_MERGE)
        v_merge = None if vm is None else ("restart" if attr(vm, "val") == "restart" else "continue")
        hm = tcpr.get(_H_MERGE)
        shd = tcpr.get(_SHD)
        fill = attr(shd, "fill") if shd is not None else None
        width = None
        tcw = tcpr.get(_TCW)
        tcw_twips = twips(attr(tcw, "w")) if tcw is not None and attr(tcw, "type", "dxa") == "dxa" else None
        if tcw_twips is not None:
            width = round(twips_to_pt(tcw_twips), 2)
        where = f"{tname}, hàng {rindex + 1}, ô {len(row['cells']) + 1}"
        paragraphs: list = []
        outer_props = walk.table_props
        if walk.table_style is not None:
            style_id, first_row = walk.table_style
            conditions = ("firstRow",) if first_row and rindex == 0 else ()
            walk.table_props = walk.styles.table_props(style_id, conditions)
        try:
            self.blocks(tc, paragraphs, where)
        finally:
            walk.table_props = outer_props
        bookmarks = dedupe([b for p in paragraphs for b in p.bookmarks])
        row["cells"].append({"paragraphs": paragraphs, "grid_span": span, "v_merge": v_merge, "col": col,
                             "tags": list(tags), "bookmarks": bookmarks,
                             "shading": None if fill in (None, "auto") else fill, "width": width,
                             "h_merge": hm is not None})
        if bookmarks:
            row["bookmarks"].extend(b for b in bookmarks if b not in row["bookmarks"])
        return col + span


def finish_rows(raw_rows: list[dict]) -> list[Row]:
    """The model's rows. row_span of a vMerge restart cell = 1 + the continue cells directly below it in
    the same grid column."""
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


def _indent(tblpr) -> float:
    """The table's tblInd in pt (0 when absent or not in twips: a percentage says nothing of where it prints)."""
    ind = child(tblpr, "tblInd")
    if ind is None or (attr(ind, "type") or "dxa") != "dxa":
        return 0.0
    return round(twips_to_pt(twips(attr(ind, "w")) or 0), 2)
