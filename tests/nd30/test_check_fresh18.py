"""False findings and misses seen on the eighteenth fresh set (FR18-*: a Thông tư whose Quy định numbers its Điều by
Word's list numbering and types "Ð" for "Đ", a Nghị định, a Quyết định with its appendices), each on a small document
made here with contents of our own. The real files are held in tests/real/test_judged_check.py."""
from __future__ import annotations

from generator.nd30.check import check_docx
from tests.nd30.test_check_fresh13 import TNR
from tests.nd30.test_check_types import B, BODY, I, SZ14, body, centred, header
from tests.nd30.test_check_types import tail as tail_qd
from tests.word.docx_factory import abstract, lvl, make_docx, num, numbering_xml, p, r, sect, tbl, tc, tr

ARTICLE_LIST = numbering_xml([abstract(1, [lvl(0, "decimal", "Điều %1.", suff="space")])], [num(1, 1)])


def listed_article(title: str) -> str:
    """An Điều whose "Điều N." Word's list numbering prints (numbering.xml), its title typed."""
    return p(r(title, B + SZ14), ppr=f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>{BODY}')


def decision(path, articles: list[str]):
    blocks = [header("Số: 12/QĐ-UBND"), centred("QUYẾT ĐỊNH"), centred("Về việc ban hành quy chế"),
              centred("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"),
              body("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;", I + SZ14),
              body("Theo đề nghị của Giám đốc Sở Nội vụ.", I + SZ14), centred("QUYẾT ĐỊNH:")]
    return make_docx(path, "".join(blocks + articles + [tail_qd("TM. ỦY BAN NHÂN DÂN")]) + sect(),
                     numbering=ARTICLE_LIST, styles=TNR)


def test_khoan_restart_under_each_article_numbered_by_a_word_list_TT01(tmp_path):
    """FR18-TT01: the Quy định's "Điều 1."–"Điều 30." came from Word's list numbering, so their khoản were counted on
    across the Điều ("1." under Điều 4 told to be "7.") and the typed "Điều 31." told to be "Điều 1". Whatever prints
    the label, an Điều opens its scope and counts among the Điều; a khoản skipped within one is still told."""
    result = check_docx(decision(tmp_path / "qd.docx", [
        listed_article("Phạm vi điều chỉnh"), body("1. Quy chế này quy định việc phân công."),
        body("2. Quy chế này áp dụng đối với các phòng."),
        listed_article("Nguyên tắc làm việc"), body("1. Làm việc theo chế độ thủ trưởng."),
        body("3. Công khai, minh bạch."),
        body("Điều 3. Quyết định này có hiệu lực kể từ ngày ký./.", B + SZ14)]))
    assert [q.list_label for q in result.document.paragraphs() if q.list_label] == ["Điều 1.", "Điều 2."]
    told = [(f.excerpt[:12], f.text[:20]) for f in result.findings if f.rule == "heading.sequence"]
    assert told == [("3. Công khai", "khoản “3.” bị bỏ qua")], told


def eth_header(number: str, motto: str, sizes: tuple[int, int, int] = (13, 14, 14)) -> str:
    national, tieu_ngu, date = (f'<w:sz w:val="{2 * s}"/>' for s in sizes)
    left = tc(centred("ỦY BAN NHÂN DÂN", B + '<w:sz w:val="26"/>') + centred("TỈNH LÂM ĐỒNG", B + '<w:sz w:val="26"/>')
              + centred(number, '<w:sz w:val="26"/>'), width=3600)
    right = tc(centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", B + national) + centred(motto, B + tieu_ngu)
               + centred("Lâm Đồng, ngày 05 tháng 3 năm 2026", I + date), width=5700)
    return tbl(tr(left, right), grid=[3600, 5700], style=None)


def header_decision(path, head: str):
    blocks = [head, centred("QUYẾT ĐỊNH"), centred("Về việc thành lập Tổ công tác"),
              centred("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"),
              body("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;", I + SZ14),
              body("Theo đề nghị của Giám đốc Sở Nội vụ.", I + SZ14), centred("QUYẾT ĐỊNH:"),
              body("Điều 1. Quyết định này có hiệu lực kể từ ngày ký./.", B + SZ14), tail_qd("TM. ỦY BAN NHÂN DÂN")]
    return make_docx(path, "".join(blocks) + sect(), styles=TNR)


def test_an_eth_typed_for_d_with_stroke_reads_as_it_prints_TT01(tmp_path):
    """FR18-TT01: "Ðộc lập - Tự do - Hạnh phúc" and "TT-BGDÐT" typed with "Ð" (U+00D0, the Icelandic Eth), which prints
    as "Đ" (U+0110): the Tiêu ngữ was said to be missing and the symbol malformed. Read as it prints; the document's own
    text keeps its "Ð", and the same lines in an old .VnTime font (another letter's code there) are not read so."""
    source = header_decision(tmp_path / "qd.docx", eth_header("Số: 12/QÐ-UBND", "Ðộc lập - Tự do - Hạnh phúc"))
    result = check_docx(source)
    rules = {f.rule for f in result.findings}
    assert not rules & {"motto.missing", "motto.text", "number.form", "number.type"}, rules
    assert any("Ðộc lập" in q.text for q in result.document.paragraphs())  # the file's text is not changed
    vn_font = '<w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/>'
    legacy = header_decision(tmp_path / "vn.docx", eth_header("Số: 12/QÐ-UBND", "Ðộc lập - Tự do - Hạnh phúc").replace(
        "<w:rPr>", f"<w:rPr>{vn_font}"))
    assert "motto.missing" in {f.rule for f in check_docx(legacy).findings}


def test_the_size_pair_is_the_one_the_national_title_and_date_agree_on_TT01(tmp_path):
    """FR18-TT01: a 13 pt Quốc hiệu, a 13 pt Tiêu ngữ and a 14 pt date: the pair was named by the Tiêu ngữ (12/13), so
    the Quốc hiệu and the date were told to change; two of the three lines say 13/14, and the Tiêu ngữ is the one off."""
    result = check_docx(header_decision(tmp_path / "qd.docx", eth_header("Số: 12/QĐ-UBND", "Độc lập - Tự do - Hạnh phúc",
                                                                         (13, 13, 14))))
    told = [f.text.split(":")[0] for f in result.findings if f.rule == "font.size-pair"]
    assert told == ["Tiêu ngữ"], told
