"""Generators of the second hostile campaign of issue 22 that need LibreOffice or the file system: plans saved
by LibreOffice from HTML, RTF and ODT (the "busy office" files), .doc files LibreOffice struggles with, and
file names a shell or a terminal makes hard. Only the generators are stored, never the files."""
from __future__ import annotations

import shutil
import subprocess
import unicodedata
from pathlib import Path

PLAN_HTML = """<html><head><meta charset="utf-8"></head><body>
<table><tr><td><p align="center">ỦY BAN NHÂN DÂN<br><b>TỈNH QUẢNG NAM</b></p><p align="center">Số: 12/KH-UBND</p></td>
<td><p align="center"><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br><b>Độc lập - Tự do - Hạnh phúc</b></p>
<p align="right"><i>Quảng Nam, ngày 02 tháng 3 năm 2026</i></p></td></tr></table>
<p align="center"><b>KẾ HOẠCH</b><br><b>Cải cách hành chính năm 2026</b></p>
<p><b>I. MỤC ĐÍCH, YÊU CẦU</b></p><p>1. Mục đích</p><p>Nâng cao chỉ số PAPI của tỉnh.</p>
<p><b>II. NHIỆM VỤ</b></p><ol><li>Sở Nội vụ chủ trì tuyên truyền; hoàn thành trong Quý II/2026.</li>
<li>UBND cấp huyện phối hợp.</li></ol>
<table border="1"><tr><th>TT</th><th>Nhiệm vụ</th><th>Chủ trì</th><th>Thời gian</th></tr>
<tr><td>1</td><td>Tuyên truyền</td><td>Sở Nội vụ</td><td>Quý II/2026</td></tr></table>
<table><tr><td><p><b><i>Nơi nhận:</i></b><br>- Như trên;<br>- Lưu: VT.</p></td>
<td><p align="center"><b>CHỦ TỊCH</b></p></td></tr></table></body></html>"""


def soffice(src: Path, out_dir: Path, target: str, profile: Path, infilter: str = "") -> Path:
    """LibreOffice headless `--convert-to target` of `src` into `out_dir`; the converted file."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        raise RuntimeError("LibreOffice is needed to make this file")
    subprocess.run([exe, f"-env:UserInstallation=file://{profile}", "--headless",
                    *([f"--infilter={infilter}"] if infilter else []), "--convert-to", target,
                    "--outdir", str(out_dir), str(src)], check=True, capture_output=True, timeout=180)
    return out_dir / (src.stem + "." + target.split(":")[0])


def libreoffice_saved(base: Path, folder: Path, profile: Path) -> list[Path]:
    """The plan saved as .docx by LibreOffice from HTML, from RTF (HTML → RTF → DOCX) and from ODT (the built
    .docx → ODT → DOCX), and the built .docx saved as .doc (Word 97)."""
    work = folder / "lo-work"
    work.mkdir(exist_ok=True)
    html = work / "html-plan.html"
    html.write_text(PLAN_HTML, encoding="utf-8")
    out = []
    made = soffice(html, work, "docx:MS Word 2007 XML", profile, "HTML (StarWriter)")
    out.append(made.rename(folder / "lo-from-html.docx"))
    rtf = soffice(html, work, "rtf", profile, "HTML (StarWriter)").rename(work / "rtf-plan.rtf")
    out.append(soffice(rtf, work, "docx:MS Word 2007 XML", profile).rename(folder / "lo-from-rtf.docx"))
    odt = soffice(base, work, "odt", profile).rename(work / "odt-plan.odt")
    out.append(soffice(odt, work, "docx:MS Word 2007 XML", profile).rename(folder / "lo-from-odt.docx"))
    out.append(soffice(base, work, "doc:MS Word 97", profile).rename(folder / "lo-word97.doc"))
    shutil.rmtree(work)
    return out


def broken_doc(doc: Path, folder: Path) -> list[Path]:
    """A Word 97 .doc cut in half (truncated OLE), with its FAT sectors zeroed, and with its header only."""
    data = doc.read_bytes()
    half = folder / "doc-truncated.doc"
    half.write_bytes(data[: len(data) // 2])
    fat = bytearray(data)
    fat[0x200:0x400] = b"\xff" * 0x200  # the first sector after the header: FAT or directory, now "free"
    zeroed = folder / "doc-bad-fat.doc"
    zeroed.write_bytes(bytes(fat))
    head = folder / "doc-header-only.doc"
    head.write_bytes(data[:512])
    return [half, zeroed, head]


def odd_names(base: Path, folder: Path) -> list[Path]:
    """The built plan under names that are hard for a shell, a terminal or a program: spaces, Vietnamese in
    NFD, a newline, a leading '-', a name that is not UTF-8, a very long name, upper-case suffix."""
    names = ["kế hoạch  bản cuối (2).docx", unicodedata.normalize("NFD", "kế-hoạch-quảng-nam.docx"),
             "hai\ndòng.docx", "-o.docx", "--fix.docx", "a" * 240 + ".docx", "KEHOACH.DOCX"]
    out = []
    for name in names:
        path = folder / name
        shutil.copyfile(base, path)
        out.append(path)
    raw = bytes(folder).decode("utf-8", "surrogateescape") if isinstance(folder, bytes) else str(folder)
    latin = Path(raw) / b"k\xe9-ho\xe1ch.docx".decode("utf-8", "surrogateescape")
    shutil.copyfile(base, latin)
    out.append(latin)
    return out
