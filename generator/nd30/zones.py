"""Where the parts of an administrative document are: one pure function, `locate(doc)`, over the reader's
`Document`, giving paragraph positions and block ranges — what each part *says* is for its reader (the
importer reads values out of them, `check` judges them).

Positions: a paragraph is named by its position in `list(doc.paragraphs())` (document order, table cells
and text boxes included; the same number as `Paragraph.index` for a document the reader made). A part
also gives its run of `doc.blocks` (top-level paragraphs and tables), because a header or a Nơi nhận set
as a table is one block, and a table with no paragraph still has a place.

The layout ND30 gives every document (PL I §II), top to bottom:

    header      issuer (left, capitals) | Quốc hiệu, Tiêu ngữ (right); number line | place-and-date line
                (side by side in a borderless table, or tab-aligned paragraphs)
    doc_type    the type name on its own line ("KẾ HOẠCH"), centred
    title       the trích yếu, centred and bold, under the type line (may share its paragraph after a
                line break), closed by a rule
    body        legal bases, preamble, sections …, the last paragraph ending with "./." (closing)
    tail        "Nơi nhận:" and its items on the left, the signature (authority TM./KT., title, name) on
                the right: side by side in a table, or tab-aligned paragraphs
    back        the appendices: "Phụ lục I", its name, "(Kèm theo … của …)", its table

How each part is found (the importer's rules, which read real offices' files; `check` asks this module
for the type line, the title and the tail):
- doc_type: the first top-level paragraph whose first line is the type name in any case and spacing
  (`grammar.is_doc_type_line`). No type line: the header runs to the last of the first 12 blocks that
  holds a number or date line in the reading form (`NUMBER_LINE`, `DATE_LINE`), and the body starts there.
- title: the paragraphs after the type line (blank lines and rules before it skipped) while they are
  centred or bold — all of them bold and centred (or unaligned) after the first — up to a table, a
  "Căn cứ" line, a label, or the first blank line or rule after the title (which it takes with it).
- tail: the first block after the type line that is, or is a table holding, a paragraph opening with
  "Nơi nhận" (`grammar.is_recipients_label`). None: the tail is empty at the end of the document. A tail set
  as a table of two or more columns ends before the next table (an attached file's box is not Nơi nhận).
  Signature lines just above it, typed far right or, when Nơi nhận is in a text box, in the text box before
  it, are the tail's right side (`Zones.signature`), not the end of the body.
- back: from the first top-level paragraph after the tail's first block that opens with "Phụ lục" in the
  reading form (`APPENDIX_LINE`, under 200 characters). Without a tail there are no appendices.
- attached: a document issued with this one, between the tail and the appendices: from the first block after
  the tail's first one that is a header table holding a Quốc hiệu, a form's "Mẫu số …" line, or a type line in
  capitals with a "(Ban hành kèm theo …)" line within its next four paragraphs; it ends the tail (its lines are
  neither recipients nor signature). The importer does not read it.
- body: between the title (or the header) and the tail.
- the tail's two sides: a table's first column is the left side, its other columns the right; in a
  paragraph, a piece before the first tab is on the left unless the paragraph is centred and the piece
  does not open with "-" or "Nơi" (a centred signature line). Left pieces are Nơi nhận (label, items, the
  "Lưu:" line), right pieces the signature (typed rules left out). `tail_sides` gives the pieces.
- each appendix: a "Phụ lục" line starts one when the previous one has its table already (before that it is
  a line of the name); then its name lines, the "(Kèm theo … của …)" line (`ATTACHED_LINE`), paragraphs
  between that line and the table, the table, paragraphs after the table. A table after another table
  starts an appendix without a label.

Where `check` locates (generator/nd30/check/locate.py), point by point against this module:
1. Type line: check asks this module, with the type `doctypes.identify` found ("QUYẾT ĐỊNH", …); a
   type line past the first 80 paragraphs is not one. → done (check follows).
2. No type line (a letter): check's header is the longest of the header table, the paragraphs before the
   first justified one, and this module's header (to the last number/date line of the first 12 blocks);
   then a letter's "V/v …" and "Kính gửi:" lines, which this module leaves in the body, are skipped.
   → check follows, and knows more (a letter's parts could come here: a visible change to the importer).
3. Title: check takes this module's title paragraphs (a title after a line break in the type line's
   paragraph included) and starts the body after the blank lines and typed rules under it. → done.
4. Nơi nhận: check takes this module's tail label; only when there is none (a label before the type
   line) the first paragraph anywhere opening with "nơi nhận". → done.
5. Body end: check also ends the body at the first appendix label, so a document without Nơi nhận still
   has its appendices; here a document without Nơi nhận has no appendices (the importer reads their
   tables as tables in the body and says so). → the importer would change (a visible change) if
   appendices in a later section should count without Nơi nhận.
6. Signature typed as paragraphs above Nơi nhận: when this module's tail has no right side, check takes
   trailing "TM."/"KT." lines and centred bold capitals at the end of the body as the signature; here they
   stay in the body. → either; the importer would change (a visible change).
7. Recipients: check takes this module's left-side pieces of the tail, each line after a line break a
   recipient line of its own (`tail_sides`). → done.
8. Signature lines: check takes this module's right-side paragraphs, except when a paragraph holds both
   sides (a tail typed with tabs): then its own reading (the cells of the label's row, the cell of the
   first "TM."-like line, or paragraphs at the body's end). → check, for tab-shared lines.
9. Appendix labels: check wants "Phụ lục [n]" alone on its line (≤ 20 characters, `is_appendix_label`),
   outside tables, in a later section, after a page break or after Nơi nhận, and counts every such line;
   here a label may carry its name on the same line and a second label before the first appendix's table
   is a line of its name. → check (it then judges the label's form as today).
10. "(Kèm theo …)": check takes the first of the next three non-blank paragraphs (within five) opening with
   "(Kèm theo" or "(Ban hành kèm theo"; here the line before the table matching `ATTACHED_LINE` (which
   needs "của …"). → check.
11. Header parts (national, motto, number, date) are found here with check's finding forms
   (`looks_national`, `is_motto_like`, `looks_number`, `looks_date`), so a wrongly typed line is still
   found to be judged; the importer reads values with the reading forms. The issuer here is the left
   side's capitals (check: any piece in capitals longer than 2 characters). → check for the issuer.
12. Closing: check judges the last paragraph of the body (outside tables and text boxes, after dropping
   trailing signature lines, see 6, and notes wholly in parentheses) whether or not it ends with "./.";
   here `closing` is that paragraph only when it is unlabelled text ending with "./." (the importer's
   closing sentence). → check takes its last paragraph from `body_paragraphs`.
Where both agree: the header is everything before the type line; a Nơi nhận set in a table ends the
body at the table's first paragraph.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from generator.nd30.grammar import (APPENDIX_LINE, ARCHIVE_LINE, ATTACHED_LINE, DATE_LINE, DOC_TYPE,
                                    LEGAL_BASIS_START, CLOSING_END, NUMBER_LINE, RULE_LINE, SUBJECT_IN_TYPE_LINE,
                                    clean, is_doc_type_line, is_motto_like, is_recipients_label,
                                    is_unlabelled_appendix, looks_date, looks_national, looks_number)
from generator.nd30.labels import LABEL, read_label
from generator.word.model import Block, Document, Paragraph, Table

HEADER_BLOCKS = 12  # without a type line, the number/date line is looked for in this many first blocks
APPENDIX_LINE_MAX = 200  # a longer paragraph opening with "Phụ lục" is a sentence, not a label


@dataclass(frozen=True)
class Part:
    """A run of the document: its blocks (indexes into doc.blocks) and their paragraphs (positions)."""

    blocks: range
    paragraphs: range


@dataclass(frozen=True)
class AppendixZone:
    blocks: range  # from its label (or its table) to the next appendix
    label: int | None  # the "Phụ lục …" paragraph; None for a table after the signature with no label
    title: tuple[int, ...]  # paragraphs of its name before the "(Kèm theo …)" line (the label's line may hold it too)
    attached: int | None  # the "(Kèm theo … của …)" paragraph
    before: tuple[int, ...]  # paragraphs between the "(Kèm theo …)" line and the table
    table: int | None  # index in doc.blocks of its table; None when it has none
    after: tuple[int, ...]  # paragraphs after its table, before the next appendix


@dataclass(frozen=True)
class Zones:
    header: Part  # everything before the type line (without one: up to the number/date line)
    issuer: tuple[int, ...]  # header paragraphs with the issuer's lines (left side, capitals)
    national: int | None  # the Quốc hiệu paragraph
    motto: int | None  # the Tiêu ngữ paragraph (may be the national's, after a line break)
    number: int | None  # the "Số: …/…" paragraph
    date: int | None  # the place-and-date paragraph (may be the number's, after a tab)
    doc_type: int | None  # the type line ("KẾ HOẠCH"); None when there is none
    title: tuple[int, ...]  # the trích yếu's paragraphs (doc_type's own when the title follows it after a line break)
    body: Part  # from after the title (and its rule) to the tail
    closing: int | None  # the body's last paragraph when it is unlabelled text ending with "./."
    tail: Part  # from the block holding "Nơi nhận" to the first appendix
    recipients_label: int | None  # the paragraph opening with "Nơi nhận"; None: no tail found
    recipients: tuple[int, ...]  # paragraphs with Nơi nhận items (the "Lưu:" line included)
    archive: int | None  # the paragraph of the (last) "Lưu: …" item
    signature: tuple[int, ...]  # paragraphs with signature lines: authority (TM., KT.), title, name
    back: Part  # the appendices, after the tail
    appendices: tuple[AppendixZone, ...]
    stray: tuple[int, ...]  # paragraphs after the tail that belong to no appendix
    # a document issued with this one ("QUY ĐỊNH … (Ban hành kèm theo Quyết định số …)"), from its header (or its
    # type line) to the first appendix; empty when there is none. It is not part of the tail.
    attached: Part = Part(range(0), range(0))
    attached_form: bool = False  # what is attached is a form to fill in (its pages numbered as its own)


class Piece(NamedTuple):
    """A paragraph's text between tabs and line breaks, cleaned, as the eye reads a tab-aligned header."""

    text: str
    bold: bool  # every visible character bold (the run's or the paragraph's)
    col: int  # tab column: 0 before the first tab (a paragraph opening with a tab counts from it)


