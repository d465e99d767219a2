"""The one spill store of a run: what is too big to keep in memory goes to disk here, pickled.

A translation memory of a million segments makes a million findings, a million segments to keep for the report
and a million rows for the segment consistency checks: a gigabyte each as objects. Each of them keeps a few in
memory and writes blocks to a SpillFile: one unnamed temporary file in TMPDIR (termcheck.core.scratch), deleted
when closed or collected, whose blocks are filed under a key (a document, a bucket of rows) and read back per
key in the order they were written. A full or unwritable temporary folder is one RunError naming it.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterator, Sequence
from typing import Generic, TypeVar

from termcheck.core.scratch import scratch_errors, scratch_file

T = TypeVar("T")


class SpillFile(Generic[T]):
    def __init__(self, prefix: str = "termcheck-spill-") -> None:
        self._file = scratch_file(prefix)
        self._blocks: dict[int, list[tuple[int, int]]] = {}  # key → (offset, length) of its blocks
        self.count = 0  # items written

    def add(self, key: int, items: Sequence[T]) -> None:
        """Write `items` as one block under `key`, after the key's earlier blocks."""
        if not items:
            return
        data = pickle.dumps(list(items), protocol=pickle.HIGHEST_PROTOCOL)
        with scratch_errors():
            self._file.seek(0, 2)
            offset = self._file.tell()
            self._file.write(data)
        self._blocks.setdefault(key, []).append((offset, len(data)))
        self.count += len(items)

    def read(self, key: int = 0) -> Iterator[T]:
        """The items under `key` in the order they were written (up to what was written when reading began)."""
        for offset, length in list(self._blocks.get(key, ())):
            with scratch_errors():
                self._file.seek(offset)
                data = self._file.read(length)
            block: list[T] = pickle.loads(data)
            yield from block

    def filed_keys(self) -> list[int]:
        return sorted(self._blocks)

    def close(self) -> None:
        """Delete the file now rather than when the store is collected."""
        self._file.close()
        self._blocks = {}


SPILL_AT = 50_000  # items held in memory by a SpilledLists before they go to disk


class SpilledLists(Generic[T]):
    """Lists under names, each appended to in order, that keep at most `spill_at` items in memory in all: past that,
    what is in memory goes to disk and only the order is remembered. A whole-run check keeps a row per segment here
    (where it is, to report it later), which for a million segments would otherwise be a million tuples."""

    def __init__(self, prefix: str = "termcheck-lists-", spill_at: int | None = None) -> None:
        self._prefix = prefix
        self._spill_at = SPILL_AT if spill_at is None else spill_at
        self._memory: dict[str, list[T]] = {}
        self._held = 0
        self._keys: dict[str, int] = {}
        self._disk: SpillFile[T] | None = None

    def extend(self, name: str, items: Sequence[T]) -> None:
        self._memory.setdefault(name, []).extend(items)
        self._held += len(items)
        if self._held >= self._spill_at:
            self._spill()

    def _spill(self) -> None:
        if self._disk is None:
            self._disk = SpillFile(self._prefix)
        for name, items in self._memory.items():
            self._disk.add(self._keys.setdefault(name, len(self._keys)), items)
        self._memory = {}
        self._held = 0

    def read(self, name: str) -> Iterator[T]:
        """The items under `name` in the order they were added."""
        if self._disk is not None and name in self._keys:
            yield from self._disk.read(self._keys[name])
        yield from self._memory.get(name, ())

    @property
    def spilled(self) -> bool:
        return self._disk is not None

    def close(self) -> None:
        if self._disk is not None:
            self._disk.close()
            self._disk = None
        self._memory, self._keys, self._held = {}, {}, 0
