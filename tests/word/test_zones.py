"""The zone locator (generator.nd30.zones) on the seed plans as offices type them (tests/office: tab-aligned
or table headers, typed or drawn rules, Word lists, drafts with blank number and date) and as kehoach
builds them: every part found where the plan's printed text is, and the parts tiling the document."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.nd30.zones import locate, pieces, tail_sides
from generator.plan.validate import load_plan
from generator.render.context import build_context
from generator.word import read_docx
from generator.word.model import Document, Paragraph, Run, Section, Table
from tests.office.make_office import PLANS, STYLES

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "tests" / "data" / "sample.yaml"


def _norm(text: str) -> str:
    return " ".join(text.split())


def _check_seed(doc: Document, plan_path: Path) -> None:
    plan, _ = load_plan(plan_path)
    printed = build_context(plan)
    paras = list(doc.paragraphs())
    z = locate(doc)

    def text(pos: int) -> str:
        return _norm(paras[pos].text)

    # the parts tile the document, in order
    assert z.header.blocks.start == 0 and z.back.blocks.stop == len(doc.blocks)
    assert z.body.blocks.stop == z.tail.blocks.start and z.tail.blocks.stop == z.back.blocks.start
    assert z.body.paragraphs.stop == z.tail.paragraphs.start and z.tail.paragraphs.stop == z.back.paragraphs.start
    assert z.back.paragraphs.stop == len(paras)

    # header and type line
    assert z.doc_type is not None and text(z.doc_type) == "KẾ HOẠCH"
    assert z.header.paragraphs.stop == z.doc_type
    for part in (z.national, z.motto, z.number, z.date, *z.issuer):
        assert part is not None and part in z.header.paragraphs
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text(z.national)
    assert "Độc lập - Tự do - Hạnh phúc" in text(z.motto)
    assert "Số:" in text(z.number) and "/KH-" in text(z.number)
    assert plan.issuer.place in text(z.date) and "ngày" in text(z.date)
    issuer = " ".join(text(pos) for pos in z.issuer)
    assert all(_norm(line) in issuer for line in plan.issuer.name)

    # title, body, closing
    title = " ".join(_norm(paras[pos].text.replace("\n", " ")) for pos in z.title)
    assert z.title and _norm(title) == _norm(plan.title)
    assert z.doc_type < z.title[0] < z.body.paragraphs.start
    assert z.closing is not None and z.closing == z.body.paragraphs.stop - 1
    assert text(z.closing).endswith("./.") and text(z.closing).startswith(_norm(plan.closing)[:40])

    # Nơi nhận and signature
    assert z.recipients_label is not None and text(z.recipients_label).startswith("Nơi nhận")
    assert z.recipients_label in z.tail.paragraphs
    items = [_norm(text(pos)) for pos in z.recipients]
    assert items == [_norm(line) for line in printed.recipients]
    assert z.archive == z.recipients[-1] and "Lưu:" in text(z.archive)
    signature = [text(pos) for pos in z.signature]
    assert signature[-1] == plan.signer.name
    assert all(_norm(line) in signature for line in printed.signer_lines)
    assert not set(z.signature) & set(z.recipients)

    # appendices
    assert len(z.appendices) == len(plan.appendices) and not z.stray
    for zone in z.appendices:
        assert zone.label is not None and text(zone.label).casefold().startswith("phụ lục")
        assert zone.attached is not None and text(zone.attached).startswith("(Kèm theo")
        assert zone.title and all(zone.label < pos < zone.attached for pos in zone.title)
        assert zone.table is not None and isinstance(doc.blocks[zone.table], Table)
        assert zone.table in zone.blocks and not zone.before and not zone.after
    if len(z.appendices) > 1:
        assert all(a.blocks.stop == b.blocks.start for a, b in zip(z.appendices, z.appendices[1:]))


@pytest.mark.parametrize("plan", [p.stem for p in PLANS])
@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("draft", [False, True], ids=["issued", "draft"])
def test_office_files(office_docx, plan, style, draft):
    path = office_docx(plan, style, draft)
    _check_seed(read_docx(path).value, ROOT / "plans" / f"{plan}.yaml")


@pytest.mark.parametrize("stem", [p.stem for p in PLANS] + [SAMPLE.stem])
def test_built_plans(built, stem):
    docx = next(f for f in built[stem].files if f.suffix == ".docx")
    plan_path = SAMPLE if stem == SAMPLE.stem else ROOT / "plans" / f"{stem}.yaml"
    _check_seed(read_docx(docx).value, plan_path)


# ---------------------------------------------------------------- small documents, one rule each

def _p(text: str, index: int = 0, **kw) -> Paragraph:
    return Paragraph(index=index, runs=[Run(text, bold=kw.pop("run_bold", False))], **kw)


def _doc(*blocks) -> Document:
    """Blocks given as Paragraph/Table with index 0: renumbered in document order."""
    out, n = [], 0
    for block in blocks:
        if isinstance(block, Table):
            out.append(block)
            n += sum(1 for _ in block.paragraphs())
        else:
            out.append(Paragraph(**{**block.__dict__, "index": n}))
            n += 1
    return Document(blocks=out, sections=[Section(0)])


def _table(*rows: list[str], index: int = 0) -> Table:
    from generator.word.model import Cell, Row

    return Table(index=index, rows=[Row(cells=[Cell(paragraphs=[_p(t, in_table=True)], col=c)
                                               for c, t in enumerate(row)]) for row in rows])


def test_title_in_the_type_paragraph_and_its_rule():
    doc = _doc(_p("UBND TỈNH X\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
               _p("KẾ HOẠCH\nCải thiện Chỉ số PAPI", alignment="center", bold=True),
               _p("năm 2021", alignment="center", bold=True),
               _p("________", alignment="center"),
               _p("Căn cứ Luật Tổ chức chính quyền địa phương;"),
               _p("I. MỤC ĐÍCH"),
               _p("Trên đây là Kế hoạch./."))
    z = locate(doc)
    assert z.doc_type == 1 and z.title == (1, 2)
    assert z.body.paragraphs.start == 4  # the rule under the title goes with it
    assert z.closing == 6 and z.recipients_label is None and z.tail.paragraphs == range(7, 7)


def test_without_type_line_the_header_ends_at_the_number_and_date_line():
    doc = _doc(_p("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
               _p("Số: 12/UBND-VP\tQuảng Nam, ngày 05 tháng 3 năm 2021"),
               _p("V/v góp ý dự thảo"),
               _p("Kính gửi: Sở Nội vụ"))
    z = locate(doc)
    assert z.doc_type is None and not z.title
    assert z.header.paragraphs == range(0, 2) and z.body.paragraphs.start == 2
    assert (z.national, z.number, z.date) == (0, 1, 1) and z.issuer == (0,)


def test_other_document_types():
    doc = _doc(_p("QUYẾT ĐỊNH", alignment="center", bold=True), _p("Về việc thành lập Hội đồng", alignment="center",
                                                                    bold=True), _p("Điều 1. Thành lập."))
    assert locate(doc).doc_type is None
    z = locate(doc, "QUYẾT ĐỊNH")
    assert z.doc_type == 0 and z.title == (1,) and z.body.paragraphs.start == 2


def test_tail_as_tab_aligned_paragraphs():
    doc = _doc(_p("KẾ HOẠCH", alignment="center"), _p("Tên", alignment="center", bold=True),
               _p("Nội dung./."),
               _p("Nơi nhận:\tTM. ỦY BAN NHÂN DÂN"),
               _p("- Sở Nội vụ;\tCHỦ TỊCH"),
               _p("- Lưu: VT."),
               _p("Nguyễn Văn A", alignment="center"))
    z = locate(doc)
    assert z.recipients_label == 3 and z.recipients == (4, 5) and z.archive == 5
    assert z.signature == (3, 4, 6)
    left, right = tail_sides(list(doc.blocks)[z.tail.blocks.start:])
    assert [p.text for p, _ in left] == ["Nơi nhận:", "- Sở Nội vụ;", "- Lưu: VT."]
    assert [p.text for p, _ in right] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn A"]


def test_appendices_label_with_title_unlabelled_table_and_stray_lines():
    doc = _doc(_p("KẾ HOẠCH"), _p("Tên", bold=True, alignment="center"), _p("Nội dung./."),
               _table(["Nơi nhận:\n- Lưu: VT.", "CHỦ TỊCH"]),
               _p("PHỤ LỤC I: DANH MỤC NHIỆM VỤ"),
               _p("(Kèm theo Kế hoạch số 05/KH-UBND ngày 05/3/2021 của UBND tỉnh)"),
               _p("Đơn vị: điểm"),
               _table(["STT", "Nội dung"]),
               _p("Ghi chú sau bảng"),
               _table(["STT", "Chỉ số"]))
    z = locate(doc)
    assert z.tail.blocks == range(3, 4) and z.back.blocks == range(4, 10)
    first, second = z.appendices
    assert first.label == 5 and first.title == () and first.attached == 6 and first.before == (7,)
    assert first.table == 7 and first.after == (10,) and first.blocks == range(4, 9)
    assert second.label is None and second.table == 9 and second.blocks == range(9, 10)


def test_pieces_split_at_tabs_and_breaks():
    p = Paragraph(index=0, runs=[Run("\tỦY BAN NHÂN DÂN", bold=True), Run("\tCỘNG HÒA"), Run("\nTỈNH X\t  ")])
    assert pieces(p) == [("ỦY BAN NHÂN DÂN", True, 0), ("CỘNG HÒA", False, 1), ("TỈNH X", False, 0)]


@pytest.mark.parametrize("last, closing", [
    ("Trên đây là Kế hoạch./.", True), ("15. Các cơ quan nghiêm túc triển khai thực hiện./.", False),
    ("a) Báo cáo kết quả thực hiện./.", False), ("- Báo cáo kết quả thực hiện./.", False),
    ("Trên đây là Kế hoạch.", False),
], ids=["text", "clause", "point", "bullet", "no-mark"])
def test_the_closing_is_the_last_unlabelled_paragraph_ending_with_the_mark(last, closing):
    """Only unlabelled text ending with "./." is the closing sentence; a numbered clause, a point or a bullet
    ending with it stays what it is, for the importer to say what it made of it (fresh mutant
    f6-zone-closing-labelled)."""
    doc = _doc(_p("UBND TỈNH X\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
               _p("KẾ HOẠCH", alignment="center", bold=True), _p("Cải thiện Chỉ số PAPI", alignment="center", bold=True),
               _p("I. TỔ CHỨC THỰC HIỆN"), _p("14. Sở Nội vụ theo dõi."), _p(last))
    assert locate(doc).closing == (5 if closing else None)


def test_a_short_line_pushed_in_with_twenty_spaces_is_not_a_signature_line():
    """Twenty spaces of 13 pt type push a line in about 65 pt (a space is a quarter of the type size), short of
    the right half: "Quảng Nam" typed so after the closing sentence is a body line, and the body then does not
    end with "./." (check reports it, import keeps the closing TODO), not a signature line on the right."""
    doc = _doc(_p("KẾ HOẠCH", alignment="center"), _p("Tên", alignment="center", bold=True), _p("Nội dung./."),
               _p(" " * 20 + "Quảng Nam"), _table(["Nơi nhận:\n- Lưu: VT.", "CHỦ TỊCH"]))
    z = locate(doc)
    assert z.closing is None and z.body.paragraphs == range(2, 4) and 3 not in z.signature


def _typed_header_plan(tmp_path, blanks: int) -> Path:
    """A Kế hoạch typed without its type line, its header one line a paragraph (agency, Quốc hiệu, Tiêu ngữ,
    number), `blanks` empty paragraphs for spacing, then the date line."""
    from tests.word.docx_factory import make_docx, p, r, sect

    bold, italic, centre = "<w:b/>", "<w:i/>", '<w:jc w:val="center"/>'
    header = [p(r("UBND TỈNH QUẢNG NAM"), ppr=centre), p(r("SỞ NỘI VỤ", bold), ppr=centre),
              p(r("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold), ppr=centre),
              p(r("Độc lập - Tự do - Hạnh phúc", bold), ppr=centre), p(r("Số: 12/KH-SNV"), ppr=centre),
              *[p() for _ in range(blanks)], p(r("Quảng Nam, ngày 05 tháng 3 năm 2021", italic), ppr=centre)]
    body = [p(r("Triển khai công tác cải cách hành chính năm 2021", bold), ppr=centre),
            p(r("I. MỤC ĐÍCH, YÊU CẦU", bold)), p(r("Nâng cao chất lượng phục vụ người dân, doanh nghiệp.")),
            p(r("II. NHIỆM VỤ", bold)), p(r("Rà soát thủ tục hành chính thuộc thẩm quyền giải quyết.")),
            p(r("Trên đây là Kế hoạch triển khai công tác cải cách hành chính năm 2021 của Sở Nội vụ./.")),
            p(r("Nơi nhận:", bold + italic)), p(r("- UBND tỉnh;")), p(r("- Lưu: VT, SNV.")),
            p(r("GIÁM ĐỐC", bold), ppr='<w:jc w:val="right"/>'),
            p(r("Nguyễn Văn An", bold), ppr='<w:jc w:val="right"/>'), sect()]
    return make_docx(tmp_path / f"header-{blanks}.docx", "".join(header + body))


@pytest.mark.parametrize("blanks", [2, 6])
def test_without_type_line_a_header_typed_one_line_a_paragraph_reaches_its_date_line(tmp_path, blanks):
    """No type line, the header typed one line a paragraph, the date line the 8th block (or, after more empty
    lines, the 12th): the header reaches down to it, so import reads the agency above its superior, the number
    and the date (fresh mutant n-header-blocks looked in 4 blocks only: every one of them TODO, the Quốc hiệu,
    number and date lines imported as text of the plan)."""
    from generator.importer.importer import import_document

    doc = read_docx(_typed_header_plan(tmp_path, blanks)).value
    z = locate(doc)
    assert (z.doc_type, z.number, z.date) == (None, 4, 5 + blanks) and z.header.paragraphs == range(0, 6 + blanks)
    data = import_document(doc, plan_id="cchc").data
    issuer = data["issuer"]
    assert (issuer["superior"], issuer["name"], issuer["abbreviation"], issuer["place"]) == (
        ["UBND TỈNH QUẢNG NAM"], ["SỞ NỘI VỤ"], "SNV", "Quảng Nam")
    assert data["document"] == {"number": 12, "date": dt.date(2021, 3, 5)} and data["year"] == 2021
    text = str({key: value for key, value in data.items() if key not in ("issuer", "document")})
    assert "CỘNG HÒA" not in text and "Số: 12" not in text and "ngày 05 tháng 3" not in text
