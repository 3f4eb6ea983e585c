"""The reading given again (generator/word/memo.py): only for the same parts, never a stale one."""
from __future__ import annotations

import shutil
import zipfile

import pytest

from generator.nd30.check import check_docx
from generator.nd30.fix import fix_docx
from generator.word import memo, read_docx
from tests.word.docx_factory import make_docx, p, r, sect


@pytest.fixture(autouse=True)
def fresh_memo():
    memo.clear()
    yield
    memo.clear()


def _doc(path, words="Một hai ba"):
    return make_docx(path, p(r(words)) + p(r("Dòng thứ hai")) + sect())


def _rezip(src, dst, change):
    """A copy of src with document.xml passed through change (bytes → bytes), every other part as it was."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            zout.writestr(info, change(data) if info.filename == "word/document.xml" else data)
    return dst


def test_the_same_bytes_elsewhere_are_read_once(tmp_path):
    first = _doc(tmp_path / "a.docx")
    copy = shutil.copy(first, tmp_path / "b.docx")
    a, b = read_docx(first), read_docx(copy)
    assert b.value is a.value  # given again, not read again
    assert b.messages == a.messages and b.messages is not a.messages  # each caller its own list


def test_a_letter_changed_at_the_same_size_is_read_again(tmp_path):
    first = _doc(tmp_path / "a.docx", "Một hai ba")
    other = _rezip(first, tmp_path / "b.docx", lambda d: d.replace(b"hai", b"hay"))
    assert zipfile.ZipFile(first).getinfo("word/document.xml").file_size == \
        zipfile.ZipFile(other).getinfo("word/document.xml").file_size
    before, after = read_docx(first).value, read_docx(other).value
    assert after is not before
    assert [q.text for q in after.paragraphs()][0] != [q.text for q in before.paragraphs()][0]


def test_a_part_added_or_removed_is_read_again(tmp_path):
    plain = make_docx(tmp_path / "a.docx", p(r("Chữ")) + sect())
    titled = make_docx(tmp_path / "b.docx", p(r("Chữ")) + sect(), core_title="Tiêu đề")
    assert read_docx(plain).value.core != read_docx(titled).value.core
    assert read_docx(titled).value.core.get("title") == "Tiêu đề"


def test_a_smaller_limit_is_not_answered_by_a_reading_within_a_larger_one(tmp_path):
    from generator.core.errors import WordFileError
    path = _doc(tmp_path / "a.docx")
    read_docx(path)
    with pytest.raises(WordFileError, match="quá nhiều"):
        read_docx(path, max_paragraphs=1)


def test_check_and_fix_leave_the_kept_reading_as_a_fresh_one_reads(tmp_path):
    """No consumer changes the model it was given: after check and --fix used the kept reading, it equals a new one."""
    src = _doc(tmp_path / "a.docx")
    kept = read_docx(src).value
    check_docx(src)
    fix_docx(src, tmp_path / "out.docx")
    memo.clear()
    assert read_docx(src).value == kept


def test_parts_are_compared_by_their_bytes_not_only_by_what_the_zip_declares(tmp_path):
    """A CRC-32 and a size can agree for different bytes: the digest decides."""
    from dataclasses import replace

    from generator.word.package import open_package
    path = _doc(tmp_path / "a.docx")
    read_docx(path)
    kept = memo._kept[0]
    looks = tuple((k, b"\x00" * 20 if k == "word/document.xml" else v, crc, size) for k, v, crc, size in kept.looks)
    assert looks != kept.looks
    memo._kept[0] = replace(kept, looks=looks)
    with open_package(path) as pkg:
        assert memo.recall(pkg, memo.head(pkg, pkg.budget.paragraphs)) is None
    memo._kept[0] = kept
    with open_package(path) as pkg:
        assert memo.recall(pkg, memo.head(pkg, pkg.budget.paragraphs)) is not None


@pytest.mark.parametrize("app, pages", [
    ("<Properties><Pages>1</Pages><Words>230</Words></Properties>", 1),
    ("<Properties><Pages>3</Pages><Words>900</Words></Properties>", 3),
    ("<Properties><Pages>1</Pages><Words>0</Words></Properties>", None),  # a template's count kept by python-docx
    ("<Properties><Pages>1</Pages><Words>230</Words></Prope", 1),  # damaged: searched, not parsed; still read
    (None, None)])
def test_the_page_count_its_editor_saved_is_read_without_parsing(tmp_path, app, pages):
    """docProps/app.xml's <Pages> (Word and LibreOffice paginate) is what `check` trusts for "one page" when its own
    estimate says a page and a bit (FR28-CV02, FR11-TB02); a damaged part never stops the reading, and a changed count
    is a new reading (the memo compares the part)."""
    extra = {"docProps/app.xml": app.encode()} if app is not None else None
    path = make_docx(tmp_path / "a.docx", p(r("Chữ")) + sect(), extra_parts=extra)
    doc = read_docx(path).value
    assert doc.saved_pages == pages
    assert [q.text for q in doc.paragraphs()] == ["Chữ"]
    if pages is not None:
        other = _rezip(path, tmp_path / "b.docx", lambda d: d)
        with zipfile.ZipFile(path) as zin, zipfile.ZipFile(tmp_path / "c.docx", "w") as zout:
            for info in zin.infolist():
                data = zin.read(info)
                zout.writestr(info, data.replace(b"<Pages>", b"<Pages>2") if info.filename == "docProps/app.xml" else data)
        assert read_docx(other).value is doc
        assert read_docx(tmp_path / "c.docx").value.saved_pages == int(f"2{pages}")
