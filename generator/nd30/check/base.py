"""The ground every part of `check` stands on: a rule's declaration (`Rule`), the correction a machine may
make (`Fix`), what a finding carries beyond the house `Message` (`Found`), the pieces of a line (`Segment`),
and the `Checker` the parts report into, with the size, look and alignment judgements they share.

A finding is a `generator.core.messages.Message`: rule, level ("error"/"warning"), text (Vietnamese),
where ("phần 1, đoạn 3" or "toàn văn bản"), ref (where ND30 says it), excerpt; `detail` is a `Found`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Iterator, Literal

from generator import nd30
from generator.core.messages import Message
from generator.core.text import ascii_key, decimal, text_width_pt
from generator.core.units import PT_PER_MM
from generator.word.model import Document, Paragraph, Run, Section, Table

Level = Literal["error", "warning"]
CELL_MARGIN_PT = 5.4  # Word's default cell margin (0.19 cm); the reader does not give tblCellMar
GROUP_AFTER = 3  # per rule, findings beyond this many are summed up in one


@dataclass(frozen=True)
class Rule:
    """One rule `check` reports, declared once beside the code that judges it; `generator.nd30.rules`
    collects them. `fixable`: some of its findings carry a correction `--fix` may make."""

    id: str  # "date.form"
    name: str  # what it checks, in the drafter's words
    ref: str  # where ND30 says it ("PL I §II.4.b"); a finding may cite a narrower place
    fixable: bool = False


FixKind = Literal["text", "format", "font", "margins", "rule", "rule_shape", "page_number", "restart_numbering",
                  "header_row", "cant_split"]


@dataclass(frozen=True)
class Fix:
    """A correction `fix` may make without judgement. `kind` names it; the other fields locate it:
    paragraph = reader index; start/end = offsets in that paragraph's accepted text."""

    kind: FixKind
    paragraph: int | None = None
    start: int = 0
    end: int = 0
    text: str | None = None  # "text": the new text of [start, end)
    size: float | None = None  # "format"
    bold: bool | None = None
    italic: bool | None = None
    section: int | None = None  # "margins", "page_number", "restart_numbering"
    margins: tuple[tuple[str, float], ...] = ()
    table: int | None = None  # "header_row", "cant_split"
    indent_pt: float | None = None  # "rule": left/right indent that centres a rule of the right length
    width_pt: float | None = None  # "rule", "rule_shape": length of the line drawn
    page_number_size: float | None = None


@dataclass(frozen=True)
class Found:
    """What only `check` and `--fix` need of a finding: its place as numbers (0-based), the correction
    `--fix` may make, and, once grouped for reading, how many more of its rule it stands for."""

    section: int | None = None
    paragraph: int | None = None  # reader index
    fix: Fix | None = None
    more: int = 0

    @property
    def fixable(self) -> bool:
        return self.fix is not None


def place(section: int | None, paragraph: int | None) -> str:
    """A finding's `where`: "phần 1, đoạn 3", "phần 2", or "toàn văn bản"."""
    parts = []
    if section is not None:
        parts.append(f"phần {section + 1}")
    if paragraph is not None:
        parts.append(f"đoạn {paragraph + 1}")
    return ", ".join(parts) or "toàn văn bản"


def finding_dict(f: Message) -> dict:
    """A finding as `check --format json` writes it (keys in this order, section and paragraph 1-based)."""
    d: Found = f.detail
    return {"rule": f.rule, "severity": f.level, "section": None if d.section is None else d.section + 1,
            "paragraph": None if d.paragraph is None else d.paragraph + 1, "excerpt": f.excerpt,
            "message": f.text, "ref": f.ref, "fixable": d.fixable, "more": d.more}


@dataclass
class CheckResult:
    findings: list[Message]  # each with a `Found` as detail
    messages: list[Message] = field(default_factory=list)  # from the reader: what it could not read
    size_pair: int | None = None
    identified: object = None  # the document's type (`generator.nd30.doctypes.Identified`)
    document: object = None  # the document checked (`generator.word.model.Document`): what --fix would work on

    @property
    def errors(self) -> list[Message]:
        return [f for f in self.findings if f.level == "error"]

    @property
    def warnings(self) -> list[Message]:
        return [f for f in self.findings if f.level == "warning"]


