"""The body: sections 'I.', subsections and points, and the blocks they hold (paragraphs, bullets, and
the places where targets, responsibilities, funding and appendix references are printed)."""
from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import BaseModel, Discriminator, Field, Tag, model_validator

from generator.plan.model.base import Id, Strict, Text


class Bullet(Strict):
    """Một ý gạch đầu dòng có ý con (cấp 1 '-', cấp 2 '+')."""

    text: Text = Field(title="Nội dung")
    bullets: list["BulletItem"] = Field(default=[], title="Ý con")


def _kind(value: object) -> str | None:
    """Pick the union member from the keys present, so errors name one shape, not all of them."""
    if isinstance(value, BaseModel):
        return _TAG_OF_CLASS.get(type(value).__name__)
    if isinstance(value, dict):
        for key, tag in _TAG_OF_KEY:
            if key in value:
                return tag
        return None
    return "#text"  # anything else must be a paragraph: the string check gives the message


def _bullet_kind(value: object) -> str | None:
    if isinstance(value, (dict, Bullet)):
        return "#bullet"
    return "#text"


BulletItem = Annotated[
    Union[Annotated[Text, Tag("#text")], Annotated[Bullet, Tag("#bullet")]],
    Discriminator(_bullet_kind, custom_error_type="block_kind", custom_error_message="không rõ loại nội dung"),
]


class Bullets(Strict):
    bullets: list[BulletItem] = Field(min_length=1, title="Gạch đầu dòng", description="Các ý '-'.")


class Subsection(Strict):
    """Khoản '1.' hoặc điểm 'a)': có tiêu đề (in đậm) hoặc không (câu thường sau số)."""

    id: Id | None = None
    title: Text | None = Field(default=None, title="Tiêu đề", description="Tiêu đề khoản, in đậm sau số.")
    text: Text | None = Field(
        default=None, title="Nội dung mở đầu", description="Khoản không tiêu đề: câu in thường ngay sau số."
    )
    target: Id | None = Field(
        default=None, title="Chỉ tiêu", description="Khoản không tiêu đề mà câu là câu của chỉ tiêu này."
    )
    content: list["Block"] = Field(default=[], title="Nội dung")

    @model_validator(mode="after")
    def _one_lead(self) -> "Subsection":
        if sum(x is not None for x in (self.title, self.text, self.target)) != 1:
            raise ValueError("cần đúng một trong ba: 'title', 'text' hoặc 'target'")
        return self


class TargetsBlock(Strict):
    """Sinh các dòng chỉ tiêu từ mục 'targets'."""

    targets: list[Id] = Field(min_length=1, title="Chỉ tiêu", description="Mã các chỉ tiêu cần in.")
    style: Literal["bullets", "paragraphs"] = Field(default="bullets", title="Kiểu trình bày")


class ResponsibilitiesBlock(Strict):
    """Sinh các khoản 'Tổ chức thực hiện' từ mục 'responsibilities'."""

    responsibilities: Literal["all"] | list[Id] = Field(title="Trách nhiệm", description="'all' hoặc danh sách mã.")


class FundingBlock(Strict):
    funding: Literal[True] = Field(title="Kinh phí", description="In nội dung mục 'funding' tại đây.")


class AppendixRef(Strict):
    """Câu dẫn tới phụ lục: '<before> Phụ lục I <after>', ví dụ '(Chi tiết tại Phụ lục I kèm theo)'."""

    appendix: Id | list[Id] = Field(
        title="Phụ lục",
        description="Mã phụ lục được dẫn chiếu, hoặc danh sách mã khi một câu dẫn nhiều phụ lục "
        "('Phụ lục I, Phụ lục II kèm theo').",
    )
    before: Text = Field(default="(Chi tiết tại", title="Phần trước", description="Chữ đứng trước 'Phụ lục ...'.")
    after: Text = Field(default="kèm theo)", title="Phần sau", description="Chữ đứng sau 'Phụ lục ...'.")


Block = Annotated[
    Union[
        Annotated[Text, Tag("#text")],
        Annotated[Bullets, Tag("#bullets")],
        Annotated[Subsection, Tag("#subsection")],
        Annotated[TargetsBlock, Tag("#targets")],
        Annotated[ResponsibilitiesBlock, Tag("#responsibilities")],
        Annotated[FundingBlock, Tag("#funding")],
        Annotated[AppendixRef, Tag("#appendix")],
    ],
    Discriminator(_kind, custom_error_type="block_kind", custom_error_message="không rõ loại nội dung"),
]

# Order matters: a bullet with sub-bullets has both 'text' and 'bullets'.
_TAG_OF_KEY = [
    ("targets", "#targets"),
    ("responsibilities", "#responsibilities"),
    ("funding", "#funding"),
    ("appendix", "#appendix"),
    ("title", "#subsection"),
    ("text", "#subsection"),
    ("target", "#subsection"),
    ("bullets", "#bullets"),
]
_TAG_OF_CLASS = {
    "Bullets": "#bullets",
    "Subsection": "#subsection",
    "TargetsBlock": "#targets",
    "ResponsibilitiesBlock": "#responsibilities",
    "FundingBlock": "#funding",
    "AppendixRef": "#appendix",
}


NumberFormat = Literal["1.", "1.1.", "a)", "(1)"]


class Numbering(Strict):
    """Cách đánh số các cấp dưới mục 'I.' (gạch đầu dòng '-' và '+' không đổi)."""

    levels: list[NumberFormat] = Field(
        default=["1.", "a)", "(1)"],
        min_length=1,
        title="Các cấp",
        description="Kiểu số của từng cấp, từ cấp ngay dưới mục 'I.': '1.', '1.1.' (số cấp trên, chấm, số "
        "thứ tự), 'a)', '(1)'. Mặc định ['1.', 'a)', '(1)']; nhiều kế hoạch dùng ['1.', '1.1.', 'a)', '(1)']. "
        "Cấp sâu hơn danh sách in '(1)'.",
    )
    bold_titled_points: bool = Field(
        default=False,
        title="Điểm có tiêu đề in đậm",
        description="true: điểm 'a)' hoặc '(1)' có tiêu đề in đậm như khoản '1.' có tiêu đề (Nghị định 30 để "
        "điểm in thường; một số kế hoạch in đậm để phân biệt với các ý bên dưới).",
    )


class Section(Strict):
    """Mục lớn 'I.', 'II.' (in hoa, đậm)."""

    id: Id
    title: Text = Field(title="Tiêu đề", description="Tiêu đề mục, ví dụ 'MỤC ĐÍCH, YÊU CẦU'.")
    numbering: Numbering | None = Field(
        default=None, title="Cách đánh số", description="Cách đánh số riêng cho mục này (mặc định: của kế hoạch)."
    )
    content: list[Block] = Field(default=[], title="Nội dung")


Bullet.model_rebuild()
Subsection.model_rebuild()
Section.model_rebuild()
