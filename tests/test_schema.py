"""The exported JSON Schema and the pydantic model cannot drift apart."""
import json

import jsonschema
import pytest
import yaml

from generator.plan.schema import plan_schema
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


def _titles(node):
    if isinstance(node, dict):
        if isinstance(node.get("title"), str):
            yield node["title"]
        for value in node.values():
            yield from _titles(value)
    elif isinstance(node, list):
        for value in node:
            yield from _titles(value)


def test_objects_have_vietnamese_titles_not_class_names():
    vi = set("ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹáàãóòõéèíìúùý")
    class_names = set(SCHEMA["$defs"]) | {"Plan"}
    titles = list(_titles(SCHEMA))
    assert not [t for t in titles if t in class_names]
    for name, definition in SCHEMA["$defs"].items():
        assert any(ch in vi for ch in definition["title"].lower()), name
        assert any(ch in vi for ch in definition.get("description", "").lower()), name


def _sample_with(edit):
    data = as_json(yaml.safe_load(SAMPLE.read_text(encoding="utf-8")))
    edit(data)
    return data


def _schema_accepts(data) -> bool:
    return jsonschema.Draft202012Validator(SCHEMA).is_valid(data)


def _cli_accepts(tmp_path, data) -> bool:
    from generator.core.errors import PlanError
    from generator.plan.validate import load_plan

    path = tmp_path / "plan.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    try:
        load_plan(path)
    except PlanError as exc:
        return not [p for p in exc.problems if p.level == "error"]
    return True


@pytest.mark.parametrize("edit,accepted", [
    (lambda d: d["targets"][0].update(target="5,5"), False),  # decimal comma
    (lambda d: d["targets"][0].update(target="46.5"), True),  # a quoted number is still a number
    (lambda d: d["tasks"][0].update(content="   "), False),  # blank
    (lambda d: d["tasks"][0].update(content=""), False),
    (lambda d: d["tasks"][0]["lead"].append(" "), False),
    (lambda d: d.update(title="  Kế hoạch  "), True),
], ids=["dau-phay", "so-trong-nhay", "chi-dau-cach", "rong", "co-quan-trong", "chu-co-cach"])
def test_schema_refuses_what_the_cli_refuses(tmp_path, edit, accepted):
    data = _sample_with(edit)
    assert _schema_accepts(data) is accepted
    assert _cli_accepts(tmp_path, data) is accepted


@pytest.mark.parametrize("name", ["Task", "Target", "Section", "Recipient"])
def test_examples_and_snippets_for_the_common_objects(name):
    definition = SCHEMA["$defs"][name]
    validator = jsonschema.Draft202012Validator({**definition, "$defs": SCHEMA["$defs"]})
    for example in definition["examples"]:
        validator.validate(example)
    assert definition["defaultSnippets"][0]["label"]
    assert "Ví dụ:\n```yaml\n" in definition["markdownDescription"]
