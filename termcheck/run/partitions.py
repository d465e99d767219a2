"""A run split into partitions: consecutive segments of one document, checked independently, merged in order.

Every run works this way, whether the partitions are checked one after another, by `--jobs`
processes (termcheck.run.parallel) or on a Dask cluster (termcheck.run.cluster). Checking a partition
gives its per-segment findings and what the whole-run checks (consistency, name spelling, omission)
kept; `RunMerger` adds the partitions up in document order and runs those checks' `finish` once,
so the findings are the same however the run was split.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from termcheck.core.model import Finding, Segment
from termcheck.core.suppression import Suppressions
from termcheck.matching.usage import UsageTally
from termcheck.readers.base import Document, TextDigest
from termcheck.run.findings_store import FindingStore, merged
from termcheck.run.segment_store import SegmentStore
from termcheck.run.shard_index import Place, Shard
from termcheck.run.shards import ShardedFindings, ShardFiles
from termcheck.scoring.term_accuracy import TermAccuracy


@dataclass
class Partition:
    document: int  # index of its document in the run
    segments: list[Segment]
    locale: str = ""  # the document's English locale, where it declares one


@dataclass
class PartitionResult:
    document: int
    segments: int
    bilingual: bool
    findings: list[Finding]  # per-segment findings in (line, code) order, suppressed ones left out
    states: list[object]  # per check, in the run's check order (see Check.state)
    usage: UsageTally = field(default_factory=UsageTally)
    accuracy: TermAccuracy = field(default_factory=TermAccuracy)
    suppressed: int = 0
    matched: set[str] = field(default_factory=set)  # ids of the suppressions that covered a finding
    shard: Shard | None = None  # with --jobs: where the worker wrote `findings` (then left empty here)


def snapshot_documents(documents: Sequence[Document], store: SegmentStore) -> list[Document]:
    """The documents reading from `store`: what was checked, however the files change afterwards."""
    return [dataclasses.replace(d, read=functools.partial(store.read, i)) for i, d in enumerate(documents)]


def partitions(
    documents: Sequence[Document], size: int, digests: list[str] | None = None, store: SegmentStore | None = None
) -> Iterator[Partition]:
    """The documents' segments, read lazily, in partitions of at most `size` segments. With `digests`, each
    document's digest (termcheck.readers.base.TextDigest) is filled in once it is read to its end; with
    `store`, every segment is kept there as it was read (a report's snapshot)."""
    for index, document in enumerate(documents):
        segments = iter(document.read())
        digest = TextDigest()
        while batch := list(islice(segments, size)):
            for segment in batch:
                digest.add(segment)
            if store is not None:
                store.add(index, batch)
            yield Partition(index, batch, document.locale)
        if digests is not None:
            digests[index] = digest.hexdigest()


class RunMerger:
    """Adds partition results up, in document order, into what one pass over the run would have."""

    def __init__(self, documents: Sequence[Document], checks: Sequence[Any], suppressions: Suppressions | None) -> None:
        self.order = {d.name: i for i, d in enumerate(documents)}
        self.checks = list(checks)
        self.suppressions = suppressions
        self.findings = FindingStore()
        self.shards: list[Shard] = []  # findings the --jobs workers wrote (termcheck.run.shards)
        self.shard_files = ShardFiles()
        self.segments = [0] * len(documents)
        self.digests = [""] * len(documents)  # what was read of each, for writers that read it again
        self.bilingual = [False] * len(documents)
        self.usage = UsageTally()
        self.accuracy = TermAccuracy()
        self.suppressed = 0
        self.matched: set[str] = set()
        self._last: tuple[int, int, str] | None = None
        self._in_order = True  # readers give lines in order, so findings arrive sorted; checked, not assumed

    def key(self, finding: Finding) -> tuple[int, int, str]:
        return (self.order.get(finding.file, len(self.order)), finding.line, finding.code)

    def _place_key(self, place: Place) -> tuple[int, int, str]:
        file, line, code = place
        return (self.order.get(file, len(self.order)), line, code)

    def _arrive(self, first: tuple[int, int, str], last: tuple[int, int, str]) -> None:
        if self._last is not None and first < self._last:
            self._in_order = False
        self._last = last

    def add(self, result: PartitionResult) -> None:
        self.segments[result.document] += result.segments
        self.bilingual[result.document] = self.bilingual[result.document] or result.bilingual
        self.usage.merge(result.usage)
        self.accuracy.merge(result.accuracy)
        self.suppressed += result.suppressed
        self.matched |= result.matched
        if result.states:  # none where they are merged elsewhere (on a cluster's workers: termcheck.run.cluster)
            for check, state in zip(self.checks, result.states, strict=True):
                check.merge(state)
        if result.shard is not None:
            if self.findings:
                raise ValueError("a run's findings come all in shards or all in results")
            self._arrive(self._place_key(result.shard.first), self._place_key(result.shard.last))
            self.shards.append(result.shard)
        elif result.findings:
            if self.shards:
                raise ValueError("a run's findings come all in shards or all in results")
            self._arrive(self.key(result.findings[0]), self.key(result.findings[-1]))
            self.findings.extend(result.findings)

    def open_shards(self) -> None:
        """Open the shard files while their folder is there (before the run removes it)."""
        self.shard_files.open(self.shards)

    def finish(self) -> Sequence[Finding]:
        """All findings in (document, line, code) order, those of the whole-run checks included."""
        final: list[Finding] = []
        for check in self.checks:
            final.extend(check.finish())
        if self.suppressions is not None and len(self.suppressions):
            kept = self.suppressions.uncovered(final, self.matched)
            self.suppressed += len(final) - len(kept)
            final = kept
        store: Sequence[Finding]
        if self.shards and self._in_order:
            store = ShardedFindings(self.shards, self.shard_files, sorted(final, key=self.key), self.key)
        elif not self._in_order:
            stored = ShardedFindings(self.shards, self.shard_files, (), self.key) if self.shards else self.findings
            store = FindingStore(sorted([*stored, *final], key=self.key))
        else:
            store = merged(self.findings, final, self.key)
        if self.suppressions is not None and len(self.matched) < len(self.suppressions):
            moved = self.suppressions.rematch(store, self.matched)  # a second pass, only when some are left
            if moved:
                self.suppressed += len(moved)
                store = FindingStore(f for f in store if f.id not in moved)
        return store


def in_order(findings: Iterable[Finding]) -> list[Finding]:
    """One partition's findings in (line, code) order; stable, so a segment's own order is kept."""
    return sorted(findings, key=lambda f: (f.line, f.code))
