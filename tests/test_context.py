"""Wording, numbering and groupings computed before any renderer runs."""
from decimal import Decimal

import pytest

from generator.render.context import build_context
from generator.plan.validate import load_plan
from tests.conftest import PLANS, SAMPLE


@pytest.fixture(scope="module")
def ctx():
    return build_context(load_plan(SAMPLE)[0])


def texts(ctx, kind=None):
    return [p.full for p in ctx.body if kind is None or p.kind == kind]


def test_section_and_subsection_numbering(ctx):
    assert texts(ctx, "section") == ["I. MỤC ĐÍCH, YÊU CẦU", "II. CHỈ TIÊU", "III. NHIỆM VỤ CỤ THỂ",
                                     "IV. TỔ CHỨC THỰC HIỆN"]
    full = texts(ctx)
    i = full.index("I. MỤC ĐÍCH, YÊU CẦU")
    assert full[i + 1:i + 6] == ["1. Mục đích", "- Khắc phục tồn tại, hạn chế.", "2. Yêu cầu",
                                 "a) Các nhiệm vụ phải cụ thể", "(1) Đối với cấp tỉnh"]


def test_titled_clauses_are_bold_points_are_not(ctx):
    by_text = {p.full: p for p in ctx.body}
    assert by_text["1. Mục đích"].bold and by_text["I. MỤC ĐÍCH, YÊU CẦU"].bold
    assert not by_text["a) Các nhiệm vụ phải cụ thể"].bold


def test_target_sentences_generated_from_data(ctx):
    full = texts(ctx)
    assert "1. Năm 2021, phấn đấu Chỉ số PAPI đạt 46,5 điểm." in full
    assert ("- Chỉ số nội dung “Công khai, minh bạch”: đạt 5,7/10 điểm (tăng 0,22 điểm so với năm 2020)."
            in full)
    assert "- Chỉ số nội dung “Quản trị môi trường”: đạt 4,0/10 điểm (tăng 0,13 điểm so với năm 2020)." in full


@pytest.mark.parametrize("baseline,target,phrase", [
    (33, 30, "xếp hạng 30/63 (tăng 03 bậc so với năm 2020)."),
    (30, 33, "xếp hạng 33/63 (giảm 03 bậc so với năm 2020)."),
    (12, 12, "xếp hạng 12/63."),
], ids=["up", "down", "same"])
def test_rank_target_sentence_says_which_way_the_rank_moves(plan_from, baseline, target, phrase):
    # a smaller rank number is a better place: 33 → 30 is a rise of three places
    def edit(data):
        data["targets"].append({"id": "t-hang", "criterion": "papi.5", "unit": "hạng",
                                "baseline": {"year": 2020, "rank": baseline, "of": 63}, "target": target})
        data["sections"][1]["content"].append({"target": "t-hang"})
    plan, _ = plan_from(edit)
    sentences = [p.text for p in build_context(plan).body if "xếp hạng" in p.text]
    assert len(sentences) == 1 and sentences[0].endswith(phrase), sentences


def test_responsibilities_and_sub_bullets(ctx):
    full = texts(ctx)
    i = full.index("1. Sở Nội vụ")
    assert full[i:i + 6] == ["1. Sở Nội vụ", "Chủ trì, theo dõi, đôn đốc thực hiện Kế hoạch này.",
                             "2. Sở Thông tin và Truyền thông", "- Tuyên truyền trên Cổng thông tin điện tử.",
                             "- Phối hợp với các cơ quan báo chí", "+ Báo Quảng Nam;"]


def test_two_appendices_get_roman_numbers_everywhere(ctx):
    assert [t.label for t in ctx.tables] == ["Phụ lục I", "Phụ lục II"]
    assert "(Chi tiết tại Phụ lục I kèm theo)" in texts(ctx)
    assert "(Chi tiết tại Phụ lục II kèm theo)" in texts(ctx)


def test_single_appendix_is_plain_phu_luc():
    ctx = build_context(load_plan(next(p for p in PLANS if p.stem == "quang-nam-papi-2020"))[0])
    assert [t.label for t in ctx.tables] == ["Phụ lục"]
    assert "(Chi tiết theo Phụ lục đính kèm)" in texts(ctx)


