"""The drawn lines (đường kẻ) under the Tiêu ngữ, the issuing agency's name and the trích yếu (PL I §II.1.b,
§II.2.b, §II.5.b): present, solid and drawn rather than typed as underscores, and of the right length."""
from __future__ import annotations

from generator import nd30
from generator.core.text import text_width_pt
from generator.core.units import PT_PER_MM
from generator.nd30.check.base import Checker, Fix, Rule, Segment, segments
from generator.word.model import Paragraph

MOTTO_RULE = Rule("motto.rule", "đường kẻ dưới Tiêu ngữ", "PL I §II.1.b")
ISSUER_RULE = Rule("issuer.rule", "đường kẻ dưới tên cơ quan", "PL I §II.2.b")
TITLE_RULE = Rule("title.rule", "đường kẻ dưới trích yếu", "PL I §II.5.b")
TYPED_RULE = Rule("rule.typed", "đường kẻ vẽ, không gõ dấu gạch dưới", "PL I §II.1.b, §II.2.b", fixable=True)
RULES = (MOTTO_RULE, ISSUER_RULE, TITLE_RULE, TYPED_RULE)

# what each line goes under: the rule it reports and the block's name in messages
UNDER = {"motto": (MOTTO_RULE, "Tiêu ngữ"), "agency": (ISSUER_RULE, "tên cơ quan ban hành"),
         "title": (TITLE_RULE, "trích yếu")}


def check_rule(ck: Checker, seg: Segment, kind: str, typed: list[Segment], lines: list[Segment] | None = None) -> None:
    """The rule under the Tiêu ngữ (its full length) or the agency name (1/3–1/2)."""
    rule, name = UNDER[kind]
    p = seg.para
    # a typed rule in the next paragraph of the same column
    candidates = _under(ck, p)
    for s in typed:
        if s.claimed:
            continue
        if any(s.para.index == q.index for q in candidates) or s.para.index == p.index:
            if _column_match(ck, s, seg):
                s.claimed = True
                ck.add(TYPED_RULE, f"đường kẻ dưới {name} gõ bằng dấu gạch; ND30 quy định đường kẻ ngang, "
                       "nét liền", rule.ref, seg=s, fix=_rule_fix(ck, s, _rule_length(ck, kind, seg, lines, s.para)))
                return
    if seg.underline:
        ck.add(rule, f"gạch chân chữ {name} thay cho đường kẻ ngang bên dưới", seg=seg, level="warning")
        return
    for q in candidates:
        if q.index in ck.shapes:
            _shape_length_check(ck, kind, seg, lines, q)
            return
        if (q.border_bottom or (q.border_top and q is candidates[0])) and not q.text.strip():
            # an empty paragraph's bottom border, or the top border of the empty paragraph right under the block
            _rule_length_check(ck, kind, seg, lines, q)
            return
    if p.border_bottom:
        _rule_length_check(ck, kind, seg, lines, p)
        return
    if p.index in ck.shapes:
        _shape_length_check(ck, kind, seg, lines, p)
        return
    ck.add(rule, f"thiếu đường kẻ ngang, nét liền dưới {name}", seg=seg)


def check_title_rule(ck: Checker, last: Segment, title: list[Segment], typed: list[Segment],
                     under: Paragraph | None = None) -> None:
    """The rule under the trích yếu's last line (1/3–1/2 of its longest line); under the "(Ban hành kèm theo
    …)" line (`under`) of a document issued with a decision. A line drawn in the trích yếu's own paragraphs
    (anchored there, printed under or across its last line: FR3-BC01 anchors it in the first of two) is the rule
    too."""
    p = under if under is not None else last.para
    nxt = ck.next_in_container(p)
    if typed:
        s = typed[0]
        ck.add(TYPED_RULE, "đường kẻ dưới trích yếu gõ bằng dấu gạch; ND30 quy định đường kẻ ngang, nét liền",
               TITLE_RULE.ref, seg=s, fix=_rule_fix(ck, s, _rule_length(ck, "title", last, title, s.para)))
        return
    drawn = next((q for q in _under(ck, p) if q.index in ck.shapes), None)
    if drawn is None and any(d.kind == "line" for d in p.drawings):
        drawn = p
    if drawn is None and under is None:  # anchored in an earlier line of a trích yếu set as two paragraphs and
        drawn = next((s.para for s in title if any(d.kind == "line" for d in s.para.drawings)), None)  # moved down
    if drawn is not None:
        _shape_length_check(ck, "title", last, title, drawn)
        return
    target = nxt if nxt is not None and (nxt.border_bottom or nxt.border_top) and not nxt.text.strip() \
        else (p if p.border_bottom else None)
    if target is None:
        ck.add(TITLE_RULE, "thiếu đường kẻ ngang, nét liền dưới trích yếu", seg=last)
        return
    _rule_length_check(ck, "title", last, title, target)


