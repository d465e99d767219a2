"""One-line messages for stderr about files a command wrote."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported for types only: openpyxl is not loaded for `termcheck --help`
    from termcheck.fixes.project import FixRun
    from termcheck.review import ApplyResult
    from termcheck.review.fixes import ReviewFixes
    from termcheck.writers.xlsx import WorkbookResult


def workbook_line(result: WorkbookResult) -> str:
    line = f"wrote {result.path}"
    if result.carried_over:
        line += f" (kept {result.carried_over} review decisions from the report it replaced)"
    cut = [f"{n:,} {what}" for n, what in ((result.findings_cut, "findings"), (result.segments_cut, "segments")) if n]
    if cut:
        line += f"; not shown, over the sheet row limit: {' and '.join(cut)}"
    return line


def apply_line(result: ApplyResult, workbook: str) -> str:
    """What `review apply` did to the ignore file (or why it left it alone), and the rows it skipped."""
    total = f"{result.total} suppression{'s' if result.total != 1 else ''} in all"
    if result.written:
        line = (
            f"{result.ignore_file}: {result.added} added, {result.updated} updated, {result.removed} removed; {total}"
        )
    elif result.total:
        line = f"{result.ignore_file}: unchanged; {total}"
    else:
        line = f"{workbook}: no row is marked False positive or Won't fix; {result.ignore_file} not written"
    if result.skipped:
        have = "has" if len(result.skipped) == 1 else "have"
        line += f" ({row_numbers(result.skipped)} {have} no finding id: skipped)"
    return line


def unknown_status_line(workbook: str, unknown: Sequence[tuple[int, str]], shown: int = 5) -> str:
    """The warning for rows whose status is none of the drop-down's, which every review command reads as Open."""
    from termcheck.writers.xlsx.layout import STATUSES

    rows = ", ".join(f'row {row} "{status}"' for row, status in unknown[:shown])
    more = f" and {len(unknown) - shown} more" if len(unknown) > shown else ""
    return (
        f"termcheck: warning: {workbook}: {plural(len(unknown), 'row')} with a status termcheck does not know "
        f"({rows}{more}), read as Open; use the drop-down: {', '.join(STATUSES)}"
    )


def row_numbers(numbers: Sequence[int], shown: int = 10) -> str:
    """ "row 4", "rows 4 and 9", "rows 4, 9, 12 and 30 more" """
    if len(numbers) == 1:
        return f"row {numbers[0]}"
    listed = [str(n) for n in numbers[:shown]]
    last = f"{len(numbers) - shown} more" if len(numbers) > shown else listed.pop()
    return f"rows {', '.join(listed)} and {last}"


def fix_lines(run: FixRun, written: bool) -> list[str]:
    """What `termcheck fix` did, file by file, then in one line."""
    import os

    lines = [f"termcheck: skipped {note}" for note in run.skipped] + [f"termcheck: note: {n}" for n in run.notes]
    for fixed in run.files:
        applied = sum(len(c.fixes) for c in fixed.changed if c not in fixed.left_out)
        segments = len(fixed.changed) - len(fixed.left_out)
        if segments:
            where = os.path.relpath(fixed.output) if written else fixed.name
            lines.append(f"{where}: {plural(applied, 'fix')} in {segments} of {fixed.segments} segments")
        for left in fixed.left_out:
            lines.append(f"{fixed.name}: segment {left.segment.id} not changed: {left.refused}; make it by hand")
        if fixed.unfixed:
            shown = ", ".join(f'{f.code} "{f.found}" (line {f.line})' for f in fixed.unfixed[:3])
            more = f" and {len(fixed.unfixed) - 3} more" if len(fixed.unfixed) > 3 else ""
            count = plural(len(fixed.unfixed), "finding")
            lines.append(f"{fixed.name}: {count} with no safe fix, left for a person: {shown}{more}")
    counts = run.count()
    by_code = ", ".join(f"{code} {n}" for code, n in sorted(counts.items()))
    verb = "applied" if written else "to apply (nothing written)"
    files = sum(1 for f in run.files if len(f.changed) > len(f.left_out))
    detail = f" ({by_code})" if by_code else ""
    lines.append(f"{plural(sum(counts.values()), 'fix')} {verb} in {plural(files, 'file')}{detail}")
    return lines


def plural(count: int, noun: str, many: str = "") -> str:
    """ "1 fix", "2 fixes"; `many` for a plural of another shape ("glossaries")."""
    if count == 1:
        return f"{count} {noun}"
    return f"{count} {many or noun + ('es' if noun.endswith('x') else 's')}"


def review_fix_lines(fixes: ReviewFixes, workbook: str, folder: str, shown: int = 10) -> list[str]:
    """What `review apply --write-fixed` wrote, and each row it skipped (by its number), with why."""
    import os

    if not fixes.applied and not fixes.skipped:
        return [f"{workbook}: no row is marked Apply fix; nothing written to {folder}"]
    lines = [f"wrote {os.path.relpath(path)}" for path in fixes.written]
    lines += [f"row {n.row} ({n.file}, segment {n.segment}): {n.note}" for n in fixes.notes]
    skipped = sorted(fixes.skipped, key=lambda s: s.row)
    for row in skipped[:shown]:
        lines.append(f"skipped row {row.row} ({row.file}, segment {row.segment}): {row.reason}")
    if len(skipped) > shown:
        lines.append(f"… and {len(skipped) - shown} more rows skipped")
    lines.append(
        f"{plural(len(fixes.applied), 'row')} marked Apply fix applied, {len(fixes.skipped)} skipped, "
        f"{plural(len(fixes.written), 'file')} written"
    )
    return lines
