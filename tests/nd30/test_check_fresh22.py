"""False findings, misses and --fix harms seen on the twenty-first and twenty-second fresh sets (issue 20; FR21-*: QPPL
texts of four provinces, two with the Quy chế they issue; FR22-*: a health centre's plan and scans, two provinces'
complaint templates), each on a small document made here with contents of our own where one can be made. The real
files are held in tests/real/test_judged_check.py."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from generator.nd30.check import check_docx
from generator.nd30.fix import fix_docx
from generator.word.convert import read_word
from tests.nd30.test_check_types import BODY, header, tail
from tests.word.docx_factory import make_docx, p, r, sect

REAL = Path(__file__).resolve().parents[1] / "real"
SZ12, SZ13 = '<w:sz w:val="24"/>', '<w:sz w:val="26"/>'


def _measure_fix():
    sys.path.insert(0, str(REAL))  # measure_fix imports printed beside it
    spec = importlib.util.spec_from_file_location("measure_fix_fresh22", REAL / "measure_fix.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _body_sizes(path) -> set:
    """The sizes the body's letters print at (the paragraphs between the trích yếu and the signature)."""
    doc = read_word(path).value
    return {run.size_pt for q in doc.paragraphs() if q.text.startswith("Nội dung")
            for run in q.runs if run.text.strip()}


def test_a_body_printed_at_one_size_is_resized_whole_or_not_at_all_TB02(tmp_path):
    """FR22-TB02: a body at 12 pt, one paragraph holding 13 pt words among its 12 pt ones in two stretches (no
    correction of its own), the others corrected one by one: the page printed 12, 13 and 14 pt side by side. A size
    fault of the body is one fault of the group: --fix corrects all of its paragraphs to one size or none (said)."""
    mixed = p(r("Nội dung đoạn thứ hai có ", SZ12), r("TEN_CHU_DON", SZ13), r(" ở giữa và ", SZ12),
              r("DIA_CHI", SZ13), r(" ở cuối của đoạn này.", SZ12), ppr=BODY)
    blocks = [header("Số: 12/TB-UBND"), p(r("THÔNG BÁO", "<w:b/>" + SZ13), ppr='<w:jc w:val="center"/>'),
              p(r("Về việc tổ chức hội nghị", "<w:b/>" + SZ13), ppr='<w:jc w:val="center"/>'),
              p(r("Nội dung đoạn thứ nhất của thông báo.", SZ12), ppr=BODY), mixed,
              p(r("Nội dung đoạn thứ ba của thông báo./.", SZ12), ppr=BODY), tail("TM. ỦY BAN NHÂN DÂN")]
    source = make_docx(tmp_path / "tb.docx", "".join(blocks) + sect())
    sized = [f for f in check_docx(source).findings if f.rule == "body.size"]
    assert len(sized) == 3 and any(f.detail.fix is None for f in sized)  # the mixed paragraph has no correction
    report = fix_docx(source, tmp_path / "fixed.docx")
    assert _body_sizes(tmp_path / "fixed.docx") == {12.0, 13.0}  # as before: nothing resized
    told = [m.text for m in report.refused if m.rule == "body.size"]
    assert len(told) == 2 and all("phải cùng một cỡ" in t for t in told), told
    # the whole body at 12 pt: corrected, all of it
    blocks[4] = p(r("Nội dung đoạn thứ hai, cùng cỡ chữ với các đoạn khác.", SZ12), ppr=BODY)
    whole = make_docx(tmp_path / "whole.docx", "".join(blocks) + sect())
    fix_docx(whole, tmp_path / "whole-fixed.docx")
    assert len(_body_sizes(tmp_path / "whole-fixed.docx")) == 1


