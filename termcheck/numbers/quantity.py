"""A number found in text, with where it is and how sure we are that it must be translated."""

from __future__ import annotations

import math
from dataclasses import dataclass

NUMBER = "number"
MONTH = "month"  # compared only with months
DAY = "day"  # 3日 with no month: a number, or the weekday news renders it as
DECADE = "decade"  # 80年代, the 1980s: the decade's last two digits
FRACTION = "fraction"  # 三分之一, a third: the share
TIME = "time"  # 上午10点, 10 a.m.: minutes after midnight
WEEKDAY = "weekday"  # 星期三, Wednesday: 1 (Monday) to 7
QUARTER = "quarter"  # 第一季度, the first quarter, Q1
ORDER = "order"  # 数百, hundreds: the size of a rough amount
CODE = "code"  # 5G, H7N9, 2.3.1, a phone number: compared as tokens (termcheck.numbers.codes)

Reading = tuple[str, float]  # (kind, value)

# No quantity a translation states is this large: a larger value, or one that is not finite, is a repetition
# loop ("hundred hundred hundred…", 亿亿亿) or a run of digits gone wrong, and is no quantity to compare.
LARGEST = 1e30
# A run of more digits than this is an identifier (an order or a serial number), compared as text like the
# codes (termcheck.numbers.codes): it is never converted to a number.
LONGEST_DIGITS = 30
_SAME_KIND = {DAY: NUMBER}  # a day of the month pairs with a plain number ("on the 3rd")


@dataclass(frozen=True, slots=True)
class Quantity:
    value: float
    start: int
    end: int
    text: str
    kind: str = NUMBER
    strong: bool = True  # weak numbers ("a", "one", 一) may pair up but are never reported missing or added
    mantissa: float | None = None  # 1.2 in 1.2万 or 1.2 million: set when a magnitude word scaled the value
    # other faithful readings: 七成 is 70 (%), 一年半 is 1.5 (years) or 18 (months), "doubled" is 2 or 100 (%)
    alternatives: tuple[Reading, ...] = ()
    # a bare 百, 千 or 万 (流传百年, 百班千人, 千家万户, 万人空巷): as often "for generations", "thousands" or a
    # name as a count, so the target may say no number for it
    figurative: bool = False

    def readings(self) -> tuple[Reading, ...]:
        own = (_SAME_KIND.get(self.kind, self.kind), self.value)
        return (own, *((_SAME_KIND.get(kind, kind), value) for kind, value in self.alternatives))

    def same_value(self, other: Quantity) -> bool:
        if not self.alternatives and not other.alternatives:  # the common case, without building readings
            return _SAME_KIND.get(self.kind, self.kind) == _SAME_KIND.get(other.kind, other.kind) and math.isclose(
                self.value, other.value, rel_tol=1e-9, abs_tol=1e-9
            )
        return any(
            kind == other_kind and math.isclose(value, other_value, rel_tol=1e-9, abs_tol=1e-9)
            for kind, value in self.readings()
            for other_kind, other_value in other.readings()
        )


def within_bounds(value: float) -> bool:
    """Finite and smaller than LARGEST either way (NaN is neither)."""
    return -LARGEST < value < LARGEST


def measurable(quantity: Quantity) -> bool:
    """Whether the quantity, its mantissa and each of its readings are within bounds: a quantity to compare."""
    return (
        within_bounds(quantity.value)
        and (quantity.mantissa is None or within_bounds(quantity.mantissa))
        and all(within_bounds(value) for _, value in quantity.alternatives)
    )


def significant_digits(value: float) -> str:
    """12000 → "12", 1.2e6 → "12", 0.05 → "5": what a magnitude slip keeps."""
    text = f"{value:.10g}".replace(".", "").replace("-", "")
    if "e" in text:
        text = text.split("e")[0]
    return text.strip("0") or "0"


def magnitude_slip(source: Quantity, target: Quantity) -> bool:
    """Same digits, a power of ten apart: 1.2万 (12,000) rendered as 1.2 million."""
    if source.kind != target.kind or source.kind != NUMBER or source.value <= 0 or target.value <= 0:
        return False
    if source.mantissa is None and target.mantissa is None:
        return False  # plain 12 vs 120 is a different number, not a misread magnitude
    ratio = math.log10(target.value / source.value)
    return (
        abs(ratio - round(ratio)) < 1e-9
        and round(ratio) != 0
        and (significant_digits(source.value) == significant_digits(target.value))
    )
