"""`kehoach check --fix`: correct what ND30 allows a machine to correct without judgement, never the wording.

The file is opened through the reader's guarded package (hostile files are refused as for `import`), checked,
and each finding of a fixable rule that carries a `Fix` is applied to the XML: date padding, fonts and sizes,
margins, typed underscores → drawn rules, the page-number field and a different first page, repeated header
rows, rows that do not split, Nơi nhận punctuation. The result is written to a temporary file next to the
output, read back, re-checked and compared with the original paragraph by paragraph (verify.py: every
character and its bold, italic and size unchanged except where a correction asked); only then does it
replace the output (atomic). What a rule asks but would harm (guards.py: a signature line taken for a
recipient, a date that would wrap, a table pushed off the page) is left for a person, with the reason;
a size fault of a paragraph style is corrected on the style (styles.py). A file ND30 does not govern is
left alone.

One module per part of the document, as in `generator.nd30.check`: runs (text and format, for every part),
page, lines, pagenum, appendix; xml holds the XML helpers, fixer the state they share. FIXES names the
function for each kind of `Fix`.
"""
from __future__ import annotations

import gc
import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator.core.errors import KehoachError, OutputError, WordFileError
from generator.core.safeio import Staged, write_error_vi
from generator.core.text import seen as as_printed, shorten
from generator.core.messages import Message
from generator.nd30.check import Fix, check_document
from generator.nd30.check import several
from generator.nd30.check.base import Checker
from generator.nd30.check.scan import scanned
from generator.nd30.doctypes import identify
from generator.nd30.fix import appendix, lines, page, pagenum, pages, runs, uniform
from generator.nd30.fix.fixer import RISKS, Fixer
from generator.nd30.fix.guards import kept_together, refusal
from generator.nd30.fix.styles import fix_on_styles
from generator.nd30.fix.verify import differences
from generator.nd30.rules import RULE
from generator.word.convert import CONVERTED
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
    refused: list[Message] = field(default_factory=list)  # corrections left for a person, with the reason
    untouched: str = ""  # why nothing was done (a file ND30 does not govern); no file written then
    converted: bool = False  # the source was a .doc read through LibreOffice
    identified: object = None  # the source's type as `check` identifies it (`generator.nd30.doctypes.Identified`)


# ---------------------------------------------------------------- words: what --fix must never change

_WORD = re.compile(r"[^\W_]+")


def words(doc: Document) -> list[str]:
    """The document's words in order as they print (NFC, no invisible characters: `seen`), case kept, numbers
    compared by value (date padding "5" → "05" is not a change of wording)."""
    out = []
    for p in doc.paragraphs():
        for word in _WORD.findall(as_printed(p.text)):
            out.append(str(int(word)) if word.isdigit() else word)
    return out


def apply(fx: Fixer, fix: Fix, found: Message) -> bool:
    done = FIXES[fix.kind](fx, fix, found)
    if not done:
        fx.skipped.append(fix)
    return done


def fix_docx(source: str | os.PathLike, out: str | os.PathLike, **limits) -> FixReport:
    """Fix `source` (.docx; .doc and .rtf through LibreOffice) into `out` (atomically). Raises WordFileError
    for hostile or broken files and FixError when the result would change anything no rule asked to change
    (nothing is written then). A file ND30 does not govern is left alone: nothing is written and the report
    says why (`untouched`)."""
    source = Path(source)
    if source.suffix.lower() in CONVERTED:
        from generator.word.convert import convert_doc

        with tempfile.TemporaryDirectory(prefix="kehoach-fix-") as tmp:
            report = _fix_docx(convert_doc(source, Path(tmp)), Path(out), source, **limits)
        report.converted = True
        return report
    return _fix_docx(source, Path(out), source, **limits)


def _fix_docx(source: Path, out: Path, shown: Path, **limits) -> FixReport:
    """Corrections that may reflow the text (margins that change the text area, a taller page header, larger
    sizes, other fonts) are kept only when the pages, laid out by LibreOffice, hold the same words as the
    original's; when they do not, such corrections are given up in the order of RISKS, and said."""
    shared = _Passes(owns_gc=gc.get_freeze_count() == 0)
    try:
        return _passes(source, out, shown, shared, **limits)
    finally:
        if shared.owns_gc:
            gc.unfreeze()  # the source as read (frozen after the first read) is let go with the fix


