"""What kind of administrative document a file is, from its type line and its number's symbol (ND30
Phụ lục III §I: the 27 named types and their abbreviations; Công văn and Thư công have no type line and
no abbreviation). Import refuses what is not a Kế hoạch by it, and `check` applies the layout of the
type it finds (Mẫu 1.1–1.10) and stays silent on what ND30 does not govern (a speech, a form, a party
document).

`identify` reads only the first lines of the document, as a văn thư would: the type line (a paragraph in
capitals that is a type name, alone or before the trích yếu) or, failing that, the symbol after "Số:"
("…/QĐ-UBND" → Quyết định; "…/UBND-VX" with "V/v" → Công văn, and so is "…/HD-BTCD" over a "V/v" line with no
type line: the V/v is the letter's own mark); no Quốc hiệu and no number line means the file is not an ND30
administrative document."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from itertools import islice
from typing import Iterable

from generator.core.text import caseless, remembered, seen, shorten


@dataclass(frozen=True)
class DocType:
    name: str  # as the type line prints it: "QUYẾT ĐỊNH"
    abbr: str  # in the symbol: "QĐ"; "" for Công văn and Thư công
    words: str  # in a sentence: "Quyết định"


TYPES = tuple(DocType(n, a, w) for n, a, w in (
    ("NGHỊ QUYẾT", "NQ", "Nghị quyết"), ("QUYẾT ĐỊNH", "QĐ", "Quyết định"), ("CHỈ THỊ", "CT", "Chỉ thị"),
    ("QUY CHẾ", "QC", "Quy chế"), ("QUY ĐỊNH", "QyĐ", "Quy định"), ("THÔNG CÁO", "TC", "Thông cáo"),
    ("THÔNG BÁO", "TB", "Thông báo"), ("HƯỚNG DẪN", "HD", "Hướng dẫn"), ("CHƯƠNG TRÌNH", "CTr", "Chương trình"),
    ("KẾ HOẠCH", "KH", "Kế hoạch"), ("PHƯƠNG ÁN", "PA", "Phương án"), ("ĐỀ ÁN", "ĐA", "Đề án"),
    ("DỰ ÁN", "DA", "Dự án"), ("BÁO CÁO", "BC", "Báo cáo"), ("BIÊN BẢN", "BB", "Biên bản"),
    ("TỜ TRÌNH", "TTr", "Tờ trình"), ("HỢP ĐỒNG", "HĐ", "Hợp đồng"), ("CÔNG ĐIỆN", "CĐ", "Công điện"),
    ("BẢN GHI NHỚ", "BGN", "Bản ghi nhớ"), ("BẢN THỎA THUẬN", "BTT", "Bản thỏa thuận"),
    ("GIẤY ỦY QUYỀN", "GUQ", "Giấy ủy quyền"), ("GIẤY MỜI", "GM", "Giấy mời"),
    ("GIẤY GIỚI THIỆU", "GGT", "Giấy giới thiệu"), ("GIẤY NGHỈ PHÉP", "GNP", "Giấy nghỉ phép"),
    ("PHIẾU GỬI", "PG", "Phiếu gửi"), ("PHIẾU CHUYỂN", "PC", "Phiếu chuyển"), ("PHIẾU BÁO", "PB", "Phiếu báo"),
    # legal documents (văn bản quy phạm pháp luật) the same offices meet: the decree itself, circulars
    ("NGHỊ ĐỊNH", "NĐ", "Nghị định"), ("THÔNG TƯ", "TT", "Thông tư"), ("LUẬT", "", "Luật"),
    # a specialised document (văn bản chuyên ngành) a provincial body issues in the administrative layout, with a
    # type line that carries its subject (grammar.SUBJECT_IN_TYPE_LINE) and no trích yếu under it
    ("GIẤY PHÉP", "GP", "Giấy phép"),
))
# words an office adds after the type's name on its type line, the type unchanged ("KẾ HOẠCH HÀNH ĐỘNG",
# "CHƯƠNG TRÌNH CÔNG TÁC THÁNG 3 NĂM 2018", "THÔNG CÁO BÁO CHÍ"; FR10-KH02, FR10-CTR01, FR10-TC01): with one of
# them a line in capitals is the type line, and may go on with the period or subject it covers. Only these pairs: "BÁO CÁO CÔNG TÁC TUẦN …" heads an official's own weekly
# paper as often as an agency's report (FR3-BC02), so it is no sign of an ND30 document without a number
QUALIFIERS = {"KẾ HOẠCH": ("HÀNH ĐỘNG",), "CHƯƠNG TRÌNH": ("CÔNG TÁC", "HÀNH ĐỘNG"), "THÔNG CÁO": ("BÁO CHÍ",)}
PLAN = next(t for t in TYPES if t.abbr == "KH")
LETTER = DocType("", "", "Công văn")  # Mẫu 1.5: no type line, "V/v" under the number
BY_NAME = {caseless(t.name): t for t in TYPES}
BY_ABBR = {t.abbr: t for t in TYPES if t.abbr}

# the words an issuing body's name opens with (ND30 Phụ lục I §II.2: the name of the agency or organisation that
# issues the document): the last line of a header's agency block names the issuer, not a person's field of work
# ("CẢI CÁCH HÀNH CHÍNH, KHOA HỌC CÔNG NGHỆ" under a Phòng: an official's own weekly paper, FR3-BC02)
ISSUER_WORDS = ("ỦY BAN", "UỶ BAN", "UBND", "HỘI ĐỒNG", "SỞ", "PHÒNG", "BAN", "TRUNG TÂM", "VĂN PHÒNG", "KHOA",
                "TRƯỜNG", "BỘ", "TỔNG CỤC", "CỤC", "CHI CỤC", "VIỆN", "HỌC VIỆN", "ĐẠI HỌC", "BỆNH VIỆN", "THANH TRA",
                "KHO BẠC", "CÔNG AN", "BỘ CHỈ HUY", "ĐÀI", "HỘI", "LIÊN ĐOÀN", "ĐOÀN", "BẢO HIỂM", "NGÂN HÀNG",
                "TÒA ÁN", "TOÀ ÁN", "VIỆN KIỂM SÁT", "CHÍNH PHỦ", "THỦ TƯỚNG", "TỈNH", "HUYỆN", "XÃ", "PHƯỜNG",
                "THỊ TRẤN", "THÀNH PHỐ", "QUẬN", "THỊ XÃ", "CHI NHÁNH", "TRẠM", "ĐỘI", "HẠT", "BAN QUẢN LÝ")
_ISSUER = re.compile(r"^(" + "|".join(sorted(map(re.escape, ISSUER_WORDS), key=len, reverse=True)) + r")\b")
_MOTTO = re.compile(r"^doc\s+lap\W+tu\s+do\W+hanh\s+phuc", re.IGNORECASE)
_RULE = re.compile(r"^[\W_]+$")
HEAD_LINES = 40  # the type line and the number sit in the first lines of any ND30 document
# matched on the line without diacritics, so a file typed without them ("So: 12/BTC-TCCB") is read too
# the gap before "/" is matched once ("(?=(X))X", an atomic group): three repeats over spaces backtracked in cubic
# time on a long line with no "/"; none of them takes "/" or "-", so giving back never lets the match go on
_SYMBOL = re.compile(r"^so(?=(?P<_gap>\s*:?\s*[\d\s._…]*))(?P=_gap)[/-]\s*(?P<first>[^\s\-/]+)(?:\s*[-/]\s*\S+)?",
                     re.IGNORECASE)
_SUBJECT = re.compile(r"^v/v\b", re.IGNORECASE)
# a field a mail merge fills in ("${KH}", "«SoKH»", "{{name}}"): a template's blank; a number made of one
# ("Số: ${KH}", FR12-CV01, a province's công văn template) stands for the number and symbol
MERGE_FIELD = re.compile(r"\$\{[^{}]+\}|«[^«»]+»|\{\{[^{}]+\}\}")
MERGED_NUMBER = re.compile(rf"^s[oố]\s*:?\s*(?:{MERGE_FIELD.pattern})\s*$", re.IGNORECASE)
# a print template's placeholder that is no mail-merge field: a name in capitals joined by underscores ("TEN_TINH",
# "CO_QUAN", "SO_DON_THU") or the date's "DAY", "MONTH", "YEAR" (FR22-TB02, CV03: an app's templates of a circular's
# forms): it stands for a value, as "«dd»" does; a number made of one ("Số: SO_DON_THU/….") as "Số: ${KH}" does
PLACEHOLDER = re.compile(r"\b(?:[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|DAY|MONTH|YEAR)\b")
PLACEHELD_NUMBER = re.compile(rf"^[Ss][oố]\s*:?\s*(?:{PLACEHOLDER.pattern})")
_NATIONAL = re.compile(r"cong\s+hoa\s+xa\s+hoi\s+chu\s+nghia\s+viet\s+nam", re.IGNORECASE)
_PARTY = re.compile(r"^dang\s+cong\s+san\s+viet\s+nam$", re.IGNORECASE)
# the Youth Union's line in the Quốc hiệu's place (its own rules of form follow the Party's: FR24-EXT01)
_YOUTH = re.compile(r"^doan\s+(?:tncs|thanh\s+nien\s+cong\s+san)\s+ho\s+chi\s+minh$", re.IGNORECASE)


@remembered
def _unmarked(text: str) -> str:
    """Without tone and vowel marks, "Đ" kept ('Số: 12/QĐ-UBND' → 'So: 12/QĐ-UBND')."""
    if text.isascii():  # no marks to take off, and both normal forms leave ASCII as it is
        return text
    text = unicodedata.normalize("NFD", text)
    # an ASCII character is never a mark (category Mn): only the others are asked (most are ASCII once decomposed)
    return unicodedata.normalize("NFC", "".join(ch for ch in text if ch < "\x80" or unicodedata.category(ch) != "Mn"))


def _plain(text: str) -> str:
    """Without diacritics, punctuation kept ('Số: 12/QĐ-UBND' → 'So: 12/QD-UBND')."""
    return _unmarked(text).replace("đ", "d").replace("Đ", "D")


# a symbol typed without diacritics ("QD-UBND") is read through these; two pairs meet there (HD Hướng dẫn and HĐ Hợp
# đồng, DA Dự án and ĐA Đề án): the symbol as typed is looked up first, so "HD" stays Hướng dẫn (FR8-CV02)
BY_PLAIN_ABBR = {_plain(t.abbr): t for t in TYPES if t.abbr}


def _type_of_symbol(first: str) -> DocType | None:
    return BY_ABBR.get(first) or BY_PLAIN_ABBR.get(_plain(first))


@dataclass(frozen=True)
class Identified:
    type: DocType | None  # None: not an ND30 administrative document (or not recognised)
    how: str  # "tên loại" | "ký hiệu" | "V/v" | "" — what it was recognised by
    line: str = ""  # the line it was recognised from
    governed: bool = True  # False: ND30 does not govern it (no number and no type line; a party document)
    why: str = ""  # for an ungoverned file: what it looks like

    @property
    def is_plan(self) -> bool:
        return self.type is PLAN

    def sentence(self) -> str:
        """'Quyết định', 'Công văn', or what the file looks like when ND30 does not govern it."""
        if not self.governed:
            return self.why or "văn bản không theo thể thức Nghị định 30"
        return self.type.words if self.type is not None else "văn bản chưa rõ tên loại"


def type_of_line(line: str) -> DocType | None:
    """The type a line names when it is a type line: the name alone, in capitals (a line in lower case is
    a sentence that mentions the type)."""
    text = " ".join(line.split())
    if not text or text != text.upper():
        return None
    for t in TYPES:  # "CHƯƠNG TRÌNH CÔNG TÁC THÁNG 3 NĂM 2018": a qualifier, then what the type line may carry
        if any(f"{text} ".startswith(f"{t.name} {q} ") for q in QUALIFIERS.get(t.name, ())):
            return t
    return BY_NAME.get(caseless(text))


def _heading_type(heading: str) -> DocType | None:
    """The type a heading in capitals opens with when the rest is that one document's subject: not a second kind
    of paper joined to it ("CHƯƠNG TRÌNH VÀ DỰ TOÁN KINH PHÍ …", FR9-CTR01: a programme and its cost estimate)."""
    for t in sorted(TYPES, key=lambda t: len(t.name), reverse=True):
        if heading.startswith(t.name + " "):
            rest = heading[len(t.name):].strip()
            return None if re.match(r"^(VÀ|&|,|-|–)", rest) else t
    return None


def identify(lines: Iterable[str]) -> Identified:
    """The document's type from its first lines (paragraph texts in document order, table cells
    included; a paragraph with line breaks may be passed whole: each of its lines is read)."""
    return _identify(tuple(islice(lines, HEAD_LINES)))


@remembered  # a check asks it of the same first lines for the file, then again for each document it may hold
def _identify(lines: tuple[str, ...]) -> Identified:
    national = party = youth = subject = False
    named: tuple[DocType, str] | None = None
    heading = ""  # a line in capitals opening with a type's name that is no type line ("BÁO CÁO CÔNG TÁC TUẦN 02 …")
    agency: list[str] = []  # the lines in capitals above it that are not the Quốc hiệu, Tiêu ngữ or a rule
    issued = False  # the heading sits under a header: an agency block naming its issuer, and the Quốc hiệu
    symbol: tuple[DocType | None, str] | None = None
    merged = ""  # a number line a mail merge fills in
    texts: list[str] = []
    for i, paragraph in enumerate(lines):
        if i >= HEAD_LINES:
            break
        texts.append(paragraph)
        for raw in seen(paragraph).replace("\t", "\n").split("\n"):  # as it prints
            line = " ".join(raw.split())
            if not line:
                continue
            plain = _plain(line)
            national = national or bool(_NATIONAL.search(plain))
            party = party or bool(_PARTY.match(plain))
            youth = youth or bool(_YOUTH.match(plain))
            if named is None and (found := type_of_line(line)) is not None:
                named = (found, line)
            elif not heading and line == line.upper() and any(line.startswith(t.name + " ") for t in TYPES):
                heading = line
                # the issuer's line; for a biên bản, the line of the body over it ("BỆNH VIỆN ĐK TỈNH" over "TỔ
                # CHUYÊN GIA", FR14-BB02: a bid team's record of its meeting, which the team keeps without a number),
                # not a weekly report under a division's name (FR3-BC02: one official's working paper)
                issued = national and bool(agency) and (bool(_ISSUER.match(agency[-1])) or line.startswith(
                    "BIÊN BẢN ") and any(_ISSUER.match(a) for a in agency[-2:]))
            elif not heading and named is None and line == line.upper() and any(c.isalpha() for c in line) \
                    and not _NATIONAL.search(plain) and not _MOTTO.match(plain) and not _RULE.match(line) \
                    and not _SYMBOL.match(_unmarked(line)):
                agency.append(line)
            if symbol is None and (m := _SYMBOL.match(_unmarked(line))):
                symbol = (_type_of_symbol(m["first"].strip()), line)
            merged = merged or (line if MERGED_NUMBER.match(_unmarked(line)) or PLACEHELD_NUMBER.match(line) else "")
            subject = subject or bool(_SUBJECT.match(plain))
    if party and not national:
        return Identified(None, "", governed=False,
                          why="văn bản của Đảng (thể thức theo hướng dẫn của Đảng, không theo Nghị định 30)")
    if youth and not national:
        return Identified(None, "", governed=False, why="văn bản của Đoàn TNCS Hồ Chí Minh (thể thức theo hướng dẫn "
                                                        "của Đoàn, không theo Nghị định 30)")
    if named is not None:
        return Identified(named[0], "tên loại", named[1])
    if symbol is not None and symbol[0] is not None and not subject:
        return Identified(symbol[0], "ký hiệu", symbol[1])
    if symbol is not None:  # a number whose symbol names no type is a công văn's (Mẫu 1.5)
        return Identified(LETTER, "V/v" if subject else "ký hiệu", symbol[1])
    if merged and subject and national:  # its "V/v" under a number merged in: a công văn's template
        return Identified(LETTER, "V/v", merged)
    if heading and issued and (subject_type := _heading_type(heading)) is not None:
        # "THÔNG BÁO NỘP BÁO CÁO THỰC TẬP" under a faculty's name and the Quốc hiệu: a Thông báo whose type and trích
        # yếu share a line, and which lacks its number — faults of an ND30 document, not another kind (FR11-TB02)
        return Identified(subject_type, "tên loại", heading)
    if (alone := _appendix_file(list(texts))) is not None:
        return alone
    if heading:  # the sentence must not say there is no type line where one is printed (FR3-BC02, issue 20)
        return Identified(None, "", governed=False,
                          why=f"văn bản không có số, ký hiệu; dòng “{shorten(heading, 60)}” là tiêu đề, không phải tên loại văn "
                              "bản hành chính, không thuộc thể thức Nghị định 30")
    return Identified(None, "", governed=False,
                      why="văn bản không có số, ký hiệu và tên loại (bài phát biểu, biểu mẫu…), "
                          "không thuộc thể thức Nghị định 30")


APPENDIX_FILE = "phụ lục"  # Identified.how of an appendix kept as its own file
# on a line whose spaces are single ones: the type's name is up to four words
_ATTACHED_TO = re.compile(r"^\( ?(?:Ban hành )?[Kk]èm theo (?P<words>\S+(?: \S+){0,3}?) số\b")


def _appendix_file(texts: list[str]) -> Identified | None:
    """An appendix kept as its own file (FR13-PL01: "PHỤ LỤC 2 / DANH MỤC … / (Kèm theo Công văn số 1154/BTP-… của Bộ
    Tư pháp)"): its first line the label (or no label, FR18-PL01), a "(Kèm theo <type> số …)" line within the next
    four; the type is the document it is attached to. None otherwise."""
    lines = [" ".join(seen(t).split()) for t in texts if t.strip()][:5]
    if not lines:
        return None
    # a file sent with a công văn that lost its "Phụ lục" line (FR18-PL01: "CỤC QUẢN LÝ CHẤT LƯỢNG / BẢNG HƯỚNG DẪN
    # ĐÁNH GIÁ / … / (Kèm theo Công văn số 1668/QLCL-KĐCLGD …)"): an appendix still, its label missing; not a text
    # "ban hành kèm theo" another (a Quy định is a document of its own)
    labelled = re.match(r"^phụ\s+lục(?:\s+(?:[IVXLC]+|\d+))?$", lines[0], re.IGNORECASE) is not None
    for line in lines[1:]:
        if (m := _ATTACHED_TO.match(line)) is not None and (labelled or not line.lstrip("( ").startswith("Ban hành")):
            words = caseless(m["words"])
            kind = next((t for t in TYPES if caseless(t.words) == words), LETTER if words == "công văn" else None)
            if kind is not None:
                return Identified(kind, APPENDIX_FILE, lines[0])
    return None
