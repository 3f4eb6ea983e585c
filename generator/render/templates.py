"""The default Word and Excel templates (package data in generator/templates/) and the guarded reading
of any template."""
from __future__ import annotations

import io
import zipfile
from importlib import resources
from pathlib import Path

def default_template(name: str) -> Path:
    return Path(str(resources.files("generator.templates").joinpath(name)))


TEMPLATE_MAX_BYTES = 50 * 1024 * 1024
TEMPLATE_MAX_UNPACKED = 200 * 1024 * 1024
TEMPLATE_MAX_ENTRIES = 2000


def read_template(path: Path, kind: str) -> bytes:
    """The bytes of a Word or Excel template, refused with a clear message unless it is a regular
    file of sensible size whose zip would not unpack to more than a sensible size."""
    from generator.core.errors import TemplateError
    from generator.core.safeio import NotRegular, TooLarge, os_error_vi, read_regular, size_text

    try:
        data = read_regular(path, TEMPLATE_MAX_BYTES)
    except FileNotFoundError:
        raise TemplateError(f"{path}: không tìm thấy tệp mẫu {kind}") from None
    except TooLarge:
        raise TemplateError(f"{path}: tệp mẫu {kind} quá lớn (giới hạn {size_text(TEMPLATE_MAX_BYTES)})") from None
    except NotRegular as exc:
        raise TemplateError(f"{path}: {exc.reason}, không phải tệp mẫu {kind}") from None
    except OSError as exc:
        raise TemplateError(f"{path}: không đọc được tệp mẫu {kind} ({os_error_vi(exc)})") from None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, ValueError, EOFError):
        raise TemplateError(f"{path}: không mở được mẫu {kind} (tệp hỏng hoặc không phải tệp Office)") from None
    # zipfile stops every entry at its declared size, so the declared sizes bound what is unpacked
    if len(entries) > TEMPLATE_MAX_ENTRIES or sum(e.file_size for e in entries) > TEMPLATE_MAX_UNPACKED:
        raise TemplateError(f"{path}: mẫu {kind} giải nén ra quá lớn (giới hạn "
                            f"{size_text(TEMPLATE_MAX_UNPACKED)}, {TEMPLATE_MAX_ENTRIES} phần)")
    return data
