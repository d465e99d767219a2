"""Which of a target's measures state a source measure: in its unit with its number, or converted into
another unit (100平方米 as "1,076 square feet").

A line of thousands of measures is not compared pair by pair: the target's measures are read once into
indexes keyed by what must be equal (the unit; for a conversion also the rounding the figure allows) and
sorted by value, and a source measure is compared only with those whose value lies within what its
converted value allows. Measures that read alike (one value, unit, rounding) are one reading, compared once.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from termcheck.measures.reading import Measure, agrees, chinese_measures, english_measures, tolerance
from termcheck.measures.units import Unit

# What a source measure is compared by, and a target measure (`agrees` reads no more of either).
SourceKey = tuple[float, tuple[str, ...]]
TargetKey = tuple[float, tuple[str, ...], int, bool]


def source_key(measure: Measure) -> SourceKey:
    return measure.value, tuple(u.id for u in measure.units)


def _target_key(measure: Measure) -> TargetKey:
    return measure.value, tuple(u.id for u in measure.units), measure.places, measure.hedged


@dataclass
class _Sorted:
    """Readings (their numbers in `TargetMeasures.readings`) in ascending value."""

    values: list[float] = field(default_factory=list)
    readings: list[int] = field(default_factory=list)
    odd: list[int] = field(default_factory=list)  # values that are not finite, compared one by one

    def add(self, value: float, reading: int) -> None:
        if math.isfinite(value):
            self.values.append(value)
            self.readings.append(reading)
        else:
            self.odd.append(reading)

    def sort(self) -> None:
        order = sorted(range(len(self.values)), key=self.values.__getitem__)
        self.values = [self.values[i] for i in order]
        self.readings = [self.readings[i] for i in order]

    def near(self, value: float, margin: float) -> Iterator[int]:
        """The readings within `margin` of `value` (a finite one), and the odd ones."""
        low = bisect_left(self.values, value - margin)
        high = bisect_right(self.values, value + margin)
        yield from self.readings[low:high]
        yield from self.odd

    def every(self) -> Iterator[int]:
        yield from self.readings
        yield from self.odd


class TargetMeasures:
    """A target's measures, read for the source measures to find theirs among."""

    def __init__(self, measures: Sequence[Measure]) -> None:
        self.measures = measures
        # each reading (measures alike): one of its measures, to compare, and the positions of all of them
        self.readings: list[Measure] = []
        self.positions: list[list[int]] = []
        numbered: dict[TargetKey, int] = {}
        for position, measure in enumerate(measures):
            key = _target_key(measure)
            if key not in numbered:
                numbered[key] = len(self.readings)
                self.readings.append(measure)
                self.positions.append([])
            self.positions[numbered[key]].append(position)
        self._by_unit: dict[str, _Sorted] = {}  # readings in each unit
        # readings in each dimension, by unit and by the rounding (tolerance) their figure allows
        self._by_rounding: dict[str, dict[tuple[Unit, float], _Sorted]] = {}
        for reading, measure in enumerate(self.readings):
            allowed = tolerance(measure)
            for unit in measure.units:
                self._by_unit.setdefault(unit.id, _Sorted()).add(measure.value, reading)
                rounding = self._by_rounding.setdefault(unit.dimension, {})
                rounding.setdefault((unit, allowed), _Sorted()).add(measure.value, reading)
        for readings in self._by_unit.values():
            readings.sort()
        for by_rounding in self._by_rounding.values():
            for readings in by_rounding.values():
                readings.sort()

    def same(self, source: Measure) -> set[int]:
        """The readings that share a unit with `source` and have its number (math.isclose)."""
        found: set[int] = set()
        margin = 2e-9 * abs(source.value)  # wider than isclose's 1e-9 of the larger value
        for unit in source.units:
            readings = self._by_unit.get(unit.id)
            if readings is None:
                continue
            near = readings.near(source.value, margin) if math.isfinite(source.value) else readings.every()
            found.update(r for r in near if math.isclose(self.readings[r].value, source.value))
        return found

    def converted(self, source: Measure) -> set[int]:
        """The readings in units `source` does not share whose number is its quantity converted (`agrees`)."""
        found: set[int] = set()
        own = {unit.id for unit in source.units}
        for source_unit in source.units:
            for (unit, allowed), readings in self._by_rounding.get(source_unit.dimension, {}).items():
                if unit.id in own:
                    continue
                for reading in self._candidates(source.value, source_unit, unit, allowed, readings):
                    said = self.readings[reading]
                    if reading in found or any(u.id in own for u in said.units):
                        continue
                    if agrees(source, source_unit, said, unit):
                        found.add(reading)
        return found

    @staticmethod
    def _candidates(value: float, source_unit: Unit, unit: Unit, allowed: float, readings: _Sorted) -> Iterator[int]:
        """The readings whose number may agree with `value` in `source_unit` converted into `unit`: those
        within the widest distance `agrees` accepts, for figures rounded as `allowed` says."""
        expected = [(value * source_unit.factor + source_unit.offset - unit.offset) / unit.factor]
        if source_unit.dimension == "temperature":
            expected.append(value * source_unit.factor / unit.factor)  # a difference of temperatures
        for converted in expected:
            if not math.isfinite(converted):
                yield from readings.every()
                continue
            size = abs(converted)
            relative = 0.05 if source_unit.dimension == "digital" else 0.02
            # isclose within `relative` of the larger of two numbers is within relative / (1 - relative) of
            # the converted one; else a rounded figure: within `allowed` (and 10%, or 0.06 more for temperatures)
            rounded = allowed + 0.06 if source_unit.dimension == "temperature" else min(allowed, 0.1 * size)
            margin = max(size * relative / (1 - relative), 1e-9, rounded)
            yield from readings.near(converted, margin * 1.01 + 1e-9)