def grouped(findings: list[Message], limit: int = GROUP_AFTER) -> list[Message]:
    """For reading: after `limit` findings of one rule, one line stands for the rest (`more` of them)."""
    out: list[Message] = []
    count: dict[str, int] = {}
    summary: dict[str, int] = {}
    more: dict[int, int] = {}  # place in `out` → findings it stands for (counted, then one copy each: issue 22)
    for f in findings:
        n = count.get(f.rule, 0)
        count[f.rule] = n + 1
        if n < limit:
            out.append(f)
        elif n == limit:
            summary[f.rule] = len(out)
            out.append(f)
        else:
            i = summary[f.rule]
            more[i] = more.get(i, 0) + 1
    for i, n in more.items():
        out[i] = replace(out[i], detail=replace(out[i].detail, more=out[i].detail.more + n))
    return [replace(f, text=f"{f.text} (và {f.detail.more} chỗ khác cùng lỗi)") if f.detail.more else f for f in out]


# ---------------------------------------------------------------- segments: the pieces of a line


MOST = 0.5  # a piece of a line has a look when more than half of its visible characters carry it


@dataclass
class Segment:
    """One piece of a paragraph between tabs and line breaks (a header set with tabs puts the agency and
    the Quốc hiệu in one paragraph; a line break starts a new line), with the runs that draw it.

    Its look is what a reader sees: bold, italic, underlined or in capitals when most of its visible
    characters are (an italic "(cũ)" in an upright sentence leaves the sentence upright)."""

    para: Paragraph
    start: int
    end: int
    text: str
    pieces: list[tuple[Run, str]]
    claimed: bool = False  # a typed rule already reported as the rule under a header block

    def _visible(self) -> list[Run]:
        return [r for r, piece in self.pieces if piece.strip()]

    def share(self, name: str) -> float | None:
        """The share of visible characters whose run has `name` (bold, italic, underline, caps)."""
        total = marked = 0
        for r, piece in self.pieces:
            n = len(piece) - sum(map(str.isspace, piece))  # (its characters that are not spaces, counted in C)
            total += n
            if getattr(r, name):
                marked += n
        return marked / total if total else None

    def _most(self, name: str) -> bool | None:
        share = self.share(name)
        return None if share is None else share > MOST

    @property
    def bold(self) -> bool | None:
        return self._most("bold")

    @property
    def italic(self) -> bool | None:
        return self._most("italic")

    @property
    def underline(self) -> bool:
        return bool(self._most("underline"))

    @property
    def size(self) -> float | None:
        sizes = {r.size_pt for r in self._visible()}
        return sizes.pop() if len(sizes) == 1 else None

    @property
    def sizes(self) -> set[float | None]:
        return {r.size_pt for r in self._visible()}

    @property
    def caps(self) -> bool:
        letters = [c for c in self.text if c.isalpha()]
        return bool(letters) and (all(c.isupper() for c in letters) or bool(self._most("caps")))


_BREAKS = re.compile(r"([\t\n\f])")


def segments(p: Paragraph) -> list[Segment]:
    """Split the accepted text at tabs and line breaks; keep the non-blank pieces with their runs."""
    out: list[Segment] = []
    pos = 0
    cur_start, cur_pieces, cur_text = 0, [], []

    def flush(end: int) -> None:
        text = "".join(cur_text)
        if text.strip():
            lead = len(text) - len(text.lstrip())
            trail = len(text.rstrip())
            out.append(Segment(p, cur_start + lead, cur_start + trail, text.strip(), list(cur_pieces)))

    for run in p.runs:
        if run.change == "del":
            continue
        text = run.text
        for piece in _BREAKS.split(text) if "\t" in text or "\n" in text or "\f" in text else (text,):
            if piece in ("\t", "\n", "\f"):
                flush(pos)
                pos += 1
                cur_start, cur_pieces, cur_text = pos, [], []
                continue
            if piece:
                cur_pieces.append((run, piece))
                cur_text.append(piece)
                pos += len(piece)
    flush(pos)
    return out


