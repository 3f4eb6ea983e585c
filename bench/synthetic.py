"""Synthetic PAPI plans of any size, as YAML text (shared by bench/run.py and bench/fingerprint.py).

10 agencies in groups so-ban-nganh/cap-huyen, 8 targets, tasks spread over papi.1-papi.8 with
sub-dimensions, 2-4 lines of Vietnamese per task, one `type: tasks` appendix."""
from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from generator.plan.catalogue import available, flatten  # noqa: E402

AGENCIES = [("so-noi-vu", "Sở Nội vụ"), ("so-tu-phap", "Sở Tư pháp"),
            ("so-thong-tin-truyen-thong", "Sở Thông tin và Truyền thông"), ("so-tai-chinh", "Sở Tài chính"),
            ("so-ke-hoach-dau-tu", "Sở Kế hoạch và Đầu tư"), ("so-tai-nguyen-moi-truong", "Sở Tài nguyên và Môi trường"),
            ("thanh-tra-tinh", "Thanh tra tỉnh"), ("van-phong-ubnd-tinh", "Văn phòng Ủy ban nhân dân tỉnh"),
            ("ubnd-cap-huyen", "Ủy ban nhân dân các huyện, thị xã, thành phố"), ("ubnd-cap-xa", "Ủy ban nhân dân cấp xã")]
SENTENCES = [
    "Tăng cường công tác tuyên truyền, phổ biến các quy định của pháp luật về thực hiện dân chủ ở cơ sở đến "
    "cán bộ, công chức và Nhân dân trên địa bàn.",
    "Công khai đầy đủ, kịp thời danh sách hộ nghèo, thu, chi ngân sách cấp xã và quy hoạch, kế hoạch sử dụng "
    "đất tại trụ sở Ủy ban nhân dân cấp xã và nhà văn hóa thôn, tổ dân phố.",
    "Rà soát, chuẩn hóa quy trình tiếp nhận, giải quyết phản ánh, kiến nghị của người dân; xử lý nghiêm cán "
    "bộ, công chức có hành vi nhũng nhiễu, gây phiền hà.",
    "Đẩy mạnh cung cấp dịch vụ công trực tuyến toàn trình; hướng dẫn người dân sử dụng tài khoản định danh "
    "điện tử để thực hiện thủ tục hành chính.",
    "Kiểm tra, giám sát việc thực hiện các quy định về phòng, chống tham nhũng, tiêu cực trong cung ứng dịch "
    "vụ y tế, giáo dục công lập.",
    "Nâng cao chất lượng công tác quản lý, bảo vệ môi trường; thu gom, xử lý rác thải sinh hoạt tại khu dân cư.",
]
TIMEFRAMES = ["Thường xuyên", "Quý I/2024", "Trước ngày 30/6/2024", "Hằng tháng", "Năm 2024"]
OUTPUTS = ["Kế hoạch, văn bản hướng dẫn triển khai", "Báo cáo kết quả thực hiện gửi Sở Nội vụ",
           "Tin, bài tuyên truyền trên Cổng thông tin điện tử tỉnh", "Biên bản kiểm tra, giám sát"]


def _literal_str(dumper, s):
    return dumper.represent_scalar("tag:yaml.org,2002:str", s, style="|" if "\n" in s else None)


yaml.add_representer(str, _literal_str, Dumper=yaml.SafeDumper)


