"""Checks of a plan's indices, criteria and targets against their catalogues: catalogues that exist,
criteria that resolve, sub-maxima that add up, assessment-year maxima, targets within their maxima."""
from __future__ import annotations

import difflib
import re
from decimal import Decimal

from generator.core.text import number
from generator.plan.loader import PathKey, format_path


LEAP_TARGET, LEAP_PLACES = 5, 20  # "hạng 2" from below the 25th: more likely "up 2 places"


def provinces(year: int) -> int:
    """Provinces and centrally-run cities ranked that year (63 until the 2025 merger, then 34)."""
    return 63 if year <= 2024 else 34


class TargetChecks:
    """The criteria and targets part of the plan checker (mixed into plan.checks._Checker, which gives
    plan, criteria, agencies, error, warn, unknown)."""

    def catalogues(self) -> None:
        from generator.plan.agencies import registries
        from generator.plan.catalogue import versions as shipped

        if self.agencies.registry_missing:
            close = difflib.get_close_matches(self.plan.registry, sorted(registries()), n=1, cutoff=0.6)
            hint = (f"có phải ý bạn là '{close[0]}'?" if close else
                    "mã danh mục là tên tỉnh, thành phố viết thường không dấu, nối bằng '-', ví dụ tuyen-quang")
            self.error(("registry",), f"không có danh mục cơ quan '{self.plan.registry}'; {hint}")
        for index, version in self.criteria.missing_catalogues:
            versions = sorted(v for (i, v) in shipped() if i == index)
            known = f"các phiên bản có: {', '.join(versions)}" if versions else (
                "các chỉ số có: " + ", ".join(sorted({i for i, _ in shipped()})))
            self.error(("indices", index), f"không có danh mục '{index}' phiên bản '{version}'; {known}")

    def criterion(self, path: PathKey, code: str):
        info = self.criteria.get(code)
        if info is None and code.split(".")[0] in {i for i, _ in self.criteria.missing_catalogues}:
            return None  # already reported once, at 'indices'
        if info is None:
            self.unknown(path, "mã tiêu chí", code, list(self.criteria.by_code))
        # a name the catalogue marks unverified is kehoach's own data, which a drafter cannot act on:
        # it is listed in the catalogue file, never warned about (issue 21)
        return info

    def own_criteria(self) -> None:
        """Sub-maxima declared or overridden by the plan must add up to their parent's maximum."""
        touched = {c.code for c in self.plan.criteria} | {c.parent for c in self.plan.criteria if c.parent}
        for i, own in enumerate(self.plan.criteria):
            if own.parent and own.parent not in self.criteria:
                self.unknown(("criteria", i, "parent"), "tiêu chí cha", own.parent, list(self.criteria.by_code))
        for code in sorted(c for c in touched if c in self.criteria):
            info = self.criteria[code]
            kids = [self.criteria[k] for k in info.children if k in self.criteria]
            if info.max is None or not kids or any(k.max is None for k in kids):
                continue
            total = sum(k.max for k in kids)
            index = next((i for i, c in enumerate(self.plan.criteria) if c.code in (code, *info.children)), 0)
            # only a catalogue knows all the children; a plan often lists just the ones it works on
            complete = self.criteria.catalogue_children(code) == set(info.children)
            if complete and abs(total - info.max) > Decimal("0.05"):
                self.error(("criteria", index), f"điểm tối đa các tiêu chí con của '{code}' cộng lại bằng "
                                                f"{number(total)}, khác điểm tối đa {number(info.max)}")
            elif not complete and total > info.max + Decimal("0.05"):
                self.error(("criteria", index), f"điểm tối đa các tiêu chí con của '{code}' đã khai báo cộng lại "
                                                f"bằng {number(total)}, vượt điểm tối đa {number(info.max)}")

    def assessed_maxima(self) -> None:
        """PAR Index field maxima change between assessment years: a maximum the plan writes must be
        the one of its baseline year."""
        declared = [(("criteria", i, "max"), c.code, c.max) for i, c in enumerate(self.plan.criteria)]
        declared += [(("targets", i, "max"), t.criterion, t.max) for i, t in enumerate(self.plan.targets)]
        for path, code, maximum in declared:
            known = self.criteria.assessed_max(code) if maximum is not None else None
            if known is None or Decimal(str(maximum)) == known[0]:
                continue
            value, source = known
            trust = ("đã đối chiếu nguồn" if source.verified is True
                     else "nguồn thứ cấp, chưa đối chiếu văn bản của Bộ Nội vụ")
            self.warn(path, f"điểm tối đa của '{code}' là {number(maximum)}, khác điểm tối đa năm đánh giá "
                            f"{source.year} trong danh mục ({number(value)}; {trust}: {source.source})")

    def targets(self) -> None:
        for i, target in enumerate(self.plan.targets):
            here = ("targets", i)
            value_known = self.known(here + ("target",))
            base_known = self.known(here + ("baseline", "value"))
            self.rank(here, target)
            if target.wording and target.unit != "hạng" and target.target is not None and value_known:
                shown = number(target.target)
                if shown not in target.wording:
                    self.warn(("targets", i, "wording"), f"câu chữ không nhắc tới giá trị chỉ tiêu {shown}: "
                                                         "hãy kiểm tra câu chữ và số liệu có khớp nhau")
            info = self.criterion(("targets", i, "criterion"), target.criterion)
            # a percentage is not measured against a maximum in points (PAPI 'tỷ lệ' targets)
            maximum = target.max if target.max is not None else (
                info.max if info and info.unit == target.unit else None)
            base = target.baseline
            if target.target is not None and target.unit != "hạng":
                if maximum is not None and target.target > maximum and self.known(here + ("max",)):
                    self.error(("targets", i, "target"),
                               f"chỉ tiêu {number(target.target)} vượt điểm tối đa {number(maximum)}")
                # a qualifier says the drafter meant it ("giảm 7% so với năm 2018")
                if base is not None and base.value is not None and target.target < base.value \
                        and not target.qualifier and base_known:
                    self.warn(("targets", i, "target"), f"chỉ tiêu {number(target.target)} thấp hơn kết quả năm "
                                                        f"{base.year} ({number(base.value)})")
            if base is not None and base.year >= self.plan.year:
                self.warn(("targets", i, "baseline", "year"), f"năm gốc {base.year} không trước năm kế hoạch")

    def rank(self, path: PathKey, target) -> None:
        """Ranks are out of the provinces of that year: 63 until the 2025 merger, 34 after."""
        base = target.baseline
        if base is not None and base.rank is not None and self.known(path + ("baseline", "rank")):
            limit = base.of or provinces(base.year)
            if base.rank > limit:
                self.error(path + ("baseline", "rank"), f"hạng {base.rank} vượt quá số tỉnh ({limit})")
            if base.of is not None and base.of != provinces(base.year):
                self.warn(path + ("baseline", "of"), f"năm {base.year} có {provinces(base.year)} tỉnh, thành phố, "
                                                     f"không phải {base.of}")
        if target.unit == "hạng" and target.target is not None:
            limit = provinces(self.plan.year)
            if target.target != int(target.target) or not 1 <= target.target <= limit:
                self.error(path + ("target",), f"thứ hạng phải là số nguyên từ 1 đến {limit} "
                                               f"(số tỉnh, thành phố năm {self.plan.year})")
            elif not target.wording and not target.qualifier and self.known(path + ("baseline", "rank")):
                self.rank_meaning(path, target)

    def rank_meaning(self, path: PathKey, target) -> None:
        """`target: 2` with `unit: hạng` prints "xếp hạng 2": say so when the plan may have meant
        "up 2 places" (no baseline rank to show the move, or a leap no plan makes)."""
        base = target.baseline
        hint = (f"'target: {target.target}' với đơn vị 'hạng' được in là 'xếp hạng {target.target}' (thứ hạng "
                f"phấn đấu); nếu ý là tăng {target.target} bậc, dùng 'change: {{by: {target.target}}}'")
        if base is None or base.rank is None:
            self.warn(path + ("target",), hint + "; khai báo baseline.rank để văn bản in cả mức tăng bậc")
        elif target.target <= LEAP_TARGET and base.rank - target.target > LEAP_PLACES:
            self.warn(path + ("target",), f"{hint} (từ hạng {base.rank} lên hạng {target.target} là tăng "
                                          f"{base.rank - int(target.target)} bậc)")

    def unprinted_targets(self, in_body: set[str], targets_list: PathKey | None) -> None:
        """A target no part of the document prints (`in_body`: the ids a body block prints; `targets_list`: where
        the body prints a list of them, if it does): neither a sentence of the body nor a row of a scores appendix. A drafter who declared it expects it in the document, and
        an import of the document cannot read it back."""
        from generator.plan.model import ScoresAppendix
        from generator.plan.score_rows import listed, row_targets

        scores = [a for a in self.plan.appendices if isinstance(a, ScoresAppendix)]
        rows = {code for a in scores for code in listed(self.criteria, a)}
        in_table = {i for code, (i, t) in row_targets(self.plan.targets).items() if code in rows and t.unit == "điểm"}
        said = [t.wording for t in self.plan.targets if t.id in in_body and t.wording]
        for i, target in enumerate(self.plan.targets):
            if target.id in in_body or i in in_table or _stated_in(target, said):
                continue
            ways = (f"thêm '{target.id}' vào danh sách chỉ tiêu {format_path(targets_list)} (dòng "
                    f"{self.located.where(self.located.original(targets_list))[0]})" if targets_list else
                    f"thêm khối 'targets: [{target.id}]' vào mục chỉ tiêu")
            if scores and target.unit == "điểm":
                parent = " (hay tiêu chí cha của nó)" if "." in target.criterion else ""
                ways += (f", hoặc thêm tiêu chí '{target.criterion}'{parent} vào 'criteria' của phụ lục điểm "
                         f"'{scores[0].id}'")
            self.warn(("targets", i), f"chỉ tiêu '{target.id}' không được in ở đâu trong văn bản: {ways}; nếu "
                                      "không cần thì xóa chỉ tiêu này")


def _stated_in(target, wordings: list[str]) -> bool:
    """Whether a printed target's own sentence states this target's value: "các Chỉ số PAPI, PAR INDEX … nằm trong
    nhóm 20 tỉnh dẫn đầu" prints the PAR rank target too (import keeps such a sentence once, on its first target)."""
    if target.target is None:
        return False
    value = Decimal(str(target.target))
    shown = {number(value)} | ({number(int(value))} if value == value.to_integral() else set())  # 20.0 is said "20"
    return any(re.search(rf"(?<![\d.,]){re.escape(text)}(?![\d]|,\d)", wording)
               for wording in wordings for text in shown)
