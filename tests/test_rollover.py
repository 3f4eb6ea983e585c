"""Rolling a plan forward: only TODO markers left, only the lines that had to change, comments kept."""
import difflib
import re
from decimal import Decimal

import pytest
import yaml

from generator.render.build import build_plan
from generator.core.errors import KehoachError, PlanError
from generator.workflow.rollover import default_output, rollover
from generator.plan.validate import load_plan
from tests.conftest import PLANS, SAMPLE


def roll_to(tmp_path, plan, **kwargs):
    result = rollover(plan, **kwargs)
    out = tmp_path / default_output(plan, result.old_year, result.new_year).name
    out.write_text(result.text, encoding="utf-8")
    return result, out


def fill_todos(text: str) -> str:
    """What a drafter does: confirm baselines, set targets a little higher, rewrite the sentences."""
    def number_from(match):
        value = Decimal(match.group(2).replace(",", "."))
        return f"{match.group(1)}{value + Decimal('0.1') if 'chỉ tiêu năm' in match.group(0)[:30] else value}"
    # TODO values are folded over several lines to keep the line width: read them as one line
    text = re.sub(r'"TODO: [^"]*"', lambda m: re.sub(r"\n\s*", " ", m.group(0)), text)
    text = re.sub(r"(value: )\"TODO: [^(]*\(tạm lấy chỉ tiêu năm \d+: ([\d,]+)\)\"", lambda m: m.group(1) +
                  m.group(2).replace(",", "."), text)
    text = re.sub(r"(target: )\"TODO: [^(]*\(chỉ tiêu năm \d+: ([\d,]+)\)\"", number_from, text)
    text = re.sub(r"(rank: )\"TODO: [^(]*\(năm \d+: (\d+)\)\"", lambda m: m.group(1) + m.group(2), text)
    return re.sub(r"TODO: [^—]*—\s+", "", text)


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.stem)
def test_only_todo_markers_fail_validation(tmp_path, plan):
    result, out = roll_to(tmp_path, plan)
    with pytest.raises(PlanError) as exc:
        load_plan(out)
    errors = [p for p in exc.value.problems if p.level == "error"]
    assert errors and all(p.text.startswith("còn việc phải làm: TODO") for p in errors)
    assert len(errors) == len(result.todos)


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.stem)
def test_line_diff_touches_only_what_had_to_change(tmp_path, plan):
    result, out = roll_to(tmp_path, plan)
    old_lines = plan.read_text(encoding="utf-8").splitlines()
    new_lines = out.read_text(encoding="utf-8").splitlines()
    old_year, prev = str(result.old_year), str(result.old_year - 1)
    structural = re.compile(r"^\s*(id|year|number|date|target|value|rank|wording):")
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        todo_added = any("TODO" in line for line in new_lines[j1:j2])
        for line in old_lines[i1:i2]:
            assert old_year in line or prev in line or structural.match(line) or todo_added, \
                f"changed without reason: {line!r}"
        if op == "insert":
            assert all(line.startswith("# kehoach rollover") or structural.match(line) or
                       line.strip().startswith(("baseline:", "year:")) or
                       (todo_added and not re.match(r"^\s*[a-z_]+:\s", line))  # a folded TODO value
                       for line in new_lines[j1:j2])
    comments = [line for line in old_lines if line.lstrip().startswith("#")]
    assert [line for line in new_lines if line.lstrip().startswith("#")][:1] == comments[:1]
    assert all(c in new_lines for c in comments)
    assert new_lines[1].startswith("# kehoach rollover: từ ") and f"năm {old_year} → " in new_lines[1]


