"""`kehoach import --onto`: a reviewer's edits, made for real in LibreOffice Writer (driven through
UNO by tests/workflow/lo_edit.py) or written into the file the way Word writes tracked changes and
comments, come back into the plan's YAML as exactly the intended line changes."""
from __future__ import annotations

import difflib
import json
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
import yaml

from generator.validate import load_plan
from generator.workflow.onto import import_onto, parse_number, render_json, render_markdown, render_text
from tests.conftest import SAMPLE
from tests.workflow.word_edit import add_comment, tracked_replace

HERE = Path(__file__).parent
ROOT = HERE.parent.parent

# name → LibreOffice edits of the sample's .docx (see lo_edit.py for the ops)
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
                {"op": "delete_paragraph", "find": "Tuyên truyền trên Cổng thông tin điện tử."}],
    "shifted": [{"op": "shift_bookmarks"},
                {"op": "replace", "find": "theo dõi, đôn đốc", "with": "theo dõi, kiểm tra, đôn đốc"}],
    "untagged": [{"op": "drop_bookmarks"},
                 {"op": "replace", "find": "theo dõi, đôn đốc", "with": "theo dõi, kiểm tra, đôn đốc"},
                 {"op": "replace", "find": "Quý II năm 2021", "with": "Quý III năm 2021"}],
}


def system_python_with_uno() -> str:
    for candidate in ("/usr/bin/python3", shutil.which("python3")):
        if candidate and subprocess.run([candidate, "-c", "import uno"], capture_output=True).returncode == 0:
            return candidate
    pytest.fail("LibreOffice's Python bridge is needed: apt-get install python3-uno (system python3)")


