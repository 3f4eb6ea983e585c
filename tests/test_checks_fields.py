"""Each plan warning and error at its field, and the limits of dates, ranks, targets and appendix mentions
(split from tests/test_checks.py, over the 600-line limit)."""
from copy import deepcopy
from decimal import Decimal

import pytest

from generator.core.errors import PlanError
from generator.plan.validate import load_plan
from tests.test_validate import line_of, problems_of


def _signer(**changes):
    return lambda data: data["signer"].update(changes)


def _first_section_text(text):
    return lambda data: data["sections"][0]["content"].insert(0, text)


def _table(rows):
    from tests.test_context import _table_appendix

    def edit(data):
        data["appendices"].append(_table_appendix(rows))
        data["sections"][0]["content"].append({"appendix": "bang"})
    return edit


WARNINGS = {
    "tm-not-collective": (_signer(on_behalf_of="Chủ tịch"), "signer.on_behalf_of",
                          "'TM.' đi với tập thể (ví dụ ỦY BAN NHÂN DÂN), không phải 'Chủ tịch'"),
    "name-in-capitals": (_signer(name="HỒ QUANG BỬU"), "signer.name",
                         "họ tên người ký viết chữ thường (in đậm), không viết hoa toàn bộ"),
    "academic-title": (_signer(name="TS. Hồ Quang Bửu"), "signer.name",
                       "không ghi học hàm, học vị trước họ tên người ký (Nghị định 30, ô 7b)"),
    "kt-without-deputy": (_signer(title="Chủ tịch"), "signer.title",
                          "'KT. CHỦ TỊCH' là cấp phó ký thay: chức vụ thường là 'PHÓ CHỦ TỊCH', không phải 'Chủ tịch'"),
    "archive-not-vt": (lambda d: d["archive"].update(units=["NCKS", "VT"]), "archive.units[0]",
                       "dòng Lưu thường bắt đầu bằng 'VT' (Văn thư)"),
    "date-after-year": (lambda d: d["document"].update(date="2022-01-01"), "document.date",
                        "ngày ban hành 01/01/2022 sau năm kế hoạch 2021"),
    "section-numbered-by-hand": (lambda d: d["sections"][0].update(title="I. Mục đích, yêu cầu"), "sections[0].title",
                                 "tiêu đề mục không cần số La Mã: kehoach tự đánh số"),
    "paragraph-numbered-by-hand": (_first_section_text("1. Nội dung tự đánh số."), "sections[0].content[0]",
                                   "đoạn bắt đầu bằng số thứ tự hoặc gạch đầu dòng ('1. Nội'): kehoach tự đánh "
                                   "số, hãy bỏ phần này"),
    "appendix-number-out-of-range": (_first_section_text("Chi tiết tại Phụ lục III kèm theo."),
                                     "sections[0].content[0]",
                                     "nhắc 'Phụ lục III' nhưng kế hoạch có 2 phụ lục; hãy dùng khối 'appendix:' để số "
                                     "phụ lục luôn đúng"),
    "appendix-number-typed-in-lead-in": (lambda d: d["sections"][2]["content"][0].update(before="(Chi tiết tại Phụ lục I"),
                                         "sections[2].content[0].before",
                                         "câu dẫn có số phụ lục tự gõ 'Phụ lục I': kehoach không đánh lại số này"),
    "unfinished-sentence-before-appendix": (lambda d: d["sections"][2]["content"].insert(0, "Các nhiệm vụ cụ thể như sau"),
                                            "sections[2].content[0]",
                                            "đoạn chưa hết câu ngay trước câu dẫn phụ lục, câu dẫn sẽ in thành một "
                                            "dòng riêng"),
    "tasks-without-task-appendix": (lambda d: (d["appendices"].pop(0), d["sections"][2]["content"].pop(0)), "tasks",
                                    "có nhiệm vụ nhưng không có phụ lục loại 'tasks' để in chúng"),
    "responsibility-not-printed": (lambda d: d["sections"][3]["content"].pop(0), "responsibilities[0]",
                                   "trách nhiệm 'snv' không được in (thiếu khối 'responsibilities: all' trong một mục)"),
}


