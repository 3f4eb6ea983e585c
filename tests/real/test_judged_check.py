"""`check` on the TUNE side of the judged real documents (tests/real/judgements/*.yaml, README there): every
finding a person judged true is still reported, every one judged false is gone (matched by rule and
paragraph, tools/measure_check.py). The held-out side is measured, never tested (tools/measure_check.py).
The FRESH, FRESH2, FRESH3 and FRESH4 documents (tests/real/docs, judged before the rules were changed for them,
then tuned on) are tested the same way; their files are in the repository, so these need only LibreOffice for the .doc
ones. FRESH5 was held out (0.78/0.94 on main before any fix for it) and is tune material since fix5, tested the
same way; FRESH6 likewise (0.82/0.95 on main 7656e2c, held out until fix6 read it), and FRESH7 (0.97/1.00 on main
40e03ba, 0.97/0.99 with fix6's changes for FR6 before it was read; held out until fix6 read it), FRESH9 (0.95/0.86
on main 40e03ba, 0.95/0.85 with fix6's changes; held out until fix9 read it) and FRESH8 (0.84/0.97 on main 40e03ba,
0.91/0.97 with fix6's and fix9's changes; held out until fix8 read it) and FRESH10 (0.90/0.96 on main d2d0f8a with
fix8 merged; held out until fix10 read it, 2026-12-07) and FRESH11 (0.91/0.68 on main 0871a73; held out until fix11 read
it, 2026-12-07) and FRESH12 (0.88/0.98 on main 58eee4e; held out until fix12 read it, 2026-12-07) and FRESH13 and
FRESH14 (0.94/0.82 and 0.93/0.92 on main 63e66ef; held out until fix13 read them, 2026-12-07)
and FRESH15 (0.95/0.97 on main 63e66ef; held out until fix15 read it, 2026-12-07) and FRESH16 (1.00/0.94 on main
46de17e; held out until fix16 read it, 2026-12-07) and FRESH18 (0.96/0.98 on main 477c637; held out until fix18 read it,
2026-12-07) and FRESH19 (0.92/0.96 on main a3a7e83; held out until fix19 read it,
2026-12-07), FRESH20 (0.90/0.93 on main 813cc40 and c183078; held out until fix20 read it, 2026-12-08) and FRESH21,
FRESH22 (0.93/1.00 and 0.96/0.94 at c183078; held out until fix22 read them, 2026-12-08) and FRESH23 (0.79/1.00 at
4d570a1 and on main 7e2f076; held out until fix23 read it, 2026-12-08) and FRESH24 (0.70/1.00 at 39c7a6b and with the
round's last checker, fix23's; held out until the lead read it, 2026-12-08).

False findings whose cause belongs to reading what Word shows (tabs, line breaks, even-page footers, lines
anchored elsewhere, one-page documents: the `check` reader's work, done beside this) are expected to fail
until that work lands: strict xfail, so the mark must go the day they are fixed."""
from __future__ import annotations

import importlib.util
import sys
import tempfile
from functools import lru_cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
spec = importlib.util.spec_from_file_location("measure_check", ROOT / "tools" / "measure_check.py")
measure = importlib.util.module_from_spec(spec)
sys.modules["measure_check"] = measure  # its dataclasses look their module up
spec.loader.exec_module(measure)

