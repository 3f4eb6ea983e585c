"""Measure `kehoach check` against the judged real documents (tests/real/judgements/*.yaml).

    python tools/measure_check.py                  # held-out documents (report these)
    python tools/measure_check.py --split tune     # the tune side
    python tools/measure_check.py --split fresh    # documents of other bodies in tests/real/docs
    python tools/measure_check.py --split fresh2   # found after the rules changed: never tuned on
    python tools/measure_check.py --split fresh3   # third round, other sources: judged before any change for them
    python tools/measure_check.py --split fresh4   # judged before any change for it, then tuned on (fix4)
    python tools/measure_check.py --split fresh5   # judged before any change for it, then tuned on (fix5)
    python tools/measure_check.py --split fresh6   # judged before any change for it, then tuned on (fix6)
    python tools/measure_check.py --split fresh7   # judged at 40e03ba before any change for it, then tuned on (fix6)
    python tools/measure_check.py --split fresh9   # judged at 40e03ba before any change for it, then tuned on (fix9)
    python tools/measure_check.py --split fresh8   # judged at 40e03ba before any change for it, then tuned on (fix8)
    python tools/measure_check.py --split fresh10  # judged at bc20764 before any change for it, then tuned on (fix10)
    python tools/measure_check.py --split fresh11  # judged at 0871a73 before any change for it, then tuned on (fix11)
    python tools/measure_check.py --split fresh12  # judged at 21fa927 before any change for it, then tuned on (fix12)
    python tools/measure_check.py --split fresh13  # judged at cc5c935 before any change for it, then tuned on (fix13)
    python tools/measure_check.py --split fresh14  # judged at f3daad1 before any change for it, then tuned on (fix13)
    python tools/measure_check.py --split fresh15  # judged at 63e66ef before any change for it, then tuned on (fix15)
    python tools/measure_check.py --split fresh16  # judged at 46de17e before any change for it, then tuned on (fix16)
    python tools/measure_check.py --split fresh18  # judged at 477c637 before any change for it (held out)
    python tools/measure_check.py --split fresh19  # judged at a3a7e83 before any change for it (held out)
    python tools/measure_check.py --split fresh20  # judged at 813cc40 before any change for it, then tuned on (fix20)
    python tools/measure_check.py --split fresh21  # judged at c183078 before any change for it; tuned on by fix22
    python tools/measure_check.py --split fresh22  # judged at c183078 before any change for it; tuned on by fix22
    python tools/measure_check.py --split fresh23  # judged at 4d570a1 before any change for it; tuned on by fix23
    python tools/measure_check.py --split fresh24  # judged at 39c7a6b before any change for it; tuned on by the lead
    python tools/measure_check.py --split fresh25  # judged at 6a459f2 before any change for it (held out)
    python tools/measure_check.py --split fresh26  # judged at 6a459f2 before any change for it (held out)
    python tools/measure_check.py --split fresh28  # judged at 2b67d1b before any change for it (held out)
    python tools/measure_check.py --split all
    KEHOACH_TREE=../main python tools/measure_check.py   # another tree's checker (a "before")

Each judged YAML lists the findings today's checker gave, each group judged true or false by a person
looking at the page, with the rule and the paragraphs (1-based) it fired at, and the faults it missed.
A finding of a run now is matched to the judged group of the same rule whose paragraphs hold its paragraph
(a finding without a paragraph matches a group without paragraphs); it takes that group's verdict. A
finding no group covers is "unjudged" (new since the judgement): the table shows them apart, and the
lower bound of precision counts them as false. A missed fault counts as caught when a finding of its rule
(the first word of its `rule`) fires at one of its paragraphs.

Precision = true / (true + false); recall = true / (true + still missed), where "true" counts findings
and "missed" the judged missed places (`count`) not caught. The real Word files are read from
../shared/real-docs (or $KEHOACH_SHARED/real-docs); .doc files are converted with LibreOffice first.
This is a measuring tool: it never fails on low numbers.
"""
from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
JUDGED = REPO / "tests" / "real" / "judgements"
# KH01, KH03, QD03, CV04, GEN02, TTR01 and GOV01 were held out until their failures were looked at to fix them
# (issue 20, helper oldheld): looking at a held-out document's failures moves it to the tune side
TUNE = ("KH07", "QD01", "CV01", "CV05", "BC01", "TB01", "EXT01", "PARTY01", "BAD01",
        "KH01", "KH03", "QD03", "CV04", "GEN02", "TTR01", "GOV01")
