"""The document's header (ô 1–4, PL I §II.1–4): Quốc hiệu and Tiêu ngữ, the issuing agency, the number and
the place-and-date line (not the page header, which holds the page number: see pagenum.py)."""
from __future__ import annotations

import re

from generator import nd30
from generator.core.units import PT_PER_MM
from generator.nd30.check import lines as ruling
from generator.nd30.check.base import Checker, Fix, Rule, Segment, format_fix, segments
from generator.nd30.check.headerlines import header_lines, header_segments
from generator.nd30.doctypes import Identified
from generator.word.model import Paragraph

NATIONAL_MISSING = Rule("national.missing", "có Quốc hiệu", "PL I §II.1.a")
NATIONAL_TEXT = Rule("national.text", "chữ của Quốc hiệu", "PL I §II.1.a")
NATIONAL_STYLE = Rule("national.style", "Quốc hiệu in hoa, đậm", "PL I §II.1.a", fixable=True)
NATIONAL_SIZE = Rule("national.size", "cỡ chữ Quốc hiệu", "PL I §II.1.a", fixable=True)
MOTTO_MISSING = Rule("motto.missing", "có Tiêu ngữ", "PL I §II.1.b")
MOTTO_TEXT = Rule("motto.text", "chữ của Tiêu ngữ", "PL I §II.1.b")
MOTTO_STYLE = Rule("motto.style", "Tiêu ngữ đậm, canh giữa", "PL I §II.1.b", fixable=True)
MOTTO_SIZE = Rule("motto.size", "cỡ chữ Tiêu ngữ", "PL I §II.1.b", fixable=True)
MOTTO_POSITION = Rule("motto.position", "Tiêu ngữ dưới Quốc hiệu", "PL I §II.1.b")
ISSUER_MISSING = Rule("issuer.missing", "có tên cơ quan ban hành", "PL I §II.2")
ISSUER_STYLE = Rule("issuer.style", "tên cơ quan in hoa, đậm", "PL I §II.2.b", fixable=True)
ISSUER_SIZE = Rule("issuer.size", "cỡ chữ tên cơ quan", "PL I §II.2.b", fixable=True)
NUMBER_MISSING = Rule("number.missing", "có số, ký hiệu", "PL I §II.3")
NUMBER_FORM = Rule("number.form", "số, ký hiệu đúng dạng “Số: 05/QĐ-UBND”", "PL I §II.3.c")
NUMBER_STYLE = Rule("number.style", "số, ký hiệu chữ đứng", "PL I §II.3.c", fixable=True)
NUMBER_SIZE = Rule("number.size", "cỡ chữ số, ký hiệu", "PL I §II.3.c", fixable=True)
DATE_MISSING = Rule("date.missing", "có địa danh, ngày tháng", "PL I §II.4")
DATE_FORM = Rule("date.form", "ngày tháng đầy đủ, thêm số 0 đúng chỗ", "PL I §II.4.b", fixable=True)
DATE_STYLE = Rule("date.style", "địa danh, ngày tháng in nghiêng, canh giữa", "PL I §II.4.c", fixable=True)
DATE_SIZE = Rule("date.size", "cỡ chữ ngày tháng", "PL I §II.4.c", fixable=True)
DATE_POSITION = Rule("date.position", "số và ngày tháng cùng một dòng", "PL I §II.4.c")
RULES = (NATIONAL_MISSING, NATIONAL_TEXT, NATIONAL_STYLE, NATIONAL_SIZE, MOTTO_MISSING, MOTTO_TEXT, MOTTO_STYLE,
         MOTTO_SIZE, MOTTO_POSITION, ISSUER_MISSING, ISSUER_STYLE, ISSUER_SIZE, NUMBER_MISSING, NUMBER_FORM,
         NUMBER_STYLE, NUMBER_SIZE, DATE_MISSING, DATE_FORM, DATE_STYLE, DATE_SIZE, DATE_POSITION)

# the lines whose alignment is judged when alone in their paragraph: element, style rule, name
_ALIGNED = (("national", NATIONAL_STYLE, "Quốc hiệu"), ("motto", MOTTO_STYLE, "Tiêu ngữ"),
            ("number", NUMBER_STYLE, "Số, ký hiệu"), ("date", DATE_STYLE, "Địa danh, ngày tháng"))


