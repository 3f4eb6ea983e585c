"""Generators of the fourth hostile campaign of issue 22: what other editors (WPS, Word Online, Google Docs,
Pages, LibreOffice), Word features kehoach never writes (customXml, smartTag, row and cell content controls,
tracked rows and properties, numbering overrides, frames, right-to-left, sections of other page sizes,
equations) and busy-office habits (a whole part deleted, the plan pasted twice, emoji) do to a .docx kehoach
built. Only the generators are stored, never the files; bench/hostile_fourth.py runs them.

Each family is `name(base, folder) -> Path | list[Path]`, like tests/word/hostile_third.py. `EXPECT[file
name]` is what `import --onto` must bring into the plan: pairs (text before, text after; after "": the text is
gone) with every tracked change accepted; a file not named there must leave the plan's words as they are."""
from __future__ import annotations

import re
from pathlib import Path
from xml.sax.saxutils import escape

from tests.word.docx_factory import REL_BASE
from tests.word.hostile_office import Package
from tests.word.hostile_third import AUTH, BULLET, BULLET2, _para_of, _run_of

W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
STRICT_W = "http://purl.oclc.org/ooxml/wordprocessingml/main"
CELL = "100% UBND cấp xã triển khai thực hiện."
BULLET3 = ("Người đứng đầu các cấp, các ngành trực tiếp chỉ đạo toàn diện, thống nhất, đồng bộ các nhiệm vụ, "
           "giải pháp phù hợp nhằm cải thiện chất lượng phục vụ người dân, doanh nghiệp tại cơ quan, đơn vị.")
URL = "https://drive.google.com/drive/folders/" + "1AbC_dEfGhIjKlMnOpQrStUvWxYz-0123456789" * 9 + "?usp=sharing"
ASTRAL = "👍🏽 🇻🇳 👨\u200d👩\u200d👧 ✔\ufe0f 𠀀𡨸 ☎︎"


def _edit(pkg: Package, old: str, new: str) -> None:
    pkg.replace("word/document.xml", escape(old), escape(new))


def _wrap_para(pkg: Package, text: str, before: str, after: str) -> None:
    s, e = _para_of(pkg, text)
    doc = pkg.doc
    pkg.doc = doc[:s] + before + doc[s:e] + after + doc[e:]


def _wrap_run(pkg: Package, text: str, before: str, after: str) -> None:
    s, e = _run_of(pkg, text)
    doc = pkg.doc
    pkg.doc = doc[:s] + before + doc[s:e] + after + doc[e:]


def _row_of(pkg: Package, text: str) -> tuple[int, int]:
    doc = pkg.doc
    at = doc.index(f">{escape(text)}</w:t>")
    start = max(doc.rfind("<w:tr>", 0, at), doc.rfind("<w:tr ", 0, at))
    return start, doc.index("</w:tr>", at) + len("</w:tr>")


def _cell_of(pkg: Package, text: str) -> tuple[int, int]:
    doc = pkg.doc
    at = doc.index(f">{escape(text)}</w:t>")
    return doc.rindex("<w:tc>", 0, at), doc.index("</w:tc>", at) + len("</w:tc>")


# --- other editors ----------------------------------------------------------------------------------

