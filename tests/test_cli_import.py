"""The command line of `kehoach import`: what it prints, what it writes and refuses (split from tests/test_cli.py,
over the 600-line limit)."""
import contextlib
import io
import json
import os
import re
import signal
import subprocess
import sys
import zipfile
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from generator.cli import entry
from generator.cli.commands import cli
from tests.conftest import PLANS, ROOT, SAMPLE
from tests.test_validate import line_of

from tests.test_cli import run, run_process  # noqa: F401


def invoke(*args):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def test_import_writes_plan_and_summary(office_docx, tmp_path):
    source = office_docx("quang-nam-papi-2020", "van-thu")
    out = tmp_path / "plans" / "qn-2020.yaml"
    done = invoke("import", source, "-o", out)
    assert done.exit_code == 0, done.output
    text = out.read_text(encoding="utf-8")
    # the editor's schema is written beside the plan (no repository's ../schema/ there), as init does
    assert text.startswith("# yaml-language-server: $schema=kehoach.schema.json\n")
    assert json.loads((out.parent / "kehoach.schema.json").read_text(encoding="utf-8"))["title"].startswith("Kế hoạch")
    assert "\nid: qn-2020\n" in text
    assert "5 mục, 9 chỉ tiêu, 39 nhiệm vụ, 14 khoản trách nhiệm" in done.output
    assert "Đoán (" in done.output and "danh mục cơ quan 'quang-nam'" in done.output
    assert "Độ phủ chữ: 100,0% số chữ của tệp Word" in done.output
    assert run("validate", out).returncode == 0
    # never over an existing file without --force; nothing changes on refusal
    again = invoke("import", source, "-o", out)
    assert again.exit_code == 1 and "tệp đã có; dùng --force" in again.output
    assert out.read_text(encoding="utf-8") == text
    assert invoke("import", source, "-o", out, "--force").exit_code == 0


def test_import_todos_are_reported_and_refused_by_validate(office_docx, tmp_path):
    out = tmp_path / "hy.yaml"
    done = invoke("import", office_docx("hung-yen-papi-2021", "drafter"), "-o", out)
    assert done.exit_code == 0
    assert "Còn 1 chỗ TODO cần điền (mã các cơ quan của khoản này)" in done.output
    checked = run("validate", out)
    assert checked.returncode == 1 and "còn việc phải làm: TODO: mã các cơ quan của khoản này" in checked.stderr


def test_import_draft_keeps_blanks(office_docx, tmp_path):
    out = tmp_path / "draft.yaml"
    assert invoke("import", office_docx("quang-nam-par-sipas-2022", "van-thu", True), "-o", out).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "\ndocument:" not in text and "year: 2022" in text


def test_import_options_are_checked(office_docx, tmp_path):
    source = office_docx("quang-nam-papi-2020", "van-thu")
    bad = invoke("import", source, "-o", tmp_path / "a.yaml", "--indices", "papi=1999")
    assert bad.exit_code == 1 and "không có danh mục 'papi=1999'" in bad.output
    bad = invoke("import", source, "-o", tmp_path / "a.yaml", "--registry", "tinh-khong-co")
    assert bad.exit_code == 1 and "không có danh mục cơ quan 'tinh-khong-co'" in bad.output
    assert not (tmp_path / "a.yaml").exists()
    good = invoke("import", source, "-o", tmp_path / "a.yaml", "--indices", "papi=2018", "--registry", "quang-nam")
    assert good.exit_code == 0 and "Đoán" in good.output and "danh mục cơ quan" not in good.output


