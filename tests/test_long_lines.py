"""A long line full of numbers is checked in time linear in its length (docs/robustness.md).

Work is counted, not timed: the Python lines run, the functions called (built-in ones too) and the
characters handed to the `re` module's functions (a pattern searched for once per number scans text that
counting calls does not see). Twice the text should be about twice the work; a quadratic step makes it
about four times.
"""

from __future__ import annotations

import math
import re
import sys
import time
from collections.abc import Callable
from types import FrameType
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from termcheck.checks import number_pairs
from termcheck.checks.tc205_inclusive_bound import CHANGE, CHANGE_LENGTH, ESTIMATE, RULE, Clauses, InclusiveBound
from termcheck.checks.tc212_number_format import NumberFormat
from termcheck.checks.tc215_unit import unconverted
from termcheck.core.model import Segment
from termcheck.glossary.model import Glossary
from termcheck.measures import pairing
from termcheck.measures.reading import Measure, agrees, chinese_measures, english_measures
from termcheck.numbers.compare import compare_numbers
from termcheck.numbers.english import _quantities
from termcheck.readers.base import Document
from termcheck.run.engine import Checker, CheckOptions

SCANNING = ("search", "match", "fullmatch", "findall", "finditer", "sub", "split")


def work(run: Callable[[], object]) -> int:
    """Lines run, functions called and characters given to `re` by `run`, with the number caches cleared."""
    for cached in (compare_numbers, _quantities, chinese_measures, english_measures, pairing.conversions):
        cached.cache_clear()
    number_pairs._pairs.cache_clear()
    count = 0
    originals = {name: getattr(re, name) for name in SCANNING}

    def counting(scan: Callable[..., Any]) -> Callable[..., Any]:
        def scanned(pattern: object, string: str, *args: Any, **kwargs: Any) -> Any:
            nonlocal count
            count += len(string)
            return scan(pattern, string, *args, **kwargs)

        return scanned

    def on_line(frame: FrameType, event: str, arg: object) -> Any:
        nonlocal count
        count += 1
        return on_line

    def on_call(frame: FrameType, event: str, arg: object) -> None:
        nonlocal count
        count += event in ("call", "c_call")

    for name, scan in originals.items():
        setattr(re, name, counting(scan))
    sys.settrace(on_line)
    sys.setprofile(on_call)
    try:
        run()
    finally:
        sys.settrace(None)
        sys.setprofile(None)
        for name, scan in originals.items():
            setattr(re, name, scan)
    return count


def grows_linearly(make: Callable[[int], Callable[[], object]], size: int, times: int = 2) -> float:
    """How much more work `times` the size takes."""
    return work(make(times * size)) / work(make(size))


def _numbers(clauses: int) -> tuple[str, str]:
    """Numbers that pair, repeated ones, ones missing, added and a power of ten apart."""
    zh, en = [], []
    for i in range(clauses):
        zh.append(f"{1000 + i}人，增长12%，{i % 7 + 1}.5亿元，{5000 + i}吨，")
        en.append(f"{1000 + i} people, up 12%, {i % 7 + 1}.5 million yuan, {9000 + i} tonnes, ")
    return "".join(zh), "".join(en)


def test_pairing_numbers_is_linear() -> None:
    assert grows_linearly(lambda n: lambda: compare_numbers(*_numbers(n)), 150) < 2.5


def _cpu_seconds(run: Callable[[], object], repeats: int = 3) -> float:
    """The least CPU time of a few runs: a busy machine changes it less than wall time."""
    best = float("inf")
    for _ in range(repeats):
        started = time.process_time()
        run()
        best = min(best, time.process_time() - started)
    return best


