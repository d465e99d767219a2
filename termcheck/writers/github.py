"""GitHub Actions workflow commands: one `::error`/`::warning`/`::notice` annotation per finding.

GitHub shows them on the pull request's changed files. Data and property values are escaped as the
runner expects (`%`, CR and LF everywhere; `:` and `,` in properties too).
"""

from __future__ import annotations

from typing import TextIO

from termcheck.core.model import Finding, Severity
from termcheck.run.report import Gate, Report
from termcheck.writers.base import finding_columns

COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding, with_columns: bool) -> str:
    props = [("file", finding.file)]
    if finding.line > 0:
        props.append(("line", str(finding.line)))
        found = finding_columns(finding, with_columns)
        if found is not None:
            props.append(("col", str(found[0])))
            if found[1] is not None:
                props.append(("endColumn", str(found[1])))
    props.append(("title", f"{finding.code} {finding.check}"))
    rendered = ",".join(f"{k}={escape_property(v)}" for k, v in props)
    message = f"{finding.message} [segment {finding.segment}]"
    return f"::{COMMAND[finding.severity]} {rendered}::{escape_data(message)}"


class GithubWriter:
    name = "github"

    def write(self, report: Report, stream: TextIO, gate: Gate = Gate()) -> None:
        text_files = report.files_with_columns()
        for finding in report.findings:
            stream.write(annotation(finding, finding.file in text_files) + "\n")
