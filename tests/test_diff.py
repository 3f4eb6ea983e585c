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


def test_diff_right_after_rollover_never_checks_a_placeholder_as_a_value(tmp_path):
    """Issue 21: a sub-criterion with a maximum below 1 had its TODO target read as the value 1 and
    checked ('chỉ tiêu 1 vượt điểm tối đa 0,25'): diff refused the plan rollover had just written."""
    from generator.workflow.rollover import rollover

    old = tmp_path / "plan.yaml"
    old.write_text(SAMPLE.read_text(encoding="utf-8").replace(
        "    target: 4.0\n",
        "    target: 4.0\n  - id: t-nho\n    criterion: papi.1.a\n    max: 0.25\n    baseline:\n"
        "      year: 2020\n      value: 0.2\n    target: 0.22\n", 1), encoding="utf-8")
    assert run("validate", old).returncode == 0
    rolled = tmp_path / "plan-2022.yaml"
    rolled.write_text(rollover(old).text, encoding="utf-8")
    done = run("diff", old, rolled)
    assert done.returncode == 0, done.stderr
    assert "vượt điểm tối đa" not in done.stderr and "câu chữ không nhắc tới giá trị chỉ tiêu 1" not in done.stderr
    assert "chỉ tiêu: 0,22 → TODO: chỉ tiêu năm 2022 cho 'papi.1.a'" in done.stdout
    # the same value written by the drafter is still checked
    wrong = tmp_path / "wrong.yaml"
    wrong.write_text(old.read_text(encoding="utf-8").replace("target: 0.22", "target: 1"), encoding="utf-8")
    done = run("diff", old, wrong)
    assert done.returncode == 2 and "chỉ tiêu 1 vượt điểm tối đa 0,25" in done.stderr


def _renamed(data):
    """The same plan with every target, task and section id changed, as a second import gives it."""
    targets = {t["id"] for t in data["targets"]}
    for key in ("targets", "tasks", "sections"):
        for item in data[key]:
            item["id"] = "moi-" + item["id"]

    def walk(node):  # references to targets follow their ids
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("target", "targets") and isinstance(value, str) and value in targets:
                    node[key] = "moi-" + value
                elif key == "targets" and isinstance(value, list) and all(isinstance(v, str) for v in value):
                    node[key] = ["moi-" + v if v in targets else v for v in value]
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(data["sections"])


def test_ids_changed_content_not_are_paired_as_renamed(plan_from, tmp_path):
    """Issue 21: the same plan imported twice gets new ids; diff showed every task removed and added."""
    old = plan_from(lambda d: None, "a.yaml")[0]
    new = plan_from(_renamed, "b.yaml")[0]
    result = diff_plans(old, new, "a", "b")
    kinds = {(c.category, c.kind) for c in result.changes}
    assert kinds == {("target", "renamed"), ("task", "renamed"), ("section", "renamed")}
    assert {(c.old_id, c.id) for c in result.changes if c.category == "task"} == {
        (t.id, "moi-" + t.id) for t in old.tasks}
    assert "Nhiệm vụ (2 đổi mã):" in render_text(result)
    assert "= tham-gia-01" not in render_text(result) and "[mã tham-gia-01 → moi-tham-gia-01]" in render_text(result)
    assert result.differ and not result.differ_beyond_ids


def test_ignore_ids_makes_exit_code_ignore_pure_renames(plan_from, tmp_path):
    plan_from(lambda d: None, "a.yaml")
    plan_from(_renamed, "b.yaml")

    def changed(data):
        _renamed(data)
        data["tasks"][0]["timeframe"] = "Hằng tháng"

    plan_from(changed, "c.yaml")
    a, b, c = tmp_path / "a.yaml", tmp_path / "b.yaml", tmp_path / "c.yaml"
    assert run("diff", a, b, "--exit-code").returncode == 1
    assert run("diff", a, b, "--exit-code", "--ignore-ids").returncode == 0
    done = run("diff", a, c, "--exit-code", "--ignore-ids")
    # an item whose id and content both changed is not a rename
    assert done.returncode == 1 and "Nhiệm vụ (1 thêm, 1 bỏ, 1 đổi mã):" in done.stdout


