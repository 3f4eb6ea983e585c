"""Edits of a .docx written the way Microsoft Word writes them (for the review round trip tests):
a comment (comments.xml, commentRangeStart/End, commentReference) and a tracked replacement
(w:del with w:delText, then w:ins), each with author and date."""
from __future__ import annotations

import copy
import zipfile
from pathlib import Path

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
COMMENTS_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
COMMENTS_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"


def _el(tag: str, attrs: dict | None = None, text: str | None = None):
    node = etree.Element(W + tag)
    for k, v in (attrs or {}).items():
        node.set(W + k, v)
    if text is not None:
        node.text = text
        node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return node


def _paragraph_with(root, find: str):
    for p in root.iter(W + "p"):
        if find in "".join(t.text or "" for t in p.iter(W + "t")):
            return p
    raise AssertionError(f"no paragraph holds {find!r}")


def _rewrite(src: Path, dst: Path, change) -> None:
    with zipfile.ZipFile(src) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    change(parts)
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def add_comment(src: Path, dst: Path, find: str, text: str, author: str, date: str = "2026-11-29T08:00:00Z") -> None:
    def change(parts):
        root = etree.fromstring(parts["word/document.xml"])
        p = _paragraph_with(root, find)
        runs = p.findall(W + "r")
        cid = "0"
        runs[0].addprevious(_el("commentRangeStart", {"id": cid}))
        runs[-1].addnext(_el("commentRangeEnd", {"id": cid}))
        ref = _el("r")
        ref.append(_el("commentReference", {"id": cid}))
        p.find(W + "commentRangeEnd").addnext(ref)
        parts["word/document.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        comments = _el("comments")
        comment = _el("comment", {"id": cid, "author": author, "date": date, "initials": "".join(
            w[0] for w in author.split())})
        cp = _el("p")
        cr = _el("r")
        cr.append(_el("t", text=text))
        cp.append(cr)
        comment.append(cp)
        comments.append(comment)
        parts["word/comments.xml"] = etree.tostring(comments, xml_declaration=True, encoding="UTF-8",
                                                    standalone=True)
        rels = etree.fromstring(parts["word/_rels/document.xml.rels"])
        rel = etree.SubElement(rels, f"{{{REL_NS}}}Relationship")
        rel.set("Id", "rIdKehoachComments")
        rel.set("Type", COMMENTS_TYPE)
        rel.set("Target", "comments.xml")
        parts["word/_rels/document.xml.rels"] = etree.tostring(rels, xml_declaration=True, encoding="UTF-8",
                                                               standalone=True)
        types = etree.fromstring(parts["[Content_Types].xml"])
        ns = types.nsmap[None]
        override = etree.SubElement(types, f"{{{ns}}}Override")
        override.set("PartName", "/word/comments.xml")
        override.set("ContentType", COMMENTS_CT)
        parts["[Content_Types].xml"] = etree.tostring(types, xml_declaration=True, encoding="UTF-8",
                                                      standalone=True)

    _rewrite(src, dst, change)


def tracked_replace(src: Path, dst: Path, find: str, new: str, author: str,
                    date: str = "2026-11-29T08:30:00Z") -> None:
    """Replace `find` (inside one run) by `new` as a tracked change."""
    def change(parts):
        root = etree.fromstring(parts["word/document.xml"])
        p = _paragraph_with(root, find)
        for r in p.findall(W + "r"):
            t = r.find(W + "t")
            if t is None or find not in (t.text or ""):
                continue
            before, _, after = t.text.partition(find)
            pieces = []
            if before:
                pieces.append(_run_like(r, before))
            deleted = _el("del", {"id": "901", "author": author, "date": date})
            dr = _run_like(r, None)
            dr.append(_el("delText", text=find))
            deleted.append(dr)
            inserted = _el("ins", {"id": "902", "author": author, "date": date})
            inserted.append(_run_like(r, new))
            pieces += [deleted, inserted]
            if after:
                pieces.append(_run_like(r, after))
            for piece in pieces:
                r.addprevious(piece)
            r.getparent().remove(r)
            break
        else:
            raise AssertionError(f"{find!r} is not inside one run")
        parts["word/document.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    _rewrite(src, dst, change)


def _run_like(run, text: str | None):
    out = _el("r")
    props = run.find(W + "rPr")
    if props is not None:
        out.append(copy.deepcopy(props))
    if text is not None:
        out.append(_el("t", text=text))
    return out


def replace_text(src: Path, dst: Path, find: str, new: str, nth: int = 1) -> None:
    """Replace `find` (inside one w:t; the `nth` such w:t) by `new`, untracked, as typing over it does."""
    def change(parts):
        root = etree.fromstring(parts["word/document.xml"])
        seen = 0
        for t in root.iter(W + "t"):
            if find in (t.text or ""):
                seen += 1
                if seen < nth:
                    continue
                t.text = t.text.replace(find, new, 1)
                break
        else:
            raise AssertionError(f"{find!r} is not inside one w:t")
        parts["word/document.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    _rewrite(src, dst, change)


def retype_paragraph(src: Path, dst: Path, find: str, new: str) -> None:
    """The paragraph holding `find` typed again with `new` wording: its text replaced and its bookmarks
    gone with the old text (as Word does when the whole text of a bookmark is deleted)."""
    def change(parts):
        root = etree.fromstring(parts["word/document.xml"])
        p = _paragraph_with(root, find)
        ts = [t for t in p.iter(W + "t")]
        for i, t in enumerate(ts):
            t.text = t.text.replace(find, new) if find in (t.text or "") else t.text
        for b in list(p.iter(W + "bookmarkStart", W + "bookmarkEnd")):
            b.getparent().remove(b)
        parts["word/document.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    _rewrite(src, dst, change)


def insert_paragraphs_after(src: Path, dst: Path, find: str, texts: list[str]) -> None:
    """New paragraphs (plain runs) typed after the paragraph holding `find`, in this order."""
    def change(parts):
        root = etree.fromstring(parts["word/document.xml"])
        anchor = _paragraph_with(root, find)
        for text in texts:
            p = copy.deepcopy(anchor)
            for child in list(p):
                if child.tag != W + "pPr":
                    p.remove(child)
            r = _el("r")
            r.append(_el("t", text=text))
            p.append(r)
            anchor.addnext(p)
            anchor = p
        parts["word/document.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    _rewrite(src, dst, change)


def tracked_delete_row(src: Path, dst: Path, find: str, author: str, date: str = "2026-11-29T09:00:00Z") -> None:
    """The table row holding `find` deleted with changes tracked, as Word writes it: the row marked
    deleted (w:trPr/w:del) and every run of it in a w:del with w:delText."""
    def change(parts):
        root = etree.fromstring(parts["word/document.xml"])
        row = next(tr for tr in root.iter(W + "tr") if find in "".join(t.text or "" for t in tr.iter(W + "t")))
        props = row.find(W + "trPr")
        if props is None:
            props = _el("trPr")
            row.insert(0 if row.find(W + "tblPrEx") is None else 1, props)
        props.append(_el("del", {"id": "911", "author": author, "date": date}))
        for n, r in enumerate(list(row.iter(W + "r"))):
            for t in r.findall(W + "t"):
                t.tag = W + "delText"
            wrapper = _el("del", {"id": str(920 + n), "author": author, "date": date})
            r.addprevious(wrapper)
            wrapper.append(r)
        parts["word/document.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    _rewrite(src, dst, change)
