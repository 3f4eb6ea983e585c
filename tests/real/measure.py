"""Measure `kehoach import` on the real plans against their truth files (tests/real/truth/*.yaml).

    python tests/real/measure.py                      # every plan, markdown table on stdout
    python tests/real/measure.py --split held-out     # only the held-out plans (report these)
    python tests/real/measure.py --pdf                # also rebuild each import and count PDF pages
    python tests/real/measure.py --json out.json      # the numbers, per plan, for a script

The real Word files come from three places (see README.md): `location: shared` files are read from
the shared folder beside the repository (`../shared/real-docs/`, or --shared / $KEHOACH_SHARED),
`location: docs` files from tests/real/docs/, `location: fetched` files (real plans found in public
repositories, not committed here: the truth file's `source` says where each is) from --fetched DIR /
$KEHOACH_FETCHED, else `../shared/fetched/`. The importer runs in a subprocess exactly as a user
runs it (`python -m generator import FILE -o OUT --force`), with this checkout on PYTHONPATH.

This is a measuring tool, not a test: it never fails on low numbers. It only reads the imported
YAML as data (plain PyYAML), so it keeps working whatever the importer's internals become.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
TRUTH = HERE / "truth"
DOCS = HERE / "docs"

# The split (README.md, "Split"). Report figures on HELD_OUT only; tune on TUNE.
# KH-EVN01 was held out until its import crashed (KeyError 'indices') and the crash was looked at: tune since.
TUNE = {"KH07_kh-kmt-2026", "KH-EVN01_kh-a2-qpqs-2024"}
HELD_OUT = {"KH01_kh-cchc-2026-2030", "KH03_kh-thidua-cchc-2026", "KH-PT01_kh-stttt-phutho-qlvb-2011"}


def norm(text: object) -> str:
    """Compare names and sentences: case, spacing and trailing punctuation do not count."""
    s = re.sub(r"\s+", " ", str(text or "")).strip().casefold()
    return s.rstrip(" .;,:")


def shared_dir(arg: str | None) -> Path:
    for cand in (arg, os.environ.get("KEHOACH_SHARED"), REPO.parent / "shared"):
        if cand and (Path(cand) / "real-docs").is_dir():
            return Path(cand)
    raise SystemExit("cannot find the shared folder (real-docs/): pass --shared DIR or set KEHOACH_SHARED")


def fetched_dir(arg: str | None) -> Path:
    for cand in (arg, os.environ.get("KEHOACH_FETCHED"), REPO.parent / "shared" / "fetched"):
        if cand and Path(cand).is_dir():
            return Path(cand)
    return REPO.parent / "shared" / "fetched"


def source_file(truth: dict, shared: Path, fetched: Path | None = None) -> Path:
    if truth["location"] == "fetched":
        return (fetched or fetched_dir(None)) / truth["file"]
    base = shared / "real-docs" if truth["location"] == "shared" else DOCS
    return base / truth["file"]


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=900)


# ---------------------------------------------------------------- reading the imported plan


def agency_names(plan: dict) -> dict[str, set[str]]:
    """id -> every name it may print as: the plan's own agencies and its registry files (data only)."""
    names: dict[str, set[str]] = {}

    def add(aid: str, *texts: object) -> None:
        names.setdefault(aid, set()).update(norm(t) for t in texts if t)

    province = plan.get("registry")
    reg_dir = REPO / "generator" / "plan" / "registries"
    for fname in ("standard.yaml", f"{province}.yaml" if province else None):
        path = reg_dir / fname if fname else None
        if not path or not path.is_file():
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for key in ("agencies", "groups"):
            for a in data.get(key) or []:
                if isinstance(a, dict) and a.get("id"):
                    forms = [a.get("name"), *(a.get("forms") or []), *(a.get("short") or [])]
                    forms = [re.sub(r"\$cap", "tỉnh", str(f)) for f in forms if f]
                    add(a["id"], *forms)
    for a in plan.get("agencies") or []:
        if isinstance(a, dict) and a.get("id"):
            add(a["id"], a.get("name"), *(a.get("short") or []))
    return names