HELD_OUT = ("BC03", "EXT03", "TPL03")
# documents from other public bodies in tests/real/docs (SOURCES.tsv), judged with the checker of main at 98afa5f
# before any rule was changed for them: the "fresh" held-out of issue 20's second round
FRESH = ("FR-QD01", "FR-QD02", "FR-QDPL03", "FR-QD04", "FR-CT01", "FR-KH01", "FR-EXT01", "QD-TN01")
# documents found after the rules were changed, judged with the changed checker and never tuned on: the honest
# held-out of the fresh round
FRESH2 = ("FR2-TT01", "FR2-TT02", "FR2-EXT01", "FR2-EXT02", "FR2-EXT03")
# third round: documents of other sources (SOURCES.tsv), judged with main at 367ee80 before any rule changed for them
FRESH3 = ("FR3-TTR01", "FR3-CV01", "FR3-TB01", "FR3-CT01", "FR3-BC01", "FR3-BC02", "FR3-EXT01")
# documents of provincial bodies, a ministry's office and two schools (2012-2022), a survey form, a training handout and
# a section's internal assignment sheet, judged with main at 367ee80 before any rule was changed for them (precision
# 0.77, recall 0.94 then; 0.78/0.94 on main after the fix4 round, before any fix for it), then read to change the rules
# (fix5): tune material now, asserted by tests/real/test_judged_check.py like FRESH4
FRESH5 = ("FR5-QD01", "FR5-QD02", "FR5-HD01", "FR5-CV01", "FR5-CV02", "FR5-CV03", "FR5-TB01", "FR5-PC01",
          "FR5-EXT01", "FR5-EXT02")
# documents of a provincial department and its province (2025-2026) and a citizen's form, judged with main at 367ee80
# before any rule was changed for them (precision 0.79, recall 0.89 then), then read to change the rules (fix4): tune
# material now, asserted by tests/real/test_judged_check.py like FRESH and FRESH2
FRESH4 = ("FR4-QD01", "FR4-KH01", "FR4-TB01", "FR4-BC01", "FR4-TTR01", "FR4-CV01", "FR4-CV02", "FR4-GP01",
          "FR4-EXT01")
