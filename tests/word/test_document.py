"""The body walk: tracked changes, comments, bookmarks, content controls, fields, shapes, tables, sections."""
from __future__ import annotations

from generator.word import Paragraph, Table, read_docx

from tests.word.docx_factory import make_docx, p, r


def _para(result, text):
    return next(q for q in result.value.paragraphs() if q.text.startswith(text))


def test_paragraph_indexes_are_document_order_including_cells(rich):
    indexes = [q.index for q in rich.value.paragraphs()]
    assert indexes == list(range(len(indexes)))
    cell_para = _para(rich, "Việc A dòng 2")
    assert cell_para.in_table and not _para(rich, "Hết").in_table


def test_tracked_changes_accepted_and_rejected_views(rich):
    q = _para(rich, "Tăng")
    assert q.text == "Tăng mạnh kết thúc"
    assert q.original_text == "Tăng cũ kết thúc"
    ins = next(run for run in q.runs if run.change == "ins")
    assert (ins.text, ins.change_author, ins.change_date) == ("mạnh ", "Nguyễn Văn A", "2024-05-01T08:00:00Z")
    changes = [(c.kind, c.author, c.text, c.paragraph_index) for c in rich.value.changes]
    assert ("ins", "Nguyễn Văn A", "mạnh ", q.index) in changes
    assert ("del", "Trần Thị B", "cũ ", q.index) in changes


def test_inserted_paragraph_and_row_are_marked(rich):
    new = _para(rich, "Đoạn mới chèn")
    assert new.mark_change == "ins" and new.original_text == ""
    kinds = {c.kind for c in rich.value.changes}
    assert {"paraIns", "rowIns"} <= kinds
    table = rich.value.tables[0]
    assert [row.inserted for row in table.rows] == [False, False, False, False, True]


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


def test_fields_keep_results_and_are_named(rich):
    q = _para(rich, "liên kết")
    assert q.text == "liên kết trang 29"  # hyperlink text, PAGE result "2", NUMPAGES result "9"; no field codes
    assert q.has_field == {"PAGE": True, "NUMPAGES": True}


def test_page_break_and_text_box(rich):
    assert _para(rich, "Trước ngắt").text == "Trước ngắt\fsau ngắt"
    boxed = [q for q in rich.value.paragraphs() if q.in_shape]
    assert [q.text for q in boxed] == ["Chữ trong hộp"]  # Choice read, Fallback (same text) not read twice
    assert boxed[0].index == _para(rich, "Neo hộp").index + 1
    assert any("khung văn bản" in m.text and m.where == f"đoạn {boxed[0].index}" for m in rich.messages)


def test_table_structure_spans_and_headers(rich):
    table = rich.value.tables[0]
    assert (table.index, table.grid, table.borders, table.style_id, table.section) == (0, [35.0, 200.0, 100.0], True, "TableGrid", 0)
    head, group, a, b, c = table.rows
    assert head.is_header and head.cant_split and not a.is_header
    assert [cell.text for cell in head.cells] == ["STT", "Nội dung", "Cơ quan"]
    assert (group.cells[0].grid_span, group.cells[0].shading, group.cells[0].text) == (3, "D9D9D9", "Nhóm 1: Công khai")
    assert a.cells[1].text == "Việc A dòng 1\nViệc A dòng 2" and len(a.cells[1].paragraphs) == 2
    assert (a.cells[2].v_merge, a.cells[2].row_span, a.cells[2].col) == ("restart", 2, 2)
    assert (b.cells[2].v_merge, b.cells[2].text, b.cells[2].col) == ("continue", "", 2)
    assert c.cells[1].text == "Có bảng lồng\nlồng 1\nlồng 2\n"  # nested table flattened into its cell
    assert any("bảng lồng" in m.text and m.where == "bảng 1, hàng 5, ô 2" for m in rich.messages)
    assert head.cells[0].width == 35.0 and a.cells[0].width == 100.0


