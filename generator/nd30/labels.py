"""The one grammar of the labels an administrative document numbers its parts with: "I." (mục), "1."
(khoản), "1.1." (dotted), "a)" (điểm, Vietnamese letters: no f, j, w, z), "(1)", and the bullets "-", "+".
The renderer writes labels with it, and the importer, the review round trip and the checker read them
with it, so the four cannot disagree about what a label is."""
from __future__ import annotations

import re

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


def roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += letters
            n -= value
    return out


def roman_value(text: str) -> int | None:
    for n in range(1, 40):
        if roman(n) == text:
            return n
    return None


def label_of(label: str) -> tuple[str, int] | None:
    """('roman'|'arabic'|'letter'|'dotted', position) of a heading label such as 'II.', '3.', 'đ)'."""
    label = label.strip()
    if m := ROMAN_RE.match(label):
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


def split_label(text: str) -> tuple[str, str]:
    """A label typed at the start of a paragraph ('I. MỤC ĐÍCH' → ('I.', 'MỤC ĐÍCH'))."""
    stripped = text.lstrip()
    for rx in (ROMAN_RE, DOTTED_RE, ARABIC_RE, LETTER_RE):
        m = rx.match(stripped)
        if m:
            return stripped[: m.end()], stripped[m.end():].lstrip(" \t")
    return "", stripped
