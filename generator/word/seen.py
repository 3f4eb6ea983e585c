"""The document as `check` and `import` read it: every run's text in the form the eye reads (`generator.core.text.seen`:
composed, without the format characters that print nothing; an "Ð" typed for "Đ" read as "Đ"), so a decomposed copy
of a document (macOS, some web editors) or one with zero-width characters pasted in is judged as the document Word
prints, and widths are measured on what prints. The file itself is never changed: a correction's offsets, counted in the
read text, are mapped back onto the paragraph's own text (`SeenDocument.original`) before `--fix` applies it."""
from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, replace

from generator.core.text import invisible, joins_emoji, seen
from generator.word.model import Cell, Document, Paragraph, Row, Run, Table


# "Ð" (U+00D0, the Icelandic Eth) typed for "Đ" (U+0110) prints the same letter (FR18-TT01's "Ðộc lập - Tự do - Hạnh
# phúc", "BGDÐT"), and its small "ð" stands for "đ" in a Vietnamese text: read as what they stand for. Not in a run
# drawn in an old 8-bit Vietnamese font (".VnTime", "VNI-Times"), where a Latin-1 sign is another letter's code.
_LOOKALIKES = str.maketrans("\u00d0\u00f0", "\u0110\u0111")
_LEGACY_FONTS = (".vn", "vni")


def _read(text: str, lookalikes: bool = True) -> str:
    """`generator.core.text.seen`, and (`lookalikes`) a look-alike letter read as the Vietnamese one it stands for
    (one for one, so offsets hold)."""
    form = seen(text)
    return form.translate(_LOOKALIKES) if lookalikes and ("\u00d0" in form or "\u00f0" in form) else form


def _unicode_font(run: Run) -> bool:
    """The run is drawn in a Unicode font: none of its fonts an old 8-bit Vietnamese one."""
    return not any(f and f.strip().casefold().startswith(_LEGACY_FONTS) for f in (*run.fonts, run.font))


def _chunks(text: str) -> list[tuple[int, str]]:
    """(start, piece) of `text` cut before each character that starts a letter (a base character that is not
    a format character, or a joiner that makes one emoji of two: it prints): its combining marks and the
    invisible characters after it stay with it."""
    out: list[tuple[int, str]] = []
    start = 0
    for i, ch in enumerate(text):
        if i and (not invisible(ch) or joins_emoji(text, i)) and not unicodedata.combining(ch):
            out.append((start, text[start:i]))
            start = i
    if text:
        out.append((start, text[start:]))
    return out


def read_form(text: str, lookalikes: bool = True) -> tuple[str, list[int], list[int]]:
    """(the seen form of `text` (`_read`); for each of its characters the offset in `text` where its letter starts,
    and one more: `len(text)`; for each, the offset after its letter's last printing character: the invisible
    characters after a letter are not part of it)."""
    if _read(text, lookalikes) == text:  # nearly every run: already composed, nothing invisible (checked in C)
        return text, list(range(len(text) + 1)), list(range(1, len(text) + 1))
    pieces, starts, ends = [], [], []
    for start, piece in _chunks(text):
        joiner = joins_emoji(text, start)  # an emoji's joiner, read alone here, prints: kept
        form = piece[0] + _read(piece[1:], lookalikes) if joiner else _read(piece, lookalikes)
        pieces.append(form)
        starts.extend([start] * len(form))
        shown = len(piece)
        while shown > joiner and invisible(piece[shown - 1]):
            shown -= 1
        ends.extend([start + shown] * len(form))
    starts.append(len(text))
    return "".join(pieces), starts, ends


def _lead_marks(text: str) -> int:
    """How many combining marks open `text` (a mark Word keeps in a run of its own, with another format)."""
    n = 0
    while n < len(text) and unicodedata.combining(text[n]):
        n += 1
    return n


def _marks_open_a_run(runs: list[Run]) -> bool:
    return any(i and r.text and unicodedata.combining(r.text[0]) and r.change != "del" for i, r in enumerate(runs))


def _marks_to_their_letters(runs: list[Run]) -> list[tuple[int, str]]:
    """For each run, (how many of its first characters went to an earlier run, the text it is read as): the
    combining marks that open a run ('HO' | U+0300 | 'A') are read with the letter that ends the last run
    before it still holding text ('HÒ' | '' | 'A'), as Word prints them, so a word cut there reads whole.
    Offsets stay those of the paragraph's accepted text: the marks follow that letter there too."""
    out = [(0, r.text) for r in runs]
    last = None  # the run the next marks join
    for i, r in enumerate(runs):
        if r.change == "del":
            continue
        lead = _lead_marks(r.text) if last is not None else 0
        if lead:
            j = last
            out[j] = (out[j][0], out[j][1] + r.text[:lead])
            out[i] = (lead, r.text[lead:])
        if out[i][1]:
            last = i
    return out


