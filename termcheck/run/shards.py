"""Finding shards: with `--jobs`, each worker writes its partitions' findings to disk itself.

Handing every Finding back to the main process would make it the bottleneck of a big run: it would unpickle
a million findings, spill them to its own temporary file and read them again for the report. Instead each
worker appends a partition's findings (pickled, one block per partition) to a file of its own in the run's
shard folder (a temporary folder in TMPDIR) and hands back a `Shard`: where the block is, how many findings
it holds, the first and last (file, line, code) for the merge order and the count per code and severity.
The main process merges the check states and reads the shards, in document order, only when it writes
the report (`ShardedFindings`).

The folder goes when the run's checking ends, whether it ends well or not: the main process then opens the
shard files and removes the folder (the open files stay readable on POSIX systems, and are deleted once
closed). A worker whose main process dies (even by SIGKILL) removes the folder before it ends.
"""

from __future__ import annotations

import heapq
import os
import pickle
import shutil
import tempfile
import weakref
from collections import Counter
from collections.abc import Iterator, Sequence
from types import TracebackType
from typing import Any, BinaryIO, overload

from termcheck.core.model import Finding, Severity
from termcheck.core.scratch import scratch_errors
from termcheck.run.jsonl_shards import read_shard, remove_location
from termcheck.run.shard_index import Shard, SortKey, place_of

FOLDER_PREFIX = "termcheck-shards-"


class ShardFolder:
    """The run's shard folder, made on entering and removed on leaving (however the run ends)."""

    def __init__(self) -> None:
        with scratch_errors():
            self.path = tempfile.mkdtemp(prefix=FOLDER_PREFIX)

    def __enter__(self) -> ShardFolder:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        remove_folder(self.path)


def remove_folder(path: str) -> None:
    shutil.rmtree(path, ignore_errors=True)


class ShardWriter:
    """A worker's side: its partitions' findings appended to one file of its own in the shard folder."""

    def __init__(self, folder: str) -> None:
        self.folder = folder
        self._file: BinaryIO | None = None
        self._path = ""

    def write(self, findings: Sequence[Finding]) -> Shard | None:
        if not findings:
            return None
        data = pickle.dumps(list(findings), protocol=pickle.HIGHEST_PROTOCOL)
        with scratch_errors():
            if self._file is None:
                self._path = os.path.join(self.folder, f"{os.getpid()}.findings")
                self._file = open(self._path, "wb")  # noqa: SIM115 - open for the worker's life
            offset = self._file.tell()
            self._file.write(data)
            self._file.flush()  # the main process reads it; a worker ends with os._exit, which flushes nothing
        tally = Counter((f.code, f.severity) for f in findings)
        return Shard(self._path, offset, len(data), len(findings), place_of(findings[0]), place_of(findings[-1]), tally)


class ShardFiles:
    """The main process's side: the shard files, opened once the workers are done, read block by block."""

    def __init__(self) -> None:
        self._files: dict[str, BinaryIO] = {}
        self.locations: list[str] = []  # a cluster run's shard locations: removed on closing

    def open(self, shards: Sequence[Shard]) -> None:
        """Open every file `shards` name (before their folder is removed)."""
        with scratch_errors():
            for shard in shards:
                if shard.format == "pickle" and shard.path not in self._files:
                    self._files[shard.path] = open(shard.path, "rb")  # noqa: SIM115 - read with the report

    def read(self, shard: Shard) -> list[Finding]:
        if shard.format != "pickle":
            return read_shard(shard)
        file = self._files[shard.path]
        with scratch_errors():
            file.seek(shard.offset)
            data = file.read(shard.length)
        findings: list[Finding] = pickle.loads(data)
        return findings

    def close(self) -> None:
        for file in self._files.values():
            file.close()
        self._files = {}
        if self.locations:
            for location in self.locations:
                remove_location(location)
            self.locations = []


class ShardedFindings(Sequence[Finding]):
    """A run's findings read from the shards (already in order) with `more` (the whole-run checks' findings,
    sorted by `key`) merged in, as a stable sort of both would place them. Read from disk at each pass."""

    def __init__(self, shards: Sequence[Shard], files: ShardFiles, more: Sequence[Finding], key: SortKey) -> None:
        self._shards = list(shards)
        self._files = files
        self._more = list(more)
        self._key = key
        self._count = sum(s.count for s in self._shards) + len(self._more)
        weakref.finalize(self, files.close)  # the files are deleted with the last of these findings

    def _stored(self) -> Iterator[Finding]:
        for shard in self._shards:
            yield from self._files.read(shard)

    def __iter__(self) -> Iterator[Finding]:
        if not self._more:
            return self._stored()
        return heapq.merge(self._stored(), self._more, key=self._key)

    def __len__(self) -> int:
        return self._count

    def tally(self) -> Counter[tuple[str, Severity]]:
        """How many findings of each (code, severity), as the workers counted them: no pass over the disk."""
        counts: Counter[tuple[str, Severity]] = Counter((f.code, f.severity) for f in self._more)
        for shard in self._shards:
            counts.update(shard.tally)
        return counts

    @overload
    def __getitem__(self, index: int) -> Finding: ...
    @overload
    def __getitem__(self, index: slice) -> list[Finding]: ...
    def __getitem__(self, index: int | slice) -> Finding | list[Finding]:
        return list(self)[index]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, (str, bytes)):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"ShardedFindings({len(self)} findings in {len(self._shards)} shards)"

    def __reduce__(self) -> tuple[Any, ...]:
        # pickled (sent to another process, whose disk may be another): as a FindingStore
        from termcheck.run.findings_store import FindingStore

        return (FindingStore, (list(self),))
