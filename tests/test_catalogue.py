"""Shipped index catalogues: well formed, and sub-maxima add up where the source gives them."""
from decimal import Decimal

import pytest

from generator.plan.catalogue import available, flatten


@pytest.mark.parametrize("key", sorted(available()), ids=lambda k: f"{k[0]}-{k[1]}")
def test_catalogue_is_consistent(key):
    tree = flatten(available()[key])
    assert tree[key[0]].is_root
    for info in tree.values():
        assert info.name and info.code.startswith(key[0])
        kids = [tree[c] for c in info.children]
        if info.max is not None and kids and all(k.max is not None for k in kids) and key[0] in ("papi", "par"):
            # PAPI: dimension = sum of its sub-dimensions (3 x 3.33 rounds 10); PAR: fields sum to 100
            assert abs(sum(k.max for k in kids) - info.max) <= Decimal("0.05"), info.code


def test_versions_by_index():
    versions = {}
    for index, version in available():
        versions.setdefault(index, set()).add(version)
    assert versions["papi"] == {"2011", "2018"}
    assert {"qd2948-2017", "qd876-2022"} <= versions["par"]
    assert {"qd2640-2017", "qd1001-2023"} <= versions["sipas"]
    assert {"2013", "2021"} <= versions["pci"]


def test_unverified_entries_are_flagged_not_hidden():
    tree = flatten(available()[("papi", "2018")])
    assert tree["papi.1"].verified and not tree["papi.3.b"].verified


@pytest.mark.parametrize("key", [k for k in sorted(available()) if k[0] == "par"], ids=lambda k: k[1])
def test_par_maxima_by_assessment_year_have_sources_and_sum_to_100(key):
    from generator.plan.catalogue import assessments

    data = available()[key]
    assert "assessments" in data  # every PAR catalogue says what it knows, even when it is nothing
    for year, found in assessments(data).items():
        assert found.source and found.verified in (True, "secondary", False)
        assert set(found.max) == set(flatten(data)[key[0]].children)
        assert sum(found.max.values()) == 100, year


def test_real_plans_maxima_for_2018_and_2019_results():
    from generator.plan.catalogue import assessments

    by_year = assessments(available()[("par", "qd2948-2017")])
    fields = [f"par.{n}" for n in range(1, 9)]
    assert [float(by_year[2018].max[f]) for f in fields] == [9, 10, 13, 12, 13.5, 12.5, 13.5, 16.5]
    assert [float(by_year[2019].max[f]) for f in fields] == [8.5, 10, 14, 12, 14, 12.5, 13, 16]
    assert by_year[2017].verified is True and by_year[2018].verified == "secondary"


def test_file_names_say_what_is_inside():
    """Catalogues are read lazily by file name: the name must match the content."""
    from generator.plan.catalogue import versions

    for (index, version), data in available().items():
        assert (data["index"], str(data["version"])) == (index, version)
    assert len(available()) == len(versions()) >= 9


def test_only_the_catalogues_a_plan_names_are_read():
    from generator.plan import catalogue
    from generator.plan.validate import load_plan
    from tests.conftest import SAMPLE

    catalogue.catalogue.cache_clear()
    plan, _ = load_plan(SAMPLE)
    assert catalogue.catalogue.cache_info().currsize == len(plan.indices)


# ---------------------------------------------------------------- index facts (the `index_facts` block)


def test_every_index_has_its_facts_in_its_newest_version():
    import re

    from generator.plan.catalogue import FACT_KEYS, catalogue, index_facts, newest_version

    facts = index_facts()
    assert set(facts) == {i for i, _ in available()}
    for index, found in facts.items():
        block = catalogue(index, newest_version(index)).get("index_facts")
        assert block is not None and set(block) == FACT_KEYS, index  # every fact written, none unknown
        assert found.label and found.names and found.example_task and found.order is not None
        for pattern in found.names:
            re.compile(pattern)
        content, output = (s.format(year=2026) for s in found.example_task)
        assert "{" not in content + output


def test_index_lists_keep_their_order_and_labels():
    """The order users see (help) and the order import looks for indices in (so the plan's `indices`)."""
    from generator.plan.catalogue import index_facts, index_list, index_names, indices_help

    assert list(index_facts()) == list(index_names()) == ["papi", "par", "sipas", "pci"]
    assert index_list() == "papi, par (PAR Index), sipas, pci"
    assert indices_help() == "Các chỉ số, cách nhau bằng dấu phẩy: papi, par (PAR Index), sipas, pci."
    assert index_facts()["par"].label == "PAR Index"