def test_sections_margins_orientation_headers(rich):
    first, second = rich.value.sections
    assert (first.page_width_mm, first.page_height_mm, first.orientation) == (210.01, 297.0, "portrait")
    assert (first.margin_top_mm, first.margin_bottom_mm, first.margin_left_mm, first.margin_right_mm) == (20.0, 20.0, 30.0, 20.0)
    assert first.title_page and not second.title_page
    assert [q.text for q in first.headers["default"]] == ["Trang 2"]
    assert first.headers["default"][0].has_field == {"PAGE": True}
    assert first.headers["default"][0].alignment == "center"
    assert [q.text for q in first.headers["first"]] == [""]
    assert second.orientation == "landscape" and second.page_width_mm == 297.0 and second.page_number_start == 1
    assert second.headers == first.headers  # a section without its own headers inherits the previous ones
    sections = {q.text: q.section for q in rich.value.paragraphs()}
    assert sections["Cuối mục một"] == 0 and sections["Phụ lục"] == 1 and sections["Hết"] == 1
    appendix = rich.value.tables[1]
    assert appendix.section == 1 and appendix.borders is False


def test_blocks_are_paragraphs_and_tables_in_body_order(rich):
    kinds = ["T" if isinstance(b, Table) else "P" for b in rich.value.blocks]
    assert kinds.count("T") == 2
    assert all(isinstance(b, (Paragraph, Table)) for b in rich.value.blocks)
    assert rich.value.core == {"title": "Kế hoạch thử", "creator": "Văn phòng UBND"}


def test_images_equations_hidden_text_and_unknown_elements_become_messages(tmp_path):
    image = ('<w:r><w:drawing><wp:inline><a:graphic><a:graphicData><a:blip r:embed="rIdImg"/>'
             '</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>')
    body = (p(r("ảnh "), image) + p(r("ẩn", "<w:vanish/>"), r("hiện"))
            + '<w:p><w:r><w:t>a</w:t></w:r><w:fooBar/></w:p>'
            + '<w:p><w:r><w:object><v:shape/></w:object></w:r></w:p>')
    result = read_docx(make_docx(tmp_path / "x.docx", body))
    texts = [q.text for q in result.value.paragraphs()]
    assert texts == ["ảnh ", "hiện", "a", ""]
    messages = " | ".join(str(m) for m in result.messages)
    assert "đoạn 1: có hình ảnh" in messages
    assert "chữ ẩn" in messages and "“ẩn”" in messages
    assert "w:fooBar" in messages
    assert "đoạn 4: có đối tượng nhúng (OLE)" in messages


def test_five_thousand_paragraphs_read_linearly(tmp_path):
    from tests.word.docx_factory import abstract, lvl, num, numbering_xml
    numbering = numbering_xml([abstract(1, [lvl(0, "decimal", "%1.")])], [num(1, 1)])
    body = "".join(p(f"Đoạn {i}", num=(1, 0)) for i in range(5000))
    result = read_docx(make_docx(tmp_path / "big.docx", body, numbering=numbering))
    paragraphs = list(result.value.paragraphs())
    assert len(paragraphs) == 5000
    assert paragraphs[-1].list_label == "5000." and paragraphs[-1].text == "Đoạn 4999"


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


def test_legacy_horizontal_merge_and_grid_before(tmp_path):
    from tests.word.docx_factory import tbl, tc, tr
    merged = tc("gộp") .replace("<w:tcPr>", '<w:tcPr><w:hMerge w:val="restart"/>')
    cont = tc("").replace("<w:tcPr>", '<w:tcPr><w:hMerge/>')
    shifted = tr(tc("b")).replace("<w:tr>", '<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>')
    doc = make_docx(tmp_path / "x.docx", tbl(tr(merged, cont), shifted, grid=[1000, 1000]))
    result = read_docx(doc)
    first, second = result.value.tables[0].rows
    assert [c.text for c in first.cells] == ["gộp", ""]
    assert second.cells[0].col == 1
    assert any("hMerge" in m.text for m in result.messages)


