"""The plan model (schema v1): what a Kế hoạch says, validated, with no I/O.

Keys are English snake_case; every title/description is Vietnamese because the exported JSON Schema
is what drafters see in their editor.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal, Union

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    model_validator,
)

SCHEMA_VERSION = 1

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9._-]*$", max_length=64),
    Field(description="Mã định danh ổn định: chữ thường không dấu, số, '.', '-', '_' (ví dụ: so-noi-vu)."),
]
NOT_BLANK = r"\S"  # a text of spaces only (even U+3000) is a missing text, not a blank line in print
Text = Annotated[str, StringConstraints(min_length=1, pattern=NOT_BLANK)]
Number = Union[int, Decimal]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)


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


# ---------------------------------------------------------------- index criteria and targets


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


# ---------------------------------------------------------------- tasks and responsibilities


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


# ---------------------------------------------------------------- body content


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


# ---------------------------------------------------------------- appendices

TaskColumn = Literal[
    "stt", "dimension", "sub_dimension", "content", "indicator", "lead", "co", "timeframe", "output", "notes"
]


class TasksAppendix(Strict):
    id: Id
    type: Literal["tasks"]
    title: Text = Field(title="Tên phụ lục", description="Tên phụ lục (in hoa khi in).")
    orientation: Literal["auto", "portrait", "landscape"] = Field(default="auto", title="Hướng trang")
    columns: list[TaskColumn] = Field(
        min_length=2,
        title="Các cột",
        description="Các cột theo thứ tự: stt, dimension, sub_dimension, content, indicator, lead, co, "
        "timeframe, output, notes.",
    )
    headers: dict[TaskColumn, Text] = Field(default={}, title="Tiêu đề cột", description="Đổi tên tiêu đề cột.")
    group_label: Text | None = Field(
        default=None,
        title="Tiền tố dòng nhóm",
        description="Chữ trước tên chỉ số ở dòng nhóm, ví dụ 'Chỉ số' → 'Chỉ số “Công khai, minh bạch”'.",
    )
    dimensions: list[Id] | None = Field(
        default=None, title="Chỉ số nội dung", description="Chỉ đưa các chỉ số này; bỏ trống là tất cả."
    )
    group_numbers: Literal["roman", "arabic"] = Field(
        default="roman",
        title="Số dòng nhóm",
        description="Số thứ tự của dòng nhóm (chỉ số nội dung, lĩnh vực): 'roman' (I, II) hoặc 'arabic' (1, 2).",
    )
    group_names: dict[Id, Text] = Field(
        default={},
        title="Tên dòng nhóm",
        description="Tên in ở dòng nhóm hoặc dòng tiêu chí của phụ lục này, theo mã tiêu chí, thay cho tên "
        "trong danh mục, ví dụ {par.1: 'CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH'}.",
    )
    sub_headings: bool = Field(
        default=False,
        title="Dòng tiêu chí",
        description="true: dưới mỗi dòng nhóm, các nhiệm vụ được gom theo nội dung thành phần (sub_dimension) "
        "với một dòng tiêu đề không phải nhiệm vụ, ví dụ '1.3 | Tổ chức thực hiện kiểm tra CCHC'.",
    )
    numbering: Literal["flat", "hierarchical"] = Field(
        default="flat",
        title="Số thứ tự nhiệm vụ",
        description="'flat': nhiệm vụ đánh số lại 1, 2 trong mỗi nhóm; 'hierarchical': số theo cấp, ví dụ 1.1, "
        "1.2 hoặc 1.3.1, 1.3.2 khi có dòng tiêu chí.",
    )


ScoreColumn = Literal["stt", "name", "max", "baseline", "target", "lead"]


class ScoresAppendix(Strict):
    id: Id
    type: Literal["scores"]
    title: Text
    orientation: Literal["auto", "portrait", "landscape"] = "auto"
    criteria: list[Id] = Field(
        min_length=1,
        title="Tiêu chí",
        description="Các tiêu chí gốc (kèm tiêu chí con). Mã của cả chỉ số (ví dụ par) in các lĩnh vực của nó, "
        "không thêm dòng chỉ số lặp lại dòng tổng.",
    )
    leads: dict[Id, list[AgencyRef]] = Field(
        default={}, title="Chủ trì", description="Cơ quan chủ trì theo tiêu chí; nhiều cơ quan in mỗi cơ quan một dòng."
    )
    headers: dict[ScoreColumn, Text] = Field(
        default={},
        title="Tiêu đề cột",
        description="Đổi tiêu đề cột: stt, name, max, baseline, target, lead; ví dụ {baseline: 'Điểm năm 2019', "
        "target: 'Mục tiêu năm 2020', name: 'Lĩnh vực/Tiêu chí/Tiêu chí thành phần', lead: 'Chủ trì tham mưu'}.",
    )
    total_label: Text = Field(
        default="Tổng cộng", title="Tên dòng tổng", description="Chữ ở dòng tổng, ví dụ 'TỔNG ĐIỂM'."
    )


class GenericColumn(Strict):
    id: Id
    header: Text
    width: Decimal | None = Field(default=None, gt=0, title="Độ rộng (cm)",
                                  description="Độ rộng tương đối của cột, tính bằng cm; bảng được co giãn cho vừa trang.")
    align: Literal["left", "center", "right", "justify"] = "left"


class CellSpan(Strict):
    """Ô gộp: ô bắt đầu kéo sang phải ('columns') hoặc xuống dưới ('rows'), không cả hai."""

    columns: int = Field(default=1, ge=1, title="Số cột", description="Số cột ô này chiếm (kể cả chính nó).")
    rows: int = Field(default=1, ge=1, title="Số dòng", description="Số dòng ô này chiếm (kể cả dòng này).")


class GenericRow(Strict):
    id: Id
    cells: dict[Id, Text | Number] = Field(
        title="Các ô", description="Nội dung theo mã cột; số (8.5) được in '8,5' và lưu dạng số trong tệp .xlsx."
    )
    group: bool = Field(
        default=False,
        title="Dòng nhóm",
        description="Dòng nhóm, in đậm: ô có nội dung cuối cùng kéo tới cột cuối, ví dụ STT '1' và tên "
        "'CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH'.",
    )
    bold: bool = Field(default=False, title="In đậm", description="In đậm cả dòng (dòng thường, không gộp ô).")
    spans: dict[Id, CellSpan] = Field(
        default={},
        title="Ô gộp",
        description="Ô gộp theo mã cột của ô bắt đầu, ví dụ {noi-dung: {columns: 2}} hoặc {tt: {rows: 3}}; "
        "các ô bị gộp phải để trống.",
    )


class TableAppendix(Strict):
    id: Id
    type: Literal["table"]
    title: Text
    orientation: Literal["auto", "portrait", "landscape"] = "auto"
    columns: list[GenericColumn] = Field(min_length=1)
    rows: list[GenericRow] = Field(min_length=1)


Appendix = Annotated[Union[TasksAppendix, ScoresAppendix, TableAppendix], Field(discriminator="type")]


# ---------------------------------------------------------------- the plan


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


Bullet.model_rebuild()
Subsection.model_rebuild()
Section.model_rebuild()
Responsibility.model_rebuild()
Plan.model_rebuild()
