"""The body walk: the blocks of a body, a table cell or a header part, each handed to the reader of its
part — paragraphs.py (and runs.py inside them), tables.py, anchors.py (bookmarks, comment ranges,
content controls); section properties are gathered for sections.py. Input is parsed XML (from
package.py); output is the neutral tree of model.py plus Messages for what was seen but not
represented. No I/O here."""
from __future__ import annotations

from generator.word.anchors import Anchors, bookmark_name, sdt_tag
from generator.word.comments import CommentBody
from generator.word.model import Change, Comment, Message, Note
from generator.word.numbering import Numberer
from generator.word.paragraphs import Paragraphs
from generator.word.runs import Inline
from generator.word.styles import Styles
from generator.word.tables import Tables
from generator.word.walk import Walk
from generator.word.xml import MC_NS, W_NS, attr, child, choose_alternate, split_tag

_SKIPPED_BLOCKS = {"bookmarkEnd", "proofErr", "permStart", "permEnd", "tblPr", "tblGrid", "sdtPr", "tcPr", "sdtEndPr",
                   "moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd"}


class Walker:
    def __init__(self, styles: Styles, numberer: Numberer, comments: dict[str, CommentBody],
                 footnotes: dict | None = None, endnotes: dict | None = None, where_prefix: str = "",
                 max_paragraphs: int = 200_000, source: str = ""):
        self.walk = Walk(styles, numberer, where_prefix, max_paragraphs, source)
        self.anchors = Anchors()
        self.comment_bodies = comments
        self.paragraphs = Paragraphs(self.walk, self.anchors, Inline(self.walk, self.anchors, footnotes, endnotes))
        self.tables = Tables(self.walk, self.anchors, self._blocks)

    @property
    def messages(self) -> list[Message]:
        return self.walk.messages

    @property
    def changes(self) -> list[Change]:
        return self.walk.changes

    @property
    def notes(self) -> list[Note]:
        return self.walk.notes

    @property
    def raw_sections(self) -> list:
        """The w:sectPr elements, in document order (the body's own one last)."""
        return self.walk.raw_sections

    def body(self, body) -> list:
        blocks: list = []
        self._blocks(body, blocks, cell_where=None)
        return blocks

    def comments(self) -> list[Comment]:
        return self.anchors.comments(self.comment_bodies)

    def _blocks(self, container, sink: list, cell_where: str | None) -> None:
        walk, anchors = self.walk, self.anchors
        for node in container:
            space, name = split_tag(node.tag)  # (each .tag of an lxml element is a new string)
            if space == MC_NS and name == "AlternateContent":
                chosen = choose_alternate(node)
                if chosen is not None:
                    self._blocks(chosen, sink, cell_where)
                continue
            if space != W_NS:
                continue
            if name == "p":
                sink.extend(self.paragraphs.read(node, cell_where))
            elif name == "tbl":
                if cell_where is None:
                    sink.append(self.tables.read(node))
                else:
                    walk.warn("bảng lồng trong ô bảng: các đoạn của nó được đưa vào ô chứa nó", cell_where)
                    nested = self.tables.read(node, nested=True, outer_where=cell_where)
                    sink.extend(nested.paragraphs())
            elif name in _SKIPPED_BLOCKS:  # (asked before the rarer names: a cell's tcPr, a table's tblPr)
                continue
            elif name == "sdt":
                tag = sdt_tag(node)
                if tag:
                    anchors.tags.append(tag)
                content = child(node, "sdtContent")
                if content is not None:
                    self._blocks(content, sink, cell_where)
                if tag:
                    anchors.tags.pop()
            elif name in ("customXml", "ins", "del", "moveTo", "moveFrom", "smartTag"):
                self._blocks(node, sink, cell_where)
            elif name == "bookmarkStart":
                bm = bookmark_name(node)
                if bm:
                    anchors.pending_bookmarks.append(bm)
            elif name == "commentRangeStart":
                anchors.open_comment(attr(node, "id"))
            elif name == "commentRangeEnd":
                anchors.close_comment(attr(node, "id"))
            elif name == "sectPr":
                if cell_where is None:
                    walk.raw_sections.append(node)
            elif name == "altChunk":
                walk.warn("có nội dung nhúng (altChunk) từ tệp khác; không đọc được phần này",
                          cell_where or f"sau đoạn {walk.para_index}")
            else:
                walk.unknown(name, cell_where or f"sau đoạn {walk.para_index}")
