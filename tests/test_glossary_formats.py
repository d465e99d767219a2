"""Glossary formats: round trips through every pair, TBX v2/v3 reading, column mapping, bad files."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from conftest import CASES, DATA, ROOT

from termcheck.errors import InputError
from termcheck.glossary import Concept, Glossary, Term, TermStatus, load_glossary, save_glossary

FORMATS = ["csv", "tsv", "xlsx", "tbx2", "tbx3"]
SHIPPED = ROOT / "glossaries" / "stem-cell-therapy.zh-en.csv"


def _rich_glossary() -> Glossary:
    """Everything the model holds, including the awkward bits."""
    return Glossary(
        [
            Concept(
                "nmpa",
                (
                    Term("国家药品监督管理局", "zh"),
                    Term("国家药监局", "zh", TermStatus.ADMITTED),
                    Term("National Medical Products Administration", "en"),
                    Term("NMPA", "en", TermStatus.ADMITTED, case_sensitive=True),
                    Term("National Drug Administration", "en", TermStatus.DEPRECATED),
                ),
                domain="regulator",
                note='formerly CFDA, "China FDA"; note with, commas',
            ),
            Concept(
                "data",
                (
                    Term("數據", "zh"),
                    Term("data", "en", exact=True, case_sensitive=True),
                    Term("datum", "en", TermStatus.DEPRECATED, exact=True, case_sensitive=True),
                ),
                deprecated_everywhere=True,
            ),
            Concept("formula", (Term("=1+1", "en"), Term("旧称", "zh", TermStatus.DEPRECATED))),
            Concept("escape-like", (Term("code _x0041_", "en"), Term("代码", "zh"))),  # Excel would show "A"
        ],
        name="rich",
    )


def _path(tmp_path: Path, fmt: str, stem: str = "g") -> tuple[str, int]:
    ext = "tbx" if fmt.startswith("tbx") else fmt
    return str(tmp_path / f"{stem}.{ext}"), (2 if fmt == "tbx2" else 3)


def _canonical(glossary: Glossary) -> list[Concept]:
    order = {"zh": 0, "en": 1}
    status = {TermStatus.PREFERRED: 0, TermStatus.ADMITTED: 1, TermStatus.DEPRECATED: 2}
    return [
        Concept(
            c.id,
            tuple(sorted(c.terms, key=lambda t: (order[t.lang], status[t.status]))),
            c.domain,
            c.note,
            c.deprecated_everywhere,
        )
        for c in glossary
    ]


@pytest.mark.parametrize(("first", "second"), list(itertools.permutations(FORMATS, 2)))
def test_round_trip_through_every_pair_of_formats(tmp_path: Path, first: str, second: str) -> None:
    original = _rich_glossary()
    path_a, version_a = _path(tmp_path, first, "a")
    path_b, version_b = _path(tmp_path, second, "b")
    save_glossary(original, path_a, version_a)
    save_glossary(load_glossary(path_a), path_b, version_b)
    assert _canonical(load_glossary(path_b)) == _canonical(original)


def test_shipped_glossary_has_the_required_concepts() -> None:
    glossary = load_glossary(str(SHIPPED))
    assert len(glossary) >= 60
    assert all(c.terms_in("en", TermStatus.DEPRECATED) for c in glossary), "every concept lists real MT errors"
    by_id = glossary.by_id()
    assert by_id["steroid-refractory"].preferred_en.text == "steroid-refractory"
    assert "hormone therapy failure" in {t.text for t in by_id["steroid-refractory"].terms}
    assert {t.text for t in by_id["cde"].terms_in("en", TermStatus.ADMITTED)} == {"CDE"}


@pytest.mark.parametrize("ext", ["xlsx", "tbx"])
def test_shipped_renderings_equal_the_csv(ext: str) -> None:
    csv_glossary = load_glossary(str(SHIPPED))
    rendering = load_glossary(str(SHIPPED.with_suffix(f".{ext}")))
    assert _canonical(rendering) == _canonical(csv_glossary)


def test_tbx_v2_with_ntig_and_normative_authorization() -> None:
    glossary = load_glossary(str(DATA / "glossary-v2.tbx"))
    gvhd, cde = glossary.concepts
    assert [(t.text, t.lang, t.status.value) for t in gvhd.terms] == [
        ("移植物抗宿主病", "zh", "preferred"),
        ("graft-versus-host disease", "en", "preferred"),
        ("GVHD", "en", "admitted"),
        ("graft anti-host disease", "en", "deprecated"),
    ]
    assert gvhd.domain == "GVHD"
    assert cde.note == "CDE of the NMPA"
    assert [t.status.value for t in cde.terms_in("en")] == ["preferred", "deprecated"]


def test_tico_glossary_works_as_it_is() -> None:
    glossary = load_glossary(str(DATA / "tico19-glossary-sample.csv"))
    assert len(glossary) == 20
    first = glossary.concepts[0]
    assert first.id == "1918 年流感"
    assert [t.text for t in first.terms] == ["1918 年流感", "1918 flu"]


def test_column_mapping(tmp_path: Path) -> None:
    path = tmp_path / "theirs.csv"
    path.write_text("Chinese,English,Forbidden,Case\n干细胞,stem cell,dry cell|trunk cell,\n", encoding="utf-8")
    glossary = load_glossary(str(path), {"zh": "Chinese", "en": "English", "en_deprecated": "Forbidden"})
    assert [(t.text, t.status.value) for t in glossary.concepts[0].terms] == [
        ("干细胞", "preferred"),
        ("stem cell", "preferred"),
        ("dry cell", "deprecated"),
        ("trunk cell", "deprecated"),
    ]


BAD_GLOSSARIES = [
    ("g.csv", "", "empty glossary file"),
    ("g.csv", "foo,bar\n1,2\n", "neither a zh nor an en column"),
    ("g.csv", "zh,en,deprecated_everywhere\n干细胞,stem cell,maybe\n", "deprecated_everywhere must be yes or no"),
    ("g.csv", "zh,en,case_sensitive\n干细胞,stem cell,STEM\n", "is not an English term of this concept"),
    ("g.xlsx", "not a zip", "not a readable XLSX workbook"),
    ("g.tbx", "<martif><text><body><termEntry>", "malformed XML"),
    (
        "g.tbx",
        "<tbx><text><body><conceptEntry id='x'><langSec xml:lang='en'><termSec><term>a</term>"
        "<termNote type='administrativeStatus'>bogus</termNote></termSec></langSec></conceptEntry></body></text></tbx>",
        "unknown administrativeStatus 'bogus'",
    ),
    ("g.tbx", "<html/>", "not a TBX file"),
    ("g.json", "{}", "unknown glossary format"),
]


@pytest.mark.parametrize(("name", "content", "message"), BAD_GLOSSARIES, ids=[m for _, _, m in BAD_GLOSSARIES])
def test_bad_glossary_is_an_input_error(tmp_path: Path, name: str, content: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        load_glossary(str(path))


def test_unknown_mapping_column_is_an_error() -> None:
    with pytest.raises(InputError, match="not in the header"):
        load_glossary(str(CASES / "glossary.csv"), {"en": "English"})
