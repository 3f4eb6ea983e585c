"""The body's numbered lines (PL I §II.6.c–d, §V mục 6.b): a mục's, khoản's and điểm's label, its order and its
look, an Điều's number and title: what is a title (bold) and what is a sentence that only opens with a number."""
from __future__ import annotations

import re

from generator.nd30.check.base import Checker, Rule, format_fix, segments
from generator.nd30.labels import ARTICLE, SCOPE_HEADING, label_of, point_label, roman, split_label
from generator.word.model import Paragraph
from generator.core.text import shorten

HEADING_SEQUENCE = Rule("heading.sequence", "thứ tự mục, khoản, điểm", "PL I §II.6.c")
HEADING_NUMBERING = Rule("heading.numbering", "điểm đánh a), b), c)…", "PL I §II.6.d")
HEADING_STYLE = Rule("heading.style", "tiêu đề mục in hoa, đậm; điểm chữ đứng", "PL I §V mục 6.b", fixable=True)
RULES = (HEADING_SEQUENCE, HEADING_NUMBERING, HEADING_STYLE)


def bold_share(p: Paragraph, start: int, end: int | None = None) -> float | None:
    """The share of letters from offset `start` (to `end`) of the paragraph's text that are bold (None: no letter)."""
    bold = total = pos = 0
    for run in p.runs:
        if run.change == "del":
            continue
        text = run.text
        # the run's characters within [start, end), counted in C (not one Python step per character)
        lo, hi = max(start - pos, 0), len(text) if end is None else max(0, min(end - pos, len(text)))
        if lo < hi:
            n = sum(map(str.isalnum, text[lo:hi]))
            total += n
            bold += n if (run.bold or p.bold) else 0
        pos += len(text)
    return bold / total if total else None


def _bold_lead(p: Paragraph, start: int) -> str:
    """The text from offset `start` up to its first character that is not bold (spaces carried along)."""
    out, pos = [], 0
    for run in p.runs:
        if run.change == "del":
            continue
        for c in run.text:
            if pos >= start:
                if not (run.bold or p.bold) and not c.isspace():
                    return "".join(out)
                out.append(c)
            pos += 1
    return "".join(out)


# a line that says something about its subject is a sentence leading into a list (its colon forgotten), not a
# title: "2. Thể thức văn bản hành chính bao gồm các thành phần chính", "3. Văn thư cơ quan có nhiệm vụ"
_NOTE_AFTER = re.compile(r"(?<=[.;:])\s*\([^()]*\)$")  # "(Có biểu kèm theo)" after a sentence's end
_LEAD_IN = re.compile(r"\s(có|là|được|gồm|bao gồm|phải|cần|như sau)(\s|$)")


def titled(rest: str) -> bool:
    """A khoản or Điều with a title: a short line that is not a sentence ("1. Đánh giá chung"); a sentence closed by
    its full stop before a note in brackets ("Phê duyệt … xã Nghĩa Lâm. (Có biểu kèm theo)", FR23-QD01) is none."""
    rest = _NOTE_AFTER.sub("", rest.strip()) or rest.strip()
    return 0 < len(rest) <= 150 and not rest.endswith((".", ";", ":", ",", "./.")) and any(c.isalpha() for c in rest) \
        and not _LEAD_IN.search(rest)


# a khoản naming whom or what another provision covers ("2. Người bị thương không thuộc quy định tại Khoản 1 Điều
# này", "2. Người mắc bệnh quy định tại Điểm h Khoản 1 Điều 33 của Nghị định", over their points a), b)): a sentence
# leading into its points, its colon left out, not a title (FR12-TT01)
_REFERS = re.compile(r"\b(?:quy định|nêu|thuộc)\s+tại\s+(?:khoản|điều|điểm)\s+\w", re.IGNORECASE)


_OPENING = 40  # the characters after a khoản's number that tell a title (bold) from a sentence (upright)


