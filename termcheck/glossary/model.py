"""Concept-based glossary model, as in TBX: concepts hold terms in two languages."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import Enum


class TermStatus(str, Enum):
    PREFERRED = "preferred"
    ADMITTED = "admitted"
    DEPRECATED = "deprecated"

    @property
    def allowed(self) -> bool:
        return self is not TermStatus.DEPRECATED


@dataclass(frozen=True, slots=True)
class Term:
    text: str
    lang: str  # "zh" or "en"
    status: TermStatus = TermStatus.PREFERRED
    case_sensitive: bool = False
    exact: bool = False  # exact form only: no inflection
    locale: str = ""  # an English term's locale, "en-GB" or "en-US" (from TBX); "" for any English


def same_locale(term_locale: str, document_locale: str) -> bool:
    """Whether a term of `term_locale` is right in a document of `document_locale` ("" on either side: yes)."""
    return not term_locale or not document_locale or term_locale.lower() == document_locale.lower()


@dataclass(frozen=True, slots=True)
class Concept:
    id: str
    terms: tuple[Term, ...]
    domain: str = ""
    note: str = ""
    deprecated_everywhere: bool = False  # flag deprecated English terms even without the Chinese term
    origin: str = field(default="", compare=False)  # where it was read: "row 12", "line 40"

    def terms_in(self, lang: str, *statuses: TermStatus) -> list[Term]:
        return [t for t in self.terms if t.lang == lang and (not statuses or t.status in statuses)]

    @property
    def zh_terms(self) -> list[Term]:
        return self.terms_in("zh")

    @property
    def preferred_en(self) -> Term | None:
        return self.preferred_for("")

    def preferred_for(self, locale: str) -> Term | None:
        """The English term to use in a document of `locale` ("" unknown): a preferred term of that
        locale or of none, else an admitted one; with the locale unknown, a locale-free term first."""
        english = [t for t in self.terms_in("en") if same_locale(t.locale, locale)]
        for status in (TermStatus.PREFERRED, TermStatus.ADMITTED):
            candidates = [t for t in english if t.status is status]
            if candidates:
                return next((t for t in candidates if not t.locale), candidates[0])
        return None

    @property
    def label(self) -> str:
        zh = self.zh_terms
        en = self.preferred_en
        return " / ".join(x for x in (zh[0].text if zh else "", en.text if en else "") if x) or self.id


@dataclass(frozen=True, slots=True)
class LoadIssue:
    """Something a reader noticed and worked around; `termcheck glossary validate` reports it."""

    where: str  # "row 12", "line 40"
    concept: str
    message: str
    code: str
    line: int | None = None  # the line (CSV, TBX) or row (XLSX) as a number, for an InputError to name


UNREADABLE = "unreadable"  # a value the reader could not read and left out: `load_glossary` stops on it


@dataclass(slots=True)
class Glossary:
    concepts: list[Concept] = field(default_factory=list)
    name: str = ""
    issues: list[LoadIssue] = field(default_factory=list, compare=False)

    def __iter__(self) -> Iterator[Concept]:
        return iter(self.concepts)

    def __len__(self) -> int:
        return len(self.concepts)

    def by_id(self) -> dict[str, Concept]:
        return {c.id: c for c in self.concepts}

    @classmethod
    def merged(cls, glossaries: Iterable[Glossary]) -> Glossary:
        """Several --glossary files act as one; a concept id seen twice keeps both, renamed."""
        glossaries = list(glossaries)
        out = cls(name="+".join(g.name for g in glossaries))
        seen: set[str] = set()
        for glossary in glossaries:
            for concept in glossary:
                cid = concept.id
                if cid in seen:
                    cid = f"{glossary.name}:{cid}"
                seen.add(cid)
                out.concepts.append(concept if cid == concept.id else _renamed(concept, cid))
            out.issues.extend(glossary.issues)
        return out


def _renamed(concept: Concept, new_id: str) -> Concept:
    return Concept(new_id, concept.terms, concept.domain, concept.note, concept.deprecated_everywhere, concept.origin)
