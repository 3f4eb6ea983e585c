"""Measure `check --fix` damage on real documents: for each file, fix it, then compare the fixed file with the
original as a reader and as a printer would: the text of every paragraph, the bold / italic / size of every
character (outside what the fix report says it changed), the number of pages and the words of each page
(LibreOffice + pdftotext), and the lines of each page (pdftotext -layout, split where columns stand side by
side): a piece of a line whose words changed is harm
unless every word on it belongs to a corrected paragraph of running text (justified, outside tables; a size
fix there may rewrap it; after a new font or margins, any line but a corrected one placed on its own); a
placed line (centred, tabbed, in a table) that wraps differently is harm. A page number --fix added closer
than 5 mm to the paper's top edge is harm. What prints is compared too (printed.py): a word cut or covered, a
typed rule replaced by no visible line, ink pushed further into a side margin than before, a page number no longer
printed whole (its digits: words of letters miss them) are harm.
A reported correction counts as intended only when its change is the one its rule names: check is run again
on the fixed file and compared rule by rule: a finding the original did not have, on a corrected paragraph or
of the kind of a correction made, is harm (a fix that creates a finding); other new findings (the check's own
estimate flipped) are listed as `appeared`; a corrected finding still there is a correction that did not cure
(`uncured`, said, not harm).
A .doc is compared with its LibreOffice .docx conversion (what --fix starts from). A file is damaged when it
crashed, its text changed beyond the reported corrections, a look changed where no correction was reported,
its page count changed, a line changed as above, the fix created a finding, or a group that printed at one size (what
one size rule flagged: the body, the Nơi nhận list) prints at several after it (`uneven`).

    PYTHONPATH=. python tests/real/measure_fix.py [--shared DIR] [NAME ...]   (default: the held-out side)
    PYTHONPATH=. python tests/real/measure_fix.py tests/real/docs/FR-*.doc …   (a NAME may be a path)
"""
from __future__ import annotations

import argparse
import collections
import re
import subprocess
import sys
import tempfile
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
sys.path.insert(0, str(HERE))
import printed  # noqa: E402  (beside this script)

# KH01, KH03, QD03, CV04, GEN02, TTR01 and GOV01 moved to the tune side when their check failures were looked at
# to fix them (issue 20, helper oldheld); name them on the command line to measure them
HELD_OUT = ["BC03_bc-de-an-06-t3-2026.docx", "EXT03_ubnd-nghean.docx", "TPL03_tokhai-khaisinh.docx"]
WORD = re.compile(r"[^\W\d_][^\W_]*")


_PROFILE: list[Path] = []  # one LibreOffice profile for the whole run (making one per file cost seconds each)


def render(files, out_dir: Path) -> None:
    if not _PROFILE:
        _PROFILE.append(Path(tempfile.mkdtemp(prefix="measure-fix-profile-")))
    subprocess.run(["soffice", f"-env:UserInstallation={_PROFILE[0].as_uri()}", "--headless",
                    "--norestore", "--convert-to", "pdf", "--outdir", str(out_dir), *map(str, files)],
                   capture_output=True, timeout=900, check=True)