def test_attached_to_line_follows_the_document(ctx):
    assert ctx.tables[0].attached_to == ("(Kèm theo Kế hoạch số 05/KH-UBND ngày 05 tháng 3 năm 2021 của "
                                         "Ủy ban nhân dân tỉnh Quảng Nam)")


def test_closing_and_recipients(ctx):
    assert ctx.body[-1].full == "Trên đây là Kế hoạch cải thiện Chỉ số PAPI năm 2021./."
    assert ctx.recipients == ["- Thường trực Tỉnh ủy (b/c);", "- Các Sở, Ban, ngành;",
                              "- UBND các huyện, thị xã, thành phố;", "- Lưu: VT, NCKS (02)."]
    assert ctx.signer_lines == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]


def test_legal_bases_end_with_semicolon_then_full_stop(ctx):
    legal = texts(ctx, "legal")
    assert legal[0].endswith("năm 2015;") and legal[-1].endswith("của Chính phủ.")


def test_task_table_groups_rows_by_dimension_in_catalogue_order(ctx):
    table = ctx.tables[0]
    assert table.landscape
    kinds = [(r.kind, r.cells[0].text) for r in table.rows]
    assert kinds == [("group", "I"), ("data", "1"), ("group", "II"), ("data", "1")]
    assert table.rows[0].cells[1].text == "Chỉ số “Tham gia của người dân ở cấp cơ sở”"
    data = table.rows[3].cells
    assert data[1].lines == ("Công khai danh sách hộ nghèo.",
                             "1.1. Niêm yết tại trụ sở UBND cấp xã & nhà văn hóa <thôn>.")
    assert data[4].text == "Sở TT&TT; UBND cấp huyện"  # written forms are kept, ids become names
    assert abs(sum(c.width_cm for c in table.columns) - 25.2) < 0.05


def test_score_table_has_hierarchy_and_totals(ctx):
    table = ctx.tables[1]
    assert not table.landscape
    first, last = table.rows[0], table.rows[-1]
    assert [c.text for c in first.cells] == ["I", "Công khai, minh bạch", "10", "5,48", "5,7", "Sở Nội vụ"]
    assert [c.text for c in last.cells][1:5] == ["Tổng cộng", "20", "9,35", "9,7"]


@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.stem)
def test_every_task_is_one_appendix_row(path):
    plan = load_plan(path)[0]
    ctx = build_context(plan)
    task_tables = [t for t, a in zip(ctx.tables, plan.appendices) if a.type == "tasks"]
    assert sum(t.task_rows for t in task_tables) == len(plan.tasks)


def test_dimension_columns_merge_vertically():
    ctx = build_context(load_plan(next(p for p in PLANS if p.stem == "hung-yen-papi-2021"))[0])
    table = ctx.tables[0]
    first_col = [r.cells[0].merge for r in table.rows[:5]]
    assert first_col[0] == "restart" and "continue" in first_col[1:]
    assert not any(r.kind == "group" for r in table.rows)


def test_funding_is_printed_where_referenced(ctx):
    full = texts(ctx)
    i = full.index("3. Kinh phí thực hiện")
    assert full[i + 1].startswith("Kinh phí thực hiện Kế hoạch được bố trí")


def test_draft_keeps_blanks_for_number_and_date(plan_copy):
    path = plan_copy(lambda t: t.replace("document:\n  number: 5\n  date: 2021-03-05\n", ""))
    draft = build_context(load_plan(path)[0])
    assert draft.number_line == "Số:      /KH-UBND"
    assert draft.place_date == "Quảng Nam, ngày      tháng      năm 2021"
    assert draft.tables[0].attached_to.startswith("(Kèm theo Kế hoạch số      /KH-UBND ngày      tháng      năm 2021")


def _table_appendix(rows, columns=None):
    columns = columns or [{"id": "stt", "header": "STT", "align": "center"}, {"id": "name", "header": "Nội dung"},
                          {"id": "note", "header": "Ghi chú"}]
    return {"id": "bang", "type": "table", "title": "Bảng", "columns": columns, "rows": rows}


def _with_table(plan_from, rows, columns=None):
    def edit(data):
        data["appendices"].append(_table_appendix(rows, columns))
        data["sections"][0]["content"].append({"appendix": "bang"})
    return build_context(plan_from(edit)[0]).tables[-1]


