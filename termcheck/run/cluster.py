"""The same check on a Dask cluster (`termcheck check --cluster ADDRESS` or `--cluster local:N`).

The client reads no segment. It asks the workers to survey each document (count its segments, take its digest
and locale: one task per document, all at once), then plans partitions as segment ranges of a document and sends
the plan, at most `in_flight` ranges at a time. A worker opens the document itself (a path its machine sees, or a
URL through fsspec: termcheck.readers.remote), reads to the range (each worker keeps its place in a document, so a
worker given the ranges of a document in order reads it once), checks it with the compiled glossary it built once
for the run, and writes the findings as JSON Lines under the run's shard location (termcheck.run.jsonl_shards).
What comes back to the client per range is the counts and where the shard is; the ranges' whole-run checks'
states are merged on the cluster as trees of 4 ranges (MergeTree), whose states the client merges in order and
finishes. The client streams the shards into the report. The findings, and their order, are a one-process run's.

Failures: a scheduler that cannot be reached is one line; a worker that dies while checking a range has it
checked again elsewhere (once on a `local:N` cluster; as the scheduler's `allowed-failures` says elsewhere), and
the run then stops with one line naming the range; an input a worker cannot read is one line naming it and the
worker.

Dask is optional (`pip install "termcheck[cluster]"`); nothing imports it unless a run uses a cluster.
"""

from __future__ import annotations

import dataclasses
import re
import tempfile
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from typing import TYPE_CHECKING, Any

from termcheck.checks.base import Check
from termcheck.core.errors import InputError, RunError, TermcheckError, UsageError, first_line
from termcheck.core.model import Finding, Segment
from termcheck.core.suppression import Suppressions
from termcheck.glossary.model import Glossary
from termcheck.readers import document_locale, open_documents
from termcheck.readers.base import Document, Pair, TextDigest
from termcheck.run.engine import Checker, CheckOptions, Progress
from termcheck.run.jsonl_shards import write_shard
from termcheck.run.partitions import Partition, PartitionResult
from termcheck.run.report import Report
from termcheck.run.shards import FOLDER_PREFIX

if TYPE_CHECKING:
    from distributed import Client

PARTITION_SIZE = 5_000
SUBTREE_LEVELS = 2  # a subtree merges 4 ranges on the workers (measured against 16: docs/scale.md)
CONNECT_TIMEOUT = "10s"
_LOCAL = re.compile(r"^local:(\d+)$")
Spec = tuple[Glossary, CheckOptions, Suppressions | None]


def local_workers(address: str) -> int | None:
    """N for `local:N` (a LocalCluster of N worker processes); None for a scheduler's address."""
    found = _LOCAL.match(address.strip())
    if found is None:
        if address.startswith("local"):
            raise UsageError(f"--cluster {address}: write local:N, N worker processes (local:2)")
        return None
    workers = int(found.group(1))
    if workers < 1:
        raise UsageError("--cluster local:N needs at least one worker")
    return workers


def _dask() -> Any:
    try:
        import distributed
    except ImportError:
        raise UsageError("--cluster needs Dask: pip install 'termcheck[cluster]'") from None
    return distributed


