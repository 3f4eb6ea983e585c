"""Which printed value each part of the reviewed file is: the plan is built again in memory and its
paragraphs, table rows and cells are paired with the reviewed ones by their source tags
(render/sources.py), by exact text where a tag went missing, and by likeness between two paired
neighbours where both the tag and the text changed."""
from __future__ import annotations

import bisect
import difflib
from dataclasses import dataclass

from generator.core.text import seen, squash
from generator.nd30.labels import REVIEW_LABEL
from generator.render.model import Context, Para, Table as BuiltTable
from generator.render.sources import SourceTags, Tag, is_tag
from generator.word.model import Document, Paragraph, Table
from generator.word.seen import joined_texts


@dataclass
class Unit:
    """A built paragraph (body, fixed template paragraph, appendix title) with its source tag."""

    where: tuple
    tag: Tag | None
    text: str  # as printed
    para: Para | None = None


class Reading:
    """The reviewed document as the review reads it: tracked changes accepted, or rejected."""

    def __init__(self, doc: Document, reject: bool):
        self.doc, self.reject = doc, reject
        # paragraphs a deleted mark joins (changes accepted), and drop caps (either way)
        self._joined = joined_texts(doc, accepted=not reject)

    def view(self, p: Paragraph) -> str:
        return squash(self._composed(p))

    def lines(self, p: Paragraph) -> str:
        """The paragraph's text with its line breaks (a literal block's lines), spaces squashed."""
        raw = self._composed(p).replace("\u00a0", " ")
        return "\n".join(" ".join(line.split()) for line in raw.strip().split("\n"))

    def _composed(self, p: Paragraph) -> str:
        """The text as the eye reads it (`seen`), as kehoach builds it: a reviewer's program that saved it
        decomposed ("ê" + U+0301 for "ế"), or an editor that left zero-width spaces, word joiners, BOMs or
        direction marks in it (pasted from the web, a chat, a PDF), changed nothing the eye sees, so nothing
        is changed in the plan."""
        return seen(self._joined.get(p.index, p.original_text if self.reject else p.text))

    def cell(self, cell) -> str:
        return "\n".join(self.view(p) for p in cell.paragraphs).strip("\n")

    def free_paragraphs(self) -> list[Paragraph]:
        """Paragraphs outside the appendix tables (the template's tables hold the signer's name)."""
        out = []
        for block in self.doc.blocks:
            if isinstance(block, Paragraph):
                out.append(block)
            elif not any(is_tag(b) and b.startswith("_khr") for row in block.rows for b in row.bookmarks):
                out += list(block.paragraphs())
        return out

    def bookmarks_of(self, index: int) -> list[str]:
        for block in self.doc.blocks:
            if isinstance(block, Table):
                for row in block.rows:
                    for cell in row.cells:
                        if any(p.index == index for p in cell.paragraphs):
                            # a cell's own tag, then its row's
                            return [b for b in cell.bookmarks if b.startswith("_khc")] + \
                                [b for b in row.bookmarks if b.startswith("_khr")]
            elif block.index == index:
                return block.bookmarks
        return []


def body_units(ctx: Context, tags: SourceTags) -> list[Unit]:
    plan = ctx.plan
    units = [Unit(("body", i), tags.tag_at("body", i), p.full, p) for i, p in enumerate(ctx.body)]
    units += [Unit(("fixed", name), tags.tag_at("fixed", name), text) for name, text in
              (("title", plan.title), ("signer", plan.signer.name))]
    units += [Unit(("title", t), tags.tag_at("title", t), table.title) for t, table in enumerate(ctx.tables)]
    return [u for u in units if u.tag is not None]


