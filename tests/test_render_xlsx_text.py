"""The appendix workbook keeps what the drafter typed as text: a cell that looks like a formula ("=1+1",
"=HYPERLINK(…)") or an escape ("_x000D_") is shown as typed, never computed or decoded; an empty field is an
empty cell (issue 23, batch 7: "=1+1" became a live formula showing 2). Rendered in-process, no LibreOffice."""
from __future__ import annotations

import io
import re
import zipfile
from decimal import Decimal

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


def test_each_appendix_is_a_sheet_named_by_its_label(workbook):
    wb = load_workbook(io.BytesIO(workbook))
    assert wb.sheetnames == ["PL I", "PL II"]
    ws = wb.worksheets[0]
    # label, title, "(Kèm theo …)" each across the table's width, then the header on row 5
    assert [ws.cell(r, 1).value for r in (1, 2)] == ["Phụ lục I", "CÁC NỘI DUNG CÔNG VIỆC CỤ THỂ"]
    assert ws.cell(3, 1).value.startswith("(Kèm theo Kế hoạch số 05/KH-UBND ngày 05 tháng 3 năm 2021")
    assert {"A1:G1", "A2:G2", "A3:G3"} <= {str(r) for r in ws.merged_cells.ranges}
    assert ws.cell(5, 1).value == "STT" and ws.print_title_rows == "$5:$5"


@pytest.mark.parametrize("label,taken,title", [
    ("Phụ lục", [], "PL"),
    ("Phụ lục III", [], "PL III"),
    ("Phụ lục I", ["PL I"], "PL I (2)"),
    ("Phụ lục I", ["PL I", "PL I (2)"], "PL I (3)"),
    ("Phụ lục: A/B*C?[D]", [], "PL ABCD"),  # characters Excel refuses in a sheet name are left out
    ("Phụ lục " + "X" * 40, [], ("PL " + "X" * 40)[:31]),  # at most 31 characters
    ("", [], "PL"),
])
def test_a_sheet_name_is_one_excel_accepts_and_never_repeats(label, taken, title):
    from types import SimpleNamespace

    from openpyxl import Workbook

    from generator.render.xlsx import _sheet_title

    wb = Workbook()
    wb.active.title = "mẫu"
    for name in taken:
        wb.create_sheet(name)
    assert _sheet_title(SimpleNamespace(label=label), wb) == title


@pytest.mark.parametrize("value,fmt", [
    (Decimal("4.0"), "[$-42A]#,##0.0"),  # the precision the drafter wrote: "4,0"
    (Decimal("3.87"), "[$-42A]#,##0.00"),
    (Decimal("20"), "[$-42A]#,##0"),
    (Decimal("1E+1"), "[$-42A]#,##0"),
    (63, "[$-42A]#,##0"),
])
def test_a_number_keeps_the_decimals_written_and_a_decimal_comma(value, fmt):
    from generator.render.xlsx import number_format

    assert number_format(value) == fmt
