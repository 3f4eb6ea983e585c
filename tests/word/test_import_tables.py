"""kehoach import on appendix tables laid out as real offices lay them out (issue 19, tables): a task
table with a lead column becomes tasks, a score table becomes targets, any other table keeps its
layout; a table holding structure that was not read says so. The files are the seed plan with its
appendix table replaced (tests/office/make_tables.py), with contents of our own."""
from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from generator.importer.importer import import_document
from generator.importer.recall import document_words, rebuilt_document, recall
from generator.plan.validate import load_plan
from generator.render.appendices import appendix_table
from generator.render.lookups import Lookups
from generator.word import read_docx
from tests.office.make_tables import SCORE_TRUTH, TASK_TRUTH, TASK_WIDTHS, make_table_plan
from tests.word.test_importer import fill_todos, write_plan


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    out = tmp_path_factory.mktemp("table-office")
    done = {}

    def get(kind, mutate=None):
        key = (kind, mutate)
        if key not in done:
            path = make_table_plan(out / f"{kind}.docx", kind)
            doc = read_docx(path).value
            done[key] = (doc, import_document(doc, plan_id=f"bang-{kind}"))
        return done[key]

    return get


def _names(result, refs: list[str]) -> list[str]:
    """Agency references as printed names (the plan's own declarations, else the reference itself)."""
    own = {a["id"]: a["name"] for a in result.data.get("agencies", [])}
    return [own.get(r, r) for r in refs]


def test_task_table_with_lead_column_becomes_tasks(imported):
    _, result = imported("task")
    tasks = result.data["tasks"]
    assert len(tasks) == len(TASK_TRUTH)
    appendix = result.data["appendices"][0]
    assert appendix["type"] == "tasks"
    assert appendix["columns"] == ["stt", "content", "output", "timeframe", "lead", "co", "notes"]
    # the printed headers, the follow-up column among them, are kept
    assert appendix["headers"]["lead"] == "Chủ trì thực hiện"
    assert appendix["headers"]["notes"] == "Theo dõi, kiểm tra, đôn đốc"
    groups = {code: name for code, name in appendix["group_names"].items()}
    for task, (group, start, lead, co) in zip(tasks, TASK_TRUTH):
        assert task["content"].startswith(start)
        assert _names(result, task.get("lead", [])) == lead, task
        assert _names(result, task.get("co", [])) == co, task
        if task["dimension"] in groups:
            assert groups[task["dimension"]] == group
    # group rows in capitals name catalogue dimensions: the catalogue's name stays, the printed one is the row's
    assert [t["dimension"] for t in tasks[:6]] == ["papi.2"] * 3 + ["papi.3"] * 3
    # a group the catalogue lacks is declared by the plan
    own = {c["code"]: c["name"] for c in result.data["criteria"]}
    assert own[tasks[6]["dimension"]] == "NHIỆM VỤ CHUNG"


def test_task_table_cells_merged_spread_and_paragraphs_kept(imported):
    _, result = imported("task")
    tasks = result.data["tasks"]
    # two paragraphs in one cell stay two lines
    assert tasks[0]["content"] == "Công khai danh sách hộ nghèo tại nhà văn hóa thôn.\nCập nhật danh sách mỗi quý."
    # a lead merged down two rows is the lead of both
    assert tasks[2]["lead"] == tasks[1]["lead"]
    # one cell across Chủ trì and Phối hợp: the agencies lead, nobody is both lead and co
    assert "co" not in tasks[3]
    # rows sharing a merged STT and task: two tasks, each with its own product and lead
    assert tasks[4]["content"] == tasks[5]["content"]
    assert tasks[4]["output"] != tasks[5]["output"] and tasks[4]["lead"] != tasks[5]["lead"]
    assert tasks[0]["timeframe"] == "Hằng quý" and tasks[0]["output"] == "Danh sách được niêm yết"
    assert tasks[0]["notes"] == "Văn phòng Ủy ban nhân dân tỉnh"  # the follow-up agency


