"""The segments of a run as they were read, kept on disk: what makes a report a snapshot.

The Excel report's Segments sheet and the reference scores need every segment's text after the check.
Reading the inputs again would mix old findings with new text if a file changed meanwhile; keeping a
million segments in memory would cost a gigabyte. So the run writes each partition's segments, pickled,
to an unnamed temporary file as it reads them (deleted with the store) and reads them back from there.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterator, Sequence

from termcheck.core.model import Segment
from termcheck.core.scratch import scratch_errors, scratch_file


class SegmentStore:
    def __init__(self) -> None:
        self._file = scratch_file("termcheck-segments-")  # closed with the store
        self._blocks: dict[int, list[tuple[int, int]]] = {}  # document index → (offset, length) of its blocks

    def add(self, document: int, segments: Sequence[Segment]) -> None:
        data = pickle.dumps(list(segments), protocol=pickle.HIGHEST_PROTOCOL)
        with scratch_errors():
            self._file.seek(0, 2)
            offset = self._file.tell()
            self._file.write(data)
        self._blocks.setdefault(document, []).append((offset, len(data)))

    def read(self, document: int) -> Iterator[Segment]:
        """The document's segments in the order they were read."""
        for offset, length in list(self._blocks.get(document, ())):
            with scratch_errors():
                self._file.seek(offset)
                data = self._file.read(length)
            block: list[Segment] = pickle.loads(data)
            yield from block
