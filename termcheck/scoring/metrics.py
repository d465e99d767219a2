"""Corpus and sentence scores with sacrebleu's own metric classes, reported with their signatures."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class MetricScore:
    name: str  # "BLEU", "chrF2++", "TER"
    value: float
    signature: str = ""  # sacrebleu's, so a score can be reproduced and compared
    detail: str = ""


def corpus_scores(hypotheses: Sequence[str], references: Sequence[Sequence[str]]) -> list[MetricScore]:
    """BLEU, chrF2++ and TER of the hypotheses; `references` holds one stream per reference,
    each aligned with the hypotheses."""
    from sacrebleu.metrics.bleu import BLEU
    from sacrebleu.metrics.chrf import CHRF
    from sacrebleu.metrics.ter import TER

    scores = []
    for metric in (BLEU(), CHRF(word_order=2), TER()):
        result = metric.corpus_score(list(hypotheses), [list(r) for r in references])
        detail = result.format(score_only=False) if hasattr(result, "format") else ""
        scores.append(MetricScore(result.name, float(result.score), str(metric.get_signature()), detail))
    return scores


class SentenceScorer:
    """Sentence-level BLEU (with effective order, as sacrebleu recommends) and chrF2++."""

    def __init__(self) -> None:
        from sacrebleu.metrics.bleu import BLEU
        from sacrebleu.metrics.chrf import CHRF

        self.bleu = BLEU(effective_order=True)
        self.chrf = CHRF(word_order=2)

    def score(self, hypothesis: str, references: Sequence[str]) -> tuple[float, float]:
        refs = list(references)
        return float(self.bleu.sentence_score(hypothesis, refs).score), float(
            self.chrf.sentence_score(hypothesis, refs).score
        )
