"""Drawings and shapes anchored in a run (w:drawing = DrawingML, w:pict = VML, w:object = OLE): what
each one is, its size, and the text boxes it holds. The text boxes' paragraphs are read by the
paragraph reader after the anchoring paragraph (in_shape)."""
from __future__ import annotations

from generator.core.units import PT_PER_PX, VML_PT, emu_to_pt
from generator.word.model import Drawing, Message, Result
from generator.word.xml import MC_NS, local, ns, w

_O_NS = "urn:schemas-microsoft-com:office:office"
_WRAPS = {"wrapSquare", "wrapTight", "wrapThrough", "wrapTopAndBottom", "wrapNone"}  # a floating drawing's wrapping


def read_drawing(node, where: str) -> Result:
    """Result.value: (the Drawing, its text boxes' w:txbxContent elements); the message says what was
    not read (`where` is the paragraph's, as messages print it)."""
    boxes = [b for b in node.iter(w("txbxContent")) if not inside_other_txbx(b, node)]
    drawing = describe_drawing(node, bool(boxes))
    level, text = _what_is_lost(drawing, boxes)
    return Result((drawing, boxes), [Message(level, text, where)])


def _what_is_lost(drawing: Drawing, boxes: list) -> tuple[str, str]:
    if boxes:
        return "info", "có khung văn bản/hình vẽ chứa chữ; chữ được đọc thành các đoạn riêng (in_shape)"
    if drawing.kind == "ole":
        return "warning", "có đối tượng nhúng (OLE); không đọc được nội dung của nó"
    if drawing.kind == "image":
        return "info", "có hình ảnh; hình ảnh không được đọc"
    if drawing.kind == "chart":
        return "warning", "có biểu đồ; biểu đồ không được đọc"
    if drawing.kind == "line":
        return "info", "có đường kẻ vẽ bằng hình (shape)"
    return "info", "có hình vẽ (shape) không chứa chữ; bỏ qua"


def describe_drawing(node, has_text: bool) -> Drawing:
    """What a w:drawing / w:pict / w:object is, and its size, from DrawingML or VML."""
    names = {local(n.tag) for n in node.iter()}
    if local(node.tag) == "object" or "OLEObject" in names:
        return Drawing("ole", has_text=has_text)
    if local(node.tag) == "drawing":
        extent = next((n for n in node.iter() if local(n.tag) == "extent"), None)
        width = height = None
        if extent is not None:
            try:
                width = round(emu_to_pt(int(extent.get("cx", "0"))), 2)
                height = round(emu_to_pt(int(extent.get("cy", "0"))), 2)
            except ValueError:
                pass
        geometry = next((n.get("prst") for n in node.iter() if local(n.tag) == "prstGeom"), None)
        if "chart" in names:
            kind = "chart"
        elif "blip" in names or "pic" in names:
            kind = "image" if "wgp" not in names and "grpSp" not in names else "group"
        elif not has_text and _only_lines(node):  # a line, or a group of nothing but lines (a rule drawn as a path)
            kind = "line"
        elif "wgp" in names or "grpSp" in names:
            kind = "group"
        elif geometry in ("line", "straightConnector1") or "cxnSp" in names:
            kind = "line"
        else:
            kind = "shape"
        wrap = next((local(n.tag)[4].lower() + local(n.tag)[5:] for n in node.iter() if local(n.tag) in _WRAPS), None)
        return Drawing(kind, width, height, has_text, top_pt=_anchor_top(node), wrap=wrap)
    # VML (w:pict): Word 2003-2007 and LibreOffice's fallback
    for n in node.iter():
        name = local(n.tag)
        if name == "line":
            (x1, _), (x2, _) = _vml_point(n.get("from")), _vml_point(n.get("to"))
            width = round(abs(x2 - x1), 2) if x1 is not None and x2 is not None else None
            y = _vml_point(n.get("from"))[1]
            top = y if "position:absolute" in (n.get("style") or "").replace(" ", "") else None
            return Drawing("line", width, 0.0, has_text, offset_pt=x1, top_pt=top)
        if name in ("shape", "rect", "roundrect", "oval", "polyline"):
            style = _vml_style(n.get("style"))
            width, height = _vml_length(style.get("width")), _vml_length(style.get("height"))
            if "imagedata" in names:
                return Drawing("image", width, height, has_text)
            connector = n.get(f"{{{_O_NS}}}connectortype") or (n.get("type") or "").endswith("_x0000_t32")
            return Drawing("line" if connector else "shape", width, height, has_text)
    return Drawing("image" if "imagedata" in names else "shape", has_text=has_text)


def _only_lines(node) -> bool:
    """Every shape of a DrawingML drawing is a straight line: a line or connector geometry, or a custom path
    that is one move and one straight segment (how some tools draw the rule under a header block)."""
    shapes = [n for n in node.iter() if local(n.tag) in ("wsp", "cxnSp", "sp")]
    if not shapes:
        return False
    for sp in shapes:
        prst = next((n.get("prst") for n in sp.iter() if local(n.tag) == "prstGeom"), None)
        if prst in ("line", "straightConnector1"):
            continue
        paths = [n for n in sp.iter() if local(n.tag) == "path" and local(n.getparent().tag) == "pathLst"]
        if not paths or any([local(c.tag) for c in path] != ["moveTo", "lnTo"] for path in paths):
            return False
    return True


