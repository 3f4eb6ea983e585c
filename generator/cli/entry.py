"""The `kehoach` command's entry point. `kehoach --help` and `kehoach LỆNH --help` are answered from
texts click rendered beforehand (`data/help.json`, kept equal to click's by a test), because importing
click alone costs as much as starting Python; everything else goes to `cli.main`."""
from __future__ import annotations

import os
import sys

HELP_OPTIONS = ("--help", "-h")
MAX_CONTENT_WIDTH = 100  # options.CONTEXT["max_content_width"]


def help_width_for(columns: int) -> int:
    """The width click's HelpFormatter uses on a terminal of this many columns (click 8's rule)."""
    return max(min(columns, MAX_CONTENT_WIDTH) - 2, 50)


def help_width() -> int:
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 80
    return help_width_for(columns)


def quick_help(args: list[str]) -> str | None:
    """The stored help text for these arguments at this width, or None (then click answers)."""
    if os.environ.get("KEHOACH_QUICK_HELP") == "0":
        return None
    if len(args) == 1 and args[0] in HELP_OPTIONS:
        command = ""
    elif len(args) == 2 and args[1] in HELP_OPTIONS and not args[0].startswith("-"):
        command = args[0]
    else:
        return None
    import json

    try:  # a plain file next to this module (importlib.resources would cost more than the rest)
        with open(os.path.join(os.path.dirname(os.path.dirname(__file__)), "data", "help.json"), encoding="utf-8") as fh:
            texts = json.load(fh)
    except (OSError, ValueError):
        return None
    return texts.get(str(help_width()), {}).get(command)


def main() -> None:
    text = quick_help(sys.argv[1:])
    if text is None:
        from generator.cli.commands import main as cli_main

        cli_main()
        return
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:  # `kehoach --help | head`: quiet, like click
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
