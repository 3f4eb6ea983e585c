"""The renderer's sentences and tables at their limits: targets equal, above or below the baseline, final marks,
totals, copies, ranks, numbering past ten, widths (split from tests/test_context.py, over the 600-line limit)."""
from decimal import Decimal

import pytest

from generator.render.context import build_context
from generator.plan.validate import load_plan
from tests.conftest import PLANS, SAMPLE
from tests.test_context import _layered, _with_table, ctx, texts  # noqa: F401 (ctx: a fixture)


@pytest.mark.parametrize("target,phrase", [
    (5.48, "đạt 5,48/10 điểm (bằng kết quả năm 2020)."),
    (5.49, "đạt 5,49/10 điểm (tăng 0,01 điểm so với năm 2020)."),
    (5.47, "đạt 5,47/10 điểm (giảm 0,01 điểm so với năm 2020)."),
    (10, "đạt 10/10 điểm (tăng 4,52 điểm so với năm 2020)."),
], ids=["equal", "just-above", "just-below", "maximum"])
def test_score_target_sentence_says_equal_rise_or_fall(plan_from, target, phrase):
    """A target equal to its baseline is 'bằng kết quả năm 2020', never 'tăng 0,00 điểm'."""
    def edit(data):
        data["targets"][1]["target"] = target
    full = texts(build_context(plan_from(edit)[0]))
    sentence = [t for t in full if "“Công khai, minh bạch”" in t]
    assert sentence == [f"- Chỉ số nội dung “Công khai, minh bạch”: {phrase}"], sentence


def test_percent_target_equal_to_baseline(plan_from):
    def edit(data):
        data["targets"][2].update({"unit": "%", "baseline": {"year": 2020, "value": 80}, "target": 80})
    full = texts(build_context(plan_from(edit)[0]))
    assert "- Chỉ số nội dung “Quản trị môi trường”: đạt 80% (bằng kết quả năm 2020)." in full


@pytest.mark.parametrize("end", [".", ";", " .", ";.", ""])
def test_legal_bases_and_recipients_typed_with_a_final_mark_print_one(plan_from, end):
    """A legal basis or Nơi nhận line typed with its own '.' or ';' prints one mark, the list's: never
    '… 2015.;' (issue 23)."""
    def edit(data):
        data["legal_bases"] = [b + end for b in data["legal_bases"]]
        data["recipients"][1]["text"] += end
    ctx = build_context(plan_from(edit)[0])
    assert texts(ctx, "legal") == [
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
        "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ."]
    assert ctx.recipients[1] == "- Các Sở, Ban, ngành;"


