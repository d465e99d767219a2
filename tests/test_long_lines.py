"""A long line full of numbers is checked in time linear in its length (docs/robustness.md).

Work is counted, not timed: the Python lines run and the functions called (built-in ones too). Twice the
text should be about twice the work; a quadratic step makes it about four times.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import FrameType
from typing import Any

from termcheck.numbers.compare import compare_numbers
from termcheck.numbers.english import english_quantities


def work(run: Callable[[], object]) -> int:
    """Lines run and functions called by `run`, with the number caches cleared first."""
    compare_numbers.cache_clear()
    english_quantities.cache_clear()
    count = 0

    def on_line(frame: FrameType, event: str, arg: object) -> Any:
        nonlocal count
        count += 1
        return on_line

    def on_call(frame: FrameType, event: str, arg: object) -> None:
        nonlocal count
        count += event in ("call", "c_call")

    sys.settrace(on_line)
    sys.setprofile(on_call)
    try:
        run()
    finally:
        sys.settrace(None)
        sys.setprofile(None)
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
