"""False findings and misses seen on the eighth fresh set (issue 20, FR8-*: a Sở's and its province's 2023 drafts,
a university's Thông báo and Kế hoạch, a công văn template), each on a small document made here with contents of our
own. The real files are held in tests/real/test_judged_check.py."""
from __future__ import annotations

from generator.nd30.check import check_docx
from tests.nd30.test_check_fresh6 import at, notice
from tests.nd30.test_check_types import SZ14, body
from tests.word.docx_factory import p, r

LONG = ("Biên bản hoặc giấy chứng nhận giám định y khoa do Hội đồng giám định y khoa có thẩm quyền cấp cho sinh viên "
        "đang theo học tại trường trong năm học này")


def listed(text: str, left: int, first: int = 0) -> str:
    """A list line set off by a left indent (twips) and a first-line indent (negative: hanging)."""
    ind = f'<w:ind w:left="{left}" w:firstLine="{first}"/>' if first >= 0 else \
        f'<w:ind w:left="{left}" w:hanging="{-first}"/>'
    return p(r(text, SZ14), ppr=f'<w:jc w:val="both"/>{ind}<w:spacing w:before="120" w:after="0"/>')


def test_a_wrapped_line_set_in_by_its_left_indent_starts_there(tmp_path):
    """FR8-TB02: "- Biên bản …" over two lines, 20 mm left and no first-line indent, prints 20 mm in; it was told
    "thụt đầu dòng 0,0 mm" and to set a first line (which would push it to 30 mm). Where it starts is said, and
    the left indent to clear; a hanging line hung back to 10 mm from the margin is where ND30 wants it."""
    result = check_docx(notice(tmp_path / "tb.docx", [
        body("Sinh viên nộp các giấy tờ sau:"),
        listed("- " + LONG + ";", 1134),
        listed("- Đơn " + LONG + ";", 1418, -260),
        listed("- Giấy " + LONG + ".", 1134, -567),
        body("Nhà trường thông báo để sinh viên biết và thực hiện./.")]))
    [message] = at(result, "- Biên bản")["body.indent"]
    assert "cách lề trái 20,0 mm" in message and "Left 0" in message
    [message] = at(result, "- Đơn")["body.indent"]
    assert "cách lề trái 20,4 mm (cả đoạn lùi vào 25,0 mm)" in message
    assert "body.indent" not in at(result, "- Giấy")  # 20 mm left hung back 10 mm: its first line is 10 mm in
