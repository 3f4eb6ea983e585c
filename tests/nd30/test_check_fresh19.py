"""Faults of the checker seen on the nineteenth fresh set (FR19-DA01, a college's Đề án; FR19-QC02, a ministry's Quy
chế), each on a small document made here with contents of our own. The real files are held in
tests/real/test_judged_check.py."""
from __future__ import annotations

from generator.nd30.check import check_docx
from tests.nd30.test_check_types import B, I, SZ14, body, centred, header, tail
from tests.word.docx_factory import make_docx, p, r, sect, tbl, tc, tr

SZ12 = '<w:sz w:val="24"/>'
TNR = '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/>' + SZ14


def approved_tail() -> str:
    """The approver's block ("HIỆU TRƯỞNG / Phê duyệt …") left of the signer's in the first row, the Nơi nhận under
    them in the second (FR19-DA01, page 13); the "Lưu" line at 12 pt."""
    approver = tc(centred("HIỆU TRƯỞNG") + centred("Phê duyệt kế hoạch") + centred("(Đã ký)") + p("")
                  + centred("Trần Văn Bình"), width=4600)
    signer = tc(centred("TRƯỞNG PHÒNG ĐÀO TẠO") + centred("(Đã ký)") + p("") + centred("Nguyễn Văn An"), width=4600)
    recipients = tc(p(r("Nơi nhận:", B + I + SZ12)) + p(r("- Ban Giám hiệu;", '<w:sz w:val="22"/>'))
                    + p(r("- Lưu: VT, ĐT.", SZ12)), width=4600)
    return tbl(tr(approver, signer), tr(recipients, tc(p(""), width=4600)), grid=[4600, 4600], style=None)


def test_an_approvers_block_above_the_recipients_is_not_a_recipient_FR19(tmp_path):
    """FR19-DA01: the rector's "HIỆU TRƯỞNG / Phê duyệt đề án / (Đã ký) / Hồ Văn Thành" left of the drafters' signature,
    the Nơi nhận in the row under both, was read as the Nơi nhận list: 16 findings (no dash, bold, centred, 14 pt) on a
    signature. A row above the one holding "Nơi nhận:" is signatures; the list under the label is still judged."""
    blocks = [header("Số: 12/KH-CĐSP"), centred("KẾ HOẠCH"), centred("Tuyển sinh năm 2026"),
              body("Nhà trường xây dựng kế hoạch tuyển sinh năm 2026 như sau."),
              body("Phòng Đào tạo chủ trì thực hiện kế hoạch này./."), approved_tail()]
    result = check_docx(make_docx(tmp_path / "kh.docx", "".join(blocks) + sect()))
    told = sorted({(f.rule, f.excerpt) for f in result.findings if f.rule.startswith("recipients.")})
    assert not [x for x in told if not x[1].startswith("- ")], told
    assert ("recipients.size", "- Lưu: VT, ĐT.") in told  # 12 pt: still told
    assert ("recipients.size", "- Ban Giám hiệu;") not in told  # 11 pt, as ND30 wants


def plan(path, *, appendix: list[str] = (), last: str = "") -> object:
    """A short Kế hoạch signed with the tail of tests/nd30/test_check_types, then `appendix` on a page of its own;
    `last`: a run added to the end of the body's last paragraph."""
    closing = p(r("Phòng Đào tạo chủ trì thực hiện kế hoạch này", TNR), last or r("./.", TNR),
                ppr='<w:jc w:val="both"/><w:ind w:firstLine="567"/><w:spacing w:before="120" w:after="0"/>')
    blocks = [header("Số: 12/KH-CĐSP"), centred("KẾ HOẠCH"), centred("Tuyển sinh năm 2026"),
              body("Nhà trường xây dựng kế hoạch tuyển sinh năm 2026 như sau."), closing, tail("KT. HIỆU TRƯỞNG")]
    if appendix:
        blocks += [p(r("Hết phần trước.", SZ14), ppr=sect())] + list(appendix)
    return make_docx(path, "".join(blocks) + sect())


def labels(result) -> list[tuple[str, str]]:
    return [(f.level, f.text) for f in result.findings if f.rule == "appendix.label"]


