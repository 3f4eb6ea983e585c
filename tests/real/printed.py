"""What measure_fix.py cannot see in the words of the pages: what prints. The original and the fixed PDF are
rendered in grey at 72 dpi (one pixel a point, so pdftotext's boxes index the image) and compared:

- hidden: a word that prints whole in the original (ink at both ends of its box) and not in the fixed file
  (no ink at one end): cut at a text box's edge, covered by another box, pushed off the paper (FR11-CTR01's
  "… THỰC PHẨ");
- rules: a typed rule ("-------", "______") the fix replaced must print as a drawn line about as long
  (half its length at least) where it was; a border squeezed to nothing leaves none (FR11-CTR01);
- margins: the ink of a page must not come nearer the paper's left or right edge than it was and than ND30's
  smallest margin there (a fix that moves the margins and leaves a fixed-width table where it was: FR11-GDN01,
  9 mm from the edge before, 5.5 after).
"""
from __future__ import annotations

import collections
import re
import subprocess
from html import unescape
from pathlib import Path

DPI = 72  # one pixel per point
INK = 160  # a grey level darker than this is ink
MM = 72 / 25.4
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')
TYPED_RULE = re.compile(r"^[-_–—.]{5,}$")


_MASK = bytes(1 if v < INK else 0 for v in range(256))


class Page:
    """A rendered page as a mask of ink (one byte a pixel: 1 ink, 0 paper)."""

    def __init__(self, width: int, height: int, pixels: bytes):
        self.width, self.height = width, height
        self.mask = pixels.translate(_MASK)

    def _row(self, y: int, x0: int, x1: int) -> bytes:
        if not 0 <= y < self.height:
            return b""
        x0, x1 = max(0, x0), min(self.width - 1, x1)
        return self.mask[y * self.width + x0: y * self.width + x1 + 1]

    def inked(self, x0: float, y0: float, x1: float, y1: float) -> bool:
        """Any ink in the box (points)."""
        return any(1 in self._row(y, int(x0), int(x1)) for y in range(int(y0), int(y1) + 1))

    def ink_columns(self) -> tuple[int, int] | None:
        """The leftmost and rightmost column holding ink."""
        lo, hi = self.width, -1
        for y in range(self.height):
            row = self._row(y, 0, self.width - 1)
            first = row.find(1)
            if first >= 0:
                lo, hi = min(lo, first), max(hi, row.rfind(1))
        return (lo, hi) if hi >= 0 else None

    def line_near(self, x0: float, x1: float, y: float, reach: float = 12.0) -> float:
        """The longest run of ink along one row within `reach` points of `y`, under [x0 - 20 %, x1 + 20 %]."""
        pad = (x1 - x0) * 0.2
        return float(max((len(run) for row in range(int(y - reach), int(y + reach) + 1)
                          for run in self._row(row, int(x0 - pad), int(x1 + pad)).split(b"\x00")), default=0))


def images(pdf: Path, work: Path) -> list[Page]:
    stem = work / (pdf.stem + "-ink")
    subprocess.run(["pdftoppm", "-r", str(DPI), "-gray", str(pdf), str(stem)], capture_output=True, check=True,
                   timeout=300)
    out = []
    for f in sorted(work.glob(stem.name + "-*.pgm"), key=lambda f: int(f.stem.rsplit("-", 1)[1])):
        data = f.read_bytes()
        # P5 header: magic, width, height, maxval, then one byte per pixel
        parts = data.split(maxsplit=4)
        width, height = int(parts[1]), int(parts[2])
        out.append(Page(width, height, parts[4][-width * height:]))
    return out