def wps_saved(base: Path, folder: Path) -> Path:
    """As WPS Office saves: its own namespace declared and ignorable, wpsCustomData in settings, w14:paraId
    on every paragraph, an unknown ignorable element inside a paragraph and a run, east-Asian font hints;
    the reviewer edited one bullet."""
    pkg = Package(base)
    doc = pkg.doc
    doc = doc.replace("<w:document ", '<w:document xmlns:wpsCustomData="http://www.wps.cn/officeDocument/2013/'
                      'wpsCustomData" ', 1)
    doc = re.sub(r'mc:Ignorable="([^"]*)"', r'mc:Ignorable="\1 wpsCustomData"', doc, count=1)
    if 'mc:Ignorable' not in doc:
        doc = doc.replace("<w:document ", '<w:document mc:Ignorable="wpsCustomData" ', 1)
    count = [0]

    def para_id(m: re.Match) -> str:
        count[0] += 1
        return f'<w:p w14:paraId="{count[0]:08X}" w14:textId="77777777"' + m.group(1)
    doc = re.sub(r"<w:p([ >])", para_id, doc)
    doc = doc.replace("<w:r><w:t", '<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t', 5)
    pkg.doc = doc
    _edit(pkg, BULLET2[:40], BULLET2[:40].replace("Tổ chức", "Chỉ đạo tổ chức"))
    _wrap_run(pkg, "- Chỉ đạo tổ chức" + BULLET2[7:], "<wpsCustomData:marker xmlns:wpsCustomData=\"http://www.wps.cn/"
              "officeDocument/2013/wpsCustomData\" id=\"1\"/>", "")
    pkg.replace("word/settings.xml", "</w:settings>", '<wpsCustomData:wpsCustomData xmlns:wpsCustomData="http://www.'
                'wps.cn/officeDocument/2013/wpsCustomData"><wpsCustomData:docInfo docType="1"/>'
                '</wpsCustomData:wpsCustomData></w:settings>')
    return pkg.write(folder / "wps-saved.docx")


def word_online_noise(base: Path, folder: Path) -> Path:
    """What Word Online and Word 365 leave around words: proofErr marks inside a word, lastRenderedPageBreak
    inside runs, a _GoBack bookmark inside a word, w:noProof, rsids on runs, w14 ids; a word corrected."""
    pkg = Package(base)
    text = "- " + BULLET
    s, e = _run_of(pkg, text)
    doc = pkg.doc
    run = doc[s:e]
    rpr = run[run.index("<w:rPr>"):run.index("</w:rPr>") + 8] if "<w:rPr>" in run else ""
    new = BULLET.replace("đôn đốc", "đôn đốc, hỗ trợ")
    half = new.index("giám") + 2
    pieces = (f'<w:r w:rsidR="00A1B2C3">{rpr}<w:t xml:space="preserve">- {escape(new[:half])}</w:t></w:r>'
              '<w:proofErr w:type="spellStart"/><w:bookmarkStart w:id="0" w:name="_GoBack"/><w:bookmarkEnd w:id="0"/>'
              f'<w:r w:rsidRPr="00D4E5F6"><w:rPr><w:noProof/></w:rPr><w:lastRenderedPageBreak/>'
              f'<w:t xml:space="preserve">{escape(new[half:])}</w:t></w:r><w:proofErr w:type="spellEnd"/>')
    pkg.doc = doc[:s] + pieces + doc[e:]
    pkg.replace("word/document.xml", "<w:body>", '<w:body><w:proofErr w:type="gramStart"/>')
    return pkg.write(folder / "word-online-noise.docx")


def strict_full(base: Path, folder: Path) -> Path:
    """The whole package in ISO 29500 strict namespaces (Word's 'Strict Open XML Document' save): main,
    relationships, content types of the parts, relationship types."""
    pkg = Package(base)
    swap = [(b"http://schemas.openxmlformats.org/wordprocessingml/2006/main", STRICT_W.encode()),
            (b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
             b"http://purl.oclc.org/ooxml/officeDocument/relationships"),
            (b"http://schemas.openxmlformats.org/drawingml/2006/main", b"http://purl.oclc.org/ooxml/drawingml/main"),
            (b"http://schemas.openxmlformats.org/officeDocument/2006/math",
             b"http://purl.oclc.org/ooxml/officeDocument/math")]
    for name, data in pkg.parts.items():
        if name.endswith((".xml", ".rels")) and name != "[Content_Types].xml":
            for old, new in swap:
                data = data.replace(old, new)
            pkg.parts[name] = data
    pkg.parts["word/settings.xml"] = pkg.parts["word/settings.xml"].replace(
        b"</w:settings>", b'<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com'
        b'/office/word" w:val="15"/></w:compat><w:conformance w:val="strict"/></w:settings>', 1)
    return pkg.write(folder / "strict-full.docx")


