"""The schema in a real editor engine: yaml-language-server (what VS Code's YAML extension runs), spoken
to over its standard protocol (LSP) the way an editor does. A drafter's file made by `kehoach init`
with mistakes in it gets Vietnamese diagnostics on the right lines; inside `tasks:` the editor offers
the task snippet and keys; hovering shows the Vietnamese description."""
from __future__ import annotations

import json
import queue
import shutil
import subprocess
import threading
from pathlib import Path

import pytest

from generator.plan.schema import plan_schema
from generator.workflow.starter import starter_plan
from tests.conftest import ROOT
from tests.test_starter import fill

EDITOR = ROOT / "tools" / "editor"
SERVER = EDITOR / "node_modules" / ".bin" / "yaml-language-server"
WAIT = 120  # seconds: a bound on a hung server, not a speed requirement


class Lsp:
    """A minimal LSP client: Content-Length framed JSON-RPC over the server's stdin/stdout."""

    def __init__(self, command: list[str]):
        self.proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL)
        self.inbox: queue.Queue = queue.Queue()
        self.last_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.proc.stdout
        while True:
            headers = {}
            while (line := stream.readline().decode("ascii").strip()):
                key, value = line.split(":", 1)
                headers[key.lower()] = value.strip()
            if not headers:
                return
            self.inbox.put(json.loads(stream.read(int(headers["content-length"]))))

    def _send(self, message: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def notify(self, method: str, params: dict) -> None:
        self._send({"method": method, "params": params})

    def request(self, method: str, params: dict):
        self.last_id += 1
        wanted = self.last_id
        self._send({"id": wanted, "method": method, "params": params})
        return self.wait(lambda m: m.get("id") == wanted and "method" not in m)["result"]

    def wait(self, matches) -> dict:
        while True:
            message = self.inbox.get(timeout=WAIT)
            if "method" in message and "id" in message:  # the server asks the editor something
                settings = {"validate": True, "completion": True, "hover": True, "schemaStore": {"enable": False}}
                items = message["params"].get("items", []) if message["method"] == "workspace/configuration" else []
                self._send({"id": message["id"], "result": [settings for _ in items] if items else None})
            elif matches(message):
                return message

    def close(self) -> None:
        self.proc.kill()
        self.proc.wait(timeout=30)


@pytest.fixture(scope="module")
def editor(tmp_path_factory):
    if not SERVER.exists():
        npm = shutil.which("npm")
        assert npm, "npm (Node.js) is needed: bash scripts/setup.sh installs it and yaml-language-server"
        subprocess.run([npm, "ci", "--prefix", str(EDITOR), "--no-audit", "--no-fund", "--silent"], check=True,
                       timeout=600, capture_output=True)
    folder = tmp_path_factory.mktemp("soan")
    (folder / "kehoach.schema.json").write_text(json.dumps(plan_schema(), ensure_ascii=False), encoding="utf-8")
    lsp = Lsp([str(SERVER), "--stdio"])
    lsp.request("initialize", {"processId": None, "rootUri": folder.as_uri(), "capabilities": {
        "workspace": {"configuration": True},
        "textDocument": {"completion": {"completionItem": {"snippetSupport": True}},
                         "hover": {"contentFormat": ["markdown", "plaintext"]}}}})
    lsp.notify("initialized", {})
    lsp.notify("workspace/didChangeConfiguration", {"settings": {"yaml": {
        "validate": True, "completion": True, "hover": True, "schemaStore": {"enable": False}}}})
    yield lsp, folder
    lsp.close()


def open_plan(lsp: Lsp, folder: Path, name: str, text: str) -> str:
    uri = (folder / name).as_uri()
    lsp.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1,
                                                         "text": text}})
    return uri


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines()) if needle in line)


def test_mistakes_get_vietnamese_diagnostics_on_their_lines(editor):
    lsp, folder = editor
    text = fill(starter_plan("Cà Mau", 2026, ["papi"], "kehoach.schema.json").text)
    text = (text.replace("    target: 48.2", "    target: 48,2")
            .replace("  name: \"Nguyễn Văn An\"", "  name: '   '")
            .replace("    timeframe: Năm 2026", "    timeframe: Năm 2026\n    leader: so-noi-vu"))
    uri = open_plan(lsp, folder, "sai.yaml", text)
    published = lsp.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                         and m["params"]["uri"] == uri and m["params"]["diagnostics"])
    found = {d["range"]["start"]["line"]: d["message"] for d in published["params"]["diagnostics"]}
    assert found[line_of(text, "target: 48,2")] == "số thập phân viết bằng dấu chấm: 5.5, không phải 5,5"
    assert found[line_of(text, "  name: '   '")] == "không được để trống"
    assert "leader" in found[line_of(text, "leader: so-noi-vu")]
    assert len(found) == 3


def test_inside_tasks_the_editor_offers_the_task_snippet_and_keys(editor):
    lsp, folder = editor
    text = starter_plan("Cà Mau", 2026, ["papi"], "kehoach.schema.json").text
    text = text.replace("\n# Phần 'Tổ chức thực hiện'", "  - \n\n# Phần 'Tổ chức thực hiện'", 1)
    uri = open_plan(lsp, folder, "moi.yaml", text)
    row = text.splitlines().index("  - ")
    result = lsp.request("textDocument/completion", {"textDocument": {"uri": uri},
                                                     "position": {"line": row, "character": 4}})
    labels = [item["label"] for item in (result["items"] if isinstance(result, dict) else result)]
    assert "Nhiệm vụ mới" in labels
    assert {"id", "dimension", "content", "lead", "co", "timeframe", "output"} <= set(labels)
    hover = lsp.request("textDocument/hover", {"textDocument": {"uri": uri},
                                               "position": {"line": line_of(text, "tasks:"), "character": 2}})
    assert "Các nhiệm vụ cụ thể; mỗi nhiệm vụ là một dòng của bảng phụ lục" in hover["contents"]["value"]