_GAP = re.compile(r"[ \u00a0]{3,}")


def split_at_gaps(seg: Segment, starts_piece, gap: re.Pattern = _GAP) -> list[Segment]:
    """A segment cut where a run of three or more spaces sets apart text that `starts_piece` says begins a piece of
    its own (a header typed on one line: "ỦY BAN NHÂN DÂN          CỘNG HÒA XÃ HỘI …", the agency and the Quốc
    hiệu in two columns made of spaces, FR10-TC01); blanks inside a piece ("ngày    tháng") stay."""
    joined = "".join(piece for _, piece in seg.pieces)
    runs = [r for r, piece in seg.pieces for _ in piece]
    base = seg.start - (len(joined) - len(joined.lstrip()))
    cut = next((m for m in gap.finditer(joined) if joined[:m.start()].strip() and starts_piece(joined[m.end():])),
               None)
    if cut is None:
        return [seg]

    def part(a: int, b: int) -> Segment:
        text = joined[a:b]
        a += len(text) - len(text.lstrip())
        b = a + len(text.strip())
        pieces: list[tuple[Run, str]] = []
        for k in range(a, b):
            if pieces and pieces[-1][0] is runs[k]:
                pieces[-1] = (runs[k], pieces[-1][1] + joined[k])
            else:
                pieces.append((runs[k], joined[k]))
        return Segment(seg.para, base + a, base + b, joined[a:b], pieces)

    return [part(0, cut.start())] + split_at_gaps(part(cut.end(), len(joined)), starts_piece, gap)


def _excerpt(text: str, n: int = 60) -> str:
    text = " ".join(text.replace("\t", " ").split())
    return text if len(text) <= n else text[: n - 1] + "…"


def format_fix(seg: Segment, **kw) -> Fix:
    """Size, bold or italic of one piece of a line."""
    return Fix("format", seg.para.index, seg.start, seg.end, **kw)


# ---------------------------------------------------------------- the checker every part reports into

SIZE_PAIR = Rule("font.size-pair", "cặp cỡ chữ thống nhất (13/14 hoặc 12/13)", "PL I §V, chú thích cột cỡ chữ",
                 fixable=True)
RULES = (SIZE_PAIR,)


def _line_at_top(p: Paragraph) -> bool:
    """A line floats at the very top of `p`, above its text: within its spacing before and half a line."""
    return any(d.kind == "line" and d.top_pt is not None and d.top_pt < (p.space_before_pt or 0.0) + 6.0
               for d in p.drawings)


