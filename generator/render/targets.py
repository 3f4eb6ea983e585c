"""The sentence a target prints as ("Chỉ số PAPI: đạt tối thiểu 45/80 điểm (tăng 1,5 điểm so với năm
2023)."), made from its numbers and the catalogue's name for its criterion, unless the plan gives the
wording. `diff` and `import --onto` rebuild these sentences to compare them with the printed ones."""
from __future__ import annotations

from decimal import Decimal

from generator.core.text import number
from generator.plan.catalogue import Criteria
from generator.plan.model import Target

BOUND_WORDS = {"exact": "", "above": "trên ", "at_least": "tối thiểu "}
# what a change without an amount changes, by unit ("tăng vị thứ xếp hạng"); import reads these words back
CHANGE_WHAT = {"hạng": "vị thứ xếp hạng", "%": "tỷ lệ", "điểm": "điểm số"}


def criterion_name(criteria: Criteria, code: str) -> str:
    info = criteria.get(code)
    return info.name if info else code


def target_sentence(target: Target, criteria: Criteria) -> str:
    if target.wording:
        return target.wording
    info = criteria.get(target.criterion)
    name = info.name if info else target.criterion
    maximum = target.max if target.max is not None else (info.max if info else None)
    if info is None:
        subject = name
    elif info.is_root:
        subject = info.short_name or name
        if not subject.casefold().startswith("chỉ số"):  # never "Chỉ số Chỉ số cải cách ..."
            subject = f"Chỉ số {subject}"
    else:
        subject = f"{info.level} “{name}”"
    base = target.baseline
    since = f" so với năm {base.year}" if base else ""
    if target.change is not None:
        return f"{subject}: {change_words(target)}{since}{_qualifier(target.qualifier)}."
    bound = BOUND_WORDS[target.bound]
    if target.unit == "hạng":
        of = f"/{base.of}" if base and base.of else ""
        sentence = f"{subject}: xếp hạng {bound}{target.target}{of}"
        if target.qualifier:
            return sentence + _qualifier(target.qualifier) + "."
        if base and base.rank:
            moved = base.rank - int(target.target)
            if moved:
                sentence += f" ({'tăng' if moved > 0 else 'giảm'} {abs(moved):02d} bậc so với năm {base.year})"
        return sentence + "."
    unit = "%" if target.unit == "%" else " điểm"
    value = number(target.target) + (f"/{number(maximum)}" if maximum is not None and unit != "%" else "")
    sentence = f"{subject}: đạt {bound}{value}{unit}"
    if target.qualifier:
        return sentence + _qualifier(target.qualifier) + "."
    if base and base.value is not None:
        delta = Decimal(str(target.target)) - Decimal(str(base.value))
        if delta > 0:
            sentence += f" (tăng {number(delta)}{unit} so với năm {base.year})"
        elif delta < 0:
            sentence += f" (giảm {number(-delta)}{unit} so với năm {base.year})"
        else:
            sentence += f" (bằng kết quả năm {base.year})"
    return sentence + "."


def change_words(target: Target) -> str:
    """'tăng tối thiểu 02 bậc', 'tăng vị thứ xếp hạng', 'tăng 0,5 điểm', 'giảm 7%'."""
    change = target.change
    verb = "tăng" if change.direction == "up" else "giảm"
    least = "tối thiểu " if change.at_least else ""
    if change.by is None:
        what = CHANGE_WHAT[target.unit]
        return f"{verb} {what}"
    if target.unit == "hạng":
        return f"{verb} {least}{int(change.by):02d} bậc"
    return f"{verb} {least}{number(change.by)}{'%' if target.unit == '%' else ' điểm'}"


def _qualifier(text: str | None) -> str:
    """A drafter's qualifier prints in brackets, written with or without them."""
    if not text:
        return ""
    text = text.strip()
    return f" {text}" if text.startswith("(") else f" ({text})"
