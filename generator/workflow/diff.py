"""Semantic comparison of two plans, matched by id, for reviewers (terminal, Markdown, JSON)."""
from __future__ import annotations

import difflib
import json
import os
import re
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import Any, Literal

from generator.plan.agencies import Agencies
from generator.render.context import Builder
from generator.plan.model import (
    FundingBlock,
    GenericRow,
    Plan,
    ResponsibilitiesBlock,
    Subsection,
    TableAppendix,
    Target,
    TargetsBlock,
    Task,
)
from generator.core.text import number, shorten, upper
from generator.nd30 import issue_date

Kind = Literal["added", "removed", "changed", "renamed"]

CATEGORIES = {
    "document": "Văn bản", "target": "Chỉ tiêu", "task": "Nhiệm vụ", "agency": "Cơ quan",
    "recipient": "Nơi nhận", "section": "Nội dung các mục", "responsibility": "Tổ chức thực hiện",
    "appendix": "Phụ lục",
}
BOUND_VI = {"exact": "đạt", "above": "đạt trên", "at_least": "đạt tối thiểu"}
TODO_SENTENCE = "(câu sinh từ số liệu, khi các giá trị TODO đã được điền)"
KIND_VI = {"added": "thêm", "removed": "bỏ", "changed": "sửa", "renamed": "đổi mã"}
TASK_FIELDS = {"dimension": "chỉ số nội dung", "sub_dimension": "nội dung thành phần", "content": "nhiệm vụ",
               "indicator": "chỉ tiêu", "lead": "chủ trì", "co": "phối hợp", "timeframe": "thời gian",
               "output": "sản phẩm", "notes": "ghi chú"}


@dataclass
class FieldChange:
    field: str
    old: str
    new: str


@dataclass
class Change:
    category: str
    kind: Kind
    id: str
    label: str
    old_id: str = ""  # 'renamed': the id in the old plan (`id` is the new one)
    fields: list[FieldChange] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # sentences
    added: list[str] = field(default_factory=list)


@dataclass
class PlanDiff:
    old_name: str
    new_name: str
    old_year: int
    new_year: int
    changes: list[Change]
    agencies: list[str] = field(default_factory=list)  # names and short names, to find in sentences

    @property
    def differ(self) -> bool:
        return bool(self.changes)

    @property
    def differ_beyond_ids(self) -> bool:
        """Something other than an item's id changed (`--ignore-ids`)."""
        return any(c.kind != "renamed" for c in self.changes)


def _fmt(value: Any) -> str:
    if value is None:
        return "(trống)"
    if isinstance(value, Decimal):
        return number(value)
    if isinstance(value, (list, tuple)):
        return "; ".join(_fmt(v) for v in value) or "(trống)"
    return str(value)


def sentences(texts: list[str]) -> list[str]:
    out = []
    for text in texts:
        out += [s.strip() for s in re.split(r"(?<=[.;])\s+", text.replace("\n", " ")) if s.strip()]
    return out


