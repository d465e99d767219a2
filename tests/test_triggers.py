"""Triggers (termcheck.checks.triggers): one scan per partition, never a hidden finding."""

from __future__ import annotations

import re

import pytest
from conftest import CASES, load_toml
from hypothesis import given, settings
from hypothesis import strategies as st

from termcheck.checks import ALL_CHECKS
from termcheck.checks.triggers import Trigger, triggered
from termcheck.core.model import Segment
from termcheck.text.normalize import chinese_variants

TRIGGERED_CHECKS = [c for c in ALL_CHECKS if c.trigger is not None]

TABLE = [
    ("each text on its own", Trigger(re.compile("，")), ["a，b", "none", None, "，"], {0, 3}),
    ("no texts", Trigger(re.compile("x")), [], set()),
    ("a match over a join marks both texts", Trigger(re.compile(r"b\W+c")), ["ab", "cd", "e"], {0, 1}),
    ("an empty match marks the text it is in", Trigger(re.compile("(?=x)")), ["ax", "b"], {0}),
    ("a NUL inside a text does not shift the others", Trigger(re.compile("z")), ["a\x00b", "z", "c"], {1}),
    ("the edge of a text is a word boundary", Trigger(re.compile(r"\bthe\b")), ["bathe", "the end"], {1}),
]


@pytest.mark.parametrize(("trigger", "texts", "expected"), [c[1:] for c in TABLE], ids=[c[0] for c in TABLE])
def test_triggered(trigger: Trigger, texts: list[str | None], expected: set[int]) -> None:
    assert triggered(trigger, texts) == expected


def test_chinese_variants_are_what_folds_to_a_character() -> None:
    assert chinese_variants("内") == "內内"
    assert chinese_variants("超a") == "Aa超Ａａ"


def test_some_checks_have_triggers_and_stateful_checks_have_none() -> None:
    from termcheck.checks import Check

    assert len(TRIGGERED_CHECKS) >= 5
    for check in TRIGGERED_CHECKS:
        # a check that keeps run state must see every segment (see Check.state)
        assert check.state is Check.state, check.code
        outside_classes = re.sub(r"\[\^", "[", check.trigger.pattern.pattern) if check.trigger else ""
        assert not re.search(r"(?<!\\)[\^$]|\\[AZB]", outside_classes), f"{check.code}: anchors in its trigger"


def _findings_outside_trigger(checker, check_type, segments: list[Segment]) -> tuple[set[int], int]:
    """Indices of segments the check reports on but its trigger would skip, and how many it reports on."""
    check = check_type(checker.context)
    assert check_type.trigger is not None
    reporting = {i for i, analyzed in enumerate(checker.analyze(segments)) if list(check.check_segment(analyzed))}
    side = check_type.trigger.side
    texts = [s.target if side == "target" else s.source for s in segments]
    return reporting - triggered(check_type.trigger, texts), len(reporting)


def _case_segments(code: str) -> list[Segment]:
    path = next((CASES / "checks").glob(f"{code.lower()}_*.toml"))
    return [
        Segment(str(i), seg.get("source"), seg["target"], "doc.txt", i)
        for i, seg in enumerate((s for case in load_toml(path)["case"] for s in case["segments"]), start=1)
    ]


@pytest.mark.parametrize("check_type", TRIGGERED_CHECKS, ids=[c.code for c in TRIGGERED_CHECKS])
def test_trigger_covers_every_finding_of_the_case_table(check_type, case_checker_factory) -> None:
    """All the check's own cases, as one partition: each segment it reports on is triggered."""
    hidden, reported = _findings_outside_trigger(case_checker_factory(), check_type, _case_segments(check_type.code))
    assert reported > 0  # the table exercises the check
    assert hidden == set()


FRAGMENTS = [
    *'abc ，。()“”"[]{}（）\u3000\x00\n',
    "  ",
    "the ",
    "The ",
    "the",
    " over ",
    "more than ",
    "under ",
    "14",
    "十四",
    "岁",
    "以上",
    "以內",
    "不超過",
    "至少",
    "250000",
    "12,000",
    "干细胞",
    "ｓｔｅｍ",
    "。。",
    "——",
]
TEXTS = st.lists(st.sampled_from(FRAGMENTS), max_size=12).map("".join)


@settings(max_examples=150, deadline=None)
@given(pairs=st.lists(st.tuples(TEXTS, TEXTS), min_size=1, max_size=6))
def test_trigger_covers_every_finding_of_generated_text(pairs: list[tuple[str, str]], case_checker_factory) -> None:
    segments = [Segment(str(i), source, target, "doc.txt", i) for i, (source, target) in enumerate(pairs, start=1)]
    checker = case_checker_factory()
    for check_type in TRIGGERED_CHECKS:
        hidden, _ = _findings_outside_trigger(checker, check_type, segments)
        assert hidden == set(), check_type.code
