"""The plan model (schema v1): what a Kế hoạch says, validated, with no I/O.

Keys are English snake_case; every title/description is Vietnamese because the exported JSON Schema
is what drafters see in their editor.

One module per part of the plan: base (ids, texts, the strict model), frame (issuer, number and date,
signer, agencies, Nơi nhận), targets (criteria and targets), body (sections and their blocks), tasks
(tasks and responsibilities), appendices (one model per kind), plan (the whole). Every name is
imported from here, so `from generator.plan.model import Plan` is the one way in.
"""
from generator.plan.model.base import NOT_BLANK, SCHEMA_VERSION, Id, Number, Strict, Text
from generator.plan.model.frame import Agency, AgencyRef, Archive, Document, Issuer, Recipient, Signer
from generator.plan.model.targets import Baseline, Criterion, Target, TargetChange
from generator.plan.model.body import (
    _TAG_OF_CLASS,
    _TAG_OF_KEY,
    AppendixRef,
    Block,
    Bullet,
    BulletItem,
    Bullets,
    FundingBlock,
    NumberFormat,
    Numbering,
    ResponsibilitiesBlock,
    Section,
    Subsection,
    TargetsBlock,
    _bullet_kind,
    _kind,
)
from generator.plan.model.tasks import Responsibility, Task
from generator.plan.model.appendices import (
    Appendix,
    CellSpan,
    GenericColumn,
    GenericRow,
    HeaderGroup,
    ScoreColumn,
    ScoresAppendix,
    TableAppendix,
    TaskColumn,
    TasksAppendix,
)
from generator.plan.model.plan import Layout, Plan

__all__ = [
    "NOT_BLANK", "SCHEMA_VERSION", "Id", "Number", "Strict", "Text",
    "Agency", "AgencyRef", "Archive", "Document", "Issuer", "Recipient", "Signer",
    "Baseline", "Criterion", "Target", "TargetChange",
    "AppendixRef", "Block", "Bullet", "BulletItem", "Bullets", "FundingBlock", "NumberFormat", "Numbering",
    "ResponsibilitiesBlock", "Section", "Subsection", "TargetsBlock",
    "Responsibility", "Task",
    "Appendix", "CellSpan", "GenericColumn", "GenericRow", "HeaderGroup", "ScoreColumn", "ScoresAppendix", "TableAppendix",
    "TaskColumn", "TasksAppendix",
    "Layout", "Plan",
    # the body's union pickers, for validate's error paths
    "_TAG_OF_CLASS", "_TAG_OF_KEY", "_bullet_kind", "_kind",
]
