"""`kehoach watch`: rebuild a plan each time it is saved. Polling the file's stat is enough here (one
file, a human saving it) and needs no extra dependency or OS notification service."""
from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from generator.render.build import BuildResult
from generator.core.errors import KehoachError
from generator.core.messages import Message


@dataclass
class Event:
    """One rebuild: its outputs, or the problems that kept the previous outputs in place."""

    when: dt.datetime
    result: BuildResult | None
    problems: list[Message] = field(default_factory=list)


def fingerprint(paths: list[Path]) -> tuple:
    """What changes when a file is saved (editors that save by renaming change the inode)."""
    out = []
    for path in paths:
        try:
            st = os.stat(path)
        except OSError:
            out.append(None)
        else:
            out.append((st.st_mtime_ns, st.st_size, st.st_ino))
    return tuple(out)


def watch_plan(paths: list[Path], rebuild: Callable[[], BuildResult], *, interval: float = 1.0,
               max_builds: int | None = None, sleep: Callable[[float], None] = time.sleep,
               clock: Callable[[], dt.datetime] = dt.datetime.now) -> Iterator[Event]:
    """Build once, then again whenever one of `paths` (the plan first, then its templates) changes;
    yields one Event per build. A missing plan (an editor in the middle of saving) waits for the next
    change. Stops after `max_builds` builds if given."""
    seen: tuple | None = None
    builds = 0
    while max_builds is None or builds < max_builds:
        current = fingerprint(paths)
        if current != seen and current[0] is not None:
            seen = current
            builds += 1
            try:
                result = rebuild()
            except KehoachError as exc:
                yield Event(clock(), None, exc.problems)
            else:
                yield Event(clock(), result, result.warnings)
            continue
        sleep(interval)