def test_the_fix_measure_counts_a_group_made_uneven_TB02(tmp_path):
    """measure_fix saw no harm on FR22-TB02: every size change was a reported correction. A group a size rule flagged
    that printed at one size and prints at several after the fix is harm (`uneven`); the fixed file now is not."""
    mf = _measure_fix()
    source = next((REAL / "docs").glob("FR22-TB02*.docx"))
    original = read_word(source).value
    findings = check_docx(source).findings
    fix_docx(source, tmp_path / "fixed.docx")
    assert mf.uneven(original, read_word(tmp_path / "fixed.docx").value, findings) == []
    # one body paragraph alone made 14 pt (what the fix did paragraph by paragraph): told
    xml = tmp_path / "uneven.docx"
    import zipfile
    with zipfile.ZipFile(source) as z, zipfile.ZipFile(xml, "w") as out:
        for item in z.infolist():
            data = z.read(item.filename)
            if item.filename == "word/document.xml":
                text = data.decode("utf-8")
                at = text.index("Đơn khiếu nại đã được thụ lý")
                start = text.rindex("<w:p ", 0, at)
                part = text[start:at].replace("<w:rPr>", '<w:rPr><w:sz w:val="28"/>')  # size from the style before
                data = (text[:start] + part + text[at:]).encode("utf-8")
            out.writestr(item, data)
    told = mf.uneven(original, read_word(xml).value, findings)
    assert len(told) == 1 and told[0].startswith("body.size") and "12, 14" in told[0], told


def _picture(cx: int, cy: int) -> str:
    return ('<w:r><w:drawing><wp:inline><wp:extent cx="%d" cy="%d"/><a:graphic><a:graphicData>'
            '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:blipFill>'
            '<a:blip r:embed="rId9"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>'
            % (cx, cy))


def test_a_file_of_page_pictures_is_refused_as_a_scan_CV01_BC01(tmp_path):
    """FR22-CV01, FR22-BC01: a Công văn and a Báo cáo scanned, one picture a page in a .doc, no text: refused as "a
    document with no number and no type line (a speech, a form …)" although their pages show both. The sentence says
    it is a scan whose text cannot be read; no finding, and --fix writes nothing."""
    page = _picture(5476875, 7743825)  # 152 × 215 mm
    source = make_docx(tmp_path / "scan.docx", p(page) + p("") + p(page) + sect())
    result = check_docx(source)
    assert result.findings == [] and not result.identified.governed
    said = result.identified.sentence()
    assert said.startswith("bản chụp (scan)") and "(2 hình)" in said and "phát biểu" not in said, said
    report = fix_docx(source, tmp_path / "fixed.docx")
    assert report.untouched.startswith("bản chụp (scan)") and not (tmp_path / "fixed.docx").exists()
    # a letter with a logo (a small picture) and its text is no scan
    logo = make_docx(tmp_path / "logo.docx", p(_picture(900000, 900000)) + header("Số: 12/TB-UBND")
                     + p(r("THÔNG BÁO")) + sect())
    assert "bản chụp" not in check_docx(logo).identified.sentence()


def _quy_che(title_lines: list[str]) -> list[str]:
    """A Quy chế issued with the decision: its name over `title_lines`, its "(Ban hành kèm theo …)" line, Chương I and
    its Điều 1 and 2."""
    from tests.nd30.test_check_types import B, I, SZ14, body, centred

    return ([centred("QUY CHẾ")] + [centred(t) for t in title_lines]
            + [centred("(Ban hành kèm theo Quyết định số 12/2026/QĐ-UBND ngày 05 tháng 3 năm 2026", I + SZ14),
               centred("của Ủy ban nhân dân tỉnh Lâm Đồng)", I + SZ14), p(""), centred("Chương I"),
               centred("QUY ĐỊNH CHUNG"), body("Điều 1. Phạm vi điều chỉnh", B + SZ14),
               body("Quy chế này quy định việc vận hành Trung tâm giám sát an ninh mạng của tỉnh."),
               body("Điều 2. Đối tượng áp dụng", B + SZ14),
               body("Quy chế này áp dụng đối với các cơ quan nhà nước trên địa bàn tỉnh.")])


