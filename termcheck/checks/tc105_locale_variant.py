from __future__ import annotations

from collections.abc import Iterable

from termcheck.checks.base import Check
from termcheck.checks.examples import Entry, Example
from termcheck.core.model import Finding, Severity
from termcheck.glossary.model import same_locale
from termcheck.matching.analysis import AnalyzedSegment

_GLOSSARY = Entry(
    zh="药品审评中心",
    en="Center for Drug Evaluation",
    locales=(("Center for Drug Evaluation", "en-US"), ("Centre for Drug Evaluation", "en-GB")),
)


class LocaleVariant(Check):
    """A glossary term of another English locale is used: "Centre for Drug Evaluation" in an en-US document.

    A TBX glossary keeps each English term's locale (`<langSet xml:lang="en-GB">`). Where the document's
    locale is known (XLIFF `target-language`, TMX `xml:lang`, or `[languages] target = "en-US"` in
    termcheck.toml for the rest), a term of the other locale is not an allowed rendering; the term of the
    document's locale is suggested. With a source, only concepts whose Chinese term is in the segment count.
    Without a known locale every English term is allowed and this check is silent."""

    code = "TC105"
    name = "locale-variant"
    severity = Severity.WARNING
    needs_glossary = True
    examples = (
        Example(
            source="药品审评中心发布了指导原则",
            target="The Centre for Drug Evaluation released the guidelines",
            bad=True,
            glossary=(_GLOSSARY,),
            locale="en-US",
        ),
        Example(
            source="药品审评中心发布了指导原则",
            target="The Center for Drug Evaluation released the guidelines",
            bad=False,
            glossary=(_GLOSSARY,),
            locale="en-US",
        ),
    )

    def check_segment(self, analyzed: AnalyzedSegment) -> Iterable[Finding]:
        locale = analyzed.locale
        if not locale:
            return
        in_source = analyzed.source_concepts if analyzed.has_source else None
        for hit in analyzed.target_hits:
            if any(same_locale(r.term.locale, locale) for r in hit.refs):
                continue  # a term of this locale (or of none) reads the same here
            for ref in hit.refs:
                if not ref.term.status.allowed or (in_source is not None and ref.concept not in in_source):
                    continue
                concept = self.context.concepts[ref.concept]
                wanted = concept.preferred_for(locale)
                if wanted is None or wanted.locale == ref.term.locale:
                    continue
                source_hit = analyzed.source_hit(ref.concept)
                yield self.finding(
                    analyzed,
                    f'{ref.term.locale} term "{hit.text}" in an {locale} document; use "{wanted.text}"',
                    concept=ref.concept,
                    found=hit.text,
                    expected=wanted.text,
                    target_span=(hit.start, hit.end),
                    source_span=(source_hit.start, source_hit.end) if source_hit else None,
                )
                break
