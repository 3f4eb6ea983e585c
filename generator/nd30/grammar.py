"""The words and lines of an administrative document's frame as ND30 writes them: Quốc hiệu and Tiêu ngữ,
"Số: 05/KH-UBND", the place-and-date line, the type line, "./.", Nơi nhận and "- Lưu: VT", the signing
authority (TM., KT.), "Phụ lục I" and "(Kèm theo …)". The renderer writes them, `check` judges them and
the importer reads them, all from here.

Three kinds of form stand side by side for a line:
- the strict form (`NUMBER_RE`, `DATE_RE`, `is_national`, `APPENDIX_RE` …) is the line as ND30 writes it;
  `check` judges a line by it and the renderer writes it;
- the finding form (`looks_number`, `looks_date`, `looks_national` …) tells which line is *meant* to be the
  number line or the Quốc hiệu, however wrongly typed, so `check` can say what is wrong with it and the
  zone locator (zones.py) can tell where the header's parts are;
- the reading form (`NUMBER_LINE`, `DATE_LINE`, `NATIONAL_LINE`, `APPENDIX_LINE` …, named `*_LINE`) is what
  the importer takes a value from: lenient where offices and drafts differ from ND30 (a draft's blank day,
  "…" fillers, a label with its title on one line), strict where a guess would be worse than a TODO."""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from generator.core.text import caseless as fold, remembered
from generator.nd30.doctypes import MERGE_FIELD, MERGED_NUMBER, PLACEHOLDER, QUALIFIERS
from generator.nd30.labels import roman

# ---------------------------------------------------------------- Quốc hiệu, Tiêu ngữ (§II.1)

NATIONAL = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"


def is_national(text: str) -> bool:
    return fold(text) == fold(NATIONAL)


def looks_national(text: str) -> bool:
    """The line meant as the Quốc hiệu, even misspelt (finding form)."""
    return is_national(text) or "cộng hòa xã hội" in fold(text)


# Reading form: the importer passes over exactly these two lines (Quốc hiệu in either tone placement, Tiêu
# ngữ with hyphen-minus, any case) and reports any other header line it cannot read; `is_national` and
# `is_motto_like` find a line to judge, `motto_ok` judges it.
NATIONAL_LINE = re.compile(r"^(CỘNG HÒA|CỘNG HOÀ) XÃ HỘI CHỦ NGHĨA VIỆT NAM$|^Độc lập\s*-\s*Tự do\s*-\s*Hạnh phúc$",
                           re.IGNORECASE)


def is_motto_like(text: str) -> bool:
    f = fold(text)
    return "độc lập" in f and "tự do" in f and "hạnh phúc" in f


def motto_ok(text: str) -> bool:
    """Exact wording: hyphen-minus with a space on each side, capitals at each phrase (§II.1.b)."""
    return " ".join(text.split()) == MOTTO


# Two patterns, not one "^[\s_]*_{3,}[\s_]*$": three unbounded repeats over the same characters backtrack in
# cubic time on a long line of underscores that ends in anything else (6,000 "_" + "x": no answer in minutes)
_RULE_CHARS = re.compile(r"[\s_]*")

# Reading form: a line of nothing but rule characters (or nothing at all) carries no words to read; looser than
# `is_typed_rule`, which judges whether a typed rule is there (a lone "-" or "." is no rule to judge).
RULE_LINE = re.compile(r"^[\s_\-–—.=*]*$")


def is_typed_rule(text: str) -> bool:
    """A 'rule' typed as underscores (or dashes): ND30 wants a drawn solid line. En and em dashes join into a
    solid stroke, so three of them already print as a short rule ("––––" under an agency name); hyphens leave
    gaps and need five."""
    stripped = text.strip()
    return ((_RULE_CHARS.fullmatch(text) is not None and "___" in text)
            or (len(stripped) >= 5 and set(stripped) <= {"-", "—", "–"})
            or (len(stripped) >= 3 and set(stripped) <= {"—", "–"}))


# ---------------------------------------------------------------- Số, ký hiệu (§II.3)

