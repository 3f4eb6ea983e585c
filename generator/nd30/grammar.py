"""The words and lines of an administrative document's frame as ND30 writes them: Quốc hiệu and Tiêu ngữ,
"Số: 05/KH-UBND", the place-and-date line, the type line, "./.", Nơi nhận and "- Lưu: VT", the signing
authority (TM., KT.), "Phụ lục I" and "(Kèm theo …)". The renderer writes them, `check` judges them and
the importer reads them, all from here."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from generator.core.text import caseless as fold
from generator.nd30.labels import roman

# ---------------------------------------------------------------- Quốc hiệu, Tiêu ngữ (§II.1)

NATIONAL = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"




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
