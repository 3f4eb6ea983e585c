"""The type line ("KẾ HOẠCH", "QUYẾT ĐỊNH", …) and the trích yếu under it (ô 5a, PL I §II.5.b); a letter's
"V/v …" (ô 5b)."""
from __future__ import annotations

import re

from generator import nd30
from generator.core.text import decimal, shorten
from generator.nd30.check import lines as ruling
from generator.nd30.check.base import Checker, Rule, Segment, segments
from generator.nd30.check.headerlines import header_lines
from generator.nd30.check.locate import Frame
from generator.nd30.doctypes import QUALIFIERS
from generator.nd30.labels import ARTICLE

DOCTYPE_MISSING = Rule("doctype.missing", "có dòng tên loại văn bản", "PL I §II.5.b")
DOCTYPE_STYLE = Rule("doctype.style", "tên loại in hoa, đậm, canh giữa", "PL I §II.5.b", fixable=True)
DOCTYPE_SIZE = Rule("doctype.size", "cỡ chữ tên loại", "PL I §II.5.b", fixable=True)
TITLE_MISSING = Rule("title.missing", "có trích yếu", "PL I §II.5.b")
TITLE_STYLE = Rule("title.style", "trích yếu đậm, canh giữa", "PL I §II.5.b")
TITLE_SIZE = Rule("title.size", "cỡ chữ trích yếu", "PL I §II.5.b", fixable=True)
ENACTING = Rule("enacting.line", "dòng “QUYẾT ĐỊNH:” (“QUYẾT NGHỊ:”) trước các Điều", "PL III, Mẫu 1.1–1.2")
RULES = (DOCTYPE_MISSING, DOCTYPE_STYLE, DOCTYPE_SIZE, TITLE_MISSING, TITLE_STYLE, TITLE_SIZE, ENACTING)
_LETTER_SUBJECT = re.compile(r"^\(?\s*V/v\b", re.IGNORECASE)  # "V/v …", "(V/v …)": a letter's way (FR9-TTR01)
# the line that opens the articles of a decision or a resolution (Mẫu 1.2 and 1.1), after the căn cứ
ENACTING_LINES = {"QĐ": "QUYẾT ĐỊNH:", "NQ": "QUYẾT NGHỊ:"}


def check_title(ck: Checker, frame: Frame) -> int:
    """The type line and the trích yếu the type has (a letter: "V/v …" under the number, no type line);
    returns the order position where the body starts."""
    kind = frame.identified.type
    doc_type = frame.doc_type
    if kind is not None and not kind.name:  # Công văn (Mẫu 1.5): the trích yếu "V/v …" under the number
        if not frame.subject:
            number = header_lines(frame.header).number
            ck.add(TITLE_MISSING, "công văn không thấy trích yếu “V/v …” dưới số, ký hiệu: gõ dòng “V/v <nội dung>” "
                   "ngay dưới dòng số, ký hiệu, canh giữa", "PL I §II.5.b", seg=number)
        made_up = _made_up_type_line(ck, frame)
        if made_up is not None:  # "GIẤY ĐỀ NGHỊ" over "(V/v mời giảng)" (FR11-GDN01)
            ck.add(DOCTYPE_SIZE, f"công văn không có dòng tên loại: “{shorten(made_up.text, 40)}”"
                   f"{' (cỡ chữ ' + decimal(made_up.size) + ')' if made_up.size else ''} không phải tên loại văn bản "
                   "hành chính của Nghị định 30 (Điều 7): bỏ dòng này, trích yếu “V/v …” đặt dưới số, ký hiệu",
                   "PL III, Mẫu 1.5", seg=made_up)
        return frame.body_start
    name = kind.name if kind is not None else nd30.DOC_TYPE
    if doc_type is None:
        ck.add(DOCTYPE_MISSING, f"không thấy dòng tên loại “{name}”: gõ “{name}” thành một dòng riêng, in hoa, đậm, "
               "canh giữa, dưới phần đầu văn bản")
        return frame.body_start
    seg = segments(doc_type)[0]
    carries_subject = name in nd30.SUBJECT_IN_TYPE_LINE and " ".join(seg.text.split()) != name
    typed = " ".join(seg.text.split())
    qualified = typed == typed.upper() and any(f"{typed} ".startswith(f"{name} {q} ") for q in QUALIFIERS.get(name, ()))
    # "THÔNG BÁO NỘP BÁO CÁO THỰC TẬP": the type and the subject typed as one headline (FR11-TB02)
    shared = not carries_subject and not qualified and typed == typed.upper() and typed.startswith(name + " ")
    if seg.text != name and typed != name and not carries_subject and not qualified and not shared:
        ck.add(DOCTYPE_STYLE, f"tên loại phải viết in hoa “{name}”: gõ lại dòng tên loại bằng chữ in hoa", seg=seg)
    type_line = [seg]
    own = list(frame.title)
    if qualified and own and _continues(seg, own[0]):
        type_line.append(own.pop(0))  # "CHƯƠNG TRÌNH CÔNG TÁC THÁNG 3 NĂM 2018 / CỦA UỶ BAN NHÂN DÂN TỈNH" (FR10-CTR01)
        carries_subject = carries_subject or not own
    for part in type_line:
        ck.look_check("doc_type", part, DOCTYPE_STYLE, "Tên loại", fix_look=True)
        ck.size_check("doc_type", part, DOCTYPE_SIZE, "Tên loại")  # 13–14 whatever the pair (PL I §V footnote)
    ck.align_check("doc_type", doc_type, DOCTYPE_STYLE, "Tên loại", "error")
    title = own or (type_line if carries_subject else [])  # "GIẤY PHÉP …": the type line is its own subject
    if not title and shared:
        ck.add(TITLE_MISSING, f"tên loại và trích yếu viết chung một dòng: để “{name}” thành một dòng riêng và đưa "
               f"phần “{shorten(typed[len(name):], 40)}” xuống dòng dưới làm trích yếu (chữ thường, đậm, canh giữa)",
               p=doc_type)
        return frame.body_start
    if not title:
        ck.add(TITLE_MISSING, "không thấy trích yếu nội dung ngay dưới tên loại: gõ một dòng tóm tắt nội dung, "
               "đậm, canh giữa, dưới dòng tên loại", p=doc_type)
        return frame.body_start
    for s in own:
        ck.look_check("title", s, TITLE_STYLE, "Trích yếu", fix_look=False)
        ck.size_check("title", s, TITLE_SIZE, "Trích yếu")
    if own:
        ck.align_check("title", title[0].para, TITLE_STYLE, "Trích yếu", "error")
        if _LETTER_SUBJECT.match(own[0].text):  # "V/v" opens a công văn's trích yếu only (PL I §II.5.b–c)
            ck.add(TITLE_STYLE, f"trích yếu của {name.lower()} không mở đầu bằng “V/v” (chỉ trích yếu công văn có "
                   "“V/v”): viết thẳng nội dung dưới tên loại", "PL I §II.5.b", seg=own[0], level="warning")
    above = [s for s in frame.subject if ck.order[s.para.index] < ck.order[doc_type.index]]
    if own and above:  # "(V/v …)" under the number of a Thông báo with its own trích yếu (FR12-TB01)
        ck.add(TITLE_STYLE, f"{kind.words if kind else name.capitalize()} có tên loại và trích yếu riêng: không có dòng "
               "“V/v …” dưới số, ký hiệu (chỉ công văn có): xoá dòng này", "PL I §II.5.b", seg=above[0], level="warning")
    typed: list[Segment] = []
    i = frame.after_title
    while i < len(ck.paras) and i < frame.after_title + 2 and not ck.paras[i].text.strip() \
            and ck.paras[i].index not in ck.shapes:
        i += 1  # a blank line between the trích yếu and its typed rule
    if i < len(ck.paras) and nd30.is_typed_rule(ck.paras[i].text):
        typed = segments(ck.paras[i])
    ruling.check_title_rule(ck, title[-1], title, typed, under=frame.issued_with)
    check_enacting(ck, frame)
    return frame.body_start


