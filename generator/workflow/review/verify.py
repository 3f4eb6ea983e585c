"""The edited plan validated and rebuilt, and its text compared with the reviewed text, so that nothing
a reviewer wrote is lost silently."""
from __future__ import annotations

import re
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Callable

from generator.core.errors import KehoachError, located
from generator.core.text import seen, squash
from generator.nd30.labels import REVIEW_LABEL
from generator.word import read_docx
from generator.workflow.review.linediff import opcodes
from generator.workflow.review.matching import Reading
from generator.workflow.review.writer import Writer


MISPLACED = ("đã thêm vào tệp kế hoạch, nhưng văn bản tạo lại không in đoạn này ở chỗ người duyệt đặt (thứ tự "
             "hoặc chỗ khác): hãy kiểm tra và sửa bằng tay trong tệp kế hoạch")


def _unlabelled(text: str) -> str:
    return squash(REVIEW_LABEL.sub("", text, count=1))


_ORDINAL = re.compile(r"(?:\d{1,4}|[IVXLCDM]{1,8}|[a-zđ])[.)]?", re.I)


def _row_numbers(reading: Reading) -> set[int]:
    """The paragraphs that are only a row's number (STT: '2', 'IV', 'a)', first cell of a table row): kehoach
    computes them, so they never carry an edit. A row copied with the number of the row it was copied from,
    or typed with the next number and the rows below not renumbered, is renumbered by the rebuild; read as
    edits, those numbers made the new row 'not where the reviewer put it' and the next row's number 'not
    tied to any value', both CHƯA đưa vào, exit 1."""
    return {p.index for table in reading.doc.tables for row in table.rows if row.cells
            for p in row.cells[0].paragraphs if _ORDINAL.fullmatch(reading.view(p))}


def misplaced(w: Writer, index: int) -> None:
    """A paragraph added to the plan that the rebuild does not print where the reviewer typed it (two
    new bullets in reverse order, say): its item is not 'applied'."""
    i = w.item_of[index]
    m = w.items[i]
    if m.detail.status == "applied" and m.detail.what == "thêm":
        w.items[i] = replace(m, level="warning", detail=replace(m.detail, status="unapplied", note=MISPLACED))


def verify(w: Writer, reading: Reading, plan_path: Path, text: str, anchor_path: Callable[[int], tuple | None]) -> None:
    """Every paragraph the reviewer changed (reviewed text against the original build) must have been
    accounted for; what the rebuild prints differently from the reviewed text elsewhere follows from the
    applied changes and is listed as such."""
    import gc

    from generator.render.build import plan_docx

    # what reading and mapping the review left in reference cycles is freed before the plan is built again (the
    # command collects less often, cli.commands.GC_FIRST_THRESHOLD): a built plan of 1,000 tasks, 187 MB, 229 without
    gc.collect()
    with tempfile.TemporaryDirectory(prefix="kehoach-onto-") as tmp:
        # the .docx a build writes, only it (its workbook, a fifth of a build, was made and never read; issue 23)
        before = Path(tmp) / "before.docx"
        before.write_bytes(plan_docx(plan_path, display=w.plan_display))
        original = read_docx(before).value
        rebuilt = original
        if text != w.src:
            path = Path(tmp) / plan_path.name
            path.write_text(text, encoding="utf-8")
            try:
                blob = plan_docx(path, display=w.plan_display)
            except KehoachError as exc:
                raise KehoachError([located(w.plan_display, p.line, p.col, p.field,
                                            f"sau khi nhận các sửa đổi: {p.text}", p.level)
                                    for p in exc.problems]) from None
            after = Path(tmp) / "after.docx"
            after.write_bytes(blob)
            rebuilt = read_docx(after).value
    expected = [(p.index, reading.view(p)) for p in reading.doc.paragraphs() if not p.in_shape]
    texts = [t for _, t in expected]
    changed_by_reviewer: set[int] = set()
    before = [squash(seen(p.text)) for p in original.paragraphs()]  # as `reading` reads the reviewed text
    numbers = _row_numbers(reading)
    for op, i1, i2, _, _ in opcodes(texts, before):
        if op != "equal":
            changed_by_reviewer.update(index for index, t in expected[i1:i2] if t and index not in numbers)
    for index, reviewed in expected:
        if index in changed_by_reviewer and index not in w.handled:
            w.handled.add(index)
            w.add("unapplied", "sửa", f"đoạn {index + 1}", anchor_path(index), "", reviewed,
                  "không gắn được với giá trị nào của tệp kế hoạch (nằm ngoài phần kehoach tạo ra)")
    after = [squash(seen(p.text)) for p in rebuilt.paragraphs()]
    for op, i1, i2, j1, j2 in opcodes(texts, after):
        if op == "equal":
            continue
        for index, reviewed in expected[i1:i2]:
            if reviewed and index in w.item_of and index not in numbers and not any(
                    _unlabelled(reviewed) == _unlabelled(t) for t in after[j1:j2]):
                misplaced(w, index)
            if not reviewed or index in w.handled:
                continue
            w.handled.add(index)
            now = " / ".join(after[j1:j2])[:200]
            w.add("ignored", "đổi theo", f"đoạn {index + 1}", anchor_path(index), reviewed, now,
                  "in lại theo số liệu đã sửa ở chỗ khác")
