"""Text colour (PL I §I.4: "Phông chữ … màu đen"): drafts carry fill-ins typed in red or blue (FR12-QD02's name in
red, FR3-CT01 all in blue). One finding per colour a document's text is printed in, at its first place, the others
counted, as for the font; black, "automatic", a near-black grey, white (nothing prints) and a hyperlink's own style
are not told. Documents made here with contents of our own."""
from __future__ import annotations

import pytest

from generator.nd30.check import check_docx
from tests.nd30.test_check_types import B, I, SZ14, body, centred, header, tail
from tests.word.docx_factory import make_docx, p, r, sect

BODY = '<w:jc w:val="both"/><w:ind w:firstLine="567"/><w:spacing w:before="120" w:after="0"/>'


def coloured(path, *body_blocks: str):
    blocks = [header("Số: 12/QĐ-UBND"), centred("QUYẾT ĐỊNH"), centred("Về việc bổ nhiệm viên chức quản lý"),
              centred("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"),
              body("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;", I + SZ14),
              body("Theo đề nghị của Giám đốc Sở Nội vụ.", I + SZ14), centred("QUYẾT ĐỊNH:"), *body_blocks,
              body("Điều 3. Quyết định này có hiệu lực kể từ ngày ký./."), tail("TM. ỦY BAN NHÂN DÂN")]
    return make_docx(path, "".join(blocks) + sect())


def colour(value: str) -> str:
    return SZ14 + f'<w:color w:val="{value}"/>'


def told(path) -> list[str]:
    return [f"{f.where}: {f.text}" for f in check_docx(path).findings if f.rule == "font.color"]


def test_a_fill_in_typed_in_red_is_told_to_be_black(tmp_path):
    """FR12-QD02: the appointee's name, a fill-in, typed in red inside a black sentence; and a second red one later:
    one finding, at the first, the other counted."""
    path = coloured(tmp_path / "qd.docx",
                    p(r("Điều 1. Bổ nhiệm bà ", SZ14), r("Nguyễn Thị Lan", colour("FF0000")),
                      r(" giữ chức vụ Trưởng khoa.", SZ14), ppr=BODY),
                    p(r("Điều 2. Bà ", SZ14), r("Nguyễn Thị Lan", colour("C00000")),
                      r(" và các đơn vị liên quan chịu trách nhiệm thi hành.", SZ14), ppr=BODY))
    assert told(path) == ["phần 1, đoạn 13: chữ màu đỏ “Nguyễn Thị Lan” (và 1 đoạn khác), ND30 quy định chữ màu đen: "
                          "chọn đoạn chữ, Home › Font Color › Automatic — đổi sang màu đen"]


def test_each_colour_is_told_once(tmp_path):
    path = coloured(tmp_path / "qd.docx",
                    p(r("Điều 1. Bổ nhiệm bà Nguyễn Thị Lan giữ chức vụ Trưởng khoa.", colour("0000FF")), ppr=BODY),
                    p(r("Điều 2. Bà Nguyễn Thị Lan chịu trách nhiệm thi hành ", SZ14),
                      r("Quyết định này", colour("FF0000")), r(".", SZ14), ppr=BODY))
    assert [t.split(": ", 1)[1].split(" “")[0] for t in told(path)] == ["chữ màu xanh dương", "chữ màu đỏ"]


@pytest.mark.parametrize("value", ["000000", "auto", "262626", "FFFFFF"])
def test_black_automatic_near_black_and_white_are_not_told(tmp_path, value):
    """Word's "Automatic" and black print black; its darkest grey ("Black, Text 1, Lighter 15%", 262626) prints as
    black does; white prints nothing (no colour on paper to change)."""
    path = coloured(tmp_path / "qd.docx",
                    p(r("Điều 1. Bổ nhiệm bà ", SZ14), r("Nguyễn Thị Lan", colour(value)),
                      r(" giữ chức vụ Trưởng khoa.", SZ14), ppr=BODY),
                    body("Điều 2. Các đơn vị liên quan chịu trách nhiệm thi hành."))
    assert told(path) == []


