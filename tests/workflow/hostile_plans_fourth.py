"""Plan files of the fourth hostile campaign of issue 22 (the YAML side of a busy office or an attacker):
flow style, !!binary, !!python tags, a custom tag, huge integers, duplicate keys, deep nesting, merge keys,
aliases multiplied (billion laughs), NaN, an impossible time, a NUL escape, a quote not closed, two documents,
UTF-16 and Latin-1.
Each is the seed plan changed in one place; bench/hostile_fourth.py --plans gives every one to validate,
build, rollover, diff and import --onto. Only the generators are stored."""
from __future__ import annotations


def _laughs(text: str) -> str:
    rows = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for prev, name in zip("abcdefg", "bcdefgh"):
        rows.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    return "\n".join(rows) + "\n" + text


def plans(seed: str) -> dict[str, bytes]:
    """file name → bytes of each hostile plan made from the text of the seed plan."""
    def swap(old: str, new: str) -> str:
        if old not in seed:
            raise ValueError(f"{old!r} not in the seed plan")
        return seed.replace(old, new, 1)

    texts = {
        "flow.yaml": swap('indices:\n  papi: "2018"', 'indices: {papi: "2018"}'),
        "binary.yaml": swap("title: Cải thiện", "title: !!binary |\n  SGVsbG8=\nold_title: Cải thiện"),
        "python-tag.yaml": swap("year: 2020", 'year: !!python/object/apply:os.system ["echo PWNED > pwned.txt"]'),
        "python-name.yaml": swap("year: 2020", "year: !!python/name:os.system"),
        "custom-tag.yaml": swap("title: Cải thiện", "title: !vn Cải thiện"),
        "huge-int.yaml": swap("number: 4055", "number: " + "9" * 5000),
        "huge-year.yaml": swap("year: 2020", "year: 10000000000000000000000"),
        "dup-keys.yaml": swap("year: 2020", "year: 2020\nyear: 2021"),
        "dup-title.yaml": swap("title: Cải thiện", "title: Thử\ntitle: Cải thiện"),
        "deep-flow.yaml": seed + "x: " + "[" * 5000 + "]" * 5000 + "\n",
        "deep-block.yaml": seed + "x:\n" + "".join("  " * i + "- \n" for i in range(1, 3000)),
        "merge-key.yaml": swap("issuer:\n", "base: &b\n  place: Quảng Nam\nissuer:\n  <<: *b\n"),
        "nan.yaml": swap("number: 4055", "number: .nan"),
        "bad-time.yaml": swap("date: 2020-07-20", "date: 2020-07-20T25:61:00"),
        "nul-escape.yaml": swap("title: Cải thiện Chỉ số hiệu quả quản trị và hành chính công tỉnh Quảng Nam năm 2020",
                                'title: "Cải\\0 thiện Chỉ số hiệu quả quản trị và hành chính công"'),
        "unclosed-quote.yaml": swap("title: Cải thiện", 'title: "Cải thiện'),
        "billion-laughs.yaml": _laughs(seed),
        "two-documents.yaml": seed + "\n---\nid: x\n",
    }
    out = {name: text.encode("utf-8") for name, text in texts.items()}
    out["utf16.yaml"] = seed.encode("utf-16")
    out["latin1.yaml"] = swap("title: Cải thiện", "title: Café").encode("utf-8").replace("Café".encode(), b"Caf\xe9")
    return out


def plan_strings(path) -> list[str]:
    """Every string of a plan file, in order: what a run must neither lose nor alter."""
    import yaml

    out: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, str):
            out.append(node)
        elif isinstance(node, dict):
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)
    walk(yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader))
    return out
