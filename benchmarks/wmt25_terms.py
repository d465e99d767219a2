"""Missing-term findings (TC102) on real MT with a real glossary: the WMT 2025 terminology task, zh→en.

Reads ../shared/data/wmt25-term-zhen-dev/paragraphs.jsonl (Hong Kong Monetary Authority annual
reports 2016 and 2018, Traditional Chinese; three MT systems, each without (`noterm`) and with
(`proper`) the glossary; CC BY-NC 4.0, read from there and never copied into this repository).

The glossary of a year is every entry listed for one of its paragraphs (the first English form
preferred, the rest admitted), as ../shared/tools/realdata.py builds it. A *term instance* is a
paragraph entry whose Chinese stands in the paragraph. For each system:
- false alarms: TC102 warnings or errors on an instance whose accepted English form stands in the MT
  as a whole word or with a plural s/es (per 1,000 instances);
- recall: the share of instances with no accepted form in the MT that TC102 reports;
- every disagreement sorted into a class, with counts; `--examples CLASS` prints them.

The same figures on TICO-19 (human translation with its heuristic glossary) come from `--tico`:
every missing-term finding there is a false alarm or a translator's liberty, per 1,000 segments.

    python benchmarks/wmt25_terms.py [--shared ../shared] [--examples CLASS] [--tico] [--markdown]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from termcheck.core.model import Finding, Segment, Severity
from termcheck.glossary.io import load_glossary
from termcheck.readers.base import Document
from termcheck.run.engine import Checker, CheckOptions

SYSTEMS = [
    f"{name}.{mode}" for name in ("Erlendur", "CommandA_MT", "organizers_gpt-4.1-nano") for mode in ("noterm", "proper")
]
JUDGED = ("Erlendur.noterm", "CommandA_MT.proper", "organizers_gpt-4.1-nano.noterm")  # realdata.py's three


def present(form: str, text: str) -> bool:
    """realdata.py's definition: the form as a whole word, or with a plural s/es, ignoring case."""
    pattern = r"(?<![A-Za-z0-9])" + re.escape(form.strip()) + r"(?:s|es)?(?![A-Za-z0-9])"
    return re.search(pattern, text, re.I) is not None


def year_glossary(rows: list[dict[str, Any]], year: int, folder: Path) -> str:
    forms_by_zh: dict[str, list[str]] = {}
    for row in rows:
        if row["year"] == year:
            for term in row["proper_terms_in_par"]:
                forms = forms_by_zh.setdefault(term["zh"], [])
                forms += [e for e in term["en"] if e.strip() and e not in forms]
    path = folder / f"glossary-{year}.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["zh", "en", "en_admitted"])
        for zh, forms in forms_by_zh.items():
            if forms:
                writer.writerow([zh, forms[0], "|".join(forms[1:])])
    return str(path)


def document(name: str, segments: list[Segment]) -> Document:
    def read() -> Iterator[Segment]:
        return iter(segments)

    return Document(name, (), read, "wmt25")


def classify(checker: Checker, segment: Segment, zh: str, forms: list[str], claimed: bool) -> str:
    """Why termcheck and the judge disagree on one term instance."""
    analyzed = checker.analyze([segment])[0]
    concepts = {r.concept for h in analyzed.source_hits if h.text == zh or zh in h.text for r in h.refs}
    target = [(h, r) for h in analyzed.target_hits for r in h.refs if r.concept in concepts]
    if claimed:
        if target:
            return "fewer renderings than mentions"
        text = segment.target
        spans = [m.span() for f in forms for m in re.finditer(re.escape(f.strip()), text, re.I)]
        if any(h.start < e and s < h.end for s, e in spans for h in analyzed.target_hits):
            return "form overlapped by another term"
        return "form present, keys differ"
    if not any(h.text == zh for h in analyzed.source_hits):
        return "source term inside a longer match or word"
    if target:
        return "matched a form the judge does not count"
    return "other"


