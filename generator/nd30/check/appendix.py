"""Appendices (PL I §III.1) and their tables: "Phụ lục" / "Phụ lục I, II…", one section each with its own
page numbers, the "(Kèm theo …)" line, the title."""
from __future__ import annotations

import re

from generator import nd30
from generator.nd30 import grammar
from generator.nd30.check.base import Checker, Fix, Rule, format_fix, segments
from generator.nd30.labels import roman, roman_value
from generator.nd30.doctypes import DocType
from generator.word.model import Paragraph

_ATTACHED = re.compile(r"^\((?:Ban hành\s+)?(?:[Kk]èm theo|[ĐđDd]ính kèm)\b")  # "(Kèm theo …)", "(Ban hành kèm theo …)",
# and the variant "(Đính kèm Kế hoạch số …)" (FR7-KH01): the line is there, worded another way
_FILL_IN = re.compile(r"_{4,}|\.{6,}|…{3,}")  # a blank left to fill in
_SYMBOL = re.compile(r"/\s*(?:\d{4}/)?[A-ZĐ][A-Za-zĐđ]*-[A-ZĐ]")  # a number's symbol, "/TB-ĐT", "/2010/QĐ-UBND"

APPENDIX_LABEL = Rule("appendix.label", "“Phụ lục”, “Phụ lục I/II”", "PL I §III.1.b", fixable=True)
APPENDIX_SECTION = Rule("appendix.section", "mỗi phụ lục một phần riêng", "PL I §III.1.đ")
APPENDIX_PAGE_NUMBERS = Rule("appendix.page-numbers", "số trang phụ lục đánh lại", "PL I §III.1.đ", fixable=True)
APPENDIX_ATTACHED = Rule("appendix.attached", "dòng “(Kèm theo …)”", "PL I §III.1.c", fixable=True)
APPENDIX_TITLE = Rule("appendix.title", "tên phụ lục in hoa, đậm", "PL I §III.1.b")
RULES = (APPENDIX_LABEL, APPENDIX_SECTION, APPENDIX_PAGE_NUMBERS, APPENDIX_ATTACHED, APPENDIX_TITLE)
# Header rows repeated and rows kept whole on a page are good practice, not ND30: `check` cites the decree
# only, so it does not report them (kehoach's own builds set both).