@dataclass
class SeenDocument:
    doc: Document  # the read copy
    # paragraph index → (its accepted text as read, where each read character starts in its own text and one
    # more, where each ends), only for a paragraph whose read text differs
    maps: dict[int, tuple[str, list[int], list[int]]]

    def original(self, paragraph: int | None, start: int, end: int, text: str | None = None
                 ) -> tuple[int, int, str | None]:
        """[start, end) of the read text of `paragraph`, to be replaced by `text` (None: only located), as
        offsets in its own text: a letter and its marks whole, the invisible characters around the range kept.
        A replacement is first narrowed to what it changes, so the characters it leaves as they are stay as
        the file has them (decomposed, or with a zero-width character between them)."""
        if paragraph not in self.maps:
            return start, end, text
        read, starts, ends = self.maps[paragraph]
        last = len(starts) - 1
        start, end = min(start, last), min(end, last)
        if text is not None:
            old = read[start:end]
            same = 0
            while same < min(len(old), len(text)) and old[same] == text[same]:
                same += 1
            tail = 0
            while tail < min(len(old), len(text)) - same and old[-1 - tail] == text[-1 - tail]:
                tail += 1
            start, end, text = start + same, end - tail, text[same:len(text) - tail]
        return starts[start], (ends[end - 1] if end > start else starts[start]), text


def seen_document(doc: Document) -> SeenDocument:
    maps: dict[int, tuple[str, list[int], list[int]]] = {}

    def paragraph(p: Paragraph) -> Paragraph:
        if all(_read(r.text, _unicode_font(r)) == r.text for r in p.runs) and not _marks_open_a_run(p.runs):
            return p
        texts = _marks_to_their_letters(p.runs)
        runs: list[Run] = []
        starts: list[int] = []
        ends: list[int] = []
        pos = 0
        for r, (lead, text) in zip(p.runs, texts):
            form, begin, finish = read_form(text, _unicode_font(r))
            runs.append(replace(r, text=form) if form != r.text else r)
            if r.change != "del":
                starts.extend(pos + lead + o for o in begin[:-1])
                ends.extend(pos + lead + o for o in finish)
                pos += len(r.text)
        starts.append(pos)
        out = replace(p, runs=runs)
        if out.text != p.text:
            maps[p.index] = (out.text, starts, ends)
        return out

    def same(old: list, new: list) -> bool:
        return all(a is b for a, b in zip(old, new))

    def cell(c: Cell) -> Cell:
        read = [paragraph(q) for q in c.paragraphs]
        return c if same(c.paragraphs, read) else replace(c, paragraphs=read)

    def row(r: Row) -> Row:
        read = [cell(c) for c in r.cells]
        return r if same(r.cells, read) else replace(r, cells=read)

    def table(t: Table) -> Table:  # a table, row or cell with nothing to read otherwise is the reader's own
        read = [row(r) for r in t.rows]
        return t if same(t.rows, read) else replace(t, rows=read)

    blocks = [table(b) if isinstance(b, Table) else paragraph(b) for b in doc.blocks]
    return SeenDocument(replace(doc, blocks=blocks), maps)



# ------------------------------------------------ paragraphs joined by a tracked deletion, and drop caps


def _chains(doc: Document, accepted: bool = True) -> Iterator[tuple[list[Paragraph], Paragraph]]:
    """(paragraphs whose mark is deleted, the paragraph after them): Word, the change accepted, shows their
    text at the start of that paragraph (which keeps its own mark) and no paragraph where they were. A drop
    cap's frame (Insert › Drop Cap keeps the letter in a paragraph of its own) joins the next one whether
    changes are accepted or not: its letter prints there. Only within one container: the last paragraph of a
    cell or of the body has no next one to join."""

    def chain(paragraphs: list[Paragraph]) -> Iterator[tuple[list[Paragraph], Paragraph]]:
        taken: list[Paragraph] = []
        for p in paragraphs:
            if p.in_shape:
                continue
            if p.drop_cap or accepted and p.mark_change == "del":
                taken.append(p)
                continue
            if any(q.text if accepted else q.original_text for q in taken):  # all deleted too: simply goes
                yield taken, p
            taken = []

    top: list[Paragraph] = []
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            top.append(block)
            continue
        yield from chain(top)
        top = []
        for row in block.rows:
            for cell in row.cells:
                yield from chain(cell.paragraphs)
    yield from chain(top)


def joined_texts(doc: Document, accepted: bool = True) -> dict[int, str]:
    """Paragraph index → its text (changes accepted, or rejected) where paragraphs are joined (`_chains`): ''
    for those that went."""
    out: dict[int, str] = {}
    for taken, into in _chains(doc, accepted):
        out.update((p.index, "") for p in taken)
        out[into.index] = "".join(p.text if accepted else p.original_text for p in taken + [into])
    return out


def joined_document(doc: Document) -> Document:
    """The document with the paragraphs a tracked deletion of their mark joins made one, as Word shows it with
    the change accepted, and each drop cap made one with its paragraph: their runs go first into the paragraph
    after them, which keeps its own properties."""
    chains = list(_chains(doc))
    if not chains:
        return doc
    gone = {p.index for taken, _ in chains for p in taken}
    into = {p.index: replace(p, runs=[r for q in taken for r in q.runs] + p.runs) for taken, p in chains}

    def paragraphs(items: list) -> list:
        return [into.get(p.index, p) for p in items if p.index not in gone]

    def table(t: Table) -> Table:
        return replace(t, rows=[replace(r, cells=[replace(c, paragraphs=paragraphs(c.paragraphs)) for c in r.cells])
                                for r in t.rows])

    return replace(doc, blocks=[table(b) if isinstance(b, Table) else into.get(b.index, b) for b in doc.blocks
                                if isinstance(b, Table) or b.index not in gone])