def khoan_siblings(body: list[Paragraph]) -> dict[int, list[str]]:
    """For each typed khoản ("1. …") of the body, the text after the number of the other khoản of its Điều or mục
    (the khoản between two Điều, Chương, Mục or mục "I." headings)."""
    groups: list[list[tuple[int, str]]] = [[]]
    for p in body:
        head = p.full_text.strip()
        label, rest = split_label(p.text)
        kind = label_of(label) if label and not p.list_label else None
        if ARTICLE.match(head) or SCOPE_HEADING.match(head) or (kind is not None and kind[0] == "roman"):
            groups.append([])
        elif kind is not None and kind[0] == "arabic":
            groups[-1].append((p.index, rest.strip()))
    return {i: [r for j, r in group if j != i] for group in groups for i, _ in group}


def check_khoan_look(ck: Checker, p: Paragraph, label: str, rest: str, after: Paragraph | None = None,
                     siblings: list[str] = ()) -> None:
    """A khoản's title is bold; a khoản without a title is plain, its number too (PL I §V mục 6.b). A short
    line followed straight by the next khoản (or Điều) heads nothing: it is an item of a list, not a title. A short
    line closed by a stray full stop over its own text, among `siblings` (the other khoản of its Điều) that are
    titles, is a title too ("7. Dự toán chi quản lý chung nhiệm vụ khoa học và công nghệ." beside "1. Dự toán chi thù
    lao …", FR20-NQ01)."""
    if p.list_label:
        return
    heads = after is not None
    if after is not None:
        nxt = after.full_text.strip()
        nkind = label_of(split_label(after.text)[0]) if not after.list_label else None
        if ARTICLE.match(nxt) or SCOPE_HEADING.match(nxt) or (nkind is not None and nkind[0] == "arabic"):
            rest = rest.rstrip() + "."  # read as a khoản of text
            heads = False
    stray = rest.rstrip()
    if heads and stray.endswith(".") and not stray.endswith(("..", "./.")) and len(stray) <= 100 \
            and titled(stray[:-1]) and any(titled(r) for r in siblings):
        rest = stray[:-1]
    start = len(p.text) - len(p.text.lstrip()) + len(label)
    share = bold_share(p, start)
    if share is None:
        return
    if titled(rest) and share < 0.5 and not _REFERS.search(rest):
        ck.add(HEADING_STYLE, f"tiêu đề khoản “{label} {shorten(rest, 40)}” phải in đậm: chọn cả dòng và bấm Ctrl+B", p=p)
    elif titled(rest) and sum(c.isalpha() for c in rest) > 3 and rest == rest.upper():
        ck.add(HEADING_STYLE, f"tiêu đề khoản “{label} {shorten(rest, 40)}” trình bày chữ in thường, đậm (chữ in hoa "
               "dành cho tiêu đề mục I., II.): gõ lại bằng chữ thường", p=p)
    # the number itself bold: a bold figure or space further on is not the number (FR7-QD01's "2." printed regular);
    # the text right after it upright: a date set bold for emphasis at the end does not make a title (FR15-CV01's "1.")
    elif not titled(rest) and (bold_share(p, start, start + _OPENING) or 0) < 0.1 and (bold_share(p, 0, start) or 0) > 0.5 \
            and not _bold_lead(p, start).strip().endswith(":"):  # "1. Địa điểm:" bold, the text after it upright
        ck.add(HEADING_STYLE, f"khoản không có tiêu đề trình bày chữ thường: bỏ in đậm ở số “{label}” (Ctrl+B)", p=p,
               level="warning")


def check_article_number(ck: Checker, p: Paragraph, n: int, seen: list[int]) -> None:
    """Điều are numbered 1, 2, 3… through the whole text (Chương and Mục do not restart them)."""
    expected = (seen[-1] if seen else 0) + 1
    if n != expected:
        what = "lặp lại" if seen and n == seen[-1] else ("bị bỏ qua số thứ tự" if n > expected else "sai thứ tự")
        ck.add(HEADING_SEQUENCE, f"“Điều {n}” {what}: theo thứ tự phải là “Điều {expected}”", p=p)
    seen.append(n)


