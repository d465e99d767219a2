from __future__ import annotations

import re
from collections.abc import Iterable

from termcheck.analysis import AnalyzedSegment
from termcheck.checks.base import Check
from termcheck.checks.triggers import Trigger
from termcheck.model import Finding, Severity

# five or more digits in a row, not part of a word, a decimal, a code or a number already grouped
_UNGROUPED = re.compile(r"(?<![\w.,#/:-])\d{5,}(?![\w/:-])(?![.,]\d)")


class NumberFormat(Check):
    """A number of five or more digits without thousands separators in the English target: 250000.

    English groups thousands with commas (250,000); Chinese MT often copies 250000 as it is. Works
    without a source.

    Bad:
        target: The project has 250000 parts.
    Good:
        target: The project has 250,000 parts.
    """

    code = "TC212"
    name = "number-format"
    severity = Severity.INFO
    trigger = Trigger(re.compile(r"\d{5}"))  # no lookbehind first: a fast scan

    def check_segment(self, analyzed: AnalyzedSegment) -> Iterable[Finding]:
        for match in _UNGROUPED.finditer(analyzed.segment.target):
            grouped = f"{int(match.group()):,}"
            yield self.finding(
                analyzed,
                f'"{match.group()}" has no thousands separators; write {grouped}',
                found=match.group(),
                expected=grouped,
                target_span=match.span(),
            )
