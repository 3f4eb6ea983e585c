"""`kehoach init`'s starter plan: for every province, only TODO markers stand between it and a build."""
import json
import re

import pytest

from generator.plan.agencies import provinces
from generator.render.build import build_plan
from generator.core.errors import KehoachError, PlanError
from generator.workflow.starter import starter_plan
from generator.plan.validate import load_plan

TODO = re.compile(r"'TODO: (?:[^']|'')*?\(ví dụ: ((?:[^']|'')*)\)'")


def fill(text: str) -> str:
    """What a drafter does, mechanically: every marker replaced by its example."""
    def example(match: re.Match) -> str:
        value = match.group(1).replace("''", "'")
        return value if re.fullmatch(r"\d+(\.\d+)?", value) else json.dumps(value, ensure_ascii=False)
    return TODO.sub(example, text)


def write(tmp_path, starter):
    path = tmp_path / f"{starter.file_stem}.yaml"
    path.write_text(starter.text, encoding="utf-8")
    return path


def test_starter_reports_only_its_todo_markers(tmp_path):
    starter = starter_plan("Tuyên Quang", 2026, ["papi", "par"], "kehoach.schema.json")
    assert starter.text.startswith("# yaml-language-server: $schema=kehoach.schema.json\n")
    with pytest.raises(PlanError) as exc:
        load_plan(write(tmp_path, starter))
    errors = [p for p in exc.value.problems if p.level == "error"]
    assert len(errors) == starter.todos > 10
    assert all(p.text.startswith("còn việc phải làm: TODO: ") for p in errors)


def test_every_province_validates_once_the_todos_are_filled(tmp_path):
    """All 64 names (34 current, 30 former), in the year each existed."""
    seen = set()
    for province in provinces():
        year = 2024 if "until" in province else 2026
        starter = starter_plan(province["name"], year, ["papi"], "kehoach.schema.json")
        path = tmp_path / f"{province['id']}.yaml"
        path.write_text(fill(starter.text), encoding="utf-8")
        plan, warnings = load_plan(path)
        assert plan.registry == province["id"] and province["name"].upper() in plan.issuer.name[1]
        assert not [w for w in warnings if "Nơi nhận" in w.text or "cơ quan" in w.text], warnings
        seen.add(plan.issuer.name[1])
    assert len(seen) == 64


@pytest.mark.parametrize("province,year,indices", [
    ("Hồ Chí Minh", 2026, ["papi", "par", "sipas", "pci"]),  # a city, every index
    ("Hà Giang", 2024, ["papi"]),  # a province merged away in 2025, for an older plan
])
def test_filled_starter_builds(tmp_path, province, year, indices):
    starter = starter_plan(province, year, indices, "kehoach.schema.json")
    path = tmp_path / f"{starter.file_stem}.yaml"
    path.write_text(fill(starter.text), encoding="utf-8")
    result = build_plan(path, tmp_path / "build")
    assert result.task_rows == len(indices)
    recipients = (result.out_dir / f"{starter.file_stem}-noi-nhan.txt").read_text(encoding="utf-8")
    if year < 2025:
        assert "UBND các huyện, thị xã, thành phố" in recipients
    else:
        assert "TT Thành ủy, TT HĐND thành phố" in recipients and "huyện" not in recipients


def test_city_issuer_and_place():
    text = starter_plan("TP. Hồ Chí Minh", 2026, ["papi"], "x.json").text
    assert "    - THÀNH PHỐ HỒ CHÍ MINH\n" in text and "  place: Thành phố Hồ Chí Minh\n" in text


def test_unknown_province_and_index_are_refused_with_a_suggestion():
    with pytest.raises(KehoachError, match="có phải ý bạn là 'Hà Giang'"):
        starter_plan("Ha Giangg", 2026, ["papi"], "x.json")
    with pytest.raises(KehoachError, match="các chỉ số có: .*papi"):
        starter_plan("Huế", 2026, ["papy"], "x.json")
