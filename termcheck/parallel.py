"""`--jobs N`: partitions checked by N worker processes, results handed back in document order.

The main process reads the documents and merges results; workers analyse and check. At most
2 × N partitions are in flight, so a huge input is never read ahead into memory. On Linux the
workers are forked with the compiled glossary already in memory; elsewhere each builds its own.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from multiprocessing.pool import AsyncResult
from typing import TYPE_CHECKING

from termcheck.partitions import Partition, PartitionResult
from termcheck.suppressions import Suppressions

if TYPE_CHECKING:
    from termcheck.engine import Checker, CheckOptions
    from termcheck.glossary.model import Glossary

_worker: tuple[Checker, Suppressions | None] | None = None


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _collect_less() -> tuple[int, int, int]:
    """Checking allocates many short-lived objects beside a big long-lived heap (the compiled glossary,
    lemma table, caches); the cyclic collector would rescan that heap again and again. Freeze what
    exists and collect the young generation less often (about 20% of a big run). Returns the old thresholds."""
    thresholds = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(50_000, *thresholds[1:])
    return thresholds


@contextmanager
def fewer_collections() -> Iterator[None]:
    """`_collect_less` for the run only."""
    thresholds = _collect_less()
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()


def _start(glossary: Glossary, options: CheckOptions, suppressions: Suppressions | None) -> None:
    global _worker
    if _worker is None:  # not forked from a process that had it
        from termcheck.engine import Checker

        _worker = (Checker(glossary, options), suppressions)
    _collect_less()  # a worker lives for one run


def _check(partition: Partition) -> PartitionResult:
    assert _worker is not None
    checker, suppressions = _worker
    return checker.check_partition(partition, suppressions)


def check_partitions(
    checker: Checker, partitions: Iterable[Partition], suppressions: Suppressions | None, jobs: int = 1
) -> Iterator[PartitionResult]:
    """Each partition's result, in the order the partitions come."""
    if jobs <= 1:
        with fewer_collections():
            for partition in partitions:
                yield checker.check_partition(partition, suppressions)
        return
    global _worker
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    _worker = (checker, suppressions) if context.get_start_method() == "fork" else None
    try:
        with fewer_collections(), context.Pool(jobs, _start, (checker.glossary, checker.options, suppressions)) as pool:
            pending: deque[AsyncResult[PartitionResult]] = deque()
            for partition in partitions:
                pending.append(pool.apply_async(_check, (partition,)))
                if len(pending) >= 2 * jobs:
                    yield pending.popleft().get()
            while pending:
                yield pending.popleft().get()
    finally:
        _worker = None
