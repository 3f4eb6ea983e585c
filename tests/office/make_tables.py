"""Office plans whose appendix table is laid out the way real offices lay out task and score tables
(issue 19), with contents of our own.

The frame (header, body, Nơi nhận, signature, "PHỤ LỤC" lines) is an office-style file of a seed plan
(make_office.py, `van-thu` hand); its appendix table is replaced by one built here cell by cell:

- ``task_table``: ``STT | Nhiệm vụ | Sản phẩm | Thời gian hoàn thành | Chủ trì thực hiện | Phối hợp thực
  hiện | Theo dõi, kiểm tra, đôn đốc``, bold group rows spanning the row ("I | CÔNG KHAI, MINH BẠCH"),
  rows sharing a vertically merged STT and task, a vertically merged lead, a cell spanning Chủ trì and
  Phối hợp, multi-paragraph cells, a column-number row "(1) | (2) …" under the header.
- ``score_table``: ``STT | Lĩnh vực/Tiêu chí/Tiêu chí thành phần | Điểm tối đa | Điểm năm 2019 | Mục tiêu
  năm 2020 | Chủ trì tham mưu``, numbered I / 1 / 1.1 with bold area rows.
- ``plain_table``: a table that is neither (a list of meetings): unequal widths, a bold row, a
  horizontal and a vertical merge; it must come back laid out the same.

`TRUTH` says, for each, what a reader sees (tasks with leads, targets with values)."""
from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml import parse_xml

from tests.office.make_office import NS, _esc, make_office_docx

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "plans" / "quang-nam-papi-2020.yaml"  # PAPI 2020, registry quang-nam


def cell(text, *, span: int = 1, vmerge: str | None = None, bold: bool = False, width: float = 0,
         align: str = "left") -> dict:
    return {"text": text, "span": span, "vmerge": vmerge, "bold": bold, "width": width, "align": align}


def _cell_xml(c: dict, width_mm: float) -> str:
    paras = c["text"] if isinstance(c["text"], list) else [c["text"]]
    tc = f'<w:tcW w:w="{round(width_mm * 56.7)}" w:type="dxa"/>'
    if c["span"] > 1:
        tc += f'<w:gridSpan w:val="{c["span"]}"/>'
    if c["vmerge"] == "restart":
        tc += '<w:vMerge w:val="restart"/>'
    elif c["vmerge"] == "continue":
        tc += "<w:vMerge/>"
    rpr = '<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/>' + \
          ("<w:b/>" if c["bold"] else "") + '<w:sz w:val="24"/></w:rPr>'
    body = "".join(f'<w:p><w:pPr><w:jc w:val="{c["align"]}"/></w:pPr>'
                   + (f'<w:r>{rpr}<w:t xml:space="preserve">{_esc(p)}</w:t></w:r>' if p else "") + "</w:p>"
                   for p in (paras if c["vmerge"] != "continue" else [""]))
    return f"<w:tc><w:tcPr>{tc}</w:tcPr>{body}</w:tc>"


