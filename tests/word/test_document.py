"""The body walk (document.py): blocks in body order, paragraph indexes, the size bound."""
from __future__ import annotations

from generator.word import Paragraph, Table, read_docx

from tests.word.docx_factory import make_docx, p


def _para(result, text):
    return next(q for q in result.value.paragraphs() if q.text.startswith(text))


def test_paragraph_indexes_are_document_order_including_cells(rich):
    indexes = [q.index for q in rich.value.paragraphs()]
    assert indexes == list(range(len(indexes)))
    cell_para = _para(rich, "Việc A dòng 2")
    assert cell_para.in_table and not _para(rich, "Hết").in_table


def test_blocks_are_paragraphs_and_tables_in_body_order(rich):
    kinds = ["T" if isinstance(b, Table) else "P" for b in rich.value.blocks]
    assert kinds.count("T") == 2
    assert all(isinstance(b, (Paragraph, Table)) for b in rich.value.blocks)
    assert rich.value.core == {"title": "Kế hoạch thử", "creator": "Văn phòng UBND"}


def test_five_thousand_paragraphs_read_linearly(tmp_path):
    from tests.word.docx_factory import abstract, lvl, num, numbering_xml
    numbering = numbering_xml([abstract(1, [lvl(0, "decimal", "%1.")])], [num(1, 1)])
    body = "".join(p(f"Đoạn {i}", num=(1, 0)) for i in range(5000))
    result = read_docx(make_docx(tmp_path / "big.docx", body, numbering=numbering))
    paragraphs = list(result.value.paragraphs())
    assert len(paragraphs) == 5000
    assert paragraphs[-1].list_label == "5000." and paragraphs[-1].text == "Đoạn 4999"
