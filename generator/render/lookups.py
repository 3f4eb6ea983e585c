"""What the context builders look up in one plan: its criteria (catalogue), agencies, targets by id,
the appendices' labels ("Phụ lục II") and positions, and the sentence a target prints as."""
from __future__ import annotations

from generator import nd30
from generator.plan.agencies import Agencies
from generator.plan.catalogue import Criteria
from generator.plan.model import Plan, Target
from generator.render.header import attached_to
from generator.render.model import Source
from generator.render.targets import change_words, criterion_name, target_sentence


class Lookups:
    def __init__(self, plan: Plan):
        self.plan = plan
        self.criteria = Criteria(plan)
        self.agencies = Agencies(plan)
        self.targets = {t.id: t for t in plan.targets}
        self.target_index = {t.id: i for i, t in enumerate(plan.targets)}
        self.appendix_labels = self._appendix_labels()
        self.appendix_index = {a.id: i for i, a in enumerate(plan.appendices)}

    def _appendix_labels(self) -> dict[str, str]:
        count = len(self.plan.appendices)
        return {a.id: nd30.appendix_label(i + 1, count) for i, a in enumerate(self.plan.appendices)}

    def attached_to(self) -> str:
        return attached_to(self.plan)

    def criterion_name(self, code: str) -> str:
        return criterion_name(self.criteria, code)

    def target_sentence(self, target: Target) -> str:
        return target_sentence(target, self.criteria)

    _change = staticmethod(change_words)  # `diff` shows a target's change in these words

    def target_source(self, tid: str) -> Source:
        return Source(("targets", self.target_index[tid]), "target")
