"""Generators of the second hostile campaign of issue 22 ("the Word side under attack and in a busy office"):
families nobody tried before, each written as a change to a .docx kehoach built (so `import --onto` has
something to compare with) or built from nothing. Only the generators are stored, never the files.

Each family is `name(base, folder) -> Path`: `base` is a .docx made by `kehoach build`; the file is written
in `folder`. bench/hostile_office.py runs every command on every family and prints the figures."""
from __future__ import annotations

import re
import unicodedata
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from tests.word.docx_factory import CT_BASE, NSDECL, REL_BASE

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"


def _p(text: str, ppr: str = "") -> str:
    return f'<w:p>{f"<w:pPr>{ppr}</w:pPr>" if ppr else ""}<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def _tbl(inner_cell: str) -> str:
    return (f'<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="dxa"/></w:tblPr><w:tblGrid><w:gridCol w:w="5000"/></w:tblGrid>'
            f'<w:tr><w:tc><w:tcPr><w:tcW w:w="5000" w:type="dxa"/></w:tcPr>{inner_cell}</w:tc></w:tr></w:tbl>')


def nested_tables(depth: int, leaf: str = "Ô trong cùng") -> str:
    """`depth` tables each inside the only cell of the one before; a cell always ends with a paragraph."""
    inner = _p(leaf)
    for i in range(depth):
        inner = _tbl(inner) + _p("")
    return inner


def textbox(content: str, fallback: bool = True) -> str:
    """A run holding a DrawingML text box (wps:txbx) with its VML fallback, as Word writes both."""
    vml = ('<w:pict><v:shape style="width:150pt;height:40pt">'
           f'<v:textbox><w:txbxContent>{content}</w:txbxContent></v:textbox></v:shape></w:pict>') if fallback else ""
    return ('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="0" '
            'distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
            '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
            '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
            '<wp:extent cx="2000000" cy="500000"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
            '<wp:docPr id="1" name="Text Box 1"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData '
            'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/>'
            '<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2000000" cy="500000"/></a:xfrm>'
            '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>'
            f'<wps:txbx><w:txbxContent>{content}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData>'
            '</a:graphic></wp:anchor></w:drawing></mc:Choice>'
            f'<mc:Fallback>{vml}</mc:Fallback></mc:AlternateContent></w:r>')


class Package:
    """A .docx as {name: bytes}, changed part by part and written back."""

    def __init__(self, base: Path):
        with zipfile.ZipFile(base) as zf:
            self.parts = {info.filename: zf.read(info) for info in zf.infolist()}

    @property
    def doc(self) -> str:
        return self.parts["word/document.xml"].decode("utf-8")

    @doc.setter
    def doc(self, text: str) -> None:
        self.parts["word/document.xml"] = text.encode("utf-8")

    def text(self, name: str) -> str:
        return self.parts[name].decode("utf-8")

    def replace(self, name: str, old: str, new: str, count: int = 1) -> None:
        text = self.text(name)
        if old not in text:
            raise ValueError(f"{old!r} not in {name}")
        self.parts[name] = text.replace(old, new, count).encode("utf-8")

    def before_end(self, blocks: str) -> None:
        """Blocks put at the end of the body, before its last section properties."""
        doc = self.doc
        at = doc.rindex("<w:sectPr")
        self.doc = doc[:at] + blocks + doc[at:]

    def after_title(self, blocks: str) -> None:
        """Blocks put after the paragraph of the document's name (KẾ HOẠCH) and its summary."""
        doc = self.doc
        at = doc.index("</w:p>", doc.index('w:val="KHTrichyeu"')) + len("</w:p>")
        self.doc = doc[:at] + blocks + doc[at:]

    def add_part(self, name: str, data: str | bytes, content_type: str | None = None,
                 rel: tuple[str, str, str] | None = None, rels_of: str = "word/_rels/document.xml.rels") -> None:
        """A part, its Override, and a relationship (rId, type, target[, external]) from `rels_of`."""
        self.parts[name] = data.encode("utf-8") if isinstance(data, str) else data
        if content_type:
            self.replace("[Content_Types].xml", "</Types>",
                         f'<Override PartName="/{name}" ContentType="{content_type}"/></Types>')
        if rel:
            self.add_rel(*rel, rels_of=rels_of)

    def add_rel(self, rid: str, rtype: str, target: str, external: bool = False,
                rels_of: str = "word/_rels/document.xml.rels") -> None:
        mode = ' TargetMode="External"' if external else ""
        if rels_of not in self.parts:
            self.parts[rels_of] = f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_REL_NS}"></Relationships>'.encode()
        self.replace(rels_of, "</Relationships>",
                     f'<Relationship Id="{rid}" Type="{rtype}" Target="{escape(target)}"{mode}/></Relationships>')

    def write(self, path: Path, order: list[str] | None = None) -> Path:
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
            for name in order or list(self.parts):
                zf.writestr(name, self.parts[name])
        return path


