"""The reviewer's paragraph edits: an edited paragraph goes back through the form of its value
(forms.py); a new paragraph goes into the plan list it was typed in, next to a paragraph of the same
kind; a deleted one leaves its list. Numbering is kehoach's: a changed label is reported, not applied."""
from __future__ import annotations

import yaml

from generator.core.text import seen, squash
from generator.nd30.labels import REVIEW_LABEL
from generator.plan.loader import format_path
from generator.word.model import Paragraph
from generator.workflow.review.forms import FORMS, form_of
from generator.workflow.review.matching import Reading, Unit
from generator.workflow.review.writer import Revision, Writer
from generator.workflow.yamledit import get

NUMBERING_NOTE = "đánh số do kehoach tính, không sửa trong tệp kế hoạch"


class Paragraphs:
    def __init__(self, w: Writer, reading: Reading):
        self.w, self.reading = w, reading

    def apply(self, units: list[Unit], reviewed: list[Paragraph], pairs: dict[int, Unit]) -> None:
        body_positions = [i for i, p in enumerate(reviewed) if p.index in pairs and pairs[p.index].where[0] == "body"]
        first, last = (body_positions[0], body_positions[-1]) if body_positions else (0, -1)
        previous: Unit | None = None
        matched_units = {u.where for u in pairs.values()}
        next_unit: list[Unit | None] = [None] * len(reviewed)  # the next matched paragraph's unit
        for pos in range(len(reviewed) - 2, -1, -1):
            q = reviewed[pos + 1]
            next_unit[pos] = pairs[q.index] if q.index in pairs else next_unit[pos + 1]
        for pos, p in enumerate(reviewed):
            unit = pairs.get(p.index)
            if unit is not None:
                self.edit(unit, p)
                if unit.where[0] == "body":
                    previous = unit
                continue
            if first < pos < last:
                text = self.reading.view(p)
                if not text:
                    if squash(p.text) or squash(p.original_text):  # a paragraph deleted whole, rejected
                        continue
                    self.w.add("ignored", "dòng trống", f"đoạn {p.index + 1}", note="chỉ là trình bày",
                               paragraphs=(p.index,))
                    continue
                self.insert(p, text, previous, next_unit[pos])
        headings = []
        for u in units:
            if u.where not in matched_units:
                if self.part_of_heading(u) is not None:
                    headings.append(u)  # after what is under it: a part deleted whole goes as one
                else:
                    self.delete(u)
        for u in headings:
            if not self.delete_part(u):
                self.delete(u)

    def split_label(self, unit: Unit, text: str, where: str, path: tuple | None, paragraphs: tuple) -> str:
        para = unit.para
        if para is None or not para.label:
            return text
        if text.startswith(para.label + " "):
            return text[len(para.label) + 1:]
        match = REVIEW_LABEL.match(text)
        if match:
            self.w.add("ignored", "đánh số", where, path, para.label, match.group(0).strip(), NUMBERING_NOTE,
                       paragraphs)
            return text[match.end():]
        self.w.add("ignored", "đánh số", where, path, para.label, "", NUMBERING_NOTE, paragraphs)
        return text

    def edit(self, unit: Unit, p: Paragraph) -> None:
        new_full = self.reading.view(p)
        where = f"đoạn {p.index + 1}"
        if new_full == squash(seen(unit.text)):  # as the reviewed text is read (`Reading`)
            return
        raw = self.reading.lines(p)  # what is written back keeps the paragraph's line breaks
        source = unit.tag.source
        if not new_full and not squash(p.original_text if not self.reading.reject else p.text):
            return
        if not new_full:  # deleted whole (tracked, accepted)
            self.delete(unit, p.index)
            return
        body = self.split_label(unit, raw, where, source.path, (p.index,))
        old_body = unit.para.text if unit.para else unit.text
        if squash(body) == squash(seen(old_body)):
            self.w.handled.add(p.index)
            return
        form = form_of(source.origin, unit.para.kind if unit.para else "text")
        form.apply(self.w, Revision(source.path, old_body, body, where, (p.index,)))

    # ---------------------------------------------------------------- inserted and deleted paragraphs

    @staticmethod
    def list_slot(unit: Unit) -> tuple[tuple, int] | None:
        """(path of the list, index) of the list item a unit was printed from."""
        path = unit.tag.source.path if unit.tag else ()
        if unit.tag is None or unit.tag.source.origin not in ("text", "appendix_ref"):
            return None
        if path and isinstance(path[-1], int):
            return path[:-1], path[-1]
        if len(path) >= 2 and path[-1] == "text" and isinstance(path[-2], int) and "bullets" in path:
            return path[:-2], path[-2]
        return None

    def insert(self, p: Paragraph, text: str, previous: Unit | None, nxt: Unit | None) -> None:
        w = self.w
        where = f"đoạn {p.index + 1}"
        match = REVIEW_LABEL.match(text)
        label = match.group(0).strip() if match else ""
        kind = "bullet" if label in ("-", "•", "–") else "sub_bullet" if label == "+" else (
            "numbered" if label else "text")
        body = text[match.end():] if match else text

        def same_kind(unit: Unit | None) -> bool:
            if unit is None or unit.para is None:
                return False
            k = unit.para.kind
            return (kind == "text" and k in ("text", "legal")) or kind == k

        # next to a paragraph of the same kind: into its list
        for unit, after in ((previous, True), (nxt, False)):
            if same_kind(unit):
                slot = self.list_slot(unit)
                if slot is None:
                    continue
                list_path, index = slot
                seq = w.node(list_path)
                if not isinstance(seq, yaml.SequenceNode) or seq.flow_style:
                    continue
                value = FORMS["legal"].decode(body, "") if unit.para.kind == "legal" else body
                w.insert_item(list_path, index + 1 if after else index, value)
                w.add("applied", "thêm", where, list_path + (index + 1 if after else index,), "", text,
                      f"vào {format_path(list_path)}", (p.index,))
                return
        # a first paragraph or bullet under a heading: the heading's content
        if previous is not None and previous.para is not None and previous.para.kind in (
                "heading", "point", "clause") and kind in ("text", "bullet") and previous.tag:
            path = previous.tag.source.path
            if path and path[-1] in ("title", "text") and path[0] != "targets":
                owner = w.node(path[:-1])
                content = get(owner, "content")
                value = body if kind == "text" else {"bullets": [body]}
                if isinstance(content, yaml.SequenceNode) and content.value and not content.flow_style:
                    w.insert_item(path[:-1] + ("content",), 0, value)
                    w.add("applied", "thêm", where, path[:-1] + ("content", 0), "", text,
                          f"vào {format_path(path[:-1] + ('content',))}", (p.index,))
                    return
                if content is None and isinstance(owner, yaml.MappingNode):
                    w.insert_list(path[:-1], "content", value)
                    w.add("applied", "thêm", where, path[:-1] + ("content",), "", text, paragraphs=(p.index,))
                    return
        # a bullet list after a paragraph of a content list
        if previous is not None and kind == "bullet" and previous.para is not None and previous.para.kind == "text":
            slot = self.list_slot(previous)
            if slot is not None:
                list_path, index = slot
                seq = w.node(list_path)
                if list_path and list_path[-1] in ("content", "funding") and isinstance(seq, yaml.SequenceNode):
                    w.insert_item(list_path, index + 1, {"bullets": [body]})
                    w.add("applied", "thêm", where, list_path + (index + 1,), "", text,
                          f"vào {format_path(list_path)}", (p.index,))
                    return
        w.add("unapplied", "thêm", where, None, "", text,
              "không xác định được chỗ trong tệp kế hoạch (khoản, mục mới hoặc câu do kehoach tạo ra): "
              "hãy thêm bằng tay", (p.index,))

    @staticmethod
    def part_of_heading(unit: Unit) -> tuple | None:
        """The path of the part (an item of a section's content, or a section) whose title `unit` prints."""
        path = unit.tag.source.path if unit.tag else ()
        if len(path) >= 3 and path[0] == "sections" and path[-1] == "title" and isinstance(path[-2], int):
            return path[:-1]
        return None

    def delete_part(self, unit: Unit) -> bool:
        """A heading deleted with everything printed under it (its content's last item went in this review,
        or it had none): its part leaves the plan, the content's own deletion giving way to it."""
        w = self.w
        part = self.part_of_heading(unit)
        node = w.node(part)
        if not isinstance(node, yaml.MappingNode) or not isinstance(w.node(part[:-1]), yaml.SequenceNode):
            return False
        content = part + ("content",)
        if get(node, "content") is not None and content not in w.emptied:
            return False
        if content in w.emptied:
            w.editor.cancel(w.emptied.pop(content))
        w.remove_item(part[:-1], part[-1])
        w.add("applied", "bỏ", "(không còn trong tệp)", unit.tag.source.path, unit.text, "",
              "cả phần, cùng mọi đoạn dưới tiêu đề")
        return True

    def delete(self, unit: Unit, index: int | None = None) -> None:
        w = self.w
        paragraphs = (index,) if index is not None else ()
        where = f"đoạn {index + 1}" if index is not None else "(không còn trong tệp)"
        slot = self.list_slot(unit)
        path = unit.tag.source.path if unit.tag else None
        if slot is not None:
            list_path, i = slot
            seq = w.node(list_path)
            item = seq.value[i] if isinstance(seq, yaml.SequenceNode) and i < len(seq.value) else None
            has_children = isinstance(item, yaml.MappingNode) and get(item, "bullets") is not None
            if item is not None and not seq.flow_style and not has_children:
                w.remove_item(list_path, i)
                w.add("applied", "bỏ", where, path, unit.text, "", paragraphs=paragraphs)
                return
        w.add("unapplied", "bỏ", where, path, unit.text, "",
              "đoạn do kehoach tạo ra hoặc là tiêu đề: hãy bỏ bằng tay trong tệp kế hoạch", paragraphs)
