"""`--jobs N`: partitions checked by N worker processes, results handed back in document order.

The main process reads the documents and merges results; workers analyse and check, and write each partition's
findings to the run's shard folder themselves (termcheck.run.shards), handing back only the check states, counts
and where the findings are. At most
2 × N partitions are in flight, so a huge input is never read ahead into memory. On Linux the
workers are forked with the compiled glossary already in memory; elsewhere each builds its own.
A worker that dies ends the run with one line (exit 2); Ctrl-C is handled once, by the main process. A worker
whose main process is gone (killed, even by SIGKILL, which no handler sees) ends itself: waiting on the task queue
for ever, it would hold the run's deleted temporary files open. It removes the shard folder first, which
nobody else is left to remove.
"""

from __future__ import annotations

import gc
import multiprocessing
import multiprocessing.connection
import multiprocessing.context
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from typing import Protocol

from termcheck.core.errors import RunError
from termcheck.core.process import TUNE_GC_IN_MAIN
from termcheck.core.suppression import Suppressions
from termcheck.run.partitions import Partition, PartitionResult
from termcheck.run.shards import ShardWriter, remove_folder


class PartitionChecker(Protocol):
    """What a worker runs: the engine's Checker (parallel never imports the engine; the engine calls it)."""

    def check_partition(self, partition: Partition, suppressions: Suppressions | None = None) -> PartitionResult: ...


_worker: tuple[PartitionChecker, Suppressions | None] | None = None
_shards: ShardWriter | None = None  # a worker's: where its partitions' findings go


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
    """`_collect_less` for the run only, and only where the command line owns the process."""
    if not TUNE_GC_IN_MAIN["on"]:
        yield
        return
    thresholds = _collect_less()
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()


PARENT_POLL = 1.0  # seconds between a worker's checks that its main process is still there


def _end_with_parent(folder: str) -> None:
    """End this worker when the main process ends. multiprocessing's parent sentinel is ready then (a pipe end
    only the parent holds, or the parent's handle on Windows); a forked worker also looks for a new parent pid,
    since a sibling forked after it inherits its sentinel's other end and the pipe closes only with that sibling."""
    parent = multiprocessing.parent_process()
    if parent is None or parent.sentinel is None:
        return
    sentinel, parent_pid = parent.sentinel, os.getppid()

    def watch() -> None:
        while not multiprocessing.connection.wait([sentinel], timeout=PARENT_POLL):
            if os.getppid() != parent_pid:
                break
        remove_folder(folder)
        os._exit(1)

    threading.Thread(target=watch, name="termcheck-parent-watch", daemon=True).start()


def _start(make: Callable[[], PartitionChecker], suppressions: Suppressions | None, folder: str) -> None:
    global _worker, _shards
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle, once
    # a forked worker inherits the command line's SIGTERM handler; SIGTERM ends a worker, as the pool expects
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _end_with_parent(folder)
    _shards = ShardWriter(folder)
    if _worker is None:  # not forked from a process that had it
        _worker = (make(), suppressions)
    _collect_less()  # a worker lives for one run


def _check(partition: Partition) -> PartitionResult:
    assert _worker is not None and _shards is not None
    checker, suppressions = _worker
    result = checker.check_partition(partition, suppressions)
    result.shard = _shards.write(result.findings)
    result.findings = []
    return result


def _context() -> multiprocessing.context.BaseContext:
    """Fork on Linux, where the compiled glossary is shared copy-on-write; spawn elsewhere (macOS calls fork
    unsafe once system frameworks are loaded, and Windows has none)."""
    return multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")


def check_partitions(
    checker: PartitionChecker,
    partitions: Iterable[Partition],
    suppressions: Suppressions | None,
    jobs: int,
    make: Callable[[], PartitionChecker],
    folder: str = "",
) -> Iterator[PartitionResult]:
    """Each partition's result, in the order the partitions come. With `jobs` > 1, the workers write the findings
    to shards in `folder` (the result's `shard`). A worker that dies (killed for memory) ends the run with a
    RunError instead of a hang."""
    if jobs <= 1:
        with fewer_collections():
            for partition in partitions:
                yield checker.check_partition(partition, suppressions)
        return
    if not folder:
        raise ValueError("a run with --jobs needs a shard folder")
    global _worker
    context = _context()
    _worker = (checker, suppressions) if context.get_start_method() == "fork" else None
    pool = ProcessPoolExecutor(jobs, context, _start, (make, suppressions, folder))
    try:
        with fewer_collections():
            pending: deque[Future[PartitionResult]] = deque()
            for partition in partitions:
                pending.append(_submit(pool, partition))
                if len(pending) >= 2 * jobs:
                    yield _result(pending.popleft())
            while pending:
                yield _result(pending.popleft())
    finally:
        _worker = None
        pool.shutdown(wait=True, cancel_futures=True)


WORKER_DIED = "a --jobs worker process died (killed, perhaps for lack of memory); run again with fewer --jobs"


def _submit(pool: ProcessPoolExecutor, partition: Partition) -> Future[PartitionResult]:
    """The pool may already know a worker died (before its partition's result is asked for)."""
    try:
        return pool.submit(_check, partition)
    except BrokenProcessPool:
        raise RunError(WORKER_DIED) from None


def _result(future: Future[PartitionResult]) -> PartitionResult:
    try:
        return future.result()
    except BrokenProcessPool:
        raise RunError(WORKER_DIED) from None
