"""Old binary Word (.doc) → .docx through LibreOffice headless: its own throw-away profile (concurrent
runs collide otherwise), a timeout, and the whole process group killed on every exit path (soffice forks
a child that outlives a plain kill)."""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from generator.core.errors import WordFileError
from generator.core.libreoffice import find_soffice, profile, program, run_converter

TIMEOUT_S = 120
MAX_DOC_BYTES = 50 * 1024 * 1024


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
    out_dir = Path(tempfile.mkdtemp(prefix="convert-", dir=workdir))
    # the same runner as the PDF export: locked profile, own process group killed on every exit path
    with profile() as folder:
        cmd = [program(exe), f"-env:UserInstallation={folder.as_uri()}", "--headless", "--norestore", "--nologo",
               "--nolockcheck", "--convert-to", target, "--outdir", str(out_dir), str(path)]
        try:
            done = run_converter(cmd, timeout)
        except subprocess.TimeoutExpired:
            raise WordFileError(f"{path}: LibreOffice không chuyển đổi xong sau {timeout} giây") from None
        except OSError:
            raise WordFileError(f"{path}: không chạy được LibreOffice (soffice)") from None
    produced = out_dir / f"{path.stem}.{target}"
    if done.returncode != 0 or not produced.is_file():
        # LibreOffice ends with 0 and writes nothing when it cannot open the file at all (a .doc cut short, its
        # header alone): "mã lỗi 0" told the drafter nothing
        why = (f"mã lỗi {done.returncode}" if done.returncode else
               "LibreOffice không mở được tệp: tệp bị hỏng, bị cắt cụt, có mật khẩu hoặc không phải văn bản Word")
        raise WordFileError(f"{path}: LibreOffice không chuyển được tệp sang .{target} ({why})")
    return produced


CONVERTED = (".doc", ".rtf", ".odt")  # formats read through LibreOffice, by file name


def read_word(path: str | os.PathLike, **limits):
    """Read any Word file as `import` does: a .docx directly, a .doc (or .rtf, .odt) converted to .docx by
    LibreOffice first (in a throw-away folder). Returns the reader's Result."""
    from generator.word.reader import read_docx

    path = Path(path)
    if path.suffix.lower() not in CONVERTED:
        return read_docx(path, **limits)
    with tempfile.TemporaryDirectory(prefix="kehoach-read-") as tmp:
        return read_docx(convert_doc(path, Path(tmp)), **limits)
