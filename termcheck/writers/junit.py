"""JUnit XML output, for CI systems that show test reports (GitLab, Jenkins, Azure DevOps).

One test case per document: it fails when the document has findings at or above the run's fail-on
level, with every such finding listed in the failure; findings below that level go to system-out.

The writer streams: a first pass over the findings counts the failing documents (the header says how many),
a second writes the test cases one document at a time, so only one document's finding lines are held.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TextIO

from termcheck.core.model import Finding
from termcheck.core.version import __version__
from termcheck.run.report import Gate, Report

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_CASE_INDENT = "\n    "  # before each test case: they stand at the third level


def xml_text(text: str) -> str:
    """Text XML 1.0 can hold: control characters and lone surrogates from the input are dropped."""
    return _NOT_XML.sub("", text)


def _line(finding: Finding) -> str:
    return (
        f"{finding.file}:{finding.line} [{finding.segment}] {finding.code} {finding.severity.label}: {finding.message}"
    )


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


@dataclass
class _Case:
    """One document's test case: its finding lines, those at or above the fail-on level apart."""

    file: str
    failing: list[str] = field(default_factory=list)
    codes: set[str] = field(default_factory=set)
    rest: list[str] = field(default_factory=list)
    count: int = 0

    def add(self, finding: Finding, gate: Gate) -> None:
        self.count += 1
        if gate.failing(finding):
            self.failing.append(_line(finding))
            self.codes.add(finding.code)
        else:
            self.rest.append(_line(finding))

    def element(self, segments: int, fail_on: str) -> ET.Element:
        file = self.file
        case = ET.Element("testcase", {"classname": "termcheck", "name": xml_text(file), "file": xml_text(file)})
        if self.failing:
            failure = ET.SubElement(
                case,
                "failure",
                {
                    "message": xml_text(f"{_plural(len(self.failing), 'finding')} at or above {fail_on} in {file}"),
                    "type": ",".join(sorted(self.codes)),
                },
            )
            failure.text = xml_text("\n".join(self.failing))
        summary = f"{_plural(segments, 'segment')}, {_plural(self.count, 'finding')}"
        out = ET.SubElement(case, "system-out")
        out.text = xml_text("\n".join([summary, *self.rest]))
        return case


def _fail_on(gate: Gate) -> str:
    return gate.fail_on.label if gate.fail_on is not None else "never"


def _suites(report: Report, gate: Gate, tests: int, failures: int) -> tuple[ET.Element, ET.Element]:
    counts = {"tests": str(tests), "failures": str(failures), "errors": "0", "skipped": "0"}
    suites = ET.Element("testsuites", {"name": "termcheck", **counts})
    suite = ET.SubElement(
        suites, "testsuite", {"name": "termcheck", **counts, "timestamp": report.created.strftime("%Y-%m-%dT%H:%M:%S")}
    )
    properties = ET.SubElement(suite, "properties")
    for name, value in (
        ("termcheck.version", __version__),
        ("glossary", report.glossary_name),
        ("fail-on", _fail_on(gate)),
        ("suppressed", str(report.suppressed)),
        ("baselined", str(gate.baselined)),
    ):
        ET.SubElement(properties, "property", {"name": name, "value": xml_text(value)})
    return suites, suite


def report_to_junit(report: Report, gate: Gate = Gate()) -> ET.Element:
    """The whole report as one tree (JunitWriter streams the same, byte for byte)."""
    cases = {file: _Case(file) for file in report.findings_by_file()}
    for finding in report.findings:
        cases[finding.file].add(finding, gate)
    suites, suite = _suites(report, gate, len(cases), sum(1 for c in cases.values() if c.failing))
    segments = {d.name: d.segments for d in report.documents}
    suite.extend(case.element(segments.get(case.file, 0), _fail_on(gate)) for case in cases.values())
    return suites


def _streamable(report: Report, gate: Gate) -> tuple[int, int] | None:
    """(test cases, failing ones) where each document's findings come together in document order (as a run
    gives them) and the names are unique; None otherwise."""
    names = [d.name for d in report.documents]
    position = {name: i for i, name in enumerate(names)}
    if len(position) != len(names) or not names:
        return None
    files: dict[str, bool] = {}  # file → has a failing finding, in the order first seen
    last = -1
    for finding in report.findings:
        index = position.get(finding.file)
        if index is not None:
            if index < last:
                return None
            last = index
        files[finding.file] = files.get(finding.file, False) or gate.failing(finding)
    extra = sum(1 for file in files if file not in position)
    return len(names) + extra, sum(1 for failing in files.values() if failing)


def _cases(report: Report, gate: Gate) -> Iterator[_Case]:
    """Each document's case in document order, then those of findings in other files; one document held."""
    documents = iter(d.name for d in report.documents)
    known = {d.name for d in report.documents}
    others: dict[str, _Case] = {}
    current: _Case | None = None
    for finding in report.findings:
        if finding.file not in known:
            others.setdefault(finding.file, _Case(finding.file)).add(finding, gate)
            continue
        if current is None or current.file != finding.file:
            if current is not None:
                yield current
            current = _Case(next(documents))
            while current.file != finding.file:
                yield current
                current = _Case(next(documents))
        current.add(finding, gate)
    if current is not None:
        yield current
    yield from (_Case(file) for file in documents)
    yield from others.values()


class JunitWriter:
    name = "junit"

    def write(self, report: Report, stream: TextIO, gate: Gate = Gate()) -> None:
        stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        counted = _streamable(report, gate)
        if counted is None:
            tree = report_to_junit(report, gate)
            ET.indent(tree)
            stream.write(ET.tostring(tree, encoding="unicode"))
            stream.write("\n")
            return
        suites, suite = _suites(report, gate, *counted)
        ET.SubElement(suite, "cases")
        ET.indent(suites)
        head, tail = ET.tostring(suites, encoding="unicode").split("<cases />", 1)
        stream.write(head.removesuffix(_CASE_INDENT))
        segments = {d.name: d.segments for d in report.documents}
        for case in _cases(report, gate):
            element = case.element(segments.get(case.file, 0), _fail_on(gate))
            ET.indent(element, level=2)
            stream.write(_CASE_INDENT + ET.tostring(element, encoding="unicode"))
        stream.write(tail)
        stream.write("\n")
