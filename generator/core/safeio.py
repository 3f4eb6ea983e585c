"""Reading files that come from outside (plans, results, templates) without trusting them: only
regular files, never more than a limit (a FIFO would hang, /dev/zero would never end). Writing the
drafter's files so that they stay theirs (`write_file`, `Staged`): the whole new file or the old one,
through a symlink to its target, with the old mode, owner, hard links, BOM and line endings; Vietnamese
for every system error (`os_error_vi` when reading, `write_error_vi` when writing)."""
from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path

# Vietnamese for the OS errors a drafter can meet; strerror is English whatever the locale here.
_ERRNO_VI = {
    errno.ENOENT: "không tìm thấy tệp",
    errno.EACCES: "không có quyền đọc tệp",
    errno.EPERM: "không có quyền đọc tệp",
    errno.EISDIR: "đây là một thư mục, không phải tệp",
    errno.ENOTDIR: "một phần của đường dẫn không phải thư mục",
    errno.ELOOP: "đường dẫn có vòng liên kết tượng trưng",
    errno.ENAMETOOLONG: "tên tệp quá dài",
    errno.EIO: "lỗi vào/ra khi đọc đĩa",
    errno.ENOSPC: "đĩa đã đầy",
    errno.EROFS: "ổ đĩa chỉ cho phép đọc",
    errno.EEXIST: "tệp đã tồn tại",
    errno.EMFILE: "mở quá nhiều tệp cùng lúc",
    errno.ETXTBSY: "tệp đang được dùng",
    errno.EXDEV: "không chuyển được giữa hai ổ đĩa khác nhau",
    errno.ENOTEMPTY: "thư mục không rỗng",
    errno.EBUSY: "tệp hoặc thư mục đang được dùng",
    errno.EFBIG: "tệp vượt quá kích thước tối đa hệ thống cho phép",
    errno.EDQUOT: "đã hết hạn mức dung lượng đĩa của người dùng",
    errno.ENXIO: "thiết bị không tồn tại hoặc chưa sẵn sàng",
    errno.ENODEV: "thiết bị không tồn tại",
    errno.ENOMEM: "không đủ bộ nhớ",
    errno.EAGAIN: "tài nguyên tạm thời không dùng được; hãy thử lại",
    errno.EINVAL: "đối số không hợp lệ",
    errno.ENFILE: "hệ thống mở quá nhiều tệp cùng lúc",
    errno.ESPIPE: "không phải tệp thông thường",
}


def os_error_vi(exc: OSError) -> str:
    """The Vietnamese reason for an OSError (its English strerror only as a last resort)."""
    return _ERRNO_VI.get(exc.errno, f"lỗi hệ thống số {exc.errno}" if exc.errno else "lỗi hệ thống")


class TooLarge(Exception):
    def __init__(self, limit: int):
        super().__init__(limit)
        self.limit = limit


