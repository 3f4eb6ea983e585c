"""Shared by the review round trip tests: the sample's .docx edited for real in LibreOffice Writer (driven
through UNO by tests/lo_server.py), and the same written the way Word writes comments and tracked changes;
made once per session."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from generator.core import libreoffice
from tests import lo_warm
from tests.workflow.word_edit import add_comment, tracked_replace

HERE = Path(__file__).parent
ROOT = HERE.parent.parent
SEED = ROOT / "plans" / "quang-nam-papi-2020.yaml"

# name → LibreOffice edits of the sample's .docx (see tests/lo_server.py for the ops)
JOBS = {
    "words": [{"op": "replace", "find": "theo dõi, đôn đốc", "with": "theo dõi, kiểm tra, đôn đốc"}],
    "bullets": [
        {"op": "insert_after", "find": "Tuyên truyền trên Cổng thông tin điện tử.",
         "text": "- Tuyên truyền trên mạng xã hội."},
        {"op": "delete_paragraph", "find": "+ Báo Quảng Nam;"},
    ],
    "row": [{"op": "row_after", "find": "Tuyên truyền về bầu cử trưởng thôn.",
             "cells": ["", "Tập huấn cho trưởng thôn.", "", "Sở Nội vụ", "", "Quý III năm 2021", ""]}],
    "target": [{"op": "replace", "find": "đạt 5,7/10 điểm (tăng 0,22", "with": "đạt 5,9/10 điểm (tăng 0,42"}],
    "lead": [{"op": "replace", "find": "UBND cấp huyện", "with": "Sở Nội vụ"}],
    "tracked": [{"op": "track", "on": True},
                {"op": "replace", "find": "theo dõi, đôn đốc", "with": "theo dõi, kiểm tra, đôn đốc"},
                {"op": "delete_paragraph", "find": "Tuyên truyền trên Cổng thông tin điện tử."},
                {"op": "insert_after", "find": "Đài Phát thanh và Truyền hình tỉnh.",
                 "text": "+ Cổng thông tin điện tử tỉnh."}],
    "title": [{"op": "replace", "find": "Cải thiện Chỉ số PAPI tỉnh", "with": "Nâng cao Chỉ số PAPI tỉnh"}],
    # a leader's three tracked edits; the next reviewer accepts the first, rejects the second, leaves the third
    "accept-reject": [{"op": "track", "on": True},
                      {"op": "replace", "find": "theo dõi, đôn đốc", "with": "theo dõi, kiểm tra, đôn đốc"},
                      {"op": "replace", "find": "đạt 5,7/10 điểm (tăng 0,22", "with": "đạt 5,9/10 điểm (tăng 0,42"},
                      {"op": "replace", "find": "Cải thiện Chỉ số PAPI tỉnh", "with": "Nâng cao Chỉ số PAPI tỉnh"},
                      {"op": "track", "on": False},
                      {"op": "review", "find": "thực hiện Kế hoạch này.", "accept": True},
                      {"op": "review", "find": "điểm so với năm 2020).", "accept": False}],
    "shifted": [{"op": "shift_bookmarks"},
                {"op": "replace", "find": "theo dõi, đôn đốc", "with": "theo dõi, kiểm tra, đôn đốc"}],
    "untagged": [{"op": "drop_bookmarks"},
                 {"op": "replace", "find": "theo dõi, đôn đốc", "with": "theo dõi, kiểm tra, đôn đốc"},
                 {"op": "replace", "find": "Quý II năm 2021", "with": "Quý III năm 2021"}],
}


def _edit_in_libreoffice(jobs: list[dict], warm_libreoffice) -> None:
    """Each job's LibreOffice edits made by the session's warm LibreOffice (tests/lo_warm.py; one of its own when
    that is turned off)."""
    if lo_warm.system_python_with_uno() is None:
        pytest.fail("LibreOffice's Python bridge is needed: apt-get install python3-uno (system python3)")
    warm = warm_libreoffice or lo_warm.Warm(libreoffice.run)
    try:
        for job in jobs:
            error = warm.edit(job)
            assert error is None, f"{Path(job['target']).name}: {error}"
    finally:
        if warm is not warm_libreoffice:
            warm.close()


@pytest.fixture(scope="session")
def reviewed(built, tmp_path_factory, warm_libreoffice) -> dict[str, Path]:
    """Every reviewed variant of the sample: JOBS made in LibreOffice, and the two written as Word writes them."""
    out = tmp_path_factory.mktemp("reviewed")
    source = out / "sample.docx"
    shutil.copy(next(f for f in built["sample"].files if f.suffix == ".docx"), source)
    word = {"comment": out / "comment.docx", "word-tracked": out / "word-tracked.docx"}
    add_comment(source, word["comment"], "Tuyên truyền về bầu cử trưởng thôn.", "Cần nêu rõ thời gian tổ chức.",
                "Lê Văn Cường")
    tracked_replace(source, word["word-tracked"], "Khắc phục tồn tại, hạn chế.",
                    "Khắc phục dứt điểm tồn tại, hạn chế.", "Phạm Thị Dung")
    _edit_in_libreoffice([{"source": str(source), "target": str(out / f"{name}.docx"), "author": "Trần Thị Bình",
                           "ops": ops} for name, ops in JOBS.items()], warm_libreoffice)
    return {**{name: out / f"{name}.docx" for name in JOBS}, **word}


@pytest.fixture(scope="session")
def reviewed_seed(built, tmp_path_factory, warm_libreoffice) -> dict[str, Path]:
    """A real plan, the longest of the seeds, saved by LibreOffice unchanged ("seed-unchanged") and with one word
    changed ("seed-edited"); made only for the test that reads them (the slow tier: tests/tiers.py)."""
    out = tmp_path_factory.mktemp("reviewed-seed")
    seed = next(f for f in built[SEED.stem].files if f.suffix == ".docx")
    _edit_in_libreoffice([
        {"source": str(seed), "target": str(out / "seed-unchanged.docx"), "ops": []},
        {"source": str(seed), "target": str(out / "seed-edited.docx"), "ops": [
            {"op": "replace", "find": "gửi về Sở Nội vụ trước ngày", "with": "gửi về Sở Tư pháp trước ngày"}]}],
        warm_libreoffice)
    return {name: out / f"{name}.docx" for name in ("seed-unchanged", "seed-edited")}


@pytest.fixture(scope="session")
def resaved_comment(reviewed, tmp_path_factory) -> Path:
    """The Word-written comment (`reviewed["comment"]`), saved again by LibreOffice (a plain conversion: LibreOffice
    7.4 crashes on comments in a hidden window driven through UNO); made only for the test that reads it (the
    slow tier: tests/tiers.py)."""
    resaved = tmp_path_factory.mktemp("resaved-comment")
    with tempfile.TemporaryDirectory(prefix="kehoach-test-lo-") as profile:
        subprocess.run([shutil.which("soffice"), f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
                        "--norestore", "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(resaved),
                        str(reviewed["comment"])], capture_output=True, timeout=180, check=False)
    assert (resaved / "comment.docx").is_file()
    return resaved / "comment.docx"


_BUILT: dict[tuple[bytes, str | None], bytes] = {}  # (plan text, the name it is shown by) → its .docx, per worker
_READ: dict[bytes, object] = {}  # a .docx `verify` built → its reading


def _remember(store: dict, key, make, keep: int):
    """The value of `key` in `store`, made once; the `keep` last used are kept (a reading holds a whole document)."""
    value = store.pop(key) if key in store else make()
    store[key] = value
    while len(store) > keep:
        store.pop(next(iter(store)))
    return value


@pytest.fixture(autouse=True, scope="module")
def plan_docx_made_once_per_plan():
    """`import --onto` checks its result against the .docx the plan, as it was, builds to (`review.verify`: the
    plan built by `render.build.plan_docx`, then read by `read_docx`), and most tests here apply their edits onto the
    same sample or seed plan: 50 builds and reads of the one sample text in test_review.py alone. Here a plan text
    is built once per worker, and a built .docx read once, and the same bytes and reading given to every later run
    onto it (issue 23). `plan_docx` is a function of the plan's text alone: no clock (the date is the plan's), no
    file beside the plan, the same bytes whatever the path or the name shown (a build of the sample copied to two
    folders, shown by two names, gives one .docx). `verify` only looks at the document read (never its messages,
    which name verify's temporary file, nor changes it), and nothing else receives it. A plan that fails is built
    again each time (its error raised as before), and every other text — each edited plan `verify` builds after the
    review — is built and read."""
    from generator.render import build
    from generator.workflow.review import verify

    build_docx, read_docx = build.plan_docx, verify.read_docx

    def built(plan_path, display=None):
        return _remember(_BUILT, (Path(plan_path).read_bytes(), display), lambda: build_docx(plan_path, display), 32)

    def read(path, *args, **limits):
        if args or limits:
            return read_docx(path, *args, **limits)
        return _remember(_READ, Path(path).read_bytes(), lambda: read_docx(path), 4)

    patch = pytest.MonkeyPatch()
    patch.setattr(build, "plan_docx", built)
    patch.setattr(verify, "read_docx", read)
    yield
    patch.undo()
