"""How much of the Word file the imported plan says again: build the plan in memory (TODO markers are
plain text to the renderer), read the new .docx back with the same reader, and count the words of
the source that appear in it (with multiplicity)."""
from __future__ import annotations

import re
import tempfile
import unicodedata
from collections import Counter
from pathlib import Path

from generator.word.model import Document

_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    """NFC, case-folded runs of letters and digits (labels like 'I.' give 'i'; underscores nothing)."""
    return _WORD.findall(unicodedata.normalize("NFC", text).casefold())


def document_words(doc: Document) -> list[str]:
    out: list[str] = []
    for p in doc.paragraphs():
        out += words(((p.list_label or "") + " " + p.text) if p.list_label else p.text)
    return out


def recall(expected: list[str], found: list[str]) -> float:
    if not expected:
        return 1.0
    have = Counter(found)
    return sum(min(n, have[w]) for w, n in Counter(expected).items()) / len(expected)


def rebuilt_document(data: dict) -> Document:
    """The document kehoach builds from `data` (validated by the model only, so TODOs still print)."""
    from generator.render.context import build_context
    from generator.plan.model import Plan
    from generator.render.docx import render_docx
    from generator.render.templates import default_template
    from generator.word.reader import read_docx

    plan = Plan.model_validate(data)
    blob = render_docx(build_context(plan), default_template("kehoach.docx"))
    with tempfile.TemporaryDirectory(prefix="kehoach-import-") as tmp:
        path = Path(tmp) / "rebuilt.docx"
        path.write_bytes(blob)
        return read_docx(path).value


def missing_words(expected: list[str], found: list[str], limit: int = 30) -> list[str]:
    have = Counter(found)
    out = []
    for word, n in Counter(expected).items():
        if n > have[word]:
            out.append(word if len(word) <= 40 else word[:40] + "…")  # a "word" of a million letters is said short
    return out[:limit]
