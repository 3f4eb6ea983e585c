"""Shipped index catalogues: well formed, and sub-maxima add up where the source gives them."""
from decimal import Decimal

import pytest

from generator.catalogue import available, flatten


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