def ref_names(ref: object, names: dict[str, set[str]]) -> set[str]:
    if isinstance(ref, dict):
        ref = ref.get("agency") or ref.get("id") or ref.get("name")
    return names.get(str(ref), set()) | {norm(ref)}


def same_agencies(truth_list: list[str], got: list[object], names: dict[str, set[str]]) -> bool:
    if len(truth_list) != len(got):
        return False
    pool = [ref_names(g, names) for g in got]
    for t in truth_list:
        hit = next((i for i, p in enumerate(pool) if norm(t) in p), None)
        if hit is None:
            return False
        pool.pop(hit)
    return True


def signer_text(s: dict | None) -> tuple[str, str, str]:
    if not s:
        return ("", "", "")
    if s.get("on_behalf_of"):
        authority = f"TM. {s['on_behalf_of']}"
    elif s.get("signing_for"):
        authority = f"KT. {s['signing_for']}"
    else:
        authority = ""
    return (norm(authority), norm(s.get("title")), norm(s.get("name")))


def recipient_text(r: object) -> str:
    if isinstance(r, dict):
        return norm(" ".join(str(x) for x in (r.get("text") or r.get("agency") or "", r.get("note") or "") if x))
    return norm(r)


# ---------------------------------------------------------------- comparing


def compare(truth: dict, plan: dict | None) -> dict:
    out: dict = {"plan": Path(truth["file"]).stem}
    plan = plan or {}
    names = agency_names(plan)

    # year, draft number and date
    out["year_truth"], out["year_got"] = truth["year"], plan.get("year")
    out["year_right"] = plan.get("year") == truth["year"]
    doc = plan.get("document") or {}
    out["number_right"] = (doc.get("number") or None) == truth["number"]

    # sections: I., II. titles
    got_sections = [norm(s.get("title")) for s in plan.get("sections") or [] if isinstance(s, dict)]
    want_sections = [norm(s["title"]) for s in truth["sections"]]
    out["sections"] = (sum(1 for t in want_sections if t in got_sections), len(want_sections), len(got_sections))

    # tasks: a truth row is found when an imported task's content starts like it (40 characters)
    got_tasks = [t for t in plan.get("tasks") or [] if isinstance(t, dict)]
    items = truth["tasks"]["items"]
    used: set[int] = set()
    matched = leads = 0
    matched_numbered: set[tuple] = set()
    for item in items:
        key = norm(item["content_start"])[:40]
        hit = next((i for i, t in enumerate(got_tasks) if i not in used and norm(t.get("content")).startswith(key)), None)
        if hit is None:
            continue
        used.add(hit)
        matched += 1
        matched_numbered.add((item.get("group") or item.get("khoan"), item.get("stt") or item.get("n")))
        if same_agencies(item["lead"], got_tasks[hit].get("lead") or [], names):
            leads += 1
    out["tasks"] = {"truth": truth["tasks"]["count"], "found": len(got_tasks), "matched": matched,
                    "leads_right": leads}

    # tasks the body assigns to the agency of their heading, read as that agency's responsibility
    # (kehoach prints tasks only in a task appendix): each bullet of a responsibility is one duty
    duties = []
    for r in plan.get("responsibilities") or []:
        if not isinstance(r, dict):
            continue
        texts = [r["text"].split(":", 1)[1] if ":" in r["text"] else r["text"]] if r.get("text") else []
        for block in r.get("content") or []:
            if isinstance(block, str):
                texts.append(block)
            elif isinstance(block, dict) and isinstance(block.get("bullets"), list):
                texts += [b if isinstance(b, str) else b.get("text", "") for b in block["bullets"]]
        duties += [(norm(t), r.get("agencies") or []) for t in texts]
    d_used: set[int] = set()
    d_matched = d_leads = 0
    for item in items:
        if not item.get("khoan"):
            continue
        key = norm(item["content_start"])[:40]
        hit = next((i for i, (t, _) in enumerate(duties) if i not in d_used and t.startswith(key)), None)
        if hit is None:
            continue
        d_used.add(hit)
        d_matched += 1
        d_leads += same_agencies(item["lead"], duties[hit][1], names)
    out["duties"] = {"truth": sum(1 for i in items if i.get("khoan")), "found": len(duties), "matched": d_matched,
                     "leads_right": d_leads}
    if "numbered" in truth["tasks"]:
        out["tasks"]["numbered_truth"] = truth["tasks"]["numbered"]
        out["tasks"]["numbered_matched"] = len(matched_numbered)

    # responsibilities (Tổ chức thực hiện by agency), where the truth lists them
    if "responsibilities" in truth:  # those printed in "Tổ chức thực hiện" (body duties are counted above)
        printed: list = []

        def walk(blocks: list) -> None:
            for b in blocks or []:
                if isinstance(b, dict):
                    if "responsibilities" in b:
                        ids = b["responsibilities"]
                        printed.extend([r.get("id") for r in plan.get("responsibilities") or []] if ids == "all" else ids)
                    walk(b.get("content"))
        for s in plan.get("sections") or []:
            if isinstance(s, dict) and "TỔ CHỨC THỰC HIỆN" in str(s.get("title", "")).upper():
                walk(s.get("content"))
        out["responsibilities"] = (len(printed), truth["responsibilities"]["count"])

    # targets: a truth target is found when an imported target has its value and unit
    got_targets = Counter()
    for t in plan.get("targets") or []:
        if isinstance(t, dict) and t.get("target") is not None:
            got_targets[(float(t["target"]), norm(t.get("unit") or "điểm"))] += 1
    found_targets = 0
    for t in truth["targets"]["items"]:
        key = (float(t["value"]), norm(t["unit"]))
        if got_targets[key] > 0:
            got_targets[key] -= 1
            found_targets += 1
    out["targets"] = {"truth": truth["targets"]["count"], "found": len(plan.get("targets") or []),
                      "matched": found_targets}

    # recipients, signer, closing
    want_r = Counter(norm(r) for r in truth["recipients"])
    got_r = Counter(recipient_text(r) for r in plan.get("recipients") or [])
    out["recipients"] = (sum((want_r & got_r).values()), len(truth["recipients"]), sum(got_r.values()))
    t_sig = truth["signer"]
    out["signer_right"] = signer_text(plan.get("signer")) == (norm(t_sig["authority"]), norm(t_sig["title"]), norm(t_sig["name"]))
    closing = plan.get("closing")
    out["closing_right"] = bool(closing) and "todo" not in norm(closing)
    return out


