"""The promise of `check --fix`, proved on the file it is about to write: every character of every paragraph
is the one it was, except where a correction was asked to change it, and bold, italic and size changed only
where a rule asked. The fixer records what each correction may change (`Allowed`); `differences` compares
the original and the fixed file as the reader sees them and lists, in Vietnamese, anything else."""
from __future__ import annotations

from dataclasses import dataclass, field

from generator.word.model import Document, Paragraph

LOOK = ("bold", "italic", "size_pt")
LOOK_WORDS = {"bold": "chữ đậm", "italic": "chữ nghiêng", "size_pt": "cỡ chữ"}


@dataclass
class Allowed:
    """What the corrections applied may change, by reader paragraph index: text edits (start, end, new text)
    in the original's offsets, and look changes (start, end, the attributes a rule asked to set)."""

    edits: dict[int, list[tuple[int, int, str]]] = field(default_factory=dict)
    looks: dict[int, list[tuple[int, int, frozenset[str]]]] = field(default_factory=dict)

    def text(self, index: int, start: int, end: int, new: str) -> None:
        self.edits.setdefault(index, []).append((start, end, new))

    def look(self, index: int, start: int, end: int, attrs: set[str]) -> None:
        self.looks.setdefault(index, []).append((start, end, frozenset(attrs)))


def _chars(p: Paragraph) -> list[tuple[str, tuple]]:
    """Each accepted character of the paragraph with its look (bold, italic, size)."""
    out = []
    for r in p.runs:
        if r.change == "del":
            continue
        look = tuple(getattr(r, a) for a in LOOK)
        out.extend((ch, look) for ch in r.text)
    return out


def _spans(p: Paragraph) -> list[tuple[tuple, str]]:
    """The accepted text of the paragraph in stretches of one look: equal for two paragraphs exactly when every
    character and its look are (`_chars`), made per run, not per character."""
    out: list[tuple[tuple, list[str]]] = []
    for r in p.runs:
        if r.change == "del" or not r.text:
            continue
        look = tuple(getattr(r, a) for a in LOOK)
        if out and out[-1][0] == look:
            out[-1][1].append(r.text)
        else:
            out.append((look, [r.text]))
    return [(look, "".join(texts)) for look, texts in out]


def _expected_text(text: str, edits: list[tuple[int, int, str]]) -> str:
    for start, end, new in sorted(edits, key=lambda e: -e[0]):
        text = text[:start] + new + text[end:]
    return text


def _moved_all(n: int, edits: list[tuple[int, int, str]]) -> list[int | None]:
    """Where each of the original's n characters is in the fixed text (None: inside an edit), in one pass over
    the characters (one pass over the edits per character was quadratic in a paragraph of many edits)."""
    if not edits:
        return list(range(n))
    inside = [0] * (n + 1)
    shift_at = [0] * (n + 1)  # shift gained by the characters from here on: edits ending here
    for start, end, new in edits:
        if start < end:
            inside[max(0, min(start, n))] += 1
            inside[max(0, min(end, n))] -= 1
        if 0 <= end <= n:
            shift_at[end] += len(new) - (end - start)
        elif end < 0:
            shift_at[0] += len(new) - (end - start)
    out: list[int | None] = []
    covering = shift = 0
    for k in range(n):
        covering += inside[k]
        shift += shift_at[k]
        out.append(None if covering > 0 else k + shift)
    return out


def _asked(n: int, looks: list[tuple[int, int, frozenset[str]]]) -> list[list[int]]:
    """For each attribute of LOOK, for each of the n characters: how many look changes asked for it (one sweep;
    a scan of every look change per character was quadratic)."""
    out = []
    for name in LOOK:
        delta = [0] * (n + 1)
        for start, end, attrs in looks:
            start, end = max(0, start), min(end, n)
            if name in attrs and start < end:
                delta[start] += 1
                delta[end] -= 1
        count, row = 0, []
        for k in range(n):
            count += delta[k]
            row.append(count)
        out.append(row)
    return out


def _excerpt(text: str, n: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def differences(before: Document, after: Document, allowed: Allowed, limit: int = 5) -> list[str]:
    """What changed in the fixed document that no correction asked for (empty: the promise is kept)."""
    a, b = list(before.paragraphs()), list(after.paragraphs())
    if len(a) != len(b):
        return [f"số đoạn văn thay đổi ({len(a)} → {len(b)})"]
    out: list[str] = []
    for p, q in zip(a, b):
        edits = allowed.edits.get(p.index, [])
        if q.text != _expected_text(p.text, edits):
            out.append(f"đoạn {p.index + 1}: chữ bị thay đổi (“{_excerpt(p.text)}” → “{_excerpt(q.text)}”)")
            continue
        looks = allowed.looks.get(p.index, [])
        if not edits and not looks and _spans(p) == _spans(q):
            continue  # untouched and alike, stretch by stretch (most paragraphs): no character to compare
        old, new = _chars(p), _chars(q)
        wrong: set[str] = set()
        asked = _asked(len(old), looks) if looks else None
        for k, j in enumerate(_moved_all(len(old), edits)):
            ch, look = old[k]
            if j is None or not ch.strip() or look == new[j][1]:
                continue
            for n, name in enumerate(LOOK):
                if look[n] != new[j][1][n] and (asked is None or not asked[n][k]):
                    wrong.add(name)
        if wrong:
            what = ", ".join(LOOK_WORDS[w] for w in LOOK if w in wrong)
            out.append(f"đoạn {p.index + 1}: {what} bị thay đổi mà không quy định nào yêu cầu (“{_excerpt(p.text)}”)")
        if len(out) >= limit:
            break
    return out
