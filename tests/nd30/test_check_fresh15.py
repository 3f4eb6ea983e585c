"""False findings and fix harms seen on the fifteenth fresh set (FR15-*), each on a small document made here with
contents of our own: a signer block typed with spaces on the Nơi nhận lines ("Nơi nhận:   …   KT. GIÁM ĐỐC",
"- Như Điều 3;   …   PHÓ GIÁM ĐỐC", FR15-QD02). The real files are held in tests/real/test_judged_check.py."""
from __future__ import annotations

from generator.nd30.check import check_docx
from generator.nd30.fix import fix_docx
from generator.word import read_docx
from tests.nd30.test_check_types import B, I, SZ14, body, centred, header
from tests.word.docx_factory import make_docx, p, r, sect

GAP = " " * 60
SZ10, SZ12 = '<w:sz w:val="20"/>', '<w:sz w:val="24"/>'


def spaced_tail() -> list[str]:
    """Nơi nhận on the left, the signer's lines pushed right with spaces on the same paragraphs."""
    return [p(r("Nơi nhận:", B + I + SZ12), r(GAP, SZ12), r("KT. GIÁM ĐỐC", B + SZ14)),
            p(r("- Như Điều 3;", SZ10), r(GAP, SZ10), r("PHÓ GIÁM ĐỐC", B + SZ14)),
            p(r("- Lưu: VT, KT.", SZ10)), p(""), p(r(" " * 90 + "Nguyễn Văn An", B + SZ14))]


def spaced_decision(path):
    blocks = [header("Số: 12/QĐ-ĐĐ"), centred("QUYẾT ĐỊNH"), centred("Về việc đánh số thiết bị trạm biến áp"),
              centred("GIÁM ĐỐC TRUNG TÂM ĐIỀU ĐỘ"),
              body("Căn cứ Thông tư số 40/2014/TT-BCT ngày 05 tháng 11 năm 2014;", I + SZ14),
              body("Theo đề nghị của Trưởng phòng Điều độ.", I + SZ14), centred("QUYẾT ĐỊNH:"),
              body("Điều 1. Đánh số thiết bị trạm biến áp theo sơ đồ kèm theo."),
              body("Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.")] + spaced_tail()
    return make_docx(path, "".join(blocks) + sect())


def test_a_signer_typed_with_spaces_on_the_recipients_lines_is_the_signer_QD02(tmp_path):
    """FR15-QD02: "Nơi nhận:" was read with the signer's "KT. GIÁM ĐỐC" as one line (told to go on a line of its own,
    to be italic, its sizes mixed), "- Như Điều 3;" with "PHÓ GIÁM ĐỐC" (sizes mixed), and the signer had no
    authority. The Nơi nhận lines end before the gap; what follows is the signature."""
    result = check_docx(spaced_decision(tmp_path / "qd.docx"))
    label = [f for f in result.findings if f.rule == "recipients.label"]
    assert not label, [f.text for f in label]
    assert "signer.authority" not in {f.rule for f in result.findings}
    sizes = [f for f in result.findings if f.rule == "recipients.size"]
    assert sizes and all("GIÁM" not in f.excerpt for f in sizes)


def test_fix_never_restyles_the_signer_beside_the_recipients_QD02(tmp_path):
    """FR15-QD02: the "Nơi nhận:" and items fixes were applied to the whole paragraphs, so the signer's "KT. GIÁM
    ĐỐC" turned italic 12 pt and "PHÓ GIÁM ĐỐC" shrank to 11 pt. The signer's runs keep their look."""
    out = tmp_path / "fixed.docx"
    fix_docx(spaced_decision(tmp_path / "qd.docx"), out)
    runs = {r.text: r for q in read_docx(out).value.paragraphs() for r in q.runs if "GIÁM ĐỐC" in r.text}
    assert not runs["KT. GIÁM ĐỐC"].italic and runs["KT. GIÁM ĐỐC"].size_pt == 14
    assert runs["PHÓ GIÁM ĐỐC"].size_pt == 14
    items = [r for q in read_docx(out).value.paragraphs() for r in q.runs if r.text.startswith("- Như")]
    assert items[0].size_pt == 11  # the recipient itself is still corrected


