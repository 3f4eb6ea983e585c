"""False findings, misses and --fix harms seen on the thirteenth and fourteenth fresh sets (issue 20, FR13-*: a
Nghị định retyped in a .doc, a HĐND draft, a Tờ trình, a công văn's appendix in its own file; FR14-*: a hospital's
purchase files), each on a small document made here with contents of our own. The real files are held in
tests/real/test_judged_check.py."""
from __future__ import annotations

from generator.nd30.check import check_docx
from generator.nd30.doctypes import identify
from generator.nd30.fix import fix_docx
from generator.word.convert import read_word
from tests.nd30.test_check_fresh6 import notice, notice_header, tail
from tests.nd30.test_check_fresh9 import ATTACHED
from tests.nd30.test_check_types import CENTER, I, SZ14, body, centred, header
from tests.nd30.test_check_types import tail as tail_qd
from tests.word.docx_factory import STYLES, abstract, lvl, make_docx, num, numbering_xml, p, r, sect, tbl, tc, tr

TNR = STYLES.replace('w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi"', 'w:ascii="Times New Roman" w:hAnsi="Times New Roman"')


def test_appendix_numbering_is_not_restarted_in_a_section_that_opens_with_the_body_TTR01(tmp_path):
    """FR14-TTR01: the attached list shares its section with the Tờ trình's last pages; --fix restarted that section
    at 1, so the body's pages read 2, 3, 4, 1, 2. The finding stays (the list is numbered on), told to break the
    section before the appendix; --fix leaves the numbering alone. An appendix opening its own section is restarted."""
    ending = [p(r("Nội dung khoản 1 của tờ trình."), ppr=sect()), body("Nội dung khoản 2 của tờ trình./."), tail(),
              p(r("", extra='<w:br w:type="page"/>')), centred("Phụ lục"), centred("DANH MỤC TÀI LIỆU"),
              p(r(ATTACHED, I + SZ14)), tbl(tr(tc(p(r("1"))), tc(p(r("Tài liệu")))), grid=[2000, 2000])]
    source = notice(tmp_path / "tb.docx", [body("Nhà trường đề nghị như sau.")], ending=ending, numbered=True)
    found = [f for f in check_docx(source).findings if f.rule == "appendix.page-numbers"]
    assert len(found) == 1 and found[0].detail.fix is None and "Next Page ngay trước phụ lục" in found[0].text
    fix_docx(source, tmp_path / "fixed.docx")
    assert [s.page_number_start for s in read_word(tmp_path / "fixed.docx").value.sections] == [None, None]
    # a file that prints no page number at all is not asked to number its appendix apart (FR14-QD01, QD03)
    bare = notice(tmp_path / "bare.docx", [body("Nhà trường đề nghị như sau.")], ending=ending)
    assert not [f for f in check_docx(bare).findings if f.rule in ("appendix.page-numbers", "appendix.section")]


def _numbered_in_box(path, width_pt: float):
    """A Thông báo of several pages whose page number (10 pt) sits in a header text box `width_pt` wide, no inset."""
    field = "".join(f'<w:r><w:rPr><w:sz w:val="20"/></w:rPr>{x}</w:r>' for x in (
        '<w:fldChar w:fldCharType="begin"/>', '<w:instrText xml:space="preserve"> PAGE </w:instrText>',
        '<w:fldChar w:fldCharType="separate"/>', "<w:t>16</w:t>", '<w:fldChar w:fldCharType="end"/>'))
    header = (f'<w:p><w:r><w:pict><v:rect style="position:absolute;width:{width_pt}pt;height:11.5pt">'
              f'<v:textbox inset="0,0,0,0"><w:txbxContent><w:p>{field}</w:p></w:txbxContent></v:textbox></v:rect>'
              "</w:pict></w:r></w:p>")
    lines = [body(f"Nội dung thứ {k} của thông báo, viết đủ dài để văn bản sang nhiều trang khi in ra giấy khổ A4 "
                  "theo đúng thể thức.") for k in range(1, 80)]
    return make_docx(path, "".join([notice_header(), centred("THÔNG BÁO"), centred("Về việc phân công"), p("")]
                                   + lines + [tail()]) + sect(header_refs={"default": "rIdH1"}, title_pg=True),
                     headers={"rIdH1": header}, styles=TNR)


