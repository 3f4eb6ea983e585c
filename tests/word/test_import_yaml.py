"""The YAML an import writes: house style of plans/, and exactly the data (it is read back)."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from generator.plan.loader import load_yaml
from generator.plan.validate import load_plan
from generator.importer.yaml_out import SCHEMA_LINE, YamlWriteError, _Writer, dump_plan

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("name", ["plans/quang-nam-papi-2020.yaml", "plans/hung-yen-papi-2021.yaml",
                                  "plans/quang-nam-par-sipas-2022.yaml", "tests/data/sample.yaml"])
def test_every_plan_written_again_is_the_same_plan(name, tmp_path):
    data = load_yaml(ROOT / name).data
    text = dump_plan(data)
    out = tmp_path / "again.yaml"
    out.write_text(text, encoding="utf-8")
    assert load_yaml(out).data == data  # decimals, dates, quoting: all exact
    assert load_plan(out)[0] == load_plan(ROOT / name)[0]
    lines = text.splitlines()
    assert lines[0] == SCHEMA_LINE
    # folded prose is wrapped; only literal blocks (cell lines, printed as they are) may run longer
    literal = False
    for line in lines:
        stripped = line.strip()
        if len(line) > 100:
            assert literal, line
        if stripped.endswith("|-"):
            literal, depth = True, len(line) - len(line.lstrip()) + 2
        elif literal and stripped and len(line) - len(line.lstrip()) < depth:
            literal = False
    assert "{" not in "".join(line.split("#")[0] for line in lines if not line.startswith(" ") and ":" in line)


def test_quoting_only_where_yaml_would_misread():
    data = {"a": "Ký tự: đặc biệt", "b": "- gạch", "c": "2018", "d": "yes", "e": "Sở Nội vụ", "f": "x #y",
            "g": "'nháy'", "h": "TODO: điền", "i": Decimal("4.0"), "j": dt.date(2020, 7, 20), "k": 5,
            "l": "dòng 1\ndòng 2", "m": " cách đầu", "n": "tab\tở giữa", "o": True, "p": None}
    text = dump_plan(data)
    back = yaml.safe_load(text)
    assert back["c"] == "2018" and back["d"] == "yes" and back["i"] == 4.0 and back["j"] == dt.date(2020, 7, 20)
    assert "\ne: Sở Nội vụ\n" in text and '\nc: "2018"\n' in text and "\ni: 4.0\n" in text
    assert "\nl: |-\n  dòng 1\n  dòng 2\n" in text
    assert back == {**data, "i": 4.0}


def test_long_prose_is_folded_at_word_boundaries():
    sentence = " ".join(["Tăng cường công tác tuyên truyền, phổ biến"] * 8)
    text = dump_plan({"preamble": [sentence], "closing": sentence})
    assert "\n  - >-\n    Tăng cường" in text and "\nclosing: >-\n  Tăng cường" in text
    assert all(len(line) <= 100 for line in text.splitlines())
    assert yaml.safe_load(text)["preamble"] == [sentence]


def test_comments_sit_above_what_they_explain():
    data = {"agencies": [{"id": "so-x", "name": "Sở X"}], "targets": [{"id": "t", "target": 5}]}
    text = dump_plan(data, {("agencies", 0): ["ĐOÁN: nhóm"], ("targets", 0, "target"): ["số in trong văn bản"]},
                     header=["Nhập từ a.docx"])
    assert text.startswith(SCHEMA_LINE + "\n# Nhập từ a.docx\n")
    assert "\n  # ĐOÁN: nhóm\n  - id: so-x\n" in text
    assert "\n    # số in trong văn bản\n    target: 5\n" in text


def test_a_writer_bug_never_reaches_the_file(monkeypatch):
    monkeypatch.setattr(_Writer, "string", lambda self, prefix, text, indent: self.out.append(f"{prefix} x"))
    with pytest.raises(YamlWriteError):
        dump_plan({"title": "Kế hoạch"})


def test_a_whole_decimal_written_as_an_integer_reads_back_as_the_same_plan():
    """A score appendix of a whole index (`criteria: [papi]`) gave targets whose `max` was Decimal('80'): written
    "80", read back as the int 80, and import failed on its own output ("YAML đọc lại khác dữ liệu", exit 3;
    found by helper mut5)."""
    from decimal import Decimal

    import yaml

    from generator.importer.yaml_out import dump_plan

    data = {"targets": [{"id": "papi-1", "max": Decimal("80"), "baseline": {"year": 2019, "value": Decimal("4.50")}}]}
    back = yaml.safe_load(dump_plan(data))
    assert back["targets"][0]["max"] == 80
    assert back["targets"][0]["baseline"] == {"year": 2019, "value": 4.5}