def pieces(p: Paragraph) -> list[Piece]:
    """(text, bold, tab column) pieces of a paragraph, split at tabs and line breaks."""
    out: list[Piece] = []
    chars: list[str] = []  # appended one by one: `text += ch` on a closure's variable copies the text each time
    bolds: list[bool] = []
    col = 0
    starts_tab = p.text.startswith("\t")

    def flush():
        text = clean("".join(chars)).strip()
        if text:
            visible = [b for ch, b in zip(chars, bolds) if not ch.isspace()]
            out.append(Piece(text, all(visible), col - (1 if starts_tab else 0)))
        chars.clear()
        bolds.clear()

    for run in p.runs:
        if run.change == "del":
            continue
        for ch in run.text:
            if ch == "\t":
                flush()
                col += 1
            elif ch in "\n\f":
                flush()
                col = 1 if starts_tab else 0
            else:
                chars.append(ch)
                bolds.append(run.bold or bool(p.bold))
    flush()
    return out


Sided = list[tuple[Piece, Paragraph]]

RIGHT_PT = 100.0  # a line's text starting this far in (about 35 mm) is placed on the right, not indented


def lead_pt(p: Paragraph, default_tab_pt: float = 36.0) -> float:
    """How far from the left indent the text of a paragraph starts when typed after tabs and spaces: each tab
    reaches the paragraph's next tab stop (else the next default stop), each space a quarter of the type size."""
    pos = (p.indent_left_pt or 0.0) + (p.indent_first_line_pt or 0.0)
    size = next((r.size_pt for r in p.runs if r.size_pt), None) or p.size_pt or 13.0
    for ch in p.text:
        if ch == "\t":
            stops = sorted(at for al, at in p.tab_stops if al != "clear" and at > pos + 0.01)
            pos = stops[0] if stops else (int(pos / default_tab_pt + 1e-6) + 1) * default_tab_pt
        elif ch in " \u00a0":
            pos += size / 4
        else:
            break
    return pos - (p.indent_left_pt or 0.0)


