"""Word files that look like what a provincial office really produces, made from the seed plans.

kehoach's own output is regular by construction; the files an office sends are not. This helper
writes the same plan text (taken from the plan through `load_plan` + `build_context`, so every word
is exactly the plan's) the way people type it in Word:

- ``van-thu``: what a Văn thư types. Normal style only, direct formatting on every run (Times New
  Roman set per run), numbering typed as text with a space or a TAB after the label, the header as
  tab-aligned paragraphs, rules typed as underscores, "Nơi nhận" and the signature side by side in a
  borderless table, appendices in landscape sections with "PHỤ LỤC", merged group rows (gridSpan)
  or merged dimension cells (vMerge), agencies one per paragraph in a cell, office header texts.
- ``van-thu-table``: the same hand, another habit: the header as a borderless table, rules drawn as
  line shapes, points numbered "1.1." instead of "a)", "Phụ lục I" labels, other header texts.
- ``drafter``: a skilled drafter. Built-in Heading 1/2/3 with real Word list numbering
  (numbering.xml, labels computed by Word: I., 1., a), (1)), bullets as Word lists, the header as a
  table with rules as paragraph borders, a PAGE field in the page header with a different first page.

``draft=True`` blanks the number and date ("Số:      /KH-UBND", "ngày      tháng      năm 2021").

Next to each file a ``.truth.json`` lists the visible paragraphs (labels as shown, rules left out),
so a test can compute the recall of any text extracted from it (`words`, `recall`).
"""
from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt

from generator.nd30.labels import VI_LETTERS
from generator.render.context import Context, Para, Table, build_context
from generator.nd30.labels import roman
from generator.plan.validate import load_plan
from tests.office.truth import recall, truth_path, truth_paragraphs, truth_words, words  # noqa: F401 (used by the tests)

STYLES = ("van-thu", "van-thu-table", "drafter")
FONT = "Times New Roman"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = f'xmlns:w="{W}" xmlns:v="urn:schemas-microsoft-com:vml"'
TWIPS_PER_MM = 1440 / 25.4
TEXT_W_MM = 165.0  # A4 portrait, margins 30 left / 15 right
LANDSCAPE_TEXT_W_MM = 252.0

# Column headers as offices type them (issue 8 lists these variants); two hands, two sets.
OFFICE_HEADERS = {
    "van-thu": {"stt": "TT", "content": "Nội dung công việc", "lead": "Đơn vị chủ trì",
                "co": "Đơn vị phối hợp", "timeframe": "Thời gian hoàn thành", "output": "Sản phẩm",
                "indicator": "Chỉ tiêu", "dimension": "Chỉ số nội dung", "sub_dimension": "Nội dung thành phần",
                "notes": "Ghi chú"},
    "van-thu-table": {"stt": "STT", "content": "Nhiệm vụ cụ thể", "lead": "Cơ quan chủ trì",
                      "co": "Cơ quan phối hợp", "timeframe": "Thời hạn", "output": "Kết quả, sản phẩm",
                      "indicator": "Kết quả cần đạt", "dimension": "Chỉ số", "sub_dimension": "Chỉ số thành phần",
                      "notes": "Ghi chú"},
}


def _tw(mm: float) -> int:
    return round(mm * TWIPS_PER_MM)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


# ---------------------------------------------------------------- low-level XML

