"""JSON Schema of a plan file, for YAML editors (completion and Vietnamese descriptions)."""
from __future__ import annotations

from typing import Any

from .model import SCHEMA_VERSION, Plan


def plan_schema() -> dict[str, Any]:
    schema = Plan.model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://kehoach.invalid/schema/v{SCHEMA_VERSION}/kehoach.schema.json",
        **schema,
        "title": "Kế hoạch (KH-UBND) — tệp kế hoạch của kehoach",
    }
