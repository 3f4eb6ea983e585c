"""Next year's plan from last year's.

The plan file is edited in place as text: every change is a replacement of one scalar's source span
(positions from the YAML composer), so comments, key order, quoting, folding and indentation stay
byte-identical and a reviewer's diff shows only the lines that had to change. Values a drafter must
decide become TODO markers, which `kehoach validate` reports as errors.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from generator.core.errors import KehoachError, PlanError, Problems
from generator.plan.loader import format_path, load_yaml, read_text
from generator.core.text import number
from generator.plan.validate import load_plan
from generator.core.text import wrap_words
from generator.workflow.yamledit import WIDTH, YamlEditor, get, key_node, nodes, quoted

TODO = "TODO"
CITATION = re.compile(r"(Hiến pháp|Bộ luật|Luật|Pháp lệnh|Nghị định|Nghị quyết|Quyết định|Thông tư|Chỉ thị)"
                      r"[^;,.()]{0,80}$")
DEADLINE_WORDS = r"(?:trước ngày|trước|chậm nhất là ngày|chậm nhất ngày|chậm nhất|hạn chót|đến ngày|từ ngày)"
DEADLINE = re.compile(rf"(?i){DEADLINE_WORDS}\s+(\d{{1,2}})/(\d{{1,2}})/(\d{{4}})\b")
YEAR_AFTER_NAM = re.compile(r"(?i)(?<![\d/.-])(năm\s+)(\d{4})(?![\d/-])")
PLAIN_YEAR = re.compile(r"(?<![\d.-])(\d{4})(?![\d-])")
# the date of a document cited by its number: "số 17/NQ-CP ngày 7/3/2019", "... ngày 14 tháng 12 năm "
CITED_DATE = re.compile(r"(?i)\bsố\s+[\w.\-]*\d[\w.\-]*/[\w/.\-Đđ]+\s+ngày\s+"
                        r"(?:\d{1,2}\s*/\s*\d{1,2}\s*/\s*|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+)$")


class ResultEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    value: Decimal | int | None = Field(default=None, description="Điểm hoặc tỷ lệ đã công bố.")
    rank: int | None = Field(default=None, ge=1, description="Thứ hạng đã công bố.")
    of: int | None = Field(default=None, ge=1, description="Trên tổng số tỉnh, thành phố.")


class Results(BaseModel):
    """Kết quả chỉ số đã công bố của một năm, theo mã tiêu chí (papi, papi.2, par, sipas...)."""

    model_config = ConfigDict(extra="forbid")
    year: int = Field(ge=2000, le=2100)
    results: dict[str, ResultEntry]


def load_results(path: Path) -> Results:
    located = load_yaml(path)
    problems = Problems(located.file, list(located.problems))
    try:
        results = Results.model_validate(located.data)
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            loc = tuple(err["loc"])
            line, col = located.where(loc)
            problems.add(line, col, format_path(loc), f"giá trị không hợp lệ ({err['msg']})")
        results = None
    problems.raise_if_errors()
    return results


@dataclass
class Rollover:
    text: str
    old_year: int
    new_year: int
    todos: list[str] = field(default_factory=list)


class _Roller:
    def __init__(self, text: str, old: int, new: int, results: Results | None, source: str):
        self.editor = YamlEditor(text)
        self.src = text
        self.old, self.new = old, new
        self.delta = new - old
        self.results = results
        self.source = source
        self.todos: list[str] = []
        self.root = self.editor.root
        self.raw = self.editor.raw
        self.insert_before_line = self.editor.insert_before_line
        self._indent = self.editor.continuation_indent

    # ---------------------------------------------------------------- helpers

    def replace_node(self, node: yaml.Node, text: str) -> None:
        self.editor.replace_span(node, text)

    def key_node(self, mapping: yaml.MappingNode, key: str):
        return key_node(mapping, key)

    def todo(self, node: yaml.Node, message: str) -> None:
        self.todos.append(message)
        self.replace_node(node, quoted(f"{TODO}: {message}", node.start_mark.column, self._indent(node)))

    def prefix_todo(self, node: yaml.ScalarNode, message: str) -> None:
        """Put 'TODO: …' in front of a text's content, whatever its YAML style; the marker gets lines
        of its own, so the text's own lines stay as they were."""
        self.todos.append(message)
        raw = self.raw(node)
        marker = f"{TODO}: {message} —"
        if node.style in ("|", ">"):
            first = raw.index("\n") + 1
            indent = len(raw[first:]) - len(raw[first:].lstrip(" "))
            lines = wrap_words(marker, WIDTH - indent, WIDTH)
            # folded: the line break reads as a space; literal: the marker is a line of its own
            self.replace_node(node, raw[:first] + "".join(" " * indent + line + "\n" for line in lines)
                              + raw[first:])
        elif node.style in ('"', "'"):
            indent = self._indent(node)
            escaped = marker.replace("'", "''") if node.style == "'" else \
                marker.replace("\\", "\\\\").replace('"', '\\"')
            lines = wrap_words(escaped, WIDTH - node.start_mark.column - 1, WIDTH - indent)
            self.replace_node(node, raw[:1] + "".join(line + "\n" + " " * indent for line in lines) + raw[1:])
        else:
            self.replace_node(node, quoted(f"{marker} {yaml.safe_load(raw)}", node.start_mark.column,
                                            self._indent(node)))

    # ---------------------------------------------------------------- year shifts in text

    def shift_text(self, node: yaml.ScalarNode, *, structural: bool) -> None:
        """Move the plan's years forward inside one scalar's source text. `structural` scalars
        (titles, timeframes) move every occurrence of the plan year; prose moves 'năm Y', 'năm Y-1'
        and deadline dates (in the plan year or early the next), but never a year that belongs to a
        cited document: a law by name, or a document by number and date ('số 3495/KH-UBND ngày
        14/12/2018'). All patterns are matched on the original text, so no year moves twice."""
        raw = self.raw(node)
        flat = raw.replace("\n", " ")
        spans: list[tuple[int, int]] = []  # spans of the year digits to move

        def cited(start: int) -> bool:
            prefix = flat[max(0, start - 160):start]
            return bool(CITED_DATE.search(prefix) or (not structural and CITATION.search(prefix[-120:])))

        def claim(match: re.Match, group: int) -> None:
            start, end = match.span(group)
            if any(s < end and start < e for s, e in spans) or cited(start):
                return
            spans.append((start, end))

        for m in YEAR_AFTER_NAM.finditer(raw):
            if int(m.group(2)) in (self.old, self.old - 1):
                claim(m, 2)
        for m in DEADLINE.finditer(raw):
            if int(m.group(3)) in (self.old, self.old + 1):
                claim(m, 3)
        if structural:
            for m in PLAIN_YEAR.finditer(raw):
                if int(m.group(1)) == self.old:
                    claim(m, 1)
        if not spans:
            return
        out = raw
        for start, end in sorted(spans, reverse=True):
            out = out[:start] + str(int(raw[start:end]) + self.delta) + out[end:]
        self.replace_node(node, out)

    # ---------------------------------------------------------------- the plan

    def run(self) -> str:
        root = self.root
        self.replace_node(get(root, "year"), str(self.new))
        plan_id = get(root, "id")
        if plan_id is not None and str(self.old) in plan_id.value:
            self.replace_node(plan_id, plan_id.value.replace(str(self.old), str(self.new)))
        for key in ("number", "date"):
            node = get(root, "document", key)
            if node is not None and node.value not in ("", "null", "~"):
                self.replace_node(node, "null")
        structural = {("title",), ("closing",)}
        touched_targets = {id(n) for n in self._target_nodes()}
        for path, node in nodes(root):
            if not isinstance(node, yaml.ScalarNode) or node.tag != "tag:yaml.org,2002:str":
                continue
            if id(node) in touched_targets or (path and path[0] in ("targets", "indices", "registry")):
                continue
            if path and path[-1] in ("id", "code", "criterion", "dimension", "sub_dimension", "type"):
                continue
            is_structural = path in structural or (path and path[-1] in ("timeframe", "title"))
            self.shift_text(node, structural=bool(is_structural))
        self.targets()
        self.preamble()
        self.provenance()
        return self.apply()

    def _target_nodes(self):
        targets = get(self.root, "targets")
        for target in (targets.value if isinstance(targets, yaml.SequenceNode) else []):
            for key in ("target", "wording"):
                node = get(target, key)
                if node is not None:
                    yield node
            for key in ("year", "value", "rank", "of"):
                node = get(target, "baseline", key)
                if node is not None:
                    yield node

    def targets(self) -> None:
        targets = get(self.root, "targets")
        if not isinstance(targets, yaml.SequenceNode):
            return
        for target in targets.value:
            code = get(target, "criterion").value
            old_target = get(target, "target")
            change = get(target, "change")
            unit = get(target, "unit")
            rank_unit = unit is not None and unit.value == "hạng"
            result = self.results.results.get(code) if self.results else None
            baseline = get(target, "baseline")
            if baseline is None:
                lines = ["baseline:", f"  year: {self.old}"]
                lines += self._baseline_lines(result, old_target, code, rank_unit)
                self.insert_before_line(self.key_node(target, "target" if old_target is not None else "change"),
                                        lines)
            else:
                self.replace_node(get(baseline, "year"), str(self.old))
                self._baseline_value(baseline, result, old_target, code)
            if old_target is not None:
                self.todo(old_target, f"chỉ tiêu năm {self.new} cho '{code}' (chỉ tiêu năm {self.old}: "
                                      f"{number(Decimal(old_target.value))})")
            else:
                self.relative_todo(change, code)
            wording = get(target, "wording")
            if wording is not None:
                self.shift_text(wording, structural=False)
                self.prefix_todo(wording, "viết lại câu theo chỉ tiêu mới")

    def relative_todo(self, change: yaml.Node, code: str) -> None:
        """A relative target ('tăng tối thiểu 02 bậc') is decided again: its amount becomes a TODO."""
        message = f"mức tăng, giảm năm {self.new} cho '{code}'"
        by = get(change, "by")
        if by is not None:
            self.todo(by, f"{message} (năm {self.old}: {by.value})")
        elif isinstance(change, yaml.MappingNode) and change.value and not change.flow_style:
            self.todos.append(message)
            self.insert_before_line(change.value[0][0], [("by: ", f"{TODO}: {message}")])
        else:
            self.todos.append(message)
            inner = self.raw(change).strip()[1:-1].strip()
            self.replace_node(change, "{by: " + quoted(f"{TODO}: {message}", WIDTH, WIDTH)
                              + (", " + inner if inner else "") + "}")

    def _tentative(self, old_target) -> str:
        return f" (tạm lấy chỉ tiêu năm {self.old}: {number(Decimal(old_target.value))})" if old_target else ""

    def _baseline_lines(self, result: ResultEntry | None, old_target, code: str, rank_unit: bool = False) -> list:
        if result is not None:
            lines = [f"  value: {result.value}"] if result.value is not None else []
            lines += [f"  rank: {result.rank}"] if result.rank is not None else []
            return lines + ([f"  of: {result.of}"] if result.of is not None else [])
        message = f"xác nhận kết quả năm {self.old} của '{code}'{self._tentative(old_target)}"
        self.todos.append(message)
        return [("  rank: " if rank_unit and old_target is None else "  value: ", f"{TODO}: {message}")]

    def _baseline_value(self, baseline, result: ResultEntry | None, old_target, code: str) -> None:
        value, rank, of = (get(baseline, k) for k in ("value", "rank", "of"))
        if result is not None:
            updates = {"value": result.value, "rank": result.rank, "of": result.of}
            missing = []
            for key, node in (("value", value), ("rank", rank), ("of", of)):
                if updates[key] is None:
                    continue
                if node is not None:
                    self.replace_node(node, str(updates[key]))
                else:
                    missing.append(f"{key}: {updates[key]}")
            if missing:
                self.insert_before_line(self.key_node(baseline, "year"), missing)
            return
        message = f"xác nhận kết quả năm {self.old} của '{code}'{self._tentative(old_target)}"
        if value is not None:
            self.todo(value, message)
        elif rank is None or old_target is not None:  # a relative rank target needs the rank only
            self.todos.append(message)
            self.insert_before_line(self.key_node(baseline, "year"), [("value: ", f"{TODO}: {message}")])
        if rank is not None:
            self.todo(rank, f"xác nhận thứ hạng năm {self.old} của '{code}' (năm {self.old - 1}: {rank.value})")

    def preamble(self) -> None:
        """The opening paragraphs report last year's results: their figures must be updated."""
        preamble = get(self.root, "preamble")
        for node in (preamble.value if isinstance(preamble, yaml.SequenceNode) else []):
            if re.search(r"\d+,\d+|\d+/\d+ tỉnh|xếp (hạng|thứ)", node.value):
                self.prefix_todo(node, f"cập nhật số liệu theo kết quả năm {self.old}")

    def provenance(self) -> None:
        lines = self.src.splitlines(keepends=True)
        pos = len(lines[0]) if lines and lines[0].startswith("# yaml-language-server") else 0
        self.editor.insert_at(pos, f"# {self.source}\n")

    def apply(self) -> str:
        return self.editor.apply()


