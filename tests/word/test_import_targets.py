"""kehoach import on sentences stating several targets (issue 19): a rank group for several indices
("… các Chỉ số PAPI, PAR INDEX … nằm trong nhóm 20 tỉnh, thành phố dẫn đầu"), a target and a second one
after "trong đó", two criteria with a value each. The file is an office-style plan of our own
(tests/office/make_targets.py)."""
from __future__ import annotations

import pytest

from generator.importer.importer import import_document
from generator.importer.recall import document_words, rebuilt_document, recall
from generator.importer.targets import catalogue_for, parse_target
from generator.plan.validate import load_plan
from generator.word import read_docx
from tests.office.make_targets import OWN_NAMES, SENTENCES, TARGETS_TRUTH, TASK_SENTENCE, make_targets_plan
from tests.word.test_importer import write_plan


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    path = make_targets_plan(tmp_path_factory.mktemp("targets") / "chi-tieu.docx")
    doc = read_docx(path).value
    return doc, import_document(doc, plan_id="chi-tieu")


def test_every_target_of_a_sentence_is_read(imported):
    _, result = imported
    own = {c["code"]: c["name"] for c in result.data.get("criteria", []) if "parent" not in c}
    got = [(own.get(t["criterion"], t["criterion"]), t.get("unit", "điểm"), t["target"], t.get("bound", "exact"))
           for t in result.data["targets"]]
    assert got == [(OWN_NAMES[c] if isinstance(c, int) else c, u, v, b) for c, u, v, b, _ in TARGETS_TRUTH]


def test_a_result_no_index_measures_gets_a_criterion_of_the_plans_own(imported, tmp_path):
    """"tỷ lệ hồ sơ … giải quyết đúng hạn đạt tối thiểu 98%" in a target section: no catalogue criterion
    fits, so the plan declares its own (named as printed, no index above it); the plan validates."""
    _, result = imported
    own = [c for c in result.data["criteria"] if "parent" not in c]
    assert [c["name"] for c in own] == OWN_NAMES
    _, messages = load_plan(write_plan(result.data, tmp_path / "own.yaml"))
    assert [m for m in messages if m.level in ("error", "warning")] == []


def test_a_sentence_stating_several_targets_is_printed_once(imported):
    doc, result = imported
    by_id = {t["id"]: t for t in result.data["targets"]}
    printed = result.data["sections"][1]["content"]
    assert len(printed) == 2 and len(printed[0]["targets"]) == len(SENTENCES)
    assert printed[1] == {"bullets": [TASK_SENTENCE]}
    # the first target of each sentence prints it, as printed; the others are data, not printed again (a
    # rank group keeps the sentence: "nhóm 20 tỉnh dẫn đầu" is said only in its words)
    assert [by_id[tid]["wording"] for tid in printed[0]["targets"]] == SENTENCES
    riders = [t for t in result.data["targets"] if t["id"] not in printed[0]["targets"]]
    assert [t["criterion"] for t in riders if "wording" in t] == ["par"]
    rebuilt = rebuilt_document(result.data)
    texts = [p.text for p in rebuilt.paragraphs()]
    for sentence in SENTENCES:
        assert sum(sentence in t for t in texts) == 1
    assert recall(document_words(doc), document_words(rebuilt)) == 1.0


def test_rank_group_target_is_a_rank_to_reach_or_better(imported, tmp_path):
    """"nằm trong nhóm 20 tỉnh dẫn đầu" is rank 20 or better: unit hạng, target 20, bound at_least (the model's
    form for it, with the printed words kept as wording); the plan validates without a warning."""
    _, result = imported
    group = [t for t in result.data["targets"] if t.get("unit") == "hạng"]
    assert [(t["criterion"], t["target"], t["bound"]) for t in group] == [("papi", 20, "at_least"), ("par", 20, "at_least")]
    assert all("nhóm 20 tỉnh" in t["wording"] for t in group)
    _, messages = load_plan(write_plan(result.data, tmp_path / "chi-tieu.yaml"))
    assert [m for m in messages if m.level in ("error", "warning")] == []