def test_a_quy_che_after_a_signature_without_recipients_is_its_own_text_QD02(tmp_path):
    """FR21-QD02: a published decision without Nơi nhận, its signature and the Quy chế's issuer and Quốc hiệu in one
    table, then the Quy chế: its title lines were read as body (indent, spacing, justify on each) and its "Điều 1"
    told to be "Điều 3", continuing the decision's. The Quy chế is the text the decision issues: its title is no
    body, its Điều count from 1."""
    from tests.nd30.test_check_types import B, I, SZ14, body, centred, header
    from tests.word.docx_factory import tbl, tc, tr

    signed = tbl(tr(tc(p(""), width=4600), tc(centred("TM. ỦY BAN NHÂN DÂN") + centred("CHỦ TỊCH") + p("")
                                                + centred("Nguyễn Văn An", B + SZ14), width=4600)),
                 tr(tc(centred("ỦY BAN NHÂN DÂN") + centred("TỈNH LÂM ĐỒNG"), width=4600),
                    tc(centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") + centred("Độc lập - Tự do - Hạnh phúc"),
                       width=4600)), grid=[4600, 4600], style=None)
    blocks = [header("Số: 12/2026/QĐ-UBND"), centred("QUYẾT ĐỊNH"), centred("Ban hành Quy chế vận hành Trung tâm"),
              centred("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"),
              body("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;", I + SZ14),
              body("Theo đề nghị của Giám đốc Sở Khoa học và Công nghệ.", I + SZ14), centred("QUYẾT ĐỊNH:"),
              body("Điều 1. Ban hành kèm theo Quyết định này Quy chế vận hành Trung tâm.", SZ14),
              body("Điều 2. Quyết định này có hiệu lực kể từ ngày 15 tháng 3 năm 2026./."), signed]
    blocks += _quy_che(["Vận hành Trung tâm giám sát an ninh mạng", "tỉnh Lâm Đồng"])
    result = check_docx(make_docx(tmp_path / "qd.docx", "".join(blocks) + sect()))
    on_title = [(f.rule, f.excerpt) for f in result.findings if f.excerpt.startswith(("Vận hành", "tỉnh Lâm", "(Ban",
                                                                                         "của Ủy"))]
    assert not [x for x in on_title if x[0].startswith("body.")], on_title
    assert not [f.text for f in result.findings if f.rule == "heading.sequence"]


def test_a_quy_che_titled_over_three_lines_is_not_a_form_lacking_its_label_QD03(tmp_path):
    """FR21-QD03: the Quy chế after the decision's Nơi nhận, its name over three lines, a blank, then "(Ban hành kèm
    theo Quyết định số …)": told to have a "Phụ lục" line and a "(Kèm theo …)" line, as a blank form would. It is
    the text the decision issues."""
    from tests.nd30.test_check_types import centred, decision_blocks, header
    from tests.word.docx_factory import tbl, tc, tr

    quoc_hieu = tbl(tr(tc(centred("ỦY BAN NHÂN DÂN") + centred("TỈNH LÂM ĐỒNG"), width=4600),
                       tc(centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") + centred("Độc lập - Tự do - Hạnh phúc"),
                          width=4600)), grid=[4600, 4600], style=None)
    quy_che = _quy_che(["Quản lý, khai thác và bảo vệ an ninh mạng", "đối với hệ thống thông tin của các cơ quan",
                        "nhà nước trên địa bàn tỉnh Lâm Đồng"])
    quy_che.insert(4, p(""))  # a blank between the name and its "(Ban hành kèm theo …)" line
    blocks = [header("Số: 12/QĐ-UBND")] + decision_blocks() + [p(r("", extra='<w:br w:type="page"/>')), quoc_hieu,
                                                                 p("")] + quy_che
    result = check_docx(make_docx(tmp_path / "qd.docx", "".join(blocks) + sect()))
    assert not [f.text for f in result.findings if f.rule == "appendix.label"]


def test_quoc_hieu_and_tieu_ngu_in_one_paragraph_wrapped_by_the_cell_are_two_lines_CV02(tmp_path):
    """FR22-CV02: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc" typed as one paragraph (13 pt, then
    14 pt), no line break: the header's cell wraps the Tiêu ngữ onto its own line and the page prints both right, but
    national.text, national.style, national.size, motto.text, motto.size and motto.rule read them as one line."""
    from tests.nd30.test_check_types import B, I, SZ14, body, centred, tail
    from tests.word.docx_factory import tbl, tc, tr

    sz13 = '<w:sz w:val="26"/>'
    left = tc(centred("ỦY BAN NHÂN DÂN", B + sz13) + centred("TỈNH LÂM ĐỒNG", B + sz13) + centred("Số: 12/UBND-VP", sz13)
              + centred("V/v tổ chức hội nghị", '<w:sz w:val="24"/>'), width=3600)
    joined = p(r("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM ", B + sz13), r("Độc lập - Tự do - Hạnh phúc", B + SZ14),
               ppr='<w:jc w:val="center"/><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1"/></w:pBdr>')
    right = tc(joined + centred("Lâm Đồng, ngày 05 tháng 3 năm 2026", I + SZ14), width=5700)
    blocks = [tbl(tr(left, right), grid=[3600, 5700], style=None), centred("Kính gửi: Sở Nội vụ", SZ14),
              body("Ủy ban nhân dân tỉnh đề nghị Sở Nội vụ tổ chức hội nghị./."), tail("TL. CHỦ TỊCH")]
    result = check_docx(make_docx(tmp_path / "cv.docx", "".join(blocks) + sect()))
    told = sorted(f.rule for f in result.findings if f.rule.startswith(("national.", "motto.")))
    assert not [x for x in told if x != "motto.rule"], told


