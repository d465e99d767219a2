from __future__ import annotations

from collections.abc import Iterable

from termcheck.checks.base import Check
from termcheck.checks.examples import Example
from termcheck.core.model import Finding, Severity
from termcheck.matching.analysis import AnalyzedSegment


class EmptyTarget(Check):
    """An empty target where the source has text.

    One finding, and no other check reads the segment (it would otherwise be a list of missing terms).
    An XLIFF target whose state says it is not translated yet (`new`, `initial`) is TC201's "not translated
    yet" instead, and a target that copies a Chinese source is TC201's too, so neither is reported twice."""

    code = "TC221"
    name = "empty-target"
    severity = Severity.ERROR
    needs_source = True
    sees_pending = True  # the engine shows empty targets only to the checks that declare they read them
    examples = (
        Example(source="药品审评中心批准了干细胞", target="", bad=True),
        Example(
            source="药品审评中心批准了干细胞", target="The Center for Drug Evaluation approved the stem cell", bad=False
        ),
    )

    def check_segment(self, analyzed: AnalyzedSegment) -> Iterable[Finding]:
        segment = analyzed.segment
        if segment.source and segment.source.strip() and not segment.target.strip() and not segment.pending:
            yield self.finding(analyzed, "the target is empty, though the source has text")