def rollover(plan_path: Path, new_year: int | None = None, results_path: Path | None = None,
             provenance: str | None = None) -> Rollover:
    """Return next year's plan text. The input must be a valid plan; the output validates except for
    its TODO markers."""
    plan, _ = load_plan(plan_path)
    new = new_year or plan.year + 1
    if new <= plan.year:
        raise KehoachError(f"năm mới ({new}) phải sau năm của kế hoạch ({plan.year})")
    results = load_results(results_path) if results_path else None
    if results is not None and results.year != plan.year:
        raise PlanError(f"{results_path}: kết quả năm {results.year}, nhưng kế hoạch là năm {plan.year}: "
                        f"cần kết quả năm {plan.year}")
    text = read_text(plan_path, str(plan_path))  # the same checks as when the plan was loaded
    source = f"{provenance or f'kehoach rollover: từ {plan_path.name}'}, năm {plan.year} → {new}"
    roller = _Roller(text, plan.year, new, results, source)
    return Rollover(roller.run(), plan.year, new, roller.todos)


def git_commit(path: Path) -> str | None:
    """Short commit of the repository holding `path`, when there is one (for provenance)."""
    import subprocess

    try:
        done = subprocess.run(["git", "-C", str(path.resolve().parent), "rev-parse", "--short=12", "HEAD"],
                              capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout.strip() if done.returncode == 0 and done.stdout.strip() else None


def default_output(plan_path: Path, old: int, new: int) -> Path:
    name = plan_path.name.replace(str(old), str(new))
    if name == plan_path.name:
        name = f"{plan_path.stem}-{new}{plan_path.suffix}"
    return plan_path.with_name(name)


__all__ = ["rollover", "default_output", "load_results", "git_commit"]
