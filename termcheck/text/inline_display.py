"""Text for people with its inline codes shown where they stand: "Click {1}here{/1}.{2/}Thanks".

The checks read plain text and report spans into it; this puts the codes' labels back and moves the
spans with them, so a highlighted term stays on its words and a TC218 finding at a code highlights
that code's label. A standalone code the text reads as a space ("Drug<x/>Evaluation" reads "Drug
Evaluation") shows as its label in place of that space ("Drug{1/}Evaluation"), as a paired code's
label stands alone between its words: the space is the reader's, not the document's.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence

from termcheck.core.model import InlineCode

Span = tuple[int, int]


def _label(code: InlineCode) -> str:
    return code.label


def with_codes(
    text: str,
    codes: Sequence[InlineCode],
    spans: Sequence[Span] = (),
    label: Callable[[InlineCode], str] = _label,
) -> tuple[str, list[Span]]:
    """`text` with each code's `label` where it stands, and `spans` moved onto the same characters (an empty
    span at a code onto its label)."""
    if not codes:
        return text, list(spans)
    ordered = sorted(codes, key=lambda c: c.offset)  # stable: codes at one offset keep their order
    offsets = [min(max(c.offset, 0), len(text)) for c in ordered]
    # a code's space is the character at its offset; the reader puts it after any code already there
    spaced = {o for c, o in zip(ordered, offsets, strict=True) if c.spaced and text[o : o + 1] == " "}
    pieces: list[str] = []
    added = [0]  # added[i]: how much longer the text is after the first i codes
    position = 0
    for code, offset in zip(ordered, offsets, strict=True):
        shown = label(code)
        replaces = offset in spaced and position <= offset and code.spaced
        pieces += [text[position:offset], shown]
        added.append(added[-1] + len(shown) - replaces)
        position = offset + replaces
    pieces.append(text[position:])

    def shift(offset: int, after_codes_here: bool, starts_here: bool = False) -> int:
        count = (bisect_right if after_codes_here else bisect_left)(offsets, offset)
        if starts_here and offset in spaced:
            count -= 1  # a span from a code's space starts at its label
        return offset + added[count]

    def move(start: int, end: int) -> Span:
        if start == end and end in spaced:  # at a code's space: its label
            end += 1
        elif start == end:  # at codes: their labels
            return shift(start, False), shift(end, True)
        return shift(start, True, True), shift(end, False)

    moved = [move(start, end) for start, end in spans]
    return "".join(pieces), moved
