"""The truth files of tests/real/ stay consistent: counts equal their lists, ids are unique, every
document they describe is where they say, and the tune / held-out split covers every plan.

Only the truth data is checked here; how well the importer does is measured by measure.py."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest
import yaml

HERE = Path(__file__).resolve().parent
TRUTH_FILES = sorted((HERE / "truth").glob("*.yaml"))


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def shared_dir() -> Path | None:
    for cand in (os.environ.get("KEHOACH_SHARED"), HERE.parent.parent.parent / "shared"):
        if cand and (Path(cand) / "real-docs").is_dir():
            return Path(cand)
    return None


@pytest.mark.parametrize("path", TRUTH_FILES, ids=lambda p: p.stem)
def test_counts_match_lists(path: Path) -> None:
    t = load(path)
    assert t["truth_version"] == 1
    assert Path(t["file"]).stem == path.stem
    assert t["tasks"]["count"] == len(t["tasks"]["items"])
    assert [i["n"] for i in t["tasks"]["items"]] == list(range(1, t["tasks"]["count"] + 1))
    assert t["targets"]["count"] == len(t["targets"]["items"])
    ids = [x["id"] for x in t["targets"]["items"]]
    assert len(ids) == len(set(ids))
    if "responsibilities" in t:
        assert t["responsibilities"]["count"] == len(t["responsibilities"]["items"])
    if "groups" in t["tasks"] and t["tasks"]["groups"] and "rows" in t["tasks"]["groups"][0]:
        assert sum(g["rows"] for g in t["tasks"]["groups"]) == t["tasks"]["count"]
    for app in t["appendices"]:
        if app.get("kind") == "tasks":
            assert app["task_rows"] == t["tasks"]["count"]
    for item in t["tasks"]["items"]:
        assert len(item["content_start"]) == min(60, item["content_chars"])
        assert isinstance(item["lead"], list) and isinstance(item["co"], list)
    assert t["pages"]["total"] == t["pages"]["body"] + t["pages"]["appendix"]
    assert "authority" in t["signer"] and t["signer"]["name"]  # authority null: the head signs himself


def test_split_covers_every_plan() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("real_measure", HERE / "measure.py")
    measure = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(measure)
    stems = {p.stem for p in TRUTH_FILES}
    assert measure.TUNE | measure.HELD_OUT == stems
    assert not measure.TUNE & measure.HELD_OUT
    assert 2 * len(measure.HELD_OUT) >= len(stems)
    assert any(load(HERE / "truth" / f"{s}.yaml")["location"] == "shared" for s in measure.HELD_OUT)


def test_sources_listed_and_small() -> None:
    rows = list(csv.DictReader((HERE / "docs" / "SOURCES.tsv").open(encoding="utf-8"), delimiter="\t"))
    listed = {r["file"] for r in rows}
    present = {p.name for p in (HERE / "docs").iterdir() if p.name != "SOURCES.tsv"}
    assert listed == present
    for r in rows:
        assert len(r["commit"]) == 40 and r["repository"].count("/") == 1
        assert (HERE / "docs" / r["file"]).stat().st_size < 2 * 1024 * 1024


@pytest.mark.parametrize("path", TRUTH_FILES, ids=lambda p: p.stem)
def test_document_is_there(path: Path) -> None:
    t = load(path)
    if t["location"] == "docs":
        assert (HERE / "docs" / t["file"]).is_file()
        return
    if t["location"] == "fetched":  # not committed: the truth says exactly where it is public
        src = t["source"]
        assert src["repository"].count("/") == 1 and len(src["commit"]) == 40 and src["path"] and len(src["md5"]) == 32
        return
    shared = shared_dir()
    if shared is None:
        pytest.fail("thiếu thư mục tài liệu thật ../shared/real-docs (đặt thư mục shared bên cạnh kho, hoặc KEHOACH_SHARED)")
    assert (shared / "real-docs" / t["file"]).is_file()
