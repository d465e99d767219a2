"""`termcheck glossary merge`: the union of two glossaries; conflicts are reported, never resolved silently."""

from __future__ import annotations

from dataclasses import dataclass, replace

from termcheck.errors import UsageError
from termcheck.glossary.diff import compare_concepts
from termcheck.glossary.model import Concept, Glossary

STRATEGIES = ("fail", "ours", "theirs", "both")


@dataclass(frozen=True)
class Conflict:
    id: str
    kind: str  # "same id, different content" or "same Chinese term"
    detail: str


@dataclass(frozen=True)
class MergeResult:
    glossary: Glossary
    conflicts: list[Conflict]
    added: int  # concepts taken from the second glossary


def merge_glossaries(ours: Glossary, theirs: Glossary, on_conflict: str = "fail") -> MergeResult:
    """Union by concept id. A concept in both with different content is a conflict: `on_conflict`
    says what to write — nothing (fail), ours, theirs, or both (theirs renamed id~2)."""
    if on_conflict not in STRATEGIES:
        raise UsageError(f"--on-conflict must be one of {', '.join(STRATEGIES)}, not {on_conflict!r}")
    merged = Glossary(name=f"{ours.name}+{theirs.name}", concepts=list(ours.concepts))
    index = {c.id: i for i, c in enumerate(merged.concepts)}
    zh_owner = {t.text: c.id for c in ours for t in c.zh_terms}
    conflicts: list[Conflict] = []
    added = 0
    for concept in theirs:
        position = index.get(concept.id)
        if position is None:
            for term in concept.zh_terms:
                owner = zh_owner.get(term.text)
                if owner is not None:
                    conflicts.append(
                        Conflict(concept.id, "same Chinese term", f"{term.text!r} is already in concept {owner!r}")
                    )
            merged.concepts.append(concept)
            index[concept.id] = len(merged.concepts) - 1
            added += 1
            continue
        change = compare_concepts(merged.concepts[position], concept)
        if change is None:
            continue
        parts = [f"+{t}" for t in change.terms_added] + [f"-{t}" for t in change.terms_removed]
        parts += [f"{k}: {a!r} → {b!r}" for k, (a, b) in change.fields.items()]
        conflicts.append(Conflict(concept.id, "same id, different content", "; ".join(parts)))
        if on_conflict == "theirs":
            merged.concepts[position] = concept
        elif on_conflict == "both":
            merged.concepts.append(_renamed(concept, f"{concept.id}~2"))
    return MergeResult(merged, conflicts, added)


def _renamed(concept: Concept, new_id: str) -> Concept:
    return replace(concept, id=new_id)
