"""Session fixtures over make_office: each office-style file is written once per test session, on
first use (imported by tests/conftest.py so tests anywhere can ask for them; make_office, which imports kehoach's
model, only when a fixture is made: the xdist controller imports conftest.py and runs no test)."""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

from generator.core import libreoffice

LO_TIMEOUT_S = 180


def _plan_path(plan: str | Path) -> Path:
    from tests.office.make_office import PLANS

    path = Path(plan)
    if path.suffix == ".yaml":
        return path
    matches = [p for p in PLANS if p.stem == str(plan)]
    if not matches:
        raise ValueError(f"no plan named {plan!r} in plans/ (have {', '.join(p.stem for p in PLANS)})")
    return matches[0]


@pytest.fixture(scope="session")
def office_docx(tmp_path_factory):
    """office_docx(plan, style="van-thu", draft=False) -> Path of an office-style .docx of a seed
    plan (stem like "quang-nam-papi-2020", or a .yaml path); its truth is at truth_path(path)."""
    from tests.office.make_office import make_office_docx

    out = tmp_path_factory.mktemp("office")
    made: dict[tuple, Path] = {}

    def make(plan: str | Path, style: str = "van-thu", draft: bool = False) -> Path:
        path = _plan_path(plan)
        key = (str(path), style, draft)
        if key not in made:
            name = f"{path.stem}.{style}{'.draft' if draft else ''}.docx"
            made[key] = make_office_docx(path, out / name, style=style, draft=draft)
        return made[key]

    return make


@pytest.fixture(scope="session")
def office_docs(office_docx):
    """Every seed plan in every style, and a draft of each in every style:
    {(plan stem, style, draft): Path}."""
    from tests.office.make_office import PLANS, STYLES

    return {(p.stem, style, draft): office_docx(p, style, draft)
            for p in PLANS for style in STYLES for draft in (False, True)}


@pytest.fixture(scope="session")
def office_resaved(office_docx, tmp_path_factory):
    """office_resaved(plan, style="van-thu", draft=False) -> Path: the same file opened and saved
    again by LibreOffice (as "MS Word 2007 XML"), which rewrites styles, numbering and tables its
    own way; the truth is copied next to it. Each file is converted once per session."""
    from tests.office.make_office import truth_path

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    out = tmp_path_factory.mktemp("office-lo")
    made: dict[tuple, Path] = {}

    def resave(plan: str | Path, style: str = "van-thu", draft: bool = False) -> Path:
        if soffice is None:
            pytest.fail("LibreOffice (soffice) is needed to re-save office files")
        source = office_docx(plan, style, draft)
        key = (source.name,)
        if key not in made:
            with tempfile.TemporaryDirectory(prefix="office-lo-") as profile, \
                    tempfile.TemporaryDirectory(prefix="office-src-") as src:
                # the source and the result share a name: convert from a separate directory
                copy = Path(src) / source.name
                shutil.copy(source, copy)
                # through kehoach's runner, so a test session's warm LibreOffice does it (tests/lo_warm.py)
                cmd = [libreoffice.program(soffice), f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
                       "--norestore", "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out), str(copy)]
                done = libreoffice.run_converter(cmd, LO_TIMEOUT_S)
            result = out / source.name
            if done.returncode != 0 or not result.is_file():
                pytest.fail(f"LibreOffice could not re-save {source.name}: {done.stderr or done.stdout}")
            shutil.copy(truth_path(source), truth_path(result))
            made[key] = result
        return made[key]

    return resave
