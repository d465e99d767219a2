"""Glossary maintenance: validate (a case table), stats, diff and merge."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CASES, load_toml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from termcheck.core.errors import UsageError
from termcheck.glossary import Concept, Glossary, Term, TermStatus, load_glossary, save_glossary
from termcheck.glossary.diff import diff_glossaries
from termcheck.glossary.merge import STRATEGIES, merge_glossaries
from termcheck.glossary.stats import glossary_stats
from termcheck.glossary.validate import validate_file, validate_glossary

CASES_VALIDATE = load_toml(CASES / "glossary_validate.toml")["case"]


def write(folder: Path, case: dict) -> Path:
    if "tbx" in case:
        path = folder / "glossary.tbx"
        path.write_text(case["tbx"], encoding="utf-8")
    else:
        path = folder / "glossary.csv"
        path.write_text(case["csv"].lstrip("\n"), encoding="utf-8")
    return path


@pytest.mark.parametrize("case", CASES_VALIDATE, ids=[c["name"] for c in CASES_VALIDATE])
def test_validate(tmp_path: Path, case: dict) -> None:
    path = write(tmp_path, case)
    problems = validate_file(str(path))
    assert sorted([p.code, p.concept] for p in problems) == sorted(case["expect"])
    assert all(p.file == str(path) and p.where for p in problems)


def test_every_problem_names_its_row(tmp_path: Path) -> None:
    path = write(tmp_path, CASES_VALIDATE[2])
    (problem,) = validate_glossary(load_glossary(str(path)), str(path))
    assert problem.where == "row 3" and "row 2" in problem.message


def test_problems_come_in_row_order(tmp_path: Path) -> None:
    """Problems the reader noticed (padded, empty terms) once came before all the others, out of row order."""
    path = tmp_path / "g.csv"
    path.write_text("id,zh,en\na,干细胞,---\nb,细胞, cell \nc,组织,tissue||tissues\nd,基因,gene\n", encoding="utf-8")
    problems = validate_file(str(path))
    assert [(p.where, p.code) for p in problems] == [
        ("row 2", "unmatchable"),
        ("row 3", "padded-term"),
        ("row 4", "empty-term"),
    ]


def test_a_bad_value_still_stops_a_check(tmp_path: Path) -> None:
    """Only `validate` reads past a value it cannot read; everything else stops there, naming the row."""
    from termcheck.core.errors import InputError

    path = tmp_path / "g.csv"
    path.write_text("id,zh,en,case_sensitive\na,干细胞,stem cell,\nb,细胞,cell,maybe\n", encoding="utf-8")
    with pytest.raises(InputError, match="'maybe' is not an English term") as raised:
        load_glossary(str(path))
    assert raised.value.line == 3


def glossary(folder: Path, name: str, text: str):
    path = folder / name
    path.write_text(text.lstrip("\n"), encoding="utf-8")
    return load_glossary(str(path))


OLD = """
id,zh,en,en_deprecated,domain
cde,药品审评中心,Center for Drug Evaluation,Drug Evaluation Center,regulator
msc,间充质干细胞,mesenchymal stem cell,,cell biology
gone,细胞治疗,cell therapy,,therapy
"""
NEW = """
id,zh,en,en_deprecated,domain
cde,药品审评中心,Center for Drug Evaluation,Drug Evaluation Office,regulator
msc,间充质干细胞,mesenchymal stem cell,,cells
new,基因治疗,gene therapy,,therapy
"""


def test_diff_reports_added_removed_and_changed(tmp_path: Path) -> None:
    diff = diff_glossaries(glossary(tmp_path, "old.csv", OLD), glossary(tmp_path, "new.csv", NEW))
    assert (diff.added, diff.removed) == (["new"], ["gone"])
    changes = {c.id: c for c in diff.changed}
    assert changes["cde"].terms_added == ["en deprecated 'Drug Evaluation Office'"]
    assert changes["cde"].terms_removed == ["en deprecated 'Drug Evaluation Center'"]
    assert changes["msc"].fields == {"domain": ("cell biology", "cells")}


def test_diff_across_formats_is_empty_for_a_conversion(tmp_path: Path) -> None:
    from termcheck.glossary import save_glossary

    old = glossary(tmp_path, "old.csv", OLD)
    save_glossary(old, str(tmp_path / "old.tbx"))
    assert diff_glossaries(old, load_glossary(str(tmp_path / "old.tbx"))).empty


@pytest.mark.parametrize(
    ("strategy", "cde_deprecated", "ids"),
    [
        ("ours", "Drug Evaluation Center", ["cde", "msc", "gone", "new"]),
        ("theirs", "Drug Evaluation Office", ["cde", "msc", "gone", "new"]),
        ("both", "Drug Evaluation Center", ["cde", "msc", "gone", "cde~2", "msc~2", "new"]),
    ],
)
def test_merge_reports_conflicts_and_resolves_only_as_told(tmp_path: Path, strategy, cde_deprecated, ids) -> None:
    result = merge_glossaries(glossary(tmp_path, "a.csv", OLD), glossary(tmp_path, "b.csv", NEW), strategy)
    assert sorted(c.id for c in result.conflicts) == ["cde", "msc"]
    assert [c.id for c in result.glossary] == ids
    cde = result.glossary.by_id()["cde"]
    assert [t.text for t in cde.terms if t.status.value == "deprecated"] == [cde_deprecated]


def test_merge_of_identical_concepts_has_no_conflict(tmp_path: Path) -> None:
    result = merge_glossaries(glossary(tmp_path, "a.csv", OLD), glossary(tmp_path, "b.csv", OLD))
    assert result.conflicts == [] and (result.from_first, result.from_second) == (3, 0)


ZH_POOL = ["干细胞", "幹細胞", "细胞", "CAR-T", "car-t", "基因治疗"]
EN_POOL = ["stem cell", "Stem cell", "cell", "dry cell", "cell therapy", "gene therapy"]


@st.composite
def small_glossaries(draw: st.DrawFn) -> Glossary:
    """Few ids and terms, drawn from one pool for both sides, so that merges clash often and in every way."""
    concepts = []
    for cid in draw(st.lists(st.sampled_from(["a", "b", "c", "a~2"]), min_size=1, max_size=4, unique=True)):
        zh = draw(st.lists(st.sampled_from(ZH_POOL), max_size=2, unique=True))
        en = draw(st.lists(st.sampled_from(EN_POOL), min_size=1, max_size=3, unique_by=str.lower))
        statuses = [TermStatus.PREFERRED] + [
            draw(st.sampled_from([TermStatus.ADMITTED, TermStatus.DEPRECATED])) for _ in en[1:]
        ]
        terms = (*(Term(t, "zh") for t in zh), *(Term(t, "en", s) for t, s in zip(en, statuses, strict=True)))
        domain = draw(st.sampled_from(["", "cells"]))
        concepts.append(Concept(cid, terms, domain, deprecated_everywhere=draw(st.booleans())))
    return Glossary(concepts, name="g")


def _errors(glossary: Glossary) -> list[str]:
    return [
        f"{p.code} [{p.concept}] {p.message}" for p in validate_glossary(glossary, "g") if p.severity.label == "error"
    ]


@pytest.mark.parametrize("strategy", STRATEGIES)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ours=small_glossaries(), theirs=small_glossaries())
def test_a_merge_of_valid_glossaries_is_valid_and_its_counts_add_up(
    tmp_path: Path, strategy: str, ours: Glossary, theirs: Glossary
) -> None:
    assume(not _errors(ours) and not _errors(theirs))
    result = merge_glossaries(ours, theirs, strategy)
    merged = result.glossary
    assert result.from_first + result.from_second == len(merged)
    assert result.from_first == sum(1 for c in merged if any(c is o for o in ours))
    assert sorted(c.id for c in merged) == sorted({c.id for c in merged}), "every id once"
    if result.unresolved:
        return  # nothing is written
    path = tmp_path / "merged.csv"
    save_glossary(merged, str(path))
    assert not [p for p in validate_file(str(path)) if p.severity.label == "error"]
    assert len(load_glossary(str(path))) == len(merged)


def test_merge_unknown_strategy(tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        merge_glossaries(glossary(tmp_path, "a.csv", OLD), glossary(tmp_path, "b.csv", NEW), "newest")


def test_stats_of_the_shipped_glossary() -> None:
    from conftest import ROOT

    stats = glossary_stats(load_glossary(str(ROOT / "glossaries" / "stem-cell-therapy.zh-en.csv")))
    assert stats.concepts == 114
    assert stats.terms["zh"] == {"admitted": 60, "preferred": 114}
    assert stats.terms["en"]["deprecated"] == 349
    assert stats.domains["cell biology"] == 17


def _tbx(path: Path, body: str) -> str:
    path.write_text(
        '<?xml version="1.0"?><tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" xml:lang="en"><text><body>'
        + body
        + "</body></text></tbx>",
        encoding="utf-8",
    )
    return str(path)


def _entry(en: str, extra: str = "") -> str:
    return (
        f'<conceptEntry id="c1">{extra}<langSec xml:lang="zh"><termSec><term>造血干细胞</term></termSec></langSec>'
        f'<langSec xml:lang="en"><termSec><term>{en}</term></termSec></langSec></conceptEntry>'
    )


@pytest.mark.parametrize(
    ("name", "csv", "tbx_term", "code", "severity"),
    [
        (
            "padded",
            "id,zh,en\nc1,造血干细胞, hematopoietic stem cell \n",
            " hematopoietic stem cell ",
            "padded-term",
            "warning",
        ),
        ("empty", "id,zh,en\nc1,造血干细胞,hematopoietic stem cell||HSC\n", "", "empty-term", "error"),
    ],
)
def test_padded_and_empty_terms_are_reported_alike_in_csv_and_tbx(
    tmp_path: Path, name: str, csv: str, tbx_term: str, code: str, severity: str
) -> None:
    """TBX once stripped a padded term silently and called an empty one "no English term"."""
    (tmp_path / f"{name}.csv").write_text(csv, encoding="utf-8")
    tbx = _tbx(tmp_path / f"{name}.tbx", _entry(tbx_term))
    for path in (str(tmp_path / f"{name}.csv"), tbx):
        problems = [p for p in validate_file(path) if p.code == code]
        assert [(p.concept, p.severity.label) for p in problems] == [("c1", severity)], path
        assert problems[0].where.startswith(("row", "line"))


def test_other_languages_of_a_multilingual_tbx_are_information(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from termcheck.cli import app

    german = '<langSec xml:lang="de-DE"><termSec><term>hämatopoetische Stammzelle</term></termSec></langSec>'
    path = _tbx(tmp_path / "multi.tbx", _entry("hematopoietic stem cell", german))
    problems = validate_file(path)
    assert [(p.code, p.severity.label) for p in problems] == [("unknown-language", "info")]
    result = CliRunner().invoke(app, ["glossary", "validate", path])
    assert result.exit_code == 0
    assert "0 errors, 0 warnings, 1 note" in result.stderr


def test_tbx_basic_definitions_are_kept_as_notes(tmp_path: Path) -> None:
    grouped = '<descripGrp><descrip type="definition">A cell that gives rise to blood cells.</descrip></descripGrp>'
    path = _tbx(tmp_path / "basic.tbx", _entry("hematopoietic stem cell", grouped))
    assert load_glossary(path).concepts[0].note == "A cell that gives rise to blood cells."
    at_language = (
        '<conceptEntry id="c1"><langSec xml:lang="zh"><termSec><term>造血干细胞</term></termSec></langSec>'
        '<langSec xml:lang="en"><descrip type="definition">Blood-forming stem cell.</descrip>'
        "<termSec><term>hematopoietic stem cell</term></termSec></langSec></conceptEntry>"
    )
    assert load_glossary(_tbx(tmp_path / "lang.tbx", at_language)).concepts[0].note == "Blood-forming stem cell."
