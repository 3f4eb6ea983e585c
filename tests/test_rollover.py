"""Rolling a plan forward: only TODO markers left, only the lines that had to change, comments kept."""
import difflib
import re
from decimal import Decimal

import pytest
import yaml

from generator.render.build import build_plan
from generator.core.errors import PlanError
from generator.workflow.rollover import default_output, rollover
from generator.plan.validate import load_plan
from tests.conftest import PLANS, SAMPLE


def roll_to(tmp_path, plan, **kwargs):
    result = rollover(plan, **kwargs)
    out = tmp_path / default_output(plan, result.old_year, result.new_year).name
    out.write_text(result.text, encoding="utf-8")
    return result, out


def fill_todos(text: str) -> str:
    """What a drafter does: confirm baselines, set targets a little higher, rewrite the sentences."""
    def number_from(match):
        value = Decimal(match.group(2).replace(",", "."))
        return f"{match.group(1)}{value + Decimal('0.1') if 'chỉ tiêu năm' in match.group(0)[:30] else value}"
    # TODO values are folded over several lines to keep the line width: read them as one line
    text = re.sub(r'"TODO: [^"]*"', lambda m: re.sub(r"\n\s*", " ", m.group(0)), text)
    text = re.sub(r"(value: )\"TODO: [^(]*\(tạm lấy chỉ tiêu năm \d+: ([\d,]+)\)\"", lambda m: m.group(1) +
                  m.group(2).replace(",", "."), text)
    text = re.sub(r"(target: )\"TODO: [^(]*\(chỉ tiêu năm \d+: ([\d,]+)\)\"", number_from, text)
    text = re.sub(r"(rank: )\"TODO: [^(]*\(năm \d+: (\d+)\)\"", lambda m: m.group(1) + m.group(2), text)
    return re.sub(r"TODO: [^—]*—\s+", "", text)


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.stem)
def test_only_todo_markers_fail_validation(tmp_path, plan):
    result, out = roll_to(tmp_path, plan)
    with pytest.raises(PlanError) as exc:
        load_plan(out)
    errors = [p for p in exc.value.problems if p.level == "error"]
    assert errors and all(p.text.startswith("còn việc phải làm: TODO") for p in errors)
    assert len(errors) == len(result.todos)


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.stem)
def test_line_diff_touches_only_what_had_to_change(tmp_path, plan):
    result, out = roll_to(tmp_path, plan)
    old_lines = plan.read_text(encoding="utf-8").splitlines()
    new_lines = out.read_text(encoding="utf-8").splitlines()
    old_year, prev = str(result.old_year), str(result.old_year - 1)
    structural = re.compile(r"^\s*(id|year|number|date|target|value|rank|wording):")
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        todo_added = any("TODO" in line for line in new_lines[j1:j2])
        for line in old_lines[i1:i2]:
            assert old_year in line or prev in line or structural.match(line) or todo_added, \
                f"changed without reason: {line!r}"
        if op == "insert":
            assert all(line.startswith("# kehoach rollover") or structural.match(line) or
                       line.strip().startswith(("baseline:", "year:")) or
                       (todo_added and not re.match(r"^\s*[a-z_]+:\s", line))  # a folded TODO value
                       for line in new_lines[j1:j2])
    comments = [line for line in old_lines if line.lstrip().startswith("#")]
    assert [line for line in new_lines if line.lstrip().startswith("#")][:1] == comments[:1]
    assert all(c in new_lines for c in comments)
    assert new_lines[1].startswith("# kehoach rollover: từ ") and f"năm {old_year} → " in new_lines[1]


def test_years_move_only_where_structural(tmp_path):
    plan = next(p for p in PLANS if p.stem == "hung-yen-papi-2021")
    text = rollover(plan).text
    assert "Luật Bảo vệ môi trường năm 2020" in text          # a cited law keeps its year
    assert "thời kỳ 2021-2030" in text                       # a period is not the plan year
    assert "(ban hành trước ngày 10/02/2022)" in text         # deadline moves
    assert "timeframe: Trong năm 2022" in text               # timeframe moves
    assert "năm 2022 tăng bậc so với năm 2021" in text        # target year and results year move
    seed = rollover(next(p for p in PLANS if p.stem == "quang-nam-papi-2020")).text
    assert "Nghị định số 90/2013/NĐ-CP ngày 08/8/2013" in seed
    assert "timeframe: Quý IV/2021" in seed and "trước ngày 31/7/2021" in seed
    assert "giai đoạn 2016-2020" in seed


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.stem)
def test_filled_rollover_builds(tmp_path, plan):
    _, out = roll_to(tmp_path, plan)
    out.write_text(fill_todos(out.read_text(encoding="utf-8")), encoding="utf-8")
    result = build_plan(out, tmp_path / "build")
    assert result.files[0].suffix == ".docx"
    new_plan, _ = load_plan(out)
    assert new_plan.year == load_plan(plan)[0].year + 1
    assert new_plan.document.number is None and new_plan.document.date is None


