"""Text for people with its inline codes shown where they stand: "Click {1}here{/1}.{2/}Thanks".

The checks read plain text and report spans into it; this puts the codes' labels back and moves the
spans with them, so a highlighted term stays on its words and a TC218 finding at a code highlights
that code's label."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from termcheck.model import InlineCode

Span = tuple[int, int]


def with_codes(text: str, codes: Sequence[InlineCode], spans: Sequence[Span] = ()) -> tuple[str, list[Span]]:
    if not codes:
        return text, list(spans)
    ordered = sorted(codes, key=lambda c: c.offset)  # stable: codes at one offset keep their order
    offsets = [min(max(c.offset, 0), len(text)) for c in ordered]
    pieces: list[str] = []
    added = [0]  # added[i]: length of the labels of the first i codes
    position = 0
    for code, offset in zip(ordered, offsets, strict=True):
        pieces += [text[position:offset], code.label]
        added.append(added[-1] + len(code.label))
        position = offset
    pieces.append(text[position:])

    def shift(offset: int, after_codes_here: bool) -> int:
        count = (bisect_right if after_codes_here else bisect_left)(offsets, offset)
        return offset + added[count]

    moved = [
        (shift(start, False), shift(end, True)) if start == end else (shift(start, True), shift(end, False))
        for start, end in spans
    ]
    return "".join(pieces), moved
