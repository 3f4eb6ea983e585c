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
    level: str = "Tiêu chí"  # the catalogue's name for this level: "Lĩnh vực", "Tiêu chí", ...

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


def level_name(levels: list[str], depth: int) -> str:
    """Depth 1 is the first level below the index ("Lĩnh vực" for PAR Index)."""
    if depth == 0:
        return "Chỉ số"
    return levels[depth - 1] if depth <= len(levels) else "Tiêu chí"


def flatten(data: dict) -> dict[str, CriterionInfo]:
    index = data["index"]
    unit = data.get("unit", "điểm")
    levels = data.get("levels") or []
    out: dict[str, CriterionInfo] = {}

    def walk(node: dict, code: str, parent: str | None, position: int, depth: int = 0) -> None:
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
            level=level_name(levels, depth),
        )
        for i, kid in enumerate(kids):
            walk(kid, kid["code"], code, i, depth + 1)

    walk(data, index, None, 0)
    return out


class Criteria:
    """Criterion lookup for one plan: its catalogues, overridden and extended by `plan.criteria`."""

    def __init__(self, plan: Plan):
        self.by_code: dict[str, CriterionInfo] = {}
        self.missing_catalogues: list[tuple[str, str]] = []
        self.levels: dict[str, list[str]] = {}
        for index, version in plan.indices.items():
            data = available().get((index, str(version)))
            if data is None:
                self.missing_catalogues.append((index, str(version)))
                continue
            self.by_code.update(flatten(data))
            self.levels[index] = data.get("levels") or []
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
                index = own.code.split(".", 1)[0]
                self.by_code[own.code] = CriterionInfo(
                    code=own.code,
                    name=own.name,
                    index=index,
                    max=_num(own.max),
                    parent=parent,
                    position=len(siblings),
                    level=level_name(self.levels.get(index, []), self._depth(parent) + 1 if parent else 0),
                )
                if parent in self.by_code:
                    p = self.by_code[parent]
                    self.by_code[parent] = replace(p, children=p.children + (own.code,))

    def _depth(self, code: str) -> int:
        depth, info = 0, self.by_code.get(code)
        while info is not None and info.parent is not None and depth < 10:
            depth, info = depth + 1, self.by_code.get(info.parent)
        return depth

    def get(self, code: str) -> CriterionInfo | None:
        return self.by_code.get(code)

    def __getitem__(self, code: str) -> CriterionInfo:
        return self.by_code[code]

    def __contains__(self, code: str) -> bool:
        return code in self.by_code
