"""One interface for every output format."""

from __future__ import annotations

from typing import Protocol, TextIO

from termcheck.engine import Report


class Writer(Protocol):
    name: str

    def write(self, report: Report, stream: TextIO) -> None: ...
