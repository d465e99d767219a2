"""Run termcheck on TICO-19 zh→en (../shared/data/tico19-zhen) with its derived glossary as it is.

Prints segments, wall time and findings per check. TICO-19's English is the original text and the
Chinese its translation, so "findings" here are places where the English does not use the
glossary's English for a Chinese term: a measure of glossary coverage and noise, not of MT errors.

    python benchmarks/tico19_run.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

import termcheck


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(Path(__file__).resolve().parents[1].parent / "shared"))
    args = parser.parse_args()
    data = Path(args.shared) / "data" / "tico19-zhen" / "derived"
    if not data.exists():
        print(f"no TICO-19 data at {data}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    report = termcheck.check([str(data / "segments.tsv")], glossary=str(data / "glossary_zh_en.csv"))
    elapsed = time.perf_counter() - started
    by_code = Counter(f.code for f in report.findings)
    print(f"segments: {report.segments}  concepts: {report.concepts}  wall time: {elapsed:.2f} s")
    for code, count in sorted(by_code.items()):
        print(f"  {code}: {count}")
    print(f"  total: {len(report.findings)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
