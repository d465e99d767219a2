"""False alarms and recall of termcheck's MT checks on MQM-annotated zh→en TED output.

Reads ../shared/data/mqm-ted-zhen/segments.jsonl: 529 Chinese TED segments, each translated by 13 MT
systems and two human references, every output annotated with MQM error spans by professional
raters (Freitag et al. 2021, Apache-2.0). Each (system, talk) is checked as one document with an
empty glossary, so the glossary checks stay silent and the document-level checks (names, omission)
see a whole talk.

For each check it reports findings on segments the raters judged error-free (false alarms per 1,000
such segments) and, where a rater category matches the check, how many of those error spans it
caught: a finding whose target span overlaps the rater's span, or, for findings without a target
span (a number missing, an omission), any finding of the check in that segment.

    python benchmarks/mqm_ted.py [--shared ../shared] [--markdown] [--examples CODE]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from termcheck.checks import ALL_CHECKS
from termcheck.engine import Checker
from termcheck.glossary.model import Glossary
from termcheck.model import Finding, Segment
from termcheck.readers.base import Document

CJK = re.compile(r"[\u3400-\u9fff\uff10-\uff5a]")
Key = tuple[str, str, str]  # (system, talk, segment id)


@dataclass(frozen=True)
class Category:
    label: str
    codes: tuple[str, ...]
    wanted: Callable[[dict], bool]


CATEGORIES = [
    Category(
        "Untranslated / source-language fragments",
        ("TC201",),
        lambda e: (
            e["category"] == "Accuracy/Untranslated text"
            or (e["on"] == "target" and bool(CJK.search(e["span_text"] or "")))
        ),
    ),
    Category(
        "Accuracy/Mistranslation spans with digits",
        ("TC202", "TC203", "TC204"),
        lambda e: e["category"] == "Accuracy/Mistranslation" and any(c.isdigit() for c in e["span_text"] or ""),
    ),
    Category(
        "Fluency/Punctuation", ("TC206", "TC207", "TC208", "TC212"), lambda e: e["category"] == "Fluency/Punctuation"
    ),
    Category(
        "Terminology/Inconsistent use",
        ("TC103", "TC210"),
        lambda e: e["category"] == "Terminology/Inconsistent use of terminology",
    ),
    Category("Accuracy/Omission", ("TC211",), lambda e: e["category"] == "Accuracy/Omission"),
]


def load(shared: Path) -> list[dict]:
    path = shared / "data" / "mqm-ted-zhen" / "segments.jsonl"
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def documents(rows: list[dict]) -> list[Document]:
    by_doc: dict[tuple[str, str], list[Segment]] = defaultdict(list)
    for row in rows:
        name = f"{row['system']}/{row['doc']}"
        by_doc[(row["system"], row["doc"])].append(
            Segment(row["seg_id"], row["source"], row["target"], name, int(row["doc_seg_id"]))
        )

    def reader(segments: list[Segment]) -> Callable[[], Iterator[Segment]]:
        return lambda: iter(sorted(segments, key=lambda s: s.line))

    return [Document(f"{s}/{d}", (), reader(segs), "mqm") for (s, d), segs in sorted(by_doc.items())]


def key_of(finding: Finding) -> Key:
    system, talk = finding.file.split("/", 1)
    return system, talk, finding.segment


def caught(span: dict, findings: list[Finding]) -> bool:
    for finding in findings:
        if finding.target_span is None or span["on"] != "target":
            return True
        start, end = finding.target_span
        if start < span["end"] and span["start"] < end:
            return True
    return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(Path(__file__).resolve().parents[1].parent / "shared"))
    parser.add_argument("--markdown", action="store_true", help="print the README tables")
    parser.add_argument("--examples", help="print this check's findings on clean segments")
    args = parser.parse_args()
    if not (Path(args.shared) / "data" / "mqm-ted-zhen").exists():
        print(f"no MQM TED data under {args.shared}", file=sys.stderr)
        return 2
    rows = load(Path(args.shared))
    clean = {(r["system"], r["doc"], r["seg_id"]) for r in rows if not r["errors"]}
    started = time.perf_counter()
    report = Checker(Glossary(name="none")).run(documents(rows))
    elapsed = time.perf_counter() - started

    by_code_key: dict[str, dict[Key, list[Finding]]] = defaultdict(lambda: defaultdict(list))
    for finding in report.findings:
        by_code_key[finding.code][key_of(finding)].append(finding)

    print(
        f"{len(rows):,} segments ({len(clean):,} judged error-free), {len(report.findings):,} findings, {elapsed:.1f} s"
    )
    print()
    print("| check | findings | on error-free segments | false alarms per 1,000 error-free segments |")
    print("| --- | ---: | ---: | ---: |")
    for check in ALL_CHECKS[3:]:
        found = by_code_key[check.code]
        total = sum(len(v) for v in found.values())
        on_clean = sum(len(v) for k, v in found.items() if k in clean)
        print(f"| {check.code} {check.name} | {total} | {on_clean} | {1000 * on_clean / len(clean):.1f} |")
    print()
    print("| rater category | checks | error spans | caught | recall |")
    print("| --- | --- | ---: | ---: | ---: |")
    for category in CATEGORIES:
        spans = caught_count = 0
        for row in rows:
            key = (row["system"], row["doc"], row["seg_id"])
            findings = [f for code in category.codes for f in by_code_key[code].get(key, [])]
            for error in row["errors"]:
                if category.wanted(error):
                    spans += 1
                    caught_count += caught(error, findings)
        recall = f"{100 * caught_count / spans:.0f}%" if spans else "–"
        print(f"| {category.label} | {', '.join(category.codes)} | {spans} | {caught_count} | {recall} |")
    if args.examples:
        print()
        for key, findings in sorted(by_code_key[args.examples.upper()].items()):
            if key in clean:
                for finding in findings:
                    print(f"{key}: {finding.message}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
