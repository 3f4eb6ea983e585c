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
