"""How each kind of printed value was made from the plan, and how a reviewer's edit of it goes back.

One entry per origin (render/context.py `Origin`, the names the source tags carry), and per paragraph
kind where that kind prints its text value its own way (a legal basis's end punctuation, the closing
mark): `encode` makes the printed form from the plan value, as the renderer does (tests check the two
agree on every plan); `apply` reads the reviewer's edited form back into the plan (through the
Writer, which records what became of it); `decode`, for the forms whose value is one text, turns the
edited form into the new value (the apply of those forms writes it). A new reviewer-edit mapping is
one entry here and its functions."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from generator import nd30
from generator.core.text import number, parse_number, upper
from generator.nd30.labels import NUMBERING_ONLY, REVIEW_LABEL
from generator.render.body import appendix_sentence
from generator.render.context import Builder
from generator.render.header import strip_end
from generator.workflow.review.agencies import set_agencies
from generator.workflow.review.targets import edit_target
from generator.workflow.review.writer import Revision, Writer, yaml_number

Encode = Callable[[Builder, tuple, Any], str]  # (builder, plan path, plan value) → printed text
Decode = Callable[[str, str], str]  # (reviewer's text, the plan's current text) → new plan text
Apply = Callable[[Writer, Revision], None]


@dataclass(frozen=True)
class Form:
    encode: Encode | None  # None: computed from several values (numbering, totals): not one value's print
    apply: Apply
    decode: Decode | None = None


def _text_form(encode: Encode, decode: Decode) -> Form:
    """A form printing one text value: the edit is decoded and written in place."""
    return Form(encode, lambda w, rev: w.set_text(rev.path, decode(rev.new, w.value(rev.path)), rev), decode)


# ---------------------------------------------------------------- one text value


def _as_written(b: Builder, path: tuple, value) -> str:
    return "" if value is None else str(value)


def _typed(text: str, current: str) -> str:
    return text


def _legal(b: Builder, path: tuple, value: str) -> str:
    return strip_end(value) + (";" if path[-1] < len(b.plan.legal_bases) - 1 else ".")


def _legal_back(text: str, current: str) -> str:
    """The plan's own end punctuation is kept (the printed one depends on the position)."""
    return text.rstrip(";.").rstrip() + current[len(strip_end(current)):]


def _closing_back(text: str, current: str) -> str:
    core = text[:-len(nd30.CLOSING_MARK)] if text.endswith(nd30.CLOSING_MARK) else text
    return core.rstrip(".") + ("." if current.rstrip().endswith(".") else "")


def _upper(b: Builder, path: tuple, value: str) -> str:
    return upper(value)


# ---------------------------------------------------------------- values printed another way


def _target(b: Builder, path: tuple, target) -> str:
    return b.target_sentence(target)


def _apply_target(w: Writer, rev: Revision) -> None:
    edit_target(w, rev, _target)


def _agencies(b: Builder, path: tuple, refs) -> str:
    """A responsibility's heading names them ', '-joined; a task's cell '; '-joined; a score table's
    cell one a line."""
    names = [b.agencies.display(r) for r in refs or ()]
    return {"responsibilities": ", ", "tasks": "; "}.get(path[0], "\n").join(names)


def _apply_agencies(w: Writer, rev: Revision) -> None:
    if rev.cell:
        set_agencies(w, rev.path, rev.new.replace("\n", "; "), "; ", rev, ())
        w.handled.update(rev.paragraphs)  # the cell is accounted for even when nothing could be written
    else:
        set_agencies(w, rev.path, rev.new, ", ", rev, rev.paragraphs)


def _number(b: Builder, path: tuple, value) -> str:
    return "" if value is None else number(value)


def _apply_number(w: Writer, rev: Revision) -> None:
    value = parse_number(rev.new)
    node = w.node(rev.path)
    if value is None or node is None:
        w.add("unapplied", "sửa", rev.where, rev.path, rev.old, rev.new, "không đọc được số", rev.paragraphs)
        return
    w.editor.replace_node(node, yaml_number(value))
    w.add("applied", "sửa", rev.where, rev.path, rev.old, rev.new, paragraphs=rev.paragraphs)


def _appendix_ref(b: Builder, path: tuple, ref) -> str:
    ids = [ref.appendix] if isinstance(ref.appendix, str) else ref.appendix
    return appendix_sentence(ref.before, ", ".join(b.appendix_labels[a] for a in ids), ref.after)


def _apply_appendix_ref(w: Writer, rev: Revision) -> None:
    w.add("unapplied", "sửa", rev.where, rev.path, rev.old, rev.new,
          "câu do kehoach tạo ra (dẫn chiếu phụ lục): hãy sửa trong tệp kế hoạch", rev.paragraphs)


def _apply_generated(w: Writer, rev: Revision) -> None:
    """Numbering is kehoach's own (reported, not applied); other computed cells cannot be edited here."""
    if rev.column == "stt" or REVIEW_LABEL.fullmatch(rev.new + " ") or NUMBERING_ONLY.fullmatch(rev.new):
        w.add("ignored", "đánh số", rev.where, None, rev.old, rev.new,
              "số thứ tự do kehoach tính, không sửa trong tệp kế hoạch", rev.paragraphs)
    else:
        w.add("unapplied", "sửa", rev.where, rev.path, rev.old, rev.new,
              "ô do kehoach tạo ra (tên chỉ số, tổng): hãy sửa trong tệp kế hoạch", rev.paragraphs)


FORMS: dict[str, Form] = {
    "text": _text_form(_as_written, _typed),  # the scalar as written
    "legal": _text_form(_legal, _legal_back),  # a legal basis: ';' after each, '.' after the last
    "closing": _text_form(lambda b, path, value: nd30.closing(value), _closing_back),  # ends with './.'
    "upper": _text_form(_upper, _typed),  # in capitals; what the reviewer typed is kept as typed
    "target": Form(_target, _apply_target),  # a sentence made from the target's numbers (or its wording)
    "agencies": Form(_agencies, _apply_agencies),  # display names of agency references
    "number": Form(_number, _apply_number),  # a number in Vietnamese format
    "appendix_ref": Form(_appendix_ref, _apply_appendix_ref),  # '<before> Phụ lục N <after>'
    "generated": Form(None, _apply_generated),  # numbering, criterion names, totals
}


def form_of(origin: str | None, kind: str = "") -> Form:
    """The form of a printed value: by its source's origin (no source: computed), and for a text
    value by the kind of paragraph that printed it when the kind has its own form."""
    if origin is None:
        return FORMS["generated"]
    if origin == "text" and kind in FORMS:
        return FORMS[kind]
    return FORMS[origin]
