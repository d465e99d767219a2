"""`termcheck glossary merge`: the union of two glossaries; conflicts are reported, never resolved silently."""

from __future__ import annotations

from dataclasses import dataclass, replace

from termcheck.core.errors import UsageError
from termcheck.core.model import Severity
from termcheck.glossary.diff import compare_concepts
from termcheck.glossary.model import Concept, Glossary
from termcheck.glossary.validate import validate_glossary
from termcheck.text.normalize import fold_chinese

STRATEGIES = ("fail", "ours", "theirs", "both")
SAME_ID = "same id, different content"
SAME_CHINESE = "same Chinese term"
INVALID = "merged glossary fails validate"


@dataclass(frozen=True)
class Conflict:
    id: str
    kind: str  # SAME_ID, SAME_CHINESE or INVALID
    detail: str  # says which input has what: the first glossary is "ours", the second "theirs"
    resolved: bool  # by the --on-conflict strategy; an unresolved conflict means nothing is written


@dataclass(frozen=True)
class MergeResult:
    glossary: Glossary
    conflicts: list[Conflict]
    from_first: int  # concepts of the merged glossary taken from the first glossary
    from_second: int  # … and from the second: new ones, replacements (theirs) and copies (both)

    @property
    def unresolved(self) -> list[Conflict]:
        return [c for c in self.conflicts if not c.resolved]


def zh_key(text: str) -> str:
    """Chinese terms `validate` takes for one: the same up to case, Traditional or full-width forms."""
    return fold_chinese(text)


class _Merged:
    """The merged concepts in order, which input each came from, and who holds each Chinese term."""

    def __init__(self, ours: Glossary) -> None:
        self.entries: dict[str, tuple[Concept, bool]] = {}  # id → (concept, from the second); dicts keep order
        self.zh_owner: dict[str, str] = {}
        for concept in ours:
            self.put(concept, False)

    def put(self, concept: Concept, second: bool) -> None:
        """Add a concept, or replace the one of its id in its place."""
        if concept.id in self.entries:
            self._disown(self.entries[concept.id][0])
        self.entries[concept.id] = (concept, second)
        for term in concept.zh_terms:
            self.zh_owner.setdefault(zh_key(term.text), concept.id)

    def drop(self, cid: str) -> None:
        self._disown(self.entries.pop(cid)[0])

    def _disown(self, concept: Concept) -> None:
        for term in concept.zh_terms:
            if self.zh_owner.get(zh_key(term.text)) == concept.id:
                del self.zh_owner[zh_key(term.text)]

    def held(self, concept: Concept) -> set[str]:
        """The Chinese terms of `concept` that a concept already merged holds, whatever its id."""
        return {t.text for t in concept.zh_terms if zh_key(t.text) in self.zh_owner}

    def claims(self, concept: Concept) -> list[tuple[str, str]]:
        """(term, owner id) for each Chinese term of `concept` that another concept holds."""
        owners = ((t.text, self.zh_owner.get(zh_key(t.text))) for t in concept.zh_terms)
        return [(text, owner) for text, owner in owners if owner is not None and owner != concept.id]

    def free_id(self, cid: str, taken: set[str]) -> str:
        n = 2
        while f"{cid}~{n}" in self.entries or f"{cid}~{n}" in taken:
            n += 1
        return f"{cid}~{n}"


