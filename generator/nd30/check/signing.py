"""What a signature looks like where no "Nơi nhận:" places it (locate.py asks): a line of the signer's post in
bold capitals, centred, and the signer's name under it; and a biên bản's signatures set side by side in a table of
their own after its text ("THƯ KÝ" | "TỔ TRƯỞNG", Mẫu 1.9: FR14-BB01, BB02), before the members' signing list."""
from __future__ import annotations

from generator.nd30.check.base import Checker
from generator.word.model import Paragraph, Table


def looks_like_signature(p: Paragraph) -> bool:
    text = p.text.strip()
    return p.alignment == "center" and bool(p.bold) and text.isupper() and len(text) < 40


def signer_name(p: Paragraph) -> bool:
    text = p.text.strip()
    return p.alignment == "center" and bool(p.bold) and len(text) < 40 and not text.endswith((".", ";", ":", ","))


def signature_table(ck: Checker) -> Table | None:
    """A table of one or two rows after text closed by "./.", each of its cells with text a signature: a post in
    bold capitals over the signer's name (in small letters) further down; None when there is none."""
    for block in ck.doc.blocks:
        if not isinstance(block, Table) or not block.rows or len(block.rows) > 2:
            continue
        cells = [[p for p in cell.paragraphs if p.text.strip()] for row in block.rows for cell in row.cells]
        cells = [lines for lines in cells if lines]
        if not cells or not all(len(lines) >= 2 and looks_like_signature(lines[0]) and not lines[-1].text.isupper()
                                for lines in cells):
            continue
        first = next(iter(block.paragraphs()), None)
        k = ck.order[first.index] - 1 if first is not None else -1
        while k >= 0 and (not ck.paras[k].text.strip() or ck.paras[k].index in ck.cell_of):
            if ck.paras[k].index in ck.cell_of and ck.paras[k].text.strip():
                break
            k -= 1
        if k >= 0 and ck.paras[k].index not in ck.cell_of and ck.paras[k].text.rstrip().endswith("./."):
            return block
    return None
