"""Generators of the third hostile campaign of issue 22: what a leader's Track Changes, other editors, odd
characters and odd packages do to a .docx kehoach built, for `check`, `check --fix`, `import` and
`import --onto` (the reviewed file brought back into the plan). Only the generators are stored, never the
files. Each family is `name(base, folder) -> Path` like tests/word/hostile_office.py; bench/hostile_third.py
runs them all and prints the figures.

For `import --onto`, each family also says what the plan must become (`EXPECT`): the text a reviewer sees in
Word with every tracked change accepted, since that is what `--reject` is the opposite of."""
from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from tests.word.docx_factory import CT_BASE, REL_BASE
from tests.word.hostile_office import Package

AUTH = 'w:author="Phó Chủ tịch" w:date="2026-03-02T08:00:00Z"'
BULLET = "Tăng cường công tác kiểm tra, giám sát để kịp thời hướng dẫn, đôn đốc triển khai thực hiện các nhiệm vụ được giao."
BULLET2 = "Tổ chức thực hiện tốt công tác tuyên truyền, bầu cử các chức danh trưởng thôn/tổ trưởng tổ dân phố."


def _t(text: str, tag: str = "t") -> str:
    return f'<w:{tag} xml:space="preserve">{escape(text)}</w:{tag}>'


def _run_of(pkg: Package, text: str) -> tuple[int, int]:
    """(start, end) of the w:r holding `text` (the whole text of one run)."""
    doc = pkg.doc
    at = doc.index(f">{escape(text)}</w:t>")
    start = doc.rindex("<w:r>", 0, at)
    return start, doc.index("</w:r>", at) + len("</w:r>")


def _para_of(pkg: Package, text: str) -> tuple[int, int]:
    doc = pkg.doc
    at = doc.index(f">{escape(text)}</w:t>")
    start = max(doc.rfind("<w:p>", 0, at), doc.rfind("<w:p ", 0, at))
    return start, doc.index("</w:p>", at) + len("</w:p>")


def _split_run(pkg: Package, text: str, pieces: list[tuple[str, str | None]]) -> None:
    """The run holding `text` cut into runs of the same properties, each piece plain or inside a tracked
    w:ins / w:del / w:moveTo / w:moveFrom (the second item)."""
    doc = pkg.doc
    start, end = _run_of(pkg, text)
    run = doc[start:end]
    rpr = run[run.index("<w:rPr>"):run.index("</w:rPr>") + 8] if "<w:rPr>" in run else ""
    out = []
    for piece, kind in pieces:
        tag = "delText" if kind in ("del", "moveFrom") else "t"
        r = f"<w:r>{rpr}{_t(piece, tag)}</w:r>"
        out.append(f'<w:{kind} w:id="{900 + len(out)}" {AUTH}>{r}</w:{kind}>' if kind else r)
    pkg.doc = doc[:start] + "".join(out) + doc[end:]


# --- a leader's Track Changes -----------------------------------------------------------------------

def tracked_words(base: Path, folder: Path) -> Path:
    """Words inserted and deleted with Track Changes on, in one bullet."""
    pkg = Package(base)
    _split_run(pkg, "- " + BULLET, [("- Tăng cường công tác kiểm tra", None), (" thường xuyên", "ins"),
                                    (", giám sát", "del"), (" để kịp thời hướng dẫn, đôn đốc triển khai thực hiện "
                                                             "các nhiệm vụ được giao.", None)])
    return pkg.write(folder / "tracked-words.docx")


def tracked_date(base: Path, folder: Path) -> Path:
    """The day of the date line changed with Track Changes on: '20' deleted, '5' inserted (accepted: 'ngày 5',
    which --fix writes 'ngày 05')."""
    pkg = Package(base)
    _split_run(pkg, "Quảng Nam, ngày 20 tháng 7 năm 2020", [("Quảng Nam, ngày ", None), ("20", "del"), ("5", "ins"),
                                                             (" tháng 7 năm 2020", None)])
    return pkg.write(folder / "tracked-date.docx")


