"""`kehoach check --fix`: correct what ND30 allows a machine to correct without judgement, never the wording.

The file is opened through the reader's guarded package (hostile files are refused as for `import`), checked,
and each finding that carries a `Fix` is applied to the XML: date padding, fonts and sizes, margins, typed
underscores → drawn rules, the page-number field and a different first page, repeated header rows, rows that
do not split, Nơi nhận punctuation. The result is written to a temporary file next to the output, read back,
re-checked and compared word for word with the original; only then does it replace the output (atomic).
"""
from __future__ import annotations

import difflib
import os
import posixpath
import re
import tempfile
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from generator import nd30
from generator.core.errors import KehoachError, OutputError
from generator.nd30.check import Finding, Fix, check_document
from generator.word.model import Document
from generator.word.package import NS_CT, NS_REL, Package, open_package
from generator.word.reader import read_docx, read_package
from generator.word.xml import MC_NS, R_NS, V_NS, W_NS, w

TWIPS_PER_PT = 20
TWIPS_PER_MM = 1440 / 25.4
HEADER_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
HEADER_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"


class FixError(KehoachError):
    """`--fix` refused to write a file (it would have changed the words, or could not be written)."""


@dataclass
class FixReport:
    out: Path
    changed: list[str] = field(default_factory=list)  # Vietnamese, one line per correction
    left: list[Finding] = field(default_factory=list)  # what the re-check of the output still finds
    words_kept: int = 0


# ---------------------------------------------------------------- words: what --fix must never change

_WORD = re.compile(r"[^\W_]+")


def words(doc: Document) -> list[str]:
    """The document's words in order: NFC, case kept, numbers compared by value (date padding "5" → "05" is
    not a change of wording)."""
    out = []
    for p in doc.paragraphs():
        for word in _WORD.findall(unicodedata.normalize("NFC", p.text)):
            out.append(str(int(word)) if word.isdigit() else word)
    return out


# ---------------------------------------------------------------- XML order rules (Word rejects other orders)

_RPR_ORDER = ["rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline",
              "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w",
              "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl",
              "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath", "rPrChange"]
_PPR_ORDER = ["pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
              "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
              "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid",
              "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
              "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange"]
_SECT_ORDER = ["headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar", "paperSrc",
               "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote", "titlePg",
               "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings", "sectPrChange"]
_TRPR_ORDER = ["cnfStyle", "divId", "gridBefore", "gridAfter", "wBefore", "wAfter", "cantSplit", "trHeight",
               "tblHeader", "tblCellSpacing", "jc", "hidden", "ins", "del", "trPrChange"]


def _local(node) -> str:
    return etree.QName(node).localname if isinstance(node.tag, str) else ""


def _ordered_child(parent, name: str, order: list[str], attrs: dict[str, str] | None = None, replace: bool = True):
    """The child w:`name` of `parent` (created, or replaced when `replace`), placed where the schema wants it."""
    existing = parent.find(w(name))
    if existing is not None and not replace:
        node = existing
    else:
        if existing is not None:
            parent.remove(existing)
        node = etree.Element(w(name))
        rank = {n: i for i, n in enumerate(order)}
        mine = rank.get(name, len(rank))
        after = None
        for child in parent:
            if rank.get(_local(child), len(rank)) < mine:
                after = child
        if after is None:
            parent.insert(0, node)
        else:
            after.addnext(node)
    for key, value in (attrs or {}).items():
        node.set(w(key) if ":" not in key else key, value)
    return node


def _props(parent, tag: str):
    """The pPr/rPr/trPr of a paragraph/run/row, created as its first child when missing."""
    node = parent.find(w(tag))
    if node is None:
        node = etree.Element(w(tag))
        if tag == "trPr" and parent.find(w("tblPrEx")) is not None:
            parent.find(w("tblPrEx")).addnext(node)
        else:
            parent.insert(0, node)
    return node


# ---------------------------------------------------------------- locating the reader's paragraphs in the XML


def _in_fallback(node, root) -> bool:
    parent = node.getparent()
    while parent is not None and parent is not root:
        if etree.QName(parent).namespace == MC_NS and _local(parent) == "Fallback":
            return True
        parent = parent.getparent()
    return False


def body_paragraphs(body) -> list:
    """w:p elements in the order the reader numbers them (document order; text boxes after their anchor
    paragraph; the Fallback copy of an mc:AlternateContent skipped)."""
    return [p for p in body.iter(w("p")) if not _in_fallback(p, body)]


