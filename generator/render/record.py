"""The plan a .docx was built from, recorded inside the .docx so that `import --onto` can compare a
reviewer's document with what the reviewer was shown (a three-way merge), not with the plan as it is
now.

Carrier: a custom XML data part (customXml/itemN.xml with its itemPropsN.xml, related from the main
document part), the place Office keeps data a program stores in a document. Word keeps such parts on
save; LibreOffice (checked with 7.x, `--convert-to docx` and UNO edits) keeps them too. A custom
document property (docProps/custom.xml) was the other candidate: LibreOffice keeps long values, but Word
limits a text property to 255 characters. The part is not shown, printed or numbered: the visible
document is the same with or without it.

The record is the plan's YAML text exactly as read (after the BOM), zlib-compressed and base64
encoded, with its SHA-256 so a damaged record is never taken for a plan."""
from __future__ import annotations

import base64
import hashlib
import posixpath
import re
import zlib

from lxml import etree

NS = "urn:kehoach:plan-record:1"
ROOT_TAG = f"{{{NS}}}plan"
ITEM_ID = "{5E7D4C1B-6A0F-4B8E-9C2D-3F1A0B7E6D54}"
REL_CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"
REL_ITEM_PROPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps"
CT_ITEM_PROPS = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"
NS_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
NS_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
MAX_RECORD_CHARS = 64 * 1024 * 1024  # the plan limit (20 MB; --max-size up to a few times that) compressed


def encode(plan_text: str) -> bytes:
    """The custom XML part holding `plan_text`."""
    data = plan_text.encode("utf-8")
    root = etree.Element(ROOT_TAG, nsmap={None: NS})
    root.set("encoding", "zlib+base64")
    root.set("sha256", hashlib.sha256(data).hexdigest())
    root.text = base64.b64encode(zlib.compress(data, 9)).decode("ascii")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def decode(root) -> str | None:
    """The plan text of a record part's root element, or None when it is not a whole, intact record."""
    if root is None or root.tag != ROOT_TAG or root.get("encoding") != "zlib+base64":
        return None
    payload = (root.text or "").strip()
    if not payload or len(payload) > MAX_RECORD_CHARS:
        return None
    try:
        raw = base64.b64decode(payload, validate=True)
        inflater = zlib.decompressobj()
        data = inflater.decompress(raw, 4 * MAX_RECORD_CHARS)
        if inflater.unconsumed_tail:
            return None
        text = data.decode("utf-8")
    except (ValueError, zlib.error, UnicodeDecodeError):
        return None
    if hashlib.sha256(data).hexdigest() != root.get("sha256"):
        return None
    return text


def _props() -> bytes:
    return (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            b'<ds:datastoreItem xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml" '
            + f'ds:itemID="{ITEM_ID}"><ds:schemaRefs><ds:schemaRef ds:uri="{NS}"/></ds:schemaRefs>'
              f'</ds:datastoreItem>'.encode("ascii"))


def _rels(items: list[tuple[str, str, str]]) -> bytes:
    root = etree.Element(f"{{{NS_REL}}}Relationships", nsmap={None: NS_REL})
    for rid, kind, target in items:
        etree.SubElement(root, f"{{{NS_REL}}}Relationship", Id=rid, Type=kind, Target=target)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def embed(entries: list[tuple[str, bytes]], plan_text: str) -> list[tuple[str, bytes]]:
    """The package's parts (name, bytes) with the record added: a free customXml/itemN.xml, its
    properties part and relationships, a relationship from word/document.xml, a content type."""
    names = {name for name, _ in entries}
    n = 1
    while f"customXml/item{n}.xml" in names or f"customXml/itemProps{n}.xml" in names:
        n += 1
    item, props = f"customXml/item{n}.xml", f"customXml/itemProps{n}.xml"
    out = []
    for name, data in entries:
        if name == "word/_rels/document.xml.rels":
            root = etree.fromstring(data)
            taken = {r.get("Id") for r in root}
            rid = next(f"rIdKehoach{i}" for i in range(1, len(taken) + 2) if f"rIdKehoach{i}" not in taken)
            etree.SubElement(root, f"{{{NS_REL}}}Relationship", Id=rid, Type=REL_CUSTOM_XML,
                             Target=posixpath.relpath(item, "word"))
            data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        elif name == "[Content_Types].xml":
            root = etree.fromstring(data)
            etree.SubElement(root, f"{{{NS_CT}}}Override", PartName="/" + props, ContentType=CT_ITEM_PROPS)
            data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        out.append((name, data))
    out += [(item, encode(plan_text)), (f"customXml/_rels/item{n}.xml.rels",
                                        _rels([("rId1", REL_ITEM_PROPS, f"itemProps{n}.xml")])),
            (props, _props())]
    return out


_ITEM = re.compile(r"customXml/item\d+\.xml")


def find(pkg) -> str | None:
    """The recorded plan text in an opened package (generator.word.package.Package), or None."""
    for name in pkg.names():
        if _ITEM.fullmatch(name):
            text = decode(pkg.xml(name))
            if text is not None:
                return text
    return None
