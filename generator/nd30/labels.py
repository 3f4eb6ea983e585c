"""The one grammar of the labels an administrative document numbers its parts with: "I." (mục), "1."
(khoản), "1.1." (dotted), "a)" (điểm, Vietnamese letters: no f, j, w, z), "(1)", and the bullets "-", "+".
The renderer writes labels with it, and the importer, the review round trip and the checker read them
with it, so the four cannot disagree about what a label is."""
from __future__ import annotations

import re

from generator.core.text import roman  # noqa: F401  (the grammar's numerals; the reader uses it too)

VI_LETTERS = "abcdđeghiklmnopqrstuvxy"  # a b c d đ e g h i k …: Vietnamese letters, no f/j/w/z
POINT_LETTERS = VI_LETTERS
BULLET_CHARS = "-–—•·▪◦o\uf0b7\uf0a7\uf0d8\uf076"  # what Word list bullets show (Symbol/Wingdings included)

ROMAN_RE = re.compile(r"^(?P<n>[IVXLC]+)\.(?=\s|$)")
ARABIC_RE = re.compile(r"^(?P<n>\d{1,3})\.(?=\s|$)")
DOTTED_RE = re.compile(r"^(?P<n>\d{1,3}(?:\.\d{1,3})+)\.?(?=\s|$)")
LETTER_RE = re.compile(r"^(?P<n>[a-zđ])\)(?=\s|$)")

# Any label at the start of a paragraph, bullets included, with what kind it is (named groups).
LABEL = re.compile(
    r"^(?P<label>(?P<roman>[IVXLC]+)\.|(?P<numnum>\d{1,2}(?:\.\d{1,2})+)\.?|(?P<num>\d{1,2})\.|"
    r"(?P<letter>[a-zđ])\)|\((?P<paren>\d{1,2})\)|(?P<dash>[-–—•])|(?P<plus>\+))(?:[ \t\u00a0]+|$)")

# A label at the start of a reviewed paragraph, as the review round trip (`import --onto`) reads it.
# It differs from LABEL on purpose: LABEL decides whether a paragraph of any document is numbered;
# here the document is one kehoach printed, whose numbering kehoach computes, and any label-like start
# a reviewer left or typed is taken as numbering (reported, never written into the plan; on a new
# paragraph it tells a bullet from a clause). So it is looser: no space needed after the label
# ('-Tuyên truyền', and the '1.' of '1.250'), Roman numerals with D and M, numbers of any length;
# '—' is not taken for a bullet.
REVIEW_LABEL = re.compile(r"^(?:[IVXLCDM]+\.|\d+(?:\.\d+)*\.|[a-zđ]\)|\(\d+\)|[-+•–])\s*")
# A table cell holding nothing but numbering ('II', '1.2', '3.'): the STT kehoach computes.
NUMBERING_ONLY = re.compile(r"[IVXLCDM\d.]+")


# The scopes a legal text numbers its khoản within (Phần, Chương, Mục, Điều): each restarts the numbering
# under it. "Chương II", "MỤC 1", "Phần thứ nhất", "PHẦN THỨ HAI", "Điều 5." (an Điều's title may follow on
# the line).
SCOPE_HEADING = re.compile(r"^(?P<word>Phần|PHẦN|Chương|CHƯƠNG|Mục|MỤC)\s+(?P<n>(?:thứ|Thứ|THỨ)\s+\w+|[IVXLC]+|\d{1,3})(?=[\s.:]|$)")
# "Điều 1.Công nhận …" (no space typed after the dot) and the typo "Điểu 18." (FR10-QD02) still open an Điều: read
# otherwise, the next Điều and this one's khoản would be said to skip a number, and be renumbered wrong
ARTICLE = re.compile(r"^(?P<word>Điều|ĐIỀU|Điểu)\s+(?P<n>\d{1,3})(?:\s*[.:]?(?=\s|$)|\.(?=[^\W\d_]))")

# A point's letter glued to its name in a table cell: "c) Chất lượng bầu cử" (no space needed after ")").
# (The spaces after ")" are taken whole — "\s*(?P<name>.+)$" re-read the rest for each space given back when a line
# break inside stops the match: quadratic; issue 22 — and when only spaces follow, the old answer, the last space
# of the line, is the second branch.)
LETTERED_NAME = re.compile(r"^(?P<letter>[a-zđ])\)(?:(?=(?P<_gap>\s*))(?P=_gap)(?=.)|\s*(?=[^\S\n]\n?\Z))(?P<name>.+)$")


def roman_value(text: str) -> int | None:
    for n in range(1, 40):
        if roman(n) == text:
            return n
    return None


def label_of(label: str) -> tuple[str, int] | None:
    """('roman'|'arabic'|'letter'|'dotted', position) of a heading label such as 'II.', '3.', 'đ)'."""
    label = label.strip()
    if m := ROMAN_RE.match(label) or re.fullmatch(r"(?P<n>[IVXLC]{2,})", label):
        n = roman_value(m["n"])
        return ("roman", n) if n else None
    if m := ARABIC_RE.match(label):
        return "arabic", int(m["n"])
    if m := DOTTED_RE.match(label):
        return "dotted", int(m["n"].split(".")[-1])
    if m := LETTER_RE.match(label):
        letter = m["n"]
        return ("letter", POINT_LETTERS.index(letter) + 1) if letter in POINT_LETTERS else ("letter", 0)
    return None


def point_label(n: int) -> str:
    return f"{POINT_LETTERS[n - 1]})" if n <= len(POINT_LETTERS) else f"({n})"


# a khoản's number typed with no space before its text ("1.Vị trí xây dựng …", FR10-QD02): a capital follows the
# dot straight away, which "1.100 triệu" (a figure) and "1.2." (dotted) do not have
GLUED_ARABIC_RE = re.compile(r"^(?P<n>\d{1,3})\.(?=[^\W\d_])")


