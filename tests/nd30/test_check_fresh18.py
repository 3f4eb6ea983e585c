"""False findings and misses seen on the eighteenth fresh set (FR18-*: a Thông tư whose Quy định numbers its Điều by
Word's list numbering and types "Ð" for "Đ", a Nghị định, a Quyết định with its appendices), each on a small document
made here with contents of our own. The real files are held in tests/real/test_judged_check.py."""
from __future__ import annotations

from generator.nd30.check import check_docx
from tests.nd30.test_check_fresh13 import TNR
from tests.nd30.test_check_types import B, BODY, CENTER, I, SZ14, body, centred, header
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



def scoped_decision(path, *, heading_size: int = 14, formula_size: int = 14, formula_before: int = 120):
    """A decision whose enacting line is the formula sentence, over a Chương and a "Mục 1. TÊN MỤC" on one line at the
    left margin, its title in capitals (longer than a line)."""
    sz = f'<w:sz w:val="{2 * heading_size}"/>'
    blocks = [header("Số: 12/QĐ-UBND"), centred("QUYẾT ĐỊNH"), centred("Ban hành Quy chế quản lý tài sản công"),
              body("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;", I + SZ14),
              p(r("Ủy ban nhân dân tỉnh ban hành Quyết định ban hành Quy chế quản lý tài sản công.",
                  f'<w:sz w:val="{2 * formula_size}"/>'), ppr=BODY.replace('w:before="120"', f'w:before="{formula_before}"')),
              centred("Chương I", B + sz), centred("QUY ĐỊNH CHUNG", B + sz),
              p(r("Mục 1. QUẢN LÝ, SỬ DỤNG TÀI SẢN CÔNG TẠI CƠ QUAN NHÀ NƯỚC VÀ ĐƠN VỊ SỰ NGHIỆP CÔNG LẬP", B + sz)),
              body("Điều 1. Phạm vi điều chỉnh", B + SZ14), body("1. Quy chế này quy định việc quản lý tài sản công."),
              body("2. Quy chế này áp dụng đối với các cơ quan, đơn vị./."), tail_qd("TM. ỦY BAN NHÂN DÂN")]
    return make_docx(path, "".join(blocks) + sect(), styles=TNR)


def test_a_mục_heading_with_its_title_on_one_line_is_a_heading_ND01(tmp_path):
    """FR18-ND01: "Mục 1. THU TIỀN SỬ DỤNG ĐẤT, …" typed on one line at the left margin, longer than a line, was read
    as running text and told to be indented and justified. It is a heading: told to be centred (PL I §II.6.c)."""
    result = check_docx(scoped_decision(tmp_path / "qd.docx"))
    told = {(f.rule, f.text[:22]) for f in result.findings if f.excerpt.startswith("Mục 1.")}
    assert told == {("heading.style", "tiêu đề “Mục 1. QUẢN L")}, told
    assert any("canh giữa" in f.text for f in result.findings if f.excerpt.startswith("Mục 1."))


def test_headings_and_the_enacting_formula_below_13_pt_are_told_ND01(tmp_path):
    """FR18-ND01: the Chương and Mục headings and their titles, and the enacting line "Chính phủ ban hành Nghị định …",
    all at 12 pt, went untold: the body's size rule skips the frame's lines and the headings were only compared with
    one another. Each is told (PL I §II.6.c, §II.6.e); at 14 pt nothing is."""
    small = check_docx(scoped_decision(tmp_path / "small.docx", heading_size=12, formula_size=12))
    sized = sorted(f.excerpt[:12] for f in small.findings if f.rule == "heading.style" and "cỡ chữ 12" in f.text)
    assert sized == ["Chương I", "Mục 1. QUẢN ", "QUY ĐỊNH CHU"], sized
    assert any(f.excerpt.startswith("Ủy ban nhân dân tỉnh ban hành") for f in small.findings if f.rule == "body.size")
    right = check_docx(scoped_decision(tmp_path / "right.docx"))
    assert not [f for f in right.findings if "cỡ chữ" in f.text and f.rule in ("heading.style", "body.size")]


