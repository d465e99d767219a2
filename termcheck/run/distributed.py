"""The same check on a Dask cluster (dask.distributed): partitions go to workers, results merge here.

The client reads the documents and sends partitions of `partition_size` segments to the cluster,
at most `in_flight` at a time, so memory stays bounded on both sides. Each worker builds the
compiled glossary once (from the glossary and options sent once with `scatter`) and checks its
partitions; what the whole-run checks kept (per-concept renderings for the consistency check, name
spellings, length statistics) comes back with each partition's findings and is merged in document
order, exactly as a local run merges its partitions. The findings equal a local run's.

    from dask.distributed import Client
    from termcheck.run.distributed import check_on_dask

    with Client("tcp://scheduler:8786") as client:
        report = check_on_dask(client, ["tm.tsv"], glossary="glossary.csv")

Dask is optional (`pip install "termcheck[dask]"`); nothing imports it unless this module is used.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from termcheck.core.suppression import Suppressions
from termcheck.glossary.model import Glossary
from termcheck.readers import open_documents
from termcheck.readers.base import Pair
from termcheck.run.engine import Checker, CheckOptions
from termcheck.run.partitions import Partition, PartitionResult, partitions
from termcheck.run.report import Report
from termcheck.run.segment_store import SegmentStore

if TYPE_CHECKING:
    from distributed import Client

# per worker process: the compiled checker for each run's glossary and options
_checkers: dict[str, Checker] = {}


def _check(key: str, spec: tuple[Glossary, CheckOptions, Suppressions | None], partition: Partition) -> PartitionResult:
    glossary, options, suppressions = spec
    checker = _checkers.get(key)
    if checker is None:
        _checkers.clear()  # one run's checker at a time
        checker = _checkers[key] = Checker(glossary, options)
    return checker.check_partition(partition, suppressions)


def check_on_dask(
    client: Client,
    files: Sequence[str | Pair],
    *,
    glossary: str | Sequence[str] | Glossary,
    options: CheckOptions | None = None,
    suppressions: Suppressions | None = None,
    partition_size: int = 5_000,
    in_flight: int | None = None,
    **open_options: Any,
) -> Report:
    """Check `files` on the cluster `client` is connected to; the Report a local `check` would give.

    `open_options` are passed to termcheck.readers.open_documents (source, target, fields, encoding, fmt, root).
    `in_flight` bounds the partitions submitted and not yet merged (default: 2 per worker thread).
    """
    import uuid

    if not isinstance(glossary, Glossary):
        from termcheck.glossary.io import load_glossaries

        glossary = load_glossaries([glossary] if isinstance(glossary, str) else list(glossary))
    options = options or CheckOptions()
    checker = Checker(glossary, options)
    documents = open_documents(files, **open_options)
    spec = client.scatter((glossary, options, suppressions), broadcast=True)  # type: ignore[no-untyped-call]
    key = uuid.uuid4().hex
    limit = in_flight or 2 * max(1, sum(client.nthreads().values()))  # type: ignore[no-untyped-call]
    merger = checker.merger(documents, suppressions)
    store = SegmentStore()  # the client keeps what it sent: the report is a snapshot, as a local run's
    pending: deque[Any] = deque()
    for partition in partitions(documents, partition_size, merger.digests, store):
        pending.append(client.submit(_check, key, spec, partition, pure=False))
        if len(pending) >= limit:
            merger.add(pending.popleft().result())
    while pending:
        merger.add(pending.popleft().result())
    return checker.report(documents, merger, store)