def test_a_centred_kinh_gui_under_a_headline_is_the_addressee_PC01(tmp_path):
    """FR22-PC01: a Phiếu chuyển read as a letter (its "V/v" in the header), its headline "PHIẾU CHUYỂN ĐƠN KIẾN NGHỊ,
    PHẢN ÁNH" centred over a centred "Kính gửi: …": the Kính gửi line got body.indent, body.justify and body.spacing.
    It is the addressee (ô 9a), under the headline as under a trích yếu."""
    from tests.nd30.test_check_types import B, I, SZ14, body, centred, tail
    from tests.word.docx_factory import tbl, tc, tr

    sz13 = '<w:sz w:val="26"/>'
    left = tc(centred("ỦY BAN NHÂN DÂN", B + sz13) + centred("TỈNH LÂM ĐỒNG", B + sz13)
              + centred("Số: 12/UBND-TCD", sz13) + centred("V/v chuyển đơn kiến nghị", '<w:sz w:val="24"/>'), width=3600)
    right = tc(centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", B + sz13) + centred("Độc lập - Tự do - Hạnh phúc", B + SZ14)
               + centred("Lâm Đồng, ngày 05 tháng 3 năm 2026", I + SZ14), width=5700)
    blocks = [tbl(tr(left, right), grid=[3600, 5700], style=None), centred("PHIẾU CHUYỂN ĐƠN KIẾN NGHỊ, PHẢN ÁNH"),
              centred("Kính gửi: Sở Tài nguyên và Môi trường", SZ14), p(""),
              body("Ủy ban nhân dân tỉnh nhận được đơn kiến nghị của công dân và chuyển đơn đến Sở xem xét./."),
              tail("TL. CHỦ TỊCH")]
    result = check_docx(make_docx(tmp_path / "pc.docx", "".join(blocks) + sect()))
    assert not [f.rule for f in result.findings if f.excerpt.startswith("Kính gửi")]


def test_numbers_typed_without_a_space_or_a_dot_are_still_read_as_numbers_KH01(tmp_path):
    """FR22-KH01: "II.Mục tiêu:" (no space after the dot) was not read as mục II, so "III." was told to skip a number;
    "2.95 % bệnh nhân …" (khoản 2 glued to a percentage) was told a điểm numbered "2.95"; "VII Chế độ báo cáo" (no dot)
    was not read as mục VII, so its "1." was told to follow the khoản before it. Each is read as the number it is
    (and the lower-case titles of mục II and VII are told, as their siblings')."""
    from tests.nd30.test_check_types import B, SZ14, body, centred, header, tail

    blocks = [header("Số: 12/KH-PK"), centred("KẾ HOẠCH"), centred("Hoạt động năm 2026"),
              body("I. MỤC ĐÍCH", B + SZ14), body("Nâng cao chất lượng khám chữa bệnh."),
              body("II.Mục tiêu:", B + SZ14), body("1.Đạt chỉ tiêu 15.000 lượt khám bệnh trong năm."),
              body("2.95 % bệnh nhân đến khám được chẩn đoán đúng."), body("3.100% bệnh nhân chuyển tuyến được tư vấn."),
              body("III. NỘI DUNG", B + SZ14), body("1. Tổ chức phân công nhân lực hợp lý."),
              body("2. Duy trì giao ban chuyên môn hằng ngày."), body("IV. TỔ CHỨC THỰC HIỆN", B + SZ14),
              body("Các bộ phận thực hiện kế hoạch này."), body("V. KINH PHÍ", B + SZ14),
              body("Kinh phí do đơn vị bảo đảm."), body("VI. PHÂN CÔNG", B + SZ14), body("Trưởng các bộ phận chịu trách nhiệm."),
              body("VII Chế độ báo cáo", B + SZ14), body("1. Báo cáo thường xuyên vào thứ Sáu hằng tuần."),
              body("2. Báo cáo đột xuất khi có yêu cầu./."), tail("GIÁM ĐỐC")]
    result = check_docx(make_docx(tmp_path / "kh.docx", "".join(blocks) + sect()))
    numbering = [(f.rule, f.excerpt[:12]) for f in result.findings if f.rule in ("heading.sequence", "heading.numbering")]
    assert numbering == [], numbering
    styled = sorted(f.excerpt[:12] for f in result.findings if f.rule == "heading.style")
    assert styled == ["II.Mục tiêu:", "VII Chế độ b"], styled


