"""Appendix tables → `tasks` (with dimensions from group rows or a dimension column), `scores`, or a
generic `table` that keeps every cell. Columns are mapped from the header texts."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import InvalidOperation

from generator.render.context import TASK_COLUMNS
from generator.importer.agencies import AgencyBook, slug
from generator.importer.targets import Catalogue, norm, vi_number
from generator.nd30.grammar import clean
from generator.nd30.labels import LETTERED_NAME, ROMAN_CELL, TYPED_LABEL
from generator.word.model import Table

# header text → task column; first match wins, so the specific words come first
HEADER_RULES = [
    (r"ghi chú", "notes"),
    (r"^(stt|tt|số tt|số thứ tự)$", "stt"),
    (r"chủ trì", "lead"),
    (r"thời gian|thời hạn|tiến độ", "timeframe"),
    (r"phối hợp|thực hiện", "co"),
    (r"sản phẩm", "output"),
    (r"chỉ tiêu|cần đạt|mục tiêu", "indicator"),
    (r"kết quả", "output"),
    (r"nội dung thành phần|tiêu chí thành phần", "sub_dimension"),
    (r"^(chỉ số nội dung|chỉ số thành phần|lĩnh vực|yếu tố|chỉ số)$", "dimension"),
    (r"nhiệm vụ|nội dung|giải pháp|công việc|hoạt động", "content"),
]


@dataclass
class Grid:
    """A table as rows of (grid column, span, lines, bold), vertical merges repeated downwards."""

    header: list[tuple[int, int, str]]
    rows: list[list[tuple[int, int, list[str], bool]]]
    widths: list[float]
    header_rows: int = 1
    aligns: dict[int, str] = field(default_factory=dict)  # grid column → most used alignment of its cells


def grid_of(table: Table) -> Grid:
    above: dict[int, list[str]] = {}
    rows = []
    for row in table.rows:
        cells = []
        for cell in row.cells:
            lines = [clean(p.text).strip() for p in cell.paragraphs]
            while lines and not lines[-1]:
                lines.pop()
            while lines and not lines[0]:
                lines.pop(0)
            if cell.v_merge == "continue":
                lines = list(above.get(cell.col, []))
            else:
                above[cell.col] = lines
            bold = any(p.bold for p in cell.paragraphs if p.text.strip())
            cells.append((cell.col, cell.grid_span, lines, bold))
        rows.append(cells)
    n_header = 0
    for row in table.rows:
        if row.is_header:
            n_header += 1
        else:
            break
    n_header = max(1, n_header)
    header = [(c, s, " ".join(x for x in lines if x)) for c, s, lines, _ in rows[0]] if rows else []
    seen: dict[int, list[str]] = {}
    for row in table.rows[1:]:
        for cell in row.cells:
            if cell.grid_span == 1:
                seen.setdefault(cell.col, []).extend(
                    ALIGN.get(p.alignment or "left", "left") for p in cell.paragraphs if p.text.strip())
    aligns = {col: max(set(v), key=v.count) for col, v in seen.items() if v}
    return Grid(header, rows[1:], list(table.grid), n_header, aligns)


ALIGN = {"both": "justify", "center": "center", "right": "right", "left": "left", "start": "left", "end": "right",
         "distribute": "justify"}


def map_columns(header: list[tuple[int, int, str]]) -> dict[int, str] | None:
    out: dict[int, str] = {}
    lows = [" ".join(text.casefold().split()) for _, _, text in header]
    # "Chỉ số thành phần" names the dimension (PCI) unless another column already does ("Chỉ số")
    parts_are_subs = any(x in ("chỉ số", "chỉ số nội dung", "lĩnh vực") for x in lows)
    for col, _span, text in header:
        low = " ".join(text.casefold().replace("\n", " ").split())
        if low == "chỉ số thành phần" and parts_are_subs:
            out[col] = "sub_dimension"
            continue
        for pattern, key in HEADER_RULES:
            if re.search(pattern, low) and key not in out.values():
                out[col] = key
                break
    return out


@dataclass
class TableImport:
    appendix: dict
    tasks: list[dict] = field(default_factory=list)
    criteria: list[dict] = field(default_factory=list)
    targets: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _text(lines: list[str]) -> str | None:
    text = "\n".join(lines).strip()
    return text or None


def _cell(row, col: int) -> tuple[list[str], bool] | None:
    for c, span, lines, bold in row:
        if c <= col < c + span:
            return lines, bold
    return None


def _is_group(row, n_columns: int) -> bool:
    texts = [(c, span, lines) for c, span, lines, _ in row if any(lines)]
    spans = [span for _, span, _ in texts]
    return bool(texts) and max(spans) >= 2 and len(row) < n_columns and len(texts) <= 2


class TableReader:
    def __init__(self, catalogue: Catalogue, agencies: AgencyBook, year: int):
        self.catalogue = catalogue
        self.agencies = agencies
        self.year = year
        self.renamed: dict[str, str] = {}  # code → printed name
        self.own: list[dict] = []  # criteria the catalogue lacks
        self.task_ids: set[str] = set()
        self.target_ids: dict[str, str] = {}  # criterion → target id

    # ---------------------------------------------------------------- dimensions

    def dimension(self, name: str, where: str, notes: list[str], parent: str | None = None) -> str:
        code, exact = self.catalogue.match(name, parent=parent)
        if code is not None:
            info = self.catalogue.by_code[code]
            if not exact and norm(name) != norm(info.name):
                if self.renamed.get(code) == name:
                    return code
                if self.renamed.get(code, name) != name:
                    notes.append(f"{where}: '{name}' và '{self.renamed[code]}' cùng được hiểu là '{code}'")
                else:
                    self.renamed[code] = name
                    notes.append(f"{where}: '{name}' hiểu là tiêu chí '{code}' ({info.name}) — đoán theo tên gần "
                                 "đúng; tên in trong văn bản được giữ ở mục criteria")
            elif exact and norm(name) != norm(info.name):
                # kehoach prints the criterion's name: keep the printed one (a short form) as the plan's
                self.renamed[code] = name
            return code
        for own in self.own:
            if norm(own["name"]) == norm(name):
                return own["code"]
        root = parent or (next(iter(self.catalogue.indices)) if self.catalogue.indices else "kh")
        taken = set(self.catalogue.by_code) | {c["code"] for c in self.own}
        n = 1
        while f"{root}.{n}" in taken:
            n += 1
        code = f"{root}.{n}"
        entry = {"code": code, "name": name}
        if root in self.catalogue.by_code:
            entry["parent"] = root
        self.own.append(entry)
        notes.append(f"{where}: '{name}' không có trong danh mục chỉ số: khai báo tiêu chí riêng '{code}'")
        return code

    # ---------------------------------------------------------------- kinds of tables

    def read(self, table: Table, appendix_id: str, title: str, landscape: bool, where: str) -> TableImport:
        grid = grid_of(table)
        columns = map_columns(grid.header) or {}
        keys = set(columns.values())
        low = [norm(t) for _, _, t in grid.header]
        if any("điểm tối đa" in h for h in low) and any(h.startswith("kết quả") or h.startswith("chỉ tiêu")
                                                       for h in low):
            scores = self.scores(grid, appendix_id, title, landscape, where)
            if scores is not None:
                return scores
        if "content" in keys and keys & {"lead", "co", "timeframe", "indicator", "output"}:
            tasks = self.tasks(grid, columns, appendix_id, title, landscape, where)
            if tasks is not None:
                return tasks
        return self.generic(grid, appendix_id, title, landscape, where)

    def _base(self, appendix_id: str, kind: str, title: str, landscape: bool) -> dict:
        return {"id": appendix_id, "type": kind, "title": title,
                "orientation": "landscape" if landscape else "portrait"}

    def tasks(self, grid: Grid, columns: dict[int, str], appendix_id: str, title: str, landscape: bool,
              where: str) -> TableImport | None:
        ordered = sorted(columns.items())
        keys = [k for _, k in ordered]
        n_cols = len(grid.header)
        has_groups = any(_is_group(row, n_cols) for row in grid.rows)
        if not has_groups and "dimension" not in keys:
            return None
        out = TableImport(self._base(appendix_id, "tasks", title, landscape))
        labels: list[str | None] = []
        current = None
        counters: dict[str, int] = {}
        for r, row in enumerate(grid.rows, start=grid.header_rows + 1):
            rwhere = f"{where}, hàng {r}"
            if _is_group(row, n_cols):
                text = " ".join(x for _, _, lines, _ in row for x in lines if x and not ROMAN_CELL.match(x))
                text = TYPED_LABEL.sub("", text).strip()
                quoted = re.match(r"^(?P<label>.*?)\s*[“\"](?P<name>.+)[”\"]\s*[.:]?$", text)
                label, name = (quoted.group("label").strip() or None, quoted.group("name")) if quoted else (None, text)
                labels.append(label)
                current = self.dimension(name, rwhere, out.notes)
                continue
            if not any(lines for _, _, lines, _ in row):
                continue
            task: dict = {}
            values = {key: (_cell(row, col) or ([], False))[0] for col, key in ordered}
            dim = current
            if "dimension" in values and _text(values["dimension"]):
                dim = self.dimension(_text(values["dimension"]).replace("\n", " "), rwhere, out.notes)
            if dim is None:
                out.notes.append(f"{rwhere}: dòng nhiệm vụ trước dòng nhóm đầu tiên; đọc cả bảng thành bảng thường")
                return None
            content = _text(values.get("content", []))
            if content is None:
                out.notes.append(f"{rwhere}: dòng không có nội dung nhiệm vụ; đọc cả bảng thành bảng thường")
                return None
            counters[dim] = counters.get(dim, 0) + 1
            task["id"] = self.task_id(dim, counters[dim])
            task["dimension"] = dim
            subs = [x for x in values.get("sub_dimension", []) if x]
            if subs:
                codes = [self.sub_dimension(s, dim, rwhere, out.notes) for s in subs]
                task["sub_dimension"] = codes[0] if len(codes) == 1 else codes
            task["content"] = content
            for key in ("indicator",):
                if _text(values.get(key, [])):
                    task[key] = _text(values[key])
            for key in ("lead", "co"):
                text = _text(values.get(key, []))
                if text:
                    names = self.agencies.split(text)
                    for name in names:
                        self.agencies.declare(name, rwhere)
                    task[key] = names
            for key in ("timeframe", "output", "notes"):
                if _text(values.get(key, [])):
                    task[key] = _text(values[key])
            out.tasks.append(task)
        if not out.tasks:
            return None
        appendix = out.appendix
        appendix["columns"] = keys
        headers = {}
        for col, key in ordered:
            printed = next(t for c, _, t in grid.header if c == col)
            if printed != TASK_COLUMNS[key][0]:
                headers[key] = printed
        if headers:
            appendix["headers"] = headers
        used = [x for x in labels if x]
        if used:
            appendix["group_label"] = max(set(used), key=used.count)
            if len(set(labels)) > 1:
                out.notes.append(f"{where}: các dòng nhóm dùng chữ đầu khác nhau ({', '.join(sorted(set(used)))}); "
                                 f"kehoach in một chữ chung '{appendix['group_label']}'")
        return out

    def sub_dimension(self, printed: str, dim: str, where: str, notes: list[str]) -> str:
        """'c) Name': the letter kehoach prints comes from the catalogue position, so a letter that
        names a catalogue child wins over the wording (which is then kept as the plan's name)."""
        m = LETTERED_NAME.match(printed)
        name = m.group("name") if m else printed
        if m:
            for code in (self.catalogue.by_code[dim].children if dim in self.catalogue.by_code else ()):
                info = self.catalogue.by_code[code]
                if info.letter == m.group("letter") or (m.group("letter") == "e" and info.letter == "đ"):
                    if norm(name) != norm(info.name) and self.renamed.get(code, name) == name:
                        self.renamed[code] = name
                        return code
                    if norm(name) == norm(info.name) or self.renamed.get(code) == name:
                        return code
        return self.dimension(name, where, notes, parent=dim)

    def target_id(self, code: str) -> str:
        """'t-' and the first words of the criterion's printed name (t-cong-khai), longer when two
        criteria start alike, the code when even that is taken; the whole index is 't-papi'."""
        if code in self.target_ids:
            return self.target_ids[code]
        info = self.catalogue.by_code.get(code)
        name = self.renamed.get(code) or (info.short_name or info.name if info else None)
        candidates = ([f"t-{slug(name, 2)}", f"t-{slug(name, 3)}"] if name and info and not info.is_root else [])
        candidates.append("t-" + slug(code.replace(".", "-"), 4))
        taken = set(self.target_ids.values())
        tid = next((c for c in candidates if c not in taken), None)
        n = 2
        while tid is None or tid in taken:
            tid, n = f"{candidates[-1]}-{n}", n + 1
        self.target_ids[code] = tid
        return tid

    def task_id(self, dim: str, n: int) -> str:
        info = self.catalogue.by_code.get(dim)
        name = self.renamed.get(dim) or (info.short_name or info.name if info else dim)
        base = slug(name, 2) if name else slug(dim)
        tid = f"{base}-{n:02d}"
        while tid in self.task_ids:
            base = slug(dim.replace(".", "-"), 4)
            tid = f"{base}-{n:02d}"
            n += 100
        self.task_ids.add(tid)
        return tid

    def scores(self, grid: Grid, appendix_id: str, title: str, landscape: bool, where: str) -> TableImport | None:
        out = TableImport(self._base(appendix_id, "scores", title, landscape))
        base_year = target_year = None
        for _, _, text in grid.header:
            found = re.search(r"(\d{4})", text)
            if found and norm(text).startswith("kết quả"):
                base_year = int(found.group(1))
            elif found and norm(text).startswith("chỉ tiêu"):
                target_year = int(found.group(1))
        criteria, leads = [], {}
        parent = None
        for r, row in enumerate(grid.rows, start=2):
            cells = [" ".join(lines) for _, _, lines, _ in row]
            if len(cells) < 5:
                return None
            label, name = cells[0].strip(), cells[1].strip()
            if norm(name) in ("tổng cộng", "tổng", "cộng"):
                continue
            if ROMAN_CELL.match(label):
                code, _ = self.catalogue.match(name)
                if code is None:
                    return None
                parent = code
                criteria.append(code)
            else:
                code, _ = self.catalogue.match(name, parent=parent)
                if code is None or parent is None:
                    return None
            values = []
            for text in cells[2:5]:
                try:
                    values.append(vi_number(text) if text.strip() else None)
                except InvalidOperation:
                    return None
            maximum, baseline, target = values
            if len(cells) > 5 and cells[5].strip():
                names = self.agencies.split(cells[5])
                for n in names:
                    self.agencies.declare(n, f"{where}, hàng {r}")
                leads[code] = names
            info = self.catalogue.by_code.get(code)
            if target is not None:
                entry: dict = {"id": self.target_id(code), "criterion": code}
                if baseline is not None and base_year:
                    entry["baseline"] = {"year": base_year, "value": baseline}
                entry["target"] = target
                if maximum is not None and (info is None or info.max != maximum):
                    entry["max"] = maximum
                out.targets.append(entry)
            elif maximum is not None and info is not None and info.max != maximum:
                out.notes.append(f"{where}, hàng {r}: điểm tối đa {cells[2]} khác danh mục ({info.max})")
        if not criteria:
            return None
        if target_year and target_year != self.year:
            out.notes.append(f"{where}: cột chỉ tiêu ghi năm {target_year}, kế hoạch năm {self.year}")
        out.appendix["criteria"] = criteria
        if leads:
            out.appendix["leads"] = leads
        return out

    def generic(self, grid: Grid, appendix_id: str, title: str, landscape: bool, where: str) -> TableImport:
        out = TableImport(self._base(appendix_id, "table", title, landscape))
        columns, ids = [], {}
        for col, span, text in grid.header:
            cid = slug(text, 3) if text else f"cot-{col + 1}"
            while cid in ids.values():
                cid += "-2"
            ids[col] = cid
            entry: dict = {"id": cid, "header": text or "–"}  # a header cell left empty
            align = grid.aligns.get(col)
            if align and align != "left":
                entry["align"] = align
            columns.append(entry)
        if not columns:
            columns = [{"id": "noi-dung", "header": "Nội dung"}]
            ids = {0: "noi-dung"}
        rows = []
        for r, row in enumerate(grid.rows, start=2):
            cells = {}
            for col, span, lines, _ in row:
                text = _text(lines)
                if text is None:
                    continue
                key = ids.get(col) or next((ids[c] for c in sorted(ids, reverse=True) if c <= col), columns[0]["id"])
                cells[key] = cells[key] + "\n" + text if key in cells else text
            if not cells:
                continue
            entry = {"id": f"r{len(rows) + 1}", "cells": cells}
            if _is_group(row, len(grid.header)):
                entry["group"] = True  # kehoach prints its filled cells, the last one spanning the row
            rows.append(entry)
        if not rows:
            rows = [{"id": "r1", "cells": {columns[0]["id"]: "–"}}]
        out.appendix["columns"] = columns
        out.appendix["rows"] = rows
        out.notes.append(f"{where}: bảng không phải bảng nhiệm vụ hay bảng điểm: giữ thành bảng thường "
                         f"({len(rows)} dòng, {len(columns)} cột)")
        return out
