"""Turn located YAML data into a validated Plan, translating pydantic errors into located
Vietnamese messages."""
from __future__ import annotations

import calendar
import copy
import datetime as dt
import difflib
import re
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from generator.plan.checks import check_plan
from generator.core.errors import Problems, file_order
from generator.core.messages import Message
from generator.plan.loader import Located, PathKey, format_path, load_yaml
from generator.plan.model import NOT_BLANK, Plan

_NUMBER_ERRORS = {"int_type", "int_parsing", "int_from_float", "decimal_type", "decimal_parsing",
                  "float_type", "float_parsing"}
_DECIMAL_COMMA = re.compile(r"^[+-]?\d+,\d+$")

_TYPE_MESSAGES = {
    "string_type": "phải là chữ (đặt trong dấu nháy nếu giá trị trông giống số, ngày hoặc yes/no)",
    "int_type": "phải là số nguyên",
    "int_parsing": "phải là số nguyên",
    "int_from_float": "phải là số nguyên",
    "decimal_type": "phải là số",
    "decimal_parsing": "phải là số; số thập phân viết bằng dấu chấm (5.5, không phải 5,5)",
    "date_type": "phải là ngày dạng YYYY-MM-DD",
    "date_parsing": "phải là ngày dạng YYYY-MM-DD",
    "date_from_datetime_inexact": "chỉ ghi ngày dạng YYYY-MM-DD, không ghi giờ",
    "date_from_datetime_parsing": "phải là ngày dạng YYYY-MM-DD",
    "bool_type": "phải là true hoặc false",
    "bool_parsing": "phải là true hoặc false",
    "list_type": "phải là một danh sách (mỗi phần tử một dòng bắt đầu bằng '- ')",
    "dict_type": "phải là một bảng 'khóa: giá trị'",
    "model_type": "phải là một bảng 'khóa: giá trị'",
    "model_attributes_type": "phải là một bảng 'khóa: giá trị'",
    "string_too_short": "không được để trống",
    "block_kind": "không rõ loại nội dung: cần một đoạn văn, hoặc một bảng có một trong các khóa "
    "bullets, title, text, target, targets, responsibilities, funding, appendix",
    "union_tag_not_found": "thiếu khóa 'type' (tasks, scores hoặc table)",
    "none_required": "phải để trống",
    "finite_number": "phải là một số hữu hạn",
}


def _message(err: dict[str, Any]) -> str:
    kind, ctx = err["type"], err.get("ctx", {})
    if kind in _TYPE_MESSAGES:
        return _TYPE_MESSAGES[kind]
    if kind == "missing":
        return f"thiếu trường bắt buộc '{err['loc'][-1]}'"
    if kind == "literal_error":
        return f"giá trị không hợp lệ; chấp nhận: {str(ctx.get('expected', '')).replace(' or ', ' hoặc ')}"
    if kind == "union_tag_invalid":
        return f"loại '{ctx.get('tag')}' không hợp lệ; chấp nhận: {ctx.get('expected_tags')}"
    if kind == "string_pattern_mismatch" and ctx.get("pattern") == NOT_BLANK:
        return "không được để trống (chỉ có dấu cách hoặc khoảng trắng)"
    if kind == "string_pattern_mismatch":
        return ("mã không hợp lệ: chỉ dùng chữ thường không dấu, chữ số, '.', '-', '_' "
                "và bắt đầu bằng chữ hoặc số (ví dụ: so-noi-vu)")
    if kind == "string_too_long":
        return f"quá dài (tối đa {ctx.get('max_length')} ký tự)"
    if kind == "too_short":
        return f"cần ít nhất {ctx.get('min_length')} phần tử"
    if kind in ("greater_than_equal", "greater_than"):
        return f"phải {'≥' if kind.endswith('equal') else '>'} {ctx.get('ge', ctx.get('gt'))}"
    if kind in ("less_than_equal", "less_than"):
        return f"phải {'≤' if kind.endswith('equal') else '<'} {ctx.get('le', ctx.get('lt'))}"
    if kind == "value_error":
        return str(ctx.get("error", err["msg"]))
    if kind == "int_from_float":
        return "phải là số nguyên"
    return "giá trị không hợp lệ"


