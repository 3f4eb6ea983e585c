"""kehoach import on plans as offices write them (issue 19, part B): only plans are imported, the plan
year from the title when the date line prints none, targets from the sentences of "Mục tiêu cụ thể"
per dimension, the closing "./." at the end of a numbered item, a Nơi nhận item on the label's line,
and a summary that says what was read and what was not. The office-style files are made here, with
contents of our own; the real non-plans come from ../shared/real-docs (INDEX.tsv)."""
from __future__ import annotations

import copy
import json
import os
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli.commands import cli
from generator.importer.importer import import_document
from generator.importer.recall import document_words, rebuilt_document
from generator.importer.yaml_out import dump_plan
from generator.plan.validate import load_plan
from generator.word import read_docx
from tests.word.docx_factory import make_docx, p, r, sect
from tests.word.test_importer import fill_todos

ROOT = Path(__file__).resolve().parents[2]
BOLD = "<w:b/>"
CENTER = '<w:jc w:val="center"/>'
TAB = r("", extra="<w:tab/>")
BREAK = r("", extra="<w:br/>")


def shared_docs() -> Path | None:
    for cand in (os.environ.get("KEHOACH_SHARED"), ROOT.parent / "shared"):
        if cand and (Path(cand) / "real-docs" / "INDEX.tsv").is_file():
            return Path(cand) / "real-docs"
    return None


# ---------------------------------------------------------------- an office's PAR plan, draft for 2019

TARGET_LINES = [
    # (paragraph, bold): the "Mục tiêu cụ thể" of a PAR Index plan, per dimension, in our own words
    ("2. Mục tiêu cụ thể", True),
    ("Chỉ số cải cách hành chính (PAR Index) của tỉnh năm 2019 tăng so với năm 2018 (năm 2018 đạt 78,12 điểm, "
     "xếp hạng 41/63 tỉnh, thành phố) và phấn đấu xếp hạng 30/63.", False),
    ("a) Lĩnh vực công tác chỉ đạo, điều hành cải cách hành chính", True),
    ("- Đạt tối thiểu từ 8,5/9 điểm, không có tiêu chí thành phần bị điểm 0.", False),
    ("- Mức độ hoàn thành kế hoạch cải cách hành chính năm: 01 điểm (năm 2018 đạt 0,75/01 điểm).", False),
    ("b) Cải cách thủ tục hành chính", True),
    ("- 100% thủ tục hành chính được công khai đầy đủ, đúng quy định trên Cổng dịch vụ công của tỉnh.", False),
    ("- Tối thiểu 98% hồ sơ thủ tục hành chính được giải quyết đúng hạn.", False),
    ("- Tổ chức 04 đợt kiểm tra việc giải quyết thủ tục hành chính tại cấp xã.", False),
    ("c) Cải cách tài chính công", True),
    ("- Cải cách tài chính công: tăng tối thiểu 02 bậc so với năm 2018.", False),
]


