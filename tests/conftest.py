"""Shared fixtures: built outputs are made once per session (building is the slow part)."""
from __future__ import annotations

import sys
from pathlib import Path

# A test session keeps the bytecode it compiles, whatever PYTHONDONTWRITEBYTECODE says: pytest caches each test
# module's assert-rewritten code in __pycache__ only when bytecode may be written, and without it every worker
# parses and rewrites all ~100 test modules (and compiles generator/) on every run, ~8 CPU seconds each.
# Subprocesses of the tests (`python -m generator …`) read what was written. Git ignores __pycache__/.
sys.dont_write_bytecode = False

import pytest

# golden comparisons fail inside tests/dump.py: rewrite its asserts too, so a failure shows its values
pytest.register_assert_rewrite("tests.dump")


ROOT = Path(__file__).resolve().parent.parent
PLANS = sorted((ROOT / "plans").glob("*.yaml"))
DATA = Path(__file__).resolve().parent / "data"
SAMPLE = DATA / "sample.yaml"


def _selected(config, path: Path) -> bool:
    """Whether the run's arguments (or testpaths) take in `path`."""
    for arg in config.args:
        where = (config.invocation_params.dir / arg.split("::")[0]).resolve()
        if where == path or where in path.parents:
            return True
    return False


def pytest_sessionstart(session):
    """tests/test_install.py's wheel and venv are made in the background from the start (tests/install_prep.py),
    by the controlling process only."""
    config = session.config
    if hasattr(config, "workerinput") or not _selected(config, ROOT / "tests" / "test_install.py") \
            or not _runs_slow_tier(config):
        return
    from tests import install_prep

    install_prep.start_in_background(install_prep.session_dir(config._tmp_path_factory, config))


@pytest.hookimpl(tryfirst=True)
def pytest_collection(session):
    """A cold run's compiling shared by the workers (tests/workers.py)."""
    from tests import workers

    workers.share_the_compiling(session.config)


def pytest_ignore_collect(collection_path, config):
    """A slow-tier file whose every test `-m` deselects is not collected (tests/workers.py)."""
    from tests import workers

    return True if workers.ignored(collection_path, config) else None


def pytest_collection_modifyitems(config, items):
    """The `slow` tier marked (tests/tiers.py says which and why), before `-m` deselects; test_install.py last, so
    its wheel and venv (made in the background meanwhile) are ready when it starts."""
    from tests import tiers

    for item in items:
        reason = tiers.why(item.nodeid) or _converted_real_document(item)
        if reason:
            item.add_marker(pytest.mark.slow(reason))
    install = ROOT / "tests" / "test_install.py"
    items.sort(key=lambda item: item.path == install)


def _converted_real_document(item) -> str | None:
    """A judged real document kept as .doc is read through LibreOffice: the environment tier."""
    from tests import tiers

    key = getattr(getattr(item, "callspec", None), "params", {}).get("key")
    judgement = getattr(item.module, "judgement", None)
    if not (key and judgement and item.nodeid.startswith("tests/real/")):
        return None
    return tiers.ENVIRONMENT if Path(judgement(key)["file"]).suffix.lower() in tiers.CONVERTED else None


def _runs_slow_tier(config) -> bool:
    """Whether `-m` lets the slow tier run (the background wheel of test_install.py is made only then)."""
    expr = config.getoption("markexpr") or ""
    try:
        from _pytest.mark.expression import Expression

        return not expr or Expression.compile(expr).evaluate(lambda name, **kw: name == "slow")
    except Exception:  # another pytest's expression API: make the wheel rather than miss it
        return True


def pytest_collection_finish(session):
    """The cyclic collector as a kehoach command sets it (`commands.main`: first threshold 10,000; the in-process CLI
    tests never go through main), and what the test process holds once collected (pytest, the collected items, every
    imported module: ~10⁶ objects) frozen out of its full passes. Each full pass walked all of it again, and so did
    every gc.collect() kehoach makes in a run (`--fix` per pass, `import --onto`'s verify): 7 % of the CPU of
    tests/word (issue 23). Only when and how often garbage is collected changes, never what a run outputs; `--fix`
    leaves the collector to the caller when something is already frozen (`fix._Passes.owns_gc`)."""
    import gc

    from generator.cli.commands import GC_FIRST_THRESHOLD

    gc.set_threshold(GC_FIRST_THRESHOLD, *gc.get_threshold()[1:])
    gc.collect()
    gc.freeze()




def pytest_xdist_make_scheduler(config, log):
    """`--dist loadfile` (pyproject.toml), with the files of tests/workers.SAME_WORKER kept together; any other
    --dist as asked."""
    if config.getvalue("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling

    from tests.workers import SAME_WORKER

    class Grouped(LoadFileScheduling):
        def _split_scope(self, nodeid: str) -> str:
            path = nodeid.split("::", 1)[0]
            return SAME_WORKER.get(path, path)

    return Grouped(config, log)


@pytest.fixture(scope="session", autouse=True)
def warm_libreoffice():
    """In-process conversions go to one warm LibreOffice per test process (tests/lo_warm.py says how and
    why the results are the same); KEHOACH_TEST_WARM_LO=0 starts one per conversion, as kehoach does."""
    from generator.core import libreoffice
    from tests import lo_warm

    if not lo_warm.enabled():
        yield None
        return
    warm = lo_warm.Warm(libreoffice.run)
    patch = pytest.MonkeyPatch()
    patch.setattr(libreoffice, "run", warm.run)
    try:
        yield warm
    finally:
        patch.undo()
        warm.close()


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """Build every seed plan and the sample once; returns {stem: BuildResult}."""
    out = tmp_path_factory.mktemp("build")
    from generator.render.build import build_plan  # here, not at the top: the xdist controller never builds

    return {p.stem: build_plan(p, out) for p in [*PLANS, SAMPLE]}


@pytest.fixture(scope="module")
def seed_built(tmp_path_factory):
    """(a copy of the Quảng Nam 2020 plan, the .docx built from it) in a folder of the module's own: the base the
    hostile families and the editors' round trips change (a module may change the plan, so it is not shared)."""
    folder = tmp_path_factory.mktemp("seed")
    plan = folder / "plan.yaml"
    plan.write_bytes((ROOT / "plans" / "quang-nam-papi-2020.yaml").read_bytes())
    from generator.render.build import build_plan

    docx = next(f for f in build_plan(plan, folder / "build").files if f.suffix == ".docx")
    return plan, docx


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
