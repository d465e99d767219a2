"""Triggers: which segments of a partition a check needs to look at, found in one scan.

Most checks report on a few segments in a hundred, and a segment without full-width punctuation,
say, can never have a TC206 finding. A check that declares a `Trigger` is shown only the segments
whose text matches the trigger's pattern. The partition's texts are joined and scanned once, and the
matches are mapped back to segments, so a partition costs one regex call per check instead of a
Python call per segment and check (see docs/performance.md).

A trigger may find more segments than the check reports on, never fewer. Its pattern must match
somewhere in every text the check could report on. Segments are joined with NUL, so the pattern must
also match at a text's edge with a NUL beyond it as it does at the edge itself: no anchors (^ $ \\A \\Z)
or \\B, and no lookaround that NUL would fail where the edge passes (`(?<!\\S)`); `\\b`, `(?<![\\w.])` and
`(?<=\\S)` are fine. A match that runs over a join marks every segment it touches. The property tests in
tests/test_triggers.py hold every check's trigger to this.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from typing import Literal, NamedTuple

SEPARATOR = "\x00"


class Trigger(NamedTuple):
    pattern: re.Pattern[str]
    side: Literal["source", "target"] = "target"


def triggered(trigger: Trigger, texts: Sequence[str | None]) -> set[int]:
    """The indices of the texts in which `trigger` matches (None counts as empty text)."""
    starts: list[int] = []
    position = 0
    for text in texts:
        starts.append(position)
        position += len(text or "") + len(SEPARATOR)
    joined = SEPARATOR.join(text or "" for text in texts)
    found: set[int] = set()
    for match in trigger.pattern.finditer(joined):
        start, end = match.span()
        first = bisect_right(starts, start) - 1
        last = bisect_right(starts, end - 1) - 1 if end > start else first
        found.update(range(first, last + 1))
    return found
