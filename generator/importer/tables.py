"""Appendix tables → `tasks` (with dimensions from group rows or a dimension column), `scores`, or a
generic `table` that keeps every cell. Columns are mapped from the header texts."""
from __future__ import annotations

import re
from decimal import Decimal

from generator.render.context import TASK_COLUMNS
from generator.importer.agencies import AgencyBook, slug
from generator.importer.targets import Catalogue, norm
from generator.nd30.labels import LETTERED_NAME, ROMAN_CELL, TYPED_LABEL
from generator.importer.grid import PT_PER_CM, Grid, TableImport, grid_of, is_group, text_of
from generator.importer.score_tables import read_scores
from generator.word.model import Table
from generator.core.text import shorten

# header text → task column; first match wins, so the specific words come first ("Cơ quan chủ trì thực
# hiện" is the lead column, "Phối hợp thực hiện" the co column)
HEADER_RULES = [
    (r"ghi chú", "notes"),
    (r"^(stt|tt|số tt|số thứ tự)$", "stt"),
    (r"chủ trì", "lead"),
    (r"theo dõi|đôn đốc|giám sát", "notes"),  # "Theo dõi, kiểm tra, đôn đốc": kept under its printed header
    # (after "chủ trì": "Cơ quan chủ trì theo dõi" is a lead column)
    (r"thời gian|thời hạn|tiến độ|thời điểm", "timeframe"),
    (r"phối hợp|thực hiện", "co"),
    (r"sản phẩm", "output"),
    (r"chỉ tiêu|cần đạt|mục tiêu|yêu cầu|chất lượng", "indicator"),
    (r"kết quả", "output"),
    (r"nội dung thành phần|tiêu chí thành phần", "sub_dimension"),
    (r"^(chỉ số nội dung|chỉ số thành phần|lĩnh vực|yếu tố|chỉ số)$", "dimension"),
    (r"nhiệm vụ|nội dung|giải pháp|công việc|hoạt động", "content"),
]
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
    if "lead" not in out.values():
        # "Đơn vị thực hiện" with no "Chủ trì" column names who does the task: its lead
        for col, _span, text in header:
            low = " ".join(text.casefold().split())
            if out.get(col) == "co" and "phối hợp" not in low:
                out[col] = "lead"
                break
    return out


def heading_row(row, columns: dict[int, str]) -> bool:
    """A group row typed without merging: bold, only its number and its name filled, and the number a
    roman numeral or the name in capitals ("I | CẢI CÁCH THỂ CHẾ |  |  |")."""
    filled = [(c, lines, bold) for c, _, lines, bold in row if any(lines)]
    if not filled or len(filled) > 2 or not all(bold for _, _, bold in filled):
        return False
    texts = [" ".join(lines).strip() for _, lines, _ in filled]
    if len(filled) == 2 and columns.get(filled[0][0]) != "stt":
        return False
    letters = [ch for ch in texts[-1] if ch.isalpha()]
    return bool(ROMAN_CELL.match(texts[0]) and len(filled) == 2) or (bool(letters) and all(ch.isupper() for ch in letters))


# a table's name in quotes after its label: the label ends where its spaces start ("(?<!\s)"), and the line
# must end with a closing quote before the quoted name is looked for (each opening quote re-read the rest of
# a line that had none: quadratic; issue 22)
QUOTED_NAME = re.compile(r"^(?P<label>.*?)(?<!\s)\s*[“\"](?P<name>.+)[”\"]\s*[.:]?$")
QUOTED_END = re.compile(r"[”\"]\s*[.:]?$")
AGENCY_ROLE = re.compile(r"^\s*(?:[-+•]\s*)?(?P<role>chủ trì|phối hợp)\s*:\s*", re.IGNORECASE)  # one repeat a run