# the space after a number is only looked for after a digit ("(?<=\d)"): with no number, "\s*\d*\s*" let two
# repeats share the spaces (quadratic on a long line of spaces; issue 22). Same matches, same groups.
NUMBER_RE = re.compile(r"^Số\s*:\s*(?P<number>\d*)(?:(?<=\d)\s*)?/\s*(?P<symbol>\S*)$")
# Reading form: a draft's number left as dots or "…", spaces around the hyphen, anything after the symbol;
# the number, the type code (KH) and the agency's abbreviation are what the importer takes from it.
# (the spaces, dots and "…" after a number belong to it; with no number, after the first non-space one)
NUMBER_LINE = re.compile(r"^Số\s*:\s*(?P<number>[\d]*)(?:(?<=\d)[\s._…]*|(?<!\d)(?:[._…][\s._…]*)?)"
                         r"/\s*(?P<code>[A-ZĐ]+)\s*-\s*(?P<abbr>[A-ZĐ0-9]+)", re.IGNORECASE)
# the first group is a type's code (in mixed case: "TTr", "QyĐ") or, in a letter, an agency's abbreviation in capitals
# of any length ("STTTT-BCVTCNTT", FR8-CV01)
# an agency's own abbreviation may join its words with "&" ("QĐ-TTCNTT&TT", FR20-QD01; PL I §II.3.b leaves it to them),
# a letter's first group too ("PCCC&CNCH-P6", FR26-CV01)
SYMBOL_RE = re.compile(r"^(?P<type>[A-ZĐ][A-Za-zĐđ]{0,3}|[A-ZĐ][A-ZĐ0-9]+(?:&[A-ZĐ0-9]+)*)-(?P<agency>[A-ZĐ0-9]+(?:&[A-ZĐ0-9]+)*"
                       r"(?:-[A-ZĐ0-9]+(?:&[A-ZĐ0-9]+)*)*)$")
DOC_TYPE_ABBR = {"KẾ HOẠCH": "KH"}


def looks_number(text: str) -> bool:
    """The line meant as "Số: …/…", however typed (finding form)."""
    return bool(re.match(r"^số\b", fold(text))) and "/" in text


_FORM_BLANK = re.compile(r"^Số\s*:\s*[._…]+\s*/\s*[._…]+\s*(?:\(\d{1,2}\))?$")


def number_problems(text: str, doc_abbr: str = "KH", doc_words: str = "Kế hoạch") -> list[str]:
    """What is wrong with a "Số: 05/KH-UBND" line (empty list = compliant). A blank number is a draft.
    `doc_abbr` is the type's abbreviation in the symbol ("QĐ"); "" for a letter (Công văn), whose symbol
    opens with the agency's."""
    line = " ".join(text.split())
    example = f"{doc_abbr}-UBND" if doc_abbr else "UBND-VP"
    if _FORM_BLANK.match(line) or MERGED_NUMBER.match(line):  # a form's blank for both, with its note's marker ("Số: ………./………(3)", FR12-TB01)
        return ["không có dấu cách trước dấu hai chấm: viết “Số:”"] if re.match(r"^Số\s+:", line) else []
    # a draft's number left as a blank of underscores or dots for the văn thư ("Số: ___/QĐ-BV", FR14-QD03;
    # "Số:…./GGT-PV01", FR23-GGT01): a blank number
    m = NUMBER_RE.match(re.sub(r"^(Số\s*:\s*)(?:_{2,}|\.{2,}|[.…]*…[.…]*)\s*(?=/)", r"\1", line))
    if not m:
        return [f"phải có dạng “Số: 05/{example}” (chữ “Số”, dấu hai chấm, số, gạch chéo, ký hiệu)"]
    out = []
    if re.match(r"^Số\s+:", line):  # "Số : 09/TB-KCNTT" (FR11-TB01)
        out.append("không có dấu cách trước dấu hai chấm: viết “Số:”")
    number = m["number"]
    if number and re.search(r"\d\s+/", line):  # "Số: 2276 /VP-TH" (FR5-CV02)
        out.append(f"không có dấu cách giữa số và dấu “/”: viết “Số: {number}/…”")
    if number and int(number) < 10 and len(number) < 2:
        out.append(f"số nhỏ hơn 10 phải thêm số 0 phía trước (“{int(number):02d}”)")
    symbol = m["symbol"]
    sm = SYMBOL_RE.match(symbol)
    if not sm:
        out.append("ký hiệu phải là chữ in hoa, các nhóm cách nhau bằng gạch nối, không cách chữ "
                   f"(ví dụ “{example}”)")
    elif doc_abbr and sm["type"] != doc_abbr:
        out.append(f"ký hiệu của {doc_words} bắt đầu bằng “{doc_abbr}-” (đang là “{sm['type']}-”)")
    return out


