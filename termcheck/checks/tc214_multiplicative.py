from __future__ import annotations

import re
from collections.abc import Iterable

from termcheck.checks.base import Check
from termcheck.checks.examples import Example
from termcheck.checks.triggers import Trigger
from termcheck.core.model import Finding, Severity
from termcheck.matching.analysis import AnalyzedSegment
from termcheck.numbers.chinese import parse_chinese_numeral
from termcheck.numbers.english import ONES, TENS
from termcheck.numbers.numerals import NUM
from termcheck.numbers.quantity import within_bounds
from termcheck.text.normalize import fold_chinese

# 增加了3倍, 增长3倍, 提高两倍: careful Chinese counts the increase (×4), loose usage the result (×3)
_GROWTH = re.compile(rf"(?:增长|增加|提高|提升|上涨|上升|扩大|增|涨)了?(?:约|近|超过)?(?P<number>{NUM})倍")
_TIMES = r"(\d+(?:\.\d+)?|" + "|".join(sorted([*ONES, *TENS], key=len, reverse=True)) + r")"  # 3, three
# English that reads either way: "increased 3 times", "3 times more", "three times higher", "a 3-fold increase"
_AMBIGUOUS = re.compile(
    rf"\b(?:(?:increas|grow|grew|rose|rise|risen|jump|soar|expand|climb|surg)\w*\s+(?:by\s+)?(?:about\s+|nearly\s+)?"
    rf"{_TIMES}\s+times\b(?!\s+as\b)|{_TIMES}\s+times\s+(?:more|higher|larger|greater|bigger|faster)\b"
    rf"|{_TIMES}[\s-]?fold\s+(?:increase|rise|growth)\b|(?:increas|grew|rose)\w*\s+{_TIMES}[\s-]?fold\b)",
    re.IGNORECASE,
)
MULTIPLES = {2: "doubled", 3: "tripled", 4: "quadrupled", 5: "quintupled"}
SPELLED = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten"}


def _times(text: str) -> float | None:
    word = text.lower()
    if word[0].isdigit():
        return float(word)
    return float(ONES.get(word, TENS.get(word, 0))) or None


def _as_much(factor: float) -> str:
    whole = int(factor)
    if factor != whole:
        return f"{factor:g} times as much"
    return MULTIPLES.get(whole) or f"{SPELLED.get(whole, str(whole))} times as much"


class Multiplicative(Check):
    """增加了N倍 rendered with English that reads two ways: "increased 3 times", "3 times more".

    In careful Chinese (and in statistics offices) 增加了3倍 counts the increase: the result is four
    times the original, an increase of 300%. In loose usage it means three times the original. English
    "increased 3 times", "3 times more" and "a 3-fold increase" are just as ambiguous, so a reader cannot
    tell whether the figure is ×3 or ×4. Say which: "quadrupled" / "four times as much" / "an increase of
    300%", or "tripled" if the writer meant the loose sense. Unambiguous wording passes; "doubled" and
    "twofold" also count as numbers for TC202/TC203."""

    code = "TC214"
    name = "multiplicative"
    severity = Severity.WARNING
    needs_source = True
    trigger = Trigger(re.compile("倍"), "source")
    examples = (
        Example(source="出口额比去年增加了3倍", target="Exports increased 3 times over last year", bad=True),
        Example(
            source="出口额比去年增加了3倍", target="Exports quadrupled over last year (an increase of 300%)", bad=False
        ),
    )

    def check_segment(self, analyzed: AnalyzedSegment) -> Iterable[Finding]:
        source, target = fold_chinese(analyzed.segment.source or ""), analyzed.segment.target
        growths: set[float] = set()
        for match in _GROWTH.finditer(source):
            numeral = match["number"]
            value = float(numeral.replace(",", "")) if numeral[0].isdigit() else parse_chinese_numeral(numeral)
            if value and within_bounds(value):
                growths.add(float(value))
        if not growths:
            return
        for match in _AMBIGUOUS.finditer(target):
            said = next(group for group in match.groups() if group)
            factor = _times(said)
            if factor is None or factor not in growths:
                continue
            careful, loose = _as_much(factor + 1), _as_much(factor)
            percent = f"{factor * 100:,.0f}%"
            yield self.finding(
                analyzed,
                f'"{match.group()}" can mean ×{factor:g} or ×{factor + 1:g}: {factor:g}倍 of growth is, '
                f'read carefully, an increase of {percent} ("{careful}"); '
                f'write "{careful}" or "an increase of {percent}", or "{loose}" if the loose sense is meant',
                found=match.group(),
                expected=careful,
                target_span=match.span(),
            )
