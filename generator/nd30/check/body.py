"""The body (ô 6, PL I §II.6): the labels of mục, khoản and điểm and their order, the paragraphs' look
(justified, first-line indent, upright, spacing, size), and the closing "./."."""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import dropwhile, takewhile

from generator import nd30
from generator.core.text import caseless, decimal, shorten, text_width_pt
from generator.core.units import PT_PER_MM
from generator.nd30.check.base import SIZE_PAIR, Checker, Fix, Level, Rule, content_table_end, format_fix, segments
from generator.nd30.check.headings import (HEADING_NUMBERING, HEADING_SEQUENCE, HEADING_STYLE, bold_share, titled,
                                           check_article_look, check_article_number, check_khoan_look, check_label,
                                           heads_text, khoan_siblings)
from generator.nd30.check.continuation import continues_sentence
from generator.nd30.check.figures import beside_figures, displayed, formula_piece
from generator.nd30.check.locate import Frame, body_paragraphs
from generator.nd30.labels import ARTICLE, SCOPE_HEADING, label_of, roman, roman_value, split_label
from generator.word.model import Paragraph, Run

BODY_JUSTIFY = Rule("body.justify", "nội dung canh đều hai lề", "PL I §II.6.e")
BODY_INDENT = Rule("body.indent", "thụt đầu dòng 1 cm hoặc 1,27 cm", "PL I §II.6.e")
BODY_ITALIC = Rule("body.italic", "nội dung chữ đứng", "PL I §II.6.a, §II.6.e")
BODY_SPACING = Rule("body.spacing", "khoảng cách đoạn tối thiểu 6 pt", "PL I §II.6.e")
BODY_LINE_SPACING = Rule("body.line-spacing", "khoảng cách dòng đơn đến 1,5", "PL I §II.6.e")
BODY_SIZE = Rule("body.size", "cỡ chữ nội dung 13–14", "PL I §II.6.e", fixable=True)
CLOSING_MARK = Rule("closing.mark", "kết thúc bằng “./.”", "PL III, các Mẫu")
BODY_BASES = Rule("body.bases", "căn cứ in nghiêng, mỗi căn cứ một dòng, cuối dòng dấu “;”", "PL I §II.6.a")
RULES = (BODY_JUSTIFY, BODY_INDENT, BODY_ITALIC, BODY_SPACING,
         BODY_LINE_SPACING, BODY_SIZE, CLOSING_MARK, BODY_BASES)

_BASES = ("căn cứ", "theo đề nghị", "xét đề nghị")  # the căn cứ block's lines, italic (PL I §II.6.a)
_WARNINGS = (BODY_SPACING, BODY_LINE_SPACING, BODY_ITALIC)  # matters of taste more than of the decree


@dataclass(frozen=True)
class _Odd:
    size: float
    text: str
    fix: Fix | None
# a point's letter typed with a comma, its text opening in a capital ("a, Cơ sở …"): not "a, b và c"
_TABLE_LABEL = re.compile(r"^(?:Bảng|Biểu|BẢNG|BIỂU)\s+(?:số\s+)?(?:\d{1,2}|[IVX]{1,4})[.:]?$")
_SLASH_LABEL = re.compile(r"^(?P<label>(?:\d{1,2}|[a-zđ])/)[ \t\u00a0]+(?=\S)")  # "1/ …", "a/ …", not "1/2 số"
_COMMA_POINT = re.compile(r"^(?P<letter>[a-zđ]),[ \t\u00a0]+(?=[A-ZĐÀ-Ỹ])")