@pytest.fixture(scope="session")
def reviewed(built, tmp_path_factory) -> dict[str, Path]:
    """Every reviewed variant of the sample, made in one LibreOffice session."""
    out = tmp_path_factory.mktemp("reviewed")
    source = out / "sample.docx"
    shutil.copy(next(f for f in built["sample"].files if f.suffix == ".docx"), source)
    word = {"comment": out / "comment.docx", "word-tracked": out / "word-tracked.docx"}
    add_comment(source, word["comment"], "Tuyên truyền về bầu cử trưởng thôn.", "Cần nêu rõ thời gian tổ chức.",
                "Lê Văn Cường")
    tracked_replace(source, word["word-tracked"], "Khắc phục tồn tại, hạn chế.",
                    "Khắc phục dứt điểm tồn tại, hạn chế.", "Phạm Thị Dung")
    jobs = [{"source": str(source), "target": str(out / f"{name}.docx"), "author": "Trần Thị Bình", "ops": ops}
            for name, ops in JOBS.items()]
    (out / "jobs.json").write_text(json.dumps({"jobs": jobs}, ensure_ascii=False), encoding="utf-8")
    done = subprocess.run([system_python_with_uno(), str(HERE / "lo_edit.py"), str(out / "jobs.json")],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    # the Word-written comment, saved again by LibreOffice (a plain conversion: LibreOffice 7.4 crashes
    # on comments in a hidden window driven through UNO)
    resaved = out / "lo"
    with tempfile.TemporaryDirectory(prefix="kehoach-lo-") as profile:
        subprocess.run([shutil.which("soffice"), f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
                        "--norestore", "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(resaved),
                        str(word["comment"])], capture_output=True, timeout=180, check=False)
    word["commented"] = resaved / "comment.docx"
    assert word["commented"].is_file()
    return {**{name: out / f"{name}.docx" for name in JOBS}, **word}


def run(docx: Path, **kw):
    result = import_onto(SAMPLE, docx, **kw)
    before = SAMPLE.read_text(encoding="utf-8")
    removed, added = [], []
    a, b = before.splitlines(), result.text.splitlines()
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op != "equal":
            removed += a[i1:i2]
            added += b[j1:j2]
    return result, removed, added


def valid(result, tmp_path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(result.text, encoding="utf-8")
    load_plan(path)


WORDS = (["      - Chủ trì, theo dõi, đôn đốc thực hiện Kế hoạch này."],
         ["      - Chủ trì, theo dõi, kiểm tra, đôn đốc thực hiện Kế hoạch này."])


def test_changed_words_in_a_paragraph(reviewed, tmp_path):
    result, removed, added = run(reviewed["words"])
    assert (removed, added) == WORDS
    assert [(i.status, i.key) for i in result.items] == [("applied", "responsibilities[id=snv].content[0]")]
    assert result.items[0].line == 93
    valid(result, tmp_path)


def test_a_bullet_added_and_a_sub_bullet_deleted(reviewed):
    result, removed, added = run(reviewed["bullets"])
    assert removed == ["              - Báo Quảng Nam;"]
    assert added == ["          - Tuyên truyền trên mạng xã hội."]
    assert not result.unapplied


def test_a_task_row_added(reviewed, tmp_path):
    result, removed, added = run(reviewed["row"])
    assert removed == []
    assert added == ["  - id: tham-gia-01-moi-1", "    dimension: papi.1", "    content: Tập huấn cho trưởng thôn.",
                     "    lead:", "      - so-noi-vu", "    timeframe: Quý III năm 2021"]
    text = result.text
    assert text.index("id: tham-gia-01-moi-1") > text.index("id: tham-gia-01\n")
    assert not result.unapplied
    valid(result, tmp_path)


def test_a_number_changed_in_a_generated_target_sentence(reviewed):
    result, removed, added = run(reviewed["target"])
    assert (removed, added) == (["    target: 5.7"], ["    target: 5.9"])
    applied = [i for i in result.items if i.status == "applied"]
    assert [(i.key, i.note) for i in applied] == [("targets[id=t-cong-khai].target", "")]
    # the same number printed in Phụ lục II and its total follow, and are said to
    assert {i.what for i in result.items if i.status == "ignored"} == {"đổi theo"}


def test_a_lead_agency_changed_in_a_table_cell(reviewed):
    result, removed, added = run(reviewed["lead"])
    # the cell is the task's lead; the plan names its agencies by id, so the new one is written by id
    assert (removed, added) == (["      - ubnd-cap-huyen"], ["      - so-noi-vu"])
    assert [(i.key, i.note) for i in result.items if i.status == "applied"] == [("tasks[id=tham-gia-01].lead", "")]


def test_tracked_changes_accepted_by_default_and_listed(reviewed):
    result, removed, added = run(reviewed["tracked"])
    assert removed == [WORDS[0][0], "          - Tuyên truyền trên Cổng thông tin điện tử."]
    assert added == WORDS[1]
    kinds = {(c.kind, c.author, c.decision) for c in result.changes}
    assert ("ins", "Trần Thị Bình", "nhận") in kinds and ("del", "Trần Thị Bình", "nhận") in kinds
    assert all(c.date.startswith("20") for c in result.changes)
    assert {c.key for c in result.changes} >= {"responsibilities[id=snv].content[0]"}


def test_tracked_changes_rejected_keep_the_plan(reviewed):
    result, removed, added = run(reviewed["tracked"], reject=True)
    assert (removed, added) == ([], []) and not result.changed
    assert result.changes and {c.decision for c in result.changes} == {"từ chối"}


def test_word_written_tracked_change(reviewed):
    result, removed, added = run(reviewed["word-tracked"])
    assert (removed, added) == (["              - Khắc phục tồn tại, hạn chế."],
                                ["              - Khắc phục dứt điểm tồn tại, hạn chế."])
    assert {(c.kind, c.author, c.date) for c in result.changes} == {
        ("del", "Phạm Thị Dung", "2026-11-29T08:30:00Z"), ("ins", "Phạm Thị Dung", "2026-11-29T08:30:00Z")}


@pytest.mark.parametrize("variant", ["comment", "commented"])
def test_a_comment_on_a_task_is_listed_with_its_plan_line(reviewed, variant):
    """As Word writes it, and after LibreOffice saved that file again."""
    result, removed, added = run(reviewed[variant])
    assert (removed, added) == ([], []) and not result.items
    (comment,) = result.comments
    assert comment.author == "Lê Văn Cường" and comment.text == "Cần nêu rõ thời gian tổ chức."
    assert comment.key.startswith("tasks[id=tham-gia-01]")
    assert comment.line is not None and "tham-gia-01" in "".join(
        SAMPLE.read_text(encoding="utf-8").splitlines()[comment.line - 6:comment.line])
    md = render_markdown(result)
    assert "Lê Văn Cường" in md and f"sample.yaml:{comment.line}" in md and "- [ ]" in md


@pytest.mark.parametrize("variant", ["shifted", "untagged"])
def test_tags_slid_or_lost_in_a_libreoffice_save(reviewed, variant):
    result, removed, added = run(reviewed[variant])
    expected_removed, expected_added = list(WORDS[0]), list(WORDS[1])
    if variant == "untagged":
        expected_removed.append("    timeframe: Quý II năm 2021")
        expected_added.append("    timeframe: Quý III năm 2021")
    assert sorted(removed) == sorted(expected_removed) and sorted(added) == sorted(expected_added)
    assert not result.unapplied


def test_unmappable_text_is_listed_and_exit_status(reviewed, tmp_path):
    from click.testing import CliRunner

    from generator.cli import cli

    plan = tmp_path / "plan.yaml"
    shutil.copy(SAMPLE, plan)
    runner = CliRunner()
    done = runner.invoke(cli, ["import", "--onto", str(plan), str(reviewed["words"]), "--format", "json"])
    assert done.exit_code == 0, done.output
    assert json.loads(done.output)["unapplied"] == 0
    assert "kiểm tra, đôn đốc" in plan.read_text(encoding="utf-8")
    # a second run on the edited plan finds nothing left to do
    again = runner.invoke(cli, ["import", "--onto", str(plan), str(reviewed["words"])])
    assert again.exit_code == 0 and "0 sửa đổi đã đưa vào" in again.output


def test_parse_number():
    assert parse_number("44,33") == parse_number("44.33") and str(parse_number("1.250")) == "1250"
    assert parse_number("abc") is None
