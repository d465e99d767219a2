"""Untrusted text and spreadsheets: safe cells to write, workbooks opened safely to read."""

from __future__ import annotations

import zipfile
from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from termcheck.errors import InputError
from termcheck.textio import check_readable

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


def open_workbook(path: str, data_only: bool) -> Any:
    """Open an XLSX read-only (rows stream; formulas are never evaluated); a bad file is an InputError."""
    from openpyxl import load_workbook

    check_readable(path)
    try:
        return load_workbook(path, read_only=True, data_only=data_only, keep_links=False)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise InputError(path, f"not a readable XLSX workbook ({exc.__class__.__name__}: {exc})") from None


def cell_text(value: Any) -> str:
    """A cell's value as the text a person typed: 12.0 read back as "12", empty as ""."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
