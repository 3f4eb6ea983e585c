"""`kehoach check --fix`: correct what ND30 allows a machine to correct without judgement, never the wording.

The file is opened through the reader's guarded package (hostile files are refused as for `import`), checked,
and each finding of a fixable rule that carries a `Fix` is applied to the XML: date padding, fonts and sizes,
margins, typed underscores → drawn rules, the page-number field and a different first page, repeated header
rows, rows that do not split, Nơi nhận punctuation. The result is written to a temporary file next to the
output, read back, re-checked and compared word for word with the original; only then does it replace the
output (atomic).

One module per part of the document, as in `generator.nd30.check`: runs (text and format, for every part),
page, lines, pagenum, appendix; xml holds the XML helpers, fixer the state they share. FIXES names the
function for each kind of `Fix`.
"""
from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from generator.core.errors import KehoachError, OutputError
from generator.core.messages import Message
from generator.nd30.check import Fix, check_document
from generator.nd30.fix import appendix, lines, page, pagenum, runs
from generator.nd30.fix.fixer import Fixer
from generator.nd30.rules import RULE
from generator.word.model import Document
from generator.word.package import open_package
from generator.word.reader import read_docx, read_package

# each kind of Fix → the function that applies it (True when done; False: left for a person)
FIXES: dict[str, Callable[[Fixer, Fix, Message], bool]] = {
    **runs.FIXES, **page.FIXES, **lines.FIXES, **pagenum.FIXES, **appendix.FIXES}


class FixError(KehoachError):
    """`--fix` refused to write a file (it would have changed the words, or could not be written)."""


@dataclass
class FixReport:
    out: Path
    changed: list[Message] = field(default_factory=list)  # one per correction; str() is its Vietnamese line
    left: list[Message] = field(default_factory=list)  # what the re-check of the output still finds
    words_kept: int = 0


# ---------------------------------------------------------------- words: what --fix must never change

_WORD = re.compile(r"[^\W_]+")


def words(doc: Document) -> list[str]:
    """The document's words in order: NFC, case kept, numbers compared by value (date padding "5" → "05" is
    not a change of wording)."""
    out = []
    for p in doc.paragraphs():
        for word in _WORD.findall(unicodedata.normalize("NFC", p.text)):
            out.append(str(int(word)) if word.isdigit() else word)
    return out


def apply(fx: Fixer, fix: Fix, found: Message) -> bool:
    done = FIXES[fix.kind](fx, fix, found)
    if not done:
        fx.skipped.append(fix)
    return done


def fix_docx(source: str | os.PathLike, out: str | os.PathLike, **limits) -> FixReport:
    """Fix `source` into `out` (atomically). Raises WordFileError for hostile or broken files and FixError
    when the result would not keep every word (nothing is written then)."""
    source, out = Path(source), Path(out)
    with open_package(source, **limits) as pkg:
        read = read_package(pkg)
        before = check_document(read.value, read.messages)
        fixer = Fixer(pkg, read.value)
        seen: set[Fix] = set()
        # within a paragraph, from its end: an edit never moves the offsets of the ones still to do
        todo = sorted((f for f in before.findings if f.detail.fix is not None and RULE[f.rule].fixable),
                      key=lambda f: (f.detail.fix.paragraph is not None, f.detail.fix.paragraph or 0,
                                     -f.detail.fix.start))
        for found in todo:
            if found.detail.fix not in seen:
                seen.add(found.detail.fix)
                apply(fixer, found.detail.fix, found)
        if out.exists() and out.is_dir():
            raise OutputError(f"{out}: là một thư mục; hãy chọn tên tệp .docx cho kết quả")
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp_name = tempfile.mkstemp(prefix=f".{out.stem}.", suffix=".docx", dir=out.parent)
            os.close(fd)
        except OSError as exc:
            raise OutputError(f"{out}: không tạo được tệp kết quả ({exc.strerror})") from None
        tmp = Path(tmp_name)
        try:
            fixer.write(tmp)
            again = read_docx(tmp, **limits)
            if words(again.value) != words(read.value):
                raise FixError(f"{source}: bản sửa làm thay đổi chữ của văn bản nên không được ghi; hãy gửi tệp cho "
                               "nhóm phát triển")
            after = check_document(again.value, again.messages)
            os.replace(tmp, out)
        except OSError as exc:
            raise OutputError(f"{out}: không ghi được tệp kết quả ({exc.strerror})") from None
        finally:
            if tmp.exists():
                tmp.unlink()
    return FixReport(out, fixer.changed, after.findings, len(words(again.value)))