def plan_body(*, date_line: str | None, title: tuple[str, ...] = ("Cải thiện Chỉ số cải cách hành chính",
                                                                    "tỉnh Tuyên Quang năm 2019")) -> str:
    head = [
        p(r("ỦY BAN NHÂN DÂN", BOLD), TAB, r("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", BOLD)),
        p(r("TỈNH TUYÊN QUANG", BOLD), TAB, r("Độc lập – Tự do – Hạnh phúc", BOLD)),  # en dashes, as KH07
        p(r("Số:      /KH-UBND") + (TAB + r(date_line) if date_line else "")),
        p(r("KẾ HOẠCH", BOLD), ppr=CENTER),
        *[p(r(line, BOLD), ppr=CENTER) for line in title],
        p(r("Căn cứ Quyết định số 2948/QĐ-BNV ngày 29/12/2017 của Bộ Nội vụ;")),
        p(r("Kết quả Chỉ số cải cách hành chính năm 2018 của tỉnh còn thấp; năm 2017 tỉnh xếp hạng 45/63, "
            "năm 2018 xếp hạng 41/63. Ủy ban nhân dân tỉnh ban hành kế hoạch như sau:")),
        p(r("I. MỤC ĐÍCH, YÊU CẦU", BOLD)),
        p(r("1. Mục đích", BOLD)),
        p(r("- Nâng cao chất lượng phục vụ người dân, tổ chức so với năm 2018.")),
    ]
    targets = [p(r(text, BOLD) if bold else r(text)) for text, bold in TARGET_LINES]
    rest = [
        p(r("II. NHIỆM VỤ TRỌNG TÂM", BOLD)),
        p(r("1. Cải cách thể chế", BOLD)),
        p(r("a) Rà soát văn bản quy phạm pháp luật do tỉnh ban hành.")),
        p(r("b) Kiểm tra việc thi hành pháp luật tại các sở, ngành.")),
        p(r("2. Cải cách thủ tục hành chính", BOLD)),
        p(r("a) Công bố, công khai thủ tục hành chính đúng hạn.")),
        p(r("III. TỔ CHỨC THỰC HIỆN", BOLD)),
        p(r("1. Sở Nội vụ theo dõi, đôn đốc, tổng hợp kết quả thực hiện Kế hoạch.")),
        p(r("2. Các sở, ban, ngành và Ủy ban nhân dân cấp xã tổ chức thực hiện Kế hoạch này; báo cáo kết quả "
            "về Sở Nội vụ trước ngày 15/11/2019 để tổng hợp, báo cáo Ủy ban nhân dân tỉnh theo quy định./.")),
        # the first item on the label's line, the next pushed onto the following line by spaces (KH07's habit)
        p(r("Nơi nhận:", BOLD), BREAK, r("- Bộ Nội vụ (b/c);" + " " * 40 + "- Thường trực Tỉnh ủy;"), TAB,
          r("KT. CHỦ TỊCH", BOLD)),
        p(r("- Các sở, ban, ngành;"), TAB, r("PHÓ CHỦ TỊCH", BOLD)),
        p(r("- Lưu: VT, NC."), TAB, r("Nguyễn Văn Tuyên", BOLD)),
        sect(),
    ]
    return "".join(head + targets + rest)


@pytest.fixture(scope="module")
def par_2019(tmp_path_factory):
    out = tmp_path_factory.mktemp("par-2019")
    made = {}

    def get(variant: str):
        if variant not in made:
            date_line = {"blank": "Tuyên Quang, ngày      tháng      năm 2019", "none": None,
                         "month": "Tuyên Quang, ngày      tháng 3 năm 2019",
                         "dated": "Tuyên Quang, ngày 28 tháng 12 năm 2018"}[variant]
            path = make_docx(out / f"par-{variant}.docx", plan_body(date_line=date_line))
            source = read_docx(path).value
            made[variant] = (path, source, import_document(source, plan_id=f"par-{variant}"))
        return made[variant]

    return get


@pytest.mark.parametrize("variant", ["blank", "none"])
def test_draft_without_a_dated_line_takes_the_title_year(par_2019, variant):
    """The text names 2018 (last year's results) more often than 2019; the title says 2019."""
    _, source, result = par_2019(variant)
    assert source.text.count("2018") > source.text.count("2019")
    assert result.data["year"] == 2019
    # "everywhere": the rebuilt document's date line prints the plan year
    rebuilt = rebuilt_document(fill_todos(result.data))
    date_line = next(p.text for p in rebuilt.paragraphs() if "tháng" in p.text and "ngày" in p.text)
    assert date_line.rstrip().endswith("năm 2019"), date_line
    assert not [n for n in result.notes if n.level == "guess" and n.text.startswith("năm kế hoạch")]


def test_a_draft_keeps_the_month_it_prints(par_2019):
    """'ngày      tháng 3 năm 2019': the drafter's month is a fact; it comes back and prints again."""
    _, _, result = par_2019("month")
    assert result.data["year"] == 2019 and result.data["document"] == {"month": 3}
    rebuilt = rebuilt_document(fill_todos(result.data))
    date_line = next(p.text for p in rebuilt.paragraphs() if "tháng" in p.text and "ngày" in p.text)
    assert " ".join(date_line.split()).endswith("ngày tháng 3 năm 2019"), date_line
    _, _, blank = par_2019("blank")
    assert "month" not in blank.data.get("document", {})


