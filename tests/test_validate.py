"""Schema errors become located Vietnamese messages, all of them at once."""
import pytest

from generator.core.errors import PlanError
from generator.plan.validate import load_plan
from tests.conftest import PLANS, SAMPLE


def problems_of(path):
    with pytest.raises(PlanError) as exc:
        load_plan(path)
    return exc.value.problems


def line_of(path, needle):
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(needle)


# the warnings a drafter sees on the shipped plans, each at its field (recipient coverage, appendix
# references): a check that stops warning, or warns about what is covered, changes this list
SHIPPED_WARNINGS = {
    "hung-yen-papi-2021": [
        ("tasks[17].co[0]", "'Bảo hiểm xã hội tỉnh' (phối hợp) không có trong Nơi nhận"),
        (None, "'Mặt trận Tổ quốc và các đoàn thể' (phối hợp) không có trong Nơi nhận"),
        (None, "phụ lục 'bieu-tong-hop' không được dẫn chiếu trong nội dung"),
    ],
    "quang-nam-papi-2020": [
        (None, "'Đài Phát thanh và Truyền hình tỉnh' (phối hợp)"), (None, "'Báo Quảng Nam' (phối hợp)"),
        (None, "'Tòa án nhân dân tỉnh' (chủ trì)"), (None, "'Tòa án nhân dân cấp huyện' (phối hợp)"),
        (None, "'Đoàn Kiểm tra CCHC tỉnh' (chủ trì)"),
        (None, "'Các tổ chức chính trị - xã hội, đoàn thể' (phối hợp)"), (None, "'Điện lực tỉnh' (phối hợp)"),
    ],
    "quang-nam-par-sipas-2022": [],
    "sample": [],
}


@pytest.mark.parametrize("path", [*PLANS, SAMPLE], ids=lambda p: p.stem)
def test_shipped_plans_validate_with_exactly_their_known_warnings(path):
    plan, warnings = load_plan(path)
    assert plan.id == path.stem
    expected = SHIPPED_WARNINGS[path.stem]
    assert len(warnings) == len(expected), [w.text for w in warnings]
    for warning, (field, start) in zip(warnings, expected):
        assert warning.text.startswith(start), warning.text
        assert warning.line and warning.file == str(path)
        if field:
            assert warning.field == field


def test_unknown_key_gets_a_did_you_mean_at_its_line(plan_copy):
    path = plan_copy(lambda t: t.replace("  full_name: Ủy ban", "  full_nam: Ủy ban"))
    messages = {(p.line, p.field): p.text for p in problems_of(path)}
    line = line_of(path, "full_nam:")
    assert "có phải ý bạn là 'full_name'" in messages[(line, "issuer.full_nam")]
    # the suggestion already names the missing key: it is not reported a second time
    assert len(messages) == 1


def test_misspelt_block_key_is_named(plan_copy):
    path = plan_copy(lambda t: t.replace("      - title: Mục đích\n", "      - titel: Mục đích\n"))
    (problem,) = problems_of(path)
    assert problem.line == line_of(path, "titel:")
    assert "'titel'" in problem.text and "'title'" in problem.text


def test_wrong_type_and_every_error_reported_together(plan_copy):
    path = plan_copy(lambda t: t.replace("year: 2021", "year: hai nghìn").replace("  number: 5\n", "  number: năm\n"))
    problems = problems_of(path)
    paths = {p.field: p for p in problems}
    assert paths["year"].line == line_of(path, "year: hai")
    assert paths["document.number"].text == "phải là số nguyên"
    assert len(problems) == 2


def test_yes_no_and_numbers_where_text_is_expected(plan_copy):
    path = plan_copy(lambda t: t.replace("    timeframe: Thường xuyên", "    timeframe: yes"))
    (problem,) = problems_of(path)
    assert problem.field == "tasks[0].timeframe" and "dấu nháy" in problem.text


def test_bad_id_is_explained(plan_copy):
    path = plan_copy(lambda t: t.replace("  - id: so-noi-vu\n", "  - id: Sở Nội vụ\n"))
    problems = problems_of(path)
    first = next(p for p in problems if p.field == "agencies[0].id")
    assert "chữ thường không dấu" in first.text


def test_missing_signer_name(plan_copy):
    path = plan_copy(lambda t: t.replace("  name: Hồ Quang Bửu\n", ""))
    (problem,) = problems_of(path)
    assert problem.field == "signer.name" and "thiếu trường bắt buộc 'name'" in problem.text
    assert problem.line == line_of(path, "  on_behalf_of:")


