"""`kehoach import` on kehoach's own build of the sample, changed the way a user's document differs: what the
importer must read (the signer, the lead and co columns, the baseline a sentence implies). Issue 23: each of
these was once read wrong with the whole suite passing."""
from __future__ import annotations

from decimal import Decimal

import pytest
import yaml

from generator.importer.importer import TODO, import_document
from generator.plan.validate import load_plan
from generator.render.context import build_context
from generator.render.docx import render_docx
from generator.render.templates import default_template
from generator.word import read_docx
from tests.conftest import SAMPLE
from tests.word.test_check import Doc, set_text


def built_sample(tmp_path, edit=None, name="plan"):
    """The sample plan, edited as a drafter would, validated and rendered to .docx (the .docx alone: the
    workbook and the atomic output folder are not what these tests are about)."""
    data = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    if edit:
        edit(data)
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    docx = tmp_path / f"{name}.docx"
    docx.write_bytes(render_docx(build_context(load_plan(path)[0]), default_template("kehoach.docx")))
    return docx


def imported(path):
    return import_document(read_docx(path).value, plan_id="x")


@pytest.fixture(scope="module")
def sample_docx(tmp_path_factory):
    return built_sample(tmp_path_factory.mktemp("sample"))


# ---------------------------------------------------------------- the signer


def test_signer_read_from_the_build(sample_docx):
    signer = imported(sample_docx).data["signer"]
    assert signer["name"] == "Hồ Quang Bửu" and signer["title"] == "PHÓ CHỦ TỊCH"


@pytest.mark.parametrize("mark", ["(Đóng dấu)", "(Ký, đóng dấu)", "(Đã ký)"])
def test_a_seal_or_signature_mark_is_never_the_signer_name(sample_docx, tmp_path, mark):
    """A draft's signature block with a mark where the name will go: the name is a TODO, not '(Đóng dấu)';
    with the name below the mark, the name is read."""
    doc = Doc(sample_docx)
    set_text(doc.para("Hồ Quang Bửu"), "Hồ Quang Bửu", mark)
    result = imported(doc.save(tmp_path / "mark.docx"))
    assert result.data["signer"]["name"].startswith(TODO), result.data["signer"]
    assert any(mark in n.text for n in result.notes), [n.text for n in result.notes]

    doc = Doc(sample_docx)
    name = doc.para("Hồ Quang Bửu")
    import copy
    above = copy.deepcopy(name)
    set_text(above, "Hồ Quang Bửu", mark)
    name.addprevious(above)
    assert imported(doc.save(tmp_path / "mark-above.docx")).data["signer"]["name"] == "Hồ Quang Bửu"


# ---------------------------------------------------------------- the task table's agency columns


@pytest.mark.parametrize("lead,co", [
    ("Cơ quan chủ trì thực hiện", "Cơ quan phối hợp thực hiện"),
    ("Chủ trì", "Phối hợp"),
    ("Đơn vị chủ trì thực hiện", "Đơn vị phối hợp"),
])
def test_lead_and_co_columns_are_read_by_their_headers(tmp_path, lead, co):
    """'Cơ quan chủ trì thực hiện' is the lead column (it also says 'thực hiện'), the 'phối hợp' column the
    co-operating agencies; none is dropped."""
    def edit(data):
        appendix = next(a for a in data["appendices"] if a["type"] == "tasks")
        appendix.setdefault("headers", {}).update({"lead": lead, "co": co})
    result = imported(built_sample(tmp_path, edit))
    task = next(t for t in result.data["tasks"] if str(t.get("content", "")).startswith("Công khai danh sách hộ nghèo"))
    names = {a["id"]: a["name"] for a in result.data.get("agencies", [])}

    def shown(refs):
        return [names.get(r, r) for r in refs]
    assert shown(task["lead"]) == ["Sở Nội vụ"], task
    assert len(task["co"]) == 2 and "Sở Nội vụ" not in shown(task["co"]), task
    other = next(t for t in result.data["tasks"] if str(t.get("content", "")).startswith("Tuyên truyền"))
    assert len(other["lead"]) == 1 and not other.get("co"), other


# ---------------------------------------------------------------- the baseline a target sentence implies


@pytest.mark.parametrize("cases", [
    [(4.2, 4.0, "giảm 0,2 điểm"), (5.7, 5.7, "bằng kết quả năm 2020")],
    [(3.99, 4.0, "tăng 0,01 điểm"), (0.5, 10, "tăng 9,5 điểm")],
], ids=["down-and-equal", "just-up-and-to-the-maximum"])
def test_baseline_is_the_target_less_the_change_printed(tmp_path, cases):
    """'đạt 4,0/10 điểm (giảm 0,2 điểm so với năm 2020)': last year's result was 4,2 (target + 0,2). Two
    targets per build (papi.7, papi.2)."""
    def edit(data):
        for i, (baseline, target, _) in zip((2, 1), cases):
            data["targets"][i].update({"baseline": {"year": 2020, "value": baseline}, "target": target})
    path = built_sample(tmp_path, edit)
    from docx import Document

    printed = [p.text for p in Document(str(path)).paragraphs]
    targets = {t.get("criterion"): t for t in imported(path).data["targets"]}
    for code, (baseline, target, said) in zip(("papi.7", "papi.2"), cases):
        assert any(said in text for text in printed), said
        found = targets[code]
        assert Decimal(str(found["target"])) == Decimal(str(target))
        assert found["baseline"]["year"] == 2020
        assert Decimal(str(found["baseline"]["value"])) == Decimal(str(baseline)), found


