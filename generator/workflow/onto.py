"""`kehoach import --onto PLAN.yaml REVIEWED.docx`: a reviewer's edits of a generated .docx, back
into the plan's YAML.

The plan is built again in memory; its paragraphs, rows and cells are matched with the reviewed
document's by their source tags (generator/render/sources.py; by exact text where a tag went missing); each
difference is traced to the plan value behind it and applied with the shared surgical editor
(yamledit), so only the changed values' lines change. Every difference ends up in exactly one list
of the result: applied, ignored (numbering or layout only) or not applied (with its text and
position). The edited plan is validated and rebuilt, and the rebuilt text is compared with the
reviewed text: whatever still differs is reported too, so nothing a reviewer wrote is lost silently.
No I/O besides reading the two inputs; the caller writes the result.
"""
from __future__ import annotations

import difflib
import re
import tempfile
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

import yaml

from generator.plan.agencies import ID_LIKE, Agencies
from generator.render.context import Builder, Context, Para, build_context
from generator.core.errors import KehoachError, located
from generator.plan.loader import format_path, read_text
from generator.plan.model import Target
from generator.render.sources import SourceTags, Tag, is_tag
from generator.core.text import number, parse_number, squash as _norm
from generator.plan.validate import load_plan
from generator.word import read_docx
from generator.word.model import Document, Paragraph, Table
from generator.workflow.yamledit import YamlEditor, get

LABEL = re.compile(r"^(?:[IVXLCDM]+\.|\d+(?:\.\d+)*\.|[a-zđ]\)|\(\d+\)|[-+•–])\s*")
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


@dataclass
class Item:
    """One thing found in the reviewed file and what became of it."""

    status: str  # applied | ignored | unapplied
    what: str  # Vietnamese: "sửa", "thêm", "bỏ", ...
    where: str  # position in the reviewed file: "đoạn 12", "bảng 1, hàng 3"
    key: str = ""  # plan key of the value (tasks[id=x].lead) or ""
    line: int | None = None  # YAML line of that value
    old: str = ""
    new: str = ""
    note: str = ""


@dataclass
class ReviewNote:
    """A comment or a tracked change of the reviewed file, tied to the plan where it can be."""

    kind: str  # comment | ins | del | ...
    author: str
    date: str
    text: str
    where: str
    key: str = ""
    line: int | None = None
    anchor: str = ""
    decision: str = ""  # tracked changes: "nhận" | "từ chối"


@dataclass
class OntoResult:
    plan_file: str
    reviewed_file: str
    text: str  # the new YAML text
    changed: bool
    items: list[Item] = field(default_factory=list)
    comments: list[ReviewNote] = field(default_factory=list)
    changes: list[ReviewNote] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)  # what the Word reader could not handle

    @property
    def unapplied(self) -> list[Item]:
        return [i for i in self.items if i.status == "unapplied"]


# ---------------------------------------------------------------- units of the built document


@dataclass
class Unit:
    """A built paragraph (body, fixed template paragraph, appendix title) with its source tag."""

    where: tuple
    tag: Tag | None
    text: str  # as printed
    para: Para | None = None


