"""Which of a target's measures state a source measure: in its unit with its number, or converted into
another unit (100平方米 as "1,076 square feet").

A line of thousands of measures is not compared pair by pair: the target's measures are read once into
indexes keyed by what must be equal (the unit; for a conversion also the rounding the figure allows) and
sorted by value, and a source measure is compared only with those whose value lies within what its
converted value allows. Measures that read alike (one value, unit, rounding) are one reading, compared once.
A reading found to state some source measure is marked, and later lookups pass over the marked ones: in a
table of thousands of conversions, hundreds of readings lie within 2% of each value.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
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


Related = Callable[[int], bool]  # whether a reading (by its number) states the source measure asked about


class _Sorted:
    """Readings (their numbers in `TargetMeasures.readings`) in ascending value, for the ones within a
    distance of a value; those already marked as stating some source measure are skipped over in a lookup
    of the unmarked (each is passed over once: `_skip` points past runs of marked ones)."""

    def __init__(self, pairs: list[tuple[float, int]]) -> None:
        finite = sorted((value, reading) for value, reading in pairs if math.isfinite(value))
        self.values = [value for value, _ in finite]
        self.readings = [reading for _, reading in finite]
        self.odd = [reading for value, reading in pairs if not math.isfinite(value)]  # compared one by one
        self._skip = list(range(len(self.readings) + 1))

    def span(self, value: float, margin: float) -> tuple[int, int]:
        """The index range of the values within `margin` of `value`; every value if `value` is not finite."""
        if not math.isfinite(value):
            return 0, len(self.values)
        return bisect_left(self.values, value - margin), bisect_right(self.values, value + margin)

    def unmarked(self, low: int, high: int, marked: set[int]) -> Iterator[int]:
        """The readings of the range, and the odd ones, not in `marked` (which only grows)."""
        at = self._next_unmarked(low, marked)
        while at < high:
            yield self.readings[at]
            at = self._next_unmarked(at + 1, marked)
        yield from (reading for reading in self.odd if reading not in marked)

    def marked(self, low: int, high: int, marked: set[int]) -> Iterator[int]:
        yield from (reading for reading in self.readings[low:high] if reading in marked)
        yield from (reading for reading in self.odd if reading in marked)

    def _next_unmarked(self, at: int, marked: set[int]) -> int:
        end = at
        while end < len(self.readings) and self.readings[end] in marked:
            end = max(self._skip[end], end + 1)
        while at < end:  # all marked up to `end`: point them there
            following = max(self._skip[at], at + 1)
            self._skip[at] = end
            at = following
        return end


class TargetMeasures:
    """A target's measures, read for source measures to find theirs among. Each lookup marks every reading
    that states the source measure (`marked`: what the target's numbers account for)."""

    def __init__(self, measures: Sequence[Measure]) -> None:
        self.measures = measures
        # each reading (measures alike): one of its measures, to compare, and the positions of all of them
        self.readings: list[Measure] = []
        self.positions: list[list[int]] = []
        self.marked: set[int] = set()
        numbered: dict[TargetKey, int] = {}
        for position, measure in enumerate(measures):
            key = _target_key(measure)
            if key not in numbered:
                numbered[key] = len(self.readings)
                self.readings.append(measure)
                self.positions.append([])
            self.positions[numbered[key]].append(position)
        by_unit: dict[str, list[tuple[float, int]]] = {}
        by_rounding: dict[str, dict[tuple[Unit, float], list[tuple[float, int]]]] = {}
        for reading, measure in enumerate(self.readings):
            allowed = tolerance(measure)
            for unit in measure.units:
                by_unit.setdefault(unit.id, []).append((measure.value, reading))
                rounding = by_rounding.setdefault(unit.dimension, {})
                rounding.setdefault((unit, allowed), []).append((measure.value, reading))
        self._by_unit = {unit: _Sorted(pairs) for unit, pairs in by_unit.items()}  # readings in each unit
        # readings in each dimension, by unit and by the rounding (tolerance) their figure allows
        self._by_rounding = {
            dimension: {bucket: _Sorted(pairs) for bucket, pairs in buckets.items()}
            for dimension, buckets in by_rounding.items()
        }

    def same(self, source: Measure, accept: Callable[[Measure], bool] = lambda _: True) -> bool:
        """Whether a reading (that `accept`s) shares a unit with `source` and has its number (math.isclose)."""
        margin = 2e-9 * abs(source.value)  # wider than isclose's 1e-9 of the larger value

        def related(reading: int) -> bool:
            said = self.readings[reading]
            return accept(said) and math.isclose(said.value, source.value)

        lookups = [
            (readings, *readings.span(source.value, margin), related)
            for unit in source.units
            if (readings := self._by_unit.get(unit.id)) is not None
        ]
        return self._find(lookups)

    def converted(self, source: Measure, accept: Callable[[Measure], bool] = lambda _: True) -> bool:
        """Whether a reading (that `accept`s) in units `source` does not share has its quantity converted
        (`agrees`)."""
        own = {unit.id for unit in source.units}
        lookups: list[tuple[_Sorted, int, int, Related]] = []
        for source_unit in source.units:
            for (unit, allowed), readings in self._by_rounding.get(source_unit.dimension, {}).items():
                if unit.id in own:
                    continue

                def related(reading: int, source_unit: Unit = source_unit, unit: Unit = unit) -> bool:
                    said = self.readings[reading]
                    shares = any(u.id in own for u in said.units)
                    return not shares and accept(said) and agrees(source, source_unit, said, unit)

                for value, margin in _windows(source.value, source_unit, unit, allowed):
                    lookups.append((readings, *readings.span(value, margin), related))
        return self._find(lookups)

    def _find(self, lookups: Sequence[tuple[_Sorted, int, int, Related]]) -> bool:
        """Marks the unmarked readings of the ranges that are related; whether any reading of them is."""
        found = False
        for readings, low, high, related in lookups:
            for reading in readings.unmarked(low, high, self.marked):
                if related(reading):
                    self.marked.add(reading)
                    found = True
        return found or any(
            related(reading)
            for readings, low, high, related in lookups
            for reading in readings.marked(low, high, self.marked)
        )


def _windows(value: float, source_unit: Unit, unit: Unit, allowed: float) -> list[tuple[float, float]]:
    """Where numbers that may agree with `value` in `source_unit` converted into `unit` lie: the converted
    value and the widest distance from it that `agrees` accepts, for figures rounded as `allowed` says."""
    expected = [(value * source_unit.factor + source_unit.offset - unit.offset) / unit.factor]
    if source_unit.dimension == "temperature":
        expected.append(value * source_unit.factor / unit.factor)  # a difference of temperatures
    relative = 0.05 if source_unit.dimension == "digital" else 0.02
    windows = []
    for converted in expected:
        size = abs(converted)
        # isclose within `relative` of the larger of two numbers is within relative / (1 - relative) of the
        # converted one; else a rounded figure: within `allowed` (and 10%, or 0.06 more for temperatures)
        rounded = allowed + 0.06 if source_unit.dimension == "temperature" else min(allowed, 0.1 * size)
        margin = max(size * relative / (1 - relative), 1e-9, rounded)
        windows.append((converted, margin * 1.01 + 1e-9))
    return windows


@lru_cache(maxsize=256)  # TC202, TC203 and TC215 ask about the same segment in turn
def conversions(source: str, target: str) -> tuple[frozenset[int], frozenset[int]]:
    """Where the source's and the target's numbers are one quantity in two units (100平方米 and "1,076
    square feet"): their start offsets, which the number checks then do not report missing or added."""
    sources = chinese_measures(source)
    targets = TargetMeasures(english_measures(target) if sources else ())
    stated: dict[SourceKey, bool] = {}
    source_starts: set[int] = set()
    for wanted in sources:
        key = source_key(wanted)
        if key not in stated:
            stated[key] = targets.converted(wanted)
        if stated[key]:
            source_starts.add(wanted.start)
    target_starts = {targets.measures[i].start for reading in targets.marked for i in targets.positions[reading]}
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
