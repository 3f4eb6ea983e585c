"""The XML side of `check --fix`: the child orders Word insists on, properties created where the schema
wants them, and the reader's paragraphs, tables and sections found again in document.xml (`CharMap`: one
paragraph's accepted text, character by character, back to the w:t nodes that hold it)."""
from __future__ import annotations

import difflib

from lxml import etree

from generator.word.xml import MC_NS, w

# ---------------------------------------------------------------- XML order rules (Word rejects other orders)

RPR_ORDER = ["rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline",
              "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w",
              "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl",
              "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath", "rPrChange"]
PPR_ORDER = ["pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
              "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
              "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid",
              "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
              "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange"]
SECT_ORDER = ["headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar", "paperSrc",
               "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote", "titlePg",
               "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings", "sectPrChange"]
TRPR_ORDER = ["cnfStyle", "divId", "gridBefore", "gridAfter", "wBefore", "wAfter", "cantSplit", "trHeight",
               "tblHeader", "tblCellSpacing", "jc", "hidden", "ins", "del", "trPrChange"]


def local(node) -> str:
    tag = node.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""  # QName(node) was a third of --fix (issue 22)


_RANKS: dict[int, tuple[list[str], dict[str, int], dict]] = {}
_TAG_RANKS_MAX = 10_000  # a hostile file may name many tags: past this many, the rest are ranked each time


def _ranks(order: list[str]) -> tuple[dict[str, int], dict]:
    """Each name's place in `order`, made once per order list (it was made again for every child set), and a
    child's full tag → the place of its local name, filled as tags are met (the local name of every child was
    taken again at every correction; issue 22)."""
    known = _RANKS.get(id(order))
    if known is None or known[0] is not order:
        known = _RANKS[id(order)] = (order, {n: i for i, n in enumerate(order)}, {})
    return known[1], known[2]


def first_child(parent, tag: str):
    """The first child of `parent` with this (full) tag, or None (iterchildren is C; find() parses a path)."""
    return next(parent.iterchildren(tag), None)


def ordered_child(parent, name: str, order: list[str], attrs: dict[str, str] | None = None, replace: bool = True):
    """The child w:`name` of `parent` (created, or replaced when `replace`), placed where the schema wants it."""
    tag = w(name)
    rank, ranks = _ranks(order)
    top = len(rank)
    mine = rank.get(name, top)
    existing = after = None
    for child in parent:  # one pass: the child itself, and the last one the schema wants before it
        its = child.tag
        if existing is None and its == tag:
            existing = child
            continue
        place = ranks.get(its)
        if place is None:
            place = rank.get(local(child), top)
            if len(ranks) < _TAG_RANKS_MAX:
                ranks[its] = place
        if place < mine:
            after = child
    if existing is not None and not replace:
        node = existing
    elif existing is not None and existing.getprevious() is after:  # already where it goes: emptied in place
        node = existing
        node.attrib.clear()
        node.text = None
        for inner in list(node):
            node.remove(inner)
    else:
        if existing is not None:
            parent.remove(existing)
        node = etree.SubElement(parent, tag)  # made in the parent's document (Element() made a document each)
        if after is None:
            parent.insert(0, node)
        else:
            after.addnext(node)
    for key, value in (attrs or {}).items():
        node.set(w(key) if ":" not in key else key, value)
    return node


def props(parent, tag: str):
    """The pPr/rPr/trPr of a paragraph/run/row, created as its first child when missing."""
    node = first_child(parent, w(tag))
    if node is None:
        node = etree.SubElement(parent, w(tag))
        ex = first_child(parent, w("tblPrEx")) if tag == "trPr" else None
        if ex is not None:
            ex.addnext(node)
        else:
            parent.insert(0, node)
    return node


# ---------------------------------------------------------------- locating the reader's paragraphs in the XML


_FALLBACK, _ALTERNATE = f"{{{MC_NS}}}Fallback", f"{{{MC_NS}}}AlternateContent"
_RPR, _VANISH, _VAL = w("rPr"), w("vanish"), w("val")


def in_fallback(node, root) -> bool:
    parent = node.getparent()
    while parent is not None and parent is not root:
        if parent.tag == _FALLBACK:
            return True
        parent = parent.getparent()
    return False


def body_paragraphs(body) -> list:
    """w:p elements in the order the reader numbers them (document order; text boxes after their anchor
    paragraph; the Fallback copy of an mc:AlternateContent skipped)."""
    return [p for p in body.iter(w("p")) if not in_fallback(p, body)]


def body_tables(body) -> list:
    out = []
    for t in body.iter(w("tbl")):
        if in_fallback(t, body):
            continue
        parent, nested = t.getparent(), False
        while parent is not None and parent is not body:
            if local(parent) in ("tbl", "txbxContent"):
                nested = True
                break
            parent = parent.getparent()
        if not nested:
            out.append(t)
    return out


