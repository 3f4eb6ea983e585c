"""The header's lines (ô 1–4) by what they say: the Quốc hiệu, the Tiêu ngữ, the number, the date, rules typed as
underscores, and the issuer's lines in capitals. Finding, not judging: nothing here reports."""
from __future__ import annotations

import re
from dataclasses import dataclass

from generator import nd30
from generator.core.text import ascii_key, caseless
from generator.nd30.check.base import Segment, segments, split_at_gaps
from generator.word.model import Paragraph


@dataclass
class HeaderLines:
    """The header's lines by what they say (None: not found); `issuer` is every other line in capitals."""

    national: Segment | None
    motto: Segment | None
    number: Segment | None
    date: Segment | None
    typed: list[Segment]  # rules typed as underscores
    issuer: list[Segment]


def header_segments(p: Paragraph) -> list[Segment]:
    """A header paragraph's pieces: between tabs and line breaks, and on either side of a gap of spaces that
    opens the Quốc hiệu, the Tiêu ngữ or the date (columns typed with spaces). In a table's cell, the Quốc hiệu and
    the Tiêu ngữ typed in one paragraph with one space between them are two lines: the cell, narrower than both,
    wraps the Tiêu ngữ onto a line of its own (FR22-CV02)."""
    out = [c for s in segments(p) for c in split_at_gaps(s, _opens_header_piece)]
    if p.in_table:
        out = [c for s in out for c in (split_at_gaps(s, _opens_motto, _SPACE)
                                        if "cộng hòa xã hội" in caseless(s.text) else [s])]
    return out


_SPACE = re.compile(r"[ \u00a0]+")


def _opens_motto(text: str) -> bool:
    return ascii_key(text).startswith("doc lap tu do")


def _opens_header_piece(text: str) -> bool:
    # the Quốc hiệu's column even misspelt ("CÔNG HÒA …", FR5-TB01) or typed without marks
    return ascii_key(text).startswith(("cong hoa xa hoi", "doc lap tu do")) or nd30.is_motto_like(text) \
        or nd30.looks_date(text)


def header_lines(header: list[Paragraph]) -> HeaderLines:
    segs = _number_joined([s for p in header for s in header_segments(p)])
    national = next((s for s in segs if nd30.is_national(s.text) or "cộng hòa xã hội" in caseless(s.text)), None)
    motto = next((s for s in segs if nd30.is_motto_like(s.text)), None)
    number = next((s for s in segs if re.match(r"^số\b", caseless(s.text))
                   and ("/" in s.text or nd30.MERGED_NUMBER.match(s.text))), None)
    date = next((s for s in segs if nd30.looks_date(s.text)), None)
    typed = [s for s in segs if nd30.is_typed_rule(s.text)]
    known = {id(x) for x in (national, motto, number, date) if x is not None} | {id(s) for s in typed}
    # the header ends with its number and date lines: a line in capitals below both is no issuer's name (a 20 pt
    # greeting "CHÚC MỪNG NĂM MỚI" over the type line, FR12-CTR01)
    last = max((k for k, s in enumerate(segs) if s is number or s is date), default=len(segs))
    issuer = [s for k, s in enumerate(segs) if (k < last or s.para is segs[last].para) and id(s) not in known
              and s.caps and len(s.text) > 2
              and not ascii_key(s.text).startswith(("cong hoa xa hoi", "doc lap tu do"))  # typed without marks
              and not nd30.is_draft_mark(s.text)]  # a boxed "DỰ THẢO" is no agency name (FR9-KH02)
    return HeaderLines(national, motto, number, date, typed, issuer)


def _number_joined(segs: list[Segment]) -> list[Segment]:
    """A "Số:" placed before its number and symbol with a tab ("Số:\t/BC-UBND") prints as one number line:
    one piece for it, from "Số" to the symbol, with the runs of both."""
    out: list[Segment] = []
    for s in segs:
        prev = out[-1] if out else None
        if prev is not None and prev.para is s.para and re.fullmatch(r"số\s*:?", caseless(prev.text)) \
                and s.text.lstrip(" ._…0-9").startswith("/"):
            out[-1] = Segment(s.para, prev.start, s.end, f"{prev.text} {s.text}", prev.pieces + s.pieces)
            continue
        out.append(s)
    return out
