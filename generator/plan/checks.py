"""Checks across the plan that the schema alone cannot express: unique ids, references that resolve,
recipients that reach every agency given work, targets within their maxima."""
from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterator
from typing import Any, get_args

from generator.plan.agencies import ID_LIKE, Agencies
from generator.plan.catalogue import Criteria
from generator.core.errors import Problems
from generator.core.text import ascii_key
from generator.plan.loader import Located, PathKey, format_path
from generator.plan.target_checks import TargetChecks
from generator.plan.model import (
    AppendixRef,
    Bullets,
    Plan,
    ScoreColumn,
    ResponsibilitiesBlock,
    Subsection,
    TableAppendix,
    TargetsBlock,
    TasksAppendix,
)
from generator.nd30.grammar import APPENDIX_MENTION
from generator.nd30.labels import HAND_NUMBER, roman

WORD_BULLET = re.compile(r"^[ \t]*[•●▪◦]", re.MULTILINE)  # Word's bullet glyphs, pasted with the text


def walk_blocks(blocks: list, path: PathKey) -> Iterator[tuple[Any, PathKey]]:
    """Every block of a body tree with its path, depth first."""
    for i, block in enumerate(blocks):
        here = path + (i,)
        yield block, here
        if isinstance(block, Subsection):
            yield from walk_blocks(block.content, here + ("content",))


def body_blocks(plan: Plan) -> Iterator[tuple[Any, PathKey]]:
    for i, section in enumerate(plan.sections):
        yield from walk_blocks(section.content, ("sections", i, "content"))
    for i, resp in enumerate(plan.responsibilities):
        yield from walk_blocks(resp.content, ("responsibilities", i, "content"))
    yield from walk_blocks(plan.funding, ("funding",))


