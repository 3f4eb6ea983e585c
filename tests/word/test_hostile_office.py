"""Issue 22, second hostile campaign ("the Word side under attack and in a busy office"): each test makes its
file with a generator of tests/word/hostile_office.py (changes to a .docx kehoach built) and asserts what
kehoach now answers; each failed on the code before its fix (bench/hostile_office.py runs every family)."""
from __future__ import annotations

import unicodedata

import pytest
from lxml import etree

from generator.core.errors import WordFileError
from generator.word import read_docx
from tests.core.hostile import ROOT
from tests.test_cli import run as run_cli
from tests.word import hostile_office as fam



def run(*args) -> tuple[int, str]:
    """(exit code, everything said) of `kehoach ARGS`."""
    done = run_cli(*args)
    return done.returncode, done.stdout + done.stderr


def test_a_million_combining_marks_are_refused_by_the_text_budget(seed_built, tmp_path):
    """A million combining marks (Zalgo text) after one letter of Quốc hiệu, Số and Nơi nhận: `check`,
    `check --fix` and `import` ran past 60 s of CPU and were killed. The package now counts the characters
    of text of every part together and refuses the file, naming the limit, before any rule reads it."""
    path = fam.combining_flood(seed_built[1], tmp_path)
    with pytest.raises(WordFileError, match=r"quá nhiều chữ: hơn 1\.000\.000 ký tự"):
        read_docx(path)


def test_the_text_budget_counts_every_part_together(seed_built, tmp_path):
    """Three words of 300,000 letters each (Quốc hiệu, Số, Nơi nhận): under a budget of 500,000 the file is
    refused though no paragraph passes it."""
    path = fam.long_word(seed_built[1], tmp_path, n=300_000)
    assert read_docx(path, max_chars=1_000_000).value is not None
    with pytest.raises(WordFileError, match="quá nhiều chữ"):
        read_docx(path, max_chars=500_000)


_PIECES = """
import resource, sys
resource.setrlimit(resource.RLIMIT_CPU, (20, 21))
from generator.nd30.zones import pieces
from generator.word.model import Paragraph, Run
text = "CỘNG HÒA" + "\\u0301" * 1_000_000 + "\\tĐộc lập"
got = pieces(Paragraph(index=0, runs=[Run(text=text, bold=True)]))
print([(len(x.text), x.bold, x.col) for x in got])
"""


def test_pieces_of_a_long_paragraph_are_cut_in_linear_time():
    """The header's pieces (text between tabs) were grown one character at a time on a closure's variable, which
    copies the text each time: 200,000 combining marks in Quốc hiệu took `check` 5.4 s, a million ran past
    60 s. A paragraph of a million characters (the text budget) is now cut within 20 s of CPU (a fraction of
    a second), in a process limited to that (CPU time: the machine may be busy)."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", _PIECES], capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert done.returncode == 0, done.stderr[-500:]
    assert done.stdout.strip() == "[(1000008, True, 0), (7, True, 1)]"


def test_a_character_reference_xml_forbids_is_said_in_vietnamese(seed_built, tmp_path):
    """'&#xFFFF;' in Số: lxml's 'xmlParseCharRef: invalid xmlChar value 65535' was printed as it was."""
    path = fam.char_refs(seed_built[1], tmp_path)
    code, out = run("check", path)
    assert code == 1
    assert "char-refs.docx" in out and "có ký tự không được phép trong XML" in out
    assert "xmlParseCharRef" not in out and "invalid" not in out


def test_an_xml_error_no_table_knows_is_said_by_its_place():
    """Any parser message library_vi does not know is said by its line and column, never in English."""
    from generator.word.package import parse_xml

    with pytest.raises(WordFileError) as caught:
        parse_xml(b"<a><!-- not closed</a>", "x.docx", "word/document.xml")
    said = str(caught.value)
    assert "lỗi cú pháp ở dòng 1, cột" in said and "Comment" not in said


def test_a_text_node_over_the_parser_limit_is_said_in_vietnamese(seed_built, tmp_path):
    """One w:t of 6 million letters (over libxml2's 10 MB for one text node): 'Resource limit exceeded: Text
    node too long, try XML_PARSE_HUGE' was printed."""
    path = fam.huge_text_node(seed_built[1], tmp_path)
    code, out = run("check", path)
    assert code == 1 and "huge-text-node.docx" in out
    assert "dài hơn 10 MB" in out and "Resource" not in out and "XML_PARSE_HUGE" not in out


def test_a_header_that_is_the_document_itself_is_refused(seed_built, tmp_path):
    """A header relationship whose target is word/document.xml: kehoach read it, and `check --fix` gave it to
    LibreOffice, which recursed until its 60 s timeout, twice (2 minutes, 29 s of CPU)."""
    path = fam.outside_rels(seed_built[1], tmp_path)
    with pytest.raises(WordFileError, match=r"lấy chính văn bản \(word/document\.xml\) làm một phần.*vòng lặp"):
        read_docx(path)
    code, out = run("check", "--fix", path, "-o", tmp_path / "fixed.docx")
    assert code == 1 and "outside-rels.docx" in out and "vòng lặp" in out
    assert not (tmp_path / "fixed.docx").exists()


