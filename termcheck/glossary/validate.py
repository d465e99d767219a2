"""`termcheck glossary validate`: problems a glossary maintainer should fix, each with file, row and concept."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from termcheck.core.model import Severity
from termcheck.glossary.model import UNREADABLE, Concept, Glossary, Term, TermStatus
from termcheck.text.normalize import INVISIBLE, SPACES, fold_chinese

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_WORD = re.compile(r"[^\W_]", re.UNICODE)
_HIDDEN = re.compile(f"[{re.escape(INVISIBLE + SPACES)}]")
LOAD_SEVERITY = {
    UNREADABLE: Severity.ERROR,
    "duplicate-id": Severity.ERROR,
    "conflicting-status": Severity.ERROR,
    "empty-term": Severity.ERROR,  # in every format: a term that is not there is a mistake to fix
    "duplicate-term": Severity.WARNING,
    "padded-term": Severity.WARNING,
    "unknown-language": Severity.INFO,  # a multilingual TBX: other languages are information, not errors
}


@dataclass(frozen=True)
class Problem:
    file: str
    where: str  # "row 12", "line 40"
    concept: str
    code: str
    severity: Severity
    message: str


class _Collector:
    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def add(self, concept: Concept, code: str, severity: Severity, message: str) -> None:
        self.problems.append(Problem(self.path, concept.origin, concept.id, code, severity, message))


def _key(term: Term) -> str:
    return term.text if term.case_sensitive else term.text.lower()


def _unmatchable(term: Term) -> str | None:
    """Why the matcher can never find this term, or None."""
    if term.lang == "en":
        if _CJK.search(term.text):
            return "has Chinese characters, but English terms are matched in the English target"
        if not _WORD.search(term.text):
            return "has no letters or digits; English terms are matched word by word"
    elif not _CJK.search(term.text) and not _WORD.search(term.text):
        return "has no characters the source matcher can match"
    return None


def _within_concepts(concepts: Iterable[Concept], out: _Collector) -> None:
    for concept in concepts:
        allowed = {_key(t) for t in concept.terms_in("en", TermStatus.PREFERRED, TermStatus.ADMITTED)}
        for term in concept.terms:
            reason = _unmatchable(term)
            if reason:
                out.add(concept, "unmatchable", Severity.ERROR, f"{term.lang} term {term.text!r} {reason}")
            hidden = _HIDDEN.search(term.text)
            if hidden:
                message = (
                    f"{term.lang} term {term.text!r} has an invisible or non-breaking character "
                    f"U+{ord(hidden.group(0)):04X}; termcheck matches as if it were absent (or a space), "
                    "but other tools will not"
                )
                out.add(concept, "invisible-character", Severity.WARNING, message)
            if term.lang == "en" and term.status is TermStatus.DEPRECATED and _key(term) in allowed:
                message = f"deprecated term {term.text!r} is also an allowed term of this concept"
                out.add(concept, "deprecated-is-allowed", Severity.ERROR, message)
        if not concept.zh_terms:
            out.add(concept, "no-chinese", Severity.WARNING, "no Chinese term: the concept is only checked target-side")
        if concept.preferred_en is None:
            message = "no preferred or admitted English term: nothing to require or suggest"
            out.add(concept, "no-english", Severity.WARNING, message)


def _across_concepts(glossary: Glossary, out: _Collector) -> None:
    zh_owner: dict[str, Concept] = {}
    folded_owner: dict[str, tuple[str, Concept]] = {}
    allowed_en: dict[str, Concept] = {}
    deprecated_en: dict[str, Concept] = {}
    spellings: dict[str, dict[str, Concept]] = defaultdict(dict)
    signatures: dict[frozenset[tuple[str, str]], Concept] = {}
    for concept in glossary:
        signature = frozenset((t.lang, t.text.lower()) for t in concept.terms)
        twin = signatures.setdefault(signature, concept)
        if twin is not concept:
            out.add(concept, "duplicate-concept", Severity.ERROR, f"same terms as concept {twin.id!r} ({twin.origin})")
        for term in concept.terms:
            if term.lang == "zh":
                owner = zh_owner.setdefault(term.text, concept)
                if owner is not concept:
                    message = f"Chinese term {term.text!r} is also in concept {owner.id!r} ({owner.origin})"
                    out.add(concept, "zh-in-two-concepts", Severity.ERROR, message)
                    continue
                folded = fold_chinese(term.text)
                text, first = folded_owner.setdefault(folded, (term.text, concept))
                if text != term.text and first is not concept:
                    if text.lower() == term.text.lower():
                        message = (
                            f"{term.text!r} matches the same text as {text!r} in concept {first.id!r} ({first.origin})"
                        )
                        out.add(concept, "zh-in-two-concepts", Severity.ERROR, message)
                    else:
                        message = (
                            f"{term.text!r} and {text!r} (concept {first.id!r}, {first.origin}) are one term in "
                            "Simplified and Traditional (or full-width) forms; make them one concept"
                        )
                        out.add(concept, "traditional-variant", Severity.ERROR, message)
                continue
            if not term.case_sensitive and term.status.allowed:
                spellings[term.text.lower()].setdefault(term.text, concept)
            table = deprecated_en if term.status is TermStatus.DEPRECATED else allowed_en
            table.setdefault(_key(term), concept)
    for key, concept in deprecated_en.items():
        other = allowed_en.get(key)
        if other is not None and other is not concept:
            message = f"{key!r} is deprecated here but allowed in concept {other.id!r} ({other.origin})"
            out.add(concept, "allowed-and-deprecated", Severity.ERROR, message)
    for forms in spellings.values():
        if len(forms) > 1:
            (first_text, first), *rest = forms.items()
            for text, concept in rest:
                message = f"{text!r} is capitalised differently from {first_text!r} in concept {first.id!r}"
                out.add(concept, "capitalisation", Severity.WARNING, message)


def _nested(glossary: Glossary, out: _Collector) -> None:
    """A term inside a longer term of another concept is never matched where the longer one occurs."""
    english: dict[tuple[str, ...], Concept] = {}
    chinese: dict[str, Concept] = {}
    reported: set[tuple[str, str]] = set()  # (inner, outer) concept ids: one finding per pair
    for concept in glossary:
        for term in concept.terms:
            if term.lang == "en":
                english.setdefault(tuple(term.text.lower().replace("-", " ").split()), concept)
            else:
                chinese.setdefault(term.text, concept)

    def visit(inner: Concept | None, inner_text: str, outer: Concept, outer_text: str) -> None:
        if inner is None or inner is outer or (inner.id, outer.id) in reported or not _conflicting(inner, outer):
            return
        reported.add((inner.id, outer.id))
        _report_nested(out, inner_text, inner, outer_text, outer)

    for words, outer in english.items():
        for size in range(1, len(words)):
            for start in range(len(words) - size + 1):
                part = words[start : start + size]
                visit(english.get(part), " ".join(part), outer, " ".join(words))
    for text, outer in chinese.items():
        for size in range(1, len(text)):
            for start in range(len(text) - size + 1):
                visit(chinese.get(text[start : start + size]), text[start : start + size], outer, text)


def _conflicting(inner: Concept, outer: Concept) -> bool:
    """Nesting matters when one of the two concepts deprecates what the other allows or requires."""

    def deprecated(c: Concept) -> bool:
        return any(t.status is TermStatus.DEPRECATED for t in c.terms)

    return deprecated(inner) != deprecated(outer) or inner.deprecated_everywhere != outer.deprecated_everywhere


def _report_nested(out: _Collector, inner_text: str, inner: Concept, outer_text: str, outer: Concept) -> None:
    message = (
        f"{inner_text!r} is inside {outer_text!r} of concept {outer.id!r} ({outer.origin}): "
        f"where {outer_text!r} occurs, {inner_text!r} is not matched"
    )
    out.add(inner, "nested", Severity.WARNING, message)


def validate_glossary(glossary: Glossary, path: str) -> list[Problem]:
    out = _Collector(path)
    for issue in glossary.issues:
        severity = LOAD_SEVERITY.get(issue.code, Severity.WARNING)
        out.problems.append(Problem(path, issue.where, issue.concept, issue.code, severity, issue.message))
    _within_concepts(glossary, out)
    _across_concepts(glossary, out)
    _nested(glossary, out)
    return sorted(out.problems, key=_position)


def _position(problem: Problem) -> int:
    """Problems are listed in the order of the rows (lines) they are in; "" (the whole file) first."""
    number = problem.where.rpartition(" ")[2]
    return int(number) if number.isdigit() else 0


def validate_file(path: str, encoding: str | None = None) -> list[Problem]:
    """Validate one glossary file. A value that cannot be read (a bad yes/no value, an unknown TBX status)
    is an `unreadable` error naming its row, and the rest of the file is still checked; a file that cannot
    be read at all (malformed XML, no zh or en column) is one such error, so the other files are still checked."""
    from termcheck.core.errors import InputError
    from termcheck.glossary.io import load_glossary

    try:
        glossary = load_glossary(path, None, encoding, strict=False)
    except InputError as exc:
        where = f"line {exc.line}" if exc.line is not None else ""
        return [Problem(path, where, "", UNREADABLE, Severity.ERROR, exc.reason)]
    return validate_glossary(glossary, path)
