"""Corrections of the page numbers (check/pagenum.py): a PAGE field centred in the section's default page
header (a new header part when there is none), and no number on the first page ("page_number"); where the section's
header distance is 0 (LibreOffice's .doc → .docx), 10 mm, so that the number prints where printers print."""
from __future__ import annotations

import posixpath

from lxml import etree

from generator import nd30
from generator.core.messages import Message
from generator.core.units import TWIPS_PER_MM, half_points
from generator.nd30.check import Fix
from generator.nd30.fix.fixer import Fixer
from generator.nd30.fix.xml import PPR_ORDER, RPR_ORDER, SECT_ORDER, body_sections, ordered_child, props
from generator.word.package import NS_CT, NS_REL
from generator.word.xml import R_NS, W_NS, w
from generator.core.text import decimal, text_width_pt
from generator.word.drawings import box_width

HEADER_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
HEADER_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"


def fix_page_number(fx: Fixer, fix: Fix, found: Message) -> bool:
    if fix.section in fx.pages_done:
        return True
    fx.pages_done.add(fix.section)
    if not fx.risk("header", found):  # a taller page header pushes the text down
        return False
    sect = fx.section(fix.section)
    if sect is None:
        return False
    where = f"phần {fix.section + 1}"
    size = fix.page_number_size or 14.0
    sects = body_sections(fx.body)
    # the default header in force for this section: its own, else inherited from an earlier section
    ref = None
    for s in reversed(sects[: fix.section + 1]):
        ref = next((r for r in s.findall(w("headerReference")) if r.get(w("type"), "default") == "default"), None)
        if ref is not None:
            break
    added = ref is None  # the number is new on the pages of this section and of those inheriting its header
    if ref is None:
        part = _new_header_part(fx, size)
        rid = _add_relationship(fx, part)
        node = etree.Element(w("headerReference"))
        node.set(w("type"), "default")
        node.set(f"{{{R_NS}}}id", rid)
        sect.insert(0, node)
        fx.note(f"thêm số trang (trường PAGE) canh giữa ở lề trên, cỡ {decimal(size)}", where, found)
    else:
        part = fx.pkg.rels(fx.pkg.main_part).get(ref.get(f"{{{R_NS}}}id"))
        root = fx.pkg.xml(part.target) if part is not None and not part.external else None
        if root is None:
            return False
        if part.target not in fx.header_parts_done:  # a header the sections share: corrected and said once
            fx.header_parts_done.add(part.target)
            added = _center_number(fx, part.target, root, size, where, found)
    _header_distance(fx, sect, where, found)
    for later, s in enumerate(sects[fix.section + 1:], start=fix.section + 2):  # the sections that inherit the
        if any(r.get(w("type"), "default") == "default" for r in s.findall(w("headerReference"))):  # header print
            break  # the number too (FR14-QD03: an appendix at 0 mm, its number at the paper's edge)
        _header_distance(fx, s, f"phần {later}", found)
        if added and _restarted_first_page(fx, sects, later - 1, size, found):
            break  # given a page header of its own: the later sections inherit that one
    if fix.section == 0:
        if sect.find(w("titlePg")) is None:
            ordered_child(sect, "titlePg", SECT_ORDER)
            fx.note("trang đầu khác (không hiện số trang ở trang thứ nhất)", "phần 1", found)
        # the first page's own header and footer (FR16-QD01: its only number, "1", in the first-page footer)
        for tag, place in (("headerReference", "đầu trang"), ("footerReference", "chân trang")):
            first = next((r for r in sect.findall(w(tag)) if r.get(w("type")) == "first"), None)
            if first is None:
                continue
            rel = fx.pkg.rels(fx.pkg.main_part).get(first.get(f"{{{R_NS}}}id"))
            root = fx.pkg.xml(rel.target) if rel is not None and not rel.external else None
            if root is not None and _drop_page_fields(root):
                fx.dirty.add(rel.target)
                fx.note(f"bỏ số trang ở {place} của trang thứ nhất", "phần 1", found)
    return True