# an Điều that decides rather than names its subject: a Quyết định cá biệt's "Điều 1. Nay đồng ý cho ông: Nguyễn Văn
# A", "Điều 1. Nâng bậc lương cho ông: …" (the person after a colon), "Điều 1. Bổ nhiệm … và xếp lương đối với" (the
# sentence going on in the next paragraph): its content, upright after the bold "Điều 1." (FR12-QD01–QD03)
_DECIDES = re.compile(r"^Nay\s|:\s*\S|\s(?:đối với|cho|của|và|với|tại|về|theo|gồm|sau đây)\s*$")


def check_article_look(ck: Checker, p: Paragraph) -> None:
    """An Điều's number and title are bold together (PL I §II.6.c); an Điều without a title (one that decides
    straight away, `_DECIDES`) has its number bold and its content upright."""
    # "Điều 1." given by Word's list numbering (FR18-TT01): the paragraph's own text is the whole title
    m = ARTICLE.match(p.text.strip()) if not p.list_label else None
    start = len(p.text) - len(p.text.lstrip()) + (m.end() if m else 0)
    rest = p.text.strip()[m.end():] if m else p.text.strip()
    share = bold_share(p, start)
    if share is not None and titled(rest) and not _DECIDES.search(rest.strip()) and share < 0.5:
        ck.add(HEADING_STYLE, f"tên Điều “{shorten(p.full_text, 40)}” phải in đậm cả số và tiêu đề: chọn cả "
               "dòng và bấm Ctrl+B", "PL I §II.6.c", p=p)
    if m is None:
        return  # the label's own look is the list's: Word sets it as the numbering says
    # "Điều 1:" typed with a colon, "Điều 1" underlined (FR16-QD01): the decree writes "Điều 1." with a full stop
    # after the number, bold, not underlined
    lead = len(p.text) - len(p.text.lstrip())
    label = p.text.strip()[:m.end()].rstrip()
    wrong = []
    if label.endswith(":"):
        wrong.append("sửa dấu “:” sau số thành dấu chấm “.”")
    if _underlined(p, lead, lead + len(label)):
        wrong.append("bỏ gạch chân (Ctrl+U)")
    if wrong:
        shown = re.sub(r"\s*[.:]$", "", label)
        ck.add(HEADING_STYLE, f"“{label}” phải viết “{shown}.” (số thứ tự và dấu chấm, in đậm, không gạch chân): "
               + " và ".join(wrong), "PL I §II.6.c", p=p)


def _underlined(p: Paragraph, start: int, end: int) -> bool:
    """Most letters and digits from offset `start` to `end` of the paragraph's text are underlined."""
    marked = total = pos = 0
    for run in p.runs:
        if run.change == "del":
            continue
        for c in run.text:
            if start <= pos < end and c.isalnum():
                total += 1
                marked += 1 if run.underline else 0
            pos += 1
    return total > 0 and marked * 2 > total


