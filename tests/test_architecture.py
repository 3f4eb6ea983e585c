"""The shape of generator/, read from its source with ast (nothing is imported):

- no module over 600 lines and no class over 400 lines: one module per part of the job;
- the layers, lowest first: core < word < nd30 < plan < render < importer < workflow < cli. A module
  may import its own layer and the layers below it, never one above, at module level or inside a
  function alike. The data packages (data, templates, docs: files, no code) belong to no layer; the
  package itself (generator/__init__.py) is the ground and generator/__main__.py the top;
- generator/word/, the reader of any .docx, imports nothing but core (and word);
- no import circle among module-level imports (the imports that run when a module is loaded);
- no circle closed by a function-level import either. Importing inside a function is how a command
  keeps start-up fast (cli imports the .docx libraries only when it builds); it must not be how a
  circle is hidden: a function-level import that closes a circle means two modules depend on each
  other, and one of them is in the wrong place. Reported separately, so the two kinds read apart.

A failure lists every offender with file and line."""
from __future__ import annotations

import ast
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from tests.conftest import ROOT

PACKAGE = ROOT / "generator"
MAX_MODULE_LINES = 600
MAX_CLASS_LINES = 400
LAYERS = ["core", "word", "nd30", "plan", "render", "importer", "workflow", "cli"]
DATA_PACKAGES = {"data", "templates", "docs"}
WORD_MAY_NOT_IMPORT = {"plan", "render", "nd30", "importer", "workflow", "cli"}


@dataclass(frozen=True)
class Import:
    source: str  # dotted name of the importing module
    target: str  # dotted name of the imported module (a package's __init__ counts as the package)
    line: int
    lazy: bool  # inside a function: runs when the function is called, not when the module loads

    def where(self) -> str:
        return f"{path_of(self.source)}:{self.line}"


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def path_of(name: str) -> str:
    return MODULES[name].relative_to(ROOT).as_posix()


def resolve(name: str) -> str | None:
    """The module of the package that an imported dotted name loads: the longest prefix that is one."""
    parts = name.split(".")
    for n in range(len(parts), 0, -1):
        candidate = ".".join(parts[:n])
        if candidate in MODULES:
            return candidate
    return None


def imports_of(name: str) -> list[Import]:
    path = MODULES[name]
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: list[Import] = []

    def visit(node: ast.AST, lazy: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Import):
                for alias in child.names:
                    add(alias.name, child.lineno, lazy)
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:  # relative: from the package, one level up per extra dot
                    up = package.split(".")
                    up = up[:len(up) - (child.level - 1)]
                    base = ".".join([*up, base] if base else up)
                for alias in child.names:  # `from generator.x import y`: y may be a module or a name in x
                    add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base, child.lineno, lazy)
            visit(child, lazy or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)))

    def add(imported: str, line: int, lazy: bool) -> None:
        target = resolve(imported) if imported.split(".")[0] == "generator" else None
        if target is not None and target != name:
            found.append(Import(name, target, line, lazy))

    visit(tree, False)
    return found


@lru_cache(maxsize=None)
def imports() -> list[Import]:
    """Every import of generator/, read when a test first asks: not while the file is collected, which each test
    worker does (~1 s of CPU each)."""
    return [i for name in MODULES for i in imports_of(name)]


def layer(name: str) -> int | None:
    """Rank of a module's layer; None for the data packages."""
    parts = name.split(".")
    if len(parts) == 1:
        return -1  # generator/__init__.py: the ground
    if parts[1] == "__main__":
        return len(LAYERS)
    if parts[1] in DATA_PACKAGES:
        return None
    return LAYERS.index(parts[1])


