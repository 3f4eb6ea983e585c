"""From a validated plan to everything the renderers place: strings, numbering, groupings, tables.

Renderers make no decisions about wording or numbering; they only lay out what is computed here, so
the .docx, the .xlsx and the recipient list cannot drift apart. The work is done by part of the plan:
header.py (number line, date, signer, Nơi nhận), body.py (sections and their blocks, with
responsibilities.py), targets.py (target sentences), appendices/ (one module per kind of appendix);
model.py holds what they build.
"""
from __future__ import annotations

from generator import nd30
from generator.core.text import upper
from generator.plan.model import Plan
from generator.render import header
from generator.render.appendices import appendix_table
from generator.render.appendices.common import MIN_COLUMN_CM
from generator.render.appendices.tasks import TASK_COLUMNS
from generator.render.body import Body
from generator.render.header import DOC_TYPES
from generator.render.lookups import Lookups
from generator.render.model import (
    Align,
    Cell,
    Column,
    Context,
    Origin,
    Para,
    ParaKind,
    Row,
    Source,
    Table,
)
from generator.render.targets import BOUND_WORDS

# the names the renderers, workflow/, importer/, tests and tools import from here
__all__ = ["Align", "BOUND_WORDS", "Builder", "Cell", "Column", "Context", "DOC_TYPES", "LANDSCAPE_TEXT_W", "MARGIN",
           "MIN_COLUMN_CM", "Origin", "PAGE_H", "PAGE_W", "PORTRAIT_TEXT_W", "Para", "ParaKind", "Row", "Source",
           "TASK_COLUMNS", "Table", "build_context", "sizes_for"]

# page geometry (mm)
PAGE_W, PAGE_H = nd30.PAGE_W_MM, nd30.PAGE_H_MM
MARGIN = nd30.MARGIN
PORTRAIT_TEXT_W = nd30.PORTRAIT_TEXT_W
LANDSCAPE_TEXT_W = nd30.LANDSCAPE_TEXT_W

sizes_for = nd30.sizes_for


class Builder(Lookups):
    """Computes wording, numbering and tables for one plan (also used by `diff`, `import` and
    `import --onto`, to rebuild what a plan prints)."""

    def __init__(self, plan: Plan):
        super().__init__(plan)
        self._body = Body(self)

    # ---------------------------------------------------------------- header and signature

    def symbol(self) -> str:
        return header.symbol(self.plan)

    def number_line(self) -> str:
        return header.number_line(self.plan)

    def issue_date(self) -> str:
        return header.issue_date(self.plan)

    def recipients(self) -> list[str]:
        return header.recipients(self.plan, self.agencies)

    def signer_lines(self) -> list[str]:
        return header.signer_lines(self.plan)

    # ---------------------------------------------------------------- body and appendices

    def body(self) -> list[Para]:
        return self._body.paragraphs()

    def blocks(self, blocks: list, depth: int, path: tuple = ()) -> list[Para]:
        """The paragraphs of some blocks at `depth` (1 = directly under a section); see body.Body."""
        return self._body.blocks(blocks, depth, path)

    def tables(self) -> list[Table]:
        return [appendix_table(self, appendix) for appendix in self.plan.appendices]


def build_context(plan: Plan) -> Context:
    b = Builder(plan)
    return Context(
        plan=plan,
        sizes=sizes_for(plan.layout.size_pair),
        issuer_superior=[upper(x) for x in plan.issuer.superior],
        issuer_name=[upper(x) for x in plan.issuer.name],
        number_line=b.number_line(),
        place_date=f"{plan.issuer.place}, {b.issue_date()}",
        doc_type=header.doc_type(plan),
        title_lines=plan.title.split("\n"),
        body=b.body(),
        recipients=b.recipients(),
        signer_lines=b.signer_lines(),
        signer_name=plan.signer.name,
        tables=b.tables(),
    )
