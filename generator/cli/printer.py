"""The one printer: how the commands show paths and the `Message`s the steps return.

Every step below the CLI returns messages and never prints (`generator.core.messages`); this module
gives them their three printed forms:
- text: one line per message on standard error, `located_text` ("plan.yaml:12:3: lỗi: tasks[0].lead: …");
- github: a workflow command per message on standard output ("::error file=…,line=…,col=…::…"), which
  GitHub shows beside the line of the pull request;
- json: one array of `located_dict` records on standard output (`validate --format json`).
"""
from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import click

from generator.core.errors import library_vi, located_dict, located_text
from generator.core.messages import Message


# Characters a file name may hold that would change the printed line around it: controls (a newline made a
# second line of the name's choosing, "hoach.docx: đúng thể thức"), line and paragraph separators, and the
# direction overrides and isolates that reorder the rest of the line on screen.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escaped(ch: str) -> str:
    return _ESCAPES.get(ch) or (f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}")


def printable(name: str) -> str:
    """A file name on one line, as it reads: 'ke\\nhoach.docx' for a name holding a newline (as `ls -b`)."""
    return _UNPRINTABLE.sub(lambda m: _escaped(m.group()), name)


def display(path: Path) -> str:
    """Paths as the drafter typed them; absolute ones inside the working folder made relative; a character
    that would break or reorder the printed line shown escaped (`printable`)."""
    if path.is_absolute():
        try:
            return printable(str(path.relative_to(Path.cwd())))
        except ValueError:
            return printable(str(path))
    return printable(str(path))


# Characters that split or change a word in the shells drafters paste a suggested command into (cmd.exe,
# PowerShell, bash): "kehoach check --fix ho so/ke hoach.docx -o …" ran on "ho" and "so/ke".
_SHELL_SPECIAL = re.compile(r"""[\s'"$`&|;<>()*?!\[\]{}#~%^,=]""")


def shell_word(path: Path) -> str:
    """A path as one word of a command the CLI suggests: `display`, in double quotes when it holds a space or
    a character a shell reads (double quotes, unlike single ones, work in cmd.exe, PowerShell and bash alike;
    a name holding a double quote, $ or ` gets POSIX quoting, the only kind that can hold them)."""
    shown = display(path)
    if not _SHELL_SPECIAL.search(shown):
        return shown
    if not re.search('["$`]', shown):
        return f'"{shown}"'
    import shlex

    return shlex.quote(shown)


def github_escape(text: str) -> str:
    """A workflow command's message on one line (GitHub's own escapes for %, CR and LF)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_property(text: str) -> str:
    """A workflow command's property (file=…): GitHub's escapes for %, CR, LF, ':' and ','. A file named
    "x\n::error file=a::b.docx" printed as it was made a second annotation of the drafter's choosing."""
    return github_escape(text).replace(":", "%3A").replace(",", "%2C")


def github_line(m: Message) -> str:
    kind = "error" if m.level == "error" else "warning"
    text = library_vi(m.text)
    message = f"{m.field}: {text}" if m.field else text
    return f"::{kind} file={github_property(m.file)},line={m.line or 1},col={m.col or 1}::{github_escape(message)}"


def messages_json(messages: list[Message]) -> str:
    import json  # only `--format json` needs it (start-up time)

    return json.dumps([located_dict(m) for m in messages], ensure_ascii=False, indent=2)


def echo_messages(messages: list[Message], fmt: str = "text") -> None:
    """Print messages in the text form (standard error), the github form or the json form (standard output)."""
    if fmt == "json":
        click.echo(messages_json(messages))
        return
    for m in messages:
        if fmt == "github":
            click.echo(github_line(m))
        else:
            click.echo(located_text(m if m.file == printable(m.file) else replace(m, file=printable(m.file))),
                       err=True)