def _pdf_pages(pdf: Path, *layout: str) -> list[str]:
    text = subprocess.run(["pdftotext", *layout, "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                          check=True).stdout.decode("utf-8")
    found = text.split("\f")
    if found and not found[-1].strip():
        found = found[:-1]
    return found


def pages(pdf: Path) -> list[collections.Counter]:
    return [collections.Counter(WORD.findall(p)) for p in _pdf_pages(pdf)]


def pieces(text: str, loose: list | None = None) -> list[tuple[str, ...]]:
    """The pieces of a page's printed lines (generator.nd30.fix.pages: columns side by side apart, a piece of numbers
    alone left out), except that numbers alone before a piece of words on their line are its list number and are
    kept with it: "2.1.   Ưu điểm" is the line "2.1. Ưu điểm" whatever the gap the number's tab leaves (FR9-BC02: a
    heading's number printed in Times New Roman after font.family, narrower, its tab gap wider; the heading
    read as having lost its number)."""
    from generator.nd30.fix.pages import _GAP, _WORD, tokens

    out = []
    for line in text.splitlines():
        number: list[str] = []
        for piece in _GAP.split(line):
            if _WORD.search(piece):
                out.append(tuple(number + tokens(piece)))
                number = []
            else:
                if number and loose is not None:
                    loose.append(tuple(number))
                number = tokens(piece)
        if number and loose is not None:
            loose.append(tuple(number))  # numbers alone with no words after them: into `loose` when asked
    return out


def page_loose(pdf: Path) -> list[collections.Counter]:
    """Each page's pieces of numbers alone kept with no words (`pieces`' `loose`)."""
    out = []
    for page in _pdf_pages(pdf, "-layout"):
        found: list = []
        pieces(page, found)
        out.append(collections.Counter(found))
    return out


def unnumbered(a, b, a_loose, b_loose):
    """`a` and `b` without a piece that has a leading number on one side only, when that number prints on its own on
    the other side's page (a table's “4.2.” pdftotext set on the line of its row's first words in the fixed file, on
    a line of its own in the original: BC01 page 35): the number is there either way."""
    out_a, out_b = [], []
    for n, (x, y) in enumerate(zip(a, b)):
        gone, came = x - y, y - x
        for longer, shorter, loose in ((came, gone, a_loose), (gone, came, b_loose)):
            spare = collections.Counter(loose[n]) if n < len(loose) else collections.Counter()
            for piece in list(longer):
                for k in range(1, len(piece)):
                    head, rest = piece[:k], piece[k:]
                    if not all(t.isdecimal() for t in head):
                        break
                    if shorter[rest] > 0 and longer[piece] > 0 and spare[head] > 0:
                        shorter[rest] -= 1
                        longer[piece] -= 1
                        spare[head] -= 1
                        break
        gone, came = gone + collections.Counter(), came + collections.Counter()
        out_a.append((x & y) + gone)
        out_b.append((x & y) + came)
    return out_a, out_b


def _printed_pages(found: list[collections.Counter]) -> list[collections.Counter]:
    """The pages up to the last that prints a word: a blank last page (empty paragraphs run over, FR3-TTR01's page 2)
    that a fix leaves out or brings is no page of the text gone or added."""
    while found and not found[-1]:
        found = found[:-1]
    return found


def page_pieces(pdf: Path) -> list[collections.Counter]:
    """Each page's printed pieces of lines (`pieces`)."""
    return [collections.Counter(pieces(page)) for page in _pdf_pages(pdf, "-layout")]


def page_rows(pdf: Path) -> list[list[list[tuple[str, ...]]]]:
    """Each page's lines of two pieces or more (`pieces` of one line each)."""
    return [[row for row in (pieces(line) for line in page.splitlines()) if len(row) > 1]
            for page in _pdf_pages(pdf, "-layout")]


def unsplit(a: list[collections.Counter], b: list[collections.Counter], a_rows, b_rows):
    """`a` and `b` without a line's piece now printed as pieces side by side on that same line (or the other way):
    a gap between two columns grown to 3 spaces is no line broken (FR5-TB01: “CỤC ĐƯỜNG THỦY NỘI ĐỊA VIỆT NAM
    CÔNG HÒA …” printed as before, the gap wider after the motto grew to 13 pt); what the fix's own page comparison
    does (generator.nd30.fix.pages._resplit)."""
    from generator.nd30.fix.pages import _resplit

    out_a, out_b = [], []
    for n, (x, y) in enumerate(zip(a, b)):
        gone, came = x - y, y - x
        _resplit(gone, came, b_rows[n] if n < len(b_rows) else [])
        _resplit(came, gone, a_rows[n] if n < len(a_rows) else [])
        out_a.append((x & y) + gone)
        out_b.append((x & y) + came)
    return out_a, out_b


def line_harm(a: list[collections.Counter], b: list[collections.Counter], paras: list[tuple[set[str], bool]],
              reflow: bool) -> list[str]:
    """Pieces of lines that changed on a page where no correction was about wrapping: a piece belongs to the
    paragraphs holding all its words (`paras`: their words, and whether a correction may rewrap them); it is
    harm unless one of them may rewrap — or, after a new font or margins, unless none of them is a corrected
    line placed on its own (`may` False then). "trang N: 'old' → 'new'"."""
    out = []
    for n, (x, y) in enumerate(zip(a, b), start=1):
        gone, came = x - y, y - x
        bad = []
        for piece in list(gone) + list(came):
            owners = [may for held, may in paras if set(piece) <= held]
            # after a new font or margins a line no paragraph of the text holds (a page header's or footer's, which
            # no correction is about) must not rewrap either (FR15-QD02's footer form code)
            fine = bool(owners) and all(owners) if reflow else any(owners)
            if not fine:
                bad.append(piece)
        if bad:
            old = " / ".join(" ".join(piece) for piece in gone)
            new = " / ".join(" ".join(piece) for piece in came)
            out.append(f"trang {n}: {old[:90]!r} → {new[:90]!r}")
    return out


def broken_lines(a: list[collections.Counter], b: list[collections.Counter], placed: list[set[str]]) -> list[str]:
    """Lines placed on their own (`placed`: the words of each paragraph that is not running text) printed broken in
    two: the start of the line is now a line of its own (FR15-QD03: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT / NAM" under new
    margins). Harm whatever the corrections were; a line joined back into one is not."""
    out = []
    for n, (x, y) in enumerate(zip(a, b), start=1):
        came = y - x
        for line in x - y:
            if len(line) > 1 and any(set(line) <= held for held in placed) and \
                    any(0 < len(c) < len(line) and line[:len(c)] == c for c in came):
                out.append(f"trang {n}: {' '.join(line)[:80]!r} xuống dòng")
    return out


def finding_keys(doc) -> dict[tuple, str]:
    from generator.nd30.check import check_document

    from generator.nd30.fix import DOCUMENT_WIDE

    # a rule told once for the whole document (one font.family per font, at its first place) is keyed by its rule:
    # what a fix leaves of it (a footer's font kept) is that finding, uncured in part, not a new one
    return {(f.rule, None, None) if f.rule in DOCUMENT_WIDE else (f.rule, f.detail.section, f.detail.paragraph):
            f"{f.where}: [{f.rule}] {f.text[:70]}" for f in check_document(doc).findings}


def uneven(before_doc, after_doc, findings) -> list[str]:
    """Groups that printed at one size and print at several after the fix (FR22-TB02: a body at 12 pt corrected
    paragraph by paragraph, some given up, printed at 12, 13 and 14 pt side by side; a Nơi nhận list at 8 pt made 11,
    8, 8, 11). A group is what one size rule of the original flagged (`findings`: the spans its corrections name, the
    whole paragraph of a finding that names none); its letters are those of the group at the size most of them have
    (the size the rule found wrong); each letter is found again in the fixed
    paragraph by the text around it (a correction of punctuation may change a paragraph's text). One size before and
    more than one after is harm, whatever the corrections said."""
    import difflib

    def letters(doc):  # paragraph → [(offset, letter, size)]
        out = {}
        for p in doc.paragraphs():
            found, at = [], 0
            for r in p.runs:
                if r.change == "del":
                    continue
                found += [(at + k, c, r.size_pt) for k, c in enumerate(r.text) if not c.isspace()]
                at += len(r.text)
            out[p.index] = found
        return out

    old, new = letters(before_doc), letters(after_doc)
    # a rule's group: the spans its corrections name, the whole paragraph where a finding names none
    groups: dict[str, dict[int, list]] = collections.defaultdict(dict)
    for f in findings:
        n, fix = f.detail.paragraph, f.detail.fix
        if not f.rule.endswith(".size") or n is None:
            continue
        spans = groups[f.rule].setdefault(n, [])
        if fix is not None and fix.paragraph == n and fix.end:
            spans.append((fix.start, fix.end))
        else:
            spans.append((0, 10 ** 9))
    out = []
    for rule, paras in sorted(groups.items()):
        def inside(n, at):
            return any(a <= at < b for a, b in paras[n])

        common = collections.Counter(size for n in paras for at, _, size in old.get(n, ())
                                     if size is not None and inside(n, at))
        if not common:
            continue
        size = common.most_common(1)[0][0]
        after = collections.Counter()
        for n in sorted(paras):
            a, b = old.get(n, []), new.get(n, [])
            match = difflib.SequenceMatcher(None, [c for _, c, _ in a], [c for _, c, _ in b], autojunk=False)
            for i, j, k in match.get_matching_blocks():
                for x in range(k):
                    if a[i + x][2] == size and inside(n, a[i + x][0]):
                        after[b[j + x][2]] += 1
        if len(after) > 1:
            sizes = ", ".join(f"{s:g}" for s in sorted(after, key=lambda s: (s is None, s or 0)))
            out.append(f"{rule}: nhóm chữ in cùng cỡ {size:g} trước khi sửa, sau khi sửa in các cỡ {sizes} "
                       f"(đoạn {', '.join(str(n + 1) for n in sorted(paras))})")
    return out


def looks(doc):
    out = []
    for p in doc.paragraphs():
        out.append((p.index, p.text, [(r.bold, r.italic, r.size_pt) for r in p.runs if r.change != "del"
                                      for c in r.text if not c.isspace()]))
    return out


def measure(source: Path, work: Path) -> dict:
    from generator.core.errors import KehoachError
    from generator.nd30.fix import fix_docx
    from generator.word.convert import read_word

    row = {"file": source.name, "crash": "", "refused": "", "untouched": "", "text": [], "look": [], "pages": "",
           "moved": "", "changed": 0, "lines": [], "created": [], "appeared": [], "uncured": [], "withdrawn": [],
           "reported": [], "printed": [], "uneven": []}
    fixed = work / (source.stem + ".fixed.docx")
    try:
        report = fix_docx(source, fixed)
    except KehoachError as exc:
        row["refused"] = str(exc)[:160]
        return row
    except Exception as exc:  # the damage being measured
        row["crash"] = f"{type(exc).__name__}: {exc}"[:160]
        traceback.print_exc()
        return row
    if report.untouched:
        row["untouched"] = report.untouched
        return row
    row["changed"] = len(report.changed)
    row["reported"] = [f"{m.where}: [{m.rule}] {m.text[:80]}" for m in report.changed]
    row["withdrawn"] = [f"{m.where}: {m.text[:110]}" for m in report.refused if "rút lại" in m.text] + \
        [f"{m.where}: {m.text[:60]}" for m in report.changed if "khoảng cách từ mép trên" in m.text]
    reported = {m.where for m in report.changed}
    original_doc, fixed_doc = read_word(source).value, read_word(fixed).value
    before, after = looks(original_doc), looks(fixed_doc)
    # rule by rule: what the fixed file's check finds that the original's did not, and what it still finds
    old_keys, new_keys = finding_keys(original_doc), finding_keys(fixed_doc)
    from generator.nd30.check import check_document

    row["uneven"] = uneven(original_doc, fixed_doc, check_document(original_doc).findings)
    # created: on a paragraph a correction touched, or of the kind (rule family) of a correction made; other new
    # findings (the check's own estimates flipped) are listed as `appeared`, not counted
    from generator.nd30.fix import family

    kinds = {family(m.rule) for m in report.changed if m.rule}
    touched = {m.where for m in report.changed if "đoạn" in m.where}  # a paragraph's, not a section's
    for key, text in new_keys.items():
        if key not in old_keys:
            mine = text.split(": [")[0] in touched or family(key[0]) in kinds
            row["created" if mine else "appeared"].append(text)
    # a page number --fix added or centred must print where printers print: header distance ≥ 5 mm
    if any(m.rule.startswith("pagenum.") for m in report.changed):
        for k, sec in enumerate(fixed_doc.sections, start=1):
            # to a tenth of a millimetre: the 0,5 cm a drafter types is stored as 283 twips (4,99 mm; FR16-QD01)
            if sec.headers.get("default") and round(sec.header_mm or 0, 1) < 5:
                row["created"].append(f"phần {k}: số trang cách mép trên tờ giấy {sec.header_mm or 0:.0f} mm")
    cured = {(m.rule, m.where) for m in report.changed}
    row["uncured"] = [text for key, text in new_keys.items() if key in old_keys and
                      (key[0], text.split(": [")[0]) in cured]
    # words of corrected paragraphs of running text: lines holding only them may rewrap
    # (a new font or text width rewraps every line except the corrected lines placed on their own)
    reflow = any(m.rule in ("font.family", "page.margins") for m in report.changed)
    from generator.nd30.fix.pages import tokens

    paras = []
    placed = [set(tokens(p.text)) for p in original_doc.paragraphs()
              if not (p.alignment == "both" and not p.in_table and "\t" not in p.text.strip())]
    for p in original_doc.paragraphs():
        corrected = any(w.endswith(f"đoạn {p.index + 1}") for w in reported)
        running = p.alignment == "both" and not p.in_table and "\t" not in p.text.strip()
        may = not (corrected and not running) if reflow else running and corrected
        paras.append((set(tokens(p.text)), may))
    # a footnote's text is running text no correction is about: a new font or margins may rewrap it (BC01's footnote
    # on page 12), nothing else may
    paras += [(set(tokens(note.text)), reflow) for note in original_doc.notes]
    if source.suffix.lower() == ".docx":
        original = work / ("orig-" + source.name)
        original.write_bytes(source.read_bytes())
    else:  # what --fix starts from: LibreOffice's .docx of it (the conversion's own changes are not the fix's)
        from generator.word.convert import convert_doc

        converted = convert_doc(source, work)
        original = work / f"orig-{source.stem}.docx"
        converted.rename(original)
    render([original, fixed], work)
    a_pdf, b_pdf = work / f"{original.stem}.pdf", work / f"{fixed.stem}.pdf"
    a, b = _printed_pages(pages(a_pdf)), _printed_pages(pages(b_pdf))
    if len(a) != len(b):
        row["pages"] = f"{len(a)} → {len(b)}"
    else:
        moved = [n for n, (x, y) in enumerate(zip(a, b), start=1) if x != y]
        row["moved"] = ", ".join(map(str, moved[:8]))
    a_pieces, b_pieces = unsplit(page_pieces(a_pdf), page_pieces(b_pdf), page_rows(a_pdf), page_rows(b_pdf))
    a_pieces, b_pieces = unnumbered(a_pieces, b_pieces, page_loose(a_pdf), page_loose(b_pdf))
    row["lines"] = line_harm(a_pieces, b_pieces, paras, reflow) + broken_lines(a_pieces, b_pieces, placed)
    # what prints (printed.py): words cut or covered, typed rules replaced by no line, ink pushed into a margin
    a_img, b_img = printed.images(a_pdf, work), printed.images(b_pdf, work)
    a_words, b_words = printed.words(a_pdf), printed.words(b_pdf)
    row["printed"] = (printed.hidden(a_words, b_words, a_img, b_img) + printed.rules(a_words, b_words, b_img)
                      + printed.margins(a_img, b_img) + printed.page_numbers(
                          a_words, b_words, a_img, b_img, first_asked=any(m.rule == "pagenum.first" for m in report.changed)))
    return row


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(HERE.parent.parent.parent / "shared"))
    ap.add_argument("names", nargs="*")
    ns = ap.parse_args()
    docs = Path(ns.shared) / "real-docs"
    damaged = 0
    rows = []
    for name in ns.names or HELD_OUT:
        with tempfile.TemporaryDirectory(prefix="measure-fix-") as tmp:
            row = measure(Path(name) if Path(name).exists() else docs / name, Path(tmp))
        bad = bool(row["crash"] or row["text"] or row["look"] or row["pages"] or row["lines"] or row["created"]
                   or row["printed"] or row["uneven"])
        damaged += bad
        rows.append(row)
        print(f"{'DAMAGED' if bad else 'ok':8} {row['file']}: changed {row['changed']}; crash {row['crash'] or '-'}; "
              f"refused {row['refused'] or '-'}; untouched {bool(row['untouched'])}; text {row['text'][:3] or '-'}; "
              f"look {row['look'][:3] or '-'}; pages {row['pages'] or 'same'}; words moved on pages "
              f"{row['moved'] or '-'}", flush=True)
        if bad or row["uncured"] or row["withdrawn"] or row["appeared"]:
            for m in row["reported"][:12]:
                print(f"    fixed: {m}", flush=True)
        for key, label in (("lines", "line"), ("printed", "printed"), ("uneven", "uneven"), ("created", "created"), ("appeared", "appeared"), ("uncured", "uncured"),
                           ("withdrawn", "withdrawn")):
            for item in row[key][:6]:
                print(f"    {label}: {item}", flush=True)
    print(f"damaged: {damaged} of {len(rows)}")
    if _PROFILE:
        import shutil

        shutil.rmtree(_PROFILE[0], ignore_errors=True)


if __name__ == "__main__":
    main()
