"""A replacement in the form of what it replaces: the same inflection, capitals and article.

"Universal stem cells" at the start of a sentence becomes "Universal donor stem cells": the plural
carried by inflecting the preferred term's head noun (lemminflect), not by gluing an "s" on; the capital
kept; and "a" before it turned into "an" (or back) where the new first word needs it. Where the form
cannot be carried safely (the head of the preferred term is not a noun, or has no such form), or the
preferred term is a compound adjective where a noun phrase stood, there is no fix: a person decides.
"""

from __future__ import annotations

import re

from termcheck.core.edits import Edit
from termcheck.text.lemmas import lemma

_WORD = re.compile(r"[A-Za-z][A-Za-z']*")
PREPOSITIONS = frozenset(
    ["of", "for", "in", "on", "to", "with", "from", "by", "at", "against", "under", "over", "between", "among", "into"]
)
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]['\"”’)\]]*\s+|^['\"“‘(\[]+)$")
_ARTICLE_BEFORE = re.compile(r"(?<![A-Za-z'])(a|an)(\s+)$", re.IGNORECASE)
_SMALL = frozenset(
    ["a", "an", "and", "as", "at", "but", "by", "for", "in", "nor", "of", "on", "or", "the", "to", "with"]
)


def head(words: list[str]) -> int:
    """Which word of an English noun phrase carries its number: the last before a preposition
    ("Centers for Drug Evaluation"), else the last ("stem cells")."""
    for index, word in enumerate(words):
        if index and word.lower() in PREPOSITIONS:
            return index - 1
    return len(words) - 1


def _same_case(model: str, word: str) -> str:
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _noun_forms(base: str) -> dict[str, tuple[str, ...]]:
    """lemminflect's inflections of a lowercase lemma; for a word it does not know ("subcohort"), those of its
    rules for nouns ("subcohorts")."""
    from lemminflect import getAllInflections, getAllInflectionsOOV

    forms: dict[str, tuple[str, ...]] = getAllInflections(base)
    return forms or getAllInflectionsOOV(base, "NOUN")


def _inflection_tag(word: str) -> str | None:
    """The Penn tag of an inflected word ("cells", "subarms", "MSCs" → "NNS"); None for a base form."""
    lower = word.lower()
    base = lemma(lower)
    if base == lower:
        return None
    for tag, forms in _noun_forms(base).items():
        if lower in forms and tag not in ("NN", "VB"):
            return tag
    return None


def _tag_against(found: str, listed: str | None) -> str | None:
    """The tag the replacement's head takes for the found head word, judged against the head of the term as
    the glossary lists it: None where the found word is the listed one ("Ningde Times", "diabetes": a name or a
    plurale tantum keeps the replacement as listed), "NN" for the singular of a term listed as a plural."""
    if listed is None:
        return _inflection_tag(found)
    if found.lower() == listed.lower():
        return None
    found_tag, listed_tag = _inflection_tag(found), _inflection_tag(listed)
    if found_tag == listed_tag:
        return None
    return found_tag or "NN"


def _looks_like_a_name(text: str) -> bool:
    """A title-cased run of words ("Ningde Times", "Drug Evaluation Centers"), which may be a name or a plural."""
    words = text.split()
    return len(words) > 1 and not text.isupper() and all(w[:1].isupper() for w in words if w.lower() not in _SMALL)


_ADJECTIVE_ENDING = re.compile(r"(?:ory|ous|ic|ive|able|ible|al)$")


def _inflected(word: str, tag: str) -> str | None:
    """The word with the inflection `tag` ("NN": its singular); None where a machine should not make it."""
    if word.isupper() and len(word) > 1:
        return None  # an abbreviation: "NMPAs" is not for a machine to write
    if any(c.isupper() for c in word[1:]):  # an abbreviation in mixed case: mAb, siRNA
        if tag == "NNS":
            return word + "s"
        if tag == "NN":
            return word.removesuffix("s")
        return None
    lower = word.lower()
    if tag == "NN":
        return _same_case(word, lemma(lower))
    from lemminflect import getAllLemmas, getInflection

    lemmas = getAllLemmas(lower)
    if not lemmas:  # a word lemminflect does not know ("subcohort"): a noun, unless it reads as an adjective
        if tag != "NNS" or _ADJECTIVE_ENDING.search(lower):
            return None
        forms = _noun_forms(lower).get("NNS", ())
    elif "NOUN" not in lemmas and tag == "NNS":
        return None  # "steroid-refractory" has no plural
    else:
        forms = getInflection(lower, tag=tag)
    return _same_case(word, forms[0]) if forms else None


