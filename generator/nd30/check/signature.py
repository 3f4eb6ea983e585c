"""Nơi nhận and the signature block (ô 9b and 7, PL I §II.9.d, §II.7): the label, the recipients' lines and
their punctuation, "- Lưu: VT, …" last; the signing authority (TM., KT.), the signer's title and name."""
from __future__ import annotations

import re

from generator import nd30
from generator.nd30.check.base import Checker, Fix, Rule, Segment, format_fix, segments
from generator.nd30.check.headerlines import header_lines
from generator.nd30.check.locate import Tail, recipient_items, signature_lines, unmarked_recipients
from generator.word.model import Paragraph
from generator.core.text import shorten

RECIPIENTS_MISSING = Rule("recipients.missing", "có Nơi nhận", "PL I §II.9.d")
RECIPIENTS_LABEL = Rule("recipients.label", "“Nơi nhận:” 12, đậm nghiêng", "PL I §II.9.d", fixable=True)
RECIPIENTS_ITEMS = Rule("recipients.items", "nơi nhận gạch đầu dòng, chữ đứng", "PL I §II.9.d", fixable=True)
RECIPIENTS_PUNCTUATION = Rule("recipients.punctuation", "“;” cuối dòng, “.” cuối cùng", "PL I §II.9.d",
                              fixable=True)
RECIPIENTS_ARCHIVE = Rule("recipients.archive", "“- Lưu: VT, …” là dòng cuối", "PL I §II.9.d")
RECIPIENTS_SIZE = Rule("recipients.size", "cỡ chữ nơi nhận 11", "PL I §II.9.d", fixable=True)
RECIPIENTS_POSITION = Rule("recipients.position", "Nơi nhận bên trái, ngang chữ ký", "PL I §II.9.d")
SIGNER_MISSING = Rule("signer.missing", "có chức vụ, họ tên người ký", "PL I §II.7")
SIGNER_AUTHORITY = Rule("signer.authority", "TM., KT. và chức vụ", "PL I §II.7.b")
SIGNER_STYLE = Rule("signer.style", "chức vụ, họ tên đậm", "PL I §II.7.đ", fixable=True)
SIGNER_SIZE = Rule("signer.size", "cỡ chữ chữ ký", "PL I §II.7.đ", fixable=True)
SIGNER_NAME = Rule("signer.name", "họ tên người ký", "PL I §II.7.đ")
RULES = (RECIPIENTS_MISSING, RECIPIENTS_LABEL, RECIPIENTS_ITEMS, RECIPIENTS_PUNCTUATION, RECIPIENTS_ARCHIVE,
         RECIPIENTS_SIZE, RECIPIENTS_POSITION, SIGNER_MISSING, SIGNER_AUTHORITY, SIGNER_STYLE, SIGNER_SIZE, SIGNER_NAME)


def check_recipients_and_signature(ck: Checker, label: Paragraph | None, body_start: int, body_end: int,
                                   appendices: list[Paragraph], tail: Tail | None = None, frame=None) -> None:
    stop = ck.order[appendices[0].index] if appendices else len(ck.paras)
    if label is None and frame is not None and frame.issued_with is not None:
        return  # a Quy định / Quy chế issued with a decision: the decision has the Nơi nhận and the signature
    if tail is not None and tail.label is not None:
        check_recipient_lines(ck, tail)
        if not tail.signature and tail.signature_lines:  # signature lines after tabs on the Nơi nhận lines
            check_signature(ck, [s.para for s in tail.signature_lines], tail.label, tail.signature_lines,
                            for_body=_collective_issuer(frame))
            return
        lines = tail.signature if tail.signature else \
            signature_lines(ck, tail.label, [s.para for s in tail.items], body_start, body_end, stop)
        check_signature(ck, lines, tail.label, for_body=_collective_issuer(frame))
        return
    if label is None:
        ck.add(RECIPIENTS_MISSING, "không thấy “Nơi nhận:”: thêm ô “Nơi nhận:” ở góc dưới bên trái, ngang dòng chức vụ "
               "người ký")
        unmarked = unmarked_recipients(ck)  # "Noi nhan:" typed without marks: the signature is beside it
        check_signature(ck, signature_lines(ck, unmarked, [], body_start, body_end, stop), None,
                        for_body=_collective_issuer(frame))
        return
    # a "Nơi nhận" the locator's tail does not hold (before the type line): its "-" lines under it
    items = recipient_items(ck, label, stop)
    check_recipient_lines(ck, Tail(label, None, [s for p in items for s in segments(p)], None))
    check_signature(ck, signature_lines(ck, label, items, body_start, body_end, stop), label,
                    for_body=_collective_issuer(frame))


