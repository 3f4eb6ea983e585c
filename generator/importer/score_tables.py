"""Score tables → targets and a `scores` appendix: criterion rows with their maximum, last year's score
and this year's target (`STT | Lĩnh vực/Tiêu chí | Điểm tối đa | Điểm năm 2019 | Mục tiêu năm 2020 |
Chủ trì tham mưu`, or `Kết quả năm …` / `Chỉ tiêu năm …`), numbered I / 1 / 1.1 or 1 / 1.1 / 1.1.1,
the responsible agency of a row being the lead of its criterion. Each target's baseline year is the
year its column header prints; a column without a year gives no baseline (never a guessed year)."""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from generator.core.text import vi_decimal as vi_number, words_key as norm
from generator.importer.grid import Grid, TableImport, cell_at
from generator.nd30.labels import ROMAN_CELL

# header text → score column, first match wins
SCORE_RULES = [
    (r"^(stt|tt|số tt|số thứ tự)$", "stt"),
    (r"tối đa", "max"),
    (r"chủ trì|cơ quan|đơn vị|tham mưu", "lead"),
    (r"mục tiêu|chỉ tiêu|phấn đấu|kế hoạch", "target"),
    (r"kết quả|điểm năm|năm \d{4}|năm trước|đạt được|điểm số", "baseline"),
    (r"lĩnh vực|tiêu chí|nội dung|chỉ số|tên", "name"),
]
TOTAL = ("tổng cộng", "tổng", "cộng", "tổng điểm", "tổng số điểm")


def score_columns(grid: Grid) -> dict[str, int]:
    out: dict[str, int] = {}
    for col, _, text in grid.header:
        low = norm(text)
        for pattern, key in SCORE_RULES:
            if re.search(pattern, low) and key not in out:
                out[key] = col
                break
    return out


def _depth(label: str, has_roman: bool) -> int | None:
    label = label.strip().rstrip(".")
    if ROMAN_CELL.match(label):
        return 0
    if re.fullmatch(r"\d+(\.\d+)*", label):
        return label.count(".") + (1 if has_roman else 0)
    return None


def _year(text: str) -> int | None:
    found = re.findall(r"\b(20\d\d)\b", text)
    return int(found[-1]) if found else None