def check_body(ck: Checker, start: int, end: int, frame: Frame | None = None) -> None:
    """The body's paragraphs, without the lines of the type's frame (`Frame.frame`); italic is the căn cứ
    block's own up to the enacting line ("QUYẾT ĐỊNH:"). Numbering restarts in each scope: Phần, Chương,
    Mục and Điều restart mục, khoản and điểm; a mục restarts khoản; a khoản restarts điểm."""
    skip = frame.frame if frame is not None else set()
    enacting = frame.enacting if frame is not None else None
    body = [p for p in body_paragraphs(ck, start, end) if p.index not in skip]
    counters = {"roman": 0, "arabic": 0, "letter": 0}
    articles: list[int] = []  # the Điều numbers so far: one sequence through the whole text
    grouped: dict[Rule, list[tuple[Paragraph, str, str | None, Fix | None]]] = {}

    def later(rule: Rule, p: Paragraph, text: str, fix: Fix | None = None, ref: str | None = None) -> None:
        grouped.setdefault(rule, []).append((p, text, ref, fix))

    # Phần, Chương, Mục headings are the frame's lines (not in `body`), but they still restart the numbering
    # a text that amends another quotes that text's numbering ("2. Sửa đổi khoản 2 Mục I như sau:" then "2. …"):
    # its sequence is not this document's and is not judged
    amending = sum(1 for p in body if _AMENDING.match(p.text.strip())) >= 2
    scopes = sorted(ck.order[p.index] for p in ck.paras[start:end]
                    if p.index in skip and SCOPE_HEADING.match(p.full_text.strip()))
    last_at = -1
    part_open = False  # a part "A.", "B." was just opened: its first mục or khoản may start again at 1
    beside = beside_figures(ck, start, end)
    notes = _notes_across(body)
    text_size = _text_size(body)
    opening = _bases_block(body)
    siblings = khoan_siblings(body)
    quoting, closed = False, False  # inside the quoted new wording of an amending text: from a line opening "“" to one closing "”"
    for k, p in enumerate(body):
        text = p.text.strip()
        # the line as printed: an "Điều 1." or "Chương I" given by Word's list numbering opens its scope as a typed
        # one does (FR18-TT01's Điều 1.–30. from numbering.xml, their khoản 1., 2. restarting under each)
        head = p.full_text.strip()
        at = ck.order[p.index]
        quoting = amending and (quoting and not closed or text.startswith("“"))
        closed = text.rstrip(" .;").endswith("”")
        if any(last_at < s_at < at for s_at in scopes):
            counters.update(roman=0, arabic=0, letter=0)
        last_at = at
        if SCOPE_HEADING.match(head):
            counters.update(roman=0, arabic=0, letter=0)
        elif _PART.match(text) and (bold_share(p, 0) or 0) > 0.5:
            # a part "A.", "B." of a report, in bold, above its mục and khoản: they may start again at 1 under it
            # (FR7-BC01) or run on (FR6-TB02's khoản 1.–14. through parts A. and B.)
            part_open = True
        elif m := ARTICLE.match(head):
            counters.update(arabic=0, letter=0)
            if not quoting:  # an Điều of the amended text's, quoted (FR15-ND01's "“Mục 2. …" / "Điều 24. …")
                check_article_number(ck, p, int(m["n"]), articles)
        label = p.list_label or split_label(p.text)[0]
        rest = p.text if p.list_label else split_label(p.text)[1]
        kind = label_of(label) if label else None
        if kind is None and re.fullmatch(r"[a-zđ]\.", (p.list_label or "").strip()):  # Word's "a." list (FR11-TB02)
            ck.add(HEADING_NUMBERING, f"điểm đánh “{p.list_label.strip()}”; ND30 đánh điểm a), b), c)…", p=p)
        elif kind is None and (slash := _SLASH_LABEL.match(f"{p.list_label} " if p.list_label else text)) is not None:
            # "1/ Thời gian chuyển: …", "a/ Văn phòng khoa:" (FR5-TB01): counted as the khoản and points they stand for
            number = slash["label"][:-1]
            if number.isdigit():
                ck.add(HEADING_NUMBERING, f"khoản đánh “{slash['label']}”; ND30 đánh khoản 1., 2., 3.…", p=p)
                counters.update(arabic=int(number), letter=0)
            else:
                ck.add(HEADING_NUMBERING, f"điểm đánh “{slash['label']}”; ND30 đánh điểm a), b), c)…", p=p)
                counters["letter"] = label_of(number + ")")[1]
        elif kind is None and not p.list_label and (comma := _COMMA_POINT.match(text)) is not None:
            # "a, Cơ sở phân chia gói thầu: …" … "h, …" then "i)" (FR14-TTR01): points typed with a comma, counted
            # as points so the next is no skip, and told
            ck.add(HEADING_NUMBERING, f"điểm đánh “{comma['letter']},”; ND30 đánh điểm a), b), c)…", p=p)
            counters["letter"] = label_of(comma["letter"] + ")")[1]
        seg = next(iter(segments(p)), None)
        if kind is not None and kind[0] == "dotted":
            counters["letter"] = 0  # "1.1.", "1.2." each start their own points a), b)
        if kind is not None and amending and kind[0] in counters:
            counters[kind[0]] = max(0, kind[1] - 1)  # the quoted number is taken as it stands
        if kind is not None and part_open and kind[0] in ("roman", "arabic"):
            part_open = False
            if kind[1] == 1:
                counters.update(roman=0, arabic=0, letter=0) if kind[0] == "roman" else counters.update(arabic=0,
                                                                                                        letter=0)
        if kind is not None:
            check_label(ck, p, label, kind, counters, rest)
            if kind[0] == "arabic":
                check_khoan_look(ck, p, label, rest, body[k + 1] if k + 1 < len(body) else None, siblings.get(p.index, []))
                # the next khoản run on in this paragraph ("… phải có.4. Phải có …", FR10-QD02) is still numbered
                if any(int(g["n"]) == counters["arabic"] + 1 and rest[g.end()].isupper() for g in _RUN_ON.finditer(rest)):
                    counters["arabic"] += 1
        elif ARTICLE.match(head):
            check_article_look(ck, p)
        is_heading = kind is not None and kind[0] == "roman"
        if seg is None:
            continue
        if kind is not None and kind[0] in ("roman", "arabic") and text_size is not None:
            _title_size(ck, p, kind[0], text_size, later)
        if p.index in beside or formula_piece(p):
            continue  # a note or caption wrapped beside a picture belongs to the figure, not to the running text; nor
            # is a piece of a formula built of small paragraphs
        if _TABLE_LABEL.match(text) and p.alignment in ("right", "center"):
            continue  # "Bảng số 1" set flush right above its table (FR14-TTR01): the table's label, not running text
        placed = displayed(p)  # a displayed formula: placed by itself, not a paragraph of text
        if not is_heading and not (_is_note(p) and p.alignment == "center"):
            # a line set left that does not wrap prints as it would justified (FR10-KH01's "1. Mục tiêu tổng quát")
            if not placed and ((p.alignment and p.alignment not in ("both", "left")) or
                               (p.alignment in (None, "left") and _wraps(ck, p))):
                later(BODY_JUSTIFY, p, "nội dung phải canh đều hai lề: chọn đoạn và bấm Ctrl+J")
            first_mm, typed = _first_line_start_mm(ck, p)
            left_mm = _left_mm(p)
            if not typed and not left_mm and (p.indent_left_pt or 0) < 0 and not p.list_label \
                    and nd30.first_line_ok(first_mm + p.indent_left_pt / PT_PER_MM):
                first_mm += p.indent_left_pt / PT_PER_MM  # moved into the margin, it starts where it should (FR28-CV03)
            # the second half of a sentence cut by a hard return prints as its wrapped line: no indent, no space of its own
            carried = continues_sentence(ck, p)
            placed = placed or carried
            if typed and not placed and not _SPACED_INDENT_MM[0] <= first_mm <= _SPACED_INDENT_MM[1]:
                later(BODY_INDENT, p, f"đầu dòng lùi vào khoảng {first_mm:.0f} mm bằng dấu cách, phải lùi 10 mm hoặc "
                      "12,7 mm: xoá các dấu cách đầu dòng và đặt Paragraph › Special › First line")
            elif not typed and not placed and not nd30.first_line_ok(first_mm) and left_mm:
                later(BODY_INDENT, p, f"dòng đầu bắt đầu cách lề trái {_mm(first_mm)} mm (cả đoạn lùi vào "
                      f"{_mm(left_mm)} mm), phải lùi vào 10 mm hoặc 12,7 mm: đặt Paragraph › Indentation › Left 0 "
                      "và Special › First line 1 cm")
            elif not typed and not placed and not nd30.first_line_ok(first_mm):
                later(BODY_INDENT, p, f"thụt đầu dòng {_mm(first_mm)} mm, phải lùi vào 10 mm hoặc 12,7 mm "
                      "(1 cm hoặc 1,27 cm): Paragraph › Special › First line".replace(".", ",", 1))
            in_bases = enacting is not None and ck.order[p.index] < enacting or p.index in opening
            if _mostly_italic(p) and not in_bases and not caseless(p.text).startswith(_BASES) and p.index not in notes \
                    and not p.text.rstrip().endswith(":") and not _run_in_title(ck, p, kind, rest) \
                    and (kind is None or kind[0] != "letter") \
                    and not heads_text(p, after := body[k + 1] if k + 1 < len(body) else None,
                                       after is not None and _mostly_italic(after)):
                later(BODY_ITALIC, p, "nội dung trình bày kiểu chữ đứng (chỉ phần căn cứ in nghiêng): chọn đoạn và bỏ nghiêng (Ctrl+I)")
            if not carried:
                _spacing(ck, p, later)
            if not nd30.line_spacing_ok(p.line_spacing, seg.size):
                later(BODY_LINE_SPACING, p, "khoảng cách dòng phải từ dòng đơn đến 1,5 dòng: đặt Line spacing trong Paragraph")
        size = seg.size
        if size is not None and not 13 <= size <= 14:
            later(BODY_SIZE, p, f"cỡ chữ nội dung {decimal(size)}, phải từ 13 đến 14: chọn đoạn và đặt cỡ chữ {decimal(ck.sizes['body'])}", format_fix(seg, size=ck.sizes["body"]))
        elif odd := _odd_size(p):
            want = odd.fix.size if odd.fix is not None else ck.sizes["body"]
            later(BODY_SIZE, p, f"cỡ chữ {decimal(odd.size)} ở “{shorten(odd.text, 40)}” trong đoạn nội dung, phải từ 13 đến 14: chọn "
                  f"các chữ đó và đặt cỡ chữ {decimal(want)}", odd.fix)
        # no size pair for the body: the footnote of PL I §V pairs the Quốc hiệu, the Tiêu ngữ and the date only;
        # body text anywhere in 13–14 is right whatever the pair (issue 20: 14 pt bodies under a 12/13 header)
    _heading_sizes(ck, [p for p in ck.paras[start:end] if p.index in skip and p.index not in ck.cell_of], later)
    if enacting is not None and start <= enacting < end:
        _formula_size(ck, ck.paras[enacting], later)
    # the authority line over the căn cứ ("BỘ TRƯỞNG BỘ Y TẾ", FR18-QD01): the frame's lines before the body's first
    first = ck.order[body[0].index] if body else None
    if first is not None:
        for p in ck.paras[start:first]:
            seg, text = next(iter(segments(p)), None), p.text.strip()
            if SCOPE_HEADING.match(p.full_text.strip()):
                break  # a Chương and its name: headings (`_heading_sizes`)
            if p.index in skip and p.index not in ck.cell_of and seg is not None and seg.size is not None \
                    and not 13 <= seg.size <= 14 and text == text.upper() and sum(c.isalpha() for c in text) > 3:
                later(BODY_SIZE, p, f"dòng “{shorten(text, 40)}” cỡ chữ {decimal(seg.size)}, phải từ 13 đến 14: chọn "
                      f"dòng và đặt cỡ chữ {decimal(ck.sizes['body'])}", format_fix(seg, size=ck.sizes["body"]))
    chapters: list[list] = [[]]
    for p in ck.paras[start:end]:  # Phần, Chương, Mục headings (the frame's lines): centred (PL I §II.6.b)
        text = p.full_text.strip()
        if p.index in skip and p.index not in ck.cell_of and SCOPE_HEADING.match(text) and \
                p.alignment in (None, "left", "both") and not ck.centred_by_spaces(p):
            later(HEADING_STYLE, p, f"tiêu đề “{shorten(text, 30)}” phải canh giữa: chọn dòng và bấm Ctrl+E")
        scope = SCOPE_HEADING.match(text) if p.index in skip and p.index not in ck.cell_of else None
        if scope and scope["word"].lower() == "phần":
            chapters.append([])  # a Phần numbers its chương from I again
        elif scope and scope["word"].lower() == "chương" and (n := roman_value(scope["n"]) if not
                                                            scope["n"].isdigit() else int(scope["n"])):
            chapters[-1].append((p, scope, n))
        if scope and scope["n"].isdigit() and scope["word"].lower() in ("phần", "chương"):  # "Chương 1." (FR12-QD05)
            ck.add(HEADING_NUMBERING, f"số thứ tự của {scope['word'].lower()} dùng chữ số La Mã: viết “{scope['word']} "
                   f"{roman(int(scope['n']))}”, không “{scope['word']} {scope['n']}”", "PL I §II.6.c", p=p)
    _chapter_numbers(ck, chapters)
    for rule, items in grouped.items():
        level: Level = "warning" if rule in _WARNINGS else "error"
        for p, text, ref, fix in items:
            ck.add(rule, text, ref, p=p, level=level, fix=fix)
    kind = frame.identified.type if frame is not None else None
    if kind is None or kind.name:  # a letter has no căn cứ block (Mẫu 1.5): its "Căn cứ …" is prose (FR5-CV01)
        check_bases(ck, body)
    running = [p for p in body if not _is_note(p)]  # a note after the closing sentence is an aside
    if running:
        last = running[-1]
        closing_table = content_table_end(ck, last, end, frame)  # the content goes on in a table (FR10/FR11-CTR01)
        if closing_table is not None:
            if not any(p.text.rstrip().endswith(nd30.CLOSING_MARK) for c in closing_table[0].rows[-1].cells for p in c.paragraphs):
                ck.add(CLOSING_MARK, f"nội dung kết thúc bằng bảng mà không có dấu “{nd30.CLOSING_MARK}”: gõ "
                       f"“{nd30.CLOSING_MARK}” ở dòng ngay dưới bảng", p=closing_table[1])
        elif not last.text.rstrip().endswith(nd30.CLOSING_MARK):
            ck.add(CLOSING_MARK, f"đoạn cuối phần nội dung phải kết thúc bằng dấu “{nd30.CLOSING_MARK}”: gõ “/.” ngay sau dấu chấm "
                   "cuối", p=last)