def number_text(number: int | None) -> str:
    """The number as ND30 writes it: 01–09 padded; blank for a draft (filled in by the Văn thư)."""
    return f"{number:02d}" if number else "     "


# ---------------------------------------------------------------- date (§II.4)

DATE_RE = re.compile(r"^(?P<place>[^,]*),\s*ngày\s*(?P<day>\d*)(?:(?<=\d)\s*)?tháng\s*(?P<month>\d*)(?:(?<=\d)\s*)?"
                     r"năm\s*(?P<year>\d*)(?:(?<=\d)\s*)?$")  # as NUMBER_RE: one repeat per run of spaces
# Reading form: a draft's blank day and month (or dots, "…"), any case, anything after the year; the year is
# what a plan cannot do without.
DATE_LINE = re.compile(r"^(?P<place>[^,]+),\s*ngày\s*(?:(?P<day>\d{1,2})[\s._…]*|(?:[._…][\s._…]*)?)"
                       r"tháng\s*(?:(?P<month>\d{1,2})[\s._…]*|(?:[._…][\s._…]*)?)"
                       r"năm\s*(?P<year>\d{4})", re.IGNORECASE)  # as NUMBER_LINE: one repeat per run


# "Hà Nội  ngày … tháng … năm 2020": a place of a few words and the date with no comma between (FR13-TTR01)
_DATE_NO_COMMA = re.compile(r"^\s*(?P<place>[^\W\d_][^\W\d_]*(?:[ .-]+[^\W\d_]+){0,4})\s+(?=ngày\b.*\btháng\b.*\bnăm\b)")


def looks_date(text: str) -> bool:
    """The line meant as "<place>, ngày … tháng … năm …", however typed (finding form)."""
    if re.search(r",\s*ngày\b", text, re.IGNORECASE) and "năm" in text:  # "…, Ngày" too (FR12-TB01)
        return True
    m = _DATE_NO_COMMA.match(text)
    return m is not None and m["place"][0].isupper()


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


# a blank left for the Văn thư may be dots or "…" as in the Mẫu of PL III ("ngày … tháng … năm …", FR8-CV02's
# template) as well as spaces: read as a blank
# a year's last digits left as dots too ("năm 20..", FR20-QD01's draft)
_DOTTED_BLANK = re.compile(r"\b(ngày|tháng|năm)(?:\s*[._…]+|(?<=năm)\s*\d{1,3}[._…]+)(?=\s|$)")


# a place abbreviated: "Tp."/"TP" (thành phố), "Tx." (thị xã), PL I §II.4.a names the place in full
_SHORT_PLACE = re.compile(r"^(?:tp|tx)(?:\.|\s)", re.IGNORECASE)




# a full stop typed after the year (or after its merge field): "Vĩnh long, ngày «dd» tháng «MM» năm «yyyy»." (FR22-TB01)
_STOP_AFTER_YEAR = re.compile(r"(?<=[\d»}])\s*\.\s*$")
# what may open a place name before its own words: "Thành phố Hồ Chí Minh", "thị xã …" (only the name's words are
# capitalised)
_PLACE_KIND = re.compile(r"^(?:thành phố|thị xã|thị trấn|tỉnh|huyện|quận|xã|phường|đặc khu)\s+", re.IGNORECASE)


def date_check(text: str) -> DateCheck:
    """The place and date line's faults (PL I §II.4), with the line corrected when only the padding of its numbers is
    wrong."""
    if (stop := _STOP_AFTER_YEAR.search(text)) is not None:
        inner = _date_check(text[:stop.start()])
        return DateCheck(["cuối dòng địa danh, ngày tháng năm không có dấu chấm: xoá dấu “.” sau năm"] + inner.problems,
                         None)
    return _date_check(text)