# A rule typed as four en dashes ("––––", FR2-TT02) is read as a typed rule (grammar.is_typed_rule: en/em dashes join
# into a stroke from three on); typed underscore rules are judged true (issue 20 counts "____" under the trích yếu as a
# fault; PL I §II draws a line), see judgements/README.md. The reader's causes, FR2's en-dash rule, every FR4 cause and
# the two FR3 causes (a second page left empty by trailing blank lines, pagenum.one_page; an indent of spaces judged
# "0,0 mm" false and its new width true, recorded as a true group from the judge's note, fix6) are fixed: no list.
# FR5 (held out until fix5; 0.78/0.94 on main before any fix for it): fix5 fixed attached-document-read-as-tail (blank
# forms after the signature), the signature typed with tabs and spaces outside a table, and a recipient wrapped onto
# a line opening in lower case (manual-line-break-in-item); fix6 an italic aside over two paragraphs, a wrapped agency
# name's rule measured against one line and a lower-case aside in a mục title. Left open, each by
# (document, cause, rule): a letter's trích yếu "Về việc …" and "Kính gửi" read as body (CV03: reading them as the
# trích yếu loses two true findings judged under body.size and title.missing); and one true finding main had already lost (the first body paragraph's 3 pt, CV03 ¶8: its
# 3 pt before sit under 6 pt after "Kính gửi", so the page shows a gap of 6 pt or more). "- Lưu VT." is judged by its
# form now ("dòng lưu phải có dạng …"): the judge's missed colon was relabelled to recipients.archive, the rule the
# other judges gave the same fault (fix6)
OPEN_FR5: tuple[tuple[str, str, str], ...] = (
    ("FR5-CV03", "element-misidentified", "body.indent"), ("FR5-CV03", "element-misidentified", "body.justify"),
    ("FR5-CV03", "element-misidentified", "body.spacing"))