def _odd_size(p: Paragraph) -> _Odd | None:
    """Words of a body paragraph set at a size outside 13–14 among words that are not ("tổng hợp./." at 12 pt
    ending a 14 pt line, CV04): the size and the words, None when no such size holds three letters; the fix
    sets them at the size of the paragraph's other words when they are one stretch of text."""
    pos = 0
    odd: dict[float, list[tuple[int, int, str]]] = {}
    sized: list[Run] = []  # the runs within 13–14
    for run in p.runs:
        if run.change == "del":
            continue
        end = pos + len(run.text)
        if run.size_pt is not None and not 13 <= run.size_pt <= 14:
            odd.setdefault(run.size_pt, []).append((pos, end, run.text))
        elif run.size_pt is not None:
            sized.append(run)
        pos = end
    if not odd:  # (nearly every paragraph: its letters are not counted)
        return None
    right: dict[float, int] = {}  # letters at each size within 13–14
    for run in sized:
        right[run.size_pt] = right.get(run.size_pt, 0) + sum(c.isalnum() for c in run.text)
    for size, spans in odd.items():
        text = "".join(piece for _, _, piece in spans)
        if sum(c.isalnum() for c in text) < 3:
            continue
        fix = None
        if right and all(a[1] == b[0] for a, b in zip(spans, spans[1:])):
            fix = Fix("format", p.index, spans[0][0], spans[-1][1], size=max(right, key=lambda s: right[s]))
        return _Odd(size, " ".join(text.split()), fix)
    return None