def read_scores(reader, grid: Grid, appendix_id: str, title: str, landscape: bool, where: str) -> TableImport:
    """The scores appendix and its targets, or (appendix None) the first reason it is not one."""
    out = TableImport({"id": appendix_id, "type": "scores", "title": title,
                       "orientation": "landscape" if landscape else "portrait"})
    cols = score_columns(grid)
    missing = [k for k in ("name", "max", "target") if k not in cols]
    if missing:
        return _refuse(out, "không thấy cột " + ", ".join({"name": "tên tiêu chí", "max": "điểm tối đa",
                                                            "target": "mục tiêu/chỉ tiêu"}[k] for k in missing))
    printed = {key: next(t for c, _, t in grid.header if c == col) for key, col in cols.items()}
    base_year = _year(printed["baseline"]) if "baseline" in cols else None
    target_year = _year(printed["target"])
    if "baseline" in cols and base_year is None:
        out.notes.append(f"{where}: cột '{printed['baseline']}' không ghi năm: kết quả năm gốc không được nhập")

    def lines(row, key: str) -> list[str]:
        found = cell_at(row, cols[key]) if key in cols else None
        return [x.strip() for x in found[0] if x and x.strip()] if found else []

    def value(row, key: str) -> str:
        return " ".join(lines(row, key))

    rows = grid.data_rows()
    has_roman = any(ROMAN_CELL.match(value(row, "stt").rstrip(".")) for _, row in rows if "stt" in cols)
    chain: list[str] = []  # code of the criterion at each depth above
    criteria, leads, total_label = [], {}, None
    for r, row in rows:
        rwhere = f"{where}, hàng {r}"
        name = value(row, "name")
        if not name and not value(row, "max"):
            continue
        if norm(name) in TOTAL:
            total_label = name
            continue
        depth = _depth(value(row, "stt"), has_roman) if "stt" in cols else 0
        if depth is None:
            depth = 0 if all(b for _, _, lines, b in row if lines) else len(chain)
        depth = min(depth, len(chain))
        parent = chain[depth - 1] if depth else None
        code = _criterion(reader, name, parent, rwhere, out.notes)
        chain[depth:] = [code]
        if depth == 0:
            criteria.append(code)
        try:
            maximum, baseline, target = (vi_number(value(row, k)) if value(row, k) else None
                                         for k in ("max", "baseline", "target"))
        except InvalidOperation:
            return _refuse(out, f"{rwhere}: ô điểm không phải là số")
        if value(row, "lead"):
            names = [n for line in lines(row, "lead") for n in reader.agencies.split(line)]
            for n in names:
                reader.agencies.declare(n, rwhere)
            leads[code] = [reader.agencies.spelled(n) for n in names]
        info = reader.catalogue.by_code.get(code)
        own = next((c for c in reader.own if c["code"] == code), None)
        if own is not None and maximum is not None and target is None:
            # a row of the plan's own criterion without a target: its printed maximum has no other home
            own.setdefault("max", _plain(maximum))
        if target is not None:
            entry: dict = {"id": reader.target_id(code), "criterion": code}
            if baseline is not None and base_year:
                entry["baseline"] = {"year": base_year, "value": baseline}
            entry["target"] = target
            if maximum is not None and (info is None or info.max != maximum):
                entry["max"] = maximum
            out.targets.append(entry)
        elif baseline is not None and base_year:  # a target the body states may own it ("giảm điểm số")
            out.baselines[code] = {"year": base_year, "value": _plain(baseline)}
        if target is None and maximum is not None and info is not None and info.max != maximum:
            out.notes.append(f"{rwhere}: điểm tối đa {value(row, 'max')} khác danh mục ({info.max})")
    if not criteria:
        return _refuse(out, "không có dòng tiêu chí")
    if target_year and target_year != reader.year:
        out.notes.append(f"{where}: cột mục tiêu ghi năm {target_year}, kế hoạch năm {reader.year}")
    if not out.targets:
        out.warnings.append(f"{where}: bảng điểm có {len(criteria)} lĩnh vực nhưng cột '{printed['target']}' không "
                            "có số nào: không có chỉ tiêu nào được nhập")
    if grid.numbers_row:
        out.notes.append(f"{where}: dòng đánh số cột dưới tiêu đề ((1), (2), …) không in lại")
    roots = [root for root in reader.catalogue.indices if root in reader.catalogue.by_code
             and list(reader.catalogue.by_code[root].children) == criteria]
    if roots:  # every field of the index, in its order, no row of its own: the whole index (index_row: false)
        out.appendix["criteria"] = roots[:1]
        out.appendix["index_row"] = False
    else:
        out.appendix["criteria"] = criteria
    if leads:
        out.appendix["leads"] = leads
    # what kehoach prints without headers (render/appendices/scores.py)
    defaults = {"stt": "STT", "name": "Tiêu chí", "max": "Điểm tối đa", "lead": "Đơn vị chủ trì",
                "baseline": f"Kết quả năm {base_year or reader.year - 1}", "target": f"Chỉ tiêu năm {reader.year}"}
    order = ["stt", "name", "max", "baseline", "target", "lead"]  # as kehoach prints them
    groups = grid.header_groups(sorted(cols.values())) if sorted(cols, key=cols.get) == order else []
    if groups:  # the upper header row, as printed; the columns under a group print their own text
        printed = {key: grid.printed(col) for key, col in cols.items()}
    headers = {k: t for k, t in printed.items() if t and t != defaults.get(k)}
    if headers:
        out.appendix["headers"] = headers
    if groups:
        out.appendix["header_groups"] = groups
    if total_label and total_label != "Tổng cộng":
        out.appendix["total_label"] = total_label
    return out


def _criterion(reader, name: str, parent: str | None, where: str, notes: list[str]) -> str:
    """The catalogue criterion a row names (an area under the index, or a child of the row above it),
    else one the plan declares."""
    if parent is None:
        for root in reader.catalogue.indices:  # the whole index's row, printed with its catalogue name
            info = reader.catalogue.by_code.get(root)
            if info is not None and norm(name) in (norm(info.name), norm(info.short_name or "")):
                return root
        for root in reader.catalogue.indices:
            code, _ = reader.catalogue.match(name, parent=root)
            if code is not None:
                return reader.dimension(name, where, notes, parent=root)
    return reader.dimension(name, where, notes, parent=parent)


def _plain(value: Decimal) -> Decimal | int:
    """A whole number as an int (the YAML says 2, not 2.0)."""
    return int(value) if value == value.to_integral() else value


def _refuse(out: TableImport, why: str) -> TableImport:
    out.appendix = None
    out.targets = []
    out.notes.insert(0, why)
    return out
