"""The segments of a run as they were read, kept on disk: what makes a report a snapshot.

The Excel report's Segments sheet and the reference scores need every segment's text after the check.
Reading the inputs again would mix old findings with new text if a file changed meanwhile; keeping a
million segments in memory would cost a gigabyte. So the run writes each partition's segments to the
spill store (termcheck.core.spill) as it reads them, filed under their document's index, and reads them
back from there.
"""

from __future__ import annotations

from termcheck.core.model import Segment
from termcheck.core.spill import SpillFile


class SegmentStore(SpillFile[Segment]):
    """`add(document, segments)` as they are read; `read(document)`: its segments in the order they were read."""

    def __init__(self) -> None:
        super().__init__("termcheck-segments-")
