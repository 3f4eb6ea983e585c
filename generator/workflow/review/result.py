"""What `import --onto` hands back: the new YAML text and, as house messages (core.messages.Message),
every difference found in the reviewed file and what became of it, the reviewer's comments and
tracked changes, and what the Word reader could not handle.

A message's `where` is the place in the reviewed file ("đoạn 12", "bảng 1, hàng 3"); `file`, `line`
and `field` the plan value it was traced to (its YAML line and key `tasks[id=x].lead`); `detail` what
only the review needs (an `Outcome` or a `Remark`)."""
from __future__ import annotations

from dataclasses import dataclass, field

from generator.core.messages import Message

# what becomes of a difference → its message level: those left for the drafter are warnings
LEVELS = {"applied": "info", "ignored": "info", "unapplied": "warning", "conflict": "warning"}


@dataclass(frozen=True)
class Outcome:
    """A difference of the reviewed file and what became of it."""

    status: str  # applied | ignored | unapplied | conflict (the plan changed the same place since the build)
    what: str  # Vietnamese: "sửa", "thêm", "bỏ", ...
    old: str = ""
    new: str = ""
    note: str = ""


@dataclass(frozen=True)
class Remark:
    """A comment or a tracked change of the reviewed file."""

    kind: str  # comment | ins | del | ...
    author: str
    date: str
    anchor: str = ""  # comments: the text they are anchored on
    decision: str = ""  # tracked changes: "nhận" | "từ chối"


def short(text: str, limit: int = 160) -> str:
    text = text.replace("\n", " / ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def outcome(status: str, what: str, where: str, plan_file: str, key: str = "", line: int | None = None,
            old: str = "", new: str = "", note: str = "") -> Message:
    """The message of one difference; its text is what was done to which text ('sửa “a” → “b”')."""
    change = f"“{short(old)}” → “{short(new)}”" if old and new else f"“{short(new or old)}”" if new or old else ""
    return Message(LEVELS[status], f"{what} {change}".strip(), where=where, file=plan_file if line else "",
                   line=line or 0, field=key, detail=Outcome(status, what, old, new, note))


def remark(kind: str, author: str, date: str, text: str, where: str, plan_file: str, key: str = "",
           line: int | None = None, anchor: str = "", decision: str = "") -> Message:
    return Message("info", text, where=where, file=plan_file if line else "", line=line or 0, field=key,
                   detail=Remark(kind, short(author), date, anchor, decision))  # an author may be a million letters


@dataclass
class OntoResult:
    plan_file: str
    reviewed_file: str
    text: str  # the new YAML text
    changed: bool
    items: list[Message] = field(default_factory=list)  # detail: Outcome
    comments: list[Message] = field(default_factory=list)  # detail: Remark
    changes: list[Message] = field(default_factory=list)  # detail: Remark
    messages: list[Message] = field(default_factory=list)  # what the Word reader could not handle

    def with_status(self, status: str) -> list[Message]:
        return [m for m in self.items if m.detail.status == status]

    @property
    def unapplied(self) -> list[Message]:
        return self.with_status("unapplied")

    @property
    def conflicts(self) -> list[Message]:
        return self.with_status("conflict")

    @property
    def needs_hand(self) -> bool:
        """Something of the reviewer's is not in the plan: the command exits 1."""
        return bool(self.unapplied or self.conflicts)
