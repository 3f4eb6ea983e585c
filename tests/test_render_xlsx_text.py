"""The appendix workbook keeps what the drafter typed as text: a cell that looks like a formula ("=1+1",
"=HYPERLINK(…)") or an escape ("_x000D_") is shown as typed, never computed or decoded; an empty field is an
empty cell (issue 23, batch 7: "=1+1" became a live formula showing 2). Rendered in-process, no LibreOffice."""
from __future__ import annotations

import io
import re
import zipfile

import pytest
import yaml
from openpyxl import load_workbook

from generator.plan.validate import load_plan
from generator.render.context import build_context
from generator.render.templates import default_template
from generator.render.xlsx import render_xlsx
from tests.conftest import SAMPLE

TYPED = {
    "timeframe": "=1+1",
    "output": '=HYPERLINK("http://x.vn","bấm")',
    "indicator": "_x000D_ giữ nguyên",
}


@pytest.fixture(scope="module")
def workbook(tmp_path_factory):
    data = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    data["tasks"][0].update(TYPED)
    path = tmp_path_factory.mktemp("xlsx-text") / "plan.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    plan, _ = load_plan(path)
    return render_xlsx(build_context(plan), default_template("phuluc.xlsx"))


def _shown(stored: str) -> str:
    """The text Excel shows for a stored string: each _xHHHH_ decoded once, left to right ("_x005F_" is "_")."""
    return re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m[1], 16)), stored)


def _cells(blob):
    ws = load_workbook(io.BytesIO(blob)).worksheets[0]
    return {_shown(c.value) if isinstance(c.value, str) else c.value: c
            for row in ws.iter_rows() for c in row if c.value is not None}


@pytest.mark.parametrize("field", sorted(TYPED))
def test_text_that_looks_like_a_formula_or_an_escape_is_kept_as_typed(workbook, field):
    cell = _cells(workbook).get(TYPED[field])
    assert cell is not None, f"{TYPED[field]!r} not shown as typed"
    assert cell.data_type == "s"


def test_no_formula_reaches_the_sheet_xml(workbook):
    """What Excel reads: no <f> element anywhere (openpyxl would write one for a str starting with "=")."""
    with zipfile.ZipFile(io.BytesIO(workbook)) as z:
        sheets = [z.read(n).decode() for n in z.namelist() if re.match(r"xl/worksheets/sheet\d+\.xml$", n)]
    assert sheets and not any("<f>" in s or "<f " in s for s in sheets)


def test_an_empty_field_is_an_empty_cell_and_a_text_field_is_its_text(workbook):
    ws = load_workbook(io.BytesIO(workbook)).worksheets[0]
    row = next(r for r in ws.iter_rows() if r[1].value == "Tuyên truyền về bầu cử trưởng thôn.")
    # STT, content, indicator (none), lead, co (none), timeframe, output (none)
    assert [c.value for c in row[:7]] == ["1", "Tuyên truyền về bầu cử trưởng thôn.", None, "UBND cấp huyện", None,
                                          "Quý II năm 2021", None]
