"""comments.xml (+ commentsExtended.xml for replies and "done"). Anchors (commentRangeStart/End,
commentReference) live in the body and are resolved by the document walk."""
from __future__ import annotations

from dataclasses import dataclass

from generator.word.xml import W14_NS, W15_NS, attr, local, w


@dataclass(frozen=True)
class CommentBody:
    id: str
    author: str | None
    date: str | None
    initials: str | None
    text: str
    parent_id: str | None = None
    done: bool = False


def _plain_text(paragraph) -> str:
    parts = []
    for node in paragraph.iter():
        name = local(node.tag)
        if name in ("t", "delText") and node.text and name == "t":
            parts.append(node.text)
        elif name == "tab" and node.getparent() is not None and local(node.getparent().tag) == "r":
            parts.append("\t")
        elif name in ("br", "cr"):
            parts.append("\n")
    return "".join(parts)


def read_comments(root, extended=None) -> dict[str, CommentBody]:
    if root is None:
        return {}
    ext: dict[str, tuple[str | None, bool]] = {}
    if extended is not None:
        for node in extended.iter(f"{{{W15_NS}}}commentEx"):
            para = node.get(f"{{{W15_NS}}}paraId")
            if para:
                ext[para] = (node.get(f"{{{W15_NS}}}paraIdParent"),
                             node.get(f"{{{W15_NS}}}done") in ("1", "true"))
    raw, para_to_id = {}, {}
    for node in root.iter(w("comment")):
        cid = attr(node, "id")
        if cid is None:
            continue
        paragraphs = list(node.iter(w("p")))
        text = "\n".join(_plain_text(p) for p in paragraphs)
        last_para = paragraphs[-1].get(f"{{{W14_NS}}}paraId") if paragraphs else None
        if last_para:
            para_to_id[last_para] = cid
        raw[cid] = (attr(node, "author"), attr(node, "date"), attr(node, "initials"), text, last_para)
    out = {}
    for cid, (author, date, initials, text, last_para) in raw.items():
        parent_para, done = ext.get(last_para or "", (None, False))
        out[cid] = CommentBody(cid, author, date, initials, text, para_to_id.get(parent_para or ""), done)
    return out