def check_recipient_lines(ck: Checker, tail: Tail) -> None:
    """Nơi nhận line by line (a line after a line break in one paragraph is a line of its own)."""
    label, seg = tail.label, tail.label_line or segments(tail.label)[0]
    text = " ".join(seg.text.split())
    if not text.startswith(nd30.RECIPIENTS_LABEL):
        ck.add(RECIPIENTS_LABEL, f"phải viết “{nd30.RECIPIENTS_LABEL}” (chữ in thường, sau có dấu hai chấm)", seg=seg)
    elif text != nd30.RECIPIENTS_LABEL:  # the label and an item on one line
        ck.add(RECIPIENTS_LABEL, "“Nơi nhận:” phải trên một dòng riêng: xuống dòng sau dấu hai chấm", seg=seg)
    ck.look_check("recipients_label", seg, RECIPIENTS_LABEL, "“Nơi nhận:”", fix_look=True)
    if seg.underline:
        ck.add(RECIPIENTS_LABEL, "“Nơi nhận:” không gạch chân: bỏ gạch chân (Ctrl+U)", seg=seg)
    ck.size_check("recipients_label", seg, RECIPIENTS_LABEL, "“Nơi nhận:”")
    ck.align_check("recipients_label", label, RECIPIENTS_LABEL, "“Nơi nhận:”", ref="PL I §II.9.d (sát lề trái)")
    items = list(tail.items)
    # the typist's tag on a line of its own after "- Lưu: …" (“Sonnk/QĐ06.T9/50b”, ô 13) is not a recipient
    while len(items) > 1 and _TYPIST_TAG.match(items[-1].text) and re.match(r"^-?\s*Lưu\b", items[-2].text):
        items.pop()
    if not items:
        ck.add(RECIPIENTS_ITEMS, "không thấy danh sách nơi nhận dưới “Nơi nhận:”", p=label)
        return
    archive = [i for i, s in enumerate(items) if nd30.ARCHIVE_RE.match(s.text) or re.match(r"^-?\s*Lưu\b", s.text)]
    # a note under the whole tail, outside the Nơi nhận column ("Ghi chú: …" after the signature table): not a line of
    # the list at all, so the Lưu line still ends it
    home = (ck.cell_of.get(label.index) or (None, None, None))[:3]
    while archive and len(items) > archive[-1] + 1 and not _led(items[-1]).startswith(("-", "+", "•")) \
            and (ck.cell_of.get(items[-1].para.index) or (None, None, None))[:3] != home:
        items.pop()
    if not archive:
        ck.add(RECIPIENTS_ARCHIVE, "dòng cuối của Nơi nhận phải là “- Lưu: VT, …”: thêm dòng này cuối danh sách", seg=items[-1])
    elif archive[-1] != len(items) - 1:
        ck.add(RECIPIENTS_ARCHIVE, "dòng “- Lưu: …” phải là dòng cuối cùng của Nơi nhận: chuyển dòng này xuống cuối",
                   seg=items[archive[-1]])
    if archive and not _ARCHIVE_FORM.match(_led(items[archive[-1]])):
        ck.add(RECIPIENTS_ARCHIVE, "dòng lưu phải có dạng “- Lưu: VT, <đơn vị soạn thảo>.”", seg=items[archive[-1]],
               level="warning")
    if archive and all(_TRANSMISSION.match(s.text) for s in items[archive[-1] + 1:]):
        # how the copies go out, typed under "- Lưu: …" ("- Gửi: + VB giấy: …;" / "+ Bản ĐT: …", FR10-CD01,
        # FR10-KH01): a note on sending, not a recipient: it is told to go below the list (above), and "- Lưu" closes the list with its "."
        items = items[:archive[-1] + 1]
    if archive and not any(_led(s).startswith(("-", "+", "•")) for s in items[archive[-1] + 1:]):
        # the list ends at "- Lưu: …", its last item: the lines after it with no dash of their own are notes ("Gửi: VB
        # điện tử và VB giấy.", a "Ghi chú", FR9-KH01), not recipients: no dash, ";" or size is asked of them
        items = items[:archive[-1] + 1]
    if archive and (tag := _DRAFTER_NAME.search(items[archive[-1]].text)):
        ck.add(RECIPIENTS_ARCHIVE, f"ký hiệu người soạn thảo “{tag['name']}” là tên viết thường; ghi bằng chữ viết tắt in "
               "hoa (ví dụ “NC.NVA”) và số bản lưu nếu cần, cỡ chữ 11, trong dòng “- Lưu”", "PL I §III.3",
               seg=items[archive[-1]], level="warning")
    centred: set[int] = set()
    # a recipient wrapped onto the next line (typed as its own line, indented, the item not yet closed by ";")
    # goes on there: that line has no dash of its own, and the item's punctuation is at its end
    going_on = {n for n in range(1, len(items)) if _continues(items[n - 1], items[n])}
    for n, s in enumerate(items):
        last = n == len(items) - 1
        if n in going_on:
            pass
        elif s.para.in_shape and re.fullmatch(r"\(.*\)", s.text.strip()):
            pass  # "(để b/c)" in a text box beside a brace over several recipients (FR20-BC02): their note, not one
        elif not _led(s).startswith("-"):
            ck.add(RECIPIENTS_ITEMS, "mỗi nơi nhận bắt đầu bằng gạch đầu dòng “-”", seg=s)
        elif s.text.startswith("-") and s.text[1:2].strip():  # "-Như điều 3;" (FR12-QD02, QD03)
            ck.add(RECIPIENTS_ITEMS, "sau gạch đầu dòng “-” có một dấu cách: gõ “- ” trước tên nơi nhận", seg=s,
                   fix=Fix("text", s.para.index, s.start + 1, s.start + 1, text=" "))
        if (small := _ARTICLE_SMALL.match(s.text)) is not None:  # "- Như điều 3;" (FR14-QD01, QD02, QD03); no --fix:
            # a correction never changes a word (fix.words compares them, case kept)
            ck.add(RECIPIENTS_ITEMS, f"viết hoa chữ “Điều” khi gọi tên điều của văn bản: “- Như Điều {small['n']}”",
                   "PL III, Mẫu 1.2–1.3", seg=s)
        if n + 1 in going_on:
            pass
        elif _led(s).startswith("-") or n in going_on:
            # a note typed beside the item after a gap of spaces or a tab ("…VHTT&DL;       Báo cáo", by a brace
            # drawn over two items, FR9-KH01) is not part of it: the item's punctuation is judged before the gap
            item = _BESIDE.sub("", s.text)
            fixed = nd30.recipient_item_fixed(item, last)
            end = "." if last else ";"
            if (note := _NOTE_AFTER_MARK.search(item)) is not None:
                # "- Các Tổ CV/VP; (để theo dõi)": the mark typed before the item's note; it goes after it
                ck.add(RECIPIENTS_PUNCTUATION, f"dấu “{end}” đặt cuối nơi nhận, sau phần ghi chú trong ngoặc", seg=s,
                       fix=Fix("text", s.para.index, s.start + note.start(), s.start + len(item.rstrip()),
                               text=f" {note['note']}{end}"))
            elif fixed is not None and fixed != item:
                keep = len(item.rstrip(";,.: "))
                # what the line ends with first, then what ND30 asks: "dòng cuối kết thúc bằng dấu “.”" alone read
                # as a fact about a "- Lưu: VT, NC.Châu" that has no mark (KH07)
                mark = item.rstrip()[keep:].strip()
                now = f"dòng này kết thúc bằng “{mark}”" if mark else "dòng này chưa có dấu ở cuối"
                todo = f"sửa “{mark}” thành “{end}”" if mark else f"gõ “{end}” ở cuối dòng"
                ck.add(RECIPIENTS_PUNCTUATION, f"{now}, {'dòng cuối' if last else 'mỗi nơi nhận'} phải kết thúc bằng "
                       f"dấu “{end}”: {todo}", seg=s, fix=Fix("text", s.para.index, s.start + keep, s.end, text=end))
        ck.size_check("recipients", s, RECIPIENTS_SIZE, "Danh sách nơi nhận")
        if s.bold or s.italic:
            ck.add(RECIPIENTS_ITEMS, "danh sách nơi nhận trình bày chữ đứng, không đậm: bỏ đậm (Ctrl+B), bỏ nghiêng (Ctrl+I)", seg=s,
                   fix=format_fix(s, bold=False, italic=False))
        if s.para.alignment == "center" and s.para.index not in centred:
            centred.add(s.para.index)
            ck.add(RECIPIENTS_ITEMS, "danh sách nơi nhận sát lề trái, không canh giữa: chọn dòng và bấm Ctrl+L", seg=s,
                   level="warning")


