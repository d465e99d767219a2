from __future__ import annotations

from collections.abc import Iterable

from termcheck.checks.base import Check
from termcheck.checks.examples import Entry, Example
from termcheck.core.model import Finding, Severity
from termcheck.glossary.model import TermStatus
from termcheck.matching.analysis import AnalyzedSegment

RENDERINGS = (TermStatus.PREFERRED, TermStatus.ADMITTED, TermStatus.DEPRECATED)


_GLOSSARY = Entry(zh="药品审评中心", en="Center for Drug Evaluation", admitted=("CDE",))


class FewerRenderings(Check):
    """A glossary term occurs more often in the source than its renderings in the target.

    The message gives both counts. Info by default: the second mention of a term is very often "it", "the
    Committee", "them" or an acronym in good English, so CI does not fail on it, while a reviewer can still
    see the counts and raise the check with `--severity TC104=warning`. A concept with no rendering at all is
    TC102's. Renderings nested inside a longer term of the same segment's concepts count once (the "stem
    cell" of "stem cell therapy" is not a second "stem cell", so 干细胞治疗和干细胞 → "stem cell therapy" is
    one rendering short)."""

    code = "TC104"
    name = "fewer-renderings"
    severity = Severity.INFO
    needs_glossary = True
    needs_source = True
    examples = (
        Example(
            source="药品审评中心受理了申请。药品审评中心将在60日内答复。",
            target="The Center for Drug Evaluation accepted the application and will reply within 60 days.",
            bad=True,
            glossary=(_GLOSSARY,),
        ),
        Example(
            source="药品审评中心受理了申请。药品审评中心将在60日内答复。",
            target=(
                "The Center for Drug Evaluation accepted the application. "
                "The Center for Drug Evaluation will reply within 60 days."
            ),
            bad=False,
            glossary=(_GLOSSARY,),
        ),
    )

    def check_segment(self, analyzed: AnalyzedSegment) -> Iterable[Finding]:
        if not analyzed.has_source:
            return
        reported: set[tuple[int, int]] = set()
        for concept_id, mentions in analyzed.source_concepts.items():
            if concept_id not in analyzed.target_anywhere:
                continue
            have = len(analyzed.target_refs(concept_id, *RENDERINGS))
            if have >= mentions:
                continue
            wanted = analyzed.required(concept_id)  # mentions inside a longer Chinese word are not wanted
            if have >= wanted:
                continue
            source_hit = analyzed.source_hit(concept_id, have)
            if source_hit is None or (source_hit.start, source_hit.end) in reported:
                continue
            reported.add((source_hit.start, source_hit.end))
            concept = self.context.concepts[concept_id]
            preferred = concept.preferred_for(analyzed.locale)
            yield self.finding(
                analyzed,
                f'"{source_hit.text}" occurs {wanted}× in the source, its renderings {have}× in the target',
                concept=concept_id,
                found=None,
                expected=preferred.text if preferred else None,
                source_span=(source_hit.start, source_hit.end),
            )
