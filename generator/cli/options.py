"""What the commands share: click's settings and the options several commands take.

Importing this module makes click speak Vietnamese (`vi.install()`), before any command is defined."""
from __future__ import annotations

import click

from generator.cli import vi as cli_vi

cli_vi.install()

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
MB = 1024 * 1024  # the loader's default limit is 20 MB; importing it here would slow `--help`

max_size_option = click.option(
    "--max-size", type=click.IntRange(min=1), metavar="MB",
    help="Giới hạn cỡ tệp kế hoạch, tính bằng MB (mặc định 20, đủ cho khoảng 10.000 nhiệm vụ).")
