"""A long line full of numbers is checked in time linear in its length (docs/robustness.md).

Work is counted, not timed: the Python lines run, the functions called (built-in ones too) and the
characters handed to the `re` module's functions (a pattern searched for once per number scans text that
counting calls does not see). Twice the text should be about twice the work; a quadratic step makes it
about four times.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable
from types import FrameType
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from termcheck.checks.tc205_inclusive_bound import CHANGE, CHANGE_LENGTH, ESTIMATE, RULE, Clauses, InclusiveBound
from termcheck.checks.tc212_number_format import NumberFormat
from termcheck.core.model import Segment
from termcheck.glossary.model import Glossary
from termcheck.numbers.compare import compare_numbers
from termcheck.numbers.english import english_quantities
from termcheck.readers.base import Document
from termcheck.run.engine import Checker, CheckOptions

SCANNING = ("search", "match", "fullmatch", "findall", "finditer", "sub", "split")


def work(run: Callable[[], object]) -> int:
    """Lines run, functions called and characters given to `re` by `run`, with the number caches cleared."""
    compare_numbers.cache_clear()
    english_quantities.cache_clear()
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


def grows_linearly(make: Callable[[int], Callable[[], object]], size: int) -> float:
    """How much more work twice the size takes."""
    return work(make(2 * size)) / work(make(size))


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
