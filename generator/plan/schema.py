"""JSON Schema of a plan file, for YAML editors (completion and Vietnamese descriptions)."""
from __future__ import annotations

from typing import Any

import yaml

from generator.plan.model import NOT_BLANK, SCHEMA_VERSION, Plan

# Keys that mean the same wherever they appear; used where a field has no Vietnamese text of its own.
KEY_DOCS: dict[str, tuple[str, str]] = {
    "id": ("Mã", "Mã định danh ổn định: chữ thường không dấu, số, '.', '-', '_' (ví dụ: so-noi-vu). "
                 "Dùng để so sánh giữa các năm, không đổi khi sửa nội dung."),
    "type": ("Loại phụ lục", "tasks: bảng nhiệm vụ; scores: bảng điểm có tổng; table: bảng tự do."),
    "title": ("Tiêu đề", "Tiêu đề in trong văn bản."),
    "orientation": ("Hướng trang", "auto: ngang khi bảng rộng; portrait: dọc; landscape: ngang."),
    "columns": ("Các cột", "Các cột của bảng, theo thứ tự in."),
    "rows": ("Các dòng", "Các dòng của bảng, mỗi dòng có mã riêng."),
    "cells": ("Các ô", "Nội dung từng ô, theo mã cột."),
    "header": ("Tiêu đề cột", "Chữ in ở dòng tiêu đề của cột."),
    "align": ("Căn lề", "left: trái; center: giữa; right: phải; justify: đều hai bên."),
    "text": ("Nội dung", "Nội dung in ra."),
    "bullets": ("Ý con", "Các ý gạch đầu dòng con ('+')."),
    "content": ("Nội dung", "Các đoạn văn, gạch đầu dòng và khoản con, theo thứ tự in."),
    "agencies": ("Cơ quan", "Các cơ quan (mã hoặc tên đã khai báo)."),
    "style": ("Kiểu trình bày", "bullets: mỗi chỉ tiêu một dòng '-'; paragraphs: mỗi chỉ tiêu một đoạn."),
    "year": ("Năm kế hoạch", "Năm mà kế hoạch thực hiện, ví dụ 2021."),
    "issuer": ("Cơ quan ban hành", "Tên cơ quan ban hành, viết tắt và địa danh."),
    "document": ("Số và ngày", "Số, ký hiệu và ngày ban hành; bỏ trống khi là dự thảo."),
    "criteria": ("Tiêu chí", "Tiêu chí tự khai báo hoặc đổi tên so với danh mục chỉ số."),
    "targets": ("Chỉ tiêu", "Các chỉ tiêu điểm số, tỷ lệ hoặc thứ hạng."),
    "tasks": ("Nhiệm vụ", "Các nhiệm vụ cụ thể; mỗi nhiệm vụ là một dòng của bảng phụ lục."),
    "responsibilities": ("Trách nhiệm", "Phần Tổ chức thực hiện: nhiệm vụ của từng cơ quan."),
    "funding": ("Kinh phí", "Nội dung về kinh phí, in ở nơi có khối 'funding: true'."),
    "sections": ("Các mục", "Các mục lớn I., II., ... của văn bản."),
    "signer": ("Người ký", "Thẩm quyền, chức vụ và họ tên người ký."),
    "recipients": ("Nơi nhận", "Các dòng Nơi nhận (trừ dòng Lưu)."),
    "archive": ("Lưu", "Dòng cuối của Nơi nhận: 'Lưu: VT, ...'."),
    "appendices": ("Phụ lục", "Các phụ lục kèm theo kế hoạch."),
    "layout": ("Trình bày", "Tuỳ chọn trình bày trong phạm vi Nghị định 30/2020/NĐ-CP."),
}

_VI = set("ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹáàãóòõéèíìúùý")


def _is_vietnamese(text: str | None) -> bool:
    return bool(text) and any(ch in _VI for ch in text.lower())


def _document(properties: dict[str, Any]) -> None:
    for key, prop in properties.items():
        if key not in KEY_DOCS:
            continue
        title, description = KEY_DOCS[key]
        if not _is_vietnamese(prop.get("title")):
            prop["title"] = title
        if not prop.get("description"):
            prop["description"] = description


