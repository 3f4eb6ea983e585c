"""`import --onto` (workflow/review/session.py) and `import` on what the fourth hostile campaign of issue 22
found: a plan that `validate` refuses, given a reviewer's file with no edits; a drop cap (tests/word/
hostile_fourth.py has the other files; bench/hostile_fourth.py runs them all)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.render.build import build_plan
from tests.conftest import SAMPLE
from tests.test_cli import run
from tests.word import hostile_fourth as fam


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


@pytest.mark.parametrize("reject", [False, True])
def test_a_drop_cap_is_read_as_the_first_letter_of_its_paragraph(seed_built, tmp_path, reject):
    """Insert › Drop Cap on the preamble's first letter: Word keeps the 'T' in a framed paragraph of its own
    and prints it at the start of the next. --onto read the next as an edit ('heo kết quả…') and wrote it into
    the plan, with 'T' left over as an addition it could not place (fourth campaign of issue 22)."""
    plan, docx = seed_built
    mine = tmp_path / "plan.yaml"
    shutil.copy(plan, mine)
    before = mine.read_bytes()
    path = fam.drop_cap(docx, tmp_path)
    done = run("import", "--onto", mine, path, *(["--reject"] if reject else []))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 sửa đổi đã đưa vào, 0 bỏ qua, 0 chưa đưa vào" in done.stdout
    assert mine.read_bytes() == before


def test_a_drop_cap_letter_is_imported_with_its_paragraph(seed_built, tmp_path):
    path = fam.drop_cap(seed_built[1], tmp_path)
    done = run("import", path, "-o", tmp_path / "out.yaml")
    assert done.returncode == 0, done.stderr
    text = " ".join((tmp_path / "out.yaml").read_text(encoding="utf-8").split())
    assert "- >- Theo kết quả công bố" in text or "- Theo kết quả công bố" in text, text[:3000]
    assert " heo kết quả" not in text and "- T\n" not in text


def _applied(seed_built, tmp_path, make):
    """A copy of the seed plan with the reviewer's file `make(docx, folder)` brought in by `import --onto`
    (exit 0): (the plan's path, its text)."""
    plan, docx = seed_built
    mine = tmp_path / "plan.yaml"
    shutil.copy(plan, mine)
    done = run("import", "--onto", mine, make(docx, tmp_path))
    assert done.returncode == 0, done.stdout + done.stderr
    return mine, mine.read_text(encoding="utf-8")


def test_a_reviewers_emoji_reach_the_plan_as_typed(seed_built, tmp_path):
    """Emoji typed on a phone (a skin tone, a flag, a family joined by U+200D, variation selectors): the
    joiners were dropped on the way into the plan ('👨👩👧', three people; fourth campaign of issue 22)."""
    mine, text = _applied(seed_built, tmp_path, fam.astral)
    assert fam.ASTRAL in text and "100% UBND cấp xã triển khai thực hiện. ✅" in text


def test_a_part_deleted_whole_leaves_the_plan_heading_and_all(seed_built, tmp_path):
    """The reviewer deleted a whole part: its heading ('2. Đối với chỉ số nội dung “Tham gia…”') and its three
    bullets. The bullets went, the heading was left 'cần xử lý bằng tay' (exit 1), and the plan kept a part with
    a title and nothing under it (fourth campaign of issue 22). A heading deleted with everything under it
    takes its part out of the plan."""
    mine, text = _applied(seed_built, tmp_path, fam.section_deleted)
    assert "id: gp-tham-gia" not in text and "title: Đối với chỉ số nội dung “Tham gia" not in text
    assert "id: gp-cong-khai" in text and "id: lanh-dao-chi-dao" in text
    assert run("validate", mine).returncode == 0
    # the rest of the plan is as it was: only the part's lines went
    old, new = seed_built[0].read_text(encoding="utf-8").splitlines(), text.splitlines()
    assert [line for line in old if line not in new][:2] == ["      - id: gp-tham-gia",
                                                              "        title: Đối với chỉ số nội dung “Tham gia của "
                                                              "người dân ở cấp cơ sở”"]
    assert all(line in old for line in new)


def test_the_refusal_of_another_plans_document_states_the_real_share_of_lines(tmp_path):
    """A document built from another unit's plan that began as a copy of this one (this plan's 187 lines, and
    60 tasks of its own inserted under 'tasks:'): `import --onto` refuses it, and the share it states is the
    share of the build's plan lines found in this plan file: 187 of 487, 38% (fresh mutant
    onto-other-plan-percent printed 'chỉ 0% số dòng' whatever the share)."""
    text = SAMPLE.read_text(encoding="utf-8")
    own = "".join(f"  - id: them-{i:02d}\n    dimension: papi.2\n    content: Nhiệm vụ riêng số {i} của đơn vị khác.\n"
                  "    lead:\n      - so-noi-vu\n" for i in range(1, 61))
    other = tmp_path / "other" / "sample.yaml"
    other.parent.mkdir()
    other.write_text(text.replace("\ntasks:\n", "\ntasks:\n" + own, 1), encoding="utf-8")
    docx = next(f for f in build_plan(other, tmp_path / "build").files if f.suffix == ".docx")
    plan = tmp_path / "sample.yaml"
    shutil.copy(SAMPLE, plan)
    done = run("import", "--onto", plan, docx)
    assert done.returncode == 1 and "được build từ một kế hoạch khác" in done.stderr + done.stdout
    # every line of this plan is in the other plan, in order; the other plan's own lines are not in this one
    share = len(text.splitlines()) / len(other.read_text(encoding="utf-8").splitlines())
    assert f"(chỉ {round(share * 100)}% số dòng của kế hoạch đã dùng để build" in done.stderr + done.stdout
    assert round(share * 100) == 38
    assert plan.read_text(encoding="utf-8") == text
