"""Sections (w:sectPr): page size and orientation, margins, page numbering, title page, break type, and
their page headers and footers. A section without its own header reference keeps the previous
section's, as Word does. Header and footer parts are read by their own body walk."""
from __future__ import annotations

from typing import Callable

from generator.core.units import twips_to_mm
from generator.word.document import Walker
from generator.word.model import Change, Message, Paragraph, Section
from generator.word.numbering import Definitions, Numberer
from generator.word.package import Package
from generator.word.styles import Styles
from generator.word.xml import R_NS, attr, child, local, on_off, to_int, twips, val

# (relationship id, where prefix for its messages) → the part's paragraphs
HeaderReader = Callable[[str, str], list[Paragraph]]


def read_sections(nodes: list, header_reader: HeaderReader | None) -> list[Section]:
    """`nodes`: the walk's w:sectPr elements in document order (none: one section of defaults)."""
    nodes = nodes or [None]
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


def _twips_mm(value: str | None) -> float | None:
    t = twips(value)
    return None if t is None else round(twips_to_mm(abs(t)), 2)


class HeaderParts:
    """Reads the header and footer parts the sections refer to (a HeaderReader). A part referenced by
    several sections is read once, so its changes and messages are listed once; they are kept here
    (`messages`, `changes`) in the order the parts were read."""

    def __init__(self, pkg: Package, main: str, styles: Styles, defs: Definitions, max_paragraphs: int):
        self.pkg = pkg
        self.rels = pkg.rels(main)
        self.styles = styles
        self.defs = defs
        self.max_paragraphs = max_paragraphs
        self.messages: list[Message] = []
        self.changes: list[Change] = []
        self._cache: dict[str, list[Paragraph]] = {}

    def __call__(self, rid: str, where: str) -> list[Paragraph]:
        if rid not in self._cache:
            self._cache[rid] = self._read(rid, where)
        return self._cache[rid]

    def _read(self, rid: str, where: str) -> list[Paragraph]:
        rel = self.rels.get(rid)
        if rel is None or rel.external:
            self.messages.append(Message("warning", f"tham chiếu đầu/chân trang {rid} không có trong gói", where))
            return []
        part = self.pkg.xml(rel.target)
        if part is None:
            self.messages.append(Message("warning", f"thiếu phần {rel.target} của đầu/chân trang", where))
            return []
        sub = Walker(self.styles, Numberer(self.defs, self.styles), {}, where_prefix=where,
                     max_paragraphs=self.max_paragraphs, source=str(self.pkg.path))
        out = []
        for block in sub.body(part):  # header tables are flattened: page headers are read as lines
            out.extend(block.paragraphs() if hasattr(block, "rows") else [block])
        self.messages.extend(sub.messages)
        self.changes.extend(sub.changes)
        return out