def test_years_move_only_where_structural(tmp_path):
    plan = next(p for p in PLANS if p.stem == "hung-yen-papi-2021")
    text = rollover(plan).text
    assert "Luật Bảo vệ môi trường năm 2020" in text          # a cited law keeps its year
    assert "thời kỳ 2021-2030" in text                       # a period is not the plan year
    assert "(ban hành trước ngày 10/02/2022)" in text         # deadline moves
    assert "timeframe: Trong năm 2022" in text               # timeframe moves
    assert "năm 2022 tăng bậc so với năm 2021" in text        # target year and results year move
    seed = rollover(next(p for p in PLANS if p.stem == "quang-nam-papi-2020")).text
    assert "Nghị định số 90/2013/NĐ-CP ngày 08/8/2013" in seed
    assert "timeframe: Quý IV/2021" in seed and "trước ngày 31/7/2021" in seed
    assert "giai đoạn 2016-2020" in seed


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.stem)
def test_filled_rollover_builds(tmp_path, plan):
    _, out = roll_to(tmp_path, plan)
    out.write_text(fill_todos(out.read_text(encoding="utf-8")), encoding="utf-8")
    result = build_plan(out, tmp_path / "build")
    assert result.files[0].suffix == ".docx"
    new_plan, _ = load_plan(out)
    assert new_plan.year == load_plan(plan)[0].year + 1
    assert new_plan.document.number is None and new_plan.document.date is None


def test_results_file_gives_confirmed_baselines(tmp_path):
    results = tmp_path / "ket-qua-2021.yaml"
    results.write_text("year: 2021\nresults:\n  papi:\n    value: 45.9\n    rank: 21\n    of: 63\n"
                       "  papi.2:\n    value: 5.62\n", encoding="utf-8")
    result, out = roll_to(tmp_path, SAMPLE, results_path=results)
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    by_id = {t["id"]: t for t in data["targets"]}
    assert by_id["t-papi"]["baseline"] == {"year": 2021, "value": 45.9, "rank": 21, "of": 63}
    assert by_id["t-cong-khai"]["baseline"] == {"year": 2021, "value": 5.62}
    assert str(by_id["t-moi-truong"]["baseline"]["value"]).startswith("TODO")  # no published result given
    assert all(str(t["target"]).startswith("TODO") for t in data["targets"])


def test_results_of_the_wrong_year_are_refused(tmp_path):
    results = tmp_path / "ket-qua.yaml"
    results.write_text("year: 2019\nresults:\n  papi:\n    value: 40\n", encoding="utf-8")
    with pytest.raises(PlanError) as exc:
        rollover(SAMPLE, results_path=results)
    assert "cần kết quả năm 2021" in str(exc.value)


def test_invalid_plan_is_not_rolled(plan_copy):
    with pytest.raises(PlanError):
        rollover(plan_copy(lambda t: t.replace("year: 2021", "year: x")))


def test_cli_refuses_to_overwrite_without_force(tmp_path):
    from tests.test_cli import run

    out = tmp_path / "next.yaml"
    assert run("rollover", SAMPLE, "-o", out).returncode == 0
    before = out.read_text(encoding="utf-8")
    done = run("rollover", SAMPLE, "-o", out)
    assert done.returncode == 1 and "--force" in done.stderr
    assert run("rollover", SAMPLE, "-o", out, "--force").returncode == 0
    assert out.read_text(encoding="utf-8") == before
    assert "(commit " in before.splitlines()[0]  # provenance records the git commit in a repository


def _real_2019_plan(plan_copy):
    """Lines as a real 2019 plan writes them (PAR Index, Quảng Nam style)."""
    def edit(text):
        text = text.replace("year: 2021\n", "year: 2019\n", 1)
        text = text.replace("  - Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ\n",
                            "  - Căn cứ Nghị quyết số 17/NQ-CP ngày 7/3/2019 của Chính phủ\n"
                            "  - Căn cứ Kế hoạch số 3495/KH-UBND ngày 14/12/2018 của UBND tỉnh\n"
                            "  - Căn cứ Kế hoạch số 3495/KH-UBND ngày 14 tháng 12 năm 2018 của UBND tỉnh\n")
        text = text.replace("    title: Chỉ tiêu điểm số\n",
                            "    title: Kết quả năm 2018 và chỉ tiêu phấn đấu năm 2019 theo Kế hoạch số "
                            "3495/KH-UBND ngày 14/12/2018\n")
        text = text.replace("Chủ trì, theo dõi, đôn đốc thực hiện Kế hoạch này.",
                            "Chủ trì, theo dõi, đôn đốc thực hiện Kế hoạch này; báo cáo kết quả trước ngày "
                            "20/02/2020 và sơ kết trước ngày 15/6/2019.")
        return re.sub(r"\b2021\b", "2019", text).replace("năm 2020", "năm 2018")
    return plan_copy(edit)


