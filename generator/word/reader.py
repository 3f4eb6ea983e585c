"""read_docx: any .docx → the neutral tree + messages. Raises WordFileError only for files that are
broken or hostile; content it does not understand becomes a Message, never an exception."""
from __future__ import annotations

import os
import re

from generator.core.errors import WordFileError
from generator.core.units import twips_to_pt
from generator.word.comments import _plain_text, read_comments
from generator.word import memo
from generator.word.document import Walker
from generator.word.model import Document, Message, Result
from generator.word.numbering import Numberer, read_numbering
from generator.word.package import MAX_PARAGRAPHS, Package, open_package
from generator.word.sections import HeaderParts, read_sections
from generator.word.styles import read_styles
from generator.word.xml import attr, child, local, on_off, twips, val, w

_CORE_NAMES = {"title", "subject", "creator", "keywords", "description", "lastModifiedBy", "revision",
               "created", "modified", "category", "language"}


def read_docx(path: str | os.PathLike, *, max_paragraphs: int = MAX_PARAGRAPHS, **limits) -> Result:
    """Result.value is a model.Document; Result.messages lists what could not be represented.
    `limits` are open_package's (max_bytes, max_entries, max_part_bytes, max_total_bytes, max_xml_bytes,
    max_nodes, max_runs, max_chars); `max_paragraphs` counts the paragraphs of every part together."""
    with open_package(path, max_paragraphs=max_paragraphs, **limits) as pkg:
        return read_package(pkg)


def read_package(pkg: Package, *, max_paragraphs: int | None = None) -> Result:
    """The document of an opened package. Every part the walk will read is parsed first, so the package's
    budget (package.Budget) refuses an oversized file before any work is done on it; running out of memory
    anyway is reported as that, never as a damaged file or a failed write."""
    limit = max_paragraphs or pkg.budget.paragraphs
    start = memo.head(pkg, limit)
    kept = memo.recall(pkg, start)
    if kept is not None:
        return kept
    pkg.trace = []
    try:
        result = _read_package(pkg, limit)
        if pkg.trace is not None:
            memo.remember(pkg, start, pkg.trace, result)
        return Result(result.value, list(result.messages))
    except MemoryError:
        raise WordFileError(f"{pkg.path}: không đủ bộ nhớ để đọc tệp (giới hạn của kehoach: "
                            f"{pkg.budget.paragraphs:,} đoạn văn, {pkg.budget.runs:,} đoạn chữ, "
                            f"{pkg.budget.xml_bytes // (1024 * 1024)} MB XML); hãy đóng bớt chương trình khác "
                            "hoặc tách tệp".replace(",", ".")) from None
    finally:
        pkg.trace = None


def _parse_all(pkg: Package, main: str) -> None:
    """Parse, within the budget, every part the reader walks (headers and footers included), before walking."""
    for kind in ("styles", "numbering", "comments", "commentsExtended", "footnotes", "endnotes", "header", "footer"):
        for rel in pkg.related(main, kind):
            pkg.xml(rel.target)


