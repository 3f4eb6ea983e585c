"""A reading given again when this process reads the same parts again.

`check --fix` reads its source to check it and again to correct it; `import --onto` and the review round trip
read a plan's build more than once. Reading is a pure function of what the reader looks at in the package
(each part's bytes, which parts exist, the main part's name) and of the budget left when it starts, so a package
whose every look gives the same answer gets the same reading. Each look is recorded while a reading is made
(Package.trace) and compared on the next package: first by what the zip declares (size and CRC, free), then
by the bytes' digest (BLAKE2b) of every part read, so a file changed in any byte is read again.

Only small readings are kept (MAX_KEPT of them, each of parts under MAX_BYTES together), so the memo costs at most
a few tens of MB. The model is frozen dataclasses that no consumer changes (they copy with dataclasses.replace);
every caller gets its own Result and message list."""
from __future__ import annotations

from dataclasses import astuple, dataclass

from generator.word.model import Result
from generator.word.package import Package

MAX_KEPT = 8
MAX_BYTES = 2 * 1024 * 1024  # inflated bytes of the parts a kept reading looked at


@dataclass(frozen=True)
class _Kept:
    head: tuple
    looks: tuple[tuple[str, bytes | None, int, int], ...]  # (part, digest/None absent/b"" present, CRC, size)
    result: Result


_kept: list[_Kept] = []


def clear() -> None:
    _kept.clear()


def head(pkg: Package, limit: int) -> tuple:
    """What a reading depends on besides the parts: the main part, the budget and what is left of it."""
    return (pkg.main_part, limit, astuple(pkg.budget), *pkg.spent())


def recall(pkg: Package, start: tuple) -> Result | None:
    for i, kept in enumerate(_kept):
        if kept.head == start and _same(pkg, kept.looks):
            _kept.insert(0, _kept.pop(i))
            return Result(kept.result.value, list(kept.result.messages))
    return None


def remember(pkg: Package, start: tuple, looks: list[tuple[str, bytes | None]], result: Result) -> None:
    recorded, size = [], 0
    for key, value in dict.fromkeys(looks):  # in order, once each
        info = pkg.info(key)
        if value and info is not None:
            size += info.file_size
            recorded.append((key, value, info.CRC, info.file_size))
        else:
            recorded.append((key, value, 0, 0))
    if size > MAX_BYTES:
        return
    _kept.insert(0, _Kept(start, tuple(recorded), result))
    del _kept[MAX_KEPT:]


def _same(pkg: Package, looks: tuple) -> bool:
    for key, value, crc, size in looks:  # what the zip declares first: a different file costs nothing
        if key == "\0names":
            if "\0".join(pkg.names_seen()).encode() != value:
                return False
            continue
        info = pkg.info(key)
        if value is None:
            if info is not None:
                return False
        elif info is None or value and (info.CRC != crc or info.file_size != size):
            return False
    return all(pkg.digest(key, counted=False) == value for key, value, _, _ in looks if value and key != "\0names")
