"""Mutation check: plant realistic bugs one at a time and see whether the test suite notices.

Each mutant is a textual edit of one source file (the old text must occur exactly once). The edit is
made in a throw-away copy of the repository (the files git tracks plus the working-tree changes),
never in your checkout, and the whole suite runs there with `-x` (the first failing test is enough
to call the mutant killed). Tests that already fail without any mutant are deselected first, so
they cannot kill anything.

    python tools/mutate.py              # every mutant, then the score
    python tools/mutate.py --list       # names and descriptions
    python tools/mutate.py rank-sign print-area-short   # only these
    python tools/mutate.py rank-sign --pytest "tests/test_context.py -k rank"   # does this test catch it?
    python tools/mutate.py --batch tools/mutants_fresh1.py            # another list of mutants (its MUTANTS)

Exit status 0 when every mutant is planted and killed, 1 otherwise.
"""
from __future__ import annotations

import argparse
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT_S = 1800


@dataclass(frozen=True)
class Mutant:
    name: str
    path: str
    edits: tuple[tuple[str, str], ...]  # (old, new), each old text occurs once in the file
    what: str


def m(name: str, path: str, old: str, new: str, what: str, *more: tuple[str, str]) -> Mutant:
    return Mutant(name, path, ((old, new), *more), what)