def test_an_alt_chunk_of_the_document_itself_is_refused(seed_built, tmp_path):
    path = fam.altchunk(seed_built[1], tmp_path)
    with pytest.raises(WordFileError, match="rIdC3, vòng lặp"):
        read_docx(path)


def test_a_review_saved_decomposed_changes_nothing_in_the_plan(seed_built, tmp_path):
    """The reviewed build saved with every text in NFD (decomposed: 'ê' + U+0301), as some programs write it:
    `import --onto` reported 338 edits ('sửa “Mục đích” → “Mục đích”') and wrote them, decomposed, into the
    plan, and 36 'not applied'. Nothing the eye sees changed, so nothing changes."""
    plan, docx = seed_built
    path = fam.decomposed(docx, tmp_path)
    text = read_docx(path).value
    assert any(unicodedata.normalize("NFC", p.text) != p.text for p in text.paragraphs())
    code, out = run("import", "--onto", plan, path, "-o", tmp_path / "onto.yaml")
    assert code == 0, out
    assert "0 sửa đổi đã đưa vào, 0 bỏ qua, 0 chưa đưa vào" in out
    assert (tmp_path / "onto.yaml").read_text(encoding="utf-8") == plan.read_text(encoding="utf-8")


def test_import_says_a_long_header_line_short(seed_built, tmp_path):
    """A word of 300,000 letters after Quốc hiệu: `import` printed it whole, twice (the unread header line and
    the coverage's missing words): one line of 900,000 characters on the drafter's terminal."""
    path = fam.long_word(seed_built[1], tmp_path, n=300_000)
    code, out = run("import", path, "-o", tmp_path / "plan.yaml")
    assert "dòng ở phần đầu không đọc được" in out
    assert max(len(line) for line in out.splitlines()) < 2_000
    assert (tmp_path / "plan.yaml").exists()


def test_generators_write_well_formed_parts(seed_built, tmp_path):
    """The families meant to be read (not the ones about broken XML) write well-formed XML everywhere."""
    broken = {"noncharacters", "char-refs", "huge-text-node"}
    for name, make in fam.FAMILIES.items():
        if name in broken:
            continue
        made = make(seed_built[1], tmp_path)
        for path in made if isinstance(made, list) else [made]:
            pkg = fam.Package(path)
            for part, data in pkg.parts.items():
                if part.endswith((".xml", ".rels")):
                    etree.fromstring(data, etree.XMLParser(huge_tree=True))


def test_import_says_a_long_comment_author_short(seed_built, tmp_path):
    """A comment whose author is 100,000 letters long (attributes are not in the text budget): `import`
    printed the author whole in its list of the Word file's comments."""
    path = fam.huge_attributes(seed_built[1], tmp_path, n=400_000)
    code, out = run("import", path, "-o", tmp_path / "plan.yaml")
    assert "Ý kiến (comment) trong tệp Word (1)" in out and "ý kiến" in out
    assert max(len(line) for line in out.splitlines()) < 2_000


def test_a_file_name_cannot_add_a_github_annotation(seed_built, tmp_path):
    """`check --format github` printed the file name as it was in `file=`: a file named with a newline and
    "::error file=…::…" made a second workflow command of the name's choosing. Now escaped as GitHub says
    (':' and ','), the newline shown as '\\n' as in every output form (cli/printer.printable)."""
    evil = tmp_path / "x\n::error file=evil.docx::pwn.docx"
    fam.strict_mixed(seed_built[1], tmp_path).rename(evil)  # a file with findings: one annotation each
    code, out = run("check", "--format", "github", evil)
    lines = out.splitlines()
    assert code == 1 and lines
    # one annotation per line, each naming the whole file, escaped (no line of the name's own making)
    assert all(line.startswith(("::error file=", "::warning file=")) and "/x\\n%3A%3Aerror file=evil.docx%3A%3Apwn.docx,"
               in line for line in lines), lines


def test_more_than_thirty_combining_marks_in_a_row_are_refused(seed_built, tmp_path):
    """900,000 combining marks under the text budget (300,000 after one letter of Quốc hiệu, Số, Nơi nhận): every
    rule normalised them again, `check --fix` took 6.6 s of CPU. Unicode's stream-safe form allows 30 marks in
    a row (Vietnamese decomposed needs two): 30 are read, 31 refused, naming the part."""
    assert read_docx(fam.combining_flood(seed_built[1], tmp_path, n=30)).value is not None
    with pytest.raises(WordFileError, match=r"word/document\.xml có hơn 30 dấu \(ký tự kết hợp\) liền nhau"):
        read_docx(fam.combining_flood(seed_built[1], tmp_path, n=31))


def test_onto_says_a_long_comment_author_short(seed_built, tmp_path):
    """The same author in `import --onto`'s list of comments to answer: printed whole (a 1,240,000-character
    line for an author of a million letters)."""
    plan, docx = seed_built
    path = fam.huge_attributes(docx, tmp_path, n=400_000)
    code, out = run("import", "--onto", plan, path, "-o", tmp_path / "onto.yaml")
    assert "Ý kiến (comment) cần trả lời (1)" in out
    assert max(len(line) for line in out.splitlines()) < 2_000
