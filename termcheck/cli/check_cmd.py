"""`termcheck check`: parse options, call the library, write reports, pick the exit code."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from termcheck.cli.errors import EXIT_CLEAN, EXIT_FINDINGS, exit_codes, non_negative
from termcheck.cli.options import load_project, parse_fail_on, parse_mapping, parse_severities, split_codes
from termcheck.cli.progress import progress_bar
from termcheck.cli.summaries import workbook_line

REPORTS = "Reports"
INPUTS = "Inputs"
CHECKS = "Checks"
CONFIG = "Configuration"


def _tuple(values: list[str] | None) -> tuple[str, ...] | None:
    return tuple(values) if values else None


@exit_codes
def check_command(
    files: Annotated[
        list[str] | None,
        typer.Argument(
            help="Documents, directories or glob patterns ('content/**/*.xlf'); foo.zh.txt pairs with foo.en.txt. "
            "Default: `files` in termcheck.toml.",
            show_default=False,
        ),
    ] = None,
    source: Annotated[
        Path | None,
        typer.Option("--source", help="Chinese source, one segment per line (with --target).", rich_help_panel=INPUTS),
    ] = None,
    target: Annotated[
        Path | None,
        typer.Option("--target", help="English target: line-aligned with --source, or alone.", rich_help_panel=INPUTS),
    ] = None,
    glossary: Annotated[
        list[Path] | None,
        typer.Option(
            "--glossary", "-g", help="Glossary (.csv, .tsv, .xlsx, .tbx); repeatable.", rich_help_panel=INPUTS
        ),
    ] = None,
    reference: Annotated[
        list[Path] | None,
        typer.Option(
            "--reference",
            "-r",
            help="Reference translation, line-aligned with the target: adds scores.",
            rich_help_panel=INPUTS,
        ),
    ] = None,
    exclude: Annotated[
        list[str] | None,
        typer.Option(
            "--exclude", help="Skip files matching this glob (from the project root).", rich_help_panel=INPUTS
        ),
    ] = None,
    encoding: Annotated[
        str | None,
        typer.Option(
            "--encoding", help="Input encoding. \\[default: BOM, else UTF-8, else GB18030]", rich_help_panel=INPUTS
        ),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            callback=non_negative,
            help="Worker processes for big inputs (0: one per core). \\[default: 1]",
            rich_help_panel=INPUTS,
        ),
    ] = None,
    input_format: Annotated[
        str | None,
        typer.Option(
            "--input-format", help="Override detection: text, tsv, csv, xliff, tmx, jsonl.", rich_help_panel=INPUTS
        ),
    ] = None,
    id_column: Annotated[
        str | None,
        typer.Option("--id-column", help="TSV/CSV column or JSONL key of the segment id.", rich_help_panel=INPUTS),
    ] = None,
    source_column: Annotated[
        str | None,
        typer.Option(
            "--source-column", help="TSV/CSV column or JSONL key of the Chinese source.", rich_help_panel=INPUTS
        ),
    ] = None,
    target_column: Annotated[
        str | None,
        typer.Option(
            "--target-column", help="TSV/CSV column or JSONL key of the English target.", rich_help_panel=INPUTS
        ),
    ] = None,
    glossary_column: Annotated[
        list[str] | None,
        typer.Option(
            "--glossary-column", help="Map a glossary column: en=English (repeatable).", rich_help_panel=INPUTS
        ),
    ] = None,
    output_format: Annotated[
        str | None,
        typer.Option(
            "--format", "-f", help="text, json, sarif, junit or github. \\[default: text]", rich_help_panel=REPORTS
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Write the --format report here instead of stdout.", rich_help_panel=REPORTS
        ),
    ] = None,
    xlsx: Annotated[
        Path | None,
        typer.Option(
            "--xlsx", help="Also write an Excel workbook for review (keeps earlier decisions).", rich_help_panel=REPORTS
        ),
    ] = None,
    sarif: Annotated[
        Path | None,
        typer.Option("--sarif", help="Also write SARIF 2.1.0 (GitHub code scanning).", rich_help_panel=REPORTS),
    ] = None,
    junit: Annotated[
        Path | None,
        typer.Option("--junit", help="Also write JUnit XML, a test case per document.", rich_help_panel=REPORTS),
    ] = None,
    json_output: Annotated[
        Path | None, typer.Option("--json", help="Also write the JSON report.", rich_help_panel=REPORTS)
    ] = None,
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on",
            help="Exit 1 on findings at or above: error, warning, info; never: exit 0. \\[default: error]",
            rich_help_panel=CHECKS,
        ),
    ] = None,
    select: Annotated[
        list[str] | None,
        typer.Option(
            "--select", help="Only these checks (codes, prefixes or names; comma-separated).", rich_help_panel=CHECKS
        ),
    ] = None,
    ignore: Annotated[
        list[str] | None, typer.Option("--ignore", help="Skip these checks.", rich_help_panel=CHECKS)
    ] = None,
    severity: Annotated[
        list[str] | None,
        typer.Option(
            "--severity", help="Change a check's severity: TC212=warning (repeatable).", rich_help_panel=CHECKS
        ),
    ] = None,
    deprecated_everywhere: Annotated[
        bool | None,
        typer.Option(
            "--deprecated-everywhere",
            help="Flag deprecated terms even where the source lacks the concept.",
            rich_help_panel=CHECKS,
        ),
    ] = None,
    allow_untranslated: Annotated[
        list[str] | None,
        typer.Option(
            "--allow-untranslated",
            help="Regex of Chinese text kept in the target on purpose (repeatable).",
            rich_help_panel=CHECKS,
        ),
    ] = None,
    ignore_file: Annotated[
        Path | None,
        typer.Option(
            "--ignore-file",
            help="Suppressions from `termcheck review apply`. \\[default: .termcheck-ignore at the project root]",
            rich_help_panel=CHECKS,
        ),
    ] = None,
    no_ignore_file: Annotated[
        bool,
        typer.Option("--no-ignore-file", help="Report every finding, even suppressed ones.", rich_help_panel=CHECKS),
    ] = False,
    baseline: Annotated[
        Path | None,
        typer.Option("--baseline", help="Fail only on findings this baseline does not accept.", rich_help_panel=CHECKS),
    ] = None,
    write_baseline: Annotated[
        Path | None,
        typer.Option(
            "--write-baseline", help="Record today's findings as accepted, and exit 0.", rich_help_panel=CHECKS
        ),
    ] = None,
    config: Annotated[
        Path | None,
        typer.Option(
            "--config",
            help="Configuration file. \\[default: termcheck.toml or pyproject.toml, found upwards]",
            rich_help_panel=CONFIG,
        ),
    ] = None,
    no_config: Annotated[
        bool, typer.Option("--no-config", help="Ignore configuration files.", rich_help_panel=CONFIG)
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary or progress on stderr.")] = False,
) -> None:
    """Check English MT output (with or without its Chinese source) against glossaries."""
    from dataclasses import replace

    from termcheck.api import check_project
    from termcheck.outputs import Output
    from termcheck.writers.text import summary_line

    project = load_project(config, no_config)
    settings = project.settings.override(
        glossary=tuple(str(g) for g in glossary) if glossary else None,
        exclude=_tuple(exclude),
        select=_tuple(split_codes(select)),
        ignore=_tuple(split_codes(ignore)),
        # --severity adds to (and where a check is named in both, overrides) the config's [severity] table
        severity={**project.settings.severity, **parse_severities(severity, project.settings.rules)}
        if severity
        else None,
        format=output_format,
        ignore_file=str(ignore_file) if ignore_file else None,
        use_ignore_file=False if no_ignore_file else None,
        baseline=str(baseline) if baseline else None,
        encoding=encoding,
        input_format=input_format,
        id_column=id_column,
        source_column=source_column,
        target_column=target_column,
        glossary_columns=parse_mapping(glossary_column, "--glossary-column") or None,
        deprecated_everywhere=deprecated_everywhere,
        allow_untranslated=_tuple(allow_untranslated),
        jobs=jobs,
    )
    if fail_on is not None:  # set apart: "never" is None, which override() would skip
        settings = replace(settings, fail_on=parse_fail_on(fail_on))
    outputs = [Output(settings.format, str(output) if output else None, "--output")] + [
        Output(fmt, str(path), option)
        for fmt, path, option in (
            ("xlsx", xlsx, "--xlsx"),
            ("sarif", sarif, "--sarif"),
            ("junit", junit, "--junit"),
            ("json", json_output, "--json"),
        )
        if path is not None
    ]
    with progress_bar(enabled=not quiet) as advance:
        run = check_project(
            settings,
            root=project.root,
            files=files or (),
            source=str(source) if source else None,
            target=str(target) if target else None,
            references=[str(r) for r in reference or []],
            outputs=outputs,
            write_baseline_to=str(write_baseline) if write_baseline else None,
            config_file=project.path,
            progress=advance,
        )
    if not quiet:
        for note in run.skipped:
            print(f"termcheck: skipped {note}", file=sys.stderr)
        for note in run.notes:
            print(f"termcheck: note: {note}", file=sys.stderr)
        for saved in run.workbooks:
            print(workbook_line(saved), file=sys.stderr)
        if run.baseline_recorded is not None:
            print(f"wrote {write_baseline}: {run.baseline_recorded} findings accepted as the baseline", file=sys.stderr)
        print(summary_line(run.report), file=sys.stderr)
    raise typer.Exit(EXIT_CLEAN if write_baseline is not None or not run.report.fails() else EXIT_FINDINGS)
