"""Corrections inside a paragraph's runs, for the rules of every part: the words' marks (date padding,
Nơi nhận punctuation: "text") and a piece's size, bold and italic ("format")."""
from __future__ import annotations

import re

from generator.core.messages import Message
from generator.core.text import decimal, seen
from generator.core.units import half_points
from generator.nd30.check import Fix
from generator.nd30.fix.fixer import Fixer
from generator.nd30.fix.xml import RPR_ORDER, ordered_child, props


def fix_text(fx: Fixer, fix: Fix, found: Message) -> bool:
    p, chars = fx.xml_paragraph(fix.paragraph)
    if p is None:
        return False
    old = chars.text[fix.start:fix.end]
    if not chars.replace(fix.start, fix.end, fix.text or ""):
        return False
    fx.allowed.text(fix.paragraph, fix.start, fix.end, fix.text or "")
    shown_old = chars.text[max(0, fix.start - 30):fix.end] if len(old) < 3 else old
    shown_new = (chars.text[max(0, fix.start - 30):fix.start] + (fix.text or "") if len(old) < 3 else fix.text) or ""
    if seen(shown_old).strip() == seen(shown_new).strip():  # a space put in or taken out at its end: the next word
        tail = re.match(r"\s*\S*", chars.text[fix.end:fix.end + 40]).group(0)  # shows it ("-UBND" → "- UBND")
        shown_old, shown_new = shown_old + tail, shown_new + tail
    # said as it prints: a decomposed letter composed, a zero-width character not pasted into the message
    fx.note(f"“{seen(shown_old).strip()}” → “{seen(shown_new).strip()}”", found.where, found)
    return True


def fix_format(fx: Fixer, fix: Fix, found: Message) -> bool:
    p, chars = fx.xml_paragraph(fix.paragraph)
    if p is None:
        return False
    runs = chars.runs_between(fix.start, fix.end)
    if not runs:
        return False
    if not _whole_runs(chars, fix.start, fix.end):
        return fx.refuse("đoạn chữ cần sửa chỉ là một phần của đoạn định dạng (run); sửa trong Word", found)
    if _two_parts(fx, fix, chars.text):
        return fx.refuse("đoạn chữ cần sửa gồm hai phần trình bày khác nhau, cách nhau bằng dấu cách hoặc tab (ví dụ "
                         "“Nơi nhận:” và chức vụ người ký gõ trên cùng một dòng): sửa trong Word", found)
    if fix.size is not None and any(r.size_pt is not None and fix.size > r.size_pt for r in _reader_runs(fx, fix)) \
            and not fx.risk("grow", found):
        return False
    if fix.size is not None and fx.shared_flow and not fx.risk("flow", found):
        return False
    # a smaller size moves the text after it up (FR19-QC02: a khoản onto the page before); in one flow of several
    # documents that is the "flow" risk above
    if fix.size is not None and not fx.shared_flow and \
            any(r.size_pt is not None and fix.size < r.size_pt for r in _reader_runs(fx, fix)) \
            and not fx.risk("shrink", found):
        return False
    what = []
    for r in runs:
        rpr = props(r, "rPr")
        if fix.size is not None:
            half = half_points(fix.size)
            ordered_child(rpr, "sz", RPR_ORDER, {"val": half})
            ordered_child(rpr, "szCs", RPR_ORDER, {"val": half})
        for name, value in (("b", fix.bold), ("i", fix.italic)):
            if value is not None:
                ordered_child(rpr, name, RPR_ORDER, {} if value else {"val": "0"})
                ordered_child(rpr, name + "Cs", RPR_ORDER, {} if value else {"val": "0"})
    asked = {name for name, value in (("size_pt", fix.size), ("bold", fix.bold), ("italic", fix.italic))
             if value is not None}
    fx.allowed.look(fix.paragraph, fix.start, fix.end, asked)
    if fix.size is not None:
        what.append(f"cỡ chữ {decimal(fix.size)}")
    if fix.bold is not None:
        what.append("chữ đậm" if fix.bold else "bỏ chữ đậm")
    if fix.italic is not None:
        what.append("chữ nghiêng" if fix.italic else "chữ đứng")
    fx.note(f"{', '.join(what)} — “{found.excerpt}”", found.where, found)
    return True


FIXES = {"text": fix_text, "format": fix_format}


def _whole_runs(chars, start: int, end: int) -> bool:
    """The runs holding [start, end) hold nothing visible outside it (formatting them formats only it)."""
    runs = {id(r) for r in chars.runs_between(start, end)}
    return all(not chars.text[k].strip() for k, r in enumerate(chars.run_of)
               if id(r) in runs and not start <= k < end)


_PARTS_GAP = re.compile(r"\t|[ \u00a0]{8,}")


def _two_parts(fx: Fixer, fix: Fix, text: str) -> bool:
    """The range holds two elements that share a line (FR15-QD02: "Nơi nhận:" bold italic, then spaces, then the
    signer's "KT.GIÁM ĐỐC" bold upright): visible text on both sides of a tab or a long gap of spaces, set bold or
    italic differently. One element's blanks ("ngày        tháng") keep one look and stay one piece."""
    p = fx.reader_paragraphs.get(fix.paragraph)
    if p is None:
        return False
    looks = [(bool(r.bold or p.bold), bool(r.italic or p.italic)) for r in p.runs if r.change != "del" for _ in r.text]
    if len(looks) != len(text):
        return False
    cut = fix.start
    parts: list[set] = []
    for m in _PARTS_GAP.finditer(text, fix.start, fix.end):
        parts.append({looks[k] for k in range(cut, m.start()) if not text[k].isspace()})
        cut = m.end()
    parts.append({looks[k] for k in range(cut, fix.end) if not text[k].isspace()})
    parts = [x for x in parts if x]
    return any(a != b for a, b in zip(parts, parts[1:]))


def _reader_runs(fx: Fixer, fix: Fix) -> list:
    p = fx.reader_paragraphs.get(fix.paragraph)  # a dict: a scan of every paragraph per fix was quadratic
    return [r for r in p.runs if r.text.strip() and r.change != "del"] if p is not None else []