def _date_check(text: str) -> DateCheck:
    place_held = bool(PLACEHOLDER.fullmatch(text.split(",")[0].strip()))  # "TEN_TINH, ngày …": a placeholder's place
    held = PLACEHOLDER.sub(" ", text)
    line = _DOTTED_BLANK.sub(r"\1 ", " ".join(MERGE_FIELD.sub(" ", held).split())).strip()  # "ngày ${D}": a blank
    m = DATE_RE.match(line)
    if not m and DATE_RE.match(re.sub(r"\b(Ngày|Tháng|Năm|NGÀY|THÁNG|NĂM)\b", lambda w: w[1].lower(), line)):
        return DateCheck(["các chữ “ngày”, “tháng”, “năm” viết thường (ví dụ “Quảng Nam, ngày 05 tháng 3 năm 2021”)"],
                         None)  # "..., Ngày    tháng    năm" (FR12-TB01)
    if not m and (gap := _DATE_NO_COMMA.match(line)) is not None and DATE_RE.match(line[:gap.end("place")] + ","
                                                                            + line[gap.end("place"):]):
        return DateCheck(["thiếu dấu phẩy sau địa danh (ví dụ “Quảng Nam, ngày 05 tháng 3 năm 2021”)"], None)
    if not m:
        return DateCheck(["phải có dạng “Quảng Nam, ngày 05 tháng 3 năm 2021” (địa danh, dấu phẩy, ngày tháng năm "
                          "đầy đủ bằng chữ số)"], None)
    problems, padding = [], []
    place = m["place"].strip()
    if not place:
        problems += [] if place_held else ["thiếu địa danh trước dấu phẩy"]
    elif place[0].islower():  # "Thành phố Hồ Chí Minh": only the name's own words are capitalised
        problems.append("chữ cái đầu của địa danh phải viết hoa")
    elif any(w[0].islower() for w in _PLACE_KIND.sub("", place).split() if w[0].isalpha()):
        problems.append(f"mỗi chữ của tên địa danh viết hoa chữ cái đầu (“{place}”: ví dụ “Vĩnh Long”, “Thành phố Hồ Chí "
                        "Minh”)")  # "Vĩnh long" (FR22-TB01)
    if _SHORT_PLACE.match(place):  # "Tp. Hồ Chí Minh", "TP.HCM" (FR3-TB01, FR8-TB02)
        problems.append("địa danh phải viết đầy đủ, không viết tắt (ví dụ “Thành phố Hồ Chí Minh”, không “Tp.”)")
    day, month, year = m["day"], m["month"], m["year"]
    if year and len(year) != 4:
        problems.append("năm phải đủ 4 chữ số")
    if day and not 1 <= int(day) <= 31 or month and not 1 <= int(month) <= 12:
        problems.append("ngày hoặc tháng không hợp lệ")
        return DateCheck(problems, None)
    if day and month and year and len(year) == 4 and int(day) > calendar.monthrange(int(year), int(month))[1]:
        problems.append(f"không có ngày {int(day)} tháng {int(month)} năm {year}")  # 31/4, 29/2 of a common year
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


# types whose type line names what they grant on the same line, in capitals, with no trích yếu under it
# ("GIẤY PHÉP SỬ DỤNG VẬT LIỆU NỔ CÔNG NGHIỆP")
SUBJECT_IN_TYPE_LINE = ("GIẤY PHÉP",)


def is_doc_type_line(line: str, doc_type: str = DOC_TYPE) -> bool:
    """One line (of a paragraph split at line breaks) that is the type name, in any case and with any spacing
    between its words ("KẾ HOẠCH", "Kế hoạch", "KẾ  HOẠCH"); for a type of SUBJECT_IN_TYPE_LINE, the name and
    its subject in capitals."""
    words = r"\s*".join(re.escape(w) for w in doc_type.split())
    if doc_type in SUBJECT_IN_TYPE_LINE and line.strip() == line.strip().upper():
        return bool(re.match(rf"^\s*{words}(\s|$)", line, re.IGNORECASE))
    if line.strip() == line.strip().upper() and any(re.match(rf"^\s*{words}\s+{re.escape(q)}(\s|$)", line)
                                                    for q in QUALIFIERS.get(doc_type, ())):
        return True  # "KẾ HOẠCH HÀNH ĐỘNG": the type with the office's qualifier, in capitals (doctypes.QUALIFIERS)
    return bool(re.match(rf"^\s*{words}\s*$", line, re.IGNORECASE))


LEGAL_BASIS_START = "Căn cứ"  # each legal basis opens with it (§II.6.a); the title never does


# ---------------------------------------------------------------- closing, Nơi nhận, signature (§II.6, §II.9, §II.7)

CLOSING_MARK = "./."  # every Mẫu of Phụ lục III ends the content with it
CLOSING_END = re.compile(r"\./\.\s*$")  # a paragraph that ends with the mark


def closing(text: str) -> str:
    text = text.rstrip()
    if text.endswith(CLOSING_MARK):
        return text
    return text.rstrip(".") + CLOSING_MARK


