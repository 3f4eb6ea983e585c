"""A letter's addressee (ô 9a): the "Kính gửi:" line under the trích yếu and the recipients under it, or a Công
điện's address line. Finding, not judging: nothing here reports (`locate._letter_parts` takes them out of the body)."""
from __future__ import annotations

import re

from generator.core.text import ascii_key
from generator.nd30.check.base import Checker
from generator.word.model import Paragraph

# a Công điện's address line, its sender in capitals ("CHỦ TỊCH UỶ BAN NHÂN DÂN TỈNH điện:", Mẫu 1.8 PL III),
# the recipients under it: its "Kính gửi"
_WIRED_TO = re.compile(r"^(?P<sender>\w[^:;.]{3,120}?)\s+điện\s*:$")
KINH_GUI = re.compile(r"^Kính\s+g[ửở]i\b", re.IGNORECASE)  # "Kính gởi": the southern spelling (FR6-TB02)


def opens_address(p: Paragraph) -> bool:
    """"Kính gửi: …" (typed without marks too), or a Công điện's "<SENDER> điện:"."""
    return bool(KINH_GUI.match(p.text.strip())) or _wired_to(p.text) \
        or ascii_key(p.text).startswith(("kinh gui", "kinh goi"))


def address_at(ck: Checker, k: int) -> int | None:
    """The order position of the line opening the addressee at `k`, past blank lines and a centred headline in
    capitals over it (a Phiếu chuyển's "PHIẾU CHUYỂN ĐƠN KIẾN NGHỊ, PHẢN ÁNH" over its centred "Kính gửi:",
    FR22-PC01, in a file read as a letter), with a centred line in brackets under it (FR23-GGT01); None when none
    opens within five lines with text (blank lines between them not counted: FR25-DX01's approval box, its "(đã
    duyệt)" and an "ĐỀ XUẤT" headline, each under an empty line)."""
    left = 5
    while k < len(ck.paras) and left:
        p = ck.paras[k]
        text = p.text.strip()
        if text and opens_address(p):
            return k
        if text and not (p.alignment == "center" and (text == text.upper() or _bracketed(text))):
            return None
        left -= 1 if text else 0
        k += 1
    return None


def _bracketed(text: str) -> bool:
    """A headline's line in brackets ("(Có giá trị đến ngày … tháng 6 năm 2021)" under a Giấy giới thiệu's title,
    FR23-GGT01, over its centred "Kính gửi: …")."""
    return text.startswith("(") and text.endswith(")")


def bulleted(p: Paragraph) -> bool:
    """A line of a bulleted Word list ("-", "+", "•" drawn by the list, not typed: FR11-GDN01's recipients)."""
    return p.list_label is not None and p.list_label.strip() in ("-", "+", "•", "–", "◦", "▪")


def set_under_address(p: Paragraph) -> bool:
    """A line set far in (25 mm or more: under the words after "Kính gửi:", FR12-CV01's "${KG};"): an addressee."""
    return (p.indent_left_pt or 0) + (p.indent_first_line_pt or 0) >= 72


def _wired_to(text: str) -> bool:
    m = _WIRED_TO.match(" ".join(text.split()))
    return m is not None and m["sender"] == m["sender"].upper()
