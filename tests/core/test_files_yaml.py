"""Issue 22, item 2: comments, line breaks, tabs, anchors, aliases, BOM and CRLF are ordinary — imported,
edited and rolled over without a crash; an alias is resolved once and its anchor kept."""
from __future__ import annotations

import random
import shutil

import pytest
import yaml

from generator.importer.yaml_out import dump_plan
from generator.render.build import build_plan
from tests.core.hostile import (SAMPLE, aliased_timeframe, comment_docx, plan_text, reviewed_sample, tab_before_comment,
                                with_style)
from tests.test_cli import run
from tests.workflow.word_edit import replace_text


@pytest.fixture(scope="module")
def sample_docx(tmp_path_factory):
    out = tmp_path_factory.mktemp("built")
    return next(f for f in build_plan(SAMPLE, out).files if f.suffix == ".docx")


# ------------------------------------------------------------------------------------- import: comments

COMMENTS = {
    "two-paragraphs": (["Đoạn một của ý kiến.", "Đoạn hai của ý kiến."], None),
    "line-break": (["Dòng một\nDòng hai"], None),
    "across-two-paragraphs": (["Ý kiến trên hai đoạn"], "Các nhiệm vụ phải"),
}


@pytest.mark.parametrize("case", sorted(COMMENTS))
def test_import_reads_a_word_comment_of_any_shape(case, sample_docx, tmp_path):
    """Crashed with 'YamlWriteError: YAML đọc lại khác dữ liệu' / 'YAML không đọc lại được' (a comment's
    second line became a line of YAML)."""
    paragraphs, end = COMMENTS[case]
    docx = comment_docx(sample_docx, tmp_path / f"{case}.docx", paragraphs, "Khắc phục tồn tại", end)
    out = tmp_path / "plan.yaml"
    done = run("import", docx, "-o", out)
    assert done.returncode == 0, done.stderr
    text = out.read_text(encoding="utf-8")
    for para in paragraphs:
        for line in para.split("\n"):
            assert line in text  # every line of the comment is in the plan's header comment
    assert run("validate", out).returncode in (0, 1)  # it reads (TODOs may be left)
    assert "lỗi cú pháp" not in run("validate", out).stderr


def test_import_of_a_file_whose_name_holds_a_newline(sample_docx, tmp_path):
    """The file name goes into the header comment: a newline in it broke the YAML."""
    docx = tmp_path / "ke hoach\nban 2.docx"
    shutil.copy(sample_docx, docx)
    out = tmp_path / "plan.yaml"
    done = run("import", docx, "-o", out)
    assert done.returncode == 0, done.stderr
    assert yaml.safe_load(out.read_text(encoding="utf-8"))["id"]


def test_dump_plan_holds_any_text_in_values_keys_and_comments():
    """A generator of hostile strings (line breaks YAML knows: LF, CR, NEL, LS, PS; controls; BOM; tabs;
    quotes; indicators): every text a plan may hold is read back as it was, every comment stays a comment,
    and a control character the plan loader refuses is left out (and said in the header)."""
    from generator.plan.loader import _FORBIDDEN_VALUE

    rng = random.Random(22)
    alphabet = ["a", "ế", " ", "  ", "\n", "\r", "\r\n", "\t", "\x85", "\u2028", "\u2029", "\x0b", "\x0c", "\x1f",
                "\x7f", "\x9f", "\ufeff", "#", ": ", "- ", "'", '"', "\\", "&", "*", "!", "|", ">", "%", "@", "`",
                "{", "}", "[", "]", ",", "?", "~", "null", "yes", "0x1F", "1e3", "😀"]
    dropped = 0
    for _ in range(400):
        words = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12))) for _ in range(6)]
        data = {"id": "x", "title": words[0], "preamble": [words[1], words[2]],
                "sections": [{"heading": words[3], "paragraphs": [words[4]]}]}
        comments = {("title",): [words[5]], ("preamble", 0): [words[2]]}
        text = dump_plan(data, comments, header=[words[1], words[5]])
        clean = {k: (_FORBIDDEN_VALUE.sub("", v) if isinstance(v, str) else v) for k, v in data.items()}
        clean["preamble"] = [_FORBIDDEN_VALUE.sub("", w) for w in data["preamble"]]
        clean["sections"] = [{"heading": _FORBIDDEN_VALUE.sub("", words[3]),
                              "paragraphs": [_FORBIDDEN_VALUE.sub("", words[4])]}]
        assert yaml.load(text, Loader=yaml.SafeLoader) == clean
        dropped += "ký tự điều khiển không nhìn thấy" in text
    assert dropped > 100  # the generator does make such texts