def test_a_page_number_in_a_narrow_frame_keeps_its_size_ND01(tmp_path):
    """FR13-ND01: `pagenum.size` grew the number 10 → 14 pt inside its 3.9 mm frame (LibreOffice's .doc), so pages
    10–16 printed "1": a number grown in a box must still fit two digits; else its size is kept and said. In a box
    wide enough it grows."""
    source = _numbered_in_box(tmp_path / "narrow.docx", 11.15)
    assert "pagenum.size" in {f.rule for f in check_docx(source).findings}
    report = fix_docx(source, tmp_path / "fixed.docx")
    header = read_word(tmp_path / "fixed.docx").value.sections[0].headers["default"]
    assert [r.size_pt for q in header for r in q.runs if r.text.strip()] == [10.0]
    assert any("không còn vừa khung" in m.text for m in report.refused)
    _numbered_in_box(tmp_path / "wide.docx", 40)
    fix_docx(tmp_path / "wide.docx", tmp_path / "wide-fixed.docx")
    header = read_word(tmp_path / "wide-fixed.docx").value.sections[0].headers["default"]
    assert [r.size_pt for q in header for r in q.runs if r.text.strip()] == [14.0]


def test_page_numbers_added_are_not_printed_at_the_edge_of_a_later_section_QD03(tmp_path):
    """FR14-QD03: --fix added the page number to section 1's header; the appendix's section inherits that header and
    has a header distance of 0 mm, so its numbers printed at the paper's top edge. Every section printing the new
    number gets the 10 mm distance, said."""
    lines = [body(f"Nội dung thứ {k} của thông báo, viết đủ dài để văn bản sang nhiều trang khi in ra giấy khổ A4 "
                  "theo đúng thể thức.") for k in range(1, 60)]
    at_edge = sect(landscape=True, w=16838, h=11906).replace('w:header="720"', 'w:header="0"')
    ending = [tail(), p(r("", extra=""), ppr=sect()), centred("Phụ lục"), centred("DANH MỤC TÀI LIỆU"),
              p(r(ATTACHED, I + SZ14)), tbl(tr(tc(p(r("1"))), tc(p(r("Tài liệu")))), grid=[2000, 2000])]
    source = make_docx(tmp_path / "qd.docx", "".join([notice_header(), centred("THÔNG BÁO"), centred("Về việc"), p("")]
                                                      + lines + ending) + at_edge, styles=TNR)
    report = fix_docx(source, tmp_path / "fixed.docx")
    assert any("thêm số trang" in m.text for m in report.changed), report.refused
    assert [round(s.header_mm) for s in read_word(tmp_path / "fixed.docx").value.sections] == [13, 10]
    assert any(m.where == "phần 2" and "đến số trang 10 mm" in m.text for m in report.changed)


def test_measure_fix_sees_page_numbers_cut_ND01():
    """FR13-ND01: measure_fix compared words of letters, so the page numbers 10–16 printing “1” after the fix were
    not harm by its measure; printed.page_numbers reads the digits at the top of each page. A restart at 1 (an
    appendix's pages) is no harm."""
    from tests.real.printed import Page, page_numbers

    blank = [Page(600, 800, bytes(600 * 800))] * 4

    def pages(*numbers):
        return [[(n, 300.0, 36.0, 310.0, 46.0), ("Điều", 100.0, 120.0, 130.0, 132.0)] for n in numbers]

    before = pages("9", "10", "11", "12")
    assert len(page_numbers(before, pages("9", "1", "1", "1"), blank, blank)) == 3
    assert page_numbers(before, pages("9", "10", "11", "12"), blank, blank) == []
    assert page_numbers(before, pages("9", "1", "2", "3"), blank, blank) == []


TEAM_HEADER = ["BỆNH VIỆN ĐA KHOA TỈNH", "TỔ CHUYÊN GIA", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]


