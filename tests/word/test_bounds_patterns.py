"""No regular expression of the Word reader, the ND30 rules or the importer may run in cubic (or worse) time
on user text (issue 22): a line of 6,000 underscores once gave no answer in minutes. Every compiled pattern
of those packages is parsed (re's own parser) and refused when, in one sequence, three or more unbounded
repeats that can take the same character follow each other with nothing required between them
("[\\s_]*_{3,}[\\s_]*"), or when an unbounded repeat holds another one with nothing to separate the rounds
("(a+)+"). Two such repeats side by side (quadratic on a crafted line) are still allowed."""
from __future__ import annotations

import importlib
import pkgutil
import re
from re import _constants as C
from re import _parser as P

import pytest

PACKAGES = ("generator.word", "generator.nd30", "generator.importer")
SAMPLE = [chr(c) for c in range(0x20, 0x7F)] + list("\t\n\r\f\v\xa0…–—“”‘’•Đđạấầễệốồơờưứữ\u2003")
_CATEGORIES = {"space": str.isspace, "digit": str.isdigit, "word": lambda ch: ch.isalnum() or ch == "_"}


def _category(cat, ch: str) -> bool:
    name = str(cat).split("_", 1)[1].lower()
    test = _CATEGORIES.get(name.replace("not_", ""))
    return test is not None and test(ch) != name.startswith("not_")


def _chars(item) -> set[str] | None:
    """The sample characters a one-character item takes (None: not a one-character item)."""
    op, av = item
    if op is C.LITERAL:
        return {chr(av)}
    if op is C.NOT_LITERAL:
        return {c for c in SAMPLE if ord(c) != av}
    if op is C.ANY:
        return set(SAMPLE) - {"\n"}
    if op is C.CATEGORY:
        return {c for c in SAMPLE if _category(av, c)}
    if op is C.IN:
        negate = any(o is C.NEGATE for o, _ in av)
        out = set()
        for c in SAMPLE:
            hit = any(o is C.LITERAL and ord(c) == a or o is C.RANGE and a[0] <= ord(c) <= a[1]
                      or o is C.CATEGORY and _category(a, c) for o, a in av)
            if hit != negate:
                out.add(c)
        return out
    return None


def _flat(seq) -> list:
    out = []
    for item in seq:
        out.extend(_flat(item[1][-1]) if item[0] is C.SUBPATTERN else [item])
    return out


def _repeat(item) -> tuple[int, bool, set[str] | None] | None:
    """(min, unbounded, characters of a one-character body) of a repeat item, else None."""
    if item[0] not in (C.MAX_REPEAT, C.MIN_REPEAT):
        return None
    low, high, body = item[1]
    body = _flat(body)
    return low, high is C.MAXREPEAT, _chars(body[0]) if len(body) == 1 else None


def _optional(item) -> bool:
    rep = _repeat(item)
    return item[0] is C.AT or rep is not None and rep[0] == 0


def _problems(seq) -> list[str]:
    out: list[str] = []
    items = _flat(seq)
    for i, item in enumerate(items):
        op, av = item
        if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            inner = _flat(av[2])
            if av[1] is C.MAXREPEAT and len(inner) == 1 and _repeat(inner[0]) and _repeat(inner[0])[1]:
                out.append("unbounded repeat of an unbounded repeat")
            out += [p for variant in _variants(av[2]) for p in _problems(variant)]
        rep = _repeat(item)
        if rep is None or not rep[1] or not rep[2]:
            continue
        chain = 1
        for nxt in items[i + 1:]:
            other = _repeat(nxt)
            if other is not None and other[1] and other[2] and rep[2] & other[2]:
                chain += 1
            elif not _optional(nxt):
                break
        if chain >= 3:
            out.append(f"{chain} unbounded repeats over the same characters in a row")
    return out


