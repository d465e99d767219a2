"""`termcheck review summary`: how far a review has got, by status and by check."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from termcheck.writers.xlsx.layout import APPLY_FIX, OPEN, STATUSES
from termcheck.writers.xlsx.reviewed import read_review


@dataclass(frozen=True)
class ReviewSummary:
    path: str
    by_status: dict[str, int]  # every status (a row with a status termcheck does not know counts as Open)
    by_check: dict[str, dict[str, int]]
    total: int
    skipped: tuple[int, ...]  # the numbers of rows without a finding id
    # rows marked Apply fix: how many would go into corrected copies now, and how many would be skipped
    fixes_applicable: int = 0
    fixes_skipped: int = 0
    unknown: tuple[tuple[int, str], ...] = ()  # (row number, status as typed) of rows read as Open

    @property
    def reviewed(self) -> int:
        return self.total - self.by_status.get(OPEN, 0)


def summarize_review(workbook: str) -> ReviewSummary:
    from termcheck.review.fixes import plan_review_fixes

    review = read_review(workbook)
    plan = plan_review_fixes(review) if any(row.status == APPLY_FIX for row in review.rows) else None
    statuses = Counter(row.status for row in review.rows)
    by_check: dict[str, Counter[str]] = {}
    for row in review.rows:
        by_check.setdefault(row.code, Counter())[row.status] += 1
    return ReviewSummary(
        path=workbook,
        by_status={s: statuses[s] for s in STATUSES},
        by_check={code: dict(counts) for code, counts in sorted(by_check.items())},
        total=len(review.rows),
        skipped=review.skipped,
        fixes_applicable=len(plan.applied) if plan else 0,
        fixes_skipped=len(plan.skipped) if plan else 0,
        unknown=review.unknown,
    )
