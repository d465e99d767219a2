"""The English text layer: spaCy's blank English tokenizer and lemminflect's lemmas.

A token's matching key is its lowercased lemma ("Cells" → "cell", "therapies" → "therapy"), chosen
so that a word matches its own inflections and not a different word that shares a lemma (see `lemma`).
All-capital tokens key as their lowercased form so that acronyms are not lemmatised ("AIDS" is
not "aid"), with the lemma as an alternate key so that headlines ("STEM CELLS") still match; an
acronym with a plural s ("MSCs") keys as the acronym. Possessive "'s" and whitespace tokens carry
no key, so "Crohn's disease" and "Crohn disease" give the same keys and doubled spaces do not
break a term.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from termcheck.text.normalize import fold_english

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


def known_word(word: str) -> bool:
    """Whether lemminflect knows the word ("most" is a word; "nmpa" is not)."""
    from lemminflect import getAllLemmas

    return bool(getAllLemmas(word.lower()))


def dictionary_word(word: str) -> bool:
    """Whether the word is ordinary English: one lemminflect knows, or a function word it lacks ("the", "of")."""
    if known_word(word):
        return True
    from spacy.lang.en.stop_words import STOP_WORDS

    return word.lower() in STOP_WORDS


# Which lemma an inflected word keys as when it has several: nouns first, as glossaries are mostly nouns
# (auxiliaries before them, or "does" would be "doe").
_POS_ORDER = ("AUX", "NOUN", "PROPN", "VERB", "ADJ", "ADV")


def lemma(word: str, guess: bool = True) -> str:
    """The key of a lowercase word: a base form keys as itself, an inflected form as its lemma.

    lemminflect knows the part of speech of each lemma, which a plain lookup table does not. A word that
    is a base form of any part of speech stays itself, so "number", "data", "filing", "listing" and
    "meeting" are not "numb", "datum", "file", "list" and "meet"; an -ing word that is only a verb form
    keys as the verb ("launching" → "launch", "banking" → "bank"). A regular plural keys as its
    singular even where lemminflect also lists it as a lemma ("funds" → "fund", "statistics" →
    "statistic"). Any other inflected form takes an auxiliary's lemma first ("does" → "do"), then its
    noun lemma ("analyses" → "analysis", "criteria" → "criterion"). A plural lemminflect does not know
    keys by its rules for nouns ("iBonds" → "ibond"), unless `guess` is false (all-capital words:
    "SARS" is not "sar").
    """
    from lemminflect import getAllLemmas, getAllLemmasOOV

    lemmas: dict[str, tuple[str, ...]] = getAllLemmas(word)
    if not lemmas:
        if guess and len(word) > 3 and word.endswith("s") and word.isalpha():
            lemmas = getAllLemmasOOV(word, "NOUN")
        return lemmas["NOUN"][0] if lemmas else word
    if word.endswith("s") and "AUX" not in lemmas:
        for noun in lemmas.get("NOUN", ()):
            if word in (noun + "s", noun + "es"):
                return noun
    if any(word in forms for forms in lemmas.values()):
        return word
    for pos in _POS_ORDER:
        if pos in lemmas:
            return lemmas[pos][0]
    return word


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
            key = lemma(lower)
        if len(self._cache) < CACHE_LIMIT:
            self._cache[surface] = key
        return key

    def _split(self, chunk: str) -> Iterator[tuple[str, int]]:
        """spaCy's tokens of a chunk with their offsets, less spaces and possessives. spaCy keeps a full stop
        on a mixed-case word ("AoF.", "S&P."): it is split off unless the word has dots inside ("U.S.")."""
        for token in self._tokenizer(chunk):
            surface = token.text
            if token.is_space or surface.lower() in POSSESSIVE:
                continue
            if len(surface) > 2 and surface[-1] == "." and surface[-2] != "." and "." not in surface[:-1]:
                yield surface[:-1], token.idx
                yield ".", token.idx + len(surface) - 1
            else:
                yield surface, token.idx

    def chunk_record(
        self, chunk: str
    ) -> tuple[tuple[str, ...], tuple[str, ...], tuple[int, ...], tuple[tuple[int, str], ...]]:
        """A chunk's keys, surfaces, offsets and alternates, for the native core (which keeps its own cache)."""
        found = self._chunks.get(chunk) or self._chunk(chunk, keep=False)
        return found.keys, found.surfaces, found.offsets, found.alternates

    def _chunk(self, chunk: str, keep: bool = True) -> _Chunk:
        keys: list[str] = []
        surfaces: list[str] = []
        offsets: list[int] = []
        alternates: list[tuple[int, str]] = []
        for surface, offset in self._split(chunk):
            first = self.key(surface)
            if len(surface) > 1 and surface.isupper():
                base = lemma(first, guess=False)
                if base != first:
                    alternates.append((len(keys), base))
            keys.append(first)
            surfaces.append(surface)
            offsets.append(offset)
        found = _Chunk(tuple(keys), tuple(surfaces), tuple(offsets), tuple(alternates))
        if keep and len(self._chunks) < CACHE_LIMIT:
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
