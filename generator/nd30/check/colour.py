"""The colour of the text (PL I §I.4: "Phông chữ tiếng Việt Times New Roman … màu đen"): drafts carry fill-ins typed
in red or blue (a name, a date), templates an agency name in a house colour. Told once per colour for the whole
document, at its first place, the others counted (as the font is): one matter for the drafter, fixed at once in Word.

What counts: the visible characters of a run (its colour set on the run or by its styles), and those marked with
the highlighter (w:highlight: a draft's review marks, FR5-HD01; told apart, "chữ tô nền màu …"). Not told: black and
"automatic", a grey or a colour so dark that it prints as black does (every channel at most NEAR_BLACK), white and
near-white (nothing prints: no colour on paper to change), symbol glyphs, and a link in Word's own link style
("Hyperlink", LibreOffice's "InternetLink": blue by Word's choice, not the drafter's) and a web or e-mail address
(a link's look, whoever gave it). Page headers and footers are
read as Word prints them (check_fonts does the same). No --fix: a colour may be what makes a text readable (white
on a shaded cell, read as white here and left alone, but a light colour on a dark fill is not told apart) or mark
what the drafter has still to fill in; black is a choice for the drafter in Word."""
from __future__ import annotations

import colorsys
import re

from generator.nd30.check.base import Checker, Rule
from generator.nd30.check.page import _symbols_only
from generator.word.model import Paragraph, Run

FONT_COLOUR = Rule("font.color", "chữ màu đen", "PL I §I.4")
RULES = (FONT_COLOUR,)
NEAR_BLACK = 0x40  # Word's "Black, Text 1, Lighter 25%" (404040) and darker print as black on an office printer
NEAR_WHITE = 0xF0
_LINK_STYLES = ("hyperlink", "internetlink", "internet link")
ADVICE = "chọn đoạn chữ, Home › Font Color › Automatic — đổi sang màu đen"
MARK_ADVICE = "chọn đoạn chữ, Home › Text Highlight Color › No Color — bỏ tô nền"
# Word's highlighter colours (w:highlight): white marks nothing on white paper
HIGHLIGHTS = {"none": None, "white": None, "yellow": "vàng", "green": "xanh lá", "cyan": "xanh lơ", "magenta": "hồng",
              "blue": "xanh dương", "red": "đỏ", "darkBlue": "xanh dương đậm", "darkCyan": "xanh lơ đậm",
              "darkGreen": "xanh lá đậm", "darkMagenta": "tím", "darkRed": "đỏ đậm", "darkYellow": "vàng đậm",
              "darkGray": "xám đậm", "lightGray": "xám nhạt", "black": "đen"}


def colour_name(value: str | None) -> str | None:
    """The Vietnamese name of the colour a run prints in ("đỏ", "xanh dương"), None when it prints black (or
    nothing: white). A theme colour is named by its theme slot only when that is a text colour of the theme's
    (dark: black), else told as "màu của giao diện" ("accent1")."""
    if not value or value in ("auto", "000000"):
        return None
    if value.startswith("theme:"):
        slot = value[6:].lower()
        return None if slot.startswith(("text1", "dark1", "tx1", "dk1", "background1", "light1", "bg1", "lt1")) else \
            f"theo giao diện ({value[6:]})"
    try:
        red, green, blue = (int(value[k:k + 2], 16) for k in (0, 2, 4))
    except ValueError:
        return None
    if max(red, green, blue) <= NEAR_BLACK or min(red, green, blue) >= NEAR_WHITE:
        return None
    hue, _, saturation = colorsys.rgb_to_hls(red / 255, green / 255, blue / 255)
    if saturation < 0.2:
        return "xám"
    degrees = hue * 360
    for bound, name in ((15, "đỏ"), (45, "cam"), (70, "vàng"), (170, "xanh lá"), (260, "xanh dương"), (330, "tím")):
        if degrees < bound:
            return name
    return "đỏ"


# a web or e-mail address: printed in a link's colour whoever set it (FR8-TB02's hand-coloured "http://sinhvien…")
_ADDRESS = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)


_LINK_KEYS = frozenset(s.replace(" ", "") for s in _LINK_STYLES)


def _linked(r: Run) -> bool:
    return bool(r.style_id) and r.style_id.lower().replace(" ", "") in _LINK_KEYS


def check_colours(ck: Checker) -> None:
    """Text printed in a colour: one finding per colour, at the first paragraph holding it (body by number, a page
    header or footer by section), with the first coloured piece of text and how many other paragraphs hold it."""
    found: dict[str, list[tuple[Paragraph | None, int | None, str]]] = {}

    def scan(p: Paragraph, para: Paragraph | None, section: int | None) -> None:
        seen: set[str] = set()
        shown = [r for r in p.runs if r.change != "del"]
        # what each run prints in first: most paragraphs have no run in a colour, and nothing more is asked of them
        looks = [(colour_name(r.color), HIGHLIGHTS.get(r.highlight or "none", r.highlight)) for r in shown]
        if not any(name or mark for name, mark in looks):
            return
        text = "".join(r.text for r in shown)
        links = [m.span() for m in _ADDRESS.finditer(text)]
        at = 0
        for r, (name, mark) in zip(shown, looks):
            start, at = at, at + len(r.text)
            if not (name or mark) or not r.text.strip() or _symbols_only(r.text) or _linked(r) or \
                    any(a <= start and at <= b for a, b in links if r.text.strip()):
                continue
            piece = "số trang" if p.has_field.get("PAGE") and r.text.strip().isdigit() else " ".join(r.text.split())
            for key in ([f"màu {name}"] if name else []) + ([f"tô nền màu {mark}"] if mark else []):
                if key not in seen:
                    seen.add(key)
                    found.setdefault(key, []).append((para, section, piece))

    for p, section in ck.printed():
        scan(p, p if section is None else None, section)
    for key, places in found.items():
        para, section, text = places[0]
        more = f" (và {len(places) - 1} đoạn khác)" if len(places) > 1 else ""
        where = "" if para is not None else " ở đầu/chân trang"
        shown = "(số trang)" if text == "số trang" else f"“{text[:40]}”"
        said = f"ND30 quy định chữ màu đen trên nền giấy: {MARK_ADVICE}" if key.startswith("tô nền") else \
            f"ND30 quy định chữ màu đen: {ADVICE}"
        ck.add(FONT_COLOUR, f"chữ {key} {shown}{where}{more}, {said}", p=para, section=section)
