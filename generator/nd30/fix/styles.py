"""A size fault that lives in a paragraph style is corrected on the style, once, not with a direct size on
every run of every paragraph that uses it ("cỡ chữ nội dung 12" on 80 paragraphs of "Normal" is one fault).

Only when it is safe: the style that gives these paragraphs their size (the first of their style's basedOn
chain that sets one) gives it to no paragraph the rule did not ask to change (so no other paragraph changes
size), none of them sits in a table (a table style may stand between), and each correction covers its
paragraph's whole text (a style's size would change every element of a tabbed line). Otherwise the
corrections stay direct, paragraph by paragraph. A larger or smaller size is a risk of reflowing the text ("grow",
"shrink": fixer.py) as it is made directly: kept only when the pages hold the same words, else given up and said."""
from __future__ import annotations

from collections import defaultdict

from generator.core.messages import Message
from generator.core.units import half_points
from generator.nd30.check.base import Checker, Fix
from generator.nd30.fix.fixer import Fixer
from generator.nd30.fix.xml import RPR_ORDER, ordered_child
from generator.word.styles import MAX_CHAIN
from generator.word.xml import w
from generator.core.text import decimal

MIN_PARAGRAPHS = 3  # fewer: a few direct sizes say it as well


def _inheriting(fx: Fixer, index: int) -> bool | None:
    """True: every visible run of the paragraph takes its size from the paragraph style; False: none of them
    do or some do not; None: the paragraph has no visible run (or is not found)."""
    p, chars = fx.xml_paragraph(index)
    if p is None:
        return False
    runs = [r for k, r in enumerate(chars.run_of) if chars.text[k].strip()]
    if not runs:
        return None
    for r in runs:
        rpr = r.find(w("rPr"))
        if rpr is not None and (rpr.find(w("sz")) is not None or rpr.find(w("rStyle")) is not None):
            return False
    return True


def fix_on_styles(fx: Fixer, ck: Checker, todo: list[Message]) -> set[Fix]:
    """Apply the size corrections that belong on a style; returns the Fixes done that way."""
    styles_root = fx.pkg.related_xml(fx.pkg.main_part, "styles")
    if styles_root is None:
        return set()
    by_id = {s.get(w("styleId")): s for s in styles_root.iter(w("style"))}
    para = {p.index: p for p in ck.paras}
    owners: dict = {}
    groups: dict[tuple[str, float], list[Message]] = defaultdict(list)
    for found in todo:
        fix = found.detail.fix
        if fix.kind == "format" and fix.size is not None and fix.bold is None and fix.italic is None \
                and fix.paragraph in para:
            owner = _size_owner(by_id, para[fix.paragraph].style_id, owners)
            if owner is not None:
                groups[(owner, fix.size)].append(found)
    sized_by: dict[str | None, list] = defaultdict(list)  # owner → paragraphs with text (one pass, not one a group)
    if groups:
        for p in ck.paras:
            if p.text.strip():
                sized_by[_size_owner(by_id, p.style_id, owners)].append(p)
    done: set[Fix] = set()
    for (owner, size), items in groups.items():
        asked = {f.detail.fix.paragraph for f in items}
        if len(asked) < MIN_PARAGRAPHS:
            continue
        # every paragraph with text whose size comes from this style: all must be asked, none in a table
        affected = [p for p in sized_by[owner] if _inheriting(fx, p.index) is not False]
        if {p.index for p in affected} != asked or any(ck.cell_of.get(i) for i in asked) \
                or any(_inheriting(fx, i) is not True for i in asked) or any(_partial(para, f) for f in items):
            continue
        style = by_id[owner]
        rpr = style.find(w("rPr"))
        if size != _style_size(rpr):  # laid out and compared like a direct size (runs.py), never unseen
            risk = "grow" if size > _style_size(rpr) else "shrink"
            if risk in fx.off:
                continue  # given up: the paragraphs' own corrections say so, one by one
            fx.risk(risk, items[0])
        ordered_child(rpr, "sz", RPR_ORDER, {"val": half_points(size)})
        ordered_child(rpr, "szCs", RPR_ORDER, {"val": half_points(size)})
        fx.dirty.add(_styles_part(fx))
        for i in asked:
            fx.allowed.look(i, 0, len(para[i].text), {"size_pt"})
        done.update(f.detail.fix for f in items)
        name = style.find(w("name"))
        shown = name.get(w("val")) if name is not None else owner
        fx.note(f"cỡ chữ {decimal(size)} cho kiểu “{shown}” ({len(asked)} đoạn lấy cỡ chữ từ kiểu này)", "toàn văn bản",
                items[0])
    return done


def _style_size(rpr) -> float:
    """The size in points the style's own w:sz gives (the owner sets one); 0 when it cannot be read."""
    try:
        return int(rpr.find(w("sz")).get(w("val"))) / 2
    except (TypeError, ValueError):
        return 0.0


def _partial(para: dict, found: Message) -> bool:
    """The correction covers only part of its paragraph's visible text (one element of a tabbed line): a size
    set on the style would change the other elements too."""
    fix = found.detail.fix
    text = para[fix.paragraph].text
    return bool(text[:fix.start].strip() or text[fix.end:].strip())


def _size_owner(by_id: dict, style_id: str | None, memo: dict) -> str | None:
    """The style a paragraph of style `style_id` takes its size from: the first in its basedOn chain that sets
    one, followed as far as the reader follows it (MAX_CHAIN styles); None: the document default, or a chain
    that cannot be followed. Memoised in `memo` by style: a chain of thousands of styles once cost its length
    per paragraph (issue 22: 5,000 styles, 9,000 paragraphs, 179 s)."""
    if style_id not in memo:
        seen, owner, current = set(), None, style_id
        while current is not None and current not in seen and len(seen) < MAX_CHAIN:
            seen.add(current)
            node = by_id.get(current)
            if node is None:
                break
            rpr = node.find(w("rPr"))
            if rpr is not None and rpr.find(w("sz")) is not None:
                owner = current
                break
            based = node.find(w("basedOn"))
            current = based.get(w("val")) if based is not None else None
        memo[style_id] = owner
    return memo[style_id]


def _styles_part(fx: Fixer) -> str:
    rel = fx.pkg.related(fx.pkg.main_part, "styles")
    return rel[0].target
