"""kehoach import of the signature block as offices type it (issue 19, real plans): "KT  GIÁM ĐỐC" typed
without the dot after KT is still the authority line (seen in a real plan of a state company's unit)."""
from __future__ import annotations

import docx

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
