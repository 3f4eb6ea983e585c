"""Agencies of a plan: the province registry (shipped data) extended by the plan's own entries;
references by id, full name or short form; recipient coverage through groups."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

from .catalogue import read_data
from .model import Agency, Plan

ID_LIKE = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


def norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().strip(" ;.").split())


@lru_cache(maxsize=None)
def registry_files() -> dict[str, object]:
    """The shipped province registries by their file names `<province>.yaml` (a test checks that
    every file says the same inside); nothing is read yet."""
    return {entry.name.removesuffix(".yaml"): entry for entry in resources.files("generator.registries").iterdir()
            if entry.name.endswith(".yaml")}


@lru_cache(maxsize=None)
def registry(province: str) -> dict | None:
    """One province registry, read the first time a plan names it."""
    entry = registry_files().get(province)
    return read_data(entry) if entry is not None else None


def registries() -> dict[str, dict]:
    return {province: registry(province) for province in registry_files()}


class Agencies:
    def __init__(self, plan: Plan):
        shipped = registry(plan.registry) if plan.registry else None
        self.registry_missing = bool(plan.registry) and shipped is None
        registry_data = shipped or {}
        self.by_id: dict[str, Agency] = {a["id"]: Agency(**{k: v for k, v in a.items() if k != "level"})
                                          for a in registry_data.get("agencies", [])}
        self.by_id.update({a.id: a for a in plan.agencies})
        self.by_name: dict[str, Agency] = {}
        # the plan's own names first: they win over a registry entry spelt the same way
        for agency in [*plan.agencies, *self.by_id.values()]:
            for form in (agency.name, *agency.short):
                self.by_name.setdefault(norm(form), agency)
        self.group_forms: dict[str, str] = {}
        for group in registry_data.get("groups", []):
            for form in (group["name"], *group.get("forms", [])):
                self.group_forms.setdefault(norm(form), group["id"])
        self.groups: set[str] = {g for a in self.by_id.values() for g in a.groups} | set(self.group_forms.values())

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
        """Ids of agencies reached by some recipient entry: named directly, through `covers`, or by a
        line written as a registry group ("Các Sở, Ban, ngành")."""
        reached: set[str] = set()
        for recipient in plan.recipients:
            items = list(recipient.covers)
            for ref in filter(None, (recipient.agency, recipient.text)):
                agency = self.resolve(ref)
                if agency:
                    reached.add(agency.id)
                if norm(ref) in self.group_forms:
                    items.append(self.group_forms[norm(ref)])
            for item in items:
                if item in self.by_id:
                    reached.add(item)
                reached.update(a.id for a in self.by_id.values() if item in a.groups)
        return reached
