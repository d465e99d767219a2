"""Find numbers with their units: 1.2万吨, 100平方米, 3-5毫克 in Chinese; 1,076 square feet, a 300-metre
building, about 26 miles in English."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from termcheck.measures.units import Unit, chinese_unit_forms, english_unit_forms, english_units_of, units
from termcheck.numbers.chinese import chinese_quantities
from termcheck.numbers.english import english_quantities
from termcheck.numbers.numerals import ARABIC, CHINESE
from termcheck.numbers.quantity import CODE, Quantity
from termcheck.text.normalize import fold_chinese


@dataclass(frozen=True)
class Measure:
    value: float
    units: tuple[Unit, ...]  # more than one where a name is ambiguous ("tons", "degrees")
    start: int  # the number's
    end: int  # the unit's
    text: str
    places: int = 0  # decimals the number states: what it may have been rounded to
    hedged: bool = False  # "about", "nearly": the number may be rounded further

    @property
    def dimension(self) -> str:
        return self.units[0].dimension


_CN_NUMERAL = re.compile(rf"(?:{ARABIC}[ \u3000]?[万亿]*|{CHINESE})[ \u3000]?(?:多|余|来)?[ \u3000]?")
_CN_RANGE = re.compile(rf"[-~～—至到](?:{ARABIC}[万亿]*|{CHINESE})[ \u3000]?(?:多|余)?")
# 2024年 is a year, 5年级 a grade, 80年代 a decade; 两 is "two" unless a number comes before it
_NOT_A_YEAR = re.compile(r"[代级度底初中末内月前后来间轻龄]")
_ARABIC = re.compile(ARABIC)
_LATIN_BEFORE_CJK = re.compile(r"[A-Za-zµμ°㎡²/]")


_PER_HOUR = re.compile(r"(?:时速|每小时|速度为?|风速)[约达高到为了超过近]{0,3}$")
_AS_SPEED = {"length-kilometer": "speed-kilometer-per-hour", "length-mile": "speed-mile-per-hour"}


@lru_cache(maxsize=256)  # TC215 and the conversions TC202/TC203 ask about the same segment
def chinese_measures(text: str) -> tuple[Measure, ...]:
    folded = fold_chinese(text)
    pattern, lookup = chinese_unit_forms()
    table = units()
    found: list[Measure] = []
    for quantity in chinese_quantities(text):
        numeral = _CN_NUMERAL.match(folded, quantity.start)
        if numeral is None:
            continue
        value = quantity.value
        if quantity.kind == CODE:  # 5GB is read as a code token
            digits = _ARABIC.match(folded, quantity.start)
            if digits is None:
                continue
            value = float(digits.group().replace(",", ""))
        at = numeral.end()
        if (span := _CN_RANGE.match(folded, at)) is not None:
            at = span.end()
        unit = pattern.match(folded, at) or pattern.match(text, at)  # folding lowercases 2TB
        if unit is None:
            continue
        form = unit.group()
        after = folded[unit.end() : unit.end() + 1]
        if _LATIN_BEFORE_CJK.match(form[-1]) and after and (after.isascii() and after.isalnum()):
            continue  # 5GB is a unit, 5Gbps and 3mg/kg/d are left alone
        if form == "年" and (value >= 200 or _NOT_A_YEAR.match(after)):
            continue
        if form == "两" and folded[quantity.start] in "一两":
            continue
        if form == "里" and folded[unit.end() : unit.end() + 1] in ("程", "面", "头", "边"):
            continue
        ids = lookup[form]
        if _PER_HOUR.search(folded[max(0, quantity.start - 6) : quantity.start]) and ids & _AS_SPEED.keys():
            ids = frozenset(_AS_SPEED[u] for u in ids & _AS_SPEED.keys())  # 时速350公里 is 350 km/h
        if source_sign(folded, quantity.start):
            value = -value
        found.append(
            Measure(
                value,
                tuple(table[u] for u in sorted(ids)),
                quantity.start,
                unit.end(),
                text[quantity.start : unit.end()],
                _places(quantity.text),
            )
        )
    return tuple(found)


_EN_DIGITS = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
_EN_GAP = re.compile(r"[ \u00a0\u202f]?-?[ \u00a0]?")
_EN_RANGE = re.compile(r"[ \u00a0]?(?:-|–|—|to|and|or)[ \u00a0]?[\d,.]+[ \u00a0]?(?:million|billion|thousand)?")
_HEDGE = re.compile(
    r"(?:about|around|approximately|approx\.|roughly|nearly|almost|some|over|more than|less than|under|"
    r"up to|close to|just over|just under|above|below|at least|at most|~|≈|c\.|circa)\W{0,2}$",
    re.IGNORECASE,
)


@lru_cache(maxsize=256)
def english_measures(text: str) -> tuple[Measure, ...]:
    pattern, _ = english_unit_forms()
    table = units()
    found: list[Measure] = []
    for quantity in english_quantities(text):
        if quantity.kind == CODE:  # 8MB is read as a code token
            digits = _EN_DIGITS.match(text, quantity.start)
            if digits is None:
                continue
            quantity = Quantity(float(digits.group().replace(",", "")), quantity.start, digits.end(), digits.group())
        position = quantity.end
        if (span := _EN_RANGE.match(text, position)) is not None:
            position = span.end()
        position = _EN_GAP.match(text, position).end()  # type: ignore[union-attr]  # it matches the empty string
        unit = pattern.match(text, position)
        if quantity.text.endswith("%"):
            ids, end = frozenset({"rate-percent"}), quantity.end
        elif unit is None or (unit.group() == "m" and text[quantity.start - 1 : quantity.start] in "$€£¥"):
            continue  # $5m is five million dollars
        else:
            ids, end = english_units_of(unit.group()), unit.end()
        if not ids:
            continue
        value = -quantity.value if _MINUS.search(text[max(0, quantity.start - 7) : quantity.start]) else quantity.value
        hedged = bool(_HEDGE.search(text[max(0, quantity.start - 16) : quantity.start]))
        found.append(
            Measure(
                value,
                tuple(table[u] for u in sorted(ids)),
                quantity.start,
                end,
                text[quantity.start : end],
                _places(quantity.text),
                hedged,
            )
        )
    return tuple(found)


_MINUS = re.compile(r"(?:minus |negative |(?<![\d.])-|−)$", re.IGNORECASE)  # not the dash of 5.1-9.2
_CN_MINUS = re.compile(r"(?:零下|负|(?<![\d.])[-－]|−)$")


def source_sign(folded: str, start: int) -> bool:
    """零下5摄氏度, -5℃: a temperature below zero."""
    return bool(_CN_MINUS.search(folded[max(0, start - 2) : start]))


def _places(number: str) -> int:
    digits = re.search(r"\d+(?:[.,]\d+)*", number)
    if digits is None or "." not in digits.group():
        return 0
    return len(digits.group().rsplit(".", 1)[1])


def tolerance(target: Measure) -> float:
    """How far a correct conversion may stand from the target's number: half the last place it states, or
    with "about" half the place of its last non-zero digit (about 1,100 covers 1,050 to 1,150)."""
    step = 10.0**-target.places
    value = abs(target.value)
    if target.hedged and target.places == 0 and value >= 10:
        digits = f"{value:.0f}".rstrip("0")
        step = 10.0 ** (len(f"{value:.0f}") - len(digits))
    return step / 2


def agrees(source: Measure, source_unit: Unit, target: Measure, target_unit: Unit) -> bool:
    """The target's number is the source quantity converted into the target's unit, within rounding."""
    if source_unit.dimension != target_unit.dimension:
        return False
    value = source.value
    expected = [(value * source_unit.factor + source_unit.offset - target_unit.offset) / target_unit.factor]
    if source_unit.dimension == "temperature":
        expected.append(value * source_unit.factor / target_unit.factor)  # a rise of 5 ℃ is a rise of 9 ℉
    return any(_close(e, target.value, target, source_unit.dimension) for e in expected)


def _close(converted: float, stated: float, target: Measure, dimension: str) -> bool:
    if math.isclose(converted, stated, rel_tol=0.02 if dimension != "digital" else 0.05, abs_tol=1e-9):
        return True  # digital: 1 TB is 1,000 GB or 1,024 GB
    off = abs(converted - stated)
    if dimension == "temperature":
        return off <= tolerance(target) + 0.06
    return off <= tolerance(target) and off <= 0.1 * abs(converted)


def converted(source: Measure, source_unit: Unit, target_unit: Unit) -> float:
    return (source.value * source_unit.factor + source_unit.offset - target_unit.offset) / target_unit.factor