def match_paragraphs(units: list[Unit], reviewed: list[Paragraph]) -> dict[int, Unit]:
    """Reviewed paragraph index → built unit: tag and original text agree; then same text (a tag
    lost or moved); then the tag alone (the text was edited)."""
    by_tag = {u.tag.name: u for u in units}
    taken: set[tuple] = set()
    pairs: dict[int, Unit] = {}

    def tagged(p: Paragraph) -> list[Unit]:
        return [by_tag[b] for b in p.bookmarks if is_tag(b) and b in by_tag]

    def original(p: Paragraph) -> str:  # as the eye reads it (NFC: a macOS "ê" + U+0301 is "ế"), as Reading does
        return squash(seen(p.original_text))

    for p in reviewed:
        for u in tagged(p):
            if u.where not in taken and original(p) == squash(u.text):
                pairs[p.index] = u
                taken.add(u.where)
                break
    by_text: dict[str, list[Unit]] = {}
    for u in units:
        if u.where not in taken:
            by_text.setdefault(squash(u.text), []).append(u)
    for p in reviewed:
        if p.index in pairs or not original(p):
            continue
        candidates = [u for u in by_text.get(original(p), []) if u.where not in taken]
        if candidates:
            pairs[p.index] = candidates[0]
            taken.add(candidates[0].where)
    for p in reviewed:
        if p.index in pairs:
            continue
        for u in tagged(p):
            if u.where not in taken:
                pairs[p.index] = u
                taken.add(u.where)
                break
    # tags lost or slid to a neighbour, text edited: an unmatched paragraph between two matched
    # ones takes the one unmatched unit printed between their counterparts, if it reads alike.
    # One pass: the matched neighbour after each paragraph is known before (pairs are only added at
    # the paragraph being looked at), the unmatched units are a sorted list counted by bisection.
    order = {u.where: i for i, u in enumerate(units)}
    free = [order[u.where] for u in units if u.where not in taken]
    after_of = [len(units)] * len(reviewed)
    nearest = len(units)
    for pos in range(len(reviewed) - 1, -1, -1):
        after_of[pos] = nearest
        if reviewed[pos].index in pairs:
            nearest = order[pairs[reviewed[pos].index].where]
    # how many unmatched paragraphs lie between the same two matched ones: one alone, facing one
    # unmatched unit of its kind, is that unit typed again (a bookmark goes with the text it held)
    lonely = [0] * len(reviewed)
    start = 0
    for pos in range(len(reviewed) + 1):
        if pos == len(reviewed) or reviewed[pos].index in pairs:
            count = sum(1 for q in reviewed[start:pos] if original(q))
            for k in range(start, pos):
                lonely[k] = count == 1
            start = pos + 1
    before = -1
    for pos, p in enumerate(reviewed):
        if p.index not in pairs and original(p):
            lo, hi = bisect.bisect_right(free, before), bisect.bisect_left(free, after_of[pos])
            if hi - lo == 1 and (alike(original(p), squash(units[free[lo]].text))
                                 or lonely[pos] and same_kind(original(p), units[free[lo]])):
                unit = units[free[lo]]
                pairs[p.index] = unit
                taken.add(unit.where)
                del free[lo]
        if p.index in pairs:
            before = order[pairs[p.index].where]
    return pairs


LIKENESS = 0.6


def same_kind(text: str, unit: Unit) -> bool:
    """A typed paragraph and a built one are of one kind: both '-' bullets, both '+', both numbered
    (a heading, a point), or both plain text."""
    if unit.para is None:
        return False
    match = REVIEW_LABEL.match(text)
    label = match.group(0).strip() if match else ""
    built = unit.para.label if unit.para.kind in ("bullet", "sub_bullet", "heading", "point", "clause",
                                                     "section") else ""
    dashes = ("-", "•", "–")
    if label in dashes or built in dashes:
        return label in dashes and built in dashes
    if label == "+" or built == "+":
        return label == built
    return bool(label) == bool(built)
LIKENESS_MAX_CHARS = 20_000  # longer texts are not compared (difflib is quadratic in the worst case)


def alike(a: str, b: str) -> bool:
    if max(len(a), len(b)) > LIKENESS_MAX_CHARS:
        return False
    sm = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    return sm.real_quick_ratio() > LIKENESS and sm.quick_ratio() > LIKENESS and sm.ratio() > LIKENESS


