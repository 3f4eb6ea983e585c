"""The "Tổ chức thực hiện" items: one numbered item per responsibility, titled by its title or by the
agencies it names (or a run-on sentence naming the agency inside its text), then its own blocks."""
from __future__ import annotations

from typing import Protocol

from generator.plan.agencies import Agencies, names_heading
from generator.plan.model import Plan, ResponsibilitiesBlock
from generator.render.model import Para, Source


class Numbering(Protocol):
    """What the items need of the body being built (body.Body): its numbering and its blocks."""

    plan: Plan
    agencies: Agencies

    def clause_label(self, depth: int, n: int) -> str: ...

    def heading(self, depth: int, n: int, title: str, source: Source | None = None) -> Para: ...

    def blocks(self, blocks: list, depth: int, path: tuple = ()) -> list[Para]: ...


def responsibilities(body: Numbering, block: ResponsibilitiesBlock, depth: int, counter: int) -> tuple[list[Para], int]:
    """The paragraphs of the block's responsibilities, numbered on from `counter` (they share the
    numbering of the subsections around them), and the last number used."""
    plan = body.plan
    out: list[Para] = []
    chosen = (list(enumerate(plan.responsibilities)) if block.responsibilities == "all"
              else [(i, r) for rid in block.responsibilities
                    for i, r in enumerate(plan.responsibilities) if r.id == rid])
    for i, resp in chosen:
        counter += 1
        if resp.text is not None:  # the agency is named inside a run-on sentence
            out.append(Para("clause", resp.text, label=body.clause_label(depth, counter),
                            source=Source(("responsibilities", i, "text"))))
        else:
            title = resp.title or names_heading(body.agencies.display(a) for a in resp.agencies)
            source = (Source(("responsibilities", i, "title")) if resp.title
                      else Source(("responsibilities", i, "agencies"), "agencies"))
            out.append(body.heading(depth, counter, title, source))
        out += body.blocks(resp.content, depth + 1, ("responsibilities", i, "content"))
    return out, counter
