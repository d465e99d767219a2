"""Sheet-wide formatting: column widths and row heights that fit, page setup, notes where rows were cut.

A write-only sheet takes widths, hidden columns and page setup before its first row; row heights
are set just before each row is written, because Excel and LibreOffice do not grow rows to fit
wrapped text in a file that arrives without heights.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from termcheck.writers.xlsx.cells import display_width
from termcheck.writers.xlsx.layout import MAX_ROWS

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


class SheetRows:
    """Appends rows to a write-only sheet; knows the columns' widths, so it can size each row."""

    def __init__(
        self,
        sheet: WriteOnlyWorksheet,
        headers: Sequence[str],
        limits: Sequence[Width],
        sample: Iterable[Sequence[str]] = (),
        hidden: Collection[str] = (),
    ) -> None:
        self.sheet = sheet
        self.headers = list(headers)
        self.limits = list(limits)
        self.count = 0
        self.hidden = {index for index, h in enumerate(headers) if h in hidden}
        widest = [float(display_width(h) + 2) for h in headers]
        for number, row in enumerate(sample):
            if number >= SAMPLE_ROWS:
                break
            for index, value in enumerate(row):
                widest[index] = max(widest[index], _widest(value) + 2)
        self.widths = [min(max(w, limit.least), limit.most) for w, limit in zip(widest, limits, strict=True)]
        for index, width in enumerate(self.widths, start=1):
            dimension = sheet.column_dimensions[get_column_letter(index)]
            dimension.width = width
            dimension.hidden = headers[index - 1] in hidden

    def letter(self, header: str) -> str:
        return str(get_column_letter(self.headers.index(header) + 1))

    @property
    def last_letter(self) -> str:
        return str(get_column_letter(len(self.headers)))

    def _height(self, texts: Sequence[str | None]) -> float:
        lines = 1
        for index, (text, width, limit) in enumerate(zip(texts, self.widths, self.limits, strict=False)):
            if not text or not limit.wrap or index in self.hidden:
                continue
            room = max(1.0, width * 1.15 - 3)  # proportional text fits more than `width` digits; wrap wastes some
            lines = max(lines, sum(max(1, math.ceil(display_width(part) / room)) for part in text.split("\n")))
        return min(MAX_HEIGHT, lines * LINE_HEIGHT)

    def append(self, cells: Sequence[WriteOnlyCell], texts: Sequence[str | None] = ()) -> int:
        """Append a row; `texts` are the cells' plain texts in column order, to size the row."""
        self.count += 1
        height = self._height(texts)
        if height > LINE_HEIGHT:
            self.sheet.row_dimensions[self.count].height = height
        self.sheet.append(list(cells))
        self.sheet.row_dimensions.pop(self.count, None)  # written: keep memory flat
        return self.count


def describe_counts(counts: Mapping[str, int]) -> str:
    """{"TC101": 2, "TC103": 1} → "TC101 ×2, TC103"."""
    return ", ".join(f"{key} ×{n}" if n > 1 else key for key, n in sorted(counts.items()))


def print_setup(sheet: WriteOnlyWorksheet, landscape: bool = True) -> None:
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
