"""Who does what: the tasks of the appendix table and the responsibilities of 'Tổ chức thực hiện'."""
from __future__ import annotations

from pydantic import Field, model_validator

from generator.plan.model.base import Id, Strict, Text
from generator.plan.model.body import Block
from generator.plan.model.frame import AgencyRef


class Task(Strict):
    """Một nhiệm vụ cụ thể (một dòng của bảng phụ lục)."""

    id: Id
    dimension: Id = Field(title="Chỉ số nội dung", description="Mã chỉ số nội dung, ví dụ papi.1.")
    sub_dimension: Id | list[Id] | None = Field(
        default=None,
        title="Nội dung thành phần",
        description="Mã nội dung thành phần (một hoặc danh sách), ví dụ papi.1.a.",
    )
    content: Text = Field(title="Nhiệm vụ", description="Nội dung nhiệm vụ.")
    indicator: Text | None = Field(default=None, title="Chỉ tiêu", description="Chỉ tiêu / kết quả cần đạt.")
    lead: list[AgencyRef] = Field(default=[], title="Chủ trì", description="Cơ quan chủ trì.")
    co: list[AgencyRef] = Field(default=[], title="Phối hợp", description="Cơ quan thực hiện, phối hợp.")
    timeframe: Text | None = Field(default=None, title="Thời gian", description="Thời gian thực hiện.")
    output: Text | None = Field(default=None, title="Sản phẩm", description="Kết quả, sản phẩm đầu ra.")
    notes: Text | None = Field(default=None, title="Ghi chú", description="Ghi chú.")



class Responsibility(Strict):
    """Nhiệm vụ của một (nhóm) cơ quan trong phần Tổ chức thực hiện: khoản có tiêu đề (in đậm) và nội
    dung, hoặc một câu liền ('text') nêu tên cơ quan ngay trong câu."""

    id: Id
    agencies: list[AgencyRef] = Field(min_length=1, title="Cơ quan")
    title: Text | None = Field(
        default=None,
        title="Tiêu đề",
        description="Tiêu đề khoản; mặc định là tên các cơ quan, ví dụ 'Đề nghị Ủy ban MTTQ Việt Nam tỉnh'.",
    )
    text: Text | None = Field(
        default=None,
        title="Câu liền",
        description="Khoản không tiêu đề: câu in thường ngay sau số, tên cơ quan nằm trong câu, ví dụ 'Sở Tư "
        "pháp chủ trì, phối hợp ...'. Vẫn được tính là trách nhiệm của các cơ quan trong 'agencies'.",
    )
    content: list[Block] = Field(default=[], title="Nội dung")

    @model_validator(mode="after")
    def _some_content(self) -> "Responsibility":
        if self.title is not None and self.text is not None:
            raise ValueError("chỉ dùng một trong hai: 'title' (tiêu đề in đậm) hoặc 'text' (câu liền)")
        if self.text is None and not self.content:
            raise ValueError("cần 'content' (nội dung) hoặc 'text' (câu liền)")
        return self