# sixth round: two universities' Thông báo (2023, 2008), a working record of a provincial Sở Tài chính with its
# software contractor (2017) and a company employee's proposal, judged with main at 7656e2c before any change for
# them (precision 0.82, recall 0.95 then), then read to change the rules (fix6): tune material now, asserted by
# tests/real/test_judged_check.py like FRESH5
FRESH6 = ("FR6-TB01", "FR6-TB02", "FR6-BB01", "FR6-EXT01")
# seventh round: a Sở GDĐT's decision and plan and a school's plan (Đồng Tháp, 2026), two Sở Tài chính price reports
# (Khánh Hòa, Hậu Giang, 2024), a province's legal-database copy of a QPPL decision (Vĩnh Long, 2024), a citizen's
# blank form and a company employee's petition, judged with main at 40e03ba before any change for them (precision
# 0.97, recall 1.00 then), then read to change the rules (fix6): tune material now, asserted like FRESH6
FRESH7 = ("FR7-QD01", "FR7-QD02", "FR7-KH01", "FR7-KH02", "FR7-BC01", "FR7-BC02", "FR7-EXT01", "FR7-EXT02")
# ninth round: a Sở's Tờ trình (2016), a district's Kế hoạch (2015), a provincial steering committee's Báo cáo and
# draft Kế hoạch (2016), a Sở's Báo cáo with five appendices (2017), a unit's training programme and cost estimate and
# a closing speech (both judged not ND30), all of Hà Tĩnh, judged with main at 40e03ba before any change for them
# (precision 0.95, recall 0.86 then), then read to change the rules (fix9): tune material now, asserted like FRESH7
FRESH9 = ("FR9-TTR01", "FR9-KH01", "FR9-KH02", "FR9-BC01", "FR9-BC02", "FR9-CTR01", "FR9-EXT01")
# eighth round: a provincial Sở's and its UBND's 2023 drafts (Công văn, Thông báo, Báo cáo, Tờ trình, a speech), a public
# university's Thông báo (2020) and a faculty's Kế hoạch (2016), a province's citizen-reception công văn template and a
# student's form, judged with main at 40e03ba before any change for them (precision 0.84, recall 0.97 then; 0.91/0.97
# with fix6's and fix9's changes), held out until fix8 read it to change the rules: tune material now, asserted like
# FRESH9
FRESH8 = ("FR8-CV01", "FR8-TB01", "FR8-BC01", "FR8-TTR01", "FR8-EXT01", "FR8-TB02", "FR8-KH01", "FR8-CV02", "FR8-EXT02")
# tenth round: a provincial UBND's Kế hoạch (2017, 2018), Quyết định (2017, a QPPL one of 2018), Công điện
# (2018) and press release (2017), its office's monthly work programme (2018), an organising committee's notice and a
# list of press offices (judged not ND30), all of Hà Tĩnh, judged with main at bc20764 before any change for them
# (0.90/0.96 then, and on main d2d0f8a with fix8 merged, 1 --fix damage), held out until fix10 read it to change the
# rules (2026-12-07): tune material now, asserted like FRESH8
FRESH10 = ("FR10-KH01", "FR10-KH02", "FR10-QD01", "FR10-QD02", "FR10-CD01", "FR10-TC01", "FR10-CTR01", "FR10-TB01",
           "FR10-EXT01")
# eleventh round: a university faculty's two Thông báo (2013, 2018: the second refused as not ND30), a “Giấy đề nghị”
# typed as a công văn (2016) and a ceremony's Chương trình (2016), all of Trường ĐH Công nghiệp Thực phẩm TP.HCM, a
# provincial office's four-party working record (Gia Lai, 2012) and an employee's probation self-assessment (both
# judged not ND30), judged with main at 0871a73 before any change for them (0.91/0.68 then), held out until fix11 read it
# to change the rules (2026-12-07): tune material now, asserted like FRESH10
FRESH11 = ("FR11-TB01", "FR11-GDN01", "FR11-TB02", "FR11-CTR01", "FR11-BB01", "FR11-EXT02")
# twelfth round: a public hospital's three Quyết định files (Đồng Nai, 2024–2025; one holds ten decisions), the Prime
# Minister's decision approving Hà Tĩnh's master plan (2012), a provincial QPPL decision in a legal-database copy (Hà
# Tĩnh, 2013), a ministry's Thông tư (2013), a provincial office's monthly work programme (Hà Tĩnh, 2018), and a
# province's Công văn and Thông báo templates of its citizen-reception system (Phú Thọ; the Công văn refused), judged
# with main at 21fa927 before any change for them (0.87/0.98 then, 0.88/0.98 on main 58eee4e), held out until fix12
# read it to change the rules (2026-12-07): tune material now, asserted like FRESH11
FRESH12 = ("FR12-QD01", "FR12-QD02", "FR12-QD03", "FR12-QD04", "FR12-QD05", "FR12-TT01", "FR12-CTR01", "FR12-CV01",
           "FR12-TB01")
# thirteenth round: a Hà Nội city UBND's Tờ trình to the city HĐND and the HĐND's draft Nghị quyết it submits (2020), the
# Government's Nghị định 43/2011 (a retyped copy), a Hà Tĩnh provincial office's monthly Chương trình (2017), a Bộ Tư
# pháp công văn's appendix kept as its own file (2017, refused by the checker, judged ND30), a district party committee's
# assessment form, a citizen's land-certificate application form and a unit's staffing list (all three not ND30),
# judged with main at cc5c935 before any change for them (0.94/0.82 then and on main 63e66ef), held out until fix13 read it
# to change the rules (2026-12-07): tune material now, asserted like FRESH12
FRESH13 = ("FR13-TTR01", "FR13-NQ01", "FR13-ND01", "FR13-CTR01", "FR13-PL01", "FR13-EXT01", "FR13-EXT02",
           "FR13-EXT03")