def test_cited_documents_keep_their_dates_and_years_move_once(plan_copy):
    text = rollover(_real_2019_plan(plan_copy)).text
    assert "Nghị quyết số 17/NQ-CP ngày 7/3/2019 của Chính phủ" in text
    assert "Kế hoạch số 3495/KH-UBND ngày 14/12/2018 của UBND tỉnh" in text
    assert "Kế hoạch số 3495/KH-UBND ngày 14 tháng 12 năm 2018 của UBND tỉnh" in text
    # the appendix title moves one year, not two, and its cited plan keeps its date
    assert ("title: Kết quả năm 2019 và chỉ tiêu phấn đấu năm 2020 theo Kế hoạch số 3495/KH-UBND "
            "ngày 14/12/2018") in text


def test_early_next_year_deadline_moves_with_the_plan(plan_copy):
    path = _real_2019_plan(plan_copy)
    assert not [w for w in load_plan(path)[1] if "sau năm kế hoạch" in w.text]  # normal, not warned
    text = rollover(path).text
    assert "báo cáo kết quả trước ngày 20/02/2021 và sơ kết trước ngày 15/6/2020." in text


@pytest.mark.parametrize("plan", [*PLANS, SAMPLE], ids=lambda p: p.stem)
def test_todo_lines_keep_the_house_width(plan):
    for line in rollover(plan).text.splitlines():
        if "TODO" in line:
            assert len(line) <= 100, line
    assert yaml.safe_load(rollover(plan).text)  # folded lines are still the same YAML values


def test_relative_targets_roll_over_to_todo_amounts(plan_copy):
    from tests.test_context import _real_targets

    data = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    _real_targets(data)
    path = plan_copy(lambda _: yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100))
    result = rollover(path)
    rolled = yaml.safe_load(result.text)
    by_id = {t["id"]: t for t in rolled["targets"]}
    assert by_id["r-par"]["change"]["by"].startswith("TODO: mức tăng, giảm năm 2022 cho 'par' (năm 2021: 2)")
    assert by_id["r-par"]["baseline"]["rank"].startswith("TODO: xác nhận thứ hạng năm 2021")
    assert by_id["r-sipas"]["change"]["by"].startswith("TODO: mức tăng, giảm năm 2022 cho 'sipas'")
    assert by_id["r-sipas"]["baseline"]["rank"].startswith("TODO: xác nhận kết quả năm 2021 của 'sipas'")
    out = path.with_name("next.yaml")
    out.write_text(result.text, encoding="utf-8")
    with pytest.raises(PlanError) as exc:
        load_plan(out)
    errors = [p for p in exc.value.problems if p.level == "error"]
    assert all(p.text.startswith("còn việc phải làm: TODO") for p in errors)
    assert len(errors) == len(result.todos)


def test_periods_stay_as_written(plan_copy):
    # "giai đoạn 2021-2025" names a period, not the plan's year: it must not become 2022-2025/2022-2026
    path = plan_copy(lambda t: t
                     .replace("title: Cải thiện Chỉ số PAPI tỉnh Quảng Nam năm 2021",
                              "title: Cải thiện Chỉ số PAPI tỉnh Quảng Nam năm 2021, giai đoạn 2021-2025")
                     .replace("timeframe: Quý II năm 2021", "timeframe: Năm 2021-2025")
                     .replace("closing: Trên đây là Kế hoạch cải thiện Chỉ số PAPI năm 2021",
                              "closing: Trên đây là Kế hoạch cải thiện Chỉ số PAPI năm 2021 (giai đoạn 2020 - 2025,"
                              " năm 2021-2025)"))
    text = rollover(path).text
    assert "title: Cải thiện Chỉ số PAPI tỉnh Quảng Nam năm 2022, giai đoạn 2021-2025\n" in text
    assert "timeframe: Năm 2021-2025\n" in text
    assert "PAPI năm 2022 (giai đoạn 2020 - 2025, năm 2021-2025)\n" in text


