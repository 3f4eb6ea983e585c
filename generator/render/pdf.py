"""PDF through LibreOffice (the runner in core/libreoffice.py), with reproducible bytes: LibreOffice
stamps the conversion time into every PDF."""
from __future__ import annotations

import datetime as dt
import hashlib
import re
import subprocess
import tempfile
from pathlib import Path

from generator.core.errors import OutputError
from generator.core.libreoffice import find_soffice, profile, program, run_converter  # noqa: F401

TIMEOUT_S = 180


def docx_to_pdf(docx: Path, out_dir: Path, timeout: int = TIMEOUT_S, stamp: dt.datetime | None = None) -> Path:
    soffice = find_soffice()
    if soffice is None:
        raise OutputError("không tìm thấy LibreOffice (lệnh soffice) để xuất PDF; hãy cài LibreOffice "
                          "(Debian/Ubuntu: apt-get install libreoffice-writer) hoặc bỏ tùy chọn --pdf")
    pdf = out_dir / (docx.stem + ".pdf")
    with profile() as folder:
        cmd = [program(soffice), f"-env:UserInstallation={folder.as_uri()}", "--headless", "--norestore",
               "--nologo", "--nodefault", "--nolockcheck", "--convert-to", "pdf", "--outdir", str(out_dir),
               str(docx)]
        try:
            done = run_converter(cmd, timeout)
        except subprocess.TimeoutExpired:
            raise OutputError(f"LibreOffice không xuất xong PDF sau {timeout} giây") from None
        except OSError:
            raise OutputError("không chạy được LibreOffice (soffice) để xuất PDF") from None
    if done.returncode != 0 or not pdf.is_file():
        raise OutputError(f"LibreOffice không xuất được PDF (mã lỗi {done.returncode})")
    pdf.write_bytes(normalise_pdf(pdf.read_bytes(), stamp or dt.datetime(2000, 1, 1)))
    return pdf


def docx_to_pdfs(jobs: list[tuple[Path, Path, dt.datetime]], timeout: int = TIMEOUT_S) -> list[Path | OutputError]:
    """Convert several .docx (docx, folder for its PDF, metadata time) with ONE LibreOffice process
    and one profile: starting LibreOffice costs more than converting a plan. The shared process gets
    the timeout of all its documents together; a document it did not convert (it failed on that one,
    crashed, or ran out of time) is converted again on its own, so that every document gets its own
    verdict: its PDF, or the error that stops its plan."""
    soffice = find_soffice()
    if soffice is None:
        raise OutputError("không tìm thấy LibreOffice (lệnh soffice) để xuất PDF; hãy cài LibreOffice "
                          "(Debian/Ubuntu: apt-get install libreoffice-writer) hoặc bỏ tùy chọn --pdf")
    results: list[Path | OutputError | None] = [None] * len(jobs)
    for group in _same_names_apart(jobs):
        if len(group) > 1:
            _convert_together([jobs[i] for i in group], group, soffice, timeout, results)
        for i in group:
            if results[i] is None:
                docx, out_dir, stamp = jobs[i]
                try:
                    results[i] = docx_to_pdf(docx, out_dir, timeout, stamp)
                except OutputError as exc:
                    results[i] = exc
    return results


def _same_names_apart(jobs: list[tuple[Path, Path, dt.datetime]]) -> list[list[int]]:
    """Groups of job indices with distinct file names (one --outdir holds each group's PDFs)."""
    groups: list[list[int]] = []
    names: list[set[str]] = []
    for i, (docx, _, _) in enumerate(jobs):
        for group, seen in zip(groups, names):
            if docx.name not in seen:
                group.append(i)
                seen.add(docx.name)
                break
        else:
            groups.append([i])
            names.append({docx.name})
    return groups


def _convert_together(jobs: list, indices: list[int], soffice: str, timeout: int, results: list) -> None:
    with profile() as folder, tempfile.TemporaryDirectory(prefix="kehoach-pdf-") as tmp:
        out = Path(tmp)
        cmd = [program(soffice), f"-env:UserInstallation={folder.as_uri()}", "--headless", "--norestore",
               "--nologo", "--nodefault", "--nolockcheck", "--convert-to", "pdf", "--outdir", str(out),
               *(str(docx) for docx, _, _ in jobs)]
        try:
            done = run_converter(cmd, timeout * len(jobs))
        except (subprocess.TimeoutExpired, OSError):
            return  # nothing it wrote can be trusted: each document is converted again on its own
        if done.returncode != 0:
            return
        for i, (docx, out_dir, stamp) in zip(indices, jobs):
            made = out / (docx.stem + ".pdf")
            if made.is_file():
                pdf = out_dir / made.name
                try:
                    pdf.write_bytes(normalise_pdf(made.read_bytes(), stamp))
                except OSError:
                    continue
                results[i] = pdf


_DATE = re.compile(rb"/(CreationDate|ModDate)\s*\(D:(\d{4,14})")
_XMP_DATE = re.compile(rb"<xmp:(CreateDate|ModifyDate|MetadataDate)>([^<]*)</xmp:\1>")
_ID = re.compile(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]")
_CHECKSUM = re.compile(rb"/DocChecksum\s*/([0-9A-Fa-f]+)")


def normalise_pdf(data: bytes, stamp: dt.datetime) -> bytes:
    """The same PDF bytes for the same document: the conversion time becomes `stamp`, the file
    identifiers a digest of the content. Every replacement keeps its length, so the cross-reference
    offsets stay valid without rewriting the file."""
    digits = stamp.strftime("%Y%m%d%H%M%S").encode()

    def date(m: re.Match) -> bytes:
        return m.group(0)[: m.start(2) - m.start(0)] + digits[: len(m.group(2))].ljust(len(m.group(2)), b"0")

    def xmp(m: re.Match) -> bytes:
        value = m.group(2)
        fixed = stamp.strftime("%Y-%m-%dT%H:%M:%S").encode()
        fixed = (fixed + value[len(fixed):]) if len(value) >= len(fixed) else fixed[: len(value)]
        return m.group(0).replace(value, fixed, 1)

    data = _DATE.sub(date, data)
    data = _XMP_DATE.sub(xmp, data)
    zeroed = _CHECKSUM.sub(lambda m: m.group(0).replace(m.group(1), b"0" * len(m.group(1))),
                           _ID.sub(lambda m: b"/ID[]", data))
    digest = hashlib.md5(zeroed, usedforsecurity=False).hexdigest().upper().encode()

    def ident(m: re.Match) -> bytes:
        out = m.group(0)
        for g in (1, 2):
            value = m.group(g)
            out = out.replace(value, (digest * 2)[: len(value)], 1)
        return out

    data = _ID.sub(ident, data)
    return _CHECKSUM.sub(lambda m: m.group(0).replace(m.group(1), (digest * 2)[: len(m.group(1))]), data)
