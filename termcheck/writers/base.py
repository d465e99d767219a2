"""One interface for every output format."""

from __future__ import annotations

from typing import Protocol, TextIO

from termcheck.core.model import Finding, Location, columns
from termcheck.run.report import Gate, Report


class Writer(Protocol):
    name: str

    def write(self, report: Report, stream: TextIO, gate: Gate = ...) -> None: ...


def finding_columns(finding: Finding, plain_text: bool) -> tuple[int, int | None] | None:
    """The finding's first column and the one after its last (None where that is not known): as its reader
    placed it (XLIFF, TMX), or in a document whose lines are its segments (`plain_text`) from its target span;
    None where not known."""
    if finding.column:
        return finding.column, finding.end_column or None
    if plain_text and finding.target_span is not None:
        return columns(finding.target_span)
    return None


def location_columns(location: Location, plain_text: bool) -> tuple[int, int | None] | None:
    """A related place's first column and, in plain text, the one after its last; None where not known."""
    if location.column:
        return location.column, None
    return columns((location.start, location.end)) if plain_text else None
