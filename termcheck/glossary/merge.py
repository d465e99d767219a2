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
    detail: str  # says which input has what: the first glossary is "ours", the second "theirs"
    resolved: bool  # by the --on-conflict strategy; an unresolved conflict means nothing is written


@dataclass(frozen=True)
class MergeResult:
    glossary: Glossary
    conflicts: list[Conflict]
    added: int  # concepts taken from the second glossary

    @property
    def unresolved(self) -> list[Conflict]:
        return [c for c in self.conflicts if not c.resolved]


def merge_glossaries(
    ours: Glossary, theirs: Glossary, on_conflict: str = "fail", names: tuple[str, str] = ("first", "second")
) -> MergeResult:
    """Union by concept id. A conflict is a concept in both with different content, or a Chinese term that
    two concepts claim; `on_conflict` says how it is resolved: not at all (fail), ours, theirs, or both
    (theirs renamed id~2; a Chinese term cannot belong to both). `names` label the inputs in the details."""
    if on_conflict not in STRATEGIES:
        raise UsageError(f"--on-conflict must be one of {', '.join(STRATEGIES)}, not {on_conflict!r}")
    first, second = names
    merged = Glossary(name=f"{ours.name}+{theirs.name}", concepts=list(ours.concepts))
    index = {c.id: i for i, c in enumerate(merged.concepts)}
    zh_owner = {t.text: c.id for c in ours for t in c.zh_terms}
    conflicts: list[Conflict] = []
    added = 0
    for concept in theirs:
        position = index.get(concept.id)
        if position is None:
            claimed = [(t.text, zh_owner[t.text]) for t in concept.zh_terms if t.text in zh_owner]
            for text, owner in claimed:
                detail = f"{text!r} is in {first}'s concept {owner!r} and {second}'s concept {concept.id!r}"
                conflicts.append(Conflict(concept.id, "same Chinese term", detail, on_conflict in ("ours", "theirs")))
            if claimed and on_conflict == "ours":
                continue  # ours keeps the term: their concept is left out
            if claimed and on_conflict == "theirs":
                owners = {owner for _, owner in claimed}
                merged.concepts = [c for c in merged.concepts if c.id not in owners]
                index = {c.id: i for i, c in enumerate(merged.concepts)}
            merged.concepts.append(concept)
            index[concept.id] = len(merged.concepts) - 1
            added += 1
            continue
        change = compare_concepts(merged.concepts[position], concept)
        if change is None:
            continue
        parts = [f"only in {second}: {t}" for t in change.terms_added]
        parts += [f"only in {first}: {t}" for t in change.terms_removed]
        parts += [f"{k}: {a!r} in {first}, {b!r} in {second}" for k, (a, b) in change.fields.items()]
        conflicts.append(Conflict(concept.id, "same id, different content", "; ".join(parts), on_conflict != "fail"))
        if on_conflict == "theirs":
            merged.concepts[position] = concept
        elif on_conflict == "both":
            merged.concepts.append(_renamed(concept, f"{concept.id}~2"))
    return MergeResult(merged, conflicts, added)


def _renamed(concept: Concept, new_id: str) -> Concept:
    return replace(concept, id=new_id)
