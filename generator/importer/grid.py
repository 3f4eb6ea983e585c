"""A Word table as the importer reads it: one header text per column, rows of cells with their grid
column, span, lines and boldness, vertical merges repeated downwards and remembered."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.nd30.grammar import clean
from generator.word.model import Table

NUMBERS_CELL = re.compile(r"^\(?(\d+|[A-Z])\)?$")  # "(1)", "2", "(A)" in a column-number row
PT_PER_CM = 72 / 2.54


@dataclass
class Grid:
    """A table as rows of (grid column, span, lines, bold), vertical merges repeated downwards (`merged`
    says which cells were repeated, `down` how many rows a merge covers)."""

    header: list[tuple[int, int, str]]
    rows: list[list[tuple[int, int, list[str], bool]]]
    widths: list[float]
    header_rows: int = 1
    aligns: dict[int, str] = field(default_factory=dict)  # grid column → most used alignment of its cells
    merged: set[tuple[int, int]] = field(default_factory=set)  # (row in rows, grid column) repeated from above
    down: dict[tuple[int, int], int] = field(default_factory=dict)  # (row in rows, grid column) → rows covered
    numbers_row: bool = False  # rows[0] numbers the columns ("(1) | (2) | …"): no task, no criterion
    # a two-row header whose upper row groups columns: (group text or None, header columns under it),
    # and the lower row's own text of each grouped column ("Điểm" under "Kết quả năm 2025")
    groups: list[tuple[str | None, list[int]]] = field(default_factory=list)
    lower: dict[int, str] = field(default_factory=dict)

    def printed(self, col: int) -> str:
        """The header text of a column as the rebuilt table prints it: its own row's text when a group
        above it prints the rest."""
        return self.lower.get(col) or next(t for c, _, t in self.header if c == col)

    def header_groups(self, kept: list[int]) -> list[dict]:
        """The plan's header_groups over the header columns kept, in order (none when no group is left)."""
        out: list[dict] = []
        for text, cols in self.groups:
            span = len([c for c in cols if c in kept])
            if not span:
                continue
            if not text and out and "text" not in out[-1]:
                out[-1]["span"] += span
            else:
                out.append({"text": text, "span": span} if text else {"span": span})
        return out if any("text" in g for g in out) else []

    def data_rows(self):
        """(row number in the document, row) of the rows below the header and the column numbers."""
        start = 1 if self.numbers_row else 0
        return [(self.header_rows + 1 + i, self.rows[i]) for i in range(start, len(self.rows))]


def _header_rows(table: Table) -> int:
    """Rows marked as header rows, or a second header row below a first one that merges downwards or
    across ("Điểm" over "Tối đa | Năm 2019")."""
    n = 0
    for row in table.rows:
        if not row.is_header:
            break
        n += 1
    if n == 0 and len(table.rows) > 2:
        first, second = table.rows[0], table.rows[1]
        restarts = {c.col for c in first.cells if c.v_merge == "restart"}
        spans = any(c.grid_span > 1 for c in first.cells)
        continues = {c.col for c in second.cells if c.v_merge == "continue"}
        n = 2 if restarts and restarts <= continues and (spans or len(second.cells) > len(first.cells)) else 1
    return max(1, min(n, 3))


def grid_of(table: Table) -> Grid:
    above: dict[int, list[str]] = {}
    rows, merged, down = [], set(), {}
    for r, row in enumerate(table.rows):
        cells = []
        for cell in row.cells:
            lines = [clean(p.text).strip() for p in cell.paragraphs]
            while lines and not lines[-1]:
                lines.pop()
            while lines and not lines[0]:
                lines.pop(0)
            if cell.v_merge == "continue":
                lines = list(above.get(cell.col, []))
                merged.add((r, cell.col))
            else:
                above[cell.col] = lines
                if cell.v_merge == "restart" and cell.row_span > 1:
                    down[(r, cell.col)] = cell.row_span
            bold = any(p.bold for p in cell.paragraphs if p.text.strip())
            cells.append((cell.col, cell.grid_span, lines, bold))
        rows.append(cells)
    n_header = _header_rows(table) if rows else 1
    header = _header_of(rows[:n_header], len(table.grid)) if rows else []
    seen: dict[int, list[str]] = {}
    for row in table.rows[n_header:]:
        for cell in row.cells:
            if cell.grid_span == 1:
                seen.setdefault(cell.col, []).extend(
                    ALIGN.get(p.alignment or "left", "left") for p in cell.paragraphs if p.text.strip())
    aligns = {col: max(set(v), key=v.count) for col, v in seen.items() if v}
    body = rows[n_header:]
    numbers = bool(body) and len(body[0]) >= 3 and all(
        NUMBERS_CELL.match(" ".join(lines).strip()) for _, _, lines, _ in body[0] if lines)
    groups, lower = _groups_of(rows[:n_header], header) if n_header == 2 else ([], {})
    return Grid(header, body, list(table.grid), n_header, aligns,
                {(r - n_header, c) for r, c in merged if r >= n_header},
                {(r - n_header, c): n for (r, c), n in down.items() if r >= n_header}, numbers, groups, lower)


