"""The WMT 2025 terminology shared task's document-level term success rate (track 2).

For each document and each glossary entry whose Chinese term occurs in the source document and one of
whose English forms occurs in the reference document, the pair scores
    min(Σ over the English forms of their occurrences in the MT document
        ÷ occurrences of the Chinese term in the source document, 1).
Every count is a lowercased substring count on the raw text (Python's non-overlapping str.count),
with no other normalisation. The score is the mean over all such pairs of all documents; with no
pair it is undefined (None here; the official scorer prints -1).

Details follow the official scorer (wmt-conference/wmt25-terminology, ranking/metric_track2/
evaluate_track2.py): documents are stripped of surrounding whitespace, so are the Chinese term and
the English forms when counting in the MT, an empty Chinese term never counts, and the reference
test uses the English forms as given, lowercased. A Chinese term inside a longer one is counted
inside it too (the scorer's known caveat).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Document:
    source: str
    hypothesis: str
    reference: str


@dataclass(frozen=True)
class TermSuccess:
    value: float | None  # 0–1; None when no pair qualifies
    pairs: int  # (document, entry) pairs that counted


def term_success_rate(documents: Sequence[Document], glossary: Mapping[str, Sequence[str]]) -> TermSuccess:
    """`glossary` maps each Chinese term to its English alternatives."""
    total = 0.0
    pairs = 0
    for document in documents:
        source = document.source.strip().lower()
        hypothesis = document.hypothesis.strip().lower()
        reference = document.reference.strip().lower()
        for chinese, english in glossary.items():
            term = chinese.strip().lower()
            if not term or term not in source or not any(form.lower() in reference for form in english):
                continue
            found = sum(hypothesis.count(form.strip().lower()) for form in english)
            total += min(found / source.count(term), 1.0)
            pairs += 1
    return TermSuccess(total / pairs if pairs else None, pairs)