# FR8 (held out until fix8; 0.92/0.97 on main bc20764 before any fix for it): fix8 fixed list lines set in by a left
# indent stated "0,0 mm", "HD-" read as Hợp đồng, italic numbered titles, a Nơi nhận line left open by a comma, a
# signature in a text box, a letter's five-letter agency code, a template's "ngày … tháng …" and the lost trích yếu
# rule, and caught its misses (lower-case mục titles with "được", "Tp." in the date, "TM. …" with no post).
# fixopen fixed the page number asked of a one-page template (CV02, and FR5-TB01's notice): the page estimate added
# a paragraph's space after to the next one's space before, where the page shows the larger of the two, and counted
# the empty line after the page break that ends the text into page 1; and FR5-TB01's drawn agency rule, missed while
# the header line typed with spaces ("CỤC …      CÔNG HÒA …") was read as one agency line (cut at its gap now), and its
# Tiêu ngữ's rule, looked for under the school name's tab column (the line under where the Tiêu ngữ prints now)
OPEN_FR8: tuple[tuple[str, str, str], ...] = ()
# FR10 (held out until fix10; 0.90/0.96 on main d2d0f8a with fix8 merged, before any fix for it): fix10 fixed transmission
# lines after "- Lưu" read as recipients, numbers typed without a space ("1.Vị trí", "Điều 1.Công nhận"), "Điểu" and a
# khoản run on into the one before, one-line paragraphs set left, a Công điện's "… điện:" address, a type line with a
# qualifier ("KẾ HOẠCH HÀNH ĐỘNG", and "THÔNG CÁO BÁO CHÍ" / "CHƯƠNG TRÌNH CÔNG TÁC …" without a number, so those two are
# checked now, their new findings judged by fix10 on the page) and --fix setting Times New Roman on TCVN3 text.
# fixopen fixed what fix10 left open: a header line typed with spaces between agency and Quốc hiệu (TC01: cut at the
# gap; its date, pushed right by spaces, is now told), the second line of a two-line type line ("… / CỦA UỶ BAN NHÂN
# DÂN TỈNH") read as a trích yếu, "./." asked before the schedule table that ends the content (now asked under it),
# and a signature block with no signer (a body's name only) read as a post under a name (CTR01: signer.missing now)
OPEN_FR10: tuple[tuple[str, str, str], ...] = ()
# FR11 (held out until fix11; 0.91/0.68 on main 0871a73 before any fix for it, 2026-12-07): fix11 fixed a headline
# Thông báo with no number refused as not ND30 (TB02), bulleted Kính gửi recipients, tabbed signing captions and a
# "(V/v …)" under a made-up type line (GDN01), "./." asked before a closing table and a page number asked of a one-page
# document whose header sits in text boxes (CTR01); FR10-CTR01's "./." before its schedule table went with it. The new
# findings of TB02 (checked now) and of FR6-TB02, FR10-TC01 and FR10-CTR01 were judged by fix11 on the page (each reason
# says "fix11"). Left open: a page number asked of TB02, one page of text whose trailing blank lines LibreOffice puts on
# an empty second page (the page estimate puts its text at 98% of page 1)
OPEN_FR11: tuple[tuple[str, str, str], ...] = ()  # TB02's one page: Word's saved count decides (the lead, FR28)
# FR12 (held out until fix12; 0.88/0.98 on main 58eee4e before any fix for it, 2026-12-07): fix12 fixed ten decisions in
# one file read as one document (each is a document of its own now: its header judged, its type line, trích yếu and căn
# cứ not body, its Điều from 1, no page number asked across them), a Nơi nhận dash drawn by a Word list, a QĐ cá biệt's
# "Điều 1. Nay đồng ý cho ông: …" read as a title, a greeting banner read as the issuer (--fix shrank it), a khoản
# leading into its points read as a title, a form's blank number and date; and caught the misses (CV01's merged number,
# "Chương 1.", a Thông báo's "(V/v …)", "-Như điều 3;"). The new findings (the later decisions' headers, CV01's and
# TB01's, FR2-TT02's "Phần 1") were judged by fix12 on the page (each reason begins "fix12:"). Nothing left open
OPEN_FR12: tuple[tuple[str, str, str], ...] = ()
# FR13 and FR14 (held out until fix13; 0.94/0.82 and 0.93/0.92 on main 63e66ef before any fix for them, 2026-12-07): see
# tests/real/README.md, "Thirteenth fresh set" and "Fourteenth fresh set", for what fix13 fixed (its new findings on BB02,
# checked now, judged on the page: each reason says "fix13"). Left open, each by (document, cause, rule): a date in the
# header table's next row printed 1.5 mm from the Số line's level (ND01: telling it needs the rows' printed heights)
OPEN_FR13: tuple[tuple[str, str, str], ...] = (("FR13-ND01", "date-row-offset-small", "date.position"),)
OPEN_FR14: tuple[tuple[str, str, str], ...] = ()
# FR15 (held out until fix15; 0.95/0.97 on main 63e66ef before any fix for it, 1.00/0.98 after, 2026-12-07): fix15 fixed a
# signer block typed with spaces on the Nơi nhận lines (QD02: the lines end before the gap, the signer's lines are the
# signature; --fix no longer restyles them), a template and its filled copy in one file under headers typed with a tab
# before the Quốc hiệu (QD03: two decisions now; --fix no longer resizes the copy's Nơi nhận), the page number asked
# of a one-page appendix numbered on its own (QD01) and an amending text's quoted new wording told out of sequence
# (ND01), and caught CV01's bold "1." and QD03's second header. The new finding (QD02's signer.size) was judged by
# fix15 on the page. Left open: the decision's own one page in QD01 (section 1: its estimate, 734 pt for a 728 pt text
# area, says two pages), QD02's indents (first line 7.4 mm over a 2.5 mm left indent, read as 9.9 mm from the margin)
OPEN_FR15: tuple[tuple[str, str, str], ...] = (("FR15-QD01", "one-page-document", "pagenum.missing"),)
# FR16 (held out until fix16; 1.00/0.94 on main 46de17e before any fix for it, 1.00/1.00 after, 2026-12-07): fix16 caught its
# nine misses: page 1's number in the first-page footer and none on pages 2–12 (pagenum.first, pagenum.missing, told
# only when a header held a number), "Điều 1:" with a colon and underlined, the last căn cứ closed by ";" above "QUYẾT
# ĐỊNH", and a tab under a 15 mm hanging indent (taken to the 12.7 mm default stop; Word and LibreOffice take it to the
# indent). The new findings on other files (a footer's number printed on page 1 of 18 of them, FR-QDPL03's "Điều 13:")
# were judged by fix16 on the page (each reason begins "fix16:"). Nothing left open
OPEN_FR16: tuple[tuple[str, str, str], ...] = ()
# FR19 (held out until fix19; 0.92/0.96 on main a3a7e83 before any fix for it, 2026-12-07): fix19 fixed the approving
# rector's block beside the signer's read as the Nơi nhận (DA01, 16), a lone "Phụ lục 2" told to drop its number (now
# told in Roman numerals, a miss caught), a final full stop in Arial told as the paragraph's font, a formula built of
# small paragraphs read as running text (QC02, 10), caught Phụ lục 2's title in lower case, and --fix gives up a
# smaller size that moves text to another page (QC02's harm). The new findings (FR3-BC01's font finding moved to a
# paragraph whose word is in Calibri) were judged by fix19 on the page. Left open: DA01's italic sub-headings on lines
# of their own (plain italic like FR6-TB01's true "Mẫu đơn tại file đính kèm"), QC01's drawn Tiêu ngữ rule that
# LibreOffice prints touching the letters
OPEN_FR19: tuple[tuple[str, str, str], ...] = (("FR19-QC01", "rule-line-detection", "motto.rule"),)
# FR20 (held out until fix20; 0.90/0.93 on main 813cc40 and c183078 before any fix for it, 2026-12-08): fix20 fixed the
# italic sub-headings on lines of their own over upright text (BC02, and FR19-DA01's, open until then), a paragraph
# spaced 3 + 3 pt under a table (NQ01), "(để b/c)" in a text box beside the recipients' brace (BC02), an "&" in the
# agency's abbreviation and a draft's "năm 20.." (QD01), and caught the UBND plan signed "CHỦ TỊCH" without "TM." (KH03)
# and the Quy chế's own "CỘNG HOÀ" (QD01), "Tự  do" and page 2's 9 pt number (KH03), a khoản title closed by a stray full
# stop (NQ01). The new findings on other files (FR-QD01's and FR-QD04's attached headers, FR3-CV01's "Tự  do",
# FR12-TT01's "2. Hồ sơ di chuyển.") were judged by fix20 on the page. Left open: QD01's "2. Chỉ đạo Phòng QT&ANM", a
# lead-in told by its verb, not its form (a rule by its siblings dropped six true titles of GOV01 and QD-TN01)
OPEN_FR20: tuple[tuple[str, str, str], ...] = (("FR20-QD01", "khoan-text-read-as-title", "heading.style"),)
# FR21 and FR22 (held out until fix22; 0.93/1.00 and 0.96/0.94 at c183078 before any fix for them, 2026-12-08): fix22
# made the size corrections of a group all or none (FR22-TB02's harm), refused the scans (CV01, BC01) as scans, read
# the Quy chế a decision issues as its own text (QD02's title lines and Điều 1, QD03's "Phụ lục" asked for), the
# HĐND's 2025 formula for "QUYẾT NGHỊ:" (NQ01), a Quốc hiệu and Tiêu ngữ in one wrapped paragraph (CV02), a centred
# Kính gửi under a headline (PC01), glued and dotless numbers and "2.95 %" (KH01), a template's placeholders and dotted
# blanks (TB02), a list's dash before a spaced recipient (KH01), a Công văn template numbered by a placeholder (CV03,
# refused before; its three new findings judged by fix22 on the page); caught misses. Left open: a sentence
# cut by a stray paragraph mark (QD03 ¶158), khoản under a missing mục heading told to renumber (KH01 ¶66), the page
# number asked of a one-page template (CV02), the circular's instruction line read as the signer's name (TB02)
OPEN_FR21_22: tuple[tuple[str, str, str], ...] = (
    ("FR22-KH01", "missing-heading-told-as-khoan-order", "heading.sequence"),
    ("FR22-CV02", "one-page-document", "pagenum.size"),
    ("FR22-TB02", "signer-caption-read-as-name", "signer.size"))