def _rpr(size: float, bold=False, italic=False, underline=False, fonts=True) -> str:
    parts = []
    if fonts:
        parts.append(f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}" w:eastAsia="{FONT}"/>')
    if bold:
        parts.append("<w:b/><w:bCs/>")
    if italic:
        parts.append("<w:i/><w:iCs/>")
    if underline:
        parts.append('<w:u w:val="single"/>')
    half = round(size * 2)
    parts.append(f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>')
    return "<w:rPr>" + "".join(parts) + "</w:rPr>"


def _run(text: str, rpr: str) -> str:
    """A run; '\\t' becomes a tab, '\\n' a manual line break."""
    out = []
    for i, line in enumerate(text.split("\n")):
        if i:
            out.append("<w:br/>")
        for j, piece in enumerate(line.split("\t")):
            if j:
                out.append("<w:tab/>")
            if piece:
                out.append(f'<w:t xml:space="preserve">{_esc(piece)}</w:t>')
    return f"<w:r>{rpr}{''.join(out)}</w:r>"


def _ppr(*, style: str | None = None, jc: str | None = None, first_mm: float | None = None,
         left_mm: float | None = None, right_mm: float | None = None, before: float = 0, after: float = 0,
         line: float | None = None, tabs: list[tuple[str, float]] | None = None, num: tuple[int, int] | None = None,
         border_bottom: bool = False, keep_next: bool = False) -> str:
    parts = []
    if style:
        parts.append(f'<w:pStyle w:val="{style}"/>')
    if keep_next:
        parts.append("<w:keepNext/>")
    if num:
        parts.append(f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>')
    if border_bottom:
        parts.append('<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>')
    if tabs:
        parts.append("<w:tabs>" + "".join(f'<w:tab w:val="{kind}" w:pos="{_tw(pos)}"/>' for kind, pos in tabs)
                     + "</w:tabs>")
    spacing = f'<w:spacing w:before="{round(before * 20)}" w:after="{round(after * 20)}"'
    if line is not None:
        spacing += f' w:line="{round(line * 240)}" w:lineRule="auto"'
    parts.append(spacing + "/>")
    ind = []
    if left_mm is not None:
        ind.append(f'w:left="{_tw(left_mm)}"')
    if right_mm is not None:
        ind.append(f'w:right="{_tw(right_mm)}"')
    if first_mm is not None:
        ind.append(f'w:firstLine="{_tw(first_mm)}"')
    if ind:
        parts.append(f"<w:ind {' '.join(ind)}/>")
    if jc:
        parts.append(f'<w:jc w:val="{jc}"/>')
    return "<w:pPr>" + "".join(parts) + "</w:pPr>"


def _p(runs: str, ppr: str = "") -> str:
    return f"<w:p>{ppr}{runs}</w:p>"


_shape_ids = iter(range(1, 1 << 30))


def _vml_line(width_pt: float, offset_pt: float) -> str:
    """A drawn horizontal rule (VML line shape, as Word 2003-2007 wrote them) floating just under
    the text of its paragraph."""
    n = next(_shape_ids)
    return (f'<w:r><w:pict><v:line id="Line {n}" from="{offset_pt:.1f}pt,5pt" to="{offset_pt + width_pt:.1f}pt,5pt" '
            f'strokeweight="0.75pt" style="position:absolute;z-index:{251659264 + n};'
            f'mso-position-horizontal-relative:char;mso-position-vertical-relative:line"/></w:pict></w:r>')


def _underscores(n: int) -> str:
    return "_" * n


def _wrap(text: str, width: int) -> list[str]:
    lines, cur = [], ""
    for word in text.split():
        if cur and len(cur) + 1 + len(word) > width:
            lines.append(cur)
            cur = word
        else:
            cur = f"{cur} {word}" if cur else word
    return lines + ([cur] if cur else [])


# ---------------------------------------------------------------- the document writer

@dataclass(frozen=True)
class Habit:
    header: str  # "tabs" | "table"
    rules: str  # "underscore" | "shape" | "border"
    numbering: str  # "typed" | "word"
    points: str  # "letter" (a)) | "decimal" (1.1.)
    appendix_caps: bool  # "PHỤ LỤC" rather than "Phụ lục"
    headers: str | None  # key of OFFICE_HEADERS, None = the plan's own headers


HABITS = {
    "van-thu": Habit("tabs", "underscore", "typed", "letter", True, "van-thu"),
    "van-thu-table": Habit("table", "shape", "typed", "decimal", False, "van-thu-table"),
    "drafter": Habit("table", "border", "word", "letter", False, None),
}

# Word's lowerLetter skips nothing and knows no 'đ': a drafter's Word prints a, b, c, d, e, f...
_WORD_LETTERS = "abcdefghijklmnopqrstuvwxyz"


class _Writer:
    def __init__(self, ctx: Context, style: str):
        self.ctx = ctx
        self.style = style
        self.habit = HABITS[style]
        self.doc = docx.Document()
        self.xbody = self.doc.element.body
        self.truth: list[str] = []
        self.size = ctx.sizes["body"]
        self.typed = self.habit.numbering == "typed"
        self._n = 0  # paragraph counter, picks space or TAB after a typed label
        self.num_ids: dict[str, int] = {}

    # -- plumbing
    def add(self, xml: str, truth: str | list[str] | None = None):
        element = parse_xml(xml.replace("<w:p>", f"<w:p {NS}>", 1) if xml.startswith("<w:p>")
                            else xml)
        self.xbody.insert(len(self.xbody) - 1, element)  # before the body's final sectPr
        if truth:
            self.truth += [truth] if isinstance(truth, str) else [t for t in truth if t]
        return element

    def rpr(self, size=None, **kw) -> str:
        # the drafter's styles carry the font; the Văn thư sets it on every run
        return _rpr(size or self.size, fonts=self.typed, **kw)

    # -- page set-up and styles
    def setup(self) -> None:
        sec = self.doc.sections[0]
        sec.page_width, sec.page_height = Mm(210), Mm(297)
        sec.top_margin, sec.bottom_margin = Mm(20), Mm(20)
        sec.left_margin, sec.right_margin = Mm(30), Mm(15)
        sec.header_distance, sec.footer_distance = Mm(10), Mm(10)
        if self.typed:
            return
        styles = self.doc.styles
        normal = styles["Normal"]
        normal.font.name = FONT
        normal.font.size = Pt(self.size)
        pf = normal.paragraph_format
        pf.first_line_indent = Mm(10)
        pf.space_before, pf.space_after = Pt(6), Pt(0)
        pf.line_spacing = 1.0
        normal.element.get_or_add_pPr().append(parse_xml(f'<w:jc {nsdecls("w")} w:val="both"/>'))
        for name, bold, italic in (("Heading 1", True, False), ("Heading 2", True, False),
                                   ("Heading 3", False, True)):
            st = styles[name]
            st.font.name, st.font.size, st.font.bold, st.font.italic = FONT, Pt(self.size), bold, italic
            st.font.color.rgb = None
            st.paragraph_format.space_before, st.paragraph_format.space_after = Pt(6), Pt(0)
            st.paragraph_format.first_line_indent = Mm(10)
            st.paragraph_format.left_indent = Mm(0)
        for st in (normal, styles["Heading 1"], styles["Heading 2"], styles["Heading 3"]):
            rfonts = st.element.get_or_add_rPr().get_or_add_rFonts()
            for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
                rfonts.attrib.pop(qn(f"w:{attr}"), None)
            for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
                rfonts.set(qn(f"w:{attr}"), FONT)
            color = st.element.rPr.find(qn("w:color"))
            if color is not None:
                st.element.rPr.remove(color)
        self._numbering()

    def _numbering(self) -> None:
        """Two Word lists: the outline (I. / 1. / a) / (1)) and the bullets (- / +)."""
        numbering = self.doc.part.numbering_part.element
        outline = [("upperRoman", "%1."), ("decimal", "%2."), ("lowerLetter", "%3)"), ("decimal", "(%4)")]
        bullets = [("bullet", "-"), ("bullet", "+")]

        def abstract(aid: int, levels, suffix: str) -> str:
            lvls = "".join(
                f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:suff w:val="{suffix}"/>'
                f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
                f'<w:pPr><w:ind w:left="0" w:firstLine="{_tw(10)}"/></w:pPr></w:lvl>'
                for i, (fmt, text) in enumerate(levels))
            return (f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{aid}">'
                    f'<w:multiLevelType w:val="multilevel"/>{lvls}</w:abstractNum>')

        existing = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
        abstract_ids = [int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))]
        first_num = numbering.find(qn("w:num"))
        for key, levels, suffix in (("outline", outline, "space"), ("bullets", bullets, "space")):
            aid = max(abstract_ids + [0]) + 1
            abstract_ids.append(aid)
            node = parse_xml(abstract(aid, levels, suffix))
            if first_num is not None:
                first_num.addprevious(node)
            else:
                numbering.append(node)
            nid = max(existing + [0]) + 1
            existing.append(nid)
            numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{nid}"><w:abstractNumId w:val="{aid}"/></w:num>'))
            self.num_ids[key] = nid

    # -- header block
    def header(self) -> None:
        ctx = self.ctx
        left_lines = [(t, False) for t in ctx.issuer_superior] + [(t, True) for t in ctx.issuer_name]
        national, motto = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"
        agency_size, number_size = ctx.sizes["agency"], ctx.sizes["number"]
        if self.habit.header == "tabs":
            self.header_tabs(left_lines, national, motto, agency_size, number_size)
        else:
            self.header_table(left_lines, national, motto, agency_size, number_size)

    def header_tabs(self, left_lines, national, motto, agency_size, number_size) -> None:
        ctx = self.ctx
        lc, rc = 35.0, 115.0  # centres of the two blocks
        tabs = [("center", lc), ("center", rc)]
        right = [(national, True, ctx.sizes["national"]), (motto, True, ctx.sizes["motto"])]
        for i in range(max(len(left_lines), 2)):
            left = left_lines[i] if i < len(left_lines) else None
            r = right[i] if i < len(right) else None
            runs = "<w:r><w:tab/></w:r>"
            if left:
                runs += _run(left[0], self.rpr(agency_size, bold=left[1]))
            runs += "<w:r><w:tab/></w:r>"
            if r:
                runs += _run(r[0], self.rpr(r[2], bold=r[1]))
            self.add(_p(runs, _ppr(tabs=tabs)), [t for t in ((left or ("",))[0], (r or ("",))[0]) if t])
        # rules typed as underscores, centred by the same tabs
        self.add(_p("<w:r><w:tab/></w:r>" + _run(_underscores(10), self.rpr(agency_size, bold=True))
                    + "<w:r><w:tab/></w:r>" + _run(_underscores(24), self.rpr(agency_size, bold=True)),
                    _ppr(tabs=tabs, after=6)))
        self.add(_p("<w:r><w:tab/></w:r>" + _run(ctx.number_line, self.rpr(number_size))
                    + "<w:r><w:tab/></w:r>" + _run(ctx.place_date, self.rpr(ctx.sizes["date"], italic=True)),
                    _ppr(tabs=tabs)), [ctx.number_line, ctx.place_date])

    def _cell(self, width_mm: float, paragraphs: list[str], extra_tcpr: str = "") -> str:
        return (f'<w:tc><w:tcPr><w:tcW w:w="{_tw(width_mm)}" w:type="dxa"/>{extra_tcpr}</w:tcPr>'
                + "".join(paragraphs or [_p("")]) + "</w:tc>")

    def _borderless_table(self, widths: list[float], cells: list[list[str]]) -> str:
        none = "".join(f'<w:{s} w:val="nil"/>' for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
        grid = "".join(f'<w:gridCol w:w="{_tw(w)}"/>' for w in widths)
        tcs = "".join(self._cell(w, c) for w, c in zip(widths, cells))
        return (f'<w:tbl {NS}><w:tblPr><w:tblW w:w="{_tw(sum(widths))}" w:type="dxa"/>'
                f'<w:tblInd w:w="{-_tw(8)}" w:type="dxa"/><w:tblBorders>{none}</w:tblBorders>'
                f'<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid><w:tr>{tcs}</w:tr></w:tbl>')

    def _rule_paragraph(self, width_mm: float, cell_mm: float, chars: int) -> str:
        if self.habit.rules == "border":
            side = (cell_mm - width_mm) / 2
            return _p("", _ppr(first_mm=0, jc="center", left_mm=side, right_mm=side, border_bottom=True, line=0.5))
        if self.habit.rules == "shape":
            return _p(_vml_line(width_mm * 72 / 25.4, (cell_mm - width_mm) / 2 * 72 / 25.4),
                      _ppr(first_mm=0, jc="left", line=0.6, after=4))
        return _p(_run(_underscores(chars), self.rpr(self.size, bold=True)), _ppr(first_mm=0, jc="center", after=4))

    def header_table(self, left_lines, national, motto, agency_size, number_size) -> None:
        ctx = self.ctx
        lw, rw = 70.0, 103.0
        c = dict(jc="center", first_mm=0)
        left = [_p(_run(t, self.rpr(agency_size, bold=b)), _ppr(**c)) for t, b in left_lines]
        left.append(self._rule_paragraph(22, lw, 10))
        left.append(_p(_run(ctx.number_line, self.rpr(number_size)), _ppr(**c, before=6)))
        right = [_p(_run(national, self.rpr(ctx.sizes["national"], bold=True)), _ppr(**c)),
                 _p(_run(motto, self.rpr(ctx.sizes["motto"], bold=True)), _ppr(**c))]
        right.append(self._rule_paragraph(60, rw, 24))
        right.append(_p(_run(ctx.place_date, self.rpr(ctx.sizes["date"], italic=True)), _ppr(**c, before=6)))
        self.add(self._borderless_table([lw, rw], [left, right]))
        self.truth += [t for t, _ in left_lines] + [ctx.number_line, national, motto, ctx.place_date]

    def title(self) -> None:
        ctx = self.ctx
        self.add(_p(_run(ctx.doc_type, self.rpr(ctx.sizes["doc_type"], bold=True)),
                    _ppr(jc="center", first_mm=0, before=24)), ctx.doc_type)
        title = " ".join(line.strip() for line in ctx.title_lines)
        lines = _wrap(title, 62)
        self.add(_p(_run("\n".join(lines), self.rpr(ctx.sizes["title"], bold=True)),
                    _ppr(jc="center", first_mm=0)), title)
        self.add(self._rule_paragraph(40, TEXT_W_MM, 14))

    # -- body
    def body(self) -> None:
        outline: list[int] = [0, 0, 0, 0]
        heading_n = 0
        for para in self.ctx.body:
            self._n += 1
            if self.typed:
                label = para.label
                if self.habit.points == "decimal" and para.kind in ("point", "clause") and label.endswith(")") \
                        and not label.startswith("("):
                    label = f"{heading_n}.{VI_LETTERS.index(label[:-1]) + 1}."
                if para.kind in ("heading",) or (para.kind == "clause" and label.endswith(".") and "." not in label[:-1]):
                    heading_n = int(label[:-1]) if label[:-1].isdigit() else heading_n
                sep = "\t" if self._n % 3 == 0 else " "
                shown = f"{label}{sep}{para.text}" if label else para.text
                italic = para.kind == "legal"
                ppr = _ppr(jc="both", first_mm=10, before=6, line=1.0, keep_next=para.kind == "section")
                self.add(_p(_run(shown, self.rpr(bold=para.bold, italic=italic)), ppr),
                         f"{label} {para.text}" if label else para.text)
            else:
                self.add_word_para(para, outline)

    def add_word_para(self, para: Para, outline: list[int]) -> None:
        level = {"section": 0, "heading": 1}.get(para.kind)
        style, num = None, None
        if para.kind in ("bullet", "sub_bullet"):
            ilvl = 0 if para.kind == "bullet" else 1
            num = (self.num_ids["bullets"], ilvl)
            style = "ListParagraph"
            shown = para.label
        elif para.label and para.kind in ("section", "heading", "clause", "point"):
            if level is None:
                # clause/point: depth follows the label's form ('1.' = 1, 'a)' = 2, '(1)' = 3)
                level = 1 if para.label.endswith(".") else (3 if para.label.startswith("(") else 2)
            num = (self.num_ids["outline"], level)
            outline[level] += 1
            for deeper in range(level + 1, len(outline)):
                outline[deeper] = 0
            n = outline[level]
            shown = (roman(n) + "." if level == 0 else f"{n}." if level == 1
                     else f"{_WORD_LETTERS[n - 1]})" if level == 2 else f"({n})")
            if para.kind == "section":
                style = "Heading1"
            elif para.kind == "heading":
                style = "Heading2"
            elif para.kind == "point":
                style = "Heading3"
            else:
                style = "ListParagraph"
        else:
            shown = ""
        rpr = "<w:rPr><w:i/></w:rPr>" if para.kind == "legal" else ""
        ppr = _ppr(style=style, num=num) if style else _ppr(jc="both", first_mm=10, before=6)
        if style == "ListParagraph":
            ppr = _ppr(style=style, num=num, jc="both", first_mm=10, left_mm=0, before=6)
        self.add(_p(_run(para.text, rpr), ppr), f"{shown} {para.text}" if shown else para.text)

    # -- signature
    def signature(self) -> None:
        ctx = self.ctx
        left = [_p(_run("Nơi nhận:", self.rpr(ctx.sizes["recipients_label"], bold=True, italic=True)),
                   _ppr(first_mm=0, before=12))]
        left += [_p(_run(line, self.rpr(ctx.sizes["recipients"])), _ppr(first_mm=0, jc="left"))
                 for line in ctx.recipients]
        c = dict(jc="center", first_mm=0)
        right = [_p(_run(line, self.rpr(ctx.sizes["signer"], bold=True)), _ppr(**c, before=12 if i == 0 else 0))
                 for i, line in enumerate(ctx.signer_lines)]
        right += [_p("", _ppr(**c)) for _ in range(4)]
        right.append(_p(_run(ctx.signer_name, self.rpr(ctx.sizes["signer"], bold=True)), _ppr(**c)))
        self.add(self._borderless_table([85.0, 88.0], [left, right]))
        self.truth += ["Nơi nhận:", *ctx.recipients, *ctx.signer_lines, ctx.signer_name]

    # -- appendices
    def appendices(self) -> None:
        for table in self.ctx.tables:
            self.new_section(table.landscape)
            label = table.label.upper() if self.habit.appendix_caps else table.label
            c = dict(jc="center", first_mm=0)
            self.add(_p(_run(label, self.rpr(self.ctx.sizes["appendix_label"], bold=True)), _ppr(**c)), label)
            self.add(_p(_run(table.title, self.rpr(self.ctx.sizes["appendix_title"], bold=True)), _ppr(**c)),
                     table.title)
            self.add(_p(_run(table.attached_to, self.rpr(self.ctx.sizes["appendix_title"], italic=True)),
                        _ppr(**c, after=12)), table.attached_to)
            self.add(self.task_table(table))

    def new_section(self, landscape: bool) -> None:
        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        if landscape:
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = Mm(297), Mm(210)
        else:
            section.orientation = WD_ORIENT.PORTRAIT
            section.page_width, section.page_height = Mm(210), Mm(297)

    def task_table(self, table: Table) -> str:
        size = self.ctx.sizes["table"]
        width = LANDSCAPE_TEXT_W_MM if table.landscape else TEXT_W_MM
        natural = sum(c.width_cm for c in table.columns)
        widths = [c.width_cm * 10 * width / (natural * 10) for c in table.columns]
        heads = OFFICE_HEADERS.get(self.habit.headers or "", {})
        ncols = len(widths)

        def cell(w: float, lines: list[str], bold=False, jc="left", tcpr="") -> str:
            paras = [_p(_run(line, self.rpr(size, bold=bold)), _ppr(jc=jc, first_mm=0, before=2, after=2))
                     for line in lines] or [_p("", _ppr(first_mm=0))]
            return self._cell(w, paras, tcpr)

        rows = []
        header_cells = []
        for col, w in zip(table.columns, widths):
            text = heads.get(col.key, col.header)
            header_cells.append(cell(w, [text], bold=True, jc="center", tcpr='<w:vAlign w:val="center"/>'))
            self.truth.append(text)
        trpr = "<w:trPr><w:tblHeader/></w:trPr>" if not self.typed else ""
        rows.append(f"<w:tr>{trpr}{''.join(header_cells)}</w:tr>")
        for row in table.rows:
            tcs = []
            if row.kind == "group":
                for i, c in enumerate(row.cells):
                    if i == row.span_from:
                        span = ncols - i
                        tcs.append(cell(sum(widths[i:]), list(c.lines), bold=True,
                                        tcpr=f'<w:gridSpan w:val="{span}"/>'))
                    else:
                        tcs.append(cell(widths[i], list(c.lines), bold=True, jc="center"))
                    self.truth += [line for line in c.lines if line]
            else:
                for col, w, c in zip(table.columns, widths, row.cells):
                    if c.merge == "continue":
                        tcs.append(cell(w, [], tcpr="<w:vMerge/>"))
                        continue
                    lines = [part for line in c.lines for part in
                             (line.split("; ") if col.key in ("lead", "co") else [line])]
                    lines = [line for line in lines if line]
                    tcpr = '<w:vMerge w:val="restart"/>' if c.merge == "restart" else ""
                    jc = "center" if col.align == "center" else ("both" if col.align == "justify" else "left")
                    tcs.append(cell(w, lines, bold=row.bold, jc=jc, tcpr=tcpr))
                    self.truth += lines
            rows.append(f"<w:tr>{''.join(tcs)}</w:tr>")
        borders = "".join(f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                          for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
        grid = "".join(f'<w:gridCol w:w="{_tw(w)}"/>' for w in widths)
        return (f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblW w:w="{_tw(width)}" w:type="dxa"/>'
                f'<w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type="fixed"/>'
                f'<w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar>'
                f'</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{"".join(rows)}</w:tbl>')

    # -- page numbers
    def page_numbers(self) -> None:
        """PAGE field centred in the page header, none on the first page (ND30)."""
        for i, section in enumerate(self.doc.sections):
            if i == 0:
                section.different_first_page_header_footer = True
                hdr = section.header
                p = hdr.paragraphs[0]
                p._p.append(parse_xml(f'<w:pPr {nsdecls("w")}><w:jc w:val="center"/></w:pPr>'))
                for xml in ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
                            '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>',
                            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
                            '<w:r><w:t>2</w:t></w:r>', '<w:r><w:fldChar w:fldCharType="end"/></w:r>'):
                    p._p.append(parse_xml(xml.replace("<w:r>", f"<w:r {nsdecls('w')}>", 1)))

    def write(self, out: Path) -> None:
        self.setup()
        self.header()
        self.title()
        self.body()
        self.signature()
        self.appendices()
        if not self.typed:
            self.page_numbers()
        self.doc.core_properties.author = "Văn thư" if self.typed else "Chuyên viên"
        self.doc.save(str(out))


def office_context(plan_path: Path, draft: bool = False) -> Context:
    plan, _warnings = load_plan(Path(plan_path))
    if draft:
        plan = plan.model_copy(update={"document": plan.document.model_copy(update={"number": None, "date": None})})
    return build_context(plan)


def make_office_docx(plan_path: Path | str, out_path: Path | str, style: str = "van-thu", draft: bool = False) -> Path:
    """Write an office-style .docx of the plan at `plan_path` to `out_path`, and its truth next to it
    (`truth_path(out_path)`: the visible paragraphs, labels as shown). Returns `out_path`."""
    if style not in HABITS:
        raise ValueError(f"unknown style {style!r}; one of {', '.join(STYLES)}")
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    writer = _Writer(office_context(Path(plan_path), draft), style)
    writer.write(out)
    truth = {"plan": Path(plan_path).name, "style": style, "draft": draft, "paragraphs": writer.truth}
    truth_path(out).write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return out


ROOT = Path(__file__).resolve().parents[2]
PLANS = sorted((ROOT / "plans").glob("*.yaml"))


def make_all(outdir: Path, plans: list[Path] | None = None) -> list[Path]:
    """Every plan in every style, plus a draft of each plan (in the van-thu style)."""
    out = []
    for plan in plans or PLANS:
        for style in STYLES:
            out.append(make_office_docx(plan, Path(outdir) / f"{plan.stem}.{style}.docx", style))
        out.append(make_office_docx(plan, Path(outdir) / f"{plan.stem}.van-thu.draft.docx", "van-thu", draft=True))
    return out


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m tests.office.make_office OUTDIR", file=sys.stderr)
        return 2
    for path in make_all(Path(args[0])):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
