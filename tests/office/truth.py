"""What a made office file shows, for recall: its `.truth.json` (the visible paragraphs) and words compared
with multiplicity (moved from make_office.py, over the 600-line limit)."""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    """Words for recall: NFC, case-folded, letters and digits only (labels like 'I.' give 'i';
    typed underscores and punctuation give nothing)."""
    return _WORD.findall(unicodedata.normalize("NFC", text).casefold())


def truth_path(docx_path: Path) -> Path:
    return Path(docx_path).with_suffix(".truth.json")


def truth_paragraphs(docx_path: Path) -> list[str]:
    return json.loads(truth_path(docx_path).read_text(encoding="utf-8"))["paragraphs"]


def truth_words(docx_path: Path) -> list[str]:
    return [w for p in truth_paragraphs(docx_path) for w in words(p)]


def recall(expected: list[str], found: list[str]) -> float:
    """Share of `expected` words (with multiplicity) present in `found`."""
    if not expected:
        return 1.0
    have = Counter(found)
    hit = 0
    for word, n in Counter(expected).items():
        hit += min(n, have[word])
    return hit / len(expected)