def _made_up_type_line(ck: Checker, frame: Frame) -> Segment | None:
    """A letter's line in capitals, centred, right above its "V/v …" under the header: a type line the letter gave
    itself ("GIẤY ĐỀ NGHỊ", no type of Điều 7), which a công văn has not (Mẫu 1.5)."""
    at = ck.order[frame.subject[0].para.index] if frame.subject else None
    if at is None or frame.subject[0].para.index in ck.cell_of:
        return None
    k = at - 1
    while k >= 0 and not ck.paras[k].text.strip() and ck.paras[k].index not in ck.cell_of:
        k -= 1
    p = ck.paras[k] if k >= 0 else None
    if p is None or p.index in ck.cell_of or p.alignment != "center":
        return None
    segs = segments(p)
    text = " ".join(p.text.split())
    if len(segs) != 1 or not segs[0].caps or not segs[0].bold or not 2 <= len(text.split()) <= 6:
        return None
    return segs[0]


def _continues(type_line: Segment, line: Segment) -> bool:
    """A line in capitals under a type line that names its subject, opening with "CỦA" (whose programme, whose
    plan): the type line's second line, set like it, not a trích yếu typed in capitals (which opens with its own
    words, "VỀ …", "THỰC HIỆN …")."""
    text = " ".join(line.text.split())
    return text == text.upper() and bool(re.match(r"CỦA\b", text)) and line.bold == type_line.bold \
        and line.size == type_line.size


def check_enacting(ck: Checker, frame: Frame) -> None:
    """A decision (a resolution) with articles opens them with "QUYẾT ĐỊNH:" ("QUYẾT NGHỊ:"), bold and centred."""
    kind = frame.identified.type
    want = ENACTING_LINES.get(kind.abbr) if kind is not None else None
    if want is None:
        return
    if frame.enacting is None:
        first = next((p for p in ck.paras[frame.body_start:] if ARTICLE.match(p.full_text.strip())), None)
        if first is not None:
            ck.add(ENACTING, f"không thấy dòng “{want}” trước Điều 1: gõ “{want}” thành một dòng riêng sau phần căn "
                   "cứ, in hoa, đậm, canh giữa", p=first)
        return
    p = ck.paras[frame.enacting]
    if not p.text.strip().upper().startswith(want[:-1]):
        return  # the 2025 law's italic formula ("Ủy ban nhân dân tỉnh ban hành Quyết định …"): set as it is
    seg = segments(p)[0]
    if seg.bold is False or (p.alignment not in (None, "center")):
        ck.add(ENACTING, f"dòng “{want}” in đậm, canh giữa: chọn dòng, bấm Ctrl+B và Ctrl+E", p=p)
