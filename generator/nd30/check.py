"""`kehoach check`: judge any Word document (as read by the shared reader) against ND30 for a KH-UBND.

Input is the neutral tree of `generator.word.reader`; the rules come from `generator.nd30.rules`, the module the
renderer takes its layout from. Output: findings (rule id, severity, section, paragraph, excerpt, message in
Vietnamese) and, for the ones a machine may correct without judgement, a `Fix` that `fix.py` applies.
No I/O, no printing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Literal

from generator import nd30
from generator.core.text import text_width_pt
from generator.nd30.labels import roman
from generator.word.model import Document, Message, Paragraph, Run, Section, Table

Severity = Literal["error", "warning"]
PT_PER_MM = 72 / 25.4
CELL_MARGIN_PT = 5.4  # Word's default cell margin (0.19 cm); the reader does not give tblCellMar
GROUP_AFTER = 3  # per rule, findings beyond this many are summed up in one


@dataclass(frozen=True)
class Fix:
    """A correction `fix.py` may make without judgement. `kind` names it; the other fields locate it:
    paragraph = reader index; start/end = offsets in that paragraph's accepted text."""

    kind: Literal["text", "format", "font", "margins", "rule", "rule_shape", "page_number", "restart_numbering",
                  "header_row", "cant_split"]
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
    width_pt: float | None = None  # "rule_shape": length of the drawn line
    page_number_size: float | None = None


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: Severity
    message: str  # Vietnamese
    ref: str = ""  # where ND30 says it: "PL I §II.4.b"
    section: int | None = None  # 0-based
    paragraph: int | None = None  # reader index, 0-based
    excerpt: str = ""
    fix: Fix | None = None
    extra: int = 0  # this finding stands for `extra` more of the same rule

    @property
    def fixable(self) -> bool:
        return self.fix is not None

    def where(self) -> str:
        parts = []
        if self.section is not None:
            parts.append(f"phần {self.section + 1}")
        if self.paragraph is not None:
            parts.append(f"đoạn {self.paragraph + 1}")
        return ", ".join(parts) or "toàn văn bản"

    def as_dict(self) -> dict:
        return {"rule": self.rule, "severity": self.severity, "section": None if self.section is None else self.section + 1,
                "paragraph": None if self.paragraph is None else self.paragraph + 1, "excerpt": self.excerpt,
                "message": self.message, "ref": self.ref, "fixable": self.fixable, "more": self.extra}


@dataclass
class CheckResult:
    findings: list[Finding]
    messages: list[Message] = field(default_factory=list)  # from the reader: what it could not read
    size_pair: int | None = None

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]


# ---------------------------------------------------------------- segments: the pieces of a line


@dataclass
class Segment:
    """One piece of a paragraph between tabs and line breaks (a header set with tabs puts the agency and
    the Quốc hiệu in one paragraph), with the runs that draw it."""

    para: Paragraph
    start: int
    end: int
    text: str
    pieces: list[tuple[Run, str]]

    def _visible(self) -> list[Run]:
        return [r for r, piece in self.pieces if piece.strip()]

    def _all(self, name: str) -> bool | None:
        runs = self._visible()
        return all(getattr(r, name) for r in runs) if runs else None

    @property
    def bold(self) -> bool | None:
        return self._all("bold")

    @property
    def italic(self) -> bool | None:
        runs = self._visible()
        return any(r.italic for r in runs) if runs else None

    @property
    def underline(self) -> bool:
        return bool(self._all("underline"))

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
        return bool(letters) and (all(c.isupper() for c in letters) or bool(self._all("caps")))


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
        for piece in re.split(r"([\t\n\f])", run.text):
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


def _excerpt(text: str, n: int = 60) -> str:
    text = " ".join(text.replace("\t", " ").split())
    return text if len(text) <= n else text[: n - 1] + "…"


# ---------------------------------------------------------------- the checker


