"""Generators for the files of issue 22's file campaign (the files themselves are never stored): Word
comments as Word writes them (several paragraphs, line breaks, a range across paragraphs), zip entries no
output may copy, plan files as a busy office keeps them (symlinked, shared by hard links, other modes, a
BOM, CRLF line endings, tabs before comments, YAML anchors and aliases), and ways to make a disk full."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from lxml import etree

from tests.workflow.word_edit import W, _el, _paragraph_with, _rewrite, add_comment

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "tests" / "data" / "sample.yaml"


# ------------------------------------------------------------------------------------------ Word comments

def comment_docx(src: Path, dst: Path, paragraphs: list[str], find: str, find_end: str | None = None) -> Path:
    """`src` with one comment of these paragraphs (a '\\n' inside one is a line break, w:br), anchored on
    the paragraph holding `find`, or from there to the paragraph holding `find_end`."""
    add_comment(src, dst, find, "X", "Nguyễn Văn A")

    def change(parts):
        root = etree.fromstring(parts["word/comments.xml"])
        comment = root.find(W + "comment")
        for p in list(comment):
            comment.remove(p)
        for para in paragraphs:
            cp = _el("p")
            for i, piece in enumerate(para.split("\n")):
                run = _el("r")
                if i:
                    run.append(_el("br"))
                run.append(_el("t", text=piece))
                cp.append(run)
            comment.append(cp)
        parts["word/comments.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        if find_end:
            doc = etree.fromstring(parts["word/document.xml"])
            end = doc.find(".//" + W + "commentRangeEnd")
            ref = end.getnext()
            parent = end.getparent()
            parent.remove(ref)
            parent.remove(end)
            last = _paragraph_with(doc, find_end)
            last.append(end)
            last.append(ref)
            parts["word/document.xml"] = etree.tostring(doc, xml_declaration=True, encoding="UTF-8", standalone=True)

    _rewrite(dst, dst, change)
    return dst


# ------------------------------------------------------------------------------------------ zip entries

def unsafe_entries_docx(src: Path, dst: Path) -> list[str]:
    """`src` with entries no output may hold: climbing out, absolute, a drive, a symlink. Returns their names."""
    names = ["../../x.xml", "/abs/y.xml", "C:\\win\\z.xml", "word/link.xml"]
    with zipfile.ZipFile(src) as z, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as out:
        for info in z.infolist():
            out.writestr(info, z.read(info))
        for name in names[:3]:
            out.writestr(name, b"<x/>")
        link = zipfile.ZipInfo(names[3])
        link.create_system = 3
        link.external_attr = (0o120777 << 16)  # S_IFLNK | 0777
        out.writestr(link, b"/etc/passwd")
    return names


def duplicate_part_docx(src: Path, dst: Path, other: str) -> Path:
    """`src` with word/document.xml stored a second time as `other` ('word\\\\document.xml', './word/...')."""
    with zipfile.ZipFile(src) as z, zipfile.ZipFile(dst, "w") as out:
        for info in z.infolist():
            out.writestr(info.filename, z.read(info))
            if info.filename == "word/document.xml":
                out.writestr(other, z.read(info))
    return dst


# ------------------------------------------------------------------------------------------ plan files

def plan_text(edit=None) -> str:
    text = SAMPLE.read_text(encoding="utf-8")
    return edit(text) if edit else text


def tab_before_comment(text: str) -> str:
    """'year: 2021<TAB># ...': libyaml (validate, build) reads it; PyYAML's own scanner does not."""
    return text.replace("\nyear: 2021\n", "\nyear: 2021\t# năm của kế hoạch\n", 1)


def aliased_timeframe(text: str) -> str:
    """The first task's timeframe anchored (&q), the second task's an alias of it (*q)."""
    text = text.replace("timeframe: Thường xuyên", "timeframe: &q Quý II năm 2021", 1)
    return text.replace("timeframe: Quý II năm 2021\n", "timeframe: *q\n", 1)


def with_style(text: str, *, bom: bool = False, crlf: bool = False) -> bytes:
    data = (text.replace("\n", "\r\n") if crlf else text).encode("utf-8")
    return (b"\xef\xbb\xbf" if bom else b"") + data