class Checker:
    """The document as the parts of the check read it (paragraphs in order, the table cell of each, the
    paragraphs anchoring drawn lines), the findings they add, and the size pair once the header fixed it."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.findings: list[Message] = []
        self.paras = list(doc.paragraphs())
        self.order = {p.index: i for i, p in enumerate(self.paras)}
        self.cell_of: dict[int, tuple[Table, int, int]] = {}  # paragraph → (table, row, cell)
        for block in doc.blocks:
            if isinstance(block, Table):
                for r, row in enumerate(block.rows):
                    for c, cell in enumerate(row.cells):
                        for p in cell.paragraphs:
                            self.cell_of[p.index] = (block, r, c)
        self.shapes = self._shape_paragraphs()
        self.pair: int | None = None
        self.sizes = nd30.sizes_for(14)

    def add(self, rule: Rule, text: str, ref: str | None = None, *, p: Paragraph | None = None,
            seg: Segment | None = None, level: Level = "error", fix: Fix | None = None,
            section: int | None = None) -> None:
        """Report `rule` (citing `ref` when narrower than the rule's) at a segment, a paragraph or a section."""
        para = seg.para if seg is not None else p
        excerpt = _excerpt(seg.text if seg is not None else (para.text if para is not None else ""))
        sec = section if section is not None else (para.section if para is not None else None)
        index = para.index if para is not None else None
        self.findings.append(Message(level, text, place(sec, index), rule=rule.id, ref=rule.ref if ref is None else ref,
                                     excerpt=excerpt, detail=Found(sec, index, fix)))

    def _shape_paragraphs(self) -> dict[int, float | None]:
        """Paragraphs anchoring a drawn line (a shape without text): paragraph → its length in points."""
        out: dict[int, float | None] = {}
        for p in self.paras:
            for d in p.drawings:
                if d.kind == "line" or (d.kind == "shape" and not d.has_text):
                    out[p.index] = d.width_pt if d.kind == "line" else None
        return out

    def next_in_container(self, p: Paragraph) -> Paragraph | None:
        i = self.order[p.index] + 1
        if i >= len(self.paras):
            return None
        nxt = self.paras[i]
        here, there = self.cell_of.get(p.index), self.cell_of.get(nxt.index)
        if (here is None) != (there is None):
            return None
        if here is not None and (here[0].index, here[1], here[2]) != (there[0].index, there[1], there[2]):
            return None
        return nxt

    def first_line_indent(self, p: Paragraph) -> float:
        """How far the first line's text starts from the paragraph's left indent, in points, as Word lays it
        out: the first-line indent, or, when the text begins with tabs (after a space or two, FR9-KH02), where
        they bring it: each tab to the paragraph's next stop after the position reached, else the next default
        stop; a centre or right stop places the text before it, or, when the text that follows is too long to
        end there, leaves it where the tab began (FR9-BC01's second tab to a centre stop: 14.3 mm prints, not 82);
        for a numbered item hung from its left indent, where its number prints."""
        start = p.indent_first_line_pt or 0.0
        text = p.text
        if p.list_label and start < 0:  # a numbered item with a hanging indent: its number starts the line
            return (p.indent_left_pt or 0.0) + start
        lead = len(text) - len(text.lstrip(" \u00a0\t"))
        if "\t" not in text[:lead] or p.list_label:
            return start
        lead = text[:lead].rindex("\t") + 1  # a stray space after the last tab is no layout (as after a set indent)
        left = p.indent_left_pt or 0.0
        pos = left + start
        size = next((r.size_pt for r in p.runs if r.text.strip() and r.size_pt), None) or 14.0
        for k in range(lead):
            if text[k] != "\t":
                pos += text_width_pt(text[k], size)
                continue
            at, align = self.tab_stop_after(p, pos)
            if align is None:
                pos = at
                continue
            if align in ("center", "right"):
                words = text_width_pt(text[k + 1:].split("\t")[0], size)
                before = words / 2 if align == "center" else words
                if at + words - before > self._line_end(p):
                    continue  # the text runs past the line's end: it starts where the tab began
                at = max(pos, at - before)
            pos = at
        return pos - left

    def tab_stop_after(self, p: Paragraph, pos: float) -> tuple[float, str | None]:
        """Where a tab typed at `pos` goes: the paragraph's next stop (its position and alignment), else the next default stop."""
        stops = sorted((at, al) for al, at in p.tab_stops if al != "clear" and at > pos + 0.01)
        left = p.indent_left_pt or 0.0
        if (p.indent_first_line_pt or 0.0) < 0 and pos + 0.01 < left and not p.list_label \
                and not (stops and stops[0][0] < left - 0.01):
            # a hanging indent is a stop of its own: a tab on the first line goes there, past the default stops
            # before it (FR16-QD01's "\tThành lập …" under a 15 mm hanging indent prints 15 mm in, not 12.7)
            return left, "left"
        if stops:
            return stops[0]
        step = float(self.doc.settings.get("default_tab_stop_pt") or 36.0)
        return (int(pos / step + 1e-6) + 1) * step, None

    def _line_end(self, p: Paragraph) -> float:
        """Where the paragraph's lines end, in points from the left margin (the text area's width when unknown)."""
        sec = self.doc.sections[min(p.section, len(self.doc.sections) - 1)] if self.doc.sections else None
        if sec is None or not sec.page_width_mm or sec.margin_left_mm is None or sec.margin_right_mm is None:
            return 159 * PT_PER_MM  # A4 with 30 and 20 mm margins
        return (sec.page_width_mm - sec.margin_left_mm - sec.margin_right_mm) * PT_PER_MM - (p.indent_right_pt or 0)

    def below(self, p: Paragraph, limit: int = 3) -> list[Paragraph]:
        """The empty paragraphs right under `p` where a drawn line under it may be anchored: those that follow it in its
        column (and the next line of text, its line floating above it), and when it ends its cell, the first of the cell below."""
        out: list[Paragraph] = []
        q = self.next_in_container(p)
        while q is not None and not q.text.strip() and len(out) < limit:
            out.append(q)
            q = self.next_in_container(q)
        out += [q] if q is not None and q.text.strip() and len(out) < limit and _line_at_top(q) else []  # FR18-TT01
        cell = self.cell_of.get(p.index)
        if q is None and cell is not None:
            table, r, c = cell
            if r + 1 < len(table.rows):
                col = table.rows[r].cells[c].col
                under = next((k for k in table.rows[r + 1].cells if k.col == col), None)
                for para in (under.paragraphs if under is not None else []):
                    if len(out) >= limit:
                        break
                    if para.text.strip():
                        # a rule typed at the top of the cell below, or drawn floating at the top of its first
                        # line (anchored in the number or date paragraph, printed above its text)
                        if nd30.is_typed_rule(para.text) or _line_at_top(para):
                            out.append(para)
                        break
                    out.append(para)
        return out

    def shown_kinds(self, sec: Section) -> set[str]:
        """The header/footer kinds Word prints in this section: "default" always, "first" with a title page
        ("trang đầu khác"), "even" when the document's settings make even and odd pages differ."""
        kinds = {"default"}
        if sec.title_page:
            kinds.add("first")
        if self.doc.settings.get("even_and_odd_headers"):
            kinds.add("even")
        return kinds

    def shown_parts(self, sec: Section) -> list[list[Paragraph]]:
        """The section's headers and footers that Word prints (an unused even-page footer is not on paper)."""
        kinds = self.shown_kinds(sec)
        return [group for parts in (sec.headers, sec.footers) for kind, group in parts.items() if kind in kinds]

    def printed(self) -> Iterator[tuple[Paragraph, int | None]]:
        """Each printed paragraph: the body's (section None), then each shown header/footer's once (its section)."""
        yield from ((p, None) for p in self.paras)
        seen: set[int] = set()
        for sec in self.doc.sections:
            for p in (p for group in self.shown_parts(sec) for p in group):
                if id(p) not in seen:
                    seen.add(id(p))
                    yield p, sec.index

    def centred_by_spaces(self, p: Paragraph) -> bool:
        """A line pushed to the middle of its column with leading spaces (a header typed that way): its printed
        middle lies within 12% of the column's width from the column's middle."""
        line = p.text.split("\n")[0]
        return len(line) - len(line.lstrip(" \u00a0")) >= 2 and self.prints_centred(p, one_line=False)

    def prints_centred(self, p: Paragraph, *, one_line: bool = True) -> bool:
        """A left, justified or unaligned line that prints about where a centred one would: its printed middle
        (after any leading spaces) within 12% of its column's width from the column's middle (FR3-BC01's Quốc
        hiệu justified in a cell just wide enough, FR-QD02's agency pushed in with spaces). `one_line`: the
        paragraph is one line that fits its column (a wrapped paragraph is running text, not a placed line), with no
        blank left in it to fill ("Số:            /BC-STC": where it prints depends on the number to come, FR7-BC02)."""
        line = p.text.split("\n")[0]
        if "\t" in line or p.alignment not in (None, "left", "both") or (one_line and "\n" in p.text.strip()) \
                or (one_line and re.search(r"[ \u00a0]{3,}", line.strip())):
            return False
        lead = len(line) - len(line.lstrip(" \u00a0"))
        runs = [r for r in p.runs if r.text.strip()]
        size = next((r.size_pt for r in runs if r.size_pt), None) or 13.0
        bold = bool(runs) and all(r.bold for r in runs)
        text = text_width_pt(line.strip(), size, "bold" if bold else "regular")
        start = (p.indent_left_pt or 0) + (p.indent_first_line_pt or 0) + text_width_pt(line[:lead], size)
        middle = start + text / 2
        width = self.width_available(p) - (p.indent_left_pt or 0) - (p.indent_right_pt or 0)
        if width <= 0:
            return False
        if one_line and start - (p.indent_left_pt or 0) + text > width:
            # a line as wide as its column, to within the width table's error, prints the same whatever its
            # alignment (FR9-BC01's bold Quốc hiệu, 5% over its cell by the table, one line on the page)
            return lead == 0 and text <= 1.08 * width
        return abs(middle - (p.indent_left_pt or 0) - width / 2) <= 0.12 * width

    def printed_middle(self, seg: Segment) -> float | None:
        """Where a piece of a line prints its middle, in points from the left margin: after the text before it on
        its line (spaces; tabs to left stops, or to centre and right ones that place the text after them, as
        `first_line_indent`), the line placed by its paragraph's alignment; None when that is not known (a
        right-aligned or wrapping line, a centred one with tabs)."""
        p = seg.para
        begin = p.text.rfind("\n", 0, seg.start) + 1
        end = p.text.find("\n", seg.start)
        line = p.text[begin:len(p.text) if end < 0 else end].rstrip()
        size = seg.size or 13.0
        style = "bold" if seg.bold else "italic" if seg.italic else "regular"
        left = (p.indent_left_pt or 0.0) + ((p.indent_first_line_pt or 0.0) if begin == 0 else 0.0)
        x = left
        for k in range(begin, seg.start):
            if p.text[k] != "\t":
                x += text_width_pt(p.text[k], size, style)
                continue
            at, align = self.tab_stop_after(p, x)
            if align is None:
                x = at
                continue
            if align not in ("left", "center", "right"):
                return None
            words = text_width_pt(line[k + 1 - begin:].split("\t")[0].rstrip(), size, style)
            x = max(x, at - {"left": 0.0, "center": words / 2, "right": words}[align])
        room = self.width_available(p) - (p.indent_right_pt or 0.0)
        width = x - left + text_width_pt(line[seg.start - begin:], size, style)
        if width > room - left or p.alignment == "right":
            return None
        if p.alignment == "center":
            if "\t" in line:
                return None
            x += (room - left - width) / 2
        return x + text_width_pt(seg.text, size, style) / 2

    def width_available(self, p: Paragraph) -> float:
        """Points between the paragraph's indents' reference edges: its text box or frame, its cell, or the page's
        text area (a box of unknown width: the cell's or the page's, which --fix never trusts: `boxed_unknown`)."""
        if p.box_width_pt:
            return p.box_width_pt
        cell = self.cell_of.get(p.index)
        if cell is not None:
            table, r, c = cell
            width = table.rows[r].cells[c].width
            if width:
                return width - 2 * CELL_MARGIN_PT
        sec = self.section_of(p)
        if sec.page_width_mm and sec.margin_left_mm is not None and sec.margin_right_mm is not None:
            return (sec.page_width_mm - sec.margin_left_mm - sec.margin_right_mm) * PT_PER_MM
        return nd30.PORTRAIT_TEXT_W * PT_PER_MM

    def section_of(self, p: Paragraph) -> Section:
        secs = self.doc.sections
        return secs[min(p.section, len(secs) - 1)]

    # -- judgements the parts share
    def size_check(self, element: str, seg: Segment, rule: Rule, name: str, expected: float | None = None) -> None:
        """Size within ND30's range for the element (and equal to `expected` when the pair fixes it)."""
        low, high = nd30.SIZE_RANGE[element]
        size = seg.size
        if size is None:
            if len(seg.sizes) > 1:
                want = expected if expected is not None else high
                self.add(rule, f"{name}: cỡ chữ không đồng nhất trong cùng một dòng (phải là {decimal(want)})", seg=seg,
                         fix=format_fix(seg, size=want))
            return
        want = expected if expected is not None else (size if low <= size <= high else (low if size < low else high))
        if not low <= size <= high:
            span = f"{decimal(low)}" if low == high else f"từ {decimal(low)} đến {decimal(high)}"
            self.add(rule, f"{name}: cỡ chữ {decimal(size)}, ND30 quy định cỡ {span}", seg=seg, fix=format_fix(seg, size=want))
        elif expected is not None and size != expected:
            self.add(SIZE_PAIR, f"{name}: cỡ chữ {decimal(size)} không cùng cặp cỡ chữ của văn bản (cặp {self.pair}: "
                     f"phải là {decimal(expected)})", seg=seg, fix=format_fix(seg, size=expected))

    def look_check(self, element: str, seg: Segment, rule: Rule, name: str, *, fix_look: bool = False) -> None:
        look = nd30.LOOK[element]
        wrong = []
        if look.bold is not None and seg.bold is not None and bool(seg.bold) != look.bold:
            wrong.append("chữ đậm" if look.bold else "không in đậm")
        if look.italic is not None and seg.italic is not None and bool(seg.italic) != look.italic:
            wrong.append("chữ nghiêng" if look.italic else "chữ đứng (không nghiêng)")
        if look.caps is True and not seg.caps:
            wrong.append("chữ in hoa")
        if look.caps is False and seg.caps and len(seg.text) > 3:
            wrong.append("chữ in thường (không viết hoa toàn bộ)")
        if wrong:
            fix = None
            if fix_look and "chữ in hoa" not in wrong and not any("in thường" in x for x in wrong):
                fix = format_fix(seg, bold=look.bold, italic=look.italic)
            self.add(rule, f"{name} phải trình bày {', '.join(wrong)}", seg=seg, fix=fix)

    def align_check(self, element: str, p: Paragraph, rule: Rule, name: str, level: Level = "warning", *,
                    ref: str | None = None) -> None:
        want = nd30.LOOK[element].align
        if want == "center" and (self.centred_by_spaces(p) or self.prints_centred(p)):
            return  # placed with spaces, or filling its column, where it prints centred: the page is right
        align = p.alignment
        if align is None and want == "center" and not p.text.startswith(("\t", " ", "\u00a0")):
            # no alignment in the paragraph or its styles (a table's included): Word sets it at the left margin,
            # of the page or of its cell (FR6-TB02's header table)
            align = "left"
        if want and align and align != want and not (want == "left" and align == "both"):
            words = {"center": "canh giữa", "both": "canh đều hai lề", "left": "canh trái"}
            self.add(rule, f"{name} phải {words[want]}", ref, p=p, level=level)


def content_table_end(ck: Checker, last: Paragraph, end: int, frame=None):
    """(table, its last line with text) for a table of the content set after the body's last paragraph, before the
    tail; None when no such table closes the content. A table holding the signature (the frame's signature zone) or
    the Nơi nhận, typed with its marks or without (GEN02), is the tail's."""
    signs = frozenset(frame.zones.signature) if frame is not None and frame.zones is not None else frozenset()
    tables = []
    for p in ck.paras[ck.order[last.index] + 1:end]:
        cell = ck.cell_of.get(p.index)
        if cell is None or not p.text.strip():
            continue
        text = p.text.strip()
        if (ck.order[p.index] in signs or nd30.AUTHORITY_RE.match(text) or nd30.is_recipients_label(text)
                or ascii_key(text).startswith("noi nhan")):
            return None
        if not tables or tables[-1][0] is not cell[0]:
            tables.append((cell[0], p))
        tables[-1] = (cell[0], p)
    return tables[-1] if tables and len(tables[-1][0].rows) > 1 else None