def inflect_like(found: str, replacement: str, listed: str | None = None) -> str | None:
    """The replacement with the inflection of the found term's head; None where it cannot be carried.

    `listed` is the term `found` is a form of, as the glossary lists it: the found text's number is judged
    against it, so a term listed with its -s ("Ningde Times", "diabetes") is no plural. Without it (a row of
    the Excel report), a title-cased found text that reads as a plural may be a name: no fix."""
    found_words = [m.group() for m in _WORD.finditer(found)]
    new_words = list(_WORD.finditer(replacement))
    if not found_words or not new_words:
        return replacement
    listed_words = [m.group() for m in _WORD.finditer(listed or "")]
    listed_head = listed_words[head(listed_words)] if listed_words else None
    tag = _tag_against(found_words[head(found_words)], listed_head)
    if tag is None:
        return replacement
    if listed_head is None and _looks_like_a_name(found):
        return None
    target = new_words[head([m.group() for m in new_words])]
    word = _inflected(target.group(), tag)
    if word is None:
        return None
    return replacement[: target.start()] + word + replacement[target.end() :]


def case_like(found: str, replacement: str, before: str, case_sensitive: bool = False) -> str:
    """The replacement in the found term's case: all capitals stay all capitals, a capital that starts a
    sentence stays, a title-cased heading stays title-cased; otherwise the glossary's own spelling."""
    letters = [c for c in found if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement if case_sensitive else replacement.upper()
    if case_sensitive or not found[:1].isupper() or replacement[:1].isupper():
        return replacement
    words = found.split()
    if len(words) > 1 and all(w[:1].isupper() for w in words if w.lower() not in _SMALL):
        titled = (w if w.lower() in _SMALL and i else w[:1].upper() + w[1:] for i, w in enumerate(replacement.split()))
        return " ".join(titled)
    if _SENTENCE_START.search(before):
        return replacement[:1].upper() + replacement[1:]
    return replacement


def starts_with_vowel_sound(word: str) -> bool:
    """Whether "an" goes before the word: "an NMPA", "an hour", "a universal", "a one-off"."""
    if not word:
        return False
    if (word.isupper() and len(word) > 1) or len(word) == 1:
        return word[0].lower() in "aefhilmnorsx"  # letter names: en, ef, aitch, el, em…
    lower = word.lower()
    if lower.startswith(("uni", "use", "usu", "uti", "ubi", "eu", "ewe", "one", "once", "ure", "uro")):
        return False
    if lower.startswith(("hour", "honest", "honor", "honour", "heir")):
        return True
    return lower[0] in "aeiou"


# the last part of a hyphenated compound adjective: steroid-refractory, drug-resistant, age-related, gluten-free
_COMPOUND_ADJECTIVE = re.compile(
    r"-(?:\w+(?:ory|ant|ent|ic|al|ous|ive|able|ible|ed)|free|like|specific|based)$", re.IGNORECASE
)


def changes_word_class(found: str, preferred: str) -> bool:
    """Whether the preferred term is a compound adjective standing for a noun phrase ("hormone therapy
    failure" → "steroid-refractory"): the sentence must be rebuilt around it, which only a person can do."""
    from lemminflect import getAllLemmas

    found_words = [m.group() for m in _WORD.finditer(found)]
    last = preferred.split()[-1] if preferred.split() else ""
    if not found_words or not _COMPOUND_ADJECTIVE.search(last):
        return False
    return set(getAllLemmas(found_words[head(found_words)].lower())) == {"NOUN"}


def replacement_edit(
    target: str, start: int, end: int, found: str, preferred: str, case_sensitive: bool, listed: str | None = None
) -> Edit | None:
    """The edit that puts `preferred` where `found` stands in `target`, in its form, with the article before it
    corrected; None where the form cannot be carried. `listed`: the term found is a form of, as listed."""
    if target[start:end] != found:
        return None
    before = target[:start]
    if changes_word_class(found, preferred):
        return None
    shaped = inflect_like(found, preferred, listed)
    if shaped is None:
        return None
    shaped = case_like(found, shaped, before, case_sensitive)
    article = _ARTICLE_BEFORE.search(before)
    first = _WORD.search(shaped)
    if article and first:
        wanted = "an" if starts_with_vowel_sound(first.group()) else "a"
        written = article.group(1)
        if written.lower() != wanted:
            new_article = _same_case(written, wanted) if written != "A" else wanted.capitalize()
            return Edit(article.start(), end, new_article + article.group(2) + shaped)
    return Edit(start, end, shaped)
