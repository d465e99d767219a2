"""The findings of a run, kept in memory while few and spilled to a temporary file when many.

A translation memory of a million segments can have a million findings: a gigabyte of objects.
The store keeps the first `spill_at` in a list and moves every further block to the spill store
(termcheck.core.spill: an unnamed temporary file, deleted with the store), so memory stays flat however big
the run. It reads like a list: `len`, iteration (as often as wanted, streaming from disk), indexing and
equality with a list.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, overload

from termcheck.core.model import Finding
from termcheck.core.spill import SpillFile

SPILL_AT = 50_000
BLOCK = 5_000
SortKey = Callable[[Finding], Any]


class FindingStore(Sequence[Finding]):
    def __init__(self, findings: Iterable[Finding] = (), spill_at: int = SPILL_AT, block: int = BLOCK) -> None:
        self._spill_at = spill_at
        self._block = block
        self._memory: list[Finding] = []
        self._head: list[Finding] = []  # once spilled: the first findings, which stay in memory
        self._file: SpillFile[Finding] | None = None
        self.extend(findings)

    def _full(self) -> bool:
        return len(self._memory) >= (self._block if self._file is not None else self._spill_at + self._block)

    def append(self, finding: Finding) -> None:
        self._memory.append(finding)
        if self._full():
            self._spill()

    def extend(self, findings: Iterable[Finding]) -> None:
        if isinstance(findings, list):
            self._memory.extend(findings)
            if self._full():
                self._spill()
        else:  # a stream, perhaps bigger than memory
            for finding in findings:
                self.append(finding)

    @property
    def spilled(self) -> bool:
        return self._file is not None

    def _spill(self) -> None:
        """Keep the first `spill_at` findings in memory, write later ones to disk in blocks."""
        rest = self._memory
        if self._file is None:
            self._file = SpillFile("termcheck-findings-")  # deleted with the store
            self._head, rest = rest[: self._spill_at], rest[self._spill_at :]
        for i in range(0, len(rest), self._block):
            self._file.add(0, rest[i : i + self._block])
        self._memory = []

    def __len__(self) -> int:
        return len(self._head) + self._file.count + len(self._memory) if self._file is not None else len(self._memory)

    def __iter__(self) -> Iterator[Finding]:
        if self._file is None:
            yield from list(self._memory)  # a copy: appending while iterating must not change what is read
            return
        yield from self._head
        yield from self._file.read()
        yield from list(self._memory)

    @overload
    def __getitem__(self, index: int) -> Finding: ...
    @overload
    def __getitem__(self, index: slice) -> list[Finding]: ...
    def __getitem__(self, index: int | slice) -> Finding | list[Finding]:
        if self._file is None:
            return self._memory[index]
        return list(self)[index]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (FindingStore, list)):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        where = f", {self._file.count} on disk" if self._file is not None else ""
        return f"FindingStore({len(self)} findings{where})"

    def __getstate__(self) -> dict[str, Any]:
        # pickled (sent to another process): as a plain list
        return {"findings": list(self), "spill_at": self._spill_at, "block": self._block}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["findings"], state["spill_at"], state["block"])  # type: ignore[misc]


def merged(store: FindingStore, more: Sequence[Finding], key: SortKey) -> FindingStore:
    """`store` (already in `key` order) with `more` merged in, as a stable sort of both would place them."""
    if not more:
        return store
    if not store.spilled:
        return FindingStore(sorted([*store, *more], key=key), store._spill_at, store._block)
    return FindingStore(heapq.merge(store, sorted(more, key=key), key=key), store._spill_at, store._block)