# false FR23 findings whose cause is left open: the Tiêu ngữ set left in a table nested in the header cell, the nested
# table moved in (tblInd) so it prints centred; the reader flattens a nested table into its cell and drops that indent
# (generator/word's work)
OPEN_FR23: tuple[tuple[str, str, str], ...] = (("FR23-GGT01", "motto-centred-by-cell", "motto.style"),)
# FR24 (held out until the lead read it, 2026-12-08; 0.70/1.00 at 39c7a6b and with fix23's checker): the Youth Union's
# Kế hoạch is told not ND30 (EXT01, 24 false). Left open: KH02's last of 23 numbered slogans told to be a bold title
OPEN_FR24: tuple[tuple[str, str, str], ...] = (("FR24-KH02", "list-item-read-as-title", "heading.style"),)
# FR25 (judge26 at 6a459f2: 0.93/0.86, the same with the fresh26 checker; held out until the lead read it, 2026-12-08):
# a centred "Kính gửi" under an approval box and a headline, each under an empty line (DX01), and an authority line
# placed by a tab (QD01) are no body. Left open: a name's printed width under-estimated under its rule (CV01, borderline)
# and a right-aligned date that fills its cell, so prints centred (BC01)
OPEN_FR25: tuple[tuple[str, str, str], ...] = (("FR25-CV01", "text-width-underestimated", "issuer.rule"),
                                               ("FR25-BC01", "right-aligned-date-prints-centred", "date.style"))