# "- Lưu: VT, <đơn vị>." (PL I §II.9.d): VT closed by a comma, a stop or the line's end; "VT/UBND" is not it (FR9-KH01)
_ARTICLE_SMALL = re.compile(r"^-\s*Như\s+điều\s+(?P<n>\d+)\b")  # the Mẫu: "- Như Điều 3;"
_ARCHIVE_FORM = re.compile(r"^-\s*Lưu\s*:\s*VT\s*(?:[,.;(]|$)")
_BESIDE = re.compile(r"(?<=[;.,])(?:\s{3,}|\s*\t\s*)\S.*$")  # after the item's closing mark, a gap, a note
_NOTE_AFTER_MARK = re.compile(r"\s*[;.,]\s*(?P<note>\([^()]*\))\s*$")  # "…; (để theo dõi)"
_TRANSMISSION = re.compile(r"^(?:[-•]\s*Gửi\b|\+|Gửi\b)", re.IGNORECASE)  # "- Gửi: …", its "+ Bản giấy: …"
_TYPIST_TAG = re.compile(r"^[^\s\-–•+][^\s]{0,40}$")  # one word: initials, file code, number of copies


def _led(s: Segment) -> str:
    """A recipient's line as it prints from its start: the dash a Word list draws before it (its label "-",
    FR12-QD04's nineteen recipients) and its text."""
    # the paragraph's first line, blanks typed before it or not (" BGĐTT Y tế để (b/c);" under its list's "-", FR22-KH01)
    label = (s.para.list_label or "").strip() if not s.para.text[:s.start].strip() else ""
    return f"{label} {s.text}" if label in ("-", "–", "+", "•") else s.text