def appendix_in_one_paragraph(n: int) -> list[str]:
    """An appendix in a landscape section of its own: its label, title and "(Kèm theo …)" line in one paragraph,
    broken by line breaks, then its table."""
    brk = '<w:br/>'
    head = p(r(f"Phụ lục {n}", B + SZ14, brk), r(f"DANH MỤC CÔNG VIỆC SỐ {n}", B + SZ14, brk),
             r("(Kèm theo Quyết định số 12/QĐ-UBND ngày 05/3/2026 của Ủy ban nhân dân tỉnh Lâm Đồng)", I + SZ14),
             ppr='<w:jc w:val="center"/>')
    return [p(r(""), ppr=sect(landscape=True, w=16838, h=11906)), head,
            tbl(tr(tc(p(r("1", SZ14))), tc(p(r("Rà soát quy chế", SZ14)))), grid=[2000, 6000])]


def test_an_appendix_head_in_one_paragraph_is_the_appendix_QD01(tmp_path):
    """FR18-QD01: "Phụ lục 1⏎DANH MỤC …⏎(Kèm theo …)" in one paragraph was not taken for an appendix: told to be
    indented and justified as running text, and its Arabic number went untold. It is the appendix's label, title and
    "(Kèm theo …)" line."""
    blocks = [header("Số: 12/QĐ-UBND"), centred("QUYẾT ĐỊNH"), centred("Về việc ban hành danh mục công việc"),
              centred("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"),
              body("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;", I + SZ14), centred("QUYẾT ĐỊNH:"),
              body("Điều 1. Ban hành kèm theo Quyết định này các danh mục công việc./.", B + SZ14),
              tail_qd("TM. ỦY BAN NHÂN DÂN")] + appendix_in_one_paragraph(1) + appendix_in_one_paragraph(2)
    result = check_docx(make_docx(tmp_path / "qd.docx", "".join(blocks) + sect(landscape=True, w=16838, h=11906),
                                  styles=TNR))
    heads = [f for f in result.findings if f.excerpt.startswith("Phụ lục")]
    assert not [f for f in heads if f.rule.startswith("body.")], heads
    assert sum("đánh số La Mã" in f.text for f in heads if f.rule == "appendix.label") == 2
    assert not any(f.rule == "appendix.attached" and "thiếu dòng" in f.text for f in result.findings)


def test_a_number_printed_on_the_only_page_is_told_CV01():
    """FR18-CV01: a one-page công văn prints "1" at the foot (a PAGE field in the default footer): nothing was said, as
    no number is asked of one page. Page 1 shows no number (PL I §I.7): told; without the field nothing is."""
    from generator.nd30.check import pagenum
    from generator.nd30.check.base import Checker
    from generator.word.model import Document, Paragraph, Run, Section
    from tests.nd30.test_check_behaviour import A4, page_para

    def told(**sec) -> list[str]:
        lines = [Paragraph(index=k, runs=[Run(f"Dòng nội dung thứ {k} của công văn.")]) for k in range(10)]
        ck = Checker(Document(blocks=lines, sections=[Section(0, **A4, **sec)]))
        assert pagenum.one_page(ck)
        pagenum.check_page_numbers(ck, [])
        return [f.rule for f in ck.findings]

    assert told(title_page=False, footers={"default": [page_para(1)]}) == ["pagenum.first"]
    assert told(title_page=True, footers={"default": [page_para(1)]}) == []  # page 1 shows the first-page footer
    assert told(title_page=False) == []


