"""A Word plan (the reader's neutral tree) → plan data, with every guess and every thing it could not
place reported. No I/O: `kehoach import` (cli) reads the file, writes the YAML and prints.

The document is cut into zones — header (issuer, number, date), title, body (legal bases, preamble,
sections), tail (Nơi nhận, signature), appendices — and each zone is read by the rules of Decree
30/2020/NĐ-CP that every office follows, whatever the way the file was typed (typed labels or Word
lists, Heading styles or bold, header table or tabs).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Literal

from generator.plan.agencies import norm as agency_norm
from generator.nd30.labels import roman
from generator.importer.agencies import AgencyBook, registry_for, slug
from generator.importer.tables import TableReader, clean
from generator.importer.targets import Catalogue, catalogue_for, choose_indices, parse_target, target_data
from generator.word.model import Document, Paragraph, Table

TODO = "TODO"

NoteKind = Literal["guess", "warning", "info"]


@dataclass(frozen=True)
class Note:
    kind: NoteKind
    text: str  # Vietnamese
    where: str = ""

    def __str__(self) -> str:
        return f"{self.where}: {self.text}" if self.where else self.text


@dataclass
class ImportResult:
    data: dict
    comments: dict = field(default_factory=dict)  # YAML path → comment lines
    header: list[str] = field(default_factory=list)  # comment lines at the top of the file
    notes: list[Note] = field(default_factory=list)
    todos: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    word_comments: list[str] = field(default_factory=list)  # "tác giả: nội dung (tại ...)"


# ---------------------------------------------------------------- labels

LABEL = re.compile(
    r"^(?P<label>(?P<roman>[IVXLC]+)\.|(?P<numnum>\d{1,2}(?:\.\d{1,2})+)\.?|(?P<num>\d{1,2})\.|"
    r"(?P<letter>[a-zđ])\)|\((?P<paren>\d{1,2})\)|(?P<dash>[-–—•])|(?P<plus>\+))(?:[ \t\u00a0]+|$)")
RULE = re.compile(r"^[\s_\-–—.=*]*$")
BULLET_CHARS = "-–—•·▪◦o\uf0b7\uf0a7\uf0d8\uf076"


@dataclass
class Line:
    text: str
    kind: str  # section | clause | bullet | plus | text
    depth: int = 0  # clause depth (1 = "1.", 2 = "a)", 3 = "(1)")
    label: str = ""
    bold: bool = False
    heading: int | None = None
    where: str = ""
    para: Paragraph | None = None


def _label_kind(label: str, ilvl: int | None) -> tuple[str, int]:
    label = label.strip()
    if not label:
        return "text", 0
    if label == "+":
        return "plus", 0
    if label in BULLET_CHARS or (len(label) == 1 and not label.isalnum()):
        return ("plus" if (ilvl or 0) >= 1 else "bullet"), 0
    m = LABEL.match(label + " ")
    if not m:
        return "text", 0
    if m.group("roman"):
        return "section", 0
    if m.group("num"):
        return "clause", 1
    if m.group("numnum"):
        return "clause", 1 + m.group("numnum").count(".")
    if m.group("letter"):
        return "clause", 2
    if m.group("paren"):
        return "clause", 3
    if m.group("dash"):
        return "bullet", 0
    return "plus", 0


def classify(p: Paragraph) -> Line:
    text = p.text.replace("\u00a0", " ").replace("\f", " ")
    where = _where(p)
    bold = bool(p.bold)
    if p.list_label:
        kind, depth = _label_kind(p.list_label, p.ilvl)
        body = text.strip()
        label = p.list_label.strip()
    else:
        stripped = text.strip()
        m = LABEL.match(stripped)
        if m and (m.group("roman") is None or len(stripped) > len(m.group(0))):
            label = m.group("label")
            kind, depth = _label_kind(label, None)
            body = stripped[m.end():].strip()
        else:
            kind, depth, label, body = "text", 0, "", stripped
    body = clean(body).strip()
    heading = p.heading_level
    if heading == 1 and kind in ("text", "clause"):
        kind, depth = "section", 0
    elif heading and heading >= 2 and kind == "text":
        kind, depth = "clause", heading - 1
    return Line(body, kind, depth, label, bold, heading, where, p)


# ---------------------------------------------------------------- header helpers

def segments(p: Paragraph) -> list[tuple[str, bool, int]]:
    """(text, bold, tab column) pieces of a paragraph, split at tabs and line breaks."""
    out: list[tuple[str, bool, int]] = []
    text, bolds, col = "", [], 0
    starts_tab = p.text.startswith("\t")

    def flush():
        nonlocal text, bolds
        if clean(text).strip():
            visible = [b for ch, b in zip(text, bolds) if not ch.isspace()]
            out.append((clean(text).strip(), all(visible), col - (1 if starts_tab else 0)))
        text, bolds = "", []

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
                text += ch
                bolds.append(run.bold or bool(p.bold))
    flush()
    return out


NUMBER_LINE = re.compile(r"^Số\s*:\s*(?P<number>[\d]*)[\s._…]*/\s*(?P<code>[A-ZĐ]+)\s*-\s*(?P<abbr>[A-ZĐ0-9]+)",
                         re.IGNORECASE)
DATE_LINE = re.compile(r"^(?P<place>[^,]+),\s*ngày\s*(?P<day>\d{1,2})?[\s._…]*tháng\s*(?P<month>\d{1,2})?[\s._…]*"
                       r"năm\s*(?P<year>\d{4})", re.IGNORECASE)
NATIONAL = re.compile(r"^(CỘNG HÒA|CỘNG HOÀ) XÃ HỘI CHỦ NGHĨA VIỆT NAM$|^Độc lập\s*-\s*Tự do\s*-\s*Hạnh phúc$",
                      re.IGNORECASE)
APPENDIX_LABEL = re.compile(r"^\s*phụ\s+lục(?:\s+(?P<n>[IVXLC]+|\d+))?\s*[.:]?\s*(?P<rest>.*)$", re.IGNORECASE)
POINTER = re.compile(r"^(?P<before>\(.*?)\s*Phụ lục(?:\s+(?P<n>[IVXLC]+|\d+))?\s*(?P<after>.*\))$")
ATTACHED = re.compile(r"^\((?:Ban hành\s+)?[Kk]èm theo .*?\bcủa\s+(?P<who>.+?)\)?$")


def _short(text: str, width: int = 80) -> str:
    return text if len(text) <= width else text[:width].rsplit(" ", 1)[0] + " …"


def _where(p: Paragraph) -> str:
    return getattr(p, "where", "") or f"đoạn {p.index + 1}"


def _sentence_case(line: str) -> str:
    return line[:1] + line[1:].lower()


def _roman_value(text: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total = 0
    for i, ch in enumerate(text):
        v = values[ch]
        total += -v if i + 1 < len(text) and values[text[i + 1]] > v else v
    return total


class Importer:
    def __init__(self, doc: Document, *, plan_id: str, registry: str | None = None,
                 indices: dict[str, str] | None = None):
        self.doc = doc
        self.plan_id = plan_id
        self.forced_registry = registry
        self.forced_indices = indices
        self.notes: list[Note] = []
        self.todos: list[str] = []
        self.obj_comments: dict[int, list[str]] = {}
        self.body_tables: list[Table] = []
        self.numbering: list[str] | None = None

    # ---------------------------------------------------------------- notes

    def guess(self, text: str, where: str = "", obj=None) -> None:
        self.notes.append(Note("guess", text, where))
        if obj is not None:
            self.obj_comments.setdefault(id(obj), []).append(f"ĐOÁN ({where}): {text}" if where else f"ĐOÁN: {text}")

    def warn(self, text: str, where: str = "", obj=None) -> None:
        self.notes.append(Note("warning", text, where))
        if obj is not None:
            self.obj_comments.setdefault(id(obj), []).append(f"{where}: {text}" if where else text)

    def todo(self, what: str, seen: str = "") -> str:
        self.todos.append(what)
        return f"{TODO}: {what}" + (f" (trong văn bản: {seen})" if seen else "")

    # ---------------------------------------------------------------- zones

    def run(self) -> ImportResult:
        blocks = list(self.doc.blocks)
        title_at = next((i for i, b in enumerate(blocks) if isinstance(b, Paragraph)
                         and re.match(r"^\s*KẾ\s*HOẠCH\s*$", b.text.split("\n")[0], re.IGNORECASE)), None)
        tail_at = next((i for i, b in enumerate(blocks) if i > (title_at or -1) and self._is_tail(b)), None)
        typed = title_at is not None
        if title_at is None:
            # without the document type the header ends at its number/date line, if there is one
            def dated(b) -> bool:
                texts = [p.text for p in (b.paragraphs() if isinstance(b, Table) else [b])]
                return any(NUMBER_LINE.match(s.strip()) or DATE_LINE.match(s.strip())
                           for t in texts for s in re.split(r"[\t\n]", t))

            last = max((i for i, b in enumerate(blocks[:12]) if dated(b)), default=-1)
            self.warn("không thấy dòng tên loại 'KẾ HOẠCH': phần đầu văn bản "
                      + ("đọc đến dòng số, ngày tháng" if last >= 0 else "để trống (TODO)"))
            title_at = last + 1
        if tail_at is None:
            self.warn("không thấy 'Nơi nhận': Nơi nhận và người ký phải điền tay")
            tail_at = len(blocks)
        appendix_at = next((i for i, b in enumerate(blocks) if i > tail_at and isinstance(b, Paragraph)
                            and APPENDIX_LABEL.match(b.text) and len(b.text.strip()) < 200), len(blocks))
        self.all_text = "\n".join(p.text for p in self.doc.paragraphs())
        header = self.header(blocks[:max(title_at, 0)])
        title, body_from = self.title(blocks, title_at) if typed else ([], title_at)
        tail = self.tail(blocks[tail_at:appendix_at])
        self.year = header["year"]
        self.place = header.get("place", "")
        registry = (self.forced_registry or None) if self.forced_registry is not None else \
            registry_for(self.place or "")
        if registry and self.forced_registry is None:
            self.guess(f"danh mục cơ quan '{registry}' (theo địa danh '{self.place}'; đổi bằng --registry)")
        self.agencies = AgencyBook(registry, self.year)
        indices, self.index_notes = choose_indices(self.all_text, self.year, self.forced_indices)
        self.catalogue: Catalogue = catalogue_for(indices)
        self.tables = TableReader(self.catalogue, self.agencies, self.year)
        appendices = self.appendices(blocks[appendix_at:], header)
        body = self.body(blocks[body_from:tail_at], appendices)
        return self.assemble(header, title, body, tail, indices, registry)

    @staticmethod
    def _is_tail(block) -> bool:
        if isinstance(block, Table):
            return any(p.text.strip().casefold().startswith("nơi nhận") for p in block.paragraphs())
        return block.text.strip().casefold().startswith("nơi nhận")

    # ---------------------------------------------------------------- header

    def header(self, blocks: list) -> dict:
        left: list[tuple[str, bool]] = []
        right: list[tuple[str, bool]] = []
        for block in blocks:
            if isinstance(block, Table):
                for row in block.rows:
                    for cell in row.cells:
                        side = left if cell.col == 0 else right
                        for p in cell.paragraphs:
                            side += [(t, b) for t, b, _ in segments(p)]
            else:
                for text, bold, col in segments(block):
                    (left if col <= 0 else right).append((text, bold))
        out: dict = {"issuer_lines": [], "number": None, "date": None, "code": "KH", "abbr": None}
        lines = left + right
        for text, bold in lines:
            if RULE.match(text) or NATIONAL.match(text):
                continue
            m = NUMBER_LINE.match(text)
            if m:
                out["number"] = int(m.group("number")) if m.group("number") else None
                out["code"], out["abbr"] = m.group("code").upper(), m.group("abbr").upper()
                continue
            m = DATE_LINE.match(text)
            if m:
                out["place"] = m.group("place").strip()
                out["year"] = int(m.group("year"))
                if m.group("day") and m.group("month"):
                    try:
                        out["date"] = dt.date(int(m.group("year")), int(m.group("month")), int(m.group("day")))
                    except ValueError:
                        self.warn(f"ngày ban hành không có thật: '{text}'", "phần đầu")
                continue
            if (text, bold) in left and text == text.upper():  # ND30: the issuer is printed in capitals
                out["issuer_lines"].append((text, bold))
            else:
                self.warn(f"dòng ở phần đầu không đọc được: '{text}'", "phần đầu")
        if "year" not in out:
            years = [int(y) for y in re.findall(r"\bnăm (20\d\d)\b", self.doc.text)]
            out["year"] = max(set(years), key=years.count) if years else dt.date.today().year
            self.guess(f"năm kế hoạch {out['year']} (không đọc được dòng địa danh, ngày tháng)", "phần đầu")
        return out

    # ---------------------------------------------------------------- title

    def title(self, blocks: list, title_at: int) -> tuple[list[str], int]:
        lines: list[str] = []
        i = title_at
        if 0 <= title_at < len(blocks):
            first = blocks[title_at].text.split("\n")
            lines += [clean(x).strip() for x in first[1:] if clean(x).strip()]
        i = title_at + 1
        while i < len(blocks):
            b = blocks[i]
            if isinstance(b, Table):
                break
            text = b.text.strip()
            if not text or RULE.match(text):
                if lines:
                    i += 1
                    break
                i += 1
                continue
            if lines and (b.alignment not in ("center", None) or not b.bold):
                break
            if text.startswith("Căn cứ") or LABEL.match(text) or b.list_label:
                break
            if not lines and b.alignment not in ("center",) and not b.bold:
                break
            lines += [clean(x).strip() for x in b.text.split("\n") if clean(x).strip()]
            i += 1
        return lines, i

    # ---------------------------------------------------------------- tail: Nơi nhận and signature

    def tail(self, blocks: list) -> dict:
        left: list[tuple[str, bool, str]] = []
        right: list[tuple[str, bool, str]] = []
        for block in blocks:
            if isinstance(block, Table):
                for r, row in enumerate(block.rows):
                    for cell in row.cells:
                        side = left if cell.col == 0 else right
                        for p in cell.paragraphs:
                            side += [(t, b, _where(p)) for t, b, _ in segments(p)]
            else:
                for text, bold, col in segments(block):
                    target = left if (col <= 0 and not (block.alignment == "center" and not
                                                         text.startswith(("-", "Nơi")))) else right
                    target.append((text, bold, _where(block)))
        recipients, archive, signer_lines = [], None, []
        for text, _bold, where in left:
            if text.casefold().startswith("nơi nhận"):
                continue
            line = text.lstrip("-–•+ ").strip()
            if re.match(r"^lưu\s*:", line, re.IGNORECASE):
                archive = (line, where)
            elif line:
                recipients.append((line, where))
        for text, bold, where in right:
            if not RULE.match(text):
                signer_lines.append((text, bold, where))
        return {"recipients": recipients, "archive": archive, "signer": signer_lines}

    # ---------------------------------------------------------------- appendices

    def appendices(self, blocks: list, header: dict) -> list[dict]:
        """Each appendix: label line, title lines, '(Kèm theo …)' line, then its table."""
        out: list[dict] = []
        current: dict | None = None
        for block in blocks:
            if isinstance(block, Paragraph):
                text = clean(block.text).strip()
                if not text or RULE.match(text):
                    continue
                m = APPENDIX_LABEL.match(text)
                if m and (current is None or current.get("table") is not None) and len(text) < 200:
                    current = {"label": m.group("n"), "title": [], "attached": None, "table": None,
                               "where": _where(block), "section": block.section, "extra": [],
                               "before": []}
                    if m.group("rest"):
                        current["title"].append(m.group("rest"))
                    out.append(current)
                    continue
                if current is None:
                    self.warn(f"đoạn sau chữ ký không thuộc phụ lục nào, không đưa vào kế hoạch: '{text[:80]}'",
                              _where(block))
                    continue
                if ATTACHED.match(text) and current["table"] is None:
                    current["attached"] = ATTACHED.match(text)
                elif current["table"] is None and current["attached"] is not None:
                    current["before"].append((text, _where(block)))
                elif current["table"] is None:
                    current["title"] += [clean(x).strip() for x in block.text.split("\n") if clean(x).strip()]
                else:
                    current["extra"].append((text, _where(block)))
            else:
                if current is None or current["table"] is not None:
                    current = {"label": None, "title": [], "attached": None, "table": None,
                               "where": f"bảng {block.index + 1}", "section": block.section, "extra": [],
                               "before": []}
                    out.append(current)
                    self.warn("bảng sau chữ ký không có dòng 'Phụ lục': coi như một phụ lục", current["where"])
                current["table"] = block
        return [a for a in out if a["table"] is not None or a["before"] or self._no_table(a)]

    def _no_table(self, appendix: dict) -> bool:
        self.warn("phụ lục không có bảng và không có nội dung: bỏ qua", appendix["where"])
        return False

    def paragraphs_table(self, a: dict, aid: str, title: str, landscape: bool) -> dict:
        """An appendix whose table did not survive (or never was one): its paragraphs become the rows
        of a one-column table, so no word is lost."""
        self.warn("phụ lục không có bảng: các đoạn của nó thành các dòng của một bảng một cột 'Nội dung' "
                  "(kehoach chỉ in phụ lục dạng bảng); hãy xem lại", a["where"])
        rows = [{"id": f"r{n}", "cells": {"noi-dung": text}} for n, (text, _) in enumerate(a["before"], start=1)]
        return {"id": aid, "type": "table", "title": title, "orientation": "landscape" if landscape else "portrait",
                "columns": [{"id": "noi-dung", "header": "Nội dung"}], "rows": rows}

    def read_appendices(self, found: list[dict]) -> list:
        results = []
        many = len(found) > 1
        for i, a in enumerate(found, start=1):
            aid = f"phu-luc-{i}" if many else "phu-luc"
            title = " ".join(a["title"]) or self.todo("tên phụ lục")
            section = self.doc.sections[a["section"]] if a["section"] < len(self.doc.sections) else None
            landscape = bool(section and section.orientation == "landscape")
            where = f"phụ lục {roman(i) if many else ''}".strip()
            if a["table"] is None:
                from generator.importer.tables import TableImport

                result = TableImport(self.paragraphs_table(a, aid, title, landscape))
            else:
                result = self.tables.read(a["table"], aid, title, landscape, where)
                for text, w in a["before"]:
                    self.warn(f"đoạn giữa dòng 'Kèm theo' và bảng không đưa được vào kế hoạch: '{text[:80]}'", w)
            for text in result.notes:
                self.notes.append(Note("guess" if "đoán" in text else "info", text))
            for text, w in a["extra"]:
                self.warn(f"đoạn sau bảng của phụ lục không đưa được vào kế hoạch: '{text[:80]}'", w)
            if a["attached"] is not None:
                a["full_name"] = a["attached"].group("who").strip().rstrip(")")
            results.append((a, result))
        return results

    # ---------------------------------------------------------------- body

    def body(self, blocks: list, appendices: list[dict]) -> dict:
        self.found_appendices = self.read_appendices(appendices)
        lines: list[Line] = []
        for block in blocks:
            if isinstance(block, Table):
                self.body_tables.append(block)
                continue
            if block.in_shape and not block.text.strip():
                continue
            text = block.text.strip()
            if not text or RULE.match(text):
                continue
            line = classify(block)
            if line.text or line.kind != "text":
                lines.append(line)
        self.numbering = self.numbering_scheme(lines)
        closing = None
        if lines and re.search(r"\./\.\s*$", lines[-1].text) and lines[-1].kind == "text":
            closing = re.sub(r"\s*\./\.\s*$", "", lines.pop().text)
        elif lines and lines[-1].kind == "text" and lines[-1].text.startswith("Trên đây"):
            closing = lines.pop().text.rstrip(".").rstrip()
            self.guess("câu kết không có './.': lấy đoạn 'Trên đây ...' cuối cùng làm câu kết", lines and "" or "")
        legal, preamble = [], []
        i = 0
        while i < len(lines) and lines[i].kind != "section":
            line = lines[i]
            full = (line.label + " " + line.text).strip() if line.kind != "text" else line.text
            if full.startswith("Căn cứ") and not preamble:
                legal.append(re.sub(r"[;.,]+\s*$", "", full))
            else:
                if line.kind != "text":
                    self.warn(f"đoạn có số thứ tự trước mục I: giữ nguyên cả số '{line.label}'", line.where)
                preamble.append(full)
            i += 1
        sections = self.sections(lines[i:])
        return {"legal": legal, "preamble": preamble, "sections": sections, "closing": closing}

    def numbering_scheme(self, lines: list[Line]) -> list[str] | None:
        """Documents that number points '1.1.' (under '1.') get that scheme, so kehoach prints the
        same labels; depths follow: 1. → 1.1. → a) → (1)."""
        forms = set()
        for line in lines:
            if line.kind == "clause" and line.label:
                m = LABEL.match(line.label + " ")
                if m:
                    forms.add(next(k for k in ("num", "numnum", "letter", "paren") if m.group(k)))
        if "numnum" not in forms:
            return None
        letter = "letter" in forms
        depth = {"num": 1, "numnum": 2, "letter": 3, "paren": 4 if letter else 3}
        for line in lines:
            if line.kind == "clause" and line.label:
                m = LABEL.match(line.label + " ")
                kind = next((k for k in ("num", "numnum", "letter", "paren") if m and m.group(k)), None)
                if kind == "numnum":
                    line.depth = 1 + m.group("numnum").count(".")
                elif kind:
                    line.depth = depth[kind]
        levels = ["1.", "1.1."] + (["a)"] if letter else []) + ["(1)"]
        self.notes.append(Note("info", f"văn bản đánh số các cấp {', '.join(levels)}: ghi vào mục numbering để "
                                       "kehoach in đúng như vậy"))
        return levels

    def sections(self, lines: list[Line]) -> list[dict]:
        sections: list[dict] = []
        stack: list[tuple[int, list]] = []
        for line in lines:
            if line.kind == "section":
                section = {"id": None, "title": line.text, "content": []}
                sections.append(section)
                stack = [(0, section["content"])]
                if LABEL.match(line.label + " ") and LABEL.match(line.label + " ").group("roman") \
                        and line.label.rstrip(".") != roman(len(sections)):
                    self.warn(f"mục đánh số '{line.label}' nhưng là mục thứ {len(sections)}: kehoach đánh số lại",
                              line.where)
                continue
            if not stack:
                continue
            if line.kind == "clause":
                depth = line.depth
                while len(stack) > 1 and stack[-1][0] >= depth:
                    stack.pop()
                parent_depth = stack[-1][0]
                if depth > parent_depth + 1:
                    self.warn(f"'{line.label}' nằm ngay dưới cấp {parent_depth}: kehoach in số của cấp "
                              f"{parent_depth + 1}", line.where)
                titled = line.heading is not None or line.bold
                sub = {"title": line.text} if titled else {"text": line.text}
                sub["content"] = []
                sub["_where"] = line.where
                stack[-1][1].append(sub)
                stack.append((parent_depth + 1, sub["content"]))
            elif line.kind in ("bullet", "plus"):
                container = stack[-1][1]
                last = container[-1] if container else None
                if line.kind == "plus":
                    if isinstance(last, dict) and "bullets" in last and len(last) == 1 and last["bullets"]:
                        item = last["bullets"][-1]
                        if isinstance(item, str):
                            item = {"text": item, "bullets": []}
                            last["bullets"][-1] = item
                        item["bullets"].append(line.text)
                        continue
                    self.warn("ý '+' không đứng sau một ý '-': in thành ý '-'", line.where)
                if isinstance(last, dict) and "bullets" in last and len(last) == 1:
                    last["bullets"].append(line.text)
                else:
                    container.append({"bullets": [line.text]})
            else:
                stack[-1][1].append(line.text)
        return sections

    # ---------------------------------------------------------------- assembly

    def assemble(self, header: dict, title: list[str], body: dict, tail: dict, indices: dict,
                 registry: str | None) -> ImportResult:
        data: dict = {"schema_version": 1, "id": self.plan_id, "year": self.year}
        if indices:
            data["indices"] = dict(indices)
        if registry:
            data["registry"] = registry
        data["issuer"] = self.issuer(header)
        document: dict = {}
        if header.get("code") and header["code"] != "KH":
            document["code"] = header["code"]
        if header["number"]:
            document["number"] = header["number"]
        if header["date"]:
            document["date"] = header["date"]
        if not header["number"] or not header["date"]:
            self.notes.append(Note("info", "số và/hoặc ngày ban hành để trống (dự thảo): giữ trống", "phần đầu"))
        if document:
            data["document"] = document
        if len(title) > 1:
            # line breaks in a trích yếu balance its lines on the page; kehoach centres and wraps it
            self.notes.append(Note("info", f"trích yếu in trên {len(title)} dòng: nối thành một dòng (kehoach tự "
                                           "xuống dòng; muốn giữ chỗ xuống dòng, viết 'title: |-' với từng dòng)",
                                   "trích yếu"))
        data["title"] = " ".join(title) if title else self.todo("trích yếu (không thấy dòng dưới 'KẾ HOẠCH')")
        if body["legal"]:
            data["legal_bases"] = body["legal"]
        if body["preamble"]:
            data["preamble"] = body["preamble"]

        # appendices first: their group rows name the criteria and declare agencies
        appendices, tasks, table_targets = [], [], []
        for a, result in self.found_appendices:
            appendices.append(result.appendix)
            tasks += result.tasks
            table_targets += result.targets
        for k, table in enumerate(self.body_tables, start=1):
            # kehoach prints tables only as appendices: the cells are kept there, under a name to give
            where = f"bảng {table.index + 1}"
            section = self.doc.sections[table.section] if table.section < len(self.doc.sections) else None
            title = self.todo("tên phụ lục cho bảng nằm giữa nội dung", where)
            result = self.tables.read(table, f"bang-{k}", title, bool(section and section.orientation == "landscape"),
                                      where)
            self.warn("bảng nằm giữa các đoạn nội dung: kehoach chỉ in bảng ở phụ lục, nên bảng được chuyển thành "
                      f"phụ lục '{result.appendix['id']}' ở cuối văn bản (cần đặt tên phụ lục)", where)
            for text in result.notes:
                self.notes.append(Note("guess" if "đoán" in text else "info", text))
            appendices.append(result.appendix)
            tasks += result.tasks
            table_targets += result.targets
        targets: list[dict] = []
        self.targets_by_criterion: dict[str, dict] = {}
        self.printed_sentences: dict[str, str] = {}
        sections = body["sections"]
        self.transform_sections(sections, targets, appendices)
        for t in table_targets:
            known = self.targets_by_criterion.get(t["criterion"])
            if known is None:
                tid = t["id"]
                while any(x["id"] == tid for x in targets):
                    tid += "-b"
                t["id"] = tid
                targets.append(t)
                self.targets_by_criterion[t["criterion"]] = t
            else:
                if "baseline" not in known and "baseline" in t:
                    known["baseline"] = t["baseline"]
                if t["target"] != known["target"]:
                    self.warn(f"chỉ tiêu '{t['criterion']}' trong phụ lục ({t['target']}) khác trong nội dung "
                              f"({known['target']}): giữ số trong nội dung", "phụ lục", known)
        criteria = [{"code": code, "name": name} for code, name in self.tables.renamed.items()]
        criteria += self.tables.own
        if criteria:
            data["criteria"] = criteria
        responsibilities = self.responsibilities(sections)
        funding = self.funding(sections)
        if self.agencies.declared:
            data["agencies"] = self.agencies.declared
            for agency in self.agencies.declared:
                why = self.agencies.guesses.get(agency["id"])
                if why:
                    self.notes.append(Note("guess", why))
                    self.obj_comments.setdefault(id(agency), []).append("ĐOÁN: " + why)
        if targets:
            data["targets"] = targets
        if tasks:
            data["tasks"] = tasks
        if responsibilities:
            data["responsibilities"] = responsibilities
        if funding:
            data["funding"] = funding
        self.section_ids(sections)
        data["sections"] = sections or [{"id": "noi-dung", "title": self.todo("các mục I., II. (không thấy mục nào)")}]
        data["closing"] = body["closing"] or self.todo("câu kết (không thấy đoạn kết thúc bằng './.')")
        data["signer"] = self.signer(tail["signer"])
        data["recipients"] = self.recipients(tail["recipients"])
        data["archive"] = self.archive(tail["archive"])
        if appendices:
            data["appendices"] = appendices
        if self.numbering:
            data["numbering"] = {"levels": self.numbering}
        self.strip_private(data)
        self.used_indices(data)
        self.finish_targets(data)
        comments = self.collect_comments(data)
        counts = {
            "sections": len(sections), "targets": len(targets), "tasks": len(tasks),
            "agencies": len(self.agencies.declared), "recipients": len(data["recipients"]),
            "appendices": len(appendices), "responsibilities": len(responsibilities),
        }
        word_comments = [f"{c.author or 'không rõ tác giả'}: {c.text}"
                         + (f" (tại: “{c.anchor_text[:60]}”)" if c.anchor_text else "")
                         for c in self.doc.comments]
        if self.doc.changes:
            self.notes.append(Note("info", f"văn bản có {len(self.doc.changes)} thay đổi được theo dõi (track "
                                           "changes): đã đọc bản đã chấp nhận mọi thay đổi"))
        return ImportResult(data, comments, [], self.notes, self.todos, counts, word_comments)

    def used_indices(self, data: dict) -> None:
        """An index the document only mentions in passing (no target, task or table uses one of its
        criteria) is left out, unless no index is used at all (then every one mentioned stays)."""
        used = {str(t["criterion"]).split(".")[0] for t in data.get("targets", [])}
        used |= {str(t["dimension"]).split(".")[0] for t in data.get("tasks", [])}
        used |= {str(c["code"]).split(".")[0] for c in data.get("criteria", [])}
        for a in data.get("appendices", []):
            used |= {str(c).split(".")[0] for c in a.get("criteria", [])}
        indices = data.get("indices", {})
        if used and not self.forced_indices:
            for index in [i for i in indices if i not in used]:
                del indices[index]
            if not indices:
                del data["indices"]
        for text in self.index_notes:
            if text.split(":")[0].split()[-1] in indices:
                self.guess(text)

    def issuer(self, header: dict) -> dict:
        lines = header["issuer_lines"]
        bold_lines = [t for t, b in lines if b]
        superior = []
        if bold_lines and not lines[0][1]:
            while lines and not lines[0][1]:
                superior.append(lines.pop(0)[0])
        name = [t for t, _ in lines]
        issuer: dict = {}
        if superior:
            issuer["superior"] = superior
        issuer["name"] = name or [self.todo("tên cơ quan ban hành")]
        full = next((a.get("full_name") for a, _ in self.found_appendices if a.get("full_name")), None)
        place = header.get("place")
        if full is None and name:
            parts = [_sentence_case(name[0])]
            for line in name[1:]:
                words = line.split(" ", 1)
                if place and len(words) == 2 and words[1].upper() == place.upper():
                    parts.append(f"{words[0].lower()} {place}")
                else:
                    parts.append(line.title())
            full = " ".join(parts)
            self.guess(f"tên đầy đủ của cơ quan ban hành: '{full}' (suy từ tên in hoa)", "phần đầu", issuer)
        issuer["full_name"] = full or self.todo("tên đầy đủ của cơ quan ban hành")
        issuer["abbreviation"] = header.get("abbr") or self.todo("chữ viết tắt tên cơ quan (ví dụ UBND)")
        issuer["place"] = place or self.todo("địa danh")
        return issuer

    # ---------------------------------------------------------------- targets, pointers, responsibilities

    def transform_sections(self, sections: list[dict], targets: list[dict], appendices: list[dict]) -> None:
        labels = {}
        for i, a in enumerate(appendices, start=1):
            labels[roman(i)] = labels[str(i)] = a["id"]
            if len(appendices) == 1:
                labels[None] = a["id"]

        def target_of(sentence: str, where: str) -> str | None:
            parsed = parse_target(sentence, self.catalogue)
            if parsed is None or parsed.criterion in self.targets_by_criterion:
                return None
            tid = self.tables.target_id(parsed.criterion)
            entry = target_data(tid, parsed, self.catalogue.by_code.get(parsed.criterion))
            targets.append(entry)
            self.targets_by_criterion[parsed.criterion] = entry
            self.printed_sentences[tid] = sentence
            self.target_where[tid] = where
            return tid

        self.target_where: dict[str, str] = {}

        def walk(content: list, in_targets: bool) -> list:
            out = []
            for block in content:
                if isinstance(block, str):
                    m = POINTER.match(block)
                    if m and len(block) < 200 and (m.group("n") or None) in labels:
                        ref = {"appendix": labels[m.group("n") or None]}
                        if m.group("before") != "(Chi tiết tại":
                            ref["before"] = m.group("before")
                        if m.group("after") != "kèm theo)":
                            ref["after"] = m.group("after")
                        out.append(ref)
                        continue
                    tid = target_of(block, "") if in_targets else None
                    out.append({"targets": [tid], "style": "paragraphs"} if tid else block)
                elif "bullets" in block and len(block) == 1:
                    if not in_targets:
                        out.append(block)
                        continue
                    run: list = []
                    for item in block["bullets"]:
                        tid = target_of(item, "") if isinstance(item, str) else None
                        if tid:
                            if run and "targets" in run[-1]:
                                run[-1]["targets"].append(tid)
                            else:
                                run.append({"targets": [tid]})
                        elif run and "bullets" in run[-1]:
                            run[-1]["bullets"].append(item)
                        else:
                            run.append({"bullets": [item]})
                    out += run
                else:
                    inner = walk(block["content"], in_targets)
                    if in_targets and "text" in block:
                        tid = target_of(block["text"], block.get("_where", ""))
                        if tid:
                            block.pop("text")
                            block = {"target": tid, **block}
                    block["content"] = inner
                    out.append(block)
            return out

        for section in sections:
            in_targets = bool(re.search(r"CHỈ TIÊU|MỤC TIÊU", section["title"].upper()))
            section["content"] = walk(section["content"], in_targets)

    def responsibilities(self, sections: list[dict]) -> list[dict]:
        """The run of numbered subsections of 'Tổ chức thực hiện' whose titles name agencies. A titled
        subsection inside the run whose title names none keeps its title and gets a TODO for its
        agencies; plain paragraphs after the run's last subsection that open with 'Trong quá trình'
        (the usual last word of the section) stay at section level."""
        out: list[dict] = []
        for section in sections:
            if "TỔ CHỨC THỰC HIỆN" not in section["title"].upper():
                continue
            content = section["content"]
            found = [self.agencies_of(b) if isinstance(b, dict) and "title" in b else None for b in content]
            hits = [i for i, ids in enumerate(found) if ids]
            if not hits:
                continue
            start, end = hits[0], hits[-1] + 1
            inside = content[start:end]
            if not all(isinstance(b, dict) and "title" in b for b in inside):
                end = next(i for i in range(start, end) if not (isinstance(content[i], dict) and "title" in content[i]))
                inside = content[start:end]
            for offset, block in enumerate(inside):
                ids = found[start + offset]
                if not ids:
                    ids = [self.todo("mã các cơ quan của khoản này", _short(block["title"]))]
                    self.warn(f"khoản '{block['title'][:60]}' nằm giữa các khoản theo cơ quan nhưng tiêu đề không "
                              "nêu tên cơ quan: ghi TODO cho danh sách cơ quan", block.get("_where", ""))
                base = "tn-" + (slug(ids[0]) if not ids[0].startswith(TODO) else "khac")
                rid, n = base, 2
                while any(r["id"] == rid for r in out):
                    rid, n = f"{base}-{n}", n + 1
                entry: dict = {"id": rid, "agencies": ids}
                joined = ", ".join(self.agencies.names.get(a, a) for a in ids)
                if joined != block["title"]:
                    entry["title"] = block["title"]
                entry["content"] = block["content"] or [self.todo("nội dung trách nhiệm", block["title"])]
                out.append(entry)
            after = content[end:]
            last = out[-1]["content"]
            moved = []
            while last and isinstance(last[-1], str) and last[-1].startswith("Trong quá trình") and len(last) > 1:
                moved.insert(0, last.pop())
            section["content"] = content[:start] + [{"responsibilities": "all"}] + moved + after
            break
        return out

    def agencies_of(self, block: dict) -> list[str] | None:
        title = block["title"].strip().rstrip(":.").strip()
        plain = re.sub(r"^đề nghị\s+", "", title, flags=re.IGNORECASE)
        names = self.agencies.split(plain)
        if not names or not self.agencies.looks_like_agency(plain):
            return None
        unknown = [n for n in names if not self.agencies.known(n)]
        if unknown and not all(self.agencies.looks_like_agency(n) for n in names):
            return None
        if len(unknown) == len(names) and len(names) > 1:
            return None
        ids = [self.agencies.declare(n, f"mục Tổ chức thực hiện, '{title[:50]}'") for n in names]
        return ids

    def funding(self, sections: list[dict]) -> list:
        def walk(content: list) -> list | None:
            for block in content:
                if isinstance(block, dict) and "title" in block and re.match(r"^kinh phí", block["title"],
                                                                             re.IGNORECASE):
                    if block["content"]:
                        found = block["content"]
                        block["content"] = [{"funding": True}]
                        return found
                if isinstance(block, dict) and "content" in block:
                    found = walk(block["content"])
                    if found is not None:
                        return found
            return None

        for section in sections:
            found = walk(section["content"])
            if found is not None:
                return found
        return []

    def section_ids(self, sections: list[dict]) -> None:
        seen: set[str] = set()
        for section in sections:
            base = slug(section["title"], 4)
            sid, n = base, 2
            while sid in seen:
                sid, n = f"{base}-{n}", n + 1
            seen.add(sid)
            section["id"] = sid

    def strip_private(self, data) -> None:
        if isinstance(data, dict):
            for key in [k for k in data if isinstance(k, str) and k.startswith("_")]:
                del data[key]
            if "content" in data and data["content"] == [] and ("title" in data or "text" in data
                                                                   or "target" in data):
                del data["content"]
            for value in data.values():
                self.strip_private(value)
        elif isinstance(data, list):
            for item in data:
                self.strip_private(item)

    def finish_targets(self, data: dict) -> None:
        """Keep the printed sentence as `wording` only where kehoach would print another one."""
        if not data.get("targets"):
            return
        from pydantic import ValidationError

        from generator.render.context import Builder
        from generator.plan.model import Plan, Target

        try:
            plan = Plan.model_validate(data)
        except ValidationError:
            plan = None
        for target in data["targets"]:
            printed = self.printed_sentences.get(target["id"])
            if printed is None:
                continue
            generated = None
            if plan is not None:
                try:
                    generated = Builder(plan).target_sentence(Target.model_validate(target))
                except (ValidationError, KeyError, ValueError):
                    generated = None
            if generated != printed:
                target["wording"] = printed

    # ---------------------------------------------------------------- signer, recipients, archive

    def signer(self, lines: list[tuple[str, bool, str]]) -> dict:
        signer: dict = {}
        rest = []
        for text, _bold, where in lines:
            if re.match(r"^TM\.\s*", text):
                signer["on_behalf_of"] = re.sub(r"^TM\.\s*", "", text)
            elif re.match(r"^KT\.\s*", text):
                signer["signing_for"] = re.sub(r"^KT\.\s*", "", text)
            elif re.match(r"^\(?(đã ký|ký tên|ký, ghi rõ|ký và đóng dấu)", text, re.IGNORECASE):
                self.warn(f"bỏ dòng '{text}' ở chữ ký (kehoach để chỗ trống cho chữ ký)", where)
            else:
                rest.append((text, where))
        titles = [t for t, _ in rest if t.isupper()]
        names = [t for t, _ in rest if not t.isupper()]
        if titles:
            signer["title"] = titles[0]
            for extra, where in [(t, w) for t, w in rest if t.isupper()][1:]:
                self.warn(f"dòng chữ ký thêm không đưa được vào kế hoạch: '{extra}'", where)
        else:
            signer["title"] = self.todo("chức vụ người ký")
        if names:
            signer["name"] = names[-1]
            for extra, where in [(t, w) for t, w in rest if not t.isupper()][:-1]:
                self.warn(f"dòng chữ ký thêm không đưa được vào kế hoạch: '{extra}'", where)
        else:
            signer["name"] = self.todo("họ tên người ký")
        return signer

    def recipients(self, lines: list[tuple[str, str]]) -> list[dict]:
        out = []
        for text, where in lines:
            line = re.sub(r"[;.,]+\s*$", "", text).strip()
            entry: dict = {}
            m = re.match(r"^(?P<text>.*?)\s*(?P<note>\([^()]*\))$", line)
            if m and m.group("text"):
                entry["text"], entry["note"] = m.group("text"), m.group("note")
            else:
                entry["text"] = line
            known = self.agencies.known(entry["text"])
            if not known and agency_norm(entry["text"]) not in self.agencies.group_forms:
                covers = [self.agencies.known(n) for n in self.agencies.split(entry["text"])]
                covers = [c for c in covers if c]
                if covers:
                    entry["covers"] = covers
            out.append(entry)
        if not out:
            out.append({"text": self.todo("Nơi nhận (không đọc được danh sách)")})
        return out

    def archive(self, found: tuple[str, str] | None) -> dict:
        if found is None:
            self.guess("không thấy dòng 'Lưu: ...': ghi 'Lưu: VT'", "Nơi nhận")
            return {"units": ["VT"]}
        text, where = found
        body = re.sub(r"^lưu\s*:\s*", "", text, flags=re.IGNORECASE).rstrip(" .;")
        copies = None
        m = re.search(r"\s*\((\d+)(?:\s*b(?:ản)?)?\)\s*$", body)
        if m:
            copies = int(m.group(1))
            body = body[:m.start()]
        units = [u.strip() for u in re.split(r"[,;]", body) if u.strip()]
        out: dict = {"units": units or ["VT"]}
        if copies:
            out["copies"] = copies
        return out

    # ---------------------------------------------------------------- comments in the YAML

    def collect_comments(self, data) -> dict:
        out: dict[tuple, list[str]] = {}

        def walk(value, path):
            lines = self.obj_comments.get(id(value))
            if lines:
                out[path] = lines
            if isinstance(value, dict):
                for k, v in value.items():
                    walk(v, path + (k,))
            elif isinstance(value, list):
                for i, v in enumerate(value):
                    walk(v, path + (i,))

        walk(data, ())
        return out


def import_document(doc: Document, *, plan_id: str, registry: str | None = None,
                    indices: dict[str, str] | None = None) -> ImportResult:
    return Importer(doc, plan_id=plan_id, registry=registry, indices=indices).run()


__all__ = ["import_document", "ImportResult", "Note", "classify", "TODO"]
