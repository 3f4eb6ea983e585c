"""The province list and the agency registries: the standard one, its province extensions, years."""
from generator.plan.agencies import _files, find_province, province_names, provinces, registries, registry


def test_34_provinces_after_the_2025_merger_and_every_former_one_points_to_one():
    current = province_names()
    assert len(current) == 34 and len(set(current)) == 34
    assert sum(p["kind"] == "thành phố" for p in provinces() if "until" not in p) == 6
    former = [p for p in provinces() if "until" in p]
    assert len(former) == 30  # 63 before 2025 = 34 + 29 merged away; Thừa Thiên Huế renamed
    ids = {p["id"] for p in provinces()}
    for p in former:
        assert p["merged_into"] in ids and "until" not in find_province(p["merged_into"])
    merged_from = [m for p in provinces() for m in p.get("merged_from", [])]
    assert sorted(merged_from) == sorted(p["id"] for p in former if p["id"] != "thua-thien-hue")


def test_province_names_are_found_however_written():
    assert find_province("TP. Hồ Chí Minh")["id"] == "ho-chi-minh"
    assert find_province("Thành phố Hồ Chí Minh")["id"] == "ho-chi-minh"
    assert find_province("thanh hoa")["id"] == find_province("Thanh Hoá")["id"] == "thanh-hoa"
    assert find_province("Tỉnh Hà Giang")["merged_into"] == "tuyen-quang"
    assert find_province("Hoà Bình")["id"] == "hoa-binh"
    assert find_province("Quảng") is None


def test_every_province_has_a_registry_with_the_standard_departments():
    assert set(registries()) >= {p["id"] for p in provinces()}
    for province in provinces():
        year = 2024 if "until" in province else 2026
        names = {a["name"] for a in registry(province["id"], year)["agencies"]}
        assert {"Sở Nội vụ", "Sở Tài chính", "Sở Y tế", "Sở Tư pháp"} <= names, province["id"]


def test_standard_registry_follows_decree_45_2025_and_keeps_a_source_per_entry():
    standard = _files()["standard"]
    for entry in standard["agencies"]:
        assert entry["source"] in standard["sources"] and isinstance(entry["verified"], bool), entry["id"]
    after = {a["name"] for a in registry("tuyen-quang", 2026)["agencies"]}
    assert {"Sở Nông nghiệp và Môi trường", "Sở Khoa học và Công nghệ", "Sở Xây dựng", "Sở Công Thương",
            "Sở Văn hóa, Thể thao và Du lịch", "Sở Giáo dục và Đào tạo", "Thanh tra tỉnh",
            "Văn phòng Ủy ban nhân dân tỉnh", "Công an tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
            "Báo và Phát thanh, Truyền hình Tuyên Quang", "Ủy ban nhân dân cấp xã"} <= after
    # merged away in 2025: not offered to a 2026 plan, still there for a 2021 one
    old = {"Sở Thông tin và Truyền thông", "Sở Kế hoạch và Đầu tư", "Sở Tài nguyên và Môi trường",
           "Ủy ban nhân dân cấp huyện"}
    assert not old & after
    assert old <= {a["name"] for a in registry("tuyen-quang", 2021)["agencies"]}
    assert "cap-huyen" not in {g["id"] for g in registry("tuyen-quang", 2026)["groups"]}


def test_cities_get_city_names():
    names = {a["name"] for a in registry("ha-noi", 2026)["agencies"]}
    assert {"Văn phòng Ủy ban nhân dân thành phố", "Thanh tra thành phố", "Thành ủy", "Thành đoàn"} <= names
    assert "Thanh tra tỉnh" not in names


def test_province_file_extends_the_standard_registry_and_wins():
    merged = registry("quang-nam", 2020)
    ids = [a["id"] for a in merged["agencies"]]
    assert len(ids) == len(set(ids))
    assert "bao-quang-nam" in ids  # the province's own
    assert "so-kh-dt" in ids  # from the standard registry, for a 2020 plan
    # the province's own entry for a name wins over the standard one spelt the same way
    hung_yen = registry("hung-yen", 2021)["agencies"]
    assert [a["id"] for a in hung_yen if a["name"] == "Sở Giáo dục và Đào tạo"] == ["so-gddt"]
    groups = {g["id"]: g for g in merged["groups"]}
    assert "Các cơ quan chuyên môn thuộc UBND tỉnh" in groups["so-ban-nganh"]["forms"]


def test_unknown_province_has_no_registry():
    assert registry("khong-co", 2026) is None


def test_office_of_the_national_assembly_delegation_and_council_is_one_agency():
    """Issue 23: with the Quảng Nam registry, 'Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh'
    (one office) was split at ' và ' into two agencies, the second being the council itself."""
    from generator.importer.agencies import AgencyBook

    name = "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh"
    for province in ("quang-nam", "hung-yen", "tuyen-quang"):
        book = AgencyBook(province, 2021)
        assert book.split(name) == [name], province
        assert book.split(f"Sở Nội vụ; {name}") == ["Sở Nội vụ", name], province
        assert book.known(name) is not None and book.known(name) != book.known("Hội đồng nhân dân tỉnh")
        # the short form used in plans names the same office
        assert book.known("Văn phòng Đoàn ĐBQH và HĐND tỉnh") == book.known(name)