def placed_right(p: Paragraph, default_tab_pt: float = 36.0) -> bool:
    """A short line pushed to the right with leading tabs or spaces and holding one piece ("\t\t\tCHỦ TỊCH",
    "      Trần Văn An"): a signature line typed without a table, as the page shows it."""
    text = p.text.strip(" \t\u00a0")
    if not text or len(text) > 60 or re.search(r"[\t\n]", text) or text.endswith((".", ";", ":", ",")) \
            or text.startswith(("-", "+", "Nơi")) or p.alignment in ("center", "right"):
        return False
    return p.text[:1] in ("\t", " ", "\u00a0") and lead_pt(p, default_tab_pt) >= RIGHT_PT


def _sides(blocks: list[Block], centred_signs: bool) -> tuple[Sided, Sided]:
    left: Sided = []
    right: Sided = []
    for block in blocks:
        if isinstance(block, Table):
            # in the tail, a row above the one holding "Nơi nhận:" is signatures side by side: an approver's block
            # ("HIỆU TRƯỞNG / Phê duyệt đề án / … / Hồ Văn Thành") left of the signer's, the Nơi nhận under both
            # (FR19-DA01): its first cell is neither recipients nor the signer's (that one is at the right)
            label_row = next((r for r, row in enumerate(block.rows) if any(
                is_recipients_label(p.text) for cell in row.cells for p in cell.paragraphs)), None) \
                if centred_signs else None
            for r, row in enumerate(block.rows):
                above = label_row is not None and r < label_row
                for cell in row.cells:
                    if above and cell.col == 0 and any(p.text.strip() for c in row.cells if c.col > 0
                                                       for p in c.paragraphs):
                        continue
                    side = left if cell.col == 0 and not above else right
                    closed = False  # in the tail: past the "Lưu" line of the Nơi nhận cell
                    for p in cell.paragraphs:
                        here = side
                        if centred_signs and cell.col == 0 and closed and p.alignment == "center":
                            here = right  # a signature typed (or nested) under the Nơi nhận list, centred
                        here += [(piece, p) for piece in pieces(p)]
                        closed = closed or bool(ARCHIVE_LINE.match(recipient_line(p.text.split("\n")[-1])))
        else:
            pushed = centred_signs and placed_right(block)  # one piece typed far right: a signature line
            for piece in pieces(block):
                on_left = piece.col <= 0 and not pushed and not (centred_signs and block.alignment == "center"
                                                                 and not piece.text.startswith(("-", "Nơi")))
                (left if on_left else right).append((piece, block))
    return left, right


