"""Seeded fuzz: plans whose texts are full of what breaks document tools (Jinja and docxtpl syntax,
XML specials, spreadsheet formulas and escapes, combining marks, invisible and wide characters) must
build, and every text must come out exactly as written in the .docx, the .xlsx and the recipient list."""
import json
import os
import random
import re
import zipfile

import pytest
from docx import Document
from openpyxl import load_workbook

from generator.render.build import build_plan
from tests.conftest import SAMPLE

SEED = 20261129
# 40 plans (400 texts) keep the suite fast; KEHOACH_FUZZ_PLANS=1000 for a deeper run
PLANS = int(os.environ.get("KEHOACH_FUZZ_PLANS", "40"))

PIECES = [
    "{_{", "}_}", "{_%", "%_}", "{{", "}}", "{%", "%}", "{#", "#}", "{{ x }}", "{% if %}", "{{r x }}",
    "&", "<", ">", "&amp;", "<w:t>", "]]>", '"', "'", "\\", "\t",
    "=1+1", "=HYPERLINK(\"http://x\",\"y\")", "+1", "-2", "@SUM(A1)", "_x000D_", "_x0041_", "_x005F_",
    "Sở TT&TT", "Phòng Tư pháp", "ưu tiên", "Quảng Nam", "Hà Nội", "ĐIỀU", "a\u0301", "e\u0323\u0302",
    "\u00a0", "\u3000", "\u200b", "\u200d", "\u2063", "\u202e", "\ufeff", "😀", "𝒜", "ﬁ", "½", "№", "…",
    "%", "$", "#", ":", "- ", "* ", "1.", "a)", "./.", "(b/c)", ";", ",", "  ",
]


def random_text(rng: random.Random) -> str:
    while True:
        parts = [rng.choice(PIECES) for _ in range(rng.randint(1, 6))]
        words = ["chữ" + str(rng.randint(0, 99))] + parts + ["kết"]
        text = "".join(w if rng.random() < 0.5 else w + " " for w in words).strip()
        if text.strip() and not text.lstrip().startswith("TODO") and "Lưu" not in text:
            return text


def yaml_string(text: str) -> str:
    # JSON strings are YAML double-quoted scalars; line separators must stay escaped
    out = json.dumps(text, ensure_ascii=False)
    for ch in ("\u2028", "\u2029", "\x85", "\ufeff"):
        out = out.replace(ch, f"\\u{ord(ch):04x}")
    return out


FIELDS = {  # the line of the sample plan, and where the value must be found
    "title": ("title: Cải thiện Chỉ số PAPI tỉnh Quảng Nam năm 2021", ("docx",)),
    "full_name": ("  full_name: Ủy ban nhân dân tỉnh Quảng Nam", ("docx", "xlsx")),
    "signer": ("  name: Hồ Quang Bửu", ("docx",)),
    "recipient": ("  - text: Thường trực Tỉnh ủy", ("docx", "txt")),
    "archive": ("    - NCKS", ("docx", "txt")),
    "content": ("    content: Tuyên truyền về bầu cử trưởng thôn.", ("docx", "xlsx")),
    "indicator": ("    indicator: 100% UBND cấp xã công khai.", ("docx", "xlsx")),
    "timeframe": ("    timeframe: Quý II năm 2021", ("docx", "xlsx")),
    "bullet": ("          - Tuyên truyền trên Cổng thông tin điện tử.", ("docx",)),
    "closing": ("closing: Trên đây là Kế hoạch cải thiện Chỉ số PAPI năm 2021", ("docx",)),
}


def make_plan(rng: random.Random, sample: str) -> tuple[str, dict[str, str]]:
    values = {}
    for name, (line, _) in FIELDS.items():
        key = line[: line.index(": ") + 1] if ": " in line else line[: line.index("- ") + 1]
        value = random_text(rng)
        if name == "signer":
            value = "Nguyễn " + value.lower()  # a name in capitals is refused by a check
        values[name] = value
        assert line in sample, line
        sample = sample.replace(line, f"{key} {yaml_string(value)}", 1)
    return sample, values


def docx_texts(path) -> str:
    doc = Document(str(path))
    paragraphs = list(doc.paragraphs)
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                paragraphs.extend(cell.paragraphs)
    return "\n".join(p.text for p in paragraphs)


def ooxml_unescape(text: str) -> str:
    """What a spreadsheet application shows for stored text (ST_Xstring escapes)."""
    return re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), text)


def xlsx_texts(path) -> tuple[str, list]:
    wb = load_workbook(path)
    cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value is not None]
    return "\n".join(ooxml_unescape(str(c.value)) for c in cells), cells


def test_every_fuzzed_text_comes_out_as_written(tmp_path):
    rng = random.Random(SEED)
    sample = SAMPLE.read_text(encoding="utf-8")
    failures = []
    for n in range(PLANS):
        text, values = make_plan(rng, sample)
        path = tmp_path / f"fuzz-{n}.yaml"
        path.write_text(text, encoding="utf-8")
        result = build_plan(path, tmp_path / "out")
        outputs = {"docx": docx_texts(result.out_dir / f"fuzz-{n}.docx"),
                   "txt": (result.out_dir / f"fuzz-{n}-noi-nhan.txt").read_text(encoding="utf-8")}
        outputs["xlsx"], cells = xlsx_texts(result.out_dir / f"fuzz-{n}-phu-luc.xlsx")
        for name, (_, where) in FIELDS.items():
            for output in where:
                if values[name] not in outputs[output]:
                    failures.append((n, name, output, values[name]))
        assert all(c.data_type in ("s", "n") for c in cells)  # never a formula
        with zipfile.ZipFile(result.out_dir / f"fuzz-{n}-phu-luc.xlsx") as z:
            for name in z.namelist():
                if name.startswith("xl/worksheets/"):
                    assert b"<f>" not in z.read(name)
        for f in result.out_dir.iterdir():
            f.unlink()
    assert failures == [], failures[:5]


@pytest.mark.parametrize("text", ["=1+1", "=HYPERLINK(\"http://x\",\"y\")", "_x000D_", "a_x0041_b", "@A1"])
def test_spreadsheet_syntax_in_a_cell_stays_text(tmp_path, plan_copy, text):
    path = plan_copy(lambda t: t.replace("    content: Tuyên truyền về bầu cử trưởng thôn.",
                                         f"    content: {yaml_string(text)}"))
    result = build_plan(path, tmp_path / "out")
    shown, cells = xlsx_texts(result.out_dir / "plan-phu-luc.xlsx")
    cell = next(c for c in cells if ooxml_unescape(str(c.value)) == text)
    assert cell.data_type == "s"
