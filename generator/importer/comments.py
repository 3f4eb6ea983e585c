"""What the imported YAML says besides its values: the comments written next to values (every guess and
warning made about one, keyed by the value's identity while the plan data is built) and the Word
file's own comments (copied to the top of the file)."""
from __future__ import annotations

from generator.importer.state import State, short


def collect_comments(st: State, data) -> dict:
    """YAML path → comment lines, for every value of `data` a step commented on."""
    out: dict[tuple, list[str]] = {}

    def walk(value, path):
        lines = st.obj_comments.get(id(value))
        if lines:
            out[path] = lines
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, path + (k,))
        elif isinstance(value, list):
            for i, v in enumerate(value):
                walk(v, path + (i,))

    walk(data, ())
    return out


def word_comments(st: State) -> list[str]:
    """The Word file's comments: "author: text (tại: “anchor”)"."""
    return [f"{short(c.author or 'không rõ tác giả')}: {c.text}" + (f" (tại: “{c.anchor_text[:60]}”)" if c.anchor_text else "")
            for c in st.doc.comments]
