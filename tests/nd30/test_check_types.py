"""`check` by the document's type: a decision's frame (type line, trích yếu, authority line, "QUYẾT ĐỊNH:")
is never body text and its khoản restart in each Điều; a letter's "V/v" and "Kính gửi" are not body; a
document ND30 does not govern gets no findings and one sentence, and `--fix` writes nothing for it.
The documents are made here (tests/word/docx_factory.py), with contents of our own."""
from __future__ import annotations

import json
import subprocess
import sys

from generator.nd30.check import check_docx
from tests.word.docx_factory import make_docx, p, r, sect, tbl, tc, tr

B = "<w:b/>"
I = "<w:i/>"
SZ14 = '<w:sz w:val="28"/>'
CENTER = '<w:jc w:val="center"/>'
BODY = '<w:jc w:val="both"/><w:ind w:firstLine="567"/><w:spacing w:before="120" w:after="0"/>'


def centred(text: str, rpr: str = B + SZ14) -> str:
    return p(r(text, rpr), ppr=CENTER)


def body(text: str, rpr: str = SZ14) -> str:
    return p(r(text, rpr), ppr=BODY)


def header(number: str) -> str:
    left = tc(centred("ỦY BAN NHÂN DÂN", B + '<w:sz w:val="26"/>') + centred("TỈNH LÂM ĐỒNG", B + '<w:sz w:val="26"/>')
              + centred(number, '<w:sz w:val="26"/>'), width=3600)
    right = tc(centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", B + '<w:sz w:val="26"/>')
               + centred("Độc lập - Tự do - Hạnh phúc", B + SZ14)
               + centred("Lâm Đồng, ngày 05 tháng 3 năm 2026", I + SZ14), width=5700)
    return tbl(tr(left, right), grid=[3600, 5700], style=None)


def tail(authority: str) -> str:
    left = tc(p(r("Nơi nhận:", B + I + '<w:sz w:val="24"/>')) + p(r("- Như Điều 3;", '<w:sz w:val="22"/>'))
              + p(r("- Lưu: VT, NC.", '<w:sz w:val="22"/>')), width=4600)
    right = tc(centred(authority) + centred("CHỦ TỊCH") + centred("Nguyễn Văn An"), width=4600)
    return tbl(tr(left, right), grid=[4600, 4600], style=None)


def decision_blocks() -> list[str]:
    """A short clean decision after its header, to its signature."""
    return [centred("QUYẾT ĐỊNH"), centred("Về việc thành lập Tổ công tác"), p(""),
            centred("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"),
            body("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;", I + SZ14),
            body("Theo đề nghị của Giám đốc Sở Nội vụ.", I + SZ14), centred("QUYẾT ĐỊNH:"),
            body("Điều 1. Thành lập Tổ công tác theo danh sách kèm theo.", SZ14),
            body("Điều 2. Quyết định này có hiệu lực kể từ ngày ký./."), tail("TM. ỦY BAN NHÂN DÂN")]


def decision(path, khoan_of_dieu2=("1.", "2.", "4."), points=("a)", "b)", "d)"), khoan_of_dieu3=("1.", "1."),
             enacting=True):
    blocks = [header("Số: 12/QĐ-UBND"), centred("QUYẾT ĐỊNH"), centred("Về việc thành lập Hội đồng thử nghiệm"),
              centred("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"),
              body("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;", I + SZ14),
              body("Theo đề nghị của Giám đốc Sở Nội vụ.", I + SZ14)] + ([centred("QUYẾT ĐỊNH:")] if enacting else []) + [
              body("Điều 1. Thành lập Hội đồng thử nghiệm gồm các thành viên sau:", B + SZ14),
              body("1. Chủ tịch Hội đồng: Chủ tịch Ủy ban nhân dân tỉnh."), body("2. Các thành viên khác."),
              body("Điều 2. Nhiệm vụ của Hội đồng", B + SZ14)]
    blocks += [body(f"{k} Nhiệm vụ thứ {k}") for k in khoan_of_dieu2[:1]]
    blocks += [body(f"{x} Việc thứ {x}") for x in points]
    blocks += [body(f"{k} Nhiệm vụ thứ {k}") for k in khoan_of_dieu2[1:]]
    blocks += [body("Điều 3. Tổ chức thực hiện", B + SZ14)]
    blocks += [body(f"{k} Cơ quan thực hiện thứ {n}.") for n, k in enumerate(khoan_of_dieu3)]
    blocks += [body("Quyết định này có hiệu lực kể từ ngày ký./."), tail("TM. ỦY BAN NHÂN DÂN")]
    return make_docx(path, "".join(blocks) + sect())


