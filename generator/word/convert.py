"""Old binary Word (.doc) → .docx through LibreOffice headless: its own throw-away profile (concurrent
runs collide otherwise), a timeout, and the whole process group killed on every exit path (soffice forks
a child that outlives a plain kill)."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from ..errors import WordFileError

TIMEOUT_S = 120
MAX_DOC_BYTES = 50 * 1024 * 1024


def find_soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _kill_group(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        pass


def convert_doc(path: str | os.PathLike, workdir: str | os.PathLike, *, timeout: int = TIMEOUT_S,
                target: str = "docx", soffice: str | None = None) -> Path:
    """Convert `path` (.doc, .rtf, .odt, or a .docx to be re-saved) into `workdir`; returns the new file."""
    path, workdir = Path(path), Path(workdir)
    if not path.is_file():
        raise WordFileError(f"{path}: không tìm thấy tệp (hoặc không phải tệp thông thường)")
    if path.stat().st_size > MAX_DOC_BYTES:
        raise WordFileError(f"{path}: tệp quá lớn để chuyển đổi (giới hạn {MAX_DOC_BYTES // 1024 // 1024} MB)")
    exe = soffice or find_soffice()
    if exe is None or shutil.which(exe) is None:
        raise WordFileError(f"{path}: cần LibreOffice (lệnh soffice) để chuyển tệp .doc sang .docx nhưng không "
                            "tìm thấy; hãy cài LibreOffice (Debian/Ubuntu: apt-get install libreoffice-writer) "
                            "hoặc tự mở tệp bằng Word và lưu thành .docx")
    workdir.mkdir(parents=True, exist_ok=True)
    profile = tempfile.mkdtemp(prefix="kehoach-lo-")
    out_dir = Path(tempfile.mkdtemp(prefix="convert-", dir=workdir))
    cmd = [exe, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--norestore", "--nologo",
           "--nolockcheck", "--convert-to", target, "--outdir", str(out_dir), str(path)]
    proc = None
    try:
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                start_new_session=True)
        try:
            stdout, stderr = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill_group(proc)
            raise WordFileError(f"{path}: LibreOffice không chuyển đổi xong sau {timeout} giây") from None
        # soffice may leave a helper behind in its group even after a clean exit
        _kill_group(proc)
        produced = out_dir / f"{path.stem}.{target}"
        if proc.returncode != 0 or not produced.is_file():
            detail = (stderr or stdout or "").strip().splitlines()[-1:] or ["không rõ lý do"]
            raise WordFileError(f"{path}: LibreOffice không chuyển được tệp sang .{target} ({detail[0]})")
        return produced
    except BaseException:
        if proc is not None and proc.poll() is None:
            _kill_group(proc)
        raise
    finally:
        shutil.rmtree(profile, ignore_errors=True)
