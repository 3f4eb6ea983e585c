"""The body read into the plan's structure: each paragraph classified by its label (typed or Word list,
heading style), legal bases and preamble before section I, the closing "./." sentence, the numbering
scheme the document uses, and sections with their clauses, paragraphs and bullets nested by depth."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from generator.importer.state import CLOSING_MARK, END_PUNCT, State, short, where_of
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
    numbering: list[str] | None = None  # a section numbered otherwise than the plan


def classify(p: Paragraph) -> Line:
    kind, depth, label, rest = read_label(p.text, p.list_label, p.ilvl, p.heading_level)
    return Line(clean(rest).strip(), kind, depth, label, bool(p.bold), p.heading_level, where_of(p), p)


def read_body(st: State, blocks: list[Block]) -> dict:
    st.body_tables += [b for b in blocks if isinstance(b, Table)]
    lines = [classify(p) for p in body_paragraphs(blocks)]
    line_of = {id(line.para): line for line in lines}
    seen = 0
    for block in blocks:  # the section each table sits in (its number among the sections, from 0)
        if isinstance(block, Table):
            st.table_sections[block.index] = seen - 1 if seen else None
        elif id(block) in line_of and line_of[id(block)].kind == "section":
            seen += 1
    st.numbering = numbering_scheme(st, lines)
    closing = None
    zone = st.zones.closing
    if zone is not None and lines and lines[-1].para is st.paragraphs[zone]:
        closing = CLOSING_MARK.sub("", lines.pop().text)
    elif lines and re.search(r"\./\.\s*$", lines[-1].text):
        closing = closing_in_item(st, lines)
    elif lines and lines[-1].kind == "text" and lines[-1].text.startswith("Trên đây"):
        closing = lines.pop().text.rstrip(".").rstrip()
        st.guess("câu kết không có './.': lấy đoạn 'Trên đây ...' cuối cùng làm câu kết", "")
    legal, preamble = [], []
    i = 0
    while i < len(lines) and lines[i].kind != "section":
        line = lines[i]
        full = (line.label + " " + line.text).strip() if line.kind != "text" else line.text
        if full.startswith(LEGAL_BASIS_START) and not preamble:
            legal.append(END_PUNCT.sub("", full))
        else:
            if line.kind != "text":
                st.warn(f"đoạn có số thứ tự trước mục I: giữ nguyên cả số '{line.label}'", line.where)
            preamble.append(full)
        i += 1
    sections = read_sections(st, lines[i:])
    return {"legal": legal, "preamble": preamble, "sections": sections, "closing": closing}


FORMATS = {"num": "1.", "numnum": "1.1.", "letter": "a)", "paren": "(1)"}
DEFAULT_LEVELS = ["1.", "a)", "(1)"]


def _label_kind(label: str) -> str | None:
    """'num', 'numnum2' ('1.1.'), 'numnum3' ('1.1.1.'), 'letter', 'paren' or None."""
    m = LABEL.match(label + " ") if label else None
    if m is None:
        return None
    if m.group("numnum"):
        return f"numnum{1 + m.group('numnum').count('.')}"
    return next((k for k in ("num", "letter", "paren") if m.group(k)), None)


_LAST_SENTENCE = re.compile(r"(?<=[.;:])\s+(?=(?:Trên đây|Yêu cầu|Trong quá trình|Quá trình)\b)")


def closing_in_item(st: State, lines: list[Line]) -> str:
    """The "./." ends the last numbered item or bullet (not a paragraph of its own): a last sentence that
    reads as a closing ("Trên đây …", "Yêu cầu …", "Trong quá trình …") becomes the closing and the item
    keeps the rest; otherwise the whole item is the closing (kehoach prints the closing as a paragraph of
    its own, after the sections), and the summary says so."""
    last = lines[-1]
    text = CLOSING_MARK.sub("", last.text)
    parts = _LAST_SENTENCE.split(text)
    if len(parts) > 1:
        last.text = " ".join(parts[:-1])
        st.guess(f"'./.' ở cuối '{last.label or short(last.text, 40)}': câu cuối “{short(parts[-1], 60)}” làm câu "
                 "kết, phần trước giữ trong mục", last.where)
        return parts[-1]
    lines.pop()
    label = f"khoản '{last.label}'" if last.label else "đoạn cuối"
    st.guess(f"'./.' ở cuối {label} của mục cuối: lấy cả {label} làm câu kết (kehoach in câu kết thành đoạn "
             "riêng, không đánh số)", last.where)
    return text


def numbering_scheme(st: State, lines: list[Line]) -> list[str] | None:
    """The numbering each section uses, read as a reader does: a label form not seen yet in the section
    opens a level below the current one, a form seen already goes back to its level ('1.' → '1.1.' →
    '(1)', or '1.' → 'a)' in another section). Each line's depth follows. The scheme most sections use
    is the plan's; a section numbered otherwise gets its own (Line.numbering on its section line, read by read_sections).
    Returns the plan's levels, or None for kehoach's default ('1.', 'a)', '(1)')."""
    schemes: list[tuple[Line | None, list[str]]] = []
    current: Line | None = None
    clauses: list[Line] = []

    def close() -> None:
        kinds = [_label_kind(c.label) for c in clauses]
        if not clauses or None in kinds:
            schemes.append((current, []))  # unlabelled (heading) clauses keep the reader's depths
            return
        stack: list[str] = []
        for line, kind in zip(clauses, kinds):
            if kind in stack:
                del stack[stack.index(kind) + 1:]
            else:
                stack.append(kind)
            line.depth = len(stack)
        levels: list[str] = []
        for line, kind in zip(clauses, kinds):
            while len(levels) < line.depth:
                levels.append("")
            levels[line.depth - 1] = levels[line.depth - 1] or FORMATS[kind.rstrip("23456789")]
        schemes.append((current, [x or "1." for x in levels]))

    for line in lines:
        if line.kind == "section":
            close()
            current, clauses = line, []
        elif line.kind == "clause":
            clauses.append(line)
    close()

    def full(raw: list[str]) -> list[str]:
        return raw if "(1)" in raw else raw + ["(1)"]

    def fits(raw: list[str], scheme: list[str]) -> bool:
        return scheme[:len(raw)] == raw[:len(scheme)] and all(x == "(1)" for x in raw[len(scheme):])

    used = [raw for _, raw in schemes if raw]
    candidates = [DEFAULT_LEVELS] + [full(raw) for raw in used]
    # each distinct scheme scored once, against each distinct section scheme with its count: every candidate
    # against every section was quadratic in the sections (issue 22); max keeps the first best as before
    counts = Counter(tuple(raw) for raw in used)
    scores: dict[tuple, int] = {}

    def score(scheme: list[str]) -> int:
        key = tuple(scheme)
        if key not in scores:
            scores[key] = sum(n for raw, n in counts.items() if fits(list(raw), scheme))
        return scores[key]

    plan = max(candidates, key=score)
    for section, raw in schemes:
        if section is not None and raw and not fits(raw, plan):
            section.numbering = full(raw)
    if plan == DEFAULT_LEVELS:
        return None
    st.note("info", f"văn bản đánh số các cấp {', '.join(plan)}: ghi vào mục numbering để kehoach in đúng như vậy")
    return plan


def read_sections(st: State, lines: list[Line]) -> list[dict]:
    sections: list[dict] = []
    stack: list[tuple[int, list]] = []
    for line in lines:
        if line.kind == "section":
            section = {"id": None, "title": line.text, "content": []}
            if line.numbering:
                section["numbering"] = {"levels": line.numbering}
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
