"""Convert real plans with LibreOffice and check the pages a drafter would see."""
import pytest
from pypdf import PdfReader

from generator.build import build_plan
from tests.conftest import PLANS, SAMPLE

# No skip when LibreOffice is missing: scripts/setup.sh installs it, and PDF output must work.


def first_line(page) -> str:
    lines = [line.strip() for line in page.extract_text().splitlines() if line.strip()]
    return lines[0] if lines else ""


def orientations(reader):
    return ["landscape" if p.mediabox.width > p.mediabox.height else "portrait" for p in reader.pages]


@pytest.fixture(scope="module")
def seed_pdf(tmp_path_factory):
    plan = next(p for p in PLANS if p.stem == "quang-nam-papi-2020")
    result = build_plan(plan, tmp_path_factory.mktemp("pdf"), pdf=True)
    return PdfReader(next(f for f in result.files if f.suffix == ".pdf"))


def test_seed_plan_pages(seed_pdf):
    kinds = orientations(seed_pdf)
    body = kinds.index("landscape")
    assert len(kinds) == 18 and body == 10  # 10 pages of Kế hoạch, 8 landscape pages of Phụ lục
    assert kinds[:body] == ["portrait"] * body and kinds[body:] == ["landscape"] * (len(kinds) - body)
    for page in seed_pdf.pages:
        assert round(float(min(page.mediabox.width, page.mediabox.height))) == 595  # A4: 210 mm
        assert round(float(max(page.mediabox.width, page.mediabox.height))) == 842  # 297 mm


def test_page_numbers_hidden_on_first_pages_and_restarted(seed_pdf):
    pages = seed_pdf.pages
    assert first_line(pages[0]) == "ỦY BAN NHÂN DÂN"
    assert [first_line(pages[i]) for i in (1, 2, 9)] == ["2", "3", "10"]
    appendix = orientations(seed_pdf).index("landscape")
    assert first_line(pages[appendix]) == "Phụ lục"
    assert first_line(pages[appendix + 1]) == "2" and first_line(pages[appendix + 2]) == "3"


def test_signature_block_and_header_text(seed_pdf):
    first = seed_pdf.pages[0].extract_text()
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in first and "Độc lập - Tự do - Hạnh phúc" in first
    assert "Quảng Nam, ngày 20 tháng 7 năm 2020" in first
    last_body = seed_pdf.pages[9].extract_text()
    assert "Nơi nhận:" in last_body and "PHÓ CHỦ TỊCH" in last_body and "Hồ Quang Bửu" in last_body
    # the table header row repeats on every appendix page
    for page in seed_pdf.pages[10:]:
        assert "Nhiệm vụ trọng tâm" in page.extract_text()


def test_mixed_orientation_appendices(tmp_path):
    result = build_plan(SAMPLE, tmp_path, pdf=True)
    reader = PdfReader(next(f for f in result.files if f.suffix == ".pdf"))
    assert orientations(reader) == ["portrait", "portrait", "landscape", "portrait"]
    assert [first_line(p) for p in reader.pages[2:]] == ["Phụ lục I", "Phụ lục II"]
