"""Causes left open in FR5, FR8 and FR10 (strict xfails in tests/real/test_judged_check.py), fixed by helper fixopen:
each test fails without its fix, on a small synthetic document."""
from __future__ import annotations

from generator.nd30.check.base import Checker
from generator.nd30.check.pagenum import one_page
from generator.word.model import Document, Paragraph, Run, Section


def _a4(paras: list[Paragraph], **settings) -> Checker:
    return Checker(Document(blocks=paras, sections=[Section(0, page_width_mm=210.0, page_height_mm=297.0,
                                                            margin_top_mm=20.0, margin_bottom_mm=20.0,
                                                            margin_left_mm=30.0, margin_right_mm=15.0)],
                            settings=settings))


def test_space_after_and_space_before_share_the_gap_unless_the_file_adds_them():
    """FR8-CV02 (and FR5-TB01): paragraphs 6 pt before and 12 pt after print 12 pt apart, the larger of the two, as
    LibreOffice lays out a Word file without "Don't use HTML paragraph auto spacing"; the estimate added them
    up and put a one-page letter at 108% of its page. 25 one-line paragraphs: about 93% of the page shared, 113%
    added up."""
    def spaced(**settings) -> Checker:
        return _a4([Paragraph(index=k, runs=[Run(f"Dòng thứ {k} của văn bản.", size_pt=13.0)], alignment="both",
                              space_before_pt=6.0, space_after_pt=12.0) for k in range(25)], **settings)

    assert one_page(spaced())
    assert one_page(spaced(spacing_added=False))
    assert not one_page(spaced(spacing_added=True))


def test_lines_after_a_page_break_that_ends_the_text_fill_nothing_of_the_first_page():
    """FR8-CV02: the last note ends in a page break and an empty paragraph follows it on the blank second page; that
    empty line was counted into page 1 and tipped a full page (98%) over. Without the break the empty line spills
    over and the text, at 98%, is too close to the edge to call it one page (FR5-QD01)."""
    def lines(texts: list[str]) -> Checker:
        return _a4([Paragraph(index=k, runs=[Run(t, size_pt=13.0)], alignment="both") for k, t in enumerate(texts)])

    text = [f"Dòng thứ {k} của văn bản." for k in range(47)]
    assert one_page(lines(text + ["Ghi chú cuối.\f", ""]))
    assert not one_page(lines(text + ["Ghi chú cuối.", ""]))


# ---------------------------------------------------------------- FR10-TC01: a header typed on two lines with spaces

def _press_release(path, date_line: str, ending: list[str]):
    """A Thông cáo báo chí whose header is two paragraphs typed with spaces and a tab between its two columns, and a
    date line placed with spaces, as FR10-TC01 is (contents of our own)."""
    from tests.nd30.test_check_types import B, I, SZ14, body, centred
    from tests.word.docx_factory import make_docx, p, r, sect

    top = p(r("ỦY BAN NHÂN DÂN" + " " * 10 + "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", B + SZ14), ppr='<w:jc w:val="both"/>')
    second = p(r("    TỈNH LÂM ĐỒNG\t" + " " * 16 + "Độc lập - Tự do - Hạnh phúc", B + SZ14),
               ppr='<w:tabs><w:tab w:val="left" w:pos="3454"/></w:tabs><w:jc w:val="both"/>')
    date = p(r(date_line, I + SZ14), ppr='<w:jc w:val="center"/>')
    blocks = [top, second, p(""), date, centred("THÔNG CÁO BÁO CHÍ"), centred("Về kết quả khắc phục hậu quả bão"),
              body("Bão số 10 đổ bộ trực tiếp vào địa bàn tỉnh, gây gió mạnh cấp 12."),
              body("Ủy ban nhân dân tỉnh xin thông báo để các cơ quan báo chí đưa tin./.")] + ending
    return make_docx(path, "".join(blocks) + sect(right=907))  # 16 mm, as FR10-TC01: the header line fits one line