# the same for a mục ("II.Mục tiêu:", FR22-KH01)
GLUED_ROMAN_RE = re.compile(r"^(?P<n>[IVXLC]+)\.(?=[^\W\d_])")
# a mục's numeral typed without its dot ("VII Chế độ báo cáo", FR22-KH01): two letters or more (a lone "I", "V" or "X"
# opens sentences: "X- Quang"), a capital after the space
BARE_ROMAN_RE = re.compile(r"^(?P<n>[IVXLC]{2,})(?=[ \t]+[^\W\d_])")
# a khoản's number glued to a percentage ("2.95 % bệnh nhân …", "3.100% số bệnh nhân …", FR22-KH01): no decimal
# (Vietnamese writes 2,95) nor dotted number "2.95", but khoản 2 of 95 %
PERCENT_AFTER_RE = re.compile(r"^(?P<n>\d{1,3})\.(?=\d+(?:,\d+)?\s*%)")


def split_label(text: str) -> tuple[str, str]:
    """A label typed at the start of a paragraph ('I. MỤC ĐÍCH' → ('I.', 'MỤC ĐÍCH'); '1.Vị trí' → ('1.',
    'Vị trí'); 'VII Chế độ' → ('VII', 'Chế độ'))."""
    stripped = text.lstrip()
    for rx in (PERCENT_AFTER_RE, ROMAN_RE, DOTTED_RE, ARABIC_RE, LETTER_RE, GLUED_ARABIC_RE, GLUED_ROMAN_RE,
               BARE_ROMAN_RE):
        m = rx.match(stripped)
        if m and (rx not in (GLUED_ARABIC_RE, GLUED_ROMAN_RE, BARE_ROMAN_RE) or stripped[m.end():].lstrip()[:1].isupper()) \
                and (rx is not BARE_ROMAN_RE or roman_value(m["n"])):
            return stripped[: m.end()], stripped[m.end():].lstrip(" \t")
    return "", stripped


# ---------------------------------------------------------------- reading a paragraph's label (the importer)

def label_kind(label: str, ilvl: int | None = None) -> tuple[str, int]:
    """What a label makes of its paragraph when read into a plan: ('section' | 'clause' | 'bullet' | 'plus' |
    'text', clause depth: 1 for "1.", 2 for "a)" and "1.1.", 3 for "(1)" and "1.1.1."). A Word list bullet
    one level in (ilvl ≥ 1) is a "+" item."""
    label = label.strip()
    if not label:
        return "text", 0
    if label == "+":
        return "plus", 0
    if label in BULLET_CHARS or (len(label) == 1 and not label.isalnum()):
        return ("plus" if (ilvl or 0) >= 1 else "bullet"), 0
    m = LABEL.match(label + " ")
    if not m:
        return "text", 0
    if m.group("roman"):
        return "section", 0
    if m.group("num"):
        return "clause", 1
    if m.group("numnum"):
        return "clause", 1 + m.group("numnum").count(".")
    if m.group("letter"):
        return "clause", 2
    if m.group("paren"):
        return "clause", 3
    if m.group("dash"):
        return "bullet", 0
    return "plus", 0


def read_label(text: str, list_label: str | None = None, ilvl: int | None = None,
               heading: int | None = None) -> tuple[str, int, str, str]:
    """(kind, depth, label, rest) of a paragraph: its Word list label, else a label typed at its start (a
    lone "I." is no label), then its heading style: Heading 1 makes a section, Heading n ≥ 2 an unlabelled
    paragraph a clause of depth n - 1. `rest` is the text after the label, stripped."""
    text = text.replace("\u00a0", " ").replace("\f", " ")
    if list_label:
        kind, depth = label_kind(list_label, ilvl)
        rest = text.strip()
        label = list_label.strip()
    else:
        stripped = text.strip()
        m = LABEL.match(stripped)
        if m and (m.group("roman") is None or len(stripped) > len(m.group(0))):
            label = m.group("label")
            kind, depth = label_kind(label, None)
            rest = stripped[m.end():].strip()
        else:
            kind, depth, label, rest = "text", 0, "", stripped
    if heading == 1 and kind in ("text", "clause"):
        kind, depth = "section", 0
    elif heading and heading >= 2 and kind == "text":
        kind, depth = "clause", heading - 1
    return kind, depth, label, rest


# ---------------------------------------------------------------- looser forms, for reading hand-typed text
# Each accepts what LABEL does not (or refuses what it accepts) on purpose; they keep what the importer's table
# reader and `validate` have always recognised.
ROMAN_CELL = re.compile(r"^[IVXLC]+\.?$")  # a table cell holding only a roman numeral, dot or not ("I", "II.")
TYPED_LABEL = re.compile(r"^\s*(?:[IVXLC]+|\d+|[a-zđ])[.)]\s+")  # "I. ", "2) ", "a. " before a group row's name
# Plan text opening with a number or bullet kehoach would print itself (`validate` warns): any "I."-like start,
# numbers of any length, a space required after the others.
HAND_NUMBER = re.compile(r"^\s*(?:[IVX]+\.|\d+(?:\.\d+)*\.\s|[a-zđ]\)\s|[-+•]\s)")


def capitals_after(text: str) -> bool:
    """A "Mục 1. THU TIỀN SỬ DỤNG ĐẤT, …" heading with its title in capitals on the label's line (FR18-ND01), however
    long and wherever set: a heading, not a sentence that opens with "Mục"."""
    m = SCOPE_HEADING.match(text)
    letters = [c for c in text[m.end():] if c.isalpha()] if m else []
    return len(letters) >= 3 and all(c.isupper() for c in letters)
