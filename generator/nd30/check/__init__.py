"""`kehoach check`: judge any Word document (as read by the shared reader) against ND30, by the layout ND30
gives its type (`generator.nd30.doctypes.identify`: Kế hoạch, Quyết định, Công văn, …); a document ND30 does
not govern gets no findings.

Input is the neutral tree of `generator.word.reader`; the layout and the frame's words come from
`generator.nd30`. Output: findings (house `Message`s: rule, level, where, excerpt, text in Vietnamese, ref),
and for the ones a machine may correct without judgement, a `Fix` that `generator.nd30.fix` applies.
One module per part of the document, in page order: page (page and fonts), header (ô 1–4), lines (the
drawn rules), title (ô 5a), body (ô 6), signature (Nơi nhận and the signer), pagenum, appendix; each
declares the rules it reports (`generator.nd30.rules` collects them); locate finds the parts.
No I/O, no printing.
"""
from __future__ import annotations

from dataclasses import replace

from generator.core.messages import Message
from generator.nd30.check import appendix, body, colour, header, locate, page, pagenum, scan, several, signature, title
from generator.word.seen import SeenDocument, seen_document
from generator.nd30.check.base import CheckResult, Checker, Fix, Found, Rule, finding_dict, grouped
from generator.nd30.doctypes import APPENDIX_FILE, Identified
from generator.word.model import Document

__all__ = ["CheckResult", "Fix", "Found", "Rule", "check_document", "check_docx", "finding_dict", "grouped"]


def _run_page(ck: Checker) -> None:
    """The checks of the file as a whole: its pages and fonts."""
    page.check_sections(ck)
    page.check_fonts(ck)
    colour.check_colours(ck)
    page.check_diacritics(ck)


def _run(ck: Checker, identified: Identified, numbered: bool = True) -> None:
    """The checks of one document, in page order, by the layout ND30 gives its type; `numbered`: its pages are
    its section's (not when several documents share one section: its page numbers would count across them)."""
    frame = locate.find_frame(ck, identified)
    header.check_header(ck, frame.header, identified, issued_with=frame.issued_with is not None)
    body_start = title.check_title(ck, frame)
    tail = locate.find_tail(ck, frame)
    recipients = tail.label or locate.find_recipients(ck)
    appendices = locate.find_appendix_labels(ck)
    body_end = locate.body_end(ck, recipients, appendices)
    if frame.zones is not None and len(frame.zones.attached.paragraphs):  # a Quy chế after a tail with no Nơi nhận
        body_end = min(body_end, frame.zones.attached.paragraphs.start)  # (FR21-QD02): its own text, not the body
    body.check_body(ck, body_start, body_end, frame)
    signature.check_recipients_and_signature(ck, recipients, body_start, body_end, appendices, tail, frame)
    attached = locate.find_attached(ck, frame.zones) if frame.zones is not None else None
    if attached is not None:  # a Quy định or Quy chế issued with the decision: its title and body
        header.check_attached_header(ck, attached.header)
        start = title.check_title(ck, attached)
        end = min([attached.end or len(ck.paras)] + [ck.order[p.index] for p in appendices
                                                      if ck.order[p.index] >= start])
        body.check_body(ck, start, end, attached)
    if numbered:
        zones = frame.zones
        pagenum.check_page_numbers(ck, appendices, form=zones.attached.blocks if zones and zones.attached_form else None)
    appendix.check_appendices(ck, appendices, identified.type)
    # the type line of the text the decision issues ("QUY CHẾ" over its name and "(Ban hành kèm theo …)"): no form
    # lacking its "Phụ lục" line (FR21-QD03)
    appendix.check_unlabelled_forms(ck, [p for p in locate.find_unlabelled_forms(ck, appendices)
                                         if attached is None or p is not attached.doc_type])


def check_document(doc: Document, messages: list[Message] | None = None) -> CheckResult:
    """The findings on `doc`; none on a document ND30 does not govern (a speech, a form, a party document):
    `identified.governed` is False and `identified.sentence()` says what it is."""
    read = seen_document(doc)  # judged as it prints: composed, without invisible characters
    ck = Checker(read.doc)
    identified = scan.scanned(read.doc) or locate.identify(ck)
    if not identified.governed:
        return CheckResult([], [m for m in messages or [] if m.level == "warning"], None, identified)
    alone = identified.how == APPENDIX_FILE
    parts = [] if alone else several.documents(read.doc)
    if alone:  # an appendix kept as its own file (FR13-PL01)
        _run_appendix_file(ck, identified)
        pair = ck.pair
    elif len(parts) == 1:
        _run_page(ck)
        _run(ck, identified)
        pair = ck.pair
    else:  # several documents one after another: each judged as a document of its own (FR12-QD01)
        _run_page(ck)
        pair = _run_several(ck, parts)
    findings = sorted((_on_own_text(f, read) for f in ck.findings), key=lambda f: (f.detail.section if f.detail.section is not None else -1,
                                                  ck.order.get(f.detail.paragraph, -1)
                                                  if f.detail.paragraph is not None else -1, f.rule))
    return CheckResult(findings, [m for m in messages or [] if m.level == "warning"], pair, identified, doc)


def _run_appendix_file(ck: Checker, identified: Identified) -> None:
    """An appendix kept as its own file: its pages, fonts and page numbers, and the appendix's label, title and "(Kèm
    theo …)" line (PL I §III.1); no header, body or signature (they are its document's)."""
    page.check_sections(ck, appendix_file=True)
    page.check_fonts(ck)
    colour.check_colours(ck)
    page.check_diacritics(ck)
    label = next(p for p in ck.paras if p.text.strip())
    pagenum.check_page_numbers(ck, [label], appendix_file=True)
    appendix.check_appendices(ck, [label], identified.type, alone=True)


def _run_several(ck: Checker, parts: list[Document]) -> int | None:
    """Each document of a file holding several, its findings added to `ck`'s (one finding the documents share,
    on a header or footer of their section, told once); the first document's size pair. No page number is asked
    of a document sharing its section with another: the section's numbers would count across both."""
    sections = [{p.section for p in part.paragraphs()} for part in parts]
    seen = {(f.rule, f.where, f.text) for f in ck.findings}
    pair = None
    for k, part in enumerate(parts):
        one = Checker(part)
        _run(one, locate.identify(one), numbered=not any(sections[k] & s for j, s in enumerate(sections) if j != k))
        pair = pair if pair is not None else one.pair
        for f in one.findings:
            if (f.rule, f.where, f.text) not in seen:
                seen.add((f.rule, f.where, f.text))
                ck.findings.append(f)
    return pair


def _on_own_text(found: Message, read: SeenDocument) -> Message:
    """A finding whose correction's offsets are counted in the document's own text, not in the text read."""
    fix = found.detail.fix
    if fix is None or fix.paragraph is None or fix.paragraph not in read.maps:
        return found
    start, end, text = read.original(fix.paragraph, fix.start, fix.end, fix.text if fix.kind == "text" else None)
    fix = replace(fix, start=start, end=end, text=text if fix.kind == "text" else fix.text)
    return replace(found, detail=replace(found.detail, fix=fix))


def check_docx(path, **limits) -> CheckResult:
    """Read (refusing hostile files, as `import` does) and check one .docx."""
    from generator.word.convert import read_word as read_docx  # .doc through LibreOffice, as `import` does

    result = read_docx(path, **limits)
    return check_document(result.value, result.messages)
