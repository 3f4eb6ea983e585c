"""The page and the fonts (PL I §I.1–4): A4, portrait first page, margins, Times New Roman everywhere."""
from __future__ import annotations

import re
from collections import Counter

from generator import nd30
from generator.nd30.check.base import Checker, Fix, Rule
from generator.word.model import Paragraph, Table
from generator.core.text import decimal, remembered

PAGE_SIZE = Rule("page.size", "khổ giấy A4", "PL I §I.1")
PAGE_ORIENTATION = Rule("page.orientation", "trang đứng", "PL I §I.2")
PAGE_MARGINS = Rule("page.margins", "lề trang", "PL I §I.3", fixable=True)
FONT_FAMILY = Rule("font.family", "phông Times New Roman", "PL I §I.4", fixable=True)
RULES = (PAGE_SIZE, PAGE_ORIENTATION, PAGE_MARGINS, FONT_FAMILY)
# letters that only written Vietnamese has: in running Vietnamese text about one letter in four carries one
_VIETNAMESE = set("àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ")
# common words of an administrative text as they read when typed without their marks
_UNMARKED = {"cong", "hoa", "xa", "hoi", "nghia", "viet", "nam", "doc", "lap", "ngay", "thang", "nhan", "gui",
             "cua", "va", "tinh", "uy", "ban", "dan", "so", "ve", "viec", "thuc", "hien"}


def check_diacritics(ck: Checker) -> None:
    """A Vietnamese document typed without its diacritics (“CONG HOA XA HOI …”, “Kinh gui”): one finding,
    since every line of it is concerned (PL I §I.4: "phông chữ tiếng Việt …, bộ mã ký tự Unicode", the rule
    of the font)."""
    text = " ".join(p.text for p in ck.paras).lower()
    # each distinct character asked once (counted in C), not each of the document's characters
    letters = {c: n for c, n in Counter(text).items() if c.isalpha()}
    total = sum(letters.values())
    if total < 200:
        return
    marked = sum(n for c, n in letters.items() if c in _VIETNAMESE)
    if marked >= 0.02 * total:  # typed with its marks (nearly every document): its words are not looked at
        return
    words = re.findall(r"[a-z]+", text)
    common = sum(w in _UNMARKED for w in words)
    if common > 0.15 * max(1, len(words)):
        ck.add(FONT_FAMILY, "văn bản gõ tiếng Việt không dấu: gõ lại toàn bộ bằng chữ có dấu (bảng mã Unicode, "
               "phông Times New Roman)", level="error")


def _prints(ck: Checker, section: int) -> bool:
    """The section holds text or a table: its margins place something."""
    return any(isinstance(b, Table) and b.section == section for b in ck.doc.blocks) \
        or any(p.section == section and p.text.strip() for p in ck.doc.paragraphs())


def check_sections(ck: Checker, appendix_file: bool = False) -> None:
    """`appendix_file`: the file is an appendix of its own (a landscape first page is the appendix's table's)."""
    for sec in ck.doc.sections:
        if not nd30.page_size_ok(sec.page_width_mm, sec.page_height_mm):
            size = (f"{sec.page_width_mm:.0f} × {sec.page_height_mm:.0f} mm" if sec.page_width_mm and sec.page_height_mm
                    else "không ghi")
            ck.add(PAGE_SIZE, f"khổ giấy {size}, ND30 quy định khổ A4 (210 × 297 mm): trong Word chọn Layout › Size › A4", section=sec.index)
        if sec.index == 0 and sec.orientation == "landscape" and not appendix_file:
            ck.add(PAGE_ORIENTATION, "trang đầu văn bản phải theo chiều dài khổ A4 (trang đứng): Layout › Orientation › Portrait", section=0)
        wrong = []
        for side, label in (("top", "trên"), ("bottom", "dưới"), ("left", "trái"), ("right", "phải")):
            value = getattr(sec, f"margin_{side}_mm")
            if not nd30.margin_ok(side, value):
                low, high = nd30.MARGIN_RANGE_MM[side]
                shown = f"{value:.1f}".replace(".", ",") if value is not None else "không ghi"
                wrong.append((side, f"lề {label} {shown} mm (phải {decimal(low)}–{decimal(high)} mm)"))
        if wrong and sec.index > 0 and not _prints(ck, sec.index):
            wrong = []  # a last section holding nothing (FR14-TTR02: an empty landscape page after the appendix)
        if wrong:
            margins = tuple((side, nd30.clamp_margin(side, getattr(sec, f"margin_{side}_mm"))) for side, _ in wrong)
            ck.add(PAGE_MARGINS, "; ".join(text for _, text in wrong) + ": đặt lại trong Layout › Margins › Custom Margins",
                   section=sec.index,
                   fix=Fix("margins", section=sec.index, margins=margins))


