"""The tasks appendix: tasks grouped by dimension (group rows, or a merged dimension column), under
criterion headings when asked, numbered flat or hierarchically ("I.2.3"), columns from TASK_COLUMNS."""
from __future__ import annotations

from dataclasses import replace

from generator.nd30.labels import roman
from generator.plan.catalogue import Criteria, CriterionInfo
from generator.plan.model import TasksAppendix
from generator.render.appendices.common import fit_to_content, new_table
from generator.render.lookups import Lookups
from generator.render.model import Align, Cell, Column, Row, Source, Table

TASK_COLUMNS: dict[str, tuple[str, float, Align]] = {
    # key: (default header, natural width in cm, alignment)
    "stt": ("STT", 1.3, "center"),
    "dimension": ("Chỉ số nội dung", 3.0, "left"),
    "sub_dimension": ("Nội dung thành phần", 3.5, "left"),
    "content": ("Nhiệm vụ", 7.5, "justify"),
    "indicator": ("Chỉ tiêu", 3.5, "left"),
    "lead": ("Đơn vị chủ trì", 3.0, "left"),
    "co": ("Đơn vị phối hợp", 3.5, "left"),
    "timeframe": ("Thời gian thực hiện", 2.4, "center"),
    "output": ("Kết quả, sản phẩm", 3.5, "left"),
    "notes": ("Ghi chú", 2.2, "left"),
}


def group_label(refs: Lookups, label: str | bool | None, code: str, name: str) -> str:
    """A group row's text: `label “name”`. `True`: the catalogue's name of the criterion's level
    ('Chỉ số nội dung', 'Lĩnh vực'...); the index itself, or a name that already starts with the label,
    is printed alone (never 'Chỉ số “Chỉ số hài lòng …”')."""
    info = refs.criteria.get(code)
    if label is True:
        if info is None or info.is_root:
            return name
        label = info.level
    if not label or name.casefold().startswith(str(label).casefold()):
        return name
    return f"{label} “{name}”"


def tasks_table(refs: Lookups, appendix: TasksAppendix) -> Table:
    columns = [Column(key, appendix.headers.get(key, TASK_COLUMNS[key][0]),
                      float(appendix.widths.get(key, TASK_COLUMNS[key][1])), TASK_COLUMNS[key][2])
               for key in appendix.columns]
    table = new_table(refs, appendix, columns)
    tasks = [(i, t) for i, t in enumerate(refs.plan.tasks)
             if appendix.dimensions is None or t.dimension in appendix.dimensions]
    groups: dict[str, list] = {}
    for i, task in tasks:
        groups.setdefault(task.dimension, []).append((i, task))
    order = (list(groups) if appendix.group_order == "tasks"
             else sorted(groups, key=lambda code: _criterion_order(refs.criteria, code)))
    keys = appendix.columns
    as_rows = "dimension" not in keys  # otherwise the dimension is a (merged) column
    where = refs.appendix_index[appendix.id]
    running = not appendix.group_rows and as_rows  # no group rows: one numbering down the whole table
    count = 0
    for g, code in enumerate(order, start=1):
        name = appendix.group_names.get(code) or refs.criterion_name(code)
        number_g = roman(g) if appendix.group_numbers == "roman" else str(g)
        if as_rows and appendix.group_rows:
            label = group_label(refs, appendix.group_label, code, name)
            cells = ((Cell((number_g,)), Cell((label,))) if keys[0] == "stt" else (Cell((label,)),))
            group_source = Source(("appendices", where, "group", code), "generated")
            table.rows.append(Row("group", cells, span_from=len(cells) - 1, bold=True, source=group_source))
        subs = _sub_groups(refs, groups[code], appendix if as_rows else None)
        # numbered 1.1, 1.2 under the field, tasks with no criterion (first) would repeat the labels of the
        # criterion headings (1.1 …): the headings then continue the tasks' numbering (1.3, 1.4)
        untitled = (len(subs[0][1]) if subs[0][0] is None and len(subs) > 1
                    and appendix.numbering == "hierarchical" else 0)
        for h, (sub, members) in enumerate(subs):
            prefix = number_g
            if sub is not None:  # a criterion heading: a row of the table, not a task
                prefix = f"{number_g}.{untitled + h if untitled else _criterion_number(refs.criteria, sub)}"
                sub_name = appendix.group_names.get(sub) or refs.criterion_name(sub)
                cells = ((Cell((prefix,)), Cell((sub_name,))) if keys[0] == "stt" else (Cell((sub_name,)),))
                table.rows.append(Row("group", cells, span_from=len(cells) - 1, bold=True,
                                      source=Source(("appendices", where, "group", sub), "generated")))
            for n, (i, task) in enumerate(members, start=1):
                count += 1
                n = count if running else n
                stt = f"{prefix}.{n}" if appendix.numbering == "hierarchical" else None
                cells = []
                for key in keys:
                    cell = (Cell((stt,)) if key == "stt" and stt else
                            _task_cell(refs, task, key, n, g, name, appendix))
                    origin = ("generated" if key in ("stt", "dimension", "sub_dimension")
                              else "agencies" if key in ("lead", "co") else "text")
                    cells.append(replace(cell, source=Source(("tasks", i, key), origin)))
                table.rows.append(Row("data", tuple(cells), source=Source(("tasks", i))))
                table.task_rows += 1
    _merge_repeats(table, [i for i, k in enumerate(keys) if k in ("stt", "dimension", "sub_dimension")]
                   if not as_rows else [])
    if not appendix.widths:  # widths the plan gives are kept
        fit_to_content(table)
    return table


