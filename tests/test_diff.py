"""Semantic diff of two plans, against golden outputs."""
import json
from pathlib import Path

import pytest

from generator.diff import diff_plans, render_json, render_markdown, render_text
from generator.validate import load_plan
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
