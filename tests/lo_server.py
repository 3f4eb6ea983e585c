"""One warm LibreOffice for a test session's conversions (test-only; users always get the runner of
generator/core/libreoffice.py: a fresh profile and a new soffice per conversion).

Starting LibreOffice costs more than converting a plan, and the suite converts ~60 documents. Run by the
SYSTEM python3 (python3-uno), driven by tests/lo_warm.py through stdin/stdout, one JSON line each way:

    {"files": ["/abs/a.docx", ...], "outdir": "/abs/out", "target": "pdf"}
    → {"ok": true} or {"ok": false, "file": "/abs/a.docx", "error": "…"}  (the file it failed on;
                                                  "exit": true when LibreOffice crashed and this server ends)

Each file is loaded and stored the way `soffice --convert-to TARGET --outdir OUTDIR FILE` does it
(desktop/source/app/dispatchwatcher.cxx: loaded read-only, hidden and silent, stored with the filter the
target names, or the default export filter of the document's kind for that extension), then closed. Anything
unexpected is answered {"ok": false}: the caller then runs the real command line instead."""
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
    return proc, desktop


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
        proc, desktop = start(soffice, profile)
        print(json.dumps({"ok": True, "ready": True}), flush=True)
        for line in sys.stdin:
            job = json.loads(line)
            path = None
            try:
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
