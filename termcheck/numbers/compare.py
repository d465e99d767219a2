"""Pair the numbers of a source and its translation; what is left over is missing, added or a slip."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

import ahocorasick

from termcheck.numbers.chinese import chinese_quantities
from termcheck.numbers.codes import PHONE, canonical_digits, digit_runs, phone_key
from termcheck.numbers.english import english_quantities
from termcheck.numbers.lookup import Counterparts, Queues, SameValue
from termcheck.numbers.quantity import (
    CODE,
    DAY,
    DECADE,
    FRACTION,
    MONTH,
    NUMBER,
    ORDER,
    QUARTER,
    TIME,
    WEEKDAY,
    Quantity,
    magnitude_slip,
    significant_digits,
)

_DIGIT_RUN = re.compile(r"\d+")
_RELATIVE_YEAR = re.compile(
    "去年|今年|明年|前年|后年|後年|年内|年內|本年|同年|当年|當年|年初|年底|年末|上半年|下半年|全年|上年|翌年|次年"
)


_THE_YEAR = re.compile(r"\b(?:the|this|that|last|next|same)\s+year\b|\byear[- ]end\b", re.IGNORECASE)


def is_year(quantity: Quantity) -> bool:
    return quantity.kind == NUMBER and 1900 <= quantity.value <= 2100 and quantity.text[:4].isdigit()


@dataclass(frozen=True)
class NumberComparison:
    missing: list[Quantity] = field(default_factory=list)  # source numbers with no counterpart
    added: list[Quantity] = field(default_factory=list)  # target numbers with no counterpart
    slips: list[tuple[Quantity, Quantity]] = field(default_factory=list)  # (source, target), a power of ten apart
    # (source, target) of one kind that is not a plain number, with different values: 上午10点 and "10 p.m.",
    # 星期三 and "Thursday", 第一季度 and "second quarter", 三分之一 and "a quarter", 数十 and "hundreds"
    mismatches: list[tuple[Quantity, Quantity]] = field(default_factory=list)


def _pair(
    sources: list[Quantity], targets: list[Quantity], counterparts: Counterparts
) -> tuple[list[Quantity], list[Quantity]]:
    """Each source number, strong ones first, takes the first target number of the same value left, a strong
    one before a weak one: 壹佰元 is the "100", not the "century" of "21st century". The unpaired source
    numbers in that order, and the target numbers left in theirs."""
    taken: set[int] = set()
    unpaired: list[Quantity] = []
    for wanted in sorted(sources, key=lambda q: not q.strong):
        index = counterparts.first(wanted, taken)
        if index is None:
            unpaired.append(wanted)
        else:
            taken.add(index)
    return unpaired, [q for i, q in enumerate(targets) if i not in taken]


def _slips(unpaired: list[Quantity], left: list[Quantity]) -> list[tuple[Quantity, Quantity]]:
    """Each strong unpaired source number and the first target number left that is a power of ten apart
    (magnitude_slip); each pair leaves `unpaired` and `left`. Only a target number with the same significant
    digits can be one, and only a scaled one (1.2 million) for an unscaled source number (12)."""
    if not any(q.strong and q.kind == NUMBER and q.value > 0 for q in unpaired):
        return []
    every: Queues[str] = Queues()
    scaled: Queues[str] = Queues()
    for i, q in enumerate(left):
        if q.kind == NUMBER and q.value > 0:
            every.add(significant_digits(q.value), i)
            if q.mantissa is not None:
                scaled.add(significant_digits(q.value), i)
    slips: list[tuple[Quantity, Quantity]] = []
    slipped: set[int] = set()
    taken: set[int] = set()
    for position, wanted in enumerate(unpaired):
        if not (wanted.strong and wanted.kind == NUMBER and wanted.value > 0):
            continue
        candidates = (every if wanted.mantissa is not None else scaled).untaken(significant_digits(wanted.value), taken)
        index = next((i for i in candidates if magnitude_slip(wanted, left[i])), None)
        if index is not None:
            slips.append((wanted, left[index]))
            slipped.add(position)
            taken.add(index)
    unpaired[:] = [q for i, q in enumerate(unpaired) if i not in slipped]
    left[:] = [q for i, q in enumerate(left) if i not in taken]
    return slips


def _not_in_source(left: list[Quantity], sources: Sequence[Quantity]) -> list[Quantity]:
    """The strong target numbers left with no number of the same value in the source."""
    strong = [q for q in left if q.strong]
    if not strong:
        return []
    said = SameValue(enumerate(sources))
    return [q for q in strong if not said.holds(q)]


def compare_segment(source: str | None, target: str) -> NumberComparison:
    """The comparison for a segment; nothing to compare without a source."""
    return compare_numbers(source, target) if source is not None else NumberComparison()


def _codes_present(codes: list[Quantity], target: str, targets: Sequence[Quantity]) -> tuple[list[Quantity], set[int]]:
    """The source codes the target lacks, and the target numbers that the present ones account for.

    A code written the same in the target (5G, COVID-19) is present and accounts for nothing else. Otherwise
    it is present when every run of its digits is in the target, as digits or as a number (Win11 in "Windows
    11", 500Mbps in "500 Mbps"), and accounts for one target number per run; a phone number is present when
    the same digits are, however grouped and with or without +86."""
    if not codes:
        return [], set()
    said = _Target(target, targets, [code.text for code in codes if code.kind != PHONE])
    missing: list[Quantity] = []
    used: set[int] = set()
    for code in codes:
        if code.kind == PHONE:
            if not said.phones.matches(phone_key(code.text)):
                missing.append(code)
            continue
        written = said.find(code.text)
        if written != -1:  # the same code: what the target reads inside it (1860s, a decade) is the code's
            used.update(said.overlaps.of(written, written + len(code.text)))
            continue
        wanted = digit_runs(code.text)
        if not all(run in said.runs for run in wanted):
            missing.append(code)
            continue
        for run in wanted:
            index = said.numbers.first(float(run), used)
            if index is not None:
                used.add(index)
    return missing, used


class _Target:
    """A target as source codes are looked for in it: each view read at its first need, once."""

    FEW = 8  # codes looked for one by one; more in one pass over the target

    def __init__(self, text: str, quantities: Sequence[Quantity], codes: Sequence[str]) -> None:
        self.text = text
        self.quantities = quantities
        self._codes = {code.casefold() for code in codes}
        self._places: dict[str, int] = {}

    @cached_property
    def _folded(self) -> str:
        return self.text.casefold()

    def find(self, code: str) -> int:
        """Where `code` (one of the codes given) is first written, in any case; -1 if nowhere."""
        folded = code.casefold()
        if len(self._codes) > self.FEW:
            return self._first_places.get(folded, -1)
        if folded not in self._places:
            self._places[folded] = self._folded.find(folded)
        return self._places[folded]

    @cached_property
    def _first_places(self) -> dict[str, int]:
        """Where each code is first written: a line with thousands of codes is not read once for each."""
        automaton = ahocorasick.Automaton()
        for code in self._codes:
            automaton.add_word(code, code)
        automaton.make_automaton()
        first: dict[str, int] = {}
        for end, code in automaton.iter(self._folded):  # by where they end: a code's first is its first start
            if code not in first:
                first[code] = end - len(code) + 1
                if len(first) == len(self._codes):
                    break
        return first

    @cached_property
    def runs(self) -> set[str]:
        """Digits, or numbers and months in any form: 2023.2.10 is "February 10, 2023" (as digit_runs gives them)."""
        return {canonical_digits(run) for run in _DIGIT_RUN.findall(self.text)} | {
            _integer_digits(q.value) for q in self.quantities if q.kind in (NUMBER, MONTH)
        }

    @cached_property
    def phones(self) -> _Phones:
        return _Phones(
            {phone_key(q.text) for q in self.quantities if q.kind == PHONE}
            | {run.lstrip("0") for run in _DIGIT_RUN.findall(self.text) if len(run) >= 7}
        )

    @cached_property
    def overlaps(self) -> _Overlaps:
        return _Overlaps(self.quantities)

    @cached_property
    def numbers(self) -> Queues[float]:
        """The numbers and months by value."""
        numbers: Queues[float] = Queues()
        for i, q in enumerate(self.quantities):
            if q.kind in (NUMBER, MONTH):
                numbers.add(q.value, i)
        return numbers


class _Phones:
    """The digits of phone numbers (seven or more): is another the same number, written with more or fewer
    of its leading digits (a trunk or country code)?"""

    def __init__(self, keys: set[str]) -> None:
        self._keys = {key for key in keys if len(key) >= 7}
        self._ends: dict[int, set[str]] = {}  # the last n digits of every key, by n

    def matches(self, key: str) -> bool:
        if any(key[-n:] in self._keys for n in range(7, len(key) + 1)):  # `key` ends with a known one
            return True
        if not key:
            return bool(self._keys)
        if len(key) not in self._ends:
            self._ends[len(key)] = {known[-len(key) :] for known in self._keys if len(known) >= len(key)}
        return key in self._ends[len(key)]  # a known one ends with `key`


class _Overlaps:
    """Which quantities overlap a span of their text."""

    def __init__(self, quantities: Sequence[Quantity]) -> None:
        self._quantities = quantities
        self._by_start = sorted(range(len(quantities)), key=lambda i: quantities[i].start)
        self._starts = [quantities[i].start for i in self._by_start]
        self._longest = max((q.end - q.start for q in quantities), default=0)

    def of(self, start: int, end: int) -> list[int]:
        found = []
        # one that ends after `start` starts after start - longest
        for at in range(bisect_left(self._starts, start - self._longest), len(self._starts)):
            if self._starts[at] >= end:
                break
            i = self._by_start[at]
            if self._quantities[i].start < end and start < self._quantities[i].end:
                found.append(i)
        return found


def _outside_target_codes(missing: list[Quantity], codes: Sequence[Quantity]) -> list[Quantity]:
    """The missing numbers less those written inside a code of the target: 纳斯达克100指数 is the NASDAQ-100,
    图2 is Fig.2."""
    runs = {run for q in codes for run in digit_runs(q.text)}
    return [
        q
        for q in missing
        if q.kind not in (NUMBER, DAY) or not (q.value == int(q.value) and _integer_digits(q.value) in runs)
    ]


def _integer_digits(value: float) -> str:
    """The digits of a quantity's whole part (its value is finite: quantity.measurable)."""
    return str(int(value))


_NOTHING = NumberComparison()


@lru_cache(maxsize=256)  # the number checks ask about the same segment in turn
def compare_numbers(source: str, target: str) -> NumberComparison:
    return compare_quantities(source, target, chinese_quantities(source), english_quantities(target))


def compare_quantities(
    source: str, target: str, found: Sequence[Quantity], all_targets: Sequence[Quantity]
) -> NumberComparison:
    """Pair the numbers `found` in the source with those of the target (`all_targets`, in text order)."""
    if not found and not all_targets:
        return _NOTHING
    codes = [q for q in found if q.kind in (CODE, PHONE)]
    missing_codes, used = _codes_present(codes, target, all_targets)
    targets = [q for i, q in enumerate(all_targets) if i not in used and q.kind not in (CODE, PHONE)]
    sources = [q for q in found if q.kind not in (CODE, PHONE)]
    counterparts = Counterparts(targets)
    unpaired, left = _pair(sources, targets, counterparts)
    slips = _slips(unpaired, left)
    mismatches = _mismatches(unpaired, left)
    # a number the source repeats is there if the target says it once ("the top and bottom 20%")
    missing = [q for q in unpaired if q.strong and not counterparts.holds(q)]
    if missing and used:  # or says it inside a source code it kept: 0-100km/h … 100km/h, "100km/h" once
        inside = SameValue((i, q) for i, q in enumerate(all_targets) if i in used and q.kind not in (CODE, PHONE))
        missing = [q for q in missing if not inside.holds(q)]
    # 于2018年年底 is "at year-end" in a report about 2018: a year the target names as "the year"
    if any(is_year(q) for q in missing) and _THE_YEAR.search(target):
        missing = [q for q in missing if not is_year(q)]
    if missing and any(q.kind == CODE for q in all_targets):
        written = {q.text.casefold() for q in codes}  # the target's own codes, not the source's (COVID-19)
        own = [q for q in all_targets if q.kind == CODE and q.text.casefold() not in written]
        missing = _outside_target_codes(missing, own)
    # 3日 with no month is a date that news also renders as the weekday ("on Friday")
    if any(q.kind == DAY for q in missing) and any(q.kind == WEEKDAY for q in all_targets):
        missing = [q for q in missing if q.kind != DAY]
    # and one the target repeats is not added if the source has it ("Sandbox 2.0 (FSS 2.0)")
    added = _not_in_source(left, sources)
    # 去年 is "2016" to a translator who knows the report's year: a year the source only implies
    if any(is_year(q) for q in added) and _RELATIVE_YEAR.search(source):
        added = [q for q in added if not is_year(q)]
    # a weekday counts only where the source names one, and "hundreds" only beside a rough amount (数百)
    if any(q.kind == WEEKDAY for q in added) and not any(q.kind == WEEKDAY for q in sources):
        added = [q for q in added if q.kind != WEEKDAY]
    if any(q.kind == ORDER for q in added) and not any(kind == ORDER for q in sources for kind, _ in q.readings()):
        added = [q for q in added if q.kind != ORDER]
    added = _explained_by_source(added, source, found, target)
    return NumberComparison(
        missing=missing_codes + missing,
        added=added,
        slips=slips,
        mismatches=mismatches,
    )


_BESIDE_DIGIT = re.compile(
    r"\d\W{0,2}$|\b(?:in|on|since|by|until|till|from|through|before|after|during|early|late|mid|last|next)\s+$",
    re.IGNORECASE,
)
_DIGIT_AFTER = re.compile(r"^\.?,?\s?\d")


def _explained_by_source(added: list[Quantity], source: str, found: Sequence[Quantity], target: str) -> list[Quantity]:
    """Target numbers that a reading of the source explains, though no source number pairs with them.

    A month name with no date beside it where the source names no month ("Zhang Jun", "April said",
    "this may delay"); digits the target split out of a source code ("HeLa 229" for HeLa229, "pc DNA 3.1")."""
    if not added:
        return added
    codes = _InsideCodes(q.text for q in found if q.kind == CODE)
    kept = []
    for quantity in added:
        if quantity.kind == MONTH and "月" not in source:
            before = target[max(0, quantity.start - 9) : quantity.start]
            if not _BESIDE_DIGIT.search(before) and not _DIGIT_AFTER.match(target[quantity.end : quantity.end + 4]):
                continue
        if quantity.kind == NUMBER and codes and quantity.text in codes:
            continue
        kept.append(quantity)
    return kept


class _InsideCodes:
    """The numbers written inside a source's codes, whole (not a part of a longer number): 229 in HeLa229,
    3.1 in pcDNA3.1. A number is looked up among those of its length, each length read from the codes once,
    instead of searching every code for every number."""

    def __init__(self, codes: Iterable[str]) -> None:
        self._codes = list(dict.fromkeys(codes))
        self._of_length: dict[int, set[str]] = {}

    def __bool__(self) -> bool:
        return bool(self._codes)

    def __contains__(self, text: object) -> bool:
        if not isinstance(text, str) or not text[:1].isdigit():
            return False
        if len(text) not in self._of_length:
            self._of_length[len(text)] = {
                code[start : start + len(text)]
                for code in self._codes
                for start in range(len(code) - len(text) + 1)
                if code[start].isdigit()
                and _NUMBER_STARTS.match(code, start) is not None
                and _NUMBER_GOES_ON.match(code, start + len(text)) is None
            }
        return text in self._of_length[len(text)]


# where a number may start and what may not follow it, to stand whole in a code (HeLa229, not 22 in it)
_NUMBER_STARTS = re.compile(r"(?<![\d.])")
_NUMBER_GOES_ON = re.compile(r"\d|\.\d")


_COMPARED_KINDS = (TIME, WEEKDAY, QUARTER, FRACTION, ORDER, MONTH, DECADE)


def _mismatches(unpaired: list[Quantity], left: list[Quantity]) -> list[tuple[Quantity, Quantity]]:
    """Pair what is left over by kind, in order; each pair leaves `unpaired` and `left`."""
    found: list[tuple[Quantity, Quantity]] = []
    if not unpaired or not any(q.kind != NUMBER and q.strong for q in left):
        return found
    paired: set[int] = set()
    said: set[int] = set()
    for kind in _COMPARED_KINDS:
        sources = [
            i for i, q in enumerate(unpaired) if i not in paired and _reads_as(q, kind) and (q.strong or kind == ORDER)
        ]
        targets = [i for i, q in enumerate(left) if i not in said and q.kind == kind and q.strong]
        for source, target in zip(sources, targets, strict=False):
            found.append((unpaired[source], left[target]))
            paired.add(source)
            said.add(target)
    unpaired[:] = [q for i, q in enumerate(unpaired) if i not in paired]
    left[:] = [q for i, q in enumerate(left) if i not in said]
    return found


def _reads_as(quantity: Quantity, kind: str) -> bool:
    return any(k == kind for k, _ in quantity.readings())
