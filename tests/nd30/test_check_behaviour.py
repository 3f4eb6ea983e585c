"""`check`, rule by rule, asserted by what the user sees: the rule, its level (an error makes `check` exit 1, a
warning does not) and the instruction, on both sides of each boundary. Small documents made in memory (the
reader's model or tests/word/docx_factory.py), no LibreOffice. Started from the survivors of fresh batch 7b."""
from __future__ import annotations

import pytest

from generator.nd30.check import check_docx
from generator.nd30.check import pagenum
from generator.nd30.check.base import Checker
from generator.word.model import Document, Paragraph, Run, Section
from tests.nd30.test_check_types import B, CENTER, I, SZ14, body, centred, header
from tests.word.docx_factory import make_docx, p, r, sect, tbl, tc, tr

A4 = dict(page_width_mm=210.0, page_height_mm=297.0, margin_top_mm=20.0, margin_bottom_mm=20.0, margin_left_mm=30.0,
          margin_right_mm=15.0)


def found(result, rule: str) -> list[tuple[str, str]]:
    return [(f.level, f.text) for f in result.findings if f.rule == rule]


def tail(archive: str = "- Lưu: VT, NC.", authority: str = "TM. ỦY BAN NHÂN DÂN") -> str:
    left = tc(p(r("Nơi nhận:", B + I + '<w:sz w:val="24"/>')) + p(r("- Như Điều 3;", '<w:sz w:val="22"/>'))
              + p(r(archive, '<w:sz w:val="22"/>')), width=4600)
    right = tc(centred(authority) + centred("CHỦ TỊCH") + centred("Nguyễn Văn An"), width=4600)
    return tbl(tr(left, right), grid=[4600, 4600], style=None)


def decision(path, *, enacting_ppr: str = CENTER, archive: str = "- Lưu: VT, NC.") -> object:
    blocks = [header("Số: 12/QĐ-UBND"), centred("QUYẾT ĐỊNH"), centred("Về việc thành lập Tổ công tác"),
              centred("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"),
              body("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;", I + SZ14),
              body("Theo đề nghị của Giám đốc Sở Nội vụ.", I + SZ14), p(r("QUYẾT ĐỊNH:", B + SZ14), ppr=enacting_ppr),
              body("Điều 1. Thành lập Tổ công tác theo danh sách kèm theo."),
              body("Điều 2. Quyết định này có hiệu lực kể từ ngày ký./."), tail(archive)]
    return make_docx(path, "".join(blocks) + sect())


# ---------------------------------------------------------------- page numbers (PL I §I.7)

def page_para(index: int, **kw) -> Paragraph:
    return Paragraph(index=index, runs=[Run("2", size_pt=14.0)], has_field={"PAGE": True}, alignment="center", **kw)


def pagenum_found(**sec) -> list[tuple[str, str, str]]:
    ck = Checker(Document(blocks=[Paragraph(index=0, runs=[Run("Nội dung")])],
                          sections=[Section(0, title_page=True, **A4, **sec)]))
    pagenum.check_page_numbers(ck, [])
    return [(f.rule, f.level, f.text) for f in ck.findings]


FOOTER = "số trang đặt ở chân trang; ND30 quy định đặt canh giữa trong phần lề trên"


def test_a_page_number_only_in_the_footer_is_an_error_and_beside_one_in_the_header_a_warning():
    """Fresh mutant check-pagenum-footer-level: a number only at the foot of the page is the one number the
    document has, in the wrong place: an error (exit 1), not "missing" as well; a second number in the footer
    beside the right one in the header is a warning."""
    assert pagenum_found(footers={"default": [page_para(1)]}) == [("pagenum.position", "error", FOOTER)]
    assert pagenum_found(headers={"default": [page_para(1)]}, footers={"default": [page_para(2)]}) == [
        ("pagenum.position", "warning", FOOTER)]
    assert pagenum_found(headers={"default": [page_para(1)]}) == []
    assert pagenum_found() == [("pagenum.missing", "error", "không có số trang (trường PAGE) canh giữa ở lề trên")]


# ---------------------------------------------------------------- the archive line (PL I §II.9.d)

ARCHIVE_FORM = "dòng lưu phải có dạng “- Lưu: VT, <đơn vị soạn thảo>.”"


@pytest.mark.parametrize("archive,warned", [
    ("- Lưu: VT, NC.", False), ("- Lưu: VT.", False), ("- Lưu: VT", False),  # nothing after VT (mutant 7b)
    ("- Lưu: VT (02).", False),
    ("- Lưu VT, NC.", True), ("- Lưu: VT/UBND.", True), ("- Lưu: Văn thư.", True), ("- Lưu: NC.", True),
])
def test_the_archive_line_is_lu_vt_closed_by_a_mark_or_the_end_of_the_line(tmp_path, archive, warned):
    result = check_docx(decision(tmp_path / "qd.docx", archive=archive))
    assert [x for x in found(result, "recipients.archive") if x[1] == ARCHIVE_FORM] == (
        [("warning", ARCHIVE_FORM)] if warned else [])


# ---------------------------------------------------------------- the enacting line of a decision (Mẫu 1.2)

ENACT = "dòng “QUYẾT ĐỊNH:” in đậm, canh giữa: chọn dòng, bấm Ctrl+B và Ctrl+E"


@pytest.mark.parametrize("ppr,told", [
    (CENTER, []), ("", []),  # centred, or no alignment of its own under a centred style
    ('<w:jc w:val="left"/>', [("error", ENACT)]), ('<w:jc w:val="both"/>', [("error", ENACT)]),
    ('<w:jc w:val="right"/>', [("error", ENACT)]),
])
def test_the_enacting_line_of_a_decision_is_centred(tmp_path, ppr, told):
    """Fresh mutant check-enacting-align: a "QUYẾT ĐỊNH:" set left (or justified) was not reported."""
    assert found(check_docx(decision(tmp_path / "qd.docx", enacting_ppr=ppr)), "enacting.line") == told


# ---------------------------------------------------------------- numbering restarts in each Chương (PL I §II.6.c)

SEQUENCE = "heading.sequence"


def chapters(path, second_chapter: str) -> object:
    """A plan in two Chương, each with its mục I., II."""
    heading = centred(second_chapter)
    blocks = [header("Số: 05/KH-UBND"), centred("KẾ HOẠCH"), centred("Thực hiện công tác cải cách hành chính"), p(""),
              centred("Chương I"), body("I. MỤC ĐÍCH", B + SZ14), body("Nâng cao chất lượng phục vụ."),
              body("II. YÊU CẦU", B + SZ14), body("Bảo đảm đúng tiến độ."),
              heading, body("I. NHIỆM VỤ", B + SZ14), body("Rà soát thủ tục hành chính."),
              body("II. TỔ CHỨC THỰC HIỆN", B + SZ14), body("Các cơ quan triển khai thực hiện./."),
              tail()]
    return make_docx(path, "".join(blocks) + sect())


@pytest.mark.parametrize("heading", ["Chương II", "CHƯƠNG II", "Phần II", "Mục 2"])
def test_each_chuong_starts_its_muc_again_at_i(tmp_path, heading):
    """Fresh mutant check-scope-restart-roman: the "I." after a centred "Chương II" (a frame line, not body text) is
    the first mục of that Chương, not out of order; under a centred line that opens no scope it is."""
    assert found(check_docx(chapters(tmp_path / "kh.docx", heading)), SEQUENCE) == []
    assert found(check_docx(chapters(tmp_path / "kh2.docx", "NỘI DUNG")), SEQUENCE) == [
        ("error", "mục “I.” sai thứ tự: theo thứ tự phải là “III.”")]
