"""XLSX glossaries: the CSV columns on the first sheet."""

from __future__ import annotations

import io
from collections.abc import Iterator, Mapping
from typing import BinaryIO

from termcheck.glossary.model import Glossary
from termcheck.glossary.table import Row, find_header, glossary_to_rows, rows_to_glossary
from termcheck.text.xlsx_safety import (
    UNREADABLE,
    cell_text,
    excel_escape,
    fill_merged,
    merged_ranges,
    open_workbook,
    safe_cell_text,
    unreadable,
)


def read_xlsx_glossary(path: str, columns: Mapping[str, str] | None = None, name: str = "") -> Glossary:
    workbook = open_workbook(path)  # formulas come back as their text
    try:
        sheet = workbook.worksheets[0]
        rows = fill_merged(sheet.iter_rows(values_only=True), merged_ranges(path, sheet))
        header, mapping = find_header(
            ((n, [cell_text(v).strip() for v in values]) for n, values in rows), path, columns
        )

        def records() -> Iterator[Row]:
            for number, values in rows:
                yield Row(number, {h: cell_text(v) for h, v in zip(header, values, strict=False) if h})

        return rows_to_glossary(records(), mapping, name)
    except UNREADABLE as exc:  # read-only workbooks parse the sheet as its rows are read
        raise unreadable(path, exc) from None
    finally:
        workbook.close()


def write_xlsx_glossary(glossary: Glossary, path: str, handle: BinaryIO) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    header, rows = glossary_to_rows(glossary, path)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Glossary"
    sheet.append(header)
    for row_number, row in enumerate(rows, start=2):
        for column, value in enumerate(row, start=1):
            cell = sheet.cell(row_number, column, excel_escape(safe_cell_text(value)[0]))
            cell.data_type = "s"  # text, never a formula
    bold = Font(bold=True, color="FFFFFF")
    fill = PatternFill("solid", fgColor="305496")
    for cell in sheet[1]:
        cell.font = bold
        cell.fill = fill
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    last = max(len(rows) + 1, 1000)
    yes_no = DataValidation(type="list", formula1='"yes,no"', allow_blank=True)
    sheet.add_data_validation(yes_no)
    letter = {name: cell.column_letter for name, cell in zip(header, sheet[1], strict=True)}
    yes_no.add(f"{letter['deprecated_everywhere']}2:{letter['deprecated_everywhere']}{last}")
    # case_sensitive and exact take yes or a list of the concept's English terms: offer yes, allow any
    suggest_yes = DataValidation(type="list", formula1='"yes"', allow_blank=True, showErrorMessage=False)
    sheet.add_data_validation(suggest_yes)
    for flag in ("case_sensitive", "exact"):
        suggest_yes.add(f"{letter[flag]}2:{letter[flag]}{last}")
    for index, name in enumerate(header):
        width = max([len(name), *(len(r[index]) for r in rows)])
        sheet.column_dimensions[sheet.cell(1, index + 1).column_letter].width = min(max(width + 2, 8), 60)
    wrap = Alignment(wrap_text=True, vertical="top")
    for row_cells in sheet.iter_rows(min_row=2):
        for cell in row_cells:
            cell.alignment = wrap
    buffer = io.BytesIO()
    workbook.save(buffer)
    handle.write(buffer.getvalue())
