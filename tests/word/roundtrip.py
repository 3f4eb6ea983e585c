"""A plan kehoach built, read back: `kehoach build` → `kehoach import` (nothing filled) → `kehoach validate`, and
what the two plans say compared by content (ids are not printed, so they may differ): tasks, targets, the
agencies named, appendices, Nơi nhận, and the text of the document each plan builds (per paragraph and
table cell). tests/word/test_import_roundtrip.py asserts on it; `python -m tests.word.roundtrip PLAN…`
prints the differences (the survey of a change)."""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import yaml
from docx import Document as DocxDocument

from generator.core.errors import KehoachError
from generator.importer.pipeline import import_file
from generator.importer.yaml_out import dump_plan
from generator.plan.agencies import Agencies
from generator.plan.catalogue import Criteria
from generator.plan.validate import load_plan, load_plan_for_review
from generator.render.build import build_plan

TODO_ERROR = "còn việc phải làm: TODO"
ROOT = Path(__file__).resolve().parents[2]
ROUND_TRIP_PLANS = [*sorted((ROOT / "plans").glob("*.yaml")), *sorted((ROOT / "tests/corpus").glob("*.yaml")),
                    ROOT / "tests/data/sample.yaml", ROOT / "tests/data/sample-2022.yaml"]


@dataclass
class RoundTrip:
    source: Path
    first: Path  # the .docx built from the source plan
    imported: Path  # the YAML `kehoach import` wrote
    errors: list[str] = field(default_factory=list)  # `kehoach validate` of the imported plan
    todos: list[str] = field(default_factory=list)  # the TODOs the importer says it wrote
    todo_errors: list[str] = field(default_factory=list)  # validate's errors that are those TODOs
    differences: list[str] = field(default_factory=list)  # by content, then the rebuilt document's text


def _built(plan: Path, out: Path) -> tuple[Path, Path]:
    files = build_plan(plan, out).files
    return (next(f for f in files if f.suffix == ".docx"), next(f for f in files if f.name.endswith("-noi-nhan.txt")))


def _num(value):
    return None if value is None else format(Decimal(str(value)).normalize(), "f")


def facts(plan) -> dict[str, list]:
    """What a plan says, by content: criteria by their printed names, agencies by their printed names."""
    crit, agencies = Criteria(plan), Agencies(plan)

    def name(code):
        info = crit.get(code)
        return info.name if info else code

    def agency(ref):
        return agencies.display(ref)

    def subs(value):
        return tuple(name(s) for s in ([value] if isinstance(value, str) else value or []))

    def maximum(t):
        info = crit.get(t.criterion)
        return _num(t.max if t.max is not None else (info.max if info else None))

    tasks = sorted((t.content, name(t.dimension), subs(t.sub_dimension), t.indicator, tuple(map(agency, t.lead)),
                    tuple(map(agency, t.co)), t.timeframe, t.output, t.notes) for t in plan.tasks)
    targets = sorted((name(t.criterion), t.unit, _num(t.target),
                      (t.baseline.year, _num(t.baseline.value), t.baseline.rank, t.baseline.of) if t.baseline else None,
                      maximum(t) if t.unit == "điểm" else None, t.bound,
                      (t.change.direction, t.change.by, t.change.at_least) if t.change else None)
                     for t in plan.targets)
    named = set()
    for t in plan.tasks:
        named |= set(map(agency, [*t.lead, *t.co]))
    for r in plan.responsibilities:
        named |= set(map(agency, r.agencies))
    appendices = []
    for a in plan.appendices:
        entry = [a.type, a.title.casefold()]
        if a.type == "scores":
            entry += [tuple(name(c) for c in a.criteria), tuple(sorted(
                (name(c), tuple(map(agency, refs))) for c, refs in a.leads.items()))]
        if a.type == "tasks":
            entry += [tuple(a.columns)]
        appendices.append(tuple(map(str, entry)))
    return {"tasks": tasks, "targets": targets, "agencies": sorted(named), "appendices": appendices,
            "responsibilities": sorted(tuple(map(agency, r.agencies)) for r in plan.responsibilities)}


def texts(docx: Path) -> list[str]:
    """The document's text, one entry a paragraph or a table cell, spaces normalised."""
    doc = DocxDocument(str(docx))
    out = []
    for block in doc.element.body.iter():
        if block.tag.endswith("}p") and not any(a.tag.endswith("}tc") for a in block.iterancestors()):
            out.append(" ".join("".join(t.text or "" for t in block.iter() if t.tag.endswith("}t")).split()))
        elif block.tag.endswith("}tc"):
            out.append(" / ".join(" ".join("".join(t.text or "" for t in p.iter() if t.tag.endswith("}t")).split())
                                  for p in block.iter() if p.tag.endswith("}p")))
    return [t for t in out if t]


def _compare(kind: str, old: list, new: list) -> list[str]:
    gone = [x for x in old if x not in new]
    added = [x for x in new if x not in old]
    return [f"{kind} -: {x}" for x in gone] + [f"{kind} +: {x}" for x in added]


def _filled(imported: Path, plan) -> Path:
    """The imported plan with its TODOs filled as the drafter fills them (a responsibility's agencies from the
    plan the document was built from), to build it again."""
    data = yaml.safe_load(imported.read_text(encoding="utf-8"))
    for i, resp in enumerate(data.get("responsibilities", [])):
        if any(str(a).startswith("TODO") for a in resp["agencies"]):
            resp["agencies"] = list(plan.responsibilities[i].agencies)
    done = imported.with_name(imported.stem + ".filled.yaml")
    done.write_text(dump_plan(data), encoding="utf-8")
    return done


def round_trip(source: Path, out: Path) -> RoundTrip:
    first, recipients = _built(source, out / "first")
    imported = out / f"{source.stem}.yaml"
    outcome = import_file(first, imported)
    imported.write_text(outcome.text, encoding="utf-8")
    trip = RoundTrip(source, first, imported, todos=list(outcome.result.todos))
    plan, _ = load_plan(source)
    try:
        back, _ = load_plan(imported)
    except KehoachError as exc:
        errors = [p for p in exc.problems if p.level == "error"]
        # a TODO the importer said it wrote (what the document does not print) is the drafter's to fill
        said = [p for p in errors if TODO_ERROR in p.text and any(t in p.text for t in trip.todos)]
        trip.todo_errors = [f"{p.field}: {p.text}" for p in said]
        trip.errors = [f"{p.field}: {p.text}" for p in errors if p not in said]
        if trip.errors:
            return trip
        back, _, _ = load_plan_for_review(imported)
    old, new = facts(plan), facts(back)
    for key in old:
        trip.differences += _compare(key, old[key], new[key])
    second, recipients2 = _built(_filled(imported, plan) if trip.todo_errors else imported, out / "second")
    if recipients.read_text(encoding="utf-8") != recipients2.read_text(encoding="utf-8"):
        trip.differences.append("Nơi nhận: " + recipients2.read_text(encoding="utf-8"))
    trip.differences += _compare("text", texts(first), texts(second))
    return trip


def main(argv: list[str]) -> int:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        for path in map(Path, argv) if argv else ROUND_TRIP_PLANS:
            trip = round_trip(path, Path(tmp) / path.stem)
            print(f"== {path.stem}: {'validates' if not trip.errors else 'FAILS'}; todos said {trip.todo_errors}; "
                  f"{len(trip.differences)} differences")
            for line in trip.errors + trip.differences:
                print("   ", line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