def _passes(source: Path, out: Path, shown: Path, shared: _Passes, **limits) -> FixReport:
    off: set[str] = set()
    why = ""
    withdrawn: dict[int, str] = {}  # paragraphs whose corrections are withdrawn → the Vietnamese reason
    groups_off: dict[str, str] = {}  # size groups left whole (uniform.py): rule → why
    while True:
        if shared.read is not None and shared.owns_gc:  # a pass again: the last pass's XML trees sit in reference cycles, which a pass
            gc.unfreeze()  # that no longer reads the source did not free in time (at the budget: 384 MB, now 315);
            gc.collect()  # they were frozen with the source after the first read
            gc.freeze()
        report = _attempt(source, out, shown, off, why, shared, withdrawn, groups_off, **limits)
        if isinstance(report, FixReport):
            return report
        if isinstance(report, uniform.Regroup):  # a group made in part: again, the group left whole
            continue
        if isinstance(report, dict):  # corrections that harmed: withdrawn, and the fix made again without them
            if set(report) <= set(withdrawn):  # nothing left to withdraw there: never loop
                raise FixError(f"{shown}: bản sửa vẫn làm thay đổi chỗ không có lỗi ("
                               + "; ".join(report.values()) + ") nên không được ghi; hãy sửa các lỗi trong Word")
            withdrawn.update(report)
            continue
        risks, change = report
        if change in (pages.NOT_RENDERED, pages.OUT_OF_TIME):  # no layout to compare with: every such correction
            # given up at once
            off |= set(RISKS)
        else:
            off.add(next(name for name in RISKS if name in risks and name not in off))
        moved = change.startswith(("văn bản dàn trang", "chữ chuyển sang trang"))  # pages.page_change
        why = f"với bản sửa này {change}" + ("; chữ ký có thể bị đẩy sang trang sau" if moved else "") + \
            " — hãy sửa trong Word"


@dataclass
class _Passes:
    """What the passes of one fix share: the source as read, identified and checked (the same in every pass:
    only its package is opened again, for fresh XML to correct; issue 22), and its layouts, their time together
    bounded (pages.Layouts)."""

    layouts: pages.Layouts = field(default_factory=pages.Layouts)
    source: Path | None = None
    read: object = None  # the reader's Result of the source
    identified: object = None
    before: object = None  # check_document of the source
    words: list[str] | None = None  # words(the source)
    unlaid: str = ""  # why the source is not laid out at all (pages.too_big)
    # the collector is ours to tune only when nobody froze objects before the fix: a caller that did (a test
    # worker, a long-lived process) keeps its own frozen heap, which unfreezing would hand back to every collection
    owns_gc: bool = True
    _original: list = field(default_factory=list)

    def original(self) -> list | None:
        """The source's pages, laid out at the first call."""
        if not self._original:
            self._original.append(self.layouts.words(self.source))
        return self._original[0]


# rules told once for the whole document, at the first place they hold (font.family: one finding per font): what is
# left of one after a fix (a footer's font kept, FR15-QD02) is the same finding at another place, never a new one
DOCUMENT_WIDE = frozenset({"font.family"})


def _key(found: Message) -> tuple:
    if found.rule in DOCUMENT_WIDE:
        return found.rule, None, None
    return found.rule, found.detail.section, found.detail.paragraph


def created(before, after, fixer: Fixer, shown: Path) -> dict[int, str] | str:
    """The findings of the fixed file that the original did not have and a correction explains (a correction
    that created a fault): {paragraph: why} for those on a paragraph a correction touched (withdrawn, said);
    for one of the same kind (rule family) as a correction made elsewhere, when corrections of the whole layout
    were made (fonts, margins, page header: RISKS), a sentence saying which finding appeared (those corrections
    are then given up one by one); else the fix is not written at all (FixError, saying which). A new finding
    no correction explains (the check's own estimate flipped: a page count guessed from the new margins shows
    a page number it did not judge before) is not the fix's doing: it stays in the report's findings."""
    old = {_key(f) for f in before.findings}
    touched = set(fixer.allowed.looks) | set(fixer.allowed.edits)
    kinds = {family(m.rule) for m in fixer.changed if m.rule}
    out: dict[int, str] = {}
    for f in after.findings:
        if _key(f) in old:
            continue
        n = f.detail.paragraph
        if n is not None and n in touched:
            out.setdefault(n, f"rút lại: sau khi sửa, kiểm tra lại báo lỗi mới mà bản gốc không có: "
                              f"{f.text.rstrip('.')} — lỗi ban đầu có thể đã bị đọc nhầm; hãy xem lại dòng này "
                              "trong Word")
        elif family(f.rule) in kinds and fixer.risks - fixer.off:
            return f"xuất hiện lỗi mới mà bản gốc không có ({f.where}: {f.text.rstrip('.')})"
        elif family(f.rule) in kinds:
            raise FixError(f"{shown}: bản sửa làm xuất hiện lỗi mới mà bản gốc không có ({f.where}: {f.text}) nên "
                           "không được ghi; hãy sửa các lỗi trong Word")
    return out


