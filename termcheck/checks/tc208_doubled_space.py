from __future__ import annotations

import re
from collections.abc import Iterable

from termcheck.checks.base import Check
from termcheck.checks.declared_fixes import expected_in_place
from termcheck.checks.examples import Example
from termcheck.checks.triggers import Trigger
from termcheck.core.edits import Edit, Fixable
from termcheck.core.model import Finding, Severity
from termcheck.matching.analysis import AnalyzedSegment

_DOUBLED = re.compile(r"(?<=\S) {2,}(?=\S)")


class DoubledSpace(Check):
    """Two or more spaces between words in the target.

    One finding per segment, at the first place, saying how many there are. Spaces at either end
    are not reported here (TC222 compares them with the source's)."""

    code = "TC208"
    name = "doubled-space"
    severity = Severity.INFO
    trigger = Trigger(re.compile("  "))  # a literal: the fastest scan
    fix_description = "one space for the doubled ones (each place in turn)"
    examples = (
        Example(target="The drug was  approved.", bad=True),
        Example(target="The drug was approved.", bad=False),
    )

    @classmethod
    def fix(cls, target: str, finding: Fixable) -> Edit | None:
        return expected_in_place(target, finding)

    def check_segment(self, analyzed: AnalyzedSegment) -> Iterable[Finding]:
        matches = list(_DOUBLED.finditer(analyzed.segment.target))
        if matches:
            places = f" ({len(matches)} places)" if len(matches) > 1 else ""
            yield self.finding(
                analyzed,
                f"doubled space in the target{places}",
                found=matches[0].group(),
                expected=" ",
                target_span=matches[0].span(),
            )