def table_xml(widths_mm: list[float], rows: list[list[dict]], header_rows: int = 1) -> str:
    grid = "".join(f'<w:gridCol w:w="{round(w * 56.7)}"/>' for w in widths_mm)
    border = "".join(f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
                     for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
    out = [f'<w:tbl {NS}><w:tblPr><w:tblW w:w="{round(sum(widths_mm) * 56.7)}" w:type="dxa"/>'
           f'<w:tblBorders>{border}</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr>'
           f"<w:tblGrid>{grid}</w:tblGrid>"]
    for r, row in enumerate(rows):
        trpr = "<w:trPr><w:tblHeader/></w:trPr>" if r < header_rows else ""
        col, cells = 0, []
        for c in row:
            cells.append(_cell_xml(c, sum(widths_mm[col:col + c["span"]])))
            col += c["span"]
        assert col == len(widths_mm), (r, col)
        out.append(f"<w:tr>{trpr}{''.join(cells)}</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def _bold_row(*texts, n: int = 7) -> list[dict]:
    """A group row: the number, then the name spanning the rest of the row."""
    return [cell(texts[0], bold=True, align="center"), cell(texts[1], span=n - 1, bold=True)]


def _task(stt, content, output, when, lead, co, follow, **merge) -> list[dict]:
    row = [cell(stt, align="center", vmerge=merge.get("vstt")), cell(content, align="both", vmerge=merge.get("vcontent")),
           cell(output), cell(when, align="center")]
    if merge.get("lead_co"):
        row.append(cell(lead, span=2))
    else:
        row += [cell(lead, vmerge=merge.get("vlead")), cell(co)]
    return row + [cell(follow)]


TASK_WIDTHS = [12, 80, 40, 25, 32, 38, 25]
TASK_HEADER = ["STT", "Nhiệm vụ", "Sản phẩm", "Thời gian hoàn thành", "Chủ trì thực hiện", "Phối hợp thực hiện",
               "Theo dõi, kiểm tra, đôn đốc"]


def task_rows() -> list[list[dict]]:
    return [
        [cell(h, bold=True, align="center") for h in TASK_HEADER],
        [cell(f"({n})", align="center") for n in range(1, 8)],
        _bold_row("I", "CÔNG KHAI, MINH BẠCH"),
        _task("1", ["Công khai danh sách hộ nghèo tại nhà văn hóa thôn.", "Cập nhật danh sách mỗi quý."],
              "Danh sách được niêm yết", "Hằng quý", "UBND các xã, phường, thị trấn", "Sở Lao động, Thương binh và Xã hội",
              "Văn phòng Ủy ban nhân dân tỉnh"),
        _task("2", "Công khai quy hoạch, kế hoạch sử dụng đất trên cổng thông tin điện tử.", "Tin bài, bản đồ",
              "Quý II/2020", "Sở Tài nguyên và Môi trường", "UBND các huyện, thị xã, thành phố; Sở Thông tin và "
              "Truyền thông", "Văn phòng Ủy ban nhân dân tỉnh", vlead="restart"),
        _task("3", "Hướng dẫn công khai khung giá bồi thường khi thu hồi đất.", "Văn bản hướng dẫn", "Tháng 6/2020",
              "", "Sở Tư pháp", "Văn phòng Ủy ban nhân dân tỉnh", vlead="continue"),
        _bold_row("II", "TRÁCH NHIỆM GIẢI TRÌNH VỚI NHÂN DÂN"),
        _task("1", "Tổ chức đối thoại giữa người đứng đầu cấp ủy, chính quyền với nhân dân.", "Báo cáo kết quả đối "
              "thoại", "Năm 2020", "Các Sở, Ban, ngành; UBND các huyện, thị xã, thành phố", "", "Thanh tra tỉnh",
              lead_co=True),
        _task("2", "Giải quyết kịp thời kiến nghị, phản ánh của người dân.", "Kiến nghị được trả lời đúng hạn",
              "Thường xuyên", "Thanh tra tỉnh", "Sở Nội vụ, Sở Tư pháp", "Văn phòng Ủy ban nhân dân tỉnh",
              vstt="restart", vcontent="restart"),
        _task("", "", "Báo cáo tổng hợp kiến nghị 6 tháng, năm", "Tháng 6 và tháng 12/2020", "Văn phòng Ủy ban nhân "
              "dân tỉnh", "Thanh tra tỉnh", "Sở Nội vụ", vstt="continue", vcontent="continue"),
        _bold_row("III", "NHIỆM VỤ CHUNG"),
        _task("1", "Quán triệt kế hoạch đến cán bộ, công chức, viên chức.", "Hội nghị quán triệt", "Quý I/2020",
              "Sở Nội vụ", "Các Sở, Ban, ngành", ""),
    ]


# what a reader sees in task_table: (group, content start, lead names, co names)
TASK_TRUTH = [
    ("CÔNG KHAI, MINH BẠCH", "Công khai danh sách hộ nghèo", ["UBND các xã, phường, thị trấn"],
     ["Sở Lao động, Thương binh và Xã hội"]),
    ("CÔNG KHAI, MINH BẠCH", "Công khai quy hoạch", ["Sở Tài nguyên và Môi trường"],
     ["UBND các huyện, thị xã, thành phố", "Sở Thông tin và Truyền thông"]),
    ("CÔNG KHAI, MINH BẠCH", "Hướng dẫn công khai khung giá", ["Sở Tài nguyên và Môi trường"], ["Sở Tư pháp"]),
    ("TRÁCH NHIỆM GIẢI TRÌNH VỚI NHÂN DÂN", "Tổ chức đối thoại",
     ["Các Sở, Ban, ngành", "UBND các huyện, thị xã, thành phố"], []),
    ("TRÁCH NHIỆM GIẢI TRÌNH VỚI NHÂN DÂN", "Giải quyết kịp thời", ["Thanh tra tỉnh"], ["Sở Nội vụ", "Sở Tư pháp"]),
    ("TRÁCH NHIỆM GIẢI TRÌNH VỚI NHÂN DÂN", "Giải quyết kịp thời", ["Văn phòng Ủy ban nhân dân tỉnh"],
     ["Thanh tra tỉnh"]),
    ("NHIỆM VỤ CHUNG", "Quán triệt kế hoạch", ["Sở Nội vụ"], ["Các Sở, Ban, ngành"]),
]

SCORE_WIDTHS = [14, 100, 24, 26, 26, 50]
SCORE_HEADER = ["STT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm tối đa", "Điểm năm 2019", "Mục tiêu năm 2020",
                "Chủ trì tham mưu"]


def _score(stt, name, mx, base, target, lead, bold=False) -> list[dict]:
    return [cell(stt, align="center", bold=bold), cell(name, bold=bold), cell(mx, align="center", bold=bold),
            cell(base, align="center", bold=bold), cell(target, align="center", bold=bold), cell(lead, bold=bold)]


def score_rows() -> list[list[dict]]:
    return [
        [cell(h, bold=True, align="center") for h in SCORE_HEADER],
        _score("I", "Công khai, minh bạch trong việc ra quyết định ở địa phương", "10", "5,21", "5,60",
               "Văn phòng Ủy ban nhân dân tỉnh", bold=True),
        _score("1", "Tiếp cận thông tin", "2,5", "0,95", "1,10", "Sở Thông tin và Truyền thông"),
        _score("2", "Công khai danh sách hộ nghèo", "2,5", "1,60", "1,70", "Sở Lao động, Thương binh và Xã hội"),
        _score("II", "Trách nhiệm giải trình với nhân dân", "10", "4,80", "5,00", "Thanh tra tỉnh", bold=True),
        _score("1", "Mức độ và hiệu quả tiếp xúc với chính quyền", "3,33", "1,60", "1,70", ""),
        _score("", "Tổng điểm", "20", "10,01", "10,60", "", bold=True),
    ]


# what a reader sees in score_table: (name, max, baseline 2019, target 2020, lead)
SCORE_TRUTH = [
    ("Công khai, minh bạch trong việc ra quyết định ở địa phương", "10", "5.21", "5.60",
     ["Văn phòng Ủy ban nhân dân tỉnh"]),
    ("Tiếp cận thông tin", "2.5", "0.95", "1.10", ["Sở Thông tin và Truyền thông"]),
    ("Công khai danh sách hộ nghèo", "2.5", "1.60", "1.70", ["Sở Lao động, Thương binh và Xã hội"]),
    ("Trách nhiệm giải trình với nhân dân", "10", "4.80", "5.00", ["Thanh tra tỉnh"]),
    ("Mức độ và hiệu quả tiếp xúc với chính quyền", "3.33", "1.60", "1.70", []),
]

PLAIN_WIDTHS = [12, 30, 110, 40]


def plain_rows() -> list[list[dict]]:
    return [
        [cell(h, bold=True, align="center") for h in ("STT", "Thời gian", "Nội dung cuộc họp", "Thành phần")],
        [cell("1", align="center"), cell("Tháng 3", vmerge="restart"), cell("Sơ kết quý I"), cell("Lãnh đạo các sở")],
        [cell("2", align="center"), cell("", vmerge="continue"), cell("Góp ý dự thảo báo cáo"),
         cell("Văn phòng")],
        [cell("ĐỢT HAI", span=4, bold=True, align="center")],
        [cell("3", align="center", bold=True), cell("Tháng 9", bold=True), cell("Sơ kết 9 tháng", bold=True),
         cell("Toàn thể", bold=True)],
        [cell("4", align="center"), cell("Tháng 12", span=2), cell("Tổng kết năm")],
    ]


FLAT_WIDTHS = [12, 90, 45, 45, 25, 40]
FLAT_HEADER = ["TT", "Nội dung", "Cơ quan chủ trì thực hiện", "Cơ quan phối hợp", "Thời hạn", "Kết quả cần đạt"]


def flat_rows() -> list[list[dict]]:
    """One run of tasks, no group row; "Cơ quan chủ trì thực hiện" is the lead column."""
    return [
        [cell(h, bold=True, align="center") for h in FLAT_HEADER],
        [cell("1", align="center"), cell("Rà soát thủ tục hành chính thuộc thẩm quyền giải quyết của tỉnh."),
         cell("Văn phòng Ủy ban nhân dân tỉnh"), cell("Các Sở, Ban, ngành"), cell("Tháng 5/2020"),
         cell("100% thủ tục được rà soát")],
        [cell("2", align="center"), cell(["Tổ chức khảo sát sự hài lòng của người dân.", "Công bố kết quả khảo sát."]),
         cell("Sở Nội vụ"), cell("Sở Thông tin và Truyền thông; Báo Quảng Nam"), cell("Quý IV/2020"),
         cell("Báo cáo kết quả khảo sát")],
    ]


# a lead column, but a row holding no task: the table stays generic, and the import says so
BROKEN_WIDTHS = [12, 90, 45, 45]


def broken_rows() -> list[list[dict]]:
    return [
        [cell(h, bold=True, align="center") for h in ("STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp")],
        [cell("1"), cell("Xây dựng kế hoạch tuyên truyền."), cell("Sở Nội vụ"), cell("Sở Tư pháp")],
        [cell("2"), cell(""), cell("Sở Tư pháp"), cell("")],
    ]


# another office's hand: a two-row header ("Cơ quan thực hiện" over "Chủ trì | Phối hợp"), group rows typed
# without merging (bold "I" and a name in capitals, the other cells empty), "Phối hợp: …" written in the lead
# cell, a "Kinh phí" column the task model has no place for
TWO_WIDTHS = [12, 85, 38, 38, 28, 30]


def two_rows() -> list[list[dict]]:
    def heading(number, name):
        return [cell(number, bold=True, align="center"), cell(name, bold=True)] + [cell("") for _ in range(4)]

    return [
        [cell("TT", vmerge="restart", bold=True), cell("Nội dung", vmerge="restart", bold=True),
         cell("Cơ quan thực hiện", span=2, bold=True), cell("Thời gian hoàn thành", vmerge="restart", bold=True),
         cell("Kinh phí", vmerge="restart", bold=True)],
        [cell("", vmerge="continue"), cell("", vmerge="continue"), cell("Chủ trì", bold=True),
         cell("Phối hợp", bold=True), cell("", vmerge="continue"), cell("", vmerge="continue")],
        heading("I", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH"),
        [cell("1"), cell("Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính."),
         cell(["Văn phòng Ủy ban nhân dân tỉnh", "Phối hợp: Sở Thông tin và Truyền thông"]), cell(""),
         cell("Năm 2020"), cell("Ngân sách tỉnh")],
        [cell("2"), cell("Công bố danh mục thủ tục hành chính mới ban hành."), cell("Văn phòng Ủy ban nhân dân tỉnh"),
         cell("Các Sở, Ban, ngành"), cell("Thường xuyên"), cell("")],
        heading("II", "CÔNG KHAI, MINH BẠCH"),
        [cell("1"), cell("Niêm yết công khai thủ tục hành chính tại bộ phận một cửa."), cell("Sở Nội vụ"),
         cell("UBND các huyện, thị xã, thành phố"), cell("Quý II/2020"), cell("Không")],
    ]


def score_dotted_rows() -> list[list[dict]]:
    """Numbered 1 / 1.1 / 1.1.1, 'Kết quả năm 2019 | Chỉ tiêu năm 2020 | Cơ quan chủ trì'."""
    header = ["TT", "Tiêu chí", "Điểm tối đa", "Kết quả năm 2019", "Chỉ tiêu năm 2020", "Cơ quan chủ trì"]
    return [
        [cell(h, bold=True, align="center") for h in header],
        _score("1", "Công khai, minh bạch", "10", "5,21", "5,60", "Văn phòng Ủy ban nhân dân tỉnh", bold=True),
        _score("1.1", "Tiếp cận thông tin", "2,5", "0,95", "1,10", "Sở Thông tin và Truyền thông"),
        _score("1.1.1", "Người dân được tiếp cận thông tin về chính sách, pháp luật", "1,25", "0,40", "0,50",
               "Sở Tư pháp; Sở Thông tin và Truyền thông"),
        _score("2", "Trách nhiệm giải trình với người dân", "10", "4,80", "5,00", "Thanh tra tỉnh", bold=True),
        _score("", "Cộng", "20", "10,01", "10,60", "", bold=True),
    ]


def score_empty_rows() -> list[list[dict]]:
    """A score table whose target column was left for later: the areas are there, no target."""
    return [row[:4] + [cell("")] + row[5:] if r else row for r, row in enumerate(score_rows())]


def assigned_rows() -> list[list[dict]]:
    """Lead and co cells that name no agency but the document where the agencies are assigned."""
    rows = flat_rows()
    rows[1][2] = cell("Theo phân công tại Quyết định số 45/QĐ-UBND ngày 10/01/2020 của UBND tỉnh")
    rows[2][3] = cell("Các cơ quan được giao tại Kế hoạch số 12/KH-UBND")
    return rows


# a table that is neither tasks nor scores, with a two-row header: "Kết quả năm 2025" over "Điểm | Xếp hạng",
# STT, Đơn vị and Ghi chú merged down over both header rows
GROUPED_WIDTHS = [12, 80, 28, 28, 40]


def grouped_rows() -> list[list[dict]]:
    return [
        [cell("STT", vmerge="restart", bold=True, align="center"),
         cell("Đơn vị", vmerge="restart", bold=True, align="center"),
         cell("Kết quả năm 2025", span=2, bold=True, align="center"),
         cell("Ghi chú", vmerge="restart", bold=True, align="center")],
        [cell("", vmerge="continue"), cell("", vmerge="continue"), cell("Điểm", bold=True, align="center"),
         cell("Xếp hạng", bold=True, align="center"), cell("", vmerge="continue")],
        [cell("1", align="center"), cell("Sở Tư pháp"), cell("87,5", align="center"), cell("3/20", align="center"),
         cell("Tăng hai bậc")],
        [cell("2", align="center"), cell("Sở Xây dựng"), cell("79,25", align="center"), cell("11/20", align="center"),
         cell("Giữ nguyên")],
    ]


def score_two_rows() -> list[list[dict]]:
    """The score table with a two-row header: "Điểm" over "Tối đa | Năm 2019 | Mục tiêu năm 2020"."""
    head = {"vmerge": "restart", "bold": True, "align": "center"}
    below = {"vmerge": "continue"}
    return [
        [cell("STT", **head), cell("Lĩnh vực/Tiêu chí", **head), cell("Điểm", span=3, bold=True, align="center"),
         cell("Chủ trì tham mưu", **head)],
        [cell("", **below), cell("", **below)] + [cell(h, bold=True, align="center") for h in
                                                  ("Tối đa", "Năm 2019", "Mục tiêu năm 2020")] + [cell("", **below)],
    ] + score_rows()[1:]


KINDS = {"score-two": (SCORE_WIDTHS, score_two_rows, 2), "grouped": (GROUPED_WIDTHS, grouped_rows, 2), "assigned": (FLAT_WIDTHS, assigned_rows, 1), "score-empty": (SCORE_WIDTHS, score_empty_rows, 1), "score-dotted": (SCORE_WIDTHS, score_dotted_rows, 1), "two": (TWO_WIDTHS, two_rows, 2), "flat": (FLAT_WIDTHS, flat_rows, 1), "broken": (BROKEN_WIDTHS, broken_rows, 1),
         "task": (TASK_WIDTHS, task_rows, 1), "score": (SCORE_WIDTHS, score_rows, 1),
         "plain": (PLAIN_WIDTHS, plain_rows, 1)}


def make_table_plan(out: Path | str, kind: str) -> Path:
    """The seed plan in the van-thu hand with its appendix table replaced by a `kind` table."""
    out = Path(out)
    make_office_docx(SEED, out, "van-thu")
    widths, rows, header_rows = KINDS[kind]
    document = docx.Document(str(out))
    old = document.tables[-1]._tbl
    new = parse_xml(table_xml(widths, rows(), header_rows))
    old.addprevious(new)
    old.getparent().remove(old)
    document.save(str(out))
    return out


def make_body_table_plan(out: Path | str) -> Path:
    """A plan whose task table sits in the body, as all a section holds ("II. NỘI DUNG VÀ THỜI GIAN THỰC
    HIỆN" then the table), not in an appendix: the duties plan of make_duties.py with its section II
    emptied and the `flat` table put under its heading."""
    from tests.office.make_duties import PLAN

    out = Path(out)
    start = PLAN.index("  - id: nhiem-vu")
    end = PLAN.index("  - id: to-chuc")
    text = PLAN[:start] + "  - id: nhiem-vu\n    title: NỘI DUNG VÀ THỜI GIAN THỰC HIỆN\n" + PLAN[end:]
    plan = out.with_suffix(".yaml")
    plan.write_text(text, encoding="utf-8")
    make_office_docx(plan, out, "van-thu")
    document = docx.Document(str(out))
    heading = next(p for p in document.paragraphs if "NỘI DUNG VÀ THỜI GIAN THỰC HIỆN" in p.text)
    heading._p.addnext(parse_xml(table_xml(FLAT_WIDTHS, flat_rows(), 1)))
    document.save(str(out))
    return out
