"""Convert real plans with LibreOffice and check the pages a drafter would see."""
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.render.build import build_plan
from tests.conftest import PLANS, SAMPLE

# No skip when LibreOffice is missing: scripts/setup.sh installs it, and PDF output must work.


def first_line(page) -> str:
    lines = [line.strip() for line in page.extract_text().splitlines() if line.strip()]
    return lines[0] if lines else ""


def orientations(reader):
    return ["landscape" if p.mediabox.width > p.mediabox.height else "portrait" for p in reader.pages]


@pytest.fixture(scope="module")
def seed_pdf(tmp_path_factory):
    plan = next(p for p in PLANS if p.stem == "quang-nam-papi-2020")
    result = build_plan(plan, tmp_path_factory.mktemp("pdf"), pdf=True)
    return PdfReader(next(f for f in result.files if f.suffix == ".pdf"))


@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory):
    """The sample built with --pdf once for the tests that only read it (each conversion costs ~2 s),
    and when it was made."""
    result = build_plan(SAMPLE, tmp_path_factory.mktemp("sample-pdf"), pdf=True)
    return next(f for f in result.files if f.suffix == ".pdf"), time.monotonic()


def test_seed_plan_pages(seed_pdf):
    kinds = orientations(seed_pdf)
    body = kinds.index("landscape")
    assert len(kinds) == 18 and body == 10  # 10 pages of Kế hoạch, 8 landscape pages of Phụ lục
    assert kinds[:body] == ["portrait"] * body and kinds[body:] == ["landscape"] * (len(kinds) - body)
    for page in seed_pdf.pages:
        assert round(float(min(page.mediabox.width, page.mediabox.height))) == 595  # A4: 210 mm
        assert round(float(max(page.mediabox.width, page.mediabox.height))) == 842  # 297 mm


def test_page_numbers_hidden_on_first_pages_and_restarted(seed_pdf):
    pages = seed_pdf.pages
    assert first_line(pages[0]) == "ỦY BAN NHÂN DÂN"
    assert [first_line(pages[i]) for i in (1, 2, 9)] == ["2", "3", "10"]
    appendix = orientations(seed_pdf).index("landscape")
    assert first_line(pages[appendix]) == "Phụ lục"
    assert first_line(pages[appendix + 1]) == "2" and first_line(pages[appendix + 2]) == "3"


def test_signature_block_and_header_text(seed_pdf):
    first = seed_pdf.pages[0].extract_text()
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in first and "Độc lập - Tự do - Hạnh phúc" in first
    assert "Quảng Nam, ngày 20 tháng 7 năm 2020" in first
    last_body = seed_pdf.pages[9].extract_text()
    assert "Nơi nhận:" in last_body and "PHÓ CHỦ TỊCH" in last_body and "Hồ Quang Bửu" in last_body
    # the table header row repeats on every appendix page
    for page in seed_pdf.pages[10:]:
        assert "Nhiệm vụ trọng tâm" in page.extract_text()


def test_mixed_orientation_appendices(sample_pdf):
    reader = PdfReader(sample_pdf[0])
    assert orientations(reader) == ["portrait", "portrait", "landscape", "portrait"]
    assert [first_line(p) for p in reader.pages[2:]] == ["Phụ lục I", "Phụ lục II"]


def _soffice_processes(marker: str) -> list[str]:
    import subprocess
    done = subprocess.run(["ps", "-eww", "-o", "pid,args"], capture_output=True, text=True, check=True)
    return [line for line in done.stdout.splitlines() if "soffice" in line and marker in line]


def test_two_builds_give_the_same_pdf_bytes(tmp_path, sample_pdf):
    first, made = sample_pdf
    time.sleep(max(0.0, 1.1 - (time.monotonic() - made)))  # LibreOffice stamps the time in seconds
    second = build_plan(SAMPLE, tmp_path / "b", pdf=True)
    pdf_a = first.read_bytes()
    pdf_b = next(f for f in second.files if f.suffix == ".pdf").read_bytes()
    assert pdf_a == pdf_b
    reader = PdfReader(first)
    assert reader.metadata["/CreationDate"].startswith("D:20210305")  # the issue date, not today
    assert len(reader.pages) > 1  # offsets kept valid by the normalisation


def test_killed_during_conversion_leaves_no_libreoffice_and_no_profile(tmp_path):
    """kehoach killed (SIGKILL) while LibreOffice converts: LibreOffice dies with it, and the next
    conversion removes the dead one's profile; SIGTERM cleans up at once."""
    import os
    import signal
    import subprocess
    import sys
    import time

    temp = tmp_path / "tmp"
    temp.mkdir()
    env = {**os.environ, "TMPDIR": str(temp)}
    out = tmp_path / "out"
    for sig in (signal.SIGKILL, signal.SIGTERM):
        proc = subprocess.Popen([sys.executable, "-m", "generator", "build", str(SAMPLE), "-o",
                                 str(tmp_path / "out"), "--pdf"], env=env, cwd=tmp_path)
        deadline = time.monotonic() + 60
        while not _soffice_processes(str(temp)) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _soffice_processes(str(temp)), "LibreOffice never started"
        proc.send_signal(sig)
        proc.wait(timeout=30)
        deadline = time.monotonic() + 10
        while _soffice_processes(str(temp)) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _soffice_processes(str(temp)) == []
        if sig == signal.SIGTERM:
            assert proc.returncode != 0
            assert [p.name for p in temp.iterdir() if p.name.startswith("kehoach-lo-")] == []
        # all or nothing: the killed build left no folder, or (had it finished first) the whole set
        left = sorted(p.name for p in (out / "sample").iterdir()) if (out / "sample").exists() else None
        assert left in (None, ["sample-noi-nhan.txt", "sample-phu-luc.xlsx", "sample.docx", "sample.pdf"]), left
    # a later conversion cleans what the killed one left
    from generator.core import libreoffice
    libreoffice.clean_stale_profiles(temp)
    assert [p.name for p in temp.iterdir() if p.name.startswith("kehoach-lo-")] == []


