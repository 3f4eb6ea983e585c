"""Target sentences → structured targets, and the index catalogues an imported plan uses.

A sentence is a target when it names an index or a dimension and a value to reach ("đạt 5,7/10
điểm", "xếp hạng 30/63"); the increase or decrease it states gives the baseline. Whether the printed
sentence must be kept as `wording` is decided later, against the sentence kehoach would generate.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from generator.core.text import vi_decimal as vi_number, words_key as norm  # noqa: F401  (tables.py reads them here)
from generator.plan.catalogue import CriterionInfo, available, flatten, index_names

NUM = r"\d+(?:,\d+)?"




def version_year(version: str) -> int:
    found = re.findall(r"\d{4}", version)
    return int(found[-1]) if found else 0


@dataclass
class Catalogue:
    """The criteria of the indices a plan uses (shipped catalogues, no plan overrides)."""

    indices: dict[str, str]
    by_code: dict[str, CriterionInfo]

    def match(self, name: str, *, parent: str | None = None, roots: bool = False) -> tuple[str | None, bool]:
        """Code of the criterion called `name` (exact → True; close enough → False), or None."""
        wanted = norm(name)
        if not wanted:
            return None, False
        pool = [c for c in self.by_code.values()
                if (parent is None or c.parent == parent) and (roots or not c.is_root)]
        for c in pool:
            if wanted in (norm(c.name), norm(c.short_name or "")):
                return c.code, True
        best, score = None, 0.0
        import difflib

        for c in pool:
            for form in filter(None, (c.name, c.short_name)):
                have = norm(form)
                ratio = difflib.SequenceMatcher(None, wanted, have).ratio()
                if have.startswith(wanted) or wanted.startswith(have):
                    ratio = max(ratio, 0.9)
                if ratio > score:
                    best, score = c.code, ratio
        return (best, False) if score >= 0.75 else (None, False)


def choose_indices(text: str, year: int, forced: dict[str, str] | None) -> tuple[dict[str, str], list[str]]:
    """Indices mentioned in the document, each with the catalogue version whose criterion names occur
    most often in it (ties: the newest version before the plan year). Returns notes on guesses."""
    if forced:
        return dict(forced), []
    plain = norm(text)
    notes: list[str] = []
    chosen: dict[str, str] = {}
    for index, patterns in index_names().items():  # the root indices as documents name them
        if not any(re.search(p, text, re.IGNORECASE) for p in patterns):
            continue
        versions = sorted((v for (i, v) in available() if i == index), key=version_year)
        if not versions:
            continue

        def score(version: str) -> tuple[int, int]:
            crit = flatten(available()[(index, version)])
            hits = sum(1 for c in crit.values() if not c.is_root and len(norm(c.name)) > 8 and norm(c.name) in plain)
            before = version_year(version) <= year
            return hits, (version_year(version) if before else -version_year(version))

        best = max(versions, key=score)
        chosen[index] = best
        notes.append(f"chỉ số {index}: dùng danh mục phiên bản '{best}' (đoán theo tên các tiêu chí trong văn bản "
                     f"và năm kế hoạch; đổi bằng --indices {index}=...)")
    return chosen, notes


def catalogue_for(indices: dict[str, str]) -> Catalogue:
    by_code: dict[str, CriterionInfo] = {}
    for index, version in indices.items():
        data = available().get((index, str(version)))
        if data is not None:
            by_code.update(flatten(data))
    return Catalogue(indices, by_code)


@dataclass
class ParsedTarget:
    criterion: str
    unit: str
    target: Decimal | int
    max: Decimal | None = None
    base_year: int | None = None
    base_value: Decimal | None = None
    base_rank: int | None = None
    base_of: int | None = None


_VALUE = re.compile(rf"\bđạt\s+(?:mức\s+|khoảng\s+|tối thiểu\s+|từ\s+)?({NUM})(?:\s*/\s*({NUM}))?\s*(điểm|%)")
_RANK = re.compile(r"\bxếp\s+(?:hạng|thứ)\s+(\d+)(?:\s*/\s*(\d+))?")
_CHANGE = re.compile(rf"\b(tăng|giảm)\s+({NUM})\s*(điểm|%|bậc)\s+so với\s+(?:năm\s+)?(\d{{4}})")
_SAME = re.compile(r"\bbằng kết quả năm\s+(\d{4})")
_QUOTED = re.compile(r"[“\"]([^”\"]{3,})[”\"]")


def _places(value: Decimal) -> int:
    return max(0, -value.as_tuple().exponent)


def parse_target(sentence: str, catalogue: Catalogue) -> ParsedTarget | None:
    """The target a sentence states, or None when it does not state one."""
    code = None
    quoted = _QUOTED.search(sentence)
    if quoted:
        code, _ = catalogue.match(quoted.group(1))
    if code is None:
        head = sentence.split(":")[0] if ":" in sentence else sentence
        for index in catalogue.indices:
            if any(re.search(p, head, re.IGNORECASE) for p in index_names().get(index, ())):
                code = index
                break
    if code is None:
        return None
    value, rank = _VALUE.search(sentence), _RANK.search(sentence)
    change, same = _CHANGE.search(sentence), _SAME.search(sentence)
    if value:
        target = vi_number(value.group(1))
        unit = "%" if value.group(3) == "%" else "điểm"
        parsed = ParsedTarget(code, unit, target, vi_number(value.group(2)) if value.group(2) else None)
        if change and change.group(3) != "bậc":
            delta = vi_number(change.group(2))
            base = target - delta if change.group(1) == "tăng" else target + delta
            places = max(_places(target), _places(delta))
            parsed.base_year, parsed.base_value = int(change.group(4)), base.quantize(Decimal(1).scaleb(-places))
        elif same:
            parsed.base_year, parsed.base_value = int(same.group(1)), target
        if rank and change and change.group(3) == "bậc":
            parsed.base_year = int(change.group(4))
        return parsed
    if rank:
        place = int(rank.group(1))
        parsed = ParsedTarget(code, "hạng", place)
        if rank.group(2):
            parsed.base_of = int(rank.group(2))
        if change and change.group(3) == "bậc":
            moved = int(change.group(2))
            parsed.base_year = int(change.group(4))
            parsed.base_rank = place + moved if change.group(1) == "tăng" else place - moved
        return parsed
    return None


def target_data(tid: str, parsed: ParsedTarget, info: CriterionInfo | None) -> dict:
    data: dict = {"id": tid, "criterion": parsed.criterion}
    if parsed.unit != "điểm":
        data["unit"] = parsed.unit
    if parsed.base_year is not None:
        base: dict = {"year": parsed.base_year}
        if parsed.base_value is not None:
            base["value"] = parsed.base_value
        if parsed.base_rank is not None:
            base["rank"] = parsed.base_rank
        if parsed.base_of is not None:
            base["of"] = parsed.base_of
        data["baseline"] = base
    data["target"] = parsed.target
    if parsed.max is not None and (info is None or info.max is None or info.max != parsed.max):
        data["max"] = parsed.max
    return data
