"""An office plan stating several targets in one sentence (issue 19), with contents of our own:
- one sentence naming two indices and one rank group ("… các Chỉ số PAPI, PAR INDEX … nằm trong nhóm 20
  tỉnh, thành phố dẫn đầu cả nước"): two targets, rank 20 or better;
- one sentence with a target and, after "trong đó", a second one for a part of the index;
- one sentence giving two indices a value each;
- targets no index measures ("tỷ lệ hồ sơ … đúng hạn đạt tối thiểu 98%, trong đó, … 95%", "100% văn bản …"):
  criteria of the plan's own, named as the sentence names them;
- a task under "Chỉ tiêu" that names a percentage ("Tổ chức tập huấn … cho 100% công chức …"): not a target.
The plan is kehoach YAML whose targets are plain sentences, typed by the `van-thu` hand of
make_office.py; `TARGETS_TRUTH` says what a reader sees."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tests.office.make_office import make_office_docx

SENTENCES = [
    "Phấn đấu kết quả đánh giá các Chỉ số PAPI, PAR INDEX năm 2024 của tỉnh nằm trong nhóm 20 tỉnh, thành phố "
    "dẫn đầu cả nước.",
    "Chỉ số SIPAS đạt tối thiểu 85%, trong đó mức độ hài lòng về thủ tục hành chính đạt tối thiểu 88%.",
    "Chỉ số PCI đạt tối thiểu 66 điểm và Chỉ số nội dung “Quản trị điện tử” đạt 4,5 điểm.",
    "Phấn đấu đến hết năm 2024, tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn đạt tối thiểu 98%, trong đó, tỷ "
    "lệ hồ sơ lĩnh vực đất đai giải quyết đúng hạn đạt tối thiểu 95%.",
    "100% văn bản trao đổi giữa các cơ quan hành chính được gửi, nhận dưới dạng điện tử.",
]
# what the last two sentences measure, as they name it: criteria of the plan's own (no index measures them)
OWN_NAMES = ["Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn", "Tỷ lệ hồ sơ lĩnh vực đất đai giải quyết đúng hạn",
             "Văn bản trao đổi giữa các cơ quan hành chính được gửi, nhận dưới dạng điện tử"]
TASK_SENTENCE = "Tổ chức tập huấn nghiệp vụ cho 100% công chức làm công tác cải cách hành chính."
PLAN = """\
schema_version: 1
id: quang-nam-chi-tieu-2024
year: 2024
indices: {papi: "2018", par: "qd876-2022", sipas: "qd2640-2017", pci: "2021"}
registry: quang-nam
issuer:
  name: [ỦY BAN NHÂN DÂN, TỈNH QUẢNG NAM]
  full_name: Ủy ban nhân dân tỉnh Quảng Nam
  abbreviation: UBND
  place: Quảng Nam
document: {number: 77, date: 2024-02-20}
title: Nâng cao các chỉ số đánh giá của tỉnh năm 2024
sections:
  - id: muc-dich
    title: MỤC ĐÍCH, YÊU CẦU
    content:
      - Nâng cao chất lượng phục vụ người dân, doanh nghiệp.
  - id: chi-tieu
    title: CHỈ TIÊU
    content:
      - bullets:
""" + "".join(f"          - \"{s}\"\n" for s in SENTENCES + [TASK_SENTENCE]) + """\
  - id: to-chuc
    title: TỔ CHỨC THỰC HIỆN
    content:
      - Các sở, ban, ngành triển khai thực hiện Kế hoạch này.
closing: Yêu cầu các cơ quan, đơn vị nghiêm túc triển khai thực hiện
signer:
  on_behalf_of: ỦY BAN NHÂN DÂN
  signing_for: CHỦ TỊCH
  title: PHÓ CHỦ TỊCH
  name: Trần Thị Bình
recipients:
  - text: Thường trực Tỉnh ủy
  - text: Các Sở, Ban ngành
    covers: [so-ban-nganh]
archive:
  units: [VT, NC]
"""

# (criterion, unit, value, bound, which sentence): one sentence may state several
TARGETS_TRUTH = [
    ("papi", "hạng", 20, "at_least", 0),
    ("par", "hạng", 20, "at_least", 0),
    ("sipas", "%", Decimal("85"), "at_least", 1),
    ("sipas.2", "%", Decimal("88"), "at_least", 1),
    ("pci", "điểm", Decimal("66"), "at_least", 2),
    ("papi.8", "điểm", Decimal("4.5"), "exact", 2),
    (0, "%", Decimal("98"), "at_least", 3),  # an int: OWN_NAMES[i]
    (1, "%", Decimal("95"), "at_least", 3),
    (2, "%", Decimal("100"), "exact", 4),
]


def make_targets_plan(out: Path | str) -> Path:
    out = Path(out)
    plan = out.with_suffix(".yaml")
    plan.write_text(PLAN, encoding="utf-8")
    return make_office_docx(plan, out, "van-thu")