def _continues(before: Segment, line: Segment) -> bool:
    """`line` carries on the recipient of `before`: no dash of its own, typed indented (spaces or a left
    indent), opening in lower case or under a line left open by a comma, while `before` does not close with ";"
    or "."."""
    raw = line.para.text[:line.start]
    indented = raw.endswith((" ", "\u00a0")) or bool(line.para.indent_left_pt) or line.start > 0 and raw.strip() == ""
    # or a line opening in lower case: the rest of a recipient's name wrapped with a line break or a new
    # paragraph ("- Các cơ quan, đơn vị, địa phương thuộc" / "khối thi đua của tỉnh;", FR5-HD01); or the rest of a
    # list of names the line above leaves open with a comma ("- Các Sở: Tài chính, Tư pháp," / "Khoa học và Công
    # nghệ;", FR8-TTR01)
    opened = before.text.rstrip().endswith(",")
    return not _led(line).startswith(("-", "+", "•")) and not before.text.rstrip().endswith((";", ".")) \
        and not nd30.ARCHIVE_RE.match(line.text) and (indented or opened or line.text[:1].islower())


# ô 12 (PL I §III.3): the drafter's initials in capitals after the unit ("NC.NVA(02)"); a given name glued to
# the unit ("NC.Châu", "XDCT(Sơn)") is not initials
_DRAFTER_NAME = re.compile(r"\b[A-ZĐ]{2,}[.(]\s*(?P<name>[A-ZĐÀ-Ỹ][a-zà-ỹđ]{2,})")


_SIGNED_MARK = re.compile(r"^\((?:đã\s+)?ký[^)]{0,30}\)\s*", re.IGNORECASE)


def _without_mark(s: Segment) -> Segment:
    """The name of "(đã ký) Mai Văn Nam" without the copy's mark, whose look and size are not the name's."""
    m = _SIGNED_MARK.match(s.text)
    if not m:
        return s
    left, kept = m.end(), []
    for run, piece in s.pieces:
        cut = min(left, len(piece))
        left -= cut
        if piece[cut:]:
            kept.append((run, piece[cut:]))
    return Segment(s.para, s.start + m.end(), s.end, s.text[m.end():], kept) if kept else s


def _is_mark(s: Segment) -> bool:
    """A line standing where the signature goes ("(đã ký)", "Ký tên, đóng dấu"), no name on it."""
    rest = _SIGNED_MARK.sub("", s.text)
    return rest.startswith("(") or not rest.strip() or bool(re.match(r"^(đã ký|chữ ký|ký tên|đóng dấu)\b", s.text,
                                                                      re.IGNORECASE))


