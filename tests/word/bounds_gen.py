"""Generators of hostile (or merely huge) .docx files for the bounds tests and bench/hostile.py: each builds
its file in the folder it is given, small zipped, so no big file is ever committed.

Each one reproduces a report of issue 22: the Word reader (and `check`, `check --fix`, `import` on top of
it) must answer any such file within seconds and a few hundred MB, or refuse it naming the limit."""
from __future__ import annotations

import zipfile
from pathlib import Path

from tests.word.docx_factory import (NSDECL, STYLES, abstract, lvl, make_docx, num, numbering_xml, p, r, sect, tbl,
                                      tc, tr)

RATIO_FLOOR = 1024 * 1024  # package.RATIO_FLOOR of today; parts stay just under it

_TINY_PARA = "<w:p><w:r><w:t>x</w:t></w:r></w:p>"


def _plan_head(rule: str = "") -> str:
    """The first lines of an ND30 plan (so `check` runs every rule, not only "not an ND30 document")."""
    return (p("ỦY BAN NHÂN DÂN") + p(r("TỈNH QUẢNG NAM", "<w:b/>")) + p("Số: 12/KH-UBND")
            + p(r("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "<w:b/>")) + p(r("Độc lập - Tự do - Hạnh phúc", "<w:b/>"))
            + (p(rule) if rule else "") + p("Quảng Nam, ngày 02 tháng 3 năm 2026")
            + p(r("KẾ HOẠCH", "<w:b/>"), ppr='<w:jc w:val="center"/>')
            + p(r("Thực hiện cải cách hành chính năm 2026", "<w:b/>"), ppr='<w:jc w:val="center"/>'))


_PLAN_TAIL = p("Nơi nhận:") + p("- Như trên;") + p("- Lưu: VT.") + p(r("CHỦ TỊCH", "<w:b/>"))


def _plan(path: Path, body: str, **parts) -> Path:
    """A plan-like document around `body` (blocks): its header lines, then `body`, Nơi nhận and signature."""
    return make_docx(path, _plan_head() + body + _PLAN_TAIL + sect(), **parts)



def header_flood(path: Path, parts: int = 250, part_bytes: int = RATIO_FLOOR - 4096) -> Path:
    """`parts` header parts, each `part_bytes` of one-letter paragraphs (just under the per-part ratio floor,
    so no per-part check fires); every part is referenced by a section of its own. 250 parts: ~850 KB zipped,
    ~250 MB of XML, 7 million paragraphs. One part's bytes are built once and written `parts` times."""
    body = _plan_head() + "".join(p(f"Mục {i}", ppr=sect(header_refs={"default": f"rIdH{i}"}))
                                  for i in range(parts - 1))
    body += _PLAN_TAIL + sect(header_refs={"default": f"rIdH{parts - 1}"})
    small = make_docx(path.with_name(path.name + ".small"), body, headers={f"rIdH{i}": "" for i in range(parts)})
    head = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr {NSDECL}>'.encode()
    big = head + _TINY_PARA.encode() * ((part_bytes - len(head) - 8) // len(_TINY_PARA)) + b"</w:hdr>"
    with zipfile.ZipFile(small) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, big if info.filename.startswith("word/header_") else src.read(info))
    small.unlink()
    return path


def numbering_chain(path: Path, n: int, paragraphs: int = 50) -> Path:
    """`n` abstract numberings chained by numStyleLink → styleLink (each one's levels live on the next),
    the last one with real levels, and `paragraphs` numbered paragraphs using the head of the chain and
    scattered nums along it. Resolved naively, each lookup walks the chain and scans every abstract."""
    abstracts = [abstract(i, [], num_style_link=f"L{i}", style_link=f"L{i - 1}" if i else None)
                 for i in range(n)]
    abstracts.append(abstract(n, [lvl(0, "decimal", "%1.")], style_link=f"L{n - 1}"))
    nums = [num(i + 1, i) for i in range(n + 1)]
    styles = STYLES.replace("</w:styles>", "".join(
        f'<w:style w:type="numbering" w:styleId="L{i}"><w:name w:val="L{i}"/></w:style>' for i in range(n))
        + "</w:styles>")
    body = "".join(p(f"Ý {k}", num=(1 + (k * 7919) % (n + 1), 0)) for k in range(paragraphs))
    return _plan(path, body, numbering=numbering_xml(abstracts, nums), styles=styles)


def underscore_header(path: Path, n: int = 6000) -> Path:
    """An ND30 plan whose header block has a line of `n` underscores then "x" under the motto: the
    typed-underscore rule's pattern backtracked over it in cubic time."""
    body = _plan_head("_" * n + "x") + p("I. MỤC ĐÍCH, YÊU CẦU") + p("Nâng cao chỉ số.") + _PLAN_TAIL + sect()
    return make_docx(path, body)


def appendix_gap(path: Path, n: int = 3000) -> Path:
    """A plan whose last line is "Phụ lục I", `n` spaces, "x", a line break and "!": the appendix-label pattern
    backtracked over the spaces in cubic time (3,000 spaces: 48 s)."""
    tail = p(r("Phụ lục I" + " " * n + "x", extra="<w:br/>"), r("!"))
    return make_docx(path, _plan_head() + p("I. MỤC ĐÍCH") + p("Nâng cao chỉ số.") + _PLAN_TAIL + tail + sect())


def style_chain(path: Path, n: int, paragraphs: int = 200) -> Path:
    """`n` paragraph styles, each basedOn the previous, and paragraphs using styles along the chain."""
    styles = STYLES.replace("</w:styles>", "".join(
        f'<w:style w:type="paragraph" w:styleId="S{i}"><w:name w:val="S{i}"/>'
        + (f'<w:basedOn w:val="S{i - 1}"/>' if i else '<w:basedOn w:val="Normal"/>')
        + f'<w:pPr><w:ind w:left="{i % 500}"/></w:pPr></w:style>' for i in range(n)) + "</w:styles>")
    body = "".join(p(f"Đoạn {k}", style=f"S{(k * 7919) % n}") for k in range(paragraphs))
    return _plan(path, body, styles=styles)


def many_paragraphs(path: Path, n: int) -> Path:
    """A plain plan-like body of `n` paragraphs, some numbered, some bold, a few with typed numbers."""
    numbering = numbering_xml([abstract(1, [lvl(0, "upperRoman", "%1."), lvl(1, "decimal", "%2."),
                                            lvl(2, "lowerLetter", "%3)")])], [num(1, 1)])
    parts = []
    for i in range(n):
        if i % 10 == 0:
            parts.append(p(r(f"Mục {i}", "<w:b/>"), num=(1, 0)))
        elif i % 10 == 1:
            parts.append(p(f"{i % 7 + 1}. Nhiệm vụ {i} của các sở, ban, ngành"))
        else:
            parts.append(p(r("Tổ chức thực hiện "), r(str(i), "<w:b/>"), r(" nhiệm vụ; hoàn thành trước 31/12."),
                           num=(1, i % 3) if i % 2 else None))
    return _plan(path, "".join(parts), numbering=numbering)


def many_runs(path: Path, n: int) -> Path:
    """One paragraph of `n` runs alternating bold/plain, and a second one of `n` tiny runs."""
    runs = "".join(r(f"chữ{i} ", "<w:b/>" if i % 2 else "") for i in range(n))
    return _plan(path, p(runs) + p(*[r("a") for _ in range(n)]))


def many_cells(path: Path, rows: int, cols: int = 6) -> Path:
    """One table of `rows` × `cols` cells (a header row, then numbered rows)."""
    width = 9000 // cols
    head = tr(*[tc(f"Cột {c}", width=width) for c in range(cols)], header=True)
    body = [tr(*[tc(str(i) if c == 0 else f"Ô {i}.{c}", width=width) for c in range(cols)]) for i in range(rows)]
    return _plan(path, p("Phụ lục") + tbl(head, *body, grid=[width] * cols))


def many_tables(path: Path, n: int) -> Path:
    """`n` small tables, each after a paragraph."""
    body = "".join(p(f"Bảng {i}") + tbl(tr(tc("1"), tc(f"việc {i}")), grid=[2000, 6000]) for i in range(n))
    return _plan(path, body)


def many_comments(path: Path, n: int) -> Path:
    """`n` paragraphs, each with a comment anchored over it."""
    body = "".join(f'<w:p><w:commentRangeStart w:id="{i}"/><w:r><w:t>Đoạn {i}</w:t></w:r>'
                   f'<w:commentRangeEnd w:id="{i}"/><w:r><w:commentReference w:id="{i}"/></w:r></w:p>'
                   for i in range(n))
    comments = "".join(f'<w:comment w:id="{i}" w:author="Người duyệt" w:date="2024-05-02T09:00:00Z">'
                       f'<w:p><w:r><w:t>Ý kiến {i}</w:t></w:r></w:p></w:comment>' for i in range(n))
    return _plan(path, body, comments=comments)


def at_budget(path: Path, paragraphs: int = 9_500, runs_per_paragraph: int = 5) -> Path:
    """Just under the package budget (paragraphs and runs): the biggest file that must still be answered, in
    seconds and a few hundred MB. Plan-like lines (numbered, bold words) so every rule has work to do."""
    numbering = numbering_xml([abstract(1, [lvl(0, "upperRoman", "%1."), lvl(1, "decimal", "%2."),
                                            lvl(2, "lowerLetter", "%3)")])], [num(1, 1)])
    para = []
    for i in range(paragraphs):
        runs = [r(f"Nhiệm vụ {i} " if k == 0 else f"phần {k} ", "<w:b/>" if k % 2 else "")
                for k in range(runs_per_paragraph)]
        para.append(p(*runs, num=(1, i % 3) if i % 4 == 0 else None))
    return _plan(path, "".join(para), numbering=numbering)


SCALING = {  # name → (generator, n): doubling n must not more than triple the time
    "paragraphs": (many_paragraphs, 500),
    "runs": (many_runs, 750),  # 1500 before issue 23: a quadratic loop planted over the runs (~0.4 µs a pair) fails at both
    "cells": (many_cells, 150),
    "tables": (many_tables, 150),
    "comments": (many_comments, 400),
    "style chain": (style_chain, 60),
    "numbering chain": (numbering_chain, 800),
}