def findings_at(result, text: str) -> set[str]:
    return {f.rule for f in result.findings if f.excerpt.startswith(text)}


def test_a_decision_is_judged_as_a_decision(tmp_path):
    result = check_docx(decision(tmp_path / "qd.docx"))
    assert result.identified.type.words == "Quyết định"
    rules = {f.rule for f in result.findings}
    assert "doctype.missing" not in rules and "number.form" not in rules, [(f.rule, f.text) for f in result.findings]
    # the frame of a decision is never a body paragraph
    for line in ("QUYẾT ĐỊNH", "Về việc thành lập", "CHỦ TỊCH ỦY BAN", "QUYẾT ĐỊNH:"):
        assert not {r for r in findings_at(result, line) if r.startswith("body.")}, line
    # the căn cứ block (to "Theo đề nghị …") is italic by ND30
    assert "body.italic" not in rules


def test_the_authority_line_right_under_the_trich_yeu_is_not_part_of_it(tmp_path):
    """FR4-QD01: "GIÁM ĐỐC SỞ …", the decision's thẩm quyền line in capitals, follows the trích yếu with no blank
    line between; it was read as the trích yếu's last line and told to be in lower case."""
    from generator.nd30.zones import locate
    from generator.word import read_docx

    path = decision(tmp_path / "qd.docx")
    assert not {r for r in findings_at(check_docx(path), "CHỦ TỊCH ỦY BAN") if r.startswith("title.")}
    doc = read_docx(path).value
    zones = locate(doc, "QUYẾT ĐỊNH")
    paras = list(doc.paragraphs())
    assert [paras[i].text for i in zones.title] == ["Về việc thành lập Hội đồng thử nghiệm"]


def test_a_permit_names_its_subject_on_its_type_line(tmp_path):
    """FR4-GP01: a Giấy phép ("…/GP-UBND", type line "GIẤY PHÉP SỬ DỤNG …") was taken for a công văn and asked for
    a "V/v …" line; its type line is the one line of its kind, held to the type line's size."""
    blocks = [header("Số: 05/GP-UBND"), centred("GIẤY PHÉP SỬ DỤNG HÓA CHẤT", B + '<w:sz w:val="30"/>'),
              centred("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"),
              body("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;", I + SZ14),
              body("Theo đề nghị của Giám đốc Sở Công Thương.", I + SZ14),
              body("Điều 1. Cho phép Công ty thử nghiệm được sử dụng hóa chất.", SZ14),
              body("Điều 2. Giấy phép có hiệu lực kể từ ngày ký./."), tail("KT. CHỦ TỊCH")]
    result = check_docx(make_docx(tmp_path / "gp.docx", "".join(blocks) + sect()))
    assert result.identified.type.words == "Giấy phép"
    rules = {f.rule for f in result.findings}
    assert not rules & {"title.missing", "doctype.missing", "doctype.style", "title.style"}, rules
    # 15 pt for a 13–14 type line; the line under it is looked for as under a trích yếu (none drawn here)
    assert findings_at(result, "GIẤY PHÉP SỬ DỤNG") == {"doctype.size", "title.rule"}
    assert not findings_at(result, "CHỦ TỊCH ỦY BAN")