def import_and_build(src: Path, work: Path, pdf: bool) -> tuple[dict | None, str, int | None, str]:
    out_yaml = work / (src.stem + ".yaml")
    res = run(["import", str(src), "-o", str(out_yaml), "--force"], cwd=work)
    if res.returncode != 0 or not out_yaml.is_file():
        return None, f"import failed ({res.returncode})", None, ""
    plan = yaml.safe_load(out_yaml.read_text(encoding="utf-8"))
    summary = next((ln.strip() for ln in res.stdout.splitlines() if "mục," in ln), "")
    pages, why = None, ""
    if pdf:
        b = run(["build", str(out_yaml), "-o", str(work / "out"), "--pdf"], cwd=work)
        if b.returncode != 0 and "TODO" in b.stdout + b.stderr:
            # the user fills the TODOs before building: stand in for them (an agency the document
            # names elsewhere, a title), so the length of the rebuilt document can be compared
            filled = work / (src.stem + ".filled.yaml")
            filled.write_text(yaml.safe_dump(fill_todos(plan), allow_unicode=True, sort_keys=False), encoding="utf-8")
            b = run(["build", str(filled), "-o", str(work / "out"), "--pdf"], cwd=work)
            why = "TODOs filled"
        pdfs = list((work / "out").glob("*/*.pdf"))
        if b.returncode == 0 and pdfs:
            info = subprocess.run(["pdfinfo", str(pdfs[0])], capture_output=True, text=True).stdout
            m = re.search(r"^Pages:\s+(\d+)", info, re.M)
            pages = int(m.group(1)) if m else None
        if pages is None:
            err = (b.stdout + b.stderr).strip().splitlines()
            why = next((ln.split("lỗi:", 1)[1].strip() for ln in err if "lỗi:" in ln), err[-1] if err else "build failed")
            why = "build refused: " + why
    return plan, summary, pages, why


