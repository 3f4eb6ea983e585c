"""Whether a .docx can be a build of the plan at all, decided before the Word reader's full work (which
costs a few tenths of a millisecond per paragraph): one pass over the main part's XML, counting the
plan's body paragraphs found there by their source tag (bookmark) or by their text. Generous on
purpose (a tag or the text, accepted or original, is enough), so it refuses only what the full
matching would refuse too."""
from __future__ import annotations

from generator.core.errors import KehoachError, located
from generator.core.text import squash
from generator.word.package import open_package

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _texts(p) -> tuple[str, str]:
    """(accepted, original) text of a w:p: tracked insertions in the first, deletions in the second."""
    accepted, original = [], []
    for el in p.iter(W + "t", W + "delText", W + "tab", W + "br", W + "cr"):
        tag = el.tag[len(W):]
        piece = el.text or "" if tag in ("t", "delText") else " " if tag == "tab" else "\n"
        inserted = any(a.tag == W + "ins" for a in el.iterancestors(W + "ins", W + "p"))
        if tag != "delText":
            accepted.append(piece)
        if not inserted:
            original.append(piece)
    return "".join(accepted), "".join(original)


def known_paragraphs(docx_path, units) -> tuple[int, int]:
    """(found, total) of the plan's body paragraphs in the document."""
    body = [u for u in units if u.where[0] == "body"]
    if not body:
        return 0, 0
    with open_package(docx_path) as pkg:
        root = pkg.xml(pkg.main_part)
    if root is None:
        return 0, len(body)
    names: set[str] = set()
    texts: set[str] = set()
    for el in root.iter(W + "bookmarkStart", W + "p"):
        if el.tag == W + "bookmarkStart":
            names.add(el.get(W + "name") or "")
        else:
            texts.update(squash(t) for t in _texts(el))
    found = sum(1 for u in body if (u.tag is not None and u.tag.name in names) or squash(u.text) in texts)
    return found, len(body)


def another_document(docx_display: str, plan_display: str, found: int, total: int) -> KehoachError:
    return KehoachError(located(
        docx_display, 0, 0, "",
        f"tệp Word này không phải văn bản kehoach tạo từ {plan_display} (chỉ nhận ra {found}/{total} đoạn của kế "
        f"hoạch); không sửa gì. Hãy dùng đúng tệp đã build từ kế hoạch này (để nhập một văn bản Word mới: "
        f"kehoach import TỆP_WORD)"))
