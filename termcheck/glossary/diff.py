"""`termcheck glossary diff`: what changed between two versions of a glossary, concept by concept."""

from __future__ import annotations

from dataclasses import dataclass, field

from termcheck.glossary.model import Concept, Glossary, Term


def describe_term(term: Term) -> str:
    flags = [f for f, on in (("case-sensitive", term.case_sensitive), ("exact", term.exact)) if on]
    return f"{term.lang} {term.status.value} {term.text!r}" + (f" ({', '.join(flags)})" if flags else "")


@dataclass(frozen=True)
class ConceptChange:
    id: str
    terms_added: list[str] = field(default_factory=list)
    terms_removed: list[str] = field(default_factory=list)
    fields: dict[str, tuple[str, str]] = field(default_factory=dict)  # field → (old, new)


@dataclass(frozen=True)
class GlossaryDiff:
    added: list[str]  # concept ids
    removed: list[str]
    changed: list[ConceptChange]
    added_terms: dict[str, list[str]] = field(default_factory=dict)  # concept id → its terms, described
    removed_terms: dict[str, list[str]] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)


def compare_concepts(old: Concept, new: Concept) -> ConceptChange | None:
    old_terms = {describe_term(t) for t in old.terms}
    new_terms = {describe_term(t) for t in new.terms}
    fields = {
        name: (str(getattr(old, name)), str(getattr(new, name)))
        for name in ("domain", "note", "deprecated_everywhere")
        if getattr(old, name) != getattr(new, name)
    }
    change = ConceptChange(
        new.id,
        sorted(new_terms - old_terms),
        sorted(old_terms - new_terms),
        fields,
    )
    return change if change.terms_added or change.terms_removed or change.fields else None


def diff_glossaries(old: Glossary, new: Glossary) -> GlossaryDiff:
    before, after = old.by_id(), new.by_id()
    changed = [c for cid in after if cid in before if (c := compare_concepts(before[cid], after[cid])) is not None]
    added = [cid for cid in after if cid not in before]
    removed = [cid for cid in before if cid not in after]
    return GlossaryDiff(
        added=added,
        removed=removed,
        changed=changed,
        added_terms={cid: [describe_term(t) for t in after[cid].terms] for cid in added},
        removed_terms={cid: [describe_term(t) for t in before[cid].terms] for cid in removed},
    )
