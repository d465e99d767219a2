"""Matchers: table cases from tests/cases/matching.toml, and properties against a reference."""

from __future__ import annotations

import pytest
from conftest import CASES, load_toml
from hypothesis import given, settings
from hypothesis import strategies as st

from termcheck.glossary.model import Concept, Glossary, Term
from termcheck.matching import SourceMatcher, TargetMatcher
from termcheck.matching.hits import leftmost_longest

TABLE = load_toml(CASES / "matching.toml")


def _glossary(case: dict, lang: str) -> Glossary:
    options = {"case_sensitive": case.get("case_sensitive", False), "exact": case.get("exact", False)}
    return Glossary(
        [
            Concept(f"c{i}", (Term(text, lang, **options) if lang == "en" else Term(text, lang),))
            for i, text in enumerate(case["terms"])
        ]
    )


@pytest.mark.parametrize("case", TABLE["en"], ids=lambda c: c["name"])
def test_english_matching(case: dict, engine: str) -> None:
    hits = TargetMatcher(_glossary(case, "en")).match_many([case["text"]])[0].hits
    assert [h.text for h in hits] == case["expect"]
    assert all(case["text"][h.start : h.end] == h.text for h in hits)


@pytest.mark.parametrize("case", TABLE["zh"], ids=lambda c: c["name"])
def test_chinese_matching(case: dict, engine: str) -> None:
    hits = SourceMatcher(_glossary(case, "zh")).find_many([case["text"]])[0]
    assert [h.text for h in hits] == case["expect"]


def _reference_leftmost_longest(candidates):
    """The obvious definition: scan positions left to right, take the longest candidate starting at or after."""
    chosen, position = [], 0
    remaining = sorted(set(candidates))
    while True:
        starting = [c for c in remaining if c[0] >= position]
        if not starting:
            return chosen
        first = min(c[0] for c in starting)
        best = max((c for c in starting if c[0] == first), key=lambda c: c[1] - c[0])
        chosen.append(best)
        position = best[1]


spans = st.lists(st.tuples(st.integers(0, 30), st.integers(1, 6)).map(lambda t: (t[0], t[0] + t[1], ())), max_size=25)


@given(spans)
def test_leftmost_longest_agrees_with_reference(candidates) -> None:
    assert leftmost_longest(candidates) == _reference_leftmost_longest(candidates)


CJK = st.sampled_from(list("干细胞治疗药品审评中心激素失败藥審評"))
ALPHABET = st.one_of(CJK, st.sampled_from(list("abcAB -")), st.characters())


INVISIBLE = st.sampled_from(["\u200b", "\u200e", "\u00ad", "\x00"])


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.text(CJK, min_size=1, max_size=4), min_size=1, max_size=5),
    st.text(st.one_of(ALPHABET, INVISIBLE), max_size=40),
)
def test_source_matcher_agrees_with_brute_force(terms, text) -> None:
    """Brute force: fold, drop invisible characters (remembering where each kept one was), try every key everywhere."""
    from termcheck.text.normalize import INVISIBLE as HIDDEN
    from termcheck.text.normalize import fold_chinese

    hits = SourceMatcher(_glossary({"terms": terms}, "zh")).find(text)
    folded = fold_chinese(text)
    kept = [i for i, ch in enumerate(folded) if ch not in HIDDEN]
    visible = "".join(folded[i] for i in kept)
    keys = {fold_chinese(t) for t in terms}
    candidates = [(i, i + len(k), ()) for k in keys for i in range(len(visible)) if visible.startswith(k, i)]
    expected = [(kept[s], kept[e - 1] + 1) for s, e, _ in _reference_leftmost_longest(candidates)]
    assert [(h.start, h.end) for h in hits] == expected
    assert all(text[h.start : h.end] == h.text for h in hits)


# "CELLS" keys as "cells" with the lemma "cell" as its alternate: the matcher's second path
WORDS = st.sampled_from(
    ["stem", "cells", "cell", "CELLS", "therapy", "GVHD", "the", "Crohn's", "disease", "drug", "-", ","]
)


@settings(max_examples=100, deadline=None)
@given(st.lists(WORDS, max_size=25), st.lists(st.lists(WORDS, min_size=1, max_size=3), min_size=1, max_size=4))
def test_target_matcher_agrees_with_a_token_level_reference(words, term_words) -> None:
    """Reference: on the analyser's token keys, at each token the longest term whose keys follow, then skip it."""
    terms = sorted({" ".join(t) for t in term_words})
    glossary = _glossary({"terms": terms}, "en")
    matcher = TargetMatcher(glossary)
    text = " ".join(words)
    tokens = matcher.analyzer.analyze(text)
    case_sensitive = {t.text: t.case_sensitive for c in glossary for t in c.terms}

    def term_key(term: str, analysed) -> tuple[str, ...]:
        keys = list(analysed.keys)
        if len(keys) > 1 and term.isupper() and not case_sensitive.get(term, False):
            keys = [analysed.alternates.get(i, key) for i, key in enumerate(keys)]  # a heading keys by lemmas
        return tuple(keys)

    term_keys = [(term_key(t, k), t) for t, k in zip(terms, matcher.analyzer.analyze_many(terms), strict=True)]

    def key_at(i: int, key: str) -> bool:
        return tokens.keys[i] == key or tokens.alternates.get(i) == key

    expected, i = [], 0
    while i < len(tokens.keys):
        lengths = [
            len(keys)
            for keys, _ in term_keys
            if keys and i + len(keys) <= len(tokens.keys) and all(key_at(i + n, k) for n, k in enumerate(keys))
        ]
        if lengths:
            j = i + max(lengths)
            expected.append((tokens.starts[i], tokens.end(j - 1)))
            i = j
        else:
            i += 1
    assert [(h.start, h.end) for h in matcher.find(text)] == expected


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60))
def test_target_matcher_never_crashes_and_offsets_slice(text) -> None:
    matcher = _target_matcher()
    for hit in matcher.find(text):
        assert text[hit.start : hit.end] == hit.text


_CACHE: dict[str, TargetMatcher] = {}


def _target_matcher() -> TargetMatcher:
    if "m" not in _CACHE:
        _CACHE["m"] = TargetMatcher(
            _glossary({"terms": ["stem cell", "cell therapy", "GVHD", "Crohn's disease"]}, "en")
        )
    return _CACHE["m"]
