"""Untrusted text and spreadsheets: safe cells to write, workbooks opened safely to read."""

from __future__ import annotations

import contextlib
import re
import zipfile
from typing import Any

from termcheck.errors import InputError
from termcheck.textio import check_readable

CELL_LIMIT = 32_767
# The characters XML 1.0 cannot hold: control characters but tab, newline and carriage return, lone
# surrogates, and the non-characters U+FFFE and U+FFFF (a workbook holding one cannot be opened again)
ILLEGAL_CHARACTERS_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# An XLSX is a zip: refuse one that would expand past these before openpyxl reads any of it.
MAX_EXPANDED_BYTES = 512 * 1024 * 1024
MAX_RATIO = 100  # deflate manages ~10:1 on sheet XML; a bomb manages ~1000:1
RATIO_FROM_BYTES = 8 * 1024 * 1024  # small members may compress far better than that, harmlessly
MAX_MEMBERS = 10_000
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
