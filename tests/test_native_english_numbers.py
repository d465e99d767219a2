"""The English number reader of the native core (native/src/english_numbers.rs) against the Python reference.

Where the core covers a text (every reader, in a text of the characters both regex engines class alike) its
quantities must equal `_english_quantities_python`'s; elsewhere it leaves the text to Python. Compared on
generated number-ish text (digits, number words, scales, suffixes, months, clocks, fractions, decades,
conversions, ranges), on the English case table and on every English text of the corpora in ../shared/data
where it is there.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator

import pytest
from conftest import CASES, ROOT, load_toml, native_installed
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from termcheck.core import native
from termcheck.numbers.english import _english_quantities_python, _native_reader
from termcheck.numbers.native_readings import from_native

pytestmark = pytest.mark.skipif(
    not native_installed(), reason="the native core is not installed (pip install ./native)"
)
SHARED = ROOT.parent / "shared" / "data"

PIECES = [
    *"0123456789", "1,500", "25 000", "3.5", "12.8", "1,000,000", "2010", "2021", "1990", "11", " ", " ", " ", "  ",
    "-", "–", "—", "/", ".", ",", "(", ")", "%", "+", "'", "’", "s", "st", "nd", "th", "\n", "\u00a0", "\u2009",
    "one", "two", "three", "seven", "ten", "twelve", "twenty", "ninety", "first", "second", "third", "twentieth",
    "hundred", "thousand", "million", "billion", "trillion", "a", "an", "and", "or", "to", "in", "out of",
    "per", "every", "of", "the", "The", "Twenty", "THOUSAND", "seconds", "hundreds", "tens", "thousands",
    "several", "a few", "dozen", "dozens", "decade", "decades", "century", "centuries", "twice", "thrice",
    "double", "half", "a half", "quarter", "quarters", "Q3", "third", "thirds", "fifths", "doubled", "halved",
    "twofold", "3-fold", "per cent", "‰", "per thousand", "in every thousand", "10,000", "100,000",
    "January", "March", "May", "June", "Sept", "SEPT", "Dec.", "April", "Long", "in", "since", "Monday",
    "Sundays", "10 a.m.", "3:30", "p.m.", "PM", "noon", "midnight", "o'clock", "half past", "quarter to",
    "in the morning", "at night", "$", "US$", "€", "bn", "m", "k", "km", "GW", "kilobases", "MW", "RMB",
    "USD", "HKD", "Article", "Phase II", "Basel III", "I", "IV", "24/7", "2021-03-05", "02.2022", "2022.02",
    "1970s", "’80s", "the 1970 s", "5G", "COVID-19", "H7N9", "2.3.1", "010-6523 4567", "13812345678",
    "centenary", "yuan", "dollars", "about", "approximately", "by", "over", "one in six", "x", "A-",
    "9" * 35, "²", "½", "\x1c", "İ", "K", "\u0301", "١٢",  # characters the core leaves to Python
    # the readers' harder cases
    "Half past", "a quarter of a million", "three quarters of a billion", "an hour and a half",
    "two and a half million",
    "1/16", "3/8", "1 in 100,000", "5 per 1,000", "0 million", "14 to 22 million", "2010–11", "26 to 32 kilobases",
    "42 km (26 miles)", "(about $", "May 2020", "June Almeida", "the Long March", "April, May and August",
    "twenty-first", "twenty first", "one second", "the first three", "the last third of", "two-thirds",
    "first and second quarters", "two out of every 1,000", "one person in five", ".08%", "HK$5bn", "12k", "100m",
    "RMB860 billion", "Chapter IX", "tenfold", "a few hundred", "tens of thousands", "hundreds of dollars",
    "quincentenary", "12 noon", "quarter past 3 in the evening", "14:00", "1999-12-31", "12/2021", "1 234 567", "5 kWh",
]  # fmt: skip
texts = st.lists(st.sampled_from(PIECES), max_size=24).map("".join)
spaced = st.lists(st.sampled_from(PIECES), max_size=16).map(" ".join)


def _under_native(monkeypatch: pytest.MonkeyPatch) -> native.NativeCore:
    monkeypatch.setenv(native.ENGINE_VARIABLE, "native")
    native.reset()
    core = native.native_core()
    assert core is not None
    return core


def _core_reader(monkeypatch: pytest.MonkeyPatch) -> native.EnglishNumberReader:
    reader = _native_reader(_under_native(monkeypatch))
    assert reader is not None, "the installed core has no English number reader: reinstall ./native"
    return reader


def _same(reader: native.EnglishNumberReader, text: str) -> bool:
    """Whether the core covers `text`; asserts that it reads it as Python does where it does."""
    read = reader.quantities(text)
    if read is None:
        return False
    assert repr(from_native(text, read)) == repr(_english_quantities_python(text)), text  # 180 is not 180.0
    return True


@settings(max_examples=4000, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts | spaced)
def test_native_reader_equals_python(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    _same(_core_reader(monkeypatch), text)


def test_generated_texts_are_mostly_covered(monkeypatch: pytest.MonkeyPatch) -> None:
    """Most generated texts are read by the core itself, so the property test above tests it."""
    reader = _core_reader(monkeypatch)
    rng = random.Random(3)
    sample = [" ".join(rng.choices(PIECES, k=rng.randint(0, 16))) for _ in range(300)]
    assert sum(_same(reader, text) for text in sample) > len(sample) / 2


def test_the_case_table(monkeypatch: pytest.MonkeyPatch) -> None:
    reader = _core_reader(monkeypatch)
    cases = [case["text"] for case in load_toml(CASES / "numbers.toml")["en"]]
    covered = sum(_same(reader, text) for text in cases)
    assert covered > len(cases) * 0.9


def _corpus_texts() -> Iterator[str]:
    tico = SHARED / "tico19-zhen" / "derived" / "segments.tsv"
    for line in tico.read_text(encoding="utf-8").splitlines()[1:]:
        yield line.split("\t")[3]
    for name in ("mqm-wmt23-zhen-dev", "mqm-ted-zhen", "mqm-fresh-zhen-dev"):
        with (SHARED / name / "segments.jsonl").open(encoding="utf-8") as rows:
            yield from (json.loads(row)["target"] for row in rows)
    with (SHARED / "wmt25-term-zhen-dev" / "paragraphs.jsonl").open(encoding="utf-8") as rows:
        for row in rows:
            paragraph = json.loads(row)
            yield paragraph["ref_en"]
            yield from paragraph["mt"].values()


@pytest.mark.skipif(not SHARED.exists(), reason="no ../shared/data beside the checkout")
def test_native_reader_equals_python_on_real_corpora(monkeypatch: pytest.MonkeyPatch) -> None:
    reader = _core_reader(monkeypatch)
    texts = sorted(set(_corpus_texts()))
    covered = sum(_same(reader, text) for text in texts)
    assert covered > len(texts) * 0.95


def test_the_reader_is_built_from_pythons_tables(monkeypatch: pytest.MonkeyPatch) -> None:
    reader = _core_reader(monkeypatch)
    assert reader.quantities("about 3 to 5 million people") == [
        (3_000_000.0, 6, 7, 0, True, 3.0, [], False),
        (5_000_000.0, 11, 20, 0, True, 5.0, [], False),
    ]
    assert reader.quantities("COVID-19 cases") == [(0.0, 0, 8, 8, True, None, [], False)]  # a code
    assert reader.quantities("in the 1990s") == [(90.0, 7, 12, 4, True, None, [], False)]  # a decade
    assert reader.quantities("x² rose by a half") is None  # ² is \w in Python only
    assert reader.quantities("no number here") == []
