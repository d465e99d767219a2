"""The run: documents → segments → matches → checks → findings.

Segments are read, matched and checked in partitions (termcheck.run.partitions), so memory stays flat
however long a document is; checks that need the whole run (consistency) keep only what they report
at the end, and many findings spill to disk (termcheck.run.findings_store); with `--jobs`, the workers write
them to disk themselves (termcheck.run.shards).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from termcheck.checks import Check, CheckContext, select_checks
from termcheck.checks.registry import catalogue
from termcheck.checks.rules import RULE_BUDGET, Rule
from termcheck.checks.triggers import triggered
from termcheck.core.model import Finding, Segment, Severity
from termcheck.core.suppression import Suppressions
from termcheck.glossary.model import Glossary
from termcheck.matching.analysis import AnalyzedSegment, SegmentAnalyzer
from termcheck.matching.source import SourceMatcher
from termcheck.matching.target import TargetMatcher
from termcheck.matching.usage import UsageTally
from termcheck.readers.base import Document
from termcheck.run.partitions import Partition, PartitionResult, RunMerger, in_order, partitions, snapshot_documents
from termcheck.run.report import DocumentSummary, Report
from termcheck.run.segment_store import SegmentStore
from termcheck.run.shards import ShardFolder
from termcheck.scoring.term_accuracy import TermAccuracy

if TYPE_CHECKING:
    pass

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
        self.check_types = select_checks(options.select, options.ignore, catalogue(options.rules))
        self.context = CheckContext(
            concepts=glossary.by_id(),
            deprecated_everywhere=options.deprecated_everywhere,
            severities=dict(options.severities),
            allow_untranslated=tuple(options.allow_untranslated),
            rule_budget=options.rule_budget,
            codes=frozenset(c.code for c in self.check_types),
        )

    @functools.cached_property
    def analyzer(self) -> SegmentAnalyzer:
        """The compiled glossary: built when a partition is first checked, never by a process that only merges."""
        return SegmentAnalyzer(self.glossary)

    @property
    def source_matcher(self) -> SourceMatcher:
        return self.analyzer.source_matcher

    @property
    def target_matcher(self) -> TargetMatcher:
        return self.analyzer.target_matcher

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
        from termcheck.run.parallel import check_partitions

        merger = self.merger(documents, suppressions)
        store = SegmentStore() if snapshot else None
        parts = partitions(documents, self.options.batch_size, merger.digests, store)
        make = functools.partial(Checker, self.glossary, self.options)  # how a spawned worker builds its own
        if jobs > 1:
            _ = self.analyzer  # compiled here, once: forked workers share it
        with ShardFolder() if jobs > 1 else nullcontext() as folder:
            for result in check_partitions(self, parts, suppressions, jobs, make, folder.path if folder else ""):
                merger.add(result)
                if progress:
                    progress(result.segments)
            merger.open_shards()  # the files stay readable once the folder is gone
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
