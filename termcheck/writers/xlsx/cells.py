"""Cells from untrusted text: never a formula, no XML-illegal characters, within Excel's limits."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from copy import copy
from weakref import WeakKeyDictionary

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles.cell_style import StyleArray
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from termcheck.formulas import is_formula_like
from termcheck.xlsx_safety import CELL_LIMIT, cut_note, room_for, safe_cell_text, strip_illegal

Span = tuple[int, int]


_STYLE_ARRAYS: WeakKeyDictionary[Workbook, dict[str, StyleArray]] = WeakKeyDictionary()


def style_cell(cell: WriteOnlyCell, name: str) -> None:
    """Same as `cell.style = name`, without looking the named style up for every cell."""
    arrays = _STYLE_ARRAYS.setdefault(cell.parent.parent, {})
    array = arrays.get(name)
    if array is None:
        cell.style = name
        arrays[name] = cell._style
    else:
        cell._style = array  # shared, so never changed in place (see text_cell)


def text_cell(sheet: WriteOnlyWorksheet, value: str | None, style: str) -> WriteOnlyCell:
    text, _ = safe_cell_text(value or "")
    cell = WriteOnlyCell(sheet, text)
    cell.data_type = "s"  # text that starts with "=" stays text
    style_cell(cell, style)
    _keep_as_text(cell, text)
    return cell


def _keep_as_text(cell: WriteOnlyCell, text: str) -> None:
    """Text that looks like a formula gets Excel's quote prefix, so it stays text when the editor edits it."""
    if is_formula_like(text):
        cell._style = copy(cell._style)  # the named style's array is shared
        cell.quotePrefix = True


def value_cell(
    sheet: WriteOnlyWorksheet, value: int | float | None, style: str, number_format: str | None = None
) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value)
    style_cell(cell, style)
    if number_format is not None:
        cell._style = copy(cell._style)
        cell.number_format = number_format
    return cell


def rich_cell(
    sheet: WriteOnlyWorksheet,
    value: str | None,
    spans: Iterable[Span],
    font: InlineFont,
    style: str,
) -> WriteOnlyCell:
    """Text with the spans emphasised. Spans are offsets into `value` as the reader produced it."""
    original = value or ""
    marked = _merge(spans, len(original))
    if not marked:
        return text_cell(sheet, original, style)
    pieces: list[str | TextBlock] = []
    position = 0
    for start, end in marked:
        pieces.append(original[position:start])
        pieces.append(TextBlock(font, original[start:end]))
        position = end
    pieces.append(original[position:])
    rich = _clean_rich(pieces, CELL_LIMIT)
    cell = WriteOnlyCell(sheet, rich)
    style_cell(cell, style)
    _keep_as_text(cell, str(rich))
    return cell


def _merge(spans: Iterable[Span], length: int) -> list[Span]:
    merged: list[Span] = []
    for start, end in sorted((max(0, s), min(e, length)) for s, e in spans):
        if start >= end:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _clean_rich(pieces: Sequence[str | TextBlock], limit: int) -> CellRichText:
    """Drop illegal characters from every run and cut the whole to the cell limit."""
    cleaned = [strip_illegal(p if isinstance(p, str) else p.text) for p in pieces]
    total = sum(len(text) for text in cleaned)
    budget = room_for(total, limit)
    out: list[str | TextBlock] = []
    used = 0
    for piece, full in zip(pieces, cleaned, strict=True):
        text = full[: budget - used]
        used += len(text)
        if text:
            out.append(text if isinstance(piece, str) else TextBlock(piece.font, text))
    if used < total:
        out.append(cut_note(total, used))
    return CellRichText(out)


def display_width(text: str) -> int:
    """Columns the text takes: East Asian wide characters count twice."""
    if text.isascii():
        return len(text)
    return len(text) + sum(1 for ch in text if ord(ch) >= 0x1100 and unicodedata.east_asian_width(ch) in "WF")
