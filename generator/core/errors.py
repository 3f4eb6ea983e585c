"""User-facing problems. Every layer collects them; only the CLI prints them."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    col: int
    path: str
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.col}: " if self.line else (f"{self.file}: " if self.file else "")
        label = "lỗi" if self.severity == "error" else "cảnh báo"
        field_part = f" {self.path}:" if self.path else ""
        return f"{where}{label}:{field_part} {self.message}"


class KehoachError(Exception):
    """Base of every error meant for the drafter; carries one or more located problems."""

    def __init__(self, problems: list[Problem] | Problem | str):
        if isinstance(problems, str):
            problems = [Problem("", 0, 0, "", problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


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
    items: list[Problem] = field(default_factory=list)

    def add(self, line: int, col: int, path: str, message: str, severity: Severity = "error") -> None:
        self.items.append(Problem(self.file, line, col, path, message, severity))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "warning"]

    def raise_if_errors(self, exc: type[KehoachError] = PlanError) -> None:
        if self.errors:
            raise exc(self.items)


class WordFileError(KehoachError):
    """A Word file (.docx/.doc) that cannot or must not be read: broken, hostile, encrypted, macro-enabled."""
