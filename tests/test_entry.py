"""`kehoach --help` is answered from stored texts without importing click: they must be exactly what
click prints, at every width that is stored, and click must answer everywhere else."""
import contextlib
import io
import json
import os
import subprocess
import sys

import click
import pytest
from click import formatting

from generator.cli import entry
from generator.cli.commands import cli
from tests.conftest import ROOT
from tests.dump import updating

HELP_JSON = ROOT / "generator" / "data" / "help.json"
COLUMNS = (80, 100)  # a pipe or an 80-column terminal; any terminal of 100 columns or more


def click_help(command: str, width: int) -> str:
    """What click prints for `kehoach [command] --help` at this help width (the real main, in process;
    CliRunner would force a width of 80)."""
    args = [command, "--help"] if command else ["--help"]
    out, forced = io.StringIO(), formatting.FORCED_WIDTH
    formatting.FORCED_WIDTH = width
    try:
        with contextlib.redirect_stdout(out), pytest.raises(SystemExit) as exc:
            cli.main(args, prog_name="kehoach")
    finally:
        formatting.FORCED_WIDTH = forced
    assert exc.value.code in (0, None)
    return out.getvalue()


def all_texts() -> dict[str, dict[str, str]]:
    commands = ["", *cli.list_commands(click.Context(cli))]
    widths = [entry.help_width_for(c) for c in COLUMNS]
    return {str(w): {name: click_help(name, w) for name in commands} for w in widths}


def test_stored_help_is_what_click_prints():
    texts = all_texts()
    if updating():
        HELP_JSON.write_text(json.dumps(texts, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    stored = json.loads(HELP_JSON.read_text(encoding="utf-8"))
    assert stored == texts, "help.json is stale: run python -m tests.update_golden tests/test_entry.py"


def run(args, columns, quick=True):
    env = {**os.environ, "COLUMNS": str(columns), "KEHOACH_QUICK_HELP": "1" if quick else "0"}
    code = ("import atexit, sys; atexit.register(lambda: print('click' in sys.modules, file=sys.stderr)); "
            "sys.argv = ['kehoach', *sys.argv[1:]]; from generator.cli.entry import main; main()")
    done = subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=60)
    return done


@pytest.mark.parametrize("args,columns", [(["--help"], 80), (["-h"], 100), (["build", "--help"], 80),
                                          (["import", "-h"], 130)])
def test_help_is_answered_without_click_and_says_the_same(args, columns):
    quick, slow = run(args, columns), run(args, columns, quick=False)
    assert quick.returncode == slow.returncode == 0
    assert quick.stdout == slow.stdout and "Cách dùng: kehoach" in quick.stdout
    assert quick.stderr.strip() == "False" and slow.stderr.strip().endswith("True")


@pytest.mark.parametrize("args,columns", [(["--help"], 60), (["khong-co", "--help"], 80),
                                          (["build", "--help", "x"], 80), (["--version"], 80)])
def test_everything_else_goes_to_click(args, columns):
    done = run(args, columns)
    assert done.stderr.strip().endswith("True")
    assert "Traceback" not in done.stderr


def test_every_help_text_and_metavar_is_vietnamese():
    """Issue 21: help showed click's English '[required]', '[x>=1]' and '[OPTIONS] [ARGS]...'."""
    import re

    english = re.compile(r"\[required\]|\bx[<>]=?\d|\bOPTIONS\b|\bARGS\b|\bdefault\b|\bPATH\b|\bTEXT\b|\bINTEGER\b")
    for width in COLUMNS:
        for command in ["", *cli.list_commands(click.Context(cli))]:
            text = click_help(command, width - 2)
            assert not english.findall(text), (command, english.findall(text))


def test_range_errors_are_vietnamese():
    from tests.test_cli import run as run_cli

    done = run_cli("build", "--max-size", "0", "x.yaml")
    assert done.returncode == 2 and "0 nằm ngoài giới hạn (từ 1 trở lên)" in done.stderr
