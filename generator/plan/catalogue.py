"""Index catalogues (PAPI, PAR Index, SIPAS...) shipped as versioned data, and the lookup that merges
them with the criteria a plan declares itself.

One file per index and version: `generator/plan/catalogues/<index>-<version>.yaml` (the index code has
no '-'; a test checks that the name says what the file says inside). Files are found by name and read
the first time something needs them. A file holds:

    index: papi                # the code plans write in `indices`; every criterion code starts with it
    version: '2018'            # what plans write after it: `indices: {papi: '2018'}`
    name: ...                  # full Vietnamese name of the index
    short_name: ...            # optional: the index's name in target sentences ('Chỉ số PCI')
    unit: '%'                  # optional: 'điểm' (default) or '%'
    max: 80                    # optional: maximum of the whole index
    levels: [Chỉ số nội dung, Nội dung thành phần]   # the name of each level below the index
    verified: true             # true, partial, secondary or false: listed in the file's header, never
                               # warned about (a drafter cannot act on kehoach's own data)
    index_facts: {...}         # what is true of the index in every version (below)
    criteria:                  # the tree, in printed order ('a)', 'b)' follow it): code, name, and
      - code: papi.1           # optionally short_name (import accepts it too), max, verified and
        name: ...              # the criteria below it
    assessments: [...]         # optional: maxima by assessment year, each with its source (PAR Index)

`index_facts` holds how users and documents name the index, apart from its criteria:

    index_facts:
      order: 1                 # its place in lists of indices (`init --indices` help, import's search)
      label: PAPI              # short name in printed text ('Chỉ số PAPI'); default: the code in capitals
      names: ['\bPAPI\b', 'chỉ số hiệu quả quản trị và hành chính công']
                               # how documents name it: regular expressions, case-insensitive; import
                               # recognises the index by them (default: none, so never recognised)
      example_task:            # the example task `kehoach init` writes; {year} is the plan's year
        content: ...
        output: ...

The rule: an index's facts are read from its newest version (by the last four-digit year in the version
name) that has an `index_facts` block. So the newest version carries them, an older version need not,
and a new version repeats the block only when something in it changes (then the new block wins whole).

Adding an index is one file here, with its `index_facts`: `validate` and `build` find it by name,
`init` offers it (label, example task) and lists it in its help (`indices_help()`), `import` recognises
it (names); tests/test_catalogue.py shows it with a made-up index. What is written down elsewhere: the
help texts stored for a fast `--help` (generator/data/help.json, refreshed by
`python -m tests.update_golden tests/test_entry.py`) and the drafter guide's list (generator/docs/huong-dan.md).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

import yaml

from generator.nd30.labels import VI_LETTERS

if TYPE_CHECKING:  # for annotations only: the index facts (init's help) need no pydantic
    from generator.plan.model import Plan


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


def folder():
    """Where the catalogue files are: the package's data (a test points it at a copy with one more)."""
    return resources.files("generator.plan.catalogues")


@lru_cache(maxsize=None)
def versions() -> dict[tuple[str, str], object]:
    """The shipped catalogue files by (index, version), from their names `<index>-<version>.yaml`
    (a test checks that every file says the same inside); nothing is read yet."""
    out = {}
    for entry in folder().iterdir():
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


def version_year(version: str) -> int:
    """The year a version is named for: its last four digits ('qd876-2022' → 2022), 0 when none."""
    found = re.findall(r"\d{4}", version)
    return int(found[-1]) if found else 0


def newest_version(index: str) -> str | None:
    """The shipped version of `index` named for the latest year (None: no catalogue of that index)."""
    return max((v for (i, v) in versions() if i == index), key=version_year, default=None)


@dataclass(frozen=True)
class IndexFacts:
    """What is true of an index in every version (the `index_facts` block, see the module's text)."""

    index: str
    label: str
    names: tuple[str, ...] = ()
    example_task: tuple[str, str] | None = None  # (content, output), '{year}' not yet filled
    order: int | None = None


FACT_KEYS = {"order", "label", "names", "example_task"}


def _facts(index: str) -> IndexFacts:
    """The `index_facts` of the newest version that has them; defaults when none has."""
    for version in sorted((v for (i, v) in versions() if i == index), key=version_year, reverse=True):
        block = catalogue(index, version).get("index_facts")
        if block is None:
            continue
        unknown = set(block) - FACT_KEYS
        if unknown:
            raise ValueError(f"{index}-{version}.yaml: index_facts: unknown keys {sorted(unknown)}")
        task = block.get("example_task")
        return IndexFacts(index=index, label=str(block.get("label") or index.upper()),
                          names=tuple(block.get("names") or ()),
                          example_task=(task["content"], task["output"]) if task else None,
                          order=block.get("order"))
    return IndexFacts(index=index, label=index.upper())


@lru_cache(maxsize=None)
def index_facts() -> dict[str, IndexFacts]:
    """Every shipped index's facts, in list order: by `order`, then indices without one by code."""
    found = [_facts(index) for index in sorted({i for i, _ in versions()})]
    return {f.index: f for f in sorted(found, key=lambda f: (f.order is None, f.order or 0, f.index))}


def index_names() -> dict[str, tuple[str, ...]]:
    """How documents name each index (regular expressions, case-insensitive), in list order."""
    return {index: facts.names for index, facts in index_facts().items()}


def index_list() -> str:
    """The indices as users type them, with the label where it is more than the code in capitals:
    'papi, par (PAR Index), sipas, pci'."""
    return ", ".join(i if f.label.upper() == i.upper() else f"{i} ({f.label})" for i, f in index_facts().items())


def indices_help() -> str:
    """The help line of `init --indices`."""
    return f"Các chỉ số, cách nhau bằng dấu phẩy: {index_list()}."


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
