"""`termcheck check`: parse options, call the library, write reports, pick the exit code."""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import Annotated

import typer

from termcheck.cli.errors import EXIT_CLEAN, EXIT_FINDINGS, exit_codes
from termcheck.cli.options import parse_fail_on, parse_mapping, split_codes
from termcheck.cli.progress import progress_bar
from termcheck.cli.summaries import workbook_line


@exit_codes
def check_command(
    files: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Documents to check (.txt English lines, .tsv, .csv, .xlf, .tmx, .jsonl).", show_default=False
        ),
    ] = None,
    source: Annotated[
        Path | None, typer.Option("--source", help="Chinese source, one segment per line (with --target).")
    ] = None,
    target: Annotated[
        Path | None, typer.Option("--target", help="English target: line-aligned with --source, or alone.")
    ] = None,
    glossary: Annotated[
        list[Path] | None, typer.Option("--glossary", "-g", help="Glossary (.csv, .tsv, .xlsx, .tbx); repeatable.")
    ] = None,
    output_format: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the report here instead of stdout (atomically).")
    ] = None,
    reference: Annotated[
        list[Path] | None,
        typer.Option("--reference", "-r", help="Reference translation, line-aligned with the target: adds scores."),
    ] = None,
    xlsx: Annotated[
        Path | None,
        typer.Option("--xlsx", help="Also write an Excel workbook for review (keeps an earlier report's decisions)."),
    ] = None,
    fail_on: Annotated[
        str, typer.Option("--fail-on", help="Exit 1 on findings at or above: error, warning, info; never: exit 0.")
    ] = "error",
    select: Annotated[
        list[str] | None,
        typer.Option("--select", help="Only these checks (codes, prefixes or names; comma-separated)."),
    ] = None,
    ignore: Annotated[list[str] | None, typer.Option("--ignore", help="Skip these checks.")] = None,
    encoding: Annotated[
        str | None, typer.Option("--encoding", help="Input encoding (default: BOM, else UTF-8, else GB18030).")
    ] = None,
    input_format: Annotated[
        str | None, typer.Option("--input-format", help="Override detection: text, tsv, csv, xliff, tmx, jsonl.")
    ] = None,
    id_column: Annotated[
        str | None, typer.Option("--id-column", help="TSV/CSV column or JSONL key of the segment id.")
    ] = None,
    source_column: Annotated[
        str | None, typer.Option("--source-column", help="TSV/CSV column or JSONL key of the Chinese source.")
    ] = None,
    target_column: Annotated[
        str | None, typer.Option("--target-column", help="TSV/CSV column or JSONL key of the English target.")
    ] = None,
    glossary_column: Annotated[
        list[str] | None, typer.Option("--glossary-column", help="Map a glossary column: en=English (repeatable).")
    ] = None,
    deprecated_everywhere: Annotated[
        bool,
        typer.Option("--deprecated-everywhere", help="Flag deprecated terms even where the source lacks the concept."),
    ] = False,
    allow_untranslated: Annotated[
        list[str] | None,
        typer.Option("--allow-untranslated", help="Regex of Chinese text kept in the target on purpose (repeatable)."),
    ] = None,
    ignore_file: Annotated[
        Path | None,
        typer.Option(
            "--ignore-file", help="Suppressions from `termcheck review apply` [default: .termcheck-ignore if present]."
        ),
    ] = None,
    no_ignore_file: Annotated[
        bool, typer.Option("--no-ignore-file", help="Report every finding, even suppressed ones.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary or progress on stderr.")] = False,
) -> None:
    """Check English MT output (with or without its Chinese source) against glossaries."""
    from termcheck.api import check
    from termcheck.atomic import refuse_overwriting_inputs, write_text_atomically
    from termcheck.errors import UsageError
    from termcheck.readers import FieldNames
    from termcheck.suppressions import load_default_suppressions
    from termcheck.writers import get_writer
    from termcheck.writers.text import summary_line

    if not glossary:
        raise UsageError("give at least one --glossary")
    level = parse_fail_on(fail_on)
    writer = get_writer(output_format)
    inputs = [str(p) for p in [*(files or []), *(glossary or []), *(reference or []), source, target, ignore_file] if p]
    for report_path in (output, xlsx):
        if report_path is not None:
            refuse_overwriting_inputs(str(report_path), inputs)
    if output is not None and xlsx is not None and output.resolve() == xlsx.resolve():
        raise UsageError("--output and --xlsx name the same file")
    suppressions = None if no_ignore_file else load_default_suppressions(str(ignore_file) if ignore_file else None)
    with progress_bar(enabled=not quiet) as advance:
        report = check(
            [str(f) for f in files or []],
            glossary=[str(g) for g in glossary],
            source=str(source) if source else None,
            target=str(target) if target else None,
            select=split_codes(select),
            ignore=split_codes(ignore),
            deprecated_everywhere=deprecated_everywhere,
            allow_untranslated=allow_untranslated or (),
            encoding=encoding,
            input_format=input_format,
            fields=FieldNames(id_column, source_column, target_column),
            glossary_columns=parse_mapping(glossary_column, "--glossary-column"),
            progress=advance,
            suppressions=suppressions,
            references=[str(r) for r in reference or []],
        )
    report.options["fail on"] = fail_on
    if output is None:
        writer.write(report, sys.stdout)
    else:
        buffer = io.StringIO()
        writer.write(report, buffer)
        write_text_atomically(str(output), buffer.getvalue())
    if xlsx is not None:
        from termcheck.writers.xlsx import save_workbook

        saved = save_workbook(report, str(xlsx), inputs)
        if not quiet:
            print(workbook_line(saved), file=sys.stderr)
    if not quiet:
        print(summary_line(report), file=sys.stderr)
    raise typer.Exit(EXIT_FINDINGS if report.fails(level) else EXIT_CLEAN)