@remembered
def _symbols_only(text: str) -> bool:
    """A run of symbol glyphs only (a form's check boxes "□", Symbol/Wingdings characters in the private use
    area): drawn in a symbol font by design, not text."""
    return bool(text) and not text.isspace() and _NOT_SYMBOL.search(text) is None


# a character drawn (\s is str.isspace) that is not one of _symbols_only's; a letter or digit (str.isalnum: \w but "_");
# one search in C instead of a generator over every character (issue 23)
_NOT_SYMBOL = re.compile("[^\\s\uf000-\uf0ff\u25a0-\u25ff\u2610-\u2612\u2713\u2714]")
_ALNUM = re.compile(r"[^\W_]")


def check_fonts(ck: Checker) -> None:
    """Every visible run in Times New Roman: body paragraphs by number, page headers/footers by section
    (their paragraphs are numbered apart from the body's). Text typed in TCVN3 is told once for the whole
    document, with its fonts and how many pieces of text it holds: it is converted, not given a new font."""
    bad: dict[str, list[tuple[Paragraph | None, int | None]]] = {}
    legacy: list[tuple[tuple[Paragraph | None, int | None], str]] = []  # (where, font) of each TCVN3 run

    def scan(p: Paragraph, where: tuple[Paragraph | None, int | None]) -> None:
        worded = _ALNUM.search(p.text) is not None
        for r in p.runs:
            if r.change == "del" or not r.text.strip() or _symbols_only(r.text):
                continue
            if worded and _ALNUM.search(r.text) is None:
                # a full stop or a comma in another font, the words around it right: weighed by what prints, the
                # paragraph is not in that font (FR19-DA01's final "." in Arial; a reader cannot tell it apart)
                continue
            fonts = r.fonts or (r.font,)
            if nd30.legacy_encoded(fonts, r.text):
                legacy.append((where, next(f for f in fonts if f and f.strip().startswith(".Vn"))))
                continue
            wrong = next((f for f in fonts if not nd30.font_ok(f)), None)
            if wrong is not None:
                bad.setdefault(wrong, []).append(where)
                return

    for p, section in ck.printed():
        scan(p, (p, None) if section is None else (None, section))
    if legacy:
        # its .Vn fonts on other text too: one matter, converted first (Times New Roman on TCVN3 garbles it)
        fonts = sorted({font for _, font in legacy})
        typed = {(id(para), section) for (para, section), _ in legacy}
        others = {(id(para), section) for f in fonts for para, section in bad.pop(f, [])} - typed
        para, section = next(((q, s) for (q, s), _ in legacy if q is not None), legacy[0][0])
        named = ", ".join(f"“{f}”" for f in fonts)
        also = f"; phông đó còn ở {len(others)} đoạn khác" if others else ""
        ck.add(FONT_FAMILY, f"chữ gõ theo bảng mã TCVN3 (phông {named}) ở {len(legacy)} chỗ trong {len(typed)} đoạn{also}, "
               f"ND30 quy định {nd30.FONT} bảng mã Unicode: {nd30.LEGACY_CONVERT}", p=para, section=section,
               fix=Fix("font"))
    for font, places in sorted(bad.items()):
        para, section = places[0]
        more = f" (và {len(places) - 1} đoạn khác)" if len(places) > 1 else ""
        where = "" if para is not None else " ở đầu/chân trang"
        advice = f"chọn đoạn chữ (Ctrl+A cho cả văn bản) và đặt phông {nd30.FONT}"
        if font.strip().startswith(".Vn") and legacy:  # Times New Roman on TCVN3 text garbles it: convert first
            advice = nd30.LEGACY_ADVICE
        ck.add(FONT_FAMILY, f"phông chữ “{font}”{where}, ND30 quy định {nd30.FONT}{more}: {advice}", p=para,
               section=section, fix=Fix("font"))
