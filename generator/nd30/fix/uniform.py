"""Size corrections of a group that prints at one size are made all together or not at all (issue 20, FR22-TB02).

The body's paragraphs, the lines of the Nơi nhận list, of the issuer's name and of the trích yếu print at one size each; a size finding on one of them is
one fault of the whole group. Corrected paragraph by paragraph, some given up (part of a run, a line that would
rewrap, a paragraph withdrawn), the page that printed one uniform 12 pt body would print 12, 13 and 14 pt side by
side, and the list 11, 8, 8, 11 pt: worse than the fault. So the size findings of a group are kept only when every
one of them carries a correction --fix makes, all to one size; when one of them cannot be made, in any pass, the
whole group is left for a person (said for each)."""
from __future__ import annotations

from generator.core.messages import Message
from generator.core.text import decimal, shorten

# rule → what the group is called in the reason told to the drafter
GROUPS = {"body.size": "các đoạn nội dung", "recipients.size": "các dòng nơi nhận",
          # an issuer's name over two lines ("ỦY BAN NHÂN DÂN" / "TỈNH HÀ TĨNH", FR10-TC01: the first line shares its
          # run with the Quốc hiệu and cannot be resized alone, the second was: 14 over 13) and a trích yếu over two
          "issuer.size": "các dòng tên cơ quan ban hành", "title.size": "các dòng trích yếu"}


class Regroup:
    """The answer of a pass that made part of a group's size corrections and could not make the rest: the pass is
    made again with that group left (`off`, updated)."""


def _members(findings: list[Message], rule: str) -> list[Message]:
    return [f for f in findings if f.rule == rule]


def _named(found: Message) -> str:
    """"phần 1, đoạn 19 (“- Như trên;”)": where a finding is, with its words when it has them."""
    return f"{found.where} (“{shorten(found.excerpt, 40)}”)" if found.excerpt else found.where


def _reason(rule: str, why: str, sizes: set) -> str:
    size = f" {decimal(next(iter(sizes)))}" if len(sizes) == 1 else " 13 hoặc 14"
    return (f"không sửa cỡ chữ riêng đoạn này: {GROUPS[rule]} phải cùng một cỡ, mà {why}; sửa riêng từng đoạn sẽ "
            f"để trang in nhiều cỡ chữ khác nhau — hãy chọn cả nhóm trong Word và đặt cỡ chữ{size}")


def whole_groups(fixer, findings: list[Message], todo: list[Message], off: dict[str, str]) -> list[Message]:
    """`todo` without the size corrections of a group that cannot be made whole: one of its findings carries no
    correction, or is refused (not in `todo`), or they ask different sizes, or an earlier pass could not make one
    (`off`: rule → why). Each correction dropped is refused with the reason."""
    keep = list(todo)
    for rule in GROUPS:
        members = _members(findings, rule)
        if not members:
            continue
        asked = [f for f in keep if f.rule == rule]
        sizes = {f.detail.fix.size for f in members if f.detail.fix is not None}
        why = off.get(rule)
        if why is None and any(f.detail.fix is None for f in members):
            odd = next(f for f in members if f.detail.fix is None)
            why = f"{_named(odd)} không sửa tự động được (cỡ chữ khác nhau trong đoạn)"
        if why is None and len(asked) < len(members):
            odd = next(f for f in members if f not in asked)
            why = f"{_named(odd)} không sửa tự động được"
        if why is None and (len(sizes) > 1 or any(f.detail.fix.kind != "format" for f in asked)):
            why = "các đoạn được đề nghị những cỡ khác nhau (" + ", ".join(sorted(map(decimal, sizes))) + ")"
        if why is None:
            continue
        for f in asked:
            fixer.refuse(_reason(rule, why, sizes), f)
        keep = [f for f in keep if f.rule != rule]
    return keep


def partial(fixer, findings: list[Message], off: dict[str, str]) -> Regroup | None:
    """After the corrections of a pass: a group some of whose corrections were made and some not (`fixer.skipped`:
    a correction that found its text split across runs, a size refused as a risk) → `off` gains it, and the pass
    is to be made again (Regroup); None when every group was made whole or not at all."""
    skipped = set(map(id, fixer.skipped))
    again = False
    for rule in GROUPS:
        members = [f for f in _members(findings, rule) if f.detail.fix is not None]
        if rule in off or not members:
            continue
        missed = [f for f in members if id(f.detail.fix) in skipped]
        if missed and len(missed) < len(members):
            off[rule] = f"{_named(missed[0])} không sửa tự động được"
            again = True
    return Regroup() if again else None

