"""`termcheck score`: read the texts, compute every score, return them together."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from termcheck.core.errors import UsageError
from termcheck.core.model import Segment
from termcheck.glossary.model import Glossary, TermStatus
from termcheck.scoring.inputs import check_aligned, read_units, unit_of
from termcheck.scoring.metrics import METRICS, TER_MAX_WORDS, MetricScore, SentenceScorer, corpus_scores, ter_score
from termcheck.scoring.ter_units import TerUnits, ter_units
from termcheck.scoring.term_accuracy import TermAccuracy
from termcheck.scoring.wmt25 import Document, TermSuccess, term_success_rate


@dataclass(frozen=True)
class UnitScore:
    index: int  # 1-based line, paragraph or document number
    bleu: float | None
    chrf: float | None


@dataclass
class ScoreReport:
    unit: str
    units: int
    metrics: list[MetricScore]
    units_scored: list[UnitScore] = field(default_factory=list)
    term_accuracy: TermAccuracy | None = None
    term_success: TermSuccess | None = None
    ter_scope: str = ""  # what the TER figure covers, when not simply every unit
    notes: list[str] = field(default_factory=list)  # for stderr: units TER left out


def _scores(
    report: ScoreReport,
    hypotheses: list[str],
    streams: list[list[str]],
    metrics: Sequence[str],
    ter_max_words: int | None,
    progress: Callable[[int], None] | None,
) -> None:
    """The sacrebleu metrics asked for: BLEU and chrF2++ on the units as they are (the WMT25 organisers
    score whole documents so), TER on the units `ter_units` chooses; and each unit's BLEU and chrF."""
    if "bleu" in metrics or "chrf" in metrics:
        scorer = SentenceScorer(metrics)
        for index, hypothesis in enumerate(hypotheses, start=1):
            bleu, chrf = scorer.score(hypothesis, [stream[index - 1] for stream in streams])
            report.units_scored.append(UnitScore(index, bleu, chrf))
            if progress is not None:
                progress(1)
    for name in metrics:  # in the order asked for, as sacrebleu's -m
        if name == "ter":
            _add_ter(report, ter_units(report.unit, hypotheses, streams, ter_max_words), progress)
        else:
            report.metrics += corpus_scores(hypotheses, streams, [name])


def _add_ter(report: ScoreReport, units: TerUnits, progress: Callable[[int], None] | None) -> None:
    if units.split or units.left_out:
        report.ter_scope = units.describe(report.unit, report.units)
    if units.left_out:
        report.notes.append(
            f"{report.ter_scope}: sacrebleu's TER takes seconds on a long unit and minutes on a document; "
            "BLEU and chrF score every unit; --ter-max-words 0 scores them all"
        )
    if units.hypotheses:
        report.metrics.append(ter_score(units.hypotheses, units.references, progress))
    else:
        report.notes.append(f"no TER: every {report.unit} is over {units.max_words} words")


def wmt25_glossary(glossary: Glossary) -> dict[str, list[str]]:
    """One entry per Chinese term with the allowed English forms of its concept."""
    entries: dict[str, list[str]] = {}
    for concept in glossary:
        english = [t.text for t in concept.terms_in("en", TermStatus.PREFERRED, TermStatus.ADMITTED)]
        for term in concept.terms_in("zh", TermStatus.PREFERRED, TermStatus.ADMITTED):
            forms = entries.setdefault(term.text, [])
            forms.extend(e for e in english if e not in forms)
    return {zh: forms for zh, forms in entries.items() if forms}


def score(
    target: str,
    references: Sequence[str],
    source: str | None = None,
    glossary: Glossary | None = None,
    unit: str | None = None,
    source_key: str = "zh",
    target_key: str = "en",
    encoding: str | None = None,
    metrics: Sequence[str] = METRICS,
    ter_max_words: int | None = TER_MAX_WORDS,
    progress: Callable[[int], None] | None = None,
) -> ScoreReport:
    """Every score of `target` against `references`. `progress` is called with the number of units done."""
    if not references:
        raise UsageError("give at least one --reference")
    chosen = unit_of(target, unit)
    hypotheses = read_units(target, chosen, target_key, encoding)
    reference_streams = []
    for path in references:
        units = read_units(path, chosen, target_key, encoding)
        check_aligned(chosen, units, path, len(hypotheses), target)
        reference_streams.append(units)
    report = ScoreReport(chosen, len(hypotheses), [])
    _scores(report, hypotheses, reference_streams, metrics, ter_max_words, progress)
    if glossary is not None:
        if source is None:
            raise UsageError("term accuracy needs --source as well as --glossary")
        sources = read_units(source, chosen, source_key, encoding)
        check_aligned(chosen, sources, target, len(sources), source)
        report.term_accuracy = _term_accuracy(glossary, sources, hypotheses)
        documents = _documents(chosen, sources, hypotheses, reference_streams[0])
        report.term_success = term_success_rate(documents, wmt25_glossary(glossary))
    return report


def _term_accuracy(glossary: Glossary, sources: list[str], hypotheses: list[str]) -> TermAccuracy:
    """Term accuracy needs the matching, not the checks: scoring depends on analysis, never on the engine."""
    from termcheck.matching.analysis import SegmentAnalyzer

    accuracy = TermAccuracy()
    segments = [Segment(str(i), s, h, "", i) for i, (s, h) in enumerate(zip(sources, hypotheses, strict=True), 1)]
    for analyzed in SegmentAnalyzer(glossary).analyze(segments):
        accuracy.add(analyzed)
    return accuracy


def _documents(unit: str, sources: list[str], hypotheses: list[str], references: list[str]) -> list[Document]:
    """Line-aligned files are one document; paragraphs and JSONL records are one document each."""
    if unit == "line":
        return [Document("\n".join(sources), "\n".join(hypotheses), "\n".join(references))]
    return [Document(s, h, r) for s, h, r in zip(sources, hypotheses, references, strict=True)]


def score_segments(
    segments: Sequence[Segment],
    references: Sequence[str],
    glossary: Glossary | None,
    term_accuracy: TermAccuracy | None = None,
    encoding: str | None = None,
    metrics: Sequence[str] = METRICS,
    ter_max_words: int | None = TER_MAX_WORDS,
) -> tuple[ScoreReport, dict[tuple[str, str], UnitScore]]:
    """Scores of checked segments against line-aligned reference files: what `check --reference` adds.

    `term_accuracy` is the check run's own tally (the segments were matched already); without it the
    segments are matched again here."""
    if not segments:
        raise UsageError("--reference: nothing to score")
    hypotheses = [s.target for s in segments]
    streams = []
    for path in references:
        lines = read_units(path, "line", "", encoding)
        check_aligned("line", lines, path, len(hypotheses), "the checked target")
        streams.append(lines)
    report = ScoreReport("line", len(hypotheses), [])
    _scores(report, hypotheses, streams, metrics, ter_max_words, None)
    by_segment = {(s.file, s.id): unit for s, unit in zip(segments, report.units_scored, strict=False)}
    if glossary is not None and all(s.source is not None for s in segments):
        sources = [s.source or "" for s in segments]
        if term_accuracy is None:
            term_accuracy = _term_accuracy(glossary, sources, hypotheses)
        report.term_accuracy = term_accuracy
        documents = _documents("line", sources, hypotheses, streams[0])
        report.term_success = term_success_rate(documents, wmt25_glossary(glossary))
    return report, by_segment