def tracked_format(base: Path, folder: Path) -> Path:
    """Only formatting tracked (a bullet made bold, a paragraph centred): the words are the same."""
    pkg = Package(base)
    start, end = _run_of(pkg, "- " + BULLET)
    doc = pkg.doc
    run = doc[start:end]
    new = run.replace("<w:rPr>", f'<w:rPr><w:b/><w:rPrChange w:id="950" {AUTH}><w:rPr></w:rPr></w:rPrChange>', 1) \
        if "<w:rPr>" in run else run.replace("<w:r>", f'<w:r><w:rPr><w:b/><w:rPrChange w:id="950" {AUTH}>'
                                                      '<w:rPr/></w:rPrChange></w:rPr>', 1)
    pkg.doc = doc[:start] + new + doc[end:]
    return pkg.write(folder / "tracked-format.docx")


def tracked_paragraph_join(base: Path, folder: Path) -> Path:
    """The paragraph mark between two bullets deleted with Track Changes on: accepted, Word shows one
    paragraph holding both sentences."""
    pkg = Package(base)
    doc = pkg.doc
    start, _ = _para_of(pkg, "- " + BULLET2)
    # the bullet before BULLET2 in the same list
    prev_start = max(doc.rfind("<w:p>", 0, start), doc.rfind("<w:p ", 0, start))
    para = doc[prev_start:start]
    mark = f'<w:del w:id="960" {AUTH}/>'
    if "<w:pPr>" in para and "</w:pPr>" in para:
        ppr = para[para.index("<w:pPr>"):para.index("</w:pPr>")]
        if "<w:rPr>" in ppr:
            para = para.replace("<w:pPr>" + ppr[7:], "<w:pPr>" + ppr[7:].replace("<w:rPr>", "<w:rPr>" + mark, 1), 1)
        else:
            para = para.replace("</w:pPr>", f"<w:rPr>{mark}</w:rPr></w:pPr>", 1)
    pkg.doc = doc[:prev_start] + para + doc[start:]
    return pkg.write(folder / "tracked-join.docx")


def tracked_paragraph_added(base: Path, folder: Path) -> Path:
    """A whole bullet typed with Track Changes on (its runs and its paragraph mark inserted) after BULLET."""
    pkg = Package(base)
    doc = pkg.doc
    start, end = _para_of(pkg, "- " + BULLET)
    para = doc[start:end]
    new = para.replace(escape("- " + BULLET), "- Báo cáo kết quả về Sở Nội vụ trước ngày 15 tháng 12.")
    new = new.replace("<w:r>", f'<w:ins w:id="970" {AUTH}><w:r>').replace("</w:r>", "</w:r></w:ins>")
    if "</w:pPr>" in new:
        new = new.replace("</w:pPr>", f'<w:rPr><w:ins w:id="971" {AUTH}/></w:rPr></w:pPr>', 1)
    pkg.doc = doc[:end] + new + doc[end:]
    return pkg.write(folder / "tracked-added.docx")


def tracked_paragraph_deleted(base: Path, folder: Path) -> Path:
    """A whole bullet deleted with Track Changes on (its runs and its paragraph mark)."""
    pkg = Package(base)
    doc = pkg.doc
    start, end = _para_of(pkg, "- " + BULLET)
    para = doc[start:end].replace("<w:t ", "<w:delText ").replace("<w:t>", "<w:delText>").replace("</w:t>", "</w:delText>")
    para = para.replace("<w:r>", f'<w:del w:id="980" {AUTH}><w:r>').replace("</w:r>", "</w:r></w:del>")
    para = para.replace("</w:pPr>", f'<w:rPr><w:del w:id="981" {AUTH}/></w:rPr></w:pPr>', 1)
    pkg.doc = doc[:start] + para + doc[end:]
    return pkg.write(folder / "tracked-deleted.docx")


