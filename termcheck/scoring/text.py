"""Scores as the lines of a text report: `termcheck score`'s output, and the end of `check -r`'s."""

from __future__ import annotations

from termcheck.scoring.run import ScoreReport


def score_lines(report: ScoreReport) -> list[str]:
    lines: list[str] = []
    for metric in report.metrics:
        lines.append(f"{metric.name:<8} {metric.value:7.2f}  {metric.signature}")
        if metric.name == "TER" and report.ter_scope:
            lines.append(f"{'':<8} {'':7}  {report.ter_scope}")
    accuracy = report.term_accuracy
    if accuracy is not None and accuracy.value is not None:
        lines.append(f"term accuracy (per occurrence)  {accuracy.value:.2f}%  ({accuracy.correct}/{accuracy.total})")
    success = report.term_success
    if success is not None and success.value is not None:
        lines.append(f"term success rate (WMT25, document level)  {success.value:.4f}  ({success.pairs} pairs)")
    return lines
