"""The reviewer's comments and tracked changes, listed with the plan value (key and YAML line) of the
paragraph they are on."""
from __future__ import annotations

from typing import Callable

from generator.core.messages import Message
from generator.render.sources import Tag
from generator.core.text import squash
from generator.word.model import Document, Table
from generator.workflow.review.result import remark
from generator.workflow.review.writer import Writer


def _anchor(w: Writer, tag: Tag | None) -> tuple[str, int | None]:
    return (tag.key, w.line(tag.source.path)) if tag is not None else ("", None)


def list_comments(doc: Document, w: Writer, tag_of: Callable[[int], Tag | None]) -> list[Message]:
    out = []
    for c in doc.comments:
        index = c.paragraph_indexes[0] if c.paragraph_indexes else None
        key, line = _anchor(w, tag_of(index)) if index is not None else ("", None)
        out.append(remark("comment", c.author or "", c.date or "", c.text,
                          f"đoạn {index + 1}" if index is not None else "", w.plan_display, key, line,
                          anchor=c.anchor_text))
    return out


ROW_KINDS = ("rowIns", "rowDel")


def _context(doc: Document, reject: bool) -> tuple[dict[int, str], dict[int, str]]:
    """Paragraph index → its text, and → its table row's text ('a | b | c'), as the reviewer left them
    (the text before the changes for deletions)."""
    paragraphs: dict[int, str] = {}
    rows: dict[int, str] = {}
    for block in doc.blocks:
        if isinstance(block, Table):
            for row in block.rows:
                shown = " | ".join(" ".join(squash(p.original_text or p.text) for p in c.paragraphs).strip()
                                   for c in row.cells).strip(" |")
                for c in row.cells:
                    for p in c.paragraphs:
                        rows[p.index] = shown
                        paragraphs[p.index] = squash(p.original_text or p.text)
        else:
            paragraphs[block.index] = squash(block.original_text or block.text)
    return paragraphs, rows


def list_changes(doc: Document, w: Writer, tag_of: Callable[[int], Tag | None], reject: bool) -> list[Message]:
    """Every tracked change, with a text to show: its own, else the row's or paragraph's it is on (a
    row deleted, a paragraph's format changed), never an empty “”."""
    out = []
    context = None
    accepted = None
    for ch in doc.changes:
        kind = ch.kind
        if kind == "paraDel":
            # only the mark deleted, the words kept: the paragraph is joined to the next, not deleted
            accepted = accepted if accepted is not None else {p.index: p.text for p in doc.paragraphs()}
            kind = "paraJoin" if squash(accepted.get(ch.paragraph_index, "")) else kind
        key, line = _anchor(w, tag_of(ch.paragraph_index)) if ch.paragraph_index >= 0 else ("", None)
        text = ch.text
        if not squash(text):
            if context is None:
                context = _context(doc, reject)
            paragraphs, rows = context
            text = (rows if ch.kind in ROW_KINDS else paragraphs).get(ch.paragraph_index, "") \
                or paragraphs.get(ch.paragraph_index, "")
            text = text if squash(text.replace("|", "")) else (
                "(hàng trống)" if ch.kind in ROW_KINDS else "(đoạn trống)")
        where = f"đoạn {ch.paragraph_index + 1}" if ch.paragraph_index >= 0 else (ch.where or "đầu/chân trang")
        out.append(remark(kind, ch.author or "", ch.date or "", text, where,
                          w.plan_display, key, line, decision="từ chối" if reject else "nhận"))
    return out
