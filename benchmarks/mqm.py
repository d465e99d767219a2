"""False alarms and recall of termcheck's MT checks on MQM-rated zh→en output (shared by mqm_news/mqm_ted).

Each (system, document) is checked as one document with an empty glossary, so the glossary checks stay
silent and the document-level checks (names, omission) see a whole document. The definitions are those
of ../shared/tools/realdata.py, so the figures agree with it:

- a **false alarm** is a warning or error finding on a segment where no rater marked an error of a
  related category (numbers: any Accuracy/ or Locale convention/ category; punctuation:
  Fluency/Punctuation; untranslated: source-language fragments; omission: Accuracy/Omission; names:
  name format, accuracy or spelling). A "Non-translation!" segment is fair game for every check;
- **recall** is, per rater category, the share of error spans that a finding of a matching check
  overlaps (or, for findings without a target span, that the check found anything in that segment).
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
from termcheck.core.model import Finding, Segment, Severity
from termcheck.glossary.model import Glossary
from termcheck.readers.base import Document
from termcheck.run.engine import Checker, CheckOptions

CJK = re.compile(r"[\u3400-\u9fff\uff10-\uff5a]")
Key = tuple[str, str, str]  # (system, document, segment id)

NUMBER = ("Accuracy/", "Locale convention/")
# which rater categories make a finding of each check fair (realdata.py's kinds, by check code)
RELATED: dict[str, tuple[str, ...]] = {
    "TC201": ("Accuracy/Source language fragment", "Non-translation", "Accuracy/Untranslated"),
    "TC206": ("Fluency/Punctuation",),
    "TC207": ("Fluency/Punctuation",),
    "TC210": ("Locale convention/Name", "Accuracy/", "Fluency/Spelling"),
    "TC211": ("Accuracy/Omission",),
}
NUMBER_CHECKS = ("TC202", "TC203", "TC204", "TC205", "TC212", "TC213", "TC214", "TC215", "TC216")


def related(code: str) -> tuple[str, ...]:
    if code in NUMBER_CHECKS:
        return NUMBER
    return RELATED.get(code, ("",))  # any rater category makes the other checks' findings fair


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
            e["category"] in ("Accuracy/Untranslated text", "Accuracy/Source language fragment")
            or (e["on"] == "target" and bool(CJK.search(e["span_text"] or "")))
        ),
    ),
    Category(
        "Accuracy/Mistranslation spans with digits",
        ("TC202", "TC203", "TC204", "TC205", "TC213", "TC214", "TC215", "TC216"),
        lambda e: e["category"] == "Accuracy/Mistranslation" and any(c.isdigit() for c in e["span_text"] or ""),
    ),
    Category(
        "Locale convention (dates, currency)",
        ("TC202", "TC203", "TC204", "TC215"),
        lambda e: e["category"] in ("Locale convention/Date format", "Locale convention/Currency format"),
    ),
    Category(
        "Fluency/Punctuation", ("TC206", "TC207", "TC208", "TC212"), lambda e: e["category"] == "Fluency/Punctuation"
    ),
    Category(
        "Terminology/Inconsistent use",
        ("TC103", "TC210"),
        lambda e: e["category"].startswith(("Terminology/Inconsistent", "Fluency/Inconsistency")),
    ),
    Category("Accuracy/Omission", ("TC211",), lambda e: e["category"].startswith("Accuracy/Omission")),
]


def load(path: Path, keep: Callable[[dict], bool] = lambda row: True) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [row for row in map(json.loads, handle) if keep(row)]


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
    system, doc = finding.file.split("/", 1)
    return system, doc, finding.segment


def caught(span: dict, findings: list[Finding]) -> bool:
    for finding in findings:
        if finding.target_span is None or span["on"] != "target":
            return True
        start, end = finding.target_span
        if start < span["end"] and span["start"] < end:
            return True
    return False


def false_alarm(finding: Finding, row: dict) -> bool:
    if finding.severity not in (Severity.WARNING, Severity.ERROR):
        return False
    categories = [e["category"] for e in row["errors"] if e["category"] != "No-error"]
    if any(c.startswith("Non-translation") for c in categories):
        return False
    return not any(c.startswith(related(finding.code)) for c in categories)


def report(title: str, rows: list[dict], argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=title)
    parser.add_argument("--examples", help="print this check's false alarms with source and target")
    parser.add_argument("--all", action="store_true", help="with --examples: every finding, not only false alarms")
    args = parser.parse_args(argv)
    by_key = {(r["system"], r["doc"], r["seg_id"]): r for r in rows}
    started = time.perf_counter()
    result = Checker(Glossary(name="none")).run(documents(rows))
    elapsed = time.perf_counter() - started

    by_code_key: dict[str, dict[Key, list[Finding]]] = defaultdict(lambda: defaultdict(list))
    for finding in result.findings:
        by_code_key[finding.code][key_of(finding)].append(finding)
    alarms = {
        code: [f for k, v in found.items() for f in v if false_alarm(f, by_key[k])]
        for code, found in by_code_key.items()
    }
    total_alarms = sum(len(v) for v in alarms.values())

    print(f"{title}: {len(rows):,} segments, {len(result.findings):,} findings, {elapsed:.1f} s")
    print(
        f"warning/error false alarms of the TC2xx checks: {1000 * total_alarms / len(rows):.1f} per 1,000 segments "
        f"({total_alarms})"
    )
    print()
    print("| check | severity | findings | false alarms | per 1,000 segments |")
    print("| --- | --- | ---: | ---: | ---: |")
    for check in ALL_CHECKS:
        if not check.code.startswith("TC2"):
            continue
        total = sum(len(v) for v in by_code_key[check.code].values())
        wrong = len(alarms.get(check.code, []))
        print(
            f"| {check.code} {check.name} | {check.severity.name.lower()} | {total} | {wrong} "
            f"| {1000 * wrong / len(rows):.1f} |"
        )
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
    consistency_within_systems(rows, by_key)
    if args.examples:
        code = args.examples.upper()
        shown = [f for v in by_code_key[code].values() for f in v] if args.all else alarms.get(code, [])
        for finding in shown:
            row = by_key[key_of(finding)]
            cats = sorted({e["category"] for e in row["errors"]}) or ["no error"]
            print(f"\n{row['system']} {row['doc']} #{row['seg_id']} [{', '.join(cats)}]")
            print(f"  zh: {row['source']}")
            print(f"  en: {row['target']}")
            print(f"  {finding.code} {finding.severity.value}: {finding.message}")
    return 0


def consistency_within_systems(rows: list[dict], by_key: dict[Key, dict]) -> None:
    """TC223/TC224 are info by default, so they never count as false alarms above; and a run over every
    system's output of one text is, by design, full of one source translated several ways. What an editor
    would see is one system's output checked alone: count those findings as if they were warnings."""
    systems = sorted({r["system"] for r in rows})
    codes = ("TC223", "TC224")
    found = dict.fromkeys(codes, 0)
    wrong = dict.fromkeys(codes, 0)
    checker = Checker(Glossary(name="none"), CheckOptions(select=list(codes)))
    for system in systems:
        for finding in checker.run(documents([r for r in rows if r["system"] == system])).findings:
            found[finding.code] += 1
            row = by_key[key_of(finding)]
            wrong[finding.code] += not any(e["category"] != "No-error" for e in row["errors"])
    print()
    print(f"segment consistency, each of the {len(systems)} systems checked alone, counted as if warnings:")
    print("| check | findings | on segments no rater marked | per 1,000 segments |")
    print("| --- | ---: | ---: | ---: |")
    for code in codes:
        print(f"| {code} | {found[code]} | {wrong[code]} | {1000 * wrong[code] / len(rows):.1f} |")


def shared_dir() -> Path:
    return Path(__file__).resolve().parents[1].parent / "shared"


def main(folder: str, title: str, keep: Callable[[dict], bool] = lambda row: True) -> int:
    path = shared_dir() / "data" / folder / "segments.jsonl"
    if not path.exists():
        print(f"no MQM data at {path}", file=sys.stderr)
        return 2
    return report(title, load(path, keep))
