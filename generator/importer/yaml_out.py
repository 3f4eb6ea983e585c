"""Plan data → YAML text in the house style of plans/ (generator/docs/huong-dan.md).

Block style, 2-space indentation, lists under their key, long prose folded (`>-`) at about 100
columns, cell text with line breaks as literal blocks (`|-`), quoting only where YAML would misread a
value, and comments (`# ...`) above the key or list item they explain. The text is parsed back and
compared with the data before it is returned, so a quoting mistake can never change a value.
"""
from __future__ import annotations

import datetime as dt
import functools
import json
import re
from decimal import Decimal
from typing import Any

import yaml

from generator.core.text import wrap_words

WIDTH = 100
SCHEMA_FILE = "kehoach.schema.json"
SCHEMA_FORM = "# yaml-language-server: $schema={ref}"
SCHEMA_LINE = SCHEMA_FORM.format(ref=SCHEMA_FILE)  # the default: the schema import writes beside the plan

Path = tuple  # ("tasks", 3, "lead")


class YamlWriteError(Exception):
    """The emitted text does not read back as the data (a bug here, never the drafter's fault)."""


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# starts with a letter, no ':' or '#' anywhere: YAML reads it as this string unless it is a word
# like yes/no/null (checked below); everything else is asked of the YAML parser itself
_SURELY_PLAIN = re.compile("^[^\\W\\d_][^:#\\n\\t\\x00-\\x1f\\x7f-\\x9f\\u2028\\u2029\\ufeff]*$")
_RESERVED = {"y", "n", "yes", "no", "true", "false", "on", "off", "null", "nan", "inf"}


def _plain_ok(text: str) -> bool:
    if not text or text != text.strip() or "\n" in text or "\t" in text:
        return False
    if text[0] in "-?:,[]{}#&*!|>'\"%@`" or ": " in text or " #" in text or text.endswith(":"):
        return False
    if _SURELY_PLAIN.match(text) and text.casefold() not in _RESERVED:
        return True
    return _reads_back(text)


@functools.lru_cache(maxsize=4096)
def _reads_back(text: str) -> bool:
    # remembered: a table's cells repeat a few texts ("1", "–") thousands of times, and each was a parse (issue 22)
    try:
        return yaml.load(f"k: {text}", Loader=_LOADER) == {"k": text}
    except yaml.YAMLError:
        return False


# what YAML reads as a line break or refuses as non-printable inside a double-quoted scalar: escaped
_ESCAPE_IN_QUOTES = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")


def _quoted(text: str) -> str:
    """JSON's double quotes are YAML's, except that json leaves NEL, the Unicode line and paragraph
    separators and C1 controls as they are: YAML would read the first three as line breaks (folded into
    a space) and refuse the others, so every one of them is escaped as \\uXXXX."""
    return _ESCAPE_IN_QUOTES.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(text, ensure_ascii=False))


# a comment holds one line of printable text: every line break ends it, a control would be refused
_COMMENT_BREAK = re.compile("\r\n|[\n\r\x0b\x0c\x85\u2028\u2029]")
_COMMENT_UNPRINTABLE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ufeff\ufffe\uffff\ud800-\udfff]")


def comment_lines(text: str) -> list[str]:
    """The `# ...` lines for a comment's text: one per line of the text (a Word comment of two
    paragraphs, a line break, a file name holding a newline), controls and tabs as spaces."""
    lines = [_COMMENT_UNPRINTABLE.sub(" ", line).replace("\t", " ").rstrip()
             for line in _COMMENT_BREAK.split(text)]
    return lines or [""]


# characters a block scalar cannot carry as they are (YAML line breaks, controls, BOM)
_NOT_IN_BLOCK = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]")


def _foldable(text: str) -> bool:
    """Folding turns single line breaks back into spaces; it is exact only for text without line
    breaks, tabs, leading/trailing or doubled spaces."""
    return (bool(text) and "\n" not in text and "\t" not in text and text == text.strip()
            and "  " not in text and not _NOT_IN_BLOCK.search(text))


