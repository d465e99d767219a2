"""`termcheck review apply`: the editor's False positive / Won't fix rows become suppressions."""

from __future__ import annotations

import os
from dataclasses import dataclass

from termcheck.core.atomic import OutputBatch, refuse_overwriting_inputs
from termcheck.core.errors import InputError
from termcheck.core.suppression import IGNORE_FILE, Suppression, Suppressions
from termcheck.project.suppressions import load_suppressions, save_suppressions
from termcheck.review.decisions import deciding_rows
from termcheck.writers.xlsx.layout import Status
from termcheck.writers.xlsx.reviewed import Review, ReviewRow, read_review


@dataclass(frozen=True)
class ApplyResult:
    ignore_file: str
    added: int
    updated: int
    removed: int  # the editor set a suppressed finding back to another status
    total: int  # suppressions in the file now
    skipped: tuple[int, ...] = ()  # the numbers of rows without a finding id
    # rows whose status is none of the drop-down's ("FP"): (row number, status as typed); read as Open
    unknown: tuple[tuple[int, str], ...] = ()
    written: bool = True  # False where nothing changed: the ignore file is left as it was (or not created)


def _suppression(row: ReviewRow, path: str) -> Suppression:
    if not row.segment_hash:
        raise InputError(path, f"row {row.row} (finding {row.id}) has no segment hash; was the column cleared?")
    return Suppression(row.id, row.segment_hash, row.file, row.segment, row.code, row.status, row.found, row.comment)


def apply_review(workbook: str, ignore_file: str = IGNORE_FILE, batch: OutputBatch | None = None) -> ApplyResult:
    """Merge a reviewed workbook into an ignore file; suppressions for findings not in it are kept. Where
    that changes nothing, nothing is written: an untouched report creates no ignore file. Two rows of one finding
    with different decisions are a UsageError (termcheck.review.decisions)."""
    refuse_overwriting_inputs(ignore_file, [workbook])
    review: Review = read_review(workbook)
    rows = deciding_rows(review)
    current = load_suppressions(ignore_file) if os.path.exists(ignore_file) else Suppressions(path=ignore_file)
    entries = dict(current.entries)
    added = updated = removed = 0
    for row in rows:
        if Status(row.status).suppresses:
            entry = _suppression(row, workbook)
            previous = entries.get(row.id)
            if previous is None:
                added += 1
            elif previous != entry:
                updated += 1
            entries[row.id] = entry
        elif row.id in entries:
            del entries[row.id]
            removed += 1
    written = bool(added or updated or removed)
    if written:
        save_suppressions(ignore_file, entries.values(), batch)
    return ApplyResult(ignore_file, added, updated, removed, len(entries), review.skipped, review.unknown, written)