def body_sections(body) -> list:
    out = []
    for s in body.iter(w("sectPr")):
        parent = s.getparent()
        if parent is body:
            out.append(s)
        elif local(parent) == "pPr" and local(parent.getparent()) == "p":
            p = parent.getparent()
            ancestors = {local(a) for a in p.iterancestors()}
            if not ancestors & {"tc", "txbxContent", "pPrChange"} and not in_fallback(p, body):
                out.append(s)
    return out


class CharMap:
    """The accepted text of one w:p as the reader builds it, with, for each character, the w:t node and the
    offset it comes from (None for tabs and breaks), and the w:r it belongs to."""

    def __init__(self, p):
        self.text_parts: list[str] = []
        self.where: list[tuple[object, int] | None] = []
        self.run_of: list[object] = []
        self._field_depth: list[bool] = []  # per open field: result reached?
        self._walk(p, deleted=False)
        self.text = "".join(self.text_parts)

    def _walk(self, node, deleted: bool) -> None:
        for c in node:
            name = local(c)
            if name in ("pPr", "txbxContent"):
                continue
            if c.tag == _ALTERNATE:
                continue  # shapes: their text is in paragraphs of their own
            if name in ("del", "moveFrom"):
                self._walk(c, True)
            elif name == "r":
                self._run(c, deleted)
            elif name in ("ins", "moveTo", "hyperlink", "smartTag", "customXml", "fldSimple", "sdt", "sdtContent",
                          "dir", "bdo"):
                self._walk(c, deleted)

    def _run(self, r, deleted: bool) -> None:
        rpr = first_child(r, _RPR)
        vanish = first_child(rpr, _VANISH) if rpr is not None else None
        hidden = vanish is not None and vanish.get(_VAL, "true") not in ("0", "false", "off")
        for c in r:
            name = local(c)
            if name == "fldChar":
                kind = c.get(w("fldCharType"))
                if kind == "begin":
                    self._field_depth.append(False)
                elif kind == "separate" and self._field_depth:
                    self._field_depth[-1] = True
                elif kind == "end" and self._field_depth:
                    self._field_depth.pop()
                continue
            if self._field_depth and not self._field_depth[-1]:
                continue
            if deleted or hidden:
                continue
            if name == "t":
                text = c.text or ""
                self.text_parts.append(text)  # a whole w:t at once; its characters one by one below
                self.where.extend([(c, i) for i in range(len(text))])
                self.run_of.extend([r] * len(text))
            elif name in ("tab", "ptab"):
                self._add("\t", None, r)
            elif name == "br":
                self._add("\f" if c.get(w("type")) == "page" else "\n", None, r)
            elif name == "cr":
                self._add("\n", None, r)
            elif name == "noBreakHyphen":
                self._add("-", None, r)

    def _add(self, ch: str, where, run) -> None:
        self.text_parts.append(ch)
        self.where.append(where)
        self.run_of.append(run)

    def runs_between(self, start: int, end: int) -> list:
        out, seen = [], set()  # a set: "run not in out" made a paragraph of n runs cost n² (issue 22)
        for run in self.run_of[start:end]:
            if id(run) not in seen:
                seen.add(id(run))
                out.append(run)
        return out

    def replace(self, start: int, end: int, new: str) -> bool:
        """Edit the characters [start, end) into `new`, inside the w:t nodes that hold them; False when the
        edit would touch a tab or break."""
        old = self.text[start:end]
        ops = difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
        for tag, i1, i2, j1, j2 in reversed(ops):
            if tag == "equal":
                continue
            for k in range(start + i2 - 1, start + i1 - 1, -1):  # delete, last first
                where = self.where[k]
                if where is None:
                    return False
                node, idx = where
                node.text = node.text[:idx] + node.text[idx + 1:]
            if j2 > j1:
                pos = start + i1
                # at the start of a word that begins another run ('ngày ' | '5', the '5' a leader's tracked
                # insertion or in its own format), what goes before it goes into its run: '05' is one number
                # (rejecting the insertion then takes the '0' with the '5', never leaving 'ngày 020')
                starts_word = 0 < pos < len(self.where) and self.text[pos - 1].isspace() and \
                    not self.text[pos].isspace() and self.where[pos] is not None
                if pos > 0 and self.where[pos - 1] is not None and not starts_word:
                    node, idx = self.where[pos - 1]
                    node.text = node.text[: idx + 1] + new[j1:j2] + node.text[idx + 1:]
                elif pos < len(self.where) and self.where[pos] is not None:
                    node, idx = self.where[pos]
                    node.text = node.text[:idx] + new[j1:j2] + node.text[idx:]
                else:
                    return False
                node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        return True

