"""Rewrite an Office zip with fixed entry timestamps so identical content gives identical bytes."""
from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

FIXED = (1980, 1, 1, 0, 0, 0)


def normalise_zip(data: bytes, fix: Callable[[str, bytes], bytes] | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16  # rw-r--r--: unzipped outputs are readable like any file
            content = src.read(info.filename)
            dst.writestr(entry, fix(info.filename, content) if fix else content)
    return out.getvalue()
