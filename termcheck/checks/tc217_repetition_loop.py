from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from termcheck.analysis import AnalyzedSegment
from termcheck.checks.base import Check
from termcheck.model import Finding, Severity

_WORD = re.compile(r"\w+")
LONGEST_UNIT = 8  # words
# the source repeating itself (哈哈哈, 不，不，不, 非常非常): the translation may repeat as often
_SOURCE_REPEAT = re.compile(r"(.{1,4}?)(?:[，、,！!。\s]*\1)+")
LETTERS_PER_CHARACTER = 3  # the prior of TC211: about three English letters per Chinese character
TARGET_ONLY_REPEATS = 5  # without a source, "very, very, very" is emphasis; five in a row is a loop


def repeats(words: list[str]) -> Iterator[tuple[int, int, int]]:
    """(first word, unit length, times) of each run in which a unit of 1–8 words comes twice or more in a row.

    Word i equal to word i+n for a stretch of r words means the stretch of r+n words repeats a unit of n
    words (r+n)//n times: one pass along each diagonal, cheaper than a regex with a backreference."""
    for size in range(1, LONGEST_UNIT + 1):
        run = 0
        for i in range(len(words) - size + 1):
            if i < len(words) - size and words[i] == words[i + size]:
                run += 1
                continue
            if run >= size:
                yield i - run, size, (run + size) // size
            run = 0


def _source_repeats(source: str) -> int:
    return max((len(m.group()) // len(m.group(1)) for m in _SOURCE_REPEAT.finditer(source)), default=1)


class RepetitionLoop(Check):
    """The target repeats a word or phrase in a loop, the failure of neural MT ("Bern, Bern, Bern…").

    Reported when one to eight words come three or more times in a row and the source does not
    repeat itself as often (哈哈哈 may be "ha ha ha"), or when four or more words come twice in a
    row in a target over twice as long as its source predicts. A list of different items is not a
    loop. Without a source, five repeats in a row are needed ("very, very, very" is emphasis).

    Bad:
        source: 瑞士首都伯尔尼
        target: The Swiss capital, Bern, Bern, Bern, Bern, Bern
    Good:
        target: Bern, the Swiss capital
    """

    code = "TC217"
    name = "repetition-loop"
    severity = Severity.ERROR

    def check_segment(self, analyzed: AnalyzedSegment) -> Iterable[Finding]:
        source, target = analyzed.segment.source, analyzed.segment.target
        words = _WORD.findall(target.lower())
        found = list(repeats(words))
        if not found:
            return
        allowed = TARGET_ONLY_REPEATS - 1 if source is None else max(2, _source_repeats(source) + 1)
        loop = next(((first, size, times) for first, size, times in found if times > allowed), None)
        if loop is None and source is not None:
            chinese = sum(1 for ch in source if "\u3400" <= ch <= "\u9fff")
            letters = sum(ch.isalpha() for ch in target)
            if chinese and letters > 2 * LETTERS_PER_CHARACTER * chinese:
                loop = next(((first, size, times) for first, size, times in found if size >= 4), None)
        if loop is None:
            return
        first, size, times = loop
        spans = [m.span() for m in _WORD.finditer(target)]
        start, end = spans[first][0], spans[first + size * times - 1][1]
        unit = target[spans[first][0] : spans[first + size - 1][1]]
        yield self.finding(
            analyzed,
            f'"{unit}" is repeated {times} times in a row: a repetition loop; translate the segment again',
            found=target[start:end],
            expected=unit,
            target_span=(start, end),
        )
