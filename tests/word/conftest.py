from __future__ import annotations

import pytest

from generator.word import read_docx

from tests.word.docx_factory import make_rich_docx


@pytest.fixture(scope="session")
def rich_docx(tmp_path_factory):
    return make_rich_docx(tmp_path_factory.mktemp("word") / "office.docx")


@pytest.fixture(scope="session")
def rich(rich_docx):
    """The office-style document, read once."""
    return read_docx(rich_docx)