def _agency_lines(values: dict[str, list[str]]) -> dict[str, str]:
    """Lead and co texts of a row: each column's lines, a line that says 'Phối hợp: …' or 'Chủ trì: …'
    going to that role whatever column it sits in."""
    out: dict[str, list[str]] = {}
    for key in ("lead", "co"):
        for line in values.get(key, []):
            m = AGENCY_ROLE.match(line)
            role = ("lead" if m.group("role").casefold() == "chủ trì" else "co") if m else key
            if line[m.end():].strip() if m else line.strip():
                out.setdefault(role, []).append(line[m.end():] if m else line)
    return {key: "\n".join(lines) for key, lines in out.items()}


def _values(row, ordered: list[tuple[int, str]]) -> dict[str, list[str]]:
    """The lines under each mapped column; a cell spanning several mapped columns (one cell for
    'Chủ trì' and 'Phối hợp') belongs to the first of them only."""
    values, used = {}, set()
    for col, key in ordered:
        for c, span, lines, _ in row:
            if c <= col < c + span:
                values[key] = [] if c in used else lines
                used.add(c)
                break
        else:
            values[key] = []
    return values


# a lead or co cell that names no agency but where the agencies are named: "Theo phân công tại Quyết định
# số 12/QĐ-UBND", "Theo Kế hoạch số …", "Các cơ quan được giao tại …"
ASSIGNED_ELSEWHERE = re.compile(r"^\s*(?:theo\s|(?:các\s+)?(?:cơ quan|đơn vị)\s+(?:được\s+)?(?:giao|phân công)\s+tại\b)",
                                re.IGNORECASE)


