"""kehoach import of the signature block as offices type it (issue 19, real plans): "KT  GIÁM ĐỐC" typed
without the dot after KT is still the authority line (seen in a real plan of a state company's unit)."""
from __future__ import annotations

import docx
import pytest

from generator.importer.importer import import_document
from generator.word import read_docx
from tests.office.make_duties import make_duties_plan


def test_authority_typed_without_its_dot(tmp_path):
    path = make_duties_plan(tmp_path / "thien-tai.docx")
    document = docx.Document(str(path))
    changed = 0
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                for p in cell.paragraphs:
                    for run in p.runs:
                        if "KT. CHỦ TỊCH" in run.text:
                            run.text = run.text.replace("KT. CHỦ TỊCH", "KT  CHỦ TỊCH")
                            changed += 1
    for p in document.paragraphs:
        for run in p.runs:
            if "KT. CHỦ TỊCH" in run.text:
                run.text = run.text.replace("KT. CHỦ TỊCH", "KT  CHỦ TỊCH")
                changed += 1
    assert changed == 1
    document.save(str(path))
    result = import_document(read_docx(path).value, plan_id="thien-tai")
    signer = result.data["signer"]
    assert signer["signing_for"] == "CHỦ TỊCH" and signer["title"] == "PHÓ CHỦ TỊCH"
    assert signer["name"] == "Nguyễn Văn An"
    assert any("thiếu dấu chấm" in m.text for m in result.notes)


def _duties_edited(tmp_path, edit):
    """The Văn thư's duties plan with `edit(paragraph)` applied to every paragraph of its tables, imported."""
    path = make_duties_plan(tmp_path / "thien-tai.docx")
    document = docx.Document(str(path))
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                for p in cell.paragraphs:
                    edit(p)
    document.save(str(path))
    return import_document(read_docx(path).value, plan_id="thien-tai")


def test_archive_units_typed_with_semicolons_are_each_a_unit(tmp_path):
    """'Lưu: VT; KTN.' imports as two units, VT and KTN, as 'Lưu: VT, KTN.' does (fresh mutant
    i-archive-semicolon)."""
    def edit(p):
        for run in p.runs:
            run.text = run.text.replace("Lưu: VT, KTN.", "Lưu: VT; KTN.")
    assert _duties_edited(tmp_path, edit).data["archive"] == {"units": ["VT", "KTN"]}


def test_a_recipient_typed_with_a_comma_for_its_semicolon_imports_without_it(tmp_path):
    """'- Công an tỉnh,' (a comma where ';' belongs) imports as 'Công an tỉnh': kept, the next build would print
    '- Công an tỉnh,;' (fresh mutant f3-import-recipient-comma)."""
    def edit(p):
        for run in p.runs:
            run.text = run.text.replace("- Công an tỉnh;", "- Công an tỉnh,")
    assert {"text": "Công an tỉnh"} in _duties_edited(tmp_path, edit).data["recipients"]


def test_the_first_capital_line_under_the_authority_is_the_signers_title(tmp_path):
    """Under 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH' then a second capital line 'THƯỜNG TRỰC': the title is the first,
    the second is warned about as a line that cannot go into the plan (fresh mutant i-signer-first-title)."""
    def edit(p):
        if p.text == "PHÓ CHỦ TỊCH":
            p.insert_paragraph_before("PHÓ CHỦ TỊCH")
            p.runs[0].text = "THƯỜNG TRỰC"
    result = _duties_edited(tmp_path, edit)
    assert result.data["signer"]["title"] == "PHÓ CHỦ TỊCH"
    assert any("dòng chữ ký thêm" in m.text and "THƯỜNG TRỰC" in m.text for m in result.notes)


def test_an_archive_line_ending_with_a_comma_gives_no_empty_unit(tmp_path):
    """'Lưu: VT, KTN,' (a comma where the full stop belongs) gives the units VT and KTN: an empty unit would make
    the plan fail `validate` ("archive.units[2]: không được để trống") (fresh mutant g-import-archive-empty-unit)."""
    def edit(p):
        for run in p.runs:
            run.text = run.text.replace("Lưu: VT, KTN.", "Lưu: VT, KTN,")
    assert _duties_edited(tmp_path, edit).data["archive"] == {"units": ["VT", "KTN"]}


def test_the_signers_name_is_the_last_line_in_small_letters(tmp_path):
    """The title typed in small letters ('Phó Chủ tịch') above the name: the name is still the last line
    ('Nguyễn Văn An'), the title line is warned about (fresh mutant g-import-signer-first-name took the title
    for the name)."""
    def edit(p):
        if p.text == "PHÓ CHỦ TỊCH":
            p.runs[0].text = "Phó Chủ tịch"
    result = _duties_edited(tmp_path, edit)
    assert result.data["signer"]["name"] == "Nguyễn Văn An"
    assert any("dòng chữ ký thêm" in m.text and "Phó Chủ tịch" in m.text for m in result.notes)


