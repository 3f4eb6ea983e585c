"""One review round trip: read both inputs, match, apply, account for every difference."""
from __future__ import annotations

from pathlib import Path

from generator.core.errors import KehoachError, located
from generator.plan.loader import read_text
from generator.plan.validate import load_plan
from generator.render.context import build_context
from generator.render.model import Context
from generator.render.sources import SourceTags, Tag
from generator.word import read_docx
from generator.workflow.review.matching import Reading, Unit, anchor_tag, body_units, match_paragraphs
from generator.workflow.review.notes import list_changes, list_comments
from generator.workflow.review.paragraphs import Paragraphs
from generator.workflow.review.result import OntoResult
from generator.workflow.review.rows import Rows
from generator.workflow.review.verify import verify
from generator.workflow.review.writer import Writer


class Review:
    def __init__(self, plan_path: Path, docx_path: Path, reject: bool, plan_display: str, docx_display: str):
        self.plan_path, self.plan_display, self.docx_display = plan_path, plan_display, docx_display
        src = read_text(plan_path, plan_display)
        plan, _ = load_plan(plan_path, plan_display)
        self.w = Writer(src, plan, plan_display)
        self.ctx: Context = build_context(plan)
        self.tags = SourceTags(self.ctx)
        result = read_docx(docx_path)
        self.reading = Reading(result.value, reject)
        self.messages = list(result.messages)
        self.pairs: dict[int, Unit] = {}  # reviewed paragraph index → matched built unit

    def tag_of(self, index: int) -> Tag | None:
        return anchor_tag(index, self.pairs, self.reading, self.tags)

    def anchor_path(self, index: int) -> tuple | None:
        tag = self.tag_of(index)
        return tag.source.path if tag is not None else None

    def run(self) -> OntoResult:
        w = self.w
        units = body_units(self.ctx, self.tags)
        reviewed = self.reading.free_paragraphs()
        self.pairs = match_paragraphs(units, reviewed)
        self.refuse_another_document(units)
        Paragraphs(w, self.reading).apply(units, reviewed, self.pairs)
        Rows(w, self.reading, self.ctx, self.tags).apply()
        comments = list_comments(self.reading.doc, w, self.tag_of)
        changes = list_changes(self.reading.doc, w, self.tag_of, self.reading.reject)
        text = w.editor.apply()
        verify(w, self.reading, self.plan_path, text, self.anchor_path)
        return OntoResult(self.plan_display, self.docx_display, text, text != w.src, w.items, comments, changes,
                          self.messages)

    def refuse_another_document(self, units: list[Unit]) -> None:
        """Most of what the plan prints is not there: another document, or another plan's."""
        body = [u for u in units if u.where[0] == "body"]
        found = {u.where for u in self.pairs.values()}
        if body and sum(u.where in found for u in body) * 2 < len(body):
            raise KehoachError(located(
                self.docx_display, 0, 0, "",
                f"tệp Word này không phải văn bản kehoach tạo từ {self.plan_display} (chỉ nhận ra "
                f"{sum(u.where in found for u in body)}/{len(body)} đoạn của kế hoạch); không sửa gì. Hãy "
                f"dùng đúng tệp đã build từ kế hoạch này (để nhập một văn bản Word mới: kehoach import TỆP_WORD)"))


def import_onto(plan_path: Path, docx_path: Path, *, reject: bool = False, plan_display: str | None = None,
                docx_display: str | None = None) -> OntoResult:
    """Map a reviewed .docx onto its plan; returns the new YAML text and the full report."""
    return Review(plan_path, docx_path, reject, plan_display or str(plan_path),
                  docx_display or str(docx_path)).run()
