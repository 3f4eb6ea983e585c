"""kehoach import of the header (importer/header.py): the issuing agency's full name guessed from its
capitals when no appendix names it."""
from __future__ import annotations

import docx
import pytest

from generator.importer.importer import import_document
from generator.word import read_docx
from tests.office.make_duties import make_duties_plan


def test_the_full_name_guessed_from_the_capitals_writes_the_place_as_a_name(tmp_path):
    """'ỦY BAN NHÂN DÂN' / 'TỈNH QUẢNG NAM' gives 'Ủy ban nhân dân tỉnh Quảng Nam' (the level in small
    letters, the place as it is spelt), never 'TỈNH Quảng Nam' (fresh mutant i-full-name-caps-place)."""
    result = import_document(read_docx(make_duties_plan(tmp_path / "thien-tai.docx")).value, plan_id="thien-tai")
    issuer = result.data["issuer"]
    assert (issuer["name"], issuer["full_name"]) == (["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NAM"],
                                                     "Ủy ban nhân dân tỉnh Quảng Nam")
    assert any("Ủy ban nhân dân tỉnh Quảng Nam" in m.text and "suy từ tên in hoa" in m.text for m in result.notes)


def _edited(tmp_path, *pairs):
    """The Văn thư's duties plan with each (old, new) replaced in the one run of the page's paragraphs that
    holds it, imported."""
    path = make_duties_plan(tmp_path / "thien-tai.docx")
    document = docx.Document(str(path))
    for old, new in pairs:
        runs = [run for p in document.paragraphs for run in p.runs if old in run.text]
        assert len(runs) == 1, (old, len(runs))
        runs[0].text = runs[0].text.replace(old, new)
    document.save(str(path))
    return import_document(read_docx(path).value, plan_id="thien-tai")


def test_a_draft_dated_only_by_december_keeps_its_month(tmp_path):
    """A draft whose date line is 'ngày      tháng 12 năm 2024' keeps month 12 (the rebuilt draft prints
    'tháng 12'), as any other month does (fresh mutant f3-import-draft-december)."""
    result = _edited(tmp_path, ("ngày 15 tháng 3 năm 2024", "ngày      tháng 12 năm 2024"))
    assert result.data["document"] == {"number": 123, "month": 12}
    assert result.data["year"] == 2024


def test_a_title_naming_last_years_results_gives_the_plans_year_from_its_last_year(tmp_path):
    """An undated draft titled '… khắc phục hạn chế năm 2023, năm 2024' is the 2024 plan: the year is the
    title's last one, not the year of the results it looks back on (fresh mutant f3-import-title-first-year)."""
    result = _edited(tmp_path, ("trên địa bàn tỉnh", "trên địa bàn tỉnh, khắc phục hạn chế năm 2023,"),
                     ("ngày 15 tháng 3 năm 2024", "ngày      tháng      năm"))
    assert result.data["year"] == 2024
    assert any("năm kế hoạch 2024 theo trích yếu" in m.text for m in result.notes)
    assert not any("2023" in m.text and "năm kế hoạch" in m.text for m in result.notes)


def test_the_full_name_guessed_without_a_place_writes_the_level_in_small_letters(tmp_path):
    """A draft whose date line gives no place ('ngày tháng năm' left blank): the full name guessed from
    'ỦY BAN NHÂN DÂN' / 'TỈNH QUẢNG NAM' is still 'Ủy ban nhân dân tỉnh Quảng Nam', never '… Tỉnh Quảng Nam'
    (bug found writing the test for f3-import-full-name-capital-tinh)."""
    result = _edited(tmp_path, ("Quảng Nam, ngày 15 tháng 3 năm 2024", "ngày      tháng      năm 2024"))
    assert result.data["issuer"]["full_name"] == "Ủy ban nhân dân tỉnh Quảng Nam"


def test_a_draft_dated_only_by_january_keeps_its_month(tmp_path):
    """'ngày      tháng 01 năm 2024' keeps month 1, the first month as the last (fresh mutant g-import-month-draft
    lost it: the rebuilt draft printed 'tháng      năm 2024')."""
    result = _edited(tmp_path, ("ngày 15 tháng 3 năm 2024", "ngày      tháng 01 năm 2024"))
    assert result.data["document"] == {"number": 123, "month": 1}


