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
