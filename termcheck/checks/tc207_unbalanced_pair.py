from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from termcheck.checks.base import Check
from termcheck.checks.triggers import Trigger
from termcheck.core.model import Finding, Severity
from termcheck.matching.analysis import AnalyzedSegment

PAIRS = {"(": ")", "[": "]", "{": "}", "“": "”"}
SOURCE_PAIRS = {**PAIRS, "（": "）", "【": "】", "《": "》", "「": "」", "『": "』", "〈": "〉", "［": "］"}
STRAIGHT = '"'


@lru_cache(maxsize=4)
def _marks(pairs: tuple[tuple[str, str], ...]) -> re.Pattern[str]:
    return re.compile("[" + re.escape("".join(a + b for a, b in pairs) + STRAIGHT) + "]")


def first_unbalanced(text: str, pairs: dict[str, str]) -> int | None:
    """Offset of the first bracket or quote without its partner, or None when all pair up."""
    closers = {close: open_ for open_, close in pairs.items()}
    stack: list[tuple[str, int]] = []
    straight: list[int] = []
    for match in _marks(tuple(pairs.items())).finditer(text):  # only the marks, not every character
        ch, index = match.group(), match.start()
        if ch in pairs:
            stack.append((ch, index))
        elif ch in closers:
            if not stack or stack[-1][0] != closers[ch]:
                return index
            stack.pop()
        else:
            straight.append(index)
    if stack:
        return stack[0][1]
    return straight[-1] if len(straight) % 2 else None


class UnbalancedPair(Check):
    """Brackets or quotes that do not pair up in the target, though they do in the source.

    Parentheses, square and curly brackets, curly double quotes and straight double quotes. Only
    segments whose source pairs up are checked, so a quotation that runs over several segments is not
    reported. Needs a source.

    Bad:
        source: 他说：“干细胞是‘活’的。”
        target: He said: “Stem cells are 'alive'.
    Good:
        target: He said: “Stem cells are 'alive'.”
    """

    code = "TC207"
    name = "unbalanced-pair"
    severity = Severity.WARNING
    needs_source = True
    trigger = Trigger(_marks(tuple(PAIRS.items())))  # a target without brackets or quotes is balanced

    def check_segment(self, analyzed: AnalyzedSegment) -> Iterable[Finding]:
        source = analyzed.segment.source
        if not source or first_unbalanced(source, SOURCE_PAIRS) is not None:
            return
        target = analyzed.segment.target
        where = first_unbalanced(target, PAIRS)
        if where is not None:
            yield self.finding(
                analyzed,
                f'"{target[where]}" has no partner in the target, though the source pairs its brackets and quotes',
                found=target[where],
                target_span=(where, where + 1),
            )
