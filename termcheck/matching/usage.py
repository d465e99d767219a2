"""How each glossary concept was used in a run: the Terms sheet's consistency view."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from termcheck.glossary.model import TermStatus
from termcheck.matching.analysis import AnalyzedSegment


@dataclass
class ConceptUsage:
    source: int = 0  # occurrences of the concept's Chinese terms in the source
    renderings: Counter[tuple[str, TermStatus]] = field(default_factory=Counter)  # English term found → count


class UsageTally:
    """Counts concept occurrences per segment. With a source, an English term counts as a rendering
    only where the segment's source has the concept (as TC103 does)."""

    def __init__(self) -> None:
        self.concepts: dict[str, ConceptUsage] = {}

    def _usage(self, concept: str) -> ConceptUsage:
        usage = self.concepts.get(concept)
        if usage is None:
            usage = self.concepts[concept] = ConceptUsage()
        return usage

    def merge(self, other: UsageTally) -> None:
        """Add another partition's counts."""
        for concept, theirs in other.concepts.items():
            mine = self._usage(concept)
            mine.source += theirs.source
            mine.renderings.update(theirs.renderings)

    def add(self, analyzed: AnalyzedSegment) -> None:
        for concept, count in analyzed.source_concepts.items():
            self._usage(concept).source += count
        in_source = analyzed.source_concepts if analyzed.has_source else None
        for hit in analyzed.target_hits:
            seen: set[str] = set()
            for ref in hit.refs:
                if ref.concept in seen or (in_source is not None and ref.concept not in in_source):
                    continue
                seen.add(ref.concept)
                self._usage(ref.concept).renderings[(ref.term.text, ref.term.status)] += 1
