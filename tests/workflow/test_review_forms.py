"""The review's table of forms (generator/workflow/review/forms.py) against the renderer: for every value
a plan prints with a source tag, the form's encoding of the plan value is the printed text, so the
review reads edits back with the same rules the renderer printed them with."""
from __future__ import annotations

import typing

import pytest

from generator.render.context import Builder, build_context
from generator.render.model import Origin
from generator.render.sources import SourceTags
from generator.plan.validate import load_plan
from generator.workflow.review.forms import FORMS, form_of
from tests.conftest import PLANS, SAMPLE


def value_at(plan, path: tuple):
    node = plan
    for part in path:
        if isinstance(part, int):
            node = node[part] if 0 <= part < len(node) else None
        elif isinstance(node, dict):
            node = node.get(part)
        else:
            node = getattr(node, part, None)
        if node is None:
            return None
    return node


def test_every_origin_has_a_form():
    assert set(typing.get_args(Origin)) <= set(FORMS)
    assert all(form.decode is not None for name, form in FORMS.items() if name in ("text", "legal", "closing", "upper"))


@pytest.mark.parametrize("plan_path", [*PLANS, SAMPLE], ids=lambda p: p.stem)
def test_each_form_encodes_as_the_renderer_printed(plan_path):
    plan, _ = load_plan(plan_path)
    ctx = build_context(plan)
    builder = Builder(plan)
    checked = set()
    for tag in SourceTags(ctx).tags:
        where, source = tag.where, tag.source
        if where[0] == "body":
            para = ctx.body[where[1]]
            printed, form = para.text, form_of(source.origin, para.kind)
        elif where[0] == "title":
            printed, form = ctx.tables[where[1]].title, form_of(source.origin)
        elif where[0] == "fixed":
            printed, form = {"title": plan.title, "signer": plan.signer.name}[where[1]], form_of(source.origin)
        elif where[0] == "cell":
            cell = ctx.tables[where[1]].rows[where[2]].cells[where[3]]
            if cell.merge == "continue":
                continue
            printed, form = cell.text, form_of(source.origin)
        else:
            continue  # a row is not one value
        if form.encode is None:
            continue
        assert form.encode(builder, source.path, value_at(plan, source.path)) == printed, (tag.key, source.origin)
        checked.add(next(name for name, f in FORMS.items() if f is form))
    assert {"text", "upper", "agencies"} <= checked
    if plan_path == SAMPLE:  # the sample prints every kind of value
        assert checked == {name for name, form in FORMS.items() if form.encode is not None}


def test_a_text_form_decodes_what_it_encoded():
    """Read back, a printed text value is the plan value (the legal basis keeps its own end mark)."""
    plan, _ = load_plan(SAMPLE)
    builder = Builder(plan)
    for i, value in enumerate(plan.legal_bases):
        printed = FORMS["legal"].encode(builder, ("legal_bases", i), value)
        assert FORMS["legal"].decode(printed, value) == value
    printed = FORMS["closing"].encode(builder, ("closing",), plan.closing)
    assert FORMS["closing"].decode(printed, plan.closing) == plan.closing.rstrip()
