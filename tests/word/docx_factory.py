"""Builds .docx files the way Word writes them (not the way kehoach writes them), part by part, so the
reader is tested on real WordprocessingML constructs: numbering.xml lists, style chains, tracked changes,
comments, content controls, merged cells, sections with headers."""
from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NSDECL = (f'xmlns:w="{W}" xmlns:r="{R}" '
          'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
          'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
          'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" '
          'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
          'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
          'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
          'xmlns:v="urn:schemas-microsoft-com:vml" '
          'mc:Ignorable="w14 w15"')
REL_BASE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CT_BASE = "application/vnd.openxmlformats-officedocument.wordprocessingml"

STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {NSDECL}>
<w:docDefaults>
 <w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi"/><w:sz w:val="22"/></w:rPr></w:rPrDefault>
 <w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault>
</w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>
 <w:pPr><w:keepNext/><w:numPr><w:numId w:val="2"/></w:numPr><w:spacing w:before="240" w:after="0"/><w:outlineLvl w:val="0"/></w:pPr>
 <w:rPr><w:b/><w:sz w:val="28"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Heading1"/>
 <w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="2"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr>
 <w:rPr><w:i/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="u3"><w:name w:val="Tiêu đề mục"/><w:basedOn w:val="Normal"/>
 <w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="BodyJustified"><w:name w:val="Body Justified"/><w:basedOn w:val="Normal"/>
 <w:pPr><w:jc w:val="both"/><w:ind w:firstLine="567"/><w:spacing w:before="120" w:after="0" w:line="360" w:lineRule="exact"/></w:pPr>
 <w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:sz w:val="28"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="ListPara"><w:name w:val="List Paragraph"/><w:basedOn w:val="BodyJustified"/>
 <w:pPr><w:ind w:left="720"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="LinkedList"><w:name w:val="Linked List"/><w:basedOn w:val="Normal"/>
 <w:pPr><w:numPr><w:numId w:val="9"/></w:numPr></w:pPr></w:style>
<w:style w:type="numbering" w:styleId="OutlineStyle"><w:name w:val="Outline Style"/>
 <w:pPr><w:numPr><w:numId w:val="8"/></w:numPr></w:pPr></w:style>
<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/></w:style>
<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Emph"><w:name w:val="Emphasis Strong"/><w:basedOn w:val="Strong"/><w:rPr><w:i/></w:rPr></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>
 <w:tblPr><w:tblCellMar><w:left w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/>
 <w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4"/><w:left w:val="single" w:sz="4"/><w:bottom w:val="single" w:sz="4"/>
 <w:right w:val="single" w:sz="4"/><w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/></w:tblBorders></w:tblPr></w:style>
</w:styles>"""

THEME = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office Theme"><a:themeElements>
<a:fontScheme name="Office"><a:majorFont><a:latin typeface="Calibri Light"/></a:majorFont>
<a:minorFont><a:latin typeface="Calibri"/></a:minorFont></a:fontScheme></a:themeElements></a:theme>"""


def lvl(ilvl: int, fmt: str, text: str, start: int = 1, *, suff: str | None = None, restart: int | None = None,
        is_lgl: bool = False, pstyle: str | None = None, left: int | None = None, hanging: int | None = None) -> str:
    parts = [f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>']
    if restart is not None:
        parts.append(f'<w:lvlRestart w:val="{restart}"/>')
    if pstyle:
        parts.append(f'<w:pStyle w:val="{pstyle}"/>')
    if is_lgl:
        parts.append("<w:isLgl/>")
    if suff:
        parts.append(f'<w:suff w:val="{suff}"/>')
    parts.append(f'<w:lvlText w:val="{escape(text, {chr(34): "&quot;"})}"/><w:lvlJc w:val="left"/>')
    if left is not None:
        parts.append(f'<w:pPr><w:ind w:left="{left}" w:hanging="{hanging or 0}"/></w:pPr>')
    parts.append("</w:lvl>")
    return "".join(parts)


def abstract(aid: int, levels: list[str], *, num_style_link: str | None = None, style_link: str | None = None) -> str:
    extra = ""
    if style_link:
        extra += f'<w:styleLink w:val="{style_link}"/>'
    if num_style_link:
        extra += f'<w:numStyleLink w:val="{num_style_link}"/>'
    return f'<w:abstractNum w:abstractNumId="{aid}"><w:multiLevelType w:val="multilevel"/>{extra}{"".join(levels)}</w:abstractNum>'


def num(nid: int, aid: int, overrides: dict[int, int] | None = None, lvl_override: dict[int, str] | None = None) -> str:
    body = "".join(f'<w:lvlOverride w:ilvl="{i}"><w:startOverride w:val="{s}"/></w:lvlOverride>'
                   for i, s in (overrides or {}).items())
    body += "".join(f'<w:lvlOverride w:ilvl="{i}">{x}</w:lvlOverride>' for i, x in (lvl_override or {}).items())
    return f'<w:num w:numId="{nid}"><w:abstractNumId w:val="{aid}"/>{body}</w:num>'


def numbering_xml(abstracts: list[str], nums: list[str]) -> str:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering {NSDECL}>'
            + "".join(abstracts) + "".join(nums) + "</w:numbering>")


