"""Every documented example of every check runs: a bad one is reported by its check, at the severity the example
documents (the check's default unless it says otherwise), and a good one is not. The examples are what
docs/checks.md and `termcheck explain` show, so neither can promise what the check does not do."""

from __future__ import annotations

import pytest
from conftest import inline_side

from termcheck.checks.base import Check
from termcheck.checks.examples import Example
from termcheck.checks.registry import ALL_CHECKS
from termcheck.core.model import Finding, Segment
from termcheck.glossary.model import Glossary
from termcheck.readers.base import Document
from termcheck.run.engine import Checker, CheckOptions


def _examples() -> list:
    return [
        pytest.param(check, example, id=f"{check.code}-{'bad' if example.bad else 'good'}-{number}")
        for check in ALL_CHECKS
        for number, example in enumerate(check.examples, start=1)
    ]


def _findings(check: type[Check], example: Example) -> list[Finding]:
    segments = []
    for number, (source, target) in enumerate(example.pairs(), start=1):
        source, source_codes = inline_side(source, example.xliff)
        target, target_codes = inline_side(target, example.xliff)
        assert target is not None
        segments.append(Segment(str(number), source, target, "example", number, source_codes, target_codes))
    document = Document("example", (), lambda: iter(segments), "example", example.locale)
    glossary = example.to_glossary() if example.glossary else Glossary(name="none")
    report = Checker(glossary, CheckOptions(select=(check.code,))).run([document])
    return [f for f in report.findings if f.code == check.code]


@pytest.mark.parametrize(("check", "example"), _examples())
def test_example_behaves_as_documented(check: type[Check], example: Example) -> None:
    found = _findings(check, example)
    if example.bad:
        assert found, f"{check.code} reports nothing on its bad example {example.target!r}"
        expected = example.severity or check.severity
        assert {f.severity for f in found} == {expected}, [(f.severity.label, f.message) for f in found]
    else:
        assert not found, [f.message for f in found]


@pytest.mark.parametrize("check", ALL_CHECKS, ids=lambda c: c.code)
def test_every_check_has_a_bad_and_a_good_example(check: type[Check]) -> None:
    assert any(e.bad for e in check.examples) and any(not e.bad for e in check.examples)
    if check.needs_glossary:
        assert all(e.glossary for e in check.examples), "a TC1xx example needs the glossary entries it uses"
    if check.needs_source:
        assert all(e.source is not None for e in check.examples), "the check reads the source: give it one"
