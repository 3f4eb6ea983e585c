"""Regenerate generator/data/serif_widths.json: advance widths (per 1000 em) of the characters a
Vietnamese plan uses, from Liberation Serif (metric-compatible with Times New Roman).

Run by hand when the character set changes: pip install fonttools; python tools/make_widths.py
"""
import json
import unicodedata
from pathlib import Path

from fontTools.ttLib import TTFont

FONTS = Path("/usr/share/fonts/truetype/liberation2")
VI = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY"
TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]


def charset() -> str:
    chars = {chr(c) for c in range(0x20, 0x7F)} | set("“”‘’–—…°•§\u00a0")  # a no-break space is a space
    for base in VI:
        for tone in TONES:
            chars.add(unicodedata.normalize("NFC", base + tone))
    chars |= {chr(c) for c in range(0xC0, 0x180)}
    return "".join(sorted(c for c in chars if len(c) == 1))


def widths(path: Path) -> dict[str, int]:
    font = TTFont(path)
    cmap, hmtx, upm = font.getBestCmap(), font["hmtx"], font["head"].unitsPerEm
    return {c: round(hmtx[cmap[ord(c)]][0] * 1000 / upm) for c in charset() if ord(c) in cmap}


out = {style: widths(FONTS / f"LiberationSerif-{name}.ttf")
       for style, name in (("regular", "Regular"), ("bold", "Bold"), ("italic", "Italic"))}
Path(__file__).resolve().parent.parent.joinpath("generator/data/serif_widths.json").write_text(
    json.dumps(out, ensure_ascii=False, sort_keys=True, separators=(",", ":")), encoding="utf-8")
