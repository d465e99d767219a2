"""Put streamed rows into the workbook openpyxl saved: the XLSX zip, with each sheet's <sheetData> filled.

openpyxl writes everything but the rows (styles, column widths, panes, filters, validation, the chart);
its sheets are saved with an empty <sheetData></sheetData>, which this module replaces with the rows
from each sheet's row file while copying the zip. The sheet parts are found by name through the
package's relationships, as a spreadsheet program finds them (termcheck.text.xlsx_parts). The styles part is copied with
its fonts' properties put in Excel's order (font_order), the one change made to what openpyxl wrote.
"""

from __future__ import annotations

import os
import re
import shutil
import zipfile
from collections.abc import Mapping
from typing import IO, BinaryIO

from termcheck.text import xlsx_parts
from termcheck.writers.xlsx.font_order import styles_in_excel_order

_EMPTY_DATA = re.compile(rb"<sheetData\s*/>|<sheetData>\s*</sheetData>")
_CHUNK = 1 << 20
# Sheet XML is mostly markup: level 1 is three times faster than the default 6 and the file ~20% larger.
SHEET_COMPRESSION = 1


def sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → zip member of its XML."""
    return {name: rel.part for name, rel in xlsx_parts.sheet_parts(archive)}


def fill_sheets(frame: BinaryIO, rows: Mapping[str, IO[bytes]], out: BinaryIO) -> None:
    """Copy the zip `frame` to `out`, putting `rows[name]` into the sheet called `name`."""
    with (
        zipfile.ZipFile(frame) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=SHEET_COMPRESSION) as target,
    ):
        found = sheet_parts(source)
        if missing := sorted(set(rows) - set(found)):
            raise ValueError(f"no sheet {missing[0]!r} in the saved workbook")  # a bug: rows must not be dropped
        parts = {found[name]: data for name, data in rows.items()}
        styles = xlsx_parts.styles_part(source)
        for member in source.infolist():
            data = source.read(member)
            if member.filename == styles:
                data = styles_in_excel_order(data)
            if member.filename not in parts:
                target.writestr(member, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=SHEET_COMPRESSION)
                continue
            before, after = _split_at_sheet_data(data, member.filename)
            size = len(before) + os.fstat(parts[member.filename].fileno()).st_size + len(after) + 32
            # ZIP64 only when needed: some Excel versions reject a workbook with needless ZIP64 headers
            with target.open(member.filename, "w", force_zip64=size > zipfile.ZIP64_LIMIT) as sheet:
                sheet.write(before + b"<sheetData>")
                shutil.copyfileobj(parts[member.filename], sheet, _CHUNK)
                sheet.write(b"</sheetData>" + after)


def _split_at_sheet_data(xml: bytes, name: str) -> tuple[bytes, bytes]:
    match = _EMPTY_DATA.search(xml)
    if match is None:
        raise ValueError(f"{name}: no empty <sheetData> to fill")  # openpyxl's output changed: a bug, not input
    return xml[: match.start()], xml[match.end() :]
