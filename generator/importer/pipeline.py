"""`kehoach import` without the printing: a Word file (.docx, or .doc through LibreOffice) → the plan
YAML text, the import notes, the reader's messages and the recall of the rebuilt document. Writing
the file (atomically) is the caller's last step, so nothing is written when anything fails."""
from __future__ import annotations

import gc
import re
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from generator.plan.catalogue import available
from generator.core.errors import KehoachError
from generator.core.safeio import write_file
from generator.importer.agencies import slug
from generator.importer.pages import printed_pages, rebuilt_pages
from generator.importer.recall import document_words, missing_words, rebuilt_document, recall
from generator.importer.yaml_out import SCHEMA_FILE, dump_plan
from generator.importer.importer import ImportResult, import_document
from generator.core.messages import Message


@dataclass
class ImportOutcome:
    text: str
    result: ImportResult
    reader_messages: list[Message] = field(default_factory=list)
    recall: float | None = None
    missing: list[str] = field(default_factory=list)
    rebuild_error: str | None = None
    seconds: float = 0.0
    converted: bool = False
    schema_ref: str = SCHEMA_FILE
    pages: tuple[int | None, int | None] | None = None  # (original, rebuilt) when known


def parse_indices(text: str | None) -> dict[str, str] | None:
    """'papi=2018,par=qd2948-2017' → {papi: '2018', par: 'qd2948-2017'}; refuses unknown catalogues."""
    if not text:
        return None
    out: dict[str, str] = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        if "=" not in part:
            raise KehoachError(f"--indices: '{part}' cần dạng chỉ_số=phiên_bản, ví dụ papi=2018")
        index, version = (x.strip() for x in part.split("=", 1))
        if (index, version) not in available():
            have = ", ".join(f"{i}={v}" for i, v in sorted(available()))
            raise KehoachError(f"--indices: không có danh mục '{index}={version}'; các danh mục có: {have}")
        out[index] = version
    return out


def plan_id_for(out: Path) -> str:
    return slug(out.stem, 12)[:64].strip("-") or "ke-hoach"


def default_output(source: Path) -> Path:
    return source.with_name(plan_id_for(source) + ".yaml")


def import_file(source: Path, out: Path, *, registry: str | None = None, indices: dict[str, str] | None = None,
                display: str | None = None) -> ImportOutcome:
    from generator.word.convert import convert_doc
    from generator.word.package import open_package
    from generator.word.reader import read_package
    from generator.word.seen import joined_document, seen_document

    started = time.perf_counter()
    name = display or str(source)
    with tempfile.TemporaryDirectory(prefix="kehoach-import-") as tmp:
        converted = source.suffix.lower() in (".doc", ".rtf", ".odt")
        path = convert_doc(source, Path(tmp)) if converted else source
        with open_package(path) as pkg:  # one package, one budget: the page count's part is counted in it
            read = read_package(pkg)
            original_pages = printed_pages(pkg)
            pkg.forget_parsed()  # the parsed XML is not held while the plan is made (the model is)
    # read as it prints: composed (NFC), and without the format characters that print nothing (zero-width
    # space, joiners, soft hyphen, BOM, direction marks): the plan keeps the drafter's words as the page shows
    # them; a character no one sees would only hide in the plan and split the words kehoach matches
    doc = seen_document(joined_document(read.value)).doc  # paragraphs a tracked deleted mark joins: one, accepted
    refuse_non_plan(doc, name)
    result = import_document(doc, plan_id=plan_id_for(out), registry=registry, indices=indices)
    header = [f"Nhập từ tệp Word {Path(name).name} bằng 'kehoach import'"
              + (f" (đã chuyển {Path(name).suffix.lower()} → .docx bằng LibreOffice)" if converted else "") + ".",
              "Các chỗ ghi ĐOÁN là suy luận của kehoach: hãy đối chiếu với văn bản gốc. Các chỗ TODO phải "
              "điền trước khi 'kehoach validate' chấp nhận tệp này."]
    if result.word_comments:
        header += ["", "Ý kiến (comment) trong tệp Word:"] + [f"- {c}" for c in result.word_comments]
    ref = schema_ref(out)
    text = dump_plan(result.data, result.comments, header, ref)
    outcome = ImportOutcome(text, result, list(read.messages), converted=converted, schema_ref=ref)
    try:
        # what making the plan left in reference cycles is freed before the plan is built again (the command
        # collects less often, cli.commands.GC_FIRST_THRESHOLD): at the budget, a peak of 211 MB instead of 176
        gc.collect()
        rebuilt = rebuilt_document(result.data)
    except Exception as exc:  # a plan the model refuses still gets written, with the reason shown
        outcome.rebuild_error = _short(exc)
    else:
        source_words, rebuilt_words = document_words(doc), document_words(rebuilt)
        outcome.recall = recall(source_words, rebuilt_words)
        outcome.missing = missing_words(source_words, rebuilt_words)
        if original_pages:  # a file saved by Word or LibreOffice knows its length; compare it (one PDF export)
            outcome.pages = (original_pages, rebuilt_pages(result.data))
    outcome.seconds = time.perf_counter() - started
    return outcome


def refuse_non_plan(doc, name: str) -> None:
    """Only a Kế hoạch is imported: a decision, a letter, a report… (or a file ND30 does not govern) is
    refused with what it is, before anything is read into a plan (generator.nd30.doctypes is the one
    home of document types)."""
    from generator.nd30.doctypes import identify

    found = identify(p.text for p in doc.paragraphs())
    if found.is_plan:
        return
    if not found.governed:
        what = f"tệp này là {found.sentence()}, không phải Kế hoạch"
    else:
        seen = f" (dòng “{found.line}”)" if found.line else ""
        what = f"tệp này là {found.sentence()}{seen}, không phải Kế hoạch"
    raise KehoachError(Message("error", f"{what}: 'kehoach import' chỉ nhập văn bản Kế hoạch", file=name))


def _short(exc: Exception) -> str:
    text = str(exc).strip().splitlines()
    return re.sub(r"\s+", " ", " ".join(text[:3]))[:300] or type(exc).__name__


def schema_ref(out: Path) -> str:
    """Where the plan's editor schema is, as `init` does: a repository's shared ../schema/ when the
    plan sits in one (plans/ beside schema/), else kehoach.schema.json beside the plan (write_schema)."""
    shared = out.resolve().parent.parent / "schema" / SCHEMA_FILE
    return f"../schema/{SCHEMA_FILE}" if shared.is_file() else SCHEMA_FILE


def write_schema(out: Path, ref: str) -> Path | None:
    """Write kehoach.schema.json beside the plan when its schema line points there and none is there yet;
    the file written, or None."""
    import json

    from generator.plan.schema import plan_schema

    path = out.parent / SCHEMA_FILE
    if ref != SCHEMA_FILE or path.exists():
        return None
    write_atomic(path, json.dumps(plan_schema(), ensure_ascii=False, indent=2) + "\n")
    return path


def write_atomic(path: Path, text: str, like: Path | None = None, new_only: bool = False) -> None:
    """Readers see the old file or the whole new one, never a half-written plan; a symlink's target is
    written, the old file's mode, owner, hard links, BOM and line endings kept (core/safeio.write_file);
    `new_only`: never over a file (made meanwhile by another run)."""
    write_file(path, text, like, new_only=new_only)
