"""JSON Schema of a plan file, for YAML editors (completion and Vietnamese descriptions)."""
from __future__ import annotations

from typing import Any

from .model import SCHEMA_VERSION, Plan

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


def plan_schema() -> dict[str, Any]:
    schema = Plan.model_json_schema(mode="validation")
    _document(schema["properties"])
    for definition in schema.get("$defs", {}).values():
        _document(definition.get("properties", {}))
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://kehoach.invalid/schema/v{SCHEMA_VERSION}/kehoach.schema.json",
        **schema,
        "title": "Kế hoạch (KH-UBND) — tệp kế hoạch của kehoach",
    }