@pytest.mark.parametrize("typed, copies", [
    ("Lưu: VT, KTN (05);", 5), ("Lưu: VT, KTN (05).", 5), ("Lưu: VT, KTN (05)", 5), ("Lưu: VT, KTN (05 bản);", 5),
    ("Lưu: VT, KTN (10b);", 10), ("Lưu: VT, KTN (09);", 9), ("Lưu: VT, KTN;", None), ("Lưu: VT, KTN (05),", 5),
    ("Lưu VT, KTN (05).", 5), ("Lưu VT, KTN.", None), ("lưu : VT, KTN.", None),  # the colon forgotten or spaced
])
def test_the_copies_count_is_read_whatever_ends_the_archive_line(tmp_path, typed, copies):
    """'Lưu: VT, KTN (05);' (a ';' typed after the count, as on the Nơi nhận lines above it) gives the units VT
    and KTN and 5 copies, as 'Lưu: VT, KTN (05).' does; the count never becomes part of a unit "KTN (05)" that
    the next build would print as an office (fresh mutant f6-imp-archive-semicolon). A line typed without its
    colon ('Lưu VT, KTN.') is still the archive line: it fell back to 'VT' alone and KTN was lost."""
    def edit(p):
        for run in p.runs:
            run.text = run.text.replace("Lưu: VT, KTN.", typed)
    expected = {"units": ["VT", "KTN"], **({"copies": copies} if copies else {})}
    assert _duties_edited(tmp_path, edit).data["archive"] == expected


def _last_clause_closed(tmp_path, last: str):
    """The sample's build whose section IV ends with clause '3.' typed `last` (no 'Trên đây …' paragraph after
    it), imported."""
    from generator.render.build import build_plan
    from tests.conftest import SAMPLE
    from tests.word.test_check import Doc, q, remove

    doc = Doc(next(f for f in build_plan(SAMPLE, tmp_path / "build").files if f.suffix == ".docx"))
    remove(doc.para("Trên đây là Kế hoạch"))
    remove(doc.para("Kinh phí thực hiện Kế hoạch"))
    texts = list(doc.para("3. Kinh phí thực hiện").iter(q("w:t")))
    texts[0].text = last
    for t in texts[1:]:
        t.text = ""
    return import_document(read_docx(doc.save(tmp_path / "closing.docx")).value, plan_id="sample")


def test_a_numbered_last_clause_ending_with_the_closing_mark_becomes_the_closing_and_the_summary_says_so(tmp_path):
    """'3. Các cơ quan … triển khai thực hiện./.' ends the body: the whole clause becomes the closing sentence
    (kehoach prints it unnumbered), and the summary tells the drafter so, naming the clause (fresh mutant
    f6-zone-closing-labelled took it for the closing without a word)."""
    result = _last_clause_closed(tmp_path, "3. Các cơ quan, đơn vị nghiêm túc triển khai thực hiện./.")
    assert result.data["closing"] == "Các cơ quan, đơn vị nghiêm túc triển khai thực hiện"
    guesses = [m.text for m in result.notes if m.level == "guess" and "./." in m.text]
    assert guesses == ["'./.' ở cuối khoản '3.' của mục cuối: lấy cả khoản '3.' làm câu kết (kehoach in câu kết "
                       "thành đoạn riêng, không đánh số)"]


def test_a_closing_sentence_at_the_end_of_a_numbered_clause_leaves_the_clause_in_the_plan(tmp_path):
    """'3. Sở Tài chính bố trí kinh phí. Trên đây là Kế hoạch …./.': only the last sentence is the closing, the
    clause keeps the rest; the clause's words are not lost into the closing (fresh mutant
    f6-zone-closing-labelled)."""
    result = _last_clause_closed(tmp_path, "3. Sở Tài chính bố trí kinh phí. Trên đây là Kế hoạch cải thiện Chỉ số "
                                           "PAPI năm 2021./.")
    assert result.data["closing"] == "Trên đây là Kế hoạch cải thiện Chỉ số PAPI năm 2021"
    rest = {k: v for k, v in result.data.items() if k != "closing"}
    assert "Sở Tài chính bố trí kinh phí." in repr(rest)


@pytest.mark.parametrize("kt_line, post", [(True, "PHÓ CHỦ TỊCH"), (False, "CHỦ TỊCH")])
def test_on_behalf_of_typed_without_its_dot(tmp_path, kt_line, post):
    """'TM ỦY BAN NHÂN DÂN' (the dot after TM forgotten, as 'KT  CHỦ TỊCH' above) is still the on-behalf-of
    line: the plan gets on_behalf_of 'ỦY BAN NHÂN DÂN' and the post under it stays the signer's title, nothing
    is dropped (fresh mutant imp-undotted-tm read the TM line as the title and dropped 'PHÓ CHỦ TỊCH' with a
    warning). Without the KT line the Chủ tịch signs himself: his post 'CHỦ TỊCH' is the title."""
    def edit(p):
        if p.text == "TM. ỦY BAN NHÂN DÂN":
            p.runs[0].text = "TM ỦY BAN NHÂN DÂN"
        elif p.text == "KT. CHỦ TỊCH" and not kt_line:
            p._element.getparent().remove(p._element)
        elif p.text == "PHÓ CHỦ TỊCH" and not kt_line:
            p.runs[0].text = "CHỦ TỊCH"
    result = _duties_edited(tmp_path, edit)
    signer = result.data["signer"]
    assert signer["on_behalf_of"] == "ỦY BAN NHÂN DÂN"
    assert signer["title"] == post and signer["name"] == "Nguyễn Văn An"
    assert ("signing_for" in signer) == kt_line
    assert any("thiếu dấu chấm sau 'TM'" in m.text for m in result.notes)
    assert not [m.text for m in result.notes if "chữ ký" in m.text and m.level == "warning"]