def test_an_appendix_without_its_label_is_told_so_and_its_table_is_not_the_signature(tmp_path):
    """FR4-KH01: an attached task table under a title in capitals and "(Kèm theo Kế hoạch số …)", with no
    "Phụ lục" line: the missing line was not reported, and a name in the table's last row was taken for the signer
    (and --fix made it bold)."""
    team = tbl(tr(tc(p(r("Nhiệm vụ", SZ14))), tc(p(r("Người thực hiện", SZ14)))),
               tr(tc(p(r("Tổ chức kiểm tra", SZ14))), tc(centred("Trần Thị Bình", SZ14))), grid=[4600, 4600])
    blocks = [header("Số: 12/QĐ-UBND")] + decision_blocks() + [
        p(r("", SZ14), ppr='<w:pageBreakBefore/>'), centred("PHÂN CÔNG NHIỆM VỤ CỦA TỔ CÔNG TÁC"),
        centred("(Kèm theo Quyết định số 12/QĐ-UBND ngày 05/3/2026 của Ủy ban nhân dân tỉnh)", I + SZ14), team]
    result = check_docx(make_docx(tmp_path / "qd.docx", "".join(blocks) + sect()))
    label = [f for f in result.findings if f.rule == "appendix.label"]
    assert len(label) == 1 and "thiếu dòng “Phụ lục”" in label[0].text
    assert label[0].excerpt.startswith("PHÂN CÔNG NHIỆM VỤ")
    assert not [f for f in result.findings if f.excerpt.startswith("Trần Thị Bình")]


TAB = r("", extra="<w:tab/>")


def tabbed(*pieces: str, rpr: str = SZ14) -> str:
    """A paragraph of pieces separated by tabs, as a header or a signature typed without a table."""
    runs = []
    for k, piece in enumerate(pieces):
        runs += ([TAB] if k else []) + ([r(piece, rpr)] if piece else [])
    return p(*runs)


