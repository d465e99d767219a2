"""`termcheck review apply|summary`: an editor's decisions in a workbook, read back."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from termcheck.cli.errors import exit_codes

review_app = typer.Typer(help="Read an editor's decisions back from a termcheck workbook.", no_args_is_help=True)


@review_app.command("apply")
@exit_codes
def apply_command(
    workbook: Annotated[Path, typer.Argument(help="A workbook written by `termcheck check --xlsx`.")],
    ignore_file: Annotated[
        Path | None,
        typer.Option(
            "--ignore-file",
            help="Suppressions file to update, created if missing. "
            "\\[default: ignore-file in termcheck.toml, else .termcheck-ignore at the project root]",
        ),
    ] = None,
    write_fixed: Annotated[
        Path | None,
        typer.Option(
            "--write-fixed",
            help="Also write corrected copies of the checked documents into this folder, with every row marked "
            "Apply fix applied (its Correction, or the suggested fix).",
        ),
    ] = None,
) -> None:
    """Turn rows marked False positive or Won't fix into suppressions that later checks skip; with --write-fixed,
    turn rows marked Apply fix into corrected copies of the documents."""
    from termcheck.cli.summaries import apply_line, review_fix_lines, unknown_status_line
    from termcheck.core.atomic import OutputBatch
    from termcheck.project.config import load_config
    from termcheck.project.inputs import default_ignore_file
    from termcheck.readers import FieldNames
    from termcheck.review import apply_review
    from termcheck.review.fixes import write_review_fixes
    from termcheck.writers.xlsx.reviewed import read_review

    project = load_config()
    path = default_ignore_file(project.settings, project.root) if ignore_file is None else str(ignore_file)
    with OutputBatch() as batch:  # the corrected copies and the ignore file: all written, or none
        if write_fixed is not None:  # first: two corrections that disagree stop everything, suppressions included
            settings = project.settings
            fields = FieldNames(settings.id_column, settings.source_column, settings.target_column)
            fixes = write_review_fixes(
                read_review(str(workbook)), str(write_fixed), project.root, fields, settings.encoding, batch
            )
        result = apply_review(str(workbook), path, batch)
    print(apply_line(result, str(workbook)), file=sys.stderr)
    if write_fixed is not None:
        for line in review_fix_lines(fixes, str(workbook), str(write_fixed)):
            print(line, file=sys.stderr)
    if result.unknown:
        print(unknown_status_line(str(workbook), result.unknown), file=sys.stderr)


@review_app.command("summary")
@exit_codes
def summary_command(
    workbook: Annotated[Path, typer.Argument(help="A workbook written by `termcheck check --xlsx`.")],
    output_format: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
) -> None:
    """Count findings by review status, to track a review's progress."""
    from termcheck.cli.summaries import unknown_status_line
    from termcheck.core.errors import UsageError
    from termcheck.review import summarize_review

    if output_format not in ("text", "json"):
        raise UsageError(f"unknown format {output_format!r} (use text, json)")
    summary = summarize_review(str(workbook))
    if summary.unknown:
        print(unknown_status_line(str(workbook), summary.unknown), file=sys.stderr)
    if output_format == "json":
        payload = {
            "workbook": summary.path,
            "findings": summary.total,
            "reviewed": summary.reviewed,
            "by_status": summary.by_status,
            "by_check": summary.by_check,
            "fixes": {"applicable": summary.fixes_applicable, "skipped": summary.fixes_skipped},
            "unknown_statuses": [{"row": row, "status": status} for row, status in summary.unknown],
        }
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    width = max(len(s) for s in summary.by_status)
    for status, count in summary.by_status.items():
        print(f"{status:<{width}}  {count:>6}")
    print(f"{'total':<{width}}  {summary.total:>6}")
    for code, counts in summary.by_check.items():
        detail = ", ".join(f"{status} {n}" for status, n in counts.items())
        print(f"{code}: {detail}")
    if summary.fixes_applicable or summary.fixes_skipped:
        print(
            f"Apply fix: {summary.fixes_applicable} can be applied to the documents as they are now, "
            f"{summary.fixes_skipped} would be skipped (`review apply --write-fixed DIR` says why)"
        )
    done = 100 * summary.reviewed / summary.total if summary.total else 100.0
    print(f"{summary.reviewed} of {summary.total} findings reviewed ({done:.0f}%)", file=sys.stderr)
