"""The review's report: on screen (text), as a pull request comment (Markdown) and for programs (JSON)."""
from __future__ import annotations

import json
import re

from generator.core.messages import Message
from generator.workflow.review.result import OntoResult, short

STATUS_TITLES = {
    "applied": "Đã đưa vào tệp kế hoạch",
    "ignored": "Bỏ qua (đánh số, trình bày, hoặc in lại theo số liệu đã sửa)",
    "unapplied": "CHƯA đưa vào — cần xử lý bằng tay",
    "conflict": "XUNG ĐỘT — kế hoạch đã sửa cùng chỗ từ khi build: giữ bản của kế hoạch, cần quyết định bằng tay",
}
CHANGE_KINDS = {"ins": "chèn", "del": "xóa", "moveFrom": "chuyển đi", "moveTo": "chuyển đến",
                "pPr": "đổi định dạng đoạn", "rPr": "đổi định dạng chữ", "rowIns": "chèn hàng",
                "rowDel": "xóa hàng", "paraIns": "chèn đoạn", "paraDel": "xóa đoạn",
                "paraJoin": "nối với đoạn sau"}


def _at(m: Message) -> str:
    """The plan position of a message: 'plan.yaml:93 tasks[id=x].lead'."""
    parts = []
    if m.line:
        parts.append(f"{m.file}:{m.line}")
    if m.field:
        parts.append(m.field)
    return " ".join(parts)


def _item_line(m: Message) -> str:
    at = _at(m)
    out = f"{m.text} ({m.where}{'; ' + at if at else ''})"
    return out + (f" — {m.detail.note}" if m.detail.note else "")


def summary(result: OntoResult) -> str:
    counts = {s: len(result.with_status(s)) for s in STATUS_TITLES}
    return (f"{result.plan_file} ← {result.reviewed_file}: {counts['applied']} sửa đổi đã đưa vào, "
            f"{counts['ignored']} bỏ qua, {counts['unapplied']} chưa đưa vào"
            + (f", {counts['conflict']} xung đột" if counts['conflict'] else "") + f"; {len(result.changes)} thay đổi "
            f"được theo dõi, {len(result.comments)} ý kiến.")


def _when(stamp: str | None) -> str:
    """Word's stamp of a change or comment ('2026-11-29T08:30:00Z') as Word shows it: '29/11/2026 08:30'. The time is
    shown as written (Word writes local time marked 'Z'); anything else is shown as it is."""
    found = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?",
                         (stamp or "").strip())
    if found is None:
        return stamp or ""
    year, month, day, hour, minute = found.groups()
    return f"{day}/{month}/{year}" + (f" {hour}:{minute}" if hour else "")


def render_text(result: OntoResult) -> str:
    lines = [summary(result)]
    for status, title in STATUS_TITLES.items():
        items = result.with_status(status)
        if items:
            lines.append(f"{title} ({len(items)}):")
            lines += [f"  - {_item_line(m)}" for m in items]
    if result.changes:
        lines.append(f"Thay đổi được theo dõi ({len(result.changes)}):")
        for c in result.changes:
            at, r = _at(c), c.detail
            lines.append(f"  - [{r.decision}] {CHANGE_KINDS.get(r.kind, r.kind)} “{short(c.text)}” — "
                         f"{r.author or '(không rõ)'}, {_when(r.date) or '(không rõ ngày)'} ({c.where}"
                         f"{'; ' + at if at else ''})")
    if result.comments:
        lines.append(f"Ý kiến (comment) cần trả lời ({len(result.comments)}):")
        for c in result.comments:
            at, r = _at(c) or "không gắn với giá trị nào của tệp kế hoạch", c.detail
            lines.append(f"  - {r.author or '(không rõ)'}, {_when(r.date) or '(không rõ ngày)'}: “{short(c.text, 400)}” "
                         f"— tại {at} ({c.where}{', “' + short(r.anchor, 60) + '”' if r.anchor else ''})")
    if result.messages:
        lines.append(f"Trình đọc Word ghi nhận ({len(result.messages)}):")
        lines += [f"  - {m}" for m in result.messages]
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    return short(text, 300).replace("|", "\\|")


def render_markdown(result: OntoResult) -> str:
    lines = [f"### Ý kiến duyệt từ `{result.reviewed_file}`", "", summary(result), ""]
    warnings = [m for m in result.messages if m.level == "warning"]
    if warnings:  # e.g. a document without the plan it was built from: edits may be reverted
        lines += [f"> **Cảnh báo:** {str(m).replace(chr(10), ' ')}" for m in warnings] + [""]
    for status, title in STATUS_TITLES.items():
        items = result.with_status(status)
        if items:
            lines += [f"#### {title} ({len(items)})", "",
                      "| Việc | Vị trí trong Word | Tệp kế hoạch | Nội dung | Ghi chú |", "|---|---|---|---|---|"]
            for m in items:
                o = m.detail
                change = f"{_md(o.old)} → {_md(o.new)}" if o.old and o.new else _md(o.new or o.old)
                lines.append(f"| {o.what} | {m.where} | `{_at(m)}` | {change} | {_md(o.note)} |")
            lines.append("")
    if result.changes:
        lines += [f"#### Thay đổi được theo dõi ({len(result.changes)})", "",
                  "| Quyết định | Loại | Người sửa | Ngày | Nội dung | Tệp kế hoạch |", "|---|---|---|---|---|---|"]
        for c in result.changes:
            r = c.detail
            lines.append(f"| {r.decision} | {CHANGE_KINDS.get(r.kind, r.kind)} | {_md(r.author)} | {_when(r.date)} | "
                         f"{_md(c.text)} | `{_at(c)}` |")
        lines.append("")
    if result.comments:
        lines += [f"#### Ý kiến cần trả lời ({len(result.comments)})", ""]
        for c in result.comments:
            at, r = _at(c), c.detail
            lines.append(f"- [ ] **{_md(r.author or '(không rõ)')}** ({_when(r.date) or 'không rõ ngày'}), tại "
                         f"{'`' + at + '`' if at else c.where}: {_md(c.text)}")
        lines.append("")
    return "\n".join(lines)


def _item_json(m: Message) -> dict:
    o = m.detail
    return {"status": o.status, "what": o.what, "where": m.where, "key": m.field, "line": m.line or None,
            "old": o.old, "new": o.new, "note": o.note}


def _remark_json(m: Message) -> dict:
    r = m.detail
    return {"kind": r.kind, "author": r.author, "date": r.date, "text": m.text, "where": m.where, "key": m.field,
            "line": m.line or None, "anchor": r.anchor, "decision": r.decision}


def render_json(result: OntoResult) -> str:
    data = {"plan_file": result.plan_file, "reviewed_file": result.reviewed_file, "changed": result.changed,
            "items": [_item_json(m) for m in result.items], "comments": [_remark_json(m) for m in result.comments],
            "changes": [_remark_json(m) for m in result.changes], "messages": [str(m) for m in result.messages],
            "unapplied": len(result.unapplied), "conflicts": len(result.conflicts)}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