@pytest.mark.parametrize("case", sorted(WARNINGS))
def test_each_plan_warning_at_its_field(plan_from, case):
    edit, field, start = WARNINGS[case]
    _, clean = plan_from(lambda data: None, name="clean.yaml")
    _, warnings = plan_from(edit)
    new = [w for w in warnings if (w.field, w.text) not in {(c.field, c.text) for c in clean}]
    assert [w.field for w in new if w.text.startswith(start)] == [field], [(w.field, w.text) for w in new]


@pytest.mark.parametrize("label", ["I", "II"])
def test_each_appendix_of_the_plan_cited_by_its_number_is_not_warned(plan_from, label):
    """'Chi tiết tại Phụ lục II kèm theo.' in a plan with two appendices names one it has: no "nhắc 'Phụ lục …'
    nhưng kế hoạch có 2 phụ lục" (fresh mutant p-last-appendix-mention-warned warned the last one); III is warned
    (`test_each_plan_warning_at_its_field`)."""
    plan, warnings = plan_from(_first_section_text(f"Chi tiết tại Phụ lục {label} kèm theo."))
    assert len(plan.appendices) == 2
    assert not [w.text for w in warnings if w.text.startswith("nhắc 'Phụ lục")]


ERRORS = {
    "span-out-of-table": (_table([{"id": "r1", "cells": {"stt": "1", "name": "A"}, "spans": {"name": {"columns": 3}}}]),
                          "appendices[2].rows[0].spans.name", "ô gộp 3 cột, 1 dòng vượt ra ngoài bảng"),
    "span-on-a-group-row": (_table([{"id": "g", "group": True, "cells": {"stt": "I", "name": "Nhóm"},
                                     "spans": {"name": {"columns": 2}}}]),
                            "appendices[2].rows[0].spans.name",
                            "dòng nhóm đã tự gộp ô tới cột cuối: bỏ 'spans' ở dòng này"),
    "span-down-into-a-group-row": (_table([{"id": "r1", "cells": {"stt": "1", "name": "A"}, "spans": {"stt": {"rows": 2}}},
                                           {"id": "g", "group": True, "cells": {"name": "Nhóm"}}]),
                                   "appendices[2].rows[1].group", "ô gộp từ dòng r1, cột stt kéo xuống dòng nhóm 'g'"),
    "unknown-column": (_table([{"id": "r1", "cells": {"stt": "1", "ten": "A"}}]), "appendices[2].rows[0].cells.ten",
                       "'ten'"),
    "unknown-target-in-list": (lambda d: d["sections"][1]["content"][1]["content"][0]["targets"].append("t-khong-co"),
                               "sections[1].content[1].content[0].targets[2]", "'t-khong-co'"),
    "unknown-responsibility": (lambda d: d["sections"][3]["content"].__setitem__(0, {"responsibilities": ["snv", "khac"]}),
                               "sections[3].content[0].responsibilities[1]", "'khac'"),
    "responsibilities-all-without-any": (lambda d: d.update(responsibilities=[]), "sections[3].content[0]",
                                         "chưa khai báo mục 'responsibilities' để in"),
    "unknown-covers": (lambda d: d["recipients"][1]["covers"].append("nhom-la"), "recipients[1].covers[1]", "'nhom-la'"),
    "archive-in-recipients": (lambda d: d["recipients"].append({"text": "Lưu: VT"}), "recipients[3].text",
                              "dòng 'Lưu' khai báo ở mục archive"),
    # fresh mutant f3-recipient-dash-luu: typed with its dash, the build would print '- - Lưu: …;' and '- Lưu: ….'
    "archive-in-recipients-with-its-dash": (lambda d: d["recipients"].append({"text": "- Lưu: VT, CVNC"}),
                                            "recipients[3].text", "dòng 'Lưu' khai báo ở mục archive"),
}


@pytest.mark.parametrize("case", sorted(ERRORS))
def test_each_plan_error_at_its_field(plan_from, case):
    edit, field, words = ERRORS[case]
    with pytest.raises(PlanError) as exc:
        plan_from(edit)
    errors = [p for p in exc.value.problems if p.level == "error"]
    assert [(p.field, words in p.text) for p in errors] == [(field, True)], [(p.field, p.text) for p in errors]


def test_a_span_ending_on_the_last_column_or_row_is_allowed(plan_from):
    edit = _table([{"id": "r1", "cells": {"stt": "1", "name": "A"}, "spans": {"name": {"columns": 2}}},
                   {"id": "r2", "cells": {"stt": "2"}, "spans": {"stt": {"rows": 1}}}])
    _, warnings = plan_from(edit)
    assert not [w for w in warnings if "ô gộp" in w.text]


