"""Surgical edits of a YAML plan file, shared by `rollover` and `import --onto`.

The file is edited as text: each change replaces one node's source span (positions from PyYAML's
composer) or inserts/removes whole lines, so comments, key order, quoting, folding and indentation of
everything else stay byte-identical and a reviewer's diff shows only the lines that had to change.
Edits are collected and applied at once (`apply`), back to front, so positions never shift under
each other. A new value is written in the style of the one it replaces (plain, quoted, folded `>-`,
literal `|`) when that style can hold it, checked by reading it back; otherwise double-quoted.

The text is read by the same YAML parser as `validate` (libyaml when installed: it accepts a tab before
a comment, which PyYAML's own scanner refuses). A node's anchor and tag (`&name`, `!!str`) are kept:
only the value after them is replaced. A CRLF file is edited as LF and given back as CRLF.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from generator.core.text import wrap_words
from generator.plan.loader import Loader

WIDTH = 100  # folded text is wrapped like the plans in plans/ are
_PROPERTY = re.compile(r"[&!][^ \t\n]*[ \t]*")  # an anchor or a tag before a node's value


def load(text: str):
    """A YAML text's value, read as `validate` reads it."""
    return yaml.load(text, Loader=Loader)  # noqa: S506 (the safe loader)


@dataclass
class Edit:
    start: int
    end: int
    text: str
    order: int = 0  # insertions at one position keep the order they were made in


def nodes(node: yaml.Node, path: tuple = ()):
    """(path, node) for every node, depth first."""
    yield path, node
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from nodes(value, path + (key.value,))
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            yield from nodes(item, path + (i,))


