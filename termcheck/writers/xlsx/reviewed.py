"""Read an editor's decisions back from a termcheck workbook, by header name.

Rows may have been re-sorted or filtered and columns added; what identifies a row is its finding id.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula

from termcheck.core.errors import InputError
from termcheck.text.xlsx_safety import UNREADABLE, cell_text, open_workbook, unreadable
from termcheck.writers.xlsx.layout import (
    COMMENT,
    CORRECTION,
    FINDINGS,
    ID,
    INPUTS,
    INPUTS_COLUMNS,
    ROW_CHECK,
    SEGMENT_HASH,
    STATUS,
    TARGET_SPAN,
    Status,
)

HEADER_SEARCH_ROWS = 20
_FINDING_ID = re.compile(r"^[0-9a-f]{12}$")


@dataclass(frozen=True)
class ReviewRow:
    id: str
    status: str  # one of the Status values: what the row is read as everywhere
    comment: str
    segment_hash: str
    code: str
    file: str
    segment: str
    found: str
    row: int
    correction: str = ""
    # what the row's fix reads: the found and expected text exactly as written (a doubled space is "  "), and
    # where the finding is in the target
    found_exact: str = ""
    expected: str = ""
    target_span: tuple[int, int] | None = None
    unknown_status: str = ""  # the Status cell as typed, where it is none of the statuses (the row reads as Open)
    row_check: str = ""  # the hidden digest of the cells above as the report wrote them (writers.xlsx.row_check)
    correction_is_formula: bool = False  # the Correction cell holds a formula (its text is `correction`)


@dataclass(frozen=True)
class ReportInput:
    """A document the report was made from, and its files (absolute paths, as they were when it was checked)."""

    document: str
    format: str
    source: str
    target: str


@dataclass(frozen=True)
class Review:
    path: str
    rows: list[ReviewRow]
    skipped: tuple[int, ...]  # the numbers of rows without a finding id: notes, or lines the editor added
    inputs: list[ReportInput] = field(default_factory=list)  # empty for reports older than the Inputs sheet
    row_checks: bool = False  # the report has the Row check column (older ones do not)

    @property
    def unknown(self) -> tuple[tuple[int, str], ...]:
        """(row number, status as typed) of each row whose status is none of the statuses."""
        return tuple((row.row, row.unknown_status) for row in self.rows if row.unknown_status)


def _text(value: Any) -> str:
    return cell_text(value).strip()


def _cells(rows: Iterator[tuple[Any, ...]]) -> Iterator[tuple[tuple[Any, ...], frozenset[int]]]:
    """Each row's values, a formula as its text (never evaluated), and the indexes of the cells holding one. A
    formula is what openpyxl reads as data type "f": typed, filled down (shared), an array or a data table, and
    as Excel and LibreOffice save it, with its last result beside it (not read)."""
    for cells in rows:
        formulas = frozenset(i for i, cell in enumerate(cells) if cell.data_type == "f")
        yield tuple(_formula_text(c.value) if i in formulas else c.value for i, c in enumerate(cells)), formulas


def _formula_text(value: Any) -> str:
    if isinstance(value, ArrayFormula):
        return str(value.text)
    if isinstance(value, DataTableFormula):
        return f"=TABLE({value.r1 or ''},{value.r2 or ''})"
    return cell_text(value)


def _find_header(rows: Iterator[tuple[tuple[Any, ...], frozenset[int]]], path: str) -> tuple[list[str], int]:
    """Consume rows up to the header (the editor may have inserted rows above it)."""
    for number, (values, _) in enumerate(islice(rows, HEADER_SEARCH_ROWS), start=1):
        header = [_text(v) for v in values]
        if ID in header and STATUS in header:
            return header, number
    raise InputError(path, f"not a termcheck report: the {FINDINGS!r} sheet has no {ID!r} and {STATUS!r} columns")


def read_review(path: str) -> Review:
    workbook = open_workbook(path)  # a formula an editor typed is read as its text
    try:
        return _read_rows(path, workbook)
    except UNREADABLE as exc:  # read-only workbooks parse each sheet as its rows are read
        raise unreadable(path, exc) from None
    finally:
        workbook.close()


def _read_rows(path: str, workbook: Any) -> Review:
    if FINDINGS not in workbook.sheetnames:
        raise InputError(path, f"not a termcheck report: it has no {FINDINGS!r} sheet")
    rows = _cells(workbook[FINDINGS].iter_rows())
    header, number = _find_header(rows, path)
    column = {name: index for index, name in reversed(list(enumerate(header))) if name}
    found: list[ReviewRow] = []
    skipped: list[int] = []

    def get(values: tuple[Any, ...], name: str) -> str:
        index = column.get(name)
        return _text(values[index]) if index is not None and index < len(values) else ""

    def exact(values: tuple[Any, ...], name: str) -> str:
        index = column.get(name)
        return cell_text(values[index]) if index is not None and index < len(values) and values[index] else ""

    def formula(formulas: frozenset[int], name: str) -> bool:
        return column.get(name, -1) in formulas

    for row_number, (values, formulas) in enumerate(rows, start=number + 1):
        finding_id = get(values, ID)
        if not _FINDING_ID.match(finding_id):
            if any(v is not None for v in values):
                skipped.append(row_number)
            continue
        typed = get(values, STATUS)
        status = None if formula(formulas, STATUS) else Status.read(typed)  # a formula's result is not read
        found.append(
            ReviewRow(
                id=finding_id,
                status=(status or Status.OPEN).value,
                comment=get(values, COMMENT),
                segment_hash=get(values, SEGMENT_HASH),
                code=get(values, "Code"),
                file=get(values, "File"),
                segment=get(values, "Segment"),
                found=get(values, "Found"),
                row=row_number,
                correction=exact(values, CORRECTION),
                found_exact=exact(values, "Found"),
                expected=exact(values, "Expected"),
                target_span=_span(get(values, TARGET_SPAN)),
                unknown_status="" if status else typed,
                row_check=get(values, ROW_CHECK),
                correction_is_formula=formula(formulas, CORRECTION),
            )
        )
    return Review(path, found, tuple(skipped), _inputs(workbook), ROW_CHECK in column)


def _span(text: str) -> tuple[int, int] | None:
    start, sep, end = text.partition("-")
    return (int(start), int(end)) if sep and start.isdigit() and end.isdigit() else None


def _inputs(workbook: Any) -> list[ReportInput]:
    if INPUTS not in workbook.sheetnames:
        return []
    rows = workbook[INPUTS].iter_rows(values_only=True)
    header = [_text(v) for v in next(rows, ())]
    if header[: len(INPUTS_COLUMNS)] != list(INPUTS_COLUMNS):
        return []
    return [
        ReportInput(*(_text(v) for v in (list(values) + [None] * 4)[:4])) for values in rows if values and values[0]
    ]
