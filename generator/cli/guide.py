"""`kehoach huong-dan`: the guides shipped with the package (`generator/docs/`), readable wherever
kehoach is installed, with or without the repository. Help texts and messages point here."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from generator.cli.options import CONTEXT

# name (the file's stem) -> what it is about, as the help lists them; a test checks every shipped guide is here
GUIDES = {
    "huong-dan": "hướng dẫn soạn kế hoạch (mặc định)",
    "huong-dan-nhap-word": "nhập Kế hoạch từ tệp Word (kehoach import)",
    "mau-word": "các kiểu (style) KH … của mẫu Word của tỉnh",
    "review-workflow": "quy trình xem xét kế hoạch: rollover, diff, import --onto",
}


def guide_path(name: str) -> Path:
    import generator.docs

    return Path(generator.docs.__file__).resolve().parent / f"{name}.md"


HELP = "\n".join([
    "In một tài liệu hướng dẫn đi kèm kehoach (Markdown); mặc định là hướng dẫn soạn kế hoạch.",
    "",
    "\b",
    "Tài liệu:",
    *(f"  {name:<20} {about}" for name, about in GUIDES.items()),
    "",
    "\b",
    "Ví dụ: kehoach huong-dan > huong-dan.md",
    "       kehoach huong-dan mau-word --path",
])


@click.command("huong-dan", context_settings=CONTEXT, options_metavar="[TÙY_CHỌN]", help=HELP,
               short_help="In hướng dẫn cho người soạn (đi kèm kehoach).")
@click.argument("name", required=False, default="huong-dan", type=click.Choice(list(GUIDES)), metavar="[TÀI_LIỆU]")
@click.option("--path", "show_path", is_flag=True,
              help="Chỉ in đường dẫn của tệp hướng dẫn (để mở bằng trình soạn thảo hoặc trình xem Markdown).")
def huong_dan(name: str, show_path: bool) -> None:
    path = guide_path(name)
    if show_path:
        click.echo(str(path))
        return
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        click.echo(f"{path}: không đọc được tài liệu hướng dẫn ({exc.strerror or exc}); hãy cài lại kehoach.",
                   err=True)
        sys.exit(1)
    click.echo(text, nl=False)


COMMANDS = (huong_dan,)
