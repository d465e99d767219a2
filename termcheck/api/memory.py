"""Checking translations held in memory: a CAT-tool plug-in, a notebook, a web service."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence

from termcheck.api.files import check_documents, check_options, run_glossary
from termcheck.checks.rules import RULE_BUDGET, Rule
from termcheck.core.errors import UsageError
from termcheck.core.model import Segment, Severity
from termcheck.glossary.model import Glossary
from termcheck.readers.base import Document
from termcheck.run.report import Report

Pair = tuple[str | None, str]


def _segment(item: Pair | str, number: int, name: str) -> Segment:
    if isinstance(item, str):
        return Segment(id=str(number), source=None, target=item, file=name, line=number)
    if isinstance(item, tuple) and len(item) == 2 and all(side is None or isinstance(side, str) for side in item):
        source, target = item
        if target is None:
            raise UsageError(f"{name}: pair {number} has no target text")
        return Segment(id=str(number), source=source, target=target, file=name, line=number)
    raise UsageError(f"{name}: pair {number} is not (source, target) text: {item!r}")


def check_segments(
    pairs: Iterable[Pair | str],
    glossary: str | Sequence[str] | Glossary | None = None,
    *,
    name: str = "segments",
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    severities: Mapping[str, Severity] | None = None,
    deprecated_everywhere: bool = False,
    allow_untranslated: Sequence[str] = (),
    target_locale: str = "",
    rules: Sequence[Rule] = (),
    rule_budget: float = RULE_BUDGET,
) -> Report:
    """Check translations held in memory: `pairs` are (Chinese source, English target) tuples, or English strings
    alone (target-only: the checks that need no source run). Segment i (from 1) is named by its number, in a
    document called `name`; a finding's `segment` and `line` are that number.

    `glossary` is a loaded Glossary (termcheck.load_glossary) or the path(s) of glossary files; None runs the
    checks that need no glossary. The other options mean what they mean for `check`. The run is in this
    process; for files and parallel runs use `check`.
    """
    segments = tuple(_segment(item, number, name) for number, item in enumerate(pairs, start=1))
    loaded, glossary_files, ignore = run_glossary(glossary, ignore)
    document = Document(name=name, paths=(), read=functools.partial(iter, segments), format="memory")
    options = check_options(
        select, ignore, severities, deprecated_everywhere, allow_untranslated, target_locale, rules, rule_budget
    )
    report = check_documents([document], loaded, options, snapshot=False)
    report.sources = [document]
    report.glossary_files = glossary_files
    return report
