"""kehoach import of the header (importer/header.py): the issuing agency's full name guessed from its
capitals when no appendix names it."""
from __future__ import annotations

from generator.importer.importer import import_document
from generator.word import read_docx
from tests.office.make_duties import make_duties_plan


def test_the_full_name_guessed_from_the_capitals_writes_the_place_as_a_name(tmp_path):
    """'ỦY BAN NHÂN DÂN' / 'TỈNH QUẢNG NAM' gives 'Ủy ban nhân dân tỉnh Quảng Nam' (the level in small
    letters, the place as it is spelt), never 'TỈNH Quảng Nam' (fresh mutant i-full-name-caps-place)."""
    result = import_document(read_docx(make_duties_plan(tmp_path / "thien-tai.docx")).value, plan_id="thien-tai")
    issuer = result.data["issuer"]
    assert (issuer["name"], issuer["full_name"]) == (["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NAM"],
                                                     "Ủy ban nhân dân tỉnh Quảng Nam")
    assert any("Ủy ban nhân dân tỉnh Quảng Nam" in m.text and "suy từ tên in hoa" in m.text for m in result.notes)