def _variants(seq, limit: int = 256) -> list[list]:
    """The sequence with each optional group ("(?:…)?") either spelled out in place or left out, and each
    group of alternatives as each alternative: three repeats over one run of spaces may sit on both sides of
    such a group ("\\s+của\\s+[^,]+?)?\\s+về", cubic; issue 22)."""
    out: list[list] = [[]]
    for item in _flat(seq):
        op, av = item
        choices = [[item]]
        if op in (C.MAX_REPEAT, C.MIN_REPEAT) and av[0] == 0 and av[1] == 1 and len(_flat(av[2])) > 1:
            choices = _variants(av[2], limit) + [[]]
        elif op is C.BRANCH:
            choices = [v for branch in av[1] for v in _variants(branch, limit)]
        out = [done + more for done in out for more in choices][:limit]
    return out


def problems(pattern: str, flags: int = 0) -> list[str]:
    out: list[str] = []
    for variant in _variants(P.parse(pattern, flags)):
        out += [p for p in _problems(variant) if p not in out]
    return out


def _patterns() -> dict[str, re.Pattern]:
    found: dict[str, re.Pattern] = {}
    for package in PACKAGES:
        root = importlib.import_module(package)
        for info in pkgutil.walk_packages(root.__path__, package + "."):
            module = importlib.import_module(info.name)
            for name, value in vars(module).items():
                if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                    found.setdefault(f"{info.name}.{name}", value)
    return found


def test_the_scan_finds_what_it_must():
    assert problems(r"^[\s_]*_{3,}[\s_]*$")  # the typed-underscore pattern of old: cubic
    assert problems(r"^\s*phụ\s+lục(?:\s+(?P<n>[IVXLC]+|\d+))?\s*[.:]?\s*(?P<rest>.*)$")  # cubic
    assert problems(r"(a+)+b")
    assert problems(r"^so\s*:?\s*[\d\s._…]*[/-]")  # doctypes' symbol pattern of old
    assert problems(r"^\d+(?:\.\d+)*$") == [] and problems(r"^Số\s*:\s*(?P<n>\d*)\s*/") == []
    # three repeats with an optional group between them (targets' _SUBJECT_LEAD of old: hours on a page of spaces)
    assert problems(r"^(?:(?:mức độ|sự)\s+hài lòng(?:\s+của\s+[^,]+?)?\s+(?:về|đối với)\s+)?")
    assert problems(r"x(?:\s*|y)\s*\s*")


@pytest.mark.parametrize("name", sorted(_patterns()))
def test_no_cubic_pattern_over_user_text(name):
    pattern = _patterns()[name]
    assert problems(pattern.pattern, pattern.flags) == [], f"{name}: {pattern.pattern!r}"


# ---------------------------------------------------------------- quadratic pairs rewritten (issue 22)
# Two unbounded repeats that can share the same run of characters ("\s*(?P<day>\d*)\s*" with no day) cost
# time quadratic in that run (25–160 ms on a 3,000-character line). Each was rewritten so that one repeat
# owns each run; the old pattern is kept here and both must give the same answer on many generated lines.

import random  # noqa: E402

from generator.importer import state, structure, tables, tail  # noqa: E402
from generator.nd30 import grammar  # noqa: E402
from generator.plan import loader  # noqa: E402
from generator.workflow import years  # noqa: E402