# FR28 (judge29 at 2b67d1b: 0.94/0.62, the same with the fresh25 checker; held out until the lead read it, 2026-12-08):
# "PHỤ LỤC 1C" is a label, not "PHỤ LỤC 1" run into a title "C"; a "(Kèm theo …)" line under a three-line title, its rule
# under its second line; a first line moved into the margin by a negative left indent starts where it should; a page
# and a bit by the estimate is one page when Word saved the count 1 (CV02, as FR11-TB02)
OPEN_FR28: tuple[tuple[str, str, str], ...] = ()
# every set's causes left open, each false finding of one a strict xfail (its mark must go the day it is fixed)
OPEN: tuple[tuple[str, tuple[tuple[str, str, str], ...]], ...] = (
    ("FR5", OPEN_FR5), ("FR8", OPEN_FR8), ("FR10", OPEN_FR10), ("FR11", OPEN_FR11), ("FR12", OPEN_FR12),
    ("FR13/FR14", OPEN_FR13 + OPEN_FR14), ("FR15", OPEN_FR15), ("FR16", OPEN_FR16), ("FR19", OPEN_FR19),
    ("FR20", OPEN_FR20), ("FR21/FR22", OPEN_FR21_22), ("FR23", OPEN_FR23), ("FR24", OPEN_FR24),
    ("FR25", OPEN_FR25), ("FR28", OPEN_FR28))
# true FR5 findings not reported (document, rule, where)
LOST_FR5: tuple[tuple[str, str, str], ...] = (("FR5-CV03", "body.spacing", "paragraph 8"),)
# true FR25 findings not reported since: DX01's "ĐỀ XUẤT" at 16 pt was told as body text (body.size); over its "Kính
# gửi" it is a headline now, the body's no more, and no rule judges a headline that is not an ND30 type line
LOST_FR25: tuple[tuple[str, str, str], ...] = (("FR25-DX01", "body.size", "paragraph 12"),)
_TMP = Path(tempfile.mkdtemp(prefix="judged-"))


@lru_cache(maxsize=None)
def judgement(key: str) -> dict:
    """A document's judgement, read once per test process (a YAML file read for each of its ~700 findings cost
    more than scoring them); nothing here changes it."""
    return measure.judgement(key)


@lru_cache(maxsize=None)
def findings(key: str) -> tuple:
    j = judgement(key)
    docs = measure.LOCAL if (measure.LOCAL / j["file"]).exists() else measure.shared_docs()
    assert docs is not None, "thiếu thư mục tài liệu thật ../shared/real-docs bên cạnh kho"
    path = measure.docx_of(key, j, _TMP)
    found, identified = measure.run_check(path)
    return tuple(found), identified


def missed_left(keys, governed: bool = True) -> list[tuple[str, str, str]]:
    """(document, rule, where) of each fault its judge listed as missed that no finding catches yet; `governed`: each
    document is also asserted to be judged under ND30."""
    left = []
    for key in keys:
        found, identified = findings(key)
        assert identified.governed or not governed, key
        left += [(key, m["rule"], str(m["where"])) for m in judgement(key).get("missed") or []
                 if not any(measure._hits(m, f) for f in found)]
    return left


