"""Several complete documents typed one after another in one file (FR12-QD01: ten one-page decisions of one
hospital, each under its own header with its own number, type line, căn cứ, Điều, Nơi nhận and signature):
each is a document of its own, its parts judged as what they are, not the later ones as body text of the first.

A later document starts at a header that prints the Quốc hiệu, has a number line ("Số: …") and a type line of
the same type as the first document's (a form attached to a Thông tư is another type; a Quy chế issued with a
decision has no number of its own), and both the document before it and the one it starts carry a "Nơi nhận"
(each is complete). Finding, not judging: nothing here reports."""
from __future__ import annotations

import re
from dataclasses import replace

from generator.nd30 import doctypes
from generator.nd30.grammar import clean, is_recipients_label, is_national, looks_number
from generator.word.model import Document, Paragraph, Table

AGENCY_LINES = 3  # a header's agency block above a Quốc hiệu typed in paragraphs


def _paragraphs(blocks) -> list[Paragraph]:
    out: list[Paragraph] = []
    for b in blocks:
        out.extend(b.paragraphs() if isinstance(b, Table) else [b])
    return out


_CUT = re.compile(r"[\t\n]")
_CUT_GAPS = re.compile(r"[\t\n]|[ \u00a0]{3,}")


def _lines(p: Paragraph, gaps: bool = False) -> list[str]:
    """The paragraph's lines, cut at tabs and line breaks before `clean` turns a tab into a space (FR15-QD03's
    "TỔNG CÔNG TY ĐƯỜNG SẮT VN\t    CỘNG HÒA XÃ HỘI …"); `gaps`: at runs of three or more spaces too (columns made of
    spaces)."""
    return [" ".join(clean(s).split()) for s in (_CUT_GAPS if gaps else _CUT).split(p.text)]


def _national(block) -> bool:
    return any(is_national(line) for p in _paragraphs([block]) if _may_hold_national(p.text)
               for line in _lines(p, gaps=True))


def _may_hold_national(text: str) -> bool:
    """False when no line of `text` can be the Quốc hiệu, without cutting it into lines (asked of every paragraph of
    the file; issue 23): its compared form has a plain "x" before "ã" and "v" before "i", and no other character
    folds, composes or is cleaned into a plain letter followed by a letter, so the text must hold both as typed."""
    return ("x" in text or "X" in text) and ("v" in text or "V" in text)


def _start(blocks, k: int, floor: int) -> int:
    """Where the document whose Quốc hiệu is in block `k` starts: the table holding its header, or the agency
    lines in capitals typed right above it."""
    if isinstance(blocks[k], Table):
        return k
    start = k
    while start - 1 > floor and k - (start - 1) <= AGENCY_LINES and not isinstance(blocks[start - 1], Table):
        text = " ".join(blocks[start - 1].text.split())
        if not text or text != text.upper() or not any(c.isalpha() for c in text):
            break
        start -= 1
    return start


def _identified(blocks) -> doctypes.Identified:
    return doctypes.identify(p.text for p in _paragraphs(blocks)[:doctypes.HEAD_LINES])


def _numbered(blocks) -> bool:
    return any(looks_number(line) for p in _paragraphs(blocks)[:doctypes.HEAD_LINES] for line in _lines(p))


def _complete(blocks) -> bool:
    return any(is_recipients_label(line) for p in _paragraphs(blocks) for line in _lines(p))


def documents(doc: Document) -> list[Document]:
    """The documents the file holds, one after another (usually one: `[doc]`); each keeps the file's sections,
    settings and paragraph numbers (findings name the file's paragraphs)."""
    blocks = doc.blocks
    first = _identified(blocks)
    if not first.governed or first.type is None or not _numbered(blocks):
        return [doc]
    starts = [0]
    for k in range(1, len(blocks)):
        if not _national(blocks[k]):
            continue
        start = _start(blocks, k, starts[-1])
        if start <= starts[-1] or not _complete(blocks[starts[-1]:start]):
            continue
        head = blocks[start:]
        found = _identified(head)
        if found.governed and found.type == first.type and _numbered(head):
            starts.append(start)
    while len(starts) > 1 and not _complete(blocks[starts[-1]:]):
        starts.pop()  # the last one is no complete document: it stays with the one before
    if len(starts) == 1:
        return [doc]
    ends = starts[1:] + [len(blocks)]
    return [replace(doc, blocks=blocks[a:b]) for a, b in zip(starts, ends)]
