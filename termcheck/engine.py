"""The run: documents → segments → matches → checks → findings.

Segments are read, matched and checked in partitions (termcheck.partitions), so memory stays flat
however long a document is; checks that need the whole run (consistency) keep only what they report
at the end, and many findings spill to disk (termcheck.findings_store).
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from typing import TYPE_CHECKING

from termcheck.analysis import AnalyzedSegment, SegmentAnalyzer
from termcheck.checks import Check, CheckContext, select_checks
from termcheck.checks.registry import catalogue
from termcheck.checks.triggers import triggered
from termcheck.glossary.model import Glossary
from termcheck.model import Finding, Segment, Severity
from termcheck.partitions import Partition, PartitionResult, RunMerger, in_order, partitions, snapshot_documents
from termcheck.readers.base import Document
from termcheck.rules import RULE_BUDGET, Rule, RuleStop
from termcheck.scoring.term_accuracy import TermAccuracy
from termcheck.segment_store import SegmentStore
from termcheck.suppressions import Suppression, Suppressions
from termcheck.usage import ConceptUsage, UsageTally

if TYPE_CHECKING:
    from termcheck.scoring.run import ScoreReport, UnitScore

BATCH_SIZE = 2000
Progress = Callable[[int], None]


@dataclass(frozen=True)
class CheckOptions:
    select: Sequence[str] = ()
    ignore: Sequence[str] = ()
    severities: Mapping[str, Severity] = field(default_factory=dict)
    deprecated_everywhere: bool = False
    allow_untranslated: Sequence[str] = ()
    batch_size: int = BATCH_SIZE
    target_locale: str = ""  # "en-US" or "en-GB" ([languages] target) for documents that do not say theirs
    rules: tuple[Rule, ...] = ()  # the project's own rules ([[rules]] in termcheck.toml)
    rule_budget: float = RULE_BUDGET  # seconds of search time each rule may spend (per process)


@dataclass(frozen=True)
class DocumentSummary:
    name: str
    format: str
    segments: int
    bilingual: bool
    digest: str = ""  # of the segments as they were checked (termcheck.readers.base.TextDigest)

    @property
    def lines_are_segments(self) -> bool:
        """Plain text: a finding's line and target span point straight into the file (so columns are exact)."""
        return self.format in ("text", "text-pair")


@dataclass(frozen=True)
class GlossaryFile:
    path: str
    sha256: str
    concepts: int


