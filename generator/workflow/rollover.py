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
from generator.core.text import number, wrap_words
from generator.plan.catalogue import index_names
from generator.plan.loader import format_path, load_yaml, read_text
from generator.plan.validate import load_plan
from generator.workflow.yamledit import WIDTH, AliasNode, YamlEditor, get, key_node, load, nodes, quoted
from generator.workflow.years import FIGURE, around, classify, excerpt, sentences

TODO = "TODO"


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
        from generator.plan.validate import _data_path, _message  # the plan's Vietnamese for pydantic

        said: dict[tuple, str] = {}
        # a value tried as a decimal, then as an integer: said once, as a number
        for err in sorted(exc.errors(include_url=False), key=lambda e: not e["type"].startswith("decimal")):
            loc = _data_path(located.data, tuple(err["loc"]))
            comma = _decimal_comma(located.data, loc, err["type"])
            if comma is not None:
                loc, text = comma
                said.setdefault(loc, text)
                continue
            extra = "khóa không có ở đây (chỉ có " + ("value, rank, of)" if len(loc) == 3 else "year, results)")
            said.setdefault(loc, extra if err["type"] == "extra_forbidden" else _message(err))
        for loc, text in said.items():
            line, col = located.where(loc, key=text.startswith("khóa"))
            problems.add(line, col, format_path(loc), text)
        results = None
    problems.raise_if_errors()
    return results


def _decimal_comma(data, loc: tuple, kind: str) -> tuple[tuple, str] | None:
    """A result written with a decimal comma, as the drafter's own number with a dot: '44,5' is a text; in the
    one-line form '{value: 44,5, rank: 22}' YAML reads the value 44 and a key 5 (so the key is what is refused)."""
    entry = data.get("results", {}).get(loc[1]) if len(loc) == 3 and isinstance(data, dict) and \
        isinstance(data.get("results"), dict) else None
    if not isinstance(entry, dict):
        return None
    keys = list(entry)
    at = next((i for i, k in enumerate(keys) if str(k) == str(loc[2])), None)
    if kind == "extra_forbidden" and at and str(keys[at]).isdigit() and entry[keys[at]] is None:
        before = keys[at - 1]
        if isinstance(entry[before], int) and not isinstance(entry[before], bool):
            written = f"{entry[before]},{keys[at]}"
            return loc[:2] + (before,), f"số thập phân phải viết bằng dấu chấm: {written.replace(',', '.')} (không phải {written})"
    node = entry.get(loc[2])
    if kind.startswith(("decimal", "int")) and isinstance(node, str) and re.fullmatch(r"\s*\d+,\d+\s*", node):
        return loc, f"số thập phân phải viết bằng dấu chấm: {node.strip().replace(',', '.')} (không phải {node.strip()})"
    return None


@dataclass
class Rollover:
    text: str
    old_year: int
    new_year: int
    todos: list[str] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)  # every year moved: where, the words, old → new
    kept: list[str] = field(default_factory=list)  # years of the plan's era left as written, and why
    places: list[str] = field(default_factory=list)  # every TODO: where and what


def summary(result: Rollover) -> list[str]:
    """The lines that tell the drafter what rollover did: each change, each TODO, each year kept."""
    out = [f"Đã chuyển {len(result.changes)} chỗ năm của kế hoạch ({result.old_year} → {result.new_year}):"]
    out += [f"  - {line}" for line in result.changes]
    out.append(f"Còn {len(result.places)} chỗ TODO người soạn phải điền:")
    out += [f"  - {line}" for line in result.places]
    if result.kept:
        out.append(f"Giữ nguyên {len(result.kept)} chỗ năm không phải thời gian của kế hoạch (kiểm tra lại nếu cần):")
        out += [f"  - {line}" for line in result.kept]
    return out


