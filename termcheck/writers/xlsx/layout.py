"""What a termcheck workbook looks like: sheet names, column headers, review statuses.

Shared by the writer and by `termcheck review`, which reads the editor's decisions back by header
name, so a workbook the editor re-sorted or extended with columns still reads correctly.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

SUMMARY = "Summary"
FINDINGS = "Findings"
TERMS = "Terms"
SEGMENTS = "Segments"
INPUTS = "Inputs"  # hidden: the files a report was made from, for `review apply --write-fixed`
TITLE = "termcheck report"

ID = "Finding ID"
STATUS = "Status"
COMMENT = "Comment"
CORRECTION = "Correction"  # the editor's corrected target for the segment, applied with the status Apply fix
SEGMENT_HASH = "Segment hash"
TARGET_SPAN = "Target span"  # hidden: where the finding is in the target, for its fix
ROW_CHECK = "Row check"  # hidden: a digest of the cells a fix reads, to see they still belong together (row_check)
FINDINGS_COLUMNS = (
    ID,
    "Severity",
    "Code",
    "Check",
    "File",
    "Segment",
    "Line",
    "Source",
    "Target",
    "Found",
    "Expected",
    "Message",
    STATUS,
    COMMENT,
    CORRECTION,
    SEGMENT_HASH,
    TARGET_SPAN,
    ROW_CHECK,
)
INPUTS_COLUMNS = ("Document", "Format", "Source file", "Target file")
SEGMENTS_COLUMNS = ("File", "Segment", "Line", "Source", "Target", "Findings", "Codes")
TERMS_COLUMNS = (
    "Concept",
    "Chinese",
    "Preferred English",
    "In source",
    "Renderings found",
    "Preferred %",
    "Findings",
    "By check",
)


class Status(Enum):
    """The review statuses: the Status column's drop-down, and what `termcheck review` reads back. Any other
    text in the column is no decision: the row is Open, and named."""

    OPEN = "Open"
    APPLY_FIX = "Apply fix"  # `review apply --write-fixed` applies the suggested fix, or the row's Correction
    FIXED = "Fixed"
    ACCEPTED = "Accepted"
    FALSE_POSITIVE = "False positive"  # this one and Won't fix become suppressions with `review apply`
    WONT_FIX = "Won't fix"

    @property
    def suppresses(self) -> bool:
        return self in (Status.FALSE_POSITIVE, Status.WONT_FIX)

    @classmethod
    def read(cls, typed: str) -> Status | None:
        """The status an editor typed, in any case and spacing and with a typographic apostrophe (Excel's
        autocorrect); a blank cell is Open; None for anything else."""
        key = " ".join(typed.split()).lower().replace("\u2019", "'")
        return _BY_KEY.get(key) if key else cls.OPEN


_BY_KEY = {status.value.lower(): status for status in Status}
OPEN = Status.OPEN.value
APPLY_FIX = Status.APPLY_FIX.value
STATUSES = tuple(status.value for status in Status)

MAX_ROWS = 1_048_576  # Excel's sheet limit, header included


# openpyxl's write-only worksheet, typed loosely: its class lives in a private module (openpyxl.worksheet.
# _write_only), and termcheck uses only its public attributes (column_dimensions, freeze_panes, auto_filter,
# data_validations, page_setup, print_title_rows, add_chart)
Sheet = Any
