"""A scan: a Word file that holds only pictures of its pages, no text (FR22-CV01, FR22-BC01: a Công văn and a Báo
cáo scanned and pasted into .doc files, one picture a page). `check` cannot read a word of it, so it says so plainly
and judges nothing; it is not "a document with no number and no type line (a speech, a form …)", which it said
before: its pages do carry a number and a type, as pictures."""
from __future__ import annotations

from generator.nd30.doctypes import Identified
from generator.word.model import Document

# a picture of a page: at least this wide or tall (a logo, a signature or a stamp is far smaller)
PAGE_PICTURE_PT = 283.0  # 100 mm
# letters the file may hold besides its pictures (a page number typed under each, a stray caption) and still be a scan
STRAY_LETTERS = 40


def scanned(doc: Document) -> Identified | None:
    """The file as a scan (not governed, with the sentence saying why) when its paragraphs hold next to no letters
    and it holds at least one picture the size of a page's text; None otherwise."""
    letters = pictures = 0
    for p in doc.paragraphs():
        letters += sum(c.isalpha() for c in p.text)
        if letters > STRAY_LETTERS:
            return None
        pictures += sum(1 for d in p.drawings if d.kind == "image" and max(d.width_pt or 0, d.height_pt or 0)
                        >= PAGE_PICTURE_PT)
    if not pictures:
        return None
    return Identified(None, "", governed=False,
                      why=f"bản chụp (scan): tệp chỉ chứa hình ảnh các trang ({pictures} hình), không có chữ nên không "
                          "đọc được nội dung để kiểm tra; hãy kiểm tra tệp Word gốc có chữ, hoặc nhận dạng chữ (OCR) "
                          "rồi kiểm tra tệp đó")
