"""Small WordprocessingML builders (lxml), used where python-docx has no API or is too slow:
styled paragraphs, fixed-layout tables, section properties, page-number fields."""
from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from generator.core.units import half_points, mm_to_twips

mm = mm_to_twips  # the short name the builders here (and tools/make_template.py) use


def el(tag: str, attrs: dict[str, str | int] | None = None, children: list | None = None):
    node = OxmlElement(tag)
    for key, value in (attrs or {}).items():
        node.set(qn(key), str(value))
    for child in children or []:
        node.append(child)
    return node


def run(text: str, *, bold: bool | None = None, italic: bool | None = None, size: float | None = None):
    """A run; newlines become line breaks. Properties given here override the paragraph style."""
    r = el("w:r")
    props = []
    if bold is not None:
        props.append(el("w:b", {} if bold else {"w:val": "0"}))
    if italic is not None:
        props.append(el("w:i", {} if italic else {"w:val": "0"}))
    if size is not None:
        half = half_points(size)
        props += [el("w:sz", {"w:val": half}), el("w:szCs", {"w:val": half})]
    if props:
        r.append(el("w:rPr", children=props))
    for i, part in enumerate(text.split("\n")):
        if i:
            r.append(el("w:br"))
        t = el("w:t", {"xml:space": "preserve"})
        t.text = part
        r.append(t)
    return r


# CT_PPr children must keep the schema order or Word reports the file as damaged.
_PPR_ORDER = ["pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
              "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
              "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
              "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
              "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
              "sectPr", "pPrChange"]
_PPR_RANK = {qn(f"w:{name}"): i for i, name in enumerate(_PPR_ORDER)}


def order_ppr(ppr) -> None:
    children = sorted(ppr, key=lambda child: _PPR_RANK.get(child.tag, len(_PPR_RANK)))
    for child in children:
        ppr.append(child)  # re-appending moves each element into sorted position


def paragraph(style: str, runs: list | None = None, *, align: str | None = None, ppr_extra: list | None = None):
    ppr = el("w:pPr", children=[el("w:pStyle", {"w:val": style})])
    if align:
        ppr.append(el("w:jc", {"w:val": {"justify": "both"}.get(align, align)}))
    for child in ppr_extra or []:
        ppr.append(child)
    order_ppr(ppr)
    return el("w:p", children=[ppr, *(runs or [])])


def page_number_field():
    """A PAGE field as a complex field (fldChar), which Word and LibreOffice both update; its size
    comes from the paragraph style."""

    def r(*children):
        return el("w:r", children=list(children))

    instr = el("w:instrText", {"xml:space": "preserve"})
    instr.text = " PAGE "
    number = el("w:t")
    number.text = "2"
    return [r(el("w:fldChar", {"w:fldCharType": "begin"})), r(instr),
            r(el("w:fldChar", {"w:fldCharType": "separate"})), r(number),
            r(el("w:fldChar", {"w:fldCharType": "end"}))]


def section_properties(*, landscape: bool, margins_mm: dict[str, float], restart_numbering: bool,
                       title_page: bool, header_refs: list | None = None, header_mm: float = 10.0):
    w, h = (mm(297), mm(210)) if landscape else (mm(210), mm(297))
    sect = el("w:sectPr", children=list(header_refs or []))
    sect.append(el("w:type", {"w:val": "nextPage"}))
    size = {"w:w": w, "w:h": h}
    if landscape:
        size["w:orient"] = "landscape"
    sect.append(el("w:pgSz", size))
    sect.append(el("w:pgMar", {"w:top": mm(margins_mm["top"]), "w:right": mm(margins_mm["right"]),
                               "w:bottom": mm(margins_mm["bottom"]), "w:left": mm(margins_mm["left"]),
                               "w:header": mm(header_mm), "w:footer": mm(header_mm), "w:gutter": 0}))
    if restart_numbering:
        sect.append(el("w:pgNumType", {"w:start": 1}))
    if title_page:
        sect.append(el("w:titlePg"))
    return sect


def add_bookmark(paragraph_el, bookmark_id: int, name: str) -> None:
    """A bookmark around the paragraph's whole content (just after its properties)."""
    start = el("w:bookmarkStart", {"w:id": bookmark_id, "w:name": name})
    ppr = paragraph_el.find(qn("w:pPr"))
    if ppr is not None:
        ppr.addnext(start)
    else:
        paragraph_el.insert(0, start)
    paragraph_el.append(el("w:bookmarkEnd", {"w:id": bookmark_id}))


def set_cell_width(tc, width_twips: int) -> None:
    tcpr = tc.find(qn("w:tcPr"))
    if tcpr is None:
        tcpr = el("w:tcPr")
        tc.insert(0, tcpr)
    for old in tcpr.findall(qn("w:tcW")):
        tcpr.remove(old)
    tcpr.insert(0, el("w:tcW", {"w:w": width_twips, "w:type": "dxa"}))
