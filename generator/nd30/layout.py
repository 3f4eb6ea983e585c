"""ND30's layout of a document, in numbers: page, margins, font, size pairs, how each element is set
(bold, italic, capitals, alignment), body paragraphs, drawn rules. The renderer lays documents out with
these and `kehoach check` measures any .docx against the same values.

"PL I §x" is Phụ lục I of the decree (normative), "Mẫu" a sample form of Phụ lục III, "thực tế" practice."""
from __future__ import annotations

from dataclasses import dataclass

from generator.core.text import remembered

# ---------------------------------------------------------------- page (PL I §I.1–3)

PAGE_W_MM, PAGE_H_MM = 210.0, 297.0
PAGE_TOLERANCE_MM = 1.0
MARGIN_RANGE_MM = {"top": (20.0, 25.0), "bottom": (20.0, 25.0), "left": (30.0, 35.0), "right": (15.0, 20.0)}
MARGIN_TOLERANCE_MM = 0.3  # twips rounding, and Word's own 1.27 cm style values
MARGIN = {"top": 20.0, "bottom": 20.0, "left": 30.0, "right": 15.0}  # kehoach's choice inside the ranges
PORTRAIT_TEXT_W = PAGE_W_MM - MARGIN["left"] - MARGIN["right"]
LANDSCAPE_TEXT_W = PAGE_H_MM - MARGIN["left"] - MARGIN["right"]
HEADER_DISTANCE_MM = 10.0


def margin_ok(side: str, value_mm: float | None) -> bool:
    low, high = MARGIN_RANGE_MM[side]
    return value_mm is not None and low - MARGIN_TOLERANCE_MM <= value_mm <= high + MARGIN_TOLERANCE_MM


def clamp_margin(side: str, value_mm: float | None) -> float:
    """The nearest value inside the ND30 range (what `check --fix` writes)."""
    low, high = MARGIN_RANGE_MM[side]
    if value_mm is None:
        return MARGIN[side]
    return min(max(value_mm, low), high)


def page_size_ok(width_mm: float | None, height_mm: float | None) -> bool:
    if width_mm is None or height_mm is None:
        return False
    short, long_ = sorted((width_mm, height_mm))
    return abs(short - PAGE_W_MM) <= PAGE_TOLERANCE_MM and abs(long_ - PAGE_H_MM) <= PAGE_TOLERANCE_MM


# ---------------------------------------------------------------- font and sizes (PL I §I.4–5, §V footnote)

FONT = "Times New Roman"
SIZE_PAIRS = (14, 13)  # named by the Tiêu ngữ size: Quốc hiệu 13 with 14, or 12 with 13


@remembered  # asked of every run's every font; a document names a handful
def font_ok(font: str | None) -> bool:
    return font is None or font.strip().casefold() == FONT.casefold()


def legacy_encoded(fonts: tuple[str, ...] | list[str], text: str) -> bool:
    """Text typed in the old TCVN3 (ABC) code, shown right only by its ".Vn…" fonts (".VnTime", ".VnArial"):
    its Vietnamese letters are stored as Latin-1 signs ("Chñ tÞch" is "Chủ tịch"), so setting Times New Roman
    on it prints those signs. A run of plain ASCII prints the same in either font; one holding a letter past Latin-1
    ("ả", "ư", "đ") is Unicode already, whatever its font (FR4-BC01's heading "1. Tình hình quản lý …" in .VnTime:
    Times New Roman is its right font, and no TCVN3 to convert)."""
    return any(f and f.strip().startswith(".Vn") for f in fonts) and any("\u00a1" <= c <= "\u00ff" for c in text) \
        and all(c <= "\u00ff" for c in text)


# what to tell the drafter about such text: the font is not to be changed until the text is converted
LEGACY_CONVERT = ("chuyển sang Unicode bằng công cụ chuyển mã của Unikey (nguồn TCVN3, đích Unicode) rồi mới đặt phông "
                  "Times New Roman; đổi phông ngay sẽ làm hỏng dấu tiếng Việt")
LEGACY_ADVICE = f"chữ gõ theo bảng mã TCVN3 (phông “.Vn…”): {LEGACY_CONVERT}"


def sizes_for(pair: int) -> dict[str, float]:
    """ND30 size pairs (footnote to Phụ lục I §V): Quốc hiệu 13 with 14, or 12 with 13."""
    big = float(pair)
    return {
        "national": big - 1, "motto": big, "agency": 13.0 if pair == 14 else 12.0, "number": 13.0,
        "date": big, "doc_type": big, "title": big, "body": big, "signer": big,
        "recipients_label": 12.0, "recipients": 11.0, "page_number": big, "appendix_label": 14.0,
        "appendix_title": big, "table": 12.0 if pair == 14 else 11.0,
    }


# Sizes ND30 allows for each element, whatever the pair (the pair then fixes one value).
SIZE_RANGE = {
    "national": (12.0, 13.0), "motto": (13.0, 14.0), "agency": (12.0, 13.0), "number": (13.0, 13.0),
    "date": (13.0, 14.0), "doc_type": (13.0, 14.0), "title": (13.0, 14.0), "body": (13.0, 14.0),
    "signer": (13.0, 14.0), "recipients_label": (12.0, 12.0), "recipients": (11.0, 11.0),
    "page_number": (13.0, 14.0), "appendix_label": (14.0, 14.0), "appendix_title": (13.0, 14.0),
    "attached": (13.0, 14.0),
}
# Elements whose size must follow the document's pair (the footnote's examples: Quốc hiệu, Tiêu ngữ, date).
PAIRED = ("national", "motto", "date")


