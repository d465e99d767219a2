"""The native core's English key tables: the shipped file is what scripts/gen_english_keys.py makes from the
installed spaCy and lemminflect, and every chunk the core keys from it (termcheck_native.english_chunk) keys
exactly as termcheck.text.lemmas.EnglishAnalyzer keys it: on every term of the shipped and test glossaries,
every English segment of the real corpora in ../shared/data, and generated chunks."""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, native_installed
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from termcheck.glossary import load_glossary
from termcheck.text.lemmas import CACHE_LIMIT, EnglishAnalyzer, known_word, lemma
from termcheck.text.normalize import english_table, fold_english

SCRIPT = ROOT / "scripts" / "gen_english_keys.py"
SHARED = ROOT.parent / "shared" / "data"

needs_core = pytest.mark.skipif(not native_installed(), reason="the native core is not built")


def _script() -> Any:
    spec = importlib.util.spec_from_file_location("gen_english_keys", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _made_here() -> bool:
    """Whether the shipped table was made from the spaCy and lemminflect installed here."""
    from importlib.metadata import version

    module = _script()
    lines = module.TARGET.read_text(encoding="utf-8").splitlines()
    return all(f"version {package} {version(package)}" in lines for package in module.PACKAGES)


STALE = "the table was made from another spaCy or lemminflect: run scripts/gen_english_keys.py"


def test_shipped_table_equals_what_the_script_generates() -> None:
    if not _made_here():
        pytest.skip(STALE)
    module = _script()
    assert module.TARGET.read_text(encoding="utf-8") == module.build()


@needs_core
def test_the_core_uses_the_tables_only_with_the_packages_they_were_made_from(monkeypatch) -> None:
    from termcheck.core import native

    core = native.native_core()
    if core is None:
        pytest.skip("TERMCHECK_ENGINE=python")
    assert native.english_tables(core) == _made_here()
    monkeypatch.setattr(core, "english_key_versions", lambda: [("spacy", "0.0.1"), ("lemminflect", "0.2.3")])
    assert not native.english_tables(core)


# the core keys from its tables only where they were made from the installed packages
needs_tables = pytest.mark.skipif(not native_installed() or not _made_here(), reason=STALE)


@lru_cache(maxsize=1)
def _analyzer() -> EnglishAnalyzer:
    return EnglishAnalyzer()


def _record(chunk: str) -> tuple[Any, ...]:
    keys, surfaces, offsets, alternates = _analyzer().chunk_record(chunk)
    return tuple(keys), tuple(surfaces), tuple(offsets), tuple(alternates)


def _native(chunk: str) -> tuple[Any, ...] | None:
    import termcheck_native

    found = termcheck_native.english_chunk(chunk)
    if found is None:
        return None
    keys, surfaces, offsets, alternates = found
    return tuple(keys), tuple(surfaces), tuple(offsets), tuple(tuple(a) for a in alternates)


def _chunks(texts: Iterator[str]) -> set[str]:
    return {chunk for text in texts for chunk in fold_english(text).split(" ") if chunk}


def _guessed(word: str) -> bool:
    """Whether termcheck.text.lemmas.lemma keys the word by lemminflect's out-of-vocabulary rules."""
    return word.isascii() and len(word) > 3 and word.endswith("s") and word.isalpha() and not known_word(word)


def _assert_guesses_hold(word: str) -> None:
    import termcheck_native

    lower = word.lower()
    if _guessed(lower):
        assert lemma(lower) in termcheck_native.english_guesses(lower), lower


def _decided_share(chunks: set[str]) -> float:
    """Assert every chunk the tables decide keys as Python keys it, and that the rules' guesses hold the key of
    every out-of-vocabulary word; the share of chunks the tables decide alone."""
    decided = 0
    for chunk in sorted(chunks):
        native = _native(chunk)
        if native is not None:
            assert native == _record(chunk), chunk
            decided += 1
        for surface in _record(chunk)[1]:
            _assert_guesses_hold(surface)
    return decided / max(1, len(chunks))


def _glossary_files() -> list[Path]:
    found = sorted((ROOT / "glossaries").iterdir())
    found += sorted(
        p for p in (ROOT / "tests").rglob("*") if p.suffix in (".csv", ".tbx", ".xlsx") and "gloss" in p.name
    )
    if SHARED.exists():
        found += sorted(SHARED.rglob("glossary*.csv"))
    return found


@needs_tables
def test_every_glossary_term_keys_alike() -> None:
    terms: list[str] = []
    for path in _glossary_files():
        try:
            glossary = load_glossary(str(path))
        except Exception:  # some test glossaries are broken on purpose
            continue
        terms += [t.text for c in glossary for t in c.terms if t.lang == "en"]
    assert len(terms) > 500
    assert _decided_share(_chunks(iter(terms))) > 0.8


def _jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line)


