"""One decision per finding: rows of a workbook that name one finding id must not disagree.

An editor may copy a row (to keep a note beside it, say) and set the copy to another status. Applying both would
write a fix and a suppression for one finding, or let whichever row comes last win; `review apply` refuses that
instead, naming both rows. Identical copies agree, and a copy left Open decides nothing.
"""

from __future__ import annotations

from termcheck.core.errors import UsageError
from termcheck.writers.xlsx.layout import OPEN
from termcheck.writers.xlsx.reviewed import Review, ReviewRow


def deciding_rows(review: Review) -> list[ReviewRow]:
    """One row per finding, in sheet order: the first that is not Open, else the first. UsageError where two rows
    of one finding have different statuses, neither of them Open."""
    chosen: dict[str, ReviewRow] = {}
    for row in review.rows:
        seen = chosen.get(row.id)
        if seen is None or (seen.status == OPEN and row.status != OPEN):
            chosen[row.id] = row
        elif row.status not in (OPEN, seen.status):
            raise UsageError(
                f"{review.path}: rows {seen.row} and {row.row} are one finding ({row.id}) with different decisions "
                f"({seen.status}, {row.status}); keep one"
            )
    return list(chosen.values())
