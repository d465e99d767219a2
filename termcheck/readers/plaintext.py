"""Plain text, one segment per line: a line-aligned Chinese/English pair, or English alone."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import zip_longest

from termcheck.core.errors import InputError
from termcheck.core.model import Segment
from termcheck.text.textio import read_lines


def read_target_lines(path: str, encoding: str | None = None, name: str | None = None) -> Iterator[Segment]:
    label = name or path
    count = 0
    for count, line in enumerate(read_lines(path, encoding), start=1):
        yield Segment(str(count), None, line, label, count)
    if count == 0:
        raise InputError(path, "empty file")


def _line_count(path: str, encoding: str | None) -> int:
    return sum(1 for _ in read_lines(path, encoding))


def read_aligned(source: str, target: str, encoding: str | None = None, name: str | None = None) -> Iterator[Segment]:
    """Yield one segment per line pair; different line counts are an input error naming both."""
    count = 0
    for count, (zh, en) in enumerate(zip_longest(read_lines(source, encoding), read_lines(target, encoding)), 1):
        if zh is None or en is None:
            raise InputError(
                target,
                f"{_line_count(target, encoding)} lines, but the source {source} has "
                f"{_line_count(source, encoding)}; source and target must be line-aligned",
            )
        yield Segment(str(count), zh, en, name or target, count)
    if count == 0:
        raise InputError(source, "empty file")
