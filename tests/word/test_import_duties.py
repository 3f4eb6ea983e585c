"""kehoach import on a plan that assigns its work in the body (issue 19): sub-khoản named after the agency
doing the work become that agency's responsibilities, printed where they stand; items of "Tổ chức thực
hiện" that open with the agency too. The file is an office-style plan of our own
(tests/office/make_duties.py)."""
from __future__ import annotations

import pytest

from generator.importer.importer import import_document
from generator.importer.recall import document_words, rebuilt_document, recall
from generator.plan.validate import load_plan
from generator.word import read_docx
from tests.office.make_duties import DUTIES_TRUTH, RUNON_TRUTH, make_duties_plan
from tests.word.test_importer import write_plan


@pytest.fixture(scope="module")
def duties(tmp_path_factory):
    path = make_duties_plan(tmp_path_factory.mktemp("duties") / "thien-tai.docx")
    doc = read_docx(path).value
    return doc, import_document(doc, plan_id="thien-tai")


def _names(result, refs):
    from generator.plan.agencies import registry

    own = {a["id"]: a["name"] for a in result.data.get("agencies", [])}
    reg = {a["id"]: a["name"] for a in registry("quang-nam", 2024).get("agencies", [])}
    return [(own.get(r) or reg.get(r) or r).casefold() for r in refs]  # the registry writes "Các Sở, Ban, ngành"


def _duties(resp) -> list[str]:
    out = [resp["text"].split(":", 1)[1].strip()] if "text" in resp else []
    for block in resp.get("content", []):
        out += block["bullets"] if isinstance(block, dict) else [block]
    return out


def test_subkhoan_named_after_agencies_become_their_responsibilities(duties):
    _, result = duties
    body = [r for r in result.data["responsibilities"] if r["id"] not in _printed_in_last_section(result)]
    assert len(body) == len(DUTIES_TRUTH)
    for resp, (heading, lead, starts) in zip(body, DUTIES_TRUTH):
        printed = resp.get("title") or resp["text"]
        assert printed.startswith(heading)
        # the agency is what the heading names before what it does: not "chỉ đạo lực lượng …", not the co
        # agencies after "chủ trì, phối hợp", not "Đề nghị"
        assert _names(result, resp["agencies"]) == [n.casefold() for n in lead], resp
        got = _duties(resp)
        assert len(got) == len(starts) and all(g.startswith(s) for g, s in zip(got, starts)), got
    # each run of sub-khoản is printed in place by one block, numbered with the items around it
    khoan = result.data["sections"][1]["content"]
    assert khoan[0]["content"] == [{"responsibilities": [r["id"] for r in body[:3]]}]
    assert khoan[1]["content"] == [{"responsibilities": [r["id"] for r in body[3:]]}]


def test_subkhoan_naming_work_not_agencies_stay_as_they_are(duties):
    _, result = duties
    third = result.data["sections"][1]["content"][2]
    assert third["title"] == "Khắc phục hậu quả"
    assert [b["text"] for b in third["content"]] == ["Vệ sinh môi trường sau lũ", "Hỗ trợ khôi phục sản xuất"]


def _printed_in_last_section(result) -> list[str]:
    ids = []
    for block in result.data["sections"][-1]["content"]:
        if isinstance(block, dict) and "responsibilities" in block:
            ids += block["responsibilities"]
    return ids


def test_implementation_items_opening_with_the_agency_are_responsibilities(duties):
    _, result = duties
    section = result.data["sections"][-1]["content"]
    # the two items that open with agencies: one block of two (not 'all': the body's duties are not
    # printed here again); item 3 "Trong quá trình …" names none and stays an item (numbered on: 3.)
    assert len(section) == 2 and section[1]["text"].startswith("Trong quá trình")
    by_id = {r["id"]: r for r in result.data["responsibilities"]}
    got = [by_id[rid] for rid in section[0]["responsibilities"]]
    assert [(r["text"][:len(start)], _names(result, r["agencies"])) for r, (start, _) in zip(got, RUNON_TRUTH)] \
        == [(start, [n.casefold() for n in names]) for start, names in RUNON_TRUTH]


def test_body_duties_plan_validates_and_rebuilds_word_for_word(duties, tmp_path):
    doc, result = duties
    plan, messages = load_plan(write_plan(result.data, tmp_path / "thien-tai.yaml"))
    assert not [m for m in messages if m.level == "error"]
    assert len(plan.responsibilities) == len(DUTIES_TRUTH) + len(RUNON_TRUTH)
    rebuilt = rebuilt_document(result.data)
    assert recall(document_words(doc), document_words(rebuilt)) == 1.0
    # the same labels in the same order: "a) Sở Nông nghiệp …", "b) Công an tỉnh chỉ đạo …", "a) Sở Tài chính …"
    texts = [p.text for p in rebuilt.paragraphs()]
    at = [next(i for i, t in enumerate(texts) if heading in t) for heading, *_ in DUTIES_TRUTH]
    assert at == sorted(at)
    labels = [texts[i].split(" ", 1)[0] for i in at]
    assert labels == ["a)", "b)", "c)", "a)", "b)"]


