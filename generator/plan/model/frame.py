"""The frame around the body (Decree 30/2020): issuer, number and date, signer, and the agencies
that receive the plan (Nơi nhận, Lưu)."""
from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import Field, StringConstraints, model_validator

from generator.plan.model.base import NOT_BLANK, Id, Strict, Text


# ---------------------------------------------------------------- issuer, document, signer


class Issuer(Strict):
    """Cơ quan ban hành (ô 2 của Nghị định 30/2020/NĐ-CP)."""

    superior: list[Text] = Field(
        default=[],
        title="Cơ quan chủ quản",
        description="Tên cơ quan chủ quản trực tiếp (nếu có), mỗi dòng một phần tử; in hoa, không đậm. "
        "UBND tỉnh không có dòng này.",
    )
    name: list[Text] = Field(
        min_length=1,
        title="Tên cơ quan ban hành",
        description="Tên cơ quan ban hành như in ở góc trái, mỗi dòng một phần tử, ví dụ "
        "['ỦY BAN NHÂN DÂN', 'TỈNH QUẢNG NAM'].",
    )
    full_name: Text = Field(
        title="Tên đầy đủ",
        description="Tên cơ quan viết thường dùng trong câu, ví dụ 'Ủy ban nhân dân tỉnh Quảng Nam' "
        "(dùng ở dòng 'Kèm theo Kế hoạch số ... của ...').",
    )
    abbreviation: Text = Field(
        title="Chữ viết tắt",
        description="Chữ viết tắt tên cơ quan trong ký hiệu văn bản, ví dụ 'UBND' trong 'KH-UBND'.",
    )
    place: Text = Field(
        title="Địa danh",
        description="Địa danh ghi trước ngày tháng, ví dụ 'Quảng Nam'.",
    )


class Document(Strict):
    """Số, ký hiệu và ngày ban hành. Bỏ trống số và ngày khi còn là dự thảo."""

    code: Text = Field(default="KH", title="Tên loại viết tắt", description="Viết tắt tên loại văn bản: KH.")
    number: int | None = Field(
        default=None,
        ge=1,
        title="Số văn bản",
        description="Số do Văn thư cấp; bỏ trống khi là dự thảo (in 'Số:      /KH-UBND').",
    )
    date: dt.date | None = Field(
        default=None,
        title="Ngày ban hành",
        description="Ngày ban hành dạng YYYY-MM-DD; bỏ trống khi là dự thảo (in 'ngày    tháng    năm ...').",
    )
    month: int | None = Field(
        default=None,
        ge=1,
        le=12,
        title="Tháng ban hành (dự thảo)",
        description="Dự thảo đã biết tháng mà chưa biết ngày: in 'ngày    tháng 6 năm 2019'. Bỏ qua khi có 'date'.",
    )
    issued_by: Text | None = Field(
        default=None,
        title="Người ban hành (dòng Kèm theo)",
        description="Tên in sau 'của' ở dòng '(Kèm theo Kế hoạch số ... của ...)' của phụ lục, ví dụ 'Chủ tịch "
        "UBND tỉnh Quảng Nam' khi Chủ tịch ban hành; mặc định là tên đầy đủ của cơ quan ban hành.",
    )


class Signer(Strict):
    """Thẩm quyền, chức vụ và họ tên người ký (ô 7)."""

    on_behalf_of: Text | None = Field(
        default=None,
        title="Thay mặt (TM.)",
        description="Tập thể mà người ký thay mặt, ví dụ 'ỦY BAN NHÂN DÂN' (in 'TM. ỦY BAN NHÂN DÂN').",
    )
    signing_for: Text | None = Field(
        default=None,
        title="Ký thay (KT.)",
        description="Chức vụ người đứng đầu mà cấp phó ký thay, ví dụ 'CHỦ TỊCH' (in 'KT. CHỦ TỊCH').",
    )
    title: Text = Field(title="Chức vụ", description="Chức vụ người ký, ví dụ 'PHÓ CHỦ TỊCH'.")
    name: Text = Field(title="Họ và tên", description="Họ và tên người ký, không ghi học hàm, học vị.")


# ---------------------------------------------------------------- agencies and recipients


class Agency(Strict):
    """Một cơ quan, đơn vị được giao việc hoặc nhận văn bản."""

    id: Id
    name: Text = Field(title="Tên", description="Tên đầy đủ của cơ quan, ví dụ 'Sở Thông tin và Truyền thông'.")
    short: list[Text] = Field(
        default=[],
        title="Tên viết tắt",
        description="Các cách viết khác được chấp nhận, ví dụ ['Sở TT&TT'].",
    )
    groups: list[Id] = Field(
        default=[],
        title="Thuộc nhóm",
        description="Nhóm mà cơ quan thuộc về, dùng để kiểm tra Nơi nhận, ví dụ [so-ban-nganh].",
    )


AgencyRef = Annotated[
    str,
    StringConstraints(min_length=1, pattern=NOT_BLANK),
    Field(description="Mã cơ quan (id) hoặc tên/tên viết tắt đã khai báo trong 'agencies'."),
]


class Recipient(Strict):
    """Một dòng trong Nơi nhận."""

    text: Text | None = Field(
        default=None,
        title="Nội dung dòng",
        description="Nội dung in ra, ví dụ 'Các Sở, Ban, ngành'. Bỏ trống nếu dùng 'agency'.",
    )
    agency: AgencyRef | None = Field(
        default=None, title="Cơ quan", description="Cơ quan nhận; in tên cơ quan khi không có 'text'."
    )
    note: Text | None = Field(default=None, title="Ghi chú", description="Ghi chú sau tên, ví dụ '(b/c)'.")
    covers: list[Id] = Field(
        default=[],
        title="Bao gồm",
        description="Mã nhóm hoặc mã cơ quan mà dòng này bao gồm, ví dụ [so-ban-nganh].",
    )

    @model_validator(mode="after")
    def _text_or_agency(self) -> "Recipient":
        if not self.text and not self.agency:
            raise ValueError("cần 'text' hoặc 'agency'")
        return self


class Archive(Strict):
    """Dòng cuối của Nơi nhận: 'Lưu: VT, <đơn vị soạn thảo> (số bản).'"""

    units: list[Text] = Field(
        default=["VT"],
        min_length=1,
        title="Nơi lưu",
        description="Các đơn vị lưu, bắt đầu bằng VT (Văn thư), ví dụ [VT, KGVX].",
    )
    copies: int | None = Field(default=None, ge=1, title="Số bản lưu", description="Số bản lưu, in trong ngoặc.")
