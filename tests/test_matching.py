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
def test_english_matching(case: dict) -> None:
    hits = TargetMatcher(_glossary(case, "en")).find(case["text"])
    assert [h.text for h in hits] == case["expect"]
    assert all(case["text"][h.start : h.end] == h.text for h in hits)


@pytest.mark.parametrize("case", TABLE["zh"], ids=lambda c: c["name"])
def test_chinese_matching(case: dict) -> None:
    hits = SourceMatcher(_glossary(case, "zh")).find(case["text"])
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


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(CJK, min_size=1, max_size=4), min_size=1, max_size=5), st.text(ALPHABET, max_size=40))
def test_source_matcher_agrees_with_brute_force(terms, text) -> None:
    from termcheck.normalize import fold_chinese

    hits = SourceMatcher(_glossary({"terms": terms}, "zh")).find(text)
    folded = fold_chinese(text)
    keys = {fold_chinese(t) for t in terms}
    candidates = [(i, i + len(k), ()) for k in keys for i in range(len(folded)) if folded.startswith(k, i)]
    assert [(h.start, h.end) for h in hits] == [(s, e) for s, e, _ in _reference_leftmost_longest(candidates)]
    assert all(text[h.start : h.end] == h.text for h in hits)


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
