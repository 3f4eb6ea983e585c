"""Read a plan file into plain data plus the line/column of every node.

PyYAML's composer gives a node tree with marks; we build the Python values ourselves so that we can
refuse what a plan never needs (aliases, duplicate keys, binary, huge or very deep input) with a
located message, and keep decimals exactly as written ("4,0" stays 4.0, not 4).
"""
from __future__ import annotations

import datetime as dt
import gc
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml

from generator.core.errors import PlanError, Problems, located
from generator.core.messages import Message
from generator.core.safeio import NotRegular, TooLarge, os_error_vi, read_regular, size_text

MB = 1024 * 1024
# Limits against abuse (a file that is not a plan, or one built to exhaust memory), set from what a
# province could really write: the seed plans are 25-75 KB for 0-39 tasks (about 2 KB a task); a
# plan of 10,000 tasks is about 10 MB. `--max-size` raises the limit, and the node limit with it.
MAX_BYTES = 20 * MB
BYTES_PER_NODE = 40  # real plans have 65-90 bytes per YAML node
MAX_NODES = MAX_BYTES // BYTES_PER_NODE
MAX_DEPTH = 40

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

PathKey = tuple  # e.g. ("tasks", 3, "lead")


@dataclass
class Located:
    """Plain data of one YAML file and where each value (and each mapping key) starts."""

    file: str
    data: Any
    problems: list[Message] = field(default_factory=list)
    values: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    keys: dict[PathKey, tuple[int, int]] = field(default_factory=dict)

    def original(self, path: PathKey) -> PathKey:
        """The path in the file of a path in `data` (the same here; see validate.Salvaged)."""
        return tuple(path)

    def where(self, path: PathKey, *, key: bool = False) -> tuple[int, int]:
        """Line/column of `path`, or of its nearest ancestor that exists in the file."""
        path = tuple(path)
        while True:
            if key and path in self.keys:
                return self.keys[path]
            if path in self.values:
                return self.values[path]
            if not path:
                return (1, 1)
            path = path[:-1]


def format_path(path: PathKey) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


# PyYAML's English messages for the mistakes drafters actually make.
_SYNTAX_HINTS = {
    "mapping values are not allowed": "không được có dấu ':' ở đây (chuỗi có ': ' cần đặt trong dấu nháy)",
    "could not find expected ':'": "thiếu dấu ':' sau tên khóa",
    "found character '\\t' that cannot start any token": "không dùng ký tự Tab để thụt lề, hãy dùng dấu cách",
    "found a tab character that violates indentation": "không dùng ký tự Tab để thụt lề, hãy dùng dấu cách",
    "did not find expected key": "thụt lề không đúng hoặc thiếu tên khóa",
    "did not find expected '-' indicator": "thụt lề không đúng trong danh sách",
    "expected <block end>, but found": "thụt lề không đúng",
    "found unexpected end of stream": "tệp kết thúc khi chuỗi trong dấu nháy chưa đóng",
    "found undefined alias": "tham chiếu '*' tới neo không tồn tại",
    "expected a single document in the stream": "tệp chỉ được chứa một tài liệu (bỏ dòng '---' thứ hai)",
    "found unknown escape character": "ký tự thoát '\\' không hợp lệ trong chuỗi nháy kép",
    "found character that cannot start any token": "ký tự không được đứng đầu giá trị (hãy đặt chuỗi trong dấu nháy)",
    "while scanning a quoted scalar": "chuỗi trong dấu nháy chưa được đóng",
    "while parsing a flow": "ngoặc '[' hoặc '{' chưa được đóng",
}


def _syntax_message(exc: yaml.MarkedYAMLError, text: str = "") -> str:
    english = " ".join(x for x in (exc.context, exc.problem) if x)
    mark = exc.problem_mark
    if mark is not None and "cannot start any token" in english and text[mark.index:mark.index + 1] == "\t":
        english = "found character '\\t' that cannot start any token"  # libyaml does not name the character
    for needle, vi in _SYNTAX_HINTS.items():
        if needle in english:
            return f"lỗi cú pháp YAML: {vi}"
    return f"lỗi cú pháp YAML ({english})"