def _xml(root: str, inner: str) -> str:
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:{root} {NSDECL}>{inner}</w:{root}>'


# --- structures inside structures ------------------------------------------------------------------

def textbox_tables(base: Path, folder: Path, depth: int = 40, boxes: int = 100) -> Path:
    """`boxes` text boxes after the title, each holding tables nested `depth` deep (and its VML copy)."""
    pkg = Package(base)
    pkg.after_title("".join(f"<w:p>{textbox(nested_tables(depth, f'Hộp {i}'))}</w:p>" for i in range(boxes)))
    return pkg.write(folder / "textbox-tables.docx")


def textbox_in_textbox(base: Path, folder: Path, depth: int = 20) -> Path:
    """A text box in a paragraph of a text box ... `depth` deep (no VML copy: it would double each level)."""
    inner = _p("Lõi")
    for _ in range(depth):
        inner = f"<w:p>{textbox(inner, fallback=False)}</w:p>"
    pkg = Package(base)
    pkg.after_title(inner)
    return pkg.write(folder / "textbox-in-textbox.docx")


def notes_tables(base: Path, folder: Path, notes: int = 120, depth: int = 20) -> Path:
    """Footnotes, endnotes and comments each holding nested tables; every note referenced from the body."""
    def note_part(kind: str) -> str:
        head = (f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>'
                f'<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:{kind}>')
        body = "".join(f'<w:{kind} w:id="{i}">{nested_tables(depth, f"Chú thích {i}")}</w:{kind}>'
                       for i in range(1, notes + 1))
        return _xml(f"{kind}s", head + body)

    pkg = Package(base)
    pkg.add_part("word/footnotes.xml", note_part("footnote"), f"{CT_BASE}.footnotes+xml",
                 ("rIdFn", f"{REL_BASE}/footnotes", "footnotes.xml"))
    pkg.add_part("word/endnotes.xml", note_part("endnote"), f"{CT_BASE}.endnotes+xml",
                 ("rIdEn", f"{REL_BASE}/endnotes", "endnotes.xml"))
    comments = "".join(f'<w:comment w:id="{i}" w:author="Người duyệt" w:date="2026-01-01T00:00:00Z">'
                       f'{nested_tables(depth, f"Ý kiến {i}")}</w:comment>' for i in range(notes))
    pkg.add_part("word/comments.xml", _xml("comments", comments), f"{CT_BASE}.comments+xml",
                 ("rIdCm", f"{REL_BASE}/comments", "comments.xml"))
    refs = "".join(f'<w:r><w:footnoteReference w:id="{i}"/></w:r><w:r><w:endnoteReference w:id="{i}"/></w:r>'
                   f'<w:commentRangeStart w:id="{i - 1}"/><w:r><w:t>x</w:t></w:r><w:commentRangeEnd w:id="{i - 1}"/>'
                   f'<w:r><w:commentReference w:id="{i - 1}"/></w:r>' for i in range(1, notes + 1))
    pkg.after_title(f"<w:p>{refs}</w:p>")
    return pkg.write(folder / "notes-tables.docx")


def sdt_nest(base: Path, folder: Path, depth: int = 50) -> Path:
    """Content controls nested `depth` deep: around the whole body, around a run, inside a cell."""
    pkg = Package(base)
    doc = pkg.doc
    start = doc.index("<w:body>") + len("<w:body>")
    end = doc.rindex("<w:sectPr")
    open_ = "".join(f'<w:sdt><w:sdtPr><w:id w:val="{i}"/><w:alias w:val="Khối {i}"/></w:sdtPr><w:sdtContent>'
                    for i in range(depth))
    close = "</w:sdtContent></w:sdt>" * depth
    doc = doc[:start] + open_ + doc[start:end] + close + doc[end:]
    run = '<w:r><w:t xml:space="preserve">Số: 4055/KH-UBND</w:t></w:r>'
    doc = doc.replace(run, open_ + run + close, 1)
    pkg.doc = doc
    return pkg.write(folder / "sdt-nest.docx")


