"""Index criteria a plan declares itself, and its targets (baseline, value or change)."""
from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from generator.plan.model.base import Id, Number, Strict, Text


class Criterion(Strict):
    """Tiêu chí do kế hoạch tự khai báo hoặc đổi tên so với danh mục chỉ số."""

    code: Id = Field(title="Mã", description="Mã tiêu chí, ví dụ papi.2 hoặc par.3.")
    name: Text = Field(title="Tên", description="Tên tiếng Việt in trong văn bản.")
    max: Number | None = Field(default=None, title="Điểm tối đa", description="Điểm tối đa của tiêu chí.")
    parent: Id | None = Field(default=None, title="Tiêu chí cha", description="Mã tiêu chí cha (nếu có).")


class Baseline(Strict):
    year: int = Field(ge=2000, le=2100, title="Năm gốc", description="Năm của kết quả gốc, ví dụ 2019.")
    value: Number | None = Field(default=None, title="Giá trị gốc", description="Điểm hoặc tỷ lệ năm gốc.")
    rank: int | None = Field(default=None, ge=1, title="Xếp hạng", description="Thứ hạng năm gốc, ví dụ 33.")
    of: int | None = Field(default=None, ge=1, title="Trên tổng số", description="Tổng số tỉnh xếp hạng, ví dụ 63.")


class TargetChange(Strict):
    """Chỉ tiêu tương đối: tăng (giảm) so với kết quả năm gốc, ví dụ 'tăng tối thiểu 02 bậc'."""

    direction: Literal["up", "down"] = Field(
        default="up", title="Chiều", description="'up': tăng (điểm, tỷ lệ hoặc vị thứ xếp hạng); 'down': giảm."
    )
    by: Number | None = Field(
        default=None,
        gt=0,
        title="Mức thay đổi",
        description="Số điểm, phần trăm hoặc số bậc; bỏ trống khi kế hoạch chỉ nói 'tăng vị thứ xếp hạng'.",
    )
    at_least: bool = Field(
        default=False, title="Tối thiểu", description="true: in 'tăng tối thiểu 02 bậc' thay cho 'tăng 02 bậc'."
    )


class Target(Strict):
    """Một chỉ tiêu: chỉ số tổng hợp hoặc một chỉ số nội dung. Cần 'target' (giá trị) hoặc 'change'
    (tăng, giảm so với năm gốc)."""

    id: Id
    criterion: Id = Field(
        title="Tiêu chí", description="Mã chỉ số, chỉ số nội dung hoặc tiêu chí con, ví dụ papi, papi.3, par.1.3."
    )
    unit: Literal["điểm", "%", "hạng"] = Field(
        default="điểm",
        title="Đơn vị",
        description="Đơn vị: 'điểm', '%' hoặc 'hạng'. Với 'hạng', 'target' là thứ hạng phấn đấu (target: 2 là "
        "xếp thứ 2); muốn nói 'tăng 2 bậc' thì dùng 'change'.",
    )
    baseline: Baseline | None = Field(default=None, title="Kết quả gốc", description="Kết quả năm trước.")
    target: Number | None = Field(
        default=None, title="Chỉ tiêu", description="Giá trị phấn đấu (điểm, %, hoặc thứ hạng)."
    )
    bound: Literal["exact", "above", "at_least"] = Field(
        default="exact",
        title="Mức",
        description="'exact': 'đạt 80%'; 'above': 'đạt trên 80%'; 'at_least': 'đạt tối thiểu 80%' "
        "(với 'hạng': 'xếp hạng trong nhóm 20 tỉnh dẫn đầu' viết bằng 'wording').",
    )
    change: TargetChange | None = Field(
        default=None,
        title="Chỉ tiêu tương đối",
        description="Tăng, giảm so với năm gốc thay cho giá trị, ví dụ {by: 2, at_least: true} → "
        "'tăng tối thiểu 02 bậc'; {} → 'tăng vị thứ xếp hạng'.",
    )
    qualifier: Text | None = Field(
        default=None,
        title="Chú thích",
        description="In trong ngoặc sau chỉ tiêu, thay cho phần so sánh sinh tự động, ví dụ 'đạt 90%' hoặc "
        "'giảm 7% so với năm 2018'.",
    )
    max: Number | None = Field(default=None, title="Tối đa", description="Điểm tối đa (mặc định lấy từ tiêu chí).")
    wording: Text | None = Field(
        default=None,
        title="Câu chữ",
        description="Câu in trong văn bản thay cho câu sinh tự động; in đúng như viết.",
    )

    @model_validator(mode="after")
    def _value_or_change(self) -> "Target":
        if (self.target is None) == (self.change is None):
            raise ValueError("cần đúng một trong hai: 'target' (giá trị) hoặc 'change' (tăng, giảm so với năm gốc)")
        return self