def _read_package(pkg: Package, max_paragraphs: int) -> Result:
    main = pkg.main_part
    root = pkg.xml(main)
    if root is not None and root.tag.startswith("{http://purl.oclc.org/ooxml/"):
        raise WordFileError(f"{pkg.path}: tệp lưu theo định dạng “Strict Open XML” chưa được hỗ trợ; hãy mở bằng "
                            "Word và lưu lại với kiểu “Word Document (*.docx)”")
    if root is None or root.find(w("body")) is None:
        raise WordFileError(f"{pkg.path}: {main} không có phần thân văn bản (w:body); tệp bị hỏng hoặc "
                            "không phải văn bản Word")
    _parse_all(pkg, main)
    theme = pkg.related_xml(main, "theme")
    styles = read_styles(pkg.related_xml(main, "styles"), theme)
    defs = read_numbering(pkg.related_xml(main, "numbering"))
    extended = pkg.related_xml(main, "commentsExtended")
    comment_bodies = read_comments(pkg.related_xml(main, "comments"), extended)
    footnotes = _notes(pkg.related_xml(main, "footnotes"), "footnote")
    endnotes = _notes(pkg.related_xml(main, "endnotes"), "endnote")

    numberer = Numberer(defs, styles)
    walker = Walker(styles, numberer, comment_bodies, footnotes=footnotes, endnotes=endnotes,
                    max_paragraphs=max_paragraphs, source=str(pkg.path))
    blocks = walker.body(root.find(w("body")))
    headers = HeaderParts(pkg, main, styles, defs, max_paragraphs)
    sections = read_sections(walker.raw_sections, headers)
    messages: list[Message] = walker.messages + headers.messages  # the body's first, then the headers'
    if numberer.unknown_formats:
        messages.append(Message("info", "kiểu đánh số chưa hỗ trợ (" + ", ".join(sorted(
            numberer.unknown_formats)) + "), đọc thành số thường", ""))
    walker.changes.extend(headers.changes)
    document = Document(blocks=blocks, sections=sections, comments=walker.comments(), changes=walker.changes,
                        core=_core(pkg), notes=walker.notes, settings=_settings(pkg.related_xml(main, "settings")),
                        saved_pages=_count_if_sound(pkg))
    return Result(document, messages)


def _notes(root, kind: str) -> dict[str, str]:
    out: dict[str, str] = {}
    if root is None:
        return out
    for node in root.iter(w(kind)):
        if attr(node, "type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        nid = attr(node, "id")
        if nid is not None:
            out[nid] = "\n".join(_plain_text(p) for p in node.iter(w("p"))).strip()
    return out


def _settings(root) -> dict[str, object]:
    out: dict[str, object] = {"even_and_odd_headers": False, "track_revisions": False, "update_fields": False,
                              "spacing_added": False}
    if root is None:
        return out
    for key, tag in (("even_and_odd_headers", "evenAndOddHeaders"), ("track_revisions", "trackRevisions"),
                     ("update_fields", "updateFields")):
        node = child(root, tag)
        out[key] = node is not None and on_off(node)
    # without "Don't use HTML paragraph auto spacing" the gap between two paragraphs is the larger of the first's
    # space after and the second's space before, as in HTML; with it, their sum (LibreOffice lays Word files out
    # so: FR8-CV02 prints its 6 pt before / 12 pt after paragraphs 12 pt apart)
    node = child(child(root, "compat"), "doNotUseHTMLParagraphAutoSpacing")
    out["spacing_added"] = node is not None and on_off(node)
    tab = twips(val(root, "defaultTabStop"))
    if tab is not None:
        out["default_tab_stop_pt"] = round(twips_to_pt(tab), 2)
    return out


def _core(pkg: Package) -> dict[str, str]:
    root = pkg.xml("docProps/core.xml")
    out: dict[str, str] = {}
    if root is None:
        return out
    for node in root:
        name = local(node.tag)
        if name in _CORE_NAMES and node.text and node.text.strip():
            out[name] = node.text.strip()
    return out


def saved_pages(pkg: Package) -> int | None:
    """The page count the file's editor saved (docProps/app.xml `<Pages>`), or None: none saved, or "1 page, 0 words",
    a template's count kept by a program that does not paginate (python-docx). Searched, not parsed: a damaged
    docProps part never stops the reading; within the package's budget like any part."""
    text = pkg.xml_text("docProps/app.xml")
    if text is None:
        return None
    found = {tag: re.search(rf"<(?:\w+:)?{tag}>\s*(\d+)\s*</(?:\w+:)?{tag}>", text) for tag in ("Pages", "Words")}
    pages, words = (int(m.group(1)) if m else 0 for m in found.values())
    return pages if pages and words else None


def _count_if_sound(pkg: Package) -> int | None:
    """The reading's count: a docProps part over what is left of the budget, or a compression bomb, leaves the document
    read without it (the importer, which reports the count, refuses such a file: tests/word/test_bounds.py)."""
    try:
        return saved_pages(pkg)
    except WordFileError:
        pkg.trace = None  # a look that failed is no answer to compare: this reading is not kept (memo.py)
        return None
