"""JUnit XML output, for CI systems that show test reports (GitLab, Jenkins, Azure DevOps).

One test case per document: it fails when the document has findings at or above the run's fail-on
level, with every such finding listed in the failure; findings below that level go to system-out.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import TextIO

from termcheck.core.model import Finding
from termcheck.core.version import __version__
from termcheck.run.report import Gate, Report

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    """Text XML 1.0 can hold: control characters and lone surrogates from the input are dropped."""
    return _NOT_XML.sub("", text)


def _line(finding: Finding) -> str:
    return (
        f"{finding.file}:{finding.line} [{finding.segment}] {finding.code} {finding.severity.label}: {finding.message}"
    )


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def report_to_junit(report: Report, gate: Gate = Gate()) -> ET.Element:
    by_file = report.findings_by_file()
    failed_files = sum(1 for items in by_file.values() if any(gate.failing(f) for f in items))
    counts = {"tests": str(len(by_file)), "failures": str(failed_files), "errors": "0", "skipped": "0"}
    suites = ET.Element("testsuites", {"name": "termcheck", **counts})
    suite = ET.SubElement(
        suites, "testsuite", {"name": "termcheck", **counts, "timestamp": report.created.strftime("%Y-%m-%dT%H:%M:%S")}
    )
    properties = ET.SubElement(suite, "properties")
    fail_on = gate.fail_on.label if gate.fail_on is not None else "never"
    for name, value in (
        ("termcheck.version", __version__),
        ("glossary", report.glossary_name),
        ("fail-on", fail_on),
        ("suppressed", str(report.suppressed)),
        ("baselined", str(gate.baselined)),
    ):
        ET.SubElement(properties, "property", {"name": name, "value": xml_text(value)})
    segments = {d.name: d.segments for d in report.documents}
    for file, items in by_file.items():
        case = ET.SubElement(
            suite, "testcase", {"classname": "termcheck", "name": xml_text(file), "file": xml_text(file)}
        )
        failing = [f for f in items if gate.failing(f)]
        if failing:
            codes = sorted({f.code for f in failing})
            failure = ET.SubElement(
                case,
                "failure",
                {
                    "message": xml_text(f"{_plural(len(failing), 'finding')} at or above {fail_on} in {file}"),
                    "type": ",".join(codes),
                },
            )
            failure.text = xml_text("\n".join(_line(f) for f in failing))
        rest = [f for f in items if not gate.failing(f)]
        summary = f"{_plural(segments.get(file, 0), 'segment')}, {_plural(len(items), 'finding')}"
        out = ET.SubElement(case, "system-out")
        out.text = xml_text("\n".join([summary, *(_line(f) for f in rest)]))
    return suites


class JunitWriter:
    name = "junit"

    def write(self, report: Report, stream: TextIO, gate: Gate = Gate()) -> None:
        tree = report_to_junit(report, gate)
        ET.indent(tree)
        stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        stream.write(ET.tostring(tree, encoding="unicode"))
        stream.write("\n")
