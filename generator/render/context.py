"""From a validated plan to everything the renderers place: strings, numbering, groupings, tables.

Renderers make no decisions about wording or numbering; they only lay out what is computed here, so
the .docx, the .xlsx and the recipient list cannot drift apart.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Literal

from generator import nd30
from generator.plan.agencies import Agencies
from generator.plan.catalogue import Criteria, CriterionInfo
from generator.plan.model import (
    AppendixRef,
    Bullet,
    Bullets,
    FundingBlock,
    Plan,
    ResponsibilitiesBlock,
    ScoresAppendix,
    Subsection,
    TableAppendix,
    Target,
    TargetsBlock,
    TasksAppendix,
)
from generator.core.text import number, upper
from generator.core.units import cm_to_mm
from generator.nd30.labels import roman
from generator.nd30 import issue_date

# ---------------------------------------------------------------- body paragraphs

ParaKind = Literal["legal", "text", "section", "heading", "clause", "point", "bullet", "sub_bullet", "closing"]

# How a printed text was made from its plan value, so that `import --onto` can carry an edit back:
#   text         the scalar as written (a label or final punctuation may be added: see Para.kind)
#   upper        the scalar in capitals (section titles, appendix titles)
#   target       a target sentence generated from the target's numbers (or its `wording`)
#   agencies     agency references shown by their display names, "; "-joined
#   number       a number in Vietnamese format
#   appendix_ref '<before> Phụ lục N <after>'
#   generated    computed (numbering, criterion names, totals): not editable through the document
Origin = Literal["text", "upper", "target", "agencies", "number", "appendix_ref", "generated"]


@dataclass(frozen=True)
class Source:
    """Where a printed paragraph, table row or cell comes from: the path of the plan value in the
    YAML (list items by position, as the loader reports them) and how it was turned into text."""

    path: tuple = ()
    origin: Origin = "text"


@dataclass(frozen=True)
class Para:
    """One body paragraph. `label` ('I.', '1.', 'a)', '-', '+') is printed before `text`; `bold`
    covers label and text (ND30: I. and titled 1. are bold, a) is not)."""

    kind: ParaKind
    text: str
    label: str = ""
    bold: bool = False
    source: Source | None = None

    @property
    def full(self) -> str:
        return f"{self.label} {self.text}" if self.label else self.text


# ---------------------------------------------------------------- tables

Align = Literal["left", "center", "right", "justify"]


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    width_cm: float
    align: Align = "left"
    fixed: bool = False  # keeps its width when the table is scaled to the page (STT)


@dataclass(frozen=True)
class Cell:
    lines: tuple[str, ...]
    merge: Literal["", "restart", "continue"] = ""  # vertical merge with the cells below
    source: Source | None = None
    value: int | Decimal | None = None  # a number: the .xlsx stores it as a number
    span: int = 1  # columns this cell covers in a data row; 0 = covered by a cell to its left

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@dataclass(frozen=True)
class Row:
    kind: Literal["group", "data", "total"]
    cells: tuple[Cell, ...]  # for a group row: the label cell(s); span covers the rest
    span_from: int = -1  # group rows: index of the cell that spans to the last column
    bold: bool = False
    source: Source | None = None


@dataclass
class Table:
    id: str
    label: str  # "Phụ lục" or "Phụ lục II"
    title: str  # in capitals
    attached_to: str  # "(Kèm theo Kế hoạch số ... )"
    landscape: bool
    columns: list[Column]
    rows: list[Row] = field(default_factory=list)
    task_rows: int = 0
    valign: Literal["", "top", "center"] = ""  # every cell; "": top, centred columns centred
    title_source: Source | None = None


# ---------------------------------------------------------------- page geometry (mm)

PAGE_W, PAGE_H = nd30.PAGE_W_MM, nd30.PAGE_H_MM
MARGIN = nd30.MARGIN
PORTRAIT_TEXT_W = nd30.PORTRAIT_TEXT_W
LANDSCAPE_TEXT_W = nd30.LANDSCAPE_TEXT_W


@dataclass
class Context:
    plan: Plan
    sizes: dict[str, float]
    issuer_superior: list[str]
    issuer_name: list[str]
    number_line: str
    place_date: str
    doc_type: str
    title_lines: list[str]
    body: list[Para]
    recipients: list[str]  # "- X;" ... "- Lưu: VT, Y."
    signer_lines: list[str]
    signer_name: str
    tables: list[Table]

    @property
    def recipient_text(self) -> str:
        return "Nơi nhận:\n" + "\n".join(self.recipients) + "\n"


DOC_TYPES = {"KH": nd30.DOC_TYPE}

TASK_COLUMNS: dict[str, tuple[str, float, Align]] = {
    # key: (default header, natural width in cm, alignment)
    "stt": ("STT", 1.3, "center"),
    "dimension": ("Chỉ số nội dung", 3.0, "left"),
    "sub_dimension": ("Nội dung thành phần", 3.5, "left"),
    "content": ("Nhiệm vụ", 7.5, "justify"),
    "indicator": ("Chỉ tiêu", 3.5, "left"),
    "lead": ("Đơn vị chủ trì", 3.0, "left"),
    "co": ("Đơn vị phối hợp", 3.5, "left"),
    "timeframe": ("Thời gian thực hiện", 2.4, "center"),
    "output": ("Kết quả, sản phẩm", 3.5, "left"),
    "notes": ("Ghi chú", 2.2, "left"),
}


sizes_for = nd30.sizes_for


class Builder:
    """Computes wording, numbering and tables for one plan (also used by `diff`)."""

    def __init__(self, plan: Plan):
        self.plan = plan
        self.criteria = Criteria(plan)
        self.agencies = Agencies(plan)
        self.targets = {t.id: t for t in plan.targets}
        self.target_index = {t.id: i for i, t in enumerate(plan.targets)}
        self.appendix_labels = self._appendix_labels()
        self.scheme = plan.numbering  # the numbering of the section being built
        self._numbers: list[int] = []  # numbers of the items above the current one
        self.appendix_index = {a.id: i for i, a in enumerate(plan.appendices)}

    # ---------------------------------------------------------------- header and references

    def _appendix_labels(self) -> dict[str, str]:
        count = len(self.plan.appendices)
        return {a.id: nd30.appendix_label(i + 1, count) for i, a in enumerate(self.plan.appendices)}

    def symbol(self) -> str:
        return f"{self.plan.document.code}-{self.plan.issuer.abbreviation}"

    def number_line(self) -> str:
        return f"Số: {nd30.number_text(self.plan.document.number)}/{self.symbol()}"

    def attached_to(self) -> str:
        doc = self.plan.document
        return (f"{nd30.ATTACHED_PREFIX} Kế hoạch số {nd30.number_text(doc.number)}/{self.symbol()} "
                f"{self.issue_date()} của {doc.issued_by or self.plan.issuer.full_name})")

    def issue_date(self) -> str:
        return issue_date(self.plan.document.date, self.plan.year, self.plan.document.month)

    # ---------------------------------------------------------------- targets

    def criterion_name(self, code: str) -> str:
        info = self.criteria.get(code)
        return info.name if info else code

    def target_sentence(self, target: Target) -> str:
        if target.wording:
            return target.wording
        info = self.criteria.get(target.criterion)
        name = info.name if info else target.criterion
        maximum = target.max if target.max is not None else (info.max if info else None)
        if info is None:
            subject = name
        elif info.is_root:
            subject = info.short_name or name
            if not subject.casefold().startswith("chỉ số"):  # never "Chỉ số Chỉ số cải cách ..."
                subject = f"Chỉ số {subject}"
        else:
            subject = f"{info.level} “{name}”"
        base = target.baseline
        since = f" so với năm {base.year}" if base else ""
        if target.change is not None:
            return f"{subject}: {self._change(target)}{since}{_qualifier(target.qualifier)}."
        bound = BOUND_WORDS[target.bound]
        if target.unit == "hạng":
            of = f"/{base.of}" if base and base.of else ""
            sentence = f"{subject}: xếp hạng {bound}{target.target}{of}"
            if target.qualifier:
                return sentence + _qualifier(target.qualifier) + "."
            if base and base.rank:
                moved = base.rank - int(target.target)
                if moved:
                    sentence += f" ({'tăng' if moved > 0 else 'giảm'} {abs(moved):02d} bậc so với năm {base.year})"
            return sentence + "."
        unit = "%" if target.unit == "%" else " điểm"
        value = number(target.target) + (f"/{number(maximum)}" if maximum is not None and unit != "%" else "")
        sentence = f"{subject}: đạt {bound}{value}{unit}"
        if target.qualifier:
            return sentence + _qualifier(target.qualifier) + "."
        if base and base.value is not None:
            delta = Decimal(str(target.target)) - Decimal(str(base.value))
            if delta > 0:
                sentence += f" (tăng {number(delta)}{unit} so với năm {base.year})"
            elif delta < 0:
                sentence += f" (giảm {number(-delta)}{unit} so với năm {base.year})"
            else:
                sentence += f" (bằng kết quả năm {base.year})"
        return sentence + "."

    @staticmethod
    def _change(target: Target) -> str:
        """'tăng tối thiểu 02 bậc', 'tăng vị thứ xếp hạng', 'tăng 0,5 điểm', 'giảm 7%'."""
        change = target.change
        verb = "tăng" if change.direction == "up" else "giảm"
        least = "tối thiểu " if change.at_least else ""
        if change.by is None:
            what = {"hạng": "vị thứ xếp hạng", "%": "tỷ lệ", "điểm": "điểm số"}[target.unit]
            return f"{verb} {what}"
        if target.unit == "hạng":
            return f"{verb} {least}{int(change.by):02d} bậc"
        return f"{verb} {least}{number(change.by)}{'%' if target.unit == '%' else ' điểm'}"

    # ---------------------------------------------------------------- body

    def body(self) -> list[Para]:
        out: list[Para] = [Para("legal", text + (";" if i < len(self.plan.legal_bases) - 1 else "."),
                                source=Source(("legal_bases", i)))
                           for i, text in enumerate(_strip_end(b) for b in self.plan.legal_bases)]
        out += [Para("text", text, source=Source(("preamble", i))) for i, text in enumerate(self.plan.preamble)]
        for i, section in enumerate(self.plan.sections):
            out.append(Para("section", upper(section.title), label=f"{roman(i + 1)}.", bold=True,
                            source=Source(("sections", i, "title"), "upper")))
            self.scheme = section.numbering or self.plan.numbering
            out += self.blocks(section.content, depth=1, path=("sections", i, "content"))
        self.scheme = self.plan.numbering
        out.append(Para("closing", _closing(self.plan.closing), source=Source(("closing",))))
        return out

    def target_source(self, tid: str) -> Source:
        return Source(("targets", self.target_index[tid]), "target")

    def blocks(self, blocks: list, depth: int, path: tuple = ()) -> list[Para]:
        """`depth` 1 = directly under a section: subsections there are '1.', one deeper 'a)'.
        `path`: where `blocks` sits in the plan (for the sources of the paragraphs)."""
        out: list[Para] = []
        counter = 0
        for j, block in enumerate(blocks):
            here = path + (j,)
            if isinstance(block, str):
                out.append(Para("text", block, source=Source(here)))
            elif isinstance(block, Bullets):
                out += self.bullets(block.bullets, level=1, path=here + ("bullets",))
            elif isinstance(block, Subsection):
                counter += 1
                out += self.subsection(block, depth, counter, here)
            elif isinstance(block, TargetsBlock):
                for tid in block.targets:
                    sentence = self.target_sentence(self.targets[tid])
                    source = self.target_source(tid)
                    out.append(Para("bullet", sentence, label="-", source=source) if block.style == "bullets"
                               else Para("text", sentence, source=source))
            elif isinstance(block, ResponsibilitiesBlock):
                chosen = (list(enumerate(self.plan.responsibilities)) if block.responsibilities == "all"
                          else [(i, r) for rid in block.responsibilities
                                for i, r in enumerate(self.plan.responsibilities) if r.id == rid])
                for i, resp in chosen:
                    counter += 1
                    if resp.text is not None:  # the agency is named inside a run-on sentence
                        out.append(Para("clause", resp.text, label=self.clause_label(depth, counter),
                                        source=Source(("responsibilities", i, "text"))))
                    else:
                        title = resp.title or ", ".join(self.agencies.display(a) for a in resp.agencies)
                        source = (Source(("responsibilities", i, "title")) if resp.title
                                  else Source(("responsibilities", i, "agencies"), "agencies"))
                        out.append(self.heading(depth, counter, title, source))
                    out += self.blocks(resp.content, depth + 1, ("responsibilities", i, "content"))
            elif isinstance(block, FundingBlock):
                out += self.blocks(self.plan.funding, depth, ("funding",))
            elif isinstance(block, AppendixRef):
                ids = [block.appendix] if isinstance(block.appendix, str) else block.appendix
                labels = ", ".join(self.appendix_labels[a] for a in ids)  # "Phụ lục I, Phụ lục II"
                out.append(Para("text", f"{block.before} {labels} {block.after}",
                                source=Source(here, "appendix_ref")))
        return out

    def heading(self, depth: int, n: int, title: str, source: Source | None = None) -> Para:
        """A titled item: bold at the numbered levels ('1.', '1.1.'), and at lettered ones when the
        scheme says so (ND30 prints points plain)."""
        label = self.clause_label(depth, n)
        fmt = self.level_format(depth)
        if fmt in ("1.", "1.1.") or self.scheme.bold_titled_points:
            return Para("heading", title, label=label, bold=True, source=source)
        return Para("point", title, label=label, source=source)

    def level_format(self, depth: int) -> str:
        levels = self.scheme.levels
        return levels[depth - 1] if depth <= len(levels) else "(1)"

    def clause_label(self, depth: int, n: int) -> str:
        """The label of item `n` at `depth`; remembers it so '1.1.' can name its parents."""
        del self._numbers[depth - 1:]
        self._numbers += [0] * (depth - 1 - len(self._numbers)) + [n]
        fmt = self.level_format(depth)
        if fmt == "1.":
            return f"{n}."
        if fmt == "1.1.":
            start = next((d for d in range(depth - 1, 0, -1) if self.level_format(d) not in ("1.", "1.1.")), 0)
            return ".".join(str(x) for x in self._numbers[start:depth]) + "."
        if fmt == "a)" and n <= len(nd30.POINT_LETTERS):
            return nd30.point_label(n)
        return f"({n})"

    def subsection(self, block: Subsection, depth: int, n: int, path: tuple = ()) -> list[Para]:
        if block.title is not None:
            first = self.heading(depth, n, block.title, Source(path + ("title",)))
        else:
            if block.text is not None:
                text, source = block.text, Source(path + ("text",))
            else:
                text, source = self.target_sentence(self.targets[block.target]), self.target_source(block.target)
            first = Para("clause", text, label=self.clause_label(depth, n), source=source)
        return [first] + self.blocks(block.content, depth + 1, path + ("content",))

    def bullets(self, items: list, level: int, path: tuple = ()) -> list[Para]:
        out = []
        for k, item in enumerate(items):
            text = item.text if isinstance(item, Bullet) else item
            source = Source(path + ((k, "text") if isinstance(item, Bullet) else (k,)))
            out.append(Para("bullet" if level == 1 else "sub_bullet", text, label="-" if level == 1 else "+",
                            source=source))
            if isinstance(item, Bullet):
                out += self.bullets(item.bullets, level + 1, path + (k, "bullets"))
        return out

    # ---------------------------------------------------------------- signature and recipients

    def recipients(self) -> list[str]:
        lines = []
        for rec in self.plan.recipients:
            text = rec.text or self.agencies.display(rec.agency or "")
            text = _strip_end(text)
            lines.append(f"- {text}{' ' + rec.note if rec.note else ''};")
        archive = self.plan.archive
        copies = f" ({archive.copies:02d})" if archive.copies else ""
        lines.append(f"- Lưu: {', '.join(archive.units)}{copies}.")
        return lines

    def signer_lines(self) -> list[str]:
        s = self.plan.signer
        lines = []
        if s.on_behalf_of:
            lines.append(f"TM. {upper(s.on_behalf_of)}")
        if s.signing_for:
            lines.append(f"KT. {upper(s.signing_for)}")
        lines.append(upper(s.title))
        return lines

    # ---------------------------------------------------------------- appendix tables

    def tables(self) -> list[Table]:
        out = []
        for appendix in self.plan.appendices:
            if isinstance(appendix, TasksAppendix):
                table = self.tasks_table(appendix)
            elif isinstance(appendix, ScoresAppendix):
                table = self.scores_table(appendix)
            else:
                table = self.generic_table(appendix)
            out.append(table)
        return out

    def _new_table(self, appendix, columns: list[Column]) -> Table:
        columns = [Column(c.key, c.header, max(c.width_cm, 1.3), c.align, True) if c.key == "stt" else c
                   for c in columns]
        natural = cm_to_mm(sum(c.width_cm for c in columns))
        landscape = appendix.orientation == "landscape" or (
            appendix.orientation == "auto" and natural > PORTRAIT_TEXT_W)
        width = LANDSCAPE_TEXT_W if landscape else PORTRAIT_TEXT_W
        fitted = _scale(columns, width)
        index = self.appendix_index[appendix.id]
        return Table(appendix.id, self.appendix_labels[appendix.id], upper(appendix.title), self.attached_to(),
                     landscape, fitted, title_source=Source(("appendices", index, "title"), "upper"))

    def tasks_table(self, appendix: TasksAppendix) -> Table:
        columns = [Column(key, appendix.headers.get(key, TASK_COLUMNS[key][0]), TASK_COLUMNS[key][1],
                          TASK_COLUMNS[key][2]) for key in appendix.columns]
        table = self._new_table(appendix, columns)
        tasks = [(i, t) for i, t in enumerate(self.plan.tasks)
                 if appendix.dimensions is None or t.dimension in appendix.dimensions]
        groups: dict[str, list] = {}
        for i, task in tasks:
            groups.setdefault(task.dimension, []).append((i, task))
        order = sorted(groups, key=lambda code: self._criterion_order(code))
        keys = appendix.columns
        as_rows = "dimension" not in keys  # otherwise the dimension is a (merged) column
        where = self.appendix_index[appendix.id]
        for g, code in enumerate(order, start=1):
            name = appendix.group_names.get(code) or self.criterion_name(code)
            number_g = roman(g) if appendix.group_numbers == "roman" else str(g)
            if as_rows:
                label = f"{appendix.group_label} “{name}”" if appendix.group_label else name
                cells = ((Cell((number_g,)), Cell((label,))) if keys[0] == "stt" else (Cell((label,)),))
                group_source = Source(("appendices", where, "group", code), "generated")
                table.rows.append(Row("group", cells, span_from=len(cells) - 1, bold=True, source=group_source))
            for sub, members in self._sub_groups(groups[code], appendix if as_rows else None):
                prefix = number_g
                if sub is not None:  # a criterion heading: a row of the table, not a task
                    prefix = f"{number_g}.{self._criterion_number(sub)}"
                    sub_name = appendix.group_names.get(sub) or self.criterion_name(sub)
                    cells = ((Cell((prefix,)), Cell((sub_name,))) if keys[0] == "stt" else (Cell((sub_name,)),))
                    table.rows.append(Row("group", cells, span_from=len(cells) - 1, bold=True,
                                          source=Source(("appendices", where, "group", sub), "generated")))
                for n, (i, task) in enumerate(members, start=1):
                    stt = f"{prefix}.{n}" if appendix.numbering == "hierarchical" else None
                    cells = []
                    for key in keys:
                        cell = (Cell((stt,)) if key == "stt" and stt else
                                self.task_cell(task, key, n, g, name, appendix))
                        origin = ("generated" if key in ("stt", "dimension", "sub_dimension")
                                  else "agencies" if key in ("lead", "co") else "text")
                        cells.append(replace(cell, source=Source(("tasks", i, key), origin)))
                    table.rows.append(Row("data", tuple(cells), source=Source(("tasks", i))))
                    table.task_rows += 1
        _merge_repeats(table, [i for i, k in enumerate(keys) if k in ("stt", "dimension", "sub_dimension")]
                       if not as_rows else [])
        _fit_to_content(table)
        return table

    def _sub_groups(self, members: list, appendix: TasksAppendix | None) -> list[tuple[str | None, list]]:
        """Tasks of one group, gathered under criterion headings when the appendix asks for them
        (by each task's first sub_dimension; tasks without one come first, with no heading)."""
        if appendix is None or not appendix.sub_headings:
            return [(None, members)]
        subs: dict[str | None, list] = {}
        for i, task in members:
            codes = [task.sub_dimension] if isinstance(task.sub_dimension, str) else (task.sub_dimension or [None])
            subs.setdefault(codes[0], []).append((i, task))
        def key(code):  # numbered criteria in number order, whatever order the plan declared them in
            number = self._criterion_number(code) if code else ""
            return (code is not None, int(number) if number.isdigit() else 0, self._criterion_order(code or ""))
        return sorted(subs.items(), key=lambda kv: key(kv[0]))

    def _criterion_number(self, code: str) -> str:
        """'3' for par.1.3: the number in the code when there is one (plans list only some
        criteria), else the position among its siblings."""
        last = code.rsplit(".", 1)[-1]
        if last.isdigit():
            return last
        info = self.criteria.get(code)
        return str(info.position + 1) if info else last

    def _criterion_order(self, code: str) -> tuple:
        chain = []
        info: CriterionInfo | None = self.criteria.get(code)
        while info is not None:
            chain.append(info.position)
            info = self.criteria.get(info.parent) if info.parent else None
        return (code.split(".")[0], tuple(reversed(chain)))

    def task_cell(self, task, key: str, n: int, g: int, dim_name: str, appendix: TasksAppendix) -> Cell:
        if key == "stt":
            return Cell((str(g if "dimension" in appendix.columns else n),))
        if key == "dimension":
            return Cell((dim_name,))
        if key == "sub_dimension":
            subs = [task.sub_dimension] if isinstance(task.sub_dimension, str) else (task.sub_dimension or [])
            lines = []
            for code in subs:
                info = self.criteria.get(code)
                lines.append(f"{info.letter}) {info.name}" if info else code)
            return Cell(tuple(lines) or ("",))
        if key in ("lead", "co"):
            names = [self.agencies.display(ref) for ref in getattr(task, key)]
            return Cell(("; ".join(names),) if names else ("",))
        value = getattr(task, key)
        return Cell(tuple(value.split("\n")) if value else ("",))

    def scores_table(self, appendix: ScoresAppendix) -> Table:
        by_criterion = {t.criterion: t for t in self.plan.targets}
        target_index = {t.criterion: i for i, t in enumerate(self.plan.targets)}
        a_index = self.appendix_index[appendix.id]
        base_year = next((t.baseline.year for t in self.plan.targets if t.baseline), self.plan.year - 1)
        columns = [Column("stt", "STT", 1.3, "center"), Column("name", "Tiêu chí", 8.0, "left"),
                   Column("max", "Điểm tối đa", 2.2, "center"),
                   Column("baseline", f"Kết quả năm {base_year}", 2.4, "center"),
                   Column("target", f"Chỉ tiêu năm {self.plan.year}", 2.4, "center"),
                   Column("lead", "Đơn vị chủ trì", 4.0, "left")]
        columns = [replace(c, header=appendix.headers.get(c.key, c.header)) for c in columns]
        table = self._new_table(appendix, columns)
        table.valign = "center"  # numbers and names of a row line up (real score tables centre them)
        totals = {"max": Decimal(0), "baseline": Decimal(0), "target": Decimal(0)}
        complete = {"max": True, "baseline": True, "target": True}

        def values(code: str) -> dict[str, Decimal | None]:
            info = self.criteria.get(code)
            target = by_criterion.get(code)
            return {
                "max": (target.max if target and target.max is not None else (info.max if info else None)),
                "baseline": target.baseline.value if target and target.baseline else None,
                "target": target.target if target and target.unit != "hạng" else None,
            }

        def add(code: str, label: str, depth: int) -> None:
            info = self.criteria.get(code)
            vals = values(code)
            leads = tuple(self.agencies.display(r) for r in appendix.leads.get(code, [])) or ("",)  # one a line
            target = by_criterion.get(code)
            ti = target_index.get(code)
            generated = Source(("appendices", a_index, "criteria", code), "generated")
            sources = {
                "max": Source(("targets", ti, "max"), "number") if target and target.max is not None else generated,
                "baseline": (Source(("targets", ti, "baseline", "value"), "number")
                             if target and target.baseline else generated),
                "target": (Source(("targets", ti, "target"), "number")
                           if target and target.unit != "hạng" else generated),
            }
            cells = (Cell((label,), source=generated), Cell((info.name if info else code,), source=generated),
                     *(Cell((number(vals[k]) if vals[k] is not None else "",), source=sources[k], value=vals[k])
                       for k in ("max", "baseline", "target")),
                     Cell(leads, source=Source(("appendices", a_index, "leads", code), "agencies")))
            table.rows.append(Row("data", cells, bold=depth == 0, source=generated))
            table.task_rows += 1
            if depth == 0:
                for k in totals:
                    if vals[k] is None:
                        complete[k] = False
                    else:
                        totals[k] += Decimal(str(vals[k]))
            for i, child in enumerate(info.children if info else (), start=1):
                add(child, f"{label}.{i}" if depth else str(i), depth + 1)

        # a whole index is listed by its fields: its own row would only repeat the total row
        tops = [kid for code in appendix.criteria
                for kid in (self.criteria[code].children if code in self.criteria and self.criteria[code].is_root
                            and self.criteria[code].children else (code,))]
        for i, code in enumerate(tops, start=1):
            add(code, roman(i), 0)
        # a whole total prints whole ("100", not "100,0" from 14,5 + ...)
        totals = {k: v.to_integral() if v == v.to_integral() else v for k, v in totals.items()}
        total_cells = (Cell(("",)), Cell((appendix.total_label,)),
                       *(Cell((number(totals[k]) if complete[k] else "",), value=totals[k] if complete[k] else None)
                         for k in ("max", "baseline", "target")),
                       Cell(("",)))
        table.rows.append(Row("total", total_cells, bold=True,
                              source=Source(("appendices", a_index, "total"), "generated")))
        return table

    def generic_table(self, appendix: TableAppendix) -> Table:
        columns = [Column(c.id, c.header, float(c.width) if c.width else 3.0, c.align) for c in appendix.columns]
        table = self._new_table(appendix, columns)
        a_index = self.appendix_index[appendix.id]
        down: dict[int, tuple[int, int]] = {}  # column → (rows still covered, columns covered)
        for r, row in enumerate(appendix.rows):
            path = ("appendices", a_index, "rows", r)
            cells = []
            for c in appendix.columns:
                value = row.cells.get(c.id, "")
                cells.append(Cell(tuple(_cell_text(value).split("\n")),
                                  source=Source(path + ("cells", c.id), "number" if _is_number(value) else "text"),
                                  value=value if _is_number(value) else None))
            if row.group:
                # the last filled cell spans the rest of the row: a number in STT and a name after it
                # both print ("1 | CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH")
                filled = [i for i, c in enumerate(appendix.columns) if c.id in row.cells] or [0]
                table.rows.append(Row("group", tuple(cells[: filled[-1] + 1]), span_from=filled[-1], bold=True,
                                      source=Source(path)))
                down = {}
                continue
            for i, (left, width) in list(down.items()):  # cells merged from the rows above
                cells[i] = replace(cells[i], lines=("",), value=None, merge="continue", span=width)
                for k in range(i + 1, min(i + width, len(cells))):
                    cells[k] = replace(cells[k], span=0)
                down = {**down, i: (left - 1, width)} if left > 1 else {k: v for k, v in down.items() if k != i}
            for key, span in row.spans.items():
                i = next((n for n, c in enumerate(appendix.columns) if c.id == key), None)
                if i is None:
                    continue  # reported by the checks
                width = min(span.columns, len(cells) - i)
                cells[i] = replace(cells[i], span=width, merge="restart" if span.rows > 1 else "")
                for k in range(i + 1, i + width):
                    cells[k] = replace(cells[k], span=0)
                if span.rows > 1:
                    down[i] = (span.rows - 1, width)
            table.rows.append(Row("data", tuple(cells), bold=row.bold, source=Source(path)))
            table.task_rows += 1
        return table


def _scale(columns: list[Column], width_mm: float) -> list[Column]:
    """Scale the non-fixed columns so the table fills the text width exactly."""
    fixed = cm_to_mm(sum(c.width_cm for c in columns if c.fixed))
    natural = cm_to_mm(sum(c.width_cm for c in columns if not c.fixed))
    scale = (width_mm - fixed) / natural
    return [Column(c.key, c.header, c.width_cm if c.fixed else round(c.width_cm * scale, 2), c.align, c.fixed)
            for c in columns]


MIN_COLUMN_CM = 2.0


def _fit_to_content(table: Table) -> None:
    """Give text-heavy columns more room. Row height grows like the sum of (text / width) over the
    columns, so for a fixed total width the widths that minimise it are proportional to the square
    root of each column's amount of text; short columns keep a readable minimum."""
    chars = [0] * len(table.columns)
    for row in table.rows:
        if row.kind == "data":
            for i, cell in enumerate(row.cells):
                chars[i] += len(cell.text)
    if not any(chars):
        return
    width_mm = cm_to_mm(sum(c.width_cm for c in table.columns))
    weights = [max(MIN_COLUMN_CM, n ** 0.5) if not c.fixed else c.width_cm
               for c, n in zip(table.columns, chars)]
    proposed = [Column(c.key, c.header, w, c.align, c.fixed) for c, w in zip(table.columns, weights)]
    fitted = _scale(proposed, width_mm)
    # the minimum holds after scaling too
    short = [c for c in fitted if not c.fixed and c.width_cm < MIN_COLUMN_CM]
    if short:
        pinned = [Column(c.key, c.header, MIN_COLUMN_CM, c.align, True) if c in short else c for c in fitted]
        fitted = [Column(c.key, c.header, c.width_cm, c.align, c.key == "stt") for c in _scale(pinned, width_mm)]
    table.columns = fitted


def _is_number(value) -> bool:
    return isinstance(value, (int, Decimal)) and not isinstance(value, bool)


def _cell_text(value) -> str:
    return number(value) if _is_number(value) else str(value)


def _merge_repeats(table: Table, columns: list[int]) -> None:
    """Merge equal consecutive cells downwards in the given columns (dimension columns), nested: a
    column only merges where every column to its left merges too."""
    rows = table.rows
    for r in range(1, len(rows)):
        prev, cur = rows[r - 1], rows[r]
        if prev.kind != "data" or cur.kind != "data":
            continue
        cells = list(cur.cells)
        prev_cells = list(prev.cells)
        for c in columns:
            if cells[c].lines != prev_cells[c].lines or cells[c].lines == ("",):
                break
            cells[c] = replace(cells[c], merge="continue")
            if prev_cells[c].merge == "":
                prev_cells[c] = replace(prev_cells[c], merge="restart")
        rows[r - 1] = replace(prev, cells=tuple(prev_cells))
        rows[r] = replace(cur, cells=tuple(cells))


BOUND_WORDS = {"exact": "", "above": "trên ", "at_least": "tối thiểu "}


def _qualifier(text: str | None) -> str:
    """A drafter's qualifier prints in brackets, written with or without them."""
    if not text:
        return ""
    text = text.strip()
    return f" {text}" if text.startswith("(") else f" ({text})"


def _strip_end(text: str) -> str:
    return text.rstrip().rstrip(";.").rstrip()


_closing = nd30.closing


def build_context(plan: Plan) -> Context:
    b = Builder(plan)
    return Context(
        plan=plan,
        sizes=sizes_for(plan.layout.size_pair),
        issuer_superior=[upper(x) for x in plan.issuer.superior],
        issuer_name=[upper(x) for x in plan.issuer.name],
        number_line=b.number_line(),
        place_date=f"{plan.issuer.place}, {b.issue_date()}",
        doc_type=DOC_TYPES.get(plan.document.code, plan.document.code),
        title_lines=plan.title.split("\n"),
        body=b.body(),
        recipients=b.recipients(),
        signer_lines=b.signer_lines(),
        signer_name=plan.signer.name,
        tables=b.tables(),
    )
