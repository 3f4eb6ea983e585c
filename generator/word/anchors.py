"""What marks a place in the body rather than holding content: bookmarks (w:bookmarkStart), content
controls (w:sdt tags) and comment anchors (commentRangeStart/End, commentReference). The comments'
own text is in comments.xml (comments.py); here it is tied to the paragraphs and text it covers."""
from __future__ import annotations

from generator.word.comments import CommentBody
from generator.word.model import Comment
from generator.word.xml import attr, child, val


def bookmark_name(node) -> str | None:
    """A w:bookmarkStart's name; Word's own "_GoBack" (last edit position) is no bookmark of the drafter."""
    name = attr(node, "name")
    return name if name and not name.startswith("_GoBack") else None


def sdt_tag(sdt) -> str | None:
    pr = child(sdt, "sdtPr")
    if pr is None:
        return None
    return val(pr, "tag") or val(pr, "alias")


def dedupe(items: list[str]) -> list[str]:
    seen, out = set(), []
    for item in items:
        if item not in seen:
            seen.add(item)
            out.append(item)
    return out


class Anchors:
    """The anchors open at the current point of a walk. A paragraph being read (`para`) is any object
    with `index` and `comment_ids` (runs.ParaState)."""

    def __init__(self):
        self.tags: list[str] = []  # tags of the block-level content controls around the current block
        self.pending_bookmarks: list[str] = []  # started between blocks: they belong to the next paragraph
        self._open: dict[str, dict] = {}
        self._anchors: dict[str, dict] = {}

    def open_comment(self, cid: str | None, para=None) -> None:
        if cid is None:
            return
        anchor = self._anchors.setdefault(cid, {"paras": [], "text": []})
        self._open[cid] = anchor
        self._attach(cid, anchor, para)

    def close_comment(self, cid: str | None) -> None:
        if cid is not None:
            self._open.pop(cid, None)

    def reference_comment(self, cid: str | None, para) -> None:
        if cid is None:
            return
        self._attach(cid, self._anchors.setdefault(cid, {"paras": [], "text": []}), para)

    @staticmethod
    def _attach(cid: str, anchor: dict, para) -> None:
        if para is not None:
            if para.index not in anchor["paras"]:
                anchor["paras"].append(para.index)
            if cid not in para.comment_ids:
                para.comment_ids.append(cid)

    def enter_paragraph(self, para) -> None:
        """A paragraph starts: it takes the bookmarks started before it, and the open comments cover it."""
        if self.pending_bookmarks:
            para.bookmarks.extend(self.pending_bookmarks)
            self.pending_bookmarks.clear()
        for cid, anchor in self._open.items():
            if anchor["paras"] and anchor["text"]:
                anchor["text"].append("\n")
            anchor["paras"].append(para.index)
            para.comment_ids.append(cid)

    def covered_text(self, text: str) -> None:
        """Text read (not deleted) while comments are open is their anchor text."""
        for anchor in self._open.values():
            anchor["text"].append(text)

    @property
    def any_open(self) -> bool:
        return bool(self._open)

    def comments(self, bodies: dict[str, CommentBody]) -> list[Comment]:
        out = []
        for cid, body in bodies.items():
            anchor = self._anchors.get(cid, {"paras": [], "text": []})
            out.append(Comment(cid, body.author, body.date, body.text, list(anchor["paras"]),
                               "".join(anchor["text"]).strip("\n"), body.initials, body.parent_id, body.done))
        return out