@pytest.mark.parametrize("date,warned", [("2021-12-31", False), ("2022-01-01", True), ("2021-01-01", False),
                                         ("2020-12-31", False)])
def test_an_issue_date_after_the_plan_year_is_warned(plan_from, date, warned):
    """A plan is issued in its year or before it (a 2021 plan signed in December 2020 is normal)."""
    _, warnings = plan_from(lambda d: d["document"].update(date=date))
    found = [w.text for w in warnings if "sau năm kế hoạch" in w.text]
    assert len(found) == (1 if warned else 0), found


@pytest.mark.parametrize("timeframe,warned", [("Quý IV/2021", False), ("Trong năm 2021", False),
                                              ("Năm 2022", True), ("Thường xuyên", False), ("2020-2021", True)])
def test_a_timeframe_naming_another_year_is_warned(plan_from, timeframe, warned):
    _, warnings = plan_from(lambda d: d["tasks"][0].update(timeframe=timeframe))
    found = [w for w in warnings if w.field == "tasks[0].timeframe"]
    assert len(found) == (1 if warned else 0), [w.text for w in found]
    if warned:
        assert found[0].text.endswith("ngoài năm kế hoạch 2021")


@pytest.mark.parametrize("year,of,warning", [
    (2024, 63, None), (2025, 34, None),  # 63 provinces ranked until the 2025 merger, 34 from 2025
    (2024, 34, "năm 2024 có 63 tỉnh, thành phố, không phải 34"),
    (2025, 63, "năm 2025 có 34 tỉnh, thành phố, không phải 63"),
])
def test_a_rank_is_out_of_the_provinces_of_its_year(plan_from, year, of, warning):
    def edit(data):
        data["targets"].append({"id": "t-hang", "criterion": "papi", "unit": "hạng", "target": 8,
                                "baseline": {"year": year, "rank": 10, "of": of}})
        data["sections"][1]["content"].append({"targets": ["t-hang"]})
    _, warnings = plan_from(edit)
    found = [w.text for w in warnings if "tỉnh, thành phố" in w.text]
    assert found == ([] if warning is None else [warning])


@pytest.mark.parametrize("mention,warned", [("Chi tiết nhiệm vụ tại phụ lục kèm theo.", False),
                                            ("Chi tiết nhiệm vụ tại Phụ lục kèm theo.", False),
                                            ("Chi tiết nhiệm vụ kèm theo Kế hoạch này.", True)])
def test_a_single_appendix_mentioned_as_phu_luc_in_small_letters_counts_as_referenced(plan_from, mention, warned):
    """A plan with one appendix cited only as 'tại phụ lục kèm theo' (small p) is not warned 'phụ lục … không
    được dẫn chiếu' (fresh mutant f3-appendix-mention-case); a plan that never names it is."""
    def edit(data):
        data["appendices"] = [a for a in data["appendices"] if a.get("type") == "tasks"]
        for section in data["sections"]:
            content = section.get("content", [])
            content[:] = [b for b in content if not (isinstance(b, dict) and "appendix" in b)]
        data["sections"][2]["content"].append(mention)
    _, warnings = plan_from(edit)
    found = [w.text for w in warnings if "không được dẫn chiếu" in w.text]
    assert len(found) == (1 if warned else 0), found


def test_an_upper_header_row_with_one_named_group_is_not_warned(plan_from):
    """The guide's own example: columns outside any group have no `text` (each merged down both header rows) and
    one group is named: nothing to warn about; a row with no name at all is warned (fresh mutant
    g-header-groups-no-text warned about the guide's example)."""
    def groups(*named):
        def edit(data):
            data["appendices"][0]["header_groups"] = [{"span": 3}, {"text": named[0], "span": 2}, {"span": 2}] \
                if named else [{"span": 3}, {"span": 2}, {"span": 2}]
        return edit
    _, warnings = plan_from(groups("Cơ quan thực hiện"))
    assert [w.text for w in warnings if w.field == "appendices[0].header_groups"] == []
    _, warnings = plan_from(groups(), "unnamed.yaml")
    assert [w.text for w in warnings if w.field == "appendices[0].header_groups"] == [
        "dòng tiêu đề trên không có nhóm nào có tên ('text')"]