def body_tables(body) -> list:
    out = []
    for t in body.iter(w("tbl")):
        if _in_fallback(t, body):
            continue
        parent, nested = t.getparent(), False
        while parent is not None and parent is not body:
            if _local(parent) in ("tbl", "txbxContent"):
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
        elif _local(parent) == "pPr" and _local(parent.getparent()) == "p":
            p = parent.getparent()
            ancestors = {_local(a) for a in p.iterancestors()}
            if not ancestors & {"tc", "txbxContent", "pPrChange"} and not _in_fallback(p, body):
                out.append(s)
    return out


class _CharMap:
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
            name = _local(c)
            if name in ("pPr", "txbxContent"):
                continue
            if etree.QName(c).namespace == MC_NS and name == "AlternateContent":
                continue  # shapes: their text is in paragraphs of their own
            if name in ("del", "moveFrom"):
                self._walk(c, True)
            elif name == "r":
                self._run(c, deleted)
            elif name in ("ins", "moveTo", "hyperlink", "smartTag", "customXml", "fldSimple", "sdt", "sdtContent",
                          "dir", "bdo"):
                self._walk(c, deleted)

    def _run(self, r, deleted: bool) -> None:
        rpr = r.find(w("rPr"))
        hidden = rpr is not None and rpr.find(w("vanish")) is not None and \
            rpr.find(w("vanish")).get(w("val"), "true") not in ("0", "false", "off")
        for c in r:
            name = _local(c)
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
                for i, ch in enumerate(c.text or ""):
                    self._add(ch, (c, i), r)
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
        out = []
        for run in self.run_of[start:end]:
            if run not in out:
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
                if pos > 0 and self.where[pos - 1] is not None:
                    node, idx = self.where[pos - 1]
                    node.text = node.text[: idx + 1] + new[j1:j2] + node.text[idx + 1:]
                elif pos < len(self.where) and self.where[pos] is not None:
                    node, idx = self.where[pos]
                    node.text = node.text[:idx] + new[j1:j2] + node.text[idx:]
                else:
                    return False
                node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        return True


# ---------------------------------------------------------------- the fixer


