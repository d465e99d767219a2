"""Untrusted text and spreadsheets: safe cells to write, workbooks opened safely to read."""

from __future__ import annotations

import contextlib
import re
import zipfile
from collections.abc import Iterator
from typing import Any

from termcheck.core.errors import InputError
from termcheck.text.textio import check_readable
from termcheck.text.xlsx_parts import worksheet_part

CELL_LIMIT = 32_767
# The characters XML 1.0 cannot hold: control characters but tab, newline and carriage return, lone
# surrogates, and the non-characters U+FFFE and U+FFFF (a workbook holding one cannot be opened again)
ILLEGAL_CHARACTERS_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# An XLSX is a zip: refuse one that would expand past these before openpyxl reads any of it.
MAX_EXPANDED_BYTES = 512 * 1024 * 1024
MAX_RATIO = 100  # deflate manages ~10:1 on sheet XML; a bomb manages ~1000:1
RATIO_FROM_BYTES = 8 * 1024 * 1024  # small members may compress far better than that, harmlessly
MAX_MEMBERS = 10_000
MAX_MERGED_RANGES = 100_000
EXCEL_COLUMNS, EXCEL_ROWS = 16_384, 1_048_576  # where a whole-column (A:B) or whole-row (1:3) range ends
CUT_NOTE = " […cut by termcheck: {n} more characters]"
# Excel reads _xHHHH_ in a string as the character U+HHHH, so a literal one is written with its "_" escaped
_EXCEL_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")
_EXCEL_LITERAL = re.compile(r"_(?=x[0-9A-Fa-f]{4}_)")


def excel_escape(text: str) -> str:
    """Text to write into a cell so that Excel shows it as it is: "_x0041_" stays "_x0041_", not "A"."""
    return _EXCEL_LITERAL.sub("_x005F_", text) if "_x" in text else text


def has_illegal(text: str) -> bool:
    return ILLEGAL_CHARACTERS_RE.search(text) is not None


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