def check_label(ck: Checker, p: Paragraph, label: str, kind: tuple[str, int], counters: dict, rest: str) -> None:
    level, n = kind
    names = {"roman": "mục", "arabic": "khoản", "letter": "điểm", "dotted": "điểm"}
    if level == "dotted":
        ck.add(HEADING_NUMBERING, f"điểm đánh số “{label}”; ND30 đánh số điểm bằng chữ cái tiếng Việt a), b), "
               "c)…", p=p, level="warning")
        # "5.3." right after "5.1.": a number skipped among the items of one khoản (FR9-BC02); only a skip forward
        # is told, a list may start again after a table or a new mục
        *parent, last = (int(x) for x in re.findall(r"\d+", label))
        seen = counters.setdefault("dotted_seen", {})
        before = seen.get(tuple(parent))
        if before is not None and last > before + 1:
            shown = ".".join(str(x) for x in [*parent, before + 1]) + "."
            ck.add(HEADING_SEQUENCE, f"điểm “{label}” bị bỏ qua số thứ tự: theo thứ tự phải là “{shown}”", p=p)
        seen[tuple(parent)] = last
        return
    if level == "letter" and n == 0:
        ck.add(HEADING_NUMBERING, f"điểm “{label}” không theo thứ tự chữ cái tiếng Việt (a, b, c, d, đ, e, "
               "g, h, i, k…)", p=p)
        counters["letter"] += 1
        _point_style(ck, p, label)  # its letter wrong, its look still told (FR26-QD01's bold "f)" line)
        return
    expected = counters[level] + 1
    if n != expected:
        shown = {"roman": roman(expected) + ".", "arabic": f"{expected}.", "letter": point_label(expected)}[level]
        what = "lặp lại" if n == counters[level] else ("bị bỏ qua số thứ tự" if n > expected else "sai thứ tự")
        if n == counters[level] == 0:  # a first item "0." (nothing counted yet in its scope) repeats nothing
            what = "sai thứ tự"
        ck.add(HEADING_SEQUENCE, f"{names[level]} “{label}” {what}: theo thứ tự phải là “{shown}”", p=p)
    counters[level] = n
    if level == "roman":
        counters["arabic"] = counters["letter"] = 0
        counters.pop("dotted_seen", None)
        seg = segments(p)
        title = rest.split(":")[0] if ":" in rest.rstrip(" .:")[:-1] else rest  # "III. KIẾN NGHỊ: Không."
        # a line wholly bold is set as a title, a long one or one closed by a colon too ("IV. Hoạt động của Ban chỉ
        # đạo và Tổ giúp việc:", FR9-BC01); a numbered sentence leading into a list is not
        # "được" there makes a noun phrase ("I. Đối tượng được miễn, giảm học phí", FR8-TB02), not a sentence
        # every letter bold: a colon or a tab left regular does not make it a sentence ("II. Diễn biến cụ thể:", FR7-BC01)
        bold_line = (bold_share(p, 0) or 0) >= 0.95 and len(title.strip()) <= 250 and not title.rstrip().endswith((".", ";", ",")) \
            and (not _LEAD_IN.search(re.sub(r"\sđược(?=\s|$)", "", title))
                 # a short bold line numbered by a Word list is a title ("I. Sự cần thiết phải xây dựng Nghị quyết",
                 # FR13-TTR01), "phải" or not
                 or p.list_label is not None and len(title.strip()) <= 60 and not title.rstrip().endswith(":"))
        if not titled(title) and not bold_line and title != title.upper():
            return  # a numbered sentence ("I. Việc xử lý hành vi chậm kê khai … như sau:"), not a mục title
        # an aside in parentheses after the title ("… THANG ĐIỂM (theo phụ lục kèm theo)", FR5-HD01) keeps its
        # own case: a văn thư does not capitalise a note
        letters = [c for c in re.sub(r"\([^()]*\)", "", title) if c.isalpha()]
        if letters and not all(c.isupper() for c in letters) and not (seg and seg[0].caps):
            ck.add(HEADING_STYLE, "tiêu đề mục (I., II., …) phải viết in hoa: chọn dòng và bấm Shift+F3 đến khi thành chữ in hoa", p=p)
        if seg and seg[0].bold is False:
            ck.add(HEADING_STYLE, "tiêu đề mục (I., II., …) phải in đậm: chọn dòng và bấm Ctrl+B", p=p, fix=format_fix(seg[0], bold=True))
    elif level == "arabic":
        counters["letter"] = 0
    elif level == "letter":
        _point_style(ck, p, label)


