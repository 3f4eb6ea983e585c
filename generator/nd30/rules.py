"""The rules `kehoach check` reports, collected from the parts of the checker that declare and judge them
(`generator.nd30.check.*`: each `Rule` sits beside its check). `check --fix`, the tests and the docs read
them here: RULE (id → Rule: name, citation, fixable) and RULES (id → what it checks, in the drafter's words).

A new rule is one `Rule(...)` in the module of the part it concerns, listed in that module's RULES, with
its check (and, when fixable, its correction in the matching `generator.nd30.fix` module)."""
from __future__ import annotations

from generator.nd30.check import appendix, base, body, colour, header, headings, lines, page, pagenum, signature, title
from generator.nd30.check.base import Rule


def _collect(*parts) -> dict[str, Rule]:
    out: dict[str, Rule] = {}
    for part in parts:
        for rule in part.RULES:
            if rule.id in out:
                raise ValueError(f"rule {rule.id} declared twice ({part.__name__})")
            out[rule.id] = rule
    return out


RULE = _collect(page, colour, base, header, lines, title, headings, body, signature, pagenum, appendix)
RULES = {rule.id: rule.name for rule in RULE.values()}
