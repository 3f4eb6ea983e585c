"""--fix resizes the lines of one issuer's name, and of one trích yếu, all together or not at all (issue 20: seen on
FR10-TC01 by measure_fix's `uneven` after the round's merges: "ỦY BAN NHÂN DÂN", sharing its run with the Quốc hiệu
typed on the same line, could not be resized alone, "TỈNH HÀ TĨNH" was: the name printed 14 over 13)."""
from __future__ import annotations

from pathlib import Path

from generator.nd30.check import check_docx
from generator.nd30.fix import fix_docx
from generator.word.convert import read_word
from tests.nd30.test_check_types import B, I, SZ14, centred, decision_blocks
from tests.word.docx_factory import make_docx, sect, tbl, tc, tr

SZ13 = '<w:sz w:val="26"/>'
REAL = Path(__file__).resolve().parents[1] / "real"


def test_an_issuers_name_over_two_lines_is_resized_whole_or_not_at_all_FR10_TC01(tmp_path):
    """FR10-TC01's header is typed with spaces in two paragraphs: "ỦY BAN NHÂN DÂN" ends in the run that holds the
    Quốc hiệu (no correction can resize it alone), "TỈNH HÀ TĨNH" under it is in runs of its own; both at 14 pt."""
    source = next((REAL / "docs").glob("FR10-TC01_*.docx"))
    assert len([f for f in check_docx(source).findings if f.rule == "issuer.size"]) == 2
    report = fix_docx(source, tmp_path / "fixed.docx")
    first, second = list(read_word(tmp_path / "fixed.docx").value.paragraphs())[:2]
    issuer = {run.size_pt for run in first.runs[:2]} | {run.size_pt for run in second.runs[:3]}
    assert issuer == {14.0}, issuer  # the name left at 14 on both lines, not 13 under 14
    told = [m.text for m in report.refused if m.rule == "issuer.size"]
    assert told and all("các dòng tên cơ quan ban hành phải cùng một cỡ" in t for t in told), told
    # the issuer's lines at 14 in a header table, each a run of its own: both corrected, to one size
    left = tc(centred("ỦY BAN NHÂN DÂN") + centred("TỈNH LÂM ĐỒNG") + centred("Số: 12/QĐ-UBND", SZ13), width=3600)
    right = tc(centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", B + SZ13) + centred("Độc lập - Tự do - Hạnh phúc")
               + centred("Lâm Đồng, ngày 05 tháng 3 năm 2026", I + SZ14), width=5700)
    source = make_docx(tmp_path / "table.docx", tbl(tr(left, right), grid=[3600, 5700], style=None)
                       + "".join(decision_blocks()) + sect())
    assert len([f for f in check_docx(source).findings if f.rule == "issuer.size"]) == 2
    fix_docx(source, tmp_path / "whole.docx")
    doc = read_word(tmp_path / "whole.docx").value
    sizes = {run.size_pt for q in doc.paragraphs() if q.text in ("ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG") for run in q.runs}
    assert len(sizes) == 1 and sizes <= {12.0, 13.0}, sizes