def header_sides(blocks: list[Block]) -> tuple[Sided, Sided]:
    """The header's left side (issuer) and right side (Quốc hiệu, date): a table's first column, or the
    pieces before the first tab."""
    return _sides(blocks, centred_signs=False)


def tail_sides(blocks: list[Block]) -> tuple[Sided, Sided]:
    """The tail's left side (Nơi nhận) and right side (signature), as the header's; and a centred piece
    before the first tab is a signature line unless it opens with "-" or "Nơi"."""
    return _sides(blocks, centred_signs=True)


def recipient_line(text: str) -> str:
    """A Nơi nhận item without its leading dash or bullet."""
    return text.lstrip("-–•+ ").strip()


def is_tail(block: Block) -> bool:
    """A paragraph opening with "Nơi nhận", or a table holding one."""
    if isinstance(block, Table):
        return any(is_recipients_label(p.text) for p in block.paragraphs())
    return is_recipients_label(block.text)


def _dated(block: Block) -> bool:
    texts = [p.text for p in (block.paragraphs() if isinstance(block, Table) else [block])]
    return any(NUMBER_LINE.match(s.strip()) or DATE_LINE.match(s.strip()) for t in texts for s in re.split(r"[\t\n]", t))


def _header_piece(text: str) -> str | None:
    """Which line of the header a piece is meant as: national, motto, number, date (finding forms), or None."""
    for kind, test in (("national", looks_national), ("motto", is_motto_like), ("number", looks_number),
                       ("date", looks_date)):
        if test(text):
            return kind
    return None


