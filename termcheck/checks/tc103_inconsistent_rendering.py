from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, islice

from termcheck.checks.base import Check, CheckContext, target_location
from termcheck.checks.examples import Entry, Example
from termcheck.core.model import Finding, Location, Severity
from termcheck.glossary.model import TermStatus
from termcheck.matching.analysis import AnalyzedSegment
from termcheck.matching.hits import TermHit

ALLOWED = (TermStatus.PREFERRED, TermStatus.ADMITTED)
MAX_LOCATIONS = 50  # per variant: the finding lists where each variant occurs, the first ones of a big run
_OPEN_PAREN = re.compile(r"\s*[(（]\s*$")
_ABBREVIATION = re.compile(r"^[A-Z][A-Za-z0-9]*[A-Z0-9][a-z]?$")


@dataclass
class _Uses:
    """How often a variant occurs in one file, and the first places."""

    count: int = 0
    places: list[Location] = field(default_factory=list)

    def add(self, location: Location) -> None:
        self.count += 1
        if len(self.places) < MAX_LOCATIONS:
            self.places.append(location)

    def extend(self, other: _Uses) -> None:
        self.count += other.count
        self.places.extend(other.places[: MAX_LOCATIONS - len(self.places)])


def _first_places(files: dict[str, _Uses]) -> Iterator[Location]:
    return islice(chain.from_iterable(u.places for u in files.values()), MAX_LOCATIONS)


_GLOSSARY = Entry(zh="干细胞治疗", en="stem cell therapy", admitted=("stem cell treatment",))


class InconsistentRendering(Check):
    """One concept is rendered with different allowed variants across a document or a run.

    Variants are counted across a document and across all documents of the run. One finding per concept
    lists each variant with its count and where it occurs, placed at the first occurrence of a variant
    other than the one to use: the preferred term whenever it is among them, however often an admitted
    term is used, and otherwise the most frequent. Inflected forms of one term are one variant. With a
    source, only segments whose source has the concept count, so "subject to" is not a rendering of 受试者
    (subject) where the source does not say 受试者. An abbreviation introduced after its full form —
    "graft-versus-host disease (GVHD)" — and used from then on in that file is not an inconsistency."""

    code = "TC103"
    name = "inconsistent-rendering"
    severity = Severity.WARNING
    needs_glossary = True
    examples = (
        Example(
            before=((None, "stem cell therapy is promising"),),
            target="stem cell treatment is expensive",
            bad=True,
            glossary=(_GLOSSARY,),
        ),
        Example(
            before=((None, "stem cell therapy is promising"),),
            target="stem cell therapy is expensive",
            bad=False,
            glossary=(_GLOSSARY,),
        ),
    )

    def __init__(self, context: CheckContext) -> None:
        super().__init__(context)
        # concept -> variant (term text) -> file -> its uses there, in document order
        self._uses: dict[str, dict[str, dict[str, _Uses]]] = {}
        self._introduced: set[tuple[str, str, str]] = set()  # (file, concept, abbreviation)

    def check_segment(self, analyzed: AnalyzedSegment) -> Iterable[Finding]:
        seg = analyzed.segment
        in_source = analyzed.source_concepts if analyzed.has_source else None
        previous: TermHit | None = None
        for hit in analyzed.target_hits:
            for ref in hit.refs:
                if ref.term.status not in ALLOWED:
                    continue
                if in_source is not None and ref.concept not in in_source:
                    continue  # with a source, only renderings of concepts the source has
                variant = ref.term.text
                if _ABBREVIATION.match(variant) and previous is not None:
                    between = seg.target[previous.end : hit.start]
                    if any(r.concept == ref.concept for r in previous.refs) and _OPEN_PAREN.match(between):
                        self._introduced.add((seg.file, ref.concept, variant))
                if (seg.file, ref.concept, variant) in self._introduced:
                    break
                files = self._uses.setdefault(ref.concept, {}).setdefault(variant, {})
                uses = files.get(seg.file)
                if uses is None:
                    uses = files[seg.file] = _Uses()
                uses.add(target_location(analyzed, hit.start, hit.end, hit.text))
                break
            previous = hit
        return ()

    def state(self) -> object:
        return self._uses, self._introduced

    def merge(self, state: object) -> None:
        assert isinstance(state, tuple)
        uses, introduced = state
        for concept, variants in uses.items():
            for variant, files in variants.items():
                for file, more in files.items():
                    if (file, concept, variant) in self._introduced:
                        continue  # the abbreviation was introduced in an earlier partition of this file
                    mine = self._uses.setdefault(concept, {}).setdefault(variant, {})
                    if file in mine:
                        mine[file].extend(more)
                    else:
                        mine[file] = more
        self._introduced |= introduced

    def finish(self) -> Iterable[Finding]:
        for concept_id, variants in self._uses.items():
            if len(variants) < 2:
                continue
            counts = {v: sum(u.count for u in files.values()) for v, files in variants.items()}
            firsts = {v: next(iter(files.values())).places[0] for v, files in variants.items()}
            concept = self.context.concepts[concept_id]
            preferred = concept.preferred_en
            # the preferred term always wins, however often an admitted one is used; else the most frequent
            wins = preferred is not None and preferred.status is TermStatus.PREFERRED and preferred.text in variants
            first_choice = preferred.text if wins and preferred is not None else None
            ranked = sorted(variants, key=lambda v: (v != first_choice, -counts[v], firsts[v].file, firsts[v].line))
            chosen = ranked[0]
            others_first = min((firsts[v] for v in ranked[1:]), key=lambda loc: (loc.file, loc.line))
            listing = ", ".join(f'"{v}" {counts[v]}×' for v in ranked)
            related = tuple(loc for v in ranked for loc in _first_places(variants[v]))
            why = "the preferred term" if wins else "the most frequent"
            yield self.finding_at(
                others_first,
                f'{concept.label} is rendered {len(ranked)} ways: {listing}; use "{chosen}", {why}',
                concept=concept_id,
                expected=chosen,
                related=related,
            )
