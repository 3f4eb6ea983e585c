"""`kehoach import --onto`: a paragraph a reviewer typed again in other words (its bookmark lost with the old
text) is still the plan's paragraph, edited, even next to a paragraph they added."""
from __future__ import annotations

from tests.workflow.test_review import run, valid

OLD = "Kinh phí thực hiện Kế hoạch được bố trí trong dự toán ngân sách năm 2021 của các cơ quan, đơn vị."
NEW = "Kinh phí thực hiện Kế hoạch này do các cơ quan, đơn vị bố trí trong dự toán ngân sách năm 2021 được giao."
ADDED = "Định kỳ hằng quý báo cáo kết quả thực hiện về Sở Nội vụ."


def test_a_paragraph_reworded_next_to_an_added_one_is_one_edit_and_one_addition(built, tmp_path):
    from tests.workflow.word_edit import insert_paragraphs_after, retype_paragraph

    source = next(f for f in built["sample"].files if f.suffix == ".docx")
    retyped, reviewed = tmp_path / "retyped.docx", tmp_path / "reviewed.docx"
    retype_paragraph(source, retyped, OLD, NEW)  # about three quarters alike
    insert_paragraphs_after(retyped, reviewed, NEW, [ADDED])
    result, removed, added = run(reviewed)
    assert [(i.detail.status, i.field, i.detail.what) for i in result.items] == [
        ("applied", "funding[0]", "sửa"), ("applied", "funding[1]", "thêm")]
    assert (removed, added) == ([f"  - {OLD}"], [f"  - {NEW}", f"  - {ADDED}"]) and not result.unapplied
    valid(result, tmp_path)