# What an editor shows for each kind of object (the model's class names mean nothing to a drafter).
DEF_DOCS: dict[str, tuple[str, str]] = {
    "Agency": ("Cơ quan", "Một cơ quan, đơn vị được giao việc hoặc nhận văn bản."),
    "AppendixRef": ("Câu dẫn tới phụ lục", "In '(Chi tiết tại Phụ lục I kèm theo)'; số phụ lục do kehoach đánh."),
    "Archive": ("Dòng Lưu", "Dòng cuối của Nơi nhận: 'Lưu: VT, <đơn vị soạn thảo>'."),
    "Baseline": ("Kết quả năm gốc", "Kết quả đã công bố của năm trước: điểm (hoặc %), thứ hạng trên tổng số tỉnh."),
    "Bullet": ("Ý có ý con", "Một ý gạch đầu dòng '-' kèm các ý con '+'."),
    "Bullets": ("Các gạch đầu dòng", "Danh sách các ý '-'; mỗi ý là một dòng chữ hoặc một ý có ý con."),
    "Criterion": ("Tiêu chí tự khai báo", "Tiêu chí mà kế hoạch đặt tên lại hoặc thêm so với danh mục chỉ số."),
    "Document": ("Số và ngày ban hành", "Số, ký hiệu và ngày ban hành; để trống số và ngày khi còn là dự thảo."),
    "FundingBlock": ("Chỗ in phần kinh phí", "Khối 'funding: true': in nội dung mục 'funding' tại đây."),
    "GenericColumn": ("Cột của bảng tự do", "Một cột: mã, tiêu đề, độ rộng và căn lề."),
    "GenericRow": ("Dòng của bảng tự do", "Một dòng: nội dung từng ô theo mã cột; 'group: true' là dòng nhóm in đậm."),
    "Issuer": ("Cơ quan ban hành", "Cơ quan ban hành ở góc trái trang đầu (ô 2 của Nghị định 30/2020/NĐ-CP)."),
    "Layout": ("Trình bày", "Tùy chọn trình bày trong phạm vi Nghị định 30/2020/NĐ-CP."),
    "Recipient": ("Một dòng Nơi nhận", "Một cơ quan hoặc một nhóm nhận văn bản, ví dụ 'Các sở, ban, ngành tỉnh'."),
    "ResponsibilitiesBlock": ("Chỗ in phần trách nhiệm", "Khối 'responsibilities: all': in các khoản Tổ chức "
                              "thực hiện từ mục 'responsibilities' tại đây."),
    "Responsibility": ("Trách nhiệm của một cơ quan", "Một khoản của phần Tổ chức thực hiện: cơ quan và việc phải làm."),
    "ScoresAppendix": ("Phụ lục bảng điểm", "Bảng điểm các tiêu chí (có dòng tổng) và cơ quan chủ trì."),
    "Section": ("Mục lớn", "Mục 'I.', 'II.' của văn bản (tiêu đề in hoa, đậm)."),
    "Signer": ("Người ký", "Thẩm quyền (TM., KT.), chức vụ và họ tên người ký (ô 7)."),
    "Subsection": ("Khoản hoặc điểm", "Khoản '1.' hoặc điểm 'a)': có tiêu đề in đậm ('title') hoặc một câu "
                   "thường ('text'), và nội dung con."),
    "TableAppendix": ("Phụ lục bảng tự do", "Bảng tự khai báo cột và dòng."),
    "Target": ("Chỉ tiêu", "Một chỉ tiêu: chỉ số tổng hợp hoặc chỉ số nội dung, kết quả gốc và mức phấn đấu."),
    "TargetChange": ("Mức tăng, giảm", "Chỉ tiêu tương đối: tăng (giảm) so với kết quả năm gốc, ví dụ 'tăng tối "
                     "thiểu 02 bậc'."),
    "TargetsBlock": ("Chỗ in các chỉ tiêu", "Khối 'targets: [...]': in câu chỉ tiêu của các chỉ tiêu đã khai báo."),
    "Task": ("Nhiệm vụ", "Một nhiệm vụ cụ thể: một dòng của bảng phụ lục nhiệm vụ."),
    "TasksAppendix": ("Phụ lục nhiệm vụ", "Bảng các nhiệm vụ, nhóm theo chỉ số nội dung, với các cột chọn được."),
}

# Ready-made blocks offered by the editor (yaml-language-server and VS Code read 'defaultSnippets').
SNIPPETS: dict[str, list[dict[str, Any]]] = {
    "Task": [{"label": "Nhiệm vụ mới", "description": "Một dòng của bảng phụ lục nhiệm vụ",
              "body": {"id": "${1:papi-1-02}", "dimension": "${2:papi.1}", "content": "${3:Nội dung nhiệm vụ}",
                       "lead": ["${4:so-noi-vu}"], "co": ["${5:ubnd-cap-xa}"], "timeframe": "${6:Năm 2026}",
                       "output": "${7:Báo cáo kết quả}"}}],
    "Target": [{"label": "Chỉ tiêu mới", "description": "Kết quả năm gốc và mức phấn đấu",
                "body": {"id": "${1:t-papi-2}", "criterion": "${2:papi.2}",
                         "baseline": {"year": "^${3:2025}", "value": "^${4:5.2}"}, "target": "^${5:5.5}"}}],
    "Section": [{"label": "Mục mới", "description": "Mục lớn I., II., ... với một khoản có tiêu đề",
                 "body": {"id": "${1:muc-moi}", "title": "${2:TIÊU ĐỀ MỤC}",
                          "content": [{"title": "${3:Tiêu đề khoản}", "content": ["${4:Đoạn văn}"]}]}}],
    "Recipient": [{"label": "Dòng Nơi nhận (cơ quan)", "body": {"agency": "${1:so-noi-vu}"}},
                  {"label": "Dòng Nơi nhận (chữ, một nhóm)", "body": {"text": "${1:Các sở, ban, ngành tỉnh}"}}],
}
EXAMPLES: dict[str, list[Any]] = {
    "Task": [{"id": "papi-1-01", "dimension": "papi.1", "sub_dimension": "papi.1.a",
              "content": "Tuyên truyền về bầu cử trưởng thôn, tổ trưởng dân phố", "lead": ["so-noi-vu"],
              "co": ["ubnd-cap-xa"], "timeframe": "Quý II năm 2026", "output": "Báo cáo kết quả"}],
    "Target": [{"id": "t-papi", "criterion": "papi", "baseline": {"year": 2025, "value": 44.2, "rank": 20, "of": 34},
                "target": 46.5}],
    "Section": [{"id": "muc-tieu", "title": "MỤC TIÊU", "content": ["Phấn đấu năm 2026:", {"targets": ["t-papi"]}]}],
    "Recipient": [{"agency": "bo-noi-vu", "note": "(b/c)"}, {"text": "Các sở, ban, ngành tỉnh"}],
}