def t(text: str) -> str:
    return f'<w:t xml:space="preserve">{escape(text)}</w:t>'


def r(text: str = "", rpr: str = "", extra: str = "") -> str:
    inner = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    return f"<w:r>{inner}{t(text) if text else ''}{extra}</w:r>"


def p(*runs: str, style: str | None = None, ppr: str = "", num: tuple[int, int] | None = None) -> str:
    props = ""
    if style:
        props += f'<w:pStyle w:val="{style}"/>'
    if num is not None:
        props += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    props += ppr
    head = f"<w:pPr>{props}</w:pPr>" if props else ""
    body = "".join(x if x.startswith("<") else r(x) for x in runs)
    return f"<w:p>{head}{body}</w:p>"


def sect(*, w: int = 11906, h: int = 16838, landscape: bool = False, top: int = 1134, bottom: int = 1134,
         left: int = 1701, right: int = 1134, header_refs: dict[str, str] | None = None, title_pg: bool = False,
         start: int | None = None, kind: str | None = None) -> str:
    refs = "".join(f'<w:headerReference w:type="{k}" r:id="{v}"/>' for k, v in (header_refs or {}).items())
    orient = ' w:orient="landscape"' if landscape else ""
    out = refs
    if kind:
        out += f'<w:type w:val="{kind}"/>'
    out += (f'<w:pgSz w:w="{w}" w:h="{h}"{orient}/><w:pgMar w:top="{top}" w:right="{right}" w:bottom="{bottom}" '
            f'w:left="{left}" w:header="720" w:footer="720" w:gutter="0"/>')
    if start is not None:
        out += f'<w:pgNumType w:start="{start}"/>'
    if title_pg:
        out += "<w:titlePg/>"
    return f"<w:sectPr>{out}</w:sectPr>"


PAGE_FIELD = (r("", extra='<w:fldChar w:fldCharType="begin"/>') + r("", extra='<w:instrText xml:space="preserve"> PAGE </w:instrText>')
              + r("", extra='<w:fldChar w:fldCharType="separate"/>') + r("2") + r("", extra='<w:fldChar w:fldCharType="end"/>'))