def refuse_zip_bomb(path: str) -> None:
    """Check the zip's directory (declared sizes; a member cannot expand past its declared size when read)."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise InputError(path, f"not a readable XLSX workbook ({exc.__class__.__name__}: {exc})") from None
    if len(members) > MAX_MEMBERS:
        raise InputError(path, f"{len(members):,} parts in the XLSX zip (limit {MAX_MEMBERS:,}): refusing it")
    expanded = sum(m.file_size for m in members)
    if expanded > MAX_EXPANDED_BYTES:
        raise InputError(
            path,
            f"would expand to {expanded / 2**20:,.0f} MiB (limit {MAX_EXPANDED_BYTES / 2**20:,.0f} MiB): "
            "refusing an oversized workbook or zip bomb",
        )
    for member in members:
        if member.file_size > RATIO_FROM_BYTES and member.file_size > MAX_RATIO * max(member.compress_size, 1):
            raise InputError(
                path,
                f"{member.filename} expands {member.file_size // max(member.compress_size, 1):,} times: "
                "refusing a possible zip bomb",
            )


def refuse_opendocument(path: str) -> None:
    """An OpenDocument spreadsheet (LibreOffice's .ods) is a zip too, but not one openpyxl reads."""
    opendocument = path.lower().endswith((".ods", ".fods"))
    if not opendocument and zipfile.is_zipfile(path):
        with contextlib.suppress(zipfile.BadZipFile, KeyError, OSError), zipfile.ZipFile(path) as archive:
            opendocument = archive.read("mimetype").startswith(b"application/vnd.oasis.opendocument")
    if opendocument:
        raise InputError(
            path,
            "an OpenDocument spreadsheet (.ods); save it as Excel 2007-365 (.xlsx) and run again",
        )


def open_workbook(path: str) -> Any:
    """Open an XLSX read-only: rows stream, formulas come back as their text (never evaluated),
    macros and external links are not loaded, and zip bombs are refused first. A bad file is an InputError.
    """
    from openpyxl import load_workbook

    check_readable(path)
    refuse_opendocument(path)
    refuse_zip_bomb(path)
    try:
        return load_workbook(path, read_only=True, data_only=False, keep_links=False, keep_vba=False)
    except UNREADABLE as exc:
        raise unreadable(path, exc) from None


def merged_ranges(path: str, sheet: Any) -> list[tuple[int, int, int, int]]:
    """The merged ranges of a sheet opened read-only, as (min_col, min_row, max_col, max_row).

    Read-only sheets have no merged-cell information, and openpyxl's full load costs ten times the memory
    and time of streaming (520 MiB for 100,000 rows) and builds a cell for every cell a range covers (a
    7 KB file merging D2:XFD1048576 takes minutes). So the sheet's XML, found by the sheet's name through the
    package's relationships, is read for its <mergeCell> elements, after a plain byte search says it has any:
    most sheets have none."""
    from lxml import etree
    from openpyxl.utils.cell import range_boundaries

    with zipfile.ZipFile(path) as archive:
        part = worksheet_part(archive, sheet.title)
        if not _contains(archive, part, b"mergeCell"):
            return []
        ranges: list[tuple[int, int, int, int]] = []
        with archive.open(part) as source:
            elements = etree.iterparse(
                source,
                events=("end",),
                tag=("{*}row", "{*}mergeCell"),
                resolve_entities=False,
                no_network=True,
                load_dtd=False,
                huge_tree=False,
            )
            for _event, element in elements:
                if etree.QName(element).localname == "mergeCell":
                    if len(ranges) == MAX_MERGED_RANGES:
                        raise InputError(path, f"over {MAX_MERGED_RANGES:,} merged ranges: unmerge them")
                    min_col, min_row, max_col, max_row = range_boundaries(element.get("ref", ""))
                    ranges.append((min_col or 1, min_row or 1, max_col or EXCEL_COLUMNS, max_row or EXCEL_ROWS))
                element.clear()
                while element.getprevious() is not None:  # keep memory flat: drop the rows already read
                    del element.getparent()[0]
        return ranges


def _contains(archive: zipfile.ZipFile, part: str, needle: bytes) -> bool:
    tail = b""
    with archive.open(part) as source:
        while chunk := source.read(1 << 20):
            if needle in tail + chunk[: len(needle)] or needle in chunk:
                return True
            tail = chunk[-len(needle) :]
    return False


def fill_merged(
    rows: Iterator[tuple[Any, ...]], ranges: list[tuple[int, int, int, int]]
) -> Iterator[tuple[int, list[Any]]]:
    """(row number, values) with every merged range holding its top-left value in each of its cells, as a
    person reading the sheet sees it. Only the rows the sheet has are filled, only as wide as they are."""
    starting: dict[int, list[tuple[int, int, int, int]]] = {}
    for bounds in ranges:
        starting.setdefault(bounds[1], []).append(bounds)
    filling: dict[int, tuple[Any, int]] = {}  # column index → (value, last row of its range)
    for number, values in enumerate(rows, start=1):
        row = list(values)
        for min_col, _min_row, max_col, max_row in starting.pop(number, ()):
            value = row[min_col - 1] if min_col <= len(row) else None
            for index in range(min_col - 1, min(max_col, len(row))):
                filling[index] = (value, max_row)
        for index, (value, last) in list(filling.items()):
            if last < number:
                del filling[index]
            elif index < len(row):
                row[index] = value
        yield number, row


# what openpyxl raises on a damaged workbook, when opening it or (read-only) when reading its rows
UNREADABLE = (zipfile.BadZipFile, KeyError, OSError, ValueError, SyntaxError, TypeError, AttributeError, IndexError)


def unreadable(path: str, exc: BaseException) -> InputError:
    """xml.etree's ParseError is a SyntaxError: a sheet with broken XML is a damaged workbook, not a bug."""
    return InputError(path, f"not a readable XLSX workbook ({exc.__class__.__name__}: {exc})")


def cell_text(value: Any) -> str:
    """A cell's value as the text a person typed: 12.0 read back as "12", empty as "", and Excel's
    _xHHHH_ escapes (which openpyxl passes through) as their characters: "_x000D_" is a carriage return."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value)
    return _EXCEL_ESCAPED.sub(lambda m: chr(int(m[1], 16)), text) if "_x" in text else text
