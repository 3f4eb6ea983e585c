"""What one walk of a body (the document's, or a page header's) shares between its part readers
(blocks, paragraphs, runs, tables): where the walk is (paragraph, table and section counters, the table
style in force) and what it found besides the tree (messages, tracked changes, notes).

The messages are gathered here rather than returned by each nested step because their order is the
document's order across nested parts (a run's message comes between its paragraph's and the next
cell's); steps that stand alone (drawings, sections, table spans) return their own Result."""
from __future__ import annotations

from generator.core.errors import WordFileError
from generator.word.model import Change, Message, Note
from generator.word.numbering import Numberer
from generator.word.styles import Styles


class Walk:
    def __init__(self, styles: Styles, numberer: Numberer, where_prefix: str = "", max_paragraphs: int = 200_000,
                 source: str = ""):
        self.styles = styles
        self.numberer = numberer
        self.where_prefix = where_prefix  # "đầu trang (default) mục 1: " inside a header part
        self.source = source  # the file, for errors
        self.max_paragraphs = max_paragraphs  # bounds time on a document that is small zipped, huge inside
        self.messages: list[Message] = []
        self.changes: list[Change] = []
        self.notes: list[Note] = []
        self.section = 0
        self.raw_sections: list = []  # w:sectPr elements in document order (read by sections.py)
        self.para_index = 0
        self.table_index = 0
        self.table_props = None  # table style properties for the cell being read
        self.table_style: tuple | None = None  # (style id, first-row formatting on)
        self._seen_unknown: set[str] = set()

    def change(self, kind: str, author: str | None, date: str | None, text: str, index: int, where: str) -> None:
        in_header = bool(self.where_prefix)
        self.changes.append(Change(kind, author, date, text, -1 if in_header else index, self.where_prefix + where))

    def warn(self, text: str, where: str, level: str = "warning") -> None:
        self.messages.append(Message(level, text, self.where_prefix + where))

    def here(self, where: str) -> str:
        """`where` as messages print it (with the header part's prefix)."""
        return self.where_prefix + where

    def unknown(self, name: str, where: str) -> None:
        """An element the reader does not handle: reported once per document."""
        if name not in self._seen_unknown:
            self._seen_unknown.add(name)
            self.warn(f"gặp phần tử Word chưa hỗ trợ (w:{name}); nội dung của nó có thể không được đọc", where)

    def unknown_style(self, style_id: str, where: str) -> None:
        key = "style:" + style_id
        if key not in self._seen_unknown:
            self._seen_unknown.add(key)
            self.warn(f"kiểu đoạn “{style_id}” không có trong styles.xml; dùng kiểu mặc định", where, "info")

    def next_paragraph(self) -> int:
        """The next paragraph's index, among all paragraphs of the walk."""
        index = self.para_index
        self.para_index += 1
        if self.para_index > self.max_paragraphs:
            raise WordFileError(f"{self.source}: văn bản có quá nhiều đoạn (hơn {self.max_paragraphs}); tệp bất "
                                "thường nên không được đọc hết")
        return index