def make_docx(path: Path, body: str, *, numbering: str | None = None, styles: str | None = STYLES,
              comments: str | None = None, headers: dict[str, str] | None = None, core_title: str | None = None,
              extra_parts: dict[str, bytes] | None = None, extra_types: str = "", theme: bool = True,
              main_ct: str = f"{CT_BASE}.document.main+xml",
              extra_rels: list[tuple[str, str, str]] | None = None) -> Path:
    """body: the inside of w:body (blocks + final sectPr). headers: {rId: inner xml of w:hdr}."""
    rels = [f'<Relationship Id="rIdStyles" Type="{REL_BASE}/styles" Target="styles.xml"/>'] if styles else []
    types = [f'<Override PartName="/word/document.xml" ContentType="{main_ct}"/>']
    parts: dict[str, str | bytes] = {}
    if styles:
        parts["word/styles.xml"] = styles
        types.append(f'<Override PartName="/word/styles.xml" ContentType="{CT_BASE}.styles+xml"/>')
    if theme:
        parts["word/theme/theme1.xml"] = THEME
        rels.append(f'<Relationship Id="rIdTheme" Type="{REL_BASE}/theme" Target="theme/theme1.xml"/>')
        types.append('<Override PartName="/word/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>')
    if numbering:
        parts["word/numbering.xml"] = numbering
        rels.append(f'<Relationship Id="rIdNum" Type="{REL_BASE}/numbering" Target="numbering.xml"/>')
        types.append(f'<Override PartName="/word/numbering.xml" ContentType="{CT_BASE}.numbering+xml"/>')
    if comments:
        parts["word/comments.xml"] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                                      f"<w:comments {NSDECL}>{comments}</w:comments>")
        rels.append(f'<Relationship Id="rIdComments" Type="{REL_BASE}/comments" Target="comments.xml"/>')
        types.append(f'<Override PartName="/word/comments.xml" ContentType="{CT_BASE}.comments+xml"/>')
    for rid, rtype, target in extra_rels or []:
        rels.append(f'<Relationship Id="{rid}" Type="{rtype}" Target="{target}"/>')
    for rid, inner in (headers or {}).items():
        name = f"header_{rid}.xml"
        parts[f"word/{name}"] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                                 f"<w:hdr {NSDECL}>{inner}</w:hdr>")
        rels.append(f'<Relationship Id="{rid}" Type="{REL_BASE}/header" Target="{name}"/>')
        types.append(f'<Override PartName="/word/{name}" ContentType="{CT_BASE}.header+xml"/>')
    parts["word/document.xml"] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                                  f"<w:document {NSDECL}><w:body>{body}</w:body></w:document>")
    parts["word/_rels/document.xml.rels"] = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                                             '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                                             + "".join(rels) + "</Relationships>")
    parts["_rels/.rels"] = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                            f'<Relationship Id="rId1" Type="{REL_BASE}/officeDocument" Target="word/document.xml"/>'
                            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
                            "</Relationships>")
    parts["docProps/core.xml"] = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                                  '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
                                  'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>'
                                  + escape(core_title or "") + "</dc:title><dc:creator>Văn phòng UBND</dc:creator></cp:coreProperties>")
    types.append('<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>')
    parts["[Content_Types].xml"] = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                                    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                                    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                                    '<Default Extension="xml" ContentType="application/xml"/>'
                                    + "".join(types) + extra_types + "</Types>")
    for name, data in (extra_parts or {}).items():
        parts[name] = data
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        # [Content_Types].xml first, as Word writes it
        for name in ["[Content_Types].xml", *[n for n in parts if n != "[Content_Types].xml"]]:
            data = parts[name]
            zf.writestr(name, data.encode("utf-8") if isinstance(data, str) else data)
    return path


# ----------------------------------------------------------------------------------------------------
# One office-style document with everything the consumers need, used by several tests and re-saved by
# LibreOffice to check that its way of writing the same things reads the same.

def office_numbering() -> str:
    return numbering_xml(
        [
            abstract(1, [lvl(0, "upperRoman", "%1.", left=720, hanging=360), lvl(1, "decimal", "%2."),
                         lvl(2, "lowerLetter", "%3)"), lvl(3, "bullet", "-")]),
            abstract(2, [lvl(0, "decimal", "%1.", pstyle="Heading1"), lvl(1, "decimal", "%1.%2.", pstyle="Heading2")]),
            abstract(4, [lvl(0, "upperRoman", "%1."), lvl(1, "decimal", "%1.%2.", is_lgl=True)]),
            abstract(5, [lvl(0, "decimalZero", "%1.", start=9, suff="space")]),
            abstract(6, [lvl(0, "upperLetter", "%1.", start=26)]),
            abstract(7, [], num_style_link="OutlineStyle"),
            abstract(8, [lvl(0, "decimal", "(%1)"), lvl(1, "lowerRoman", "%2.")], style_link="OutlineStyle"),
            abstract(9, [lvl(0, "decimal", "%1/", pstyle="LinkedList")]),
            abstract(10, [lvl(0, "bullet", "\uf0b7")]),
            abstract(11, [lvl(0, "decimal", "%1."), lvl(1, "decimal", "%1.%2.", restart=0)]),
        ],
        [num(1, 1), num(2, 2), num(3, 1, {0: 1}), num(4, 4), num(5, 5), num(6, 6), num(7, 7), num(8, 8),
         num(9, 9), num(10, 10), num(11, 11), num(12, 1, {0: 5})],
    )