# ---------------------------------------------------------------- the header's number and date


@pytest.mark.parametrize("number,date,copies", [(9, "2021-12-31", 9), (10, "2021-01-01", 10), (5, "2021-03-05", None)])
def test_number_date_recipients_and_archive_read_back_at_their_ends(tmp_path, number, date, copies):
    """'Số: 09/KH-UBND' is number 9, 'ngày 31 tháng 12 năm 2021' the last day of the year; each Nơi nhận line
    without its ';', a note in brackets kept apart ("(b/c)"); the Lưu line's units and copies ("(09)" is 9,
    "(10)" is 10, none when not printed)."""
    import datetime as dt

    def edit(data):
        data["document"].update(number=number, date=date)
        if copies is None:
            data["archive"].pop("copies")
        else:
            data["archive"]["copies"] = copies
    found = imported(built_sample(tmp_path, edit)).data
    assert found["document"]["number"] == number
    assert found["document"]["date"] == dt.date.fromisoformat(date)
    assert found["year"] == 2021 and found["issuer"]["abbreviation"] == "UBND"
    assert found["recipients"][0] == {"text": "Thường trực Tỉnh ủy", "note": "(b/c)"}
    assert [r["text"] for r in found["recipients"]][1:] == ["Các Sở, Ban, ngành", "UBND các huyện, thị xã, thành phố"]
    assert found["archive"] == {"units": ["VT", "NCKS"], **({"copies": copies} if copies else {})}


def test_motto_typed_with_dashes_is_noted_not_read_as_the_issuer(sample_docx, tmp_path):
    doc = Doc(sample_docx)
    set_text(doc.para("Độc lập"), "Độc lập - Tự do - Hạnh phúc", "Độc lập – Tự do – Hạnh phúc")
    result = imported(doc.save(tmp_path / "motto.docx"))
    assert any("Tiêu ngữ in là 'Độc lập – Tự do – Hạnh phúc'" in n.text for n in result.notes)
    assert "Độc lập" not in str(result.data["issuer"])


# ---------------------------------------------------------------- target sentences as offices write them


@pytest.mark.parametrize("sentence,expected", [
    ("Chỉ số nội dung “Quản trị môi trường”: đạt 4,0/10 điểm (giảm 0,2 điểm so với năm 2020).",
     {"target": "4.0", "max": "10", "base_year": 2020, "base_value": "4.2", "bound": "exact"}),
    ("Chỉ số nội dung “Quản trị môi trường”: đạt 4,0/10 điểm (bằng kết quả năm 2020).",
     {"target": "4.0", "base_year": 2020, "base_value": "4.0"}),
    ("Chỉ số nội dung “Quản trị môi trường”: đạt tối thiểu 4,5 điểm.", {"target": "4.5", "bound": "at_least"}),
    ("Chỉ số nội dung “Quản trị môi trường”: đạt trên 4,5 điểm.", {"target": "4.5", "bound": "above"}),
    ("Chỉ số nội dung “Quản trị môi trường”: đạt 4,5 điểm trở lên.", {"target": "4.5", "bound": "at_least"}),
    ("Chỉ số nội dung “Quản trị điện tử”: đạt 30% (giảm 7% so với năm 2018).",
     {"unit": "%", "target": "30", "base_year": 2018, "base_value": "37"}),
    ("Chỉ số PAPI: xếp hạng 20/63 (giảm 05 bậc so với năm 2019).",
     {"unit": "hạng", "target": 20, "base_rank": 15, "base_of": 63}),
    ("Chỉ số PAPI: xếp hạng 09/63 (tăng 10 bậc so với năm 2019).",
     {"unit": "hạng", "target": 9, "base_rank": 19, "base_of": 63}),
])
def test_target_sentences_give_their_numbers(sentence, expected):
    from generator.importer.targets import catalogue_for, parse_target

    parsed = parse_target(sentence, catalogue_for({"papi": "2018"}))
    got = {k: (str(v) if isinstance(v, Decimal) else v) for k, v in vars(parsed).items() if k in expected}
    assert got == expected


def test_a_bound_printed_is_read_back(tmp_path):
    """'đạt tối thiểu 4,0/10 điểm' was read back as exactly 4,0: the rebuilt plan dropped 'tối thiểu'."""
    def edit(data):
        data["targets"][1]["bound"], data["targets"][2]["bound"] = "at_least", "above"
    targets = {t.get("criterion"): t for t in imported(built_sample(tmp_path, edit)).data["targets"]}
    assert (targets["papi.2"].get("bound"), targets["papi.7"].get("bound")) == ("at_least", "above")
