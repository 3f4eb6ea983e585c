"""Reading files that come from outside (plans, results, templates) without trusting them: only
regular files, never more than a limit (a FIFO would hang, /dev/zero would never end)."""
from __future__ import annotations

import errno
import os
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
