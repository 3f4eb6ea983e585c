"""Faults of the checker seen on the twentieth fresh set (FR20-*: a Sở's Báo cáo, a HĐND's Nghị quyết with its Quy
định, a Trung tâm's Quyết định with its Quy chế, the UBND tỉnh's Kế hoạch), each on a small document made here with
contents of our own. The real files are held in tests/real/test_judged_check.py."""
from __future__ import annotations

from generator.nd30 import grammar
from generator.nd30.check import check_docx
from tests.nd30.test_check_fresh8 import in_box
from tests.nd30.test_check_types import B, I, SZ14, body, centred, header, tail
from tests.word.docx_factory import make_docx, p, r, sect, tbl, tc, tr

SZ11, SZ12 = '<w:sz w:val="22"/>', '<w:sz w:val="24"/>'


def report(path, paragraphs: list[str], *, number: str = "Số: 12/BC-UBND", signer: str = "") -> object:
    """A Báo cáo of our own with `paragraphs` as its body (already made w:p), signed with the tail of
    tests/nd30/test_check_types (or `signer`, a whole tail)."""
    blocks = [header(number), centred("BÁO CÁO"), centred("Kết quả thực hiện nhiệm vụ năm 2026"), *paragraphs,
              body("Trên đây là báo cáo kết quả thực hiện nhiệm vụ năm 2026./."), signer or tail("TM. ỦY BAN NHÂN DÂN")]
    return check_docx(make_docx(path, "".join(blocks) + sect()))


def italic_told(result) -> list[str]:
    return [f.excerpt for f in result.findings if f.rule == "body.italic"]


def test_an_italic_numbered_sub_heading_over_upright_text_is_not_italic_running_text_FR20(tmp_path):
    """FR20-BC02 (and FR19-DA01): "2.1. Sự cần thiết ban hành chính sách" (bold italic; "cần" read it as a sentence)
    and "2.2.2. Tác động của thủ tục hành chính." (italic, a final full stop) on lines of their own over upright text
    were told "nội dung trình bày kiểu chữ đứng"; so was "Cách tính điểm xét tuyển" over its formula. They head the
    text under them. An italic sentence of the body is still told, and so is an italic line heading nothing (the next
    khoản straight under it, as FR6-TB01's "Mẫu đơn tại file đính kèm")."""
    result = report(tmp_path / "bc.docx", [
        body("1. Đánh giá chung", B + SZ14),
        body("2.1. Sự cần thiết ban hành chính sách", B + I + SZ14),
        body("Các văn bản của Trung ương đã quy định đầy đủ nội dung này."),
        body("2.2.2. Tác động của thủ tục hành chính.", I + SZ14),
        body("Không phát sinh thêm thủ tục hành chính."),
        body("Cách tính điểm xét tuyển", I + SZ14),
        body("Điểm xét tuyển bằng tổng điểm ba môn cộng điểm ưu tiên."),
        body("Tổng giá trị thiệt hại ước tính hơn sáu nghìn tỷ đồng.", I + SZ14),
        body("Các sở, ngành tiếp tục thống kê thiệt hại."),
        body("Mẫu đơn tại file đính kèm", I + SZ14),
        body("2. Tổ chức thực hiện", B + SZ14),
        body("Các sở, ngành thực hiện báo cáo này.")])
    assert italic_told(result) == ["Tổng giá trị thiệt hại ước tính hơn sáu nghìn tỷ đồng.",
                                   "Mẫu đơn tại file đính kèm"], italic_told(result)


def spaced(text: str, before: int, after: int) -> str:
    return p(r(text, SZ14), ppr=f'<w:jc w:val="both"/><w:ind w:firstLine="567"/>'
                                f'<w:spacing w:before="{before * 20}" w:after="{after * 20}"/>')


