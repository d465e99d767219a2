"""A number found in text, with where it is and how sure we are that it must be translated."""

from __future__ import annotations

import math
from dataclasses import dataclass

NUMBER = "number"
MONTH = "month"


@dataclass(frozen=True, slots=True)
class Quantity:
    value: float
    start: int
    end: int
    text: str
    kind: str = NUMBER  # a month is compared only with months
    strong: bool = True  # weak numbers ("a", "one", 一) may pair up but are never reported missing or added
    mantissa: float | None = None  # 1.2 in 1.2万 or 1.2 million: set when a magnitude word scaled the value

    def same_value(self, other: Quantity) -> bool:
        return self.kind == other.kind and math.isclose(self.value, other.value, rel_tol=1e-9, abs_tol=1e-9)


def significant_digits(value: float) -> str:
    """12000 → "12", 1.2e6 → "12", 0.05 → "5": what a magnitude slip keeps."""
    text = f"{value:.10g}".replace(".", "").replace("-", "")
    if "e" in text:
        text = text.split("e")[0]
    return text.strip("0") or "0"


def magnitude_slip(source: Quantity, target: Quantity) -> bool:
    """Same digits, a power of ten apart: 1.2万 (12,000) rendered as 1.2 million."""
    if source.kind != target.kind or source.value <= 0 or target.value <= 0:
        return False
    if source.mantissa is None and target.mantissa is None:
        return False  # plain 12 vs 120 is a different number, not a misread magnitude
    ratio = math.log10(target.value / source.value)
    return (
        abs(ratio - round(ratio)) < 1e-9
        and round(ratio) != 0
        and (significant_digits(source.value) == significant_digits(target.value))
    )