def _rezip(src: Path, dest: Path, replace=None, add=None, compression=zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w", compression) as zout:
        for item in zin.infolist():
            zout.writestr(item.filename, (replace or {}).get(item.filename, zin.read(item.filename)))
        for name, data in (add or {}).items():
            zout.writestr(name, data)
    return dest


HOSTILE = ["not-zip", "zip-bomb", "docm", "vba", "xxe", "billion-laughs", "oversize", "password"]


def _hostile(kind: str, good: Path, tmp: Path) -> Path:
    w = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    if kind == "not-zip":
        (tmp / "x.docx").write_text("đây không phải tệp Word", encoding="utf-8")
        return tmp / "x.docx"
    if kind == "zip-bomb":
        filler = b"<w:document " + w + b"><w:body>" + b" " * (30 * 1024 * 1024) + b"</w:body></w:document>"
        return _rezip(good, tmp / "bomb.docx", {"word/document.xml": filler})
    if kind == "docm":
        return _rezip(good, tmp / "macro.docm")
    if kind == "vba":
        return _rezip(good, tmp / "vba.docx", add={"word/vbaProject.bin": b"\0" * 64})
    if kind == "xxe":
        xxe = (b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document ' + w
               + b"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>")
        return _rezip(good, tmp / "xxe.docx", {"word/document.xml": xxe})
    if kind == "billion-laughs":
        lol = b'<!ENTITY lol "lol">' + b"".join(b'<!ENTITY lol%d "%s">' % (i, b"&lol;" * 10) for i in range(1, 10))
        data = b'<?xml version="1.0"?><!DOCTYPE d [' + lol + b"]><w:styles " + w + b">&lol9;</w:styles>"
        return _rezip(good, tmp / "lol.docx", {"word/styles.xml": data})
    if kind == "oversize":
        with open(tmp / "big.docx", "wb") as fh:  # sparse: 100 MB on paper
            fh.truncate(100 * 1024 * 1024)
        return tmp / "big.docx"
    if kind == "password":  # an encrypted .docx is an OLE compound file
        (tmp / "secret.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4096)
        return tmp / "secret.docx"
    raise AssertionError(kind)


@pytest.mark.parametrize("kind", HOSTILE)
def test_import_refuses_hostile_files_in_vietnamese_and_writes_nothing(kind, office_docx, tmp_path):
    source = _hostile(kind, office_docx("quang-nam-par-sipas-2022", "van-thu"), tmp_path)
    out = tmp_path / "out.yaml"
    done = invoke("import", source, "-o", out)
    assert done.exit_code == 1
    assert f"{source}: không nhập được; không ghi tệp nào." in done.output
    assert "lỗi:" in done.output and "Traceback" not in done.output
    assert not out.exists() and not list(tmp_path.glob(".out.yaml*"))


def test_import_old_doc_through_libreoffice(office_docx, tmp_path):
    from generator.word import convert_doc

    doc = convert_doc(office_docx("quang-nam-par-sipas-2022", "van-thu"), tmp_path, target="doc")
    out = tmp_path / "from-doc.yaml"
    done = run("import", doc, "-o", out)
    assert done.returncode == 0, done.stderr
    assert "tệp .doc đã được chuyển sang .docx bằng LibreOffice" in done.stdout
    assert "9 khoản trách nhiệm" in done.stdout and "Độ phủ chữ: 100,0%" in done.stdout
    assert run("validate", out).returncode == 0


def test_import_of_an_odt_names_the_odt_it_converted(office_docx, tmp_path):
    """An .odt (LibreOffice's own format) is read through LibreOffice too; the summary names it, not '.doc'."""
    from generator.word import convert_doc

    odt = convert_doc(office_docx("quang-nam-par-sipas-2022", "van-thu"), tmp_path, target="odt")
    done = run("import", odt, "-o", tmp_path / "from-odt.yaml")
    assert done.returncode == 0, done.stderr
    assert "tệp .odt đã được chuyển sang .docx bằng LibreOffice" in done.stdout and ".doc đã" not in done.stdout


def test_import_without_an_output_names_the_plan_as_its_help_says(built, tmp_path):
    """Without -o the plan is written beside the Word file under its name in lower case without accents (it is the
    plan's id); the help said 'cùng tên' (the same name), and the drafter looked for 'KH 2025 (bản cuối).yaml'."""
    good = next(f for f in built["sample"].files if f.suffix == ".docx")
    doc = tmp_path / "KH 2025 (bản cuối).docx"
    doc.write_bytes(good.read_bytes())
    done = run("import", doc.name, cwd=tmp_path)
    assert done.returncode == 0 and (tmp_path / "kh-2025-ban-cuoi.yaml").is_file(), done
    assert "KH 2025 (bản cuối).docx → kh-2025-ban-cuoi.yaml" in " ".join(run("import", "--help").stdout.split())