# fourteenth round: a public hospital's working files of one 2026 purchase (Bệnh viện Đa khoa tỉnh Phú Thọ): three
# Quyết định, two Tờ trình of its bid expert group, two Biên bản (one refused by the checker, judged ND30), and a
# citizen's residence form of the Bộ Công an (not ND30), judged with main at f3daad1 before any change for them (0.93/0.92
# then and on main 63e66ef), held out until fix13 read it (2026-12-07): tune material now, asserted like FRESH12
FRESH14 = ("FR14-QD01", "FR14-QD02", "FR14-QD03", "FR14-TTR01", "FR14-TTR02", "FR14-BB01", "FR14-BB02", "FR14-EXT01")
# fifteenth round: a provincial HĐND standing committee's Công văn (Thanh Hóa, 2026), the Kế hoạch and two Quyết định of
# a regional power-dispatch centre (Trung tâm Điều độ HTĐ miền Nam, 2024), a state railway branch's Quyết định template
# with its filled copy in one file (Xí nghiệp Đầu máy Sài Gòn, 2023) and the Government's Nghị định 149/2016 (a
# legal-database copy), judged with main at 63e66ef before any change for them (0.95/0.97 then), held out until fix15
# read it to change the rules (2026-12-07; 1.00/0.98 after): tune material now, asserted like FRESH12
FRESH15 = ("FR15-CV01", "FR15-KH01", "FR15-QD01", "FR15-QD02", "FR15-QD03", "FR15-ND01")
# sixteenth round: a private group's Quyết định setting up an AI project board with a 9-page appendix (Tập đoàn Tân Á Đại
# Thành, 2026) and a hospital pharmacist's ADR assessment sheet (not ND30: the refusal check), judged with main at 46de17e
# before any change for them (1.00/0.94 then), held out until fix16 read it to change the rules (2026-12-07; 1.00/1.00
# after): tune material now, asserted like FRESH12
FRESH16 = ("FR16-QD01", "FR16-EXT01")
# eighteenth round (the seventeenth found none): judged with main at 477c637 before any change for it; held out,
# measured only (tests/real/README.md, "Eighteenth fresh set")
FRESH18 = ("FR18-ND01", "FR18-CV01", "FR18-TT01", "FR18-PL01", "FR18-QD01")
# nineteenth round: a Cục's Quyết định with its appendix (a legal-database copy, Cục Quản lý Dược, 2018), a college's
# Đề án with appendices (CĐSP Thừa Thiên Huế, 2016), two Quy chế of the Bộ GDĐT issued with a Thông tư and a Quyết
# định (the ministry's .doc files, 2007, 2009) and two appendices kept as their own files (a Cục's guide sent with a
# Công văn, 2019; a hospital's table attached to a Thông báo, 2025), judged with main at a3a7e83 before any change for
# it; held out, measured only (tests/real/README.md, "Nineteenth fresh set")
FRESH19 = ("FR19-QD01", "FR19-DA01", "FR19-QC01", "FR19-QC02", "FR19-PL01", "FR19-PL02")
# twentieth round: nine files FR8 left in the Hải Dương repository it drew on (2022-2023): two Công văn (a Sở's, a
# ministry's), two Báo cáo, three Kế hoạch (a Sở's two, the UBND tỉnh's draft), a draft HĐND Nghị quyết with its Quy
# định and a Trung tâm's draft Quyết định with its Quy chế, judged with main at 813cc40 before any change for it (0.90 /
# 0.93), held out until fix20 read it to change the rules (2026-12-08; 0.99 / 0.98 after): tune material now, asserted
# like FRESH19 (tests/real/README.md, "Twentieth fresh set")
FRESH20 = ("FR20-CV01", "FR20-CV02", "FR20-BC01", "FR20-BC02", "FR20-KH01", "FR20-KH02", "FR20-KH03", "FR20-NQ01",
           "FR20-QD01")