def letter_paper(base: Path, folder: Path) -> list[Path]:
    """Saved by Google Docs or Pages on US Letter (12240 × 15840) with one-inch margins; and a document whose
    middle part (the tasks table) is its own landscape section and its last an A3 section, as an office
    prints a wide table."""
    out = []
    pkg = Package(base)
    doc = re.sub(r'<w:pgSz [^>]*/>', '<w:pgSz w:w="12240" w:h="15840"/>', pkg.doc)
    pkg.doc = re.sub(r'<w:pgMar [^>]*/>', '<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" '
                     'w:header="720" w:footer="720" w:gutter="0"/>', doc)
    out.append(pkg.write(folder / "letter-paper.docx"))
    pkg = Package(base)
    doc = pkg.doc
    body_sect = re.search(r"<w:sectPr[ >].*?</w:sectPr>", doc[doc.rindex("<w:sectPr"):], re.S).group(0)
    ts = doc.rindex("<w:tbl>", 0, doc.index(f">{escape(CELL)}</w:t>"))
    te = doc.index("</w:tbl>", ts) + 8
    portrait = '<w:p><w:pPr>' + body_sect + '</w:pPr></w:p>'
    landscape = '<w:p><w:pPr>' + re.sub(r'<w:pgSz [^>]*/>', '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>',
                                         body_sect) + '</w:pPr></w:p>'
    doc = doc[:ts] + portrait + doc[ts:te] + landscape + doc[te:]
    last = doc.rindex("<w:pgSz ")
    doc = doc[:last] + re.sub(r'^<w:pgSz [^>]*/>', '<w:pgSz w:w="16838" w:h="23811"/>', doc[last:], count=1)
    pkg.doc = doc
    out.append(pkg.write(folder / "page-sizes.docx"))
    return out


# --- structures around the text ---------------------------------------------------------------------

def custom_xml(base: Path, folder: Path) -> Path:
    """w:customXml (Word 2007–2010 XML mapping) around a paragraph, a run, a table row and a cell; the wrapped
    bullet and cell edited."""
    pkg = Package(base)
    ns = 'w:uri="urn:kehoach:test"'
    _edit(pkg, BULLET, BULLET.replace("kịp thời", "thường xuyên"))
    _wrap_para(pkg, "- " + BULLET.replace("kịp thời", "thường xuyên"), f'<w:customXml {ns} w:element="khoi">',
               "</w:customXml>")
    _wrap_run(pkg, "- " + BULLET2, f'<w:customXml {ns} w:element="doan"><w:customXmlPr><w:attr w:name="a" '
              'w:val="1"/></w:customXmlPr>', "</w:customXml>")
    _edit(pkg, CELL, CELL.replace("100%", "95%"))
    s, e = _row_of(pkg, CELL.replace("100%", "95%"))
    doc = pkg.doc
    pkg.doc = doc[:s] + f'<w:customXml {ns} w:element="hang">' + doc[s:e] + "</w:customXml>" + doc[e:]
    s, e = _cell_of(pkg, CELL.replace("100%", "95%"))
    doc = pkg.doc
    pkg.doc = doc[:s] + f'<w:customXml {ns} w:element="o">' + doc[s:e] + "</w:customXml>" + doc[e:]
    return pkg.write(folder / "custom-xml.docx")