def test_generic_group_row_keeps_number_and_name(plan_from):
    # a real plan's table: "1 | CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH" across the rest of the row
    table = _with_table(plan_from, [
        {"id": "g1", "group": True, "cells": {"stt": "1", "name": "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"}},
        {"id": "r1", "cells": {"stt": "1.1", "name": "Ban hành kế hoạch", "note": "Quý I"}}])
    group = table.rows[0]
    assert [c.text for c in group.cells] == ["1", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"]
    assert group.span_from == 1 and group.kind == "group"


def _par_plan(data):
    data["indices"] = {"papi": "2018", "par": "qd2948-2017", "sipas": "qd2640-2017"}
    data["criteria"].append({"code": "par.1.3", "name": "Tổ chức thực hiện kiểm tra CCHC", "parent": "par.1"})
    data["targets"] += [
        {"id": "t-par", "criterion": "par", "target": 85},
        {"id": "t-sipas", "criterion": "sipas", "unit": "%", "target": 90},
        {"id": "t-par-1", "criterion": "par.1", "target": 9},
        {"id": "t-par-1-3", "criterion": "par.1.3", "target": 1},
    ]
    data["sections"][1]["content"].append({"targets": ["t-par", "t-sipas", "t-par-1", "t-par-1-3"]})


def test_whole_index_targets_do_not_say_chi_so_twice_and_levels_use_catalogue_names(plan_from):
    full = texts(build_context(plan_from(_par_plan)[0]))
    assert "- Chỉ số cải cách hành chính cấp tỉnh: đạt 85/100 điểm." in full
    assert "- Chỉ số hài lòng về sự phục vụ hành chính: đạt 90%." in full
    assert "- Lĩnh vực “Công tác chỉ đạo, điều hành cải cách hành chính”: đạt 9/10 điểm." in full
    assert "- Tiêu chí “Tổ chức thực hiện kiểm tra CCHC”: đạt 1 điểm." in full
    assert not [t for t in full if "Chỉ số Chỉ số" in t]


def _real_targets(data):
    """Targets as real plans write them (PAR Index, SIPAS, PAPI)."""
    data["indices"] = {"papi": "2018", "par": "qd2948-2017", "sipas": "qd2640-2017"}
    data["criteria"] += [{"code": "par.1.3", "name": "Tổ chức thực hiện kiểm tra CCHC", "parent": "par.1"},
                         {"code": "par.1.3.1", "name": "Tỷ lệ cơ quan được kiểm tra", "parent": "par.1.3"}]
    data["targets"] += [
        {"id": "r-par", "criterion": "par", "unit": "hạng", "baseline": {"year": 2018, "rank": 33},
         "change": {"by": 2, "at_least": True}},
        {"id": "r-sipas", "criterion": "sipas", "unit": "hạng", "change": {}, "qualifier": "đạt 90%"},
        {"id": "r-strict", "criterion": "sipas", "unit": "%", "target": 80, "bound": "above"},
        {"id": "r-qual", "criterion": "papi.8", "unit": "%", "target": 30,
         "baseline": {"year": 2018, "value": 37}, "qualifier": "(giảm 7% so với năm 2018)"},
        {"id": "r-sub", "criterion": "par.1.3.1", "unit": "%", "target": 100, "bound": "at_least"},
    ]
    data["sections"][1]["content"].append({"targets": ["r-par", "r-sipas", "r-strict", "r-qual", "r-sub"]})


def test_relative_strict_and_qualified_targets_print_as_real_plans_do(plan_from):
    full = texts(build_context(plan_from(_real_targets)[0]))
    assert "- Chỉ số cải cách hành chính cấp tỉnh: tăng tối thiểu 02 bậc so với năm 2018." in full
    assert "- Chỉ số hài lòng về sự phục vụ hành chính: tăng vị thứ xếp hạng (đạt 90%)." in full
    assert "- Chỉ số hài lòng về sự phục vụ hành chính: đạt trên 80%." in full
    assert "- Chỉ số nội dung “Quản trị điện tử”: đạt 30% (giảm 7% so với năm 2018)." in full
    assert "- Tiêu chí thành phần “Tỷ lệ cơ quan được kiểm tra”: đạt tối thiểu 100%." in full


def test_rank_change_says_toi_thieu_only_when_the_plan_says_at_least(plan_from):
    def edit(data):
        _real_targets(data)
        data["targets"].append({"id": "r-by", "criterion": "par", "unit": "hạng",
                                "baseline": {"year": 2018, "rank": 33}, "change": {"by": 2}})
        data["sections"][1]["content"].append({"targets": ["r-by"]})
    full = texts(build_context(plan_from(edit)[0]))
    assert "- Chỉ số cải cách hành chính cấp tỉnh: tăng 02 bậc so với năm 2018." in full
    assert "- Chỉ số cải cách hành chính cấp tỉnh: tăng tối thiểu 02 bậc so với năm 2018." in full


def test_a_point_or_percent_change_says_toi_thieu_when_the_plan_says_at_least(plan_from):
    """`change: {by: 0.5, at_least: true}` on points prints "tăng tối thiểu 0,5 điểm", on % "tăng tối thiểu 2%";
    without at_least, "tăng 0,5 điểm" (fresh mutant r-change-at-least-points-dropped kept only the ranks')."""
    def edit(data):
        _real_targets(data)
        data["targets"] += [
            {"id": "p-least", "criterion": "par", "unit": "điểm", "baseline": {"year": 2018, "value": 80},
             "change": {"by": 0.5, "at_least": True}},
            {"id": "p-by", "criterion": "par", "unit": "điểm", "baseline": {"year": 2018, "value": 80},
             "change": {"by": 0.5}},
            {"id": "s-least", "criterion": "sipas", "unit": "%", "baseline": {"year": 2018, "value": 85},
             "change": {"by": 2, "at_least": True}}]
        data["sections"][1]["content"].append({"targets": ["p-least", "p-by", "s-least"]})
    full = texts(build_context(plan_from(edit)[0]))
    assert "- Chỉ số cải cách hành chính cấp tỉnh: tăng tối thiểu 0,5 điểm so với năm 2018." in full
    assert "- Chỉ số cải cách hành chính cấp tỉnh: tăng 0,5 điểm so với năm 2018." in full
    assert "- Chỉ số hài lòng về sự phục vụ hành chính: tăng tối thiểu 2% so với năm 2018." in full


def test_appendix_sentence_closed_by_a_bracket_has_no_space_before_it(plan_from):
    def edit(data):
        data["sections"][2]["content"].append({"appendix": ["nhiem-vu"], "before": "(Chi tiết tại",
                                               "after": ")"})
    full = texts(build_context(plan_from(edit)[0]))
    assert "(Chi tiết tại Phụ lục I)" in full


def test_one_sentence_cites_several_appendices(plan_from):
    def edit(data):
        data["sections"][2]["content"].append({"appendix": ["nhiem-vu", "diem"], "before": "(Chi tiết tại",
                                               "after": "kèm theo)"})
    assert "(Chi tiết tại Phụ lục I, Phụ lục II kèm theo)" in texts(build_context(plan_from(edit)[0]))


def test_attached_line_names_the_chairman_and_a_draft_month(plan_from):
    def edit(data):
        del data["document"]
        data["document"] = {"month": 6, "issued_by": "Chủ tịch UBND tỉnh Quảng Nam"}
    ctx = build_context(plan_from(edit)[0])
    assert ctx.tables[0].attached_to == ("(Kèm theo Kế hoạch số      /KH-UBND ngày      tháng 6 năm 2021 của "
                                         "Chủ tịch UBND tỉnh Quảng Nam)")
    assert ctx.place_date == "Quảng Nam, ngày      tháng 6 năm 2021"


def test_responsibility_written_as_one_run_on_sentence(plan_from):
    def edit(data):
        data["responsibilities"].append({
            "id": "stp", "agencies": ["Sở Tư pháp"],
            "text": "Sở Tư pháp chủ trì, phối hợp với các cơ quan liên quan tổ chức tuyên truyền, phổ biến "
                    "pháp luật cho người dân."})
    full = texts(build_context(plan_from(edit)[0]))
    assert ("3. Sở Tư pháp chủ trì, phối hợp với các cơ quan liên quan tổ chức tuyên truyền, phổ biến pháp luật "
            "cho người dân.") in full
    para = next(p for p in build_context(plan_from(edit)[0]).body if p.text.startswith("Sở Tư pháp chủ trì"))
    assert not para.bold


def test_numbering_schemes_per_plan_and_section(plan_from):
    def edit(data):
        # the plan numbers 1. / 1.1. / a) / (1); section III keeps today's scheme with bold titled points
        data["numbering"] = {"levels": ["1.", "1.1.", "a)", "(1)"]}
        data["sections"][0]["content"][1]["content"] = [
            {"title": "Đối với cấp tỉnh", "content": [
                {"text": "Các nhiệm vụ phải cụ thể", "content": [{"text": "Rà soát hằng quý."}]}]},
            {"title": "Đối với cấp huyện", "content": ["Bám sát kế hoạch của tỉnh."]}]
        data["sections"][2]["numbering"] = {"levels": ["1.", "a)", "(1)"], "bold_titled_points": True}
        data["sections"][2]["content"].insert(0, {"title": "Nhiệm vụ chung", "content": [
            {"title": "Tuyên truyền", "content": ["Đẩy mạnh tuyên truyền."]}]})
    ctx = build_context(plan_from(edit)[0])
    full = texts(ctx)
    i = full.index("2. Yêu cầu")
    assert full[i + 1:i + 6] == ["2.1. Đối với cấp tỉnh", "a) Các nhiệm vụ phải cụ thể", "(1) Rà soát hằng quý.",
                                 "2.2. Đối với cấp huyện", "Bám sát kế hoạch của tỉnh."]
    by_text = {p.full: p for p in ctx.body}
    assert by_text["2.1. Đối với cấp tỉnh"].bold  # a titled 1.1. is bold like a titled 1.
    assert not by_text["a) Các nhiệm vụ phải cụ thể"].bold
    j = full.index("1. Nhiệm vụ chung")
    assert full[j + 1:j + 3] == ["a) Tuyên truyền", "Đẩy mạnh tuyên truyền."]
    assert by_text["a) Tuyên truyền"].bold and by_text["a) Tuyên truyền"].kind == "heading"


def test_default_numbering_is_unchanged(ctx):
    full = texts(ctx)
    i = full.index("2. Yêu cầu")
    assert full[i + 1:i + 3] == ["a) Các nhiệm vụ phải cụ thể", "(1) Đối với cấp tỉnh"]


def _layered(data):
    """A PAR task appendix as real plans print it: field rows, criterion headings, tasks 1.3.1."""
    data["indices"]["par"] = "qd2948-2017"
    data["criteria"] += [{"code": "par.1.3", "name": "Tổ chức thực hiện kiểm tra CCHC", "parent": "par.1"},
                         {"code": "par.1.1", "name": "Kế hoạch CCHC năm", "parent": "par.1"}]
    data["tasks"] += [
        {"id": "kt-1", "dimension": "par.1", "sub_dimension": "par.1.3", "content": "Kiểm tra 30% cơ quan.",
         "lead": ["so-noi-vu"]},
        {"id": "kt-2", "dimension": "par.1", "sub_dimension": "par.1.3", "content": "Xử lý sau kiểm tra.",
         "lead": ["so-noi-vu"]},
        {"id": "kh-1", "dimension": "par.1", "sub_dimension": "par.1.1", "content": "Ban hành kế hoạch.",
         "lead": ["so-noi-vu"]},
    ]
    def base():
        return {"type": "tasks", "columns": ["stt", "content", "lead"], "dimensions": ["par.1"]}
    data["appendices"] += [
        {**base(), "id": "cchc", "title": "Nhiệm vụ CCHC", "group_numbers": "arabic", "sub_headings": True,
         "numbering": "hierarchical", "group_names": {"par.1": "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"}},
        {**base(), "id": "cchc-2", "title": "Nhiệm vụ CCHC (tóm tắt)",
         "group_names": {"par.1": "Chỉ đạo, điều hành CCHC"}}]
    data["sections"][2]["content"].append({"appendix": ["cchc", "cchc-2"]})


def test_layered_task_appendix(plan_from):
    ctx = build_context(plan_from(_layered)[0])
    table, other = ctx.tables[2], ctx.tables[3]
    rows = [(r.kind, [c.text for c in r.cells]) for r in table.rows]
    assert rows == [
        ("group", ["1", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"]),
        ("group", ["1.1", "Kế hoạch CCHC năm"]),
        ("data", ["1.1.1", "Ban hành kế hoạch.", "Sở Nội vụ"]),
        ("group", ["1.3", "Tổ chức thực hiện kiểm tra CCHC"]),
        ("data", ["1.3.1", "Kiểm tra 30% cơ quan.", "Sở Nội vụ"]),
        ("data", ["1.3.2", "Xử lý sau kiểm tra.", "Sở Nội vụ"])]
    assert table.task_rows == 3  # heading rows are not tasks
    # the same field, named differently in the other appendix, numbered the usual way
    assert [[c.text for c in r.cells] for r in other.rows][:2] == [["I", "Chỉ đạo, điều hành CCHC"],
                                                                   ["1", "Kiểm tra 30% cơ quan."] + ["Sở Nội vụ"]]


def test_a_task_without_a_criterion_comes_first_under_no_criterion_heading(plan_from):
    """In a layered task appendix (sub_headings), a task of the field that names no criterion (no sub_dimension)
    is printed first, right under the field's row, not under the last criterion heading as if it were one of
    its tasks (fresh mutant r-untitled-subgroup-last)."""
    def edit(data):
        _layered(data)
        data["tasks"].append({"id": "chung", "dimension": "par.1", "content": "Chỉ đạo chung công tác CCHC.",
                              "lead": ["so-noi-vu"]})
    table = build_context(plan_from(edit)[0]).tables[2]
    rows = [(r.kind, [c.text for c in r.cells][1:]) for r in table.rows]  # (its number: see the report)
    assert rows == [("group", ["CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"]),
                    ("data", ["Chỉ đạo chung công tác CCHC.", "Sở Nội vụ"]),
                    ("group", ["Kế hoạch CCHC năm"]),
                    ("data", ["Ban hành kế hoạch.", "Sở Nội vụ"]),
                    ("group", ["Tổ chức thực hiện kiểm tra CCHC"]),
                    ("data", ["Kiểm tra 30% cơ quan.", "Sở Nội vụ"]),
                    ("data", ["Xử lý sau kiểm tra.", "Sở Nội vụ"])], rows


def test_layered_appendix_numbers_no_label_twice(plan_from):
    """Hierarchical numbers in a layered task appendix: the field's tasks without a criterion are 1.1, 1.2 and
    the criterion headings after them continue (1.3, 1.4, their tasks 1.3.1), never a second row '1.1'; a
    field without such tasks keeps the criteria's own numbers (1.1, 1.3)."""
    def edit(data):
        _layered(data)
        data["tasks"] += [{"id": f"chung-{n}", "dimension": "par.1", "content": f"Chỉ đạo chung {n}.",
                           "lead": ["so-noi-vu"]} for n in (1, 2)]
    table = build_context(plan_from(edit)[0]).tables[2]
    rows = [[c.text for c in r.cells][:2] for r in table.rows]
    assert rows == [["1", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"], ["1.1", "Chỉ đạo chung 1."], ["1.2", "Chỉ đạo chung 2."],
                    ["1.3", "Kế hoạch CCHC năm"], ["1.3.1", "Ban hành kế hoạch."],
                    ["1.4", "Tổ chức thực hiện kiểm tra CCHC"], ["1.4.1", "Kiểm tra 30% cơ quan."],
                    ["1.4.2", "Xử lý sau kiểm tra."]], rows


def test_generic_rows_bold_spans_and_numbers(plan_from):
    table = _with_table(plan_from, [
        {"id": "t", "bold": True, "cells": {"stt": "A", "name": "Tổng hợp", "note": 8.5}},
        {"id": "r1", "cells": {"stt": "1", "name": "Nội dung gộp hai cột"}, "spans": {"name": {"columns": 2}}},
        {"id": "r2", "cells": {"stt": "2", "name": "Gộp hai dòng", "note": "Quý I"}, "spans": {"stt": {"rows": 2}}},
        {"id": "r3", "cells": {"name": "Dòng dưới", "note": 1250000}}])
    bold, wide, tall, below = table.rows
    assert bold.bold and bold.cells[2].value == Decimal("8.5") and bold.cells[2].text == "8,5"
    assert [c.span for c in wide.cells] == [1, 2, 0]
    assert tall.cells[0].merge == "restart" and below.cells[0].merge == "continue"
    assert below.cells[2].text == "1.250.000" and below.cells[2].value == 1250000


def test_score_table_as_real_plans_print_it(plan_from):
    def edit(data):
        data["indices"]["par"] = "qd2948-2017"
        data["targets"] += [{"id": "p1", "criterion": "par.1", "target": 8.5, "baseline": {"year": 2020, "value": 7.9}}]
        data["appendices"][1].update({
            "criteria": ["par"],
            "headers": {"baseline": "Điểm năm 2019", "target": "Mục tiêu năm 2020",
                        "name": "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "lead": "Chủ trì tham mưu"},
            "total_label": "TỔNG ĐIỂM", "index_row": False,
            "leads": {"par.1": ["so-noi-vu", "so-tttt"]}})
    table = build_context(plan_from(edit)[0]).tables[1]
    assert [c.header for c in table.columns] == ["STT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm tối đa",
                                                 "Điểm năm 2019", "Mục tiêu năm 2020", "Chủ trì tham mưu"]
    first = table.rows[0]
    assert [c.text for c in first.cells[:5]] == ["I", "Công tác chỉ đạo, điều hành cải cách hành chính", "10",
                                                 "7,9", "8,5"]
    assert first.bold and first.cells[5].lines == ("Sở Nội vụ", "Sở Thông tin và Truyền thông")
    assert len(table.rows) == 9  # eight fields and the total: no root row repeating the total
    assert [c.text for c in table.rows[-1].cells][1:3] == ["TỔNG ĐIỂM", "100"]
    assert table.valign == "center"


def _par_sipas_tasks(label):
    def edit(data):
        data["indices"] = {"papi": "2018", "par": "qd876-2022", "sipas": "qd1001-2023"}
        data["tasks"] += [
            {"id": "par-01", "dimension": "par.1", "content": "Ban hành kế hoạch cải cách hành chính.",
             "lead": ["so-noi-vu"], "timeframe": "Quý I"},
            {"id": "sipas-01", "dimension": "sipas", "content": "Khảo sát sự hài lòng.",
             "lead": ["so-noi-vu"], "timeframe": "Quý III"}]
        data["appendices"][0]["group_label"] = label
    return edit


def _group_rows(ctx):
    return [r.cells[1].text for r in ctx.tables[0].rows if r.kind == "group"]


def test_group_rows_never_say_chi_so_twice_and_use_catalogue_level_names(plan_from):
    """Issue 21: init wrote `group_label: Chỉ số` for every plan, which printed 'Chỉ số “Chỉ số hài lòng
    …”' for SIPAS and 'Chỉ số' before PAR Index areas. `group_label: true` prints each catalogue's own
    level names; a written label is never put before a name that already starts with it."""
    rows = _group_rows(build_context(plan_from(_par_sipas_tasks(True))[0]))
    assert rows == ["Chỉ số nội dung “Tham gia của người dân ở cấp cơ sở”", "Chỉ số nội dung “Công khai, minh bạch”",
                    "Lĩnh vực “Công tác chỉ đạo, điều hành cải cách hành chính”",
                    "Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước (SIPAS)"]
    written = _group_rows(build_context(plan_from(_par_sipas_tasks("Chỉ số"))[0]))
    assert written[0] == "Chỉ số “Tham gia của người dân ở cấp cơ sở”"  # as real PAPI plans print it
    assert not [r for r in written if "Chỉ số “Chỉ số" in r]


def test_init_writes_level_names_for_plans_of_several_indices():
    from generator.workflow.starter import starter_plan

    assert "    group_label: Chỉ số\n" in starter_plan("Tuyên Quang", 2026, ["papi"], "x.json").text
    assert "    group_label: true\n" in starter_plan("Tuyên Quang", 2026, ["papi", "par"], "x.json").text


# ---------------------------------------------------------------- boundaries (issue 23)
