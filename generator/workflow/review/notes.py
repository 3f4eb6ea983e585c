"""The reviewer's comments and tracked changes, listed with the plan value (key and YAML line) of the
paragraph they are on."""
from __future__ import annotations

from typing import Callable

from generator.core.messages import Message
from generator.render.sources import Tag
from generator.word.model import Document
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


def list_changes(doc: Document, w: Writer, tag_of: Callable[[int], Tag | None], reject: bool) -> list[Message]:
    out = []
    for ch in doc.changes:
        key, line = _anchor(w, tag_of(ch.paragraph_index))
        out.append(remark(ch.kind, ch.author or "", ch.date or "", ch.text, f"đoạn {ch.paragraph_index + 1}",
                          w.plan_display, key, line, decision="từ chối" if reject else "nhận"))
    return out