@dataclass
class Report:
    """What one run found. `findings` is what the CLI prints, in document order.

    `glossary` and `sources` are the glossary and documents themselves, so a report writer can show the full text;
    `usage` is how often each concept occurred and how it was rendered.
    """

    findings: Sequence[Finding]  # a FindingStore from a run: in memory, or on disk when many
    documents: list[DocumentSummary]
    checks: list[str]
    glossary_name: str
    concepts: int
    glossary: Glossary | None = None
    sources: list[Document] = field(default_factory=list)
    usage: dict[str, ConceptUsage] = field(default_factory=dict)
    rules: tuple[Rule, ...] = ()  # the project rules the run could choose from (their codes are in `checks`)
    stopped_rules: list[RuleStop] = field(default_factory=list)  # rules that spent their budget, and where
    term_accuracy: TermAccuracy = field(default_factory=TermAccuracy)  # per occurrence, bilingual segments
    suppressed: int = 0
    suppression_file: str | None = None
    unmatched_suppressions: list[Suppression] = field(default_factory=list)  # they matched no finding of the run
    suppressed_ids: frozenset[str] = frozenset()  # the ids of the suppressions that did match one
    glossary_files: list[GlossaryFile] = field(default_factory=list)
    options: dict[str, str] = field(default_factory=dict)
    scores: ScoreReport | None = None  # with --reference
    segment_scores: dict[tuple[str, str], UnitScore] = field(default_factory=dict)  # (file, segment) →
    created: datetime = field(default_factory=lambda: datetime.now(timezone.utc))
    fail_on: Severity | None = Severity.ERROR  # the level at which this run fails (None: never)
    baselined: int = 0  # findings left out because the baseline accepts them
    baseline_file: str | None = None
    baseline_gone: int = 0  # accepted findings that no longer occur
    fingerprints: list[str] | None = None  # aligned with findings; see termcheck.baseline.report_fingerprints
    # one pass over the findings (which may be on disk) serves every count; keyed to the findings it counted
    _tally: tuple[tuple[int, int], Counter[tuple[str, Severity]]] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    @property
    def segments(self) -> int:
        return sum(d.segments for d in self.documents)

    def findings_by_file(self) -> dict[str, list[Finding]]:
        """Findings grouped per document, every document present (in run order), even one without findings."""
        grouped: dict[str, list[Finding]] = {d.name: [] for d in self.documents}
        for finding in self.findings:
            grouped.setdefault(finding.file, []).append(finding)
        return grouped

    def files_with_columns(self) -> set[str]:
        """The documents whose findings can be placed by column as well as by line."""
        return {d.name for d in self.documents if d.lines_are_segments}

    def _counts(self) -> Counter[tuple[str, Severity]]:
        key = (id(self.findings), len(self.findings))
        if self._tally is None or self._tally[0] != key:
            self._tally = (key, Counter((f.code, f.severity) for f in self.findings))
        return self._tally[1]

    def count_by_code(self) -> Counter[str]:
        counts: Counter[str] = Counter()
        for (code, _), n in self._counts().items():
            counts[code] += n
        return counts

    def count_by_severity(self) -> Counter[Severity]:
        counts: Counter[Severity] = Counter()
        for (_, severity), n in self._counts().items():
            counts[severity] += n
        return counts

    def fails(self) -> bool:
        """Whether any finding is at or above the run's `fail_on` level (None never fails)."""
        return self.fail_on is not None and any(severity >= self.fail_on for _, severity in self._counts())

    def failing(self, finding: Finding) -> bool:
        """Whether this finding makes the run fail."""
        return self.fail_on is not None and finding.severity >= self.fail_on


def number_occurrences(findings: list[Finding], first: int) -> None:
    """The second and later findings of one check, concept and text in a segment get occurrence 2, 3…, so
    that each has an id of its own (two rows, two decisions)."""
    seen: dict[tuple[str, str | None, str | None], int] = {}
    for index in range(first, len(findings)):
        finding = findings[index]
        key = (finding.code, finding.concept, finding.found)
        count = seen.get(key, 0) + 1
        seen[key] = count
        if count > 1:
            findings[index] = replace(finding, occurrence=count)