def _sentence_diff(old: list[str], new: list[str]) -> tuple[list[str], list[str]]:
    removed, added = [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if op in ("replace", "delete"):
            removed += old[i1:i2]
        if op in ("replace", "insert"):
            added += new[j1:j2]
    return removed, added


def _written_blocks(blocks: list) -> list:
    kept = []
    for block in blocks:
        if isinstance(block, (TargetsBlock, ResponsibilitiesBlock, FundingBlock)):
            continue
        if isinstance(block, Subsection):
            if block.target is not None:
                continue
            block = block.model_copy(update={"content": _written_blocks(block.content)})
        kept.append(block)
    return kept


class _Differ:
    def __init__(self, old: Plan, new: Plan, old_todos: dict | None = None, new_todos: dict | None = None):
        self.old, self.new = old, new
        self.ob, self.nb = Builder(old), Builder(new)
        self.changes: list[Change] = []
        # TODO markers left by rollover, by path: shown in place of the placeholder they stand for
        self.todos = {id(old): old_todos or {}, id(new): new_todos or {}}

    def run(self) -> list[Change]:
        self.document()
        self.targets()
        self.tasks()
        self.agencies()
        self.recipients()
        self.sections()
        self.responsibilities()
        self.appendices()
        return self.changes

    def by_id(self, category: str, old_items, new_items, label, compare) -> None:
        old = {x.id: x for x in old_items}
        new = {x.id: x for x in new_items}
        gone = [key for key in old if key not in new]
        for key in new:
            if key in old:
                continue
            # an item whose id changed but whose content did not (a plan imported again gets new ids)
            twin = next((g for g in gone if self.same(old[g], new[key], category, compare)), None)
            if twin is not None:
                gone.remove(twin)
                self.changes.append(Change(category, "renamed", key, label(new[key], self.nb), old_id=twin))
            else:
                self.changes.append(Change(category, "added", key, label(new[key], self.nb)))
        for key in gone:
            self.changes.append(Change(category, "removed", key, label(old[key], self.ob)))
        for key in new:
            if key in old:
                change = Change(category, "changed", key, label(new[key], self.nb))
                compare(old[key], new[key], change)
                if change.fields or change.removed or change.added:
                    self.changes.append(change)

    @staticmethod
    def same(a, b, category: str, compare) -> bool:
        probe = Change(category, "changed", "", "")
        compare(a, b, probe)
        return not (probe.fields or probe.removed or probe.added)

    def document(self) -> None:
        o, n = self.old, self.new
        change = Change("document", "changed", n.id, "Văn bản")
        pairs = [("năm", o.year, n.year), ("trích yếu", o.title, n.title),
                 ("số", o.document.number, n.document.number),
                 ("ngày ban hành", issue_date(o.document.date, o.year) if o.document.date else None,
                  issue_date(n.document.date, n.year) if n.document.date else None),
                 ("người ký", " / ".join(self.ob.signer_lines() + [o.signer.name]),
                  " / ".join(self.nb.signer_lines() + [n.signer.name]))]
        for name, a, b in pairs:
            if a != b:
                change.fields.append(FieldChange(name, _fmt(a), _fmt(b)))
        change.removed, change.added = _sentence_diff(
            sentences(o.preamble + self.written(self.ob, o.funding) + [o.closing]),
            sentences(n.preamble + self.written(self.nb, n.funding) + [n.closing]))
        if change.fields or change.removed or change.added:
            self.changes.append(change)
        # one legal basis per item: adding one shows that one, not the whole list twice
        legal = Change("document", "changed", "legal_bases", "Căn cứ")
        legal.removed, legal.added = _sentence_diff(o.legal_bases, n.legal_bases)
        if legal.removed or legal.added:
            self.changes.append(legal)

    def targets(self) -> None:
        def label(t: Target, b: Builder) -> str:
            return f"{t.id} ({b.criterion_name(t.criterion)})"

        def shown(plan: Plan, t: Target, b: Builder) -> dict[str, Any]:
            index = next(i for i, x in enumerate(plan.targets) if x is t)
            todos = self.todos[id(plan)]
            base = t.baseline
            values = {"tiêu chí": t.criterion, "đơn vị": t.unit,
                      "năm gốc": base.year if base else None, "kết quả gốc": base.value if base else None,
                      "hạng gốc": base.rank if base else None, "chỉ tiêu": t.target,
                      "mức": BOUND_VI[t.bound], "tăng, giảm": b._change(t) if t.change else None,
                      "chú thích": t.qualifier, "tối đa": t.max}
            paths = {"kết quả gốc": ("baseline", "value"), "hạng gốc": ("baseline", "rank"),
                     "chỉ tiêu": ("target",), "tăng, giảm": ("change", "by"), "tối đa": ("max",)}
            pending = False
            for name, tail in paths.items():
                marker = todos.get(("targets", index) + tail)
                if marker is not None:
                    values[name], pending = marker, True
            values["câu chữ"] = (TODO_SENTENCE if pending and not t.wording else b.target_sentence(t))
            return values

        def compare(a: Target, b: Target, change: Change) -> None:
            x, y = shown(self.old, a, self.ob), shown(self.new, b, self.nb)
            for name in x:
                if _fmt(x[name]) != _fmt(y[name]):
                    change.fields.append(FieldChange(name, _fmt(x[name]), _fmt(y[name])))

        self.by_id("target", self.old.targets, self.new.targets, label, compare)

    def tasks(self) -> None:
        def label(t: Task, b: Builder) -> str:
            return f"{t.id} [{b.criterion_name(t.dimension)}]: {shorten(t.content.splitlines()[0])}"

        def value(t: Task, key: str, b: Builder) -> str:
            raw = getattr(t, key)
            if key in ("lead", "co"):
                return _fmt([b.agencies.display(r) for r in raw])
            if key == "dimension":
                return b.criterion_name(raw)
            if key == "sub_dimension":
                codes = [raw] if isinstance(raw, str) else (raw or [])
                return _fmt([b.criterion_name(c) for c in codes])
            return _fmt(raw)

        def compare(a: Task, b: Task, change: Change) -> None:
            for key, name in TASK_FIELDS.items():
                x, y = value(a, key, self.ob), value(b, key, self.nb)
                if x != y:
                    change.fields.append(FieldChange(name, x, y))

        self.by_id("task", self.old.tasks, self.new.tasks, label, compare)

    def agencies(self) -> None:
        old, new = Agencies(self.old).by_id, Agencies(self.new).by_id

        def facts(a) -> tuple:
            return a.name, _fmt(a.short), _fmt(a.groups)

        gone = sorted(old.keys() - new.keys())
        for key in sorted(new.keys() - old.keys()):
            twin = next((g for g in gone if facts(old[g]) == facts(new[key])), None)
            if twin is not None:
                gone.remove(twin)
                self.changes.append(Change("agency", "renamed", key, new[key].name, old_id=twin))
            else:
                self.changes.append(Change("agency", "added", key, new[key].name))
        for key in gone:
            self.changes.append(Change("agency", "removed", key, old[key].name))
        for key in sorted(old.keys() & new.keys()):
            a, b = old[key], new[key]
            change = Change("agency", "changed", key, b.name)
            for name, x, y in (("tên", a.name, b.name), ("tên viết tắt", a.short, b.short), ("nhóm", a.groups, b.groups)):
                if _fmt(x) != _fmt(y):
                    change.fields.append(FieldChange(name, _fmt(x), _fmt(y)))
            if change.fields:
                self.changes.append(change)

    def recipients(self) -> None:
        old = [line[2:].rstrip(";.") for line in self.ob.recipients()]
        new = [line[2:].rstrip(";.") for line in self.nb.recipients()]
        for line in new:
            if line not in old:
                self.changes.append(Change("recipient", "added", "", line))
        for line in old:
            if line not in new:
                self.changes.append(Change("recipient", "removed", "", line))

    @staticmethod
    def written(builder: Builder, blocks: list) -> list[str]:
        """The text a drafter wrote in these blocks; generated parts (targets, responsibilities,
        funding) are compared in their own categories."""
        return [p.full for p in builder.blocks(_written_blocks(blocks), depth=1)]

    def section_text(self, builder: Builder, blocks: list) -> list[str]:
        return sentences(self.written(builder, blocks))

    def sections(self) -> None:
        def label(s, b):
            return s.title.upper()

        def compare(a, b, change: Change) -> None:
            # kehoach prints section titles in capitals: a change of case alone is not a change
            if upper(a.title) != upper(b.title):
                change.fields.append(FieldChange("tiêu đề", a.title, b.title))
            change.removed, change.added = _sentence_diff(self.section_text(self.ob, a.content),
                                                          self.section_text(self.nb, b.content))

        self.by_id("section", self.old.sections, self.new.sections, label, compare)

    def responsibilities(self) -> None:
        def label(r, b: Builder) -> str:
            return r.title or ", ".join(b.agencies.display(a) for a in r.agencies)

        def compare(a, b, change: Change) -> None:
            x = _fmt([self.ob.agencies.display(r) for r in a.agencies])
            y = _fmt([self.nb.agencies.display(r) for r in b.agencies])
            if x != y:
                change.fields.append(FieldChange("cơ quan", x, y))
            if (a.title or "") != (b.title or ""):
                change.fields.append(FieldChange("tiêu đề", _fmt(a.title), _fmt(b.title)))
            change.removed, change.added = _sentence_diff(
                sentences([a.text] if a.text else []) + self.section_text(self.ob, a.content),
                sentences([b.text] if b.text else []) + self.section_text(self.nb, b.content))

        self.by_id("responsibility", self.old.responsibilities, self.new.responsibilities, label, compare)

    def appendices(self) -> None:
        def label(a, b: Builder) -> str:
            return f"{b.appendix_labels[a.id]}: {a.title.upper()}"

        # what is printed: titles in capitals, and the orientation 'auto' resolves to
        old_pages = {t.id: t.landscape for t in self.ob.tables()}
        new_pages = {t.id: t.landscape for t in self.nb.tables()}
        page = {True: "landscape", False: "portrait"}

        def compare(a, b, change: Change) -> None:
            if upper(a.title) != upper(b.title):
                change.fields.append(FieldChange("tiêu đề", a.title, b.title))
            if a.type != b.type:
                change.fields.append(FieldChange("loại", a.type, b.type))
            if old_pages[a.id] != new_pages[b.id]:
                change.fields.append(FieldChange("hướng trang", page[old_pages[a.id]], page[new_pages[b.id]]))
            if getattr(a, "columns", None) != getattr(b, "columns", None):
                change.fields.append(FieldChange("các cột", _fmt([str(c) for c in a.columns]),
                                                 _fmt([str(c) for c in b.columns])))
            if isinstance(a, TableAppendix) and isinstance(b, TableAppendix):
                self.table_rows(a, b, change)

        self.by_id("appendix", self.old.appendices, self.new.appendices, label, compare)

    @staticmethod
    def table_rows(a: TableAppendix, b: TableAppendix, change: Change) -> None:
        """Rows of a generic table, matched by id; a changed row names its changed cells."""
        headers = {c.id: c.header for c in a.columns} | {c.id: c.header for c in b.columns}

        def line(row: GenericRow, columns) -> str:
            cells = [_fmt(row.cells[c.id]) for c in columns if c.id in row.cells]
            return f"dòng {row.id}: " + " | ".join(cells)

        old = {r.id: r for r in a.rows}
        new = {r.id: r for r in b.rows}
        change.removed += [line(r, a.columns) for r in a.rows if r.id not in new]
        change.added += [line(r, b.columns) for r in b.rows if r.id not in old]
        for row in b.rows:
            if row.id not in old:
                continue
            before = old[row.id]
            for key in list(dict.fromkeys([*before.cells, *row.cells])):
                x, y = before.cells.get(key), row.cells.get(key)
                if _fmt(x) != _fmt(y):
                    change.fields.append(FieldChange(f"dòng {row.id}: {headers.get(key, key)}", _fmt(x), _fmt(y)))
            if before.group != row.group:
                change.fields.append(FieldChange(f"dòng {row.id}: dòng nhóm", _fmt(before.group), _fmt(row.group)))


def diff_plans(old: Plan, new: Plan, old_name: str, new_name: str, old_todos: dict | None = None,
               new_todos: dict | None = None) -> PlanDiff:
    """`*_todos`: TODO markers by path (from `load_plan_for_review`), compared as values."""
    names = {form for plan in (old, new) for a in Agencies(plan).by_id.values()
             for form in (a.name, *a.short) if len(form) > 2}
    return PlanDiff(old_name, new_name, old.year, new.year, _Differ(old, new, old_todos, new_todos).run(),
                    sorted(names))


# ---------------------------------------------------------------- output


def _grouped(diff: PlanDiff) -> dict[str, list[Change]]:
    groups: dict[str, list[Change]] = {}
    for change in diff.changes:
        groups.setdefault(change.category, []).append(change)
    return {k: groups[k] for k in CATEGORIES if k in groups}


def _summary(changes: list[Change]) -> str:
    counts = {k: sum(c.kind == k for c in changes) for k in KIND_VI}
    return ", ".join(f"{n} {KIND_VI[k]}" for k, n in counts.items() if n)


SHOWN = 300  # characters of a changed stretch shown on screen or in a comment; the JSON keeps every value whole
AROUND = 60  # unchanged characters shown on each side of it


def _count(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _middle(text: str, limit: int = SHOWN) -> str:
    if len(text) <= limit:
        return text
    half = limit // 2
    return f"{text[:half]} [… {_count(len(text) - 2 * half)} ký tự …] {text[-half:]}"


def clipped(old: str, new: str) -> tuple[str, str]:
    """Two versions of a value as they are printed: whole when short; else the stretch that differs (cut in
    its middle when long), a little of what is the same around it, markers with the number of characters
    left out, and the value's length. A value of 300,000 characters was printed whole (issue 22)."""
    if len(old) <= SHOWN * 2 and len(new) <= SHOWN * 2:
        return old, new
    same_start = len(os.path.commonprefix([old, new]))
    room = min(len(old), len(new)) - same_start
    same_end = len(os.path.commonprefix([old[::-1][:room], new[::-1][:room]]))

    def shown(text: str) -> str:
        if not text:
            return text
        head, body, tail = text[:same_start], text[same_start:len(text) - same_end], text[len(text) - same_end:]
        if len(head) > AROUND:
            head = f"[… {_count(len(head) - AROUND)} ký tự …] {head[-AROUND:]}"
        if len(tail) > AROUND:
            tail = f"{tail[:AROUND]} [… {_count(len(tail) - AROUND)} ký tự …]"
        return f"{head}{_middle(body)}{tail} (dài {_count(len(text))} ký tự)" if len(text) > SHOWN * 2 \
            else f"{head}{_middle(body)}{tail}"
    return shown(old), shown(new)


def _one(text: str) -> str:
    """A sentence added or removed, as printed."""
    return clipped(text, "")[0] if len(text) > SHOWN * 2 else text


def _id_note(c: Change) -> str:
    if c.kind == "renamed":
        return f"mã {c.old_id} → {c.id}"
    return c.id if c.id and c.id not in c.label else ""


def render_text(diff: PlanDiff) -> str:
    lines = [f"So sánh {diff.old_name} (năm {diff.old_year}) → {diff.new_name} (năm {diff.new_year})"]
    if not diff.changes:
        return lines[0] + "\nKhông có thay đổi.\n"
    sign = {"added": "+", "removed": "-", "changed": "~", "renamed": "="}
    for category, changes in _grouped(diff).items():
        lines.append(f"\n{CATEGORIES[category]} ({_summary(changes)}):")
        for c in changes:
            note = _id_note(c)
            lines.append(f"  {sign[c.kind]} {c.label}" + (f"  [{note}]" if note else ""))
            for f in c.fields:
                old, new = clipped(f.old, f.new)
                lines.append(f"      {f.field}: {old} → {new}")
            lines += [f"      - {_one(s)}" for s in c.removed] + [f"      + {_one(s)}" for s in c.added]
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


# facts a reviewer must see: numbers, dates, years, amounts (anything with a digit)
_FACT = re.compile(r"\d")
_WORD = re.compile(r"\S+")


def pair_sentences(removed: list[str], added: list[str]) -> list[tuple[str | None, str | None]]:
    """Old and new sentences side by side: each removed sentence with the most similar added one
    (when they share most of their words), the rest alone, in the order of the new text."""
    pairs: dict[int, str] = {}
    free = list(range(len(added)))
    for old in removed:
        scored = [(difflib.SequenceMatcher(a=old.split(), b=added[j].split(), autojunk=False).ratio(), j)
                  for j in free]
        best = max(scored, default=(0.0, -1))
        if best[0] >= 0.5:
            pairs[best[1]] = old
            free.remove(best[1])
    out: list[tuple[str | None, str | None]] = [(o, None) for o in removed if o not in pairs.values()]
    out += [(pairs.get(j), text) for j, text in enumerate(added)]
    return out


def _agencies_in(text: str, names: list[str]) -> list[str]:
    found = []
    for name in sorted(names, key=len, reverse=True):
        if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text) and not any(name in f for f in found):
            found.append(name)
    return found


def _numbers(words: list[str], start: int, stop: int) -> str:
    """The words with a digit in words[start:stop], each after the word before it ('năm 2022')."""
    shown = []
    for k in range(start, stop):
        if _FACT.search(words[k]):
            before = words[k - 1] if k and not _FACT.search(words[k - 1]) else ""
            shown.append(f"{before} {words[k].strip('.,;:()')}".strip())
    return ", ".join(shown)


def sentence_facts(old: str | None, new: str | None, agencies: list[str]) -> list[str]:
    """The facts that differ between two versions of a sentence (or are in a sentence added or
    removed): numbers and dates, with the word before them, and agencies named in one version only."""
    a, b = _WORD.findall(old or ""), _WORD.findall(new or "")
    facts = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        x, y = _numbers(a, i1, i2), _numbers(b, j1, j2)
        if x or y:
            facts.append(f"{x or '(không)'} → {y or '(không)'}" if old and new else x or y)
    in_old, in_new = _agencies_in(old or "", agencies), _agencies_in(new or "", agencies)
    gone, came = [n for n in in_old if n not in in_new], [n for n in in_new if n not in in_old]
    if gone or came:
        facts.append(f"{', '.join(gone) or '(không)'} → {', '.join(came) or '(không)'}" if old and new
                     else ", ".join(gone or came))
    return facts


def render_markdown(diff: PlanDiff) -> str:
    """For a pull request: every changed value in a table, every changed sentence in the open beside
    the facts (numbers, dates, agencies) that changed in it; nothing folded away."""
    agencies = diff.agencies
    out = [f"## So sánh kế hoạch: `{diff.old_name}` (năm {diff.old_year}) → `{diff.new_name}` "
           f"(năm {diff.new_year})", ""]
    if not diff.changes:
        return "\n".join(out + ["Không có thay đổi.", ""])
    groups = _grouped(diff)
    out += ["| Phần | Thay đổi |", "|---|---|"]
    out += [f"| {CATEGORIES[k]} | {_summary(v)} |" for k, v in groups.items()] + [""]
    for category, changes in groups.items():
        out += [f"### {CATEGORIES[category]}", ""]
        for kind, title in (("added", "Thêm"), ("removed", "Bỏ")):
            items = [c for c in changes if c.kind == kind]
            if items:
                out.append(f"**{title}:**")
                out += [f"- {_md(c.label)}" + (f" (`{c.id}`)" if c.id and c.id not in c.label else "") for c in items]
                out.append("")
        renamed = [c for c in changes if c.kind == "renamed"]
        if renamed:
            out.append("**Đổi mã (nội dung không đổi):**")
            out += [f"- {_md(c.label)}: `{c.old_id}` → `{c.id}`" for c in renamed] + [""]
        edited = [c for c in changes if c.kind == "changed"]
        fields = [(c, f) for c in edited for f in c.fields]
        if fields:
            out += ["**Sửa:**", "", "| Mục | Trường | Cũ | Mới |", "|---|---|---|---|"]
            out += [f"| {_md(c.label)} | {f.field} | {' | '.join(map(_md, clipped(f.old, f.new)))} |"
                    for c, f in fields]
            out.append("")
        for c in edited:
            if c.removed or c.added:
                out += [f"**{_md(c.label)}**: câu chữ thay đổi", "",
                        "| Số liệu, ngày tháng, cơ quan | Câu cũ | Câu mới |", "|---|---|---|"]
                for old, new in pair_sentences(c.removed, c.added):
                    facts = "; ".join(sentence_facts(old, new, agencies))
                    facts = facts or ("(câu chữ)" if old and new else "(bỏ câu)" if old else "(thêm câu)")
                    out.append(f"| {_md(facts)} | {_md(_one(old or ''))} | {_md(_one(new or ''))} |")
                out.append("")
    return "\n".join(out)


def _json_change(change: Change) -> dict:
    data = asdict(change)
    if change.kind != "renamed":
        del data["old_id"]
    return data


def render_json(diff: PlanDiff) -> str:
    return json.dumps({"old": diff.old_name, "new": diff.new_name, "old_year": diff.old_year,
                       "new_year": diff.new_year, "changes": [_json_change(c) for c in diff.changes]},
                      ensure_ascii=False, indent=2) + "\n"
