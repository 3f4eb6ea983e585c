"""The neutral document tree every Word consumer (import, import --onto, check) reads.

Plain frozen dataclasses, no I/O and no lxml: a consumer never needs to know how the .docx spelled a
thing (Word, LibreOffice and python-docx each spell lists, fields and merges differently)."""
from __future__ import annotations

from dataclasses import MISSING, dataclass, field, fields
from functools import cached_property
from typing import Iterator, Literal, Union

from generator.core.messages import Message, Result  # noqa: F401  (the reader's messages are the house type)

ChangeMark = Literal["ins", "del"]
_FACTORY = object()  # a field with a default factory was not given


def _direct_init(cls):
    """A frozen dataclass's own __init__ sets each field through object.__setattr__ (12 µs for a Paragraph, made
    ~10,000 times for a large document); this one, with the same signature and defaults, fills the instance's
    __dict__ directly, in the same field order: the same object, made ~10x faster (issue 23)."""
    if "__post_init__" in vars(cls) or getattr(cls, "__slots__", None) is not None:
        raise TypeError(f"{cls.__name__}: _direct_init does not run __post_init__ nor fill __slots__")
    params, items, env = [], [], {"_FACTORY": _FACTORY}
    for f in fields(cls):
        if f.default is not MISSING:
            env[f"_d_{f.name}"] = f.default
            params.append(f"{f.name}=_d_{f.name}")
            items.append(f"    d[{f.name!r}] = {f.name}\n")
        elif f.default_factory is not MISSING:
            env[f"_f_{f.name}"] = f.default_factory
            params.append(f"{f.name}=_FACTORY")
            items.append(f"    d[{f.name!r}] = _f_{f.name}() if {f.name} is _FACTORY else {f.name}\n")
        else:
            params.append(f.name)
            items.append(f"    d[{f.name!r}] = {f.name}\n")
    # one store per field into the instance's __dict__, in field order: a dict display of 40 items is built entry by
    # entry, then copied by update (twice the cost; issue 23)
    source = f"def __init__(self, {', '.join(params)}):\n    d = self.__dict__\n{''.join(items)}"
    exec(source, env)  # noqa: S102  (what dataclasses does to make its own __init__)
    init = env["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    cls.__init__ = init
    return cls


@_direct_init
@dataclass(frozen=True)
class Run:
    text: str  # "\t" for w:tab, "\n" for a line break, "\f" for a page break; field results kept
    bold: bool = False
    italic: bool = False
    underline: bool = False
    size_pt: float | None = None
    font: str | None = None
    caps: bool = False
    fonts: tuple[str, ...] = ()  # every font its characters are drawn in (ascii for ASCII, hAnsi for the rest)
    change: ChangeMark | None = None  # moveTo counts as "ins", moveFrom as "del"
    change_author: str | None = None
    change_date: str | None = None
    style_id: str | None = None  # character style (w:rStyle)
    color: str | None = None  # "ff0000", "auto", "theme:accent1" (w:color, styles resolved); None: none set (black)
    highlight: str | None = None  # "yellow", "green" (w:highlight, styles resolved); None or "none": no highlight


@dataclass(frozen=True)
class Drawing:
    """A shape or picture anchored in a paragraph (a drawn rule under the Quốc hiệu is a "line")."""

    kind: Literal["line", "shape", "image", "chart", "group", "ole"]
    width_pt: float | None = None
    height_pt: float | None = None
    has_text: bool = False  # its text is read as in_shape paragraphs after the anchor
    offset_pt: float | None = None  # horizontal position of a VML line's start, relative to its anchor
    top_pt: float | None = None  # a floating drawing's top below its anchor paragraph's top; None: inline or unknown
    wrap: str | None = None  # a floating DrawingML drawing's text wrapping: "square", "tight", "topAndBottom", …


@_direct_init
@dataclass(frozen=True)
class Paragraph:
    index: int  # among all body paragraphs (table cells and text boxes included), document order
    runs: list[Run]
    style_id: str | None = None
    style_name: str | None = None
    heading_level: int | None = None
    list_label: str | None = None
    num_id: str | None = None
    ilvl: int | None = None
    alignment: str | None = None  # left | center | right | both
    indent_left_pt: float | None = None
    indent_right_pt: float | None = None
    indent_first_line_pt: float | None = None  # negative = hanging
    space_before_pt: float | None = None
    space_after_pt: float | None = None
    line_spacing: tuple[str, float] | None = None  # ("auto", 1.15) | ("exact", 18.0) | ("atLeast", 18.0)
    bold: bool | None = None
    italic: bool | None = None
    size_pt: float | None = None
    font: str | None = None
    border_bottom: bool = False
    border_top: bool = False
    page_break_before: bool = False
    keep_next: bool = False
    keep_lines: bool = False
    section: int = 0
    in_table: bool = False
    in_shape: bool = False
    # the width a text box or a frame (w:framePr) gives the paragraph, less its insets; None: not in one, or not
    # told (in_shape or framed then says the paragraph sits in a box of unknown width)
    box_width_pt: float | None = None
    box_clear_pt: float | None = None  # of box_width_pt, what a centred line may take without running under another box
    framed: bool = False  # placed in a frame (w:framePr): a box of its own, fixed or sized to its text
    bookmarks: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    comment_ids: list[str] = field(default_factory=list)
    has_field: dict[str, bool] = field(default_factory=dict)
    mark_change: ChangeMark | None = None  # the paragraph mark itself inserted/deleted (tracked)
    list_suffix: str | None = None  # what Word puts after the label: "\t", " " or ""
    tab_stops: list[tuple[str, float]] = field(default_factory=list)  # (alignment, position pt), resolved
    drawings: list[Drawing] = field(default_factory=list)
    drop_cap: bool = False  # a drop cap's frame (w:framePr w:dropCap): Word prints it at the next paragraph's start
    where: str = ""  # for messages: "đoạn 12" or "đoạn 40 (bảng 2, hàng 3, ô 1)"

    @cached_property
    def text(self) -> str:
        """Accepted view: insertions kept, deletions dropped. Made once (check asks it of every paragraph
        many times; issue 22): a reader's paragraph never changes its runs afterwards."""
        return "".join(r.text for r in self.runs if r.change != "del")

    @property
    def original_text(self) -> str:
        """Rejected view: deletions kept, insertions dropped."""
        return "".join(r.text for r in self.runs if r.change != "ins")

    @property
    def full_text(self) -> str:
        """Label as Word shows it, then its suffix, then the accepted text."""
        if not self.list_label:
            return self.text
        return self.list_label + (self.list_suffix if self.list_suffix is not None else "\t") + self.text


@_direct_init
@dataclass(frozen=True)
class Cell:
    paragraphs: list[Paragraph]
    grid_span: int = 1
    v_merge: Literal["restart", "continue"] | None = None
    row_span: int = 1  # computed: rows covered by a vMerge restart cell (1 for others; continue cells too)
    col: int = 0  # first grid column
    tags: list[str] = field(default_factory=list)
    bookmarks: list[str] = field(default_factory=list)
    shading: str | None = None  # fill colour "RRGGBB"
    width: float | None = None  # pt, when given in dxa

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)