def test_blank_forms_attached_after_the_signature_are_not_the_tail(tmp_path):
    """FR5-CV03: two blank forms after the signature, one under a header typed with tabs ("TRƯỜNG …\tCỘNG HÒA …"),
    one under a form title in capitals with dotted blanks: their lines were read as Nơi nhận items and as the
    signer (56 false recipients.* and signer.* findings)."""
    dots = "." * 40
    blocks = [header("Số: 12/QĐ-UBND")] + decision_blocks() + [
        p(r("", SZ14), ppr='<w:pageBreakBefore/>'),
        tabbed("TRƯỜNG CAO ĐẲNG LÂM ĐỒNG", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", rpr=B + SZ14),
        tabbed("(Tên đơn vị, in đậm)", "Độc lập - Tự do - Hạnh phúc", rpr=B + SZ14),
        centred("GIẤY ĐĂNG KÝ BÁO CÁO"), p(r("Kính gửi: KHOA…", SZ14)),
        p(r("Tôi tên:" + dots, SZ14)), p(r("Chuyên ngành:" + dots, SZ14)),
        centred("Người hướng dẫn"),
        p(r("", SZ14), ppr='<w:pageBreakBefore/>'),
        centred("PHIẾU ĐĂNG KÝ THAM GIA"), p(r("Họ và tên:" + dots, SZ14)), p(r("Đơn vị:" + dots, SZ14)),
        p(r("Ghi chú: nộp trước ngày 15.", SZ14))]
    result = check_docx(make_docx(tmp_path / "qd.docx", "".join(blocks) + sect()))
    tail_rules = [(f.rule, f.excerpt) for f in result.findings if f.rule.startswith(("recipients.", "signer."))]
    assert not tail_rules, tail_rules


def test_a_blank_form_under_its_title_alone_ends_the_tail(tmp_path):
    """A form with no header of its own: a title in capitals ("PHIẾU …") over lines of dotted blanks."""
    dots = "…" * 20
    blocks = [header("Số: 12/QĐ-UBND")] + decision_blocks() + [
        p(r("", SZ14), ppr='<w:pageBreakBefore/>'), centred("PHIẾU ĐĂNG KÝ THAM GIA"),
        p(r("Họ và tên:" + dots, SZ14)), p(r("Đơn vị:" + dots, SZ14)), p(r("Ghi chú: nộp trước ngày 15.", SZ14))]
    result = check_docx(make_docx(tmp_path / "qd.docx", "".join(blocks) + sect()))
    tail_rules = [(f.rule, f.excerpt) for f in result.findings if f.rule.startswith(("recipients.", "signer."))]
    assert not tail_rules, tail_rules


def tabbed_decision(tail: list[str]) -> str:
    blocks = [header("Số: 12/QĐ-UBND")] + decision_blocks()[:-1] + tail
    return "".join(blocks) + sect()


def test_a_signature_typed_with_tabs_and_spaces_outside_a_table_is_the_signature(tmp_path):
    """FR5-QD01/CV03/TB01: the signer's title pushed right with tabs above "Nơi nhận:", the name pushed right with
    spaces under the Lưu line: the title was told to indent, justify and close with "./.", the name was read as a
    recipient after "- Lưu", and the signer was "missing"."""
    far = '<w:tabs><w:tab w:val="center" w:pos="6800"/></w:tabs>'
    tail = [tabbed("", "", "", "", "", "", "", "TM. ỦY BAN NHÂN DÂN", rpr=B + SZ14),
            p(TAB, r("CHỦ TỊCH", B + SZ14), ppr=far),
            p(r("Nơi nhận:", B + I + '<w:sz w:val="24"/>')), p(r("- Như Điều 3;", '<w:sz w:val="22"/>')),
            p(r("- Lưu: VT, NC.", '<w:sz w:val="22"/>')), p(""),
            p(r(" " * 80 + "Nguyễn Văn An", B + SZ14))]
    result = check_docx(make_docx(tmp_path / "qd.docx", tabbed_decision(tail)))
    wrong = [(f.rule, f.excerpt) for f in result.findings
             if f.rule.startswith(("body.", "closing.", "recipients.", "signer."))]
    assert not wrong, wrong


def test_a_tabbed_tail_is_two_columns(tmp_path):
    """A tail typed with tabs: "Nơi nhận:\tGIÁM ĐỐC" is the label on the left and the title on the right, and the
    name "\tNguyễn Văn An" at a centre stop on the right is the signer's name, not a recipient after "- Lưu"."""
    far = '<w:tabs><w:tab w:val="center" w:pos="6800"/></w:tabs>'
    tail = [p(r("Nơi nhận:", B + I + '<w:sz w:val="24"/>'), TAB, r("GIÁM ĐỐC", B + SZ14), ppr=far),
            p(r("- Như Điều 3;", '<w:sz w:val="22"/>'), ppr=far), p(r("- Lưu: VT, NC.", '<w:sz w:val="22"/>'), ppr=far),
            p(""), p(TAB, r("Nguyễn Văn An", B + SZ14), ppr=far)]
    result = check_docx(make_docx(tmp_path / "qd.docx", tabbed_decision(tail)))
    wrong = [(f.rule, f.excerpt) for f in result.findings if f.rule.startswith(("recipients.", "signer."))]
    assert not wrong, wrong


def test_a_signature_placed_with_tabs_at_the_end_without_recipients_is_not_body(tmp_path):
    """FR5-QD02 (a legal-database copy with no Nơi nhận): "TM. …", "KT. CHỦ TỊCH" and the name after tabs were
    told to justify, to take 6 pt and to close with "./."."""
    tail = [tabbed("", "", "", "", "TM. ỦY BAN NHÂN DÂN", rpr=B + SZ14), tabbed("", "", "", "", "KT. CHỦ TỊCH", rpr=B + SZ14),
            tabbed("", "", "", "", "PHÓ CHỦ TỊCH", rpr=B + SZ14), p(""), tabbed("", "", "", "", "Lê Văn Bình", rpr=B + SZ14)]
    result = check_docx(make_docx(tmp_path / "qd.docx", tabbed_decision(tail)))
    wrong = [(f.rule, f.excerpt) for f in result.findings if f.rule.startswith(("body.", "closing.", "signer."))]
    assert not wrong, wrong
    assert {f.rule for f in result.findings} & {"recipients.missing"}


def test_a_name_after_the_copy_mark_signed_is_the_signer_name(tmp_path):
    """FR5-CV03: "(đã ký) Mai Văn Nam" beside "- Như trên;" was "thiếu họ tên người ký", then the name "at two
    sizes" (the copy's mark is smaller and italic: not the name's look)."""
    tail = [p(r("Nơi nhận:", B + I + '<w:sz w:val="24"/>'), TAB, r("TM. ỦY BAN NHÂN DÂN", B + SZ14),
              ppr='<w:tabs><w:tab w:val="center" w:pos="6800"/></w:tabs>'),
            p(r("- Như Điều 3;", '<w:sz w:val="22"/>'), TAB, r("CHỦ TỊCH", B + SZ14),
              ppr='<w:tabs><w:tab w:val="center" w:pos="6800"/></w:tabs>'),
            p(r("- Lưu: VT, NC.", '<w:sz w:val="22"/>'), TAB, r("(đã ký) ", I + '<w:sz w:val="24"/>'),
              r("Nguyễn Văn An", B + SZ14),
              ppr='<w:tabs><w:tab w:val="center" w:pos="6800"/></w:tabs>')]
    result = check_docx(make_docx(tmp_path / "qd.docx", tabbed_decision(tail)))
    wrong = [(f.rule, f.excerpt) for f in result.findings if f.rule.startswith(("recipients.", "signer."))]
    assert not wrong, wrong


def test_a_recipient_wrapped_onto_a_line_in_lower_case_is_one_recipient(tmp_path):
    """FR5-HD01: "- Các cơ quan, đơn vị, địa phương thuộc" and, on the next line without a dash or an indent, "khối
    thi đua của tỉnh;": the first half was told to end with ";", the second to open with "-"."""
    small = '<w:sz w:val="22"/>'
    left = tc(p(r("Nơi nhận:", B + I + '<w:sz w:val="24"/>')) + p(r("- Như Điều 3;", small))
              + p(r("- Các cơ quan, đơn vị, địa phương thuộc ", small)) + p(r("khối thi đua của tỉnh;", small))
              + p(r("- Lưu: VT, NC.", small)), width=4600)
    right = tc(centred("TM. ỦY BAN NHÂN DÂN") + centred("CHỦ TỊCH") + centred("Nguyễn Văn An"), width=4600)
    result = check_docx(make_docx(tmp_path / "qd.docx", tabbed_decision([tbl(tr(left, right), grid=[4600, 4600],
                                                                                 style=None)])))
    wrong = [(f.rule, f.excerpt) for f in result.findings if f.rule.startswith("recipients.")]
    assert not wrong, wrong


def test_the_last_line_of_the_bases_ends_with_a_full_stop(tmp_path):
    """FR4-QD01: "Theo đề nghị của Tổ trưởng …," closed the căn cứ block with a comma; Mẫu 1.2 ends it with "."."""
    def bases_end(last: str) -> list[str]:
        blocks = [header("Số: 12/QĐ-UBND")] + [b.replace("Theo đề nghị của Giám đốc Sở Nội vụ.", last)
                                               for b in decision_blocks()]
        result = check_docx(make_docx(tmp_path / "qd.docx", "".join(blocks) + sect()))
        return [f.text for f in result.findings if f.rule == "body.bases"]

    assert bases_end("Theo đề nghị của Giám đốc Sở Nội vụ.") == []
    found = bases_end("Theo đề nghị của Giám đốc Sở Nội vụ,")
    assert len(found) == 1 and "dấu chấm “.”" in found[0]


def test_a_trich_yeu_with_no_alignment_set_is_not_centred(tmp_path):
    """FR4-BC01: a trích yếu whose paragraph and styles set no alignment prints at the left margin; it was not
    reported because only an alignment written somewhere was compared."""
    def title_findings(trich_yeu: str) -> list[str]:
        blocks = [header("Số: 12/QĐ-UBND")] + [trich_yeu if "Về việc thành lập" in b else b for b in decision_blocks()]
        result = check_docx(make_docx(tmp_path / "qd.docx", "".join(blocks) + sect()))
        return [f.text for f in result.findings if f.rule == "title.style"]

    assert title_findings(centred("Về việc thành lập Tổ công tác")) == []
    assert title_findings(p(r("Về việc thành lập Tổ công tác", B + SZ14))) == ["Trích yếu phải canh giữa"]


def test_a_decision_opens_its_articles_with_the_enacting_line(tmp_path):
    assert "enacting.line" not in {f.rule for f in check_docx(decision(tmp_path / "qd.docx")).findings}
    missing = [f for f in check_docx(decision(tmp_path / "no.docx", enacting=False)).findings
               if f.rule == "enacting.line"]
    assert len(missing) == 1 and "QUYẾT ĐỊNH:" in missing[0].text and missing[0].excerpt.startswith("Điều 1.")


def test_khoan_restart_in_each_dieu_and_skips_and_repeats_stay_findings(tmp_path):
    result = check_docx(decision(tmp_path / "qd.docx"))
    sequence = [(f.excerpt, f.text) for f in result.findings if f.rule == "heading.sequence"]
    # Điều 2 and Điều 3 start again at "1.": no finding there; "4." after "2.", "d)" after "b)" and a second
    # "1." in Điều 3 are faults
    assert [e.split(" ")[0] for e, _ in sequence] == ["d)", "4.", "1."], sequence
    assert "bị bỏ qua" in sequence[0][1] and "bị bỏ qua" in sequence[1][1] and "lặp lại" in sequence[2][1]


def test_a_clean_decision_has_no_numbering_finding(tmp_path):
    result = check_docx(decision(tmp_path / "qd.docx", ("1.", "2.", "3."), ("a)", "b)", "c)"), ("1.", "2.")))
    assert not [f for f in result.findings if f.rule == "heading.sequence"]


def test_articles_run_through_the_text(tmp_path):
    path = decision(tmp_path / "qd.docx", ("1.", "2.", "3."), ("a)", "b)", "c)"), ("1.", "2."))
    from tests.word.test_check import Doc, set_text

    doc = Doc(path)
    set_text(doc.para("Điều 3."), "Điều 3.", "Điều 4.")
    sequence = [f.text for f in check_docx(doc.save(tmp_path / "skip.docx")).findings if f.rule == "heading.sequence"]
    assert sequence == ["“Điều 4” bị bỏ qua số thứ tự: theo thứ tự phải là “Điều 3”"]


def test_a_new_khoan_restarts_its_points(tmp_path):
    blocks = [header("Số: 12/KH-UBND"), centred("KẾ HOẠCH"), centred("Thử nghiệm"), body("I. MỤC ĐÍCH", B + SZ14),
              body("1. Khoản một"), body("a) Điểm a"), body("b) Điểm b"), body("2. Khoản hai"), body("a) Điểm a"),
              body("c) Điểm c"), body("Kết thúc./."), tail("TM. ỦY BAN NHÂN DÂN")]
    result = check_docx(make_docx(tmp_path / "kh.docx", "".join(blocks) + sect()))
    assert [f.excerpt.split(" ")[0] for f in result.findings if f.rule == "heading.sequence"] == ["c)"]


def test_a_letter_has_its_subject_and_kinh_gui_outside_the_body(tmp_path):
    left = tc(centred("ỦY BAN NHÂN DÂN", B + '<w:sz w:val="26"/>') + centred("TỈNH LÂM ĐỒNG", B + '<w:sz w:val="26"/>')
              + centred("Số: 120/UBND-NC", '<w:sz w:val="26"/>') + centred("V/v góp ý dự thảo điều lệ", '<w:sz w:val="24"/>'),
              width=3600)
    right = tc(centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", B + '<w:sz w:val="26"/>')
               + centred("Độc lập - Tự do - Hạnh phúc", B + SZ14)
               + centred("Lâm Đồng, ngày 05 tháng 3 năm 2026", I + SZ14), width=5700)
    blocks = [tbl(tr(left, right), grid=[3600, 5700], style=None), p(r(""), ppr=CENTER),
              centred("Kính gửi: Sở Nội vụ tỉnh Lâm Đồng", SZ14),
              body("Ủy ban nhân dân tỉnh nhận được đề nghị của Sở Nội vụ và có ý kiến như sau./."),
              tail("TM. ỦY BAN NHÂN DÂN")]
    result = check_docx(make_docx(tmp_path / "cv.docx", "".join(blocks) + sect()))
    assert result.identified.type.words == "Công văn"
    rules = {f.rule for f in result.findings}
    assert not rules & {"doctype.missing", "number.form", "title.missing"}, [(f.rule, f.text) for f in result.findings]
    assert not findings_at(result, "Kính gửi"), [(f.rule, f.text) for f in result.findings]


def test_a_letter_without_its_subject_line_is_told_so(tmp_path):
    left = tc(centred("ỦY BAN NHÂN DÂN", B) + centred("Số: 120/UBND-NC", '<w:sz w:val="26"/>'), width=3600)
    right = tc(centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", B) + centred("Độc lập - Tự do - Hạnh phúc", B + SZ14)
               + centred("Lâm Đồng, ngày 05 tháng 3 năm 2026", I + SZ14), width=5700)
    blocks = [tbl(tr(left, right), grid=[3600, 5700], style=None), centred("Kính gửi: Sở Nội vụ", SZ14),
              body("Nội dung công văn./."), tail("TM. ỦY BAN NHÂN DÂN")]
    result = check_docx(make_docx(tmp_path / "cv.docx", "".join(blocks) + sect()))
    missing = [f for f in result.findings if f.rule == "title.missing"]
    assert len(missing) == 1 and "V/v" in missing[0].text


SPEECH = ("THAM LUẬN", "Nâng cao chất lượng cải cách hành chính", "Kính thưa các đồng chí lãnh đạo,",
          "Tôi xin trình bày một số ý kiến.")


def test_a_speech_gets_one_sentence_and_fix_writes_nothing(tmp_path):
    path = make_docx(tmp_path / "speech.docx", "".join(centred(x) for x in SPEECH[:2])
                     + "".join(p(r(x, '<w:sz w:val="24"/>')) for x in SPEECH[2:]) + sect(left=1000))
    result = check_docx(path)
    assert result.findings == [] and result.identified.governed is False
    run = [sys.executable, "-m", "generator", "check"]
    done = subprocess.run(run + [str(path)], capture_output=True, text=True)
    assert done.returncode == 0
    lines = done.stdout.strip().splitlines()
    assert len(lines) == 1 and "không kiểm tra thể thức" in lines[0] and "Nghị định 30" in lines[0], done.stdout
    done = subprocess.run(run + ["--format", "json", str(path)], capture_output=True, text=True)
    records = json.loads(done.stdout)
    assert done.returncode == 0 and [(r["rule"], r["severity"]) for r in records] == [("doctype", "note")]
    out = tmp_path / "fixed.docx"
    done = subprocess.run(run + ["--fix", str(path), "-o", str(out)], capture_output=True, text=True)
    assert done.returncode == 0 and not out.exists() and "không ghi tệp" in done.stdout, done.stdout + done.stderr


def test_every_rule_has_a_vietnamese_name_and_cites_the_decree_only():
    from generator.nd30.rules import RULE

    for rule in RULE.values():
        assert rule.name and rule.name != rule.id and not rule.name.isascii(), rule
        assert rule.ref.startswith("PL "), rule  # the decree's appendices; never a project file
        assert ".md" not in rule.ref and ".py" not in rule.ref, rule