def test_a_hyperlink_in_its_own_style_is_not_told(tmp_path):
    """A link Word made (character style "Hyperlink", LibreOffice's "InternetLink") is blue by Word's own style, not
    by the drafter's choice of a colour."""
    path = coloured(tmp_path / "qd.docx",
                    p(r("Điều 1. Hồ sơ gửi về địa chỉ ", SZ14),
                      r("vanthu@lamdong.gov.vn", '<w:rStyle w:val="Hyperlink"/>' + colour("0563C1")),
                      r(" trước ngày 15 tháng 3 năm 2026.", SZ14), ppr=BODY),
                    body("Điều 2. Các đơn vị liên quan chịu trách nhiệm thi hành."))
    assert told(path) == []


def test_a_coloured_header_block_is_told_too(tmp_path):
    """The agency name in dark blue (a house template): the text of the document, header included, is black."""
    path = coloured(tmp_path / "qd.docx", body("Điều 1. Bổ nhiệm bà Nguyễn Thị Lan giữ chức vụ Trưởng khoa."),
                    body("Điều 2. Các đơn vị liên quan chịu trách nhiệm thi hành."))
    from tests.word.test_check import Doc, run_props

    doc = Doc(path)
    run_props(doc.para("ỦY BAN NHÂN DÂN"), "w:color", color={"val": "1F3864"})
    assert [t.split(" (và")[0] for t in told(doc.save(tmp_path / "blue.docx"))] == [
        "phần 1, đoạn 1: chữ màu xanh dương “ỦY BAN NHÂN DÂN”, ND30 quy định chữ màu đen: chọn đoạn chữ, Home › Font "
        "Color › Automatic — đổi sang màu đen"]


def test_a_web_address_coloured_by_hand_is_not_told(tmp_path):
    """FR8-TB02: "http://sinhvien.hufi.edu.vn" typed blue and underlined in three runs, not in Word's link style: a
    link's look, told no more than a link Word made."""
    blue = '<w:u w:val="single"/>' + colour("4472C4")
    path = coloured(tmp_path / "qd.docx",
                    p(r("Điều 1. Xem văn bản tại trang ", SZ14), r("http://", blue), r("sinhvien", blue),
                      r(".lamdong.gov.vn", blue), ppr=BODY),
                    body("Điều 2. Các đơn vị liên quan chịu trách nhiệm thi hành."))
    assert told(path) == []


@pytest.mark.parametrize("value, name", [("FF0000", "đỏ"), ("C00000", "đỏ"), ("0000FF", "xanh dương"),
                                         ("1F3864", "xanh dương"), ("00B050", "xanh lá"), ("FFC000", "vàng"),
                                         ("ED7D31", "cam"), ("7030A0", "tím"), ("808080", "xám"), ("454545", "xám"),
                                         # a crimson, past the purples (hue 348°: red again; batch 13), a magenta
                                         ("DC143C", "đỏ"), ("FF0066", "đỏ"), ("FF00FF", "tím"),
                                         ("404040", None), ("theme:text1", None), ("theme:accent1",
                                                                                   "theo giao diện (accent1)")])
def test_colours_are_named_as_the_drafter_sees_them(value, name):
    from generator.nd30.check.colour import colour_name

    assert colour_name(value.lower() if not value.startswith("theme:") else value) == name


def test_a_highlighted_passage_is_told_once_per_highlight_colour(tmp_path):
    """FR5-HD01: passages marked with the green highlighter in a draft (review marks left in): they print on a coloured
    ground. One finding per highlight colour, apart from the font's colours; "none" and white mark nothing."""
    green = SZ14 + '<w:highlight w:val="green"/>'
    path = coloured(tmp_path / "qd.docx",
                    p(r("Điều 1. Bổ nhiệm bà ", SZ14), r("Nguyễn Thị Lan", green), r(" giữ chức vụ Trưởng khoa.", SZ14),
                      ppr=BODY),
                    p(r("Điều 2. Các đơn vị ", SZ14 + '<w:highlight w:val="none"/>'),
                      r("liên quan", SZ14 + '<w:highlight w:val="white"/>'), r(" chịu trách nhiệm thi hành.", green),
                      ppr=BODY))
    assert told(path) == ["phần 1, đoạn 13: chữ tô nền màu xanh lá “Nguyễn Thị Lan” (và 1 đoạn khác), ND30 quy định chữ "
                          "màu đen trên nền giấy: chọn đoạn chữ, Home › Text Highlight Color › No Color — bỏ tô nền"]