# twenty-first round: four QPPL texts of four provinces (2023-2026) kept as raw data of one students' legal RAG project:
# three Quyết định of a UBND tỉnh (Thái Nguyên's .doc, Bến Tre's with its Quy chế, Quảng Ninh's draft with its Quy chế)
# and an HĐND tỉnh's Nghị quyết (Tây Ninh), judged at c183078 before any change for it (0.93/1.00 then), held out until
# fix22 read it to change the rules (2026-12-08; 1.00/1.00 after): tune material now, asserted like FRESH19
# (tests/real/README.md, "Twenty-first fresh set")
FRESH21 = ("FR21-QD01", "FR21-QD02", "FR21-QD03", "FR21-NQ01")
# twenty-second round: three files of a Hà Nội district health centre's app (2018): a clinic's draft Kế hoạch (text) and
# the centre's Công văn and Báo cáo kept as scanned page pictures inside .doc files (no text; refused); three templates
# of Vĩnh Long province's complaint-handling app (a Công văn, a Thông báo, a Phiếu chuyển) and two of Bà Rịa - Vũng Tàu's
# (a Công văn, refused, and a Thông báo), judged at c183078 before any change (0.96/0.94 then), held out until fix22
# read it to change the rules (2026-12-08; 0.99/0.97 after): tune material now, asserted like FRESH19
# (tests/real/README.md, "Twenty-second fresh set")
FRESH22 = ("FR22-KH01", "FR22-CV01", "FR22-BC01", "FR22-CV02", "FR22-TB01", "FR22-PC01", "FR22-CV03", "FR22-TB02")
# twenty-third round: a commune's draft Quyết định (UBND xã Nghĩa Lâm, Nghệ An, 2026, .doc) kept by a commune official's
# app, and a police unit's Giấy giới thiệu with an officer's personal application (not ND30; Công an tỉnh Hưng Yên,
# 2021) uploaded to its internal app, judged at 4d570a1 before any change for it (0.79/1.00 then, and on main 7e2f076),
# held out until fix23 read it to change the rules (2026-12-08; 0.98/1.00 after): tune material now, asserted like
# FRESH19 (tests/real/README.md, "Twenty-third fresh set")
FRESH23 = ("FR23-QD01", "FR23-GGT01", "FR23-EXT01")
# twenty-fourth round: election documents of two communes kept by a commune election chatbot: a Quyết định and a Kế hoạch
# of the Ban Thường trực Ủy ban MTTQ xã Lương Minh (Quảng Ninh, 2025-2026, drafts) and a Kế hoạch of the Ủy ban bầu cử xã
# Phố Bảng's propaganda sub-committee (Tuyên Quang, 2025), and a youth-union Kế hoạch in the Đoàn's own form (not ND30;
# Đoàn xã Phúc Thịnh, Hà Nội, 2026, .doc) kept by a youth-union chatbot, judged at 39c7a6b before any change for it (held
# out; 0.70/1.00 also with the round's last checker, fix23's), then read by the lead (2026-12-08: the Youth Union's
# form told not ND30; 0.98/1.00 after): tune material now, asserted by tests/real/test_judged_check.py
FRESH24 = ("FR24-QD01", "FR24-KH01", "FR24-KH02", "FR24-EXT01")
# twenty-fifth round: a province's draft Quyết định with its table and a ward office's Công văn passing it on (UBND tỉnh
# Đồng Tháp 2025, Văn phòng HĐND và UBND phường Mỹ Trà 2026) kept by a ward's document app, a diploma-verification
# Công văn template of an education office (refused by the checker) and a Báo cáo and an Đề xuất of a police university's
# faculty (Trường Đại học An ninh nhân dân, 2024-2025) kept by a student's document app, judged at 6a459f2 before any
# change for it (held out; tests/real/README.md, "Twenty-fifth fresh set")
FRESH25 = ("FR25-QD01", "FR25-CV01", "FR25-CV02", "FR25-BC01", "FR25-DX01")
# twenty-sixth round: a commune's documents kept on its culture-social section's own GitHub Pages site (UBND xã Long
# Phụng, Quảng Ngãi, 2025-2026: a Báo cáo, a draft quy phạm Quyết định with its attached Quy định, the section's Tờ
# trình proposing it, and an official's request slip with a payment form, not ND30) and a police Cục's draft Công văn with
# an attached blank form (Cục Cảnh sát PCCC và CNCH, Bộ Công an, 2025, .doc) kept by a police chatbot's crawler, judged at
# 6a459f2 before any change for it (held out; tests/real/README.md, "Twenty-sixth fresh set")
FRESH26 = ("FR26-CV01", "FR26-BC01", "FR26-QD01", "FR26-TTR01", "FR26-EXT01")
# twenty-eighth round: files with Vietnamese names that earlier listings missed: three Công văn of the UBND tỉnh Vĩnh
# Long and its Ban Tiếp công dân - Nội chính (2021, one .doc) kept by a complaints app, a Báo cáo of the Sở Tài chính
# Hậu Giang (2024, .doc) kept by a price-database app, and a commune's Phụ lục to a Tờ trình (UBND xã Nghĩa Lâm, 2026),
# judged at 2b67d1b before any change for it (held out; tests/real/README.md, "Twenty-eighth fresh set")
FRESH28 = ("FR28-CV01", "FR28-CV02", "FR28-CV03", "FR28-BC01", "FR28-PL01")
LOCAL = REPO / "tests" / "real" / "docs"


