"""`import --onto` costs grow with the document, not with its square (the matching was quadratic: 20,000
paragraphs took 27.6 s, and a 100,000-paragraph file gave no answer in 150 s before its "not a kehoach
document" refusal). Doubling the input must not more than triple the time: timed by bench/scaling.py (`onto
refusal`, `matching`; the project times nothing in the suite); here, what those inputs must give, untimed."""
from __future__ import annotations

import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from generator.core.errors import KehoachError
from generator.plan.validate import load_plan
from generator.render.context import build_context
from generator.render.sources import SourceTags
from generator.word import read_docx
from generator.workflow.review import import_onto
from generator.workflow.review.matching import Reading, body_units, match_paragraphs
from tests.conftest import SAMPLE

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def plain_docx(path: Path, paragraphs: int) -> Path:
    """A Word document of `paragraphs` short paragraphs that kehoach did not write."""
    body = "".join(f'<w:p><w:r><w:t>Đoạn số {i} của một văn bản khác.</w:t></w:r></w:p>' for i in range(paragraphs))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName='
            '"/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.'
            'document.main+xml"/></Types>'))
        z.writestr("_rels/.rels", (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'))
        z.writestr("word/document.xml", f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}">'
                                        f'<w:body>{body}</w:body></w:document>')
    return path


def refuse(path: Path) -> None:
    """import --onto of a document kehoach did not make from SAMPLE: refused as such."""
    with pytest.raises(KehoachError) as exc:
        import_onto(SAMPLE, path)
    assert "không phải văn bản kehoach tạo từ" in exc.value.problems[0].text


def test_another_document_of_many_paragraphs_is_refused(tmp_path):
    n = 4_000  # 2n stays under the reader's paragraph budget (word/package.py), which refuses first above it
    refuse(plain_docx(tmp_path / "2n.docx", 2 * n))


def many_new_paragraphs(docx: Path):
    """(the plan's units, document(n)): a reviewer's document with n paragraphs typed in the middle (tags and text
    of none of them known), to pair the plan's paragraphs with."""
    plan, _ = load_plan(SAMPLE)
    ctx = build_context(plan)
    units = body_units(ctx, SourceTags(ctx))
    reviewed = Reading(read_docx(docx).value, False).free_paragraphs()
    middle = len(reviewed) // 2
    model = next(p for p in reviewed[middle:] if p.runs)

    def document(n: int) -> list:
        new = [replace(model, index=10_000_000 + i, bookmarks=[],
                       runs=[replace(model.runs[0], text=f"- Việc mới số {i} do người duyệt thêm vào.")])
               for i in range(n)]
        return reviewed[:middle] + new + reviewed[middle:]
    return units, document


def test_matching_many_new_paragraphs_still_finds_the_plans_own(built):
    units, document = many_new_paragraphs(next(f for f in built["sample"].files if f.suffix == ".docx"))
    matched = match_paragraphs(units, document(4000))
    assert len(matched) >= len(units) // 2  # the plan's own paragraphs are all still found