def reviewed_build(plan, folder, change, nth=1):
    """The build of `plan` (which records it as the base) with one text typed over by a reviewer."""
    built = next(f for f in build_plan(plan, folder / "build").files if f.suffix == ".docx")
    reviewed = folder / "reviewed.docx"
    replace_text(built, reviewed, *change, nth=nth)
    return reviewed


# ------------------------------------------------------------------------------------- editing: tabs

def test_rollover_and_onto_read_a_tab_before_a_comment(sample_docx, tmp_path):
    """validate and build accept 'year: 2021<TAB># …' (libyaml); rollover and import --onto crashed with
    ScannerError (PyYAML's scanner). The editor now reads with the same parser as validate."""
    plan = tmp_path / "plan.yaml"
    plan.write_text(tab_before_comment(plan_text()), encoding="utf-8")
    assert run("validate", plan).returncode == 0
    done = run("rollover", plan, "-o", tmp_path / "next.yaml")
    assert done.returncode == 0, done.stderr
    assert "year: 2022\t# năm của kế hoạch" in (tmp_path / "next.yaml").read_text(encoding="utf-8")
    reviewed = reviewed_build(plan, tmp_path, ("Thường xuyên", "Hằng tuần"))
    done = run("import", "--onto", plan, reviewed, "-o", tmp_path / "onto.yaml")
    assert done.returncode == 0, done.stderr
    assert "Hằng tuần" in (tmp_path / "onto.yaml").read_text(encoding="utf-8")


# ------------------------------------------------------------------------------------- editing: aliases

def test_rollover_moves_an_aliased_year_once_and_keeps_the_anchor(tmp_path):
    """The value shared by '&q' and '*q' was moved twice ('năm 2023' for a plan of 2022)."""
    plan = tmp_path / "plan.yaml"
    plan.write_text(aliased_timeframe(plan_text()), encoding="utf-8")
    assert run("validate", plan).returncode == 0
    done = run("rollover", plan, "-o", tmp_path / "next.yaml")
    assert done.returncode == 0, done.stderr
    text = (tmp_path / "next.yaml").read_text(encoding="utf-8")
    assert "timeframe: &q Quý II năm 2022\n" in text and "timeframe: *q\n" in text
    assert "2023" not in text
    assert done.stdout.count("Quý II năm") == 1  # listed once