def test_tối_thiểu_right_after_đạt_bounds_the_value():
    cat = catalogue_for({"papi": "2018"})
    assert parse_target("Chỉ số PAPI đạt tối thiểu 45 điểm.", cat).bound == "at_least"
    assert parse_target("Chỉ số PAPI đạt 45 điểm.", cat).bound == "exact"


def test_a_task_under_chỉ_tiêu_is_not_a_target(imported):
    """"Tổ chức tập huấn … cho 100% công chức …" orders work: it stays a bullet, said as a sentence with a
    number that gave no target (the summary's unread count), never a 100% target."""
    _, result = imported
    assert not any(t.get("wording") == TASK_SENTENCE for t in result.data["targets"])
    assert not any("công chức" in c["name"] for c in result.data["criteria"])
    assert result.counts["unread_targets"] == 1
    cat = catalogue_for({"papi": "2018"})
    assert parse_target("Tổ chức tập huấn cho 100% cán bộ đầu mối.", cat, context="papi") is None
    assert parse_target("Bảo đảm 100% hồ sơ được số hóa.", cat, context="papi").target == 100


def test_plan_naming_no_index_with_its_own_targets_imports(tmp_path):
    """A plan that names no index (no 'indices' in the plan) but whose target section gives criteria of its
    own: the import used to stop with "lỗi không mong đợi: KeyError: 'indices'" (the unused indices were
    dropped from a plan that had none)."""
    from tests.office.make_duties import PLAN as NO_INDEX_PLAN
    from tests.office.make_office import make_office_docx

    text = NO_INDEX_PLAN.replace(
        "      - Chủ động phòng ngừa, ứng phó kịp thời, giảm thiểu thiệt hại do thiên tai gây ra.",
        "      - Chủ động phòng ngừa, ứng phó kịp thời, giảm thiểu thiệt hại do thiên tai gây ra.\n"
        "  - id: chi-tieu\n    title: CHỈ TIÊU\n    content:\n"
        "      - Tỷ lệ hộ dân vùng ven biển được hướng dẫn kỹ năng phòng tránh thiên tai đạt tối thiểu 90%.")
    plan = tmp_path / "khong-chi-so.yaml"
    plan.write_text(text, encoding="utf-8")
    doc = read_docx(make_office_docx(plan, tmp_path / "khong-chi-so.docx", "van-thu")).value
    result = import_document(doc, plan_id="khong-chi-so")
    assert "indices" not in result.data
    (target,) = result.data["targets"]
    assert target["target"] == 90 and target["bound"] == "at_least"
    assert result.data["criteria"] == [{"code": target["criterion"],
                                        "name": "Tỷ lệ hộ dân vùng ven biển được hướng dẫn kỹ năng phòng tránh thiên tai"}]


@pytest.mark.parametrize("year_said,baseline", [(2020, (2020, "45")), (2021, (None, None))])
def test_only_an_earlier_years_result_is_read_as_the_baseline(year_said, baseline):
    """In a 2021 plan, "năm 2020 đạt 45 điểm" is last year's result (the baseline the sentence compares
    with); "năm 2021 đạt 45 điểm" is the plan year itself, never a baseline (a plan cannot compare with its
    own year: validate would warn about the plan imported)."""
    parsed = parse_target(f"Chỉ số PAPI năm {year_said} đạt 45 điểm, phấn đấu đạt 46 điểm.",
                          catalogue_for({"papi": "2018"}), year=2021)
    got = (parsed.base_year, None if parsed.base_value is None else str(parsed.base_value))
    assert got == baseline


@pytest.mark.parametrize("year, version", [(2021, "qd1150-2020"), (2022, "qd876-2022"), (2023, "qd876-2022")])
def test_a_plan_of_the_year_a_catalogue_version_was_published_gets_that_version(year, version):
    """A document naming PAR INDEX but none of its criteria: the import picks the newest version published
    by the plan year, so a 2022 plan gets the method of Quyết định 876/QĐ-BNV (2022), a 2021 plan the 2020 one
    (fresh mutant i-catalogue-same-year-later)."""
    from generator.importer.targets import choose_indices

    text = f"Kế hoạch nâng cao Chỉ số cải cách hành chính (PAR INDEX) của tỉnh năm {year}."
    indices, notes = choose_indices(text, year, None)
    assert indices == {"par": version}
    assert f"dùng danh mục phiên bản '{version}'" in notes[0]
