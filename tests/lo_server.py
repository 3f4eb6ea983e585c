"""The tests' one driver of LibreOffice through UNO: a warm LibreOffice for a test session's conversions, and
the reviewer's edits of the review round trip tests (test-only; users always get the runner of
generator/core/libreoffice.py: a fresh profile and a new soffice per conversion).

Starting LibreOffice costs more than converting a plan, and the suite converts ~60 documents. Run by the
SYSTEM python3 (python3-uno), driven by tests/lo_warm.py through stdin/stdout, one JSON line each way:

    {"files": ["/abs/a.docx", ...], "outdir": "/abs/out", "target": "pdf"}
    → {"ok": true} or {"ok": false, "file": "/abs/a.docx", "error": "…"}  (the file it failed on;
                                                  "exit": true when LibreOffice crashed and this server ends)

    {"edit": {"source": "in.docx", "target": "out.docx", "author": "Name", "ops": [{"op": ...}, ...]}}
    → {"ok": true} or {"ok": false, "error": "…"}

Each file is loaded and stored the way `soffice --convert-to TARGET --outdir OUTDIR FILE` does it
(desktop/source/app/dispatchwatcher.cxx: loaded read-only, hidden and silent, stored with the filter the
target names, or the default export filter of the document's kind for that extension), then closed. Anything
unexpected is answered {"ok": false}: the caller then runs the real command line instead.

An edit opens the source the way a reviewer does in LibreOffice Writer, edits it through the Writer API
(search, cursors, tables, annotations, change tracking) with the profile's user name set to the author, and
saves it as "MS Word 2007 XML" (the user name is emptied again after, so conversions stay as a fresh
profile's). Ops:
    {"op": "track", "on": true}                        record changes from here on
    {"op": "replace", "find": "a", "with": "b"}        first occurrence, as typed over a selection
    {"op": "insert_after", "find": "a", "text": "t"}   Enter at the end of the paragraph holding a, then t
    {"op": "delete_paragraph", "find": "a"}            the whole paragraph holding a (text and mark)
    {"op": "comment", "find": "a", "text": "t"}        a comment on the found text
    {"op": "row_after", "find": "a", "cells": [...]}   a new table row after the row whose cell holds a
    {"op": "move_bookmarks"}                           every bookmark re-anchored at the end of its
                                                       paragraph (LibreOffice and Word move them so
                                                       when text is retyped)
    {"op": "shift_bookmarks"}                          every bookmark slid to the end of the paragraph
                                                       before it
    {"op": "drop_bookmarks"}                           every bookmark removed
    {"op": "review", "find": "a", "accept": true}      accept (false: reject) each tracked change in the
                                                       paragraph holding a, as Edit › Track Changes › Accept"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

import uno  # noqa: F401  (system python3 with python3-uno)
from com.sun.star.beans import PropertyValue

START_S = 120
# export filters of Writer documents by extension (what --convert-to picks without an explicit filter)
WRITER = {"pdf": "writer_pdf_Export", "docx": "MS Word 2007 XML", "doc": "MS Word 97", "odt": "writer8",
          "rtf": "Rich Text Format", "txt": "Text"}


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def connect(pipe: str, proc, deadline: float):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    while True:
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except Exception:
            if time.time() > deadline or proc.poll() is not None:
                raise
            time.sleep(0.1)


def die_with_parent() -> None:  # in the child between fork and exec: LibreOffice dies with this server
    import ctypes
    import signal

    try:
        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except Exception:  # noqa: BLE001
        pass


def start(soffice: str, profile: str):
    pipe = f"kehoach-test-{os.getpid()}"
    cmd = [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--invisible", "--norestore",
           "--nologo", "--nodefault", "--nolockcheck", f"--accept=pipe,name={pipe};urp;"]
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True, preexec_fn=die_with_parent)
    deadline = time.time() + START_S
    while True:
        try:
            ctx = connect(pipe, proc, deadline)
            break
        except Exception:
            if proc.poll() == 81 and time.time() < deadline:  # a fresh profile asks for a restart
                proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL, start_new_session=True,
                                        preexec_fn=die_with_parent)
                continue
            raise
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    return proc, ctx, desktop


def convert(desktop, path: str, outdir: str, target: str) -> None:
    ext, _, explicit = target.partition(":")
    load = (prop("ReadOnly", True), prop("Hidden", True), prop("Silent", True))
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(path), "_blank", 0, load)
    if doc is None:
        raise RuntimeError(f"could not load {path}")
    try:
        if not doc.supportsService("com.sun.star.text.TextDocument"):
            raise RuntimeError(f"{path} is not a text document")
        name = explicit or WRITER.get(ext)
        if name is None:
            raise RuntimeError(f"no filter for {target}")
        stem = os.path.splitext(os.path.basename(path))[0]
        out = uno.systemPathToFileUrl(os.path.join(outdir, f"{stem}.{ext}"))
        doc.storeToURL(out, (prop("FilterName", name), prop("Overwrite", True)))
    finally:
        doc.close(True)


def set_author(ctx, author: str) -> None:
    provider = ctx.ServiceManager.createInstanceWithContext("com.sun.star.configuration.ConfigurationProvider", ctx)
    access = provider.createInstanceWithArguments("com.sun.star.configuration.ConfigurationUpdateAccess",
                                                  (prop("nodepath", "/org.openoffice.UserProfile/Data"),))
    given, _, family = author.partition(" ")
    access.setPropertyValue("givenname", given)
    access.setPropertyValue("sn", family)
    access.commitChanges()


def find(doc, text: str):
    search = doc.createSearchDescriptor()
    search.SearchString = text
    search.SearchCaseSensitive = True
    found = doc.findFirst(search)
    if found is None:
        raise RuntimeError(f"not found: {text!r}")
    return found


def paragraph_of(doc, found):
    cursor = found.getText().createTextCursorByRange(found.getStart())
    cursor.gotoStartOfParagraph(False)
    cursor.gotoEndOfParagraph(True)
    return cursor


def _review(doc, op: dict, dispatcher) -> None:
    """Accept or reject, one at a time through the Writer's own command, the tracked changes that start in a
    paragraph holding op["find"]; the changes are looked up again after each (one accepted or rejected moves
    the ranges of the others)."""
    controller = doc.getCurrentController()
    command = ".uno:AcceptTrackedChange" if op["accept"] else ".uno:RejectTrackedChange"
    done = 0
    while True:
        target = None
        redlines = doc.getRedlines().createEnumeration()
        while redlines.hasMoreElements() and target is None:
            redline = redlines.nextElement()
            try:
                start, end = redline.getPropertyValue("RedlineStart"), redline.getPropertyValue("RedlineEnd")
                cursor = start.getText().createTextCursorByRange(start)
                cursor.gotoStartOfParagraph(False)
                cursor.gotoEndOfParagraph(True)
            except Exception:  # noqa: BLE001 -- a change LibreOffice cannot place (in a table, a header)
                continue
            if op["find"] in cursor.getString():
                target = (start, end)
        if target is None:
            break
        cursor = target[0].getText().createTextCursorByRange(target[0])
        cursor.gotoRange(target[1], True)
        controller.select(cursor)
        dispatcher.executeDispatch(controller.getFrame(), command, "", 0, ())
        done += 1
        if done > 50:
            raise RuntimeError(f"the tracked changes in the paragraph of {op['find']!r} do not go")
    if not done:
        raise RuntimeError(f"no tracked change in the paragraph of {op['find']!r}")


def apply(doc, op: dict, dispatcher) -> None:
    kind = op["op"]
    if kind == "review":
        _review(doc, op, dispatcher)
    elif kind == "track":
        doc.RecordChanges = bool(op["on"])
    elif kind == "replace":
        found = find(doc, op["find"])
        found.setString(op["with"])
    elif kind == "insert_after":
        cursor = paragraph_of(doc, find(doc, op["find"]))
        cursor.collapseToEnd()
        text = cursor.getText()
        text.insertControlCharacter(cursor, 0, False)  # PARAGRAPH_BREAK
        text.insertString(cursor, op["text"], False)
    elif kind == "delete_paragraph":
        cursor = paragraph_of(doc, find(doc, op["find"]))
        cursor.gotoNextParagraph(True)  # the paragraph mark too
        cursor.setString("")
    elif kind == "comment":
        found = find(doc, op["find"])
        note = doc.createInstance("com.sun.star.text.textfield.Annotation")
        note.Author = op.get("author", "")
        note.Content = op["text"]
        stamp = uno.createUnoStruct("com.sun.star.util.DateTime")
        stamp.Year, stamp.Month, stamp.Day, stamp.Hours = 2026, 11, 29, 9
        note.DateTimeValue = stamp
        found.getText().insertTextContent(found.getStart(), note, False)
    elif kind == "row_after":
        tables = doc.getTextTables()
        for t in range(tables.getCount()):
            table = tables.getByIndex(t)
            for name in table.getCellNames():
                if op["find"] in table.getCellByName(name).String:
                    number = "".join(ch for ch in name.split(".")[0] if ch.isdigit())
                    # the cells of that row by name (merged cells elsewhere break positions)
                    columns = sorted((n for n in table.getCellNames() if "." not in n and
                                      "".join(ch for ch in n if ch.isdigit()) == number),
                                     key=lambda n: (len(n.rstrip("0123456789")), n))
                    # as a reviewer does it (Table > Insert > Rows Below): the new row copies this one
                    # (Rows.insertByIndex copies the row below, which may be a merged group row)
                    controller = doc.getCurrentController()
                    controller.getViewCursor().gotoRange(table.getCellByName(name).getStart(), False)
                    dispatcher.executeDispatch(controller.getFrame(), ".uno:InsertRowsAfter", "", 0, ())
                    below = str(int(number) + 1)
                    for cname, value in zip(columns, op["cells"]):
                        cell = table.getCellByName(cname.rstrip("0123456789") + below)
                        if cell is None:
                            raise RuntimeError(f"no cell {cname.rstrip('0123456789') + below} in "
                                             f"{list(table.getCellNames())}")
                        if value:
                            cell.setString(value)
                    return
        raise RuntimeError(f"no table cell holds {op['find']!r}")
    elif kind == "move_bookmarks":
        marks = doc.getBookmarks()
        names = list(marks.getElementNames())
        for name in names:
            mark = marks.getByName(name)
            anchor = mark.getAnchor()
            cursor = anchor.getText().createTextCursorByRange(anchor.getStart())
            cursor.gotoEndOfParagraph(False)
            anchor.getText().removeTextContent(mark)
            new = doc.createInstance("com.sun.star.text.Bookmark")
            new.Name = name
            cursor.getText().insertTextContent(cursor, new, False)
    elif kind == "shift_bookmarks":
        # every bookmark slides to the end of the paragraph before it (what retyping at a
        # paragraph's start can do); the document's first paragraph keeps its own
        marks = doc.getBookmarks()
        for name in list(marks.getElementNames()):
            mark = marks.getByName(name)
            anchor = mark.getAnchor()
            text = anchor.getText()
            cursor = text.createTextCursorByRange(anchor.getStart())
            cursor.gotoStartOfParagraph(False)
            if not cursor.gotoPreviousParagraph(False):
                continue
            cursor.gotoEndOfParagraph(False)
            text.removeTextContent(mark)
            new = doc.createInstance("com.sun.star.text.Bookmark")
            new.Name = name
            text.insertTextContent(cursor, new, False)
    elif kind == "drop_bookmarks":
        marks = doc.getBookmarks()
        for name in list(marks.getElementNames()):
            mark = marks.getByName(name)
            mark.getAnchor().getText().removeTextContent(mark)
    else:
        raise RuntimeError(f"unknown op {kind}")


def edit(ctx, desktop, job: dict) -> None:
    set_author(ctx, job.get("author", "Người Duyệt"))
    try:
        source = os.path.abspath(job["source"])
        # a lock file left by an interrupted run makes LibreOffice ask, i.e. refuse when headless
        lock = os.path.join(os.path.dirname(source), ".~lock." + os.path.basename(source) + "#")
        if os.path.exists(lock):
            os.remove(lock)
        url = uno.systemPathToFileUrl(source)
        deadline = time.time() + START_S
        doc = None
        while doc is None:  # right after start-up the desktop may still refuse to load
            doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
            if doc is None:
                if time.time() > deadline:
                    raise RuntimeError(f"LibreOffice could not open {job['source']}")
                time.sleep(0.5)
        try:
            dispatcher = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
            for op in job["ops"]:
                apply(doc, op, dispatcher)
            out = uno.systemPathToFileUrl(os.path.abspath(job["target"]))
            doc.storeToURL(out, (prop("FilterName", "MS Word 2007 XML"),))
        finally:
            doc.dispose()
    finally:
        set_author(ctx, "")


def alive(desktop, proc) -> bool:
    """Whether LibreOffice still answers (after a crash its process may outlive the bridge a while)."""
    if proc.poll() is not None:
        return False
    try:
        desktop.getComponents()
        return True
    except Exception:  # noqa: BLE001 — DisposedException: the bridge is gone
        return False


def main() -> int:
    soffice = sys.argv[1]
    profile = tempfile.mkdtemp(prefix="kehoach-test-lo-")
    proc = None
    try:
        proc, ctx, desktop = start(soffice, profile)
        print(json.dumps({"ok": True, "ready": True}), flush=True)
        for line in sys.stdin:
            job = json.loads(line)
            path = None
            try:
                if "edit" in job:
                    edit(ctx, desktop, job["edit"])
                else:
                    for path in job["files"]:
                        convert(desktop, path, job["outdir"], job["target"])
                answer = {"ok": True}
            except Exception as exc:  # noqa: BLE001 — the caller falls back to the real command
                answer = {"ok": False, "file": path, "error": f"{type(exc).__name__}: {exc}"}
            if not answer["ok"] and not alive(desktop, proc):  # LibreOffice crashed on that file: this server
                answer["exit"] = True                           # ends, the caller starts a new one
            print(json.dumps(answer), flush=True)
            if answer.get("exit"):
                return 1
        try:
            desktop.terminate()
        except Exception:  # noqa: BLE001
            pass
        proc.wait(timeout=30)
    finally:
        if proc is not None and proc.poll() is None:
            os.killpg(proc.pid, 9)
            proc.wait()
        shutil.rmtree(profile, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