def _lines(text: str) -> list[str]:
    return [clean(x).strip() for x in text.split("\n") if clean(x).strip()]


def _letters_bold(p: Paragraph) -> bool:
    """Every letter and digit of the paragraph bold: a comma or a space left regular does not show (FR3-BC01's
    trích yếu line "năm 2026 và phương hướng, nhiệm vụ …" with its ", " in a regular run)."""
    if p.bold:
        return True
    chars = [run.bold for run in p.runs if run.change != "del" for ch in run.text if ch.isalnum()]
    return bool(chars) and all(chars)


def _title(blocks: list[Block], at: int) -> tuple[list[int], int]:
    """Blocks of the trích yếu after the type line at `at`, and the block the body starts at."""
    found = [at] if _lines("\n".join(blocks[at].text.split("\n")[1:])) else []
    seen = bool(found)  # a title line was read already
    i = at + 1
    while i < len(blocks):
        b = blocks[i]
        if isinstance(b, Table):
            break
        text = b.text.strip()
        if not text or RULE_LINE.match(text):
            i += 1
            if seen:
                break
            continue
        if seen and (b.alignment not in ("center", None) or not _letters_bold(b)):
            break
        if seen and _caps(text) and not _caps(blocks[found[-1]].text.split("\n")[-1]):
            break  # a line in capitals under a trích yếu in lower case: a decision's thẩm quyền line (Mẫu 1.2)
        if seen and _AUTHORITY_NAME.match(text) and len(text) < 100 \
                and not _JOINS.search(blocks[found[-1]].text.split("\n")[-1].strip()):
            break  # "ỦY BAN NHÂN DÂN TỈNH …" under a trích yếu in capitals that ended its phrase: its thẩm quyền (FR7-QD02)
        if text.startswith(LEGAL_BASIS_START) or LABEL.match(text) or b.list_label:
            break
        if not seen and b.alignment not in ("center",) and not _letters_bold(b):
            break
        if _lines(b.text):
            found.append(i)
            seen = True
        i += 1
    return found, i


# the thẩm quyền ban hành of a decision or resolution, on its own line under the trích yếu (PL III, Mẫu 1.1–1.3);
# a trích yếu line that ends on a word joining it to the next ("… CỦA", "… VÀ") carries on there instead
_AUTHORITY_NAME = re.compile(r"^(?:(?:ỦY|UỶ) BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN|CHỦ TỊCH|BỘ TRƯỞNG|THỦ TƯỚNG CHÍNH PHỦ|"
                             r"CHÍNH PHỦ|GIÁM ĐỐC|HIỆU TRƯỞNG|CỤC TRƯỞNG|TỔNG CỤC TRƯỞNG|VỤ TRƯỞNG|CHÁNH VĂN PHÒNG)\b")
_JOINS = re.compile(r"(?:\b(?:CỦA|VÀ|VỀ|CHO|TẠI|TRÊN|THUỘC|VỚI|ĐỐI VỚI|TỪ|ĐẾN|CÁC|NHỮNG|TRONG)|[-,–])$")


def _caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def body_paragraphs(blocks: list[Block]) -> list[Paragraph]:
    """The body's paragraphs that carry words: tables, empty text boxes, blank lines and rules left out."""
    out = []
    for block in blocks:
        if isinstance(block, Table) or (block.in_shape and not block.text.strip()):
            continue
        text = block.text.strip()
        if not text or RULE_LINE.match(text):
            continue
        kind, _, _, rest = read_label(block.text, block.list_label, block.ilvl, block.heading_level)
        if clean(rest).strip() or kind != "text":
            out.append(block)
    return out


def _closing(blocks: list[Block]) -> Paragraph | None:
    paras = body_paragraphs(blocks)
    if not paras:
        return None
    last = paras[-1]
    kind, _, _, rest = read_label(last.text, last.list_label, last.ilvl, last.heading_level)
    return last if kind == "text" and CLOSING_END.search(clean(rest).strip()) else None


