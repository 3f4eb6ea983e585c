"""Bounded work for any .docx (issue 22, item 1): the hostile files of tests/word/bounds_gen.py are answered
by `check`, `check --fix` and `import` within a CPU-time and memory limit (set on a subprocess, so a
regression fails instead of hanging the suite or the machine), or refused with a Vietnamese message naming
the limit; the package budget counts every part together; running out of memory is said as that."""
from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from generator.core.errors import WordFileError
from generator.word import read_docx
from tests.word import bounds_gen as gen
from tests.word.docx_factory import make_docx, p, r, sect

ROOT = Path(__file__).resolve().parents[2]
MB = 1024 * 1024


def _limited(args: list[str], *, cpu: int, memory_mb: int, wall: int = 600) -> subprocess.CompletedProcess:
    """`python -m generator ARGS` with at most `cpu` seconds of CPU time and `memory_mb` of address space
    (CPU time, not wall time: the machine running the suite may be busy)."""

    def limits() -> None:
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
        resource.setrlimit(resource.RLIMIT_AS, (memory_mb * MB, memory_mb * MB))

    # no LibreOffice: `--fix` lays pages out with it to guard reflowing corrections, and its time (minutes on
    # the numbering chain) is LibreOffice's, outside these limits; what is measured here is kehoach's own work
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PATH": ""}
    env.pop("KEHOACH_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True, text=True, env=env,
                          cwd=ROOT, preexec_fn=limits, timeout=wall)


COMMANDS = {
    "check": lambda f, out: ["check", str(f)],
    "fix": lambda f, out: ["check", "--fix", str(f), "-o", str(out / "fixed.docx")],
    "import": lambda f, out: ["import", str(f), "-o", str(out / "plan.yaml")],
}


def _answered(done: subprocess.CompletedProcess) -> str:
    """The run ended by itself (not killed by a limit) with a message of kehoach's, never a traceback."""
    said = done.stdout + done.stderr
    assert done.returncode in (0, 1), (done.returncode, said[-2000:])
    assert "Traceback" not in said and "lỗi không mong đợi" not in said, said[-2000:]
    return said


@pytest.mark.parametrize("command", COMMANDS)
def test_header_flood_is_refused_by_the_whole_package_budget(tmp_path, command):
    """250 header parts, each just under the per-part ratio floor (1.7 MB zipped, 250 MB of XML): `check`
    reached 14.3 GB and MemoryError, `import` said "không ghi được tệp (Cannot allocate memory)"."""
    hostile = gen.header_flood(tmp_path / "headers.docx")
    out = tmp_path / "out"
    out.mkdir()
    said = _answered(_limited(COMMANDS[command](hostile, out), cpu=30, memory_mb=700))
    assert "quá nhiều đoạn văn" in said and "10.000" in said and "mọi phần" in said, said
    assert list(out.iterdir()) == []  # refused: nothing written


@pytest.mark.parametrize("command", COMMANDS)
def test_numbering_chain_is_resolved_in_linear_time(tmp_path, command):
    """8,000 abstract numberings chained by numStyleLink → styleLink: 57 s (quadratic) before."""
    hostile = gen.numbering_chain(tmp_path / "chain.docx", 8000, paragraphs=400)
    out = tmp_path / "out"
    out.mkdir()
    _answered(_limited(COMMANDS[command](hostile, out), cpu=25, memory_mb=700))


@pytest.mark.parametrize("command", COMMANDS)
def test_long_typed_underscore_line_is_answered(tmp_path, command):
    """6,000 underscores then "x" under the motto: the typed-rule pattern backtracked in cubic time."""
    hostile = gen.underscore_header(tmp_path / "rule.docx", 6000)
    out = tmp_path / "out"
    out.mkdir()
    _answered(_limited(COMMANDS[command](hostile, out), cpu=25, memory_mb=700))


@pytest.mark.parametrize("command", COMMANDS)
def test_long_gap_after_appendix_label_is_answered(tmp_path, command):
    """"Phụ lục I", 3,000 spaces, "x", a line break: the appendix-label pattern backtracked in cubic time."""
    hostile = gen.appendix_gap(tmp_path / "gap.docx", 3000)
    out = tmp_path / "out"
    out.mkdir()
    _answered(_limited(COMMANDS[command](hostile, out), cpu=25, memory_mb=700))


def test_appendix_label_pattern_reads_as_before():
    from generator.nd30.grammar import APPENDIX_LINE

    m = APPENDIX_LINE.match("PHỤ LỤC II: DANH MỤC NHIỆM VỤ")
    assert (m.group("n"), m.group("rest")) == ("II", "DANH MỤC NHIỆM VỤ")
    m = APPENDIX_LINE.match("Phụ lục  .  Kèm theo")
    assert (m.group("n"), m.group("rest")) == (None, "Kèm theo")
    assert APPENDIX_LINE.match("Phụ lục I" + " " * 3000 + "x\n!") is None


def test_typed_rule_still_recognised():
    from generator.nd30.grammar import is_typed_rule

    assert is_typed_rule("______") and is_typed_rule("  ___ __ \n") and is_typed_rule("—————")
    assert not is_typed_rule("__") and not is_typed_rule("___x") and not is_typed_rule("_" * 6000 + "x")