@_direct_init
@dataclass(frozen=True)
class Row:
    cells: list[Cell]
    is_header: bool = False
    cant_split: bool = False
    tags: list[str] = field(default_factory=list)
    bookmarks: list[str] = field(default_factory=list)
    deleted: bool = False
    inserted: bool = False
    height_pt: float | None = None


@dataclass(frozen=True)
class Table:
    index: int  # among tables of the body (nested ones are flattened into their cell)
    rows: list[Row]
    grid: list[float] = field(default_factory=list)  # column widths, pt
    section: int = 0
    style_id: str | None = None
    borders: bool = False
    alignment: str | None = None  # jc of the table
    tags: list[str] = field(default_factory=list)
    indent_pt: float = 0.0  # tblInd (twips only): how far a left-aligned table starts from the left margin

    def paragraphs(self) -> Iterator[Paragraph]:
        for row in self.rows:
            for cell in row.cells:
                yield from cell.paragraphs


@dataclass(frozen=True)
class Section:
    index: int
    page_width_mm: float | None = None
    page_height_mm: float | None = None
    orientation: Literal["portrait", "landscape"] = "portrait"
    margin_top_mm: float | None = None
    margin_bottom_mm: float | None = None
    margin_left_mm: float | None = None
    margin_right_mm: float | None = None
    header_mm: float | None = None
    footer_mm: float | None = None
    title_page: bool = False
    page_number_start: int | None = None
    page_number_format: str | None = None
    headers: dict[str, list[Paragraph]] = field(default_factory=dict)  # "default" / "first" / "even"
    footers: dict[str, list[Paragraph]] = field(default_factory=dict)
    break_type: str = "nextPage"  # nextPage | continuous | evenPage | oddPage | nextColumn


@dataclass(frozen=True)
class Comment:
    id: str
    author: str | None
    date: str | None
    text: str
    paragraph_indexes: list[int] = field(default_factory=list)
    anchor_text: str = ""
    initials: str | None = None
    parent_id: str | None = None  # a reply (commentsExtended.xml) points at the comment it answers
    done: bool = False


@dataclass(frozen=True)
class Change:
    kind: Literal["ins", "del", "moveFrom", "moveTo", "pPr", "rPr", "rowIns", "rowDel", "paraIns", "paraDel"]
    author: str | None
    date: str | None
    text: str
    paragraph_index: int  # body paragraph; -1 for a change inside a page header or footer
    where: str = ""  # "đoạn 12", "đoạn 3 (bảng 1, hàng 2, ô 1)", "đầu trang (default) mục 1: đoạn 1"


@dataclass(frozen=True)
class Note:
    """A footnote or endnote; its text is kept so nothing is dropped silently."""

    kind: Literal["footnote", "endnote"]
    id: str
    text: str
    paragraph_index: int  # where the reference sits


Block = Union[Paragraph, Table]


@dataclass(frozen=True)
class Document:
    blocks: list[Block]
    sections: list[Section]
    comments: list[Comment] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    core: dict[str, str] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)
    # settings.xml: even_and_odd_headers, track_revisions, update_fields, spacing_added (the space after one paragraph
    # and the space before the next add up, rather than the larger one counting) (bool), default_tab_stop_pt (float)
    settings: dict[str, object] = field(default_factory=dict)
    # the page count the editor saved (docProps/app.xml: Word and LibreOffice paginate); None when none was saved or
    # a program that does not paginate wrote it (a template's "1 page, 0 words")
    saved_pages: int | None = None

    def paragraphs(self) -> Iterator[Paragraph]:
        """Every body paragraph, table cells and text boxes included, in document order."""
        for block in self.blocks:
            if isinstance(block, Table):
                yield from block.paragraphs()
            else:
                yield block

    @property
    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs())