def test_fix_gives_up_a_correction_that_spans_two_elements_of_a_line_QD02(tmp_path, monkeypatch):
    """Whatever the checker reads: a format correction whose range holds two pieces set apart by a long gap and set
    differently (the label bold italic, the signer bold upright) is left for a person, and said."""
    from generator.nd30.check import locate

    monkeypatch.setattr(locate, "_left_of_gap", lambda s: (s, []))  # the checker of FR15-QD02's time
    out = tmp_path / "fixed.docx"
    report = fix_docx(spaced_decision(tmp_path / "qd.docx"), out)
    runs = {r.text: r for q in read_docx(out).value.paragraphs() for r in q.runs if "GIÁM ĐỐC" in r.text}
    assert not runs["KT. GIÁM ĐỐC"].italic and runs["KT. GIÁM ĐỐC"].size_pt == 14
    assert runs["PHÓ GIÁM ĐỐC"].size_pt == 14
    assert any("hai phần" in m.text for m in report.refused)


def tabbed_copy(worker: str) -> list[str]:
    """A one-page decision whose header is typed with a tab before the Quốc hiệu (no table), as FR15-QD03's."""
    tab = r("", extra="<w:tab/>")
    return [p(r("TỔNG CÔNG TY ABC", SZ12), tab, r("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", B + SZ12)),
            p(r("XÍ NGHIỆP ĐẦU MÁY", B + SZ12), tab, r("Độc lập - Tự do - Hạnh phúc", B + SZ14)),
            p(r("Số: 12/QĐ-XN", SZ14), tab, r("Hà Nội, ngày 05 tháng 6 năm 2023", I + SZ14)),
            centred("QUYẾT ĐỊNH"), centred("Về việc giao nhiệm vụ"), centred("GIÁM ĐỐC XÍ NGHIỆP ĐẦU MÁY"),
            body("Căn cứ nhu cầu sản xuất của Xí nghiệp;", I + SZ14), centred("QUYẾT ĐỊNH:"),
            body(f"Điều 1. Giao nhiệm vụ cho {worker}."), body("Điều 2. Quyết định có hiệu lực kể từ ngày ký./.")]\
        + spaced_tail()


def test_a_template_and_its_filled_copy_in_one_file_are_two_decisions_QD03(tmp_path):
    """FR15-QD03: a mail-merge template and its filled copy, each under a header typed with a tab before the Quốc
    hiệu: the Quốc hiệu was not seen (the tab read as a space), so the copy was read as a form attached to the
    template, its Nơi nhận as body text (and --fix set it to the body's size). Two decisions now."""
    from generator.nd30.check import several

    blocks = tabbed_copy("{{ho_va_ten}}") + [p(r("", extra='<w:br w:type="page"/>'))] + tabbed_copy("ông Hoàng An")
    path = make_docx(tmp_path / "qd.docx", "".join(blocks) + sect())
    assert len(several.documents(read_docx(path).value)) == 2
    result = check_docx(path)
    assert not [f for f in result.findings if f.rule.startswith("body.") and "Nơi nhận" in f.excerpt]
    assert not [f for f in result.findings if f.rule.startswith("appendix.")]


def test_a_one_page_appendix_numbered_on_its_own_asks_no_page_number_QD01(tmp_path):
    """FR15-QD01: a one-page appendix in a section of its own whose numbering starts again at 1 was told to have a
    page number, and --fix added a "1" on it; its one page is a page 1, where no number shows (PL I §I.7)."""
    from tests.nd30.test_check_types import decision_blocks

    appendix = [centred("Phụ lục", B + SZ14), centred("DANH SÁCH THÀNH VIÊN TỔ CÔNG TÁC"),
                centred("(Kèm theo Quyết định số 12/QĐ-UBND ngày 05 tháng 6 năm 2025 của Ủy ban nhân dân tỉnh)", I + SZ14),
                body("1. Ông Nguyễn Văn An, Phó Giám đốc Sở Nội vụ, Tổ trưởng."),
                body("2. Bà Trần Thị Bình, Trưởng phòng Sở Nội vụ, thành viên.")]
    blocks = [header("Số: 12/QĐ-UBND")] + decision_blocks() + [p("", ppr=sect())] + appendix
    result = check_docx(make_docx(tmp_path / "qd.docx", "".join(blocks) + sect(start=1)))
    assert not [f for f in result.findings if f.rule == "pagenum.missing" and f.detail.section == 1]