OLD = {
    "NUMBER_RE": (grammar.NUMBER_RE, r"^Số\s*:\s*(?P<number>\d*)\s*/\s*(?P<symbol>\S*)$", 0),
    "DATE_RE": (grammar.DATE_RE, r"^(?P<place>[^,]*),\s*ngày\s*(?P<day>\d*)\s*tháng\s*(?P<month>\d*)\s*năm\s*"
                                 r"(?P<year>\d*)\s*$", 0),
    "TARGET_ZONE": (structure.TARGET_ZONE, r"^\s*(?:[a-zđ]\)|\d+(?:\.\d+)*\.?)?\s*(?:các\s+)?(?:mục tiêu|chỉ tiêu)\b",
                    re.IGNORECASE),
    "AGENCY_ROLE": (tables.AGENCY_ROLE, r"^\s*[-+•]?\s*(?P<role>chủ trì|phối hợp)\s*:\s*", re.IGNORECASE),
    "NUMBER_LINE": (grammar.NUMBER_LINE, r"^Số\s*:\s*(?P<number>[\d]*)[\s._…]*/\s*(?P<code>[A-ZĐ]+)\s*-\s*"
                                         r"(?P<abbr>[A-ZĐ0-9]+)", re.IGNORECASE),
    "DATE_LINE": (grammar.DATE_LINE, r"^(?P<place>[^,]+),\s*ngày\s*(?P<day>\d{1,2})?[\s._…]*tháng\s*"
                                     r"(?P<month>\d{1,2})?[\s._…]*năm\s*(?P<year>\d{4})", re.IGNORECASE),
    "_KEY_LINE": (loader._KEY_LINE, r"""(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"\[\]{},][^#]*?)\s*:(?:\s|$)""", 0),
}
# FIGURE is only ever searched for (is there a figure in the sentence?): the same answer is asked of it
SEARCHED = {"FIGURE": (years.FIGURE, years.FIGURE.pattern.replace(
    "(?<!\\d)(?:\\d+,\\d+|\\d+(?:,\\d+)?\\s*%|\\d+(?:,\\d+)?\\s*/\\s*\\d+\\s*(?:điểm|tỉnh))",
    "\\d+,\\d+|\\d+(?:,\\d+)?\\s*%|\\d+(?:,\\d+)?\\s*/\\s*\\d+\\s*(?:điểm|tỉnh)"), re.IGNORECASE)}
PIECES = ["Số", "số", ":", " ", "  ", "\t", "\n", "\xa0", "1", "05", "2026", "/", "KH-UBND", ".", "…", ",", "Hà Nội",
          "ngày", "tháng", "năm", "x", "a)", "đ)", "1.2.", "3", "các", "mục tiêu", "Chỉ tiêu", "chủ trì", "Phối hợp",
          "-", "+", "•", ")", "_"]


TEMPLATES = ["Số{s}:{s}{d}{s}/{s}{w}", "số{s}:{s}{d}{p}{s}/{s}KH{s}-{s}UBND", "{w},{s}Ngày{s}{d}{p}tháng{p}{d}{s}năm{s}2026",
             "{s}{w}{s}:{s}{w}", '"{w}"{s}:{s}', "'{w}'{s}:", "{w}{s}#{s}:", "{d}{d}{p}{s}/{s}{d}{s}điểm", "{d}{p}{d}{s}%",
             "hạng{s}{d}", "đạt{s}trên {d}", "{w},{s}ngày{s}{d}{s}tháng{s}{d}{s}năm{s}{d}{s}",
             "{s}{l}{s}{c}mục tiêu{w}", "{s}{l}{s}{c}chỉ tiêu{s}", "{s}{b}{s}chủ trì{s}:{s}{w}", "{s}{b}{s}Phối hợp{s}:"]
FILL = {"s": ["", " ", "  ", "\t", " \xa0 ", "\n", "   x"], "d": ["", "1", "05", "2026", "..", "…", "a"],
        "w": ["", "KH-UBND", " Sở", "x y", ",", " "], "l": ["", "a)", "đ)", "1.", "1.2", "1.2.", "B)", "x"],
        "c": ["", "các ", "Các  ", "cac "], "b": ["", "-", "+", "•", "--", "*"],
        "p": ["", ".", "…", " . ", "_", "..  ", ",5", ",", "12345"]}


def _lines(seed: int, count: int) -> list[str]:
    """Lines built on each pattern's skeleton (slots filled with spaces, digits, noise), some with a piece
    changed, and random pieces: most are near misses, many match."""
    rnd = random.Random(seed)
    out = []
    for k in range(count):
        if k % 4 == 3:
            out.append("".join(rnd.choice(PIECES) for _ in range(rnd.randint(1, 14))))
            continue
        line = re.sub(r"\{(\w)\}", lambda m: rnd.choice(FILL[m.group(1)]), rnd.choice(TEMPLATES))
        if k % 4 == 2:
            at = rnd.randrange(len(line) + 1)
            line = line[:at] + rnd.choice(PIECES) + line[at + rnd.randint(0, 2):]
        out.append(line)
    return out