def check_appendices(ck: Checker, labels: list[Paragraph], kind: DocType | None = None, alone: bool = False) -> None:
    """The appendices' labels, sections, page numbers and "(Kèm theo <type> số …)" lines; `kind` is the
    document's type (a Kế hoạch when unknown)."""
    count = len(labels)
    sections_seen: dict[int, Paragraph] = {}
    unnumbered = not any(q.has_field.get("PAGE") for sec in ck.doc.sections
                         for group in list(sec.headers.values()) + list(sec.footers.values()) for q in group)
    # a label's own number: "Phụ lục 2" the only label found is not the only appendix (FR19-DA01: "Phụ lục 1" is a
    # heading of the body, a form follows): its number is kept, in Roman numerals, not told to go (among several
    # labels their order tells: "Phụ lục I", "Phụ lục III" is a skip)
    numbers = {p.index: m for p in labels
               if (m := _LABEL_NUMBER.match(" ".join(nd30.label_line(p.text).split()))) is not None}
    more = count == 1 and max((_number(m["n"]) for m in numbers.values()), default=0) > 1
    for i, p in enumerate(labels, start=1):
        text = " ".join(nd30.label_line(p.text).split())
        want = nd30.appendix_label(i, count)
        numbered = numbers.get(p.index)
        if (alone or more) and numbered is not None:  # "PHỤ LỤC 2" kept as its own file: the second of its document's
            # (FR13-PL01)
            n = numbered["n"]
            want = f"Phụ lục {roman(int(n)) if n.isdigit() else n.upper()}"
        seg = segments(p)[0]
        run_in = nd30.APPENDIX_LINE.match(text)
        if run_in is not None and run_in["rest"].strip():  # "Phụ lục 1: TÊN …" (locate.is_run_in_label)
            label = text[:len(text) - len(run_in["rest"])].strip()
            ck.add(APPENDIX_LABEL, f"nhãn “{label}” gõ liền với tên phụ lục: gõ “{want}” thành một dòng riêng, in đậm, "
                   "canh giữa, phía trên tên phụ lục", "PL I §III.1.a–b", p=p)
        elif not nd30.is_appendix_label(text):  # its title, under no "Phụ lục" line (find_appendix_labels)
            ck.add(APPENDIX_LABEL, f"thiếu dòng “{want}” trên tên phụ lục: gõ “{want}” thành một dòng riêng, in đậm, "
                   "canh giữa, phía trên tên phụ lục", "PL I §III.1.a–b", p=p)
        elif text != want:
            if text.isupper():
                why = f"viết “{want}” (chữ in thường), không viết hoa toàn bộ"
            elif (count > 1 or alone or more) and re.search(r"\d", text):
                why = f"có từ hai phụ lục trở lên thì đánh số La Mã: “{want}”"
            elif count == 1:
                why = f"chỉ có một phụ lục thì viết “{want}” (không đánh số)"
            else:
                why = f"theo thứ tự phải là “{want}”"
            ck.add(APPENDIX_LABEL, f"nhãn phụ lục: {why}", "PL I §III.1.a–b", p=p,
                   level="warning" if count == 1 and not more and text.startswith("Phụ lục") else "error")
        look = nd30.LOOK["appendix_label"]
        if nd30.is_appendix_label(text):
            if seg.bold is False:
                ck.add(APPENDIX_LABEL, "“Phụ lục” phải in đậm", p=p, fix=format_fix(seg, bold=look.bold))
            ck.size_check("appendix_label", seg, APPENDIX_LABEL, "“Phụ lục”")
            ck.align_check("appendix_label", p, APPENDIX_LABEL, "“Phụ lục”", "error")
        if alone:
            pass  # a file of its own: its own pages, numbered from 1
        elif unnumbered and _new_page(ck, p):
            pass  # no page of the file prints a number: a section of its own would number nothing (FR14-QD01, QD03)
        elif p.section == 0:
            ck.add(APPENDIX_SECTION, "phụ lục phải bắt đầu một phần (section) riêng, sang trang mới: đặt con trỏ trước “Phụ lục”, chọn Layout "
                   "› Breaks › Next Page", p=p)
        elif p.section in sections_seen:
            ck.add(APPENDIX_SECTION, "mỗi phụ lục một phần (section) riêng để đánh số trang riêng: chèn Layout › Breaks › Next Page trước "
                   "phụ lục", p=p)
        else:
            sections_seen[p.section] = p
            sec = ck.doc.sections[min(p.section, len(ck.doc.sections) - 1)]
            if sec.page_number_start != 1 and _opens_section(ck, p):
                ck.add(APPENDIX_PAGE_NUMBERS, "số trang của phụ lục phải đánh riêng, bắt đầu từ 1: Insert › Page Number › Format Page Numbers › "
                       "Start at 1", p=p,
                       fix=Fix("restart_numbering", section=sec.index))
            elif sec.page_number_start != 1:  # the section opens with the document's own pages (FR14-TTR01)
                ck.add(APPENDIX_PAGE_NUMBERS, "số trang của phụ lục phải đánh riêng, bắt đầu từ 1; phần (section) chứa phụ lục "
                       "bắt đầu từ trang của văn bản: chèn Layout › Breaks › Next Page ngay trước phụ lục, rồi Insert › Page "
                       "Number › Format Page Numbers › Start at 1 cho phần mới", p=p)
        check_attached(ck, p, kind)



_LABEL_NUMBER = re.compile(r"^phụ\s+lục\s+(?P<n>\d+|[IVXLC]+)$", re.IGNORECASE)


