"""`import --onto` (workflow/review/session.py) on what the fourth hostile campaign of issue 22 found: a plan
that `validate` refuses, given a reviewer's file with no edits (tests/word/hostile_fourth.py has the other
files; bench/hostile_fourth.py runs them all)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.render.build import build_plan
from tests.conftest import SAMPLE
from tests.test_cli import run


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("built")
    plan = folder / "sample.yaml"
    shutil.copy(SAMPLE, plan)
    docx = next(f for f in build_plan(plan, folder / "build").files if f.suffix == ".docx")
    return plan, docx


@pytest.mark.parametrize("breaks, said", [
    (("year: 2021", "year: 2021\nyear: 2022"), "khóa 'year' bị lặp"),
    (("year: 2021", "year: 2221"), "year: phải ≤ 2100"),
    (("number: 5", "number: .nan"), "số không hợp lệ"),
])
def test_an_invalid_plan_with_an_unedited_review_is_refused_like_validate(built, tmp_path, breaks, said):
    """The plan was made invalid after the build; the reviewer changed nothing. `validate` refuses the plan,
    so --onto must too (it said '0 sửa đổi' and exited 0, leaving the drafter to think the plan was fine)."""
    plan, docx = built
    mine = tmp_path / "sample.yaml"
    text = plan.read_text(encoding="utf-8")
    assert breaks[0] in text
    mine.write_text(text.replace(breaks[0], breaks[1], 1), encoding="utf-8")
    before = mine.read_bytes()
    checked = run("validate", mine)
    assert checked.returncode == 1 and said in checked.stdout + checked.stderr
    done = run("import", "--onto", mine, docx)
    assert done.returncode == 1, done.stdout + done.stderr
    assert said in done.stderr
    assert "không đưa được vào" in done.stderr
    assert mine.read_bytes() == before
