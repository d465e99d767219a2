from __future__ import annotations

import re
from collections.abc import Iterable

from termcheck.checks.base import Check
from termcheck.checks.examples import Example
from termcheck.core.model import Finding, Severity
from termcheck.matching.analysis import AnalyzedSegment

_LEADING = re.compile(r"^[\s\u3000]+")
_TRAILING = re.compile(r"[\s\u3000]+$")


class EdgeWhitespace(Check):
    """Leading or trailing white space in the target unlike the source's.

    Compared for its presence at either end, in either direction: present in the target but not the
    source, or the reverse (a full-width space counts). CMS fields and UI strings often depend on it; in
    running text split into paragraphs it is mostly noise (5 per 1,000 human paragraphs of the WMT25 HKMA
    reports), so it is info by default."""

    code = "TC222"
    name = "edge-whitespace"
    severity = Severity.INFO
    needs_source = True
    examples = (
        Example(source="  干细胞 ", target="stem cells", bad=True),
        Example(source="  干细胞 ", target="  stem cells ", bad=False),
    )

    def check_segment(self, analyzed: AnalyzedSegment) -> Iterable[Finding]:
        source, target = analyzed.segment.source, analyzed.segment.target
        if source is None or not target.strip():
            return
        for edge, pattern in (("leading", _LEADING), ("trailing", _TRAILING)):
            in_source, in_target = pattern.search(source), pattern.search(target)
            if bool(in_source) != bool(in_target):
                where = in_target.span() if in_target else ((0, 0) if edge == "leading" else (len(target),) * 2)
                has, lacks = ("has", "lacks") if in_target else ("lacks", "has")
                yield self.finding(
                    analyzed,
                    f"the target {has} {edge} white space that the source {lacks}",
                    found=in_target.group() if in_target else "",
                    target_span=where,
                )