def smart_tags(base: Path, folder: Path) -> Path:
    """w:smartTag around words (a .doc of Word 2003 saved as .docx): an agency name and a date, one of them
    edited inside the tag."""
    pkg = Package(base)
    s, e = _run_of(pkg, "- " + BULLET)
    doc = pkg.doc
    run = doc[s:e]
    rpr = run[run.index("<w:rPr>"):run.index("</w:rPr>") + 8] if "<w:rPr>" in run else ""
    a, b = BULLET.split("kiểm tra, giám sát")
    tag = ('<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="PersonName"><w:smartTagPr>'
           '<w:attr w:name="ProductID" w:val="x"/></w:smartTagPr>'
           f'<w:r>{rpr}<w:t>kiểm tra, thanh tra, giám sát</w:t></w:r></w:smartTag>')
    pkg.doc = (doc[:s] + f'<w:r>{rpr}<w:t xml:space="preserve">- {escape(a)}</w:t></w:r>' + tag
               + f'<w:r>{rpr}<w:t xml:space="preserve">{escape(b)}</w:t></w:r>' + doc[e:])
    s, e = _run_of(pkg, "Quảng Nam, ngày 20 tháng 7 năm 2020")
    doc = pkg.doc
    pkg.doc = doc[:s] + '<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="date">' \
        + doc[s:e] + "</w:smartTag>" + doc[e:]
    return pkg.write(folder / "smart-tags.docx")


def sdt_rows(base: Path, folder: Path) -> Path:
    """Content controls around a table row (row-level w:sdt inside w:tbl) and around a cell (cell-level w:sdt
    inside w:tr), a repeating-section control as Word 2013 makes; the wrapped cell edited."""
    pkg = Package(base)
    _edit(pkg, CELL, CELL.replace("cấp xã", "cấp xã, phường"))
    new = CELL.replace("cấp xã", "cấp xã, phường")
    s, e = _cell_of(pkg, new)
    doc = pkg.doc
    pkg.doc = doc[:s] + '<w:sdt><w:sdtPr><w:tag w:val="o1"/></w:sdtPr><w:sdtContent>' + doc[s:e] + \
        "</w:sdtContent></w:sdt>" + doc[e:]
    s, e = _row_of(pkg, new)
    doc = pkg.doc
    pkg.doc = doc[:s] + ('<w:sdt><w:sdtPr><w:tag w:val="h1"/><w15:repeatingSectionItem xmlns:w15="http://schemas.'
                         'microsoft.com/office/word/2012/wordml"/></w:sdtPr><w:sdtContent>') + doc[s:e] + \
        "</w:sdtContent></w:sdt>" + doc[e:]
    return pkg.write(folder / "sdt-rows.docx")


def frames_bidi(base: Path, folder: Path) -> Path:
    """A bullet in a frame (w:framePr, a drop cap on its first letter as Word makes it: a paragraph of its
    own), the number line in a frame, a right-to-left paragraph (w:bidi) and run (w:rtl), a table drawn
    right to left (w:bidiVisual)."""
    pkg = Package(base)
    s, e = _para_of(pkg, "- " + BULLET3)
    doc = pkg.doc
    para = doc[s:e]
    rest = para.replace(escape("- " + BULLET3), escape(" " + BULLET3), 1)
    drop = ('<w:p><w:pPr><w:keepNext/><w:framePr w:dropCap="drop" w:lines="2" w:wrap="around" w:vAnchor="text" '
            'w:hAnchor="text"/><w:spacing w:line="240" w:lineRule="exact"/></w:pPr><w:r><w:rPr><w:position w:val="-3"/>'
            '<w:sz w:val="66"/></w:rPr><w:t>-</w:t></w:r></w:p>')
    pkg.doc = doc[:s] + drop + rest + doc[e:]
    pkg.replace("word/document.xml", "<w:pPr><w:pStyle w:val=\"KHNoidung\"/></w:pPr><w:bookmarkStart",
                '<w:pPr><w:pStyle w:val="KHNoidung"/><w:bidi/></w:pPr><w:bookmarkStart', count=1)
    s, e = _run_of(pkg, "- " + BULLET2)
    doc = pkg.doc
    run = doc[s:e]
    run = run.replace("<w:r><w:rPr>", "<w:r><w:rPr><w:rtl/>", 1) if "<w:r><w:rPr>" in run else \
        run.replace("<w:r>", "<w:r><w:rPr><w:rtl/></w:rPr>", 1)
    pkg.doc = doc[:s] + run + doc[e:]
    doc = pkg.doc
    ts = doc.rindex("<w:tbl>", 0, doc.index(f">{escape(CELL)}</w:t>"))
    at = doc.index("<w:tblPr>", ts) + len("<w:tblPr>")
    pkg.doc = doc[:at] + "<w:bidiVisual/>" + doc[at:]
    s, e = _para_of(pkg, "Số: 4055/KH-UBND")
    doc = pkg.doc
    para = doc[s:e]
    para = para.replace("<w:pPr>", '<w:pPr><w:framePr w:w="3000" w:hSpace="180" w:wrap="around" w:vAnchor="text" '
                        'w:hAnchor="page" w:x="1200" w:y="200"/>', 1)
    pkg.doc = doc[:s] + para + doc[e:]
    return pkg.write(folder / "frames-bidi.docx")


