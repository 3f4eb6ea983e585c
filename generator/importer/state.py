"""What the steps of one import share: the document and its zones, the messages said so far (in the order
they were said, which is the order the summary prints them), the TODOs, the comments to write next to
YAML values, and what the steps learn on the way (year, place, agencies, catalogue)."""
from __future__ import annotations

import re

from dataclasses import dataclass, field

from generator.core.messages import Message
from generator.nd30.zones import locate
from generator.word.model import Document, Paragraph, Table


# Patterns searched over a line's end start where their run starts ("(?<!…)"): searched from inside a long
# run of spaces or dots, each start re-read the rest of the run (quadratic; issue 22). The leftmost match
# starts where its run starts anyway, so the answers are the old ones.
END_PUNCT = re.compile(r"(?<![;.,])[;.,]+\s*$")  # "; " or "." ending a line
CLOSING_MARK = re.compile(r"(?<!\s)\s*\./\.\s*$")  # the "./." ending the body

TODO = "TODO"
UNREAD = "chua-doc"  # the rule of a warning about structure the document holds that was not read


@dataclass
class ImportResult:
    data: dict
    comments: dict = field(default_factory=dict)  # YAML path → comment lines
    header: list[str] = field(default_factory=list)  # comment lines at the top of the file
    notes: list[Message] = field(default_factory=list)  # levels "guess", "warning", "info"
    todos: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    word_comments: list[str] = field(default_factory=list)  # "tác giả: nội dung (tại ...)"


class State:
    def __init__(self, doc: Document, *, plan_id: str, registry: str | None = None,
                 indices: dict[str, str] | None = None):
        self.doc = doc
        self.plan_id = plan_id
        self.forced_registry = registry
        self.forced_indices = indices
        self.paragraphs: list[Paragraph] = list(doc.paragraphs())  # the zones' positions index this
        self.zones = locate(doc)
        self.notes: list[Message] = []
        self.todos: list[str] = []
        self.obj_comments: dict[int, list[str]] = {}  # id(value in the plan data) → its YAML comment lines
        self.body_tables: list[Table] = []
        self.table_sections: dict[int, int | None] = {}  # body table number → the section it sits in
        self.numbering: list[str] | None = None
        self.found_appendices: list = []  # (appendix found, TableImport)
        self.targets_by_criterion: dict[str, dict] = {}
        self.printed_sentences: dict[str, str] = {}  # target id → the sentence the document prints
        self.target_where: dict[str, str] = {}
        self.own_criteria: list[dict] = []  # sub-criteria the body's target sentences name, not in the catalogue
        self.unread_targets: list[tuple[str, str]] = []  # (sentence, where): a number in a target zone, no target
        # learnt on the way (importer.import_document sets them in this order)
        self.all_text = ""
        self.year: int = 0
        self.title_year: int | None = None  # the year the trích yếu names (may differ from the date line's)
        self.place = ""
        self.agencies = None  # AgencyBook of the registry chosen
        self.index_notes: list[str] = []
        self.catalogue = None  # Catalogue of the indices chosen
        self.tables = None  # TableReader
        self.issuer: dict = {}  # the issuer as read from the header (assemble sets it)

    def note(self, level: str, text: str, where: str = "", rule: str = "") -> None:
        self.notes.append(Message(level, text, where, rule=rule))

    def guess(self, text: str, where: str = "", obj=None) -> None:
        self.note("guess", text, where)
        if obj is not None:
            self.obj_comments.setdefault(id(obj), []).append(f"ĐOÁN ({where}): {text}" if where else f"ĐOÁN: {text}")

    def warn(self, text: str, where: str = "", obj=None, rule: str = "") -> None:
        """rule=UNREAD: structure the document clearly holds that was not read (the summary counts them)."""
        self.note("warning", text, where, rule)
        if obj is not None:
            self.obj_comments.setdefault(id(obj), []).append(f"{where}: {text}" if where else text)

    def todo(self, what: str, seen: str = "") -> str:
        self.todos.append(what)
        return f"{TODO}: {what}" + (f" (trong văn bản: {seen})" if seen else "")


def where_of(p: Paragraph) -> str:
    return getattr(p, "where", "") or f"đoạn {p.index + 1}"


def short(text: str, width: int = 80) -> str:
    return text if len(text) <= width else text[:width].rsplit(" ", 1)[0] + " …"
