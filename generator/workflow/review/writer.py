"""The plan side of the review: the YAML being edited (through yamledit, so only the changed values'
lines change) and the record of every difference found and what became of it."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import yaml

from generator.core.messages import Message
from generator.plan.agencies import Agencies
from generator.plan.model import Plan
from generator.render.context import Builder
from generator.render.sources import source_key
from generator.workflow.review.result import outcome
from generator.workflow.yamledit import YamlEditor, get


@dataclass(frozen=True)
class Revision:
    """One printed value the reviewer changed."""

    path: tuple | None  # the plan value it was printed from (Source.path)
    old: str  # as the build printed it (a paragraph's label left out)
    new: str  # as the reviewer left it
    where: str  # "đoạn 12", "bảng 1, hàng 3, ô 2"
    paragraphs: tuple = ()  # the reviewed paragraphs it accounts for
    cell: bool = False  # a table cell (else a paragraph)
    column: str = ""  # a cell's column key


def yaml_number(value: Decimal) -> str:
    return format(value, "f")


class Writer:
    def __init__(self, src: str, plan: Plan, plan_display: str):
        self.src, self.plan, self.plan_display = src, plan, plan_display
        self.editor = YamlEditor(src)
        self.builder = Builder(plan)
        self.agencies = Agencies(plan)
        self.items: list[Message] = []
        self.handled: set[int] = set()  # reviewed paragraph indexes already accounted for
        self.new_ids: set[str] = set()
        self.removed: dict[tuple, dict] = {}  # list path → item index → its deletion (see remove_item)
        self.grown: dict[tuple, int] = {}  # list path → items added to it (a list that gets new items stays)
        self.emptied: dict[tuple, object] = {}  # list path → the deletion of its key (every item of it gone)
        self.new_keys: dict[tuple, tuple[object, list]] = {}  # (mapping path, key) → (its insertion, items)
        self.item_of: dict[int, int] = {}  # reviewed paragraph index → its item in `items`

    # ---------------------------------------------------------------- where a value is

    def node(self, path: tuple):
        return get(self.editor.root, *path)

    def line(self, path: tuple) -> int | None:
        """The YAML line of a value, or of the nearest value above it that the file has."""
        node = self.node(path)
        while node is None and path:
            path = path[:-1]
            node = self.node(path)
        return self.editor.line_of(node) if node is not None else None

    def key(self, path: tuple) -> str:
        return source_key(self.plan, path)

    def value(self, path: tuple) -> str:
        node = self.node(path)
        return node.value if isinstance(node, yaml.ScalarNode) else ""

    def refs(self, path: tuple) -> list[str]:
        node = self.node(path)
        if isinstance(node, yaml.SequenceNode):
            return [item.value for item in node.value if isinstance(item, yaml.ScalarNode)]
        return []

    # ---------------------------------------------------------------- the record

    def add(self, status: str, what: str, where: str, path: tuple | None = None, old: str = "", new: str = "",
            note: str = "", paragraphs: tuple = ()) -> None:
        self.items.append(outcome(status, what, where, self.plan_display, self.key(path) if path else "",
                                  self.line(path) if path else None, old, new, note))
        self.handled.update(paragraphs)
        for index in paragraphs:
            self.item_of[index] = len(self.items) - 1

    # ---------------------------------------------------------------- edits

    def set_text(self, path: tuple, value: str, rev: Revision) -> None:
        """Write a text value; the item shows the reviewer's text."""
        node = self.node(path)
        if node is None:
            parent = self.node(path[:-1])
            if isinstance(parent, yaml.MappingNode) and isinstance(path[-1], str):
                self.editor.insert_key(parent, path[-1], value)
                self.add("applied", "sửa", rev.where, path, rev.old, rev.new, paragraphs=rev.paragraphs)
                return
            self.add("unapplied", "sửa", rev.where, path, rev.old, rev.new, "không tìm thấy giá trị trong tệp",
                     rev.paragraphs)
            return
        if not isinstance(node, yaml.ScalarNode):
            self.add("unapplied", "sửa", rev.where, path, rev.old, rev.new, "giá trị không phải một đoạn chữ",
                     rev.paragraphs)
            return
        self.editor.set_scalar(node, value)
        self.add("applied", "sửa", rev.where, path, rev.old, rev.new, paragraphs=rev.paragraphs)

    def new_id(self, base: str) -> str:
        taken = {t.id for t in self.plan.tasks} | self.new_ids
        for a in self.plan.appendices:
            taken |= {r.id for r in getattr(a, "rows", [])}
        n = 1
        while f"{base}-moi-{n}" in taken:
            n += 1
        self.new_ids.add(f"{base}-moi-{n}")
        return f"{base}-moi-{n}"

    def insert_item(self, list_path: tuple, index: int, value) -> None:
        """Add `value` as item `index` of the block list at `list_path` (in the plan as read)."""
        self.editor.insert_item(self.node(list_path), index, value)
        self.grown[list_path] = self.grown.get(list_path, 0) + 1

    def insert_list(self, owner_path: tuple, key: str, value) -> None:
        """A new list `key: [value]` in the mapping at `owner_path`; a second value for the same new
        list joins it (never two `key:` lines)."""
        edit, values = self.new_keys.get((owner_path, key), (None, []))
        if edit is not None:
            self.editor.cancel(edit)
        values = values + [value]
        self.editor.insert_key(self.node(owner_path), key, values)
        self.new_keys[(owner_path, key)] = (self.editor.edits[-1], values)

    def remove_item(self, list_path: tuple, index: int) -> None:
        """Delete a list item; a list left empty goes with its key ('bullets' with its block). A list
        that also gets new items (a paragraph typed again in another form) is never left empty."""
        seq = self.node(list_path)
        gone = self.removed.setdefault(list_path, {})
        if len(gone) + 1 < len(seq.value) + self.grown.get(list_path, 0):
            gone[index] = self.editor.delete_item(seq, index)
            return
        # the last one: the item deletions of this list give way to removing the list itself
        for edit in gone.values():
            self.editor.cancel(edit)
        owner = self.node(list_path[:-1])
        if list_path[-1] == "bullets" and isinstance(list_path[-2], int):
            self.remove_item(list_path[:-1][:-1], list_path[-2])  # the whole '- bullets:' block
        elif isinstance(owner, yaml.MappingNode) and list_path[-1] in ("content", "bullets", "preamble",
                                                                          "legal_bases", "funding"):
            self.editor.delete_key(owner, list_path[-1])
            self.emptied[list_path] = self.editor.edits[-1]
        else:
            self.editor.delete_item(seq, index)  # left to validation to report