PREAMBLE = "Theo kết quả công bố Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh (PAPI) năm 2019"


def drop_cap(base: Path, folder: Path, text: str = PREAMBLE) -> Path:
    """The first letter of a paragraph made a drop cap (Insert › Drop Cap): Word moves it into a paragraph of
    its own, in a frame (w:framePr w:dropCap="drop"), printed at the start of the paragraph after it."""
    pkg = Package(base)
    doc = pkg.doc
    at = doc.index(">" + escape(text))
    s = max(doc.rfind("<w:p>", 0, at), doc.rfind("<w:p ", 0, at))
    drop = ('<w:p><w:pPr><w:keepNext/><w:framePr w:dropCap="drop" w:lines="3" w:wrap="around" w:vAnchor="text" '
            'w:hAnchor="text"/><w:spacing w:after="0" w:line="1000" w:lineRule="exact"/>'
            '<w:textAlignment w:val="baseline"/></w:pPr><w:r><w:rPr><w:position w:val="-9"/><w:sz w:val="98"/>'
            f'</w:rPr><w:t>{escape(text[0])}</w:t></w:r></w:p>')
    pkg.doc = doc[:s] + drop + doc[s:].replace(">" + escape(text), ">" + escape(text[1:]), 1)
    return pkg.write(folder / "drop-cap.docx")


def numbering_overrides(base: Path, folder: Path) -> Path:
    """Numbering kehoach never writes: an w:num whose lvlOverride restarts at 5 (startOverride) and another
    that redefines level 0 inside the override as 'a)' lettering, given to bullets and headings; a paragraph
    numbered with numId 0 (numbering removed) and one with a numId that does not exist."""
    pkg = Package(base)
    numbering = pkg.text("word/numbering.xml")
    first_abs = re.search(r'<w:abstractNum [^>]*w:abstractNumId="(\d+)"', numbering).group(1)
    extra = (f'<w:num w:numId="901"><w:abstractNumId w:val="{first_abs}"/><w:lvlOverride w:ilvl="0">'
             '<w:startOverride w:val="5"/></w:lvlOverride></w:num>'
             f'<w:num w:numId="902"><w:abstractNumId w:val="{first_abs}"/><w:lvlOverride w:ilvl="0">'
             '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/>'
             '<w:lvlJc w:val="left"/></w:lvl></w:lvlOverride></w:num>')
    pkg.replace("word/numbering.xml", "</w:numbering>", extra + "</w:numbering>")
    for text, num in [("- " + BULLET, "901"), ("- " + BULLET2, "902"), ("- " + BULLET3, "0"), ("1. Mục đích", "77")]:
        s, e = _para_of(pkg, text)
        doc = pkg.doc
        para = re.sub(r"(<w:pStyle [^>]*/>)", rf'\1<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr>',
                      doc[s:e], count=1)
        pkg.doc = doc[:s] + para + doc[e:]
    return pkg.write(folder / "numbering-overrides.docx")


