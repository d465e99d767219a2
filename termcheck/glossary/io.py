"""Choose a glossary format by file extension; load and save."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import BinaryIO

from termcheck.core.atomic import write_atomically
from termcheck.core.errors import InputError
from termcheck.glossary.csv_format import read_csv_glossary, render_csv_glossary
from termcheck.glossary.model import UNREADABLE, Glossary
from termcheck.glossary.tbx_format import read_tbx_glossary, write_tbx_glossary
from termcheck.glossary.xlsx_format import read_xlsx_glossary, write_xlsx_glossary


def glossary_format(path: str) -> str:
    ext = os.path.splitext(path)[1].lower().lstrip(".")
    if ext in ("csv", "tsv", "xlsx", "tbx"):
        return ext
    if ext in ("tab", "txt"):
        return "tsv"
    if ext in ("xml", "tbxm"):
        return "tbx"
    raise InputError(path, f"unknown glossary format {ext!r} (use .csv, .tsv, .xlsx or .tbx)")


def load_glossary(
    path: str, columns: Mapping[str, str] | None = None, encoding: str | None = None, strict: bool = True
) -> Glossary:
    """Read a glossary. A value that cannot be read (`case_sensitive = maybe`, an unknown TBX status) is an
    InputError naming its row, unless `strict` is off: then it is an `unreadable` issue, for `validate` to
    report beside everything else."""
    fmt = glossary_format(path)
    name = os.path.basename(path)
    if fmt in ("csv", "tsv"):
        glossary = read_csv_glossary(path, columns, encoding, name)
    elif fmt == "xlsx":
        glossary = read_xlsx_glossary(path, columns, name)
    else:
        glossary = read_tbx_glossary(path, name)
    unreadable = next((i for i in glossary.issues if i.code == UNREADABLE), None)
    if strict and unreadable is not None:
        raise InputError(path, unreadable.message, unreadable.line)
    return glossary


def load_each(
    paths: Sequence[str], columns: Mapping[str, str] | None = None, encoding: str | None = None
) -> list[Glossary]:
    if not paths:
        raise InputError("--glossary", "no glossary given")
    return [load_glossary(p, columns, encoding) for p in paths]


def combine(loaded: Sequence[Glossary]) -> Glossary:
    """Several --glossary files act as one."""
    return loaded[0] if len(loaded) == 1 else Glossary.merged(loaded)


def load_glossaries(
    paths: Sequence[str], columns: Mapping[str, str] | None = None, encoding: str | None = None
) -> Glossary:
    return combine(load_each(paths, columns, encoding))


def save_glossary(glossary: Glossary, path: str, tbx_version: int = 3) -> None:
    fmt = glossary_format(path)

    def write(handle: BinaryIO) -> None:
        if fmt in ("csv", "tsv"):
            handle.write(render_csv_glossary(glossary, path).encode("utf-8"))
        elif fmt == "xlsx":
            write_xlsx_glossary(glossary, path, handle)
        else:
            write_tbx_glossary(glossary, handle, tbx_version)

    write_atomically(path, write)