@pytest.mark.parametrize("target,refused", [(1, False), (63, False), (0, True), (64, True), (2.5, True)])
def test_a_rank_target_runs_from_first_to_the_number_of_provinces(plan_from, target, refused):
    """A 2021 plan ranks among 63 provinces: 63rd is a rank a plan may name, 64th or 0 is not (fresh mutant
    validate-rank-63, batch 7b, refused 63)."""
    def edit(data):
        data["targets"][0].update({"unit": "hạng", "target": target, "wording": "Phấn đấu xếp hạng {target}."})
        data["targets"][0]["baseline"] = {"year": 2020}
    told = "thứ hạng phải là số nguyên từ 1 đến 63"
    if refused:
        with pytest.raises(PlanError) as exc:
            plan_from(edit)
        assert any(told in p.text for p in exc.value.problems if p.level == "error"), exc.value.problems
    else:
        plan_from(edit)


def test_a_target_printed_nowhere_is_warned_with_how_to_print_it():
    # tests/data/sample-2022.yaml declares t-dien-tu (Quản trị điện tử, papi.8): no sentence names it and the
    # scores appendix lists papi.2 and papi.7 only, so the built document never printed it and an import of
    # that document lost it, without a word from validate or build
    from pathlib import Path

    sample = Path(__file__).parent / "data" / "sample-2022.yaml"
    _, warnings = load_plan(sample)
    (warning,) = [w for w in warnings if "không được in ở đâu" in w.text]
    assert warning.field == "targets[3]" and warning.line == line_of(sample, "- id: t-dien-tu")
    assert "'t-dien-tu'" in warning.text
    # how to print it: the body's list of targets (with its line), or the criterion in the scores appendix
    assert "sections[1].content[1].content[0].targets" in warning.text
    assert f"(dòng {line_of(sample, '- t-cong-khai')})" in warning.text
    assert "'papi.8'" in warning.text and "phụ lục điểm 'diem'" in warning.text


def test_a_target_the_scores_appendix_prints_is_printed(plan_from):
    # t-cong-khai (papi.2) dropped from the body's list: the scores appendix still prints it on papi.2's row
    def drop(data):
        data["sections"][1]["content"][1]["content"][0]["targets"] = ["t-moi-truong"]

    _, warnings = plan_from(drop)
    assert not [w for w in warnings if "không được in ở đâu" in w.text]


def test_a_percentage_target_only_the_scores_appendix_lists_is_printed_nowhere(plan_from):
    # the scores table never prints a percentage under its score columns (render/appendices/scores.py)
    def percent(data):
        data["sections"][1]["content"][1]["content"][0]["targets"] = ["t-moi-truong"]
        data["targets"][1].update(unit="%", target=95)
        data["targets"][1].pop("baseline")

    _, warnings = plan_from(percent)
    (warning,) = [w for w in warnings if "không được in ở đâu" in w.text]
    assert warning.field == "targets[1]" and "phụ lục điểm" not in warning.text


def test_a_target_stated_in_another_printed_targets_sentence_is_printed():
    """Import keeps a sentence stating two targets once, on its first ("các Chỉ số PAPI, PAR INDEX … nhóm 20 tỉnh dẫn
    đầu"): the second is printed by those words, no "không được in ở đâu" for it; a value the sentence does not
    state is still unprinted."""
    from types import SimpleNamespace

    from generator.plan.target_checks import _stated_in

    said = ["Các Chỉ số PAPI, PAR INDEX của tỉnh nằm trong nhóm 20 tỉnh, thành phố dẫn đầu cả nước."]
    assert _stated_in(SimpleNamespace(target=20), said)
    assert _stated_in(SimpleNamespace(target=Decimal("20.0")), said)
    assert not _stated_in(SimpleNamespace(target=2), said)  # "20" is not "2"
    assert not _stated_in(SimpleNamespace(target=15), said)
    assert _stated_in(SimpleNamespace(target=Decimal("45.5")), ["đạt tối thiểu 45,5 điểm"])
    assert not _stated_in(SimpleNamespace(target=45), ["đạt tối thiểu 45,5 điểm"])
    assert not _stated_in(SimpleNamespace(target=None), said)
