"""convert_doc: missing LibreOffice, a hung LibreOffice (its whole process group is killed), a failed
conversion — each a clear Vietnamese WordFileError, with no profile directory left behind."""
from __future__ import annotations

import stat
import tempfile
import time

import pytest

from generator.core.errors import WordFileError
from generator.word import convert_doc


@pytest.fixture
def doc(tmp_path):
    path = tmp_path / "cu.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    return path


def _script(tmp_path, body: str):
    path = tmp_path / "fake-soffice"
    path.write_text("#!/bin/sh\n" + body, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IEXEC)
    return str(path)


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] not in ("Z", "X")
    except FileNotFoundError:
        return False


def test_missing_soffice(doc, tmp_path):
    with pytest.raises(WordFileError, match="cần LibreOffice"):
        convert_doc(doc, tmp_path / "out", soffice=str(tmp_path / "khong-co-soffice"))


def test_timeout_kills_the_process_group(doc, tmp_path, monkeypatch):
    pidfile = tmp_path / "child.pid"
    fake = _script(tmp_path, f"sleep 60 &\necho $! > {pidfile}\nwait\n")
    own_tmp = tmp_path / "tmp"
    own_tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(own_tmp))  # where the profile goes, away from other runs
    with pytest.raises(WordFileError, match="không chuyển đổi xong sau 1 giây"):
        convert_doc(doc, tmp_path / "out", soffice=fake, timeout=1)
    child = int(pidfile.read_text())
    for _ in range(250):  # give the kernel a moment; a killed orphan may linger as a zombie (dead)
        if not _alive(child):
            break
        time.sleep(0.02)
    else:
        pytest.fail("the child of the timed-out converter is still running")
    assert list(own_tmp.iterdir()) == []  # own profile removed


def test_failed_conversion_reports_libreoffice_message(doc, tmp_path):
    fake = _script(tmp_path, "echo 'Error: source file could not be loaded' >&2\nexit 1\n")
    with pytest.raises(WordFileError, match=r"LibreOffice không chuyển được tệp sang \.docx \(mã lỗi 1\)"):
        convert_doc(doc, tmp_path / "out", soffice=fake)


def test_not_a_regular_file(tmp_path):
    with pytest.raises(WordFileError, match="không tìm thấy"):
        convert_doc(tmp_path, tmp_path / "out")
