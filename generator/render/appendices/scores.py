"""The scores appendix: the criteria of an index with their maximum, last result and target, each
top criterion's children below it (I, 1, 1.1), and a total row; a whole index has a row of its own
unless the appendix sets index_row: false."""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from generator.core.text import number
from generator.nd30.labels import roman
from generator.plan.model import ScoresAppendix
from generator.plan.score_rows import row_targets, top_rows
from generator.render.appendices.common import new_table
from generator.render.lookups import Lookups
from generator.render.model import Cell, Column, Row, Source, Table


def scores_table(refs: Lookups, appendix: ScoresAppendix) -> Table:
    chosen = row_targets(refs.plan.targets)
    by_criterion = {code: t for code, (_, t) in chosen.items()}
    target_index = {code: i for code, (i, _) in chosen.items()}
    a_index = refs.appendix_index[appendix.id]
    base_year = next((t.baseline.year for t in refs.plan.targets if t.baseline), refs.plan.year - 1)
    columns = [Column("stt", "STT", 1.3, "center"), Column("name", "Tiêu chí", 8.0, "left"),
               Column("max", "Điểm tối đa", 2.2, "center"),
               Column("baseline", f"Kết quả năm {base_year}", 2.4, "center"),
               Column("target", f"Chỉ tiêu năm {refs.plan.year}", 2.4, "center"),
               Column("lead", "Đơn vị chủ trì", 4.0, "left")]
    columns = [replace(c, header=appendix.headers.get(c.key, c.header)) for c in columns]
    table = new_table(refs, appendix, columns)
    table.valign = "center"  # numbers and names of a row line up (real score tables centre them)
    totals = {"max": Decimal(0), "baseline": Decimal(0), "target": Decimal(0)}
    complete = {"max": True, "baseline": True, "target": True}

    def values(code: str) -> dict[str, Decimal | None]:
        info = refs.criteria.get(code)
        target = by_criterion.get(code)
        return {
            "max": (target.max if target and target.max is not None else (info.max if info else None)),
            "baseline": target.baseline.value if target and target.baseline else None,
            "target": target.target if target and target.unit != "hạng" else None,
        }

    def add(code: str, label: str, depth: int) -> None:
        info = refs.criteria.get(code)
        vals = values(code)
        leads = tuple(refs.agencies.display(r) for r in appendix.leads.get(code, [])) or ("",)  # one a line
        target = by_criterion.get(code)
        ti = target_index.get(code)
        generated = Source(("appendices", a_index, "criteria", code), "generated")
        sources = {
            "max": Source(("targets", ti, "max"), "number") if target and target.max is not None else generated,
            "baseline": (Source(("targets", ti, "baseline", "value"), "number")
                         if target and target.baseline else generated),
            "target": (Source(("targets", ti, "target"), "number")
                       if target and target.unit != "hạng" else generated),
        }
        cells = (Cell((label,), source=generated), Cell((info.name if info else code,), source=generated),
                 *(Cell((number(vals[k]) if vals[k] is not None else "",), source=sources[k], value=vals[k])
                   for k in ("max", "baseline", "target")),
                 Cell(leads, source=Source(("appendices", a_index, "leads", code), "agencies")))
        table.rows.append(Row("data", cells, bold=depth == 0, source=generated))
        table.task_rows += 1
        if depth == 0:
            for k in totals:
                if vals[k] is None:
                    complete[k] = False
                else:
                    totals[k] += Decimal(str(vals[k]))
        for i, child in enumerate(info.children if info else (), start=1):
            add(child, f"{label}.{i}" if depth else str(i), depth + 1)

    tops = top_rows(refs.criteria, appendix)
    for i, code in enumerate(tops, start=1):
        add(code, roman(i), 0)
    # a whole total prints whole ("100", not "100,0" from 14,5 + ...)
    totals = {k: v.to_integral() if v == v.to_integral() else v for k, v in totals.items()}
    total_cells = (Cell(("",)), Cell((appendix.total_label,)),
                   *(Cell((number(totals[k]) if complete[k] else "",), value=totals[k] if complete[k] else None)
                     for k in ("max", "baseline", "target")),
                   Cell(("",)))
    table.rows.append(Row("total", total_cells, bold=True,
                          source=Source(("appendices", a_index, "total"), "generated")))
    return table