class _Fixer:
    def __init__(self, pkg: Package, doc: Document):
        self.pkg = pkg
        self.doc = doc
        self.root = pkg.xml(pkg.main_part)
        self.body = self.root.find(w("body"))
        self.dirty: set[str] = {pkg.main_part}
        self.new_parts: dict[str, bytes] = {}
        self.paragraphs = body_paragraphs(self.body)
        self.reader_text = {p.index: p.text for p in doc.paragraphs()}
        self.changed: list[str] = []
        self.skipped: list[Fix] = []
        self.verified: set[int] = set()

    def xml_paragraph(self, index: int):
        """The w:p of reader paragraph `index`, only when its text is exactly what the reader read (checked at
        the first fix of the paragraph: fixes are applied from its end, so earlier offsets stay valid)."""
        if index >= len(self.paragraphs):
            return None, None
        p = self.paragraphs[index]
        chars = _CharMap(p)
        if index not in self.verified:
            if chars.text != self.reader_text.get(index):
                return None, None
            self.verified.add(index)
        return p, chars

    def apply(self, fix: Fix, finding: Finding) -> bool:
        handler = getattr(self, f"fix_{fix.kind}")
        done = handler(fix, finding)
        if not done:
            self.skipped.append(fix)
        return done

    # -- text: date padding, Nơi nhận punctuation
    def fix_text(self, fix: Fix, finding: Finding) -> bool:
        p, chars = self.xml_paragraph(fix.paragraph)
        if p is None:
            return False
        old = chars.text[fix.start:fix.end]
        if not chars.replace(fix.start, fix.end, fix.text or ""):
            return False
        shown_old = chars.text[max(0, fix.start - 30):fix.end] if len(old) < 3 else old
        shown_new = chars.text[max(0, fix.start - 30):fix.start] + (fix.text or "") if len(old) < 3 else fix.text
        self.changed.append(f"{finding.where()}: “{shown_old.strip()}” → “{(shown_new or '').strip()}”")
        return True

    # -- sizes, bold, italic of a piece of a paragraph
    def fix_format(self, fix: Fix, finding: Finding) -> bool:
        p, chars = self.xml_paragraph(fix.paragraph)
        if p is None:
            return False
        runs = chars.runs_between(fix.start, fix.end)
        if not runs:
            return False
        what = []
        for r in runs:
            rpr = _props(r, "rPr")
            if fix.size is not None:
                half = str(round(fix.size * 2))
                _ordered_child(rpr, "sz", _RPR_ORDER, {"val": half})
                _ordered_child(rpr, "szCs", _RPR_ORDER, {"val": half})
            for name, value in (("b", fix.bold), ("i", fix.italic)):
                if value is not None:
                    _ordered_child(rpr, name, _RPR_ORDER, {} if value else {"val": "0"})
                    _ordered_child(rpr, name + "Cs", _RPR_ORDER, {} if value else {"val": "0"})
        if fix.size is not None:
            what.append(f"cỡ chữ {fix.size:g}")
        if fix.bold is not None:
            what.append("chữ đậm" if fix.bold else "bỏ chữ đậm")
        if fix.italic is not None:
            what.append("chữ nghiêng" if fix.italic else "chữ đứng")
        self.changed.append(f"{finding.where()}: {', '.join(what)} — “{finding.excerpt}”")
        return True

    # -- Times New Roman everywhere
    def fix_font(self, fix: Fix, finding: Finding) -> bool:
        if getattr(self, "_fonts_done", False):
            return True
        self._fonts_done = True
        parts = [self.pkg.main_part] + [rel.target for rel in self.pkg.rels(self.pkg.main_part).values()
                                        if not rel.external and rel.type.rsplit("/", 1)[-1] in ("header", "footer")]
        count = 0
        for part in parts:
            root = self.pkg.xml(part)
            if root is None:
                continue
            for r in root.iter(w("r")):
                if not "".join(t.text or "" for t in r.iter(w("t"))).strip():
                    continue
                self._set_fonts(_props(r, "rPr"))
                count += 1
            self.dirty.add(part)
        styles_rel = [rel.target for rel in self.pkg.rels(self.pkg.main_part).values()
                      if not rel.external and rel.type.rsplit("/", 1)[-1] == "styles"]
        for part in styles_rel:
            root = self.pkg.xml(part)
            if root is None:
                continue
            for fonts in root.iter(w("rFonts")):
                self._set_fonts(fonts.getparent())
            defaults = root.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}")
            if defaults is not None:
                self._set_fonts(defaults)
            self.dirty.add(part)
        self.changed.append(f"phông chữ {nd30.FONT} cho toàn văn bản ({count} đoạn chữ có định dạng riêng và các kiểu)")
        return True

    @staticmethod
    def _set_fonts(rpr) -> None:
        fonts = _ordered_child(rpr, "rFonts", _RPR_ORDER, replace=False)
        for key in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
            fonts.attrib.pop(w(key), None)
        for key in ("ascii", "hAnsi", "cs", "eastAsia"):
            fonts.set(w(key), nd30.FONT)

    # -- sections
    def _sect(self, index: int):
        sects = body_sections(self.body)
        return sects[index] if index < len(sects) and len(sects) == len(self.doc.sections) else None

    def fix_margins(self, fix: Fix, finding: Finding) -> bool:
        sect = self._sect(fix.section)
        if sect is None:
            return False
        mar = _ordered_child(sect, "pgMar", _SECT_ORDER, replace=False)
        shown = []
        for side, value in fix.margins:
            mar.set(w(side), str(round(value * TWIPS_PER_MM)))
            shown.append(f"{ {'top': 'trên', 'bottom': 'dưới', 'left': 'trái', 'right': 'phải'}[side]} {value:g} mm")
        for attr, default in (("header", "567"), ("footer", "567"), ("gutter", "0")):
            if mar.get(w(attr)) is None:
                mar.set(w(attr), default)
        self.changed.append(f"{finding.where()}: lề {', '.join(s.strip() for s in shown)}")
        return True

    def fix_restart_numbering(self, fix: Fix, finding: Finding) -> bool:
        sect = self._sect(fix.section)
        if sect is None:
            return False
        _ordered_child(sect, "pgNumType", _SECT_ORDER, {"start": "1"}, replace=False)
        self.changed.append(f"phần {fix.section + 1}: số trang phụ lục đánh lại từ 1")
        return True

    def fix_page_number(self, fix: Fix, finding: Finding) -> bool:
        key = ("page", fix.section)
        if key in getattr(self, "_done", set()):
            return True
        self._done = getattr(self, "_done", set()) | {key}
        sect = self._sect(fix.section)
        if sect is None:
            return False
        size = fix.page_number_size or 14.0
        sects = body_sections(self.body)
        # the default header in force for this section: its own, else inherited from an earlier section
        ref = None
        for s in reversed(sects[: fix.section + 1]):
            ref = next((r for r in s.findall(w("headerReference")) if r.get(w("type"), "default") == "default"), None)
            if ref is not None:
                break
        if ref is None:
            part = self._new_header_part(size)
            rid = self._add_relationship(part)
            node = etree.Element(w("headerReference"))
            node.set(w("type"), "default")
            node.set(f"{{{R_NS}}}id", rid)
            sect.insert(0, node)
            self.changed.append(f"phần {fix.section + 1}: thêm số trang (trường PAGE) canh giữa ở lề trên, cỡ {size:g}")
        else:
            part = self.pkg.rels(self.pkg.main_part).get(ref.get(f"{{{R_NS}}}id"))
            root = self.pkg.xml(part.target) if part is not None and not part.external else None
            if root is None:
                return False
            self.dirty.add(part.target)
            page = [p for p in root.iter(w("p")) if "PAGE" in "".join(t.text or "" for t in p.iter(w("instrText")))
                    or any("PAGE" in (f.get(w("instr")) or "") for f in p.iter(w("fldSimple")))]
            if not page:
                root.insert(0, _page_paragraph(size))
                self.changed.append(f"phần {fix.section + 1}: thêm số trang (trường PAGE) canh giữa ở lề trên")
            for p in page:
                ppr = _props(p, "pPr")
                _ordered_child(ppr, "jc", _PPR_ORDER, {"val": "center"})
                for r in p.iter(w("r")):
                    rpr = _props(r, "rPr")
                    _ordered_child(rpr, "sz", _RPR_ORDER, {"val": str(round(size * 2))})
                    _ordered_child(rpr, "szCs", _RPR_ORDER, {"val": str(round(size * 2))})
            if page:
                self.changed.append(f"phần {fix.section + 1}: số trang canh giữa, cỡ {size:g}")
        if fix.section == 0:
            if sect.find(w("titlePg")) is None:
                _ordered_child(sect, "titlePg", _SECT_ORDER)
                self.changed.append("phần 1: trang đầu khác (không hiện số trang ở trang thứ nhất)")
            first = next((r for r in sect.findall(w("headerReference")) if r.get(w("type")) == "first"), None)
            if first is not None:
                rel = self.pkg.rels(self.pkg.main_part).get(first.get(f"{{{R_NS}}}id"))
                root = self.pkg.xml(rel.target) if rel is not None and not rel.external else None
                if root is not None and self._drop_page_fields(root):
                    self.dirty.add(rel.target)
                    self.changed.append("phần 1: bỏ số trang ở đầu trang của trang thứ nhất")
        return True

    @staticmethod
    def _drop_page_fields(root) -> bool:
        dropped = False
        for p in list(root.iter(w("p"))):
            instr = "".join(t.text or "" for t in p.iter(w("instrText")))
            if "PAGE" in instr:
                for r in list(p.iter(w("r"))):
                    r.getparent().remove(r)
                dropped = True
            for f in list(p.iter(w("fldSimple"))):
                if "PAGE" in (f.get(w("instr")) or ""):
                    f.getparent().remove(f)
                    dropped = True
        return dropped

    def _new_header_part(self, size: float) -> str:
        n = 1
        while self.pkg.has(f"word/header_kehoach{n}.xml") or f"word/header_kehoach{n}.xml" in self.new_parts:
            n += 1
        name = f"word/header_kehoach{n}.xml"
        hdr = etree.Element(w("hdr"), nsmap={"w": W_NS, "r": R_NS})
        hdr.append(_page_paragraph(size))
        self.new_parts[name] = etree.tostring(hdr, xml_declaration=True, encoding="UTF-8", standalone=True)
        ct = self.pkg.xml("[Content_Types].xml")
        override = etree.SubElement(ct, f"{{{NS_CT}}}Override")
        override.set("PartName", "/" + name)
        override.set("ContentType", HEADER_CT)
        self.dirty.add("[Content_Types].xml")
        return name

    def _add_relationship(self, part: str) -> str:
        folder, base = posixpath.split(self.pkg.main_part)
        rels_name = posixpath.join(folder, "_rels", base + ".rels")
        root = self.pkg.xml(rels_name)
        if root is None:
            root = etree.Element(f"{{{NS_REL}}}Relationships", nsmap={None: NS_REL})
            self.pkg._xml_cache[rels_name] = root  # a package without document rels: create it
        ids = {r.get("Id") for r in root}
        n = 1
        while f"rIdKh{n}" in ids:
            n += 1
        rel = etree.SubElement(root, f"{{{NS_REL}}}Relationship")
        rel.set("Id", f"rIdKh{n}")
        rel.set("Type", HEADER_REL)
        rel.set("Target", posixpath.relpath(part, folder))
        self.dirty.add(rels_name)
        return f"rIdKh{n}"

    # -- typed underscores → a drawn rule (bottom border) of the right length
    def fix_rule(self, fix: Fix, finding: Finding) -> bool:
        p, chars = self.xml_paragraph(fix.paragraph)
        if p is None or chars.text.strip().strip("_-—– ") != "":
            return False
        for r in list(chars.runs_between(0, len(chars.text))):
            r.getparent().remove(r)
        ppr = _props(p, "pPr")
        bdr = _ordered_child(ppr, "pBdr", _PPR_ORDER)
        bottom = etree.SubElement(bdr, w("bottom"))
        for key, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "000000")):
            bottom.set(w(key), value)
        side = str(round((fix.indent_pt or 0) * TWIPS_PER_PT))
        _ordered_child(ppr, "ind", _PPR_ORDER, {"left": side, "right": side, "firstLine": "0"})
        _ordered_child(ppr, "jc", _PPR_ORDER, {"val": "center"})
        # the empty paragraph is only as tall as its border needs
        _ordered_child(ppr, "spacing", _PPR_ORDER, {"before": "0", "after": "120", "line": "120", "lineRule": "exact"})
        self.changed.append(f"{finding.where()}: đường kẻ gõ bằng dấu gạch dưới thay bằng đường kẻ nét liền")
        return True

    def fix_rule_shape(self, fix: Fix, finding: Finding) -> bool:
        """Underscores that share a line with other text (a header set with tabs): a drawn line (VML) of the
        right length, centred on the tab stop that centred the underscores, anchored at the paragraph start."""
        p, chars = self.xml_paragraph(fix.paragraph)
        if p is None:
            return False
        runs = chars.runs_between(fix.start, fix.end)
        if not runs or any("".join(t.text or "" for t in r.iter(w("t"))).strip("_ ") or r.find(w("tab")) is not None
                           for r in runs):
            return False  # a run holds more than the underscores
        for r in runs:
            r.getparent().remove(r)
        x, width = fix.indent_pt or 0.0, fix.width_pt or 0.0
        run = etree.Element(w("r"))
        pict = etree.SubElement(run, w("pict"))
        line = etree.SubElement(pict, f"{{{V_NS}}}line", nsmap={"v": V_NS})
        line.set("from", f"{x:.1f}pt,4pt")
        line.set("to", f"{x + width:.1f}pt,4pt")
        line.set("strokeweight", "0.75pt")
        line.set("style", "position:absolute;mso-position-horizontal-relative:char;"
                          "mso-position-vertical-relative:line;z-index:251659264")
        ppr = p.find(w("pPr"))
        if ppr is not None:
            ppr.addnext(run)
        else:
            p.insert(0, run)
        self.changed.append(f"{finding.where()}: đường kẻ gõ bằng dấu gạch dưới thay bằng đường kẻ nét liền "
                            f"dài {width / 72 * 25.4:.0f} mm")
        return True

    # -- appendix tables
    def _table(self, index: int):
        tables = body_tables(self.body)
        if len(tables) != len(self.doc.tables) or index >= len(tables):
            return None
        return tables[index]

    def fix_header_row(self, fix: Fix, finding: Finding) -> bool:
        tbl = self._table(fix.table)
        rows = tbl.findall(w("tr")) if tbl is not None else []
        if not rows:
            return False
        _ordered_child(_props(rows[0], "trPr"), "tblHeader", _TRPR_ORDER, replace=False)
        self.changed.append(f"bảng {fix.table + 1}: dòng tiêu đề lặp lại ở đầu mỗi trang")
        return True

    def fix_cant_split(self, fix: Fix, finding: Finding) -> bool:
        tbl = self._table(fix.table)
        rows = tbl.findall(w("tr")) if tbl is not None else []
        if not rows:
            return False
        for row in rows:
            _ordered_child(_props(row, "trPr"), "cantSplit", _TRPR_ORDER, replace=False)
        self.changed.append(f"bảng {fix.table + 1}: {len(rows)} hàng không bị ngắt sang trang sau")
        return True

    # -- writing
    def write(self, target: Path) -> None:
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
            written = set()
            for info in self.pkg._zip.infolist():
                name = info.filename
                key = name.lstrip("/")
                if key in written:
                    continue
                written.add(key)
                data = self._part_bytes(key)
                out.writestr(_zipinfo(info, name), data)
            for name in self.dirty - written:
                if name in self.pkg._xml_cache:
                    out.writestr(name, self._part_bytes(name))
                    written.add(name)
            for name, data in self.new_parts.items():
                out.writestr(name, data)

    def _part_bytes(self, name: str) -> bytes:
        if name in self.dirty and name in self.pkg._xml_cache:
            return etree.tostring(self.pkg._xml_cache[name], xml_declaration=True, encoding="UTF-8", standalone=True)
        return self.pkg.read(name)