def test_a_paragraph_spaced_3_and_3_under_a_table_is_spaced_as_its_text_FR20(tmp_path):
    """FR20-NQ01: the paragraphs of a Quy định are 3 pt before and 3 pt after (6 pt between two); the one right under
    a table of rates was told "khoảng cách giữa các đoạn 3 pt" (a table gives no space after). It is spaced as the
    text is; one with no space of its own under a table still runs into it (FR14-BB02's 0 pt, judged true)."""
    rates = tbl(tr(tc(p(r("Chủ nhiệm nhiệm vụ", SZ14))), tc(p(r("40 triệu đồng", SZ14)))), grid=[4000, 4000])
    result = report(tmp_path / "bc.docx", [
        spaced("Mức chi thực hiện theo bảng sau:", 3, 3), rates, spaced("Mức chi trên là mức tối đa.", 3, 3),
        spaced("Các nội dung khác thực hiện theo quy định hiện hành.", 3, 3), rates,
        spaced("Kinh phí do ngân sách tỉnh bảo đảm.", 0, 0)])
    told = [f.excerpt for f in result.findings if f.rule == "body.spacing"]
    assert not [x for x in told if x.startswith("Mức chi trên")], told
    assert [x for x in told if x.startswith("Kinh phí do ngân sách")], told


def test_a_note_in_a_text_box_beside_the_recipients_is_not_a_recipient_FR20(tmp_path):
    """FR20-BC02: "(để b/c)" in a text box beside the brace that groups the first three recipients was told "mỗi nơi
    nhận bắt đầu bằng gạch đầu dòng “-”": a note on them, not a recipient. Its size is still judged (12 pt, true)."""
    left = tc(p(r("Nơi nhận:", B + I + SZ12)) + p(r("- UBND tỉnh;", SZ11)) + in_box(p(r("(để b/c)", SZ12)))
              + p(r("- Chủ tịch UBND tỉnh;", SZ11)) + p(r("- Lưu: VT, KHTC.", SZ11)), width=4600)
    right = tc(centred("GIÁM ĐỐC") + p("") + centred("Nguyễn Văn An"), width=4600)
    result = report(tmp_path / "bc.docx", [body("Sở báo cáo kết quả như sau.")], number="Số: 12/BC-SKHCN",
                    signer=tbl(tr(left, right), grid=[4600, 4600], style=None))
    told = [(f.rule, f.excerpt) for f in result.findings if f.excerpt == "(để b/c)"]
    assert ("recipients.items", "(để b/c)") not in told, told
    assert ("recipients.size", "(để b/c)") in told, told


def test_an_ampersand_in_the_agencys_abbreviation_is_its_own_FR20():
    """FR20-QD01: “Số: /QĐ-TTCNTT&TT” was told “ký hiệu phải là chữ in hoa …”: the “&” belongs to the Trung tâm's own
    abbreviation (PL I §II.3.b leaves it to the organisation). A stray “&” at a group's edge is still told."""
    assert grammar.number_problems("Số: /QĐ-TTCNTT&TT", "QĐ", "Quyết định") == []
    assert grammar.number_problems("Số: 15/BC-SVHTT&DL", "BC", "Báo cáo") == []
    assert grammar.number_problems("Số: 15/QĐ-&TT", "QĐ", "Quyết định")
    assert grammar.number_problems("Số: 15/QĐ-TT&", "QĐ", "Quyết định")


def test_a_drafts_year_left_as_dots_is_a_blank_FR20():
    """FR20-QD01: a draft's “Hải Dương, ngày tháng năm 20..” was told to have a full date in figures: the year's last
    digits are left for the văn thư as the day and month are. A year of two digits is still told."""
    assert grammar.date_check("Hải Dương, ngày tháng năm 20..").problems == []
    assert grammar.date_check("Hà Nội, ngày … tháng … năm 20…").problems == []
    assert grammar.date_check("Hà Nội, ngày 05 tháng 3 năm 20").problems == ["năm phải đủ 4 chữ số"]