# ------------------------------------------------------------------------------------------ a full disk

def can_mount_tmpfs() -> bool:
    """A private tmpfs through a user namespace (`unshare -rm`), where the system allows it (and
    KEHOACH_TEST_NO_TMPFS is not set: to try the other way on a machine that has both)."""
    if not shutil.which("unshare") or os.environ.get("KEHOACH_TEST_NO_TMPFS"):
        return False
    done = subprocess.run(["unshare", "-rm", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"],
                          capture_output=True, timeout=30)
    return done.returncode == 0


# The child: makes the disk full but `room` bytes (a real tmpfs: filled by a file; else os.write, os.pwrite
# and file objects refuse with ENOSPC past `room` bytes under the folder), runs kehoach, then prints the
# folder's files and their hashes (a tmpfs disappears with its namespace).
_CHILD = """
import errno, hashlib, io, json, os, sys
folder, mode, room = sys.argv[1], sys.argv[2], int(sys.argv[3])
filler = os.path.join(folder, "..filler")
if mode == "tmpfs":
    size = 0
    try:
        with open(filler, "wb", buffering=0) as fh:
            while True:
                fh.write(b"0" * 4096)
                size += 4096
    except OSError:
        pass
    os.truncate(filler, max(0, size - room))
elif mode == "readonly":
    import builtins
    def _inside(path):
        try:
            return os.path.realpath(os.fsdecode(path)).startswith(folder + os.sep)
        except TypeError:
            return False
    def _refuse(path):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fsdecode(path))
    real_os_open, real_mkdir, real_open = os.open, os.mkdir, builtins.open
    def os_open(path, flags, *rest, **kw):
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT) and _inside(path):
            _refuse(path)
        return real_os_open(path, flags, *rest, **kw)
    def mkdir(path, *rest, **kw):
        if _inside(path):
            _refuse(path)
        return real_mkdir(path, *rest, **kw)
    def open_(file, mode="r", *rest, **kw):
        if any(c in mode for c in "wax+") and not isinstance(file, int) and _inside(file):
            _refuse(file)
        return real_open(file, mode, *rest, **kw)
    os.open, os.mkdir, builtins.open, io.open = os_open, mkdir, open_, open_
else:
    used = [0]
    def _on_disk(path):
        return isinstance(path, str) and os.path.realpath(path).startswith(folder + os.sep)
    def _take(data):
        data = memoryview(data).cast("B")
        left = room - used[0]
        if left <= 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        used[0] += min(left, len(data))
        return data[:left]
    def _patch(real):
        def write(fd, data, *rest):
            try:
                path = os.readlink(f"/proc/self/fd/{fd}")
            except OSError:
                path = ""
            return real(fd, _take(data) if _on_disk(path) else data, *rest)
        return write
    os.write, os.pwrite = _patch(os.write), _patch(os.pwrite)
    import builtins
    real_open = builtins.open
    class Full:
        # a file object opened for writing under the folder: its writes use up the room
        def __init__(self, fh):
            self._fh = fh
        def write(self, data):
            if isinstance(data, str):
                data = data.encode(self._fh.encoding or "utf-8")
                return self._fh.buffer.write(_take(data).tobytes()) and len(data)
            return self._fh.write(_take(data))
        def __getattr__(self, name):
            return getattr(self._fh, name)
        def __enter__(self):
            return self
        def __exit__(self, *exc):
            return self._fh.__exit__(*exc)
        def __iter__(self):
            return iter(self._fh)
    def open_(file, mode="r", *rest, **kw):
        fh = real_open(file, mode, *rest, **kw)
        if any(c in mode for c in "wax+") and not isinstance(file, int) and _on_disk(os.fsdecode(file)):
            return Full(fh)
        return fh
    builtins.open = io.open = open_
sys.argv = ["kehoach", *sys.argv[4:]]
from generator.cli.entry import main
try:
    main()
finally:
    files = {name: hashlib.sha256(open(os.path.join(folder, name), "rb").read()).hexdigest()
             for name in sorted(os.listdir(folder)) if name != "..filler"
             and os.path.isfile(os.path.join(folder, name))}
    print("FILES " + json.dumps(files), file=sys.stderr)
"""


def run_read_only(folder: Path, args: list, cwd: Path = ROOT) -> tuple[subprocess.CompletedProcess, dict]:
    """`kehoach ARGS` where `folder` may be read but not written (EACCES on every open for writing and every
    mkdir there: a test runs as root, whom a folder's mode does not stop)."""
    return _run_child(folder, "readonly", 0, args, cwd)


def run_on_full_disk(folder: Path, args: list, room: int = 0, cwd: Path = ROOT) -> tuple[subprocess.CompletedProcess,
                                                                                          dict]:
    """`kehoach ARGS` with `folder` on a full disk (`room` bytes left): a real tmpfs mounted there in a
    private namespace when the system allows it, else writes under `folder` refused with ENOSPC. Returns
    the run and {file name: sha256} of the folder as the run left it."""
    return _run_child(folder, "tmpfs" if can_mount_tmpfs() else "patch", room, args, cwd)


def _run_child(folder: Path, mode: str, room: int, args: list, cwd: Path) -> tuple[subprocess.CompletedProcess, dict]:
    import json

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    folder = folder.resolve()
    if mode == "tmpfs":
        stash = folder.parent / (folder.name + ".stash")
        shutil.copytree(folder, stash)
        script = 'mount -t tmpfs -o size=1m tmpfs "$1" && cp -a "$2"/. "$1"/ && shift 2 && exec "$@"'
        cmd = ["unshare", "-rm", "sh", "-c", script, "sh", str(folder), str(stash),
               sys.executable, "-c", _CHILD, str(folder), "tmpfs", str(room), *map(str, args)]
    else:
        stash = None
        cmd = [sys.executable, "-c", _CHILD, str(folder), mode, str(room), *map(str, args)]
    done = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    if stash is not None:
        shutil.rmtree(stash)
    line = next((x for x in done.stderr.splitlines() if x.startswith("FILES ")), None)
    assert line is not None, done.stderr
    done.stderr = "\n".join(x for x in done.stderr.splitlines() if not x.startswith("FILES "))
    return done, json.loads(line[6:])


# ------------------------------------------------------------------------------------------ damaged packages

def not_a_zip(dst: Path) -> Path:
    dst.write_bytes(b"PK\x03\x04" + b"not really a zip" * 8)
    return dst


def bad_crc(src: Path, dst: Path) -> Path:
    """`src` stored without compression, one byte of word/document.xml changed: its CRC-32 no longer agrees."""
    stored = dst.with_suffix(".stored")
    with zipfile.ZipFile(src) as z, zipfile.ZipFile(stored, "w", zipfile.ZIP_STORED) as out:
        for info in z.infolist():
            out.writestr(info.filename, z.read(info))
    data = bytearray(stored.read_bytes())
    stored.unlink()
    at = data.find(b"<w:body>")
    data[at + 3] = ord("X")
    dst.write_bytes(bytes(data))
    return dst


def truncated(src: Path, dst: Path) -> Path:
    data = src.read_bytes()
    dst.write_bytes(data[: len(data) // 2])
    return dst


def bad_xml(src: Path, dst: Path) -> Path:
    """`src` with word/document.xml cut in the middle of a tag (well-formedness error from lxml)."""
    with zipfile.ZipFile(src) as z, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as out:
        for info in z.infolist():
            data = z.read(info)
            out.writestr(info.filename, data[: len(data) // 2] if info.filename == "word/document.xml" else data)
    return dst


# YAML mistakes a drafter makes whose PyYAML message had no Vietnamese hint
BROKEN_YAML = ["a: *\n", "a: &\n", "a: |x\n  b\n", "%FOO\n---\na: 1\n", "a: &x 1\nb: &x 2\n", "a: !<x\n",
               "a: [1, 2\nb: 3\n", "a:\n  - b\n  c: 1\n", "a: b: c\n", "a: 'x\n"]
