"""The one printer: how the commands show paths and the `Message`s the steps return.

Every step below the CLI returns messages and never prints (`generator.core.messages`); this module
gives them their three printed forms:
- text: one line per message on standard error, `located_text` ("plan.yaml:12:3: lỗi: tasks[0].lead: …");
- github: a workflow command per message on standard output ("::error file=…,line=…,col=…::…"), which
  GitHub shows beside the line of the pull request;
- json: one array of `located_dict` records on standard output (`validate --format json`).
"""
from __future__ import annotations

from pathlib import Path

import click

from generator.core.errors import library_vi, located_dict, located_text
from generator.core.messages import Message


def display(path: Path) -> str:
    """Paths as the drafter typed them; absolute ones inside the working folder made relative."""
    if path.is_absolute():
        try:
            return str(path.relative_to(Path.cwd()))
        except ValueError:
            return str(path)
    return str(path)


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
            click.echo(located_text(m), err=True)
