"""`kehoach import --onto PLAN.yaml REVIEWED.docx`: a reviewer's edits of a generated .docx, back
into the plan's YAML.

The plan is built again in memory; its paragraphs, rows and cells are matched with the reviewed
document's by their source tags (generator/render/sources.py; by exact text where a tag went missing):
matching.py. Each difference is traced to the plan value behind it and applied with the shared
surgical editor (yamledit), so only the changed values' lines change: forms.py says, per origin of a
printed value, how it was printed and how an edit of it goes back; paragraphs.py and rows.py apply
paragraphs and table rows; writer.py edits the YAML and records. Every difference ends up in exactly
one list of the result (result.py): applied, ignored (numbering or layout only) or not applied (with
its text and position). The edited plan is validated and rebuilt, and the rebuilt text is compared
with the reviewed text (verify.py): whatever still differs is reported too, so nothing a reviewer
wrote is lost silently. report.py prints the result. No I/O besides reading the two inputs; the
caller writes the result (holding the plan file: core/lock.py).

The plan compared with is the one the document was built from, recorded in it at build
(render/record.py): the reviewer's edits are found against it and carried onto the plan file as it is
now by a three-way merge of the YAML lines (merge.py, rebase.py): what the plan changed since is kept,
an edit already there is taken once, the same value changed differently is a conflict. A document
without the record is compared with the plan as it is now, with a warning (session.py). precheck.py
refuses another document from one pass over its XML; linediff.py is the n·log n diff used throughout.
"""
from generator.workflow.review.report import render_json, render_markdown, render_text, summary
from generator.workflow.review.result import OntoResult, Outcome, Remark
from generator.workflow.review.session import import_onto

__all__ = ["import_onto", "OntoResult", "Outcome", "Remark", "render_text", "render_markdown", "render_json",
           "summary"]