def test_task_table_plan_validates_and_rebuilds_every_word(imported, tmp_path):
    doc, result = imported("task")
    plan, _ = load_plan(write_plan(fill_todos(result.data), tmp_path / "task.yaml"))
    assert len(plan.tasks) == len(TASK_TRUTH)
    rebuilt = document_words(rebuilt_document(result.data))
    assert recall(document_words(doc), rebuilt) >= 0.99
    # the appendix is generated from the tasks: three group rows, seven task rows
    table = appendix_table(Lookups(plan), plan.appendices[0])
    kinds = [row.kind for row in table.rows]
    assert kinds.count("group") == 3 and kinds.count("data") == 7
    # the printed column widths are kept (in proportion: the table is scaled to the page)
    assert result.data["appendices"][0]["widths"]["content"] == Decimal("8.0")
    widths = [c.width_cm for c in table.columns]
    printed = TASK_WIDTHS
    for i in range(2, len(widths)):  # STT keeps its fixed width
        assert widths[i] / widths[1] == pytest.approx(printed[i] / printed[1], rel=0.02)


def test_score_table_gives_targets_with_baseline_year_and_leads(imported):
    _, result = imported("score")
    appendix = result.data["appendices"][0]
    assert appendix["type"] == "scores"
    assert appendix["headers"]["target"] == "Mục tiêu năm 2020"
    assert appendix["total_label"] == "Tổng điểm"
    by_code = {t["criterion"]: t for t in result.data["targets"]}
    # the sub-criteria rows (the body states no target for them): values of the table, baseline year from its header
    sub = by_code["papi.2.a"]
    assert sub["target"] == Decimal("1.10") and sub["baseline"] == {"year": 2019, "value": Decimal("0.95")}
    assert by_code["papi.2.b"]["target"] == Decimal("1.70")
    # a row naming a responsible agency: that criterion's lead
    leads = {code: _names(result, refs) for code, refs in appendix["leads"].items()}
    assert leads == {"papi.2": SCORE_TRUTH[0][4], "papi.2.a": SCORE_TRUTH[1][4], "papi.2.b": SCORE_TRUTH[2][4],
                     "papi.3": SCORE_TRUTH[3][4]}
    # a criterion the catalogue lacks is declared, under the area above it, with its target
    own = {c["code"]: c for c in result.data["criteria"]}
    extra = next(c for c in own.values() if c["name"] == "Mức độ và hiệu quả tiếp xúc với chính quyền")
    assert extra["parent"] == "papi.3"
    assert by_code[extra["code"]]["target"] == Decimal("1.70")


def test_plain_table_keeps_widths_bold_rows_and_merges(imported):
    _, result = imported("plain")
    appendix = result.data["appendices"][0]
    assert appendix["type"] == "table"
    widths = [c["width"] for c in appendix["columns"]]
    assert widths == [Decimal("1.2"), Decimal("3.0"), Decimal("11.0"), Decimal("4.0")]
    rows = appendix["rows"]
    # merged down: printed once, spanning two rows, nothing repeated below
    assert rows[0]["spans"] == {"thoi-gian": {"rows": 2}} and "thoi-gian" not in rows[1]["cells"]
    assert rows[2].get("group") and rows[2]["cells"] == {"stt": "ĐỢT HAI"}
    assert rows[3].get("bold") and not rows[0].get("bold")
    assert rows[4]["spans"] == {"thoi-gian": {"columns": 2}} and rows[4]["cells"]["thanh-phan"] == "Tổng kết năm"


def test_plain_table_rebuilds_with_its_layout(imported, tmp_path):
    _, result = imported("plain")
    plan, _ = load_plan(write_plan(fill_todos(result.data), tmp_path / "plain.yaml"))
    table = appendix_table(Lookups(plan), plan.appendices[0])
    widths = [c.width_cm for c in table.columns]
    assert widths[2] > 3 * widths[1] > 3 * widths[0]  # in proportion, not equal
    data = [row for row in table.rows if row.kind == "data"]
    assert data[0].cells[1].merge == "restart" and data[1].cells[1].merge == "continue"
    assert data[2].bold and not data[0].bold
    assert data[3].cells[1].span == 2


