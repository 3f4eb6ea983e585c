"""Shared fixtures: built outputs are made once per session (building is the slow part)."""
from __future__ import annotations

from pathlib import Path

import pytest

# golden comparisons fail inside tests/dump.py: rewrite its asserts too, so a failure shows its values
pytest.register_assert_rewrite("tests.dump")

from generator.render.build import build_plan  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PLANS = sorted((ROOT / "plans").glob("*.yaml"))
DATA = Path(__file__).resolve().parent / "data"
SAMPLE = DATA / "sample.yaml"


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """Build every seed plan and the sample once; returns {stem: BuildResult}."""
    out = tmp_path_factory.mktemp("build")
    return {p.stem: build_plan(p, out) for p in [*PLANS, SAMPLE]}


@pytest.fixture
def plan_copy(tmp_path):
    """Copy of the sample plan, to be edited by a test."""
    def make(text_edit=None, name="plan.yaml"):
        text = SAMPLE.read_text(encoding="utf-8")
        if text_edit:
            text = text_edit(text)
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path
    return make


@pytest.fixture
def plan_from(tmp_path):
    """A plan made from the sample by editing its data (as a drafter would write it), loaded and
    validated like any plan file; returns (plan, warnings)."""
    import yaml

    from generator.plan.validate import load_plan

    def make(edit, name="plan.yaml"):
        data = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
        edit(data)
        path = tmp_path / name
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
        return load_plan(path)
    return make


# Office-style Word files made from the seed plans (tests/office/make_office.py).
from tests.office.fixtures import office_docs, office_docx, office_resaved  # noqa: E402, F401