def measure(
    rows: list[dict[str, Any]], system: str, folder: Path, examples: str | None, counts: Counter[str]
) -> tuple[Counter[str], float]:
    c: Counter[str] = Counter()
    elapsed = 0.0
    for year in sorted({r["year"] for r in rows}):
        glossary = load_glossary(year_glossary(rows, year, folder))
        checker = Checker(glossary, CheckOptions(select=["TC102"]))
        here = [r for r in rows if r["year"] == year and system in r["mt"]]
        segments = {
            f"{r['doc']}-{r['line']}": Segment(f"{r['doc']}-{r['line']}", r["zh"], r["mt"][system], "p", i + 1)
            for i, r in enumerate(here)
        }
        started = time.perf_counter()
        report = checker.run([document(f"{system}-{year}", list(segments.values()))])
        elapsed += time.perf_counter() - started
        claims: set[tuple[str, str]] = set()
        finding: Finding
        for finding in report.findings:
            if finding.code == "TC102" and finding.severity >= Severity.WARNING and finding.source_span:
                start, end = finding.source_span
                claims.add((finding.segment, segments[finding.segment].source[start:end]))  # type: ignore[index]
        for row in here:
            key = f"{row['doc']}-{row['line']}"
            mt = row["mt"][system]
            for term in row["proper_terms_in_par"]:
                forms = [e for e in term["en"] if e.strip()]
                if not forms or term["zh"] not in row["zh"]:
                    continue
                stands = any(present(e, mt) for e in forms)
                claimed = (key, term["zh"]) in claims
                c["instances"] += 1
                c["false"] += stands and claimed
                c["absent"] += not stands
                c["caught"] += (not stands) and claimed
                if stands == claimed:
                    label = "false alarm: " if claimed else "missed: "
                    label += classify(checker, segments[key], term["zh"], forms, claimed)
                    counts[label] += 1
                    if examples and examples in label:
                        print(f"[{system} {year} {key}] {label}\n  zh  {term['zh']}  forms {forms}\n  mt  {mt}\n")
    return c, elapsed


def term_table(shared: Path) -> None:
    """tests/test_term_table.py's checks over the WMT25 dev glossaries (which may not be copied into tests/)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("term_table", Path(__file__).parents[1] / "tests" / "term_forms.py")
    assert spec and spec.loader
    forms = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(forms)
    terms: set[str] = set()
    for path in sorted((shared / "data" / "wmt25-term-zhen-dev").glob("glossary_proper_*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                terms.update(t.strip() for t in (row["en_alternatives"] or row["en"]).split("|") if t.strip())
    failed_self, failed_plural, plurals = forms.table_failures(sorted(terms))
    print(f"WMT25 glossary terms: {len(terms)}; not matched in running text: {len(failed_self)} {failed_self[:5]}")
    print(f"  plurals tried: {plurals}; not matched: {len(failed_plural)} {failed_plural[:5]}")


def tico(shared: Path) -> None:
    import termcheck

    data = shared / "data" / "tico19-zhen" / "derived"
    report = termcheck.check([str(data / "segments.tsv")], glossary=str(data / "glossary_zh_en.csv"), select=["TC102"])
    by_severity = Counter(f.severity.label for f in report.findings)
    print(f"TICO-19: {report.segments} segments, TC102 by severity {dict(by_severity)}; ", end="")
    loud = by_severity["error"] + by_severity["warning"]
    print(f"{1000 * loud / report.segments:.1f} warning/error findings per 1,000 segments")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(Path(__file__).resolve().parents[1].parent / "shared"))
    parser.add_argument("--examples", help="print the disagreements whose class contains this text")
    parser.add_argument("--tico", action="store_true", help="also measure TICO-19")
    parser.add_argument("--system", action="append", help="only this system.mode (repeatable)")
    parser.add_argument("--table", action="store_true", help="also match every WMT25 glossary term and its plural")
    args = parser.parse_args()
    path = Path(args.shared) / "data" / "wmt25-term-zhen-dev" / "paragraphs.jsonl"
    if not path.exists():
        print(f"no WMT25 terminology data at {path}", file=sys.stderr)
        return 2
    with path.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle]
    classes: dict[str, Counter[str]] = defaultdict(Counter)
    print("| system | term instances | false alarms | per 1,000 | absent | flagged | recall | time |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory() as folder:
        for system in args.system or SYSTEMS:
            c, elapsed = measure(rows, system, Path(folder), args.examples, classes[system])
            mark = " (judged)" if system in JUDGED else ""
            print(
                f"| {system}{mark} | {c['instances']} | {c['false']} | {1000 * c['false'] / max(1, c['instances']):.1f}"
                f" | {c['absent']} | {c['caught']} | {100 * c['caught'] / max(1, c['absent']):.0f}% | {elapsed:.1f} s |"
            )
    print()
    print("Disagreements by class (all systems):")
    total: Counter[str] = Counter()
    for counts in classes.values():
        total.update(counts)
    for label, n in total.most_common():
        print(f"  {n:5}  {label}")
    if args.table:
        print()
        term_table(Path(args.shared))
    if args.tico:
        print()
        tico(Path(args.shared))
    return 0


if __name__ == "__main__":
    sys.exit(main())
