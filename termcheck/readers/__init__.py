"""Readers turn input files into documents of segments. The format follows the file extension."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from functools import partial

from termcheck.core.errors import InputError, UsageError
from termcheck.core.model import Segment
from termcheck.readers.base import Document, FieldNames, Pair, unique_ids
from termcheck.readers.delimited import read_delimited
from termcheck.readers.jsonl import read_jsonl
from termcheck.readers.paths import display_path
from termcheck.readers.plaintext import read_aligned, read_target_lines
from termcheck.readers.tmx import read_tmx
from termcheck.readers.xliff import read_xliff
from termcheck.text.textio import check_readable

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


def target_locale(path: str, fmt: str) -> str:
    """The English locale an XLIFF or TMX file declares for its targets ("en-US"), or "" (none, or plain "en")."""
    if fmt not in ("xliff", "tmx"):
        return ""
    from termcheck.text.langs import english_locale
    from termcheck.text.xmlsafe import localname, start_tags, xml_lang

    for element in start_tags(path):
        name = localname(element)
        if fmt == "xliff" and name == "xliff" and element.get("trgLang"):
            return english_locale(element.get("trgLang") or "")
        if fmt == "xliff" and name == "file":
            return english_locale(element.get("target-language") or "")
        if fmt == "tmx" and name == "tuv" and english_locale(xml_lang(element)) != "":
            return english_locale(xml_lang(element))
        if fmt == "tmx" and name == "tu" and element.getparent() is not None and len(element.getparent()) > 50:
            break  # fifty units without an English locale: there is none
    return ""


def open_document(
    path: str,
    fields: FieldNames = FieldNames(),
    encoding: str | None = None,
    fmt: str | None = None,
    name: str | None = None,
) -> Document:
    """A document read from `path`; its findings name it `name` (default: the path)."""
    check_readable(path)
    fmt = fmt or detect_format(path)
    name = name or path
    if fmt == "text":
        reader = partial(read_target_lines, path, encoding, name)
    elif fmt in ("tsv", "csv"):
        reader = partial(read_delimited, path, fields, encoding, name)
    elif fmt == "jsonl":
        reader = partial(read_jsonl, path, fields, encoding, name)
    elif fmt == "xliff":
        reader = partial(read_xliff, path, name)
    elif fmt == "tmx":
        reader = partial(read_tmx, path, name)
    else:
        raise UsageError(f"unknown input format {fmt!r} (use one of {', '.join(FORMATS)})")
    notes: list[str] = []
    if fmt != "text":  # lines are unique; ids from a file may not be
        reader = partial(_read_unique, reader, notes, name)
    return Document(name, (path,), reader, fmt, target_locale(path, fmt), notes)


def _read_unique(reader: Callable[[], Iterator[Segment]], notes: list[str], name: str) -> Iterator[Segment]:
    return unique_ids(reader(), notes, name)


def open_pair(source: str, target: str, encoding: str | None = None, name: str | None = None) -> Document:
    check_readable(source)
    check_readable(target)
    name = name or target
    return Document(name, (source, target), partial(read_aligned, source, target, encoding, name), "text-pair")


def open_documents(
    files: Sequence[str | Pair] = (),
    source: str | None = None,
    target: str | None = None,
    fields: FieldNames = FieldNames(),
    encoding: str | None = None,
    fmt: str | None = None,
    root: str | None = None,
) -> list[Document]:
    """The documents of one run: FILES (single files or source/target pairs), or --source/--target, or --target alone.

    With `root`, findings name files relative to it (see termcheck.readers.paths).
    """
    if source and not target:
        raise UsageError("--source needs --target (the English file to check)")

    def shown(path: str) -> str:
        return display_path(path, root)

    documents = [
        open_pair(f.source, f.target, encoding, shown(f.target))
        if isinstance(f, Pair)
        else open_document(f, fields, encoding, fmt, shown(f))
        for f in files
    ]
    if target:
        documents.append(
            open_pair(source, target, encoding, shown(target))
            if source
            else open_document(target, fields, encoding, fmt, shown(target))
        )
    if not documents:
        raise UsageError("nothing to check: give FILES or --target (with --source for a bilingual pair)")
    names = [d.name for d in documents]
    if len(set(names)) != len(names):
        twice = next(n for n in names if names.count(n) > 1)
        raise UsageError(f"{twice} is given twice")
    return documents


__all__ = ["Document", "FieldNames", "InputError", "Pair", "open_document", "open_documents", "open_pair"]