def cases():
    out = []
    for key in measure.TUNE + measure.FRESH + measure.FRESH2 + measure.FRESH3 + measure.FRESH4 + measure.FRESH5 \
            + measure.FRESH6 + measure.FRESH7 + measure.FRESH9 + measure.FRESH8 + measure.FRESH10 + measure.FRESH11 \
            + measure.FRESH12 + measure.FRESH13 + measure.FRESH14 + measure.FRESH15 + measure.FRESH16 + measure.FRESH18 \
            + measure.FRESH19 + measure.FRESH20 + measure.FRESH21 + measure.FRESH22 + measure.FRESH23 \
            + measure.FRESH24 + measure.FRESH25 + measure.FRESH26 \
            + measure.FRESH28:
        j = judgement(key)
        for n, g in enumerate(j.get("findings") or []):
            marks = []
            for label, open_causes in OPEN:
                if not g["verdict"] and (key, str(g.get("cause") or ""), g["rule"]) in open_causes:
                    marks = [pytest.mark.xfail(strict=True, reason=f"open in {label}: {g.get('cause')}")]
                    break
            if g["verdict"] and (key, g["rule"], str(g.get("where"))) in LOST_FR5 + LOST_FR25:
                marks = [pytest.mark.xfail(strict=True, reason="true, not reported (lost before fix5, or by the lead's "
                                                                "fresh25 fix)")]
            out.append(pytest.param(key, n, id=f"{key}-{n}-{g['rule']}-{'true' if g['verdict'] else 'false'}",
                                    marks=marks))
    return out


@pytest.mark.parametrize("key, n", cases())
def test_judged_finding(key, n):
    j = judgement(key)
    group = next(g for g in scored_groups(key) if g[0] == n)[1]
    raw = j["findings"][n]
    if raw["verdict"]:
        assert group.matched, f"{key}: judged true, no longer reported: {raw['rule']} {raw.get('where')} {raw['excerpt']}"
    else:
        assert not group.matched, (f"{key}: judged false, still reported: {raw['rule']} {raw.get('where')}: "
                                   f"{[f['message'] for f in group.matched]}")


@lru_cache(maxsize=None)
def scored_groups(key: str) -> tuple:
    """(index in the YAML, matched group) of one document's findings, scored once per test process: the same
    for each of its judged findings."""
    j = judgement(key)
    found, _ = findings(key)
    return tuple(score_groups(measure.score(key, list(found), j), j))


def score_groups(score, j):
    """(index in the YAML, matched group) of one scored document."""
    return list(enumerate(score.groups))


@pytest.mark.parametrize("key", ["EXT01", "PARTY01", "FR-EXT01", "FR2-EXT01", "FR2-EXT02", "FR2-EXT03", "FR3-EXT01",
                                 "FR3-BC02", "FR4-EXT01", "FR5-PC01", "FR5-EXT01", "FR5-EXT02", "FR6-BB01",
                                 "FR6-EXT01", "FR7-EXT01", "FR7-EXT02", "FR8-EXT01", "FR8-EXT02", "FR10-TB01",
                                 "FR10-EXT01", "FR11-BB01", "FR11-EXT02", "FR16-EXT01"])
def test_documents_nd30_does_not_govern_get_no_findings(key):
    found, identified = findings(key)
    assert found == () and identified is not None and identified.governed is False


@pytest.mark.parametrize("key", ["FR22-CV01", "FR22-BC01"])
def test_a_scan_is_refused_as_a_scan_FR22(key):
    """FR22-CV01 and BC01 hold only pictures of their pages: refused with the sentence that says so (a scan whose text
    cannot be read), never as a speech or a form; no finding."""
    found, identified = findings(key)
    assert found == () and not identified.governed and identified.why.startswith("bản chụp (scan)")


def test_not_a_word_file_is_refused():
    found, identified = findings("BAD01")
    assert found == () and identified is None


