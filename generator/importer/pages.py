"""How long the original is and how long the rebuilt plan is, for the import summary: a rebuilt plan
should have about the original's page count (tables that keep their layout), and the summary says so
when the two differ by more than a tenth.

The original's count is the one its editor saved (docProps/app.xml `<Pages>`, written by Word and
LibreOffice); the rebuilt one is LibreOffice's, from the .docx kehoach builds. Either is None when it
cannot be known (no count saved, no LibreOffice): the summary then says nothing rather than guess."""
from __future__ import annotations

import re
import tempfile
from pathlib import Path

from generator.word.package import Package, open_package
from generator.word.reader import saved_pages

TOLERANCE = 0.10  # more than this fraction apart is worth a sentence




def printed_pages(source: Package | Path) -> int | None:
    """The page count the file's editor saved with it, or None. docProps/app.xml is read through the Word
    reader's package (an opened one: within the budget of the whole file), so a hostile part is refused here
    as everywhere (WordFileError, naming the limit); a file without the part or without a count gives None."""
    if not isinstance(source, Package):
        with open_package(source) as pkg:
            return printed_pages(pkg)
    return saved_pages(source)


def pdf_pages(data: bytes) -> int | None:
    """Pages of a PDF LibreOffice wrote (its page tree's /Count, else its page objects)."""
    counts = [int(m.group(1)) for m in re.finditer(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", data, re.S)]
    if counts:
        return max(counts)
    pages = len(re.findall(rb"/Type\s*/Page\b(?!s)", data))
    return pages or None


def rebuilt_pages(data: dict) -> int | None:
    """Pages of the document kehoach builds from the imported plan (TODOs print as they are), or None
    when the plan cannot be built yet or LibreOffice is not there."""
    from generator.core.libreoffice import find_soffice
    from generator.plan.model import Plan
    from generator.render.context import build_context
    from generator.render.docx import render_docx
    from generator.render.pdf import docx_to_pdf
    from generator.render.templates import default_template

    if find_soffice() is None:
        return None
    try:
        blob = render_docx(build_context(Plan.model_validate(data)), default_template("kehoach.docx"))
        with tempfile.TemporaryDirectory(prefix="kehoach-pages-") as tmp:
            docx = Path(tmp) / "rebuilt.docx"
            docx.write_bytes(blob)
            pdf = docx_to_pdf(docx, Path(tmp))
            return pdf_pages(pdf.read_bytes())
    except Exception:  # noqa: BLE001 — a count we cannot make is no count, never a failed import
        return None


def pages_note(original: int | None, rebuilt: int | None) -> str | None:
    """The summary's sentence when the rebuilt plan is more than a tenth longer or shorter."""
    if not original or not rebuilt or abs(rebuilt - original) <= TOLERANCE * original:
        return None
    return (f"văn bản tạo lại dài {rebuilt} trang, bản gốc {original} trang (khác "
            f"{abs(rebuilt - original) * 100 // original}%): hãy xem lại độ rộng cột và cỡ chữ của phụ lục")