def _run_in_title(ck: Checker, p: Paragraph, kind: tuple[str, int] | None, rest: str) -> bool:
    """A numbered or starred one-line title over the text it heads, italic by the writer's choice of a lower level:
    "2.1. Thực hiện các tiêu chí về nông thôn mới" in bold italic (FR8-BC01), "* Theo quy định tại Thông tư số
    03/2023/TT-BTC" over the block it introduces (FR8-TTR01). Running text is a sentence and ends with its
    punctuation; an unmarked short line is a sentence of the body too ("Mẫu đơn tại file đính kèm", FR6-TB01)."""
    if kind is None and rest.lstrip().startswith("*"):
        rest = rest.lstrip()[1:]
    elif kind is None:
        return False
    return titled(rest) and not _wraps(ck, p)


def _mostly_italic(p: Paragraph) -> bool:
    """Running text set in italic: most of its letters italic, leaving out quotations and asides in
    parentheses (italic by custom), and not a note wholly in parentheses; italic asides, quotations and
    run-in labels do not make the paragraph italic (PL I §II.6.e asks the body upright, not every word)."""
    if _is_note(p) or not any(run.italic and run.change != "del" for run in p.runs):
        return False  # no italic letter at all: the letter walk below would count none (it is costly per letter)
    italic = total = depth = 0
    quoted = False
    label: tuple[int, int] | None = (0, 0)  # (italic, total) letters before the first ":", while in it
    for run in p.runs:
        if run.change == "del":
            continue
        for c in run.text:
            if c in "“«":
                quoted = True
            elif c in "”»":
                quoted = False
            elif c == "(":
                depth += 1
            elif c == ")":
                depth = max(0, depth - 1)
            elif c == ":" and label is not None and not quoted and not depth:
                if label[1] and label[0] == label[1]:  # an italic run-in label ("+ Đối với …:") is set aside
                    italic, total = italic - label[0], total - label[1]
                label = None
            elif c.isalnum() and not quoted and not depth:
                total += 1
                italic += 1 if run.italic else 0
                if label is not None:
                    label = (label[0] + (1 if run.italic else 0), label[1] + 1)
    return total > 0 and italic / total > 0.5