class Checker:
    """Compiled glossary and chosen checks; reusable across documents of one run."""

    def __init__(self, glossary: Glossary, options: CheckOptions = CheckOptions()) -> None:
        self.glossary = glossary
        self.options = options
        self.analyzer = SegmentAnalyzer(glossary)
        self.source_matcher = self.analyzer.source_matcher
        self.target_matcher = self.analyzer.target_matcher
        self.check_types = select_checks(options.select, options.ignore, catalogue(options.rules))
        self.context = CheckContext(
            concepts=glossary.by_id(),
            deprecated_everywhere=options.deprecated_everywhere,
            severities=dict(options.severities),
            allow_untranslated=tuple(options.allow_untranslated),
            rule_budget=options.rule_budget,
            codes=frozenset(c.code for c in self.check_types),
        )

    def analyze(self, batch: list[Segment], locale: str = "") -> list[AnalyzedSegment]:
        return self.analyzer.analyze(batch, locale)

    def check_partition(self, partition: Partition, suppressions: Suppressions | None = None) -> PartitionResult:
        """Check one partition with fresh checks; whole-run checks hand over their state (see RunMerger)."""
        checks: list[Check] = [c(self.context) for c in self.check_types]
        every_segment = [c for c in checks if c.trigger is None]
        triggered_checks = self._triggered_checks(checks, partition.segments)
        findings: list[Finding] = []
        usage = UsageTally()
        accuracy = TermAccuracy()
        bilingual = False
        active = suppressions if suppressions is not None and len(suppressions) else None
        locale = partition.locale or self.options.target_locale
        pending_checks = [c for c in checks if c.sees_pending]
        for index, analyzed in enumerate(self.analyze(partition.segments, locale)):
            bilingual = bilingual or analyzed.has_source
            if analyzed.segment.pending or _empty_translation(analyzed.segment):
                for check in pending_checks:
                    findings.extend(check.check_segment(analyzed))
                continue
            usage.add(analyzed)
            accuracy.add(analyzed)
            first = len(findings)
            for check in every_segment:
                findings.extend(check.check_segment(analyzed))
            for check in triggered_checks.get(index, ()):
                findings.extend(check.check_segment(analyzed))
            if len(findings) - first > 1:
                number_occurrences(findings, first)
        suppressed = 0
        matched: set[str] = set()
        if active is not None:
            kept = active.uncovered(findings, matched)
            suppressed, findings = len(findings) - len(kept), kept
        return PartitionResult(
            document=partition.document,
            segments=len(partition.segments),
            bilingual=bilingual,
            findings=in_order(findings),
            states=[check.state() for check in checks],
            usage=usage,
            accuracy=accuracy,
            suppressed=suppressed,
            matched=matched,
        )

    @staticmethod
    def _triggered_checks(checks: Sequence[Check], segments: Sequence[Segment]) -> dict[int, list[Check]]:
        """Segment index → the checks with a trigger that its text matches (one scan of the partition per check)."""
        chosen: dict[int, list[Check]] = {}
        sides: dict[str, list[str | None]] = {}
        for check in checks:
            if check.trigger is not None:
                side = check.trigger.side
                if side not in sides:
                    sides[side] = [s.target for s in segments] if side == "target" else [s.source for s in segments]
                for index in triggered(check.trigger, sides[side]):
                    chosen.setdefault(index, []).append(check)
        return chosen

    def run(
        self,
        documents: Sequence[Document],
        progress: Progress | None = None,
        suppressions: Suppressions | None = None,
        jobs: int = 1,
        snapshot: bool = True,
    ) -> Report:
        """Check the documents; with `jobs` > 1, partitions are checked by that many processes. With `snapshot`,
        the segments are kept (on disk) as they were read, and the report's `sources` read them from there: the
        Excel Segments sheet and scores then show what was checked, whatever happens to the files."""
        from termcheck.parallel import check_partitions

        merger = self.merger(documents, suppressions)
        store = SegmentStore() if snapshot else None
        parts = partitions(documents, self.options.batch_size, merger.digests, store)
        make = functools.partial(Checker, self.glossary, self.options)  # how a spawned worker builds its own
        for result in check_partitions(self, parts, suppressions, jobs, make):
            merger.add(result)
            if progress:
                progress(result.segments)
        return self.report(documents, merger, store)

    def merger(self, documents: Sequence[Document], suppressions: Suppressions | None = None) -> RunMerger:
        """What adds up this run's partition results, with the checks that will run `finish`."""
        return RunMerger(documents, [c(self.context) for c in self.check_types], suppressions)

    def report(self, documents: Sequence[Document], merger: RunMerger, store: SegmentStore | None = None) -> Report:
        """The report of a run whose partitions have all been merged (its sources read from `store`, if given)."""
        findings = merger.finish()
        stopped = [stop for check in merger.checks if (stop := check.stopped()) is not None]
        summaries = [
            DocumentSummary(d.name, d.format, merger.segments[i], merger.bilingual[i], merger.digests[i])
            for i, d in enumerate(documents)
        ]
        return Report(
            findings=findings,
            documents=summaries,
            checks=[c.code for c in self.check_types],
            rules=tuple(self.options.rules),
            stopped_rules=stopped,
            glossary_name=self.glossary.name,
            concepts=len(self.glossary),
            glossary=self.glossary,
            sources=snapshot_documents(documents, store) if store is not None else list(documents),
            usage=merger.usage.concepts,
            term_accuracy=merger.accuracy,
            suppressed=merger.suppressed,
            suppression_file=merger.suppressions.path if merger.suppressions is not None else None,
            unmatched_suppressions=merger.suppressions.unmatched(merger.matched) if merger.suppressions else [],
            suppressed_ids=frozenset(merger.matched),
        )


def _empty_translation(segment: Segment) -> bool:
    """A target left empty where the source has text: one finding (TC221), not a list of missing terms."""
    return not segment.target.strip() and bool(segment.source and segment.source.strip())