def test_a_templates_placeholders_are_blanks_not_text_TB02(tmp_path):
    """FR22-TB02 (an app's print template of a circular's form): the issuer's rule was measured against the
    placeholder "CO_QUAN", "TEN_TINH, ngày DAY tháng MONTH năm YEAR" was asked to be a full date, and the circular's
    recipient blanks "- ….(8)….;" were told to end ".;". Placeholders stand for values, the dots for a blank."""
    from tests.nd30.test_check_types import B, I, SZ14, body, centred
    from tests.word.docx_factory import tbl, tc, tr

    sz13, sz11 = '<w:sz w:val="26"/>', '<w:sz w:val="22"/>'
    left = tc(centred("CO_QUAN_CHA", sz13) + p(r("CO_QUAN", B + sz13), ppr='<w:jc w:val="center"/><w:pBdr><w:bottom '
                                                   'w:val="single" w:sz="6" w:space="1"/></w:pBdr>')
              + centred("Số: SO_THONG_BAO/TB-UBND", sz13), width=3600)
    right = tc(centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", B + sz13) + centred("Độc lập - Tự do - Hạnh phúc", B + SZ14)
               + centred("TEN_TINH, ngày DAY tháng MONTH năm YEAR", I + SZ14), width=5700)
    recipients = tc(p(r("Nơi nhận:", B + I + '<w:sz w:val="24"/>')) + p(r("- Như trên;", sz11))
                    + p(r("- ….(8)….;", sz11)) + p(r("- Lưu: VT, hồ sơ.", sz11)), width=4600)
    signer = tc(centred("CHỦ TỊCH") + p("") + centred("Nguyễn Văn An"), width=4600)
    blocks = [tbl(tr(left, right), grid=[3600, 5700], style=None), centred("THÔNG BÁO"),
              centred("Về việc thụ lý giải quyết khiếu nại"), body("Ủy ban nhân dân tỉnh thông báo để ông được biết./."),
              tbl(tr(recipients, signer), grid=[4600, 4600], style=None)]
    result = check_docx(make_docx(tmp_path / "tb.docx", "".join(blocks) + sect()))
    told = [(f.rule, f.excerpt) for f in result.findings if f.rule in ("issuer.rule", "date.form", "recipients.punctuation")]
    assert told == [], told