def _numbered_title(p: Paragraph) -> bool:
    """A numbered heading ("1. Căn cứ pháp lý", its number a Word list's: FR14-TTR02), not a basis: a Tờ trình's
    khoản title names the bases its content then gives."""
    label = p.list_label or split_label(p.text)[0]
    return bool(label) and label_of(label) is not None


def _chapter_numbers(ck: Checker, parts: list[list]) -> None:
    """A chương numbered out of its place between two in place ("Chương III", "Chương VI", "Chương V": the fourth
    typed VI, FR13-ND01); a number skipped for good (III, V, VI) is the drafter's numbering, not a slip."""
    for chapters in parts:
        for k in range(1, len(chapters) - 1):
            (_, _, before), (p, scope, n), (_, _, after) = chapters[k - 1], chapters[k], chapters[k + 1]
            if n != before + 1 and after == before + 2:
                ck.add(HEADING_SEQUENCE, f"chương “{scope['n']}” sai thứ tự: theo thứ tự phải là “{scope['word']} "
                       f"{roman(before + 1)}”", "PL I §II.6.c", p=p)


def _on_new_page(ck: Checker, section: int) -> bool:
    """The section starts a page: its first line tops the page, where no space above it shows (FR14-TTR01)."""
    sections = ck.doc.sections
    return section < len(sections) and sections[section].break_type in ("nextPage", "evenPage", "oddPage")


def _bases_block(body: list[Paragraph]) -> set[int]:
    """The căn cứ block the body opens with: its "Căn cứ …" lines, and an italic line closed by ";" among them that
    lost its word "Căn cứ" ("Quyết định số 42/2025/QĐ-CTUBND …;", FR14-QD02): a basis, italic as the others."""
    block: set[int] = set()
    for p in body:
        text = caseless(p.text.strip())
        if not text:
            continue
        if _numbered_title(p):
            break
        if text.startswith(_BASES) or block and _mostly_italic(p) and p.text.rstrip().endswith(";"):
            block.add(p.index)
        else:
            break
    return block