def _open_quote(text: str, error_line: int) -> str:
    """A hint when a quoted value opened before the error runs over several lines: a quote left open
    makes YAML read on to the next '"' and fail there, far below the line to fix (a plan writes long texts
    as '>-' blocks, so a quoted value spanning lines is most likely that mistake)."""
    opened, quote = 0, '"'
    try:
        for token in yaml.scan(text, Loader=Loader):
            if token.start_mark.line + 1 >= error_line:
                break
            # single quotes too: `init` writes every TODO in them, and a drafter keeps the opening one
            if isinstance(token, yaml.ScalarToken) and token.style in ('"', "'") and \
                    token.end_mark.line > token.start_mark.line:
                opened, quote = token.start_mark.line + 1, token.style
    except yaml.YAMLError:
        pass
    return f" — có thể do dấu nháy ({quote}) mở ở dòng {opened} chưa được đóng" if opened else ""


def _vi_int(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def too_big_message(path: Path, limit: int) -> str:
    try:
        need = max(-(-path.stat().st_size // MB), limit // MB + 1)
    except OSError:
        need = limit // MB + 1
    return (f"tệp quá lớn (giới hạn {size_text(limit)}, đủ cho một kế hoạch khoảng {_vi_int(limit // MB * 500)} "
            f"nhiệm vụ, trong khi kế hoạch thật của một tỉnh thường dưới 1 MB). Nếu đúng đây là kế hoạch cần "
            f"dùng, hãy chạy lại với --max-size {need}")


def read_text(path: Path, display: str, limit: int | None = None) -> str:
    """Read and decode a plan file, refusing what cannot be a plan."""
    limit = limit or MAX_BYTES
    try:
        raw = read_regular(path, limit)
    except TooLarge:
        raise PlanError(located(display, 0, 0, "", too_big_message(path, limit))) from None
    except NotRegular as exc:
        if path.is_dir():
            raise PlanError(located(display, 0, 0, "", f"đây là một thư mục, không phải tệp kế hoạch: ghi tên tệp, ví dụ "
                                                         f"{display.rstrip('/')}/*.yaml cho mọi kế hoạch trong thư mục")) from None
        raise PlanError(located(display, 0, 0, "", f"{exc.reason}, không phải tệp kế hoạch")) from None
    except OSError as exc:
        raise PlanError(located(display, 0, 0, "", os_error_vi(exc))) from None
    if raw.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")):  # a .docx (zip) or an old .doc
        raise PlanError(located(display, 0, 0, "", "đây là văn bản Word, không phải tệp kế hoạch: kiểm tra thể thức "
                                                     "bằng 'kehoach check', chuyển thành tệp kế hoạch bằng 'kehoach import'"))
    wide = _wide_encoding(raw)
    if wide:
        raise PlanError(located(display, 0, 0, "", f"tệp được lưu với bảng mã {wide} (Notepad gọi là “Unicode”), "
                                                     "không phải UTF-8: hãy mở và lưu lại với bảng mã UTF-8"))
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise PlanError(located(display, line, 1, "", "tệp nhị phân, không phải tệp văn bản YAML"))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise PlanError(
            located(display, line, col, "", "tệp không được mã hóa UTF-8 (hãy lưu lại với bảng mã UTF-8)")
        ) from None
    text = text.removeprefix("\ufeff")
    bad = _FORBIDDEN_RAW.search(text)
    if bad:
        line, col = _line_col(text, bad.start())
        raise PlanError(located(display, line, col, "", _control_message(bad.group())))
    return text


def _wide_encoding(raw: bytes) -> str | None:
    """'UTF-16' or 'UTF-32' when the file is text in it (a byte order mark, or most of every other byte of its
    start zero: a plan's keys are ASCII, zero-padded in UTF-16 without a mark); None otherwise."""
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "UTF-32"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    head = raw[:200]
    if len(head) >= 8 and max(head[0::2].count(0), head[1::2].count(0)) >= 0.6 * (len(head) // 2) \
            and min(head[0::2].count(0), head[1::2].count(0)) <= 0.1 * (len(head) // 2):
        return "UTF-16"
    return None


# Characters an XML 1.0 document (so a .docx or .xlsx) cannot hold, and invisible controls that
# Word would drop or turn into breaks: refused where the line and column are still known.
_FORBIDDEN_RAW = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# In a value (after escapes like "\r" or "\x07" are decoded) only tabs and line breaks may remain.
_FORBIDDEN_VALUE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


# The standard library's English reasons for a date or number YAML could not build.
_YAML_TAG = "tag:yaml.org,2002:"
_PLAIN_TAGS = {_YAML_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp", "binary", "map", "seq")}


def _brief(text: str, limit: int = 80) -> str:
    """A value quoted in a message: whole when short, else its start and its length (a 5,000-digit number
    was quoted whole, a line of 5,000 characters for every command; issue 22)."""
    return text if len(text) <= limit else f"{text[:limit - 20]}… ({_vi_int(len(text))} ký tự)"


_VALUE_HINTS = {
    "day is out of range for month": " (tháng này không có ngày đó)",
    "month must be in 1..12": " (tháng phải từ 1 đến 12)",
    "year 0 is out of range": " (năm không hợp lệ)",
    "hour must be in 0..23": " (giờ không hợp lệ)",
    "minute must be in 0..59": " (phút không hợp lệ)",
    "second must be in 0..59": " (giây không hợp lệ)",
}


def _control_message(char: str) -> str:
    return (f"có ký tự điều khiển U+{ord(char):04X} (không nhìn thấy, văn bản Word không chứa được); "
            "hãy xóa ký tự này")


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def load_yaml(path: Path, display: str | None = None, max_bytes: int | None = None) -> Located:
    """`max_bytes` (default MAX_BYTES) bounds the file size and, in proportion, the number of nodes."""
    display = display or str(path)
    max_bytes = max_bytes or MAX_BYTES
    text = read_text(path, display, max_bytes)
    # tens of thousands of short-lived nodes make the cyclic GC run over and over (2x slower); the
    # node tree has no cycles, so collection can wait until it is built
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _load(text, display, max(MAX_NODES, max_bytes // BYTES_PER_NODE))
    finally:
        if gc_was_enabled:
            gc.enable()


def _load(text: str, display: str, max_nodes: int = MAX_NODES) -> Located:
    deep = _too_deep(text)
    if deep:
        raise PlanError(located(display, deep[0], deep[1], "", f"nội dung lồng nhau quá sâu (hơn {MAX_DEPTH} cấp)"))
    try:
        root = yaml.compose(text, Loader=Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        raise PlanError(located(display, line, col, "", _syntax_message(exc, text) + _open_quote(text, line))) \
            from None
    except yaml.YAMLError as exc:  # characters and depth are checked before; this is a last resort
        raise PlanError(located(display, 0, 0, "", f"lỗi đọc YAML ({exc})")) from None
    except RecursionError:  # the pure-Python parser recurses once per level
        raise PlanError(located(display, 0, 0, "", f"nội dung lồng nhau quá sâu (hơn {MAX_DEPTH} cấp)")) from None
    if root is None:
        raise PlanError(located(display, 1, 1, "", "tệp rỗng: chưa có nội dung kế hoạch"))
    builder = _Builder(display, max_nodes)
    data = builder.build(root, (), 0)
    if not isinstance(data, dict) and not builder.problems.errors:
        builder.problems.add(root.start_mark.line + 1, root.start_mark.column + 1, "",
                             "tệp kế hoạch phải là một bảng các khóa (ví dụ 'id: ...', 'year: ...')")
    if not isinstance(data, dict) or builder.fatal:
        builder.problems.raise_if_errors()
    # Duplicate keys, aliases and the like are reported together with the schema errors.
    return Located(display, data, builder.problems.items, builder.values, builder.keys)


class _Builder:
    def __init__(self, file: str, max_nodes: int = MAX_NODES):
        self.problems = Problems(file)
        self.values: dict[PathKey, tuple[int, int]] = {}
        self.keys: dict[PathKey, tuple[int, int]] = {}
        self.seen: set[int] = set()
        self.reused: set[int] = set()
        self.count = 0
        self.fatal = False  # limits hit: the data is incomplete, schema errors would only be noise
        self.scalars = yaml.constructor.SafeConstructor()
        self.max_nodes = max_nodes

    def _pos(self, node: yaml.Node) -> tuple[int, int]:
        return node.start_mark.line + 1, node.start_mark.column + 1

    def build(self, node: yaml.Node, path: PathKey, depth: int) -> Any:
        self.count += 1
        line, col = self._pos(node)
        self.values[path] = (line, col)
        if self.count > self.max_nodes:
            if self.count == self.max_nodes + 1:
                self.fatal = True
                self.problems.add(line, col, format_path(path),
                                  f"tệp có quá nhiều phần tử (hơn {_vi_int(self.max_nodes)}); nếu đúng đây là kế "
                                  f"hoạch cần dùng, hãy chạy lại với --max-size lớn hơn "
                                  f"{-(-self.max_nodes * BYTES_PER_NODE // MB)} (MB)")
            return None
        if depth > MAX_DEPTH:
            self.fatal = True
            self.problems.add(line, col, format_path(path)[:80],
                              f"nội dung lồng nhau quá sâu (hơn {MAX_DEPTH} cấp)")
            return None
        if not isinstance(node, yaml.ScalarNode):
            if id(node) in self.seen:
                # never expanded (alias bombs) nor shared (a shared value would be walked once per
                # reference later on): reported once per reused node, and the file goes no further
                self.fatal = True
                if id(node) not in self.reused:
                    self.reused.add(id(node))
                    # the node's own mark is the anchor's; point at where the alias is used instead
                    line, col = self.keys.get(path) or self.keys.get(path[:-1]) or self.values.get(path[:-1],
                                                                                                   (line, col))
                    self.problems.add(line, col, format_path(path),
                                      "không dùng neo và tham chiếu YAML ('&', '*'): hãy viết nội dung trực tiếp")
                return None
            self.seen.add(id(node))
        if node.tag not in _PLAIN_TAGS:
            # a custom or Python tag ('!vn', '!!python/object/apply:…'): the safe loader would not run it, but
            # the value it stands for is not the plan's either; said as the file writes it
            shown = "!!" + node.tag[len(_YAML_TAG):] if node.tag.startswith(_YAML_TAG) else node.tag
            self.problems.add(line, col, format_path(path), f"thẻ YAML '{_brief(shown)}' không được dùng trong tệp "
                                                            "kế hoạch: hãy bỏ thẻ và chỉ ghi giá trị")
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (i,), depth + 1) for i, item in enumerate(node.value)]
        return self._scalar(node, path)

    def _mapping(self, node: yaml.MappingNode, path: PathKey, depth: int) -> dict:
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            line, col = self._pos(key_node)
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.add(line, col, format_path(path), "tên khóa phải là chữ")
                continue
            key = key_node.value
            if key == "<<":
                self.problems.add(line, col, format_path(path),
                                  "không dùng khóa gộp '<<' của YAML: hãy viết các khóa trực tiếp")
                continue
            if key in out:
                first = self.keys[path + (key,)][0]
                self.problems.add(line, col, format_path(path + (key,)),
                                  f"khóa '{key}' bị lặp (đã có ở dòng {first}); YAML sẽ âm thầm bỏ một giá trị")
                continue
            self.keys[path + (key,)] = (line, col)
            out[key] = self.build(value_node, path + (key,), depth + 1)
        return out

    def _scalar(self, node: yaml.ScalarNode, path: PathKey) -> Any:
        if node.tag == "tag:yaml.org,2002:str":
            bad = _FORBIDDEN_VALUE.search(node.value)
            if bad:
                line, col = self._pos(node)
                self.problems.add(line, col, format_path(path), _control_message(bad.group()))
                # the text without its controls: the error above is the only one (a None here made the
                # checks of the value's parent report it missing, "cần 'text' hoặc 'agency'")
                return _FORBIDDEN_VALUE.sub("", node.value)
            return node.value  # the common case, without the constructor's dispatch
        if node.tag == "tag:yaml.org,2002:float":
            try:
                value = Decimal(node.value.replace("_", ""))
            except InvalidOperation:
                value = None
            if value is None or not value.is_finite():
                line, col = self._pos(node)
                self.problems.add(line, col, format_path(path), f"số không hợp lệ: '{node.value}'")
                return None
            return value
        try:
            value = self.scalars.construct_object(node)
        except (yaml.constructor.ConstructorError, ValueError) as exc:
            line, col = self._pos(node)
            digits = node.value.lstrip("+-").replace("_", "")
            if node.tag == _YAML_TAG + "int" and digits.isdigit():  # past Python's 4,300 digits
                self.problems.add(line, col, format_path(path), f"số quá lớn ({_vi_int(len(digits))} chữ số)")
                return None
            self.problems.add(line, col, format_path(path), f"giá trị không đọc được: '{_brief(node.value)}'"
                              f"{_VALUE_HINTS.get(str(exc).split(':')[0], '')}")
            return None
        if isinstance(value, dt.datetime):
            return value  # the model rejects it with a located message
        if isinstance(value, bytes):
            line, col = self._pos(node)
            self.problems.add(line, col, format_path(path), "không dùng dữ liệu nhị phân (!!binary)")
            return None
        return value


# (no "\s*" before the colon: "[^#]*?" takes spaces already, and the two shared a long run of them; issue 22)
_KEY_LINE = re.compile(r"""(?:"(?:[^"\\]|\\.)*"\s*|'(?:[^']|'')*'\s*|[^\s#'"\[\]{},][^#]*?):(?:\s|$)""")
_OPENS = re.compile(r"[\"'\[{]")
_BLOCK_SCALAR = re.compile(r"(?:^|[:\-?]\s)\s*[|>][-+0-9]*\s*(?:#.*)?$")


def _too_deep(text: str) -> tuple[int, int] | None:
    """Where the nesting first goes deeper than MAX_DEPTH, from the text alone.

    The YAML parsers have limits of their own (libyaml stops at 1000 levels with its own message,
    the pure-Python one overflows the stack), so the promise "more than MAX_DEPTH levels is refused
    with this message" is kept before they run. This is a lower bound of the real depth (block
    levels by indentation and compact "- " items, flow levels by brackets outside quotes), so it
    never refuses a plan that the node-by-node check would accept.
    """
    stack: list[int] = []  # indentation of the open block levels
    flow = 0
    quote = ""
    scalar_parent: int | None = None  # inside a | or > block scalar opened at this indentation
    for lineno, line in enumerate(text.split("\n"), start=1):
        stripped = line.lstrip(" ")
        indent = len(line) - len(stripped)
        if scalar_parent is not None:
            if not stripped.strip() or indent > scalar_parent:
                continue
            scalar_parent = None
        start = indent
        if not flow and not quote:
            if not stripped.strip() or stripped.startswith("#"):
                continue
            while stack and stack[-1] >= indent:
                stack.pop()
            rest = stripped
            dashes = 0
            while rest[:2] in ("- ", "? ") or rest in ("-", "?"):
                dashes += 1
                rest = rest[2:].lstrip(" ")
            key = bool(_KEY_LINE.match(rest))
            if dashes or key:
                stack.append(indent)
                depth = len(stack) - 1 + dashes + key
                if depth > MAX_DEPTH:
                    return lineno, indent + 1
            if _BLOCK_SCALAR.search(stripped):
                scalar_parent = indent
                continue
            start = len(line) - len(rest)
        if not quote and not flow and not _OPENS.search(line, start):
            continue  # nothing on the rest of the line can open a quote or a flow collection
        value_start = True  # a bracket opens a flow collection only where a value can start
        i = start
        while i < len(line):
            ch = line[i]
            if quote:
                if quote == '"' and ch == "\\":
                    i += 2
                    continue
                if ch == quote:
                    if quote == "'" and line[i + 1:i + 2] == "'":
                        i += 2
                        continue
                    quote = ""
                i += 1
                continue
            if ch == "#" and (i == 0 or line[i - 1] in " \t"):
                break
            if ch in "\"'" and (flow or value_start):
                quote = ch
            elif ch in "[{" and (flow or value_start):
                flow += 1
                if len(stack) + flow - 1 > MAX_DEPTH:
                    return lineno, i + 1
            elif ch in "]}" and flow:
                flow -= 1
            elif ch == ":" and line[i + 1:i + 2] in (" ", ""):
                value_start = True
                i += 1
                continue
            if ch not in " \t" and not flow:
                value_start = False
            i += 1
    return None
