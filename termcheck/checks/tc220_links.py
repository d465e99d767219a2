from __future__ import annotations

from collections.abc import Iterable

from termcheck.checks.base import Check
from termcheck.checks.examples import Example
from termcheck.checks.tokens import links, pair_up, unmatched
from termcheck.core.model import Finding, Severity
from termcheck.matching.analysis import AnalyzedSegment

_MARKS = ("://", "www.", "@", "#")


class Links(Check):
    """Links, e-mail addresses, @handles and #hashtags of the source missing or changed in the target.

    Compared as tokens. A URL ends at white space, a quote, full-width punctuation or Chinese text (Chinese
    puts no space after one); a trailing full stop or an unbalanced ")" is not part of it. Scheme and host
    compare without case, a path with it. Chinese topic tags (#话题#) are translated, so only Latin
    hashtags are compared."""

    code = "TC220"
    name = "links"
    severity = Severity.WARNING
    needs_source = True
    examples = (
        Example(source="详见 www.cde.org.cn/zdyz。", target="See www.cde.org.cn for details.", bad=True),
        Example(source="详见 www.cde.org.cn/zdyz。", target="See www.cde.org.cn/zdyz for details.", bad=False),
    )

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
