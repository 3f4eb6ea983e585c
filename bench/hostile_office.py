"""Hand-run second hostile campaign of issue 22 (not part of the test suite): every file of
tests/word/hostile_office.py (and, with --with-libreoffice, tests/word/hostile_office_lo.py) is given to
`check`, `check --fix -o`, `import -o` and `import --onto PLAN -o` (PLAN: the seed plan the base .docx was built
from), each a fresh process under `prlimit --as=1500000000 --cpu=60` and `/usr/bin/time -v`. Printed per run:
exit code, CPU s (user+sys), peak MB, and verdicts: TB (a traceback), EN (English words in what was said),
NOLOC (an error that does not name the file), TMP (a temporary file's name said), HALF (an output that does not
open whole, or a leftover file beside it), LONG (a printed line over 2,000 characters), SLOW (over 5 s of CPU),
FAT (over 400 MB), RCn (ended by a signal or an unexpected code).

    .venv/bin/python bench/hostile_office.py                    # LibreOffice off (kehoach's own work)
    .venv/bin/python bench/hostile_office.py --with-libreoffice --only lo-
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.word import hostile_office as fam  # noqa: E402
from tests.word import hostile_office_lo as lo  # noqa: E402

SEED = ROOT / "plans" / "quang-nam-papi-2020.yaml"
ENGLISH = re.compile(r"\b(error|errno|the|not|found|invalid|object|cannot|failed|exception|traceback|no such|"
                     r"unexpected|expected|line \d+, column|attribute|element|namespace|keyerror|valueerror)\b", re.I)
TEMPORARY = re.compile(r"\.tmp\b|tmp[a-z0-9_]{6,}|/\.[^/\s]+\.(docx|yaml)\b|\.kehoach-|~\$")


def run(args: list[str], folder: Path, libreoffice: bool, cwd: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "KEHOACH_SHARED": os.environ.get("KEHOACH_SHARED", "/work/shared")}
    if not libreoffice:
        env["PATH"] = ""
    report = folder / "time.txt"
    cmd = ["/usr/bin/prlimit", "--as=1500000000", "--cpu=60", "/usr/bin/time", "-v", "-o", str(report),
           sys.executable, "-m", "generator", *args]
    done = subprocess.run(cmd, capture_output=True, env=env, cwd=cwd, timeout=900)
    said = (done.stdout + done.stderr).decode("utf-8", "replace")
    times = report.read_text(encoding="utf-8", errors="replace")
    cpu = sum(float(re.search(rf"{k} time \(seconds\): ([\d.]+)", times).group(1)) for k in ("User", "System"))
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", times).group(1)) / 1024
    signal = re.search(r"Command terminated by signal (\d+)", times)
    return {"rc": done.returncode if not signal else -int(signal.group(1)), "cpu": cpu, "peak": peak, "said": said}


def whole(out: Path, made: set[str]) -> str:
    """'' when every output in `out` opens whole and nothing else was left; else what is wrong."""
    wrong = []
    for item in out.iterdir():
        if item.name not in made:
            wrong.append(f"left {item.name!r}")
        elif item.suffix == ".docx":
            try:
                with zipfile.ZipFile(item) as zf:
                    if zf.testzip() is not None or "word/document.xml" not in zf.namelist():
                        wrong.append("docx damaged")
            except zipfile.BadZipFile:
                wrong.append("docx not a zip")
        elif item.suffix == ".yaml":
            import yaml
            try:
                yaml.load(item.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
            except Exception as exc:  # noqa: BLE001 -- any failure is what we report
                wrong.append(f"yaml: {type(exc).__name__}")
    return "; ".join(wrong)


def verdicts(said: str, rc: int, name: str, folder: Path, broken: str) -> list[str]:
    text = said.replace(str(folder), "FOLDER")
    marks = []
    if "Traceback" in text or "lỗi không mong đợi" in text:
        marks.append("TB")
    plain = re.sub(r"FOLDER\S*|'[^']*'|\"[^\"]*\"", "", text)
    if ENGLISH.search(plain):
        marks.append("EN")
    errors = [line for line in text.splitlines() if "lỗi" in line]
    if rc not in (0, 1) or (rc and errors and not any(name.split("\n")[0][:40] in line or "FOLDER/out/" in line
                                                       for line in errors)):
        marks.append("NOLOC" if rc in (1, 2) else f"RC{rc}")
    if TEMPORARY.search(text.replace(name, "")):
        marks.append("TMP")
    if broken:
        marks.append("HALF")
    if any(len(line) > 2000 for line in text.splitlines()):
        marks.append("LONG")
    return marks


def families(base: Path, folder: Path, libreoffice: bool) -> list[Path]:
    files = []
    for make in fam.FAMILIES.values():
        made = make(base, folder)
        files.extend(made if isinstance(made, list) else [made])
    files.extend(lo.odd_names(base, folder))
    if libreoffice:
        profile = Path(tempfile.mkdtemp(prefix="lo-hostile2-"))
        saved = lo.libreoffice_saved(base, folder, profile)
        files.extend(saved)
        files.extend(lo.broken_doc(saved[-1], folder))
        shutil.rmtree(profile, ignore_errors=True)
    return files


def built_seed(folder: Path, env: dict) -> tuple[Path, Path]:
    """(a copy of the seed plan in `folder`, the .docx built from it): the base every hostile file changes."""
    plan = folder / "plan.yaml"
    shutil.copyfile(SEED, plan)
    subprocess.run([sys.executable, "-m", "generator", "build", str(plan), "-o", str(folder / "b")], check=True,
                   capture_output=True, env=env)
    return plan, folder / "b" / "plan" / "plan.docx"


def word_commands(plan: Path) -> dict:
    """The four commands a hostile Word file goes through: each gives its argv and the outputs it may write."""
    return {
        "check": lambda f, o: (["check", f.name], set()),
        "fix": lambda f, o: (["check", "--fix", f.name, "-o", str(o / "fixed.docx")], {"fixed.docx"}),
        "import": lambda f, o: (["import", f.name, "-o", str(o / "plan.yaml")], {"plan.yaml", "kehoach.schema.json"}),
        "onto": lambda f, o: (["import", "--onto", str(plan), f.name, "-o", str(o / "onto.yaml")], {"onto.yaml"}),
    }


def attempt(commands: dict, key: str, path: Path, folder: Path, libreoffice: bool = False) -> tuple[dict, list[str], Path]:
    """One command on one file in a fresh output folder: what it did, its verdict marks (SLOW over 5 s of CPU, FAT
    over 400 MB) and the folder."""
    out = folder / "out"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    argv, outputs = commands[key](path, out)
    got = run(argv, out, libreoffice, path.parent)
    marks = verdicts(got["said"], got["rc"], path.name, folder, whole(out, outputs | {"time.txt"}))
    if got["cpu"] > 5:
        marks.append("SLOW")
    if got["peak"] > 400:
        marks.append("FAT")
    return got, marks, out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--with-libreoffice", action="store_true")
    parser.add_argument("--only", default="")
    parser.add_argument("--commands", default="check,fix,import,onto")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="h2-") as tmp:
        folder = Path(tmp)
        plan, base = built_seed(folder, {**os.environ, "PYTHONPATH": str(ROOT)})
        files = folder / "files"
        files.mkdir()
        commands = word_commands(plan)
        chosen = args.commands.split(",")
        print(f"{'file':28} {'cmd':6} {'rc':>3} {'cpu s':>6} {'MB':>5}  verdict  answer", flush=True)
        totals: dict[str, int] = {}
        count = 0
        for path in families(base, files, args.with_libreoffice):
            if args.only not in path.name:
                continue
            count += 1
            for key in chosen:
                got, marks, out = attempt(commands, key, path, folder, args.with_libreoffice)
                for mark in marks:
                    totals[mark] = totals.get(mark, 0) + 1
                first = next((line for line in got["said"].splitlines() if "lỗi" in line),
                             got["said"].strip().splitlines()[0] if got["said"].strip() else "")
                label = path.name.replace("\n", "\\n")[:28]
                print(f"{label:28} {key:6} {got['rc']:3} {got['cpu']:6.1f} {got['peak']:5.0f}  "
                      f"{','.join(marks) or 'ok':8} {first.replace(str(folder), '…')[:110]}", flush=True)
        print(f"\n{count} files; failures by kind: {totals}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
