"""Where each part of the document is, as `check` finds it: the document's type, the header (ô 1–4) and its
lines, the type line and the trích yếu, the frame lines inside the body, the body, Nơi nhận, the signature
block, the appendices. Finding, not judging: nothing here reports.

The type line, the trích yếu, Nơi nhận with its lines and the signature come from the one locator the
importer shares (`generator.nd30.zones`, asked with the type `generator.nd30.doctypes.identify` found);
what zones does not know is found here: a letter's "V/v" and "Kính gửi", a decision's authority line and
"QUYẾT ĐỊNH:", Phần/Chương/Mục headings (`Frame.frame`), and the
appendix labels (zones' docstring lists where the two still differ)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator import nd30
from generator.core.text import ascii_key, caseless
from generator.nd30 import doctypes
from generator.nd30.check.address import KINH_GUI, address_at, bulleted, set_under_address
from generator.nd30.check.base import Checker, Segment, segments, split_at_gaps
from generator.nd30.check.signing import looks_like_signature, signature_table, signer_name
from generator.nd30.doctypes import Identified
from generator.nd30.labels import ARTICLE, LABEL, SCOPE_HEADING
from generator.nd30.grammar import clean, is_recipients_label
from generator.nd30.zones import APPENDIX_LINE_MAX, Zones, blocks_of, locate as locate_zones, pieces, placed_right, tail_sides
from generator.word.model import Paragraph, Table

TYPE_LINE_WITHIN = 80  # a type line further down is a line of the text (an appendix's, a quoted one)
_SUBJECT = re.compile(r"^\(?\s*V/v\b", re.IGNORECASE)  # "(V/v mời giảng)" too (FR11-GDN01)
_SPACED_COLON = re.compile(r"\s+:")
_HEADLINE_FACT = re.compile(r"^(CỦA\s.*\bSỐ\s*:?\s*\d+\s*/|NGÀY\s+\d{1,2}\s+THÁNG\s+\d{1,2}\s+NĂM\s+\d{4}\s*$)")

# ---------------------------------------------------------------- header (ô 1–4), type line, trích yếu


@dataclass
class Frame:
    """The document's type and the parts around its body, found by the one locator (`generator.nd30.zones`):
    the header's paragraphs, the type line, the trích yếu, where the body starts, and the body's paragraphs
    that are the frame of its type rather than body text (the authority line and "QUYẾT ĐỊNH:" of a
    decision, "Kính gửi" of a letter, Phần/Chương/Mục headings)."""

    identified: Identified
    header: list[Paragraph]
    doc_type: Paragraph | None
    title: list[Segment]
    after_title: int  # order position right after the trích yếu (where its rule is looked for)
    body_start: int  # order position of the body's first paragraph
    enacting: int | None = None  # order position of the enacting line ("QUYẾT ĐỊNH:"): the căn cứ block ends there
    frame: set[int] = field(default_factory=set)  # paragraph indexes in the body that are not body text
    subject: list[Segment] = field(default_factory=list)  # a letter's "V/v …" lines (ô 5b)
    zones: Zones | None = None  # the one locator's answer for the document
    # the "(Ban hành kèm theo Quyết định số …)" line under the title of a document issued with a decision (a
    # Quy định, a Quy chế): it stands for the number and date, the line under the title goes under it, and the
    # document has no Nơi nhận or signature of its own
    issued_with: Paragraph | None = None
    end: int | None = None  # order position where the document ends (an attached document: the appendices)
    addressed: bool = False  # "Kính gửi:" closed the trích yếu's paragraph after a line break (FR3-TTR01)


def identify(ck: Checker) -> Identified:
    return doctypes.identify(p.text for p in ck.paras[:doctypes.HEAD_LINES])


def find_frame(ck: Checker, identified: Identified) -> Frame:
    """Where the header ends, the type line and the trích yếu, by the layout ND30 gives the type."""
    kind = identified.type
    zones = locate_zones(ck.doc, kind.name if kind is not None and kind.name else nd30.DOC_TYPE)
    doc_type = ck.paras[zones.doc_type] if zones.doc_type is not None and zones.doc_type < TYPE_LINE_WITHIN else None
    if doc_type is not None and (kind is None or not kind.name):
        doc_type = None  # a letter has no type line: a "Kế hoạch" line in it is text
    if doc_type is None and kind is not None and kind.name and identified.line.startswith(kind.name + " "):
        doc_type = _headline(ck, identified.line)  # "THÔNG BÁO NỘP BÁO CÁO …": type and subject on one line
        if doc_type is not None:
            after = ck.order[doc_type.index] + 1
            while after < len(ck.paras) and _headline_goes_on(ck.paras[after]):
                after += 1  # "(KHÓA 05DHTH VÀ 15CDTH)" centred under it: the headline's, not the body's
            frame = Frame(identified, ck.paras[:ck.order[doc_type.index]], doc_type, [], after,
                          past_blanks_and_typed_rules(ck, after), zones=zones)
            _letter_parts(ck, frame)
            _subject_under_headline(ck, frame)
            _frame_lines(ck, frame)
            return frame
    if doc_type is not None:
        header = ck.paras[:zones.doc_type]
        title = [s for i in zones.title for s in segments(ck.paras[i])
                 if not (i == zones.doc_type and s.start == 0)]
        after = (max(zones.title) if zones.title else zones.doc_type) + 1
        start = past_blanks_and_typed_rules(ck, after)
    else:
        header = _header_without_type_line(ck, zones)
        title, after = [], len(header)
        start = past_blanks_and_typed_rules(ck, after)
    # "Kính gửi: …" typed after a line break in the trích yếu's paragraph (a Tờ trình's addressee, ô 9a): not
    # the trích yếu; its further addressees are the lines that follow (`_letter_parts`)
    # a legal database's headline types the issuer, number and date under the type line ("CỦA BỘ … SỐ 07/2008/
    # CT-BTTTT", "NGÀY 30 THÁNG 12 NĂM 2008", FR3-CT01): they stand for the missing header, not the trích yếu
    title = [s for s in title if not _HEADLINE_FACT.match(s.text.strip())]
    cut = next((k for k, s in enumerate(title) if KINH_GUI.match(s.text.strip())), None)
    frame = Frame(identified, header, doc_type, title if cut is None else title[:cut], after, start, zones=zones,
                  addressed=cut is not None and cut > 0)
    _issued_with(ck, frame)
    _letter_parts(ck, frame)
    _subject_under_headline(ck, frame)
    _frame_lines(ck, frame)
    return frame


_ABOUT = re.compile(r"^\(?\s*Về\s+việc\b")


def _subject_under_headline(ck: Checker, frame: Frame) -> None:
    """A centred "Về việc …" right under a type line that carries its subject ("BIÊN BẢN HỌP TỔ CHUYÊN GIA …", no
    trích yếu of its own): the trích yếu set under the headline (FR14-BB01, BB02), not body text."""
    if frame.doc_type is None or frame.title or frame.body_start >= len(ck.paras):
        return
    p = ck.paras[frame.body_start]
    if p.index in ck.cell_of or p.alignment != "center" or not _ABOUT.match(p.text.strip()):
        return
    frame.frame.add(p.index)
    frame.body_start = past_blanks_and_typed_rules(ck, frame.body_start + 1)


def _headline(ck: Checker, line: str) -> Paragraph | None:
    """The paragraph that prints `line` (a headline doctypes.identify read the type from), near the top."""
    for p in ck.paras[:TYPE_LINE_WITHIN]:
        if p.index not in ck.cell_of and any(" ".join(raw.split()) == line for raw in p.text.split("\n")):
            return p
    return None


def _headline_goes_on(p: Paragraph) -> bool:
    """A centred line in capitals or in brackets right under a headline: its second line."""
    text = " ".join(p.text.split())
    return bool(text) and p.alignment == "center" and (text == text.upper() or text.startswith("("))


_ISSUED_WITH = re.compile(r"^\(?\s*(?:Ban\s+hành\s+)?kèm\s+theo\b", re.IGNORECASE)


def _issued_with(ck: Checker, frame: Frame) -> None:
    """A "(Ban hành kèm theo …)" line closing the title (after a line break in its last paragraph, or the
    next paragraph): not part of the trích yếu; the rule is looked for under it and the body starts after it."""
    if frame.doc_type is None:
        return
    for k, s in enumerate(frame.title):
        if _ISSUED_WITH.match(s.text):
            frame.title = frame.title[:k]
            _set_issued_with(ck, frame, ck.order[s.para.index])
            return
    i = frame.after_title
    while i < len(ck.paras) and i < frame.after_title + 3 and not ck.paras[i].text.strip():
        i += 1
    if i < len(ck.paras) and _ISSUED_WITH.match(ck.paras[i].text.strip()):
        _set_issued_with(ck, frame, i)


def _set_issued_with(ck: Checker, frame: Frame, i: int) -> None:
    """The "(Ban hành kèm theo …)" line starts at order position `i` and may run on over the next centred
    paragraphs up to its closing parenthesis; the rule is looked for, and the body starts, after it."""
    j = i
    while ")" not in ck.paras[j].text and j + 1 < len(ck.paras) and ck.paras[j + 1].text.strip() \
            and ck.paras[j + 1].alignment == "center" and j < i + 2:
        j += 1
    frame.issued_with = ck.paras[j]
    frame.after_title = j + 1
    frame.body_start = past_blanks_and_typed_rules(ck, j + 1)


def find_attached(ck: Checker, zones: Zones) -> Frame | None:
    """The document issued with this one after its tail (a decision's Quy định or Quy chế), as a frame of its
    own: its type line, title, "(Ban hành kèm theo …)" line and body, up to the appendices."""
    part = zones.attached.paragraphs
    if not len(part):
        return None
    paras = ck.paras[part.start:part.stop]
    type_at = next((k for k, p in enumerate(paras) if p.index not in ck.cell_of and p.text.strip()
                    and doctypes.type_of_line(p.text.split("\n")[0]) is not None), None)
    if type_at is None:
        return None
    doc_type = paras[type_at]
    line = doc_type.text.split("\n")[0]
    identified = Identified(doctypes.type_of_line(line), "tên loại", line)
    first = part.start + type_at
    title: list[Segment] = [s for s in segments(doc_type)[1:]]
    i = first + 1
    while i < part.stop and not title and not ck.paras[i].text.strip():
        i += 1
    while i < part.stop and ck.paras[i].text.strip() and ck.paras[i].alignment in ("center", None) \
            and not nd30.is_typed_rule(ck.paras[i].text) and not SCOPE_HEADING.match(ck.paras[i].text.strip()):
        title += segments(ck.paras[i])
        if any(_ISSUED_WITH.match(s.text) for s in segments(ck.paras[i])):
            i += 1
            break
        i += 1
    frame = Frame(identified, ck.paras[part.start:first], doc_type, title, i, past_blanks_and_typed_rules(ck, i),
                  zones=None, end=part.stop)
    _issued_with(ck, frame)
    _frame_lines(ck, frame)
    return frame


def _header_without_type_line(ck: Checker, zones: Zones) -> list[Paragraph]:
    """Without a type line: the header table, or the paragraphs before the first justified one, or up to
    the number/date line (the one locator's rule), whichever reaches further."""
    header = []
    first = ck.doc.blocks[0] if ck.doc.blocks else None
    for p in ck.paras[:40]:
        if isinstance(first, Table) and ck.cell_of.get(p.index, (None,))[0] is not first:
            break  # a header set as a table is that table
        if p.index not in ck.cell_of and p.alignment == "both" and p.text.strip():
            break
        header.append(p)
    dated = len(ck.paras[zones.header.paragraphs.start:zones.header.paragraphs.stop])
    return ck.paras[:max(len(header), dated)]


def _letter_parts(ck: Checker, frame: Frame) -> None:
    """A letter's "V/v …" trích yếu (in the header, or right under it) and its "Kính gửi:" lines: neither
    is body text; the body starts after them."""
    i = frame.body_start
    subject: list[Segment] = []
    for p in frame.header + ck.paras[i:i + 6]:
        segs = segments(p)
        if subject and p.index not in ck.cell_of and ck.order[p.index] >= i and segs \
                and ck.order[p.index] == ck.order[subject[-1].para.index] + 1 and p.alignment in ("center", None) \
                and not KINH_GUI.match(p.text.strip()):
            subject += segs  # the trích yếu's second line
            frame.frame.add(p.index)
            continue
        for s in segs:
            if _SUBJECT.match(s.text):
                subject = [s]
                subject += [t for t in segs if t.start > s.start]
                if ck.order[p.index] >= i:
                    frame.frame.add(p.index)
                break
    frame.subject = subject
    if subject and ck.order[subject[-1].para.index] >= frame.body_start:
        frame.body_start = past_blanks_and_typed_rules(ck, ck.order[subject[-1].para.index] + 1)
    k = frame.body_start
    at = address_at(ck, k)
    if frame.addressed or at is not None:
        if not frame.addressed:
            k = at
            frame.frame.add(ck.paras[k].index)
            k += 1
        # its recipients: "- Sở …;" lines, centred lines or lines set far in, before the first paragraph of text
        while k < len(ck.paras) and (not ck.paras[k].text.strip() or ck.paras[k].text.lstrip().startswith(("-", "+"))
                                     or ck.paras[k].alignment == "center" or bulleted(ck.paras[k])
                                     or set_under_address(ck.paras[k])):
            frame.frame.add(ck.paras[k].index)
            k += 1
        frame.body_start = k


def _frame_lines(ck: Checker, frame: Frame) -> None:
    """Lines of the body that belong to the type's frame, not to the body text: centred lines in capitals
    (the authority line, "QUYẾT ĐỊNH:", headings of Phần/Chương), "Phần/Chương/Mục …" headings and the
    centred name under each."""
    kind = frame.identified.type
    enacting = {caseless(kind.name + ":")} if kind is not None and kind.name else set()
    enacting |= {"quyết nghị:", "quyết định:", "nghị định:", "chỉ thị:"}
    heading_next = seen_article = False
    for i in range(frame.body_start, len(ck.paras)):
        p = ck.paras[i]
        text = " ".join(p.full_text.split())  # "QUYẾT ĐỊNH :" is the enacting line too (most lines have no ":" to look at)
        text = _SPACED_COLON.sub(":", text) if ":" in text else text
        if not text or p.index in ck.cell_of:
            continue
        if heading_next and p.alignment == "center":
            frame.frame.add(p.index)
            heading_next = False
            continue
        heading_next = False
        if ARTICLE.match(text):
            seen_article = True
        if (caseless(text) in enacting or (_ENACTING_FORMULA.match(text) and not seen_article)) \
                and frame.enacting is None:
            frame.enacting = i
            frame.frame.add(p.index)
        elif SCOPE_HEADING.match(text) and (p.alignment == "center" or len(text) < 60 or nd30.capitals_after(text)):
            frame.frame.add(p.index)
            heading_next = SCOPE_HEADING.match(text).end() >= len(text.rstrip(". "))
        elif (p.alignment == "center" or not seen_article and _placed_in(p)) and text == text.upper() \
                and any(c.isalpha() for c in text) and not LABEL.match(text):
            frame.frame.add(p.index)


def _placed_in(p) -> bool:
    """A line set towards the middle by a tab or a deep indent rather than centred (FR25-QD01's authority line
    "\tUỶ BAN NHÂN DÂN TỈNH ĐỒNG THÁP" at 35.6 mm): placed as a heading, not running text."""
    return p.text.startswith("\t") or (p.indent_left_pt or 0) + (p.indent_first_line_pt or 0) >= 57


# the enacting formula of a legal document under the 2025 law on legal documents, in place of "QUYẾT ĐỊNH:"
# ("Ủy ban nhân dân tỉnh ban hành Quyết định Quy định …"); an HĐND's in place of "QUYẾT NGHỊ:" ("Hội đồng nhân dân
# ban hành Nghị quyết …(tên gọi)…", Mẫu số 17 of NĐ 78/2025 as transcribed; FR21-NQ01 prints it so)
_ENACTING_FORMULA = re.compile(r"^((Ủy|Uỷ) ban|Hội đồng) nhân dân .{0,60}\bban hành (Quyết định|Nghị quyết|Chỉ thị)\b"
                               r"|^(Chính phủ|Thủ tướng Chính phủ|Bộ trưởng [^.]{0,60}) ban hành (Nghị định|Quyết định|Thông tư)\b")


def past_blanks_and_typed_rules(ck: Checker, i: int) -> int:
    """The order position of the first paragraph from `i` that is neither blank nor a typed rule."""
    while i < len(ck.paras) and (not ck.paras[i].text.strip() or nd30.is_typed_rule(ck.paras[i].text)):
        i += 1
    return i


# ---------------------------------------------------------------- body (ô 6), Nơi nhận, appendices


def find_recipients(ck: Checker) -> Paragraph | None:
    for p in ck.paras:
        if caseless(p.text).startswith("nơi nhận"):
            return p
    return None


def unmarked_recipients(ck: Checker) -> Paragraph | None:
    """"Noi nhan:" typed without its marks, in a table cell (where the signature is in the next cell)."""
    return next((p for p in ck.paras if p.index in ck.cell_of and ascii_key(p.text) in ("noi nhan",)), None)


def find_appendix_labels(ck: Checker) -> list[Paragraph]:
    """The appendices' "Phụ lục" lines; for an appendix typed without one after the signature, its title."""
    out = []
    for i, p in enumerate(ck.paras):
        if p.index in ck.cell_of:
            continue
        if not nd30.is_appendix_label(nd30.label_line(p.text)):
            following = [q.text for q in ck.paras[i + 1:i + 4] if q.text.strip() and q.index not in ck.cell_of]
            if (nd30.is_unlabelled_appendix(p.text, following) or is_run_in_label(p.text, following)) \
                    and after_signature(ck, p):
                recent = [q.index for q in ck.paras[max(0, i - 4):i]]  # the title of an appendix already open
                if not any(q.index in recent for q in out):
                    out.append(p)
            continue
        if p.section > 0 or p.page_break_before or out or after_signature(ck, p):
            out.append(p)
    return out


def is_run_in_label(text: str, following: list[str]) -> bool:
    """A "Phụ lục 1: <TÊN PHỤ LỤC>" line: the label run into its title, in capitals (the one locator's reading
    form, `grammar.APPENDIX_LINE`), or over a "(Kèm theo …)" line among the next two (FR9-BC02's five appendices)."""
    t = " ".join(text.replace("\f", " ").split())
    m = nd30.APPENDIX_LINE.match(t)
    if m is None or len(t) >= APPENDIX_LINE_MAX or not m["rest"].strip():
        return False
    letters = [c for c in m["rest"] if c.isalpha()]
    return len(letters) > 3 and (all(c.isupper() for c in letters)
                                 or any(x.strip().startswith(nd30.ATTACHED_PREFIX) for x in following[:2]))


_FORM_HEAD = re.compile(r"^(\(?\s*(Ban\s+hành\s+)?kèm\s+theo\b|mẫu\s+(số\s*)?\S|phụ\s+lục\b)", re.IGNORECASE)


def find_unlabelled_forms(ck: Checker, labels: list[Paragraph]) -> list[Paragraph]:
    """Forms attached after the signature under a Quốc hiệu of their own, with neither a "Phụ lục" line, a
    "Mẫu số …" line nor a "(Kèm theo …)" line (FR5-CV03's "GIẤY ĐĂNG KÝ …", FR6-TB01's "ĐƠN XIN THỰC TẬP"): an
    appendix typed without its label. Each is named by its title, in capitals, bold and centred."""
    out: list[Paragraph] = []
    taken = {p.index for p in labels}
    for i, p in enumerate(ck.paras):
        if p.index in ck.cell_of or p.index in taken or not _form_title(p) or not after_signature(ck, p):
            continue
        before = [q for q in ck.paras[max(0, i - 10):i] if q.text.strip()][-4:]
        after = [q for q in ck.paras[i + 1:i + 6] if q.text.strip()][:3]
        if any(q.index in taken or q in out for q in before) \
                or not any(nd30.looks_national(piece.text) and len(piece.text) < 45 for q in before for piece in pieces(q)) \
                or any(_FORM_HEAD.match(piece.text) for q in before + after for piece in pieces(q)):
            continue
        out.append(p)
    return out


def _form_title(p: Paragraph) -> bool:
    if p.alignment != "center" or not p.bold:  # (asked of every paragraph: the cheap tests first)
        return False
    text = " ".join(p.text.split())
    letters = [c for c in text if c.isalpha()]
    return p.alignment == "center" and bool(p.bold) and 4 <= len(letters) and len(text) <= 80 \
        and all(c.isupper() for c in letters) and not nd30.looks_national(text) and not nd30.is_motto_like(text)


def after_signature(ck: Checker, p: Paragraph) -> bool:
    rec = find_recipients(ck)
    if rec is None and (signed := signature_table(ck)) is not None:  # a biên bản's signatures, no Nơi nhận (FR14-BB02)
        return ck.order[p.index] > ck.order[next(signed.paragraphs()).index]
    return rec is not None and ck.order[p.index] > ck.order[rec.index]


def body_end(ck: Checker, recipients: Paragraph | None, appendices: list[Paragraph]) -> int:
    ends = [len(ck.paras)]
    if recipients is not None:
        cell = ck.cell_of.get(recipients.index)
        if cell is not None:
            first = cell[0].rows[0].cells[0].paragraphs
            ends.append(ck.order[first[0].index] if first else ck.order[recipients.index])
        else:
            ends.append(ck.order[recipients.index])
    if appendices:
        ends.append(ck.order[appendices[0].index])
    if recipients is None and (signed := signature_table(ck)) is not None:
        ends.append(ck.order[next(signed.paragraphs()).index])  # the members' signing list after it is no content
    return min(ends)


def body_paragraphs(ck: Checker, start: int, end: int) -> list[Paragraph]:
    """The body's paragraphs with text, outside tables and shapes, without the signature lines typed after it."""
    body = [p for p in ck.paras[start:end] if p.index not in ck.cell_of and p.text.strip() and not p.in_shape]
    # trailing signature lines typed as paragraphs belong to the signature block, not the body: the authority
    # and title in capitals, and the signer's name under them (centred, bold, short, no closing punctuation)
    tab = _default_tab(ck)
    while body and (nd30.AUTHORITY_RE.match(body[-1].text.strip()) or looks_like_signature(body[-1])
                    or placed_right(body[-1], tab)  # typed far right with tabs or spaces (FR5-QD01 "CHỦ TỊCH")
                    or (len(body) > 1 and signer_name(body[-1]) and looks_like_signature(body[-2]))
                    or _captions_row(body[-1])):
        body.pop()
    typed = typed_signature_start(body, tab)
    return body if typed is None else body[:typed]


def _captions_row(p: Paragraph) -> bool:
    """Signing captions set side by side with tabs ("Khoa Quản lý môn học / Khoa CNTT / Người đề nghị", FR11-GDN01):
    two or more short pieces, none ending as a sentence does."""
    pieces = [" ".join(x.split()) for x in p.text.split("\t") if x.strip()]
    return len(pieces) >= 2 and all(len(x) <= 40 and not x.endswith((".", ";", ":", ",")) for x in pieces)


def _set_right(p: Paragraph, tab: float) -> bool:
    """A short line set at the right of the page as a signature line is: aligned right or centred, or pushed
    right with tabs or spaces, with no sentence's punctuation at its end."""
    text = p.text.strip(" \t\u00a0")
    if not text or len(text) > 60 or "\t" in text or "\n" in text or text.endswith((".", ";", ":", ",")) \
            or text.startswith(("-", "+", "Nơi")):
        return False
    return p.alignment in ("right", "center") or placed_right(p, tab)


def typed_signature_start(paras: list[Paragraph], tab: float = 36.0) -> int | None:
    """Where a signature block typed as plain paragraphs ends `paras`: the trailing run of short lines set at
    the right ("TL. Hiệu trưởng" / "Phó Hiệu trưởng" / "Võ Thanh Hải" / "(đã ký)", right-aligned, FR6-TB02),
    blank lines between them, holding an authority line (TM., KT., TL., …). None: `paras` end with no such run."""
    k = len(paras)
    while k > 0 and (not paras[k - 1].text.strip() or _set_right(paras[k - 1], tab)):
        k -= 1
    if not any(nd30.AUTHORITY_RE.match(p.text.strip(" \t\u00a0")) for p in paras[k:]):
        return None
    while k < len(paras) and not paras[k].text.strip():
        k += 1
    return k


def _default_tab(ck: Checker) -> float:
    return float(ck.doc.settings.get("default_tab_stop_pt") or 36.0)


# ---------------------------------------------------------------- Nơi nhận, signature block (ô 9b, 7)


@dataclass
class Tail:
    """Nơi nhận and the signature, by the one locator: the label's line, each recipient's line (a line
    after a line break in the same paragraph is a line of its own), the signature block's paragraphs
    (None: read them as before, the tail being typed with tabs on shared lines)."""

    label: Paragraph | None
    label_line: Segment | None
    items: list[Segment]
    signature: list[Paragraph] | None
    signature_lines: list[Segment] = field(default_factory=list)  # the right side's lines when tabs share them


def find_tail(ck: Checker, frame: Frame) -> Tail:
    zones = frame.zones
    if zones is None or zones.recipients_label is None:
        return Tail(None, None, [], None)
    label = ck.paras[zones.recipients_label]
    label_line = next((s for s in segments(label) if is_recipients_label(s.text)), None)
    left, right = tail_sides(blocks_of(ck.doc, zones.tail))
    on_left: dict[int, set[str]] = {}
    for piece, p in left:
        on_left.setdefault(p.index, set()).add(piece.text)
    on_right: dict[int, set[str]] = {}
    for piece, p in right:
        on_right.setdefault(p.index, set()).add(piece.text)
    items: list[Segment] = []
    for pos in zones.recipients:
        p = ck.paras[pos]
        items += [s for s in segments(p) if s is not label_line and not (label_line is not None and p is label
                  and s.start == label_line.start) and clean(s.text).strip() in on_left.get(p.index, set())]
    # "Nơi nhận:\t\t\tVĂN PHÒNG UBND …": the label's own line shares the signature's first line too (FR10-CTR01)
    shared = {s.para.index for s in items} | {label.index}
    signature = [ck.paras[i] for i in zones.signature]
    for p in signature:  # signature lines typed far right above "Nơi nhận:", outside the tail's blocks
        if p.index not in on_right and p.index not in on_left:
            on_right[p.index] = {piece.text for piece in pieces(p)}
    if any(p.index in shared for p in signature):
        lines = [s for p in signature for s in segments(p) if clean(s.text).strip() in on_right.get(p.index, set())]
        return Tail(label, label_line, items, None, lines)
    # "Nơi nhận:          KT.GIÁM ĐỐC" / "- Như điều 4;          PHÓ GIÁM ĐỐC": the signer's lines pushed right with
    # spaces on the Nơi nhận lines (FR15-QD02): the left line ends before the gap; what follows it is the signature's
    beside: list[Segment] = []
    if label_line is not None:
        label_line, more = _left_of_gap(label_line)
        beside += more
    kept: list[Segment] = []
    for s in items:
        s, more = _left_of_gap(s)
        kept.append(s)
        beside += more
    if beside:
        return Tail(label, label_line, kept, None, beside + [s for p in signature for s in segments(p)])
    return Tail(label, label_line, items, signature)


def _signer_piece(text: str) -> bool:
    """Text after a gap of spaces that is a signature line: an authority ("KT. …", "TM. …") or a post in capitals."""
    text = text.strip()
    return bool(nd30.AUTHORITY_RE.match(text)) or (text.isupper() and len(text) > 3)


def _left_of_gap(s: Segment) -> tuple[Segment, list[Segment]]:
    """A Nơi nhận line cut where a gap of spaces sets a signature line beside it: (the line, the signer's pieces);
    the line must close before the gap ("Nơi nhận:", "- Như điều 4;") so a name spaced out inside it stays whole."""
    parts = split_at_gaps(s, _signer_piece)
    if len(parts) == 1 or not parts[0].text.rstrip().endswith((":", ";", ".", ",")):
        return s, []
    return parts[0], parts[1:]


def recipient_items(ck: Checker, label: Paragraph, stop: int) -> list[Paragraph]:
    """The lines under "Nơi nhận:": the rest of its cell, or the "-" lines that follow it."""
    out = []
    i = ck.order[label.index] + 1
    cell = ck.cell_of.get(label.index)
    while i < stop:
        p = ck.paras[i]
        if (ck.cell_of.get(p.index) or (None, None, None))[:3] != (cell or (None, None, None))[:3]:
            break
        if not p.text.strip():
            if out and cell is None:
                break
            i += 1
            continue
        if cell is None and not p.text.lstrip().startswith("-"):
            break
        out.append(p)
        i += 1
    return out


def signature_lines(ck: Checker, label: Paragraph | None, items: list[Paragraph], body_start: int, body_end: int,
                    stop: int) -> list[Paragraph]:
    """The signature block's lines: the other cells of Nơi nhận's row, the cell of the first "TM."/"KT."
    line, or the paragraphs between the body and the appendices that are not Nơi nhận."""
    if label is not None and label.index in ck.cell_of:
        table, r, c = ck.cell_of[label.index]
        row = table.rows[r]
        out = [p for k, cell in enumerate(row.cells) if k != c for p in cell.paragraphs if p.text.strip()]
        if out:
            return out
    skip = {p.index for p in items} | ({label.index} if label else set())
    # the first "TM. …"/"KT. …" line after the title that sits in a table (the signature block's cell)
    authority = next((p for p in ck.paras[body_start:stop] if nd30.AUTHORITY_RE.match(p.text.strip())
                      and p.index in ck.cell_of), None)
    if authority is not None and authority.index in ck.cell_of:
        table, r, c = ck.cell_of[authority.index]
        return [p for p in table.rows[r].cells[c].paragraphs if p.text.strip() and p.index not in skip]
    signed = signature_table(ck) if label is None else None
    if signed is not None:  # "THƯ KÝ" | "TỔ TRƯỞNG" side by side after the text (FR14-BB01)
        return [p for p in signed.paragraphs() if p.text.strip()]
    # paragraphs between the body and the appendices (or just before Nơi nhận) that are not Nơi nhận
    start = body_end
    while start > 0 and (nd30.AUTHORITY_RE.match(ck.paras[start - 1].text.strip())
                         or looks_like_signature(ck.paras[start - 1]) or not ck.paras[start - 1].text.strip()
                         or (placed_right(ck.paras[start - 1], _default_tab(ck))
                             and ck.paras[start - 1].index not in ck.cell_of)
                         or (start > 1 and signer_name(ck.paras[start - 1])  # the name under "BỘ TRƯỞNG" (FR3-CT01)
                             and looks_like_signature(ck.paras[start - 2]))):
        start -= 1
    typed = [p for p in ck.paras[body_start:start] if p.index not in ck.cell_of]
    k = typed_signature_start(typed, _default_tab(ck))
    if k is not None and k < len(typed):  # a signature typed as short lines at the right (FR6-TB02)
        start = ck.order[typed[k].index]
    return [p for p in ck.paras[start:stop] if p.text.strip() and p.index not in skip and p.index not in ck.cell_of]