def tracked_move(base: Path, folder: Path) -> Path:
    """BULLET2 moved (Track Changes) to stand after BULLET: moveFrom where it was, moveTo where it goes."""
    pkg = Package(base)
    doc = pkg.doc
    s2, e2 = _para_of(pkg, "- " + BULLET2)
    para2 = doc[s2:e2]
    gone = para2.replace("<w:t ", "<w:delText ").replace("<w:t>", "<w:delText>").replace("</w:t>", "</w:delText>")
    gone = gone.replace("<w:r>", f'<w:moveFrom w:id="990" {AUTH}><w:r>').replace("</w:r>", "</w:r></w:moveFrom>")
    gone = gone.replace("</w:pPr>", f'<w:rPr><w:moveFrom w:id="991" {AUTH}/></w:rPr></w:pPr>', 1)
    came = para2.replace("<w:r>", f'<w:moveTo w:id="992" {AUTH}><w:r>').replace("</w:r>", "</w:r></w:moveTo>")
    came = came.replace("</w:pPr>", f'<w:rPr><w:moveTo w:id="993" {AUTH}/></w:rPr></w:pPr>', 1)
    doc = doc[:s2] + gone + doc[e2:]
    pkg.doc = doc
    _, e1 = _para_of(pkg, "- " + BULLET)
    doc = pkg.doc
    pkg.doc = doc[:e1] + came + doc[e1:]
    return pkg.write(folder / "tracked-move.docx")


def tracked_cell(base: Path, folder: Path) -> Path:
    """Inside the tasks table: a lead agency's name replaced (deleted and inserted) in its cell."""
    pkg = Package(base)
    doc = pkg.doc
    at = doc.index(">Sở Nội vụ</w:t>", doc.index("<w:tbl>"))
    start = doc.rindex("<w:r>", 0, at)
    end = doc.index("</w:r>", at) + 6
    run = doc[start:end]
    gone = run.replace("<w:t>", "<w:delText>").replace('<w:t xml:space="preserve">', "<w:delText>") \
        .replace("</w:t>", "</w:delText>")
    came = run.replace("Sở Nội vụ", "Văn phòng UBND tỉnh")
    pkg.doc = doc[:start] + f'<w:del w:id="995" {AUTH}>{gone}</w:del><w:ins w:id="996" {AUTH}>{came}</w:ins>' + doc[end:]
    return pkg.write(folder / "tracked-cell.docx")


def header_mark_lost(base: Path, folder: Path) -> Path:
    """The tasks table's 'repeat as header row' mark (w:tblHeader) gone, as LibreOffice's RTF round trip (.docx
    → .rtf → .docx, a reviewer who had to send RTF) leaves it; nothing else changed."""
    pkg = Package(base)
    pkg.replace("word/document.xml", "<w:tblHeader/>", "", count=-1)
    return pkg.write(folder / "header-mark-lost.docx")