def _groups_of(rows: list, header: list[tuple[int, int, str]]) -> tuple[list, dict[int, str]]:
    """The upper row of a two-row header as groups of the lower row's columns: a cell spanning several
    columns with a text of its own is a group ("Kết quả năm 2025" over "Điểm | Xếp hạng"); any other
    cell (merged down over both rows, "STT") groups nothing."""
    upper, lower = rows
    groups: list[tuple[str | None, list[int]]] = []
    texts: dict[int, str] = {}
    for c, span, lines, _ in upper:
        under = [col for col, _, _ in header if c <= col < c + span]
        text = " ".join(x for x in lines if x)
        own = {col: " ".join(x for x in found[0] if x) for col in under
               if (found := cell_at(lower, col)) is not None}
        if span > 1 and text and len(under) > 1 and all(t and t != text for t in own.values()):
            groups.append((text, under))
            texts.update(own)
        elif under:
            groups.append((None, under))
    if not texts or sum(len(cols) for _, cols in groups) != len(header):
        return [], {}
    return groups, texts


def _header_of(rows: list, n_grid: int) -> list[tuple[int, int, str]]:
    """One header text per column: a single header row as it is; several rows give each grid column
    the texts above it ("Điểm năm 2019" over "Tối đa" → "Điểm năm 2019 Tối đa"), columns of a cell
    merged downwards kept whole."""
    if len(rows) == 1:
        return [(c, s, " ".join(x for x in lines if x)) for c, s, lines, _ in rows[0]]
    last = rows[-1]
    out = []
    for c, s, lines, _ in last:
        texts = []
        for row in rows:
            found = cell_at(row, c)
            if found is not None:
                text = " ".join(x for x in found[0] if x)
                if text and (not texts or texts[-1] != text):
                    texts.append(text)
        out.append((c, s, " ".join(texts)))
    return out


ALIGN = {"both": "justify", "center": "center", "right": "right", "left": "left", "start": "left", "end": "right",
         "distribute": "justify"}


@dataclass
class TableImport:
    appendix: dict | None
    tasks: list[dict] = field(default_factory=list)
    criteria: list[dict] = field(default_factory=list)
    targets: list[dict] = field(default_factory=list)
    baselines: dict[str, dict] = field(default_factory=dict)  # criterion → a score row's result, no target beside it
    notes: list[str] = field(default_factory=list)
    guesses: list[tuple[str, str, dict]] = field(default_factory=list)  # (text, where, what it is about): ĐOÁN
    warnings: list[str] = field(default_factory=list)  # structure seen but not read
    todos: list[str] = field(default_factory=list)  # what the TODO values written in the table ask for


def text_of(lines: list[str]) -> str | None:
    text = "\n".join(lines).strip()
    return text or None


def cell_at(row, col: int) -> tuple[list[str], bool] | None:
    for c, span, lines, bold in row:
        if c <= col < c + span:
            return lines, bold
    return None


def is_group(row, n_columns: int) -> bool:
    """A row naming a group: at most two filled cells (a number and a name), one of them spanning
    columns, the row having fewer cells than the grid."""
    texts = [(c, span, lines) for c, span, lines, _ in row if any(lines)]
    spans = [span for _, span, _ in texts]
    return bool(texts) and max(spans) >= 2 and len(row) < n_columns and len(texts) <= 2