class _Roller:
    def __init__(self, text: str, old: int, new: int, results: Results | None, source: str):
        self.editor = YamlEditor(text, aliases="follow")
        self.src = self.editor.src
        self.old, self.new = old, new
        self.delta = new - old
        self.results = results
        self.source = source
        self.todos: list[str] = []
        self.changes: list[str] = []
        self.kept: list[str] = []
        self.places: list[str] = []
        self.title = load(self.src).get("title") or ""
        self.root = self.editor.root
        self.raw = self.editor.raw
        self.insert_before_line = self.editor.insert_before_line
        self._indent = self.editor.continuation_indent

    # ---------------------------------------------------------------- helpers

    def replace_node(self, node: yaml.Node, text: str) -> None:
        self.editor.replace_span(node, text)

    def key_node(self, mapping: yaml.MappingNode, key: str):
        return key_node(mapping, key)

    def _where(self, node: yaml.Node) -> str:
        if not hasattr(self, "_paths"):
            self._paths = {id(n): p for p, n in nodes(self.root)}
        path = self._paths.get(id(node), ())
        return f"{format_path(path) or 'tệp'} (dòng {node.start_mark.line + 1} của tệp năm {self.old})"

    def left(self, node: yaml.Node, message: str) -> None:
        """Count a TODO left at (or, when inserted, next to) `node`, for the summary."""
        self.todos.append(message)
        self.places.append(f"{self._where(node)}: {message}")

    def todo(self, node: yaml.Node, message: str) -> None:
        self.left(node, message)
        self.replace_node(node, quoted(f"{TODO}: {message}", self.editor.column(node), self._indent(node)))

    def prefix_todo(self, node: yaml.ScalarNode, message: str) -> None:
        """Put 'TODO: …' in front of a text's content, whatever its YAML style; the marker gets lines
        of its own, so the text's own lines stay as they were."""
        self.left(node, message)
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
            lines = wrap_words(escaped, WIDTH - self.editor.column(node) - 1, WIDTH - indent)
            self.replace_node(node, raw[:1] + "".join(line + "\n" + " " * indent for line in lines) + raw[1:])
        else:
            self.replace_node(node, quoted(f"{marker} {load(raw)}", self.editor.column(node),
                                            self._indent(node)))

    # ---------------------------------------------------------------- year shifts in text

    def shift_text(self, node: yaml.ScalarNode, *, structural: bool, results: str = "",
                   past: bool = False, prev_too: bool = False, cited: bool = False) -> None:
        """Move the plan's own years forward inside one scalar's source text (generator/workflow/
        years.py names each year's owner): the plan's time moves; a cited document, another document
        by name and anything unnamed stay as written and are reported; a sentence stating figures
        stays exactly as written and gets a TODO (its suggestion is that sentence). `past`: the whole
        text states figures (a preamble paragraph of results); `prev_too`: last year moves too (a
        score table's header over the baseline column, which rollover moves); `cited`: the whole
        text cites documents (a legal basis)."""
        raw = self.raw(node)
        uses = classify(raw, self.old, structural=structural, title=self.title)
        # the words as a reader sees them (a block scalar's '>-' header blanked, positions kept)
        shown = re.sub(r"^[>|][-+0-9]*", lambda m: " " * len(m.group(0)), raw)
        spans = []
        past_sentences = []
        for use in uses:
            kind = "cited" if cited else "past" if past and use.kind != "cited" else use.kind
            if kind == "other" and prev_too and use.year == self.old - 1:
                kind = "plan"
            context = around(shown, use.start, use.end)
            if kind == "plan":
                spans.append((use.start, use.end))
                why = use.why or ("năm của cột kết quả năm gốc" if use.year == self.old - 1 else "")
                self.changes.append(f"{self._where(node)}: «…{context}…»: {use.year} → {use.year + self.delta}"
                                    f" ({why})")
            elif kind == "past":
                span = next(((s, e) for s, e in sentences(raw) if s <= use.start < e), (0, len(raw)))
                if span not in past_sentences:
                    past_sentences.append(span)
            elif kind == "named" or (kind == "other" and use.year in (self.old, self.old - 1)):
                why = f"văn bản khác: {use.why}" if kind == "named" else "không rõ là thời gian của kế hoạch"
                self.kept.append(f"{self._where(node)}: «…{context}…»: giữ {use.year} ({why})")
            elif kind == "cited" and use.year == self.old and not structural:
                self.kept.append(f"{self._where(node)}: «…{context}…»: giữ {use.year} (văn bản được trích dẫn; "
                                 f"nếu đã có văn bản mới cho năm {self.new}, sửa tay)")
        lost = ""
        if spans:
            out = raw
            for start, end in sorted(spans, reverse=True):
                out = out[:start] + str(int(raw[start:end]) + self.delta) + out[end:]
            self.replace_node(node, out)
            lost = "; ".join(f"không có ngày {day:02d}/{month:02d}/{year} (ngày {day}/{month} năm {year - self.delta} "
                             f"chuyển sang), chọn lại ngày" for day, month, year in _lost_days(out, self.delta))
        whole = len(sentences(raw)) == 1
        if past_sentences and not past:
            which = "" if whole else ": " + "; ".join(f"«{excerpt(shown, span).replace('—', '-')}»"
                                                     for span in past_sentences)
            self.prefix_todo(node, f"câu nêu số liệu, viết lại cho kế hoạch năm {self.new}{results} (câu của kế "
                                   f"hoạch năm {self.old} giữ nguyên bên dưới{which})" + (f"; {lost}" if lost else ""))
        elif past:
            self.prefix_todo(node, f"đoạn nêu số liệu, cập nhật theo kết quả năm {self.old}{results} (đoạn của kế "
                                   f"hoạch năm {self.old} giữ nguyên bên dưới)" + (f"; {lost}" if lost else ""))
        elif lost:  # 29/02 of a leap year moved to a common one: never print a day the calendar has not
            self.prefix_todo(node, lost)

    def results_note(self, text: str = "", codes: tuple[str, ...] = ()) -> str:
        """'; kết quả năm 2020 đã nhập: papi 46,5 điểm, hạng 21/63' for the results a sentence speaks
        of (by the given codes, else by the index names in the text, else every whole index)."""
        if not self.results:
            return ""
        entries = self.results.results
        chosen = [c for c in codes if c in entries]
        if not codes:
            named = [c for c in entries if "." not in c and any(re.search(p, text, re.IGNORECASE)
                                                               for p in index_names().get(c, ()))]
            chosen = named or [c for c in entries if "." not in c]
        parts = []
        for code in chosen:
            entry = entries[code]
            bits = [number(Decimal(str(entry.value))) if entry.value is not None else ""]
            if entry.rank is not None:
                bits.append(f"hạng {entry.rank}" + (f"/{entry.of}" if entry.of else ""))
            parts.append(f"{code} " + ", ".join(b for b in bits if b))
        return f"; kết quả năm {self.old} đã nhập: " + "; ".join(parts) if parts else ""

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
            if isinstance(node, AliasNode):
                continue  # a YAML alias ('*name'): the value it shares is moved once, where its anchor is
            if id(node) in touched_targets or (path and path[0] in ("indices", "registry", "schema_version")):
                continue
            if path and path[0] == "targets" and path[-1] != "qualifier":
                continue
            if path and path[-1] in ("id", "code", "criterion", "dimension", "sub_dimension", "type", "parent"):
                continue
            is_structural = path in structural or (path and path[-1] in ("timeframe", "title")) \
                or self._time_column(path)
            # a score table's title and headers speak of its baseline and target columns, which move
            scores = path[:1] == ("appendices",) and get(root, "appendices", path[1], "type") is not None \
                and get(root, "appendices", path[1], "type").value == "scores"
            headers = scores and (path[2:3] == ("headers",) or path[2:] == ("title",))
            preamble_results = len(path) == 2 and path[0] == "preamble" and bool(FIGURE.search(node.value))
            self.shift_text(node, structural=bool(is_structural or headers), prev_too=headers,
                            past=preamble_results, cited=path[0] == "legal_bases",
                            results=self.results_note(node.value) if preamble_results or path[0] != "targets" else "")
        self.targets()
        self.provenance()
        return self.apply()

    def _time_column(self, path: tuple) -> bool:
        """A free table's cell under a time column ('Thời gian hoàn thành', 'Thời hạn', 'Tiến độ')."""
        if len(path) != 6 or path[0] != "appendices" or path[2] != "rows" or path[4] != "cells":
            return False
        columns = get(self.root, "appendices", path[1], "columns")
        for column in (columns.value if isinstance(columns, yaml.SequenceNode) else []):
            cid, header = get(column, "id"), get(column, "header")
            if cid is not None and cid.value == path[5] and header is not None:
                return bool(re.search(r"thời\s+gian|thời\s+hạn|tiến\s+độ", header.value, re.IGNORECASE))
        return False

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
                lines += self._baseline_lines(result, old_target, code, rank_unit, anchor=target)
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
            if wording is not None:  # last year's sentence stays exactly as written, as the suggestion
                self.prefix_todo(wording, f"viết lại câu theo chỉ tiêu năm {self.new}"
                                          f"{self.results_note(codes=(code,))} (câu năm {self.old} giữ nguyên "
                                          f"bên dưới)")

    def relative_todo(self, change: yaml.Node, code: str) -> None:
        """A relative target ('tăng tối thiểu 02 bậc') is decided again: its amount becomes a TODO."""
        message = f"mức tăng, giảm năm {self.new} cho '{code}'"
        by = get(change, "by")
        if by is not None:
            self.todo(by, f"{message} (năm {self.old}: {by.value})")
        elif isinstance(change, yaml.MappingNode) and change.value and not change.flow_style:
            self.left(change, message)
            self.insert_before_line(change.value[0][0], [("by: ", f"{TODO}: {message}")])
        else:
            self.left(change, message)
            inner = self.raw(change).strip()[1:-1].strip()
            self.replace_node(change, "{by: " + quoted(f"{TODO}: {message}", WIDTH, WIDTH)
                              + (", " + inner if inner else "") + "}")

    def _tentative(self, old_target) -> str:
        return f" (tạm lấy chỉ tiêu năm {self.old}: {number(Decimal(old_target.value))})" if old_target else ""

    def _baseline_lines(self, result: ResultEntry | None, old_target, code: str, rank_unit: bool = False,
                        anchor: yaml.Node | None = None) -> list:
        if result is not None:
            lines = [f"  value: {result.value}"] if result.value is not None else []
            lines += [f"  rank: {result.rank}"] if result.rank is not None else []
            return lines + ([f"  of: {result.of}"] if result.of is not None else [])
        message = f"xác nhận kết quả năm {self.old} của '{code}'{self._tentative(old_target)}"
        self.left(anchor, message)
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
            self.left(baseline, message)
            self.insert_before_line(self.key_node(baseline, "year"), [("value: ", f"{TODO}: {message}")])
        if rank is not None:  # the rank shown is of the baseline's own year, which may be older than the year before
            year = get(baseline, "year")
            shown = year.value if year is not None else self.old - 1
            self.todo(rank, f"xác nhận thứ hạng năm {self.old} của '{code}' (năm {shown}: {rank.value})")

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
    return Rollover(roller.run(), plan.year, new, roller.todos, roller.changes, roller.kept, roller.places)


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


__all__ = ["rollover", "default_output", "load_results", "git_commit", "summary"]


_DAYS = (re.compile(r"(?<!\d)(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})(?!\d)"),
         re.compile(r"\bngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})\b"))


def _lost_days(text: str, delta: int) -> list[tuple[int, int, int]]:
    """(day, month, year) of the dates in `text` that existed `delta` years earlier and do not now (29/02)."""
    out = []
    for pattern in _DAYS:
        for m in pattern.finditer(text):
            day, month, year = (int(g) for g in m.groups())
            if 1 <= month <= 12 and 1 <= day <= 31 and not _exists(year, month, day) \
                    and _exists(year - delta, month, day):
                out.append((day, month, year))
    return out


def _exists(year: int, month: int, day: int) -> bool:
    import calendar

    return 1 <= year <= 9999 and day <= calendar.monthrange(year, month)[1]