def _anchor_top(node) -> float | None:
    """A floating DrawingML drawing's top below the top of its anchor paragraph (positionV from the paragraph
    or its line); None for an inline drawing or another reference."""
    pos = next((n for n in node.iter() if local(n.tag) == "positionV"), None)
    if pos is None or pos.get("relativeFrom") not in ("paragraph", "line"):
        return None
    off = next((n for n in pos if local(n.tag) == "posOffset"), None)
    try:
        return round(emu_to_pt(int(off.text)), 2) if off is not None and off.text else None
    except ValueError:
        return None


def _vml_length(text: str | None) -> float | None:
    if not text:
        return None
    text = text.strip().lower()
    for unit, factor in VML_PT.items():
        if text.endswith(unit):
            try:
                return float(text[: -len(unit)]) * factor
            except ValueError:
                return None
    try:
        return float(text) * PT_PER_PX  # bare VML numbers are pixels
    except ValueError:
        return None


def _vml_point(text: str | None) -> tuple[float | None, float | None]:
    parts = (text or "").split(",")
    if len(parts) != 2:
        return None, None
    return _vml_length(parts[0]), _vml_length(parts[1])


def _vml_style(style: str | None) -> dict[str, str]:
    out = {}
    for item in (style or "").split(";"):
        if ":" in item:
            key, value = item.split(":", 1)
            out[key.strip().lower()] = value.strip()
    return out


def inside_other_txbx(node, root) -> bool:
    """A text box nested in another one (or in an mc:Fallback copy) is read with its container, once."""
    parent = node.getparent()
    while parent is not None and parent is not root:
        if local(parent.tag) == "txbxContent":
            return True
        if ns(parent.tag) == MC_NS and local(parent.tag) == "Fallback":
            return True
        parent = parent.getparent()
    return False


_EMU_INSET = 91440  # DrawingML's default left/right inset of a text box (0.1 in)


def box_widths(contents: list) -> list[tuple[float | None, float | None]]:
    """For each text box anchored in one paragraph: (its width for text, `box_width`; the width a centred line
    can take without running under another box anchored there). Two header boxes placed side by side may
    overlap, the upper one white-filled: a line grown past the overlap is hidden under it (FR11-CTR01's school
    name printed "… THỰC PHẨ"). The clear width is None when the boxes' places cannot be compared."""
    spans = [_span(c) for c in contents]
    out = []
    for k, content in enumerate(contents):
        width = box_width(content)
        span = spans[k]
        if width is None or span is None:
            out.append((width, None if any(o is not None for j, o in enumerate(spans) if j != k) else width))
            continue
        left, right, ref = span
        inset = (right - left - width) / 2
        lo, hi = left + inset, right - inset  # the text area
        centre = (lo + hi) / 2
        for j, other in enumerate(spans):
            if j == k or other is None or other[2] != ref:
                continue
            if other[0] < hi and other[1] > lo:  # overlapping: the text keeps the side of the centre it is on
                if other[0] >= centre:
                    hi = min(hi, other[0])
                elif other[1] <= centre:
                    lo = max(lo, other[1])
                else:
                    lo = hi = centre
        out.append((width, round(max(0.0, 2 * min(centre - lo, hi - centre)), 2)))
    return out


def _span(content) -> tuple[float, float, str] | None:
    """(left, right, reference) in points of a floating DrawingML text box placed by an offset, else None."""
    frame = next((a for a in content.iterancestors() if local(a.tag) in ("anchor", "inline")), None)
    if frame is None or local(frame.tag) != "anchor":
        return None
    pos = next((n for n in frame if local(n.tag) == "positionH"), None)
    extent = next((n for n in frame if local(n.tag) == "extent"), None)
    off = next((n for n in pos if local(n.tag) == "posOffset"), None) if pos is not None else None
    try:
        x, cx = int(off.text), int(extent.get("cx"))
    except (AttributeError, TypeError, ValueError):
        return None
    return emu_to_pt(x), emu_to_pt(x + cx), pos.get("relativeFrom") or ""


def box_width(content) -> float | None:
    """Points a text box (its w:txbxContent) gives its paragraphs: the shape's width less its left and right
    insets; None when that cannot be told (a box in a group, whose sizes are in the group's own units, or no
    width written). A size or a rule computed from the page inside a 106 mm box overflows it (FR11-CTR01)."""
    holder = content.getparent()
    if holder is None:
        return None
    if local(holder.tag) == "txbx":  # DrawingML (wps): wsp > txbx > txbxContent, bodyPr beside txbx
        shape = holder.getparent()
        if shape is None or any(local(a.tag) in ("wgp", "grpSp") for a in shape.iterancestors()):
            return None
        body = next((n for n in shape if local(n.tag) == "bodyPr"), None)
        frame = next((a for a in shape.iterancestors() if local(a.tag) in ("anchor", "inline")), None)
        extent = next((n for n in frame if local(n.tag) == "extent"), None) if frame is not None else None
        try:
            cx = int(extent.get("cx")) if extent is not None else None
            insets = [int(body.get(k, _EMU_INSET)) if body is not None else _EMU_INSET for k in ("lIns", "rIns")]
        except (TypeError, ValueError):
            return None
        return round(emu_to_pt(cx - sum(insets)), 2) if cx else None
    if local(holder.tag) == "textbox":  # VML: shape > v:textbox (inset "l,t,r,b", default 0.1in,0.05in,…)
        shape = holder.getparent()
        if shape is None or any(local(a.tag) == "group" for a in shape.iterancestors()):
            return None
        width = _vml_length(_vml_style(shape.get("style")).get("width"))
        inset = [s.strip() for s in (holder.get("inset") or "").split(",")]
        sides = [_vml_length(inset[k]) if len(inset) > k and inset[k] else 7.2 for k in (0, 2)]
        if width is None or None in sides:
            return None
        return round(width - sum(sides), 2)
    return None