def fill_todos(plan: dict) -> dict:
    """The plan with each TODO a user must fill replaced by a stand-in of about its length: an agency
    reference by a placeholder agency, any other text by its own words without the 'TODO:'."""
    import copy

    plan = copy.deepcopy(plan)
    agencies = plan.setdefault("agencies", [])
    agencies.append({"id": "chua-ro", "name": "Cơ quan theo văn bản được dẫn"})

    def walk(value, key=None):
        if isinstance(value, dict):
            return {k: walk(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v, key) for v in value]
        if isinstance(value, str) and value.startswith("TODO"):
            return "chua-ro" if key in ("lead", "co", "agencies") else value.split(":", 1)[-1].strip() or "Phụ lục"
        return value
    return walk(plan)


def frac(a: int, b: int) -> str:
    return f"{a}/{b}"


def table(rows: list[dict]) -> str:
    head = ["plan", "split", "tasks found / in doc", "tasks matched", "leads right",
            "body tasks as duties: matched / leads right", "targets found / stated",
            "targets matched", "year right", "sections", "responsibilities", "recipients", "signer", "closing", "pages orig / rebuilt"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows:
        t, g = r["tasks"], r["targets"]
        rebuilt = r["pages_rebuilt"] if r["pages_rebuilt"] is not None else (f"— ({r['build_error']})" if r["build_error"] else "—")
        if r["pages_rebuilt"] is not None and r["build_error"]:
            rebuilt = f"{rebuilt} ({r['build_error']})"
        lines.append("| " + " | ".join([
            r["plan"], r["split"], frac(t["found"], t["truth"]), frac(t["matched"], t["truth"]),
            frac(t["leads_right"], t["truth"]),
            (f"{r['duties']['matched']}/{r['duties']['truth']} · {r['duties']['leads_right']}/{r['duties']['truth']}"
             if r["duties"]["truth"] else "—"),
            frac(g["found"], g["truth"]), frac(g["matched"], g["truth"]),
            f"{'yes' if r['year_right'] else 'no'} ({r['year_got']})",
            frac(r["sections"][0], r["sections"][1]),
            frac(*r["responsibilities"]) if "responsibilities" in r else "—",
            frac(r["recipients"][0], r["recipients"][1]),
            "yes" if r["signer_right"] else "no", "yes" if r["closing_right"] else "no",
            f"{r['pages_original']} / {rebuilt}",
        ]) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=["all", "tune", "held-out"], default="all")
    ap.add_argument("--pdf", action="store_true", help="rebuild each import with --pdf and count pages")
    ap.add_argument("--shared", help="the shared folder (holds real-docs/); default ../shared beside the repo")
    ap.add_argument("--fetched", help="folder holding the `location: fetched` plans (see each truth file's source)")
    ap.add_argument("--json", help="also write the numbers to this file")
    ns = ap.parse_args(argv)
    shared = shared_dir(ns.shared)
    rows = []
    for path in sorted(TRUTH.glob("*.yaml")):
        stem = path.stem
        split = "tune" if stem in TUNE else "held-out" if stem in HELD_OUT else "unsplit"
        if ns.split != "all" and split != ns.split:
            continue
        truth = yaml.safe_load(path.read_text(encoding="utf-8"))
        src = source_file(truth, shared, fetched_dir(ns.fetched))
        if not src.is_file():
            print(f"{stem}: missing {src} (get it from {truth.get('source', {}).get('repository', '?')})", file=sys.stderr)
            continue
        with tempfile.TemporaryDirectory(prefix="kehoach-real-") as tmp:
            plan, summary, pages, why = import_and_build(src, Path(tmp), ns.pdf)
        row = compare(truth, plan)
        row.update(split=split, importer_summary=summary, pages_original=truth["pages"]["total"],
                   pages_rebuilt=pages, build_error=why)
        rows.append(row)
        print(f"{stem}: {summary}", file=sys.stderr)
    print(table(rows))
    if ns.json:
        Path(ns.json).write_text(json.dumps(rows, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