def row_copied(base: Path, folder: Path, number: str = "2", tracked: bool = False) -> Path:
    """A row of the tasks table copied below itself and its task's words retyped, as a busy office adds a task:
    the copy keeps `number` in its STT cell (the copied row's own '2', or the next '3' with the rows below not
    renumbered); `tracked`: the row and its text inserted with Track Changes on."""
    import re

    pkg = Package(base)
    doc = pkg.doc
    at = doc.index(">Sở Nội vụ</w:t>", doc.index("<w:tbl>"))
    start, end = doc.rindex("<w:tr>", 0, at), doc.index("</w:tr>", at) + len("</w:tr>")
    row = re.sub(r"<w:bookmark(?:Start|End)[^>]*/>", "", doc[start:end])
    cells = re.findall(r"<w:tc>.*?</w:tc>", row, flags=re.S)

    def retyped(cell: str, text: str) -> str:
        left = [text]
        return re.sub(r"(<w:t[^>]*>)[^<]*(</w:t>)", lambda m: m.group(1) + (left.pop() if left else "") + m.group(2),
                      cell)
    new = row[:row.index("<w:tc>")] + retyped(cells[0], number) + \
        retyped(cells[1], "Thanh tra định kỳ việc công khai ngân sách xã.") + "".join(cells[2:]) + "</w:tr>"
    if tracked:
        new = new.replace("<w:r>", f'<w:ins w:id="997" {AUTH}><w:r>').replace("</w:r>", "</w:r></w:ins>")
        new = new.replace("<w:trPr>", f'<w:trPr><w:ins w:id="998" {AUTH}/>', 1) if "<w:trPr>" in new else \
            new.replace("<w:tr>", f'<w:tr><w:trPr><w:ins w:id="998" {AUTH}/></w:trPr>', 1)
    pkg.doc = doc[:end] + new + doc[end:]
    return pkg.write(folder / f"row-copied-{number}{'-tracked' if tracked else ''}.docx")


# --- characters an editor puts in -------------------------------------------------------------------

def zero_width(base: Path, folder: Path) -> Path:
    """U+200B, U+FEFF and U+2060 inside the words of three paragraphs (pasted from the web, Zalo, a PDF)."""
    pkg = Package(base)
    for old, new in [("kiểm tra, giám sát", "kiểm\u200b tra, giám\u200b sát"),
                     ("Tổ chức thực hiện tốt", "\ufeffTổ chức thực\u2060 hiện tốt"),
                     ("Mục đích", "Mục\u200b đích\u200b")]:
        pkg.replace("word/document.xml", old, new)
    return pkg.write(folder / "zero-width.docx")


def combining_run(base: Path, folder: Path) -> Path:
    """A combining mark in a run of its own ('- Ta' | U+0306 | 'ng cường…'): Word keeps a run per format change,
    and an editor that composes per run leaves the mark apart from its letter."""
    pkg = Package(base)
    _split_run(pkg, "- " + BULLET, [("- Ta", None), ("\u0306", None), ("ng cường công tác kiểm tra, giám sát để kịp "
                                                                        "thời hướng dẫn, đôn đốc triển khai thực hiện các "
                                                                        "nhiệm vụ được giao.", None)])
    return pkg.write(folder / "combining-run.docx")


def marks_apart(base: Path, folder: Path, day: str = "20") -> Path:
    """Quốc hiệu, the place and date line and KẾ HOẠCH each with one combining mark in a run of its own and of
    another format ('CỘNG HO' | U+0300 not bold | 'A XÃ…'), as an editor that formats per character leaves a
    decomposed text; `day` replaces the date's day (a wrong one gives --fix work in that paragraph)."""
    pkg = Package(base)
    pkg.replace("word/document.xml", "<w:r><w:t>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</w:t></w:r>",
                "<w:r><w:t>CỘNG HO</w:t></w:r><w:r><w:rPr><w:b w:val='0'/></w:rPr><w:t>\u0300</w:t></w:r>"
                "<w:r><w:t>A XÃ HỘI CHỦ NGHĨA VIỆT NAM</w:t></w:r>")
    pkg.replace("word/document.xml", ">Quảng Nam, ngày 20", ">Qua</w:t></w:r><w:r><w:rPr><w:i w:val='0'/></w:rPr>"
                f"<w:t>\u0309</w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t xml:space='preserve'>ng Nam, ngày {day}")
    pkg.replace("word/document.xml", ">KẾ HOẠCH<", ">KÊ</w:t></w:r><w:r><w:t>\u0301</w:t></w:r><w:r><w:rPr><w:b/>"
                "</w:rPr><w:t> HOẠCH<")
    return pkg.write(folder / f"marks-apart-{day}.docx")


