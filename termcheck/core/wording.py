"""Lists in messages, said as a person says them."""

from __future__ import annotations

from collections.abc import Sequence


def listed(items: Sequence[str], most: int | None = None) -> str:
    """ "a", "a and b", "a, b and c"; with `most`, "a, b, c and 2 others" past that many."""
    if most is not None and len(items) > most:
        rest = len(items) - most
        return f"{', '.join(items[:most])} and {rest} other{'s' if rest > 1 else ''}"
    return " and ".join(filter(None, [", ".join(items[:-1]), items[-1]])) if items else ""
