"""List the findings of today's checker that no judgement covers, ready to be judged (issue 20).

    python tools/judge_delta.py --split fresh8          # every document of a split (names as in measure_check.py)
    python tools/judge_delta.py FR8-TB02 FR8-CV02       # some documents
    KEHOACH_TREE=../fix8 python tools/judge_delta.py --split fresh8   # another tree's checker

After a round of fixes, a held-out split's judgements cover the findings the checker gave when it was judged. A
finding now at a rule and paragraph no judged group names is "unjudged": it is printed as a YAML group stub
(rule, where, excerpt, count, message, verdict left empty) to be judged on the page and pasted into the
document's `findings:`. Also printed, as comments: judged groups that now match more findings than their `count`
(a new message at a judged place may need its own group), and true groups whose findings are gone (lost). Matching
is measure_check.py's own; this tool never changes a judgement.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import measure_check as mc  # noqa: E402


def stubs(key: str, s: mc.Score) -> list[str]:
    """YAML group stubs for the unjudged findings of one document, one per rule and message."""
    by: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for f in s.unjudged_found:
        by[(f["rule"], f["message"])].append(f)
    out = []
    for (rule, message), fs in by.items():
        paras = sorted({f["paragraph"] for f in fs if f.get("paragraph")})
        where = (("paragraph " if len(paras) == 1 else "paragraphs ") + ", ".join(map(str, paras))) if paras \
            else f"section {fs[0].get('section') or 1}"
        out += [f"- rule: {rule}", f"  where: {where}", f"  excerpt: {fs[0]['excerpt']!r}", f"  count: {len(fs)}",
                f"  message: {message!r}", "  verdict:    # true or false, judged on the page", "  reason: ''"]
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("keys", nargs="*", help="document keys (FR8-TB02 …)")
    ap.add_argument("--split", help="a split of measure_check.py (fresh8, fresh6, …)")
    args = ap.parse_args(argv)
    keys = list(args.keys)
    if args.split:
        keys += list(getattr(mc, args.split.upper().replace("-", "_")))
    if not keys:
        ap.error("give document keys or --split")
    total = 0
    with tempfile.TemporaryDirectory() as tmp:
        for key in keys:
            j = mc.judgement(key)
            path = mc.docx_of(key, j, Path(tmp))
            if path is None:
                print(f"# {key}: file not found", file=sys.stderr)
                continue
            findings, _ = mc.run_check(path)
            s = mc.score(key, findings, j)
            over = [g for g in s.groups if len(g.matched) > g.count]
            if not (s.unjudged_found or over or s.true_lost):
                continue
            print(f"# {key} ({j['file']}): {len(s.unjudged_found)} unjudged")
            for g in over:
                print(f"#   judged group {g.rule} {sorted(g.paragraphs)[:8]} now matches {len(g.matched)} (count {g.count})")
            for g in s.true_lost:
                print(f"#   lost: true group {g.rule} {sorted(g.paragraphs)[:8]} {g.excerpt[:50]!r} no longer reported")
            print("\n".join(stubs(key, s)))
            total += len(s.unjudged_found)
    print(f"# {total} unjudged findings in {len(keys)} documents")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, os.environ.get("KEHOACH_TREE", str(mc.REPO)))
    sys.exit(main())
