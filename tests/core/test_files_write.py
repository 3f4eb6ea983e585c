"""Issue 22, item 4: the user's files stay theirs. Writes go to a symlink's target and keep the old file's
mode, owner and hard links; new outputs follow the umask; -o never replaces a directory, device or FIFO;
temporary files of killed runs are cleaned up by the next run."""
from __future__ import annotations

import contextlib
import os
import signal
import stat
import subprocess
import sys
import time
import zipfile

import pytest

from generator.core import safeio
from generator.render.build import build_plan
from tests.core.hostile import ROOT, SAMPLE, plan_text, reviewed_sample, unsafe_entries_docx
from tests.test_cli import run


@pytest.fixture(scope="module")
def sample_docx(tmp_path_factory):
    return reviewed_sample(tmp_path_factory.mktemp("built"))


@pytest.fixture
def edited_plan(tmp_path):
    """A plan the sample's build differs from in one value: import --onto with the reviewed build changes it back."""
    plan = tmp_path / "real" / "plan.yaml"
    plan.parent.mkdir()
    plan.write_text(plan_text(lambda t: t.replace("Thường xuyên", "Hằng tháng")), encoding="utf-8")
    return plan


@contextlib.contextmanager
def umask(mask: int):
    old = os.umask(mask)
    try:
        yield
    finally:
        os.umask(old)


# ------------------------------------------------------------------------------------- the plan file

def test_onto_writes_the_target_of_a_symlinked_plan(edited_plan, sample_docx, tmp_path):
    """The link was replaced by a regular file and the real plan left unchanged."""
    link = tmp_path / "link.yaml"
    link.symlink_to(edited_plan)
    done = run("import", "--onto", link, sample_docx)
    assert done.returncode == 0, done.stderr
    assert link.is_symlink() and os.readlink(link) == str(edited_plan)
    assert "Thường xuyên" in edited_plan.read_text(encoding="utf-8")


@pytest.mark.parametrize("mode", [0o644, 0o640, 0o664])
def test_onto_keeps_the_mode_of_the_plan(mode, edited_plan, sample_docx):
    """Every --onto write reset the mode to 0600."""
    edited_plan.chmod(mode)
    assert run("import", "--onto", edited_plan, sample_docx).returncode == 0
    assert "Thường xuyên" in edited_plan.read_text(encoding="utf-8")
    assert stat.S_IMODE(edited_plan.stat().st_mode) == mode


@pytest.mark.parametrize("mode", [0o444, 0o400])
def test_a_read_only_output_is_never_replaced(mode, edited_plan, sample_docx, tmp_path):
    """A plan marked read-only (chmod a-w; a file copied from a share or a CD) was replaced by `import --onto`,
    `rollover --force` and `check --fix -o` alike (a rename needs only the folder's permission, and as root
    even a write goes through), and kept its read-only mode, as if never touched. Word refuses to save over
    it; kehoach now does too, says so in Vietnamese, exits 1 and leaves the file as it was."""
    before = edited_plan.read_bytes()
    edited_plan.chmod(mode)
    fixed = tmp_path / "fixed.docx"
    fixed.write_bytes(b"old")
    fixed.chmod(mode)
    for args in (("import", "--onto", edited_plan, sample_docx), ("rollover", SAMPLE, "-o", edited_plan, "--force"),
                 ("check", "--fix", sample_docx, "-o", fixed)):
        done = run(*args)
        assert done.returncode == 1, (args, done.stdout, done.stderr)
        assert "tệp chỉ đọc" in done.stdout + done.stderr, (args, done.stdout, done.stderr)
    assert edited_plan.read_bytes() == before and fixed.read_bytes() == b"old"
    assert stat.S_IMODE(edited_plan.stat().st_mode) == mode


def test_onto_keeps_hard_links_and_owner(edited_plan, sample_docx, tmp_path):
    """A rename broke the hard link: the other name kept the old plan."""
    other = tmp_path / "other-name.yaml"
    os.link(edited_plan, other)
    owner = (12345, 12345) if os.geteuid() == 0 else (os.getuid(), os.getgid())
    os.chown(edited_plan, *owner)
    inode = edited_plan.stat().st_ino
    assert run("import", "--onto", edited_plan, sample_docx).returncode == 0
    assert edited_plan.stat().st_ino == inode and edited_plan.stat().st_nlink == 2
    assert other.read_text(encoding="utf-8") == edited_plan.read_text(encoding="utf-8")
    assert "Thường xuyên" in other.read_text(encoding="utf-8")
    assert (edited_plan.stat().st_uid, edited_plan.stat().st_gid) == owner