class _Onto:
    def __init__(self, plan_path: Path, docx_path: Path, reject: bool, plan_display: str, docx_display: str):
        self.plan_path, self.plan_display, self.docx_display = plan_path, plan_display, docx_display
        self.reject = reject
        self.src = read_text(plan_path, plan_display)
        self.plan, _ = load_plan(plan_path, plan_display)
        self.editor = YamlEditor(self.src)
        self.builder = Builder(self.plan)
        self.agencies = Agencies(self.plan)
        self.ctx: Context = build_context(self.plan)
        self.tags = SourceTags(self.ctx)
        result = read_docx(docx_path)
        self.doc: Document = result.value
        self.messages = [str(m) for m in result.messages]
        self.items: list[Item] = []
        self.handled: set[int] = set()  # reviewed paragraph indexes already accounted for
        self.para_unit: dict[int, Unit] = {}  # reviewed paragraph index → matched built unit
        self.new_ids: set[str] = set()
        self.removed: dict[tuple, dict] = {}

    # ---------------------------------------------------------------- helpers

    def view(self, p: Paragraph) -> str:
        return _norm(p.original_text if self.reject else p.text)

    def line(self, path: tuple) -> int | None:
        node = get(self.editor.root, *path)
        while node is None and path:
            path = path[:-1]
            node = get(self.editor.root, *path)
        return self.editor.line_of(node) if node is not None else None

    def key(self, path: tuple) -> str:
        from generator.render.sources import source_key
        return source_key(self.plan, path)

    def add(self, status: str, what: str, where: str, path: tuple | None = None, old: str = "", new: str = "",
            note: str = "", paragraphs: tuple = ()) -> None:
        self.items.append(Item(status, what, where, self.key(path) if path else "",
                               self.line(path) if path else None, old, new, note))
        self.handled.update(paragraphs)

    # ---------------------------------------------------------------- run

    def run(self) -> OntoResult:
        units = self.body_units()
        reviewed = self.free_paragraphs()
        pairs = self.match(units, reviewed)
        body = [u for u in units if u.where[0] == "body"]
        found = {u.where for u in pairs.values()}
        if body and sum(u.where in found for u in body) * 2 < len(body):
            # most of what the plan prints is not there: another document, or another plan's
            raise KehoachError(located(
                self.docx_display, 0, 0, "",
                f"tệp Word này không phải văn bản kehoach tạo từ {self.plan_display} (chỉ nhận ra "
                f"{sum(u.where in found for u in body)}/{len(body)} đoạn của kế hoạch); không sửa gì. Hãy "
                f"dùng đúng tệp đã build từ kế hoạch này (để nhập một văn bản Word mới: kehoach import TỆP_WORD)"))
        self.paragraph_edits(units, reviewed, pairs)
        self.tables()
        comments = self.comments()
        changes = self.changes()
        text = self.editor.apply()
        self.verify(text)
        return OntoResult(self.plan_display, self.docx_display, text, text != self.src, self.items, comments,
                          changes, self.messages)

    def free_paragraphs(self) -> list[Paragraph]:
        """Paragraphs outside the appendix tables (the template's tables hold the signer's name)."""
        out = []
        for block in self.doc.blocks:
            if isinstance(block, Paragraph):
                out.append(block)
            elif not any(is_tag(b) and b.startswith("_khr") for row in block.rows for b in row.bookmarks):
                out += list(block.paragraphs())
        return out

    def body_units(self) -> list[Unit]:
        units = [Unit(("body", i), self.tags.tag_at("body", i), p.full, p) for i, p in enumerate(self.ctx.body)]
        units += [Unit(("fixed", name), self.tags.tag_at("fixed", name), text) for name, text in
                  (("title", self.plan.title), ("signer", self.plan.signer.name))]
        units += [Unit(("title", t), self.tags.tag_at("title", t), table.title)
                  for t, table in enumerate(self.ctx.tables)]
        return [u for u in units if u.tag is not None]

    def match(self, units: list[Unit], reviewed: list[Paragraph]) -> dict[int, Unit]:
        """Reviewed paragraph index → built unit: tag and original text agree; then same text (a tag
        lost or moved); then the tag alone (the text was edited)."""
        by_tag = {u.tag.name: u for u in units}
        taken: set[tuple] = set()
        pairs: dict[int, Unit] = {}

        def tagged(p: Paragraph) -> list[Unit]:
            return [by_tag[b] for b in p.bookmarks if is_tag(b) and b in by_tag]

        def original(p: Paragraph) -> str:
            return _norm(p.original_text)

        for p in reviewed:
            for u in tagged(p):
                if u.where not in taken and original(p) == _norm(u.text):
                    pairs[p.index] = u
                    taken.add(u.where)
                    break
        by_text: dict[str, list[Unit]] = {}
        for u in units:
            if u.where not in taken:
                by_text.setdefault(_norm(u.text), []).append(u)
        for p in reviewed:
            if p.index in pairs or not original(p):
                continue
            candidates = [u for u in by_text.get(original(p), []) if u.where not in taken]
            if candidates:
                pairs[p.index] = candidates[0]
                taken.add(candidates[0].where)
        for p in reviewed:
            if p.index in pairs:
                continue
            for u in tagged(p):
                if u.where not in taken:
                    pairs[p.index] = u
                    taken.add(u.where)
                    break
        # tags lost or slid to a neighbour, text edited: an unmatched paragraph between two matched
        # ones takes the one unmatched unit printed between their counterparts, if it reads alike
        order = {u.where: i for i, u in enumerate(units)}
        free = [u for u in units if u.where not in taken]
        for pos, p in enumerate(reviewed):
            if p.index in pairs or not original(p):
                continue
            before = next((order[pairs[q.index].where] for q in reversed(reviewed[:pos]) if q.index in pairs), -1)
            after = next((order[pairs[q.index].where] for q in reviewed[pos + 1:] if q.index in pairs), len(units))
            between = [u for u in free if before < order[u.where] < after and u.where not in taken]
            if len(between) == 1 and difflib.SequenceMatcher(
                    a=original(p), b=_norm(between[0].text), autojunk=False).ratio() > 0.6:
                pairs[p.index] = between[0]
                taken.add(between[0].where)
        self.para_unit.update(pairs)
        return pairs

    # ---------------------------------------------------------------- paragraphs

    def paragraph_edits(self, units: list[Unit], reviewed: list[Paragraph], pairs: dict[int, Unit]) -> None:
        body_positions = [i for i, p in enumerate(reviewed) if p.index in pairs and pairs[p.index].where[0] == "body"]
        first, last = (body_positions[0], body_positions[-1]) if body_positions else (0, -1)
        previous: Unit | None = None
        matched_units = {u.where for u in pairs.values()}
        for pos, p in enumerate(reviewed):
            unit = pairs.get(p.index)
            if unit is not None:
                self.edit_paragraph(unit, p)
                if unit.where[0] == "body":
                    previous = unit
                continue
            if first < pos < last:
                text = self.view(p)
                if not text:
                    if _norm(p.text) or _norm(p.original_text):  # a paragraph deleted whole, rejected
                        continue
                    self.add("ignored", "dòng trống", f"đoạn {p.index + 1}", note="chỉ là trình bày",
                             paragraphs=(p.index,))
                    continue
                nxt = next((pairs[q.index] for q in reviewed[pos + 1:] if q.index in pairs), None)
                self.insert_paragraph(p, text, previous, nxt)
        for u in units:
            if u.where not in matched_units:
                self.delete_paragraph(u)

    def split_label(self, unit: Unit, text: str, where: str, path: tuple | None, paragraphs: tuple) -> str:
        para = unit.para
        if para is None or not para.label:
            return text
        if text.startswith(para.label + " "):
            return text[len(para.label) + 1:]
        match = LABEL.match(text)
        if match:
            self.add("ignored", "đánh số", where, path, para.label, match.group(0).strip(),
                     "đánh số do kehoach tính, không sửa trong tệp kế hoạch", paragraphs)
            return text[match.end():]
        self.add("ignored", "đánh số", where, path, para.label, "",
                 "đánh số do kehoach tính, không sửa trong tệp kế hoạch", paragraphs)
        return text

    def edit_paragraph(self, unit: Unit, p: Paragraph) -> None:
        new_full = self.view(p)
        where = f"đoạn {p.index + 1}"
        if new_full == _norm(unit.text):
            return
        # what is written back keeps the paragraph's line breaks (a literal block's lines)
        raw = (p.original_text if self.reject else p.text).replace("\u00a0", " ")
        raw = "\n".join(" ".join(line.split()) for line in raw.strip().split("\n"))
        tag = unit.tag
        path, origin = tag.source.path, tag.source.origin
        if not new_full and not _norm(p.original_text if not self.reject else p.text):
            return
        if not new_full:  # deleted whole (tracked, accepted)
            self.delete_paragraph(unit, p.index)
            return
        body = self.split_label(unit, raw, where, path, (p.index,))
        old_body = unit.para.text if unit.para else unit.text
        if _norm(body) == _norm(old_body):
            self.handled.add(p.index)
            return
        kind = unit.para.kind if unit.para else "text"
        if origin == "target":
            self.edit_target(path, _norm(old_body), _norm(body), where, p.index)
        elif origin == "upper":
            self.set_text(path, body, where, p.index, old=old_body)
        elif origin == "text" and kind == "legal":
            value = self.value(path)
            self.set_text(path, body.rstrip(";.").rstrip() + value[len(value.rstrip().rstrip(";.").rstrip()):],
                          where, p.index, old=old_body, shown=body)
        elif origin == "text" and kind == "closing":
            value = self.value(path)
            core = body[:-3] if body.endswith("./.") else body
            self.set_text(path, core.rstrip(".") + ("." if value.rstrip().endswith(".") else ""), where, p.index,
                          old=old_body, shown=body)
        elif origin == "text":
            self.set_text(path, body, where, p.index, old=old_body)
        elif origin == "agencies":
            self.set_agencies(path, body, ", ", where, p.index, old_body)
        else:
            self.add("unapplied", "sửa", where, path, old_body, body,
                     "câu do kehoach tạo ra (dẫn chiếu phụ lục): hãy sửa trong tệp kế hoạch", (p.index,))

    def value(self, path: tuple) -> str:
        node = get(self.editor.root, *path)
        return node.value if isinstance(node, yaml.ScalarNode) else ""

    def set_text(self, path: tuple, value: str, where: str, index: int | None, old: str = "", shown: str = "") -> None:
        node = get(self.editor.root, *path)
        paragraphs = (index,) if index is not None else ()
        if node is None:
            parent = get(self.editor.root, *path[:-1])
            if isinstance(parent, yaml.MappingNode) and isinstance(path[-1], str):
                self.editor.insert_key(parent, path[-1], value)
                self.add("applied", "sửa", where, path, old, shown or value, paragraphs=paragraphs)
                return
            self.add("unapplied", "sửa", where, path, old, shown or value, "không tìm thấy giá trị trong tệp",
                     paragraphs)
            return
        if not isinstance(node, yaml.ScalarNode):
            self.add("unapplied", "sửa", where, path, old, shown or value, "giá trị không phải một đoạn chữ",
                     paragraphs)
            return
        self.editor.set_scalar(node, value)
        self.add("applied", "sửa", where, path, old, shown or value, paragraphs=paragraphs)

    # ---------------------------------------------------------------- generated text

    def edit_target(self, path: tuple, old: str, new: str, where: str, index: int) -> None:
        target: Target = self.plan.targets[path[1]]
        if target.wording:
            self.set_text(path + ("wording",), new, where, index, old=old)
            return
        skeleton = NUMBER.sub("#", old), NUMBER.sub("#", new)
        if skeleton[0] != skeleton[1]:
            self.add("unapplied", "sửa", where, path, old, new,
                     "câu chỉ tiêu do kehoach tạo từ số liệu; chỉ sửa được các con số (hoặc viết 'wording')",
                     (index,))
            return
        old_numbers, new_numbers = NUMBER.findall(old), NUMBER.findall(new)
        positions = self.number_positions(target)
        updates: dict[tuple, Decimal] = {}
        unexplained = []
        for i, (a, b) in enumerate(zip(old_numbers, new_numbers)):
            if a == b:
                continue
            fields = [f for f, at in positions.items() if at == i]
            value = parse_number(b)
            if fields and value is not None:
                updates[fields[0]] = value
            else:
                unexplained.append(i)
        changed = dict(updates)
        if not updates:
            self.add("unapplied", "sửa", where, path, old, new,
                     "số được tính ra (mức tăng, giảm): hãy sửa chỉ tiêu hoặc kết quả gốc", (index,))
            return
        for fieldpath, value in updates.items():
            full = path + fieldpath
            node = get(self.editor.root, *full)
            if node is None:
                self.add("unapplied", "sửa", where, full, old, new, "không tìm thấy giá trị trong tệp", (index,))
                return
            self.editor.replace_node(node, _yaml_number(value))
        recomputed = self.builder.target_sentence(self._with(target, changed))
        note = ""
        status = "applied"
        if _norm(recomputed) != new:
            note = f"kehoach tính lại câu: “{recomputed}”"
            status = "unapplied" if unexplained else "applied"
            if unexplained:
                note += " (số do kehoach tính ra không theo bản sửa)"
        for fieldpath, value in updates.items():
            self.add(status, "sửa", where, path + fieldpath, old, new, note, (index,))
            status, note = "applied", ""

    @staticmethod
    def _with(target: Target, updates: dict[tuple, Decimal]) -> Target:
        data = target.model_dump()
        for fieldpath, value in updates.items():
            node = data
            for part in fieldpath[:-1]:
                node = node[part]
            old = node[fieldpath[-1]]
            node[fieldpath[-1]] = int(value) if isinstance(old, int) and value == int(value) else value
        return Target.model_validate(data)

    def number_positions(self, target: Target) -> dict[tuple, int]:
        """Which number of the sentence shows which field: each field is set to a sentinel in turn
        and the sentinel looked for among the sentence's numbers."""
        candidates = [("target",), ("max",), ("baseline", "value"), ("baseline", "rank"), ("baseline", "of"),
                      ("baseline", "year"), ("change", "by")]
        out: dict[tuple, int] = {}
        for fieldpath in candidates:
            holder = target
            for part in fieldpath[:-1]:
                holder = getattr(holder, part, None)
            if holder is None or getattr(holder, fieldpath[-1], None) is None:
                continue
            old = getattr(holder, fieldpath[-1])
            sentinel = Decimal(8765) if isinstance(old, int) else Decimal("8765.4")
            try:
                sentence = self.builder.target_sentence(self._with(target, {fieldpath: sentinel}))
            except ValueError:
                continue
            shown = {number(sentinel), str(int(sentinel)) if isinstance(old, int) else number(sentinel)}
            for i, token in enumerate(NUMBER.findall(sentence)):
                if token in shown:
                    out[fieldpath] = i
                    break
        return out

    def set_agencies(self, path: tuple, text: str, sep: str, where: str, index: int | None, old: str) -> None:
        node = get(self.editor.root, *path)
        current = self._refs(path)
        shown = {self.agencies.display(r): r for r in current}
        names = self.split_agencies(text, sep, shown)
        uses_ids = bool(current) and all(ID_LIKE.match(r) and r in self.agencies.by_id for r in current)
        refs, unknown = [], []
        for name in names:
            if name in shown:
                refs.append(shown[name])
                continue
            agency = self.agencies.resolve(name)
            if agency is None:
                unknown.append(name)
                refs.append(name)
            elif uses_ids and agency.name == name:
                refs.append(agency.id)
            else:
                refs.append(name)
        paragraphs = (index,) if index is not None else ()
        note = ("không có trong danh mục cơ quan, ghi nguyên văn: " + "; ".join(unknown)) if unknown else ""
        if node is None:
            parent = get(self.editor.root, *path[:-1])
            if isinstance(parent, yaml.MappingNode) and refs:
                self.editor.insert_key(parent, path[-1], refs)
                self.add("applied", "sửa", where, path, old, text, note, paragraphs)
            elif refs:
                self.add("unapplied", "sửa", where, path, old, text, "không tìm thấy giá trị trong tệp", paragraphs)
            return
        if not isinstance(node, yaml.SequenceNode):
            self.add("unapplied", "sửa", where, path, old, text, "giá trị không phải danh sách cơ quan", paragraphs)
            return
        if not refs:
            self.add("unapplied", "bỏ", where, path, old, text, "danh sách cơ quan không được để trống ở đây",
                     paragraphs)
            return
        self.editor.set_list(node, refs)
        self.add("applied", "sửa", where, path, old, text, note, paragraphs)

    def split_agencies(self, text: str, sep: str, shown: dict[str, str]) -> list[str]:
        """Agency names joined by `sep`; a name that itself holds the separator ('Sở Lao động,
        Thương binh và Xã hội') is kept whole: the longest run of parts that names a known agency."""
        parts = [p.strip() for p in text.split(sep.strip())]
        names, i = [], 0
        while i < len(parts):
            for j in range(len(parts), i, -1):
                candidate = (sep.strip() + " ").join(parts[i:j]).strip()
                if j == i + 1 or candidate in shown or self.agencies.resolve(candidate) is not None:
                    if candidate:
                        names.append(candidate)
                    i = j
                    break
        return names

    def agency_ref(self, name: str) -> str:
        """How the plan writes an agency it names: by id when its tasks do so, else by name."""
        agency = self.agencies.resolve(name)
        refs = [r for t in self.plan.tasks for r in (*t.lead, *t.co)]
        by_id = sum(1 for r in refs if r in self.agencies.by_id)
        if agency is not None and agency.name == name and by_id * 2 > len(refs):
            return agency.id
        return name

    def _refs(self, path: tuple) -> list[str]:
        node = get(self.editor.root, *path)
        if isinstance(node, yaml.SequenceNode):
            return [item.value for item in node.value if isinstance(item, yaml.ScalarNode)]
        return []

    # ---------------------------------------------------------------- inserted and deleted paragraphs

    def list_slot(self, unit: Unit) -> tuple[tuple, int] | None:
        """(path of the list, index) of the list item a unit was printed from."""
        path = unit.tag.source.path if unit.tag else ()
        if unit.tag is None or unit.tag.source.origin not in ("text", "appendix_ref"):
            return None
        if path and isinstance(path[-1], int):
            return path[:-1], path[-1]
        if len(path) >= 2 and path[-1] == "text" and isinstance(path[-2], int) and "bullets" in path:
            return path[:-2], path[-2]
        return None

    def insert_paragraph(self, p: Paragraph, text: str, previous: Unit | None, nxt: Unit | None) -> None:
        where = f"đoạn {p.index + 1}"
        match = LABEL.match(text)
        label = match.group(0).strip() if match else ""
        kind = "bullet" if label in ("-", "•", "–") else "sub_bullet" if label == "+" else (
            "numbered" if label else "text")
        body = text[match.end():] if match else text

        def same_kind(unit: Unit | None) -> bool:
            if unit is None or unit.para is None:
                return False
            k = unit.para.kind
            return (kind == "text" and k in ("text", "legal")) or kind == k

        for unit, after in ((previous, True), (nxt, False)):
            if same_kind(unit):
                slot = self.list_slot(unit)
                if slot is None:
                    continue
                list_path, index = slot
                seq = get(self.editor.root, *list_path)
                if not isinstance(seq, yaml.SequenceNode) or seq.flow_style:
                    continue
                value = body
                if unit.para.kind == "legal":
                    value = body.rstrip(";.").rstrip()
                self.editor.insert_item(seq, index + 1 if after else index, value)
                self.add("applied", "thêm", where, list_path + (index + 1 if after else index,), "", text,
                         f"vào {format_path(list_path)}", (p.index,))
                return
        # a first paragraph or bullet under a heading: the heading's content
        if previous is not None and previous.para is not None and previous.para.kind in (
                "heading", "point", "clause") and kind in ("text", "bullet") and previous.tag:
            path = previous.tag.source.path
            if path and path[-1] in ("title", "text") and path[0] != "targets":
                owner = get(self.editor.root, *path[:-1])
                content = get(owner, "content")
                value = body if kind == "text" else {"bullets": [body]}
                if isinstance(content, yaml.SequenceNode) and content.value and not content.flow_style:
                    self.editor.insert_item(content, 0, value)
                    self.add("applied", "thêm", where, path[:-1] + ("content", 0), "", text,
                             f"vào {format_path(path[:-1] + ('content',))}", (p.index,))
                    return
                if content is None and isinstance(owner, yaml.MappingNode):
                    self.editor.insert_key(owner, "content", [value])
                    self.add("applied", "thêm", where, path[:-1] + ("content",), "", text, paragraphs=(p.index,))
                    return
        # a bullet list after a paragraph of a content list
        if previous is not None and kind == "bullet" and previous.para is not None and previous.para.kind == "text":
            slot = self.list_slot(previous)
            if slot is not None:
                list_path, index = slot
                seq = get(self.editor.root, *list_path)
                if list_path and list_path[-1] in ("content", "funding") and isinstance(seq, yaml.SequenceNode):
                    self.editor.insert_item(seq, index + 1, {"bullets": [body]})
                    self.add("applied", "thêm", where, list_path + (index + 1,), "", text,
                             f"vào {format_path(list_path)}", (p.index,))
                    return
        self.add("unapplied", "thêm", where, None, "", text,
                 "không xác định được chỗ trong tệp kế hoạch (khoản, mục mới hoặc câu do kehoach tạo ra): "
                 "hãy thêm bằng tay", (p.index,))

    def delete_paragraph(self, unit: Unit, index: int | None = None) -> None:
        paragraphs = (index,) if index is not None else ()
        where = f"đoạn {index + 1}" if index is not None else "(không còn trong tệp)"
        slot = self.list_slot(unit)
        path = unit.tag.source.path if unit.tag else None
        if slot is not None:
            list_path, i = slot
            seq = get(self.editor.root, *list_path)
            item = seq.value[i] if isinstance(seq, yaml.SequenceNode) and i < len(seq.value) else None
            has_children = isinstance(item, yaml.MappingNode) and get(item, "bullets") is not None
            if item is not None and not seq.flow_style and not has_children:
                self.remove_item(list_path, i)
                self.add("applied", "bỏ", where, path, unit.text, "", paragraphs=paragraphs)
                return
        self.add("unapplied", "bỏ", where, path, unit.text, "",
                 "đoạn do kehoach tạo ra hoặc là tiêu đề: hãy bỏ bằng tay trong tệp kế hoạch", paragraphs)

    def remove_item(self, list_path: tuple, index: int) -> None:
        """Delete a list item; a list left empty goes with its key ('bullets' with its block)."""
        seq = get(self.editor.root, *list_path)
        gone = self.removed.setdefault(list_path, {})
        if len(gone) + 1 < len(seq.value):
            gone[index] = self.editor.delete_item(seq, index)
            return
        # the last one: the item deletions of this list give way to removing the list itself
        for edit in gone.values():
            self.editor.cancel(edit)
        owner = get(self.editor.root, *list_path[:-1])
        if list_path[-1] == "bullets" and isinstance(list_path[-2], int):
            self.remove_item(list_path[:-1][:-1], list_path[-2])  # the whole '- bullets:' block
        elif isinstance(owner, yaml.MappingNode) and list_path[-1] in ("content", "bullets", "preamble",
                                                                          "legal_bases", "funding"):
            self.editor.delete_key(owner, list_path[-1])
        else:
            self.editor.delete_item(seq, index)  # left to validation to report

    # ---------------------------------------------------------------- appendix tables

    def tables(self) -> None:
        tagged_rows = {t.name: t for t in self.tags.tags if t.role == "r"}
        tagged_cells = {t.name: t for t in self.tags.tags if t.role == "c"}
        done: set[int] = set()
        for table in self.doc.tables:
            votes: dict[int, int] = {}
            for row in table.rows:
                for b in row.bookmarks:
                    if b in tagged_rows:
                        t = tagged_rows[b].where[1]
                        votes[t] = votes.get(t, 0) + 1
            if votes:
                t = max(votes, key=votes.get)
            else:  # tags lost: the appendix table with the same column headers, in order
                header = [_norm(c.text) for c in table.rows[0].cells] if table.rows else []
                t = next((i for i, built in enumerate(self.ctx.tables) if i not in done
                          and [_norm(c.header) for c in built.columns] == header), None)
                if t is None:
                    continue
            done.add(t)
            self.table(table, t, tagged_rows, tagged_cells)

    def table(self, table: Table, t: int, tagged_rows: dict, tagged_cells: dict) -> None:
        built = self.ctx.tables[t]
        taken: set[int] = set()
        pairs: dict[int, int] = {}  # reviewed row → built row

        def texts(row) -> list[str]:
            return [_norm("\n".join(p.original_text for p in c.paragraphs)) for c in row.cells]

        def built_texts(r: int) -> list[str]:
            return [_norm(c.text) if c.merge != "continue" else "" for c in built.rows[r].cells]

        for i, row in enumerate(table.rows):
            for b in row.bookmarks:
                tag = tagged_rows.get(b)
                if tag is not None and tag.where[1] == t and tag.where[2] not in taken and \
                        any(c.bookmarks and c.bookmarks[0] == b or b in c.bookmarks for c in row.cells[:1]):
                    pairs[i] = tag.where[2]
                    taken.add(tag.where[2])
                    break
        for i, row in enumerate(table.rows):
            if i in pairs or row.is_header:
                continue
            for r in range(len(built.rows)):
                if r not in taken and texts(row) == built_texts(r):
                    pairs[i] = r
                    taken.add(r)
                    break
        # tags lost and a cell edited: the most alike unmatched row, if clearly alike
        for i, row in enumerate(table.rows):
            if i in pairs or row.is_header:
                continue
            mine = " | ".join(texts(row))
            scored = sorted(((difflib.SequenceMatcher(a=mine, b=" | ".join(built_texts(r)), autojunk=False).ratio(), r)
                             for r in range(len(built.rows)) if r not in taken), reverse=True)
            if scored and scored[0][0] > 0.75 and len(texts(row)) == len(built.rows[scored[0][1]].cells):
                pairs[i] = scored[0][1]
                taken.add(scored[0][1])
        previous_task: int | None = None
        for i, row in enumerate(table.rows):
            where = f"bảng {table.index + 1}, hàng {i + 1}"
            indexes = tuple(p.index for c in row.cells for p in c.paragraphs)
            if row.is_header and i not in pairs:
                self.handled.update(indexes)
                continue
            if i in pairs:
                r = pairs[i]
                source = built.rows[r].source
                if source and source.path[:1] == ("tasks",):
                    previous_task = source.path[1]
                deleted = row.deleted and not self.reject
                accepted_all_gone = all(not self.view(p) for c in row.cells for p in c.paragraphs)
                if deleted or (accepted_all_gone and any(_norm(p.original_text) for c in row.cells
                                                         for p in c.paragraphs)):
                    self.delete_row(built, r, where, indexes)
                    continue
                self.row_cells(built, t, r, row, where)
                continue
            if row.inserted and self.reject:
                self.handled.update(indexes)
                continue
            self.insert_row(built, row, previous_task, where, indexes)
        for r, brow in enumerate(built.rows):
            if r not in taken and brow.kind == "data":
                self.delete_row(built, r, f"bảng {table.index + 1} (hàng không còn)", ())

    def row_cells(self, built, t: int, r: int, row, where: str) -> None:
        brow = built.rows[r]
        for c, bcell in enumerate(brow.cells):
            cell = next((rc for rc in row.cells if any(
                b == self.tags.at("cell", t, r, c) for b in rc.bookmarks)), None)
            if cell is None and len(row.cells) == len(brow.cells):
                cell = row.cells[c]
            if cell is None or bcell.merge == "continue":
                continue
            new = "\n".join(self.view(p) for p in cell.paragraphs).strip("\n")
            old = bcell.text
            indexes = tuple(p.index for p in cell.paragraphs)
            if _norm(new) == _norm(old):
                continue
            cwhere = f"{where}, ô {c + 1}"
            source = bcell.source
            if source is None or source.origin == "generated":
                column = built.columns[c].key if c < len(built.columns) else ""
                if column == "stt" or LABEL.fullmatch(new + " ") or re.fullmatch(r"[IVXLCDM\d.]+", new):
                    self.add("ignored", "đánh số", cwhere, None, old, new,
                             "số thứ tự do kehoach tính, không sửa trong tệp kế hoạch", indexes)
                else:
                    self.add("unapplied", "sửa", cwhere, source.path if source else None, old, new,
                             "ô do kehoach tạo ra (tên chỉ số, tổng): hãy sửa trong tệp kế hoạch", indexes)
                continue
            if source.origin == "agencies":
                self.set_agencies(source.path, new.replace("\n", "; "), "; ", cwhere, None, old)
                self.handled.update(indexes)
            elif source.origin == "number":
                value = parse_number(new)
                node = get(self.editor.root, *source.path)
                if value is None or node is None:
                    self.add("unapplied", "sửa", cwhere, source.path, old, new, "không đọc được số", indexes)
                else:
                    self.editor.replace_node(node, _yaml_number(value))
                    self.add("applied", "sửa", cwhere, source.path, old, new, paragraphs=indexes)
            else:
                self.set_text(source.path, new, cwhere, None, old=old)
                self.handled.update(indexes)

    def delete_row(self, built, r: int, where: str, indexes: tuple) -> None:
        source = built.rows[r].source
        path = source.path if source else None
        if path and (path[0] == "tasks" or (len(path) == 4 and path[2] == "rows")) and source.origin == "text":
            seq = get(self.editor.root, *path[:-1])
            if isinstance(seq, yaml.SequenceNode) and not seq.flow_style:
                self.editor.delete_item(seq, path[-1])
                self.add("applied", "bỏ", where, path, " | ".join(c.text for c in built.rows[r].cells), "",
                         paragraphs=indexes)
                return
        self.add("unapplied", "bỏ", where, path, " | ".join(c.text for c in built.rows[r].cells), "",
                 "hàng do kehoach tạo ra: hãy sửa trong tệp kế hoạch", indexes)

    def insert_row(self, built, row, previous_task: int | None, where: str, indexes: tuple) -> None:
        values = ["\n".join(self.view(p) for p in c.paragraphs).strip("\n") for c in row.cells]
        shown = " | ".join(values)
        if not any(values):
            self.add("ignored", "hàng trống", where, None, "", "", "chỉ là trình bày", indexes)
            return
        columns = [c.key for c in built.columns]
        appendix = self.plan.appendices[self.builder.appendix_index[built.id]]
        if len(values) != len(columns):
            self.add("unapplied", "thêm", where, None, "", shown, "hàng mới có số ô khác bảng: hãy thêm bằng tay",
                     indexes)
            return
        if getattr(appendix, "type", "") == "tasks":
            if previous_task is None:
                self.add("unapplied", "thêm", where, None, "", shown,
                         "hàng mới ở đầu bảng: chưa biết thuộc chỉ số nào, hãy thêm bằng tay", indexes)
                return
            before = self.plan.tasks[previous_task]
            task: dict = {"id": self.new_id(before.id), "dimension": before.dimension}
            for key, value in zip(columns, values):
                if key in ("stt", "dimension", "sub_dimension") or not value:
                    continue
                if key in ("lead", "co"):
                    task[key] = [self.agency_ref(n.strip()) for n in value.replace("\n", ";").split(";")
                                 if n.strip()]
                else:
                    task[key] = value
            if "content" not in task:
                self.add("unapplied", "thêm", where, None, "", shown, "hàng mới không có nội dung nhiệm vụ", indexes)
                return
            seq = get(self.editor.root, "tasks")
            self.editor.insert_item(seq, previous_task + 1, task)
            self.add("applied", "thêm", where, ("tasks", previous_task), "", shown,
                     f"nhiệm vụ mới '{task['id']}' sau '{before.id}'", indexes)
            return
        if getattr(appendix, "type", "") == "table":
            rows_path = ("appendices", self.builder.appendix_index[built.id], "rows")
            seq = get(self.editor.root, *rows_path)
            new_row = {"id": self.new_id("hang"), "cells": {k: v for k, v in zip(columns, values) if v}}
            self.editor.insert_item(seq, len(seq.value), new_row)
            self.add("applied", "thêm", where, rows_path, "", shown, f"hàng mới '{new_row['id']}' ở cuối bảng",
                     indexes)
            return
        self.add("unapplied", "thêm", where, None, "", shown, "bảng do kehoach tạo ra: hãy thêm bằng tay", indexes)

    def new_id(self, base: str) -> str:
        taken = {t.id for t in self.plan.tasks} | self.new_ids
        for a in self.plan.appendices:
            taken |= {r.id for r in getattr(a, "rows", [])}
        n = 1
        while f"{base}-moi-{n}" in taken:
            n += 1
        self.new_ids.add(f"{base}-moi-{n}")
        return f"{base}-moi-{n}"

    # ---------------------------------------------------------------- comments and tracked changes

    def anchor(self, index: int) -> tuple[str, int | None]:
        unit = self.para_unit.get(index)
        if unit is not None and unit.tag is not None:
            return unit.tag.key, self.line(unit.tag.source.path)
        for tag_name in self._bookmarks_of(index):
            tag = self.tags.by_name.get(tag_name)
            if tag is not None:
                return tag.key, self.line(tag.source.path)
        return "", None

    def _bookmarks_of(self, index: int) -> list[str]:
        for block in self.doc.blocks:
            if isinstance(block, Table):
                for row in block.rows:
                    for cell in row.cells:
                        if any(p.index == index for p in cell.paragraphs):
                            # a cell's own tag, then its row's
                            return [b for b in cell.bookmarks if b.startswith("_khc")] + \
                                [b for b in row.bookmarks if b.startswith("_khr")]
            elif block.index == index:
                return block.bookmarks
        return []

    def comments(self) -> list[ReviewNote]:
        out = []
        for c in self.doc.comments:
            index = c.paragraph_indexes[0] if c.paragraph_indexes else None
            key, line = self.anchor(index) if index is not None else ("", None)
            out.append(ReviewNote("comment", c.author or "", c.date or "", c.text,
                                  f"đoạn {index + 1}" if index is not None else "", key, line, c.anchor_text))
        return out

    def changes(self) -> list[ReviewNote]:
        out = []
        for ch in self.doc.changes:
            key, line = self.anchor(ch.paragraph_index)
            out.append(ReviewNote(ch.kind, ch.author or "", ch.date or "", ch.text,
                                  f"đoạn {ch.paragraph_index + 1}", key, line,
                                  decision="từ chối" if self.reject else "nhận"))
        return out

    # ---------------------------------------------------------------- the result, rebuilt

    def verify(self, text: str) -> None:
        """Validate and rebuild the edited plan. Every paragraph the reviewer changed (reviewed text
        against the original build) must have been accounted for; what the rebuild prints differently
        from the reviewed text elsewhere follows from the applied changes and is listed as such."""
        from generator.render.build import build_plan

        with tempfile.TemporaryDirectory(prefix="kehoach-onto-") as tmp:
            original = read_docx(next(f for f in build_plan(self.plan_path, Path(tmp) / "before",
                                                            display=self.plan_display).files
                                      if f.suffix == ".docx")).value
            rebuilt = original
            if text != self.src:
                path = Path(tmp) / self.plan_path.name
                path.write_text(text, encoding="utf-8")
                try:
                    result = build_plan(path, Path(tmp) / "build", display=self.plan_display)
                except KehoachError as exc:
                    raise KehoachError([located(self.plan_display, p.line, p.col, p.field,
                                                f"sau khi nhận các sửa đổi: {p.text}", p.level)
                                        for p in exc.problems]) from None
                rebuilt = read_docx(next(f for f in result.files if f.suffix == ".docx")).value
        expected = [(p.index, self.view(p)) for p in self.doc.paragraphs() if not p.in_shape]
        texts = [t for _, t in expected]
        changed_by_reviewer: set[int] = set()
        before = [_norm(p.text) for p in original.paragraphs()]
        for op, i1, i2, _, _ in difflib.SequenceMatcher(a=texts, b=before, autojunk=False).get_opcodes():
            if op != "equal":
                changed_by_reviewer.update(index for index, t in expected[i1:i2] if t)
        for index, reviewed in expected:
            if index in changed_by_reviewer and index not in self.handled:
                self.handled.add(index)
                self.add("unapplied", "sửa", f"đoạn {index + 1}", self.anchor_path(index), "", reviewed,
                         "không gắn được với giá trị nào của tệp kế hoạch (nằm ngoài phần kehoach tạo ra)")
        after = [_norm(p.text) for p in rebuilt.paragraphs()]
        for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=texts, b=after, autojunk=False).get_opcodes():
            if op == "equal":
                continue
            for index, reviewed in expected[i1:i2]:
                if not reviewed or index in self.handled:
                    continue
                self.handled.add(index)
                now = " / ".join(after[j1:j2])[:200]
                self.add("ignored", "đổi theo", f"đoạn {index + 1}", self.anchor_path(index), reviewed, now,
                         "in lại theo số liệu đã sửa ở chỗ khác")

    def anchor_path(self, index: int) -> tuple | None:
        unit = self.para_unit.get(index)
        if unit is not None and unit.tag is not None:
            return unit.tag.source.path
        for name in self._bookmarks_of(index):
            tag = self.tags.by_name.get(name)
            if tag is not None:
                return tag.source.path
        return None


