"""What `check`, `check --fix` and `import` answer on every real .docx (shared real-docs and tests/real/docs), in
one process, LibreOffice off: exit code, every line said, and a digest of every file written (the .docx part by
part, the YAML whole). Speed work must not change a line of it (issue 22):

    .venv/bin/python bench/same_output.py > /tmp/before.txt       # on the old tree
    .venv/bin/python bench/same_output.py | diff /tmp/before.txt -
    .venv/bin/python bench/same_output.py --budget                # also the files of bench/budget.py (slower)
"""
from __future__ import annotations

import argparse
import hashlib
import os
import re
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TIMING = re.compile(r"\(\d+,\d+ giây\)")
SHARED = Path(os.environ.get("KEHOACH_SHARED", ROOT.parent / "shared")) / "real-docs"


def digest(path: Path) -> str:
    if not path.is_file():
        return "-"
    data = path.read_bytes()
    if path.suffix == ".docx":
        with zipfile.ZipFile(path) as z:
            data = b"".join(n.encode() + b"\0" + z.read(n) for n in sorted(z.namelist()))
    return hashlib.sha256(data).hexdigest()[:16]


def documents(budget: bool, tmp: Path) -> list[tuple[str, Path]]:
    docs = sorted(SHARED.glob("*.docx")) + sorted((ROOT / "tests" / "real" / "docs").glob("*.docx"))
    named = [(p.name, p) for p in docs]
    if budget:
        from bench.budget import FILES
        folder = tmp / "budget"
        folder.mkdir()
        for name, make in FILES.items():
            made = make(folder)
            named.append((name, made[0] if isinstance(made, tuple) else made))
    return named


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--budget", action="store_true", help="also the files just under each budget limit")
    ap.add_argument("--only", default="", help="only documents whose name contains this")
    args = ap.parse_args()
    os.environ["PATH"] = ""  # no LibreOffice: kehoach's own work only
    os.environ["KEHOACH_NO_PROGRESS"] = "1"
    from click.testing import CliRunner

    import gc

    from generator.cli import commands
    from generator.cli.commands import cli

    # as the command sets it (commands.main); an older tree has no such setting
    gc.set_threshold(getattr(commands, "GC_FIRST_THRESHOLD", gc.get_threshold()[0]), *gc.get_threshold()[1:])
    runner = CliRunner()
    with tempfile.TemporaryDirectory(prefix="kh-same-") as tmpdir:
        tmp = Path(tmpdir)
        for name, path in documents(args.budget, tmp):
            if args.only not in name:
                continue
            out = tmp / "out"
            out.mkdir(exist_ok=True)
            commands = {"check": ["check", "--all", str(path)],
                        "check json": ["check", "--format", "json", str(path)],
                        "fix": ["check", "--fix", str(path), "-o", str(out / "fixed.docx")],
                        "fix json": ["check", "--fix", "--format", "json", str(path), "-o", str(out / "fixed2.docx")],
                        "import": ["import", str(path), "-o", str(out / "plan.yaml")]}
            for command, argv in commands.items():
                result = runner.invoke(cli, argv, catch_exceptions=True)
                said = TIMING.sub("(… giây)", result.output or "").replace(str(path), "<DOC>").replace(str(tmp), "<TMP>")
                print(f"## {name} {command}: rc={result.exit_code}"
                      + (f" {type(result.exception).__name__}" if result.exception and
                         not isinstance(result.exception, SystemExit) else ""))
                for line in said.splitlines():
                    print(f"  | {line}")
                for written in sorted(out.iterdir()):
                    print(f"  file {written.name} {digest(written)}")
                    written.unlink()
            sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
