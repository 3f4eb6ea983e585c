"""The appendices read into the plan: each one the zone locator found (label, name, "(Kèm theo …)" line,
table) read by the table reader (tables.py) into tasks, scores or a generic table; the tables found
between the body's paragraphs become appendices too (kehoach prints tables only there)."""
from __future__ import annotations

from generator.importer.state import State, short, where_of
from generator.importer.tables import TableImport
from generator.nd30.grammar import APPENDIX_LINE, ATTACHED_LINE, clean
from generator.nd30.labels import roman
from generator.core.text import shorten


def _text(st: State, pos: int) -> tuple[str, str]:
    p = st.paragraphs[pos]
    return clean(p.text).strip(), where_of(p)


def find_appendices(st: State) -> list[dict]:
    """Each appendix the locator found, as the reader needs it: label number, name lines, the "(Kèm theo
    …)" match, its table, and the paragraphs that fit nowhere (said so, then dropped)."""
    for pos in st.zones.stray:
        text, where = _text(st, pos)
        st.warn(f"đoạn sau chữ ký không thuộc phụ lục nào, không đưa vào kế hoạch: '{shorten(text, 80)}'", where)
    out: list[dict] = []
    for zone in st.zones.appendices:
        table = st.doc.blocks[zone.table] if zone.table is not None else None
        if zone.label is not None:
            label = st.paragraphs[zone.label]
            m = APPENDIX_LINE.match(clean(label.text).strip())
            found = {"label": m.group("n"), "title": [m.group("rest")] if m.group("rest") else [],
                     "where": where_of(label), "section": label.section}
        else:
            found = {"label": None, "title": [], "where": f"bảng {table.index + 1}", "section": table.section}
            st.warn("bảng sau chữ ký không có dòng 'Phụ lục': coi như một phụ lục", found["where"])
        for pos in zone.title:
            found["title"] += [clean(x).strip() for x in st.paragraphs[pos].text.split("\n") if clean(x).strip()]
        found["attached"] = None if zone.attached is None else ATTACHED_LINE.match(_text(st, zone.attached)[0])
        found["before"] = [_text(st, pos) for pos in zone.before]
        found["extra"] = [_text(st, pos) for pos in zone.after]
        found["table"] = table
        out.append(found)
    return [a for a in out if a["table"] is not None or a["before"] or _no_table(st, a)]


def _no_table(st: State, appendix: dict) -> bool:
    st.warn("phụ lục không có bảng và không có nội dung: bỏ qua", appendix["where"])
    return False


def paragraphs_table(st: State, a: dict, aid: str, title: str, landscape: bool) -> dict:
    """An appendix whose table did not survive (or never was one): its paragraphs become the rows
    of a one-column table, so no word is lost."""
    st.warn("phụ lục không có bảng: các đoạn của nó thành các dòng của một bảng một cột 'Nội dung' "
            "(kehoach chỉ in phụ lục dạng bảng); hãy xem lại", a["where"])
    rows = [{"id": f"r{n}", "cells": {"noi-dung": text}} for n, (text, _) in enumerate(a["before"], start=1)]
    return {"id": aid, "type": "table", "title": title, "orientation": "landscape" if landscape else "portrait",
            "columns": [{"id": "noi-dung", "header": "Nội dung"}], "rows": rows}


def _table_notes(st: State, result: TableImport) -> None:
    for text in result.notes:
        st.note("guess" if "đoán" in text else "info", text)
    for text, where, obj in result.guesses:  # said beside the value the drafter must check
        st.guess(text, where, obj)
    for text in result.warnings:  # the table holds structure that was not read
        st.warn(text)
    st.todos += result.todos


def read_appendices(st: State, found: list[dict]) -> list:
    results = []
    many = len(found) > 1
    for i, a in enumerate(found, start=1):
        aid = f"phu-luc-{i}" if many else "phu-luc"
        title = " ".join(a["title"]) or st.todo("tên phụ lục")
        section = st.doc.sections[a["section"]] if a["section"] < len(st.doc.sections) else None
        landscape = bool(section and section.orientation == "landscape")
        where = f"phụ lục {roman(i) if many else ''}".strip()
        if a["table"] is None:
            result = TableImport(paragraphs_table(st, a, aid, title, landscape))
        else:
            result = st.tables.read(a["table"], aid, title, landscape, where)
            for text, w in a["before"]:
                st.warn(f"đoạn giữa dòng 'Kèm theo' và bảng không đưa được vào kế hoạch: '{shorten(text, 80)}'", w)
        _table_notes(st, result)
        for text, w in a["extra"]:
            st.warn(f"đoạn sau bảng của phụ lục không đưa được vào kế hoạch: '{shorten(text, 80)}'", w)
        if a["attached"] is not None:
            a["full_name"] = a["attached"].group("who").strip().rstrip(")")
        results.append((a, result))
    return results


def read_body_tables(st: State, sections: list[dict]) -> tuple[list[TableImport], list[tuple[int, str]]]:
    """Tables between the body's paragraphs: kehoach prints tables only as appendices, so the cells are
    kept there. A table that is all its section holds ("II. NỘI DUNG VÀ THỜI GIAN THỰC HIỆN" and the
    table) is named after the section, which then points to it: (section number, appendix id) pairs;
    any other is left for the drafter to name."""
    results, refs = [], []
    for k, table in enumerate(st.body_tables, start=1):
        where = f"bảng {table.index + 1}"
        section = st.doc.sections[table.section] if table.section < len(st.doc.sections) else None
        at = st.table_sections.get(table.index)
        alone = at is not None and at < len(sections) and not sections[at]["content"] and \
            sum(1 for n in st.table_sections.values() if n == at) == 1
        if alone:
            title = sections[at]["title"].rstrip(" :.")
            st.guess(f"bảng là toàn bộ nội dung của mục '{short(title, 60)}': đặt tên phụ lục theo tên mục và để mục "
                     "dẫn tới phụ lục (“Chi tiết tại Phụ lục … kèm theo”)", where)
        else:
            title = st.todo("tên phụ lục cho bảng nằm giữa nội dung", where)
        aid = f"bang-{k}"
        result = st.tables.read(table, aid, title, bool(section and section.orientation == "landscape"), where)
        st.warn("bảng nằm giữa các đoạn nội dung: kehoach chỉ in bảng ở phụ lục, nên bảng được chuyển thành "
                f"phụ lục '{result.appendix['id']}' ở cuối văn bản" + ("" if alone else " (cần đặt tên phụ lục)"), where)
        if alone:
            refs.append((at, result.appendix["id"]))
        _table_notes(st, result)
        results.append(result)
    return results, refs