def _yaml_number(value: Decimal) -> str:
    text = format(value, "f")
    return text


def import_onto(plan_path: Path, docx_path: Path, *, reject: bool = False, plan_display: str | None = None,
                docx_display: str | None = None) -> OntoResult:
    """Map a reviewed .docx onto its plan; returns the new YAML text and the full report."""
    return _Onto(plan_path, docx_path, reject, plan_display or str(plan_path),
                 docx_display or str(docx_path)).run()




# ---------------------------------------------------------------- reports (text, Markdown, JSON)

STATUS_TITLES = {
    "applied": "Đã đưa vào tệp kế hoạch",
    "ignored": "Bỏ qua (đánh số, trình bày, hoặc in lại theo số liệu đã sửa)",
    "unapplied": "CHƯA đưa vào — cần xử lý bằng tay",
}
CHANGE_KINDS = {"ins": "chèn", "del": "xóa", "moveFrom": "chuyển đi", "moveTo": "chuyển đến",
                "pPr": "đổi định dạng đoạn", "rPr": "đổi định dạng chữ", "rowIns": "chèn hàng",
                "rowDel": "xóa hàng", "paraIns": "chèn đoạn", "paraDel": "xóa đoạn"}


def _short(text: str, limit: int = 160) -> str:
    text = text.replace("\n", " / ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _at(result: OntoResult, line: int | None, key: str) -> str:
    parts = []
    if line:
        parts.append(f"{result.plan_file}:{line}")
    if key:
        parts.append(key)
    return " ".join(parts)


def _item_line(result: OntoResult, item: Item) -> str:
    change = (f"“{_short(item.old)}” → “{_short(item.new)}”" if item.old and item.new
              else f"“{_short(item.new or item.old)}”")
    at = _at(result, item.line, item.key)
    out = f"{item.what} {change} ({item.where}{'; ' + at if at else ''})"
    return out + (f" — {item.note}" if item.note else "")


def summary(result: OntoResult) -> str:
    counts = {s: sum(1 for i in result.items if i.status == s) for s in STATUS_TITLES}
    return (f"{result.plan_file} ← {result.reviewed_file}: {counts['applied']} sửa đổi đã đưa vào, "
            f"{counts['ignored']} bỏ qua, {counts['unapplied']} chưa đưa vào; {len(result.changes)} thay đổi "
            f"được theo dõi, {len(result.comments)} ý kiến.")


def render_text(result: OntoResult) -> str:
    lines = [summary(result)]
    for status, title in STATUS_TITLES.items():
        items = [i for i in result.items if i.status == status]
        if items:
            lines.append(f"{title} ({len(items)}):")
            lines += [f"  - {_item_line(result, i)}" for i in items]
    if result.changes:
        lines.append(f"Thay đổi được theo dõi ({len(result.changes)}):")
        for c in result.changes:
            at = _at(result, c.line, c.key)
            lines.append(f"  - [{c.decision}] {CHANGE_KINDS.get(c.kind, c.kind)} “{_short(c.text)}” — "
                         f"{c.author or '(không rõ)'}, {c.date or '(không rõ ngày)'} ({c.where}"
                         f"{'; ' + at if at else ''})")
    if result.comments:
        lines.append(f"Ý kiến (comment) cần trả lời ({len(result.comments)}):")
        for c in result.comments:
            at = _at(result, c.line, c.key) or "không gắn với giá trị nào của tệp kế hoạch"
            lines.append(f"  - {c.author or '(không rõ)'}, {c.date or '(không rõ ngày)'}: “{_short(c.text, 400)}” "
                         f"— tại {at} ({c.where}{', “' + _short(c.anchor, 60) + '”' if c.anchor else ''})")
    if result.messages:
        lines.append(f"Trình đọc Word ghi nhận ({len(result.messages)}):")
        lines += [f"  - {m}" for m in result.messages]
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    return _short(text, 300).replace("|", "\\|")


def render_markdown(result: OntoResult) -> str:
    lines = [f"### Ý kiến duyệt từ `{result.reviewed_file}`", "", summary(result), ""]
    for status, title in STATUS_TITLES.items():
        items = [i for i in result.items if i.status == status]
        if items:
            lines += [f"#### {title} ({len(items)})", "",
                      "| Việc | Vị trí trong Word | Tệp kế hoạch | Nội dung | Ghi chú |", "|---|---|---|---|---|"]
            for i in items:
                change = f"{_md(i.old)} → {_md(i.new)}" if i.old and i.new else _md(i.new or i.old)
                lines.append(f"| {i.what} | {i.where} | `{_at(result, i.line, i.key)}` | {change} | {_md(i.note)} |")
            lines.append("")
    if result.changes:
        lines += [f"#### Thay đổi được theo dõi ({len(result.changes)})", "",
                  "| Quyết định | Loại | Người sửa | Ngày | Nội dung | Tệp kế hoạch |", "|---|---|---|---|---|---|"]
        for c in result.changes:
            lines.append(f"| {c.decision} | {CHANGE_KINDS.get(c.kind, c.kind)} | {_md(c.author)} | {c.date} | "
                         f"{_md(c.text)} | `{_at(result, c.line, c.key)}` |")
        lines.append("")
    if result.comments:
        lines += [f"#### Ý kiến cần trả lời ({len(result.comments)})", ""]
        for c in result.comments:
            at = _at(result, c.line, c.key)
            lines.append(f"- [ ] **{_md(c.author or '(không rõ)')}** ({c.date or 'không rõ ngày'}), tại "
                         f"{'`' + at + '`' if at else c.where}: {_md(c.text)}")
        lines.append("")
    return "\n".join(lines)


def render_json(result: OntoResult) -> str:
    import json
    from dataclasses import asdict

    data = asdict(result)
    data.pop("text")
    data["unapplied"] = len(result.unapplied)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


__all__ = ["import_onto", "OntoResult", "Item", "ReviewNote", "parse_number", "render_text", "render_markdown",
           "render_json"]
