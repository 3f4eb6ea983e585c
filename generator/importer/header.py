"""The first page's frame read into the plan: the header (issuer lines, number and type code, place, date,
year), the trích yếu under the type line, and the issuer as the plan records it."""
from __future__ import annotations

import datetime as dt
import re

from generator.importer.state import State, short
from generator.nd30.grammar import DATE_LINE, MOTTO, NATIONAL_LINE, NUMBER_LINE, RULE_LINE, clean, is_motto_like
from generator.nd30.zones import header_sides
from generator.word.model import Block


def read_header(st: State, blocks: list[Block]) -> dict:
    left_sided, right_sided = header_sides(blocks)
    left = [(piece.text, piece.bold) for piece, _ in left_sided]
    right = [(piece.text, piece.bold) for piece, _ in right_sided]
    out: dict = {"issuer_lines": [], "number": None, "date": None, "code": "KH", "abbr": None}
    lines = left + right
    for text, bold in lines:
        if RULE_LINE.match(text) or NATIONAL_LINE.match(text):
            continue
        if is_motto_like(text):  # typed otherwise ("Độc lập – Tự do – Hạnh phúc"): kehoach prints ND30's
            st.note("info", f"Tiêu ngữ in là '{text}': kehoach in đúng thể thức '{MOTTO}'", "phần đầu")
            continue
        m = NUMBER_LINE.match(text)
        if m:
            out["number"] = int(m.group("number")) if m.group("number") else None
            out["code"], out["abbr"] = m.group("code").upper(), m.group("abbr").upper()
            continue
        m = DATE_LINE.match(text)
        if m:
            out["place"] = m.group("place").strip()
            out["year"] = int(m.group("year"))
            if m.group("day") and m.group("month"):
                try:
                    out["date"] = dt.date(int(m.group("year")), int(m.group("month")), int(m.group("day")))
                except ValueError:
                    st.warn(f"ngày ban hành không có thật: '{text}'", "phần đầu")
            elif m.group("month") and 1 <= int(m.group("month")) <= 12:
                out["month"] = int(m.group("month"))  # a draft that knows its month: "ngày    tháng 3 năm 2026"
            continue
        if (text, bold) in left and text == text.upper():  # ND30: the issuer is printed in capitals
            out["issuer_lines"].append((text, bold))
        else:
            st.warn(f"dòng ở phần đầu không đọc được: '{short(text)}'", "phần đầu")
    out["year"] = plan_year(st, out.get("year"))
    return out


_PERIOD = re.compile(r"\bgiai\s+đoạn\s+(20\d\d)\s*[-–—]\s*(20\d\d)\b", re.IGNORECASE)
_YEAR = re.compile(r"\bnăm\s+(20\d\d)\b", re.IGNORECASE)
_DEADLINE = re.compile(r"\b(?:đến|tới)(?:\s+hết)?\s+$", re.IGNORECASE)


def title_year(title: str) -> tuple[int, str] | None:
    """The year a trích yếu names ("… năm 2019"), or the first year of the period it names ("giai đoạn
    2026 – 2030"), with the words it was read from."""
    period = _PERIOD.search(title)
    if period:
        return int(period.group(1)), period.group(0)
    years = _YEAR.findall(title)
    return (int(years[-1]), f"năm {years[-1]}") if years else None


def plan_year(st: State, dated: int | None) -> int:
    """The plan year: the date line's when it prints one, else the title's year or period start; a
    disagreement between the two is said as a guess. With neither, the latest year the text names, not
    counting deadlines and periods (a guess too)."""
    from_title = title_year(" ".join(read_title(st)))
    st.title_year = from_title[0] if from_title else None
    if dated is not None:
        if from_title is not None and from_title[0] != dated:
            st.guess(f"năm kế hoạch {dated} theo dòng địa danh, ngày tháng; trích yếu ghi “{from_title[1]}”: "
                     f"nếu kế hoạch là của năm {from_title[0]}, sửa 'year'", "phần đầu")
        return dated
    if from_title is not None:
        st.note("info", f"năm kế hoạch {from_title[0]} theo trích yếu (“{from_title[1]}”): dòng ngày tháng "
                        "không ghi năm", "phần đầu")
        return from_title[0]
    # the latest year the text works for: a plan names last year's results more often than its own year, so the
    # year named most often is usually the baseline's; a deadline ("đến năm 2025") is no plan year
    text = _PERIOD.sub(" ", st.doc.text)
    years = [int(m.group(1)) for m in _YEAR.finditer(text)
             if not _DEADLINE.search(text, max(0, m.start() - 12), m.start())]
    year = max(years) if years else dt.date.today().year
    st.guess(f"năm kế hoạch {year} (không đọc được năm ở dòng địa danh, ngày tháng và ở trích yếu)", "phần đầu")
    return year


