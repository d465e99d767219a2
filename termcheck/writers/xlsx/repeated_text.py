"""Repeated text: which copy of a segment a decision was made for, where the same text occurs more than once.

Decisions follow the text, not the line (a decision whose segment was renumbered is found again by its text
hash), but identical segments (a repeated heading, a boilerplate line) share one hash, so the text cannot say
which copy a decision belongs to. A decision on repeated text holds only where its position and its text both
agree: the finding has the decision's segment id and text, and every copy of that text is still where it was
(no copy moved: no line was added or removed above them). Anything else is not guessed: the caller names the
decision and leaves it Open.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from termcheck.core.wording import listed


class Copies:
    """Where each text stood: (document, text hash) → the ids of the segments holding that text."""

    def __init__(self, places: Iterable[tuple[str, str, str]] = ()) -> None:
        self._segments: dict[tuple[str, str], set[str]] = defaultdict(set)
        for document, text_hash, segment in places:
            self.add(document, text_hash, segment)

    def add(self, document: str, text_hash: str, segment: str) -> None:
        if text_hash:
            self._segments[(document, text_hash)].add(segment)

    def of(self, document: str, text_hash: str) -> set[str]:
        return self._segments.get((document, text_hash), set())


def repeated(before: Copies, now: Copies, document: str, text_hash: str) -> bool:
    """Whether the text occurs more than once in the document, then or now."""
    return len(before.of(document, text_hash)) > 1 or len(now.of(document, text_hash)) > 1


def copies_moved(before: Copies, now: Copies, document: str, text_hash: str) -> str | None:
    """Why a decision on this text cannot be told apart from its copies, or None where it can (the text is not
    repeated, or every copy is where it was)."""
    was, is_now = before.of(document, text_hash), now.of(document, text_hash)
    if not repeated(before, now, document, text_hash) or was <= is_now:
        return None
    return (
        f"the same text is in {_segments(is_now)} now, and was in {_segments(was)} when the decision was made, "
        "so which copy it was made for is unclear"
    )


def _segments(ids: set[str]) -> str:
    if not ids:
        return "no segment"
    ordered = sorted(ids, key=lambda s: (len(s), s))  # line numbers in numeric order
    return f"segment{'s' if len(ordered) > 1 else ''} {listed(ordered)}"