def _under(ck: Checker, p: Paragraph) -> list[Paragraph]:
    """Where the line under `p` may be: the next paragraph of its column (a typed or bordered rule), and the
    empty paragraphs under it where a drawn line may be anchored (a line anchored in the first empty
    paragraph of the cell below is drawn under the block it follows)."""
    nxt = ck.next_in_container(p)
    out = [nxt] if nxt is not None else []
    return out + [q for q in ck.below(p) if nxt is None or q.index != nxt.index]


def check_unclaimed_typed(ck: Checker, typed: list[Segment]) -> None:
    """Typed rules of the header that are under no block `check_rule` knows."""
    for seg in typed:
        if not seg.claimed:
            ck.add(TYPED_RULE, "đường kẻ gõ bằng dấu gạch; ND30 quy định đường kẻ ngang nét liền (vẽ)", seg=seg,
                   fix=_rule_fix(ck, seg, None))


def _column_match(ck: Checker, typed: Segment, seg: Segment) -> bool:
    """In a header set with tabs, the rule under a block sits after as many tabs as the block's text."""
    if typed.para.index in ck.cell_of or seg.para.index in ck.cell_of:
        return True
    return typed.para.text[:typed.start].count("\t") == seg.para.text[:seg.start].count("\t")


def _text_width(ck: Checker, kind: str, seg: Segment, lines: list[Segment] | None, where: Paragraph) -> float:
    size = seg.size or ck.sizes[kind]
    texts = [t for s in (lines or [seg]) for t in _printed(ck, s, size)]
    width = max(text_width_pt(t, size, "bold") for t in texts)
    return min(width, ck.width_available(where))


def _printed(ck: Checker, s: Segment, size: float) -> list[str]:
    """The lines a piece of text prints on in its column, wrapped at word boundaries as Word wraps it ("THI ĐUA -
    KHEN THƯỞNG TỈNH HƯNG YÊN" in a narrow cell prints as "THI ĐUA - KHEN THƯỞNG" / "TỈNH HƯNG YÊN", FR5-HD01)."""
    p = s.para
    room = ck.width_available(p) - (p.indent_left_pt or 0) - (p.indent_right_pt or 0)
    out: list[str] = []
    line = ""
    for word in s.text.split():
        wider = f"{line} {word}" if line else word
        if line and text_width_pt(wider, size, "bold") > room:
            out.append(line)
            line = word
        else:
            line = wider
    return out + [line] if line else out or [s.text]


def _rule_length(ck: Checker, kind: str, seg: Segment, lines, where: Paragraph) -> float:
    text = _text_width(ck, kind, seg, lines, where)
    return text if kind == "motto" else text * nd30.RULE_RATIO


def _shape_length_check(ck: Checker, kind: str, seg: Segment, lines, q: Paragraph) -> None:
    drawn = [d for d in q.drawings if d.kind == "line"]
    if len(drawn) == 1:
        length = ck.shapes.get(q.index)
    else:  # a tab-set header: one paragraph holds the lines of both columns; the one under this block's column
        length = _line_under_column(ck, seg, q, drawn)
    if length:
        _rule_length_check(ck, kind, seg, lines, q, length)


