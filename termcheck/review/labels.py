"""An editor's Correction of an XLIFF or TMX segment, read with its inline codes.

The Target column shows each code as a label: `{1}` and `{/1}` around a paired code's content, `{2/}` for a
standalone one. A label in a Correction is that code, where the editor put it; the unit's codes are the
target's and, for a code the target lost, the source's. A Correction is refused, with the reason, when a label
matches no code of the unit (and is not text the unit already holds, a `{0}` placeholder say), when a pair is
opened and not closed or pairs cross, when a code is used more often than the unit has it, or when it leaves
out a code of the target that the source has. A code of the target that the source does not have may go.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from termcheck.core.model import InlineCode, Segment
from termcheck.core.wording import listed

_LABEL = re.compile(r"\{/?[^{}\s]+?/?\}")


class CorrectionRefused(Exception):
    """A Correction whose labels cannot be placed; the message says why, for the row's line."""


@dataclass(frozen=True)
class PlacedCorrection:
    text: str  # the corrected target's plain text, as the readers read it
    codes: tuple[InlineCode, ...]  # its inline codes, at their offsets in `text`
    removed: tuple[str, ...]  # labels of target codes the correction leaves out and the source does not have


def place_labels(correction: str, segment: Segment) -> PlacedCorrection:
    """The Correction's text and its codes where its labels stand. CorrectionRefused says why it cannot be."""
    known = {c.label: c for c in (*segment.source_codes, *segment.target_codes)}
    texts: list[str] = []
    codes: list[InlineCode] = []
    unknown: list[str] = []
    length = position = 0
    for match in _LABEL.finditer(correction):
        label = match.group()
        if label not in known:
            if label not in segment.target and label not in (segment.source or "") and label not in unknown:
                unknown.append(label)
            continue
        texts.append(correction[position : match.start()])
        length += len(texts[-1])
        code = known[label]
        codes.append(InlineCode(code.kind, code.id, length, code.element))
        position = match.end()
    texts.append(correction[position:])
    if unknown:
        raise CorrectionRefused(
            f"{listed(unknown)} match{'es' if len(unknown) == 1 else ''} no inline code of the unit"
        )
    target = Counter(c.label for c in segment.target_codes)
    source = Counter(c.label for c in segment.source_codes)
    used = Counter(c.label for c in codes)
    for label, count in used.items():
        if count > max(target[label], source[label]):
            raise CorrectionRefused(
                f"{label} is used {_times(count)}; the unit has it {_times(max(target[label], source[label]))}"
            )
    _check_pairs(codes)
    required = source if segment.source is not None else target
    left_out = [label for label in dict.fromkeys(c.label for c in segment.target_codes) if used[label] < target[label]]
    needed = [label for label in left_out if used[label] < required[label]]
    if needed:
        why = "which the source has" if segment.source is not None else "and no source says the target can do without"
        its = "their labels where the codes belong" if len(needed) > 1 else "its label where the code belongs"
        raise CorrectionRefused(f"the correction leaves out {listed(needed)}, {why}; put {its}")
    return PlacedCorrection("".join(texts), tuple(codes), tuple(left_out))


def _check_pairs(codes: Sequence[InlineCode]) -> None:
    opened: list[InlineCode] = []
    for code in codes:
        if code.kind == "open":
            opened.append(code)
        elif code.kind == "close":
            if not any(o.id == code.id for o in opened):
                raise CorrectionRefused(f"{code.label} closes a code that is not open ({{{code.id}}} comes first)")
            if opened[-1].id != code.id:
                raise CorrectionRefused(f"{code.label} closes while {opened[-1].label} is still open: the pairs cross")
            opened.pop()
    if opened:
        raise CorrectionRefused(f"{opened[0].label} is opened and not closed")


def _times(count: int) -> str:
    return {1: "once", 2: "twice"}.get(count, f"{count} times")
