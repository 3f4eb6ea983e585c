"""Issue 22, fourth hostile campaign, on the Word side: every family of tests/word/hostile_fourth.py (other
editors, Word features kehoach never writes, busy-office habits) brought back into its plan by `import
--onto`: the plan gets exactly the reviewer's words (`EXPECT`), or stays as it was; and `check` answers each
file without a traceback. bench/hostile_fourth.py runs the same files through every command with limits."""
from __future__ import annotations

import shutil

import pytest

from tests.test_cli import run
from tests.word import hostile_fourth as fam
from tests.workflow.hostile_plans_fourth import plan_strings

# what --onto cannot place and leaves to the drafter, saying so with exit 1: the second copy of a pasted plan,
# a display equation added as a paragraph (a part deleted whole: tests/workflow/test_review_session.py)
BY_HAND = {"pasted-twice.docx", "math-blocks.docx"}




@pytest.fixture(scope="module")
def files(seed_built, tmp_path_factory):
    folder = tmp_path_factory.mktemp("fourth")
    made = []
    for make in fam.FAMILIES.values():
        out = make(seed_built[1], folder)
        made += out if isinstance(out, list) else [out]
    return {p.name: p for p in made}


def test_every_family_is_made(files):
    assert len(files) == 21 and set(fam.EXPECT) <= set(files)


@pytest.mark.parametrize("name", sorted(set(fam.EXPECT) - BY_HAND))
def test_onto_brings_exactly_the_reviewers_words(seed_built, files, tmp_path, name):
    plan = tmp_path / "plan.yaml"
    shutil.copy(seed_built[0], plan)
    before = plan_strings(plan)
    done = run("import", "--onto", plan, files[name])
    assert done.returncode == 0, done.stdout + done.stderr
    after = "\n".join(plan_strings(plan))
    for old, new in fam.EXPECT[name]:
        assert (new in after) if new else (old not in after), (old, new)
    if all(new for _, new in fam.EXPECT[name]):  # (a deleted row takes its task's other values with it)
        kept = [t for t in before if not any(old in t for old, _ in fam.EXPECT[name])]
        assert all(t in after for t in kept)  # nothing else changed


@pytest.mark.parametrize("name", ["strict-full.docx", "letter-paper.docx", "page-sizes.docx", "frames-bidi.docx",
                                  "drop-cap.docx", "numbering-overrides.docx", "header-fields.docx"])
def test_onto_of_a_file_without_edits_leaves_the_plan_as_it_is(seed_built, files, tmp_path, name):
    plan = tmp_path / "plan.yaml"
    shutil.copy(seed_built[0], plan)
    before = plan.read_bytes()
    done = run("import", "--onto", plan, files[name])
    assert "Traceback" not in done.stdout + done.stderr
    assert plan.read_bytes() == before, done.stdout
    if name != "strict-full.docx":  # refused: Strict Open XML is not read
        assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("name", sorted(BY_HAND))
def test_what_onto_cannot_place_is_said_and_exits_1(seed_built, files, tmp_path, name):
    plan = tmp_path / "plan.yaml"
    shutil.copy(seed_built[0], plan)
    done = run("import", "--onto", plan, files[name])
    assert done.returncode == 1 and "CHƯA đưa vào — cần xử lý bằng tay" in done.stdout, done.stdout + done.stderr
    after = "\n".join(plan_strings(plan))
    for old, new in fam.EXPECT.get(name, []):
        assert new in after


def test_check_answers_every_family(files):
    for name, path in files.items():
        done = run("check", path)
        assert done.returncode in (0, 1) and "Traceback" not in done.stdout + done.stderr, name
        assert path.name in done.stdout + done.stderr