@contextmanager
def connect(address: str) -> Iterator[Client]:
    """A client of the cluster at `address` (`tcp://host:8786`), or of a LocalCluster for `local:N`, closed
    (and the LocalCluster stopped) on leaving. An unreachable scheduler is a RunError of one line."""
    distributed = _dask()
    import dask

    workers = local_workers(address)
    if workers is not None:
        # a range whose worker dies is checked once more, then the run stops (KilledWorker)
        with (
            dask.config.set({"distributed.scheduler.allowed-failures": 1, "distributed.worker.daemon": False}),
            distributed.LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
            ) as cluster,
            distributed.Client(cluster) as client,
        ):
            yield client
        return
    try:
        client = distributed.Client(address, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as exc:
        raise RunError(f"{address}: cannot reach the Dask scheduler ({first_line(exc)})") from None
    with client:
        yield client


# --- on a worker --------------------------------------------------------------------------------------------------


@dataclass
class _Cursor:
    """Where a worker is in a document it reads range after range."""

    segments: Iterator[Segment]
    position: int = 0


@dataclass
class _WorkerRun:
    checker: Checker
    suppressions: Suppressions | None
    cursors: dict[int, _Cursor] = field(default_factory=dict)


_runs: dict[str, _WorkerRun] = {}  # per worker process: the run under way (one at a time)


def _worker_run(key: str, spec: Spec) -> _WorkerRun:
    run = _runs.get(key)
    if run is None:
        _runs.clear()
        glossary, options, suppressions = spec
        run = _runs[key] = _WorkerRun(Checker(glossary, options), suppressions)
    return run


def _worker_name() -> str:
    try:
        from distributed import get_worker

        return str(get_worker().address)
    except (ImportError, ValueError):
        return "this process"


@dataclass(frozen=True)
class Survey:
    """What a worker found reading a whole document: for the plan, the report, and the notes."""

    segments: int
    digest: str
    locale: str
    notes: tuple[str, ...]


def survey(document: Document) -> Survey:
    """Read `document` to its end (on a worker): how many segments, their digest, its locale and notes."""
    with _read_on_worker(document):
        digest = TextDigest()
        count = 0
        for segment in document.read():
            digest.add(segment)
            count += 1
        return Survey(count, digest.hexdigest(), document_locale(document), tuple(document.notes))


@contextmanager
def _read_on_worker(document: Document) -> Iterator[None]:
    """What goes wrong reading `document` on a worker: one line naming the document and the worker."""
    try:
        yield
    except TermcheckError as exc:
        reason = exc.reason if isinstance(exc, InputError) else str(exc)
        raise InputError(document.name, f"{reason} (read on worker {_worker_name()})") from None
    except (OSError, UnicodeError, ValueError) as exc:
        raise InputError(document.name, f"cannot read it on worker {_worker_name()}: {first_line(exc)}") from None


def check_range(
    key: str, spec: Spec, index: int, document: Document, locale: str, start: int, size: int, shards: str
) -> PartitionResult:
    """Check segments [start, start + size) of document `index` (on a worker); the findings go to a shard under
    `shards`, the rest comes back."""
    run = _worker_run(key, spec)
    with _read_on_worker(document):
        batch = _read_range(run, index, document, start, size)
    result = run.checker.check_partition(Partition(index, batch, locale), run.suppressions)
    result.shard = write_shard(f"{shards}/part-{index:06d}-{start:012d}.jsonl", result.findings)
    result.findings = []
    return result


def _read_range(run: _WorkerRun, index: int, document: Document, start: int, size: int) -> list[Segment]:
    cursor = run.cursors.get(index)
    if cursor is None or cursor.position > start:
        cursor = run.cursors[index] = _Cursor(iter(document.read()))
    skipped = start - cursor.position
    if skipped:
        next(islice(cursor.segments, skipped - 1, None), None)
    batch = list(islice(cursor.segments, size))
    cursor.position = start + len(batch)
    if len(batch) < size:
        del run.cursors[index]  # read to its end
    return batch


def without_states(result: PartitionResult) -> PartitionResult:
    """What of a range's result the client needs (on the worker that holds it): the states stay on the cluster."""
    return dataclasses.replace(result, states=[])


Part = PartitionResult | list[object]  # a range's result, or the states of parts merged already


def merged_states(key: str, spec: Spec, left: Part, right: Part) -> list[object]:
    """Two adjacent parts of the run (ranges, or parts merged already), merged in order by fresh whole-run checks
    (on a worker): a node of the merge tree."""
    checks = _fresh_checks(key, spec)
    for part in (left, right):
        for check, state in zip(checks, _states(part), strict=True):
            check.merge(state)
    return [check.state() for check in checks]


def _states(part: Part) -> list[object]:
    return part.states if isinstance(part, PartitionResult) else part


def _fresh_checks(key: str, spec: Spec) -> list[Check]:
    checker = _worker_run(key, spec).checker
    return [check(checker.context) for check in checker.check_types]


# --- on the client ------------------------------------------------------------------------------------------------


def shard_location(shards: str | None, address: str | None = None) -> str:
    """Where this run's shards go: a folder of its own under `shards`, else a temporary folder here, which serves
    only workers on this machine. For a scheduler's `address` (not `local:N`) the workers and this client must
    both reach it, so it is the user's to name. The folder is removed once the report is written."""
    if shards:
        return f"{shards.rstrip('/')}/termcheck-{uuid.uuid4().hex[:12]}"
    if address is not None and local_workers(address) is None:
        raise UsageError(
            f"--cluster {address} needs --shards LOCATION: a folder or URL (s3://bucket/prefix) that the workers "
            "and this machine both reach, where the workers write their findings"
        )
    return tempfile.mkdtemp(prefix=FOLDER_PREFIX)


class MergeTree:
    """The ranges' states merged pairwise on the workers as the ranges are submitted, in document order, adjacent
    parts first (a binary counter), into subtrees of at most 2**SUBTREE_LEVELS ranges. A subtree's state is what
    the client receives, in order, and merges into its own checks, which spill to disk when big: so the client
    merges one state per 20,000 segments and holds none for long, and a worker holds at most one subtree's. (A
    single tree up to the root kept the whole run's state in the workers' nodes waiting to be merged, 1.8 GB
    for 200,000 pairs on two workers; subtrees of 16 ranges put the client over 300 MB. docs/scale.md.) Each
    check's merge is associative (tests/test_cluster.py holds the findings to the one-process run's), so the
    order of merging changes nothing."""

    def __init__(self, client: Client, key: str, spec: Any) -> None:
        self._client = client
        self._key = key
        self._spec = spec
        self._stack: list[tuple[int, Any]] = []  # (level, future), left to right, levels falling
        self.subtrees: deque[Any] = deque()  # futures of complete subtrees, in document order

    def add(self, leaf: Any) -> None:
        self._stack.append((0, leaf))
        while len(self._stack) > 1 and self._stack[-1][0] == self._stack[-2][0]:
            self._join()
        if self._stack[-1][0] == SUBTREE_LEVELS:
            self.subtrees.append(self._stack.pop()[1])

    def _join(self) -> None:
        level, right = self._stack.pop()
        _, left = self._stack.pop()
        merged = self._client.submit(merged_states, self._key, self._spec, left, right, pure=False)
        self._stack.append((level + 1, merged))

    def finish(self) -> None:
        """The ranges left, merged into one last subtree."""
        while len(self._stack) > 1:
            self._join()
        if self._stack:
            self.subtrees.append(self._stack.pop()[1])


def check_on_cluster(
    client: Client,
    documents: Sequence[Document],
    glossary: Glossary,
    options: CheckOptions,
    shards: str,
    *,
    suppressions: Suppressions | None = None,
    progress: Progress | None = None,
    partition_size: int = PARTITION_SIZE,
    in_flight: int | None = None,
) -> Report:
    """Check `documents` on the cluster `client` is connected to, the findings' shards under `shards`; the Report a
    one-process run gives (its `sources` read the documents again where a writer needs them)."""
    distributed = _dask()
    checker = Checker(glossary, options)  # merges and finishes here; compiles no glossary
    merger = checker.merger(documents, suppressions)
    merger.shard_files.locations.append(shards)
    key = uuid.uuid4().hex
    # one object under a key of this run's own: scattered by content hash, a second run with the same options would
    # share the keys of the first, whose release can then take them from under it
    [spec] = client.scatter([(glossary, options, suppressions)], broadcast=True, hash=False)  # type: ignore[no-untyped-call]
    limit = in_flight or 2 * max(1, sum(client.nthreads().values()))  # type: ignore[no-untyped-call]
    surveys = [client.submit(survey, document, pure=False) for document in documents]
    pending: deque[tuple[Any, str]] = deque()
    tree = MergeTree(client, key, spec)

    def merge_states(everything: bool = False) -> None:
        while tree.subtrees and (everything or tree.subtrees[0].done()):
            states = _gathered(distributed, tree.subtrees.popleft(), "merging the whole-run checks' states")
            for check, state in zip(merger.checks, _states(states), strict=True):
                check.merge(state)

    def merge_oldest() -> None:
        future, where = pending.popleft()
        result = _gathered(distributed, future, where)
        merger.add(result)
        merge_states()
        if progress:
            progress(result.segments)

    for index, (document, surveyed) in enumerate(zip(documents, surveys, strict=True)):
        found: Survey = _gathered(distributed, surveyed, document.name)
        merger.digests[index] = found.digest
        document.notes.extend(note for note in found.notes if note not in document.notes)
        for start in range(0, found.segments, partition_size):
            size = min(partition_size, found.segments - start)
            where = f"{document.name}, segments {start + 1}–{start + size}"
            future = client.submit(
                check_range, key, spec, index, document, found.locale, start, size, shards, pure=False
            )
            tree.add(future)
            pending.append((client.submit(without_states, future, pure=False), where))
            if len(pending) >= limit:
                merge_oldest()
    while pending:
        merge_oldest()
    tree.finish()
    merge_states(everything=True)
    merger.open_shards()
    return checker.report(documents, merger)


def _gathered(distributed: Any, future: Any, where: str) -> Any:
    try:
        return future.result()
    except distributed.KilledWorker:
        raise RunError(f"{where}: the worker checking it died, and again on a retry; the run stops") from None
    except TermcheckError:
        raise
    except (OSError, TimeoutError) as exc:
        raise RunError(f"{where}: the cluster failed: {first_line(exc)}") from None


def check_on_dask(
    client: Client,
    files: Sequence[str | Pair],
    *,
    glossary: str | Sequence[str] | Glossary,
    options: CheckOptions | None = None,
    suppressions: Suppressions | None = None,
    shards: str | None = None,
    partition_size: int = PARTITION_SIZE,
    in_flight: int | None = None,
    progress: Progress | None = None,
    **open_options: Any,
) -> Report:
    """`files` (paths the workers see, or URLs) checked on the cluster `client` is connected to; the Report a local
    `termcheck.check` gives. The findings' shards go under `shards` (a folder or URL the workers and this process
    both reach; default a temporary folder here, which serves only workers on this machine).

        from dask.distributed import Client
        from termcheck.run.cluster import check_on_dask

        with Client("tcp://scheduler:8786") as client:
            report = check_on_dask(client, ["s3://tm/2026-11.tsv"], glossary="glossary.csv", shards="s3://tm/shards")

    `open_options` are those of termcheck.readers.open_documents (source, target, fields, encoding, fmt, root).
    `in_flight` bounds the ranges submitted and not yet merged (default: 2 per worker thread).
    """
    if not isinstance(glossary, Glossary):
        from termcheck.glossary.io import load_glossaries

        glossary = load_glossaries([glossary] if isinstance(glossary, str) else list(glossary))
    documents = open_documents(files, fetch=False, **open_options)
    return check_on_cluster(
        client,
        documents,
        glossary,
        options or CheckOptions(),
        shard_location(shards),
        suppressions=suppressions,
        progress=progress,
        partition_size=partition_size,
        in_flight=in_flight,
    )


FirstCheck = Callable[[Document], Iterable[Finding]]


@contextmanager
def cluster_check(address: str | None, shards: str | None, checker: Checker) -> Iterator[FirstCheck | None]:
    """For the commands that check and then act here (`termcheck fix --cluster`: the cluster checks every segment,
    the fix rounds after recheck only what they changed): with `address`, a function checking one document on that
    cluster with `checker`'s glossary and options, connected for the `with` block; None without one."""
    if address is None:
        yield None
        return
    with connect(address) as client:

        def first_check(document: Document) -> Iterable[Finding]:
            location = shard_location(shards, address)
            return check_on_cluster(client, [document], checker.glossary, checker.options, location).findings

        yield first_check
