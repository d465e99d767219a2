"""Fixes that put the finding's expected text in place of what was found."""

from __future__ import annotations

from termcheck.core.edits import Edit, Fixable


def span_of(target: str, finding: Fixable) -> tuple[int, int] | None:
    """The finding's target span, if the target still reads there what the finding found."""
    span = finding.target_span
    if span is None or finding.found is None or finding.expected is None:
        return None
    start, end = span
    return span if 0 <= start <= end <= len(target) and target[start:end] == finding.found else None


def expected_in_place(target: str, finding: Fixable) -> Edit | None:
    span = span_of(target, finding)
    return Edit(span[0], span[1], finding.expected or "") if span else None