def test_points_naming_agencies_in_a_section_that_assigns_no_work_stay(tmp_path):
    """"II. PHẠM VI, ĐỐI TƯỢNG" listing "a) Cơ quan hành chính cấp tỉnh: các sở, ban, ngành." is whom the plan
    concerns, not work given to them: it stays as printed (only work sections give responsibilities)."""
    scope = ("  - id: pham-vi\n    title: PHẠM VI, ĐỐI TƯỢNG\n    content:\n"
             "      - title: Đối tượng\n        content:\n"
             "          - text: \"Cơ quan hành chính cấp tỉnh: các sở, ban, ngành thuộc Ủy ban nhân dân tỉnh.\"\n"
             "          - text: \"Ủy ban nhân dân cấp xã: các xã, phường, thị trấn.\"\n")
    result = _imported_with(tmp_path, "pham-vi", "  - id: nhiem-vu", scope)
    section = next(s for s in result.data["sections"] if s["title"] == "PHẠM VI, ĐỐI TƯỢNG")
    points = section["content"][0]["content"]
    assert [p["text"][:25] for p in points] == ["Cơ quan hành chính cấp tỉ", "Ủy ban nhân dân cấp xã: c"]
    # the work section is read as before
    assert len(result.data["responsibilities"]) == len(DUTIES_TRUTH) + len(RUNON_TRUTH)


def test_a_lone_item_named_after_an_agency_stays_a_point(tmp_path):
    """A run of one: "Công an tỉnh" alone under "Giữ gìn an ninh" is a point of the plan as printed, not a
    responsibility of its own (only two items or more naming agencies are a division of work; fresh mutant
    f5-import-one-duty-heading)."""
    lone = ("      - title: Giữ gìn an ninh\n        content:\n          - title: Công an tỉnh\n"
            "            content:\n              - bullets:\n"
            "                  - Bảo đảm an ninh trật tự tại các khu sơ tán dân.\n")
    result = _imported_with(tmp_path, "mot-muc", "      - title: Khắc phục hậu quả", lone)
    work = next(s for s in result.data["sections"] if s["title"] == "NHIỆM VỤ VÀ PHÂN CÔNG THỰC HIỆN")
    point = next(b for b in work["content"] if b.get("title") == "Giữ gìn an ninh")
    assert point["content"] == [{"text": "Công an tỉnh", "content": [
        {"bullets": ["Bảo đảm an ninh trật tự tại các khu sơ tán dân."]}]}]
    assert len(result.data["responsibilities"]) == len(DUTIES_TRUTH) + len(RUNON_TRUTH)


def _imported_with(tmp_path, name: str, before: str, text: str):
    """The duties plan with `text` put in before the line `before`, made by a văn thư in Word, imported."""
    from tests.office.make_duties import PLAN
    from tests.office.make_office import make_office_docx

    at = PLAN.index(before)
    plan = tmp_path / f"{name}.yaml"
    plan.write_text(PLAN[:at] + text + PLAN[at:], encoding="utf-8")
    doc = read_docx(make_office_docx(plan, tmp_path / f"{name}.docx", "van-thu")).value
    return import_document(doc, plan_id=name)


def test_a_second_duty_of_the_same_agency_is_numbered_2_as_every_repeated_id(tmp_path):
    """"Kiểm tra sau lũ" divided between 'Sở Nội vụ', 'Sở Y tế' (already given work above) and 'Sở Nội vụ' again:
    the ids the plan gets are tn-so-noi-vu, tn-so-y-te-2, tn-so-noi-vu-2 — the first bare, a repeat numbered from
    2 as import numbers repeated sections, targets and agencies (…-2, …-3), never '-1' (fresh mutant
    i-duty-id-suffix); the plan validates and each duty keeps its agency."""
    check = ("      - title: Kiểm tra sau lũ\n        content:\n"
             "          - title: Sở Nội vụ\n            content:\n"
             "              - Kiểm tra việc bố trí cán bộ trực phòng, chống thiên tai.\n"
             "          - title: Sở Y tế\n            content:\n"
             "              - Kiểm tra công tác phòng, chống dịch bệnh sau lũ.\n"
             "          - title: Sở Nội vụ\n            content:\n"
             "              - Tổng hợp đề xuất khen thưởng tập thể, cá nhân.\n")
    result = _imported_with(tmp_path, "kiem-tra", "      - title: Khắc phục hậu quả", check)
    work = next(s for s in result.data["sections"] if s["title"] == "NHIỆM VỤ VÀ PHÂN CÔNG THỰC HIỆN")
    block = next(b for b in work["content"] if b.get("title") == "Kiểm tra sau lũ")
    ids = block["content"][0]["responsibilities"]
    assert ids == ["tn-so-noi-vu", "tn-so-y-te-2", "tn-so-noi-vu-2"]
    by_id = {r["id"]: r for r in result.data["responsibilities"]}
    assert "tn-so-y-te" in by_id and len(by_id) == len(result.data["responsibilities"])
    assert [_names(result, by_id[i]["agencies"]) for i in ids] == [["sở nội vụ"], ["sở y tế"], ["sở nội vụ"]]
    write_plan(result.data, tmp_path / "kiem-tra.yaml")
    load_plan(tmp_path / "kiem-tra.yaml")