def check_header(ck: Checker, header: list[Paragraph], identified: Identified | None = None,
                 issued_with: bool = False) -> None:
    """The header's lines; the Quốc hiệu and Tiêu ngữ sizes fix the document's size pair (`ck.pair`). The
    number's symbol opens with the abbreviation of the document's type (none for a letter)."""
    kind = identified.type if identified is not None else None
    abbr, words = (kind.abbr, kind.words) if kind is not None else ("KH", "Kế hoạch")
    found = header_lines(header)
    national, motto, number, date, typed = found.national, found.motto, found.number, found.date, found.typed
    if national is None:
        ck.add(NATIONAL_MISSING, f"không thấy Quốc hiệu “{nd30.NATIONAL}”: gõ dòng này ở góc trên bên phải, in hoa, đậm")
    if motto is None:
        ck.add(MOTTO_MISSING, f"không thấy Tiêu ngữ “{nd30.MOTTO}”: gõ dòng này dưới Quốc hiệu, in thường, đậm")
    ck.pair = nd30.pair_from(national.size if national else None, motto.size if motto else None)
    if ck.pair is not None:
        ck.sizes = nd30.sizes_for(ck.pair)
    if national is not None:
        if " ".join(national.text.split()) != nd30.NATIONAL:
            ck.add(NATIONAL_TEXT, f"Quốc hiệu phải viết đúng “{nd30.NATIONAL}”", seg=national,
                   level="warning" if nd30.is_national(national.text) else "error")
        ck.look_check("national", national, NATIONAL_STYLE, "Quốc hiệu", fix_look=True)
        ck.size_check("national", national, NATIONAL_SIZE, "Quốc hiệu", ck.sizes["national"] if ck.pair else None)
    if motto is not None:
        if not nd30.motto_ok(motto.text):
            ck.add(MOTTO_TEXT, f"Tiêu ngữ phải viết đúng “{nd30.MOTTO}” (gạch nối “-” có cách chữ hai bên, "
                   "viết hoa chữ đầu mỗi cụm)", seg=motto)
        elif re.search(r"[^\W\d_] {2,}[^\W\d_]", motto.text):  # "Tự  do": a gap inside a phrase prints (FR20-KH03);
            # around the hyphens, where a gap is written anyway, the spaces are the writer's choice
            ck.add(MOTTO_TEXT, "Tiêu ngữ có hai dấu cách liền nhau giữa hai chữ: giữa các chữ chỉ gõ một dấu cách",
                   seg=motto, level="warning")
        ck.look_check("motto", motto, MOTTO_STYLE, "Tiêu ngữ", fix_look=True)
        ck.size_check("motto", motto, MOTTO_SIZE, "Tiêu ngữ", ck.sizes["motto"] if ck.pair else None)
        if national is not None and national.para.index != motto.para.index and \
                ck.order[motto.para.index] < ck.order[national.para.index]:
            ck.add(MOTTO_POSITION, "Tiêu ngữ phải ở dưới Quốc hiệu: đổi chỗ hai dòng", seg=motto)
        ruling.check_rule(ck, motto, "motto", typed)

    for seg, (element, rule, name) in zip((national, motto, number, date), _ALIGNED):
        if seg is not None and len(header_segments(seg.para)) == 1:
            ck.align_check(element, seg.para, rule, name)
    check_issuer(ck, found.issuer, typed)
    if number is None and issued_with:
        pass  # a Quy định issued with a decision: its "(Ban hành kèm theo Quyết định số …)" line stands for it
    elif number is None:
        ck.add(NUMBER_MISSING, f"không thấy dòng số, ký hiệu “Số: …/{abbr + '-' if abbr else ''}…”: gõ dòng số, "
               "ký hiệu dưới tên cơ quan ban hành")
    else:
        for problem in nd30.number_problems(_without_year(number.text), abbr, words):
            ck.add(NUMBER_FORM, f"Số, ký hiệu: {problem}", seg=number)
        ck.look_check("number", number, NUMBER_STYLE, "Số, ký hiệu", fix_look=True)
        ck.size_check("number", number, NUMBER_SIZE, "Số, ký hiệu")
    if date is None and issued_with:
        pass
    elif date is None:
        ck.add(DATE_MISSING, "không thấy dòng địa danh và ngày tháng “…, ngày … tháng … năm …”: gõ dòng này dưới Tiêu ngữ, in "
               "nghiêng")
    else:
        check_date(ck, date, number)
        _check_date_under(ck, date, national or motto)
    ruling.check_unclaimed_typed(ck, typed)


