"""Issue 22, third hostile campaign: what a leader's Track Changes and an editor's invisible characters do to
`import --onto`. Each file is made by a generator of tests/word/hostile_third.py from a .docx kehoach built;
each test failed on the code before its fix (bench/hostile_third.py runs every family)."""
from __future__ import annotations


import pytest
import yaml

from generator.workflow.review import import_onto, render_text
from tests.core.hostile import ROOT
from tests.word import hostile_third as fam

FIRST = ("Đối với những khoản đóng góp (xây dựng, sửa chữa công trình công cộng, xây dựng nông thôn mới...), thực "
         "hiện đảm bảo nguyên tắc dân chủ, công khai, minh bạch, do người dân quyết định việc thực hiện và mức đóng góp, "
         "có sự giám sát của Ban Giám sát đầu tư cộng đồng hoặc Ban Thanh tra nhân dân.")


def _bullets(text: str) -> list[str]:
    """Every text of the plan's sections, in order (the bullets the families edit are there)."""
    out = []

    def walk(node):
        if isinstance(node, dict):
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)
        elif isinstance(node, str):
            out.append(" ".join(node.split()))
    walk(yaml.safe_load(text)["sections"])
    return out


@pytest.mark.parametrize("make", [fam.zero_width, fam.rtl_marks], ids=["zero-width", "direction-marks"])
def test_characters_that_print_nothing_change_nothing_in_the_plan(seed_built, tmp_path, make):
    """U+200B, U+FEFF, U+2060 in three paragraphs (a title, two bullets), or direction marks U+200F, U+200E,
    U+202B…U+202C around two words: `import --onto` wrote them into the plan as 3 (1) edits ('sửa “Mục đích” →
    “Mục​ đích​”'). Nothing the eye sees changed, so nothing changes."""
    plan, docx = seed_built
    result = import_onto(plan, make(docx, tmp_path))
    assert result.items == [] and not result.changed
    assert result.text == plan.read_text(encoding="utf-8")


def test_an_edit_next_to_a_zero_width_space_keeps_the_edit_and_drops_the_space(seed_built, tmp_path):
    plan, docx = seed_built
    path = fam.zero_width(docx, tmp_path)
    pkg = fam.Package(path)
    pkg.replace("word/document.xml", "giám\u200b sát", "giám\u200b sát chặt chẽ")
    result = import_onto(plan, pkg.write(tmp_path / "edited.docx"))
    assert [m.detail.status for m in result.items] == ["applied"]
    assert "kiểm tra, giám sát chặt chẽ để kịp thời" in " ".join(_bullets(result.text))
    assert "\u200b" not in result.text


def test_a_deleted_paragraph_mark_joins_the_two_paragraphs(seed_built, tmp_path):
    """The paragraph mark between two bullets deleted with Track Changes on: Word, with the change accepted,
    shows one paragraph holding both sentences. `import --onto` said '[nhận] xóa đoạn “<the first bullet>”'
    (which no one deleted), changed nothing, and exited 0: the join was lost without a word."""
    plan, docx = seed_built
    second = "Tổ chức thực hiện tốt công tác tuyên truyền, bầu cử các chức danh trưởng thôn/tổ trưởng tổ dân phố."
    result = import_onto(plan, fam.tracked_paragraph_join(docx, tmp_path))
    texts = _bullets(result.text)
    assert FIRST not in texts and second not in texts
    assert f"{FIRST}- {second}" in texts
    assert not result.unapplied
    said = render_text(result)
    assert "nối với đoạn sau “- Đối với những khoản" in said and "xóa đoạn" not in said
    rejected = import_onto(plan, fam.tracked_paragraph_join(docx, tmp_path), reject=True)
    assert rejected.items == [] and rejected.text == plan.read_text(encoding="utf-8")


def test_a_whole_paragraph_deleted_with_its_mark_is_still_one_deletion(seed_built, tmp_path):
    """Runs and mark deleted together (a whole bullet removed): the next bullet is not joined to anything."""
    plan, docx = seed_built
    result = import_onto(plan, fam.tracked_paragraph_deleted(docx, tmp_path))
    assert [(m.detail.status, m.detail.what) for m in result.items] == [("applied", "bỏ")]
    assert "xóa đoạn" in render_text(result)


def test_a_header_row_that_lost_its_repeat_mark_is_still_the_header(seed_built, tmp_path):
    """The reviewed build saved by LibreOffice through RTF (.docx → .rtf → .docx) loses w:tblHeader: the tasks
    table's header row, not marked any more, was taken for a new row ('CHƯA đưa vào: thêm “STT | Nhiệm vụ
    trọng tâm | …” — hàng mới ở đầu bảng'), exit 1, with nothing edited. A row reading as the header kehoach
    printed is the header."""
    plan, docx = seed_built
    result = import_onto(plan, fam.header_mark_lost(docx, tmp_path))
    assert result.items == [] and not result.changed


@pytest.mark.parametrize("number, tracked", [("2", False), ("3", False), ("2", True)])
def test_a_row_copied_with_its_number_becomes_a_task_without_a_false_alarm(seed_built, tmp_path, number, tracked):
    """A tasks row copied below itself and its words retyped, its STT cell left '2' (the copied row's) or typed
    '3' with the rows below not renumbered, with Track Changes on or off: the task was added, but the rebuild
    renumbers, and the numbers read as edits made 'CHƯA đưa vào' items ('thêm … — văn bản tạo lại không in
    đoạn này ở chỗ người duyệt đặt', or 'sửa “3” … không gắn được với giá trị nào'), exit 1. A row's number is
    kehoach's to compute, never a reviewer's edit."""
    plan, docx = seed_built
    result = import_onto(plan, fam.row_copied(docx, tmp_path, number, tracked))
    assert [(m.detail.status, m.detail.what) for m in result.items if m.detail.status != "ignored"] == [
        ("applied", "thêm")]
    assert "content: Thanh tra định kỳ việc công khai ngân sách xã." in result.text


def test_a_note_the_reviewer_added_is_listed_as_not_applied(seed_built, tmp_path):
    """A footnote and an endnote added on a bullet: they were only 'Trình đọc Word ghi nhận' lines and the run
    exited 0 (a plan has no place for notes, so their words never reached it). Each is now a CHƯA đưa vào item
    with its words and the plan value it sits on, and the run exits 1 (needs hand work)."""
    plan, docx = seed_built
    result = import_onto(plan, fam.footnote_math(docx, tmp_path))
    notes = [m for m in result.unapplied if "chú thích" in m.detail.note]
    assert [(m.detail.what, m.detail.new) for m in notes] == [("thêm", "Theo Kế hoạch số 12/KH-UBND."),
                                                             ("thêm", "Ghi chú cuối.")]
    assert all(m.field.startswith("sections[id=nhiem-vu-giai-phap]") for m in notes)
    assert result.needs_hand
