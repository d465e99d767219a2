"""Sweep segments × glossary size, one process, and plot how the checking time grows.

For each glossary size the glossary is compiled once (time shown apart), then documents of each
size are checked with all default checks (read, match, checks; no report written), --repeat times,
keeping the fastest (shared machines are noisy). Alongside the time it records how many glossary terms
each segment holds (source occurrences and target renderings per segment): what a segment costs
follows those, not the glossary's size. Writes `sweep.csv` and `sweep.png` into --results (default
benchmarks/results/) and prints the table.

    python benchmarks/sweep.py [--segments 2500 5000 10000 20000] [--concepts 100 1000 10000 20000]
"""

from __future__ import annotations

import argparse
import csv
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

import termcheck
from termcheck.readers import open_documents
from termcheck.run.engine import Checker
from termcheck.run.report import Report

HERE = Path(__file__).resolve().parent


def generate(folder: Path, segments: int, concepts: int) -> Path:
    flag, value = ("--segments", segments) if segments else ("--concepts", concepts)
    command = [sys.executable, str(HERE / "generate.py"), flag, str(value), "--out", str(folder)]
    return Path(subprocess.run(command, check=True, capture_output=True, text=True).stdout.strip())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--segments", type=int, nargs="+", default=[2500, 5000, 10000, 20000])
    parser.add_argument("--concepts", type=int, nargs="+", default=[100, 1000, 10000, 20000])
    parser.add_argument("--results", default=str(HERE / "results"))
    parser.add_argument("--repeat", type=int, default=3, help="runs per cell; the fastest is kept")
    args = parser.parse_args()
    results = Path(args.results)
    results.mkdir(parents=True, exist_ok=True)
    rows: list[dict[str, float]] = []
    with tempfile.TemporaryDirectory() as folder:
        documents = {n: generate(Path(folder), n, 0) for n in args.segments}
        checkers: dict[int, tuple[Checker, float]] = {}
        for concepts in args.concepts:
            path = generate(Path(folder), 0, concepts)
            started = time.perf_counter()
            checker = Checker(termcheck.load_glossary(str(path)))
            checkers[concepts] = (checker, time.perf_counter() - started)
            checker.run(open_documents([str(documents[min(args.segments)])]))  # warm the caches once
        # rounds over every cell rather than repeats of one cell: a slow spell of a shared machine then
        # touches one run of many cells, and the fastest run of each cell is kept
        timings: dict[tuple[int, int], list[float]] = {}
        reports: dict[tuple[int, int], Report] = {}
        for _ in range(args.repeat):
            for concepts, (checker, _compiled) in checkers.items():
                for segments in args.segments:
                    started = time.perf_counter()
                    reports[concepts, segments] = checker.run(open_documents([str(documents[segments])]))
                    timings.setdefault((concepts, segments), []).append(time.perf_counter() - started)
        for (concepts, segments), runs in timings.items():
            seconds, report, compiled = min(runs), reports[concepts, segments], checkers[concepts][1]
            usage = report.usage.values()
            rows.append(
                {
                    "concepts": concepts,
                    "segments": segments,
                    "seconds": round(seconds, 3),
                    "segments_per_second": round(segments / seconds),
                    "findings": len(report.findings),
                    "compile_seconds": round(compiled, 3),
                    "source_terms_per_segment": round(sum(u.source for u in usage) / segments, 2),
                    "renderings_per_segment": round(sum(sum(u.renderings.values()) for u in usage) / segments, 2),
                }
            )
            print(
                f"{concepts:>7,} concepts {segments:>8,} segments {seconds:7.2f} s "
                f"{segments / seconds:>8,.0f} segments/s  {rows[-1]['source_terms_per_segment']:5.2f} source terms "
                f"{rows[-1]['renderings_per_segment']:5.2f} renderings per segment  (compiled in {compiled:.2f} s)"
            )
    with open(results / "sweep.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    plot(rows, args.segments, args.concepts, results / "sweep.png")
    print(f"wrote {results / 'sweep.csv'} and {results / 'sweep.png'}")
    return 0


def plot(rows: list[dict[str, float]], segment_sizes: list[int], concept_sizes: list[int], path: Path) -> None:
    figure, (left, right) = plt.subplots(1, 2, figsize=(11, 4.2))
    for concepts in concept_sizes:
        mine = [r for r in rows if r["concepts"] == concepts]
        left.plot(
            [r["segments"] for r in mine], [r["seconds"] for r in mine], marker="o", label=f"{concepts:,} concepts"
        )
    left.set_xlabel("segments")
    left.set_ylabel("seconds (read + match + checks)")
    left.set_title("Time against segments")
    left.legend()
    left.grid(alpha=0.3)
    for segments in segment_sizes:
        mine = [r for r in rows if r["segments"] == segments]
        per_thousand = [1000 * r["seconds"] / segments for r in mine]
        right.plot([r["concepts"] for r in mine], per_thousand, marker="o", label=f"{segments:,} segments")
    right.set_xscale("log")
    right.set_ylim(bottom=0)
    right.set_xlabel("glossary concepts (log scale)")
    right.set_ylabel("seconds per 1,000 segments")
    right.set_title("Cost per segment against glossary size")
    right.legend()
    right.grid(alpha=0.3)
    figure.suptitle("termcheck, all default checks, one process (2-core machine, Python 3.11)")
    figure.tight_layout()
    figure.savefig(path, dpi=110)


if __name__ == "__main__":
    sys.exit(main())
