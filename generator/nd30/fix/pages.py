"""The pages of a Word file as LibreOffice lays them out, for `--fix` to see that a correction that reflows
the text (margins that change the text area) leaves every page holding the words it held — the signature
block is not pushed onto another page — and every line holding the words it held where no correction was
about wrapping (a Tiêu ngữ grown on a tabbed header line must not drop "Hạnh phúc" onto a line of its own).
Without LibreOffice such a correction is not made; without pdftotext (poppler) only the number of pages is
compared."""
from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import time
import unicodedata
from collections import Counter
from pathlib import Path

from generator.core.errors import KehoachError
from generator.core.libreoffice import find_soffice
from generator.core.text import shorten

_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")
# a layout that takes longer is given up (the corrections that need it are not made, and said): LibreOffice
# on a hostile file can take minutes, and --fix must answer within a bounded time
RENDER_TIMEOUT_S = 60
NOT_RENDERED = "không dàn trang được để kiểm tra"
# all the layouts of one --fix together (the original's and one per pass: a pass is made again for each risk given
# up and for each set of corrections withdrawn, so their number has no small bound): when it is spent, no layout
# is started, the corrections that may reflow the text are given up, and this is said (issue 22)
LAYOUT_BUDGET_S = 150
OUT_OF_TIME = f"LibreOffice đã dùng hết {LAYOUT_BUDGET_S} giây dành cho việc dàn trang để kiểm tra"
_MIN_LAYOUT_S = 5  # a layout is not started with less time than this left
# a document of more sections than this is not laid out: with LibreOffice, `check --fix` of 2,900 sections (a page or
# more each) took 58 s of CPU; the most a real document seen has is 9 (issue 22)
MAX_LAYOUT_SECTIONS = 100


# nor a document of more paragraphs than this (table cells and text boxes counted): a layout costs LibreOffice about
# 1.5 s of CPU, plus 0.4 ms a paragraph of running text and 1.3 ms a paragraph in a table (9,512 paragraphs: 5.6 s;
# FR7-QD01, 9,829 of its 9,905 in one table: 15 s), and --fix lays out the original and the output of every pass
# (up to six): 40 s of CPU at the budget, and on a busy machine the wall-clock LAYOUT_BUDGET_S ran out, so what was
# corrected depended on the load. The real documents seen have at most 1,236 paragraphs, FR7-QD01 aside: with
# LibreOffice, its corrections that may reflow the text are now left to the drafter, said (issue 22)
MAX_LAYOUT_PARAGRAPHS = 3_000