RECIPIENTS_LABEL = "Nơi nhận:"
ARCHIVE_RE = re.compile(r"^-\s*Lưu\s*:\s*VT\b")
# Reading form: a "Lưu:" line once its dash is off, whatever it keeps (VT is what ND30 asks, not what the
# importer needs to recognise the line); its colon may be forgotten before VT ("Lưu VT, KTN."), never before
# another word ("Lưu ý: …" is a note).
ARCHIVE_LINE = re.compile(r"^lưu(?:\s*:|\s+vt\b)", re.IGNORECASE)
ARCHIVE_LEAD = re.compile(r"^lưu\s*:?\s*", re.IGNORECASE)


def is_recipients_label(text: str) -> bool:
    """A paragraph (or a piece of one) opening with "Nơi nhận", any case, colon or not."""
    return text.strip().casefold().startswith("nơi nhận")


def recipient_item_fixed(text: str, last: bool) -> str | None:
    """The item with its ND30 ending (';' for items, '.' for the last 'Lưu' line), or None when that
    cannot be decided without a person (no leading dash)."""
    body = text.rstrip()
    if not body.lstrip().startswith("-"):
        return None
    stem = body.rstrip(";,.: ")
    end = "." if last else ";"
    if stem.endswith("…") and body[len(stem):].lstrip().startswith("."):
        # "- ….(8)….;": the dots of a form's blank for a recipient (an ellipsis and its dots), no full stop (FR22-TB02)
        return body.rstrip(";,: ") + ("" if last else ";") + text[len(body):]
    return stem + end + text[len(body):]


AUTHORITY_RE = re.compile(r"^(TM|KT|Q|TL|TUQ)\.\s*\S")
# a signer's post in the signature block ("CHỦ TỊCH", "KT. GIÁM ĐỐC", "PHÓ TRƯỞNG BAN", "CHÁNH VĂN PHÒNG"): a line in
# capitals with none of these words is a name of a body ("ỦY BAN NHÂN DÂN TỈNH", "VĂN PHÒNG UBND TỈNH …")
SIGNER_POST = re.compile(r"\b(?:CHỦ TỊCH|GIÁM ĐỐC|TRƯỞNG|CHÁNH|THỦ TƯỚNG|BÍ THƯ|THƯ KÝ|PHÓ|CHỈ HUY|ĐẠI DIỆN|"
                         r"KẾ TOÁN|TỔNG BIÊN TẬP|CHỦ NHIỆM|ỦY VIÊN|UỶ VIÊN)\b")
# Reading forms: the two authorities a plan records (signing for the collective, signing for the head), and the
# "(đã ký)"-like lines a typed copy puts where the signature goes.
ON_BEHALF_LINE = re.compile(r"^TM\.\s*")
SIGNING_FOR_LINE = re.compile(r"^KT\.\s*")
# A line wholly in brackets is such a mark too ("(Đóng dấu)", "(Ký, đóng dấu)"): a signer's name never is.
SIGNED_MARK_LINE = re.compile(r"^\(?(đã ký|ký tên|ký, ghi rõ|ký và đóng dấu|đóng dấu)|^\([^()]*\)\s*$", re.IGNORECASE)

# A draft's mark, boxed or framed at the top of the page ("DỰ THẢO", "Dự thảo lần 2", "(DỰ THẢO 3)"): not a line of
# the header (not the issuer: no rule under it, no size of ô 2; FR9-KH02)
DRAFT_MARK = re.compile(r"^\(?\s*dự\s+thảo(?:\s+(?:lần\s+)?\w{1,4})?\s*\)?\s*[.:]?$", re.IGNORECASE)


def is_draft_mark(text: str) -> bool:
    return bool(DRAFT_MARK.match(" ".join(text.split())))


# ---------------------------------------------------------------- appendices (§III.1)

APPENDIX_RE = re.compile(r"^(?P<word>phụ lục|PHỤ LỤC|Phụ Lục|Phụ lục)(?:\s+(?P<n>\S+))?$")


def appendix_label(i: int, count: int) -> str:
    """'Phụ lục' when there is one; 'Phụ lục I', 'Phụ lục II' … when there are two or more (§III.1.a)."""
    return f"Phụ lục {roman(i)}" if count > 1 else "Phụ lục"


_APPENDIX_LABEL = re.compile(r"^phụ lục(\s+\S+)?$")


def is_appendix_label(text: str) -> bool:
    t = " ".join(text.split())
    return len(t) <= 20 and bool(_APPENDIX_LABEL.match(fold(t)))