class NotRegular(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes.

    Raises NotRegular (directory, FIFO, device, socket), TooLarge, or OSError. The file is opened
    non-blocking so that a FIFO without a writer cannot hang us, and checked after opening so that
    it cannot be swapped between the check and the read.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise NotRegular("đây là một thư mục, không phải tệp")
        if not stat.S_ISREG(mode):
            raise NotRegular("không phải tệp thông thường (thiết bị, ống dẫn hoặc socket)")
        os.set_blocking(fd, True)
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise TooLarge(limit)
        return b"".join(chunks)
    finally:
        os.close(fd)


def size_text(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.0f} MB".replace(".", ",")
    return f"{n // 1024} KB"


# ---------------------------------------------------------------------------------------------------
# Writing the drafter's files: the file a path names (a symlink's target), kept whole until the new one
# is complete, with the old file's mode, owner, hard links, BOM and line endings; a new file gets the
# mode the umask gives (as any other program). Temporary files are named so that the next run can tell
# a dead run's leftovers (`clean_stale`) from a live one's.

TEMP_TAG = ".kehoach-"  # .plan.yaml.kehoach-<pid>-<random>.yaml: the output's suffix (LibreOffice reads by it)
_TEMP = re.compile(r"^\..+\.kehoach-(\d+)-[0-9a-f]{8}(\.[A-Za-z0-9]{1,8})?$")
STALE_SECONDS = 120  # a dead run's temporary file older than this is removed by the next write there
BOM = b"\xef\xbb\xbf"

_WRITE_VI = {
    errno.EACCES: "không có quyền ghi vào tệp hoặc thư mục này",
    errno.EPERM: "không có quyền ghi vào tệp hoặc thư mục này",
    errno.ENOSPC: "đĩa đã đầy",
    errno.EDQUOT: "đã hết hạn mức dung lượng đĩa của người dùng",
    errno.EFBIG: "tệp vượt quá kích thước tối đa hệ thống cho phép",
    errno.EROFS: "ổ đĩa chỉ cho phép đọc, không ghi được",
    errno.EIO: "lỗi vào/ra khi ghi đĩa",
    errno.ENOENT: "thư mục chứa tệp không tồn tại",
    errno.EEXIST: "một lệnh khác vừa tạo tệp này trong lúc làm; dùng --force để ghi đè hoặc -o để chọn tên khác",
}


class NotRegularOutput(OSError):
    """The output path names a directory, a device, a FIFO, a socket or a read-only file: never replaced."""

    def __init__(self, path: Path, reason: str):
        super().__init__(errno.EINVAL, reason, str(path))
        self.reason = reason


def write_error_vi(exc: OSError) -> str:
    """The Vietnamese reason a write failed (a permission error says 'ghi', not 'đọc')."""
    if isinstance(exc, NotRegularOutput):
        return exc.reason
    return _WRITE_VI.get(exc.errno) or os_error_vi(exc)


def output_target(path: Path) -> Path:
    """The file a write to `path` changes: a symlink's final target (the link stays a link). Raises
    NotRegularOutput when that is a directory, a device, a FIFO or a socket."""
    target = Path(os.path.realpath(path)) if os.path.islink(path) else Path(path)
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        return target
    if stat.S_ISDIR(mode):
        raise NotRegularOutput(path, "đây là một thư mục; hãy ghi tên tệp kết quả")
    if not stat.S_ISREG(mode):
        raise NotRegularOutput(path, "không phải tệp thông thường (thiết bị, ống dẫn hoặc socket); không ghi đè")
    if not mode & 0o222:
        # marked read-only (by its owner, or copied so from a CD, a share, an e-mail): a rename would replace
        # it anyway, and as root even a write would; Word refuses to save over it, so does kehoach
        raise NotRegularOutput(path, "tệp chỉ đọc (read-only); không ghi đè: bỏ thuộc tính chỉ đọc của tệp, "
                                     "hoặc chọn tên khác bằng -o")
    return target


def current_umask() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # another user's process: alive
    return True


def _old_entries(folder: Path, name: re.Pattern, age: float, now: float | None):
    """(entry, name match, stat) of the entries of `folder` named by `name` and untouched for `age` seconds
    (symlinks not followed); a folder or entry that cannot be read is passed over."""
    import time

    now = time.time() if now is None else now
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        match = name.match(entry.name)
        if not match:
            continue
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if now - info.st_mtime >= age:
            yield entry, match, info


def clean_stale(folder: Path, now: float | None = None) -> list[Path]:
    """Remove the temporary files of runs that died (kill -9, power cut) in `folder`: named by kehoach,
    older than STALE_SECONDS, their process gone and no lock held on them."""
    import fcntl

    removed = []
    for entry, match, info in _old_entries(folder, _TEMP, STALE_SECONDS, now):
        if not stat.S_ISREG(info.st_mode) or _pid_alive(int(match.group(1))):
            continue
        try:
            fd = os.open(entry.path, os.O_RDONLY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0))
        except OSError:
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            os.unlink(entry.path)
            removed.append(Path(entry.path))
        except OSError:
            pass  # locked: a live run's
        finally:
            os.close(fd)
    return removed


# the system temporary folders kehoach's steps make (tempfile.TemporaryDirectory(prefix="kehoach-…-")): a
# killed run leaves them; no step lasts an hour (every LibreOffice run has a timeout of minutes)
_WORK_DIR = re.compile(r"^kehoach-(import|onto|fix|pages|pdf|read)-[A-Za-z0-9_]+$")
STALE_WORK_SECONDS = 3600


def clean_stale_work_dirs(folder: Path | None = None, now: float | None = None) -> list[Path]:
    """Remove kehoach's own working folders left in the system temporary folder by runs that were killed
    (named kehoach-import-…, kehoach-onto-…; untouched for an hour)."""
    import shutil
    import tempfile

    removed = []
    for entry, _, info in _old_entries(Path(folder or tempfile.gettempdir()), _WORK_DIR, STALE_WORK_SECONDS, now):
        if stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid():
            shutil.rmtree(entry.path, ignore_errors=True)
            removed.append(Path(entry.path))
    return removed


