"""Semantic diff of two plans, against golden outputs."""
import json
from pathlib import Path

import pytest

from generator.workflow.diff import diff_plans, render_json, render_markdown, render_text
from generator.plan.validate import load_plan
from tests.conftest import DATA, PLANS, SAMPLE
from tests.dump import check_golden
from tests.test_cli import run

GOLDEN = Path(__file__).parent / "golden"
NEXT = DATA / "sample-2022.yaml"


@pytest.fixture(scope="module")
def sample_diff():
    return diff_plans(load_plan(SAMPLE)[0], load_plan(NEXT)[0], "tests/data/sample.yaml",
                      "tests/data/sample-2022.yaml")


@pytest.mark.parametrize("fmt, render", [("txt", render_text), ("md", render_markdown), ("json", render_json)])
def test_golden(sample_diff, fmt, render):
    check_golden(GOLDEN / f"diff-sample.{fmt}", render(sample_diff))


def by(sample_diff, category, kind):
    return {c.id or c.label: c for c in sample_diff.changes if c.category == category and c.kind == kind}


def test_tasks_added_removed_and_changed_field_by_field(sample_diff):
    assert set(by(sample_diff, "task", "added")) == {"dien-tu-01"}
    assert set(by(sample_diff, "task", "removed")) == {"tham-gia-01"}
    changed = by(sample_diff, "task", "changed")["cong-khai-ho-ngheo"]
    assert [(f.field, f.old, f.new) for f in changed.fields] == [
        ("chủ trì", "Sở Nội vụ", "Sở Thông tin và Truyền thông"),
        ("phối hợp", "Sở TT&TT; UBND cấp huyện", "Sở Nội vụ; UBND cấp huyện"),
        ("thời gian", "Thường xuyên", "Hằng quý")]


def test_targets_baselines_and_sentences(sample_diff):
    assert set(by(sample_diff, "target", "added")) == {"t-dien-tu"}
    papi = {f.field: (f.old, f.new) for f in by(sample_diff, "target", "changed")["t-papi"].fields}
    assert papi["chỉ tiêu"] == ("46,5", "47") and papi["kết quả gốc"] == ("44,33", "45,9")
    assert papi["năm gốc"] == ("2020", "2021") and papi["hạng gốc"] == ("(trống)", "21")


def test_agencies_recipients_and_text(sample_diff):
    assert set(by(sample_diff, "agency", "added")) == {"so-tu-phap"}
    assert set(by(sample_diff, "recipient", "added")) == {"Bộ Nội vụ (b/c)"}
    section = by(sample_diff, "section", "changed")["muc-dich"]
    assert section.removed == ["- Khắc phục tồn tại, hạn chế."]
    assert section.added == ["- Khắc phục tồn tại, hạn chế của năm 2021.", "- Phát huy kết quả đạt được."]


def test_identical_plans_do_not_differ():
    plan = load_plan(PLANS[0])[0]
    result = diff_plans(plan, plan, "a", "b")
    assert not result.differ and "Không có thay đổi." in render_text(result)


def test_cli_formats_and_exit_code():
    done = run("diff", SAMPLE, NEXT, "--exit-code")
    assert done.returncode == 1 and "Nhiệm vụ (1 thêm, 1 bỏ, 1 sửa):" in done.stdout
    assert run("diff", SAMPLE, SAMPLE, "--exit-code").returncode == 0
    assert run("diff", SAMPLE, NEXT).returncode == 0
    data = json.loads(run("diff", SAMPLE, NEXT, "--format", "json").stdout)
    assert data["old_year"] == 2021 and data["new_year"] == 2022
    assert run("diff", SAMPLE, NEXT, "--format", "markdown").stdout.startswith("## So sánh kế hoạch")


def test_cli_invalid_plan_exit_2(plan_copy):
    bad = plan_copy(lambda t: t.replace("year: 2021", "year: x"))
    done = run("diff", SAMPLE, bad)
    assert done.returncode == 2 and "không so sánh được" in done.stderr


def test_git_external_diff_driver(tmp_path):
    done = run("git-diff", "plans/x.yaml", SAMPLE, "abc", "100644", NEXT, "def", "100644")
    assert done.returncode == 0 and done.stdout.startswith("So sánh a/plans/x.yaml (năm 2021) → b/plans/x.yaml")
    assert "tệp mới" in run("git-diff", "x.yaml", "/dev/null", ".", ".", NEXT, ".", ".").stdout