def test_a_headline_notice_without_a_number_is_checked_as_a_notice_FR11_TB02():
    """FR11-TB02 was refused as not ND30 (its 27 faults all missed): a faculty's Thông báo under its header and the
    Quốc hiệu, "THÔNG BÁO NỘP BÁO CÁO THỰC TẬP" as one headline, no number, no date. The judge's missed faults are
    its findings now; those still missed are said in tests/real/README.md."""
    found, identified = findings("FR11-TB02")
    assert identified.governed and identified.type.words == "Thông báo"
    j = judgement("FR11-TB02")
    caught = [m for m in j["missed"] if any(measure._hits(m, f) for f in found)]
    assert {m["rule"].split(" ")[0] for m in caught} >= {
        "number.missing", "date.missing", "title.missing", "doctype.size", "national.style", "national.text",
        "motto.style", "motto.size", "motto.text", "page.size", "page.margins", "heading.style", "body.indent",
        "closing.mark", "recipients.missing"}


def test_a_letter_template_with_a_merged_number_is_checked_FR12_CV01():
    """FR12-CV01 was refused as not ND30 (its three faults missed): a province's công văn template whose number is a
    merge field ("Số: ${KH}") over "V/v xử lý ${VV}". It is checked as a công văn now, its judged faults found."""
    found, identified = findings("FR12-CV01")
    assert identified.governed and identified.type.words == "Công văn"
    j = judgement("FR12-CV01")
    assert all(any(measure._hits(m, f) for f in found) for m in j["missed"])


def test_the_faults_missed_on_a_groups_decision_are_found_FR16_QD01():
    """FR16-QD01's nine misses, judged at 46de17e: page 1 numbered in its first-page footer and pages 2–12 without a
    number, "Điều 1:" … "Điều 5:" with a colon and underlined, Điều 1's text hung 15 mm by a tab, the last căn cứ closed
    by ";". Each is found now at its place."""
    found, identified = findings("FR16-QD01")
    assert identified.governed and identified.type.words == "Quyết định"
    j = judgement("FR16-QD01")
    assert [m["rule"] for m in j["missed"] if not any(measure._hits(m, f) for f in found)] == []


def test_the_faults_missed_on_the_eighteenth_set_are_found_FR18():
    """The eighteenth set's misses, judged at 477c637: page 1 numbered on a one-page công văn (CV01), the Chương/Mục
    headings and the enacting line at 12 pt and the Mục headings on one line (ND01), the Tiêu ngữ's pair and the enacting
    line's spacing (TT01), the Arabic appendix numbers and the authority line (QD01), the label-less appendix file
    (PL01). Left: PL01's page 1 number (an appendix file is numbered from its first page), QD01's appendix title sizes."""
    left = [(key, rule) for key, rule, _ in missed_left(measure.FRESH18)]
    assert left == [("FR18-PL01", "pagenum.first"), ("FR18-QD01", "appendix.title")], left


def test_the_faults_missed_on_the_twentieth_set_are_found_FR20():
    """The twentieth set's misses, judged at 813cc40: the UBND plan signed "CHỦ TỊCH" without "TM. ỦY BAN NHÂN DÂN",
    page 2's number at 9 pt in its section's first-page header and "Tự  do" (KH03), the Quy chế's own "CỘNG HOÀ" (QD01),
    "7. … công nghệ." a title with a stray full stop among titles (NQ01). Left: KH02's "5. Các doanh nghiệp … UBND:" (a
    lead-in sentence by its words, a title only beside its bold siblings), KH03's numbers "left of the centre" (a text
    box centred on the margin and fitted to its text, which LibreOffice draws at its stored 2 in width)."""
    left = [(key, rule) for key, rule, _ in missed_left(measure.FRESH20)]
    assert left == [("FR20-KH02", "heading.style"), ("FR20-KH03", "pagenum.position")], left


