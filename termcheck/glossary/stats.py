"""`termcheck glossary stats`: what a glossary holds."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from termcheck.glossary.model import Glossary


@dataclass(frozen=True)
class GlossaryStats:
    concepts: int
    terms: dict[str, dict[str, int]]  # language → status → count
    domains: dict[str, int]  # domain ("" when none) → concepts
    case_sensitive: int
    exact: int
    deprecated_everywhere: int


def glossary_stats(glossary: Glossary) -> GlossaryStats:
    terms: dict[str, Counter[str]] = {"zh": Counter(), "en": Counter()}
    for concept in glossary:
        for term in concept.terms:
            terms[term.lang][term.status.value] += 1
    english = [t for c in glossary for t in c.terms if t.lang == "en"]
    domains = Counter(c.domain for c in glossary)
    return GlossaryStats(
        concepts=len(glossary),
        terms={lang: dict(sorted(counts.items())) for lang, counts in terms.items()},
        domains=dict(sorted(domains.items(), key=lambda kv: (-kv[1], kv[0]))),
        case_sensitive=sum(t.case_sensitive for t in english),
        exact=sum(t.exact for t in english),
        deprecated_everywhere=sum(c.deprecated_everywhere for c in glossary),
    )