def test_unknown_appendix_type_points_at_type(plan_copy):
    path = plan_copy(lambda t: t.replace("    type: scores", "    type: score"))
    (problem,) = problems_of(path)
    assert problem.field == "appendices[1].type" and "tasks" in problem.text


def test_schema_and_cross_reference_errors_come_in_one_run(plan_copy):
    """A wrong shape in one part does not hide an unknown agency or target elsewhere."""
    path = plan_copy(lambda t: t.replace("    timeframe: Thường xuyên", "    timeframe: [1, 2]")
                     .replace("  abbreviation: UBND", "  abbrev: UBND")
                     .replace("      - ubnd-cap-huyen\n    timeframe: Quý II", "      - so-noi-vuu\n    timeframe: Quý II")
                     .replace("      - target: t-papi", "      - target: t-pap"))
    problems = {p.field: p.text for p in problems_of(path)}
    assert problems["issuer.abbrev"].startswith("khóa 'abbrev' không có trong lược đồ")
    assert problems["tasks[0].timeframe"].startswith("phải là chữ")
    assert "'so-noi-vu'" in problems["tasks[1].lead[0]"]  # checked although tasks[0] is malformed
    assert "'t-papi'" in problems["sections[1].content[0].target"]
    assert len(problems) == 4


def test_references_to_a_part_that_could_not_be_read_are_not_reported(plan_copy):
    # t-papi has neither 'target' nor 'change' (a schema error); the section that prints it is not
    # also reported as naming an unknown target
    path = plan_copy(lambda t: t.replace("      value: 44.33\n    target: 46.5\n", "      value: 44.33\n"))
    (problem,) = [p for p in problems_of(path) if p.level == "error"]
    assert problem.field == "targets[0]" and "'target'" in problem.text


def test_paths_after_a_left_out_element_point_at_the_right_lines(plan_copy):
    # tasks[0] cannot be read; the unknown agency of tasks[1] must still be reported at tasks[1]
    path = plan_copy(lambda t: t.replace("    content: |-\n      Công khai danh sách hộ nghèo.\n"
                                         "      1.1. Niêm yết tại trụ sở UBND cấp xã & nhà văn hóa <thôn>.\n", "")
                     .replace("      - ubnd-cap-huyen\n    timeframe: Quý II", "      - so-noi-vuu\n    timeframe: Quý II"))
    problems = problems_of(path)
    unknown = next(p for p in problems if "so-noi-vuu" in p.text)
    assert unknown.field == "tasks[1].lead[0]" and unknown.line == line_of(path, "- so-noi-vuu")


def test_a_scalar_where_a_mapping_belongs_names_the_expected_keys(plan_copy):
    path = plan_copy(lambda t: t.replace("signer:\n", "signer: Nguyễn Văn A\nsigner_cu:\n", 1))
    problems = {p.field: p.text for p in problems_of(path)}
    assert problems["signer"] == ("phải là một bảng 'khóa: giá trị'; khóa bắt buộc: title, name; "
                                  "khóa tùy chọn: on_behalf_of, signing_for")


def test_warnings_are_printed_in_file_order(plan_copy):
    """Issue 21: warnings came in the order of the checks (a preamble's numbering after the targets),
    errors in file order; so the same warnings moved about from one run to the next as errors were
    fixed. Both are in file order now."""
    from tests.test_cli import run

    path = plan_copy(lambda t: t.replace("    target: 4.0", "    target: 3.5").replace(
        "preamble:\n  - '", "preamble:\n  - '1. "))
    done = run("validate", path)
    lines = [line for line in done.stderr.splitlines() if "cảnh báo:" in line]
    assert len(lines) == 2 and done.returncode == 0
    numbers = [int(line.split(":")[1]) for line in lines]
    assert numbers == sorted(numbers) and "preamble[0]" in lines[0]


def _problem_of(plan_copy, old, new):
    path = plan_copy(lambda t: t.replace(old, new, 1))
    problems = [p for p in problems_of(path) if p.level == "error"]
    assert len(problems) == 1, [(p.field, p.text) for p in problems]
    return problems[0], path


