"""Text helpers: Vietnamese numbers, word wrapping, capitals, text widths."""
from __future__ import annotations

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
