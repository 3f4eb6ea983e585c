"""Whether a .docx can be a build of the plan at all, decided before the Word reader's full work (which
costs a few tenths of a millisecond per paragraph): one pass over the main part's XML, counting the
plan's body paragraphs found there by their source tag (bookmark) or by their text. Generous on
purpose (a tag or the text, accepted or original, is enough), so it refuses only what the full
matching would refuse too."""
from __future__ import annotations

import unicodedata

from generator.core.errors import KehoachError, located
from generator.word.package import open_package

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _key(text: str) -> str:
    """Text without any white space, composed (NFC): a tab, a line break or a decomposed letter read
    differently never hides a match."""
    return unicodedata.normalize("NFC", "".join(text.split()))


def _original(p) -> str:
    """The text before tracked changes: deletions kept, insertions left out."""
    out = []
    for el in p.iter(W + "t", W + "delText"):
        if el.tag == W + "delText" or not any(True for _ in el.iterancestors(W + "ins")):
            out.append(el.text or "")
    return "".join(out)


def known_paragraphs(docx_path, units) -> tuple[int, int]:
    """(found, total) of the plan's body paragraphs in the document."""
    body = [u for u in units if u.where[0] == "body"]
    if not body:
        return 0, 0
    with open_package(docx_path) as pkg:
        root = pkg.xml(pkg.main_part)
    if root is None:
        return 0, len(body)
    names = {b.get(W + "name") for b in root.iter(W + "bookmarkStart")}
    wanted = {_key(u.text) for u in body if u.tag is None or u.tag.name not in names}
    texts: set[str] = set()
    if wanted:
        for p in root.iter(W + "p"):
            texts.add(_key("".join(p.itertext(W + "t"))))  # accepted
        tracked = {id(p): p for mark in root.iter(W + "ins", W + "delText")
                   for p in mark.iterancestors(W + "p")}
        texts.update(_key(_original(p)) for p in tracked.values())
    found = sum(1 for u in body if (u.tag is not None and u.tag.name in names) or _key(u.text) in texts)
    return found, len(body)


def another_document(docx_display: str, plan_display: str, found: int, total: int) -> KehoachError:
    return KehoachError(located(
        docx_display, 0, 0, "",
        f"tệp Word này không phải văn bản kehoach tạo từ {plan_display} (chỉ nhận ra {found}/{total} đoạn của kế "
        f"hoạch); không sửa gì. Hãy dùng đúng tệp đã build từ kế hoạch này (để nhập một văn bản Word mới: "
        f"kehoach import TỆP_WORD)"))
