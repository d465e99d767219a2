"""`termcheck fix`: the case table of replacements (tests/cases/fixes.toml), a property test that a fix never
changes text outside its finding, and the edit helpers."""

from __future__ import annotations

import pytest
from conftest import CASES, load_toml
from hypothesis import given, settings
from hypothesis import strategies as st

from termcheck.checks.registry import ALL_CHECKS
from termcheck.core.edits import Edit, apply_edits
from termcheck.core.model import Segment
from termcheck.fixes.runner import fix_document, fixable_checks
from termcheck.readers.base import Document

FIXABLE = tuple(c.code for c in fixable_checks(ALL_CHECKS))
CASE_FILE = load_toml(CASES / "fixes.toml")["case"]


@pytest.fixture(scope="module")
def fix_checker(case_checker_factory):
    return case_checker_factory(FIXABLE, (), (), "fix_glossary.csv")


def _document(source: str | None, target: str) -> Document:
    segment = Segment("1", source, target, "doc.txt", 1)
    return Document("doc.txt", (), lambda: iter([segment]), "test")


def test_the_fixable_checks_are_the_safe_ones() -> None:
    assert FIXABLE == ("TC101", "TC206", "TC208", "TC209", "TC212")


@pytest.mark.parametrize("case", CASE_FILE, ids=[c["name"] for c in CASE_FILE])
def test_fix_case(case: dict, fix_checker) -> None:
    fixes = fix_document(fix_checker, _document(case.get("source"), case["target"]))
    result = fixes.changed[0].target if fixes.changed else case["target"]
    assert result == case["fixed"]
    # the fixed text has none of the fixed findings left: checking it again finds only what no fix covers
    again = fix_document(fix_checker, _document(case.get("source"), result))
    assert not again.changed


WORDS = st.sampled_from(
    ["the", "The", "drug", "a", "an", "National Drug Administration", "universal stem cells", "Drug Evaluation Center",
     "curative effect", "，", "。", "（", "）", "  ", "250000", "approved", "approved", "navel cord", "is", "is",
     "Ningde Times", "sub-group cohorts", "MSCs", "monoclonal antibody drugs", "subarms"]
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(words=st.lists(WORDS, min_size=1, max_size=14))
def test_a_fix_changes_nothing_outside_its_finding(words: list[str], fix_checker) -> None:
    """Each fix edits its finding's span, or reaches back over the article right before it, and nothing else."""
    target = " ".join(words)
    by_code = {c.code: c for c in fix_checker.check_types}
    source = "国家药品监督管理局 通用型干细胞 药品审评中心 疗效 脐带 宁德时代 亚队列 间充质干细胞 单抗 子臂"
    report = fix_checker.run([_document(source, target)])
    for finding in report.findings:
        edit = by_code[finding.code].fix(target, finding)
        if edit is None:
            continue
        assert finding.target_span is not None
        start, end = finding.target_span
        assert edit.end == end
        assert edit.start == start or target[edit.start : start].strip().lower() in ("a", "an")
        fixed, applied, _ = apply_edits(target, [edit])
        assert applied == [edit]
        assert fixed[: edit.start] == target[: edit.start]
        assert fixed[edit.start + len(edit.text) :] == target[edit.end :]


def test_overlapping_edits_wait_for_the_next_round() -> None:
    text, applied, skipped = apply_edits("abcdef", [Edit(1, 3, "X"), Edit(2, 4, "Y"), Edit(4, 5, "Z")])
    assert (text, [e.text for e in applied], [e.text for e in skipped]) == ("aXdZf", ["X", "Z"], ["Y"])
    text, applied, skipped = apply_edits("abc", [Edit(1, 1, "+"), Edit(1, 2, "-")])
    assert len(applied) == 1 and len(skipped) == 1
