from __future__ import annotations

from collections.abc import Iterable

from termcheck.analysis import AnalyzedSegment
from termcheck.checks.base import Check
from termcheck.glossary.model import TermStatus
from termcheck.model import Finding, Severity

ALLOWED = (TermStatus.PREFERRED, TermStatus.ADMITTED)


class MissingTerm(Check):
    """A glossary term in the source has no preferred or admitted rendering in the target.

    Counts matter: a concept whose Chinese term occurs twice in the source needs two English
    renderings in the target. A deprecated rendering of the concept counts as present here, because
    TC101 already reports it. Needs a source.

    Bad:
        source: 药品审评中心发布了指导原则
        target: The Drug Evaluation Office released the guidelines
    Good:
        target: The Center for Drug Evaluation released the guidelines
    """

    code = "TC102"
    name = "missing-term"
    severity = Severity.ERROR
    needs_source = True

    def check_segment(self, analyzed: AnalyzedSegment) -> Iterable[Finding]:
        if not analyzed.has_source:
            return
        for concept_id, wanted in analyzed.source_concepts.items():
            concept = self.context.concepts[concept_id]
            preferred = concept.preferred_en
            if preferred is None:
                continue  # nothing to require
            allowed = len(analyzed.target_refs(concept_id, *ALLOWED))
            deprecated = len(analyzed.target_refs(concept_id, TermStatus.DEPRECATED))
            if allowed + deprecated >= wanted:
                continue
            source_hit = analyzed.source_hit(concept_id, allowed + deprecated)
            zh = source_hit.text if source_hit else concept.zh_terms[0].text
            counts = f" ({wanted}× in source, {allowed + deprecated}× in target)" if wanted > 1 else ""
            yield self.finding(
                analyzed,
                f'"{zh}" is not translated as "{preferred.text}"{counts}',
                concept=concept_id,
                found=None,
                expected=preferred.text,
                source_span=(source_hit.start, source_hit.end) if source_hit else None,
            )
