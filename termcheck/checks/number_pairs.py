"""What TC202 and TC203 report of a segment's numbers: one error, one finding.

A number the source states and the target renders as another is one error. The comparison pairs the
clear cases (a clock time as another, a lost magnitude for TC204); here, once a unit conversion has
explained what it can, the one source number and the one target number left of a kind are one wrong
number too (二十年 as "Ten Years"). TC202 reports each such pair as what the target says instead; TC203
reports only what is left, and a pair's target number when TC202 is not in the run.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from termcheck.checks.base import CheckContext
from termcheck.measures.pairing import conversions
from termcheck.numbers import NumberComparison, compare_numbers
from termcheck.numbers.codes import PHONE
from termcheck.numbers.compare import is_year
from termcheck.numbers.quantity import CODE, Quantity

Pair = tuple[Quantity, Quantity]  # (source, target)


@dataclass(frozen=True)
class NumberPairs:
    comparison: NumberComparison
    missing: tuple[Quantity, ...]  # source numbers with no counterpart that no conversion explains
    added: tuple[Quantity, ...]  # target numbers likewise
    replaced: Pair | None  # the only one missing and the only one added, of a kind: a wrong number

    def instead(self, context: CheckContext) -> list[Pair]:
        """The pairs TC202 reports as what the target says instead (a lost magnitude only without TC204)."""
        pairs = list(self.comparison.mismatches)
        if self.replaced is not None:
            pairs.append(self.replaced)
        if not context.runs("TC204"):
            pairs += self.comparison.slips
        return sorted(pairs, key=lambda pair: pair[0].start)

    def added_in(self, context: CheckContext) -> list[Quantity]:
        """The target numbers TC203 reports: the added ones, and what the target says instead where TC202
        (or, for a lost magnitude, TC204) does not run to report it."""
        if context.runs("TC202"):
            return list(self.added)
        return sorted([*self.added, *(said for _, said in self.instead(context))], key=lambda q: q.start)


_NONE = NumberPairs(NumberComparison(), (), (), None)


def number_pairs(source: str | None, target: str) -> NumberPairs:
    return _pairs(source, target) if source is not None else _NONE


@lru_cache(maxsize=256)  # TC202 and TC203 ask about the same segment in turn
def _pairs(source: str, target: str) -> NumberPairs:
    comparison = compare_numbers(source, target)
    if not comparison.missing and not comparison.added:
        return NumberPairs(comparison, (), (), None)
    converted_source, converted_target = conversions(source, target)
    missing = [q for q in comparison.missing if q.start not in converted_source]
    added = [q for q in comparison.added if q.start not in converted_target]
    replaced = (missing[0], added[0]) if len(missing) == len(added) == 1 else None
    if replaced is None or not _one_number(*replaced):
        return NumberPairs(comparison, tuple(missing), tuple(added), None)
    return NumberPairs(comparison, (), (), replaced)


def _one_number(wanted: Quantity, said: Quantity) -> bool:
    """Whether a source number and a target number may be one number said wrong: of one kind, not a code,
    and both years or neither (a count dropped and a year added are two errors)."""
    if wanted.kind in (CODE, PHONE) or said.kind in (CODE, PHONE):
        return False
    return wanted.readings()[0][0] == said.readings()[0][0] and is_year(wanted) == is_year(said)