def merge_glossaries(
    ours: Glossary, theirs: Glossary, on_conflict: str = "fail", names: tuple[str, str] = ("first", "second")
) -> MergeResult:
    """Union by concept id. A conflict is a concept in both with different content, or a Chinese term that
    two concepts claim; `on_conflict` says how it is resolved: not at all (fail), ours, theirs, or both
    (theirs as ID~2, without the Chinese terms another concept holds: a Chinese term cannot belong to two).
    Whatever `validate` would still find wrong in the result and not in the inputs is a conflict no strategy
    resolves, so a merged glossary is never written invalid. `names` label the inputs in the details."""
    if on_conflict not in STRATEGIES:
        raise UsageError(f"--on-conflict must be one of {', '.join(STRATEGIES)}, not {on_conflict!r}")
    first, second = names
    merged = _Merged(ours)
    taken = {c.id for c in ours} | {c.id for c in theirs}
    conflicts: list[Conflict] = []

    def claimed(concept: Concept, resolved: bool) -> list[tuple[str, str]]:
        found = merged.claims(concept)
        for text, owner in found:
            whose = second if merged.entries[owner][1] else first
            detail = f"{text!r} is in {whose}'s concept {owner!r} and {second}'s concept {concept.id!r}"
            conflicts.append(Conflict(concept.id, SAME_CHINESE, detail, resolved))
        return found

    for concept in theirs:
        existing = merged.entries.get(concept.id)
        if existing is None:
            found = claimed(concept, on_conflict in ("ours", "theirs"))
            if found and on_conflict == "ours":
                continue  # ours keeps the term: their concept is left out
            if on_conflict == "theirs":
                for owner in {owner for _, owner in found}:
                    merged.drop(owner)
            merged.put(concept, True)
            continue
        change = compare_concepts(existing[0], concept)
        if change is None:
            continue
        parts = [f"only in {second}: {t}" for t in change.terms_added]
        parts += [f"only in {first}: {t}" for t in change.terms_removed]
        parts += [f"{k}: {a!r} in {first}, {b!r} in {second}" for k, (a, b) in change.fields.items()]
        if on_conflict == "theirs":
            for owner in {owner for _, owner in claimed(concept, True)}:
                merged.drop(owner)
            merged.put(concept, True)
        elif on_conflict == "both":
            parts.append(_add_copy(merged, concept, taken))
        conflicts.append(Conflict(concept.id, SAME_ID, "; ".join(parts), on_conflict != "fail"))
    glossary = Glossary(name=f"{ours.name}+{theirs.name}", concepts=[c for c, _ in merged.entries.values()])
    listed = {c.id for c in conflicts if not c.resolved}  # their clash is listed, and nothing is written
    conflicts += [c for c in _new_errors(glossary, ours, theirs) if c.id not in listed]
    from_second = sum(second for _, second in merged.entries.values())
    return MergeResult(glossary, conflicts, len(glossary) - from_second, from_second)


def _add_copy(merged: _Merged, concept: Concept, taken: set[str]) -> str:
    """Add the second's version of a concept under a new id, leaving out the Chinese terms another concept
    holds; say what was done."""
    new_id = merged.free_id(concept.id, taken)
    held = merged.held(concept)
    terms = tuple(t for t in concept.terms if not (t.lang == "zh" and t.text in held))
    without = f" without the Chinese term{'s' if len(held) > 1 else ''} {', '.join(map(repr, sorted(held)))}"
    if not terms:
        return f"not kept: {concept.id!r} has no term but the Chinese ones"
    merged.put(replace(concept, id=new_id, terms=terms), True)
    return f"kept as {new_id!r}" + (without if held else "")


def _new_errors(merged: Glossary, ours: Glossary, theirs: Glossary) -> list[Conflict]:
    """Errors `validate` finds in the merged glossary that neither input has: two concepts, one from each
    input, that clash in a way no strategy resolves (an English term allowed in one and deprecated in the
    other, the same terms twice)."""

    def errors(glossary: Glossary) -> list[tuple[str, str, str]]:
        problems = validate_glossary(glossary, "")
        return [(p.concept, p.code, p.message) for p in problems if p.severity is Severity.ERROR]

    known = {(cid, code) for glossary in (ours, theirs) for cid, code, _ in errors(glossary)}
    return [
        Conflict(cid, INVALID, f"{code}: {message}", False)
        for cid, code, message in errors(merged)
        if (cid, code) not in known
    ]
