"""What the renderers place, computed from the plan by context.py and the builders beside it: body
paragraphs (Para), appendix tables (Table, Row, Cell, Column), the whole document (Context), and for
each printed piece its Source in the plan (for `import --onto` and the hidden bookmarks)."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from generator.plan.model import Plan

# ---------------------------------------------------------------- body paragraphs

ParaKind = Literal["legal", "text", "section", "heading", "clause", "point", "bullet", "sub_bullet", "closing"]

# How a printed text was made from its plan value, so that `import --onto` can carry an edit back:
#   text         the scalar as written (a label or final punctuation may be added: see Para.kind)
#   upper        the scalar in capitals (section titles, appendix titles)
#   target       a target sentence generated from the target's numbers (or its `wording`)
#   agencies     agency references shown by their display names, "; "-joined
#   number       a number in Vietnamese format
#   appendix_ref '<before> Phụ lục N <after>'
#   generated    computed (numbering, criterion names, totals): not editable through the document
Origin = Literal["text", "upper", "target", "agencies", "number", "appendix_ref", "generated"]


@dataclass(frozen=True)
class Source:
    """Where a printed paragraph, table row or cell comes from: the path of the plan value in the
    YAML (list items by position, as the loader reports them) and how it was turned into text."""

    path: tuple = ()
    origin: Origin = "text"


@dataclass(frozen=True)
class Para:
    """One body paragraph. `label` ('I.', '1.', 'a)', '-', '+') is printed before `text`; `bold`
    covers label and text (ND30: I. and titled 1. are bold, a) is not)."""

    kind: ParaKind
    text: str
    label: str = ""
    bold: bool = False
    source: Source | None = None

    @property
    def full(self) -> str:
        return f"{self.label} {self.text}" if self.label else self.text


# ---------------------------------------------------------------- tables

Align = Literal["left", "center", "right", "justify"]


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    width_cm: float
    align: Align = "left"
    fixed: bool = False  # keeps its width when the table is scaled to the page (STT)


@dataclass(frozen=True)
class Cell:
    lines: tuple[str, ...]
    merge: Literal["", "restart", "continue"] = ""  # vertical merge with the cells below
    source: Source | None = None
    value: int | Decimal | None = None  # a number: the .xlsx stores it as a number
    span: int = 1  # columns this cell covers in a data row; 0 = covered by a cell to its left

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@dataclass(frozen=True)
class Row:
    kind: Literal["group", "data", "total"]
    cells: tuple[Cell, ...]  # for a group row: the label cell(s); span covers the rest
    span_from: int = -1  # group rows: index of the cell that spans to the last column
    bold: bool = False
    source: Source | None = None


@dataclass
class Table:
    id: str
    label: str  # "Phụ lục" or "Phụ lục II"
    title: str  # in capitals
    attached_to: str  # "(Kèm theo Kế hoạch số ... )"
    landscape: bool
    columns: list[Column]
    rows: list[Row] = field(default_factory=list)
    task_rows: int = 0
    valign: Literal["", "top", "center"] = ""  # every cell; "": top, centred columns centred
    title_source: Source | None = None
    header_groups: list[tuple[str | None, int]] = field(default_factory=list)  # (text or None, columns)

    def header_rows(self) -> list[Row]:
        """The header: the column headers, or two rows when the plan groups columns under a text (a
        group's text spans its columns; a column of no group is merged down over both rows)."""
        if not self.header_groups or sum(span for _, span in self.header_groups) != len(self.columns):
            return [Row("data", tuple(Cell((c.header,)) for c in self.columns))]
        top: list[Cell] = []
        bottom: list[Cell] = []
        for text, span in self.header_groups:
            under = self.columns[len(bottom):len(bottom) + span]
            if text:
                top += [Cell((text,), span=span)] + [Cell(("",), span=0)] * (span - 1)
                bottom += [Cell((c.header,)) for c in under]
            else:
                top += [Cell((c.header,), merge="restart") for c in under]
                bottom += [Cell(("",), merge="continue") for _ in under]
        return [Row("data", tuple(top)), Row("data", tuple(bottom))]


@dataclass
class Context:
    plan: Plan
    sizes: dict[str, float]
    issuer_superior: list[str]
    issuer_name: list[str]
    number_line: str
    place_date: str
    doc_type: str
    title_lines: list[str]
    body: list[Para]
    recipients: list[str]  # "- X;" ... "- Lưu: VT, Y."
    signer_lines: list[str]
    signer_name: str
    tables: list[Table]

    @property
    def recipient_text(self) -> str:
        return "Nơi nhận:\n" + "\n".join(self.recipients) + "\n"