def _appendices(blocks: list[Block], first: int, pos) -> tuple[list[AppendixZone], list[int]]:
    out: list[dict] = []
    stray: list[int] = []
    current: dict | None = None
    for i in range(first, len(blocks)):
        block = blocks[i]
        if isinstance(block, Paragraph):
            text = clean(block.text).strip()
            if not text or RULE_LINE.match(text):
                continue
            if APPENDIX_LINE.match(text) and (current is None or current["table"] is not None) \
                    and len(text) < APPENDIX_LINE_MAX:
                current = {"start": i, "label": pos(block), "title": [], "attached": None,
                           "before": [], "table": None, "after": []}
                out.append(current)
            elif current is None and _unlabelled(blocks, i):  # an appendix typed without its "Phụ lục" line
                current = {"start": i, "label": None, "title": [pos(block)], "attached": None,
                           "before": [], "table": None, "after": []}
                out.append(current)
            elif current is None:
                stray.append(pos(block))
            elif ATTACHED_LINE.match(text) and current["table"] is None:
                current["attached"] = pos(block)
            elif current["table"] is None and current["attached"] is not None:
                current["before"].append(pos(block))
            elif current["table"] is None:
                current["title"].append(pos(block))
            else:
                current["after"].append(pos(block))
        else:
            if current is None or current["table"] is not None:
                current = {"start": i, "label": None, "title": [], "attached": None, "before": [], "table": None,
                           "after": []}
                out.append(current)
            current["table"] = i
    for k, a in enumerate(out):  # an appendix runs to the next one (blank lines between them included)
        a["end"] = out[k + 1]["start"] if k + 1 < len(out) else len(blocks)
    return [AppendixZone(range(a["start"], a["end"]), a["label"], tuple(a["title"]), a["attached"], tuple(a["before"]),
                         a["table"], tuple(a["after"])) for a in out], stray


def _unlabelled(blocks: list[Block], i: int) -> bool:
    """Block `i` is the title of an appendix typed without its "Phụ lục" line (grammar.is_unlabelled_appendix)."""
    block = blocks[i]
    if not isinstance(block, Paragraph):
        return False
    following = [x for b in blocks[i + 1:i + 4] if isinstance(b, Paragraph) for x in _lines(b.text)]
    return is_unlabelled_appendix(block.text, following)


_ISSUED_WITH = re.compile(r"^\(?\s*(?:Ban\s+hành\s+)?kèm\s+theo\b", re.IGNORECASE)
_FORM_LINE = re.compile(r"^(MẪU|Mẫu)\s+(SỐ|số)\s*\w+")
_FORM_TITLE = re.compile(r"^(PHIẾU|ĐƠN|GIẤY|TỜ\s+KHAI|BẢN\s+KHAI|BẢN\s+ĐĂNG\s+KÝ|BẢN\s+TÓM\s+TẮT)\b")
_BLANKS = re.compile(r"(\.{5,}|…{3,}|_{5,})")
# a form named in sentence case: "Mẫu đánh giá tình hình thực hiện …" (FR26-CV01, a letter's attached form)
_FORM_NAMED = re.compile(r"^(Mẫu|Phiếu|Biểu\s+mẫu)\s+\w")


def _blank_form(first: str, following: list[Block]) -> bool:
    """A form's title in capitals ("PHIẾU …", "ĐƠN …", "GIẤY ĐĂNG KÝ …") with lines of dotted blanks to fill in
    among the next paragraphs: a blank form attached after the signature."""
    letters = [c for c in first if c.isalpha()]
    if not (_FORM_TITLE.match(first) and letters and all(c.isupper() for c in letters) or _FORM_NAMED.match(first)):
        return False
    texts = [p.text for b in following for p in (b.paragraphs() if isinstance(b, Table) else [b])]
    return sum(bool(_BLANKS.search(t)) for t in texts) >= 2


def _form_at(blocks: list[Block], i: int) -> bool:
    first = _lines(blocks[i].text) if isinstance(blocks[i], Paragraph) else []
    return bool(first) and bool(_FORM_LINE.match(first[0]) or _blank_form(first[0], blocks[i + 1:i + 13]))