# (text, expected label) in body order, for the list part of the office document
OFFICE_LISTS = [
    (p("Mục đích", style="Heading1"), "Mục đích", "1."),
    (p("MỤC ĐÍCH, YÊU CẦU", num=(1, 0)), "MỤC ĐÍCH, YÊU CẦU", "I."),
    (p("Mục đích", num=(1, 1)), "Mục đích", "1."),
    (p("Cụ thể hóa", num=(1, 2)), "Cụ thể hóa", "a)"),
    (p("Phát huy", num=(1, 2)), "Phát huy", "b)"),
    (p("Gạch đầu dòng", num=(1, 3)), "Gạch đầu dòng", "-"),
    (p("Yêu cầu", num=(1, 1)), "Yêu cầu", "2."),
    (p("Đồng bộ", num=(1, 2)), "Đồng bộ", "a)"),
    (p("NỘI DUNG", num=(1, 0)), "NỘI DUNG", "II."),
    (p("Nhiệm vụ chung", num=(1, 1)), "Nhiệm vụ chung", "1."),
    (p("Tiểu mục một", style="Heading2"), "Tiểu mục một", "1.1."),
    (p("Tiểu mục hai", style="Heading2"), "Tiểu mục hai", "1.2."),
    (p("Phần hai", style="Heading1"), "Phần hai", "2."),
    (p("Tiểu mục ba", style="Heading2"), "Tiểu mục ba", "2.1."),
    (p("Danh sách mới", num=(3, 0)), "Danh sách mới", "I."),
    (p("Ý một", num=(3, 1)), "Ý một", "1."),
    (p("Pháp lý", num=(4, 0)), "Pháp lý", "I."),
    (p("Pháp lý con", num=(4, 1)), "Pháp lý con", "1.1."),
    (p("Số có số 0", num=(5, 0)), "Số có số 0", "09."),
    (p("Số mười", num=(5, 0)), "Số mười", "10."),
    (p("Chữ Z", num=(6, 0)), "Chữ Z", "Z."),
    (p("Chữ AA", num=(6, 0)), "Chữ AA", "AA."),
    (p("Liên kết kiểu", num=(7, 0)), "Liên kết kiểu", "(1)"),
    (p("Liên kết kiểu cấp 2", num=(7, 1)), "Liên kết kiểu cấp 2", "i."),
    (p("Kiểu có số", style="LinkedList"), "Kiểu có số", "1/"),
    (p("Dấu chấm tròn", num=(10, 0)), "Dấu chấm tròn", "•"),
    (p("Cha", num=(11, 0)), "Cha", "1."),
    (p("Con", num=(11, 1)), "Con", "1.1."),
    (p("Cha hai", num=(11, 0)), "Cha hai", "2."),
    (p("Con không khởi động lại", num=(11, 1)), "Con không khởi động lại", "2.2."),
    (p("Bắt đầu từ V", num=(12, 0)), "Bắt đầu từ V", "V."),
    (p("Không đánh số", style="Heading1", ppr='<w:numPr><w:numId w:val="0"/></w:numPr>'), "Không đánh số", None),
]

COMMENTS = (
    '<w:comment w:id="0" w:author="Lãnh đạo UBND" w:date="2024-05-02T09:00:00Z" w:initials="LĐ">'
    '<w:p w14:paraId="11111111"><w:r><w:t>Sửa lại số liệu</w:t></w:r></w:p></w:comment>'
    '<w:comment w:id="1" w:author="Sở Nội vụ" w:date="2024-05-03T10:00:00Z">'
    '<w:p><w:r><w:t>Dòng một</w:t></w:r></w:p><w:p><w:r><w:t>Dòng hai</w:t></w:r></w:p></w:comment>'
)

TEXTBOX = (
    '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:docPr id="1" name="Hộp"/>'
    '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
    '<wps:txbx><w:txbxContent><w:p><w:r><w:t>Chữ trong hộp</w:t></w:r></w:p></w:txbxContent></wps:txbx>'
    '</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>'
    '<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>Chữ trong hộp</w:t></w:r></w:p>'
    '</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>'
)