def check_bases(ck: Checker, body: list[Paragraph]) -> None:
    """The căn cứ lines the body opens with (PL I §II.6.a): italic, one per line, each ending with ";" (not
    ","). A sentence further down that opens with "Căn cứ" is text, not a legal basis; so is one that leads
    into what follows with a colon ("Căn cứ vào kế hoạch …, Phòng Đào tạo thông báo … như sau:", FR3-TB01)."""
    bases: list[Paragraph] = []
    # a HĐND session's "(Từ ngày … đến ngày …)" under its authority line stands above the căn cứ (FR13-NQ01)
    body = list(dropwhile(lambda p: bool(re.fullmatch(r"\(.*\)", p.text.strip(), re.DOTALL)), body))
    for p in body:
        lost = bases and _mostly_italic(p) and p.text.rstrip().endswith((";", ","))  # its "Căn cứ" lost (FR13-NQ01)
        if not (caseless(p.text.strip()).startswith("căn cứ") or lost) or p.text.rstrip().endswith(":") \
                or _numbered_title(p):
            break
        bases.append(p)
    if not bases:
        return
    upright = [p for p in bases if not _mostly_italic(p)]
    if len(upright) * 2 > len(bases):
        ck.add(BODY_BASES, "các dòng căn cứ trình bày chữ nghiêng: chọn các dòng “Căn cứ …” và bấm Ctrl+I", p=upright[0],
               level="warning")
    # the proposal lines that close the block ("Theo đề nghị của …", "Xét …", Mẫu 1.2) are its last lines
    # and a resolution's "Sau khi xem xét Tờ trình …; Báo cáo thẩm tra …" (Mẫu 1.1; FR13-NQ01)
    # an upright "Theo đề nghị …" under italic bases, not above the enacting line, is the text of a Tờ trình, not
    # the block's last line (FR26-TTR01: the last căn cứ ends with "." before it)
    proposals = list(takewhile(lambda p: caseless(p.text.strip()).startswith(("theo đề nghị", "xét ", "sau khi xem xét")),
                               body[len(bases):]))
    if proposals and not _mostly_italic(proposals[-1]) and not upright and not _decides_next(ck, proposals[-1]):
        proposals = []
    block = bases + proposals
    for p in block[:-1]:
        if p.text.rstrip().endswith(","):
            ck.add(BODY_BASES, "mỗi căn cứ kết thúc bằng dấu chấm phẩy “;”, không phải dấu phẩy: sửa dấu cuối dòng", p=p)
        elif p.text.rstrip().endswith(".") and not p.text.rstrip().endswith(("..", "./.")):  # FR5-HD01
            ck.add(BODY_BASES, "mỗi căn cứ kết thúc bằng dấu chấm phẩy “;”, không phải dấu chấm: sửa dấu cuối dòng", p=p)
    if block[-1].text.rstrip().endswith(","):
        ck.add(BODY_BASES, "dòng cuối của phần căn cứ kết thúc bằng dấu chấm “.”, không phải dấu phẩy: sửa dấu cuối "
               "dòng", p=block[-1])
    elif block[-1].text.rstrip().endswith(";") and _decides_next(ck, block[-1]):
        # the last căn cứ closed by ";" right above "QUYẾT ĐỊNH" or Điều 1 (FR16-QD01); one above a sentence that
        # goes on ("Căn cứ …; Ủy ban nhân dân tỉnh ban hành Kế hoạch …") is not the block's last line
        ck.add(BODY_BASES, "dòng cuối của phần căn cứ kết thúc bằng dấu chấm “.”, không phải dấu chấm phẩy: sửa dấu "
               "cuối dòng", p=block[-1])


def _decides_next(ck: Checker, p: Paragraph) -> bool:
    """The next line with text after `p` is the enacting line ("QUYẾT ĐỊNH:", "QUYẾT NGHỊ:", with or without its
    colon) or an Điều: the căn cứ block ends at `p`."""
    for q in ck.paras[ck.order[p.index] + 1:]:
        text = " ".join(q.text.split())
        if not text:
            continue
        return bool(ARTICLE.match(text)) or caseless(text.rstrip(" :")) in ("quyết định", "quyết nghị")
    return False


# "2. Sửa đổi khoản 2 Mục I như sau:", or the amended part named first ("2. Khoản 2 Điều 3 được sửa đổi, bổ sung như
# sau:", "6. Bổ sung khoản 3a Điều 7 như sau:", FR15-ND01)
_AMENDING = re.compile(r"^\d+\.\s*(?:(Sửa đổi|Bổ sung|Thay thế|Bãi bỏ)\b|[^:]{0,120}?\bđược\s+(sửa đổi|bổ sung|thay thế)\b)"
                       r".*như sau:\s*$", re.IGNORECASE)