def synthetic_plan(n_tasks: int) -> str:
    """YAML text of a valid PAPI plan with n_tasks tasks spread over papi.1..papi.8."""
    catalogue = flatten(available()[("papi", "2018")])
    dims = [f"papi.{d}" for d in range(1, 9)]
    ids = [a for a, _ in AGENCIES]
    tasks = []
    for i in range(n_tasks):
        dim = dims[i % 8]
        subs = catalogue[dim].children
        lines = [f"- {SENTENCES[(i + k) % len(SENTENCES)]}" for k in range(2 + i % 3)]  # 2-4 lines
        lead, co = AGENCIES[i % 8], [ids[(i + 3) % 10], ids[(i + 5) % 10]]
        tasks.append({
            "id": f"nv-{i + 1:05d}", "dimension": dim, "sub_dimension": subs[(i // 8) % len(subs)],
            "content": "\n".join(lines),
            "indicator": f"100% cơ quan, đơn vị triển khai; tăng ít nhất {1 + i % 5}% so với năm 2023",
            "lead": [lead[1] if i % 2 else lead[0]],  # by name or by id
            "co": co,
            "timeframe": TIMEFRAMES[i % len(TIMEFRAMES)],
            "output": "\n".join(f"- {OUTPUTS[(i + k) % len(OUTPUTS)]};" for k in range(1 + i % 2)),
        })
    plan = {
        "schema_version": 1, "id": f"synthetic-{n_tasks}", "year": 2024, "indices": {"papi": "2018"},
        "issuer": {"name": ["ỦY BAN NHÂN DÂN", "TỈNH HÀ NAM"], "full_name": "Ủy ban nhân dân tỉnh Hà Nam",
                   "abbreviation": "UBND", "place": "Hà Nam"},
        "title": "Nâng cao Chỉ số Hiệu quả quản trị và hành chính công cấp tỉnh (PAPI) năm 2024",
        "preamble": ["Căn cứ kết quả Chỉ số PAPI năm 2023 của tỉnh, Ủy ban nhân dân tỉnh ban hành Kế hoạch "
                     "nâng cao Chỉ số PAPI năm 2024 như sau:"],
        # unverified catalogue names would warn once per task: declare them as a real plan does
        "criteria": [{"code": c.code, "name": c.name} for c in catalogue.values() if not c.verified],
        "agencies": [{"id": a, "name": name, "groups": ["cap-huyen" if a.startswith("ubnd") else "so-ban-nganh"]}
                     for a, name in AGENCIES],
        "targets": [{"id": f"ct-{d}", "criterion": f"papi.{d}", "baseline": {"year": 2023, "value": 4.5 + d / 10},
                     "target": 5.0 + d / 10} for d in range(1, 9)],
        "tasks": tasks,
        "responsibilities": [{"id": f"tn-{a}", "agencies": [a], "content": [SENTENCES[k]]}
                             for k, (a, _) in enumerate(AGENCIES[:4])],
        "sections": [
            {"id": "muc-dich", "title": "MỤC ĐÍCH, YÊU CẦU", "content": [SENTENCES[0], SENTENCES[1]]},
            {"id": "chi-tieu", "title": "CHỈ TIÊU", "content": [{"targets": [f"ct-{d}" for d in range(1, 9)]}]},
            {"id": "nhiem-vu", "title": "NHIỆM VỤ, GIẢI PHÁP", "content": [{"appendix": "phu-luc-nhiem-vu"}]},
            {"id": "to-chuc", "title": "TỔ CHỨC THỰC HIỆN", "content": [{"responsibilities": "all"}]},
        ],
        "closing": "Yêu cầu các cơ quan, đơn vị, địa phương nghiêm túc triển khai thực hiện",
        "signer": {"on_behalf_of": "ỦY BAN NHÂN DÂN", "title": "CHỦ TỊCH", "name": "Nguyễn Văn A"},
        "recipients": [{"text": "Bộ Nội vụ"}, {"text": "TT Tỉnh ủy, TT HĐND tỉnh"},
                       {"text": "Các Sở, Ban, ngành", "covers": ["so-ban-nganh"]},
                       {"text": "UBND các huyện, thị xã, thành phố; UBND cấp xã", "covers": ["cap-huyen"]}],
        "archive": {"units": ["VT", "NC"]},
        "appendices": [{"id": "phu-luc-nhiem-vu", "type": "tasks", "title": "Nhiệm vụ nâng cao Chỉ số PAPI năm 2024",
                        "columns": ["stt", "content", "indicator", "lead", "co", "timeframe", "output"],
                        "group_label": "Chỉ số"}],
    }
    return yaml.safe_dump(plan, allow_unicode=True, sort_keys=False, width=110)