def test_a_teams_bien_ban_without_a_number_is_checked_BB02():
    """FR14-BB02: a bid team's biên bản under "BỆNH VIỆN … / TỔ CHUYÊN GIA", no Số and no date line, was refused as a
    headline ("là tiêu đề"): its 14 faults missed. It is a Biên bản now; a weekly report under a division's name stays
    refused (FR3-BC02, one official's working paper)."""
    found = identify(TEAM_HEADER + ["BIÊN BẢN HỌP TỔ CHUYÊN GIA ĐẤU THẦU", "Về việc thống nhất dự toán"])
    assert found.governed and found.type.words == "Biên bản"
    report = identify(["PHÒNG VĂN HÓA - XÃ HỘI", "CẢI CÁCH HÀNH CHÍNH", TEAM_HEADER[2], TEAM_HEADER[3],
                       "BÁO CÁO CÔNG TÁC TUẦN 02 THÁNG 6 NĂM 2026"])
    assert not report.governed


def test_a_bien_ban_subject_under_its_headline_is_no_body_text_BB01(tmp_path):
    """FR14-BB01: the centred italic "Về việc …" under "BIÊN BẢN HỌP HỘI ĐỒNG KHOA HỌC" was read as the first body
    paragraph: told to be indented, upright, justified and spaced (4 false findings). It is the trích yếu's line."""
    head = tbl(tr(tc("".join(centred(x) for x in TEAM_HEADER[:2]), width=4000),
                  tc("".join(centred(x) for x in TEAM_HEADER[2:]), width=5000)), grid=[4000, 5000], style=None)
    blocks = [head, p(""), centred("BIÊN BẢN HỌP HỘI ĐỒNG KHOA HỌC"),
              p(r("Về việc thống nhất danh mục vật tư cần mua sắm năm 2026", I + SZ14), ppr=CENTER),
              body("Hội đồng họp lúc 8 giờ ngày 24 tháng 3 năm 2026 tại phòng họp số 2.")] \
        + [body(f"Nội dung thảo luận thứ {k} của hội đồng.") for k in range(1, 4)] + [body("Biên bản kết thúc./.")]
    result = check_docx(make_docx(tmp_path / "bb.docx", "".join(blocks) + sect(), styles=TNR))
    assert result.identified.governed
    assert not [f for f in result.findings if f.rule.startswith("body.") and f.excerpt.startswith("Về việc")]
    assert "title.missing" in {f.rule for f in result.findings}


def test_a_date_line_without_its_comma_is_the_date_line_TTR01():
    """FR13-TTR01: "Hà Nội  ngày … tháng … năm 2020" (no comma after the place) was not read as the date line: told
    missing (false) and its missing comma not told. It is the date line now, its comma asked for."""
    from generator.nd30 import grammar

    assert grammar.looks_date("Hà Nội  ngày      tháng      năm 2020")
    assert grammar.date_check("Hà Nội  ngày      tháng      năm 2020").problems == [
        "thiếu dấu phẩy sau địa danh (ví dụ “Quảng Nam, ngày 05 tháng 3 năm 2021”)"]
    assert not grammar.looks_date("căn cứ ngày 5 tháng 3 năm 2020 của Bộ")


def test_an_empty_last_section_has_no_margins_to_tell_TTR02(tmp_path):
    """FR14-TTR02: an empty landscape section after the appendix (nothing laid out on it) was told its margins."""
    narrow = sect(landscape=True, w=16838, h=11906, top=500)
    blocks_with_empty_last = make_docx(tmp_path / "empty.docx", "".join(
        [notice_header(), centred("THÔNG BÁO"), centred("Về việc phân công"), p(""), body("Nhà trường thông báo./."),
         tail(), p(r(""), ppr=sect()), p("")]) + narrow, styles=TNR)
    found = [f for f in check_docx(blocks_with_empty_last).findings if f.rule == "page.margins"]
    assert not [f for f in found if f.where.startswith("phần 2")], found
    with_text = make_docx(tmp_path / "text.docx", "".join(
        [notice_header(), centred("THÔNG BÁO"), centred("Về việc phân công"), p(""), body("Nhà trường thông báo./."),
         tail(), p(r(""), ppr=sect()), body("Trang ngang có chữ.")]) + narrow, styles=TNR)
    assert [f for f in check_docx(with_text).findings if f.rule == "page.margins" and f.where.startswith("phần 2")]