def test_markdown_shows_changed_facts_in_the_open_and_labels_whole_words(sample_diff):
    md = render_markdown(sample_diff)
    assert "<details>" not in md and "<summary>" not in md
    # the changed year beside the two sentences it changed in
    assert ("| năm 2021 → năm 2022 | Kinh phí thực hiện Kế hoạch được bố trí trong dự toán ngân sách năm 2021 của "
            "các cơ quan, đơn vị. | Kinh phí thực hiện Kế hoạch được bố trí trong dự toán ngân sách năm 2022 của "
            "các cơ quan, đơn vị. |") in md
    assert "| ngày 15/12/2022 |  | tổng hợp, báo cáo Ủy ban nhân dân tỉnh trước ngày 15/12/2022. |" in md


def test_labels_are_never_cut_inside_a_word():
    from generator.workflow.diff import shorten

    text = ("Tổ chức tập huấn, bồi dưỡng nâng cao năng lực cho đội ngũ cán bộ, công chức cấp xã về công tác "
            "tiếp công dân và giải quyết khiếu nại")
    short = shorten(text)
    assert len(short) <= 90 and short.endswith("…")
    assert text.startswith(short[:-1]) and text[len(short) - 1] == " "
    assert shorten("ngắn gọn") == "ngắn gọn"


def test_agency_facts_in_sentences():
    from generator.workflow.diff import sentence_facts

    facts = sentence_facts("Sở Nội vụ chủ trì, báo cáo trước ngày 15/12/2021.",
                           "Sở Tư pháp chủ trì, báo cáo trước ngày 15/11/2021.", ["Sở Nội vụ", "Sở Tư pháp"])
    assert facts == ["ngày 15/12/2021 → ngày 15/11/2021", "Sở Nội vụ → Sở Tư pháp"]


def test_a_pipe_in_a_value_stays_inside_its_markdown_cell(plan_from):
    """A value holding '|' (a table cell "Quý I | Quý II") is escaped in the Markdown diff: the row keeps its
    four columns and the value reads whole (fresh mutant d-md-pipe)."""
    import re

    from tests.test_context import _table_appendix

    def table(note):
        return lambda data: data["appendices"].append(_table_appendix([
            {"id": "g1", "group": True, "cells": {"stt": "1", "name": "CÔNG TÁC CHỈ ĐẠO"}},
            {"id": "r1", "cells": {"stt": "1.1", "name": "Ban hành kế hoạch", "note": note}}]))

    result = diff_plans(plan_from(table("Quý I"), "a.yaml")[0], plan_from(table("Quý I | Quý II"), "b.yaml")[0],
                        "a", "b")
    row = next(line for line in render_markdown(result).splitlines() if "dòng r1" in line)
    cells = re.split(r"(?<!\\)\|", row)
    assert [c.strip() for c in cells] == ["", "Phụ lục III: BẢNG", "dòng r1: Ghi chú", "Quý I", r"Quý I \| Quý II", ""]


def test_a_list_emptied_shows_as_empty_in_words(plan_from):
    """A task's co-operating agencies all removed: "phối hợp: Sở TT&TT; UBND cấp huyện → (trống)", never an
    arrow to nothing (fresh mutant g-diff-empty-list, batch 4)."""
    def emptied(data):
        data["tasks"][0]["co"] = []
    result = diff_plans(load_plan(SAMPLE)[0], plan_from(emptied)[0], "a", "b")
    changed = next(c for c in result.changes if c.category == "task" and c.kind == "changed")
    assert [(f.field, f.old, f.new) for f in changed.fields] == [("phối hợp", "Sở TT&TT; UBND cấp huyện", "(trống)")]
    assert "      phối hợp: Sở TT&TT; UBND cấp huyện → (trống)" in render_text(result).splitlines()


