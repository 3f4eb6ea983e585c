"""The wheel and the virtual environment of tests/test_install.py, made in the background from the start
of the session: building the wheel and installing it with its pinned dependencies takes pip ~15 s of
processor time and the index or its cache as long again, which no longer holds a worker idle.

The same commands as ever, run once per session: tests/conftest.py starts `prepare` in a thread of the
controlling pytest process (the one that starts the xdist workers, or the only one), and test_install's
fixture reads the outcome from `<session temp>/install/outcome.json` (waiting for it), then asserts on it
as before. When nothing started it (tests run some other way), the fixture runs `prepare` itself."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTCOME = "outcome.json"
WAIT_S = 1800


def clean_env() -> dict[str, str]:
    """This process's environment without anything that would put the repository on a path."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "PYTHONUSERBASE", "VIRTUAL_ENV")}
    env.update(PYTHONNOUSERSITE="1", COLUMNS="80")
    return env


def call(args, cwd, env, timeout=600) -> subprocess.CompletedProcess:
    return subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=timeout)


def pip_can_target_another_python() -> bool:
    import pip

    return tuple(int(x) for x in pip.__version__.split(".")[:2]) >= (22, 3)


def prepare(tmp: Path) -> dict:
    """Build the wheel from a copy of the tree and install it into a new venv under `tmp`; returns (and
    writes to tmp/outcome.json) what each step gave."""
    outcome: dict = {"wheel": None, "venv": str(tmp / "venv"), "src": str(tmp / "src"), "steps": []}
    try:
        env = clean_env()
        # The wheel is built from a copy of the tree: pip builds in place, and a build/ folder left in the
        # repository by an earlier build would put into the wheel modules the tree no longer has.
        src = tmp / "src"
        shutil.copytree(ROOT / "generator", src / "generator", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        for name in ("pyproject.toml", "README.md"):
            shutil.copy(ROOT / name, src / name)
        pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--no-input"]
        done = call([*pip, "wheel", "--no-deps", "-q", "-w", tmp / "wheel", src], tmp, env)
        outcome["steps"].append(["pip wheel", done.returncode, done.stdout, done.stderr])
        if done.returncode != 0:
            return outcome
        wheels = list((tmp / "wheel").glob("kehoach-*.whl"))
        outcome["wheel"] = [str(w) for w in wheels]
        if len(wheels) != 1:
            return outcome
        venv = tmp / "venv"
        if pip_can_target_another_python():  # a venv without its own pip is made in a blink
            subprocess.run([sys.executable, "-m", "venv", "--without-pip", venv], check=True, env=env)
            install = [*pip, "--python", venv / "bin" / "python", "install"]
        else:
            subprocess.run([sys.executable, "-m", "venv", venv], check=True, env=env)
            install = [venv / "bin" / "python", "-m", "pip", "--disable-pip-version-check", "--no-input", "install"]
        done = call([*install, "-q", "-c", ROOT / "requirements.lock", wheels[0]], tmp, env)
        outcome["steps"].append(["pip install", done.returncode, done.stdout, done.stderr])
    except Exception as exc:  # noqa: BLE001 — reported by the fixture as a failed step
        outcome["steps"].append(["prepare", -1, "", f"{type(exc).__name__}: {exc}"])
    finally:
        tmp.mkdir(parents=True, exist_ok=True)
        part = tmp / (OUTCOME + ".part")
        part.write_text(json.dumps(outcome), encoding="utf-8")
        os.replace(part, tmp / OUTCOME)
    return outcome


def start_in_background(tmp: Path) -> threading.Thread:
    tmp.mkdir(parents=True, exist_ok=True)
    (tmp / "started").write_text("", encoding="utf-8")
    thread = threading.Thread(target=prepare, args=(tmp,), name="install-prep", daemon=True)
    thread.start()
    return thread


def outcome(tmp: Path, fallback: Path) -> dict:
    """The outcome of the background preparation in `tmp`, waited for; `prepare(fallback)` when none was
    started."""
    if not (tmp / "started").is_file():
        return prepare(fallback)
    deadline = time.monotonic() + WAIT_S
    while not (tmp / OUTCOME).is_file():
        if time.monotonic() > deadline:
            raise TimeoutError(f"the wheel and venv were not ready after {WAIT_S} s ({tmp})")
        time.sleep(0.2)
    return json.loads((tmp / OUTCOME).read_text(encoding="utf-8"))


def session_dir(tmp_path_factory, config) -> Path:
    """The folder shared by the controlling process and its xdist workers."""
    base = tmp_path_factory.getbasetemp()
    return (base.parent if hasattr(config, "workerinput") else base) / "install-prep"
