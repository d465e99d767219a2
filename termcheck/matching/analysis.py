"""A segment together with the glossary terms found in it: what checks look at."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from termcheck.core.model import Segment
from termcheck.core.suppression import segment_hash
from termcheck.glossary.model import Glossary, TermStatus
from termcheck.matching.hits import TermHit, TermRef, concept_counts
from termcheck.matching.lexicon import embedded_hit
from termcheck.matching.source import SourceMatcher
from termcheck.matching.target import TargetMatcher


@dataclass(frozen=True, slots=True)
class AnalyzedSegment:
    segment: Segment
    source_hits: list[TermHit] = field(default_factory=list)
    target_hits: list[TermHit] = field(default_factory=list)
    # how often each concept's Chinese term occurs in the source (concept_counts of source_hits)
    source_concepts: Counter[str] = field(default_factory=Counter)
    # the source's concepts with an English occurrence anywhere in the target, nested in other terms included
    target_anywhere: tuple[str, ...] = ()
    # case-sensitive terms that stand in the target only in another case ("Nmpa" for "NMPA")
    miscased: tuple[TermHit, ...] = ()
    # the target's English locale ("en-US"), where the document or the run says it; "" unknown
    locale: str = ""
    # the segment's text hash (termcheck.project.suppressions.segment_hash), carried by its findings
    text_hash: str = ""
    # concept → its source hits, built on first use (a 1 MB segment has thousands of hits)
    _source_index: dict[str, list[TermHit]] = field(default_factory=dict, repr=False, compare=False)

    @property
    def has_source(self) -> bool:
        return self.segment.source is not None

    def target_refs(self, concept: str, *statuses: TermStatus) -> list[tuple[TermHit, TermRef]]:
        """Target hits of a concept's English terms with one of the statuses, one per hit."""
        found: list[tuple[TermHit, TermRef]] = []
        for hit in self.target_hits:
            for ref in hit.refs:
                if ref.concept == concept and ref.term.status in statuses:
                    found.append((hit, ref))
                    break
        return found

    def _hits_of(self, concept: str) -> list[TermHit]:
        if self.source_hits and not self._source_index:
            for hit in self.source_hits:
                for name in dict.fromkeys(r.concept for r in hit.refs):
                    self._source_index.setdefault(name, []).append(hit)
        return self._source_index.get(concept, [])

    def source_hit(self, concept: str, index: int = 0) -> TermHit | None:
        """The concept's `index`-th hit in the source (its first if there are fewer), or None."""
        hits = self._hits_of(concept)
        return hits[index] if index < len(hits) else (hits[0] if hits else None)

    def required(self, concept: str) -> int:
        """How many of the concept's source hits the target needs: those not inside a longer Chinese word
        (termcheck.matching.lexicon). Worked out when a check asks, for the few concepts that may be short."""
        source = self.segment.source
        hits = self._hits_of(concept)
        if not hits or not source:
            return 0
        return sum(1 for hit in hits if not embedded_hit(source, hit))


class SegmentAnalyzer:
    """Segments matched against a glossary: what the checks and the term-accuracy score both start from."""

    def __init__(self, glossary: Glossary) -> None:
        self.source_matcher = SourceMatcher(glossary)
        self.target_matcher = TargetMatcher(glossary)

    def analyze(self, batch: list[Segment], locale: str = "") -> list[AnalyzedSegment]:
        source_hits = self.source_matcher.find_many([s.source for s in batch])
        counts = [concept_counts(hits) for hits in source_hits]
        prefer = [c.keys() if s.source is not None else None for s, c in zip(batch, counts, strict=True)]
        matches = self.target_matcher.match_many([s.target for s in batch], prefer)
        return [
            AnalyzedSegment(s, src, m.hits, n, m.anywhere, m.miscased, locale, segment_hash(s))
            for s, src, m, n in zip(batch, source_hits, matches, counts, strict=True)
        ]