def header_fields(base: Path, folder: Path) -> Path:
    """The page-number header as a w:fldSimple PAGE, a NUMPAGES field nested in an IF in the first-page
    header, and a footer added with a DATE field and a STYLEREF of the heading style."""
    pkg = Package(base)
    pkg.replace("word/header2.xml", "</w:pPr></w:p>", '</w:pPr><w:fldSimple w:instr=" PAGE \\* MERGEFORMAT ">'
                '<w:r><w:t>2</w:t></w:r></w:fldSimple></w:p>')
    hdr1 = pkg.text("word/header1.xml")
    def char(kind: str) -> str:
        return f'<w:r><w:fldChar w:fldCharType="{kind}"/></w:r>'
    nested = ('<w:p>' + char("begin") + '<w:r><w:instrText xml:space="preserve"> IF </w:instrText></w:r>'
              + char("begin") + '<w:r><w:instrText> NUMPAGES </w:instrText></w:r>' + char("separate")
              + '<w:r><w:t>3</w:t></w:r>' + char("end")
              + '<w:r><w:instrText xml:space="preserve"> &gt; 1 "Trang" "" </w:instrText></w:r>' + char("separate")
              + '<w:r><w:t>Trang</w:t></w:r>' + char("end") + '</w:p>')
    root_end = hdr1.rindex("</w:hdr>")
    pkg.parts["word/header1.xml"] = (hdr1[:root_end] + nested + hdr1[root_end:]).encode()
    ns = pkg.text("word/header2.xml")
    decl = ns[ns.index("<w:hdr ") + 7:ns.index(">", ns.index("<w:hdr "))]
    ftr = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr {decl}><w:p><w:fldSimple w:instr=" DATE '
           '\\@ &quot;dd/MM/yyyy&quot; "><w:r><w:t>07/12/2026</w:t></w:r></w:fldSimple><w:r><w:t xml:space="preserve"> '
           '</w:t></w:r><w:fldSimple w:instr=" STYLEREF KHMuc "><w:r><w:t>III. NHIỆM VỤ, GIẢI PHÁP</w:t></w:r>'
           '</w:fldSimple></w:p></w:ftr>')
    pkg.add_part("word/footer9.xml", ftr, "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml",
                 ("rIdFt9", f"{REL_BASE}/footer", "footer9.xml"))
    doc = pkg.doc
    last = doc.rindex("<w:sectPr")
    at = doc.index(">", last) + 1
    pkg.doc = doc[:at] + '<w:footerReference w:type="default" r:id="rIdFt9"/>' + doc[at:]
    return pkg.write(folder / "header-fields.docx")


def math_blocks(base: Path, folder: Path) -> Path:
    """A display equation (m:oMathPara) as a paragraph of its own between two bullets, and an inline equation
    inside a cell of the tasks table after its text."""
    m = 'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"'
    pkg = Package(base)
    _, e = _para_of(pkg, "- " + BULLET)
    doc = pkg.doc
    pkg.doc = doc[:e] + (f'<w:p><m:oMathPara {m}><m:oMath><m:r><m:t>PAPI=</m:t></m:r><m:f><m:num><m:r><m:t>∑'
                         '</m:t></m:r></m:num><m:den><m:r><m:t>8</m:t></m:r></m:den></m:f></m:oMath></m:oMathPara>'
                         '</w:p>') + doc[e:]
    s, e = _para_of(pkg, CELL)
    doc = pkg.doc
    end = doc.rindex("</w:p>", s, e)
    pkg.doc = doc[:end] + f'<m:oMath {m}><m:r><m:t>≥95%</m:t></m:r></m:oMath>' + doc[end:]
    return pkg.write(folder / "math-blocks.docx")


# --- what a busy office types -----------------------------------------------------------------------