@pytest.mark.parametrize("anchored", ["edited", "kept"])
def test_onto_edits_one_use_of_a_shared_value(anchored, sample_docx, tmp_path):
    """The editor replaced '&q Quý II…' with the new value, dropping the anchor: the edited plan's '*q'
    then pointed nowhere and --onto refused every edit. Now the reviewer's edit changes the place edited
    and no other: edited at the anchor, the alias' place keeps the value it showed (written out there);
    edited at the alias' place, the alias becomes that value and the anchor stays."""
    plan = tmp_path / "plan.yaml"
    if anchored == "edited":  # the reviewer typed 'Thường xuyên' over the first use of '&q Quý II năm 2021'
        plan.write_text(aliased_timeframe(plan_text()), encoding="utf-8")
        # the appendix prints the aliased task (tham-gia-01) first: the anchor's place is the second
        reviewed = reviewed_build(plan, tmp_path, ("Quý II năm 2021", "Thường xuyên"), nth=2)
        want = ["timeframe: &q Thường xuyên\n", "timeframe: Quý II năm 2021\n"]
    else:  # the reviewer typed 'Quý II năm 2021' over the second use, '*q' (= 'Thường xuyên')
        plan.write_text(plan_text(lambda t: t.replace("timeframe: Thường xuyên", "timeframe: &q Thường xuyên")
                                  .replace("timeframe: Quý II năm 2021", "timeframe: *q")), encoding="utf-8")
        reviewed = reviewed_build(plan, tmp_path, ("Thường xuyên", "Quý II năm 2021"), nth=1)
        want = ["timeframe: &q Thường xuyên\n", "timeframe: Quý II năm 2021\n"]
    out = tmp_path / "onto.yaml"
    done = run("import", "--onto", plan, reviewed, "-o", out)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "neo không tồn tại" not in done.stdout + done.stderr and "đổi theo" not in done.stdout
    text = out.read_text(encoding="utf-8")
    assert all(line in text for line in want) and "*q" not in text, text
    assert run("validate", out).returncode == 0


def test_editor_keeps_anchor_and_tag_of_a_replaced_value():
    from generator.workflow.yamledit import YamlEditor, get

    source = "a: &x !!str 'cũ'\nb: *x\nc: &y |-\n  dòng\nd: *y\n"
    for aliases, b, d in (("keep", "cũ", "dòng"), ("follow", "mới", "khác")):
        editor = YamlEditor(source, aliases=aliases)
        editor.set_scalar(get(editor.root, "a"), "mới")
        editor.set_scalar(get(editor.root, "c"), "khác")
        text = editor.apply()
        assert text.startswith("a: &x !!str 'mới'\n") and "c: &y |-\n  khác\n" in text, text
        assert yaml.safe_load(text) == {"a": "mới", "b": b, "c": "khác", "d": d}
    editor = YamlEditor(source)
    editor.set_scalar(get(editor.root, "b"), "riêng")  # one use of the shared value
    assert yaml.safe_load(editor.apply()) == {"a": "cũ", "b": "riêng", "c": "dòng", "d": "dòng"}


# ------------------------------------------------------------------------------------- editing: BOM, CRLF

@pytest.mark.parametrize("bom,crlf", [(True, False), (False, True), (True, True)])
def test_rollover_and_onto_keep_bom_and_line_endings(bom, crlf, sample_docx, tmp_path):
    """A BOM was dropped; a CRLF file ended with mixed line endings (inserted lines in LF)."""
    plan = tmp_path / "plan.yaml"
    plan.write_bytes(with_style(plan_text(lambda t: t.replace("Thường xuyên", "Hằng tháng")), bom=bom, crlf=crlf))
    reviewed = reviewed_sample(tmp_path)
    for args, out in ((("rollover", plan), tmp_path / "next.yaml"),
                      (("import", "--onto", plan, reviewed), tmp_path / "onto.yaml")):
        done = run(*args, "-o", out)
        assert done.returncode == 0, done.stderr
        data = out.read_bytes()
        assert data.startswith(b"\xef\xbb\xbf") == bom
        if crlf:
            assert data.count(b"\n") == data.count(b"\r\n") > 100
        else:
            assert b"\r" not in data
    # rollover inserted lines (its provenance comment, baselines): all CRLF in a CRLF plan
    assert b"# kehoach rollover" in (tmp_path / "next.yaml").read_bytes()
    assert "Thường xuyên".encode() in (tmp_path / "onto.yaml").read_bytes()


