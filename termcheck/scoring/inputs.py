"""Texts to score, as units: lines, blank-line-separated paragraphs, or JSONL documents."""

from __future__ import annotations

import os

from termcheck.core.errors import InputError, UsageError
from termcheck.readers.jsonl import json_objects
from termcheck.text.textio import read_lines

UNITS = ("line", "paragraph", "document")


def unit_of(path: str, unit: str | None) -> str:
    if unit is not None:
        if unit not in UNITS:
            raise UsageError(f"--unit must be one of {', '.join(UNITS)}, not {unit!r}")
        return unit
    return "document" if os.path.splitext(path)[1].lower() in (".jsonl", ".ndjson") else "line"


def read_units(path: str, unit: str, key: str, encoding: str | None = None) -> list[str]:
    """The file's units in order. Empty files, and JSONL lines without the key, are input errors."""
    lines = list(read_lines(path, encoding))
    if not any(line.strip() for line in lines):
        raise InputError(path, "empty file")
    if unit == "line":
        return lines
    if unit == "paragraph":
        paragraphs, current = [], []
        for line in [*lines, ""]:
            if line.strip():
                current.append(line.strip())
            elif current:
                paragraphs.append(" ".join(current))
                current = []
        return paragraphs
    documents = []
    for number, record in json_objects(path, encoding):
        if not isinstance(record.get(key), str):
            raise InputError(path, f"no text under the key {key!r}", number)
        documents.append(record[key])
    return documents


def check_aligned(name: str, units: list[str], path: str, expected: int, against: str) -> None:
    if len(units) != expected:
        raise InputError(path, f"{len(units)} {name}s, but {against} has {expected}; they must be aligned")