def test_an_hdnd_resolution_in_the_2025_form_closes_its_bases_with_its_formula_NQ01(tmp_path):
    """FR21-NQ01: an HĐND tỉnh's Nghị quyết in the 2025 form closes its căn cứ with the italic sentence "Hội đồng nhân
    dân tỉnh ban hành Nghị quyết …" (in place of "QUYẾT NGHỊ:", as "Ủy ban nhân dân tỉnh ban hành Quyết định …" stands
    for "QUYẾT ĐỊNH:"): it was told to be upright (body.italic) and "QUYẾT NGHỊ:" was asked for before Điều 1."""
    from tests.nd30.test_check_types import B, I, SZ14, body, centred
    from tests.word.docx_factory import tbl, tc, tr

    sz13 = '<w:sz w:val="26"/>'
    left = tc(centred("HỘI ĐỒNG NHÂN DÂN", B + sz13) + centred("TỈNH LÂM ĐỒNG", B + sz13)
              + centred("Số: 12/2026/NQ-HĐND", sz13), width=3600)
    right = tc(centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", B + sz13) + centred("Độc lập - Tự do - Hạnh phúc", B + SZ14)
               + centred("Lâm Đồng, ngày 05 tháng 3 năm 2026", I + SZ14), width=5700)
    signer = tbl(tr(tc(p(r("Nơi nhận:", B + I + '<w:sz w:val="24"/>')) + p(r("- Như Điều 3;", '<w:sz w:val="22"/>'))
                       + p(r("- Lưu: VT.", '<w:sz w:val="22"/>')), width=4600),
                    tc(centred("CHỦ TỊCH") + p("") + centred("Nguyễn Văn An"), width=4600)), grid=[4600, 4600], style=None)
    blocks = [tbl(tr(left, right), grid=[3600, 5700], style=None), centred("NGHỊ QUYẾT"),
              centred("Quy định mức hỗ trợ cán bộ chuyển đổi số"),
              body("Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;", I + SZ14),
              body("Xét Tờ trình số 27/TTr-UBND ngày 14 tháng 2 năm 2026 của Ủy ban nhân dân tỉnh.", I + SZ14),
              body("Hội đồng nhân dân tỉnh ban hành Nghị quyết Quy định mức hỗ trợ cán bộ chuyển đổi số.", I + SZ14),
              body("Điều 1. Phạm vi điều chỉnh", B + SZ14), body("Nghị quyết này quy định mức hỗ trợ hằng tháng."),
              body("Điều 2. Hiệu lực thi hành", B + SZ14), body("Nghị quyết này có hiệu lực từ ngày 15 tháng 3 năm 2026./."),
              signer]
    result = check_docx(make_docx(tmp_path / "nq.docx", "".join(blocks) + sect()))
    told = [(f.rule, f.excerpt[:20]) for f in result.findings if f.rule in ("enacting.line", "body.italic")]
    assert told == [], told


def test_a_list_dash_before_a_recipient_typed_after_a_space_is_its_dash_KH01(tmp_path):
    """FR22-KH01: the first recipient " BGĐTT Y tế để (b/c);" (a space typed before it) under its Word list's "-" was
    told to start with a dash; the list draws it, as for the recipients after it."""
    from tests.nd30.test_check_fresh12 import BULLETS, listed, one_decision
    from tests.nd30.test_check_types import B, I, centred
    from tests.word.docx_factory import tbl, tc, tr

    left = tc(p(r("Nơi nhận:", B + I + '<w:sz w:val="24"/>')) + listed(" Ban Giám đốc Trung tâm Y tế;")
              + listed("Phòng Tổ chức - Hành chính;") + listed("Lưu: VT, PK."), width=4600)
    right = tc(centred("GIÁM ĐỐC") + p("") + centred("Nguyễn Văn An"), width=4600)
    blocks = one_decision("Số: 12/QĐ-TTYT", "ông An", lines=2)[:-1] + [tbl(tr(left, right), grid=[4600, 4600],
                                                                           style=None)]
    result = check_docx(make_docx(tmp_path / "qd.docx", "".join(blocks) + sect(), numbering=BULLETS))
    assert not [f.excerpt for f in result.findings if f.text == "mỗi nơi nhận bắt đầu bằng gạch đầu dòng “-”"]


def test_a_place_name_in_lower_case_and_a_full_stop_after_the_year_are_told_TB01(tmp_path):
    """FR22-TB01 (missed): "Vĩnh long, ngày «dd» tháng «MM» năm «yyyy»." — the place's second word in lower case and a
    full stop after the year; only the first letter of the place and the whole line's form were looked at, and the
    merge fields hid the stop. "Thành phố Hồ Chí Minh" keeps its lower-case "phố"."""
    from tests.nd30.test_check_types import B, I, SZ14, body, centred, tail
    from tests.word.docx_factory import tbl, tc, tr

    def notice(date: str):
        sz13 = '<w:sz w:val="26"/>'
        left = tc(centred("ỦY BAN NHÂN DÂN", B + sz13) + centred("TỈNH VĨNH LONG", B + sz13)
                  + centred("Số: 12/TB-UBND", sz13), width=3600)
        right = tc(centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", B + sz13)
                   + centred("Độc lập - Tự do - Hạnh phúc", B + SZ14) + centred(date, I + SZ14), width=5700)
        blocks = [tbl(tr(left, right), grid=[3600, 5700], style=None), centred("THÔNG BÁO"),
                  centred("Về việc thụ lý giải quyết khiếu nại"), body("Ủy ban nhân dân tỉnh thông báo để ông biết./."),
                  tail("TL. CHỦ TỊCH")]
        found = check_docx(make_docx(tmp_path / "tb.docx", "".join(blocks) + sect())).findings
        return [f.text for f in found if f.rule == "date.form"]

    told = " / ".join(notice("Vĩnh long, ngày «dd» tháng «MM» năm «yyyy»."))
    assert "không có dấu chấm" in told and "“Vĩnh long”" in told, told
    assert notice("Thành phố Hồ Chí Minh, ngày 05 tháng 3 năm 2026") == []


