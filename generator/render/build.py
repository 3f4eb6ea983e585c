"""Orchestration: plan file → validated plan → context → outputs, written atomically into
build/<plan>/ (all or nothing: a failed build leaves the previous outputs untouched)."""
from __future__ import annotations

import ctypes
import datetime as dt
import errno
import fcntl
import os
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from generator.render.context import build_context
from generator.core.errors import KehoachError, OutputError
from generator.core.messages import Message
from generator.render.pdf import docx_to_pdf, docx_to_pdfs
from generator.render.docx import render_docx
from generator.render.xlsx import render_xlsx
from generator.core.safeio import write_error_vi
from generator.render.templates import default_template
from generator.plan.loader import read_text
from generator.plan.validate import load_plan


@dataclass
class BuildResult:
    plan: Path
    out_dir: Path
    files: list[Path] = field(default_factory=list)
    warnings: list[Message] = field(default_factory=list)
    task_rows: int = 0


def document_time(plan) -> dt.datetime:
    """The time written into the outputs' metadata: the issue date (or 1 January of the plan year),
    never the build time, so that two builds of one plan are identical."""
    return dt.datetime.combine(plan.document.date or dt.date(plan.year, 1, 1), dt.time())


def output_names(stem: str) -> dict[str, str]:
    return {"docx": f"{stem}.docx", "xlsx": f"{stem}-phu-luc.xlsx", "recipients": f"{stem}-noi-nhan.txt",
            "pdf": f"{stem}.pdf"}


def build_plan(plan_path: Path, out_root: Path, *, docx_template: Path | None = None,
               xlsx_template: Path | None = None, pdf: bool = False, display: str | None = None,
               max_bytes: int | None = None) -> BuildResult:
    staged = _stage(plan_path, out_root, docx_template=docx_template, xlsx_template=xlsx_template,
                    display=display, max_bytes=max_bytes)
    try:
        if pdf:
            try:
                staged.written.append(docx_to_pdf(staged.docx, staged.staging, stamp=staged.stamp))
            except OSError as exc:
                raise OutputError(f"{staged.final}: không ghi được kết quả ({write_error_vi(exc)})") from None
            _step("pdf")
        return _finish(staged)
    finally:
        staged.discard()


def plan_docx(plan_path: Path, display: str | None = None) -> bytes:
    """The .docx `build_plan` writes for the plan (the same bytes: the same steps), and nothing else: for a caller
    that only reads the document back (`import --onto` checking its result), no workbook, recipients list or output
    folder. The plan's errors are raised as by `build_plan`."""
    plan, _ = load_plan(plan_path, display)
    record = read_text(plan_path, display or str(plan_path), None)
    return render_docx(build_context(plan), default_template("kehoach.docx"), record)


def build_plans(plan_paths: list[Path], out_root: Path, *, docx_template: Path | None = None,
                xlsx_template: Path | None = None, pdf: bool = False, displays: list[str] | None = None,
                max_bytes: int | None = None, progress=None) -> list[BuildResult | KehoachError]:
    """Several plans, each all or nothing (its result or its error, in order). With `pdf`, the .docx
    of every plan that built are converted by one LibreOffice process with one profile (starting
    LibreOffice costs more than converting a plan), before any plan's outputs are swapped in.
    `progress(kind, index, total)` is called with kind "plan" before each plan and "pdf" (index =
    number of documents) before the conversion."""
    displays = displays or [str(p) for p in plan_paths]
    outcomes: list[BuildResult | KehoachError | None] = [None] * len(plan_paths)
    staged: dict[int, _Staged] = {}
    try:
        for i, path in enumerate(plan_paths):
            if progress:
                progress("plan", i, len(plan_paths))
            try:
                staged[i] = _stage(path, out_root, docx_template=docx_template, xlsx_template=xlsx_template,
                                   display=displays[i], max_bytes=max_bytes)
            except KehoachError as exc:
                outcomes[i] = exc
        if pdf and staged:
            if progress:
                progress("pdf", len(staged), len(plan_paths))
            order = list(staged)
            try:
                converted = docx_to_pdfs([(staged[i].docx, staged[i].staging, staged[i].stamp) for i in order])
            except OutputError as exc:  # no LibreOffice at all
                converted = [exc] * len(order)
            for i, got in zip(order, converted):
                if isinstance(got, Path):
                    staged[i].written.append(got)
                else:
                    outcomes[i] = got if isinstance(got, KehoachError) else OutputError(
                        f"{staged[i].final}: không ghi được kết quả ({write_error_vi(got)})")
                    staged.pop(i).discard()
            _step("pdf")
        for i, one in staged.items():
            try:
                outcomes[i] = _finish(one)
            except KehoachError as exc:
                outcomes[i] = exc
    finally:
        for one in staged.values():
            one.discard()
    return outcomes


@dataclass
class _Staged:
    """A plan's outputs written into its staging folder (locked), not yet swapped in."""

    plan_path: Path
    final: Path
    staging: Path
    lock: int | None
    docx: Path
    written: list[Path]
    warnings: list[Message]
    task_rows: int
    stamp: dt.datetime

    def discard(self) -> None:
        if self.staging.exists():
            shutil.rmtree(self.staging, ignore_errors=True)
        if self.lock is not None:
            os.close(self.lock)
            self.lock = None