def shared_docs() -> Path | None:
    for cand in (os.environ.get("KEHOACH_SHARED"), REPO.parent / "shared", Path("/work/shared")):
        if cand and (Path(cand) / "real-docs").is_dir():
            return Path(cand) / "real-docs"
    return None


def judgement(key: str) -> dict:
    path = next(JUDGED.glob(f"{key}_*.yaml"))
    # libyaml's loader when there is one (as generator/plan/loader.py): the same data, 7× less CPU — every test
    # process collecting tests/real/test_judged_check.py reads all the judgements
    return yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def paragraphs_of(where) -> set[int]:
    """The 1-based paragraph numbers a judged `where` names ("paragraphs 7–10, 12"); empty: none named."""
    if where is None:
        return set()
    text = str(where)
    m = re.search(r"paragraphs?\s+([\d,\s–\-and]+)", text)
    if not m:
        return set()
    out: set[int] = set()
    for a, b in re.findall(r"(\d+)(?:\s*[–-]\s*(\d+))?", m[1]):
        out.update(range(int(a), int(b or a) + 1))
    return out


@dataclass
class Group:
    rule: str
    paragraphs: set[int]
    verdict: bool
    count: int
    excerpt: str
    reason: str = ""
    matched: list[dict] = field(default_factory=list)

    def quotes(self, f: dict) -> bool | None:
        """Whether the judge quoted the finding's message in the reason ('"phải trên một dòng riêng" is
        wrong'); None when the reason quotes no message."""
        quoted = re.findall(r"[\"“]([^\"“”]{12,})[\"”]", self.reason)
        return any(q in f.get("message", "") for q in quoted) if quoted else None

    def covers(self, f: dict) -> bool:
        """A group naming paragraphs covers its rule's findings there; one naming none (a section, tables,
        the whole document) covers its rule's findings that no paragraph-naming group covers."""
        return f["rule"] == self.rule and (not self.paragraphs or f.get("paragraph") in self.paragraphs)


def groups(j: dict) -> list[Group]:
    return [Group(g["rule"], paragraphs_of(g.get("where")), bool(g["verdict"]), int(g.get("count") or 1),
                  str(g.get("excerpt") or ""), str(g.get("reason") or "")) for g in j.get("findings") or []]


def best(candidates: list[Group], f: dict) -> Group | None:
    """Of the groups covering a finding, the one whose reason quotes its message, else the first not full."""
    if len(candidates) > 1:
        quoting = [g for g in candidates if g.quotes(f)] or [g for g in candidates if g.quotes(f) is None] \
            or candidates
        return next((g for g in quoting if len(g.matched) < g.count), quoting[0])
    return candidates[0] if candidates else None