def _answer(pattern: re.Pattern, line: str):
    m = pattern.match(line)
    return None if m is None else (m.span(), m.groupdict())


@pytest.mark.parametrize("name", sorted(OLD))
def test_rewritten_pattern_matches_as_the_old_one(name):
    new, old, flags = OLD[name]
    old = re.compile(old, flags)
    assert new.pattern != old.pattern  # the rewrite is in place
    lines = _lines(22, 30_000)
    differ = [line for line in lines if _answer(new, line) != _answer(old, line)]
    assert differ == []
    assert sum(old.match(line) is not None for line in lines) > 50  # the lines reach the patterns' matches


@pytest.mark.parametrize("name", sorted(SEARCHED))
def test_rewritten_searched_pattern_answers_as_the_old_one(name):
    new, old, flags = SEARCHED[name]
    old = re.compile(old, flags)
    assert new.pattern != old.pattern
    lines = _lines(23, 30_000)
    assert [line for line in lines if bool(new.search(line)) != bool(old.search(line))] == []
    assert sum(old.search(line) is not None for line in lines) > 50


# searched for at a line's end (re.sub and re.search): the same text left, the same span and groups found
AT_END = {
    "END_PUNCT": (state.END_PUNCT, r"[;.,]+\s*$"),
    "CLOSING_MARK": (state.CLOSING_MARK, r"\s*\./\.\s*$"),
    "COPIES_AT_END": (tail.COPIES_AT_END, r"\s*\((\d+)(?:\s*b(?:ản)?)?\)\s*$"),
}
END_TEMPLATES = ["{w}{s}{e}{s}", "{w}{e}{w}{s}{e}", "{s}{e}{s}{e}{s}"]
END_FILL = {"s": ["", " ", "  ", "\t", "\n", " \xa0"], "w": ["", "Sở Nội vụ", "x", "(a)", "( 2 )"],
            "e": ["", ";", ".", ",", ";.", "./.", " ./. ", "(02)", "(3 bản)", "(12b)", "(1 b)", "(x)", "((4))", "("]}


def _end_lines(seed: int, count: int) -> list[str]:
    rnd = random.Random(seed)
    out = []
    for _ in range(count):
        line = re.sub(r"\{(\w)\}", lambda m: rnd.choice(END_FILL[m.group(1)]), rnd.choice(END_TEMPLATES))
        out.append(line)
    return out


@pytest.mark.parametrize("name", sorted(AT_END))
def test_rewritten_end_pattern_answers_as_the_old_one(name):
    new, old = AT_END[name]
    old = re.compile(old)
    lines = _end_lines(24, 20_000)
    for line in lines:
        a, b = new.search(line), old.search(line)
        assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), repr(line)
        assert new.sub("", line) == old.sub("", line), repr(line)
    assert sum(old.search(line) is not None for line in lines) > 1000


def test_note_at_end_reads_as_before():
    old = re.compile(r"^(?P<text>.*?)\s*(?P<note>\([^()]*\))$")
    lines = _end_lines(25, 20_000) + _lines(26, 5_000)
    assert [line for line in lines if _answer(tail.NOTE_AT_END, line) != _answer(old, line)] == []
    assert sum(old.match(line) is not None for line in lines) > 1000


def test_quoted_table_name_reads_as_before():
    old = re.compile(r"^(?P<label>.*?)\s*[“\"](?P<name>.+)[”\"]\s*[.:]?$")

    def new(line):
        return tables.QUOTED_NAME.match(line) if tables.QUOTED_END.search(line) else None

    rnd = random.Random(27)
    pieces = ["Phụ lục", " ", "  ", "I", "\"", "“", "”", "Bảng", "x", ".", ":", "\n", "\t", "a b"]
    lines = ["".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 10))) for _ in range(30_000)]
    for line in lines:
        a, b = new(line), old.match(line)
        assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict())), repr(line)
    assert sum(old.match(line) is not None for line in lines) > 1000
