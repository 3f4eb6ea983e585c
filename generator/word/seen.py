"""The document as `check` and `import` read it: every run's text in the form the eye reads (`generator.core.text.seen`:
composed, without the format characters that print nothing), so a decomposed copy of a document (macOS, some
web editors) or one with zero-width characters pasted in is judged as the document Word prints, and widths
are measured on what prints. The file itself is never changed: a correction's offsets, counted in the
read text, are mapped back onto the paragraph's own text (`SeenDocument.original`) before `--fix` applies it."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace

from generator.core.text import invisible, seen
from generator.word.model import Document, Paragraph, Run, Table


def _chunks(text: str) -> list[tuple[int, str]]:
    """(start, piece) of `text` cut before each character that starts a letter (a base character that is not
    a format character): its combining marks and the invisible characters after it stay with it."""
    out: list[tuple[int, str]] = []
    start = 0
    for i, ch in enumerate(text):
        if i and not invisible(ch) and not unicodedata.combining(ch):
            out.append((start, text[start:i]))
            start = i
    if text:
        out.append((start, text[start:]))
    return out


def read_form(text: str) -> tuple[str, list[int]]:
    """(the seen form of `text`, for each of its characters the offset in `text` it comes from, and one more:
    `len(text)`)."""
    if text.isascii():
        return text, list(range(len(text) + 1))
    pieces, starts = [], []
    for start, piece in _chunks(text):
        form = seen(piece)
        pieces.append(form)
        starts.extend([start] * len(form))
    starts.append(len(text))
    return "".join(pieces), starts


@dataclass
class SeenDocument:
    doc: Document  # the read copy
    maps: dict[int, list[int]]  # paragraph index → offset map of its accepted text (only where it differs)

    def original(self, paragraph: int | None, start: int, end: int) -> tuple[int, int]:
        """[start, end) of the read text of `paragraph` as offsets in its own text (a letter and its marks
        whole, the invisible characters after the range's last letter included)."""
        starts = self.maps.get(paragraph) if paragraph is not None else None
        if starts is None:
            return start, end
        last = len(starts) - 1
        return starts[min(start, last)], starts[min(end, last)]


def seen_document(doc: Document) -> SeenDocument:
    maps: dict[int, list[int]] = {}

    def paragraph(p: Paragraph) -> Paragraph:
        if p.text.isascii() and all(r.text.isascii() for r in p.runs):
            return p
        runs: list[Run] = []
        starts: list[int] = []
        pos = 0
        for r in p.runs:
            form, offsets = read_form(r.text)
            runs.append(replace(r, text=form) if form != r.text else r)
            if r.change != "del":
                starts.extend(pos + o for o in offsets[:-1])
                pos += len(r.text)
        starts.append(pos)
        if len(starts) != pos + 1 or starts != list(range(pos + 1)):
            maps[p.index] = starts
        return replace(p, runs=runs)

    def table(t: Table) -> Table:
        return replace(t, rows=[replace(row, cells=[replace(c, paragraphs=[paragraph(q) for q in c.paragraphs])
                                                    for c in row.cells]) for row in t.rows])

    blocks = [table(b) if isinstance(b, Table) else paragraph(b) for b in doc.blocks]
    return SeenDocument(replace(doc, blocks=blocks), maps)

