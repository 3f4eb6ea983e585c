"""PDF through LibreOffice: its own throw-away profile per run (concurrent runs collide otherwise)
and a timeout (a stuck conversion must not hang the build)."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from .errors import OutputError

TIMEOUT_S = 180


def find_soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(docx: Path, out_dir: Path, timeout: int = TIMEOUT_S) -> Path:
    soffice = find_soffice()
    if soffice is None:
        raise OutputError("không tìm thấy LibreOffice (lệnh soffice) để xuất PDF; hãy cài LibreOffice "
                          "(Debian/Ubuntu: apt-get install libreoffice-writer) hoặc bỏ tùy chọn --pdf")
    with tempfile.TemporaryDirectory(prefix="kehoach-lo-") as profile:
        cmd = [soffice, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--norestore",
               "--convert-to", "pdf", "--outdir", str(out_dir), str(docx)]
        try:
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            raise OutputError(f"LibreOffice không xuất xong PDF sau {timeout} giây") from None
    pdf = out_dir / (docx.stem + ".pdf")
    if done.returncode != 0 or not pdf.is_file():
        detail = (done.stderr or done.stdout or "").strip().splitlines()[-1:] or ["không rõ lý do"]
        raise OutputError(f"LibreOffice không xuất được PDF ({detail[0]})")
    return pdf
