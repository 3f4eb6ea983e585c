"""`kehoach watch`: a rebuild per save, errors instead of outputs when the plan breaks, the last good
outputs kept. Driven step by step through the loop's sleep, so nothing depends on timing."""
import datetime as dt
import os
import re

from generator.render.build import build_plan
from generator.workflow.watch import watch_plan
from tests.conftest import SAMPLE
from tests.test_cli import run


def test_rebuilds_on_each_save_and_keeps_the_last_good_output(tmp_path):
    plan = tmp_path / "ke-hoach.yaml"
    good = SAMPLE.read_text(encoding="utf-8")
    plan.write_text(good, encoding="utf-8")
    out = tmp_path / "build"
    docx = out / "ke-hoach" / "ke-hoach.docx"
    edits = iter([
        good.replace("year: 2021", "year: hai nghìn"),  # a mistake
        None,  # nothing saved: no rebuild
        good.replace("Tuyên truyền về bầu cử trưởng thôn.", "Tuyên truyền về bầu cử trưởng thôn, tổ trưởng."),
    ])
    sleeps = []

    def save_next(seconds):
        sleeps.append(seconds)
        text = next(edits)
        if text is not None:
            plan.write_text(text, encoding="utf-8")
            os.utime(plan, ns=(0, 10**9 * len(sleeps)))  # a new modification time, however fast
        if len(sleeps) == 2:
            assert docx.exists()  # the first good build is still there while the plan is broken

    events = list(watch_plan([plan], lambda: build_plan(plan, out), interval=0.25, max_builds=3,
                             sleep=save_next, clock=lambda: dt.datetime(2026, 1, 2, 8, 30)))
    assert [e.result is not None for e in events] == [True, False, True]
    assert sleeps == [0.25, 0.25, 0.25]  # a build follows each save; the unchanged file was not rebuilt
    assert [p.field for p in events[1].problems if p.level == "error"] == ["year"]
    assert docx.exists() and events[2].result.out_dir == out / "ke-hoach"


def test_missing_plan_waits_instead_of_failing(tmp_path):
    plan = tmp_path / "ke-hoach.yaml"
    steps = []

    def sleep(seconds):
        steps.append(seconds)
        if len(steps) == 2:
            plan.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")

    events = list(watch_plan([plan], lambda: build_plan(plan, tmp_path / "b"), max_builds=1, sleep=sleep))
    assert len(steps) == 2 and events[0].result is not None


def test_watch_command_prints_the_time_and_what_it_made(tmp_path, plan_copy):
    path = plan_copy()
    done = run("watch", path, "-o", tmp_path / "out", "--max-builds", "1", "--interval", "0.1")
    assert done.returncode == 0
    assert re.search(r"^\[\d\d:\d\d:\d\d\] đã tạo .*plan/ \(plan\.docx, ", done.stdout, re.M)
    broken = plan_copy(lambda t: t.replace("year: 2021", "year: x"), name="hong.yaml")
    done = run("watch", broken, "-o", tmp_path / "out", "--max-builds", "1")
    assert done.returncode == 1 and "year: phải là số nguyên" in done.stderr
    assert re.search(r"^\[\d\d:\d\d:\d\d\] chưa tạo: 1 lỗi; kết quả lần trước được giữ nguyên\.", done.stderr, re.M)


def test_watching_a_plan_not_there_says_so(tmp_path, monkeypatch):
    """A mistyped name was watched in silence ('đang theo dõi khong-co.yaml: lưu tệp để tạo lại'): the drafter
    waited for a file that would never be saved. It is still watched (an editor may create it), and said."""
    import generator.workflow.watch as watch_module

    monkeypatch.setattr(watch_module, "watch_plan", lambda *a, **k: iter(()))
    done = run("watch", tmp_path / "khong-co.yaml")
    first = done.stderr.splitlines()[0]
    assert first.endswith("khong-co.yaml: chưa có tệp này (xem lại tên tệp); văn bản được tạo khi tệp được lưu. "
                          "Ctrl+C để dừng."), first
    plan = tmp_path / "co.yaml"
    plan.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    assert run("watch", plan).stderr.splitlines()[0].endswith("co.yaml: lưu tệp để tạo lại; Ctrl+C để dừng.")
