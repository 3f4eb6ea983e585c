"""The reviewer's edits of the appendix tables: an edited cell goes back through the form of its value
(forms.py); a deleted row of tasks or of a plain table leaves its list; a new row becomes a task
(after the task above it) or a row of the plain table."""
from __future__ import annotations

import yaml

from generator.core.text import seen, squash
from generator.render.model import Context, Table as BuiltTable
from generator.render.sources import SourceTags
from generator.workflow.review.agencies import new_refs
from generator.workflow.review.forms import form_of
from generator.workflow.review.matching import Reading, cell_of, match_rows, match_tables
from generator.workflow.review.writer import Revision, Writer


class Rows:
    def __init__(self, w: Writer, reading: Reading, ctx: Context, tags: SourceTags):
        self.w, self.reading, self.ctx, self.tags = w, reading, ctx, tags

    def apply(self) -> None:
        row_tags = {t.name: t for t in self.tags.tags if t.role == "r"}
        for table, t in match_tables(self.reading.doc, self.ctx, row_tags):
            self.table(table, t, match_rows(table, self.ctx.tables[t], t, row_tags))

    def table(self, table, t: int, pairs: dict[int, int]) -> None:
        built = self.ctx.tables[t]
        view = self.reading.view
        previous_task: int | None = None
        for i, row in enumerate(table.rows):
            where = f"bảng {table.index + 1}, hàng {i + 1}"
            indexes = tuple(p.index for c in row.cells for p in c.paragraphs)
            if i not in pairs and (row.is_header or self.header_text(built, row)):
                self.w.handled.update(indexes)
                continue
            if i in pairs:
                r = pairs[i]
                source = built.rows[r].source
                if source and source.path[:1] == ("tasks",):
                    previous_task = source.path[1]
                deleted = row.deleted and not self.reading.reject
                accepted_all_gone = all(not view(p) for c in row.cells for p in c.paragraphs)
                if deleted or (accepted_all_gone and any(squash(p.original_text) for c in row.cells
                                                         for p in c.paragraphs)):
                    self.delete_row(built, r, where, indexes)
                    continue
                self.cells(built, t, r, row, where)
                continue
            if row.inserted and self.reading.reject:
                self.w.handled.update(indexes)
                continue
            self.insert_row(built, row, previous_task, where, indexes)
        taken = set(pairs.values())
        for r, brow in enumerate(built.rows):
            if r not in taken and brow.kind == "data":
                self.delete_row(built, r, f"bảng {table.index + 1} (hàng không còn)", ())

    def header_text(self, built: BuiltTable, row) -> bool:
        """The row reads as one of the table's header rows: its 'repeat as header row' mark (w:tblHeader) was
        lost on the way (LibreOffice's RTF drops it), it is still the header kehoach printed, not a new row."""
        mine = [squash(self.reading.cell(c)) for c in row.cells]
        return any(mine == [squash(c.text) for c in h.cells if c.span] for h in built.header_rows())

    def cells(self, built: BuiltTable, t: int, r: int, row, where: str) -> None:
        brow = built.rows[r]
        for c, bcell in enumerate(brow.cells):
            cell = cell_of(row, self.tags, t, r, c, len(row.cells) == len(brow.cells))
            if cell is None or bcell.merge == "continue":
                continue
            new = self.reading.cell(cell)
            old = bcell.text
            if squash(new) == squash(seen(old)):  # as the reviewed text is read (`Reading`)
                continue
            source = bcell.source
            column = built.columns[c].key if c < len(built.columns) else ""
            form = form_of(source.origin if source else None)
            form.apply(self.w, Revision(source.path if source else None, old, new, f"{where}, ô {c + 1}",
                                        tuple(p.index for p in cell.paragraphs), cell=True, column=column))

    def delete_row(self, built: BuiltTable, r: int, where: str, indexes: tuple) -> None:
        w = self.w
        source = built.rows[r].source
        path = source.path if source else None
        shown = " | ".join(c.text for c in built.rows[r].cells)
        if path and (path[0] == "tasks" or (len(path) == 4 and path[2] == "rows")) and source.origin == "text":
            seq = w.node(path[:-1])
            if isinstance(seq, yaml.SequenceNode) and not seq.flow_style:
                w.editor.delete_item(seq, path[-1])
                w.add("applied", "bỏ", where, path, shown, "", paragraphs=indexes)
                return
        w.add("unapplied", "bỏ", where, path, shown, "", "hàng do kehoach tạo ra: hãy sửa trong tệp kế hoạch", indexes)

    def insert_row(self, built: BuiltTable, row, previous_task: int | None, where: str, indexes: tuple) -> None:
        w = self.w
        values = [self.reading.cell(c) for c in row.cells]
        shown = " | ".join(values)
        if not any(values):
            w.add("ignored", "hàng trống", where, None, "", "", "chỉ là trình bày", indexes)
            return
        columns = [c.key for c in built.columns]
        appendix = w.plan.appendices[w.builder.appendix_index[built.id]]
        if len(values) != len(columns):
            w.add("unapplied", "thêm", where, None, "", shown, "hàng mới có số ô khác bảng: hãy thêm bằng tay", indexes)
            return
        kind = getattr(appendix, "type", "")
        if kind == "tasks":
            self.new_task(list(zip(columns, values)), previous_task, where, shown, indexes)
        elif kind == "table":
            rows_path = ("appendices", w.builder.appendix_index[built.id], "rows")
            seq = w.node(rows_path)
            new_row = {"id": w.new_id("hang"), "cells": {k: v for k, v in zip(columns, values) if v}}
            w.editor.insert_item(seq, len(seq.value), new_row)
            w.add("applied", "thêm", where, rows_path, "", shown, f"hàng mới '{new_row['id']}' ở cuối bảng", indexes)
        else:
            w.add("unapplied", "thêm", where, None, "", shown, "bảng do kehoach tạo ra: hãy thêm bằng tay", indexes)

    def new_task(self, cells: list[tuple[str, str]], previous_task: int | None, where: str, shown: str,
                 indexes: tuple) -> None:
        """A row added to a tasks table: a task of the dimension of the task above it, after it."""
        w = self.w
        if previous_task is None:
            w.add("unapplied", "thêm", where, None, "", shown,
                  "hàng mới ở đầu bảng: chưa biết thuộc chỉ số nào, hãy thêm bằng tay", indexes)
            return
        before = w.plan.tasks[previous_task]
        task: dict = {"id": w.new_id(before.id), "dimension": before.dimension}
        for key, value in cells:
            if key in ("stt", "dimension", "sub_dimension") or not value:
                continue
            task[key] = new_refs(w, value) if key in ("lead", "co") else value
        if "content" not in task:
            w.add("unapplied", "thêm", where, None, "", shown, "hàng mới không có nội dung nhiệm vụ", indexes)
            return
        w.editor.insert_item(w.node(("tasks",)), previous_task + 1, task)
        w.add("applied", "thêm", where, ("tasks", previous_task), "", shown,
              f"nhiệm vụ mới '{task['id']}' sau '{before.id}'", indexes)