def test_ten_decisions_in_one_file_are_ten_documents_FR12_QD01():
    """FR12-QD01 holds ten one-page decisions: each one's header is judged (nine later "Số :" told), none of their
    "Điều 1" is told to be renumbered, and no page number is asked of the file."""
    found, _ = findings("FR12-QD01")
    assert sum(1 for f in found if f["rule"] == "number.form") == 10
    assert not [f for f in found if f["rule"] in ("heading.sequence", "pagenum.missing")]


@pytest.mark.parametrize("key", measure.TUNE + measure.FRESH + measure.FRESH2 + measure.FRESH3 + measure.FRESH4
                         + measure.FRESH5 + measure.FRESH6 + measure.FRESH7 + measure.FRESH9 + measure.FRESH8
                         + measure.FRESH10 + measure.FRESH11 + measure.FRESH12 + measure.FRESH13 + measure.FRESH14
                         + measure.FRESH15 + measure.FRESH16 + measure.FRESH18 + measure.FRESH19 + measure.FRESH20
                         + measure.FRESH21 + measure.FRESH22 + measure.FRESH23 + measure.FRESH24
                         + measure.FRESH25 + measure.FRESH26 + measure.FRESH28)
def test_every_finding_on_a_judged_document_was_judged_on_the_page(key):
    """A new rule or a changed one that reports something on a judged document must have it judged on the page and
    written in the judgement (true or false): a finding nobody looked at was merged unnoticed once (FR16-QD01's red
    full stop, after font.color came in)."""
    j = judgement(key)
    found, _ = findings(key)
    new = measure.score(key, list(found), j).unjudged_found
    assert not new, f"{key}: chưa được chấm trên trang: " + "; ".join(
        f"{f['rule']} ¶{f.get('paragraph')} {f['message'][:80]}" for f in new)


def test_the_faults_missed_on_the_twenty_second_set_are_found_FR22():
    """The twenty-second set's misses found since fix22, judged at c183078: the lower-case titles of KH01's mục II
    ("II.Mục tiêu:") and VII ("VII Chế độ báo cáo"), TB01's "Vĩnh long, … «yyyy»." and its regular "ỦY BAN NHÂN DÂN"
    over a bold "TỈNH VĨNH LONG", CV03's (checked since its placeholder number is read as a number) but two. Left: those
    of the two scans (refused), KH01's regular khoản titles "1. Thời gian:", "2. Địa điểm:" (listed by the lead when
    fix20's checker told their sibling "3. Đối tượng tực hiện.") and lower-case Phần I title, PC01's Phiếu chuyển number, CV03's and TB02's bold parent
    name and CV03's italic V/v."""
    left = [(key, rule) for key, rule, _ in missed_left(measure.FRESH22, governed=False)]
    assert [x for x in left if x[0] not in ("FR22-CV01", "FR22-BC01")] == [
        ("FR22-KH01", "heading.style"), ("FR22-KH01", "heading.style"), ("FR22-PC01", "number.form"), ("FR22-CV03", "issuer.style"),
        ("FR22-CV03", "title.style"), ("FR22-TB02", "issuer.style")], left


def test_the_faults_missed_on_the_twenty_sixth_set_are_found_FR26():
    """The twenty-sixth set (judged by judge27 at 6a459f2, held out until the lead read it) missed a bold "f)" line
    (its letter out of order, its look then not judged), "g)", "h)", "i)", "k)" typed bold before regular text and the
    bold italic run-in titles "b) Trụ sở làm việc:", "e) …:". Left: the Quy định's own header's 13/13 pair and two rules
    measured on the trích yếu's last line ([UNVERIFIED] nd30.md §2.2), and the letter's form without a label (CV01)."""
    left = missed_left(measure.FRESH26, governed=False)
    assert left == [("FR26-CV01", "appendix.label", "paragraph 36"), ("FR26-QD01", "font.size-pair", "paragraph 55"),
                    ("FR26-QD01", "issuer.rule", "paragraph 56"), ("FR26-QD01", "title.rule", "paragraph 15")], left
    found, _ = findings("FR26-QD01")
    told = {f["paragraph"] for f in found if f["rule"] == "heading.style"}
    assert {99, 102, 103, 104, 105, 67, 98} <= told, sorted(told)
