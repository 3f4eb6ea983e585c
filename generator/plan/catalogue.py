"""Index catalogues (PAPI, PAR Index, SIPAS...) shipped as versioned data, and the lookup that merges
them with the criteria a plan declares itself."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import lru_cache
from importlib import resources

import yaml

from generator.plan.model import Plan

from generator.nd30.labels import VI_LETTERS


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


# our own data files: the C loader when PyYAML has it (~10x faster than the pure-Python one)
DATA_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_data(entry) -> dict:
    return yaml.load(entry.read_text(encoding="utf-8"), Loader=DATA_LOADER)  # noqa: S506 (safe loader)


@lru_cache(maxsize=None)
def versions() -> dict[tuple[str, str], object]:
    """The shipped catalogue files by (index, version), from their names `<index>-<version>.yaml`
    (a test checks that every file says the same inside); nothing is read yet."""
    out = {}
    for entry in resources.files("generator.plan.catalogues").iterdir():
        if entry.name.endswith(".yaml"):
            index, _, version = entry.name.removesuffix(".yaml").partition("-")
            out[(index, version)] = entry
    return out


@lru_cache(maxsize=None)
def catalogue(index: str, version: str) -> dict | None:
    """One shipped catalogue, read the first time a plan needs it."""
    entry = versions().get((index, str(version)))
    return read_data(entry) if entry is not None else None


def available() -> dict[tuple[str, str], dict]:
    """All shipped catalogues by (index, version)."""
    return {key: catalogue(*key) for key in versions()}


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


@dataclass(frozen=True)
class Assessment:
    """Maxima of one assessment year (PAR Index fields change them from year to year)."""

    year: int
    verified: bool | str
    source: str
    max: dict[str, Decimal]


def assessments(data: dict) -> dict[int, Assessment]:
    return {int(a["year"]): Assessment(int(a["year"]), a.get("verified", False), " ".join(a["source"].split()),
                                       {code: Decimal(str(v)) for code, v in a["max"].items()})
            for a in data.get("assessments") or []}


def assessment_year(plan: Plan) -> int:
    """The year whose results the plan starts from: its baseline year, else the year before."""
    return next((t.baseline.year for t in plan.targets if t.baseline), plan.year - 1)


class Criteria:
    """Criterion lookup for one plan: its catalogues (with the maxima of the plan's baseline year
    where the catalogue knows them), overridden and extended by `plan.criteria`."""

    def __init__(self, plan: Plan):
        self.by_code: dict[str, CriterionInfo] = {}
        self.missing_catalogues: list[tuple[str, str]] = []
        self.levels: dict[str, list[str]] = {}
        self.catalogue_kids: dict[str, set[str]] = {}
        self.assessment: dict[str, Assessment] = {}  # by index, for the plan's baseline year
        year = assessment_year(plan)
        for index, version in plan.indices.items():
            data = catalogue(index, str(version))
            if data is None:
                self.missing_catalogues.append((index, str(version)))
                continue
            flat = flatten(data)
            self.by_code.update(flat)
            self.catalogue_kids.update({code: set(info.children) for code, info in flat.items()})
            self.levels[index] = data.get("levels") or []
            found = assessments(data).get(year)
            if found is not None:
                self.assessment[index] = found
                for code, maximum in found.max.items():
                    self.by_code[code] = replace(self.by_code[code], max=maximum)
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

    def catalogue_children(self, code: str) -> set[str] | None:
        """The children the catalogue itself lists (None: not a catalogue criterion)."""
        kids = self.catalogue_kids.get(code)
        return kids if kids else None

    def assessed_max(self, code: str) -> tuple[Decimal, Assessment] | None:
        """The catalogue's maximum of `code` for the plan's baseline year, with its source."""
        found = self.assessment.get(code.split(".", 1)[0])
        return (found.max[code], found) if found is not None and code in found.max else None

    def get(self, code: str) -> CriterionInfo | None:
        return self.by_code.get(code)

    def __getitem__(self, code: str) -> CriterionInfo:
        return self.by_code[code]

    def __contains__(self, code: str) -> bool:
        return code in self.by_code
