"""Source tags in the generated .docx: every printed plan value carries a hidden bookmark naming its
source, the tags survive a LibreOffice save, and they change nothing a reader sees."""
from __future__ import annotations

import re
import shutil
import tempfile
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from generator.core import libreoffice
from generator.render.context import build_context
from generator.render.sources import PREFIX, SourceTags, bookmark_name, is_tag, source_key
from generator.plan.validate import load_plan
from tests.conftest import PLANS, SAMPLE
from tests.dump import check_golden

GOLDEN = Path(__file__).parent / "golden"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_of(built, stem):
    return next(f for f in built[stem].files if f.suffix == ".docx")


def paragraph_tags(path: Path) -> list[tuple[str, str]]:
    """(bookmark name, text of the paragraph where it starts) for every source tag, in order."""
    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("word/document.xml"), etree.XMLParser(resolve_entities=False))
    out = []
    for p in root.iter(f"{W}p"):
        text = "".join(t.text or "" for t in p.iter(f"{W}t"))
        for start in p.iter(f"{W}bookmarkStart"):
            name = start.get(f"{W}name")
            if is_tag(name) and (name, text) not in out:  # LibreOffice writes an empty one twice
                out.append((name, text))
    return out


def dump_tags(plan_path: Path) -> str:
    plan, _ = load_plan(plan_path)
    tags = SourceTags(build_context(plan))
    return "".join(f"{t.name} {t.role} {t.source.origin:<12} {t.key}\n" for t in tags.tags)


@pytest.mark.parametrize("path", [*PLANS, SAMPLE], ids=lambda p: p.stem)
def test_golden_tags(path):
    """The naming scheme is a file format: a change must be deliberate (old reviewed files map by it)."""
    check_golden(GOLDEN / f"{path.stem}.tags.txt", dump_tags(path))


def test_names_are_short_hidden_unique_and_fixed_length():
    plan, _ = load_plan(SAMPLE)
    tags = SourceTags(build_context(plan))
    names = [t.name for t in tags.tags]
    assert len(names) == len(set(names))
    assert all(re.fullmatch(r"_kh[prc][0-9a-f]{10}", n) for n in names)
    assert all(len(n) <= 40 and n.startswith("_") for n in names)  # Word: 40 at most; '_' = hidden
    assert bookmark_name("p", "preamble[0]") == PREFIX + "p" + "cc13fec732"


def test_keys_name_items_by_id():
    plan, _ = load_plan(SAMPLE)
    first_task = plan.tasks[0].id
    assert source_key(plan, ("tasks", 0, "lead")) == f"tasks[id={first_task}].lead"
    assert source_key(plan, ("preamble", 0)) == "preamble[0]"
    assert source_key(plan, ("sections", 0, "content", 1, "bullets", 0)).startswith(
        f"sections[id={plan.sections[0].id}].content[1].bullets[0]")


def test_every_printed_value_is_tagged(built):
    plan, _ = load_plan(SAMPLE)
    ctx = build_context(plan)
    tagged = dict(paragraph_tags(docx_of(built, "sample")))
    tags = SourceTags(ctx)
    for i, para in enumerate(ctx.body):
        assert tagged[tags.at("body", i)] == para.full
    for t, table in enumerate(ctx.tables):
        assert tagged[tags.at("title", t)] == table.title
        for r, row in enumerate(table.rows):
            first = row.cells[0]
            assert tagged[tags.at("row", t, r)] == (first.lines[0] if first.merge != "continue" else "")
            for c, cell in enumerate(row.cells):
                if cell.source is not None and cell.merge != "continue":
                    assert tagged[tags.at("cell", t, r, c)] == cell.lines[0]
    assert tagged[tags.at("fixed", "title")] == plan.title.replace("\n", "")
    assert tagged[tags.at("fixed", "signer")] == plan.signer.name


def test_tags_print_nothing(built):
    """Bookmarks only: no text, field, hidden run or content control is added."""
    with zipfile.ZipFile(docx_of(built, "sample")) as z:
        xml = z.read("word/document.xml").decode()
    assert "w:sdt" not in xml and "w:vanish" not in xml and "w:fldSimple" not in xml
    starts = re.findall(r'<w:bookmarkStart w:id="(\d+)"', xml)
    ends = re.findall(r'<w:bookmarkEnd w:id="(\d+)"', xml)
    assert sorted(starts, key=int) == [str(i) for i in range(len(starts))] and sorted(ends) == sorted(starts)


@pytest.fixture(scope="module")
def resaved_by_libreoffice(built, tmp_path_factory):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice (soffice) is needed for the round trip"
    out = tmp_path_factory.mktemp("lo-resave")
    source = docx_of(built, "sample")
    with tempfile.TemporaryDirectory(prefix="kehoach-test-lo-") as profile:
        # through kehoach's runner, so a test session's warm LibreOffice does it (tests/lo_warm.py)
        libreoffice.run_converter([libreoffice.program(soffice), f"-env:UserInstallation={Path(profile).as_uri()}",
                                   "--headless", "--norestore", "--convert-to", "docx:MS Word 2007 XML", "--outdir",
                                   str(out), str(source)], 180)
    result = out / source.name
    assert result.is_file()
    return result


def test_tags_survive_a_libreoffice_save(built, resaved_by_libreoffice):
    before = paragraph_tags(docx_of(built, "sample"))
    after = paragraph_tags(resaved_by_libreoffice)
    assert len(before) > 100
    assert sorted(after) == sorted(before)
