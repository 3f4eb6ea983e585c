"""Rollover's baselines (issue 23, batch 7: a target without a baseline was given last year's year minus one):
the rolled plan's baseline is always the old plan's own year, with the published result when given, a TODO
naming that year otherwise; with or without a baseline before; with a new year given two years ahead."""
from __future__ import annotations

import pytest
import yaml

from generator.workflow.rollover import rollover

NO_BASELINE = ("    baseline:\n      year: 2020\n      value: 3.87\n    target: 4.0", "    target: 4.0")


def _targets(result):
    return {t["id"]: t for t in yaml.safe_load(result.text)["targets"]}


@pytest.mark.parametrize("new_year", [None, 2023])
def test_a_target_without_a_baseline_gets_the_old_plans_year(plan_copy, new_year):
    plan = plan_copy(lambda t: t.replace(*NO_BASELINE))
    baseline = _targets(rollover(plan, new_year))["t-moi-truong"]["baseline"]
    assert baseline["year"] == 2021  # the sample is the 2021 plan: its results are 2021's
    assert str(baseline["value"]).startswith("TODO: xác nhận kết quả năm 2021 của 'papi.7'")


@pytest.mark.parametrize("new_year", [None, 2023])  # 2023: the old year is not "the new year minus one"
def test_a_baseline_written_before_moves_to_the_old_plans_year(plan_copy, new_year):
    targets = _targets(rollover(plan_copy(), new_year))
    assert [targets[t]["baseline"]["year"] for t in ("t-papi", "t-cong-khai", "t-moi-truong")] == [2021] * 3
    assert all(str(targets[t]["baseline"]["value"]).startswith(f"TODO: xác nhận kết quả năm 2021 của '{code}'")
               for t, code in (("t-papi", "papi"), ("t-cong-khai", "papi.2"), ("t-moi-truong", "papi.7")))


def test_a_target_without_a_baseline_takes_the_published_result(plan_copy, tmp_path):
    results = tmp_path / "ket-qua-2021.yaml"
    results.write_text("year: 2021\nresults:\n  papi.7:\n    value: 4.12\n", encoding="utf-8")
    plan = plan_copy(lambda t: t.replace(*NO_BASELINE))
    assert _targets(rollover(plan, results_path=results))["t-moi-truong"]["baseline"] == {"year": 2021,
                                                                                           "value": 4.12}


@pytest.mark.parametrize("new_year", [2022, 2023])
def test_each_target_todo_names_the_new_year_and_last_years_figure_as_written(plan_copy, new_year):
    """The target to set is the new year's; last year's target is shown with the precision written ("4,0")."""
    targets = _targets(rollover(plan_copy(lambda t: t.replace(*NO_BASELINE)), new_year))
    assert {t: (v["baseline"]["value"], v["target"]) for t, v in targets.items()} == {
        t: (f"TODO: xác nhận kết quả năm 2021 của '{code}' (tạm lấy chỉ tiêu năm 2021: {old})",
            f"TODO: chỉ tiêu năm {new_year} cho '{code}' (chỉ tiêu năm 2021: {old})")
        for t, code, old in (("t-papi", "papi", "46,5"), ("t-cong-khai", "papi.2", "5,7"),
                             ("t-moi-truong", "papi.7", "4,0"))}
    assert targets["t-papi"]["wording"] == (f"TODO: viết lại câu theo chỉ tiêu năm {new_year} (câu năm 2021 giữ "
                                            "nguyên bên dưới) — Năm 2021, phấn đấu Chỉ số PAPI đạt 46,5 điểm.")


@pytest.mark.parametrize("text,where,said", [
    ("year: 2021\nresults:\n  papi:\n    value: 45.9\n    hang: 21\n", "results.papi.hang",
     "khóa không có ở đây (chỉ có value, rank, of)"),
    ("year: 2021\nnam: 2021\nresults:\n  papi:\n    value: 45.9\n", "nam", "khóa không có ở đây (chỉ có year, results)"),
])
def test_a_results_file_with_a_key_it_does_not_have_names_the_keys_it_has(tmp_path, text, where, said):
    """A misspelt key in the results file is refused at its line, naming the keys of that level."""
    from generator.core.errors import PlanError
    from generator.workflow.rollover import load_results

    path = tmp_path / "ket-qua-2021.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PlanError) as exc:
        load_results(path)
    line = 1 + text.split("\n").index(next(s for s in text.split("\n") if s.strip().startswith(where.split(".")[-1])))
    assert [(p.field, p.line, p.text) for p in exc.value.problems] == [(where, line, said)]


def test_a_result_of_a_criterion_the_plan_has_no_target_for_changes_nothing(plan_copy, tmp_path):
    results = tmp_path / "ket-qua-2021.yaml"
    results.write_text("year: 2021\nresults:\n  papi.5:\n    value: 6.1\n", encoding="utf-8")
    plain, given = rollover(plan_copy()), rollover(plan_copy(), results_path=results)
    assert given.text == plain.text


@pytest.mark.parametrize("words,cut", [(11, False), (12, False), (13, True)])
def test_a_quoted_sentence_is_marked_cut_only_when_words_were_left_out(words, cut):
    """Rollover's messages quote a sentence's first 12 words: one of exactly 12 words is quoted whole, with no
    "…" (fresh mutant roll-excerpt-ellipsis, batch 7b, marked it cut)."""
    from generator.workflow.years import excerpt

    text = " ".join(f"từ{k}" for k in range(1, words + 1))
    shown = excerpt(text, (0, len(text)))
    assert shown == " ".join(text.split()[:12]) + (" …" if cut else "")


@pytest.mark.parametrize("text,where,said", [
    # the guide's one-line form with a decimal comma: YAML reads '44' as the value and '5' as a key
    ("year: 2026\nresults:\n  papi: {value: 44,5, rank: 22, of: 34}\n", "results.papi.value",
     "số thập phân phải viết bằng dấu chấm: 44.5 (không phải 44,5)"),
    ("year: 2026\nresults:\n  papi:\n    value: 44,5\n", "results.papi.value",
     "số thập phân phải viết bằng dấu chấm: 44.5 (không phải 44,5)"),
])
def test_a_result_written_with_a_decimal_comma_is_told_the_dot(tmp_path, text, where, said):
    from generator.core.errors import PlanError
    from generator.workflow.rollover import load_results

    path = tmp_path / "ket-qua-2026.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PlanError) as exc:
        load_results(path)
    assert [(p.field, p.line, p.text) for p in exc.value.problems] == [(where, text.count("\n") , said)]
