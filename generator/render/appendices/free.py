"""The free table appendix (`type: table`): columns and rows as the plan writes them, with group rows,
bold rows, and cells spanning columns and rows."""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from generator.core.text import number
from generator.plan.model import TableAppendix
from generator.render.appendices.common import new_table
from generator.render.lookups import Lookups
from generator.render.model import Cell, Column, Row, Source, Table


def free_table(refs: Lookups, appendix: TableAppendix) -> Table:
    columns = [Column(c.id, c.header, float(c.width) if c.width else 3.0, c.align) for c in appendix.columns]
    table = new_table(refs, appendix, columns)
    a_index = refs.appendix_index[appendix.id]
    down: dict[int, tuple[int, int]] = {}  # column → (rows still covered, columns covered)
    for r, row in enumerate(appendix.rows):
        path = ("appendices", a_index, "rows", r)
        cells = []
        for c in appendix.columns:
            value = row.cells.get(c.id, "")
            cells.append(Cell(tuple(_cell_text(value).split("\n")),
                              source=Source(path + ("cells", c.id), "number" if _is_number(value) else "text"),
                              value=value if _is_number(value) else None))
        if row.group:
            # the last filled cell spans the rest of the row: a number in STT and a name after it
            # both print ("1 | CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH")
            filled = [i for i, c in enumerate(appendix.columns) if c.id in row.cells] or [0]
            table.rows.append(Row("group", tuple(cells[: filled[-1] + 1]), span_from=filled[-1], bold=True,
                                  source=Source(path)))
            down = {}
            continue
        for i, (left, width) in list(down.items()):  # cells merged from the rows above
            cells[i] = replace(cells[i], lines=("",), value=None, merge="continue", span=width)
            for k in range(i + 1, min(i + width, len(cells))):
                cells[k] = replace(cells[k], span=0)
            down = {**down, i: (left - 1, width)} if left > 1 else {k: v for k, v in down.items() if k != i}
        for key, span in row.spans.items():
            i = next((n for n, c in enumerate(appendix.columns) if c.id == key), None)
            if i is None:
                continue  # reported by the checks
            width = min(span.columns, len(cells) - i)
            cells[i] = replace(cells[i], span=width, merge="restart" if span.rows > 1 else "")
            for k in range(i + 1, i + width):
                cells[k] = replace(cells[k], span=0)
            if span.rows > 1:
                down[i] = (span.rows - 1, width)
        table.rows.append(Row("data", tuple(cells), bold=row.bold, source=Source(path)))
        table.task_rows += 1
    return table


def _is_number(value) -> bool:
    return isinstance(value, (int, Decimal)) and not isinstance(value, bool)


def _cell_text(value) -> str:
    return number(value) if _is_number(value) else str(value)