def family(rule: str) -> str:
    """The kind of a rule: the part it is about ("pagenum" of "pagenum.size", "signer" of "signer.style")."""
    return rule.split(".")[0]


def _running(p) -> bool:
    """Running text: justified, outside tables, no tab inside (its lines may rewrap when its size or the font
    changes)."""
    return p.alignment == "both" and not p.in_table and "\t" not in p.text.strip()


def rewrapped_lines(doc: Document, fixer: Fixer, before: list | None,
                    after: list | None) -> dict[int, str] | str | None:
    """Pieces of printed lines of the fixed pages that are not as they were, where no correction was about
    wrapping. A piece belongs to the paragraphs holding all its words and numbers (pages.tokens). {paragraph:
    why} for corrected paragraphs placed on their own (not running text) a changed piece belongs to — those
    corrections are withdrawn; a sentence when a changed piece belongs to no corrected paragraph and no new font
    or margins explain it — the corrections of the whole layout are given up; None when every changed piece is
    running text a correction may rewrap (after a new font or margins: any line but a corrected one placed on
    its own)."""
    corrected = set(fixer.allowed.looks) | set(fixer.allowed.edits)
    reflow = bool(fixer.risks & {"font", "margins"})  # a new font or text width rewraps lines anywhere
    words = [(p.index, _running(p), set(pages.tokens(p.text))) for p in doc.paragraphs()]
    out: dict[int, str] = {}
    if reflow and (why := _placed_line_wrapped([w for w in words if w[0] not in corrected], before, after)):
        return why
    for page, pieces, shown in pages.changed_pieces(before, after):
        for piece in pieces:
            owners = [(n, running) for n, running, held in words if set(piece) <= held]
            culprits = [n for n, running in owners if n in corrected and not running]
            if culprits:
                for n in culprits:
                    out.setdefault(n, f"rút lại: với bản sửa này dòng chữ trên trang {page} bị dàn lại ({shown}), số "
                                      "dòng thay đổi ở chỗ không có lỗi về xuống dòng; hãy sửa trong Word")
            elif not reflow and not any(n in corrected and running for n, running in owners):
                return f"dòng chữ trên trang {page} bị dàn lại ({shown})"
    return out or None


def _placed_line_wrapped(words: list, before: list | None, after: list | None) -> str | None:
    """A line placed on its own (a tabbed header line, not running text) that no correction is about (`words`: those
    paragraphs only; a corrected one's own line is withdrawn by `rewrapped_lines`) and that new margins or font break
    in two: its start printed as a line shorter than it was (FR15-QD03's "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT / NAM" and "… tháng
    năm / 2023" under a left margin of 30 mm). A line joined back into one (QD02's Quốc hiệu in Times New Roman) is not."""
    for n, (a, b) in enumerate(zip(before or [], after or []), start=1):
        old, new = getattr(a, "pieces", None), getattr(b, "pieces", None)
        if not old or not new:
            continue
        came = new - old
        for line in old - new:
            owners = [running for _, running, held in words if set(line) <= held]
            if len(line) > 1 and owners and not any(owners) and \
                    any(0 < len(c) < len(line) and line[:len(c)] == c for c in came):
                return f"dòng “{shorten(' '.join(line), 60)}” trên trang {n} bị xuống dòng"
    return None