def test_new_agencies_whose_names_begin_alike_are_numbered_as_every_repeated_id():
    """Three agencies the registry does not know, whose names share their first six words (the id is made of
    them), are declared 'ban-chi-dao-phong-chong-thien', then '…-2', '…-3', as every repeated id of an
    import, never '…-1' (fresh mutant i-agency-id-suffix-1)."""
    from generator.importer.agencies import AgencyBook

    book = AgencyBook("quang-nam", 2024)
    names = ["Ban Chỉ đạo phòng chống thiên tai và tìm kiếm cứu nạn tỉnh",
             "Ban Chỉ đạo phòng chống thiên tai cấp huyện",
             "Ban Chỉ đạo phòng chống thiên tai cấp xã"]
    ids = [book.declare(n, "bảng 1") for n in names]
    base = "ban-chi-dao-phong-chong-thien"
    assert ids == [base, f"{base}-2", f"{base}-3"]
    assert [(a["id"], a["name"]) for a in book.declared if a["id"].startswith(base)] == list(zip(ids, names))


def test_ethnic_and_religious_affairs_department_is_in_the_registry_from_2025():
    """A user trial: KH07 (Lâm Đồng, 2026) names 'Sở Dân tộc và Tôn giáo', which the shipped registry lacked,
    so import declared it as the plan's own agency. Set up from 2025 (Nghị định 45/2025/NĐ-CP, a department
    some provinces have); a 2026 import resolves it to the registry's id, a 2024 registry does not offer it."""
    from generator.importer.agencies import AgencyBook

    standard = _files()["standard"]
    entry = next(a for a in standard["agencies"] if a["name"] == "Sở Dân tộc và Tôn giáo")
    assert entry["since"] == 2025 and "Nghị định 45/2025/NĐ-CP" in standard["sources"][entry["source"]]
    book = AgencyBook("lam-dong", 2026)
    title = "Sở Nông nghiệp và Môi trường, Sở Dân tộc và Tôn giáo"
    assert book.split(title) == ["Sở Nông nghiệp và Môi trường", "Sở Dân tộc và Tôn giáo"]
    assert book.known("Sở Dân tộc và Tôn giáo") == entry["id"] == "so-dt-tg"
    assert AgencyBook("lam-dong", 2024).known("Sở Dân tộc và Tôn giáo") is None


def test_a_filled_starter_plans_second_khoan_reads_back_as_the_responsibility_of_its_agencies(tmp_path):
    """The standard registry wrote "UBND các xã, phường" unquoted in a YAML flow list: two forms, "UBND các xã" and
    "phường" (a ward alone read as every commune's UBND). So the starter's "2. Các sở, ban, ngành tỉnh; UBND các xã,
    phường" of "Tổ chức thực hiện" split into three names, one "phường", and imported back as a plain subsection,
    its agencies lost (user trial). It is one form: the khoản reads back as the responsibility of both."""
    import yaml

    from generator.importer.agencies import AgencyBook
    from generator.importer.pipeline import import_file
    from generator.render.build import build_plan
    from generator.workflow.starter import starter_plan
    from tests.test_starter import fill

    book = AgencyBook("tuyen-quang", 2026)
    assert book.known("UBND các xã, phường") == "ubnd-cap-xa" and book.known("phường") is None
    starter = starter_plan("Tuyên Quang", 2026, ["papi"], "kehoach.schema.json")
    plan = tmp_path / f"{starter.file_stem}.yaml"
    plan.write_text(fill(starter.text), encoding="utf-8")
    docx = next(f for f in build_plan(plan, tmp_path / "build").files if f.suffix == ".docx")
    outcome = import_file(docx, tmp_path / "back.yaml")
    back = yaml.safe_load(outcome.text)
    second = back["responsibilities"][1]
    assert second["title"] == "Các sở, ban, ngành tỉnh; UBND các xã, phường"
    assert second["agencies"][1] == "ubnd-cap-xa"
    assert next(a for a in back["agencies"] if a["id"] == second["agencies"][0])["name"] == "Các sở, ban, ngành tỉnh"


def test_the_leaders_short_forms_are_whole_phrases_not_bare_titles():
    """Same slip as "UBND các xã, phường": "CT, các PCT UBND $cap" unquoted in a flow list made "CT" and "Chủ tịch"
    alone forms of the leaders (Chủ tịch and the Phó Chủ tịch), so a bare title read as all of them."""
    from generator.importer.agencies import AgencyBook

    book = AgencyBook("tuyen-quang", 2026)
    assert book.known("CT, các PCT UBND tỉnh") == "lanh-dao-ubnd-tinh"
    assert book.known("Chủ tịch, các Phó Chủ tịch UBND tỉnh") == "lanh-dao-ubnd-tinh"
    assert book.known("Chủ tịch") is None and book.known("CT") is None
