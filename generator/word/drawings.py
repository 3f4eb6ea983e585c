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