def words(pdf: Path) -> list[list[tuple[str, float, float, float, float]]]:
    """Each page's words with their boxes (points)."""
    text = subprocess.run(["pdftotext", "-bbox", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                          check=True, timeout=300).stdout.decode("utf-8")
    pages = []
    for chunk in text.split("<page ")[1:]:
        pages.append([(unescape(m[5]), float(m[1]), float(m[2]), float(m[3]), float(m[4]))
                      for m in _WORD.finditer(chunk)])
    return pages


def _whole(page: Page, box) -> bool:
    """Ink at both ends of a word's box (its first and last fifth)."""
    _, x0, y0, x1, y1 = box
    edge = max(1.0, (x1 - x0) / 5)
    return page.inked(x0, y0, x0 + edge, y1) and page.inked(x1 - edge, y0, x1, y1)


def hidden(a_words, b_words, a_img: list[Page], b_img: list[Page]) -> list[str]:
    """Words whole in the original and not in the fixed file (the n-th "PHẨM" of a page matched to the n-th)."""
    out = []
    for n, (wa, wb, pa, pb) in enumerate(zip(a_words, b_words, a_img, b_img), start=1):
        seen = collections.Counter()
        before = {}
        for box in wa:
            seen[box[0]] += 1
            before[(box[0], seen[box[0]])] = _whole(pa, box)
        seen.clear()
        for box in wb:
            seen[box[0]] += 1
            # words of three letters at least: a "1." ends in a dot too small to show at 72 dpi (FR9-BC02)
            if sum(c.isalnum() for c in box[0]) >= 3 and before.get((box[0], seen[box[0]])) and not _whole(pb, box):
                out.append(f"trang {n}: “{box[0]}” không còn in trọn (bị cắt hoặc bị che)")
    return out


def _shift(wa, wb, box) -> tuple[float, float]:
    """How far the text around `box` moved between the two pages (new margins, a grown line above): the nearest
    word above it on the original page (of the line right above, the word nearest its middle: the first word of a
    centred line rewrapped by new margins is found again at the end of the line before, FR-QD01), found again (its
    n-th occurrence) on the fixed one."""
    _, x0, y0, x1, _ = box
    above = [(y0 - w[4], k) for k, w in enumerate(wa) if len(w[0]) > 1 and w[4] <= y0 + 1 and y0 - w[4] < 60
             and not TYPED_RULE.match(w[0])]
    if not above:
        return 0.0, 0.0
    nearest = min(above)[0]
    middle = (x0 + x1) / 2
    at = min((abs((wa[k][1] + wa[k][3]) / 2 - middle), k) for gap, k in above if gap <= nearest + 2)[1]
    word = wa[at]
    nth = sum(1 for w in wa[:at] if w[0] == word[0])
    again = [w for w in wb if w[0] == word[0]]
    if len(again) <= nth:
        return 0.0, 0.0
    return again[nth][1] - word[1], again[nth][2] - word[2]


def rules(a_words, b_words, b_img: list[Page]) -> list[str]:
    """Typed rules of the original gone from the fixed file (replaced) that print as no line there now (looked
    for where the text around them went)."""
    out = []
    for n, (wa, wb, pb) in enumerate(zip(a_words, b_words, b_img), start=1):
        for box in wa:
            text, x0, y0, x1, y1 = box
            if not TYPED_RULE.match(text) or any(t == text and abs(bx - x0) < 15 and abs(by - y0) < 15
                                                 for t, bx, by, _, _ in wb):
                continue
            dx, dy = _shift(wa, wb, box)
            drawn = pb.line_near(x0 + dx, x1 + dx, (y0 + y1) / 2 + dy, reach=16.0)
            if drawn < (x1 - x0) / 2:
                out.append(f"trang {n}: đường kẻ gõ “{text[:12]}” ({(x1 - x0) / MM:.0f} mm) thay bằng đường kẻ "
                           f"không thấy in ra (dài {drawn / MM:.0f} mm)")
    return out


def margins(a_img: list[Page], b_img: list[Page]) -> list[str]:
    """Pages whose ink comes nearer the left or right edge of the paper than it did (1 mm spared) and nearer than
    ND30's smallest margin of that side: a table left where it was while the margin moved over it (FR11-GDN01: 9 mm
    from the edge before, 5.5 after). Ink that stays as far in as ND30's margin allows (a Quốc hiệu set bold in its
    cell of a header table wider than the text) is not pushed off the page."""
    from generator import nd30

    out = []
    for n, (pa, pb) in enumerate(zip(a_img, b_img), start=1):
        ea, eb = pa.ink_columns(), pb.ink_columns()
        if ea is None or eb is None:
            continue
        for side, before, after in (("trái", ea[0] / MM, eb[0] / MM),
                                    ("phải", (pa.width - 1 - ea[1]) / MM, (pb.width - 1 - eb[1]) / MM)):
            least = nd30.MARGIN_RANGE_MM["left" if side == "trái" else "right"][0]
            if after < before - 1.0 and after < least:
                out.append(f"trang {n}: chữ hoặc bảng in cách mép {side} tờ giấy {after:.1f} mm (trước khi sửa "
                           f"{before:.1f} mm; lề {side} tối thiểu {least:g} mm)")
    return out


TOP_BAND = 0.12  # of the page's height: where a page number printed in the header sits


def _top_number(words, height: float) -> str | None:
    """The page number a page prints in its header: the page's topmost word, all digits, in the top band."""
    top = min(words, key=lambda box: box[2], default=None)
    if top is None or top[2] > height * TOP_BAND or not top[0].isdigit():
        return None
    return top[0]


def page_numbers(a_words, b_words, a_img: list[Page], b_img: list[Page], first_asked: bool = False) -> list[str]:
    """Page numbers the fix stopped printing whole: a page whose number is gone, or prints the previous page's
    number where the original printed two different ones (FR13-ND01: a number grown to 14 pt in its 3.9 mm frame,
    pages 10–16 printing “1”). Words of letters are compared elsewhere; digits are not, so they are here.
    `first_asked`: the fix took the number off a first page (pagenum.first); a “1” gone from a later page, the first
    of a text numbered from 1 (FR26-QD01's attached Quy định, its section sharing the first-page header), is that."""
    a = [_top_number(w, p.height) for w, p in zip(a_words, a_img)]
    b = [_top_number(w, p.height) for w, p in zip(b_words, b_img)]
    out = []
    for n in range(len(a)):
        if n >= len(b):
            break
        if a[n] is not None and b[n] is None and any(b):
            if first_asked and a[n] == "1":
                continue  # a first page: no number (PL I §I.7), what pagenum.first asked
            out.append(f"trang {n + 1}: số trang “{a[n]}” không còn in")
        elif b[n] is not None and a[n] is not None and len(b[n]) < len(a[n]) and a[n].startswith(b[n]) \
                and (n + 1 >= len(b) or b[n + 1] != str(int(b[n]) + 1)):  # not a restart: "1" then "2"
            out.append(f"trang {n + 1}: số trang in “{b[n]}” (trước khi sửa “{a[n]}”): bị cắt")
        elif n and b[n] is not None and b[n] == b[n - 1] and a[n] != a[n - 1]:
            out.append(f"trang {n + 1}: số trang in “{b[n]}” như trang trước (trước khi sửa “{a[n]}”): bị cắt hoặc sai")
    return out