def test_a_label_of_exactly_the_width_is_not_cut():
    """A task's first line of exactly 90 characters is its whole label; one more and it is cut between words
    (fresh mutant g-diff-shorten-exact cut the 90-character one)."""
    from generator.workflow.diff import shorten

    text = "Tổ chức tập huấn, bồi dưỡng nâng cao năng lực cho đội ngũ cán bộ, công chức cấp xã về công"
    text += "x" * (90 - len(text))
    assert len(text) == 90 and shorten(text) == text
    assert shorten(text + "y").endswith("…") and len(shorten(text + "y")) <= 90


def _long_plans(tmp_path, old_value: str, new_value: str):
    text = SAMPLE.read_text(encoding="utf-8")
    assert "    indicator: 100% UBND cấp xã công khai.\n" in text
    plans = []
    for name, value in (("old", old_value), ("new", new_value)):
        path = tmp_path / f"{name}.yaml"
        path.write_text(text.replace("    indicator: 100% UBND cấp xã công khai.\n", f"    indicator: {value}\n"),
                        encoding="utf-8")
        plans.append(load_plan(path)[0])
    return diff_plans(plans[0], plans[1], "old.yaml", "new.yaml")


@pytest.mark.parametrize("render", [render_text, render_markdown])
def test_a_300000_character_value_is_shortened_with_its_length_and_the_change_still_shown(tmp_path, render):
    """A field of 300,000 characters was printed whole (fourth campaign of issue 22): the terminal and a pull
    request comment get the part that changed, a marker with the number of characters left out, and the
    value's length; the JSON keeps both values whole."""
    words = "công khai " * 15_000  # 150,000 characters on each side of the change
    old, new = f"{words}đạt 5 điểm {words}".strip(), f"{words}đạt 6 điểm {words}".strip()
    diff = _long_plans(tmp_path, old, new)
    shown = render(diff)
    assert max(len(line) for line in shown.splitlines()) < 2_000
    assert "đạt 5 điểm" in shown and "đạt 6 điểm" in shown
    assert f"{len(old):,} ký tự".replace(",", ".") in shown  # the whole value's length, as Vietnamese writes it
    whole = json.loads(render_json(diff))
    fields = [f for c in whole["changes"] for f in c["fields"] if f["field"] == "chỉ tiêu"]
    assert (fields[0]["old"], fields[0]["new"]) == (old, new)


def test_a_long_value_added_from_nothing_is_shortened_at_both_ends(tmp_path):
    tail = "KẾT THÚC"
    diff = _long_plans(tmp_path, "100% UBND cấp xã công khai.", "mở đầu " + "x" * 300_000 + " " + tail)
    shown = render_text(diff)
    assert max(len(line) for line in shown.splitlines()) < 2_000
    assert "mở đầu" in shown and tail in shown and "300.016 ký tự" in shown


def test_short_values_are_printed_whole(sample_diff):
    assert "…" not in "".join(f"{f.old}{f.new}" for c in sample_diff.changes for f in c.fields)
    assert "ký tự" not in render_text(sample_diff)


def test_json_keeps_vietnamese_letters_as_typed_and_markdown_names_an_id_once(sample_diff):
    """`diff --format json` writes "Sở Tư pháp" as typed (UTF-8), never "S\\u1edf" escapes a reader of the file or a
    review tool shows as such; the Markdown list of added things gives an id in backquotes after a label that
    does not hold it ("Sở Tư pháp (`so-tu-phap`)") and never twice after one that does (fresh mutants y-json-ascii,
    y-md-id-always, batch 8, killed only by the golden files)."""
    text = render_json(sample_diff)
    assert "Sở Tư pháp" in text and "\\u" not in text
    md = render_markdown(sample_diff).splitlines()
    agency = by(sample_diff, "agency", "added")["so-tu-phap"]
    assert "so-tu-phap" not in agency.label and f"- {agency.label} (`so-tu-phap`)" in md
    labelled = [c for c in sample_diff.changes if c.kind == "added" and c.id and c.id in c.label]
    assert labelled, "an added thing whose label holds its id"
    for c in labelled:
        assert not [line for line in md if c.label in line and f"(`{c.id}`)" in line], c.label
