"""Write Office zips with fixed entry timestamps so identical content gives identical bytes."""
from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterable

FIXED = (1980, 1, 1, 0, 0, 0)


def write_zip(entries: Iterable[tuple[str, bytes]]) -> bytes:
    """A zip of `entries` (name, content) in the given order, each compressed once."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, content in entries:
            entry = zipfile.ZipInfo(name, date_time=FIXED)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16  # rw-r--r--: unzipped outputs are readable like any file
            dst.writestr(entry, content)
    return out.getvalue()


def normalise_zip(data: bytes, fix: Callable[[str, bytes], bytes] | None = None) -> bytes:
    """Rewrite a zip (best written uncompressed: its entries are compressed here once)."""
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        return write_zip((info.filename, fix(info.filename, src.read(info.filename)) if fix
                          else src.read(info.filename)) for info in src.infolist())
