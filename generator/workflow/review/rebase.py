"""The reviewer's edits, found against the plan the document was built from (base), carried onto the
plan file as it is now (merge.py), and the report brought in line: an edit the plan already has is
said to be there, an edit the plan changed differently since is a conflict naming the plan value, and
plan lines are those of the merged file."""
from __future__ import annotations

from dataclasses import replace

import yaml

from generator.core.messages import Message
from generator.plan.loader import format_path
from generator.render.sources import source_key
from generator.workflow.review.merge import Group, Merged, compose, merge3, path_at
from generator.workflow.review.result import OntoResult, Outcome, outcome, short

ALREADY = "đã có trong tệp kế hoạch (đưa vào từ trước)"


def _text(lines: list[str]) -> str:
    return " / ".join(line.strip() for line in lines if line.strip())


def _key(plan, root, line: int, list_only: bool = False) -> tuple[str, tuple]:
    path = path_at(root, line)
    if list_only:  # lines added between items: the list, not the item after them
        ints = [i for i, part in enumerate(path) if isinstance(part, int)]
        path = path[:ints[-1]] if ints else path
    try:
        return source_key(plan, path) or format_path(path), path
    except (KeyError, IndexError, AttributeError, TypeError, ValueError):
        return format_path(path), path


def rebase(reviewed: OntoResult, base: str, current: str, base_plan) -> OntoResult:
    """`reviewed`: the review against the base plan (its text is base + the reviewer's edits)."""
    merged = merge3(base, reviewed.text, current)
    try:
        root = compose(base) if merged.conflicts else None
    except yaml.YAMLError:
        root = None
    theirs = [g for g in merged.groups if any(h.side == "theirs" for h in g.hunks)]
    whole_review_there = bool(theirs) and all(g.status == "same" for g in theirs)
    items, told = [], set()
    for m in reviewed.items:
        o: Outcome = m.detail
        group = _group_of(m, merged, theirs)
        m = _relined(m, merged)
        if o.status == "applied" and (whole_review_there or group is not None and group.status == "same"):
            m = replace(m, level="info", detail=replace(o, status="ignored", note=ALREADY))
        elif o.status == "applied" and group is not None and group.status == "conflict":
            m = replace(m, level="warning", detail=replace(o, status="conflict", note=_note(group, merged, base_plan,
                                                                                            root)))
            told.add(id(group))
        items.append(m)
    for g in merged.conflicts:
        if id(g) not in told:
            items.append(_conflict(g, merged, reviewed, base_plan, root))
    return replace(reviewed, text=merged.text, changed=merged.text != current, items=items,
                   comments=[_relined(m, merged) for m in reviewed.comments],
                   changes=[_relined(m, merged) for m in reviewed.changes])


def _squashed(lines: list[str]) -> str:
    return " ".join(" ".join(lines).split())


def _group_of(m: Message, merged: Merged, theirs: list[Group]) -> Group | None:
    """The merge group holding the reviewer's edit behind an item: by the plan line of its value, else
    (a new item: its line is its list's) the reviewer's group whose lines hold its text."""
    group = merged.group_at(m.line) if m.line else None
    if group is not None and any(h.side == "theirs" for h in group.hunks):
        return group
    o: Outcome = m.detail
    text = " ".join((o.new if o.what == "thêm" else "").split())
    if o.what == "thêm" and text:
        body = text.lstrip("-+•– ").strip()
        for g in theirs:
            if body and body in _squashed(g.theirs) and body not in _squashed(merged.base_lines[g.start:g.end]):
                return g
    return group


def _relined(m: Message, merged: Merged) -> Message:
    if not m.line:
        return m
    return replace(m, line=merged.out_line[min(m.line - 1, len(merged.base_lines))] + 1)


def _note(g: Group, merged: Merged, plan, root) -> str:
    added = g.start == g.end
    key, _ = _key(plan, root, g.start if added else min(g.end - 1, g.start), list_only=added)
    done = f"đã thêm vào {key or 'danh sách'} đúng chỗ này" if added else f"đã sửa {key or 'chỗ này'}"
    return (f"kế hoạch {done} từ khi build: nay là “{short(_text(g.ours) or '(đã bỏ)', 120)}”"
            + f", người duyệt sửa thành “{short(_text(g.theirs) or '(bỏ)', 120)}”; đã giữ bản của kế hoạch, "
              "hãy chọn một trong hai và sửa tệp kế hoạch bằng tay")


def _conflict(g: Group, merged: Merged, reviewed: OntoResult, plan, root) -> Message:
    key, _ = _key(plan, root, g.start if g.end == g.start else min(g.end - 1, g.start), list_only=g.start == g.end)
    return outcome("conflict", "xung đột", "(tệp kế hoạch)", reviewed.plan_file, key, merged.out_line[g.start] + 1,
                   _text(g.ours) or "(đã bỏ)", _text(g.theirs) or "(bỏ)", _note(g, merged, plan, root))