def _stage(plan_path: Path, out_root: Path, *, docx_template: Path | None, xlsx_template: Path | None,
           display: str | None, max_bytes: int | None) -> _Staged:
    plan, warnings = load_plan(plan_path, display, max_bytes=max_bytes)
    # the plan as built, kept in the .docx for `import --onto` (render/record.py)
    record = read_text(plan_path, display or str(plan_path), max_bytes)
    ctx = build_context(plan)
    docx_bytes = render_docx(ctx, docx_template or default_template("kehoach.docx"), record)
    xlsx_bytes = render_xlsx(ctx, xlsx_template or default_template("phuluc.xlsx"))

    stem = plan_path.stem
    names = output_names(stem)
    final = out_root / stem
    if out_root.exists() and not out_root.is_dir():
        raise OutputError(f"{out_root}: đã có một tệp cùng tên; hãy chọn thư mục kết quả khác (-o)")
    if final.exists() and not final.is_dir():
        raise OutputError(f"{final}: đã có một tệp cùng tên; hãy xóa nó hoặc chọn thư mục kết quả khác (-o)")
    try:
        out_root.mkdir(parents=True, exist_ok=True)
        clean_stale(out_root, stem)
        staging = Path(tempfile.mkdtemp(prefix=f".{stem}{STAGING_TAG}", dir=out_root))
        os.chmod(staging, 0o777 & ~_umask())  # mkdtemp makes it private; outputs follow the umask
    except OSError as exc:
        raise OutputError(f"{out_root}: không tạo được thư mục kết quả ({write_error_vi(exc)})") from None
    lock = _hold(staging)  # released by the kernel if this process dies: its folder is then stale
    staged = _Staged(plan_path, final, staging, lock, staging / names["docx"], [], warnings,
                     sum(t.task_rows for t in ctx.tables), document_time(plan))
    try:
        _step("staged")
        staged.written.append(_write(staged.docx, docx_bytes))
        if xlsx_bytes is not None:
            staged.written.append(_write(staging / names["xlsx"], xlsx_bytes))
        staged.written.append(_write(staging / names["recipients"], ctx.recipient_text.encode("utf-8")))
        _step("written")
    except OSError as exc:
        staged.discard()
        raise OutputError(f"{final}: không ghi được kết quả ({write_error_vi(exc)})") from None
    except BaseException:
        staged.discard()
        raise
    return staged


def _finish(staged: _Staged) -> BuildResult:
    try:
        _swap_in(staged.staging, staged.final)
        _step("swapped")
    except OSError as exc:
        raise OutputError(f"{staged.final}: không ghi được kết quả ({write_error_vi(exc)})") from None
    final = staged.final
    return BuildResult(staged.plan_path, final, [final / p.name for p in staged.written], staged.warnings,
                       staged.task_rows)


STAGING_TAG = ".kehoach-"
# Left by versions before the crash-safe swap: ".<plan>.old-PID" and mkdtemp's ".<plan>.XXXXXXXX".
_LEGACY = re.compile(r"\.old-\d+|\.[a-z0-9_]{8}")


def _step(name: str) -> None:
    """A point between two steps of a build; tests replace it to stop a build there (kill -9)."""


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _hold(folder: Path) -> int:
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0))
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    return fd


def clean_stale(out_root: Path, stem: str) -> list[Path]:
    """Remove the staging folders of builds of `stem` that died (killed, power cut): a live build
    holds a lock on its folder, so whatever can be locked is garbage."""
    removed = []
    prefix = f".{stem}"
    for entry in out_root.iterdir():
        name = entry.name
        if not name.startswith(prefix) or not entry.is_dir() or entry.is_symlink():
            continue
        rest = name[len(prefix):]
        if not (rest.startswith(STAGING_TAG) or _LEGACY.fullmatch(rest)):
            continue
        try:
            fd = _hold(entry)
        except OSError:
            continue  # in use by a running build
        try:
            shutil.rmtree(entry, ignore_errors=True)
            removed.append(entry)
        finally:
            os.close(fd)
    return removed


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _swap_in(staging: Path, final: Path) -> None:
    """Put `staging` at `final` so that `final` always holds a complete set of outputs, the old or
    the new one, even if the process is killed in between: an atomic exchange of the two folders
    where the system has one (Linux renameat2), else two renames with a moment without `final`."""
    try:
        os.rename(staging, final)  # no previous outputs
        return
    except OSError as exc:
        if exc.errno not in (errno.EEXIST, errno.ENOTEMPTY, errno.EISDIR):
            raise
    if _exchange(staging, final):
        return  # the old outputs are now at `staging`, removed by the caller
    old = Path(tempfile.mkdtemp(prefix=f".{final.name}{STAGING_TAG}", dir=final.parent))
    os.rmdir(old)
    final.rename(old)
    try:
        staging.rename(final)
    except OSError:
        old.rename(final)
        raise
    shutil.rmtree(old, ignore_errors=True)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths (renameat2 RENAME_EXCHANGE); False where not supported."""
    if sys.platform != "linux":
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err))