_DAY_FIRST = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$")


def _told(err: dict[str, Any], node: Any, data: Any) -> str | None:
    """What the drafter typed, when it explains the error better than its type: a date written day first as
    Word shows it, a required text left empty after its key, a list where a text belongs ('- - …', a bullet
    pasted with its dash). None: the message of the error's type."""
    kind = err["type"]
    if kind.startswith("date_") and kind != "date_from_datetime_inexact":
        written = node.strip() if isinstance(node, str) else str(node)
        found = _DAY_FIRST.match(written)
        if found is None:
            year = data.get("year") if isinstance(data, dict) and isinstance(data.get("year"), int) else 2026
            return f"phải là ngày dạng năm-tháng-ngày (YYYY-MM-DD), ví dụ {year}-03-15"
        day, month, year = (int(g) for g in found.groups())
        try:
            return f"phải là ngày dạng năm-tháng-ngày: viết {dt.date(year, month, day).isoformat()} (không phải {written})"
        except ValueError:
            if not 1 <= month <= 12:
                return f"ngày {written} không có thật (không có tháng {month}); viết ngày dạng năm-tháng-ngày"
            last = calendar.monthrange(year, month)[1]
            return (f"ngày {written} không có thật (tháng {month} năm {year} không có ngày {day}); viết ngày dạng "
                    f"năm-tháng-ngày, ví dụ {dt.date(year, month, last).isoformat()}")
    if kind == "string_pattern_mismatch" and err.get("ctx", {}).get("pattern") != NOT_BLANK and \
            isinstance(err.get("input"), str):
        return _code_for(err["input"])
    if kind == "string_type" and node is None:
        return "chưa điền: viết nội dung sau dấu ':'"
    if kind == "string_type" and isinstance(node, list) and node and all(isinstance(i, str) for i in node):
        return "dòng có hai dấu gạch đầu dòng ('- - …'): bỏ dấu '-' thứ hai (kehoach tự in gạch đầu dòng)"
    return None


def _code_for(written: str) -> str | None:
    """The code of an index or criterion written as documents name it ('PAPI', 'PAR Index', 'PAPI.2')."""
    from generator.plan.catalogue import index_facts, index_names

    text = written.strip()
    for index, names in index_names().items():
        if any(re.fullmatch(name, text, re.IGNORECASE) for name in names) and text.lower() != index:
            return f"mã không hợp lệ: viết '{index}' (mã của chỉ số {index_facts()[index].label}), không viết '{text}'"
    if re.fullmatch(r"[a-z0-9][a-z0-9._-]*", text.lower()) and text.lower().split(".")[0] in index_names():
        return f"mã không hợp lệ: viết '{text.lower()}' (mã viết chữ thường), không viết '{text}'"
    return None


def _data_path(data: Any, loc: tuple) -> PathKey:
    """Pydantic locations include union tags ('subsection', 'str'); keep only real YAML steps."""
    out: list = []
    for part in loc:
        if isinstance(data, dict) and part in data:
            data = data[part]
            out.append(part)
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
            out.append(part)
        elif isinstance(data, dict) and isinstance(part, str) and not _is_tag(part):
            out.append(part)  # a missing or extra key: point at it
            break
    return tuple(out)


def _is_tag(part: str) -> bool:
    # union members in pydantic locations: our '#block' tags, appendix types, and type names
    return part.startswith("#") or part in ("tasks", "scores", "table") or not part.isidentifier()


_BLOCK_KEYS = ["bullets", "title", "text", "target", "targets", "responsibilities", "funding", "appendix"]


