from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise

from termcheck.checks.base import Check
from termcheck.checks.declared_fixes import span_of
from termcheck.checks.examples import Entry, Example
from termcheck.checks.term_forms import replacement_edit
from termcheck.core.edits import Edit, Fixable
from termcheck.core.model import Finding, Severity
from termcheck.matching.analysis import AnalyzedSegment

_GLOSSARY = Entry(zh="激素治疗失败", en="steroid-refractory", deprecated=("hormone therapy failure",))


class DeprecatedTerm(Check):
    """A deprecated (forbidden) glossary term is used in the target; the preferred term is suggested.

    With a source, the term is flagged when the concept's Chinese term is in the source segment, so a
    word that is wrong for one concept but right elsewhere is left alone; the glossary column
    `deprecated_everywhere` (or `--deprecated-everywhere`) flags it in every segment. Target-only
    checks always flag it. A span that is also an allowed term of another concept is not flagged."""

    code = "TC101"
    name = "deprecated-term"
    severity = Severity.ERROR
    needs_glossary = True
    fix_description = (
        "the preferred term in the deprecated one's form: its inflection, its capitals, and a/an before it"
    )
    examples = (
        Example(
            source="用于治疗激素治疗失败的急性移植物抗宿主病",
            target="used to treat acute graft-versus-host disease with hormone therapy failure",
            bad=True,
            glossary=(_GLOSSARY,),
        ),
        Example(
            source="用于治疗激素治疗失败的急性移植物抗宿主病",
            target="used to treat steroid-refractory acute graft-versus-host disease",
            bad=False,
            glossary=(_GLOSSARY,),
        ),
    )

    @classmethod
    def fix(cls, target: str, finding: Fixable) -> Edit | None:
        span = span_of(target, finding)
        if span is None or not finding.expected or not finding.found:
            return None
        # a term spelled in mixed case inside a word (iPhone, eBay) keeps it even in an all-capital heading
        preferred = finding.expected
        case_sensitive = any(a.islower() and b.isupper() for a, b in pairwise(preferred))
        return replacement_edit(
            target, span[0], span[1], finding.found, finding.expected, case_sensitive, finding.found_term
        )

    def check_segment(self, analyzed: AnalyzedSegment) -> Iterable[Finding]:
        in_source = analyzed.source_concepts
        for hit in analyzed.target_hits:
            if any(ref.term.status.allowed for ref in hit.refs):
                continue
            for concept_id in dict.fromkeys(r.concept for r in hit.refs):
                concept = self.context.concepts[concept_id]
                everywhere = concept.deprecated_everywhere or self.context.deprecated_everywhere
                if analyzed.has_source and concept.zh_terms and concept_id not in in_source and not everywhere:
                    continue
                preferred = concept.preferred_for(analyzed.locale)
                expected = preferred.text if preferred else None
                advice = f'; use "{expected}"' if expected else ""
                source_hit = analyzed.source_hit(concept_id)
                listed = next(ref.term.text for ref in hit.refs if ref.concept == concept_id)
                yield self.finding(
                    analyzed,
                    f'deprecated term "{hit.text}"{advice}',
                    concept=concept_id,
                    found=hit.text,
                    expected=expected,
                    target_span=(hit.start, hit.end),
                    source_span=(source_hit.start, source_hit.end) if source_hit else None,
                    found_term=listed,
                )
                break