def test_replacing_keeps_the_owner(tmp_path):
    """Owner and group of the old file (a shared plans folder): kept by the replacing file."""
    path = tmp_path / "plan.yaml"
    path.write_text("a: 1\n")
    owner = (12345, 23456) if os.geteuid() == 0 else (os.getuid(), os.getgid())
    os.chown(path, *owner)
    safeio.write_file(path, "a: 2\n")
    assert path.read_text() == "a: 2\n" and (path.stat().st_uid, path.stat().st_gid) == owner


@pytest.mark.parametrize("mask", [0o022, 0o077, 0o002])
def test_new_outputs_follow_the_umask(mask, edited_plan, sample_docx, tmp_path):
    """import, --fix (and --onto -o, rollover, schema) outputs were always 0600."""
    want = 0o666 & ~mask
    outs = {"import.yaml": ("import", sample_docx, "-o"), "fixed.docx": ("check", "--fix", sample_docx, "-o"),
            "onto.yaml": ("import", "--onto", edited_plan, sample_docx, "-o"),
            "next.yaml": ("rollover", edited_plan, "-o"), "schema.json": ("schema", "-o")}
    with umask(mask):
        for name, args in outs.items():
            done = run(*args, tmp_path / name)
            assert (tmp_path / name).is_file(), (name, done.stderr)
        assert run("build", edited_plan, "-o", tmp_path / "build").returncode == 0
    built = sorted((tmp_path / "build" / "plan").iterdir())
    for path in [tmp_path / name for name in outs] + built:
        assert stat.S_IMODE(path.stat().st_mode) == want, path.name


# ------------------------------------------------------------------------------------- -o: not a file

def kehoach(*args, timeout=120):
    """A fresh process: an output that is a FIFO would block the old code forever (no reader)."""
    try:
        return subprocess.run([sys.executable, "-m", "generator", *map(str, args)], cwd=ROOT, capture_output=True,
                              text=True, timeout=timeout, env={**os.environ, "PYTHONPATH": str(ROOT)})
    except subprocess.TimeoutExpired:
        pytest.fail(f"kehoach {' '.join(map(str, args))}: no answer in {timeout} s (writing into a FIFO?)")


