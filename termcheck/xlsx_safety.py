"""Make untrusted text safe for a spreadsheet cell."""

from __future__ import annotations

import re

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

CELL_LIMIT = 32_767
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_ILLEGAL: re.Pattern[str] = ILLEGAL_CHARACTERS_RE


def safe_cell_text(text: str, limit: int = CELL_LIMIT) -> tuple[str, bool]:
    """Drop characters XML cannot hold and cut to the cell limit. Returns the text and whether it was cut."""
    cleaned = _ILLEGAL.sub("", text)
    if len(cleaned) <= limit:
        return cleaned, False
    note = " […cut by termcheck]"
    return cleaned[: limit - len(note)] + note, True


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_START)