MUTANTS = [
    # --- the eight of issue 14
    m("header-repeat-long-only", "generator/render/docx.py",
      'add("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>")',
      'add("<w:tr><w:trPr><w:cantSplit/>" + ("<w:tblHeader/>" if len(table.rows) > 3 else "") + "</w:trPr>")',
      "appendix header row repeats only on long tables"),
    m("rank-sign", "generator/render/targets.py", "moved = base.rank - int(target.target)",
      "moved = int(target.target) - base.rank", "rank change reported the wrong way round"),
    m("dup-targets-unchecked", "generator/plan/checks.py", '(("targets",), p.targets), ', "",
      "targets left out of the duplicate-id check"),
    m("rollover-period-year", "generator/workflow/years.py", r'(?![\d\-–]|\s*[-–]\s*\d{4}|/\w*[A-Za-zĐđ])")',
      r'(?![\d]|/\w*[A-Za-zĐđ])")', "rollover shifts 'năm 2021-2025' in prose"),
    m("rollover-period-plain", "generator/workflow/years.py", r'(?![\d\-–]|\s*[-–]\s*\d{4}|/\w*[A-Za-zĐđ])")',
      r'(?![\d\-–]|/\w*[A-Za-zĐđ])")', "rollover shifts 'giai đoạn 2020 - 2025' in titles"),
    m("rollover-drops-comment", "generator/workflow/rollover.py",
      'self.replace_node(get(root, "year"), str(self.new))',
      'year = get(root, "year")\n        self.editor.spans[id(year)] = (year.start_mark.index, '
      'self.src.index("\\n", year.start_mark.index), str(self.new))',
      "rollover drops a trailing comment on the year line"),
    m("build-time-docx", "generator/render/docx.py", "core.created = core.modified = stamp",
      "core.created = stamp\n    core.modified = dt.datetime.now().replace(microsecond=0)",
      "build time written into the .docx core properties"),
    m("build-time-xlsx", "generator/render/xlsx.py",
      "wb.properties.modified = FIXED_TIME",
      'wb.properties.modified = __import__("datetime").datetime.now().replace(microsecond=0)',
      "build time left in the .xlsx core properties",
      ('    data = _MODIFIED.sub(rb"<dcterms:modified\\1>2000-01-01T00:00:00Z</dcterms:modified>", data)\n', "")),
    m("print-area-short", "generator/render/xlsx.py", 'ws.print_area = f"A1:{last}{row_no}"',
      'ws.print_area = f"A1:{last}{row_no - 1}"', ".xlsx print area ends one row early"),
    m("autoescape-off", "generator/render/docx.py", "ImmutableSandboxedEnvironment(autoescape=True",
      "ImmutableSandboxedEnvironment(autoescape=False",
      "autoescape off, and recipients handed to the template as plain strings (not verbatim markers)",
      ('"recipients": [verbatim.mark(line) for line in ctx.recipients]', '"recipients": list(ctx.recipients)'),
      ("tpl.render(context, jinja_env=env, autoescape=True)", "tpl.render(context, jinja_env=env, autoescape=False)")),
    # --- wording and numbering
    m("date-pad-all-months", "generator/nd30/grammar.py", 'return f"{month:02d}" if month <= 2 else str(month)',
      'return f"{month:02d}"', "every month padded (ND30 pads only 1 and 2)"),
    m("date-no-day-pad", "generator/nd30/grammar.py", 'return f"{day:02d}"', "return str(day)",
      "days 1-9 not padded"),
    m("roman-four", "generator/core/text.py", '(5, "V"), (4, "IV"), (1, "I")', '(5, "V"), (1, "I")',
      "IV printed as IIII"),
    m("number-separator", "generator/core/text.py", 'return text.replace(",", "\\0").replace(".", ",").replace("\\0", ".")',
      "return text", "English number marks (44.33, 1,250,000)"),
    m("point-letters-latin", "generator/nd30/labels.py", 'return f"{POINT_LETTERS[n - 1]})" if n <= len(POINT_LETTERS)',
      'return f"{chr(96 + n)})" if n <= len(POINT_LETTERS)', "points lettered a, b, c, d, e (no đ)"),
    m("legal-all-semicolons", "generator/render/body.py",
      '(";" if i < len(self.plan.legal_bases) - 1 else ".")', '";"', "last legal basis ends with ';'"),
    m("closing-no-mark", "generator/nd30/grammar.py", 'return text.rstrip(".") + CLOSING_MARK', "return text",
      "closing sentence without './.'"),
    m("increase-wording", "generator/render/targets.py", 'sentence += f" (tăng {number(delta)}{unit}',
      'sentence += f" (giảm {number(delta)}{unit}', "an increase called a decrease"),
    m("target-max-ignored", "generator/render/targets.py",
      'value = number(target.target) + (f"/{number(maximum)}" if maximum is not None and unit != "%" else "")',
      "value = number(target.target)", "target sentence without the maximum"),
    m("section-not-upper", "generator/render/body.py", 'Para("section", upper(section.title)',
      'Para("section", section.title', "section titles not in capitals"),
    m("appendix-label-single", "generator/nd30/grammar.py", 'return f"Phụ lục {roman(i)}" if count > 1 else "Phụ lục"',
      'return "Phụ lục"', "several appendices all 'Phụ lục'"),
    m("recipient-no-semicolon", "generator/render/header.py", "lines.append(f\"- {text}{' ' + rec.note if rec.note else ''};\")",
      "lines.append(f\"- {text}{' ' + rec.note if rec.note else ''}\")", "recipient lines without ';'"),
    m("archive-copies-unpadded", "generator/render/header.py", 'copies = f" ({archive.copies:02d})"',
      'copies = f" ({archive.copies})"', "archive copies not padded"),
    m("no-vertical-merge", "generator/render/appendices/tasks.py",
      '_merge_repeats(table, [i for i, k in enumerate(keys) if k in ("stt", "dimension", "sub_dimension")]',
      '_merge_repeats(table, [i for i, k in enumerate(keys) if k in ()]', "dimension cells not merged"),
    m("draft-number-zero", "generator/nd30/grammar.py", 'return f"{number:02d}" if number else "     "',
      'return f"{number or 0:02d}"', "draft prints 'Số: 00/KH-UBND'"),
    m("no-max-check", "generator/plan/checks.py", "self.targets()\n", "pass\n",
      "target checks (maximum, baseline) skipped", ),
    m("dup-tasks-unchecked", "generator/plan/checks.py", '(("tasks",), p.tasks),', "",
      "tasks left out of the duplicate-id check"),
    # --- renderers and build
    m("no-cantsplit", "generator/render/docx.py", 'add("<w:tr><w:trPr><w:cantSplit/></w:trPr>")',
      'add("<w:tr><w:trPr></w:trPr>")',
      "table rows may split across pages"),
    m("group-row-no-span", "generator/render/docx.py",
      "span = len(widths) - i if i == row.span_from else 1", "span = 1", "group rows not merged across"),
    m("body-marker-kept", "generator/render/docx.py", "    holder.getparent().remove(holder)\n", "",
      "the {{ body }} placeholder paragraph left in the document"),
    m("xlsx-no-freeze", "generator/render/xlsx.py", "ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=1)",
      "ws.freeze_panes = None", "header row not frozen in the workbook"),
    m("xlsx-no-print-titles", "generator/render/xlsx.py",
      'ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"', "ws.print_title_rows = None",
      "header row not repeated on printed pages"),
    m("xlsx-group-unmerged", "generator/render/xlsx.py",
      "ws.merge_cells(start_row=row_no, start_column=first, end_row=row_no, end_column=ncols)", "pass",
      "group rows not merged in the workbook"),
    m("swap-not-atomic", "generator/render/build.py", "    if _exchange(staging, final):\n",
      "    if False:\n", "outputs swapped with two renames (a moment without outputs) where one exchange works"),
    # --- the Word side: reader, importer, --onto
    m("tracked-deletion-kept", "generator/word/model.py",
      'return "".join(r.text for r in self.runs if r.change != "del")',
      'return "".join(r.text for r in self.runs)', "text deleted with tracked changes read as still there"),
    m("tracked-insertion-in-original", "generator/word/model.py",
      'return "".join(r.text for r in self.runs if r.change != "ins")',
      'return "".join(r.text for r in self.runs)', "rejecting tracked changes keeps the insertions"),
    m("list-no-restart", "generator/word/numbering.py", "                counters[deeper] = None\n",
      "                pass\n", "Word list sub-levels never restart (1.1, 1.2, then 2.3 instead of 2.1)"),
    m("lower-letter-upper", "generator/word/numbering.py", "        return _letter(n).lower()",
      "        return _letter(n)", "Word lowerLetter list labels read as 'A)' instead of 'a)'"),
    m("vmerge-span-one", "generator/word/tables.py", '                spans[(ri, c["col"])] = n',
      '                spans[(ri, c["col"])] = 1', "vertically merged cells read as one row high"),
    m("gridspan-ignored", "generator/word/tables.py",
      'span = min(MAX_COLUMNS, max(1, to_int(val(tcpr, "gridSpan"), 1) or 1))', "span = 1",
      "horizontally merged cells (group rows) read as one column"),
    m("typed-letter-label-missed", "generator/nd30/labels.py", r"(?P<letter>[a-zđ])\)", r"(?P<letter>[a-z])\)",
      "a point typed 'đ)' not recognised as a label"),
    m("rollover-quote-unescaped", "generator/workflow/yamledit.py", "    escaped = _double_quoted(value)[1:-1]",
      "    escaped = value", "quotation marks and backslashes of an old value written into rollover's TODO unescaped"),
    m("check-body-size", "generator/nd30/layout.py", '"body": (13.0, 14.0),', '"body": (12.0, 14.0),',
      "body text in 12 pt passes the ND30 check"),
    m("number-line-any-code", "generator/nd30/grammar.py",
      r'NUMBER_LINE = re.compile(r"^Số\s*:\s*(?P<number>[\d]*)',
      r'NUMBER_LINE = re.compile(r"^Số\s*:?\s*(?P<number>[\d]?)',
      "a document number of two or more digits is cut to its first digit on import"),
    m("staging-left-behind", "generator/render/build.py",
      "        if self.staging.exists():\n            shutil.rmtree(self.staging, ignore_errors=True)\n",
      "        pass\n",
      "a failed build leaves its half-written staging directory"),
    # --- issue 21: whose year is it
    m("rollover-moves-citations", "generator/workflow/years.py", 'use = "cited", "văn bản được trích dẫn"',
      'use = "plan", "văn bản được trích dẫn"', "rollover moves the years of cited documents"),
    m("rollover-shifts-past-results", "generator/workflow/years.py", 'use = "past", "câu nêu số liệu"',
      'use = "plan", "câu nêu số liệu"', "rollover moves the years of a sentence stating past figures"),
    m("score-index-row-dropped", "generator/plan/model/appendices.py", 'default=True,\n        title="Dòng cả chỉ số"',
      'default=False,\n        title="Dòng cả chỉ số"', "a whole index loses its own row in old plans' score tables"),
]


