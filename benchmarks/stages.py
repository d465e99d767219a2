"""Time each stage of a run on generated data: read, match, checks, report; then the whole CLI run.

Stages run in one process, one after another, on the same partitions the engine uses, so their
times (with the warm match row, not the cold one) add up to a single-process run (`--jobs 1`).
The last row is the real command, `termcheck check … --jobs N --format json`, timed as a
subprocess, with the peak RSS of the process tree (main process and workers, sampled every 50 ms).

    python benchmarks/generate.py --segments 100000 --concepts 10000 --out /tmp/tc-bench
    python benchmarks/stages.py /tmp/tc-bench/segments-100000.tsv /tmp/tc-bench/glossary-10000.csv --jobs 2

`--engine python` or `--engine native` runs every row on that engine (TERMCHECK_ENGINE, termcheck.core.native);
by default the native core runs where it is installed. The "numbers" row is the number layer alone: each
segment's numbers read in both languages and paired (compare_numbers, uncached), which the checks row includes.
"""

from __future__ import annotations

import argparse
import io
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

import termcheck
from termcheck.readers import open_documents
from termcheck.run.engine import Checker, CheckOptions
from termcheck.run.partitions import partitions
from termcheck.writers import get_writer


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def tree_peak_rss(command: list[str]) -> tuple[float, float, int]:
    """Run `command`; wall seconds, peak RSS (MB) of it and its children together, exit code."""
    started = time.perf_counter()
    process = psutil.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0.0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            try:
                total = process.memory_info().rss
                total += sum(c.memory_info().rss for c in process.children(recursive=True))
            except psutil.Error:
                total = 0
            peak = max(peak, total / 2**20)
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    process.wait()
    done.set()
    sampler.join()
    return time.perf_counter() - started, peak, process.returncode or 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("segments", help="a TSV of id, zh, en (benchmarks/generate.py)")
    parser.add_argument("glossary")
    parser.add_argument("--jobs", type=int, default=2, help="for the whole-run row")
    parser.add_argument("--stages-limit", type=int, default=200_000, help="segments timed stage by stage")
    parser.add_argument(
        "--engine", choices=["native", "python"], help="the engine of every row (default: native if built)"
    )
    args = parser.parse_args()
    if args.engine:
        os.environ["TERMCHECK_ENGINE"] = args.engine  # read when the checker is built, and by the subprocess
    from termcheck.core.native import engine_name
    from termcheck.numbers.compare import compare_numbers

    started = time.perf_counter()
    glossary = termcheck.load_glossary(args.glossary)
    checker = Checker(glossary, CheckOptions())
    setup = time.perf_counter() - started
    documents = open_documents([args.segments], None, None)

    rows: list[tuple[str, float, int, int, float]] = []
    t0 = time.perf_counter()
    parts = []
    count = words = 0
    for part in partitions(documents, checker.options.batch_size):
        parts.append(part)
        count += len(part.segments)
        words += sum(len(s.target.split()) for s in part.segments)
        if count >= args.stages_limit:
            break
    rows.append(("read", time.perf_counter() - t0, count, words, peak_rss_mb()))

    # the analyzer caches each distinct chunk of text: the first pass fills them, the checks pass below
    # matches again on warm caches, so "checks" is that pass less a warm match pass
    t0 = time.perf_counter()
    analyzed = [checker.analyze(p.segments) for p in parts]
    rows.append(("match, cold caches", time.perf_counter() - t0, count, words, peak_rss_mb()))
    del analyzed
    t0 = time.perf_counter()
    analyzed = [checker.analyze(p.segments) for p in parts]
    rows.append(("match, warm", time.perf_counter() - t0, count, words, peak_rss_mb()))
    del analyzed

    t0 = time.perf_counter()
    for part in parts:
        for segment in part.segments:
            if segment.source is not None:
                compare_numbers.__wrapped__(segment.source, segment.target)
    rows.append(("numbers", time.perf_counter() - t0, count, words, peak_rss_mb()))

    t0 = time.perf_counter()
    merger = checker.merger(documents)
    for part in parts:
        merger.add(checker.check_partition(part))
    report = checker.report(documents, merger)
    checks = time.perf_counter() - t0 - rows[-2][1]  # check_partition matches again (warm): take that off
    rows.append(("checks", checks, count, words, peak_rss_mb()))

    t0 = time.perf_counter()
    get_writer("json").write(report, io.StringIO())
    rows.append(
        (f"report (JSON, {len(report.findings):,} findings)", time.perf_counter() - t0, count, words, peak_rss_mb())
    )

    with tempfile.TemporaryDirectory() as folder:
        out = str(Path(folder, "report.json"))
        command = [
            sys.executable,
            "-m",
            "termcheck",
            "check",
            args.segments,
            "-g",
            args.glossary,
            "--jobs",
            str(args.jobs),
        ]
        wall, peak, code = tree_peak_rss([*command, "--format", "json", "-o", out, "-q", "--fail-on", "never"])
        if code != 0:
            print(f"termcheck exited {code}", file=sys.stderr)
            return 1
    total_segments = sum(d.segments for d in report.documents) if count < args.stages_limit else None

    print(f"engine: {engine_name()}; glossary: {len(glossary):,} concepts, compiled in {setup:.2f} s")
    print(f"{'stage':<34}{'seconds':>9}{'segments/s':>13}{'words/s':>13}{'peak RSS MB':>13}")
    for name, seconds, n, w, rss in rows:
        print(f"{name:<34}{seconds:>9.2f}{n / seconds:>13,.0f}{w / seconds:>13,.0f}{rss:>13,.0f}")
    whole = total_segments or _count_lines(args.segments)
    print(
        f"{f'termcheck check --jobs {args.jobs} (whole file)':<34}{wall:>9.2f}{whole / wall:>13,.0f}"
        f"{words / count * whole / wall:>13,.0f}{peak:>13,.0f}"
    )
    return 0


def _count_lines(path: str) -> int:
    with open(path, "rb") as handle:
        return sum(1 for _ in handle) - 1


if __name__ == "__main__":
    sys.exit(main())
