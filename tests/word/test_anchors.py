"""Anchors (anchors.py): comments and their anchors, bookmarks, content controls; replies and notes."""
from __future__ import annotations

from generator.word import read_docx

from tests.word.docx_factory import make_docx


def _para(result, text):
    return next(q for q in result.value.paragraphs() if q.text.startswith(text))


def test_comments_with_anchors(rich):
    comments = {c.id: c for c in rich.value.comments}
    first, second = comments["0"], comments["1"]
    anchored = _para(rich, "Chỉ tiêu")
    assert (first.author, first.date, first.initials, first.text) == ("Lãnh đạo UBND", "2024-05-02T09:00:00Z", "LĐ", "Sửa lại số liệu")
    assert first.anchor_text == "đạt 43 điểm" and first.paragraph_indexes == [anchored.index]
    assert second.text == "Dòng một\nDòng hai"
    assert second.anchor_text == " trở lên\nđoạn sau"
    assert second.paragraph_indexes == [anchored.index, anchored.index + 1]
    assert anchored.comment_ids == ["0", "1"]


def test_bookmarks_and_content_controls(rich):
    assert _para(rich, "Nhiệm vụ có dấu").bookmarks == ["task-1"]  # _GoBack is Word's cursor, not a tag
    assert _para(rich, "Sau dấu thân").bookmarks == ["sec-2"]  # body-level start goes to the next paragraph
    assert _para(rich, "Nhiệm vụ trong").tags == ["plan.tasks[0]"]
    assert _para(rich, "Đoạn thứ hai").tags == ["plan.tasks[0]"]
    assert _para(rich, "Đạt 45").tags == ["target.t1"] and _para(rich, "Đạt 45").text == "Đạt 45 điểm"
    row = rich.value.tables[0].rows[4]
    assert row.tags == ["row.task-3"] and "row.task-3" in row.cells[2].paragraphs[0].tags


def test_comment_replies_done_flag_and_footnotes(tmp_path):
    from tests.word.docx_factory import NSDECL, REL_BASE

    comments = ('<w:comment w:id="0" w:author="A" w:date="2024-01-01T00:00:00Z"><w:p w14:paraId="0000000A">'
                '<w:r><w:t>Hỏi</w:t></w:r></w:p></w:comment>'
                '<w:comment w:id="1" w:author="B" w:date="2024-01-02T00:00:00Z"><w:p w14:paraId="0000000B">'
                '<w:r><w:t>Đáp</w:t></w:r></w:p></w:comment>')
    extended = (f'<?xml version="1.0" encoding="UTF-8"?><w15:commentsEx {NSDECL}>'
                '<w15:commentEx w15:paraId="0000000A" w15:done="1"/>'
                '<w15:commentEx w15:paraId="0000000B" w15:paraIdParent="0000000A" w15:done="0"/></w15:commentsEx>')
    footnotes = (f'<?xml version="1.0" encoding="UTF-8"?><w:footnotes {NSDECL}>'
                 '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
                 '<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Theo Nghị định 30.</w:t></w:r></w:p></w:footnote>'
                 '</w:footnotes>')
    body = ('<w:p><w:commentRangeStart w:id="0"/><w:commentRangeStart w:id="1"/><w:r><w:t>Văn bản</w:t></w:r>'
            '<w:commentRangeEnd w:id="0"/><w:commentRangeEnd w:id="1"/><w:r><w:commentReference w:id="0"/></w:r>'
            '<w:r><w:commentReference w:id="1"/></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>')
    doc = make_docx(tmp_path / "x.docx", body, comments=comments,
                    extra_parts={"word/commentsExtended.xml": extended, "word/footnotes.xml": footnotes},
                    extra_rels=[("rIdEx", "http://schemas.microsoft.com/office/2011/relationships/commentsExtended",
                                 "commentsExtended.xml"), ("rIdFn", f"{REL_BASE}/footnotes", "footnotes.xml")])
    result = read_docx(doc)
    question, answer = result.value.comments
    assert (question.parent_id, question.done, question.anchor_text) == (None, True, "Văn bản")
    assert (answer.parent_id, answer.done, answer.text, answer.anchor_text) == ("0", False, "Đáp", "Văn bản")
    assert next(result.value.paragraphs()).text == "Văn bản"  # the footnote mark adds no text
    assert [(n.kind, n.id, n.text, n.paragraph_index) for n in result.value.notes] == [
        ("footnote", "1", "Theo Nghị định 30.", 0)]
    assert any("chú thích chân trang" in m.text for m in result.messages)
