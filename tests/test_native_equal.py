"""One behaviour, two engines: the native core (native/, Rust) against the Python reference.

The matchers are compared on generated text (hypothesis), and whole runs byte for byte in the JSON report:
on generated text, on the TICO-19 sample in tests/data, and on every real corpus in ../shared/data where it
is there (a clean clone without it skips those, saying so).
"""

from __future__ import annotations

import io
import json
import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import DATA, ROOT, native_installed
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from termcheck.core import native
from termcheck.core.model import Segment
from termcheck.glossary import load_glossary
from termcheck.glossary.model import Concept, Glossary, Term
from termcheck.matching import SourceMatcher, TargetMatcher
from termcheck.readers.base import Document
from termcheck.run.engine import Checker, CheckOptions
from termcheck.writers import get_writer

pytestmark = pytest.mark.skipif(
    not native_installed(), reason="the native core is not installed (pip install ./native)"
)
SHARED = ROOT.parent / "shared" / "data"


def _under(engine: str, make, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv(native.ENGINE_VARIABLE, engine)
    native.reset()
    try:
        return make()
    finally:
        native.reset()


def _both(make, monkeypatch):  # type: ignore[no-untyped-def]
    built = _under("python", make, monkeypatch), _under("native", make, monkeypatch)
    assert native.native_core() is not None
    return built


# --- the matchers on generated text -------------------------------------------------------------------

ZH_TERMS = ["干细胞", "间充质干细胞", "药品", "国家药品监督管理局", "CD34", "CAR-T", "激素", "治疗", "細胞"]
ZH_ALPHABET = [
    *"干细胞间充质药品国家监督管理局激素治疗失败的和細胞藥CDTAR34-",
    "\u200b",
    "\u00ad",
    "\u3000",
    "Ａ",
    "ｃ",
    "４",
    " ",
    "x",
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(st.sampled_from(ZH_TERMS), st.sampled_from(ZH_ALPHABET)), max_size=40).map("".join))
def test_source_matcher_native_equals_python(monkeypatch, text: str) -> None:
    glossary = Glossary([Concept(f"c{i}", (Term(t, "zh"), Term(f"e{i}", "en"))) for i, t in enumerate(ZH_TERMS)])
    python, core = _both(lambda: SourceMatcher(glossary), monkeypatch)
    assert core.find_many([text, None, ""]) == [python.find(text), [], []]


EN_TERMS = [
    ("stem cell", {}),
    ("stem cell therapy", {}),
    ("mesenchymal stem cells", {}),
    ("graft-versus-host disease", {}),
    ("NMPA", {"case_sensitive": True}),
    ("Crohn's disease", {}),
    ("data", {"exact": True}),
    ("STEM CELLS", {}),
    ("AIDS", {}),
    ("iPhone", {"case_sensitive": True, "exact": True}),
    ("U.S.", {}),
    ("Straße", {"exact": True}),
    ("İstanbul", {"exact": True}),
    ("ΟΔΟΣ", {"exact": True}),
    ("Ångström", {"case_sensitive": True}),
]
EN_WORDS = [
    "stem",
    "Stem",
    "STEM",
    "cell",
    "cells",
    "CELLS",
    "therapy",
    "therapies",
    "mesenchymal",
    "graft-versus-host",
    "graft",
    "versus",
    "host",
    "disease",
    "NMPA",
    "Nmpa",
    "nmpa",
    "Crohn's",
    "Crohn",
    "data",
    "Data",
    "datum",
    "aids",
    "AIDS",
    "iPhone",
    "IPHONE",
    "U.S.",
    "the",
    "(",
    ")",
    ",",
    ".",
    "—",
    "’s",
    "AoF.",
    "MSCs",
    "Straße",
    "STRASSE",
    "straße",
    "İstanbul",
    "istanbul",
    "ISTANBUL",
    "ΟΔΟΣ",
    "οδος",
    "οδός",
    "ångström",
    "Ångströms",
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.tuples(st.sampled_from(EN_WORDS), st.sampled_from([" ", "  ", "-", "", "\u00a0", "\u200b"])), max_size=25
    ),
    st.sets(st.sampled_from([f"c{i}" for i in range(len(EN_TERMS))])),
)
def test_target_matcher_native_equals_python(monkeypatch, words: list[tuple[str, str]], prefer: set[str]) -> None:
    text = "".join(word + gap for word, gap in words)
    glossary = Glossary(
        [Concept(f"c{i}", (Term(f"z{i}", "zh"), Term(t, "en", **options))) for i, (t, options) in enumerate(EN_TERMS)]
    )
    python, core = _both(lambda: TargetMatcher(glossary), monkeypatch)
    for wanted in (None, prefer):
        assert core.match_many([text, ""], [wanted, wanted]) == python.match_many([text, ""], [wanted, wanted])


# --- whole runs, byte for byte --------------------------------------------------------------------------