def test_date_line_year_wins_and_a_disagreeing_title_is_a_guess(par_2019):
    _, _, result = par_2019("dated")
    assert result.data["year"] == 2018 and result.data["document"]["date"].isoformat() == "2018-12-28"
    said = [n.text for n in result.notes if n.level == "guess" and "năm kế hoạch 2018" in n.text]
    assert said and "“năm 2019”" in said[0]
    # the title's year still tells last year's result from the target: "(năm 2018 đạt 78,12 điểm, …)"
    assert result.data["targets"][0]["target"] == 30 and result.data["targets"][0]["baseline"]["value"] == Decimal("78.12")


def test_period_in_the_title_gives_its_first_year(tmp_path):
    body = plan_body(date_line=None, title=("Cải cách hành chính tỉnh Tuyên Quang", "giai đoạn 2026 – 2030"))
    result = import_document(read_docx(make_docx(tmp_path / "p.docx", body)).value, plan_id="gd")
    assert result.data["year"] == 2026


def targets_by_sentence(result) -> dict[str, dict]:
    return {t.get("wording", ""): t for t in result.data["targets"]}


def test_target_sentences_per_dimension_become_targets(par_2019):
    _, _, result = par_2019("blank")
    data = result.data
    assert data["indices"] == {"par": "qd2948-2017"}
    targets = data["targets"]
    got = [(t["criterion"], t.get("unit", "điểm"), t.get("target"), t.get("bound", "exact")) for t in targets]
    assert got == [
        ("par", "hạng", 30, "exact"),  # "phấn đấu xếp hạng 30/63"
        ("par.1", "điểm", Decimal("8.5"), "at_least"),  # "Đạt tối thiểu từ 8,5/9 điểm" under a) …chỉ đạo, điều hành
        ("par.1.1", "điểm", 1, "exact"),  # a sub-criterion the catalogue lacks, declared under a)
        ("par.3", "%", 100, "exact"),  # "100% thủ tục hành chính được công khai" under b)
        ("par.3", "%", 98, "at_least"),  # "Tối thiểu 98% hồ sơ"
        ("par.6", "hạng", None, "exact"),  # "tăng tối thiểu 02 bậc so với năm 2018": a change, no value
    ]
    # last year's value and rank are the baseline; the maximum printed is kept where the catalogue's differs
    assert targets[0]["baseline"] == {"year": 2018, "value": Decimal("78.12"), "rank": 41, "of": 63}
    assert targets[1]["max"] == 9
    assert targets[5]["change"] == {"by": 2, "at_least": True} and targets[5]["baseline"] == {"year": 2018}
    # "Mức độ hoàn thành …: 01 điểm (năm 2018 đạt 0,75/01 điểm)": its own criterion, printed name and maximum
    assert data["criteria"] == [{"code": "par.1.1", "name": "Mức độ hoàn thành kế hoạch cải cách hành chính năm",
                                 "parent": "par.1", "max": 1}]
    assert targets[2]["baseline"] == {"year": 2018, "value": Decimal("0.75")} and "max" not in targets[2]
    # the printed sentences are kept as the wording: kehoach's own would differ
    assert targets[3]["wording"].startswith("100% thủ tục hành chính được công khai")
    assert all(t["wording"] for t in targets)
    # a target given its dimension by the heading above it is a guess the drafter sees
    assert any(n.level == "guess" and "par.3" in n.text and "tiêu đề" in n.text for n in result.notes)


def test_a_number_that_gives_no_target_stays_prose_and_is_said(par_2019):
    _, _, result = par_2019("blank")
    text = dump_plan(result.data)
    assert "Tổ chức 04 đợt kiểm tra việc giải quyết thủ tục hành chính tại cấp xã." in text
    warned = [n.text for n in result.notes if n.level == "warning" and "không thành chỉ tiêu" in n.text]
    assert len(warned) == 1 and "04 đợt" in warned[0]