def test_points_typed_with_a_comma_are_points_TTR01(tmp_path):
    """FR14-TTR01: points typed "a," … "h," were not read: their form was missed (8) and the "i)" after them told
    to skip. Each is told now, and counted, so "c)" after "b," is no skip; "a, b và c" in a sentence is no point."""
    result = check_docx(notice(tmp_path / "tb.docx", [
        body("1. Thông tin gói thầu như sau:"), body("a, Cơ sở phân chia gói thầu: theo dự toán được duyệt;"),
        body("b, Giá gói thầu: 100.000.000 đồng;"), body("c) Nguồn vốn: nguồn thu sự nghiệp;"),
        body("Các mục a, b và c nêu trên được thực hiện./.")]))
    told = [f.excerpt[:2] for f in result.findings if f.rule == "heading.numbering"]
    assert told == ["a,", "b,"], told
    assert "heading.sequence" not in {f.rule for f in result.findings}


def test_a_basis_that_lost_its_word_can_cu_stays_italic_QD02(tmp_path):
    """FR14-QD02: two căn cứ lines typed without their "Căn cứ" ("Quyết định số 42/2025/QĐ-CTUBND …;"), italic among
    the others, were told to be upright (no "QUYẾT ĐỊNH:" line closed the block). They are bases; an italic line
    after the block is still told."""
    result = check_docx(notice(tmp_path / "tb.docx", [
        body("Căn cứ Luật Đấu thầu ngày 23 tháng 6 năm 2023;", I + SZ14),
        body("Quyết định số 42/2025/QĐ-UBND ngày 20/9/2025 của Ủy ban nhân dân tỉnh;", I + SZ14),
        body("Căn cứ Quyết định số 65/QĐ-BV ngày 05/01/2026 của Giám đốc Bệnh viện.", I + SZ14),
        body("Bệnh viện thông báo kết quả như sau."), body("Nội dung này in nghiêng nhầm;", I + SZ14),
        body("Thông báo kết thúc./.")]))
    italic = [f.excerpt[:12] for f in result.findings if f.rule == "body.italic"]
    assert italic == ["Nội dung này"], italic


def test_a_numbered_heading_naming_the_bases_is_no_basis_TTR02(tmp_path):
    """FR14-TTR02: a Tờ trình's khoản heading "1. Căn cứ pháp lý" was read as its căn cứ block and told to be italic.
    An upright "Căn cứ …" line opening the body still is."""
    listed = p(r("Căn cứ pháp lý", SZ14), ppr='<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
               '<w:jc w:val="both"/><w:ind w:firstLine="567"/><w:spacing w:before="120" w:after="0"/>')
    heading = check_docx(make_docx(tmp_path / "a.docx", "".join(
        [notice_header(), centred("THÔNG BÁO"), centred("Về việc phân công"), p(""), listed,
         body("- Luật Đấu thầu ngày 23 tháng 6 năm 2023;"), body("Nội dung đề nghị./."), tail()]) + sect(),
        numbering=numbering_xml([abstract(1, [lvl(0, "decimal", "%1.")])], [num(1, 1)])))
    assert any(q.list_label == "1." for q in heading.document.paragraphs())
    assert "body.bases" not in {f.rule for f in heading.findings}
    basis = check_docx(notice(tmp_path / "b.docx", [
        body("Căn cứ Luật Đấu thầu ngày 23 tháng 6 năm 2023;"), body("Bệnh viện đề nghị như sau./.")]))
    assert "body.bases" in {f.rule for f in basis.findings}


