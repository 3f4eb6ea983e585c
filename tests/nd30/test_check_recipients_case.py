"""The Nơi nhận of a decision names its executing article "- Như Điều 3;" (PL III, Mẫu 1.2–1.3: "Điều" with its capital,
the name of a part of the text); drafts type "- Như điều 3;" (FR14-QD01, QD02, QD03, FR15-QD02). Documents made here
with contents of our own."""
from __future__ import annotations

import pytest

from generator.nd30.check import check_docx
from generator.nd30.fix import fix_docx
from generator.word import read_docx
from tests.nd30.test_check_types import B, I, SZ14, body, centred, header
from tests.word.docx_factory import make_docx, p, r, sect, tbl, tc, tr


def decision(path, first_item: str):
    left = tc(p(r("Nơi nhận:", B + I + '<w:sz w:val="24"/>')) + p(r(first_item, '<w:sz w:val="22"/>'))
              + p(r("- Lưu: VT, NC.", '<w:sz w:val="22"/>')), width=4600)
    right = tc(centred("TM. ỦY BAN NHÂN DÂN") + centred("CHỦ TỊCH") + centred("Nguyễn Văn An"), width=4600)
    blocks = [header("Số: 12/QĐ-UBND"), centred("QUYẾT ĐỊNH"), centred("Về việc thành lập Tổ công tác"),
              centred("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"),
              body("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;", I + SZ14),
              body("Theo đề nghị của Giám đốc Sở Nội vụ.", I + SZ14), centred("QUYẾT ĐỊNH:"),
              body("Điều 1. Thành lập Tổ công tác theo danh sách kèm theo."),
              body("Điều 2. Quyết định này có hiệu lực kể từ ngày ký."),
              body("Điều 3. Chánh Văn phòng và các thành viên Tổ công tác chịu trách nhiệm thi hành Quyết định này./."),
              tbl(tr(left, right), grid=[4600, 4600], style=None)]
    return make_docx(path, "".join(blocks) + sect())


@pytest.mark.parametrize("item, told", [("- Như điều 3;", True), ("- Như điều 3 (t/h);", True),
                                        ("- Như Điều 3;", False), ("- Sở Nội vụ;", False)])
def test_the_article_named_in_the_recipients_is_told_its_capital(tmp_path, item, told):
    found = [f.text for f in check_docx(decision(tmp_path / "qd.docx", item)).findings
             if f.rule == "recipients.items"]
    assert found == (["viết hoa chữ “Điều” khi gọi tên điều của văn bản: “- Như Điều 3”"] if told else []), found


def test_fix_leaves_the_word_to_the_drafter(tmp_path):
    """--fix never changes a word (its words are compared, case kept): "điều" is told, not rewritten."""
    report = fix_docx(decision(tmp_path / "qd.docx", "- Như điều 3;"), tmp_path / "fixed.docx")
    assert "- Như điều 3;" in [q.text for q in read_docx(tmp_path / "fixed.docx").value.paragraphs()]
    assert [f.rule for f in report.left if "Điều" in f.text] == ["recipients.items"]