def _number(n: str) -> int:
    """A label's number, Arabic or Roman (0: not one)."""
    return int(n) if n.isdigit() else roman_value(n.upper()) or 0


def _new_page(ck: Checker, label: Paragraph) -> bool:
    """The appendix starts a page: a page break before it, or after the last text above it (blank lines that push it
    over count when there are three or more, as the page shows)."""
    if label.page_break_before:
        return True
    k, blanks = ck.order[label.index] - 1, 0
    while k >= 0 and not ck.paras[k].text.strip("\t \u00a0") and ck.paras[k].index not in ck.cell_of:
        blanks += 1
        k -= 1
    return "\f" in (ck.paras[k].text if k >= 0 else "") or blanks >= 3


def _opens_section(ck: Checker, label: Paragraph) -> bool:
    """No text of the document before the appendix's first line in its section: restarting the section's numbering
    renumbers the appendix only, not the document's own last pages (FR14-TTR01: pages 2, 3, 4, 1, 2)."""
    for q in ck.doc.paragraphs():
        if q.index >= label.index:
            return True
        if q.section == label.section and q.text.strip():
            return False
    return True


def check_unlabelled_forms(ck: Checker, forms: list[Paragraph]) -> None:
    """Forms attached after the signature under a Quốc hiệu of their own, with no "Phụ lục" line nor "(Kèm theo
    …)" line (`locate.find_unlabelled_forms`): the document sends them as appendices (PL I §III.1.a–c)."""
    for p in forms:
        ck.add(APPENDIX_LABEL, "biểu mẫu gửi kèm sau chữ ký không có dòng “Phụ lục” và dòng “(Kèm theo …)”: gõ “Phụ "
               "lục” (đánh số La Mã khi có từ hai phụ lục) thành một dòng riêng, in đậm, canh giữa, phía trên tên biểu "
               "mẫu, và dòng “(Kèm theo … số … ngày … của …)” dưới tên", "PL I §III.1.a–c", p=p)


