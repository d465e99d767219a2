from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from termcheck.checks.base import Check
from termcheck.checks.examples import Entry, Example
from termcheck.core.model import Finding, Severity
from termcheck.glossary.model import Concept
from termcheck.matching.analysis import AnalyzedSegment
from termcheck.matching.hits import TermHit
from termcheck.text.lemmas import known_word

COMPOUND_HEAD = 5  # letters a one-word term needs to count at the end of a closed compound


@lru_cache(maxsize=4096)
def _compound_tail(word: str) -> re.Pattern[str]:
    return re.compile(rf"[^\W\d_]{{2,}}{re.escape(word)}(?:e?s)?\b", re.IGNORECASE)


def in_compound(concept: Concept, text: str) -> bool:
    """Whether a one-word English term of the concept ends a longer word: "rhinovirus" has "virus"."""
    return any(
        term.status.allowed
        and len(term.text) >= COMPOUND_HEAD
        and term.text.isalpha()
        and _compound_tail(term.text).search(text) is not None
        for term in concept.terms_in("en")
    )


_GLOSSARY = Entry(
    zh="药品审评中心", en="Center for Drug Evaluation", admitted=("CDE",), deprecated=("Drug Evaluation Center",)
)


class MissingTerm(Check):
    """A glossary term in the source has no rendering anywhere in the target.

    Any preferred, admitted or deprecated rendering of the concept counts (TC101 reports a deprecated
    one), in any inflection, nested inside a longer term or not. A term found inside a longer Chinese
    word (病毒 in 病毒学, "virology") is not required. Fewer renderings than source mentions is TC104's
    business, not this check's. Concepts of several glossaries that share a Chinese term are one
    requirement, reported once. A case-sensitive term that stands in the target in another case is
    reported as written ("Nmpa"), not as missing."""

    code = "TC102"
    name = "missing-term"
    severity = Severity.ERROR
    needs_glossary = True
    needs_source = True
    examples = (
        Example(
            source="药品审评中心发布了指导原则",
            target="The Drug Evaluation Office released the guidelines",
            bad=True,
            glossary=(_GLOSSARY,),
        ),
        Example(
            source="药品审评中心发布了指导原则",
            target="The Center for Drug Evaluation released the guidelines",
            bad=False,
            glossary=(_GLOSSARY,),
        ),
    )

    def check_segment(self, analyzed: AnalyzedSegment) -> Iterable[Finding]:
        if not analyzed.has_source:
            return
        present = analyzed.target_anywhere
        reported: set[tuple[int, int] | None] = set()
        for concept_id in analyzed.source_concepts:
            if concept_id in present or not analyzed.required(concept_id):
                continue
            source_hit = analyzed.source_hit(concept_id)
            sharing = list(dict.fromkeys(r.concept for r in source_hit.refs)) if source_hit else [concept_id]
            if any(c in present for c in sharing):
                continue  # another glossary's concept for the same Chinese term is rendered
            span = (source_hit.start, source_hit.end) if source_hit else None
            if span in reported:
                continue
            concepts = [self.context.concepts[c] for c in sharing]
            if any(in_compound(c, analyzed.segment.target) for c in concepts):
                continue
            wanted = [p.text for c in concepts if (p := c.preferred_for(analyzed.locale)) is not None]
            if not wanted:
                continue  # nothing to require
            reported.add(span)
            zh = source_hit.text if source_hit else concepts[0].zh_terms[0].text
            written = self._miscased(analyzed, sharing)
            if written is not None:
                hit, term_text = written
                yield self.finding(
                    analyzed,
                    f'"{zh}" is written "{hit.text}"; the glossary has "{term_text}" (case-sensitive)',
                    concept=concept_id,
                    found=hit.text,
                    expected=term_text,
                    source_span=span,
                    target_span=(hit.start, hit.end),
                )
                continue
            expected = " or ".join(f'"{w}"' for w in dict.fromkeys(wanted))
            yield self.finding(
                analyzed,
                f'"{zh}" is not translated as {expected}',
                concept=concept_id,
                found=None,
                expected=wanted[0],
                source_span=span,
            )

    @staticmethod
    def _miscased(analyzed: AnalyzedSegment, concepts: list[str]) -> tuple[TermHit, str] | None:
        for hit in analyzed.miscased:
            if " " not in hit.text and known_word(hit.text):
                continue  # "most" is the word, not a miscased "MOST"
            for ref in hit.refs:
                if ref.concept in concepts:
                    return hit, ref.term.text
        return None
