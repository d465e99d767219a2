"""Start-up cost: `termcheck --help`, and the bundled 30-segment article checked end to end with an Excel report.

Each command runs --repeat times as a fresh process; the median and the best wall times are printed.

    python benchmarks/startup.py [--repeat 7]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def timed(command: list[str], repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(command, check=False, capture_output=True, cwd=ROOT)
        times.append(time.perf_counter() - started)
    return statistics.median(times), min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    termcheck = [sys.executable, "-m", "termcheck"]
    with tempfile.TemporaryDirectory() as folder:
        article = [
            *termcheck,
            "check",
            "--source",
            "examples/stem-cell-approval.zh.txt",
            "--target",
            "examples/stem-cell-approval.en-mt.txt",
            "-g",
            "glossaries/stem-cell-therapy.zh-en.csv",
            "--xlsx",
            str(Path(folder, "report.xlsx")),
            "-q",
            "--no-config",
        ]
        runs = [("termcheck --help", [*termcheck, "--help"]), ("30-segment article + Excel report", article)]
        print(f"{'command':<36}{'median s':>10}{'best s':>9}")
        for name, command in runs:
            median, best = timed(command, args.repeat)
            print(f"{name:<36}{median:>10.3f}{best:>9.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
