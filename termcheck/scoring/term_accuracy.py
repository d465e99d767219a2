"""Term accuracy per occurrence, with the matching rules `check` uses.

The share of Chinese glossary-term occurrences in the source whose target segment holds an allowed
English form (preferred or admitted): a concept occurring twice in a segment's source needs two
allowed renderings in its target. Inflections, case rules and leftmost-longest matching are those of
the matchers, so no span counts twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from termcheck.glossary.model import TermStatus

if TYPE_CHECKING:
    from termcheck.matching.analysis import AnalyzedSegment


@dataclass
class TermAccuracy:
    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        return 100 * self.correct / self.total if self.total else None

    def merge(self, other: TermAccuracy) -> None:
        self.correct += other.correct
        self.total += other.total

    def add(self, analyzed: AnalyzedSegment) -> None:
        for concept, wanted in analyzed.source_concepts.items():
            allowed = len(analyzed.target_refs(concept, TermStatus.PREFERRED, TermStatus.ADMITTED))
            self.total += wanted
            self.correct += min(wanted, allowed)