def _line_under_column(ck: Checker, seg: Segment, q: Paragraph, drawn: list) -> float | None:
    """Of several lines drawn from the start of `q`, the length of the one centred nearest the centre tab
    stop of `seg`'s column (as --fix draws them), or, when `seg` is set apart from the text after its tab by
    spaces (FR5-TB01: "\tTRƯỜNG …                    Độc lập …"), nearest its printed middle; None when that
    cannot be told."""
    p = seg.para
    k = p.text[:seg.start].count("\t")
    stops = [(al, pos) for al, pos in p.tab_stops if al != "clear"]
    if any(d.offset_pt is None or not d.width_pt for d in drawn):
        return None
    if p.text[p.text.rfind("\t", 0, seg.start) + 1:seg.start].strip():
        centre = ck.printed_middle(seg)
    elif 1 <= k <= len(stops) and stops[k - 1][0] == "center":
        centre = stops[k - 1][1]
    else:
        return None
    if centre is None:
        return None
    centre -= (q.indent_left_pt or 0) + (q.indent_first_line_pt or 0)
    return min(drawn, key=lambda d: abs(d.offset_pt + d.width_pt / 2 - centre)).width_pt


def _rule_length_check(ck: Checker, kind: str, seg: Segment, lines, q: Paragraph, length: float | None = None) -> None:
    rule, name = UNDER[kind]
    if kind != "motto" and any(nd30.PLACEHOLDER.fullmatch(x.text.strip()) for x in lines or [seg]):
        return  # a template's placeholder ("CO_QUAN", FR22-TB02) is no measure of the name that will stand there
    available = ck.width_available(q)
    if length is None:
        length = available - (q.indent_left_pt or 0) - (q.indent_right_pt or 0)
    text = _text_width(ck, kind, seg, lines, q)
    ok = nd30.motto_rule_ok(length, text) if kind == "motto" else nd30.rule_ratio_ok(length, text)
    last = _printed(ck, seg, seg.size or ck.sizes[kind])
    if not ok and kind != "motto" and ((lines and len(lines) > 1) or len(last) > 1 and kind != "title"):
        # a name on several lines: the rule may be sized on the line right above it ([UNVERIFIED] nd30.md §2.2); a
        # name wrapped in its narrow cell too (FR5-HD01), but not a trích yếu of one paragraph wrapped across the
        # page, whose rule is measured on its longest line (FR8-BC01: 31 mm under lines of 157, 152 and 95 mm)
        ok = nd30.rule_ratio_ok(length, min(text_width_pt(last[-1], seg.size or ck.sizes[kind], "bold"),
                                            ck.width_available(q)))
    if not ok:
        want = "bằng độ dài dòng chữ" if kind == "motto" else "bằng 1/3 đến 1/2 độ dài dòng chữ"
        ck.add(rule, f"đường kẻ dưới {name} dài khoảng {length / PT_PER_MM:.0f} mm, phải {want} "
               f"(khoảng {text / PT_PER_MM * (1 if kind == 'motto' else nd30.RULE_RATIO):.0f} mm)", p=q,
               level="warning")


def _rule_fix(ck: Checker, typed: Segment, length: float | None) -> Fix | None:
    """A paragraph that holds only the typed rule becomes a bordered empty paragraph of the right length;
    a rule that shares its line with another (a header set with tabs) becomes a drawn line of that length."""
    others = [s for s in segments(typed.para) if s.start != typed.start]
    if length is None:
        return None
    if others:
        # centred by the k-th (centre) tab stop; the line is drawn from the start of the paragraph
        p = typed.para
        k = p.text[:typed.start].count("\t")
        stops = [(al, pos) for al, pos in p.tab_stops if al != "clear"]
        if not 1 <= k <= len(stops) or stops[k - 1][0] != "center" or p.alignment not in (None, "left", "both"):
            return None
        x = stops[k - 1][1] - (p.indent_left_pt or 0) - (p.indent_first_line_pt or 0) - length / 2
        return Fix("rule_shape", p.index, typed.start, typed.end, width_pt=round(length, 1), indent_pt=round(x, 1))
    if (typed.para.in_shape or typed.para.framed) and typed.para.box_width_pt is None:
        return None  # a text box of unknown width: indents from the page would leave the border no length
    available = ck.width_available(typed.para)
    side = round(max(0.0, (available - length) / 2), 1)
    # the border spans the width between the indents written (twips of this side: 0,1 pt is 2 twips)
    return Fix("rule", typed.para.index, typed.start, typed.end, indent_pt=side, width_pt=available - 2 * side)