_YEAR = re.compile(r"/\s*(?:19|20)\d\d\s*/")
# abbreviations ND30's own documents write in mixed case (Thủ tướng Chính phủ: “QĐ-TTg”)
_MIXED_CASE = {"TTg": "TTG"}


def _without_year(text: str) -> str:
    """The number line as the form rules read it: a legal document's year group (“Số: 15/2010/QĐ-UBND”, the
    form of the law on legal documents) left out, and the Thủ tướng's “TTg” read as capitals."""
    text = _YEAR.sub("/", text, count=1)
    for mixed, caps in _MIXED_CASE.items():
        text = re.sub(rf"-{mixed}\b", f"-{caps}", text)
    return text


# the first words of an agency that has a superior one above it in the header (PL I §II.2.a)
# (a faculty under its university, "TRƯỜNG ĐẠI HỌC …" over "KHOA …", is the same pattern)
_OWN_AGENCY = re.compile(r"^(SỞ|PHÒNG|BAN|VĂN PHÒNG|TRUNG TÂM|CHI CỤC|CỤC|VỤ|TỔNG CỤC|THANH TRA|TRƯỜNG|BỆNH VIỆN|"
                         r"BỘ CHỈ HUY|CÔNG AN|BAN QUẢN LÝ|KHOA)\b")


# a people's council's or committee's name broken after its kind, its place on the next line: one name, never a
# superior body over an agency
_LOCAL_BODY = re.compile(r"^\s*(?:ỦY|UỶ|HỘI ĐỒNG) (?:BAN )?NHÂN DÂN\s*$")
_LOCAL_PLACE = re.compile(r"^\s*(?:TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN|ĐẶC KHU)\b")


def check_issuer(ck: Checker, issuer: list[Segment], typed: list[Segment]) -> None:
    if not issuer:
        ck.add(ISSUER_MISSING, "không thấy tên cơ quan ban hành: gõ tên cơ quan ở góc trên bên trái, chữ in hoa, đậm")
        return
    bold = [s for s in issuer if s.bold]
    every = list(issuer)
    own = next((k for k, s in enumerate(issuer) if k and _OWN_AGENCY.match(s.text)), None)
    if own is not None:  # "UBND TỈNH …" over "SỞ …": the lines above the agency's own are its superior's
        for s in issuer[:own]:
            if s.bold or s.italic:
                ck.add(ISSUER_STYLE, "tên cơ quan chủ quản (dòng trên) chữ đứng, không in đậm: chọn dòng, bỏ đậm "
                       "(Ctrl+B)", seg=s, fix=format_fix(s, bold=False, italic=False))
        bold = [s for s in issuer[own:] if s.bold]
        issuer = issuer[own:]
    if not bold:  # which lines are the superior agency (not bold) is for a person to say
        ck.add(ISSUER_STYLE, "tên cơ quan ban hành phải in đậm: chọn dòng và bấm Ctrl+B", seg=issuer[-1])
    else:
        first_bold = issuer.index(bold[0])
        if first_bold and _LOCAL_BODY.match(issuer[first_bold - 1].text) and _LOCAL_PLACE.match(bold[0].text):
            first_bold -= 1  # "ỦY BAN NHÂN DÂN" over "TỈNH VĨNH LONG": one body's name on two lines, no superior (FR22-TB01)
        for s in issuer[:first_bold]:  # the superior agency: upright, not bold
            if s.italic:
                ck.add(ISSUER_STYLE, "tên cơ quan chủ quản phải chữ đứng: chọn dòng và bỏ nghiêng (Ctrl+I)", seg=s)
        for s in issuer[first_bold:]:
            if not s.bold:
                ck.add(ISSUER_STYLE, "tên cơ quan ban hành phải in đậm (cả các dòng)", seg=s,
                       fix=format_fix(s, bold=True))
    for s in every:
        ck.size_check("agency", s, ISSUER_SIZE, "Tên cơ quan")
    for s in every:  # the superior's and the agency's lines, centred over each other (PL I §II.2)
        if len(header_segments(s.para)) == 1:
            ck.align_check("agency", s.para, ISSUER_STYLE, "Tên cơ quan ban hành")
    main = bold or issuer
    ruling.check_rule(ck, main[-1], "agency", typed, lines=main)


