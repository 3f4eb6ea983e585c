"""The body (ô 6, PL I §II.6): the labels of mục, khoản and điểm and their order, the paragraphs' look
(justified, first-line indent, upright, spacing, size), and the closing "./."."""
from __future__ import annotations

from generator import nd30
from generator.core.text import caseless
from generator.core.units import PT_PER_MM
from generator.nd30.check.base import SIZE_PAIR, Checker, Fix, Level, Rule, format_fix, segments
from generator.nd30.check.locate import body_paragraphs
from generator.nd30.labels import label_of, point_label, roman, split_label
from generator.word.model import Paragraph

HEADING_SEQUENCE = Rule("heading.sequence", "thứ tự mục, khoản, điểm", "PL I §II.6.c")
HEADING_NUMBERING = Rule("heading.numbering", "điểm đánh a), b), c)…", "PL I §II.6.d")
HEADING_STYLE = Rule("heading.style", "tiêu đề mục in hoa, đậm; điểm chữ đứng", "PL I §V mục 6.b", fixable=True)
BODY_JUSTIFY = Rule("body.justify", "nội dung canh đều hai lề", "PL I §II.6.e")
BODY_INDENT = Rule("body.indent", "thụt đầu dòng 1 cm hoặc 1,27 cm", "PL I §II.6.e")
BODY_ITALIC = Rule("body.italic", "nội dung chữ đứng", "PL I §II.6.a, §II.6.e")
BODY_SPACING = Rule("body.spacing", "khoảng cách đoạn tối thiểu 6 pt", "PL I §II.6.e")
BODY_LINE_SPACING = Rule("body.line-spacing", "khoảng cách dòng đơn đến 1,5", "PL I §II.6.e")
BODY_SIZE = Rule("body.size", "cỡ chữ nội dung 13–14", "PL I §II.6.e", fixable=True)
CLOSING_MARK = Rule("closing.mark", "kết thúc bằng “./.”", "PL III, các Mẫu")
RULES = (HEADING_SEQUENCE, HEADING_NUMBERING, HEADING_STYLE, BODY_JUSTIFY, BODY_INDENT, BODY_ITALIC, BODY_SPACING,
         BODY_LINE_SPACING, BODY_SIZE, CLOSING_MARK)

_WARNINGS = (BODY_SPACING, BODY_LINE_SPACING, BODY_ITALIC)  # matters of taste more than of the decree


