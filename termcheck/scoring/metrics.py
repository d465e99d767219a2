"""Corpus and sentence scores with sacrebleu's own metric classes, reported with their signatures."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from termcheck.core.errors import UsageError

METRICS = ("bleu", "chrf", "ter")  # sacrebleu's own names for `-m`
TER_MAX_WORDS = 100  # sacrebleu's TER grows faster than the square of a unit's length: ~0.3 s at 100 words, 3 s at 180


@dataclass(frozen=True)
class MetricScore:
    name: str  # "BLEU", "chrF2++", "TER"
    value: float
    signature: str = ""  # sacrebleu's, so a score can be reproduced and compared
    detail: str = ""


def parse_metrics(text: str | None) -> tuple[str, ...]:
    """`bleu,chrf,ter` or any subset, in the order given; None means all three."""
    if text is None:
        return METRICS
    names = [name.strip().lower() for name in text.split(",") if name.strip()]
    unknown = [name for name in names if name not in METRICS]
    if unknown or not names:
        raise UsageError(f"--metrics takes a comma-separated subset of {','.join(METRICS)}, not {text!r}")
    return tuple(dict.fromkeys(names))


def corpus_scores(
    hypotheses: Sequence[str],
    references: Sequence[Sequence[str]],
    metrics: Sequence[str] = ("bleu", "chrf"),
) -> list[MetricScore]:
    """BLEU and chrF2++ (or the `metrics` asked for) of the hypotheses; `references` holds one stream per
    reference, each aligned with the hypotheses. TER is kept apart (`ter_score`) because its units may differ."""
    return [_corpus_score(_metric(name), hypotheses, references) for name in metrics]


def ter_score(
    hypotheses: Sequence[str],
    references: Sequence[Sequence[str]],
    progress: Callable[[int], None] | None = None,
) -> MetricScore:
    """Corpus TER, a unit at a time so that a long run can report progress. sacrebleu's corpus TER is the
    sum of the units' edits over the sum of their (average) reference lengths, which is what adding up gives."""
    from sacrebleu.metrics.ter import TER

    metric = TER()
    edits = length = 0.0
    for index, hypothesis in enumerate(hypotheses):
        unit = metric.sentence_score(hypothesis, [r[index] for r in references])
        edits += unit.num_edits
        length += unit.ref_length
        if progress is not None:
            progress(1)
    value = 100.0 * (edits / length if length > 0 else 1.0 if edits > 0 else 0.0)
    return MetricScore("TER", value, str(metric.get_signature()), f"TER = {value:.2f}")


def _metric(name: str) -> Any:
    from sacrebleu.metrics.bleu import BLEU
    from sacrebleu.metrics.chrf import CHRF
    from sacrebleu.metrics.ter import TER

    if name == "bleu":
        return BLEU()
    return CHRF(word_order=2) if name == "chrf" else TER()


def _corpus_score(metric: Any, hypotheses: Sequence[str], references: Sequence[Sequence[str]]) -> MetricScore:
    result = metric.corpus_score(list(hypotheses), [list(r) for r in references])
    return MetricScore(result.name, float(result.score), str(metric.get_signature()), result.format())


class SentenceScorer:
    """Sentence-level BLEU (with effective order, as sacrebleu recommends) and chrF2++, those asked for."""

    def __init__(self, metrics: Sequence[str] = METRICS) -> None:
        from sacrebleu.metrics.bleu import BLEU
        from sacrebleu.metrics.chrf import CHRF

        self.bleu = BLEU(effective_order=True) if "bleu" in metrics else None
        self.chrf = CHRF(word_order=2) if "chrf" in metrics else None

    def score(self, hypothesis: str, references: Sequence[str]) -> tuple[float | None, float | None]:
        refs = list(references)
        bleu = float(self.bleu.sentence_score(hypothesis, refs).score) if self.bleu else None
        chrf = float(self.chrf.sentence_score(hypothesis, refs).score) if self.chrf else None
        return bleu, chrf