def test_long_digit_runs_are_linear() -> None:
    """A run of digits or Chinese numerals (an ID, noise) is read once, not once from each of its characters.

    The number patterns run inside `re`, where counting lines sees no work, so this one is timed: eight times
    the run should take about eight times as long (a quadratic pattern took 64 times, minutes at 40,000)."""
    # every reader's cue is in the line (年代, 点, 分之, 每…中, 元, 倍, 百分点…), so every pattern that
    # fails after a numeral gets its chance to fail at each character of the runs
    cues = "在80年代的3点半，每十个人中有三个，三分之一，一年半，售价100港元，增长3倍，下降2个百分点，不超过5%，"

    def make(n: int) -> Callable[[], object]:
        checker = Checker(Glossary(name="none"), CheckOptions())
        runs = f"编号{'1234567890' * (n // 10)}，代号{'一二三四五六七八九' * (n // 9)}，{'亿' * n}，"
        source = cues + runs + cues
        target = f"In the 1980s, ID {'1234567890' * (n // 10)}, 3:30, HK$100, three times, 5% or less."
        document = Document("line.tsv", (), lambda: iter([Segment("1", source, target, "line.tsv", 1)]), "tsv")
        return lambda: checker.run([document], snapshot=False)

    small, large = make(1_000), make(8_000)
    small()  # patterns compiled, tables loaded
    assert _cpu_seconds(large) < 24 * _cpu_seconds(small)


def test_inclusive_bounds_are_linear() -> None:
    checker = Checker(Glossary(name="none"), CheckOptions(select=("TC205",)))

    def make(n: int) -> Callable[[], object]:
        # bounds in clauses, and targets that say "over" another number: nothing to report, all to compare
        source = "".join(f"年满{i}岁以上的申请人，" for i in range(100, 100 + n))
        target = "".join(f"applicants over {i} years old, " for i in range(5000, 5000 + n))
        analyzed = checker.analyze([Segment("1", source, target, "line.txt", 1)])[0]
        return lambda: list(InclusiveBound(checker.context).check_segment(analyzed))

    assert grows_linearly(make, 300) < 2.5


def test_number_format_is_linear() -> None:
    checker = Checker(Glossary(name="none"), CheckOptions(select=("TC212",)))

    def make(n: int) -> Callable[[], object]:
        # years with a digit glued on ("19943"), each looked for in the source
        source = "".join(f"{1950 + i % 60}年产量{i}吨，" for i in range(n))
        target = "".join(f"in {1950 + i % 60}{i % 10} output was {i} tonnes, " for i in range(n))
        analyzed = checker.analyze([Segment("1", source, target, "line.txt", 1)])[0]
        return lambda: list(NumberFormat(checker.context).check_segment(analyzed))

    assert grows_linearly(make, 300) < 2.5


def _measures(clauses: int) -> tuple[str, str]:
    """Measures: right conversions of many values, a unit left unconverted, values the line repeats in one unit,
    temperatures; codes, sums in two currencies, percentage points and growth for the other number checks."""
    zh, en = [], []
    for i in range(1, clauses + 1):
        zh.append(f"{i}平方米，{i + 1}公斤，{i % 50}公里，12万吨，{i % 40}摄氏度，型号H{i}N{i + 1}，{i}元，{i}美元，")
        en.append(
            f"{i * 10.7639:,.0f} square feet, {(i + 1) * 2.2:.1f} pounds, {i % 50} miles, 120,000 tonnes, "
            f"about {(i % 40) * 1.8 + 32:.0f} °F, model h{i}n{i + 1}, ${i}, {i} dollars, "
        )
        zh.append(f"比上年增加了{i % 5 + 2}倍，上升{i % 9}个百分点，")
        en.append(f"{i % 5 + 2} times more than a year before, up {i % 9}%, ")
    return "".join(zh), "".join(en)


def test_number_checks_are_linear() -> None:
    """Pairing measures and their conversions, and every number check, on one long line of them: four times
    the line, about four times the work (sixteen if each number were compared with each)."""
    checker = Checker(
        Glossary(name="none"), CheckOptions(select=("TC202", "TC203", "TC204", "TC213", "TC214", "TC215", "TC216"))
    )

    def make(n: int) -> Callable[[], object]:
        analyzed = checker.analyze([Segment("1", *_measures(n), "line.txt", 1)])[0]
        checks = [check(checker.context) for check in checker.check_types]
        return lambda: [list(check.check_segment(analyzed)) for check in checks]

    make(10)()  # what the first run reads once (unit tables, compiled patterns) is not the line's work
    assert grows_linearly(make, 40, times=4) < 6