def _attached_start(blocks: list[Block], tail_from: int, stop: int, tailed: bool = True) -> int | None:
    """The block where a document issued with this one starts after its tail (a decision's Quy định or Quy
    chế, a circular's forms): a header table holding a Quốc hiệu, a form's "Mẫu số …" line, or a type line in
    capitals followed, within its next four paragraphs, by a "(Ban hành kèm theo …)" line. None: there is none
    before `stop`. Not `tailed` (a published copy without Nơi nhận, FR21-QD02: searched from the body on), only
    that type line, or a Quốc hiệu right before it (its header shares the signature's table)."""
    from generator.nd30.doctypes import type_of_line

    def issued(i: int) -> bool:
        first = _lines(blocks[i].text) if isinstance(blocks[i], Paragraph) else []
        if not first or type_of_line(first[0]) is None:
            return False
        following = first[1:] + [x for b in blocks[i + 1:i + 5] if isinstance(b, Paragraph) for x in _lines(b.text)]
        return any(_ISSUED_WITH.match(x) for x in following[:6])

    for i in range(tail_from + 1, stop):
        block = blocks[i]

        def soon() -> bool:
            return tailed or any(issued(k) for k in range(i + 1, min(i + 4, stop)))

        if isinstance(block, Table):
            if any(looks_national(x) for p in block.paragraphs() for x in _lines(p.text)) and soon():
                return i
            continue
        if any(looks_national(piece.text) for piece in pieces(block)) and soon():
            return i  # a header typed with tabs: "TRƯỜNG …\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
        if tailed and _form_at(blocks, i):
            return i  # the forms issued with it ("MẪU SỐ 01A", "Mẫu số 1 ban hành kèm theo …"), a blank form
        if issued(i):
            return i
    return None