def test_flat_task_table_becomes_tasks_without_group_rows(imported, tmp_path):
    _, result = imported("flat")
    tasks = result.data["tasks"]
    assert [(_names(result, t["lead"]), _names(result, t.get("co", []))) for t in tasks] == [
        (["Văn phòng Ủy ban nhân dân tỉnh"], ["Các Sở, Ban, ngành"]),
        (["Sở Nội vụ"], ["Sở Thông tin và Truyền thông", "Báo Quảng Nam"])]
    assert tasks[0]["indicator"] == "100% thủ tục được rà soát" and tasks[1]["timeframe"] == "Quý IV/2020"
    appendix = result.data["appendices"][0]
    assert appendix["type"] == "tasks" and appendix["group_rows"] is False
    assert appendix["headers"]["lead"] == "Cơ quan chủ trì thực hiện"
    plan, _ = load_plan(write_plan(fill_todos(result.data), tmp_path / "flat.yaml"))
    table = appendix_table(Lookups(plan), plan.appendices[0])
    assert [row.kind for row in table.rows] == ["data", "data"]  # as printed: no group row added
    assert [row.cells[0].lines for row in table.rows] == [("1",), ("2",)]


def test_lead_column_without_tasks_is_a_warning(imported):
    """A table with a lead column that gives no task (a row without a task in it) says so, and keeps
    every cell in a generic table."""
    _, result = imported("broken")
    appendix = result.data["appendices"][0]
    assert appendix["type"] == "table" and "tasks" not in result.data
    warnings = [m.text for m in result.notes if m.level == "warning" and "Đơn vị chủ trì" in m.text]
    assert len(warnings) == 1 and "không đọc được nhiệm vụ nào" in warnings[0], warnings


LONG_UNKNOWN = ("Các đơn vị sự nghiệp công lập thuộc Ủy ban nhân dân tỉnh thực hiện nhiệm vụ cải cách hành chính "
                "năm 2021 và các cơ quan báo chí của tỉnh")
SPLITS = [
    # names no registry knows: split only where every piece starts like an agency, capitalised
    (None, "Công an tỉnh, Sở Y tế, Sở Giáo dục và Đào tạo", ["Công an tỉnh", "Sở Y tế", "Sở Giáo dục và Đào tạo"]),
    (None, "Sở Nông nghiệp và Môi trường, Sở Tài chính", ["Sở Nông nghiệp và Môi trường", "Sở Tài chính"]),
    (None, "Sở Văn hoá, Thể thao và Du lịch", ["Sở Văn hoá, Thể thao và Du lịch"]),
    (None, "Sở Lao động, Thương binh và Xã hội", ["Sở Lao động, Thương binh và Xã hội"]),
    (None, "Ủy ban nhân dân các xã, phường, đặc khu", ["Ủy ban nhân dân các xã, phường, đặc khu"]),
    (None, "Các sở, ban, ngành, địa phương", ["Các sở, ban, ngành, địa phương"]),
    (None, "Sở Khoa học và Công nghệ", ["Sở Khoa học và Công nghệ"]),
    # a known agency beside "các địa phương" (KH07 5.1 gives two leads)
    ("quang-nam", "Công an tỉnh và các địa phương", ["Công an tỉnh", "các địa phương"]),
    ("quang-nam", "Sở Tài chính; Sở Nội vụ", ["Sở Tài chính", "Sở Nội vụ"]),
    # a cell over 120 characters, no piece known, the second in lower case: one name, its "và" kept, never
    # two guessed agencies (fresh mutant f5-import-split-unknown-pieces)
    ("hung-yen", LONG_UNKNOWN, [LONG_UNKNOWN]),
]


@pytest.mark.parametrize("registry,text,names", SPLITS)
def test_agency_cells_split_into_agencies(registry, text, names):
    from generator.importer.agencies import AgencyBook

    assert AgencyBook(registry, 2026).split(text) == names


