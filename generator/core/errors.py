"""Errors meant for the drafter. Every layer collects `Message`s; only the CLI prints them."""
from __future__ import annotations

import errno as _errno
import functools
import os
import re
from dataclasses import dataclass, field, replace

from generator.core.messages import Level, Message


def located(file: str, line: int, col: int, path: str, text: str, level: Level = "error") -> Message:
    """A message about a place in a plan file (file:line:col, field path)."""
    return Message(level, text, file=file, line=line, col=col, field=path)


def file_order(m: Message) -> tuple:
    """File order: by file, line, column, then field and text (the order a drafter reads them in)."""
    return (m.file, m.line, m.col, m.field, m.text, m.level)


# English texts of the libraries under kehoach (zipfile, zlib, lxml, the OS) that a message may carry
# inside it ("tệp .docx bị hỏng (File is not a zip file)"): said in Vietnamese wherever a message is printed.
# (Compiled at the first message printed, not at start-up: a command that prints none does not pay.)
_LIBRARY_VI_TEXTS: tuple[tuple[str, str], ...] = (
    (r"File is not a zip file", "không phải gói ZIP"),
    (r"Bad CRC-32 for file '([^']*)'", r"sai mã kiểm tra CRC-32 của phần \1"),
    (r"Bad magic number for file header", "đầu một mục của gói ZIP bị hỏng"),
    (r"Bad magic number for central directory", "mục lục của gói ZIP bị hỏng"),
    (r"Truncated file header", "đầu một mục của gói ZIP bị cắt cụt"),
    (r"Truncated central directory", "mục lục của gói ZIP bị cắt cụt"),
    (r"Corrupt extra field[^);]*", "trường phụ của một mục ZIP bị hỏng"),
    (r"File name in directory '([^']*)' and header b?'([^']*)' differ\.?",
     r"tên phần \1 trong mục lục và trong đầu mục khác nhau"),
    (r"Overlapped entries: '([^']*)' \(possible zip bomb\)", r"các mục chồng lên nhau ở \1 (có thể là bom nén)"),
    (r"[Oo]verlapped entries[^);]*", "các mục chồng lên nhau (có thể là bom nén)"),
    (r"compression type \d+ \(\w+\)|That compression method is not supported|compression method \w+ "
     r"is not supported", "kiểu nén không được hỗ trợ"),
    (r"zipfiles that span multiple disks are not supported", "gói ZIP chia thành nhiều tệp không được hỗ trợ"),
    (r"File '([^']*)' is encrypted, password required for extraction", r"phần \1 được mã hóa, cần mật khẩu"),
    (r"Error -?\d+ while decompressing data(: [^);]*)?", "dữ liệu nén bị hỏng"),
    (r"Compressed file ended before the end-of-stream marker was reached", "dữ liệu nén kết thúc giữa chừng"),
    (r"invalid (stored|distance|code|block type)[^);]*", "dữ liệu nén bị hỏng"),
    (r"Opening and ending tag mismatch[^);]*", "thẻ mở và thẻ đóng không khớp"),
    (r"Premature end of data[^);]*", "dữ liệu kết thúc giữa chừng"),
    (r"Start tag expected, '<' not found[^);]*", "thiếu thẻ mở đầu '<'"),
    (r"Document is empty[^);]*", "phần rỗng"),
    (r"Extra content at the end of the document[^);]*", "có nội dung thừa sau cuối phần"),
    (r"Char 0x[0-9A-Fa-f]+ out of allowed range[^);]*|PCDATA invalid Char value[^);]*|"
     r"xmlParseCharRef: invalid xmlChar value[^);]*",
     "có ký tự không được phép trong XML"),
    (r"Input is not proper UTF-8[^);]*|Document labelled UTF-16 but has UTF-8 content[^);]*|"
     r"Unsupported encoding[^);]*", "bảng mã không hợp lệ"),
    (r"(xmlParse)?EntityRef: expecting ';'[^);]*|xmlParseEntityRef: no name[^);]*|Entity '[^']*' not defined[^);]*",
     "tham chiếu ký tự '&' không hợp lệ"),
    (r"Couldn't find end of Start Tag[^);]*|attributes construct error[^);]*|AttValue: [^);]*|"
     r"Specification mandates value for attribute[^);]*|Unescaped '<' not allowed[^);]*|"
     r"Attribute [^);]* redefined[^);]*", "thẻ XML viết sai"),
    (r"Namespace prefix (\S+)[^);]* is not defined[^);]*", r"tiền tố \1 chưa được khai báo"),
    (r"[Ee]xcessive depth in document[^);]*", "lồng nhau quá sâu"),
    (r"Resource limit exceeded: (Text node too long|Buffer size limit exceeded)[^);]*",
     "có một đoạn chữ hoặc một thuộc tính dài hơn 10 MB, giới hạn của trình đọc XML"),
    (r"Memory allocation failed[^);]*|Cannot allocate memory", "không đủ bộ nhớ"),
    # PyYAML's syntax errors that plan/loader.py has no hint for
    (r"while scanning an alias did not find expected alphabetic or numeric character",
     "sau '*' phải là tên một neo (chữ, số)"),
    (r"while scanning an anchor did not find expected alphabetic or numeric character",
     "sau '&' phải là tên neo (chữ, số)"),
    (r"while scanning a block scalar[^)]*", "sau '|' hoặc '>' chỉ được có chú thích hoặc xuống dòng"),
    (r"while scanning a directive[^)]*", "chỉ thị '%' không được dùng trong tệp kế hoạch"),
    (r"found duplicate anchor[^)]*", "một tên neo '&' được đặt hai lần"),
    (r"while scanning a tag[^)]*", "thẻ '!' viết sai"),
    (r"while scanning a simple key[^)]*", "thiếu dấu ':' sau tên khóa"),
    (r"while scanning a plain scalar[^)]*", "giá trị viết sai (hãy đặt chuỗi trong dấu nháy)"),
    (r"while parsing a block (mapping|collection|node)[^)]*", "thụt lề không đúng"),
    (r"while parsing a flow (sequence|mapping|node)[^)]*", "ngoặc '[' hoặc '{' viết sai"),
    (r"unacceptable character #x0*([0-9A-Fa-f]+)[^)]*", r"có ký tự đặc biệt không được phép (U+\1)"),
    (r"'utf-8' codec can't decode byte[^)]*", "không phải bảng mã UTF-8"),
    (r"lỗi cú pháp YAML \([\x20-\x7e]*\)", "lỗi cú pháp YAML (cấu trúc không hợp lệ ở chỗ này)"),
)
_ERRNO_TEXT = re.compile(r"\[Errno (\d+)\] ([^:)\]]+)(: '[^']*')?")


