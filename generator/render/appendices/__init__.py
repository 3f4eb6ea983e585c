"""Appendix tables, one module per kind of appendix. A kind is its plan model class (plan/model.py) and
a function here that builds its Table from the plan (`(Lookups, appendix) -> Table`, starting from
common.new_table); KINDS pairs them. The renderers (.docx, .xlsx) need nothing per kind."""
from __future__ import annotations

from generator.plan.model import ScoresAppendix, TableAppendix, TasksAppendix
from generator.render.appendices.free import free_table
from generator.render.appendices.scores import scores_table
from generator.render.appendices.tasks import tasks_table
from generator.render.lookups import Lookups
from generator.render.model import Table

KINDS = (
    (TasksAppendix, tasks_table),
    (ScoresAppendix, scores_table),
    (TableAppendix, free_table),
)


def appendix_table(refs: Lookups, appendix) -> Table:
    for kind, build in KINDS:
        if isinstance(appendix, kind):
            return build(refs, appendix)
    raise TypeError(f"no table for appendix kind {type(appendix).__name__}")  # plan/model.py's Appendix union
