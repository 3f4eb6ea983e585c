"""styles.xml (+ the theme's fonts): properties resolved the way Word resolves them —
document defaults, then the basedOn chain of the paragraph style, then the character style chain, then
direct formatting. Properties are plain dicts so later layers override earlier ones by `update`."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.core.units import AUTO_LINE, half_points_to_pt, twips_to_pt
from generator.word.xml import A_NS, W_NS, attr, child, on_off, to_int, twips, val, w

MAX_CHAIN = 64  # basedOn depth; Word's own templates use under 10, a deeper chain is hostile or broken

_HEADING_ID = re.compile(r"^heading\s*([1-9])$", re.I)

_JC = {"left": "left", "start": "left", "right": "right", "end": "right", "center": "center",
       "both": "both", "distribute": "both", "lowKashida": "both", "mediumKashida": "both",
       "highKashida": "both", "thaiDistribute": "both"}


class _Kids:
    """The children of one properties element by local name: one pass instead of a find() per property
    (find() parses its path each call, which dominated reading time on long documents)."""

    __slots__ = ("map",)

    def __init__(self, node):
        self.map = {c.tag: c for c in node} if node is not None else {}

    def get(self, tag: str):
        return self.map.get(_W + tag)


_W = "{" + W_NS + "}"
_TBL_STYLE_PR = _W + "tblStylePr"


def _val(kids: "_Kids", tag: str, default=None):
    node = kids.get(tag)
    return default if node is None else attr(node, "val", default)


def parse_ppr(ppr) -> dict:
    """Paragraph properties present on one pPr (absent ones are not in the dict)."""
    out: dict = {}
    if ppr is None:
        return out
    k = _Kids(ppr)
    jc = _val(k, "jc")
    if jc is not None:
        out["alignment"] = _JC.get(jc, None)
    ind = k.get("ind")
    if ind is not None:
        left = attr(ind, "left", attr(ind, "start"))
        if left is not None:
            out["indent_left"] = twips_to_pt(twips(left) or 0)
        right = attr(ind, "right", attr(ind, "end"))
        if right is not None:
            out["indent_right"] = twips_to_pt(twips(right) or 0)
        hanging, first = attr(ind, "hanging"), attr(ind, "firstLine")
        if hanging is not None:
            out["first_line"] = twips_to_pt(-(twips(hanging) or 0))
        elif first is not None:
            out["first_line"] = twips_to_pt(twips(first) or 0)
    spacing = k.get("spacing")
    if spacing is not None:
        for key, name in (("space_before", "before"), ("space_after", "after")):
            value = attr(spacing, name)
            if value is not None:
                out[key] = twips_to_pt(twips(value) or 0)
        line = attr(spacing, "line")
        if line is not None:
            rule = attr(spacing, "lineRule", "auto")
            amount = twips(line) or 0
            out["line_spacing"] = (("auto", round(amount / AUTO_LINE, 3)) if rule == "auto"
                                   else (rule, twips_to_pt(amount)))
    for key, tag in (("page_break_before", "pageBreakBefore"), ("keep_next", "keepNext"),
                     ("keep_lines", "keepLines")):
        node = k.get(tag)
        if node is not None:
            out[key] = on_off(node)
    bdr = k.get("pBdr")
    if bdr is not None:
        for side in ("top", "bottom"):
            node = child(bdr, side)
            if node is not None:
                out[f"border_{side}"] = attr(node, "val", "none") not in ("none", "nil")
    outline = _val(k, "outlineLvl")
    if outline is not None:
        out["outline_level"] = to_int(outline)
    numpr = k.get("numPr")
    if numpr is not None:
        num_id, ilvl = val(numpr, "numId"), val(numpr, "ilvl")
        if num_id is not None:
            out["num_id"] = num_id
        if ilvl is not None:
            out["ilvl"] = to_int(ilvl, 0)
    tabs = k.get("tabs")
    if tabs is not None:
        out["tabs"] = [(attr(t, "val", "left"), twips_to_pt(twips(attr(t, "pos")) or 0)) for t in tabs
                       if t.tag == w("tab")]
    return out


def _slot(fonts, key: str, theme_fonts: dict[str, str] | None) -> str | None:
    """The font of one rFonts slot ("ascii", "hAnsi"): its theme font when a theme attribute is given and the
    theme names one, else the font named."""
    theme = attr(fonts, f"{key}Theme")
    if theme and theme_fonts:
        found = theme_fonts.get("major" if theme.startswith("major") else "minor")
        if found:
            return found
    return attr(fonts, key)


def parse_rpr(rpr, theme_fonts: dict[str, str] | None = None) -> dict:
    out: dict = {}
    if rpr is None:
        return out
    k = _Kids(rpr)
    for key, tag in (("bold", "b"), ("italic", "i"), ("caps", "caps"), ("vanish", "vanish"),
                     ("strike", "strike"), ("small_caps", "smallCaps")):
        node = k.get(tag)
        if node is not None:
            out[key] = on_off(node)
    u = k.get("u")
    if u is not None:
        # w:u with no w:val ("<w:u w:color="000000"/>", a colour for an underline not chosen) draws none:
        # LibreOffice prints FR10-TC01's body, every run of it so marked, without a line
        out["underline"] = attr(u, "val", "none") not in ("none", "0", "false")
    sz = _val(k, "sz")
    if sz is not None and to_int(sz) is not None:
        out["size"] = half_points_to_pt(float(sz))
    fonts = k.get("rFonts")
    if fonts is not None:
        # a theme attribute, when given, wins over the font named beside it (Word; ECMA-376 17.3.2.26)
        ascii_font, hansi = _slot(fonts, "ascii", theme_fonts), _slot(fonts, "hAnsi", theme_fonts)
        name = ascii_font or hansi
        if name:
            out["font"] = name
        # Word draws characters beyond ASCII (Vietnamese letters with marks) in the hAnsi font
        if hansi:
            out["font_hansi"] = hansi
    color = k.get("color")
    if color is not None:
        # the colour written ("FF0000", "auto"); a theme colour alone ("accent1") by its theme name
        value, theme = attr(color, "val"), attr(color, "themeColor")
        if value or theme:
            out["color"] = value.lower() if value else f"theme:{theme}"
    mark = _val(k, "highlight")  # a highlighter's colour behind the text ("yellow"); "none" takes one away
    if mark is not None:
        out["highlight"] = mark
    style = _val(k, "rStyle")
    if style is not None:
        out["style"] = style
    return out


@dataclass(frozen=True)
class TableProps:
    key: str
    ppr: dict
    rpr: dict


class Style:
    """One w:style. Its properties are parsed the first time they are asked for: a template carries
    a hundred or more styles (table styles with a dozen conditional parts each), a document uses few."""

    __slots__ = ("id", "type", "name", "based_on", "is_default", "_node", "_theme_fonts", "_parsed")

    def __init__(self, id: str, type: str, name: str | None, based_on: str | None, is_default: bool,
                 node=None, theme_fonts: dict[str, str] | None = None):
        self.id, self.type, self.name, self.based_on, self.is_default = id, type, name, based_on, is_default
        self._node, self._theme_fonts, self._parsed = node, theme_fonts, None

    def _parse(self) -> tuple:
        if self._parsed is None:
            node, fonts = self._node, self._theme_fonts
            ppr = parse_ppr(child(node, "pPr"))
            tblpr = child(node, "tblPr")
            self._parsed = (
                ppr,
                parse_rpr(child(node, "rPr"), fonts),
                borders_on(child(tblpr, "tblBorders")) if tblpr is not None else None,
                ppr.get("num_id") if self.type == "numbering" else None,
                {attr(c, "type"): (parse_ppr(child(c, "pPr")), parse_rpr(child(c, "rPr"), fonts))
                 for c in node if c.tag == _TBL_STYLE_PR and attr(c, "type")} if self.type == "table" else {},
            )
        return self._parsed

    @property
    def ppr(self) -> dict:
        return self._parse()[0]

    @property
    def rpr(self) -> dict:
        return self._parse()[1]

    @property
    def tbl_borders(self) -> bool | None:
        return self._parse()[2]

    @property
    def num_id(self) -> str | None:  # numbering style (w:type="numbering") → its num
        return self._parse()[3]

    @property
    def conditional(self) -> dict:  # table styles: tblStylePr type → (ppr, rpr)
        return self._parse()[4]


@dataclass
class Styles:
    styles: dict[str, Style] = field(default_factory=dict)
    default_ppr: dict = field(default_factory=dict)
    default_rpr: dict = field(default_factory=dict)
    default_paragraph: str | None = None
    default_character: str | None = None
    default_table: str | None = None
    theme_fonts: dict[str, str] = field(default_factory=dict)
    _ppr_cache: dict = field(default_factory=dict)
    _rpr_cache: dict = field(default_factory=dict)
    _chain_cache: dict = field(default_factory=dict)
    _heading_cache: dict = field(default_factory=dict)  # style id → heading level (asked per paragraph)
    _table_cache: dict = field(default_factory=dict)  # (table style, conditions) → TableProps (asked per cell)

    def get(self, style_id: str | None) -> Style | None:
        return self.styles.get(style_id) if style_id else None

    def name(self, style_id: str | None) -> str | None:
        style = self.get(style_id)
        return style.name if style else None

    def _chain(self, style_id: str | None) -> list[Style]:
        """Root first; cycles and missing parents end the chain (a hand-made file may have either)."""
        key = style_id or ""
        cached = self._chain_cache.get(key)
        if cached is None:
            cached = self._chain_cache[key] = self._build_chain(style_id)
        return cached

    def _build_chain(self, style_id: str | None) -> list[Style]:
        chain, seen = [], set()
        while style_id and style_id not in seen and len(chain) < MAX_CHAIN:
            style = self.styles.get(style_id)
            if style is None:
                break
            seen.add(style_id)
            chain.append(style)
            style_id = style.based_on
        return chain[::-1]

    def paragraph_ppr(self, style_id: str | None, table: "TableProps | None" = None) -> dict:
        key = (style_id or "", table.key if table else "")
        if key not in self._ppr_cache:
            merged = dict(self.default_ppr)
            if table is not None:
                merged.update(table.ppr)
            tabs: dict[float, str] = {pos: al for al, pos in merged.get("tabs", [])}
            for style in self._chain(style_id or self.default_paragraph):
                for pos_al in style.ppr.get("tabs", []):
                    _merge_tab(tabs, pos_al)
                merged.update(style.ppr)
            merged["tabs"] = [(al, pos) for pos, al in sorted(tabs.items())]
            self._ppr_cache[key] = merged
        return self._ppr_cache[key]

    def paragraph_rpr(self, style_id: str | None, table: "TableProps | None" = None) -> dict:
        key = ("p", style_id or "", table.key if table else "")
        if key not in self._rpr_cache:
            merged = dict(self.default_rpr)
            if table is not None:
                merged.update(table.rpr)
            for style in self._chain(style_id or self.default_paragraph):
                merged.update(style.rpr)
            self._rpr_cache[key] = merged
        return self._rpr_cache[key]

    def table_props(self, style_id: str | None, conditions: tuple[str, ...] = ()) -> "TableProps | None":
        """The paragraph/run properties a table style gives its cells: the style chain's own pPr/rPr,
        then the conditional parts (w:tblStylePr, e.g. firstRow) that apply to the cell."""
        key = (style_id, conditions)
        if key not in self._table_cache:
            self._table_cache[key] = self._table_props(style_id, conditions)
        return self._table_cache[key]

    def _table_props(self, style_id: str | None, conditions: tuple[str, ...]) -> "TableProps | None":
        chain = self._chain(style_id)
        if not chain:
            return None
        ppr: dict = {}
        rpr: dict = {}
        for style in chain:
            ppr.update(style.ppr)
            rpr.update(style.rpr)
        for condition in conditions:
            for style in chain:
                cond_ppr, cond_rpr = style.conditional.get(condition, ({}, {}))
                ppr.update(cond_ppr)
                rpr.update(cond_rpr)
        if not ppr and not rpr:
            return None
        return TableProps(f"{style_id}|{'+'.join(conditions)}", ppr, rpr)

    def character_rpr(self, style_id: str | None) -> dict:
        key = ("c", style_id or "")
        if key not in self._rpr_cache:
            merged: dict = {}
            for style in self._chain(style_id):
                merged.update(style.rpr)
            self._rpr_cache[key] = merged
        return self._rpr_cache[key]

    def heading_level(self, style_id: str | None) -> int | None:
        """Built-in Heading n by id or name, else the outline level of the style chain."""
        key = style_id or ""
        if key not in self._heading_cache:
            self._heading_cache[key] = self._heading_level(style_id)
        return self._heading_cache[key]

    def _heading_level(self, style_id: str | None) -> int | None:
        for style in reversed(self._chain(style_id)):
            for text in (style.id, style.name or ""):
                m = _HEADING_ID.match(text.strip())
                if m:
                    return int(m.group(1))
        outline = self.paragraph_ppr(style_id).get("outline_level")
        return outline + 1 if outline is not None and 0 <= outline < 9 else None

    def table_borders(self, style_id: str | None) -> bool:
        for style in reversed(self._chain(style_id or self.default_table)):
            if style.tbl_borders is not None:
                return style.tbl_borders
        return False

    def style_numbering(self, style_id: str | None) -> tuple[str | None, int | None, str | None]:
        """(numId, ilvl, the style in the chain that carried the numPr) from the paragraph style chain."""
        num_id = ilvl = owner = None
        for style in self._chain(style_id or self.default_paragraph):
            if "num_id" in style.ppr:
                num_id, ilvl, owner = style.ppr["num_id"], style.ppr.get("ilvl"), style.id
            elif "ilvl" in style.ppr and num_id is not None:
                ilvl = style.ppr["ilvl"]
        return num_id, ilvl, owner


def _merge_tab(tabs: dict[float, str], al_pos: tuple[str, float]) -> None:
    al, pos = al_pos
    if al == "clear":
        tabs.pop(pos, None)
    else:
        tabs[pos] = al


def borders_on(node) -> bool | None:
    if node is None:
        return None
    sides = [c for c in node if attr(c, "val") is not None]
    if not sides:
        return None
    return any(attr(c, "val") not in ("none", "nil") for c in sides)


def read_theme_fonts(theme_root) -> dict[str, str]:
    fonts: dict[str, str] = {}
    if theme_root is None:
        return fonts
    for kind in ("major", "minor"):
        node = theme_root.find(f".//{{{A_NS}}}{kind}Font/{{{A_NS}}}latin")
        if node is not None and node.get("typeface"):
            fonts[kind] = node.get("typeface")
    return fonts


def read_styles(root, theme_root=None) -> Styles:
    """root: the parsed styles.xml (or None: a package without styles gets Word's built-in defaults)."""
    result = Styles(theme_fonts=read_theme_fonts(theme_root))
    if root is None:
        return result
    defaults = root.find(w("docDefaults"))
    if defaults is not None:
        ppr = defaults.find(f"{w('pPrDefault')}/{w('pPr')}")
        rpr = defaults.find(f"{w('rPrDefault')}/{w('rPr')}")
        result.default_ppr = parse_ppr(ppr)
        result.default_rpr = parse_rpr(rpr, result.theme_fonts)
    for node in root.iter(w("style")):
        sid = attr(node, "styleId")
        if not sid:
            continue
        stype = attr(node, "type", "paragraph")
        style = Style(sid, stype, val(node, "name"), val(node, "basedOn"),
                      (attr(node, "default") or "").lower() in ("1", "true", "on"), node, result.theme_fonts)
        result.styles[sid] = style
        if style.is_default:
            if stype == "paragraph" and result.default_paragraph is None:
                result.default_paragraph = sid
            elif stype == "character" and result.default_character is None:
                result.default_character = sid
            elif stype == "table" and result.default_table is None:
                result.default_table = sid
    return result
