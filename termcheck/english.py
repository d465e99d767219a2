"""The English text layer: spaCy's blank English tokenizer and lookup lemmas (spacy-lookups-data).

A token's matching key is its lowercased lookup lemma ("Cells" → "cell", "therapies" → "therapy").
All-capital tokens key as their lowercased form so that acronyms are not lemmatised ("AIDS" is
not "aid"), with the lemma as an alternate key so that headlines ("STEM CELLS") still match; an
acronym with a plural s ("MSCs") keys as the acronym. Possessive "'s" and whitespace tokens carry
no key, so "Crohn's disease" and "Crohn disease" give the same keys and doubled spaces do not
break a term.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from termcheck.normalize import fold_english

POSSESSIVE = frozenset({"'s", "'", "s'"})
BATCH = 1000


@dataclass(frozen=True, slots=True)
class Tokens:
    """Keyed tokens of one text. starts/ends are character offsets into the original text."""

    keys: list[str]
    surfaces: list[str]
    starts: list[int]
    ends: list[int]
    alternates: dict[int, str]  # token index -> second key (all-capital words only)


@lru_cache(maxsize=1)
def _lemma_table() -> dict[str, str]:
    import spacy_lookups_data

    with gzip.open(spacy_lookups_data.get_file("en_lemma_lookup.json.gz"), "rt", encoding="utf-8") as handle:
        table: dict[str, str] = json.load(handle)
    return table


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    import spacy

    return spacy.blank("en").tokenizer


class EnglishAnalyzer:
    def __init__(self) -> None:
        self._lemmas = _lemma_table()
        self._tokenizer = _tokenizer()
        self._cache: dict[str, str] = {}

    def key(self, surface: str) -> str:
        cached = self._cache.get(surface)
        if cached is not None:
            return cached
        lower = surface.lower()
        if len(surface) > 1 and surface.isupper():
            key = lower
        elif surface.endswith("s") and sum(ch.isupper() for ch in surface[:-1]) >= 2:
            key = lower[:-1]  # acronym plural: "MSCs" is "MSC"
        else:
            key = self._lemmas.get(lower, lower)
        if len(self._cache) < 500_000:
            self._cache[surface] = key
        return key

    def analyze(self, text: str) -> Tokens:
        return self.analyze_many([text])[0]

    def analyze_many(self, texts: Sequence[str]) -> list[Tokens]:
        folded: Iterable[str] = (fold_english(t) for t in texts)
        results: list[Tokens] = []
        key = self.key
        for doc in self._tokenizer.pipe(folded, batch_size=BATCH):
            keys: list[str] = []
            surfaces: list[str] = []
            starts: list[int] = []
            ends: list[int] = []
            alternates: dict[int, str] = {}
            for token in doc:
                surface = token.text
                if token.is_space or surface.lower() in POSSESSIVE:
                    continue
                start = token.idx
                first = key(surface)
                if len(surface) > 1 and surface.isupper():
                    lemma = self._lemmas.get(first, first)
                    if lemma != first:
                        alternates[len(keys)] = lemma
                keys.append(first)
                surfaces.append(surface)
                starts.append(start)
                ends.append(start + len(surface))
            results.append(Tokens(keys, surfaces, starts, ends, alternates))
        return results
