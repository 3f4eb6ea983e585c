"""Issue 22, third hostile campaign, on the Word side: each test makes its file with a generator of
tests/word/hostile_third.py (or names a file so) and asserts what kehoach now answers; each failed on the code
before its fix (bench/hostile_third.py runs every family)."""
from __future__ import annotations

import shutil

import pytest

from tests.core.hostile import ROOT
from tests.test_cli import run as run_cli

SEED = ROOT / "plans" / "quang-nam-papi-2020.yaml"


def run(*args, cwd=ROOT) -> tuple[int, str]:
    done = run_cli(*args, cwd=cwd)
    return done.returncode, done.stdout + done.stderr


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from generator.render.build import build_plan

    folder = tmp_path_factory.mktemp("base")
    plan = folder / "plan.yaml"
    shutil.copyfile(SEED, plan)
    docx = next(f for f in build_plan(plan, folder / "build").files if f.suffix == ".docx")
    return plan, docx


@pytest.mark.parametrize("odd", ["\n", "\r", "\x1b[31m", "\u2028", "\u202e"])
def test_a_file_name_never_breaks_or_reorders_the_printed_line(built, tmp_path, odd):
    """A file named 'ke<LF>hoach.docx' was printed as it was: `check` said 'ke' on one line and 'hoach.docx: đúng
    thể thức, không thấy lỗi.' on the next, a line of the name's choosing (a terminal escape coloured the
    rest, U+202E printed it backwards). The name is now shown escaped, as `ls -b` does, in every command's
    text output: the lines of `check`, `check --fix`, `import --onto` and `validate` each name the whole file."""
    plan, docx = built
    name = f"ke{odd}hoach"
    shown = f"ke{odd.encode('unicode_escape').decode()}hoach"
    reviewed = tmp_path / f"{name}.docx"
    shutil.copy(docx, reviewed)
    odd_plan = tmp_path / f"{name}.yaml"
    shutil.copy(plan, odd_plan)
    for args in (["check", reviewed.name], ["check", "--fix", reviewed.name, "-o", f"{name}-sua.docx"],
                 ["import", "--onto", odd_plan.name, reviewed.name, "-o", "onto.yaml"],
                 ["validate", odd_plan.name]):
        code, out = run(*args, cwd=tmp_path)
        assert code == 0, out
        lines = out.split("\n")
        assert not any(odd in line or line.startswith("hoach") for line in lines), (args, out)
        named = [line for line in lines if "hoach" in line]
        assert named and all(f"{shown}" in line for line in named), (args, out)
