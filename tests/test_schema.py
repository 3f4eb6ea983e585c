"""The exported JSON Schema and the pydantic model cannot drift apart."""
import json

import jsonschema
import pytest
import yaml

from generator.schema import plan_schema
from tests.conftest import PLANS, SAMPLE

SCHEMA = plan_schema()


def as_json(data):
    """YAML dates and decimals as a YAML editor's JSON view sees them."""
    return json.loads(json.dumps(data, default=str))


@pytest.mark.parametrize("path", [*PLANS, SAMPLE], ids=lambda p: p.stem)
def test_every_plan_validates_against_the_exported_schema(path):
    data = as_json(yaml.safe_load(path.read_text(encoding="utf-8")))
    jsonschema.validate(data, SCHEMA, cls=jsonschema.Draft202012Validator)


def test_schema_rejects_unknown_keys():
    data = as_json(yaml.safe_load(SAMPLE.read_text(encoding="utf-8")))
    data["issuer"]["plac"] = "x"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, SCHEMA, cls=jsonschema.Draft202012Validator)


def test_keys_carry_vietnamese_titles_or_descriptions():
    props = SCHEMA["properties"]
    for key in ("year", "issuer", "title", "sections", "signer", "recipients", "archive", "appendices"):
        prop = props[key]
        text = prop.get("title", "") + prop.get("description", "")
        if "$ref" in prop:
            ref = SCHEMA["$defs"][prop["$ref"].split("/")[-1]]
            text += ref.get("title", "") + ref.get("description", "")
        assert any(ch in text for ch in "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"), key


def test_committed_schema_file_is_current():
    """plans/ point editors at schema/kehoach.schema.json; it must match the model."""
    from tests.conftest import ROOT

    committed = json.loads((ROOT / "schema" / "kehoach.schema.json").read_text(encoding="utf-8"))
    assert committed == SCHEMA, "run: .venv/bin/kehoach schema -o schema/kehoach.schema.json"


@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.stem)
def test_plans_point_editors_at_the_schema(path):
    assert path.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=../schema/kehoach.schema.json")


def _properties(schema):
    yield from schema["properties"].items()
    for definition in schema["$defs"].values():
        yield from definition.get("properties", {}).items()


def test_every_key_has_a_vietnamese_title_and_a_description():
    vi = set("ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹáàãóòõéèíìúùý")
    missing = [key for key, prop in _properties(SCHEMA)
               if not any(ch in vi for ch in prop.get("title", "").lower()) or not prop.get("description")]
    assert missing == []