# A number may be written as a YAML number or a quoted string of digits: never with a decimal comma,
# which the loader refuses ("5,5" is text); the editor must refuse it too, saying why in Vietnamese
# (yaml-language-server and VS Code show 'patternErrorMessage').
NUMBER_PATTERN = r"^-?[0-9]+(\.[0-9]+)?$"
NUMBER_MESSAGE = "số thập phân viết bằng dấu chấm: 5.5, không phải 5,5"
PATTERN_MESSAGES = {
    NOT_BLANK: "không được để trống",
    r"^[a-z0-9][a-z0-9._-]*$": "mã chỉ gồm chữ thường không dấu, chữ số, '.', '-', '_' (ví dụ: so-noi-vu)",
}


def _numbers(node: Any) -> None:
    """Decimals are exported as number-or-any-string: narrow the string to digits with a dot, as one
    'number or digits' type when the number has no bounds (so an editor reports the pattern, not a
    type mismatch), and give every pattern a Vietnamese message."""
    if isinstance(node, dict):
        options = node.get("anyOf")
        if isinstance(options, list) and {"type": "string"} in options and any(
                o.get("type") in ("number", "integer") for o in options):
            numeric = [o for o in options if o.get("type") in ("number", "integer")]
            text = {"type": "string", "pattern": NUMBER_PATTERN, "patternErrorMessage": NUMBER_MESSAGE}
            rest = [o for o in options if o not in numeric and o != {"type": "string"}]
            if all(set(o) == {"type"} for o in numeric):
                merged = {"type": ["number", "string"], "pattern": NUMBER_PATTERN, "patternErrorMessage": NUMBER_MESSAGE}
                node.pop("anyOf")
                if rest:
                    node["anyOf"] = [merged, *rest]
                else:
                    node.update(merged)
            else:
                node["anyOf"] = [*numeric, text, *rest]
        if node.get("pattern") in PATTERN_MESSAGES and "patternErrorMessage" not in node:
            node["patternErrorMessage"] = PATTERN_MESSAGES[node["pattern"]]
        for value in list(node.values()):
            _numbers(value)
    elif isinstance(node, list):
        for value in node:
            _numbers(value)


def _markdown(prop: dict[str, Any]) -> None:
    """yaml-language-server shows markdownDescription on hover: the description plus an example."""
    text = prop.get("description")
    if not text:
        return
    examples = prop.get("examples")
    if examples:
        sample = yaml.safe_dump(examples[0], allow_unicode=True, sort_keys=False, width=100).rstrip()
        text += f"\n\nVí dụ:\n```yaml\n{sample}\n```"
    prop["markdownDescription"] = text


def plan_schema() -> dict[str, Any]:
    schema = Plan.model_json_schema(mode="validation")
    _document(schema["properties"])
    for name, definition in schema.get("$defs", {}).items():
        _document(definition.get("properties", {}))
        if name in DEF_DOCS:
            title, description = DEF_DOCS[name]
            definition["title"] = title
            if not _is_vietnamese(definition.get("description")):
                definition["description"] = description
        elif _is_vietnamese(definition.get("description")):
            # an object added to the model without an entry here: its own first phrase, never its class name
            definition["title"] = definition["description"].split(":")[0].split(".")[0][:60]
        if name in EXAMPLES:
            definition["examples"] = EXAMPLES[name]
        if name in SNIPPETS:
            definition["defaultSnippets"] = SNIPPETS[name]
        _markdown(definition)
        for prop in definition.get("properties", {}).values():
            _markdown(prop)
    for prop in schema["properties"].values():
        _markdown(prop)
    _numbers(schema)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://kehoach.invalid/schema/v{SCHEMA_VERSION}/kehoach.schema.json",
        **schema,
        "title": "Kế hoạch (KH-UBND) — tệp kế hoạch của kehoach",
    }