def test_an_attached_line_over_two_paragraphs_is_one_line_NQ01(tmp_path):
    """FR13-NQ01: "(Ban hành kèm theo Nghị quyết số … ngày …" and "của HĐND thành phố Hà Nội)" in two paragraphs were
    told to be put in brackets and to name the issuer: the second paragraph closes the line."""
    ending = [tail(), p(r("Hết phần trước."), ppr=sect()), centred("Phụ lục"), centred("DANH MỤC DỰ ÁN"),
              p(r("(Ban hành kèm theo Thông báo số 15/TB-ĐHX ngày 02/12/2024", I + SZ14), ppr=CENTER),
              p(r("của Trường Đại học XYZ)", I + SZ14), ppr=CENTER),
              tbl(tr(tc(p(r("1"))), tc(p(r("Dự án")))), grid=[2000, 2000])]
    result = check_docx(notice(tmp_path / "tb.docx", [body("Nhà trường gửi kèm phụ lục./.")], ending=ending))
    told = [f.text for f in result.findings if f.rule == "appendix.attached"]
    assert not [t for t in told if "ngoặc đơn" in t or "cơ quan ban hành" in t], told


def test_a_fill_in_line_under_the_appendix_label_is_no_title_QD03(tmp_path):
    """FR14-QD03: the red fill-in line "Gói thầu: ______" under "PHỤ LỤC 01: DANH SÁCH HÀNG HOÁ" was read as the
    appendix's title and told to be in bold capitals; a title in small letters still is."""
    def told(line: str) -> bool:
        ending = [tail(), p(r("Hết phần trước."), ppr=sect()), centred("Phụ lục"), centred(line, SZ14),
                  p(r(ATTACHED, I + SZ14), ppr=CENTER), tbl(tr(tc(p(r("1"))), tc(p(r("Hàng hoá")))), grid=[2000, 2000])]
        result = check_docx(notice(tmp_path / "tb.docx", [body("Bệnh viện gửi kèm phụ lục./.")], ending=ending))
        return "appendix.title" in {f.rule for f in result.findings}

    assert not told("Gói thầu: ____________________________")
    assert told("Danh sách hàng hoá")


def test_a_table_label_and_a_new_pages_first_line_are_no_running_text_TTR01(tmp_path):
    """FR14-TTR01: "Bảng số 1" set flush right above its table was told to be justified, indented and spaced, and the
    first line of a new landscape section told its space above (nothing shows above a page's first line)."""
    label = p(r("Bảng số 1", I + SZ14), ppr='<w:jc w:val="right"/>')
    ending = [p(r("Nội dung phần đầu."), ppr=sect()),
              p(r("1. Bảng tổng hợp phần công việc", SZ14), ppr='<w:jc w:val="both"/><w:ind w:firstLine="567"/>'),
              label, tbl(tr(tc(p(r("1"))), tc(p(r("Gói thầu")))), grid=[2000, 2000]), body("Kết thúc nội dung./."),
              tail()]
    result = check_docx(notice(tmp_path / "tb.docx", [body("Bệnh viện trình như sau.")], ending=ending))
    assert not [f for f in result.findings if f.rule.startswith("body.") and f.excerpt.startswith(("Bảng số", "1. Bảng"))]


def test_a_number_left_as_underscores_is_a_draft_QD03():
    """FR14-QD03: a draft's number left for the văn thư as "___" ("Số: ___/QĐ-BV") was told to have the form
    "Số: 05/QĐ-UBND": it is a blank number, as "Số: /QĐ-BV" is."""
    from generator.nd30 import grammar

    assert grammar.number_problems("Số: ___/QĐ-BV", "QĐ", "Quyết định") == []
    assert grammar.number_problems("Số: ___QĐ-BV", "QĐ", "Quyết định")