# A made-up index, as a developer would add one: this file and nothing else.
DEMO = r"""# Danh mục thử nghiệm (chỉ dùng trong kiểm thử).
index: demo
version: '2024'
name: Chỉ số thử nghiệm chuyển đổi số cấp tỉnh
max: 100
levels: [Trụ cột, Chỉ tiêu]
verified: true
index_facts:
  order: 5
  label: DEMO Index
  names:
    - '\bDEMO\s*INDEX\b'
    - 'chỉ số thử nghiệm chuyển đổi số'
  example_task:
    content: 'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính năm {year}'
    output: 'Báo cáo kết quả số hóa'
criteria:
- code: demo.1
  name: Hạ tầng số
  max: 50
  verified: true
  criteria:
  - {code: demo.1.a, name: Kết nối mạng, max: 25, verified: true}
  - {code: demo.1.b, name: Trung tâm dữ liệu, max: 25, verified: true}
- code: demo.2
  name: Dịch vụ công trực tuyến
  max: 50
  verified: true
"""


@pytest.fixture
def catalogue_folder(tmp_path, monkeypatch):
    """A copy of the shipped catalogue folder, standing in for it; returns a function that drops a
    file into it (and forgets what was read, as a new run would)."""
    from generator.plan import catalogue

    folder = tmp_path / "catalogues"
    folder.mkdir()
    for entry in catalogue.folder().iterdir():
        if entry.name.endswith(".yaml"):
            (folder / entry.name).write_text(entry.read_text(encoding="utf-8"), encoding="utf-8")
    caches = (catalogue.versions, catalogue.catalogue, catalogue.index_facts)

    def drop(name: str, text: str) -> None:
        (folder / name).write_text(text, encoding="utf-8")
        for cache in caches:
            cache.cache_clear()

    monkeypatch.setattr(catalogue, "folder", lambda: folder)
    yield drop
    monkeypatch.undo()
    for cache in caches:
        cache.cache_clear()


def test_adding_an_index_is_one_yaml_file(catalogue_folder, tmp_path):
    from generator.importer.targets import catalogue_for, choose_indices, parse_target
    from generator.plan.catalogue import indices_help
    from generator.plan.validate import load_plan
    from generator.render.build import build_plan
    from generator.workflow.starter import starter_plan
    from tests.test_starter import fill

    catalogue_folder("demo-2024.yaml", DEMO)

    # init: offered, named by its label, with its own example task under its first pillar
    starter = starter_plan("Tuyên Quang", 2026, ["papi", "demo"], "kehoach.schema.json")
    text = starter.text
    assert "  demo: '2024'\n" in text and "Nâng cao các chỉ số PAPI và DEMO Index của tỉnh Tuyên Quang" in text
    assert "    dimension: demo.1   # Hạ tầng số\n    sub_dimension: demo.1.a   # Kết nối mạng\n" in text
    assert "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính năm 2026" in text
    assert indices_help().endswith(": papi, par (PAR Index), sipas, pci, demo (DEMO Index).")

    # validate and build: the plan's `indices: {demo: '2024'}` finds the catalogue
    path = tmp_path / f"{starter.file_stem}.yaml"
    path.write_text(fill(text), encoding="utf-8")
    plan, warnings = load_plan(path)
    assert plan.indices == {"papi": "2018", "demo": "2024"}
    assert not [w for w in warnings if "demo" in w.text], warnings  # (a missing catalogue is an error)
    assert build_plan(path, tmp_path / "build").task_rows == 2

    # import: recognised in a document by its names, after the shipped indices, and in target sentences
    document = ("Kế hoạch nâng cao Chỉ số PAPI và Chỉ số thử nghiệm chuyển đổi số năm 2025.\n"
                "Hạ tầng số: hoàn thành kết nối mạng đến các xã.")
    indices, notes = choose_indices(document, 2025, None)
    assert indices == {"papi": "2018", "demo": "2024"} and "chỉ số demo" in notes[-1]
    parsed = parse_target("Chỉ số DEMO Index đạt 60 điểm, tăng 5 điểm so với năm 2024",
                          catalogue_for({"demo": "2024"}))
    assert (parsed.criterion, parsed.target, parsed.base_year, parsed.base_value) == ("demo", 60, 2024, 55)


def test_index_facts_come_from_the_newest_version_that_has_them(catalogue_folder):
    from generator.plan.catalogue import index_facts, newest_version

    catalogue_folder("demo-2024.yaml", DEMO)
    catalogue_folder("demo-2020.yaml", DEMO.replace("'2024'", "'2020'").replace("DEMO Index", "Demo cũ"))
    without = DEMO.replace("'2024'", "'2025'")
    catalogue_folder("demo-2025.yaml", without[:without.index("index_facts:")] + without[without.index("criteria:"):])
    assert newest_version("demo") == "2025"
    assert index_facts()["demo"].label == "DEMO Index"  # 2025 has no block: 2024's, not 2020's
    catalogue_folder("demo-2025.yaml", without.replace("DEMO Index", "Demo mới"))
    assert index_facts()["demo"].label == "Demo mới"
