"""A diff of two sequences (YAML lines, paragraph texts) in about n·log n: the patience method.

difflib.SequenceMatcher looks for the longest common block again inside every gap, which costs the
whole length per difference: a long plan changed in thousands of places took minutes. Here the items
found exactly once in both sequences anchor the alignment (the longest run of them in the same order,
by patience sorting), and each gap between two anchors is aligned the same way in turn; a gap with
no anchor left is handed to difflib when small, else taken as replaced whole (a valid, coarser
answer: never a wrong one)."""
from __future__ import annotations

import bisect
import difflib
from typing import Hashable, Sequence

SMALL = 40_000  # len(a) * len(b) of a gap difflib may align


def _lis(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest subsequence of (i, j) pairs (sorted by i) increasing in j."""
    tails: list[int] = []  # tails[k]: j of the smallest tail of an increasing run of length k+1
    tail_at: list[int] = []  # its index in pairs
    back = [-1] * len(pairs)
    for n, (_, j) in enumerate(pairs):
        k = bisect.bisect_left(tails, j)
        if k == len(tails):
            tails.append(j)
            tail_at.append(n)
        else:
            tails[k], tail_at[k] = j, n
        back[n] = tail_at[k - 1] if k else -1
    out = []
    n = tail_at[-1] if tail_at else -1
    while n >= 0:
        out.append(pairs[n])
        n = back[n]
    return out[::-1]


def _matches(a: Sequence[Hashable], b: Sequence[Hashable], alo: int, ahi: int, blo: int, bhi: int,
             out: list[tuple[int, int]], depth: int = 0) -> None:
    """Append the matched (i, j) pairs of a[alo:ahi] and b[blo:bhi], in order."""
    # common head and tail first
    while alo < ahi and blo < bhi and a[alo] == b[blo]:
        out.append((alo, blo))
        alo, blo = alo + 1, blo + 1
    tail = []
    while alo < ahi and blo < bhi and a[ahi - 1] == b[bhi - 1]:
        ahi, bhi = ahi - 1, bhi - 1
        tail.append((ahi, bhi))
    if alo < ahi and blo < bhi:
        count_a: dict = {}
        for i in range(alo, ahi):
            count_a[a[i]] = count_a.get(a[i], 0) + 1
        count_b: dict = {}
        where_b: dict = {}
        for j in range(blo, bhi):
            count_b[b[j]] = count_b.get(b[j], 0) + 1
            where_b[b[j]] = j
        anchors = _lis([(i, where_b[a[i]]) for i in range(alo, ahi)
                        if count_a[a[i]] == 1 and count_b.get(a[i]) == 1])
        if anchors and depth < 50:
            pi, pj = alo, blo
            for i, j in anchors:
                _matches(a, b, pi, i, pj, j, out, depth + 1)
                out.append((i, j))
                pi, pj = i + 1, j + 1
            _matches(a, b, pi, ahi, pj, bhi, out, depth + 1)
        elif (ahi - alo) * (bhi - blo) <= SMALL:
            sm = difflib.SequenceMatcher(a=a[alo:ahi], b=b[blo:bhi], autojunk=False)
            for block in sm.get_matching_blocks():
                out.extend((alo + block.a + k, blo + block.b + k) for k in range(block.size))
        # else: no anchor in a large gap: replaced whole
    out.extend(reversed(tail))


def opcodes(a: Sequence[Hashable], b: Sequence[Hashable]) -> list[tuple[str, int, int, int, int]]:
    """difflib-style opcodes ('equal', 'replace', 'delete', 'insert'; i1, i2, j1, j2) turning a into b."""
    pairs: list[tuple[int, int]] = []
    _matches(a, b, 0, len(a), 0, len(b), pairs)
    out = []
    i = j = k = 0
    while k < len(pairs):
        pi, pj = pairs[k]
        if pi > i or pj > j:
            out.append(("replace" if pi > i and pj > j else "delete" if pi > i else "insert", i, pi, j, pj))
        run = 1
        while k + run < len(pairs) and pairs[k + run] == (pi + run, pj + run):
            run += 1
        out.append(("equal", pi, pi + run, pj, pj + run))
        i, j, k = pi + run, pj + run, k + run
    if i < len(a) or j < len(b):
        out.append(("replace" if i < len(a) and j < len(b) else "delete" if i < len(a) else "insert",
                    i, len(a), j, len(b)))
    return out