def locate(doc: Document, doc_type: str = DOC_TYPE) -> Zones:
    """The zones of `doc`, an administrative document whose type line is `doc_type` (the type names of ND30's
    Phụ lục III, "KẾ HOẠCH" by default; a document without one, such as a công văn, is read by its number
    and date lines)."""
    blocks = list(doc.blocks)
    starts, n = [], 0
    position: dict[int, int] = {}
    for block in blocks:
        starts.append(n)
        for p in (block.paragraphs() if isinstance(block, Table) else [block]):
            position[id(p)] = n
            n += 1
    starts.append(n)

    def pos(p: Paragraph) -> int:
        return position[id(p)]

    def part(first: int, stop: int) -> Part:
        first, stop = min(first, len(blocks)), min(stop, len(blocks))
        stop = max(first, stop)
        return Part(range(first, stop), range(starts[first], starts[stop]))

    type_at = next((i for i, b in enumerate(blocks) if isinstance(b, Paragraph)
                    and is_doc_type_line(b.text.split("\n")[0], doc_type)), None)
    tail_at = next((i for i, b in enumerate(blocks) if i > (-1 if type_at is None else type_at) and is_tail(b)),
                   None)
    if type_at is None:
        header_end = max((i for i, b in enumerate(blocks[:HEADER_BLOCKS]) if _dated(b)), default=-1) + 1
        title, body_from = [], header_end
    elif doc_type in SUBJECT_IN_TYPE_LINE:  # its subject is on the type line: no trích yếu under it
        header_end, title, body_from = type_at, [], type_at + 1
    else:
        header_end = type_at
        title, body_from = _title(blocks, type_at)
    tail_from = len(blocks) if tail_at is None else tail_at
    back_from = next((i for i, b in enumerate(blocks) if i > tail_from and isinstance(b, Paragraph)
                      and (APPENDIX_LINE.match(b.text) and len(b.text.strip()) < APPENDIX_LINE_MAX
                           or _unlabelled(blocks, i))), len(blocks))
    attached_from = _attached_start(blocks, tail_from, back_from) if tail_at is not None else \
        _attached_start(blocks, body_from, back_from, tailed=False)
    # signature lines typed far right with tabs or spaces just above "Nơi nhận:" ("\t\t\tCHỦ TỊCH"): the right
    # column of the tail, typed before its left one, not the end of the body
    default_tab = float(doc.settings.get("default_tab_stop_pt") or 36.0) if hasattr(doc, "settings") else 36.0
    sign_from = tail_from
    if tail_at is not None:
        # or, a Nơi nhận in a text box, the text box just before it: the signature's, placed beside it (FR8-TB02)
        boxed = isinstance(blocks[tail_at], Paragraph) and blocks[tail_at].in_shape
        k = tail_from
        while k - 1 > body_from and isinstance(blocks[k - 1], Paragraph) \
                and (not blocks[k - 1].text.strip() or placed_right(blocks[k - 1], default_tab)
                     or boxed and blocks[k - 1].in_shape):
            k -= 1
        if any(blocks[j].text.strip() for j in range(k, tail_from)):
            sign_from = k
    tail_stop = back_from if attached_from is None else attached_from
    if tail_at is not None and isinstance(blocks[tail_at], Table) and max(
            (len(row.cells) for row in blocks[tail_at].rows), default=0) > 1:
        # a tail set as a table of both sides ends with it: a further table is not Nơi nhận nor signature (the box
        # of a document's attached file, "FILE ĐƯỢC ĐÍNH KÈM THEO VĂN BẢN", FR7-QD02)
        tail_stop = next((i for i in range(tail_at + 1, tail_stop) if isinstance(blocks[i], Table)), tail_stop)

    header = blocks[:header_end]
    found: dict[str, int] = {}
    for block in header:
        for p in (block.paragraphs() if isinstance(block, Table) else [block]):
            for piece in pieces(p):
                kind = _header_piece(piece.text)
                if kind and kind not in found:
                    found[kind] = pos(p)
    issuer = []
    for piece, p in header_sides(header)[0]:
        if _header_piece(piece.text) is None and not RULE_LINE.match(piece.text) \
                and piece.text == piece.text.upper() and pos(p) not in issuer:
            issuer.append(pos(p))

    label = None
    if tail_at is not None:
        holder = blocks[tail_at]
        label = next(pos(p) for p in (holder.paragraphs() if isinstance(holder, Table) else [holder])
                     if is_recipients_label(p.text))
    left, right = tail_sides(blocks[tail_from:tail_stop])
    recipients, archive = [], None
    for piece, p in left:
        if is_recipients_label(piece.text) or not recipient_line(piece.text):
            continue
        if ARCHIVE_LINE.match(recipient_line(piece.text)):
            archive = pos(p)
        if pos(p) not in recipients:
            recipients.append(pos(p))
    signature = [starts[j] for j in range(sign_from, tail_from) if blocks[j].text.strip()]
    for piece, p in right:
        if not RULE_LINE.match(piece.text) and pos(p) not in signature:
            signature.append(pos(p))

    closing = _closing(blocks[body_from:sign_from])
    appendices, stray = _appendices(blocks, back_from, pos)
    return Zones(
        header=part(0, header_end), issuer=tuple(issuer), national=found.get("national"), motto=found.get("motto"),
        number=found.get("number"), date=found.get("date"),
        doc_type=None if type_at is None else starts[type_at], title=tuple(starts[i] for i in title),
        body=part(body_from, sign_from), closing=None if closing is None else pos(closing),
        tail=part(tail_from, tail_stop), recipients_label=label, recipients=tuple(recipients), archive=archive,
        signature=tuple(signature), back=part(back_from, len(blocks)), appendices=tuple(appendices),
        stray=tuple(stray), attached=part(tail_stop, back_from) if attached_from is not None else part(0, 0),
        attached_form=attached_from is not None and tail_at is not None and _form_at(blocks, attached_from))


def blocks_of(doc: Document, part: Part) -> list[Block]:
    return list(doc.blocks)[part.blocks.start:part.blocks.stop]


__all__ = ["Zones", "Part", "AppendixZone", "Piece", "locate", "pieces", "placed_right", "lead_pt", "header_sides", "tail_sides", "is_tail",
           "recipient_line", "body_paragraphs", "blocks_of"]