def _heading_sizes(ck: Checker, lines: list[Paragraph], later) -> None:
    """Phần/Chương/Mục headings and the names under them at one size through the document (PL I §V footnote:
    sizes in one document are consistent): a line at another size than most of them is reported."""
    heads, after = [], False
    for p in lines:
        text = p.full_text.strip()
        if SCOPE_HEADING.match(text):
            heads.append(p)
            after = True
        elif after and text:
            heads.append(p)
            after = False
    sizes = {}
    for p in heads:
        seg = next(iter(segments(p)), None)
        if seg is not None and seg.size and not 13 <= seg.size <= 14:  # PL I §II.6.c: 13–14, as the text
            later(HEADING_STYLE, p, f"tiêu đề “{shorten(p.full_text, 30)}” cỡ chữ {decimal(seg.size)}, phải từ 13 đến 14: "
                  f"chọn dòng và đặt cỡ chữ {decimal(ck.sizes['body'])}", format_fix(seg, size=ck.sizes["body"]),
                  "PL I §II.6.c")
        elif seg is not None and seg.size:
            sizes[p.index] = seg.size
    if len(sizes) < 4:
        return
    values = list(sizes.values())
    common = max(set(values), key=values.count)
    if values.count(common) * 4 < len(values) * 3:
        return  # no clear size for the headings: nothing to compare with
    for p in heads:
        if p.index in sizes and sizes[p.index] != common:
            later(SIZE_PAIR, p, f"cỡ chữ {decimal(sizes[p.index])} khác cỡ {decimal(common)} của các tiêu đề phần, chương, mục khác: "
                  f"đặt cỡ chữ {decimal(common)}", format_fix(segments(p)[0], size=common), "PL I §V, chú thích")


def _spacing(ck: Checker, p: Paragraph, later) -> None:
    """At least 6 pt between paragraphs: the gap on the page is what the paragraph above leaves after it plus what this
    one asks before it (Word adds the two); a paragraph whose own before and after are 0 under one ending "after 6 pt"
    is spaced right (issue 20, FR3-BC01), one with 4.5 pt before under one with 0 after is not (FR3-CV01)."""
    at = ck.order[p.index]
    above = ck.paras[at - 1] if at > 0 else None
    spacing = (p.space_before_pt or 0) + (above.space_after_pt or 0 if above is not None and
                                           ck.cell_of.get(above.index) == ck.cell_of.get(p.index) else 0)
    blank_above = at > 0 and not ck.paras[at - 1].text.strip() and ck.paras[at - 1].index not in ck.cell_of \
        or at > 0 and ck.paras[at - 1].section != p.section and _on_new_page(ck, p.section)
    if above is not None and above.index in ck.cell_of and p.index not in ck.cell_of \
            and (p.space_before_pt or 0) + (p.space_after_pt or 0) + 0.01 >= nd30.BODY_MIN_SPACING_PT:
        return  # under a table, a paragraph spaced as its text is (3 pt before, 3 after: 6 between two, FR20-NQ01) has
        # its own space above the table's edge; one with none (FR14-BB02's 0 pt) still runs into it
    if spacing + 0.01 < nd30.BODY_MIN_SPACING_PT and not blank_above:  # an empty line above is a gap too
        later(BODY_SPACING, p, f"khoảng cách giữa các đoạn {decimal(spacing)} pt, tối thiểu 6 pt: đặt Spacing Before "
              "(Trước) 6 pt trong Paragraph")


def _formula_size(ck: Checker, p: Paragraph, later) -> None:
    """The enacting formula written as a sentence ("Chính phủ ban hành Nghị định quy định …", FR18-ND01) is a line of
    the text: 13–14 as the text is, and spaced from the căn cứ above it as they are from each other (FR18-TT01); the
    capitals "QUYẾT ĐỊNH:" are the type's line, judged with it."""
    text = p.text.strip()
    seg = next(iter(segments(p)), None)
    if seg is None or text == text.upper():
        return
    _spacing(ck, p, later)
    if seg.size is None or 13 <= seg.size <= 14:
        return
    later(BODY_SIZE, p, f"cỡ chữ nội dung {decimal(seg.size)}, phải từ 13 đến 14: chọn đoạn và đặt cỡ chữ "
          f"{decimal(ck.sizes['body'])}", format_fix(seg, size=ck.sizes["body"]))


_SPACED_INDENT_MM = (8.5, 14.0)  # a first line pushed in with spaces: about a centimetre, as far as spaces can say


def _first_line_start_mm(ck: Checker, p: Paragraph) -> tuple[float, bool]:
    """Where the first line's text starts, in mm, as the page shows it, and whether leading spaces put it there.
    The first-line indent (or tab, or hung number) of `Checker.first_line_indent` plus the paragraph's left
    indent, from the margin: a one-line paragraph shows no other (FR3-BC01's khoản titles set 12.7 mm left), and
    a wrapped one's first line starts there too (FR8-TB02's list lines, 20 mm left and no first-line indent,
    print 20 mm in, not at 0 mm); where no indent is set, leading spaces count for their width (FR3-TTR01's body, indented with eight
    or nine spaces)."""
    start = ck.first_line_indent(p) + _left_mm(p) * PT_PER_MM
    line = p.text.lstrip("\n")
    lead = line[:len(line) - len(line.lstrip(" \u00a0"))]
    if len(lead) < 2 or line.startswith("\t") or p.list_label or start >= 5 * PT_PER_MM:
        return start / PT_PER_MM, False  # a set indent is judged as set; a stray space or two after it is no layout
    size = next((r.size_pt for r in p.runs if r.text.strip() and r.size_pt), None) or 14.0
    return (start + text_width_pt(lead, size)) / PT_PER_MM, True