class _Checker(TargetChecks):
    def __init__(self, plan: Plan, located: Located, problems: Problems,
                 placeholders: frozenset[PathKey] = frozenset()):
        self.plan, self.located, self.problems = plan, located, problems
        # paths of TODO markers read as stand-in values (a plan fresh from rollover, for diff):
        # never checked as values
        self.placeholders = placeholders
        self.criteria = Criteria(plan)
        self.agencies = Agencies(plan)

    def known(self, path: PathKey) -> bool:
        """False when the value at this path (or the object holding it) is a TODO placeholder."""
        return not any(path[:n] in self.placeholders for n in range(1, len(path) + 1))

    def error(self, path: PathKey, message: str, severity: str = "error") -> None:
        if not self.known(path):
            return
        line, col = self.located.where(path)
        self.problems.add(line, col, format_path(self.located.original(path)), message, severity)

    def warn(self, path: PathKey, message: str) -> None:
        self.error(path, message, "warning")

    def unknown(self, path: PathKey, kind: str, value: str, known: list[str]) -> None:
        close = difflib.get_close_matches(value, known, n=1, cutoff=0.6)
        hint = f"; có phải ý bạn là '{close[0]}'?" if close else ""
        self.error(path, f"{kind} '{value}' không tồn tại{hint}")

    def run(self) -> None:
        self.unique_ids()
        self.catalogues()
        self.own_criteria()
        self.assessed_maxima()
        self.targets()
        self.tasks()
        self.body()
        self.recipients()
        self.document()
        self.signer()
        self.horizon()
        self.hand_numbering()
        self.appendix_refs()

    def unique_ids(self) -> None:
        p = self.plan
        lists: list[tuple[PathKey, list]] = [
            (("agencies",), p.agencies), (("targets",), p.targets), (("tasks",), p.tasks),
            (("responsibilities",), p.responsibilities), (("sections",), p.sections),
            (("appendices",), p.appendices), (("criteria",), p.criteria)]
        # a free table's rows are matched by id in `diff`, and its cells are keyed by column id
        for i, appendix in enumerate(p.appendices):
            if isinstance(appendix, TableAppendix):
                lists += [(("appendices", i, "columns"), appendix.columns), (("appendices", i, "rows"), appendix.rows)]
        for where, items in lists:
            seen: dict[str, int] = {}
            for i, item in enumerate(items):
                key = getattr(item, "id", None) or getattr(item, "code", None)
                if key in seen:
                    line = self.located.where(where + (seen[key],))[0]
                    self.error(where + (i, "id" if hasattr(item, "id") else "code"),
                               f"mã '{key}' bị trùng (đã dùng ở dòng {line})")
                else:
                    seen[key] = i

    def agency_ref(self, path: PathKey, ref: str) -> None:
        """An unknown id is an error (it cannot be printed); an unknown name is printed as written,
        with a warning naming the closest known agencies."""
        if self.agencies.resolve(ref) is not None:
            return
        gone = self.agencies.of_other_year(ref)
        years = ""
        if gone is not None:
            years = (f" chỉ có đến năm {gone['until']}" if gone.get("until", 9999) < self.plan.year else
                     f" chỉ có từ năm {gone['since']}") + f" trong danh mục, không có trong năm kế hoạch {self.plan.year}"
        if ID_LIKE.match(ref) and gone is not None:
            close = difflib.get_close_matches(gone["name"], [a.name for a in self.agencies.by_id.values()], n=1, cutoff=0.6)
            now = next((a for a in self.agencies.by_id.values() if close and a.name == close[0]), None)
            hint = f"; có phải ý bạn là '{now.id}' ({now.name})?" if now is not None else ""
            self.error(path, f"mã cơ quan '{ref}' ({gone['name']}){years}{hint}")
            return
        if ID_LIKE.match(ref):
            known = list(self.agencies.by_id)
            # an id made up from the name ('van-phong-ubnd' for vp-ubnd-tinh): matched against the names' spellings
            spelt = {ascii_key(form): a for a in self.agencies.by_id.values() for form in (a.name, *a.short)}
            named = difflib.get_close_matches(ascii_key(ref), list(spelt), n=1, cutoff=0.75)
            if named and not difflib.get_close_matches(ref, known, n=1, cutoff=0.6):
                agency = spelt[named[0]]
                self.error(path, f"mã cơ quan '{ref}' không tồn tại; có phải ý bạn là '{agency.id}' ({agency.name})?")
            else:
                self.unknown(path, "mã cơ quan", ref, known)
            return
        close = difflib.get_close_matches(ref, self.agencies.known_forms(), n=3, cutoff=0.6)
        hint = f"; gần nhất: {', '.join(close)}" if close else ""
        self.warn(path, f"cơ quan '{ref}'{years or ' không có trong danh mục'} (in như đã viết, không kiểm tra được "
                        f"Nơi nhận){hint}")

    def tasks(self) -> None:
        for i, task in enumerate(self.plan.tasks):
            dim = self.criterion(("tasks", i, "dimension"), task.dimension)
            subs = [task.sub_dimension] if isinstance(task.sub_dimension, str) else (task.sub_dimension or [])
            for j, sub in enumerate(subs):
                spath = ("tasks", i, "sub_dimension") + ((j,) if isinstance(task.sub_dimension, list) else ())
                info = self.criterion(spath, sub)
                if info and dim and info.parent != dim.code:
                    self.error(spath, f"'{sub}' không thuộc chỉ số nội dung '{task.dimension}'")
            for key in ("lead", "co"):
                for j, ref in enumerate(getattr(task, key)):
                    self.agency_ref(("tasks", i, key, j), ref)
        for i, resp in enumerate(self.plan.responsibilities):
            for j, ref in enumerate(resp.agencies):
                self.agency_ref(("responsibilities", i, "agencies", j), ref)
        if self.plan.tasks and not any(isinstance(a, TasksAppendix) for a in self.plan.appendices):
            self.warn(("tasks",), "có nhiệm vụ nhưng không có phụ lục loại 'tasks' để in chúng")
        for i, appendix in enumerate(self.plan.appendices):
            self.header_groups(i, appendix)
            if isinstance(appendix, TasksAppendix):
                for j, code in enumerate(appendix.dimensions or []):
                    self.criterion(("appendices", i, "dimensions", j), code)
            elif appendix.type == "scores":
                for j, code in enumerate(appendix.criteria):
                    self.criterion(("appendices", i, "criteria", j), code)
                for code, refs in appendix.leads.items():
                    for j, ref in enumerate(refs):
                        self.agency_ref(("appendices", i, "leads", code, j), ref)
            elif appendix.type == "table":
                column_ids = [c.id for c in appendix.columns]
                for r, row in enumerate(appendix.rows):
                    for key in row.cells:
                        if key not in column_ids:
                            self.unknown(("appendices", i, "rows", r, "cells", key), "cột", key, column_ids)
                self.spans(i, appendix, column_ids)

    def header_groups(self, i: int, appendix) -> None:
        """The upper header row covers the columns exactly, left to right."""
        if not appendix.header_groups:
            return
        n = len(get_args(ScoreColumn)) if appendix.type == "scores" else len(appendix.columns)  # scores: all columns
        total = sum(g.span for g in appendix.header_groups)
        if total != n:
            self.error(("appendices", i, "header_groups"),
                       f"tổng 'span' của dòng tiêu đề trên là {total}, bảng có {n} cột: hai số phải bằng nhau")
        elif not any(g.text for g in appendix.header_groups):
            self.warn(("appendices", i, "header_groups"), "dòng tiêu đề trên không có nhóm nào có tên ('text')")

    def spans(self, i: int, appendix, column_ids: list[str]) -> None:
        """Merged cells cover other cells: what is written there would not print."""
        covered: dict[tuple[int, int], str] = {}  # (row, column) → the cell that covers it
        for r, row in enumerate(appendix.rows):
            for key, span in row.spans.items():
                path = ("appendices", i, "rows", r, "spans", key)
                if key not in column_ids:
                    self.unknown(path, "cột", key, column_ids)
                    continue
                c = column_ids.index(key)
                if row.group:
                    self.error(path, "dòng nhóm đã tự gộp ô tới cột cuối: bỏ 'spans' ở dòng này")
                    continue
                if c + span.columns > len(column_ids) or r + span.rows > len(appendix.rows):
                    self.error(path, f"ô gộp {span.columns} cột, {span.rows} dòng vượt ra ngoài bảng")
                    continue
                for dr in range(span.rows):
                    for dc in range(span.columns):
                        if (dr, dc) != (0, 0):
                            covered[(r + dr, c + dc)] = f"dòng {row.id}, cột {key}"
        for (r, c), by in sorted(covered.items()):
            row = appendix.rows[r]
            key = column_ids[c]
            if row.group:
                self.error(("appendices", i, "rows", r, "group"), f"ô gộp từ {by} kéo xuống dòng nhóm '{row.id}'")
            elif key in row.cells:
                self.error(("appendices", i, "rows", r, "cells", key),
                           f"ô này nằm trong ô gộp từ {by}: nội dung sẽ không được in, hãy để trống")

    def body(self) -> None:
        target_ids = [t.id for t in self.plan.targets]
        appendix_ids = [a.id for a in self.plan.appendices]
        resp_ids = [r.id for r in self.plan.responsibilities]
        printed_resps: set[str] = set()
        referenced_appendices: set[str] = set()
        in_body: set[str] = set()
        lists = []  # where the body prints a list of targets
        for block, path in body_blocks(self.plan):
            if isinstance(block, Subsection) and block.target is not None:
                in_body.add(block.target)
            elif isinstance(block, TargetsBlock):
                in_body.update(block.targets)
                lists.append(path + ("targets",))
            if isinstance(block, Subsection) and block.target is not None and block.target not in target_ids:
                self.unknown(path + ("target",), "chỉ tiêu", block.target, target_ids)
            elif isinstance(block, TargetsBlock):
                for j, tid in enumerate(block.targets):
                    if tid not in target_ids:
                        self.unknown(path + ("targets", j), "chỉ tiêu", tid, target_ids)
            elif isinstance(block, AppendixRef):
                ids = [block.appendix] if isinstance(block.appendix, str) else block.appendix
                for j, ref in enumerate(ids):
                    referenced_appendices.add(ref)
                    if ref not in appendix_ids:
                        self.unknown(path + ("appendix",) + ((j,) if isinstance(block.appendix, list) else ()),
                                     "phụ lục", ref, appendix_ids)
            elif isinstance(block, ResponsibilitiesBlock):
                if path[0] == "responsibilities":
                    self.error(path, "không lồng 'responsibilities' trong chính mục responsibilities")
                    continue
                chosen = resp_ids if block.responsibilities == "all" else block.responsibilities
                if block.responsibilities == "all" and not resp_ids:
                    self.error(path, "chưa khai báo mục 'responsibilities' để in")
                for j, rid in enumerate(chosen):
                    if rid not in resp_ids:
                        self.unknown(path + ("responsibilities", j), "trách nhiệm", rid, resp_ids)
                    printed_resps.add(rid)
        for i, resp in enumerate(self.plan.responsibilities):
            if resp.id not in printed_resps:
                self.warn(("responsibilities", i), f"trách nhiệm '{resp.id}' không được in (thiếu khối "
                                                   "'responsibilities: all' trong một mục)")
        for tid in in_body - set(target_ids):  # a mistyped id ("t-pap"): its error names the target meant
            in_body.update(difflib.get_close_matches(tid, target_ids, n=1, cutoff=0.6))
        self.unprinted_targets(in_body, lists[0] if lists else None)
        referenced_appendices |= self.mentioned_appendices()
        for i, appendix in enumerate(self.plan.appendices):
            if appendix.id not in referenced_appendices:
                self.warn(("appendices", i), f"phụ lục '{appendix.id}' không được dẫn chiếu trong nội dung "
                                             "(thêm khối 'appendix: " + appendix.id + "')")

    def mentioned_appendices(self) -> set[str]:
        """Appendices a paragraph or bullet names in its own words ('tại Phụ lục I kèm theo')."""
        appendices = self.plan.appendices
        numbers = [roman(n) for n in range(1, len(appendices) + 1)]
        found: set[str] = set()
        for text, _ in self.texts():
            for label in APPENDIX_MENTION.findall(text):
                if len(appendices) > 1 and label in numbers:
                    found.add(appendices[numbers.index(label)].id)
            if len(appendices) == 1 and re.search(r"(?i)\bphụ lục\b", text):
                found.add(appendices[0].id)
        return found

    def recipients(self) -> None:
        for i, rec in enumerate(self.plan.recipients):
            if rec.text and rec.text.strip().lstrip("-").strip().casefold().startswith("lưu"):
                self.error(("recipients", i, "text"), "dòng 'Lưu' khai báo ở mục archive (luôn in cuối cùng), "
                                                      "không đặt trong recipients")
            if rec.agency:
                self.agency_ref(("recipients", i, "agency"), rec.agency)
            for j, item in enumerate(rec.covers):
                if item not in self.agencies.by_id and item not in self.agencies.groups:
                    self.unknown(("recipients", i, "covers", j), "cơ quan hoặc nhóm", item,
                                 list(self.agencies.by_id) + sorted(self.agencies.groups))
        reached = self.agencies.covered(self.plan)
        reported: set[str] = set()
        for i, task in enumerate(self.plan.tasks):
            for key in ("lead", "co"):
                for j, ref in enumerate(getattr(task, key)):
                    agency = self.agencies.resolve(ref)
                    if agency and agency.id not in reached and agency.id not in reported:
                        reported.add(agency.id)
                        role = "chủ trì" if key == "lead" else "phối hợp"
                        self.warn(("tasks", i, key, j),
                                  f"'{agency.name}' ({role}) không có trong Nơi nhận, trực tiếp hay qua nhóm")

    def document(self) -> None:
        date = self.plan.document.date
        if date is not None and date.year > self.plan.year:
            self.warn(("document", "date"), f"ngày ban hành {date:%d/%m/%Y} sau năm kế hoạch {self.plan.year}")
        if self.plan.archive.units[0] != "VT":
            self.warn(("archive", "units", 0), "dòng Lưu thường bắt đầu bằng 'VT' (Văn thư)")


    def signer(self) -> None:
        s = self.plan.signer
        title = s.title.upper()
        deputy = title.startswith("PHÓ ")
        if s.signing_for and not deputy:
            self.warn(("signer", "title"), f"'KT. {s.signing_for.upper()}' là cấp phó ký thay: chức vụ thường là "
                                           f"'PHÓ {s.signing_for.upper()}', không phải '{s.title}'")
        if deputy and not s.signing_for:
            self.warn(("signer", "signing_for"), f"'{s.title}' ký thay người đứng đầu: cần 'signing_for' "
                                                 f"(in 'KT. {title.removeprefix('PHÓ ')}')")
        if s.on_behalf_of and not any(w in s.on_behalf_of.upper() for w in COLLECTIVE_WORDS):
            self.warn(("signer", "on_behalf_of"), f"'TM.' đi với tập thể (ví dụ ỦY BAN NHÂN DÂN), "
                                                  f"không phải '{s.on_behalf_of}'")
        if s.name.isupper():
            self.warn(("signer", "name"), "họ tên người ký viết chữ thường (in đậm), không viết hoa toàn bộ")
        first = s.name.split()[0].rstrip(".").casefold() if s.name.split() else ""
        if first in ACADEMIC_TITLES:
            self.warn(("signer", "name"), "không ghi học hàm, học vị trước họ tên người ký (Nghị định 30, ô 7b)")

    def horizon(self) -> None:
        """Deadlines and timeframes belong to the plan's year."""
        year = self.plan.year
        for i, task in enumerate(self.plan.tasks):
            for found in YEAR.findall(task.timeframe or ""):
                if int(found) != year:
                    self.warn(("tasks", i, "timeframe"), f"thời gian thực hiện nhắc năm {found}, "
                                                         f"ngoài năm kế hoạch {year}")
        for text, path in self.texts():
            for day, month, found in DATE.findall(text):
                try:
                    dt.date(int(found), int(month), int(day))
                except ValueError:
                    self.warn(path, f"ngày {day}/{month}/{found} không có thật")
                    continue
                # a report on the year is due early the next one ("trước ngày 20/02/2020"): normal
                late = int(found) > year + 1 or (int(found) == year + 1 and int(month) > EARLY_NEXT_YEAR)
                if DEADLINE.search(text) and late:
                    self.warn(path, f"thời hạn {day}/{month}/{found} sau năm kế hoạch {year} "
                                    f"(quá quý I năm {year + 1})")

    def texts(self) -> Iterator[tuple[str, PathKey]]:
        for i, text in enumerate(self.plan.preamble):
            yield text, ("preamble", i)
        for block, path in body_blocks(self.plan):
            if isinstance(block, str):
                yield block, path
            elif isinstance(block, Subsection) and block.text:
                yield block.text, path + ("text",)
            elif isinstance(block, Bullets):
                yield from _bullet_texts(block.bullets, path + ("bullets",))
        for i, resp in enumerate(self.plan.responsibilities):
            if resp.text:
                yield resp.text, ("responsibilities", i, "text")

    def hand_numbering(self) -> None:
        """kehoach numbers sections, clauses and bullets itself; numbers typed into text come out twice."""
        for text, path in self.texts():
            if HAND_NUMBER.match(text):
                self.warn(path, f"đoạn bắt đầu bằng số thứ tự hoặc gạch đầu dòng ('{text[:6].strip()}'): "
                                "kehoach tự đánh số, hãy bỏ phần này")
            for label in APPENDIX_MENTION.findall(text):
                if label and (len(self.plan.appendices) < 2 or label not in
                              [roman(n) for n in range(1, len(self.plan.appendices) + 1)]):
                    self.warn(path, f"nhắc 'Phụ lục {label}' nhưng kế hoạch có {len(self.plan.appendices)} phụ "
                                    "lục; hãy dùng khối 'appendix:' để số phụ lục luôn đúng")
        # a legal basis is printed as typed too: a Word bullet or a number pasted before it shows
        for i, text in enumerate(self.plan.legal_bases):
            if HAND_NUMBER.match(text):
                self.warn(("legal_bases", i), f"căn cứ bắt đầu bằng số thứ tự hoặc gạch đầu dòng ('{text[:6].strip()}'): "
                                              "căn cứ in không có số hay gạch đầu dòng, hãy bỏ phần này")
        # a task's cell may list its lines with '- ' (hung-yen-papi-2021), never with Word's bullet glyph
        for i, task in enumerate(self.plan.tasks):
            for key, text in (("content", task.content), ("output", task.output)):
                if isinstance(text, str) and WORD_BULLET.search(text):
                    self.warn(("tasks", i, key), "ô có dấu '•' dán từ Word (in ra như đã viết): đầu mỗi dòng "
                                                 "trong ô viết '- ', hoặc bỏ dấu này")
        for i, section in enumerate(self.plan.sections):
            if HAND_NUMBER.match(section.title):
                self.warn(("sections", i, "title"), "tiêu đề mục không cần số La Mã: kehoach tự đánh số")


    def appendix_refs(self) -> None:
        """A reference to an appendix prints as a paragraph of its own: after an unfinished sentence it
        reads as a stray line; a number typed into it ('Phụ lục 2') is not kept in step by kehoach."""
        ids = [a.id for a in self.plan.appendices]
        example = f"appendix: [{', '.join(ids[:2])}]" if len(ids) > 1 else "appendix: [a, b]"
        for blocks, path in self.block_lists():
            for j, block in enumerate(blocks):
                if not isinstance(block, AppendixRef):
                    continue
                for part in ("before", "after"):
                    for label in APPENDIX_MENTION.findall(getattr(block, part)):
                        self.warn(path + (j, part), f"câu dẫn có số phụ lục tự gõ 'Phụ lục {label}': kehoach không "
                                                    f"đánh lại số này khi thêm, bớt phụ lục; một câu dẫn nhiều "
                                                    f"phụ lục viết là '{example}'")
                before = blocks[j - 1] if j else None
                if isinstance(before, str) and before.rstrip() and before.rstrip()[-1] not in ".;:!?…)":
                    target = block.appendix if isinstance(block.appendix, str) else ", ".join(block.appendix)
                    self.warn(path + (j - 1,), "đoạn chưa hết câu ngay trước câu dẫn phụ lục, câu dẫn sẽ in thành "
                                               "một dòng riêng; hãy viết đoạn này vào câu dẫn: "
                                               f"{{appendix: {target}, before: '{before.strip()} (chi tiết tại', "
                                               "after: 'kèm theo).'}, hoặc kết thúc đoạn bằng dấu chấm")

    def block_lists(self) -> Iterator[tuple[list, PathKey]]:
        """Every list of body blocks with its path (to see which block follows which)."""
        lists = [(s.content, ("sections", i, "content")) for i, s in enumerate(self.plan.sections)]
        lists += [(r.content, ("responsibilities", i, "content")) for i, r in enumerate(self.plan.responsibilities)]
        lists.append((self.plan.funding, ("funding",)))
        while lists:
            blocks, path = lists.pop(0)
            yield blocks, path
            lists += [(b.content, path + (j, "content")) for j, b in enumerate(blocks) if isinstance(b, Subsection)]