def _literal_ok(text: str) -> bool:
    lines = text.split("\n")
    return (len(lines) > 1 and all(line == line.rstrip(" ") for line in lines) and "\t" not in text
            and not lines[0].startswith(" ") and all(lines) and text == text.strip("\n")
            and not _NOT_IN_BLOCK.search(text))


def _scalar(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, Decimal)):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    return text if _plain_ok(text) else _quoted(text)


class _Writer:
    def __init__(self, comments: dict[Path, list[str]]):
        self.comments = comments
        self.out: list[str] = []

    def comment(self, path: Path, indent: int) -> None:
        room = max(40, WIDTH - indent - 2)
        for text in self.comments.get(path, []):
            for line in comment_lines(text):
                for part in wrap_words(line, room, room):
                    self.out.append((" " * indent + "# " + part).rstrip())

    def string(self, prefix: str, text: str, indent: int) -> None:
        """`prefix` is 'key:' or '-' (with its indentation); block scalars go one level deeper."""
        inline = f"{prefix} {_scalar(text)}"
        if "\n" not in text and len(inline) <= WIDTH:
            self.out.append(inline)
        elif "\n" in text and _literal_ok(text):
            self.out.append(f"{prefix} |-")
            self.out += [" " * (indent + 2) + line for line in text.split("\n")]
        elif "\n" not in text and _foldable(text):
            self.out.append(f"{prefix} >-")
            room = WIDTH - indent - 2
            self.out += [" " * (indent + 2) + line for line in wrap_words(text, room, room)]
        else:
            self.out.append(inline)

    def mapping(self, data: dict, indent: int, path: Path, first_prefix: str | None = None) -> None:
        """`first_prefix`: the '- ' that opens a list item carrying this mapping."""
        for n, (key, value) in enumerate(data.items()):
            kpath = path + (key,)
            pad = " " * indent
            if n == 0 and first_prefix is not None:
                head = first_prefix
            else:
                if n or first_prefix is None:
                    self.comment(kpath, indent)
                head = pad
            self.entry(head + f"{_key(key)}:", value, indent, kpath)

    def entry(self, prefix: str, value: Any, indent: int, path: Path) -> None:
        if isinstance(value, dict):
            if not value:
                self.out.append(f"{prefix} {{}}")
                return
            self.out.append(prefix)
            self.mapping(value, indent + 2, path)
        elif isinstance(value, list):
            if not value:
                self.out.append(f"{prefix} []")
                return
            self.out.append(prefix)
            self.sequence(value, indent + 2, path)
        elif isinstance(value, str):
            self.string(prefix, value, indent)
        else:
            self.out.append(f"{prefix} {_scalar(value)}")

    def sequence(self, items: list, indent: int, path: Path) -> None:
        pad = " " * indent
        for i, item in enumerate(items):
            ipath = path + (i,)
            self.comment(ipath, indent)
            if isinstance(item, dict) and item:
                first = next(iter(item))
                self.comment(ipath + (first,), indent)
                self.mapping(item, indent + 2, ipath, first_prefix=pad + "- ")
            elif isinstance(item, list) and item:
                self.out.append(pad + "-")
                self.sequence(item, indent + 2, ipath)
            elif isinstance(item, str):
                self.string(pad + "-", item, indent)
            else:
                self.out.append(f"{pad}- {_scalar(item) if not isinstance(item, (dict, list)) else '[]'}")


def _key(key: Any) -> str:
    text = str(key)
    return text if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_.-]*", text) and _plain_ok(text) else _quoted(text)