def test_trailing_comments_stay(plan_copy):
    path = plan_copy(lambda t: t
                     .replace("year: 2021\n", "year: 2021  # năm của kế hoạch\n")
                     .replace("    timeframe: Quý II năm 2021\n", "    timeframe: Quý II năm 2021 # hạn cuối\n"))
    text = rollover(path).text
    assert "year: 2022  # năm của kế hoạch\n" in text
    assert "    timeframe: Quý II năm 2022 # hạn cuối\n" in text


# ---------------------------------------------------------------- whose year is it (issue 21)

CORPUS = SAMPLE.parent.parent / "corpus"


def _value(text: str, *path):
    node = yaml.safe_load(text)
    for part in path:
        node = node[part]
    return node


def test_cited_documents_and_past_results_stay_as_written_the_plans_time_moves(tmp_path):
    result, out = roll_to(tmp_path, CORPUS / "par-2019.yaml")
    text = out.read_text(encoding="utf-8")
    old = (CORPUS / "par-2019.yaml").read_text(encoding="utf-8")
    # a cited decision keeps its date and its subject ("ban hành Kế hoạch hoạt động năm 2019")
    assert _value(text, "legal_bases", 1) == _value(old, "legal_bases", 1)
    assert "Quyết định số 75/QĐ-BCĐCCHC ngày 14 tháng 4 năm 2019" in text
    # a past result stays exactly as it was, and its paragraph is marked for new figures
    results = _value(text, "preamble", 0)
    assert results.startswith("TODO: đoạn nêu số liệu")
    assert results.endswith(_value(old, "preamble", 0))
    assert "(năm 2018 đạt 5,94 điểm, xếp hạng\n    05/63 tỉnh/thành)" in text
    # a target sentence with last year's result: the suggestion is last year's sentence, unshifted
    wording = _value(text, "targets", 1, "wording")
    assert wording.startswith("TODO: viết lại câu theo chỉ tiêu năm 2020")
    assert wording.endswith("Đạt tối thiểu từ 8,5/9 điểm lĩnh vực công tác chỉ đạo, điều hành năm 2019 (năm "
                            "2018 chỉ đạt 7,97/9 điểm).")
    # the plan's own time moves: title, deadlines, "trong năm", "đến hết năm", budget year, headers
    assert _value(text, "title") == "Nâng cao Chỉ số cải cách hành chính tỉnh Mẫu năm 2020"
    assert _value(text, "tasks", 0, "indicator") == "Kế hoạch ban hành trước ngày 31/01/2020."
    assert _value(text, "tasks", 1, "content") == "Báo cáo kết quả thực hiện kế hoạch trong năm 2020."
    assert "đến hết năm 2020 báo cáo kết quả" in text and "dự toán năm 2020 của Sở" in text
    assert _value(text, "appendices", 1, "headers") == {"baseline": "Điểm năm 2019", "target": "Mục tiêu năm 2020"}
    # another document by name keeps its year, and the drafter is told
    assert ("Thực hiện các nhiệm vụ trong năm 2020 theo Kế hoạch hoạt động năm 2019 của Ban Chỉ đạo."
            in text)
    assert any("Kế hoạch hoạt động năm 2019" in line and "giữ 2019" in line for line in result.kept)