def rtl_marks(base: Path, folder: Path) -> Path:
    """Right-to-left and left-to-right marks (U+200F, U+200E, U+202B…U+202C) around words, as a phone keyboard
    or a copied PDF leaves them."""
    pkg = Package(base)
    pkg.replace("word/document.xml", "kiểm tra, giám sát", "\u200fkiểm tra\u200e, \u202bgiám sát\u202c")
    return pkg.write(folder / "rtl-marks.docx")


# --- structures around the text ---------------------------------------------------------------------

def content_controls(base: Path, folder: Path) -> Path:
    """Content controls (w:sdt) around a paragraph, around a run, around the tasks table, around a cell's
    content, as a form template or SharePoint leaves them; the reviewer then edited the wrapped bullet."""
    pkg = Package(base)
    doc = pkg.doc
    s, e = _para_of(pkg, "- " + BULLET)
    para = doc[s:e].replace(escape(BULLET), escape(BULLET.replace("kịp thời", "kịp thời nhất")))
    doc = doc[:s] + f'<w:sdt><w:sdtPr><w:alias w:val="Khối"/><w:tag w:val="k1"/></w:sdtPr><w:sdtContent>{para}' \
        '</w:sdtContent></w:sdt>' + doc[e:]
    pkg.doc = doc
    rs, re_ = _run_of(pkg, "- " + BULLET2)
    doc = pkg.doc
    doc = doc[:rs] + f'<w:sdt><w:sdtPr><w:tag w:val="r1"/></w:sdtPr><w:sdtContent>{doc[rs:re_]}</w:sdtContent></w:sdt>' \
        + doc[re_:]
    ts = doc.rindex("<w:tbl>", 0, doc.index(">Sở Nội vụ</w:t>"))
    te = doc.index("</w:tbl>", ts) + 8
    doc = doc[:ts] + f'<w:sdt><w:sdtPr><w:tag w:val="t1"/></w:sdtPr><w:sdtContent>{doc[ts:te]}</w:sdtContent></w:sdt>' \
        + doc[te:]
    pkg.doc = doc
    return pkg.write(folder / "content-controls.docx")


def fields_links(base: Path, folder: Path) -> Path:
    """A bullet's words inside a hyperlink, a bookmark from one bullet to the next, a w:fldSimple around a
    word, and a PAGE field nested in an IF field in a paragraph of its own; the reviewer also edited the
    linked words."""
    pkg = Package(base)
    _split_run(pkg, "- " + BULLET, [("- Tăng cường công tác ", None), ("kiểm tra, giám sát", None),
                                    (" để kịp thời hướng dẫn, đôn đốc triển khai thực hiện các nhiệm vụ được giao.",
                                     None)])
    doc = pkg.doc
    at = doc.index(">kiểm tra, giám sát</w:t>")
    rs = doc.rindex("<w:r>", 0, at)
    re_ = doc.index("</w:r>", at) + 6
    link = doc[rs:re_].replace("kiểm tra, giám sát", "kiểm tra, thanh tra")
    doc = doc[:rs] + f'<w:bookmarkStart w:id="77" w:name="_Ref1"/><w:hyperlink r:id="rIdLink">{link}</w:hyperlink>' \
        + doc[re_:]
    pkg.doc = doc
    _, e = _para_of(pkg, "- " + BULLET2)
    doc = pkg.doc
    doc = doc[:e - 6] + '<w:bookmarkEnd w:id="77"/>' + doc[e - 6:]
    pkg.doc = doc
    pkg.replace("word/document.xml", ">1. Mục đích</w:t></w:r>",
                '>1. Mục </w:t></w:r><w:fldSimple w:instr=" DOCPROPERTY Muc "><w:r><w:t>đích</w:t></w:r></w:fldSimple>')
    pkg.add_rel("rIdLink", f"{REL_BASE}/hyperlink", "https://thuvienphapluat.vn", external=True)
    return pkg.write(folder / "fields-links.docx")


