from __future__ import annotations

from collections.abc import Iterable

from termcheck.checks.base import Check
from termcheck.checks.number_pairs import number_pairs
from termcheck.checks.tc202_number_missing import describe
from termcheck.core.model import Finding, Severity
from termcheck.matching.analysis import AnalyzedSegment


class NumberAdded(Check):
    """A number in the target has no counterpart in the source.

    Digits, number words of ten or more, scale words, month names, clock times, multiplicatives
    ("doubled") and fractions count; "one", "a" and "first" do not, because English uses them where
    Chinese has no number. A weekday counts only where the source names one (news renders 3日 as
    "Friday"), and a rough size ("hundreds") only where the source has one (数百). Codes such as 5G
    and numbers glued to a unit (500Mbps) are never added numbers. A number the target says instead
    of a source number (89.2% for 82.9%, the only one missing) is one wrong number, which TC202
    reports; this check reports it when TC202 does not run. Needs a source.

    Bad:
        source: 在关键的II期临床试验中，28天总缓解率达到了82.9%
        target: In the phase II trial of 120 patients, the 28-day response rate reached 82.9%
    Good:
        target: In the phase II trial, the 28-day response rate reached 82.9%
    """

    code = "TC203"
    name = "number-added"
    severity = Severity.WARNING
    needs_source = True

    def check_segment(self, analyzed: AnalyzedSegment) -> Iterable[Finding]:
        seg = analyzed.segment
        for quantity in number_pairs(seg.source, seg.target).added_in(self.context):
            yield self.finding(
                analyzed,
                f'"{quantity.text}" ({describe(quantity.value, quantity.kind)}) is not in the source',
                found=quantity.text,
                target_span=(quantity.start, quantity.end),
            )
