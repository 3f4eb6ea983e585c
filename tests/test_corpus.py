"""Output stability as a contract: the corpus of plans (plans/, tests/data/, tests/corpus/) uses every
field of the plan schema, and each plan's document, workbook and recipients list are pinned by golden
files. A change of any of them fails here until the goldens are rewritten on purpose
(`python -m tests.update_golden`) and the change is named in the commit."""
from __future__ import annotations

from pathlib import Path

import pytest

from generator.plan.validate import load_plan
from generator.render.build import build_plan
from tests.conftest import DATA, PLANS
from tests.coverage import schema_fields, used_fields
from tests.dump import check_golden, dump_docx, dump_xlsx

CORPUS_DIR = Path(__file__).parent / "corpus"
NEW = sorted(CORPUS_DIR.glob("*.yaml")) + [DATA / "sample-2022.yaml"]
CORPUS = [*PLANS, *sorted(DATA.glob("*.yaml")), *sorted(CORPUS_DIR.glob("*.yaml"))]
GOLDEN = Path(__file__).parent / "golden"


def test_every_schema_field_is_used_by_some_corpus_plan():
    used: set = set()
    for path in CORPUS:
        used_fields(load_plan(path)[0], used)
    unused = sorted(schema_fields() - used)
    assert not unused, f"no corpus plan sets these fields; add them to a plan in tests/corpus/: {unused}"


def test_the_coverage_walk_sees_a_field_that_is_set_and_one_that_is_not(plan_from):
    # the walk itself can fail: a default value does not count as used
    plan, _ = plan_from(lambda data: None)
    used = used_fields(plan)
    assert ("Target", "wording") in used and ("Target", "qualifier") not in used
    assert ("Layout", "size_pair") not in used and ("ScoresAppendix", "index_row") not in used


@pytest.fixture(scope="module")
def corpus_built(tmp_path_factory):
    out = tmp_path_factory.mktemp("corpus")
    return {p.stem: build_plan(p, out) for p in NEW + [*PLANS, DATA / "sample.yaml"]}


def _file(result, suffix: str) -> Path:
    return next(f for f in result.files if f.name.endswith(suffix))


@pytest.mark.parametrize("stem", [p.stem for p in NEW])
def test_golden_document_and_workbook(corpus_built, stem):
    check_golden(GOLDEN / "corpus" / f"{stem}.docx.txt", dump_docx(_file(corpus_built[stem], ".docx")))
    check_golden(GOLDEN / "corpus" / f"{stem}.xlsx.txt", dump_xlsx(_file(corpus_built[stem], ".xlsx")))


@pytest.mark.parametrize("stem", [p.stem for p in NEW + [*PLANS, DATA / "sample.yaml"]])
def test_golden_recipients_list(corpus_built, stem):
    check_golden(GOLDEN / "corpus" / f"{stem}.noi-nhan.txt",
                 _file(corpus_built[stem], "-noi-nhan.txt").read_text(encoding="utf-8"))


def test_a_whole_index_keeps_its_own_row_unless_the_plan_asks_otherwise(corpus_built):
    """A PAR score table printed `I` for the whole index, then `1 / 1.1 / 1.1.1`, before a new layout
    (5fa7bc6) became everyone's default; plans that do not set index_row: false print as they did."""
    text = dump_docx(_file(corpus_built["par-2019"], ".docx"))
    assert "| I | Chỉ số cải cách hành chính cấp tỉnh | 100 | 79,53 | 92,81 |  |" in text
    assert "| 1 | Công tác chỉ đạo, điều hành cải cách hành chính | 9 | 7,97 | 8,5 |" in text
    assert "| 1.1.1 | Ban hành kế hoạch cải cách hành chính năm | 0,5 | 0,25 | 0,5 |  |" in text
    new = dump_docx(_file(corpus_built["cchc-2026"], ".docx"))
    assert "| I | Công tác chỉ đạo, điều hành cải cách hành chính |" in new
    assert "Chỉ số cải cách hành chính cấp tỉnh | 100" not in new


def test_a_mismatch_shows_a_readable_diff_and_writes_nothing(tmp_path, monkeypatch):
    """Issue 23: KEHOACH_UPDATE_GOLDEN=1 (even '0') made every golden test pass by rewriting the golden
    first. No environment variable turns a test run into an update now."""
    for value in ("1", "0", "yes"):
        monkeypatch.setenv("KEHOACH_UPDATE_GOLDEN", value)
        golden = tmp_path / "x.txt"
        golden.write_text("a\nb\nc\n", encoding="utf-8")
        with pytest.raises(AssertionError) as exc:
            check_golden(golden, "a\nB\nc\n")
        assert "-b\n+B" in str(exc.value) and "python -m tests.update_golden" in str(exc.value)
        assert golden.read_text(encoding="utf-8") == "a\nb\nc\n"
        with pytest.raises(AssertionError):
            check_golden(tmp_path / "missing.txt", "a\n")
        assert not (tmp_path / "missing.txt").exists()


def test_only_the_update_command_rewrites_goldens(tmp_path, monkeypatch):
    """`python -m tests.update_golden` loads itself as a pytest plugin: that, and only that, turns writing on."""
    from tests import dump, update_golden

    monkeypatch.setattr(dump, "WRITE_GOLDEN", False)
    update_golden.pytest_configure(None)
    assert dump.updating()
    golden = tmp_path / "g.txt"
    golden.write_text("old\n", encoding="utf-8")
    check_golden(golden, "new\n")
    assert golden.read_text(encoding="utf-8") == "new\n"


@pytest.mark.parametrize("path", sorted(CORPUS_DIR.glob("*.yaml")), ids=lambda p: p.stem)
def test_corpus_plans_validate_against_the_exported_schema(path):
    import jsonschema
    import yaml

    from generator.plan.schema import plan_schema
    from tests.test_schema import as_json

    data = as_json(yaml.safe_load(path.read_text(encoding="utf-8")))
    jsonschema.validate(data, plan_schema(), cls=jsonschema.Draft202012Validator)
    _, warnings = load_plan(path)
    assert not [w for w in warnings if "chưa được xác minh" not in w.text], warnings
