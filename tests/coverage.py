"""Which parts of the plan schema a set of plans uses: every pydantic model reachable from `Plan`
and each of its fields, against the fields a loaded plan sets explicitly (tests/test_corpus.py)."""
from __future__ import annotations

import typing

from pydantic import BaseModel

from generator.plan.model import Plan


def _models_in(annotation) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in _models_in(arg)]


def schema_fields(root: type[BaseModel] = Plan) -> set[tuple[str, str]]:
    """(model name, field name) for every field of every model reachable from `root`; a model
    with no fields counts as (name, "")."""
    seen: dict[str, type[BaseModel]] = {}
    todo = [root]
    while todo:
        model = todo.pop()
        if model.__name__ in seen:
            continue
        seen[model.__name__] = model
        for info in model.model_fields.values():
            todo += _models_in(info.annotation)
    return {(name, field) for name, model in seen.items() for field in (model.model_fields or {"": None})}


def used_fields(value, out: set | None = None) -> set[tuple[str, str]]:
    """(model name, field name) for every field set explicitly anywhere inside `value`."""
    out = set() if out is None else out
    if isinstance(value, BaseModel):
        name = type(value).__name__
        out.add((name, ""))
        for field in value.model_fields_set:
            out.add((name, field))
        for field in type(value).model_fields:
            used_fields(getattr(value, field), out)
    elif isinstance(value, dict):
        for item in value.values():
            used_fields(item, out)
    elif isinstance(value, (list, tuple)):
        for item in value:
            used_fields(item, out)
    return out
