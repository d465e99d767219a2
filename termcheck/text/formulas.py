"""Text a spreadsheet would run: cells from untrusted input that start like a formula.

Excel, LibreOffice and Google Sheets treat a cell that starts with =, +, - or @ (or a tab or CR
before one) as a formula, in XLSX and in CSV alike, so text from translation files must be
written so that it stays text (CSV or formula injection).
"""

from __future__ import annotations

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_START)