def circles(edges: list[Import]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan), each sorted."""
    graph: dict[str, set[str]] = {}
    for e in edges:
        graph.setdefault(e.source, set()).add(e.target)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def connect(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                connect(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            connect(v)
    return sorted(found)


def describe(component: list[str], edges: list[Import]) -> str:
    inside = sorted((e for e in edges if e.source in component and e.target in component),
                    key=lambda e: (e.source, e.line))
    lines = [f"  {e.where()}: {e.source} imports {e.target}" + (" (inside a function)" if e.lazy else "")
             for e in inside]
    return " ↔ ".join(component) + ":\n" + "\n".join(lines)


def test_no_module_over_600_lines():
    sizes = {name: len(path.read_text(encoding="utf-8").splitlines()) for name, path in MODULES.items()}
    over = sorted((n, path_of(name)) for name, n in sizes.items() if n > MAX_MODULE_LINES)
    assert not over, (f"{len(over)} module(s) over {MAX_MODULE_LINES} lines (split by meaning, one module per "
                      "part of the job):\n" + "\n".join(f"  {path}: {n} lines" for n, path in reversed(over)))


def test_no_class_over_400_lines():
    over = []
    for name, path in MODULES.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.ClassDef):
                start = min([node.lineno, *(d.lineno for d in node.decorator_list)])
                n = node.end_lineno - start + 1
                if n > MAX_CLASS_LINES:
                    over.append((n, f"{path_of(name)}:{node.lineno} class {node.name}"))
    over.sort(reverse=True)
    assert not over, (f"{len(over)} class(es) over {MAX_CLASS_LINES} lines:\n"
                      + "\n".join(f"  {where}: {n} lines" for n, where in over))


def test_word_reads_any_docx_and_imports_nothing_above_core():
    bad = [i for i in imports() if i.source.startswith("generator.word")
           and i.target.split(".")[1:2] and i.target.split(".")[1] in WORD_MAY_NOT_IMPORT]
    assert not bad, ("generator/word/ (the reader of any .docx) may import only core:\n"
                     + "\n".join(f"  {i.where()}: imports {i.target}" + (" (inside a function)" if i.lazy else "")
                                 for i in bad))


def test_no_layer_imports_a_higher_one():
    bad = []
    for i in imports():
        low, high = layer(i.source), layer(i.target)
        if low is not None and high is not None and high > low:
            bad.append(i)
    order = " < ".join(LAYERS)
    assert not bad, (f"{len(bad)} import(s) of a higher layer ({order}):\n"
                     + "\n".join(f"  {i.where()}: {i.source} imports {i.target}"
                                 + (" (inside a function)" if i.lazy else "") for i in bad))


def test_no_import_circle_among_module_level_imports():
    eager = [i for i in imports() if not i.lazy]
    found = circles(eager)
    assert not found, (f"{len(found)} import circle(s) among module-level imports:\n"
                       + "\n".join(describe(c, eager) for c in found))


def test_no_circle_closed_by_a_function_level_import():
    eager = circles([i for i in imports() if not i.lazy])
    found = [c for c in circles(imports()) if c not in eager]
    assert not found, (f"{len(found)} import circle(s) closed by a function-level import (a function-level "
                       "import may delay loading, not hide a circle):\n"
                       + "\n".join(describe(c, imports()) for c in found))


def test_the_reading_of_imports_sees_what_it_must():
    # the checks above are only as good as the import graph: a few edges known to exist
    edges = {(i.source, i.target, i.lazy) for i in imports()}
    assert ("generator.cli.entry", "generator.cli.commands", True) in edges
    assert ("generator.nd30", "generator.nd30.labels", False) in edges
    assert ("generator.__main__", "generator.cli.entry", False) in edges
    assert len(MODULES) > 60 and layer("generator.core.errors") == 0 and layer("generator.cli.printer") == 7


def test_the_slow_tier_names_only_tests_that_exist():
    """tests/tiers.py lists test files and functions by name: a renamed or deleted test must not leave a name that
    marks nothing (the tier would silently shrink), and a listed file must not be a typo."""
    import re

    from tests import tiers

    root = Path(__file__).resolve().parent.parent
    assert [p for p in tiers.FILES if not (root / p).is_file()] == []
    missing = []
    for name in tiers.TESTS:
        path, function = name.split("::")
        source = (root / path).read_text(encoding="utf-8") if (root / path).is_file() else ""
        if not re.search(rf"^def {re.escape(function)}\(", source, re.MULTILINE):
            missing.append(name)
    assert missing == []
    assert set(tiers.FILES.values()) | set(tiers.TESTS.values()) == {tiers.STRESS, tiers.ENVIRONMENT}


def test_the_files_kept_on_one_worker_exist():
    """tests/workers.py keeps the files that share the warm LibreOffice on one xdist worker, by path: a renamed
    file would quietly start a second LibreOffice (issue 23)."""
    from tests import workers

    root = Path(__file__).resolve().parent.parent
    assert [p for p in workers.SAME_WORKER if not (root / p).is_file()] == []