def alternate_chain(base: Path, folder: Path, depth: int = 120, copies: int = 300) -> Path:
    """mc:AlternateContent nested `depth` deep in Choice (an unknown Requires) and in Fallback, at block and
    run level; `copies` of the chain."""
    def chain(leaf: str, n: int) -> str:
        out = leaf
        for i in range(n):
            out = (f'<mc:AlternateContent><mc:Choice Requires="w{i % 3 + 14}">{out}</mc:Choice>'
                   f'<mc:Fallback>{out if i == n - 1 else ""}</mc:Fallback></mc:AlternateContent>')
        return out

    pkg = Package(base)
    pkg.after_title("".join(chain(_p(f"Thay thế {k}"), depth) for k in range(copies))
                    + "<w:p>" + chain('<w:r><w:t>chạy</w:t></w:r>', depth) + "</w:p>")
    pkg.replace("word/document.xml", 'mc:Ignorable="w14 wp14"', 'mc:Ignorable="w14 wp14 w15 w16"')
    return pkg.write(folder / "alternate-chain.docx")


# --- numbering -------------------------------------------------------------------------------------

_FORMATS = ["decimal", "upperRoman", "lowerLetter", "chineseCounting", "russianLower", "decimalEnclosedCircle",
            "ordinalText", "cardinalText", "hex", "none", "bullet", "ideographDigital", "thaiLetters", "hindiVowels",
            "decimalFullWidth", "vietnameseCounting", "numberInDash", "ordinal", "japaneseLegal", "aiueo"]


def numbering_flood(base: Path, folder: Path, abstracts: int = 3000, paragraphs: int = 2000) -> Path:
    """`abstracts` abstract numberings of 9 levels (odd formats, huge and negative starts, %1…%9 texts), as
    many nums each overriding every level with a whole w:lvl, and paragraphs numbered at every level."""
    def level(i: int, k: int) -> str:
        fmt = _FORMATS[(i + k) % len(_FORMATS)]
        start = [1, 0, -5, 2147483647, 99999][(i * 9 + k) % 5]
        text = ".".join(f"%{j}" for j in range(1, k + 2)) + ("%" if k == 8 else "")
        return (f'<w:lvl w:ilvl="{k}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
                f'<w:lvlRestart w:val="{(k * 7) % 10}"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>')

    abstract = "".join(f'<w:abstractNum w:abstractNumId="{i}"><w:multiLevelType w:val="multilevel"/>'
                       + "".join(level(i, k) for k in range(9)) + "</w:abstractNum>" for i in range(abstracts))
    nums = "".join(f'<w:num w:numId="{1000 + i}"><w:abstractNumId w:val="{(i * 31) % abstracts}"/>'
                   + "".join(f'<w:lvlOverride w:ilvl="{k}"><w:startOverride w:val="{i + k}"/>{level(i + 1, k)}'
                             "</w:lvlOverride>" for k in range(9)) + "</w:num>" for i in range(abstracts))
    pkg = Package(base)
    old = pkg.text("word/numbering.xml")
    pkg.parts["word/numbering.xml"] = old.replace("</w:numbering>", "").replace(
        "<w:num ", abstract + "<w:num ", 1).encode() + (nums + "</w:numbering>").encode()
    body = "".join(_p(f"Ý {k}", f'<w:numPr><w:ilvl w:val="{k % 9}"/><w:numId w:val="{1000 + (k * 7919) % abstracts}"/>'
                                 "</w:numPr>") for k in range(paragraphs))
    pkg.after_title(body)
    return pkg.write(folder / "numbering-flood.docx")


# --- the package itself ----------------------------------------------------------------------------

def altchunk(base: Path, folder: Path) -> Path:
    """altChunks: an embedded .docx (itself holding an altChunk of itself), an HTML page, one pointing at
    the main document, one at a missing part, one outside the package."""
    inner = Package(base)
    inner.add_part("word/inner.docx", base.read_bytes(), "application/vnd.openxmlformats-officedocument."
                   "wordprocessingml.document.main+xml", ("rIdSelf", f"{REL_BASE}/aFChunk", "inner.docx"))
    inner.before_end('<w:altChunk r:id="rIdSelf"/>')
    pkg = Package(base)
    pkg.parts["word/chunk1.docx"] = inner.write(folder / "inner.tmp.docx").read_bytes()
    (folder / "inner.tmp.docx").unlink()
    pkg.replace("[Content_Types].xml", "</Types>", '<Default Extension="docx" ContentType="application/vnd.'
                "openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
                '<Default Extension="html" ContentType="text/html"/></Types>')
    pkg.parts["word/chunk2.html"] = "<html><body><p>Nơi nhận: <b>Chèn</b></p></body></html>".encode()
    for rid, target, ext in [("rIdC1", "chunk1.docx", False), ("rIdC2", "chunk2.html", False),
                             ("rIdC3", "document.xml", False), ("rIdC4", "missing.docx", False),
                             ("rIdC5", "file:///etc/passwd", True)]:
        pkg.add_rel(rid, f"{REL_BASE}/aFChunk", target, ext)
    pkg.after_title("".join(f'<w:altChunk r:id="rIdC{i}"/>' for i in range(1, 6)) + '<w:altChunk r:id="rIdNone"/>')
    return pkg.write(folder / "altchunk.docx")