# a collective body signing by its own name: ND30 writes "TM." before it and the signer's post under it (PL I §II.7.a)
_COLLECTIVE = re.compile(r"^(BAN|HỘI ĐỒNG|ỦY BAN|UỶ BAN|TỔ|ĐOÀN)\s+\S")


# the chair's post signing alone ("CHỦ TỊCH") under which a collective body's "TM." line is wanted
_CHAIR = re.compile(r"^CHỦ TỊCH$")
# what a collective body issues as the body (the Chủ tịch issues Quyết định and Chỉ thị in his own name too)
_BODY_TYPES = ("KH", "BC", "TTr", "ĐA", "CTr", "PA")


def _collective_issuer(frame) -> str | None:
    """“ỦY BAN NHÂN DÂN” when the document is the people's committee's own: its symbol ends “-UBND” after a plan's,
    report's, submission's, project's or programme's code (“Số: …/KH-UBND”, FR20-KH03), which PL I §II.7.a has signed
    “TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH”; None otherwise (a Quyết định of the Chủ tịch is signed in his name)."""
    if frame is None or not frame.header:
        return None
    number = header_lines(frame.header).number
    m = re.search(r"/\s*(?P<type>[^\s/-]+)\s*-\s*(?P<agency>[^\s/]+)\s*$", number.text) if number is not None else None
    if m is None or m["type"] not in _BODY_TYPES or m["agency"] != "UBND":
        return None
    return "ỦY BAN NHÂN DÂN"


