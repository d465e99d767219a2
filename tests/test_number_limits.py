"""Numbers too large to be quantities never crash the number checks (docs/robustness.md).

A value of 1e30 or more, or one that is not finite, is no quantity: MT repetition loops ("hundred
hundred hundred…"), 亿 repeated, hundreds of digits. A run of more than 30 digits is an identifier,
compared as text like the codes (5G, H7N9).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from termcheck.checks.base import CheckContext
from termcheck.checks.registry import ALL_CHECKS
from termcheck.checks.triggers import triggered
from termcheck.core.model import Finding, Segment
from termcheck.matching.analysis import AnalyzedSegment
from termcheck.numbers.chinese import chinese_quantities, parse_chinese_numeral
from termcheck.numbers.compare import compare_numbers
from termcheck.numbers.english import english_quantities, parse_number_words
from termcheck.numbers.quantity import CODE, LARGEST

NUMBER_CHECKS = [c for c in ALL_CHECKS if c.code in {f"TC{n}" for n in (202, 203, 204, 205, 212, 213, 214, 215, 216)}]


def _findings(source: str | None, target: str) -> list[Finding]:
    """Every number check's findings, each shown the segment where the engine shows it (its trigger)."""
    analyzed = AnalyzedSegment(Segment("1", source, target, "doc.txt", 1))
    findings = []
    for check in NUMBER_CHECKS:
        if check.needs_source and source is None:
            continue
        if check.trigger and not triggered(check.trigger, [source if check.trigger.side == "source" else target]):
            continue
        findings += check(CheckContext(concepts={})).check_segment(analyzed)
    return findings


HUGE = "1" * 5_000
OVER_FLOAT = "9" * 400  # float() is infinity

# the defects as found: each raised ValueError or OverflowError
CRASHES = [
    pytest.param("5G网络", HUGE, id="5,000 digits and a code"),
    pytest.param("收入1.2万元", f"income {OVER_FLOAT}", id="400 digits and a scaled number"),
    pytest.param("5G网络", f"5G {OVER_FLOAT}", id="400 digits and a code"),
    pytest.param("花费一百元", "It cost " + "hundred " * 200 + "yuan", id="a repetition loop of hundred"),
    pytest.param("九" * 400 + "亿" * 200, "x", id="a Chinese numeral of 400 digits with 亿"),
    pytest.param("九" * 5_000, "x", id="a Chinese numeral of 5,000 digits"),
    pytest.param("收入" + "亿" * 300 + "元", "income", id="亿 repeated"),
    pytest.param("出口额增加了" + OVER_FLOAT + "倍", f"Exports increased {OVER_FLOAT} times", id="TC214"),
    pytest.param("身高" + OVER_FLOAT + "米5", "tall", id="a compound of 400 digits (1米8)"),
    pytest.param("人数", f"one in {HUGE} people", id="one in 5,000 digits"),
    pytest.param("电话", HUGE + "000-" + HUGE + "000", id="a range of two huge round numbers"),
    pytest.param("十二", "twelve", id="an ordinary pair, for contrast"),
    pytest.param("一百万", "1 to 0 million", id="zero scaled"),
    pytest.param("收入", f"RMB{OVER_FLOAT} billion", id="a currency code and 400 digits"),
    pytest.param("A" + HUGE, "A" + HUGE, id="a code of 5,000 digits"),
    pytest.param("人数", f"{OVER_FLOAT} to 22 million", id="a shared scale"),
]


@pytest.mark.parametrize(("source", "target"), CRASHES)
def test_huge_numbers_are_compared_without_raising(source: str, target: str) -> None:
    compare_numbers(source, target)
    _findings(source, target)
    _findings(None, target)


def test_a_value_beyond_the_bound_is_no_quantity(engine: str) -> None:
    assert all(q.value < LARGEST for q in english_quantities("It cost " + "hundred " * 200 + "yuan"))
    assert parse_number_words(["hundred"] * 200) is None
    assert parse_chinese_numeral("九" * 40) is None
    assert parse_chinese_numeral("九" * 30) == int("9" * 30)
    assert parse_chinese_numeral("亿" * 300) is None
    grouped = "1" + ",000" * 40  # 10**120: not one run of digits, so no identifier either
    assert chinese_quantities(f"收入{grouped}元") == ()
    assert english_quantities(f"income {grouped} yuan") == ()
    assert [q.kind for q in chinese_quantities(f"收入{OVER_FLOAT}元")] == [CODE]


def test_a_loop_leaves_the_source_number_missing() -> None:
    """The loop is no number: the source's 100 is not in the target."""
    comparison = compare_numbers("花费一百元", "It cost " + "hundred " * 200 + "yuan")
    assert [q.value for q in comparison.missing] == [100.0]
    assert comparison.added == []


def test_a_run_of_over_30_digits_is_an_identifier_compared_as_text() -> None:
    run = "12345678901234567890123456789012345"
    assert [q.kind for q in english_quantities(f"Order {run} shipped")] == [CODE]
    assert compare_numbers(f"订单{run}已发货", f"Order {run} shipped").missing == []
    assert [q.text for q in compare_numbers(f"订单{run}已发货", "Order shipped").missing] == [run]
    assert compare_numbers("订单已发货", f"Order {run} shipped").added == []  # like a code: never added


def test_a_code_is_present_in_a_target_with_a_huge_run() -> None:
    assert compare_numbers("5G网络", f"5G network {HUGE}").missing == []
    assert [q.text for q in compare_numbers("5G网络", HUGE).missing] == ["5G"]


def test_no_thousands_separators_are_asked_for_an_identifier_of_over_30_digits() -> None:
    assert not [f for f in _findings(None, f"The id is {HUGE}.") if f.code == "TC212"]
    assert [f.expected for f in _findings(None, "It has 250000 parts.") if f.code == "TC212"] == ["250,000"]


PIECES = ["万", "亿", "百", "千", "十", "九", "三", "两", "点", "分之", "%", "倍", "年", "月", "日", "米", "元", "第",
          "增加了", "hundred", "thousand", "million", "billion", "one in", "twelve", "a half", "and", " ", ",", ".",
          "-", "5G", "H7N9", "Win11", "RMB", "$", "bn", "x", "fold", "times", "to", "per", "0", "1", "7", "1.2",
          "0.5", "9" * 40, "9" * 400, "1" * 4_400, "010-6523 4567"]  # fmt: skip
texts = st.lists(st.sampled_from(PIECES), max_size=16).map("".join)
english_texts = st.lists(st.sampled_from(PIECES), max_size=16).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(texts, texts | english_texts)
def test_compare_numbers_and_the_number_checks_never_raise(source: str, target: str) -> None:
    compare_numbers(source, target)
    compare_numbers(target, source)
    _findings(source, target)
    _findings(None, target)
