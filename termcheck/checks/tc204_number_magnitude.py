from __future__ import annotations

from collections.abc import Iterable

from termcheck.checks.base import Check
from termcheck.checks.examples import Example
from termcheck.checks.tc202_number_missing import describe
from termcheck.core.model import Finding, Severity
from termcheck.matching.analysis import AnalyzedSegment
from termcheck.numbers import compare_segment


class NumberMagnitude(Check):
    """A number kept its digits but lost its magnitude: 万 and 亿 read as the wrong power of ten.

    万 is ten thousand and 亿 a hundred million, so 1.2万 is 12,000 (12 thousand), 3亿 is 300 million
    and 1.5万亿 is 1.5 trillion. The classic slip renders 1.2万 as "1.2 million", 3亿 as "3 billion".
    Reported instead of the missing and added numbers it would otherwise cause (when TC204 is not in the
    run, TC202 reports it as a wrong number)."""

    code = "TC204"
    name = "number-magnitude"
    severity = Severity.ERROR
    needs_source = True
    examples = (
        Example(
            source="其中约1.2万名患者参与了相关临床试验",
            target="About 1.2 million patients took part in the related clinical trials",
            bad=True,
        ),
        Example(
            source="其中约1.2万名患者参与了相关临床试验",
            target="About 12,000 patients took part in the related clinical trials",
            bad=False,
        ),
    )

    def check_segment(self, analyzed: AnalyzedSegment) -> Iterable[Finding]:
        seg = analyzed.segment
        for wanted, found in compare_segment(seg.source, seg.target).slips:
            expected = describe(wanted.value, wanted.kind)
            said = describe(found.value, found.kind)
            yield self.finding(
                analyzed,
                f'"{wanted.text}" is {expected}, but the target says "{found.text}" ({said})',
                found=found.text,
                expected=expected,
                source_span=(wanted.start, wanted.end),
                target_span=(found.start, found.end),
            )
