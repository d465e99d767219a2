"""Sheet-wide formatting and the rows themselves: column widths and row heights that fit, page setup,
notes where rows were cut.

The openpyxl sheet (the frame) takes widths, hidden columns and page setup. Rows are written as
SpreadsheetML to a temporary file, one string per row, and put into the saved sheet by `package`:
openpyxl's cell objects cost about 40 µs a cell, which is minutes for a large report. Each row
carries its height, because Excel and LibreOffice do not grow rows to fit wrapped text in a file
that arrives without heights.
"""

from __future__ import annotations

import functools
import io
import math
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import IO

from openpyxl.utils import get_column_letter

from termcheck.core.scratch import scratch_file
from termcheck.writers.xlsx.cells import Cell, display_width
from termcheck.writers.xlsx.layout import MAX_ROWS, Sheet
from termcheck.writers.xlsx.styles import Palette

SAMPLE_ROWS = 2000
LINE_HEIGHT = 15.0  # points, for 11-point text
MAX_HEIGHT = 409.0  # Excel's largest row height


@dataclass(frozen=True)
class Width:
    least: float
    most: float
    wrap: bool = False


def _widest(text: str) -> int:
    return max((display_width(line) for line in text.splitlines()), default=0)


def _lines(text: str, room: float) -> int:
    if 2 * len(text) <= room and "\n" not in text:  # fits on one line even if every character is wide
        return 1
    return _wrapped_lines(text, room)


@functools.lru_cache(maxsize=1 << 14)  # a segment's text sizes each of its findings' rows
def _wrapped_lines(text: str, room: float) -> int:
    return sum(max(1, math.ceil(display_width(part) / room)) for part in text.split("\n"))


class SheetRows:
    """Appends rows to a sheet's row file; knows the columns' widths, so it can size each row.

    `set_columns` comes first: it fixes the headers and widths from a sample of the rows to come."""

    def __init__(self, sheet: Sheet, palette: Palette) -> None:
        self.sheet = sheet
        self.palette = palette
        self.count = 0
        self.headers: list[str] = []
        self.letters: list[str] = []
        self.limits: list[Width] = []
        self.widths: list[float] = []
        self.hidden: set[int] = set()
        self._rooms: list[tuple[int, float]] = []
        self._file = scratch_file("termcheck-sheet-")  # closed by close(), after the workbook is saved
        self._text = io.TextIOWrapper(self._file, encoding="utf-8", newline="")

    def set_columns(
        self,
        headers: Sequence[str],
        limits: Sequence[Width],
        sample: Iterable[Sequence[str]] = (),
        hidden: Collection[str] = (),
    ) -> None:
        self.headers = list(headers)
        self.letters = [get_column_letter(index) for index in range(1, len(headers) + 1)]
        self.limits = list(limits)
        self.hidden = {index for index, h in enumerate(headers) if h in hidden}
        widest = [float(display_width(h) + 2) for h in headers]
        for number, row in enumerate(sample):
            if number >= SAMPLE_ROWS:
                break
            for index, value in enumerate(row):
                widest[index] = max(widest[index], _widest(value) + 2)
        self.widths = [min(max(w, limit.least), limit.most) for w, limit in zip(widest, limits, strict=True)]
        # the wrapped, visible columns, which size the row, and the characters a line of each holds:
        # proportional text fits more than `width` digits, and wrapping wastes some
        self._rooms = [
            (index, max(1.0, width * 1.15 - 3))
            for index, (width, limit) in enumerate(zip(self.widths, self.limits, strict=True))
            if limit.wrap and index not in self.hidden
        ]
        for index, width in enumerate(self.widths, start=1):
            dimension = self.sheet.column_dimensions[get_column_letter(index)]
            dimension.width = width
            dimension.hidden = headers[index - 1] in hidden

    def letter(self, header: str) -> str:
        return str(get_column_letter(self.headers.index(header) + 1))

    @property
    def last_letter(self) -> str:
        return str(get_column_letter(len(self.headers)))

    def _height(self, cells: Sequence[Cell]) -> float:
        lines = 1
        for index, room in self._rooms:
            if index < len(cells):
                text = cells[index].text
                if text:
                    lines = max(lines, _lines(text, room))
        return min(MAX_HEIGHT, lines * LINE_HEIGHT)

    def append(self, cells: Sequence[Cell]) -> int:
        """Append a row, as high as its wrapped text needs; returns its row number."""
        self.count += 1
        number = self.count
        if not cells:
            return number
        height = self._height(cells)
        tall = height > LINE_HEIGHT
        start = f'<row r="{number}" ht="{height:g}" customHeight="1">' if tall else f'<row r="{number}">'
        row = "".join([f'<c r="{letter}{number}"{cell.xml}' for letter, cell in zip(self.letters, cells, strict=False)])
        self._text.write(f"{start}{row}</row>")
        return number

    def rows_xml(self) -> IO[bytes]:
        """The rows written, as the UTF-8 content of the sheet's <sheetData>, from the start."""
        self._text.flush()
        self._file.seek(0)
        return self._file

    def close(self) -> None:
        self._text.close()


def describe_counts(counts: Mapping[str, int]) -> str:
    """{"TC101": 2, "TC103": 1} → "TC101 ×2, TC103"."""
    return ", ".join(f"{key} ×{n}" if n > 1 else key for key, n in sorted(counts.items()))


def print_setup(sheet: Sheet, landscape: bool = True) -> None:
    """Pages as wide as the sheet, the header row repeated on each page."""
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"


def row_limit_note(cut: int, what: str) -> str:
    return (
        f"… {cut:,} more {what} are not shown: a sheet holds at most {MAX_ROWS:,} rows. "
        "The JSON report (--format json) has them all."
    )
