"""The body read into the plan's structure: each paragraph classified by its label (typed or Word list,
heading style), legal bases and preamble before section I, the closing "./." sentence, the numbering
scheme the document uses, and sections with their clauses, paragraphs and bullets nested by depth."""
from __future__ import annotations

import re
from dataclasses import dataclass

from generator.importer.state import State, where_of
from generator.nd30.grammar import LEGAL_BASIS_START, clean
from generator.nd30.labels import LABEL, read_label, roman
from generator.nd30.zones import body_paragraphs
from generator.word.model import Block, Paragraph, Table


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


def classify(p: Paragraph) -> Line:
    kind, depth, label, rest = read_label(p.text, p.list_label, p.ilvl, p.heading_level)
    return Line(clean(rest).strip(), kind, depth, label, bool(p.bold), p.heading_level, where_of(p), p)


def read_body(st: State, blocks: list[Block]) -> dict:
    st.body_tables += [b for b in blocks if isinstance(b, Table)]
    lines = [classify(p) for p in body_paragraphs(blocks)]
    st.numbering = numbering_scheme(st, lines)
    closing = None
    zone = st.zones.closing
    if zone is not None and lines and lines[-1].para is st.paragraphs[zone]:
        closing = re.sub(r"\s*\./\.\s*$", "", lines.pop().text)
    elif lines and lines[-1].kind == "text" and lines[-1].text.startswith("Trên đây"):
        closing = lines.pop().text.rstrip(".").rstrip()
        st.guess("câu kết không có './.': lấy đoạn 'Trên đây ...' cuối cùng làm câu kết", "")
    legal, preamble = [], []
    i = 0
    while i < len(lines) and lines[i].kind != "section":
        line = lines[i]
        full = (line.label + " " + line.text).strip() if line.kind != "text" else line.text
        if full.startswith(LEGAL_BASIS_START) and not preamble:
            legal.append(re.sub(r"[;.,]+\s*$", "", full))
        else:
            if line.kind != "text":
                st.warn(f"đoạn có số thứ tự trước mục I: giữ nguyên cả số '{line.label}'", line.where)
            preamble.append(full)
        i += 1
    sections = read_sections(st, lines[i:])
    return {"legal": legal, "preamble": preamble, "sections": sections, "closing": closing}


def numbering_scheme(st: State, lines: list[Line]) -> list[str] | None:
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
    st.note("info", f"văn bản đánh số các cấp {', '.join(levels)}: ghi vào mục numbering để kehoach in đúng như vậy")
    return levels


def read_sections(st: State, lines: list[Line]) -> list[dict]:
    sections: list[dict] = []
    stack: list[tuple[int, list]] = []
    for line in lines:
        if line.kind == "section":
            section = {"id": None, "title": line.text, "content": []}
            sections.append(section)
            stack = [(0, section["content"])]
            if LABEL.match(line.label + " ") and LABEL.match(line.label + " ").group("roman") \
                    and line.label.rstrip(".") != roman(len(sections)):
                st.warn(f"mục đánh số '{line.label}' nhưng là mục thứ {len(sections)}: kehoach đánh số lại",
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
                st.warn(f"'{line.label}' nằm ngay dưới cấp {parent_depth}: kehoach in số của cấp "
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
                st.warn("ý '+' không đứng sau một ý '-': in thành ý '-'", line.where)
            if isinstance(last, dict) and "bullets" in last and len(last) == 1:
                last["bullets"].append(line.text)
            else:
                container.append({"bullets": [line.text]})
        else:
            stack[-1][1].append(line.text)
    return sections
