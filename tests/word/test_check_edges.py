"""`kehoach check`, rule by rule at the edges the fresh mutants of batch 7 found thin: the Nơi nhận label's case,
the signing authority with and without its dot, each appendix's page numbers starting at 1 and nothing else,
points a), b) restarting under each new mục, a first item numbered 0. Each case changes kehoach's build of the
sample in one place and asserts the findings of that one rule, word for word (the instruction the user follows)."""
from __future__ import annotations

import pytest

from generator.nd30.check import check_docx
from tests.word.test_check import Doc, q, remove, sample_docx, set_text  # noqa: F401


def _found(sample_docx, tmp_path, mutate, rule):
    doc = Doc(sample_docx)
    mutate(doc)
    return [(f.level, f.text) for f in check_docx(doc.save(tmp_path / "edge.docx")).findings if f.rule == rule]


# ---------------------------------------------------------------- the “Nơi nhận:” label (PL I §II.9.d)

WRITE_IT = "phải viết “Nơi nhận:” (chữ in thường, sau có dấu hai chấm)"
OWN_LINE = "“Nơi nhận:” phải trên một dòng riêng: xuống dòng sau dấu hai chấm"


@pytest.mark.parametrize("typed,told", [
    ("Nơi nhận:", []),
    ("NƠI NHẬN:", [WRITE_IT]),  # capitals: told to write it in lower case, never "xuống dòng" (mutant 7)
    ("Nơi Nhận:", [WRITE_IT]),
    ("nơi nhận:", [WRITE_IT]),
    ("Nơi nhận", [WRITE_IT]),  # without its colon
    ("Nơi nhận: - Thường trực Tỉnh ủy;", [OWN_LINE]),
])
def test_the_recipients_label_gets_the_instruction_its_fault_needs(sample_docx, tmp_path, typed, told):
    found = _found(sample_docx, tmp_path, lambda d: set_text(d.para("Nơi nhận"), "Nơi nhận:", typed),
                   "recipients.label")
    assert found == [("error", t) for t in told]


# ---------------------------------------------------------------- recipients' lines, one by one

# each message says what the line ends with, then what ND30 asks: "dòng cuối kết thúc bằng dấu “.”" alone read as a
# fact about a "- Lưu: VT, NC.Châu" that ends with no mark (KH07, user trial)
END_SEMI = "mỗi nơi nhận phải kết thúc bằng dấu “;”"
END_STOP = "dòng cuối phải kết thúc bằng dấu “.”"


@pytest.mark.parametrize("para,old,new,told", [
    ("- Các Sở", "ngành;", "ngành.", [f"dòng này kết thúc bằng “.”, {END_SEMI}: sửa “.” thành “;”"]),
    ("- Các Sở", "ngành;", "ngành,", [f"dòng này kết thúc bằng “,”, {END_SEMI}: sửa “,” thành “;”"]),
    ("- Các Sở", "ngành;", "ngành", [f"dòng này chưa có dấu ở cuối, {END_SEMI}: gõ “;” ở cuối dòng"]),
    ("- Thường trực", "(b/c);", "(b/c);", []),  # the first line, as it should be
    ("- Lưu", "(02).", "(02);", [f"dòng này kết thúc bằng “;”, {END_STOP}: sửa “;” thành “.”"]),
    ("- Lưu", "(02).", "(02)", [f"dòng này chưa có dấu ở cuối, {END_STOP}: gõ “.” ở cuối dòng"]),
    ("- Thường trực", "(b/c);", "; (b/c)", ["dấu “;” đặt cuối nơi nhận, sau phần ghi chú trong ngoặc"]),
])
def test_each_recipient_line_ends_with_a_semicolon_and_the_last_with_a_stop(sample_docx, tmp_path, para, old,
                                                                             new, told):
    found = _found(sample_docx, tmp_path, lambda d: set_text(d.para(para), old, new), "recipients.punctuation")
    assert found == [("error", t) for t in told]