def docx_of(key: str, j: dict, workdir: Path) -> Path | None:
    docs = LOCAL if (LOCAL / j["file"]).exists() else shared_docs()
    if docs is None:
        return None
    path = docs / j["file"]
    if not path.exists():
        path = next(docs.glob(f"{key}_*"), path)
    if path.suffix.lower() == ".doc":
        from generator.word.convert import convert_doc

        return convert_doc(path, workdir)
    return path


def run_check(path: Path) -> tuple[list[dict], object]:
    """Every finding (ungrouped, as `check --all --format json` gives them) and the identified type."""
    from generator.core.errors import KehoachError
    from generator.nd30.check import check_docx, finding_dict

    try:
        result = check_docx(path)
    except KehoachError:
        return [], None
    return [finding_dict(f) for f in result.findings], getattr(result, "identified", None)


@dataclass
class Score:
    key: str
    true: int = 0
    false: int = 0
    unjudged: int = 0
    missed: int = 0
    caught: int = 0
    new_true: int = 0  # findings of faults the judge listed as missed (counted in `true`)
    false_found: list[dict] = field(default_factory=list)
    unjudged_found: list[dict] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)  # the judged groups, in the YAML's order, with their matches
    true_lost: list[Group] = field(default_factory=list)
    false_kept: list[Group] = field(default_factory=list)


def score(key: str, findings: list[dict], j: dict) -> Score:
    s = Score(key)
    gs = groups(j)
    s.groups = list(gs)
    counted_true: set[int] = set()  # the findings counted true: only these catch a missed fault
    for f in findings:
        g = best([g for g in gs if g.paragraphs and g.covers(f)], f) or \
            best([g for g in gs if not g.paragraphs and g.covers(f)], f)
        if g is None and j.get("nd30_governed") is False:  # every finding on it is false
            g = Group(f["rule"], set(), False, 1, "")
            gs.append(g)
        missed = [m for m in j.get("missed") or [] if _hits(m, f)]
        # a fault listed as missed, rather than the judged finding of the same rule and paragraph, when the
        # judge's reason quotes another message or the missed fault's excerpt is the finding's and the group's is not
        if missed and (g is None or g.quotes(f) is False or (
                g.excerpt.strip() != f["excerpt"].strip()
                and any(str(m.get("excerpt") or "~") in f["excerpt"] for m in missed))):
            s.true += 1  # a fault the judge saw and the checker missed then: true
            s.new_true += 1
            counted_true.add(id(f))
            continue
        if g is None:
            s.unjudged += 1
            s.unjudged_found.append(f)
        elif g.verdict:
            s.true += 1
            g.matched.append(f)
            counted_true.add(id(f))
        else:
            s.false += 1
            s.false_found.append(f)
            g.matched.append(f)
    s.true_lost = [g for g in gs if g.verdict and not g.matched]
    s.false_kept = [g for g in gs if not g.verdict and g.matched]
    for m in j.get("missed") or []:
        n = int(m.get("count") or 1)
        # caught by a finding counted true (one judged false with a wrong message does not catch it)
        hit = any(_hits(m, f) for f in findings if id(f) in counted_true)
        s.missed += n
        s.caught += n if hit else 0
    # a true group whose findings are gone counts as missed too
    s.missed += sum(g.count for g in s.true_lost)
    return s


def _hits(missed: dict, f: dict) -> bool:
    """A finding of the missed fault's rule (the first word of its `rule`) at one of its paragraphs, saying
    its `message` words when the entry gives them (a rule that reports several faults at one place)."""
    rule = str(missed.get("rule") or "").split(" ")[0]
    paras = paragraphs_of(missed.get("where"))
    words = missed.get("message")
    return f["rule"] == rule and (f.get("paragraph") in paras if paras else True) and \
        (not words or str(words) in f.get("message", ""))


