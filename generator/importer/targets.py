"""Target sentences → structured targets, and the index catalogues an imported plan uses.

A sentence is a target when it names an index or a dimension and a value to reach ("đạt 5,7/10
điểm", "xếp hạng 30/63"); the increase or decrease it states gives the baseline. Whether the printed
sentence must be kept as `wording` is decided later, against the sentence kehoach would generate.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from generator.core.text import vi_decimal as vi_number, words_key as norm  # noqa: F401  (tables.py reads them here)
from generator.plan.catalogue import CriterionInfo, available, flatten, version_year, index_names

NUM = r"\d+(?:,\d+)?"


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

        def score(version: str) -> tuple[bool, bool, int, int]:
            """A version whose decision the document cites ("Quyết định số 2948/QĐ-BNV" → qd2948-2017)
            first, then one published by the plan year (a later method cannot be the plan's), then the
            one whose criterion names occur most, then the newest before the plan year."""
            crit = flatten(available()[(index, version)])
            hits = sum(1 for c in crit.values() if not c.is_root and len(norm(c.name)) > 8 and norm(c.name) in plain)
            before = version_year(version) <= year
            decision = re.match(r"qd(\d+)-", version)
            cited = bool(decision and re.search(rf"\b{decision.group(1)}\s*/\s*QĐ", text, re.IGNORECASE))
            return cited, before, hits, (version_year(version) if before else -version_year(version))

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
    target: Decimal | int | None
    max: Decimal | None = None
    base_year: int | None = None
    base_value: Decimal | None = None
    base_rank: int | None = None
    base_of: int | None = None
    bound: str = "exact"  # exact | at_least | above
    change_by: int | None = None  # "tăng 02 bậc": a change instead of a value
    change_at_least: bool = False
    how: str = "name"  # how the criterion was found: name | index | close | context
    head: str | None = None  # with how == "context": the name before ':' the catalogue does not know


_VALUE = re.compile(rf"\bđạt\s+(?:mức\s+|khoảng\s+|tối thiểu\s+|từ\s+)?({NUM})(?:\s*/\s*({NUM}))?\s*(điểm|%)")
_RANK = re.compile(r"\bxếp\s+(?:hạng|thứ)\s+(\d+)(?:\s*/\s*(\d+))?")
_CHANGE = re.compile(rf"\b(tăng|giảm)\s+({NUM})\s*(điểm|%|bậc)\s+so với\s+(?:năm\s+)?(\d{{4}})")
_SAME = re.compile(r"\bbằng kết quả năm\s+(\d{4})")
_QUOTED = re.compile(r"[“\"]([^”\"]{3,})[”\"]")
# the value anywhere ("100% văn bản …", "Tối thiểu 98% hồ sơ …", "Mức độ hoàn thành …: 01 điểm"), with
# the words before it that bound it
_ANY_VALUE = re.compile(rf"(?<![\d,./])({NUM})(?:\s*/\s*({NUM}))?\s*(điểm\b|%)")
_BOUND_BEFORE = re.compile(r"(tối thiểu|ít nhất|trên)(?:\s+(?:là|đạt|từ|mức))*\s*$", re.IGNORECASE)
# last year's result in the sentence: "(năm 2018 đạt 5,94 điểm, xếp hạng 05/63 tỉnh/thành)"
_BASE = re.compile(rf"\bnăm\s+(?P<year>\d{{4}})(?:\s*[:,]?\s*(?:đạt|là|được)\s+(?P<value>{NUM})(?:\s*/\s*(?P<max>{NUM}))?"
                   rf"\s*(?P<unit>điểm\b|%)?)?(?:\s*[,;]?\s*(?:và\s+)?xếp\s+(?:hạng|thứ)\s+(?P<rank>\d+)"
                   rf"(?:\s*/\s*(?P<of>\d+))?)?", re.IGNORECASE)
_PLACES_UP = re.compile(r"\btăng\s+(?:(tối thiểu|ít nhất)\s+)?(\d+)\s+bậc\b(?:\s+so với\s+(?:năm\s+)?(\d{4}))?",
                        re.IGNORECASE)
# the words a heading or a sentence's head puts before a criterion's name
_LEVEL_WORDS = re.compile(r"^(?:(?:về|đối với)\s+)?(?:chỉ số nội dung|chỉ số thành phần|nội dung thành phần|"
                          r"lĩnh vực|tiêu chí thành phần|tiêu chí|chỉ số)\s+", re.IGNORECASE)


def _places(value: Decimal) -> int:
    return max(0, -value.as_tuple().exponent)


def criterion_named(text: str, catalogue: Catalogue) -> tuple[str | None, bool]:
    """The criterion a heading or a sentence's head names ("a) Cải cách thể chế", "Lĩnh vực “…”",
    "Chỉ số PAR Index"): (code, exact); (None, False) when it names none."""
    quoted = _QUOTED.search(text)
    if quoted:
        code, exact = catalogue.match(quoted.group(1))
        if code:
            return code, exact
    head = re.sub(r"^\s*(?:[a-zđ]\)|\d+(?:\.\d+)*\.?|[-+•])\s+", "", text).strip().rstrip(":.;").strip()
    if not head or len(head) > 120:
        return None, False
    for index in catalogue.indices:
        if any(re.search(p, head, re.IGNORECASE) for p in index_names().get(index, ())):
            return index, True
    name = _LEVEL_WORDS.sub("", head)
    if len(norm(name)) < 6:
        return None, False
    return catalogue.match(name)


def _blank(text: str, span: tuple[int, int]) -> str:
    return text[:span[0]] + " " * (span[1] - span[0]) + text[span[1]:]


def parse_target(sentence: str, catalogue: Catalogue, *, context: str | None = None,
                 year: int | None = None) -> ParsedTarget | None:
    """The target a sentence states, or None when it does not state one. The criterion is the one the
    sentence names (quoted, or before its ':'), else the index it names, else `context` (the dimension
    heading it sits under). `year`: the plan year; a "năm N đạt …" of an earlier year is the baseline."""
    code, how = None, "name"
    quoted = _QUOTED.search(sentence)
    if quoted:
        code, exact = catalogue.match(quoted.group(1))
        how = "name" if exact else "close"
    head = sentence.split(":")[0] if ":" in sentence else sentence
    if code is None:
        for index in catalogue.indices:
            if any(re.search(p, head, re.IGNORECASE) for p in index_names().get(index, ())):
                code, how = index, "index"
                break
    if code is None and ":" in sentence:
        found, exact = criterion_named(head, catalogue)
        if found:
            code, how = found, ("name" if exact else "close")
    unknown_head = None
    if code is None and ":" in sentence:
        plain_head = re.sub(r"^\s*(?:[a-zđ]\)|\d+(?:\.\d+)*\.?|[-+•])\s+", "", head).strip()
        if 6 <= len(plain_head) <= 120 and not re.search(r"\d", plain_head):
            unknown_head = plain_head
    if code is None and context is not None:
        code, how = context, "context"
    if code is None:
        return None
    text = sentence
    base: dict = {}
    if year is not None:
        for m in _BASE.finditer(text):
            if int(m["year"]) < year and (m["value"] or m["rank"]):
                base = {"year": int(m["year"]), "value": vi_number(m["value"]) if m["value"] else None,
                        "max": vi_number(m["max"]) if m["max"] else None,
                        "rank": int(m["rank"]) if m["rank"] else None, "of": int(m["of"]) if m["of"] else None}
                text = _blank(text, m.span())
                break
    parsed = _value_target(text, code) or _rank_target(text, code) or _places_target(text, code)
    if parsed is None:
        return None
    parsed.how = how
    parsed.head = unknown_head if how == "context" else None
    if base:
        parsed.base_year = base["year"]
        if base["value"] is not None:
            parsed.base_value = base["value"]
        if base["rank"] is not None:
            parsed.base_rank, parsed.base_of = base["rank"], base["of"] or parsed.base_of
        if parsed.max is None and base["max"] is not None and parsed.unit == "điểm":
            parsed.max = base["max"]
    return parsed


def _value_target(text: str, code: str) -> ParsedTarget | None:
    value = _VALUE.search(text)
    change, same = _CHANGE.search(text), _SAME.search(text)
    if value is None:
        changed = [change.span()] if change else []
        for m in _ANY_VALUE.finditer(text):
            if not any(a <= m.start() < b for a, b in changed):
                value = m
                break
        if value is None:
            return None
    target = vi_number(value.group(1))
    unit = "%" if value.group(3) == "%" else "điểm"
    parsed = ParsedTarget(code, unit, target, vi_number(value.group(2)) if value.group(2) else None)
    before = text[max(0, value.start(1) - 30):value.start(1)]  # up to the number: "đạt tối thiểu 4,5"
    words = text[value.start() - 30 if value.start() > 30 else 0:value.end() + 40]
    bound = _BOUND_BEFORE.search(before) or re.search(r"\bđạt\s+(tối thiểu|ít nhất|trên)\b", before, re.IGNORECASE)
    if bound:
        parsed.bound = "above" if bound.group(1).lower() == "trên" else "at_least"
    elif re.search(r"\btrở lên\b", words):
        parsed.bound = "at_least"
    if change and change.group(3) != "bậc" and change.start() > value.start():
        delta = vi_number(change.group(2))
        base = target - delta if change.group(1) == "tăng" else target + delta
        places = max(_places(target), _places(delta))
        parsed.base_year, parsed.base_value = int(change.group(4)), base.quantize(Decimal(1).scaleb(-places))
    elif same:
        parsed.base_year, parsed.base_value = int(same.group(1)), target
    rank = _RANK.search(text)
    if rank and change and change.group(3) == "bậc":
        parsed.base_year = int(change.group(4))
    return parsed


def _rank_target(text: str, code: str) -> ParsedTarget | None:
    rank = _RANK.search(text)
    if rank is None:
        return None
    change = _CHANGE.search(text)
    place = int(rank.group(1))
    parsed = ParsedTarget(code, "hạng", place)
    if re.search(r"(tối thiểu|ít nhất)\s*$", text[:rank.start()], re.IGNORECASE):
        parsed.bound = "at_least"
    if rank.group(2):
        parsed.base_of = int(rank.group(2))
    if change and change.group(3) == "bậc":
        moved = int(change.group(2))
        parsed.base_year = int(change.group(4))
        parsed.base_rank = place + moved if change.group(1) == "tăng" else place - moved
    return parsed


def _places_target(text: str, code: str) -> ParsedTarget | None:
    """"tăng (tối thiểu) 02 bậc (so với năm 2018)": a change of rank, no value."""
    m = _PLACES_UP.search(text)
    if m is None:
        return None
    parsed = ParsedTarget(code, "hạng", None, change_by=int(m.group(2)), change_at_least=bool(m.group(1)))
    if m.group(3):
        parsed.base_year = int(m.group(3))
    return parsed


def _plain(value):
    """A whole number as printed without decimals ("100%", "01 điểm") is an int, so YAML says it as written."""
    if isinstance(value, Decimal) and value.as_tuple().exponent >= 0:
        return int(value)
    return value


def target_data(tid: str, parsed: ParsedTarget, info: CriterionInfo | None) -> dict:
    data: dict = {"id": tid, "criterion": parsed.criterion}
    if parsed.unit != "điểm":
        data["unit"] = parsed.unit
    if parsed.base_year is not None:
        base: dict = {"year": parsed.base_year}
        if parsed.base_value is not None:
            base["value"] = _plain(parsed.base_value)
        if parsed.base_rank is not None:
            base["rank"] = parsed.base_rank
        if parsed.base_of is not None:
            base["of"] = parsed.base_of
        data["baseline"] = base
    if parsed.change_by is not None:
        change: dict = {"by": parsed.change_by}
        if parsed.change_at_least:
            change["at_least"] = True
        data["change"] = change
    else:
        data["target"] = _plain(parsed.target)
    if parsed.bound != "exact":
        data["bound"] = parsed.bound
    if parsed.max is not None and (info is None or info.max is None or info.max != parsed.max):
        data["max"] = _plain(parsed.max)
    return data
