"""A starter plan for `kehoach init`: every usual part, one example of each block, and a TODO marker
wherever the drafter must write. Pure text generation; the CLI writes the file.

Each marker reads 'TODO: <what to write> (ví dụ: <an example>)' in single quotes on one line: `validate`
reports every one left, and the example shows the expected form (a number where a number goes)."""
from __future__ import annotations

import difflib
from decimal import Decimal
from dataclasses import dataclass

from generator.plan.agencies import find_province, fold, province_names
from generator.plan.catalogue import available, flatten, index_facts, newest_version
from generator.plan.target_checks import provinces as provinces_in
from generator.core.errors import KehoachError
from generator.core.text import number


@dataclass(frozen=True)
class Starter:
    text: str
    province: dict
    file_stem: str
    todos: int


def province_or_error(name: str) -> dict:
    province = find_province(name)
    if province is None:
        close = difflib.get_close_matches(fold(name), [fold(n) for n in province_names(False)], n=1, cutoff=0.7)
        if close:
            match = next(n for n in province_names(False) if fold(n) == close[0])
            raise KehoachError(f"không biết tỉnh, thành phố '{name}'; có phải ý bạn là '{match}'?")
        raise KehoachError(f"không biết tỉnh, thành phố '{name}'; 34 tỉnh, thành phố từ năm 2025: "
                           f"{', '.join(province_names())} (tên trước năm 2025 cũng được chấp nhận)")
    return province


def _q(text: str) -> str:
    """A YAML single-quoted scalar."""
    return "'" + text.replace("'", "''") + "'"


def _todo(what: str, example: str) -> str:
    return _q(f"TODO: {what} (ví dụ: {example})")


