"""Make untrusted text safe for a spreadsheet cell."""

from __future__ import annotations

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

CELL_LIMIT = 32_767
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
CUT_NOTE = " […cut by termcheck: {n} more characters]"


def strip_illegal(text: str) -> str:
    """Drop the control characters XML 1.0 cannot hold."""
    return str(ILLEGAL_CHARACTERS_RE.sub("", text))


def cut_note(total: int, kept: int) -> str:
    return CUT_NOTE.format(n=total - kept)


def room_for(total: int, limit: int = CELL_LIMIT) -> int:
    """How many characters of a `total`-character text fit in a cell together with the cut note."""
    return total if total <= limit else limit - len(CUT_NOTE.format(n=total))


def safe_cell_text(text: str, limit: int = CELL_LIMIT) -> tuple[str, bool]:
    """Drop characters XML cannot hold and cut to the cell limit with a visible note.

    Returns the text and whether it was cut."""
    cleaned = strip_illegal(text)
    keep = room_for(len(cleaned), limit)
    if keep == len(cleaned):
        return cleaned, False
    return cleaned[:keep] + cut_note(len(cleaned), keep), True


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_START)
