"""A Word plan (the reader's neutral tree) → plan data, with every guess and every thing it could not
place reported. No I/O: `kehoach import` (cli) reads the file, writes the YAML and prints.

The zone locator (generator.nd30.zones) cuts the document into header (issuer, number, date), title,
body (legal bases, preamble, sections), tail (Nơi nhận, signature) and appendices by the rules of
Decree 30/2020/NĐ-CP that every office follows, whatever the way the file was typed (typed labels or
Word lists, Heading styles or bold, header table or tabs); each part is then read by its own step:
header.py, body.py and structure.py, tail.py, appendices.py (with tables.py), put together by
assemble.py over one shared State (state.py)."""
from __future__ import annotations

from generator.importer.agencies import AgencyBook, registry_for
from generator.importer.appendices import find_appendices, read_appendices
from generator.importer.assemble import assemble
from generator.importer.body import classify, read_body
from generator.importer.header import read_header, read_title
from generator.importer.state import TODO, ImportResult, State
from generator.importer.tables import TableReader
from generator.importer.tail import read_tail
from generator.importer.targets import catalogue_for, choose_indices
from generator.nd30.zones import blocks_of
from generator.word.model import Document


def import_document(doc: Document, *, plan_id: str, registry: str | None = None,
                    indices: dict[str, str] | None = None) -> ImportResult:
    st = State(doc, plan_id=plan_id, registry=registry, indices=indices)
    zones = st.zones
    if zones.doc_type is None:
        st.warn("không thấy dòng tên loại 'KẾ HOẠCH': phần đầu văn bản "
                + ("đọc đến dòng số, ngày tháng" if zones.header.blocks else "để trống (TODO)"))
    if zones.recipients_label is None:
        st.warn("không thấy 'Nơi nhận': Nơi nhận và người ký phải điền tay")
    st.all_text = "\n".join(p.text for p in doc.paragraphs())
    header = read_header(st, blocks_of(doc, zones.header))
    title = read_title(st)
    tail = read_tail(blocks_of(doc, zones.tail))
    st.year = header["year"]
    st.place = header.get("place", "")
    if st.forced_registry is not None:
        chosen = st.forced_registry or None
    else:
        chosen = registry_for(st.place or "")
        if chosen:
            st.guess(f"danh mục cơ quan '{chosen}' (theo địa danh '{st.place}'; đổi bằng --registry)")
    st.agencies = AgencyBook(chosen, st.year)
    chosen_indices, st.index_notes = choose_indices(st.all_text, st.year, st.forced_indices)
    st.catalogue = catalogue_for(chosen_indices)
    st.tables = TableReader(st.catalogue, st.agencies, st.year)
    found = find_appendices(st)
    st.found_appendices = read_appendices(st, found)
    st.catalogue.adopt(st.tables.own)  # the body's target sentences name the criteria the tables declared
    body = read_body(st, blocks_of(doc, zones.body))
    return assemble(st, header, title, body, tail, chosen_indices, chosen)


__all__ = ["import_document", "ImportResult", "classify", "TODO"]