def test_results_file_gives_confirmed_baselines(tmp_path):
    results = tmp_path / "ket-qua-2021.yaml"
    results.write_text("year: 2021\nresults:\n  papi:\n    value: 45.9\n    rank: 21\n    of: 63\n"
                       "  papi.2:\n    value: 5.62\n", encoding="utf-8")
    result, out = roll_to(tmp_path, SAMPLE, results_path=results)
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    by_id = {t["id"]: t for t in data["targets"]}
    assert by_id["t-papi"]["baseline"] == {"year": 2021, "value": 45.9, "rank": 21, "of": 63}
    assert by_id["t-cong-khai"]["baseline"] == {"year": 2021, "value": 5.62}
    assert str(by_id["t-moi-truong"]["baseline"]["value"]).startswith("TODO")  # no published result given
    assert all(str(t["target"]).startswith("TODO") for t in data["targets"])


def test_results_of_the_wrong_year_are_refused(tmp_path):
    results = tmp_path / "ket-qua.yaml"
    results.write_text("year: 2019\nresults:\n  papi:\n    value: 40\n", encoding="utf-8")
    with pytest.raises(PlanError) as exc:
        rollover(SAMPLE, results_path=results)
    assert "cần kết quả năm 2021" in str(exc.value)


def test_invalid_plan_is_not_rolled(plan_copy):
    with pytest.raises(PlanError):
        rollover(plan_copy(lambda t: t.replace("year: 2021", "year: x")))


def test_cli_refuses_to_overwrite_without_force(tmp_path):
    from tests.test_cli import run

    out = tmp_path / "next.yaml"
    assert run("rollover", SAMPLE, "-o", out).returncode == 0
    before = out.read_text(encoding="utf-8")
    done = run("rollover", SAMPLE, "-o", out)
    assert done.returncode == 1 and "--force" in done.stderr
    assert run("rollover", SAMPLE, "-o", out, "--force").returncode == 0
    assert out.read_text(encoding="utf-8") == before
    assert "(commit " in before.splitlines()[0]  # provenance records the git commit in a repository


def _real_2019_plan(plan_copy):
    """Lines as a real 2019 plan writes them (PAR Index, Quảng Nam style)."""
    def edit(text):
        text = text.replace("year: 2021\n", "year: 2019\n", 1)
        text = text.replace("  - Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ\n",
                            "  - Căn cứ Nghị quyết số 17/NQ-CP ngày 7/3/2019 của Chính phủ\n"
                            "  - Căn cứ Kế hoạch số 3495/KH-UBND ngày 14/12/2018 của UBND tỉnh\n"
                            "  - Căn cứ Kế hoạch số 3495/KH-UBND ngày 14 tháng 12 năm 2018 của UBND tỉnh\n")
        text = text.replace("    title: Chỉ tiêu điểm số\n",
                            "    title: Kết quả năm 2018 và chỉ tiêu phấn đấu năm 2019 theo Kế hoạch số "
                            "3495/KH-UBND ngày 14/12/2018\n")
        text = text.replace("Chủ trì, theo dõi, đôn đốc thực hiện Kế hoạch này.",
                            "Chủ trì, theo dõi, đôn đốc thực hiện Kế hoạch này; báo cáo kết quả trước ngày "
                            "20/02/2020 và sơ kết trước ngày 15/6/2019.")
        return re.sub(r"\b2021\b", "2019", text).replace("năm 2020", "năm 2018")
    return plan_copy(edit)


