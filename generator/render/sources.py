"""Source tags: every paragraph, table row and cell that the plan prints carries, invisibly, the name
of the plan value it came from, so that a reviewed .docx can be mapped back to the YAML
(`kehoach import --onto`).

The tags are Word bookmarks (`w:bookmarkStart`/`w:bookmarkEnd`, around the paragraph's text; a row's
and a cell's tags sit in the cell's first paragraph). Bookmarks survive editing and saving in Word
and in LibreOffice Writer, print nothing and do not touch the layout. Content controls would also
survive, but Word draws their frames on screen and LibreOffice turns some into fields.

Naming scheme (documented in generator/docs/review-workflow.md):

    _kh<role><10 hex digits of SHA-1 of the source key>      e.g. _khp3fa9c01b2e   (14 characters)

- `_` first: Word hides such bookmarks from its Bookmark dialog (they are the "hidden bookmarks"
  Word uses itself), so reviewers never see or trip over them; Word limits names to 40 characters.
- role: `p` a paragraph, `r` a table row, `c` a table cell.
- source key: the plan path of the value, with list items that have an `id` named by it, so a tag
  still points at the right item after items were added or moved elsewhere in the plan:
  `tasks[id=t-3].content`, `sections[id=muc-2].content[1].bullets[0].text`, `targets[id=papi]`.
  A value printed more than once gets `~2`, `~3`... on its later occurrences.

The names are not reversible on purpose (short, fixed length, no Vietnamese in XML names): the
reader rebuilds the plan, computes the names of everything it prints (`SourceTags`) and looks them
up. A tag that matches nothing (a plan changed in between, a paragraph copied from another plan) is
simply not used; the paragraph is then matched by its text.
"""
from __future__ import annotations

import gc
from hashlib import sha1
from typing import NamedTuple

from generator.render.context import Context, Source

PREFIX = "_kh"
ROLES = {"p": "paragraph", "r": "row", "c": "cell"}


_FIELDS: dict[int, frozenset] = {}


def _fields(cls: type) -> frozenset:
    """A model class's field names (pydantic's own lookups of these are slow; so is hashing a model
    class, hence the id)."""
    names = _FIELDS.get(id(cls))
    if names is None:
        names = _FIELDS[id(cls)] = frozenset(getattr(cls, "__pydantic_fields__", None) or ())
    return names


def _step(node, part):
    """(key segment, child node) of one path step."""
    if isinstance(part, int):
        item = node[part] if isinstance(node, (list, tuple)) and 0 <= part < len(node) else None
        ident = item.id if "id" in _fields(type(item)) else None
        return (f"[id={ident}]" if isinstance(ident, str) else f"[{part}]"), item
    if isinstance(node, dict):
        child = node.get(part)
    elif part in _fields(type(node)):
        child = getattr(node, part)
    else:
        child = None
    return f".{part}", child


def source_key(plan, path: tuple, cache: dict | None = None) -> str:
    """The stable key of a plan path: list items with an `id` are named by it. `cache` keeps the keys
    of the path's prefixes (the cells of one task share them)."""
    if not path:
        return ""
    if cache is not None and path in cache:
        return cache[path][0]
    if len(path) > 1:
        prefix = path[:-1]
        source_key(plan, prefix, cache)
        key, node = cache[prefix] if cache is not None else _walk(plan, prefix)
    else:
        key, node = "", plan
    segment, child = _step(node, path[-1])
    key = key + (segment[1:] if not key and segment.startswith(".") else segment)
    if cache is not None:
        cache[path] = (key, child)
    return key


def _walk(plan, path: tuple):
    key, node = "", plan
    for part in path:
        segment, node = _step(node, part)
        key += segment[1:] if not key and segment.startswith(".") else segment
    return key, node


def bookmark_name(role: str, key: str) -> str:
    return PREFIX + role + sha1(key.encode("utf-8")).hexdigest()[:10]


def is_tag(name: str) -> bool:
    return name.startswith(PREFIX) and len(name) == len(PREFIX) + 11 and name[len(PREFIX)] in ROLES


class Tag(NamedTuple):
    name: str
    role: str  # p, r, c
    key: str
    source: Source
    where: tuple  # ("body", i) | ("title", t) | ("row", t, r) | ("cell", t, r, c) | ("fixed", name)


class SourceTags:
    """The bookmark names of one built plan, by position in the Context: body paragraph i, appendix
    table t's title, row r of table t, cell c of that row. Renderers ask by position; the importer
    asks by name (`by_name`)."""

    def __init__(self, ctx: Context):
        self.plan = ctx.plan
        self._keys: dict[tuple, tuple] = {}
        self._seen: dict[str, int] = {}
        self.tags: list[Tag] = []
        self._at: dict[tuple, Tag] = {}
        # many thousands of small objects: the cyclic GC would run over the whole plan again and
        # again (they hold no cycles)
        gc_was_enabled = gc.isenabled()
        gc.disable()
        try:
            add = self._add
            for i, para in enumerate(ctx.body):
                add("p", para.source, ("body", i))
            for t, table in enumerate(ctx.tables):
                add("p", table.title_source, ("title", t))
                for r, row in enumerate(table.rows):
                    add("r", row.source, ("row", t, r))
                    for c, cell in enumerate(row.cells):
                        if cell.source is not None:
                            add("c", cell.source, ("cell", t, r, c))
            for name, path in (("title", ("title",)), ("signer", ("signer", "name"))):
                add("p", Source(path), ("fixed", name))
        finally:
            if gc_was_enabled:
                gc.enable()
        self.by_name = {tag.name: tag for tag in self.tags}

    def _add(self, role: str, source: Source | None, where: tuple) -> None:
        if source is None:
            return
        keys = self._keys
        path = source.path
        key = keys[path][0] if path in keys else source_key(self.plan, path, keys)
        seen = self._seen.get(role + key, 0) + 1
        self._seen[role + key] = seen
        if seen > 1:
            key += f"~{seen}"
        tag = Tag(PREFIX + role + sha1(key.encode("utf-8")).hexdigest()[:10], role, key, source, where)
        self.tags.append(tag)
        self._at[where] = tag

    def at(self, *where) -> str | None:
        tag = self._at.get(where)
        return tag.name if tag else None

    def tag_at(self, *where) -> Tag | None:
        return self._at.get(where)