def tracked_files() -> list[Path]:
    out = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                         capture_output=True, check=True).stdout.decode()
    return [Path(p) for p in out.split("\0") if p]


def copy_tree(dest: Path) -> None:
    for rel in tracked_files():
        src = ROOT / rel
        if src.is_file():
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / rel)
    # what the set-up installed and git ignores (the editor tests' language server): shared, not copied
    modules = ROOT / "tools" / "editor" / "node_modules"
    if modules.is_dir():
        (dest / "tools" / "editor" / "node_modules").symlink_to(modules)
    # the real documents the tests read at ../shared: beside the copy too (from a worktree /work/wt/NAME,
    # the checkout's own ../shared or the one of the main checkout's folder), else those tests fail in the copy
    # and are deselected, and mutants only they would kill survive
    shared = dest.parent / "shared"
    found = next((p for p in (ROOT.parent / "shared", ROOT.parent.parent / "shared") if p.is_dir()), None)
    if found is not None and not shared.exists():
        shared.symlink_to(found)
    # a repository of its own, for the tests that read the commit (rollover's provenance line)
    git = ["git", "-c", "user.name=mutate", "-c", "user.email=mutate@localhost", "-c", "commit.gpgsign=false"]
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "pristine"]):
        subprocess.run([*git, *args], cwd=dest, check=True, capture_output=True)