def test_a_profile_another_run_cleans_before_it_is_locked_is_made_again(tmp_path, monkeypatch):
    """Two conversions starting at once: the second's clean_stale_profiles took the first's brand-new, not yet
    locked profile folder for a dead run's and removed it, and the first failed with FileNotFoundError (a CI
    rehearsal, test_judged_check converting CV04.doc). The folder is made again and kept locked."""
    import fcntl
    import os

    from generator.core import libreoffice

    monkeypatch.setattr(libreoffice.tempfile, "tempdir", str(tmp_path))
    real = libreoffice.tempfile.mkdtemp
    made = []

    def racing_mkdtemp(*args, **kwargs):
        folder = real(*args, **kwargs)
        made.append(folder)
        if len(made) == 1:  # the other run's cleaner is faster than our lock, once
            libreoffice.clean_stale_profiles(tmp_path)
        return folder

    monkeypatch.setattr(libreoffice.tempfile, "mkdtemp", racing_mkdtemp)
    with libreoffice.profile() as folder:
        assert folder.is_dir() and str(folder) == made[1]
        fd = os.open(folder, os.O_RDONLY)
        try:
            with pytest.raises(BlockingIOError):  # ours, locked: no cleaner can take it now
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        finally:
            os.close(fd)
        libreoffice.clean_stale_profiles(tmp_path)
        assert folder.is_dir()
    assert not folder.exists()


def test_a_batch_converts_with_one_libreoffice_and_one_profile(tmp_path, monkeypatch, sample_pdf):
    """build of several plans with --pdf: one LibreOffice process (and one profile) for all the
    .docx, the same PDF bytes as one at a time, and a plan that fails stops only itself."""
    from generator.core import libreoffice
    from generator.render.build import build_plans
    from tests.conftest import DATA

    calls = []
    real_run = libreoffice.run

    def counting(cmd, timeout):
        calls.append(cmd)
        return real_run(cmd, timeout)

    monkeypatch.setattr(libreoffice, "run", counting)
    bad = tmp_path / "hong.yaml"
    bad.write_text("year: x\n", encoding="utf-8")
    outcomes = build_plans([SAMPLE, bad, DATA / "sample-2022.yaml"], tmp_path / "out", pdf=True)
    assert [type(o).__name__ for o in outcomes] == ["BuildResult", "PlanError", "BuildResult"]
    profiles = {arg for cmd in calls for arg in cmd if arg.startswith("-env:UserInstallation=")}
    assert len(profiles) == 1  # one profile; a second call only when a fresh profile asks for a restart
    converted = [arg for arg in calls[-1] if arg.endswith(".docx")]
    assert [Path(c).name for c in converted] == ["sample.docx", "sample-2022.docx"]
    for outcome in (outcomes[0], outcomes[2]):
        pdf = next(f for f in outcome.files if f.suffix == ".pdf")
        assert len(PdfReader(pdf).pages) > 1
    assert not (tmp_path / "out" / "hong").exists()
    # the same bytes as the sample converted on its own
    assert sample_pdf[0].read_bytes() == next(f for f in outcomes[0].files if f.suffix == ".pdf").read_bytes()


def test_documents_the_shared_process_did_not_convert_get_their_own(tmp_path, monkeypatch):
    """The shared LibreOffice fails (or crashes, or times out): every document is converted again on
    its own, so each gets its own verdict. Same file names never share an output folder."""
    import datetime as dt
    import subprocess

    from generator.core import libreoffice
    from generator.render import pdf as pdf_module
    from generator.core.errors import OutputError

    monkeypatch.setattr(pdf_module, "find_soffice", lambda: "/usr/bin/soffice")
    shared = []
    monkeypatch.setattr(libreoffice, "run", lambda cmd, timeout: shared.append((cmd, timeout)) or
                        subprocess.CompletedProcess(cmd, 1, "", ""))
    alone = []

    def one(docx, out_dir, timeout, stamp):
        alone.append(docx.name)
        if docx.parent.name == "b":
            raise OutputError("LibreOffice không xuất được PDF (mã lỗi 1)")
        return out_dir / (docx.stem + ".pdf")

    monkeypatch.setattr(pdf_module, "docx_to_pdf", one)
    stamp = dt.datetime(2024, 1, 1)
    jobs = [(tmp_path / d / "x.docx", tmp_path / d, stamp) for d in ("a", "b")] + [
        (tmp_path / "c" / "y.docx", tmp_path / "c", stamp)]
    results = pdf_module.docx_to_pdfs(jobs, timeout=10)
    assert results[0] == tmp_path / "a" / "x.pdf" and results[2] == tmp_path / "c" / "y.pdf"
    assert isinstance(results[1], OutputError)
    # a/x.docx and c/y.docx share a process (20 s for two documents); b/x.docx has the same name as a/x
    assert [(len([a for a in cmd if a.endswith(".docx")]), timeout) for cmd, timeout in shared] == [(2, 20)]
    assert sorted(alone) == ["x.docx", "x.docx", "y.docx"]
