"""What a matcher reports, and the leftmost-longest rule both matchers share."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from termcheck.glossary.model import Term


@dataclass(frozen=True, slots=True)
class TermRef:
    concept: str
    term: Term


class TermHit(NamedTuple):
    """A span of text matched by one or more glossary terms (several when terms collide).

    A named tuple rather than a frozen dataclass: ten or so are made per segment, and a tuple is
    made several times faster."""

    start: int
    end: int
    text: str
    refs: tuple[TermRef, ...]


def concept_counts(hits: Iterable[TermHit]) -> Counter[str]:
    """How many hits each concept has; a hit shared by two terms of one concept counts once. The concepts
    come in the order of their first hit, and a hit's in glossary order (its refs'): checks go through them
    in this order, so a set here would make the findings depend on PYTHONHASHSEED."""
    return Counter(concept for hit in hits for concept in dict.fromkeys(r.concept for r in hit.refs))


def leftmost_longest(
    candidates: Iterable[tuple[int, int, tuple[TermRef, ...]]],
) -> list[tuple[int, int, tuple[TermRef, ...]]]:
    """Pick non-overlapping spans: at each position the longest candidate starting there wins.

    Deterministic whatever the input order: ties are broken by the candidates' own order after sorting.
    """
    chosen: list[tuple[int, int, tuple[TermRef, ...]]] = []
    last_end = -1
    for start, end, refs in sorted(candidates, key=lambda c: (c[0], -c[1])):
        if start >= last_end:
            chosen.append((start, end, refs))
            last_end = end
    return chosen
