"""Target sentences → structured targets, and the index catalogues an imported plan uses.

A sentence is a target when it names an index or a dimension and a value to reach ("đạt 5,7/10
điểm", "xếp hạng 30/63"); the increase or decrease it states gives the baseline. Whether the printed
sentence must be kept as `wording` is decided later, against the sentence kehoach would generate.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from generator.core.text import vi_decimal as vi_number, words_key as norm  # noqa: F401  (tables.py reads them here)
from generator.plan.catalogue import CriterionInfo, available, flatten, version_year, index_names
from generator.render.targets import CHANGE_WHAT

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


    def adopt(self, own: list[dict]) -> None:
        """Criteria of the plan's own that a table declared, added as the renderer's `Criteria` adds a plan's
        `criteria` (generator/plan/catalogue.py): a child of its parent (the code's stem when no parent is
        written), so that a target sentence naming one ("Tiêu chí thành phần “…”") finds it."""
        for entry in own:
            code = entry["code"]
            if code in self.by_code:
                continue
            parent = entry.get("parent") or (code.rsplit(".", 1)[0] if "." in code else None)
            siblings = [c for c in self.by_code.values() if c.parent == parent]
            maximum = entry.get("max")
            self.by_code[code] = CriterionInfo(code=code, name=entry["name"], index=code.split(".", 1)[0],
                                               max=Decimal(str(maximum)) if maximum is not None else None,
                                               parent=parent, position=len(siblings))
            if parent in self.by_code:
                above = self.by_code[parent]
                self.by_code[parent] = replace(above, children=above.children + (code,))


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
    change_down: bool = False  # "giảm …": a change downwards
    change_unsized: bool = False  # "giảm điểm số so với năm 2018": a change without an amount
    how: str = "name"  # how the criterion was found: name | index | close | context
    head: str | None = None  # with how == "context": the name before ':' the catalogue does not know


# "đạt", "Đạt" opening the sentence, and the words between it and the number ("Đạt tối thiểu từ 92,81/100 điểm")
_VALUE = re.compile(rf"\bđạt\s+(?:(?:mức|khoảng|tối thiểu|ít nhất|từ)\s+){{0,3}}({NUM})(?:\s*/\s*({NUM}))?\s*(điểm|%)",
                    re.IGNORECASE)
_RANK = re.compile(r"\bxếp\s+(?:hạng|thứ)\s+(\d+)(?:\s*/\s*(\d+))?")
_CHANGE = re.compile(rf"\b(tăng|giảm)\s+({NUM})\s*(điểm|%|bậc)\s+so với\s+(?:năm\s+)?(\d{{4}})")
_SAME = re.compile(r"\bbằng kết quả năm\s+(\d{4})")
_QUOTED = re.compile(r"[“\"]([^”\"]{3,})[”\"]")
# the value anywhere ("100% văn bản …", "Tối thiểu 98% hồ sơ …", "Mức độ hoàn thành …: 01 điểm"), with
# the words before it that bound it
_ANY_VALUE = re.compile(rf"(?<![\d,./])({NUM})(?:\s*/\s*({NUM}))?\s*(điểm\b|%)")
_BOUND_BEFORE = re.compile(r"(tối thiểu|ít nhất|trên)(?:\s+(?:là|đạt|từ|mức))*\s*$", re.IGNORECASE)
# last year's result in the sentence: "(năm 2018 đạt 5,94 điểm, xếp hạng 05/63 tỉnh/thành)"
# "\s*[:,]?\s*" is written "\s*(?:[:,]\s*)?" here and below: the two repeats shared a run of spaces with no
# "đạt" after it (quadratic: 2.5 s on "năm 2020" and 8,000 spaces; issue 22); a word must follow, so the one
# place the old pattern could go on from is the one the new one reaches (tests/word/test_bounds_patterns.py)
_BASE = re.compile(rf"\bnăm\s+(?P<year>\d{{4}})(?:\s*(?:[:,]\s*)?(?:đạt|là|được)\s+(?P<value>{NUM})"
                   rf"(?:\s*/\s*(?P<max>{NUM}))?\s*(?P<unit>điểm\b|%)?)?(?:\s*(?:[,;]\s*)?(?:và\s+)?xếp\s+(?:hạng|thứ)\s+"
                   rf"(?P<rank>\d+)(?:\s*/\s*(?P<of>\d+))?)?", re.IGNORECASE)
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


# a sentence that orders work ("Tổ chức tập huấn cho 100% công chức đầu mối") states a task, not a target,
# unless it says what is to be reached ("đạt", "phấn đấu", "bảo đảm", "tối thiểu", "xếp hạng", "tăng … bậc")
_TASK_VERB = re.compile(r"^\s*(?:(?:[a-zđ]\)|\d+(?:\.\d+)*\.?|[-+•])\s*)?(?:tổ chức|triển khai|xây dựng|ban hành|rà soát|"
                        r"kiểm tra|thực hiện|tăng cường|đẩy mạnh|tiếp tục|chỉ đạo|hướng dẫn|tuyên truyền|phối hợp|"
                        r"cử|bố trí|tập huấn|cập nhật|công khai|niêm yết)\b", re.IGNORECASE)
_REACH = re.compile(r"\b(?:đạt|phấn đấu|bảo đảm|đảm bảo|tối thiểu|ít nhất|xếp\s+(?:hạng|thứ)|(?:tăng|giảm)(?!\s+cường)\s+\d)",
                    re.IGNORECASE)


def orders_work(sentence: str) -> bool:
    """Whether a sentence orders work (a task) rather than states a result to reach."""
    return bool(_TASK_VERB.match(sentence)) and not _REACH.search(sentence)


OWN = "?"  # ParsedTarget.criterion of a target whose criterion the plan must declare itself (how == "own")
_TIME = re.compile(r"(?:^|\s)(?:đến|trong|vào|từ)?\s*(?:hết\s+|cuối\s+)?(?:năm|giai đoạn)\s+\d{4}(?:\s*[-–]\s*\d{4})?\s*,?",
                   re.IGNORECASE)


def subject_of(sentence: str) -> str | None:
    """What a target sentence measures, in its own words, to name the criterion the plan declares:
    the words before the value ("mức độ hài lòng của người dân … đạt tối thiểu 90%"), or after it when
    the sentence opens with the value ("100% văn bản được ký số")."""
    value = _VALUE.search(sentence) or _ANY_VALUE.search(sentence)
    if value is None:
        return None
    before = re.sub(r"^\s*(?:[a-zđ]\)|\d+(?:\.\d+)*\.|[-+•])?\s*", "", sentence[:value.start()])
    before = _TIME.sub(" ", re.sub(r"^(?:phấn đấu|bảo đảm|đảm bảo)\s+", "", before.strip(), flags=re.IGNORECASE))
    before = re.sub(r"\s*\b(?:đạt|là)?\s*(?:tối thiểu|ít nhất|trên|từ|khoảng)?\s*$", "", before, flags=re.IGNORECASE)
    subject = before.strip(" ,:;")
    if len(subject.split()) < 2:
        subject = re.split(r"[;.(]", sentence[value.end():])[0].strip(" ,:;")
    words = subject.split()
    if not 2 <= len(words) <= 25 or re.search(r"\d{3,}", subject):
        return None
    return subject[:1].upper() + subject[1:]


def parse_target(sentence: str, catalogue: Catalogue, *, context: str | None = None,
                 year: int | None = None, own: bool = False) -> ParsedTarget | None:
    """The target a sentence states, or None when it does not state one. The criterion is the one the
    sentence names (quoted, or before its ':'), else the index it names, else `context` (the dimension
    heading it sits under). `year`: the plan year; a "năm N đạt …" of an earlier year is the baseline."""
    if orders_work(sentence):
        return None
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
    if code is None and own and subject_of(sentence):
        code, how = OWN, "own"  # in a target section, a result the catalogues do not measure
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
    parsed = (_value_target(text, code) or _rank_target(text, code) or _places_target(text, code)
              or _unsized_target(text, code))
    if parsed is None:
        return None
    parsed.how = how
    parsed.head = unknown_head if how == "context" else subject_of(sentence) if how == "own" else None
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
    bound = (_BOUND_BEFORE.search(before) or re.search(r"\bđạt\s+(tối thiểu|ít nhất|trên)\b", before, re.IGNORECASE)
             or re.search(r"\b(tối thiểu)\s", value.group(0), re.IGNORECASE))  # "đạt tối thiểu 85%" is one match
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


# a change without an amount, in the words kehoach prints it (render/targets.py change_words)
_UNSIZED = re.compile(r"\b(tăng|giảm)\s+(" + "|".join(map(re.escape, CHANGE_WHAT.values()))
                      + r")\b(?:\s+so với\s+(?:năm\s+)?(\d{4}))?", re.IGNORECASE)


def _unsized_target(text: str, code: str) -> ParsedTarget | None:
    """"giảm điểm số so với năm 2018", "tăng vị thứ xếp hạng": a change of that unit, no amount."""
    m = _UNSIZED.search(text)
    if m is None:
        return None
    unit = next(u for u, words in CHANGE_WHAT.items() if words == m.group(2).lower())
    parsed = ParsedTarget(code, unit, None, change_down=m.group(1).lower() == "giảm", change_unsized=True)
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
    if parsed.change_by is not None or parsed.change_unsized:
        change: dict = {"direction": "down"} if parsed.change_down else {}
        if parsed.change_by is not None:
            change["by"] = parsed.change_by
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


# a rank-group target: "nằm trong nhóm 15 tỉnh, thành phố dẫn đầu cả nước", "trong top 20 địa phương cao nhất"
_GROUP = re.compile(r"\b(?:nằm\s+|thuộc\s+)?trong\s+(?:nhóm|top)\s+(\d+)\s+(?:tỉnh|địa phương|đơn vị|cơ quan)\b"
                    r"[^.;]{0,60}?\b(?:dẫn đầu|cao nhất|đứng đầu|tốt nhất)", re.IGNORECASE)
# "…, trong đó …" / "…; trong đó, …": a second target inside the first one's sentence
# split on: a search from inside a run of spaces re-read the rest of the run (quadratic); the spaces before
# the mark are taken only from where their run starts, as the leftmost match always took them
_WHEREOF = re.compile(r"(?:(?<!\s)\s*)?[,;]\s*trong đó\s*(?:,\s*)?", re.IGNORECASE)
# the words a clause puts before a criterion's name: "mức độ hài lòng của người dân về …"
# It was "hài lòng(?:\s+của\s+[^,]+?)?\s+(?:về|đối với)\s+": three repeats over one run of spaces (cubic: 58 ms on
# 200 spaces, hours on a page of them; issue 22). Only the span is used (sub): "của"'s spaces are taken whole, the
# name ends where a space, then "về"/"đối với" and a space follow (the old shortest name ended in the same run of
# spaces), and the one answer the old pattern found by giving spaces back — "của", three spaces or more, "về" —
# is the second branch.
_SUBJECT_LEAD = re.compile(r"^(?:phấn đấu\s+)?(?:(?:mức độ|tỷ lệ|sự)\s+hài lòng"
                           r"(?:\s+của(?:(?=(?P<_gap>\s+))(?P=_gap)[^,]+?(?=\s(?:về|đối với)\s)|\s\s+(?=\s(?:về|đối với)\s)))?"
                           r"\s+(?:về|đối với)\s+(?:việc\s+)?)?", re.IGNORECASE)


def named_indices(text: str, catalogue: Catalogue) -> list[str]:
    """The indices a text names, in the order it names them ("các Chỉ số PAR Index, SIPAS, PAPI")."""
    found = []
    for index in catalogue.indices:
        hits = [m.start() for p in index_names().get(index, ()) for m in re.finditer(p, text, re.IGNORECASE)]
        if hits:
            found.append((min(hits), index))
    return [index for _, index in sorted(found)]


def parse_targets(sentence: str, catalogue: Catalogue, *, context: str | None = None,
                  year: int | None = None, own: bool = False) -> tuple[list[ParsedTarget], list[str]]:
    """Every target a sentence states, and the parts that state a value but gave none. One target per
    index named with a rank-group ("các Chỉ số PAR Index, SIPAS, PAPI … nằm trong nhóm 15 tỉnh dẫn đầu":
    three targets, rank 15 or better); one per index when several indices each have a value; one per
    clause of "…, trong đó …" (the clause names its criterion). The first is the sentence's own."""
    group = _GROUP.search(sentence)
    if group:
        place = int(group.group(1))
        codes = named_indices(sentence[:group.start()], catalogue) or named_indices(sentence, catalogue)
        if not codes:
            one = parse_target(sentence[:group.start()] + f" xếp hạng {place}", catalogue, context=context, year=year)
            codes = [one.criterion] if one else []
        return [ParsedTarget(code, "hạng", place, bound="at_least", how="index") for code in codes], \
            ([] if codes else [sentence])
    # several criteria, each with its value: "Chỉ số PCI đạt 66 điểm và Chỉ số nội dung “Quản trị điện tử” đạt 4,5
    # điểm" (a criterion is named by an index's name or a quoted name)
    starts = sorted({min(m.start() for p in index_names()[i] for m in re.finditer(p, sentence, re.IGNORECASE))
                     for i in named_indices(sentence, catalogue)} | {m.start() for m in _QUOTED.finditer(sentence)})
    if len(starts) > 1 and len(_ANY_VALUE.findall(sentence)) >= len(starts):
        parts = [sentence[a:b] for a, b in zip([0] + starts[1:], starts[1:] + [len(sentence)])]
        found = [parse_target(part, catalogue, year=year) for part in parts]
        if all(found) and len({t.criterion for t in found}) == len(found):
            return found, []
    clauses = _WHEREOF.split(sentence)
    first = parse_target(clauses[0] if len(clauses) > 1 else sentence, catalogue, context=context, year=year, own=own)
    if first is None:
        return [], []
    out, missed = [first], []
    for clause in clauses[1:]:
        value = _ANY_VALUE.search(clause) or _VALUE.search(clause)
        if value is None:
            continue
        subject = _SUBJECT_LEAD.sub("", clause[:value.start()]).strip()
        subject = re.sub(r"\s*(?:đạt|là)\s*(?:tối thiểu|ít nhất|trên|từ)?\s*$", "", subject, flags=re.IGNORECASE)
        code, exact = catalogue.match(subject) if subject else (None, False)
        parsed = parse_target(clause, catalogue, context=code, year=year) if code else \
            parse_target(clause, catalogue, year=year, own=own)
        if parsed is None:
            missed.append(clause)
            continue
        if code:
            parsed.how = "name" if exact else "close"
        out.append(parsed)
    return out, missed
