from __future__ import annotations

import pytest

from generator.word import read_docx

from .docx_factory import make_office_docx


@pytest.fixture(scope="session")
def office_docx(tmp_path_factory):
    return make_office_docx(tmp_path_factory.mktemp("word") / "office.docx")


@pytest.fixture(scope="session")
def office(office_docx):
    """The office-style document, read once."""
    return read_docx(office_docx)
