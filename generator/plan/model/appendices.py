"""The appendices, one model per kind: tasks table, scores table, free table."""
from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal, Union

from pydantic import Field

from generator.plan.model.base import Id, Number, Strict, Text
from generator.plan.model.frame import AgencyRef


class HeaderGroup(Strict):
    """Một ô của dòng tiêu đề trên: nhóm 'span' cột liền nhau dưới một tên, hoặc (không có 'text') các cột
    không thuộc nhóm nào, mỗi cột gộp dọc qua cả hai dòng tiêu đề."""

    text: Text | None = Field(default=None, title="Tên nhóm cột",
                              description="Tên in trên các cột của nhóm; bỏ trống: các cột này không có nhóm.")
    span: int = Field(default=1, ge=1, title="Số cột", description="Số cột liền nhau, kể từ cột sau nhóm trước.")


def header_groups_field():
    """The field on every appendix kind (one FieldInfo per model)."""
    return Field(
        default=[],
        title="Dòng tiêu đề trên",
        description="Dòng tiêu đề thứ hai, in trên tiêu đề cột, từ trái sang phải, ví dụ [{span: 2}, {text: "
        "'Kết quả năm 2025', span: 2}]: tổng 'span' bằng số cột của bảng.",
    )


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
    widths: dict[TaskColumn, Decimal] = Field(
        default={},
        title="Độ rộng cột (cm)",
        description="Độ rộng tương đối của các cột, tính bằng cm, ví dụ {content: 8, lead: 3.5}; bảng được co giãn "
        "cho vừa trang. Bỏ trống: kehoach chia độ rộng theo lượng chữ của từng cột.",
    )
    group_label: Text | bool | None = Field(
        default=None,
        title="Tiền tố dòng nhóm",
        description="Chữ trước tên chỉ số ở dòng nhóm, ví dụ 'Chỉ số' → 'Chỉ số “Công khai, minh bạch”'; "
        "true: tên cấp trong danh mục của từng chỉ số ('Chỉ số nội dung', 'Lĩnh vực'...).",
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
    group_order: Literal["catalogue", "tasks"] = Field(
        default="catalogue",
        title="Thứ tự nhóm",
        description="'catalogue': các nhóm theo thứ tự trong danh mục chỉ số; 'tasks': theo thứ tự nhiệm vụ đầu "
        "tiên của mỗi nhóm trong mục tasks (như bảng gốc khi nhập từ Word).",
    )
    group_rows: bool = Field(
        default=True,
        title="Dòng nhóm",
        description="false: không in dòng nhóm (bảng nhiệm vụ liền một mạch, không chia theo lĩnh vực); "
        "nhiệm vụ vẫn được đánh số liên tục trong nhóm của nó.",
    )
    numbering: Literal["flat", "hierarchical"] = Field(
        default="flat",
        title="Số thứ tự nhiệm vụ",
        description="'flat': nhiệm vụ đánh số lại 1, 2 trong mỗi nhóm; 'hierarchical': số theo cấp, ví dụ 1.1, "
        "1.2 hoặc 1.3.1, 1.3.2 khi có dòng tiêu chí.",
    )
    header_groups: list[HeaderGroup] = header_groups_field()


ScoreColumn = Literal["stt", "name", "max", "baseline", "target", "lead"]


class ScoresAppendix(Strict):
    id: Id
    type: Literal["scores"]
    title: Text
    orientation: Literal["auto", "portrait", "landscape"] = "auto"
    criteria: list[Id] = Field(
        min_length=1,
        title="Tiêu chí",
        description="Các tiêu chí gốc (kèm tiêu chí con). Mã của cả chỉ số (ví dụ par) in một dòng cho cả chỉ "
        "số rồi các lĩnh vực của nó (xem index_row).",
    )
    index_row: bool = Field(
        default=True,
        title="Dòng cả chỉ số",
        description="Khi 'criteria' có mã của cả chỉ số (ví dụ par): true (mặc định) in dòng 'I' cho cả chỉ số, "
        "các lĩnh vực đánh số 1, 2, tiêu chí 1.1, tiêu chí thành phần 1.1.1; false in các lĩnh vực là dòng "
        "I, II, tiêu chí 1, 2, tiêu chí thành phần 1.1, không có dòng cả chỉ số (dòng tổng đã cho tổng điểm).",
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
    header_groups: list[HeaderGroup] = header_groups_field()


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
    header_groups: list[HeaderGroup] = header_groups_field()
    rows: list[GenericRow] = Field(min_length=1)


Appendix = Annotated[Union[TasksAppendix, ScoresAppendix, TableAppendix], Field(discriminator="type")]