def _count(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def too_many_sections(count: int) -> str:
    """Why a document of `count` sections is not laid out ('' when it is)."""
    if count <= MAX_LAYOUT_SECTIONS:
        return ""
    return f"văn bản có {_count(count)} phần (section), hơn {MAX_LAYOUT_SECTIONS} phần nên không dàn trang để kiểm tra"


def too_big(sections: int, paragraphs: int) -> str:
    """Why a document of this many sections and paragraphs is not laid out by LibreOffice ('' when it is)."""
    if paragraphs > MAX_LAYOUT_PARAGRAPHS:
        return (f"văn bản có {_count(paragraphs)} đoạn văn, hơn {_count(MAX_LAYOUT_PARAGRAPHS)} đoạn nên không dàn "
                "trang để kiểm tra")
    return too_many_sections(sections)


clock = time.monotonic


class Layouts:
    """The layouts of one --fix, their time together bounded by LAYOUT_BUDGET_S: `words` gives a file's pages
    (as `page_words`), None when it could not be laid out or the budget is spent (`spent` then)."""

    def __init__(self, budget: float = LAYOUT_BUDGET_S):
        self.deadline = clock() + budget
        self.spent = False

    def words(self, docx: Path) -> list[Counter] | None:
        left = self.deadline - clock()
        if left < _MIN_LAYOUT_S:
            self.spent = True
            return None
        laid = page_words(docx, timeout=min(RENDER_TIMEOUT_S, int(left)))
        if laid is None and self.deadline - clock() < _MIN_LAYOUT_S:
            self.spent = True
        return laid
_WORD = re.compile(r"[^\W\d_][^\W_]*")  # words, numbers left out (page numbers are renumbered on purpose)


def can_render() -> bool:
    return find_soffice() is not None


class Page(Counter):
    """The words of one page (a Counter), and its printed pieces of lines (`pieces`: a Counter of word tuples,
    each a line's run of text between gaps of 3 spaces or more, so that columns side by side — the agency and
    the Quốc hiệu, the Nơi nhận and the signature — are pieces of their own whatever their vertical shift)."""

    def __init__(self, text: str = ""):
        super().__init__(_WORD.findall(text))
        self.pieces: Counter = Counter(pieces(text))
        self.rows = [row for row in (pieces(line) for line in text.splitlines()) if len(row) > 1]


_GAP = re.compile(r"\s{3,}")
_TOKEN = re.compile(r"[^\W_]+")


def tokens(text: str) -> list[str]:
    """Words and numbers of `text`, numbers by value ("03" is "3": date padding is no change of wording), for
    telling which paragraph a printed piece belongs to: "năm 2020" is not the date line's "năm 2021"."""
    return [str(int(t)) if t.isdecimal() else t for t in _TOKEN.findall(unicodedata.normalize("NFC", text))]


def pieces(text: str) -> list[tuple[str, ...]]:
    """The pieces of the printed lines of a page laid out by pdftotext -layout, as their words and numbers
    (`tokens`); a piece of numbers alone (a page number, renumbered on purpose) is left out."""
    out = []
    for line in text.splitlines():
        for piece in _GAP.split(line):
            if _WORD.search(piece):
                out.append(tuple(tokens(piece)))
    return out


def changed_pieces(before: list[Counter] | None, after: list[Counter] | None) -> list[tuple[int, list, str]]:
    """The pieces of lines that are not on the fixed page as they were on the original: (page number, those
    pieces as word tuples, how it shows: "“old” → “new”"); nothing when either has no pieces (not rendered,
    no pdftotext)."""
    out = []
    for n, (a, b) in enumerate(zip(before or [], after or []), start=1):
        old, new = getattr(a, "pieces", None), getattr(b, "pieces", None)
        if not old or not new or old == new:
            continue
        gone, came = old - new, new - old
        _resplit(gone, came, getattr(b, "rows", []))
        _resplit(came, gone, getattr(a, "rows", []))
        if not gone and not came:
            continue
        shown = f"“{shorten(' / '.join(' '.join(x) for x in gone), 60)}” → “{shorten(' / '.join(' '.join(x) for x in came), 60)}”"
        out.append((n, list(gone) + list(came), shown))
    return out


def _resplit(joined: Counter, split: Counter, rows: list[list[tuple[str, ...]]]) -> None:
    """Take out of `joined` and `split` a line's piece that is now printed as two or more pieces side by side on
    one line, in the same order: a gap grown to 3 spaces is no rewrap (a blank number "Số:  /TB-ĐT" set larger,
    FR6-TB01)."""
    for row in rows:
        for i in range(len(row)):
            for j in range(i + 2, len(row) + 1):
                run = row[i:j]
                whole = tuple(t for part in run for t in part)
                if joined[whole] > 0 and all(split[part] >= run.count(part) for part in set(run)):
                    joined[whole] -= 1
                    for part in run:
                        split[part] -= 1
    joined += Counter()  # drop the counts at zero
    split += Counter()


def page_words(docx: Path, timeout: int = RENDER_TIMEOUT_S) -> list[Counter] | None:
    """The words of each page of `docx` rendered by LibreOffice within `timeout` seconds (None when it cannot
    be rendered), as Pages; without pdftotext, one empty Counter per page."""
    from generator.word.convert import convert_doc

    start = clock()
    with tempfile.TemporaryDirectory(prefix="kehoach-pages-") as tmp:
        try:
            pdf = convert_doc(docx, Path(tmp), target="pdf", timeout=timeout)
        except KehoachError:
            return None
        count = len(_PAGE.findall(pdf.read_bytes()))
        if not count:
            return None
        if shutil.which("pdftotext") is None:
            return [Counter() for _ in range(count)]
        try:
            text = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                                  timeout=max(1.0, timeout - (clock() - start)),
                                  check=True).stdout.decode("utf-8", "replace")
        except (OSError, subprocess.SubprocessError):
            return [Counter() for _ in range(count)]
    pages = text.split("\f")
    if pages and not pages[-1].strip():
        pages = pages[:-1]
    return [Page(p) for p in pages]


def page_change(before: list[Counter] | None, after: list[Counter] | None) -> str | None:
    """How the pages changed (None: the same pages holding the same words)."""
    if before is None or after is None:
        return NOT_RENDERED
    if len(before) != len(after):
        return f"văn bản dàn trang lại từ {len(before)} thành {len(after)} trang"
    moved = [n for n, (a, b) in enumerate(zip(before, after), start=1) if a != b]
    if moved:
        return f"chữ chuyển sang trang khác (trang {', '.join(map(str, moved[:5]))})"
    return None