def test_with_no_year_in_the_date_line_or_title_the_guess_is_the_latest_year_the_text_works_for(built, tmp_path):
    """The 2020 PAPI plan with "năm 2020" taken out of its date line and title: its text names 2019 (last year's
    results) 12 times and 2020 7 times. The year guessed ("Đoán") is 2020, the latest year named, never the
    baseline year 2019 that it names most often (a false fact, and the plan's registry lost with it), nor the
    end of a deadline or a period ("đến năm 2025", "giai đoạn 2021 - 2030")."""
    source = next(f for f in built["quang-nam-papi-2020"].files if f.suffix == ".docx")
    document = docx.Document(str(source))
    for run in [r for t in document.tables[:1] for row in t.rows for c in row.cells for p in c.paragraphs
                for r in p.runs] + list(document.paragraphs[1].runs):
        run.text = run.text.replace("ngày 20 tháng 7 năm 2020", "ngày 20 tháng 7").replace(" năm 2020", "")
    # a deadline the plan looks forward to is no plan year
    run = next(r for p in document.paragraphs[5:] for r in p.runs if r.text.rstrip().endswith("."))
    run.text = run.text.rstrip()[:-1] + ", duy trì đến năm 2025 và giai đoạn 2021 - 2030."
    path = tmp_path / "noyear.docx"
    document.save(str(path))
    result = import_document(read_docx(path).value, plan_id="noyear")
    assert result.data["year"] == 2020
    assert any(m.level == "guess" and "năm kế hoạch 2020" in m.text for m in result.notes)


