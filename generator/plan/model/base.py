"""The types every part of the plan model uses: ids, texts, numbers, and the strict base model."""
from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Union

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

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
