"""Issue 22, hostile campaign: a document is read as it prints. Zero-width and other invisible format characters
pasted from the web (U+200B, U+200C, U+200D, U+2060, U+FEFF, soft hyphen) inside "Số:", "KẾ HOẠCH" or the
Quốc hiệu made `check` call the file "not an ND30 document" and `import` refuse it; a decomposed (NFD) copy of a
conforming document got 10 errors and 3 warnings. Recognition now reads the composed text without the characters
that print nothing (generator/word/seen.py); the file's own text is never changed (--fix keeps every character)."""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from generator.core.text import invisible, seen
from generator.word import read_docx
from tests.word import hostile_office as fam
from tests.word.test_hostile_office import run

ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"  # the brief's six: they print nothing


def _salted(text: str) -> str:
    """A zero-width character after every third character (between letters and their words)."""
    return "".join(ch + (ZERO_WIDTH[i % len(ZERO_WIDTH)] if i % 3 == 1 else "") for i, ch in enumerate(text))


def _every_text(base: Path, path: Path, change) -> Path:
    """`base` with `change` applied to every text of every part (as fam.decomposed does)."""
    pkg = fam.Package(base)
    for name in list(pkg.parts):
        if name.startswith("word/") and name.endswith(".xml"):
            pkg.parts[name] = re.sub(r"(<w:t(?: [^>]*)?>)([^<]+)<", lambda m: m.group(1) + change(m.group(2)) + "<",
                                     pkg.text(name)).encode()
    return pkg.write(path)


def _findings(path: Path) -> tuple[int, list[tuple]]:
    """(exit code, every finding as (rule, severity, section, paragraph, message, excerpt, fixable)) of `check`."""
    code, out = run("check", "--all", "--format", "json", path)
    return code, sorted((f["rule"], f["severity"], f["section"], f["paragraph"], f["message"], f["excerpt"], f["fixable"])
                        for f in json.loads(out))


def _plan(path: Path) -> str:
    """The plan an import wrote, from its first line after `id:` (the header names the file)."""
    return path.read_text("utf-8").split("\nid:")[1].split("\n", 1)[1]


def _texts(path: Path) -> list[str]:
    return [p.text for p in read_docx(path).value.paragraphs()]


def test_zero_width_characters_in_the_frame_are_read_past(seed_built, tmp_path):
    """Before: “không kiểm tra thể thức: … không thuộc thể thức Nghị định 30”, and import refused the file."""
    plan, docx = seed_built
    pkg = fam.Package(docx)
    for text in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 4055/KH-UBND", "KẾ HOẠCH", "Nơi nhận:"):
        fam._in_text(pkg, text, _salted(text))
    path = pkg.write(tmp_path / "zero-width.docx")
    code, out = run("check", path)
    assert code == 0 and "đúng thể thức, không thấy lỗi" in out, out
    code, out = run("import", path, "-o", tmp_path / "zw.yaml")
    assert code == 0, out
    code, _ = run("import", docx, "-o", tmp_path / "clean.yaml")
    assert code == 0
    # the same plan as from the clean file: the invisible characters are not carried into it (they print nothing)
    assert _plan(tmp_path / "zw.yaml") == _plan(tmp_path / "clean.yaml")


def test_a_decomposed_conforming_document_has_no_findings(seed_built, tmp_path):
    """Before: 10 errors and 3 warnings (Số, KẾ HOẠCH, Quốc hiệu, Tiêu ngữ, its rule's length, Nơi nhận…)."""
    path = fam.decomposed(seed_built[1], tmp_path)
    assert any(unicodedata.normalize("NFC", t) != t for t in _texts(path))
    code, out = run("check", path)
    assert code == 0 and "đúng thể thức, không thấy lỗi" in out, out
    code, out = run("import", path, "-o", tmp_path / "nfd.yaml")
    assert code == 0, out
    run("import", seed_built[1], "-o", tmp_path / "nfc.yaml")
    assert _plan(tmp_path / "nfd.yaml") == _plan(tmp_path / "nfc.yaml")  # year 2020, not this year; agency read


@pytest.fixture(scope="module")
def faulty(seed_built, tmp_path_factory):
    """The base with findings --fix corrects (the month written "07", the date line upright), in NFC, NFD, salted
    with zero-width characters, and both."""
    folder = tmp_path_factory.mktemp("faulty")
    pkg = fam.Package(seed_built[1])
    pkg.replace("word/document.xml", '<w:r><w:t xml:space="preserve">Quảng Nam, ngày 20 tháng 7 năm 2020</w:t>',
                '<w:r><w:rPr><w:i w:val="0"/></w:rPr><w:t xml:space="preserve">Quảng Nam, ngày 20 tháng 07 năm 2020</w:t>')
    nfc = pkg.write(folder / "nfc.docx")
    return {"nfc": nfc,
            "nfd": _every_text(nfc, folder / "nfd.docx", lambda t: unicodedata.normalize("NFD", t)),
            "salted": _every_text(nfc, folder / "salted.docx", _salted),
            "both": _every_text(nfc, folder / "both.docx", lambda t: _salted(unicodedata.normalize("NFD", t)))}


def test_the_same_document_in_nfc_nfd_and_salted_gives_the_same_findings(faulty):
    code, nfc = _findings(faulty["nfc"])
    assert {f[0] for f in nfc} == {"date.form", "date.style"} and all(f[-1] for f in nfc), nfc
    for name in ("nfd", "salted", "both"):
        assert _findings(faulty[name]) == (code, nfc), name


@pytest.mark.parametrize("name", ["nfd", "salted", "both"])
def test_fix_keeps_every_character_of_a_decomposed_or_salted_document(faulty, tmp_path, name):
    """--fix corrects the date's month and look (offsets counted in the read text, mapped back onto the file's own)
    and keeps every other character: decomposed letters and zero-width characters included."""
    source = faulty[name]
    out = tmp_path / "fixed.docx"
    code, said = run("check", "--fix", source, "-o", out)
    assert out.exists(), said
    assert "tháng 0” → “" in said and not any(invisible(ch) for ch in said)  # said as it prints
    before, after = _texts(source), _texts(out)
    assert len(before) == len(after)
    changed = [(b, a) for b, a in zip(before, after) if b != a]
    assert len(changed) == 1, changed
    old, new = changed[0]
    assert "tháng 07 năm" in seen(old) and "tháng 7 năm" in seen(new)
    # only the month's "0" went: every other character kept, decomposed letters and invisible characters included
    assert any(old[:k] + old[k + 1:] == new for k, ch in enumerate(old) if ch == "0"), (old, new)
    assert _findings(out) == (0, [])  # both corrected: the month and the italics of the whole line
