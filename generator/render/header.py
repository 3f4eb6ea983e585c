"""The frame of the document around its body: the number line and its symbol, the date, the document
type, the "(Kèm theo Kế hoạch số ...)" line of the appendices, the signer's lines and Nơi nhận."""
from __future__ import annotations

from generator import nd30
from generator.core.text import upper
from generator.nd30 import issue_date as nd30_issue_date
from generator.plan.agencies import Agencies
from generator.plan.model import Plan

DOC_TYPES = {"KH": nd30.DOC_TYPE}


def strip_end(text: str) -> str:
    """A plan line without its closing ';' or '.': the list it is printed in adds its own."""
    return text.rstrip().rstrip(";.").rstrip()


def symbol(plan: Plan) -> str:
    return f"{plan.document.code}-{plan.issuer.abbreviation}"


def number_line(plan: Plan) -> str:
    return f"Số: {nd30.number_text(plan.document.number)}/{symbol(plan)}"


def issue_date(plan: Plan) -> str:
    return nd30_issue_date(plan.document.date, plan.year, plan.document.month)


def attached_to(plan: Plan) -> str:
    doc = plan.document
    return (f"{nd30.ATTACHED_PREFIX} Kế hoạch số {nd30.number_text(doc.number)}/{symbol(plan)} "
            f"{issue_date(plan)} của {doc.issued_by or plan.issuer.full_name})")


def doc_type(plan: Plan) -> str:
    return DOC_TYPES.get(plan.document.code, plan.document.code)


def recipients(plan: Plan, agencies: Agencies) -> list[str]:
    lines = []
    for rec in plan.recipients:
        text = rec.text or agencies.display(rec.agency or "")
        text = strip_end(text)
        lines.append(f"- {text}{' ' + rec.note if rec.note else ''};")
    archive = plan.archive
    copies = f" ({archive.copies:02d})" if archive.copies else ""
    lines.append(f"- Lưu: {', '.join(archive.units)}{copies}.")
    return lines


def signer_lines(plan: Plan) -> list[str]:
    s = plan.signer
    lines = []
    if s.on_behalf_of:
        lines.append(f"TM. {upper(s.on_behalf_of)}")
    if s.signing_for:
        lines.append(f"KT. {upper(s.signing_for)}")
    lines.append(upper(s.title))
    return lines
