"""SARIF 2.1.0 output, for GitHub code scanning and other static-analysis dashboards.

Rules come from the check registry (code, name, summary, documentation, default level; the help is the
check's section of docs/checks.md, as `termcheck explain` prints it); each result carries the file (a URI
relative to the project root), the line, the segment id as a logical location, columns where the file is
plain text, and a fingerprint that survives edits elsewhere in the file.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from itertools import islice
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any, TextIO
from urllib.parse import quote

from termcheck.checks import Check, get_check
from termcheck.checks.docs import render
from termcheck.checks.registry import catalogue
from termcheck.core.fingerprints import VERSION as FINGERPRINT_VERSION
from termcheck.core.fingerprints import fingerprint
from termcheck.core.model import Finding, Location, Severity
from termcheck.core.version import __version__
from termcheck.run.report import Gate, Report
from termcheck.writers.base import finding_columns, location_columns

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
ROOT_BASE = "%SRCROOT%"


def artifact_location(path: str) -> dict[str, str]:
    """A relative path stays relative to the project root; an absolute one becomes a file: URI."""
    if PurePosixPath(path).is_absolute() or PureWindowsPath(path).is_absolute():
        absolute = PureWindowsPath(path) if PureWindowsPath(path).drive else PurePosixPath(path)
        return {"uri": absolute.as_uri()}
    return {"uri": quote(path.replace("\\", "/")), "uriBaseId": ROOT_BASE}


def _rule(code: str, available: Sequence[type[Check]]) -> dict[str, Any]:
    check = get_check(code, available)
    section = render(check)  # `termcheck explain`'s text: the documentation with its metadata and examples
    return {
        "id": check.code,
        "name": check.name,
        "shortDescription": {"text": check.summary()},
        "fullDescription": {"text": check.documentation()},
        "help": {"text": section, "markdown": section},
        "defaultConfiguration": {"level": LEVEL[check.severity]},
        "properties": {"tags": [_tag(check.code)]},
    }


def _tag(code: str) -> str:
    if code.startswith("TC1"):
        return "terminology"
    return "translation" if code.startswith("TC") else "project-rule"


def _region(line: int, found: tuple[int, int | None] | None) -> dict[str, int] | None:
    if line < 1:
        return None
    region = {"startLine": line}
    if found is not None:
        region["startColumn"] = found[0]
        if found[1] is not None:
            region["endColumn"] = found[1]
    return region


def _physical(file: str, region: dict[str, int] | None) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": artifact_location(file)}
    if region:
        physical["region"] = region
    return physical


def _related(location: Location, index: int, with_columns: bool) -> dict[str, Any]:
    return {
        "id": index,
        "physicalLocation": _physical(location.file, _region(location.line, location_columns(location, with_columns))),
        "message": {"text": location.text or f"segment {location.segment}"},
    }


def _result(finding: Finding, rule_index: int, fingerprint: str, text_files: set[str]) -> dict[str, Any]:
    with_columns = finding.file in text_files
    location: dict[str, Any] = {
        "physicalLocation": _physical(finding.file, _region(finding.line, finding_columns(finding, with_columns))),
        "logicalLocations": [
            {"name": finding.segment, "fullyQualifiedName": f"{finding.file}#{finding.segment}", "kind": "segment"}
        ],
    }
    properties = {
        "findingId": finding.id,
        "segment": finding.segment,
        **{
            k: v
            for k, v in (("concept", finding.concept), ("found", finding.found), ("expected", finding.expected))
            if v
        },
    }
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": LEVEL[finding.severity],
        "message": {"text": finding.message},
        "locations": [location],
        "partialFingerprints": {FINGERPRINT_VERSION: fingerprint},
        "properties": properties,
    }
    if finding.related:
        result["relatedLocations"] = [_related(r, i, r.file in text_files) for i, r in enumerate(finding.related, 1)]
    return result


def _codes(report: Report) -> list[str]:
    """The rules' codes: the run's checks, then any other code a finding has, in the order they first occur (a
    pass over the findings only when the counts show such a code)."""
    codes = list(dict.fromkeys(report.checks))
    if set(report.count_by_code()) <= set(codes):
        return codes
    return list(dict.fromkeys([*codes, *(f.code for f in report.findings)]))


def _run(report: Report, gate: Gate, codes: Sequence[str], results: Any) -> dict[str, Any]:
    available = catalogue(report.rules)
    return {
        "tool": {
            "driver": {
                "name": "termcheck",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": [_rule(code, available) for code in codes],
            }
        },
        "invocations": [
            {
                "executionSuccessful": True,
                "properties": {"suppressed": report.suppressed, "baselined": gate.baselined},
                **_notifications(report),
            }
        ],
        "artifacts": [{"location": artifact_location(d.name), "roles": ["analysisTarget"]} for d in report.documents],
        "columnKind": "unicodeCodePoints",
        "results": results,
    }


def _results(report: Report, codes: Sequence[str]) -> Iterator[dict[str, Any]]:
    rule_index = {code: i for i, code in enumerate(codes)}
    text_files = report.files_with_columns()
    for finding in report.findings:
        yield _result(finding, rule_index[finding.code], fingerprint(finding, finding.segment_hash), text_files)


def report_to_sarif(report: Report, gate: Gate = Gate()) -> dict[str, Any]:
    """The whole log as one object (SarifWriter streams the same, byte for byte, without holding the results)."""
    codes = _codes(report)
    run = _run(report, gate, codes, list(_results(report, codes)))
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def _notifications(report: Report) -> dict[str, Any]:
    """Project rules stopped for spending their budget: the run's results are incomplete for them."""
    if not report.stopped_rules:
        return {}
    return {
        "toolExecutionNotifications": [
            {
                "level": "warning",
                "message": {"text": stop.describe()},
                "descriptor": {"id": stop.rule},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": artifact_location(stop.file),
                            "region": {"startLine": stop.line},
                        }
                    }
                ],
            }
            for stop in report.stopped_rules
        ]
    }


class SarifWriter:
    """The log as `json.dump(report_to_sarif(report), indent=2)` lays it out; the results are encoded a block at
    a time, so a run with a million findings (on disk) is never held in memory as objects."""

    name = "sarif"

    def write(self, report: Report, stream: TextIO, gate: Gate = Gate()) -> None:
        codes = _codes(report)
        log = {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [_run(report, gate, codes, _PLACEHOLDER)]}
        head, tail = _dumps(log).split(_dumps(_PLACEHOLDER), 1)
        stream.write(head)
        results = _results(report, codes)
        written = False
        while block := list(islice(results, BLOCK)):
            # a list at the top level indents its items by 2; in the log they stand at 8
            items = _dumps(block)[1:-2].replace("\n", "\n      ")
            stream.write(("," if written else "[") + items)
            written = True
        stream.write("\n      ]" if written else "[]")
        stream.write(tail)
        stream.write("\n")


_PLACEHOLDER = "\x00results\x00"
BLOCK = 1_000  # results encoded at once


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)