def _texts(data, path=()):
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _texts(value, path + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _texts(value, path + (i,))
    elif isinstance(data, str):
        yield path, data


def _moved_years(old: str, new: str) -> int:
    """Years that differ between the same texts of two plan files (ids and TODO texts aside)."""
    before, after = dict(_texts(yaml.safe_load(old))), dict(_texts(yaml.safe_load(new)))
    return sum(a != b for path, text in before.items() if path[-1] != "id" and path in after
               and not after[path].startswith("TODO")
               for a, b in zip(re.findall(r"\b\d{4}\b", text), re.findall(r"\b\d{4}\b", after[path])))


def test_the_summary_lists_every_change_and_every_todo(tmp_path):
    from generator.workflow.rollover import summary

    result, out = roll_to(tmp_path, CORPUS / "par-2019.yaml")
    old = (CORPUS / "par-2019.yaml").read_text(encoding="utf-8")
    new = out.read_text(encoding="utf-8")
    # every year that moved is listed: count the years that differ, text by text
    assert _moved_years(old, new) == len(result.changes) > 10
    assert len(result.places) == len(result.todos) == new.count("TODO:")
    lines = summary(result)
    assert lines[0] == f"Đã chuyển {len(result.changes)} chỗ năm của kế hoạch (2019 → 2020):"
    assert f"Còn {len(result.todos)} chỗ TODO người soạn phải điền:" in lines
    assert any(line.startswith("  - legal_bases[1] (dòng 26") and "giữ 2019" in line for line in lines)


def test_results_are_shown_beside_the_sentence_they_replace(tmp_path):
    results = tmp_path / "ket-qua-2019.yaml"
    results.write_text("year: 2019\nresults:\n  par:\n    value: 84.1\n    rank: 9\n    of: 63\n"
                       "  par.1:\n    value: 8.6\n", encoding="utf-8")
    result, out = roll_to(tmp_path, CORPUS / "par-2019.yaml", results_path=results)
    text = out.read_text(encoding="utf-8")
    assert _value(text, "targets", 1, "wording").startswith(
        "TODO: viết lại câu theo chỉ tiêu năm 2020; kết quả năm 2019 đã nhập: par.1 8,6 (câu năm 2019 giữ")
    preamble = _value(text, "preamble", 0)
    assert "kết quả năm 2019 đã nhập: par 84,1, hạng 9/63" in preamble
    assert preamble.endswith(_value((CORPUS / "par-2019.yaml").read_text(encoding="utf-8"), "preamble", 0))


def test_a_cited_plans_subject_year_stays_and_this_plans_own_year_moves(tmp_path):
    result, out = roll_to(tmp_path, CORPUS / "cchc-2026.yaml")
    text = out.read_text(encoding="utf-8")
    citation = ("Căn cứ Kế hoạch số 125/KH-UBND ngày 20/01/2026 của UBND tỉnh về cải cách hành chính nhà nước "
                "năm 2026")
    assert _value(text, "legal_bases", 0) == citation
    assert _value(text, "preamble", 1) == (
        "Thực hiện Kế hoạch số 125/KH-UBND ngày 20/01/2026 của UBND tỉnh về cải cách hành chính nhà nước năm "
        "2026, UBND tỉnh ban hành Kế hoạch thi đua đẩy mạnh cải cách hành chính tỉnh Mẫu năm 2027 như sau:")
    time = _value(text, "sections", 1, "content")
    assert time[0] == "Phong trào thi đua trong năm 2027 và tính đến hết ngày 31/12/2027."
    assert time[1] == ("Các cơ quan xây dựng kế hoạch của mình trong Quý I/2027; Quý I/2028 tổng kết, gửi hồ sơ "
                       "khen thưởng về Sở Nội vụ trước ngày 15/02/2028.")
    goals = _value(text, "sections", 0, "content")
    # prose targets need new figures: marked, kept as written
    assert goals[0].startswith("TODO: câu nêu số liệu") and goals[0].endswith(
        "Phấn đấu Chỉ số cải cách hành chính năm 2026 của tỉnh đạt trên 90 điểm.")
    assert goals[2]["bullets"][0] == "Bám sát nhiệm vụ tại Kế hoạch cải cách hành chính năm 2026 của tỉnh."
    assert any("Kế hoạch cải cách hành chính năm 2026" in line for line in result.kept)


def test_an_imported_plan_with_prose_targets_rolls_over_to_todos(tmp_path, office_docx):
    """Import an office-style Word file of a plan whose targets are sentences, roll it over: the target
    sentences and the past results are marked for the drafter, so validate does not pass it. (The importer
    now reads a target sentence into a target with its printed `wording`: that wording becomes a
    'viết lại câu' TODO keeping last year's sentence; prose it could not read stays a 'nêu số liệu' TODO.)"""
    from generator.importer.pipeline import import_file

    imported = tmp_path / "cchc-2026.yaml"
    imported.write_text(import_file(office_docx(CORPUS / "cchc-2026.yaml"), imported).text, encoding="utf-8")
    result, out = roll_to(tmp_path, imported)
    text = out.read_text(encoding="utf-8")
    flat = " ".join(text.split())
    assert ("Căn cứ Kế hoạch số 125/KH-UBND ngày 20/01/2026 của UBND tỉnh về cải cách hành chính nhà nước năm "
            "2026") in flat and "nhà nước năm 2027" not in flat
    figures = [t for t in result.todos if "câu nêu số liệu" in t or "đoạn nêu số liệu" in t
               or "viết lại câu theo chỉ tiêu" in t]
    assert len(figures) >= 3 and any("nêu số liệu" in t for t in figures)
    with pytest.raises(PlanError) as exc:
        load_plan(out)
    assert sum(p.text.startswith("còn việc phải làm: TODO") for p in exc.value.problems) == len(result.todos)
    assert "Quý I/2028 tổng kết" in flat


def test_a_real_imported_plan_keeps_its_citations(tmp_path):
    """KH03 (Lâm Đồng, thi đua CCHC 2026, targets in prose), imported from Word and rolled over."""
    from generator.importer.pipeline import import_file
    from tests.real.test_truth import shared_dir

    shared = shared_dir()
    if shared is None:
        pytest.fail("thiếu thư mục tài liệu thật ../shared/real-docs (đặt thư mục shared bên cạnh kho, hoặc KEHOACH_SHARED)")
    imported = tmp_path / "kh03.yaml"
    imported.write_text(import_file(shared / "real-docs" / "KH03_kh-thidua-cchc-2026.docx", imported).text,
                        encoding="utf-8")
    result, out = roll_to(tmp_path, imported)
    flat = " ".join(out.read_text(encoding="utf-8").split())
    assert ("Căn cứ Kế hoạch số 9669/KH-UBND ngày 24/12/2025 của UBND tỉnh Lâm Đồng về cải cách hành chính nhà "
            "nước năm 2026 tỉnh Lâm Đồng") in flat
    assert "Kế hoạch CCHC năm 2026 của tỉnh" in flat  # another plan, named: kept, reported
    assert "trước ngày 15/02/2028" in flat and "Quý I/2027, các cơ quan" not in flat
    assert len(result.todos) >= 2  # the target sentences with figures


def test_a_period_written_with_spaces_stays_in_titles(plan_copy):
    # KH01's title "… giai đoạn 2026 - 2030" became "2027 - 2030"
    path = plan_copy(lambda t: t.replace("title: Cải thiện Chỉ số PAPI tỉnh Quảng Nam năm 2021",
                                         "title: Cải thiện Chỉ số PAPI tỉnh Quảng Nam giai đoạn 2021 - 2025"))
    assert "title: Cải thiện Chỉ số PAPI tỉnh Quảng Nam giai đoạn 2021 - 2025\n" in rollover(path).text


def _plan_of_2020(plan_copy, preamble):
    """The sample moved to 2020 (a leap year), with the given preamble paragraphs."""
    def edit(text):
        data = yaml.safe_load(text)
        data["year"], data["document"]["date"] = 2020, "2020-03-05"
        for target in data["targets"]:
            target["baseline"]["year"] = 2019
        data["preamble"] = preamble
        return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
    return plan_copy(edit)


def test_deadlines_move_a_year_at_the_first_and_last_day(plan_copy):
    path = _plan_of_2020(plan_copy, ["Hoàn thành trước ngày 01/01/2020.", "Hoàn thành trước ngày 31/12/2020.",
                                     "Báo cáo trước ngày 15/01/2021.", "Hoàn thành trước ngày 28/02/2020."])
    text = rollover(path).text
    for moved in ("trước ngày 01/01/2021.", "trước ngày 31/12/2021.", "trước ngày 15/01/2022.",
                  "trước ngày 28/02/2021."):
        assert moved in text, moved


@pytest.mark.parametrize("written", ["trước ngày 29/02/2020", "trước ngày 29 tháng 02 năm 2020"])
def test_a_deadline_on_29_february_never_becomes_a_day_that_does_not_exist(plan_copy, written):
    """Rolling a 2020 plan, '29/02/2020' would become '29/02/2021', a day the calendar has not (a false
    date, printed): the sentence gets a TODO naming it, so validate stops until a person picks the day."""
    path = _plan_of_2020(plan_copy, [f"Báo cáo sơ kết {written}."])
    result = rollover(path)
    data = yaml.safe_load(result.text)
    assert data["preamble"][0].startswith("TODO:") and "không có ngày 29/02/2021" in data["preamble"][0]
    assert any("29/02/2021" in todo for todo in result.todos)


@pytest.mark.parametrize("year,accepted", [(2021, True), (2020, False), (2022, False)])
def test_results_must_be_of_the_plan_year_exactly(tmp_path, year, accepted):
    results = tmp_path / "ket-qua.yaml"
    results.write_text(f"year: {year}\nresults:\n  papi:\n    value: 45.9\n", encoding="utf-8")
    if accepted:
        data = yaml.safe_load(rollover(SAMPLE, results_path=results).text)
        assert next(t for t in data["targets"] if t["id"] == "t-papi")["baseline"] == {"year": 2021, "value": 45.9}
    else:
        with pytest.raises(PlanError) as exc:
            rollover(SAMPLE, results_path=results)
        assert "cần kết quả năm 2021" in str(exc.value)


@pytest.mark.parametrize("new_year,accepted", [(2022, True), (2021, False), (2020, False)])
def test_the_new_year_must_come_after_the_plans_year(new_year, accepted):
    """Rolling the 2021 sample onto 2021 itself (or back) would make a second plan of the same year."""
    if accepted:
        assert rollover(SAMPLE, new_year).new_year == new_year
    else:
        with pytest.raises(KehoachError) as exc:
            rollover(SAMPLE, new_year)
        assert str(exc.value) == f"lỗi: năm mới ({new_year}) phải sau năm của kế hoạch (2021)"


def test_a_quarter_of_the_plans_year_in_words_moves_in_prose(plan_copy):
    """'trong Quý II năm 2021' in the preamble is the plan's time, written out: rolled onto 2022 it reads
    'Quý II năm 2022' and is not listed among the years kept, as 'Quý II/2021' would move (fresh mutant
    f3-rollover-quy-nam)."""
    path = plan_copy(lambda t: t.replace(
        "preamble:\n", "preamble:\n  - Các sở, ngành báo cáo kết quả thực hiện trong Quý II năm 2021.\n"
                       "  - Các huyện báo cáo kết quả thực hiện trong Quý III/2021.\n", 1))
    result = rollover(path)
    assert "  - Các sở, ngành báo cáo kết quả thực hiện trong Quý II năm 2022.\n" in result.text
    assert "  - Các huyện báo cáo kết quả thực hiện trong Quý III/2022.\n" in result.text
    assert not [line for line in result.kept if "Quý" in line], result.kept


def test_rollover_without_o_writes_the_plan_name_a_dash_and_the_new_year(tmp_path):
    from tests.test_cli import run

    (tmp_path / "ke-hoach.yaml").write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    done = run("rollover", "ke-hoach.yaml", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ke-hoach-2022.yaml", "ke-hoach.yaml"]
    assert "đã tạo ke-hoach-2022.yaml (năm 2021 → 2022)" in done.stdout + done.stderr


def test_a_year_before_the_plans_year_kept_in_prose_is_listed_as_kept():
    from generator.workflow.rollover import summary

    (plan,) = [p for p in PLANS if p.stem == "quang-nam-papi-2020"]
    result = rollover(plan)
    lines = summary(result)
    assert "Giữ nguyên 2 chỗ năm không phải thời gian của kế hoạch (kiểm tra lại nếu cần):" in lines
    kept = [line for line in lines if "giữ 2019 (không rõ là thời gian của kế hoạch)" in line]
    assert len(kept) == 1 and "các nội dung của Chỉ số PAPI năm 2019" in kept[0]


def test_each_year_shown_in_the_rollover_list_is_quoted_in_whole_words():
    """The list of years moved quoted 50 characters before and 20 after each year, cut anywhere: 'năm tiếp
    the…' for 'năm tiếp theo' (an English 'the' to the eye). The quote now starts and ends between words."""
    plan = next(p for p in PLANS if p.name == "quang-nam-papi-2020.yaml")
    source = " ".join(plan.read_text(encoding="utf-8").split())
    result = rollover(plan)
    quotes = [re.search(r"«…(.*?)…»", line).group(1) for line in result.changes + result.kept if "«…" in line]
    assert quotes
    for quote in quotes:
        first, last = quote.split()[0], quote.split()[-1]
        assert re.search(rf"(?<!\S){re.escape(first)}", source) and re.search(rf"{re.escape(last)}(?!\S)", source), quote


@pytest.mark.parametrize("baseline_year", [2020, 2019, 2018])
def test_the_rank_todo_names_the_year_of_the_rank_it_shows(plan_copy, baseline_year):
    """A 2021 plan whose baseline is {year: Y, rank: 40}: the rollover TODO asks for the 2021 rank and shows the
    rank it replaces with its own year, "(năm Y: 40)" — never the plan's year (fresh mutant f6-roll-rank-year:
    "(năm 2021: 40)"), nor the year before the plan when the baseline is older (a real plan's baseline may be
    the results of two years before, published late: validate accepts it), a false fact either way."""
    path = plan_copy(lambda t: t.replace("year: 2020\n      value: 44.33\n",
                                         f"year: {baseline_year}\n      value: 44.33\n      rank: 40\n", 1))
    assert f"year: {baseline_year}\n      value: 44.33\n      rank: 40\n" in path.read_text(encoding="utf-8")
    rolled = yaml.safe_load(rollover(path).text)
    baseline = next(t for t in rolled["targets"] if t["id"] == "t-papi")["baseline"]
    assert baseline["year"] == 2021
    assert " ".join(baseline["rank"].split()) == f"TODO: xác nhận thứ hạng năm 2021 của 'papi' (năm {baseline_year}: 40)"


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.stem)
def test_the_plans_id_names_the_new_year(tmp_path, plan):
    """'quang-nam-papi-2020' rolled to 2021 is 'quang-nam-papi-2021' (fresh mutants, batch 10: the old id was kept)."""
    result, out = roll_to(tmp_path, plan)
    old_id = yaml.safe_load(plan.read_text(encoding="utf-8"))["id"]
    new_id = yaml.safe_load(fill_todos(out.read_text(encoding="utf-8")))["id"]
    assert str(result.old_year) in old_id
    assert new_id == old_id.replace(str(result.old_year), str(result.new_year))


@pytest.mark.parametrize("header", ["Thời gian hoàn thành", "Thời hạn", "Tiến độ thực hiện"])
def test_a_free_tables_time_column_moves_with_the_plan(tmp_path, header):
    """A free table's cells under a time column ('Thời gian …', 'Thời hạn', 'Tiến độ') are the plan's own time and
    move a year, a bare year too ("Thường xuyên, 2019"), which elsewhere is kept and reported (fresh mutants, batch 13:
    'Tiến độ' was not moved)."""
    plan = tmp_path / "par-2019.yaml"
    text = (CORPUS / "par-2019.yaml").read_text(encoding="utf-8")
    text = text.replace("      - id: ghi-chu\n        header: Ghi chú\n",
                        f"      - id: ghi-chu\n        header: Ghi chú\n      - id: han\n        header: {header}\n", 1)
    text = text.replace("          ghi-chu: 79.53\n", "          ghi-chu: 79.53\n          han: Thường xuyên, 2019\n", 1)
    text = text.replace("      - text: Kết quả các năm\n        span: 2\n", "      - text: Kết quả các năm\n        span: 3\n", 1)
    plan.write_text(text, encoding="utf-8")
    _, out = roll_to(tmp_path, plan)
    rows = _value(out.read_text(encoding="utf-8"), "appendices")
    row = next(r for a in rows if a["id"] == "ket-qua" for r in a["rows"] if r["id"] == "r2")
    assert row["cells"]["han"] == "Thường xuyên, 2020"