def _zipinfo(info: zipfile.ZipInfo, name: str) -> zipfile.ZipInfo:
    out = zipfile.ZipInfo(name, date_time=info.date_time)
    out.compress_type = zipfile.ZIP_DEFLATED
    out.external_attr = info.external_attr
    return out


def _page_paragraph(size: float):
    half = str(round(size * 2))

    def run(*children):
        r = etree.Element(w("r"))
        rpr = etree.SubElement(r, w("rPr"))
        fonts = etree.SubElement(rpr, w("rFonts"))
        for key in ("ascii", "hAnsi", "cs", "eastAsia"):
            fonts.set(w(key), nd30.FONT)
        etree.SubElement(rpr, w("sz")).set(w("val"), half)
        etree.SubElement(rpr, w("szCs")).set(w("val"), half)
        for c in children:
            r.append(c)
        return r

    def fld(kind):
        node = etree.Element(w("fldChar"))
        node.set(w("fldCharType"), kind)
        return node

    instr = etree.Element(w("instrText"))
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instr.text = " PAGE "
    number = etree.Element(w("t"))
    number.text = "2"
    p = etree.Element(w("p"))
    ppr = etree.SubElement(p, w("pPr"))
    etree.SubElement(ppr, w("jc")).set(w("val"), "center")
    for r in (run(fld("begin")), run(instr), run(fld("separate")), run(number), run(fld("end"))):
        p.append(r)
    return p