def _center_number(fx: Fixer, target: str, root, size: float, where: str, found: Message) -> bool:
    """The PAGE field of header part `target` centred at `size` (added when it has none: True)."""
    fx.dirty.add(target)
    page = [p for p in root.iter(w("p")) if "PAGE" in "".join(t.text or "" for t in p.iter(w("instrText")))
            or any("PAGE" in (f.get(w("instr")) or "") for f in p.iter(w("fldSimple")))]
    if not page:
        root.insert(0, _page_paragraph(size))
        fx.note("thêm số trang (trường PAGE) canh giữa ở lề trên", where, found)
    tabbed = [p for p in page if p.find(f".//{w('tab')}") is not None]
    if tabbed:  # centred with tabs: "canh giữa" would push it right by the tabs' width
        fx.refuse("số trang được đặt bằng phím Tab; không tự canh giữa (sẽ bị đẩy lệch): hãy xóa Tab và canh "
                  "giữa trong Word", found)
    boxed = [why for p in page if p not in tabbed and (why := _cramped(p, size)) is not None]
    if boxed:  # the number's size kept everywhere: one number, one size
        fx.refuse(boxed[0], found)
    for p in page:
        if p in tabbed:
            continue
        ppr = props(p, "pPr")
        ordered_child(ppr, "jc", PPR_ORDER, {"val": "center"})
        if boxed:
            continue
        for r in p.iter(w("r")):
            rpr = props(r, "rPr")
            ordered_child(rpr, "sz", RPR_ORDER, {"val": half_points(size)})
            ordered_child(rpr, "szCs", RPR_ORDER, {"val": half_points(size)})
    if page:
        fx.note("số trang canh giữa" if boxed else f"số trang canh giữa, cỡ {decimal(size)}", where, found)
    return not page


# a page number in a box must fit two digits at its new size, with this much to spare (guards.BOX_SPARE)
NUMBER_SPARE = 1.05


def _cramped(p, size: float) -> str | None:
    """Why the page number `p` cannot take `size`: it sits in a text box or a frame of fixed width that two digits
    at that size no longer fit (a box keeps its size: FR13-ND01's 3.9 mm frame printed pages 10–16 as "1"), or of a
    width that cannot be told; None when it can."""
    frame = p.find(f"{w('pPr')}/{w('framePr')}")
    content = next((a for a in p.iterancestors() if a.tag == w("txbxContent")), None)
    if content is None and frame is None:
        return None
    width = None
    if content is not None:
        width = box_width(content)
    elif frame.get(w("w")) is not None:
        try:
            width = int(frame.get(w("w"))) / 20
        except ValueError:
            width = None
    else:
        return None  # a frame as wide as its text grows with it
    if width is not None and text_width_pt("88", size, "regular") * NUMBER_SPARE <= width:
        return None
    shown = "không đo được" if width is None else f"rộng {decimal(round(width / 72 * 25.4, 1))} mm"
    return (f"số trang nằm trong khung (text box) {shown}: ở cỡ {decimal(size)} số trang hai chữ số không còn vừa "
            "khung (chỉ in được một chữ số); giữ cỡ chữ số trang — hãy nới khung rồi sửa cỡ chữ trong Word")


# the page number's distance from the paper's top edge when the section gives none (LibreOffice's .doc → .docx
# writes 0): 10 mm keeps it clear of the 4–6 mm edge many printers cannot print, and a 14 pt line (≈ 5 mm) under
# it still ends inside ND30's top margin (PL I: lề trên 20–25 mm)
HEADER_DISTANCE_MM = 10.0
HEADER_DISTANCE_MIN_MM = 5.0  # less: the number may fall where the printer cannot print


