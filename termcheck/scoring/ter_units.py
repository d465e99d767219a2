"""Which units TER scores. sacrebleu's TER grows faster than the square of a unit's length (a 475-word
document takes 14 s, a 2,000-word one minutes), so a document is scored line by line where its lines align
with every reference's, and a unit still longer than `max_words` is left out of TER and named."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass
class TerUnits:
    hypotheses: list[str] = field(default_factory=list)
    references: list[list[str]] = field(default_factory=list)  # one stream per reference
    split: int = 0  # units scored line by line
    left_out: int = 0  # units or lines over max_words
    max_words: int | None = None

    def describe(self, unit: str, units: int) -> str:
        """What the TER figure covers, for the report and stderr."""
        scored = len(self.hypotheses)
        kind = "line" if self.split else unit
        parts = [f"TER over {scored} {kind}{'' if scored == 1 else 's'}"]
        if self.split:
            parts.append(f"{self.split} of {units} {unit}s split at their aligned lines")
        if self.left_out:
            parts.append(
                f"{self.left_out} {kind}{'' if self.left_out == 1 else 's'} over {self.max_words} words left out"
            )
        return parts[0] + (f" ({'; '.join(parts[1:])})" if len(parts) > 1 else "")


def ter_units(
    unit: str, hypotheses: Sequence[str], streams: Sequence[Sequence[str]], max_words: int | None
) -> TerUnits:
    chosen = TerUnits(references=[[] for _ in streams], max_words=max_words)
    for index, hypothesis in enumerate(hypotheses):
        texts = [hypothesis, *(stream[index] for stream in streams)]
        pieces = [[text] for text in texts]
        if unit != "line":
            lines = [text.strip().split("\n") for text in texts]
            if len(lines[0]) > 1 and all(len(other) == len(lines[0]) for other in lines[1:]):
                pieces = lines
                chosen.split += 1
        for parts in zip(*pieces, strict=True):
            if max_words and max(len(part.split()) for part in parts) > max_words:
                chosen.left_out += 1
                continue
            chosen.hypotheses.append(parts[0].strip())
            for stream, part in zip(chosen.references, parts[1:], strict=True):
                stream.append(part.strip())
    return chosen
