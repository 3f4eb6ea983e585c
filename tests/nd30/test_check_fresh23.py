"""False findings seen on the twenty-third fresh set (issue 20; FR23-*: a commune's draft Quyết định with its table, a
police unit's Giấy giới thiệu), each on a small document made here with contents of our own. The real files are held
in tests/real/test_judged_check.py."""
from __future__ import annotations

from generator.nd30.check import check_docx
from generator.nd30.grammar import number_problems
from tests.nd30.test_check_types import B, BODY, CENTER, I, SZ14, body, centred, findings_at, header, tail
from tests.word.docx_factory import make_docx, p, r, sect

_NO_INDENT = '<w:jc w:val="both"/><w:spacing w:before="0" w:after="0"/>'
_HUNG = '<w:jc w:val="both"/><w:ind w:left="851" w:hanging="851"/><w:spacing w:before="0" w:after="0"/>'


def _letter(tmp_path, lines: list[str], name: str = "ggt.docx"):
    blocks = [header("Số: 12/GGT-UBND"), centred("GIẤY GIỚI THIỆU"), centred("Về việc đăng ký thường trú"), p("")]
    blocks += lines + [tail("TM. ỦY BAN NHÂN DÂN")]
    return check_docx(make_docx(tmp_path / name, "".join(blocks) + sect()))


def test_the_second_half_of_a_sentence_cut_by_a_hard_return_is_no_paragraph_GGT01(tmp_path):
    """FR23-GGT01 ¶20, ¶24, ¶26 (and FR21-QD03 ¶158): "… xã An Bình," / "huyện Đức Trọng …" cut by a hard return
    prints as the sentence's wrapped line; it was told to be indented and spaced off. A paragraph of its own set
    without indent (ending the sentence above) is still told."""
    cut = "Ủy ban nhân dân xã An Bình giới thiệu ông Nguyễn Văn Bình đến đăng ký thường trú tại thôn Một, xã An Bình,"
    result = _letter(tmp_path, [
        body(cut), p(r("huyện Đức Trọng, tỉnh Lâm Đồng theo quy định của pháp luật về cư trú hiện hành.", SZ14),
                     ppr=_NO_INDENT),
        body("Đề nghị Công an xã An Bình tạo điều kiện để ông Nguyễn Văn Bình hoàn thành thủ tục cho đồng chí"),
        p(r("Nguyễn Văn Bình tại địa chỉ nêu trên.", SZ14), ppr=_HUNG),
        p(r("Giấy giới thiệu có giá trị đến hết ngày 30 tháng 6 năm 2026./.", SZ14), ppr=_NO_INDENT)])
    assert not findings_at(result, "huyện Đức Trọng") & {"body.indent", "body.spacing"}
    assert not findings_at(result, "Nguyễn Văn Bình tại") & {"body.indent", "body.spacing"}
    assert {"body.indent", "body.spacing"} <= findings_at(result, "Giấy giới thiệu có giá trị")


def test_a_centred_kinh_gui_under_a_headline_and_its_bracketed_line_is_the_addressee_GGT01(tmp_path):
    """FR23-GGT01 ¶12: "GIẤY GIỚI THIỆU …" / "(Có giá trị đến ngày …)" / "Kính gửi: Công an xã …", all centred: the
    Kính gửi line was read as body text and told to be indented and justified."""
    blocks = [header("Số: 12/GGT-UBND"), centred("GIẤY GIỚI THIỆU ĐĂNG KÝ THƯỜNG TRÚ"),
              centred("(Có giá trị đến ngày 30 tháng 6 năm 2026)"), p(""),
              centred("Kính gửi: Công an xã An Bình, huyện Đức Trọng, tỉnh Lâm Đồng"), p(""),
              body("Ủy ban nhân dân xã An Bình trân trọng giới thiệu ông Nguyễn Văn Bình đến đăng ký thường trú."),
              body("Đề nghị Công an xã An Bình tạo điều kiện để ông hoàn thành công việc./."),
              tail("TM. ỦY BAN NHÂN DÂN")]
    result = check_docx(make_docx(tmp_path / "ggt.docx", "".join(blocks) + sect()))
    assert not findings_at(result, "Kính gửi") & {"body.indent", "body.justify"}


def test_an_article_deciding_before_a_bracketed_note_has_no_title_QD01(tmp_path):
    """FR23-QD01 ¶30: "Điều 1. Phê duyệt … xã An Bình. (Có biểu kèm theo)" is the decision itself, closed by its
    full stop before an aside: only "Điều 1." is bold. It was told to be bold throughout; "Điều 2. Tổ chức thực
    hiện" with only its number bold is a title left regular, still told."""
    def article(label: str, rest: str, *after: str) -> str:
        return p(r(label, B + SZ14), r(rest, SZ14), *after, ppr=BODY)
    blocks = [header("Số: 12/QĐ-UBND"), centred("QUYẾT ĐỊNH"), centred("Về việc phê duyệt tỷ lệ công chức"),
              centred("CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ AN BÌNH"),
              body("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025.", I + SZ14),
              centred("QUYẾT ĐỊNH:"),
              article("Điều 1.", " Phê duyệt tỷ lệ công chức bố trí theo từng vị trí việc làm của xã An Bình.",
                      r(" ", SZ14), r("(Có biểu kèm theo)", I + SZ14)),
              article("Điều 2.", " Tổ chức thực hiện"),
              body("1. Quyết định này có hiệu lực kể từ ngày ký."),
              body("2. Văn phòng Ủy ban nhân dân xã chịu trách nhiệm thi hành Quyết định này./."),
              tail("TM. ỦY BAN NHÂN DÂN")]
    result = check_docx(make_docx(tmp_path / "qd.docx", "".join(blocks) + sect()))
    assert "heading.style" not in findings_at(result, "Điều 1.")
    assert "heading.style" in findings_at(result, "Điều 2.")


def test_a_draft_number_left_as_dots_is_a_blank_number_GGT01():
    """FR23-GGT01 ¶7: "Số:…./GGT-PV01", the number left as dots for the văn thư as others leave underscores, was told
    to be retyped "Số: 05/GGT-UBND"; a symbol that is wrong after the dots still is."""
    assert number_problems("Số:…./GGT-PV01", "GGT", "Giấy giới thiệu") == []
    assert number_problems("Số: ....../QĐ-UBND", "QĐ", "Quyết định") == []
    assert number_problems("Số: …/qđ-ubnd", "QĐ", "Quyết định") != []