def test_a_header_line_typed_with_spaces_holds_the_agency_and_the_quoc_hieu_apart(tmp_path):
    """FR10-TC01: "ỦY BAN NHÂN DÂN          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", one paragraph, two columns made of
    spaces: the whole line was read as the Quốc hiệu, said to be misspelt and not centred. The agency's words are
    the agency's (their size is told), the Quốc hiệu's its own."""
    from generator.nd30.check import check_docx
    from tests.nd30.test_check_fresh6 import at
    from tests.nd30.test_check_types import B, SZ14, centred

    result = check_docx(_press_release(tmp_path / "tc.docx", " " * 10 + "Lâm Đồng, ngày 25 tháng 9 năm 2017",
                                       [centred("ỦY BAN NHÂN DÂN TỈNH", B + SZ14)]))
    assert "national.text" not in {f.rule for f in result.findings}
    assert "national.style" not in {f.rule for f in result.findings}
    assert "national.size" in at(result, "CỘNG HÒA XÃ HỘI")  # 14 pt, where 12–13 is asked
    assert "issuer.size" in at(result, "ỦY BAN NHÂN DÂN")


def test_a_date_pushed_right_with_spaces_is_not_under_the_quoc_hieu(tmp_path):
    """FR10-TC01: the date, a centred paragraph opened by 74 spaces, prints at the right edge, its middle 17 mm
    right of the Quốc hiệu's; ND30 centres it under the Quốc hiệu and Tiêu ngữ (PL I §II.4.c). 44 spaces, which leave
    it under them, are no fault."""
    from generator.nd30.check import check_docx
    from tests.nd30.test_check_fresh6 import at
    from tests.nd30.test_check_types import B, SZ14, centred

    def date_rules(lead: int) -> list[str]:
        result = check_docx(_press_release(tmp_path / f"tc{lead}.docx", " " * lead + "Lâm Đồng, ngày 25 tháng 9 năm "
                                           "2017", [centred("ỦY BAN NHÂN DÂN TỈNH", B + SZ14)]))
        return at(result, "Lâm Đồng, ngày").get("date.style", [])

    [message] = date_rules(70)  # about 15 mm right
    assert "canh giữa dưới Quốc hiệu" in message and "bên phải" in message
    assert date_rules(44) == []  # 44 spaces: its middle within a few millimetres of the Quốc hiệu's


def test_a_signature_of_a_bodys_name_alone_has_no_signer(tmp_path):
    """FR10-TC01 and FR10-CTR01: the document ends with "ỦY BAN NHÂN DÂN TỈNH" (or "VĂN PHÒNG UBND TỈNH …" beside
    "Nơi nhận:" on one line typed with tabs), nobody signing: told once as a missing signer, neither a post printed
    under a name nor "Nơi nhận:" read as the signer's name. A post ("CHỦ TỊCH") with no name under it is still
    a missing name."""
    from generator.nd30.check import check_docx
    from tests.nd30.test_check_fresh6 import at
    from tests.nd30.test_check_types import B, I, SZ14, centred
    from tests.word.docx_factory import p, r

    result = check_docx(_press_release(tmp_path / "a.docx", "Lâm Đồng, ngày 25 tháng 9 năm 2017",
                                       [centred("ỦY BAN NHÂN DÂN TỈNH", B + SZ14)]))
    assert at(result, "ỦY BAN NHÂN DÂN TỈNH").keys() == {"signer.missing"}
    shared = p(r("Nơi nhận:", B + I + '<w:sz w:val="24"/>') + r("\t\t\t\t\t" + "VĂN PHÒNG UBND TỈNH LÂM ĐỒNG",
                                                                   B + '<w:sz w:val="26"/>'), ppr='<w:jc w:val="both"/>')
    items = [p(r(t, '<w:sz w:val="22"/>'), ppr='<w:jc w:val="both"/>') for t in ("- Các cơ quan báo chí;",
                                                                                  "- Lưu: VT, TKCT.")]
    result = check_docx(_press_release(tmp_path / "b.docx", "Lâm Đồng, ngày 25 tháng 9 năm 2017", [shared] + items))
    assert at(result, "Nơi nhận").keys() <= {"recipients.label"}, at(result, "Nơi nhận")
    assert at(result, "VĂN PHÒNG UBND").keys() == {"signer.missing"}
    result = check_docx(_press_release(tmp_path / "c.docx", "Lâm Đồng, ngày 25 tháng 9 năm 2017",
                                       [centred("TM. ỦY BAN NHÂN DÂN", B + SZ14), centred("CHỦ TỊCH", B + SZ14)]))
    assert "signer.missing" not in {f.rule for f in result.findings}
    assert "signer.name" in {f.rule for f in result.findings}