def test_a_file_sent_with_a_letter_without_its_label_is_an_appendix_PL01(tmp_path):
    """FR18-PL01: a guide kept as its own file ("CỤC … / BẢNG HƯỚNG DẪN ĐÁNH GIÁ / Theo Thông tư … / (Kèm theo Công văn
    số … của Cục …, thay thế …)"), no "Phụ lục" line, was refused as not ND30. It is an appendix of the công văn, its
    label told missing; its subtitle is no title and its two-line "(Kèm theo …)" line is closed. A text "ban hành kèm
    theo" another (a Quy định) is not taken for an appendix."""
    def made(attached: str, name: str) -> object:
        sz = '<w:sz w:val="26"/>'
        blocks = [p(r("CỤC QUẢN LÝ CHẤT LƯỢNG", B + sz)), centred("BẢNG HƯỚNG DẪN ĐÁNH GIÁ"),
                  p(r("Theo Thông tư số 12/2017/TT-BGDĐT ngày 19/5/2017 của Bộ trưởng Bộ Giáo dục và Đào tạo ban hành "
                      "Quy định về", B + I + sz), ppr=CENTER),
                  p(r("kiểm định chất lượng cơ sở giáo dục đại học", B + I + sz), ppr=CENTER),
                  p(r(attached, I + SZ14), ppr=CENTER),
                  p(r("thay thế Bảng hướng dẫn đánh giá ban hành kèm theo Công văn số 768/QLCL-KĐCLGD ngày 20/4/2018 của "
                      "Cục Quản lý chất lượng)", I + SZ14), ppr=CENTER),
                  tbl(tr(tc(p(r("Tiêu chuẩn 1"))), tc(p(r("Tầm nhìn, sứ mạng và văn hóa")))), grid=[2000, 6000])]
        return check_docx(make_docx(tmp_path / name, "".join(blocks) + sect(landscape=True, w=16838, h=11906),
                                    styles=TNR))

    result = made("(Kèm theo Công văn số 1668/QLCL-KĐCLGD ngày 31/12/2019 của Cục Quản lý chất lượng,", "pl.docx")
    assert result.identified.governed and result.identified.how == "phụ lục"
    told = [(f.rule, f.text[:22]) for f in result.findings if f.rule.startswith("appendix.")]
    # no rule is drawn under its "(Kèm theo …)" line here: that is told too
    assert told == [("appendix.label", "thiếu dòng “Phụ lục” t"), ("appendix.attached", "thiếu đường kẻ ngang, ")], told
    issued = made("(Ban hành kèm theo Quyết định số 12/QĐ-BGDĐT ngày 31/12/2019 của Bộ trưởng,", "qd.docx")
    assert not issued.identified.governed


def test_the_enacting_formula_spaced_as_the_text_is_TT01(tmp_path):
    """FR18-TT01: the enacting line "Bộ trưởng … ban hành Thông tư …" under the căn cứ had 0 pt before and after, like
    them: the căn cứ were told, the line was not (a line of the frame). Told; at 6 pt before nothing is."""
    tight = check_docx(scoped_decision(tmp_path / "tight.docx", formula_before=0))
    assert any(f.excerpt.startswith("Ủy ban nhân dân tỉnh ban hành") for f in tight.findings if f.rule == "body.spacing")
    spaced = check_docx(scoped_decision(tmp_path / "spaced.docx"))
    assert not any(f.excerpt.startswith("Ủy ban nhân dân tỉnh ban hành") for f in spaced.findings)


def test_the_authority_line_below_13_pt_is_told_QD01(tmp_path):
    """FR18-QD01: the authority line "BỘ TRƯỞNG BỘ Y TẾ" over the căn cứ, 10 pt like them, went untold (a line of the
    frame, skipped by the body's size rule): told; at 14 pt nothing is."""
    def told(size: int) -> list[str]:
        blocks = [header("Số: 12/QĐ-UBND"), centred("QUYẾT ĐỊNH"), centred("Về việc thành lập Tổ công tác"),
                  centred("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", B + f'<w:sz w:val="{2 * size}"/>'),
                  body("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;", I + SZ14),
                  centred("QUYẾT ĐỊNH:"), body("Điều 1. Quyết định này có hiệu lực kể từ ngày ký./.", B + SZ14),
                  tail_qd("TM. ỦY BAN NHÂN DÂN")]
        result = check_docx(make_docx(tmp_path / f"qd{size}.docx", "".join(blocks) + sect(), styles=TNR))
        return [f.excerpt[:8] for f in result.findings if f.rule == "body.size"]

    assert told(10) == ["CHỦ TỊCH"]
    assert told(14) == []
