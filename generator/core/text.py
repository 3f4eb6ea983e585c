"""Text helpers: Vietnamese numbers, word wrapping, capitals, text widths."""
from __future__ import annotations

import json
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from itertools import repeat
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


def decimal(value: float) -> str:
    """A size or a length as a Vietnamese reader writes it: 12.5 → '12,5', 14.0 → '14', 0.25 → '0,25'."""
    return f"{value:g}".replace(".", ",")


def roman(n: int) -> str:
    """Roman numerals as Word and ND30 write them (I, IV, XL); outside 1–3999, the digits."""
    if n <= 0 or n >= 4000:
        return str(n)
    out = []
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


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
    # map over the characters in C: a check of a long document asks this a few hundred thousand times
    return sum(map(table.get, text, repeat(fallback))) * size_pt / 1000


# ---------------------------------------------------------------- comparison forms
# Each form answers a different question; they are kept apart on purpose and named by what they keep.


def squash(text: str) -> str:
    """Whitespace only: no-break spaces as spaces, one space between words."""
    return " ".join(text.replace("\u00a0", " ").split())


# The format characters (Unicode category Cf, as of Unicode 14; tests/test_text.py compares it with unicodedata):
# zero-width space and joiners, word joiner, BOM, soft hyphen, direction marks and overrides, tag characters…
_INVISIBLE = re.compile("[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f"
                        "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
                        "\U00013430-\U00013438\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001"
                        "\U000e0020-\U000e007f]")


# A zero-width joiner between two pictographs prints: it makes one emoji of them (👨‍👩‍👧, ❤️‍🔥); elsewhere it
# prints nothing. Pictographs: the emoji blocks and the older symbols emoji are drawn from; the ZWJ may follow
# a variation selector (U+FE0F) or a skin tone (in the emoji blocks).
_PICTO = "\u00a9\u00ae\u203c-\u3299\U0001f000-\U0001faff"
_EMOJI_ZWJ = f"(?<=[{_PICTO}\ufe0f])\u200d(?=[{_PICTO}])"
_HIDDEN = re.compile(f"(?!{_EMOJI_ZWJ})" + _INVISIBLE.pattern)
_JOINER = re.compile(_EMOJI_ZWJ)


def joins_emoji(text: str, i: int) -> bool:
    """text[i] is a zero-width joiner that makes one emoji of the pictographs around it."""
    return _JOINER.match(text, i) is not None


def invisible(ch: str) -> bool:
    """A format character that prints nothing (zero-width space and joiners, word joiner, BOM, soft hyphen,
    direction marks and overrides: Unicode category Cf), often pasted from the web."""
    return _INVISIBLE.match(ch) is not None


# the comparison forms of one line are asked again and again: by every rule that reads the paragraph, by each pass
# identifying the type over the same first lines, by each table cell's copy. Pure functions of an immutable str,
# so each is remembered where it is made (issue 23); bounded, so a long-lived process keeps at most this many each
TEXTS_REMEMBERED = 1 << 14
remembered = lru_cache(maxsize=TEXTS_REMEMBERED)


@remembered
def seen(text: str) -> str:
    """What the eye reads: composed (NFC, so a decomposed 'ê' + U+0301 from macOS is 'ế') and without the
    format characters that print nothing. Recognition matches this form; the document's own text is never
    changed to it (`generator.word.seen` maps positions back)."""
    if text.isascii() or (unicodedata.is_normalized("NFC", text) and not _INVISIBLE.search(text)):
        return text  # the fast test (an emoji's joiner, which is kept, is rare enough to take the slow way)
    return unicodedata.normalize("NFC", _HIDDEN.sub("", text))


@remembered
def caseless(text: str) -> str:
    """Comparison form of a document's fixed wording: NFC, case-folded, one space between words, and the
    old-style tone placement ('hoà') spelled the new way ('hòa')."""
    text = unicodedata.normalize("NFC", text).casefold()
    text = text.replace("oà", "òa").replace("oá", "óa").replace("oả", "ỏa").replace("oã", "õa").replace("oạ", "ọa")
    return " ".join(text.split())


def name_key(text: str) -> str:
    """Key of a name (agency, recipient): NFC, case-folded, list punctuation at the ends dropped."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().strip(" ;.").split())


def ascii_key(text: str) -> str:
    """Lower case without diacritics or punctuation, so 'Thanh Hoá', 'thanh-hoa' and 'THANH HÓA' meet."""
    text = unicodedata.normalize("NFD", name_key(text).replace("đ", "d"))
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def words_key(text: str) -> str:
    """Key of a criterion's or heading's wording: case-folded words, quotes and punctuation dropped (% and
    / kept: '100%', '8/10')."""
    text = unicodedata.normalize("NFC", text).casefold()
    text = text.replace("“", "").replace("”", "").replace('"', "")
    return " ".join(re.sub(r"[^\w%/]+", " ", text).split())


# ---------------------------------------------------------------- Vietnamese numbers


def parse_number(text: str) -> Decimal | None:
    """A number as Vietnamese documents write it: '44,33' → 44.33, '1.250' → 1250, '1.250.000,5'; None
    when the text is not one number."""
    text = text.strip()
    if not re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?|\d+\.\d+", text):
        return None
    if "," in text or re.fullmatch(r"\d{1,3}(?:\.\d{3})+", text) is None:
        text = text.replace(".", "").replace(",", ".") if "," in text else text
    else:
        text = text.replace(".", "")
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def vi_decimal(text: str) -> Decimal:
    """'1.250,5' → 1250.5: dots group thousands, the comma is the decimal mark (raises on anything else)."""
    return Decimal(text.replace(".", "").replace(",", "."))


def shorten(text: str, width: int = 90) -> str:
    """A label of at most `width` characters, cut between words (never inside one): a quote cut inside a word
    showed “ngày 17/10/202” for “ngày 17/10/2025”, a date the drafter never wrote."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    cut = text[:width - 1]
    if " " in cut and not text[width - 1].isspace():
        cut = cut[:cut.rindex(" ")]
    return cut.rstrip(" ,;:") + "…"