def pair_from(national: float | None, motto: float | None) -> int | None:
    """The pair a document uses, from its Tiêu ngữ (else its Quốc hiệu); None when neither fits."""
    if motto in (13.0, 14.0):
        return int(motto)
    if national in (12.0, 13.0):
        return int(national) + 1
    return None


@dataclass(frozen=True)
class Look:
    """How an element is set: bold/italic/caps; None = ND30 does not say."""

    bold: bool | None
    italic: bool | None
    caps: bool | None = None  # True: IN HOA; False: in thường (not all capitals)
    align: str | None = None  # "center" | "both" | "left"


LOOK = {
    "national": Look(True, False, True, "center"),  # PL I §II.1.a
    "motto": Look(True, False, False, "center"),  # §II.1.b
    "superior": Look(False, False, True, "center"),  # §II.2.b: upright, not bold
    "agency": Look(True, False, True, "center"),  # §II.2.b
    "number": Look(False, False, None, "center"),  # §II.3.c
    "date": Look(False, True, None, "center"),  # §II.4.c
    "doc_type": Look(True, False, True, "center"),  # §II.5.b
    "title": Look(True, False, False, "center"),  # §II.5.b (trích yếu in thường)
    "body": Look(False, False, None, "both"),  # §II.6.e: in thường, kiểu chữ đứng
    "legal": Look(False, True, None, "both"),  # §II.6.a: căn cứ in nghiêng
    "heading": Look(True, False, False, None),  # §V 6.b: khoản có tiêu đề "1. Mục đích", đậm
    "section": Look(True, False, True, None),  # §V 6.b: "I. MỤC ĐÍCH, YÊU CẦU"
    "point": Look(False, False, None, None),  # §II.6.d: điểm not bold, not italic
    "recipients_label": Look(True, True, None, "left"),  # §II.9.d
    "recipients": Look(False, False, None, "left"),
    "authority": Look(True, False, True, "center"),  # §II.7.đ
    "signer_name": Look(True, False, False, "center"),
    "appendix_label": Look(True, False, False, "center"),  # §III.1.b: "Phụ lục" in thường
    "appendix_title": Look(True, False, True, "center"),
    "attached": Look(False, True, None, "center"),  # §III.1.c
    "page_number": Look(False, False, None, "center"),  # §I.7
    "table": Look(False, False, None, None),  # thực tế (nd30.md §4): ND30 has no table rule
    "table_header": Look(True, False, None, "center"),
}

LOOK_REF = {"national": "PL I §II.1.a", "motto": "PL I §II.1.b", "number": "PL I §II.3.c", "date": "PL I §II.4.c"}

# ---------------------------------------------------------------- body paragraphs (PL I §II.6.e)

BODY_FIRST_LINE_MM = (10.0, 12.7)  # "lùi vào 1 cm hoặc 1,27 cm"
BODY_INDENT_TOLERANCE_MM = 0.6
BODY_MIN_SPACING_PT = 6.0  # between paragraphs, before + after
BODY_LINE_SPACING = (1.0, 1.5)  # single to 1.5 lines
BODY_FIRST_LINE_KEHOACH_MM = 10.0


def first_line_ok(indent_mm: float | None) -> bool:
    return indent_mm is not None and any(abs(indent_mm - v) <= BODY_INDENT_TOLERANCE_MM for v in BODY_FIRST_LINE_MM)


def line_spacing_ok(spacing: tuple[str, float] | None, size_pt: float | None) -> bool:
    """auto: a multiple of single lines; exact/atLeast: points, compared with the font's single line
    (≈ 1.15 × size for Times New Roman)."""
    if spacing is None:
        return True
    rule, value = spacing
    if rule == "auto":
        return BODY_LINE_SPACING[0] - 0.01 <= value <= BODY_LINE_SPACING[1] + 0.01
    single = 1.15 * (size_pt or 14.0)
    if rule == "atLeast":
        return value <= single * BODY_LINE_SPACING[1] + 0.5
    return single * 0.95 <= value <= single * BODY_LINE_SPACING[1] + 0.5


# ---------------------------------------------------------------- drawn rules (§II.1.b, §II.2.b, §II.5.b)

RULE_RATIO = 0.4  # the agency and trích yếu rules: 1/3 to 1/2 of the line above; kehoach draws 0.4
RULE_RANGE = (1 / 3, 1 / 2)
RULE_SLACK = 0.05  # measured widths are Liberation metrics; cell margins are estimated
MOTTO_RULE_RANGE = (0.85, 1.15)  # "có độ dài bằng độ dài của dòng chữ"
APPENDIX_RULE_SHARE = 0.75  # the rule under "(Kèm theo …)" (Mẫu 2.1) is shorter still: 0.75 × RULE_RATIO

def rule_ratio_ok(rule_pt: float, text_pt: float) -> bool:
    if text_pt <= 0:
        return True
    ratio = rule_pt / text_pt
    return RULE_RANGE[0] - RULE_SLACK <= ratio <= RULE_RANGE[1] + RULE_SLACK


def motto_rule_ok(rule_pt: float, text_pt: float) -> bool:
    return text_pt <= 0 or MOTTO_RULE_RANGE[0] <= rule_pt / text_pt <= MOTTO_RULE_RANGE[1]
