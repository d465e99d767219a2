"""The native core's number readings (compact tuples, termcheck.core.native.NumberReading) as Quantity objects:
one decoding for the Chinese and the English reader, whose kind numbers are the same (native/src/numbers.rs)."""

from __future__ import annotations

from termcheck.core.native import NumberReading
from termcheck.numbers.codes import PHONE
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
)

KINDS = (NUMBER, MONTH, DAY, ORDER, DECADE, TIME, WEEKDAY, PHONE, CODE, FRACTION, QUARTER)


def from_native(text: str, read: list[NumberReading]) -> tuple[Quantity, ...]:
    """The native core's readings of `text` as quantities."""
    return tuple(
        Quantity(
            value,
            start,
            end,
            text[start:end],
            KINDS[kind],
            strong,
            mantissa,
            tuple((KINDS[other], reading) for other, reading in readings),
            figurative,
        )
        for value, start, end, kind, strong, mantissa, readings, figurative in read
    )
