"""Vietnamese formatting rules: numbers, ND30 dates, Roman numerals, text widths."""
from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from functools import lru_cache
from importlib import resources


def wrap_words(text: str, first: int, width: int) -> list[str]:
    """Break `text` at spaces, greedily: the first line has `first` columns, the others `width`
    (a word longer than the room stays whole on its own line)."""
    lines, current, room = [], "", first
    for word in text.split(" "):
        if current and len(current) + 1 + len(word) > room:
            lines.append(current)
            current, room = word, width
        else:
            current = f"{current} {word}" if current else word
    return lines + [current]


def number(value: int | Decimal) -> str:
    """44.33 → '44,33'; 4.0 stays '4,0' (the precision the drafter wrote); 1250000 → '1.250.000'.

    Vietnamese grouping and decimal marks by hand: the same strings as babel's format_decimal with
    the 'vi' locale (tests/test_text.py compares them), without loading babel and its locale data
    at every start (a third of `kehoach validate`'s start-up)."""
    if isinstance(value, Decimal):
        places = max(0, -value.as_tuple().exponent) if value.is_finite() else 0
        text = f"{value:,.{places}f}"
    else:
        text = f"{value:,}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def issue_date(date: dt.date | None, year: int, month: int | None = None) -> str:
    """ND30 §II.4.b: pad days 1-9 and months 1-2 only. A draft keeps blanks for the Văn thư (the
    month is printed when the draft knows it)."""
    from generator.nd30.rules import date_words  # nd30 uses roman() from here

    if date is None:
        return date_words(None, month, year)
    return date_words(date.day, date.month, date.year)


def roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += letters
            n -= value
    return out


def upper(text: str) -> str:
    """Vietnamese capitals ('đ' → 'Đ' included; Python's upper() handles the precomposed letters)."""
    return text.upper()


@lru_cache(maxsize=1)
def _widths() -> dict[str, dict[str, int]]:
    return json.loads(resources.files("generator.data").joinpath("serif_widths.json").read_text("utf-8"))


def text_width_pt(text: str, size_pt: float, style: str = "regular") -> float:
    """Width of a line set in Times New Roman (Liberation Serif metrics), in points."""
    table = _widths()[style]
    fallback = table.get("n", 500)
    return sum(table.get(ch, fallback) for ch in text) * size_pt / 1000