def _model_at(data: Any, path: PathKey) -> type[BaseModel] | None:
    """Which model class validates the mapping at `path` (for 'did you mean' on unknown keys)."""
    annotation: Any = Plan
    node = data
    for part in path:
        annotation = _unwrap(annotation, node)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            field = annotation.model_fields.get(part)
            if field is None:
                return None
            annotation = field.annotation
        else:
            origin = typing.get_origin(annotation)
            args = typing.get_args(annotation)
            if origin is list and args:
                annotation = args[0]
            elif origin is dict and len(args) == 2:
                annotation = args[1]
            else:
                return None
        node = node[part] if isinstance(node, (dict, list)) else None
    annotation = _unwrap(annotation, node)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return None


def _unwrap(annotation: Any, node: Any) -> Any:
    from generator.plan.model import _bullet_kind, _kind

    for _ in range(10):
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
            continue
        if origin is typing.Union or str(origin) == "types.UnionType":
            members = [a for a in typing.get_args(annotation) if a is not type(None)]
            picked = None
            for member in members:
                inner = typing.get_args(member)[0] if typing.get_origin(member) is typing.Annotated else member
                tag = _tag_of(member)
                if tag and tag in (_kind(node), _bullet_kind(node)):
                    picked = inner
                    break
                if isinstance(node, dict) and isinstance(inner, type) and issubclass(inner, BaseModel):
                    if "type" in node and "type" in inner.model_fields:
                        allowed = typing.get_args(inner.model_fields["type"].annotation)
                        if node["type"] in allowed:
                            picked = inner
                            break
                    elif "type" not in inner.model_fields and picked is None:
                        picked = inner
            if picked is None:
                return annotation
            annotation = picked
            continue
        return annotation
    return annotation


def _expected_keys(model: type[BaseModel] | None) -> str:
    """'; khóa bắt buộc: ...; khóa tùy chọn: ...' for a value that should have been a mapping."""
    if model is None:
        return ""
    required = [k for k, f in model.model_fields.items() if f.is_required()]
    optional = [k for k, f in model.model_fields.items() if not f.is_required()]
    parts = ([f"khóa bắt buộc: {', '.join(required)}"] if required else []) + (
        [f"khóa tùy chọn: {', '.join(optional)}"] if optional else [])
    return "; " + "; ".join(parts) if parts else ""


def _tag_of(member: Any) -> str | None:
    if typing.get_origin(member) is typing.Annotated:
        for meta in typing.get_args(member)[1:]:
            tag = getattr(meta, "tag", None)
            if tag:
                return tag
    return None


def _node(data: Any, path: PathKey) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


TODO = "TODO"


def todo_markers(located: Located, problems: Problems) -> set[PathKey]:
    """Every 'TODO…' value (left by `kehoach rollover` for the drafter) is an error, so an unfinished
    plan cannot pass review; returns their paths so schema errors there are not reported twice."""
    paths: set[PathKey] = set()

    def walk(value: Any, path: PathKey) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, path + (key,))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                walk(item, path + (i,))
        elif isinstance(value, str) and value.lstrip().startswith(TODO):
            paths.add(path)
            line, col = located.where(path)
            problems.add(line, col, format_path(path), f"còn việc phải làm: {value.strip()}")

    walk(located.data, ())
    return paths


def todo_values(data: Any, path: PathKey = ()) -> dict[PathKey, str]:
    """Every 'TODO…' value by its path, without reporting it."""
    if isinstance(data, dict):
        return {p: v for key, item in data.items() for p, v in todo_values(item, path + (key,)).items()}
    if isinstance(data, list):
        return {p: v for i, item in enumerate(data) for p, v in todo_values(item, path + (i,)).items()}
    return {path: data.strip()} if isinstance(data, str) and data.lstrip().startswith(TODO) else {}


def _set(data: Any, path: PathKey, value: Any) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


