"""docs/behaviour.md names, for each behaviour a user relies on, the test that asserts it: every test it names
exists (a renamed or deleted test would leave a behaviour unguarded while the list still claims it)."""
import ast
import re

from tests.conftest import ROOT

DOC = ROOT / "docs" / "behaviour.md"
REF = re.compile(r"`(tests/[\w/]+\.py)(?:::(\w+))?`")


def test_every_test_the_behaviour_list_names_exists():
    text = DOC.read_text(encoding="utf-8")
    refs = REF.findall(text)
    assert len(refs) > 100
    missing, names = [], {}
    for path, name in refs:
        file = ROOT / path
        if not file.exists():
            missing.append(path)
            continue
        if path not in names:  # each file parsed once
            tree = ast.parse(file.read_text(encoding="utf-8"))
            names[path] = {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}
        if name and name not in names[path]:
            missing.append(f"{path}::{name}")
    assert missing == []


def test_every_behaviour_line_names_a_test():
    lines = [line for line in DOC.read_text(encoding="utf-8").split("\n- ")[1:]]
    assert all(REF.search(line) for line in lines), \
        [line[:80] for line in lines if not REF.search(line)]