class TableReader:
    def assigned_elsewhere(self, key: str, text: str, where: str, out: TableImport) -> str:
        """A TODO for agencies the table refers to another document for: kehoach cannot check Nơi nhận
        or roll a task over without them, and a sentence is not an agency (never declared as one)."""
        role = "chủ trì" if key == "lead" else "phối hợp"
        said = " ".join(text.split())
        out.warnings.append(f"{where}: ô {role} ghi “{shorten(said, 90)}”, không nêu tên cơ quan: ghi TODO để điền các cơ "
                            "quan được phân công ở văn bản đó (kehoach không coi câu này là một cơ quan)")
        out.todos.append(f"cơ quan {role} ({shorten(said, 60)})")
        return f"TODO: cơ quan {role} theo văn bản được dẫn (ô in: {said})"

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
        for own in self.own:  # under another parent, the same name is another criterion
            if norm(own["name"]) == norm(name) and (parent is None or own.get("parent", parent) == parent):
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

    def _whole_table(self, title: str, where: str, out: TableImport) -> str:
        """The criterion the tasks of a table without group rows are put under: the one the appendix's title
        names, else one of the plan's own under that name. Printed nowhere (group_rows: false), so said as a
        guess beside it: the drafter gives each task its real dimension."""
        fresh = len(self.own)
        code = self.dimension(title, where, [])
        own = self.own[fresh] if len(self.own) > fresh else None
        name = own["name"] if own else self.catalogue.by_code[code].name
        made = "khai báo tiêu chí riêng" if own else "xếp vào tiêu chí"
        out.guesses.append((f"bảng nhiệm vụ không có dòng nhóm (chỉ số nội dung): {made} '{code}' mang tên phụ lục "
                            f"“{shorten(name, 60)}” cho mọi nhiệm vụ của bảng (không in ra); hãy sửa 'dimension' của "
                            "từng nhiệm vụ thành chỉ số nội dung đúng", where, own if own else out.appendix))
        return code

    # ---------------------------------------------------------------- kinds of tables

    def read(self, table: Table, appendix_id: str, title: str, landscape: bool, where: str) -> TableImport:
        grid = grid_of(table)
        columns = map_columns(grid.header) or {}
        keys = set(columns.values())
        low = [norm(t) for _, _, t in grid.header]
        why = ""
        if any("tối đa" in h for h in low):
            scores = read_scores(self, grid, appendix_id, title, landscape, where)
            if scores.appendix is not None:
                return scores
            why = (f"{where}: bảng có cột 'Điểm tối đa' nhưng không đọc được thành bảng điểm ({scores.notes[0]}): "
                   "các chỉ tiêu trong bảng không được nhập; giữ thành bảng thường")
        elif "content" in keys and keys & {"lead", "co", "timeframe", "indicator", "output"}:
            notes: list[str] = []
            tasks = self.tasks(grid, columns, appendix_id, title, landscape, where, notes)
            if tasks is not None:
                return tasks
            if "lead" in keys:
                lead = next(t for c, _, t in grid.header if columns.get(c) == "lead")
                why = (f"{where}: bảng có cột '{lead}' nhưng không đọc được nhiệm vụ nào"
                       + (f" ({notes[-1]})" if notes else "") + ": giữ thành bảng thường")
        out = self.generic(grid, appendix_id, title, landscape, where)
        if why:
            out.warnings.append(why)
        return out

    def _base(self, appendix_id: str, kind: str, title: str, landscape: bool) -> dict:
        return {"id": appendix_id, "type": kind, "title": title,
                "orientation": "landscape" if landscape else "portrait"}

    def _group(self, row, rwhere: str, notes: list[str], group_names: dict) -> tuple[str | None, str, str]:
        """(label, code, number) of a group row: 'I | CÔNG KHAI, MINH BẠCH', 'Chỉ số “Công khai, minh
        bạch”', '1. Cải cách thể chế'. A name printed in capitals keeps the catalogue's name for the
        criterion and prints its own in this appendix (group_names)."""
        cells = [x for _, _, lines, _ in row for x in lines if x]
        number = ""
        if cells and (ROMAN_CELL.match(cells[0]) or re.fullmatch(r"\d+\.?", cells[0])) and len(cells) > 1:
            number = cells.pop(0)
        text = " ".join(cells)
        typed = TYPED_LABEL.match(text)
        if typed and not number:
            number = typed.group(0).strip()
        text = TYPED_LABEL.sub("", text).strip()
        quoted = QUOTED_NAME.match(text) if QUOTED_END.search(text) else None
        label, name = (quoted.group("label").strip() or None, quoted.group("name")) if quoted else (None, text)
        letters = [ch for ch in name if ch.isalpha()]
        if letters and all(ch.isupper() for ch in letters):
            code, _ = self.catalogue.match(name)
            if code is not None:
                group_names[code] = name
                return label, code, number
        return label, self.dimension(name, rwhere, notes), number

    def tasks(self, grid: Grid, columns: dict[int, str], appendix_id: str, title: str, landscape: bool,
              where: str, notes: list[str]) -> TableImport | None:
        ordered = sorted(columns.items())
        keys = [k for _, k in ordered]
        n_cols = max(len(grid.widths), len(grid.header))
        rows = grid.data_rows()

        def group(row) -> bool:
            return is_group(row, n_cols) or heading_row(row, columns)

        has_groups = any(group(row) for _, row in rows)
        unread = [(c, t) for c, _, t in grid.header if c not in columns
                  and any(col == c and lines for _, row in rows if not group(row) for col, _, lines, _ in row)]
        if unread and "notes" not in keys and len(unread) == 1:
            # one column the task model has no place for ("Kinh phí"): its cells are the notes, under its header
            columns = {**columns, unread[0][0]: "notes"}
            ordered = sorted(columns.items())
            keys = [k for _, k in ordered]
        elif unread:
            notes.append("cột " + ", ".join(f"'{t}'" for _, t in unread) + " không có chỗ trong nhiệm vụ")
            return None
        out = TableImport(self._base(appendix_id, "tasks", title, landscape))
        if not has_groups and "dimension" not in keys:
            # one run of tasks, no group row: they need a dimension all the same, one the plan declares
            # under the appendix's name, never printed as a row
            out.appendix["group_rows"] = False
        labels: list[str | None] = []
        grouped: list[tuple[str | None, str | None]] = []  # each group row's label and criterion
        numbers: list[str] = []
        group_names: dict[str, str] = {}
        current = None
        counters: dict[str, int] = {}
        stts: list[str] = []
        heading = None  # the criterion heading the tasks below belong to ('1.3 | Name' under field '1')
        for r, row in rows:
            rwhere = f"{where}, hàng {r}"
            if group(row):
                cells = [x for _, _, lines, _ in row for x in lines if x]
                under = re.fullmatch(r"(\d+)\.\d+\.?", cells[0]) if len(cells) > 1 else None
                if under and current and numbers and numbers[-1].rstrip(".") == under.group(1):
                    heading = self.sub_dimension(" ".join(cells[1:]), current, rwhere, out.notes)
                    out.appendix["sub_headings"] = True
                    continue
                label, current, number = self._group(row, rwhere, out.notes, group_names)
                labels.append(label)
                grouped.append((label, current))
                numbers.append(number)
                heading = None
                continue
            if not any(lines for _, _, lines, _ in row):
                continue
            task: dict = {}
            values = _values(row, ordered)
            dim = current
            if "dimension" in values and text_of(values["dimension"]):
                dim = self.dimension(text_of(values["dimension"]).replace("\n", " "), rwhere, out.notes)
            if dim is None:  # no group row (yet): the tasks of the whole table
                if has_groups:
                    out.notes.append(f"{rwhere}: dòng nhiệm vụ trước dòng nhóm đầu tiên: xếp vào nhóm "
                                     "mang tên phụ lục")
                if has_groups:
                    current = dim = self.dimension(title, rwhere, out.notes)
                else:
                    current = dim = self._whole_table(title, where, out)
            content = text_of(values.get("content", []))
            if content is None:
                notes.append(f"{rwhere}: dòng không có nội dung nhiệm vụ")
                return None
            stts.append(text_of(values.get("stt", [])) or "")
            counters[dim] = counters.get(dim, 0) + 1
            task["id"] = self.task_id(dim, counters[dim])
            task["dimension"] = dim
            subs = [x for x in values.get("sub_dimension", []) if x]
            if subs:
                codes = [self.sub_dimension(s, dim, rwhere, out.notes) for s in subs]
                task["sub_dimension"] = codes[0] if len(codes) == 1 else codes
            elif heading and dim == current:
                task["sub_dimension"] = heading
            task["content"] = content
            if text_of(values.get("indicator", [])):
                task["indicator"] = text_of(values["indicator"])
            for key, text in _agency_lines(values).items():
                if ASSIGNED_ELSEWHERE.match(text):
                    task[key] = [self.assigned_elsewhere(key, text, rwhere, out)]
                    continue
                names = self.agencies.split(text)
                for name in names:
                    self.agencies.declare(name, rwhere)
                task[key] = [self.agencies.spelled(name) for name in names]
            for key in ("timeframe", "output", "notes"):
                if text_of(values.get(key, [])):
                    task[key] = text_of(values[key])
            out.tasks.append(task)
        if not out.tasks:
            notes.append("không có dòng nhiệm vụ")
            return None
        if grid.numbers_row:
            out.notes.append(f"{where}: dòng đánh số cột dưới tiêu đề ((1), (2), …) không in lại")
        appendix = out.appendix
        appendix["columns"] = keys
        headers = {}
        for col, key in ordered:
            printed = grid.printed(col)
            if printed != TASK_COLUMNS[key][0]:
                headers[key] = printed
        if headers:
            appendix["headers"] = headers
        groups = grid.header_groups([col for col, _ in ordered])
        if groups:
            appendix["header_groups"] = groups  # the upper header row, as printed
        widths = {key: Decimal(str(round(sum(grid.widths[c:c + span]) / PT_PER_CM, 2)))
                  for c, span, _ in grid.header for col, key in ordered if c == col} if grid.widths else {}
        if len(set(widths.values())) > 1 and all(widths.values()) and not _as_kehoach_fits(widths, out.tasks,
                                                                                             landscape, self.printed_name):
            appendix["widths"] = widths  # the printed proportions, so the rebuilt table is as long
        if group_names:
            appendix["group_names"] = group_names
        seen = list(dict.fromkeys(t["dimension"] for t in out.tasks))
        if seen != sorted(seen, key=self._catalogue_order):
            appendix["group_order"] = "tasks"  # the printed order of the groups, not the catalogue's
        if numbers and all(re.fullmatch(r"\d+\.?", n) for n in numbers if n) and any(numbers):
            appendix["group_numbers"] = "arabic"
        if any(re.fullmatch(r"\d+(\.\d+)+\.?", s) for s in stts):
            appendix["numbering"] = "hierarchical"
        used = [x for x in labels if x]
        if used and len(set(used)) > 1 and all(self._level_word(label, code) for label, code in grouped):
            appendix["group_label"] = True  # each index's own word ('Chỉ số nội dung', 'Lĩnh vực'), as kehoach prints
        elif used:
            appendix["group_label"] = max(set(used), key=used.count)
            if len(set(labels)) > 1:
                out.notes.append(f"{where}: các dòng nhóm dùng chữ đầu khác nhau ({', '.join(sorted(set(used)))}); "
                                 f"kehoach in một chữ chung '{appendix['group_label']}'")
        return out

    def _level_word(self, label: str | None, code: str | None) -> bool:
        """Whether a group row's label is the catalogue's word for its criterion's level (none for an index)."""
        info = self.catalogue.by_code.get(code) if code else None
        if info is None:
            return False
        return not label if info.is_root else bool(label) and norm(label) == norm(info.level)

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

    def _catalogue_order(self, code: str) -> tuple:
        """Where kehoach puts a group: catalogue criteria by position, the plan's own after them."""
        chain, info = [], self.catalogue.by_code.get(code)
        while info is not None:
            chain.append(info.position)
            info = self.catalogue.by_code.get(info.parent) if info.parent else None
        own = [c["code"] for c in self.own]
        return (code.split(".")[0], code in own, tuple(reversed(chain)), own.index(code) if code in own else 0)

    def printed_name(self, code: str, lettered: bool = False) -> str:
        """The name kehoach prints for a criterion: the plan's own or renamed one, else the catalogue's
        ("c) Name" for a lettered one)."""
        own = next((c["name"] for c in self.own if c["code"] == code), None)
        info = self.catalogue.by_code.get(code)
        name = own or self.renamed.get(code) or (info.name if info else code)
        return f"{info.letter}) {name}" if lettered and info and not own else name

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

    def generic(self, grid: Grid, appendix_id: str, title: str, landscape: bool, where: str) -> TableImport:
        """Every cell kept, laid out as printed: column widths in proportion, bold rows, group rows,
        cells merged across (spans.columns) and down (spans.rows, the covered cells left empty)."""
        out = TableImport(self._base(appendix_id, "table", title, landscape))
        columns, ids = [], {}
        for col, span, _ in grid.header:
            text = grid.printed(col)
            cid = slug(text, 3) if text else f"cot-{col + 1}"
            while cid in ids.values():
                cid += "-2"
            ids[col] = cid
            entry: dict = {"id": cid, "header": text or "–"}  # a header cell left empty
            width = sum(grid.widths[col:col + span]) / PT_PER_CM if grid.widths else 0
            if width > 0:
                entry["width"] = Decimal(str(round(width, 2)))
            align = grid.aligns.get(col)
            if align and align != "left":
                entry["align"] = align
            columns.append(entry)
        if len({c.get("width") for c in columns}) == 1:
            for c in columns:  # equal widths are what kehoach prints without any
                c.pop("width", None)
        if not columns:
            columns = [{"id": "noi-dung", "header": "Nội dung"}]
            ids = {0: "noi-dung"}
        starts = sorted(ids)

        def key_of(col: int) -> str:
            return ids.get(col) or next((ids[c] for c in reversed(starts) if c <= col), columns[0]["id"])

        rows = []
        for i, row in enumerate(grid.rows):
            cells, spans, bolds = {}, {}, []
            group = is_group(row, max(len(grid.widths), len(grid.header)))
            for col, span, lines, bold in row:
                if (i, col) in grid.merged:
                    continue  # printed once, in the first row of the merge
                key = key_of(col)
                text = text_of(lines)
                if text is not None:
                    cells[key] = cells[key] + "\n" + text if key in cells else text
                    bolds.append(bold)
                width = len([c for c in starts if col <= c < col + span]) or 1
                down = grid.down.get((i, col), 1)
                if not group and (width > 1 or down > 1) and key not in spans:
                    spans[key] = {k: v for k, v in (("columns", width), ("rows", down)) if v > 1}
            if not cells and not spans:
                continue
            if not cells:
                cells[key_of(row[0][0])] = "–" if not rows else ""
            entry = {"id": f"r{len(rows) + 1}", "cells": cells}
            if group:
                entry["group"] = True  # kehoach prints its filled cells, the last one spanning the row
            elif bolds and all(bolds):
                entry["bold"] = True
            if spans:
                entry["spans"] = spans
            rows.append(entry)
        _fit_spans(rows, len(columns))
        if not rows:
            rows = [{"id": "r1", "cells": {columns[0]["id"]: "–"}}]
        out.appendix["columns"] = columns
        groups = grid.header_groups(sorted(ids)) if len(columns) == len(ids) else []
        if groups:
            out.appendix["header_groups"] = groups  # the upper header row, as printed
        out.appendix["rows"] = rows
        out.notes.append(f"{where}: bảng không phải bảng nhiệm vụ hay bảng điểm: giữ thành bảng thường "
                         f"({len(rows)} dòng, {len(columns)} cột)")
        return out