def test_just_under_the_budget_is_answered_by_check(tmp_path):
    """The biggest file the budget lets through (9,500 paragraphs of five runs) is checked within 40 s of
    CPU and 700 MB of address space."""
    big = gen.at_budget(tmp_path / "big.docx", paragraphs=9_500)
    said = _answered(_limited(["check", str(big)], cpu=40, memory_mb=700))
    assert "Nghị định 30" in said


# ---------------------------------------------------------------- the budget, part by part and in sum


def _headers(tmp_path: Path, parts: int, paragraphs: int) -> Path:
    body = "".join(p(f"Mục {i}", ppr=sect(header_refs={"default": f"rIdH{i}"})) for i in range(parts - 1))
    body += p("Hết") + sect(header_refs={"default": f"rIdH{parts - 1}"})
    return make_docx(tmp_path / "h.docx", body, headers={f"rIdH{i}": p("x") * paragraphs for i in range(parts)})


def test_paragraph_budget_counts_every_part_together(tmp_path):
    doc = _headers(tmp_path, parts=5, paragraphs=40)  # 200 header paragraphs, none over 100 alone
    with pytest.raises(WordFileError, match=r"quá nhiều đoạn văn: hơn 100, giới hạn tính cho mọi phần"):
        read_docx(doc, max_paragraphs=100)
    assert len(read_docx(doc, max_paragraphs=300).value.sections) == 5


def test_run_node_and_xml_budgets_count_every_part_together(tmp_path):
    doc = _headers(tmp_path, parts=5, paragraphs=40)
    with pytest.raises(WordFileError, match=r"quá nhiều đoạn chữ \(run\): hơn 150"):
        read_docx(doc, max_runs=150)
    with pytest.raises(WordFileError, match=r"quá nhiều phần tử XML: hơn 500"):
        read_docx(doc, max_nodes=500)
    size = sum(len(p("x")) * 40 for _ in range(5))
    with pytest.raises(WordFileError, match=r"quá nhiều nội dung XML: hơn 0 MB"):
        read_docx(doc, max_xml_bytes=size // 2)
    read_docx(doc, max_runs=400, max_nodes=50_000, max_xml_bytes=MB)


def test_budget_is_checked_before_the_walk(tmp_path, monkeypatch):
    """Headers are parsed (and counted) before the body is walked: nothing is read of an oversized file."""
    from generator.word import document

    walked = []
    monkeypatch.setattr(document.Walker, "body", lambda self, body: walked.append(body) or [])
    with pytest.raises(WordFileError, match="quá nhiều đoạn văn"):
        read_docx(_headers(tmp_path, parts=5, paragraphs=40), max_paragraphs=100)
    assert walked == []


def test_memory_error_is_reported_as_memory(tmp_path, monkeypatch):
    """Running out of memory says so (it once surfaced as "không ghi được tệp (Cannot allocate memory)")."""
    from generator.word import reader

    def exhausted(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(reader, "read_styles", exhausted)
    doc = make_docx(tmp_path / "m.docx", p(r("Nội dung")) + sect())
    with pytest.raises(WordFileError, match="không đủ bộ nhớ để đọc tệp") as caught:
        read_docx(doc)
    assert "10.000 đoạn văn" in str(caught.value)


# ---------------------------------------------------------------- the import's page count: same package, same budget


def _with_app(tmp_path: Path, app: bytes) -> Path:
    return make_docx(tmp_path / "app.docx", p(r("Nội dung")) + sect(), extra_parts={"docProps/app.xml": app})


_APP = b"<Properties><Pages>31</Pages><Words>9000</Words>%s</Properties>"


def test_page_count_part_is_refused_as_every_part(tmp_path):
    """docProps/app.xml (the page count `import` reports) was read with zipfile, outside the package's checks:
    a compression bomb there was inflated whole. It is now read through the package and refused, naming why."""
    from generator.importer.pages import printed_pages
    from generator.importer.pipeline import import_file

    assert printed_pages(_with_app(tmp_path, _APP % b"")) == 31
    bomb = _with_app(tmp_path, _APP % (b" " * (3 * MB)))
    with pytest.raises(WordFileError, match="tỉ lệ nén bất thường"):
        printed_pages(bomb)
    with pytest.raises(WordFileError, match="tỉ lệ nén bất thường"):
        import_file(bomb, tmp_path / "plan.yaml")
    assert not (tmp_path / "plan.yaml").exists()


def test_page_count_part_counts_in_the_whole_package_budget(tmp_path):
    from generator.importer.pages import printed_pages
    from generator.word.package import open_package
    from generator.word.reader import read_package

    doc = _with_app(tmp_path, _APP % b"".join(b"<x>%d</x>" % i for i in range(20_000)))
    with open_package(doc, max_xml_bytes=200_000) as pkg:  # the document fits, with the page count it does not
        read_package(pkg)
        with pytest.raises(WordFileError, match=r"quá nhiều nội dung XML: hơn 0 MB.*docProps/app.xml"):
            printed_pages(pkg)
    with open_package(doc) as pkg:
        read_package(pkg)
        assert printed_pages(pkg) == 31