def astral(base: Path, folder: Path) -> Path:
    """Emoji (a skin-tone modifier, a flag, a ZWJ family, variation selectors), astral Nôm characters typed
    into a bullet and a cell by a reviewer on a phone."""
    pkg = Package(base)
    _edit(pkg, BULLET, BULLET.replace("được giao.", "được giao " + ASTRAL + "."))
    _edit(pkg, CELL, CELL + " ✅")
    return pkg.write(folder / "astral.docx")


def nfd_edit(base: Path, folder: Path) -> Path:
    """A reviewer on a Mac (Pages, or Word with a decomposing keyboard) retypes one bullet: the new words
    reach the file in NFD while the rest stays NFC."""
    import unicodedata
    pkg = Package(base)
    new = BULLET.replace("kiểm tra, giám sát", "thanh tra, kiểm tra, giám sát")
    _edit(pkg, BULLET, unicodedata.normalize("NFD", new))
    return pkg.write(folder / "nfd-edit.docx")


def long_url(base: Path, folder: Path) -> Path:
    """A 400-character link without a space pasted into a task cell and a bullet (a Google Drive address)."""
    pkg = Package(base)
    _edit(pkg, CELL, CELL + " " + URL)
    _edit(pkg, BULLET, BULLET + " Tài liệu: " + URL)
    return pkg.write(folder / "long-url.docx")


def section_deleted(base: Path, folder: Path) -> Path:
    """The reviewer deleted a whole part: heading '2. Đối với chỉ số nội dung “Tham gia …”' and its three
    bullets, with Track Changes off."""
    pkg = Package(base)
    head = "2. Đối với chỉ số nội dung “Tham gia của người dân ở cấp cơ sở”"
    s, _ = _para_of(pkg, head)
    _, e = _para_of(pkg, "- " + BULLET2)
    doc = pkg.doc
    pkg.doc = doc[:s] + doc[e:]
    return pkg.write(folder / "section-deleted.docx")


def pasted_twice(base: Path, folder: Path) -> Path:
    """The reviewer pasted the whole body again at its end (a Ctrl+A, Ctrl+V gone wrong): every paragraph,
    table, bookmark and section break twice."""
    pkg = Package(base)
    doc = pkg.doc
    b = doc.index(">", doc.index("<w:body")) + 1
    last = doc.rindex("<w:sectPr")
    body = doc[b:last]
    pkg.doc = doc[:last] + body + doc[last:]
    return pkg.write(folder / "pasted-twice.docx")


def tracked_rows(base: Path, folder: Path) -> Path:
    """Track Changes in the tasks table: a row deleted (w:trPr/w:del and its text as delText), a cell inserted
    (w:cellIns) and one deleted (w:cellDel), and tracked property changes (pPrChange, tblPrChange, trPrChange,
    tcPrChange, sectPrChange) that change no word."""
    pkg = Package(base)
    s, e = _row_of(pkg, CELL)
    doc = pkg.doc
    row = doc[s:e]
    row = re.sub(r"<w:t( [^>]*)?>", "<w:delText xml:space=\"preserve\">", row).replace("</w:t>", "</w:delText>")
    row = row.replace("<w:r>", f'<w:del w:id="801" {AUTH}><w:r>').replace("</w:r>", "</w:r></w:del>")
    row = row.replace("<w:trPr>", f'<w:trPr><w:del w:id="802" {AUTH}/>', 1) if "<w:trPr>" in row else \
        row.replace("<w:tr>", f'<w:tr><w:trPr><w:del w:id="802" {AUTH}/></w:trPr>', 1)
    pkg.doc = doc[:s] + row + doc[e:]
    doc = pkg.doc
    at = doc.index("<w:tcPr>", doc.index("<w:tbl>", doc.index("KHTrichyeu"))) + len("<w:tcPr>")
    pkg.doc = doc[:at] + f'<w:tcPrChange w:id="803" {AUTH}><w:tcPr><w:tcW w:w="500" w:type="dxa"/></w:tcPr>' \
        '</w:tcPrChange>' + doc[at:]
    _, e = _para_of(pkg, "- " + BULLET)
    doc = pkg.doc
    ps = doc.rindex("<w:pPr>", 0, e)
    pe = doc.index("</w:pPr>", ps)
    pkg.doc = doc[:pe] + f'<w:pPrChange w:id="804" {AUTH}><w:pPr><w:jc w:val="left"/></w:pPr></w:pPrChange>' + doc[pe:]
    doc = pkg.doc
    last = doc.rindex("</w:sectPr>")
    pkg.doc = doc[:last] + f'<w:sectPrChange w:id="805" {AUTH}><w:sectPr/></w:sectPrChange>' + doc[last:]
    return pkg.write(folder / "tracked-rows.docx")


