"""Indexes over a segment's numbers that find "the first one, in text order, that…" without scanning them all.

Pairing a line of thousands of numbers by comparing each source number with every target number takes
minutes; these keep it linear in the numbers (docs/robustness.md).
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Collection, Hashable, Iterable, Iterator
from typing import Generic, TypeVar

from termcheck.numbers.quantity import Quantity, Reading

Key = TypeVar("Key", bound=Hashable)


class Queues(Generic[Key]):
    """Positions by key, each in the order added (ascending); the first of them not yet taken."""

    def __init__(self) -> None:
        self._at: dict[Key, list[int]] = {}
        self._cursor: dict[Key, int] = {}  # positions before it are taken: taken ones are never given back

    def add(self, key: Key, position: int) -> None:
        self._at.setdefault(key, []).append(position)

    def __contains__(self, key: object) -> bool:
        return key in self._at

    def __iter__(self) -> Iterator[Key]:
        return iter(self._at)

    def untaken(self, key: Key, taken: Collection[int]) -> Iterator[int]:
        """The positions of `key` not in `taken`, in order."""
        at = self._at.get(key, [])
        cursor = self._cursor.get(key, 0)
        while cursor < len(at) and at[cursor] in taken:
            cursor += 1
        self._cursor[key] = cursor
        return (at[i] for i in range(cursor, len(at)) if at[i] not in taken)

    def first(self, key: Key, taken: Collection[int]) -> int | None:
        return next(self.untaken(key, taken), None)


class SameValue:
    """Quantities by their readings: which of them `Quantity.same_value` pairs with a given one.

    Two quantities have the same value when a reading of each has the same kind and close values
    (math.isclose, 1e-9). Exact readings are dictionary keys; the close ones are found by bisecting
    each kind's sorted values within a margin wider than that tolerance, then tested with isclose."""

    def __init__(self, quantities: Iterable[tuple[int, Quantity]]) -> None:
        self._queues: Queues[Reading] = Queues()
        for position, quantity in quantities:
            for reading in dict.fromkeys(quantity.readings()):
                self._queues.add(reading, position)
        self._values: dict[str, list[float]] | None = None

    def _sorted_values(self, kind: str) -> list[float]:
        if self._values is None:
            self._values = {}
            for kind_, value in self._queues:
                if math.isfinite(value):
                    self._values.setdefault(kind_, []).append(value)
            for values in self._values.values():
                values.sort()
        return self._values.get(kind, [])

    def _keys(self, quantity: Quantity) -> Iterator[Reading]:
        """The indexed readings that a reading of `quantity` is close to."""
        for kind, value in quantity.readings():
            if math.isinf(value):  # isclose: an infinity is close only to itself
                if (kind, value) in self._queues:
                    yield kind, value
                continue
            if math.isnan(value):
                continue
            values = self._sorted_values(kind)
            margin = 2e-9 * max(abs(value), 1.0)  # at least math.isclose's tolerance, either way round
            at = bisect_left(values, value - margin)
            while at < len(values) and values[at] <= value + margin:
                if math.isclose(value, values[at], rel_tol=1e-9, abs_tol=1e-9):
                    yield kind, values[at]
                at += 1

    def holds(self, quantity: Quantity) -> bool:
        """Whether any indexed quantity has the same value."""
        return next(self._keys(quantity), None) is not None

    def first(self, quantity: Quantity, taken: Collection[int]) -> int | None:
        """The first position not in `taken` whose quantity has the same value."""
        found = (self._queues.first(key, taken) for key in self._keys(quantity))
        return min((position for position in found if position is not None), default=None)
