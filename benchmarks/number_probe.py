"""Rates of the number checks on the number probe (tests/cases/number_probe.toml), per class.

For each class of number-rich news sentence: the share of correct translations that get a warning or
error from a number check (target: at most 2%), and the share of planted errors that the named check
reports (target: at least 90%). The probe is written for termcheck (no shared data needed).
`--probe units` runs the unit and currency probe (tests/cases/unit_probe.toml; targets: at most 2%
warned, at least 95% caught).

    python benchmarks/number_probe.py [--probe numbers|units] [--show]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import tomllib

from termcheck.checks import ALL_CHECKS
from termcheck.core.model import Finding, Segment, Severity
from termcheck.glossary.model import Glossary
from termcheck.readers.base import Document
from termcheck.run.engine import Checker

CASES = Path(__file__).resolve().parents[1] / "tests" / "cases"
PROBES = {"numbers": CASES / "number_probe.toml", "units": CASES / "unit_probe.toml"}
NOT_NUMBER_CHECKS = {"TC201", "TC206", "TC207", "TC208", "TC209", "TC210", "TC211"}
NUMBER_CHECKS = {c.code for c in ALL_CHECKS if c.code.startswith("TC2")} - NOT_NUMBER_CHECKS


def findings(checker: Checker, source: str, target: str) -> list[Finding]:
    segment = Segment("1", source, target, "probe.txt", 1)
    return list(checker.run([Document("probe.txt", (), lambda: iter([segment]), "probe")]).findings)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--probe", choices=sorted(PROBES), default="numbers", help="which probe to run")
    parser.add_argument("--show", action="store_true", help="print each miss and each false alarm")
    args = parser.parse_args()
    rows = tomllib.loads(PROBES[args.probe].read_text(encoding="utf-8"))["probe"]
    checker = Checker(Glossary(name="none"))
    counts: Counter[tuple[str, str]] = Counter()
    for row in rows:
        label = row["class"]
        for good in row["good"]:
            loud = [
                f
                for f in findings(checker, row["source"], good)
                if f.code in NUMBER_CHECKS and f.severity in (Severity.WARNING, Severity.ERROR)
            ]
            counts[(label, "good")] += 1
            counts[(label, "false alarm")] += bool(loud)
            if loud and args.show:
                print(f"false alarm [{label}] {good}\n    {loud[0].code} {loud[0].message}")
        for bad in row["bad"]:
            codes = [f.code for f in findings(checker, row["source"], bad["target"])]
            counts[(label, "bad")] += 1
            counts[(label, "caught")] += bad["code"] in codes
            if bad["code"] not in codes and args.show:
                print(f"missed [{label}] {bad['target']} (wanted {bad['code']}, got {codes})")
    labels = list(dict.fromkeys(row["class"] for row in rows))
    print("| class | correct translations | warned | planted errors | caught |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for label in [*labels, "all"]:
        pick = labels if label == "all" else [label]
        good = sum(counts[(x, "good")] for x in pick)
        alarms = sum(counts[(x, "false alarm")] for x in pick)
        bad = sum(counts[(x, "bad")] for x in pick)
        caught = sum(counts[(x, "caught")] for x in pick)
        name = f"**{label}**" if label == "all" else label
        warned = f"{alarms} ({100 * alarms / max(good, 1):.0f}%)"
        print(f"| {name} | {good} | {warned} | {bad} | {caught} ({100 * caught / max(bad, 1):.0f}%) |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