def test_a_recipient_without_its_dash_is_told_to_add_it_and_the_archive_line_must_be_last(sample_docx, tmp_path):
    found = _found(sample_docx, tmp_path, lambda d: set_text(d.para("- Các Sở"), "- Các", "Các"), "recipients.items")
    assert found == [("error", "mỗi nơi nhận bắt đầu bằng gạch đầu dòng “-”")]

    def archive_first(d: Doc) -> None:
        archive = d.para("- Lưu")
        remove(archive)
        d.para("- Thường trực").addprevious(archive)
    found = _found(sample_docx, tmp_path, archive_first, "recipients.archive")
    assert ("error", "dòng “- Lưu: …” phải là dòng cuối cùng của Nơi nhận: chuyển dòng này xuống cuối") in found


# ---------------------------------------------------------------- the signing authority (PL I §II.7.b)

ABBREVIATE = "viết tắt quyền hạn đúng “TM.”, “KT.” (chữ in hoa, dấu chấm)"


@pytest.mark.parametrize("para,old,new,told", [
    ("TM. ỦY BAN", "TM. ", "TM ", [ABBREVIATE]),  # without its dot (mutant 7)
    ("KT. CHỦ TỊCH", "KT. ", "KT ", [ABBREVIATE]),
    ("TM. ỦY BAN", "TM. ", "T/M ", [ABBREVIATE]),
    ("KT. CHỦ TỊCH", "KT. ", "K/T ", [ABBREVIATE]),
    ("KT. CHỦ TỊCH", "KT. ", "K.T ", [ABBREVIATE]),
    ("TM. ỦY BAN", "TM. ", "T.M ", [ABBREVIATE]),
    ("TM. ỦY BAN", "TM. ", "TM. ", []),
    ("KT. CHỦ TỊCH", "KT. ", "KT. ", []),
])
def test_the_authority_is_abbreviated_tm_and_kt_with_their_dot(sample_docx, tmp_path, para, old, new, told):
    found = _found(sample_docx, tmp_path, lambda d: set_text(d.para(para), old, new), "signer.authority")
    assert found == [("error", t) for t in told]


def test_an_authority_line_with_no_post_under_it_names_the_post_to_add(sample_docx, tmp_path):
    def tm_alone(d: Doc) -> None:
        remove(d.para("KT. CHỦ TỊCH"))
        remove(d.para("PHÓ CHỦ TỊCH"))
    assert _found(sample_docx, tmp_path, tm_alone, "signer.authority") == [
        ("warning", "sau “TM. …” phải có dòng chức vụ của người ký (ví dụ “CHỦ TỊCH”)")]
    assert _found(sample_docx, tmp_path, lambda d: remove(d.para("PHÓ CHỦ TỊCH")), "signer.authority") == [
        ("warning", "sau “KT. …” phải có dòng chức vụ của người ký (ví dụ “PHÓ CHỦ TỊCH”)")]


@pytest.mark.parametrize("title,reported", [("TS. ", True), ("KS. ", True), ("BS. ", True), ("CN. ", True),
                                            ("Ths. ", True), ("", False), ("Tsô ", False)])
def test_a_degree_before_the_signers_name_is_an_error(sample_docx, tmp_path, title, reported):
    found = _found(sample_docx, tmp_path, lambda d: set_text(d.para("Hồ Quang Bửu"), "Hồ", f"{title}Hồ"),
                   "signer.name")
    assert found == ([("error", "không ghi học hàm, học vị trước họ tên người ký")] if reported else [])


# ---------------------------------------------------------------- appendices' page numbers (PL I §III.1.đ)

RESTART = ("số trang của phụ lục phải đánh riêng, bắt đầu từ 1: Insert › Page Number › Format Page Numbers › "
           "Start at 1")


def _page_starts(*starts):
    """The appendices' sections (in order) restart their page numbers at `starts` (None: no restart at all)."""
    def mutate(d: Doc) -> None:
        restarts = list(d.xml().iter(q("w:pgNumType")))
        assert len(restarts) == len(starts)
        for node, start in zip(restarts, starts):
            if start is None:
                node.attrib.pop(q("w:start"))
            else:
                node.set(q("w:start"), str(start))
    return mutate


