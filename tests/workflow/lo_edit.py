"""Edit .docx files the way a reviewer does, in LibreOffice Writer, driven through UNO.

Run by the SYSTEM python3 (python3-uno: `apt-get install python3-uno`), not the project's venv:

    python3 tests/workflow/lo_edit.py JOBS.json

JOBS.json: {"jobs": [{"source": "in.docx", "target": "out.docx", "author": "Name",
                      "ops": [{"op": ...}, ...]}, ...]}
One LibreOffice (own profile, headless) serves all jobs; each document is opened, edited through the
Writer API (search, cursors, tables, annotations, change tracking) and saved as "MS Word 2007 XML".
Ops:
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
"""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

import uno  # noqa: F401  (system python3 with python3-uno)
from com.sun.star.beans import PropertyValue

TIMEOUT_S = 120
DISPATCHER = []


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def connect(port: int, deadline: float):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    while True:
        try:
            return resolver.resolve(f"uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext")
        except Exception:
            if time.time() > deadline:
                raise
            time.sleep(0.25)


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
        raise SystemExit(f"not found: {text!r}")
    return found


def paragraph_of(doc, found):
    cursor = found.getText().createTextCursorByRange(found.getStart())
    cursor.gotoStartOfParagraph(False)
    cursor.gotoEndOfParagraph(True)
    return cursor


def apply(doc, op: dict) -> None:
    kind = op["op"]
    if kind == "track":
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
                    dispatcher = DISPATCHER[0]
                    dispatcher.executeDispatch(controller.getFrame(), ".uno:InsertRowsAfter", "", 0, ())
                    below = str(int(number) + 1)
                    for cname, value in zip(columns, op["cells"]):
                        cell = table.getCellByName(cname.rstrip("0123456789") + below)
                        if cell is None:
                            raise SystemExit(f"no cell {cname.rstrip('0123456789') + below} in "
                                             f"{list(table.getCellNames())}")
                        if value:
                            cell.setString(value)
                    return
        raise SystemExit(f"no table cell holds {op['find']!r}")
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
        raise SystemExit(f"unknown op {kind}")


def main() -> int:
    jobs = json.loads(open(sys.argv[1], encoding="utf-8").read())["jobs"]
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    port = free_port()
    profile = tempfile.mkdtemp(prefix="kehoach-test-uno-")
    proc = subprocess.Popen([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--invisible",
                             "--norestore", "--nologo", "--nodefault",
                             f"--accept=socket,host=127.0.0.1,port={port};urp;"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.time() + TIMEOUT_S
    try:
        ctx = connect(port, deadline)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        DISPATCHER.append(ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx))
        for job in jobs:
            set_author(ctx, job.get("author", "Người Duyệt"))
            source = os.path.abspath(job["source"])
            # a lock file left by an interrupted run makes LibreOffice ask, i.e. refuse when headless
            lock = os.path.join(os.path.dirname(source), ".~lock." + os.path.basename(source) + "#")
            if os.path.exists(lock):
                os.remove(lock)
            url = uno.systemPathToFileUrl(source)
            doc = None
            while doc is None:  # right after start-up the desktop may still refuse to load
                doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
                if doc is None:
                    if time.time() > deadline:
                        raise SystemExit(f"LibreOffice could not open {job['source']}")
                    time.sleep(0.5)
            try:
                for op in job["ops"]:
                    apply(doc, op)
                out = uno.systemPathToFileUrl(os.path.abspath(job["target"]))
                doc.storeToURL(out, (prop("FilterName", "MS Word 2007 XML"),))
            finally:
                doc.dispose()
        try:
            desktop.terminate()
        except Exception:
            pass
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, 9)
            proc.wait()
        shutil.rmtree(profile, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