def test_a_peoples_committees_name_on_two_lines_is_bold_on_both_TB01(tmp_path):
    """FR22-TB01 (missed): "ỦY BAN NHÂN DÂN" (regular) over "TỈNH VĨNH LONG" (bold) was read as a superior body over
    the agency, which is set upright; it is one body's name broken after its kind, bold on both lines (PL I §II.2.b).
    A Sở under its UBND keeps the upright superior."""
    from tests.nd30.test_check_types import B, I, SZ14, body, centred, tail
    from tests.word.docx_factory import tbl, tc, tr

    def issuer_style(first: str, second: str) -> list[str]:
        sz13 = '<w:sz w:val="26"/>'
        left = tc(centred(first, sz13) + centred(second, B + sz13) + centred("Số: 12/TB-UBND", sz13), width=3600)
        right = tc(centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", B + sz13)
                   + centred("Độc lập - Tự do - Hạnh phúc", B + SZ14)
                   + centred("Vĩnh Long, ngày 05 tháng 3 năm 2026", I + SZ14), width=5700)
        blocks = [tbl(tr(left, right), grid=[3600, 5700], style=None), centred("THÔNG BÁO"),
                  centred("Về việc thụ lý giải quyết khiếu nại"), body("Ủy ban nhân dân tỉnh thông báo để ông biết./."),
                  tail("TL. CHỦ TỊCH")]
        found = check_docx(make_docx(tmp_path / "tb.docx", "".join(blocks) + sect())).findings
        return [f.excerpt for f in found if f.rule == "issuer.style"]

    assert issuer_style("ỦY BAN NHÂN DÂN", "TỈNH VĨNH LONG") == ["ỦY BAN NHÂN DÂN"]
    assert issuer_style("UBND TỈNH VĨNH LONG", "SỞ TƯ PHÁP") == []


def test_a_letter_template_numbered_by_a_placeholder_is_checked_CV03(tmp_path):
    """FR22-CV03: a Công văn template "Số: SO_DON_THU/…." over "V/v đôn đốc …" under the Quốc hiệu was refused as "a
    document with no number and no type line (a speech, a form …)", its 13 faults missed; as "Số: ${KH}" (FR12-CV01) a
    number made of a placeholder stands for the number. Its signer's name "NGUOI_KY" is the name, not a post printed
    under it."""
    from tests.nd30.test_check_types import B, I, SZ14, body, centred
    from tests.word.docx_factory import tbl, tc, tr

    sz13 = '<w:sz w:val="26"/>'
    left = tc(centred("CO_QUAN", B + sz13) + centred("Số: SO_DON_THU/….", sz13)
              + centred("V/v đôn đốc giải quyết tố cáo", '<w:sz w:val="24"/>'), width=3600)
    right = tc(centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", B + sz13) + centred("Độc lập - Tự do - Hạnh phúc", B + SZ14)
               + centred("TEN_TINH, ngày DAY tháng MONTH năm YEAR", I + SZ14), width=5700)
    tail = tbl(tr(tc(p(r("Nơi nhận:", B + I + '<w:sz w:val="24"/>')) + p(r("- Như trên;", '<w:sz w:val="22"/>'))
                     + p(r("- Lưu: VT.", '<w:sz w:val="22"/>')), width=4600),
                  tc(centred("GIÁM ĐỐC") + p("") + centred("NGUOI_KY"), width=4600)), grid=[4600, 4600], style=None)
    blocks = [tbl(tr(left, right), grid=[3600, 5700], style=None), centred("Kính gửi: CQ_CHUYENDON", SZ14),
              body("CO_QUAN đề nghị CQ_CHUYENDON giải quyết vụ việc theo quy định của pháp luật./."), tail]
    result = check_docx(make_docx(tmp_path / "cv.docx", "".join(blocks) + sect()))
    assert result.identified.governed and result.identified.type.words == "Công văn"
    assert not [f.text for f in result.findings if f.rule.startswith("signer.")]
