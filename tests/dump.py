"""Normalised, human-readable dumps of generated files for golden comparisons (never raw bytes)."""
from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook


def _text(p) -> str:
    out = []
    for node in p.iter(qn("w:t"), qn("w:br")):
        out.append("\n" if node.tag == qn("w:br") else (node.text or ""))
    return "".join(out)


def _style(doc, p) -> str:
    ps = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return doc.styles.get_by_id(ps.get(qn("w:val")), 1).name if ps is not None else "Normal"


def dump_docx(path: Path) -> str:
    doc = Document(str(path))
    lines = []
    for block in doc.element.body:
        if block.tag == qn("w:p"):
            sect = block.find(f"{qn('w:pPr')}/{qn('w:sectPr')}")
            text = _text(block)
            if text or sect is None:
                lines.append(f"[{_style(doc, block)}] {text}".rstrip())
            if sect is not None:
                lines.append(_sect(sect))
        elif block.tag == qn("w:tbl"):
            for tr in block.iter(qn("w:tr")):
                cells = []
                for tc in tr.iter(qn("w:tc")):
                    span = tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
                    vm = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
                    mark = f"<{span.get(qn('w:val'))}>" if span is not None else ""
                    if vm is not None:
                        mark += "^" if vm.get(qn("w:val")) == "restart" else "|"
                    cells.append(mark + " / ".join(_text(p) for p in tc.iter(qn("w:p")) if _text(p)))
                lines.append("| " + " | ".join(cells) + " |")
        elif block.tag == qn("w:sectPr"):
            lines.append(_sect(block))
    return "\n".join(lines) + "\n"


def _sect(sect) -> str:
    size = sect.find(qn("w:pgSz"))
    orient = "landscape" if size.get(qn("w:orient")) == "landscape" else "portrait"
    start = sect.find(qn("w:pgNumType"))
    return (f"=== section {orient} {size.get(qn('w:w'))}x{size.get(qn('w:h'))}"
            f"{' restart' if start is not None else ''}{' titlePg' if sect.find(qn('w:titlePg')) is not None else ''}")


def dump_xlsx(path: Path) -> str:
    wb = load_workbook(path)
    lines = []
    for ws in wb.worksheets:
        lines.append(f"=== sheet {ws.title} merged={sorted(str(r) for r in ws.merged_cells.ranges)}")
        for row in ws.iter_rows():
            if any(c.value is not None for c in row):
                lines.append("| " + " | ".join(_xlsx_cell(c) for c in row) + " |")
    return "\n".join(lines) + "\n"


def _xlsx_cell(cell) -> str:
    """Text as stored; a number as the spreadsheet shows it, marked 'n:' (stored as a number)."""
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        from decimal import Decimal

        from generator.core.text import number

        places = len(cell.number_format.rsplit(".", 1)[1]) if "." in cell.number_format else 0
        return "n:" + number(Decimal(str(value)).quantize(Decimal(1).scaleb(-places)) if places else int(value))
    return str(value).replace("\n", " / ")


# Set only by `python -m tests.update_golden` (which loads that module as a pytest plugin); no
# environment variable can turn a normal test run into one that rewrites what it compares with.
WRITE_GOLDEN = False


def updating() -> bool:
    """True only inside `python -m tests.update_golden`: stored expectations may be rewritten."""
    return WRITE_GOLDEN


def check_golden(golden: Path, actual: str) -> None:
    """Compare with a golden file. A mismatch fails with a unified diff (golden → actual). Golden
    files are rewritten only on purpose, by `python -m tests.update_golden`; read the git diff before
    committing them."""
    import difflib

    if updating():
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    assert golden.exists(), f"golden file missing: python -m tests.update_golden ({golden.name})"
    expected = golden.read_text(encoding="utf-8")
    if actual != expected:
        lines = list(difflib.unified_diff(expected.splitlines(), actual.splitlines(), f"golden/{golden.name}",
                                          "actual", n=1, lineterm=""))
        shown = "\n".join(lines[:80]) + (f"\n... ({len(lines) - 80} more diff lines)" if len(lines) > 80 else "")
        raise AssertionError(f"output differs from {golden}:\n{shown}\n"
                             "If this change is deliberate, name it in the commit and run: python -m tests.update_golden")
