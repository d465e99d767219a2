"""Every English term of the bundled glossaries and of TICO-19's matches itself and its plural in running
text; words that only share a lemma with a term do not match it (termcheck.text.lemmas.lemma)."""

from __future__ import annotations

import csv
from functools import lru_cache

import pytest
from conftest import DATA, ROOT
from term_forms import CONTEXTS, FormMatcher, plural

from termcheck.glossary.model import Concept, Glossary, Term
from termcheck.matching import TargetMatcher


def _english_terms() -> list[str]:
    terms: set[str] = set()
    files = [*sorted((ROOT / "glossaries").glob("*.csv")), DATA / "tico19-glossary.csv"]
    for path in files:
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                for column in ("en", "en_admitted", "en_alternatives", "en_deprecated"):
                    terms.update(t.strip() for t in (row.get(column) or "").split("|") if t.strip())
    return sorted(terms)


TERMS = _english_terms()


@lru_cache(maxsize=1)
def _forms() -> FormMatcher:
    return FormMatcher(TERMS)


def test_the_table_is_big_enough() -> None:
    assert len(TERMS) > 600


@pytest.mark.parametrize("term", TERMS)
def test_a_term_matches_itself_in_running_text(term: str) -> None:
    missed = [ctx.format(term) for ctx in CONTEXTS if not _forms().matches(term, ctx.format(term))]
    assert not missed


@pytest.mark.parametrize("term", [t for t in TERMS if plural(t)])
def test_a_term_matches_its_plural(term: str) -> None:
    form = plural(term)
    assert form is not None
    assert _forms().matches(term, f"the {form} were"), form


TRAPS = [
    ("filing", "the file was late", False),
    ("filing", "it was filed late", False),
    ("filing", "two filings were late", True),
    ("listing", "the list of approved drugs", False),
    ("listing", "the listings", True),
    ("number", "my hands went numb", False),
    ("identity card number", "identity card numbers", True),
    ("meeting", "we meet on Monday", False),
    ("meeting", "two meetings", True),
    ("building", "they build", False),
    ("logistics building", "logistics buildings", True),
    ("testing", "a test", False),
    ("key audit matter", "Key Audit Matters", True),
    ("key audit matter", "Key Audit Matt", False),
    ("criterion", "the criteria", True),
    ("analysis", "two analyses", True),
    ("agenda", "the agendas", True),
    ("data", "a datum", False),
    ("AIDS", "first aid", False),
    ("future fund", "some future funds", True),
    ("iBond", "inflation-linked bonds (iBonds)", True),
    ("launch", "the difficulties of launching stem cell drugs", True),
    ("DOE", "what it does", False),
]


@pytest.mark.parametrize(("term", "text", "matches"), TRAPS)
def test_lemma_traps(term: str, text: str, matches: bool) -> None:
    glossary = Glossary([Concept("c", (Term(term, "en"),))])
    matcher = TargetMatcher(glossary)
    found = matcher.match_in(text, matcher.analyzer.analyze(text), {"c"}).anywhere
    assert ("c" in found) is matches
