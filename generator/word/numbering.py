"""numbering.xml: the labels Word shows for list paragraphs ("I.", "1.", "1.1.", "a)", "-").

Word keeps one set of counters per abstract list; a w:num pointing at it continues the same sequence
unless it carries a startOverride, which restarts those levels the first time that num is used. Using a
level restarts the deeper levels (unless w:lvlRestart says otherwise). A level referenced by %n before it
was ever used shows its start value minus one, as Word does ("0.1" for a Heading 2 before any Heading 1)."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from generator.core.text import roman
from generator.word.styles import Styles, parse_ppr
from generator.word.xml import attr, child, children, on_off, to_int, val, w

# What symbol-font bullet characters look like (Word writes them as private-use U+F0xx, LibreOffice as the
# plain code point with the font named in the level's rPr)
_WINGDINGS = {0x6C: "●", 0x6E: "■", 0x71: "❑", 0x76: "❖", 0xA7: "▪", 0xD8: "➢", 0xFC: "✓", 0xE0: "➔",
              0x9F: "•", 0xA1: "○", 0x77: "⬥", 0xF0: "⇨", 0xE8: "➔"}
_SYMBOL = {0xB7: "•", 0x2D: "-", 0xAE: "→", 0xDE: "⇒", 0xA8: "♦", 0xD8: "¬"}


def symbol_char(ch: str, font: str | None) -> str:
    """The Unicode look-alike of one character drawn in Symbol/Wingdings (or a private-use bullet)."""
    code = ord(ch)
    pua = 0xF000 <= code <= 0xF0FF
    if pua:
        code -= 0xF000
    name = (font or "").lower()
    if "wingdings" in name:
        return _WINGDINGS.get(code, "•")
    if name == "symbol":
        return _SYMBOL.get(code, chr(code) if 0x20 <= code < 0x7F else "•")
    if pua:
        return _SYMBOL.get(code) or _WINGDINGS.get(code) or "•"
    return ch


_SUFFIX = {"tab": "\t", "space": " ", "nothing": ""}


@dataclass(frozen=True)
class Level:
    ilvl: int
    start: int = 1
    fmt: str = "decimal"
    text: str | None = None  # lvlText; None = element absent
    restart: int | None = None  # lvlRestart (1-based level whose use restarts this one; 0 = never)
    is_lgl: bool = False
    suffix: str = "\t"
    pstyle: str | None = None
    ppr: dict = field(default_factory=dict)
    picture_bullet: bool = False
    font: str | None = None  # the label's font (bullets drawn in Symbol/Wingdings)


@dataclass
class AbstractNum:
    id: str
    node: object = field(repr=False, compare=False)  # the w:abstractNum, read for its levels when first asked
    num_style_link: str | None = None
    style_link: str | None = None

    @cached_property
    def levels(self) -> dict[int, Level]:
        """Its levels by ilvl (the first of each): read the first time a list uses it — a numbering.xml may hold
        hundreds of definitions, few of them used (issue 23)."""
        levels: dict[int, Level] = {}
        for lvl in self.node.iter(w("lvl")):
            level = _level(lvl)
            levels.setdefault(level.ilvl, level)
        return levels


@dataclass
class Num:
    id: str
    abstract_id: str | None
    start_overrides: dict[int, int]
    level_overrides: dict[int, Level]


def _level(node, default_ilvl: int = 0) -> Level:
    ilvl = to_int(attr(node, "ilvl"), default_ilvl) or 0
    kids = children(node)  # one scan of the level's children (first of each tag, as `child` finds it), not one per
    # property: a numbering.xml holds thousands of levels, most of them never used (issue 23)

    def value(tag: str, default: str | None = None) -> str | None:
        found = kids.get(w(tag))
        return default if found is None else attr(found, "val", default)

    text_node = kids.get(w("lvlText"))
    restart = value("lvlRestart")
    is_lgl = kids.get(w("isLgl"))
    return Level(
        ilvl=ilvl,
        start=to_int(value("start"), 1) if kids.get(w("start")) is not None else 1,
        fmt=value("numFmt", "decimal") or "decimal",
        text=attr(text_node, "val", "") if text_node is not None else None,
        restart=to_int(restart) if restart is not None else None,
        is_lgl=is_lgl is not None and on_off(is_lgl),
        suffix=_SUFFIX.get(value("suff", "tab") or "tab", "\t"),
        pstyle=value("pStyle"),
        ppr=parse_ppr(kids.get(w("pPr"))),
        picture_bullet=kids.get(w("lvlPicBulletId")) is not None,
        font=_label_font(kids.get(w("rPr"))),
    )


def _label_font(rpr) -> str | None:
    fonts = child(rpr, "rFonts")
    return (attr(fonts, "ascii") or attr(fonts, "hAnsi") or attr(fonts, "cs")) if fonts is not None else None


@dataclass
class Definitions:
    abstracts: dict[str, AbstractNum] = field(default_factory=dict)
    nums: dict[str, Num] = field(default_factory=dict)


def read_numbering(root) -> Definitions:
    defs = Definitions()
    if root is None:
        return defs
    for node in root.iter(w("abstractNum")):
        aid = attr(node, "abstractNumId")
        if aid is None:
            continue
        defs.abstracts[aid] = AbstractNum(aid, node, val(node, "numStyleLink"), val(node, "styleLink"))
    for node in root.iter(w("num")):
        nid = attr(node, "numId")
        if nid is None:
            continue
        starts, overrides = {}, {}
        for ov in node.iter(w("lvlOverride")):
            ilvl = to_int(attr(ov, "ilvl"), 0) or 0
            so = val(ov, "startOverride")
            if so is not None and to_int(so) is not None:
                starts[ilvl] = to_int(so)
            lvl = child(ov, "lvl")
            if lvl is not None:
                overrides[ilvl] = _level(lvl, ilvl)
        defs.nums[nid] = Num(nid, val(node, "abstractNumId"), starts, overrides)
    return defs


def _letter(n: int) -> str:
    # Word repeats the letter: A..Z, AA..ZZ, AAA..
    if n <= 0 or n > 26 * 40:  # a hostile start value must not build a megabyte label
        return str(n)
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


_VI_DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]

KNOWN_FORMATS = {"decimal", "decimalZero", "upperRoman", "lowerRoman", "upperLetter", "lowerLetter", "bullet",
                 "none", "decimalEnclosedParen", "decimalEnclosedFullstop", "decimalFullWidth",
                 "decimalHalfWidth", "ordinal"}


def format_number(n: int, fmt: str) -> str:
    if fmt == "decimalZero":
        return f"{n:02d}" if 0 <= n < 10 else str(n)
    if fmt == "upperRoman":
        return roman(n)
    if fmt == "lowerRoman":
        return roman(n).lower()
    if fmt == "upperLetter":
        return _letter(n)
    if fmt == "lowerLetter":
        return _letter(n).lower()
    if fmt == "none":
        return ""
    if fmt == "decimalEnclosedParen":
        return f"({n})"
    if fmt == "decimalEnclosedFullstop":
        return f"{n}."
    if fmt == "ordinal":
        return f"{n}."
    if fmt == "vietnameseCounting" and 0 <= n < 10:
        return _VI_DIGITS[n]
    return str(n)


@dataclass(frozen=True)
class Label:
    text: str
    suffix: str
    level: Level
    abstract_id: str


class Numberer:
    """Walks the paragraphs in document order and hands out labels; one instance per document."""

    def __init__(self, defs: Definitions, styles: Styles):
        self.defs = defs
        self.styles = styles
        self._counters: dict[str, list[int | None]] = {}
        self._used_nums: set[str] = set()
        self.unknown_formats: set[str] = set()
        self._by_style_link: dict[str, AbstractNum] | None = None
        self._resolved: dict[str, AbstractNum] = {}  # abstract id → the abstract its numStyleLink chain ends on
        self._levels: dict[str, tuple[AbstractNum, dict[int, Level]] | None] = {}

    def _linked(self, abstract: AbstractNum) -> AbstractNum | None:
        """The abstract one numStyleLink step leads to: through the numbering style's num, else the first
        abstract whose styleLink names that style."""
        style = self.styles.get(abstract.num_style_link)
        if style is not None and style.num_id and style.num_id in self.defs.nums:
            linked = self.defs.abstracts.get(self.defs.nums[style.num_id].abstract_id or "")
            if linked is not None:
                return linked
        if self._by_style_link is None:  # one pass over the abstracts, not one per step
            self._by_style_link = {}
            for candidate in self.defs.abstracts.values():
                if candidate.style_link:
                    self._by_style_link.setdefault(candidate.style_link, candidate)
        return self._by_style_link.get(abstract.num_style_link or "")

    def _abstract(self, num: Num) -> AbstractNum | None:
        """numStyleLink: the list's levels live on the abstractNum whose styleLink names the numbering style.
        Each chain is walked once (every abstract on it is memoised with the chain's end), so a chain of n
        links costs n steps in all, not n per paragraph; a cycle ends the walk where it closes."""
        start = self.defs.abstracts.get(num.abstract_id or "")
        if start is None:
            return None
        path: list[AbstractNum] = []
        on_path: set[str] = set()
        abstract = start
        while True:
            done = self._resolved.get(abstract.id)
            if done is not None:
                end = done
                break
            if not abstract.num_style_link or abstract.id in on_path:
                end = abstract
                break
            path.append(abstract)
            on_path.add(abstract.id)
            linked = self._linked(abstract)
            if linked is None or linked is abstract:
                end = abstract
                break
            abstract = linked
        for step in path:
            self._resolved[step.id] = end
        return end

    def levels(self, num_id: str) -> tuple[AbstractNum, dict[int, Level]] | None:
        if num_id in self._levels:
            return self._levels[num_id]
        found = None
        num = self.defs.nums.get(num_id)
        abstract = self._abstract(num) if num is not None else None
        if abstract is not None:
            levels = dict(abstract.levels)
            levels.update(num.level_overrides)
            found = (abstract, levels)
        self._levels[num_id] = found
        return found

    def level_for_style(self, num_id: str, style_id: str | None) -> int | None:
        found = self.levels(num_id)
        if found is None or not style_id:
            return None
        for ilvl, level in sorted(found[1].items()):
            if level.pstyle == style_id:
                return ilvl
        return None

    def level(self, num_id: str, ilvl: int) -> Level | None:
        found = self.levels(num_id)
        return None if found is None else found[1].get(ilvl)

    def next_label(self, num_id: str, ilvl: int) -> Label | None:
        """Advance the counters for one numbered paragraph and return its label (None: not numbered)."""
        if num_id in ("0", "") or not (0 <= ilvl <= 8):
            return None
        found = self.levels(num_id)
        if found is None:
            return None
        abstract, levels = found
        level = levels.get(ilvl)
        if level is None:
            return None
        num = self.defs.nums[num_id]
        key = abstract.id
        counters = self._counters.setdefault(key, [None] * 9)
        if num_id not in self._used_nums:
            self._used_nums.add(num_id)
            for lv in list(num.start_overrides) + list(num.level_overrides):
                if 0 <= lv <= 8:
                    counters[lv] = None

        def start(lv: int) -> int:
            if lv in num.start_overrides:
                return num.start_overrides[lv]
            known = levels.get(lv)
            return known.start if known else 1

        counters[ilvl] = start(ilvl) if counters[ilvl] is None else counters[ilvl] + 1
        for deeper in range(ilvl + 1, 9):
            restart = levels[deeper].restart if deeper in levels else None
            if restart is None or (restart != 0 and ilvl < restart):
                counters[deeper] = None

        if level.fmt == "bullet":
            text = level.text if level.text is not None else "•"
            text = "".join(symbol_char(ch, level.font) for ch in text)
            if level.picture_bullet and not text.strip():
                text = "•"
            return Label(text, level.suffix, level, key)
        if level.fmt not in KNOWN_FORMATS:
            self.unknown_formats.add(level.fmt)
        template = level.text if level.text is not None else f"%{ilvl + 1}."
        out, i = [], 0
        while i < len(template):
            ch = template[i]
            if ch == "%" and i + 1 < len(template) and template[i + 1] in "123456789":
                ref = int(template[i + 1]) - 1
                value = counters[ref] if counters[ref] is not None else start(ref) - 1
                ref_level = levels.get(ref)
                fmt = ref_level.fmt if ref_level else "decimal"
                if level.is_lgl and ref < ilvl and fmt != "none":
                    fmt = "decimal"
                out.append(format_number(value, fmt))
                i += 2
            else:
                out.append(ch)
                i += 1
        return Label("".join(out), level.suffix, level, key)
