"""The whole plan: its parts in file order, and its layout options."""
from __future__ import annotations

from typing import Literal

from pydantic import Field

from generator.plan.model.appendices import Appendix
from generator.plan.model.base import Id, Strict, Text
from generator.plan.model.body import Block, Numbering, Section
from generator.plan.model.frame import Agency, Archive, Document, Issuer, Recipient, Signer
from generator.plan.model.targets import Criterion, Target
from generator.plan.model.tasks import Responsibility, Task


class Layout(Strict):
    """Tuỳ chọn trình bày trong phạm vi Nghị định 30."""

    size_pair: Literal[13, 14] = Field(
        default=14,
        title="Cặp cỡ chữ",
        description="14: Quốc hiệu 13, Tiêu ngữ/ngày/nội dung 14. 13: Quốc hiệu 12, Tiêu ngữ/ngày/nội dung 13.",
    )
    appendix_first_page_number: bool = Field(
        default=False, title="Số trang đầu phụ lục", description="In số trang ở trang đầu mỗi phụ lục."
    )


class Plan(Strict):
    """Một Kế hoạch của Ủy ban nhân dân tỉnh."""

    schema_version: Literal[1] = Field(
        title="Phiên bản cấu trúc tệp",
        description="Phiên bản cấu trúc tệp kế hoạch mà kehoach đọc; hiện nay luôn ghi 1. Giữ nguyên dòng này: "
        "khi cấu trúc thay đổi, kehoach dựa vào số này để nhận ra tệp cũ.",
    )
    id: Id
    year: int = Field(ge=2000, le=2100, title="Năm kế hoạch")
    indices: dict[Id, str] = Field(
        default={},
        title="Danh mục chỉ số",
        description="Danh mục chỉ số và phiên bản dùng, ví dụ {papi: '2018'}.",
    )
    issuer: Issuer
    document: Document = Field(default_factory=Document)
    title: Text = Field(title="Trích yếu", description="Trích yếu nội dung; xuống dòng được giữ nguyên.")
    legal_bases: list[Text] = Field(default=[], title="Căn cứ", description="Các căn cứ, mỗi căn cứ một dòng.")
    preamble: list[Text] = Field(default=[], title="Mở đầu", description="Các đoạn mở đầu trước mục I.")
    criteria: list[Criterion] = Field(default=[], title="Tiêu chí tự khai báo")
    registry: Id | None = Field(
        default=None,
        title="Danh mục cơ quan",
        description="Danh mục cơ quan của tỉnh đi kèm kehoach, ví dụ quang-nam; 'agencies' bổ sung hoặc ghi đè.",
    )
    agencies: list[Agency] = Field(default=[], title="Cơ quan", description="Cơ quan riêng của kế hoạch này.")
    targets: list[Target] = Field(default=[], title="Chỉ tiêu")
    tasks: list[Task] = Field(default=[], title="Nhiệm vụ")
    responsibilities: list[Responsibility] = Field(default=[], title="Trách nhiệm")
    funding: list[Block] = Field(default=[], title="Kinh phí")
    sections: list[Section] = Field(min_length=1, title="Các mục")
    closing: Text = Field(title="Câu kết", description="Câu kết; './.' được thêm khi in.")
    signer: Signer
    recipients: list[Recipient] = Field(min_length=1, title="Nơi nhận")
    archive: Archive = Field(title="Lưu")
    appendices: list[Appendix] = Field(default=[], title="Phụ lục")
    layout: Layout = Field(default_factory=Layout)
    numbering: Numbering = Field(
        default_factory=Numbering,
        title="Cách đánh số",
        description="Cách đánh số các cấp dưới mục 'I.' cho cả kế hoạch; một mục có thể chọn cách riêng.",
    )
