from __future__ import annotations

from collections.abc import Iterable

from termcheck.checks.base import Check
from termcheck.checks.tokens import links, pair_up, unmatched
from termcheck.core.model import Finding, Severity
from termcheck.matching.analysis import AnalyzedSegment

_MARKS = ("://", "www.", "@", "#")


class Links(Check):
    """Links, e-mail addresses, @handles and #hashtags of the source missing or changed in the target.

    Compared as tokens: a full stop or full-width punctuation after a URL is not part of it, a scheme
    and host compare without case, a path with it. Chinese topic tags (#话题#) are translated, so only
    Latin hashtags are compared. Needs a source.

    Bad:
        source: 详见 www.cde.org.cn/zdyz。
        target: See www.cde.org.cn for details.
    Good:
        target: See www.cde.org.cn/zdyz for details.
    """

    code = "TC220"
    name = "links"
    severity = Severity.WARNING
    needs_source = True

    def check_segment(self, analyzed: AnalyzedSegment) -> Iterable[Finding]:
        source, target = analyzed.segment.source, analyzed.segment.target
        if not source or not any(m in source for m in _MARKS):
            return
        want = links(source)
        if not want:
            return
        have = links(target)
        spare = [t for t in have if t.text not in {w.text for w in want}]  # another URL, not one repeated
        pairs, _ = pair_up(unmatched(want, have), spare, lambda lost, token: lost.kind == token.kind)
        for lost, instead in pairs:
            if instead is not None:
                yield self.finding(
                    analyzed,
                    f"{lost.kind} {lost.text} of the source is {instead.text} in the target",
                    found=instead.text,
                    expected=lost.text,
                    source_span=lost.span,
                    target_span=instead.span,
                )
            else:
                yield self.finding(
                    analyzed,
                    f"{lost.kind} {lost.text} of the source is missing in the target",
                    found=lost.text,
                    source_span=lost.span,
                )