def outside_rels(base: Path, folder: Path) -> Path:
    """Relationships pointing outside: styles/numbering/header as TargetMode External, headers climbing
    out of the package (../../), absolute, the document as its own header, a header whose rels point at
    itself and back at the document, duplicated rIds, a URL with a fragment."""
    pkg = Package(base)
    rels = pkg.text("word/_rels/document.xml.rels")
    rels = rels.replace('Target="styles.xml"', 'Target="https://example.invalid/styles.xml" TargetMode="External"')
    rels = rels.replace('Target="header1.xml"', 'Target="../../../../etc/passwd"')
    rels = rels.replace('Target="header2.xml"', 'Target="/word/document.xml"')
    rels = rels.replace("</Relationships>",
                        f'<Relationship Id="rId9" Type="{REL_BASE}/header" Target="header2.xml"/>'
                        f'<Relationship Id="rIdN" Type="{REL_BASE}/numbering" Target="\\\\server\\share\\n.xml" '
                        'TargetMode="External"/>'
                        f'<Relationship Id="rIdHl" Type="{REL_BASE}/hyperlink" Target="http://a/#%00" '
                        'TargetMode="External"/></Relationships>')
    pkg.parts["word/_rels/document.xml.rels"] = rels.encode()
    pkg.add_rel("rIdBack", f"{REL_BASE}/header", "document.xml", rels_of="word/_rels/header2.xml.rels")
    pkg.add_rel("rIdSelf", f"{REL_BASE}/header", "header2.xml", rels_of="word/_rels/header2.xml.rels")
    pkg.add_rel("rIdUp", f"{REL_BASE}/image", "../../x.png", rels_of="word/_rels/header2.xml.rels")
    pkg.replace("_rels/.rels", "</Relationships>",
                f'<Relationship Id="rId9" Type="{REL_BASE}/extended-properties" Target="/" /></Relationships>')
    return pkg.write(folder / "outside-rels.docx")


def content_types_missing(base: Path, folder: Path) -> Path:
    """No [Content_Types].xml at all (Word refuses it; LibreOffice reads it)."""
    pkg = Package(base)
    del pkg.parts["[Content_Types].xml"]
    return pkg.write(folder / "no-content-types.docx")


def content_types_twice(base: Path, folder: Path) -> Path:
    """The main document's Override given twice (once as a glossary), Defaults duplicated with other types,
    a PartName in upper case, an Override of a part that does not exist."""
    pkg = Package(base)
    main = f"{CT_BASE}.document.main+xml"
    pkg.replace("[Content_Types].xml", "</Types>",
                f'<Override PartName="/word/document.xml" ContentType="{CT_BASE}.document.glossary+xml"/>'
                f'<Override PartName="/WORD/DOCUMENT.XML" ContentType="{main}"/>'
                '<Default Extension="xml" ContentType="text/plain"/><Default Extension="XML" ContentType="image/png"/>'
                f'<Override PartName="/word/nothing.xml" ContentType="{main}"/></Types>')
    return pkg.write(folder / "content-types-twice.docx")


def template_types(base: Path, folder: Path) -> list[Path]:
    """The same document saved as .dotx (template) and .dotm (macro-enabled template) content types and suffixes,
    and a .docx holding the template content type."""
    out = []
    for suffix, ct in [("dotx", f"{CT_BASE}.template.main+xml"),
                       ("dotm", "application/vnd.ms-word.template.macroEnabledTemplate.main+xml"),
                       ("docx", f"{CT_BASE}.template.main+xml")]:
        pkg = Package(base)
        pkg.replace("[Content_Types].xml", f"{CT_BASE}.document.main+xml", ct)
        out.append(pkg.write(folder / f"template-{suffix}.{suffix}"))
    return out


