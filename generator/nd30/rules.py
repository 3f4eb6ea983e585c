"""Decree 30/2020/NĐ-CP (ND30) for a KH-UBND, in one place: the renderer takes its layout from here and
`kehoach check` judges any .docx by the same constants and predicates, so the two cannot disagree.

Each rule cites where it comes from (see /work/shared/reference/nd30.md): "PL I §x" is Phụ lục I of the
decree (normative), "Mẫu" a sample form of Phụ lục III, "thực tế" practice. Pure functions, no I/O.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from generator.nd30.labels import (ARABIC_RE, DOTTED_RE, LETTER_RE, POINT_LETTERS, ROMAN_RE, label_of, point_label,  # noqa: F401
                                   roman, roman_value, split_label)

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


def font_ok(font: str | None) -> bool:
    return font is None or font.strip().casefold() == FONT.casefold()


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


# ---------------------------------------------------------------- Quốc hiệu, Tiêu ngữ, rules (§II.1, §II.2.b, §II.5.b)

NATIONAL = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
RULE_RATIO = 0.4  # the agency and trích yếu rules: 1/3 to 1/2 of the line above; kehoach draws 0.4
RULE_RANGE = (1 / 3, 1 / 2)
RULE_SLACK = 0.05  # measured widths are Liberation metrics; cell margins are estimated
MOTTO_RULE_RANGE = (0.85, 1.15)  # "có độ dài bằng độ dài của dòng chữ"
APPENDIX_RULE_SHARE = 0.75  # the rule under "(Kèm theo …)" (Mẫu 2.1) is shorter still: 0.75 × RULE_RATIO


def fold(text: str) -> str:
    """Comparison form: NFC, case-folded, one space between words, 'hoà' spelled 'hòa'."""
    text = unicodedata.normalize("NFC", text).casefold()
    text = text.replace("oà", "òa").replace("oá", "óa").replace("oả", "ỏa").replace("oã", "õa").replace("oạ", "ọa")
    return " ".join(text.split())


def is_national(text: str) -> bool:
    return fold(text) == fold(NATIONAL)


def is_motto_like(text: str) -> bool:
    f = fold(text)
    return "độc lập" in f and "tự do" in f and "hạnh phúc" in f


def motto_ok(text: str) -> bool:
    """Exact wording: hyphen-minus with a space on each side, capitals at each phrase (§II.1.b)."""
    return " ".join(text.split()) == MOTTO


_UNDERSCORES = re.compile(r"^[\s_]*_{3,}[\s_]*$")


def is_typed_rule(text: str) -> bool:
    """A 'rule' typed as underscores (or dashes): ND30 wants a drawn solid line."""
    stripped = text.strip()
    return bool(_UNDERSCORES.match(text)) or (len(stripped) >= 5 and set(stripped) <= {"-", "—", "–"})


def rule_ratio_ok(rule_pt: float, text_pt: float) -> bool:
    if text_pt <= 0:
        return True
    ratio = rule_pt / text_pt
    return RULE_RANGE[0] - RULE_SLACK <= ratio <= RULE_RANGE[1] + RULE_SLACK


def motto_rule_ok(rule_pt: float, text_pt: float) -> bool:
    return text_pt <= 0 or MOTTO_RULE_RANGE[0] <= rule_pt / text_pt <= MOTTO_RULE_RANGE[1]


# ---------------------------------------------------------------- Số, ký hiệu (§II.3)

NUMBER_RE = re.compile(r"^Số\s*:\s*(?P<number>\d*)\s*/\s*(?P<symbol>\S*)$")
SYMBOL_RE = re.compile(r"^(?P<type>[A-ZĐ][A-Za-zĐđ]{0,3})-(?P<agency>[A-ZĐ0-9]+(?:-[A-ZĐ0-9]+)*)$")
DOC_TYPE_ABBR = {"KẾ HOẠCH": "KH"}


def number_problems(text: str, doc_abbr: str = "KH") -> list[str]:
    """What is wrong with a "Số: 05/KH-UBND" line (empty list = compliant). A blank number is a draft."""
    line = " ".join(text.split())
    m = NUMBER_RE.match(line)
    if not m:
        return [f"phải có dạng “Số: 05/{doc_abbr}-UBND” (chữ “Số”, dấu hai chấm, số, gạch chéo, ký hiệu)"]
    out = []
    number = m["number"]
    if number and int(number) < 10 and len(number) < 2:
        out.append(f"số nhỏ hơn 10 phải thêm số 0 phía trước (“{int(number):02d}”)")
    symbol = m["symbol"]
    sm = SYMBOL_RE.match(symbol)
    if not sm:
        out.append("ký hiệu phải là chữ in hoa, các nhóm cách nhau bằng gạch nối, không cách chữ "
                   f"(ví dụ “{doc_abbr}-UBND”)")
    elif sm["type"] != doc_abbr:
        out.append(f"ký hiệu của Kế hoạch bắt đầu bằng “{doc_abbr}-” (đang là “{sm['type']}-”)")
    return out


def number_text(number: int | None) -> str:
    """The number as ND30 writes it: 01–09 padded; blank for a draft (filled in by the Văn thư)."""
    return f"{number:02d}" if number else "     "


# ---------------------------------------------------------------- date (§II.4)

DATE_RE = re.compile(r"^(?P<place>[^,]*),\s*ngày\s*(?P<day>\d*)\s*tháng\s*(?P<month>\d*)\s*năm\s*(?P<year>\d*)\s*$")


def pad_day(day: int) -> str:
    return f"{day:02d}"


def pad_month(month: int) -> str:
    """Months 1 and 2 are padded, months 3–12 are not (§II.4.b)."""
    return f"{month:02d}" if month <= 2 else str(month)


def date_words(day: int | None, month: int | None, year: int) -> str:
    """A draft leaves the day (and the month, when not known yet) blank for the Văn thư."""
    if day is None:
        return f"ngày      tháng {pad_month(month) if month else '    '} năm {year}"
    return f"ngày {pad_day(day)} tháng {pad_month(month)} năm {year}"


def issue_date(date: dt.date | None, year: int, month: int | None = None) -> str:
    """ND30 §II.4.b: pad days 1-9 and months 1-2 only. A draft keeps blanks for the Văn thư (the
    month is printed when the draft knows it)."""
    if date is None:
        return date_words(None, month, year)
    return date_words(date.day, date.month, date.year)


@dataclass(frozen=True)
class DateCheck:
    problems: list[str]
    fixed: str | None  # the same line with only the padding corrected, when that is the only problem


def date_check(text: str) -> DateCheck:
    line = " ".join(text.split())
    m = DATE_RE.match(line)
    if not m:
        return DateCheck(["phải có dạng “Quảng Nam, ngày 05 tháng 3 năm 2021” (địa danh, dấu phẩy, ngày tháng năm "
                          "đầy đủ bằng chữ số)"], None)
    problems, padding = [], []
    place = m["place"].strip()
    if not place:
        problems.append("thiếu địa danh trước dấu phẩy")
    elif place[0].islower():  # "Thành phố Hồ Chí Minh": only the name's own words are capitalised
        problems.append("chữ cái đầu của địa danh phải viết hoa")
    day, month, year = m["day"], m["month"], m["year"]
    if year and len(year) != 4:
        problems.append("năm phải đủ 4 chữ số")
    if day and not 1 <= int(day) <= 31 or month and not 1 <= int(month) <= 12:
        problems.append("ngày hoặc tháng không hợp lệ")
        return DateCheck(problems, None)
    if day and day != pad_day(int(day)):
        padding.append(f"ngày {int(day)} viết “{pad_day(int(day))}”" if int(day) < 10
                       else f"ngày viết “{int(day)}”")
    if month and month != pad_month(int(month)):
        m_int = int(month)
        padding.append(f"tháng {m_int} viết “{pad_month(m_int)}”" if m_int <= 2
                       else f"tháng {m_int} không thêm số 0 (viết “{m_int}”)")
    if day and not month:
        problems.append("đã ghi ngày thì phải ghi tháng")
    fixed = None
    if padding:
        problems.append("; ".join(padding) + " (chỉ ngày 1–9 và tháng 1, 2 thêm số 0)")
        if len(problems) == 1:
            fixed = re.sub(r"ngày\s*\d+", f"ngày {pad_day(int(day))}", text, count=1) if day else text
            fixed = re.sub(r"tháng\s*\d+", f"tháng {pad_month(int(month))}", fixed, count=1) if month else fixed
    return DateCheck(problems, fixed)


# ---------------------------------------------------------------- tên loại, headings (§II.5, §II.6)

DOC_TYPE = "KẾ HOẠCH"


# ---------------------------------------------------------------- closing, Nơi nhận, signature (§II.6, §II.9, §II.7)

CLOSING_MARK = "./."  # every Mẫu of Phụ lục III ends the content with it


def closing(text: str) -> str:
    text = text.rstrip()
    if text.endswith(CLOSING_MARK):
        return text
    return text.rstrip(".") + CLOSING_MARK


RECIPIENTS_LABEL = "Nơi nhận:"
ARCHIVE_RE = re.compile(r"^-\s*Lưu\s*:\s*VT\b")


def recipient_item_fixed(text: str, last: bool) -> str | None:
    """The item with its ND30 ending (';' for items, '.' for the last 'Lưu' line), or None when that
    cannot be decided without a person (no leading dash)."""
    body = text.rstrip()
    if not body.lstrip().startswith("-"):
        return None
    stem = body.rstrip(";,.: ")
    end = "." if last else ";"
    return stem + end + text[len(body):]


AUTHORITY_RE = re.compile(r"^(TM|KT|Q|TL|TUQ)\.\s*\S")

# ---------------------------------------------------------------- appendices (§III.1)

APPENDIX_RE = re.compile(r"^(?P<word>phụ lục|PHỤ LỤC|Phụ Lục|Phụ lục)(?:\s+(?P<n>\S+))?$")


def appendix_label(i: int, count: int) -> str:
    """'Phụ lục' when there is one; 'Phụ lục I', 'Phụ lục II' … when there are two or more (§III.1.a)."""
    return f"Phụ lục {roman(i)}" if count > 1 else "Phụ lục"


def is_appendix_label(text: str) -> bool:
    t = " ".join(text.split())
    return bool(re.match(r"^phụ lục(\s+\S+)?$", fold(t))) and len(t) <= 20


ATTACHED_PREFIX = "(Kèm theo"


# ---------------------------------------------------------------- the rules `kehoach check` reports

RULES = {
    "page.size": "khổ giấy A4", "page.orientation": "trang đứng", "page.margins": "lề trang",
    "font.family": "phông Times New Roman", "font.size-pair": "cặp cỡ chữ thống nhất (13/14 hoặc 12/13)",
    "national.missing": "có Quốc hiệu", "national.text": "chữ của Quốc hiệu", "national.style": "Quốc hiệu in hoa, đậm",
    "national.size": "cỡ chữ Quốc hiệu", "motto.missing": "có Tiêu ngữ", "motto.text": "chữ của Tiêu ngữ",
    "motto.style": "Tiêu ngữ đậm, canh giữa", "motto.size": "cỡ chữ Tiêu ngữ", "motto.position": "Tiêu ngữ dưới Quốc hiệu",
    "motto.rule": "đường kẻ dưới Tiêu ngữ", "rule.typed": "đường kẻ vẽ, không gõ dấu gạch dưới",
    "issuer.missing": "có tên cơ quan ban hành", "issuer.style": "tên cơ quan in hoa, đậm",
    "issuer.size": "cỡ chữ tên cơ quan", "issuer.rule": "đường kẻ dưới tên cơ quan",
    "number.missing": "có số, ký hiệu", "number.form": "dạng “Số: 05/KH-UBND”", "number.style": "số, ký hiệu chữ đứng",
    "number.size": "cỡ chữ số, ký hiệu", "date.missing": "có địa danh, ngày tháng",
    "date.form": "ngày tháng đầy đủ, thêm số 0 đúng chỗ", "date.style": "ngày tháng in nghiêng",
    "date.size": "cỡ chữ ngày tháng", "date.position": "số và ngày tháng cùng một dòng",
    "doctype.missing": "có tên loại “KẾ HOẠCH”", "doctype.style": "tên loại in hoa, đậm, canh giữa",
    "doctype.size": "cỡ chữ tên loại", "title.missing": "có trích yếu", "title.style": "trích yếu đậm, canh giữa",
    "title.size": "cỡ chữ trích yếu", "title.rule": "đường kẻ dưới trích yếu",
    "heading.sequence": "thứ tự mục, khoản, điểm", "heading.numbering": "điểm đánh a), b), c)…",
    "heading.style": "tiêu đề mục in hoa, đậm; điểm chữ đứng", "body.justify": "nội dung canh đều hai lề",
    "body.indent": "thụt đầu dòng 1 cm hoặc 1,27 cm", "body.italic": "nội dung chữ đứng",
    "body.spacing": "khoảng cách đoạn tối thiểu 6 pt", "body.line-spacing": "khoảng cách dòng đơn đến 1,5",
    "body.size": "cỡ chữ nội dung 13–14", "closing.mark": "kết thúc bằng “./.”",
    "recipients.missing": "có Nơi nhận", "recipients.label": "“Nơi nhận:” 12, đậm nghiêng",
    "recipients.items": "nơi nhận gạch đầu dòng, chữ đứng", "recipients.punctuation": "“;” cuối dòng, “.” cuối cùng",
    "recipients.archive": "“- Lưu: VT, …” là dòng cuối", "recipients.size": "cỡ chữ nơi nhận 11",
    "recipients.position": "Nơi nhận bên trái, ngang chữ ký", "signer.missing": "có chức vụ, họ tên người ký",
    "signer.authority": "TM., KT. và chức vụ", "signer.style": "chức vụ, họ tên đậm", "signer.size": "cỡ chữ chữ ký",
    "signer.name": "họ tên người ký", "pagenum.missing": "có số trang", "pagenum.position": "số trang giữa lề trên",
    "pagenum.first": "không số trang ở trang đầu", "pagenum.size": "cỡ chữ số trang",
    "appendix.label": "“Phụ lục”, “Phụ lục I/II”", "appendix.section": "mỗi phụ lục một phần riêng",
    "appendix.page-numbers": "số trang phụ lục đánh lại", "appendix.attached": "dòng “(Kèm theo …)”",
    "appendix.title": "tên phụ lục in hoa, đậm", "table.header-repeat": "dòng tiêu đề bảng lặp lại",
    "table.cant-split": "hàng bảng không ngắt trang",
}
