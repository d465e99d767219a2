"""Terminal output: findings grouped by check, with counts."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import groupby
from typing import TextIO

from termcheck.core.model import Finding, Severity
from termcheck.run.report import Gate, Report

STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def _counts(findings: Sequence[Finding]) -> str:
    """ "2 errors, 1 warning"."""
    counts = Counter(f.severity for f in findings)
    return ", ".join(f"{counts[s]} {s.label}{'s' if counts[s] != 1 else ''}" for s in sorted(counts, reverse=True))


def summary_line(report: Report, gate: Gate = Gate()) -> str:
    parts = _counts(report.findings)
    detail = f" ({parts})" if parts else ""
    docs = len(report.documents)
    line = (
        f"{len(report.findings)} finding{'s' if len(report.findings) != 1 else ''}{detail} in "
        f"{report.segments} segment{'s' if report.segments != 1 else ''} of {docs} document{'s' if docs != 1 else ''}"
    )
    if report.suppressed:
        line += f"; {report.suppressed} suppressed by {report.suppression_file}"
    if gate.baseline is not None:
        line += f"; {gate.baseline.accepted} accepted by the baseline {gate.baseline.file}"
        if gate.baseline.gone:
            line += (
                f" ({gate.baseline.gone} accepted findings are gone from the files checked: "
                "refresh it with --write-baseline on a run over every file)"
            )
    return line


class TextWriter:
    name = "text"

    def write(self, report: Report, stream: TextIO, gate: Gate = Gate()) -> None:
        from rich.console import Console
        from rich.markup import escape

        console = Console(file=stream, highlight=False, soft_wrap=True)
        ordered = sorted(report.findings, key=lambda f: f.code)
        for code, group in groupby(ordered, key=lambda f: f.code):
            items = list(group)
            first = items[0]
            style = STYLE[first.severity]
            console.print(f"[bold]{code}[/bold] {first.check} [{style}]{first.severity.label}[/{style}] — {len(items)}")
            for finding in items:
                where = escape(f"{finding.file}:{finding.line}")
                segment = escape(f"[{finding.segment}]")
                console.print(f"  {where} {segment} {escape(finding.message)}")
        if len(report.documents) > 1:
            by_file = report.findings_by_file()
            console.print("[bold]Files[/bold]")
            for document in report.documents:
                found = by_file[document.name]
                detail = _counts(found) if found else "clean"
                console.print(f"  {escape(document.name)}: {document.segments} segments, {detail}")
        if report.scores is not None:
            from termcheck.scoring.text import score_lines

            console.print("[bold]Scores[/bold]")
            for line in score_lines(report.scores):
                console.print(escape(line))
