"""One-line messages for stderr about files a command wrote."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported for types only: openpyxl is not loaded for `termcheck --help`
    from termcheck.review import ApplyResult
    from termcheck.writers.xlsx import WorkbookResult


def workbook_line(result: WorkbookResult) -> str:
    line = f"wrote {result.path}"
    if result.carried_over:
        line += f" (kept {result.carried_over} review decisions from the report it replaced)"
    cut = [f"{n:,} {what}" for n, what in ((result.findings_cut, "findings"), (result.segments_cut, "segments")) if n]
    if cut:
        line += f"; not shown, over the sheet row limit: {' and '.join(cut)}"
    return line


def apply_line(result: ApplyResult) -> str:
    line = (
        f"{result.ignore_file}: {result.added} added, {result.updated} updated, {result.removed} removed; "
        f"{result.total} suppression{'s' if result.total != 1 else ''} in all"
    )
    if result.skipped:
        line += f" ({result.skipped} rows without a finding id skipped)"
    return line
