"""The segments of a run as they were read, kept on disk: what makes a report a snapshot.

The Excel report's Segments sheet and the reference scores need every segment's text after the check.
Reading the inputs again would mix old findings with new text if a file changed meanwhile; keeping a
million segments in memory would cost a gigabyte. So the run writes each partition's segments, pickled,
to an unnamed temporary file as it reads them (deleted with the store) and reads them back from there.
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Iterator, Sequence

from termcheck.model import Segment


class SegmentStore:
    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile(prefix="termcheck-segments-")  # noqa: SIM115 (closed with the store)
        self._blocks: dict[int, list[tuple[int, int]]] = {}  # document index → (offset, length) of its blocks

    def add(self, document: int, segments: Sequence[Segment]) -> None:
        data = pickle.dumps(list(segments), protocol=pickle.HIGHEST_PROTOCOL)
        self._file.seek(0, 2)
        self._blocks.setdefault(document, []).append((self._file.tell(), len(data)))
        self._file.write(data)

    def read(self, document: int) -> Iterator[Segment]:
        """The document's segments in the order they were read."""
        for offset, length in list(self._blocks.get(document, ())):
            self._file.seek(offset)
            block: list[Segment] = pickle.loads(self._file.read(length))
            yield from block
