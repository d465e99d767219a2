"""One-line messages for stderr about files a command wrote."""

from __future__ import annotations

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


def apply_line(result: ApplyResult) -> str:
    line = (
        f"{result.ignore_file}: {result.added} added, {result.updated} updated, {result.removed} removed; "
        f"{result.total} suppression{'s' if result.total != 1 else ''} in all"
    )
    if result.skipped:
        line += f" ({result.skipped} rows without a finding id skipped)"
    return line


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
            lines.append(
                f"{fixed.name}: segment {left.segment.id} not changed: "
                "the fix would cross an inline code; make it by hand"
            )
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


def review_fix_lines(fixes: ReviewFixes, shown: int = 10) -> list[str]:
    """What `review apply --write-fixed` wrote, and each row it skipped, with why."""
    import os

    lines = [f"wrote {os.path.relpath(path)}" for path in fixes.written]
    for skipped in fixes.skipped[:shown]:
        where = f"row {skipped.row}" if skipped.row else "a row"
        lines.append(f"skipped {where} ({skipped.file}, segment {skipped.segment}): {skipped.reason}")
    if len(fixes.skipped) > shown:
        lines.append(f"… and {len(fixes.skipped) - shown} more rows skipped")
    lines.append(
        f"{plural(len(fixes.applied), 'row')} marked Apply fix applied, {len(fixes.skipped)} skipped, "
        f"{plural(len(fixes.written), 'file')} written"
    )
    return lines