def _pair_by_pair(source: str, target: str) -> tuple[frozenset[int], frozenset[int], list[tuple[int, int]]]:
    """conversions() and TC215's unconverted() as each measure compared with every other would give them."""
    sources, targets = chinese_measures(source), english_measures(target)

    def converted(wanted: Measure, said: Measure) -> bool:
        shared = set(said.units) & set(wanted.units)
        return not shared and any(agrees(wanted, s, said, t) for s in wanted.units for t in said.units)

    def states(wanted: Measure, said: Measure) -> bool:
        if wanted.dimension != said.dimension:
            return False
        if set(said.units) & set(wanted.units):
            return math.isclose(said.value, wanted.value)
        return converted(wanted, said)

    pairs = [(s, t) for s in sources for t in targets if converted(s, t)]
    taken = {i for i, t in enumerate(targets) for s in sources if states(s, t)}
    wrong = []
    for wanted in sources:
        if any(states(wanted, t) for t in targets):
            continue
        others = [
            (i, t)
            for i, t in enumerate(targets)
            if t.dimension == wanted.dimension and i not in taken and not set(t.units) & set(wanted.units)
        ]
        if others:
            size = math.log(abs(wanted.value) + 1)
            nearest = min(others, key=lambda it: abs(math.log(abs(it[1].value) + 1) - size))
            wrong.append((wanted.start, nearest[1].start))
    return frozenset(s.start for s, _ in pairs), frozenset(t.start for _, t in pairs), wrong


_ZH_UNITS = ["公里", "米", "厘米", "公斤", "斤", "吨", "克", "亩", "平方米", "摄氏度", "升", "GB", "小时", "英里", "磅"]
_EN_UNITS = ["km", "miles", "m", "feet", "cm", "inches", "kg", "pounds", "tons", "tonnes", "g", "jin", "acres"]
_EN_UNITS += ["square metres", "square feet", "°C", "°F", "degrees", "litres", "gallons", "GB", "MB", "hours", "%"]
_FACTORS = [1, 1, 0.621371, 1.60934, 2.20462, 0.453592, 10.7639, 1.8, 1000, 0.001, 1024, 0.5, 2, 0.0667]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(0, 3000),
            st.sampled_from(_ZH_UNITS),
            st.lists(
                st.tuples(
                    st.sampled_from(["", "about ", "minus "]),
                    st.sampled_from(_FACTORS),
                    st.sampled_from([1, 1.01, 0.97, 1.1]),
                    st.integers(0, 2),
                    st.sampled_from(_EN_UNITS),
                ),
                max_size=2,
            ),
        ),
        max_size=40,
    )
)
def test_measures_pair_as_compared_one_by_one(
    clauses: list[tuple[int, str, list[tuple[str, float, float, int, str]]]],
) -> None:
    zh = "".join(f"{value}{unit}，" for value, unit, _ in clauses)
    en = ", ".join(
        f"{hedge}{value * factor * off:,.{places}f} {unit}"
        for value, _, said in clauses
        for hedge, factor, off, places, unit in said
    )
    pairing.conversions.cache_clear()
    sources, targets = chinese_measures(zh), english_measures(en)
    source_starts, target_starts, wrong = _pair_by_pair(zh, en)
    assert pairing.conversions(zh, en) == (source_starts, target_starts)
    assert [(s.start, t.start) for s, t, _, _ in unconverted(sources, targets)] == wrong


@given(st.text(alphabet="须必应当不得限年满约大概下降了增加12，。；,! \n", max_size=60), st.data())
def test_clauses_read_as_each_clause_alone(text: str, data: st.DataObject) -> None:
    clauses = Clauses(text)
    at = data.draw(st.integers(min_value=0, max_value=len(text)))
    start = max(text.rfind(mark, 0, at) for mark in "，。；：,;:!?！？") + 1
    assert clauses.start(at) == start
    for words in (RULE, ESTIMATE):
        assert clauses.holds(words, start, at) == (re.search(words, text[start:at]) is not None)
    # a change is read from the clause's end only
    near = text[max(start, at - CHANGE_LENGTH) : at]
    assert (CHANGE.search(near) is None) == (CHANGE.search(text[start:at]) is None)