def special_nodes(tmp_path):
    nodes = {"fifo": tmp_path / "fifo", "dir": tmp_path / "dir"}
    os.mkfifo(nodes["fifo"])
    nodes["dir"].mkdir()
    if os.geteuid() == 0:  # only root makes device nodes: a private null device, never the system's
        nodes["device"] = tmp_path / "null"
        os.mknod(nodes["device"], 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    return nodes


def test_o_never_replaces_a_device_fifo_or_directory(edited_plan, sample_docx, tmp_path):
    """`check --fix -o DEVICE` replaced the device node with a regular file (no --force asked)."""
    nodes = special_nodes(tmp_path)
    commands = [("check", "--fix", sample_docx, "-o"), ("import", "--force", sample_docx, "-o"),
                ("import", "--onto", edited_plan, sample_docx, "-o"), ("rollover", "--force", edited_plan, "-o"),
                ("schema", "-o")]
    for kind, node in nodes.items():
        before = node.lstat()
        for args in commands:
            # a FIFO in a fresh process (the old code blocked on it for ever); the others through the same entry
            # point in this process (tests/test_cli.py `run`), ~0.5 CPU s less each
            done = kehoach(*args, node) if kind == "fifo" else run(*args, node)
            assert done.returncode != 0, (kind, args, done.stdout, done.stderr)
            assert "Traceback" not in done.stderr and str(node.name) in done.stderr, (kind, args, done.stderr)
            after = node.lstat()
            assert stat.S_IFMT(after.st_mode) == stat.S_IFMT(before.st_mode), (kind, args)
            assert after.st_ino == before.st_ino, (kind, args)


# ------------------------------------------------------------------------------------- --fix output

FIX_WRITE = """
import sys, time
from pathlib import Path
time.time = lambda: float(sys.argv[3])
from generator.nd30.fix.fixer import Fixer
from generator.word.package import open_package
from generator.word.reader import read_package
with open_package(sys.argv[1]) as pkg:
    fixer = Fixer(pkg, read_package(pkg).value)
    fixer.new_parts["word/header_kehoach1.xml"] = b"<w:hdr/>"
    fixer.new_parts["word/footer_kehoach1.xml"] = b"<w:ftr/>"
    fixer.dirty |= {"word/styles.xml", "[Content_Types].xml", "word/_rels/document.xml.rels", "docProps/core.xml"}
    for name in fixer.dirty:
        pkg.xml(name)
    fixer.write(Path(sys.argv[2]))
"""


def test_fix_output_holds_only_safe_entries_and_is_reproducible(sample_docx, tmp_path):
    """Entries climbing out ('../../x'), absolute, on a drive ('C:\\\\x') or symbolic links never reach the
    output; a part added or changed gets the package's time, not the run's, and parts come in name order
    (they came in the order of a set of strings, which changes with every process), so two runs agree
    byte for byte."""
    source = tmp_path / "odd.docx"
    unsafe_entries_docx(sample_docx, source)
    outputs = []
    for n, (now, seed) in enumerate(((1_000_000_000, "1"), (1_700_000_000, "2"))):
        out = tmp_path / f"out{n}.docx"
        subprocess.run([sys.executable, "-c", FIX_WRITE, source, out, str(now)], check=True, cwd=ROOT,
                       env={**os.environ, "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": seed}, timeout=120)
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    with zipfile.ZipFile(tmp_path / "out0.docx") as z:
        for info in z.infolist():
            assert not info.filename.startswith(("/", "\\", "..")) and ":" not in info.filename
            assert ".." not in info.filename.split("/") and info.filename != "word/link.xml"
            assert stat.S_IFMT(info.external_attr >> 16) in (0, stat.S_IFREG)
            assert info.date_time != time.localtime(1_700_000_000)[:6]
        assert "word/header_kehoach1.xml" in z.namelist()


# ------------------------------------------------------------------------------------- temporary files

def stale_file(folder, name="plan.yaml", pid=None, age=None):
    if pid is None:
        child = subprocess.Popen([sys.executable, "-c", "pass"])
        child.wait()
        pid = child.pid  # a process that has ended
    path = folder / f".{name}{safeio.TEMP_TAG}{pid}-dead0001.yaml"
    path.write_bytes(b"half a plan")
    then = time.time() - (safeio.STALE_SECONDS + 60 if age is None else age)
    os.utime(path, (then, then))
    return path


def test_a_dead_runs_temporary_file_is_removed_by_the_next_write(tmp_path):
    dead = stale_file(tmp_path)
    young = stale_file(tmp_path, "young.yaml", age=5)
    alive = stale_file(tmp_path, "alive.yaml", pid=os.getppid())
    other = tmp_path / ".plan.yaml.swp"  # an editor's file: never kehoach's to remove
    other.write_bytes(b"x")
    safeio.write_file(tmp_path / "plan.yaml", "a: 1\n")
    assert not dead.exists() and young.exists() and alive.exists() and other.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([young.name, alive.name, other.name, "plan.yaml"])


def test_a_locked_temporary_file_is_never_removed(tmp_path):
    """A live run holds a lock on its temporary file: even with its pid unknown here, it stays."""
    with safeio.Staged(tmp_path / "plan.yaml") as staged:
        then = time.time() - safeio.STALE_SECONDS - 60
        os.utime(staged.path, (then, then))
        assert safeio.clean_stale(tmp_path, now=time.time()) == []  # our own pid: alive
        assert staged.path.exists()


HANG_AFTER_TEMP = """
import os, sys, time
from generator.core import safeio
real = safeio.Staged.commit
def commit(self):
    print("TEMP", self.path, flush=True)
    time.sleep(600)
safeio.Staged.commit = commit
sys.argv = ["kehoach", *sys.argv[1:]]
from generator.cli.entry import main
main()
"""


@pytest.mark.parametrize("command", ["fix", "onto"])
def test_kill_9_leaves_a_temporary_file_the_next_run_removes(command, edited_plan, sample_docx, tmp_path):
    """kill -9 while the output is being written: the old output is whole, the temporary file is named
    as kehoach's, and the next run in that folder removes it and writes a good output."""
    out = tmp_path / ("fixed.docx" if command == "fix" else "onto.yaml")
    args = (["check", "--fix", sample_docx, "-o", out] if command == "fix"
            else ["import", "--onto", edited_plan, sample_docx, "-o", out])
    out.write_bytes(b"the old output")
    child = subprocess.Popen([sys.executable, "-c", HANG_AFTER_TEMP, *map(str, args)], cwd=ROOT, text=True,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        line = child.stdout.readline()
        assert line.startswith("TEMP "), child.stderr.read()
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    temp = type(out)(line.split(" ", 1)[1].strip())
    assert temp.exists() and temp.parent == out.parent and out.read_bytes() == b"the old output"
    then = time.time() - safeio.STALE_SECONDS - 60
    os.utime(temp, (then, then))
    done = run(*args)
    assert done.returncode == 0, done.stderr
    assert not temp.exists()
    assert not [p for p in out.parent.iterdir() if safeio.TEMP_TAG in p.name]
    assert out.read_bytes() != b"the old output"


def test_a_killed_runs_working_folder_in_the_system_temp_is_removed(tmp_path, sample_docx):
    """kill -9 during import left /tmp/kehoach-import-XXXX (with a copy of the document) forever."""
    old = [tmp_path / "kehoach-import-abc123", tmp_path / "kehoach-onto-x_y1"]
    young = tmp_path / "kehoach-import-young1"
    other = tmp_path / "kehoach-notours-1"  # not a name kehoach's steps make
    then = time.time() - safeio.STALE_WORK_SECONDS - 60
    for d in [*old, young, other]:
        d.mkdir()
        (d / "document.docx").write_bytes(b"x")
        if d is not young:
            os.utime(d, (then, then))
    done = subprocess.run([sys.executable, "-m", "generator", "import", sample_docx, "-o", tmp_path / "x.yaml"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": str(tmp_path)})
    assert done.returncode == 0, done.stderr
    assert not any(d.exists() for d in old) and young.exists() and other.exists()


def test_a_new_only_write_never_replaces_a_file_made_meanwhile(tmp_path):
    """`new_only`: the output did not exist when the command looked, another run made it since; the write
    must fail, not replace it (fourth campaign of issue 22), and leave no temporary file."""
    target = tmp_path / "plan.yaml"
    target.write_text("the other run's plan\n", encoding="utf-8")
    with pytest.raises(FileExistsError) as info:
        safeio.write_file(target, "mine\n", new_only=True)
    assert str(target) in str(info.value) and "một lệnh khác" in safeio.write_error_vi(info.value)
    assert target.read_text(encoding="utf-8") == "the other run's plan\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.yaml"]
    fresh = tmp_path / "new.yaml"
    safeio.write_file(fresh, "mine\n", new_only=True)
    assert fresh.read_text(encoding="utf-8") == "mine\n"
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~safeio.current_umask()


def test_import_without_force_does_not_replace_a_plan_another_run_made_meanwhile(sample_docx, tmp_path, monkeypatch):
    """Four `import X.docx -o same.yaml` at once, without --force: all four said 'đã tạo' and exit 0, three
    of them replacing a plan made after they looked (fourth campaign of issue 22). The one that finds the
    file there at the end says so and writes nothing."""
    from generator.importer import pipeline

    target = tmp_path / "same.yaml"
    real = pipeline.import_file

    def meanwhile(*args, **kwargs):
        outcome = real(*args, **kwargs)
        target.write_text("# another run's plan\n", encoding="utf-8")
        return outcome
    monkeypatch.setattr(pipeline, "import_file", meanwhile)
    done = run("import", sample_docx, "-o", target)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "một lệnh khác" in done.stderr and "--force" in done.stderr
    assert target.read_text(encoding="utf-8") == "# another run's plan\n"

