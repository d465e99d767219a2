"""Readers turn input files into documents of segments. The format follows the file extension."""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import partial

from termcheck.errors import InputError, UsageError
from termcheck.readers.base import Document, FieldNames
from termcheck.readers.delimited import read_delimited
from termcheck.readers.jsonl import read_jsonl
from termcheck.readers.plaintext import read_aligned, read_target_lines
from termcheck.readers.tmx import read_tmx
from termcheck.readers.xliff import read_xliff
from termcheck.textio import check_readable

EXTENSIONS = {
    ".txt": "text",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".csv": "csv",
    ".xlf": "xliff",
    ".xliff": "xliff",
    ".sdlxliff": "xliff",
    ".mxliff": "xliff",
    ".tmx": "tmx",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
FORMATS = ("text", "tsv", "csv", "xliff", "tmx", "jsonl")


def detect_format(path: str) -> str:
    ext = os.path.splitext(path)[1].lower()
    if ext in EXTENSIONS:
        return EXTENSIONS[ext]
    return "text"  # anything else is read as plain English lines


def open_document(
    path: str, fields: FieldNames = FieldNames(), encoding: str | None = None, fmt: str | None = None
) -> Document:
    check_readable(path)
    fmt = fmt or detect_format(path)
    if fmt == "text":
        reader = partial(read_target_lines, path, encoding)
    elif fmt in ("tsv", "csv"):
        reader = partial(read_delimited, path, fields, encoding)
    elif fmt == "jsonl":
        reader = partial(read_jsonl, path, fields, encoding)
    elif fmt == "xliff":
        reader = partial(read_xliff, path)
    elif fmt == "tmx":
        reader = partial(read_tmx, path)
    else:
        raise UsageError(f"unknown input format {fmt!r} (use one of {', '.join(FORMATS)})")
    return Document(path, (path,), reader, fmt)


def open_pair(source: str, target: str, encoding: str | None = None) -> Document:
    check_readable(source)
    check_readable(target)
    return Document(target, (source, target), partial(read_aligned, source, target, encoding), "text-pair")


def open_documents(
    files: Sequence[str] = (),
    source: str | None = None,
    target: str | None = None,
    fields: FieldNames = FieldNames(),
    encoding: str | None = None,
    fmt: str | None = None,
) -> list[Document]:
    """The documents of one run: FILES, or a --source/--target pair, or --target alone."""
    if source and not target:
        raise UsageError("--source needs --target (the English file to check)")
    documents = [open_document(f, fields, encoding, fmt) for f in files]
    if target:
        documents.append(
            open_pair(source, target, encoding) if source else open_document(target, fields, encoding, fmt)
        )
    if not documents:
        raise UsageError("nothing to check: give FILES or --target (with --source for a bilingual pair)")
    return documents


__all__ = ["Document", "FieldNames", "InputError", "open_document", "open_documents", "open_pair"]
