"""An edit of a target text, and applying several without letting them overlap."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol


class Fixable(Protocol):
    """What a fix reads of a finding: a Finding, or a row of the Excel report."""

    @property
    def target_span(self) -> tuple[int, int] | None: ...
    @property
    def found(self) -> str | None: ...
    @property
    def expected(self) -> str | None: ...
    @property
    def found_term(self) -> str | None: ...  # the glossary term `found` is a form of, as listed; None unknown


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace target[start:end] with `text`."""

    start: int
    end: int
    text: str

    def overlaps(self, other: Edit) -> bool:
        """Whether the two touch the same text; an insertion also clashes with an edit starting where it stands."""
        if self.start == other.start:
            return True
        return self.start < other.end and other.start < self.end


def apply_edits(text: str, edits: Iterable[Edit]) -> tuple[str, list[Edit], list[Edit]]:
    """The text with every edit that overlaps none before it applied (in order of position), the applied
    edits and the skipped ones. Skipped edits come back in a later round (termcheck.fixes.runner)."""
    applied: list[Edit] = []
    skipped: list[Edit] = []
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if applied and edit.overlaps(applied[-1]):  # applied edits are disjoint, so the last ends furthest
            skipped.append(edit)
        else:
            applied.append(edit)
    pieces: list[str] = []
    position = 0
    for edit in applied:
        pieces.append(text[position : edit.start])
        pieces.append(edit.text)
        position = edit.end
    pieces.append(text[position:])
    return "".join(pieces), applied, skipped