def glossary(base: Path, folder: Path, entries: int = 3000) -> Path:
    """A glossary document (building blocks) of `entries` entries holding a whole second plan's text."""
    pkg = Package(base)
    doc = pkg.doc
    body = doc[doc.index("<w:body>") + 8:doc.rindex("<w:sectPr")]
    text = re.sub(r"<w:bookmark(Start|End)[^>]*/>", "", body)
    parts = "".join(f'<w:docPart><w:docPartPr><w:name w:val="Khối {i}"/><w:category><w:name w:val="General"/>'
                    f'<w:gallery w:val="placeholder"/></w:category><w:guid w:val="{{{i:08d}-0000-0000-0000-000000000000}}"/>'
                    f'</w:docPartPr><w:docPartBody>{_p(f"Nơi nhận {i}")}</w:docPartBody></w:docPart>'
                    for i in range(entries))
    parts += f'<w:docPart><w:docPartPr><w:name w:val="Cả văn bản"/></w:docPartPr><w:docPartBody>{text}</w:docPartBody></w:docPart>'
    pkg.add_part("word/glossary/document.xml", _xml("glossaryDocument", f"<w:docParts>{parts}</w:docParts>"),
                 f"{CT_BASE}.document.glossary+xml",
                 ("rIdGl", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/glossaryDocument",
                  "glossary/document.xml"))
    return pkg.write(folder / "glossary.docx")


def strict_mixed(base: Path, folder: Path) -> Path:
    """Transitional document, strict (purl.oclc.org) styles, numbering and header: a half-converted file."""
    pkg = Package(base)
    for name in ("word/styles.xml", "word/numbering.xml", "word/header1.xml"):
        pkg.parts[name] = pkg.parts[name].replace(
            b"http://schemas.openxmlformats.org/wordprocessingml/2006/main", b"http://purl.oclc.org/ooxml/wordprocessingml/main")
    return pkg.write(folder / "strict-mixed.docx")


# --- fields ----------------------------------------------------------------------------------------

def _complex(instr: str, result: str) -> str:
    return (f'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">{escape(instr)}'
            f'</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>{result}'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def fields(base: Path, folder: Path, depth: int = 300, count: int = 3000) -> Path:
    """Fields: complex fields nested `depth` deep (in instruction and result), INCLUDETEXT of /etc/passwd and
    of a UNC path, fldSimple holding paragraphs' worth of runs, a begin with no end, an end with no begin,
    a field spanning paragraphs, and `count` DATE/PAGE fields in Số and Nơi nhận."""
    result = '<w:r><w:t>lõi</w:t></w:r>'
    for i in range(depth):
        result = _complex(f" IF {i} = {i} ", result)
    include = (_complex(' INCLUDETEXT "/etc/passwd" ', '<w:r><w:t>root:x:0:0</w:t></w:r>')
               + _complex(' INCLUDETEXT "\\\\\\\\server\\\\share\\\\a.docx" ', '')
               + _complex(' INCLUDEPICTURE "http://example.invalid/a.png" \\d ', ''))
    simple = ('<w:fldSimple w:instr=" MERGEFIELD Nơi_nhận ">' + "".join(f"<w:r><w:t>«{i}»</w:t></w:r>" for i in range(200))
              + '<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:fldSimple>')
    unbalanced = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> TOC \\o "1-3" </w:instrText></w:r>'
                  '<w:r><w:t>không có kết thúc</w:t></w:r>')
    spanning = ('<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> QUOTE "</w:instrText></w:r></w:p>'
                '<w:p><w:r><w:instrText>dòng hai" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
                '<w:r><w:t>trích dẫn</w:t></w:r></w:p><w:p><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')
    pkg = Package(base)
    pkg.after_title(f"<w:p>{result}</w:p><w:p>{include}</w:p><w:p>{simple}</w:p>"
                    f'<w:p><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>kết thúc lẻ</w:t></w:r></w:p>'
                    f"{spanning}<w:p>{unbalanced}</w:p>")
    many = "".join(_complex(" DATE \\@ \"dd/MM/yyyy\" ", "<w:r><w:t>01/01/2026</w:t></w:r>") for _ in range(count))
    pkg.replace("word/document.xml", '<w:t xml:space="preserve">Số: 4055/KH-UBND</w:t></w:r>',
                f'<w:t xml:space="preserve">Số: 4055/KH-UBND</w:t></w:r>{many}')
    pkg.replace("word/document.xml", "<w:t>Nơi nhận:</w:t></w:r>", f"<w:t>Nơi nhận:</w:t></w:r>{many}")
    return pkg.write(folder / "fields.docx")


# --- text ------------------------------------------------------------------------------------------

def _in_text(pkg: Package, old: str, new: str) -> None:
    pkg.replace("word/document.xml", f">{escape(old)}</w:t>", f">{escape(new)}</w:t>")