def fix_docx(source: str | os.PathLike, out: str | os.PathLike, **limits) -> FixReport:
    """Fix `source` into `out` (atomically). Raises WordFileError for hostile or broken files and FixError
    when the result would not keep every word (nothing is written then)."""
    source, out = Path(source), Path(out)
    with open_package(source, **limits) as pkg:
        read = read_package(pkg)
        before = check_document(read.value, read.messages)
        fixer = _Fixer(pkg, read.value)
        seen: set[Fix] = set()
        # within a paragraph, from its end: an edit never moves the offsets of the ones still to do
        todo = sorted((f for f in before.findings if f.fix is not None),
                      key=lambda f: (f.fix.paragraph is not None, f.fix.paragraph or 0, -f.fix.start))
        for finding in todo:
            if finding.fix not in seen:
                seen.add(finding.fix)
                fixer.apply(finding.fix, finding)
        if out.exists() and out.is_dir():
            raise OutputError(f"{out}: là một thư mục; hãy chọn tên tệp .docx cho kết quả")
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp_name = tempfile.mkstemp(prefix=f".{out.stem}.", suffix=".docx", dir=out.parent)
            os.close(fd)
        except OSError as exc:
            raise OutputError(f"{out}: không tạo được tệp kết quả ({exc.strerror})") from None
        tmp = Path(tmp_name)
        try:
            fixer.write(tmp)
            again = read_docx(tmp, **limits)
            if words(again.value) != words(read.value):
                raise FixError(f"{source}: bản sửa làm thay đổi chữ của văn bản nên không được ghi; hãy gửi tệp cho "
                               "nhóm phát triển")
            after = check_document(again.value, again.messages)
            os.replace(tmp, out)
        except OSError as exc:
            raise OutputError(f"{out}: không ghi được tệp kết quả ({exc.strerror})") from None
        finally:
            if tmp.exists():
                tmp.unlink()
    return FixReport(out, fixer.changed, after.findings, len(words(again.value)))