def read_title(st: State) -> list[str]:
    """The trích yếu's lines, as printed (the type line's own paragraph gives those after its first line)."""
    lines: list[str] = []
    for pos in st.zones.title:
        parts = st.paragraphs[pos].text.split("\n")
        if pos == st.zones.doc_type:
            parts = parts[1:]
        lines += [clean(x).strip() for x in parts if clean(x).strip()]
    return lines


_LEVELS = ("TỈNH", "HUYỆN", "QUẬN", "XÃ", "PHƯỜNG")  # "TỈNH QUẢNG NAM" → "tỉnh Quảng Nam"


# the head of the issuing agency named on the "(Kèm theo … của …)" line before the agency (render/header.py prints
# `document.issued_by` there): "Giám đốc Sở Nội vụ tỉnh …", "Chủ tịch Ủy ban nhân dân tỉnh …"
ISSUED_BY_POST = re.compile(r"^(?:Phó\s+)?(?:Giám đốc|Chủ tịch|Thủ trưởng)\s+(?P<agency>\S.*)$")


def _sentence_case(line: str) -> str:
    return line[:1] + line[1:].lower()


def _full_name(name: list[str], place: str | None) -> str | None:
    """The issuer's full name from its lines in capitals where ND30's casing is certain: 'Ủy ban nhân dân' /
    'Hội đồng nhân dân' and a place ('tỉnh Quảng Nam'); None otherwise ('SỞ NGOẠI VỤ': which words keep a
    capital is not in the capitals)."""
    if not name[0].isupper():
        parts = [name[0]]  # not in capitals: as printed
    elif name[0] in _FIXED_NAMES:
        parts = [_sentence_case(name[0])]
    else:
        return None
    for line in name[1:]:
        words = line.split(" ", 1)
        if place and len(words) == 2 and words[1].upper() == place.upper():
            parts.append(f"{words[0].lower()} {place}")
        elif len(words) == 2 and words[0].upper() in _LEVELS:  # no place read: the level in small letters
            parts.append(f"{words[0].lower()} {words[1].title()}")
        elif not line.isupper():
            parts.append(line)
        else:
            return None
    return " ".join(parts)


# kinds of issuers whose whole name, but for the place, is the kind: written 'Ủy ban nhân dân tỉnh Sơn La' (ND30)
_FIXED_NAMES = ("ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN")


def issuer(st: State, header: dict) -> dict:
    """Superior agency (the lines above the bold name), name lines, full name (from an appendix's "(Kèm
    theo … của …)" line, else guessed from the capitals), abbreviation and place."""
    lines = header["issuer_lines"]
    bold_lines = [t for t, b in lines if b]
    superior = []
    if bold_lines and not lines[0][1]:
        while lines and not lines[0][1]:
            superior.append(lines.pop(0)[0])
    name = [t for t, _ in lines]
    out: dict = {}
    if superior:
        out["superior"] = superior
    out["name"] = name or [st.todo("tên cơ quan ban hành")]
    full = next((a.get("full_name") for a, _ in st.found_appendices if a.get("full_name")), None)
    if full is not None and (post := ISSUED_BY_POST.match(full)) is not None and post["agency"][0].isupper():
        # "(Kèm theo … của Giám đốc Sở Nội vụ tỉnh …)": the head who issued it (document.issued_by); the agency
        # after the post is the issuer's name
        header["issued_by"], full = full, post["agency"]
    place = header.get("place")
    if full is None and name:
        registered = st.agencies.known(" ".join(name)) if st.agencies is not None else None
        full = st.agencies.names[registered] if registered else _full_name(name, place)
        if full is not None:
            how = "theo danh mục cơ quan" if registered else "suy từ tên in hoa"
            st.guess(f"tên đầy đủ của cơ quan ban hành: '{full}' ({how})", "phần đầu", out)
        else:  # 'SỞ NGOẠI VỤ' the registry does not know: which words ND30 capitalises is not in the capitals
            full = " ".join(name)
            st.warn(f"tên đầy đủ của cơ quan ban hành giữ chữ in hoa như trong văn bản: '{full}' (danh mục cơ quan "
                    "không có tên này, không biết cách viết hoa đúng): hãy sửa issuer.full_name theo Nghị định 30 "
                    "(viết hoa chữ đầu của loại cơ quan và của lĩnh vực, ví dụ 'Sở Tài chính')", "phần đầu", out)
    out["full_name"] = full or st.todo("tên đầy đủ của cơ quan ban hành")
    out["abbreviation"] = header.get("abbr") or st.todo("chữ viết tắt tên cơ quan (ví dụ UBND)")
    out["place"] = place or st.todo("địa danh")
    return out