def test_nested_field_codes_hidden_results_kept_and_broken_field_contained(tmp_path):
    def fld(kind):
        return r("", extra=f'<w:fldChar w:fldCharType="{kind}"/>')

    def instr(text):
        return r("", extra=f'<w:instrText xml:space="preserve">{text}</w:instrText>')

    nested = p(r("Xem "), fld("begin"), instr(" IF "), fld("begin"), instr(" PAGE "), fld("separate"), r("1"),
               fld("end"), instr(' = 1 "đầu" "sau" '), fld("separate"), r("đầu"), fld("end"), r(" hết"))
    broken = p(r("A "), fld("begin"), instr(" REF x "))
    after = p("Đoạn sau vẫn đọc được")
    result = read_docx(make_docx(tmp_path / "x.docx", nested + broken + after))
    texts = [q.text for q in result.value.paragraphs()]
    assert texts == ["Xem đầu hết", "A ", "Đoạn sau vẫn đọc được"]
    assert next(result.value.paragraphs()).has_field == {"IF": True, "PAGE": True}
    assert any("không có phần kết thúc" in m.text and m.where == "đoạn 2" for m in result.messages)


def test_drawn_rules_and_pictures_are_described(tmp_path):
    dml_line = ('<w:r><w:drawing><wp:anchor><wp:extent cx="1905000" cy="0"/><a:graphic><a:graphicData '
                'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:spPr>'
                '<a:prstGeom prst="line"/></wps:spPr></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>')
    vml_line = '<w:r><w:pict><v:line from="60pt,5pt" to="230pt,5pt"/></w:pict></w:r>'
    picture = ('<w:r><w:drawing><wp:inline><wp:extent cx="635000" cy="317500"/><a:graphic><a:graphicData>'
               '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:blipFill>'
               '<a:blip r:embed="rId9"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>')
    result = read_docx(make_docx(tmp_path / "x.docx", p(r("Độc lập"), dml_line) + p(vml_line) + p(picture)))
    first, second, third = (q.drawings for q in result.value.paragraphs())
    assert [(d.kind, d.width_pt, d.height_pt) for d in first] == [("line", 150.0, 0.0)]
    assert [(d.kind, d.width_pt, d.offset_pt) for d in second] == [("line", 170.0, 60.0)]
    assert [(d.kind, d.width_pt, d.height_pt) for d in third] == [("image", 50.0, 25.0)]
    assert [m.level for m in result.messages] == ["info", "info", "info"]


def test_paragraph_where_names_table_cells(rich):
    cell_para = next(q for q in rich.value.paragraphs() if q.text == "Việc B")
    assert cell_para.where == f"đoạn {cell_para.index + 1} (bảng 1, hàng 4, ô 2)"
    assert next(rich.value.paragraphs()).where == "đoạn 1"
    header = rich.value.sections[0].headers["default"][0]
    assert header.where == "đầu trang (default) mục 1: đoạn 1"


def test_changes_carry_where_and_header_changes_are_listed_once(tmp_path):
    from tests.word.docx_factory import sect

    header = p(r("Trang "), '<w:ins w:id="7" w:author="C" w:date="2024-02-02T00:00:00Z">' + r("mới") + "</w:ins>")
    body = (p("Mục một", ppr=sect(header_refs={"default": "rIdH1"}))
            + '<w:p><w:ins w:id="8" w:author="D" w:date="2024-02-03T00:00:00Z"><w:r><w:t>thêm</w:t></w:r></w:ins></w:p>'
            + sect(header_refs={"default": "rIdH1"}))
    result = read_docx(make_docx(tmp_path / "x.docx", body, headers={"rIdH1": header}))
    changes = [(c.kind, c.author, c.text, c.paragraph_index, c.where) for c in result.value.changes]
    assert changes == [("ins", "D", "thêm", 1, "đoạn 2"),
                       ("ins", "C", "mới", -1, "đầu trang (default) mục 1: đoạn 1")]
    first, second = result.value.sections
    assert [q.text for q in first.headers["default"]] == [q.text for q in second.headers["default"]] == ["Trang mới"]


def test_row_change_where(rich):
    row_change = next(c for c in rich.value.changes if c.kind == "rowIns")
    assert row_change.where == "bảng 1, hàng 5"
