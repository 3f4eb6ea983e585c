"""Where each part of the document is, as `check` finds it: the header (ô 1–4) and its lines, the type line
and the trích yếu, the body, Nơi nhận, the signature block, the appendices. Finding, not judging: nothing
here reports. Kept together so that the one locator the importer shares (`generator.nd30.zones`) can take
their place in one edit."""
from __future__ import annotations

import re
from dataclasses import dataclass

from generator import nd30
from generator.core.text import caseless
from generator.nd30.check.base import Checker, Segment, segments
from generator.word.model import Paragraph, Table

# ---------------------------------------------------------------- header (ô 1–4), type line, trích yếu


def find_doc_type(ck: Checker) -> tuple[list[Paragraph], Paragraph | None]:
    """The header's paragraphs and the type line ("KẾ HOẠCH"); without a type line, the header is the
    header table, else the paragraphs before the first justified one."""
    for p in ck.paras[:80]:
        if caseless(p.text) == caseless(nd30.DOC_TYPE) and p.index not in ck.cell_of:
            return [q for q in ck.paras if ck.order[q.index] < ck.order[p.index]], p
    header = []
    first = ck.doc.blocks[0] if ck.doc.blocks else None
    for p in ck.paras[:40]:
        if isinstance(first, Table) and ck.cell_of.get(p.index, (None,))[0] is not first:
            break  # a header set as a table is that table
        if p.index not in ck.cell_of and p.alignment == "both" and p.text.strip():
            break
        header.append(p)
    return header, None


@dataclass
class HeaderLines:
    """The header's lines by what they say (None: not found); `issuer` is every other line in capitals."""

    national: Segment | None
    motto: Segment | None
    number: Segment | None
    date: Segment | None
    typed: list[Segment]  # rules typed as underscores
    issuer: list[Segment]


def header_lines(header: list[Paragraph]) -> HeaderLines:
    segs = [s for p in header for s in segments(p)]
    national = next((s for s in segs if nd30.is_national(s.text) or "cộng hòa xã hội" in caseless(s.text)), None)
    motto = next((s for s in segs if nd30.is_motto_like(s.text)), None)
    number = next((s for s in segs if re.match(r"^số\b", caseless(s.text)) and "/" in s.text), None)
    date = next((s for s in segs if re.search(r",\s*ngày\b", s.text) and "năm" in s.text), None)
    typed = [s for s in segs if nd30.is_typed_rule(s.text)]
    known = {id(x) for x in (national, motto, number, date) if x is not None} | {id(s) for s in typed}
    issuer = [s for s in segs if id(s) not in known and s.caps and len(s.text) > 2]
    return HeaderLines(national, motto, number, date, typed, issuer)


def find_title(ck: Checker, doc_type: Paragraph) -> tuple[list[Segment], int]:
    """The trích yếu: the centred lines right under the type line (at most six); and the order position
    after them."""
    i = ck.order[doc_type.index] + 1
    title: list[Segment] = []
    while i < len(ck.paras) and len(title) < 6:
        p = ck.paras[i]
        if p.index in ck.cell_of or not p.text.strip() or nd30.is_typed_rule(p.text) or p.border_bottom \
                or p.index in ck.shapes or p.alignment not in ("center", None):
            break
        title.extend(segments(p))
        i += 1
    return title, i


def past_blanks_and_typed_rules(ck: Checker, i: int) -> int:
    """The order position of the first paragraph from `i` that is neither blank nor a typed rule."""
    while i < len(ck.paras) and (not ck.paras[i].text.strip() or nd30.is_typed_rule(ck.paras[i].text)):
        i += 1
    return i


# ---------------------------------------------------------------- body (ô 6), Nơi nhận, appendices


def find_recipients(ck: Checker) -> Paragraph | None:
    for p in ck.paras:
        if caseless(p.text).startswith("nơi nhận"):
            return p
    return None


def find_appendix_labels(ck: Checker) -> list[Paragraph]:
    out = []
    for p in ck.paras:
        if p.index in ck.cell_of or not nd30.is_appendix_label(p.text):
            continue
        if p.section > 0 or p.page_break_before or out or after_signature(ck, p):
            out.append(p)
    return out