@pytest.mark.parametrize("starts,reported", [
    ((1, 1), []),
    ((2, 1), ["Phụ lục I"]),  # restarting at 2 is not restarting at 1 (mutant 7)
    ((1, 2), ["Phụ lục II"]),
    ((0, 1), ["Phụ lục I"]),
    ((None, 1), ["Phụ lục I"]),  # running on from the plan's pages
    ((2, None), ["Phụ lục I", "Phụ lục II"]),
])
def test_each_appendix_restarts_its_page_numbers_at_1(sample_docx, tmp_path, starts, reported):
    doc = Doc(sample_docx)
    _page_starts(*starts)(doc)
    findings = [f for f in check_docx(doc.save(tmp_path / "pages.docx")).findings
                if f.rule == "appendix.page-numbers"]
    assert [f.text for f in findings] == [RESTART] * len(reported)
    assert [f.level for f in findings] == ["error"] * len(reported)
    assert [f.excerpt for f in findings] == reported, [(f.where, f.excerpt) for f in findings]


# ---------------------------------------------------------------- appendix labels, titles, "(Kèm theo …)"

@pytest.mark.parametrize("old,new,level,told", [
    ("Phụ lục II", "PHỤ LỤC II", "error", "nhãn phụ lục: viết “Phụ lục II” (chữ in thường), không viết hoa toàn bộ"),
    ("Phụ lục II", "Phụ lục IV", "error", "nhãn phụ lục: theo thứ tự phải là “Phụ lục II”"),
    ("Phụ lục I", "Phụ lục 1", "error", "nhãn phụ lục: có từ hai phụ lục trở lên thì đánh số La Mã: “Phụ lục I”"),
])
def test_an_appendix_label_is_told_the_label_it_should_have(sample_docx, tmp_path, old, new, level, told):
    def mutate(d: Doc) -> None:
        label = next(p for p in d.paragraphs() if "".join(t.text or "" for t in p.iter(q("w:t"))) == old)
        set_text(label, old, new)
    assert _found(sample_docx, tmp_path, mutate, "appendix.label") == [(level, told)]


def test_the_attached_line_names_the_issuing_body_and_is_in_brackets(sample_docx, tmp_path):
    whose = "dòng “(Kèm theo …)” ghi số, ký hiệu, ngày ban hành và cơ quan ban hành văn bản"
    found = _found(sample_docx, tmp_path, lambda d: set_text(d.para("(Kèm theo"), "2021 của", "2021 tại"),
                   "appendix.attached")
    assert found == [("warning", whose)]
    found = _found(sample_docx, tmp_path, lambda d: set_text(d.para("(Kèm theo"), "(Kèm theo", "Kèm theo"),
                   "appendix.attached")
    assert found == [("error", "thiếu dòng “(Kèm theo Kế hoạch số …/KH-… ngày … của …)” dưới tên phụ lục: gõ "
                                "dòng này, in nghiêng, canh giữa")]


# ---------------------------------------------------------------- numbering restarts in each scope

def _retype(*pairs):
    def mutate(d: Doc) -> None:
        for start, old, new in pairs:
            set_text(d.para(start), old, new)
    return mutate


