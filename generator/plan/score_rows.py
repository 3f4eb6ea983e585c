"""What a scores appendix prints, in one place for the renderer (render/appendices/scores.py) and for the check
that every target is printed somewhere (plan/target_checks.py): the criteria it lists and, on a criterion's row,
which of the plan's targets."""
from __future__ import annotations

from collections.abc import Iterator

from generator.plan.catalogue import Criteria
from generator.plan.model import ScoresAppendix, Target


def row_targets(targets: list[Target]) -> dict[str, tuple[int, Target]]:
    """By criterion, the target (with its index in the plan) a score table prints on the criterion's row: its
    score target when it has one besides a rank target (a rank is not a score: only its baseline's score is
    printed); a percentage is no score, never printed under the score columns ("95" beside "Điểm tối đa 10"
    for "đạt trên 95%")."""
    ranked = sorted(((i, t) for i, t in enumerate(targets) if t.unit != "%"), key=lambda it: it[1].unit != "hạng")
    return {t.criterion: (i, t) for i, t in ranked}


def top_rows(criteria: Criteria, appendix: ScoresAppendix) -> list[str]:
    """The criteria a scores appendix numbers I, II …, each printed with all its children below it. index_row
    (the default, as plans have always printed): a whole index has its own row "I", its fields 1, 2 below it;
    without it a whole index is listed by its fields (I, II), its own row would only repeat the total row."""
    return [kid for code in appendix.criteria
            for kid in (criteria[code].children if not appendix.index_row and code in criteria
                        and criteria[code].is_root and criteria[code].children else (code,))]


def listed(criteria: Criteria, appendix: ScoresAppendix) -> Iterator[str]:
    """Every criterion a scores appendix has a row for."""
    def down(code: str) -> Iterator[str]:
        yield code
        info = criteria.get(code)
        for child in info.children if info else ():
            yield from down(child)
    for code in top_rows(criteria, appendix):
        yield from down(code)