def ratio(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "—"


def measure(keys, verbose: bool = False) -> list[Score]:
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for key in keys:
            j = judgement(key)
            path = docx_of(key, j, Path(tmp))
            if path is None:
                print(f"{key}: shared real-docs not found", file=sys.stderr)
                continue
            findings, _ = run_check(path)
            s = score(key, findings, j)
            out.append(s)
            if verbose:
                for f in s.false_found + s.unjudged_found:
                    tag = "FALSE" if f in s.false_found else "NEW"
                    print(f"  {key} {tag} {f['rule']} ¶{f.get('paragraph')} {f['excerpt'][:50]!r} {f['message'][:70]}",
                          file=sys.stderr)
                for g in s.true_lost:
                    print(f"  {key} LOST {g.rule} ¶{sorted(g.paragraphs)[:6]} {g.excerpt[:50]!r}", file=sys.stderr)
    return out


def table(scores: list[Score]) -> str:
    lines = ["| document | findings | true | false | unjudged | missed (not caught) | precision | recall |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    tot = Score("total")
    for s in scores + [None]:
        if s is None:
            s = tot
        else:
            for k in ("true", "false", "unjudged", "missed", "caught", "new_true"):
                setattr(tot, k, getattr(tot, k) + getattr(s, k))
        still = s.missed - s.caught
        name = f"**{s.key}**" if s is tot else s.key
        lines.append(f"| {name} | {s.true + s.false + s.unjudged} | {s.true} | {s.false} | {s.unjudged} | {still} | "
                     f"{ratio(s.true, s.true + s.false)} ({ratio(s.true, s.true + s.false + s.unjudged)}) | "
                     f"{ratio(s.true - s.new_true + s.caught, s.true - s.new_true + s.caught + still)} |")
    lines.append("")
    lines.append("Precision in brackets counts unjudged findings as false. A finding of a fault the judge listed as "
                 "missed counts as true; recall counts each judged fault (true finding or missed place) once.")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=("held-out", "tune", "fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6",
                                        "fresh7", "fresh9", "fresh8", "fresh10", "fresh11", "fresh12", "fresh13",
                                        "fresh14", "fresh15", "fresh16", "fresh18", "fresh19", "fresh20", "fresh21",
                                        "fresh22", "fresh23", "fresh24", "fresh25", "fresh26", "fresh28", "all"),
                    default="held-out")
    ap.add_argument("-v", "--verbose", action="store_true", help="list false, unjudged and lost findings")
    args = ap.parse_args(argv)
    keys = {"held-out": HELD_OUT, "tune": TUNE, "fresh": FRESH, "fresh2": FRESH2, "fresh3": FRESH3, "fresh4": FRESH4,
            "fresh5": FRESH5, "fresh6": FRESH6, "fresh7": FRESH7, "fresh9": FRESH9, "fresh8": FRESH8,
            "fresh10": FRESH10, "fresh11": FRESH11, "fresh12": FRESH12, "fresh13": FRESH13, "fresh14": FRESH14,
            "fresh15": FRESH15, "fresh16": FRESH16, "fresh18": FRESH18, "fresh19": FRESH19, "fresh20": FRESH20,
            "fresh21": FRESH21, "fresh22": FRESH22, "fresh23": FRESH23, "fresh24": FRESH24, "fresh25": FRESH25,
            "fresh26": FRESH26, "fresh28": FRESH28,
            "all": TUNE + HELD_OUT + FRESH + FRESH2 + FRESH3 + FRESH4 + FRESH5 + FRESH6 + FRESH7 + FRESH9 + FRESH8
            + FRESH10 + FRESH11 + FRESH12 + FRESH13 + FRESH14 + FRESH15 + FRESH16 + FRESH18
            + FRESH19 + FRESH20 + FRESH21 + FRESH22 + FRESH23 + FRESH24 + FRESH25 + FRESH26 + FRESH28}[args.split]
    print(table(measure(keys, args.verbose)))
    return 0


if __name__ == "__main__":
    # the checker measured: this tree's, or another's (KEHOACH_TREE=/path/to/older/clone for a "before")
    sys.path.insert(0, os.environ.get("KEHOACH_TREE", str(REPO)))
    sys.exit(main())