def tc(content: str, *, span: int = 1, vmerge: str | None = None, width: int = 2000, fill: str | None = None) -> str:
    props = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span > 1:
        props += f'<w:gridSpan w:val="{span}"/>'
    if vmerge == "restart":
        props += '<w:vMerge w:val="restart"/>'
    elif vmerge == "continue":
        props += "<w:vMerge/>"
    if fill:
        props += f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>'
    body = content if content.startswith("<w:p") or content.startswith("<w:tbl") else p(content)
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{body}</w:tc>"


def tr(*cells: str, header: bool = False, cant_split: bool = False, ins: bool = False) -> str:
    props = ""
    if cant_split:
        props += "<w:cantSplit/>"
    if header:
        props += "<w:tblHeader/>"
    if ins:
        props += '<w:ins w:id="90" w:author="Nguyễn Văn A" w:date="2024-05-01T08:00:00Z"/>'
    return f"<w:tr>{'<w:trPr>' + props + '</w:trPr>' if props else ''}{''.join(cells)}</w:tr>"


def tbl(*rows: str, grid: list[int], style: str | None = "TableGrid", borders: str = "") -> str:
    props = f'<w:tblStyle w:val="{style}"/>' if style else ""
    props += '<w:tblW w:w="0" w:type="auto"/>' + borders
    cols = "".join(f'<w:gridCol w:w="{g}"/>' for g in grid)
    return f"<w:tbl><w:tblPr>{props}</w:tblPr><w:tblGrid>{cols}</w:tblGrid>{''.join(rows)}</w:tbl>"