def check_date(ck: Checker, date: Segment, number: Segment | None) -> None:
    result = nd30.date_check(date.text)
    for problem in result.problems:
        fix = None
        if result.fixed is not None and date.text == date.para.text[date.start:date.end]:
            fix = Fix("text", date.para.index, date.start, date.end, text=" ".join(result.fixed.split())
                      if " ".join(date.text.split()) == date.text else result.fixed)
        ck.add(DATE_FORM, f"Ngày tháng: {problem}", seg=date, fix=fix)
    ck.look_check("date", date, DATE_STYLE, "Địa danh, ngày tháng", fix_look=True)
    ck.size_check("date", date, DATE_SIZE, "Địa danh, ngày tháng", ck.sizes["date"] if ck.pair else None)
    if number is not None and not _same_line(ck, number.para, date.para):
        ck.add(DATE_POSITION, "số, ký hiệu và ngày tháng phải trên cùng một dòng: đặt hai dòng vào cùng một hàng của bảng đầu văn bản", seg=date, level="warning")


def _same_line(ck: Checker, a: Paragraph, b: Paragraph) -> bool:
    if a.index == b.index:
        return True
    # the number and the date in the two cells of one header row print side by side
    ca, cb = ck.cell_of.get(a.index), ck.cell_of.get(b.index)
    return ca is not None and cb is not None and ca[0].index == cb[0].index and ca[1] == cb[1]


def _check_date_under(ck: Checker, date: Segment, above: Segment | None) -> None:
    """The date prints centred under the Quốc hiệu and Tiêu ngữ (PL I §II.4.c). A header set out of tables places
    both with spaces and tabs, where a centred paragraph's leading spaces push its text aside (FR10-TC01: the date
    at the right edge, 17 mm right of the Quốc hiệu's middle): told when the two middles are more than 10 mm apart,
    the estimate being good to a few millimetres."""
    if above is None or date.para.index == above.para.index or date.para.index in ck.cell_of \
            or above.para.index in ck.cell_of:
        return
    here, there = ck.printed_middle(date), ck.printed_middle(above)
    if here is None or there is None or abs(here - there) <= 10 * PT_PER_MM:
        return
    side = "phải" if here > there else "trái"
    ck.add(DATE_STYLE, f"Địa danh, ngày tháng phải canh giữa dưới Quốc hiệu và Tiêu ngữ (đang lệch về bên {side} "
           f"khoảng {abs(here - there) / PT_PER_MM:.0f} mm): đặt dòng này vào ô bên phải của bảng đầu văn bản, dưới "
           "Quốc hiệu và Tiêu ngữ, canh giữa, không gõ dấu cách để đẩy chữ", seg=date, level="warning")


def check_attached_header(ck: Checker, header: list[Paragraph]) -> None:
    """The words of the Quốc hiệu and Tiêu ngữ a Quy chế or Quy định issued with a decision repeats in its own header
    (PL III): “CỘNG HOÀ” there is the same slip as in the decision's (FR20-QD01). Its sizes and looks follow the
    decision's, judged there."""
    found = header_lines(header)
    if found.national is not None and " ".join(found.national.text.split()) != nd30.NATIONAL \
            and nd30.is_national(found.national.text):
        ck.add(NATIONAL_TEXT, f"Quốc hiệu phải viết đúng “{nd30.NATIONAL}”", seg=found.national, level="warning")
    if found.motto is not None and not nd30.motto_ok(found.motto.text):
        ck.add(MOTTO_TEXT, f"Tiêu ngữ phải viết đúng “{nd30.MOTTO}” (gạch nối “-” có cách chữ hai bên, viết hoa chữ "
               "đầu mỗi cụm)", seg=found.motto)
