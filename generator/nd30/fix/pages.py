"""The pages of a Word file as LibreOffice lays them out, for `--fix` to see that a correction that reflows
the text (margins that shrink the text area) leaves the document on as many pages as before — the signature
block is not pushed onto a page of its own. Without LibreOffice such a correction is not made."""
from __future__ import annotations

import re
import tempfile
from pathlib import Path

from generator.core.errors import KehoachError
from generator.core.libreoffice import find_soffice

_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


def can_render() -> bool:
    return find_soffice() is not None


def page_count(docx: Path) -> int | None:
    """Pages of `docx` rendered by LibreOffice (None when it cannot be rendered)."""
    from generator.word.convert import convert_doc

    with tempfile.TemporaryDirectory(prefix="kehoach-pages-") as tmp:
        try:
            pdf = convert_doc(docx, Path(tmp), target="pdf")
        except KehoachError:
            return None
        count = len(_PAGE.findall(pdf.read_bytes()))
    return count or None