def test_page_counts_of_original_and_rebuilt(imported, tmp_path):
    """The numbers the summary compares: the rebuilt plan with its tables kept is about as long as the
    original (LibreOffice pages of both), and a difference over a tenth is a sentence."""
    from tests.word.docx_factory import make_docx, p, sect

    from generator.importer.pages import pages_note, pdf_pages, printed_pages, rebuilt_pages
    from generator.render.pdf import docx_to_pdf

    for kind in ("task", "plain"):
        doc, result = imported(kind)
        original = docx_to_pdf(make_table_plan(tmp_path / f"{kind}.docx", kind), tmp_path)
        pages = rebuilt_pages(result.data), pdf_pages(original.read_bytes())
        assert None not in pages and pages_note(*pages) is None, pages  # within a tenth
    # the count a file's editor saved; python-docx keeps its template's "1 page, 0 words": no count
    assert printed_pages(tmp_path / "plain.docx") is None
    saved = make_docx(tmp_path / "saved.docx", p("x") + sect(), extra_parts={
        "docProps/app.xml": b"<Properties><Pages>31</Pages><Words>9000</Words></Properties>"})
    assert printed_pages(saved) == 31
    assert pages_note(30, 37) is not None and "37 trang" in pages_note(30, 37)
    assert pages_note(30, 33) is None and pages_note(None, 37) is None


def test_task_table_in_another_hand(imported):
    """Two header rows, group rows typed without merging, 'Phối hợp: …' inside the lead cell, and a
    column the task model has no place for ('Kinh phí', kept as the notes under its header)."""
    _, result = imported("two")
    tasks = result.data["tasks"]
    assert [t["content"][:20] for t in tasks] == ["Số hóa hồ sơ, kết qu", "Công bố danh mục thủ", "Niêm yết công khai t"]
    assert tasks[0]["lead"] == ["Văn phòng Ủy ban nhân dân tỉnh"] and tasks[0]["co"] == ["Sở Thông tin và Truyền thông"]
    assert tasks[1]["co"] == ["Các Sở, Ban, ngành"] and tasks[2]["lead"] == ["Sở Nội vụ"]
    assert tasks[0]["notes"] == "Ngân sách tỉnh" and tasks[0]["timeframe"] == "Năm 2020"
    assert tasks[2]["dimension"] == "papi.2" and tasks[0]["dimension"] != "papi.2"
    appendix = result.data["appendices"][0]
    # the group header above them is kept as the plan's upper header row, not joined to their texts
    assert appendix["headers"]["lead"] == "Chủ trì" and appendix["headers"]["co"] == "Phối hợp"
    assert appendix["header_groups"][1] == {"text": "Cơ quan thực hiện", "span": 2}
    assert appendix["headers"]["notes"] == "Kinh phí"


def test_score_table_numbered_with_dots(imported):
    _, result = imported("score-dotted")
    appendix = result.data["appendices"][0]
    assert appendix["type"] == "scores" and appendix["criteria"] == ["papi.2", "papi.3"]
    assert appendix["total_label"] == "Cộng"
    by_code = {t["criterion"]: t for t in result.data["targets"]}
    assert by_code["papi.2.a"]["baseline"] == {"year": 2019, "value": Decimal("0.95")}
    own = next(c for c in result.data["criteria"] if c["name"].startswith("Người dân được tiếp cận"))
    assert own["parent"] == "papi.2.a"  # 1.1.1 under 1.1
    assert by_code[own["code"]]["target"] == Decimal("0.50") and by_code[own["code"]]["max"] == Decimal("1.25")
    assert appendix["leads"][own["code"]] == ["Sở Tư pháp", "Sở Thông tin và Truyền thông"]


def test_column_number_row_is_no_task_and_is_said(imported):
    _, result = imported("task")
    assert not any(t["content"].startswith("(") for t in result.data["tasks"])
    assert any("dòng đánh số cột" in m.text for m in result.notes)


def test_score_table_without_targets_is_a_warning(imported):
    _, result = imported("score-empty")
    assert result.data["appendices"][0]["type"] == "scores"
    warnings = [m.text for m in result.notes if m.level == "warning" and "bảng điểm" in m.text]
    assert len(warnings) == 1 and "Mục tiêu năm 2020" in warnings[0], warnings


