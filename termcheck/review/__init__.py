"""The review round trip: an editor's decisions in a termcheck workbook, read back."""

from termcheck.review.apply import ApplyResult, apply_review
from termcheck.review.summary import ReviewSummary, summarize_review
from termcheck.writers.xlsx.reviewed import Review, ReviewRow, read_review

__all__ = ["ApplyResult", "Review", "ReviewRow", "ReviewSummary", "apply_review", "read_review", "summarize_review"]
