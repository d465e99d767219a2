"""Readers turn input files into documents of segments. The format follows the file extension."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from typing import Any

from termcheck.core.errors import InputError, UsageError
from termcheck.core.model import Segment
from termcheck.readers.base import Document, FieldNames, Pair, unique_ids
from termcheck.readers.delimited import read_delimited
from termcheck.readers.jsonl import read_jsonl
from termcheck.readers.paths import display_path
from termcheck.readers.plaintext import read_aligned, read_target_lines
from termcheck.readers.remote import is_url, local_copy, named_as_urls
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
    fetch: bool = True,
) -> Document:
    """A document read from `path` (a file, or a URL: termcheck.readers.remote); its findings name it `name`
    (default: the path). A URL is read only when the document is; with `fetch`, an XLIFF or TMX one is read at
    once for the locale it declares (a cluster's client leaves that to the workers: document_locale)."""
    remote = is_url(path)
    if not remote:
        check_readable(path)
    fmt = fmt or detect_format(path)
    name = name or path
    read: Callable[..., Iterator[Segment]]
    args: tuple[Any, ...]
    if fmt == "text":
        read, args = read_target_lines, (encoding, name)
    elif fmt in ("tsv", "csv"):
        read, args = read_delimited, (fields, encoding, name)
    elif fmt == "jsonl":
        read, args = read_jsonl, (fields, encoding, name)
    elif fmt == "xliff":
        read, args = read_xliff, (name,)
    elif fmt == "tmx":
        read, args = read_tmx, (name,)
    else:
        raise UsageError(f"unknown input format {fmt!r} (use one of {', '.join(FORMATS)})")
    reader = partial(_read_url, read, path, *args) if remote else partial(read, path, *args)
    notes: list[str] = []
    if fmt != "text":  # lines are unique; ids from a file may not be
        reader = partial(_read_unique, reader, notes, name)
    if not remote:
        locale = target_locale(path, fmt)
    else:  # only XLIFF and TMX declare one
        locale = target_locale(local_copy(path), fmt) if fetch and fmt in ("xliff", "tmx") else ""
    return Document(name, (path,), reader, fmt, locale, notes)


def document_locale(document: Document) -> str:
    """The English locale `document` declares, read from its file (a URL's too)."""
    if document.locale or document.format not in ("xliff", "tmx"):
        return document.locale
    return target_locale(_local(document.paths[0]), document.format)


def _read_url(read: Callable[..., Iterator[Segment]], url: str, *args: object) -> Iterator[Segment]:
    local = local_copy(url)
    with named_as_urls({local: url}):
        yield from read(local, *args)


def _read_unique(reader: Callable[[], Iterator[Segment]], notes: list[str], name: str) -> Iterator[Segment]:
    return unique_ids(reader(), notes, name)


def _local(path: str) -> str:
    return local_copy(path) if is_url(path) else path


def _read_pair(source: str, target: str, encoding: str | None, name: str) -> Iterator[Segment]:
    local_source, local_target = _local(source), _local(target)
    with named_as_urls({local_source: source, local_target: target}):
        yield from read_aligned(local_source, local_target, encoding, name)


def open_pair(source: str, target: str, encoding: str | None = None, name: str | None = None) -> Document:
    for path in (source, target):
        if not is_url(path):
            check_readable(path)
    name = name or target
    remote = is_url(source) or is_url(target)
    read = partial(_read_pair if remote else read_aligned, source, target, encoding, name)
    return Document(name, (source, target), read, "text-pair")


def open_documents(
    files: Sequence[str | Pair] = (),
    source: str | None = None,
    target: str | None = None,
    fields: FieldNames = FieldNames(),
    encoding: str | None = None,
    fmt: str | None = None,
    root: str | None = None,
    fetch: bool = True,
) -> list[Document]:
    """The documents of one run: FILES (single files or source/target pairs), or --source/--target, or --target alone.

    With `root`, findings name files relative to it (see termcheck.readers.paths). Files may be URLs
    (termcheck.readers.remote); without `fetch`, none is read here (see open_document).
    """
    if source and not target:
        raise UsageError("--source needs --target (the English file to check)")

    def shown(path: str) -> str:
        return display_path(path, root)

    documents = [
        open_pair(f.source, f.target, encoding, shown(f.target))
        if isinstance(f, Pair)
        else open_document(f, fields, encoding, fmt, shown(f), fetch)
        for f in files
    ]
    if target:
        documents.append(
            open_pair(source, target, encoding, shown(target))
            if source
            else open_document(target, fields, encoding, fmt, shown(target), fetch)
        )
    if not documents:
        raise UsageError("nothing to check: give FILES or --target (with --source for a bilingual pair)")
    names = [d.name for d in documents]
    if len(set(names)) != len(names):
        twice = next(n for n in names if names.count(n) > 1)
        raise UsageError(f"{twice} is given twice")
    return documents


__all__ = ["Document", "FieldNames", "InputError", "Pair", "open_document", "open_documents", "open_pair"]
