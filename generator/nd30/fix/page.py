"""Corrections of the page and the fonts (check/page.py): Times New Roman everywhere ("font"), margins
brought into ND30's ranges ("margins")."""
from __future__ import annotations

from generator import nd30
from generator.core.messages import Message
from generator.core.units import TWIPS_PER_MM
from generator.nd30.check import Fix
from generator.nd30.fix.fixer import Fixer
from generator.nd30.fix.xml import RPR_ORDER, SECT_ORDER, ordered_child, props
from generator.word.xml import w

SIDE_WORDS = {"top": "trên", "bottom": "dưới", "left": "trái", "right": "phải"}


def fix_font(fx: Fixer, fix: Fix, found: Message) -> bool:
    if fx.fonts_done:
        return True
    fx.fonts_done = True
    pkg = fx.pkg
    parts = [pkg.main_part] + [rel.target for rel in pkg.rels(pkg.main_part).values()
                               if not rel.external and rel.type.rsplit("/", 1)[-1] in ("header", "footer")]
    count = 0
    for part in parts:
        root = pkg.xml(part)
        if root is None:
            continue
        for r in root.iter(w("r")):
            if not "".join(t.text or "" for t in r.iter(w("t"))).strip():
                continue
            _set_fonts(props(r, "rPr"))
            count += 1
        fx.dirty.add(part)
    styles_rel = [rel.target for rel in pkg.rels(pkg.main_part).values()
                  if not rel.external and rel.type.rsplit("/", 1)[-1] == "styles"]
    for part in styles_rel:
        root = pkg.xml(part)
        if root is None:
            continue
        for fonts in root.iter(w("rFonts")):
            _set_fonts(fonts.getparent())
        defaults = root.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}")
        if defaults is not None:
            _set_fonts(defaults)
        fx.dirty.add(part)
    fx.note(f"phông chữ {nd30.FONT} cho toàn văn bản ({count} đoạn chữ có định dạng riêng và các kiểu)", found=found)
    return True


def _set_fonts(rpr) -> None:
    fonts = ordered_child(rpr, "rFonts", RPR_ORDER, replace=False)
    for key in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(w(key), None)
    for key in ("ascii", "hAnsi", "cs", "eastAsia"):
        fonts.set(w(key), nd30.FONT)


def fix_margins(fx: Fixer, fix: Fix, found: Message) -> bool:
    sect = fx.section(fix.section)
    if sect is None:
        return False
    mar = ordered_child(sect, "pgMar", SECT_ORDER, replace=False)
    shown = []
    for side, value in fix.margins:
        mar.set(w(side), str(round(value * TWIPS_PER_MM)))
        shown.append(f"{SIDE_WORDS[side]} {value:g} mm")
    for attr, default in (("header", "567"), ("footer", "567"), ("gutter", "0")):
        if mar.get(w(attr)) is None:
            mar.set(w(attr), default)
    fx.note(f"lề {', '.join(shown)}", found.where, found)
    return True


FIXES = {"font": fix_font, "margins": fix_margins}