def parse_plan(located: Located, problems: Problems, *, todos_as_values: bool = False) -> Plan | None:
    """Validate the data; on failure add located problems and return None. With `todos_as_values`
    (review of a plan just rolled over) TODO markers are not errors: a marker where a number belongs
    is read as 1, and the caller shows the marker itself (see `load_plan_for_review`)."""
    if todos_as_values:
        todos: set[PathKey] = set()
        markers = todo_values(located.data)
        try:
            Plan.model_validate(located.data)
        except ValidationError as exc:
            for err in exc.errors(include_url=False):
                path = _data_path(located.data, tuple(err["loc"]))
                if path in markers:
                    _set(located.data, path, 1)
    else:
        todos = todo_markers(located, problems)
    # a value the loader refused (control characters, bad numbers...) is not reported again as missing
    refused = {p.field for p in located.problems if p.level == "error"}
    if isinstance(located.data, dict) and not set(located.data) & set(Plan.model_fields):
        problems.add(1, 1, "", "không phải tệp kế hoạch: không có khóa nào của lược đồ (schema_version, id, year, "
                               "issuer, title, sections, ...)")
        return None
    try:
        plan = Plan.model_validate(located.data)
        return None if todos else plan
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        # a misspelt key already says "did you mean X": do not also report X as missing
        suggested = set()
        for err in errors:
            if err["type"] == "extra_forbidden":
                path = _data_path(located.data, tuple(err["loc"]))
                owner = _model_at(located.data, path[:-1])
                if owner is not None:
                    close = difflib.get_close_matches(str(path[-1]), list(owner.model_fields), n=1, cutoff=0.6)
                    if close:
                        suggested.add(path[:-1] + (close[0],))
        number_paths: set[PathKey] = set()
        for err in errors:
            if err["type"] == "missing" and _data_path(located.data, tuple(err["loc"])) in suggested:
                continue
            if _data_path(located.data, tuple(err["loc"])) in todos:
                continue
            if format_path(_data_path(located.data, tuple(err["loc"]))) in refused:
                continue
            path = _data_path(located.data, tuple(err["loc"]))
            if err["type"] in _NUMBER_ERRORS:
                # "int or decimal": pydantic reports each member; the drafter needs one message
                if path in number_paths:
                    continue
                number_paths.add(path)
                node = _node(located.data, path)
                if isinstance(node, str) and _DECIMAL_COMMA.match(node.strip()):
                    line, col = located.where(path)
                    problems.add(line, col, format_path(path),
                                 f"số thập phân phải viết bằng dấu chấm: {node.strip().replace(',', '.')} "
                                 f"(không phải {node.strip()})")
                    continue
            if err["type"] == "union_tag_invalid":
                path = path + ("type",)
            if err["type"] == "extra_forbidden":
                line, col = located.where(path, key=True)
                message = f"khóa '{path[-1]}' không có trong lược đồ"
                owner = _model_at(located.data, path[:-1])
                if owner is not None:
                    close = difflib.get_close_matches(str(path[-1]), list(owner.model_fields), n=1, cutoff=0.6)
                    if close:
                        message += f"; có phải ý bạn là '{close[0]}'?"
                    else:
                        message += "; các khóa hợp lệ: " + ", ".join(owner.model_fields)
            else:
                line, col = located.where(path)
                message = _told(err, _node(located.data, path), located.data) or _message(err)
                if err["type"] in ("model_type", "model_attributes_type"):
                    message += _expected_keys(_model_at(located.data, path))
                node = _node(located.data, path)
                if err["type"] == "block_kind" and isinstance(node, dict):
                    for key in node:
                        close = difflib.get_close_matches(str(key), _BLOCK_KEYS, n=1, cutoff=0.6)
                        if close:
                            line, col = located.where(path + (key,), key=True)
                            message = f"khóa '{key}' không hợp lệ ở đây; có phải ý bạn là '{close[0]}'?"
                            break
            problems.add(line, col, format_path(path), message)
        return None


