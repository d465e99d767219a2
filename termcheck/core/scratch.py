"""The temporary files of a run, in the system's temporary folder (TMPDIR): the spill store (spilled findings, the
segments snapshot, the rows of repeated segments), the workbook's sheets, a corrected copy read back. A full or
unwritable temporary folder ends the run with one line naming it, never as an internal error."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import BinaryIO

from termcheck.core.errors import RunError


@contextmanager
def scratch_errors() -> Iterator[None]:
    """Around what writes (or reads back) temporary files, and nothing else: an OSError there is the folder's."""
    try:
        yield
    except OSError as exc:
        raise RunError(
            f"{tempfile.gettempdir()}: cannot write temporary files: {exc.strerror or exc} "
            "(set TMPDIR to a folder with room)"
        ) from None


def scratch_file(prefix: str) -> BinaryIO:
    """An unnamed temporary file (deleted when closed)."""
    with scratch_errors():
        return tempfile.TemporaryFile(prefix=prefix)
