"""Cells from untrusted text, as SpreadsheetML: never a formula, no XML-illegal characters, within Excel's limits.

A cell is rendered once, as the XML of a `<c>` element after its reference, and its plain text is kept
to size the row. Strings are inline (`t="inlineStr"`), as openpyxl writes them in write-only mode.
"""

from __future__ import annotations

import functools
import math
import unicodedata
from collections.abc import Sequence
from typing import NamedTuple

from termcheck.text.formulas import is_formula_like
from termcheck.text.xlsx_safety import (
    CELL_LIMIT,
    cut_note,
    excel_escape,
    has_illegal,
    room_for,
    safe_cell_text,
    strip_illegal,
)
from termcheck.writers.xlsx.styles import Style

Span = tuple[int, int]
Run = tuple[str, str | None]  # text and its run properties (<rPr> XML), None for the cell's own font


class Cell(NamedTuple):
    xml: str  # what follows `<c r="B7"` in the sheet
    text: str | None  # plain text, to size the row; None for numbers


def xml_text(text: str) -> str:
    """A <t> element holding `text` as Excel will show it; a carriage return is Excel's _x000D_, since XML
    parsers read a bare one as a line feed."""
    escaped = excel_escape(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    escaped = escaped.replace("\r", "_x000D_")
    if text != text.strip():
        return f'<t xml:space="preserve">{escaped}</t>'
    return f"<t>{escaped}</t>"


def text_cell(value: str | None, style: Style) -> Cell:
    """Text that starts like a formula gets Excel's quote prefix, so it stays text when the editor edits it."""
    text, _ = safe_cell_text(value or "")
    if not text:
        return Cell(f' s="{style.id}"/>', "")
    return _string_cell(xml_text(text), text, style)


def _string_cell(inline: str, plain: str, style: Style) -> Cell:
    """An inline-string cell holding `inline` (<t> or <r> elements); formula-like text gets the quote prefix."""
    style_id = style.quoted if is_formula_like(plain) else style.id
    return Cell(f' s="{style_id}" t="inlineStr"><is>{inline}</is></c>', plain)


def _run_xml(text: str, font: str | None) -> str:
    return f"<r><rPr>{font}</rPr>{xml_text(text)}</r>" if font else f"<r>{xml_text(text)}</r>"


# for values that repeat row after row (labels, names, statuses, messages); unique ones would only evict them
label_cell = functools.lru_cache(maxsize=1 << 12)(text_cell)


def value_cell(value: int | float | None, style: Style) -> Cell:
    if value is None or not math.isfinite(value):
        return Cell(f' s="{style.id}"/>', None)
    return Cell(f' s="{style.id}" t="n"><v>{value!r}</v></c>', None)


def runs_cell(runs: Sequence[Run], style: Style) -> Cell:
    """Text in runs, some in their own font (bold, red, struck through)."""
    plain = "".join(text for text, _ in runs)
    if len(plain) > CELL_LIMIT or has_illegal(plain):
        runs = _clean_runs(runs, CELL_LIMIT)
        plain = "".join(text for text, _ in runs)
    if not any(font for text, font in runs if text):
        return text_cell(plain, style)
    return _string_cell("".join(_run_xml(text, font) for text, font in runs if text), plain, style)


def rich_cell(value: str | None, spans: Sequence[Span], font: str, style: Style) -> Cell:
    """Text with the spans in `font`. Spans are offsets into `value` as the reader produced it."""
    original = value or ""
    marked = _merge(spans, len(original))
    if not marked:
        return text_cell(original, style)
    if len(original) > CELL_LIMIT or has_illegal(original):
        return runs_cell(_runs(original, marked, font), style)  # cleaning moves the offsets
    runs = "".join(_run_xml(text, run_font) for text, run_font in _runs(original, marked, font) if text)
    return _string_cell(runs, original, style)


def _runs(text: str, marked: Sequence[Span], font: str) -> list[Run]:
    runs: list[Run] = []
    position = 0
    for start, end in marked:
        runs.append((text[position:start], None))
        runs.append((text[start:end], font))
        position = end
    runs.append((text[position:], None))
    return runs


def _merge(spans: Sequence[Span], length: int) -> list[Span]:
    if len(spans) == 1:  # the common case: one finding's span
        start, end = max(0, spans[0][0]), min(spans[0][1], length)
        return [(start, end)] if start < end else []
    merged: list[Span] = []
    for start, end in sorted((max(0, s), min(e, length)) for s, e in spans):
        if start >= end:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _clean_runs(runs: Sequence[Run], limit: int) -> list[Run]:
    """Drop illegal characters and empty runs, and cut the whole to the cell limit with a visible note."""
    cleaned = [(strip_illegal(text), font) for text, font in runs]
    total = sum(len(text) for text, _ in cleaned)
    budget = room_for(total, limit)
    out: list[Run] = []
    used = 0
    for full, font in cleaned:
        text = full[: budget - used]
        used += len(text)
        if text:
            out.append((text, font))
    if used < total:
        out.append((cut_note(total, used), None))
    return out


def display_width(text: str) -> int:
    """Columns the text takes: East Asian wide characters count twice."""
    if text.isascii():
        return len(text)
    width = unicodedata.east_asian_width
    return len(text) + sum(1 for ch in text if ch >= "\u1100" and width(ch) in "WF")