def _attempt(source: Path, out: Path, shown: Path, off: set[str], off_why: str, shared: _Passes,
             withdrawn: dict[int, str], groups_off: dict[str, str],
             **limits) -> FixReport | tuple[set[str], str] | dict[int, str] | uniform.Regroup:
    """One pass with the risks in `off` given up (`off_why` says why) and no correction on the paragraphs
    `withdrawn`. When it made corrections that may reflow the text and the pages changed: (those risks, how
    the pages changed); when corrections created findings: {paragraph: why} to withdraw; when a group that prints
    at one size was corrected in part: Regroup (`groups_off` gains it); nothing written."""
    with open_package(source, **limits) as pkg:
        if shared.read is None:  # the first pass: read and check the source once for every pass
            shared.source = source
            shared.read = read_package(pkg)
            shared.identified = scanned(shared.read.value) or identify(  # as `check` does
                p.text for p in shared.read.value.paragraphs())
            if shared.identified.governed:
                shared.before = check_document(shared.read.value, shared.read.messages)
            # the source as read and checked lives as long as the fix: kept out of the collector's full passes,
            # which walked it again and again while the corrections, the output's read and its check ran (issue 22)
            if shared.owns_gc:
                gc.collect()
                gc.freeze()
            if pages.can_render():
                doc = shared.read.value
                shared.unlaid = pages.too_big(len(doc.sections), sum(1 for _ in doc.paragraphs()))
        read, identified, before = shared.read, shared.identified, shared.before
        if shared.unlaid:  # no layout to verify them with: the corrections that may reflow the text are not made
            off, off_why = off | set(RISKS), f"{shared.unlaid} — hãy sửa trong Word"
        if not identified.governed:
            return FixReport(out, untouched=identified.why, identified=identified)
        fixer = Fixer(pkg, read.value)
        fixer.off, fixer.off_why = off, off_why
        fixer.shared_flow = len(several.documents(read.value)) > 1
        ck = Checker(read.value)
        todo = []
        for found in before.findings:
            if found.detail.fix is None or not RULE[found.rule].fixable:
                continue
            reason = withdrawn.get(found.detail.fix.paragraph) or refusal(ck, found)
            if reason is None:
                todo.append(found)
            elif not any(m.where == found.where and m.rule == found.rule for m in fixer.refused):
                fixer.refuse(reason, found)
        todo = kept_together(fixer, todo)
        todo = uniform.whole_groups(fixer, before.findings, todo, groups_off)
        seen: set[Fix] = fix_on_styles(fixer, ck, todo)
        # within a paragraph, from its end: an edit never moves the offsets of the ones still to do
        todo.sort(key=lambda f: (f.detail.fix.paragraph is not None, f.detail.fix.paragraph or 0, -f.detail.fix.start))
        for found in todo:
            if found.detail.fix not in seen:
                seen.add(found.detail.fix)
                apply(fixer, found.detail.fix, found)
        if (regroup := uniform.partial(fixer, before.findings, groups_off)) is not None:
            return regroup
        try:
            staged = Staged(out)  # a directory, device or FIFO is refused; a dead run's leftovers cleaned
        except OSError as exc:
            raise OutputError(f"{out}: không tạo được tệp kết quả ({write_error_vi(exc)})") from None
        del ck, todo, seen  # what the corrections needed is not kept while the output is read back (the
        # findings before are: a correction that creates a finding is told by comparing them with the ones after)
        with staged:
            tmp = staged.path
            try:
                fixer.write(tmp)
                fixer.release()  # the corrected XML is written: its trees are not held while it is read again
                if shared.owns_gc:
                    gc.collect()  # nor their cycles (the source is frozen: this walks only what the pass made)
                try:
                    again = read_docx(tmp, **limits)
                except WordFileError as exc:  # the corrections made it too big to read: the original is not
                    raise FixError(f"{shown}: bản sửa không được ghi vì chính nó không đọc lại được để kiểm tra ("
                                   + "; ".join(p.text.replace(str(tmp) + ": ", "").replace(str(tmp), "bản sửa")
                                               for p in exc.problems)
                                   + "); hãy sửa các lỗi trong Word") from None
                problems = differences(read.value, again.value, fixer.allowed)
                kept = words(again.value)
                if shared.words is None:
                    shared.words = words(read.value)
                if kept != shared.words and not problems:
                    problems = ["chữ của văn bản bị thay đổi"]
                if problems:
                    raise FixError(f"{shown}: bản sửa sẽ thay đổi cả những chỗ không có lỗi nên không được ghi ("
                                   + "; ".join(problems) + "); hãy sửa các lỗi trong Word và gửi tệp cho nhóm phát "
                                   "triển")
                if fixer.risks - off and pages.can_render():
                    laid = shared.layouts.words(tmp)
                    change = pages.page_change(shared.original(), laid)
                    if shared.layouts.spent and change == pages.NOT_RENDERED:
                        change = pages.OUT_OF_TIME
                    if change is not None:
                        return fixer.risks - off, change
                    rewrapped = rewrapped_lines(read.value, fixer, shared.original(), laid)
                    if isinstance(rewrapped, dict):
                        return rewrapped
                    if rewrapped is not None:
                        return fixer.risks - off, rewrapped
                after = check_document(again.value, again.messages)
                harmed = created(before, after, fixer, shown)
                if isinstance(harmed, str):
                    return fixer.risks - off, harmed
                if harmed:
                    return harmed
                staged.commit()
            except KehoachError as exc:  # the output read back: named as the user named it, never the temporary
                raise type(exc)([replace(p, file=p.file.replace(str(tmp), str(out)),
                                         text=p.text.replace(str(tmp), str(out))) for p in exc.problems]) from None
            except OSError as exc:
                raise OutputError(f"{out}: không ghi được tệp kết quả ({write_error_vi(exc)}); "
                                  "tệp cũ (nếu có) giữ nguyên") from None
    return FixReport(out, fixer.changed, after.findings, len(kept), refused=fixer.refused,
                     untouched="", identified=identified)
