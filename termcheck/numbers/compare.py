"""Pair the numbers of a source and its translation; what is left over is missing, added or a slip."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from termcheck.numbers.chinese import chinese_quantities
from termcheck.numbers.english import english_quantities
from termcheck.numbers.quantity import Quantity, magnitude_slip


@dataclass(frozen=True)
class NumberComparison:
    missing: list[Quantity] = field(default_factory=list)  # source numbers with no counterpart
    added: list[Quantity] = field(default_factory=list)  # target numbers with no counterpart
    slips: list[tuple[Quantity, Quantity]] = field(default_factory=list)  # (source, target), a power of ten apart


def _pair(sources: list[Quantity], targets: list[Quantity]) -> tuple[list[Quantity], list[Quantity]]:
    left = list(targets)
    unpaired: list[Quantity] = []
    for wanted in sorted(sources, key=lambda q: not q.strong):  # strong numbers choose first
        for index, candidate in enumerate(left):
            if wanted.same_value(candidate):
                del left[index]
                break
        else:
            unpaired.append(wanted)
    return unpaired, left


def compare_segment(source: str | None, target: str) -> NumberComparison:
    """The comparison for a segment; nothing to compare without a source."""
    return compare_numbers(source, target) if source is not None else NumberComparison()


@lru_cache(maxsize=256)  # the three number checks ask about the same segment in turn
def compare_numbers(source: str, target: str) -> NumberComparison:
    targets = english_quantities(target)
    unpaired, left = _pair(chinese_quantities(source), targets)
    slips: list[tuple[Quantity, Quantity]] = []
    for wanted in [q for q in unpaired if q.strong]:
        for candidate in left:
            if magnitude_slip(wanted, candidate):
                slips.append((wanted, candidate))
                unpaired.remove(wanted)
                left.remove(candidate)
                break
    return NumberComparison(
        # a number the source repeats is there if the target says it once ("the top and bottom 20%")
        missing=[q for q in unpaired if q.strong and not any(q.same_value(t) for t in targets)],
        added=[q for q in left if q.strong],
        slips=slips,
    )
