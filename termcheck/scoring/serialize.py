"""Scores as JSON-ready data: one key per metric, each with its value and, from sacrebleu, its signature."""

from __future__ import annotations

from typing import Any

from termcheck.scoring.run import ScoreReport


def scores_to_dict(report: ScoreReport) -> dict[str, Any]:
    scores: dict[str, Any] = {
        m.name.lower(): {"value": round(m.value, 4), "signature": m.signature} for m in report.metrics
    }
    if "ter" in scores and report.ter_scope:
        scores["ter"]["scope"] = report.ter_scope
    if report.term_accuracy is not None:
        accuracy = report.term_accuracy
        scores["term_accuracy"] = {
            "value": round(accuracy.value, 4) if accuracy.value is not None else None,
            "correct": accuracy.correct,
            "total": accuracy.total,
            "definition": "per occurrence, termcheck matching",
        }
    if report.term_success is not None:
        scores["wmt25_term_success"] = {
            "value": round(report.term_success.value, 4) if report.term_success.value is not None else None,
            "pairs": report.term_success.pairs,
            "definition": "WMT 2025 terminology task, document level, lowercased substring counts",
        }
    return scores


def units_to_list(report: ScoreReport) -> list[dict[str, Any]]:
    return [{"index": u.index, "bleu": rounded(u.bleu), "chrf": rounded(u.chrf)} for u in report.units_scored]


def rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)
