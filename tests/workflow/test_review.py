"""`kehoach import --onto`: a reviewer's edits, made for real in LibreOffice Writer (driven through
UNO by tests/lo_server.py) or written into the file the way Word writes tracked changes and
comments, come back into the plan's YAML as exactly the intended line changes."""
from __future__ import annotations

import difflib
import json
import shutil
from pathlib import Path

import pytest

from generator.core.messages import Message
from generator.core.text import parse_number
from generator.plan.validate import load_plan
from generator.workflow.review import import_onto, render_json, render_markdown, render_text
from tests.conftest import SAMPLE
from tests.workflow.conftest import JOBS, SEED  # the reviewed variants (fixture `reviewed`) are made there


def run(docx: Path, **kw):
    result = import_onto(SAMPLE, docx, **kw)
    before = SAMPLE.read_text(encoding="utf-8")
    removed, added = [], []
    a, b = before.splitlines(), result.text.splitlines()
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op != "equal":
            removed += a[i1:i2]
            added += b[j1:j2]
    # the plan's YAML comments are all kept
    assert [line for line in a if line.lstrip().startswith("#")] == [line for line in b if line.lstrip().startswith("#")]
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
    assert [(i.detail.status, i.field) for i in result.items] == [("applied", "responsibilities[id=snv].content[0]")]
    assert result.items[0].line == 93
    # the house message: the place in Word in `where`, the plan value in file, line and field
    (item,) = result.items
    assert isinstance(item, Message) and item.level == "info" and item.file == str(SAMPLE)
    assert item.where.startswith("đoạn ") and item.text.startswith("sửa “")
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
    applied = [i for i in result.items if i.detail.status == "applied"]
    assert [(i.field, i.detail.note) for i in applied] == [("targets[id=t-cong-khai].target", "")]
    # the same number printed in Phụ lục II and its total follow, and are said to
    assert {i.detail.what for i in result.items if i.detail.status == "ignored"} == {"đổi theo"}


def test_a_lead_agency_changed_in_a_table_cell(reviewed):
    result, removed, added = run(reviewed["lead"])
    # the cell is the task's lead; the plan names its agencies by id, so the new one is written by id
    assert (removed, added) == (["      - ubnd-cap-huyen"], ["      - so-noi-vu"])
    assert [(i.field, i.detail.note) for i in result.items if i.detail.status == "applied"] == [("tasks[id=tham-gia-01].lead", "")]


def test_tracked_changes_accepted_by_default_and_listed(reviewed):
    result, removed, added = run(reviewed["tracked"])
    assert removed == [WORDS[0][0], "          - Tuyên truyền trên Cổng thông tin điện tử."]
    assert added == WORDS[1] + ["              - Cổng thông tin điện tử tỉnh."]
    kinds = {(c.detail.kind, c.detail.author, c.detail.decision) for c in result.changes}
    assert ("ins", "Trần Thị Bình", "nhận") in kinds and ("del", "Trần Thị Bình", "nhận") in kinds
    assert all(c.detail.date.startswith("20") for c in result.changes)
    assert {c.field for c in result.changes} >= {"responsibilities[id=snv].content[0]"}
    text = render_text(result)
    assert "[nhận] chèn “theo dõi, kiểm tra, đôn đốc” — Trần Thị Bình" in text
    assert "sample.yaml:93 responsibilities[id=snv].content[0]" in text
    data = json.loads(render_json(result))
    assert data["unapplied"] == 0 and {c["author"] for c in data["changes"]} == {"Trần Thị Bình"}


def test_tracked_changes_rejected_keep_the_plan(reviewed):
    result, removed, added = run(reviewed["tracked"], reject=True)
    assert (removed, added) == ([], []) and not result.changed
    assert result.changes and {c.detail.decision for c in result.changes} == {"từ chối"}


def test_word_written_tracked_change(reviewed):
    result, removed, added = run(reviewed["word-tracked"])
    assert (removed, added) == (["              - Khắc phục tồn tại, hạn chế."],
                                ["              - Khắc phục dứt điểm tồn tại, hạn chế."])
    assert {(c.detail.kind, c.detail.author, c.detail.date) for c in result.changes} == {
        ("del", "Phạm Thị Dung", "2026-11-29T08:30:00Z"), ("ins", "Phạm Thị Dung", "2026-11-29T08:30:00Z")}