# ---------------------------------------------------------------- checks on the readable parts

_DROP = object()  # a list element left out of the salvaged plan
_MAX_ROUNDS = 12
# Placeholders for required top-level parts that could not be read: only so that the rest can be
# checked; every problem found under a placeholder is discarded.
_PLACEHOLDERS: dict[str, Any] = {
    "schema_version": 1, "id": "x", "title": "x", "closing": "x",
    "issuer": {"name": ["x"], "full_name": "x", "abbreviation": "x", "place": "x"},
    "sections": [{"id": "x", "title": "x"}], "signer": {"title": "x", "name": "x"},
    "recipients": [{"text": "x"}], "archive": {"units": ["VT"]},
}
# Checks that report something missing (a recipient, a reference, a printed part): their findings mean
# nothing once a part they look at was left out, so they are dropped when one of these parts was.
_ABSENCE = {
    "recipients": ("không có trong Nơi nhận",),
    "agencies": ("không có trong Nơi nhận", "cơ quan"),
    "registry": ("không có trong Nơi nhận", "cơ quan"),
    "indices": ("tiêu chí", "chỉ số"),
    "criteria": ("tiêu chí",),
    "appendices": ("không có phụ lục loại", "Phụ lục"),
    "sections": ("không được in", "không được dẫn chiếu", "chưa khai báo mục"),
    "responsibilities": ("không được in", "chưa khai báo mục"),
    "funding": ("không được dẫn chiếu",),
}


class Salvaged(Located):
    """The readable part of a plan: `data` without the parts that failed validation, positions and
    paths mapped back to the file."""

    def __init__(self, located: Located, data: Any, index_maps: dict[PathKey, list[int]]):
        super().__init__(located.file, data, [], located.values, located.keys)
        self.index_maps = index_maps

    def original(self, path: PathKey) -> PathKey:
        out: tuple = ()
        for part in path:
            kept = self.index_maps.get(out)
            out += ((kept[part] if kept is not None and isinstance(part, int) and part < len(kept) else part),)
        return out

    def where(self, path: PathKey, *, key: bool = False) -> tuple[int, int]:
        return super().where(self.original(path), key=key)


def _compact(node: Any, path: PathKey, maps: dict[PathKey, list[int]]) -> Any:
    """`node` without the dropped list elements; records which original index each kept one had."""
    if isinstance(node, dict):
        return {k: _compact(v, path + (k,), maps) for k, v in node.items()}
    if isinstance(node, list):
        kept = [i for i, item in enumerate(node) if item is not _DROP]
        maps[path] = kept
        return [_compact(node[i], path + (i,), maps) for i in kept]
    return node


def _ids_in(node: Any) -> set[str]:
    if isinstance(node, dict):
        own = {str(node[k]) for k in ("id", "code") if isinstance(node.get(k), (str, int))}
        return own.union(*(_ids_in(v) for v in node.values()))
    if isinstance(node, list):
        return set().union(*(_ids_in(v) for v in node))
    return set()


def _leave_out(data: dict, path: PathKey, removed: list[PathKey], ids: set[str]) -> bool:
    """Take the smallest part around `path` out of `data` (in place): an optional key, else the
    enclosing list element, else a required top-level part replaced by a placeholder. False when the
    plan cannot be checked without it (its year)."""
    if not path:
        return False
    if len(path) > 1 and isinstance(path[-1], str):
        owner = _model_at(data, path[:-1])
        parent = _node(data, path[:-1])
        field = owner.model_fields.get(path[-1]) if owner is not None else None
        if isinstance(parent, dict) and path[-1] in parent and (field is None or not field.is_required()):
            ids.update(_ids_in(parent[path[-1]]))
            del parent[path[-1]]
            removed.append(path)
            return True
    for cut in range(len(path), 1, -1):
        if isinstance(path[cut - 1], int):
            container = _node(data, path[:cut - 1])
            if isinstance(container, list) and 0 <= path[cut - 1] < len(container):
                ids.update(_ids_in(container[path[cut - 1]]))
                container[path[cut - 1]] = _DROP
                removed.append(path[:cut])
                return True
    key = path[0]
    if key == "year":
        return False
    ids.update(_ids_in(data.get(key)))
    if key in _PLACEHOLDERS:
        data[key] = copy.deepcopy(_PLACEHOLDERS[key])
    else:
        data.pop(key, None)
    removed.append((key,))
    return True


