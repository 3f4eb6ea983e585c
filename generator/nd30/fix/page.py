"""Corrections of the page and the fonts (check/page.py): Times New Roman everywhere ("font"), margins
brought into ND30's ranges ("margins")."""
from __future__ import annotations

import re
from dataclasses import replace

from generator import nd30
from generator.core.messages import Message
from generator.core.units import PT_PER_MM, TWIPS_PER_MM
from generator.nd30.check import Fix
from generator.nd30.fix.fixer import Fixer
from generator.nd30.fix import pages
from generator.nd30.fix.xml import RPR_ORDER, SECT_ORDER, ordered_child, props
from generator.word.xml import w
from generator.core.text import decimal, shorten

SHRINK = "vùng chữ đổi kích thước"
SIDE_WORDS = {"top": "trên", "bottom": "dưới", "left": "trái", "right": "phải"}


def fix_font(fx: Fixer, fix: Fix, found: Message) -> bool:
    if fx.fonts_done:
        return True
    fx.fonts_done = True
    legacy = next((p for p in fx.doc.paragraphs() for r in p.runs
                   if r.change != "del" and nd30.legacy_encoded(r.fonts or (r.font,), r.text)), None)
    if legacy is not None:  # Times New Roman on TCVN3 text prints "Chñ tÞch" for "Chủ tịch": the fonts stay
        return fx.refuse(f"phông chữ không sửa tự động: đoạn “{shorten(legacy.text, 40)}” có "
                         f"{nd30.LEGACY_ADVICE}", found)
    if not fx.risk("font", found):
        return False
    pkg = fx.pkg
    parts = [pkg.main_part] + [rel.target for rel in pkg.rels(pkg.main_part).values()
                               if not rel.external and rel.type.rsplit("/", 1)[-1] in ("header", "footer")]
    count = 0
    placed: list[str] = []  # header/footer lines placed with spaces, kept in their fonts
    for part in parts:
        root = pkg.xml(part)
        if root is None:
            continue
        kept = set() if part == pkg.main_part else _placed_with_spaces(root, placed)
        for r in root.iter(w("r")):
            if not "".join(t.text or "" for t in r.iter(w("t"))).strip() or r in kept:
                continue
            _set_fonts(props(r, "rPr"))
            count += 1
        fx.dirty.add(part)
    if placed:  # said at the footer's line, not at the body paragraph the finding names first
        fx.refuse(f"phông chữ ở đầu/chân trang không sửa tự động: dòng “{placed[0]}” đặt chữ vào chỗ bằng dấu cách; với "
                  f"{nd30.FONT} chữ hẹp lại nên dòng sẽ ngắt khác đi: hãy thay dãy dấu cách bằng phím Tab rồi đặt "
                  f"phông {nd30.FONT} trong Word", replace(found, where="", excerpt=""))
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


# spaces in a row that place the words after them (a gap a reader sees as two columns, as pages.py reads a line)
PLACING_SPACES = re.compile(r"\S( {3,})\S")


def _placed_with_spaces(root, placed: list[str]) -> set:
    """The runs of the page header/footer paragraphs whose words after a gap of spaces are placed by those spaces
    (FR15-QD02's form code "BM.03. ĐĐ.01.A2 ⟨100 spaces⟩ Ban hành ngày 03/07/2017"): every character before the gap
    moves them, and in another font the line wraps elsewhere ("Ban" pulled up to the first line). Such a line keeps
    its fonts when each of its runs names its own (a style's font would still change with the styles); `placed`
    gets each line's text, its gaps shown as "…"."""
    out: set = set()
    for p in root.iter(w("p")):
        runs = [r for r in p.iter(w("r")) if "".join(t.text or "" for t in r.iter(w("t"))).strip()]
        text = "".join("\t" if c.tag == w("tab") else c.text or "" for r in p.iter(w("r")) for c in r
                       if c.tag in (w("t"), w("tab")))
        if not runs or not PLACING_SPACES.search(text):
            continue
        own = [r.find(f"{w('rPr')}/{w('rFonts')}") for r in runs]
        if any(f is None or not any(f.get(w(k)) for k in ("ascii", "hAnsi", "asciiTheme", "hAnsiTheme")) for f in own):
            continue
        if all(nd30.font_ok(f.get(w("ascii")) or f.get(w("hAnsi"))) and not (f.get(w("asciiTheme")) or
                                                                          f.get(w("hAnsiTheme"))) for f in own):
            continue  # already in Times New Roman: nothing to keep
        out.update(runs)
        placed.append(" … ".join(x for x in re.split(r" {3,}", " ".join(text.split("\t")).strip()) if x)[:80])
    return out


