"""The one message type. Every step returns its value with the messages about what it could not handle
(as python-mammoth does); only the CLI prints them (`generator.cli.printer`).

A message says what (text), how serious (level), and where, in whichever terms the place has: a plan
file position (file, line, col, field), a place in a Word document (where: "đoạn 12", "bảng 2, hàng 3"),
the rule it reports (rule id and the decree's citation). `detail` carries what one kind of step needs
beyond that (a `check` finding's fix, a review item's old and new text), never something to print
generically."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Generic, Literal, TypeVar

Level = Literal["error", "warning", "info", "guess"]
T = TypeVar("T")

LEVEL_WORDS = {"error": "lỗi", "warning": "cảnh báo", "info": "ghi chú", "guess": "đoán"}


@dataclass(frozen=True)
class Message:
    level: Level
    text: str  # Vietnamese, for the drafter
    where: str = ""  # a place in a Word document
    file: str = ""
    line: int = 0  # 1-based; 0 = no line
    col: int = 0
    field: str = ""  # plan field path, "tasks[2].lead"
    rule: str = ""  # id of the rule reported ("date.form")
    ref: str = ""  # where the decree says it ("PL I §II.4.b")
    excerpt: str = ""
    detail: Any = None

    def __str__(self) -> str:
        return f"{self.where}: {self.text}" if self.where else self.text


@dataclass(frozen=True)
class Result(Generic[T]):
    value: T
    messages: list[Message] = field(default_factory=list)