def _header_distance(fx: Fixer, sect, where: str, found: Message) -> None:
    """A section whose header distance is 0 (or absent, or under HEADER_DISTANCE_MIN_MM) gets
    HEADER_DISTANCE_MM, said; a distance the drafter set is kept."""
    mar = ordered_child(sect, "pgMar", SECT_ORDER, replace=False)
    raw = mar.get(w("header"))
    try:
        old = int(raw) / TWIPS_PER_MM if raw is not None else None
    except ValueError:
        old = None
    # to a tenth of a millimetre: Word and LibreOffice store the 0,5 cm a drafter types as 283 twips (4,99 mm)
    if old is not None and round(old, 1) >= HEADER_DISTANCE_MIN_MM:
        return
    mar.set(w("header"), str(round(HEADER_DISTANCE_MM * TWIPS_PER_MM)))
    shown = "không có" if old is None else f"đang là {decimal(round(old, 1))} mm"
    fx.note(f"khoảng cách từ mép trên tờ giấy đến số trang {decimal(HEADER_DISTANCE_MM)} mm ({shown}: số trang sẽ in sát mép "
            "giấy, chỗ nhiều máy in không in được; 10 mm vẫn nằm trong lề trên 20–25 mm của Nghị định 30, Phụ lục I)",
            where, found)


def _drop_page_fields(root) -> bool:
    dropped = False
    for p in list(root.iter(w("p"))):
        instr = "".join(t.text or "" for t in p.iter(w("instrText")))
        if "PAGE" in instr:
            for r in list(p.iter(w("r"))):
                r.getparent().remove(r)
            dropped = True
        for f in list(p.iter(w("fldSimple"))):
            if "PAGE" in (f.get(w("instr")) or ""):
                f.getparent().remove(f)
                dropped = True
    return dropped


def _new_header_part(fx: Fixer, size: float, number: bool = True) -> str:
    n = 1
    while fx.pkg.has(f"word/header_kehoach{n}.xml") or f"word/header_kehoach{n}.xml" in fx.new_parts:
        n += 1
    name = f"word/header_kehoach{n}.xml"
    hdr = etree.Element(w("hdr"), nsmap={"w": W_NS, "r": R_NS})
    hdr.append(_page_paragraph(size) if number else etree.Element(w("p")))
    fx.new_parts[name] = etree.tostring(hdr, xml_declaration=True, encoding="UTF-8", standalone=True)
    ct = fx.pkg.xml("[Content_Types].xml")
    override = etree.SubElement(ct, f"{{{NS_CT}}}Override")
    override.set("PartName", "/" + name)
    override.set("ContentType", HEADER_CT)
    fx.dirty.add("[Content_Types].xml")
    return name


def _add_relationship(fx: Fixer, part: str) -> str:
    folder, base = posixpath.split(fx.pkg.main_part)
    rels_name = posixpath.join(folder, "_rels", base + ".rels")
    root = fx.pkg.xml(rels_name)
    if root is None:
        root = etree.Element(f"{{{NS_REL}}}Relationships", nsmap={None: NS_REL})
        fx.pkg._xml_cache[rels_name] = root  # a package without document rels: create it
    ids = {r.get("Id") for r in root}
    n = 1
    while f"rIdKh{n}" in ids:
        n += 1
    rel = etree.SubElement(root, f"{{{NS_REL}}}Relationship")
    rel.set("Id", f"rIdKh{n}")
    rel.set("Type", HEADER_REL)
    rel.set("Target", posixpath.relpath(part, folder))
    fx.dirty.add(rels_name)
    return f"rIdKh{n}"


def _page_paragraph(size: float):
    half = half_points(size)

    def run(*children):
        r = etree.Element(w("r"))
        rpr = etree.SubElement(r, w("rPr"))
        fonts = etree.SubElement(rpr, w("rFonts"))
        for key in ("ascii", "hAnsi", "cs", "eastAsia"):
            fonts.set(w(key), nd30.FONT)
        etree.SubElement(rpr, w("sz")).set(w("val"), half)
        etree.SubElement(rpr, w("szCs")).set(w("val"), half)
        for c in children:
            r.append(c)
        return r

    def fld(kind):
        node = etree.Element(w("fldChar"))
        node.set(w("fldCharType"), kind)
        return node

    instr = etree.Element(w("instrText"))
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instr.text = " PAGE "
    number = etree.Element(w("t"))
    number.text = "2"
    p = etree.Element(w("p"))
    ppr = etree.SubElement(p, w("pPr"))
    # single line, no space around: the header stays inside the top margin and the text does not move down
    spacing = etree.SubElement(ppr, w("spacing"))
    for key, value in (("before", "0"), ("after", "0"), ("line", "240"), ("lineRule", "auto")):
        spacing.set(w(key), value)
    etree.SubElement(ppr, w("ind")).set(w("firstLine"), "0")
    etree.SubElement(ppr, w("jc")).set(w("val"), "center")
    for r in (run(fld("begin")), run(instr), run(fld("separate")), run(number), run(fld("end"))):
        p.append(r)
    return p


