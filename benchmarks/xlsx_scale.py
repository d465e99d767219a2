"""Write a workbook of N findings (default 100,000) and report time and peak memory.

The findings are real: a generated bilingual document whose every segment renders glossary
concepts with deprecated terms, checked with the shipped glossary. A pilot run of 1,000 segments
tells how many segments give N findings. Check time and workbook time are measured separately;
peak RSS is of the whole process.

    python benchmarks/xlsx_scale.py [--findings 100000] [--keep PATH]
"""

from __future__ import annotations

import argparse
import math
import resource
import sys
import tempfile
import time
from pathlib import Path

import termcheck
from termcheck.writers.xlsx import save_workbook

ROOT = Path(__file__).resolve().parents[1]
GLOSSARY = ROOT / "glossaries" / "stem-cell-therapy.zh-en.csv"
ZH = "该药用于治疗激素治疗失败的急性移植物抗宿主病患者，第{n}例。"
EN = "The drug treats acute graft anti-host disease with hormone therapy failure, case {n:,}."


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def check(folder: Path, segments: int) -> termcheck.Report:
    source, target = folder / "doc.zh.txt", folder / "doc.en.txt"
    source.write_text("".join(ZH.format(n=i) + "\n" for i in range(segments)), encoding="utf-8")
    target.write_text("".join(EN.format(n=i) + "\n" for i in range(segments)), encoding="utf-8")
    return termcheck.check(source=str(source), target=str(target), glossary=str(GLOSSARY))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--findings", type=int, default=100_000)
    parser.add_argument("--keep", help="keep the workbook here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        pilot = check(Path(folder), 1000)
        segments = math.ceil(args.findings * 1000 / len(pilot.findings))
        started = time.perf_counter()
        report = check(Path(folder), segments)
        checked = time.perf_counter()
        rss_after_check = peak_rss_mb()
        out = Path(args.keep) if args.keep else Path(folder, "report.xlsx")
        save_workbook(report, str(out))
        written = time.perf_counter()
        size = out.stat().st_size / 1e6
    print(f"segments: {segments:,}  findings: {len(report.findings):,}")
    print(f"check: {checked - started:.1f} s   workbook: {written - checked:.1f} s   ({size:.1f} MB)")
    print(f"peak RSS: {rss_after_check:.0f} MB after the check, {peak_rss_mb():.0f} MB after the workbook")
    return 0


if __name__ == "__main__":
    sys.exit(main())