def check_body(ck: Checker, start: int, end: int) -> None:
    body = body_paragraphs(ck, start, end)
    counters = {"roman": 0, "arabic": 0, "letter": 0}
    grouped: dict[Rule, list[tuple[Paragraph, str, str | None, Fix | None]]] = {}

    def later(rule: Rule, p: Paragraph, text: str, fix: Fix | None = None, ref: str | None = None) -> None:
        grouped.setdefault(rule, []).append((p, text, ref, fix))

    for p in body:
        label = p.list_label or split_label(p.text)[0]
        rest = p.text if p.list_label else split_label(p.text)[1]
        kind = label_of(label) if label else None
        seg = segments(p)[0] if segments(p) else None
        if kind is not None:
            check_label(ck, p, label, kind, counters, rest)
        is_heading = kind is not None and kind[0] == "roman"
        if seg is None:
            continue
        if not is_heading:
            if p.alignment and p.alignment != "both":
                later(BODY_JUSTIFY, p, "nội dung phải canh đều hai lề")
            first_mm = ck.first_line_indent(p) / PT_PER_MM
            if not nd30.first_line_ok(first_mm):
                later(BODY_INDENT, p, f"thụt đầu dòng {first_mm:.1f} mm, phải lùi vào 10 mm hoặc 12,7 mm "
                      "(1 cm hoặc 1,27 cm)".replace(".", ",", 1))
            if seg.italic and not caseless(p.text).startswith("căn cứ") and (kind is None or kind[0] != "letter"):
                later(BODY_ITALIC, p, "nội dung trình bày kiểu chữ đứng (chỉ phần căn cứ in nghiêng)")
            spacing = (p.space_before_pt or 0) + (p.space_after_pt or 0)
            if spacing + 0.01 < nd30.BODY_MIN_SPACING_PT:
                later(BODY_SPACING, p, f"khoảng cách giữa các đoạn {spacing:g} pt, tối thiểu 6 pt")
            if not nd30.line_spacing_ok(p.line_spacing, seg.size):
                later(BODY_LINE_SPACING, p, "khoảng cách dòng phải từ dòng đơn đến 1,5 dòng")
        size = seg.size
        if size is not None and not 13 <= size <= 14:
            later(BODY_SIZE, p, f"cỡ chữ nội dung {size:g}, phải từ 13 đến 14", format_fix(seg, size=ck.sizes["body"]))
        elif size is not None and ck.pair and size != ck.sizes["body"]:
            later(SIZE_PAIR, p, f"cỡ chữ nội dung {size:g} không cùng cặp cỡ chữ của văn bản (cặp "
                  f"{ck.pair}: {ck.sizes['body']:g})", format_fix(seg, size=ck.sizes["body"]), ref="PL I §V, chú thích")
    for rule, items in grouped.items():
        level: Level = "warning" if rule in _WARNINGS else "error"
        for p, text, ref, fix in items:
            ck.add(rule, text, ref, p=p, level=level, fix=fix)
    if body:
        last = body[-1]
        if not last.text.rstrip().endswith(nd30.CLOSING_MARK):
            ck.add(CLOSING_MARK, f"đoạn cuối phần nội dung phải kết thúc bằng dấu “{nd30.CLOSING_MARK}”", p=last)


def check_label(ck: Checker, p: Paragraph, label: str, kind: tuple[str, int], counters: dict, rest: str) -> None:
    level, n = kind
    names = {"roman": "mục", "arabic": "khoản", "letter": "điểm", "dotted": "điểm"}
    if level == "dotted":
        ck.add(HEADING_NUMBERING, f"điểm đánh số “{label}”; ND30 đánh số điểm bằng chữ cái tiếng Việt a), b), "
               "c)…", p=p, level="warning")
        return
    if level == "letter" and n == 0:
        ck.add(HEADING_NUMBERING, f"điểm “{label}” không theo thứ tự chữ cái tiếng Việt (a, b, c, d, đ, e, "
               "g, h, i, k…)", p=p)
        counters["letter"] += 1
        return
    expected = counters[level] + 1
    if n != expected:
        shown = {"roman": roman(expected) + ".", "arabic": f"{expected}.", "letter": point_label(expected)}[level]
        what = "lặp lại" if n == counters[level] else ("bị bỏ qua số thứ tự" if n > expected else "sai thứ tự")
        ck.add(HEADING_SEQUENCE, f"{names[level]} “{label}” {what}: theo thứ tự phải là “{shown}”", p=p)
    counters[level] = n
    if level == "roman":
        counters["arabic"] = counters["letter"] = 0
        seg = segments(p)
        letters = [c for c in rest if c.isalpha()]
        if letters and not all(c.isupper() for c in letters) and not (seg and seg[0].caps):
            ck.add(HEADING_STYLE, "tiêu đề mục (I., II., …) phải viết in hoa", p=p)
        if seg and seg[0].bold is False:
            ck.add(HEADING_STYLE, "tiêu đề mục (I., II., …) phải in đậm", p=p, fix=format_fix(seg[0], bold=True))
    elif level == "arabic":
        counters["letter"] = 0
    elif level == "letter":
        seg = segments(p)
        if seg and (seg[0].bold or seg[0].italic):
            ck.add(HEADING_STYLE, "điểm a), b), c)… trình bày chữ đứng, không in đậm, không nghiêng", "PL I §II.6.d",
                   p=p)
