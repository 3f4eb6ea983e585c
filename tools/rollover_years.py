"""List every year that rollover changed without a TODO on its text, with its context, for judging by eye
whether it belonged to the plan's own time or to a citation / a past result (issue 21).

    python tools/rollover_years.py OLD.yaml NEW.yaml [OLD2.yaml NEW2.yaml ...]

Prints one line per changed year: file, path, year → year, the words around it. Texts that got a TODO
are counted apart (the drafter is told about them)."""
from __future__ import annotations

import re
import sys

import yaml


def texts(data, path=()):
    if isinstance(data, dict):
        for key, value in data.items():
            yield from texts(value, path + (str(key),))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from texts(value, path + (str(i),))
    elif isinstance(data, str):
        yield path, data


def changed(old_text: str, new_text: str):
    old, new = yaml.safe_load(old_text), yaml.safe_load(new_text)
    after = dict(texts(new))
    for path, text in texts(old):
        if path[-1] == "id" or path not in after or after[path] == text:
            continue
        todo = after[path].lstrip().startswith("TODO")
        body = re.sub(r"^TODO:.*? — ", "", " ".join(after[path].split()), count=1) if todo else after[path]
        for a, b in zip(re.finditer(r"\b\d{4}\b", text), re.finditer(r"\b\d{4}\b", body)):
            if a.group(0) != b.group(0):
                context = " ".join(text[max(0, a.start() - 70):a.end() + 30].split())
                yield ".".join(path), a.group(0), b.group(0), todo, context


def main(argv):
    for old_path, new_path in zip(argv[::2], argv[1::2]):
        with open(old_path, encoding="utf-8") as f, open(new_path, encoding="utf-8") as g:
            for path, a, b, todo, context in changed(f.read(), g.read()):
                print(f"{old_path}\t{path}\t{a}→{b}\t{'TODO' if todo else '-'}\t{context}")


if __name__ == "__main__":
    main(sys.argv[1:])