def label_line(text: str) -> str:
    """The appendix's label as its own line: the paragraph's text, or its first line when the title and the "(Kèm
    theo …)" line follow it in the same paragraph after line breaks ("Phụ lục 1⏎DANH MỤC …⏎(Kèm theo …)", FR18-QD01)."""
    first, _, rest = text.strip().partition("\n")
    return first if rest.strip() and is_appendix_label(first) else text


# Reading form: a label line as offices type it, any case, roman or arabic, its title possibly on the same line
# ("PHỤ LỤC I: DANH MỤC …"); `APPENDIX_RE`/`is_appendix_label` judge the label ND30 writes alone on its line.
# The gap before the title is matched once, as an atomic group ("(?=(X))X" where Python 3.10 has no "(?>X)"):
# its three repeats over spaces backtracked in cubic time when the line does not end where `$` wants ("Phụ lục I",
# 3,000 spaces, "x\n!": 48 s); giving back spaces never lets `.*$` match, so the matches are the same.
# a number may carry a letter ("PHỤ LỤC 1C", FR28-PL01: the third of appendix 1's parts)
APPENDIX_LINE = re.compile(r"^\s*phụ\s+lục(?:\s+(?P<n>[IVXLC]+|\d+(?:[A-Za-z](?![^\W\d_]))?))?(?=(?P<_gap>\s*[.:]?\s*))"
                           r"(?P=_gap)(?P<rest>.*)$",
                           re.IGNORECASE)
# A paragraph of the body that only points at an appendix: "(Chi tiết tại Phụ lục I kèm theo)".
POINTER = re.compile(r"^(?P<before>\(.*?)\s*Phụ lục(?:\s+(?P<n>[IVXLC]+|\d+))?\s*(?P<after>.*\))$")
# An appendix named in a plan's running text ("… tại Phụ lục II"): `validate` takes it for a reference to that
# appendix and warns when the plan has none by that number (roman numerals of I, V and X only, as it always read).
APPENDIX_MENTION = re.compile(r"Phụ lục\s+([IVX]+|\d+)\b")

ATTACHED_PREFIX = "(Kèm theo"
# Reading form: the "(Kèm theo …)" line under an appendix's name, naming its issuer after "của" (the importer
# takes the issuer's full name from it); `check` looks for ATTACHED_PREFIX alone.
# It was "…theo .*?\bcủa\s+(?P<who>.+?)\)?$": each "của" re-read the line up to a line break inside it, and each
# space given back by "\s+" re-read the rest (quadratic: 0.6 s on "của", 8,000 spaces, "x", a break; issue 22).
# The same answers, linear: a line broken inside must have its "của" last on its first line (a name never spans
# a break), the spaces after "của" are taken whole, and when nothing but spaces follows them the one answer of
# old (the name is the last space) is the second branch.
ATTACHED_LINE = re.compile(r"^\((?:Ban hành\s+)?[Kk]èm theo (?:(?=[^\n]*\n?\Z).*?|[^\n]*?(?=\bcủa[^\S\n]*\n))"
                           r"\bcủa(?:(?=(?P<_gap>\s+))(?P=_gap)(?=.)|\s+(?=[^\S\n]\n?\Z))(?P<who>.+?)\)?$")


def is_unlabelled_appendix(text: str, following: list[str]) -> bool:
    """A title in capitals with a "(Kèm theo …)" line among the next two lines, after the signature: an
    appendix typed without its "Phụ lục" line (PL I §III.1.b wants it). A type line over "(Ban hành kèm
    theo …)" is a document issued with this one, not an appendix."""
    if not any(x.strip().startswith(ATTACHED_PREFIX) for x in following[:2]):  # (the cheap test first)
        return False
    t = " ".join(text.split())
    letters = [c for c in t if c.isalpha()]
    return len(letters) > 3 and all(c.isupper() for c in letters) and not APPENDIX_LINE.match(t)


# ---------------------------------------------------------------- reading a typed line

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff]")


@remembered
def clean(text: str) -> str:
    """Text as a plan can hold it: tabs, page breaks and other layout characters become spaces,
    runs of spaces one space; line breaks stay (they are the drafter's)."""
    text = _CONTROL.sub(" ", text.replace("\u00a0", " ").replace("\t", " "))
    return "\n".join(" ".join(line.split()) for line in text.split("\n"))
