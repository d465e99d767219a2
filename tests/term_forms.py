"""Running-text forms of a glossary term, shared by tests/test_term_table.py and benchmarks/wmt25_terms.py."""

from __future__ import annotations

from termcheck.glossary.model import Concept, Glossary, Term
from termcheck.matching import TargetMatcher
from termcheck.text.lemmas import lemma

CONTEXTS = ["{}", "The {} was", "“{}”", "({})", "{}、", "{}.", "{}’s view", "{}, and", "（{}）"]
# Terms whose plural cannot be told from another word's: "bases" is the plural of "base" as well as "basis".
PLURAL_EXCEPTIONS = {"basis"}


def plural(term: str) -> str | None:
    """The term with its last word, a lowercase base-form noun, in the plural; None where there is none."""
    from lemminflect import getAllLemmas, getInflection

    words = term.split(" ")
    last = words[-1]
    if not (last.isalpha() and last.islower()) or lemma(last) != last or last in PLURAL_EXCEPTIONS:
        return None
    if "NOUN" not in getAllLemmas(last):
        return None  # "overseas", "dangerous"
    forms = getInflection(last, "NNS")
    if not forms or forms[0] == last:
        return None
    return " ".join([*words[:-1], forms[0]])


class FormMatcher:
    """One matcher for a whole list of terms, each its own concept."""

    def __init__(self, terms: list[str]) -> None:
        self.index = {t: f"c{i}" for i, t in enumerate(terms)}
        self.matcher = TargetMatcher(Glossary([Concept(c, (Term(t, "en"),)) for t, c in self.index.items()]))

    def matches(self, term: str, text: str) -> bool:
        concept = self.index[term]
        return concept in self.matcher.match_in(text, self.matcher.analyzer.analyze(text), {concept}).anywhere


def table_failures(terms: list[str]) -> tuple[list[str], list[str], int]:
    """(terms not matched in some running-text context, plurals not matched, plurals tried)."""
    forms = FormMatcher(terms)
    failed_self = [t for t in terms if not all(forms.matches(t, c.format(t)) for c in CONTEXTS)]
    tried = [(t, p) for t in terms if (p := plural(t))]
    failed_plural = [p for t, p in tried if not forms.matches(t, f"the {p} were")]
    return failed_self, failed_plural, len(tried)
