"""The three-way merge of `import --onto`: the plan recorded in the reviewed .docx (base), that plan with
the reviewer's edits applied (theirs: the review of the document against the document the reviewer
saw) and the plan file as it is now (ours: it may have changed since the build, e.g. by another
reviewer's file).

On the YAML lines, as `git merge` does, with one rule of kehoach's: a change of any line of a value
that spans several lines (a folded or literal block) is a change of the whole value, so two edits of
one field always meet. A place changed on one side only takes that side; changed alike on both
sides, it is taken once (applying the same file twice changes nothing); changed differently on both
sides, it is a conflict: the plan's version is kept there and the conflict is reported with both
texts. Everything else is applied (the caller reports the conflicts and exits 1)."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

import yaml

from generator.workflow.review.linediff import opcodes


@dataclass
class Hunk:
    start: int  # base lines [start, end) replaced by `lines` on one side
    end: int
    lines: list[str]
    side: str  # "theirs" (the reviewer) | "ours" (the plan now)
    span: tuple[int, int] = (0, 0)  # [start, end) widened to whole multi-line values


@dataclass
class Group:
    """Hunks of both sides that meet, over base lines [start, end)."""

    start: int
    end: int
    hunks: list[Hunk] = field(default_factory=list)
    status: str = ""  # theirs | ours | same | conflict
    theirs: list[str] = field(default_factory=list)
    ours: list[str] = field(default_factory=list)


@dataclass
class Merged:
    text: str
    groups: list[Group]
    base_lines: list[str]
    out_line: list[int]  # base line index → line index in the merged text (its place)

    @property
    def conflicts(self) -> list[Group]:
        return [g for g in self.groups if g.status == "conflict"]

    def group_at(self, line: int) -> Group | None:
        """The group holding base line `line` (1-based), or an insertion right at it."""
        i = line - 1
        for g in self.groups:
            if g.start <= i < g.end or (g.start == g.end and i in (g.start - 1, g.start)):
                return g
        return None

    def unchanged_share(self) -> float:
        """Share of the base lines the plan file still has unchanged (1.0: not changed at all)."""
        ours = sum(h.end - h.start for g in self.groups for h in g.hunks if h.side == "ours")
        return 1 - ours / max(len(self.base_lines), 1)


def _hunks(base: list[str], other: list[str], side: str) -> list[Hunk]:
    return [Hunk(i1, i2, other[j1:j2], side) for op, i1, i2, j1, j2 in opcodes(base, other) if op != "equal"]


def compose(text: str) -> yaml.Node | None:
    """The node tree, for naming a conflict's value: libyaml's parser when PyYAML has it."""
    return yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


_BLOCK = re.compile(r"(?:^\s*-|:)\s+[|>][-+0-9]*\s*(?:#.*)?$")
_STRUCTURE = re.compile(r"^\s*(?:-(?:\s|$)|[^\s#'\"][^#]*?:(?:\s|$)|#)")
_KEY = re.compile(r"[^\s#'\"-][^#]*?:(?:\s|$)")
_OPENS_VALUE = re.compile(r"^\s*(?:-\s+|[^\s#'\"][^#]*?:\s+)(?![&*!|>#\[{])\S")


def value_spans(text: str) -> list[tuple[int, int]]:
    """[first, last + 1) line indexes of every value written over more than one line: a block
    scalar (`key: |`, `- >-`) with its more-indented lines, or a plain or quoted value continued on
    more-indented lines that are not keys or items. Read from the text, line by line (composing a
    plan of several MB with PyYAML takes minutes); tests check it against PyYAML on the corpus."""
    lines = text.split("\n")
    spans = []
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            i += 1
            continue
        # the value's lines are indented past its parent: the key's column, or an item's dash
        indent = len(line) - len(line.lstrip(" "))
        if line.lstrip(" ").startswith("- "):
            inner = line.lstrip(" ")[2:]
            if _KEY.match(inner.lstrip(" ")):  # '- key: value': the key's column
                indent += 2 + len(inner) - len(inner.lstrip(" "))
        block = bool(_BLOCK.search(line))
        if not block and not _OPENS_VALUE.match(line):
            i += 1
            continue
        j = i + 1
        last = i
        while j < len(lines):
            nxt = lines[j]
            if not nxt.strip():
                j += 1
                continue
            nxt_indent = len(nxt) - len(nxt.lstrip(" "))
            if nxt_indent <= indent or (not block and _STRUCTURE.match(nxt)):
                break
            last = j
            j += 1
        if last > i:
            spans.append((i, last + 1))
        i = last + 1
    return spans


def _widen(h: Hunk, spans: list[tuple[int, int]], starts: list[int]) -> None:
    s, e = h.start, h.end
    i = bisect.bisect_right(starts, max(e, s + 1)) - 1
    while i >= 0 and spans[i][1] > s - (1 if s == e else 0):
        ss, se = spans[i]
        inside = ss < s < se if s == e else ss < e and s < se
        if inside:
            s, e = min(s, ss), max(e, se)
        i -= 1
    h.span = (s, e)


def _meets(g: Group, h: Hunk) -> bool:
    s, e = h.span
    # lines added right where the other side removed lines (a list removed with its last item, a new
    # item at its end): which one was meant cannot be told
    if s == e and any(not o.lines and o.side != h.side and s in o.span for o in g.hunks):
        return True
    if not h.lines and s < e and any(o.start == o.end and o.side != h.side and o.start in (s, e) for o in g.hunks):
        return True
    if g.start == g.end and s == e:
        return s == g.start
    if g.start == g.end:
        return s < g.start < e
    if s == e:
        return g.start < s < g.end
    return s < g.end and g.start < e


def _version(g: Group, base: list[str], side: str) -> list[str]:
    out, i = [], g.start
    for h in sorted((h for h in g.hunks if h.side == side), key=lambda h: (h.start, h.end)):
        out += base[i:h.start] + h.lines
        i = h.end
    return out + base[i:g.end]


def merge3(base: str, theirs: str, ours: str) -> Merged:
    base_lines = base.splitlines(keepends=True)
    hunks = _hunks(base_lines, theirs.splitlines(keepends=True), "theirs") + \
        _hunks(base_lines, ours.splitlines(keepends=True), "ours")
    # whole values matter only where both sides changed something (else nothing can meet)
    spans = value_spans(base) if len({h.side for h in hunks}) == 2 else []
    starts = [s for s, _ in spans]
    for h in hunks:
        _widen(h, spans, starts)
    hunks.sort(key=lambda h: (h.span, h.side))
    groups: list[Group] = []
    for h in hunks:
        if groups and _meets(groups[-1], h):
            g = groups[-1]
            g.start, g.end = min(g.start, h.span[0]), max(g.end, h.span[1])
        else:
            g = Group(*h.span)
            groups.append(g)
        g.hunks.append(h)
    out: list[str] = []
    out_line = [0] * (len(base_lines) + 1)
    i = 0
    for g in groups:
        for k in range(i, g.start):
            out_line[k] = len(out)
            out.append(base_lines[k])
        sides = {h.side for h in g.hunks}
        g.theirs, g.ours = _version(g, base_lines, "theirs"), _version(g, base_lines, "ours")
        if sides == {"theirs"}:
            g.status, chosen = "theirs", g.theirs
        elif sides == {"ours"}:
            g.status, chosen = "ours", g.ours
        elif g.theirs == g.ours:
            g.status, chosen = "same", g.ours
        else:
            g.status, chosen = "conflict", g.ours
        for k in range(g.start, g.end):
            out_line[k] = len(out)
        out += chosen
        i = max(i, g.end)
    for k in range(i, len(base_lines)):
        out_line[k] = len(out)
        out.append(base_lines[k])
    out_line[len(base_lines)] = len(out)
    return Merged("".join(out), groups, base_lines, out_line)


def path_at(root: yaml.Node | None, line: int) -> tuple:
    """The plan path (keys and list indexes) of the innermost value whose lines hold base line `line`
    (0-based), for naming a conflict."""
    path: list = []
    node = root
    while node is not None:
        nxt = None
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                if k.start_mark.line <= line and (line < v.end_mark.line or (
                        line == v.end_mark.line and v.end_mark.column > 0) or k.start_mark.line == line):
                    nxt = (k.value, v)
        elif isinstance(node, yaml.SequenceNode):
            for idx, v in enumerate(node.value):
                if v.start_mark.line <= line:
                    nxt = (idx, v)
        if nxt is None:
            break
        path.append(nxt[0])
        node = nxt[1]
    return tuple(path)