class _Checker:
    def __init__(self, doc: Document, messages: list[Message]):
        self.doc = doc
        self.messages = messages
        self.findings: list[Finding] = []
        self.paras = list(doc.paragraphs())
        self.by_index = {p.index: p for p in self.paras}
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

    # -- helpers
    def add(self, rule: str, message: str, ref: str = "", *, p: Paragraph | None = None, seg: Segment | None = None,
            severity: Severity = "error", fix: Fix | None = None, section: int | None = None) -> None:
        para = seg.para if seg is not None else p
        excerpt = _excerpt(seg.text if seg is not None else (para.text if para is not None else ""))
        sec = section if section is not None else (para.section if para is not None else None)
        self.findings.append(Finding(rule, severity, message, ref, sec, para.index if para is not None else None,
                                     excerpt, fix))

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

    def width_available(self, p: Paragraph) -> float:
        """Points between the paragraph's indents' reference edges: its cell, or the page's text area."""
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

    def size_check(self, element: str, seg: Segment, rule: str, name: str, ref: str, expected: float | None = None):
        """Size within ND30's range for the element (and equal to `expected` when the pair fixes it)."""
        low, high = nd30.SIZE_RANGE[element]
        size = seg.size
        if size is None:
            if len(seg.sizes) > 1:
                want = expected if expected is not None else high
                self.add(rule, f"{name}: cỡ chữ không đồng nhất trong cùng một dòng (phải là {want:g})", ref, seg=seg,
                         fix=self._format_fix(seg, size=want))
            return
        want = expected if expected is not None else (size if low <= size <= high else (low if size < low else high))
        if not low <= size <= high:
            span = f"{low:g}" if low == high else f"từ {low:g} đến {high:g}"
            self.add(rule, f"{name}: cỡ chữ {size:g}, ND30 quy định cỡ {span}", ref, seg=seg,
                     fix=self._format_fix(seg, size=want))
        elif expected is not None and size != expected:
            self.add("font.size-pair", f"{name}: cỡ chữ {size:g} không cùng cặp cỡ chữ của văn bản (cặp {self.pair}: "
                     f"phải là {expected:g})", "PL I §V, chú thích cột cỡ chữ", seg=seg,
                     fix=self._format_fix(seg, size=expected))

    def look_check(self, element: str, seg: Segment, rule: str, name: str, ref: str, *, fix_look: bool = False):
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
                fix = self._format_fix(seg, bold=look.bold, italic=look.italic)
            self.add(rule, f"{name} phải trình bày {', '.join(wrong)}", ref, seg=seg, fix=fix)

    def align_check(self, element: str, p: Paragraph, rule: str, name: str, ref: str, severity: Severity = "warning"):
        want = nd30.LOOK[element].align
        if want and p.alignment and p.alignment != want and not (want == "left" and p.alignment == "both"):
            words = {"center": "canh giữa", "both": "canh đều hai lề", "left": "canh trái"}
            self.add(rule, f"{name} phải {words[want]}", ref, p=p, severity=severity)

    @staticmethod
    def _format_fix(seg: Segment, **kw) -> Fix:
        return Fix("format", seg.para.index, seg.start, seg.end, **kw)

    # -- the checks, in page order
    def run(self) -> None:
        self.check_sections()
        self.check_fonts()
        header, doc_type = self.find_doc_type()
        self.check_header(header)
        title_end = self.check_title(doc_type)
        self.body_start = title_end
        recipients = self.find_recipients()
        appendices = self.find_appendix_labels()
        body_end = self.body_end(recipients, appendices)
        self.check_body(title_end, body_end)
        self.check_recipients_and_signature(recipients, body_end, appendices)
        self.check_page_numbers(appendices)
        self.check_appendices(appendices)

    # ---------------------------------------------------------------- page set-up, fonts
    def check_sections(self) -> None:
        for sec in self.doc.sections:
            if not nd30.page_size_ok(sec.page_width_mm, sec.page_height_mm):
                size = (f"{sec.page_width_mm:.0f} × {sec.page_height_mm:.0f} mm" if sec.page_width_mm and sec.page_height_mm
                        else "không ghi")
                self.add("page.size", f"khổ giấy {size}, ND30 quy định khổ A4 (210 × 297 mm)", "PL I §I.1",
                         section=sec.index)
            if sec.index == 0 and sec.orientation == "landscape":
                self.add("page.orientation", "trang đầu văn bản phải theo chiều dài khổ A4 (trang đứng)", "PL I §I.2",
                         section=0)
            wrong = []
            for side, label in (("top", "trên"), ("bottom", "dưới"), ("left", "trái"), ("right", "phải")):
                value = getattr(sec, f"margin_{side}_mm")
                if not nd30.margin_ok(side, value):
                    low, high = nd30.MARGIN_RANGE_MM[side]
                    shown = f"{value:.1f}".replace(".", ",") if value is not None else "không ghi"
                    wrong.append((side, f"lề {label} {shown} mm (phải {low:g}–{high:g} mm)"))
            if wrong:
                margins = tuple((side, nd30.clamp_margin(side, getattr(sec, f"margin_{side}_mm"))) for side, _ in wrong)
                self.add("page.margins", "; ".join(text for _, text in wrong), "PL I §I.3", section=sec.index,
                         fix=Fix("margins", section=sec.index, margins=margins))

    def check_fonts(self) -> None:
        """Every visible run in Times New Roman: body paragraphs by number, page headers/footers by section
        (their paragraphs are numbered apart from the body's)."""
        bad: dict[str, list[tuple[Paragraph | None, int | None]]] = {}

        def scan(p: Paragraph, where: tuple[Paragraph | None, int | None]) -> None:
            for r in p.runs:
                if r.change != "del" and r.text.strip() and not nd30.font_ok(r.font):
                    bad.setdefault(r.font, []).append(where)
                    return

        for p in self.paras:
            scan(p, (p, None))
        seen: set[int] = set()
        for sec in self.doc.sections:
            for group in (*sec.headers.values(), *sec.footers.values()):
                for p in group:
                    if id(p) not in seen:
                        seen.add(id(p))
                        scan(p, (None, sec.index))
        for font, places in sorted(bad.items()):
            para, section = places[0]
            more = f" (và {len(places) - 1} đoạn khác)" if len(places) > 1 else ""
            where = "" if para is not None else " ở đầu/chân trang"
            self.add("font.family", f"phông chữ “{font}”{where}, ND30 quy định {nd30.FONT}{more}", "PL I §I.4",
                     p=para, section=section, fix=Fix("font"))

    # ---------------------------------------------------------------- header (ô 1–4)
    def find_doc_type(self) -> tuple[list[Paragraph], Paragraph | None]:
        for p in self.paras[:80]:
            if nd30.fold(p.text) == nd30.fold(nd30.DOC_TYPE) and p.index not in self.cell_of:
                return [q for q in self.paras if self.order[q.index] < self.order[p.index]], p
        self.add("doctype.missing", f"không thấy dòng tên loại “{nd30.DOC_TYPE}” (một dòng riêng, canh giữa, dưới phần "
                 "đầu văn bản)", "PL I §II.5.b")
        header = []
        first = self.doc.blocks[0] if self.doc.blocks else None
        for p in self.paras[:40]:
            if isinstance(first, Table) and self.cell_of.get(p.index, (None,))[0] is not first:
                break  # a header set as a table is that table
            if p.index not in self.cell_of and p.alignment == "both" and p.text.strip():
                break
            header.append(p)
        self.header_end = len(header)
        return header, None

    def check_header(self, header: list[Paragraph]) -> None:
        segs = [s for p in header for s in segments(p)]
        national = next((s for s in segs if nd30.is_national(s.text) or "cộng hòa xã hội" in nd30.fold(s.text)), None)
        motto = next((s for s in segs if nd30.is_motto_like(s.text)), None)
        number = next((s for s in segs if re.match(r"^số\b", nd30.fold(s.text)) and "/" in s.text), None)
        date = next((s for s in segs if re.search(r",\s*ngày\b", s.text) and "năm" in s.text), None)
        typed = [s for s in segs if nd30.is_typed_rule(s.text)]
        known = {id(x) for x in (national, motto, number, date) if x is not None} | {id(s) for s in typed}
        issuer = [s for s in segs if id(s) not in known and s.caps and len(s.text) > 2]

        if national is None:
            self.add("national.missing", f"không thấy Quốc hiệu “{nd30.NATIONAL}”", "PL I §II.1.a")
        if motto is None:
            self.add("motto.missing", f"không thấy Tiêu ngữ “{nd30.MOTTO}”", "PL I §II.1.b")
        self.pair = nd30.pair_from(national.size if national else None, motto.size if motto else None)
        if self.pair is not None:
            self.sizes = nd30.sizes_for(self.pair)
        if national is not None:
            if " ".join(national.text.split()) != nd30.NATIONAL:
                self.add("national.text", f"Quốc hiệu phải viết đúng “{nd30.NATIONAL}”", "PL I §II.1.a", seg=national,
                         severity="warning" if nd30.is_national(national.text) else "error")
            self.look_check("national", national, "national.style", "Quốc hiệu", "PL I §II.1.a", fix_look=True)
            self.size_check("national", national, "national.size", "Quốc hiệu", "PL I §II.1.a",
                            self.sizes["national"] if self.pair else None)
        if motto is not None:
            if not nd30.motto_ok(motto.text):
                self.add("motto.text", f"Tiêu ngữ phải viết đúng “{nd30.MOTTO}” (gạch nối “-” có cách chữ hai bên, "
                         "viết hoa chữ đầu mỗi cụm)", "PL I §II.1.b", seg=motto)
            self.look_check("motto", motto, "motto.style", "Tiêu ngữ", "PL I §II.1.b", fix_look=True)
            self.size_check("motto", motto, "motto.size", "Tiêu ngữ", "PL I §II.1.b",
                            self.sizes["motto"] if self.pair else None)
            if national is not None and national.para.index != motto.para.index and \
                    self.order[motto.para.index] < self.order[national.para.index]:
                self.add("motto.position", "Tiêu ngữ phải ở dưới Quốc hiệu", "PL I §II.1.b", seg=motto)
            self.check_rule(motto, "motto", typed)

        for seg, element, name in ((national, "national", "Quốc hiệu"), (motto, "motto", "Tiêu ngữ"),
                                   (number, "number", "Số, ký hiệu"), (date, "date", "Địa danh, ngày tháng")):
            if seg is not None and len(segments(seg.para)) == 1:
                self.align_check(element, seg.para, f"{element}.style", name, nd30.LOOK_REF[element])
        self.check_issuer(issuer, typed, national)
        if number is None:
            self.add("number.missing", "không thấy dòng số, ký hiệu “Số: …/KH-…”", "PL I §II.3")
        else:
            for problem in nd30.number_problems(number.text):
                self.add("number.form", f"Số, ký hiệu: {problem}", "PL I §II.3.c", seg=number)
            self.look_check("number", number, "number.style", "Số, ký hiệu", "PL I §II.3.c", fix_look=True)
            self.size_check("number", number, "number.size", "Số, ký hiệu", "PL I §II.3.c")
        if date is None:
            self.add("date.missing", "không thấy dòng địa danh và ngày tháng “…, ngày … tháng … năm …”", "PL I §II.4")
        else:
            result = nd30.date_check(date.text)
            for problem in result.problems:
                fix = None
                if result.fixed is not None and date.text == date.para.text[date.start:date.end]:
                    fix = Fix("text", date.para.index, date.start, date.end, text=" ".join(result.fixed.split())
                              if " ".join(date.text.split()) == date.text else result.fixed)
                self.add("date.form", f"Ngày tháng: {problem}", "PL I §II.4.b", seg=date, fix=fix)
            self.look_check("date", date, "date.style", "Địa danh, ngày tháng", "PL I §II.4.c", fix_look=True)
            self.size_check("date", date, "date.size", "Địa danh, ngày tháng", "PL I §II.4.c",
                            self.sizes["date"] if self.pair else None)
            if number is not None and not self._same_line(number.para, date.para):
                self.add("date.position", "số, ký hiệu và ngày tháng phải trên cùng một dòng", "PL I §II.4.c",
                         seg=date, severity="warning")
        for seg in typed:
            if not getattr(seg, "_claimed", False):
                self.add("rule.typed", "đường kẻ gõ bằng dấu gạch dưới; ND30 quy định đường kẻ ngang nét liền (vẽ)",
                         "PL I §II.1.b, §II.2.b", seg=seg, fix=self._rule_fix(seg, None))

    def _same_line(self, a: Paragraph, b: Paragraph) -> bool:
        if a.index == b.index:
            return True
        ca, cb = self.cell_of.get(a.index), self.cell_of.get(b.index)
        return ca is not None and cb is not None and ca[0].index == cb[0].index and ca[1] == cb[1] and \
            self._position_in_cell(a) == self._position_in_cell(b)

    def _position_in_cell(self, p: Paragraph) -> int:
        table, r, c = self.cell_of[p.index]
        paras = [q for q in table.rows[r].cells[c].paragraphs if q.text.strip()]
        return next((i for i, q in enumerate(paras) if q.index == p.index), -1) - len(paras)

    def check_issuer(self, issuer: list[Segment], typed: list[Segment], national: Segment | None) -> None:
        if not issuer:
            self.add("issuer.missing", "không thấy tên cơ quan ban hành (chữ in hoa, ở góc trên bên trái)", "PL I §II.2")
            return
        bold = [s for s in issuer if s.bold]
        if not bold:  # which lines are the superior agency (not bold) is for a person to say
            self.add("issuer.style", "tên cơ quan ban hành phải in đậm", "PL I §II.2.b", seg=issuer[-1])
        else:
            first_bold = issuer.index(bold[0])
            for s in issuer[:first_bold]:  # the superior agency: upright, not bold
                if s.italic:
                    self.add("issuer.style", "tên cơ quan chủ quản phải chữ đứng", "PL I §II.2.b", seg=s)
            for s in issuer[first_bold:]:
                if not s.bold:
                    self.add("issuer.style", "tên cơ quan ban hành phải in đậm (cả các dòng)", "PL I §II.2.b", seg=s,
                             fix=self._format_fix(s, bold=True))
        for s in issuer:
            self.size_check("agency", s, "issuer.size", "Tên cơ quan", "PL I §II.2.b")
        main = bold or issuer
        self.check_rule(main[-1], "agency", typed, lines=main)

    def check_rule(self, seg: Segment, kind: str, typed: list[Segment], lines: list[Segment] | None = None) -> None:
        """The rule under the Tiêu ngữ (its full length), the agency name or the trích yếu (1/3–1/2)."""
        names = {"motto": "Tiêu ngữ", "agency": "tên cơ quan ban hành", "title": "trích yếu"}
        ref = {"motto": "PL I §II.1.b", "agency": "PL I §II.2.b", "title": "PL I §II.5.b"}[kind]
        rule = f"{'motto' if kind == 'motto' else 'issuer' if kind == 'agency' else 'title'}.rule"
        p = seg.para
        # a typed rule in the next paragraph of the same column
        nxt = self.next_in_container(p)
        candidates = [q for q in (nxt, self.next_in_container(nxt) if nxt is not None and not nxt.text.strip()
                                  and not nxt.border_bottom and nxt.index not in self.shapes else None) if q]
        for s in typed:
            if getattr(s, "_claimed", False):
                continue
            if any(s.para.index == q.index for q in candidates) or s.para.index == p.index:
                if self._column_match(s, seg):
                    s._claimed = True  # type: ignore[attr-defined]
                    self.add("rule.typed", f"đường kẻ dưới {names[kind]} gõ bằng dấu gạch dưới; ND30 quy định đường "
                             "kẻ ngang, nét liền", ref, seg=s, fix=self._rule_fix(s, self._rule_length(kind, seg, lines, s.para)))
                    return
        if seg.underline:
            self.add(rule, f"gạch chân chữ {names[kind]} thay cho đường kẻ ngang bên dưới", ref, seg=seg,
                     severity="warning")
            return
        for q in candidates:
            if q.index in self.shapes:
                self._shape_length_check(kind, seg, lines, q, rule, names[kind], ref)
                return
            if q.border_bottom and not q.text.strip():
                self._rule_length_check(kind, seg, lines, q, rule, names[kind], ref)
                return
        if p.border_bottom:
            self._rule_length_check(kind, seg, lines, p, rule, names[kind], ref)
            return
        if p.index in self.shapes:
            self._shape_length_check(kind, seg, lines, p, rule, names[kind], ref)
            return
        self.add(rule, f"thiếu đường kẻ ngang, nét liền dưới {names[kind]}", ref, seg=seg)

    def _column_match(self, typed: Segment, seg: Segment) -> bool:
        """In a header set with tabs, the rule under a block sits after as many tabs as the block's text."""
        if typed.para.index in self.cell_of or seg.para.index in self.cell_of:
            return True
        return typed.para.text[:typed.start].count("\t") == seg.para.text[:seg.start].count("\t")

    def _text_width(self, kind: str, seg: Segment, lines: list[Segment] | None, where: Paragraph) -> float:
        size = seg.size or self.sizes["motto" if kind == "motto" else "agency" if kind == "agency" else "title"]
        texts = [s.text for s in (lines or [seg])]
        width = max(text_width_pt(t, size, "bold") for t in texts)
        return min(width, self.width_available(where))

    def _rule_length(self, kind: str, seg: Segment, lines, where: Paragraph) -> float:
        text = self._text_width(kind, seg, lines, where)
        return text if kind == "motto" else text * nd30.RULE_RATIO

    def _shape_length_check(self, kind, seg, lines, q: Paragraph, rule, name, ref) -> None:
        length = self.shapes.get(q.index)
        if length:  # in a tab-set header one paragraph may hold two lines: measured only when alone
            if sum(1 for d in q.drawings if d.kind == "line") == 1:
                self._rule_length_check(kind, seg, lines, q, rule, name, ref, length)

    def _rule_length_check(self, kind, seg, lines, q: Paragraph, rule, name, ref, length: float | None = None) -> None:
        available = self.width_available(q)
        if length is None:
            length = available - (q.indent_left_pt or 0) - (q.indent_right_pt or 0)
        text = self._text_width(kind, seg, lines, q)
        ok = nd30.motto_rule_ok(length, text) if kind == "motto" else nd30.rule_ratio_ok(length, text)
        if not ok:
            want = "bằng độ dài dòng chữ" if kind == "motto" else "bằng 1/3 đến 1/2 độ dài dòng chữ"
            self.add(rule, f"đường kẻ dưới {name} dài khoảng {length / PT_PER_MM:.0f} mm, phải {want} "
                     f"(khoảng {text / PT_PER_MM * (1 if kind == 'motto' else nd30.RULE_RATIO):.0f} mm)", ref, p=q,
                     severity="warning")

    def _rule_fix(self, typed: Segment, length: float | None) -> Fix | None:
        """A paragraph that holds only the typed rule becomes a bordered empty paragraph of the right length;
        a rule that shares its line with another (a header set with tabs) becomes a drawn line of that length."""
        others = [s for s in segments(typed.para) if s.start != typed.start]
        if length is None:
            return None
        if others:
            # centred by the k-th (centre) tab stop; the line is drawn from the start of the paragraph
            p = typed.para
            k = p.text[:typed.start].count("\t")
            stops = [(al, pos) for al, pos in p.tab_stops if al != "clear"]
            if not 1 <= k <= len(stops) or stops[k - 1][0] != "center" or p.alignment not in (None, "left", "both"):
                return None
            x = stops[k - 1][1] - (p.indent_left_pt or 0) - (p.indent_first_line_pt or 0) - length / 2
            return Fix("rule_shape", p.index, typed.start, typed.end, width_pt=round(length, 1), indent_pt=round(x, 1))
        side = max(0.0, (self.width_available(typed.para) - length) / 2)
        return Fix("rule", typed.para.index, typed.start, typed.end, indent_pt=round(side, 1))

    # ---------------------------------------------------------------- tên loại, trích yếu (ô 5a)
    def check_title(self, doc_type: Paragraph | None) -> int:
        """Returns the order position where the body starts."""
        if doc_type is None:
            return getattr(self, "header_end", 0)
        seg = segments(doc_type)[0]
        if doc_type.text.strip() != nd30.DOC_TYPE:
            self.add("doctype.style", f"tên loại phải viết in hoa “{nd30.DOC_TYPE}”", "PL I §II.5.b", seg=seg)
        self.look_check("doc_type", seg, "doctype.style", "Tên loại", "PL I §II.5.b", fix_look=True)
        self.size_check("doc_type", seg, "doctype.size", "Tên loại", "PL I §II.5.b",
                        self.sizes["doc_type"] if self.pair else None)
        self.align_check("doc_type", doc_type, "doctype.style", "Tên loại", "PL I §II.5.b", "error")
        i = self.order[doc_type.index] + 1
        title: list[Segment] = []
        while i < len(self.paras) and len(title) < 6:
            p = self.paras[i]
            if p.index in self.cell_of or not p.text.strip() or nd30.is_typed_rule(p.text) or p.border_bottom \
                    or p.index in self.shapes or p.alignment not in ("center", None):
                break
            title.extend(segments(p))
            i += 1
        if not title:
            self.add("title.missing", "không thấy trích yếu nội dung ngay dưới tên loại", "PL I §II.5.b", p=doc_type)
            return i
        for s in title:
            self.look_check("title", s, "title.style", "Trích yếu", "PL I §II.5.b", fix_look=False)
            self.size_check("title", s, "title.size", "Trích yếu", "PL I §II.5.b",
                            self.sizes["title"] if self.pair else None)
        self.align_check("title", title[0].para, "title.style", "Trích yếu", "PL I §II.5.b", "error")
        typed = []
        if i < len(self.paras) and nd30.is_typed_rule(self.paras[i].text):
            typed = segments(self.paras[i])
        last = title[-1]
        self._title_rule(last, title, typed)
        while i < len(self.paras) and (not self.paras[i].text.strip() or nd30.is_typed_rule(self.paras[i].text)):
            i += 1
        return i

    def _title_rule(self, last: Segment, title: list[Segment], typed: list[Segment]) -> None:
        p = last.para
        nxt = self.next_in_container(p)
        if typed:
            s = typed[0]
            self.add("rule.typed", "đường kẻ dưới trích yếu gõ bằng dấu gạch dưới; ND30 quy định đường kẻ ngang, nét "
                     "liền", "PL I §II.5.b", seg=s, fix=self._rule_fix(s, self._rule_length("title", last, title, s.para)))
            return
        if nxt is not None and nxt.index in self.shapes:
            self._shape_length_check("title", last, title, nxt, "title.rule", "trích yếu", "PL I §II.5.b")
            return
        target = nxt if nxt is not None and nxt.border_bottom and not nxt.text.strip() else (p if p.border_bottom else None)
        if target is None:
            self.add("title.rule", "thiếu đường kẻ ngang, nét liền dưới trích yếu", "PL I §II.5.b", seg=last)
            return
        self._rule_length_check("title", last, title, target, "title.rule", "trích yếu", "PL I §II.5.b")

    # ---------------------------------------------------------------- body (ô 6)
    def find_recipients(self) -> Paragraph | None:
        for p in self.paras:
            if nd30.fold(p.text).startswith("nơi nhận"):
                return p
        return None

    def find_appendix_labels(self) -> list[Paragraph]:
        out = []
        for p in self.paras:
            if p.index in self.cell_of or not nd30.is_appendix_label(p.text):
                continue
            if p.section > 0 or p.page_break_before or out or self._after_signature(p):
                out.append(p)
        return out

    def _after_signature(self, p: Paragraph) -> bool:
        rec = self.find_recipients()
        return rec is not None and self.order[p.index] > self.order[rec.index]

    def body_end(self, recipients: Paragraph | None, appendices: list[Paragraph]) -> int:
        ends = [len(self.paras)]
        if recipients is not None:
            cell = self.cell_of.get(recipients.index)
            if cell is not None:
                first = cell[0].rows[0].cells[0].paragraphs
                ends.append(self.order[first[0].index] if first else self.order[recipients.index])
            else:
                ends.append(self.order[recipients.index])
        if appendices:
            ends.append(self.order[appendices[0].index])
        # the signature block may come before Nơi nhận (a common error): stop at the first authority line
        return min(ends)

    def check_body(self, start: int, end: int) -> None:
        body = [p for p in self.paras[start:end] if p.index not in self.cell_of and p.text.strip()
                and not p.in_shape]
        # trailing signature lines typed as paragraphs belong to the signature block, not the body
        while body and (nd30.AUTHORITY_RE.match(body[-1].text.strip()) or self._looks_like_signature(body[-1])):
            body.pop()
        counters = {"roman": 0, "arabic": 0, "letter": 0}
        grouped: dict[str, list[tuple]] = {}

        def later(rule: str, *args) -> None:
            grouped.setdefault(rule, []).append(args)

        for p in body:
            label = p.list_label or nd30.split_label(p.text)[0]
            rest = p.text if p.list_label else nd30.split_label(p.text)[1]
            kind = nd30.label_of(label) if label else None
            seg = segments(p)[0] if segments(p) else None
            if kind is not None:
                self.check_label(p, label, kind, counters, rest)
            is_heading = kind is not None and kind[0] == "roman"
            if seg is None:
                continue
            if not is_heading:
                if p.alignment and p.alignment != "both":
                    later("body.justify", p, "nội dung phải canh đều hai lề", "PL I §II.6.e")
                first_mm = (p.indent_first_line_pt or 0) / PT_PER_MM
                if not nd30.first_line_ok(first_mm):
                    later("body.indent", p, f"thụt đầu dòng {first_mm:.1f} mm, phải lùi vào 10 mm hoặc 12,7 mm "
                          "(1 cm hoặc 1,27 cm)".replace(".", ",", 1), "PL I §II.6.e")
                if seg.italic and not nd30.fold(p.text).startswith("căn cứ") and (kind is None or kind[0] != "letter"):
                    later("body.italic", p, "nội dung trình bày kiểu chữ đứng (chỉ phần căn cứ in nghiêng)",
                          "PL I §II.6.a, §II.6.e")
                spacing = (p.space_before_pt or 0) + (p.space_after_pt or 0)
                if spacing + 0.01 < nd30.BODY_MIN_SPACING_PT:
                    later("body.spacing", p, f"khoảng cách giữa các đoạn {spacing:g} pt, tối thiểu 6 pt",
                          "PL I §II.6.e")
                if not nd30.line_spacing_ok(p.line_spacing, seg.size):
                    later("body.line-spacing", p, "khoảng cách dòng phải từ dòng đơn đến 1,5 dòng", "PL I §II.6.e")
            size = seg.size
            if size is not None and not 13 <= size <= 14:
                later("body.size", p, f"cỡ chữ nội dung {size:g}, phải từ 13 đến 14", "PL I §II.6.e",
                      self._format_fix(seg, size=self.sizes["body"]))
            elif size is not None and self.pair and size != self.sizes["body"]:
                later("font.size-pair", p, f"cỡ chữ nội dung {size:g} không cùng cặp cỡ chữ của văn bản (cặp "
                      f"{self.pair}: {self.sizes['body']:g})", "PL I §V, chú thích", self._format_fix(seg, size=self.sizes["body"]))
        for rule, items in grouped.items():
            severity: Severity = "warning" if rule in ("body.spacing", "body.line-spacing", "body.italic") else "error"
            for p, message, ref, *fix in items:
                self.add(rule, message, ref, p=p, severity=severity, fix=fix[0] if fix else None)
        if body:
            last = body[-1]
            if not last.text.rstrip().endswith(nd30.CLOSING_MARK):
                self.add("closing.mark", f"đoạn cuối phần nội dung phải kết thúc bằng dấu “{nd30.CLOSING_MARK}”",
                         "PL III, các Mẫu", p=last)

    def _looks_like_signature(self, p: Paragraph) -> bool:
        text = p.text.strip()
        return p.alignment == "center" and bool(p.bold) and text.isupper() and len(text) < 40

    def check_label(self, p: Paragraph, label: str, kind: tuple[str, int], counters: dict, rest: str) -> None:
        level, n = kind
        names = {"roman": "mục", "arabic": "khoản", "letter": "điểm", "dotted": "điểm"}
        if level == "dotted":
            self.add("heading.numbering", f"điểm đánh số “{label}”; ND30 đánh số điểm bằng chữ cái tiếng Việt a), b), "
                     "c)…", "PL I §II.6.d", p=p, severity="warning")
            return
        if level == "letter" and n == 0:
            self.add("heading.numbering", f"điểm “{label}” không theo thứ tự chữ cái tiếng Việt (a, b, c, d, đ, e, "
                     "g, h, i, k…)", "PL I §II.6.d", p=p)
            counters["letter"] += 1
            return
        expected = counters[level] + 1
        if n != expected:
            shown = {"roman": roman(expected) + ".",
                     "arabic": f"{expected}.", "letter": nd30.point_label(expected)}[level]
            what = "lặp lại" if n == counters[level] else ("bị bỏ qua số thứ tự" if n > expected else "sai thứ tự")
            self.add("heading.sequence", f"{names[level]} “{label}” {what}: theo thứ tự phải là “{shown}”",
                     "PL I §II.6.c", p=p)
        counters[level] = n
        if level == "roman":
            counters["arabic"] = counters["letter"] = 0
            seg = segments(p)
            letters = [c for c in rest if c.isalpha()]
            if letters and not all(c.isupper() for c in letters) and not (seg and seg[0].caps):
                self.add("heading.style", "tiêu đề mục (I., II., …) phải viết in hoa", "PL I §V mục 6.b", p=p)
            if seg and seg[0].bold is False:
                self.add("heading.style", "tiêu đề mục (I., II., …) phải in đậm", "PL I §V mục 6.b", p=p,
                         fix=self._format_fix(seg[0], bold=True))
        elif level == "arabic":
            counters["letter"] = 0
        elif level == "letter":
            seg = segments(p)
            if seg and (seg[0].bold or seg[0].italic):
                self.add("heading.style", "điểm a), b), c)… trình bày chữ đứng, không in đậm, không nghiêng",
                         "PL I §II.6.d", p=p)

    # ---------------------------------------------------------------- Nơi nhận, chữ ký (ô 9b, 7)
    def check_recipients_and_signature(self, label: Paragraph | None, body_end: int,
                                       appendices: list[Paragraph]) -> None:
        stop = self.order[appendices[0].index] if appendices else len(self.paras)
        if label is None:
            self.add("recipients.missing", "không thấy “Nơi nhận:”", "PL I §II.9.d")
            items: list[Paragraph] = []
        else:
            items = self._recipient_items(label, stop)
            self.check_recipients(label, items)
        signature = self._signature_lines(label, items, body_end, stop)
        self.check_signature(signature, label)

    def _recipient_items(self, label: Paragraph, stop: int) -> list[Paragraph]:
        out = []
        i = self.order[label.index] + 1
        cell = self.cell_of.get(label.index)
        while i < stop:
            p = self.paras[i]
            if (self.cell_of.get(p.index) or (None, None, None))[:3] != (cell or (None, None, None))[:3]:
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

    def check_recipients(self, label: Paragraph, items: list[Paragraph]) -> None:
        seg = segments(label)[0]
        text = " ".join(label.text.split())
        if not text.startswith(nd30.RECIPIENTS_LABEL):
            self.add("recipients.label", f"phải viết “{nd30.RECIPIENTS_LABEL}” (chữ in thường, sau có dấu hai chấm)",
                     "PL I §II.9.d", seg=seg)
        elif text != nd30.RECIPIENTS_LABEL:
            # the label and the items written in one paragraph
            self.add("recipients.label", "“Nơi nhận:” phải trên một dòng riêng", "PL I §II.9.d", seg=seg)
        self.look_check("recipients_label", seg, "recipients.label", "“Nơi nhận:”", "PL I §II.9.d", fix_look=True)
        if seg.underline:
            self.add("recipients.label", "“Nơi nhận:” không gạch chân", "PL I §II.9.d", seg=seg)
        self.size_check("recipients_label", seg, "recipients.label", "“Nơi nhận:”", "PL I §II.9.d")
        self.align_check("recipients_label", label, "recipients.label", "“Nơi nhận:”", "PL I §II.9.d (sát lề trái)")
        if not items:
            self.add("recipients.items", "không thấy danh sách nơi nhận dưới “Nơi nhận:”", "PL I §II.9.d", p=label)
            return
        archive = [i for i, p in enumerate(items) if nd30.ARCHIVE_RE.match(p.text.strip()) or
                   re.match(r"^-?\s*Lưu\b", p.text.strip())]
        if not archive:
            self.add("recipients.archive", "dòng cuối của Nơi nhận phải là “- Lưu: VT, …”", "PL I §II.9.d", p=items[-1])
        elif archive[-1] != len(items) - 1:
            self.add("recipients.archive", "dòng “- Lưu: …” phải là dòng cuối cùng của Nơi nhận", "PL I §II.9.d",
                     p=items[archive[-1]])
        elif not nd30.ARCHIVE_RE.match(items[-1].text.strip()):
            self.add("recipients.archive", "dòng lưu phải có dạng “- Lưu: VT, <đơn vị soạn thảo>.”", "PL I §II.9.d",
                     p=items[-1], severity="warning")
        for n, p in enumerate(items):
            last = n == len(items) - 1
            text = p.text
            segs = segments(p)
            if not text.lstrip().startswith("-"):
                self.add("recipients.items", "mỗi nơi nhận bắt đầu bằng gạch đầu dòng “-”", "PL I §II.9.d", p=p)
            else:
                fixed = nd30.recipient_item_fixed(text, last)
                if fixed is not None and fixed != text:
                    end = "." if last else ";"
                    keep = len(text.rstrip().rstrip(";,.: "))
                    self.add("recipients.punctuation", f"{'dòng cuối' if last else 'mỗi nơi nhận'} kết thúc bằng "
                             f"dấu “{end}”", "PL I §II.9.d", p=p,
                             fix=Fix("text", p.index, keep, len(text.rstrip()), text=end))
            for s in segs:
                self.size_check("recipients", s, "recipients.size", "Danh sách nơi nhận", "PL I §II.9.d")
                if s.bold or s.italic:
                    self.add("recipients.items", "danh sách nơi nhận trình bày chữ đứng, không đậm", "PL I §II.9.d",
                             seg=s, fix=self._format_fix(s, bold=False, italic=False))
            if p.alignment == "center":
                self.add("recipients.items", "danh sách nơi nhận sát lề trái, không canh giữa", "PL I §II.9.d", p=p,
                         severity="warning")

    def _signature_lines(self, label: Paragraph | None, items: list[Paragraph], body_end: int,
                         stop: int) -> list[Paragraph]:
        if label is not None and label.index in self.cell_of:
            table, r, c = self.cell_of[label.index]
            row = table.rows[r]
            out = [p for k, cell in enumerate(row.cells) if k != c for p in cell.paragraphs if p.text.strip()]
            if out:
                return out
        skip = {p.index for p in items} | ({label.index} if label else set())
        # the first "TM. …"/"KT. …" line after the title that sits in a table (the signature block's cell)
        authority = next((p for p in self.paras[self.body_start:stop] if nd30.AUTHORITY_RE.match(p.text.strip())
                          and p.index in self.cell_of), None)
        if authority is not None and authority.index in self.cell_of:
            table, r, c = self.cell_of[authority.index]
            return [p for p in table.rows[r].cells[c].paragraphs if p.text.strip() and p.index not in skip]
        # paragraphs between the body and the appendices (or just before Nơi nhận) that are not Nơi nhận
        start = body_end
        while start > 0 and (nd30.AUTHORITY_RE.match(self.paras[start - 1].text.strip())
                             or self._looks_like_signature(self.paras[start - 1]) or not self.paras[start - 1].text.strip()):
            start -= 1
        return [p for p in self.paras[start:stop] if p.text.strip() and p.index not in skip
                and p.index not in self.cell_of]

    def check_signature(self, lines: list[Paragraph], label: Paragraph | None) -> None:
        if not lines:
            self.add("signer.missing", "không thấy quyền hạn, chức vụ và họ tên người ký", "PL I §II.7")
            return
        authority = [p for p in lines if p.text.strip().isupper() or nd30.AUTHORITY_RE.match(p.text.strip())]
        names = [p for p in lines if p not in authority and not p.text.strip().startswith("(")]
        if not authority:
            self.add("signer.authority", "thiếu quyền hạn, chức vụ người ký (chữ in hoa, ví dụ “TM. ỦY BAN NHÂN DÂN”)",
                     "PL I §II.7.b", p=lines[0])
        for k, p in enumerate(authority):
            text = p.text.strip()
            if re.match(r"^(T/M|K/T|T\.M\.|K\.T\.|TM\s|KT\s)", text):
                self.add("signer.authority", "viết tắt quyền hạn đúng “TM.”, “KT.” (chữ in hoa, dấu chấm)", "PL I §II.7.b",
                         p=p)
            if text.startswith("KT.") and k == len(authority) - 1:
                self.add("signer.authority", "sau “KT. …” phải có dòng chức vụ của người ký (ví dụ “PHÓ CHỦ TỊCH”)",
                         "PL I §II.7.b", p=p, severity="warning")
            for s in segments(p):
                self.look_check("authority", s, "signer.style", "Quyền hạn, chức vụ người ký", "PL I §II.7.đ",
                                fix_look=True)
                self.size_check("signer", s, "signer.size", "Quyền hạn, chức vụ người ký", "PL I §II.7.đ")
        if not names:
            self.add("signer.name", "thiếu họ tên người ký (chữ in thường, đậm, dưới chữ ký)", "PL I §II.7.đ",
                     p=lines[-1], severity="warning")
        else:
            p = names[-1]
            if re.match(r"^(TS|ThS|PGS|GS|KS|BS|CN)\.?\s", p.text.strip()):
                self.add("signer.name", "không ghi học hàm, học vị trước họ tên người ký", "PL I §II.7.c", p=p)
            for s in segments(p):
                self.look_check("signer_name", s, "signer.style", "Họ tên người ký", "PL I §II.7.đ", fix_look=True)
                self.size_check("signer", s, "signer.size", "Họ tên người ký", "PL I §II.7.đ")
        if label is not None and lines and self.order[label.index] > self.order[lines[-1].index] and \
                label.index not in self.cell_of:
            self.add("recipients.position", "“Nơi nhận” phải ở bên trái, ngang hàng với dòng quyền hạn, chức vụ người "
                     "ký (không đặt dưới chữ ký)", "PL I §II.9.d", p=label, severity="warning")

    # ---------------------------------------------------------------- page numbers (PL I §I.7)
    def check_page_numbers(self, appendices: list[Paragraph]) -> None:
        if not self.doc.sections:
            return
        appendix_sections = {p.section for p in appendices}
        size = self.sizes["page_number"]
        for sec in self.doc.sections:
            if sec.index > 0 and sec.index not in appendix_sections:
                continue
            page = [p for p in sec.headers.get("default", []) if p.has_field.get("PAGE")]
            in_footer = [p for group in sec.footers.values() for p in group if p.has_field.get("PAGE")]
            fix = Fix("page_number", section=sec.index, page_number_size=size)
            if in_footer:
                self.add("pagenum.position", "số trang đặt ở chân trang; ND30 quy định đặt canh giữa trong phần lề trên",
                         "PL I §I.7", section=sec.index, severity="error" if not page else "warning")
            if not page:
                if sec.index == 0 or not in_footer:
                    self.add("pagenum.missing", "không có số trang (trường PAGE) canh giữa ở lề trên", "PL I §I.7",
                             section=sec.index, fix=fix if not in_footer else None)
                continue
            if any(p.alignment != "center" for p in page):
                self.add("pagenum.position", "số trang phải canh giữa theo chiều ngang ở lề trên", "PL I §I.7",
                         section=sec.index, fix=fix)
            for p in page:
                if p.size_pt is not None and not 13 <= p.size_pt <= 14:
                    self.add("pagenum.size", f"số trang cỡ chữ {p.size_pt:g}, phải từ 13 đến 14", "PL I §I.7",
                             section=sec.index, fix=fix)
            if sec.index == 0:
                first = [p for p in sec.headers.get("first", []) if p.has_field.get("PAGE")]
                if not sec.title_page or first:
                    self.add("pagenum.first", "không hiển thị số trang ở trang thứ nhất (bật “trang đầu khác”)",
                             "PL I §I.7", section=0, fix=fix)

    # ---------------------------------------------------------------- appendices (PL I §III.1)
    def check_appendices(self, labels: list[Paragraph]) -> None:
        count = len(labels)
        sections_seen: dict[int, Paragraph] = {}
        for i, p in enumerate(labels, start=1):
            text = " ".join(p.text.split())
            want = nd30.appendix_label(i, count)
            seg = segments(p)[0]
            if text != want:
                if text.isupper():
                    why = f"viết “{want}” (chữ in thường), không viết hoa toàn bộ"
                elif count > 1 and re.search(r"\d", text):
                    why = f"có từ hai phụ lục trở lên thì đánh số La Mã: “{want}”"
                elif count == 1:
                    why = f"chỉ có một phụ lục thì viết “{want}” (không đánh số)"
                else:
                    why = f"theo thứ tự phải là “{want}”"
                self.add("appendix.label", f"nhãn phụ lục: {why}", "PL I §III.1.a–b", p=p,
                         severity="warning" if count == 1 and text.startswith("Phụ lục") else "error")
            look = nd30.LOOK["appendix_label"]
            if seg.bold is False:
                self.add("appendix.label", "“Phụ lục” phải in đậm", "PL I §III.1.b", p=p,
                         fix=self._format_fix(seg, bold=look.bold))
            self.size_check("appendix_label", seg, "appendix.label", "“Phụ lục”", "PL I §III.1.b")
            self.align_check("appendix_label", p, "appendix.label", "“Phụ lục”", "PL I §III.1.b", "error")
            if p.section == 0:
                self.add("appendix.section", "phụ lục phải bắt đầu một phần (section) riêng, sang trang mới", "PL I §III.1.đ",
                         p=p)
            elif p.section in sections_seen:
                self.add("appendix.section", "mỗi phụ lục một phần (section) riêng để đánh số trang riêng",
                         "PL I §III.1.đ", p=p)
            else:
                sections_seen[p.section] = p
                sec = self.doc.sections[min(p.section, len(self.doc.sections) - 1)]
                if sec.page_number_start != 1:
                    self.add("appendix.page-numbers", "số trang của phụ lục phải đánh riêng, bắt đầu từ 1",
                             "PL I §III.1.đ", p=p, fix=Fix("restart_numbering", section=sec.index))
            self.check_attached(p, labels[i] if i < count else None)
        for table in self.doc.tables:
            if table.section in sections_seen or (labels and table.section >= labels[0].section > 0):
                self.check_table(table)

    def check_attached(self, label: Paragraph, next_label: Paragraph | None) -> None:
        i = self.order[label.index] + 1
        window = [p for p in self.paras[i:i + 5] if p.text.strip()][:3]
        attached = next((p for p in window if p.text.strip().startswith("(Kèm theo")), None)
        if attached is None:
            self.add("appendix.attached", "thiếu dòng “(Kèm theo Kế hoạch số …/KH-… ngày … của …)” dưới tên phụ lục",
                     "PL I §III.1.c", p=label)
            return
        title = [p for p in window if self.order[p.index] < self.order[attached.index]]
        for p in title:
            seg = segments(p)[0]
            if not seg.caps or seg.bold is False:
                self.add("appendix.title", "tên phụ lục trình bày chữ in hoa, đậm", "PL I §III.1.b", p=p,
                         severity="warning")
        seg = segments(attached)[0]
        self.look_check("attached", seg, "appendix.attached", "Dòng “(Kèm theo …)”", "PL I §III.1.c", fix_look=True)
        self.size_check("attached", seg, "appendix.attached", "Dòng “(Kèm theo …)”", "PL I §III.1.c")
        text = attached.text.strip()
        if not text.endswith(")"):
            self.add("appendix.attached", "dòng “(Kèm theo …)” đặt trong ngoặc đơn", "PL I §III.1.c", p=attached)
        if "số" not in text or "ngày" not in text:
            self.add("appendix.attached", "dòng “(Kèm theo …)” ghi số, ký hiệu, ngày ban hành và cơ quan ban hành văn "
                     "bản", "PL I §III.1.c", p=attached, severity="warning")

    def check_table(self, table: Table) -> None:
        if not table.rows:
            return
        first = table.rows[0].cells[0].paragraphs[0] if table.rows[0].cells and table.rows[0].cells[0].paragraphs \
            else None
        where = dict(p=first) if first is not None else dict(section=table.section)
        if len(table.rows) > 2 and not table.rows[0].is_header:
            self.add("table.header-repeat", f"bảng {table.index + 1}: dòng tiêu đề không được đặt lặp lại ở đầu mỗi trang",
                     "thực tế (nd30.md §4)", severity="warning", fix=Fix("header_row", table=table.index), **where)
        split = [r for r in table.rows if not r.cant_split]
        if split:
            self.add("table.cant-split", f"bảng {table.index + 1}: {len(split)} hàng có thể bị ngắt sang trang sau "
                     "(bật “không ngắt hàng qua trang”)", "thực tế (nd30.md §4)", severity="warning",
                     fix=Fix("cant_split", table=table.index), **where)


def grouped(findings: list[Finding], limit: int = GROUP_AFTER) -> list[Finding]:
    """For reading: after `limit` findings of one rule, one line stands for the rest (`extra` of them)."""
    out: list[Finding] = []
    count: dict[str, int] = {}
    summary: dict[str, int] = {}
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
            out[i] = replace(out[i], extra=out[i].extra + 1)
    return [replace(f, message=f"{f.message} (và {f.extra} chỗ khác cùng lỗi)") if f.extra else f for f in out]


def check_document(doc: Document, messages: list[Message] | None = None) -> CheckResult:
    checker = _Checker(doc, list(messages or []))
    checker.run()
    findings = sorted(checker.findings, key=lambda f: (f.section if f.section is not None else -1,
                                                      checker.order.get(f.paragraph, -1) if f.paragraph is not None
                                                      else -1, f.rule))
    return CheckResult(findings, [m for m in messages or [] if m.level == "warning"], checker.pair)


def check_docx(path, **limits) -> CheckResult:
    """Read (refusing hostile files, as `import` does) and check one .docx."""
    from generator.word.reader import read_docx

    result = read_docx(path, **limits)
    return check_document(result.value, result.messages)
