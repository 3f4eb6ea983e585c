"""Whose year is it? The years of a plan's text, each named for what it belongs to, so that rollover
moves only the plan's own time.

A year near the plan's (last year, this year, next year) is one of:
- `plan`: the plan's own time, in a form the code can name: "trong năm 2020", "đến hết năm 2020",
  "Quý I/2021", a deadline ("trước ngày 31/7/2020"), "năm 2020 và những năm tiếp theo", "so với năm
  2019", "Năm 2020, phấn đấu …", this plan by its title ("Kế hoạch <title> năm 2020"); in a field that
  is the plan's time (title, closing, timeframe: `structural`) every plain year of the plan moves;
- `cited`: part of a cited document, its number, date or subject, from the document's type and
  number or date to the end of its clause ("Căn cứ Kế hoạch số 125/KH-UBND ngày 20/01/2026 … về cải
  cách hành chính nhà nước năm 2026"); never moved;
- `named`: another document by its name and year ("Kế hoạch CCHC năm 2026 của tỉnh", "Luật Bảo vệ
  môi trường năm 2020"); never moved, reported;
- `past`: inside a sentence that states figures (a result or a target: "năm 2018 đạt 5,94 điểm,
  xếp hạng 05/63"): the sentence needs new figures, so it stays exactly as written and is marked;
- `other`: none of these; never moved, reported.

All positions are those of the text given (a scalar's YAML source, line breaks included): patterns
allow any white space between words.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

DOC_TYPES = (r"Hiến pháp|Bộ luật|Luật|Pháp lệnh|Nghị định|Nghị quyết|Quyết định|Thông tư|Chỉ thị|Kế hoạch|"
             r"Chương trình|Đề án|Phương án|Tờ trình|Quy chế|Quy định|Công văn|Thông báo|Kết luận|Hướng dẫn|Báo cáo|"
             r"Văn bản|Công điện")
# a document by its number ("số 17/NQ-CP", "số 3495/KH-UBND", "30c/NQ-CP") or date right after its type
# (document types are capitalised when a document is cited: "Kế hoạch số …", not "xây dựng kế hoạch")
NOT_A_NAME = r"(?:này|trước|sau|đến|từ|hết|vào|gửi|nộp|trong|được|là)\b"
CITATION_START = re.compile(
    rf"(?:\b(?:{DOC_TYPES})\b[^;.:()]{{0,60}}?\bsố\s+[\w.\-]*\d[\w.\-]*(?:/[\w.\-Đđ]+)+"
    rf"|\b(?:{DOC_TYPES})\b\s+(?:(?!{NOT_A_NAME})[\w\-,]+\s+){{0,8}}?ngày\s+\d{{1,2}}\s*(?:/|tháng))")
# where a cited document's clause ends: ';', ':', a sentence end, a closing parenthesis, or a comma that
# opens a new clause ("…năm 2026, UBND tỉnh ban hành …", "…, phấn đấu …")
CLAUSE_END = re.compile(r";|:|\.(?=\s|$)|\)|,(?=\s+(?:[A-ZĐÀ-Ỹ]|phấn\s+đấu|nhằm|để|góp\s+phần|đồng\s+thời|"
                        r"theo\s+đó|qua\s+đó|bảo\s+đảm|đảm\s+bảo|tăng\s+cường|nâng\s+cao))")
YEAR = re.compile(r"(?<![\d.,\-])(\d{4})(?![\d\-–]|\s*[-–]\s*\d{4}|/\w*[A-Za-zĐđ])")
DOC_NUMBER_YEAR = re.compile(r"\d[\w.]*/(\d{4})/[\w\-Đđ]+")
WS = r"\s+"
# figures that make a sentence a statement of results or targets
# (a figure starts where a run of digits starts: searched from inside a long run, each start re-read the rest
# of it, quadratic; issue 22. Whatever matches from inside a run also matches from its start)
FIGURE = re.compile(r"(?<!\d)(?:\d+,\d+|\d+(?:,\d+)?\s*%|\d+(?:,\d+)?\s*/\s*\d+\s*(?:điểm|tỉnh))|\b\d+(?:,\d+)?\s+điểm\b|"
                    r"xếp\s+(?:hạng|thứ)\s+\d+|\bhạng\s+\d+|\b(?:nhóm|top)\s+\d+\b|\b(?:tăng|giảm)\s+\d+\s+(?:bậc|điểm)|\bđạt\s+(?:trên\s+|tối thiểu\s+)?"
                    r"\d+", re.IGNORECASE)


@dataclass(frozen=True)
class YearUse:
    start: int
    end: int
    year: int
    kind: str  # plan, cited, named, past, other
    why: str = ""


@lru_cache(maxsize=8)
def _plan_forms(old: int) -> tuple[tuple[re.Pattern, frozenset[int], str], ...]:
    """(pattern with the year as group 'y', the years it may hold, why) for the plan's own time."""
    y = r"(?P<y>\d{4})(?!\s*[-–]\s*\d)"
    day = r"\d{1,2}\s*/\s*\d{1,2}\s*/\s*"
    day_words = r"\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+"
    deadline = (r"(?:trước|chậm\s+nhất(?:\s+là)?|hạn\s+chót|đến(?:\s+hết)?|từ|hết|tính\s+đến(?:\s+hết)?|"
                r"trong|vào|sau)")
    this, nxt, prev = frozenset({old}), frozenset({old, old + 1}), frozenset({old - 1})
    forms = [
        (rf"\b{deadline}\s+(?:ngày\s+)?(?:{day}|{day_words}){y}", nxt, "thời hạn"),
        (rf"\b(?:trong|đến\s+hết|hết|cuối|đầu|giữa|đến\s+cuối|suốt|cả|từ\s+đầu)\s+năm\s+{y}", this, "thời gian"),
        (rf"\bquý\s+(?:[IV]+|\d)(?:\s*(?:,|và|-)\s*(?:[IV]+|\d))*\s*(?:/|năm\s+){y}", nxt, "thời gian"),
        (rf"\b(?:\d+|sáu|chín)\s+tháng\s+(?:đầu|cuối)\s+năm\s+{y}", this, "thời gian"),
        (rf"\btháng\s+\d{{1,2}}\s*(?:/|năm\s+){y}", nxt, "thời gian"),
        (rf"\bnăm\s+{y}\s*(?:,\s*|và\s+)(?:những|các)\s+năm\s+tiếp\s+theo", this, "thời gian"),
        (rf"\bso\s+với\s+(?:kết\s+quả\s+)?(?:cùng\s+kỳ\s+)?năm\s+{y}", prev, "so với năm trước"),
        (rf"\bchỉ\s+số\b[^.;:()]{{0,60}}?\bnăm\s+{y}", this, "chỉ số của năm kế hoạch"),
        (rf"\b(?:dự\s+toán|ngân\s+sách)\b[^.;:()]{{0,30}}?\bnăm\s+{y}", this, "ngân sách của năm kế hoạch"),
        (rf"(?:^|[.;:]\s+|>-?\s+|\|-?\s+|[\"'])năm\s+{y}\s*,", this, "năm của kế hoạch"),
        (rf"\bphấn\s+đấu\b[^.;:]{{0,120}}?năm\s+{y}", this, "năm phấn đấu"),
        (rf"\b(?:Kế\s+hoạch|Chương\s+trình|Phong\s+trào)\s+này\b[^.;:]{{0,40}}?năm\s+{y}", this, "kế hoạch này"),
    ]
    return tuple((re.compile(p, re.IGNORECASE), years, why) for p, years, why in forms)


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().replace("“", '"').replace("”", '"').split())


def sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences of a text: a sentence ends at '.', ';' or the end of the text."""
    out, start = [], 0
    for m in re.finditer(r"(?:\.|;)(?=\s+|$)", text):
        out.append((start, m.end()))
        start = m.end()
    if text[start:].strip():
        out.append((start, len(text)))
    return out


def citations(text: str) -> list[tuple[int, int]]:
    """Spans of cited documents: from the document's type to the end of its clause."""
    spans = []
    for m in CITATION_START.finditer(text):
        end = len(text)
        for e in CLAUSE_END.finditer(text, m.end()):
            # a date's own separators and a number's '.' are not clause ends
            if e.group(0) == "." and re.match(r"\d", text[e.end():e.end() + 1] or " "):
                continue
            end = e.start()
            break
        spans.append((m.start(), end))
    return spans


def classify(text: str, old: int, *, structural: bool = False, title: str = "") -> list[YearUse]:
    """Every year of `old - 1 … old + 1` in `text`, each with its kind (see the module's docstring)."""
    years = [m for m in YEAR.finditer(text) if old - 1 <= int(m.group(1)) <= old + 1]
    if not years:
        return []
    cited = citations(text)
    numbers = [m.span(1) for m in DOC_NUMBER_YEAR.finditer(text)]
    plan: dict[int, str] = {}
    for pattern, allowed, why in _plan_forms(old):
        for m in pattern.finditer(text):
            if int(m.group("y")) in allowed:
                plan.setdefault(m.start("y"), why)
    own_title = _fold(re.sub(r"\bnăm\s+\d{4}\b.*$", "", title, flags=re.IGNORECASE | re.DOTALL))
    tail = " ".join(own_title.split()[-5:])
    for m in re.finditer(r"\bnăm\s+(?P<y>\d{4})", text, re.IGNORECASE):  # "… <this plan's title> năm 2026"
        if int(m.group("y")) == old and len(tail.split()) == 5 and _fold(text[max(0, m.start() - 200):m.start()]
                                                                        ).endswith(tail):
            plan.setdefault(m.start("y"), "tên kế hoạch này")
    named: dict[int, str] = {}
    for m in re.finditer(rf"\b(?P<doc>{DOC_TYPES})\b(?P<name>(?:\s+(?!{NOT_A_NAME}|của\b|do\b|tại\b|theo\b|về\b|"
                         rf"và\b|với\b|đã\b)[^\s;.:()]+){{0,30}}?)\s+năm\s+(?P<y>\d{{4}})", text):
        name = _fold(m.group("name"))
        if name and own_title and (own_title in name or (name in own_title and len(name) >= 0.5 * len(own_title))):
            plan.setdefault(m.start("y"), "kế hoạch này")
        elif len(m.group("name").split()) <= 12 and "," not in m.group("name"):
            named[m.start("y")] = " ".join(m.group(0).split())
    figures = [s for s in sentences(text) if FIGURE.search(_without(text, s, cited))]
    out = []
    for m in years:
        start, year = m.start(1), int(m.group(1))
        use = None
        if any(s <= start < e for s, e in numbers) or any(s <= start < e for s, e in cited):
            use = "cited", "văn bản được trích dẫn"
        elif any(s <= start < e for s, e in figures) and not structural:
            use = "past", "câu nêu số liệu"
        elif start in plan:
            use = "plan", plan[start]
        elif structural and year == old:
            use = "plan", "thời gian của kế hoạch"
        elif start in named:
            use = "named", named[start]
        else:
            use = "other", ""
        out.append(YearUse(start, m.end(1), year, *use))
    return out


def _without(text: str, span: tuple[int, int], cut: list[tuple[int, int]]) -> str:
    """The sentence's text without the cited documents in it (their numbers and dates are no figures)."""
    s, e = span
    chars = list(text[s:e])
    for cs, ce in cut:
        for i in range(max(cs, s), min(ce, e)):
            chars[i - s] = " "
    return "".join(chars)


def excerpt(text: str, span: tuple[int, int], words: int = 12) -> str:
    """The first words of a sentence, for a message."""
    parts = text[span[0]:span[1]].split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def around(text: str, start: int, end: int, before: int = 50, after: int = 20) -> str:
    """The words around text[start:end] for a message, whole: a window cut inside a word showed 'tiếp the…'
    for 'tiếp theo' (a word of another language, to the eye)."""
    lo, hi = max(0, start - before), min(len(text), end + after)
    while lo > 0 and not text[lo - 1].isspace() and start - lo < before + 30:
        lo -= 1
    while hi < len(text) and not text[hi].isspace() and hi - end < after + 30:
        hi += 1
    return " ".join(text[lo:hi].split())


__all__ = ["YearUse", "around", "classify", "citations", "sentences", "excerpt"]