def test_a_bien_bans_two_signatures_and_its_members_list_BB01(tmp_path):
    """FR14-BB01: the biên bản's two signatures side by side in a table ("THƯ KÝ" | "CHỦ TỊCH HỘI ĐỒNG"), no Nơi
    nhận, were not read (signer.missing), and the members' signing table under them was read as the content's end
    ("./." asked below it, though the text ends "… ký xác nhận./."). Both are read now; and an appendix after the
    members' list is an appendix (FR14-BB02)."""
    def cell(post: str, name: str) -> str:
        return tc(centred(post) + p("") + p("") + p(r(name, '<w:b/>' + SZ14), ppr=CENTER), width=4500)

    signed = tbl(tr(cell("THƯ KÝ", "Hoàng Văn Tuấn"), cell("CHỦ TỊCH HỘI ĐỒNG", "Nguyễn Văn Sơn")),
                 grid=[4500, 4500], style=None)
    members = tbl(*[tr(tc(p(r(str(k)))), tc(p(r(f"Ông Thành Viên {k}"))), tc(p(r("Ủy viên"))))
                    for k in range(1, 5)], grid=[1000, 4000, 3000])
    head = tbl(tr(tc("".join(centred(x) for x in TEAM_HEADER[:2]), width=4000),
                  tc("".join(centred(x) for x in TEAM_HEADER[2:]), width=5000)), grid=[4000, 5000], style=None)
    blocks = [head, p(""), centred("BIÊN BẢN HỌP HỘI ĐỒNG KHOA HỌC"),
              p(r("Về việc thống nhất danh mục vật tư", I + SZ14), ppr=CENTER),
              body("Hội đồng họp lúc 8 giờ ngày 24 tháng 3 năm 2026 tại phòng họp số 2."),
              body("Biên bản được đọc lại cho các thành viên cùng ký xác nhận./."), signed, p(""),
              centred("CÁC THÀNH VIÊN HỘI ĐỒNG"), members, p(""), p(""), p(""), centred("PHỤ LỤC"),
              centred("DANH MỤC VẬT TƯ"), p(r("(Kèm theo Biên bản họp ngày 24/3/2026 của Hội đồng khoa học)", I + SZ14),
                                             ppr=CENTER), tbl(tr(tc(p(r("1"))), tc(p(r("Vật tư")))), grid=[2000, 2000])]
    result = check_docx(make_docx(tmp_path / "bb.docx", "".join(blocks) + sect(), styles=TNR))
    rules = {f.rule for f in result.findings}
    assert "signer.missing" not in rules and "closing.mark" not in rules, rules
    assert any(f.rule == "appendix.label" and f.excerpt == "PHỤ LỤC" for f in result.findings)


def test_an_appendix_in_its_own_file_is_checked_as_an_appendix_PL01(tmp_path):
    """FR13-PL01: a công văn's second appendix kept as its own landscape file ("PHỤ LỤC 2 / DANH MỤC … / (Kèm theo Công
    văn số … của Bộ Tư pháp)") was refused as not ND30: its label, "(Kèm theo …)" line, margins and page numbers went
    unseen. It is checked as an appendix now: no header, body or signature asked, its landscape page no fault."""
    blocks = [centred("PHỤ LỤC 2"), centred("DANH MỤC VĂN BẢN"),
              p(r("(Kèm theo Công văn số 154/BTP-VP ngày 10/4/2017 của Bộ Tư pháp)", I + SZ14), ppr=CENTER),
              tbl(tr(tc(p(r("1"))), tc(p(r("Nghị quyết số 35/NQ-CP")))), grid=[2000, 6000])]
    result = check_docx(make_docx(tmp_path / "pl.docx", "".join(blocks) + sect(landscape=True, w=16838, h=11906),
                                  styles=TNR))
    assert result.identified.governed and result.identified.how == "phụ lục"
    rules = {f.rule for f in result.findings}
    assert any("“Phụ lục II”" in f.text for f in result.findings if f.rule == "appendix.label")
    assert not rules & {"number.missing", "date.missing", "signer.missing", "recipients.missing", "page.orientation",
                        "appendix.section", "appendix.page-numbers", "pagenum.first", "doctype.missing"}, rules