def _json(glossary: Glossary, documents: list[Document], monkeypatch) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    reports = []
    for engine in ("python", "native"):
        checker = _under(engine, lambda: Checker(glossary, CheckOptions()), monkeypatch)
        out = io.StringIO()
        get_writer("json").write(checker.run(documents, snapshot=False), out)
        reports.append(out.getvalue())
    assert json.loads(reports[0])["findings"], "a comparison of two empty reports proves nothing"
    return reports[0], reports[1]


def _document(name: str, pairs: list[tuple[str | None, str]]) -> Document:
    segments = [Segment(str(i), zh, en, name, i) for i, (zh, en) in enumerate(pairs, start=1)]
    return Document(name, (), lambda: iter(segments), "tsv")


def _tsv_pairs(path: Path) -> list[tuple[str | None, str]]:
    """The (zh, en) columns of a TICO-19 segments TSV, found by its header (id, doc, zh, en)."""
    header, *lines = path.read_text(encoding="utf-8").splitlines()
    columns = header.split("\t")
    zh, en = columns.index("zh"), columns.index("en")
    return [(fields[zh], fields[en]) for fields in (line.split("\t") for line in lines) if len(fields) > en]


def _generated(glossary: Glossary, count: int, seed: int) -> list[tuple[str | None, str]]:
    """Glossary terms (right, wrong, inflected, miscased) among numbers and filler, in both languages."""
    rng = random.Random(seed)
    concepts = list(glossary)
    pairs: list[tuple[str | None, str]] = []
    for _ in range(count):
        zh, en = [], []
        for _ in range(rng.randint(1, 6)):
            concept = rng.choice(concepts)
            zh_terms = [t.text for t in concept.zh_terms] or ["的"]
            en_terms = [t.text for t in concept.terms if t.lang == "en"] or ["thing"]
            zh.append(rng.choice(zh_terms) + rng.choice(["", "，", "了", "3.5万", "2019年", "14岁以上"]))
            word = rng.choice(en_terms)
            word = rng.choice([word, word.upper(), word.title(), word + "s", word.replace(" ", "-"), "therapy"])
            en.append(word + rng.choice([" ", ", ", " 35,000 ", " in 2019 ", " over 14 ", "'s "]))
        pairs.append(("".join(zh), "".join(en).strip()))
    return pairs


def test_generated_runs_are_byte_identical(monkeypatch) -> None:
    glossary = load_glossary(str(DATA / "tico19-glossary-sample.csv"))
    python, core = _json(glossary, [_document("generated.tsv", _generated(glossary, 2000, 7))], monkeypatch)
    assert python == core


def test_tico19_sample_runs_are_byte_identical(monkeypatch) -> None:
    glossary = load_glossary(str(DATA / "tico19-glossary.csv"))
    pairs = _tsv_pairs(DATA / "tico19-segments-sample.tsv")
    python, core = _json(glossary, [_document("tico19-sample.tsv", pairs)], monkeypatch)
    assert python == core


def _jsonl(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line)


def _real_corpora() -> Iterator[tuple[str, str, list[Document]]]:
    """(name, glossary file, documents) for each corpus in ../shared/data."""
    tico = SHARED / "tico19-zhen" / "derived"
    glossary = str(tico / "glossary_zh_en.csv")
    yield "tico19", glossary, [_document("tico19.tsv", _tsv_pairs(tico / "segments.tsv"))]
    for name in ("mqm-wmt23-zhen-dev", "mqm-ted-zhen", "mqm-fresh-zhen-dev"):
        rows = list(_jsonl(SHARED / name / "segments.jsonl"))
        yield name, glossary, [_document(f"{name}.tsv", [(r["source"], r["target"]) for r in rows])]
    wmt25 = SHARED / "wmt25-term-zhen-dev"
    paragraphs = list(_jsonl(wmt25 / "paragraphs.jsonl"))
    for year in sorted({p["year"] for p in paragraphs}):
        of_year = [p for p in paragraphs if p["year"] == year]
        systems = sorted({system for p in of_year for system in p["mt"]})
        documents = [
            _document(f"wmt25-{year}-{system}.tsv", [(p["zh"], p["mt"].get(system, "")) for p in of_year])
            for system in systems
        ]
        yield f"wmt25-{year}", str(wmt25 / f"glossary_proper_{year}.csv"), documents


@pytest.mark.skipif(not SHARED.exists(), reason="no ../shared/data beside the checkout")
@pytest.mark.parametrize(
    "corpus", ["tico19", "mqm-wmt23-zhen-dev", "mqm-ted-zhen", "mqm-fresh-zhen-dev", "wmt25-2016", "wmt25-2018"]
)
def test_real_corpora_runs_are_byte_identical(monkeypatch, corpus: str) -> None:
    found = {name: (glossary, documents) for name, glossary, documents in _real_corpora()}
    glossary, documents = found[corpus]
    python, core = _json(load_glossary(glossary), documents, monkeypatch)
    assert python == core
