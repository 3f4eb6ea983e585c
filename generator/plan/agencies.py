"""Agencies of a plan: the province registry (shipped data) extended by the plan's own entries;
references by id, full name or short form; recipient coverage through groups.

Every province registry extends the standard one (`registries/standard.yaml`: the agencies every
province has); a province without a file of its own gets the standard registry under its own name.
Entries carry the years they existed (`since`, `until`) so a 2021 plan sees the pre-2025 departments
and a 2026 plan the merged ones."""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from string import Template

import yaml

from generator.core.text import ascii_key as fold, name_key as norm  # noqa: F401  (importer and starter use them too)

from generator.plan.catalogue import DATA_LOADER, read_data
from generator.plan.model import Agency, Plan

ID_LIKE = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
STANDARD = "standard"




@lru_cache(maxsize=None)
def provinces() -> tuple[dict, ...]:
    """The 34 provinces and centrally-run cities since 2025, then the pre-2025 ones merged into them."""
    text = resources.files("generator.data").joinpath("provinces.yaml").read_text(encoding="utf-8")
    return tuple(yaml.load(text, Loader=DATA_LOADER)["provinces"])


_PREFIXES = ("thanh pho truc thuoc trung uong ", "thanh pho ", "tinh ", "tp ")


def find_province(name: str) -> dict | None:
    """A province by id, name or alias, with or without 'tỉnh'/'thành phố' and diacritics."""
    wanted = fold(name)
    for prefix in _PREFIXES:
        if wanted.startswith(prefix) and len(wanted) > len(prefix):
            wanted = wanted[len(prefix):]
            break
    for province in provinces():
        forms = (province["id"], province["name"], *province.get("aliases", []))
        if wanted in {fold(f) for f in forms}:
            return province
    return None


def province_names(current_only: bool = True) -> list[str]:
    return [p["name"] for p in provinces() if not (current_only and "until" in p)]


@lru_cache(maxsize=None)
def _files() -> dict[str, dict]:
    out = {}
    for entry in resources.files("generator.plan.registries").iterdir():
        if entry.name.endswith(".yaml"):
            data = read_data(entry)
            out[data["province"]] = data
    return out


def registries() -> dict[str, dict]:
    """Every registry a plan can name: the province files, and each province's standard one."""
    files = _files()
    out = {k: v for k, v in files.items() if k != STANDARD}
    for province in provinces():
        out.setdefault(province["id"], {"province": province["id"]})
    return out


def _in_year(entry: dict, year: int | None) -> bool:
    return year is None or (entry.get("since", 0) <= year <= entry.get("until", 9999))


def _place(province_id: str, data: dict) -> tuple[str, str]:
    """('tỉnh' or 'thành phố', the province's name) for the standard names' $cap and $ten."""
    province = find_province(province_id)
    if province is not None:
        return province["kind"], province["name"]
    name = data.get("name", "")
    for kind in ("thành phố", "tỉnh"):
        if name.startswith(kind + " "):
            return kind, name[len(kind) + 1:]
    return "tỉnh", name


@lru_cache(maxsize=None)
def registry(province_id: str, year: int | None = None) -> dict | None:
    """The registry a plan sees: its province's entries first, then the standard ones it does not
    redefine (by id or by name), each kept only if it existed in `year`."""
    files = _files()
    own = files.get(province_id)
    if own is None and find_province(province_id) is None:
        return None
    own = own or {"province": province_id, "groups": [], "agencies": []}
    kind, name = _place(province_id, own)
    fill = {"cap": kind, "ten": name}

    def local(text: str) -> str:
        return Template(text).safe_substitute(fill)

    agencies = [a for a in own.get("agencies", []) if _in_year(a, year)]
    taken_ids = {a["id"] for a in agencies}
    taken_names = {norm(a["name"]) for a in agencies}
    for entry in files[STANDARD]["agencies"]:
        if not _in_year(entry, year) or entry["id"] in taken_ids:
            continue
        base = entry.get("name_city", entry["name"]) if kind == "thành phố" else entry["name"]
        agency = {**entry, "name": local(base), "short": [local(s) for s in entry.get("short", [])]}
        if norm(agency["name"]) not in taken_names:
            agencies.append(agency)
            taken_names.add(norm(agency["name"]))
    groups = {g["id"]: dict(g) for g in own.get("groups", []) if _in_year(g, year)}
    for entry in files[STANDARD]["groups"]:
        if not _in_year(entry, year):
            continue
        forms = [local(f) for f in (entry["name"], *entry.get("forms", []))]
        if entry["id"] in groups:
            group = groups[entry["id"]]
            group["forms"] = [*group.get("forms", []), *(f for f in forms if f not in group.get("forms", []))]
        else:
            groups[entry["id"]] = {"id": entry["id"], "name": forms[0], "forms": forms[1:]}
    return {"province": province_id, "name": own.get("name", f"{kind} {name}"), "groups": list(groups.values()),
            "agencies": agencies}


_AGENCY_KEYS = set(Agency.model_fields)


def names_heading(names) -> str:
    """How the agencies of a responsibility are printed where they head its khoản: the heading of one without
    a title ("1. Sở Nội vụ, Sở Tư pháp"), and what the run-on sentence of one with `text` opens with ("2. Văn
    phòng Sở bảo đảm …"); `kehoach import` reads both back by it."""
    return ", ".join(names)


class Agencies:
    def __init__(self, plan: Plan):
        data = registry(plan.registry, plan.year) if plan.registry else None
        self.registry_missing = bool(plan.registry) and data is None
        data = data or {}
        self.by_id: dict[str, Agency] = {a["id"]: Agency(**{k: v for k, v in a.items() if k in _AGENCY_KEYS})
                                          for a in data.get("agencies", [])}
        self.by_id.update({a.id: a for a in plan.agencies})
        self.by_name: dict[str, Agency] = {}
        # the plan's own names first: they win over a registry entry spelt the same way
        for agency in [*plan.agencies, *self.by_id.values()]:
            for form in (agency.name, *agency.short):
                self.by_name.setdefault(norm(form), agency)
        self.group_forms: dict[str, str] = {}
        for group in data.get("groups", []):
            for form in (group["name"], *group.get("forms", [])):
                self.group_forms.setdefault(norm(form), group["id"])
        self.groups: set[str] = {g for a in self.by_id.values() for g in a.groups} | set(self.group_forms.values())
        # the registry's agencies of other years (merged in 2025, or not yet set up), by id and by name
        self.other_years: dict[str, dict] = {}
        every = registry(plan.registry) if plan.registry and not self.registry_missing else None
        for entry in (every or {}).get("agencies", []):
            if entry["id"] not in self.by_id and norm(entry["name"]) not in self.by_name:
                for key in (entry["id"], norm(entry["name"]), *(norm(s) for s in entry.get("short", []))):
                    self.other_years.setdefault(key, entry)

    def of_other_year(self, ref: str) -> dict | None:
        """The registry entry `ref` names when it is an agency of other years than the plan's."""
        return self.other_years.get(ref) or self.other_years.get(norm(ref))

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