def two_reviewers_cell(base: Path, folder: Path) -> list[Path]:
    """Two leaders edit the same cell of the tasks table differently in their copies of one build."""
    a = Package(base)
    _edit(a, CELL, CELL.replace("100%", "90%"))
    b = Package(base)
    _edit(b, CELL, CELL.replace("100%", "80%"))
    return [a.write(folder / "cell-reviewer-a.docx"), b.write(folder / "cell-reviewer-b.docx")]


FAMILIES = {
    "wps-saved": wps_saved,
    "word-online-noise": word_online_noise,
    "strict-full": strict_full,
    "letter-paper": letter_paper,
    "custom-xml": custom_xml,
    "smart-tags": smart_tags,
    "sdt-rows": sdt_rows,
    "frames-bidi": frames_bidi,
    "drop-cap": drop_cap,
    "numbering-overrides": numbering_overrides,
    "header-fields": header_fields,
    "math-blocks": math_blocks,
    "astral": astral,
    "nfd-edit": nfd_edit,
    "long-url": long_url,
    "section-deleted": section_deleted,
    "pasted-twice": pasted_twice,
    "tracked-rows": tracked_rows,
    "two-reviewers-cell": two_reviewers_cell,
}

# file name → (text before, text after) pairs --onto must bring into the plan (every tracked change accepted)
EXPECT: dict[str, list[tuple[str, str]]] = {
    "wps-saved.docx": [(BULLET2[2:], "Chỉ đạo tổ chức" + BULLET2[7:])],
    "word-online-noise.docx": [(BULLET, BULLET.replace("đôn đốc", "đôn đốc, hỗ trợ"))],
    "custom-xml.docx": [(BULLET, BULLET.replace("kịp thời", "thường xuyên")), (CELL, CELL.replace("100%", "95%"))],
    "smart-tags.docx": [(BULLET, BULLET.replace("kiểm tra, giám sát", "kiểm tra, thanh tra, giám sát"))],
    "sdt-rows.docx": [(CELL, CELL.replace("cấp xã", "cấp xã, phường"))],
    "math-blocks.docx": [(CELL, CELL + "≥95%")],  # the equation's text; the display equation is left to the hand
    "astral.docx": [(BULLET, BULLET.replace("được giao.", "được giao " + ASTRAL + ".")), (CELL, CELL + " ✅")],
    "nfd-edit.docx": [(BULLET, BULLET.replace("kiểm tra, giám sát", "thanh tra, kiểm tra, giám sát"))],
    "long-url.docx": [(CELL, CELL + " " + URL), (BULLET, BULLET + " Tài liệu: " + URL)],
    "tracked-rows.docx": [(CELL, "")],
    "section-deleted.docx": [("Đối với chỉ số nội dung “Tham gia của người dân ở cấp cơ sở”", ""), (BULLET2[2:], "")],
    "cell-reviewer-a.docx": [(CELL, CELL.replace("100%", "90%"))],
    "cell-reviewer-b.docx": [(CELL, CELL.replace("100%", "80%"))],
}