@functools.cache
def _library_vi() -> list[tuple[re.Pattern, str]]:
    return [(re.compile(english), vi) for english, vi in _LIBRARY_VI_TEXTS]


@functools.cache
def _strerror() -> dict[str, int]:
    return {os.strerror(n): n for n in sorted(_errno.errorcode, reverse=True)}


_TYPE_NAMES = {"(error)": "(dữ liệu nén bị hỏng)", "(EOFError)": "(tệp kết thúc giữa chừng)",
               "(BadZipFile)": "(gói ZIP bị hỏng)", "(MemoryError)": "(không đủ bộ nhớ)"}


def library_vi(text: str) -> str:
    """`text` with the libraries' English (zip, zlib, XML, OS errors) said in Vietnamese."""
    from generator.core.safeio import os_error_vi  # core/safeio knows the system's errors

    def reason(number: int, english: str) -> str:
        # whether reading or writing is not known here: a permission error says neither
        if number in (_errno.EACCES, _errno.EPERM):
            return "không có quyền truy cập tệp hoặc thư mục"
        return os_error_vi(OSError(number, english))

    out = _ERRNO_TEXT.sub(lambda m: reason(int(m.group(1)), m.group(2)) + (m.group(3) or ""), text)
    if re.search(r"[A-Z][a-z]+ [a-z]+", out):
        for english, number in _strerror().items():
            if len(english) > 6 and english in out:
                out = out.replace(english, reason(number, english))
    for pattern, vi in _library_vi():
        out = pattern.sub(vi, out)
    for name, vi in _TYPE_NAMES.items():
        out = out.replace(name, vi)
    return out


def located_text(m: Message) -> str:
    """'plan.yaml:12:3: lỗi: tasks[0].lead: …', the one-line form of a located message."""
    where = f"{m.file}:{m.line}:{m.col}: " if m.line else (f"{m.file}: " if m.file else "")
    label = "lỗi" if m.level == "error" else "cảnh báo"
    field_part = f" {m.field}:" if m.field else ""
    return f"{where}{label}:{field_part} {library_vi(m.text)}"


def located_dict(m: Message) -> dict:
    """The JSON record of a located message (`validate --format json`)."""
    return {"file": m.file, "line": m.line, "col": m.col, "path": m.field, "message": library_vi(m.text),
            "severity": m.level}


class KehoachError(Exception):
    """Base of every error meant for the drafter; carries one or more located messages."""

    def __init__(self, problems: list[Message] | Message | str):
        if isinstance(problems, str):
            problems = [located("", 0, 0, "", problems)]
        elif isinstance(problems, Message):
            problems = [problems]
        # a library's English inside a message (a zip, XML or system error) is said in Vietnamese here,
        # once, so that every form (text, JSON, GitHub) prints it so
        problems = [p if library_vi(p.text) == p.text else replace(p, text=library_vi(p.text)) for p in problems]
        self.problems: list[Message] = sorted(problems, key=file_order)
        super().__init__("\n".join(located_text(p) for p in self.problems))


class PlanError(KehoachError):
    """The plan file cannot be read or is not a valid plan."""


class TemplateError(KehoachError):
    """The Word or Excel template is missing or broken."""


class OutputError(KehoachError):
    """An output could not be written (or LibreOffice failed)."""


@dataclass
class Problems:
    """Collector: add problems as they are found, raise once at the end."""

    file: str
    items: list[Message] = field(default_factory=list)

    def add(self, line: int, col: int, path: str, message: str, severity: Level = "error") -> None:
        self.items.append(located(self.file, line, col, path, message, severity))

    @property
    def errors(self) -> list[Message]:
        return [p for p in self.items if p.level == "error"]

    @property
    def warnings(self) -> list[Message]:
        return [p for p in self.items if p.level == "warning"]

    def raise_if_errors(self, exc: type[KehoachError] = PlanError) -> None:
        if self.errors:
            raise exc(self.items)


class WordFileError(KehoachError):
    """A Word file (.docx/.doc) that cannot or must not be read: broken, hostile, encrypted, macro-enabled."""