def test_the_national_name_in_an_issued_quy_ches_own_header_is_read_FR20(tmp_path):
    """FR20-QD01: the Quy chế issued with the decision repeats the header, writing “CỘNG HOÀ” while the decision's is
    right: nothing was said (only the decision's header was read). Told now; right in both, nothing is."""
    def made(national: str, name: str) -> object:
        sz = '<w:sz w:val="26"/>'
        own = tbl(tr(tc(centred("ỦY BAN NHÂN DÂN", B + sz) + centred("TỈNH LÂM ĐỒNG", B + sz), width=3600),
                     tc(centred(national, B + sz) + centred("Độc lập - Tự do - Hạnh phúc", B + SZ14), width=5700)),
                  grid=[3600, 5700], style=None)
        blocks = [header("Số: 12/QĐ-UBND"), centred("QUYẾT ĐỊNH"), centred("Về việc ban hành Quy chế làm việc"),
                  centred("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"),
                  body("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;", I + SZ14),
                  centred("QUYẾT ĐỊNH:"),
                  body("Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc của Tổ công tác./.", B + SZ14),
                  tail("TM. ỦY BAN NHÂN DÂN"), p(r("", extra='<w:br w:type="page"/>')), own, centred("QUY CHẾ"),
                  centred("Làm việc của Tổ công tác"),
                  centred("(Ban hành kèm theo Quyết định số 12/QĐ-UBND ngày 05 tháng 3 năm 2026 của Chủ tịch Ủy ban "
                          "nhân dân tỉnh)", I + SZ14),
                  body("Điều 1. Phạm vi điều chỉnh", B + SZ14),
                  body("Quy chế này quy định việc làm việc của Tổ công tác."),
                  body("Điều 2. Hiệu lực", B + SZ14), body("Quy chế này có hiệu lực kể từ ngày ký.")]
        return check_docx(make_docx(tmp_path / name, "".join(blocks) + sect()))

    told = [f.excerpt for f in made("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "hoa.docx").findings
            if f.rule == "national.text"]
    assert told == ["CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"], told
    assert not [f for f in made("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "hoa2.docx").findings
                if f.rule in ("national.text", "motto.text")]


def chair_alone() -> str:
    """The tail of tests/nd30/test_check_types with "CHỦ TỊCH" alone over the name (no "TM." line)."""
    left = tc(p(r("Nơi nhận:", B + I + SZ12)) + p(r("- Như trên;", SZ11)) + p(r("- Lưu: VT, NC.", SZ11)), width=4600)
    right = tc(centred("CHỦ TỊCH") + p("") + centred("Nguyễn Văn An"), width=4600)
    return tbl(tr(left, right), grid=[4600, 4600], style=None)


def test_a_peoples_committees_plan_signed_by_its_chair_alone_wants_tm_FR20(tmp_path):
    """FR20-KH03: a Kế hoạch of the Ủy ban nhân dân tỉnh (“Số: …/KH-UBND”) signed “CHỦ TỊCH” alone went untold: a
    collective body's document is signed “TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH” (PL I §II.7.a). With the TM. line nothing
    is told; nor on a Quyết định, which the Chủ tịch issues in his own name."""
    def authority(name: str, number: str, signer: str) -> list[str]:
        return [f.text for f in report(tmp_path / name, [body("Ủy ban nhân dân tỉnh báo cáo như sau.")],
                                       number=number, signer=signer).findings if f.rule == "signer.authority"]

    told = authority("kh.docx", "Số: 12/KH-UBND", chair_alone())
    assert len(told) == 1 and told[0].startswith("văn bản của Ủy ban nhân dân (ký hiệu “…-UBND”)"), told
    assert authority("tm.docx", "Số: 12/KH-UBND", tail("TM. ỦY BAN NHÂN DÂN")) == []
    assert authority("qd.docx", "Số: 12/QĐ-UBND", chair_alone()) == []


def test_two_spaces_inside_the_motto_are_told_FR20(tmp_path):
    """FR20-KH03 (and FR3-CV01): “Độc lập - Tự  do - Hạnh phúc” prints a gap inside a phrase of the Tiêu ngữ, and the
    words were read with their spaces folded: nothing was said. Told (a warning); with one space nothing is, nor with
    more around a hyphen (tests/nd30/test_check_behaviour_more: a gap is written there anyway)."""
    def motto(text: str, name: str) -> list[str]:
        blocks = [header("Số: 12/BC-UBND").replace("Độc lập - Tự do - Hạnh phúc", text), centred("BÁO CÁO"),
                  centred("Kết quả thực hiện nhiệm vụ năm 2026"), body("Trên đây là báo cáo kết quả năm 2026./."),
                  tail("TM. ỦY BAN NHÂN DÂN")]
        result = check_docx(make_docx(tmp_path / name, "".join(blocks) + sect()))
        return [f.level for f in result.findings if f.rule == "motto.text"]

    assert motto("Độc lập - Tự  do - Hạnh phúc", "two.docx") == ["warning"]
    assert motto("Độc lập - Tự do - Hạnh phúc", "one.docx") == []
    assert motto("Độc lập  -  Tự do - Hạnh phúc", "hyphen.docx") == []


def test_the_number_a_later_section_prints_on_its_first_page_is_sized_FR20(tmp_path):
    """FR20-KH03: page 1 a section of its own with no number; from page 2 a second section numbers the pages, its
    first-page header (page 2) at 9 pt: nothing was said (only the first section's numbers were judged). Told; at 13 pt
    nothing is."""
    def made(half_points: int, name: str) -> object:
        numbered = "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>" + "".join(
            f'<w:r><w:rPr><w:sz w:val="{half_points}"/></w:rPr>{x}</w:r>' for x in (
                '<w:fldChar w:fldCharType="begin"/>', '<w:instrText xml:space="preserve"> PAGE </w:instrText>',
                '<w:fldChar w:fldCharType="separate"/>', "<w:t>2</w:t>", '<w:fldChar w:fldCharType="end"/>')) + "</w:p>"
        page_one = [header("Số: 12/KH-UBND"), centred("KẾ HOẠCH"), centred("Thực hiện nhiệm vụ năm 2026"),
                    p(r("Trang đầu của kế hoạch.", SZ14), ppr=sect(title_pg=True))]
        rest = [body(f"Nội dung thứ {k} của kế hoạch.") for k in range(1, 30)]
        blocks = page_one + rest + [body("Các sở, ngành thực hiện kế hoạch này./."), chair_alone()]
        refs = {"default": "rIdH1", "first": "rIdH2"}
        return check_docx(make_docx(tmp_path / name, "".join(blocks) + sect(header_refs=refs, title_pg=True),
                                    headers={"rIdH1": numbered, "rIdH2": numbered}))

    told = [f.text for f in made(18, "small.docx").findings if f.rule == "pagenum.size"]
    assert len(told) == 1 and told[0].startswith("số trang cỡ chữ 9, phải từ 13 đến 14 (phần 2"), told
    assert not [f for f in made(26, "right.docx").findings if f.rule == "pagenum.size"]


def test_a_khoan_title_with_a_stray_full_stop_among_titles_is_a_title_FR20(tmp_path):
    """FR20-NQ01: "7. Dự toán chi quản lý chung nhiệm vụ khoa học và công nghệ." on its own line over its text, beside
    khoản titles told to be bold, went untold: its final full stop read it as a sentence. Among titled siblings it is a
    title too (FR12-TT01's "2. Hồ sơ di chuyển." likewise). Among sentences, a khoản closed by a full stop is one."""
    result = report(tmp_path / "bc.docx", [
        body("1. Dự toán chi thù lao"), body("Mức chi thực hiện theo quy định hiện hành."),
        body("2. Dự toán chi quản lý chung nhiệm vụ."), body("Mức chi tối đa bằng năm phần trăm tổng dự toán."),
        body("II. TỔ CHỨC THỰC HIỆN", B + SZ14),
        body("1. Các sở thực hiện kế hoạch này đúng thời hạn."), body("Báo cáo kết quả trước ngày 15 hằng tháng."),
        body("2. Các huyện tổng hợp kết quả hằng quý."), body("Gửi về Sở Nội vụ trước ngày 20.")])
    told = [f.excerpt for f in result.findings if f.rule == "heading.style" and "phải in đậm" in f.text]
    assert told == ["1. Dự toán chi thù lao", "2. Dự toán chi quản lý chung nhiệm vụ."], told