@pytest.mark.parametrize("line, name, warned", [
    ("Văn phòng", ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NAM"], True),
    ("VĂN PHÒNG", ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NAM", "VĂN PHÒNG"], False),
])
def test_a_line_of_small_letters_in_the_agency_column_is_warned_not_made_the_agency(built, tmp_path, line, name,
                                                                                   warned):
    """ND30 prints the issuing agency in capitals: a line typed in small letters under 'ỦY BAN NHÂN DÂN / TỈNH
    QUẢNG NAM' ('Văn phòng', a note) is not part of the agency's name (the rebuilt header would print it there):
    it is warned "dòng ở phần đầu không đọc được"; in capitals it is a line of the name (fresh mutant
    i-issuer-any-case imported 'Văn phòng' into issuer.name silently)."""
    import copy

    from docx.text.paragraph import Paragraph

    source = next(f for f in built["sample"].files if f.suffix == ".docx")
    document = docx.Document(str(source))
    cell = document.tables[0].cell(0, 0)
    added = copy.deepcopy(cell.paragraphs[0]._p)
    cell.paragraphs[0]._p.addnext(added)
    paragraph = Paragraph(added, cell)
    for run in paragraph.runs[1:]:
        run._r.getparent().remove(run._r)
    paragraph.runs[0].text = line
    document.save(str(tmp_path / "header.docx"))
    result = import_document(read_docx(tmp_path / "header.docx").value, plan_id="sample")
    assert result.data["issuer"]["name"] == name
    said = [(m.level, m.where, m.text) for m in result.notes if line in m.text]
    assert said == ([("warning", "phần đầu", f"dòng ở phần đầu không đọc được: '{line}'")] if warned else [])


@pytest.mark.parametrize("how", ["line-break", "two-paragraphs", "three-paragraphs"])
def test_a_title_typed_on_several_lines_is_one_title_with_a_space_at_each_line_end(built, tmp_path, how):
    """The trích yếu 'Cải thiện Chỉ số PAPI tỉnh Quảng Nam năm 2021' typed on two lines (Shift+Enter, or Enter: two
    paragraphs) or three imports as the one title, a single space where each line ended — 'PAPI tỉnh', never
    'PAPItỉnh' (fresh mutant i-title-glued, batch 8, killed only by a whole office-file round trip)."""
    import copy

    from lxml import etree

    from tests.word.test_check import Doc, q

    source = next(f for f in built["sample"].files if f.suffix == ".docx")
    doc = Doc(source)
    title = doc.para("Cải thiện Chỉ số PAPI")
    run = next(r for r in title.iter(q("w:r")) if (r.findtext(q("w:t")) or "").strip())
    text = run.find(q("w:t"))
    assert text.text == "Cải thiện Chỉ số PAPI tỉnh Quảng Nam năm 2021"
    if how == "line-break":
        text.text = "Cải thiện Chỉ số PAPI"
        run.append(etree.Element(q("w:br")))
        rest = etree.SubElement(run, q("w:t"))
        rest.text = "tỉnh Quảng Nam năm 2021"
    else:
        lines = (["Cải thiện Chỉ số PAPI", "tỉnh Quảng Nam năm 2021"] if how == "two-paragraphs"
                 else ["Cải thiện Chỉ số PAPI", "tỉnh Quảng Nam", "năm 2021"])
        text.text = lines[0]
        for line in reversed(lines[1:]):
            nxt = copy.deepcopy(title)
            next(t for t in nxt.iter(q("w:t")) if (t.text or "").strip()).text = line
            title.addnext(nxt)
    reviewed = doc.save(tmp_path / f"{how}.docx")
    result = import_document(read_docx(reviewed).value, plan_id="sample")
    assert result.data["title"] == "Cải thiện Chỉ số PAPI tỉnh Quảng Nam năm 2021"


def test_an_agency_typed_with_no_bold_line_is_the_issuer_not_a_superior(tmp_path):
    """'ỦY BAN NHÂN DÂN' / 'TỈNH QUẢNG NAM' typed without bold: no line is bold to tell the superior agency from the
    issuer, so both lines are the issuer's name, with no superior and no TODO (fresh mutant
    i-superior-without-bold-name made both the superior and the name a TODO)."""
    path = make_duties_plan(tmp_path / "thien-tai.docx")
    document = docx.Document(str(path))
    for p in document.paragraphs[:2]:
        for run in p.runs:
            if run.text in ("ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NAM"):
                run.bold = False
    document.save(str(path))
    issuer = import_document(read_docx(path).value, plan_id="thien-tai").data["issuer"]
    assert "superior" not in issuer
    assert (issuer["name"], issuer["full_name"]) == (["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NAM"],
                                                     "Ủy ban nhân dân tỉnh Quảng Nam")


def _department_plan(path, issuer: str):
    """A department's draft plan, as offices type it: the issuer and its agencies in capitals in the Nơi nhận
    list and in the task table's agency cells (contents of our own)."""
    from tests.word.docx_factory import make_docx, p, r, sect, tbl, tc, tr

    bold, center, tab = "<w:b/>", '<w:jc w:val="center"/>', r("", extra="<w:tab/>")
    cells = [("STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp"),
             ("1", "Rà soát văn bản quy phạm pháp luật.", "SỞ TƯ PHÁP", "SỞ NỘI VỤ; PHÒNG QUẢN LÝ XUẤT NHẬP CẢNH"),
             ("2", "Kiểm tra công tác cải cách hành chính.", "SỞ NỘI VỤ", "")]
    rows = [tr(*(tc(p(r(text))) for text in row), header=n == 0) for n, row in enumerate(cells)]
    body = "".join([
        p(r("UBND TỈNH TUYÊN QUANG"), tab, r("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold)),
        p(r(issuer, bold), tab, r("Độc lập - Tự do - Hạnh phúc", bold)),
        p(r("Số:      /KH-SNV"), tab, r("Tuyên Quang, ngày      tháng      năm 2025")),
        p(r("KẾ HOẠCH", bold), ppr=center),
        p(r("Cải cách hành chính năm 2025", bold), ppr=center),
        p(r("I. MỤC ĐÍCH, YÊU CẦU", bold)),
        p(r("Nâng cao chất lượng cải cách hành chính trong năm 2025.")),
        p(r("II. NHIỆM VỤ", bold)),
        p(r("Chi tiết tại Phụ lục kèm theo.")),
        p(r("III. TỔ CHỨC THỰC HIỆN", bold)),
        p(r("Văn phòng Sở theo dõi, đôn đốc, tổng hợp kết quả thực hiện Kế hoạch./.")),
        p(r("Nơi nhận:", bold), tab, r("GIÁM ĐỐC", bold)),
        p(r("- SỞ TƯ PHÁP;")),
        p(r("- SỞ NỘI VỤ;")),
        p(r("- THƯỜNG TRỰC HỘI ĐỒNG THI ĐUA;")),
        p(r("- Lưu: VT, VP."), tab, r("Nguyễn Văn Tuyên", bold)),
        sect(),
        p(r("Phụ lục", bold), ppr=center),
        p(r("NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2025", bold), ppr=center),
        tbl(*rows, grid=[800, 5000, 2500, 2500]),
        sect(landscape=True, w=16838, h=11906),
    ])
    return import_document(read_docx(make_docx(path, body)).value, plan_id="snv")


def test_names_in_capitals_take_the_registry_casing(tmp_path):
    """'SỞ NỘI VỤ' (the issuer's line, a Nơi nhận line, an agency cell of the task table) is 'Sở Nội vụ', as the
    registry writes it, never 'Sở nội vụ' (the first letter alone kept: bug seen importing a department's plan)."""
    result = _department_plan(tmp_path / "snv.docx", "SỞ NỘI VỤ")
    data = result.data
    assert data["issuer"]["full_name"] == "Sở Nội vụ"
    assert [t.get("lead") for t in data["tasks"]] == [["Sở Tư pháp"], ["Sở Nội vụ"]]
    assert data["tasks"][0]["co"][0] == "Sở Nội vụ"
    assert [e["text"] for e in data["recipients"]][:2] == ["Sở Tư pháp", "Sở Nội vụ"]
    assert "Sở nội vụ" not in str(data)


def test_names_in_capitals_no_registry_knows_are_kept_and_said(tmp_path):
    """Capitals no registry knows give no casing: the issuer's full name, an agency of the task table and a Nơi
    nhận line stay as printed, and each is said where it is, asking the drafter to write it as ND30 does."""
    result = _department_plan(tmp_path / "bql.docx", "BAN QUẢN LÝ DỰ ÁN ĐẦU TƯ XÂY DỰNG")
    data = result.data
    assert data["issuer"]["full_name"] == "BAN QUẢN LÝ DỰ ÁN ĐẦU TƯ XÂY DỰNG"
    said = [(m.where, m.text) for m in result.notes if "không biết cách viết hoa đúng" in m.text]
    assert [where for where, _ in said][:1] == ["phần đầu"] and "issuer.full_name" in said[0][1]
    assert any("'PHÒNG QUẢN LÝ XUẤT NHẬP CẢNH' (phụ lục, hàng 2)" in text for _, text in said), said
    assert any("dòng Nơi nhận 'THƯỜNG TRỰC HỘI ĐỒNG THI ĐUA'" in text and where for where, text in said), said
    assert {"id": "phong-quan-ly-xuat-nhap-canh", "name": "PHÒNG QUẢN LÝ XUẤT NHẬP CẢNH"}.items() <= \
        next(a for a in data["agencies"] if a["id"] == "phong-quan-ly-xuat-nhap-canh").items()


def test_the_post_before_the_issuers_name_on_the_attached_line_is_who_issued_it_not_its_name(tmp_path):
    """par-2019 prints "(Kèm theo Kế hoạch … của Giám đốc Sở Nội vụ tỉnh Mẫu)" (its `document.issued_by`): the import
    took the whole as the issuer's full name, 'Giám đốc Sở Nội vụ tỉnh Mẫu' (user trial). The post is who issued it:
    the full name is 'Sở Nội vụ tỉnh Mẫu', and issued_by the line as printed."""
    import yaml

    from generator.importer.pipeline import import_file
    from generator.render.build import build_plan
    from tests.conftest import ROOT

    built = build_plan(ROOT / "tests/corpus/par-2019.yaml", tmp_path / "build")
    docx_path = next(f for f in built.files if f.suffix == ".docx")
    back = yaml.safe_load(import_file(docx_path, tmp_path / "back.yaml").text)
    assert back["issuer"]["full_name"] == "Sở Nội vụ tỉnh Mẫu"
    assert back["document"]["issued_by"] == "Giám đốc Sở Nội vụ tỉnh Mẫu"