def test_cited_documents_keep_their_dates_and_years_move_once(plan_copy):
    text = rollover(_real_2019_plan(plan_copy)).text
    assert "Nghị quyết số 17/NQ-CP ngày 7/3/2019 của Chính phủ" in text
    assert "Kế hoạch số 3495/KH-UBND ngày 14/12/2018 của UBND tỉnh" in text
    assert "Kế hoạch số 3495/KH-UBND ngày 14 tháng 12 năm 2018 của UBND tỉnh" in text
    # the appendix title moves one year, not two, and its cited plan keeps its date
    assert ("title: Kết quả năm 2019 và chỉ tiêu phấn đấu năm 2020 theo Kế hoạch số 3495/KH-UBND "
            "ngày 14/12/2018") in text


def test_early_next_year_deadline_moves_with_the_plan(plan_copy):
    path = _real_2019_plan(plan_copy)
    assert not [w for w in load_plan(path)[1] if "sau năm kế hoạch" in w.text]  # normal, not warned
    text = rollover(path).text
    assert "báo cáo kết quả trước ngày 20/02/2021 và sơ kết trước ngày 15/6/2020." in text


@pytest.mark.parametrize("plan", [*PLANS, SAMPLE], ids=lambda p: p.stem)
def test_todo_lines_keep_the_house_width(plan):
    for line in rollover(plan).text.splitlines():
        if "TODO" in line:
            assert len(line) <= 100, line
    assert yaml.safe_load(rollover(plan).text)  # folded lines are still the same YAML values


def test_relative_targets_roll_over_to_todo_amounts(plan_copy):
    from tests.test_context import _real_targets

    data = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    _real_targets(data)
    path = plan_copy(lambda _: yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100))
    result = rollover(path)
    rolled = yaml.safe_load(result.text)
    by_id = {t["id"]: t for t in rolled["targets"]}
    assert by_id["r-par"]["change"]["by"].startswith("TODO: mức tăng, giảm năm 2022 cho 'par' (năm 2021: 2)")
    assert by_id["r-par"]["baseline"]["rank"].startswith("TODO: xác nhận thứ hạng năm 2021")
    assert by_id["r-sipas"]["change"]["by"].startswith("TODO: mức tăng, giảm năm 2022 cho 'sipas'")
    assert by_id["r-sipas"]["baseline"]["rank"].startswith("TODO: xác nhận kết quả năm 2021 của 'sipas'")
    out = path.with_name("next.yaml")
    out.write_text(result.text, encoding="utf-8")
    with pytest.raises(PlanError) as exc:
        load_plan(out)
    errors = [p for p in exc.value.problems if p.level == "error"]
    assert all(p.text.startswith("còn việc phải làm: TODO") for p in errors)
    assert len(errors) == len(result.todos)


def test_periods_stay_as_written(plan_copy):
    # "giai đoạn 2021-2025" names a period, not the plan's year: it must not become 2022-2025/2022-2026
    path = plan_copy(lambda t: t
                     .replace("title: Cải thiện Chỉ số PAPI tỉnh Quảng Nam năm 2021",
                              "title: Cải thiện Chỉ số PAPI tỉnh Quảng Nam năm 2021, giai đoạn 2021-2025")
                     .replace("timeframe: Quý II năm 2021", "timeframe: Năm 2021-2025")
                     .replace("closing: Trên đây là Kế hoạch cải thiện Chỉ số PAPI năm 2021",
                              "closing: Trên đây là Kế hoạch cải thiện Chỉ số PAPI năm 2021 (giai đoạn 2020 - 2025,"
                              " năm 2021-2025)"))
    text = rollover(path).text
    assert "title: Cải thiện Chỉ số PAPI tỉnh Quảng Nam năm 2022, giai đoạn 2021-2025\n" in text
    assert "timeframe: Năm 2021-2025\n" in text
    assert "PAPI năm 2022 (giai đoạn 2020 - 2025, năm 2021-2025)\n" in text


def test_trailing_comments_stay(plan_copy):
    path = plan_copy(lambda t: t
                     .replace("year: 2021\n", "year: 2021  # năm của kế hoạch\n")
                     .replace("    timeframe: Quý II năm 2021\n", "    timeframe: Quý II năm 2021 # hạn cuối\n"))
    text = rollover(path).text
    assert "year: 2022  # năm của kế hoạch\n" in text
    assert "    timeframe: Quý II năm 2022 # hạn cuối\n" in text
