"""Scaling (issue 22): doubling an input must not more than triple the work. The timed checks (`check --fix` of
each generator of tests/word/bounds_gen.py.SCALING at n and 2n, `import` of the paragraphs file,
`CharMap.runs_between` over 20,000 and 40,000 runs) are in bench/scaling.py, assertions unchanged: the project
measures speed in bench/, never by timed tests (`python -m bench.scaling`). What stays here is counted or
structural: every scaling input goes through `check --fix` at n, `runs_between` gives every run once in order,
and the style chain is followed once per style."""
from __future__ import annotations

import pytest

from bench import scaling
from tests.word import bounds_gen as gen


@pytest.mark.parametrize("name", gen.SCALING)
def test_every_scaling_input_is_fixed_keeping_its_words(tmp_path, monkeypatch, name):
    """What bench/scaling.py times, run once at n (untimed): the file is corrected and written, no word lost."""
    from generator.nd30.fix import fix_docx, pages

    monkeypatch.setattr(pages, "can_render", lambda: False)
    make, n = gen.SCALING[name]
    report = fix_docx(make(tmp_path / "n.docx", n), tmp_path / "out.docx")
    assert not report.untouched and (tmp_path / "out.docx").is_file() and report.words_kept > 0


def test_runs_of_a_long_paragraph_are_found_once_each_in_order():
    """--fix finds the runs under a correction with CharMap.runs_between (its time is bench/scaling.py's
    `runs_between`): every run of the span, once, in order."""
    charmap = scaling.long_paragraph(2_000)
    runs = charmap.runs_between(0, len(charmap.text))
    assert len(runs) == 2_000 and len({id(r) for r in runs}) == 2_000
    assert ["".join(r.itertext()) for r in runs[:2] + runs[-1:]] == ["c0 ", "c1 ", "c1999 "]
    assert charmap.runs_between(3, 6) == [runs[1]] and charmap.runs_between(2, 4) == runs[:2]


def test_the_scaling_bench_has_a_check_for_every_generator():
    assert set(scaling.CHECKS) == {*gen.SCALING, "import", "runs_between", "onto refusal", "matching", "merge3"}


def test_size_owner_of_a_long_style_chain_is_found_once_per_style():
    """--fix looked for the style giving a paragraph its size by walking the whole basedOn chain for each
    paragraph: 5,000 chained styles and 9,000 paragraphs took 180 s. It is now memoised by style and follows
    the chain only as far as the reader does (MAX_CHAIN): counted, not timed."""
    from lxml import etree

    from generator.nd30.fix.styles import _size_owner
    from generator.word.styles import MAX_CHAIN
    from tests.word.docx_factory import NSDECL

    # 1,000 styles and 1,800 paragraphs (the file had 5,000 and 9,000): memoised, 64 looks for each style
    # (≤ 65 × 1,000); once per paragraph it is 64 for each of 1,800 and fails, the same as at 5,000
    n, paragraphs = 1_000, 1_800
    xml = (f"<w:styles {NSDECL}>" + "".join(
        f'<w:style w:type="paragraph" w:styleId="S{i}">' + (f'<w:basedOn w:val="S{i - 1}"/>' if i else "")
        + ('<w:rPr><w:sz w:val="26"/></w:rPr>' if i == 0 else "") + "</w:style>" for i in range(n)) + "</w:styles>")
    nodes = {s.get(f"{{{s.nsmap['w']}}}styleId"): s for s in etree.fromstring(xml.encode())}

    class Counted(dict):
        looked = 0

        def get(self, key, default=None):
            Counted.looked += 1
            return super().get(key, default)

    by_id, memo = Counted(nodes), {}
    owners = [_size_owner(by_id, f"S{(k * 7919) % n}", memo) for k in range(paragraphs)]
    assert Counted.looked <= (MAX_CHAIN + 1) * n  # once per style at most, never once per paragraph
    assert _size_owner(by_id, "S10", memo) == "S0" and _size_owner(by_id, f"S{n - 1}", memo) is None
    assert owners.count("S0") == sum(1 for k in range(paragraphs) if (k * 7919) % n < MAX_CHAIN)
