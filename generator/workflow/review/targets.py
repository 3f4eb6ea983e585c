"""A generated target sentence edited: its `wording` when the plan writes one, else the numbers the
reviewer changed, traced to the target fields they show (each field set to a sentinel in turn and
looked for among the sentence's numbers) and the sentence computed again to check."""
from __future__ import annotations

import re
from decimal import Decimal

from generator.core.text import number, parse_number, squash
from generator.plan.model import Target
from generator.workflow.review.writer import Revision, Writer, yaml_number

NUMBER = re.compile(r"\d+(?:[.,]\d+)*")  # a number as a target sentence prints it ('5,7', '1.250')
FIELDS = [("target",), ("max",), ("baseline", "value"), ("baseline", "rank"), ("baseline", "of"),
          ("baseline", "year"), ("change", "by")]


def edit_target(w: Writer, rev: Revision, sentence) -> None:
    """`sentence(builder, path, target)`: the sentence a target prints (the forms table's encoding)."""
    path, where, index = rev.path, rev.where, rev.paragraphs
    old, new = squash(rev.old), squash(rev.new)
    target: Target = w.plan.targets[path[1]]
    if target.wording:
        w.set_text(path + ("wording",), new, Revision(path, old, new, where, index))
        return
    if NUMBER.sub("#", old) != NUMBER.sub("#", new):
        w.add("unapplied", "sửa", where, path, old, new,
              "câu chỉ tiêu do kehoach tạo từ số liệu; chỉ sửa được các con số (hoặc viết 'wording')", index)
        return
    positions = number_positions(w, path, target, sentence)
    updates: dict[tuple, Decimal] = {}
    unexplained = []
    for i, (a, b) in enumerate(zip(NUMBER.findall(old), NUMBER.findall(new))):
        if a == b:
            continue
        fields = [f for f, at in positions.items() if at == i]
        value = parse_number(b)
        if fields and value is not None:
            updates[fields[0]] = value
        else:
            unexplained.append(i)
    if not updates:
        w.add("unapplied", "sửa", where, path, old, new,
              "số được tính ra (mức tăng, giảm): hãy sửa chỉ tiêu hoặc kết quả gốc", index)
        return
    for fieldpath, value in updates.items():
        full = path + fieldpath
        node = w.node(full)
        if node is None:
            w.add("unapplied", "sửa", where, full, old, new, "không tìm thấy giá trị trong tệp", index)
            return
        w.editor.replace_node(node, yaml_number(value))
    recomputed = sentence(w.builder, path, with_values(target, updates))
    note = ""
    status = "applied"
    if squash(recomputed) != new:
        note = f"kehoach tính lại câu: “{recomputed}”"
        status = "unapplied" if unexplained else "applied"
        if unexplained:
            note += " (số do kehoach tính ra không theo bản sửa)"
    for fieldpath in updates:
        w.add(status, "sửa", where, path + fieldpath, old, new, note, index)
        status, note = "applied", ""


def with_values(target: Target, updates: dict[tuple, Decimal]) -> Target:
    data = target.model_dump()
    for fieldpath, value in updates.items():
        node = data
        for part in fieldpath[:-1]:
            node = node[part]
        old = node[fieldpath[-1]]
        node[fieldpath[-1]] = int(value) if isinstance(old, int) and value == int(value) else value
    return Target.model_validate(data)


def number_positions(w: Writer, path: tuple, target: Target, sentence) -> dict[tuple, int]:
    """Which number of the sentence shows which field."""
    out: dict[tuple, int] = {}
    for fieldpath in FIELDS:
        holder = target
        for part in fieldpath[:-1]:
            holder = getattr(holder, part, None)
        if holder is None or getattr(holder, fieldpath[-1], None) is None:
            continue
        old = getattr(holder, fieldpath[-1])
        # a number the sentence cannot hold otherwise; a year must stay a year (2000–2100), or the baseline
        # year was never traced and a reviewer's "so với năm 2019" → 2018 was refused as a computed number
        for sentinel in ((Decimal(8765), Decimal(2087)) if isinstance(old, int) else (Decimal("8765.4"),)):
            try:
                printed = sentence(w.builder, path, with_values(target, {fieldpath: sentinel}))
                break
            except ValueError:
                continue
        else:
            continue
        shown = {number(sentinel), str(int(sentinel)) if isinstance(old, int) else number(sentinel)}
        for i, token in enumerate(NUMBER.findall(printed)):
            if token in shown:
                out[fieldpath] = i
                break
    return out
