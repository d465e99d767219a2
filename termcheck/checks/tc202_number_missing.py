from __future__ import annotations

from collections.abc import Iterable

from termcheck.analysis import AnalyzedSegment
from termcheck.checks.base import Check
from termcheck.model import Finding, Severity
from termcheck.numbers import compare_segment
from termcheck.numbers.quantity import MONTH


def describe(value: float, kind: str) -> str:
    if kind == MONTH:
        return f"month {int(value)}"
    return f"{value:,.0f}" if value == int(value) else f"{value:,}"


class NumberMissing(Check):
    """A number in the source has no counterpart in the target.

    Source numbers are Arabic or Chinese numerals (〇 零 一 … 九 十 百 千 两) with 万 and 亿 magnitudes,
    percentages (百分之三十), dates (2024年1月12日) and ordinals (第三); the target may write them with
    digits, thousands separators, number words (fourteen, twelve thousand), scale words (1.2 million)
    or month names. Chinese numerals under ten without a measure word are not required (一 is as
    often "a" as "one"), nor are idioms such as 十分 ("very"). Needs a source.

    Bad:
        source: 受试者共有64名
        target: A total of 46 subjects were enrolled
    Good:
        target: A total of 64 subjects were enrolled
    """

    code = "TC202"
    name = "number-missing"
    severity = Severity.WARNING
    needs_source = True

    def check_segment(self, analyzed: AnalyzedSegment) -> Iterable[Finding]:
        seg = analyzed.segment
        for quantity in compare_segment(seg.source, seg.target).missing:
            yield self.finding(
                analyzed,
                f'"{quantity.text}" ({describe(quantity.value, quantity.kind)}) is not in the target',
                found=quantity.text,
                expected=describe(quantity.value, quantity.kind),
                source_span=(quantity.start, quantity.end),
            )