def test_points_closing_and_recipients_as_typed(par_2019):
    _, source, result = par_2019("blank")
    data = result.data
    # "a)" points under "1." stay "a)" (default numbering), though another section numbers "1.1."-free
    assert "numbering" not in data
    tasks = next(s for s in data["sections"] if s["title"] == "NHIỆM VỤ TRỌNG TÂM")
    assert tasks["content"][0]["content"][0] == {"text": "Rà soát văn bản quy phạm pháp luật do tỉnh ban hành."}
    rebuilt = [p.list_label or p.text.split(" ")[0] for p in rebuilt_document(fill_todos(data)).paragraphs()
               if "Rà soát văn bản" in p.text]
    assert rebuilt == ["a)"]
    # the Tiêu ngữ typed with en dashes is the Tiêu ngữ, not a header line that could not be read
    assert not [n for n in result.notes if n.level == "warning" and "Độc lập" in n.text]
    assert any(n.level == "info" and "Tiêu ngữ in là 'Độc lập – Tự do – Hạnh phúc'" in n.text for n in result.notes)
    # "./." at the end of the last numbered item: that item is the closing, said as a guess
    assert data["closing"].startswith("Các sở, ban, ngành và Ủy ban nhân dân cấp xã tổ chức thực hiện")
    assert not any("câu kết" in t for t in result.todos)
    # the first Nơi nhận items, typed on the "Nơi nhận:" paragraph and glued by spaces, are lines of their own
    assert [x["text"] for x in data["recipients"]] == ["Bộ Nội vụ", "Thường trực Tỉnh ủy", "Các sở, ban, ngành"]


def test_one_and_one_point_one_in_different_sections_each_keep_theirs(tmp_path):
    body = plan_body(date_line="Tuyên Quang, ngày 5 tháng 1 năm 2019").replace(
        "1. Cải cách thể chế", "1. Cải cách thể chế").replace(
        "a) Rà soát văn bản", "1.1. Rà soát văn bản").replace("b) Kiểm tra việc", "1.2. Kiểm tra việc").replace(
        "a) Công bố, công khai", "2.1. Công bố, công khai")
    data = import_document(read_docx(make_docx(tmp_path / "n.docx", body)).value, plan_id="n").data
    # section II numbers "1.1.", section I "a)": the plan takes the most common, the other its own
    levels = {s["title"]: s.get("numbering", {}).get("levels") for s in data["sections"]}
    plan_levels = data.get("numbering", {}).get("levels", ["1.", "a)", "(1)"])
    shown = {title: lv or plan_levels for title, lv in levels.items()}
    assert shown["NHIỆM VỤ TRỌNG TÂM"][:2] == ["1.", "1.1."]
    assert shown["MỤC ĐÍCH, YÊU CẦU"][:2] == ["1.", "a)"]
    labels = [p.list_label or p.text.split(" ")[0] for p in rebuilt_document(fill_todos(data)).paragraphs()]
    assert "1.1." in labels and "a)" in labels


def test_imported_plan_validates_once_its_todos_are_filled(par_2019, tmp_path):
    _, _, result = par_2019("blank")
    path = tmp_path / "par.yaml"
    path.write_text(dump_plan(fill_todos(result.data)), encoding="utf-8")
    plan, _warnings = load_plan(path)  # raises on any error
    assert plan.year == 2019 and len(plan.targets) == 6


# ---------------------------------------------------------------- the command: summary, refusals


def invoke(*args):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def test_summary_counts_structure_and_warns_on_what_was_not_read(par_2019, tmp_path):
    path, _, _ = par_2019("blank")
    out = tmp_path / "par.yaml"
    done = invoke("import", path, "-o", out)
    assert done.exit_code == 0, done.output
    assert "Cấu trúc: 3 mục, 6 chỉ tiêu, 0 nhiệm vụ" in done.output
    assert "3 dòng Nơi nhận" in done.output
    assert "1 câu ở phần mục tiêu, chỉ tiêu có số nhưng không thành chỉ tiêu" in done.output
    assert "Độ phủ chữ:" in done.output  # the words line stays, beside the structure line


