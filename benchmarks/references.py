"""Number-check warnings on human reference translations: correct translations nobody tuned for.

Human references are not error-free, but a warning on one is far more often a false alarm than a
catch. Runs the number checks (and TC217) with no glossary on:
  - news: the WMT23 news dev set's human reference (refA), one per source segment;
  - wmt25: the WMT 2025 terminology dev years' reference paragraphs (Hong Kong Monetary Authority reports);
  - ted: the two human references of the TED MQM set.
Prints, per set, segments, warnings per 1,000 segments and per check; --examples SET prints them.

    python benchmarks/references.py [--examples news|wmt25|ted]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from termcheck.core.model import Segment, Severity
from termcheck.glossary.model import Glossary
from termcheck.readers.base import Document
from termcheck.run.engine import Checker, CheckOptions

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
CHECKS = ("TC202", "TC203", "TC204", "TC205", "TC212", "TC213", "TC214", "TC215", "TC216", "TC217")


def pairs(name: str) -> list[tuple[str, str, str]]:
    """(id, Chinese, human English) of a set."""
    if name == "news":
        rows = [json.loads(line) for line in (SHARED / "mqm-wmt23-zhen-dev" / "segments.jsonl").open(encoding="utf-8")]
        seen = {(r["doc"], r["seg_id"]): r for r in rows}
        return [(f"{d}#{s}", r["source"], r["references"]["refA"]) for (d, s), r in sorted(seen.items())]
    if name == "wmt25":
        rows = [
            json.loads(line) for line in (SHARED / "wmt25-term-zhen-dev" / "paragraphs.jsonl").open(encoding="utf-8")
        ]
        return [(f"{r['year']}/{r['doc']}/{r['line']}", r["zh"], r["ref_en"]) for r in rows]
    rows = [json.loads(line) for line in (SHARED / "mqm-ted-zhen" / "segments.jsonl").open(encoding="utf-8")]
    return [
        (f"{r['system']}/{r['doc']}#{r['seg_id']}", r["source"], r["target"])
        for r in rows
        if r["system"] in ("ref", "refB")
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", choices=["news", "wmt25", "ted"])
    args = parser.parse_args()
    from termcheck.checks import ALL_CHECKS

    known = {check.code for check in ALL_CHECKS}  # an older termcheck has fewer of them: compare like with like
    checker = Checker(Glossary(name="none"), CheckOptions(select=tuple(c for c in CHECKS if c in known)))
    print("| human references | segments | warnings | per 1,000 segments | by check |")
    print("| --- | ---: | ---: | ---: | --- |")
    for name in ("news", "wmt25", "ted"):
        data = pairs(name)
        by_id = {i: (zh, en) for i, zh, en in data}
        segments = [Segment(i, zh, en, name, n) for n, (i, zh, en) in enumerate(data, start=1)]
        findings = [
            f
            for f in checker.run([Document(name, (), lambda s=segments: iter(s), "ref")]).findings
            if f.severity in (Severity.WARNING, Severity.ERROR)
        ]
        codes = Counter(f.code for f in findings)
        by_check = ", ".join(f"{code} {count}" for code, count in sorted(codes.items())) or "–"
        print(f"| {name} | {len(data):,} | {len(findings)} | {1000 * len(findings) / len(data):.1f} | {by_check} |")
        if args.examples == name:
            for finding in findings:
                zh, en = by_id[finding.segment]
                print(f"\n{finding.segment} {finding.code}: {finding.message}\n  zh: {zh[:500]}\n  en: {en[:500]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
