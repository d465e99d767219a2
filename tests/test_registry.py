"""The check registry: stable unique codes, complete documentation (the examples: tests/test_check_examples.py)."""

from __future__ import annotations

import re

import pytest

from termcheck.checks import ALL_CHECKS, get_check, select_checks
from termcheck.core.errors import UsageError


def test_codes_and_names_are_unique() -> None:
    codes = [c.code for c in ALL_CHECKS]
    names = [c.name for c in ALL_CHECKS]
    assert len(codes) == len(set(codes))
    assert len(names) == len(set(names))


@pytest.mark.parametrize("check", ALL_CHECKS, ids=lambda c: c.code)
def test_check_is_documented(check) -> None:
    assert re.fullmatch(r"TC\d{3}", check.code)
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", check.name)
    assert check.summary() and check.summary().endswith(".")
    assert "Bad:" not in check.documentation(), "examples are data (Check.examples), not docstring text"


@pytest.mark.parametrize(
    ("select", "ignore", "expected"),
    [
        ((), (), [c.code for c in ALL_CHECKS]),
        (("TC2",), ("TC202", "number-added"), ["TC201", *(f"TC2{n:02d}" for n in range(4, 25))]),
        (("TC101",), (), ["TC101"]),
        (("TC1",), ("TC103",), ["TC101", "TC102", "TC104", "TC105"]),
        (("missing-term",), (), ["TC102"]),
        (("ALL",), ("TC1", "TC2"), []),
    ],
)
def test_select_and_ignore(select, ignore, expected) -> None:
    assert [c.code for c in select_checks(select, ignore)] == expected


@pytest.mark.parametrize("bad", ["TC999", "nonsense"])
def test_unknown_selector_is_a_usage_error(bad) -> None:
    with pytest.raises(UsageError):
        select_checks([bad])
    with pytest.raises(UsageError):
        get_check(bad)