def starter_plan(province_name: str, year: int, indices: list[str], schema_ref: str) -> Starter:
    province = province_or_error(province_name)
    unknown = [i for i in indices if newest_version(i) is None]
    if unknown or not indices:
        known = ", ".join(sorted({i for i, _ in available()}))
        raise KehoachError(f"không có danh mục chỉ số '{', '.join(unknown) or '(trống)'}'; các chỉ số có: {known}")
    if not 2000 <= year <= 2100:
        raise KehoachError(f"năm {year} không hợp lệ (từ 2000 đến 2100)")
    kind, name = province["kind"], province["name"]
    city = kind == "thành phố"
    cap = "thành phố" if city else "tỉnh"
    in_name = "Thành phố Hồ Chí Minh" if province["id"] == "ho-chi-minh" else name
    full = f"{cap} {name}"
    facts = index_facts()  # label and example task of each index, from its catalogue
    labels = [facts[i].label for i in indices]
    joined = labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " và " + labels[-1]
    base_year = year - 1
    n_prov = provinces_in(base_year)
    two_levels = year >= 2025  # no district level from 1/7/2025
    stem = f"{province['id']}-{'-'.join(indices)}-{year}"

    cats = {i: flatten(available()[(i, newest_version(i))]) for i in indices}
    maxima = {i: cats[i][i].max or Decimal(100) for i in indices}
    # example results: about half the maximum, the target a little above
    examples = {i: (round(m * Decimal("0.553"), 1), round(m * Decimal("0.603"), 1)) for i, m in maxima.items()}
    out: list[str] = []
    w = out.append
    w(f"# yaml-language-server: $schema={schema_ref}")
    w(f"# Kế hoạch nâng cao chỉ số {joined} của {full} năm {year}: bản khởi đầu do `kehoach init` tạo.")
    w("# Mỗi chỗ 'TODO: ...' là việc của người soạn: thay cả chuỗi (kể cả dấu nháy) bằng nội dung thật,")
    w("# theo ví dụ trong ngoặc. `kehoach validate` liệt kê mọi chỗ còn lại; `kehoach build` tạo văn bản khi")
    w("# không còn chỗ nào. Hướng dẫn từng phần: kehoach huong-dan. Dòng bắt đầu bằng '#' là ghi chú, không in.")
    w("schema_version: 1")
    w(f"id: {stem}")
    w(f"year: {year}")
    w("# Danh mục chỉ số và phiên bản (bộ tiêu chí) dùng trong kế hoạch.")
    w("indices:")
    for i in indices:
        w(f"  {i}: {_q(newest_version(i))}")
    w(f"# Danh mục cơ quan của {full}: các sở, ban, ngành... đã có sẵn, dùng được theo mã hoặc tên.")
    w(f"registry: {province['id']}")
    w("issuer:")
    w("  name:")
    w("    - ỦY BAN NHÂN DÂN")
    w(f"    - {(cap + ' ' + in_name.removeprefix('Thành phố ')).upper()}")
    w(f"  full_name: Ủy ban nhân dân {cap} {in_name.removeprefix('Thành phố ')}")
    w("  abbreviation: UBND")
    w(f"  place: {in_name}")
    w("# Số và ngày ban hành: để trống khi còn là dự thảo (in 'Số:      /KH-UBND'); Văn thư điền khi ban hành.")
    w("document:")
    w("  code: KH")
    w(f"title: Nâng cao {'Chỉ số' if len(indices) == 1 else 'các chỉ số'} {joined} của {full} năm {year}")
    w("legal_bases:")
    w("  - " + _todo("văn bản làm căn cứ, mỗi văn bản một dòng; xóa cả mục nếu không có",
                     "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể "
                     "cải cách hành chính nhà nước giai đoạn 2021 - 2030;"))
    w("preamble:")
    first = indices[0]
    w("  - " + _todo(f"đoạn mở đầu: kết quả năm {base_year} và lý do ban hành kế hoạch",
                     f"Năm {base_year}, Chỉ số {labels[0]} của {cap} đạt {number(examples[first][0])}"
                     f"{'%' if cats[first][first].unit == '%' else ' ' + cats[first][first].unit}, xếp thứ "
                     f"20/{n_prov} tỉnh, "
                     "thành phố."))
    w(f"  - 'Để cải thiện, nâng cao Chỉ số {joined} năm {year}, Ủy ban nhân dân {cap} ban hành Kế hoạch như sau:'")
    w("")
    w("# Cơ quan riêng của kế hoạch, ngoài danh mục của tỉnh (ở đây: cơ quan tập thể dùng ở Tổ chức thực hiện).")
    w("agencies:")
    w("  - id: cac-so-ban-nganh")
    w(f"    name: Các sở, ban, ngành {cap}")
    w("    groups:")
    w("      - so-ban-nganh")
    w("")
    w("# Chỉ tiêu: kết quả năm gốc và mức phấn đấu; câu chữ in trong văn bản được sinh tự động.")
    w("targets:")
    for i in indices:
        root = cats[i][i]
        maximum = maxima[i]
        w(f"  - id: t-{i}")
        w(f"    criterion: {i}")
        w(f"    unit: {_q(root.unit if root.unit in ('điểm', '%') else 'điểm')}")
        w("    baseline:")
        w(f"      year: {base_year}")
        w("      value: " + _todo(f"kết quả năm {base_year}, số thập phân viết dấu chấm",
                                   str(examples[i][0])))
        w("      rank: " + _todo(f"thứ hạng năm {base_year}", "20"))
        w(f"      of: {n_prov}")
        w("    target: " + _todo(f"mức phấn đấu năm {year}, không quá {number(maximum)}",
                                 str(examples[i][1])))
    w("")
    w("# Nhiệm vụ cụ thể: mỗi nhiệm vụ là một dòng của bảng phụ lục, xếp theo chỉ số nội dung.")
    w("# Cơ quan chủ trì / phối hợp: mã hoặc tên trong danh mục cơ quan của tỉnh (xem kehoach huong-dan).")
    w("tasks:")
    for i in indices:
        dims = [c for c in cats[i].values() if c.parent == i]
        dim = dims[0] if dims else cats[i][i]
        # an index whose catalogue has no example task borrows PAPI's
        content, output = (s.format(year=year) for s in facts[i].example_task or facts["papi"].example_task)
        w(f"  - id: {i}-1-01")
        w(f"    dimension: {dim.code}   # {dim.name}")
        if dim.children:
            sub = cats[i][dim.children[0]]
            w(f"    sub_dimension: {sub.code}   # {sub.name}")
        w("    content: " + _todo("nội dung nhiệm vụ", content))
        w("    lead:")
        w("      - so-noi-vu")
        w("    co:")
        w("      - ubnd-cap-xa")
        w(f"    timeframe: Năm {year}")
        w("    output: " + _todo("kết quả, sản phẩm", output))
    w("")
    w("# Phần 'Tổ chức thực hiện': nhiệm vụ của từng cơ quan, in ở nơi có khối 'responsibilities: all'.")
    w("responsibilities:")
    w("  - id: so-noi-vu")
    w("    agencies:")
    w("      - so-noi-vu")
    w("    content:")
    w("      - " + _todo("trách nhiệm của cơ quan theo dõi chung",
                         f"Chủ trì, theo dõi, đôn đốc các cơ quan, đơn vị thực hiện Kế hoạch; tổng hợp, báo cáo "
                         f"UBND {cap} kết quả thực hiện trước ngày 15/12/{year}."))
    w("  - id: cac-co-quan")
    w("    agencies:")
    w("      - cac-so-ban-nganh")
    w("      - ubnd-cap-xa")
    w(f"    title: Các sở, ban, ngành {cap}; UBND các xã, phường")
    w("    content:")
    w("      - " + _todo("trách nhiệm chung của các cơ quan, địa phương",
                         "Căn cứ nhiệm vụ được giao, xây dựng kế hoạch và tổ chức thực hiện hiệu quả."))
    w("")
    w("funding:")
    w(f"  - Kinh phí thực hiện Kế hoạch được bố trí trong dự toán ngân sách nhà nước năm {year} của các cơ quan,")
    w("    đơn vị theo phân cấp ngân sách hiện hành.")
    w("")
    w("# Thân văn bản: các mục I., II., ... (kehoach tự đánh số; không gõ số vào nội dung).")
    w("sections:")
    w("  - id: muc-dich-yeu-cau")
    w("    title: MỤC ĐÍCH, YÊU CẦU")
    w("    content:")
    w("      - title: Mục đích")
    w("        content:")
    w("          - bullets:")
    w("              - " + _todo("một mục đích của kế hoạch",
                                 f"Nâng cao chất lượng phục vụ người dân, cải thiện Chỉ số {labels[0]} của {cap}."))
    w("      - title: Yêu cầu")
    w("        content:")
    w("          - bullets:")
    w("              - " + _todo("một yêu cầu khi thực hiện",
                                 "Xác định rõ nhiệm vụ, thời hạn và trách nhiệm của từng cơ quan, đơn vị."))
    w("  - id: muc-tieu")
    w("    title: MỤC TIÊU")
    w("    content:")
    w(f"      - 'Phấn đấu năm {year}:'")
    w("      - targets: [" + ", ".join(f"t-{i}" for i in indices) + "]")
    w("  - id: nhiem-vu")
    w("    title: NHIỆM VỤ, GIẢI PHÁP")
    w("    content:")
    w("      - title: Nhiệm vụ chung")
    w("        content:")
    w("          - " + _todo("một nhiệm vụ, giải pháp chung",
                             "Tăng cường công tác thông tin, tuyên truyền về các chỉ số đến cán bộ và người dân."))
    w("      - title: Nhiệm vụ cụ thể")
    w("        content:")
    # one sentence with its reference to the appendix, not an unfinished sentence and a line of its own
    w("          - appendix: nhiem-vu")
    w("            before: 'Các nhiệm vụ cụ thể, cơ quan chủ trì, phối hợp và thời gian thực hiện (chi tiết tại'")
    w("            after: kèm theo).")
    w("  - id: kinh-phi")
    w("    title: KINH PHÍ THỰC HIỆN")
    w("    content:")
    w("      - funding: true")
    w("  - id: to-chuc-thuc-hien")
    w("    title: TỔ CHỨC THỰC HIỆN")
    w("    content:")
    w("      - responsibilities: all")
    w("closing: >-")
    w("  Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị, địa phương kịp thời báo")
    w(f"  cáo UBND {cap} (qua Sở Nội vụ) để xem xét, chỉ đạo")
    w("# Người ký: TM. (thay mặt) tập thể, KT. (ký thay) khi cấp phó ký; họ tên không ghi học hàm, học vị.")
    w("signer:")
    w("  on_behalf_of: ỦY BAN NHÂN DÂN")
    w("  signing_for: CHỦ TỊCH")
    w("  title: PHÓ CHỦ TỊCH")
    w("  name: " + _todo("họ và tên người ký", "Nguyễn Văn An"))
    w("# Nơi nhận: mỗi dòng một cơ quan hoặc một nhóm; kehoach cảnh báo khi cơ quan được giao việc không có ở đây.")
    w("recipients:")
    w("  - agency: bo-noi-vu")
    w("    note: (b/c)")
    w(f"  - text: TT {'Thành' if city else 'Tỉnh'} ủy, TT HĐND {cap}")
    w("    note: (b/c)")
    w(f"  - text: CT, các PCT UBND {cap}")
    w(f"  - text: Ủy ban MTTQ Việt Nam {cap}")
    w(f"  - text: Các sở, ban, ngành {cap}")
    if not two_levels:
        w("  - text: UBND các huyện, thị xã, thành phố")
    w("  - text: " + ("UBND các xã, phường" if two_levels else "UBND các xã, phường, thị trấn"))
    w("archive:")
    w("  units:")
    w("    - VT")
    w("    - " + _todo("chữ viết tắt đơn vị soạn thảo", "NC"))
    w("appendices:")
    w("  - id: nhiem-vu")
    w("    type: tasks")
    w(f"    title: Nhiệm vụ cụ thể nâng cao {'Chỉ số' if len(indices) == 1 else 'các chỉ số'} {joined} năm {year}")
    w("    columns: [stt, content, lead, co, timeframe, output]")
    # one index: 'Chỉ số “…”' as real PAPI plans print it; several: each catalogue's level names
    w("    group_label: " + ("Chỉ số" if indices == ["papi"] else "true"))
    text = "\n".join(out) + "\n"
    todos = sum("'TODO: " in line for line in out if not line.lstrip().startswith("#"))
    return Starter(text, province, stem, todos)