def test_non_plans_are_refused_and_nothing_is_written(tmp_path):
    from tests.word.docx_factory import make_rich_docx

    out = tmp_path / "x.yaml"
    decision = make_docx(tmp_path / "qd.docx", plan_body(date_line=None).replace("KẾ HOẠCH", "QUYẾT ĐỊNH")
                         .replace("/KH-UBND", "/QĐ-UBND"))
    done = invoke("import", decision, "-o", out)
    assert done.exit_code == 1 and "tệp này là Quyết định" in done.output and "không phải Kế hoạch" in done.output
    assert not out.exists()
    done = invoke("import", make_rich_docx(tmp_path / "rich.docx"), "-o", out)
    assert done.exit_code == 1 and "không thuộc thể thức Nghị định 30" in done.output and not out.exists()


REAL_NON_PLANS = {
    # file: what the refusal must name (INDEX.tsv's kind)
    "QD01_qd-hoidong-atvsld.docx": "Quyết định", "QD03_qd-sapnhap-doanluatsu.docx": "Quyết định",
    "CV01_cv-ykien-dieule-hoi.docx": "Công văn", "CV04_cv-cu-congchuc-cchc.doc": "Công văn",
    "CV05_cv-ykien-kimthu.docx": "Công văn", "GEN02_cv-tra-loi-bxd-tool.docx": "Công văn",
    "TTR01_ttr-xa-khong-matuy.docx": "Tờ trình", "BC01_bc-cchc-2025.docx": "Báo cáo",
    "BC03_bc-de-an-06-t3-2026.docx": "Báo cáo", "TB01_tbkl-son-hai.docx": "Thông báo",
    "GOV01_nd30-2020-decree.docx": "Nghị định",
    "EXT01_ubnd-hanoi.docx": "không thuộc thể thức Nghị định 30",
    "EXT03_ubnd-nghean.docx": "không thuộc thể thức Nghị định 30",
    "TPL03_tokhai-khaisinh.docx": "không thuộc thể thức Nghị định 30",
    "PARTY01_qc-dangbo-lungcu.docx": "văn bản của Đảng",
}


def test_every_real_non_plan_is_refused_with_its_type(tmp_path):
    docs = shared_docs()
    if docs is None:
        pytest.fail("../shared/real-docs is missing: the real documents are part of the test material")
    kinds = dict(line.split("\t")[:2] for line in (docs / "INDEX.tsv").read_text(encoding="utf-8").splitlines()[1:])
    listed = {f for f, k in kinds.items() if k != "KH" and not f.startswith("BAD")}
    assert listed == set(REAL_NON_PLANS)
    for name, said in REAL_NON_PLANS.items():
        out = tmp_path / (name + ".yaml")
        done = invoke("import", docs / name, "-o", out)
        assert done.exit_code == 1, (name, done.output)
        assert f"tệp này là {said}" in done.output or said in done.output, (name, done.output)
        assert "không phải Kế hoạch" in done.output and not out.exists(), name


def test_whole_number_targets_are_written_as_printed(tmp_path):
    """kehoach's own build of tests/data/sample-2022.yaml imported with 'YAML đọc lại khác dữ liệu': a
    whole-number decimal target was written in a form YAML reads back as another value."""
    from generator.render.context import build_context
    from generator.render.docx import render_docx
    from generator.render.templates import default_template

    plan, _ = load_plan(ROOT / "tests/data/sample-2022.yaml")
    docx = tmp_path / "s.docx"
    docx.write_bytes(render_docx(build_context(plan), default_template("kehoach.docx")))
    result = import_document(read_docx(docx).value, plan_id="s")
    text = dump_plan(result.data, result.comments)  # raised YamlWriteError
    # every target the document prints comes back with its value (t-dien-tu is printed nowhere)
    assert [t["target"] for t in result.data["targets"]] == [47, Decimal("5.9"), Decimal("4.2")]
    assert "\n    target: 47\n" in text
