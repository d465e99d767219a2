"""The report a new workbook replaces: the editor's decisions in it, and what identifies the file as read.

A rerun of `check --xlsx` keeps an editor's Status, Comment and Correction. Where each text stood in that
report (`copies`) tells a decision on repeated text from one on its copy (`repeated_text`). Its identity (inode,
size, modification time) is taken before it is read, so a save the editor makes while the new workbook is built
is noticed before the file is replaced (`changed`), never overwritten.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from termcheck.core.errors import InputError, UsageError
from termcheck.core.suppression import Suppression, Suppressions
from termcheck.writers.xlsx.layout import OPEN
from termcheck.writers.xlsx.repeated_text import Copies

Identity = tuple[int, int, int, int]  # device, inode, size, modification time (ns)


def identity(path: str) -> Identity | None:
    """The file's identity; None where there is no file (or none that can be read: writing there says why)."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return (stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns)


@dataclass
class EarlierReport:
    path: str
    decisions: Suppressions
    corrections: dict[str, str] = field(default_factory=dict)  # by decision id
    rows: dict[str, int] = field(default_factory=dict)  # decision id → its row number in the report
    copies: Copies = field(default_factory=Copies)  # where each text stood: the segments of its rows
    read_as: Identity | None = None  # the file's identity when it was read (None: there was none)

    def changed(self) -> bool:
        """Whether the file is not the one read: saved (or created, or removed) since."""
        return identity(self.path) != self.read_as


@dataclass(frozen=True)
class LeftOpen:
    """An earlier decision not carried over though its text is still there (repeated text whose copies moved)."""

    row: int  # in the earlier report
    decision: Suppression
    reason: str
    correction: str = ""

    def describe(self, path: str) -> str:
        """One line: the row, what was decided on it (so that it can be decided again), and why it is left Open."""
        d = self.decision
        line = f'{path} row {self.row} ({d.file}, segment {d.segment}, {d.code} "{d.found}", {d.status}): '
        line += f"not kept, left Open: {self.reason}"
        said = [
            (name, " ".join(text.split())) for name, text in (("Comment", d.comment), ("Correction", self.correction))
        ]
        return line + "".join(f'; its {name} was "{text}"' for name, text in said if text)


def read_earlier(path: str) -> EarlierReport:
    """An editor's statuses, comments and corrections in the report about to be replaced, so a rerun keeps them.
    A file there that is not a termcheck report is a UsageError: it is left alone."""
    from termcheck.writers.xlsx.reviewed import read_review

    read_as = identity(path)
    if read_as is None:
        return EarlierReport(path, Suppressions(path=path))
    try:
        review = read_review(path)
    except InputError as exc:
        raise UsageError(
            f"{path}: exists and is not a termcheck report ({exc.reason}); refusing to replace it"
        ) from None
    # a status termcheck does not know is read as Open, but the cell keeps what the editor typed
    decided = [row for row in review.rows if row.status != OPEN or row.unknown_status or row.comment or row.correction]
    decisions = Suppressions(
        (
            Suppression(
                r.id, r.segment_hash, r.file, r.segment, r.code, r.unknown_status or r.status, r.found, r.comment
            )
            for r in decided
        ),
        path,
    )
    return EarlierReport(
        path,
        decisions,
        {r.id: r.correction for r in decided if r.correction},
        {r.id: r.row for r in decided},
        Copies((r.file, r.segment_hash, r.segment) for r in review.rows),
        read_as,
    )