def _corpus_english(name: str) -> Iterator[str]:
    folder = SHARED / name
    if name == "tico19-zhen":
        lines = (folder / "derived" / "segments.tsv").read_text(encoding="utf-8").splitlines()[1:]
        yield from (line.split("\t")[3] for line in lines)
    elif name == "wmt25-term-zhen-dev":
        for paragraph in _jsonl(folder / "paragraphs.jsonl"):
            yield paragraph["ref_en"]
            yield from paragraph["mt"].values()
    else:
        yield from (row["target"] for row in _jsonl(folder / "segments.jsonl"))


@needs_tables
@pytest.mark.skipif(not SHARED.exists(), reason="no ../shared/data beside the checkout")
@pytest.mark.parametrize(
    "corpus", ["tico19-zhen", "mqm-wmt23-zhen-dev", "mqm-ted-zhen", "mqm-fresh-zhen-dev", "wmt25-term-zhen-dev"]
)
def test_every_real_chunk_keys_alike(corpus: str) -> None:
    assert _decided_share(_chunks(_corpus_english(corpus))) > 0.8


PIECES = [
    *"()[]{}<>\"'`,;:!?.-~/=&*#_%+@$ ",
    *("'s", "'S", "s'", "--", "---", "..", "...", "’", "é", "ß", "İ", "ﬁ", "Ω", "\t", "7", "19", "2020", "3.5"),
    *("1.2.3.4", "192.168.1.1", "8.8.8", "0.5", ".5", "5.", "80%", "%", "x.com", "a.b", "a.B", ".org", "km"),
    *("cells", "Cells", "CELLS", "cell", "MSCs", "analyses", "does", "news", "iBonds", "SARS", "AIDS", "data"),
    *("U.S.", "US", "Mr.", "Inc", "e.g.", "can", "not", "cannot", "gonna", "e-mail", "Crohn", "AoF", "a", "I", "s"),
    *("words", "stem", "STEM", "therapies", "x", "zz", "qs", "Qs", "ABCs", "ing", "meeting", "com", "The", "http"),
]


@needs_tables
@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=6).map("".join))
def test_generated_chunks_key_alike(text: str) -> None:
    for chunk in _chunks(iter([text])):
        native = _native(chunk)
        if native is not None:
            assert native == _record(chunk)


@needs_tables
@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=14).map(lambda word: word + "s"))
def test_the_out_of_vocabulary_guesses_hold_every_key(word: str) -> None:
    _assert_guesses_hold(word)


@needs_tables
@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=33, max_codepoint=0x17F), min_size=1, max_size=12))
def test_arbitrary_chunks_key_alike(text: str) -> None:
    native = _native(text)
    if native is not None:
        assert native == _record(text)


@needs_tables
def test_the_index_asks_python_only_for_chunks_the_tables_leave() -> None:
    import termcheck_native

    asked: list[str] = []

    def chunker(chunk: str) -> Any:
        asked.append(chunk)
        return _analyzer().chunk_record(chunk)

    index = termcheck_native.TermIndex(english_table(), chunker, CACHE_LIMIT)
    index.insert(["stem", "cell"], 0, 0, False, False, ["stem", "cell"])
    found = index.match_many(["Stem cells, U.S. stem cells cannot"], [None])
    assert [(start, end) for start, end, _ in found[0][0]] == [(0, 10), (17, 27)]
    assert sorted(asked) == ["U.S.", "cannot"]
    assert index.chunk_counts() == (4, 2)  # "Stem", "cells,", "stem", "cells", each keyed once


@needs_tables
def test_a_guessed_word_goes_to_python_only_where_a_term_may_have_its_key() -> None:
    import termcheck_native

    asked: list[str] = []

    def chunker(chunk: str) -> Any:
        asked.append(chunk)
        return _analyzer().chunk_record(chunk)

    for keys, expected in ((["pangolin"], ["pangolins"]), (["stem", "cell"], [])):
        asked.clear()
        index = termcheck_native.TermIndex(english_table(), chunker, CACHE_LIMIT)
        index.insert(keys, 0, 0, False, False, keys)
        found = index.match_many(["pangolins"], [None])
        assert asked == expected
        assert len(found[0][0]) == len(expected)