def test_pre_commit_hook_definition():
    import yaml

    from tests.conftest import ROOT

    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "kehoach-validate" and hook["entry"] == "kehoach validate"
    assert hook["language"] == "python"


def test_diff_right_after_rollover_shows_todo_markers_as_values(tmp_path):
    from generator.workflow.rollover import rollover

    rolled = tmp_path / "sample-2022.yaml"
    rolled.write_text(rollover(SAMPLE).text, encoding="utf-8")
    done = run("diff", SAMPLE, rolled)
    assert done.returncode == 0, done.stderr
    assert "chỉ tiêu: 46,5 → TODO: chỉ tiêu năm 2022 cho 'papi' (chỉ tiêu năm 2021: 46,5)" in done.stdout
    assert ("kết quả gốc: 44,33 → TODO: xác nhận kết quả năm 2021 của 'papi' (tạm lấy chỉ tiêu năm 2021: "
            "46,5)") in done.stdout
    assert "câu chữ: Năm 2021, phấn đấu Chỉ số PAPI đạt 46,5 điểm. → TODO: viết lại câu" in done.stdout
    assert "Chỉ tiêu (3 sửa)" in done.stdout


def test_legal_bases_and_generic_table_rows_compare_item_by_item(plan_from):
    from tests.test_context import _table_appendix

    rows = [{"id": "g1", "group": True, "cells": {"stt": "1", "name": "CÔNG TÁC CHỈ ĐẠO"}},
            {"id": "r1", "cells": {"stt": "1.1", "name": "Ban hành kế hoạch", "note": "Quý I"}},
            {"id": "r2", "cells": {"stt": "1.2", "name": "Kiểm tra", "note": "Quý II"}}]

    def old(data):
        data["appendices"].append(_table_appendix([dict(r) for r in rows]))

    def new(data):
        data["legal_bases"].insert(1, "Căn cứ Nghị quyết số 76/NQ-CP ngày 15 tháng 7 năm 2021 của Chính phủ")
        changed = [dict(r) for r in rows[:2]] + [{"id": "r3", "cells": {"stt": "1.2", "name": "Tuyên truyền"}}]
        changed[1] = {"id": "r1", "cells": {"stt": "1.1", "name": "Ban hành kế hoạch", "note": "Quý II"}}
        data["appendices"].append(_table_appendix(changed))

    result = diff_plans(plan_from(old, "a.yaml")[0], plan_from(new, "b.yaml")[0], "a", "b")
    legal = [c for c in result.changes if c.id == "legal_bases"]
    assert [(c.removed, c.added) for c in legal] == [
        ([], ["Căn cứ Nghị quyết số 76/NQ-CP ngày 15 tháng 7 năm 2021 của Chính phủ"])]
    table = by(result, "appendix", "changed")["bang"]
    assert [(f.field, f.old, f.new) for f in table.fields] == [("dòng r1: Ghi chú", "Quý I", "Quý II")]
    assert table.removed == ["dòng r2: 1.2 | Kiểm tra | Quý II"]
    assert table.added == ["dòng r3: 1.2 | Tuyên truyền"]


def test_what_is_not_printed_is_not_a_difference():
    """Section and appendix titles print in capitals, 'auto' resolves to an orientation: a plan that
    only spells these differently prints the same document (an imported plan does exactly that)."""
    plan = load_plan(SAMPLE)[0]
    sections = [s.model_copy(update={"title": s.title.upper()}) for s in plan.sections]
    appendices = [plan.appendices[0].model_copy(update={"title": plan.appendices[0].title.upper(),
                                                        "orientation": "landscape"}), plan.appendices[1]]
    same = plan.model_copy(update={"sections": sections, "appendices": appendices})
    assert not diff_plans(plan, same, "a", "b").differ
    turned = plan.model_copy(update={"appendices": [plan.appendices[0].model_copy(update={"orientation": "portrait"}),
                                                    plan.appendices[1]]})
    fields = [(f.field, f.old, f.new) for c in diff_plans(plan, turned, "a", "b").changes for f in c.fields]
    assert fields == [("hướng trang", "landscape", "portrait")]
