"""`kehoach check`: judge any Word document (as read by the shared reader) against ND30 for a KH-UBND.

Input is the neutral tree of `generator.word.reader`; the layout and the frame's words come from
`generator.nd30`. Output: findings (house `Message`s: rule, level, where, excerpt, text in Vietnamese, ref),
and for the ones a machine may correct without judgement, a `Fix` that `generator.nd30.fix` applies.
One module per part of the document, in page order: page (page and fonts), header (ô 1–4), lines (the
drawn rules), title (ô 5a), body (ô 6), signature (Nơi nhận and the signer), pagenum, appendix; each
declares the rules it reports (`generator.nd30.rules` collects them); locate finds the parts.
No I/O, no printing.
"""
from __future__ import annotations

from generator.core.messages import Message
from generator.nd30.check import appendix, body, header, locate, page, pagenum, signature, title
from generator.nd30.check.base import CheckResult, Checker, Fix, Found, Rule, finding_dict, grouped
from generator.word.model import Document

__all__ = ["CheckResult", "Fix", "Found", "Rule", "check_document", "check_docx", "finding_dict", "grouped"]


def _run(ck: Checker) -> None:
    """The checks, in page order."""
    page.check_sections(ck)
    page.check_fonts(ck)
    head, doc_type = locate.find_doc_type(ck)
    header.check_header(ck, head)
    body_start = title.check_title(ck, doc_type, len(head))
    recipients = locate.find_recipients(ck)
    appendices = locate.find_appendix_labels(ck)
    body_end = locate.body_end(ck, recipients, appendices)
    body.check_body(ck, body_start, body_end)
    signature.check_recipients_and_signature(ck, recipients, body_start, body_end, appendices)
    pagenum.check_page_numbers(ck, appendices)
    appendix.check_appendices(ck, appendices)


def check_document(doc: Document, messages: list[Message] | None = None) -> CheckResult:
    ck = Checker(doc)
    _run(ck)
    findings = sorted(ck.findings, key=lambda f: (f.detail.section if f.detail.section is not None else -1,
                                                  ck.order.get(f.detail.paragraph, -1)
                                                  if f.detail.paragraph is not None else -1, f.rule))
    return CheckResult(findings, [m for m in messages or [] if m.level == "warning"], ck.pair)


def check_docx(path, **limits) -> CheckResult:
    """Read (refusing hostile files, as `import` does) and check one .docx."""
    from generator.word.convert import read_word as read_docx  # .doc through LibreOffice, as `import` does

    result = read_docx(path, **limits)
    return check_document(result.value, result.messages)