def run_suite(tree: Path, extra: list[str]) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(tree), "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("KEHOACH_UPDATE_GOLDEN", None)
    cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rf", *extra]
    # own session: some tests signal their process group (LibreOffice shutdown), which must not be ours
    return subprocess.run(cmd, cwd=tree, env=env, capture_output=True, text=True, timeout=TIMEOUT_S,
                          start_new_session=True)


def apply(tree: Path, mutant: Mutant) -> str | None:
    """Plant the mutant; returns why it cannot be planted (the code changed under it), or None."""
    path = tree / mutant.path
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    for old, new in mutant.edits:
        count = text.count(old)
        if count != 1:
            return f"expected the text once in {mutant.path}, found it {count} times: {old[:60]!r}"
        text = text.replace(old, new)
    if path.suffix == ".py":
        try:  # a mutant that breaks the syntax would be "killed" by any test: it must be a real bug
            compile(text, mutant.path, "exec")
        except SyntaxError as exc:
            return f"the edit is not valid Python ({exc.msg}, line {exc.lineno})"
    path.write_text(text, encoding="utf-8")
    return None


def load_batch(path: Path) -> list[Mutant]:
    """The MUTANTS list of another file (it imports `m` from this module: `from mutate import m`)."""
    import runpy

    here = str(Path(__file__).resolve().parent)
    if here not in sys.path:
        sys.path.insert(0, here)
    return list(runpy.run_path(str(path))["MUTANTS"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("names", nargs="*", help="run only these mutants")
    parser.add_argument("--list", action="store_true", help="list the mutants and exit")
    parser.add_argument("--pytest", default="", metavar="ARGS",
                        help="pytest arguments, e.g. a selection of tests (default: the whole suite)")
    parser.add_argument("--batch", type=Path, metavar="FILE",
                        help="run the MUTANTS of this file (made with m(...) from this module) instead of this list")
    args = parser.parse_args(argv)
    mutants = load_batch(args.batch) if args.batch else MUTANTS
    if args.list:
        for mutant in mutants:
            print(f"{mutant.name:28} {mutant.path:28} {mutant.what}")
        return 0
    unknown = set(args.names) - {x.name for x in mutants}
    if unknown:
        parser.error(f"unknown mutants: {', '.join(sorted(unknown))}")
    chosen = [x for x in mutants if not args.names or x.name in args.names]

    with tempfile.TemporaryDirectory(prefix="kehoach-mutate-") as tmp:
        pristine = Path(tmp) / "pristine"
        copy_tree(pristine)
        started = time.monotonic()
        selection = shlex.split(args.pytest)
        base = run_suite(pristine, selection)
        already = re.findall(r"^FAILED (\S+)", base.stdout, flags=re.M)
        print(f"baseline: {'green' if base.returncode == 0 else f'{len(already)} failing test(s) deselected'} "
              f"({time.monotonic() - started:.0f} s)")
        for nodeid in already:
            print(f"  already failing: {nodeid}")
        if base.returncode not in (0, 1) or (base.returncode == 1 and not already):
            print(base.stdout[-3000:], base.stderr[-3000:])
            return 2
        deselect = [arg for nodeid in already for arg in ("--deselect", nodeid)]
        survivors, stale = [], []
        for mutant in chosen:
            tree = Path(tmp) / "mutant"
            shutil.rmtree(tree, ignore_errors=True)
            shutil.copytree(pristine, tree, symlinks=True)
            why = apply(tree, mutant)
            if why:
                print(f"{mutant.name:28} NOT PLANTED: {why} (update the mutant)")
                stale.append(mutant)
                continue
            started = time.monotonic()
            result = run_suite(tree, ["-x", *deselect, *selection])
            killer = re.findall(r"^FAILED (\S+)", result.stdout, flags=re.M)
            # a test must fail (exit 1, or 2 when xdist stops at the first failure); a collection error
            # or a crash ("ERROR", no "FAILED") proves nothing
            killed = result.returncode in (1, 2) and bool(killer)
            verdict = (f"killed by {killer[0]}" if killed else "SURVIVED" if result.returncode == 0
                       else f"BROKEN RUN (exit {result.returncode}): counted as survived")
            print(f"{mutant.name:28} {verdict} ({time.monotonic() - started:.0f} s)", flush=True)
            if not killed:
                survivors.append(mutant)
        planted = len(chosen) - len(stale)
        killed = planted - len(survivors)
        print(f"\nscore: {killed}/{planted} killed" + (f" ({killed / planted:.0%})" if planted else "")
              + (f"; {len(stale)} not planted" if stale else ""))
        for mutant in survivors:
            print(f"  survived: {mutant.name}: {mutant.what}")
    return 0 if not survivors and not stale else 1


if __name__ == "__main__":
    raise SystemExit(main())
