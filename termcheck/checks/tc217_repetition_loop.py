from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator

from termcheck.checks.base import Check
from termcheck.checks.examples import Example
from termcheck.core.model import Finding, Severity
from termcheck.matching.analysis import AnalyzedSegment

_WORD = re.compile(r"\d+(?:[.,:]\d+)*|\w+")  # 2.2 is one word: "2.2%–2.4%" repeats no word
LONGEST_UNIT = 8  # words
# the source repeating itself (哈哈哈, 不，不，不, 非常非常): the translation may repeat as often
_SOURCE_REPEAT = re.compile(r"(.{1,4}?)(?:[，、,！!。\s]*\1)+")
LETTERS_PER_CHARACTER = 3  # the prior of TC211: about three English letters per Chinese character
TARGET_ONLY_REPEATS = 5  # without a source, "very, very, very" is emphasis; five in a row is a loop


def repeats(words: list[str], fewest: int = 2) -> Iterator[tuple[int, int, int]]:
    """(first word, unit length, times) of each run in which a unit of 1–8 words comes `fewest` times or more.

    Word i equal to word i+n for a stretch of r words means the stretch of r+n words repeats a unit of n
    words (r+n)//n times. Only unit lengths at which a word that occurs `fewest` times recurs are scanned,
    so a segment without a loop costs a count of its words."""
    counts = Counter(words)
    if not counts or max(counts.values()) < fewest:
        return
    sizes = set()
    last: dict[str, int] = {}
    for index, word in enumerate(words):
        if counts[word] >= fewest:
            if word in last and index - last[word] <= LONGEST_UNIT:
                sizes.add(index - last[word])
            last[word] = index
    for size in sorted(sizes):
        run = 0
        for i in range(len(words) - size + 1):
            if i < len(words) - size and words[i] == words[i + size]:
                run += 1
                continue
            if (run + size) // size >= fewest:
                yield i - run, size, (run + size) // size
            run = 0


_CHINESE = re.compile(r"[\u3400-\u9fff]")


def _has_letters(words: list[str], first: int, size: int) -> bool:
    """A unit of numbers only ("0, 0, 0" in a table) is data, not a loop."""
    return any(not word.isdigit() for word in words[first : first + size])


def _far_too_long(source: str, target: str) -> bool:
    limit = 2 * LETTERS_PER_CHARACTER * len(_CHINESE.findall(source))
    return 0 < limit < len(target) and sum(ch.isalpha() for ch in target) > limit


def _source_repeats(source: str) -> int:
    return max((len(m.group()) // len(m.group(1)) for m in _SOURCE_REPEAT.finditer(source)), default=1)


class RepetitionLoop(Check):
    """The target repeats a word or phrase in a loop, the failure of neural MT ("Bern, Bern, Bern…").

    Reported when one to eight words come three or more times in a row and the source does not
    repeat itself as often (哈哈哈 may be "ha ha ha"), or when four or more words come twice in a
    row in a target over twice as long as its source predicts. A list of different items is not a
    loop, nor are numbers alone. Without a source, five repeats in a row are needed ("very, very, very"
    is emphasis)."""

    code = "TC217"
    name = "repetition-loop"
    severity = Severity.ERROR
    examples = (
        Example(source="瑞士首都伯尔尼", target="The Swiss capital, Bern, Bern, Bern, Bern, Bern", bad=True),
        Example(source="瑞士首都伯尔尼", target="Bern, the Swiss capital", bad=False),
        Example(target="It was very, very, very good.", bad=False),
    )

    def check_segment(self, analyzed: AnalyzedSegment) -> Iterable[Finding]:
        source, target = analyzed.segment.source, analyzed.segment.target
        words = _WORD.findall(target.lower())
        loop = None
        runs = list(repeats(words, 3))
        if runs:
            allowed = TARGET_ONLY_REPEATS - 1 if source is None else max(2, _source_repeats(source) + 1)
            loop = next(
                (
                    (first, size, times)
                    for first, size, times in runs
                    if times > allowed and _has_letters(words, first, size)
                ),
                None,
            )
        if loop is None and source is not None and _far_too_long(source, target):
            loop = next(((first, size, times) for first, size, times in repeats(words) if size >= 4), None)
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