def after_signature(ck: Checker, p: Paragraph) -> bool:
    rec = find_recipients(ck)
    return rec is not None and ck.order[p.index] > ck.order[rec.index]


def body_end(ck: Checker, recipients: Paragraph | None, appendices: list[Paragraph]) -> int:
    ends = [len(ck.paras)]
    if recipients is not None:
        cell = ck.cell_of.get(recipients.index)
        if cell is not None:
            first = cell[0].rows[0].cells[0].paragraphs
            ends.append(ck.order[first[0].index] if first else ck.order[recipients.index])
        else:
            ends.append(ck.order[recipients.index])
    if appendices:
        ends.append(ck.order[appendices[0].index])
    # the signature block may come before Nơi nhận (a common error): stop at the first authority line
    return min(ends)


def body_paragraphs(ck: Checker, start: int, end: int) -> list[Paragraph]:
    """The body's paragraphs with text, outside tables and shapes, without the signature lines typed after it."""
    body = [p for p in ck.paras[start:end] if p.index not in ck.cell_of and p.text.strip() and not p.in_shape]
    # trailing signature lines typed as paragraphs belong to the signature block, not the body
    while body and (nd30.AUTHORITY_RE.match(body[-1].text.strip()) or looks_like_signature(body[-1])):
        body.pop()
    return body


def looks_like_signature(p: Paragraph) -> bool:
    text = p.text.strip()
    return p.alignment == "center" and bool(p.bold) and text.isupper() and len(text) < 40


# ---------------------------------------------------------------- Nơi nhận, signature block (ô 9b, 7)


def recipient_items(ck: Checker, label: Paragraph, stop: int) -> list[Paragraph]:
    """The lines under "Nơi nhận:": the rest of its cell, or the "-" lines that follow it."""
    out = []
    i = ck.order[label.index] + 1
    cell = ck.cell_of.get(label.index)
    while i < stop:
        p = ck.paras[i]
        if (ck.cell_of.get(p.index) or (None, None, None))[:3] != (cell or (None, None, None))[:3]:
            break
        if not p.text.strip():
            if out and cell is None:
                break
            i += 1
            continue
        if cell is None and not p.text.lstrip().startswith("-"):
            break
        out.append(p)
        i += 1
    return out


def signature_lines(ck: Checker, label: Paragraph | None, items: list[Paragraph], body_start: int, body_end: int,
                    stop: int) -> list[Paragraph]:
    """The signature block's lines: the other cells of Nơi nhận's row, the cell of the first "TM."/"KT."
    line, or the paragraphs between the body and the appendices that are not Nơi nhận."""
    if label is not None and label.index in ck.cell_of:
        table, r, c = ck.cell_of[label.index]
        row = table.rows[r]
        out = [p for k, cell in enumerate(row.cells) if k != c for p in cell.paragraphs if p.text.strip()]
        if out:
            return out
    skip = {p.index for p in items} | ({label.index} if label else set())
    # the first "TM. …"/"KT. …" line after the title that sits in a table (the signature block's cell)
    authority = next((p for p in ck.paras[body_start:stop] if nd30.AUTHORITY_RE.match(p.text.strip())
                      and p.index in ck.cell_of), None)
    if authority is not None and authority.index in ck.cell_of:
        table, r, c = ck.cell_of[authority.index]
        return [p for p in table.rows[r].cells[c].paragraphs if p.text.strip() and p.index not in skip]
    # paragraphs between the body and the appendices (or just before Nơi nhận) that are not Nơi nhận
    start = body_end
    while start > 0 and (nd30.AUTHORITY_RE.match(ck.paras[start - 1].text.strip())
                         or looks_like_signature(ck.paras[start - 1]) or not ck.paras[start - 1].text.strip()):
        start -= 1
    return [p for p in ck.paras[start:stop] if p.text.strip() and p.index not in skip and p.index not in ck.cell_of]
