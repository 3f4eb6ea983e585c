"""What every correction of `check --fix` works on: the opened package, its document.xml with the reader's
paragraphs, tables and sections found again, the parts changed or added, what was changed (house
`Message`s, printed as "phần 1, đoạn 7: …"), and the writing of the result."""
from __future__ import annotations

import re
import stat
import zipfile
from pathlib import Path

from lxml import etree

from generator.core.messages import Message
from generator.nd30.check import Fix
from generator.nd30.fix.verify import Allowed
from generator.nd30.fix.xml import CharMap, body_paragraphs, body_sections, body_tables
from generator.word.model import Document
from generator.word.package import Package
from generator.word.xml import w


# what may reflow the text, in the order such corrections are given up when the pages change
# (a smaller size too: lines that take less height pull the text after them up, a khoản onto the page before; FR19-QC02)
RISKS = {"margins": "lề trang", "header": "số trang ở đầu trang", "grow": "cỡ chữ lớn hơn", "shrink": "cỡ chữ nhỏ hơn",
         "font": "phông chữ", "rule": "đường kẻ", "flow": "cỡ chữ trong tệp có nhiều văn bản nối tiếp nhau"}


class Fixer:
    def __init__(self, pkg: Package, doc: Document):
        self.pkg = pkg
        self.doc = doc
        self.root = pkg.xml(pkg.main_part)
        self.body = self.root.find(w("body"))
        self.dirty: set[str] = {pkg.main_part}
        self.new_parts: dict[str, bytes] = {}
        self.paragraphs = body_paragraphs(self.body)
        self._sections: list | None = None
        self._tables: list | None = None
        self.reader_text = {p.index: p.text for p in doc.paragraphs()}
        self.reader_paragraphs = {p.index: p for p in reversed(list(doc.paragraphs()))}  # first of an index wins
        self.changed: list[Message] = []
        self.refused: list[Message] = []  # corrections not made, with the reason (for the drafter)
        self.allowed = Allowed()  # what the corrections made may change (checked before writing)
        self.skipped: list[Fix] = []
        self.verified: set[int] = set()
        self.fonts_done = False  # fonts are set everywhere at once, whichever finding asks first
        self.pages_done: set[int] = set()  # sections whose page number is done
        self.header_parts_done: set[str] = set()  # page header parts whose number is done (shared ones once)
        # corrections that may reflow the text (RISKS); `off`: not to be made in this pass; `risks`: made in it
        # (when there are some, the pages are compared with the original's before writing)
        self.off: set[str] = set()
        self.risks: set[str] = set()
        self.off_why = ""
        # several documents one after another in one flow of text (FR12-QD01's ten decisions, no page break between
        # them): any size changed moves every later document's lines on its pages, a smaller one too
        self.shared_flow = False

    def note(self, text: str, where: str = "", found: Message | None = None) -> None:
        """One line of what was changed: "where: text" (`where` as the finding's, or "phần 2", "bảng 3")."""
        self.changed.append(Message("info", text, where, rule=found.rule if found is not None else ""))

    def risk(self, name: str, found: Message) -> bool:
        """May a correction that risks reflowing the text (`name` in RISKS) be made? Noted when it may."""
        if name in self.off:
            self.refuse(f"{RISKS[name]} không sửa tự động: {self.off_why}", found)
            return False
        self.risks.add(name)
        return True

    def refuse(self, why: str, found: Message) -> bool:
        """A correction left for a person: "where: [rule] why" (always False, for the fix functions)."""
        self.refused.append(Message("info", why, found.where, rule=found.rule, excerpt=found.excerpt))
        return False

    def xml_paragraph(self, index: int):
        """The w:p of reader paragraph `index`, only when its text is exactly what the reader read (checked at
        the first fix of the paragraph: fixes are applied from its end, so earlier offsets stay valid)."""
        if index >= len(self.paragraphs):
            return None, None
        p = self.paragraphs[index]
        chars = CharMap(p)
        if index not in self.verified:
            if chars.text != self.reader_text.get(index):
                return None, None
            self.verified.add(index)
        return p, chars

    def section(self, index: int):
        """The w:sectPr of reader section `index`, when the XML has as many sections as the reader found."""
        if self._sections is None:  # found once: no correction adds or removes a section or a table
            self._sections = body_sections(self.body)
        sects = self._sections
        return sects[index] if index < len(sects) and len(sects) == len(self.doc.sections) else None

    def table(self, index: int):
        """The w:tbl of reader table `index`, when the XML has as many (top-level) tables as the reader found."""
        if self._tables is None:
            self._tables = body_tables(self.body)
        tables = self._tables
        if len(tables) != len(self.doc.tables) or index >= len(tables):
            return None
        return tables[index]

    # -- writing
    def write(self, target: Path) -> None:
        """The package again, part for part: directory entries dropped (they hold no part; reading them as
        parts crashed on zips that list "word/"), symbolic links and names that climb out ('../x') or name a
        drive ('C:\\x') dropped, every name made a plain relative part name. The same input gives the same
        bytes: parts added or changed without an entry of their own carry the package's newest time, never
        the time of the run, and come in name order."""
        infos = self.pkg._zip.infolist()
        stamp = max((i.date_time for i in infos), default=EPOCH)
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
            written = set()
            for info in infos:
                key = safe_name(info.filename)
                if info.is_dir() or is_link(info) or key is None or key in written or not self.pkg.has(key):
                    continue
                written.add(key)
                data = self._part_bytes(key)
                out.writestr(_zipinfo(key, info.date_time), data)
            for name in sorted(self.dirty - written):
                if name in self.pkg._xml_cache:
                    out.writestr(_zipinfo(name, stamp), self._part_bytes(name))
                    written.add(name)
            for name, data in sorted(self.new_parts.items()):
                out.writestr(_zipinfo(name, stamp), data)

    def release(self) -> None:
        """Let go of the package's parsed parts once written (a file at the budget holds a few hundred
        thousand elements, more after the corrections: issue 22); the fixer is done then."""
        self.root = self.body = None
        self.paragraphs, self._sections, self._tables = [], None, None
        self.pkg.forget_parsed()

    def _part_bytes(self, name: str) -> bytes:
        if name in self.dirty and name in self.pkg._xml_cache:
            return etree.tostring(self.pkg._xml_cache[name], xml_declaration=True, encoding="UTF-8", standalone=True)
        return self.pkg.read(name)


def safe_name(name: str) -> str | None:
    """A zip entry name fit for the output: relative, "/"-separated, no "..", no drive; None otherwise."""
    name = name.replace("\\", "/")
    while name.startswith("/"):
        name = name[1:]
    parts = name.split("/")
    if not name or re.match(r"^[A-Za-z]:", name) or any(p in ("", ".", "..") for p in parts[:-1]) \
            or parts[-1] in (".", ".."):
        return None
    return name


EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry holds


def is_link(info: zipfile.ZipInfo) -> bool:
    """A zip entry made on Unix as a symbolic link (its target path is its content)."""
    return info.create_system == 3 and stat.S_ISLNK(info.external_attr >> 16)


def _zipinfo(name: str, date_time: tuple) -> zipfile.ZipInfo:
    out = zipfile.ZipInfo(name, date_time=max(tuple(date_time), EPOCH))
    out.compress_type = zipfile.ZIP_DEFLATED
    out.create_system = 3
    out.external_attr = 0o644 << 16  # a plain file: never a symlink or an executable, whatever the source said
    return out
