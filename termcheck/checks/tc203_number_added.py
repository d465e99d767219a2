from __future__ import annotations

from collections.abc import Iterable

from termcheck.checks.base import Check
from termcheck.checks.examples import Example
from termcheck.checks.number_pairs import number_pairs
from termcheck.checks.tc202_number_missing import describe
from termcheck.core.model import Finding, Severity
from termcheck.matching.analysis import AnalyzedSegment


class NumberAdded(Check):
    """A number in the target has no counterpart in the source.

    Digits, number words of ten or more, scale words, month names, clock times, multiplicatives
    ("doubled") and fractions count; "one", "a", "first" and number words under ten are never reported on
    their own, because English uses them where Chinese has no number. A weekday counts only where the
    source names one (news renders 3日 as "Friday"), and a rough size ("hundreds") only where the source has
    one (数百). Not reported either: codes such as 5G and numbers glued to a unit (500Mbps), a converted
    value in brackets ("42 km (26 miles)"), a year the source only implies (去年 → "2016"), 24/7, or a
    number the target repeats.

    A number the target says instead of a source number (89.2% for 82.9%, the only one missing; or a time,
    weekday or quarter rendered as another) is one wrong number, which TC202 reports; this check reports it
    only when TC202 is not in the run (`--select TC203`, `--ignore TC202`)."""

    code = "TC203"
    name = "number-added"
    severity = Severity.WARNING
    needs_source = True
    examples = (
        Example(
            source="在关键的II期临床试验中，28天总缓解率达到了82.9%",
            target="In the phase II trial of 120 patients, the 28-day response rate reached 82.9%",
            bad=True,
        ),
        Example(
            source="在关键的II期临床试验中，28天总缓解率达到了82.9%",
            target="In the phase II trial, the 28-day response rate reached 82.9%",
            bad=False,
        ),
        Example(source="马拉松全程42公里", target="The marathon is 42 km (26 miles) long", bad=False),
    )

    def check_segment(self, analyzed: AnalyzedSegment) -> Iterable[Finding]:
        seg = analyzed.segment
        for quantity in number_pairs(seg.source, seg.target).added_in(self.context):
            yield self.finding(
                analyzed,
                f'"{quantity.text}" ({describe(quantity.value, quantity.kind)}) is not in the source',
                found=quantity.text,
                target_span=(quantity.start, quantity.end),
            )