def test_the_quoted_new_wording_of_an_amending_text_keeps_its_own_numbers_ND01(tmp_path):
    """FR15-ND01: an amending text names the part it amends first ("1. Khoản 2 Điều 3 được sửa đổi, bổ sung như sau:")
    and quotes the new wording, numbered as the amended text is ("“Điều 6. …" / "1. …", "“Mục 2. …" / "Điều 24. …"):
    ten findings told the quoted numbers were out of sequence. The outer Điều still follow their own order."""
    from tests.nd30.test_check_types import decision_blocks

    amend = [body("Điều 1. Sửa đổi, bổ sung một số điều của Quyết định số 05/2020/QĐ-UBND như sau:", B + SZ14),
             body("1. Khoản 2 Điều 3 được sửa đổi, bổ sung như sau:"),
             body("“2. Sở Tài chính chủ trì hướng dẫn danh mục mặt hàng.”"),
             body("2. Điều 6 được sửa đổi, bổ sung như sau:"), body("“Điều 6. Đăng ký giá", B + SZ14),
             body("1. Tổ chức đăng ký giá bán buôn với Sở Tài chính;"),
             body("a) Tổ chức chỉ bán buôn đăng ký giá bán buôn;"), body("b) Tổ chức bán lẻ đăng ký giá bán lẻ."),
             body("2. Thời hạn đăng ký giá không quá 06 tháng.”"),
             body("3. Mục 2 Chương IV được sửa đổi, bổ sung như sau:"), body("“Mục 2. CƠ SỞ DỮ LIỆU VỀ GIÁ", B + SZ14),
             body("Điều 24. Đối tượng xây dựng cơ sở dữ liệu về giá", B + SZ14),
             body("Cơ quan quản lý nhà nước về giá xây dựng cơ sở dữ liệu.”"),
             body("Điều 3. Hiệu lực thi hành", B + SZ14), body("Quyết định này có hiệu lực kể từ ngày ký./.")]
    blocks = [header("Số: 12/QĐ-UBND")] + decision_blocks()[:7] + amend + decision_blocks()[-1:]
    result = check_docx(make_docx(tmp_path / "qd.docx", "".join(blocks) + sect()))
    sequence = [f for f in result.findings if f.rule == "heading.sequence"]
    assert [f.excerpt[:7] for f in sequence] == ["Điều 3."], [f.text for f in sequence]  # 2 skipped: still told


def test_a_bold_khoan_number_is_told_though_a_date_after_it_is_bold_CV01(tmp_path):
    """FR15-CV01: "1." bold over an upright sentence whose closing date is set bold for emphasis ("… trước ngày 15
    tháng 5 năm 2026.") was missed, while the same "2." was told: the words right after the number tell."""
    from tests.nd30.test_check_types import decision_blocks

    ppr = '<w:jc w:val="both"/><w:ind w:firstLine="567"/><w:spacing w:before="120"/>'
    khoan = [p(r("1.", B + SZ14), r(" Đăng ký danh mục các báo cáo, đề án sẽ trình tại kỳ họp thường lệ; gửi về Văn "
                                  "phòng ", SZ14), r("trước ngày 15 tháng 5 năm 2026.", B + SZ14), ppr=ppr),
             p(r("2.", B + SZ14), r(" Chuẩn bị các tài liệu phục vụ đại biểu tiếp xúc cử tri trước kỳ họp.", SZ14),
               ppr=ppr)]
    blocks = [header("Số: 12/QĐ-UBND")] + decision_blocks()[:7] + \
        [body("Điều 1. Giao nhiệm vụ cho các đơn vị như sau:", B + SZ14)] + khoan + decision_blocks()[-2:]
    result = check_docx(make_docx(tmp_path / "qd.docx", "".join(blocks) + sect()))
    told = [f.excerpt[:2] for f in result.findings if f.rule == "heading.style" and "bỏ in đậm" in f.text]
    assert told == ["1.", "2."], told