def test_rollover_and_onto_read_a_plan_of_cr_line_endings(sample_docx, tmp_path):
    """A plan whose lines end in CR alone (an old Mac editor; YAML reads CR as a line break, and validate and
    build take it): `rollover` of the PAPI plan crashed ('lỗi không mong đợi: ValueError: substring not found',
    exit 3), of the sample wrote its new lines in LF among the CR ones, and `import --onto` refused the
    reviewed build as 'không phải văn bản kehoach tạo từ' the plan (0% of its lines). They now work and write
    CR endings back."""
    papi = tmp_path / "papi.yaml"
    papi.write_bytes((SAMPLE.parent.parent.parent / "plans" / "quang-nam-papi-2020.yaml").read_bytes().replace(b"\n", b"\r"))
    done = run("rollover", papi, "-o", tmp_path / "papi-2021.yaml")
    assert done.returncode == 0 and b"\n" not in (tmp_path / "papi-2021.yaml").read_bytes(), done.stderr
    plan = tmp_path / "plan.yaml"
    plan.write_bytes(with_style(plan_text(lambda t: t.replace("Thường xuyên", "Hằng tháng"))).replace(b"\n", b"\r"))
    for args, out in ((("rollover", plan), tmp_path / "next.yaml"),
                      (("import", "--onto", plan, reviewed_sample(tmp_path)), tmp_path / "onto.yaml")):
        done = run(*args, "-o", out)
        assert done.returncode == 0, done.stdout + done.stderr
        data = out.read_bytes()
        assert b"\n" not in data and data.count(b"\r") > 100
    assert b"# kehoach rollover" in (tmp_path / "next.yaml").read_bytes()
    assert "Thường xuyên".encode() in (tmp_path / "onto.yaml").read_bytes()


def test_rollover_of_a_plan_named_with_a_newline_writes_a_plan_yaml_reads(tmp_path):
    """The provenance comment named the plan as it was: 'kehoach rollover: từ p<LF>lan.yaml, năm …' put
    'lan.yaml, năm 2020 → 2021' on a line of its own, outside the comment, and the new plan did not load. The
    name is now written escaped, on the comment's line."""
    plan = tmp_path / "p\nlan.yaml"
    shutil.copy(SAMPLE, plan)
    done = run("rollover", plan.name, "-o", "next.yaml", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    text = (tmp_path / "next.yaml").read_text(encoding="utf-8")
    assert "# kehoach rollover: từ p\\nlan.yaml, năm" in text
    assert yaml.safe_load(text)["id"]


def test_onto_of_a_plan_with_one_crlf_line_changes_only_the_edited_lines(sample_docx, tmp_path):
    """A plan saved once on Windows keeps one CRLF line among LF lines: `import --onto` changes the edited line
    only, never every line to CRLF (fresh mutant g-crlf-mixed, batch 4: 1 398 lines changed for one edit)."""
    text = with_style(plan_text(lambda t: t.replace("Thường xuyên", "Hằng tháng")))
    lines = text.split(b"\n")
    lines[3] += b"\r"
    plan = tmp_path / "plan.yaml"
    plan.write_bytes(b"\n".join(lines))
    done = run("import", "--onto", plan, reviewed_sample(tmp_path))
    assert done.returncode == 0, done.stderr
    after = plan.read_bytes().split(b"\n")
    assert after[3].endswith(b"\r") and sum(line.endswith(b"\r") for line in after) == 1
    changed = [i for i, (a, b) in enumerate(zip(lines, after)) if a != b]
    assert len(after) == len(lines) and 1 <= len(changed) <= 3, changed


def test_an_imported_plan_holds_no_control_validate_refuses(sample_docx, tmp_path):
    """A C1 control in a Word paragraph (U+009F: XML may hold it, Word shows nothing) was written to the plan,
    which validate then refused."""
    from tests.workflow.word_edit import replace_text

    docx = tmp_path / "c1.docx"
    replace_text(sample_docx, docx, "Khắc phục tồn tại, hạn chế.", "Khắc phục tồn\x9f tại, hạn\x85 chế.")
    out = tmp_path / "plan.yaml"
    assert run("import", docx, "-o", out).returncode == 0
    text = out.read_text(encoding="utf-8")
    assert "Khắc phục tồn tại, hạn" in text and "U+009F" in text
    done = run("validate", out)
    assert "ký tự điều khiển" not in done.stderr, done.stderr