def check_attached(ck: Checker, label: Paragraph, kind: DocType | None = None) -> None:
    """The "(Kèm theo …)" line within the three lines under the label, and the title above it."""
    i = ck.order[label.index] + 1
    # under a title standing for its missing label, one line more: an agency's name over a two-line title (FR18-PL01)
    wide = not nd30.is_appendix_label(nd30.label_line(label.text)) and not nd30.APPENDIX_LINE.match(label.text.strip())
    # a title over three lines puts it fourth (FR28-PL01): centred lines of the title, then the "(Kèm theo …)" line
    window = [p for p in ck.paras[i:i + 8] if p.text.strip()][:6 if wide else 5]
    window = window[:next((k for k, p in enumerate(window) if k >= (4 if wide else 3) and p.alignment != "center"),
                          len(window))]
    # line by line: the name and the "(Kèm theo …)" line may share a paragraph, after a line break, and the label's
    # own paragraph (FR18-QD01's "Phụ lục 1⏎DANH MỤC …⏎(Kèm theo …)")
    lines = [s for p in window for s in segments(p)]
    if nd30.label_line(label.text) != label.text:
        lines = segments(label)[1:] + lines
    at = next((k for k, s in enumerate(lines) if _ATTACHED.match(s.text)), None)
    if at is None:
        words, abbr = (kind.words, kind.abbr or "UBND") if kind is not None else ("Kế hoạch", "KH")
        ck.add(APPENDIX_ATTACHED, f"thiếu dòng “(Kèm theo {words} số …/{abbr}-… ngày … của …)” dưới tên phụ lục: gõ "
               "dòng này, in nghiêng, canh giữa", p=label)
        # its title is still the centred line under the label (FR19-DA01's "Dự thảo Quy chế tuyển sinh riêng của
        # Trường", bold lower case, no "(Kèm theo …)" line under it)
        title = lines[0] if lines and lines[0].para.alignment == "center" else None
        if title is not None and not _FILL_IN.search(title.text) and len(title.text) < 200 \
                and any(c.isalpha() for c in title.text) and (not title.caps or title.bold is False):
            ck.add(APPENDIX_TITLE, "tên phụ lục trình bày chữ in hoa, đậm", p=title.para, level="warning")
        return
    seg = lines[at]
    # under a stand-in label, the title is the line right under it; the lines after it a subtitle of its own
    for title in list({s.para.index: s for s in lines[:at]}.values())[:1 if wide else None]:
        if _FILL_IN.search(title.text):
            continue  # "Gói thầu: ______" under the label: a line a draft leaves to fill in (FR14-QD03), not the title
        if not title.caps or title.bold is False:
            ck.add(APPENDIX_TITLE, "tên phụ lục trình bày chữ in hoa, đậm", p=title.para, level="warning")
    ck.look_check("attached", seg, APPENDIX_ATTACHED, "Dòng “(Kèm theo …)”", fix_look=True)
    ck.size_check("attached", seg, APPENDIX_ATTACHED, "Dòng “(Kèm theo …)”")
    text = " ".join(s.text for s in lines[at:] if s.para.index == seg.para.index)
    after = ck.order[seg.para.index] + 1
    goes_on = ck.paras[after].text.strip() if after < len(ck.paras) else ""
    last = seg.para
    if not text.rstrip().endswith(")") and goes_on.endswith(")") and "(" not in goes_on and len(goes_on) < 200:
        last = ck.paras[after]  # the rule goes under that second line (FR28-PL01)
        text = f"{text} {goes_on}"  # "(Ban hành kèm theo Nghị quyết số … / của HĐND thành phố Hà Nội)" (FR13-NQ01), a
        # second line naming the guide it replaces (FR18-PL01, 130 characters)
    if not text.rstrip().endswith(")"):
        ck.add(APPENDIX_ATTACHED, "dòng “(Kèm theo …)” đặt trong ngoặc đơn", p=seg.para)
    # a draft not yet issued leaves the number and the day blank, as in its own Số and date lines: the symbol
    # ("/TB-ĐT") stands where the number goes (FR6-TB01)
    # the issuing body after "của" (Mẫu 2.1: "(Kèm theo Công văn số …/… ngày … của …)"; FR9-BC02)
    if ("số" not in text and not _SYMBOL.search(text)) or "ngày" not in text or not re.search(r"\bcủa\b", text):
        ck.add(APPENDIX_ATTACHED, "dòng “(Kèm theo …)” ghi số, ký hiệu, ngày ban hành và cơ quan ban hành văn bản",
               p=seg.para, level="warning")
    if not _line_under(ck, label, last):
        ck.add(APPENDIX_ATTACHED, "thiếu đường kẻ ngang, nét liền dưới dòng “(Kèm theo …)”: vẽ một đường ngắn canh giữa "
               "dưới dòng này", "PL I §III.1.e, PL III Mẫu 2.1", p=seg.para, level="warning")


def _line_under(ck: Checker, label: Paragraph, p: Paragraph) -> bool:
    """A line under the "(Kèm theo …)" line `p` (Mẫu 2.1 draws a short one): its bottom border, a line drawn
    in any paragraph from the label down to it or in the empty ones under it (a shape prints where it is
    placed, not where it is anchored), the border of the empty paragraph right under it, or a typed rule there
    (present, though typed)."""
    heads = ck.paras[ck.order[label.index]:ck.order[p.index] + 1] + ck.below(p)
    if p.border_bottom or any(q.index in ck.shapes or any(d.kind == "line" for d in q.drawings) for q in heads):
        return True
    nxt = ck.next_in_container(p)
    return nxt is not None and ((not nxt.text.strip() and (nxt.border_top or nxt.border_bottom))
                                or grammar.is_typed_rule(nxt.text))