def test_groups_keep_their_printed_order(imported, tmp_path):
    """'CẢI CÁCH THỦ TỤC HÀNH CHÍNH' (the plan's own) comes before 'CÔNG KHAI, MINH BẠCH' (papi.2) in the
    table: the rebuilt appendix keeps that order, not the catalogue's."""
    _, result = imported("two")
    appendix = result.data["appendices"][0]
    assert appendix["group_order"] == "tasks"
    plan, _ = load_plan(write_plan(fill_todos(result.data), tmp_path / "two.yaml"))
    table = appendix_table(Lookups(plan), plan.appendices[0])
    groups = [row.cells[-1].lines[0] for row in table.rows if row.kind == "group"]
    assert groups == ["CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "CÔNG KHAI, MINH BẠCH"]
    # a table already in catalogue order says nothing
    _, result = imported("task")
    assert "group_order" not in result.data["appendices"][0]


def test_lead_cell_pointing_to_another_document_is_a_todo_not_an_agency(imported):
    """"Theo phân công tại Quyết định số 45/QĐ-UBND …" in the Chủ trì column names no agency: the task's lead
    is a TODO quoting the cell (kehoach checks Nơi nhận and rolls tasks over by agency), said in the summary;
    nothing is declared as an agency from it."""
    _, result = imported("assigned")
    tasks = result.data["tasks"]
    assert len(tasks) == 2
    assert len(tasks[0]["lead"]) == 1 and tasks[0]["lead"][0].startswith("TODO: cơ quan chủ trì")
    assert "Quyết định số 45/QĐ-UBND" in tasks[0]["lead"][0]
    assert not tasks[0]["co"][0].startswith("TODO")  # the co cell of that row names agencies: read as usual
    assert tasks[1]["co"][0].startswith("TODO: cơ quan phối hợp") and tasks[1]["lead"] == ["Sở Nội vụ"]
    declared = [a["name"] for a in result.data.get("agencies", [])]
    assert not any(name.startswith(("Theo", "Các cơ quan được giao")) for name in declared)
    assert len(result.todos) == 2
    said = [m.text for m in result.notes if m.level == "warning"]
    assert sum("không nêu tên cơ quan" in text for text in said) == 2


def test_task_table_that_is_all_its_section_holds_is_named_after_it(tmp_path):
    """A task table in the body, right under "II. NỘI DUNG VÀ THỜI GIAN THỰC HIỆN" and nothing else there
    (seen in a real plan): kehoach prints tables as appendices, so it becomes one named after the section,
    which points to it; no TODO is left for its name and the plan validates."""
    from tests.office.make_tables import make_body_table_plan

    doc = read_docx(make_body_table_plan(tmp_path / "bang-trong-noi-dung.docx")).value
    result = import_document(doc, plan_id="bang-trong-noi-dung")
    (appendix,) = result.data["appendices"]
    assert appendix["type"] == "tasks" and appendix["title"] == "NỘI DUNG VÀ THỜI GIAN THỰC HIỆN"
    assert len(result.data["tasks"]) == 2
    section = next(s for s in result.data["sections"] if s["title"] == "NỘI DUNG VÀ THỜI GIAN THỰC HIỆN")
    assert section["content"] == [{"appendix": appendix["id"]}]
    assert result.todos == []
    plan, messages = load_plan(write_plan(result.data, tmp_path / "bang.yaml"))
    assert not [m for m in messages if m.level == "error"]


def test_units_named_in_lower_case_split_from_each_other():
    """"BCH Quân sự, phòng Tổng hợp" in a Thực hiện cell (a real plan of a company's unit) is two units:
    'phòng'/'BCH' start an agency's name; names with commas of their own stay whole."""
    from generator.importer.agencies import AgencyBook

    book = AgencyBook("quang-nam", 2024)
    assert book.split("BCH Quân sự, phòng Tổng hợp") == ["BCH Quân sự", "phòng Tổng hợp"]
    assert book.split("Sở Văn hóa, Thể thao và Du lịch") == ["Sở Văn hóa, Thể thao và Du lịch"]
    assert book.split("Phòng Tư pháp, Phòng Nội vụ") == ["Phòng Tư pháp", "Phòng Nội vụ"]


def test_two_row_header_imported_as_header_groups(imported):
    """A group header cell over two column headers ("Kết quả năm 2025" over "Điểm | Xếp hạng") came back
    as one header row of joined texts ("Kết quả năm 2025 Điểm")."""
    _, result = imported("grouped")
    appendix = result.data["appendices"][0]
    assert appendix["type"] == "table"
    assert [c["header"] for c in appendix["columns"]] == ["STT", "Đơn vị", "Điểm", "Xếp hạng", "Ghi chú"]
    assert appendix["header_groups"] == [{"span": 2}, {"text": "Kết quả năm 2025", "span": 2}, {"span": 1}]
    # a task table's two-row header: the group over the lead and co columns, their own headers below
    _, result = imported("two")
    tasks = result.data["appendices"][0]
    assert tasks["type"] == "tasks"
    assert tasks["header_groups"] == [{"span": 2}, {"text": "Cơ quan thực hiện", "span": 2}, {"span": 2}]
    assert tasks["headers"]["lead"] == "Chủ trì" and tasks["headers"]["co"] == "Phối hợp"


def test_two_row_header_rebuilds_as_two_header_rows(imported, tmp_path):
    """The rebuilt .docx (read back with the Word reader) and .xlsx have the two header rows, merged as
    printed: the group across its columns, the other columns down over both rows; every word is there."""
    import io

    from openpyxl import load_workbook

    from generator.render.context import build_context
    from generator.render.templates import default_template
    from generator.render.xlsx import render_xlsx

    for kind, group, first in (("grouped", "Kết quả năm 2025", 2), ("two", "Cơ quan thực hiện", 2)):
        doc, result = imported(kind)
        rebuilt = rebuilt_document(result.data)
        assert recall(document_words(doc), document_words(rebuilt)) >= 0.99
        table = rebuilt.tables[-1]
        top, bottom = table.rows[0], table.rows[1]
        assert top.is_header and bottom.is_header and not table.rows[2].is_header
        texts = [c.paragraphs[0].text if c.paragraphs else "" for c in top.cells]
        grouped = next(c for c in top.cells if c.paragraphs and c.paragraphs[0].text == group)
        assert grouped.grid_span == 2 and grouped.col == first, texts
        assert [c.v_merge for c in top.cells if c is not grouped] == ["restart"] * (len(top.cells) - 1)
        assert [c.col for c in bottom.cells if c.v_merge is None] == [first, first + 1]
        assert all(c.v_merge == "continue" for c in bottom.cells if c.col not in (first, first + 1))

        plan, _ = load_plan(write_plan(fill_todos(result.data), tmp_path / f"{kind}.yaml"))
        blob = render_xlsx(build_context(plan), default_template("phuluc.xlsx"))
        ws = load_workbook(io.BytesIO(blob)).worksheets[0]
        merged = {str(r) for r in ws.merged_cells.ranges}
        letter = "ABCDEF"[first]
        assert f"{letter}5:{'ABCDEF'[first + 1]}5" in merged and "A5:A6" in merged and "B5:B6" in merged
        assert ws.cell(5, first + 1).value == group and ws.cell(6, 1).value is None
        assert ws.print_title_rows == "$5:$6"


def test_score_table_with_two_row_header_keeps_its_targets_and_groups(imported):
    """'Điểm' over 'Tối đa | Năm 2019 | Mục tiêu năm 2020': the targets, baseline year included, are read
    from the joined texts; the rebuilt table prints the group above the three columns."""
    _, result = imported("score-two")
    appendix = result.data["appendices"][0]
    assert appendix["type"] == "scores"
    assert appendix["header_groups"] == [{"span": 2}, {"text": "Điểm", "span": 3}, {"span": 1}]
    assert [appendix["headers"][k] for k in ("max", "baseline", "target")] == ["Tối đa", "Năm 2019",
                                                                               "Mục tiêu năm 2020"]
    by_code = {t["criterion"]: t for t in result.data["targets"]}
    assert by_code["papi.2.a"]["baseline"] == {"year": 2019, "value": Decimal("0.95")}
    table = rebuilt_document(result.data).tables[-1]
    top = [(c.paragraphs[0].text, c.grid_span, c.v_merge) for c in table.rows[0].cells]
    assert top == [("STT", 1, "restart"), ("Lĩnh vực/Tiêu chí", 1, "restart"), ("Điểm", 3, None),
                   ("Chủ trì tham mưu", 1, "restart")]
    assert [c.paragraphs[0].text for c in table.rows[1].cells if c.v_merge is None] == [
        "Tối đa", "Năm 2019", "Mục tiêu năm 2020"]


def test_reviewed_tables_with_two_header_rows_found_without_their_tags(tmp_path):
    """`import --onto` finds a reviewed table whose bookmarks Word lost by its header: with an upper header
    row that is the first row ('STT | … | Cơ quan thực hiện | …'), not the column headers."""
    from pathlib import Path

    from generator.render.context import build_context
    from generator.render.docx import render_docx
    from generator.render.templates import default_template
    from generator.word import read_docx as read
    from generator.workflow.review.matching import match_tables

    plan, _ = load_plan(Path(__file__).resolve().parents[1] / "corpus" / "tasks-layout.yaml")
    ctx = build_context(plan)
    assert ctx.tables[0].header_groups and ctx.tables[1].header_groups
    built = tmp_path / "built.docx"
    built.write_bytes(render_docx(ctx, default_template("kehoach.docx")))
    doc = read(built).value
    for table in doc.tables:
        for row in table.rows:
            row.bookmarks.clear()  # as after an editor that drops bookmarks
    found = [t for _, t in match_tables(doc, ctx, {})]
    assert found[:2] == [0, 1]


@pytest.mark.parametrize("co_header,key", [("Đơn vị phối hợp", "co"), ("Đơn vị thực hiện", "lead"),
                                           ("Cơ quan phối hợp thực hiện", "co")])
def test_without_a_lead_column_only_a_doing_column_becomes_the_lead(co_header, key):
    """No "chủ trì" column: "Đơn vị thực hiện" names who does the task (its lead), but a "phối hợp" column
    stays the co-operating agencies (fresh mutant g-import-lead-from-co made them all the lead: 25 tasks of
    a real plan imported with a false lead)."""
    from generator.importer.tables import map_columns

    header = [(0, 1, "STT"), (1, 1, "Nhiệm vụ"), (2, 1, co_header), (3, 1, "Thời gian thực hiện")]
    assert map_columns(header) == {0: "stt", 1: "content", 2: key, 3: "timeframe"}


def test_score_table_whose_result_column_names_no_year_gives_targets_without_baselines(tmp_path, monkeypatch):
    """A result column headed "Kết quả năm trước" names no year: the table's rows give targets without a
    baseline (a baseline needs its year; one without would make the written plan fail `validate`) and the
    import says so (fresh mutant f5-import-score-baseline-without-year)."""
    from tests.office import make_tables

    def rows():
        table = make_tables.score_rows()
        table[0][3] = make_tables.cell("Kết quả năm trước", bold=True, align="center")
        return table
    monkeypatch.setitem(make_tables.KINDS, "score-no-year", (make_tables.SCORE_WIDTHS, rows, 1))
    doc = read_docx(make_table_plan(tmp_path / "score-no-year.docx", "score-no-year")).value
    result = import_document(doc, plan_id="bang-score-no-year")
    targets = {t["criterion"]: t for t in result.data["targets"]}
    assert targets["papi.2.a"]["target"] == Decimal("1.10")
    # the sub-criteria rows (the body states no target for them): the table's target, no baseline
    assert [targets[c].get("baseline") for c in ("papi.2.a", "papi.2.b")] == [None, None]
    assert any("cột 'Kết quả năm trước' không ghi năm: kết quả năm gốc không được nhập" in m.text
               for m in result.notes)
    load_plan(write_plan(fill_todos(result.data), tmp_path / "no-year.yaml"))


def test_the_todo_list_quotes_a_long_cell_without_cutting_its_date():
    """KH01's appendix (row 46): "Theo phân công tại Quyết định số 1737/QĐ-UBND ngày 17/10/2025 của Chủ tịch
    UBND tỉnh". The summary's TODO list printed "(… ngày 17/10/202)": a year the drafter never wrote."""
    from generator.importer.grid import TableImport
    from generator.importer.tables import TableReader

    said = "Theo phân công tại Quyết định số 1737/QĐ-UBND ngày 17/10/2025 của Chủ tịch UBND tỉnh"
    out = TableImport(None)
    value = TableReader.assigned_elsewhere(None, "lead", said, "phụ lục, hàng 46", out)
    assert said in value  # the YAML's TODO keeps the whole cell
    for text in out.todos + out.warnings:
        for date in re.findall(r"\d+/\d+/\d+", text):
            assert re.search(rf"(?<![\d/]){date}(?![\d/])", said), (date, text)
    assert "17/10/202)" not in out.todos[0] and "…" in out.todos[0]


def test_layered_task_table_reads_back_its_criterion_headings_and_numbers(tmp_path):
    """A layered task appendix kehoach built ('1 | CÔNG TÁC…', tasks 1.1, 1.2 with no criterion, criterion
    heading '1.3 | Kế hoạch…', tasks 1.3.1): import reads the heading as the criterion of the tasks below it
    (sub_headings), not as a new group named '1.3 Kế hoạch…', and the rebuilt table prints the same numbers;
    the score appendix after it keeps its rows of that criterion (a criterion of the same name under another
    parent is another one)."""
    import yaml

    from generator.render.context import build_context
    from generator.render.docx import render_docx
    from generator.render.templates import default_template

    corpus = Path(__file__).resolve().parents[1] / "corpus"
    data = yaml.safe_load((corpus / "par-2019.yaml").read_text(encoding="utf-8"))
    data["tasks"][:0] = [{"id": f"chung-{n}", "dimension": "par.1", "content": f"Chỉ đạo chung việc {n}.",
                          "lead": ["phong-cchc"]} for n in (1, 2)]
    source = tmp_path / "layered.yaml"
    source.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    plan, _ = load_plan(source)
    built = tmp_path / "layered.docx"
    built.write_bytes(render_docx(build_context(plan), default_template("kehoach.docx")))
    result = import_document(read_docx(built).value, plan_id="layered")
    tasks = result.data["tasks"]
    assert [(t["dimension"], t.get("sub_dimension")) for t in tasks] == [
        ("par.1", None), ("par.1", None), ("par.1", "par.1.1"), ("par.1", "par.1.1"), ("par.2", None)]
    assert result.data["appendices"][0]["sub_headings"] is True

    def cells(table, n):
        return [[c.paragraphs[0].text if c.paragraphs else "" for c in row.cells][:n] for row in table.rows]

    printed, rebuilt = ([cells(t, 2) for t in doc.tables if cells(t, 1)[:1] == [["STT"]]]
                        for doc in (read_docx(built).value, rebuilt_document(fill_todos(result.data))))
    assert rebuilt[0] == printed[0]
    assert [n for n, _ in printed[0]] == ["STT", "1", "1.1", "1.2", "1.3", "1.3.1", "1.3.2", "2", "2.1"]
    assert ["1.1.1", "Ban hành kế hoạch cải cách hành chính năm"] in rebuilt[1]


def test_group_rows_worded_by_each_index_read_back_as_that_wording(tmp_path):
    """A plan of two indices prints each group row with its index's word for the level ('Chỉ số nội dung “…”' for
    PAPI, 'Lĩnh vực “…”' for PAR Index: group_label true). Imported, it said "kehoach in một chữ chung 'Chỉ số
    nội dung'" and the rebuilt table called the PAR field a 'Chỉ số nội dung' (seen on a plan from `kehoach init`)."""
    from tests.conftest import SAMPLE
    from tests.word.roundtrip import round_trip

    text = SAMPLE.read_text(encoding="utf-8").replace('indices:\n  papi: "2018"\n',
                                                      'indices:\n  papi: "2018"\n  par: qd876-2022\n', 1)
    text = text.replace("    group_label: Chỉ số\n", "    group_label: true\n", 1).replace(
        "title: Cải thiện Chỉ số PAPI tỉnh Quảng Nam năm 2021", "title: Cải thiện Chỉ số PAPI và PAR Index tỉnh Quảng Nam "
        "năm 2021", 1)
    text = text.replace("responsibilities:\n  - id: snv\n", "  - id: par-1-01\n    dimension: par.1\n    content: "
                        "Ban hành kế hoạch cải cách hành chính.\n    lead:\n      - so-noi-vu\n"
                        "    timeframe: Quý I năm 2021\nresponsibilities:\n  - id: snv\n", 1)
    plan = tmp_path / "hai-chi-so.yaml"
    plan.write_text(text, encoding="utf-8")
    load_plan(plan)  # the plan as written is valid
    trip = round_trip(plan, tmp_path / "trip")
    assert not trip.errors, trip.errors
    assert not [d for d in trip.differences if "Lĩnh vực" in d or "Chỉ số nội dung" in d], trip.differences
    imported = trip.imported.read_text(encoding="utf-8")
    assert "group_label: true" in imported