def check_readable_parts(located: Located, problems: Problems, todos: set[PathKey]) -> None:
    """When the plan does not validate as a whole, check the parts that do: leave out each part that
    failed (the errors are already reported) and run the cross-reference checks on the rest, so one
    run reports every problem. Findings about left-out parts, or that depend on them, are dropped."""
    if not isinstance(located.data, dict) or not set(located.data) & set(Plan.model_fields):
        return
    data = copy.deepcopy(located.data)
    removed: list[PathKey] = list(todos)
    ids: set[str] = set()
    for path in todos:
        ids.update(_ids_in(_node(located.data, path)))
    for _ in range(_MAX_ROUNDS):
        maps: dict[PathKey, list[int]] = {}
        view = _compact(data, (), maps)
        salvaged = Salvaged(located, view, maps)
        try:
            plan = Plan.model_validate(view)
        except ValidationError as exc:
            paths = {salvaged.original(_data_path(view, tuple(e["loc"]))) for e in exc.errors(include_url=False)}
            # deepest first, so that leaving out a part does not shift a path still to be handled
            # (ties in a fixed order, not in the set's, which changes from run to run)
            for path in sorted(paths, key=lambda p: (-len(p), [str(k) for k in p])):
                if _node(data, path[:-1]) is _DROP or not _leave_out(data, path, removed, ids):
                    if path and path[0] == "year":
                        return
            continue
        found = Problems(located.file)
        check_plan(plan, salvaged, found)
        break
    else:
        return
    cut = [format_path(p) for p in removed]
    touched = {p[0] for p in removed if p}
    noise = [m for key in touched for m in _ABSENCE.get(key, ())]
    for problem in found.items:
        under = any(problem.field == c or problem.field.startswith((c + ".", c + "[")) for c in cut if c)
        names_cut = any(f"'{i}'" in problem.text for i in ids)
        if not (under or names_cut or any(m in problem.text for m in noise)):
            problems.items.append(problem)


def load_plan(path: Path, display: str | None = None, *, max_bytes: int | None = None) -> tuple[Plan, list[Message]]:
    """Read, validate and check one plan. Raises PlanError with every error found (and the warnings):
    the schema's and, for the parts that could be read, the cross-reference checks' (all at once);
    returns the plan and its warnings otherwise. `max_bytes`: see loader.load_yaml."""
    located = load_yaml(path, display, max_bytes)
    problems = Problems(located.file, list(located.problems))
    plan = parse_plan(located, problems)
    if plan is not None:
        check_plan(plan, located, problems)
    else:
        check_readable_parts(located, problems, set(todo_values(located.data)))
    problems.raise_if_errors()
    return plan, sorted(problems.warnings, key=file_order)  # as errors are: the order a drafter reads in


def load_plan_for_review(path: Path, display: str | None = None) -> tuple[Plan, list[Message], dict[PathKey, str]]:
    """Like `load_plan`, for `diff`: a plan fresh from `rollover` still has TODO markers, which are
    compared as values (returned by path) instead of being errors."""
    located = load_yaml(path, display)
    markers = todo_values(located.data)
    problems = Problems(located.file, list(located.problems))
    plan = parse_plan(located, problems, todos_as_values=True)
    if plan is not None:
        check_plan(plan, located, problems, frozenset(markers))
    problems.raise_if_errors()
    return plan, sorted(problems.warnings, key=file_order), markers