def test_a_chapter_numbered_out_of_place_is_told_ND01(tmp_path):
    """FR13-ND01: "Chương VI" typed for the fourth chương (between III and V) was missed. It is told; the V after it
    is in place, and chương skipped for good (III, V, VI) are the drafter's numbering."""
    def told(numbers: list[str]) -> list[str]:
        blocks = [header("Số: 12/QĐ-UBND"), centred("QUYẾT ĐỊNH"), centred("Về việc ban hành quy chế"),
                  centred("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH"), body("Căn cứ Luật Tổ chức chính quyền địa phương;", I + SZ14),
                  centred("QUYẾT ĐỊNH:")]
        for k, n in enumerate(numbers, start=1):
            blocks += [centred(f"Chương {n}"), centred(f"NỘI DUNG THỨ {k}"), body(f"Điều {k}. Quy định thứ {k} như sau.")]
        blocks += [body("Điều 9. Quyết định có hiệu lực từ ngày ký./."), tail_qd("TM. ỦY BAN NHÂN DÂN")]
        result = check_docx(make_docx(tmp_path / "qd.docx", "".join(blocks) + sect(), styles=TNR))
        return [f.excerpt for f in result.findings if f.rule == "heading.sequence" and f.excerpt.startswith("Chương")]

    assert told(["I", "II", "III", "VI", "V"]) == ["Chương VI"]
    assert told(["I", "II", "III", "V", "VI"]) == []


def test_a_short_bold_mục_title_numbered_by_a_word_list_is_a_title_TTR01(tmp_path):
    """FR13-TTR01: the first mục title "I. Sự cần thiết phải xây dựng Nghị quyết" (bold, small letters, its "I." a Word
    list's) was taken for a sentence because of "phải", while the four others were told to be in capitals."""
    roman_list = numbering_xml([abstract(1, [lvl(0, "upperRoman", "%1.")])], [num(1, 1)])
    listed = p(r("Sự cần thiết phải xây dựng Nghị quyết", '<w:b/>' + SZ14),
               ppr='<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:jc w:val="both"/>'
                   '<w:ind w:firstLine="567"/><w:spacing w:before="120" w:after="0"/>')
    result = check_docx(make_docx(tmp_path / "a.docx", "".join(
        [notice_header(), centred("THÔNG BÁO"), centred("Về việc phân công"), p(""), listed,
         body("Nội dung của mục này được trình bày đầy đủ./."), tail()]) + sect(), numbering=roman_list, styles=TNR))
    assert any(f.rule == "heading.style" and "in hoa" in f.text and f.excerpt.startswith("Sự cần thiết")
               for f in result.findings)


def test_a_resolutions_last_basis_ending_with_a_comma_is_told_NQ01(tmp_path):
    """FR13-NQ01: under the session line "(Từ ngày … đến ngày …)" the căn cứ block was not read, so its last line
    "Sau khi xem xét Tờ trình …," ending with a comma (and a basis that lost its "Căn cứ", ending with one) went
    unseen."""
    result = check_docx(notice(tmp_path / "nq.docx", [
        p(r("(Từ ngày 01/12 đến ngày 05/12/2020)", I + SZ14), ppr=CENTER),
        body("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;", I + SZ14),
        body("Quyết định số 2323/BTTTT-THH ngày 31/12/2019 của Bộ Thông tin và Truyền thông,", I + SZ14),
        body("Sau khi xem xét Tờ trình số 12/TTr-UBND ngày 10/11/2020 của Ủy ban nhân dân thành phố,"),
        body("Điều 1. Thông qua Chương trình./.")]))
    told = [f.excerpt[:12] for f in result.findings if f.rule == "body.bases"]
    assert told == ["Quyết định s", "Sau khi xem "], told


def test_measure_fix_counts_a_first_page_number_taken_off_as_asked_FR26_QD01():
    """FR26-QD01: pagenum.first took the “1” off the decision's first page and, the attached Quy định's section
    sharing that first-page header, off its first page too (a first page, numbered from 1): what was asked. Any other
    number gone, or a “1” gone when no first page was corrected, is still harm."""
    from tests.real.printed import Page, page_numbers

    blank = [Page(600, 800, bytes(600 * 800))] * 4

    def pages(*numbers):
        return [[(n, 300.0, 36.0, 310.0, 46.0), ("Điều", 100.0, 120.0, 130.0, 132.0)] for n in numbers]

    before, after = pages("1", "2", "1", "2"), pages("Điều", "2", "Điều", "2")
    assert page_numbers(before, after, blank, blank, first_asked=True) == []
    assert len(page_numbers(before, after, blank, blank)) == 2
    assert len(page_numbers(pages("1", "2", "3", "4"), pages("1", "Điều", "3", "4"), blank, blank, first_asked=True)) == 1
