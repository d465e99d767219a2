"""Reading numbers: a table of texts, and Chinese and English numerals checked against integers."""

from __future__ import annotations

import pytest
from conftest import CASES, load_toml
from hypothesis import given
from hypothesis import strategies as st

from termcheck.numbers.chinese import chinese_quantities, parse_chinese_numeral
from termcheck.numbers.english import english_quantities, parse_number_words
from termcheck.numbers.quantity import Quantity, magnitude_slip

TABLE = load_toml(CASES / "numbers.toml")


def _row(q: Quantity) -> list[object]:
    row: list[object] = [q.value, q.text, q.strong]
    return row if q.kind == "number" else [*row, q.kind]


@pytest.mark.parametrize("case", TABLE["zh"], ids=[c["text"] for c in TABLE["zh"]])
def test_chinese_numbers(case: dict, engine: str) -> None:
    assert [_row(q) for q in chinese_quantities(case["text"])] == case["expect"]


@pytest.mark.parametrize("case", TABLE["en"], ids=[c["text"] for c in TABLE["en"]])
def test_english_numbers(case: dict, engine: str) -> None:
    assert [_row(q) for q in english_quantities(case["text"])] == case["expect"]


DIGITS = "零一二三四五六七八九"


def chinese_numeral(n: int) -> str:
    """A reference writer of Chinese numerals (the standard reading, with 零 for gaps)."""
    if n == 0:
        return "零"
    parts = []
    for unit, size in (("亿", 10**8), ("万", 10**4), ("", 1)):
        block, n = divmod(n, size)
        if block:
            if parts and block < 1000:
                parts.append("零")  # 十万零一: without the 零, 十万一 is said for 110,000
            parts.append(_below_10000(block) + unit)
        elif parts and n:
            parts.append("零")
    return "".join(parts).replace("零零", "零")


def _below_10000(n: int) -> str:
    out = ""
    for unit, size in (("千", 1000), ("百", 100), ("十", 10), ("", 1)):
        digit, n = divmod(n, size)
        if digit:
            out += DIGITS[digit] + unit
        elif out and n:
            out += "零"
    return out.replace("零零", "零")


@given(st.integers(min_value=1, max_value=99_999_999_999))
def test_chinese_numerals_read_back(n: int) -> None:
    assert parse_chinese_numeral(chinese_numeral(n)) == n


ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
ONES += "seventeen eighteen nineteen"
TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def english_words(n: int) -> list[str]:
    """A reference writer of English number words."""
    words: list[str] = []
    for scale, size in (("billion", 10**9), ("million", 10**6), ("thousand", 1000), ("", 1)):
        block, n = divmod(n, size)
        if block:
            hundreds, rest = divmod(block, 100)
            if hundreds:
                words += [ONES.split()[hundreds], "hundred"] + (["and"] if rest else [])
            if rest >= 20:
                words.append(TENS[rest // 10])
                rest %= 10
            if rest:
                words.append(ONES.split()[rest])
            if scale:
                words.append(scale)
    return words


@given(st.integers(min_value=1, max_value=999_999_999_999))
def test_english_number_words_read_back(n: int) -> None:
    assert parse_number_words(english_words(n)) == n


@pytest.mark.parametrize(
    ("source", "target", "slip"),
    [
        (12_000, 1_200_000, True),  # 1.2万 → 1.2 million
        (300_000_000, 3_000_000_000, True),  # 3亿 → 3 billion
        (12_000, 12_000, False),
        (12_000, 21_000, False),
    ],
)
def test_magnitude_slip(source: int, target: int, slip: bool) -> None:
    wanted = Quantity(source, 0, 1, "", mantissa=1.2)
    found = Quantity(target, 0, 1, "", mantissa=1.2)
    assert magnitude_slip(wanted, found) is slip