def _normal(value: Any) -> Any:
    """Compare as YAML reads: numbers by value, so 4.0, Decimal('4.0') and a whole Decimal('80') written "80" and
    read back as the int 80 agree (a score appendix of a whole index made import fail on its own output)."""
    if isinstance(value, dict):
        return {str(k): _normal(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_normal(v) for v in value]
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return ("num", str(Decimal(str(value)).normalize()))
    return value


BLANK_BEFORE = {"issuer", "document", "title", "legal_bases", "preamble", "criteria", "agencies", "targets",
                "tasks", "responsibilities", "funding", "sections", "closing", "signer", "recipients", "archive",
                "appendices", "layout", "numbering"}


def dump_plan(data: dict, comments: dict[Path, list[str]] | None = None, header: list[str] = (),
              schema_ref: str = SCHEMA_FILE) -> str:
    """The plan file: schema line (the editor's schema: `schema_ref`, relative to the plan; by default
    the kehoach.schema.json that import writes beside it), `header` comment lines, then the data; blank
    lines between the top-level parts as in plans/. Invisible control characters a plan file may not hold
    (`validate` would refuse the plan for them) are left out, and said in the header."""
    dropped: dict[str, int] = {}
    data = _without_controls(data, dropped)
    if dropped:
        codes = ", ".join(f"U+{ord(c):04X}" for c in sorted(dropped))
        header = [*header, f"Đã bỏ {sum(dropped.values())} ký tự điều khiển không nhìn thấy ({codes}) có trong tệp Word: "
                           "tệp kế hoạch không chứa được các ký tự này."]
    writer = _Writer(comments or {})
    writer.out.append(SCHEMA_FORM.format(ref=schema_ref))
    for text in header:
        for line in comment_lines(text):
            for part in wrap_words(line, WIDTH - 2, WIDTH - 2) if line else [""]:
                writer.out.append(f"# {part}".rstrip())
    for key, value in data.items():
        if key in BLANK_BEFORE:
            writer.out.append("")
        writer.comment((key,), 0)
        writer.entry(f"{_key(key)}:", value, 0, (key,))
    text = "\n".join(writer.out) + "\n"
    _within_plan_limit(text)
    try:
        back = yaml.load(text, Loader=_LOADER)
    except yaml.YAMLError as exc:
        raise YamlWriteError(f"YAML không đọc lại được: {exc}") from None
    if _normal(back) != _normal(data):
        raise YamlWriteError("YAML đọc lại khác dữ liệu")
    return text


def _without_controls(value: Any, dropped: dict[str, int]) -> Any:
    """`value` with the controls the plan loader refuses in a value (plan/loader.py) left out of every text."""
    from generator.plan.loader import _FORBIDDEN_VALUE

    if isinstance(value, str):
        if not _FORBIDDEN_VALUE.search(value):
            return value
        for char in _FORBIDDEN_VALUE.findall(value):
            dropped[char] = dropped.get(char, 0) + 1
        return _FORBIDDEN_VALUE.sub("", value)
    if isinstance(value, dict):
        return {_without_controls(k, dropped): _without_controls(v, dropped) for k, v in value.items()}
    if isinstance(value, list):
        return [_without_controls(v, dropped) for v in value]
    return value


def _within_plan_limit(text: str) -> None:
    """A plan that `validate` and `build` would refuse for its size is not written (a Word file holding one
    paragraph of 58 MB gave a 54 MB plan that nothing could read)."""
    from generator.core.errors import KehoachError
    from generator.core.safeio import size_text
    from generator.plan import loader

    size = len(text.encode("utf-8"))
    if size > loader.MAX_BYTES:
        raise KehoachError(f"kế hoạch nhập được quá lớn ({size_text(size)}, giới hạn của tệp kế hoạch là "
                           f"{size_text(loader.MAX_BYTES)}): 'kehoach validate' và 'kehoach build' sẽ không đọc "
                           "được tệp này; hãy kiểm tra văn bản Word: có đoạn văn hoặc ô bảng dài bất thường")


__all__ = ["dump_plan", "YamlWriteError"]
