"""The one-row-per-concept table shared by the CSV, TSV and XLSX glossary formats.

Columns (alternatives separated by `|`):
  id, zh, zh_admitted, en, en_admitted, en_deprecated, case_sensitive, exact,
  deprecated_everywhere, domain, note
`case_sensitive` and `exact` hold `yes` (every English term of the concept), nothing,
or the `|`-separated English terms they apply to.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from termcheck.core.errors import InputError
from termcheck.glossary.model import UNREADABLE, Concept, Glossary, LoadIssue, Term, TermStatus

SEP = "|"
HEADER_SEARCH_ROWS = 20  # a title block above the header is rarely longer
COLUMNS = (
    "id",
    "zh",
    "zh_admitted",
    "en",
    "en_admitted",
    "en_deprecated",
    "case_sensitive",
    "exact",
    "deprecated_everywhere",
    "domain",
    "note",
)
TERM_COLUMNS: dict[str, tuple[str, TermStatus]] = {
    "zh": ("zh", TermStatus.PREFERRED),
    "zh_admitted": ("zh", TermStatus.ADMITTED),
    "zh_deprecated": ("zh", TermStatus.DEPRECATED),
    "en": ("en", TermStatus.PREFERRED),
    "en_admitted": ("en", TermStatus.ADMITTED),
    "en_deprecated": ("en", TermStatus.DEPRECATED),
}
# Header names other glossaries use for our columns, tried when no mapping is given.
ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("concept_id", "concept", "entry_id"),
    "zh": ("source", "term_zh", "chinese", "zh-cn", "zh_cn", "zh-hans"),
    "en": ("target", "term_en", "english", "en-us", "en_us"),
    "en_admitted": ("en_alternatives", "en_variants", "allowed", "en_allowed"),
    "en_deprecated": ("forbidden", "en_forbidden", "deprecated", "do_not_use"),
    "domain": ("subject", "subject_field"),
    "note": ("notes", "comment", "definition"),
}
TRUE = {"yes", "true", "1", "y", "x", "on"}
FALSE = {"", "no", "false", "0", "n", "off"}


@dataclass(frozen=True, slots=True)
class Row:
    number: int  # line (CSV) or row (XLSX) in the file, for error messages
    values: Mapping[str, str]


def find_header(
    rows: Iterator[tuple[int, list[str]]], path: str, mapping: Mapping[str, str] | None
) -> tuple[list[str], dict[str, str]]:
    """Consume (row number, cells) up to the header: the first of the first HEADER_SEARCH_ROWS rows with a
    zh or en column (and every column `mapping` names), so a title block above it is skipped. Returns the
    header and our columns mapped to its names; without one, the error about the first row."""
    first: InputError | None = None
    tried = 0
    for number, cells in itertools.islice(rows, HEADER_SEARCH_ROWS):
        tried = number
        try:
            return cells, resolve_columns(cells, path, mapping, number)
        except InputError as exc:
            first = first or exc
    if first is None:
        raise InputError(path, "empty glossary file")
    if tried > 1:
        rows_after = "row 2 is" if tried == 2 else f"rows 2–{tried} are"
        raise InputError(path, f"{first.reason} ({rows_after} no header either)", first.line)
    raise first


def resolve_columns(header: list[str], path: str, mapping: Mapping[str, str] | None, line: int = 1) -> dict[str, str]:
    """Map our column names to the file's header names (the header is in row `line`)."""
    normalised = {h.strip().lower(): h for h in header if h is not None}
    result: dict[str, str] = {}
    for ours, theirs in (mapping or {}).items():
        if ours not in COLUMNS and ours != "zh_deprecated":
            raise InputError(path, f"unknown glossary column {ours!r} in the column mapping")
        if theirs.strip().lower() not in normalised:
            raise InputError(path, f"column {theirs!r} (mapped to {ours}) is not in the header", line)
        result[ours] = normalised[theirs.strip().lower()]
    for ours in (*COLUMNS, "zh_deprecated"):
        if ours in result:
            continue
        for name in (ours, *ALIASES.get(ours, ())):
            if name in normalised and normalised[name] not in result.values():
                result[ours] = normalised[name]
                break
    if "zh" not in result and "en" not in result:
        raise InputError(path, f"header has neither a zh nor an en column: {', '.join(header)}", line)
    return result


def split_terms(value: str) -> list[str]:
    return [part.strip() for part in value.split(SEP) if part.strip()]


def _flag_terms(value: str, english: list[str], column: str, found: list[tuple[str, str]]) -> set[str]:
    """The English terms a case_sensitive or exact cell names; a name that is not one is reported, not used."""
    lowered = value.strip().lower()
    if lowered in TRUE:
        return set(english)
    if lowered in FALSE:
        return set()
    named = split_terms(value)
    unknown = [n for n in named if n not in english]
    if unknown:
        found.append((UNREADABLE, f"{column}: {unknown[0]!r} is not an English term of this concept"))
    return {n for n in named if n in english}


