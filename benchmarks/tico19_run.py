"""Run termcheck on TICO-19 zh→en (../shared/data/tico19-zhen) with its derived glossary as it is.

Prints segments, wall time and findings per check. TICO-19's English is the original text and the
Chinese its translation, so "findings" here are places where the English does not use the
glossary's English for a Chinese term: a measure of glossary coverage and noise, not of MT errors.

    python benchmarks/tico19_run.py [--shared ../shared] [--repeat 10] [--engine native|python]

`--repeat N` checks the pairs N times over in one file (ids made unique: "CMU_1:1#0", "#1"…), the
"TICO-19 ×10" of docs/performance.md; `--engine` chooses the engine (TERMCHECK_ENGINE).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import termcheck


def repeated(segments: Path, times: int, folder: Path) -> Path:
    """The TSV with its rows `times` over, each id suffixed #0, #1…; the file itself when `times` is 1."""
    if times == 1:
        return segments
    header, *rows = segments.read_text(encoding="utf-8").splitlines()
    out = folder / f"tico19x{times}.tsv"
    with out.open("w", encoding="utf-8") as handle:
        handle.write(header + "\n")
        for copy in range(times):
            for row in rows:
                first, _, rest = row.partition("\t")
                handle.write(f"{first}#{copy}\t{rest}\n")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(Path(__file__).resolve().parents[1].parent / "shared"))
    parser.add_argument("--repeat", type=int, default=1, help="check the pairs this many times over")
    parser.add_argument("--engine", choices=["native", "python"])
    args = parser.parse_args()
    if args.engine:
        os.environ["TERMCHECK_ENGINE"] = args.engine
    data = Path(args.shared) / "data" / "tico19-zhen" / "derived"
    if not data.exists():
        print(f"no TICO-19 data at {data}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as folder:
        segments = repeated(data / "segments.tsv", args.repeat, Path(folder))
        started = time.perf_counter()
        report = termcheck.check([str(segments)], glossary=str(data / "glossary_zh_en.csv"))
        elapsed = time.perf_counter() - started
    by_code = Counter(f.code for f in report.findings)
    from termcheck.core.native import engine_name

    print(
        f"engine: {engine_name()}  segments: {report.segments}  concepts: {report.concepts}  wall time: {elapsed:.2f} s"
    )
    for code, count in sorted(by_code.items()):
        print(f"  {code}: {count}")
    print(f"  total: {len(report.findings)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