@lru_cache(maxsize=256)  # TC202, TC203 and TC215 ask about the same segment in turn
def conversions(source: str, target: str) -> tuple[frozenset[int], frozenset[int]]:
    """Where the source's and the target's numbers are one quantity in two units (100平方米 and "1,076
    square feet"): their start offsets, which the number checks then do not report missing or added."""
    sources = chinese_measures(source)
    targets = TargetMeasures(english_measures(target) if sources else ())
    source_starts: set[int] = set()
    target_starts: set[int] = set()
    found: dict[SourceKey, set[int]] = {}
    marked: set[int] = set()
    for wanted in sources:
        key = source_key(wanted)
        if key not in found:
            found[key] = targets.converted(wanted)
            for reading in found[key] - marked:
                target_starts.update(targets.measures[i].start for i in targets.positions[reading])
            marked |= found[key]
        if found[key]:
            source_starts.add(wanted.start)
    return frozenset(source_starts), frozenset(target_starts)


def _magnitude(value: float) -> float:
    return math.log(abs(value) + 1)


class NearestInOtherUnits:
    """Some of a target's measures (those `kept`), for a source measure to find the one of its dimension in
    units it does not share whose number is nearest its own in order of magnitude (the first such in the
    text where several are): by dimension and units, each in order of magnitude."""

    def __init__(self, targets: TargetMeasures, kept: set[int]) -> None:
        self._targets = targets
        self._kept = kept
        # (magnitudes ascending, the first position of each) by dimension and unit ids
        self._groups: dict[str, dict[frozenset[str], tuple[list[float], list[int]]]] = {}
        firsts: dict[str, dict[frozenset[str], dict[float, int]]] = {}
        self._exact = True  # a magnitude that is not a number cannot be ordered: compare one by one
        for reading in sorted(kept):
            measure = targets.readings[reading]
            magnitude = _magnitude(measure.value)
            self._exact = self._exact and not math.isnan(magnitude)
            units = frozenset(u.id for u in measure.units)
            first = firsts.setdefault(measure.dimension, {}).setdefault(units, {})
            first[magnitude] = min(first.get(magnitude, len(targets.measures)), targets.positions[reading][0])
        for dimension, groups in firsts.items():
            self._groups[dimension] = {
                units: (sorted(first), [first[m] for m in sorted(first)]) for units, first in groups.items()
            }

    def of(self, source: Measure) -> int | None:
        """The position of the nearest, or None if none is kept."""
        own = {u.id for u in source.units}
        magnitude = _magnitude(source.value)
        if not (self._exact and math.isfinite(magnitude)):
            return self._one_by_one(source, own)
        best: tuple[float, int] | None = None
        for units, (magnitudes, firsts) in self._groups.get(source.dimension, {}).items():
            if units & own:
                continue
            at = bisect_left(magnitudes, magnitude)
            # distances grow away from `at` either way: the nearest below and above, and any as near as they
            for step, i in ((-1, at - 1), (1, at)):
                if not 0 <= i < len(magnitudes):
                    continue
                distance = abs(magnitudes[i] - magnitude)
                while 0 <= i < len(magnitudes) and abs(magnitudes[i] - magnitude) == distance:
                    best = min(best or (distance, firsts[i]), (distance, firsts[i]))
                    i += step
        return None if best is None else best[1]

    def _one_by_one(self, source: Measure, own: set[str]) -> int | None:
        measures = self._targets.measures
        positions = sorted(
            position
            for reading in self._kept
            if self._targets.readings[reading].dimension == source.dimension
            and not own & {u.id for u in self._targets.readings[reading].units}
            for position in self._targets.positions[reading]
        )
        if not positions:
            return None
        return min(positions, key=lambda i: abs(_magnitude(measures[i].value) - _magnitude(source.value)))
