from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable

from termcheck.checks.base import Check
from termcheck.checks.examples import Example
from termcheck.checks.punctuation import pairing
from termcheck.checks.triggers import Trigger
from termcheck.core.model import Finding, Severity
from termcheck.matching.analysis import AnalyzedSegment

_ENGLISH = '()[]{}“”"'  # the marks reported here; a full-width one is TC206's to report, whether it pairs or not
_QUOTE_NAMES = {"“": "an opening curly quote", "”": "a closing curly quote", '"': "a straight quote"}
_MATCHING_QUOTES = {("“", "”"), ('"', '"')}


class UnbalancedPair(Check):
    """Brackets or quotes that do not pair up in the target, though they do in the source.

    Parentheses, square and curly brackets and double quotes pair by kind, not glyph: a full-width "（"
    closed by ")" has its partner (the glyph is TC206's to report; a full-width mark with no partner is
    TC206's finding too, not a second one here), and so do double quotes of any glyph or direction, taken
    in turn. Only segments whose source pairs up are checked, so a quotation that runs over several segments
    is not reported.

    A quotation whose marks do not match (”…", "…”, “…"), curly with straight or a closing quote opening,
    is an info note of its own, suggesting “…” or "…": a visible slip, but the WMT22 raters marked none of
    the four in its set. A severity set for TC207 in the configuration applies to it too."""

    code = "TC207"
    name = "unbalanced-pair"
    severity = Severity.WARNING
    needs_source = True
    trigger = Trigger(re.compile("[" + re.escape(_ENGLISH) + "]"))  # no finding without one of them
    examples = (
        Example(source="他说：“干细胞是‘活’的。”", target="He said: “Stem cells are 'alive'.", bad=True),
        Example(source="他说：“干细胞是‘活’的。”", target="He said: “Stem cells are 'alive'.”", bad=False),
        Example(source="他说：“好。”", target='He said: ”Good."', bad=True, severity=Severity.INFO),
    )

    def check_segment(self, analyzed: AnalyzedSegment) -> Iterable[Finding]:
        source = analyzed.segment.source
        if not source or pairing(source).lone:
            return
        target = analyzed.segment.target
        paired = pairing(target)
        lone = [index for index in paired.lone if target[index] in _ENGLISH]
        if lone:
            where = lone[0]
            yield self.finding(
                analyzed,
                f'"{target[where]}" has no partner in the target, though the source pairs its brackets and quotes',
                found=target[where],
                target_span=(where, where + 1),
            )
        elif not paired.lone:  # with a mark alone, which quotes pair is a guess
            yield from self._mismatched_quotes(analyzed, paired.quotes)

    def _mismatched_quotes(self, analyzed: AnalyzedSegment, quotes: list[tuple[int, int]]) -> Iterable[Finding]:
        target = analyzed.segment.target
        for start, end in quotes:
            opening, closing = target[start], target[end]
            if opening in _QUOTE_NAMES and closing in _QUOTE_NAMES and (opening, closing) not in _MATCHING_QUOTES:
                finding = self.finding(
                    analyzed,
                    f"the quotation marks {opening}…{closing} do not match: opened with {_QUOTE_NAMES[opening]}, "
                    f'closed with {_QUOTE_NAMES[closing]}; write “…” or "…"',
                    found=target[start : end + 1],
                    target_span=(start, end + 1),
                )
                if self.code not in self.context.severities:
                    finding = dataclasses.replace(finding, severity=Severity.INFO)
                yield finding