def office_body() -> str:
    lists = "".join(x[0] for x in OFFICE_LISTS)
    heading3 = p("Tiêu đề cấp ba theo outlineLvl", style="u3")
    formatting = p(
        r("Căn cứ "), r("Luật", "<w:b/>"), r(" Tổ chức", '<w:rStyle w:val="Strong"/>'),
        r("", extra="<w:tab/>"), r("chính quyền", '<w:rStyle w:val="Emph"/>'),
        r("địa phương", '<w:rFonts w:ascii="Arial" w:hAnsi="Arial"/><w:sz w:val="26"/><w:u w:val="single"/><w:caps/>'),
        r("", extra="<w:br/>"), r("dòng hai"), r("_______"), style="BodyJustified")
    direct = p(r("Quốc hiệu", "<w:b/><w:sz w:val=\"26\"/>"), ppr='<w:jc w:val="center"/><w:spacing w:before="0" w:after="0"/>'
               '<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="auto"/></w:pBdr>')
    tabs = p(r("Số: "), r("", extra="<w:tab/>"), r("Quảng Nam, ngày"),
             ppr='<w:tabs><w:tab w:val="center" w:pos="1701"/><w:tab w:val="right" w:pos="9072"/></w:tabs>')
    tracked = p(r("Tăng "),
                '<w:ins w:id="1" w:author="Nguyễn Văn A" w:date="2024-05-01T08:00:00Z">' + r("mạnh ") + "</w:ins>",
                '<w:del w:id="2" w:author="Trần Thị B" w:date="2024-05-01T09:00:00Z"><w:r><w:delText xml:space="preserve">cũ </w:delText></w:r></w:del>',
                r("kết thúc"), style="BodyJustified")
    inserted_para = ('<w:p><w:pPr><w:rPr><w:ins w:id="3" w:author="Nguyễn Văn A" w:date="2024-05-01T08:00:00Z"/></w:rPr></w:pPr>'
                     '<w:ins w:id="4" w:author="Nguyễn Văn A" w:date="2024-05-01T08:00:00Z">' + r("Đoạn mới chèn") + "</w:ins></w:p>")
    commented = ('<w:p><w:r><w:t xml:space="preserve">Chỉ tiêu </w:t></w:r><w:commentRangeStart w:id="0"/>'
                 '<w:r><w:t>đạt 43 điểm</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>'
                 '<w:commentRangeStart w:id="1"/><w:r><w:t xml:space="preserve"> trở lên</w:t></w:r></w:p>'
                 '<w:p><w:r><w:t>đoạn sau</w:t></w:r><w:commentRangeEnd w:id="1"/><w:r><w:commentReference w:id="1"/></w:r></w:p>')
    bookmarks = ('<w:p><w:bookmarkStart w:id="5" w:name="task-1"/><w:r><w:t>Nhiệm vụ có dấu</w:t></w:r>'
                 '<w:bookmarkEnd w:id="5"/><w:bookmarkStart w:id="6" w:name="_GoBack"/><w:bookmarkEnd w:id="6"/></w:p>'
                 '<w:bookmarkStart w:id="7" w:name="sec-2"/><w:p><w:r><w:t>Sau dấu thân</w:t></w:r></w:p><w:bookmarkEnd w:id="7"/>')
    sdt_block = ('<w:sdt><w:sdtPr><w:alias w:val="Nhiệm vụ"/><w:tag w:val="plan.tasks[0]"/><w:id w:val="100"/></w:sdtPr>'
                 '<w:sdtContent>' + p("Nhiệm vụ trong điều khiển") + p("Đoạn thứ hai") + "</w:sdtContent></w:sdt>")
    sdt_inline = ('<w:p><w:r><w:t xml:space="preserve">Đạt </w:t></w:r><w:sdt><w:sdtPr><w:tag w:val="target.t1"/></w:sdtPr>'
                  '<w:sdtContent><w:r><w:t>45</w:t></w:r></w:sdtContent></w:sdt><w:r><w:t xml:space="preserve"> điểm</w:t></w:r></w:p>')
    fields = ('<w:p><w:hyperlink r:id="rIdLink"><w:r><w:t>liên kết</w:t></w:r></w:hyperlink><w:r><w:t xml:space="preserve"> trang </w:t></w:r>'
              + PAGE_FIELD + '<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>9</w:t></w:r></w:fldSimple></w:p>')
    page_break = p(r("Trước ngắt"), r("", extra='<w:br w:type="page"/>'), r("sau ngắt"))
    textbox = p(r("Neo hộp"), TEXTBOX)
    nested = tbl(tr(tc("lồng 1"), tc("lồng 2")), grid=[1000, 1000])
    table = tbl(
        tr(tc("STT", width=700), tc("Nội dung"), tc("Cơ quan"), header=True, cant_split=True),
        tr(tc("Nhóm 1: Công khai", span=3, width=6700, fill="D9D9D9")),
        tr(tc("1"), tc(p("Việc A dòng 1") + p("Việc A dòng 2")), tc("Sở Nội vụ", vmerge="restart")),
        tr(tc("2"), tc("Việc B"), tc("", vmerge="continue")),
        ('<w:sdt><w:sdtPr><w:tag w:val="row.task-3"/></w:sdtPr><w:sdtContent>'
         + tr(tc("3"), tc(p("Có bảng lồng") + nested + p("")), tc("Sở Tư pháp"), ins=True) + "</w:sdtContent></w:sdt>"),
        grid=[700, 4000, 2000])
    first_sect = p("Cuối mục một", ppr=sect(header_refs={"default": "rIdH1", "first": "rIdH2"}, title_pg=True))
    appendix = p("Phụ lục", ppr='<w:jc w:val="center"/>') + tbl(
        tr(tc("A"), tc("B")), grid=[7000, 7000], style=None,
        borders='<w:tblBorders><w:top w:val="nil"/><w:bottom w:val="none"/></w:tblBorders>')
    final = p("Hết") + sect(w=16838, h=11906, landscape=True, start=1, kind="nextPage")
    return (lists + heading3 + formatting + direct + tabs + tracked + inserted_para + commented + bookmarks
            + sdt_block + sdt_inline + fields + page_break + textbox + table + first_sect + appendix + final)


OFFICE_HEADERS = {
    "rIdH1": p(r("Trang "), PAGE_FIELD, ppr='<w:jc w:val="center"/>'),
    "rIdH2": p(""),
}


def make_rich_docx(path: Path) -> Path:
    return make_docx(path, office_body(), numbering=office_numbering(), comments=COMMENTS,
                     headers=OFFICE_HEADERS, core_title="Kế hoạch thử")
