"""An office plan that assigns its work in the body, the way many plans with no task table do (issue 19,
body-assigned tasks), with contents of our own: a "phòng, chống thiên tai" plan whose section III
splits each khoản into sub-khoản named after the agency that does the work.

- "1.1. Sở Nông nghiệp và Phát triển nông thôn" + "-" duties (a titled sub-khoản);
- "1.2. Công an tỉnh chỉ đạo lực lượng cảnh sát cơ động: Phối hợp …" (agency, then the duty, one line);
- "1.3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, Tỉnh đoàn Thanh niên" (asked, not ordered);
- "2.1. Sở Tài chính chủ trì, phối hợp các sở, ban, ngành" (lead, then co agencies in the heading);
- khoản 3 whose sub-khoản name work, not agencies (they must stay sub-khoản);
- "Tổ chức thực hiện" items that open with the agency ("1. Giao Sở Nông nghiệp … là cơ quan thường
  trực, …") and one that does not ("3. Trong quá trình …").

The plan is written as kehoach YAML with plain sub-khoản (no responsibilities), then typed by the
`van-thu` hand of make_office.py; `DUTIES_TRUTH` says what a reader sees."""
from __future__ import annotations

from pathlib import Path

from tests.office.make_office import make_office_docx

PLAN = """\
schema_version: 1
id: quang-nam-thien-tai-2024
year: 2024
registry: quang-nam
issuer:
  name: [ỦY BAN NHÂN DÂN, TỈNH QUẢNG NAM]
  full_name: Ủy ban nhân dân tỉnh Quảng Nam
  abbreviation: UBND
  place: Quảng Nam
document: {number: 123, date: 2024-03-15}
title: Phòng, chống thiên tai và tìm kiếm cứu nạn trên địa bàn tỉnh năm 2024
sections:
  - id: muc-dich
    title: MỤC ĐÍCH, YÊU CẦU
    content:
      - Chủ động phòng ngừa, ứng phó kịp thời, giảm thiểu thiệt hại do thiên tai gây ra.
  - id: nhiem-vu
    title: NHIỆM VỤ VÀ PHÂN CÔNG THỰC HIỆN
    content:
      - title: Công tác chuẩn bị trước mùa mưa bão
        content:
          - title: Sở Nông nghiệp và Phát triển nông thôn
            content:
              - bullets:
                  - Rà soát phương án ứng phó thiên tai theo cấp độ rủi ro, trình phê duyệt trước tháng 6.
                  - Kiểm tra an toàn hồ chứa thủy lợi, đê điều trước mùa mưa bão.
          - text: "Công an tỉnh chỉ đạo lực lượng cảnh sát cơ động: Phối hợp sơ tán dân khỏi vùng nguy hiểm
              khi có lệnh."
          - title: Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, Tỉnh đoàn Thanh niên
            content:
              - Vận động đoàn viên, hội viên tham gia giúp dân chằng chống nhà cửa.
      - title: Bảo đảm nguồn lực
        content:
          - title: Sở Tài chính chủ trì, phối hợp các sở, ban, ngành
            content:
              - bullets:
                  - Tham mưu bố trí kinh phí dự phòng cho công tác ứng phó thiên tai.
                  - Hướng dẫn thanh quyết toán kinh phí hỗ trợ khắc phục hậu quả.
          - title: Sở Y tế
            content:
              - Chuẩn bị cơ số thuốc, hóa chất xử lý môi trường sau lũ.
      - title: Khắc phục hậu quả
        content:
          - title: Vệ sinh môi trường sau lũ
            content:
              - Thu gom rác thải, khử khuẩn nguồn nước sinh hoạt.
          - title: Hỗ trợ khôi phục sản xuất
            content:
              - Cung cấp giống cây trồng, vật nuôi cho hộ bị thiệt hại.
  - id: to-chuc
    title: TỔ CHỨC THỰC HIỆN
    content:
      - text: Giao Sở Nông nghiệp và Phát triển nông thôn là cơ quan thường trực, theo dõi, đôn đốc việc thực
          hiện Kế hoạch này, tổng hợp báo cáo Ủy ban nhân dân tỉnh trước ngày 15 tháng 12 năm 2024.
      - text: Các sở, ban, ngành căn cứ chức năng, nhiệm vụ xây dựng kế hoạch của đơn vị mình.
      - text: Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các đơn vị báo cáo về Sở Nông nghiệp và
          Phát triển nông thôn để tổng hợp.
closing: Yêu cầu các cơ quan, đơn vị nghiêm túc triển khai thực hiện
signer:
  on_behalf_of: ỦY BAN NHÂN DÂN
  signing_for: CHỦ TỊCH
  title: PHÓ CHỦ TỊCH
  name: Nguyễn Văn An
recipients:
  - text: Thường trực Tỉnh ủy
  - text: Các Sở, Ban ngành
    covers: [so-ban-nganh]
  - text: Công an tỉnh
  - text: UBMTTQ Việt Nam tỉnh
archive:
  units: [VT, KTN]
"""

# what a reader sees: (sub-khoản heading as printed, lead agencies, duties as printed starts)
DUTIES_TRUTH = [
    ("Sở Nông nghiệp và Phát triển nông thôn", ["Sở Nông nghiệp và Phát triển nông thôn"],
     ["Rà soát phương án", "Kiểm tra an toàn hồ chứa"]),
    ("Công an tỉnh chỉ đạo lực lượng cảnh sát cơ động", ["Công an tỉnh"], ["Phối hợp sơ tán dân"]),
    ("Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, Tỉnh đoàn Thanh niên",
     ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Tỉnh đoàn Thanh niên"], ["Vận động đoàn viên"]),
    ("Sở Tài chính chủ trì, phối hợp các sở, ban, ngành", ["Sở Tài chính"],
     ["Tham mưu bố trí kinh phí", "Hướng dẫn thanh quyết toán"]),
    ("Sở Y tế", ["Sở Y tế"], ["Chuẩn bị cơ số thuốc"]),
]
# "Tổ chức thực hiện": (opening words, agencies); the third item names none and stays a paragraph
RUNON_TRUTH = [
    ("Giao Sở Nông nghiệp và Phát triển nông thôn là cơ quan thường trực", ["Sở Nông nghiệp và Phát triển nông thôn"]),
    ("Các sở, ban, ngành căn cứ chức năng", ["Các sở, ban, ngành"]),
]


def make_duties_plan(out: Path | str) -> Path:
    """The plan above, typed by a Văn thư (make_office.py `van-thu`); the YAML sits beside the .docx."""
    out = Path(out)
    plan = out.with_suffix(".yaml")
    plan.write_text(PLAN, encoding="utf-8")
    return make_office_docx(plan, out, "van-thu")
