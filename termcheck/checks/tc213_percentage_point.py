from __future__ import annotations

import re
from collections.abc import Iterable

from termcheck.checks.base import Check
from termcheck.checks.examples import Example
from termcheck.checks.triggers import Trigger
from termcheck.core.model import Finding, Severity
from termcheck.matching.analysis import AnalyzedSegment
from termcheck.numbers.chinese import chinese_quantities
from termcheck.numbers.english import english_quantities
from termcheck.numbers.numerals import NUM
from termcheck.numbers.quantity import NUMBER
from termcheck.text.normalize import fold_chinese

_POINTS = re.compile(rf"(?P<number>{NUM})[ \u3000]?个?百分点")
_PERCENT = re.compile(rf"百分之(?P<spelled>{NUM})|(?P<number>{NUM})[ \u3000]?[%％]")
# after a target number: "percentage points", "% points", "points", "pp", "ppt", "pct pts"
_SAYS_POINTS = re.compile(
    r"\s*(?:(?:%|percent(?:age)?|per\s*cent(?:age)?)[\s-]*)?points?\b|\s*(?:pp|ppts?|pct\.?\s*pts?)\b", re.IGNORECASE
)
_SAYS_PERCENT = re.compile(r"\s*(?:percent|per\s*cent)\b(?!age)", re.IGNORECASE)


def _values(pattern: re.Pattern[str], source: str) -> set[float]:
    values: set[float] = set()
    for match in pattern.finditer(fold_chinese(source)):
        numeral = match["number"] or match.groupdict().get("spelled")
        values.update(q.value for q in chinese_quantities(numeral or "") if q.kind == NUMBER)
    return values


class PercentagePoint(Check):
    """个百分点 (percentage points) rendered as a percentage, or a percentage as percentage points.

    A rate that rises from 5% to 8% rises by 3 percentage points (3个百分点), which is a 60% rise:
    "percent" or "%" for 个百分点 changes the figure. "Points" alone after a rate, "pp" and "% points"
    are accepted. The reverse is reported too: 百分之五 or 5% rendered as "5 percentage points"."""

    code = "TC213"
    name = "percentage-point"
    severity = Severity.ERROR
    needs_source = True
    trigger = Trigger(re.compile(r"[%％]|百分"), "source")
    examples = (
        Example(source="失业率上升了3个百分点", target="The unemployment rate rose by 3%", bad=True),
        Example(source="失业率上升了3个百分点", target="The unemployment rate rose by 3 percentage points", bad=False),
        Example(source="失业率上升了3个百分点", target="The unemployment rate rose 3 points", bad=False),
    )

    def check_segment(self, analyzed: AnalyzedSegment) -> Iterable[Finding]:
        source, target = analyzed.segment.source or "", analyzed.segment.target
        points = _values(_POINTS, source)
        percents = _values(_PERCENT, source) - points
        if not points and not percents:
            return
        for quantity in english_quantities(target):
            if quantity.kind != NUMBER:
                continue
            after = target[quantity.end : quantity.end + 30]
            says_points = bool(_SAYS_POINTS.match(after))
            says_percent = not says_points and (quantity.text.endswith("%") or bool(_SAYS_PERCENT.match(after)))
            end = quantity.end + (len(_SAYS_POINTS.match(after).group()) if says_points else 0)  # type: ignore[union-attr]
            if says_percent and quantity.value in points:
                written = _SAYS_PERCENT.match(after)
                end = quantity.end + (len(written.group()) if written else 0)
                said = target[quantity.start : end]
                yield self.finding(
                    analyzed,
                    f'个百分点 is percentage points: "{said}" is a relative change; '
                    f'say "{quantity.text.rstrip("%")} percentage points"',
                    found=said,
                    expected=f"{quantity.text.rstrip('%')} percentage points",
                    target_span=(quantity.start, end),
                )
            elif says_points and quantity.value in percents and quantity.value not in points:
                said = target[quantity.start : end]
                yield self.finding(
                    analyzed,
                    f'the source has a percentage ({quantity.text}%), but "{said}" says percentage points',
                    found=said,
                    expected=f"{quantity.text}%",
                    target_span=(quantity.start, end),
                )