@pytest.mark.parametrize("case,pairs,told", [
    # points a), b) straight under a new mục start again at a) (mutant 7: the first "a)" was called out of order)
    ("points-under-a-new-muc", [("1. Năm 2021", "1.", "a)"), ("2. Đối với", "2.", "b)")], []),
    ("points-skip-under-a-new-muc", [("1. Năm 2021", "1.", "a)"), ("2. Đối với", "2.", "c)")],
     ["điểm “c)” bị bỏ qua số thứ tự: theo thứ tự phải là “b)”"]),
    ("point-repeated", [("1. Năm 2021", "1.", "a)"), ("2. Đối với", "2.", "a)")],
     ["điểm “a)” lặp lại: theo thứ tự phải là “b)”"]),
    ("point-b-first-under-a-new-muc", [("1. Năm 2021", "1.", "b)"), ("2. Đối với", "2.", "c)")],
     ["điểm “b)” bị bỏ qua số thứ tự: theo thứ tự phải là “a)”"]),
    # a khoản restarts its points: "a)" under "2." after the "a)" of "1." (turned into a point of its own)
    ("points-under-a-new-khoan", [("- Khắc phục", "- ", "a) ")], []),
    # the first khoản numbered 0: out of order, never a repeat of anything (nothing came before it)
    ("first-khoan-numbered-0", [("1. Mục đích", "1.", "0.")], ["khoản “0.” sai thứ tự: theo thứ tự phải là “1.”",
                                                             "khoản “2.” bị bỏ qua số thứ tự: theo thứ tự phải là “1.”"]),
    ("first-muc-repeated", [("II. CHỈ TIÊU", "II.", "I.")], ["mục “I.” lặp lại: theo thứ tự phải là “II.”",
                                                     "mục “III.” bị bỏ qua số thứ tự: theo thứ tự phải là “II.”"]),
    ("last-khoan-skipped", [("3. Kinh phí", "3.", "4.")], ["khoản “4.” bị bỏ qua số thứ tự: theo thứ tự phải là “3.”"]),
    ("khoan-restarts-at-1-under-each-muc", [], []),
])
def test_numbering_restarts_in_each_scope_and_says_which_number_is_expected(sample_docx, tmp_path, case, pairs,
                                                                            told):
    found = _found(sample_docx, tmp_path, _retype(*pairs), "heading.sequence")
    assert found == [("error", t) for t in told]


# ---------------------------------------------------------------- more of the tail: what is missing, what is in the way

def test_a_post_typed_under_the_signers_name_is_warned_by_name(sample_docx, tmp_path):
    def post_under_name(d: Doc) -> None:
        import copy

        name = d.para("Hồ Quang Bửu")
        post = copy.deepcopy(d.para("PHÓ CHỦ TỊCH"))
        name.addnext(post)
    assert _found(sample_docx, tmp_path, post_under_name, "signer.name") == [
        ("warning", "dòng “PHÓ CHỦ TỊCH” in dưới họ tên người ký: khối chữ ký kết thúc bằng họ tên; chức vụ ghi "
                    "phía trên chữ ký")]


@pytest.mark.parametrize("half_points,told", [(22, []), (24, ["Danh sách nơi nhận: cỡ chữ 12, ND30 quy định cỡ 11"]),
                                              (20, ["Danh sách nơi nhận: cỡ chữ 10, ND30 quy định cỡ 11"])])
def test_recipients_are_size_11_exactly(sample_docx, tmp_path, half_points, told):
    from tests.word.test_check import run_props

    found = _found(sample_docx, tmp_path, lambda d: run_props(d.para("- Các Sở"), "w:sz", sz={"val": half_points}),
                   "recipients.size")
    assert found == [("error", t) for t in told]


# ---------------------------------------------------------------- appendices: sections, titles

def test_two_appendices_in_one_section_are_told_to_break_the_section(sample_docx, tmp_path):
    def one_section(d: Doc) -> None:
        # the section break closing Phụ lục I's section (the last sectPr inside a paragraph)
        breaks = [s for s in d.xml().iter(q("w:sectPr")) if s.getparent().tag == q("w:pPr")]
        breaks[-1].getparent().remove(breaks[-1])
    found = _found(sample_docx, tmp_path, one_section, "appendix.section")
    assert found == [("error", "mỗi phụ lục một phần (section) riêng để đánh số trang riêng: chèn Layout › Breaks › "
                               "Next Page trước phụ lục")]


@pytest.mark.parametrize("typed,warned", [("CÁC NỘI DUNG CÔNG VIỆC CỤ THỂ", False),
                                          ("Các nội dung công việc cụ thể", True),
                                          ("CÁC NỘI DUNG công việc CỤ THỂ", True)])
def test_an_appendix_title_in_capitals_only(sample_docx, tmp_path, typed, warned):
    found = _found(sample_docx, tmp_path,
                   lambda d: set_text(d.para("CÁC NỘI DUNG"), "CÁC NỘI DUNG CÔNG VIỆC CỤ THỂ", typed), "appendix.title")
    assert found == ([("warning", "tên phụ lục trình bày chữ in hoa, đậm")] if warned else [])


# ---------------------------------------------------------------- points and mục titles

