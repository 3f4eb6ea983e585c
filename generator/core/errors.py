"""Errors meant for the drafter. Every layer collects `Message`s; only the CLI prints them."""
from __future__ import annotations

from dataclasses import dataclass, field

from generator.core.messages import Level, Message


def located(file: str, line: int, col: int, path: str, text: str, level: Level = "error") -> Message:
    """A message about a place in a plan file (file:line:col, field path)."""
    return Message(level, text, file=file, line=line, col=col, field=path)


def file_order(m: Message) -> tuple:
    """File order: by file, line, column, then field and text (the order a drafter reads them in)."""
    return (m.file, m.line, m.col, m.field, m.text, m.level)


def located_text(m: Message) -> str:
    """'plan.yaml:12:3: lỗi: tasks[0].lead: …', the one-line form of a located message."""
    where = f"{m.file}:{m.line}:{m.col}: " if m.line else (f"{m.file}: " if m.file else "")
    label = "lỗi" if m.level == "error" else "cảnh báo"
    field_part = f" {m.field}:" if m.field else ""
    return f"{where}{label}:{field_part} {m.text}"


def located_dict(m: Message) -> dict:
    """The JSON record of a located message (`validate --format json`)."""
    return {"file": m.file, "line": m.line, "col": m.col, "path": m.field, "message": m.text, "severity": m.level}


class KehoachError(Exception):
    """Base of every error meant for the drafter; carries one or more located messages."""

    def __init__(self, problems: list[Message] | Message | str):
        if isinstance(problems, str):
            problems = [located("", 0, 0, "", problems)]
        elif isinstance(problems, Message):
            problems = [problems]
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