_THEME_FONTS = tuple(w(key) for key in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"))
_FONTS = tuple(w(key) for key in ("ascii", "hAnsi", "cs", "eastAsia"))


def _set_fonts(rpr) -> None:
    fonts = ordered_child(rpr, "rFonts", RPR_ORDER, replace=False)
    attrib = fonts.attrib  # (a new proxy at every access: once per run, not four times)
    for key in _THEME_FONTS:
        attrib.pop(key, None)
    for key in _FONTS:
        fonts.set(key, nd30.FONT)


def safe_margins(fx: Fixer, fix: Fix) -> tuple[dict[str, float] | None, str]:
    """The margins to write: the rule's, with the opposite side moved within ND30's range so that the text
    area keeps its width and height; only the top and bottom ones when a fixed-width table would run further
    past the text area than it does (the second value says why, after SHRINK when the text area changes); None
    (and why) when nothing is left to correct, or when the text area still changes and LibreOffice is not there
    to show that every page keeps its words. A text area that changes is said by the second value starting with
    SHRINK: the pages are compared before writing."""
    sec = fx.doc.sections[fix.section] if fix.section is not None and fix.section < len(fx.doc.sections) else None
    old = {side: getattr(sec, f"margin_{side}_mm", None) if sec is not None else None for side in SIDE_WORDS}
    if sec is None or None in old.values() or not sec.page_width_mm or not sec.page_height_mm:
        return None, "không đọc được khổ giấy và lề hiện tại"
    new = dict(old)
    new.update(dict(fix.margins))
    asked = {side for side, _ in fix.margins}
    for a, b in (("left", "right"), ("top", "bottom")):
        grow = (new[a] + new[b]) - (old[a] + old[b])
        for side in (b, a):
            if grow > 0 and side not in asked:
                low = nd30.MARGIN_RANGE_MM[side][0]
                give = min(grow, max(0.0, new[side] - low))
                new[side] -= give
                grow -= give
    width = sec.page_width_mm - new["left"] - new["right"]
    height = sec.page_height_mm - new["top"] - new["bottom"]
    tables = [t for t in fx.doc.tables if t.section == fix.section and t.grid]
    widest = max((sum(t.grid) for t in tables), default=0.0) / PT_PER_MM
    # how far the widest table runs past the text area, before and after: a table already wider than the page's
    # text area must not run further into the margins (FR11-GDN01: 3.4 mm into the right margin before, 9.5 after)
    past_before = max(0.0, widest - (sec.page_width_mm - old["left"] - old["right"]))
    held = ""
    pushed = next((t for t in tables if _pushed_out(t, old, new, width)), None)
    edge = next((t for t in tables if _right_edge(t, sec.page_width_mm, new) < nd30.MARGIN_RANGE_MM["right"][0]
                 and _right_edge(t, sec.page_width_mm, new) < _right_edge(t, sec.page_width_mm, old) - 0.5), None)
    if widest - width > past_before + 0.5 or pushed is not None or edge is not None:
        if pushed is None and widest - width <= past_before + 0.5:
            spill = (f"bảng lùi vào {edge.indent_pt / PT_PER_MM:.0f} mm, rộng {sum(edge.grid) / PT_PER_MM:.0f} mm, sẽ "
                     f"in cách mép phải tờ giấy {decimal(round(_right_edge(edge, sec.page_width_mm, new), 1))} mm, gần hơn lề phải "
                     f"tối thiểu {nd30.MARGIN_RANGE_MM['right'][0]:g} mm")
        elif widest - width > past_before + 0.5:
            spill = (f"bảng rộng {widest:.0f} mm sẽ tràn ra ngoài vùng chữ mới ({width:.0f} mm)" if not past_before
                     else f"bảng rộng {widest:.0f} mm đã lấn ra lề {past_before:.0f} mm, với vùng chữ mới ({width:.0f} "
                     f"mm) sẽ lấn {widest - width:.0f} mm")
        else:
            spill = (f"bảng rộng {sum(pushed.grid) / PT_PER_MM:.0f} mm, rộng hơn vùng chữ, sẽ bị đẩy theo lề mới "
                     "về phía mép giấy")
        held = f"lề trái, phải không sửa tự động: {spill}; hãy thu hẹp bảng rồi sửa lề trong Word"
        new["left"], new["right"] = old["left"], old["right"]  # the top and bottom margins move no table sideways
        width = sec.page_width_mm - old["left"] - old["right"]
        if all(abs(new[side] - old[side]) <= 0.01 for side in ("top", "bottom")):
            return None, held
    if abs(width - (sec.page_width_mm - old["left"] - old["right"])) > 0.05 or \
            abs(height - (sec.page_height_mm - old["top"] - old["bottom"])) > 0.05:
        if not pages.can_render():
            return None, (f"lề mới làm {SHRINK}: văn bản dàn trang lại, chữ có thể chuyển trang và chữ ký "
                          "bị đẩy sang trang khác; hãy sửa lề trong Word rồi xem lại các trang")
        return {side: value for side, value in new.items() if abs(value - old[side]) > 0.01}, SHRINK + held
    return {side: value for side, value in new.items() if abs(value - old[side]) > 0.01}, held


def _right_edge(table, page_width_mm: float, margins: dict) -> float:
    """How far from the paper's right edge a left-aligned table ends under `margins` (its indent and columns from the
    left margin); a centred or right-aligned one is placed from the middle or the right margin (infinite here)."""
    if table.alignment not in (None, "left"):
        return float("inf")
    return page_width_mm - margins["left"] - (table.indent_pt + sum(table.grid)) / PT_PER_MM


def _pushed_out(table, old: dict, new: dict, width: float) -> bool:
    """A table wider than the new text area, moved by the new margins towards the paper's edge on a side where it
    sticks out of that area: a left-aligned header table follows the left margin to the right (FR11-TB01: its date
    from 15.9 to 10.9 mm of the paper's edge), a centred one the middle of the text area."""
    if sum(table.grid) / PT_PER_MM <= width + 0.5:
        return False
    if table.alignment == "center":
        shift = ((new["left"] - new["right"]) - (old["left"] - old["right"])) / 2
        return abs(shift) > 0.5  # it sticks out on both sides: towards one of the edges
    if table.alignment in ("right", "end"):
        return old["right"] - new["right"] > 0.5  # it sticks out on the left: moved left
    return new["left"] - old["left"] > 0.5  # it sticks out on the right: moved right


def fix_margins(fx: Fixer, fix: Fix, found: Message) -> bool:
    sect = fx.section(fix.section)
    if sect is None:
        return False
    margins, why = safe_margins(fx, fix)
    if margins is None:
        return fx.refuse(why if why.startswith("lề trái") else f"lề trang không sửa tự động: {why}", found)
    held = why[len(SHRINK):] if why.startswith(SHRINK) else why
    if why.startswith(SHRINK) and not fx.risk("margins", found):
        return False
    if held:  # only the top and bottom margins are corrected
        fx.refuse(held, found)
    mar = ordered_child(sect, "pgMar", SECT_ORDER, replace=False)
    shown = []
    for side, value in margins.items():
        mar.set(w(side), str(round(value * TWIPS_PER_MM)))
        shown.append(f"{SIDE_WORDS[side]} {decimal(value)} mm")
    distances = []  # the page header's and footer's distances from the paper's edge, where there were none
    for attr, default in (("header", "567"), ("footer", "567"), ("gutter", "0")):
        old = mar.get(w(attr))
        if old is None or (attr != "gutter" and old == "0"):  # 0: .doc → .docx
            mar.set(w(attr), default)
            if attr != "gutter":
                distances.append(f"{EDGE_WORDS[attr]} {decimal(round(int(default) / TWIPS_PER_MM))} mm "
                                 f"({'không có' if old is None else 'đang là 0 mm'})")
    fx.note(f"lề {', '.join(shown)}", found.where, found)
    if distances:  # said, as all it changes (the page-number fix then finds 10 mm and says nothing more)
        fx.note(f"khoảng cách từ mép giấy đến {', '.join(distances)}", found.where, found)
    return True


EDGE_WORDS = {"header": "đầu trang", "footer": "chân trang"}


FIXES = {"font": fix_font, "margins": fix_margins}
