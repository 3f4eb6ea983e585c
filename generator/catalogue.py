"""Index catalogues (PAPI, PAR Index, SIPAS...) shipped as versioned data, and the lookup that merges
them with the criteria a plan declares itself."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import lru_cache
from importlib import resources

import yaml

from .model import Plan

VI_LETTERS = "abcdđeghiklmnopqrstuvxy"


@dataclass(frozen=True)
class CriterionInfo:
    code: str
    name: str
    index: str
    max: Decimal | None = None
    parent: str | None = None
    position: int = 0  # among its siblings, for the "a)", "b)" letters
    verified: bool = True
    short_name: str | None = None
    unit: str = "điểm"
    children: tuple[str, ...] = field(default=())

    @property
    def letter(self) -> str:
        return VI_LETTERS[self.position] if self.position < len(VI_LETTERS) else str(self.position + 1)

    @property
    def is_root(self) -> bool:
        return self.parent is None


def _num(value) -> Decimal | None:
    return None if value is None else Decimal(str(value))


@lru_cache(maxsize=None)
def available() -> dict[tuple[str, str], dict]:
    """All shipped catalogues by (index, version)."""
    out = {}
    for entry in resources.files("generator.catalogues").iterdir():
        if entry.name.endswith(".yaml"):
            data = yaml.safe_load(entry.read_text(encoding="utf-8"))
            out[(data["index"], str(data["version"]))] = data
    return out


def flatten(data: dict) -> dict[str, CriterionInfo]:
    index = data["index"]
    unit = data.get("unit", "điểm")
    out: dict[str, CriterionInfo] = {}

    def walk(node: dict, code: str, parent: str | None, position: int) -> None:
        kids = node.get("criteria") or []
        out[code] = CriterionInfo(
            code=code,
            name=node["name"],
            index=index,
            max=_num(node.get("max")),
            parent=parent,
            position=position,
            verified=node.get("verified") is True,
            short_name=node.get("short_name"),
            unit=unit,
            children=tuple(k["code"] for k in kids),
        )
        for i, kid in enumerate(kids):
            walk(kid, kid["code"], code, i)

    walk(data, index, None, 0)
    return out


class Criteria:
    """Criterion lookup for one plan: its catalogues, overridden and extended by `plan.criteria`."""

    def __init__(self, plan: Plan):
        self.by_code: dict[str, CriterionInfo] = {}
        self.missing_catalogues: list[tuple[str, str]] = []
        for index, version in plan.indices.items():
            data = available().get((index, str(version)))
            if data is None:
                self.missing_catalogues.append((index, str(version)))
                continue
            self.by_code.update(flatten(data))
        self.overridden: set[str] = set()
        for own in plan.criteria:
            base = self.by_code.get(own.code)
            if base is not None:
                self.by_code[own.code] = replace(
                    base,
                    name=own.name,
                    max=_num(own.max) if own.max is not None else base.max,
                    verified=True,
                )
                self.overridden.add(own.code)
            else:
                parent = own.parent or (own.code.rsplit(".", 1)[0] if "." in own.code else None)
                siblings = [c for c in self.by_code.values() if c.parent == parent]
                self.by_code[own.code] = CriterionInfo(
                    code=own.code,
                    name=own.name,
                    index=own.code.split(".", 1)[0],
                    max=_num(own.max),
                    parent=parent,
                    position=len(siblings),
                )
                if parent in self.by_code:
                    p = self.by_code[parent]
                    self.by_code[parent] = replace(p, children=p.children + (own.code,))

    def get(self, code: str) -> CriterionInfo | None:
        return self.by_code.get(code)

    def __getitem__(self, code: str) -> CriterionInfo:
        return self.by_code[code]

    def __contains__(self, code: str) -> bool:
        return code in self.by_code
