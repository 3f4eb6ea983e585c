"""`import --onto` never loses or reverts an edit: each built .docx records the plan it was built from,
the reviewer's edits are found against that plan and carried onto the plan as it is now (a three-way
merge); two reviewers of one build, one after the other or at the same time, both reach the plan or a
conflict is reported with exit 1; applying the same file again changes nothing."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import pytest

from generator.core import libreoffice
from generator.core.errors import KehoachError
from generator.core.lock import plan_lock
from generator.plan.validate import load_plan
from generator.render.build import build_plan
from generator.render.context import build_context
from generator.render.docx import render_docx
from generator.render.templates import default_template
from generator.workflow.review import import_onto, render_markdown, render_text
from generator.workflow.review.linediff import opcodes
from generator.workflow.review.merge import merge3, value_spans
from generator.workflow.review.session import recorded_plan
from tests.conftest import SAMPLE
from tests.test_cli import run as run_cli
from tests.workflow.word_edit import insert_paragraphs_after, replace_text, retype_paragraph, tracked_delete_row

ROOT = Path(__file__).parent.parent.parent
TARGET = ("đạt 5,7/10 điểm (tăng 0,22", "đạt 5,9/10 điểm (tăng 0,42")
WORDS = ("Chủ trì, theo dõi, đôn đốc", "Chủ trì, theo dõi, kiểm tra, đôn đốc")
OTHER_WORDS = ("Chủ trì, theo dõi, đôn đốc", "Chủ trì, theo dõi, giám sát, đôn đốc")


@pytest.fixture(scope="module")
def sample_build(tmp_path_factory) -> tuple[Path, Path]:
    """The sample built once for this file (a build is the same bytes wherever its plan file is), for `office`
    to copy: (the build's folder, its .docx relative to that folder)."""
    folder = tmp_path_factory.mktemp("office")
    plan = folder / "sample.yaml"
    shutil.copy(SAMPLE, plan)
    docx = next(f for f in build_plan(plan, folder / "build").files if f.suffix == ".docx")
    return folder / "build", docx.relative_to(folder / "build")


@pytest.fixture
def office(tmp_path, sample_build):
    """A plan file, its build, and a way to make a reviewer's copy with one replacement."""
    plan = tmp_path / "sample.yaml"
    shutil.copy(SAMPLE, plan)
    # the build made once (sample_build), copied after the plan (newer than it, as a build of it would be)
    built, relative = sample_build
    shutil.copytree(built, tmp_path / "build", copy_function=shutil.copy)
    docx = tmp_path / "build" / relative

    def review(name: str, *edits: tuple[str, str]) -> Path:
        out = tmp_path / f"{name}.docx"
        src = docx
        for find, new in edits:
            replace_text(src, out, find, new)
            src = out
        return out

    return plan, docx, review


def cli(*args: str | Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "generator", *map(str, args)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)


def onto(plan: Path, docx: Path) -> subprocess.CompletedProcess:
    """`import --onto` through the cli's entry point in this process (tests/test_cli.py `run`: its exit code,
    standard output and error); real processes are run by `cli` and in the tests of concurrent runs."""
    return run_cli("import", "--onto", plan, docx)


def apply(plan: Path, docx: Path):
    """What `import --onto` does in place, in this process (the command itself is run in the tests of
    exit codes, messages and concurrent runs)."""
    result = import_onto(plan, docx)
    if result.changed:
        plan.write_text(result.text, encoding="utf-8")
    return result


# ------------------------------------------------------------------------------- the record


def test_the_build_records_the_plan_text_and_the_visible_document_is_the_same(tmp_path):
    plan, _ = load_plan(SAMPLE)
    ctx = build_context(plan)
    template = default_template("kehoach.docx")
    text = SAMPLE.read_text(encoding="utf-8")
    bare = zipfile.ZipFile(__import__("io").BytesIO(render_docx(ctx, template)))
    path = tmp_path / "with.docx"
    path.write_bytes(render_docx(ctx, template, text))
    kept = zipfile.ZipFile(path)
    added = sorted(set(kept.namelist()) - set(bare.namelist()))
    assert added == ["customXml/_rels/item2.xml.rels", "customXml/item2.xml", "customXml/itemProps2.xml"]
    for name in bare.namelist():  # every other part byte for byte, but the two that point at the record
        if name not in ("word/_rels/document.xml.rels", "[Content_Types].xml"):
            assert kept.read(name) == bare.read(name), name
    assert recorded_plan(path) == text


def test_the_record_survives_a_libreoffice_save(office, tmp_path):
    plan, docx, _ = office
    with tempfile.TemporaryDirectory(prefix="kehoach-test-lo-") as profile:
        # through kehoach's runner, so a test session's warm LibreOffice does it (tests/lo_warm.py)
        libreoffice.run_converter([libreoffice.program(shutil.which("soffice")),
                                   f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--norestore",
                                   "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(tmp_path / "lo"),
                                   str(docx)], 180)
    resaved = tmp_path / "lo" / docx.name
    assert resaved.is_file()
    assert recorded_plan(resaved) == plan.read_text(encoding="utf-8")


def test_a_damaged_or_missing_record_falls_back_with_a_warning(office, tmp_path):
    plan, docx, review = office
    stripped = tmp_path / "stripped.docx"
    with zipfile.ZipFile(docx) as src, zipfile.ZipFile(stripped, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "customXml/item2.xml":
                data = data.replace(b"sha256=\"", b"sha256=\"0")  # a record that does not match its hash
            dst.writestr(info, data)
    assert recorded_plan(stripped) is None
    edited = tmp_path / "stripped-edited.docx"
    replace_text(stripped, edited, *WORDS)
    result = import_onto(plan, edited)
    assert "kiểm tra, đôn đốc" in result.text
    assert any(m.level == "warning" and "có thể bị đưa về chữ cũ" in m.text for m in result.messages)
    assert "không ghi bản kế hoạch đã dùng để build" in render_text(result)
    assert "**Cảnh báo:**" in render_markdown(result) and "có thể bị đưa về chữ cũ" in render_markdown(result)


# ------------------------------------------------------------------------------- one reviewer, twice


def test_a_second_run_with_the_same_file_does_not_revert_a_changed_target(office):
    """The score table's untouched cell (5,7) is not an edit: run twice, the plan keeps 5.9."""
    plan, _, review = office
    rev = review("rev", TARGET)
    first = onto(plan, rev)
    assert first.returncode == 0, first.stdout + first.stderr
    after_first = plan.read_text(encoding="utf-8")
    assert "target: 5.9" in after_first and "target: 5.7" not in after_first
    second = onto(plan, rev)
    assert second.returncode == 0, second.stdout + second.stderr
    assert plan.read_text(encoding="utf-8") == after_first
    assert "tệp kế hoạch không cần sửa" in second.stderr
    assert "0 sửa đổi đã đưa vào" in second.stdout and "đã có trong tệp kế hoạch" in second.stdout


def test_a_second_run_changes_nothing_for_every_kind_of_edit(office, tmp_path):
    plan, _, review = office
    rev = review("several", TARGET, WORDS, ("UBND cấp huyện", "Sở Nội vụ"))
    assert not apply(plan, rev).needs_hand
    once = plan.read_text(encoding="utf-8")
    again = import_onto(plan, rev)
    assert again.text == once and not again.changed and not again.needs_hand
    assert not again.with_status("applied")


# ------------------------------------------------------------------------------- two reviewers


def test_two_reviewers_one_after_the_other_both_reach_the_plan(office):
    plan, _, review = office
    a, b = review("a", TARGET), review("b", WORDS)
    assert not apply(plan, a).needs_hand
    done = apply(plan, b)
    assert not done.needs_hand, render_text(done)
    text = plan.read_text(encoding="utf-8")
    assert "target: 5.9" in text and "Chủ trì, theo dõi, kiểm tra, đôn đốc" in text
    load_plan(plan)
    # and in the other order
    shutil.copy(SAMPLE, plan)
    assert not apply(plan, b).needs_hand and not apply(plan, a).needs_hand
    assert plan.read_text(encoding="utf-8") == text


def test_two_reviewers_at_the_same_time_both_reach_the_plan(office):
    """Real processes started together, two rounds: the plan file is held while one works (without
    the lock, one reviewer's edit was lost in every round)."""
    plan, _, review = office
    a, b = review("a", TARGET), review("b", WORDS)
    for _ in range(2):
        shutil.copy(SAMPLE, plan)
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        procs = [subprocess.Popen([sys.executable, "-m", "generator", "import", "--onto", str(plan), str(docx)],
                                  cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for docx in (a, b)]
        outs = [p.communicate(timeout=300) for p in procs]
        assert [p.returncode for p in procs] == [0, 0], outs
        text = plan.read_text(encoding="utf-8")
        assert "target: 5.9" in text and "Chủ trì, theo dõi, kiểm tra, đôn đốc" in text, outs


def test_two_reviewers_changing_the_same_sentence_differently_is_a_conflict(office):
    plan, _, review = office
    a, b = review("a", WORDS), review("b", OTHER_WORDS)
    assert not apply(plan, a).needs_hand
    after_a = plan.read_text(encoding="utf-8")
    done = onto(plan, b)
    assert done.returncode == 1
    assert "XUNG ĐỘT" in done.stdout and "1 xung đột" in done.stdout
    assert "giám sát" in done.stdout and "kiểm tra" in done.stdout
    # the item is named by its plan key, and the plan keeps what it had
    assert "responsibilities" in done.stdout
    assert plan.read_text(encoding="utf-8") == after_a


def test_a_conflict_does_not_hold_back_the_reviewers_other_edits(office):
    plan, _, review = office
    a, b = review("a", WORDS), review("b", OTHER_WORDS, TARGET)
    assert not apply(plan, a).needs_hand
    done = apply(plan, b)
    assert done.needs_hand and len(done.conflicts) == 1
    text = plan.read_text(encoding="utf-8")
    assert "target: 5.9" in text and "kiểm tra, đôn đốc" in text and "giám sát" not in text
    assert "Đã đưa vào tệp kế hoạch (1)" in render_text(done)


def test_the_plan_changed_by_hand_since_the_build_is_kept(office):
    plan, _, review = office
    rev = review("rev", TARGET)
    text = plan.read_text(encoding="utf-8")
    assert "Chủ trì, theo dõi, đôn đốc" in text
    plan.write_text(text.replace("Chủ trì, theo dõi, đôn đốc", "Chủ trì, hướng dẫn, đôn đốc"), encoding="utf-8")
    done = apply(plan, rev)
    assert not done.needs_hand, render_text(done)
    now = plan.read_text(encoding="utf-8")
    assert "Chủ trì, hướng dẫn, đôn đốc" in now and "target: 5.9" in now


def test_another_plans_record_is_refused(office, tmp_path):
    _, docx, _ = office
    other = tmp_path / "other.yaml"
    shutil.copy(ROOT / "plans" / "hung-yen-papi-2021.yaml", other)
    with pytest.raises(KehoachError) as exc:
        import_onto(other, docx)
    assert "được build từ một kế hoạch khác" in exc.value.problems[0].text


# ------------------------------------------------------------------------------- the lock


def test_a_held_plan_makes_a_second_run_wait_then_refuse(office, tmp_path):
    plan, _, _ = office
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; from pathlib import Path; from generator.core.lock import plan_lock\n"
        "with plan_lock(Path(sys.argv[1]), 'x'):\n    print('held', flush=True); time.sleep(30)\n"), str(plan)],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        start = time.monotonic()
        with pytest.raises(KehoachError) as exc:
            with plan_lock(plan, "sample.yaml", wait_s=0.5):
                pass
        assert time.monotonic() - start >= 0.5
        assert "một lệnh kehoach khác đang sửa tệp kế hoạch này" in exc.value.problems[0].text
    finally:
        holder.kill()
        holder.wait()
    with plan_lock(plan, "sample.yaml", wait_s=5):  # the kernel let go with the process
        pass


def test_the_lock_follows_a_file_replaced_while_waiting(tmp_path):
    plan = tmp_path / "p.yaml"
    plan.write_text("a: 1\n", encoding="utf-8")
    with plan_lock(plan, "p.yaml"):
        fresh = tmp_path / "new.yaml"
        fresh.write_text("a: 2\n", encoding="utf-8")
        os.replace(fresh, plan)  # a writer renamed a new file over the plan
        # the old file is held, the new one is free: a second run locks the new one at once
        with plan_lock(plan, "p.yaml", wait_s=0.2):
            pass


# ------------------------------------------------------------------------------- issue 23's review bugs


def test_the_only_bullet_under_a_heading_typed_again_in_new_words(office, tmp_path):
    """Its bookmark went with the old text: the new wording replaces the bullet (was: the old bullet
    kept, a stray line, 'lỗi cú pháp YAML')."""
    plan, docx, _ = office
    rev = tmp_path / "retyped.docx"
    retype_paragraph(docx, rev, "Khắc phục tồn tại, hạn chế.", "Giải quyết dứt điểm các việc còn tồn đọng.")
    result = import_onto(plan, rev)
    assert not result.needs_hand
    assert "              - Giải quyết dứt điểm các việc còn tồn đọng.\n" in result.text
    assert "Khắc phục tồn tại" not in result.text
    (tmp_path / "out.yaml").write_text(result.text, encoding="utf-8")
    load_plan(tmp_path / "out.yaml")


def test_the_only_bullet_typed_again_as_plain_text(office, tmp_path):
    """A deleted bullet and a new paragraph of another kind in its place: the list is not removed under
    the new item (was: broken YAML)."""
    plan, docx, _ = office
    rev = tmp_path / "retyped.docx"
    retype_paragraph(docx, rev, "- Khắc phục tồn tại, hạn chế.", "Giải quyết dứt điểm các việc còn tồn đọng.")
    result = import_onto(plan, rev)
    assert "Khắc phục tồn tại" not in result.text and "Giải quyết dứt điểm" in result.text
    (tmp_path / "out.yaml").write_text(result.text, encoding="utf-8")
    load_plan(tmp_path / "out.yaml")


def test_two_added_bullets_land_in_the_order_typed(office, tmp_path):
    plan, docx, _ = office
    rev = tmp_path / "two.docx"
    insert_paragraphs_after(docx, rev, "Tuyên truyền trên Cổng thông tin điện tử.",
                            ["- Tuyên truyền trên mạng xã hội.", "- Tuyên truyền qua tin nhắn."])
    result = import_onto(plan, rev)
    assert not result.needs_hand
    assert ("          - Tuyên truyền trên Cổng thông tin điện tử.\n"
            "          - Tuyên truyền trên mạng xã hội.\n"
            "          - Tuyên truyền qua tin nhắn.\n") in result.text


def test_the_rebuild_check_notices_insertions_in_the_wrong_order(office, tmp_path, monkeypatch):
    """Should two new bullets reach the plan in reverse order, the check against the rebuilt document
    says so (exit 1) instead of reporting them as applied."""
    from generator.workflow.review.writer import Writer

    plan, docx, _ = office
    rev = tmp_path / "two.docx"
    insert_paragraphs_after(docx, rev, "Tuyên truyền trên Cổng thông tin điện tử.",
                            ["- Tuyên truyền trên mạng xã hội.", "- Tuyên truyền qua tin nhắn."])
    calls = []
    original = Writer.insert_item

    def reversed_insert(self, list_path, index, value):  # each new item goes before the earlier one
        calls.append(index)
        original(self, list_path, index - (len(calls) - 1) if index > 0 else index, value)

    monkeypatch.setattr(Writer, "insert_item", reversed_insert)
    result = import_onto(plan, rev)
    assert result.text.index("qua tin nhắn") < result.text.index("trên mạng xã hội")  # the bug is in place
    assert result.needs_hand
    assert any("không in đoạn này ở chỗ người duyệt đặt" in m.detail.note for m in result.unapplied)


# ------------------------------------------------------------------------------- reports


def test_a_tracked_row_deletion_is_listed_with_the_rows_text(office, tmp_path):
    """Was `[nhận] xóa hàng “”`: a deleted row's change has no text of its own."""
    plan, docx, _ = office
    rev = tmp_path / "row.docx"
    tracked_delete_row(docx, rev, "Tuyên truyền về bầu cử trưởng thôn.", "Phạm Thị Dung")
    result = import_onto(plan, rev)
    text = render_text(result)
    assert "“”" not in text
    rows = [line for line in text.splitlines() if "xóa hàng" in line]
    assert rows and all("Tuyên truyền về bầu cử trưởng thôn." in line and "Phạm Thị Dung" in line for line in rows)
    assert "id: tham-gia-01" not in result.text  # and the row left the plan


def test_a_target_changed_without_its_computed_increase_applied_twice(office):
    """The reviewer changed 5,7 to 5,9 and left “tăng 0,22”: kehoach computes the increase; a second
    run with the same file changes nothing and exits 0 (was: exit 1 over the computed number)."""
    plan, _, review = office
    rev = review("rev", ("đạt 5,7/10 điểm", "đạt 5,9/10 điểm"))
    first = import_onto(plan, rev)
    assert "target: 5.9" in first.text and not first.needs_hand
    plan.write_text(first.text, encoding="utf-8")
    second = import_onto(plan, rev)
    assert second.text == first.text and not second.changed and not second.needs_hand


# ------------------------------------------------------------------------------- the merge itself


@pytest.mark.parametrize("base, theirs, ours, statuses, text", [
    # different places: both taken
    ("a: 1\nb: 2\nc: 3\n", "a: 1\nb: 5\nc: 3\n", "a: 1\nb: 2\nd: 9\nc: 3\n", ["theirs", "ours"],
     "a: 1\nb: 5\nd: 9\nc: 3\n"),
    # the same edit on both sides: taken once
    ("a: 1\nb: 2\n", "a: 1\nb: 2\nc: 3\n", "a: 1\nb: 2\nc: 3\n", ["same"], "a: 1\nb: 2\nc: 3\n"),
    # one value changed differently: the plan's kept
    ("a: 1\nb: 2\n", "a: 1\nb: 3\n", "a: 1\nb: 4\n", ["conflict"], "a: 1\nb: 4\n"),
    # two lines of one block value: one field, a conflict
    ("t: |\n  l1\n  l2\n  l3\nz: 1\n", "t: |\n  L1\n  l2\n  l3\nz: 1\n", "t: |\n  l1\n  l2\n  L3\nz: 1\n",
     ["conflict"], "t: |\n  l1\n  l2\n  L3\nz: 1\n"),
    # a list removed with its last item where the plan added one: a conflict, never a dangling item
    ("a:\n  - x\nb: 1\n", "b: 1\n", "a:\n  - x\n  - y\nb: 1\n", ["conflict"], "a:\n  - x\n  - y\nb: 1\n"),
    # two new items at one place, different: a conflict; a new item after an edited one: both
    ("l:\n  - x\n", "l:\n  - x\n  - y\n", "l:\n  - x\n  - z\n", ["conflict"], "l:\n  - x\n  - z\n"),
    ("l:\n  - x\nm: 1\n", "l:\n  - x\n  - y\nm: 1\n", "l:\n  - X\nm: 1\n", ["ours", "theirs"],
     "l:\n  - X\n  - y\nm: 1\n"),
    # two neighbouring lines, one changed by the reviewer, the next by the plan: both taken, no conflict
    # (a task's timeframe and its output, fresh mutant f5-adjacent-edits-conflict)
    ("timeframe: Thường xuyên\noutput: Báo cáo\n", "timeframe: Quý II/2020\noutput: Báo cáo\n",
     "timeframe: Thường xuyên\noutput: Báo cáo quý\n", ["theirs", "ours"],
     "timeframe: Quý II/2020\noutput: Báo cáo quý\n"),
])
def test_merge3(base, theirs, ours, statuses, text):
    merged = merge3(base, theirs, ours)
    assert [g.status for g in merged.groups] == statuses
    assert merged.text == text


def test_a_conflict_names_the_plan_value(office, tmp_path):
    plan, _, review = office
    a, b = review("a", TARGET), review("b", ("đạt 5,7/10 điểm", "đạt 6,1/10 điểm"))
    plan.write_text(import_onto(plan, a).text, encoding="utf-8")
    result = import_onto(plan, b)
    assert result.needs_hand and len(result.conflicts) == 1
    m = result.conflicts[0]
    assert m.field == "targets[id=t-cong-khai].target"
    assert "target: 5.9" in m.detail.note and "target: 6.1" in m.detail.note
    assert plan.read_text(encoding="utf-8").splitlines()[m.line - 1].strip() == "target: 5.9"


def _tree_spans(text: str) -> list[tuple[int, int]]:
    """What PyYAML says: every scalar written over several lines (trailing blank lines left out)."""
    import yaml

    lines, spans, stack = text.split("\n"), [], [yaml.compose(text, Loader=yaml.SafeLoader)]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            first, end = node.start_mark.line, node.end_mark.line + (1 if node.end_mark.column else 0)
            while end - 1 > first and not lines[end - 1].strip():
                end -= 1
            if end - first > 1:
                spans.append((first, end))
        elif isinstance(node, yaml.SequenceNode):
            stack += node.value
        elif isinstance(node, yaml.MappingNode):
            stack += [v for _, v in node.value]
    return sorted(spans)


TRICKY = """a: |
  key: not a key
  - not an item
b: >-
  folded

  after a blank
c: plain words
  go on here
d:
  - item text
    goes on
  - "quoted
    on two lines"
  - k: v
    other: w
e: 'single
  quoted'
f: &x anchored
g: [1,
  2]
"""


@pytest.mark.parametrize("path", sorted((ROOT / "plans").glob("*.yaml")) + sorted((ROOT / "tests" / "corpus").glob(
    "*.yaml")) + [SAMPLE, None], ids=lambda p: p.name if p else "tricky")
def test_values_over_several_lines_read_from_the_text_as_pyyaml_reads_them(path):
    text = path.read_text(encoding="utf-8") if path else TRICKY
    assert value_spans(text) == _tree_spans(text)


def test_the_line_diff_turns_one_sequence_into_the_other():
    import random

    rng = random.Random(7)
    for _ in range(300):
        a = [rng.choice("abcdefgh") + str(rng.randrange(3)) for _ in range(rng.randrange(0, 40))]
        b = list(a)
        for _ in range(rng.randrange(0, 8)):
            at = rng.randrange(len(b) + 1)
            if b and rng.random() < 0.5:
                del b[min(at, len(b) - 1)]
            else:
                b.insert(at, rng.choice("abcxyz") + str(rng.randrange(3)))
        ops = opcodes(a, b)
        rebuilt = []
        for op, i1, i2, j1, j2 in ops:
            if op == "equal":
                assert a[i1:i2] == b[j1:j2]
                rebuilt += a[i1:i2]
            else:
                rebuilt += b[j1:j2]
        assert rebuilt == b
        # contiguous cover of both sequences
        assert [o[1] for o in ops[1:]] == [o[2] for o in ops[:-1]] and [o[3] for o in ops[1:]] == [o[4] for o in ops[:-1]]
        assert not ops or (ops[0][1], ops[0][3], ops[-1][2], ops[-1][4]) == (0, 0, len(a), len(b))


def long_plan_changed_in_many_places(n: int) -> tuple[str, str, str]:
    """(base, theirs, ours) of a plan of `n` tasks: ours changes every 50th line, theirs every 70th (its time at n
    and 2n is bench/scaling.py's `merge3`)."""
    base = "tasks:\n" + "".join(f"  - id: t{i}\n    content: Nhiệm vụ số {i}.\n    lead:\n      - so-noi-vu\n"
                                f"    timeframe: Quý II\n" for i in range(n))
    lines = base.splitlines(keepends=True)
    ours = "".join(line.replace("Quý II", "Quý III") if i % 50 == 0 else line for i, line in enumerate(lines))
    theirs = "".join(line.replace("Nhiệm vụ", "Việc") if i % 70 == 1 else line for i, line in enumerate(lines))
    return base, theirs, ours


def test_a_long_plan_changed_in_many_places_is_merged_without_conflict():
    base, theirs, ours = long_plan_changed_in_many_places(4000)
    merged = merge3(base, theirs, ours)
    assert not merged.conflicts and merged.text.count("Quý III") == ours.count("Quý III")
    assert merged.text.count("Việc") == theirs.count("Việc")


def test_reviewers_editing_in_libreoffice_all_reach_the_plan(reviewed, tmp_path):
    """Three reviewers' files saved by LibreOffice Writer (the record survives its save), applied one
    after the other; then the first again: nothing changes."""
    plan = tmp_path / "sample.yaml"
    shutil.copy(SAMPLE, plan)
    for name in ("words", "target", "lead"):
        done = apply(plan, reviewed[name])
        assert not done.needs_hand, render_text(done)
        assert not any("không ghi bản kế hoạch" in m.text for m in done.messages)
    text = plan.read_text(encoding="utf-8")
    assert "Chủ trì, theo dõi, kiểm tra, đôn đốc" in text and "target: 5.9" in text
    task = text[text.index("id: tham-gia-01"):text.index("responsibilities:")]
    assert "so-noi-vu" in task and "ubnd-cap-huyen" not in task
    again = import_onto(plan, reviewed["words"])
    assert again.text == text and not again.needs_hand


def test_two_reviewers_adding_different_bullets_at_one_place_is_a_conflict_on_the_item(office, tmp_path):
    plan, docx, _ = office
    a, b = tmp_path / "a.docx", tmp_path / "b.docx"
    insert_paragraphs_after(docx, a, "Tuyên truyền trên Cổng thông tin điện tử.", ["- Tuyên truyền trên mạng xã hội."])
    insert_paragraphs_after(docx, b, "Tuyên truyền trên Cổng thông tin điện tử.", ["- Tuyên truyền qua tin nhắn."])
    assert not apply(plan, a).needs_hand
    done = apply(plan, b)
    assert done.needs_hand and not done.with_status("applied")
    [conflict] = done.conflicts
    assert conflict.detail.what == "thêm" and "qua tin nhắn" in conflict.detail.new
    assert "trên mạng xã hội" in conflict.detail.note
    assert "đã thêm vào responsibilities[id=tttt].content[0].bullets đúng chỗ này" in conflict.detail.note
    text = plan.read_text(encoding="utf-8")
    assert "trên mạng xã hội" in text and "qua tin nhắn" not in text


def test_an_empty_line_added_is_reported_without_an_empty_quote(office, tmp_path):
    plan, docx, _ = office
    rev = tmp_path / "blank.docx"
    insert_paragraphs_after(docx, rev, "Tuyên truyền trên Cổng thông tin điện tử.", [""])
    result = import_onto(plan, rev)
    text = render_text(result)
    assert "dòng trống" in text and "“”" not in text
    assert not result.changed and not result.needs_hand


def test_a_run_killed_mid_way_leaves_the_plan_whole_and_free(office):
    """kill -9 at several moments of `import --onto`: the plan is the old file or the new one, never a
    part; the lock went with the process, so the next run goes through at once."""
    plan, _, review = office
    rev = review("rev", TARGET)
    original = plan.read_text(encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    finals = set()
    for delay in (0.8, 2.5):
        plan.write_text(original, encoding="utf-8")
        proc = subprocess.Popen([sys.executable, "-m", "generator", "import", "--onto", str(plan), str(rev)],
                                cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.kill()
        proc.wait()
        text = plan.read_text(encoding="utf-8")
        assert text == original or ("target: 5.9" in text and load_plan(plan))
        with plan_lock(plan, "sample.yaml", wait_s=1):
            pass
        done = apply(plan, rev)
        assert not done.needs_hand
        finals.add(plan.read_text(encoding="utf-8"))
    assert len(finals) == 1 and "target: 5.9" in finals.pop()
