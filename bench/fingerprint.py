"""Fingerprints (sha256) of every output kehoach builds for the seed plans, the test plans and the
synthetic plans, member by member. Speed work must not change a byte of output: run it before and
after a change and compare.

    .venv/bin/python bench/fingerprint.py > before.txt
    ... change ...
    .venv/bin/python bench/fingerprint.py | diff before.txt -
"""
from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.synthetic import synthetic_plan  # noqa: E402
from generator.plan import loader
from generator.render.build import build_plan  # noqa: E402


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,100,1000,10000", help="synthetic plan sizes (tasks)")
    args = parser.parse_args()
    # the synthetic 10,000-task plan is larger than the default size limit
    loader.MAX_BYTES = max(loader.MAX_BYTES, 64 * 1024 * 1024)
    loader.MAX_NODES = max(loader.MAX_NODES, 2_000_000)
    with tempfile.TemporaryDirectory(prefix="kehoach-fp-") as tmpdir:
        tmp = Path(tmpdir)
        plans = sorted((ROOT / "plans").glob("*.yaml")) + sorted((ROOT / "tests" / "data").glob("*.yaml"))
        for n in (int(s) for s in args.sizes.split(",") if s):
            path = tmp / f"synthetic-{n}.yaml"
            path.write_text(synthetic_plan(n), encoding="utf-8")
            plans.append(path)
        for plan in plans:
            result = build_plan(plan, tmp / "out")
            for f in sorted(result.files):
                data = f.read_bytes()
                print(f"{f.name}  {digest(data)}  {len(data)}")
                if f.suffix in (".docx", ".xlsx"):
                    with zipfile.ZipFile(f) as z:
                        for name in z.namelist():
                            print(f"    {name}  {digest(z.read(name))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