@pytest.mark.parametrize("letter,told", [
    ("a)", []), ("f)", ["điểm “f)” không theo thứ tự chữ cái tiếng Việt (a, b, c, d, đ, e, g, h, i, k…)"]),
    ("j)", ["điểm “j)” không theo thứ tự chữ cái tiếng Việt (a, b, c, d, đ, e, g, h, i, k…)"]),
    ("w)", ["điểm “w)” không theo thứ tự chữ cái tiếng Việt (a, b, c, d, đ, e, g, h, i, k…)"]),
])
def test_a_point_lettered_outside_the_vietnamese_alphabet_is_an_error(sample_docx, tmp_path, letter, told):
    found = _found(sample_docx, tmp_path, lambda d: set_text(d.para("a) Các nhiệm vụ"), "a)", letter),
                   "heading.numbering")
    assert found == [("error", t) for t in told]


@pytest.mark.parametrize("typed,told", [
    ("II. CHỈ TIÊU", []),
    ("II. Chỉ tiêu", ["tiêu đề mục (I., II., …) phải viết in hoa: chọn dòng và bấm Shift+F3 đến khi thành chữ in hoa"]),
    ("II. CHỈ TIÊU (theo phụ lục)", []),  # an aside in brackets keeps its own case
])
def test_a_muc_title_is_in_capitals(sample_docx, tmp_path, typed, told):
    found = _found(sample_docx, tmp_path, lambda d: set_text(d.para("II. CHỈ TIÊU"), "II. CHỈ TIÊU", typed),
                   "heading.style")
    assert found == [("error", t) for t in told]


# ---------------------------------------------------------------- the body's text: size, closing mark, bases, titles

BODY = "Kinh phí thực hiện Kế hoạch"


@pytest.mark.parametrize("half_points,told", [
    (26, []), (28, []),  # 13 and 14 are both right, whatever the size pair
    (24, ["cỡ chữ nội dung 12, phải từ 13 đến 14: chọn đoạn và đặt cỡ chữ 14"]),
    # half points, written with the Vietnamese decimal comma ("12.5" before)
    (25, ["cỡ chữ nội dung 12,5, phải từ 13 đến 14: chọn đoạn và đặt cỡ chữ 14"]),
    (29, ["cỡ chữ nội dung 14,5, phải từ 13 đến 14: chọn đoạn và đặt cỡ chữ 14"]),
])
def test_body_text_is_13_to_14_points_inclusive(sample_docx, tmp_path, half_points, told):
    from tests.word.test_check import run_props

    found = _found(sample_docx, tmp_path, lambda d: run_props(d.para(BODY), "w:sz", sz={"val": half_points}),
                   "body.size")
    assert len(found) == len(told)
    assert found == [("error", t) for t in told]


@pytest.mark.parametrize("old,new,told", [
    ("2021./.", "2021./.", []),
    ("2021./.", "2021.", ["đoạn cuối phần nội dung phải kết thúc bằng dấu “./.”: gõ “/.” ngay sau dấu chấm cuối"]),
    ("2021./.", "2021/.", ["đoạn cuối phần nội dung phải kết thúc bằng dấu “./.”: gõ “/.” ngay sau dấu chấm cuối"]),
])
def test_the_last_paragraph_of_the_body_ends_with_the_closing_mark(sample_docx, tmp_path, old, new, told):
    found = _found(sample_docx, tmp_path, lambda d: set_text(d.para("Trên đây là Kế hoạch"), old, new),
                   "closing.mark")
    assert found == [("error", t) for t in told]


def test_the_last_basis_ends_with_a_full_stop_not_a_comma(sample_docx, tmp_path):
    def last_basis_comma(d: Doc) -> None:
        p = d.para("Căn cứ Nghị định")
        text = "".join(t.text or "" for t in p.iter(q("w:t")))
        assert text.endswith(".")
        last = [t for t in p.iter(q("w:t")) if t.text][-1]
        last.text = last.text[:-1] + ","
    found = _found(sample_docx, tmp_path, last_basis_comma, "body.bases")
    assert found == [("error", "dòng cuối của phần căn cứ kết thúc bằng dấu chấm “.”, không phải dấu phẩy: sửa dấu "
                               "cuối dòng")]