def test_a_second_appendix_alone_in_the_file_keeps_its_number_in_roman_numerals_FR19(tmp_path):
    """FR19-DA01: "Phụ lục 2" the only label after the signature ("Phụ lục 1" is a heading of the body, a form follows)
    was told to drop its number ("chỉ có một phụ lục thì viết “Phụ lục”"): a label numbered 2 is not the only one. Its
    fault is the Arabic numeral: PL I §III.1.a numbers two or more in Roman numerals, “Phụ lục II”."""
    appendix = [centred("Phụ lục 2"), centred("DANH SÁCH NGÀNH TUYỂN SINH"),
                centred("(Kèm theo Kế hoạch số 12/KH-CĐSP ngày 05 tháng 3 năm 2026 của Trường)", I + SZ14),
                body("Ngành Giáo dục Mầm non.")]
    assert labels(check_docx(plan(tmp_path / "two.docx", appendix=appendix))) == [
        ("error", "nhãn phụ lục: có từ hai phụ lục trở lên thì đánh số La Mã: “Phụ lục II”")]
    appendix[0] = centred("Phụ lục 1")  # the first, alone: one appendix, its number dropped (as before)
    assert labels(check_docx(plan(tmp_path / "one.docx", appendix=appendix))) == [
        ("warning", "nhãn phụ lục: chỉ có một phụ lục thì viết “Phụ lục” (không đánh số)")]


ARIAL = '<w:rFonts w:ascii="Arial" w:hAnsi="Arial"/>' + SZ14


def fonts(result) -> list[str]:
    """The font findings naming Arial (the factory's default font is its own matter)."""
    return [f.text for f in result.findings if f.rule == "font.family" and "Arial" in f.text]


def test_a_full_stop_in_another_font_is_not_the_paragraph_in_that_font_FR19(tmp_path):
    """FR19-DA01: a paragraph's final full stop alone in Arial, its words in Times New Roman (a serif line on the page),
    was told as the paragraph in Arial. Weighed by what prints, a run of punctuation beside the paragraph's words is not
    its font; a word in Arial still is."""
    assert fonts(check_docx(plan(tmp_path / "dot.docx", last=r("./.", ARIAL)))) == []
    told = fonts(check_docx(plan(tmp_path / "word.docx", last=r(" ngay./.", ARIAL))))
    assert len(told) == 1 and told[0].startswith("phông chữ “Arial”"), told


def spaced(text: str, rpr: str = SZ14) -> str:
    """A line of the body set in with typed spaces, no space before or after it (a formula's line)."""
    return p(r(text, rpr), ppr='<w:jc w:val="both"/><w:ind w:firstLine="567"/>')


def test_a_formula_built_of_small_paragraphs_is_not_running_text_FR19(tmp_path):
    """FR19-QC02: R = Σ rᵢ.nᵢ / Σ nᵢ in Điều 13, seven small paragraphs ("N", "Σ rᵢ . nᵢ", "i = 1", "R =" …) set in
    with spaces, 0 pt between them, two at 12 pt: told as running text (body.size 3, body.spacing 7). A short line
    of a formula (no word of three letters, a sign or a lone letter) is not; a short line of words still is."""
    formula = [spaced("                N", SZ12), spaced("                \u2211 ri . ni"),
               spaced("              i = 1"), spaced("      R  =   ", SZ12), spaced("                N", SZ12),
               spaced("                \u2211 ni"), spaced("              i = 1")]
    blocks = [header("Số: 12/KH-CĐSP"), centred("KẾ HOẠCH"), centred("Tuyển sinh năm 2026"),
              body("Điểm xét tuyển được tính theo công thức sau:")] + formula + [
              body("Trong đó R là điểm xét tuyển."), spaced("      Ghi chú thêm", SZ12),
              body("Phòng Đào tạo chủ trì thực hiện kế hoạch này./."), tail("KT. HIỆU TRƯỞNG")]
    result = check_docx(make_docx(tmp_path / "kh.docx", "".join(blocks) + sect()))
    told = sorted({(f.rule, f.excerpt) for f in result.findings if f.rule in ("body.size", "body.spacing")})
    assert told == [("body.size", "Ghi chú thêm"), ("body.spacing", "Ghi chú thêm")], told


def test_an_appendix_title_in_lower_case_is_told_without_its_attached_line_FR19(tmp_path):
    """FR19-DA01: "Phụ lục 2 / Dự thảo Quy chế tuyển sinh riêng của Trường" (bold lower case) and no "(Kèm theo …)" line
    under it: the missing line was told, the title was not (it was looked at only above a "(Kèm theo …)" line)."""
    def titles(first: str) -> list[str]:
        appendix = [centred("Phụ lục"), centred(first), body("Ngành Giáo dục Mầm non.")]
        result = check_docx(plan(tmp_path / "pl.docx", appendix=appendix))
        return [f.excerpt for f in result.findings if f.rule == "appendix.title"]

    assert titles("Danh sách ngành tuyển sinh") == ["Danh sách ngành tuyển sinh"]
    assert titles("DANH SÁCH NGÀNH TUYỂN SINH") == []