def _left_mm(p: Paragraph) -> float:
    """The paragraph's own left indent, in mm, where its first line starts from it (not a numbered item hung
    from it: `Checker.first_line_indent` already places that one's number)."""
    return (p.indent_left_pt or 0.0) / PT_PER_MM if not p.list_label and (p.indent_left_pt or 0) > 0 else 0.0


def _mm(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def _text_size(body: list[Paragraph]) -> float | None:
    """The size of the running text (13 or 14): the size most of its unnumbered paragraphs are set in."""
    sizes = [seg.size for p in body if not split_label(p.text)[0] and not p.list_label
             for seg in segments(p)[:1] if seg.size]
    common = max(set(sizes), key=sizes.count) if sizes else None
    return common if common is not None and 13 <= common <= 14 and sizes.count(common) * 2 > len(sizes) else None


def _title_size(ck: Checker, p: Paragraph, level: str, text_size: float, later) -> None:
    """A mục title (I., II.) and a khoản's title (its bold number and title, a run-in title too) are set at the
    size of the running text (PL I §II.6.d: “cỡ chữ bằng cỡ chữ của phần lời văn”)."""
    sizes: dict[float, int] = {}
    letters = 0
    for run in p.runs:
        if run.change == "del" or not run.text.strip():
            continue
        if not (run.bold or p.bold):
            break
        letters += sum(c.isalpha() for c in run.text)
        if run.size_pt:
            sizes[run.size_pt] = sizes.get(run.size_pt, 0) + len(run.text.strip())
    if letters < 3 or not sizes:
        return  # a khoản whose number alone is bold has no title to size
    size = max(sizes, key=sizes.get)
    if size != text_size and 13 <= size <= 14:  # outside 13–14 the body's size rule already speaks
        what = "tiêu đề mục" if level == "roman" else "tiêu đề khoản"
        later(HEADING_STYLE, p, f"{what} cỡ chữ {decimal(size)}, khác cỡ chữ {decimal(text_size)} của phần lời văn: chọn tiêu đề "
              f"và đặt cỡ chữ {decimal(text_size)}", None, "PL I §II.6.d")


def _wraps(ck: Checker, p: Paragraph) -> bool:
    """The paragraph runs over more than one line, so left alignment shows as a ragged right edge."""
    size = next((r.size_pt for r in p.runs if r.text.strip() and r.size_pt), None) or 14.0
    width = ck.width_available(p) - (p.indent_left_pt or 0) - (p.indent_right_pt or 0) - (p.indent_first_line_pt or 0)
    return text_width_pt(" ".join(p.text.split()), size) > width


_RUN_ON = re.compile(r"(?<=[.;:])\s*(?P<n>\d{1,3})\.\s*(?=\S)")  # a khoản's number after a sentence's end
_PART = re.compile(r"^[A-HJ-UWYZĐ]\.\s+\S")  # "B. Công tác chỉ đạo …": a part of a report above its mục I., II. (not I, V, X)
_CAPTION = re.compile(r"^(Bảng|Biểu|Hình|Sơ đồ|Biểu đồ)\s+(số\s+)?\d+[a-z]?\s*[:.]", re.IGNORECASE)


def _notes_across(body: list[Paragraph]) -> set[int]:
    """The paragraphs of a note in parentheses typed over several paragraphs ("(Việc đánh giá … Mẫu số 1" /
    "Việc đánh giá … Mẫu số 2)", FR5-CV01): the first opens it, the last (of at most four) closes it. An aside,
    italic by custom, like a note wholly in one paragraph."""
    out: set[int] = set()
    for k, p in enumerate(body):
        text = p.text.strip()
        if not text.startswith("(") or text.count("(") <= text.count(")"):
            continue
        depth = text.count("(") - text.count(")")
        for j in range(k + 1, min(k + 4, len(body))):
            later = body[j].text.strip()
            depth += later.count("(") - later.count(")")
            if depth <= 0:
                if depth == 0 and later.rstrip(".;:").endswith(")"):
                    out.update(q.index for q in body[k:j + 1])
                break
    return out


def _is_note(p: Paragraph) -> bool:
    """A note wholly in parentheses ("(Số liệu chi tiết tại Phụ lục kèm theo)"), or a table's or figure's
    caption ("Bảng 01: Tình hình khám bệnh …", FR3-BC01): not running text."""
    text = p.text.strip()
    return (text.startswith("(") and text.rstrip(".;:").endswith(")")) or bool(_CAPTION.match(text)) \
        or bool(_POINTER.match(text))


# a short line that only points at an appendix ("Theo Phụ lục 1 đính kèm", FR7-QD01; "Chi tiết tại Phụ lục II"):
# a reference note, italic by custom, not running text
_POINTER = re.compile(r"^(?:theo|chi tiết(?:\s+(?:tại|theo|như))?|xem|có)\s+(?:các\s+)?phụ lục\b[^.;:]{0,30}\.?$",
                      re.IGNORECASE)