def test_the_rule_under_a_tieu_ngu_typed_after_spaces_is_the_one_under_its_column(tmp_path):
    """FR5-TB01: "\tTRƯỜNG …                    Độc lập - Tự do - Hạnh phúc", a centre tab for the school's name and
    spaces before the Tiêu ngữ, with both rules drawn from the next paragraph: the Tiêu ngữ's rule was looked for under
    the tab's column and the school's 29 mm rule was said to be too short for the Tiêu ngữ. It is the line under
    where the Tiêu ngữ prints; a rule there too short is still told."""
    from generator.nd30.check import check_docx
    from tests.nd30.test_check_fresh6 import at
    from tests.nd30.test_check_types import B, I, SZ14, body, centred, tail
    from tests.word.docx_factory import make_docx, p, r, sect

    tabs = '<w:tabs><w:tab w:val="center" w:pos="1620"/><w:tab w:val="center" w:pos="7380"/></w:tabs>'
    sz13 = '<w:sz w:val="26"/>'

    def notice(motto_rule_pt: float):
        def line(x0, x1):
            return f'<w:r><w:pict><v:line from="{x0}pt,2pt" to="{x1}pt,2pt"/></w:pict></w:r>'
        blocks = [p(r("    SỞ GIAO THÔNG VẬN TẢI" + " " * 10 + "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", B + sz13), ppr=tabs),
                  p(r("\tTRƯỜNG CAO ĐẲNG XYZ" + " " * 20, B + sz13) + r("Độc lập - Tự do - Hạnh phúc", B + SZ14),
                    ppr=tabs),
                  p(r("\tSố: 213/TB-XYZ\t      Hà Nội, ngày 10 tháng 4 năm 2012", I + sz13) + line(40, 122)
                    + line(300, 300 + motto_rule_pt), ppr=tabs),
                  centred("THÔNG BÁO"), centred("Về việc chuyển đổi vị trí làm việc"),
                  body("Nhà trường thông báo việc chuyển đổi vị trí làm việc như sau./."), tail("KT. HIỆU TRƯỞNG")]
        return check_docx(make_docx(tmp_path / f"tb{motto_rule_pt}.docx", "".join(blocks) + sect()))

    assert "motto.rule" not in {f.rule for f in notice(160).findings}
    assert "motto.rule" in {f.rule for f in notice(60).findings}


# ---------------------------------------------------------------- FR10-CTR01: a work programme

def _programme(path, second_line: str, schedule_end: str):
    from tests.nd30.test_check_types import B, SZ14, body, centred, header, tail
    from tests.word.docx_factory import make_docx, p, r, sect, tbl, tc, tr

    rows = [tr(tc(p(r("Ngày", B + SZ14))), tc(p(r("Nội dung công việc", B + SZ14)))),
            tr(tc(p(r("1", SZ14))), tc(p(r("Giao ban Ủy ban nhân dân tỉnh", SZ14)))),
            tr(tc(p(r("2", SZ14))), tc(p(r(schedule_end, SZ14))))]
    blocks = [header("Số: 12/CTr-VP"), centred("CHƯƠNG TRÌNH CÔNG TÁC THÁNG 3 NĂM 2018"), centred(second_line),
              body("1. Các công việc cần tập trung chỉ đạo:", B + SZ14),
              body("- Tập trung chỉ đạo sản xuất vụ Xuân."), body("2. Dự kiến lịch làm việc:", B + SZ14),
              tbl(*rows, grid=[1500, 7700]), tail("TL. CHỦ TỊCH")]
    return make_docx(path, "".join(blocks) + sect())