def test_measure_fix_sees_a_footer_line_rewrapped_by_the_new_font_QD02():
    """FR15-QD02: with Times New Roman the footer's form code "BM.03. ĐĐ.01.A2 / Ban hành ngày 03/07/2017" printed
    "… Ban / hành ngày …" ("Ban" jumped up a line), and tests/real/measure_fix.py saw no harm: after a new font any
    line was let rewrap, even one no paragraph of the text holds (a footer's, which no correction is about). Such a
    line is harm now; running text a new font rewraps is not."""
    import importlib.util
    from collections import Counter
    from pathlib import Path

    spec = importlib.util.spec_from_file_location(
        "measure_fix_fr15", Path(__file__).resolve().parents[1] / "real" / "measure_fix.py")
    mf = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mf)
    text = ({"Điều", "1", "Đánh", "số", "thiết", "bị", "kèm", "theo"}, True)  # running text, may rewrap
    before = [Counter({("BM", "3", "ĐĐ", "1", "A2"): 1, ("Ban", "hành", "ngày", "3", "7", "2017"): 1})]
    after = [Counter({("BM", "3", "ĐĐ", "1", "A2", "Ban"): 1, ("hành", "ngày", "3", "7", "2017"): 1})]
    assert mf.line_harm(before, after, [text], reflow=True)
    rewrapped = [Counter({("Điều", "1", "Đánh", "số"): 1, ("thiết", "bị", "kèm", "theo"): 1})]
    wrapped = [Counter({("Điều", "1", "Đánh", "số", "thiết"): 1, ("bị", "kèm", "theo"): 1})]
    assert not mf.line_harm(rewrapped, wrapped, [text], reflow=True)


def test_a_header_line_broken_in_two_by_new_margins_gives_them_up_QD03(tmp_path):
    """FR15-QD03 fixed: the left margin 25.4 → 30 mm broke the tabbed header's "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    into "… VIỆT" / "NAM": a line placed on its own, no correction about it, let rewrap because new margins may
    rewrap lines. The margins are given up for it; a line joined back into one is no harm."""
    from types import SimpleNamespace

    from generator.nd30.fix import pages, rewrapped_lines

    doc = read_docx(spaced_decision(tmp_path / "qd.docx")).value  # its header table: "CỘNG HÒA XÃ HỘI …", placed
    fixer = SimpleNamespace(allowed=SimpleNamespace(looks={}, edits={}), risks={"margins"})
    before = pages.Page("UBND TỈNH LÂM ĐỒNG        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n")
    broken = pages.Page("UBND TỈNH LÂM ĐỒNG        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT\nNAM\n")
    assert "xuống dòng" in (rewrapped_lines(doc, fixer, [before], [broken]) or "")
    assert not isinstance(rewrapped_lines(doc, fixer, [broken], [before]), str)


def test_measure_fix_sees_a_placed_line_broken_in_two_QD03():
    """FR15-QD03 fixed with a 30 mm left margin: the header's "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" printed "… VIỆT" /
    "NAM", which measure_fix let pass (a new text width may rewrap lines). A placed line broken in two is harm."""
    import importlib.util
    from collections import Counter
    from pathlib import Path

    spec = importlib.util.spec_from_file_location(
        "measure_fix_fr15b", Path(__file__).resolve().parents[1] / "real" / "measure_fix.py")
    mf = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mf)
    national = ("CỘNG", "HÒA", "XÃ", "HỘI", "CHỦ", "NGHĨA", "VIỆT", "NAM")
    placed = [set(national)]
    assert mf.broken_lines([Counter({national: 1})], [Counter({national[:-1]: 1, ("NAM",): 1})], placed)
    assert not mf.broken_lines([Counter({national[:-1]: 1, ("NAM",): 1})], [Counter({national: 1})], placed)