def footnote_math(base: Path, folder: Path) -> Path:
    """A footnote with text on a bullet, an endnote, and an equation (m:oMath) inside a sentence: notes and
    equations kehoach never writes, added by a reviewer."""
    pkg = Package(base)
    pkg.replace("word/document.xml", escape(BULLET) + "</w:t></w:r>",
                escape(BULLET) + '</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                '<w:footnoteReference w:id="1"/></w:r><w:r><w:endnoteReference w:id="1"/></w:r>')
    pkg.replace("word/document.xml", ">1. Mục đích</w:t></w:r>",
                '>1. Mục đích</w:t></w:r><m:oMath xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math">'
                '<m:r><m:t>x=1</m:t></m:r></m:oMath>')
    sep = ('<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
           '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
           '</w:footnote>')
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    fn = f'<?xml version="1.0" encoding="UTF-8"?><w:footnotes {ns}>{sep}<w:footnote w:id="1"><w:p><w:r>' \
         '<w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Theo Kế hoạch số 12/KH-UBND.</w:t></w:r></w:p>' \
         '</w:footnote></w:footnotes>'
    en = f'<?xml version="1.0" encoding="UTF-8"?><w:endnotes {ns}><w:endnote w:id="1"><w:p><w:r><w:t>Ghi chú cuối.' \
         '</w:t></w:r></w:p></w:endnote></w:endnotes>'
    if "word/footnotes.xml" not in pkg.parts:
        pkg.add_part("word/footnotes.xml", fn, f"{CT_BASE}.footnotes+xml", ("rIdFn", f"{REL_BASE}/footnotes", "footnotes.xml"))
    if "word/endnotes.xml" not in pkg.parts:
        pkg.add_part("word/endnotes.xml", en, f"{CT_BASE}.endnotes+xml", ("rIdEn", f"{REL_BASE}/endnotes", "endnotes.xml"))
    return pkg.write(folder / "footnote-math.docx")


# --- the package ------------------------------------------------------------------------------------

def empty_parts(base: Path, folder: Path) -> list[Path]:
    """styles.xml of 0 bytes; numbering.xml cut in half; settings.xml of 0 bytes; the document cut in half."""
    out = []
    for name, how in [("word/styles.xml", "empty"), ("word/numbering.xml", "half"), ("word/settings.xml", "empty"),
                      ("word/document.xml", "half"), ("word/document.xml", "empty")]:
        pkg = Package(base)
        data = pkg.parts[name]
        pkg.parts[name] = b"" if how == "empty" else data[: len(data) // 2]
        out.append(pkg.write(folder / f"part-{how}-{name.split('/')[-1].split('.')[0]}.docx"))
    whole = base.read_bytes()
    (folder / "zip-truncated.docx").write_bytes(whole[: len(whole) * 2 // 3])
    out.append(folder / "zip-truncated.docx")
    return out


def duplicate_rids(base: Path, folder: Path) -> Path:
    """Two relationships with one Id (the styles' Id given to a header too, first): which one wins?"""
    pkg = Package(base)
    rels = pkg.text("word/_rels/document.xml.rels")
    import re
    sid = re.search(r'Id="(\w+)"[^>]*Target="styles.xml"', rels) or re.search(r'Target="styles.xml"[^>]*Id="(\w+)"', rels)
    rid = sid.group(1)
    rels = rels.replace("<Relationship ", f'<Relationship Id="{rid}" Type="{REL_BASE}/header" Target="header1.xml"/>'
                                          "<Relationship ", 1)
    pkg.parts["word/_rels/document.xml.rels"] = rels.encode()
    return pkg.write(folder / "duplicate-rids.docx")


def external_files(base: Path, folder: Path) -> Path:
    """A picture linked (TargetMode External) to file:///etc/passwd, an attached template and a subdocument on
    a share, a header's relationship to file:///etc/shadow: nothing outside the package may be read."""
    pkg = Package(base)
    pkg.add_rel("rIdPw", f"{REL_BASE}/image", "file:///etc/passwd", external=True)
    pkg.add_rel("rIdTpl", f"{REL_BASE}/attachedTemplate", "file:///etc/passwd", external=True,
                rels_of="word/_rels/settings.xml.rels")
    pkg.replace("word/settings.xml", "</w:settings>", '<w:attachedTemplate r:id="rIdTpl" '
                'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></w:settings>')
    pic = ('<w:p><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml" style="width:10pt;height:10pt">'
           '<v:imagedata r:id="rIdPw"/></v:shape></w:pict></w:r></w:p>')
    pkg.after_title(pic)
    return pkg.write(folder / "external-files.docx")


def wrong_content_type(base: Path, folder: Path) -> list[Path]:
    """The main part declared as plain XML; as a macro-enabled document with a vbaProject.bin (a .docm saved
    as .docx)."""
    out = []
    pkg = Package(base)
    pkg.replace("[Content_Types].xml", f"{CT_BASE}.document.main+xml", "application/xml")
    out.append(pkg.write(folder / "ct-plain-xml.docx"))
    pkg = Package(base)
    pkg.replace("[Content_Types].xml", f"{CT_BASE}.document.main+xml",
                "application/vnd.ms-word.document.macroEnabled.main+xml")
    pkg.add_part("word/vbaProject.bin", b"\xd0\xcf\x11\xe0" + b"\0" * 508, "application/vnd.ms-office.vbaProject",
                 ("rIdVba", "http://schemas.microsoft.com/office/2006/relationships/vbaProject", "vbaProject.bin"))
    out.append(pkg.write(folder / "docm-renamed.docx"))
    return out


def renamed(base: Path, folder: Path) -> list[Path]:
    """Files that are not Word documents saved as .docx: a workbook, an OpenDocument text, a PDF, an HTML page,
    a Word 2003 XML file, an empty file, a folder."""
    out = []
    xlsx = folder / "xlsx-renamed.docx"
    with zipfile.ZipFile(xlsx, "w") as zf:
        zf.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                    'package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/'
                    'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>')
        zf.writestr("xl/workbook.xml", "<workbook/>")
    odt = folder / "odt-renamed.docx"
    with zipfile.ZipFile(odt, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        zf.writestr("content.xml", "<office:document-content xmlns:office='urn:oasis:names:tc:opendocument:xmlns:"
                    "office:1.0'/>")
    out += [xlsx, odt]
    for name, data in [("pdf-renamed.docx", b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
                       ("html-renamed.docx", "<html><body><p>KẾ HOẠCH</p></body></html>".encode()),
                       ("word2003-renamed.docx", '<?xml version="1.0"?><?mso-application progid="Word.Document"?>'
                        '<w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml"/>'.encode()),
                       ("empty.docx", b"")]:
        (folder / name).write_bytes(data)
        out.append(folder / name)
    (folder / "folder.docx").mkdir(exist_ok=True)
    out.append(folder / "folder.docx")
    return out


FAMILIES = {
    "tracked-words": tracked_words,
    "tracked-date": tracked_date,
    "tracked-format": tracked_format,
    "tracked-join": tracked_paragraph_join,
    "tracked-added": tracked_paragraph_added,
    "tracked-deleted": tracked_paragraph_deleted,
    "tracked-move": tracked_move,
    "tracked-cell": tracked_cell,
    "header-mark-lost": header_mark_lost,
    "row-copied": row_copied,
    "zero-width": zero_width,
    "combining-run": combining_run,
    "marks-apart": marks_apart,
    "rtl-marks": rtl_marks,
    "content-controls": content_controls,
    "fields-links": fields_links,
    "footnote-math": footnote_math,
    "empty-parts": empty_parts,
    "duplicate-rids": duplicate_rids,
    "external-files": external_files,
    "wrong-content-type": wrong_content_type,
    "renamed": renamed,
}
