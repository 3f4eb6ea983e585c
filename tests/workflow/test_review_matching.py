"""`kehoach import --onto`: a paragraph a reviewer typed again in other words (its bookmark lost with the old
text) is still the plan's paragraph, edited, even next to a paragraph they added."""
from __future__ import annotations

import pytest

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


# the same paragraph rewritten further: 0.61 alike (an edit), 0.49 alike (other words: removed, and a new one added)
REWORDED = "Kinh phí thực hiện Kế hoạch được bố trí từ nguồn xã hội hóa và nguồn hợp pháp khác."
REWRITTEN = "Các cơ quan, đơn vị chủ động bố trí kinh phí thực hiện từ nguồn ngân sách năm 2021 đã được giao."


@pytest.mark.parametrize("new, reported", [
    (REWORDED, [("sửa", OLD, REWORDED), ("thêm", "", ADDED)]),
    (REWRITTEN, [("thêm", "", REWRITTEN), ("thêm", "", ADDED), ("bỏ", OLD, "")]),
])
def test_a_paragraph_is_an_edit_of_the_one_it_replaced_only_when_more_than_six_tenths_alike(built, tmp_path, new,
                                                                                           reported):
    """Its bookmark lost, next to a paragraph the reviewer added: a paragraph 0.61 alike the plan's (difflib
    ratio) is reported as its edit ("sửa" old → new); one only 0.49 alike — the reviewer wrote something else —
    as the old one removed and the new one added, never as an edit of words it does not share (fresh mutant
    v-likeness, at 0.4, reported the second as "sửa"). Either way the next build prints what the reviewer saw."""
    from tests.workflow.test_review_mutants import build, texts, write
    from tests.workflow.word_edit import insert_paragraphs_after, retype_paragraph

    source = next(f for f in built["sample"].files if f.suffix == ".docx")
    retyped, reviewed = tmp_path / "retyped.docx", tmp_path / "reviewed.docx"
    retype_paragraph(source, retyped, OLD, new)
    insert_paragraphs_after(retyped, reviewed, new, [ADDED])
    result, _, _ = run(reviewed)
    assert [(i.detail.what, i.detail.old, i.detail.new) for i in result.items] == reported, \
        [(i.detail.what, i.detail.old, i.detail.new) for i in result.items]
    assert not result.unapplied
    assert texts(build(write(tmp_path, result.text), tmp_path / "again")) == texts(reviewed)


def test_a_reviewed_document_with_decomposed_letters_and_no_bookmarks_is_the_plans(built, tmp_path):
    """A reviewed .docx whose Vietnamese letters are decomposed (NFD: "ệ" as e + two combining marks, as macOS
    and some converters write them) and whose bookmarks were all lost (an RTF round trip) is still the plan's
    document, read back unchanged — not refused as "không phải văn bản kehoach tạo từ …" (fresh mutant
    f12-precheck-nfc: the first quick pass compared the texts undecomposed and found none of them)."""
    import re
    import unicodedata
    import zipfile

    source = next(f for f in built["sample"].files if f.suffix == ".docx")
    reviewed = tmp_path / "reviewed.docx"
    with zipfile.ZipFile(source) as z_in, zipfile.ZipFile(reviewed, "w", zipfile.ZIP_DEFLATED) as z_out:
        for item in z_in.infolist():
            data = z_in.read(item)
            if item.filename == "word/document.xml":
                xml = re.sub(r"<w:bookmark(Start|End)\b[^>]*/>", "", data.decode("utf-8"))
                assert "bookmarkStart" not in xml
                data = unicodedata.normalize("NFD", xml).encode("utf-8")
                assert data != unicodedata.normalize("NFC", xml).encode("utf-8")
            z_out.writestr(item, data)
    result, removed, added = run(reviewed)
    assert (removed, added) == ([], []) and not result.changed and not result.unapplied