def test_a_tracked_change_is_dated_as_the_drafter_writes_dates(reviewed):
    """The report shows Word's stamp '2026-11-29T08:30:00Z' as '29/11/2026 08:30' (as Word shows it); JSON keeps it."""
    result, _, _ = run(reviewed["word-tracked"])
    for text in (render_text(result), render_markdown(result)):
        assert "29/11/2026 08:30" in text and "T08:30" not in text
    assert {c["date"] for c in json.loads(render_json(result))["changes"]} == {"2026-11-29T08:30:00Z"}


def test_a_comment_on_a_task_is_listed_with_its_plan_line(reviewed):
    """As Word writes it."""
    _comment_listed_with_its_plan_line(reviewed["comment"])


def test_a_comment_on_a_task_is_listed_after_libreoffice_saved_the_file(resaved_comment):
    """The same file after LibreOffice saved it again."""
    _comment_listed_with_its_plan_line(resaved_comment)


def _comment_listed_with_its_plan_line(docx: Path) -> None:
    result, removed, added = run(docx)
    assert (removed, added) == ([], []) and not result.items
    (comment,) = result.comments
    assert comment.detail.author == "Lê Văn Cường" and comment.text == "Cần nêu rõ thời gian tổ chức."
    assert comment.field.startswith("tasks[id=tham-gia-01]")
    assert comment.line > 0 and "tham-gia-01" in "".join(
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

    from generator.cli.commands import cli

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


@pytest.mark.parametrize("variant", ["words", "bullets", "row", "lead", "word-tracked", "untagged"])
def test_the_next_build_prints_what_the_reviewer_asked_for(reviewed, variant, tmp_path):
    from generator.render.build import build_plan
    from generator.word import read_docx

    result, _, _ = run(reviewed[variant])
    plan = tmp_path / "sample.yaml"
    plan.write_text(result.text, encoding="utf-8")
    rebuilt = next(f for f in build_plan(plan, tmp_path / "build").files if f.suffix == ".docx")
    want = [" ".join(p.text.split()) for p in read_docx(reviewed[variant]).value.paragraphs()]
    got = [" ".join(p.text.split()) for p in read_docx(rebuilt).value.paragraphs()]
    if variant == "row":  # the new row's STT cell: kehoach numbers rows, the reviewer left it empty
        assert [w for w, g in zip(want, got) if w != g] == [""] * len([w for w, g in zip(want, got) if w != g])
        assert len(want) == len(got)
    else:
        assert got == want


def test_what_cannot_be_mapped_is_listed_and_exits_1(built, tmp_path):
    """A reviewer's edit of the Nơi nhận (printed by the template, not traced to one value) and of a
    generated appendix reference: listed with text and position, the plan left valid, exit status 1."""
    from click.testing import CliRunner

    from generator.cli.commands import cli
    from tests.workflow.word_edit import replace_text

    source = next(f for f in built["sample"].files if f.suffix == ".docx")
    step = tmp_path / "step.docx"
    reviewed = tmp_path / "reviewed.docx"
    replace_text(source, step, "Các Sở, Ban, ngành;", "Các Sở, Ban, ngành tỉnh;")
    replace_text(step, reviewed, "(Chi tiết tại Phụ lục I kèm theo)", "(Xem Phụ lục I kèm theo)")
    plan = tmp_path / "plan.yaml"
    shutil.copy(SAMPLE, plan)
    done = CliRunner().invoke(cli, ["import", "--onto", str(plan), str(reviewed)])
    assert done.exit_code == 1
    assert "CHƯA đưa vào" in done.output
    assert "Các Sở, Ban, ngành tỉnh;" in done.output and "(Xem Phụ lục I kèm theo)" in done.output
    assert plan.read_text(encoding="utf-8") == SAMPLE.read_text(encoding="utf-8")


def test_another_plans_document_is_refused(built, tmp_path):
    from click.testing import CliRunner

    from generator.cli.commands import cli

    other = next(f for f in built["hung-yen-papi-2021"].files if f.suffix == ".docx")
    plan = tmp_path / "plan.yaml"
    shutil.copy(SAMPLE, plan)
    done = CliRunner().invoke(cli, ["import", "--onto", str(plan), str(other)])
    assert done.exit_code == 1 and "không phải văn bản kehoach tạo từ" in done.output
    assert plan.read_text(encoding="utf-8") == SAMPLE.read_text(encoding="utf-8")


def test_a_seed_plan_saved_by_libreoffice_maps_back_exactly(reviewed_seed):
    unchanged = import_onto(SEED, reviewed_seed["seed-unchanged"])
    assert not unchanged.changed and not unchanged.items and not unchanged.comments
    edited = import_onto(SEED, reviewed_seed["seed-edited"])
    before, after = SEED.read_text(encoding="utf-8").splitlines(), edited.text.splitlines()
    changed = [(a, b) for a, b in zip(before, after) if a != b]
    # a folded text stays folded: one line of it changes
    assert len(before) == len(after) and changed == [(
        "            Xây dựng kế hoạch cụ thể hóa các nhiệm vụ được giao theo Kế hoạch này gửi về Sở Nội vụ",
        "            Xây dựng kế hoạch cụ thể hóa các nhiệm vụ được giao theo Kế hoạch này gửi về Sở Tư pháp")]
    assert [i.detail.status for i in edited.items] == ["applied"]


def test_agency_names_holding_the_separator_stay_whole():
    from generator.plan.agencies import Agencies
    from generator.workflow.review.agencies import split_agencies

    agencies = Agencies(load_plan(SEED)[0])
    assert split_agencies(agencies, "Sở Lao động, Thương binh và Xã hội, Sở Nội vụ, Cơ quan lạ", ", ", {}) == [
        "Sở Lao động, Thương binh và Xã hội", "Sở Nội vụ", "Cơ quan lạ"]


def test_agencies_typed_with_commas_into_a_task_cell_are_split_when_all_are_known():
    """A reviewer adds an agency to a task's cell with ', ' as in any sentence ('Ủy ban nhân dân cấp huyện, Sở Tư
    pháp'); kehoach joins a cell's agencies with '; ', so the whole cell was written as one unknown agency. Split at
    ', ' when every piece is a known agency; a name holding a comma, or an unknown piece, keeps the cell as typed."""
    from generator.plan.agencies import Agencies
    from generator.workflow.review.agencies import split_agencies

    agencies = Agencies(load_plan(SEED)[0])
    assert split_agencies(agencies, "Ủy ban nhân dân cấp huyện, Sở Tư pháp", "; ", {}) == [
        "Ủy ban nhân dân cấp huyện", "Sở Tư pháp"]
    assert split_agencies(agencies, "Sở Lao động, Thương binh và Xã hội; Sở Nội vụ", "; ", {}) == [
        "Sở Lao động, Thương binh và Xã hội", "Sở Nội vụ"]
    assert split_agencies(agencies, "Sở Nội vụ, Cơ quan lạ", "; ", {}) == ["Sở Nội vụ, Cơ quan lạ"]


def test_the_title_edited_in_the_template_part(reviewed):
    result, removed, added = run(reviewed["title"])
    assert (removed, added) == (["title: Cải thiện Chỉ số PAPI tỉnh Quảng Nam năm 2021"],
                                ["title: Nâng cao Chỉ số PAPI tỉnh Quảng Nam năm 2021"])
    assert [(i.detail.status, i.field, i.line) for i in result.items] == [("applied", "title", 18)]


def test_a_cell_of_several_lines_edited_keeps_the_literal_block(built, tmp_path):
    from tests.workflow.word_edit import replace_text

    source = next(f for f in built["sample"].files if f.suffix == ".docx")
    reviewed = tmp_path / "reviewed.docx"
    replace_text(source, reviewed, "Niêm yết tại trụ sở", "Niêm yết công khai tại trụ sở")
    result, removed, added = run(reviewed)
    assert (removed, added) == (["      1.1. Niêm yết tại trụ sở UBND cấp xã & nhà văn hóa <thôn>."],
                                ["      1.1. Niêm yết công khai tại trụ sở UBND cấp xã & nhà văn hóa <thôn>."])
    assert [(i.detail.status, i.field) for i in result.items] == [("applied", "tasks[id=cong-khai-ho-ngheo].content")]


def test_numbering_changed_alone_is_reported_and_ignored(built, tmp_path):
    from tests.workflow.word_edit import replace_text

    source = next(f for f in built["sample"].files if f.suffix == ".docx")
    reviewed = tmp_path / "reviewed.docx"
    replace_text(source, reviewed, "2. Yêu cầu", "3. Yêu cầu")
    result, removed, added = run(reviewed)
    assert (removed, added) == ([], []) and not result.changed and not result.unapplied
    (item,) = result.items
    assert (item.detail.status, item.detail.what, item.detail.old, item.detail.new) == ("ignored", "đánh số", "2.", "3.")


def test_an_agency_added_to_a_responsibility_heading(built, tmp_path):
    from tests.workflow.word_edit import replace_text

    source = next(f for f in built["sample"].files if f.suffix == ".docx")
    reviewed = tmp_path / "reviewed.docx"
    replace_text(source, reviewed, "1. Sở Nội vụ", "1. Sở Nội vụ, Sở Thông tin và Truyền thông")
    result, removed, added = run(reviewed)
    assert [(i.detail.status, i.field) for i in result.items] == [("applied", "responsibilities[id=snv].agencies")]
    # the plan names its agencies by id: the new one is written by id too
    assert not result.unapplied and (removed, added) == ([], ["      - so-tttt"])


def test_the_baseline_year_edited_in_a_generated_target_sentence_is_applied(built, tmp_path):
    """"so với năm 2020" → 2019 in a target sentence: the year is the plan's baseline year, not a number kehoach
    computes; it was refused as "số được tính ra" (exit 1) and never applied, because the stand-in number used
    to find which number shows which field was no valid year (found by helper mut5)."""
    from tests.workflow.word_edit import replace_text

    source = next(f for f in built["sample"].files if f.suffix == ".docx")
    reviewed = tmp_path / "reviewed.docx"
    replace_text(source, reviewed, "(tăng 0,22 điểm so với năm 2020)", "(tăng 0,22 điểm so với năm 2019)")
    result, removed, added = run(reviewed)
    assert (removed, added) == (["      year: 2020"], ["      year: 2019"])
    assert [(i.detail.status, i.field) for i in result.items if i.detail.status == "applied"] == [
        ("applied", "targets[id=t-cong-khai].baseline.year")]
    valid(result, tmp_path)


def test_changes_accepted_and_rejected_in_libreoffice_then_onto(reviewed):
    """A reviewer in LibreOffice accepts one of a leader's tracked changes, rejects another and leaves the third,
    then saves (fourth campaign of issue 22, done for real through UNO): the accepted words reach the plan, the
    rejected change leaves no trace, and the one still tracked is brought in (accepted by default) and listed."""
    result, removed, added = run(reviewed["accept-reject"])
    assert removed == ["title: Cải thiện Chỉ số PAPI tỉnh Quảng Nam năm 2021", WORDS[0][0]]
    assert added == ["title: Nâng cao Chỉ số PAPI tỉnh Quảng Nam năm 2021"] + WORDS[1]
    assert "5.7" in result.text and "5.9" not in result.text  # rejected in LibreOffice: the target kept
    listed = render_text(result).split("Thay đổi được theo dõi")[1]
    assert "[nhận] chèn “Nâng cao" in listed and "kiểm tra" not in listed and "5,9" not in listed


def test_an_empty_line_added_is_reported_at_its_own_paragraph(built, tmp_path):
    """An empty paragraph a reviewer typed is 'dòng trống' ignored, named by its own paragraph number (counted as
    the reader counts: every paragraph in document order, from 1) — fresh mutants, batch 10: it was named by the
    paragraph before it."""
    import zipfile

    from lxml import etree

    from tests.workflow.word_edit import insert_paragraphs_after

    source = next(f for f in built["sample"].files if f.suffix == ".docx")
    reviewed = tmp_path / "reviewed.docx"
    anchor = "Kinh phí thực hiện Kế hoạch"
    insert_paragraphs_after(source, reviewed, anchor, [""])
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    root = etree.fromstring(zipfile.ZipFile(reviewed).read("word/document.xml"))
    texts = ["".join(t.text or "" for t in p.iter(w + "t")) for p in root.iter(w + "p")]
    at = next(k for k, text in enumerate(texts) if anchor in text) + 1  # the empty one, 0-based
    assert texts[at] == ""
    result, removed, added = run(reviewed)
    assert (removed, added) == ([], []) and not result.changed
    (item,) = [i for i in result.items if i.detail.what == "dòng trống"]
    assert item.detail.status == "ignored" and item.where == f"đoạn {at + 1}"