def test_one_legal_basis_ends_with_a_full_stop(plan_from):
    def edit(data):
        data["legal_bases"] = data["legal_bases"][:1]
    assert texts(build_context(plan_from(edit)[0]), "legal") == [
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015."]


def _score_total(plan):
    table = build_context(plan).tables[1]
    assert table.rows[-1].kind == "total"
    return [c.text for c in table.rows[-1].cells][1:5]


def test_score_total_is_left_blank_when_a_value_is_missing(plan_from):
    """'Tổng cộng' sums a column only when every top row has a value: a missing baseline leaves its total
    blank (a partial sum would be a wrong total, printed); the other columns are still summed."""
    def no_baseline(data):
        del data["targets"][2]["baseline"]
    assert _score_total(plan_from(no_baseline)[0]) == ["Tổng cộng", "20", "", "9,7"]

    def no_target(data):
        data["targets"] = data["targets"][:2]
        data["sections"][1]["content"] = [b for b in data["sections"][1]["content"]
                                          if "t-moi-truong" not in str(b)]
    assert _score_total(plan_from(no_target)[0]) == ["Tổng cộng", "20", "", ""]


def test_score_total_of_equal_and_whole_values(plan_from):
    def edit(data):
        data["targets"][1].update({"baseline": {"year": 2020, "value": 5.5}, "target": 6})
        data["targets"][2].update({"baseline": {"year": 2020, "value": 4.5}, "target": 4})
    assert _score_total(plan_from(edit)[0]) == ["Tổng cộng", "20", "10", "10"]


@pytest.mark.parametrize("copies,shown", [(1, "(01)"), (9, "(09)"), (10, "(10)"), (None, "")])
def test_archive_copies_are_padded_below_ten(plan_from, copies, shown):
    def edit(data):
        if copies is None:
            data["archive"].pop("copies", None)
        else:
            data["archive"]["copies"] = copies
    ctx = build_context(plan_from(edit)[0])
    assert ctx.recipients[-1] == f"- Lưu: VT, NCKS{' ' + shown if shown else ''}."


@pytest.mark.parametrize("baseline,target,phrase", [
    (40, 31, "(tăng 09 bậc so với năm 2020)"), (41, 31, "(tăng 10 bậc so với năm 2020)"),
    (63, 1, "(tăng 62 bậc so với năm 2020)"), (30, 31, "(giảm 01 bậc so với năm 2020)"),
])
def test_rank_moves_print_two_digits(plan_from, baseline, target, phrase):
    def edit(data):
        data["targets"].append({"id": "t-hang", "criterion": "papi.5", "unit": "hạng",
                                "baseline": {"year": 2020, "rank": baseline, "of": 63}, "target": target})
        data["sections"][1]["content"].append({"target": "t-hang"})
    sentences = [t for t in texts(build_context(plan_from(edit)[0])) if "xếp hạng" in t]
    assert sentences == [f"3. Chỉ số nội dung “Thủ tục hành chính công”: xếp hạng {target}/63 {phrase}."], sentences


def test_ten_sections_are_numbered_to_x(plan_from):
    def edit(data):
        for n in range(len(data["sections"]), 10):
            data["sections"].append({"id": f"muc-{n + 1}", "title": f"Mục {n + 1}", "content": [f"Nội dung {n + 1}."]})
    sections = texts(build_context(plan_from(edit)[0]), "section")
    assert [s.split(".")[0] for s in sections] == ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]


def test_points_run_through_the_23_letters_then_number_and_restart_under_each_clause(plan_from):
    """Under a clause, points are a) … y) (Vietnamese letters: no f, j, w, z), the 24th is (24); the next
    clause starts again at a)."""
    def edit(data):
        data["sections"][0]["content"] = [
            {"title": "Một", "content": [{"text": f"Điểm {n}."} for n in range(1, 25)]},
            {"title": "Hai", "content": [{"text": "Điểm đầu."}]}]
    full = texts(build_context(plan_from(edit)[0]))
    i = full.index("1. Một")
    labels = [t.split(" ", 1)[0] for t in full[i + 1:i + 25]]
    assert labels == [f"{c})" for c in "abcdđeghiklmnopqrstuvxy"] + ["(24)"]
    assert full[i + 25:i + 27] == ["2. Hai", "a) Điểm đầu."]


def test_criterion_headings_in_number_order_9_before_10(plan_from):
    """Headings of a layered appendix come in number order, as numbers: 1.9 before 1.10 (not as text)."""
    def edit(data):
        _layered(data)
        data["criteria"] += [{"code": "par.1.10", "name": "Tiêu chí mười", "parent": "par.1"},
                             {"code": "par.1.9", "name": "Tiêu chí chín", "parent": "par.1"}]
        data["tasks"] += [{"id": "t-10", "dimension": "par.1", "sub_dimension": "par.1.10", "content": "Mười.",
                           "lead": ["so-noi-vu"]},
                          {"id": "t-9", "dimension": "par.1", "sub_dimension": "par.1.9", "content": "Chín.",
                           "lead": ["so-noi-vu"]}]
    table = build_context(plan_from(edit)[0]).tables[2]
    headings = [r.cells[0].text for r in table.rows if r.kind == "group"]
    assert headings == ["1", "1.1", "1.3", "1.9", "1.10"]


@pytest.mark.parametrize("widths,landscape", [((3, 6.5, 7), False), ((3, 6.5, 7.01), True), ((1.5, 5, 5), False)])
def test_a_table_wider_than_the_portrait_text_width_turns_landscape(plan_from, widths, landscape):
    """'auto' orientation: a table whose columns add up to the portrait text width (16,5 cm) stays portrait,
    0,1 mm more turns the page; the columns then fill the text width exactly."""
    columns = [{"id": k, "header": k, "width": w} for k, w in zip(("stt", "name", "note"), widths)]
    table = _with_table(plan_from, [{"id": "r1", "cells": {"stt": "1", "name": "A", "note": "B"}}], columns)
    assert table.landscape is landscape
    assert abs(sum(c.width_cm for c in table.columns) - (25.2 if landscape else 16.5)) < 0.05