def _fit_spans(rows: list[dict], n_columns: int) -> None:
    """A merge downwards stops at a group row or the end of the table (rows dropped as empty)."""
    for r, row in enumerate(rows):
        for key, span in row.get("spans", {}).items():
            n = span.get("rows", 1)
            k = 1
            while k < n and r + k < len(rows) and not rows[r + k].get("group"):
                k += 1
            if k < n:
                span["rows"] = k
                if k == 1:
                    del span["rows"]
        row["spans"] = {k: v for k, v in row.get("spans", {}).items() if v}
        if not row["spans"]:
            del row["spans"]


def _as_kehoach_fits(widths: dict[str, Decimal], tasks: list[dict], landscape: bool, name_of) -> bool:
    """Whether kehoach, given these tasks, would print about these column widths itself (a table it
    built): then the plan needs no `widths`. Compared in proportion, STT aside (its width is fixed)."""
    from generator.nd30 import LANDSCAPE_TEXT_W, PORTRAIT_TEXT_W
    from generator.render.appendices.common import fit_to_content, scale_columns
    from generator.render.model import Cell, Column, Row, Table as Printed

    keys = list(widths)
    columns = [Column(k, "", max(TASK_COLUMNS[k][1], 1.3) if k == "stt" else TASK_COLUMNS[k][1], "left", k == "stt")
               for k in keys]
    printed = Printed("x", "", "", "", landscape, scale_columns(columns, LANDSCAPE_TEXT_W if landscape
                                                                else PORTRAIT_TEXT_W))
    for n, task in enumerate(tasks, start=1):
        def text(k: str) -> str:
            if k == "stt":
                return str(n)
            if k in ("lead", "co"):
                return "; ".join(task.get(k, []))
            if k in ("dimension", "sub_dimension"):
                codes = task.get(k) or []
                return "\n".join(name_of(c, k == "sub_dimension")
                                  for c in ([codes] if isinstance(codes, str) else codes))
            return str(task.get(k) or "")

        texts = [text(k) for k in keys]
        printed.rows.append(Row("data", tuple(Cell((t,)) for t in texts)))
    fit_to_content(printed)
    ours = {c.key: c.width_cm for c in printed.columns if c.key != "stt"}
    theirs = {k: float(w) for k, w in widths.items() if k != "stt"}
    total_ours, total_theirs = sum(ours.values()), sum(theirs.values())
    return all(abs(ours[k] / total_ours - theirs[k] / total_theirs) < 0.005 for k in ours)  # rounding