def check_signature(ck: Checker, lines: list[Paragraph], label: Paragraph | None,
                    segs: list[Segment] | None = None, for_body: str | None = None) -> None:
    """The signer's block; `for_body`: the collective body whose document this is (“ỦY BAN NHÂN DÂN”), signed for
    it with “TM.” (`_collective_issuer`)."""
    if not lines:
        ck.add(SIGNER_MISSING, "không thấy quyền hạn, chức vụ và họ tên người ký: gõ khối chữ ký ở góc dưới bên "
               "phải, ngang “Nơi nhận:”")
        return
    # line by line: a signature block typed as one paragraph with line breaks ("TM. …\nKT. CHỦ TỊCH\n(đã ký)\nName")
    if segs is None:
        segs = [s for p in lines for s in segments(p)]
    segs = [s for s in segs if not nd30.is_typed_rule(s.text)]
    authority = [s for s in segs if s.text.isupper() or nd30.AUTHORITY_RE.match(s.text)]
    if segs and (nd30.MERGE_FIELD.fullmatch(segs[-1].text.strip()) or nd30.PLACEHOLDER.fullmatch(segs[-1].text.strip())) \
            and segs[-1] in authority:  # "${LD}", "NGUOI_KY" (FR22-CV03) at the foot: the signer's name a template
        authority.remove(segs[-1])  # fills in (FR12-CV01)
    # the title under "TL. Hiệu trưởng" typed in lower case ("Phó Hiệu trưởng", FR6-TB02) is the signer's title,
    # not his name: a line under an authority line with a name still below it
    for k in range(1, len(segs) - 1):
        if nd30.AUTHORITY_RE.match(segs[k - 1].text) and segs[k] not in authority and not _is_mark(segs[k]) \
                and any(t not in authority and not _is_mark(t) for t in segs[k + 1:]):
            authority.insert(authority.index(segs[k - 1]) + 1, segs[k])
    # "(đã ký) Mai Văn Nam": a copy's mark where the signature goes, then the name on the same line
    names = [s for s in segs if s not in authority and not _is_mark(s)]
    if authority and not names and not any(nd30.AUTHORITY_RE.match(s.text) or nd30.SIGNER_POST.search(s.text)
                                           for s in authority):
        # the block is a body's name alone ("VĂN PHÒNG UBND TỈNH HÀ TĨNH", FR10-CTR01; "ỦY BAN NHÂN DÂN TỈNH",
        # FR10-TC01): nobody signs; not a post printed under a name nor a name to restyle
        ck.add(SIGNER_MISSING, f"khối chữ ký chỉ có tên “{authority[-1].text}”, không có người ký: ghi quyền hạn "
               "(TM. …), chức vụ và họ tên người ký", seg=authority[-1])
        return
    if not authority:
        ck.add(SIGNER_AUTHORITY, "thiếu quyền hạn, chức vụ người ký (chữ in hoa, ví dụ “TM. ỦY BAN NHÂN DÂN”)",
               p=lines[0])
    elif len(authority) == 1 and _COLLECTIVE.match(authority[0].text):  # "BAN TỔ CHỨC" alone (FR11-CTR01)
        ck.add(SIGNER_AUTHORITY, f"“{shorten(authority[0].text, 40)}” là tên tập thể: ký thay mặt tập thể ghi “TM.” trước tên "
               "và chức vụ người ký ở dòng dưới (ví dụ “TM. BAN TỔ CHỨC” / “TRƯỞNG BAN”)", seg=authority[0])
    chair = next((s for s in authority if _CHAIR.match(s.text)), None)
    if for_body and chair is not None and not any(s.text.startswith(("TM.", "T/M", "T.M")) for s in authority):
        ck.add(SIGNER_AUTHORITY, f"văn bản của Ủy ban nhân dân (ký hiệu “…-UBND”) ký thay mặt tập thể: gõ dòng "
               f"“TM. {for_body}” trên dòng “{chair.text}”", "PL I §II.7.a", seg=chair)
    for k, s in enumerate(authority):
        text = s.text
        if re.match(r"^(T/M|K/T|T\.\s?M\b|K\.\s?T\b|TM\s|KT\s)", text):  # "T.M BAN CHỈ ĐẠO" too (FR9-BC01)
            ck.add(SIGNER_AUTHORITY, "viết tắt quyền hạn đúng “TM.”, “KT.” (chữ in hoa, dấu chấm)", seg=s)
        if text.startswith(("KT.", "TM.")) and k == len(authority) - 1:  # "TM. ỦY BAN NHÂN DÂN" alone (FR8-TTR01)
            post = "PHÓ CHỦ TỊCH" if text.startswith("KT.") else "CHỦ TỊCH"
            ck.add(SIGNER_AUTHORITY, f"sau “{text[:3]} …” phải có dòng chức vụ của người ký (ví dụ “{post}”)", seg=s,
                   level="warning")
        ck.look_check("authority", s, SIGNER_STYLE, "Quyền hạn, chức vụ người ký", fix_look=True)
        ck.size_check("signer", s, SIGNER_SIZE, "Quyền hạn, chức vụ người ký")
    post = segs[-1] if names and segs and segs[-1] in authority and segs.index(names[-1]) < len(segs) - 1 \
        and not nd30.AUTHORITY_RE.match(segs[-1].text) and not _is_mark(segs[-1]) else None
    if post is not None:  # the signer's post printed under his name (FR9-BC01, FR9-KH02)
        ck.add(SIGNER_NAME, f"dòng “{post.text}” in dưới họ tên người ký: khối chữ ký kết thúc bằng họ tên; chức vụ "
               "ghi phía trên chữ ký", "PL I §II.7", seg=post, level="warning")
    if not names:
        ck.add(SIGNER_NAME, "thiếu họ tên người ký (chữ in thường, đậm, dưới chữ ký)", p=lines[-1], level="warning")
    else:
        s = _without_mark(names[-1])
        if re.match(r"^(TS|Th\.?[sS]|PGS|GS|KS|BS|CN)\.?\s", _SIGNED_MARK.sub("", s.text)):
            ck.add(SIGNER_NAME, "không ghi học hàm, học vị trước họ tên người ký", "PL I §II.7.c", seg=s)
        if not (nd30.MERGE_FIELD.fullmatch(s.text.strip()) or nd30.PLACEHOLDER.fullmatch(s.text.strip())):  # "${LD}":
            # its case is the name's a merge puts there
            ck.look_check("signer_name", s, SIGNER_STYLE, "Họ tên người ký", fix_look=True)
        ck.size_check("signer", s, SIGNER_SIZE, "Họ tên người ký")
    # a Nơi nhận in a text box prints where its box is placed, which document order does not tell (FR8-TB02)
    if label is not None and lines and ck.order[label.index] > ck.order[lines[-1].index] and \
            label.index not in ck.cell_of and not label.in_shape:
        ck.add(RECIPIENTS_POSITION, "“Nơi nhận” phải ở bên trái, ngang hàng với dòng quyền hạn, chức vụ người ký "
               "(không đặt dưới chữ ký)", p=label, level="warning")
