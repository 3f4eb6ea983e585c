"""Corrections of the appendices and their tables (check/appendix.py): page numbers restarted at 1
("restart_numbering"), the header row repeated on each page ("header_row"), rows kept whole ("cant_split")."""
from __future__ import annotations

from generator.core.messages import Message
from generator.nd30.check import Fix
from generator.nd30.fix.fixer import Fixer
from generator.nd30.fix.xml import SECT_ORDER, TRPR_ORDER, ordered_child, props
from generator.word.xml import w


def fix_restart_numbering(fx: Fixer, fix: Fix, found: Message) -> bool:
    sect = fx.section(fix.section)
    if sect is None:
        return False
    ordered_child(sect, "pgNumType", SECT_ORDER, {"start": "1"}, replace=False)
    fx.note("số trang phụ lục đánh lại từ 1", f"phần {fix.section + 1}", found)
    return True


def fix_header_row(fx: Fixer, fix: Fix, found: Message) -> bool:
    tbl = fx.table(fix.table)
    rows = tbl.findall(w("tr")) if tbl is not None else []
    if not rows:
        return False
    ordered_child(props(rows[0], "trPr"), "tblHeader", TRPR_ORDER, replace=False)
    fx.note("dòng tiêu đề lặp lại ở đầu mỗi trang", f"bảng {fix.table + 1}", found)
    return True


def fix_cant_split(fx: Fixer, fix: Fix, found: Message) -> bool:
    tbl = fx.table(fix.table)
    rows = tbl.findall(w("tr")) if tbl is not None else []
    if not rows:
        return False
    for row in rows:
        ordered_child(props(row, "trPr"), "cantSplit", TRPR_ORDER, replace=False)
    fx.note(f"{len(rows)} hàng không bị ngắt sang trang sau", f"bảng {fix.table + 1}", found)
    return True


FIXES = {"restart_numbering": fix_restart_numbering, "header_row": fix_header_row, "cant_split": fix_cant_split}