def match_tables(doc: Document, ctx: Context, row_tags: dict[str, Tag]) -> list[tuple[Table, int]]:
    """(reviewed table, index of the built appendix table): by the tags of its rows; tags lost, the
    appendix table with the same column headers, in order."""
    out = []
    done: set[int] = set()
    for table in doc.tables:
        votes: dict[int, int] = {}
        for row in table.rows:
            for b in row.bookmarks:
                if b in row_tags:
                    t = row_tags[b].where[1]
                    votes[t] = votes.get(t, 0) + 1
        if votes:
            t = max(votes, key=votes.get)
        else:
            header = [squash(c.text) for c in table.rows[0].cells] if table.rows else []
            t = next((i for i, built in enumerate(ctx.tables) if i not in done  # its first header row
                      and [squash(c.text) for c in built.header_rows()[0].cells if c.span] == header), None)
            if t is None:
                continue
        done.add(t)
        out.append((table, t))
    return out


def match_rows(table: Table, built: BuiltTable, t: int, row_tags: dict[str, Tag]) -> dict[int, int]:
    """Reviewed row → built row: by the row's tag (in its first cell); then the same cell texts; then,
    tags lost and a cell edited, the most alike unmatched row if clearly alike."""
    taken: set[int] = set()
    pairs: dict[int, int] = {}

    def texts(row) -> list[str]:
        return [squash("\n".join(p.original_text for p in c.paragraphs)) for c in row.cells]

    def built_texts(r: int) -> list[str]:
        return [squash(c.text) if c.merge != "continue" else "" for c in built.rows[r].cells]

    for i, row in enumerate(table.rows):
        for b in row.bookmarks:
            tag = row_tags.get(b)
            if tag is not None and tag.where[1] == t and tag.where[2] not in taken and \
                    any(c.bookmarks and c.bookmarks[0] == b or b in c.bookmarks for c in row.cells[:1]):
                pairs[i] = tag.where[2]
                taken.add(tag.where[2])
                break
    by_texts: dict[tuple, list[int]] = {}
    for r in range(len(built.rows)):
        if r not in taken:
            by_texts.setdefault(tuple(built_texts(r)), []).append(r)
    for i, row in enumerate(table.rows):
        if i in pairs or row.is_header:
            continue
        same = by_texts.get(tuple(texts(row)))
        while same and same[0] in taken:
            same.pop(0)
        if same:
            pairs[i] = same.pop(0)
            taken.add(pairs[i])
    # likeness: each left row against each left built row, within a budget of comparisons (a table
    # with thousands of new rows would otherwise cost their product)
    free = [r for r in range(len(built.rows)) if r not in taken]
    budget = ROW_COMPARISONS
    for i, row in enumerate(table.rows):
        if i in pairs or row.is_header or not free or budget <= 0:
            continue
        mine = " | ".join(texts(row))
        budget -= len(free)
        scored = sorted(((likeness(mine, " | ".join(built_texts(r))), r) for r in free), reverse=True)
        if scored and scored[0][0] > 0.75 and len(texts(row)) == len(built.rows[scored[0][1]].cells):
            pairs[i] = scored[0][1]
            taken.add(scored[0][1])
            free.remove(scored[0][1])
    return pairs


ROW_COMPARISONS = 20_000


def likeness(a: str, b: str) -> float:
    if max(len(a), len(b)) > LIKENESS_MAX_CHARS:
        return 0.0
    sm = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    return sm.ratio() if sm.real_quick_ratio() > 0.75 and sm.quick_ratio() > 0.75 else 0.0


def cell_of(row, tags: SourceTags, t: int, r: int, c: int, same_shape: bool):
    """The reviewed cell printed from built cell c of row r: by its tag, else by position when the
    row has as many cells as the built one."""
    name = tags.at("cell", t, r, c)
    cell = next((rc for rc in row.cells if any(b == name for b in rc.bookmarks)), None)
    if cell is None and same_shape:
        cell = row.cells[c]
    return cell


def anchor_tag(index: int, pairs: dict[int, Unit], reading: Reading, tags: SourceTags) -> Tag | None:
    """The source tag a reviewed paragraph is tied to: its matched unit's, else the first known tag
    among its own bookmarks (in a table: its cell's, then its row's)."""
    unit = pairs.get(index)
    if unit is not None and unit.tag is not None:
        return unit.tag
    for name in reading.bookmarks_of(index):
        tag = tags.by_name.get(name)
        if tag is not None:
            return tag
    return None