def get(node: yaml.Node | None, *path):
    """The node at `path` (mapping keys and list indexes), or None."""
    for part in path:
        if isinstance(node, yaml.MappingNode) and isinstance(part, str):
            node = next((v for k, v in node.value if k.value == part), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            node = node.value[part] if 0 <= part < len(node.value) else None
        else:
            return None
        if node is None:
            return None
    return node


def key_node(mapping: yaml.MappingNode, key: str):
    return next((k for k, v in mapping.value if k.value == key), None)


def quoted(value: str, column: int, indent: int) -> str:
    """A double-quoted scalar starting at `column`, folded at spaces so no line passes the house
    width; YAML folds each line break (and the next line's indentation) back into one space.
    Numbers stay plain."""
    if re.fullmatch(r"[0-9]+(\.[0-9]+)?", value):
        return value
    escaped = _double_quoted(value)[1:-1]
    if "" in escaped.split(" "):  # runs of spaces, leading or trailing ones: a fold would eat a space
        return f'"{escaped}"'
    lines = wrap_words(escaped, WIDTH - column - 2, WIDTH - indent - 1)
    return '"' + ("\n" + " " * indent).join(lines) + '"'


def _double_quoted(value: str) -> str:
    out = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    out = re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", lambda m: f"\\x{ord(m.group(0)):02x}", out)
    return f'"{out}"'


def _reads_as(source: str, value, indent: int) -> bool:
    """Does `source`, written as a mapping value at this indentation, read back as `value`?"""
    doc = " " * indent + "k: " + source + "\n"
    try:
        loaded = load(doc)
    except yaml.YAMLError:
        return False
    return isinstance(loaded, dict) and type(loaded.get("k")) is type(value) and loaded.get("k") == value


def _fold(text: str, width: int, first: int) -> list[str] | None:
    """Lines of a folded block for one-line text: breaks only at a single space between two
    non-spaces (each such break folds back into that space)."""
    if "" in text.split(" "):  # runs of spaces or leading/trailing spaces: keep them on one line
        return [text]
    return wrap_words(text, width - first, width - first)


class AliasNode(yaml.ScalarNode):
    """One use of a shared scalar (`*name`): the anchored node's value at the alias' own place. Editing it
    replaces the alias by the new value there only (the anchor and its other uses stay)."""

    def __init__(self, original: yaml.ScalarNode, start_mark, end_mark):
        super().__init__(original.tag, original.value, start_mark, end_mark, style=None)
        self.original = original


def _separate_aliases(src: str, root: yaml.Node | None) -> list[AliasNode]:
    """Give each alias of a scalar its own node (marks of the `*name` text), in place in the tree; the
    composer makes every alias the anchored node itself, so an edit at one use would change them all."""
    if root is None:
        return []
    events = (e for e in yaml.parse(src, Loader=Loader)
              if isinstance(e, (yaml.ScalarEvent, yaml.AliasEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)))
    made: list[AliasNode] = []
    seen: set[int] = set()

    def walk(node):
        """The node for the next event (pre-order, keys included), its alias copy when it is an alias."""
        event = next(events)
        if isinstance(event, yaml.AliasEvent):
            if isinstance(node, yaml.ScalarNode):
                copy = AliasNode(node, event.start_mark, event.end_mark)
                made.append(copy)
                return copy
            return node  # a shared list or mapping (validate refuses them): left shared
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            node.value = [(walk(k), walk(v)) for k, v in node.value]
        elif isinstance(node, yaml.SequenceNode):
            node.value = [walk(item) for item in node.value]
        return node

    walk(root)
    return made


class YamlEditor:
    """Collects edits of one YAML text. Node positions are those of the text as given: look nodes up
    with `get` on `root`, edit, then `apply()` once.

    `aliases`: what an edit of an anchored value (`&name`) does to its uses elsewhere (`*name`): "follow"
    (they share the new value: rollover moves a shared year once for all) or "keep" (each use keeps the
    value it showed, written out where the alias was: a reviewer's edit at one place changes that place)."""

    def __init__(self, text: str, aliases: str = "keep"):
        # a CRLF file (every line), or one of CR alone (old Mac editors; YAML reads CR as a line break), is
        # edited as LF, so that inserted lines match it; apply() gives its endings back
        crlf = "\r\n" in text and text.count("\r\n") == text.count("\n")
        self.ending = "\r\n" if crlf else "\r" if "\r" in text and "\n" not in text else "\n"
        self.src = text.replace(self.ending, "\n") if self.ending != "\n" else text
        self.root = yaml.compose(self.src, Loader=Loader)
        self.aliases = _separate_aliases(self.src, self.root)
        self.keep_aliases = aliases == "keep"
        self.edits: list[Edit] = []  # insertions and deletions of lines
        self.spans: dict[int, tuple[int, int, str]] = {}  # node → (start, end, new source text)
        self._order = 0

    # ---------------------------------------------------------------- positions

    def line_start(self, index: int) -> int:
        return self.src.rfind("\n", 0, index) + 1

    def line_end(self, index: int) -> int:
        """Index just after the newline ending the line that holds `index`."""
        end = self.src.find("\n", index)
        return len(self.src) if end < 0 else end + 1

    def start(self, node: yaml.Node) -> int:
        """Index of the node's value: after its anchor and tag (`&name !!str`), which an edit keeps."""
        index = node.start_mark.index
        while index < len(self.src) and self.src[index] in "&!":
            index = _PROPERTY.match(self.src, index).end()
        return index

    def column(self, node: yaml.Node) -> int:
        """Column of the node's value (after its anchor and tag)."""
        index = self.start(node)
        return index - self.line_start(index)

    def line_of(self, node: yaml.Node) -> int:
        """1-based line of a node (for messages)."""
        return node.start_mark.line + 1

    def content_end(self, node: yaml.Node) -> int:
        """Index just after the last line that holds the node's own content (trailing comments and
        blank lines that PyYAML counts into block nodes excluded)."""
        last = node
        while isinstance(last, (yaml.MappingNode, yaml.SequenceNode)) and last.value and not last.flow_style:
            last = last.value[-1][1] if isinstance(last, yaml.MappingNode) else last.value[-1]
        end = last.end_mark.index
        if isinstance(last, yaml.ScalarNode) and last.style in ("|", ">"):
            # block scalars end after their trailing line breaks: back up to the last text
            end = len(self.src[:end].rstrip("\n ")) if self.src[:end].strip() else end
        elif end and self.src[end - 1] == "\n":
            return end
        return self.line_end(max(end - 1, 0))

    def item_start(self, seq: yaml.SequenceNode, index: int) -> int:
        """Start of the line of the '-' of item `index` of a block sequence."""
        item = seq.value[index]
        dash = self.src.rfind("-", 0, item.start_mark.index)
        return self.line_start(dash)

    def dash_column(self, seq: yaml.SequenceNode) -> int:
        item = seq.value[0]
        dash = self.src.rfind("-", 0, item.start_mark.index)
        return dash - self.line_start(dash)

    # ---------------------------------------------------------------- scalars

    def raw(self, node: yaml.Node) -> str:
        """The node's source text, with the changes made to it so far."""
        span = self.spans.get(id(node))
        return span[2] if span else self.src[self.start(node):node.end_mark.index]

    def replace_span(self, node: yaml.Node, text: str) -> None:
        """Replace exactly the span the composer gives the node (for a block scalar that includes
        the line breaks after it)."""
        self.spans[id(node)] = (self.start(node), node.end_mark.index, text)

    def replace_node(self, node: yaml.Node, text: str) -> None:
        """Replace a node's source text by `text` (YAML source); a block scalar's trailing line
        breaks stay."""
        start, end = self.start(node), node.end_mark.index
        if isinstance(node, yaml.ScalarNode) and node.style in ("|", ">"):
            # keep the line breaks and blank lines after a block scalar (they belong to the layout)
            body = self.src[start:end]
            end = start + len(body.rstrip("\n"))
            text = text.rstrip("\n")
        self.spans[id(node)] = (start, end, text)

    def scalar_source(self, value, like: yaml.ScalarNode | None = None, indent: int | None = None) -> str:
        """Source text for `value` (str, or a number) in the style of `like` when possible."""
        if not isinstance(value, str):
            return str(value)
        if indent is None:
            indent = self.column(like) if like is not None else 0
            if like is not None and like.style in ("|", ">"):
                # a block scalar's column is its indicator's; its key is what sets the indentation
                indent = self.key_column(like)
        style = like.style if like is not None else None
        candidates = []
        if style in (">", "|"):
            header = self.src[self.start(like):self.line_end(like.start_mark.index)].rstrip("\n")
            body_line = self.src[self.line_end(like.start_mark.index):like.end_mark.index]
            body_indent = len(body_line) - len(body_line.lstrip(" ")) if body_line.strip() else indent + 2
            pad = " " * body_indent
            if style == ">" and "\n" not in value:
                lines = _fold(value, WIDTH, body_indent)
                candidates.append(header + "\n" + "\n".join(pad + line for line in lines))
            elif style == "|":
                lines = value.split("\n")
                candidates.append(header + "\n" + "\n".join(pad + line if line else "" for line in lines))
        elif style == "'":
            candidates.append("'" + value.replace("'", "''") + "'")
        elif style == '"':
            candidates.append(_double_quoted(value))
        if style in (None, "", "plain") or style is None:
            candidates.append(value)
        candidates.append(_double_quoted(value))
        for candidate in candidates:
            if candidate.startswith((">", "|")):
                # a block scalar is checked on its own, its body moved to column 2 (what matters is
                # that its lines read back as the value, not where its key sits)
                head, _, body = candidate.partition("\n")
                cut = min((len(line) - len(line.lstrip(" ")) for line in body.split("\n") if line.strip()),
                          default=0)
                check = head + "\n" + "\n".join("  " + line[cut:] if line.strip() else "" for line in body.split("\n"))
                if _reads_as(check + "\n", value, 0):
                    return candidate
            elif _reads_as(candidate, value, indent):
                return candidate
        return _double_quoted(value)

    def key_column(self, node: yaml.Node) -> int:
        """Indentation of the line that holds the node's start (its key's column)."""
        start = self.line_start(node.start_mark.index)
        line = self.src[start:node.start_mark.index]
        stripped = line.lstrip(" ")
        col = len(line) - len(stripped)
        return col + 2 if stripped.startswith("- ") else col

    def set_scalar(self, node: yaml.ScalarNode, value) -> None:
        """Give a scalar a new value, keeping its style where it can hold the value."""
        self.replace_node(node, self.scalar_source(value, node))

    # ---------------------------------------------------------------- lines

    def insert_before_line(self, node: yaml.Node, lines: list) -> None:
        """Insert lines just above the line of `node` (a mapping key), at that key's indentation. A
        line given as (prefix, value) ends in `value` as a quoted scalar folded to the house width."""
        line_start = self.line_start(node.start_mark.index)
        column = node.start_mark.column
        out = []
        for line in lines:
            if isinstance(line, tuple):
                prefix, value = line
                nested = len(prefix) - len(prefix.lstrip(" "))
                line = prefix + quoted(value, column + len(prefix), column + nested + 2)
            out.append(" " * column + line + "\n")
        self.insert_at(line_start, "".join(out))

    def continuation_indent(self, node: yaml.Node) -> int:
        """Indentation for continuation lines of a scalar: two more than its key's column."""
        line_start = self.line_start(node.start_mark.index)
        line = self.src[line_start:node.start_mark.index]
        stripped = line.lstrip(" ")
        while stripped.startswith("- "):
            stripped = stripped[2:].lstrip(" ")
        return len(line) - len(stripped) + 2

    def insert_at(self, index: int, text: str) -> None:
        self._order += 1
        self.edits.append(Edit(index, index, text, self._order))

    def _value_lines(self, value, indent: int) -> list[str]:
        """Block YAML lines for a str, number, list or dict value placed after 'key:' or '- '
        (the first line continues that line; the others are indented)."""
        pad = " " * indent
        if isinstance(value, dict):
            out = []
            for i, (key, item) in enumerate(value.items()):
                sub = self._value_lines(item, indent + 2)
                if isinstance(item, dict) and item:  # a mapping under a key starts on the next line
                    sub = ["", " " * (indent + 2) + sub[0], *sub[1:]]
                first = (f"{key}:" + (" " + sub[0] if sub[0] else ""))
                out.append(first if i == 0 else pad + first)
                out += sub[1:]
            return out
        if isinstance(value, list):
            if not value:
                return ["[]"]
            out = [""]
            for item in value:
                sub = self._value_lines(item, indent + 2)
                out.append(pad + "- " + sub[0])
                out += sub[1:]
            return out
        return [self.scalar_source(value, indent=indent)]

    def item_text(self, value, dash_col: int) -> str:
        """A whole list item ('- ...' lines with a final newline) at this dash column."""
        lines = self._value_lines(value, dash_col + 2)
        if isinstance(value, list):
            raise ValueError("a list item that is itself a list is not written by this editor")
        return " " * dash_col + "- " + lines[0] + "\n" + "".join(line + "\n" for line in lines[1:])

    def insert_item(self, seq: yaml.SequenceNode, index: int, value) -> None:
        """Insert `value` as item `index` of a block sequence (0 = first; len = after the last)."""
        if seq.flow_style or not seq.value:
            raise ValueError("only non-empty block lists get new items in place")
        col = self.dash_column(seq)
        text = self.item_text(value, col)
        if index < len(seq.value):
            self.insert_at(self.item_start(seq, index), text)
        else:
            self.insert_at(self.content_end(seq.value[-1]), text)

    def delete_item(self, seq: yaml.SequenceNode, index: int) -> Edit:
        """Remove item `index` of a block sequence, its lines and nothing else (comments above it
        stay: they may speak of more than that item). Returns the edit (`cancel` takes it back)."""
        start = self.item_start(seq, index)
        end = self.content_end(seq.value[index])
        edit = Edit(start, end, "")
        self.edits.append(edit)
        return edit

    def cancel(self, edit: Edit) -> None:
        self.edits = [e for e in self.edits if e is not edit]

    def delete_key(self, mapping: yaml.MappingNode, key: str) -> None:
        """Remove `key:` and its value's lines from a block mapping."""
        for k, v in mapping.value:
            if k.value == key:
                self.edits.append(Edit(self.line_start(k.start_mark.index), self.content_end(v), ""))
                return
        raise KeyError(key)

    def insert_key(self, mapping: yaml.MappingNode, key: str, value, after: str | None = None) -> None:
        """Add `key: value` to a block mapping, after the key `after` (default: at the end)."""
        keys = [k for k, _ in mapping.value]
        col = keys[0].start_mark.column
        anchor = next((v for k, v in mapping.value if k.value == after), None) if after else None
        anchor = anchor if anchor is not None else mapping.value[-1][1]
        lines = self._value_lines(value, col + 2)
        text = " " * col + f"{key}:" + (" " + lines[0] if lines[0] else "") + "\n"
        text += "".join(line + "\n" for line in lines[1:])
        self.insert_at(self.content_end(anchor), text)

    def set_list(self, node: yaml.SequenceNode, values: list) -> None:
        """Replace a list of scalars, keeping it flow ('[a, b]') or block as it was."""
        if node.flow_style or not node.value:
            self.replace_node(node, "[" + ", ".join(self.scalar_source(v, indent=0) for v in values) + "]")
            return
        col = self.dash_column(node)
        start = self.src.rfind("-", 0, node.value[0].start_mark.index)
        end = self.content_end(node.value[-1])
        text = "".join(self.item_text(v, col) for v in values)[col:]
        self.edits.append(Edit(start, end, text))

    # ---------------------------------------------------------------- result

    def apply(self) -> str:
        if self.keep_aliases:
            for use in self.aliases:  # the anchored value changed, this use did not: it keeps what it showed
                if id(use.original) in self.spans and id(use) not in self.spans:
                    self.replace_span(use, self.scalar_source(use.original.value, indent=self.column(use)))
        out = self.src
        edits = self.edits + [Edit(start, end, text) for start, end, text in self.spans.values()]
        # back to front; at one position, later insertions go first so that they end up after
        for edit in sorted(edits, key=lambda e: (e.start, e.end, e.order), reverse=True):
            out = out[:edit.start] + edit.text + out[edit.end:]
        return out.replace("\n", self.ending) if self.ending != "\n" else out
