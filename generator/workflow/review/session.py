"""One review round trip: read both inputs, match, apply, account for every difference."""
from __future__ import annotations

import tempfile
from pathlib import Path

from generator.core.errors import KehoachError, located
from generator.core.messages import Message
from generator.plan.loader import read_text
from generator.plan.validate import load_plan
from generator.render.context import build_context
from generator.render.model import Context
from generator.render.sources import SourceTags, Tag
from generator.word import read_docx
from generator.workflow.review.matching import Reading, Unit, anchor_tag, body_units, match_paragraphs
from generator.workflow.review.notes import list_changes, list_comments
from generator.workflow.review.merge import merge3
from generator.workflow.review.paragraphs import Paragraphs
from generator.workflow.review.precheck import another_document, known_paragraphs
from generator.workflow.review.rebase import rebase
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
        self.units = body_units(self.ctx, self.tags)
        # before the Word reader's work (it is the costly part): most of the plan's paragraphs must be there
        found, total = known_paragraphs(docx_path, self.units)
        if total and found * 2 < total:
            raise another_document(docx_display, plan_display, found, total)
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
        units = self.units
        reviewed = self.reading.free_paragraphs()
        self.pairs = match_paragraphs(units, reviewed)
        self.refuse_another_document(units)
        Paragraphs(w, self.reading).apply(units, reviewed, self.pairs)
        Rows(w, self.reading, self.ctx, self.tags).apply()
        for note in self.reading.doc.notes:  # kehoach prints none: each is the reviewer's, with no place in the plan
            w.add("unapplied", "thêm", f"đoạn {note.paragraph_index + 1}", self.anchor_path(note.paragraph_index), "",
                  note.text, NOTE_UNAPPLIED[note.kind])
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
            raise another_document(self.docx_display, self.plan_display, sum(u.where in found for u in body),
                                   len(body))


NOTE_UNAPPLIED = {kind: f"{name} người duyệt thêm: kehoach không in {name}; hãy đưa nội dung vào đoạn văn của tệp "
                         "kế hoạch, hoặc bỏ" for kind, name in (("footnote", "chú thích chân trang"),
                                                                  ("endnote", "chú thích cuối"))}
FALLBACK_NOTE = ("tệp Word không ghi bản kế hoạch đã dùng để build (build bằng phiên bản kehoach cũ, hoặc phần "
                 "ghi đã bị xóa): văn bản được so với kế hoạch hiện tại; chỗ nào kế hoạch đã sửa từ khi build (kể cả "
                 "do người duyệt khác) có thể bị đưa về chữ cũ. Hãy xem kỹ các sửa đổi dưới đây")
OTHER_PLAN_SHARE = 0.5  # below this share of the recorded plan's lines unchanged: another plan's document


def recorded_plan(docx_path: Path) -> str | None:
    """The plan text recorded in the .docx at build (render/record.py), or None."""
    from generator.render.record import find
    from generator.word.package import open_package

    with open_package(docx_path) as pkg:
        return find(pkg)


def _lf(text: str) -> str:
    """Lines ending in LF, whether the file ends them in CRLF or in CR alone (YAML reads all three)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def import_onto(plan_path: Path, docx_path: Path, *, reject: bool = False, plan_display: str | None = None,
                docx_display: str | None = None) -> OntoResult:
    """Map a reviewed .docx onto its plan; returns the new YAML text and the full report.

    The reviewer's edits are found against the plan the document was built from (recorded in it) and
    carried onto the plan file as it is now (rebase.py): an edit the plan has since is kept once, a
    place both changed differently is a conflict. A document without the record is compared with the
    plan as it is now, with a warning."""
    plan_display = plan_display or str(plan_path)
    docx_display = docx_display or str(docx_path)
    # lines are compared without their endings: a plan kept with CRLF (or recorded so) is the same plan;
    # the file keeps its own endings when written (core/safeio.encode_like)
    current = _lf(read_text(plan_path, plan_display))
    base = recorded_plan(docx_path)
    if base is not None:
        base = _lf(base)
    if base is None:
        result = Review(plan_path, docx_path, reject, plan_display, docx_display).run()
        result.messages.insert(0, Message("warning", FALLBACK_NOTE, where=docx_display))
        return result
    if base == current:
        return Review(plan_path, docx_path, reject, plan_display, docx_display).run()
    # the review is read against the recorded plan, so the plan as it is now must be loaded here, or a plan
    # `validate` refuses passes whenever the reviewer changed nothing (fourth campaign of issue 22)
    load_plan(plan_path, plan_display)
    merged_share = merge3(base, base, current).unchanged_share()
    if merged_share < OTHER_PLAN_SHARE:
        raise KehoachError(located(
            docx_display, 0, 0, "",
            f"tệp Word này không phải văn bản kehoach tạo từ {plan_display}: nó được build từ một kế hoạch khác "
            f"(chỉ {round(merged_share * 100)}% số dòng của kế hoạch đã dùng để build có trong {plan_display}); "
            "không sửa gì. Hãy dùng đúng tệp kế hoạch của văn bản này"))
    with tempfile.TemporaryDirectory(prefix="kehoach-onto-base-") as tmp:
        base_path = Path(tmp) / plan_path.name
        base_path.write_text(base, encoding="utf-8")
        try:
            review = Review(base_path, docx_path, reject, plan_display, docx_display)
        except KehoachError:  # the recorded plan no longer loads (kehoach changed since): compare with now
            result = Review(plan_path, docx_path, reject, plan_display, docx_display).run()
            result.messages.insert(0, Message("warning", FALLBACK_NOTE.replace(
                "không ghi bản kế hoạch đã dùng để build (build bằng phiên bản kehoach cũ, hoặc phần ghi đã bị xóa)",
                "ghi một bản kế hoạch mà phiên bản kehoach này không đọc được nữa"), where=docx_display))
            return result
        reviewed = review.run()
        result = rebase(reviewed, base, current, review.w.plan)
        if result.changed:
            merged_path = Path(tmp) / "merged" / plan_path.name
            merged_path.parent.mkdir()
            merged_path.write_text(result.text, encoding="utf-8")
            try:
                load_plan(merged_path, plan_display)
            except KehoachError as exc:
                raise KehoachError([located(plan_display, p.line, p.col, p.field,
                                            f"sau khi gộp các sửa đổi của người duyệt với những gì kế hoạch đã sửa "
                                            f"từ khi build: {p.text}", p.level) for p in exc.problems]) from None
    return result
