"""Hostile and broken files are refused with one clear Vietnamese WordFileError, before anything is done."""
from __future__ import annotations

import os
import zipfile

import pytest

from generator.core.errors import KehoachError, WordFileError
from generator.word import open_package, read_docx
from generator.word.package import OLE_MAGIC

from tests.word.docx_factory import make_docx, p


@pytest.fixture
def good(tmp_path):
    return make_docx(tmp_path / "good.docx", p("Xin chào"))


def _refused(path, *, contains: str, **limits) -> WordFileError:
    with pytest.raises(WordFileError) as info:
        read_docx(path, **limits)
    message = str(info.value)
    assert contains in message, message
    assert str(path) in message  # names the file
    assert isinstance(info.value, KehoachError)
    return info.value


def _rezip(src, dst, *, drop=(), replace=None, add=None, compression=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", compression) as zout:
        for info in zin.infolist():
            if info.filename in drop:
                continue
            data = (replace or {}).get(info.filename, zin.read(info))
            zout.writestr(info.filename, data)
        for name, data in (add or {}).items():
            zout.writestr(name, data)
    return dst


def test_good_file_reads(good):
    assert next(read_docx(good).value.paragraphs()).text == "Xin chào"


def test_not_a_zip(tmp_path):
    bad = tmp_path / "note.docx"
    bad.write_text("đây là văn bản thường", encoding="utf-8")
    _refused(bad, contains="không phải tệp .docx")


@pytest.mark.parametrize("name,data,told", [
    # what a drafter gives by mistake is named, with the file to give instead
    ("ke-hoach.pdf", b"%PDF-1.7\n%\xe2\xe3\n1 0 obj", "đây là tệp PDF, không phải văn bản Word: hãy dùng tệp .docx (hoặc .doc)"),
    ("lao-cai-2026.yaml", "id: lao-cai-2026\nyear: 2026\n".encode(), "đây là tệp kế hoạch (YAML), không phải văn bản Word"),
])
def test_a_pdf_or_a_plan_given_for_a_word_file_is_named(tmp_path, name, data, told):
    path = tmp_path / name
    path.write_bytes(data)
    _refused(path, contains=told)


def test_empty_file(tmp_path):
    bad = tmp_path / "empty.docx"
    bad.write_bytes(b"")
    _refused(bad, contains="tệp rỗng")


def test_truncated_zip(good, tmp_path):
    bad = tmp_path / "cut.docx"
    bad.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    _refused(bad, contains="bị hỏng")


def test_corrupted_part_stream(good, tmp_path):
    data = bytearray(good.read_bytes())
    with zipfile.ZipFile(good) as zf:
        info = zf.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for i in range(start + 5, start + min(info.compress_size, 60)):
        data[i] ^= 0x5A
    bad = tmp_path / "garbled.docx"
    bad.write_bytes(bytes(data))
    _refused(bad, contains="document.xml")


def test_password_protected_ole_container(tmp_path):
    bad = tmp_path / "secret.docx"
    bad.write_bytes(OLE_MAGIC + b"\0" * 4096)
    _refused(bad, contains="mật khẩu")
    old = tmp_path / "cu.doc"
    old.write_bytes(OLE_MAGIC + b"\0" * 4096)
    _refused(old, contains="tệp Word cũ (.doc)")


def test_docm_suffix_and_vba_part_and_macro_content_type(good, tmp_path):
    docm = tmp_path / "macro.docm"
    docm.write_bytes(good.read_bytes())
    _refused(docm, contains="macro")
    vba = _rezip(good, tmp_path / "vba.docx", add={"word/vbaProject.bin": b"\0" * 100})
    _refused(vba, contains="vbaProject.bin")
    ct = tmp_path / "ct.docx"
    make_docx(ct, p("x"), main_ct="application/vnd.ms-word.document.macroEnabled.main+xml")
    _refused(ct, contains="macro")


@pytest.mark.parametrize("main_ct", ["application/xml", "text/plain", None])
def test_a_main_part_not_declared_a_word_document_is_refused(tmp_path, main_ct):
    """document.xml declared as plain XML (or text, or by the package's default for .xml alone): LibreOffice
    7.4 refuses such a file ('source file could not be loaded'), so `check` must not call it correct nor
    `import` read it as if it were fine (fourth campaign of issue 22)."""
    path = tmp_path / "ct.docx"
    make_docx(path, p("Xin chào"), main_ct=main_ct or "x")
    if main_ct is None:  # no Override: only <Default Extension="xml" ContentType="application/xml"/> applies
        _rezip(path, tmp_path / "ct2.docx", replace={"[Content_Types].xml": zipfile.ZipFile(path).read(
            "[Content_Types].xml").replace(b'<Override PartName="/word/document.xml" ContentType="x"/>', b"")})
        path = tmp_path / "ct2.docx"
    error = str(_refused(path, contains="kiểu nội dung"))
    assert "word/document.xml" in error and (main_ct or "application/xml") in error


_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml"


@pytest.mark.parametrize("main_ct", [f"{_WML}.document.main+xml", f"{_WML}.template.main+xml",
                                     f"{_WML}.document.main+xml".upper()])
def test_a_document_or_template_main_part_is_read(tmp_path, main_ct):
    path = make_docx(tmp_path / "ok.docx", p("Xin chào"), main_ct=main_ct)
    assert "Xin chào" in [b.text for b in read_docx(path).value.blocks]


def test_missing_document_xml(good, tmp_path):
    bad = _rezip(good, tmp_path / "nodoc.docx", drop={"word/document.xml"})
    _refused(bad, contains="word/document.xml")
    other = _rezip(good, tmp_path / "noct.docx", drop={"[Content_Types].xml"})
    _refused(other, contains="[Content_Types].xml")


def test_document_without_body(good, tmp_path):
    xml = b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'
    bad = _rezip(good, tmp_path / "nobody.docx", replace={"word/document.xml": xml})
    _refused(bad, contains="w:body")


def test_xxe_and_billion_laughs_refused(good, tmp_path):
    xxe = (b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
           b"<w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>")
    _refused(_rezip(good, tmp_path / "xxe.docx", replace={"word/document.xml": xxe}), contains="DOCTYPE")
    lol = b'<!ENTITY lol "lol">' + b"".join(b'<!ENTITY lol%d "%s">' % (i, b"&lol;" * 10) for i in range(1, 10))
    laughs = (b'<?xml version="1.0"?><!DOCTYPE d [' + lol + b"]><w:styles xmlns:w=\"http://schemas.openxml"
              b'formats.org/wordprocessingml/2006/main">&lol9;</w:styles>')
    _refused(_rezip(good, tmp_path / "lol.docx", replace={"word/styles.xml": laughs}), contains="DOCTYPE")


def test_utf16_doctype_is_refused_too(good, tmp_path):
    xml = ('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE d [<!ENTITY x "y">]>'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>')
    data = b"\xff\xfe" + xml.encode("utf-16-le")
    _refused(_rezip(good, tmp_path / "u16.docx", replace={"word/document.xml": data}), contains="DOCTYPE")


def test_zip_bomb_ratio_refused_while_streaming(good, tmp_path):
    filler = b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' \
        + b" " * (30 * 1024 * 1024) + b"</w:body></w:document>"
    bomb = _rezip(good, tmp_path / "bomb.docx", replace={"word/document.xml": filler})
    assert bomb.stat().st_size < 1024 * 1024
    _refused(bomb, contains="bom nén")


def test_zip_bomb_per_part_and_declared_total(good, tmp_path):
    big = b"<x>" + b"a" * (3 * 1024 * 1024) + b"</x>"
    bomb = _rezip(good, tmp_path / "part.docx", replace={"word/document.xml": big}, compression=zipfile.ZIP_STORED)
    _refused(bomb, contains="quá lớn", max_part_bytes=1024 * 1024)
    _refused(bomb, contains="dung lượng giải nén quá lớn", max_total_bytes=1024 * 1024)


def test_lying_zip_header_is_not_trusted(good, tmp_path):
    """A central directory that understates a part's size: the part is refused, never half-read."""
    big = b"<x>" + b"a" * (2 * 1024 * 1024) + b"</x>"
    src = _rezip(good, tmp_path / "src.docx", replace={"word/document.xml": big}, compression=zipfile.ZIP_STORED)
    data = bytearray(src.read_bytes())
    pos = data.find(b"PK\x01\x02")
    while pos != -1:
        name_len = int.from_bytes(data[pos + 28: pos + 30], "little")
        if data[pos + 46: pos + 46 + name_len] == b"word/document.xml":
            data[pos + 24: pos + 28] = (10).to_bytes(4, "little")  # uncompressed size: 10 bytes
        pos = data.find(b"PK\x01\x02", pos + 4)
    liar = tmp_path / "liar.docx"
    liar.write_bytes(bytes(data))
    _refused(liar, contains="word/document.xml")


def test_too_many_entries(good, tmp_path):
    many = _rezip(good, tmp_path / "many.docx", add={f"customXml/item{i}.xml": b"<a/>" for i in range(60)})
    _refused(many, contains="quá nhiều phần", max_entries=50)


def test_oversize_file_refused_before_reading(tmp_path):
    big = tmp_path / "big.docx"
    with open(big, "wb") as fh:  # sparse: 100 MB on paper, nothing on disk
        fh.truncate(100 * 1024 * 1024)
    _refused(big, contains="tệp quá lớn")


def test_directory_fifo_device_and_missing(tmp_path):
    folder = tmp_path / "thu-muc.docx"
    folder.mkdir()
    _refused(folder, contains="thư mục")
    fifo = tmp_path / "fifo.docx"
    os.mkfifo(fifo)
    _refused(fifo, contains="không phải tệp thông thường")  # and does not block on open
    with pytest.raises(WordFileError, match="không phải tệp thông thường"):
        read_docx("/dev/zero")
    _refused(tmp_path / "khong-co.docx", contains="không tìm thấy")


def test_open_package_reads_parts_lazily_and_resolves_rels(good):
    with open_package(good) as pkg:
        assert pkg.main_part == "word/document.xml"
        rels = pkg.rels(pkg.main_part)
        assert {r.target for r in rels.values()} >= {"word/styles.xml", "word/theme/theme1.xml"}
        assert pkg.xml("word/numbering.xml") is None
        assert pkg._read_total < 20000  # only the parts asked for so far


def test_duplicate_part_names_refused(good, tmp_path):
    import warnings

    dup = tmp_path / "dup.docx"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate name we write on purpose
        _rezip(good, dup, add={"word/document.xml": b"<x/>"})
    _refused(dup, contains="hai phần cùng tên")


def test_encrypted_zip_entry_refused(good, tmp_path):
    data = bytearray(good.read_bytes())
    pos = data.find(b"PK\x01\x02")
    data[pos + 8] |= 0x1  # general purpose flag: encrypted
    bad = tmp_path / "enc.docx"
    bad.write_bytes(bytes(data))
    _refused(bad, contains="mã hóa")


def test_deeply_nested_content_is_refused_or_read_without_crash(tmp_path):
    from tests.word.docx_factory import make_docx

    depth = 5000  # beyond libxml2's nesting limit: a parse error, not a RecursionError
    body = "<w:sdt><w:sdtContent>" * depth + p("sâu") + "</w:sdtContent></w:sdt>" * depth
    _refused(make_docx(tmp_path / "deep.docx", body), contains="lồng nhau quá sâu")
    ok_depth = 120
    body = "<w:sdt><w:sdtContent>" * ok_depth + p("sâu") + "</w:sdtContent></w:sdt>" * ok_depth
    assert [q.text for q in read_docx(make_docx(tmp_path / "ok.docx", body)).value.paragraphs()] == ["sâu"]


def test_strict_ooxml_refused_with_advice(good, tmp_path):
    xml = (b'<?xml version="1.0"?><w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main">'
           b"<w:body><w:p/></w:body></w:document>")
    _refused(_rezip(good, tmp_path / "strict.docx", replace={"word/document.xml": xml}), contains="Strict Open XML")


def test_too_many_paragraphs_refused(tmp_path):
    from tests.word.docx_factory import make_docx

    doc = make_docx(tmp_path / "many.docx", p("x") * 60)
    _refused(doc, contains="quá nhiều đoạn", max_paragraphs=50)
    assert len(list(read_docx(doc, max_paragraphs=60).value.paragraphs())) == 60


def test_fifo_swapped_in_after_the_check_does_not_hang(good, tmp_path, monkeypatch):
    import threading

    from generator.word import package

    fifo = tmp_path / "swap.docx"
    os.mkfifo(fifo)
    regular = os.stat(good)
    monkeypatch.setattr(package.os, "stat", lambda path: regular)  # the check sees a file, the open a FIFO
    outcome = []

    def attempt():
        try:
            open_package(fifo)
        except WordFileError as exc:
            outcome.append(str(exc))

    worker = threading.Thread(target=attempt, daemon=True)
    worker.start()
    worker.join(10)
    assert not worker.is_alive(), "open_package blocked on a FIFO"
    assert outcome and "không phải tệp thông thường" in outcome[0]


def test_limits_are_at_most_a_file_of_exactly_the_limit_is_read(good):
    """The file-size and entry limits are 'at most': exactly the limit is read, one more is refused."""
    size = good.stat().st_size
    entries = len(zipfile.ZipFile(good).namelist())
    assert read_docx(good, max_bytes=size).value is not None
    _refused(good, contains="tệp quá lớn", max_bytes=size - 1)
    assert read_docx(good, max_entries=entries).value is not None
    with pytest.raises(WordFileError):
        read_docx(good, max_entries=entries - 1)
