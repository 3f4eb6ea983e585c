"""Agency names as printed (display names joined by a separator) read back into the plan's references:
by id where the plan writes ids, else by name; names the registry does not know are kept as written."""
from __future__ import annotations

import yaml

from generator.plan.agencies import ID_LIKE, Agencies
from generator.workflow.review.writer import Revision, Writer


def set_agencies(w: Writer, path: tuple, text: str, sep: str, rev: Revision, paragraphs: tuple) -> None:
    node = w.node(path)
    current = w.refs(path)
    shown = {w.agencies.display(r): r for r in current}
    names = split_agencies(w.agencies, text, sep, shown)
    uses_ids = bool(current) and all(ID_LIKE.match(r) and r in w.agencies.by_id for r in current)
    refs, unknown = [], []
    for name in names:
        if name in shown:
            refs.append(shown[name])
            continue
        agency = w.agencies.resolve(name)
        if agency is None:
            unknown.append(name)
            refs.append(name)
        elif uses_ids and agency.name == name:
            refs.append(agency.id)
        else:
            refs.append(name)
    note = ("không có trong danh mục cơ quan, ghi nguyên văn: " + "; ".join(unknown)) if unknown else ""
    where, old = rev.where, rev.old
    if node is None:
        parent = w.node(path[:-1])
        if isinstance(parent, yaml.MappingNode) and refs:
            w.editor.insert_key(parent, path[-1], refs)
            w.add("applied", "sửa", where, path, old, text, note, paragraphs)
        elif refs:
            w.add("unapplied", "sửa", where, path, old, text, "không tìm thấy giá trị trong tệp", paragraphs)
        return
    if not isinstance(node, yaml.SequenceNode):
        w.add("unapplied", "sửa", where, path, old, text, "giá trị không phải danh sách cơ quan", paragraphs)
        return
    if not refs:
        w.add("unapplied", "bỏ", where, path, old, text, "danh sách cơ quan không được để trống ở đây", paragraphs)
        return
    w.editor.set_list(node, refs)
    w.add("applied", "sửa", where, path, old, text, note, paragraphs)


def split_agencies(agencies: Agencies, text: str, sep: str, shown: dict[str, str]) -> list[str]:
    """Agency names joined by `sep`; a name that itself holds the separator ('Sở Lao động,
    Thương binh và Xã hội') is kept whole: the longest run of parts that names a known agency."""
    parts = [p.strip() for p in text.split(sep.strip())]
    names, i = [], 0
    while i < len(parts):
        for j in range(len(parts), i, -1):
            candidate = (sep.strip() + " ").join(parts[i:j]).strip()
            if j == i + 1 or candidate in shown or agencies.resolve(candidate) is not None:
                if candidate:
                    names.append(candidate)
                i = j
                break
    if sep.strip() == ",":
        return names
    out: list[str] = []
    for name in names:
        # a task's cell joins with '; ', a reviewer types ', ' as in any sentence: split when every piece is known
        pieces = split_agencies(agencies, name, ", ", shown) if name not in shown and "," in name and \
            agencies.resolve(name) is None else [name]
        out += pieces if all(p in shown or agencies.resolve(p) is not None for p in pieces) else [name]
    return out


def agency_ref(w: Writer, name: str) -> str:
    """How the plan writes an agency it names: by id when its tasks do so, else by name."""
    agency = w.agencies.resolve(name)
    refs = [r for t in w.plan.tasks for r in (*t.lead, *t.co)]
    by_id = sum(1 for r in refs if r in w.agencies.by_id)
    if agency is not None and agency.name == name and by_id * 2 > len(refs):
        return agency.id
    return name


def new_refs(w: Writer, cell: str) -> list[str]:
    """The references of a new row's agency cell ('; '-joined, or one a line)."""
    return [agency_ref(w, n.strip()) for n in cell.replace("\n", ";").split(";") if n.strip()]