EARLY_NEXT_YEAR = 3  # deadlines up to March of the next year close the plan year's reporting


def _bullet_texts(items: list, path: PathKey) -> Iterator[tuple[str, PathKey]]:
    for j, item in enumerate(items):
        if isinstance(item, str):
            yield item, path + (j,)
        else:
            yield item.text, path + (j, "text")
            yield from _bullet_texts(item.bullets, path + (j, "bullets"))


COLLECTIVE_WORDS = ("ỦY BAN", "UỶ BAN", "HỘI ĐỒNG", "BAN ", "CHÍNH PHỦ", "ĐOÀN", "TẬP THỂ", "THƯỜNG TRỰC")
ACADEMIC_TITLES = {"ts", "ths", "pgs", "gs", "tiến", "thạc", "bs", "ks", "cn", "pgs.ts", "gs.ts"}
YEAR = re.compile(r"\b(20\d\d)\b")
DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
DEADLINE = re.compile(r"\b(trước|chậm nhất|hạn|hoàn thành)\b", re.IGNORECASE)


def check_plan(plan: Plan, located: Located, problems: Problems,
               placeholders: frozenset[PathKey] = frozenset()) -> None:
    """`placeholders`: paths of TODO markers standing in for values (see `load_plan_for_review`);
    no check reads them as values."""
    _Checker(plan, located, problems, frozenset(placeholders)).run()