FIXES = {"page_number": fix_page_number}


def _restarted_first_page(fx: Fixer, sects: list, index: int, size: float, found: Message) -> bool:
    """Section `index` inherits the page header given a new number and numbers its pages from a start of its own
    (an appendix: PL I §III.1.đ) without "trang đầu khác": its first page, which showed no number, would print "1"
    (FR15-QD01). "Trang đầu khác" is turned on when its first page then prints the page header and footer it printed
    (the first-page ones in force are those, or both print nothing but a number); else the section gets a page
    header of its own, empty, and prints as it did (True: the later sections inherit that header)."""
    sect = sects[index]
    numbering = sect.find(w("pgNumType"))
    if numbering is None or numbering.get(w("start")) is None or sect.find(w("titlePg")) is not None:
        return False
    where = f"phần {index + 1}"

    def same(kind: str) -> bool:  # the first page prints with "trang đầu khác" what it printed without
        first, default = _shown(fx, sects, index, kind, "first"), _shown(fx, sects, index, kind, "default")
        return first == default or not (_prints(fx, first) or _prints(fx, default))

    if same("headerReference") and same("footerReference"):
        ordered_child(sect, "titlePg", SECT_ORDER)
        fx.note("trang đầu khác: phần này đánh số trang riêng từ 1 (như một phụ lục), trang thứ nhất của nó không hiện số "
                "trang, như bản gốc", where, found)
        return False
    part = _new_header_part(fx, size, number=False)
    node = etree.Element(w("headerReference"))
    node.set(w("type"), "default")
    node.set(f"{{{R_NS}}}id", _add_relationship(fx, part))
    sect.insert(0, node)
    fx.note("đầu trang riêng, để trống: phần này đánh số trang riêng từ 1 (như một phụ lục) và không có số trang, "
            "như bản gốc; nếu cần, hãy thêm số trang cho phần này trong Word", where, found)
    return True


def _shown(fx: Fixer, sects: list, index: int, kind: str, kind_type: str) -> str | None:
    """The part of `kind` (headerReference, footerReference) and type that section `index` prints: its own, else
    the nearest earlier section's (Word's inheritance); None when no section names one."""
    for s in reversed(sects[: index + 1]):
        ref = next((r for r in s.findall(w(kind)) if r.get(w("type"), "default") == kind_type), None)
        if ref is not None:
            rel = fx.pkg.rels(fx.pkg.main_part).get(ref.get(f"{{{R_NS}}}id"))
            return rel.target if rel is not None and not rel.external else None
    return None


def _prints(fx: Fixer, part: str | None) -> bool:
    """Whether a page header or footer part prints something besides a page number: text, a picture (a part
    --fix made holds the number only)."""
    root = fx.pkg.xml(part) if part is not None and part not in fx.new_parts else None
    if root is None:
        return False
    for p in root.iter(w("p")):
        if "PAGE" in "".join(t.text or "" for t in p.iter(w("instrText"))) or \
                any("PAGE" in (f.get(w("instr")) or "") for f in p.iter(w("fldSimple"))):
            continue
        if any((t.text or "").strip() for t in p.iter(w("t"))) or \
                any(True for tag in ("drawing", "pict", "object") for _ in p.iter(w(tag))):
            return True
    return False


# a page number in a box must fit two digits at its new size, with this much to spare (guards.BOX_SPARE)
NUMBER_SPARE = 1.05
