"""Indexes over a segment's numbers that find "the first one, in text order, that…" without scanning them all.

Pairing a line of thousands of numbers by comparing each source number with every target number takes
minutes; these keep it linear in the numbers (docs/robustness.md).
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Collection, Hashable, Iterable, Iterator, Sequence
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
    each kind's sorted values within a margin wider than that tolerance, then tested with isclose. A
    few quantities (most segments have one to three numbers) are simply compared one by one."""

    FEW = 8

    def __init__(self, quantities: Iterable[tuple[int, Quantity]]) -> None:
        self._quantities = list(quantities)  # in ascending position
        self._queues: Queues[Reading] | None = None
        self._values: dict[str, list[float]] = {}  # each kind's readings, sorted

    def __bool__(self) -> bool:
        return bool(self._quantities)

    def _index(self) -> Queues[Reading]:
        if self._queues is None:
            self._queues = Queues()
            for position, quantity in self._quantities:
                readings = quantity.readings()
                for reading in readings if len(readings) == 1 else dict.fromkeys(readings):
                    self._queues.add(reading, position)
            for kind, value in self._queues:
                if math.isfinite(value):
                    self._values.setdefault(kind, []).append(value)
            for values in self._values.values():
                values.sort()
        return self._queues

    def _keys(self, quantity: Quantity) -> list[Reading]:
        """The indexed readings that a reading of `quantity` is close to."""
        queues = self._index()
        keys = []
        for kind, value in quantity.readings():
            if not math.isfinite(value):  # isclose: an infinity is close only to itself, NaN to nothing
                if math.isinf(value) and (kind, value) in queues:
                    keys.append((kind, value))
                continue
            values = self._values.get(kind, [])
            margin = 2e-9 * max(abs(value), 1.0)  # at least math.isclose's tolerance, either way round
            at = bisect_left(values, value - margin)
            while at < len(values) and values[at] <= value + margin:
                if math.isclose(value, values[at], rel_tol=1e-9, abs_tol=1e-9):
                    keys.append((kind, values[at]))
                at += 1
        return keys

    def holds(self, quantity: Quantity) -> bool:
        """Whether any indexed quantity has the same value."""
        if len(self._quantities) <= self.FEW:
            return any(quantity.same_value(other) for _, other in self._quantities)
        return bool(self._keys(quantity))

    def first(self, quantity: Quantity, taken: Collection[int]) -> int | None:
        """The first position not in `taken` whose quantity has the same value."""
        if len(self._quantities) <= self.FEW:
            return next(
                (i for i, other in self._quantities if i not in taken and quantity.same_value(other)),
                None,
            )
        best = None
        for key in self._keys(quantity):
            position = self._index().first(key, taken)
            if position is not None and (best is None or position < best):
                best = position
        return best


class Counterparts:
    """A target's numbers for its source's to pair with: the first of the same value, a strong one before a
    weak one."""

    def __init__(self, targets: Sequence[Quantity]) -> None:
        self._strong = SameValue((i, q) for i, q in enumerate(targets) if q.strong)
        self._weak = SameValue((i, q) for i, q in enumerate(targets) if not q.strong)

    def first(self, quantity: Quantity, taken: Collection[int]) -> int | None:
        """The position of the first not in `taken`."""
        found = self._strong.first(quantity, taken)
        return self._weak.first(quantity, taken) if found is None else found

    def holds(self, quantity: Quantity) -> bool:
        """Whether any, taken or not, has the value of `quantity`."""
        return self._strong.holds(quantity) or self._weak.holds(quantity)
