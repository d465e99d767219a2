"""JSON output, schema version 1 (documented in docs/json.md)."""

from __future__ import annotations

from itertools import islice
from typing import Any, TextIO

import orjson

from termcheck.core.model import Finding
from termcheck.core.version import __version__
from termcheck.run.report import Gate, Report
from termcheck.writers.base import finding_columns

SCHEMA_VERSION = 1
BLOCK = 1_000  # findings encoded at once


def _span(span: tuple[int, int] | None) -> dict[str, int] | None:
    return {"start": span[0], "end": span[1]} if span else None


def finding_to_dict(finding: Finding, plain_text: bool = False) -> dict[str, Any]:
    """`plain_text`: the finding's document has a segment a line, so its target span gives its columns."""
    found = finding_columns(finding, plain_text)
    return {
        "id": finding.id,
        "code": finding.code,
        "check": finding.check,
        "severity": finding.severity.label,
        "file": finding.file,
        "line": finding.line,
        "column": found[0] if found else None,
        "end_column": found[1] if found else None,
        "segment": finding.segment,
        "concept": finding.concept,
        "found": finding.found,
        "expected": finding.expected,
        "message": finding.message,
        "source_span": _span(finding.source_span),
        "target_span": _span(finding.target_span),
        "related": [
            {"file": r.file, "line": r.line, "segment": r.segment, "start": r.start, "end": r.end, "text": r.text}
            for r in finding.related
        ],
    }


_PLACEHOLDER = "\x00findings\x00"


def report_to_dict(report: Report, findings: bool = True, gate: Gate = Gate()) -> dict[str, Any]:
    text_files = report.files_with_columns()
    by_severity = report.count_by_severity()
    payload: dict[str, Any] = {
        "version": SCHEMA_VERSION,
        "tool": {"name": "termcheck", "version": __version__},
        "glossary": {"name": report.glossary_name, "concepts": report.concepts},
        "checks": report.checks,
        "documents": [
            {"file": d.name, "format": d.format, "segments": d.segments, "bilingual": d.bilingual}
            for d in report.documents
        ],
        "summary": {
            "segments": report.segments,
            "findings": len(report.findings),
            "by_severity": {s.label: n for s, n in sorted(by_severity.items(), reverse=True)},
            "by_code": dict(sorted(report.count_by_code().items())),
            "suppressed": report.suppressed,
            "baselined": gate.baselined,
            "baseline_gone": gate.baseline.gone if gate.baseline is not None else 0,
            "fail_on": gate.fail_on.label if gate.fail_on is not None else "never",
            "failed": gate.fails(report),
        },
        # JsonWriter streams the findings in place of the placeholder
        "findings": [finding_to_dict(f, f.file in text_files) for f in report.findings] if findings else _PLACEHOLDER,
    }
    if report.stopped_rules:
        payload["stopped_rules"] = [
            {"rule": s.rule, "file": s.file, "line": s.line, "searches": s.searches, "seconds": round(s.seconds, 3)}
            for s in report.stopped_rules
        ]
    if report.scores is not None:
        from termcheck.scoring.serialize import rounded, scores_to_dict

        payload["scores"] = scores_to_dict(report.scores)
        payload["segment_scores"] = [
            {"file": file, "segment": segment, "bleu": rounded(s.bleu), "chrf": rounded(s.chrf)}
            for (file, segment), s in report.segment_scores.items()
        ]
    return payload


def _dumps(value: Any) -> bytes:
    """As `json.dumps(value, ensure_ascii=False, indent=2)` lays it out, byte for byte, for the values a report
    holds: str keys, 64-bit ints and floats rounded to a few decimals (where orjson and json would differ: 1e+16
    against 1e16, 1e-05 against 0.00001, NaN against null, does not arise)."""
    return orjson.dumps(value, option=orjson.OPT_INDENT_2)


class JsonWriter:
    """The whole report as one JSON document. Findings are encoded a block at a time, as `json.dump` with
    `indent=2` would lay them out, so a run with a million findings (on disk, see FindingStore) is never held
    in memory as one big object."""

    name = "json"

    def write(self, report: Report, stream: TextIO, gate: Gate = Gate()) -> None:
        payload = report_to_dict(report, findings=False, gate=gate)
        head, tail = _dumps(payload).decode().split(_dumps(_PLACEHOLDER).decode(), 1)
        stream.write(head)
        stream.write("[")
        text_files = report.files_with_columns()
        findings = iter(report.findings)
        written = False
        while block := [finding_to_dict(f, f.file in text_files) for f in islice(findings, BLOCK)]:
            # a list at the top level indents its items by 2; in the report they stand at 4
            items = _dumps(block)[1:-2].replace(b"\n", b"\n  ")
            stream.write(("," if written else "") + items.decode())
            written = True
        stream.write("\n  ]" if written else "]")
        stream.write(tail)
        stream.write("\n")