def test_a_type_line_over_two_lines_is_not_a_trich_yeu(tmp_path):
    """FR10-CTR01: "CHƯƠNG TRÌNH CÔNG TÁC THÁNG 3 NĂM 2018 / CỦA UỶ BAN NHÂN DÂN TỈNH": its second line was read as a
    trích yếu in capitals ("phải trình bày chữ in thường"); it is the type line's, which names the programme's
    subject. A trích yếu typed in capitals ("VỀ …") is still told."""
    from generator.nd30.check import check_docx
    from tests.nd30.test_check_fresh6 import at

    result = check_docx(_programme(tmp_path / "a.docx", "CỦA UỶ BAN NHÂN DÂN TỈNH", "Tiếp công dân định kỳ./."))
    assert not {r for r in at(result, "CỦA UỶ BAN").keys() if r.startswith("title.") and r != "title.rule"}
    assert "title.missing" not in {f.rule for f in result.findings}
    result = check_docx(_programme(tmp_path / "b.docx", "VỀ CÔNG TÁC CỦA UỶ BAN NHÂN DÂN TỈNH", "Tiếp công dân./."))
    assert "title.style" in at(result, "VỀ CÔNG TÁC")


def test_content_ending_in_a_table_takes_its_closing_mark_under_the_table(tmp_path):
    """FR10-CTR01: the content ends with the schedule table; "./." was asked of "2. Dự kiến lịch làm việc:", the
    line above it, where it would close the programme before its schedule. It is asked under the table, and none
    when the table's last row ends with it."""
    from generator.nd30.check import check_docx
    from tests.nd30.test_check_fresh6 import at

    result = check_docx(_programme(tmp_path / "a.docx", "CỦA UỶ BAN NHÂN DÂN TỈNH", "Tiếp công dân định kỳ"))
    assert "closing.mark" not in at(result, "2. Dự kiến lịch")
    [message] = at(result, "Tiếp công dân định kỳ")["closing.mark"]
    assert "dưới bảng" in message
    result = check_docx(_programme(tmp_path / "b.docx", "CỦA UỶ BAN NHÂN DÂN TỈNH", "Tiếp công dân định kỳ./."))
    assert "closing.mark" not in {f.rule for f in result.findings}


# ---------------------------------------------------------------- TCVN3 text: one finding for the document

def test_tcvn3_text_is_told_once_with_its_fonts_and_how_much_of_it_there_is(tmp_path):
    """Text typed in TCVN3 (".VnTime", ".VnTimeH") spread over lines is one matter for the drafter, converted with
    Unikey: one finding names its fonts and counts its pieces and lines (Unicode text in a .Vn font, FR4-BC01's
    heading, is no TCVN3: counted apart); another wrong font (Arial) is told apart, with its own advice."""
    from generator.nd30.check import check_docx
    from tests.nd30.test_check_fresh6 import notice
    from tests.nd30.test_check_fresh9 import tail_with
    from tests.nd30.test_check_types import body
    from tests.word.docx_factory import p, r

    vn = '<w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/><w:sz w:val="28"/>'
    vnh = '<w:rFonts w:ascii=".VnTimeH" w:hAnsi=".VnTimeH"/><w:sz w:val="28"/>'
    arial = '<w:rFonts w:ascii="Arial" w:hAnsi="Arial"/><w:sz w:val="28"/>'
    blocks = [body("Nhà trường thông báo như sau."), p(r("Chñ tÞch ", vn) + r("UBND tØnh", vn)),
              p(r("C¸c së, ban, ngµnh;", vn)), p(r("Vµ C¸C PHßNG", vnh)), p(r("Ghi chú thêm.", arial)),
              p(r("Tình hình quản lý chung", vn)),  # Unicode in a .Vn font (FR4-BC01): no TCVN3 in it
              body("Thông báo này có hiệu lực kể từ ngày ký./.")]
    source = notice(tmp_path / "tb.docx", blocks, ending=[tail_with(["- Các khoa;", "- Lưu: VT, ĐT."])])
    fonts = [f for f in check_docx(source).findings if f.rule == "font.family"]
    [legacy] = [f for f in fonts if "TCVN3" in f.text]
    assert "“.VnTime”, “.VnTimeH”" in legacy.text and "ở 4 chỗ trong 3 đoạn" in legacy.text and "Unikey" in legacy.text
    assert "phông đó còn ở 1 đoạn khác" in legacy.text
    [other] = [f for f in fonts if "“Arial”" in f.text]  # (the factory's own Calibri is told apart too)
    assert "TCVN3" not in other.text and "đặt phông Times New Roman" in other.text