def long_word(base: Path, folder: Path, n: int = 2_000_000) -> Path:
    """A single word of `n` letters (no space, no break) in Quốc hiệu, Số and Nơi nhận."""
    letters = "aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
    word = "".join(letters[(i * i * 7919 + i // 3) % len(letters)] for i in range(n))  # hardly compressible
    pkg = Package(base)
    _in_text(pkg, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" + word)
    _in_text(pkg, "Số: 4055/KH-UBND", "Số: 4055/KH-UBND" + word)
    _in_text(pkg, "Nơi nhận:", "Nơi nhận:" + word)
    return pkg.write(folder / "long-word.docx")


def huge_text_node(base: Path, folder: Path, n: int = 6_000_000) -> Path:
    """One w:t of `n` letters (about 1.7 bytes each: over libxml2's 10 MB limit of one text node), hardly
    compressible, in the first paragraph of the body."""
    letters = "aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
    pkg = Package(base)
    _in_text(pkg, "Số: 4055/KH-UBND", "".join(letters[(i * i * 7919 + i // 3) % len(letters)] for i in range(n)))
    return pkg.write(folder / "huge-text-node.docx")


def combining_flood(base: Path, folder: Path, n: int = 1_000_000) -> Path:
    """`n` combining marks after one letter of Quốc hiệu, Số and Nơi nhận (Zalgo text)."""
    marks = "".join(chr(0x300 + (i % 0x70)) for i in range(n))
    pkg = Package(base)
    _in_text(pkg, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HÒA" + marks + " XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    _in_text(pkg, "Số: 4055/KH-UBND", "Số" + marks + ": 4055/KH-UBND")
    _in_text(pkg, "Nơi nhận:", "Nơi" + marks + " nhận:")
    return pkg.write(folder / "combining-flood.docx")


def decomposed(base: Path, folder: Path) -> Path:
    """Every text of the document in NFD (decomposed Vietnamese, as macOS and some IMEs type it)."""
    pkg = Package(base)
    for name in list(pkg.parts):
        if name.startswith("word/") and name.endswith(".xml"):
            pkg.parts[name] = re.sub(r">([^<]+)<", lambda m: ">" + unicodedata.normalize("NFD", m.group(1)) + "<",
                                     pkg.text(name)).encode()
    return pkg.write(folder / "decomposed.docx")


_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u202e\u202d\u2066\u2069\u061c"


def invisible_marks(base: Path, folder: Path) -> Path:
    """Zero-width joiners and spaces, soft hyphens, BOMs and RTL/LTR overrides between the letters of
    Quốc hiệu, Tiêu ngữ, Số, KẾ HOẠCH and Nơi nhận; astral letters, tag characters, private use."""
    def salt(text: str) -> str:
        return "".join(ch + _INVISIBLE[i % len(_INVISIBLE)] for i, ch in enumerate(text))

    pkg = Package(base)
    for text in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 4055/KH-UBND",
                 "KẾ HOẠCH", "Nơi nhận:"):
        _in_text(pkg, text, salt(text))
    _in_text(pkg, "- Lưu: VT, NCTC, NC, KSTTHC.", "- Lưu: VT \U0001f600\U000e0041\ue000\U0010fffd.")
    return pkg.write(folder / "invisible-marks.docx")


def noncharacters(base: Path, folder: Path) -> Path:
    """U+FFFF, U+FFFE and a lone surrogate written as raw UTF-8 bytes (not well-formed XML), and as
    character references (not allowed either)."""
    pkg = Package(base)
    raw = pkg.parts["word/document.xml"]
    raw = raw.replace("Số: 4055".encode(), "Số: ".encode() + "\uffff\ufffe".encode() + b"\xed\xa0\x80" + b"4055", 1)
    pkg.parts["word/document.xml"] = raw
    return pkg.write(folder / "noncharacters.docx")


def char_refs(base: Path, folder: Path) -> Path:
    """&#xFFFF; and &#xD800; character references in Số (forbidden characters, spelled as references)."""
    pkg = Package(base)
    pkg.replace("word/document.xml", "Số: 4055", "Số: &#xFFFF;&#xD800;&#0;4055")
    return pkg.write(folder / "char-refs.docx")


# --- layout ----------------------------------------------------------------------------------------

def section_every_paragraph(base: Path, folder: Path, extra: int = 1000) -> Path:
    """A section break in every paragraph of the body, and `extra` more sections of one paragraph, with
    columns, vertical text, right-to-left, line numbers, odd page sizes and a rotating page number."""
    pkg = Package(base)
    odd = ['<w:cols w:num="45" w:space="0"/>', '<w:textDirection w:val="tbRl"/>', "<w:bidi/><w:rtlGutter/>",
           '<w:lnNumType w:countBy="1"/>', '<w:cols w:num="0"/>', '<w:vAlign w:val="both"/>',
           '<w:docGrid w:type="linesAndChars" w:linePitch="1" w:charSpace="-4000"/>']
    sizes = ['<w:pgSz w:w="0" w:h="0"/>', '<w:pgSz w:w="31680" w:h="31680"/>', '<w:pgSz w:w="-5" w:h="11906"/>',
             '<w:pgSz w:w="11906" w:h="16838"/>']

    def sect(i: int) -> str:
        return (f'<w:sectPr><w:type w:val="{["continuous", "nextPage", "evenPage", "oddPage", "nextColumn"][i % 5]}"/>'
                f'{sizes[i % len(sizes)]}<w:pgMar w:top="{-1134 if i % 7 == 0 else 1134}" w:right="0" w:bottom="1134" '
                f'w:left="99999" w:header="0" w:footer="0" w:gutter="0"/>{odd[i % len(odd)]}'
                f'<w:pgNumType w:fmt="upperRoman" w:start="{i}"/></w:sectPr>')

    doc = pkg.doc
    counter = iter(range(10**6))
    doc = re.sub(r"<w:p><w:pPr>(?!<w:sectPr)", lambda m: f"<w:p><w:pPr>{sect(next(counter))}", doc)
    pkg.doc = doc
    pkg.before_end("".join(_p(f"Mục {i}", sect(i) + '<w:bidi/><w:textDirection w:val="btLr"/>') for i in range(extra)))
    return pkg.write(folder / "sections.docx")


# --- more of Word's vocabulary --------------------------------------------------------------------

def huge_attributes(base: Path, folder: Path, n: int = 4_000_000) -> Path:
    """Attribute values of `n` characters (text budgets count text, not attributes): a field instruction
    (fldSimple), a style's name, a bookmark's name, a list level's text, a comment's author."""
    import random

    big = "".join(random.Random(2).choices("aăâbcdđeêghiklmnoôơpqrstuưvxy", k=n))
    pkg = Package(base)
    pkg.after_title(f'<w:p><w:bookmarkStart w:id="9999" w:name="{big}"/><w:fldSimple w:instr=" QUOTE {big} ">'
                    '<w:r><w:t>kết quả</w:t></w:r></w:fldSimple><w:bookmarkEnd w:id="9999"/></w:p>')
    pkg.replace("word/styles.xml", "</w:styles>", f'<w:style w:type="paragraph" w:styleId="Big"><w:name w:val="{big}"/>'
                '<w:basedOn w:val="Normal"/></w:style></w:styles>')
    pkg.replace("word/numbering.xml", '<w:lvlText w:val="', f'<w:lvlText w:val="{big[:n // 4]}', 1)
    pkg.add_part("word/comments.xml", _xml("comments", f'<w:comment w:id="0" w:author="{big[:n // 4]}">{_p("ý kiến")}'
                                                        "</w:comment>"), f"{CT_BASE}.comments+xml",
                 ("rIdCm", f"{REL_BASE}/comments", "comments.xml"))
    pkg.replace("word/document.xml", "<w:t>Nơi nhận:</w:t></w:r>",
                '<w:t>Nơi nhận:</w:t></w:r><w:commentRangeStart w:id="0"/><w:r><w:t>x</w:t></w:r>'
                '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>')
    return pkg.write(folder / "huge-attributes.docx")


def tracked_flood(base: Path, folder: Path, n: int = 4000) -> Path:
    """Tracked changes everywhere: every run of the body inside w:ins inside w:del (a deletion of an insertion),
    `n` moveFrom/moveTo ranges left open, paragraph-mark and property changes nested in each other."""
    pkg = Package(base)
    doc = pkg.doc
    doc = re.sub(r"(<w:r>(?:(?!</w:r>).)*</w:r>)",
                 lambda m: f'<w:ins w:id="1" w:author="A" w:date="2026-01-01T00:00:00Z"><w:del w:id="2" w:author="B">'
                           f'{m.group(1).replace("<w:t", "<w:delText").replace("</w:t>", "</w:delText>")}</w:del></w:ins>'
                 if "<w:t" in m.group(1) and "Nơi nhận" not in m.group(1) else m.group(1), doc, count=200, flags=re.S)
    moves = "".join(f'<w:moveFromRangeStart w:id="{i}" w:name="m{i}" w:author="A"/>'
                    f'<w:moveToRangeStart w:id="{i + n}" w:name="m{i}" w:author="A"/>' for i in range(n))
    changed = ('<w:pPr><w:rPr><w:ins w:id="7" w:author="A"/><w:del w:id="8" w:author="A"/></w:rPr>'
               '<w:pPrChange w:id="9" w:author="A"><w:pPr><w:jc w:val="center"/></w:pPr></w:pPrChange></w:pPr>')
    pkg.doc = doc
    pkg.after_title(f"<w:p>{changed}{moves}<w:r><w:rPr><w:b/><w:rPrChange w:id='10' w:author='A'><w:rPr><w:i/>"
                    f"</w:rPr></w:rPrChange></w:rPr><w:t>dời</w:t></w:r></w:p>")
    return pkg.write(folder / "tracked-flood.docx")


def odd_inlines(base: Path, folder: Path, copies: int = 400) -> Path:
    """Inline things a reader may not know: equations (m:oMath with Vietnamese text), ruby, smart tags and
    customXml nested 30 deep, a subDoc, hyperlinks inside fields inside hyperlinks, w:sym, w:ptab, w:dayLong."""
    math = ('<m:oMath xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"><m:f><m:num><m:r><m:t>Số</m:t>'
            '</m:r></m:num><m:den><m:r><m:t>năm</m:t></m:r></m:den></m:f></m:oMath>')
    ruby = ('<w:r><w:ruby><w:rubyPr><w:rubyAlign w:val="center"/></w:rubyPr><w:rt><w:r><w:t>chú</w:t></w:r></w:rt>'
            '<w:rubyBase><w:r><w:t>chữ</w:t></w:r></w:rubyBase></w:ruby></w:r>')
    wrapped = '<w:r><w:t>lồng</w:t></w:r>'
    for i in range(30):
        wrapped = (f'<w:smartTag w:uri="u" w:element="e{i}">{wrapped}</w:smartTag>' if i % 2 else
                   f'<w:customXml w:element="c{i}">{wrapped}</w:customXml>')
    link = ('<w:hyperlink w:anchor="x"><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> HYPERLINK "y" '
            '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:hyperlink w:anchor="z"><w:r><w:t>'
            'liên kết</w:t></w:r></w:hyperlink><w:r><w:fldChar w:fldCharType="end"/></w:r></w:hyperlink>')
    odd = ('<w:r><w:sym w:font="Wingdings" w:char="F0FC"/><w:ptab w:relativeTo="margin" w:alignment="center" '
           'w:leader="none"/><w:dayLong/><w:yearShort/><w:pgNum/><w:softHyphen/><w:noBreakHyphen/></w:r>')
    one = f"<w:p>{math}{ruby}{wrapped}{link}{odd}</w:p>"
    pkg = Package(base)
    pkg.after_title(one * copies + '<w:subDoc r:id="rIdSub"/>')
    pkg.add_rel("rIdSub", f"{REL_BASE}/subDocument", "file:///C:/con.docx", external=True)
    return pkg.write(folder / "odd-inlines.docx")


def big_media(base: Path, folder: Path, mb: int = 40) -> Path:
    """A picture part of `mb` MB of random bytes, stored (not compressed), referenced from the body: --fix
    copies every part into its output."""
    import random

    pkg = Package(base)
    pkg.add_part("word/media/big.png", random.Random(1).randbytes(mb * 1024 * 1024), "image/png",
                 ("rIdBig", f"{REL_BASE}/image", "media/big.png"))
    with zipfile.ZipFile(folder / "big-media.docx", "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in pkg.parts.items():
            zf.writestr(name, data, compress_type=zipfile.ZIP_STORED if name.endswith(".png") else zipfile.ZIP_DEFLATED)
    return folder / "big-media.docx"


FAMILIES = {
    "textbox-tables": textbox_tables,
    "textbox-in-textbox": textbox_in_textbox,
    "notes-tables": notes_tables,
    "sdt-nest": sdt_nest,
    "alternate-chain": alternate_chain,
    "numbering-flood": numbering_flood,
    "altchunk": altchunk,
    "outside-rels": outside_rels,
    "no-content-types": content_types_missing,
    "content-types-twice": content_types_twice,
    "templates": template_types,
    "glossary": glossary,
    "strict-mixed": strict_mixed,
    "fields": fields,
    "long-word": long_word,
    "huge-text-node": huge_text_node,
    "combining-flood": combining_flood,
    "decomposed": decomposed,
    "invisible-marks": invisible_marks,
    "noncharacters": noncharacters,
    "char-refs": char_refs,
    "sections": section_every_paragraph,
    "huge-attributes": huge_attributes,
    "tracked-flood": tracked_flood,
    "odd-inlines": odd_inlines,
    "big-media": big_media,
}
