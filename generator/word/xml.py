"""Namespaces and small attribute readers shared by the reader modules (no I/O)."""
from __future__ import annotations

import math

from generator.core.units import TWIPS_PER_UNIT

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
W14_NS = "http://schemas.microsoft.com/office/word/2010/wordml"
W15_NS = "http://schemas.microsoft.com/office/word/2012/wordml"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
V_NS = "urn:schemas-microsoft-com:vml"
WPS_NS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"


_W = "{" + W_NS + "}"


def w(tag: str) -> str:
    return _W + tag


def attr(node, name: str, default: str | None = None) -> str | None:
    """A w:-namespaced attribute (Word) or a bare one (some writers omit the prefix)."""
    if node is None:
        return default
    value = node.get(_W + name)
    if value is None:
        value = node.get(name)
    return default if value is None else value


def child(node, tag: str):
    # a scan of the (few) children beats find(), which parses its path argument on every call
    if node is None:
        return None
    wanted = _W + tag
    for c in node:
        if c.tag == wanted:
            return c
    return None


def children(node) -> dict:
    """The children of `node` by tag, the first of each tag as `child` finds it ({} for None): one scan of a
    properties element (pPr, tcPr) instead of one per property looked up."""
    if node is None:
        return {}
    return {c.tag: c for c in reversed(node)}


def some_children(node, tags: tuple[str, ...]) -> dict:
    """The children of `node` of the (Clark-notation) `tags`, by tag, the first of each ({} for None): what `children`
    gives of them, but the others are skipped inside lxml, without an element made for each (issue 23)."""
    found: dict = {}
    if node is not None:
        for c in node.iterchildren(*tags):
            tag = c.tag
            if tag not in found:
                found[tag] = c
    return found


def val(node, tag: str, default: str | None = None) -> str | None:
    found = child(node, tag)
    return default if found is None else attr(found, "val", default)


def on_off(node) -> bool:
    """ST_OnOff: present without val, or val true/1/on, means on."""
    value = attr(node, "val")
    return value is None or value.lower() not in ("0", "false", "off", "none")


def to_int(value: str | None, default: int | None = None) -> int | None:
    if value is None:
        return default
    try:
        return int(float(value))
    except (ValueError, OverflowError):  # "abc", "inf", "1e400", "nan"
        return default


def twips(value: str | None) -> float | None:
    """A length in twentieths of a point (with the 'pt'/'mm'/'in' suffixed forms Strict allows)."""
    if value is None:
        return None
    text = value.strip()
    try:
        number = float(text)  # (nearly every value is a plain number; nothing float() reads ends with a unit)
    except ValueError:
        try:
            for unit, factor in TWIPS_PER_UNIT:
                if text.endswith(unit):
                    number = float(text[: -len(unit)]) * factor
                    break
            else:
                return None
        except ValueError:
            return None
    return number if math.isfinite(number) else None


def local(tag) -> str:
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def ns(tag) -> str:
    if not isinstance(tag, str) or not tag.startswith("{"):
        return ""
    return tag[1:].split("}", 1)[0]


_SPLIT: dict = {}
_SPLIT_MAX = 10_000  # a hostile file may name many tags: past this many, they are split each time


def split_tag(tag) -> tuple[str, str]:
    """(ns(tag), local(tag)), remembered: a document uses a few dozen tags, read hundreds of thousands of times
    (issue 22)."""
    found = _SPLIT.get(tag)
    if found is None:
        found = (ns(tag), local(tag))
        if len(_SPLIT) < _SPLIT_MAX:
            _SPLIT[tag] = found
    return found


def choose_alternate(node):
    """mc:AlternateContent: the first Choice (Word's modern form), else the Fallback; never both, or the
    text of a text box would be read twice."""
    for c in node:
        if local(c.tag) == "Choice":
            return c
    for c in node:
        if local(c.tag) == "Fallback":
            return c
    return None
