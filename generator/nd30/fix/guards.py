"""What `check --fix` will not do although a rule carries a correction: the reasons are said to the drafter.

- a rule that cites practice, not the decree, proves nothing wrong: its table corrections are left;
- a Nơi nhận correction only on a Nơi nhận line ("- …"): never on a signature line taken for one, never a
  ";" on the "- Lưu" line, never on a line whose item goes on in the next line (a wrapped recipient);
- a larger size only where a line placed on its own (centred, or pushed with spaces) still fits: a date
  placed with spaces must not wrap (running text may wrap).
Margins are guarded where they are changed (page.py), and every correction that may reflow the text is
kept only when the pages hold the same words as before (fix/__init__.py, pages.py)."""
from __future__ import annotations

import re

from generator.core.messages import Message
from generator.core.text import text_width_pt
from generator.nd30.check.base import Checker
from generator.nd30.rules import RULE


def refusal(ck: Checker, found: Message) -> str | None:
    fix = found.detail.fix
    rule = RULE[found.rule]
    if not rule.ref.startswith("PL"):
        return "quy định theo thực tế, không phải của Nghị định 30: để người soạn quyết định"
    if fix.paragraph is None:
        return None
    p = ck.paras[ck.order[fix.paragraph]] if fix.paragraph in ck.order else None  # not a scan per finding
    if p is None:
        return "không tìm lại được đoạn văn"
    if found.rule.startswith("recipients."):
        text = p.text.strip()
        if not text.startswith("-") and not text.startswith("Nơi nhận"):
            return "dòng này không bắt đầu bằng “-” nên có thể không phải một nơi nhận (dòng chữ ký?)"
        if fix.kind == "text":
            if re.match(r"^-\s*Lưu\b", text) and (fix.text or "") != ".":
                return "dòng “- Lưu …” kết thúc bằng dấu chấm, không sửa thành dấu khác"
            nxt = ck.next_in_container(p)
            if nxt is not None and nxt.text.strip() and not nxt.text.strip().startswith("-") \
                    and not nxt.text.strip().startswith("Nơi nhận"):
                return "nơi nhận này còn tiếp ở dòng sau (một nơi nhận viết trên hai dòng)"
    placed = p.alignment != "both" or p.text.startswith("  ")  # a line set where it is, not running text
    if fix.kind == "format" and fix.size is not None and placed and "\t" not in p.text:
        if _wraps_at(ck, p, fix.size):
            return f"ở cỡ {fix.size:g} dòng chữ không còn vừa một dòng (bị xuống dòng)"
    return None


def _wraps_at(ck: Checker, p, size: float) -> bool:
    """The paragraph's lines fit their width now, and one would not at `size`."""
    room = ck.width_available(p) - (p.indent_left_pt or 0) - (p.indent_right_pt or 0) \
        - max(0.0, p.indent_first_line_pt or 0)
    old_size = next((r.size_pt for r in p.runs if r.text.strip() and r.size_pt), None)
    if old_size is None or size <= old_size:
        return False
    style = "bold" if p.bold else ("italic" if p.italic else "regular")
    for line in p.text.split("\n"):
        if text_width_pt(line, old_size, style) <= room < text_width_pt(line, size, style) * 1.02:
            return True
    return False
