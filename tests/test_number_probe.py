"""The number probe (tests/cases/number_probe.toml): correct translations pass, planted errors are caught."""

from __future__ import annotations

import pytest
from conftest import CASES, load_toml

from termcheck.checks import ALL_CHECKS
from termcheck.core.model import Finding, Segment, Severity
from termcheck.glossary.model import Glossary
from termcheck.readers.base import Document
from termcheck.run.engine import Checker

PROBE = load_toml(CASES / "number_probe.toml")["probe"]
NUMBER_CHECKS = tuple(
    c.code
    for c in ALL_CHECKS
    if c.code.startswith("TC2") and c.code not in ("TC201", "TC206", "TC207", "TC208", "TC209", "TC210", "TC211")
)


def findings(source: str, target: str) -> list[Finding]:
    segment = Segment("1", source, target, "probe.txt", 1)
    document = Document("probe.txt", (), lambda: iter([segment]), "test")
    return list(Checker(Glossary(name="none")).run([document]).findings)


def _good() -> list:
    return [
        pytest.param(row["source"], good, id=f"{row['class']}: {good[:50]}") for row in PROBE for good in row["good"]
    ]


def _bad() -> list:
    return [
        pytest.param(row["source"], bad["target"], bad["code"], id=f"{row['class']}: {bad['target'][:50]}")
        for row in PROBE
        for bad in row["bad"]
    ]


@pytest.mark.parametrize(("source", "target"), _good())
def test_correct_translation_gets_no_number_warning(source: str, target: str) -> None:
    loud = [
        f.message
        for f in findings(source, target)
        if f.code in NUMBER_CHECKS and f.severity in (Severity.WARNING, Severity.ERROR)
    ]
    assert loud == []


@pytest.mark.parametrize(("source", "target", "code"), _bad())
def test_planted_error_is_caught(source: str, target: str, code: str) -> None:
    codes = [f.code for f in findings(source, target)]
    assert code in codes, codes


UNIT_PROBE = load_toml(CASES / "unit_probe.toml")["probe"]


def test_unit_probe_meets_its_thresholds() -> None:
    """The unit and currency probe (tests/cases/unit_probe.toml): at most 2% of correct translations,
    conversions among them, get a number warning; at least 95% of planted unit or currency errors are caught."""
    good = [(row["source"], target) for row in UNIT_PROBE for target in row["good"]]
    bad = [(row["source"], b["target"], b["code"]) for row in UNIT_PROBE for b in row["bad"]]
    assert len(good) >= 150 and len(bad) >= 75
    alarms = [
        (source, target)
        for source, target in good
        if any(
            f.code in NUMBER_CHECKS and f.severity in (Severity.WARNING, Severity.ERROR)
            for f in findings(source, target)
        )
    ]
    missed = [
        (source, target) for source, target, code in bad if code not in [f.code for f in findings(source, target)]
    ]
    assert len(alarms) <= 0.02 * len(good), alarms
    assert len(missed) <= 0.05 * len(bad), missed