def _sub_groups(refs: Lookups, members: list, appendix: TasksAppendix | None) -> list[tuple[str | None, list]]:
    """Tasks of one group, gathered under criterion headings when the appendix asks for them
    (by each task's first sub_dimension; tasks without one come first, with no heading)."""
    if appendix is None or not appendix.sub_headings:
        return [(None, members)]
    subs: dict[str | None, list] = {}
    for i, task in members:
        codes = [task.sub_dimension] if isinstance(task.sub_dimension, str) else (task.sub_dimension or [None])
        subs.setdefault(codes[0], []).append((i, task))
    def key(code):  # numbered criteria in number order, whatever order the plan declared them in
        number = _criterion_number(refs.criteria, code) if code else ""
        return (code is not None, int(number) if number.isdigit() else 0, _criterion_order(refs.criteria, code or ""))
    return sorted(subs.items(), key=lambda kv: key(kv[0]))


def _criterion_number(criteria: Criteria, code: str) -> str:
    """'3' for par.1.3: the number in the code when there is one (plans list only some
    criteria), else the position among its siblings."""
    last = code.rsplit(".", 1)[-1]
    if last.isdigit():
        return last
    info = criteria.get(code)
    return str(info.position + 1) if info else last


def _criterion_order(criteria: Criteria, code: str) -> tuple:
    chain = []
    info: CriterionInfo | None = criteria.get(code)
    while info is not None:
        chain.append(info.position)
        info = criteria.get(info.parent) if info.parent else None
    return (code.split(".")[0], tuple(reversed(chain)))


def _task_cell(refs: Lookups, task, key: str, n: int, g: int, dim_name: str, appendix: TasksAppendix) -> Cell:
    if key == "stt":
        return Cell((str(g if "dimension" in appendix.columns else n),))
    if key == "dimension":
        return Cell((dim_name,))
    if key == "sub_dimension":
        subs = [task.sub_dimension] if isinstance(task.sub_dimension, str) else (task.sub_dimension or [])
        lines = []
        for code in subs:
            info = refs.criteria.get(code)
            lines.append(f"{info.letter}) {info.name}" if info else code)
        return Cell(tuple(lines) or ("",))
    if key in ("lead", "co"):
        names = [refs.agencies.display(ref) for ref in getattr(task, key)]
        return Cell(("; ".join(names),) if names else ("",))
    value = getattr(task, key)
    return Cell(tuple(value.split("\n")) if value else ("",))


def _merge_repeats(table: Table, columns: list[int]) -> None:
    """Merge equal consecutive cells downwards in the given columns (dimension columns), nested: a
    column only merges where every column to its left merges too."""
    rows = table.rows
    for r in range(1, len(rows)):
        prev, cur = rows[r - 1], rows[r]
        if prev.kind != "data" or cur.kind != "data":
            continue
        cells = list(cur.cells)
        prev_cells = list(prev.cells)
        for c in columns:
            if cells[c].lines != prev_cells[c].lines or cells[c].lines == ("",):
                break
            cells[c] = replace(cells[c], merge="continue")
            if prev_cells[c].merge == "":
                prev_cells[c] = replace(prev_cells[c], merge="restart")
        rows[r - 1] = replace(prev, cells=tuple(prev_cells))
        rows[r] = replace(cur, cells=tuple(cells))