@pytest.mark.parametrize("old,new,field,text", [
    ("  copies: 2", "  copies: 0", "archive.copies", "phải ≥ 1"),
    ("    orientation: portrait", "    orientation: ngang", "appendices[1].orientation",
     "giá trị không hợp lệ; chấp nhận: 'auto', 'portrait' hoặc 'landscape'"),
    ("    criteria:\n      - papi.2\n      - papi.7\n", "    criteria: []\n", "appendices[1].criteria",
     "cần ít nhất 1 phần tử"),
    ("  - id: snv", "  - id: S NV", "responsibilities[0].id",
     "mã không hợp lệ: chỉ dùng chữ thường không dấu, chữ số, '.', '-', '_' và bắt đầu bằng chữ hoặc số (ví dụ: so-noi-vu)"),
    ("  name: Hồ Quang Bửu", "  name: '   '", "signer.name", "không được để trống (chỉ có dấu cách hoặc khoảng trắng)"),
    ("  - id: cong-khai-ho-ngheo", "  - id: c" + "a" * 70, "tasks[0].id", "quá dài (tối đa 64 ký tự)"),
    ("    target: 46.5", "    target: 46,5", "targets[0].target",
     "số thập phân phải viết bằng dấu chấm: 46.5 (không phải 46,5)"),
])
def test_schema_errors_say_what_is_accepted_at_the_line(plan_copy, old, new, field, text):
    problem, path = _problem_of(plan_copy, old, new)
    assert (problem.field, problem.text) == (field, text)
    assert problem.line == line_of(path, new.split("\n")[0])


@pytest.mark.parametrize("year,told", [(2100, None), (2101, "phải ≤ 2100")])
def test_a_year_past_the_last_allowed_is_told_the_inclusive_bound(plan_copy, year, told):
    """The bound a drafter is told is the one that holds: 2100 is allowed, so 2101 is told "phải ≤ 2100", never
    "phải < 2100" (fresh mutant p-le-sign, batch 8)."""
    path = plan_copy(lambda text: text.replace("year: 2021", f"year: {year}", 1))
    try:
        load_plan(path)
    except PlanError as exc:
        texts = [p.text for p in exc.problems if p.level == "error" and p.field == "year"]
        assert told is not None and any(t.endswith(told) for t in texts), texts
    else:
        assert told is None


@pytest.mark.parametrize("new,text", [
    # a date typed as Word shows it: the drafter is told the form to write, with their own date in it
    ("  date: 05/03/2021", "phải là ngày dạng năm-tháng-ngày: viết 2021-03-05 (không phải 05/03/2021)"),
    ("  date: 5/3/2021", "phải là ngày dạng năm-tháng-ngày: viết 2021-03-05 (không phải 5/3/2021)"),
    ("  date: 31/02/2021", "ngày 31/02/2021 không có thật (tháng 2 năm 2021 không có ngày 31); "
                           "viết ngày dạng năm-tháng-ngày, ví dụ 2021-02-28"),
    ("  date: ngày 5 tháng 3", "phải là ngày dạng năm-tháng-ngày (YYYY-MM-DD), ví dụ 2021-03-15"),
])
def test_a_date_typed_day_first_is_told_how_to_write_it(plan_copy, new, text):
    problem, path = _problem_of(plan_copy, "  date: 2021-03-05", new)
    assert (problem.field, problem.text) == ("document.date", text)
    assert problem.line == line_of(path, new)


@pytest.mark.parametrize("old,new,field,text", [
    # a required text left empty after its key ("name: ") is not a text "that looks like a number"
    ("  name: Hồ Quang Bửu", "  name:", "signer.name", "chưa điền: viết nội dung sau dấu ':'"),
    # a bullet pasted with its dash after the list's own dash ("- - Nâng cao …") is a list in YAML
    ("  - Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015",
     "  - - Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015", "legal_bases[0]",
     "dòng có hai dấu gạch đầu dòng ('- - …'): bỏ dấu '-' thứ hai (kehoach tự in gạch đầu dòng)"),
])
def test_an_empty_or_doubly_dashed_text_is_told_what_happened(plan_copy, old, new, field, text):
    problem, path = _problem_of(plan_copy, old, new)
    assert (problem.field, problem.text) == (field, text)
    assert path.read_text(encoding="utf-8").splitlines()[problem.line - 1] == new


@pytest.mark.parametrize("old,new,field,text", [
    # an index or criterion written as documents name it: the code to write instead
    ("    criterion: papi\n", "    criterion: PAPI\n", "targets[0].criterion",
     "mã không hợp lệ: viết 'papi' (mã viết chữ thường), không viết 'PAPI'"),
    ("    criterion: papi\n", "    criterion: PAR Index\n", "targets[0].criterion",
     "mã không hợp lệ: viết 'par' (mã của chỉ số PAR Index), không viết 'PAR Index'"),
    ('  papi: "2018"\n', '  PAPI: "2018"\n', "indices.PAPI", "mã không hợp lệ: viết 'papi' (mã viết chữ thường), không viết 'PAPI'"),
])
def test_an_index_written_as_documents_name_it_is_told_its_code(plan_copy, old, new, field, text):
    problem, path = _problem_of(plan_copy, old, new)
    assert (problem.field, problem.text) == (field, text)
    assert problem.line == line_of(path, new.strip())