def text_style(like: Path | None) -> tuple[bool, str]:
    """(BOM, line ending) of an existing text file: its first bytes begin with a BOM; "\r\n" when every line
    ends in CRLF, "\r" when lines end in CR alone (old Mac editors), else "\n"."""
    if like is None:
        return False, "\n"
    try:
        fd = os.open(like, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return False, "\n"
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return False, "\n"
        head = os.read(fd, 1 << 16)
    finally:
        os.close(fd)
    lf = head.count(b"\n")
    ending = "\r\n" if lf > 0 and head.count(b"\r\n") == lf else "\r" if lf == 0 and b"\r" in head else "\n"
    return head.startswith(BOM), ending


def encode_like(text: str, like: Path | None) -> bytes:
    """`text` as UTF-8 with the BOM and line endings of the file `like` (when it exists)."""
    bom, ending = text_style(like)
    if ending != "\n":
        text = text.replace("\r\n", "\n").replace("\n", ending)
    data = text.encode("utf-8")
    if bom and not data.startswith(BOM):
        data = BOM + data
    return data


class Staged:
    """A temporary file beside an output; `commit()` puts its content at the output, in one step (a
    rename), or in place when the old file has other hard links (the link is kept; the space is reserved
    first, so a full disk leaves the old content). Leaving the `with` block without commit removes it."""

    def __init__(self, path: Path, new_only: bool = False):
        import fcntl
        import secrets

        self.shown = Path(path)
        self.target = output_target(self.shown)
        folder = self.target.parent
        folder.mkdir(parents=True, exist_ok=True)
        clean_stale(folder)
        clean_stale_work_dirs()
        try:
            self.old = os.stat(self.target)
        except FileNotFoundError:
            self.old = None
        suffix = self.target.suffix if re.fullmatch(r"\.[A-Za-z0-9]{1,8}", self.target.suffix) else ""
        name = f".{self.target.name[:100]}{TEMP_TAG}{os.getpid()}-{secrets.token_hex(4)}{suffix}"
        self.path = folder / name
        self.new_only = new_only
        if new_only and self.old is not None:
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(self.shown))
        self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o600)
        fcntl.flock(self.fd, fcntl.LOCK_EX)  # held until the end: never taken for a dead run's file
        self.done = False

    def __enter__(self) -> Staged:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1
        if not self.done:
            try:
                os.unlink(self.path)
            except FileNotFoundError:
                pass

    def write(self, data: bytes) -> None:
        os.ftruncate(self.fd, 0)
        _write_all(self.fd, data, 0)

    def commit(self) -> Path:
        """The output now holds the temporary file's content; returns the file written."""
        try:
            if self.old is not None and self.old.st_nlink > 1:
                self._in_place()
                return self.target
            mode = stat.S_IMODE(self.old.st_mode) if self.old is not None else 0o666 & ~current_umask()
            os.fchmod(self.fd, mode)
            if self.old is not None and (self.old.st_uid, self.old.st_gid) != (os.getuid(), os.getgid()):
                _chown(self.fd, self.old.st_uid, self.old.st_gid)
            os.fsync(self.fd)
            if self.new_only:
                self._link_new()
            else:
                os.replace(self.path, self.target)
            self.done = True
        except OSError as exc:
            raise _located(exc, self.shown) from None
        return self.target

    def _link_new(self) -> None:
        """The temporary file becomes the output only if there is still none: a link fails where a rename
        would replace a file another run made since the command looked (two imports to one new name)."""
        try:
            os.link(self.path, self.target)
        except FileExistsError:
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(self.shown)) from None
        except OSError as exc:
            if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
                raise
            if os.path.lexists(self.target):  # a file system without hard links: the narrowest check left
                raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(self.shown)) from None
            os.replace(self.path, self.target)
            return
        os.unlink(self.path)

    def _in_place(self) -> None:
        with open(self.path, "rb") as fh:
            data = fh.read()
        fd = os.open(self.target, os.O_RDWR | getattr(os, "O_CLOEXEC", 0))
        try:
            old = os.pread(fd, self.old.st_size + 1, 0)
            if len(data) > len(old):
                try:
                    os.posix_fallocate(fd, 0, len(data))  # a full disk fails here, before a byte changes
                except OSError as exc:
                    if exc.errno not in (errno.EOPNOTSUPP, errno.EINVAL, errno.ENOSYS):
                        os.ftruncate(fd, len(old))
                        raise
            try:
                _write_all(fd, data, 0)
                os.ftruncate(fd, len(data))
                os.fsync(fd)
            except OSError:
                _write_all(fd, old, 0)  # the old bytes fit where they were
                os.ftruncate(fd, len(old))
                raise
        finally:
            os.close(fd)


def _write_all(fd: int, data: bytes, offset: int) -> None:
    view = memoryview(data)
    while view:
        n = os.pwrite(fd, view, offset)
        view, offset = view[n:], offset + n


def _chown(fd: int, uid: int, gid: int) -> None:
    try:
        os.fchown(fd, uid, gid)
    except PermissionError:
        try:
            os.fchown(fd, -1, gid)  # a group we belong to
        except PermissionError:
            pass  # the new file is ours: the most an ordinary user can do


def _located(exc: OSError, path: Path) -> OSError:
    """The same error naming the user's path (never the temporary file's)."""
    if isinstance(exc, NotRegularOutput):
        return exc
    out = OSError(exc.errno, exc.strerror, str(path))
    return out


def write_file(path: Path, data: bytes | str, like: Path | None = None, *, new_only: bool = False) -> Path:
    """Write `data` to `path` as one step: readers see the old file or the whole new one, and a failure
    (full disk, no permission) leaves the old file as it was. Text is written in UTF-8 with the BOM and
    line endings of `like` (default: the file being replaced). Returns the file written (a symlink's
    target). Raises OSError (NotRegularOutput for a directory, device, FIFO or socket), naming `path`;
    FileExistsError when `new_only` and the file is there (made by another run since the caller looked)."""
    try:
        staged = Staged(path, new_only)
    except OSError as exc:
        raise _located(exc, Path(path)) from None
    with staged:
        if isinstance(data, str):
            data = encode_like(data, like if like is not None else (staged.target if staged.old else None))
        try:
            staged.write(data)
        except OSError as exc:
            raise _located(exc, staged.shown) from None
        return staged.commit()