def _raw_issues(value: str, column: str) -> list[tuple[str, str]]:
    """(code, message) for empty and whitespace-padded entries in a `|`-separated cell."""
    issues: list[tuple[str, str]] = []
    parts = value.split(SEP)
    if len(parts) > 1 and any(not p.strip() for p in parts):
        issues.append(("empty-term", f"{column}: an empty term between separators in {value!r}"))
    for part in parts:
        if part.strip() and part != part.strip() and (len(parts) == 1 or part.strip(" ") != part.strip()):
            issues.append(("padded-term", f"{column}: term {part!r} has whitespace around it"))
    return issues


def rows_to_glossary(rows: Iterable[Row], columns: Mapping[str, str], name: str) -> Glossary:
    glossary = Glossary(name=name)
    used_ids: set[str] = set()
    for row in rows:

        def get(col: str, row: Row = row) -> str:
            header = columns.get(col)
            return (row.values.get(header) or "") if header else ""

        where = f"row {row.number}"
        raw_id = get("id").strip()
        found: list[tuple[str, str]] = []  # (code, message), reported once the concept id is known
        terms: list[Term] = []
        for col, (lang, status) in TERM_COLUMNS.items():
            found.extend(_raw_issues(get(col), col))
            for text in split_terms(get(col)):
                twin = next((t for t in terms if t.lang == lang and t.text == text), None)
                if twin is not None:
                    if twin.status.allowed != status.allowed:
                        found.append(("conflicting-status", f"{text!r} is both {twin.status.value} and {status.value}"))
                    elif twin.status is status:
                        found.append(("duplicate-term", f"{text!r} is listed twice in {col}"))
                    continue  # the first listing wins; a variant list may repeat the preferred term
                terms.append(Term(text, lang, status))
        if not terms:
            continue  # blank row
        english = [t.text for t in terms if t.lang == "en"]
        case_sensitive = _flag_terms(get("case_sensitive"), english, "case_sensitive", found)
        exact = _flag_terms(get("exact"), english, "exact", found)
        terms = [
            Term(t.text, t.lang, t.status, t.text in case_sensitive, t.text in exact) if t.lang == "en" else t
            for t in terms
        ]
        everywhere = get("deprecated_everywhere").strip().lower()
        if everywhere not in TRUE | FALSE:
            found.append((UNREADABLE, f"deprecated_everywhere must be yes or no, not {everywhere!r}"))
        concept_id = raw_id or next(t.text for t in terms)
        base, n = concept_id, 1
        while concept_id in used_ids:
            n += 1
            concept_id = f"{base}#{n}"
        if n > 1:
            found.append(("duplicate-id", f"concept id {base!r} is used again; read as {concept_id!r}"))
        glossary.issues.extend(LoadIssue(where, concept_id, message, code, row.number) for code, message in found)
        used_ids.add(concept_id)
        glossary.concepts.append(
            Concept(
                id=concept_id,
                terms=tuple(terms),
                domain=get("domain").strip(),
                note=get("note").strip(),
                deprecated_everywhere=everywhere in TRUE,
                origin=where,
            )
        )
    return glossary


def _flag_value(english: list[Term], attr: str) -> str:
    flagged = [t.text for t in english if getattr(t, attr)]
    if not flagged:
        return ""
    if len(flagged) == len(english):
        return "yes"
    return SEP.join(flagged)


def glossary_to_rows(glossary: Glossary, path: str) -> tuple[list[str], list[list[str]]]:
    header = list(COLUMNS)
    if any(t.lang == "zh" and t.status is TermStatus.DEPRECATED for c in glossary for t in c.terms):
        header.insert(header.index("en"), "zh_deprecated")
    rows: list[list[str]] = []
    for concept in glossary:
        values: dict[str, str] = {"id": concept.id, "domain": concept.domain, "note": concept.note}
        for col, (lang, status) in TERM_COLUMNS.items():
            texts = [t.text for t in concept.terms if t.lang == lang and t.status is status]
            for text in texts:
                if SEP in text:
                    raise InputError(path, f"term {text!r} of concept {concept.id} contains {SEP!r}")
            values[col] = SEP.join(texts)
        english = concept.terms_in("en")
        values["case_sensitive"] = _flag_value(english, "case_sensitive")
        values["exact"] = _flag_value(english, "exact")
        values["deprecated_everywhere"] = "yes" if concept.deprecated_everywhere else ""
        rows.append([values.get(col, "") for col in header])
    return header, rows