def _point_style(ck: Checker, p: Paragraph, label: str) -> None:
    seg = segments(p)
    if seg and (seg[0].bold or seg[0].italic):
        ck.add(HEADING_STYLE, "điểm a), b), c)… trình bày chữ đứng, không in đậm, không nghiêng: chọn dòng, bỏ đậm (Ctrl+B) và bỏ "
               "nghiêng (Ctrl+I)", "PL I §II.6.d", p=p)
    elif seg and p.list_label is None and (head := _marked_head(seg[0], label)):
        shown, how, keys = head
        ck.add(HEADING_STYLE, f"“{shown}” của điểm in {how}; điểm trình bày chữ đứng, không in đậm, không nghiêng: chọn "
               f"“{shown}” và bấm {keys}", "PL I §II.6.d", p=p)


def _marked_head(seg, label: str) -> tuple[str, str, str] | None:
    """The letter ("g)") or a run-in title up to its colon ("b) Trụ sở làm việc:") typed bold or italic before
    regular text (FR26-QD01, KH03): (what, "đậm"/"nghiêng"/"đậm nghiêng", the keys that undo it); None: upright."""
    text = seg.text
    colon = text.find(":", len(label))
    n = colon + 1 if 0 < colon <= 80 and text[colon + 1:].strip() else len(label)
    left, bold, italic = n, True, True
    for run, piece in seg.pieces:
        if left <= 0:
            break
        if piece.strip():
            bold, italic = bold and bool(run.bold), italic and bool(run.italic)
        left -= len(piece)
    if not (bold or italic):
        return None
    how = "đậm nghiêng" if bold and italic else "đậm" if bold else "nghiêng"
    keys = "Ctrl+B và Ctrl+I" if bold and italic else "Ctrl+B" if bold else "Ctrl+I"
    return shorten(text[:n], 40), how, keys


# a sub-heading's own label: "2.2.4.", "1.", "II.", "c." or "c)" (a letter with a dot, FR19-DA01)
_SUB_LABEL = re.compile(r"^(?:[IVXLC]+\.|\d{1,3}(?:\.\d{1,3})*\.?|[a-zđ][.)])[ \t\u00a0]+")
# a second sentence inside the line: running text, not a heading
_SENTENCES = re.compile(r"[.;!?]\s+\S")


def heads_text(p: Paragraph, after: Paragraph | None, after_italic: bool) -> bool:
    """An italic line of its own that heads the upright text under it: a sub-heading set in italic by the writer's
    choice of a lower level ("2.1. Sự cần thiết ban hành chính sách", "2.2.2. Tác động của thủ tục hành chính." over
    their paragraphs, FR20-BC02; "c. Lịch tuyển sinh và nhập học", "Cách tính điểm xét tuyển" over a formula,
    FR19-DA01), not running text in italic. One phrase at most a few words long, opening in a capital after its
    label; unnumbered, it has no final full stop (a sentence: "Tổng giá trị thiệt hại … 6.610 tỷ đồng.", FR10-TC01);
    a line followed by the next khoản, by more italic or by the closing line ("… thực hiện./.") heads nothing ("Mẫu
    đơn tại file đính kèm" above "6.", FR6-TB01)."""
    if after is None or after_italic or not after.text.strip() or after.text.rstrip().endswith("./."):
        return False
    nxt = after.full_text.strip()
    nkind = label_of(after.list_label or split_label(after.text)[0] or "")
    if ARTICLE.match(nxt) or SCOPE_HEADING.match(nxt) or (nkind is not None and nkind[0] in ("roman", "arabic")):
        return False
    text = p.text.strip()
    m = _SUB_LABEL.match(text)
    numbered = m is not None or p.list_label is not None
    rest = text[m.end():] if m else text
    if not rest[:1].isupper() or len(text) > 160 or rest.endswith((";", ",", ":")):
        return False
    if not numbered and rest.endswith("."):
        return False
    return not _SENTENCES.search(rest.rstrip(". "))
