"""Hand-run benchmark of the Word reader (not part of the test suite): median wall time of
`generator.word.read_docx` on kehoach's builds of plans/*.yaml and on synthetic Word documents of
600 / 6,000 list paragraphs (plus a table of a tenth as many rows), with the growth ratio (≈10 = linear).

    .venv/bin/python bench/word_reader.py [--repeat 5]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.render.build import build_plan  # noqa: E402
from generator.word import read_docx  # noqa: E402
from tests.word.docx_factory import abstract, lvl, make_docx, num, numbering_xml, p, r, tbl, tc, tr  # noqa: E402


def synthetic(path: Path, n: int) -> Path:
    numbering = numbering_xml([abstract(1, [lvl(0, "upperRoman", "%1."), lvl(1, "decimal", "%2."),
                                            lvl(2, "lowerLetter", "%3)")])], [num(1, 1)])
    body = "".join(p(r("Nhiệm vụ "), r(str(i), "<w:b/>"), r(" thực hiện"), num=(1, i % 3)) for i in range(n))
    body += tbl(*[tr(tc(str(i)), tc(p("dòng 1") + p("dòng 2")), tc("Sở Nội vụ")) for i in range(n // 10)],
                grid=[700, 4000, 2000])
    return make_docx(path, body, numbering=numbering)


def median_ms(path: Path, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        read_docx(path)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        print(f"{'file':45} {'paragraphs':>10} {'ms':>9}")
        for plan in sorted((ROOT / "plans").glob("*.yaml")):
            docx = build_plan(plan, out / "build").files[0]
            count = sum(1 for _ in read_docx(docx).value.paragraphs())
            print(f"{docx.name:45} {count:>10} {median_ms(docx, args.repeat):>9.1f}")
        results = {}
        for n in (600, 6000):  # 6,000 list paragraphs and 600 rows: under the package budget (10,000)
            path = synthetic(out / f"synthetic-{n}.docx", n)
            results[n] = median_ms(path, args.repeat)
            print(f"{path.name:45} {n + n // 10 * 4:>10} {results[n]:>9.1f}")
        print(f"growth 6k/600: {results[6000] / results[600]:.1f} (10 = linear)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
