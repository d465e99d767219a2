"""Numbers in Chinese and English text, and how the two sides of a segment pair up."""

from termcheck.numbers.compare import NumberComparison, compare_numbers, compare_segment
from termcheck.numbers.quantity import Quantity

__all__ = ["NumberComparison", "Quantity", "compare_numbers", "compare_segment"]
