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
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from termcheck.normalize import fold_english

POSSESSIVE = frozenset({"'s", "'", "s'"})


@dataclass(frozen=True, slots=True)
class Tokens:
    """Keyed tokens of one text. starts/ends are character offsets into the original text."""

    keys: list[str]
    surfaces: list[str]
    starts: list[int]
    alternates: dict[int, str]  # token index -> second key (all-capital words only)

    def end(self, index: int) -> int:
        return self.starts[index] + len(self.surfaces[index])


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


@dataclass(frozen=True, slots=True)
class _Chunk:
    """The keyed tokens of one run of non-space characters: keys, surfaces, offsets in the chunk,
    and (token index, alternate key) for all-capital words."""

    keys: tuple[str, ...]
    surfaces: tuple[str, ...]
    offsets: tuple[int, ...]
    alternates: tuple[tuple[int, str], ...]


CACHE_LIMIT = 100_000  # chunks and keys kept: plenty for real vocabulary, bounded for numbers and ids


class EnglishAnalyzer:
    """Keys English text. spaCy's tokenizer treats each run of non-space characters on its own, so
    texts are split at spaces and each distinct chunk is tokenized and keyed once, then cached:
    words repeat, so most of a big run is dictionary lookups."""

    def __init__(self) -> None:
        self._lemmas = _lemma_table()
        self._tokenizer = _tokenizer()
        self._cache: dict[str, str] = {}
        self._chunks: dict[str, _Chunk] = {}

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
        if len(self._cache) < CACHE_LIMIT:
            self._cache[surface] = key
        return key

    def _chunk(self, chunk: str) -> _Chunk:
        keys: list[str] = []
        surfaces: list[str] = []
        offsets: list[int] = []
        alternates: list[tuple[int, str]] = []
        for token in self._tokenizer(chunk):
            surface = token.text
            if token.is_space or surface.lower() in POSSESSIVE:
                continue
            first = self.key(surface)
            if len(surface) > 1 and surface.isupper():
                lemma = self._lemmas.get(first, first)
                if lemma != first:
                    alternates.append((len(keys), lemma))
            keys.append(first)
            surfaces.append(surface)
            offsets.append(token.idx)
        found = _Chunk(tuple(keys), tuple(surfaces), tuple(offsets), tuple(alternates))
        if len(self._chunks) < CACHE_LIMIT:
            self._chunks[chunk] = found
        return found

    def analyze(self, text: str) -> Tokens:
        return self.analyze_many([text])[0]

    def analyze_many(self, texts: Iterable[str]) -> list[Tokens]:
        return [self._analyze(fold_english(text)) for text in texts]

    def _analyze(self, text: str) -> Tokens:
        keys: list[str] = []
        surfaces: list[str] = []
        starts: list[int] = []
        alternates: dict[int, str] = {}
        chunks = self._chunks
        position = 0
        for text_chunk in text.split(" "):
            if text_chunk:
                chunk = chunks.get(text_chunk) or self._chunk(text_chunk)
                if chunk.alternates:
                    for index, alternate in chunk.alternates:
                        alternates[len(keys) + index] = alternate
                keys.extend(chunk.keys)
                surfaces.extend(chunk.surfaces)
                if len(chunk.offsets) == 1:
                    starts.append(position + chunk.offsets[0])
                else:
                    starts.extend([position + offset for offset in chunk.offsets])
            position += len(text_chunk) + 1
        return Tokens(keys, surfaces, starts, alternates)
