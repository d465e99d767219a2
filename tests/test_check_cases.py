"""One runner for every check case file in tests/cases/checks/*.toml."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CASES, inline_side, load_toml

from termcheck.core.model import Finding, Segment
from termcheck.readers.base import Document


def _cases() -> list:
    params = []
    for path in sorted((CASES / "checks").glob("*.toml")):
        for case in load_toml(path)["case"]:
            params.append(pytest.param(case, id=f"{path.stem}: {case['name']}"))
    return params


def _segment(i: int, seg: dict) -> Segment:
    source, source_codes = inline_side(seg.get("source"), seg.get("xml", False))
    target, target_codes = inline_side(seg["target"], seg.get("xml", False))
    assert target is not None
    return Segment(str(i), source, target, "doc.txt", i, source_codes, target_codes, seg.get("pending", False))


def _document(case: dict) -> Document:
    segments = [_segment(i, seg) for i, seg in enumerate(case["segments"], start=1)]
    return Document("doc.txt", (), lambda: iter(segments), "test", case.get("locale", ""))


def _actual(finding: Finding, field: str) -> object:
    value = getattr(finding, field)
    if field == "severity":
        return finding.severity.label
    if isinstance(value, tuple):
        return list(value)
    return value


@pytest.mark.parametrize("case", _cases())
def test_check_case(case: dict, case_checker_factory, engine: str) -> None:
    checker = case_checker_factory(
        tuple(case.get("select", ())),
        tuple(case.get("ignore", ())),
        tuple(case.get("allow_untranslated", ())),
        case.get("glossary", ""),
        tuple(sorted(case.get("severity", {}).items())),
    )
    findings = checker.run([_document(case)]).findings
    actual = [
        {field: _actual(f, field) for field in expected} for f, expected in zip(findings, case["expect"], strict=False)
    ]
    assert len(findings) == len(case["expect"]), [f.message for f in findings]
    assert actual == case["expect"]


def test_every_check_has_a_case_file() -> None:
    from termcheck.checks import ALL_CHECKS

    files = {p.stem.split("_")[0].upper() for p in Path(CASES / "checks").glob("*.toml")}
    assert {c.code for c in ALL_CHECKS} <= files


@pytest.mark.parametrize("case", _cases())
def test_check_case_in_one_segment_partitions(case: dict, case_checker_factory, engine: str) -> None:
    """Every segment its own partition, states merged (as --jobs and Dask split a run): the same findings."""
    import copy
    from dataclasses import replace

    checker = case_checker_factory(
        tuple(case.get("select", ())),
        tuple(case.get("ignore", ())),
        tuple(case.get("allow_untranslated", ())),
        case.get("glossary", ""),
        tuple(sorted(case.get("severity", {}).items())),
    )
    whole = checker.run([_document(case)]).findings
    split = copy.copy(checker)
    split.options = replace(checker.options, batch_size=1)
    assert split.run([_document(case)]).findings == whole