def test_bases_all_upright_are_told_to_be_italic(sample_docx, tmp_path):
    from tests.word.test_check import run_props

    def upright(d: Doc) -> None:
        for start in ("Căn cứ Luật", "Căn cứ Nghị định"):
            run_props(d.para(start), "w:i", i={"val": 0})
    assert _found(sample_docx, tmp_path, upright, "body.bases") == [
        ("warning", "các dòng căn cứ trình bày chữ nghiêng: chọn các dòng “Căn cứ …” và bấm Ctrl+I")]


def test_a_titled_khoan_in_capitals_is_told_to_use_lower_case(sample_docx, tmp_path):
    found = _found(sample_docx, tmp_path, lambda d: set_text(d.para("1. Mục đích"), "Mục đích", "MỤC ĐÍCH"),
                   "heading.style")
    assert found == [("error", "tiêu đề khoản “1. MỤC ĐÍCH” trình bày chữ in thường, đậm (chữ in hoa dành cho tiêu "
                               "đề mục I., II.): gõ lại bằng chữ thường")]


@pytest.mark.parametrize("align,told", [("both", []), ("center", ["nội dung phải canh đều hai lề: chọn đoạn và bấm Ctrl+J"]),
                                        ("right", ["nội dung phải canh đều hai lề: chọn đoạn và bấm Ctrl+J"])])
def test_body_text_is_justified(sample_docx, tmp_path, align, told):
    from tests.word.test_check import ppr_child

    found = _found(sample_docx, tmp_path, lambda d: ppr_child(d.para(BODY), "w:jc", val=align), "body.justify")
    assert found == [("error", t) for t in told]


# ---------------------------------------------------------------- the tail missing altogether

def _no_signature(d: Doc) -> None:
    for start in ("TM. ỦY BAN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Hồ Quang Bửu"):
        remove(d.para(start))


@pytest.mark.parametrize("mutate,rule,told", [
    (lambda d: set_text(d.para("Nơi nhận"), "Nơi nhận:", ""), "recipients.missing",
     ("error", "không thấy “Nơi nhận:”: thêm ô “Nơi nhận:” ở góc dưới bên trái, ngang dòng chức vụ người ký")),
    (_no_signature, "signer.missing",
     ("error", "không thấy quyền hạn, chức vụ và họ tên người ký: gõ khối chữ ký ở góc dưới bên phải, ngang “Nơi "
               "nhận:”")),
    (lambda d: remove(d.para("Hồ Quang Bửu")), "signer.name",
     ("warning", "thiếu họ tên người ký (chữ in thường, đậm, dưới chữ ký)")),
], ids=["no-recipients-label", "no-signature", "no-name"])
def test_a_missing_part_of_the_tail_is_the_only_finding_and_says_where_it_goes(sample_docx, tmp_path, mutate, rule,
                                                                              told):
    doc = Doc(sample_docx)
    mutate(doc)
    findings = check_docx(doc.save(tmp_path / "tail.docx")).findings
    assert [(f.rule, f.level, f.text) for f in findings] == [(rule, *told)]


def test_a_label_typed_on_the_title_line_is_told_to_stand_alone(sample_docx, tmp_path):
    def run_in(d: Doc) -> None:
        label = next(p for p in d.paragraphs() if "".join(t.text or "" for t in p.iter(q("w:t"))) == "Phụ lục I")
        set_text(label, "Phụ lục I", "Phụ lục I: CÁC NỘI DUNG CÔNG VIỆC CỤ THỂ")
        remove(d.para("CÁC NỘI DUNG"))
    doc = Doc(sample_docx)
    run_in(doc)
    findings = check_docx(doc.save(tmp_path / "run-in.docx")).findings
    assert [(f.rule, f.level, f.text) for f in findings] == [(
        "appendix.label", "error", "nhãn “Phụ lục I:” gõ liền với tên phụ lục: gõ “Phụ lục I” thành một dòng riêng, "
                                   "in đậm, canh giữa, phía trên tên phụ lục")]
