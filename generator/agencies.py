"""Resolve agency references (id, full name or short form) and recipient coverage."""
from __future__ import annotations

import unicodedata

from .model import Agency, Plan


def norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


class Agencies:
    def __init__(self, plan: Plan):
        self.by_id: dict[str, Agency] = {a.id: a for a in plan.agencies}
        self.by_name: dict[str, Agency] = {}
        for agency in plan.agencies:
            for form in (agency.name, *agency.short):
                self.by_name.setdefault(norm(form), agency)
        self.groups: set[str] = {g for a in plan.agencies for g in a.groups}

    def resolve(self, ref: str) -> Agency | None:
        return self.by_id.get(ref) or self.by_name.get(norm(ref))

    def display(self, ref: str) -> str:
        """What a table prints: the agency's name for an id, otherwise the form the drafter wrote."""
        agency = self.by_id.get(ref)
        return agency.name if agency is not None else ref

    def known_forms(self) -> list[str]:
        return [a.id for a in self.by_id.values()] + [a.name for a in self.by_id.values()] + [
            s for a in self.by_id.values() for s in a.short
        ]

    def covered(self, plan: Plan) -> set[str]:
        """Ids of agencies reached by some recipient entry, directly or through a group."""
        reached: set[str] = set()
        for recipient in plan.recipients:
            if recipient.agency:
                agency = self.resolve(recipient.agency)
                if agency:
                    reached.add(agency.id)
            for item in recipient.covers:
                if item in self.by_id:
                    reached.add(item)
                reached.update(a.id for a in self.by_id.values() if item in a.groups)
        return reached