def test_rank_target_without_out_of_prints_the_rank_alone(plan_from):
    """A rank baseline that gives no 'of' (how many provinces) prints 'xếp hạng 30 (…)', never '30/None'
    (fresh mutant f3-rank-of-none)."""
    def edit(data):
        data["targets"].append({"id": "t-hang", "criterion": "papi.5", "unit": "hạng",
                                "baseline": {"year": 2020, "rank": 33}, "target": 30})
        data["sections"][1]["content"].append({"target": "t-hang"})
    sentences = [t for t in texts(build_context(plan_from(edit)[0])) if "xếp hạng" in t]
    assert sentences == ["3. Chỉ số nội dung “Thủ tục hành chính công”: xếp hạng 30 "
                         "(tăng 03 bậc so với năm 2020)."], sentences


# ---------------------------------------------------------------- fresh mutants, batch 4


def test_a_relative_percent_change_prints_the_percent_glued_to_its_number(plan_from):
    """"giảm 7% so với năm 2018", as every other % of a plan (fresh mutant g-change-pct-space printed "7 %")."""
    def edit(data):
        data["targets"].append({"id": "r-pct", "criterion": "papi.8", "unit": "%", "baseline": {"year": 2018},
                                "change": {"by": 7, "direction": "down"}})
        data["sections"][1]["content"].append({"targets": ["r-pct"]})
    full = texts(build_context(plan_from(edit)[0]))
    assert "- Chỉ số nội dung “Quản trị điện tử”: giảm 7% so với năm 2018." in full


def test_an_appendix_named_inside_quotation_marks_has_no_space_inside_them(plan_from):
    """'giao tại “Phụ lục I” kèm theo': no space after the opening mark nor before the closing one (fresh
    mutants g-appendix-sentence-quote, g-appendix-sentence-closing-quote)."""
    def edit(data):
        data["sections"][2]["content"].append({"appendix": "nhiem-vu", "before": "Các nhiệm vụ cụ thể giao tại “",
                                               "after": "” kèm theo Kế hoạch này."})
    assert "Các nhiệm vụ cụ thể giao tại “Phụ lục I” kèm theo Kế hoạch này." in texts(build_context(plan_from(edit)[0]))


def test_empty_criterion_cells_of_consecutive_tasks_are_not_merged(plan_from):
    """Two tasks of one dimension without a sub_dimension: the dimension cells merge into one, their empty
    "Nội dung thành phần" cells stay two cells (fresh mutant g-merge-empty-cells merged them)."""
    def edit(data):
        data["appendices"][0]["columns"] = ["stt", "dimension", "sub_dimension", "content", "lead"]
        data["tasks"] += [{"id": f"cong-khai-{n}", "dimension": "papi.2", "content": f"Công khai nội dung {n}.",
                           "lead": ["so-noi-vu"]} for n in (1, 2)]
    table = build_context(plan_from(edit)[0]).tables[0]
    sub = [c.key for c in table.columns].index("sub_dimension")
    empty = [r.cells[sub] for r in table.rows if r.kind == "data" and r.cells[sub].lines == ("",)]
    assert len(empty) == 2 and [c.merge for c in empty] == ["", ""], empty
    dim = [c.key for c in table.columns].index("dimension")
    assert "continue" in [r.cells[dim].merge for r in table.rows if r.kind == "data"]


def test_score_appendix_header_names_the_year_of_the_baselines(plan_from):
    """Baselines of 2019 in a 2021 plan (the latest results published): the column says "Kết quả năm 2019", not the
    year before the plan (fresh mutant g-scores-base-year-header printed a false year)."""
    def edit(data):
        for target in data["targets"]:
            if target.get("baseline"):
                target["baseline"]["year"] = 2019
    table = build_context(plan_from(edit)[0]).tables[1]
    assert [c.header for c in table.columns][3:5] == ["Kết quả năm 2019", "Chỉ tiêu năm 2021"]
