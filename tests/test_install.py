"""kehoach as someone who installed the wheel has it: built from the tree, installed into a new virtual
environment with the dependencies pinned by requirements.lock, and run from a folder outside the
repository, where nothing of the repository is on the path. Every command runs once.

This is where a packaging mistake shows: a hand-written package list once left generator.workflow out
of the wheel, and `rollover` and `import --onto` crashed with ModuleNotFoundError for everyone who had
installed it, while every other test (run from the repository) passed. Installing needs the package
index or pip's cache (which scripts/setup.sh fills)."""
from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
import yaml

from tests import install_prep
from tests.install_prep import call, clean_env
from tests.conftest import ROOT, SAMPLE

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def shipped_files(top: Path) -> set[str]:
    """The files of the package in the tree, as the wheel names them."""
    return {p.relative_to(top.parent).as_posix() for p in top.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"}


class Installed:
    def __init__(self, root: Path, venv: Path, wheel: Path, tree_files: set[str]):
        self.venv, self.wheel, self.tree_files = venv, wheel, tree_files
        self.bin = venv / "bin"
        self.work = root / "work"  # the drafter's folder: outside the repository
        self.work.mkdir()
        self.env = clean_env()

    def kehoach(self, *args, timeout=600) -> subprocess.CompletedProcess:
        done = call([self.bin / "kehoach", *args], self.work, self.env, timeout)
        assert "Traceback" not in done.stdout + done.stderr, f"kehoach {' '.join(map(str, args))}:\n{done.stderr}"
        assert "lỗi không mong đợi" not in done.stderr, f"kehoach {' '.join(map(str, args))}:\n{done.stderr}"
        return done

    def python(self, code: str) -> subprocess.CompletedProcess:
        return call([self.bin / "python", "-c", code], self.work, self.env)


@pytest.fixture(scope="module")
def installed(tmp_path_factory, request) -> Installed:
    """The wheel built from the tree and installed into a new venv; made from the start of the session in
    the background (tests/install_prep.py: the same commands, run while other tests run)."""
    made = install_prep.outcome(install_prep.session_dir(tmp_path_factory, request.config),
                                tmp_path_factory.mktemp("install"))
    for step, code, out, err in made["steps"]:
        assert code == 0, f"{step} failed:\n{out}\n{err}"
    assert made["wheel"] and len(made["wheel"]) == 1, made["wheel"]
    venv = Path(made["venv"])
    wheel, tree_files = Path(made["wheel"][0]), shipped_files(Path(made["src"]) / "generator")
    return Installed(venv.parent, venv, wheel, tree_files)


@pytest.fixture(scope="module")
def plan(installed) -> Path:
    path = installed.work / "ke-hoach.yaml"
    shutil.copy(SAMPLE, path)
    return path


@pytest.fixture(scope="module")
def built(installed, plan) -> Path:
    """`kehoach build` of the sample plan (with its PDF where LibreOffice is installed): the .docx."""
    done = installed.kehoach("build", plan.name, "-o", "out", *(["--pdf"] if SOFFICE else []))
    assert done.returncode == 0, done.stderr
    assert "ke-hoach.yaml: đã tạo out/ke-hoach/ (ke-hoach.docx, ke-hoach-phu-luc.xlsx" in done.stdout
    return installed.work / "out" / "ke-hoach" / "ke-hoach.docx"


def test_the_wheel_holds_every_module_and_data_file_of_the_tree(installed):
    with zipfile.ZipFile(installed.wheel) as z:
        in_wheel = {n for n in z.namelist() if n.startswith("generator/")}
    assert not installed.tree_files - in_wheel, f"left out of the wheel: {sorted(installed.tree_files - in_wheel)}"
    assert not in_wheel - installed.tree_files, f"in the wheel, not in the tree: {sorted(in_wheel - installed.tree_files)}"


def test_the_installed_package_is_the_one_that_runs(installed):
    done = installed.python("import generator, sys; print(generator.__file__); print(sys.path)")
    assert done.returncode == 0, done.stderr
    where = Path(done.stdout.splitlines()[0]).resolve()
    assert installed.venv.resolve() in where.parents, where
    assert str(ROOT) not in done.stdout  # the repository is nowhere on the path
    done = installed.kehoach("--version")
    assert done.returncode == 0 and done.stdout.startswith("kehoach 0.")
    done = call([installed.bin / "python", "-m", "generator", "--version"], installed.work, installed.env)
    assert done.returncode == 0 and done.stdout.startswith("kehoach 0.")


def test_help_and_the_guides_without_the_repository(installed):
    done = installed.kehoach("--help")  # answered from the installed help.json
    assert done.returncode == 0 and "Cách dùng: kehoach" in done.stdout and "huong-dan" in done.stdout
    done = installed.kehoach("build", "--help")
    assert done.returncode == 0 and "Ví dụ: kehoach build" in done.stdout
    done = installed.kehoach("huong-dan")
    assert done.returncode == 0 and done.stdout.startswith("# Hướng dẫn soạn kế hoạch bằng kehoach")
    for name in ("huong-dan-nhap-word", "mau-word", "review-workflow"):
        done = installed.kehoach("huong-dan", name, "--path")
        path = Path(done.stdout.strip())
        assert done.returncode == 0 and path.is_file() and installed.venv.resolve() in path.resolve().parents


def test_validate_build_and_watch(installed, plan, built):
    done = installed.kehoach("validate", plan.name)
    assert done.returncode == 0 and "1 kế hoạch: 0 lỗi" in done.stderr
    done = installed.kehoach("validate", "--format", "json", plan.name)
    assert done.returncode == 0 and isinstance(json.loads(done.stdout), list)
    out = built.parent
    assert zipfile.ZipFile(built).read("word/document.xml").count(b"<w:p") > 20
    assert zipfile.ZipFile(out / "ke-hoach-phu-luc.xlsx").namelist()
    assert (out / "ke-hoach-noi-nhan.txt").read_text(encoding="utf-8").strip()
    if SOFFICE:
        assert (out / "ke-hoach.pdf").read_bytes().startswith(b"%PDF")
    done = installed.kehoach("watch", plan.name, "-o", "watched", "--max-builds", "1", "--interval", "0.1")
    assert done.returncode == 0, done.stderr
    assert "đã tạo watched/ke-hoach/ (ke-hoach.docx" in done.stdout
    assert (installed.work / "watched" / "ke-hoach" / "ke-hoach.docx").is_file()


def test_plan_files_schema_init_rollover_diff(installed, plan):
    done = installed.kehoach("schema", "-o", "kehoach.schema.json")
    assert done.returncode == 0
    assert json.loads((installed.work / "kehoach.schema.json").read_text(encoding="utf-8"))["title"].startswith("Kế hoạch")
    done = installed.kehoach("init", "--province", "Tuyên Quang", "--year", "2026", "-o", "moi/tq.yaml")
    assert done.returncode == 0, done.stderr
    assert (installed.work / "moi" / "tq.yaml").is_file() and (installed.work / "moi" / "kehoach.schema.json").is_file()
    done = installed.kehoach("rollover", plan.name, "-o", "nam-sau.yaml")
    assert done.returncode == 0, done.stderr
    assert "đã tạo nam-sau.yaml (năm 2021 → 2022)" in done.stdout
    assert "year: 2022" in (installed.work / "nam-sau.yaml").read_text(encoding="utf-8")
    done = installed.kehoach("diff", plan.name, "nam-sau.yaml")
    assert done.returncode == 0, done.stderr
    assert "So sánh ke-hoach.yaml (năm 2021) → nam-sau.yaml (năm 2022)" in done.stdout


def test_word_files_check_import_and_onto(installed, plan, built):
    docx = built.relative_to(installed.work)
    done = installed.kehoach("check", docx)
    assert done.returncode == 0 and "đúng thể thức, không thấy lỗi" in done.stdout, done.stdout + done.stderr
    done = installed.kehoach("import", docx, "-o", "nhap.yaml")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"đã tạo nhap.yaml từ {docx}") and "Độ phủ chữ: 100,0%" in done.stdout
    imported = yaml.safe_load((installed.work / "nhap.yaml").read_text(encoding="utf-8"))
    assert imported["year"] == 2021 and len(imported["tasks"]) == 2
    done = installed.kehoach("import", "--onto", plan.name, docx, "-o", "da-duyet.yaml")
    assert done.returncode == 0, done.stderr
    assert "0 chưa đưa vào" in done.stdout
    # nothing was edited in Word, so the plan comes back as it was, byte for byte
    assert (installed.work / "da-duyet.yaml").read_bytes() == plan.read_bytes()
